/*
 * test_glob.c: the path glob of ext/corpus/glob.h: segments, '*' and '?'
 * within a segment, classes, escapes, "**" across segments, pruning of
 * folders, and the patterns it refuses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "corpus/glob.h"

#include <string.h>

typedef struct {
    const char *pattern;
    const char *path;
    int match;
} glob_case;

/* clang-format off */
static const glob_case match_cases[] = {
    /* '*' stays within a segment */
    {"*.txt", "a.txt", 1},
    {"*.txt", "x/a.txt", 0},
    {"*.txt", "a.md", 0},
    {"*", "a", 1},
    {"*", "a/b", 0},
    {"x/*.txt", "x/a.txt", 1},
    {"x/*.txt", "x/y/a.txt", 0},
    {"2025/*/*.txt", "2025/01/a.txt", 1},
    {"2025/*/*.txt", "2025/01/02/a.txt", 0},
    /* "**" crosses folders, zero or more of them */
    {"**/*.txt", "a.txt", 1},
    {"**/*.txt", "x/a.txt", 1},
    {"**/*.txt", "x/y/z/a.txt", 1},
    {"**/*.txt", "x/y/a.md", 0},
    {"**", "a", 1},
    {"**", "a/b/c", 1},
    {"x/**", "x/a", 1},
    {"x/**", "x/a/b", 1},
    {"x/**", "x", 1},
    {"x/**", "y/a", 0},
    {"a/**/b.txt", "a/b.txt", 1},
    {"a/**/b.txt", "a/x/y/b.txt", 1},
    {"a/**/b.txt", "a/x/c.txt", 0},
    {"a/**/b.txt", "b.txt", 0},
    {"**/b/**/*.txt", "b/x.txt", 1},
    {"**/b/**/*.txt", "a/b/c/d.txt", 1},
    {"**/b/**/*.txt", "a/c/d.txt", 0},
    {"**/**/x", "x", 1},
    {"**/**/x", "a/b/x", 1},
    {"**/x/y", "x/y", 1},
    {"**/x/y", "x/x/y", 1},
    {"**/x/y", "x/y/z", 0},
    /* "**" inside a segment is two '*' */
    {"a**b", "aXYb", 1},
    {"a**b", "aX/Yb", 0},
    {"**.txt", "a.txt", 1},
    {"**.txt", "x/a.txt", 0},
    /* '?' is one character, UTF-8 aware */
    {"?.txt", "a.txt", 1},
    {"?.txt", "ab.txt", 0},
    {"?.txt", "\xC3\xA9.txt", 1},
    {"??.txt", "\xC3\xA9.txt", 0},
    {"a?b", "a/b", 0},
    /* classes */
    {"[abc]*", "b1", 1},
    {"[abc]*", "d1", 0},
    {"[!abc]*", "d1", 1},
    {"[!abc]*", "a1", 0},
    {"[^abc]*", "d1", 1},
    {"[a-c]x", "bx", 1},
    {"[a-c]x", "dx", 0},
    {"[0-9][0-9][0-9]_*", "001_x.txt", 1},
    {"[0-9][0-9][0-9]_*", "01a_x.txt", 0},
    {"[]]x", "]x", 1},
    {"[!]]x", "ax", 1},
    {"[!]]x", "]x", 0},
    {"[a-]x", "-x", 1},
    {"[\xC3\xA0-\xC3\xBF]x", "\xC3\xA9x", 1},
    {"[\xC3\xA0-\xC3\xBF]x", "ax", 0},
    {"a[", "a[", 1},
    {"a[b", "ab", 0},
    /* escapes */
    {"\\*", "*", 1},
    {"\\*", "a", 0},
    {"a\\?", "a?", 1},
    {"\\[a]", "[a]", 1},
    /* backtracking '*' */
    {"a*b*c", "aXbYc", 1},
    {"a*b*c", "aXbY", 0},
    {"*a*b", "xaxbxb", 1},
    {"*\xC3\xA9", "caf\xC3\xA9", 1},
    {"*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0},
    /* literals are whole characters (utf8.h): a Latin-1 byte matches itself, never a part of a
       longer character. Found by tests/fuzz/fuzz_glob.c: with bytewise literals the fast
       matcher missed a match that ran through the middle of "\xFF\xB8" */
    {"caf\xE9*", "caf\xE9.txt", 1},
    {"caf\xE9*", "caf\xC3\xA9.txt", 0},
    {"*\xFF*\xB8*\xFF", "\xFF\xFF\xB8\xFF", 0},
    {"*\xFF\xB8*", "\xFF\xFF\xB8\xFF", 1},
    {"*\xB8", "\xC3\xB8", 0},
    {"?\xB8", "\xFF\xB8", 0},
    {"\\\xC3\xA9", "\xC3\xA9", 1},
    /* case and trailing '/' */
    {"*.TXT", "a.txt", 0},
    {"a/", "a", 0},
    {"a", "a", 1},
};
/* clang-format on */

static void test_glob_matches_table(void **state) {
    (void)state;
    for (size_t k = 0; k < sizeof match_cases / sizeof match_cases[0]; k++) {
        const glob_case *c = &match_cases[k];
        lede_corpus_glob g;
        assert_int_equal(lede_corpus_glob_init(&g, c->pattern, strlen(c->pattern), NULL), LEDE_OK);
        if (lede_corpus_glob_match(&g, c->path, strlen(c->path)) != c->match)
            fail_msg("pattern '%s' path '%s': expected %d", c->pattern, c->path, c->match);
    }
}

/* clang-format off */
static const glob_case enter_cases[] = {
    {"2025/*/*.txt", "2025", 1},
    {"2025/*/*.txt", "2024", 0},
    {"2025/*/*.txt", "2025/01", 1},
    {"2025/*/*.txt", "2025/01/02", 0},
    {"*.txt", "a", 0},
    {"**/*.txt", "a", 1},
    {"**/*.txt", "a/b/c", 1},
    {"a/**", "a", 1},
    {"a/**", "a/b", 1},
    {"a/**", "b", 0},
    {"x/y/*.txt", "x", 1},
    {"x/y/*.txt", "x/y", 1},
    {"x/y/*.txt", "x/z", 0},
    {"[ab]/*", "a", 1},
    {"[ab]/*", "c", 0},
    {"a/b", "a/b", 0},
};
/* clang-format on */

static void test_glob_prunes_folders_that_cannot_match(void **state) {
    (void)state;
    for (size_t k = 0; k < sizeof enter_cases / sizeof enter_cases[0]; k++) {
        const glob_case *c = &enter_cases[k];
        lede_corpus_glob g;
        assert_int_equal(lede_corpus_glob_init(&g, c->pattern, strlen(c->pattern), NULL), LEDE_OK);
        if (lede_corpus_glob_may_enter(&g, c->path, strlen(c->path)) != c->match)
            fail_msg("pattern '%s' folder '%s': expected %d", c->pattern, c->path, c->match);
    }
}

static void test_glob_null_pattern_matches_everything(void **state) {
    (void)state;
    lede_corpus_glob g;
    assert_int_equal(lede_corpus_glob_init(&g, NULL, 0, NULL), LEDE_OK);
    assert_true(lede_corpus_glob_match(&g, "a/b/c.bin", 9));
    assert_true(lede_corpus_glob_may_enter(&g, "a", 1));
}

static void test_glob_refuses_bad_patterns(void **state) {
    (void)state;
    lede_corpus_glob g;
    const char *why = NULL;
    assert_int_equal(lede_corpus_glob_init(&g, "", 0, &why), LEDE_INVALID);
    assert_string_equal(why, "must not be empty");
    assert_int_equal(lede_corpus_glob_init(&g, "/etc/*", 6, &why), LEDE_INVALID);
    assert_string_equal(why, "must be relative to root (no leading '/')");
    assert_int_equal(lede_corpus_glob_init(&g, "a\0b", 3, &why), LEDE_INVALID);
    assert_string_equal(why, "must not contain a NUL byte");
}

static void test_glob_never_matches_a_slash_in_a_class(void **state) {
    (void)state;
    /* '/' always splits the pattern, so "[/]" is a lone '[' then a segment "]" */
    lede_corpus_glob g;
    assert_int_equal(lede_corpus_glob_init(&g, "a[/]b", 5, NULL), LEDE_OK);
    assert_false(lede_corpus_glob_match(&g, "a/b", 3));
    assert_true(lede_corpus_glob_match(&g, "a[/]b", 5));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_glob_matches_table),
        cmocka_unit_test(test_glob_prunes_folders_that_cannot_match),
        cmocka_unit_test(test_glob_null_pattern_matches_everything),
        cmocka_unit_test(test_glob_refuses_bad_patterns),
        cmocka_unit_test(test_glob_never_matches_a_slash_in_a_class),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
