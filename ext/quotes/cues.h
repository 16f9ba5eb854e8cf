/*
 * cues.h: the words that introduce speech or an attribution ("said",
 * "told", "argued", "according"), learned from PolNeAR's train split by
 * ext/quotes/gen/cues.py (`make model`): a word is a cue when it heads at
 * least 6 annotated cue spans and at least 15% of its occurrences in the
 * train texts are cues. The table lives in cues_data.c, sorted by word.
 * Read-only data; lookups allocate nothing.
 */
#ifndef LEDE_QUOTES_CUES_H
#define LEDE_QUOTES_CUES_H

#include <stddef.h>

typedef struct {
    const char *word; /* lowercase ASCII */
    int cue_count;    /* times it heads a cue span in train */
    int count;        /* times it occurs in the train texts */
} lede_quotes_cue;

extern const lede_quotes_cue lede_quotes_cues[];
extern const size_t lede_quotes_ncues;

/* 1 when s[0..n) (ASCII case ignored) is a cue word. */
int lede_quotes_is_cue(const char *s, size_t n);

/* How often s[0..n) is a cue where it occurs in train, in percent (0 when
   it is not a cue word): "said" 91, "opened" 20. */
int lede_quotes_cue_percent(const char *s, size_t n);

#endif
