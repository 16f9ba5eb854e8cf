/*
 * utf16.c: UTF-16 with a byte order mark, as utf16.h describes.
 *
 * One decoder (next_char) steps through code units in the mark's byte
 * order; scanning counts what it yields and conversion encodes it with
 * utf8.h, so the two always agree.
 */
#include "utf16.h"

#include "../text/utf8.h"

lede_corpus_utf16 lede_corpus_utf16_detect(const char *s, size_t n) {
    if (n < 2)
        return LEDE_CORPUS_UTF16_NONE;
    unsigned char a = (unsigned char)s[0], b = (unsigned char)s[1];
    if (a == 0xFF && b == 0xFE)
        return LEDE_CORPUS_UTF16_LE;
    if (a == 0xFE && b == 0xFF)
        return LEDE_CORPUS_UTF16_BE;
    return LEDE_CORPUS_UTF16_NONE;
}

static unsigned unit_at(const char *s, size_t i, int be) {
    unsigned lo = (unsigned char)s[i + (be ? 1 : 0)], hi = (unsigned char)s[i + (be ? 0 : 1)];
    return hi << 8 | lo;
}

/* Reads the character at s[i] (i < n); returns the index after it, with
 *cp its value (U+FFFD when ill-formed) and *bad set when it is. */
static size_t next_char(const char *s, size_t n, size_t i, int be, uint32_t *cp, int *bad) {
    *bad = 0;
    if (n - i < 2) { /* a last odd byte */
        *cp = LEDE_UTF8_REPLACEMENT;
        *bad = 1;
        return n;
    }
    unsigned u = unit_at(s, i, be);
    if (u >= 0xD800 && u <= 0xDBFF && n - i >= 4) {
        unsigned v = unit_at(s, i + 2, be);
        if (v >= 0xDC00 && v <= 0xDFFF) {
            *cp = 0x10000u + ((uint32_t)(u - 0xD800) << 10) + (v - 0xDC00);
            return i + 4;
        }
    }
    if (u >= 0xD800 && u <= 0xDFFF) { /* unpaired surrogate */
        *cp = LEDE_UTF8_REPLACEMENT;
        *bad = 1;
    } else {
        *cp = u;
    }
    return i + 2;
}

void lede_corpus_utf16_scan(const char *s, size_t n, size_t *chars, size_t *bad, int *nul) {
    int be = lede_corpus_utf16_detect(s, n) == LEDE_CORPUS_UTF16_BE;
    *chars = *bad = 0;
    *nul = 0;
    for (size_t i = n >= 2 ? 2 : n; i < n;) {
        uint32_t cp;
        int b;
        i = next_char(s, n, i, be, &cp, &b);
        (*chars)++;
        *bad += (size_t)b;
        if (cp == 0)
            *nul = 1;
    }
}

lede_rc lede_corpus_utf16_to_utf8(const char *s, size_t n, lede_corpus_buf *out) {
    int be = lede_corpus_utf16_detect(s, n) == LEDE_CORPUS_UTF16_BE;
    /* two bytes give at most three, an odd byte three, four give four */
    size_t need = n / 2 * 3 + 4;
    if (n / 2 > (SIZE_MAX - 4) / 3)
        return LEDE_NOMEM;
    if (need > out->cap) {
        char *p = lede_realloc(out->p, need);
        if (!p)
            return LEDE_NOMEM;
        out->p = p;
        out->cap = need;
    }
    size_t o = 0;
    for (size_t i = n >= 2 ? 2 : n; i < n;) {
        uint32_t cp;
        int bad;
        i = next_char(s, n, i, be, &cp, &bad);
        o += lede_utf8_encode(cp, out->p + o);
    }
    out->p[o] = '\0';
    out->len = o;
    return LEDE_OK;
}
