/*
 * extract.c: the entity pipeline of extract.h.
 *
 * For each block: extract_model tags it and lists the entities the model
 * finds, extract_rules lists the rules' entities window by window; under
 * the OntoNotes scheme extract_values gives the model's amounts and dates
 * their values, under the CoNLL scheme extract_merge resolves where the two
 * overlap and extract_conll_labels keeps CoNLL's four classes (extract.h).
 * lede_ner_extract_next reports the entities one at a time, in text order,
 * asking canon.h for each one's canonical name and country.
 */
#include "extract.h"

#include "../text/chars.h"
#include "../text/orth.h"
#include "gazetteer.h"
#include "teams.h"
#include "values.h"

#include <string.h>

const lede_ner_model *lede_ner_scheme_model(lede_ner_scheme scheme) {
    return scheme == LEDE_NER_SCHEME_CONLL ? &lede_ner_model_conll : &lede_ner_model_onto;
}

void lede_ner_extract_init(lede_ner_extractor *x, const lede_ner_model *m, lede_ner_scheme scheme,
                           const char *s, size_t n, const char *anchor) {
    memset(x, 0, sizeof *x);
    x->model = m;
    x->scheme = scheme;
    x->ntags = LEDE_NER_NTAGS_OF(m->ntypes);
    for (size_t t = 0; t < m->ntypes && t < LEDE_NER_MAX_TYPES; t++) {
        const char *name = m->type_names[t];
        lede_ent_label l = lede_ent_label_parse(name, strlen(name));
        x->type_label[t] = l == LEDE_ENT_NLABELS ? LEDE_ENT_MISC : l;
    }
    if (anchor) {
        memcpy(x->anchor, anchor, sizeof x->anchor - 1);
        x->anchor[sizeof x->anchor - 1] = '\0';
        x->has_anchor = lede_date_parse_iso(x->anchor, strlen(x->anchor), &x->anchor_date);
    }
    lede_ner_block_init(&x->block, s, n, &m->lexicon);
    x->viterbi.fixed = 1; /* the model's transitions are constant */
    lede_rules_init(&x->rules);
    lede_canon_init(&x->canon, s, n, 0);
}

void lede_ner_extract_restart(lede_ner_extractor *x, const lede_ner_model *m,
                              lede_ner_scheme scheme, const char *s, size_t n, const char *anchor) {
    if (x->model != m) {
        /* The score buffers are sized for the model's tags. */
        lede_ner_memo *memo = x->memo_owned ? NULL : x->memo;
        lede_ner_extract_free(x);
        lede_ner_extract_init(x, m, scheme, s, n, anchor);
        if (memo)
            lede_ner_extract_use_memo(x, memo);
        return;
    }
    lede_ner_extractor keep = *x;
    lede_canon_free(&x->canon);
    lede_ner_extract_init(x, m, scheme, s, n, anchor);
    x->block = keep.block;
    lede_ner_block_restart(&x->block, s, n, &m->lexicon);
    x->doc = keep.doc;
    x->viterbi = keep.viterbi;
    x->memo = keep.memo;
    x->memo_owned = keep.memo_owned;
    x->emit = keep.emit;
    x->wfeat = keep.wfeat;
    x->wrows = keep.wrows;
    x->wnf = keep.wnf;
    x->wkey = keep.wkey;
    x->wnb = keep.wnb;
    x->emit2 = keep.emit2;
    x->tags1 = keep.tags1;
    x->tags2 = keep.tags2;
    x->caps = keep.caps;
    x->cap = keep.cap;
    x->ents = keep.ents;
    x->ents_cap = keep.ents_cap;
    x->found = keep.found;
    x->found_cap = keep.found_cap;
    x->persons = keep.persons;
    x->persons_cap = keep.persons_cap;
    x->places = keep.places;
    x->rules = keep.rules;
    lede_rules_restart(&x->rules);
}

/* Words the memo holds: 2^NER_MEMO_BITS, one per slot (a new word takes
   its slot's place), in 2.4 MB (and 320 KB for the neighbour rows). 8,192 rather than 2,048 words: on varied
   news (150 PolNeAR articles, one call each) 1.6% fewer instructions and
   6% fewer misses of a 1 MB cache (cachegrind), for 1.8 MB more. */
#define NER_MEMO_BITS 13

/* A token's own sum and the rest of its features are packed separately and
   added: each half of a packed entry then sums at most twice
   LEDE_NER_MAX_FEATURES weights, which still fits (model.h). */
_Static_assert(2 * LEDE_NER_MAX_FEATURES * 127 < 32768, "two packed sums add without overflow");
_Static_assert(LEDE_NER_MAX_FEATURES < 256, "a window's counts are bytes");

struct lede_ner_memo {
    const lede_ner_model *model;      /* whose weights the sums are */
    uint64_t key[1u << NER_MEMO_BITS]; /* lede_ner_own_key of the word, 0: empty */
    int32_t sum[1u << NER_MEMO_BITS][LEDE_NER_MAX_TAGS]; /* packed (model.h) */
    uint32_t nb[1u << NER_MEMO_BITS][LEDE_NER_NB_ROLES]; /* the row + 1 of each of the
                                                            word's neighbour features
                                                            (features.h), 0: unknown */
};

/* The slot of the word whose lede_ner_own_key is key. */
static size_t extract_memo_slot(uint64_t key) {
    return (size_t)(key >> 17) & ((1u << NER_MEMO_BITS) - 1);
}

lede_ner_memo *lede_ner_memo_new(void) {
    lede_ner_memo *memo = lede_malloc(sizeof *memo);
    if (memo) {
        memo->model = NULL;
        memset(memo->key, 0, sizeof memo->key);
    }
    return memo;
}

void lede_ner_memo_free(lede_ner_memo *memo) { lede_free(memo); }

void lede_ner_extract_use_memo(lede_ner_extractor *x, lede_ner_memo *memo) {
    if (x->memo_owned)
        lede_ner_memo_free(x->memo);
    x->memo = memo;
    x->memo_owned = 0;
}

void lede_ner_extract_free(lede_ner_extractor *x) {
    if (x->memo_owned)
        lede_ner_memo_free(x->memo);
    lede_ner_block_free(&x->block);
    lede_ner_doc_free(&x->doc);
    lede_ner_viterbi_free(&x->viterbi);
    lede_free(x->emit);
    lede_free(x->wfeat);
    lede_free(x->wrows);
    lede_free(x->wnf);
    lede_free(x->wkey);
    lede_free(x->wnb);
    lede_free(x->emit2);
    lede_free(x->tags1);
    lede_free(x->tags2);
    lede_free(x->caps);
    lede_free(x->ents);
    lede_free(x->found);
    lede_free(x->persons);
    lede_canon_places_free(x->places);
    lede_rules_free(&x->rules);
    lede_canon_free(&x->canon);
    memset(x, 0, sizeof *x);
}

/* Resizes *p to n bytes, keeping it on failure. */
static lede_rc extract_grow(void **p, size_t n) {
    void *q = lede_realloc(*p, n);
    if (!q)
        return LEDE_NOMEM;
    *p = q;
    return LEDE_OK;
}

