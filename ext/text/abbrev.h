/*
 * abbrev.h: abbreviations that keep their period.
 *
 * The tokenizer keeps a period on a word of this list ("Mr.", "Inc.",
 * "Jan."), on a single letter ("E." in "Jonas E. Smith", but not the "m"
 * of "£532m.", glued to its number) and on a run of single letters with
 * periods ("U.S.", "a.m."). The sentence splitter then
 * asks which class a token is in to decide whether its period can end a
 * sentence:
 *
 *   TITLE      comes before a name and never ends one      Mr. Dr. Gen. Mt.
 *   NUMERIC    comes before a number; ends one otherwise   No. p. Jan. Sept.
 *   GENERAL    ends a sentence when a sentence starter     Inc. Co. Jr. etc.
 *              (a pronoun, determiner, conjunction, ...)
 *              follows
 *
 * Lookup is case-sensitive: "Co." and "co." are listed, "CO." is not.
 */
#ifndef LEDE_TEXT_ABBREV_H
#define LEDE_TEXT_ABBREV_H

#include <stddef.h>

typedef enum {
    LEDE_ABBREV_NONE = 0,
    LEDE_ABBREV_TITLE,
    LEDE_ABBREV_NUMERIC,
    LEDE_ABBREV_GENERAL
} lede_abbrev_class;

/* Class of the word w[0..n) (without its period). */
lede_abbrev_class lede_abbrev_lookup(const char *w, size_t n);

/*
 * 1 when w[0..n) is a closed-class word that commonly starts a sentence
 * ("The", "He", "However", ...), compared without regard to ASCII case.
 */
int lede_abbrev_is_starter(const char *w, size_t n);

#endif
