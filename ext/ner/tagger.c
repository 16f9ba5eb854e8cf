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

/* A score low enough that no path through it wins (far below any score a
   path keeps, VITERBI_FLOOR, and still without overflow when added to one). */
#define VITERBI_NEVER (-(1 << 30))

/* What the decoder derives from the transitions: the tags after which no
   entity is open (O, L-*, U-*), the tags that may follow only those (O,
   B-*, U-*), the transitions from the first to the second, padded, and
   the best transition from each closed tag; and, over all tags in their
   own order (padded to VT), for the I and L tags, which follow only the B
   or I of their type, the two transitions and the two tags. */
struct lede_ner_viterbi_tables {
    const lede_ner_transitions *tr; /* what they were made from */
    size_t ntypes;
    uint8_t closed_tag[1 + 2 * LEDE_NER_MAX_TYPES], open_tag[VS];
    int32_t closed[1 + 2 * LEDE_NER_MAX_TYPES][VS];
    int32_t kmax[1 + 2 * LEDE_NER_MAX_TYPES];
    int32_t closed_to[1 + 2 * LEDE_NER_MAX_TYPES][VT]; /* closed[k] over all tags, in their
                                                           order: VITERBI_NEVER to the
                                                           tags that are not open */
    int32_t omin;                   /* the lowest transition from O to an open tag */
    int32_t from_o[VT];             /* the transition from O to each tag */
    int32_t kmax_of[VT];            /* kmax of each closed tag, VITERBI_NEVER for the others */
    int32_t is_il[VT];              /* -1 for I and L tags, else 0 */
    int32_t is_in[VT];              /* -1 for I tags, else 0 */
    int32_t from_b[VT], from_i[VT]; /* I and L: the transition from B and from I of its type */
    int32_t tag_b[VT], tag_i[VT];   /* I and L: those two tags */
};

static void viterbi_tables(struct lede_ner_viterbi_tables *tb, const lede_ner_transitions *tr,
                           size_t ntypes) {
    const int NC = 1 + 2 * (int)ntypes, T = (int)LEDE_NER_NTAGS_OF(ntypes);
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
    tb->omin = INT32_MAX;
    for (int j = 0; j < NC; j++)
        tb->omin = tb->closed[0][j] < tb->omin ? tb->closed[0][j] : tb->omin;
    for (int t = 0; t < VT; t++) {
        tb->from_o[t] = t < T ? tr->trans[LEDE_NER_TAG_O][t] : 0;
        tb->kmax_of[t] = VITERBI_NEVER;
    }
    for (int k = 1; k < NC; k++)
        tb->kmax_of[tb->closed_tag[k]] = tb->kmax[k];
    for (int k = 0; k < NC; k++) {
        for (int t = 0; t < VT; t++)
            tb->closed_to[k][t] = VITERBI_NEVER;
        for (int j = 0; j < NC; j++)
            tb->closed_to[k][tb->open_tag[j]] = tb->closed[k][j];
    }
    for (int t = 0; t < VT; t++) {
        int pos = t == LEDE_NER_TAG_O || t >= T ? -1 : LEDE_NER_TAG_POS(t);
        tb->is_il[t] = pos == LEDE_NER_P_I || pos == LEDE_NER_P_L ? -1 : 0;
        tb->is_in[t] = pos == LEDE_NER_P_I ? -1 : 0;
        tb->from_b[t] = tb->from_i[t] = tb->tag_b[t] = tb->tag_i[t] = 0;
        if (pos == LEDE_NER_P_I || pos == LEDE_NER_P_L) {
            int b = LEDE_NER_TAG(LEDE_NER_TAG_TYPE(t), LEDE_NER_P_B), i = b + 1;
            tb->from_b[t] = tr->trans[b][t];
            tb->from_i[t] = tr->trans[i][t];
            tb->tag_b[t] = b;
            tb->tag_i[t] = i;
        }
    }
}

/*
 * The decoding itself, inlined with T (tags), NC (closed tags) and V (the
 * tags rounded up to the vector width, at most VT) as constants for the
 * two compiled-in models, so that every loop over tags has a fixed count
 * (no remainder loops, and the conll model's 17 tags are not padded to
 * 80). Entries past T of every table are padding, as with VT.
 */
