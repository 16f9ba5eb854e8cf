/*
 * test_encoding.c: the encoding rules of ext/corpus/encoding.h, a table of
 * bytes with the encoding chosen and the UTF-8 it reads as (or the fault),
 * and the charset a page or an HTTP header declares.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "corpus/encoding.h"

#include <string.h>

typedef struct {
    const char *name;
    const char *in;
    size_t n;
    const char *declared; /* an HTTP charset, or NULL */
    int sniff;
    const char *encoding; /* NULL: a fault */
    const char *utf8;     /* the text, or NULL when it is the input itself */
    lede_corpus_fault_kind fault;
} enc_case;

/* clang-format off */
static const enc_case cases[] = {
    {"ASCII", "plain", 5, NULL, 0, "UTF-8", NULL, 0},
    {"UTF-8", "Z\xC3\xBCrich", 7, NULL, 0, "UTF-8", NULL, 0},
    {"a UTF-8 mark is dropped", "\xEF\xBB\xBFhi", 5, NULL, 0, "UTF-8", "hi", 0},
    {"UTF-16LE with its mark", "\xFF\xFEh\0\xFC\0", 6, NULL, 0, "UTF-16LE", "h\xC3\xBC", 0},
    {"UTF-16BE with its mark", "\xFE\xFF\0h\0\xFC", 6, NULL, 0, "UTF-16BE", "h\xC3\xBC", 0},
    {"Latin-1 reads as windows-1252", "Caf\xE9 in M\xFCnchen", 15, NULL, 0, "windows-1252",
     "Caf\xC3\xA9 in M\xC3\xBCnchen", 0},
    {"windows-1252 quotes and euro", "\x93It is \x80" "5\x94 she said", 19, NULL, 0, "windows-1252",
     "\xE2\x80\x9CIt is \xE2\x82\xAC" "5\xE2\x80\x9D she said", 0},
    {"a byte windows-1252 lacks", "Caf\xE9 \x81 menu", 11, NULL, 0, NULL, NULL,
     LEDE_CORPUS_FAULT_UNDECODABLE},
    {"NUL bytes are binary", "ab\0cd", 5, NULL, 0, NULL, NULL, LEDE_CORPUS_FAULT_BINARY_NUL},
    {"UTF-16 without a mark is binary", "h\0i\0", 4, NULL, 0, NULL, NULL,
     LEDE_CORPUS_FAULT_BINARY_NUL},
    {"mostly ill-formed is binary", "\xF1\x80\xC3\xFF\x9A\xBE\xE2(\xA1\xC0\xAF\xF8", 12, NULL, 0,
     NULL, NULL, LEDE_CORPUS_FAULT_BINARY_UTF8},
    {"control characters are not windows-1252 text", "a\x01\x02\x03\xE9\x04\x05", 7, NULL, 0,
     NULL, NULL, LEDE_CORPUS_FAULT_BINARY_UTF8},
    {"UTF-8 with one stray byte stays UTF-8", "\xC3\xA9t\xC3\xA9 \xC3\xA0 \xFF" " ok", 12, NULL, 0,
     "UTF-8", NULL, 0},
    {"an HTTP charset", "\xA3\xF3" "d\xBC", 4, "ISO-8859-2", 0, "iso-8859-2",
     "\xC5\x81\xC3\xB3" "d\xC5\xBA", 0},
    {"a meta charset", "<meta charset='koi8-r'>" "\xF0\xD2\xC9", 26, NULL, 1, "koi8-r",
     "<meta charset='koi8-r'>\xD0\x9F\xD1\x80\xD0\xB8", 0},
    {"valid UTF-8 wins over a declared legacy charset",
     "<meta charset=iso-8859-1>Z\xC3\xBCrich", 32, NULL, 1, "UTF-8", NULL, 0},
    {"an unknown declared charset falls back", "Caf\xE9", 4, "x-no-such-charset", 0,
     "windows-1252", "Caf\xC3\xA9", 0},
};
/* clang-format on */

static void test_encoding_table(void **state) {
    (void)state;
    lede_corpus_decoder d;
    memset(&d, 0, sizeof d);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const enc_case *c = &cases[k];
        const char *text, *enc;
        size_t tn;
        lede_corpus_fault f;
        print_message("%s\n", c->name);
        assert_int_equal(lede_corpus_decode(&d, c->in, c->n, c->declared,
                                            c->declared ? strlen(c->declared) : 0, c->sniff,
                                            &text, &tn, &enc, &f),
                         LEDE_OK);
        if (!c->encoding) {
            assert_int_equal(f.kind, c->fault);
            continue;
        }
        assert_int_equal(f.kind, LEDE_CORPUS_FAULT_NONE);
        assert_string_equal(enc, c->encoding);
        const char *want = c->utf8 ? c->utf8 : c->in;
        size_t wn = c->utf8 ? strlen(c->utf8) : c->n;
        assert_int_equal(tn, wn);
        assert_memory_equal(text, want, wn);
    }
    lede_corpus_decoder_free(&d);
}

static void test_encoding_names_the_undecodable_byte(void **state) {
    (void)state;
    lede_corpus_decoder d;
    memset(&d, 0, sizeof d);
    const char *text, *enc;
    size_t tn;
    lede_corpus_fault f;
    assert_int_equal(lede_corpus_decode(&d, "Caf\xE9 au lait \x81", 14, NULL, 0, 0, &text, &tn, &enc, &f),
                     LEDE_OK);
    char msg[160];
    lede_corpus_fault_message(&f, msg, sizeof msg);
    assert_string_equal(msg, "not text in UTF-8 or windows-1252: byte 0x81 at offset 13 does not "
                             "convert");
    lede_corpus_decoder_free(&d);
}

static void test_encoding_finds_declared_charsets(void **state) {
    (void)state;
    char cs[LEDE_CORPUS_CHARSET_MAX];
    static const struct {
        const char *in, *want;
    } sniffs[] = {
        {"<html><head><meta charset=\"UTF-8\">", "utf-8"},
        {"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=Windows-1251'>",
         "windows-1251"},
        {"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><rss>", "iso-8859-15"},
        {"<meta name=\"description\" content=\"charset\"><p>", ""},
        {"<p>no declaration</p>", ""},
    };
    for (size_t k = 0; k < sizeof sniffs / sizeof sniffs[0]; k++) {
        lede_corpus_charset_sniff(sniffs[k].in, strlen(sniffs[k].in), cs, sizeof cs);
        assert_string_equal(cs, sniffs[k].want);
    }
    assert_int_equal(lede_corpus_charset_param("text/html; charset=\"ISO-8859-1\"", 32, cs,
                                               sizeof cs),
                     10);
    assert_string_equal(cs, "iso-8859-1");
    assert_int_equal(lede_corpus_charset_param("text/plain", 10, cs, sizeof cs), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encoding_table),
        cmocka_unit_test(test_encoding_names_the_undecodable_byte),
        cmocka_unit_test(test_encoding_finds_declared_charsets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
