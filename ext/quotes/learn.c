/*
 * learn.c: features and decoders of the learned cue, source and content
 * (learn.h).
 */
#include "learn.h"

#include "../ner/features.h"
#include "../ner/model.h"
#include "../text/chars.h"
#include "cues.h"

#include <string.h>

#define NONE SIZE_MAX

/* Feature templates. */
enum {
    T_BIAS = 1,
    T_W0,
    T_WM1,
    T_WP1,
    T_WM2,
    T_WP2,
    T_WM1W0,
    T_W0WP1,
    T_SUF,
    T_CM1CP1,
    T_W0CM1,
    T_W0CP1,
    T_PCT,
    T_PCTCM1,
    T_W0CAP,
    T_AFTERQ,
    T_POS,
    T_W0WP2C,
    T_CL1,
    T_CL2,
    T_CL2SUF,
    T_CLM1,
    T_CLP1,
    T_CLCTX,
    T_CLPCT,
    T_STEM,
    T_STEMCTX,
    T_STEMWP1,
    T_STOP,
    T_SUBJ,
    T_COMP,
    T_SUBJCOMP,
    /* source start, end, pair, none */
    S_WA = 32,
    S_WAM1,
    S_CA,
    S_DIST,
    S_WACM1,
    S_HCA,
    S_LO,
    S_IN,
    S_CLA,
    E_CLB,
    C_CL,
    D_CL,
    E_WB1,
    E_WB,
    E_CB,
    E_DIST,
    E_WB1WB,
    P_LEN,
    P_LEN_END_ = P_LEN + 16, /* P_LEN + SP_* */
    N_BIAS,
    N_WH,
    N_CH,
    N_WHM1,
    N_CUS,
    /* content start, end, pair */
    C_WC = 64,
    C_WCM1,
    C_CC,
    C_DIST,
    C_HWC,
    C_WCWCM1,
    D_WD1,
    D_WD,
    D_CD,
    D_DIST,
    D_HI,
    D_HCD,
    Q_LEN,
    Q_SRC,
    Q_END,
    Q_INQ,
    Q_HLEN,
    /* what lies between a source and its cue */
    E_GAP = 96,
    E_GAPH,
    /* the cue classifier's look back in the sentence */
    T_PREVCUE = 120,
    T_PREVCUEW,
    T_NEXTCUE,
};

static uint32_t mix(uint32_t t, uint32_t a, uint32_t b) {
    uint64_t x = ((uint64_t)t << 40) ^ ((uint64_t)a * 0x9E3779B97F4A7C15ull) ^ b;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    uint32_t r = (uint32_t)x;
    return r ? r : 1u;
}

uint32_t lede_ql_word_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98)) {
            c = '\'';
            i += 2;
        }
        h ^= lede_ascii_lower(c);
        h *= 16777619u;
    }
    return h ? h : 1u;
}

/* lede_ql_word_hash of a lowercase ASCII word of 2 to 4 letters, as a
   constant (none of these is 0). */
#define WH_STEP(h, c) ((uint32_t)(((h) ^ (uint32_t)(c)) * 16777619u))
#define WH2(a, b) WH_STEP(WH_STEP(2166136261u, a), b)
#define WH3(a, b, c) WH_STEP(WH2(a, b), c)
#define WH4(a, b, c, d) WH_STEP(WH3(a, b, c), d)
#define WH_THAT WH4('t', 'h', 'a', 't')
#define WH_TO WH2('t', 'o')
#define WH_AND WH3('a', 'n', 'd')
#define WH_BUT WH3('b', 'u', 't')

uint32_t lede_ql_word_classes(const char *s, size_t n) {
    char buf[32];
    if (n == 0 || n >= sizeof buf)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80)
            return 0;
        buf[i] = (char)lede_ascii_lower((unsigned char)s[i]);
    }
    return lede_ner_lexicon_get(&lede_ner_model_onto.lexicon, lede_ner_hash(buf, n));
}

/* The word classes of token i at level l (0 coarse .. 2 fine); 0xffff for
   an unknown word, 0x7fff outside the sentence. */
static uint32_t wcl(const lede_ql_view *v, size_t i, size_t lo, size_t hi, int l) {
    if (i < lo || i >= hi || i >= v->n)
        return 0x7fffu;
    return v->toks[i].wcl[l];
}

static uint32_t wh(const lede_ql_view *v, size_t i, size_t lo, size_t hi) {
    if (i < lo || i >= hi || i >= v->n) /* before and after the sentence (i may be -1) */
        return i < lo || i > SIZE_MAX / 2 ? 11u : 13u;
    return v->toks[i].wh;
}

static int in_list(const char *s, size_t n, const char *const *list);

static int is_pronoun(const char *s, size_t n) {
    static const char *const p[] = {"he", "she", "i", "we", "they", "it", "you", "who", NULL};
    return in_list(s, n, p);
}

/* The class of token i: 0 outside [lo, hi), then word, capitalised word,
   pronoun, number, punctuation by kind; 32 more inside a quotation. */
static uint32_t tc(const lede_ql_view *v, size_t i, size_t lo, size_t hi) {
    if (i < lo || i >= hi || i >= v->n)
        return 0;
    const lede_quotes_tok *t = &v->toks[i];
    return t->tc | ((t->flags & LEDE_QL_F_INQ) ? 32u : 0u);
}

uint32_t lede_ql_token_class(const char *s, const lede_token *tok, unsigned flags) {
    const char *p = s + tok->span.byte_start;
    size_t n = tok->span.byte_end - tok->span.byte_start;
    uint32_t q = 0;
    if (flags & LEDE_QL_F_OPEN)
        return 8;
    if (flags & LEDE_QL_F_CLOSE)
        return 9;
    switch (tok->kind) {
    case LEDE_TOK_WORD:
        if (is_pronoun(p, n))
            return 14 | q;
        return ((flags & LEDE_QL_F_CAP) ? 2u : 1u) | q;
    case LEDE_TOK_NUMBER:
        return 3 | q;
    case LEDE_TOK_PUNCT:
        break;
    default:
        return 13 | q;
    }
    if (n == 1) {
        switch (p[0]) {
        case ',':
            return 4 | q;
        case '.':
        case '!':
        case '?':
            return 5 | q;
        case ':':
            return 6 | q;
        case ';':
            return 7 | q;
        case '(':
            return 10 | q;
        case ')':
            return 11 | q;
        case '-':
            return 12 | q;
        default:
            return 13 | q;
        }
    }
    if (n == 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
        ((unsigned char)p[2] == 0x94 || (unsigned char)p[2] == 0x93))
        return 12 | q;
    return 13 | q;
}

