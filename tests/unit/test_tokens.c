/*
 * test_tokens.c: the tokenizer of ext/text/tokens.h, case by case on news
 * copy, and its offset contract as a property over random text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "text/chars.h"
#include "text/tokens.h"
#include "text/utf8.h"

#include <stdio.h>
#include <string.h>

/* Tokenizes s and writes "text/kind" pairs separated by spaces into out. */
static void tokens_render(const char *s, char *out, size_t cap) {
    lede_tok_iter it;
    lede_token t;
    size_t o = 0;
    out[0] = '\0';
    lede_tok_init(&it, s, strlen(s));
    while (lede_tok_next(&it, &t)) {
        int w = snprintf(out + o, cap - o, "%s%.*s/%s", o ? " " : "",
                         (int)(t.span.byte_end - t.span.byte_start), s + t.span.byte_start,
                         lede_tok_kind_name(t.kind));
        if (w < 0 || (size_t)w >= cap - o)
            fail_msg("render buffer too small for %s", s);
        o += (size_t)w;
    }
}

typedef struct {
    const char *input;
    const char *expected;
} token_case;

/* clang-format off */
static const token_case token_cases[] = {
    {"Japan's envoy", "Japan/word 's/word envoy/word"},
    {"the firms' chiefs", "the/word firms/word '/punct chiefs/word"},
    {"Brazil’s coach", "Brazil/word ’s/word coach/word"},
    {"they can't, we won't", "they/word ca/word n't/word ,/punct we/word wo/word n't/word"},
    {"O'Neill and D'Souza", "O'Neill/word and/word D'Souza/word"},
    {"U.K. and U.N. envoys", "U.K./word and/word U.N./word envoys/word"},
    {"a U.S.-brokered truce", "a/word U.S.-brokered/word truce/word"},
    {"Lt. Col. Reyes", "Lt./word Col./word Reyes/word"},
    {"Dana K. Price", "Dana/word K./word Price/word"},
    {"at 7 p.m. sharp", "at/word 7/number p.m./word sharp/word"},
    {"Acme Corp. rose", "Acme/word Corp./word rose/word"},
    {"costs $12.50 or 1,250.75", "costs/word $/symbol 12.50/number or/word 1,250.75/number"},
    {"on 2024-03-15 and 3/15/2024", "on/word 2024-03-15/number and/word 3/15/2024/number"},
    {"the 1980s, the 21st", "the/word 1980s/number ,/punct the/word 21st/number"},
    {"a 12-year-old, F-35s", "a/word 12-year-old/word ,/punct F-35s/word"},
    {"4G and 40km", "4G/word and/word 40/number km/word"},
    {"up 7.5% on S&P", "up/word 7.5/number %/symbol on/word S&P/word"},
    {"R&D spending", "R&D/word spending/word"},
    {"rock & roll", "rock/word &/symbol roll/word"},
    {"Wait... what?!", "Wait/word .../punct what/word ?!/punct"},
    {"1990 -- 1995", "1990/number --/punct 1995/number"},
    {"see www.example.org/a?b=1.", "see/word www.example.org/a?b=1/url ./punct"},
    {"(http://x.org/wiki/A_(b))", "(/punct http://x.org/wiki/A_(b)/url )/punct"},
    {"write to desk@news.example.", "write/word to/word desk@news.example/email ./punct"},
    {"“Quoted,” she said", "“/punct Quoted/word ,/punct ”/punct she/word said/word"},
    {"Zürich’s café", "Zürich/word ’s/word café/word"},
    {"№ 5 ° ±", "№/symbol 5/number °/symbol ±/symbol"},
    {"no. 5 and No. 6", "no/word ./punct 5/number and/word No./word 6/number"},
};

/* A letter glued to a number is a multiplier or a unit, never an initial:
   its period stays a full stop (issue 9). Initials, initialisms and
   abbreviations elsewhere keep theirs. */
static const token_case glued_letter_cases[] = {
    {"rose to £532m. Revenues", "rose/word to/word £/symbol 532/number m/word ./punct Revenues/word"},
    {"€20m, US$5m.", "€/symbol 20/number m/word ,/punct US/word $/symbol 5/number m/word ./punct"},
    {"$4.3b. $50k.", "$/symbol 4.3/number b/word ./punct $/symbol 50/number k/word ./punct"},
    {"a 300m. race", "a/word 300/number m/word ./punct race/word"},
    {"cost 20p. Then", "cost/word 20/number p/word ./punct Then/word"},
    {"£4.3bn. $5M.", "£/symbol 4.3/number bn/word ./punct $/symbol 5M/word ./punct"},
    {"at 5p.m. sharp", "at/word 5/number p.m./word sharp/word"},
    {"Jonas E. Smith", "Jonas/word E./word Smith/word"},
    {"option B. Then", "option/word B./word Then/word"},
    {"6 p. 12", "6/number p./word 12/number"},
};
/* clang-format on */

static void tokens_check(const token_case *cases, size_t n) {
    char got[1024];
    for (size_t k = 0; k < n; k++) {
        tokens_render(cases[k].input, got, sizeof got);
        if (strcmp(got, cases[k].expected) != 0)
            fail_msg("%s\n  expected %s\n  got      %s", cases[k].input, cases[k].expected, got);
    }
}

