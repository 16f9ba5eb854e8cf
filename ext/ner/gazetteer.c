/*
 * gazetteer.c: lookups in the generated gazetteer tables (gazetteer.h).
 *
 * A lookup hashes the key with 32-bit FNV-1a, the hash the generator
 * (ext/ner/gen/gazetteer.py) grouped the records by, and walks the strings
 * of that bucket (four to eight records) comparing each key: one read of the
 * bucket table and one run through the pool, and the record itself only on
 * a hit.
 */
#include "gazetteer.h"

#include <string.h>

#define GAZ_TYPE_MASK ((1u << LEDE_GAZ_INFO_TYPE_BITS) - 1u)
#define GAZ_CANONICAL_MARK ' ' /* no key starts with a space */

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

/* The canonical name of the record whose key is p, or NULL. */
static const char *gaz_canonical(const char *p) {
    p += strlen(p) + 1;
    return *p == GAZ_CANONICAL_MARK ? p + 1 : NULL;
}

/* The key of the record after the one whose key is p. */
static const char *gaz_next_key(const char *p) {
    p += strlen(p) + 1;
    if (*p == GAZ_CANONICAL_MARK)
        p += strlen(p) + 1;
    return p;
}

static void gaz_fill(const lede_gaz_tables *t, size_t i, const char *key, lede_gaz_entry *out) {
    uint32_t info = t->info[i];
    size_t country = (info >> LEDE_GAZ_INFO_COUNTRY_SHIFT) & 0xFFu;
    size_t currency = (info >> LEDE_GAZ_INFO_CURRENCY_SHIFT) & 0xFFu;
    if (country >= t->ncountries)
        country = 0; /* never in generated data; the tests check it */
    if (currency >= t->ncurrencies)
        currency = 0;
    out->types = info & GAZ_TYPE_MASK;
    memcpy(out->country, t->countries[country], sizeof out->country);
    memcpy(out->currency, t->currencies[currency], sizeof out->currency);
    out->canonical = gaz_canonical(key);
    out->population = t->population[i];
}

int lede_gaz_lookup(const char *key, size_t n, lede_gaz_entry *out) {
    const lede_gaz_tables *t = &lede_gaz_data;
    if (key == NULL || n == 0)
        return 0;
    uint32_t h = gaz_hash(key, n);
    const uint32_t *bucket = t->buckets + 2 * (h & (uint32_t)(t->nbuckets - 1));
    /* The bucket's hashes first (most lookups miss: no string is read);
       on a match, the strings are walked to that record and compared. */
    const char *p = t->pool + bucket[1];
    uint32_t at = bucket[0]; /* the record p is the key of */
    for (uint32_t i = bucket[0]; i < bucket[2]; i++) {
        if (t->hashes[i] != h)
            continue;
        for (; at < i; at++)
            p = gaz_next_key(p);
        if (gaz_key_equals(p, key, n)) {
            if (out)
                gaz_fill(t, i, p, out);
            return 1;
        }
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
        if (t->buckets[2 * mid] <= i)
            lo = mid;
        else
            hi = mid;
    }
    const char *p = t->pool + t->buckets[2 * lo + 1];
    for (size_t j = t->buckets[2 * lo]; j < i; j++)
        p = gaz_next_key(p);
    if (out)
        gaz_fill(t, i, p, out);
    return p;
}