static inline __attribute__((always_inline)) void
viterbi_decode(const struct lede_ner_viterbi_tables *tb, uint8_t *back, const int32_t *emit,
               size_t n, const lede_ner_transitions *tr, uint8_t *tags, const int T, const int NC,
               const int V) {
    const uint8_t *closed_tag = tb->closed_tag;
    const int32_t *kmax = tb->kmax, *kmax_of = tb->kmax_of, *from_o = tb->from_o;
    const int32_t *is_il = tb->is_il, *is_in = tb->is_in, *from_b = tb->from_b,
                  *from_i = tb->from_i, *tag_b = tb->tag_b, *tag_i = tb->tag_i;
    /* prev has entries before it, so that prev[t - 2] can always be read
       (what is read there is never chosen) */
    int32_t pbuf[8 + VT] = {0}, best[VT] = {0}, arg[VT] = {0};
    int32_t *prev = pbuf + 8;
    for (int t = 0; t < T; t++) {
        prev[t] = lede_ner_allowed(-1, t) ? tr->start[t] + emit[t] : VITERBI_FLOOR;
        back[t] = 0;
    }
    for (size_t i = 1; i < n; i++) {
        /* For every tag at once: O, B and U follow O, L or U, first O;
           I and L follow B or I of their type (ties go to B). */
        int32_t p0 = prev[0];
        for (int t = 0; t < V; t++) {
            int32_t in = is_in[t], il = is_il[t];
            int32_t xb = (prev[t - 1] & in) | (prev[t - 2] & ~in); /* B of t's type */
            int32_t xi = (prev[t] & in) | (prev[t - 1] & ~in);     /* I of t's type */
            int32_t sb = xb + from_b[t], si = xi + from_i[t];
            int32_t v = si > sb ? si : sb, a = si > sb ? tag_i[t] : tag_b[t];
            best[t] = (v & il) | ((p0 + from_o[t]) & ~il);
            arg[t] = a & il; /* O where not I or L */
        }
        /* Then the other closed tags (in increasing order, so ties go to the
           lower), each only when its best transition can beat the worst open
           tag's score after O, lo: most are far behind O outside names, and
           a row that cannot beat lo changes nothing (exact pruning). */
        int32_t lo = p0 + tb->omin, reach = INT32_MIN;
        for (int t = 0; t < V; t++) {
            int32_t r = prev[t] + kmax_of[t];
            reach = r > reach ? r : reach;
        }
        if (reach > lo)
            for (int k = 1; k < NC; k++) {
                int32_t pk = prev[closed_tag[k]], p = closed_tag[k];
                if (pk + kmax[k] <= lo)
                    continue;
                const int32_t *row = tb->closed_to[k];
                for (int t = 0; t < V; t++) {
                    int32_t s = pk + row[t];
                    int gt = s > best[t];
                    best[t] = gt ? s : best[t];
                    arg[t] = gt ? p : arg[t];
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
}

LEDE_VECTOR_CLONES
lede_rc lede_ner_viterbi(lede_ner_viterbi_ctx *ctx, const int32_t *emit, size_t n, size_t ntypes,
                         const lede_ner_transitions *tr, uint8_t *tags) {
    if (n == 0)
        return LEDE_OK;
    if (ntypes < 1 || ntypes > LEDE_NER_MAX_TYPES)
        return LEDE_INVALID;
    lede_rc rc = viterbi_reserve(ctx, n);
    if (rc != LEDE_OK)
        return rc;
    if (!ctx->tables) {
        if (!(ctx->tables = lede_malloc(2 * sizeof *ctx->tables)))
            return LEDE_NOMEM;
        ctx->tables[0].tr = ctx->tables[1].tr = NULL; /* none made yet */
    }
    /* With fixed transitions, the tables of the last two transitions seen
       (a two-stage model's) are kept; else they are made at every call. */
    struct lede_ner_viterbi_tables *tb = NULL;
    if (ctx->fixed)
        for (int k = 0; k < 2 && !tb; k++)
            if (ctx->tables[k].tr == tr && ctx->tables[k].ntypes == ntypes)
                tb = &ctx->tables[k];
    if (!tb) {
        tb = &ctx->tables[ctx->fixed && ctx->tables[0].tr ? 1 : 0];
        if (ctx->fixed && ctx->tables[1].tr)
            ctx->tables[0] = ctx->tables[1]; /* the older goes, the newer moves up */
        viterbi_tables(tb, tr, ntypes);
        if (!ctx->fixed)
            tb->tr = NULL; /* never found again */
    }
    if (ntypes == 18)
        viterbi_decode(tb, ctx->back, emit, n, tr, tags, 73, 37, 80);
    else if (ntypes == 4)
        viterbi_decode(tb, ctx->back, emit, n, tr, tags, 17, 9, 24);
    else
        viterbi_decode(tb, ctx->back, emit, n, tr, tags, (int)LEDE_NER_NTAGS_OF(ntypes),
                       1 + 2 * (int)ntypes, VT);
    return LEDE_OK;
}

void lede_ner_viterbi_free(lede_ner_viterbi_ctx *ctx) {
    lede_free(ctx->back);
    lede_free(ctx->tables);
    memset(ctx, 0, sizeof *ctx);
}