static uint32_t dist_bucket(size_t d) {
    static const unsigned char b[] = {0, 1, 2, 3, 4, 5, 5, 6, 6, 6, 7, 7, 7, 7, 7};
    if (d < sizeof b)
        return b[d];
    return d < 25 ? 8u : d < 40 ? 9u : 10u;
}

static uint32_t pct_bucket(int pc) {
    return pc <= 0 ? 0u : pc < 10 ? 1u : pc < 20 ? 2u : pc < 40 ? 3u : pc < 70 ? 4u : 5u;
}

static const char *tp(const lede_ql_view *v, size_t i) {
    return v->s + v->toks[i].t.span.byte_start;
}

static size_t tl(const lede_ql_view *v, size_t i) {
    return v->toks[i].t.span.byte_end - v->toks[i].t.span.byte_start;
}

int lede_ql_cue_candidate(const lede_ql_view *v, size_t i) {
    if (i >= v->n)
        return 0;
    unsigned f = v->toks[i].flags;
    return (f & LEDE_QL_F_WORD) && !(f & (LEDE_QL_F_INQ | LEDE_QL_F_USED));
}

/* The hash of the word s[0..n) less an inflection: -s, -es, -ed, -d, -ing
   ("supports", "supported", "supporting" -> "support"). */
static uint32_t stem_hash(const char *s, size_t n) {
    size_t m = n;
    if (m > 5 && lede_ascii_eq_ci(s + m - 3, 3, "ing"))
        m -= 3;
    else if (m > 4 && lede_ascii_eq_ci(s + m - 2, 2, "ed"))
        m -= 2;
    else if (m > 4 && lede_ascii_eq_ci(s + m - 3, 3, "ies"))
        m -= 3;
    else if (m > 3 && (s[m - 1] == 's' || s[m - 1] == 'S') && s[m - 2] != 's')
        m -= 1;
    if (m > 3 && (s[m - 1] == 'e' || s[m - 1] == 'E'))
        m -= 1; /* "argue", "argued" */
    return lede_ql_word_hash(s, m);
}

uint32_t lede_ql_stop_feature(const lede_ql_view *v, size_t i) {
    return mix(T_STOP, v->toks[i].wh, 0);
}

uint32_t lede_ql_cue_bias_feature(void) { return mix(T_BIAS, 0, 0); }

size_t lede_ql_cue_feats(const lede_ql_view *v, size_t i, uint32_t *out) {
    const uint32_t wh_that = WH_THAT, wh_to = WH_TO;
    size_t lo = v->toks[i].sbeg, hi = v->toks[i].send, k = 0;
    uint32_t w0 = wh(v, i, lo, hi), wm1 = wh(v, i - 1, lo, hi), wp1 = wh(v, i + 1, lo, hi);
    uint32_t cm1 = tc(v, i - 1, lo, hi), cp1 = tc(v, i + 1, lo, hi);
    const char *p = tp(v, i);
    size_t n = tl(v, i);
    uint32_t suf = lede_ql_word_hash(p + (n > 3 ? n - 3 : 0), n > 3 ? 3 : n);
    uint32_t pct = pct_bucket(v->toks[i].cuep);
    int afterq = 0;
    for (size_t j = i; j > lo && i - j < 3; j--)
        if (v->toks[j - 1].flags & LEDE_QL_F_CLOSE)
            afterq = 1;
    out[k++] = mix(T_BIAS, 0, 0);
    out[k++] = mix(T_W0, w0, 0);
    out[k++] = mix(T_WM1, wm1, 0);
    out[k++] = mix(T_WP1, wp1, 0);
    out[k++] = mix(T_WM2, wh(v, i - 2, lo, hi), 0);
    out[k++] = mix(T_WP2, wh(v, i + 2, lo, hi), 0);
    out[k++] = mix(T_WM1W0, wm1, w0);
    out[k++] = mix(T_W0WP1, w0, wp1);
    out[k++] = mix(T_SUF, suf, 0);
    out[k++] = mix(T_CM1CP1, cm1, cp1);
    out[k++] = mix(T_W0CM1, w0, cm1);
    out[k++] = mix(T_W0CP1, w0, cp1);
    out[k++] = mix(T_PCT, pct, 0);
    out[k++] = mix(T_PCTCM1, pct, cm1 * 64 + cp1);
    out[k++] = mix(T_W0CAP, w0, (i == lo) * 2u + ((v->toks[i].flags & LEDE_QL_F_CAP) != 0));
    out[k++] = mix(T_AFTERQ, w0, (uint32_t)afterq);
    out[k++] = mix(T_POS, dist_bucket(i - lo), pct);
    out[k++] = mix(T_W0WP2C, w0, tc(v, i + 2, lo, hi));
    out[k++] = mix(T_CL1, wcl(v, i, lo, hi, 1), 0);
    out[k++] = mix(T_CL2, wcl(v, i, lo, hi, 2), 0);
    out[k++] = mix(T_CL2SUF, wcl(v, i, lo, hi, 2), suf);
    out[k++] = mix(T_CLM1, wcl(v, i - 1, lo, hi, 2), wcl(v, i, lo, hi, 1));
    out[k++] = mix(T_CLP1, wcl(v, i + 1, lo, hi, 2), wcl(v, i, lo, hi, 1));
    out[k++] = mix(T_CLCTX, wcl(v, i, lo, hi, 2), cm1 * 64 + cp1);
    out[k++] = mix(T_CLPCT, wcl(v, i, lo, hi, 1), pct);
    /* the frame: how far back a name or pronoun is, what follows in 3 tokens */
    uint32_t subj = 7, comp = 0;
    for (size_t j = i; j > lo && i - j < 6; j--) {
        uint32_t c = v->toks[j - 1].tc;
        if (c == 2 || c == 14) {
            subj = (uint32_t)(i - j);
            break;
        }
    }
    for (size_t j = i + 1; j < hi && j < i + 4; j++) {
        uint32_t c = v->toks[j].tc, w = v->toks[j].wh;
        if (w == wh_that)
            comp |= 1;
        else if (w == wh_to)
            comp |= 2;
        else if (c == 4 || c == 6)
            comp |= 4;
        else if (c == 8)
            comp |= 8;
    }
    out[k++] = mix(T_SUBJ, subj, cm1);
    out[k++] = mix(T_COMP, comp, wcl(v, i, lo, hi, 1));
    out[k++] = mix(T_SUBJCOMP, subj * 16 + comp, pct);
    /* "X said he does not think ...": the nearest cue word before in the
       sentence, how far back, and whether "that" or a comma lies between:
       a cue inside another's content is rarely annotated */
    uint32_t prev = 0;
    for (size_t j = i, sep = 0; j > lo && i - j < 25; j--) {
        unsigned f = v->toks[j - 1].flags;
        if (v->toks[j - 1].wh == wh_that)
            sep |= 1;
        else if (v->toks[j - 1].tc == 8 || v->toks[j - 1].tc == 4)
            sep |= 2;
        if (f & LEDE_QL_F_CUE) {
            prev = 1 + dist_bucket(i - j) * 4 + (uint32_t)sep;
            break;
        }
    }
    out[k++] = mix(T_PREVCUE, prev, pct);
    out[k++] = mix(T_PREVCUEW, prev, wcl(v, i, lo, hi, 1));
    uint32_t next = 0;
    for (size_t j = i + 1, sep = 0; j < hi && j - i < 12; j++) {
        if (v->toks[j].tc == 4 || v->toks[j].wh == wh_that)
            sep = 1;
        if (v->toks[j].flags & LEDE_QL_F_CUE) {
            next = 1 + dist_bucket(j - i) * 2 + (uint32_t)sep;
            break;
        }
    }
    out[k++] = mix(T_NEXTCUE, next, pct);
    uint32_t st = stem_hash(p, n);
    out[k++] = mix(T_STEM, st, 0);
    out[k++] = mix(T_STEMCTX, st, cm1 * 64 + cp1);
    out[k++] = mix(T_STEMWP1, st, wp1);
    return k;
}

