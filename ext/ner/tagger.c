/*
 * tagger.c: BILOU tags and constrained Viterbi decoding (tagger.h).
 */
#include "tagger.h"

#include <string.h>

const char *lede_ner_pos_name(int tag) {
    static const char *const names[4] = {"B", "I", "L", "U"};
    if (tag < 0)
        return "?";
    return tag == LEDE_NER_TAG_O ? "O" : names[LEDE_NER_TAG_POS(tag)];
}

/* 1 when an entity is open after tag t (t is B or I). */
static int tagger_open(int t) {
    return t != LEDE_NER_TAG_O &&
           (LEDE_NER_TAG_POS(t) == LEDE_NER_P_B || LEDE_NER_TAG_POS(t) == LEDE_NER_P_I);
}

int lede_ner_allowed(int prev, int cur) {
    int cur_cont = cur != LEDE_NER_TAG_O &&
                   (LEDE_NER_TAG_POS(cur) == LEDE_NER_P_I || LEDE_NER_TAG_POS(cur) == LEDE_NER_P_L);
    if (prev < 0 || !tagger_open(prev))
        return !cur_cont;
    return cur_cont && LEDE_NER_TAG_TYPE(cur) == LEDE_NER_TAG_TYPE(prev);
}

int lede_ner_allowed_last(int last) { return !tagger_open(last); }

void lede_ner_forbid(int32_t *emit, size_t ntags, const lede_ner_token *t) {
    if (t->kind == LEDE_TOK_URL || t->kind == LEDE_TOK_EMAIL || (t->flags & LEDE_NER_TF_INVALID))
        for (size_t k = 1; k < ntags; k++)
            emit[k] = LEDE_NER_FORBIDDEN;
}

static lede_rc viterbi_reserve(lede_ner_viterbi_ctx *ctx, size_t n) {
    if (n <= ctx->cap)
        return LEDE_OK;
    size_t cap = ctx->cap ? ctx->cap : 64;
    while (cap < n)
        cap *= 2;
    uint8_t *back = lede_malloc(cap * LEDE_NER_MAX_TAGS);
    if (!back)
        return LEDE_NOMEM;
    lede_free(ctx->back);
    ctx->back = back;
    ctx->cap = cap;
    return LEDE_OK;
}

/* Tags padded to a multiple of the vector width, so that the loops over
   tags vectorise without a remainder. */
#define VT 80
_Static_assert(VT >= LEDE_NER_MAX_TAGS && VT % 16 == 0, "VT pads every tag set");

/* The same for the tags that follow a closed one (O, B-*, U-*). */
#define VS 40
_Static_assert(VS >= 1 + 2 * LEDE_NER_MAX_TYPES && VS % 8 == 0, "VS pads every start set");

/* Scores are kept relative to the best of their column (which is then 0),
   and never below VITERBI_FLOOR: a path that far behind cannot catch up
   with emissions and transitions of model size, and 32-bit sums then
   never overflow, whatever the length of the sequence. */
#define VITERBI_FLOOR (-(1 << 29))

/* What the decoder derives from the transitions: the tags after which no
   entity is open (O, L-*, U-*), the tags that may follow only those (O,
   B-*, U-*), the transitions from the first to the second, padded, and
   the best transition from each closed tag. */
struct lede_ner_viterbi_tables {
    const lede_ner_transitions *tr; /* what they were made from */
    size_t ntypes;
    uint8_t closed_tag[1 + 2 * LEDE_NER_MAX_TYPES], open_tag[VS];
    int32_t closed[1 + 2 * LEDE_NER_MAX_TYPES][VS];
    int32_t kmax[1 + 2 * LEDE_NER_MAX_TYPES];
};

static void viterbi_tables(struct lede_ner_viterbi_tables *tb, const lede_ner_transitions *tr,
                           size_t ntypes) {
    const int NC = 1 + 2 * (int)ntypes;
    tb->tr = tr;
    tb->ntypes = ntypes;
    tb->closed_tag[0] = tb->open_tag[0] = LEDE_NER_TAG_O;
    for (int ty = 0; ty < (int)ntypes; ty++) {
        tb->closed_tag[1 + 2 * ty] = (uint8_t)LEDE_NER_TAG(ty, LEDE_NER_P_L);
        tb->closed_tag[2 + 2 * ty] = (uint8_t)LEDE_NER_TAG(ty, LEDE_NER_P_U);
        tb->open_tag[1 + 2 * ty] = (uint8_t)LEDE_NER_TAG(ty, LEDE_NER_P_B);
        tb->open_tag[2 + 2 * ty] = (uint8_t)LEDE_NER_TAG(ty, LEDE_NER_P_U);
    }
    for (int j = NC; j < VS; j++)
        tb->open_tag[j] = LEDE_NER_TAG_O; /* padding, never read back */
    for (int k = 0; k < NC; k++) {
        tb->kmax[k] = INT32_MIN;
        for (int j = 0; j < VS; j++) {
            tb->closed[k][j] = j < NC ? tr->trans[tb->closed_tag[k]][tb->open_tag[j]] : 0;
            if (j < NC && tb->closed[k][j] > tb->kmax[k])
                tb->kmax[k] = tb->closed[k][j];
        }
    }
}

