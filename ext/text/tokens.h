/*
 * tokens.h: splitting text into tokens, as news NER expects them.
 *
 * A token is one of:
 *
 *   url     http://, https://, ftp:// or www. up to the next space, without
 *           trailing punctuation (a closing bracket stays when it closes one
 *           opened inside the address)
 *   email   local@domain.tld
 *   number  digits with inner separators: 3.64  1,000  2025-01-07  11/1/2023
 *           10:30; an ordinal or decade suffix stays on (5th, 1990s)
 *   word    letters, marks and digits, joined by inner hyphens (long-term,
 *           10-year-old, F-16, U.S.-led), by an ampersand between capitals
 *           (AT&T) and by an apostrophe inside a name (O'Brien). Clitics
 *           split off as in the Penn Treebank: Japan's -> Japan 's,
 *           don't -> do n't, they're -> they 're; workers' -> workers '.
 *           A period stays on an initial (E.), on a run of single letters
 *           (U.S., a.m.) and on a listed abbreviation (Mr., Inc.; abbrev.h),
 *           but not on a letter glued to a number, which is a multiplier
 *           or a unit: £532m. -> £ 532 m . and 300m. -> 300 m .
 *   punct   one punctuation mark, or a run of periods (...), of hyphens
 *           (--) or of ! and ? (?!)
 *   symbol  one symbol: currency signs, %, #, &, @, math and other symbols,
 *           and any character that is not a letter, number or punctuation
 *
 * Whitespace (including controls, U+200B and U+FEFF) separates tokens and
 * belongs to none. Invalid UTF-8 follows utf8.h: each ill-formed character
 * reads as U+FFFD, a symbol, and offsets stay those SQLite counts.
 *
 * The tokenizer is a pull iterator whose whole state is a lede_tok_iter the
 * caller owns; it allocates nothing and looks at most a few characters past
 * the token it returns, so memory is flat in the input length.
 */
#ifndef LEDE_TEXT_TOKENS_H
#define LEDE_TEXT_TOKENS_H

#include "../core.h"

typedef enum {
    LEDE_TOK_WORD = 0,
    LEDE_TOK_NUMBER,
    LEDE_TOK_PUNCT,
    LEDE_TOK_SYMBOL,
    LEDE_TOK_URL,
    LEDE_TOK_EMAIL
} lede_tok_kind;

typedef struct {
    lede_span span;
    lede_tok_kind kind;
    unsigned newlines_before; /* line breaks in the space before it (at most 255) */
    unsigned space_before;    /* 1 when space or the start of the input precedes it */
} lede_token;

typedef struct {
    const char *s; /* the input; not owned */
    size_t n;      /* bytes in the input the iterator may read */
    size_t byte;   /* next byte to read */
    size_t cp;     /* code points before byte */
} lede_tok_iter;

/* Starts tokenizing s[0..n). */
void lede_tok_init(lede_tok_iter *it, const char *s, size_t n);

/*
 * Starts tokenizing s[byte..n), where byte is a character boundary and cp
 * the number of code points in s[0..byte): spans come out relative to s.
 */
void lede_tok_init_at(lede_tok_iter *it, const char *s, size_t n, size_t byte, size_t cp);

/* Stores the next token in *tok and returns 1, or returns 0 at the end. */
int lede_tok_next(lede_tok_iter *it, lede_token *tok);

/*
 * The same token as lede_tok_next, found by the general scanners alone:
 * lede_tok_next takes a fast path for most tokens (ASCII words, numbers
 * and marks, curly quotes and dashes) and the general scanners for the
 * rest; the unit tests check that the two agree.
 */
int lede_tok_next_general(lede_tok_iter *it, lede_token *tok);

/* "word", "number", "punct", "symbol", "url" or "email". */
const char *lede_tok_kind_name(lede_tok_kind kind);

#endif