/* 1 when s[0..n) is one of the lowercase words of list, ASCII case
   ignored; the first letter is compared before the rest. */
static int in_list(const char *s, size_t n, const char *const *list) {
    if (n == 0)
        return 0;
    int c = lede_ascii_lower((unsigned char)s[0]);
    for (size_t i = 0; list[i]; i++)
        if ((unsigned char)list[i][0] == c && lede_ascii_eq_ci(s, n, list[i]))
            return 1;
    return 0;
}

/* 1 when token i is the clitic 's (or \u2019s): "he's", "Trump's". */
static int is_clitic_s(const lede_ql_view *v, size_t i) {
    const char *p = tp(v, i);
    size_t n = tl(v, i);
    return (n == 2 && p[0] == '\'' && (p[1] == 's' || p[1] == 'S')) ||
           (n == 4 && memcmp(p, "\xe2\x80\x99", 3) == 0 && (p[3] == 's' || p[3] == 'S'));
}

/* 1 when token h reads as a participle ("claiming", "called", "said"), so
   an 's before it is "is" or "has" ("he's claiming"), not a possessive
   ("Trump's claim"). */
static int participle(const lede_ql_view *v, size_t h) {
    /* in strcmp order (lede_ql_in_sorted) */
    static const char *const irregular[] = {"been",  "brought", "come",   "done",    "felt",
                                            "found", "given",   "gone",   "heard",   "held",
                                            "kept",  "known",   "left",   "made",    "put",
                                            "said",  "seen",    "sent",   "shown",   "spoken",
                                            "taught", "thought", "told",  "written"};
    const char *p = tp(v, h);
    size_t n = tl(v, h);
    return (n > 4 && lede_ascii_eq_ci(p + n - 3, 3, "ing")) ||
           (n > 3 && lede_ascii_eq_ci(p + n - 2, 2, "ed")) ||
           lede_ql_in_sorted(p, n, irregular, sizeof irregular / sizeof irregular[0]);
}

/* 1 when token i is a lowercase word ending in "ly" that reads as an
   adverb ("recently", "quickly"): not a noun such as "family" or "rally",
   and not one after a determiner or a possessive ("the family said"). */
static int ly_adverb(const lede_ql_view *v, size_t i, size_t lo) {
    /* in strcmp order (lede_ql_in_sorted) */
    static const char *const nouns[] = {"ally",   "anomaly", "assembly", "belly",  "bully",
                                        "family", "folly",   "homily",   "jelly",  "monopoly",
                                        "rally",  "reply",   "supply"};
    static const char *const before[] = {"a",   "an",  "her",  "his", "its",
                                         "my",  "our", "the",  "their", "your"};
    const char *p = tp(v, i);
    size_t n = tl(v, i);
    if (n <= 4 || p[n - 1] != 'y' || p[n - 2] != 'l' ||
        (v->toks[i].flags & (LEDE_QL_F_WORD | LEDE_QL_F_CAP)) != LEDE_QL_F_WORD ||
        lede_ql_in_sorted(p, n, nouns, sizeof nouns / sizeof nouns[0]))
        return 0;
    if (i > lo && (lede_ql_in_sorted(tp(v, i - 1), tl(v, i - 1), before,
                                     sizeof before / sizeof before[0]) ||
                   is_clitic_s(v, i - 1)))
        return 0;
    return 1;
}

