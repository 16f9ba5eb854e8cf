/*
 * extract.h: text in, named entities out.
 *
 * The pipeline reads the text in blocks of sentences (block.h: sentences
 * of sentences.h, tokens of tokens.h, windows of at most
 * LEDE_NER_WINDOW_MAX tokens), tags each block with the statistical model
 * (model.h: two-stage averaged perceptron, Viterbi over BILOU tags,
 * tagger.h), and reports each entity once, in text order: its span (bytes
 * and code points, end exclusive), its label (entity.h), and the seq of
 * the sentence it lies in, counted as lede_sentences(text) counts them.
 * An entity never crosses a sentence, nor the cut of an over-long sentence
 * into windows.
 *
 * Two schemes (entity.h):
 *
 * OntoNotes (the default): the OntoNotes model (model.h) finds every
 * entity and gives its label, one of the 18 OntoNotes types. The rules
 * (rules.h) run over the same tokens, sentence by sentence, for the values
 * only: a DATE, TIME, MONEY, PERCENT or QUANTITY entity takes the value and
 * unit of the first rule match of its label that overlaps it (a rule match
 * the model did not find is not reported: the model draws the spans as
 * OntoNotes does); a CARDINAL or ORDINAL takes its number from values.h.
 *
 * CoNLL-2003: the CoNLL model tags PERSON, ORG, LOC and MISC; the rules
 * find NORP, DATE, TIME, MONEY, PERCENT and QUANTITY. Where the two overlap:
 *
 *   - a NORP span the model also found, exactly, becomes NORP (with the
 *     rules' country) whatever label the model gave it; a NORP span that
 *     only partly overlaps a model entity is dropped ("Japanese" inside
 *     "Japanese Foreign Ministry" stays part of the ORG);
 *   - a DATE, TIME, MONEY, PERCENT or QUANTITY span replaces the model
 *     entities that lie wholly inside it ("US" of "US$5 million"), and is
 *     dropped when a model entity reaches beyond it ("2002" of "World Cup
 *     2002").
 *
 * Then, as CoNLL-2003 draws its four classes, NORP is reported as MISC (with
 * its country) and the amounts and dates are not reported.
 *
 * Each entity then gets its canonical name and country from canon.h, which
 * reads the entities in text order. An attribute that is not known is NULL
 * (country: the empty string).
 *
 * It is a pull iterator whose state is a lede_ner_extractor the caller
 * owns: lede_ner_extract_init, lede_ner_extract_next until it returns
 * LEDE_DONE (or an error), lede_ner_extract_free. Memory is bounded by the
 * block size whatever the input's length, and time is linear in it. The
 * text is not copied and must outlive the extractor; the strings an entity
 * points to live until the next call.
 */
#ifndef LEDE_NER_EXTRACT_H
#define LEDE_NER_EXTRACT_H

#include "block.h"
#include "canon.h"
#include "entity.h"
#include "model.h"
#include "rules.h"

/*
 * A memo of the summed weights of each word's own features (features.h:
 * lede_ner_own_mask), a few thousand words, for one model at a time. Most
 * tokens of news are common words, so most of a token's own features are
 * added up once and then read back; the scores are exactly those of adding
 * them every time. It also holds, per word, the model rows of the features
 * its neighbours get from it (features.h: lede_ner_neighbour_features), so
 * that those ten features are neither hashed nor looked up again. An extractor makes one of its own; a caller that runs
 * many extractors one after another (lede_entities over the rows of a
 * table) can keep one and lend it to each (lede_ner_extract_use_memo).
 */
typedef struct lede_ner_memo lede_ner_memo;

/* A new, empty memo (lede_malloc), or NULL when out of memory. */
lede_ner_memo *lede_ner_memo_new(void);
void lede_ner_memo_free(lede_ner_memo *memo);

/* Which labels an extractor reports (entity.h). */
typedef enum { LEDE_NER_SCHEME_ONTONOTES = 0, LEDE_NER_SCHEME_CONLL } lede_ner_scheme;

typedef struct {
    lede_span span;        /* where it is: bytes and code points, end exclusive */
    lede_ent_label label;  /* PERSON, ORG, ... (entity.h) */
    size_t sentence;       /* seq of the sentence it lies in */
    const char *canonical; /* fullest name of the entity, or NULL */
    size_t canonical_len;
    const char *value; /* normalised value (ISO date, number), or NULL */
    size_t value_len;
    const char *unit; /* unit of value ("USD", "%"), or NULL */
    size_t unit_len;
    char country[3]; /* ISO 3166-1 alpha-2 code, or "" */
    int has_point;     /* lat and lon hold the place's point (canon.h) */
    double lat, lon;   /* WGS84 degrees */
    uint32_t geonames; /* GeoNames id of the place, or 0 */
} lede_ner_entity;

