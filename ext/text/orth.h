/*
 * orth.h: which capitalised words start a sentence after an abbreviation.
 *
 * "the summit moves to the U.K. Delegates arrive on Sunday": after an
 * abbreviation's period, a capital alone cannot tell a new sentence from a
 * name going on ("the U.K. Treasury"). Punkt's orthographic heuristic (Kiss
 * and Strunk 2006, Computational Linguistics 32(4)) can: a word that news
 * writes in lower case inside sentences and almost never capitalised there
 * ("delegates", "tickets", "turnover") is capitalised here only because it
 * opens a sentence. The list of such words is counted from news text by
 * ext/text/gen/orth.py and compiled in (orth_data.c, `make regen-orth`).
 */
#ifndef LEDE_TEXT_ORTH_H
#define LEDE_TEXT_ORTH_H

#include <stddef.h>

/* The generated list: lower-case ASCII words, sorted bytewise, and for each
   its lower-case uses inside sentences per capitalised use plus one (at
   most 255; at least 8, or the word is not listed). */
extern const char *const lede_orth_lower_words[];
extern const unsigned char lede_orth_lower_ratio[];
extern const size_t lede_orth_lower_count;

/*
 * When w[0..n) is a capitalised word (an ASCII capital, then ASCII
 * lower-case letters) whose lower-case form is on the list, its ratio: the
 * higher, the likelier the word starts a new sentence after an
 * abbreviation. 0 otherwise. The splitter asks for 8 after "etc." or
 * "a.m.", and for more after an initialism such as "U.S.", which often
 * opens a name with a common word in it ("the U.S. Government").
 */
unsigned lede_orth_ratio(const char *w, size_t n);

#endif