/* Room for the scores and tags of n tokens. */
static lede_rc extract_reserve(lede_ner_extractor *x, size_t n) {
    const size_t T = x->ntags;
    if (!x->emit && !(x->emit = lede_malloc(LEDE_NER_WINDOW_MAX * T * sizeof *x->emit)))
        return LEDE_NOMEM;
    const size_t WF = LEDE_NER_WINDOW_MAX * LEDE_NER_MAX_FEATURES;
    if (!x->wfeat && !(x->wfeat = lede_malloc(WF * sizeof *x->wfeat)))
        return LEDE_NOMEM;
    if (!x->wrows && !(x->wrows = lede_malloc(WF * sizeof *x->wrows)))
        return LEDE_NOMEM;
    if (!x->wnf && !(x->wnf = lede_malloc(LEDE_NER_WINDOW_MAX)))
        return LEDE_NOMEM;
    if (!x->wkey && !(x->wkey = lede_malloc(LEDE_NER_WINDOW_MAX * sizeof *x->wkey)))
        return LEDE_NOMEM;
    if (!x->wnb &&
        !(x->wnb = lede_malloc(LEDE_NER_WINDOW_MAX * LEDE_NER_NB_ROLES * sizeof *x->wnb)))
        return LEDE_NOMEM;
    if (n <= x->cap)
        return LEDE_OK;
    size_t cap = x->cap ? x->cap : 256;
    while (cap < n)
        cap *= 2;
    void *emit2 = x->emit2, *tags1 = x->tags1, *tags2 = x->tags2, *caps = x->caps;
    lede_rc rc = extract_grow(&emit2, cap * T * sizeof *x->emit2);
    x->emit2 = emit2;
    if (rc == LEDE_OK)
        rc = extract_grow(&tags1, cap);
    x->tags1 = tags1;
    if (rc == LEDE_OK)
        rc = extract_grow(&tags2, cap);
    x->tags2 = tags2;
    if (rc == LEDE_OK)
        rc = extract_grow(&caps, cap);
    x->caps = caps;
    if (rc == LEDE_OK)
        x->cap = cap;
    return rc;
}

/* The memo slot of token i of w, whose lede_ner_own_key is key: when it
   holds another word, the sum of the token's own features' packed weights
   and the rows of its neighbour features are found and put there. */
static size_t extract_memo_fill(lede_ner_memo *memo, const lede_ner_model *m,
                                const lede_ner_window *w, size_t i, size_t ntags,
                                uint64_t own_mask, uint64_t key) {
    size_t slot = extract_memo_slot(key);
    if (memo->key[slot] == key)
        return slot;
    uint64_t f[LEDE_NER_MAX_FEATURES];
    int32_t own[LEDE_NER_MODEL_ACC] = {0};
    size_t nf = lede_ner_features_masked(w, i, 1, ~own_mask, f);
    lede_ner_model_add(m, f, nf, own);
    memcpy(memo->sum[slot], own, ntags * sizeof own[0]);
    uint64_t nbf[LEDE_NER_NB_ROLES];
    lede_ner_neighbour_features(&w->tok[i], nbf);
    lede_ner_model_prefetch(m, nbf, LEDE_NER_NB_ROLES);
    for (size_t r = 0; r < LEDE_NER_NB_ROLES; r++) {
        uint32_t row;
        memo->nb[slot][r] = lede_ner_model_find(m, &nbf[r], 1, &row) ? row + 1 : 0;
    }
    memo->key[slot] = key;
    return slot;
}

/* Asks for the memo entries of the n words whose keys are key[0..n), so
   that their misses overlap the window's other work. */
static void extract_memo_prefetch(const lede_ner_memo *memo, const uint64_t *key, size_t n) {
#if defined(__GNUC__)
    for (size_t i = 0; i < n; i++) {
        size_t slot = extract_memo_slot(key[i]);
        __builtin_prefetch(&memo->key[slot]);
        const char *sum = (const char *)memo->sum[slot];
        for (size_t at = 0; at < sizeof memo->sum[slot]; at += 64)
            __builtin_prefetch(sum + at);
        __builtin_prefetch(memo->nb[slot]);
    }
#else
    (void)memo;
    (void)key;
    (void)n;
#endif
}

/* Appends row + 1 values of nb (0: none) to rows[*nf], within LEDE_NER_MAX_FEATURES. */
static void extract_add_nb(uint32_t *rows, size_t *nf, const uint32_t *nb, size_t from,
                           size_t to) {
    for (size_t r = from; r < to && *nf < LEDE_NER_MAX_FEATURES; r++)
        if (nb[r])
            rows[(*nf)++] = nb[r] - 1;
}

/* The features of a stage (less the templates in mask) of every token of
   w, and their rows in the model, in x->wrows and x->wnf: first every
   token's features, asking for their slots, then every token's rows,
   asking for those, so that the memory accesses of a window overlap
   instead of each token waiting for its own. In stage 1 (mask: the own
   templates), the neighbour templates are not computed where the
   neighbour is in the window: their rows come from the neighbours' memo
   entries (x->wnb, filled here), and the own features' sums from the
   token's own entry (extract_memo_fill again, after this). */
static void extract_find(lede_ner_extractor *x, const lede_ner_window *w, int stage,
                         uint64_t mask) {
    const lede_ner_model *m = x->model;
    const size_t n = w->n;
    for (size_t i = 0; i < n; i++) {
        uint64_t *f = x->wfeat + i * LEDE_NER_MAX_FEATURES;
        uint64_t mi = stage == 1 ? mask | lede_ner_neighbour_mask(i, n) : mask;
        size_t nf = lede_ner_features_masked(w, i, stage, mi, f);
        x->wnf[i] = (uint8_t)nf;
        lede_ner_model_prefetch(m, f, nf);
    }
    if (stage == 1)
        for (size_t i = 0; i < n; i++) {
            size_t slot = extract_memo_fill(x->memo, m, w, i, x->ntags, mask, x->wkey[i]);
            memcpy(x->wnb + i * LEDE_NER_NB_ROLES, x->memo->nb[slot],
                   LEDE_NER_NB_ROLES * sizeof *x->wnb);
        }
    for (size_t i = 0; i < n; i++) {
        uint32_t *rows = x->wrows + i * LEDE_NER_MAX_FEATURES;
        size_t nf = lede_ner_model_find(m, x->wfeat + i * LEDE_NER_MAX_FEATURES, x->wnf[i], rows);
        if (stage == 1) {
            const uint32_t *nb = x->wnb;
            const size_t R = LEDE_NER_NB_ROLES;
            /* lower-2 of token i - 2, lower-1 ... class-1 of i - 1, and so on */
            if (i >= 2)
                extract_add_nb(rows, &nf, nb + (i - 2) * R, LEDE_NER_NB_LOWER_M2,
                               LEDE_NER_NB_LOWER_M2 + 1);
            if (i >= 1)
                extract_add_nb(rows, &nf, nb + (i - 1) * R, LEDE_NER_NB_LOWER_M1,
                               LEDE_NER_NB_CLASS_M1_2 + 1);
            if (i + 1 < n)
                extract_add_nb(rows, &nf, nb + (i + 1) * R, LEDE_NER_NB_LOWER_P1,
                               LEDE_NER_NB_CLASS_P1_2 + 1);
            if (i + 2 < n)
                extract_add_nb(rows, &nf, nb + (i + 2) * R, LEDE_NER_NB_LOWER_P2,
                               LEDE_NER_NB_LOWER_P2 + 1);
        }
        x->wnf[i] = (uint8_t)nf;
    }
}

/*
 * 1 when the block disputes the first stage's reading of window win: a
 * token of it with a capital whose word the first stage labelled mostly
 * otherwise elsewhere in the block (fewer than half of the other
 * occurrences have its type). The second stage is there to settle such
 * disputes (a name read as a person here and as a place everywhere else);
 * where there is none, its reading is the first stage's. On OntoNotes dev
 * this kept F1 (86.08 against 85.94 for both stages everywhere; the first
 * stage alone 85.72) and CoNLL valid (92.89 against 92.80), and takes
 * the second stage off about three windows in four.
 */
static int extract_disputed(const lede_ner_extractor *x, const lede_ner_win *win) {
    const lede_ner_doc *doc = &x->doc;
    for (size_t i = win->first; i < win->first + win->n; i++) {
        uint32_t s = doc->slot_of[i];
        if (s == UINT32_MAX ||
            !(x->block.tok[i].flags & (LEDE_NER_TF_INIT_CAP | LEDE_NER_TF_ALL_CAPS)))
            continue;
        uint8_t tag = x->tags1[i];
        int own = tag == LEDE_NER_TAG_O ? 0 : 1 + LEDE_NER_TAG_TYPE(tag);
        /* Counts include the token itself. */
        uint32_t others = doc->sums[s][0] - 1, same = doc->counts[s][own] - 1;
        if (2 * same < others)
            return 1;
    }
    return 0;
}

