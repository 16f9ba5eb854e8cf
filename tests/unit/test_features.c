/*
 * test_features.c: what the entity model sees of tokens (ext/ner/features.h):
 * flags, shapes, norms and affixes of single tokens, the neighbour-dependent
 * flags and gazetteer marks of a window, the document statistics of the
 * second stage, and the features themselves (deterministic, bounded,
 * distinct per template).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ner/features.h"
#include "ner/gazetteer.h"
#include "ner/model.h"
#include "ner/tagger.h"

#include <string.h>

enum { MAXTOK = 64 };

/* The text cut into prepared tokens, as the block reader prepares them. */
typedef struct {
    lede_ner_token tok[MAXTOK];
    size_t n;
    uint32_t wflags;
} window;

static void window_read(window *w, const char *s, int continued) {
    lede_tok_iter it;
    lede_token t;
    lede_norm_buf nb;
    memset(&nb, 0, sizeof nb);
    w->n = 0;
    lede_tok_init(&it, s, strlen(s));
    while (w->n < MAXTOK && lede_tok_next(&it, &t))
        assert_int_equal(
            lede_ner_token_prepare(&w->tok[w->n++], s, &t, &nb, &lede_ner_model_conll.lexicon),
            LEDE_OK);
    lede_norm_buf_free(&nb);
    w->wflags = lede_ner_window_prepare(w->tok, w->n, continued);
}

/* The prepared single token of s. */
static lede_ner_token token_of(const char *s) {
    window w;
    window_read(&w, s, 0);
    assert_int_equal(w.n, 1);
    return w.tok[0];
}

typedef struct {
    const char *text;
    uint32_t set;   /* flags that must be set */
    uint32_t clear; /* flags that must not be */
} flag_case;

static void test_features_token_flags(void **state) {
    (void)state;
    /* clang-format off */
    const flag_case cases[] = {
        {"Blinken", LEDE_NER_TF_INIT_CAP | LEDE_NER_TF_ALPHA | LEDE_NER_TF_HAS_LOWER,
         LEDE_NER_TF_ALL_CAPS | LEDE_NER_TF_LOWER | LEDE_NER_TF_DIGIT},
        {"NATO", LEDE_NER_TF_INIT_CAP | LEDE_NER_TF_ALL_CAPS, LEDE_NER_TF_HAS_LOWER},
        {"missile", LEDE_NER_TF_LOWER | LEDE_NER_TF_HAS_LOWER, LEDE_NER_TF_INIT_CAP},
        {"McDonald", LEDE_NER_TF_INIT_CAP | LEDE_NER_TF_MIXED, LEDE_NER_TF_ALL_CAPS},
        {"U.S.", LEDE_NER_TF_ALL_CAPS | LEDE_NER_TF_PERIOD, LEDE_NER_TF_HAS_LOWER},
        {"F-16", LEDE_NER_TF_HYPHEN | LEDE_NER_TF_DIGIT | LEDE_NER_TF_ALL_CAPS,
         LEDE_NER_TF_ALL_DIGIT},
        {"O'Brien", LEDE_NER_TF_APOS | LEDE_NER_TF_INIT_CAP, 0},
        {"2025", LEDE_NER_TF_DIGIT | LEDE_NER_TF_ALL_DIGIT, LEDE_NER_TF_ALPHA},
        {"Zürich", LEDE_NER_TF_INIT_CAP | LEDE_NER_TF_HAS_LOWER, LEDE_NER_TF_ALL_CAPS},
        {"ÉLYSÉE", LEDE_NER_TF_ALL_CAPS, LEDE_NER_TF_HAS_LOWER},
        {"北京", LEDE_NER_TF_ALPHA, LEDE_NER_TF_INIT_CAP | LEDE_NER_TF_ALL_CAPS | LEDE_NER_TF_LOWER},
        {"(", LEDE_NER_TF_B_OPEN, LEDE_NER_TF_ALPHA | LEDE_NER_TF_Q_OPEN},
        {"\"", LEDE_NER_TF_Q_OPEN | LEDE_NER_TF_Q_CLOSE, 0},
        {"\xE2\x80\x9C", LEDE_NER_TF_Q_OPEN, LEDE_NER_TF_Q_CLOSE},
        {"\xE2\x80\x9D", LEDE_NER_TF_Q_CLOSE, LEDE_NER_TF_Q_OPEN},
    };
    /* clang-format on */
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        lede_ner_token t = token_of(cases[k].text);
        if ((t.flags & cases[k].set) != cases[k].set || (t.flags & cases[k].clear))
            fail_msg("%s: flags %x, want %x set and %x clear", cases[k].text, t.flags, cases[k].set,
                     cases[k].clear);
    }
}

