/*
 * percep.h: the averaged structured perceptron of the trainer.
 *
 * Collins 2002: decode each training window with the current weights
 * (Viterbi, tagger.h); when the best tags differ from the gold ones, add 1
 * to the weight of every feature and transition of the gold sequence and
 * subtract 1 from those of the predicted one. The model kept is the
 * average of the weights over all steps, computed exactly with the usual
 * trick (Daume 2006): u accumulates c * delta, and the average is
 * w - u / c. The averaged weights are then scaled by a factor and rounded
 * to integers (clamped to a signed byte), which is what the extension adds
 * up at run time.
 *
 * Features are dense ids (fdict); a token's features are the ids of up to
 * two feature sets (the local ones and, in stage 2, the document ones).
 */
#ifndef LEDE_NER_TRAIN_PERCEP_H
#define LEDE_NER_TRAIN_PERCEP_H

#include "../features.h"
#include "../tagger.h"

#include <stddef.h>
#include <stdint.h>

/* ---- feature dictionary: hash -> dense id ---- */

#define FDICT_NONE UINT32_MAX

typedef struct {
    uint64_t *keys;    /* hashes, 0 = empty */
    uint32_t *count;   /* occurrences seen while counting */
    uint32_t *id;      /* dense id, or FDICT_NONE */
    size_t cap, used;  /* slots, keys */
    uint64_t *hash_of; /* [nids] the hash of each id */
    size_t nids, ids_cap;
} fdict;

void fdict_init(fdict *d);
void fdict_free(fdict *d);
/* Counts one occurrence of h. */
void fdict_count(fdict *d, uint64_t h);
/* The id of h; a new id when h was counted at least cutoff times and has
   none yet (when assign is set); else FDICT_NONE. */
uint32_t fdict_id(fdict *d, uint64_t h, uint32_t cutoff, int assign);

/* ---- feature sets: per token, a list of ids ---- */

typedef struct {
    uint32_t *ids;
    size_t *off; /* [ntokens + 1] */
    size_t ntokens, nids, cap;
} featset;

void featset_init(featset *fs, size_t ntokens);
void featset_free(featset *fs);
/* Appends the ids of the next token (tokens are added in order). */
void featset_add(featset *fs, const uint32_t *ids, size_t n);

/* ---- weights ---- */

/* Rows of the transition tables: the previous tag, then START and END. */
enum { PT = LEDE_NER_MAX_TAGS, PT_START = LEDE_NER_MAX_TAGS, PT_END = LEDE_NER_MAX_TAGS + 1 };

typedef struct {
    size_t nfeat;
    size_t ntypes;          /* entity types; nt = 1 + 4 * ntypes tags */
    size_t nt;              /* tags */
    int32_t *w;             /* [nfeat][nt] current weights */
    int64_t *u;             /* [nfeat][nt] sum of c * delta */
    int32_t tw[PT + 2][PT]; /* transitions: rows are the previous tag, START, END */
    int64_t tu[PT + 2][PT];
    int64_t c; /* steps so far, from 1 */
} percep;

/* Largest weight the model stores (a signed byte, model.h); the rounded
   averages are clamped to it. */
#define PERCEP_WEIGHT_MAX 127

/* Rounded averaged weights, as the model stores them. */
typedef struct {
    size_t nfeat;
    size_t ntypes, nt;
    int32_t *w; /* [nfeat][nt] */
    lede_ner_transitions trans;
} qmodel;

void percep_init(percep *p, size_t nfeat, size_t ntypes);
void percep_free(percep *p);

/* One training window: tokens [base, base + n) of the feature sets. */
typedef struct {
    size_t base, n;
    const uint8_t *gold;       /* [n] */
    const lede_ner_token *tok; /* [n] its tokens (for lede_ner_forbid) */
} pwindow;

/* One pass over the windows in the order given. */
void percep_epoch(percep *p, const pwindow *win, const size_t *order, size_t nwin,
                  const featset *fs1, const featset *fs2, lede_ner_viterbi_ctx *vit);

/* The averaged weights times scale, rounded. */
void percep_average(const percep *p, int64_t scale, qmodel *q);

void qmodel_free(qmodel *q);

/* Tags the window's tokens with q into tags[0..n). */
void qmodel_tag(const qmodel *q, const pwindow *pw, const featset *fs1, const featset *fs2,
                lede_ner_viterbi_ctx *vit, int32_t *emit, uint8_t *tags);

#endif