lede_rc lede_ner_extract_tag_block(lede_ner_extractor *x) {
    const size_t T = x->ntags;
    const lede_ner_block *b = &x->block;
    const lede_ner_model *m = x->model;
    lede_rc rc;
    if ((rc = extract_reserve(x, b->ntok)) != LEDE_OK)
        return rc;
    if (!x->memo) {
        if (!(x->memo = lede_ner_memo_new()))
            return LEDE_NOMEM;
        x->memo_owned = 1;
    }
    if (x->memo->model != m) {
        memset(x->memo->key, 0, sizeof x->memo->key);
        x->memo->model = m;
    }
    const uint64_t own_mask = lede_ner_own_mask();
    /* Stage 1, window by window; the local features' second-stage weights
       are summed on the way. */
    for (size_t k = 0; k < b->nwin; k++) {
        const lede_ner_win *win = &b->win[k];
        lede_ner_window w = {b->tok + win->first, win->n, win->flags, NULL, NULL};
        for (size_t i = 0; i < win->n; i++)
            x->wkey[i] = lede_ner_own_key(&w.tok[i]);
        extract_memo_prefetch(x->memo, x->wkey, win->n);
        extract_find(x, &w, 1, own_mask);
        for (size_t i = 0; i < win->n; i++) {
            int32_t acc[LEDE_NER_MODEL_ACC] = {0};
            /* the own features' sum (filled by extract_find, unless a later
               word of the window took the slot since) */
            size_t slot = extract_memo_fill(x->memo, m, &w, i, T, own_mask, x->wkey[i]);
            for (size_t t = 0; t < T; t++)
                acc[t] += x->memo->sum[slot][t];
            lede_ner_model_add_rows(m, x->wrows + i * LEDE_NER_MAX_FEATURES, x->wnf[i], acc);
            lede_ner_model_split(m, acc, x->emit + i * T, x->emit2 + (win->first + i) * T);
            lede_ner_forbid(x->emit + i * T, T, &w.tok[i]);
        }
        rc = lede_ner_viterbi(&x->viterbi, x->emit, win->n, m->ntypes, &m->trans[0],
                              x->tags1 + win->first);
        if (rc != LEDE_OK)
            return rc;
        memset(x->caps + win->first, (win->flags & LEDE_NER_WF_CAPS) != 0, win->n);
    }
    /* Stage 2: the document features over what stage 1 found. */
    rc = lede_ner_doc_build(&x->doc, b->tok, x->tags1, x->caps, b->ntok);
    if (rc != LEDE_OK)
        return rc;
    for (size_t k = 0; k < b->nwin; k++) {
        const lede_ner_win *win = &b->win[k];
        lede_ner_window w = {b->tok + win->first, win->n, win->flags, &x->doc,
                             x->tags1 + win->first};
        if (!extract_disputed(x, win)) {
            memcpy(x->tags2 + win->first, x->tags1 + win->first, win->n);
            continue;
        }
        /* the window's stage-2 scores, in the first stage's buffer (free now) */
        int32_t *e2 = x->emit;
        const int16_t *local = x->emit2 + win->first * T;
        for (size_t j = 0; j < win->n * T; j++)
            e2[j] = local[j];
        extract_find(x, &w, 2, 0);
        for (size_t i = 0; i < win->n; i++) {
            int32_t acc[LEDE_NER_MODEL_ACC] = {0};
            lede_ner_model_add_rows(m, x->wrows + i * LEDE_NER_MAX_FEATURES, x->wnf[i], acc);
            lede_ner_model_unpack(m, acc, NULL, e2 + i * T);
            lede_ner_forbid(e2 + i * T, T, &w.tok[i]);
        }
        rc = lede_ner_viterbi(&x->viterbi, e2, win->n, m->ntypes, &m->trans[1],
                              x->tags2 + win->first);
        if (rc != LEDE_OK)
            return rc;
    }
    return LEDE_OK;
}

/* Appends e (with no value or unit) to the list *items of *n, room *cap. */
static lede_rc extract_push(lede_ner_item **items, size_t *n, size_t *cap,
                            const lede_ner_entity *e) {
    if (*n == *cap) {
        size_t c = *cap ? 2 * *cap : 64;
        lede_ner_item *p = lede_realloc(*items, c * sizeof *p);
        if (!p)
            return LEDE_NOMEM;
        *items = p;
        *cap = c;
    }
    lede_ner_item *it = &(*items)[(*n)++];
    memset(it, 0, sizeof *it);
    it->e = *e;
    return LEDE_OK;
}

/* 1 when s[0..n) is one of the words of list, ASCII case ignored (the
   words are lower case). */
static int extract_word_in(const char *s, size_t n, const char *const *list, size_t count) {
    for (size_t k = 0; k < count; k++)
        if (lede_ascii_eq_ci(s, n, list[k]))
            return 1;
    return 0;
}

#define EXTRACT_WORD_IN(s, n, list) extract_word_in(s, n, list, sizeof list / sizeof *list)

/*
 * 1 when s[0..n) is a title or office written before a name ("Ms.", "Dr",
 * "President", "Chair"), ASCII case ignored. News style, like CoNLL-2003 and
 * OntoNotes, keeps these out of the person's name; the model, trained on
 * CoNLL text where they rarely start a sentence, sometimes takes one in
 * ("Chair Jonathan Pryce" at the start of a sentence). Titles that are part
 * of a name by those conventions (King, Queen, Prince, Pope, Sir) are not
 * listed.
 */
static int extract_title_word(const char *s, size_t n) {
    static const char *const titles[] = {
        "mr",         "mrs",         "ms",           "mx",        "dr",        "prof",
        "professor",  "president",   "chair",        "chairman",  "chairwoman", "senator",
        "sen",        "rep",         "governor",     "gov",       "minister",  "chancellor",
        "secretary",  "general",     "gen",          "lt",        "col",       "maj",
        "capt",       "captain",     "sgt",          "judge",     "justice",   "mayor",
        "ambassador", "coach",       "spokesman",    "spokeswoman", "spokesperson", "director",
        "ceo",        "premier",     "commissioner", "inspector", "detective", "officer"};
    if (n > 1 && s[n - 1] == '.')
        n--;
    return EXTRACT_WORD_IN(s, n, titles);
}

/*
 * 1 when tokens first..last of b name a geographic feature by its form:
 * "Strait of Hormuz", "Gulf of Mexico", "Cape of Good Hope" (a feature
 * word, then "of"), or two or three capitalised words ending in one
 * ("Korean Peninsula", "South China Sea"). CoNLL-2003 has almost no names of
 * the first form, and the model reads them as it reads "Bank of England",
 * as organisations; of the second form it has few, all places.
 */
static const char *const extract_feature_heads[] = {"strait", "straits", "sea",  "gulf", "bay",
                                                     "cape",   "isle",    "isles", "lake", "mount"};

static int extract_geo_name(const lede_ner_block *b, size_t first, size_t last) {
    static const char *const tails[] = {"sea",     "ocean",    "peninsula", "river",
                                        "strait",  "straits",  "gulf",      "isthmus",
                                        "canal",   "plateau",  "basin",     "archipelago",
                                        "desert",  "mountains"};
#define TOK(k) (b->s + b->tok[k].span.byte_start)
#define TOKLEN(k) (b->tok[k].span.byte_end - b->tok[k].span.byte_start)
    if (last >= first + 2 && last <= first + 3 && EXTRACT_WORD_IN(TOK(first), TOKLEN(first), extract_feature_heads) &&
        TOKLEN(first + 1) == 2 && memcmp(TOK(first + 1), "of", 2) == 0)
        return 1;
    if (last < first + 1 || last > first + 2 || !EXTRACT_WORD_IN(TOK(last), TOKLEN(last), tails))
        return 0;
    for (size_t k = first; k <= last; k++)
        if (!(TOK(k)[0] >= 'A' && TOK(k)[0] <= 'Z'))
            return 0;
    return 1;
#undef TOK
#undef TOKLEN
}

