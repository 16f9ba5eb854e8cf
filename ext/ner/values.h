/*
 * values.h: the value of a CARDINAL or ORDINAL span the model found.
 *
 * The rules (rules.h) give values to the DATE, TIME, MONEY, PERCENT and
 * QUANTITY spans they find themselves; the OntoNotes model also finds
 * plain numbers, whose value is read here from the span's tokens:
 *
 *   CARDINAL  the first number phrase of the span (numbers.h: digits,
 *             number words, scale words, vague amounts as their lower
 *             bound): "three" 3, "1,200" 1200, "2.5 million" 2500000,
 *             "about 40" 40, "thousands" 2000
 *   ORDINAL   digits with st, nd, rd or th ("3rd", "21st") or an ordinal
 *             word, alone or after a tens word ("first", "twelfth",
 *             "twenty-first", "hundredth"): 3, 21, 1, 12, 21, 100
 *
 * Each writes the value as plain decimal text, NUL-terminated, to
 * out[0..cap) and returns its length, or 0 (out "") when the span holds
 * no number it can read. Pure functions: no allocation, no state.
 */
#ifndef LEDE_NER_VALUES_H
#define LEDE_NER_VALUES_H

#include "../text/tokens.h"

#include <stddef.h>

/* The value of a CARDINAL over tokens t[0..nt) of s. */
size_t lede_ner_value_cardinal(const char *s, const lede_token *t, size_t nt, char *out,
                               size_t cap);

/* The value of an ORDINAL over tokens t[0..nt) of s. */
size_t lede_ner_value_ordinal(const char *s, const lede_token *t, size_t nt, char *out,
                              size_t cap);

#endif
