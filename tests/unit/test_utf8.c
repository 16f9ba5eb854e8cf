/*
 * test_utf8.c: the UTF-8 stepping rule of ext/text/utf8.h, class by class
 * of ill-formed input, and agreement with SQLite's character count.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "text/utf8.h"

#include <string.h>

typedef struct {
    const char *name;
    const char *bytes;
    size_t n;
    size_t chars;         /* characters SQLite's length() counts */
    uint32_t first_value; /* value of the first character */
} utf8_case;

/* clang-format off */
static const utf8_case utf8_cases[] = {
    {"ascii", "abc", 3, 3, 'a'},
    {"two-byte", "\xC3\xA9t\xC3\xA9", 5, 3, 0xE9},
    {"three-byte", "\xE2\x80\x94", 3, 1, 0x2014},
    {"four-byte", "\xF0\x9F\x98\x80", 4, 1, 0x1F600},
    {"stray continuation", "\x80" "a", 2, 2, 0xFFFD},
    {"two stray continuations", "\x80\x80", 2, 2, 0xFFFD},
    {"truncated three-byte", "\xE2\x80" "a", 3, 2, 0xFFFD},
    {"truncated at end", "\xE2\x80", 2, 1, 0xFFFD},
    {"overlong slash", "\xC0\xAF", 2, 1, 0xFFFD},
    {"overlong three-byte", "\xE0\x80\xAF", 3, 1, 0xFFFD},
    {"surrogate", "\xED\xA0\x80", 3, 1, 0xFFFD},
    {"above U+10FFFF", "\xF4\x90\x80\x80", 4, 1, 0xFFFD},
    {"lead F8", "\xF8\x88\x80\x80\x80", 5, 1, 0xFFFD},
    {"lead FF alone", "\xFF" "a", 2, 2, 0xFFFD},
    {"too many continuations", "\xC3\xA9\xA9\xA9", 4, 1, 0xFFFD},
    {"NUL inside", "a\0b", 3, 3, 'a'},
};
/* clang-format on */

static void test_utf8_steps_like_sqlite(void **state) {
    (void)state;
    for (size_t k = 0; k < sizeof utf8_cases / sizeof utf8_cases[0]; k++) {
        const utf8_case *c = &utf8_cases[k];
        uint32_t cp;
        size_t count = 0, i = 0;
        lede_utf8_next(c->bytes, c->n, 0, &cp);
        if (cp != c->first_value)
            fail_msg("%s: first value %x, expected %x", c->name, cp, c->first_value);
        while (i < c->n) {
            i = lede_utf8_next(c->bytes, c->n, i, &cp);
            count++;
        }
        if (count != c->chars || lede_utf8_count(c->bytes, c->n) != c->chars)
            fail_msg("%s: %zu characters, expected %zu", c->name, count, c->chars);
    }
}

static void test_utf8_encode_round_trips(void **state) {
    (void)state;
    const uint32_t values[] = {0x24, 0xA2, 0x939, 0x20AC, 0xD55C, 0x10348, 0x10FFFF};
    for (size_t k = 0; k < sizeof values / sizeof values[0]; k++) {
        char buf[4];
        size_t m = lede_utf8_encode(values[k], buf);
        uint32_t back;
        assert_int_equal(lede_utf8_next(buf, m, 0, &back), m);
        assert_int_equal(back, values[k]);
        assert_true(lede_utf8_valid(buf, m));
    }
}

static void test_utf8_valid_rejects_each_bad_class(void **state) {
    (void)state;
    for (size_t k = 0; k < sizeof utf8_cases / sizeof utf8_cases[0]; k++) {
        const utf8_case *c = &utf8_cases[k];
        int good = c->first_value != 0xFFFD;
        if (lede_utf8_valid(c->bytes, c->n) != good)
            fail_msg("%s: valid() says %d", c->name, !good);
    }
    assert_true(lede_utf8_valid("\xEF\xBF\xBD", 3)); /* U+FFFD spelled out is fine */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_steps_like_sqlite),
        cmocka_unit_test(test_utf8_encode_round_trips),
        cmocka_unit_test(test_utf8_valid_rejects_each_bad_class),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
