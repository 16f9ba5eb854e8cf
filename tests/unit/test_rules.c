/*
 * test_rules.c: the MONEY, PERCENT, QUANTITY and NORP patterns of
 * ext/ner/rules.h, the choice between overlapping patterns, and the scan's
 * behaviour on empty, huge and ill-formed input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ner/rules.h"
#include "text/sentences.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Renders every match of s as "LABEL[text]=value/unit/country; ...". */
static void render(const char *s, size_t n, const lede_date *anchor, char *out, size_t cap) {
    lede_rules_ctx ctx;
    lede_sent_iter it;
    lede_span sp;
    static lede_token t[512];
    size_t len = 0;
    out[0] = '\0';
    lede_rules_init(&ctx);
    lede_sent_init(&it, s, n);
    while (lede_sent_next(&it, &sp)) {
        lede_tok_iter ti;
        size_t nt = 0;
        lede_tok_init_at(&ti, s, sp.byte_end, sp.byte_start, sp.cp_start);
        while (nt < 512 && lede_tok_next(&ti, &t[nt]))
            nt++;
        assert_int_equal(lede_rules_scan(&ctx, s, n, t, nt, anchor), LEDE_OK);
        for (size_t k = 0; k < ctx.count; k++) {
            const lede_rules_match *m = &ctx.matches[k];
            size_t b = t[m->start].span.byte_start, e = t[m->end - 1].span.byte_end;
            assert_true(m->start < m->end && m->end <= nt);
            if (k)
                assert_true(m->start >= ctx.matches[k - 1].end);
            len += (size_t)snprintf(out + len, cap - len, "%s%s[%.*s]=%s/%s/%s", len ? "; " : "",
                                    lede_ent_label_name(m->label), (int)(e - b), s + b, m->value,
                                    m->unit, m->country);
            if (len >= cap)
                len = cap - 1;
        }
    }
    lede_rules_free(&ctx);
}

typedef struct {
    const char *in;
    const char *out;
} rule_case;

/* clang-format off */
static const rule_case money_cases[] = {
    {"worth $3.64 billion", "MONEY[$3.64 billion]=3640000000/USD/"},
    {"worth approximately 3.5 billion euros", "MONEY[approximately 3.5 billion euros]=3500000000/EUR/"},
    {"US$5 million, €20, £1.2bn and $5m", "MONEY[US$5 million]=5000000/USD/; MONEY[€20]=20/EUR/; "
     "MONEY[£1.2bn]=1200000000/GBP/; MONEY[$5m]=5000000/USD/"},
    {"Rs 500 crore and Rs 2 lakh and ₹70", "MONEY[Rs 500 crore]=5000000000/INR/; "
     "MONEY[Rs 2 lakh]=200000/INR/; MONEY[₹70]=70/INR/"},
    {"5 million yen, USD 300, 300 dollars, 300 USD", "MONEY[5 million yen]=5000000/JPY/; "
     "MONEY[USD 300]=300/USD/; MONEY[300 dollars]=300/USD/; MONEY[300 USD]=300/USD/"},
    {"HK$3, A$4.50, NT$300", "MONEY[HK$3]=3/HKD/; MONEY[A$4.50]=4.5/AUD/; MONEY[NT$300]=300/TWD/"},
    {"twenty-five dollars, half a million dollars, a million euros",
     "MONEY[twenty-five dollars]=25/USD/; MONEY[half a million dollars]=500000/USD/; "
     "MONEY[a million euros]=1000000/EUR/"},
    {"billions of dollars, more than $80, up to $1.2-billion",
     "MONEY[billions of dollars]=2000000000/USD/; MONEY[more than $80]=80/USD/; "
     "MONEY[up to $1.2-billion]=1200000000/USD/"},
    {"5 million US dollars, 84.50 Danish crowns, 5 Taiwan dollars, 7 Swiss francs",
     "MONEY[5 million US dollars]=5000000/USD/; MONEY[84.50 Danish crowns]=84.5/DKK/; "
     "MONEY[5 Taiwan dollars]=5/TWD/; MONEY[7 Swiss francs]=7/CHF/"},
    {"1.2 trillion won; the team won 2 real games; 500 won", "MONEY[1.2 trillion won]=1200000000000/KRW/; "
     "MONEY[500 won]=500/KRW/"},
    {"five pounds of rice, five pounds", "QUANTITY[five pounds]=5/lb/; MONEY[five pounds]=5/GBP/"},
    {"$ and dollars and 5 eur", ""},
};

