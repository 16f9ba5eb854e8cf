/*
 * features.h: what the entity model sees of a token.
 *
 * A feature is a 64-bit hash of a template (one named function of the
 * table in features.c) and the value it reads, e.g. ("lower-1", "the") for
 * "the previous word, lowercased, is 'the'". The model (model.h) maps each
 * hash to weights; hashes it does not know weigh nothing. Hashing the same
 * bytes gives the same features on every machine.
 *
 * Features come from a window of prepared tokens (lede_ner_token: the
 * token's kind, flags, the hashes of its text, norm, shapes and affixes,
 * its word classes, computed once per token by lede_ner_token_prepare, and
 * the gazetteer matches (gazetteer.h) covering it, found per window by
 * lede_ner_window_prepare) and, in the second stage of the tagger, from
 * document-level statistics over the block (lede_ner_doc: how the first
 * stage labelled the other occurrences of the same word), after Ratinov
 * and Roth 2009, "Design Challenges and Misconceptions in Named Entity
 * Recognition", sections 5 and 6.
 *
 * The model depends on the gazetteer's content too: after `make regen`
 * changes gazetteer_data.c, run `make model` (the tagger still works, but
 * its weights were learnt with the old lists).
 *
 * Templates are either LOCAL (both stages) or DOC (second stage only).
 * Changing what any template computes changes the features, so it must
 * bump LEDE_NER_FEATURE_SET_VERSION; the model carries the version it was
 * trained with, and a model of another version is refused (model.h).
 *
 * The caller owns all structures; lede_ner_doc allocates through
 * lede_malloc and is released with lede_ner_doc_free.
 */
#ifndef LEDE_NER_FEATURES_H
#define LEDE_NER_FEATURES_H

#include "../core.h"
#include "../text/norm.h"
#include "../text/tokens.h"

#define LEDE_NER_FEATURE_SET_VERSION 3

/* Most features one token can have in one stage. */
#define LEDE_NER_MAX_FEATURES 96

/* Token flags. */
enum {
    LEDE_NER_TF_INIT_CAP = 1u << 0,   /* first character an upper-case letter */
    LEDE_NER_TF_ALL_CAPS = 1u << 1,   /* has upper-case letters and no lower-case ones */
    LEDE_NER_TF_LOWER = 1u << 2,      /* has lower-case letters and no upper-case ones */
    LEDE_NER_TF_MIXED = 1u << 3,      /* an upper-case letter after a lower-case one */
    LEDE_NER_TF_DIGIT = 1u << 4,      /* has a digit */
    LEDE_NER_TF_ALL_DIGIT = 1u << 5,  /* only digits */
    LEDE_NER_TF_HYPHEN = 1u << 6,     /* has a hyphen */
    LEDE_NER_TF_PERIOD = 1u << 7,     /* has a period */
    LEDE_NER_TF_APOS = 1u << 8,       /* has an apostrophe */
    LEDE_NER_TF_ALPHA = 1u << 9,      /* has a letter */
    LEDE_NER_TF_HAS_LOWER = 1u << 10, /* has a lower-case letter */
    LEDE_NER_TF_LINE = 1u << 11,      /* first on its line */
    LEDE_NER_TF_FIRST = 1u << 12,     /* first token of its sentence (window_prepare) */
    LEDE_NER_TF_QUOTED = 1u << 13,    /* inside quotation marks (window_prepare) */
    LEDE_NER_TF_PARENS = 1u << 14,    /* inside brackets (window_prepare) */
    LEDE_NER_TF_Q_OPEN = 1u << 15,    /* a mark that may open a quotation: " “ « „ */
    LEDE_NER_TF_Q_CLOSE = 1u << 16,   /* a mark that may close one: " ” » */
    LEDE_NER_TF_B_OPEN = 1u << 17,    /* ( [ { */
    LEDE_NER_TF_B_CLOSE = 1u << 18,   /* ) ] } */
    LEDE_NER_TF_INVALID = 1u << 19    /* U+FFFD: a character that was not valid UTF-8 */
};

/* The flags that describe the token alone (the rest depend on neighbours). */
#define LEDE_NER_TF_OWN ((1u << 12) - 1)

/* Window flags. */
enum {
    LEDE_NER_WF_CAPS = 1u << 0, /* the sentence is in capitals (a headline) */
    LEDE_NER_WF_CONT = 1u << 1, /* continues a sentence cut into windows */
    LEDE_NER_WF_TABLE = 1u << 2 /* a line of a table: at least 30% numbers (and 2) */
};

/* Longest norm kept as text (for gazetteer keys), in bytes. */
#define LEDE_NER_NORM_TEXT 31

/* Longest token normalised in full, in bytes: longer ones (junk, long
   URLs) are normalised over their first bytes only, so that memory stays
   bounded whatever the input. */
#define LEDE_NER_TOKEN_MAX 128

