/*
 * test_canon.c: canonical names and countries (ext/ner/canon.h): short
 * person and organisation names, ambiguity, honorifics and possessives,
 * acronyms both ways, country aliases, display normalisation, memory
 * limits and bad spans.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ner/canon.h"

#include <stdio.h>
#include <string.h>

/*
 * A case is a text with entities marked [LABEL text] in order, and the
 * canonical names expected for them ("|" between, country after "@").
 */
typedef struct {
    const char *marked;
    const char *expected;
} canon_case;

static lede_ent_label label_of(const char *l, size_t n) {
    for (int k = 0; k < LEDE_ENT_NLABELS; k++) {
        const char *name = lede_ent_label_name((lede_ent_label)k);
        if (strlen(name) == n && memcmp(name, l, n) == 0)
            return (lede_ent_label)k;
    }
    fail_msg("unknown label %.*s", (int)n, l);
    return LEDE_ENT_MISC;
}

/* Runs case c (with the place cache places, or none) into out: the
   canonical names and countries; into full (when not NULL), the same with
   each entity's GeoNames id and point. */
static void run_lent(const canon_case *c, size_t mem_limit, lede_canon_places *places,
                     int lend_tokens, char *out, size_t cap, char *full, size_t full_cap) {
    char text[2048] = "";
    size_t starts[64], ends[64], n = 0, ne = 0, len = 0;
    lede_ent_label labels[64];
    for (const char *p = c->marked; *p;) {
        if (*p == '[') {
            const char *sp = strchr(p, ' ');
            labels[ne] = label_of(p + 1, (size_t)(sp - p - 1));
            starts[ne] = n;
            p = sp + 1;
            while (*p != ']')
                text[n++] = *p++;
            ends[ne++] = n;
            p++;
        } else {
            text[n++] = *p++;
        }
    }
    /* the text's tokens, lent to canon before each entity when lend_tokens */
    lede_token toks[512];
    size_t nt = 0;
    lede_tok_iter it;
    lede_tok_init(&it, text, n);
    while (nt < 512 && lede_tok_next(&it, &toks[nt]))
        nt++;
    assert_true(nt < 512);
    lede_canon_ctx ctx;
    lede_canon_init(&ctx, text, n, mem_limit);
    lede_canon_use_places(&ctx, places);
    out[0] = '\0';
    size_t flen = 0;
    if (full)
        full[0] = '\0';
    for (size_t k = 0; k < ne; k++) {
        lede_canon_entity e;
        e.byte_start = starts[k];
        e.byte_end = ends[k];
        e.label = labels[k];
        e.country[0] = '\0';
        lede_canon_use_tokens(&ctx, lend_tokens ? toks : NULL, nt);
        assert_int_equal(lede_canon_next(&ctx, &e), LEDE_OK);
        assert_int_equal(strlen(e.canonical), e.canonical_len);
        len += (size_t)snprintf(out + len, cap - len, "%s%s%s%s", k ? "|" : "", e.canonical,
                                e.country[0] ? "@" : "", e.country);
        if (full)
            flen += (size_t)snprintf(full + flen, full_cap - flen, "%s%s@%s#%u:%d:%.5f,%.5f",
                                     k ? "|" : "", e.canonical, e.country, (unsigned)e.geonames,
                                     e.has_point, e.has_point ? e.lat : 0.0,
                                     e.has_point ? e.lon : 0.0);
    }
    lede_canon_free(&ctx);
}

static void run_with(const canon_case *c, size_t mem_limit, lede_canon_places *places, char *out,
                     size_t cap, char *full, size_t full_cap) {
    run_lent(c, mem_limit, places, 0, out, cap, full, full_cap);
}

static void run(const canon_case *c, size_t mem_limit, char *out, size_t cap) {
    run_with(c, mem_limit, NULL, out, cap, NULL, 0);
}

