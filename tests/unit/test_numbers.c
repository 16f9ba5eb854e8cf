/*
 * test_numbers.c: exact decimals and number phrases (ext/ner/numbers.h):
 * digit grouping, number words, scale words, vague amounts, formatting
 * without exponent or rounding, and overflow to "no value".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ner/numbers.h"
#include "text/tokens.h"

#include <string.h>

static const char *fmt(const lede_num *x, char *buf, size_t cap) {
    lede_num_format(x, buf, cap);
    return buf;
}

typedef struct {
    const char *in;
    const char *out; /* NULL: not a number */
} num_case;

/* clang-format off */
static const num_case digit_cases[] = {
    {"3.64", "3.64"},          {"2,000", "2000"},       {"1,234,567", "1234567"},
    {"1.234.567", "1234567"},  {"3,5", "3.5"},          {"1,50", "1.5"},
    {"12,34,567", "1234567"},  {"0.05", "0.05"},        {"007", "7"},
    {"5.00", "5"},             {"1,234.5", "1234.5"},   {"1.234,5", "1234.5"},
    {"0", "0"},                {"0.0", "0"},            {"100", "100"},
    {"11/1/2023", NULL},       {"10:30", NULL},         {"1990s", NULL},
    {"5th", NULL},             {"1,2,3", NULL},         {"1..2", NULL},
    {"", NULL},                {",5", NULL},            {"5,", NULL},
    {"1.2.3", NULL},           {"12345678901234567890123456789012345678901234567890", NULL},
};

static const num_case word_cases[] = {
    {"three", "3"},            {"twenty-five", "25"},   {"Seven", "7"},
    {"one hundred", "100"},    {"one hundred and twenty", "120"},
    {"two thousand", "2000"},  {"a", NULL},             {"five six", NULL},
    {"twenty eleven", NULL},   {"million", "1000000"},  {"ninety-nine", "99"},
    {"twenty-", NULL},         {"", NULL},
};
/* clang-format on */

static void test_numbers_parse_digits(void **state) {
    (void)state;
    char buf[80];
    for (size_t k = 0; k < sizeof digit_cases / sizeof digit_cases[0]; k++) {
        lede_num x;
        int ok = lede_num_parse(&x, digit_cases[k].in, strlen(digit_cases[k].in));
        if (!digit_cases[k].out) {
            if (ok)
                fail_msg("%s: read as %s", digit_cases[k].in, fmt(&x, buf, sizeof buf));
            continue;
        }
        if (!ok || strcmp(fmt(&x, buf, sizeof buf), digit_cases[k].out) != 0)
            fail_msg("%s: got %s, expected %s", digit_cases[k].in, ok ? buf : "(none)",
                     digit_cases[k].out);
    }
}

static void test_numbers_parse_words(void **state) {
    (void)state;
    char buf[80];
    for (size_t k = 0; k < sizeof word_cases / sizeof word_cases[0]; k++) {
        lede_num x;
        int ok = lede_num_parse_words(&x, word_cases[k].in, strlen(word_cases[k].in));
        if (!word_cases[k].out) {
            if (ok)
                fail_msg("%s: read as %s", word_cases[k].in, fmt(&x, buf, sizeof buf));
            continue;
        }
        if (!ok || strcmp(fmt(&x, buf, sizeof buf), word_cases[k].out) != 0)
            fail_msg("%s: got %s, expected %s", word_cases[k].in, ok ? buf : "(none)",
                     word_cases[k].out);
    }
}

/* Every word of the tables is found: the binary search needs them sorted. */
static void test_numbers_every_word_is_found(void **state) {
    (void)state;
    static const char *const words[] = {
        "zero",     "one",      "two",     "three",     "four",     "five",     "six",
        "seven",    "eight",    "nine",    "ten",       "eleven",   "twelve",   "thirteen",
        "fourteen", "fifteen",  "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        "thirty",   "forty",    "fifty",   "sixty",     "seventy",  "eighty",   "ninety",
        "hundred",  "thousand", "million", "billion",   "trillion", "bn",       "bln",
        "mn",       "mln",      "tn",      "trn",       "lakh",     "lakhs",    "crore",
        "crores",   "dozen"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        lede_num x;
        if (!lede_num_parse_words(&x, words[k], strlen(words[k])))
            fail_msg("%s not found", words[k]);
    }
    assert_int_equal(lede_num_scale_word("bn", 2, 0), 9);
    assert_int_equal(lede_num_scale_word("crore", 5, 0), 7);
    assert_int_equal(lede_num_scale_word("lakh", 4, 0), 5);
    assert_int_equal(lede_num_scale_word("m", 1, 0), 0);
    assert_int_equal(lede_num_scale_word("m", 1, 1), 6);
    assert_int_equal(lede_num_scale_word("K", 1, 1), 3);
}

