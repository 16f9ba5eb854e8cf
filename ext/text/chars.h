/*
 * chars.h: the character classes the tokenizer and splitter use, read from
 * utf8proc's Unicode tables (general category), with an ASCII fast path.
 */
#ifndef LEDE_TEXT_CHARS_H
#define LEDE_TEXT_CHARS_H

#include <stddef.h>
#include <stdint.h>

/* The classes below answer ASCII inline and ask utf8proc (the *_u forms in
   chars.c) for everything else. */
int lede_char_is_space_u(uint32_t cp);
int lede_char_is_alnum_u(uint32_t cp);
int lede_char_is_alpha_u(uint32_t cp);
int lede_char_is_digit_u(uint32_t cp);
int lede_char_is_upper_u(uint32_t cp);
int lede_char_is_lower_u(uint32_t cp);
/* Letters of a script without case (Lo: CJK, kana, Arabic, Hebrew, Thai ...). */
int lede_char_is_caseless_letter(uint32_t cp);

/* Whitespace, line and paragraph separators, and control characters. */
static inline int lede_char_is_space(uint32_t cp) {
    return cp < 0x80u ? (cp <= 0x20u || cp == 0x7Fu) : lede_char_is_space_u(cp);
}
/* Letters, combining marks and numbers (categories L*, M*, N*). */
static inline int lede_char_is_alnum(uint32_t cp) {
    return cp < 0x80u ? (((cp | 0x20u) >= 'a' && (cp | 0x20u) <= 'z') || (cp >= '0' && cp <= '9'))
                      : lede_char_is_alnum_u(cp);
}
/* Letters and combining marks (L*, M*). */
static inline int lede_char_is_alpha(uint32_t cp) {
    return cp < 0x80u ? ((cp | 0x20u) >= 'a' && (cp | 0x20u) <= 'z') : lede_char_is_alpha_u(cp);
}
/* Decimal digits (Nd). */
static inline int lede_char_is_digit(uint32_t cp) {
    return cp < 0x80u ? (cp >= '0' && cp <= '9') : lede_char_is_digit_u(cp);
}
/* Uppercase or titlecase letters (Lu, Lt). */
static inline int lede_char_is_upper(uint32_t cp) {
    return cp < 0x80u ? (cp >= 'A' && cp <= 'Z') : lede_char_is_upper_u(cp);
}
/* Lowercase letters (Ll). */
static inline int lede_char_is_lower(uint32_t cp) {
    return cp < 0x80u ? (cp >= 'a' && cp <= 'z') : lede_char_is_lower_u(cp);
}
/* Punctuation (P*), except the few that read as symbols (see chars.c). */
int lede_char_is_punct(uint32_t cp);
/* Symbols (S*) and the punctuation that behaves as one (%, #, &, @, ...). */
int lede_char_is_symbol(uint32_t cp);
/* Characters that join a word's parts: hyphen, non-breaking hyphen. */
static inline int lede_char_is_hyphen(uint32_t cp) {
    return cp == '-' || cp == 0x2010u || cp == 0x2011u;
}
/* Apostrophes: ' and U+2019, U+02BC. */
static inline int lede_char_is_apostrophe(uint32_t cp) {
    return cp == '\'' || cp == 0x2019u || cp == 0x02BCu;
}
/* Quotes and brackets that open or close a quotation or aside. */
int lede_char_is_opening(uint32_t cp);
int lede_char_is_closing(uint32_t cp);

/*
 * ASCII case for keyword matching (the keywords are ASCII; Unicode case
 * folding is norm.h's): lede_ascii_lower folds A-Z and leaves every other
 * byte as it is; lede_ascii_eq_ci says whether s[0..n) is the lowercase
 * word w, ASCII case ignored.
 */
static inline int lede_ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static inline int lede_ascii_eq_ci(const char *s, size_t n, const char *w) {
    for (size_t i = 0; i < n; i++)
        if (!w[i] || lede_ascii_lower((unsigned char)s[i]) != w[i])
            return 0;
    return w[n] == '\0';
}

#endif
