/*
 * fuzz_records.c: libFuzzer target for the record readers and the WARC
 * reader (ext/corpus/records.h, warc.h) and the encoding rules
 * (encoding.h), on any bytes.
 *
 * The first input byte picks the reader (JSON Lines, CSV, TSV, WARC), the
 * limit (max_size) and the size of the pieces the stream is pulled in (one
 * byte to 64 KiB, so that records and headers straddle refills); the rest
 * is the file. The same bytes are then decoded as a whole file is.
 *
 * Invariants checked (abort on violation):
 *  - records are numbered 1, 2, 3, ... and every call ends (LEDE_DONE comes);
 *  - a record that is not malformed has at most limit bytes and no LF
 *    (JSON Lines) ; a malformed one has a non-empty message;
 *  - CSV fields lie in the record's values and are well-formed UTF-8 once
 *    decoded (as encoding.h reads the record), and the article built from
 *    them has well-formed UTF-8 fields and a JSON array of authors;
 *  - a WARC record's payload has at most limit bytes; after a record that
 *    stops the file, nothing more comes;
 *  - the same stream pulled in other pieces gives the same records;
 *  - decoding gives a fault with a message, or text that is well-formed
 *    UTF-8 whenever it was converted (UTF-16, a charset, Windows-1252).
 */
#include "check.h"
#include "corpus/encoding.h"
#include "corpus/records.h"
#include "corpus/warc.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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

/* Reads every record; returns a checksum of what was read, for comparing runs. */
static uint64_t read_all(int kind, const char *s, size_t n, size_t piece, uint64_t limit) {
    mem_source m = {s, n, 0, piece};
    lede_corpus_stream st;
    memset(&st, 0, sizeof st);
    lede_corpus_stream_init(&st, mem_pull, &m);
    uint64_t sum = 1469598103934665603u, expect = 1;
    if (kind == 3) {
        lede_corpus_warc w;
        memset(&w, 0, sizeof w);
        for (int guard = 0;; guard++) {
            FUZZ_CHECK(guard <= (int)n + 2);
            int stopped = w.stop;
            lede_rc rc = lede_corpus_warc_next(&w, &st, limit);
            if (rc == LEDE_DONE)
                break;
            FUZZ_CHECK(rc == LEDE_OK && !stopped);
            FUZZ_CHECK(w.number == expect++);
            if (w.fault.kind != LEDE_CORPUS_FAULT_NONE) {
                FUZZ_CHECK(w.fault.detail[0] != '\0');
            } else {
                FUZZ_CHECK(w.payload.s && w.payload.n <= limit);
                sum = (sum ^ w.payload.n) * 1099511628211u;
            }
        }
        lede_corpus_warc_free(&w);
    } else {
        lede_corpus_records r;
        memset(&r, 0, sizeof r);
        r.kind = kind == 0 ? LEDE_CORPUS_RECORDS_JSONL
                 : kind == 1 ? LEDE_CORPUS_RECORDS_CSV
                             : LEDE_CORPUS_RECORDS_TSV;
        lede_corpus_article a, meta;
        lede_corpus_buf scratch;
        memset(&a, 0, sizeof a);
        memset(&meta, 0, sizeof meta);
        memset(&scratch, 0, sizeof scratch);
        for (int guard = 0;; guard++) {
            FUZZ_CHECK(guard <= (int)n + 2);
            lede_rc rc = lede_corpus_records_next(&r, &st, limit);
            if (rc == LEDE_DONE)
                break;
            FUZZ_CHECK(rc == LEDE_OK);
            FUZZ_CHECK(r.number == expect++);
            sum = (sum ^ r.raw.len) * 1099511628211u;
            if (r.fault.kind != LEDE_CORPUS_FAULT_NONE) {
                FUZZ_CHECK(r.fault.detail[0] != '\0');
                continue;
            }
            FUZZ_CHECK(r.raw.len <= limit);
            if (r.kind == LEDE_CORPUS_RECORDS_JSONL) {
                FUZZ_CHECK(!memchr(r.raw.p, '\n', r.raw.len));
                continue;
            }
            FUZZ_CHECK(r.encoding != NULL);
            for (int k = 0; k < LEDE_CORPUS_ROLE_N; k++) {
                const lede_corpus_text *t = &r.fields.f[k];
                if (!t->s)
                    continue;
                FUZZ_CHECK(t->s >= r.values.p && t->s + t->n <= r.values.p + r.values.len);
                sum = (sum ^ t->n) * 1099511628211u;
            }
            int html;
            FUZZ_CHECK(lede_corpus_article_from_fields(&a, &meta, &r.fields, &scratch, &html) ==
                       LEDE_OK);
            FUZZ_CHECK(a.body.s && a.authors.s && fuzz_is_json_names(a.authors.s, a.authors.n));
            FUZZ_CHECK(!a.published.s || fuzz_is_date(a.published.s, a.published.n));
        }
        lede_corpus_records_free(&r);
        lede_corpus_article_free(&a);
        lede_corpus_article_free(&meta);
        lede_corpus_buf_free(&scratch);
    }
    lede_corpus_stream_free(&st);
    return sum;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1 || size > 1 << 16)
        return 0;
    int kind = data[0] & 3;
    uint64_t limit = (data[0] & 4) ? 64 : 1 << 20;
    size_t piece = (data[0] & 8) ? 1 : (data[0] & 16) ? 7 : 65536;
    const char *s = (const char *)data + 1;
    size_t n = size - 1;
    uint64_t a = read_all(kind, s, n, piece, limit);
    uint64_t b = read_all(kind, s, n, piece == 65536 ? 3 : 65536, limit);
    FUZZ_CHECK(a == b);

    lede_corpus_decoder d;
    memset(&d, 0, sizeof d);
    const char *text, *enc;
    size_t tn;
    lede_corpus_fault f;
    FUZZ_CHECK(lede_corpus_decode(&d, s, n, NULL, 0, 1, &text, &tn, &enc, &f) == LEDE_OK);
    if (f.kind != LEDE_CORPUS_FAULT_NONE) {
        char msg[160];
        FUZZ_CHECK(lede_corpus_fault_message(&f, msg, sizeof msg) > 0);
    } else {
        FUZZ_CHECK(enc[0] != '\0');
        if (strcmp(enc, "UTF-8") != 0)
            FUZZ_CHECK(lede_utf8_valid(text, tn));
        else
            FUZZ_CHECK(text == s || text == s + 3);
    }
    lede_corpus_decoder_free(&d);
    return 0;
}