/* clang-format off */
static const canon_case cases[] = {
    /* people */
    {"[PERSON Antony Blinken] met [PERSON Shigeru Ishiba]. [PERSON Blinken] said [PERSON Ishiba]'s view.",
     "Antony Blinken|Shigeru Ishiba|Antony Blinken|Shigeru Ishiba"},
    {"[PERSON Donald Trump] won. [PERSON Mr. Trump] said. [PERSON Trump's] plan. [PERSON TRUMP] again.",
     "Donald Trump|Donald Trump|Donald Trump|Donald Trump"},
    {"[PERSON Donald J. Trump] then [PERSON Donald Trump] and [PERSON Trump].",
     "Donald J. Trump|Donald J. Trump|Donald J. Trump"},
    {"[PERSON Joe Biden] and [PERSON Hunter Biden]; [PERSON Biden] said.",
     "Joe Biden|Hunter Biden|Biden"},
    {"[PERSON Blinken] first, then [PERSON Antony Blinken].", "Blinken|Antony Blinken"},
    {"[PERSON Kim Jong Un] and [PERSON Kim].", "Kim Jong Un|Kim Jong Un"},
    {"[PERSON Dr. Jane Roe] and [PERSON Ms. Roe]", "Jane Roe|Jane Roe"},
    {"[PERSON Mr.] alone", "Mr."},
    /* organisations (one named after a place has its country: rule 5) */
    {"[ORG Nippon Steel Corp] bid; [ORG Nippon Steel] said.", "Nippon Steel Corp|Nippon Steel Corp"},
    {"[ORG European Commission] said. [ORG The Commission] added.",
     "European Commission|European Commission"},
    {"[ORG U.S. State Department] and [ORG State Department]", "U.S. State Department@US|U.S. State Department"},
    {"[ORG OPEC+] and [ORG OPEC]", "OPEC+|OPEC"},
    {"[ORG Helvetia Robotics] then [ORG Helvetia Robotics AG] then [ORG Helvetia]",
     "Helvetia Robotics|Helvetia Robotics AG|Helvetia Robotics AG"},
    {"[ORG Japan Airlines] flew and [ORG Japan] said", "Japan Airlines@JP|Japan@JP"},
    {"[ORG Bank of Japan] and [ORG Bank of England] and [ORG Bank]",
     "Bank of Japan@JP|Bank of England@GB|Bank"},
    /* acronyms */
    {"The [ORG International Atomic Energy Agency] (IAEA) said. The [ORG IAEA] added. [ORG IAEA's] chief.",
     "International Atomic Energy Agency|International Atomic Energy Agency|International Atomic Energy Agency"},
    {"[ORG IAEA] chief warns. The International Atomic Energy Agency (IAEA) met.",
     "International Atomic Energy Agency"},
    {"The [ORG IEA] (International Energy Agency) said; the [ORG IEA] added.",
     "International Energy Agency|International Energy Agency"},
    {"the Group of Seven ([ORG G7]) met; [ORG G7] leaders", "Group of Seven|Group of Seven"},
    {"The Organization of the Petroleum Exporting Countries ([ORG OPEC]) met.",
     "Organization of the Petroleum Exporting Countries"},
    {"the National Disaster Management Agency ([ORG BNPB]) said", "BNPB"},
    {"talks on Sunday (US) and [ORG US] firms", "US@US"},
    {"United States of America ([LOC US]) and [LOC US]", "United States@US|United States@US"},
    /* places and nationalities */
    {"[LOC U.S.], [LOC US], [LOC USA], [LOC America], [LOC United States of America]",
     "United States@US|United States@US|United States@US|United States@US|United States@US"},
    {"[LOC TOKYO] and [LOC Britain] and [LOC the Netherlands] and [LOC Qwertzovia]",
     "Tokyo@JP|United Kingdom@GB|Netherlands@NL|Qwertzovia"},
    {"[NORP Japanese] and [NORP North Korean] and [NORP Muslims]",
     "Japanese@JP|North Korean@KP|Muslims"},
    /* display form */
    {"[MISC Palme  d’Or] and [PERSON O’Brien] and [MISC “Ring of\nFire”]",
     "Palme d'Or|O'Brien|\"Ring of Fire\""},
    {"[MONEY $3.64\n billion] and [DATE Dec.   3]", "$3.64 billion|Dec. 3"},
};
/* clang-format on */

