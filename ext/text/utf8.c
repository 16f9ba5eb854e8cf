/*
 * utf8.c: decoding by SQLite's stepping rule; see utf8.h for the table.
 *
 * Notes on invalid UTF-8. SQLite never rejects text: a lead byte swallows
 * every continuation byte that follows it, however many, and a stray
 * continuation byte is a character of its own. lede counts the same way so
 * that code-point offsets match substr() on any input; it then judges the
 * sequence it stepped over, and reads anything ill-formed as U+FFFD.
 */
#include "utf8.h"

static int utf8_is_cont(unsigned char c) { return (c & 0xC0u) == 0x80u; }

size_t lede_utf8_next_u(const char *s, size_t n, size_t i, uint32_t *cp) {
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[i++];
    if (c < 0x80u) {
        *cp = c;
        return i;
    }
    if (c < 0xC0u) { /* stray continuation byte */
        *cp = LEDE_UTF8_REPLACEMENT;
        return i;
    }
    size_t want;   /* continuation bytes the lead byte calls for */
    uint32_t v;    /* value bits so far */
    uint32_t min;  /* smallest value that needs this many bytes */
    if (c < 0xE0u) {
        want = 1, v = c & 0x1Fu, min = 0x80u;
    } else if (c < 0xF0u) {
        want = 2, v = c & 0x0Fu, min = 0x800u;
    } else if (c < 0xF8u) {
        want = 3, v = c & 0x07u, min = 0x10000u;
    } else {
        want = 0, v = 0, min = 1; /* no valid sequence starts here */
    }
    size_t got = 0;
    while (i < n && utf8_is_cont(u[i])) {
        if (got < want)
            v = (v << 6) | (u[i] & 0x3Fu);
        got++;
        i++;
    }
    if (want == 0 || got != want || v < min || v > 0x10FFFFu || (v >= 0xD800u && v <= 0xDFFFu))
        v = LEDE_UTF8_REPLACEMENT;
    *cp = v;
    return i;
}

size_t lede_utf8_count(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    size_t count = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = u[i++];
        if (c >= 0xC0u)
            while (i < n && utf8_is_cont(u[i]))
                i++;
        count++;
    }
    return count;
}

size_t lede_utf8_encode(uint32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80u) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800u) {
        o[0] = (unsigned char)(0xC0u | (cp >> 6));
        o[1] = (unsigned char)(0x80u | (cp & 0x3Fu));
        return 2;
    }
    if (cp < 0x10000u) {
        o[0] = (unsigned char)(0xE0u | (cp >> 12));
        o[1] = (unsigned char)(0x80u | ((cp >> 6) & 0x3Fu));
        o[2] = (unsigned char)(0x80u | (cp & 0x3Fu));
        return 3;
    }
    o[0] = (unsigned char)(0xF0u | (cp >> 18));
    o[1] = (unsigned char)(0x80u | ((cp >> 12) & 0x3Fu));
    o[2] = (unsigned char)(0x80u | ((cp >> 6) & 0x3Fu));
    o[3] = (unsigned char)(0x80u | (cp & 0x3Fu));
    return 4;
}

int lede_utf8_valid(const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t j = lede_utf8_next(s, n, i, &cp);
        if (lede_utf8_ill_formed(s, i, j, cp))
            return 0;
        i = j;
    }
    return 1;
}
