/*
 * fuzz_entities.c: libFuzzer target for entity extraction: the public
 * extract API (ext/ner/extract.h) over any bytes, with and without an
 * anchor date, and the two stages beside the model that it is being
 * wired to: the rules over each sentence (rules.h) and the canonical
 * names over the document (canon.h).
 *
 * Input: byte 0 holds flags (bit 0: give an anchor date; bit 1: a tiny
 * memory limit for canon); with an anchor, bytes 1-4 choose it (a real date
 * in years 0000-9999, as lede_entities accepts); the rest is the text.
 *
 * Invariants checked (abort on violation):
 *  - entities come in text order, never overlap, are non-empty, lie within
 *    the text and start and end on token boundaries, and their code-point
 *    offsets equal the count of characters before them;
 *  - each lies inside the sentence its `sentence` names, counted as
 *    lede_sentences counts them;
 *  - labels are from the documented set; canonical, value and unit are NULL
 *    or well-formed UTF-8; a value has its label's form (entities-rules.md:
 *    real ISO dates, periods, durations, HH:MM, decimals); country is "" or
 *    two capitals;
 *  - rules: matches are in order, non-overlapping, within the sentence's
 *    tokens, with labels DATE..QUANTITY or NORP and values of their form;
 *  - canon: every entity gets a non-NULL, NUL-terminated, well-formed
 *    canonical name and a well-formed country; a point only for a place or
 *    a nationality, on the globe, and a GeoNames id only with a point; the
 *    same holds when every entity is passed as a GPE (so that the place
 *    resolver, ext/geo/geo.h, reads every span the model found);
 *  - the same text gives the same entities twice.
 */
#include "check.h"
#include "ner/canon.h"
#include "ner/dates.h"
#include "ner/extract.h"
#include "ner/rules.h"
#include "text/sentences.h"
#include "text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void *grow(void *p, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap)
        return p;
    size_t c = *cap ? *cap * 2 : 64;
    while (c < need)
        c *= 2;
    p = realloc(p, c * elem);
    FUZZ_CHECK(p);
    *cap = c;
    return p;
}

static int utf8_or_null(const char *s, size_t n) { return !s || lede_utf8_valid(s, n); }

/* The point of an entity: only for places, nationalities and organisations named after a
   place, on the globe; a GeoNames id only with a point. */
static void check_point(lede_ent_label label, int has_point, double lat, double lon,
                        uint32_t geonames) {
    FUZZ_CHECK(has_point == 0 || has_point == 1);
    if (!has_point) {
        FUZZ_CHECK(geonames == 0);
        return;
    }
    FUZZ_CHECK(lede_ent_label_is_place(label) || label == LEDE_ENT_NORP ||
               label == LEDE_ENT_MISC || label == LEDE_ENT_ORG);
    FUZZ_CHECK(lat >= -90.0 && lat <= 90.0 && lon >= -180.0 && lon <= 180.0);
}

/* Value, unit and country of an entity (from the extractor or the rules). */
static void check_attrs(lede_ent_label label, const char *value, size_t vn, const char *unit,
                        size_t un, const char *country) {
    const char *name = lede_ent_label_name(label);
    FUZZ_CHECK(name && fuzz_is_label(name));
    FUZZ_CHECK(utf8_or_null(value, vn) && utf8_or_null(unit, un));
    FUZZ_CHECK(fuzz_is_entity_value(name, value, vn));
    FUZZ_CHECK(!unit || un > 0);
    FUZZ_CHECK(fuzz_is_country(country, strlen(country)));
}

typedef struct {
    lede_span *sents; /* the sentences, as lede_sentences gives them */
    size_t nsent, sent_cap;
    lede_token *toks; /* every token of the text */
    size_t ntok, tok_cap;
    size_t *first; /* [nsent + 1]: the first token of each sentence */
    size_t first_cap;
    lede_span *ents; /* the extractor's entities */
    int *labels;
    size_t nent, ent_cap, label_cap;
} doc;