static void test_numbers_arithmetic_is_exact(void **state) {
    (void)state;
    char buf[128];
    lede_num x;
    lede_num_parse(&x, "3.64", 4);
    lede_num_shift(&x, 9);
    assert_string_equal(fmt(&x, buf, sizeof buf), "3640000000");
    lede_num_parse(&x, "0.1", 3);
    lede_num_mul(&x, 3);
    assert_string_equal(fmt(&x, buf, sizeof buf), "0.3"); /* no binary rounding */
    lede_num_parse(&x, "50", 2);
    lede_num_shift(&x, -2);
    assert_string_equal(fmt(&x, buf, sizeof buf), "0.5");
    lede_num_set_u64(&x, UINT64_MAX);
    assert_string_equal(fmt(&x, buf, sizeof buf), "18446744073709551615");
    lede_num_set_u64(&x, 7);
    x.neg = 1;
    assert_string_equal(fmt(&x, buf, sizeof buf), "-7");
    /* too large for the value buffer: no value, never a wrong one */
    lede_num_set_u64(&x, 1);
    lede_num_shift(&x, 50);
    assert_int_equal(lede_num_format(&x, buf, 20), 0);
    assert_string_equal(buf, "");
    lede_num_shift(&x, 50); /* exponent out of range */
    assert_false(x.ok);
    /* multiplying past the digit budget fails */
    lede_num_parse(&x, "1234567890123456789012345678901234567890", 40);
    assert_true(x.ok);
    lede_num_mul(&x, 99);
    assert_false(x.ok);
    int64_t v;
    lede_num_parse(&x, "2024", 4);
    assert_true(lede_num_int(&x, 1000, 2999, &v));
    assert_int_equal(v, 2024);
    lede_num_parse(&x, "2.5", 3);
    assert_false(lede_num_int(&x, 0, 10, &v));
}

/* Tokenizes s and reads a phrase at token 0. */
static const char *phrase(const char *s, unsigned flags, char *buf, size_t cap, size_t *end,
                          int *vague) {
    lede_token t[32];
    size_t nt = 0;
    lede_tok_iter it;
    lede_tok_init(&it, s, strlen(s));
    while (nt < 32 && lede_tok_next(&it, &t[nt]))
        nt++;
    lede_num_phrase_out o;
    if (!lede_num_phrase(s, t, nt, 0, flags, &o))
        return NULL;
    *end = o.end;
    *vague = o.vague;
    return fmt(&o.value, buf, cap);
}

typedef struct {
    const char *in;
    unsigned flags;
    const char *value; /* NULL: no phrase */
    size_t end;        /* tokens read */
    int vague;
} phrase_case;

/* clang-format off */
static const phrase_case phrase_cases[] = {
    {"1.5 million people", 0, "1500000", 2, 0},
    {"3.5bn euros", 0, "3500000000", 2, 0},
    {"500 crore rupees", 0, "5000000000", 2, 0},
    {"2 lakh", 0, "200000", 2, 0},
    {"half a million", 0, "500000", 3, 0},
    {"a dozen eggs", 0, "12", 2, 0},
    {"two dozen", 0, "24", 2, 0},
    {"a million", 0, "1000000", 2, 0},
    {"a million", LEDE_NUM_NO_A, NULL, 0, 0},
    {"a man", 0, NULL, 0, 0},
    {"twenty-five years", 0, "25", 1, 0},
    {"two hundred twenty-five", 0, "225", 3, 0},
    {"one hundred and twenty days", 0, "120", 4, 0},
    {"1.2-billion", 0, "1200000000", 1, 0},
    {"5m", LEDE_NUM_MONEY, "5000000", 2, 0},
    {"5m", 0, "5", 1, 0},
    {"5 m", LEDE_NUM_MONEY, "5", 1, 0},
    {"seven", LEDE_NUM_NO_WORDS, NULL, 0, 0},
    {"thousands of troops", LEDE_NUM_ALLOW_VAGUE, "2000", 1, 1},
    {"thousands of troops", 0, NULL, 0, 0},
    {"tens of thousands of people", LEDE_NUM_ALLOW_VAGUE, "20000", 3, 1},
    {"hundreds of millions", LEDE_NUM_ALLOW_VAGUE, "200000000", 3, 1},
    {"dozens", LEDE_NUM_ALLOW_VAGUE, "24", 1, 1},
    {"several hundred", LEDE_NUM_ALLOW_VAGUE, "200", 2, 1},
    {"a few thousand", LEDE_NUM_ALLOW_VAGUE, "2000", 3, 1},
    {"tens", LEDE_NUM_ALLOW_VAGUE, NULL, 0, 0},
    {"2,000 tonnes", 0, "2000", 1, 0},
};
/* clang-format on */

static void test_numbers_phrases(void **state) {
    (void)state;
    for (size_t k = 0; k < sizeof phrase_cases / sizeof phrase_cases[0]; k++) {
        const phrase_case *c = &phrase_cases[k];
        char buf[80];
        size_t end = 0;
        int vague = 0;
        const char *v = phrase(c->in, c->flags, buf, sizeof buf, &end, &vague);
        if (!c->value) {
            if (v)
                fail_msg("%s: read as %s", c->in, v);
            continue;
        }
        if (!v || strcmp(v, c->value) || end != c->end || vague != c->vague)
            fail_msg("%s: got %s (end %zu, vague %d), expected %s (end %zu, vague %d)", c->in,
                     v ? v : "(none)", end, vague, c->value, c->end, c->vague);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers_parse_digits),
        cmocka_unit_test(test_numbers_parse_words),
        cmocka_unit_test(test_numbers_every_word_is_found),
        cmocka_unit_test(test_numbers_arithmetic_is_exact),
        cmocka_unit_test(test_numbers_phrases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
