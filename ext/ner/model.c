/*
 * model.c: looking up feature weights in the compiled-in model (model.h).
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

/* Bytes of one row. */
#define MODEL_ROW_BYTES (2 * LEDE_NER_NTAGS)

_Static_assert(LEDE_NER_NTAGS == 17, "model_score adds 16 tags as vectors, then one");
_Static_assert(LEDE_NER_MAX_FEATURES * 127 <= INT16_MAX, "16-bit sums cannot overflow");

static uint32_t model_u32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

lede_rc lede_ner_model_check(const lede_ner_model *m, const char **why) {
    const char *w = NULL;
    if (m->magic != LEDE_NER_MODEL_MAGIC)
        w = "the entity model is not a lede model (bad magic)";
    else if (m->feature_set_version != LEDE_NER_FEATURE_SET_VERSION)
        w = "the entity model was trained for another feature set version; run `make model`";
    else if (m->slot_bits > 30 || !m->slots || !m->rows || m->nrows == 0)
        w = "the entity model's tables are malformed";
    if (why)
        *why = w;
    return w ? LEDE_INVALID : LEDE_OK;
}

/* Row + 1 of feature h, or 0 when the model does not know it. */
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
            return row <= m->nrows ? row : 0;
        i = (i + 1) & mask;
    }
    return 0;
}

void lede_ner_model_score(const lede_ner_model *m, const uint64_t *f, size_t n, int32_t *s1,
                          int32_t *s2) {
    size_t mask = ((size_t)1 << m->slot_bits) - 1;
    /* Ask for every slot first, so that the cache misses overlap. */
    for (size_t k = 0; k < n; k++)
        MODEL_PREFETCH(m->slots + 8 * ((size_t)f[k] & mask));
    uint32_t found[LEDE_NER_MAX_FEATURES];
    size_t nf = 0;
    for (size_t k = 0; k < n && nf < LEDE_NER_MAX_FEATURES; k++) {
        uint32_t row = model_find(m, f[k]);
        if (row) {
            MODEL_PREFETCH(m->rows + MODEL_ROW_BYTES * (size_t)(row - 1));
            found[nf++] = row - 1;
        }
    }
    /* Sums fit in 16 bits: at most LEDE_NER_MAX_FEATURES weights of at most
       127. Tags 0..15 add up as vectors, tag 16 on its own. */
    int16_t a1[16] = {0}, a2[16] = {0};
    int32_t z1 = 0, z2 = 0;
    for (size_t k = 0; k < nf; k++) {
        const signed char *w = (const signed char *)m->rows + MODEL_ROW_BYTES * (size_t)found[k];
        for (int t = 0; t < 16; t++)
            a1[t] = (int16_t)(a1[t] + w[t]);
        for (int t = 0; t < 16; t++)
            a2[t] = (int16_t)(a2[t] + w[LEDE_NER_NTAGS + t]);
        z1 += w[16];
        z2 += w[LEDE_NER_NTAGS + 16];
    }
    if (s1) {
        for (int t = 0; t < 16; t++)
            s1[t] += a1[t];
        s1[16] += z1;
    }
    if (s2) {
        for (int t = 0; t < 16; t++)
            s2[t] += a2[t];
        s2[16] += z2;
    }
}