LEDE_VECTOR_CLONES
lede_rc lede_ner_viterbi(lede_ner_viterbi_ctx *ctx, const int32_t *emit, size_t n, size_t ntypes,
                         const lede_ner_transitions *tr, uint8_t *tags) {
    if (n == 0)
        return LEDE_OK;
    if (ntypes < 1 || ntypes > LEDE_NER_MAX_TYPES)
        return LEDE_INVALID;
    const int T = (int)LEDE_NER_NTAGS_OF(ntypes), NC = 1 + 2 * (int)ntypes;
    lede_rc rc = viterbi_reserve(ctx, n);
    if (rc != LEDE_OK)
        return rc;
    struct lede_ner_viterbi_tables local, *tb = &local;
    if (ctx->fixed) {
        if (!ctx->tables) {
            if (!(ctx->tables = lede_malloc(sizeof *ctx->tables)))
                return LEDE_NOMEM;
            ctx->tables->tr = NULL; /* made below */
        }
        tb = ctx->tables;
        if (tb->tr != tr || tb->ntypes != ntypes)
            viterbi_tables(tb, tr, ntypes);
    } else {
        viterbi_tables(tb, tr, ntypes);
    }
    const uint8_t *closed_tag = tb->closed_tag, *open_tag = tb->open_tag;
    int32_t(*closed)[VS] = tb->closed;
    const int32_t *kmax = tb->kmax;
    uint8_t *back = ctx->back;
    int32_t prev[VT] = {0}, best[VT] = {0}, arg[VT] = {0};
    for (int t = 0; t < T; t++) {
        prev[t] = lede_ner_allowed(-1, t) ? tr->start[t] + emit[t] : VITERBI_FLOOR;
        back[t] = 0;
    }
    for (size_t i = 1; i < n; i++) {
        /* O, B and U follow O, L or U: the best of those for each of them
           (closed tags in increasing order, so ties go to the lower)... */
        int32_t bs[VS], as[VS];
        int32_t lo = INT32_MAX;
        for (int j = 0; j < VS; j++) {
            bs[j] = prev[0] + closed[0][j];
            as[j] = 0;
        }
        for (int j = 0; j < NC; j++)
            lo = bs[j] < lo ? bs[j] : lo;
        for (int k = 1; k < NC; k++) {
            int32_t pk = prev[closed_tag[k]], p = closed_tag[k];
            /* Exact pruning: a closed tag whose best transition cannot beat
               the worst score so far changes nothing (most are far behind O
               outside names), so its row is skipped. */
            if (pk + kmax[k] <= lo)
                continue;
            for (int j = 0; j < VS; j++) {
                int32_t s = pk + closed[k][j];
                int gt = s > bs[j];
                bs[j] = gt ? s : bs[j];
                as[j] = gt ? p : as[j];
            }
        }
        for (int j = 0; j < NC; j++) {
            best[open_tag[j]] = bs[j];
            arg[open_tag[j]] = as[j];
        }
        /* ... while I and L follow B or I of their type. */
        for (int ty = 0; ty < (int)ntypes; ty++) {
            int b = LEDE_NER_TAG(ty, LEDE_NER_P_B), in = b + 1;
            for (int t = in; t <= in + 1; t++) {
                int32_t sb = prev[b] + tr->trans[b][t], si = prev[in] + tr->trans[in][t];
                best[t] = si > sb ? si : sb;
                arg[t] = si > sb ? in : b;
            }
        }
        const int32_t *e = emit + i * (size_t)T;
        uint8_t *bk = back + i * (size_t)T;
        int32_t top = INT32_MIN;
        for (int t = 0; t < T; t++) {
            prev[t] = best[t] + e[t];
            top = prev[t] > top ? prev[t] : top;
            bk[t] = (uint8_t)arg[t];
        }
        for (int t = 0; t < T; t++) {
            int32_t v = prev[t] - top;
            prev[t] = v < VITERBI_FLOOR ? VITERBI_FLOOR : v;
        }
    }
    int32_t top = INT32_MIN;
    int last = LEDE_NER_TAG_O;
    for (int k = 0; k < NC; k++) {
        int t = closed_tag[k];
        int32_t s = prev[t] + tr->end[t];
        if (s > top) {
            top = s;
            last = t;
        }
    }
    for (size_t i = n; i-- > 0;) {
        tags[i] = (uint8_t)last;
        last = back[i * (size_t)T + (size_t)last];
    }
    return LEDE_OK;
}

void lede_ner_viterbi_free(lede_ner_viterbi_ctx *ctx) {
    lede_free(ctx->back);
    lede_free(ctx->tables);
    memset(ctx, 0, sizeof *ctx);
}
