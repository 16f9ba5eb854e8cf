/*
 * warc.c: the WARC reader of warc.h.
 *
 * Headers (WARC's, then HTTP's inside a response block) are found in the
 * stream's window, at most HEAD_MAX bytes each; a block is then either
 * skipped as it streams by or, for a record we keep, copied whole.
 */
#include "warc.h"

#include "../text/chars.h"

#include <archive.h>

#include <stdio.h>
#include <string.h>

#define HEAD_MAX 65536

static void fault(lede_corpus_warc *w, const char *msg, uint64_t offset) {
    memset(&w->fault, 0, sizeof w->fault);
    w->fault.kind = LEDE_CORPUS_FAULT_FORMAT;
    snprintf(w->fault.detail, sizeof w->fault.detail, "%s (at byte %llu)", msg,
             (unsigned long long)offset);
}

/* The end of a header block in s[0..n): the offset past its blank line,
   0 when there is none. */
static size_t head_end(const char *s, size_t n) {
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '\n')
            continue;
        if (s[i + 1] == '\n')
            return i + 2;
        if (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n')
            return i + 3;
    }
    return 0;
}

/* The value of header name (lowercase) in the block h[0..n), trimmed. */
static int header(const char *h, size_t n, const char *name, lede_corpus_text *v) {
    size_t k = strlen(name);
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(h + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - h) : n;
        if (e - i > k && h[i + k] == ':') {
            size_t j = 0;
            while (j < k && lede_ascii_lower((unsigned char)h[i + j]) == name[j])
                j++;
            if (j == k) {
                size_t a = i + k + 1, b = e;
                while (a < b && (h[a] == ' ' || h[a] == '\t'))
                    a++;
                while (b > a && (h[b - 1] == ' ' || h[b - 1] == '\t' || h[b - 1] == '\r'))
                    b--;
                v->s = h + a;
                v->n = b - a;
                return 1;
            }
        }
        i = e + 1;
    }
    v->s = NULL;
    v->n = 0;
    return 0;
}

static int starts_ci(const lede_corpus_text *t, const char *p) {
    size_t k = strlen(p);
    if (!t->s || t->n < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (lede_ascii_lower((unsigned char)t->s[i]) != p[i])
            return 0;
    return 1;
}

static int read_length(const lede_corpus_text *t, uint64_t *out) {
    if (!t->s || t->n == 0 || t->n > 18)
        return 0;
    uint64_t v = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (t->s[i] < '0' || t->s[i] > '9')
            return 0;
        v = v * 10 + (uint64_t)(t->s[i] - '0');
    }
    *out = v;
    return 1;
}

/* Skips n bytes of the stream; *short_by what was missing at its end. */
static lede_rc skip_bytes(lede_corpus_stream *s, uint64_t n, uint64_t *short_by) {
    *short_by = 0;
    while (n > 0) {
        lede_rc rc = lede_corpus_stream_fill(s, 1);
        if (rc != LEDE_OK)
            return rc;
        size_t have = s->end - s->start;
        if (have == 0) {
            *short_by = n;
            return LEDE_OK;
        }
        size_t k = have < n ? have : (size_t)n;
        lede_corpus_stream_skip(s, k);
        n -= k;
    }
    return LEDE_OK;
}

static lede_rc copy(lede_corpus_buf *b, const char *s, size_t n) {
    if (n + 1 > b->cap) {
        char *p = lede_realloc(b->p, n + 1);
        if (!p)
            return LEDE_NOMEM;
        b->p = p;
        b->cap = n + 1;
    }
    memcpy(b->p, s, n);
    b->p[n] = '\0';
    b->len = n;
    return LEDE_OK;
}

/*
 * Inflates a gzip or zstd payload s[0..n) into out with libarchive, at most
 * limit bytes; returns NULL, or why it could not.
 */
