/*
 * chars.h: the character classes the tokenizer and splitter use, read from
 * utf8proc's Unicode tables (general category), with an ASCII fast path.
 */
#ifndef LEDE_TEXT_CHARS_H
#define LEDE_TEXT_CHARS_H

#include <stdint.h>

/* Whitespace, line and paragraph separators, and control characters. */
int lede_char_is_space(uint32_t cp);
/* Letters, combining marks and numbers (categories L*, M*, N*). */
int lede_char_is_alnum(uint32_t cp);
/* Letters and combining marks (L*, M*). */
int lede_char_is_alpha(uint32_t cp);
/* Decimal digits (Nd). */
int lede_char_is_digit(uint32_t cp);
/* Uppercase or titlecase letters (Lu, Lt). */
int lede_char_is_upper(uint32_t cp);
/* Lowercase letters (Ll). */
int lede_char_is_lower(uint32_t cp);
/* Punctuation (P*), except the few that read as symbols (see chars.c). */
int lede_char_is_punct(uint32_t cp);
/* Symbols (S*) and the punctuation that behaves as one (%, #, &, @, ...). */
int lede_char_is_symbol(uint32_t cp);
/* Characters that join a word's parts: hyphen, non-breaking hyphen. */
int lede_char_is_hyphen(uint32_t cp);
/* Apostrophes: ' and U+2019, U+02BC. */
int lede_char_is_apostrophe(uint32_t cp);
/* Quotes and brackets that open or close a quotation or aside. */
int lede_char_is_opening(uint32_t cp);
int lede_char_is_closing(uint32_t cp);

#endif