int lede_ql_lead_word(const lede_ql_view *v, size_t i, size_t h) {
    /* auxiliaries, modals, negation and the adverbs PolNeAR counts as part
       of a cue ("has also said", "did n't immediately respond", "further
       asserted"), in strcmp order (lede_ql_in_sorted) */
    static const char *const lead[] = {
        "'d",      "'ll",   "'re",    "'ve",   "again",  "already", "also",  "always", "are",
        "be",      "been",  "being",  "can",   "could",  "did",     "do",    "does",   "even",
        "first",   "further", "had",  "has",   "have",   "is",      "just",  "later",  "long",
        "may",     "might", "must",   "n't",   "never",  "not",     "now",   "n\xe2\x80\x99t",
        "often",   "once",  "should", "still", "then",   "was",     "were",  "will",   "would",
        "\xe2\x80\x99" "d", "\xe2\x80\x99" "ll", "\xe2\x80\x99" "re", "\xe2\x80\x99" "ve"};

    /* a capitalised one is a name: "Theresa May said", "Will said" */
    if (v->toks[i].t.kind != LEDE_TOK_WORD || (v->toks[i].flags & LEDE_QL_F_CAP))
        return 0;
    return lede_ql_in_sorted(tp(v, i), tl(v, i), lead, sizeof lead / sizeof lead[0]) ||
           ly_adverb(v, i, v->toks[i].sbeg) || (is_clitic_s(v, i) && participle(v, h));
}

size_t lede_ql_cue_lead(const lede_ql_view *v, size_t h) {
    size_t lo = v->toks[h].sbeg, a = h;
    while (a > lo && h - a < 3 && lede_ql_lead_word(v, a - 1, h))
        a--;
    return a;
}

void lede_ql_cue_extent(const lede_ql_view *v, size_t h, size_t *us, size_t *ue) {
    *us = lede_ql_cue_lead(v, h);
    *ue = h + 1;
    if (h + 1 < v->toks[h].send && lede_ascii_eq_ci(tp(v, h), tl(v, h), "according") &&
        lede_ascii_eq_ci(tp(v, h + 1), tl(v, h + 1), "to"))
        *ue = h + 2;
}

/* ---- sources ----------------------------------------------------------------- */

/* side 0: the source ends before the cue; 1: it starts after it. */
static size_t src_start_feats(const lede_ql_view *v, size_t h, size_t us, size_t ue, size_t a,
                              int side, uint32_t *out) {
    size_t lo = v->toks[h].sbeg, hi = v->toks[h].send, k = 0;
    uint32_t s = (uint32_t)side;
    uint32_t ca = tc(v, a, lo, hi), cm1 = tc(v, a - 1, lo, hi);
    out[k++] = mix(S_WA, s, wh(v, a, lo, hi));
    out[k++] = mix(S_WAM1, s, wh(v, a - 1, lo, hi));
    out[k++] = mix(S_CA, s, ca * 64 + cm1);
    out[k++] = mix(S_DIST, s, dist_bucket(side ? a - ue : us - a));
    out[k++] = mix(S_WACM1, s * 64 + cm1, wh(v, a, lo, hi));
    out[k++] = mix(S_HCA, s * 64 + ca, v->toks[h].wh);
    out[k++] = mix(S_LO, s, a == lo);
    out[k++] = mix(S_CLA, s * 64 + cm1, wcl(v, a, lo, hi, 2));
    return k;
}

static size_t src_end_feats(const lede_ql_view *v, size_t h, size_t us, size_t ue, size_t b,
                            int side, uint32_t *out) {
    size_t lo = v->toks[h].sbeg, hi = v->toks[h].send, k = 0;
    uint32_t s = (uint32_t)side;
    out[k++] = mix(E_WB1, s, wh(v, b - 1, lo, hi));
    out[k++] = mix(E_WB, s, wh(v, b, lo, hi));
    out[k++] = mix(E_CB, s, tc(v, b - 1, lo, hi) * 64 + tc(v, b, lo, hi));
    out[k++] = mix(E_DIST, s, dist_bucket(side ? b - ue : us - b));
    out[k++] = mix(E_WB1WB, s * 1000003u + wh(v, b - 1, lo, hi), wh(v, b, lo, hi));
    out[k++] = mix(E_CLB, s * 65536u + wcl(v, b - 1, lo, hi, 2), wcl(v, b, lo, hi, 2));
    if (!side) {
        /* the words between the source and the cue: commas, a conjunction,
           another cue ("X attacked Y, calling"; "X said ... and argued") */
        const uint32_t wh_and = WH_AND, wh_but = WH_BUT;
        uint32_t commas = 0, conj = 0, cue = 0;
        for (size_t i = b; i < us; i++) {
            const lede_quotes_tok *t = &v->toks[i];
            if (t->tc == 4)
                commas += commas < 2;
            else if (t->wh == wh_and || t->wh == wh_but)
                conj = 1;
            if (t->flags & LEDE_QL_F_CUE)
                cue = 1;
        }
        uint32_t g = dist_bucket(us - b) * 16 + commas * 4 + conj * 2 + cue;
        out[k++] = mix(E_GAP, g, 0);
        out[k++] = mix(E_GAPH, g, v->toks[h].wh);
    }
    return k;
}

static uint32_t len_bucket(size_t n) { return dist_bucket(n); }

/* What a source span holds, counted token by token (src_stats_add). */
typedef struct {
    size_t len, commas, aux, cues, lower;
    int mark;
} src_stats;

/* The sign of the word w against the bytes s[0..n) lowercased, in the
   order of strcmp (a word before the longer words it begins). */
static int word_cmp(const char *w, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        int a = (unsigned char)w[i], b = lede_ascii_lower((unsigned char)s[i]);
        if (a == 0)
            return -1;
        if (a != b)
            return a - b;
    }
    return w[n] != '\0';
}