/*
 * Word classes (induced by the trainer from the training text and other
 * unlabelled news text, classes.h there) at three nested levels of 2^BITS0,
 * 2^BITS1 and 2^BITS2 classes, packed in 32 bits: 1 << 31 | c0 |
 * c1 << BITS0 | c2 << (BITS0 + BITS1); 0 means the word has no class.
 */
#define LEDE_NER_CLASS_LEVELS 3
#define LEDE_NER_CLASS_BITS0 4
#define LEDE_NER_CLASS_BITS1 6
#define LEDE_NER_CLASS_BITS2 8

uint32_t lede_ner_class_pack(uint32_t c0, uint32_t c1, uint32_t c2);

/* Class of level 0 to 2 of packed classes p (p != 0). */
uint32_t lede_ner_class_level(uint32_t p, int level);

/*
 * The lexicon of word classes: a table of 1 << slot_bits slots of 8 bytes,
 * u32 check (norm hash >> 32) and u32 packed classes, little-endian; the
 * norm hash h sits in the first slot from h & mask on whose check matches;
 * a slot with 0 classes is empty and ends the search. It is part of the
 * model (model.h) and read-only.
 */
typedef struct {
    uint32_t slot_bits;
    const unsigned char *slots;
} lede_ner_lexicon;

/* The packed classes of the word with norm hash norm, or 0. */
uint32_t lede_ner_lexicon_get(const lede_ner_lexicon *lex, uint64_t norm);

/* Asks for the memory lede_ner_lexicon_get(lex, norm) will read first, so
   that the lookups of many tokens overlap. */
void lede_ner_lexicon_prefetch(const lede_ner_lexicon *lex, uint64_t norm);

/* A token as the features see it. Hashes are 0 for "none". */
typedef struct {
    lede_span span;       /* where it is in the text */
    lede_tok_kind kind;   /* tokens.h */
    uint32_t flags;       /* LEDE_NER_TF_* */
    uint64_t raw;         /* hash of its text */
    uint64_t norm;        /* hash of its norm (NFKC + case fold, norm.h) */
    uint64_t shape;       /* hash of its shape: Xxxxx, dd-dd, X.X. */
    uint64_t shape_short; /* the shape with repeats collapsed: Xx, d-d, X.X. */
    uint64_t prefix[4];   /* hashes of the norm's first 1..4 characters */
    uint64_t suffix[4];   /* hashes of the norm's last 1..4 characters */
    uint64_t gaz;         /* gazetteer matches covering it: bit 4 * k + pos for gazetteer type
                             1 << k (gazetteer.h) and BILU position pos (tagger.h) */
    uint32_t classes;     /* its word classes, packed (0: none) */
    uint8_t norm_len;     /* bytes in norm_text, or 255 when the norm is longer */
    char norm_text[LEDE_NER_NORM_TEXT]; /* the norm, not NUL-terminated */
} lede_ner_token;

/*
 * Fills *t for token tok of text s (tok->span indexes s), with its word
 * classes from lex (none when lex is NULL); nb is scratch for the norm.
 * Flags that depend on neighbours are set by lede_ner_window_prepare.
 */
lede_rc lede_ner_token_prepare(lede_ner_token *t, const char *s, const lede_token *tok,
                               lede_norm_buf *nb, const lede_ner_lexicon *lex);

/*
 * Sets what depends on neighbours for the n tokens of a window: the flags
 * first in sentence (when !continued), inside quotes or brackets, and the
 * gazetteer matches (runs of up to LEDE_GAZ_MAX_TOKENS tokens from a
 * capital to a capital whose norms, joined by spaces, are a gazetteer
 * key). Returns the window flags (LEDE_NER_WF_*).
 */
uint32_t lede_ner_window_prepare(lede_ner_token *tok, size_t n, int continued);

/*
 * How the first stage labelled each word of a block: for every distinct
 * norm, counts of its tokens per label type (0 = O, 1 + lede_ner_type).
 */
/* Label types the document statistics count: O, then each entity type. */
#define LEDE_NER_DOC_TYPES (1 + LEDE_NER_DOC_MAX_TYPES)
#define LEDE_NER_DOC_MAX_TYPES 18 /* = LEDE_NER_MAX_TYPES (tagger.h) */

typedef struct {
    uint64_t *keys;                            /* norm hashes, 0 = empty slot */
    uint32_t *row;                             /* [cap] the row of each slot's norm: rows
                                                  are numbered as the norms first appear,
                                                  so the rows used lie together */
    uint32_t (*counts)[LEDE_NER_DOC_TYPES];    /* per row, tokens per type (0 = O, 1 + type) */
    uint32_t (*capcounts)[LEDE_NER_DOC_TYPES]; /* the same over tokens outside headlines */
    uint32_t (*sums)[4]; /* per row: the sum of counts and of capcounts, and the
                            types each counts (bit ty when its count is not 0) */
    size_t cap;          /* room for slots and rows (a power of two) */
    size_t size;         /* slots in use for the current tokens (a power of two, at most
                            cap): only these are cleared, so a block after a long one costs
                            its own size */
    const lede_ner_token *tok; /* the tokens it was built from */
    uint32_t *slot_of;         /* [ntok] the row of each token's norm (UINT32_MAX: none) */
    size_t ntok, ntok_cap;     /* tokens, and room in slot_of */
} lede_ner_doc;

