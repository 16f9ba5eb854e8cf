/*
 * classes.h: word classes induced from the training text (exchange
 * clustering).
 *
 * Words (token norms) are grouped into k classes so as to maximise the
 * likelihood of the text under a class bigram model, by the exchange
 * algorithm (Kneser and Ney 1993, "Improved clustering techniques for
 * class-based statistical language modelling"; Martin, Liermann and Ney
 * 1998): visit every word in turn and move it to the class that gains the
 * most, until a pass moves nothing or a pass limit is reached. Words that
 * share a class occur in similar contexts ("Tuesday" and "Friday", or
 * names of clubs), which lets the tagger generalise to words it saw rarely
 * or never with a tag. Brown clusters (Brown et al. 1992) used by Ratinov
 * and Roth 2009 serve the same purpose; exchange clustering is simpler and
 * fast enough to run inside `make model`.
 *
 * The text is that of the training file and of any unlabelled corpora
 * given (the trainer's -u option: the OntoNotes model also reads the text
 * of CoNLL-2003 train.txt and of PolNeAR's train articles, news of 1996 and
 * 2015-16). The log-likelihood is
 * computed in fixed point with integer arithmetic only, so the classes are
 * the same on every machine.
 */
#ifndef LEDE_NER_TRAIN_CLASSES_H
#define LEDE_NER_TRAIN_CLASSES_H

#include "corpus.h"

/* Clusterings made, from coarse to fine (the lexicon packs them all). */
#define CLASSES_LEVELS LEDE_NER_CLASS_LEVELS

typedef struct {
    size_t nwords;    /* words with classes */
    uint64_t *norm;   /* [nwords] norm hash of each */
    uint32_t *packed; /* [nwords] classes packed as lede_ner_lexicon stores them */
} classes;

/* Clusters the norms of every token of the n corpora cs seen at least
   min_count times. */
void classes_build(const corpus *const *cs, size_t n, uint32_t min_count, int passes,
                   classes *out);

void classes_free(classes *cl);

#endif
