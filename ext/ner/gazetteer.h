/*
 * gazetteer.h: lists of names the entity extractor looks tokens up in:
 * countries and their aliases, ISO country codes, cities, first-level
 * regions, nationality words (demonyms), religious, political and ethnic
 * group words, given names, family names and currency words; and lists of
 * current names: companies, political parties and US politicians.
 *
 * The lists come from public data (Debian's iso-codes, Unicode CLDR,
 * mledoze/countries, GeoNames, the Moby word lists, the 1990 US Census;
 * the S&P 500 constituents, cspell's company dictionary, Party Facts,
 * unitedstates/congress-legislators, with SCOWL's commonest words to weed
 * out noise) and a few hand-kept lists of facts; ext/ner/gen/gazetteer.py
 * turns them into static const tables in gazetteer_data.c (`make regen`),
 * and docs/data-sources.md credits every source and states every threshold.
 *
 * The lists of current names (LEDE_GAZ_COMPANY, _PARTY, _POLITICIAN) are
 * features for the entity model and nothing else: they say "this string is
 * on the list", not what it means in a sentence ("apple" is a company key),
 * and they give no country and no canonical name, so a key they share with
 * a place or a group word keeps that entry's fields, and code that wants
 * places or groups must test those types' bits, never types != 0.
 *
 * Keys are what lede's tokenizer makes of a name: the norm of each token
 * (NFKC + case fold, ext/text/norm.h) joined by single spaces, so
 * "Côte d'Ivoire" is "côte d'ivoire", "U.S." is "u.s." and "HK$" is
 * "hk $". The caller normalises; a lookup is an exact byte match, so
 * "Japan" is not found but "japan" is. One key has one entry: the types of
 * every list that holds it are ORed, and country and canonical come from
 * the first of country, demonym, group, country code, region, city
 * ("georgia" is the country, "victoria" the Australian state, "jewish" a
 * group word with no country); population is always the city's.
 *
 * Everything is read-only data compiled in; nothing is allocated, built or
 * cached at run time, so lookups are safe from any number of threads. A
 * returned canonical name points into that data and lives forever.
 */
#ifndef LEDE_NER_GAZETTEER_H
#define LEDE_NER_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    LEDE_GAZ_COUNTRY = 1u << 0,      /* country name or common alias: "japan", "united states",
                                        "u.s.", "us", "usa", "america", "britain", "uk" */
    LEDE_GAZ_COUNTRY_CODE = 1u << 1, /* ISO 3166-1 alpha-3 or IOC code used alone, as in sports
                                        tables: "ger", "fra" (not the aliases above) */
    LEDE_GAZ_CITY = 1u << 2,         /* a city (GeoNames, population >= threshold) */
    LEDE_GAZ_REGION = 1u << 3,       /* first-level subdivision (ISO 3166-2): "california" */
    LEDE_GAZ_DEMONYM = 1u << 4,      /* nationality word: "japanese", "north korean", "americans" */
    LEDE_GAZ_GROUP = 1u << 5,        /* religious/political/ethnic group word: "muslim" */
    LEDE_GAZ_GIVEN_NAME = 1u << 6,   /* given name */
    LEDE_GAZ_SURNAME = 1u << 7,      /* family name */
    LEDE_GAZ_CURRENCY = 1u << 8,     /* currency name, ISO code or symbol: "euros", "eur", "€" */
    LEDE_GAZ_COMPANY = 1u << 9,      /* company or brand: "apple inc.", "apple", "boeing" */
    LEDE_GAZ_PARTY = 1u << 10,       /* political party, its English name or abbreviation:
                                        "scottish national party", "snp", "labour" */
    LEDE_GAZ_POLITICIAN = 1u << 11   /* full name of a member of the US Congress or a US
                                        president or vice president: "bernie sanders" */
} lede_gaz_type;

/* The number of types. The entity model's features give each type four
   bits of a 64-bit word (features.h, `gaz`), so there can be 16 at most. */
#define LEDE_GAZ_NTYPES 12
_Static_assert(LEDE_GAZ_NTYPES <= 16, "features.h packs 4 bits a type into 64");

typedef struct {
    uint32_t types;        /* OR of lede_gaz_type for every entry with this key */
    char country[3];       /* ISO 3166-1 alpha-2 ("JP") for country, code, city, region, demonym
                              and group entries that have one; "" otherwise. When a key is both a
                              country and a city, the country's. */
    char currency[4];      /* ISO 4217 code ("EUR") for currency entries; "" otherwise */
    const char *canonical; /* NUL-terminated canonical name: the country's common English name
                              for countries, aliases, codes and demonyms ("United States" for
                              "u.s."), the city's name for cities, the region's for regions;
                              NULL when none */
    uint32_t population;   /* cities: population of the largest city with this name; else 0 */
} lede_gaz_entry;

/*
 * Looks up key[0..n): token norms joined by single spaces, exactly as
 * lede_tokens' norm column gives them. Returns 1 and fills *out (when out is
 * not NULL) when found, else 0. Any bytes are accepted: an empty or NULL
 * key, or one holding NUL bytes, is simply not found.
 */
int lede_gaz_lookup(const char *key, size_t n, lede_gaz_entry *out);

/* The largest number of tokens in any key. */
#define LEDE_GAZ_MAX_TOKENS 6

/*
 * Walking the whole table, for tests and tools: lede_gaz_count() keys, and
 * lede_gaz_at(i) gives key i (NUL-terminated, in table order) and fills
 * *out as lede_gaz_lookup would; it returns NULL when i >= the count.
 */
size_t lede_gaz_count(void);
const char *lede_gaz_at(size_t i, lede_gaz_entry *out);

/*
 * The generated tables (gazetteer_data.c), for gazetteer.c only.
 *
 * Record i has info[i] and population[i]; info packs its types (bits 0-15,
 * LEDE_GAZ_INFO_TYPE_BITS of them, room for every type features.h can
 * take), an index into countries (bits 16-23, 0 = none) and an index into
 * currencies (bits 24-31, 0 = none); the data file refuses to compile when
 * it was generated for another layout. Records are grouped by hash bucket:
 * the keys whose 32-bit FNV-1a hash h has h & (nbuckets - 1) == b are
 * records buckets[2b] .. buckets[2b + 2] - 1, and their strings lie in that
 * order in pool from pool[buckets[2b + 1]] on: each key and NUL, then, when
 * the record has a canonical name, a space (no key starts with one), the
 * name and NUL. nbuckets is a power of two.
 */
#define LEDE_GAZ_INFO_TYPE_BITS 16
#define LEDE_GAZ_INFO_COUNTRY_SHIFT 16
#define LEDE_GAZ_INFO_CURRENCY_SHIFT 24
_Static_assert(LEDE_GAZ_NTYPES <= LEDE_GAZ_INFO_TYPE_BITS, "every type has its bit in info");

typedef struct {
    const char *pool;
    size_t pool_size;
    const uint32_t *info;       /* [nrecords] */
    const uint32_t *population; /* [nrecords] */
    size_t nrecords;
    const uint32_t *buckets; /* [2 * (nbuckets + 1)]: first record, pool offset */
    size_t nbuckets;
    const char (*countries)[3]; /* [ncountries]; [0] is "" */
    size_t ncountries;
    const char (*currencies)[4]; /* [ncurrencies]; [0] is "" */
    size_t ncurrencies;
    const uint32_t *hashes; /* [nrecords] the 32-bit FNV-1a hash of each key: a lookup
                               compares these and reads the pool only on a match */
} lede_gaz_tables;

extern const lede_gaz_tables lede_gaz_data;

#endif