static void test_tokens_news_cases(void **state) {
    (void)state;
    tokens_check(token_cases, sizeof token_cases / sizeof token_cases[0]);
}

static void test_tokens_letter_glued_to_number_leaves_its_period(void **state) {
    (void)state;
    tokens_check(glued_letter_cases, sizeof glued_letter_cases / sizeof glued_letter_cases[0]);
}

static void test_tokens_space_and_newlines_before(void **state) {
    (void)state;
    const char *s = "One\n\ntwo\r\nthree\tfour";
    lede_tok_iter it;
    lede_token t;
    unsigned nl[4], sp[4];
    size_t k = 0;
    lede_tok_init(&it, s, strlen(s));
    while (lede_tok_next(&it, &t) && k < 4) {
        nl[k] = t.newlines_before;
        sp[k] = t.space_before;
        k++;
    }
    assert_int_equal(k, 4);
    assert_int_equal(nl[0], 0);
    assert_int_equal(nl[1], 2);
    assert_int_equal(nl[2], 1); /* CR LF is one line break */
    assert_int_equal(nl[3], 0);
    assert_int_equal(sp[0], 1); /* the start of the input counts as space */
    assert_int_equal(sp[3], 1);
}

static void test_tokens_invalid_utf8_is_a_symbol(void **state) {
    (void)state;
    const char s[] = "ab\xFF" "cd \xC3";
    lede_tok_iter it;
    lede_token t;
    char kinds[64] = "";
    lede_tok_init(&it, s, sizeof s - 1);
    while (lede_tok_next(&it, &t)) {
        strcat(kinds, lede_tok_kind_name(t.kind));
        strcat(kinds, " ");
    }
    assert_string_equal(kinds, "word symbol word symbol ");
}

static void test_tokens_init_at_reports_absolute_offsets(void **state) {
    (void)state;
    const char *s = "Éa b c";
    lede_tok_iter it;
    lede_token t;
    lede_tok_init_at(&it, s, strlen(s), 4, 3); /* at "b" */
    assert_true(lede_tok_next(&it, &t));
    assert_int_equal(t.span.byte_start, 4);
    assert_int_equal(t.span.cp_start, 3);
    assert_int_equal(t.span.cp_end, 4);
}

/* ---- property: offsets over random and adversarial text ------------------- */

