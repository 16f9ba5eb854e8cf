/*
 * test_hash.c: FNV-1a 64 of ext/corpus/hash.h against the published test
 * values, and its hex form.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "corpus/hash.h"

#include <string.h>

static void test_hash_known_values(void **state) {
    (void)state;
    assert_true(lede_corpus_hash64("", 0) == 0xcbf29ce484222325u);
    assert_true(lede_corpus_hash64("a", 1) == 0xaf63dc4c8601ec8cu);
    assert_true(lede_corpus_hash64("foobar", 6) == 0x85944171f73967e8u);
}

static void test_hash_hex_is_sixteen_lowercase_digits(void **state) {
    (void)state;
    char hex[LEDE_CORPUS_HASH_HEX + 1];
    lede_corpus_hash_hex(0xaf63dc4c8601ec8cu, hex);
    assert_string_equal(hex, "af63dc4c8601ec8c");
    lede_corpus_hash_hex(0x1u, hex);
    assert_string_equal(hex, "0000000000000001");
}

static void test_hash_equal_bytes_equal_hash(void **state) {
    (void)state;
    const char a[] = "same\0bytes", b[] = "same\0bytes", c[] = "same\0bytez";
    assert_true(lede_corpus_hash64(a, sizeof a) == lede_corpus_hash64(b, sizeof b));
    assert_true(lede_corpus_hash64(a, sizeof a) != lede_corpus_hash64(c, sizeof c));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash_known_values),
        cmocka_unit_test(test_hash_hex_is_sixteen_lowercase_digits),
        cmocka_unit_test(test_hash_equal_bytes_equal_hash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