/* A multiplier before a full stop, a comma or the end of the text, and
   after a currency m is million even where it could be metres (issue 9). */
static const rule_case money_multiplier_cases[] = {
    {"Profits rose to £532m. Revenues were £4.3bn.",
     "MONEY[£532m]=532000000/GBP/; MONEY[£4.3bn]=4300000000/GBP/"},
    {"The grant was €20m. Officials cheered.", "MONEY[€20m]=20000000/EUR/"},
    {"It raised US$5m, then Rs 500 crore.",
     "MONEY[US$5m]=5000000/USD/; MONEY[Rs 500 crore]=5000000000/INR/"},
    {"The tower cost £5m. It stands 5m. Its mast adds 2m.",
     "MONEY[£5m]=5000000/GBP/; QUANTITY[5m]=5/m/; QUANTITY[2m]=2/m/"},
    {"She won a 300m. race and $50k.", "QUANTITY[300m]=300/m/; MONEY[$50k]=50000/USD/"},
};

static const rule_case percent_cases[] = {
    {"rose 5% and 5 percent and 5 per cent and five percent",
     "PERCENT[5%]=5/%/; PERCENT[5 percent]=5/%/; PERCENT[5 per cent]=5/%/; PERCENT[five percent]=5/%/"},
    {"up 3.5 percentage points, 50 basis points, 25 bps",
     "PERCENT[3.5 percentage points]=3.5/pp/; PERCENT[50 basis points]=0.5/pp/; PERCENT[25 bps]=0.25/pp/"},
    {"nearly 90 percent, a 5-percent cut, 5-6% and -0.5%",
     "PERCENT[nearly 90 percent]=90/%/; PERCENT[5-percent]=5/%/; PERCENT[5-6%]=/%/; PERCENT[-0.5%]=-0.5/%/"},
    {"the percent sign, per cent alone", ""},
};

static const rule_case quantity_cases[] = {
    {"300 km, 50 kilometres, 2,000 tonnes, 10 kg, 5 miles, 20 degrees",
     "QUANTITY[300 km]=300/km/; QUANTITY[50 kilometres]=50/km/; QUANTITY[2,000 tonnes]=2000/t/; "
     "QUANTITY[10 kg]=10/kg/; QUANTITY[5 miles]=5/mi/; QUANTITY[20 degrees]=20/°/"},
    {"20 degrees Celsius, 20°C, 70 °F, -5 degrees, minus 3 degrees",
     "QUANTITY[20 degrees Celsius]=20/°C/; QUANTITY[20°C]=20/°C/; QUANTITY[70 °F]=70/°F/; "
     "QUANTITY[-5 degrees]=-5/°/; QUANTITY[minus 3 degrees]=-3/°/"},
    {"a 300-km range, 120 km/h, 60 miles per hour, 1.5 million barrels per day",
     "QUANTITY[300-km]=300/km/; QUANTITY[120 km/h]=120/km/h/; QUANTITY[60 miles per hour]=60/mph/; "
     "QUANTITY[1.5 million barrels per day]=1500000/bbl/d/"},
    {"3,500 hectares, 10 square kilometres, 5 sq km, 400 MW, 2 GWh",
     "QUANTITY[3,500 hectares]=3500/ha/; QUANTITY[10 square kilometres]=10/km2/; "
     "QUANTITY[5 sq km]=5/km2/; QUANTITY[400 MW]=400/MW/; QUANTITY[2 GWh]=2/GWh/"},
    {"thousands of troops, hundreds of people, dozens of them, several hundred people",
     "QUANTITY[thousands of troops]=2000//; QUANTITY[hundreds of people]=200//; "
     "QUANTITY[dozens]=24//; QUANTITY[several hundred people]=200//"},
    {"tens of thousands of protesters, hundreds of miles",
     "QUANTITY[tens of thousands of protesters]=20000//; QUANTITY[hundreds of miles]=200/mi/"},
    {"300 troops, 5 M, 3 in, 7 people", ""},
};

static const rule_case norp_cases[] = {
    {"Japanese, North Korean and Russian officials",
     "NORP[Japanese]=//JP; NORP[North Korean]=//KP; NORP[Russian]=//RU"},
    {"Muslims, Republicans and Europeans", "NORP[Muslims]=//; NORP[Republicans]=//US; NORP[Europeans]=//"},
    {"the European Union, the Republican Party, Saudi Arabia, North Korea", ""},
    {"Christian Lindner met Christian leaders", "NORP[Christian]=//"},
    {"JAPANESE LEADER", "NORP[JAPANESE]=//JP"},
    {"japanese food", ""},
};
/* clang-format on */

