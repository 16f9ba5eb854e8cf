/*
 * utf16.h: text files in UTF-16 with a byte order mark, read as UTF-8.
 *
 * A file whose first two bytes are FF FE (UTF-16 little-endian) or FE FF
 * (big-endian) is UTF-16 text. lede_corpus_check_text (walk.h) checks it as
 * UTF-16, and lede_articles parses its conversion to UTF-8 (raw and hash
 * keep the file's bytes). Without the mark UTF-16 is not recognised: its
 * ASCII characters have NUL bytes, so such a file is reported as binary,
 * never read as garbled text.
 *
 * Reading (RFC 2781): the mark is dropped; each code unit, or high and low
 * surrogate pair, is one character; an unpaired surrogate, and a last odd
 * byte, are ill-formed and read as U+FFFD. A NUL code unit makes the file
 * binary, as a NUL byte does in UTF-8 (this also catches UTF-32, whose
 * little-endian mark FF FE 00 00 reads as a mark and a NUL).
 *
 * Who owns what: lede_corpus_utf16_to_utf8 writes into the caller's buffer
 * (walk.h: zeroed before first use, grown with lede_realloc, released with
 * lede_corpus_buf_free).
 */
#ifndef LEDE_CORPUS_UTF16_H
#define LEDE_CORPUS_UTF16_H

#include "walk.h"

typedef enum {
    LEDE_CORPUS_UTF16_NONE = 0, /* no UTF-16 byte order mark */
    LEDE_CORPUS_UTF16_LE,       /* FF FE */
    LEDE_CORPUS_UTF16_BE        /* FE FF */
} lede_corpus_utf16;

/* Which byte order mark s[0..n) starts with. */
lede_corpus_utf16 lede_corpus_utf16_detect(const char *s, size_t n);

/*
 * Counts the characters of UTF-16 text s[0..n) (its mark included in s,
 * not counted) and those ill-formed; *nul is set when a code unit is NUL.
 */
void lede_corpus_utf16_scan(const char *s, size_t n, size_t *chars, size_t *bad, int *nul);

/*
 * Converts UTF-16 text s[0..n) (starting with its mark) to UTF-8 in out
 * (out->len bytes, then a NUL). LEDE_OK, or LEDE_NOMEM.
 */
lede_rc lede_corpus_utf16_to_utf8(const char *s, size_t n, lede_corpus_buf *out);

#endif