/*
 * Rebuilds *doc for n tokens with their first-stage tags; caps[i] is 1
 * when token i lies in a headline window (LEDE_NER_WF_CAPS). Returns
 * LEDE_NOMEM on failure.
 */
lede_rc lede_ner_doc_build(lede_ner_doc *doc, const lede_ner_token *tok, const uint8_t *labels,
                           const uint8_t *wcaps, size_t n);

void lede_ner_doc_free(lede_ner_doc *doc);

/* Everything the feature functions may read about token i of a window. */
typedef struct {
    const lede_ner_token *tok; /* the window's tokens */
    size_t n;                  /* how many */
    uint32_t wflags;           /* LEDE_NER_WF_* */
    const lede_ner_doc *doc;   /* document statistics (second stage), or NULL */
    const uint8_t *stage1;     /* first-stage tags of the window (second stage), or NULL */
} lede_ner_window;

/*
 * Writes the features of token i of w for a stage (1: local templates
 * only; 2: the document templates only — the second stage scores both
 * sets, the local ones being shared with the first) to out, which has
 * room for LEDE_NER_MAX_FEATURES; returns how many.
 */
size_t lede_ner_features(const lede_ner_window *w, size_t i, int stage, uint64_t *out);

/*
 * The templates that read only what lede_ner_own_key covers (the token's
 * text, kind and LEDE_NER_TF_OWN flags), as a mask for
 * lede_ner_features_masked: their features, and so their summed weights,
 * are the same wherever the same key comes back, which lets the tagger
 * add them up once per word (extract.h).
 */
uint64_t lede_ner_own_mask(void);

/* A hash of what the own templates read of t; never 0. */
uint64_t lede_ner_own_key(const lede_ner_token *t);

/*
 * Neighbour features. Ten stage-1 templates read only one neighbour of the
 * token, and only what the memo key of that neighbour covers (its norm,
 * collapsed shape and word classes): lower-2 reads token i - 2; lower-1,
 * shape-1 and class-1 (two levels) token i - 1; lower+1, shape+1 and class+1
 * token i + 1; lower+2 token i + 2. Their features for a word are then the
 * same wherever it comes back, so the tagger can find their rows once per
 * word: lede_ner_neighbour_features writes the feature each role gives
 * to the token at that offset from t, and lede_ner_neighbour_mask gives the
 * templates those roles stand for at token i of a window of n (the ones
 * whose neighbour lies inside the window; at the edges, the templates
 * give their "before" and "after" values, which features_masked writes).
 */
enum {
    LEDE_NER_NB_LOWER_M2, /* lower-2: read by token i + 2 */
    LEDE_NER_NB_LOWER_M1, /* lower-1, shape-1, class-1 (2): read by token i + 1 */
    LEDE_NER_NB_SHAPE_M1,
    LEDE_NER_NB_CLASS_M1_1,
    LEDE_NER_NB_CLASS_M1_2,
    LEDE_NER_NB_LOWER_P1, /* lower+1, shape+1, class+1 (2): read by token i - 1 */
    LEDE_NER_NB_SHAPE_P1,
    LEDE_NER_NB_CLASS_P1_1,
    LEDE_NER_NB_CLASS_P1_2,
    LEDE_NER_NB_LOWER_P2, /* lower+2: read by token i - 2 */
    LEDE_NER_NB_ROLES
};

void lede_ner_neighbour_features(const lede_ner_token *t, uint64_t out[LEDE_NER_NB_ROLES]);
uint64_t lede_ner_neighbour_mask(size_t i, size_t n);

/* Number of templates and the name of template k (for the trainer's
   reports and ablations). */
size_t lede_ner_template_count(void);
const char *lede_ner_template_name(size_t k);

/* For tests: 1 when each template's hash, written out in features.c,
   is the one its number gives. */
int lede_ner_templates_ok(void);

/*
 * Templates to leave out (bit k = template k), for ablation runs of the
 * trainer only; a model never records a mask, so the extension always uses
 * every template. 0 in normal use.
 */
size_t lede_ner_features_masked(const lede_ner_window *w, size_t i, int stage, uint64_t mask,
                                uint64_t *out);

/* The hash of s[0..n) used for every feature value. */
uint64_t lede_ner_hash(const char *s, size_t n);

/* Combines two hashes (order matters). */
uint64_t lede_ner_mix(uint64_t a, uint64_t b);

#endif