static uint64_t prop_next(uint64_t *x) {
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

static const char *const prop_pieces[] = {
    "a", "Z", "7", " ", "  ", "\n", "\n\n", "\r\n", ".", ",", "'", "’", "\"", "“", "”", "-",
    "--", "(", ")", "$", "%", "&", "@", "/", ":", "U.S.", "Mr.", "e.g.", "'s", "n't", "http://",
    "www.", "x@y.io", "é", "中", "😀", "\xFF", "\xC3", "\x80", "\xE2\x80", "\xF0\x9F", "\0",
    "...", "!?", "1,000", "3.5", "•", "\t", "\xEF\xBB\xBF", "\xE2\x80\xA8",
};

/* Checks the offset contract of every token of s[0..n). */
static void prop_check_tokens(const char *s, size_t n) {
    lede_tok_iter it;
    lede_token t;
    size_t last_byte = 0, last_cp = 0;
    lede_tok_init(&it, s, n);
    while (lede_tok_next(&it, &t)) {
        assert_true(t.span.byte_start >= last_byte);
        assert_true(t.span.byte_end > t.span.byte_start);
        assert_true(t.span.byte_end <= n);
        assert_true(t.span.cp_start >= last_cp);
        assert_int_equal(t.span.cp_start, lede_utf8_count(s, t.span.byte_start));
        assert_int_equal(t.span.cp_end, lede_utf8_count(s, t.span.byte_end));
        last_byte = t.span.byte_end;
        last_cp = t.span.cp_end;
    }
    assert_int_equal(it.cp, lede_utf8_count(s, n));
}

static void test_tokens_offsets_hold_on_random_text(void **state) {
    (void)state;
    uint64_t seed = 0x9E3779B97F4A7C15u;
    char buf[512];
    for (int round = 0; round < 3000; round++) {
        size_t n = 0;
        size_t pieces = prop_next(&seed) % 40;
        for (size_t p = 0; p < pieces; p++) {
            size_t k = prop_next(&seed) % (sizeof prop_pieces / sizeof prop_pieces[0]);
            size_t m = k == 41 ? 1 : strlen(prop_pieces[k]); /* "\0" is one NUL byte */
            if (n + m > sizeof buf)
                break;
            memcpy(buf + n, prop_pieces[k], m);
            n += m;
        }
        prop_check_tokens(buf, n);
    }
    /* random bytes */
    for (int round = 0; round < 2000; round++) {
        size_t n = prop_next(&seed) % 64;
        for (size_t i = 0; i < n; i++)
            buf[i] = (char)(prop_next(&seed) & 0xFF);
        prop_check_tokens(buf, n);
    }
}

/* Pieces that steer the fast path to each of its cases and just past them:
   words before periods, clitics, hyphens, numbers and their separators,
   the curly marks it reads itself and the ones it leaves alone. */
static const char *const fast_pieces[] = {
    "a", "Mr", "etc", "long", "5", "12", "World", "Inc", "no", "I", "x", " ", " ", " ", "  ",
    "\n", "\r", "\r\n", "\t", ".", ". ", ".\n", ",", ";", ":", "://", "'", "'s", "'ll", "'t",
    "n't", "’", "’s", "’re", "’t", "\xE2\x80\x99\x80", "-", "-x", "-7", "--", "/", "%", "%x",
    "&", "@", "_", "+", "!", "?", "\"", "(", ")", "“", "”", "–", "—", "…", "‘", "\xE2\x80\x90",
    "\xE2\x80\x91", "\xE2\x80\xA8", "\xE2\x80", "\xE2\x80\x9D\x80", "\xC2\xA0", "é", "٣", "\xFF",
    "\x80", "www", "http", "ftp", "x@y.io", "U.S.", "e.g", "3.5", "1,000", "10:30", "5th", "km",
};

/* The fast path of lede_tok_next gives the very tokens of the general
   scanners (lede_tok_next_general), over random text made of those pieces:
   spans in bytes and code points, kinds, space and line breaks before. */
static void test_tokens_fast_path_matches_general(void **state) {
    (void)state;
    uint64_t seed = 0x2545F4914F6CDD1Du;
    char buf[256];
    for (int round = 0; round < 20000; round++) {
        size_t n = 0;
        size_t pieces = prop_next(&seed) % 24;
        for (size_t p = 0; p < pieces; p++) {
            const char *piece = fast_pieces[prop_next(&seed) % (sizeof fast_pieces / sizeof fast_pieces[0])];
            size_t m = strlen(piece);
            if (n + m > sizeof buf)
                break;
            memcpy(buf + n, piece, m);
            n += m;
        }
        lede_tok_iter fast, slow;
        lede_token a, b;
        lede_tok_init(&fast, buf, n);
        lede_tok_init(&slow, buf, n);
        for (;;) {
            int more = lede_tok_next(&fast, &a);
            assert_int_equal(more, lede_tok_next_general(&slow, &b));
            if (!more)
                break;
            if (memcmp(&a.span, &b.span, sizeof a.span) != 0 || a.kind != b.kind ||
                a.newlines_before != b.newlines_before || a.space_before != b.space_before)
                fail_msg("\"%.*s\": token at byte %zu: fast [%zu, %zu) %s, general [%zu, %zu) %s",
                         (int)n, buf, b.span.byte_start, a.span.byte_start, a.span.byte_end,
                         lede_tok_kind_name(a.kind), b.span.byte_start, b.span.byte_end,
                         lede_tok_kind_name(b.kind));
        }
        assert_int_equal(fast.cp, slow.cp);
    }
}

/* The ASCII fast path (tokens.c's byte classes) agrees with chars.h: each
   printable ASCII byte alone, and between letters, is the token kind the
   Unicode classes make it. */
static void test_tokens_ascii_bytes_agree_with_chars(void **state) {
    (void)state;
    for (int b = 0x21; b < 0x7F; b++) {
        char one[2] = {(char)b, 0};
        lede_tok_iter it;
        lede_token t;
        lede_tok_init(&it, one, 1);
        assert_true(lede_tok_next(&it, &t));
        lede_tok_kind want = lede_char_is_digit((uint32_t)b)   ? LEDE_TOK_NUMBER
                             : lede_char_is_alnum((uint32_t)b) ? LEDE_TOK_WORD
                             : lede_char_is_punct((uint32_t)b) ? LEDE_TOK_PUNCT
                                                               : LEDE_TOK_SYMBOL;
        if (t.kind != want)
            fail_msg("byte 0x%02X: kind %s, want %s", b, lede_tok_kind_name(t.kind),
                     lede_tok_kind_name(want));
        assert_int_equal(t.span.byte_end, 1);
        /* "ab?cd", "12?34": a word or number then the byte */
        char mid[6] = {'a', 'b', (char)b, 'c', 'd', 0};
        lede_tok_init(&it, mid, 5);
        assert_true(lede_tok_next(&it, &t));
        if (!lede_char_is_alnum((uint32_t)b) && b != '-' && b != '&' && b != '\'' && b != '.' &&
            b != '@' && b != '_' && b != '%' && b != '+')
            assert_int_equal(t.span.byte_end, 2);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokens_news_cases),
        cmocka_unit_test(test_tokens_letter_glued_to_number_leaves_its_period),
        cmocka_unit_test(test_tokens_space_and_newlines_before),
        cmocka_unit_test(test_tokens_invalid_utf8_is_a_symbol),
        cmocka_unit_test(test_tokens_init_at_reports_absolute_offsets),
        cmocka_unit_test(test_tokens_offsets_hold_on_random_text),
        cmocka_unit_test(test_tokens_ascii_bytes_agree_with_chars),
        cmocka_unit_test(test_tokens_fast_path_matches_general),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
