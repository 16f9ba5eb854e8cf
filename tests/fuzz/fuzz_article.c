/*
 * fuzz_article.c: libFuzzer target for the article reader
 * (lede_corpus_article_parse, ext/corpus/article.h) and the text check
 * the walk applies before it (lede_corpus_check_text), on any bytes.
 *
 * Invariants checked (abort on violation):
 *  - every field is NULL or well-formed UTF-8 without a CR (line ends read
 *    as LF); body is never NULL; authors is never NULL and is a JSON array
 *    of strings;
 *  - title has at most 200 bytes (unless it comes from front matter) and
 *    no line break; dateline and source
 *    have no line break; published is NULL or a real date YYYY-MM-DD;
 *  - parsing is a function of the input: the same bytes parsed again after
 *    another text (buffers reused) and from another copy give the same
 *    fields;
 *  - the text check gives a fault kind of its own and a non-empty message;
 *  - UTF-16 with a byte order mark converts to well-formed UTF-8 with as
 *    many characters as the scan counted, and the article is parsed from
 *    that conversion too (as lede_articles does).
 */
#include "check.h"
#include "corpus/article.h"
#include "corpus/utf16.h"
#include "corpus/walk.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
    char *s[6];
    size_t n[6];
} fields;

static void field_list(const lede_corpus_article *a, lede_corpus_text out[6]) {
    out[0] = a->title;
    out[1] = a->published;
    out[2] = a->dateline;
    out[3] = a->source;
    out[4] = a->authors;
    out[5] = a->body;
}

static void keep(const lede_corpus_article *a, fields *f) {
    lede_corpus_text t[6];
    field_list(a, t);
    for (int i = 0; i < 6; i++) {
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
    lede_corpus_text t[6];
    field_list(a, t);
    for (int i = 0; i < 6; i++) {
        FUZZ_CHECK((t[i].s == NULL) == (f->s[i] == NULL));
        FUZZ_CHECK(!t[i].s || (t[i].n == f->n[i] && memcmp(t[i].s, f->s[i], t[i].n) == 0));
    }
}

static void drop(fields *f) {
    for (int i = 0; i < 6; i++)
        free(f->s[i]);
}

static void check_fields(const lede_corpus_article *a, int front_matter) {
    lede_corpus_text t[6];
    field_list(a, t);
    for (int i = 0; i < 6; i++) {
        if (!t[i].s)
            continue;
        FUZZ_CHECK(lede_utf8_valid(t[i].s, t[i].n));
        FUZZ_CHECK(!memchr(t[i].s, '\r', t[i].n));
    }
    FUZZ_CHECK(a->body.s && a->authors.s);
    FUZZ_CHECK(fuzz_is_json_names(a->authors.s, a->authors.n));
    FUZZ_CHECK(!a->published.s || fuzz_is_date(a->published.s, a->published.n));
    FUZZ_CHECK(!a->title.s || a->title.n > 0);
    FUZZ_CHECK(!a->title.s || front_matter || a->title.n <= 200); /* front matter: any length */
    for (int i = 0; i < 4; i++)
        FUZZ_CHECK(!t[i].s || !memchr(t[i].s, '\n', t[i].n));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 1 << 16)
        return 0; /* longer inputs add time, not coverage */
    const char *s = (const char *)data;

    lede_corpus_fault f;
    lede_corpus_check_text(s, size, &f);
    FUZZ_CHECK(f.kind == LEDE_CORPUS_FAULT_NONE || f.kind == LEDE_CORPUS_FAULT_BINARY_NUL ||
               f.kind == LEDE_CORPUS_FAULT_BINARY_UTF8 || f.kind == LEDE_CORPUS_FAULT_BINARY_UTF16);
    lede_corpus_buf u8;
    memset(&u8, 0, sizeof u8);
    if (lede_corpus_utf16_detect(s, size) != LEDE_CORPUS_UTF16_NONE) {
        size_t chars, bad;
        int nul;
        lede_corpus_utf16_scan(s, size, &chars, &bad, &nul);
        FUZZ_CHECK(bad <= chars && (f.kind == LEDE_CORPUS_FAULT_BINARY_NUL) == nul);
        FUZZ_CHECK(lede_corpus_utf16_to_utf8(s, size, &u8) == LEDE_OK);
        FUZZ_CHECK(lede_utf8_valid(u8.p, u8.len) && lede_utf8_count(u8.p, u8.len) == chars);
        FUZZ_CHECK(u8.p[u8.len] == '\0' && (memchr(u8.p, '\0', u8.len) != NULL) == nul);
    } else {
        FUZZ_CHECK(f.kind != LEDE_CORPUS_FAULT_BINARY_UTF16);
    }
    FUZZ_CHECK(f.kind != LEDE_CORPUS_FAULT_BINARY_UTF8 || (f.percent >= 25 && f.percent <= 100));
    FUZZ_CHECK(f.kind == LEDE_CORPUS_FAULT_BINARY_NUL || !memchr(s, '\0', size) ||
               (size >= 2 &&
                ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF))));
    char msg[160];
    size_t mn = lede_corpus_fault_message(&f, msg, sizeof msg);
    FUZZ_CHECK(mn < sizeof msg && strlen(msg) == mn && (f.kind == LEDE_CORPUS_FAULT_NONE) == !mn);

    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    if (lede_corpus_article_parse(&a, s, size) != LEDE_OK)
        abort(); /* malloc does not fail here */
    int fm = (size >= 3 && memcmp(s, "---", 3) == 0) ||
             (size >= 6 && memcmp(s, "\xEF\xBB\xBF---", 6) == 0);
    check_fields(&a, fm);
    fields first;
    keep(&a, &first);
    (void)lede_corpus_article_words(&a);

    /* another text through the same buffers: the first half, then all again from a copy */
    FUZZ_CHECK(lede_corpus_article_parse(&a, s, size / 2) == LEDE_OK);
    check_fields(&a, fm);
    char *copy = malloc(size + 1);
    FUZZ_CHECK(copy);
    memcpy(copy, s, size);
    FUZZ_CHECK(lede_corpus_article_parse(&a, copy, size) == LEDE_OK);
    same(&a, &first);
    free(copy);
    if (u8.p) {
        FUZZ_CHECK(lede_corpus_article_parse(&a, u8.p, u8.len) == LEDE_OK);
        check_fields(&a, u8.len >= 3 && memcmp(u8.p, "---", 3) == 0);
        lede_corpus_buf_free(&u8);
    }
    drop(&first);
    lede_corpus_article_free(&a);
    return 0;
}
