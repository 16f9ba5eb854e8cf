/*
 * test_records.c: JSON Lines, CSV/TSV and WARC records read from a stream
 * (ext/corpus/records.h, warc.h), pulled in pieces of every size from one
 * byte up so that records straddle refills, and articles built from record
 * fields. Cases found by fuzz_records are named for what they broke.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "corpus/records.h"
#include "corpus/warc.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *s;
    size_t n, at, piece;
} mem_source;

static lede_rc mem_pull(void *ctx, char *buf, size_t cap, size_t *got, lede_corpus_fault *f) {
    (void)f;
    mem_source *m = ctx;
    size_t k = m->n - m->at;
    if (k > cap)
        k = cap;
    if (k > m->piece)
        k = m->piece;
    memcpy(buf, m->s + m->at, k);
    m->at += k;
    *got = k;
    return LEDE_OK;
}

/* Reads all records of s as kind, writing "N:raw|" or "N!message|" into out. */
static void records(lede_corpus_records_kind kind, const char *s, size_t n, size_t piece,
                    uint64_t limit, char *out, size_t cap) {
    mem_source m = {s, n, 0, piece};
    lede_corpus_stream st;
    memset(&st, 0, sizeof st);
    lede_corpus_stream_init(&st, mem_pull, &m);
    lede_corpus_records r;
    memset(&r, 0, sizeof r);
    r.kind = kind;
    size_t o = 0;
    out[0] = '\0';
    lede_rc rc;
    while ((rc = lede_corpus_records_next(&r, &st, limit)) == LEDE_OK) {
        if (r.fault.kind != LEDE_CORPUS_FAULT_NONE)
            o += (size_t)snprintf(out + o, cap - o, "%d!%s|", (int)r.number, r.fault.detail);
        else if (kind == LEDE_CORPUS_RECORDS_JSONL)
            o += (size_t)snprintf(out + o, cap - o, "%d:%.*s|", (int)r.number, (int)r.raw.len,
                                  r.raw.p);
        else
            o += (size_t)snprintf(out + o, cap - o, "%d:%.*s/%.*s|", (int)r.number,
                                  (int)r.fields.f[LEDE_CORPUS_ROLE_TITLE].n,
                                  r.fields.f[LEDE_CORPUS_ROLE_TITLE].s ? r.fields.f[LEDE_CORPUS_ROLE_TITLE].s : "",
                                  (int)r.fields.f[LEDE_CORPUS_ROLE_TEXT].n,
                                  r.fields.f[LEDE_CORPUS_ROLE_TEXT].s ? r.fields.f[LEDE_CORPUS_ROLE_TEXT].s : "");
    }
    assert_int_equal(rc, LEDE_DONE);
    lede_corpus_records_free(&r);
    lede_corpus_stream_free(&st);
}

typedef struct {
    const char *name;
    lede_corpus_records_kind kind;
    const char *in;
    uint64_t limit;
    const char *want;
} rec_case;

/* clang-format off */
static const rec_case cases[] = {
    {"JSON lines, blank lines skipped, CRLF", LEDE_CORPUS_RECORDS_JSONL,
     "{\"a\":1}\n\n{\"b\":2}\r\n{\"c\":3}", 1000, "1:{\"a\":1}|2:{\"b\":2}|3:{\"c\":3}|"},
    {"a JSON line over the limit is a malformed record (fuzz_records)", LEDE_CORPUS_RECORDS_JSONL,
     "{\"a\":\"0123456789\"}\n{}\n", 10, "1!malformed record 1: longer than the limit of 10 bytes|2:{}|"},
    {"CSV quotes, separators and line breaks in fields", LEDE_CORPUS_RECORDS_CSV,
     "title,text\r\n\"A, b\",\"x\ny \"\"q\"\"\"\r\nC,d\r\n", 1000, "1:A, b/x\ny \"q\"|2:C/d|"},
    {"CSV faults are rows; the file goes on", LEDE_CORPUS_RECORDS_CSV,
     "title,text\n\"a\"x,b\n1,2,3\nok,fine\n\"open,", 1000,
     "1!malformed record 1: text after a closing quote|2!malformed record 2: more fields than the header|"
     "3:ok/fine|4!malformed record 4: the file ends inside a quoted field|"},
    {"TSV with a UTF-8 mark and a Latin-1 row", LEDE_CORPUS_RECORDS_TSV,
     "\xEF\xBB\xBFheadline\tbody\nCaf\xE9\tM\xFCnchen text\n", 1000,
     "1:Caf\xC3\xA9/M\xC3\xBCnchen text|"},
    {"a UTF-8 mark then a UTF-16 one is not UTF-16 (fuzz_records)", LEDE_CORPUS_RECORDS_CSV,
     "\xEF\xBB\xBF\xFF\xFEtitle\nx\n", 1000, "1!malformed record 1: the header row is not text|"},
    {"UTF-16 record files are reported", LEDE_CORPUS_RECORDS_CSV,
     "\xFF\xFEt\0i\0", 1000, "1!malformed record 1: UTF-16 record files are not read (convert to UTF-8)|"},
};
/* clang-format on */

static void test_records_table_in_every_piece_size(void **state) {
    (void)state;
    char got[1024], first[1024];
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const rec_case *c = &cases[k];
        print_message("%s\n", c->name);
        size_t n = strlen(c->in);
        if (c->kind == LEDE_CORPUS_RECORDS_CSV && c->in[0] == '\xFF')
            n = 6;
        records(c->kind, c->in, n, 65536, c->limit, first, sizeof first);
        assert_string_equal(first, c->want);
        for (size_t piece = 1; piece < 9; piece++) {
            records(c->kind, c->in, n, piece, c->limit, got, sizeof got);
            assert_string_equal(got, first);
        }
    }
}

