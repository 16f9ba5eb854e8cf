/*
 * test_teams.c: the club names of ext/ner/teams.h: the list is in strcmp
 * order (the lookup is a binary search) and every name of it is found;
 * the cue and context words are found, other words are not.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ner/teams.h"

#include <string.h>

static void test_teams_list_is_sorted_and_found(void **state) {
    (void)state;
    const char *prev = NULL, *name;
    size_t i = 0;
    for (; (name = lede_ner_team_name(i)) != NULL; i++) {
        if (prev)
            assert_true(strcmp(prev, name) < 0);
        int more;
        assert_int_not_equal(lede_ner_team_find(name, strlen(name), &more), LEDE_NER_TEAM_NONE);
        prev = name;
    }
    assert_true(i > 100);
}

static lede_ner_team_kind find(const char *s, size_t n) {
    int more;
    return lede_ner_team_find(s, n, &more);
}

/* whether a longer name goes on from s */
static int goes_on(const char *s) {
    int more;
    lede_ner_team_find(s, strlen(s), &more);
    return more;
}

static void test_teams_kinds(void **state) {
    (void)state;
    assert_int_equal(find("juventus", 8), LEDE_NER_TEAM_SURE);
    assert_int_equal(find("aston villa", 11), LEDE_NER_TEAM_SURE);
    assert_int_equal(find("liverpool", 9), LEDE_NER_TEAM_AMBIGUOUS);
    assert_int_equal(find("villa", 5), LEDE_NER_TEAM_NONE);
    assert_int_equal(find("juventus fans", 13), LEDE_NER_TEAM_NONE);
    assert_int_equal(find("juve", 4), LEDE_NER_TEAM_NONE);
    assert_int_equal(find("", 0), LEDE_NER_TEAM_NONE);
    /* a key is matched whole, with its length: no NUL inside, no prefix */
    assert_int_equal(find("juventus\0x", 10), LEDE_NER_TEAM_NONE);
    assert_int_equal(find("juventusx", 8), LEDE_NER_TEAM_SURE);
    assert_true(goes_on("aston"));
    assert_true(goes_on("brighton"));   /* a name itself, and "brighton & hove albion" */
    assert_true(goes_on("brighton &")); /* inside a longer one */
    assert_false(goes_on("juventus"));
    assert_false(goes_on("zzz"));
    assert_false(goes_on("aston villa"));
}

static void test_teams_words(void **state) {
    (void)state;
    const char *const cues[] = {"beat", "v", "vs.", "winger", "manager", "boss"};
    for (size_t k = 0; k < sizeof cues / sizeof cues[0]; k++)
        assert_true(lede_ner_team_cue(cues[k], strlen(cues[k])));
    const char *const context[] = {"bundesliga", "winger", "penalty", "stoppage-time", "striker"};
    for (size_t k = 0; k < sizeof context / sizeof context[0]; k++)
        assert_true(lede_ner_team_context(context[k], strlen(context[k])));
    assert_false(lede_ner_team_cue("said", 4));
    assert_false(lede_ner_team_context("election", 8));
    assert_false(lede_ner_team_context("", 0));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_teams_list_is_sorted_and_found),
        cmocka_unit_test(test_teams_kinds),
        cmocka_unit_test(test_teams_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