static void test_features_shapes_norms_and_affixes(void **state) {
    (void)state;
    lede_ner_token tokyo = token_of("Tokyo"), paris = token_of("Paris");
    lede_ner_token blinken = token_of("Blinken"), usa = token_of("USA");
    assert_true(tokyo.shape == paris.shape);               /* Xxxxx */
    assert_true(tokyo.shape_short == blinken.shape_short); /* Xx */
    assert_true(tokyo.shape != blinken.shape);
    assert_true(tokyo.shape_short != usa.shape_short);
    assert_true(token_of("1996-08-22").shape == token_of("2025-01-07").shape);
    assert_true(token_of("U.S.").shape != token_of("US").shape);

    /* case folds away in the norm, not in the word */
    lede_ner_token caps = token_of("BRUSSELS"), mixed = token_of("Brussels");
    assert_true(caps.norm == mixed.norm);
    assert_true(caps.raw != mixed.raw);
    assert_true(mixed.norm == lede_ner_hash("brussels", 8));
    assert_int_equal(mixed.norm_len, 8);
    assert_memory_equal(mixed.norm_text, "brussels", 8);

    /* affixes of the norm, only when shorter than it */
    lede_ner_token j = token_of("Japanese");
    assert_true(j.prefix[0] == lede_ner_hash("j", 1));
    assert_true(j.prefix[3] == lede_ner_hash("japa", 4));
    assert_true(j.suffix[2] == lede_ner_hash("ese", 3));
    assert_true(j.prefix[3] == token_of("Japan").prefix[3]);
    lede_ner_token ok = token_of("OK");
    assert_true(ok.prefix[0] == lede_ner_hash("o", 1));
    assert_true(ok.prefix[1] == 0 && ok.suffix[1] == 0);
}

static void test_features_long_token_is_bounded(void **state) {
    (void)state;
    enum { N = 20000 };
    static char s[N + 1];
    memset(s, 'a', N);
    s[0] = 'Q';
    s[N] = '\0';
    lede_ner_token t = token_of(s);
    assert_int_equal(t.norm_len, 255); /* too long to keep as text */
    assert_true(t.flags & LEDE_NER_TF_INIT_CAP);
    assert_int_equal(t.span.byte_end, N);
}

static size_t find(const window *w, const char *s, const char *word) {
    for (size_t i = 0; i < w->n; i++) {
        size_t len = w->tok[i].span.byte_end - w->tok[i].span.byte_start;
        if (len == strlen(word) && memcmp(s + w->tok[i].span.byte_start, word, len) == 0)
            return i;
    }
    fail_msg("no token %s", word);
    return 0;
}

static void test_features_window_quotes_brackets_first(void **state) {
    (void)state;
    const char *s = "Officials said \"Acme Corp (ACME) rose\" on Monday.";
    window w;
    window_read(&w, s, 0);
    assert_true(w.tok[0].flags & LEDE_NER_TF_FIRST);
    assert_false(w.tok[1].flags & LEDE_NER_TF_FIRST);
    assert_false(w.tok[find(&w, s, "said")].flags & LEDE_NER_TF_QUOTED);
    assert_true(w.tok[find(&w, s, "Acme")].flags & LEDE_NER_TF_QUOTED);
    assert_true(w.tok[find(&w, s, "rose")].flags & LEDE_NER_TF_QUOTED);
    assert_false(w.tok[find(&w, s, "Monday")].flags & LEDE_NER_TF_QUOTED);
    assert_true(w.tok[find(&w, s, "ACME")].flags & LEDE_NER_TF_PARENS);
    assert_false(w.tok[find(&w, s, "rose")].flags & LEDE_NER_TF_PARENS);
    assert_int_equal(w.wflags & LEDE_NER_WF_CAPS, 0);
    /* a window that continues a sentence has no first token */
    window_read(&w, s, 1);
    assert_false(w.tok[0].flags & LEDE_NER_TF_FIRST);
}

static void test_features_window_in_capitals_is_a_headline(void **state) {
    (void)state;
    window w;
    window_read(&w, "STOCKS RALLY IN TOKYO AFTER 3 DAYS", 0);
    assert_true(w.wflags & LEDE_NER_WF_CAPS);
    window_read(&w, "Stocks rally in TOKYO", 0);
    assert_false(w.wflags & LEDE_NER_WF_CAPS);
    window_read(&w, "2025 - 10 : 3", 0);
    assert_false(w.wflags & LEDE_NER_WF_CAPS);
}

