/*
 * test_gazetteer.c: lookups in the generated gazetteer (ext/ner/gazetteer.h)
 * for each list, aliases and their canonical names, multi-token keys, case,
 * misses, the noise the lists of current names leave out, the invariants of
 * the whole table, and agreement between its keys and what the tokenizer
 * makes of the same names in running text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ner/gazetteer.h"
#include "text/norm.h"
#include "text/tokens.h"

#include <string.h>

#define ALL_TYPES ((1u << LEDE_GAZ_NTYPES) - 1u)
#define NAME_TYPES (LEDE_GAZ_COMPANY | LEDE_GAZ_PARTY | LEDE_GAZ_POLITICIAN)

typedef struct {
    const char *key;
    uint32_t types;        /* types the entry must have (it may have more) */
    const char *country;   /* expected country */
    const char *currency;  /* expected currency */
    const char *canonical; /* expected canonical, or NULL for none */
} gaz_case;

/* clang-format off */
static const gaz_case gaz_cases[] = {
    /* countries, their aliases and the canonical name news uses */
    {"japan", LEDE_GAZ_COUNTRY, "JP", "", "Japan"},
    {"united states", LEDE_GAZ_COUNTRY, "US", "", "United States"},
    {"u.s.", LEDE_GAZ_COUNTRY, "US", "", "United States"},
    {"us", LEDE_GAZ_COUNTRY, "US", "", "United States"},
    {"america", LEDE_GAZ_COUNTRY, "US", "", "United States"},
    {"united states of america", LEDE_GAZ_COUNTRY, "US", "", "United States"},
    {"britain", LEDE_GAZ_COUNTRY, "GB", "", "United Kingdom"},
    {"uk", LEDE_GAZ_COUNTRY, "GB", "", "United Kingdom"},
    {"south korea", LEDE_GAZ_COUNTRY, "KR", "", "South Korea"},
    {"republic of korea", LEDE_GAZ_COUNTRY, "KR", "", "South Korea"},
    {"north korea", LEDE_GAZ_COUNTRY, "KP", "", "North Korea"},
    {"dprk", LEDE_GAZ_COUNTRY, "KP", "", "North Korea"},
    {"russian federation", LEDE_GAZ_COUNTRY, "RU", "", "Russia"},
    {"viet nam", LEDE_GAZ_COUNTRY, "VN", "", "Vietnam"},
    {"czechia", LEDE_GAZ_COUNTRY, "CZ", "", "Czech Republic"},
    {"côte d'ivoire", LEDE_GAZ_COUNTRY, "CI", "", "Ivory Coast"},
    {"cote d'ivoire", LEDE_GAZ_COUNTRY, "CI", "", "Ivory Coast"},
    {"côte d\xE2\x80\x99ivoire", LEDE_GAZ_COUNTRY, "CI", "", "Ivory Coast"},
    {"burma", LEDE_GAZ_COUNTRY, "MM", "", "Myanmar"},
    {"kosovo", LEDE_GAZ_COUNTRY, "XK", "", "Kosovo"},
    /* a country and a region: the country's fields */
    {"georgia", LEDE_GAZ_COUNTRY | LEDE_GAZ_REGION, "GE", "", "Georgia"},
    /* codes used alone: ISO alpha-3 and IOC */
    {"jpn", LEDE_GAZ_COUNTRY_CODE, "JP", "", "Japan"},
    {"fra", LEDE_GAZ_COUNTRY_CODE, "FR", "", "France"},
    {"deu", LEDE_GAZ_COUNTRY_CODE, "DE", "", "Germany"},
    {"ger", LEDE_GAZ_COUNTRY_CODE, "DE", "", "Germany"},
    {"usa", LEDE_GAZ_COUNTRY | LEDE_GAZ_COUNTRY_CODE, "US", "", "United States"},
    /* cities */
    {"new york city", LEDE_GAZ_CITY, "US", "", "New York City"},
    {"são paulo", LEDE_GAZ_CITY, "BR", "", "São Paulo"},
    {"sao paulo", LEDE_GAZ_CITY, "BR", "", "São Paulo"},
    {"st. petersburg", LEDE_GAZ_CITY, "RU", "", "Saint Petersburg"},
    {"ho chi minh city", LEDE_GAZ_CITY, "VN", "", "Ho Chi Minh City"},
    {"mumbai", LEDE_GAZ_CITY, "IN", "", "Mumbai"},
    /* ambiguous words stay: the model weighs them */
    {"mobile", LEDE_GAZ_CITY, "US", "", "Mobile"},
    {"nice", LEDE_GAZ_CITY, "FR", "", "Nice"},
    {"reading", LEDE_GAZ_CITY, "GB", "", "Reading"},
    /* regions: English names from CLDR, local ones from ISO 3166-2 */
    {"california", LEDE_GAZ_REGION, "US", "", "California"},
    {"bavaria", LEDE_GAZ_REGION, "DE", "", "Bavaria"},
    {"bayern", LEDE_GAZ_REGION, "DE", "", "Bavaria"},
    {"okinawa", LEDE_GAZ_REGION, "JP", "", "Okinawa"},
    {"tokyo", LEDE_GAZ_REGION | LEDE_GAZ_CITY, "JP", "", "Tokyo"},
    {"catalonia", LEDE_GAZ_REGION, "ES", "", "Catalonia"},
    /* demonyms */
    {"japanese", LEDE_GAZ_DEMONYM, "JP", "", "Japan"},
    {"north korean", LEDE_GAZ_DEMONYM, "KP", "", "North Korea"},
    {"north koreans", LEDE_GAZ_DEMONYM, "KP", "", "North Korea"},
    {"americans", LEDE_GAZ_DEMONYM, "US", "", "United States"},
    {"british", LEDE_GAZ_DEMONYM, "GB", "", "United Kingdom"},
    {"britons", LEDE_GAZ_DEMONYM, "GB", "", "United Kingdom"},
    {"poles", LEDE_GAZ_DEMONYM, "PL", "", "Poland"},
    {"congolese", LEDE_GAZ_DEMONYM, "CD", "", "Democratic Republic of the Congo"},
    /* groups */
    {"muslim", LEDE_GAZ_GROUP, "", "", NULL},
    {"muslims", LEDE_GAZ_GROUP, "", "", NULL},
    {"republicans", LEDE_GAZ_GROUP, "US", "", NULL},
    {"tories", LEDE_GAZ_GROUP, "GB", "", NULL},
    {"kurdish", LEDE_GAZ_GROUP, "", "", NULL},
    {"shiite", LEDE_GAZ_GROUP, "", "", NULL},
    {"jewish", LEDE_GAZ_GROUP, "", "", NULL},
    {"uyghurs", LEDE_GAZ_GROUP, "CN", "", NULL},
    /* names */
    {"john", LEDE_GAZ_GIVEN_NAME, "", "", NULL},
    {"margaret", LEDE_GAZ_GIVEN_NAME, "", "", NULL},
    {"smith", LEDE_GAZ_SURNAME, "", "", NULL},
    {"nguyen", LEDE_GAZ_SURNAME, "", "", NULL},
    /* a given name that is also a city (Mary, Turkmenistan) keeps both */
    {"mary", LEDE_GAZ_GIVEN_NAME | LEDE_GAZ_CITY, "TM", "", "Mary"},
    /* currencies: unit words, ISO names and codes, symbols */
    {"euros", LEDE_GAZ_CURRENCY, "", "EUR", NULL},
    {"eur", LEDE_GAZ_CURRENCY, "", "EUR", NULL},
    {"\xE2\x82\xAC", LEDE_GAZ_CURRENCY, "", "EUR", NULL},
    {"$", LEDE_GAZ_CURRENCY, "", "USD", NULL},
    {"us $", LEDE_GAZ_CURRENCY, "", "USD", NULL},
    {"hk $", LEDE_GAZ_CURRENCY, "", "HKD", NULL},
    {"yen", LEDE_GAZ_CURRENCY, "", "JPY", NULL},
    {"\xC2\xA5", LEDE_GAZ_CURRENCY, "", "JPY", NULL},
    {"pounds sterling", LEDE_GAZ_CURRENCY, "", "GBP", NULL},
    {"yuan", LEDE_GAZ_CURRENCY, "", "CNY", NULL},
    {"kuwaiti dinars", LEDE_GAZ_CURRENCY, "", "KWD", NULL},
    {"rubles", LEDE_GAZ_CURRENCY, "", "RUB", NULL},
    {"roubles", LEDE_GAZ_CURRENCY, "", "RUB", NULL},
    /* companies: S&P 500 names and their short forms, cspell's brands */
    {"apple inc.", LEDE_GAZ_COMPANY, "", "", NULL},
    {"apple", LEDE_GAZ_COMPANY, "", "", NULL},       /* a common word, kept: it is the name */
    {"target", LEDE_GAZ_COMPANY, "", "", NULL},
    {"exxonmobil", LEDE_GAZ_COMPANY, "", "", NULL},
    {"the coca-cola company", LEDE_GAZ_COMPANY, "", "", NULL}, /* "Coca-Cola Company (The)" */
    {"coca-cola", LEDE_GAZ_COMPANY, "", "", NULL},
    {"eli lilly", LEDE_GAZ_COMPANY, "", "", NULL},   /* "Lilly (Eli)" */
    {"merck", LEDE_GAZ_COMPANY, "", "", NULL},       /* "Merck & Co." */
    {"boeing", LEDE_GAZ_COMPANY, "", "", NULL},
    {"siemens", LEDE_GAZ_COMPANY | LEDE_GAZ_SURNAME, "", "", NULL},
    /* a place keeps its own fields when a company shares its name */
    {"hartford", LEDE_GAZ_COMPANY | LEDE_GAZ_CITY, "US", "", "Hartford"},
    /* parties: full names, English names, abbreviations */
    {"republican party", LEDE_GAZ_PARTY, "", "", NULL},
    {"democratic party", LEDE_GAZ_PARTY, "", "", NULL},
    {"labour party", LEDE_GAZ_PARTY, "", "", NULL},
    {"labour", LEDE_GAZ_PARTY | LEDE_GAZ_GROUP, "GB", "", NULL},
    {"scottish national party", LEDE_GAZ_PARTY, "", "", NULL},
    {"snp", LEDE_GAZ_PARTY, "", "", NULL},
    {"bharatiya janata party", LEDE_GAZ_PARTY, "", "", NULL},
    {"bjp", LEDE_GAZ_PARTY, "", "", NULL},
    {"african national congress", LEDE_GAZ_PARTY, "", "", NULL},
    {"rassemblement national", LEDE_GAZ_PARTY, "", "", NULL},
    /* politicians: members of Congress, presidents and vice presidents */
    {"bernie sanders", LEDE_GAZ_POLITICIAN, "", "", NULL},   /* nickname + last */
    {"bernard sanders", LEDE_GAZ_POLITICIAN, "", "", NULL},  /* first + last */
    {"chuck schumer", LEDE_GAZ_POLITICIAN, "", "", NULL},
    {"alexandria ocasio-cortez", LEDE_GAZ_POLITICIAN, "", "", NULL},
    {"ben ray luján", LEDE_GAZ_POLITICIAN, "", "", NULL},
    {"ben ray lujan", LEDE_GAZ_POLITICIAN, "", "", NULL},
    {"henry c. johnson jr.", LEDE_GAZ_POLITICIAN, "", "", NULL}, /* Henry C. "Hank" Johnson, Jr. */
    {"abraham lincoln", LEDE_GAZ_POLITICIAN, "", "", NULL},
    {"joe biden", LEDE_GAZ_POLITICIAN, "", "", NULL},
    {"kamala harris", LEDE_GAZ_POLITICIAN, "", "", NULL},
};
/* clang-format on */

