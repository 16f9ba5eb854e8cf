/*
 * features.c: token properties, document statistics and the feature
 * templates of features.h.
 *
 * The templates are one table below: a name, the stage it serves and a
 * function that emits the values of one rule for token i. A value is a
 * hash; the feature is mix(template, value), so two templates never share
 * a feature. The token's own hashes are computed once (token_prepare), so
 * most templates only combine hashes, which keeps extraction cheap.
 */
#include "features.h"

#include "../text/chars.h"
#include "../text/utf8.h"
#include "gazetteer.h"
#include "tagger.h"

#include <string.h>

_Static_assert(LEDE_NER_DOC_MAX_TYPES == LEDE_NER_MAX_TYPES, "the document counts hold every type");

/* ---- hashing ------------------------------------------------------------ */

/* The finaliser of MurmurHash3 (Appleby): every input bit reaches every
   output bit. */
static uint64_t feat_fmix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

uint64_t lede_ner_hash(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a, 64 bits */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    h = feat_fmix(h ^ n);
    return h ? h : 1;
}

static uint64_t feat_mix(uint64_t a, uint64_t b) {
    uint64_t h = feat_fmix(a * 0x9e3779b97f4a7c15ULL + b + 0x632be59bd9b4e019ULL);
    return h ? h : 1;
}

uint64_t lede_ner_mix(uint64_t a, uint64_t b) { return feat_mix(a, b); }

/* ---- word classes ------------------------------------------------------------ */

uint32_t lede_ner_class_pack(uint32_t c0, uint32_t c1, uint32_t c2) {
    return 1u << 31 | c0 | c1 << LEDE_NER_CLASS_BITS0 |
           c2 << (LEDE_NER_CLASS_BITS0 + LEDE_NER_CLASS_BITS1);
}

uint32_t lede_ner_class_level(uint32_t p, int level) {
    static const int shift[LEDE_NER_CLASS_LEVELS] = {0, LEDE_NER_CLASS_BITS0,
                                                     LEDE_NER_CLASS_BITS0 + LEDE_NER_CLASS_BITS1};
    static const int bits[LEDE_NER_CLASS_LEVELS] = {LEDE_NER_CLASS_BITS0, LEDE_NER_CLASS_BITS1,
                                                    LEDE_NER_CLASS_BITS2};
    return p >> shift[level] & ((1u << bits[level]) - 1);
}

static uint32_t feat_u32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

uint32_t lede_ner_lexicon_get(const lede_ner_lexicon *lex, uint64_t norm) {
    if (!lex->slots)
        return 0;
    size_t mask = ((size_t)1 << lex->slot_bits) - 1, i = (size_t)norm & mask;
    uint32_t check = (uint32_t)(norm >> 32);
    for (size_t probe = 0; probe <= mask; probe++) {
        const unsigned char *slot = lex->slots + 8 * i;
        uint32_t classes = feat_u32(slot + 4);
        if (classes == 0)
            return 0;
        if (feat_u32(slot) == check)
            return classes;
        i = (i + 1) & mask;
    }
    return 0;
}

void lede_ner_lexicon_prefetch(const lede_ner_lexicon *lex, uint64_t norm) {
#if defined(__GNUC__)
    if (lex->slots)
        __builtin_prefetch(lex->slots + 8 * ((size_t)norm & (((size_t)1 << lex->slot_bits) - 1)));
#else
    (void)lex;
    (void)norm;
#endif
}

/* ---- token properties ----------------------------------------------------- */

/* Longest shape kept, in characters: longer words share their shape. */
#define FEAT_SHAPE_MAX 16

/* The shape character of code point c. */
static char feat_shape_char(uint32_t c) {
    if (lede_char_is_digit(c))
        return 'd';
    if (lede_char_is_upper(c))
        return 'X';
    if (lede_char_is_lower(c))
        return 'x';
    if (lede_char_is_alpha(c))
        return 'a'; /* a letter without case, or a mark */
    if (lede_char_is_hyphen(c))
        return '-';
    if (lede_char_is_apostrophe(c))
        return '\'';
    if (c < 0x80)
        return (char)c; /* ASCII punctuation and symbols stand for themselves */
    if (lede_char_is_alnum(c))
        return 'n'; /* other numbers */
    return lede_char_is_punct(c) ? 'p' : 's';
}