/* 1 when token k of b is a geographic feature word followed by "of" ("Gulf
   of", "Strait of"): the model sometimes reads the name after it as a name
   of its own ("Gulf" "of" "Mexico"). */
static int extract_feature_of(const lede_ner_block *b, size_t k) {
    const char *of = b->s + b->tok[k + 1].span.byte_start;
    return b->tok[k + 1].span.byte_end - b->tok[k + 1].span.byte_start == 2 &&
           memcmp(of, "of", 2) == 0 &&
           EXTRACT_WORD_IN(b->s + b->tok[k].span.byte_start,
                           b->tok[k].span.byte_end - b->tok[k].span.byte_start,
                           extract_feature_heads);
}

/*
 * 1 when tokens first..last of b (two or more) end in a word that makes a
 * name an organisation: "World Health Organization", "Acme Holdings Corp",
 * "National Rifle Association". The words are those that end only
 * organisations' names in CoNLL-2003 (not "Bank": West Bank; not "Union":
 * Soviet Union; not "League", "Federation", "Court", "Hospital").
 */
static int extract_org_name(const lede_ner_block *b, size_t first, size_t last) {
    static const char *const tails[] = {
        "organization", "organisation", "association", "agency",     "authority", "ministry",
        "council",      "commission",   "department",  "bureau",     "board",     "institute",
        "foundation",   "fund",         "university",  "party",      "company",   "corporation",
        "corp",         "inc",          "ltd",         "plc",        "group",     "airlines",
        "airways",      "army",         "navy"};
    if (last < first + 1)
        return 0;
    const char *w = b->s + b->tok[last].span.byte_start;
    size_t n = b->tok[last].span.byte_end - b->tok[last].span.byte_start;
    if (n > 1 && w[n - 1] == '.')
        n--;
    return EXTRACT_WORD_IN(w, n, tails);
}

/*
 * Football clubs (teams.h). The OntoNotes model reads many clubs' names as
 * people or places; where the tokens of a window spell a club's name, not
 * inside a longer name (no capitalised word right before or after it), it
 * becomes an ORG when the name is SURE, or AMBIGUOUS and either a cue word
 * stands right before or after it ("beat", "v", "manager"), a score stands
 * in its sentence ("2-1", "3 - 0", or "Leeds 2 Chelsea 1"), a football
 * word does ("penalty", "striker"), or the same name was taken as the club
 * elsewhere in the block and the model did not read it as a place here. The tags are rewritten: the name's tokens become
 * one ORG, and an entity the model ran into or out of it is cut at its
 * edge (a piece of it that is left with no capitalised word is dropped:
 * "Arsenal 2-1" PRODUCT is "Arsenal" ORG).
 */
#define EXTRACT_TEAM_MAX 64 /* club names remembered per block */

typedef struct {
    size_t first, last; /* its tokens in the block */
    int sure;           /* SURE, or taken as the club for its context */
    char key[48];       /* its key, to take the same name elsewhere in the block */
} extract_team;

static int extract_small_number(const lede_ner_token *t) {
    return t->kind == LEDE_TOK_NUMBER && (t->flags & LEDE_NER_TF_ALL_DIGIT) && t->norm_len <= 2;
}

/* 1 when tokens from k of the window (end: one past its last) are a score:
   "2-1", "3 – 0". */
static int extract_team_score(const lede_ner_token *t, size_t k, size_t end) {
    const lede_ner_token *a = &t[k];
    if (a->kind != LEDE_TOK_NUMBER || a->norm_len > 5)
        return 0;
    const char *s = a->norm_text;
    size_t n = a->norm_len, i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i >= 1 && i <= 2 && i + 1 < n && s[i] == '-') {
        size_t j = i + 1;
        while (j < n && s[j] >= '0' && s[j] <= '9')
            j++;
        return j == n && n - i - 1 <= 2;
    }
    return i == n && n <= 2 && k + 2 < end && t[k + 1].norm_len >= 1 && t[k + 1].norm_len <= 3 &&
           (memcmp(t[k + 1].norm_text, "-", 1) == 0 ||
            (t[k + 1].norm_len == 3 && memcmp(t[k + 1].norm_text, "\xe2\x80\x93", 3) == 0)) &&
           extract_small_number(&t[k + 2]);
}

static int extract_team_cap(const lede_ner_token *t) {
    return (t->flags & (LEDE_NER_TF_INIT_CAP | LEDE_NER_TF_ALL_CAPS)) && t->kind == LEDE_TOK_WORD;
}

/* The club's name that starts at token i of the window [first, end), if
   any: its last token in *last and its key in key (cap bytes). */
static lede_ner_team_kind extract_team_at(const lede_ner_token *t, size_t i, size_t first,
                                          size_t end, size_t *last, char *key, size_t cap) {
    if (!extract_team_cap(&t[i]))
        return LEDE_NER_TEAM_NONE;
    if (i > first && extract_team_cap(&t[i - 1]) && !(t[i - 1].flags & LEDE_NER_TF_FIRST) &&
        !(t[i - 1].norm_len == 3 && memcmp(t[i - 1].norm_text, "the", 3) == 0))
        return LEDE_NER_TEAM_NONE; /* inside a longer name */
    lede_ner_team_kind kind = LEDE_NER_TEAM_NONE;
    size_t len = 0, best_len = 0;
    for (size_t m = 0; m < LEDE_NER_TEAM_MAX_TOKENS && i + m < end; m++) {
        const lede_ner_token *u = &t[i + m];
        if (u->norm_len > LEDE_NER_NORM_TEXT || len + 1 + u->norm_len >= cap)
            break;
        if (m)
            key[len++] = ' ';
        memcpy(key + len, u->norm_text, u->norm_len);
        len += u->norm_len;
        int more;
        lede_ner_team_kind k = lede_ner_team_find(key, len, &more);
        if (k != LEDE_NER_TEAM_NONE) {
            kind = k;
            *last = i + m;
            best_len = len;
        }
        if (!more)
            break;
    }
    if (kind == LEDE_NER_TEAM_NONE)
        return kind;
    key[best_len] = '\0';
    size_t after = *last + 1;
    if (after < end && extract_team_cap(&t[after]))
        return LEDE_NER_TEAM_NONE; /* "Chelsea Clinton", "Liverpool Street" */
    return kind;
}

/* 1 when the window [first, end) holds a score or a football word. */
static int extract_team_context(const lede_ner_token *t, size_t first, size_t end) {
    for (size_t k = first; k < end; k++) {
        if (extract_team_score(t, k, end))
            return 1;
        if (t[k].kind == LEDE_TOK_WORD && t[k].norm_len <= LEDE_NER_NORM_TEXT &&
            lede_ner_team_context(t[k].norm_text, t[k].norm_len))
            return 1;
    }
    return 0;
}

/* 1 when a cue word stands right before or after tokens i..j (past a
   possessive 's), or a small number right after them opens a result line:
   "Leeds 2 Chelsea 1". */