static void test_gazetteer_finds_each_list(void **state) {
    (void)state;
    for (size_t k = 0; k < sizeof gaz_cases / sizeof gaz_cases[0]; k++) {
        const gaz_case *c = &gaz_cases[k];
        lede_gaz_entry e;
        if (!lede_gaz_lookup(c->key, strlen(c->key), &e))
            fail_msg("\"%s\": not found", c->key);
        if ((e.types & c->types) != c->types)
            fail_msg("\"%s\": types %x lack %x", c->key, e.types, c->types);
        if (strcmp(e.country, c->country) != 0)
            fail_msg("\"%s\": country \"%s\", expected \"%s\"", c->key, e.country, c->country);
        if (strcmp(e.currency, c->currency) != 0)
            fail_msg("\"%s\": currency \"%s\", expected \"%s\"", c->key, e.currency, c->currency);
        if (c->canonical == NULL ? e.canonical != NULL
                                 : e.canonical == NULL || strcmp(e.canonical, c->canonical))
            fail_msg("\"%s\": canonical \"%s\", expected \"%s\"", c->key,
                     e.canonical ? e.canonical : "(none)", c->canonical ? c->canonical : "(none)");
    }
}

static void test_gazetteer_city_population_is_the_largest(void **state) {
    (void)state;
    lede_gaz_entry e;
    assert_true(lede_gaz_lookup("tokyo", 5, &e));
    assert_true(e.population > 5000000u);
    /* London, England, not London, Ontario */
    assert_true(lede_gaz_lookup("london", 6, &e));
    assert_string_equal(e.country, "GB");
    assert_true(e.population > 5000000u);
    /* not a city: no population */
    assert_true(lede_gaz_lookup("japan", 5, &e));
    assert_int_equal(e.population, 0);
}

