/*
 * fuzz_html.c: libFuzzer target for the page reader (lede_corpus_html_parse
 * and lede_corpus_html_sniff, ext/corpus/html.h), on any bytes.
 *
 * Invariants checked (abort on violation):
 *  - every field is NULL or well-formed UTF-8 without a CR; body and
 *    authors are never NULL; authors is a JSON array of strings;
 *  - title, published, source, url and dateline have no line break and
 *    are never empty when set; published is NULL or a real date
 *    YYYY-MM-DD;
 *  - reading is a function of the input: the same bytes read again after
 *    another page (buffers reused) and from another copy give the same
 *    fields.
 */
#include "check.h"
#include "corpus/html.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { NF = 7 };

static void field_list(const lede_corpus_article *a, lede_corpus_text out[NF]) {
    out[0] = a->title;
    out[1] = a->published;
    out[2] = a->dateline;
    out[3] = a->source;
    out[4] = a->url;
    out[5] = a->authors;
    out[6] = a->body;
}

static void check_fields(const lede_corpus_article *a) {
    lede_corpus_text t[NF];
    field_list(a, t);
    for (int i = 0; i < NF; i++) {
        if (!t[i].s)
            continue;
        FUZZ_CHECK(lede_utf8_valid(t[i].s, t[i].n));
        FUZZ_CHECK(!memchr(t[i].s, '\r', t[i].n));
        if (i < 5)
            FUZZ_CHECK(t[i].n > 0 && !memchr(t[i].s, '\n', t[i].n));
    }
    FUZZ_CHECK(a->body.s && a->authors.s);
    FUZZ_CHECK(fuzz_is_json_names(a->authors.s, a->authors.n));
    FUZZ_CHECK(!a->published.s || fuzz_is_date(a->published.s, a->published.n));
}

typedef struct {
    char *s[NF];
    size_t n[NF];
} fields;

static void keep(const lede_corpus_article *a, fields *f) {
    lede_corpus_text t[NF];
    field_list(a, t);
    for (int i = 0; i < NF; i++) {
        f->n[i] = t[i].n;
        f->s[i] = NULL;
        if (t[i].s) {
            f->s[i] = malloc(t[i].n + 1);
            FUZZ_CHECK(f->s[i]);
            memcpy(f->s[i], t[i].s, t[i].n);
        }
    }
}

static void same(const lede_corpus_article *a, const fields *f) {
    lede_corpus_text t[NF];
    field_list(a, t);
    for (int i = 0; i < NF; i++) {
        FUZZ_CHECK((t[i].s == NULL) == (f->s[i] == NULL));
        FUZZ_CHECK(!t[i].s || (t[i].n == f->n[i] && memcmp(t[i].s, f->s[i], t[i].n) == 0));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 1 << 17)
        return 0; /* longer inputs add time, not coverage */
    const char *s = (const char *)data;
    (void)lede_corpus_html_sniff(s, size);

    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    if (lede_corpus_html_parse(&a, s, size) != LEDE_OK)
        abort(); /* malloc does not fail here */
    check_fields(&a);
    fields first;
    keep(&a, &first);

    /* another page through the same buffers: the first half, then all again from a copy */
    FUZZ_CHECK(lede_corpus_html_parse(&a, s, size / 2) == LEDE_OK);
    check_fields(&a);
    char *copy = malloc(size + 1);
    FUZZ_CHECK(copy);
    memcpy(copy, s, size);
    FUZZ_CHECK(lede_corpus_html_parse(&a, copy, size) == LEDE_OK);
    same(&a, &first);
    free(copy);
    for (int i = 0; i < NF; i++)
        free(first.s[i]);
    lede_corpus_article_free(&a);
    return 0;
}