static int extract_team_cued(const lede_ner_token *t, size_t i, size_t j, size_t first,
                             size_t end) {
    if (i > first && t[i - 1].norm_len <= LEDE_NER_NORM_TEXT &&
        lede_ner_team_cue(t[i - 1].norm_text, t[i - 1].norm_len))
        return 1;
    size_t a = j + 1;
    if (a < end && ((t[a].norm_len == 2 && memcmp(t[a].norm_text, "'s", 2) == 0) ||
                    (t[a].norm_len == 4 && memcmp(t[a].norm_text, "\xe2\x80\x99s", 4) == 0)))
        a++;
    if (a < end && t[a].norm_len <= LEDE_NER_NORM_TEXT &&
        lede_ner_team_cue(t[a].norm_text, t[a].norm_len))
        return 1;
    return a == j + 1 && a < end && extract_small_number(&t[a]) &&
           (a + 1 == end || extract_team_cap(&t[a + 1]));
}

/* Rewrites the tags of tokens i..j of the block as one entity of type ty,
   cutting the entities around it at its edges. */
static void extract_team_tag(lede_ner_extractor *x, size_t first, size_t end, size_t i, size_t j,
                             int ty) {
    uint8_t *tag = x->tags2;
    const lede_ner_token *t = x->block.tok;
    /* the model already has it as an ORG with these edges, or with "the" before */
    if (tag[j] != LEDE_NER_TAG_O && LEDE_NER_TAG_TYPE(tag[j]) == ty &&
        (LEDE_NER_TAG_POS(tag[j]) == LEDE_NER_P_L || LEDE_NER_TAG_POS(tag[j]) == LEDE_NER_P_U)) {
        size_t k = j;
        while (k > first && k > i && tag[k] != LEDE_NER_TAG_O && LEDE_NER_TAG_TYPE(tag[k]) == ty &&
               LEDE_NER_TAG_POS(tag[k]) != LEDE_NER_P_B && LEDE_NER_TAG_POS(tag[k]) != LEDE_NER_P_U)
            k--;
        if (k <= i && tag[k] != LEDE_NER_TAG_O && LEDE_NER_TAG_TYPE(tag[k]) == ty)
            return;
    }
    /* an entity running into the name from the left ends before it */
    if (i > first && tag[i - 1] != LEDE_NER_TAG_O) {
        int p = LEDE_NER_TAG_POS(tag[i - 1]), y = LEDE_NER_TAG_TYPE(tag[i - 1]);
        if (p == LEDE_NER_P_B)
            tag[i - 1] = extract_team_cap(&t[i - 1]) ? (uint8_t)LEDE_NER_TAG(y, LEDE_NER_P_U)
                                                      : (uint8_t)LEDE_NER_TAG_O;
        else if (p == LEDE_NER_P_I)
            tag[i - 1] = (uint8_t)LEDE_NER_TAG(y, LEDE_NER_P_L);
    }
    /* one running out of it to the right starts after it, or is dropped
       when what is left has no capitalised word */
    size_t k = j + 1;
    if (k < end && tag[k] != LEDE_NER_TAG_O &&
        (LEDE_NER_TAG_POS(tag[k]) == LEDE_NER_P_I || LEDE_NER_TAG_POS(tag[k]) == LEDE_NER_P_L)) {
        size_t e = k;
        while (e < end && tag[e] != LEDE_NER_TAG_O && LEDE_NER_TAG_POS(tag[e]) == LEDE_NER_P_I)
            e++;
        if (e == end)
            e--;
        int y = LEDE_NER_TAG_TYPE(tag[k]), named = 0;
        for (size_t q = k; q <= e; q++)
            named |= extract_team_cap(&t[q]);
        for (size_t q = k; q <= e; q++)
            tag[q] = !named    ? (uint8_t)LEDE_NER_TAG_O
                     : q == k  ? (uint8_t)LEDE_NER_TAG(y, q == e ? LEDE_NER_P_U : LEDE_NER_P_B)
                     : (uint8_t)tag[q];
    }
    for (size_t q = i; q <= j; q++)
        tag[q] = (uint8_t)LEDE_NER_TAG(ty, i == j    ? LEDE_NER_P_U
                                           : q == i ? LEDE_NER_P_B
                                           : q == j ? LEDE_NER_P_L
                                                    : LEDE_NER_P_I);
}

/* 1 when the model read a token of i..j as a place: a name the block took
   as the club elsewhere keeps that reading where nothing says football
   ("the mayor of Barcelona"). */
static int extract_team_place(const lede_ner_extractor *x, size_t i, size_t j) {
    for (size_t q = i; q <= j; q++) {
        uint8_t tag = x->tags2[q];
        if (tag == LEDE_NER_TAG_O)
            continue;
        lede_ent_label l = x->type_label[LEDE_NER_TAG_TYPE(tag)];
        if (l == LEDE_ENT_GPE || l == LEDE_ENT_LOC || l == LEDE_ENT_FAC)
            return 1;
    }
    return 0;
}

static void extract_teams(lede_ner_extractor *x) {
    int org = -1;
    for (size_t y = 0; y < x->model->ntypes; y++)
        if (x->type_label[y] == LEDE_ENT_ORG)
            org = (int)y;
    if (org < 0)
        return;
    const lede_ner_block *b = &x->block;
    extract_team found[EXTRACT_TEAM_MAX];
    size_t nfound = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t w = 0; w < b->nwin; w++) {
            size_t first = b->win[w].first, end = first + b->win[w].n;
            int context = -1; /* not yet looked at */
            for (size_t i = first; i < end; i++) {
                extract_team m;
                lede_ner_team_kind kind =
                    extract_team_at(b->tok, i, first, end, &m.last, m.key, sizeof m.key);
                if (kind == LEDE_NER_TEAM_NONE)
                    continue;
                m.first = i;
                m.sure = kind == LEDE_NER_TEAM_SURE;
                if (!m.sure) {
                    if (extract_team_cued(b->tok, i, m.last, first, end))
                        m.sure = 1;
                    else {
                        if (context < 0)
                            context = extract_team_context(b->tok, first, end);
                        m.sure = context;
                    }
                }
                if (!m.sure && pass == 1 && !extract_team_place(x, m.first, m.last))
                    for (size_t f = 0; f < nfound && !m.sure; f++)
                        m.sure = strcmp(found[f].key, m.key) == 0;
                if (m.sure && pass == 0 && nfound < EXTRACT_TEAM_MAX)
                    found[nfound++] = m;
                if (m.sure && pass == 1)
                    extract_team_tag(x, first, end, m.first, m.last, org);
                i = m.last;
            }
        }
        if (nfound == 0)
            return;
    }
}

/*
 * Two or more countries joined by hyphens in one token: "Japan-US",
 * "US-China", "Russia-Ukraine". lede's tokenizer keeps a hyphenated word
 * whole, while OntoNotes splits it ("US - China", each part a GPE), so the
 * model never saw such a token and reads it as an ORG, a NORP or nothing.
 * When every part of an ASCII token is a country the gazetteer knows, and
 * the whole is no name of its own ("Guinea-Bissau"), each part is a GPE.
 */
#define EXTRACT_MAX_PARTS 4

static size_t extract_country_parts(const lede_ner_block *b, size_t k, lede_span *parts) {
    const lede_ner_token *t = &b->tok[k];
    if (!(t->flags & LEDE_NER_TF_HYPHEN) || !(t->flags & (LEDE_NER_TF_INIT_CAP | LEDE_NER_TF_ALL_CAPS)) ||
        t->norm_len > LEDE_NER_NORM_TEXT || t->kind != LEDE_TOK_WORD)
        return 0;
    size_t len = t->span.byte_end - t->span.byte_start;
    if (len != t->norm_len || t->span.cp_end - t->span.cp_start != len)
        return 0; /* not ASCII: the norm's offsets are not the text's */
    if (lede_gaz_lookup(t->norm_text, t->norm_len, NULL))
        return 0;
    size_t n = 0, a = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && t->norm_text[i] != '-')
            continue;
        lede_gaz_entry e;
        if (n == EXTRACT_MAX_PARTS || i == a || !lede_gaz_lookup(t->norm_text + a, i - a, &e) ||
            !(e.types & LEDE_GAZ_COUNTRY))
            return 0;
        parts[n].byte_start = t->span.byte_start + a;
        parts[n].byte_end = t->span.byte_start + i;
        parts[n].cp_start = t->span.cp_start + a;
        parts[n].cp_end = t->span.cp_start + i;
        n++;
        a = i + 1;
    }
    return n >= 2 ? n : 0;
}