lede_rc lede_ner_token_prepare(lede_ner_token *t, const char *s, const lede_token *tok,
                               lede_norm_buf *nb, const lede_ner_lexicon *lex) {
    const char *w = s + tok->span.byte_start;
    size_t n = tok->span.byte_end - tok->span.byte_start;
    char shape[FEAT_SHAPE_MAX], shape_short[FEAT_SHAPE_MAX];
    size_t ns = 0, nss = 0, letters = 0, uppers = 0, lowers = 0, digits = 0, chars = 0;
    uint32_t flags = 0, last = 0;
    memset(t, 0, sizeof *t);
    t->span = tok->span;
    t->kind = tok->kind;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i = lede_utf8_next(w, n, i, &c);
        char sc = feat_shape_char(c);
        if (chars == 0 && sc == 'X')
            flags |= LEDE_NER_TF_INIT_CAP;
        chars++;
        last = c;
        switch (sc) {
        case 'X':
            letters++;
            uppers++;
            if (lowers)
                flags |= LEDE_NER_TF_MIXED;
            break;
        case 'x':
            letters++;
            lowers++;
            break;
        case 'a':
            letters++;
            break;
        case 'd':
            digits++;
            break;
        case '-':
            flags |= LEDE_NER_TF_HYPHEN;
            break;
        case '.':
            flags |= LEDE_NER_TF_PERIOD;
            break;
        case '\'':
            flags |= LEDE_NER_TF_APOS;
            break;
        default:
            break;
        }
        if (ns < FEAT_SHAPE_MAX)
            shape[ns++] = sc;
        if ((nss == 0 || shape_short[nss - 1] != sc) && nss < FEAT_SHAPE_MAX)
            shape_short[nss++] = sc;
    }
    if (tok->kind == LEDE_TOK_PUNCT && chars == 1) {
        if (last == '"' || last == 0x201C || last == 0x201E || last == 0xAB)
            flags |= LEDE_NER_TF_Q_OPEN;
        if (last == '"' || last == 0x201D || last == 0xBB)
            flags |= LEDE_NER_TF_Q_CLOSE;
        if (last == '(' || last == '[' || last == '{')
            flags |= LEDE_NER_TF_B_OPEN;
        if (last == ')' || last == ']' || last == '}')
            flags |= LEDE_NER_TF_B_CLOSE;
    }
    if (chars == 1 && last == LEDE_UTF8_REPLACEMENT)
        flags |= LEDE_NER_TF_INVALID;
    if (letters)
        flags |= LEDE_NER_TF_ALPHA;
    if (uppers && !lowers)
        flags |= LEDE_NER_TF_ALL_CAPS;
    if (lowers && !uppers)
        flags |= LEDE_NER_TF_LOWER;
    if (lowers)
        flags |= LEDE_NER_TF_HAS_LOWER;
    if (digits)
        flags |= LEDE_NER_TF_DIGIT;
    if (digits && digits == chars)
        flags |= LEDE_NER_TF_ALL_DIGIT;
    if (tok->newlines_before)
        flags |= LEDE_NER_TF_LINE;
    t->flags = flags;
    t->raw = lede_ner_hash(w, n);
    t->shape = lede_ner_hash(shape, ns);
    t->shape_short = lede_ner_hash(shape_short, nss);

    const char *norm;
    size_t nn, cut = n;
    if (cut > LEDE_NER_TOKEN_MAX) { /* normalise the first characters only */
        cut = LEDE_NER_TOKEN_MAX;
        while (cut > 0 && ((unsigned char)w[cut] & 0xC0) == 0x80)
            cut--;
    }
    lede_rc rc = lede_text_norm(nb, w, cut, &norm, &nn);
    if (rc != LEDE_OK)
        return rc;
    t->norm = lede_ner_hash(norm, nn);
    t->classes = lex ? lede_ner_lexicon_get(lex, t->norm) : 0;
    if (nn <= LEDE_NER_NORM_TEXT) {
        t->norm_len = (uint8_t)nn;
        memcpy(t->norm_text, norm, nn);
    } else {
        t->norm_len = 255;
    }
    /* Affixes of 1..4 characters, kept only when shorter than the norm. */
    size_t k = 0;
    for (size_t i = 0; i < nn && k < 4;) {
        uint32_t c;
        i = lede_utf8_next(norm, nn, i, &c);
        if (i < nn)
            t->prefix[k++] = lede_ner_hash(norm, i);
    }
    size_t end = nn;
    for (size_t j = 0; j < 4 && end > 0; j++) {
        size_t b = end - 1;
        while (b > 0 && ((unsigned char)norm[b] & 0xC0) == 0x80)
            b--;
        end = b;
        if (end == 0)
            break; /* the suffix would be the whole word */
        t->suffix[j] = lede_ner_hash(norm + end, nn - end);
    }
    return LEDE_OK;
}

/* Longest gazetteer key looked up, in bytes. */
#define FEAT_GAZ_KEY_MAX (LEDE_GAZ_MAX_TOKENS * (LEDE_NER_NORM_TEXT + 1))

#define FEAT_HAS_UPPER (LEDE_NER_TF_INIT_CAP | LEDE_NER_TF_ALL_CAPS | LEDE_NER_TF_MIXED)

/* 1 when a gazetteer key may go on through token t: a word, a number, or
   one of the marks found inside place names (- . ' & /). */
static int feat_gaz_inner(const lede_ner_token *t) {
    if (t->kind != LEDE_TOK_PUNCT && t->kind != LEDE_TOK_SYMBOL)
        return 1;
    if (t->norm_len != 1)
        return 0;
    char c = t->norm_text[0];
    return c == '-' || c == '.' || c == '\'' || c == '&' || c == '/';
}

/*
 * Marks on each token of tok[0..n) the gazetteer entries that cover it.
 * Keys are looked up from each token with a capital, for runs that end in
 * a token with a capital and hold no two lower-case tokens in a row (Isle
 * of Man, Rio de Janeiro), which spares most lookups that cannot match.
 */
