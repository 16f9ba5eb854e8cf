/*
 * test_utf16.c: UTF-16 files with a byte order mark (ext/corpus/utf16.h):
 * detection, scanning and conversion to UTF-8, in both byte orders, with
 * surrogate pairs, unpaired surrogates and an odd last byte.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "corpus/utf16.h"

#include <string.h>

typedef struct {
    const char *name;
    const char *in;
    size_t n;
    const char *utf8; /* the conversion */
    size_t chars, bad;
    int nul;
} utf16_case;

/* clang-format off */
static const utf16_case cases[] = {
    {"little-endian ASCII", "\xFF\xFEH\0i\0!\0", 8, "Hi!", 3, 0, 0},
    {"big-endian ASCII", "\xFE\xFF\0H\0i", 6, "Hi", 2, 0, 0},
    {"CJK whose bytes look like ASCII", "\xFF\xFE\x2D\x4E\x87\x65", 6, "\xE4\xB8\xAD\xE6\x96\x87", 2, 0, 0},
    {"a surrogate pair (U+1F600)", "\xFF\xFE\x3D\xD8\x00\xDE", 6, "\xF0\x9F\x98\x80", 1, 0, 0},
    {"big-endian pair", "\xFE\xFF\xD8\x3D\xDE\x00", 6, "\xF0\x9F\x98\x80", 1, 0, 0},
    {"an unpaired high surrogate", "\xFF\xFE\x3D\xD8" "a\0", 6, "\xEF\xBF\xBD" "a", 2, 1, 0},
    {"an unpaired low surrogate", "\xFF\xFE\x00\xDE", 4, "\xEF\xBF\xBD", 1, 1, 0},
    {"a high surrogate at the end", "\xFF\xFE" "a\0\x3D\xD8", 6, "a\xEF\xBF\xBD", 2, 1, 0},
    {"an odd last byte", "\xFF\xFE" "a\0b", 5, "a\xEF\xBF\xBD", 2, 1, 0},
    {"a NUL unit", "\xFF\xFE" "a\0\0\0", 6, "a\0", 2, 0, 1},
    {"the mark alone", "\xFF\xFE", 2, "", 0, 0, 0},
    {"a second mark is a character (U+FEFF)", "\xFF\xFE\xFF\xFE", 4, "\xEF\xBB\xBF", 1, 0, 0},
};
/* clang-format on */

static void test_utf16_detects_the_mark_only(void **state) {
    (void)state;
    assert_int_equal(lede_corpus_utf16_detect("\xFF\xFE", 2), LEDE_CORPUS_UTF16_LE);
    assert_int_equal(lede_corpus_utf16_detect("\xFE\xFF"
                                              "ab",
                                              4),
                     LEDE_CORPUS_UTF16_BE);
    assert_int_equal(lede_corpus_utf16_detect("\xFF", 1), LEDE_CORPUS_UTF16_NONE);
    assert_int_equal(lede_corpus_utf16_detect("h\0i\0", 4), LEDE_CORPUS_UTF16_NONE);
    assert_int_equal(lede_corpus_utf16_detect("\xEF\xBB\xBFhi", 5), LEDE_CORPUS_UTF16_NONE);
    assert_int_equal(lede_corpus_utf16_detect("", 0), LEDE_CORPUS_UTF16_NONE);
}

static void test_utf16_table(void **state) {
    (void)state;
    lede_corpus_buf out;
    memset(&out, 0, sizeof out);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const utf16_case *c = &cases[k];
        size_t chars, bad;
        int nul;
        lede_corpus_utf16_scan(c->in, c->n, &chars, &bad, &nul);
        if (chars != c->chars || bad != c->bad || nul != c->nul)
            fail_msg("%s: scan %zu chars, %zu bad, nul %d", c->name, chars, bad, nul);
        assert_int_equal(lede_corpus_utf16_to_utf8(c->in, c->n, &out), LEDE_OK);
        size_t want = c->nul ? 2 : strlen(c->utf8);
        if (out.len != want || memcmp(out.p, c->utf8, want) != 0)
            fail_msg("%s: converted to %zu bytes", c->name, out.len);
        assert_int_equal(out.p[out.len], '\0');
    }
    lede_corpus_buf_free(&out);
}

/* The buffer is reused: a long conversion, then a short one. */
static void test_utf16_reuses_the_buffer(void **state) {
    (void)state;
    char in[2 + 2 * 300];
    in[0] = '\xFF';
    in[1] = '\xFE';
    for (size_t i = 0; i < 300; i++) {
        in[2 + 2 * i] = '\xAC'; /* U+20AC, the euro sign: three bytes each */
        in[3 + 2 * i] = '\x20';
    }
    lede_corpus_buf out;
    memset(&out, 0, sizeof out);
    assert_int_equal(lede_corpus_utf16_to_utf8(in, sizeof in, &out), LEDE_OK);
    assert_int_equal(out.len, 900);
    assert_memory_equal(out.p + 897, "\xE2\x82\xAC", 3);
    assert_int_equal(lede_corpus_utf16_to_utf8("\xFF\xFEo\0k\0", 6, &out), LEDE_OK);
    assert_int_equal(out.len, 2);
    assert_string_equal(out.p, "ok");
    lede_corpus_buf_free(&out);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf16_detects_the_mark_only),
        cmocka_unit_test(test_utf16_table),
        cmocka_unit_test(test_utf16_reuses_the_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
