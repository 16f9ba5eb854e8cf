/*
 * model.c: looking up feature weights in the compiled-in models (model.h).
 */
#include "model.h"

#include "features.h"

#include <string.h>

/* Slots probed at most before a lookup gives up (the trainer keeps every
   chain shorter; this only bounds the work on a damaged table). */
#define MODEL_MAX_PROBES 64

#if defined(__GNUC__)
#define MODEL_PREFETCH(p) __builtin_prefetch(p)
#else
#define MODEL_PREFETCH(p) ((void)(p))
#endif

_Static_assert(LEDE_NER_MAX_FEATURES * 127 < 32768, "a stage's sum fits half a 32-bit word");
_Static_assert(LEDE_NER_MODEL_ACC == 128, "tags (7 bits) index the accumulators");

static uint32_t model_u32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

lede_rc lede_ner_model_check(const lede_ner_model *m, const char **why) {
    const char *w = NULL;
    if (m->magic != LEDE_NER_MODEL_MAGIC)
        w = "the entity model is not a lede model (bad magic)";
    else if (m->feature_set_version != LEDE_NER_FEATURE_SET_VERSION)
        w = "the entity model was trained for another feature set version; run `make model`";
    else if (m->ntypes < 1 || m->ntypes > LEDE_NER_MAX_TYPES || !m->type_names)
        w = "the entity model's types are malformed";
    else if (m->slot_bits > 30 || !m->slots || !m->rows || m->rows_size == 0)
        w = "the entity model's tables are malformed";
    if (why)
        *why = w;
    return w ? LEDE_INVALID : LEDE_OK;
}

/* Offset + 1 of the row of feature h, or 0 when the model does not know it. */
static uint32_t model_find(const lede_ner_model *m, uint64_t h) {
    size_t mask = ((size_t)1 << m->slot_bits) - 1;
    size_t i = (size_t)h & mask;
    uint32_t check = (uint32_t)(h >> 32);
    for (int probe = 0; probe < MODEL_MAX_PROBES; probe++) {
        const unsigned char *slot = m->slots + 8 * i;
        uint32_t row = model_u32(slot + 4);
        if (row == 0)
            return 0;
        if (model_u32(slot) == check)
            return row <= m->rows_size ? row : 0;
        i = (i + 1) & mask;
    }
    return 0;
}

/* acc[t] += the i32 at p + 4 t, for every tag: a loop the compiler turns
   into vector additions. */
static void model_add_dense(int32_t *restrict acc, const unsigned char *restrict p, size_t ntags) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (size_t t = 0; t < ntags; t++) {
        int32_t v;
        memcpy(&v, p + 4 * t, sizeof v);
        acc[t] += v;
    }
#else
    for (size_t t = 0; t < ntags; t++)
        acc[t] += (int32_t)model_u32(p + 4 * t);
#endif
}

void lede_ner_model_prefetch(const lede_ner_model *m, const uint64_t *f, size_t n) {
    size_t mask = ((size_t)1 << m->slot_bits) - 1;
    for (size_t k = 0; k < n; k++)
        MODEL_PREFETCH(m->slots + 8 * ((size_t)f[k] & mask));
}

size_t lede_ner_model_find(const lede_ner_model *m, const uint64_t *f, size_t n, uint32_t *rows) {
    size_t nf = 0;
    for (size_t k = 0; k < n && nf < LEDE_NER_MAX_FEATURES; k++) {
        uint32_t row = model_find(m, f[k]);
        if (row) {
            MODEL_PREFETCH(m->rows + (row - 1));
            rows[nf++] = row - 1;
        }
    }
    return nf;
}