static void feat_gazetteer(lede_ner_token *tok, size_t n) {
    char key[FEAT_GAZ_KEY_MAX];
    for (size_t i = 0; i < n; i++)
        tok[i].gaz = 0;
    for (size_t i = 0; i < n; i++) {
        if (!(tok[i].flags & (LEDE_NER_TF_INIT_CAP | LEDE_NER_TF_ALL_CAPS)))
            continue;
        size_t len = 0;
        for (size_t m = 0; m < LEDE_GAZ_MAX_TOKENS && i + m < n; m++) {
            const lede_ner_token *t = &tok[i + m];
            if (t->norm_len > LEDE_NER_NORM_TEXT || !feat_gaz_inner(t))
                break;
            if (m && !(t->flags & FEAT_HAS_UPPER) && !(tok[i + m - 1].flags & FEAT_HAS_UPPER))
                break;
            if (m)
                key[len++] = ' ';
            memcpy(key + len, t->norm_text, t->norm_len);
            len += t->norm_len;
            lede_gaz_entry e;
            if (!(t->flags & FEAT_HAS_UPPER) || !lede_gaz_lookup(key, len, &e))
                continue;
            for (size_t k = 0; k <= m; k++) {
                lede_ner_pos pos = m == 0   ? LEDE_NER_P_U
                                   : k == 0 ? LEDE_NER_P_B
                                   : k == m ? LEDE_NER_P_L
                                            : LEDE_NER_P_I;
                for (uint64_t b = 0; b < 16; b++)
                    if (e.types >> b & 1)
                        tok[i + k].gaz |= (uint64_t)1 << (4 * b + (uint64_t)pos);
            }
        }
    }
}

uint32_t lede_ner_window_prepare(lede_ner_token *tok, size_t n, int continued) {
    int quoted = 0, parens = 0, lower = 0, caps = 0;
    size_t numbers = 0;
    for (size_t i = 0; i < n; i++) {
        lede_ner_token *t = &tok[i];
        uint32_t f =
            t->flags & ~(uint32_t)(LEDE_NER_TF_FIRST | LEDE_NER_TF_QUOTED | LEDE_NER_TF_PARENS);
        if (i == 0 && !continued)
            f |= LEDE_NER_TF_FIRST;
        if ((f & LEDE_NER_TF_Q_OPEN) && (f & LEDE_NER_TF_Q_CLOSE))
            quoted = !quoted; /* a straight quote opens or closes */
        else if (f & LEDE_NER_TF_Q_OPEN)
            quoted = 1;
        else if (f & LEDE_NER_TF_Q_CLOSE)
            quoted = 0;
        else if (f & LEDE_NER_TF_B_OPEN)
            parens++;
        else if ((f & LEDE_NER_TF_B_CLOSE) && parens > 0)
            parens--;
        else {
            if (quoted)
                f |= LEDE_NER_TF_QUOTED;
            if (parens)
                f |= LEDE_NER_TF_PARENS;
        }
        if (f & LEDE_NER_TF_HAS_LOWER)
            lower = 1;
        if (f & LEDE_NER_TF_ALL_CAPS)
            caps = 1;
        numbers += t->kind == LEDE_TOK_NUMBER;
        t->flags = f;
    }
    feat_gazetteer(tok, n);
    uint32_t wflags = (caps && !lower) ? LEDE_NER_WF_CAPS : 0;
    if (numbers >= 2 && 10 * numbers >= 3 * n)
        wflags |= LEDE_NER_WF_TABLE;
    return wflags;
}

/* ---- document statistics ---------------------------------------------------- */

/* Type of a tag for the statistics: 0 for O, 1 + lede_ner_type. */
static int feat_tag_type(uint8_t tag) {
    return tag == LEDE_NER_TAG_O ? 0 : 1 + LEDE_NER_TAG_TYPE(tag);
}

/* The slot of key in doc, or the empty slot where it would go. */
static size_t doc_slot(const lede_ner_doc *doc, uint64_t key) {
    size_t mask = doc->size - 1, i = (size_t)key & mask;
    while (doc->keys[i] && doc->keys[i] != key)
        i = (i + 1) & mask;
    return i;
}

lede_rc lede_ner_doc_build(lede_ner_doc *doc, const lede_ner_token *tok, const uint8_t *tags,
                           const uint8_t *caps, size_t n) {
    size_t want = 16;
    while (want < 2 * n)
        want *= 2;
    if (want > doc->cap) {
        uint64_t *keys = lede_malloc(want * sizeof *keys);
        uint32_t *row = lede_malloc(want * sizeof *row);
        uint32_t(*counts)[LEDE_NER_DOC_TYPES] = lede_malloc(want * sizeof *counts);
        uint32_t(*capcounts)[LEDE_NER_DOC_TYPES] = lede_malloc(want * sizeof *capcounts);
        uint32_t(*sums)[4] = lede_malloc(want * sizeof *sums);
        if (!keys || !row || !counts || !capcounts || !sums) {
            lede_free(keys);
            lede_free(row);
            lede_free(counts);
            lede_free(capcounts);
            lede_free(sums);
            return LEDE_NOMEM;
        }
        lede_ner_doc_free(doc);
        doc->keys = keys;
        doc->row = row;
        doc->counts = counts;
        doc->capcounts = capcounts;
        doc->sums = sums;
        doc->cap = want;
    }
    if (n > doc->ntok_cap) {
        uint32_t *slot_of = lede_malloc(n * sizeof *slot_of);
        if (!slot_of)
            return LEDE_NOMEM;
        lede_free(doc->slot_of);
        doc->slot_of = slot_of;
        doc->ntok_cap = n;
    }
    doc->tok = tok;
    doc->ntok = n;
    doc->size = want;
    memset(doc->keys, 0, want * sizeof *doc->keys);
    uint32_t rows = 0;
    for (size_t i = 0; i < n; i++) {
        doc->slot_of[i] = UINT32_MAX;
        if (!(tok[i].flags & LEDE_NER_TF_ALPHA))
            continue;
        size_t h = doc_slot(doc, tok[i].norm);
        if (!doc->keys[h]) { /* a new norm: the next row, zeroed */
            doc->keys[h] = tok[i].norm;
            doc->row[h] = rows;
            memset(doc->counts[rows], 0, sizeof doc->counts[rows]);
            memset(doc->capcounts[rows], 0, sizeof doc->capcounts[rows]);
            memset(doc->sums[rows], 0, sizeof doc->sums[rows]);
            rows++;
        }
        size_t s = doc->row[h];
        doc->slot_of[i] = (uint32_t)s;
        int ty = feat_tag_type(tags[i]);
        doc->counts[s][ty]++;
        doc->sums[s][0]++;
        doc->sums[s][2] |= 1u << ty;
        if (!caps[i]) {
            doc->capcounts[s][ty]++;
            doc->sums[s][1]++;
            doc->sums[s][3] |= 1u << ty;
        }
    }
    return LEDE_OK;
}