static void run_cases(const rule_case *cases, size_t n) {
    char out[2048];
    int bad = 0;
    lede_date a = {2025, 1, 7};
    for (size_t k = 0; k < n; k++) {
        render(cases[k].in, strlen(cases[k].in), &a, out, sizeof out);
        if (strcmp(out, cases[k].out) != 0) {
            print_message("%s\n  got      %s\n  expected %s\n", cases[k].in, out, cases[k].out);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

#define RUN(cases) run_cases(cases, sizeof cases / sizeof cases[0])

static void test_rules_money(void **state) {
    (void)state;
    RUN(money_cases);
}

static void test_rules_money_multiplier_before_stop_comma_end(void **state) {
    (void)state;
    RUN(money_multiplier_cases);
}

/* Every currency form with every multiplier the rules know, glued or spelt
   out, before a full stop mid-text, a comma, the end of the text and a
   final full stop: the match keeps the multiplier and scales the value. */
static void test_rules_money_multiplier_every_form(void **state) {
    (void)state;
    static const struct {
        const char *text, *code;
    } currencies[] = {{"£", "GBP"},   {"$", "USD"}, {"€", "EUR"},   {"US$", "USD"},
                      {"Rs ", "INR"}, {"₹", "INR"}, {"HK$", "HKD"}, {"A$", "AUD"}};
    static const struct {
        const char *text;
        int pow10;
    } multipliers[] = {{"m", 6},        {"mn", 6},       {"mln", 6},        {"M", 6},
                       {"bn", 9},       {"b", 9},        {"bln", 9},        {"B", 9},
                       {"k", 3},        {"K", 3},        {"tn", 12},        {"trn", 12},
                       {" million", 6}, {" billion", 9}, {" trillion", 12}, {" thousand", 3},
                       {" crore", 7},   {" lakh", 5},    {" mn", 6},        {" bn", 9}};
    static const char *const contexts[] = {"Profits rose to %s. Revenues fell.",
                                           "Profits rose to %s, revenues fell.",
                                           "Profits rose to %s", "Profits rose to %s."};
    char amount[64], in[128], want[128], out[512];
    lede_date a = {2025, 1, 7};
    int bad = 0;
    for (size_t c = 0; c < sizeof currencies / sizeof currencies[0]; c++) {
        for (size_t m = 0; m < sizeof multipliers / sizeof multipliers[0]; m++) {
            /* 4.3 x 10^p is "43" and p - 1 zeros */
            char value[32] = "43";
            memset(value + 2, '0', (size_t)multipliers[m].pow10 - 1);
            value[multipliers[m].pow10 + 1] = '\0';
            snprintf(amount, sizeof amount, "%s4.3%s", currencies[c].text, multipliers[m].text);
            snprintf(want, sizeof want, "MONEY[%s]=%s/%s/", amount, value, currencies[c].code);
            for (size_t x = 0; x < sizeof contexts / sizeof contexts[0]; x++) {
                snprintf(in, sizeof in, contexts[x], amount);
                render(in, strlen(in), &a, out, sizeof out);
                if (strcmp(out, want) != 0) {
                    print_message("%s\n  got      %s\n  expected %s\n", in, out, want);
                    bad++;
                }
            }
        }
    }
    assert_int_equal(bad, 0);
}

static void test_rules_percent(void **state) {
    (void)state;
    RUN(percent_cases);
}

static void test_rules_quantity(void **state) {
    (void)state;
    RUN(quantity_cases);
}

static void test_rules_norp(void **state) {
    (void)state;
    RUN(norp_cases);
}

static void test_rules_table_is_sorted(void **state) {
    (void)state;
    assert_true(lede_rules_table_ok());
}

static void rules_currency_report(const char *what, const char *key) {
    print_message("rules.c currency_heads: %s: '%s'\n", what, key);
}

/* The filter in front of the currency lookups must know every currency key
   of the gazetteer, or amounts would be lost. */
static void test_rules_currency_heads_match_gazetteer(void **state) {
    (void)state;
    assert_true(lede_rules_currency_ok(rules_currency_report));
}

static void test_rules_empty_and_null(void **state) {
    (void)state;
    lede_rules_ctx ctx;
    lede_token t;
    lede_rules_init(&ctx);
    assert_int_equal(lede_rules_scan(&ctx, "", 0, NULL, 0, NULL), LEDE_OK);
    assert_int_equal(ctx.count, 0);
    assert_int_equal(lede_rules_scan(&ctx, NULL, 0, &t, 0, NULL), LEDE_OK);
    /* a token whose span lies outside the text is never read */
    memset(&t, 0, sizeof t);
    t.span.byte_start = 10;
    t.span.byte_end = 20;
    t.kind = LEDE_TOK_NUMBER;
    assert_int_equal(lede_rules_scan(&ctx, "2024", 4, &t, 1, NULL), LEDE_OK);
    assert_int_equal(ctx.count, 0);
    lede_rules_free(&ctx);
    lede_rules_free(&ctx); /* twice is harmless */
}

/* Ill-formed UTF-8 and NUL bytes around patterns: no crash, patterns still found. */
static void test_rules_invalid_utf8(void **state) {
    (void)state;
    static const char s[] = "\xFF\xFE $5 \xC3 million \x80 on \xE2\x82 Monday\0 5%\xF0\x9F";
    char out[512];
    lede_date a = {2025, 1, 7};
    render(s, sizeof s - 1, &a, out, sizeof out);
    assert_non_null(strstr(out, "MONEY[$5]=5/USD/"));
    assert_non_null(strstr(out, "DATE[Monday]=2025-01-06"));
    assert_non_null(strstr(out, "PERCENT[5%]=5/%/"));
    /* every byte value once, as one sentence */
    char all[256];
    for (int k = 0; k < 256; k++)
        all[k] = (char)k;
    render(all, sizeof all, &a, out, sizeof out);
}

/* One long sentence: every pattern repeated, matches stay in order and the
   results grow as needed. */
static void test_rules_huge_sentence(void **state) {
    (void)state;
    static const char unit[] = "On Monday, 3.5 billion euros (5%) went 300 km to thousands of "
                               "Japanese troops at 10:30 a.m. ";
    size_t reps = 3000, ul = sizeof unit - 1, n = ul * reps;
    char *s = malloc(n);
    assert_non_null(s);
    for (size_t k = 0; k < reps; k++)
        memcpy(s + k * ul, unit, ul);
    lede_tok_iter it;
    size_t cap = 64, nt = 0;
    lede_token *t = malloc(cap * sizeof *t);
    lede_tok_init(&it, s, n);
    for (;;) {
        if (nt == cap) {
            cap *= 2;
            t = realloc(t, cap * sizeof *t);
            assert_non_null(t);
        }
        if (!lede_tok_next(&it, &t[nt]))
            break;
        nt++;
    }
    lede_rules_ctx ctx;
    lede_date a = {2025, 1, 7};
    lede_rules_init(&ctx);
    assert_int_equal(lede_rules_scan(&ctx, s, n, t, nt, &a), LEDE_OK);
    assert_int_equal(ctx.count, reps * 7);
    for (size_t k = 1; k < ctx.count; k++)
        assert_true(ctx.matches[k].start >= ctx.matches[k - 1].end);
    lede_rules_free(&ctx);
    free(t);
    free(s);
}

/* The same input gives the same matches. */
static void test_rules_deterministic(void **state) {
    (void)state;
    static const char s[] = "Seven decades ago, on Tuesday, $3.64 billion moved 300 km.";
    char a1[512], a2[512];
    lede_date a = {2025, 1, 7};
    render(s, sizeof s - 1, &a, a1, sizeof a1);
    render(s, sizeof s - 1, &a, a2, sizeof a2);
    assert_string_equal(a1, a2);
    assert_string_equal(a1, "DATE[Seven decades ago]=1955//; DATE[Tuesday]=2025-01-07//; "
                            "MONEY[$3.64 billion]=3640000000/USD/; QUANTITY[300 km]=300/km/");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules_money),
        cmocka_unit_test(test_rules_money_multiplier_before_stop_comma_end),
        cmocka_unit_test(test_rules_money_multiplier_every_form),
        cmocka_unit_test(test_rules_percent),
        cmocka_unit_test(test_rules_quantity),
        cmocka_unit_test(test_rules_norp),
        cmocka_unit_test(test_rules_table_is_sorted),
        cmocka_unit_test(test_rules_currency_heads_match_gazetteer),
        cmocka_unit_test(test_rules_empty_and_null),
        cmocka_unit_test(test_rules_invalid_utf8),
        cmocka_unit_test(test_rules_huge_sentence),
        cmocka_unit_test(test_rules_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