/* Appends the parts of token k as GPEs, when it is such a token; 1 when it was. */
static int extract_push_countries(lede_ner_extractor *x, size_t k, size_t sentence, lede_rc *rc) {
    lede_span parts[EXTRACT_MAX_PARTS];
    size_t n = extract_country_parts(&x->block, k, parts);
    *rc = LEDE_OK;
    for (size_t p = 0; p < n && *rc == LEDE_OK; p++) {
        lede_ner_entity e;
        memset(&e, 0, sizeof e);
        e.span = parts[p];
        e.label = LEDE_ENT_GPE;
        e.sentence = sentence;
        *rc = extract_push(&x->ents, &x->nents, &x->ents_cap, &e);
    }
    return n > 0;
}

/* The model's part: tags the block and appends the entities it finds. */
static lede_rc extract_model(lede_ner_extractor *x) {
    lede_rc rc = lede_ner_extract_tag_block(x);
    if (rc != LEDE_OK)
        return rc;
    if (x->scheme == LEDE_NER_SCHEME_ONTONOTES)
        extract_teams(x);
    const lede_ner_block *b = &x->block;
    for (size_t k = 0; k < b->nwin; k++) {
        const lede_ner_win *win = &b->win[k];
        size_t open = 0;         /* first token of the entity being read */
        size_t joined = SIZE_MAX; /* first token of a feature word joined to it */
        size_t end = win->first + win->n;
        for (size_t i = win->first; i < end; i++) {
            int tag = x->tags2[i];
            int onto = x->scheme == LEDE_NER_SCHEME_ONTONOTES;
            if (tag == LEDE_NER_TAG_O || (onto && LEDE_NER_TAG_POS(tag) == LEDE_NER_P_U)) {
                int split = onto && joined == SIZE_MAX &&
                            extract_push_countries(x, i, win->sentence, &rc);
                if (rc != LEDE_OK)
                    return rc;
                if (split || tag == LEDE_NER_TAG_O) /* "Japan-US": "Japan", "US" */
                    continue;
            }
            int pos = LEDE_NER_TAG_POS(tag);
            if (pos == LEDE_NER_P_B || pos == LEDE_NER_P_U)
                open = i;
            if (pos == LEDE_NER_P_L || pos == LEDE_NER_P_U) {
                int feature = 0; /* a feature's name: "Gulf of Mexico", "Sea of Japan" */
                if (joined != SIZE_MAX) {
                    open = joined; /* "Gulf" "of" "Mexico" read as two names: one */
                    joined = SIZE_MAX;
                    feature = 1;
                } else if (i == open && i + 2 < end && extract_feature_of(b, i) &&
                           (LEDE_NER_TAG_POS(x->tags2[i + 2]) == LEDE_NER_P_B ||
                            LEDE_NER_TAG_POS(x->tags2[i + 2]) == LEDE_NER_P_U) &&
                           x->tags2[i + 2] != LEDE_NER_TAG_O) {
                    joined = i;
                    continue;
                } else if (open >= win->first + 2 && x->tags2[open - 2] == LEDE_NER_TAG_O &&
                           x->tags2[open - 1] == LEDE_NER_TAG_O &&
                           b->s[b->tok[open - 2].span.byte_start] >= 'A' &&
                           b->s[b->tok[open - 2].span.byte_start] <= 'Z' &&
                           extract_feature_of(b, open - 2)) {
                    open -= 2; /* "Sea" "of" left out of "Japan" */
                    feature = 1;
                    if (x->scheme == LEDE_NER_SCHEME_ONTONOTES && open > win->first &&
                        x->tags2[open - 1] == LEDE_NER_TAG_O &&
                        b->tok[open - 1].span.byte_end - b->tok[open - 1].span.byte_start == 3 &&
                        lede_ascii_eq_ci(b->s + b->tok[open - 1].span.byte_start, 3, "the"))
                        open--; /* OntoNotes draws "the Sea of Japan" */
                }
                lede_ner_entity e;
                memset(&e, 0, sizeof e);
                lede_ent_label label =
                    feature ? LEDE_ENT_LOC : x->type_label[LEDE_NER_TAG_TYPE(tag)];
                if (label == LEDE_ENT_PERSON)
                    while (open < i && extract_title_word(b->s + b->tok[open].span.byte_start,
                                                          b->tok[open].span.byte_end -
                                                              b->tok[open].span.byte_start))
                        open++;
                e.span.byte_start = b->tok[open].span.byte_start;
                e.span.cp_start = b->tok[open].span.cp_start;
                e.span.byte_end = b->tok[i].span.byte_end;
                e.span.cp_end = b->tok[i].span.cp_end;
                e.label = label;
                /* name forms the model misreads; in OntoNotes a place the
                   model calls a GPE or FAC, and an amount, stay as they are */
                int named = !lede_ent_label_has_value(label) && label != LEDE_ENT_NORP;
                if (named && label != LEDE_ENT_LOC &&
                    !(onto && (label == LEDE_ENT_GPE || label == LEDE_ENT_FAC)) &&
                    extract_geo_name(b, open, i))
                    e.label = LEDE_ENT_LOC;
                else if (named && label != LEDE_ENT_ORG && extract_org_name(b, open, i))
                    e.label = LEDE_ENT_ORG;
                e.sentence = win->sentence;
                if ((rc = extract_push(&x->ents, &x->nents, &x->ents_cap, &e)) != LEDE_OK)
                    return rc;
            }
        }
    }
    return LEDE_OK;
}

/* 1 when the text of a is the last word of b, b longer. */
static int extract_last_word(const char *s, const lede_ner_entity *a, const lede_ner_entity *b) {
    size_t n = a->span.byte_end - a->span.byte_start;
    size_t m = b->span.byte_end - b->span.byte_start;
    return m > n + 1 && s[b->span.byte_end - n - 1] == ' ' &&
           memcmp(s + a->span.byte_start, s + b->span.byte_end - n, n) == 0;
}

/*
 * Document consistency, beyond what the second stage learnt: a one-word
 * name that is the last word of a person named in full in the same block
 * ("Blinken" beside "Antony Blinken") is that person, whatever label the
 * model gave it ("Blinken Embarks on Trip" in a headline). On CoNLL-2003
 * validation this adds 0.4 F1 (docs/accuracy.md).
 */
static lede_rc extract_consistent(lede_ner_extractor *x) {
    const char *s = x->block.s;
    /* Only a person whose name holds a space can end in another name's word
       (extract_last_word), and the names relabelled below hold none: the
       persons that count are listed once, before any is relabelled. */
    size_t np = 0;
    for (size_t j = 0; j < x->nents; j++) {
        const lede_ner_entity *o = &x->ents[j].e;
        if (o->label != LEDE_ENT_PERSON ||
            !memchr(s + o->span.byte_start, ' ', o->span.byte_end - o->span.byte_start))
            continue;
        if (np == x->persons_cap) {
            size_t cap = x->persons_cap ? 2 * x->persons_cap : 64;
            size_t *p = lede_realloc(x->persons, cap * sizeof *p);
            if (!p)
                return LEDE_NOMEM;
            x->persons = p;
            x->persons_cap = cap;
        }
        x->persons[np++] = j;
    }
    if (!np)
        return LEDE_OK;
    for (size_t i = 0; i < x->nents; i++) {
        lede_ner_entity *e = &x->ents[i].e;
        if (e->label == LEDE_ENT_PERSON ||
            memchr(s + e->span.byte_start, ' ', e->span.byte_end - e->span.byte_start))
            continue;
        for (size_t k = 0; k < np; k++)
            if (extract_last_word(s, e, &x->ents[x->persons[k]].e)) {
                e->label = LEDE_ENT_PERSON;
                break;
            }
    }
    return LEDE_OK;
}