void lede_ner_doc_free(lede_ner_doc *doc) {
    lede_free(doc->keys);
    lede_free(doc->row);
    lede_free(doc->counts);
    lede_free(doc->capcounts);
    lede_free(doc->sums);
    lede_free(doc->slot_of);
    memset(doc, 0, sizeof *doc);
}

/* ---- templates ---------------------------------------------------------------- */

/* Where a template writes its values. */
typedef struct {
    uint64_t *out; /* the features */
    size_t n;      /* written so far */
    uint64_t tmpl; /* hash of the current template */
} feat_sink;

static inline void emit(feat_sink *k, uint64_t value) {
    if (k->n < LEDE_NER_MAX_FEATURES)
        k->out[k->n++] = feat_mix(k->tmpl, value);
}

/* Hashes that stand for "before the first token" and "after the last". */
#define FEAT_BEFORE 0x5354415254ULL /* "START" */
#define FEAT_AFTER 0x454e44ULL      /* "END" */

static const lede_ner_token *feat_at(const lede_ner_window *w, size_t i, long off) {
    long j = (long)i + off;
    if (j < 0 || j >= (long)w->n)
        return NULL;
    return &w->tok[j];
}

static uint64_t feat_norm_at(const lede_ner_window *w, size_t i, long off) {
    const lede_ner_token *t = feat_at(w, i, off);
    return t ? t->norm : (off < 0 ? FEAT_BEFORE : FEAT_AFTER);
}

static uint64_t feat_shape_at(const lede_ner_window *w, size_t i, long off) {
    const lede_ner_token *t = feat_at(w, i, off);
    return t ? t->shape_short : (off < 0 ? FEAT_BEFORE : FEAT_AFTER);
}

/* Every token has this one: it learns how common each tag is. */
static void f_bias(const lede_ner_window *w, size_t i, feat_sink *k) {
    (void)w;
    (void)i;
    emit(k, 1);
}

/* The token as written. */
static void f_word(const lede_ner_window *w, size_t i, feat_sink *k) { emit(k, w->tok[i].raw); }

/* The token's norm (lowercase). */
static void f_lower(const lede_ner_window *w, size_t i, feat_sink *k) { emit(k, w->tok[i].norm); }

/* Its shape: Xxxxx, XX, dd-dd, X.X. */
static void f_shape(const lede_ner_window *w, size_t i, feat_sink *k) { emit(k, w->tok[i].shape); }

/* Its collapsed shape: Xx, X, d-d. */
static void f_shape_short(const lede_ner_window *w, size_t i, feat_sink *k) {
    emit(k, w->tok[i].shape_short);
}

/* The first 1..4 characters of the norm. */
static void f_prefix(const lede_ner_window *w, size_t i, feat_sink *k) {
    for (uint64_t j = 0; j < 4; j++)
        if (w->tok[i].prefix[j])
            emit(k, lede_ner_mix(j, w->tok[i].prefix[j]));
}

/* The last 1..4 characters of the norm. */
static void f_suffix(const lede_ner_window *w, size_t i, feat_sink *k) {
    for (uint64_t j = 0; j < 4; j++)
        if (w->tok[i].suffix[j])
            emit(k, lede_ner_mix(j, w->tok[i].suffix[j]));
}

/* The words around it, lowercase, each at its offset. */
static void f_lower_m2(const lede_ner_window *w, size_t i, feat_sink *k) {
    emit(k, feat_norm_at(w, i, -2));
}

static void f_lower_m1(const lede_ner_window *w, size_t i, feat_sink *k) {
    emit(k, feat_norm_at(w, i, -1));
}

static void f_lower_p1(const lede_ner_window *w, size_t i, feat_sink *k) {
    emit(k, feat_norm_at(w, i, 1));
}

static void f_lower_p2(const lede_ner_window *w, size_t i, feat_sink *k) {
    emit(k, feat_norm_at(w, i, 2));
}

/* The word pairs it is part of. */
static void f_bigram_m1(const lede_ner_window *w, size_t i, feat_sink *k) {
    emit(k, lede_ner_mix(feat_norm_at(w, i, -1), w->tok[i].norm));
}

