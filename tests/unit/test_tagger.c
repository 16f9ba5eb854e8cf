/*
 * test_tagger.c: the BILOU tags and the constrained Viterbi decoder of
 * ext/ner/tagger.h: the transition rules, optimality against brute force on
 * small random models, hand-built cases, ties and determinism.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ner/tagger.h"

#include <string.h>

/* Most tests use the CoNLL model's 4 types (17 tags); one uses all 18. */
enum { NTY = 4, T = 1 + 4 * NTY, TMAX = LEDE_NER_MAX_TAGS };

static const int O = LEDE_NER_TAG_O;
#define TAG(ty, pos) LEDE_NER_TAG(LEDE_NER_T_##ty, LEDE_NER_P_##pos)

static void test_tagger_names_and_layout(void **state) {
    (void)state;
    assert_string_equal(lede_ner_pos_name(O), "O");
    assert_string_equal(lede_ner_pos_name(TAG(PER, B)), "B");
    assert_string_equal(lede_ner_pos_name(TAG(ORG, I)), "I");
    assert_string_equal(lede_ner_pos_name(TAG(LOC, L)), "L");
    assert_string_equal(lede_ner_pos_name(TAG(MISC, U)), "U");
    assert_string_equal(lede_ner_pos_name(-1), "?");
    assert_int_equal(LEDE_NER_NTAGS_OF(18), TMAX);
    for (int t = 1; t < TMAX; t++) {
        int ty = LEDE_NER_TAG_TYPE(t), pos = LEDE_NER_TAG_POS(t);
        assert_int_equal(LEDE_NER_TAG(ty, pos), t);
    }
}

typedef struct {
    int prev, cur, allowed;
} transition_case;

static void test_tagger_transitions_follow_bilou(void **state) {
    (void)state;
    /* clang-format off */
    const transition_case cases[] = {
        {-1, O, 1}, {-1, TAG(PER, B), 1}, {-1, TAG(LOC, U), 1},
        {-1, TAG(PER, I), 0}, {-1, TAG(ORG, L), 0},
        {O, TAG(ORG, B), 1}, {O, TAG(ORG, I), 0}, {O, TAG(ORG, L), 0},
        {TAG(PER, B), TAG(PER, I), 1}, {TAG(PER, B), TAG(PER, L), 1},
        {TAG(PER, B), TAG(ORG, I), 0}, {TAG(PER, B), O, 0}, {TAG(PER, B), TAG(PER, B), 0},
        {TAG(PER, B), TAG(PER, U), 0},
        {TAG(MISC, I), TAG(MISC, I), 1}, {TAG(MISC, I), TAG(MISC, L), 1},
        {TAG(MISC, I), TAG(LOC, L), 0}, {TAG(MISC, I), O, 0},
        {TAG(PER, L), O, 1}, {TAG(PER, L), TAG(PER, B), 1}, {TAG(PER, L), TAG(PER, I), 0},
        {TAG(LOC, U), TAG(LOC, U), 1}, {TAG(LOC, U), TAG(ORG, B), 1},
        {TAG(LOC, U), TAG(LOC, L), 0},
    };
    /* clang-format on */
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const transition_case *c = &cases[k];
        if (lede_ner_allowed(c->prev, c->cur) != c->allowed)
            fail_msg("case %zu: %d -> %d: allowed is %d", k, c->prev, c->cur, !c->allowed);
    }
    assert_true(lede_ner_allowed_last(O));
    assert_true(lede_ner_allowed_last(TAG(ORG, L)));
    assert_true(lede_ner_allowed_last(TAG(ORG, U)));
    assert_false(lede_ner_allowed_last(TAG(ORG, B)));
    assert_false(lede_ner_allowed_last(TAG(ORG, I)));
}