static void test_canon_cases(void **state) {
    (void)state;
    char out[1024];
    int bad = 0;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        run(&cases[k], 0, out, sizeof out);
        if (strcmp(out, cases[k].expected) != 0) {
            print_message("%s\n  got      %s\n  expected %s\n", cases[k].marked, out,
                          cases[k].expected);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

/* A text of many place names, ambiguous ones among them, for the tests
   that compare two ways of reading the same text. */
static const canon_case many_places = {
    "[GPE Paris] and [GPE Paris, Texas] and [GPE Athens], [GPE Georgia]; [GPE Springfield] "
    "in [GPE Illinois]. [LOC Lake Victoria], [GPE Perth] and [GPE Perth], Scotland. "
    "[ORG Athens Police Department] said [GPE Paris] and [GPE Moscow] and [NORP Russian].",
    NULL};

/* A place cache lent to the contexts changes no answer: every case gives
   the same names, countries, places and points without one, with a cache
   that fills as the cases run, and with that cache warm, and so does a text
   of many place names. */
static void test_canon_place_cache_changes_nothing(void **state) {
    (void)state;
    lede_canon_places *cache = lede_canon_places_new();
    assert_non_null(cache);
    char a[2048], b[2048], fa[4096], fb[4096];
    for (int round = 0; round < 2; round++)
        for (size_t k = 0; k <= sizeof cases / sizeof cases[0]; k++) {
            const canon_case *c = k < sizeof cases / sizeof cases[0] ? &cases[k] : &many_places;
            run_with(c, 0, NULL, a, sizeof a, fa, sizeof fa);
            run_with(c, 0, cache, b, sizeof b, fb, sizeof fb);
            assert_string_equal(a, b);
            assert_string_equal(fa, fb);
        }
    lede_canon_places_free(cache);
}

/* Lent the text's tokens (lede_canon_use_tokens), canon reads its place
   names from them and gives every answer it gives when it tokenizes the
   text itself. */
static void test_canon_lent_tokens_change_nothing(void **state) {
    (void)state;
    char a[2048], b[2048], fa[4096], fb[4096];
    for (size_t k = 0; k <= sizeof cases / sizeof cases[0]; k++) {
        const canon_case *c = k < sizeof cases / sizeof cases[0] ? &cases[k] : &many_places;
        run_lent(c, 0, NULL, 0, a, sizeof a, fa, sizeof fa);
        run_lent(c, 0, NULL, 1, b, sizeof b, fb, sizeof fb);
        assert_string_equal(a, b);
        assert_string_equal(fa, fb);
    }
}

/* Past the memory limit names are no longer remembered: later mentions keep
   their own display form, nothing fails. */
static void test_canon_memory_limit(void **state) {
    (void)state;
    static const canon_case c = {"[PERSON Antony Blinken] and [PERSON Blinken]",
                                 "Antony Blinken|Blinken"};
    char out[256];
    run(&c, 64, out, sizeof out);
    assert_string_equal(out, c.expected);
}

/* Spans outside the text, reversed spans and ill-formed UTF-8. */
static void test_canon_bad_input(void **state) {
    (void)state;
    static const char text[] = "\xFF\xC3 Jane \x80Roe\xE2\x82";
    lede_canon_ctx ctx;
    lede_canon_entity e;
    lede_canon_init(&ctx, text, sizeof text - 1, 0);
    e.byte_start = 5;
    e.byte_end = 100;
    e.label = LEDE_ENT_PERSON;
    e.country[0] = '\0';
    assert_int_equal(lede_canon_next(&ctx, &e), LEDE_OK);
    assert_string_equal(e.canonical, "");
    e.byte_start = 6;
    e.byte_end = 2;
    assert_int_equal(lede_canon_next(&ctx, &e), LEDE_OK);
    assert_string_equal(e.canonical, "");
    e.byte_start = 0;
    e.byte_end = sizeof text - 1;
    assert_int_equal(lede_canon_next(&ctx, &e), LEDE_OK);
    assert_string_equal(e.canonical, "\xEF\xBF\xBD\xEF\xBF\xBD Jane \xEF\xBF\xBDRoe\xEF\xBF\xBD");
    lede_canon_free(&ctx);
    /* an empty text */
    lede_canon_init(&ctx, NULL, 0, 0);
    e.byte_start = e.byte_end = 0;
    assert_int_equal(lede_canon_next(&ctx, &e), LEDE_OK);
    assert_string_equal(e.canonical, "");
    lede_canon_free(&ctx);
}

/* Many distinct names sharing one word: lookups stay bounded and correct. */
static void test_canon_many_names(void **state) {
    (void)state;
    static char text[200000];
    size_t n = 0;
    lede_canon_ctx ctx;
    size_t starts[3000], ends[3000];
    for (int k = 0; k < 3000; k++) {
        starts[k] = n;
        n += (size_t)snprintf(text + n, sizeof text - n, "Kim Name%d", k);
        ends[k] = n;
        text[n++] = '.';
        text[n++] = ' ';
    }
    size_t kim = n;
    n += (size_t)snprintf(text + n, sizeof text - n, "Kim");
    lede_canon_init(&ctx, text, n, 0);
    for (int k = 0; k < 3000; k++) {
        lede_canon_entity e = {starts[k], ends[k], LEDE_ENT_PERSON, "", NULL, 0, 0, 0.0, 0.0, 0};
        assert_int_equal(lede_canon_next(&ctx, &e), LEDE_OK);
    }
    lede_canon_entity e = {kim, n, LEDE_ENT_PERSON, "", NULL, 0, 0, 0.0, 0.0, 0};
    assert_int_equal(lede_canon_next(&ctx, &e), LEDE_OK);
    assert_string_equal(e.canonical, "Kim"); /* thousands of Kims: undecided */
    lede_canon_free(&ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_canon_cases),
        cmocka_unit_test(test_canon_place_cache_changes_nothing),
        cmocka_unit_test(test_canon_lent_tokens_change_nothing),
        cmocka_unit_test(test_canon_memory_limit),
        cmocka_unit_test(test_canon_bad_input),
        cmocka_unit_test(test_canon_many_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