/* Bit of gazetteer type `type` at BILU position pos (features.h). */
static uint64_t gaz_bit(uint32_t type, lede_ner_pos pos) {
    uint64_t k = 0;
    while (!(type >> k & 1))
        k++;
    return (uint64_t)1 << (4 * k + (uint64_t)pos);
}

static void test_features_window_gazetteer_marks(void **state) {
    (void)state;
    const char *s = "Talks in North Korea and in Japan ended; north of here.";
    window w;
    window_read(&w, s, 0);
    uint64_t nb = w.tok[find(&w, s, "North")].gaz, kl = w.tok[find(&w, s, "Korea")].gaz;
    assert_true(nb & gaz_bit(LEDE_GAZ_COUNTRY, LEDE_NER_P_B));
    assert_true(kl & gaz_bit(LEDE_GAZ_COUNTRY, LEDE_NER_P_L));
    assert_true(w.tok[find(&w, s, "Japan")].gaz & gaz_bit(LEDE_GAZ_COUNTRY, LEDE_NER_P_U));
    assert_int_equal(w.tok[find(&w, s, "Talks")].gaz, 0);
    assert_int_equal(w.tok[find(&w, s, "north")].gaz, 0); /* lower case starts no name */
    /* the same in a headline */
    const char *h = "TALKS IN NORTH KOREA";
    window_read(&w, h, 0);
    assert_true(w.tok[find(&w, h, "KOREA")].gaz & gaz_bit(LEDE_GAZ_COUNTRY, LEDE_NER_P_L));
}

static int same_set(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
    if (na != nb)
        return 0;
    for (size_t i = 0; i < na; i++) {
        size_t j = 0;
        while (j < nb && b[j] != a[i])
            j++;
        if (j == nb)
            return 0;
    }
    return 1;
}

static void test_features_local_are_deterministic_and_distinct(void **state) {
    (void)state;
    const char *s = "Prime Minister Shigeru Ishiba met Antony Blinken in Tokyo.";
    window w1, w2;
    window_read(&w1, s, 0);
    window_read(&w2, s, 0);
    lede_ner_window a = {w1.tok, w1.n, w1.wflags, NULL, NULL};
    lede_ner_window b = {w2.tok, w2.n, w2.wflags, NULL, NULL};
    uint64_t fa[LEDE_NER_MAX_FEATURES], fb[LEDE_NER_MAX_FEATURES];
    for (size_t i = 0; i < w1.n; i++) {
        size_t na = lede_ner_features(&a, i, 1, fa), nb = lede_ner_features(&b, i, 1, fb);
        assert_true(na >= 15 && na <= LEDE_NER_MAX_FEATURES);
        assert_int_equal(na, nb);
        assert_memory_equal(fa, fb, na * sizeof fa[0]);
        for (size_t x = 0; x < na; x++) /* no two templates give the same feature */
            for (size_t y = x + 1; y < na; y++)
                assert_true(fa[x] != fa[y]);
    }
    /* Tokyo and Blinken share some features (bias, shape) but not all */
    size_t i = find(&w1, s, "Tokyo"), j = find(&w1, s, "Blinken");
    size_t na = lede_ner_features(&a, i, 1, fa), nb = lede_ner_features(&a, j, 1, fb);
    assert_false(same_set(fa, na, fb, nb));
    size_t shared = 0;
    for (size_t x = 0; x < na; x++)
        for (size_t y = 0; y < nb; y++)
            shared += fa[x] == fb[y];
    assert_true(shared >= 1);
    /* without document statistics the second stage has nothing */
    assert_int_equal(lede_ner_features(&a, i, 2, fa), 0);
}

/* The neighbour templates' features, left out where the neighbour is in
   the window and taken from each neighbour's lede_ner_neighbour_features
   (as the tagger's word memo does), give every feature of every token:
   the same multiset as lede_ner_features, at the edges of the window too. */