/* A small deterministic generator for the property tests. */
static uint64_t rnd(uint64_t *s) {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static int32_t rnd_score(uint64_t *s) { return (int32_t)(rnd(s) % 201) - 100; }

/* The score of tags under emit and tr, or INT64_MIN when not allowed. */
static int64_t path_score(const int32_t *emit, size_t n, int nt, const lede_ner_transitions *tr,
                          const uint8_t *tags) {
    int64_t s = 0;
    for (size_t i = 0; i < n; i++) {
        int prev = i ? tags[i - 1] : -1;
        if (!lede_ner_allowed(prev, tags[i]))
            return INT64_MIN;
        s += emit[i * (size_t)nt + tags[i]] + (i ? tr->trans[prev][tags[i]] : tr->start[tags[i]]);
    }
    if (!lede_ner_allowed_last(tags[n - 1]))
        return INT64_MIN;
    return s + tr->end[tags[n - 1]];
}

/* The best score over every sequence of n tags (brute force). */
static int64_t best_score(const int32_t *emit, size_t n, int nt, const lede_ner_transitions *tr) {
    uint8_t tags[4] = {0};
    int64_t best = INT64_MIN;
    for (;;) {
        int64_t s = path_score(emit, n, nt, tr, tags);
        if (s > best)
            best = s;
        size_t i = 0;
        while (i < n && ++tags[i] == nt)
            tags[i++] = 0;
        if (i == n)
            return best;
    }
}

static void test_tagger_viterbi_finds_the_best_allowed_path(void **state) {
    (void)state;
    uint64_t seed = 0x5eed1234abcdULL;
    lede_ner_viterbi_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    for (int round = 0; round < 300; round++) {
        size_t n = 1 + (size_t)(round % 4);
        int32_t emit[4 * T];
        lede_ner_transitions tr;
        for (size_t i = 0; i < n * T; i++)
            emit[i] = rnd_score(&seed);
        for (int a = 0; a < T; a++) {
            tr.start[a] = rnd_score(&seed);
            tr.end[a] = rnd_score(&seed);
            for (int b = 0; b < T; b++)
                tr.trans[a][b] = rnd_score(&seed);
        }
        uint8_t tags[4];
        assert_int_equal(lede_ner_viterbi(&ctx, emit, n, NTY, &tr, tags), LEDE_OK);
        int64_t got = path_score(emit, n, T, &tr, tags);
        assert_true(got != INT64_MIN); /* the path is allowed */
        assert_true(got == best_score(emit, n, T, &tr));
    }
    lede_ner_viterbi_free(&ctx);
}

/* The same with the 18 types of the OntoNotes model (73 tags), on
   sequences of up to 2 tokens. */
static void test_tagger_viterbi_with_eighteen_types(void **state) {
    (void)state;
    uint64_t seed = 0xabcdef987ULL;
    lede_ner_viterbi_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    static lede_ner_transitions tr;
    for (int round = 0; round < 40; round++) {
        size_t n = 1 + (size_t)(round % 2);
        int32_t emit[2 * TMAX];
        for (size_t i = 0; i < n * TMAX; i++)
            emit[i] = rnd_score(&seed);
        for (int a = 0; a < TMAX; a++) {
            tr.start[a] = rnd_score(&seed);
            tr.end[a] = rnd_score(&seed);
            for (int b = 0; b < TMAX; b++)
                tr.trans[a][b] = rnd_score(&seed);
        }
        uint8_t tags[2];
        assert_int_equal(lede_ner_viterbi(&ctx, emit, n, 18, &tr, tags), LEDE_OK);
        int64_t got = path_score(emit, n, TMAX, &tr, tags);
        assert_true(got != INT64_MIN);
        assert_true(got == best_score(emit, n, TMAX, &tr));
    }
    int32_t emit[TMAX] = {0};
    uint8_t tags[1];
    assert_int_equal(lede_ner_viterbi(&ctx, emit, 1, 0, &tr, tags), LEDE_INVALID);
    assert_int_equal(lede_ner_viterbi(&ctx, emit, 1, 19, &tr, tags), LEDE_INVALID);
    lede_ner_viterbi_free(&ctx);
}

/* A tiny hand-built model: "Ann Lee" is a name only as a whole. */
static void test_tagger_viterbi_prefers_a_whole_entity(void **state) {
    (void)state;
    lede_ner_transitions tr;
    memset(&tr, 0, sizeof tr);
    int32_t emit[3 * T];
    memset(emit, 0, sizeof emit);
    /* token 0: B-PER slightly better than O; token 1: I-PER strongest alone,
       but I cannot end a sequence; L-PER is next best; token 2: clearly O. */
    emit[0 * T + TAG(PER, B)] = 5;
    emit[0 * T + O] = 4;
    emit[1 * T + TAG(PER, I)] = 9;
    emit[1 * T + TAG(PER, L)] = 6;
    emit[1 * T + O] = 1;
    emit[2 * T + O] = 10;
    uint8_t tags[3];
    lede_ner_viterbi_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    assert_int_equal(lede_ner_viterbi(&ctx, emit, 3, NTY, &tr, tags), LEDE_OK);
    assert_int_equal(tags[0], TAG(PER, B));
    assert_int_equal(tags[1], TAG(PER, L));
    assert_int_equal(tags[2], O);
    /* A transition penalty on B-PER -> L-PER makes the split cheaper. */
    tr.trans[TAG(PER, B)][TAG(PER, L)] = -20;
    assert_int_equal(lede_ner_viterbi(&ctx, emit, 3, NTY, &tr, tags), LEDE_OK);
    assert_int_equal(tags[0], O);
    assert_int_equal(tags[1], O);
    assert_int_equal(tags[2], O);
    lede_ner_viterbi_free(&ctx);
}

static void test_tagger_viterbi_ties_go_to_the_lower_tag(void **state) {
    (void)state;
    lede_ner_transitions tr;
    memset(&tr, 0, sizeof tr);
    int32_t emit[2 * T];
    memset(emit, 0, sizeof emit); /* everything ties */
    uint8_t tags[2];
    lede_ner_viterbi_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    assert_int_equal(lede_ner_viterbi(&ctx, emit, 2, NTY, &tr, tags), LEDE_OK);
    assert_int_equal(tags[0], O);
    assert_int_equal(tags[1], O);
    emit[TAG(LOC, U)] = 7;
    emit[TAG(ORG, U)] = 7; /* ORG comes before LOC */
    assert_int_equal(lede_ner_viterbi(&ctx, emit, 1, NTY, &tr, tags), LEDE_OK);
    assert_int_equal(tags[0], TAG(ORG, U));
    lede_ner_viterbi_free(&ctx);
}

static void test_tagger_viterbi_is_deterministic_on_long_input(void **state) {
    (void)state;
    enum { N = 3000 }; /* longer than any window, to exercise the score floor */
    static int32_t emit[N * T];
    static uint8_t a[N], b[N];
    uint64_t seed = 42;
    lede_ner_transitions tr;
    for (size_t i = 0; i < (size_t)N * T; i++)
        emit[i] = (int32_t)(rnd(&seed) % 20001) - 10000;
    for (int x = 0; x < T; x++) {
        tr.start[x] = rnd_score(&seed);
        tr.end[x] = rnd_score(&seed);
        for (int y = 0; y < T; y++)
            tr.trans[x][y] = rnd_score(&seed);
    }
    lede_ner_viterbi_ctx c1, c2;
    memset(&c1, 0, sizeof c1);
    memset(&c2, 0, sizeof c2);
    assert_int_equal(lede_ner_viterbi(&c1, emit, N, NTY, &tr, a), LEDE_OK);
    assert_int_equal(lede_ner_viterbi(&c2, emit, N, NTY, &tr, b), LEDE_OK);
    assert_memory_equal(a, b, N);
    for (size_t i = 0; i < N; i++)
        assert_true(lede_ner_allowed(i ? a[i - 1] : -1, a[i]));
    assert_true(lede_ner_allowed_last(a[N - 1]));
    /* decoding a prefix again with a context grown larger changes nothing */
    assert_int_equal(lede_ner_viterbi(&c1, emit, 10, NTY, &tr, b), LEDE_OK);
    assert_int_equal(lede_ner_viterbi(&c2, emit, 10, NTY, &tr, a), LEDE_OK);
    assert_memory_equal(a, b, 10);
    assert_int_equal(lede_ner_viterbi(&c1, emit, 0, NTY, &tr, a), LEDE_OK); /* nothing to do */
    lede_ner_viterbi_free(&c1);
    lede_ner_viterbi_free(&c2);
}

/* The textbook decoder: every allowed pair of tags at every token, in
   64 bits, ties to the lower tag (the earlier predecessor, the lower last
   tag). */
static void reference_viterbi(const int32_t *emit, size_t n, int nt,
                              const lede_ner_transitions *tr, uint8_t *tags) {
    static int64_t score[64][TMAX];
    static uint8_t from[64][TMAX];
    for (int t = 0; t < nt; t++)
        score[0][t] = lede_ner_allowed(-1, t) ? tr->start[t] + emit[t] : INT64_MIN;
    for (size_t i = 1; i < n; i++)
        for (int t = 0; t < nt; t++) {
            int64_t best = INT64_MIN;
            int arg = 0;
            for (int p = 0; p < nt; p++)
                if (score[i - 1][p] != INT64_MIN && lede_ner_allowed(p, t) &&
                    score[i - 1][p] + tr->trans[p][t] > best) {
                    best = score[i - 1][p] + tr->trans[p][t];
                    arg = p;
                }
            score[i][t] = best == INT64_MIN ? INT64_MIN : best + emit[i * (size_t)nt + t];
            from[i][t] = (uint8_t)arg;
        }
    int64_t top = INT64_MIN;
    int last = 0;
    for (int t = 0; t < nt; t++)
        if (lede_ner_allowed_last(t) && score[n - 1][t] != INT64_MIN &&
            score[n - 1][t] + tr->end[t] > top) {
            top = score[n - 1][t] + tr->end[t];
            last = t;
        }
    for (size_t i = n; i-- > 0;) {
        tags[i] = (uint8_t)last;
        last = from[i][last];
    }
}

/* The decoder gives exactly the textbook decoder's tags, ties included, on
   long random sequences of both tag sets, in a context that keeps the
   tables of two transitions (as the two-stage model's extractor does) and
   in one that makes them at every call. Scores are drawn from few values
   so that ties are common. */
static void test_tagger_viterbi_matches_the_textbook_decoder(void **state) {
    (void)state;
    uint64_t seed = 0x7a99e5ULL;
    static lede_ner_transitions tr[2];
    static int32_t emit[64 * TMAX];
    lede_ner_viterbi_ctx fixed, plain;
    memset(&fixed, 0, sizeof fixed);
    memset(&plain, 0, sizeof plain);
    fixed.fixed = 1;
    for (int k = 0; k < 2; k++)
        for (int a = 0; a < TMAX; a++) {
            tr[k].start[a] = (int32_t)(rnd(&seed) % 7) - 3;
            tr[k].end[a] = (int32_t)(rnd(&seed) % 7) - 3;
            for (int b = 0; b < TMAX; b++)
                tr[k].trans[a][b] = (int32_t)(rnd(&seed) % 9) - 4;
        }
    for (int round = 0; round < 120; round++) {
        size_t ntypes = round % 3 == 0 ? NTY : LEDE_NER_MAX_TYPES;
        int nt = (int)LEDE_NER_NTAGS_OF(ntypes);
        size_t n = 1 + rnd(&seed) % 64;
        int spread = round % 2 ? 5 : 200;
        for (size_t i = 0; i < n * (size_t)nt; i++)
            emit[i] = (int32_t)(rnd(&seed) % (uint64_t)(2 * spread + 1)) - spread;
        const lede_ner_transitions *t = &tr[round / 2 % 2];
        uint8_t want[64], got[64], got2[64];
        reference_viterbi(emit, n, nt, t, want);
        assert_int_equal(lede_ner_viterbi(&fixed, emit, n, ntypes, t, got), LEDE_OK);
        assert_int_equal(lede_ner_viterbi(&plain, emit, n, ntypes, t, got2), LEDE_OK);
        for (size_t i = 0; i < n; i++) {
            if (got[i] != want[i] || got2[i] != want[i])
                fail_msg("round %d, token %zu of %zu: tag %d and %d, textbook %d", round, i, n,
                         got[i], got2[i], want[i]);
        }
    }
    lede_ner_viterbi_free(&fixed);
    lede_ner_viterbi_free(&plain);
}

static void test_tagger_forbid_addresses_and_invalid_characters(void **state) {
    (void)state;
    lede_ner_token t;
    int32_t emit[T];
    memset(&t, 0, sizeof t);
    const lede_tok_kind open_kinds[] = {LEDE_TOK_WORD, LEDE_TOK_NUMBER, LEDE_TOK_PUNCT,
                                        LEDE_TOK_SYMBOL};
    for (size_t k = 0; k < sizeof open_kinds / sizeof open_kinds[0]; k++) {
        t.kind = open_kinds[k];
        for (int x = 0; x < T; x++)
            emit[x] = x;
        lede_ner_forbid(emit, T, &t);
        for (int x = 0; x < T; x++)
            assert_int_equal(emit[x], x); /* left to the model */
    }
    const lede_tok_kind closed_kinds[] = {LEDE_TOK_URL, LEDE_TOK_EMAIL};
    for (size_t k = 0; k < 3; k++) {
        t.kind = k < 2 ? closed_kinds[k] : LEDE_TOK_SYMBOL;
        t.flags = k < 2 ? 0 : LEDE_NER_TF_INVALID;
        for (int x = 0; x < T; x++)
            emit[x] = 1000;
        lede_ner_forbid(emit, T, &t);
        assert_int_equal(emit[O], 1000);
        for (int x = 1; x < T; x++)
            assert_int_equal(emit[x], LEDE_NER_FORBIDDEN);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tagger_names_and_layout),
        cmocka_unit_test(test_tagger_transitions_follow_bilou),
        cmocka_unit_test(test_tagger_viterbi_finds_the_best_allowed_path),
        cmocka_unit_test(test_tagger_viterbi_with_eighteen_types),
        cmocka_unit_test(test_tagger_viterbi_prefers_a_whole_entity),
        cmocka_unit_test(test_tagger_viterbi_ties_go_to_the_lower_tag),
        cmocka_unit_test(test_tagger_viterbi_is_deterministic_on_long_input),
        cmocka_unit_test(test_tagger_viterbi_matches_the_textbook_decoder),
        cmocka_unit_test(test_tagger_forbid_addresses_and_invalid_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
