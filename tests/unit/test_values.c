/*
 * test_values.c: the values of CARDINAL and ORDINAL spans (ext/ner/values.h),
 * read from the tokens of phrases written for these tests.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ner/values.h"

#include <string.h>

typedef struct {
    const char *text, *value; /* value "" when none */
} value_case;

/* The value of the whole of text as a CARDINAL (ordinal = 0) or ORDINAL. */
static void value_of(const char *text, int ordinal, char *out, size_t cap) {
    lede_token t[32];
    size_t n = 0;
    lede_tok_iter it;
    lede_tok_init(&it, text, strlen(text));
    while (n < 32 && lede_tok_next(&it, &t[n]))
        n++;
    size_t len = ordinal ? lede_ner_value_ordinal(text, t, n, out, cap)
                         : lede_ner_value_cardinal(text, t, n, out, cap);
    assert_int_equal(len, strlen(out));
}

static void check_cases(const value_case *cases, size_t n, int ordinal) {
    for (size_t k = 0; k < n; k++) {
        char out[48];
        value_of(cases[k].text, ordinal, out, sizeof out);
        if (strcmp(out, cases[k].value) != 0)
            fail_msg("%s: got '%s', want '%s'", cases[k].text, out, cases[k].value);
    }
}

static void test_values_cardinals_read_digits_and_words(void **state) {
    (void)state;
    static const value_case cases[] = {
        {"three", "3"},
        {"1,200", "1200"},
        {"2.5 million", "2500000"},
        {"about 40", "40"},
        {"twenty-five", "25"},
        {"one hundred and twenty", "120"},
        {"thousands", "2000"},
        {"a dozen", "12"},
        {"none at all", ""},
        {"", ""},
    };
    check_cases(cases, sizeof cases / sizeof *cases, 0);
}

static void test_values_ordinals_read_suffixes_and_words(void **state) {
    (void)state;
    static const value_case cases[] = {
        {"first", "1"},     {"3rd", "3"},          {"21st", "21"},          {"12th", "12"},
        {"Twelfth", "12"},  {"twentieth", "20"},   {"twenty-first", "21"},  {"twenty first", "21"},
        {"hundredth", "100"}, {"the 75th", "75"},  {"5", ""},               {"thirty-tenth", ""},
        {"4x", ""},         {"", ""},
    };
    check_cases(cases, sizeof cases / sizeof *cases, 1);
}

static void test_values_small_buffers_give_nothing(void **state) {
    (void)state;
    char out[3];
    value_of("21st", 1, out, sizeof out);
    assert_string_equal(out, "21");
    char tiny[2];
    value_of("121st", 1, tiny, sizeof tiny);
    assert_string_equal(tiny, "");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values_cardinals_read_digits_and_words),
        cmocka_unit_test(test_values_ordinals_read_suffixes_and_words),
        cmocka_unit_test(test_values_small_buffers_give_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