static void f_bigram_p1(const lede_ner_window *w, size_t i, feat_sink *k) {
    emit(k, lede_ner_mix(w->tok[i].norm, feat_norm_at(w, i, 1)));
}

/* The capitalisation pattern of the window: neighbours' collapsed shapes. */
static void f_shape_m1(const lede_ner_window *w, size_t i, feat_sink *k) {
    emit(k, feat_shape_at(w, i, -1));
}

static void f_shape_p1(const lede_ner_window *w, size_t i, feat_sink *k) {
    emit(k, feat_shape_at(w, i, 1));
}

static void f_shapes3(const lede_ner_window *w, size_t i, feat_sink *k) {
    uint64_t h = lede_ner_mix(feat_shape_at(w, i, -1), w->tok[i].shape_short);
    emit(k, lede_ner_mix(h, feat_shape_at(w, i, 1)));
}

/* The previous word with this token's shape. */
static void f_lower_m1_shape(const lede_ner_window *w, size_t i, feat_sink *k) {
    emit(k, lede_ner_mix(feat_norm_at(w, i, -1), w->tok[i].shape_short));
}

/* The next word with this token's shape. */
static void f_lower_p1_shape(const lede_ner_window *w, size_t i, feat_sink *k) {
    emit(k, lede_ner_mix(w->tok[i].shape_short, feat_norm_at(w, i, 1)));
}

/* Each property of the token alone (capitals, digits, hyphen, period...). */
static void f_flags(const lede_ner_window *w, size_t i, feat_sink *k) {
    uint32_t f = w->tok[i].flags & LEDE_NER_TF_OWN;
    for (uint64_t b = 0; f; b++, f >>= 1)
        if (f & 1)
            emit(k, b);
}

/* The token's kind (word, number, punct, ...). */
static void f_kind(const lede_ner_window *w, size_t i, feat_sink *k) {
    emit(k, (uint64_t)w->tok[i].kind + 1);
}

/* First in its sentence, with its shape: capitals there say little. */
static void f_first(const lede_ner_window *w, size_t i, feat_sink *k) {
    if (w->tok[i].flags & LEDE_NER_TF_FIRST)
        emit(k, w->tok[i].shape_short);
}

/* In a sentence written in capitals (a headline), with its norm. */
static void f_caps_lower(const lede_ner_window *w, size_t i, feat_sink *k) {
    if (w->wflags & LEDE_NER_WF_CAPS)
        emit(k, w->tok[i].norm);
}

/* In a sentence written in capitals, with the shape. */
static void f_caps_shape(const lede_ner_window *w, size_t i, feat_sink *k) {
    if (w->wflags & LEDE_NER_WF_CAPS)
        emit(k, w->tok[i].shape_short);
}

/* Inside quotation marks or brackets, with its collapsed shape. */
static void f_quoted(const lede_ner_window *w, size_t i, feat_sink *k) {
    uint32_t f = w->tok[i].flags;
    if (f & LEDE_NER_TF_QUOTED)
        emit(k, lede_ner_mix(1, w->tok[i].shape_short));
    if (f & LEDE_NER_TF_PARENS)
        emit(k, lede_ner_mix(2, w->tok[i].shape_short));
}

/* First on its line (datelines, bylines, table rows), with its shape. */
static void f_line(const lede_ner_window *w, size_t i, feat_sink *k) {
    if (w->tok[i].flags & LEDE_NER_TF_LINE)
        emit(k, w->tok[i].shape_short);
}

/* The classes of token i + off at each level ("none" for an unknown word
   and outside the window). */
static void feat_classes(const lede_ner_window *w, size_t i, long off, int first_level,
                         feat_sink *k) {
    const lede_ner_token *t = feat_at(w, i, off);
    for (int l = first_level; l < LEDE_NER_CLASS_LEVELS; l++) {
        uint64_t v = !t ? 0x7fff : !t->classes ? 0xffff : lede_ner_class_level(t->classes, l);
        emit(k, lede_ner_mix((uint64_t)l, v));
    }
}

/* The token's word classes, at each level. */
static void f_class(const lede_ner_window *w, size_t i, feat_sink *k) {
    feat_classes(w, i, 0, 0, k);
}

/* The previous word's classes, the two finer levels. */
static void f_class_m1(const lede_ner_window *w, size_t i, feat_sink *k) {
    feat_classes(w, i, -1, 1, k);
}

/* The next word's classes, the two finer levels. */
static void f_class_p1(const lede_ner_window *w, size_t i, feat_sink *k) {
    feat_classes(w, i, 1, 1, k);
}

/* A line of a table (results, prices), with the token's shape. */
static void f_table(const lede_ner_window *w, size_t i, feat_sink *k) {
    if (w->wflags & LEDE_NER_WF_TABLE)
        emit(k, w->tok[i].shape_short);
}

/* The gazetteer entries covering the token: type and position. */
static void f_gaz(const lede_ner_window *w, size_t i, feat_sink *k) {
    uint64_t g = w->tok[i].gaz;
    for (uint64_t b = 0; g; b++, g >>= 1)
        if (g & 1)
            emit(k, b);
}

/* ---- second-stage templates ------------------------------------------------------ */

/* Bucket of part out of whole: 1 (under a third), 2 (under two thirds),
   3 (less than all), 4 (all). */