static void test_gazetteer_drops_cities_named_by_function_words(void **state) {
    (void)state;
    static const char *const words[] = {"of", "as", "the", "and", "is", "will", "may"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        lede_gaz_entry e;
        if (lede_gaz_lookup(words[k], strlen(words[k]), &e) && (e.types & LEDE_GAZ_CITY))
            fail_msg("\"%s\" is a city", words[k]);
    }
}

/* Noise the lists of current names leave out (docs/data-sources.md): common
   words from cspell's word list, its words of place names and legal forms,
   short or clashing party abbreviations, short forms news does not use. */
static void test_gazetteer_current_names_leave_noise_out(void **state) {
    (void)state;
    /* clang-format off */
    static const char *const keys[] = {
        "the", "business", "capital", "group", /* cspell: common words */
        "tokyo", "british", "canada",         /* cspell: places and nationalities */
        "los", "hong", "buenos",              /* cspell: words of a large place's name */
        "inc", "ltd", "gmbh",                 /* legal forms ("INC" is also a party) */
        "eu", "pp", "ed",                     /* party abbreviations under 3 characters */
        "deu", "laos",                        /* party abbreviations that are places */
        "news", "southern",                   /* not short forms of News Corp, Southern Co. */
        "voice", "spring",                    /* English glosses of parties' names */
        "japan", "london", "john", "euros",   /* the places and words of the other lists */
    };
    /* clang-format on */
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        lede_gaz_entry e;
        if (lede_gaz_lookup(keys[k], strlen(keys[k]), &e) && (e.types & NAME_TYPES))
            fail_msg("\"%s\": types %x hold a list of current names", keys[k], e.types);
    }
}