static void test_features_neighbours_give_the_same_features(void **state) {
    (void)state;
    const char *s = "In Tokyo , Shigeru Ishiba ( 67 ) met the U.S. envoy , \"Antony Blinken\" .";
    window w;
    window_read(&w, s, 0);
    assert_true(w.n >= 5);
    lede_ner_window a = {w.tok, w.n, w.wflags, NULL, NULL};
    uint64_t nbf[MAXTOK][LEDE_NER_NB_ROLES];
    for (size_t i = 0; i < w.n; i++)
        lede_ner_neighbour_features(&w.tok[i], nbf[i]);
    for (size_t i = 0; i < w.n; i++) {
        uint64_t all[LEDE_NER_MAX_FEATURES], got[LEDE_NER_MAX_FEATURES + LEDE_NER_NB_ROLES];
        size_t na = lede_ner_features(&a, i, 1, all);
        uint64_t mask = lede_ner_neighbour_mask(i, w.n);
        size_t ng = lede_ner_features_masked(&a, i, 1, mask, got);
        if (i >= 2)
            got[ng++] = nbf[i - 2][LEDE_NER_NB_LOWER_M2];
        if (i >= 1)
            for (int r = LEDE_NER_NB_LOWER_M1; r <= LEDE_NER_NB_CLASS_M1_2; r++)
                got[ng++] = nbf[i - 1][r];
        if (i + 1 < w.n)
            for (int r = LEDE_NER_NB_LOWER_P1; r <= LEDE_NER_NB_CLASS_P1_2; r++)
                got[ng++] = nbf[i + 1][r];
        if (i + 2 < w.n)
            got[ng++] = nbf[i + 2][LEDE_NER_NB_LOWER_P2];
        assert_int_equal(ng, na);
        /* the same multiset: every feature of one is in the other as often */
        for (size_t x = 0; x < na; x++) {
            size_t ca = 0, cg = 0;
            for (size_t y = 0; y < na; y++) {
                ca += all[y] == all[x];
                cg += got[y] == all[x];
            }
            assert_int_equal(ca, cg);
        }
        /* inside the window the mask leaves out all ten features */
        if (i >= 2 && i + 2 < w.n)
            assert_int_equal(ng - LEDE_NER_NB_ROLES,
                             lede_ner_features_masked(&a, i, 1, mask, got));
    }
    assert_int_equal(lede_ner_neighbour_mask(0, 1), 0);
}

/* The templates' hashes are written out in features.c: a template added
   or moved without its hash would change every feature the model knows. */
static void test_features_template_hashes(void **state) {
    (void)state;
    assert_true(lede_ner_templates_ok());
}

static size_t template_index(const char *name) {
    for (size_t k = 0; k < lede_ner_template_count(); k++)
        if (strcmp(lede_ner_template_name(k), name) == 0)
            return k;
    fail_msg("no template %s", name);
    return 0;
}

/* The features of the one template `name` for token i, given stage-1 tags. */
static size_t doc_features(window *w, const uint8_t *tags, size_t i, const char *name,
                           uint64_t *out) {
    lede_ner_doc doc;
    memset(&doc, 0, sizeof doc);
    uint8_t caps[MAXTOK] = {0};
    assert_int_equal(lede_ner_doc_build(&doc, w->tok, tags, caps, w->n), LEDE_OK);
    lede_ner_window lw = {w->tok, w->n, w->wflags, &doc, tags};
    uint64_t mask = ~((uint64_t)1 << template_index(name));
    size_t n = lede_ner_features_masked(&lw, i, 2, mask, out);
    lede_ner_doc_free(&doc);
    return n;
}

static void test_features_doc_counts_other_occurrences(void **state) {
    (void)state;
    const char *s = "Acme said Acme would grow.";
    window w;
    window_read(&w, s, 0);
    const uint8_t org = (uint8_t)LEDE_NER_TAG(LEDE_NER_T_ORG, LEDE_NER_P_U), o = LEDE_NER_TAG_O;
    uint8_t both[MAXTOK] = {org, o, org, o, o, o}, first_o[MAXTOK] = {o, o, org, o, o, o};
    uint8_t second_o[MAXTOK] = {org, o, o, o, o, o};
    uint64_t f1[LEDE_NER_MAX_FEATURES], f2[LEDE_NER_MAX_FEATURES], f3[LEDE_NER_MAX_FEATURES];
    /* token 0 sees only the other "Acme": its own tag does not count */
    size_t n1 = doc_features(&w, both, 0, "doc-types", f1);
    size_t n2 = doc_features(&w, first_o, 0, "doc-types", f2);
    size_t n3 = doc_features(&w, second_o, 0, "doc-types", f3);
    assert_int_equal(n1, 1);
    assert_true(same_set(f1, n1, f2, n2));
    assert_false(same_set(f1, n1, f3, n3));
    /* a word seen once has no statistics */
    assert_int_equal(doc_features(&w, both, 1, "doc-types", f1), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_features_token_flags),
        cmocka_unit_test(test_features_shapes_norms_and_affixes),
        cmocka_unit_test(test_features_long_token_is_bounded),
        cmocka_unit_test(test_features_window_quotes_brackets_first),
        cmocka_unit_test(test_features_window_in_capitals_is_a_headline),
        cmocka_unit_test(test_features_window_gazetteer_marks),
        cmocka_unit_test(test_features_local_are_deterministic_and_distinct),
        cmocka_unit_test(test_features_doc_counts_other_occurrences),
        cmocka_unit_test(test_features_template_hashes),
        cmocka_unit_test(test_features_neighbours_give_the_same_features),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
