/*
 * gazetteer.c: lookups in the generated gazetteer tables (gazetteer.h).
 *
 * A lookup hashes the key with 32-bit FNV-1a, the hash the generator
 * (ext/ner/gen/gazetteer.py) grouped the records by, and walks the strings
 * of that bucket (a few records on average) comparing each key.
 */
#include "gazetteer.h"

#include <string.h>

#define GAZ_TYPE_BITS 0x1FFu
#define GAZ_HAS_CANONICAL (1u << 9)
#define GAZ_COUNTRY_SHIFT 10
#define GAZ_CURRENCY_SHIFT 18

static uint32_t gaz_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* 1 when the NUL-terminated p equals key[0..n) (which may hold NULs). */
static int gaz_key_equals(const char *p, const char *key, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (p[i] == '\0' || p[i] != key[i])
            return 0;
    return p[n] == '\0';
}

/* The string after the NUL-terminated p. */
static const char *gaz_skip(const char *p) { return p + strlen(p) + 1; }

/* The key of the record after the one whose key is p. */
static const char *gaz_next_key(const char *p, uint32_t info) {
    p = gaz_skip(p);
    return (info & GAZ_HAS_CANONICAL) ? gaz_skip(p) : p;
}

static void gaz_fill(const lede_gaz_tables *t, size_t i, const char *key, lede_gaz_entry *out) {
    uint32_t info = t->info[i];
    size_t country = (info >> GAZ_COUNTRY_SHIFT) & 0xFFu;
    size_t currency = (info >> GAZ_CURRENCY_SHIFT) & 0xFFu;
    if (country >= t->ncountries)
        country = 0; /* never in generated data; the tests check it */
    if (currency >= t->ncurrencies)
        currency = 0;
    out->types = info & GAZ_TYPE_BITS;
    memcpy(out->country, t->countries[country], sizeof out->country);
    memcpy(out->currency, t->currencies[currency], sizeof out->currency);
    out->canonical = (info & GAZ_HAS_CANONICAL) ? gaz_skip(key) : NULL;
    out->population = t->population[i];
}

int lede_gaz_lookup(const char *key, size_t n, lede_gaz_entry *out) {
    const lede_gaz_tables *t = &lede_gaz_data;
    if (key == NULL || n == 0)
        return 0;
    uint32_t b = gaz_hash(key, n) & (uint32_t)(t->nbuckets - 1);
    const char *p = t->pool + t->bucket_pool[b];
    for (uint32_t i = t->bucket_record[b]; i < t->bucket_record[b + 1]; i++) {
        if (gaz_key_equals(p, key, n)) {
            if (out)
                gaz_fill(t, i, p, out);
            return 1;
        }
        p = gaz_next_key(p, t->info[i]);
    }
    return 0;
}

size_t lede_gaz_count(void) { return lede_gaz_data.nrecords; }

const char *lede_gaz_at(size_t i, lede_gaz_entry *out) {
    const lede_gaz_tables *t = &lede_gaz_data;
    if (i >= t->nrecords)
        return NULL;
    /* The last bucket that starts at or before record i holds it. */
    size_t lo = 0, hi = t->nbuckets;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->bucket_record[mid] <= i)
            lo = mid;
        else
            hi = mid;
    }
    const char *p = t->pool + t->bucket_pool[lo];
    for (size_t j = t->bucket_record[lo]; j < i; j++)
        p = gaz_next_key(p, t->info[j]);
    if (out)
        gaz_fill(t, i, p, out);
    return p;
}