static void test_records_field_roles(void **state) {
    (void)state;
    assert_int_equal(lede_corpus_field_role("maintext", 8), LEDE_CORPUS_ROLE_TEXT);
    assert_int_equal(lede_corpus_field_role("date_publish", 12), LEDE_CORPUS_ROLE_DATE);
    assert_int_equal(lede_corpus_field_role("publishedAt", 11), LEDE_CORPUS_ROLE_DATE);
    assert_int_equal(lede_corpus_field_role("Source-Domain", 13), LEDE_CORPUS_ROLE_SOURCE);
    assert_int_equal(lede_corpus_field_role("headline", 8), LEDE_CORPUS_ROLE_TITLE);
    assert_int_equal(lede_corpus_field_role("link", 4), LEDE_CORPUS_ROLE_URL);
    assert_int_equal(lede_corpus_field_role("byline", 6), LEDE_CORPUS_ROLE_AUTHORS);
    assert_int_equal(lede_corpus_field_role("image_url", 9), LEDE_CORPUS_ROLE_NONE);
}

static void test_records_article_from_fields(void **state) {
    (void)state;
    lede_corpus_fields fl;
    memset(&fl, 0, sizeof fl);
    fl.f[LEDE_CORPUS_ROLE_TITLE] = (lede_corpus_text){"Rail Strike Ends", 16};
    fl.f[LEDE_CORPUS_ROLE_TEXT] = (lede_corpus_text){"LONDON (Reuters) - Drivers ended it.", 36};
    fl.f[LEDE_CORPUS_ROLE_DATE] = (lede_corpus_text){"Tue, 07 Jan 2025 09:30:00 GMT", 29};
    fl.f[LEDE_CORPUS_ROLE_AUTHORS] = (lede_corpus_text){"Ann Lee and Bo Chen", 19};
    fl.f[LEDE_CORPUS_ROLE_URL] = (lede_corpus_text){"https://x.example/1", 19};
    lede_corpus_article a, meta;
    lede_corpus_buf scratch;
    memset(&a, 0, sizeof a);
    memset(&meta, 0, sizeof meta);
    memset(&scratch, 0, sizeof scratch);
    int html;
    assert_int_equal(lede_corpus_article_from_fields(&a, &meta, &fl, &scratch, &html), LEDE_OK);
    assert_false(html);
    assert_memory_equal(a.title.s, "Rail Strike Ends", 16);
    assert_memory_equal(a.published.s, "2025-01-07", 10);
    assert_memory_equal(a.dateline.s, "LONDON", 6);
    assert_int_equal(a.body.n, 17);
    assert_memory_equal(a.body.s, "Drivers ended it.", 17);
    assert_int_equal(a.authors.n, 21);
    assert_memory_equal(a.authors.s, "[\"Ann Lee\",\"Bo Chen\"]", 21);
    assert_memory_equal(a.url.s, "https://x.example/1", 19);
    fl.f[LEDE_CORPUS_ROLE_TEXT] = (lede_corpus_text){"<div><p>Hello there.</p></div>", 30};
    assert_int_equal(lede_corpus_article_from_fields(&a, &meta, &fl, &scratch, &html), LEDE_OK);
    assert_true(html);
    assert_memory_equal(a.title.s, "Rail Strike Ends", 16);
    assert_int_equal(a.body.n, 12);
    assert_memory_equal(a.body.s, "Hello there.", 12);
    lede_corpus_article_free(&a);
    lede_corpus_article_free(&meta);
    lede_corpus_buf_free(&scratch);
}

static void test_warc_records(void **state) {
    (void)state;
    static const char warc[] =
        "WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 4\r\n\r\nGET \r\n\r\n"
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: <http://a.example/>\r\n"
        "Content-Type: application/http;msgtype=response\r\nContent-Length: 67\r\n\r\n"
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>x</p>\r\n\r\n"
        "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 9";
    for (size_t piece = 1; piece < 70; piece += 7) {
        mem_source m = {warc, sizeof warc - 1, 0, piece};
        lede_corpus_stream st;
        memset(&st, 0, sizeof st);
        lede_corpus_stream_init(&st, mem_pull, &m);
        lede_corpus_warc w;
        memset(&w, 0, sizeof w);
        assert_int_equal(lede_corpus_warc_next(&w, &st, 1000), LEDE_OK);
        assert_int_equal(w.number, 1);
        assert_int_equal(w.fault.kind, LEDE_CORPUS_FAULT_NONE);
        assert_true(w.html);
        assert_string_equal(w.charset, "utf-8");
        assert_int_equal(w.url.n, 17);
        assert_memory_equal(w.url.s, "http://a.example/", 17);
        assert_int_equal(w.payload.n, 8);
        assert_memory_equal(w.payload.s, "<p>x</p>", 8);
        assert_int_equal(lede_corpus_warc_next(&w, &st, 1000), LEDE_OK);
        assert_int_equal(w.fault.kind, LEDE_CORPUS_FAULT_FORMAT);
        assert_non_null(strstr(w.fault.detail, "truncated"));
        assert_int_equal(lede_corpus_warc_next(&w, &st, 1000), LEDE_DONE);
        lede_corpus_warc_free(&w);
        lede_corpus_stream_free(&st);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_records_table_in_every_piece_size),
        cmocka_unit_test(test_records_field_roles),
        cmocka_unit_test(test_records_article_from_fields),
        cmocka_unit_test(test_warc_records),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
