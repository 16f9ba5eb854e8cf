/*
 * corpus.h: CoNLL-2003 and OntoNotes 5.0 files as the trainer sees them.
 *
 * Both have one token a line, the word first and the NER tag last
 * (CoNLL-2003: "word POS chunk NER"; OntoNotes in CoNLL-2012 splits:
 * "word<TAB>tag"), a blank line after each sentence and a "-DOCSTART-"
 * line before each document; tags are IOB1 or IOB2 (I-X continues an
 * entity of type X when the previous token is of type X; B-X always starts
 * one), read as conlleval reads them. A scheme (corpus_scheme) names the
 * types of the file and the labels lede gives them. OntoNotes words are
 * Penn Treebank escaped ("-LRB-", "``", "/."); they are read as the
 * characters they stand for, so that the text looks like news copy.
 *
 * Each document becomes the raw text a user would give lede: the tokens of
 * a sentence joined by one space, each sentence on its own line. That text
 * goes through lede's own pipeline (block.h: sentences, tokens, windows,
 * token properties), so training sees exactly what the extension sees at
 * run time. Each lede token takes the gold entity of the CoNLL token it
 * lies in (lede never joins across a space, so it lies in one), and the
 * BILOU tags are derived over lede tokens within each window.
 *
 * Evaluation works on CoNLL tokens, as tests/eval/ner.c does: a
 * predicted entity maps its first byte and its last byte to the CoNLL
 * tokens containing them; it is right when that token range and its type
 * are those of a gold entity.
 */
#ifndef LEDE_NER_TRAIN_CORPUS_H
#define LEDE_NER_TRAIN_CORPUS_H

#include "../block.h"
#include "../tagger.h"

/* The entity types of a corpus: their names in the file and as lede labels. */
typedef struct {
    const char *name;               /* "conll" or "ontonotes" */
    size_t ntypes;                  /* types, in tag order */
    const char *const *file_names;  /* [ntypes] as the file writes them ("PER") */
    const char *const *label_names; /* [ntypes] as lede labels them ("PERSON") */
} corpus_scheme;

extern const corpus_scheme corpus_scheme_conll, corpus_scheme_onto;

/* A gold or predicted entity over CoNLL tokens of one document. */
typedef struct {
    uint32_t first, last; /* CoNLL token range, inclusive */
    uint8_t type;         /* lede_ner_type */
} corpus_entity;

/* A block of a document, as block.h read it, with gold tags. */
typedef struct {
    lede_ner_token *tok; /* tokens (copied from the block) */
    size_t ntok;
    lede_ner_win *win; /* windows */
    size_t nwin;
    uint8_t *gold;   /* [ntok] gold BILOU tags */
    uint32_t *conll; /* [ntok] index of the CoNLL token each lies in */
    uint8_t *caps;   /* [ntok] 1 when in a headline window */
} corpus_block;

typedef struct {
    char *text; /* the raw text (sentences one a line) */
    size_t len;
    corpus_block *blocks;
    size_t nblocks;
    corpus_entity *gold; /* gold entities, in order */
    size_t ngold;
    size_t nconll;       /* CoNLL tokens */
    size_t *conll_start; /* [nconll + 1] byte where each token starts (+ text length) */
} corpus_doc;

typedef struct {
    const corpus_scheme *scheme;
    int skip_bare;  /* documents without any gold entity were left out */
    size_t nbare;   /* how many */
    corpus_doc *docs;
    size_t ndocs;
    size_t ntokens; /* lede tokens */
} corpus;

/* Reads path into *c with the types of scheme, at most max_docs documents
   (0 = all). With skip_bare, a document without any gold entity is left out:
   OntoNotes annotates names in only part of its documents and gives every
   token of the others O (all of wb/sel, for one), which would teach a model
   that names are not names. Returns 0 on success, -1 with a message on
   stderr. */
int corpus_read(corpus *c, const char *path, const corpus_scheme *scheme, size_t max_docs,
                int skip_bare);

/* Reads every regular file of the folder dir (in name order) as one
   document of raw text, for the word classes only: the blocks have tokens
   and windows but no gold (gold, conll and caps are NULL). Returns 0, or -1
   with a message on stderr. */
int corpus_read_text(corpus *c, const char *dir);

void corpus_free(corpus *c);

/* Entities of a tag sequence over the block's lede tokens, mapped to CoNLL
   tokens and appended to *out (grown with realloc). */
void corpus_decode(const corpus_block *b, const uint8_t *tags, corpus_entity **out, size_t *n,
                   size_t *cap);

/* Counts for precision and recall. */
typedef struct {
    const corpus_scheme *scheme;
    size_t gold[LEDE_NER_MAX_TYPES], pred[LEDE_NER_MAX_TYPES], correct[LEDE_NER_MAX_TYPES];
} corpus_score;

/* Adds the comparison of predicted entities with the document's gold. */
void corpus_score_add(corpus_score *s, const corpus_doc *d, const corpus_entity *pred,
                      size_t npred);

/* Overall F1 (0..1). */
double corpus_f1(const corpus_score *s);

/* Prints per-type and overall precision, recall and F1 to stderr. */
void corpus_score_print(const corpus_score *s, const char *title);

#endif