static void test_gazetteer_keys_are_normalised_by_the_caller(void **state) {
    (void)state;
    assert_true(lede_gaz_lookup("japan", 5, NULL));
    assert_false(lede_gaz_lookup("Japan", 5, NULL));
    assert_false(lede_gaz_lookup("JAPAN", 5, NULL));
    assert_false(lede_gaz_lookup("U.S.", 4, NULL));
    assert_false(lede_gaz_lookup("north  korea", 12, NULL)); /* two spaces */
    assert_false(lede_gaz_lookup("hk$", 3, NULL));           /* tokens are "hk" "$" */
}

static void test_gazetteer_misses(void **state) {
    (void)state;
    lede_gaz_entry e;
    memset(&e, 0x5A, sizeof e);
    assert_false(lede_gaz_lookup("xyzzy", 5, &e));
    assert_false(lede_gaz_lookup("", 0, &e));
    assert_false(lede_gaz_lookup(NULL, 0, &e));
    assert_false(lede_gaz_lookup(NULL, 5, &e));
    assert_false(lede_gaz_lookup("japan ", 6, &e));
    assert_false(lede_gaz_lookup(" japan", 6, &e));
    assert_false(lede_gaz_lookup("japa", 4, &e));
    assert_false(lede_gaz_lookup("japanx", 6, &e));
    assert_false(lede_gaz_lookup("japan\0", 6, &e));
    assert_false(lede_gaz_lookup("ja\0an", 5, &e));
    assert_false(lede_gaz_lookup("\xFF\xFE", 2, &e));
    /* the length is what counts, not a terminator */
    assert_true(lede_gaz_lookup("japanese", 5, &e));
    assert_string_equal(e.canonical, "Japan");
}