static uint64_t feat_share(uint32_t part, uint32_t whole) {
    if (part == whole)
        return 4;
    if (3 * part < whole)
        return 1;
    if (3 * part < 2 * whole)
        return 2;
    return 3;
}

/* Counts of the first-stage types of the other tokens with one norm in the
   block: the block's counts of that norm less the token's own. */
typedef struct {
    const uint32_t *c; /* [LEDE_NER_DOC_TYPES] the block's counts */
    uint32_t types;    /* bit ty set when c[ty] may be non-zero here */
    uint32_t own;      /* the token's own type */
    uint32_t less;     /* 1 when the token itself is taken off c[own] */
} feat_counts;

static uint32_t feat_count(const feat_counts *fc, uint32_t ty) {
    return fc->c[ty] - (ty == fc->own ? fc->less : 0);
}

/* The counts for token i (clean: outside headlines only); returns their
   total, 0 when there are none. */
static uint32_t feat_doc_counts(const lede_ner_window *w, size_t i, int clean, feat_counts *fc) {
    const lede_ner_token *t = &w->tok[i];
    if (!w->doc || !w->doc->size || !(t->flags & LEDE_NER_TF_ALPHA))
        return 0;
    /* The slot the build found, when t is one of its tokens. */
    uintptr_t at = (uintptr_t)t, base = (uintptr_t)w->doc->tok;
    size_t s;
    if (at >= base && (at - base) / sizeof *t < w->doc->ntok) {
        uint32_t slot = w->doc->slot_of[(at - base) / sizeof *t];
        if (slot == UINT32_MAX)
            return 0;
        s = slot;
    } else {
        size_t h = doc_slot(w->doc, t->norm);
        if (!w->doc->keys[h])
            return 0;
        s = w->doc->row[h];
    }
    fc->c = clean ? w->doc->capcounts[s] : w->doc->counts[s];
    fc->types = w->doc->sums[s][clean ? 3 : 2];
    fc->own = (uint32_t)feat_tag_type(w->stage1[i]);
    fc->less = (!clean || !(w->wflags & LEDE_NER_WF_CAPS)) && fc->c[fc->own] > 0;
    return w->doc->sums[s][clean ? 1 : 0] - fc->less;
}

/* The lowest type set in *types, which it clears. */
static uint32_t feat_next_type(uint32_t *types) {
    uint32_t ty = 0;
    while (!(*types >> ty & 1))
        ty++;
    *types &= *types - 1;
    return ty;
}

/* How the first stage labelled the same word elsewhere in the block: each
   type seen, with its share. */
static void f_doc_types(const lede_ner_window *w, size_t i, feat_sink *k) {
    feat_counts fc;
    uint32_t total = feat_doc_counts(w, i, 0, &fc);
    for (uint32_t types = total ? fc.types : 0; types;) {
        uint32_t ty = feat_next_type(&types), c = feat_count(&fc, ty);
        if (c)
            emit(k, ty * 8 + feat_share(c, total));
    }
}

/* The same, counting only occurrences outside headlines, where case is a
   clue, and with the token's shape. */
static void f_doc_types_clean(const lede_ner_window *w, size_t i, feat_sink *k) {
    feat_counts fc;
    uint32_t total = feat_doc_counts(w, i, 1, &fc);
    for (uint32_t types = total ? fc.types : 0; types;) {
        uint32_t ty = feat_next_type(&types), c = feat_count(&fc, ty);
        if (c)
            emit(k, lede_ner_mix(ty * 8 + feat_share(c, total), w->tok[i].shape_short));
    }
}

/* The majority first-stage type of the same word elsewhere in the block,
   for the previous and the next token (how far a name runs; ties go to
   the lower type). */
static void f_doc_neighbours(const lede_ner_window *w, size_t i, feat_sink *k) {
    for (long off = -1; off <= 1; off += 2) {
        long j = (long)i + off;
        if (j < 0 || j >= (long)w->n)
            continue;
        feat_counts fc;
        uint32_t total = feat_doc_counts(w, (size_t)j, 0, &fc);
        if (!total)
            continue;
        uint32_t best = 0, most = feat_count(&fc, 0);
        for (uint32_t types = fc.types & ~1u; types;) {
            uint32_t ty = feat_next_type(&types), c = feat_count(&fc, ty);
            if (c > most) {
                best = ty;
                most = c;
            }
        }
        emit(k, lede_ner_mix((uint64_t)(off + 1), (uint64_t)best * 8 + feat_share(most, total)));
    }
}

/* The first stage's tag of the token and of its neighbours. */
static void f_stage1(const lede_ner_window *w, size_t i, feat_sink *k) {
    if (!w->stage1)
        return;
    uint64_t prev = i > 0 ? w->stage1[i - 1] : 99, next = i + 1 < w->n ? w->stage1[i + 1] : 99;
    emit(k, w->stage1[i]);
    emit(k, lede_ner_mix(1000 + prev, w->stage1[i]));
    emit(k, lede_ner_mix(2000 + w->stage1[i], next));
}

typedef void (*feat_fn)(const lede_ner_window *w, size_t i, feat_sink *k);

/* What a template's hash is mixed from, with its number ("templ"). */
#define FEAT_TEMPLATE_SEED 0x74656d706cULL

