/*
 * learn.h: the learned part of lede_quotes, after BBC's Citron (Newell,
 * Margolin and Ruths' PolNeAR and the Citron baselines): a cue classifier
 * over tokens, then for each cue a source and a content chosen among the
 * spans of its sentence, each scored by features relative to the cue.
 *
 *   cue      every word token outside quotation marks and not already part
 *            of a direct quotation's attribution is scored alone (its word,
 *            the words around it, the token classes around it, how often
 *            cues.h saw it as a cue); a score above 0 makes it the head of
 *            a cue ("said", "believes", "according", "showed").
 *   source   the spans [a, b) of the cue's sentence that end before the cue
 *            (at most LEDE_QL_SRC_LEN tokens, starting at most
 *            LEDE_QL_SRC_WIN tokens before it) or start just after it, and
 *            "no source": score(start a) + score(end b) + score(the pair:
 *            side, length, commas, marks inside); the best one wins.
 *   content  the spans of the sentence before the cue (not overlapping the
 *            source) or starting just after it, scored the same way.
 *
 * Each score is a sum of feature weights: a feature is a 32-bit hash of a
 * template number and its values (token words lowercased, token classes,
 * distance buckets), its weight an integer of the averaged perceptron
 * (Collins 2002) trained by ext/quotes/train/ (`make model-quotes`) on
 * PolNeAR train and compiled in (model_data.c). The decoders take the
 * weights through a lede_ql_scorer, so the trainer runs exactly the
 * decoders and features the extension runs.
 *
 * Everything here reads the block's tokens (quotes.h) and writes only the
 * caller's arguments; nothing is allocated.
 */
#ifndef LEDE_QUOTES_LEARN_H
#define LEDE_QUOTES_LEARN_H

#include "quotes.h"
#include "../text/tokens.h"

#include <stdint.h>

#define LEDE_QL_MAX_FEATS 40  /* features of one token, position or pair */
#define LEDE_QL_SRC_WIN 30    /* a source starts at most this many tokens before the cue */
#define LEDE_QL_SRC_LEN 22    /* and has at most this many tokens */
#define LEDE_QL_SRC_GAP 30    /* and ends at most this many tokens before it ("X attacked Y,
                                 calling") */
#define LEDE_QL_SRC_AFTER 3   /* a source after the cue starts within this many tokens */
#define LEDE_QL_CON_WIN 60    /* content before the cue: at most this many tokens back */
#define LEDE_QL_CON_AFTER 6   /* content after the cue starts within this many tokens */
#define LEDE_QL_CON_LEN 90    /* and has at most this many tokens */
#define LEDE_QL_JOINT 4       /* the sources tried with a content each */

/* Token flags quotes.c sets that the features read (mirrors its QF_*). */
#define LEDE_QL_F_WORD (1u << 0)
#define LEDE_QL_F_CAP (1u << 1)
#define LEDE_QL_F_OPEN (1u << 2)
#define LEDE_QL_F_CLOSE (1u << 3)
#define LEDE_QL_F_INQ (1u << 7)
#define LEDE_QL_F_CUE (1u << 10)
#define LEDE_QL_F_USED (1u << 8)
#define LEDE_QL_F_MARK (1u << 9)
#define LEDE_QL_F_AUX (1u << 13) /* lede_ql_aux_word */

/* 1 when the word s[0..n) is an auxiliary or modal ("has", "would"): a
   source that holds one reads as a clause. quotes.c flags such tokens
   LEDE_QL_F_AUX once. */
int lede_ql_aux_word(const char *s, size_t n);

/* 1 when s[0..n) is one of the count lowercase words of list, sorted in
   strcmp order, ASCII case ignored (a binary search). */
int lede_ql_in_sorted(const char *s, size_t n, const char *const *list, size_t count);

/* The block the features read: its tokens and the text they point into. */
typedef struct {
    const char *s;
    const lede_quotes_tok *toks;
    size_t n;
} lede_ql_view;

/* Where the weights come from: the compiled-in model, or the trainer's. */
typedef struct {
    double (*weight)(const void *ctx, uint32_t feature);
    const void *ctx;
} lede_ql_scorer;

/* The compiled-in model (model_data.c, written by ext/quotes/train/): a
   linear-probing table whose keys are in increasing order. A feature's home
   is its top lede_ql_model_bits bits (f >> (32 - bits)); the features were
   put in key order, each in the first free slot from its home, so a lookup
   reads from the home slot on while the key is below f, and f is present
   exactly when the key it stops at equals it. An empty slot j holds the
   largest key whose home is j (past 1 << bits: UINT32_MAX) and weight 0,
   so no lookup runs past it; the table ends with one. The weight is the
   integer w (the averaged weight times the trainer's scale; only the order
   of sums matters, so the scale is not applied). Key and weight share a
   slot, so a lookup mostly reads one cache line, and a missing feature
   (most of those asked) costs about what a present one does. */
