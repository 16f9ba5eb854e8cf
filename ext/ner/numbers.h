/*
 * numbers.h: exact numbers for entity values, read from digits and words.
 *
 * A lede_num is a signed decimal: its significant digits times a power of
 * ten. Values are never floating point: "$3.64 billion" is 364 x 10^7 and
 * prints as "3640000000"; "1.5" stays "1.5". Scaling by a number word
 * (million: 10^6, crore: 10^7, lakh: 10^5) moves the exponent, a multiplier
 * ("two dozen", "half a million") multiplies the digit string. Anything that
 * would need more than LEDE_NUM_DIGITS significant digits, or an exponent
 * beyond +-LEDE_NUM_EXP_MAX, sets ok to 0: the caller then reports the
 * entity with no value rather than a wrong one.
 *
 * How digits are read (lede_num_parse):
 *   2,000  1,234,567      commas between groups of three digits
 *   3.64   0.5   .5       a period before the decimals
 *   1.234.567             several periods between groups of three: grouping
 *   3,5   1,50            one comma not followed by exactly three digits:
 *                         a decimal comma (European style)
 *   anything else ("11/1", "10:30", "1990s", "5th") is not a plain number.
 *
 * Number words (lede_num_phrase, over tokens): zero to nineteen, the tens,
 * "hundred", "thousand", "million", "billion", "trillion" and their
 * abbreviations (bn, mn, mln, bln, tn, trn), Indian "lakh" and "crore",
 * "a"/"an" before a scale word ("a million"), "and" inside a number ("one
 * hundred and twenty"), hyphenated compounds ("twenty-five", "1.2-billion"),
 * "dozen" (12) and "half" ("half a million"). Vague amounts are read as their
 * lower bound and flagged vague: a plural scale word means at least two of it
 * ("thousands" 2000, "dozens" 24, "tens of thousands" 20000, "hundreds of
 * millions" 200000000), as do "several", "a few" and "a couple of" before a
 * scale word ("several hundred" 200).
 *
 * Everything here is pure: no allocation, no state between calls.
 */
#ifndef LEDE_NER_NUMBERS_H
#define LEDE_NER_NUMBERS_H

#include "../text/tokens.h"

#include <stddef.h>
#include <stdint.h>

#define LEDE_NUM_DIGITS 40
#define LEDE_NUM_EXP_MAX 60

typedef struct {
    uint8_t d[LEDE_NUM_DIGITS]; /* significant digits 0..9, most significant first */
    uint8_t nd;                 /* digits in d; 0 means the value zero */
    int16_t exp;                /* value = d x 10^exp */
    uint8_t neg;                /* 1 for a negative value */
    uint8_t ok;                 /* 0: not a number, or out of range */
} lede_num;

/* Sets *x to v. */
void lede_num_set_u64(lede_num *x, uint64_t v);

/* Reads s[0..n) as digits (rules above); returns 1, or 0 with x->ok = 0. */
int lede_num_parse(lede_num *x, const char *s, size_t n);

/*
 * Reads s[0..n) as number words joined by hyphens or spaces ("twenty-five",
 * "seven", "one hundred"); returns 1, or 0 with x->ok = 0. Case is ignored.
 */
int lede_num_parse_words(lede_num *x, const char *s, size_t n);

/* x *= 10^k. */
void lede_num_shift(lede_num *x, int k);

/* x *= m, for a small multiplier m. */
void lede_num_mul(lede_num *x, uint32_t m);

/* 1 when x is a whole number in [lo, hi] (with x->ok); its value in *v. */
int lede_num_int(const lede_num *x, int64_t lo, int64_t hi, int64_t *v);

/*
 * Writes x as plain decimal text, without exponent and without trailing
 * fractional zeros ("3640000000", "1.5", "-0.25", "0"), NUL-terminated.
 * Returns its length, or 0 when x is not ok or the text needs more than
 * cap - 1 bytes (out then holds "").
 */
size_t lede_num_format(const lede_num *x, char *out, size_t cap);

/* Flags for lede_num_phrase. */
enum {
    LEDE_NUM_MONEY = 1,       /* "m", "k", "b" right after the digits are scales: "$5m", "$5M" */
    LEDE_NUM_NO_WORDS = 2,    /* digits only, no number words */
    LEDE_NUM_ALLOW_VAGUE = 4, /* read "thousands", "tens of thousands", "several hundred" */
    LEDE_NUM_NO_A = 8         /* do not read "a"/"an" as one ("a million" stays unread) */
};

typedef struct {
    lede_num value;
    size_t end; /* token after the phrase */
    int vague;  /* value is a lower bound ("thousands") */
    int words;  /* 1 when the phrase started with a word ("seven", "a million") */
    int scaled; /* 1 when a scale word followed the digits or words */
} lede_num_phrase_out;

/*
 * Reads the number phrase starting at token i of t[0..nt) over the text s:
 * digits or number words, then scale words ("3.5 billion", "twenty-five",
 * "half a million", "1.2-billion", "Rs 500 crore" from "500"); with
 * LEDE_NUM_MONEY also a word token of digits and one scale letter, as the
 * tokenizer keeps "5M" and "4.3B" (like "5G"). Returns 1 and
 * fills *out, or returns 0 when no number starts at i. Looks at most
 * LEDE_NUM_PHRASE_MAX tokens ahead.
 */
#define LEDE_NUM_PHRASE_MAX 10
int lede_num_phrase(const char *s, const lede_token *t, size_t nt, size_t i, unsigned flags,
                    lede_num_phrase_out *out);

/*
 * The value of the scale word w[0..n) ("million" 6, "bn" 9, "crore" 7,
 * "lakh" 5, "thousand" 3, "hundred" 2), or 0 when it is none. Case is
 * ignored; money adds "m", "k" and "b".
 */
int lede_num_scale_word(const char *w, size_t n, int money);

#endif