static void read_doc(doc *d, const char *s, size_t n) {
    lede_sent_iter si;
    lede_span sp;
    lede_sent_init(&si, s, n);
    while (lede_sent_next(&si, &sp)) {
        d->sents = grow(d->sents, &d->sent_cap, d->nsent + 1, sizeof *d->sents);
        d->sents[d->nsent++] = sp;
    }
    lede_tok_iter ti;
    lede_token t;
    lede_tok_init(&ti, s, n);
    while (lede_tok_next(&ti, &t)) {
        d->toks = grow(d->toks, &d->tok_cap, d->ntok + 1, sizeof *d->toks);
        d->toks[d->ntok++] = t;
    }
    d->first = grow(d->first, &d->first_cap, d->nsent + 1, sizeof *d->first);
    size_t k = 0;
    for (size_t i = 0; i < d->nsent; i++) {
        while (k < d->ntok && d->toks[k].span.byte_start < d->sents[i].byte_start)
            k++;
        d->first[i] = k;
    }
    d->first[d->nsent] = d->ntok;
}

/* 1 when a token starts (or, with end set, ends) at byte b. */
static int token_edge(const doc *d, size_t b, int end) {
    size_t lo = 0, hi = d->ntok;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        size_t v = end ? d->toks[mid].span.byte_end : d->toks[mid].span.byte_start;
        if (v == b)
            return 1;
        if (v < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static void run_extract(doc *d, const char *s, size_t n, const char *anchor,
                        lede_ner_scheme scheme, int record) {
    lede_ner_extractor x;
    lede_ner_entity e;
    lede_rc rc;
    size_t prev_end = 0, prev_cp = 0, k = 0;
    lede_ner_extract_init(&x, lede_ner_scheme_model(scheme), scheme, s, n, anchor);
    while ((rc = lede_ner_extract_next(&x, &e)) == LEDE_OK) {
        const lede_span *sp = &e.span;
        FUZZ_CHECK(sp->byte_start >= prev_end && sp->byte_end > sp->byte_start &&
                   sp->byte_end <= n);
        FUZZ_CHECK(sp->cp_start ==
                   prev_cp + lede_utf8_count(s + prev_end, sp->byte_start - prev_end));
        FUZZ_CHECK(sp->cp_end - sp->cp_start ==
                   lede_utf8_count(s + sp->byte_start, sp->byte_end - sp->byte_start));
        FUZZ_CHECK(token_edge(d, sp->byte_start, 0) && token_edge(d, sp->byte_end, 1));
        FUZZ_CHECK(e.sentence < d->nsent);
        const lede_span *in = &d->sents[e.sentence];
        FUZZ_CHECK(in->byte_start <= sp->byte_start && sp->byte_end <= in->byte_end);
        FUZZ_CHECK(in->cp_start <= sp->cp_start && sp->cp_end <= in->cp_end);
        FUZZ_CHECK(utf8_or_null(e.canonical, e.canonical_len));
        FUZZ_CHECK(!e.canonical || e.canonical_len > 0);
        check_attrs(e.label, e.value, e.value_len, e.unit, e.unit_len, e.country);
        check_point(e.label, e.has_point, e.lat, e.lon, e.geonames);
        if (record) {
            d->ents = grow(d->ents, &d->ent_cap, d->nent + 1, sizeof *d->ents);
            d->labels = grow(d->labels, &d->label_cap, d->nent + 1, sizeof *d->labels);
            d->ents[d->nent] = *sp;
            d->labels[d->nent++] = (int)e.label;
        } else {
            FUZZ_CHECK(k < d->nent && memcmp(&d->ents[k], sp, sizeof *sp) == 0 &&
                       d->labels[k] == (int)e.label);
        }
        k++;
        prev_end = sp->byte_end;
        prev_cp = sp->cp_end;
    }
    FUZZ_CHECK(rc == LEDE_DONE);
    FUZZ_CHECK(record || k == d->nent);
    lede_ner_extract_free(&x);
}

static void run_rules(const doc *d, const char *s, size_t n, const lede_date *anchor) {
    lede_rules_ctx ctx;
    lede_rules_init(&ctx);
    for (size_t i = 0; i < d->nsent; i++) {
        size_t nt = d->first[i + 1] - d->first[i];
        FUZZ_CHECK(lede_rules_scan(&ctx, s, n, d->toks + d->first[i], nt, anchor) == LEDE_OK);
        size_t prev = 0;
        for (size_t k = 0; k < ctx.count; k++) {
            const lede_rules_match *m = &ctx.matches[k];
            FUZZ_CHECK(m->start >= prev && m->start < m->end && m->end <= nt);
            FUZZ_CHECK(m->label >= LEDE_ENT_NORP && m->label <= LEDE_ENT_QUANTITY);
            FUZZ_CHECK(memchr(m->value, '\0', sizeof m->value) &&
                       memchr(m->unit, '\0', sizeof m->unit) && m->country[2] == '\0');
            size_t vn = strlen(m->value), un = strlen(m->unit);
            check_attrs(m->label, vn ? m->value : NULL, vn, un ? m->unit : NULL, un, m->country);
            prev = m->end;
        }
    }
    lede_rules_free(&ctx);
}

static void run_canon(const doc *d, const char *s, size_t n, size_t mem_limit, int as_places) {
    lede_canon_ctx c;
    lede_canon_init(&c, s, n, mem_limit);
    for (size_t k = 0; k < d->nent; k++) {
        lede_canon_entity e;
        memset(&e, 0, sizeof e);
        e.byte_start = d->ents[k].byte_start;
        e.byte_end = d->ents[k].byte_end;
        e.label = as_places ? LEDE_ENT_GPE : (lede_ent_label)d->labels[k];
        FUZZ_CHECK(lede_canon_next(&c, &e) == LEDE_OK);
        FUZZ_CHECK(e.canonical && strlen(e.canonical) == e.canonical_len);
        FUZZ_CHECK(lede_utf8_valid(e.canonical, e.canonical_len));
        FUZZ_CHECK(e.country[2] == '\0' && fuzz_is_country(e.country, strlen(e.country)));
        check_point(e.label, e.has_point, e.lat, e.lon, e.geonames);
    }
    lede_canon_free(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1 || size > 8192)
        return 0; /* longer inputs add time, not coverage */
    unsigned flags = data[0];
    size_t off = 1;
    char anchor[11] = "";
    lede_date ad, *adp = NULL;
    if ((flags & 1) && size >= 5) {
        int y = (data[1] << 8 | data[2]) % 10000, m = data[3] % 12 + 1;
        int dim = m == 2 ? ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28)
                  : (m == 4 || m == 6 || m == 9 || m == 11) ? 30
                                                            : 31;
        snprintf(anchor, sizeof anchor, "%04d-%02d-%02d", y, m, data[4] % dim + 1);
        FUZZ_CHECK(fuzz_is_date(anchor, 10));
        if (lede_date_parse_iso(anchor, 10, &ad))
            adp = &ad;
        off = 5;
    }
    const char *s = (const char *)data + off;
    size_t n = size - off;

    doc d;
    memset(&d, 0, sizeof d);
    read_doc(&d, s, n);
    /* bit 2 of the first byte: the CoNLL-2003 scheme */
    lede_ner_scheme scheme = (flags & 4) ? LEDE_NER_SCHEME_CONLL : LEDE_NER_SCHEME_ONTONOTES;
    run_extract(&d, s, n, anchor[0] ? anchor : NULL, scheme, 1);
    run_extract(&d, s, n, anchor[0] ? anchor : NULL, scheme, 0);
    run_rules(&d, s, n, adp);
    if (adp)
        run_rules(&d, s, n, NULL);
    run_canon(&d, s, n, (flags & 2) ? 64 : 0, 0);
    run_canon(&d, s, n, (flags & 2) ? 64 : 0, 1);
    free(d.sents);
    free(d.toks);
    free(d.first);
    free(d.ents);
    free(d.labels);
    return 0;
}
