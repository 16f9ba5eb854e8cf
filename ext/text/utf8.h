/*
 * utf8.h: the one rule by which lede reads UTF-8.
 *
 * lede reports offsets in code points so that SQL's substr() and length()
 * agree with them, so it must step through bytes exactly as SQLite does,
 * valid or not (SQLite src/utf.c, SQLITE_SKIP_UTF8 and READ_UTF8):
 *
 *   byte        what it starts
 *   0x00-0x7F   a one-byte character (ASCII)
 *   0x80-0xBF   a stray continuation byte: one character on its own
 *   0xC0-0xFF   a character that takes every continuation byte after it
 *
 * The value of a character is U+FFFD when the sequence is ill-formed:
 * a stray continuation byte, a lead byte 0xF8 or above, too few or too
 * many continuation bytes for the lead, an overlong form, a surrogate, or
 * a value above U+10FFFF. Each character read this way counts as one code
 * point, which is what SQLite's length() counts.
 *
 * All calls take a pointer and a length; the text need not end in NUL and
 * may contain NUL bytes.
 */
#ifndef LEDE_TEXT_UTF8_H
#define LEDE_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define LEDE_UTF8_REPLACEMENT 0xFFFDu

/* The general case of lede_utf8_next, for a byte 0x80 or above. */
size_t lede_utf8_next_u(const char *s, size_t n, size_t i, uint32_t *cp);

/*
 * Reads the character that starts at s[i] (i < n), stores its value in
 * *cp and returns the index of the byte after it.
 */
static inline size_t lede_utf8_next(const char *s, size_t n, size_t i, uint32_t *cp) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80u) {
        *cp = c;
        return i + 1;
    }
    return lede_utf8_next_u(s, n, i, cp);
}

/*
 * 1 when the character lede_utf8_next read from s[i..j) as cp stands for an
 * ill-formed sequence: U+FFFD that is not spelled EF BF BD in the text.
 */
static inline int lede_utf8_ill_formed(const char *s, size_t i, size_t j, uint32_t cp) {
    return cp == LEDE_UTF8_REPLACEMENT && (j - i != 3 || (unsigned char)s[i] != 0xEFu);
}

/* Number of characters (code points as SQLite counts them) in s[0..n). */
size_t lede_utf8_count(const char *s, size_t n);

/*
 * Writes the UTF-8 form of cp (a valid scalar value) to out, which has
 * room for 4 bytes; returns the number of bytes written.
 */
size_t lede_utf8_encode(uint32_t cp, char *out);

/* 1 when s[0..n) is well-formed UTF-8 throughout, else 0. */
int lede_utf8_valid(const char *s, size_t n);

#endif