typedef struct {
    uint32_t key;
    int32_t w;
} lede_ql_slot;

extern const uint32_t lede_ql_model_bits;
extern const lede_ql_slot lede_ql_model_slots[];

/* The compiled-in model as a scorer. */
extern const lede_ql_scorer lede_ql_model;
/* 1 when a model is compiled in (model_data.c holds weights). */
int lede_ql_model_ready(void);

/* The word hash of token text s[0..n): ASCII lowercased, ’ read as '. */
uint32_t lede_ql_word_hash(const char *s, size_t n);

/* The word classes of the entity model (ext/ner/features.h) of the ASCII
   word s[0..n) lowercased, packed; 0 for an unknown or non-ASCII word. */
uint32_t lede_ql_word_classes(const char *s, size_t n);

/* The class of a token for the features (its kind, punctuation, case, a
   pronoun, a quotation mark by the QF_ flags), less whether it is inside
   a quotation: lede_quotes_tok.tc. */
uint32_t lede_ql_token_class(const char *s, const lede_token *tok, unsigned flags);

/* 1 when token i may be a cue head: a word outside quotation marks, not
   part of an attribution already. */
int lede_ql_cue_candidate(const lede_ql_view *v, size_t i);

/* The feature that marks token i's word as one that never heads a cue in
   train though it occurs often ("the", "of"): the classifier skips it when
   sc weighs it (the trainer puts it in the model). */
uint32_t lede_ql_stop_feature(const lede_ql_view *v, size_t i);

/* The feature every cue candidate has (the classifier's bias): the trainer
   moves its weight to set the classifier's threshold. */
uint32_t lede_ql_cue_bias_feature(void);

/* The features of token i as a cue head, into out; returns how many. */
size_t lede_ql_cue_feats(const lede_ql_view *v, size_t i, uint32_t *out);

/* Where the cue whose head is h starts: the auxiliaries, modals, negation
   and adverbs just before it ("has also said", "did n't respond", "he's
   claiming", "further asserted"), at most three tokens. */
size_t lede_ql_cue_lead(const lede_ql_view *v, size_t h);
/* 1 when token i may lead the cue whose head is h: one of those words, not
   capitalised ("May" in "Theresa May said" is a name). */
int lede_ql_lead_word(const lede_ql_view *v, size_t i, size_t h);

/* The words of the cue whose head is h: [*us, *ue), with the auxiliaries
   before it ("has said", "was also quoted") and "to" after "according". */
void lede_ql_cue_extent(const lede_ql_view *v, size_t h, size_t *us, size_t *ue);

/* A span of tokens [a, b); a == b == SIZE_MAX for none. */
typedef struct {
    size_t a, b;
} lede_ql_span;

/* The features of the source [a, b) of the cue whose head is h and whose
   words are [us, ue) (a == SIZE_MAX: no source); returns how many (at most
   3 * LEDE_QL_MAX_FEATS). */
size_t lede_ql_src_feats(const lede_ql_view *v, size_t h, size_t us, size_t ue, lede_ql_span sp,
                         uint32_t *out);
/* The same for a content span, given the source chosen. */
size_t lede_ql_con_feats(const lede_ql_view *v, size_t h, size_t us, size_t ue, lede_ql_span src,
                         lede_ql_span sp, uint32_t *out);

/* 1 when sp may be a source: it starts with a word, number or symbol,
   ends with one or ")", and holds no end of sentence; none is one. */
int lede_ql_src_ok(const lede_ql_view *v, lede_ql_span sp);
/* 1 when sp may be a content: it holds a word or a number. */
int lede_ql_con_ok(const lede_ql_view *v, lede_ql_span sp);

/* The best source of the cue (h, [us, ue)) by sc; returns its score. */
double lede_ql_best_source(const lede_ql_view *v, const lede_ql_scorer *sc, size_t h, size_t us,
                           size_t ue, lede_ql_span *best);
/* The k best sources of the cue, best first, into spans and scores;
   returns how many (at least 1: none is one). */
size_t lede_ql_best_sources(const lede_ql_view *v, const lede_ql_scorer *sc, size_t h, size_t us,
                            size_t ue, lede_ql_span *spans, double *scores, size_t k);
/* The best content of the cue given its source; none when the sentence
   holds no span for it. */
double lede_ql_best_content(const lede_ql_view *v, const lede_ql_scorer *sc, size_t h, size_t us,
                            size_t ue, lede_ql_span src, lede_ql_span *best);

/* Where content after the cue may start: past the source when that follows
   the cue ("according to X, ..."), else right after the cue. */
size_t lede_ql_con_base(lede_ql_span src, size_t ue);

/* The sum of the weights of features f[0..n). */
double lede_ql_score(const lede_ql_scorer *sc, const uint32_t *f, size_t n);

#endif
