/*
 * fuzz_quotes.c: libFuzzer target for quotations and reported speech: the
 * public API of ext/quotes/quotes.h over any bytes.
 *
 * Invariants checked (abort on violation):
 *  - contents come in text order (by start), are non-empty and lie within
 *    the text; source and cue spans likewise, when present;
 *  - every span starts and ends on a character boundary as utf8.h steps,
 *    and its code-point offsets equal the count of characters before it;
 *  - sentence is the seq of the sentence (as lede_sentences counts them)
 *    that holds the content's first character;
 *  - kind and label are documented values; speaker is NULL or well-formed,
 *    NUL-terminated UTF-8 of its stated length, with a label;
 *  - the same text gives the same rows twice.
 */
#include "check.h"
#include "quotes/quotes.h"
#include "text/sentences.h"
#include "text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The code points before byte b, stepping as utf8.h does; SIZE_MAX when b
   is not a character boundary. */
static size_t cp_at(const char *s, size_t n, size_t b) {
    size_t i = 0, cp = 0;
    uint32_t c;
    while (i < b && i < n) {
        i = lede_utf8_next(s, n, i, &c);
        cp++;
    }
    return i == b ? cp : SIZE_MAX;
}

static void check_span(const char *s, size_t n, const lede_span *sp) {
    FUZZ_CHECK(sp->byte_start < sp->byte_end && sp->byte_end <= n);
    FUZZ_CHECK(cp_at(s, n, sp->byte_start) == sp->cp_start);
    FUZZ_CHECK(cp_at(s, n, sp->byte_end) == sp->cp_end);
}

typedef struct {
    lede_quote q;
    char speaker[LEDE_QUOTES_NAME_MAX];
} row;

static size_t run(const char *s, size_t n, row **rows, size_t *cap) {
    lede_quotes_iter *it = malloc(sizeof *it);
    FUZZ_CHECK(it);
    lede_quotes_init(it, s, n);
    lede_quote q;
    lede_rc rc;
    size_t k = 0;
    while ((rc = lede_quotes_next(it, &q)) == LEDE_OK) {
        if (k == *cap) {
            *cap = *cap ? *cap * 2 : 64;
            *rows = realloc(*rows, *cap * sizeof **rows);
            FUZZ_CHECK(*rows);
        }
        row *r = &(*rows)[k++];
        r->q = q;
        r->speaker[0] = '\0';
        if (q.speaker) {
            FUZZ_CHECK(q.speaker_len < sizeof r->speaker);
            FUZZ_CHECK(strlen(q.speaker) == q.speaker_len);
            FUZZ_CHECK(lede_utf8_valid(q.speaker, q.speaker_len));
            FUZZ_CHECK(q.label != LEDE_QUOTE_NONE && lede_quote_label_name(q.label));
            memcpy(r->speaker, q.speaker, q.speaker_len + 1);
        }
        r->q.speaker = NULL;
    }
    FUZZ_CHECK(rc == LEDE_DONE);
    lede_quotes_free(it);
    free(it);
    return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *s = (const char *)data;
    row *a = NULL, *b = NULL;
    size_t ca = 0, cb = 0;
    size_t na = run(s, size, &a, &ca);
    /* sentence spans, to check each row's sentence */
    lede_sent_iter si;
    lede_span sp;
    lede_sent_init(&si, s, size);
    size_t seq = 0, last = 0;
    int have = lede_sent_next(&si, &sp);
    for (size_t i = 0; i < na; i++) {
        const lede_quote *q = &a[i].q;
        check_span(s, size, &q->content);
        FUZZ_CHECK(q->content.byte_start >= last);
        last = q->content.byte_start;
        if (q->has_source)
            check_span(s, size, &q->source);
        if (q->has_cue)
            check_span(s, size, &q->cue);
        FUZZ_CHECK(q->kind == LEDE_QUOTE_DIRECT || q->kind == LEDE_QUOTE_INDIRECT ||
                   q->kind == LEDE_QUOTE_MIXED);
        FUZZ_CHECK(strcmp(lede_quote_kind_name(q->kind), "direct") == 0 ||
                   strcmp(lede_quote_kind_name(q->kind), "indirect") == 0 ||
                   strcmp(lede_quote_kind_name(q->kind), "mixed") == 0);
        while (have && sp.byte_end <= q->content.byte_start) {
            have = lede_sent_next(&si, &sp);
            seq++;
        }
        FUZZ_CHECK(have && sp.byte_start <= q->content.byte_start);
        FUZZ_CHECK(q->sentence == seq);
    }
    size_t nb = run(s, size, &b, &cb);
    FUZZ_CHECK(na == nb);
    for (size_t i = 0; i < na; i++) {
        FUZZ_CHECK(memcmp(&a[i].q.content, &b[i].q.content, sizeof a[i].q.content) == 0);
        FUZZ_CHECK(a[i].q.kind == b[i].q.kind && a[i].q.label == b[i].q.label);
        FUZZ_CHECK(strcmp(a[i].speaker, b[i].speaker) == 0);
    }
    free(a);
    free(b);
    return 0;
}