/* The rules' part: lists in x->found what the rules find in each window. */
static lede_rc extract_rules(lede_ner_extractor *x) {
    const lede_ner_block *b = &x->block;
    const lede_date *anchor = x->has_anchor ? &x->anchor_date : NULL;
    x->nfound = 0;
    for (size_t k = 0; k < b->nwin; k++) {
        const lede_ner_win *win = &b->win[k];
        const lede_token *t = b->raw + win->first;
        lede_rc rc = lede_rules_scan(&x->rules, b->s, b->n, t, win->n, anchor);
        if (rc != LEDE_OK)
            return rc;
        for (size_t j = 0; j < x->rules.count; j++) {
            const lede_rules_match *r = &x->rules.matches[j];
            lede_ner_entity e;
            memset(&e, 0, sizeof e);
            e.span.byte_start = t[r->start].span.byte_start;
            e.span.cp_start = t[r->start].span.cp_start;
            e.span.byte_end = t[r->end - 1].span.byte_end;
            e.span.cp_end = t[r->end - 1].span.cp_end;
            e.label = r->label;
            e.sentence = win->sentence;
            memcpy(e.country, r->country, sizeof e.country);
            rc = extract_push(&x->found, &x->nfound, &x->found_cap, &e);
            if (rc != LEDE_OK)
                return rc;
            lede_ner_item *it = &x->found[x->nfound - 1];
            memcpy(it->value, r->value, sizeof it->value);
            memcpy(it->unit, r->unit, sizeof it->unit);
        }
    }
    return LEDE_OK;
}

static int extract_overlap(const lede_ner_entity *a, const lede_ner_entity *b) {
    return a->span.byte_start < b->span.byte_end && b->span.byte_start < a->span.byte_end;
}

static int extract_inside(const lede_ner_entity *in, const lede_ner_entity *out) {
    return in->span.byte_start >= out->span.byte_start && in->span.byte_end <= out->span.byte_end;
}

/*
 * OntoNotes: gives each model entity that has a value the value of the first
 * rule match of its label overlapping it, or its number (values.h). Both
 * lists are in text order.
 */
static void extract_values(lede_ner_extractor *x) {
    const lede_ner_block *b = &x->block;
    size_t r = 0, k = 0;
    for (size_t i = 0; i < x->nents; i++) {
        lede_ner_item *it = &x->ents[i];
        lede_ent_label l = it->e.label;
        if (l == LEDE_ENT_CARDINAL || l == LEDE_ENT_ORDINAL) {
            while (k < b->ntok && b->raw[k].span.byte_end <= it->e.span.byte_start)
                k++;
            size_t end = k;
            while (end < b->ntok && b->raw[end].span.byte_start < it->e.span.byte_end)
                end++;
            if (l == LEDE_ENT_CARDINAL)
                lede_ner_value_cardinal(b->s, b->raw + k, end - k, it->value, sizeof it->value);
            else
                lede_ner_value_ordinal(b->s, b->raw + k, end - k, it->value, sizeof it->value);
            continue;
        }
        if (!lede_ent_label_has_value(l))
            continue;
        while (r < x->nfound && x->found[r].e.span.byte_end <= it->e.span.byte_start)
            r++;
        for (size_t j = r; j < x->nfound && x->found[j].e.span.byte_start < it->e.span.byte_end;
             j++) {
            const lede_ner_item *m = &x->found[j];
            if (m->e.label == l) {
                memcpy(it->value, m->value, sizeof it->value);
                memcpy(it->unit, m->unit, sizeof it->unit);
                break;
            }
        }
    }
}

/* Room for total entities in x->ents. */
static lede_rc extract_reserve_ents(lede_ner_extractor *x, size_t total) {
    if (total <= x->ents_cap)
        return LEDE_OK;
    void *p = x->ents;
    if (extract_grow(&p, total * sizeof *x->ents) != LEDE_OK)
        return LEDE_NOMEM;
    x->ents = p;
    x->ents_cap = total;
    return LEDE_OK;
}

/* 1 when the rules' label is one the OntoNotes scheme takes from the rules
   where the model found no name: amounts of money and percentages, whose
   patterns (currency signs, "%", "per cent") are exact, while the model
   trained on American copy of the 2000s misses some ("£532m") or reads only
   their number ("£4.3" of "£4.3bn" as a CARDINAL). */
static int extract_rule_only(lede_ent_label l) {
    return l == LEDE_ENT_MONEY || l == LEDE_ENT_PERCENT;
}

/* 1 when e's text is a bare number (digits, points and commas only). */
static int extract_bare_number(const char *s, const lede_ner_entity *e) {
    for (size_t i = e->span.byte_start; i < e->span.byte_end; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ','))
            return 0;
    return 1;
}

/*
 * 1 when the rules' amount r replaces the model's entity m, which overlaps
 * it: m lies wholly inside r and is a plain number (CARDINAL), or r's
 * amount read short ("£4.3" of "£4.3bn", "4.3" or "$12" of "$4.3bn." and
 * "$12m.": same label, ending before r does, from r's start or a bare
 * number), or r's amount read as another: the same span, a percentage read
 * as money ("5.2 per cent") or either read as a quantity ("120 million
 * euros"), since the rules' currencies, "%" and "per cent" are exact. A bare number that ends where r
 * ends ("100,980" of "$100,980") stays: parts of OntoNotes draw the
 * currency sign outside the amount, and the model learnt it.
 */
/* 1 when bytes [a, b) of s are capitalised words and spaces only, none
   a word news writes in lower case ("Google ", "Acme Corp "; not "Only ",
   "About ", which open a sentence): a name, no part of an amount. */
static int extract_name_words(const char *s, size_t a, size_t b) {
    size_t words = 0;
    for (size_t i = a; i < b;) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        if (!(s[i] >= 'A' && s[i] <= 'Z'))
            return 0;
        size_t k = i + 1;
        while (k < b && s[k] >= 'a' && s[k] <= 'z')
            k++;
        if (k - i < 3 || (k < b && s[k] != ' ') || lede_orth_ratio(s + i, k - i) > 0)
            return 0;
        words++;
        i = k;
    }
    return words > 0;
}

static int extract_rule_takes(const char *s, const lede_ner_entity *m, const lede_ner_entity *r) {
    /* the model's amount that took in a name before it ("Google 2.4
       billion euros" after "Alphabet's"): the rules' amount, which ends
       where it does, stands */
    if (m->label == r->label && m->span.byte_end == r->span.byte_end &&
        m->span.byte_start < r->span.byte_start &&
        extract_name_words(s, m->span.byte_start, r->span.byte_start))
        return 1;
    if (!extract_inside(m, r))
        return 0;
    if (m->label == LEDE_ENT_CARDINAL)
        return 1;
    if (m->label == r->label)
        return m->span.byte_end < r->span.byte_end &&
               (m->span.byte_start == r->span.byte_start || extract_bare_number(s, m));
    return (m->label == LEDE_ENT_QUANTITY ||
            (m->label == LEDE_ENT_MONEY && r->label == LEDE_ENT_PERCENT)) &&
           m->span.byte_start == r->span.byte_start && m->span.byte_end == r->span.byte_end;
}

/*
 * OntoNotes: a rules' MONEY or PERCENT span is reported when every model
 * entity it overlaps is one it replaces (extract_rule_takes; none at all
 * is the common case). Where the model found the amount itself, its span
 * stands, drawn as OntoNotes draws it. Both lists are in text order and
 * free of overlaps; so is the result.
 */