/* clang-format off */
static const struct {
    const char *name;
    int stage;   /* 1 local (both stages), 2 document (second stage) */
    int own;     /* 1 when it reads only the token's own text, kind and
                    own flags (lede_ner_own_key) */
    feat_fn fn;
    uint64_t hash; /* lede_ner_mix(FEAT_TEMPLATE_SEED, k + 1) for template k, written out
                      (lede_ner_templates_ok checks it) */
} feat_templates[] = {
    {"bias",          1, 1, f_bias, 0xe4cffc2f71bbf797ULL},
    {"word",          1, 1, f_word, 0xa38dc2a51f52db61ULL},
    {"lower",         1, 1, f_lower, 0x3d0068ab1b280dafULL},
    {"shape",         1, 1, f_shape, 0x2884d4029582f324ULL},
    {"shape-short",   1, 1, f_shape_short, 0xed222a44d818fdc6ULL},
    {"prefix",        1, 1, f_prefix, 0xab70c44538d3009dULL},
    {"suffix",        1, 1, f_suffix, 0xcb4439a2bcc18d1fULL},
    {"lower-2",       1, 0, f_lower_m2, 0x5deb3b4f52b42596ULL},
    {"lower-1",       1, 0, f_lower_m1, 0xe1bb9042425b7e4aULL},
    {"lower+1",       1, 0, f_lower_p1, 0x453c8e3ad06deff5ULL},
    {"lower+2",       1, 0, f_lower_p2, 0xd574701ac6b232e3ULL},
    {"bigram-1",      1, 0, f_bigram_m1, 0x170b033349ed6698ULL},
    {"bigram+1",      1, 0, f_bigram_p1, 0xc5ec20bce61ce226ULL},
    {"shape-1",       1, 0, f_shape_m1, 0x13b11e25cadbfd79ULL},
    {"shape+1",       1, 0, f_shape_p1, 0x7b445944d6f93fb8ULL},
    {"shapes3",       1, 0, f_shapes3, 0x7aae5bf2ea9d527cULL},
    {"lower-1-shape", 1, 0, f_lower_m1_shape, 0x89ee37add9d63892ULL},
    {"lower+1-shape", 1, 0, f_lower_p1_shape, 0x8e54349b081189d2ULL},
    {"flags",         1, 1, f_flags, 0xf8b99845e8cc77fbULL},
    {"kind",          1, 1, f_kind, 0xf2a2aa3d9f775ff8ULL},
    {"first",         1, 0, f_first, 0x88b7f066f69beac0ULL},
    {"caps-lower",    1, 0, f_caps_lower, 0x8dc568348429dc9aULL},
    {"caps-shape",    1, 0, f_caps_shape, 0xda9ae4a0bd3a1335ULL},
    {"quoted",        1, 0, f_quoted, 0x91c2788356527b8bULL},
    {"line",          1, 0, f_line, 0x681d192e6ddfe1a8ULL},
    {"gaz",           1, 0, f_gaz, 0x3d7e57698cb615c0ULL},
    {"class",         1, 1, f_class, 0x66b4ab2e1d6cbb26ULL},
    {"class-1",       1, 0, f_class_m1, 0x5e0da6a125c8a5aeULL},
    {"class+1",       1, 0, f_class_p1, 0xcd978a64d9c042a9ULL},
    {"table",         1, 0, f_table, 0x0f80347caf33e076ULL},
    {"doc-types",     2, 0, f_doc_types, 0x205c5eaacd95dd68ULL},
    {"doc-types-clean", 2, 0, f_doc_types_clean, 0x1708c1b34ec3c13bULL},
    {"stage1",        2, 0, f_stage1, 0xab31680f05e5a4c0ULL},
    {"doc-neighbours", 2, 0, f_doc_neighbours, 0x60fe10a857b81748ULL},
};
/* clang-format on */

#define FEAT_NTEMPLATES (sizeof feat_templates / sizeof feat_templates[0])
_Static_assert(FEAT_NTEMPLATES < 64, "template masks are 64 bits (and all of them one less)");

size_t lede_ner_template_count(void) { return FEAT_NTEMPLATES; }

const char *lede_ner_template_name(size_t k) {
    return k < FEAT_NTEMPLATES ? feat_templates[k].name : NULL;
}

/* The templates of stage 2, as bits (lede_ner_templates_ok checks them
   against the table); the others are stage 1's. */
#define FEAT_STAGE2_TEMPLATES ((uint64_t)0xf << 30)

/* The number of the lowest bit set in b (b != 0). */
static unsigned feat_lowest(uint64_t b) {
#if defined(__GNUC__)
    return (unsigned)__builtin_ctzll(b);
#else
    unsigned k = 0;
    while (!(b >> k & 1))
        k++;
    return k;
#endif
}

size_t lede_ner_features_masked(const lede_ner_window *w, size_t i, int stage, uint64_t mask,
                                uint64_t *out) {
    feat_sink k = {out, 0, 0};
    const uint64_t all = ((uint64_t)1 << FEAT_NTEMPLATES) - 1;
    /* the templates of the stage less mask, in the table's order */
    uint64_t on = stage == 1   ? all & ~FEAT_STAGE2_TEMPLATES
                  : stage == 2 ? FEAT_STAGE2_TEMPLATES
                               : 0;
    for (on &= ~mask; on; on &= on - 1) {
        unsigned t = feat_lowest(on);
        k.tmpl = feat_templates[t].hash;
        feat_templates[t].fn(w, i, &k);
    }
    return k.n;
}