static const char *inflate_payload(const char *s, size_t n, uint64_t limit, lede_corpus_buf *out,
                                   lede_rc *rc) {
    *rc = LEDE_OK;
    struct archive *a = archive_read_new();
    if (!a) {
        *rc = LEDE_NOMEM;
        return NULL;
    }
    archive_read_support_filter_gzip(a);
    archive_read_support_filter_zstd(a);
    archive_read_support_format_raw(a);
    struct archive_entry *e;
    const char *why = NULL;
    out->len = 0;
    if (archive_read_open_memory(a, s, n) != ARCHIVE_OK ||
        archive_read_next_header(a, &e) != ARCHIVE_OK || archive_filter_count(a) < 2) {
        why = "HTTP payload declared compressed is not gzip or zstd";
    } else {
        for (;;) {
            if (out->cap - out->len < 65536 + 1) {
                size_t cap = out->cap ? out->cap * 2 : 131072;
                char *p = lede_realloc(out->p, cap);
                if (!p) {
                    *rc = LEDE_NOMEM;
                    break;
                }
                out->p = p;
                out->cap = cap;
            }
            la_ssize_t k = archive_read_data(a, out->p + out->len, 65536);
            if (k < 0) {
                why = "corrupt compressed HTTP payload";
                break;
            }
            if (k == 0)
                break;
            out->len += (size_t)k;
            if (out->len > limit) {
                why = "HTTP payload inflates past the limit";
                break;
            }
        }
    }
    archive_read_free(a);
    if (*rc == LEDE_OK && !why)
        out->p[out->len] = '\0';
    return why;
}

/* Removes chunked transfer coding from b in place; 0 when malformed. */
static int dechunk(lede_corpus_buf *b, size_t from) {
    char *p = b->p;
    size_t i = from, o = from, n = b->len;
    for (;;) {
        uint64_t size = 0;
        size_t digits = 0;
        while (i < n) {
            char c = p[i];
            int v = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
            if (v < 0)
                break;
            if (size > (UINT64_MAX >> 4))
                return 0;
            size = size * 16 + (uint64_t)v;
            digits++;
            i++;
        }
        const char *nl = memchr(p + i, '\n', n - i);
        if (digits == 0 || !nl)
            return 0;
        i = (size_t)(nl - p) + 1;
        if (size == 0)
            break;
        if (size > n - i)
            return 0;
        memmove(p + o, p + i, (size_t)size);
        o += (size_t)size;
        i += (size_t)size;
        if (i < n && p[i] == '\r')
            i++;
        if (i < n && p[i] == '\n')
            i++;
    }
    b->len = o;
    p[o] = '\0';
    return 1;
}