static lede_rc extract_add_rule_only(lede_ner_extractor *x) {
    size_t add = 0, m = 0;
    for (size_t j = 0; j < x->nfound; j++) {
        lede_ner_item *r = &x->found[j];
        while (m < x->nents && x->ents[m].e.span.byte_end <= r->e.span.byte_start)
            m++;
        size_t last = m; /* model entities overlapping r: [m, last) */
        int take = extract_rule_only(r->e.label);
        for (; last < x->nents && extract_overlap(&x->ents[last].e, &r->e); last++)
            take &= extract_rule_takes(x->block.s, &x->ents[last].e, &r->e);
        if (!take) {
            r->e.label = LEDE_ENT_NLABELS; /* not added */
            continue;
        }
        for (size_t k = m; k < last; k++)
            x->ents[k].e.label = LEDE_ENT_NLABELS; /* replaced */
        add++;
    }
    if (!add)
        return LEDE_OK;
    size_t total = x->nents + add;
    if (extract_reserve_ents(x, total) != LEDE_OK)
        return LEDE_NOMEM;
    /* merge from the back (both lists are in text order), leaving out what
       was marked, then close the gaps the replaced entities left */
    size_t a = x->nents, b = x->nfound, out = total;
    while (a > 0 || b > 0) {
        if (b > 0 && x->found[b - 1].e.label == LEDE_ENT_NLABELS) {
            b--;
        } else if (a > 0 && x->ents[a - 1].e.label == LEDE_ENT_NLABELS) {
            a--;
        } else if (a > 0 && (b == 0 || x->ents[a - 1].e.span.byte_start >
                                           x->found[b - 1].e.span.byte_start)) {
            x->ents[--out] = x->ents[--a];
        } else {
            x->ents[--out] = x->found[--b];
        }
    }
    memmove(x->ents, x->ents + out, (total - out) * sizeof *x->ents);
    x->nents = total - out;
    return LEDE_OK;
}

/*
 * CoNLL-2003: the amounts and dates go, as CoNLL draws its four classes
 * (NORP is reported as MISC once canon.h has given it its country).
 */
static void extract_conll_labels(lede_ner_extractor *x) {
    size_t out = 0;
    for (size_t i = 0; i < x->nents; i++)
        if (!lede_ent_label_has_value(x->ents[i].e.label))
            x->ents[out++] = x->ents[i];
    x->nents = out;
}

/*
 * Merges x->found into x->ents by the rules of extract.h. Both lists are in
 * text order and free of overlaps within themselves, so one pass over each
 * finds every overlap; the result is in text order too.
 */
static lede_rc extract_merge(lede_ner_extractor *x) {
    if (x->nfound == 0)
        return LEDE_OK;
    size_t nmodel = x->nents;
    /* mark: a model entity taken over by a rule span gets label NLABELS */
    size_t m = 0;
    for (size_t j = 0; j < x->nfound; j++) {
        lede_ner_item *r = &x->found[j];
        while (m < nmodel && x->ents[m].e.span.byte_end <= r->e.span.byte_start)
            m++;
        size_t first = m, last = m; /* model entities overlapping r: [first, last) */
        while (last < nmodel && extract_overlap(&x->ents[last].e, &r->e))
            last++;
        if (first == last)
            continue; /* no overlap: r stays */
        int keep = 0;
        if (r->e.label == LEDE_ENT_NORP) {
            lede_ner_entity *me = &x->ents[first].e;
            if (last == first + 1 && me->span.byte_start == r->e.span.byte_start &&
                me->span.byte_end == r->e.span.byte_end) {
                me->label = LEDE_ENT_NORP; /* the model's span, the rules' label */
                memcpy(me->country, r->e.country, sizeof me->country);
            }
        } else {
            keep = 1;
            for (size_t k = first; k < last; k++)
                keep &= extract_inside(&x->ents[k].e, &r->e);
            if (keep)
                for (size_t k = first; k < last; k++)
                    x->ents[k].e.label = LEDE_ENT_NLABELS;
        }
        if (!keep)
            r->e.label = LEDE_ENT_NLABELS;
    }
    /* join the two lists in text order, leaving out what was marked */
    size_t total = nmodel + x->nfound;
    if (extract_reserve_ents(x, total) != LEDE_OK)
        return LEDE_NOMEM;
    /* move the model's entities to the end, then merge forward into the front */
    memmove(x->ents + x->nfound, x->ents, nmodel * sizeof *x->ents);
    size_t a = x->nfound, b = 0, out = 0;
    while (a < total || b < x->nfound) {
        const lede_ner_item *pick;
        if (b >= x->nfound ||
            (a < total && x->ents[a].e.span.byte_start <= x->found[b].e.span.byte_start))
            pick = &x->ents[a++];
        else
            pick = &x->found[b++];
        if (pick->e.label != LEDE_ENT_NLABELS)
            x->ents[out++] = *pick;
    }
    x->nents = out;
    return LEDE_OK;
}

/* 1 when b, the blocks-th block of its text, holds every token of the text:
   the first block, after which neither the sentences nor the tokenizer
   have anything left (lede_tok_next from the text's start gives b->raw). */
static int extract_all_tokens(const lede_ner_block *b, size_t blocks) {
    if (blocks != 1 || !b->done || b->has_pending || b->carry)
        return 0;
    lede_tok_iter it = b->toks;
    lede_token t;
    return !lede_tok_next(&it, &t);
}

lede_rc lede_ner_extract_next(lede_ner_extractor *x, lede_ner_entity *out) {
    while (x->next == x->nents) {
        x->nents = x->next = 0;
        lede_rc rc = lede_ner_block_next(&x->block);
        if (rc != LEDE_OK)
            return rc; /* LEDE_DONE at the end */
        x->blocks++;
        if ((rc = extract_model(x)) == LEDE_OK)
            rc = extract_consistent(x);
        if (rc != LEDE_OK || (rc = extract_rules(x)) != LEDE_OK)
            return rc;
        if (x->scheme == LEDE_NER_SCHEME_ONTONOTES) {
            extract_values(x);
            if ((rc = extract_add_rule_only(x)) != LEDE_OK)
                return rc;
        } else {
            if ((rc = extract_merge(x)) != LEDE_OK)
                return rc;
            extract_conll_labels(x);
        }
    }
    const lede_ner_item *it = &x->ents[x->next++];
    *out = it->e;
    lede_canon_entity ce;
    memset(&ce, 0, sizeof ce);
    ce.byte_start = it->e.span.byte_start;
    ce.byte_end = it->e.span.byte_end;
    ce.label = it->e.label;
    memcpy(ce.country, it->e.country, sizeof ce.country);
    if (!x->places)
        x->places = lede_canon_places_new(); /* without it (out of memory), the same names */
    lede_canon_use_places(&x->canon, x->places);
    /* A text read in one block (most articles) has every token in it:
       canon reads them from there rather than tokenizing the text again. */
    lede_canon_use_tokens(&x->canon, extract_all_tokens(&x->block, x->blocks) ? x->block.raw : NULL,
                          x->block.ntok);
    lede_rc rc = lede_canon_next(&x->canon, &ce);
    lede_canon_use_tokens(&x->canon, NULL, 0);
    if (rc != LEDE_OK)
        return rc;
    out->canonical = ce.canonical;
    out->canonical_len = ce.canonical_len;
    memcpy(out->country, ce.country, sizeof out->country);
    out->has_point = ce.has_point;
    out->lat = ce.lat;
    out->lon = ce.lon;
    out->geonames = ce.geonames;
    if (x->scheme == LEDE_NER_SCHEME_CONLL && out->label == LEDE_ENT_NORP)
        out->label = LEDE_ENT_MISC; /* CoNLL's nationalities, with their country */
    out->value = it->value[0] ? it->value : NULL;
    out->value_len = strlen(it->value);
    out->unit = it->unit[0] ? it->unit : NULL;
    out->unit_len = strlen(it->unit);
    return LEDE_OK;
}