/* An entity of the block being reported, with room for its value and unit. */
typedef struct {
    lede_ner_entity e;
    char value[LEDE_RULES_VALUE_MAX]; /* "" when none */
    char unit[LEDE_RULES_UNIT_MAX];   /* "" when none */
} lede_ner_item;

typedef struct {
    const lede_ner_model *model; /* the weights; not owned */
    lede_ner_scheme scheme;      /* the labels reported */
    size_t ntags;                /* the model's tags */
    lede_ent_label type_label[LEDE_NER_MAX_TYPES]; /* the label of each of the model's types */
    char anchor[11];             /* the anchor date 'YYYY-MM-DD', or "" (for the rules) */
    lede_ner_block block;        /* the text, read a block at a time */
    lede_ner_doc doc;            /* first-stage statistics of the block */
    lede_ner_viterbi_ctx viterbi;
    lede_ner_memo *memo;   /* sums of the own features' weights, per word */
    int memo_owned;        /* memo was made here (freed with the extractor) */
    int32_t *emit;         /* [window][ntags] first-stage scores of one window */
    uint64_t *wfeat;       /* [window][LEDE_NER_MAX_FEATURES] features of one window */
    uint32_t *wrows;       /* [window][LEDE_NER_MAX_FEATURES] their rows in the model */
    uint8_t *wnf;          /* [window] how many features, then how many rows */
    uint64_t *wkey;        /* [window] lede_ner_own_key of each token */
    uint32_t *wnb;         /* [window][LEDE_NER_NB_ROLES] each token's neighbour rows + 1
                              (0: a feature the model does not know), from the memo */
    int16_t *emit2;        /* [block][ntags] second-stage scores of the block's local
                              features (each fits 16 bits, model.h) */
    uint8_t *tags1;        /* [block] first-stage tags */
    uint8_t *tags2;        /* [block] second-stage tags */
    uint8_t *caps;         /* [block] 1 when the token is in a headline window */
    size_t cap;            /* tokens the [block] arrays hold */
    lede_ner_item *ents;   /* entities of the block, in text order */
    size_t nents;          /* how many */
    size_t ents_cap;       /* room in ents */
    lede_ner_item *found;  /* the rules' entities of the block, in text order */
    size_t nfound;         /* how many */
    size_t found_cap;      /* room in found */
    size_t next;           /* the next one to report */
    size_t *persons;       /* scratch: the block's persons named in more than one word */
    size_t persons_cap;    /* room in persons */
    lede_rules_ctx rules;  /* the rule scanner */
    lede_date anchor_date; /* anchor parsed */
    int has_anchor;        /* anchor_date holds one */
    lede_canon_ctx canon;  /* canonical names over the whole text */
    lede_canon_places *places; /* lent to canon: kept from text to text (NULL until needed,
                                  or when out of memory: canon then looks every name up) */
    size_t blocks;         /* blocks of the text read so far */
} lede_ner_extractor;

/*
 * Starts extracting from s[0..n) with model m (checked by the caller with
 * lede_ner_model_check) under scheme; anchor is the date relative dates
 * count from, 'YYYY-MM-DD' (checked by the caller), or NULL. A type of the
 * model that entity.h does not name is reported as MISC. Allocates nothing.
 */
void lede_ner_extract_init(lede_ner_extractor *x, const lede_ner_model *m, lede_ner_scheme scheme,
                           const char *s, size_t n, const char *anchor);

/*
 * The same on an extractor that was initialised before and not freed:
 * it starts over on the new text but keeps its buffers (and its memo), so
 * that a caller running one text after another (lede_entities over the
 * rows of a table) does not allocate and touch fresh memory for each.
 */
void lede_ner_extract_restart(lede_ner_extractor *x, const lede_ner_model *m,
                              lede_ner_scheme scheme, const char *s, size_t n, const char *anchor);

/* The model compiled in for scheme. */
const lede_ner_model *lede_ner_scheme_model(lede_ner_scheme scheme);

/* Stores the next entity in *out: LEDE_OK, LEDE_DONE at the end, or
   LEDE_NOMEM. */
lede_rc lede_ner_extract_next(lede_ner_extractor *x, lede_ner_entity *out);

void lede_ner_extract_free(lede_ner_extractor *x);

/* Lends x a memo (after lede_ner_extract_init, before the first
   extract_next); it must outlive x. Without one, x makes its own. */
void lede_ner_extract_use_memo(lede_ner_extractor *x, lede_ner_memo *memo);

/*
 * The model's tags for the current block of x (used by extract.c, and by
 * the trainer's and tests' checks): runs both stages over every window and
 * leaves the final tags in x->tags2 and the first stage's in x->tags1.
 */
lede_rc lede_ner_extract_tag_block(lede_ner_extractor *x);

#endif
