/*
 * tagger.h: the tags of the entity model and their decoder.
 *
 * A model of ntypes entity types (model.h: the CoNLL-2003 model has 4, the
 * OntoNotes model 18) tags each token with one of 1 + 4 * ntypes BILOU
 * tags: O (outside any entity), or B (begin), I (inside), L (last) or U
 * (unit, a one-token entity) of one of its types. BILOU suits a linear
 * model better than IOB (Ratinov and Roth 2009, "Design Challenges and
 * Misconceptions in Named Entity Recognition", CoNLL, section 4).
 *
 *   tag   0   1..4             5..8             ...   4*ntypes-3..4*ntypes
 *         O   B,I,L,U-type 0   B,I,L,U-type 1   ...   B,I,L,U-type ntypes-1
 *
 * The CoNLL model's types are PER, ORG, LOC, MISC, in that order
 * (lede_ner_type); the OntoNotes model's are listed in its type table.
 *
 * lede_ner_viterbi finds the tag sequence with the highest total score,
 * the sum of one emission score per token and tag (from the features and
 * the model, model.h) and of first-order transition scores, under hard
 * constraints: B and I of a type are followed only by I or L of the same
 * type; O, B and U follow only O, L, U or the start; the sequence ends in
 * O, L or U. Ties go to the lower tag, so decoding is exactly
 * deterministic (all scores are integers).
 *
 * The caller owns a lede_ner_viterbi_ctx (zero it before first use, free it
 * with lede_ner_viterbi_free); it grows to the longest sequence decoded.
 */
#ifndef LEDE_NER_TAGGER_H
#define LEDE_NER_TAGGER_H

#include "../core.h"
#include "features.h"

/* Most entity types a model may have, and so most tags. */
#define LEDE_NER_MAX_TYPES 18
#define LEDE_NER_MAX_TAGS (1 + 4 * LEDE_NER_MAX_TYPES)

/* Tags of a model of ntypes types. */
#define LEDE_NER_NTAGS_OF(ntypes) (1 + 4 * (size_t)(ntypes))

/* Entity types of the CoNLL-2003 model, in tag order. */
typedef enum { LEDE_NER_T_PER = 0, LEDE_NER_T_ORG, LEDE_NER_T_LOC, LEDE_NER_T_MISC } lede_ner_type;

/* Position of a tag in its entity. */
typedef enum { LEDE_NER_P_B = 0, LEDE_NER_P_I, LEDE_NER_P_L, LEDE_NER_P_U } lede_ner_pos;

#define LEDE_NER_TAG_O 0
#define LEDE_NER_TAG(type, pos) (1 + 4 * (int)(type) + (int)(pos))
#define LEDE_NER_TAG_TYPE(tag) (((tag)-1) / 4) /* only for tag != O */
#define LEDE_NER_TAG_POS(tag) (((tag)-1) % 4)  /* only for tag != O */

/* "O", "B", "I", "L" or "U": the position tag gives; "?" when tag < 0. */
const char *lede_ner_pos_name(int tag);

/* 1 when tag cur may follow tag prev; prev = -1 is the start. */
int lede_ner_allowed(int prev, int cur);

/* 1 when a sequence may end with tag last. */
int lede_ner_allowed_last(int last);

/*
 * Transition scores: start[t] for the first tag, trans[p][t] for t after
 * p, end[t] for the last tag.
 */
typedef struct {
    int32_t start[LEDE_NER_MAX_TAGS];
    int32_t trans[LEDE_NER_MAX_TAGS][LEDE_NER_MAX_TAGS];
    int32_t end[LEDE_NER_MAX_TAGS];
} lede_ner_transitions;

/* An emission score low enough that no path through it wins. */
#define LEDE_NER_FORBIDDEN (-(1 << 24))

/*
 * Sets to LEDE_NER_FORBIDDEN the emission scores emit[1..ntags) of every
 * entity tag when token t can be part of no name: a web or e-mail address,
 * or a character that was not valid UTF-8 (U+FFFD). Nothing in the
 * training data breaks this, so training and tagging both apply it
 * without cost; other punctuation and symbols are left to the model ("AT &
 * T", "US$" are names in news copy).
 */
void lede_ner_forbid(int32_t *emit, size_t ntags, const lede_ner_token *t);

struct lede_ner_viterbi_tables; /* tagger.c */

typedef struct {
    uint8_t *back; /* [n][ntags] the tag before each tag on the best path to it */
    size_t cap;    /* tokens it holds */
    /* Set fixed to 1 when the transitions a ctx decodes with never change
       (a compiled-in model): the tables derived from them are then made
       once per transitions (those of the last two kept, a two-stage
       model's), not once per call. A trainer, whose transitions change
       between calls, leaves it 0. */
    int fixed;
    struct lede_ner_viterbi_tables *tables; /* [2] derived tables (tagger.c) */
} lede_ner_viterbi_ctx;

/*
 * Decodes n tokens with the tags of ntypes types (1 <= ntypes <=
 * LEDE_NER_MAX_TYPES): emit is an [n][LEDE_NER_NTAGS_OF(ntypes)] matrix of
 * emission scores; the best tags go to tags[0..n). n = 0 does nothing.
 * Returns LEDE_NOMEM when the context cannot grow.
 */
lede_rc lede_ner_viterbi(lede_ner_viterbi_ctx *ctx, const int32_t *emit, size_t n, size_t ntypes,
                         const lede_ner_transitions *tr, uint8_t *tags);

void lede_ner_viterbi_free(lede_ner_viterbi_ctx *ctx);

#endif