lede_rc lede_corpus_warc_next(lede_corpus_warc *w, lede_corpus_stream *s, uint64_t limit) {
    for (;;) {
        memset(&w->fault, 0, sizeof w->fault);
        w->url.s = w->date.s = w->payload.s = NULL;
        w->url.n = w->date.n = w->payload.n = 0;
        w->charset[0] = '\0';
        w->html = 0;
        if (w->stop)
            return LEDE_DONE;
        lede_rc rc;
        /* line ends between records */
        for (;;) {
            if ((rc = lede_corpus_stream_fill(s, 1)) != LEDE_OK)
                return rc;
            if (s->end == s->start)
                return LEDE_DONE;
            char c = s->p[s->start];
            if (c != '\r' && c != '\n')
                break;
            lede_corpus_stream_skip(s, 1);
        }
        uint64_t at = s->offset;
        size_t he = 0;
        for (size_t want = 4096;; want *= 2) {
            if ((rc = lede_corpus_stream_fill(s, want)) != LEDE_OK)
                return rc;
            size_t have = s->end - s->start;
            he = head_end(s->p + s->start, have < HEAD_MAX ? have : HEAD_MAX);
            if (he || have < want || want >= HEAD_MAX)
                break;
        }
        const char *h = s->p + s->start;
        size_t have = s->end - s->start;
        if (have < 5 || memcmp(h, "WARC/", 5) != 0) {
            w->stop = 1;
            w->number++;
            fault(w, "not a WARC record where one should start", at);
            return LEDE_OK;
        }
        if (!he) {
            w->stop = 1;
            w->number++;
            fault(w, "truncated WARC record header", at);
            return LEDE_OK;
        }
        lede_corpus_text type, len, ctype, v;
        uint64_t block;
        header(h, he, "content-length", &len);
        if (!read_length(&len, &block)) {
            w->stop = 1;
            w->number++;
            fault(w, "WARC record without a valid Content-Length", at);
            return LEDE_OK;
        }
        header(h, he, "warc-type", &type);
        header(h, he, "content-type", &ctype);
        int response = type.s && type.n == 8 && memcmp(type.s, "response", 8) == 0 &&
                       starts_ci(&ctype, "application/http");
        if (response) {
            if ((rc = copy(&w->head, h, he)) != LEDE_OK)
                return rc;
        }
        lede_corpus_stream_skip(s, he);
        uint64_t short_by = 0;
        if (!response) {
            if ((rc = skip_bytes(s, block, &short_by)) != LEDE_OK)
                return rc;
            if (short_by) {
                w->stop = 1;
                w->number++;
                fault(w, "truncated WARC record", at);
                return LEDE_OK;
            }
            continue;
        }
        /* the HTTP response header, within the block */
        size_t hwant = block < HEAD_MAX ? (size_t)block : HEAD_MAX;
        if ((rc = lede_corpus_stream_fill(s, hwant)) != LEDE_OK)
            return rc;
        size_t avail = s->end - s->start;
        size_t hh = head_end(s->p + s->start, avail < hwant ? avail : hwant);
        lede_corpus_text hct = {NULL, 0};
        if (hh)
            header(s->p + s->start, hh, "content-type", &hct);
        int html = starts_ci(&hct, "text/html") || starts_ci(&hct, "application/xhtml+xml");
        int text = starts_ci(&hct, "text/plain");
        if (!hh || !(html || text)) { /* not a page: skip it, unnumbered */
            if ((rc = skip_bytes(s, block, &short_by)) != LEDE_OK)
                return rc;
            if (short_by) {
                w->stop = 1;
                w->number++;
                fault(w, "truncated WARC record", at);
                return LEDE_OK;
            }
            continue;
        }
        w->number++;
        w->html = html;
        lede_corpus_text enc, te;
        header(s->p + s->start, hh, "content-encoding", &enc);
        header(s->p + s->start, hh, "transfer-encoding", &te);
        lede_corpus_charset_param(hct.s, hct.n, w->charset, sizeof w->charset);
        int chunked = starts_ci(&te, "chunked");
        char encoding[32] = "";
        int inflate = starts_ci(&enc, "gzip") || starts_ci(&enc, "x-gzip") || starts_ci(&enc, "zstd");
        if (enc.s && !starts_ci(&enc, "identity") && !inflate)
            snprintf(encoding, sizeof encoding, "%.*s", (int)(enc.n < 20 ? enc.n : 20), enc.s);
        if (block - hh > limit || encoding[0]) {
            char msg[96];
            if (encoding[0])
                snprintf(msg, sizeof msg, "HTTP payload compressed (%s), not read", encoding);
            else
                snprintf(msg, sizeof msg, "HTTP payload of %llu bytes, above the limit of %llu",
                         (unsigned long long)(block - hh), (unsigned long long)limit);
            fault(w, msg, at);
            if ((rc = skip_bytes(s, block, &short_by)) != LEDE_OK)
                return rc;
            if (short_by)
                w->stop = 1;
        } else {
            if ((rc = lede_corpus_stream_fill(s, (size_t)block)) != LEDE_OK)
                return rc;
            avail = s->end - s->start;
            if (avail < block) {
                w->stop = 1;
                fault(w, "truncated WARC record", at);
                lede_corpus_stream_skip(s, avail);
            } else {
                if ((rc = copy(&w->body, s->p + s->start, (size_t)block)) != LEDE_OK)
                    return rc;
                lede_corpus_stream_skip(s, (size_t)block);
                if (chunked && !dechunk(&w->body, hh))
                    fault(w, "malformed chunked HTTP payload", at);
                w->payload.s = w->body.p + hh;
                w->payload.n = w->body.len - hh;
                if (inflate && w->fault.kind == LEDE_CORPUS_FAULT_NONE) {
                    const char *why = inflate_payload(w->payload.s, w->payload.n, limit,
                                                      &w->inflated, &rc);
                    if (rc != LEDE_OK)
                        return rc;
                    if (why)
                        fault(w, why, at);
                    w->payload.s = w->inflated.p;
                    w->payload.n = w->inflated.len;
                }
            }
        }
        /* header values point into head (copied above) */
        if (header(w->head.p, w->head.len, "warc-target-uri", &v)) {
            if (v.n >= 2 && v.s[0] == '<' && v.s[v.n - 1] == '>') { /* WARC/1.0 draft form */
                v.s++;
                v.n -= 2;
            }
            w->url = v;
        }
        if (header(w->head.p, w->head.len, "warc-date", &v))
            w->date = v;
        return LEDE_OK;
    }
}

void lede_corpus_warc_free(lede_corpus_warc *w) {
    lede_corpus_buf_free(&w->inflated);
    lede_corpus_buf_free(&w->head);
    lede_corpus_buf_free(&w->body);
    memset(w, 0, sizeof *w);
}
