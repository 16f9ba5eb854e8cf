/*
 * writer.h: writing a trained model as C source (ext/ner/model_*_data.c).
 *
 * The file defines one model of model.h (lede_ner_model_onto or
 * lede_ner_model_conll): the feature table and
 * weight rows as two string literals of little-endian bytes (gcc reads a
 * string literal far faster than millions of numeric initialisers), and
 * the transition scores as small integer arrays. The same weights give the
 * same file, byte for byte.
 */
#ifndef LEDE_NER_TRAIN_WRITER_H
#define LEDE_NER_TRAIN_WRITER_H

#include "../features.h"
#include "percep.h"

typedef struct {
    const char *symbol;              /* the model's C name ("lede_ner_model_onto") */
    const char *source;              /* what it was trained from, for the header */
    size_t ntypes;                   /* entity types */
    const char *const *type_names;   /* [ntypes] their lede labels */
    const fdict *dict;               /* hashes of the feature ids */
    const qmodel *stage1;            /* weights over ids < stage1->nfeat */
    const qmodel *stage2;            /* weights over ids < stage2->nfeat */
    const lede_ner_lexicon *lexicon; /* word classes */
    int32_t prune;                   /* weights with |w| < prune are dropped */
    const char *about;               /* one line: how it was trained and scored */
} writer_input;

/* Sizes of what was written. */
typedef struct {
    size_t features, slot_bits, bytes;
} writer_stats;

/* Writes the file; returns 0, or -1 with a message on stderr. */
int writer_write(const char *path, const writer_input *in, writer_stats *st);

#endif