int lede_ql_in_sorted(const char *s, size_t n, const char *const *list, size_t count) {
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = word_cmp(list[mid], s, n);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int lede_ql_aux_word(const char *s, size_t n) {
    /* in strcmp order (lede_ql_in_sorted) */
    static const char *const aux[] = {"are",  "be",     "been", "can",  "could", "did",  "do",
                                      "does", "had",    "has",  "have", "is",    "may",  "might",
                                      "must", "should", "was",  "were", "will",  "would"};
    return n <= 6 && n > 0 && lede_ql_in_sorted(s, n, aux, sizeof aux / sizeof aux[0]);
}

/* Auxiliaries and modals: a span that holds one reads as a clause. */
static int is_aux(const lede_ql_view *v, size_t i) {
    return v->toks[i].t.kind == LEDE_TOK_WORD && (v->toks[i].flags & LEDE_QL_F_AUX);
}

static void src_stats_add(const lede_ql_view *v, size_t i, src_stats *st) {
    const lede_quotes_tok *t = &v->toks[i];
    st->len++;
    if (t->t.kind == LEDE_TOK_PUNCT && t->t.span.byte_end == t->t.span.byte_start + 1 &&
        v->s[t->t.span.byte_start] == ',')
        st->commas++;
    if (t->flags & (LEDE_QL_F_INQ | LEDE_QL_F_MARK))
        st->mark = 1;
    if (t->flags & LEDE_QL_F_CUE)
        st->cues++;
    if ((t->flags & (LEDE_QL_F_WORD | LEDE_QL_F_CAP)) == LEDE_QL_F_WORD) {
        st->lower++;
        st->aux += is_aux(v, i);
    }
}

enum { SP_LEN, SP_COMMA, SP_MARK, SP_HLEN, SP_HCOMMA, SP_AUX, SP_CUE, SP_LOWER, SP_N };
#define SP_VALS 11 /* values of one pair statistic, at most */

static uint32_t cap2(size_t n) { return n > 2 ? 2u : (uint32_t)n; }

static uint32_t lower_bucket(size_t n) { return n < 3 ? (uint32_t)n : n < 5 ? 3u : n < 8 ? 4u : 5u; }

/* The value of pair statistic k of st. */
static uint32_t src_stat(int k, const src_stats *st) {
    switch (k) {
    case SP_LEN:
    case SP_HLEN:
        return dist_bucket(st->len);
    case SP_COMMA:
    case SP_HCOMMA:
        return cap2(st->commas);
    case SP_MARK:
        return (uint32_t)st->mark;
    case SP_AUX:
        return cap2(st->aux);
    case SP_CUE:
        return cap2(st->cues);
    default:
        return lower_bucket(st->lower);
    }
}

/* x plus the weights pw[k][value of statistic k of st], k in the order of
   the enum (the sum src_stat would give, in the same order). */
static double add_pair_weights(double pw[SP_N][SP_VALS], const src_stats *st, double x) {
    uint32_t len = dist_bucket(st->len), commas = cap2(st->commas);
    x += pw[SP_LEN][len];
    x += pw[SP_COMMA][commas];
    x += pw[SP_MARK][st->mark];
    x += pw[SP_HLEN][len];
    x += pw[SP_HCOMMA][commas];
    x += pw[SP_AUX][cap2(st->aux)];
    x += pw[SP_CUE][cap2(st->cues)];
    x += pw[SP_LOWER][lower_bucket(st->lower)];
    return x;
}

/* The feature of pair statistic k with value x. */
static uint32_t src_pair_feat(int k, int side, uint32_t x, uint32_t wh_h) {
    int with_h = k == SP_HLEN || k == SP_HCOMMA;
    return mix(P_LEN + (uint32_t)k, (uint32_t)side * 64 + x, with_h ? wh_h : 0);
}

static size_t src_pair_feats(uint32_t wh_h, int side, const src_stats *st, uint32_t *out) {
    for (int k = 0; k < SP_N; k++)
        out[k] = src_pair_feat(k, side, src_stat(k, st), wh_h);
    return SP_N;
}

/* The feature of token i inside a source: its class and word class
   (a verb's class inside reads as a clause: "Trump spoke to ..."). */
static uint32_t src_inner_feat(const lede_ql_view *v, size_t h, size_t i, int side) {
    size_t lo = v->toks[h].sbeg, hi = v->toks[h].send;
    return mix(S_IN, (uint32_t)side * 64 + tc(v, i, lo, hi), wcl(v, i, lo, hi, 2));
}

static size_t src_none_feats(const lede_ql_view *v, size_t h, size_t us, uint32_t *out) {
    size_t lo = v->toks[h].sbeg, hi = v->toks[h].send, k = 0;
    out[k++] = mix(N_BIAS, 0, 0);
    out[k++] = mix(N_WH, v->toks[h].wh, 0);
    out[k++] = mix(N_CH, tc(v, us - 1, lo, hi), tc(v, h + 1, lo, hi));
    out[k++] = mix(N_WHM1, wh(v, us - 1, lo, hi), 0);
    out[k++] = mix(N_CUS, v->toks[h].wh, tc(v, us - 1, lo, hi));
    return k;
}

/* Sources and contents start and end with a token that is no punctuation
   (the edges the evaluation trims). */
static int src_edge_ok(const lede_ql_view *v, size_t i, int end) {
    (void)end;
    return v->toks[i].t.kind != LEDE_TOK_PUNCT;
}

static int is_end(const lede_ql_view *v, size_t i);

int lede_ql_src_ok(const lede_ql_view *v, lede_ql_span sp) {
    if (sp.a == NONE)
        return 1;
    if (sp.b <= sp.a || !src_edge_ok(v, sp.a, 0) || !src_edge_ok(v, sp.b - 1, 1))
        return 0;
    for (size_t i = sp.a; i < sp.b; i++)
        if (is_end(v, i))
            return 0;
    return 1;
}

int lede_ql_con_ok(const lede_ql_view *v, lede_ql_span sp) {
    if (sp.b <= sp.a || !src_edge_ok(v, sp.a, 0) || !src_edge_ok(v, sp.b - 1, 1))
        return 0;
    for (size_t i = sp.a; i < sp.b; i++)
        if (v->toks[i].t.kind == LEDE_TOK_WORD || v->toks[i].t.kind == LEDE_TOK_NUMBER)
            return 1;
    return 0;
}

size_t lede_ql_src_feats(const lede_ql_view *v, size_t h, size_t us, size_t ue, lede_ql_span sp,
                         uint32_t *out) {
    if (sp.a == NONE)
        return src_none_feats(v, h, us, out);
    int side = sp.a >= ue;
    size_t k = src_start_feats(v, h, us, ue, sp.a, side, out);
    k += src_end_feats(v, h, us, ue, sp.b, side, out + k);
    src_stats st;
    memset(&st, 0, sizeof st);
    for (size_t i = sp.a; i < sp.b; i++)
        src_stats_add(v, i, &st);
    k += src_pair_feats(v->toks[h].wh, side, &st, out + k);
    for (size_t i = sp.a; i < sp.b && k < 3 * LEDE_QL_MAX_FEATS; i++)
        out[k++] = src_inner_feat(v, h, i, side);
    return k;
}

static double model_score(const uint32_t *f, size_t n);

double lede_ql_score(const lede_ql_scorer *sc, const uint32_t *f, size_t n) {
    if (sc == &lede_ql_model)
        return model_score(f, n);
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += sc->weight(sc->ctx, f[i]);
    return s;
}

/* ---- the compiled-in model ----------------------------------------------------- */

/* The weight of f in the compiled-in model (learn.h): 0 when absent. */
static int32_t model_lookup(uint32_t f) {
    const lede_ql_slot *sl = &lede_ql_model_slots[f >> (32 - lede_ql_model_bits)];
    while (sl->key < f)
        sl++;
    return sl->key == f ? sl->w : 0;
}

static double model_weight(const void *ctx, uint32_t f) {
    (void)ctx;
    if (lede_ql_model_bits == 0)
        return 0;
    return model_lookup(f);
}

/* The sum of the weights of f[0..n) in the compiled-in model: the slots
   are asked for all at once, so that their cache misses overlap. */
static double model_score(const uint32_t *f, size_t n) {
    if (lede_ql_model_bits == 0)
        return 0;
#if defined(__GNUC__)
    for (size_t i = 0; i < n; i++)
        __builtin_prefetch(&lede_ql_model_slots[f[i] >> (32 - lede_ql_model_bits)]);
#endif
    int64_t s = 0;
    for (size_t i = 0; i < n; i++)
        s += model_lookup(f[i]);
    return (double)s;
}

const lede_ql_scorer lede_ql_model = {model_weight, NULL};

int lede_ql_model_ready(void) { return lede_ql_model_bits > 0; }

#define WIN_MAX (LEDE_QL_CON_WIN + LEDE_QL_CON_AFTER + LEDE_QL_CON_LEN + 8)

/* Keeps the k best spans of the decoder, best first. */
typedef struct {
    lede_ql_span *sp;
    double *score;
    size_t k, n;
} topk;

static void topk_add(topk *t, size_t a, size_t b, double x) {
    if (t->n == t->k && x <= t->score[t->n - 1])
        return;
    size_t i = t->n < t->k ? t->n++ : t->n - 1;
    while (i > 0 && t->score[i - 1] < x) {
        t->sp[i] = t->sp[i - 1];
        t->score[i] = t->score[i - 1];
        i--;
    }
    t->sp[i].a = a;
    t->sp[i].b = b;
    t->score[i] = x;
}

double lede_ql_best_source(const lede_ql_view *v, const lede_ql_scorer *sc, size_t h, size_t us,
                           size_t ue, lede_ql_span *best) {
    double score;
    lede_ql_best_sources(v, sc, h, us, ue, best, &score, 1);
    return score;
}

size_t lede_ql_best_sources(const lede_ql_view *v, const lede_ql_scorer *sc, size_t h, size_t us,
                            size_t ue, lede_ql_span *spans, double *scores, size_t k) {
    uint32_t f[3 * LEDE_QL_MAX_FEATS];
    size_t lo = v->toks[h].sbeg, hi = v->toks[h].send;
    topk best = {spans, scores, k, 0};
    topk_add(&best, NONE, NONE, lede_ql_score(sc, f, src_none_feats(v, h, us, f)));
    /* the weight of each pair statistic by side and value */
    static const uint32_t nvals[SP_N] = {11, 3, 2, 11, 3, 3, 3, 6};
    double pw[2][SP_N][SP_VALS];
    for (int side = 0; side < 2; side++)
        for (int q = 0; q < SP_N; q++)
            for (uint32_t x = 0; x < nvals[q]; x++)
                pw[side][q][x] = sc->weight(sc->ctx, src_pair_feat(q, side, x, v->toks[h].wh));
    /* before the cue: ends in [us - LEDE_QL_SRC_GAP, us], starts up to LEDE_QL_SRC_WIN back */
    size_t a0 = us > lo + LEDE_QL_SRC_WIN ? us - LEDE_QL_SRC_WIN : lo;
    double ss[LEDE_QL_SRC_WIN + LEDE_QL_SRC_AFTER + LEDE_QL_SRC_LEN + 2];
    double in0[LEDE_QL_SRC_WIN + 1];
    for (size_t a = a0; a < us; a++) {
        ss[a - a0] = lede_ql_score(sc, f, src_start_feats(v, h, us, ue, a, 0, f));
        in0[a - a0] = sc->weight(sc->ctx, src_inner_feat(v, h, a, 0));
    }
    size_t b0 = us > a0 + LEDE_QL_SRC_GAP ? us - LEDE_QL_SRC_GAP : a0 + 1;
    for (size_t b = b0; b <= us; b++) {
        if (b <= a0 || !src_edge_ok(v, b - 1, 1))
            continue;
        double es = lede_ql_score(sc, f, src_end_feats(v, h, us, ue, b, 0, f)), inner = 0;
        src_stats st;
        memset(&st, 0, sizeof st);
        for (size_t a = b; a-- > a0 && b - a <= LEDE_QL_SRC_LEN;) {
            if (is_end(v, a))
                break;
            src_stats_add(v, a, &st);
            inner += in0[a - a0];
            if (!src_edge_ok(v, a, 0))
                continue;
            double x = ss[a - a0] + es + inner;
            x = add_pair_weights(pw[0], &st, x);
            topk_add(&best, a, b, x);
        }
    }
    /* after the cue: starts in [ue, ue + LEDE_QL_SRC_AFTER), ends up to
       LEDE_QL_SRC_LEN later */
    double ea[LEDE_QL_SRC_AFTER + LEDE_QL_SRC_LEN + 1], in1[LEDE_QL_SRC_AFTER + LEDE_QL_SRC_LEN + 1];
    for (size_t b = ue + 1; b <= hi && b < ue + LEDE_QL_SRC_AFTER + LEDE_QL_SRC_LEN; b++) {
        ea[b - ue] = lede_ql_score(sc, f, src_end_feats(v, h, us, ue, b, 1, f));
        in1[b - 1 - ue] = sc->weight(sc->ctx, src_inner_feat(v, h, b - 1, 1));
    }
    for (size_t a = ue; a < hi && a < ue + LEDE_QL_SRC_AFTER; a++) {
        if (!src_edge_ok(v, a, 0))
            continue;
        double sa = lede_ql_score(sc, f, src_start_feats(v, h, us, ue, a, 1, f));
        src_stats st;
        memset(&st, 0, sizeof st);
        double inner = 0;
        for (size_t b = a + 1; b <= hi && b - a <= LEDE_QL_SRC_LEN; b++) {
            if (is_end(v, b - 1))
                break;
            src_stats_add(v, b - 1, &st);
            inner += in1[b - 1 - ue];
            if (!src_edge_ok(v, b - 1, 1))
                continue;
            double x = sa + ea[b - ue] + inner;
            x = add_pair_weights(pw[1], &st, x);
            topk_add(&best, a, b, x);
        }
    }
    return best.n;
}

/* ---- contents ------------------------------------------------------------------ */

/* side 0: the content ends before the cue; 1: it starts after it. */
static size_t con_start_feats(const lede_ql_view *v, size_t h, size_t ue, size_t c, int side,
                              uint32_t *out) {
    /* ue: where content after the cue may start (past a source after it) */
    size_t lo = v->toks[h].sbeg, hi = v->toks[h].send, k = 0;
    uint32_t s = (uint32_t)side;
    uint32_t wc = wh(v, c, lo, hi), wcm1 = wh(v, c - 1, lo, hi);
    out[k++] = mix(C_WC, s, wc);
    out[k++] = mix(C_WCM1, s, wcm1);
    out[k++] = mix(C_CC, s, tc(v, c - 1, lo, hi) * 64 + tc(v, c, lo, hi));
    out[k++] = mix(C_DIST, s, dist_bucket(side ? c - ue : c - lo));
    out[k++] = mix(C_HWC, s * 1000003u + v->toks[h].wh, wc);
    out[k++] = mix(C_WCWCM1, s * 1000003u + wcm1, wc);
    out[k++] = mix(C_CL, s * 65536u + wcl(v, c - 1, lo, hi, 2), wcl(v, c, lo, hi, 2));
    return k;
}

static size_t con_end_feats(const lede_ql_view *v, size_t h, size_t us, size_t d, int side,
                            lede_ql_span src, uint32_t *out) {
    size_t lo = v->toks[h].sbeg, hi = v->toks[h].send, k = 0;
    uint32_t s = (uint32_t)side;
    size_t to = side ? hi : (src.a != NONE && src.b <= us && src.a >= d ? src.a : us);
    uint32_t cd = tc(v, d, lo, hi);
    out[k++] = mix(D_WD1, s, wh(v, d - 1, lo, hi));
    out[k++] = mix(D_WD, s, wh(v, d, lo, hi));
    out[k++] = mix(D_CD, s, tc(v, d - 1, lo, hi) * 64 + cd);
    out[k++] = mix(D_DIST, s, dist_bucket(to - d));
    out[k++] = mix(D_HI, s, d == hi);
    out[k++] = mix(D_HCD, s * 64 + cd, v->toks[h].wh);
    out[k++] = mix(D_CL, s * 65536u + wcl(v, d - 1, lo, hi, 2), wcl(v, d, lo, hi, 2));
    return k;
}

static uint32_t src_side(lede_ql_span src, size_t ue) {
    return src.a == NONE ? 0u : src.a >= ue ? 2u : 1u;
}

static size_t con_pair_feats(uint32_t wh_h, int side, uint32_t srcside, size_t len, size_t ends,
                             int inq, uint32_t *out) {
    size_t k = 0;
    uint32_t s = (uint32_t)side;
    out[k++] = mix(Q_LEN, s, len_bucket(len));
    out[k++] = mix(Q_SRC, s, srcside);
    out[k++] = mix(Q_END, s, ends > 2 ? 2u : (uint32_t)ends);
    out[k++] = mix(Q_INQ, s, (uint32_t)inq);
    out[k++] = mix(Q_HLEN, s * 64 + len_bucket(len), wh_h);
    return k;
}

static int is_end(const lede_ql_view *v, size_t i) {
    const lede_quotes_tok *t = &v->toks[i];
    if (t->t.kind != LEDE_TOK_PUNCT || t->t.span.byte_end != t->t.span.byte_start + 1 ||
        (t->flags & LEDE_QL_F_INQ))
        return 0;
    char c = v->s[t->t.span.byte_start];
    if (c != '.' && c != '!' && c != '?' && c != ';')
        return 0;
    /* a period glued between letters or before a bracket or comma ends an
       abbreviation the tokenizer split ("R-S.C.", "(D-N.Y.),"), not a
       sentence */
    if (c == '.' && !t->t.space_before && i + 1 < v->n && !v->toks[i + 1].t.space_before) {
        const lede_token *nx = &v->toks[i + 1].t;
        char d = v->s[nx->span.byte_start];
        if (nx->kind == LEDE_TOK_WORD || d == ')' || d == ',')
            return 0;
    }
    return 1;
}

size_t lede_ql_con_feats(const lede_ql_view *v, size_t h, size_t us, size_t ue, lede_ql_span src,
                         lede_ql_span sp, uint32_t *out) {
    if (sp.a == NONE)
        return 0;
    int side = sp.a >= ue;
    size_t k = con_start_feats(v, h, lede_ql_con_base(src, ue), sp.a, side, out);
    k += con_end_feats(v, h, us, sp.b, side, src, out + k);
    size_t ends = 0;
    int inq = 0;
    for (size_t i = sp.a; i < sp.b; i++) {
        ends += i + 1 < sp.b && is_end(v, i);
        if (v->toks[i].flags & LEDE_QL_F_INQ)
            inq = 1;
    }
    k += con_pair_feats(v->toks[h].wh, side, src_side(src, ue), sp.b - sp.a, ends, inq, out + k);
    return k;
}

size_t lede_ql_con_base(lede_ql_span src, size_t ue) {
    return src.a != NONE && src.a >= ue ? src.b : ue;
}

static int overlaps(size_t a, size_t b, lede_ql_span s) {
    return s.a != NONE && a < s.b && s.a < b;
}

/* The pair weights of a content on one side of its cue (con_pair_feats). */
typedef struct {
    double len[11], end[3], inq[2], src;
} con_pair_w;

/* Every content [c, d) for d from c + 1 to dmax, of start score cs and end
   scores es[d - ebase], against the best so far (*any, *top, *best). */
static void con_ends(const lede_ql_view *v, size_t c, size_t dmax, double cs, const double *es,
                     size_t ebase, const con_pair_w *w, lede_ql_span src, int *any, double *top,
                     lede_ql_span *best) {
    size_t ends = 0, words = 0;
    int inq = 0;
    for (size_t d = c + 1; d <= dmax; d++) {
        if (d - 1 > c && is_end(v, d - 2))
            ends++;
        words += v->toks[d - 1].t.kind == LEDE_TOK_WORD || v->toks[d - 1].t.kind == LEDE_TOK_NUMBER;
        if (v->toks[d - 1].flags & LEDE_QL_F_INQ)
            inq = 1;
        if (overlaps(c, d, src))
            break;
        if (!words || !src_edge_ok(v, d - 1, 1))
            continue;
        double x = cs + es[d - ebase] + w->len[len_bucket(d - c)] + w->end[ends > 2 ? 2 : ends] +
                   w->inq[inq] + w->src;
        if (!*any || x > *top) {
            *any = 1;
            *top = x;
            best->a = c;
            best->b = d;
        }
    }
}

double lede_ql_best_content(const lede_ql_view *v, const lede_ql_scorer *sc, size_t h, size_t us,
                            size_t ue, lede_ql_span src, lede_ql_span *best) {
    uint32_t f[3 * LEDE_QL_MAX_FEATS];
    size_t lo = v->toks[h].sbeg, hi = v->toks[h].send;
    best->a = best->b = NONE;
    double top = 0;
    int any = 0;
    uint32_t sside = src_side(src, ue);
    /* the pair features, each alone (con_pair_feats): by side and value */
    uint32_t whh = v->toks[h].wh;
    con_pair_w w[2];
    for (uint32_t sd = 0; sd < 2; sd++) {
        for (uint32_t lb = 0; lb < 11; lb++)
            w[sd].len[lb] = sc->weight(sc->ctx, mix(Q_LEN, sd, lb)) +
                            sc->weight(sc->ctx, mix(Q_HLEN, sd * 64 + lb, whh));
        for (uint32_t e = 0; e < 3; e++)
            w[sd].end[e] = sc->weight(sc->ctx, mix(Q_END, sd, e));
        for (uint32_t q = 0; q < 2; q++)
            w[sd].inq[q] = sc->weight(sc->ctx, mix(Q_INQ, sd, q));
        w[sd].src = sc->weight(sc->ctx, mix(Q_SRC, sd, sside));
    }
    double es[WIN_MAX];
    /* before the cue: [c, d) with d <= us */
    size_t c0 = us > lo + LEDE_QL_CON_WIN ? us - LEDE_QL_CON_WIN : lo;
    for (size_t d = c0 + 1; d <= us; d++)
        es[d - c0] = lede_ql_score(sc, f, con_end_feats(v, h, us, d, 0, src, f));
    for (size_t c = c0; c < us; c++) {
        if (!src_edge_ok(v, c, 0))
            continue;
        double cs = lede_ql_score(sc, f, con_start_feats(v, h, ue, c, 0, f));
        con_ends(v, c, us, cs, es, c0, &w[0], src, &any, &top, best);
    }
    /* after the cue (and a source after it): c in [base, base + LEDE_QL_CON_AFTER),
       d up to LEDE_QL_CON_LEN later */
    size_t base = lede_ql_con_base(src, ue);
    size_t dmax = hi < base + LEDE_QL_CON_AFTER + LEDE_QL_CON_LEN
                      ? hi
                      : base + LEDE_QL_CON_AFTER + LEDE_QL_CON_LEN;
    for (size_t d = base + 1; d <= dmax; d++)
        es[d - base] = lede_ql_score(sc, f, con_end_feats(v, h, us, d, 1, src, f));
    for (size_t c = base; c < hi && c < base + LEDE_QL_CON_AFTER; c++) {
        if (overlaps(c, c + 1, src) || !src_edge_ok(v, c, 0))
            continue;
        double cs = lede_ql_score(sc, f, con_start_feats(v, h, base, c, 1, f));
        con_ends(v, c, dmax < c + LEDE_QL_CON_LEN ? dmax : c + LEDE_QL_CON_LEN, cs, es, base,
                 &w[1], src, &any, &top, best);
    }
    return top;
}