/* The numbers of the neighbour templates in feat_templates (checked by
   lede_ner_templates_ok). */
enum {
    FEAT_T_LOWER_M2 = 7,
    FEAT_T_LOWER_M1 = 8,
    FEAT_T_LOWER_P1 = 9,
    FEAT_T_LOWER_P2 = 10,
    FEAT_T_SHAPE_M1 = 13,
    FEAT_T_SHAPE_P1 = 14,
    FEAT_T_CLASS_M1 = 27,
    FEAT_T_CLASS_P1 = 28
};

int lede_ner_templates_ok(void) {
    for (size_t t = 0; t < FEAT_NTEMPLATES; t++)
        if (feat_templates[t].hash != feat_mix(FEAT_TEMPLATE_SEED, t + 1) ||
            (feat_templates[t].stage == 2) != (FEAT_STAGE2_TEMPLATES >> t & 1) ||
            (feat_templates[t].stage != 1 && feat_templates[t].stage != 2))
            return 0;
    return feat_templates[FEAT_T_LOWER_M2].fn == f_lower_m2 &&
           feat_templates[FEAT_T_LOWER_M1].fn == f_lower_m1 &&
           feat_templates[FEAT_T_LOWER_P1].fn == f_lower_p1 &&
           feat_templates[FEAT_T_LOWER_P2].fn == f_lower_p2 &&
           feat_templates[FEAT_T_SHAPE_M1].fn == f_shape_m1 &&
           feat_templates[FEAT_T_SHAPE_P1].fn == f_shape_p1 &&
           feat_templates[FEAT_T_CLASS_M1].fn == f_class_m1 &&
           feat_templates[FEAT_T_CLASS_P1].fn == f_class_p1;
}

/* The value feat_classes gives for level l of a token that is there. */
static uint64_t feat_class_value(const lede_ner_token *t, int l) {
    return lede_ner_mix((uint64_t)l, !t->classes ? 0xffff : lede_ner_class_level(t->classes, l));
}

void lede_ner_neighbour_features(const lede_ner_token *t, uint64_t out[LEDE_NER_NB_ROLES]) {
    out[LEDE_NER_NB_LOWER_M2] = feat_mix(feat_templates[FEAT_T_LOWER_M2].hash, t->norm);
    out[LEDE_NER_NB_LOWER_M1] = feat_mix(feat_templates[FEAT_T_LOWER_M1].hash, t->norm);
    out[LEDE_NER_NB_SHAPE_M1] = feat_mix(feat_templates[FEAT_T_SHAPE_M1].hash, t->shape_short);
    out[LEDE_NER_NB_CLASS_M1_1] =
        feat_mix(feat_templates[FEAT_T_CLASS_M1].hash, feat_class_value(t, 1));
    out[LEDE_NER_NB_CLASS_M1_2] =
        feat_mix(feat_templates[FEAT_T_CLASS_M1].hash, feat_class_value(t, 2));
    out[LEDE_NER_NB_LOWER_P1] = feat_mix(feat_templates[FEAT_T_LOWER_P1].hash, t->norm);
    out[LEDE_NER_NB_SHAPE_P1] = feat_mix(feat_templates[FEAT_T_SHAPE_P1].hash, t->shape_short);
    out[LEDE_NER_NB_CLASS_P1_1] =
        feat_mix(feat_templates[FEAT_T_CLASS_P1].hash, feat_class_value(t, 1));
    out[LEDE_NER_NB_CLASS_P1_2] =
        feat_mix(feat_templates[FEAT_T_CLASS_P1].hash, feat_class_value(t, 2));
    out[LEDE_NER_NB_LOWER_P2] = feat_mix(feat_templates[FEAT_T_LOWER_P2].hash, t->norm);
}

uint64_t lede_ner_neighbour_mask(size_t i, size_t n) {
    uint64_t m = 0;
    if (i >= 2)
        m |= (uint64_t)1 << FEAT_T_LOWER_M2;
    if (i >= 1)
        m |= (uint64_t)1 << FEAT_T_LOWER_M1 | (uint64_t)1 << FEAT_T_SHAPE_M1 |
             (uint64_t)1 << FEAT_T_CLASS_M1;
    if (i + 1 < n)
        m |= (uint64_t)1 << FEAT_T_LOWER_P1 | (uint64_t)1 << FEAT_T_SHAPE_P1 |
             (uint64_t)1 << FEAT_T_CLASS_P1;
    if (i + 2 < n)
        m |= (uint64_t)1 << FEAT_T_LOWER_P2;
    return m;
}

uint64_t lede_ner_own_mask(void) {
    uint64_t mask = 0;
    for (size_t t = 0; t < FEAT_NTEMPLATES; t++)
        if (feat_templates[t].own)
            mask |= (uint64_t)1 << t;
    return mask;
}

uint64_t lede_ner_own_key(const lede_ner_token *t) {
    uint64_t key = lede_ner_mix(lede_ner_mix(t->raw, (uint64_t)t->kind + 1),
                                (uint64_t)(t->flags & LEDE_NER_TF_OWN) + 1);
    return key ? key : 1;
}

size_t lede_ner_features(const lede_ner_window *w, size_t i, int stage, uint64_t *out) {
    return lede_ner_features_masked(w, i, stage, 0, out);
}
