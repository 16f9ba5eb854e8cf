/*
 * cues.h: the words that introduce speech or an attribution ("said",
 * "told", "argued", "according"), learned from PolNeAR's train split by
 * ext/quotes/gen/cues.py (`make model`): a word is a cue when it heads at
 * least 6 annotated cue spans and at least 15% of its occurrences in the
 * train texts are cues. The table lives in cues_data.c, sorted by word,
 * with a hash index the generator writes beside it: a word's slot is the
 * first from its hash's low lede_quotes_cue_bits bits (on, wrapping) whose
 * hash is its own, an empty slot ending the search; the word is then
 * compared. Read-only data; lookups allocate nothing.
 */
#ifndef LEDE_QUOTES_CUES_H
#define LEDE_QUOTES_CUES_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    const char *word; /* lowercase ASCII */
    int cue_count;    /* times it heads a cue span in train */
    int count;        /* times it occurs in the train texts */
} lede_quotes_cue;

extern const lede_quotes_cue lede_quotes_cues[];
extern const size_t lede_quotes_ncues;

/* A slot of the hash index: the FNV-1a hash of the word's bytes (0 read as
   1) and 1 + its index in lede_quotes_cues; index 0: empty. */
typedef struct {
    uint32_t hash;
    uint32_t index;
} lede_quotes_cue_slot;

extern const unsigned lede_quotes_cue_bits;
extern const lede_quotes_cue_slot lede_quotes_cue_slots[];

/* 1 when s[0..n) (ASCII case ignored) is a cue word. */
int lede_quotes_is_cue(const char *s, size_t n);

/* How often s[0..n) is a cue where it occurs in train, in percent (0 when
   it is not a cue word): "said" 91, "opened" 20. */
int lede_quotes_cue_percent(const char *s, size_t n);

#endif