/* Number of tokens in a key: single spaces separate them. */
static size_t key_tokens(const char *k) {
    size_t n = 1;
    for (; *k; k++)
        n += *k == ' ';
    return n;
}

static int is_upper_code(const char *s, size_t len) {
    for (size_t i = 0; i < len; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return s[len] == '\0';
}

static void test_gazetteer_table_invariants(void **state) {
    (void)state;
    size_t n = lede_gaz_count(), longest = 0;
    size_t per_type[LEDE_GAZ_NTYPES] = {0};
    assert_true(n > 50000);
    assert_null(lede_gaz_at(n, NULL));
    for (size_t i = 0; i < n; i++) {
        lede_gaz_entry e, f;
        const char *k = lede_gaz_at(i, &e);
        assert_non_null(k);
        size_t len = strlen(k);
        if (len == 0 || k[0] == ' ' || k[len - 1] == ' ' || strstr(k, "  "))
            fail_msg("key %zu \"%s\": empty, or spaces at an end or doubled", i, k);
        for (size_t j = 0; j < len; j++)
            if (k[j] >= 'A' && k[j] <= 'Z')
                fail_msg("key \"%s\": not case-folded", k);
        size_t tokens = key_tokens(k);
        if (tokens > LEDE_GAZ_MAX_TOKENS)
            fail_msg("key \"%s\": %zu tokens", k, tokens);
        if (tokens > longest)
            longest = tokens;
        if (e.types == 0 || (e.types & ~ALL_TYPES))
            fail_msg("key \"%s\": types %x", k, e.types);
        for (unsigned t = 0; t < LEDE_GAZ_NTYPES; t++)
            per_type[t] += (e.types >> t) & 1u;
        if (!(e.country[0] == '\0' || is_upper_code(e.country, 2)))
            fail_msg("key \"%s\": country \"%.3s\"", k, e.country);
        if (!(e.currency[0] == '\0' || is_upper_code(e.currency, 3)))
            fail_msg("key \"%s\": currency \"%.4s\"", k, e.currency);
        if (!(e.types & LEDE_GAZ_CURRENCY) != !e.currency[0])
            fail_msg("key \"%s\": currency type and code disagree", k);
        if (!(e.types & LEDE_GAZ_CITY) != !e.population)
            fail_msg("key \"%s\": city type and population disagree", k);
        if ((e.types & (LEDE_GAZ_COUNTRY | LEDE_GAZ_COUNTRY_CODE | LEDE_GAZ_DEMONYM)) &&
            (!e.country[0] || !e.canonical || !e.canonical[0]))
            fail_msg("key \"%s\": a country word without country or canonical name", k);
        if (e.canonical && !e.canonical[0])
            fail_msg("key \"%s\": empty canonical name", k);
        /* the lists of current names are features only: no country, no canonical name */
        if (!(e.types & ~NAME_TYPES) && (e.country[0] || e.canonical))
            fail_msg("key \"%s\": only a current name, yet a country or canonical name", k);
        /* every key is found, and finds this very record */
        if (!lede_gaz_lookup(k, len, &f) || f.types != e.types || f.canonical != e.canonical ||
            f.population != e.population || memcmp(f.country, e.country, 3) ||
            memcmp(f.currency, e.currency, 4))
            fail_msg("key \"%s\": lookup disagrees with the table", k);
    }
    assert_int_equal(longest, LEDE_GAZ_MAX_TOKENS);
    for (unsigned t = 0; t < LEDE_GAZ_NTYPES; t++)
        if (per_type[t] == 0)
            fail_msg("no key of type %x", 1u << t);
}

/* Looks up raw text as a caller would: tokenize, normalise, join with spaces. */
static int lookup_text(const char *text, lede_gaz_entry *out) {
    char key[256];
    size_t n = 0;
    lede_norm_buf nb;
    memset(&nb, 0, sizeof nb);
    lede_tok_iter it;
    lede_token tok;
    lede_tok_init(&it, text, strlen(text));
    while (lede_tok_next(&it, &tok)) {
        const char *norm;
        size_t len;
        size_t tb = tok.span.byte_start;
        assert_int_equal(lede_text_norm(&nb, text + tb, tok.span.byte_end - tb, &norm, &len),
                         LEDE_OK);
        assert_true(n + len + 1 < sizeof key);
        if (n)
            key[n++] = ' ';
        memcpy(key + n, norm, len);
        n += len;
    }
    lede_norm_buf_free(&nb);
    return lede_gaz_lookup(key, n, out);
}

static void test_gazetteer_keys_match_the_tokenizer(void **state) {
    (void)state;
    /* clang-format off */
    static const struct { const char *text; const char *country; const char *currency; } cases[] = {
        {"U.S.", "US", ""},
        {"U.K.", "GB", ""},
        {"People's Republic of China", "CN", ""},
        {"C\xC3\xB4te d\xE2\x80\x99Ivoire", "CI", ""},
        {"FRANCE", "FR", ""},
        {"S\xC3\xA3o Paulo", "BR", ""},
        {"St. Petersburg", "RU", ""},
        {"Guinea-Bissau", "GW", ""},
        {"North Korean", "KP", ""},
        {"Shi'ites", "", ""},
        {"HK$", "", "HKD"},
        {"US$", "", "USD"},
        {"\xEF\xBF\xA5", "", "JPY"}, /* fullwidth yen sign: NFKC makes it U+00A5 */
        {"Apple Inc.", "", ""},
        {"O\xE2\x80\x99Reilly Automotive", "", ""},
        {"Bernie Sanders", "", ""},
        {"J.D. Vance", "", ""},
        {"Fratelli d'Italia", "", ""},
    };
    /* clang-format on */
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        lede_gaz_entry e;
        if (!lookup_text(cases[k].text, &e))
            fail_msg("\"%s\": not found", cases[k].text);
        if (strcmp(e.country, cases[k].country) || strcmp(e.currency, cases[k].currency))
            fail_msg("\"%s\": %s/%s", cases[k].text, e.country, e.currency);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gazetteer_finds_each_list),
        cmocka_unit_test(test_gazetteer_city_population_is_the_largest),
        cmocka_unit_test(test_gazetteer_drops_cities_named_by_function_words),
        cmocka_unit_test(test_gazetteer_current_names_leave_noise_out),
        cmocka_unit_test(test_gazetteer_keys_are_normalised_by_the_caller),
        cmocka_unit_test(test_gazetteer_misses),
        cmocka_unit_test(test_gazetteer_table_invariants),
        cmocka_unit_test(test_gazetteer_keys_match_the_tokenizer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