/* The sparse entries of the row at r (count entries, cut at the table's end) into acc. */
static inline void model_add_sparse(const lede_ner_model *m, uint32_t at, int32_t *acc) {
    const unsigned char *r = m->rows + at;
    size_t count = r[0];
    /* A row that would run past the end is cut. */
    if (at + 1 + 3 * count > m->rows_size)
        count = (m->rows_size - at - 1) / 3;
    const unsigned char *e = r + 1, *end = e + 3 * count;
    for (; e < end; e += 3)
        acc[e[0] & 127] += (int32_t)(signed char)e[1] + (int32_t)(signed char)e[2] * 65536;
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define MODEL_VECTORS 1
/* Eight packed sums, as the compiler's vector extension adds them. */
typedef int32_t model_v8 __attribute__((vector_size(32)));
/* v##j += the eight sums at p + 32 j, when j < nv (a constant where it is inlined). */
#define MODEL_ADD8(j, p)                                                                      \
    do {                                                                                       \
        if ((j) < nv) {                                                                        \
            model_v8 w_;                                                                       \
            memcpy(&w_, (p) + 32 * (j), sizeof w_);                                            \
            v##j += w_;                                                                        \
        }                                                                                      \
    } while (0)

/* acc[8 j ..] += v##j, when j < nv. */
#define MODEL_STORE8(j)                                                                        \
    do {                                                                                       \
        if ((j) < nv) {                                                                        \
            model_v8 a_;                                                                       \
            memcpy(&a_, acc + 8 * (j), sizeof a_);                                             \
            a_ += v##j;                                                                        \
            memcpy(acc + 8 * (j), &a_, sizeof a_);                                             \
        }                                                                                      \
    } while (0)

/*
 * add_rows for a model whose tags fill nv (at most 9) vectors of 8 and a
 * tail of one (nv is a constant where it is inlined): the dense rows are
 * summed in nv vector registers and added to acc once, instead of acc
 * being read and written back for every row; the sparse entries and the
 * tail tag go to acc directly. Integer sums, so the result is that of the
 * plain loop.
 */
static inline __attribute__((always_inline)) void
model_add_rows_nv(const lede_ner_model *m, const uint32_t *rows, size_t nf, int32_t *acc,
                  const size_t nv) {
    const size_t ntags = 8 * nv + 1;
    const model_v8 zero = {0, 0, 0, 0, 0, 0, 0, 0};
    model_v8 v0 = zero, v1 = zero, v2 = zero, v3 = zero, v4 = zero, v5 = zero, v6 = zero,
             v7 = zero, v8 = zero;
    int32_t tail = 0;
    for (size_t k = 0; k < nf; k++) {
        uint32_t at = rows[k];
        if (at >= m->rows_size)
            continue;
        const unsigned char *r = m->rows + at;
        if (r[0] == LEDE_NER_ROW_DENSE) {
            /* A row that would run past the end (a damaged table) is left out. */
            if (at + 1 + 4 * ntags <= m->rows_size) {
                const unsigned char *p = r + 1;
                MODEL_ADD8(0, p);
                MODEL_ADD8(1, p);
                MODEL_ADD8(2, p);
                MODEL_ADD8(3, p);
                MODEL_ADD8(4, p);
                MODEL_ADD8(5, p);
                MODEL_ADD8(6, p);
                MODEL_ADD8(7, p);
                MODEL_ADD8(8, p);
                int32_t t;
                memcpy(&t, p + 32 * nv, sizeof t);
                tail += t;
            }
            continue;
        }
        model_add_sparse(m, at, acc);
    }
    MODEL_STORE8(0);
    MODEL_STORE8(1);
    MODEL_STORE8(2);
    MODEL_STORE8(3);
    MODEL_STORE8(4);
    MODEL_STORE8(5);
    MODEL_STORE8(6);
    MODEL_STORE8(7);
    MODEL_STORE8(8);
    acc[8 * nv] += tail;
}
#else
#define MODEL_VECTORS 0
#endif

LEDE_VECTOR_CLONES
void lede_ner_model_add_rows(const lede_ner_model *m, const uint32_t *rows, size_t nf,
                             int32_t *acc) {
    const size_t ntags = LEDE_NER_NTAGS_OF(m->ntypes);
#if MODEL_VECTORS
    /* The two compiled-in models: 18 types (73 tags) and 4 (17 tags). */
    if (ntags == 73) {
        model_add_rows_nv(m, rows, nf, acc, 9);
        return;
    }
    if (ntags == 17) {
        model_add_rows_nv(m, rows, nf, acc, 2);
        return;
    }
#endif
    for (size_t k = 0; k < nf; k++) {
        if (rows[k] >= m->rows_size)
            continue;
        const unsigned char *r = m->rows + rows[k];
        if (r[0] == LEDE_NER_ROW_DENSE) {
            /* A row that would run past the end (a damaged table) is left out. */
            if (rows[k] + 1 + 4 * ntags <= m->rows_size)
                model_add_dense(acc, r + 1, ntags);
            continue;
        }
        model_add_sparse(m, rows[k], acc);
    }
}

void lede_ner_model_add(const lede_ner_model *m, const uint64_t *f, size_t n, int32_t *acc) {
    uint32_t rows[LEDE_NER_MAX_FEATURES];
    /* Ask for every slot first, so that the cache misses overlap. */
    lede_ner_model_prefetch(m, f, n);
    lede_ner_model_add_rows(m, rows, lede_ner_model_find(m, f, n, rows), acc);
}

/* The signed low half of a packed entry (without a branch, so that the
   loops below vectorise). */
static int32_t model_low(int32_t v) {
    return (int32_t)(((uint32_t)v & 0xffffu) ^ 0x8000u) - 32768;
}

LEDE_VECTOR_CLONES
void lede_ner_model_unpack(const lede_ner_model *m, const int32_t *restrict acc, int32_t *restrict s1,
                           int32_t *restrict s2) {
    const size_t ntags = LEDE_NER_NTAGS_OF(m->ntypes);
    /* Two plain loops (each vectorises); v - low is a multiple of 65536,
       so the division is exact. */
    if (s1)
        for (size_t t = 0; t < ntags; t++)
            s1[t] += model_low(acc[t]);
    if (s2)
        for (size_t t = 0; t < ntags; t++)
            s2[t] += (acc[t] - model_low(acc[t])) / 65536;
}

/* split's loops with ntags a constant where it is inlined (no remainder
   bookkeeping at run time). */
static inline __attribute__((always_inline)) void
model_split_n(const int32_t *restrict acc, int32_t *restrict s1, int16_t *restrict s2,
              const size_t ntags) {
    for (size_t t = 0; t < ntags; t++)
        s1[t] = model_low(acc[t]);
    for (size_t t = 0; t < ntags; t++)
        s2[t] = (int16_t)((acc[t] - model_low(acc[t])) / 65536);
}

LEDE_VECTOR_CLONES
void lede_ner_model_split(const lede_ner_model *m, const int32_t *restrict acc, int32_t *restrict s1,
                          int16_t *restrict s2) {
    const size_t ntags = LEDE_NER_NTAGS_OF(m->ntypes);
    if (ntags == 73)
        model_split_n(acc, s1, s2, 73);
    else if (ntags == 17)
        model_split_n(acc, s1, s2, 17);
    else
        model_split_n(acc, s1, s2, ntags);
}

void lede_ner_model_score(const lede_ner_model *m, const uint64_t *f, size_t n, int32_t *s1,
                          int32_t *s2) {
    int32_t acc[LEDE_NER_MODEL_ACC] = {0};
    lede_ner_model_add(m, f, n, acc);
    lede_ner_model_unpack(m, acc, s1, s2);
}
