/*
 * test_abbrev.c: every listed abbreviation is found with its class (which
 * also proves the table's order, since lookup bisects), lookups are
 * case-sensitive, and sentence starters ignore ASCII case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "text/abbrev.h"
#include "text/orth.h"

#include <string.h>

static const struct {
    const char *word;
    lede_abbrev_class cls;
} abbrev_expected[] = {
    {"Adm", LEDE_ABBREV_TITLE},    {"Amb", LEDE_ABBREV_TITLE},     {"Apr", LEDE_ABBREV_NUMERIC},
    {"Art", LEDE_ABBREV_NUMERIC},  {"Assn", LEDE_ABBREV_GENERAL},  {"Asst", LEDE_ABBREV_TITLE},
    {"Atty", LEDE_ABBREV_TITLE},   {"Aug", LEDE_ABBREV_NUMERIC},   {"Ave", LEDE_ABBREV_GENERAL},
    {"Blvd", LEDE_ABBREV_GENERAL}, {"Brig", LEDE_ABBREV_TITLE},    {"Bros", LEDE_ABBREV_GENERAL},
    {"Capt", LEDE_ABBREV_TITLE},   {"Ch", LEDE_ABBREV_NUMERIC},    {"Cmdr", LEDE_ABBREV_TITLE},
    {"Co", LEDE_ABBREV_GENERAL},   {"Col", LEDE_ABBREV_TITLE},     {"Corp", LEDE_ABBREV_GENERAL},
    {"Cos", LEDE_ABBREV_GENERAL},  {"Cpl", LEDE_ABBREV_TITLE},     {"Dec", LEDE_ABBREV_NUMERIC},
    {"Dept", LEDE_ABBREV_GENERAL}, {"Det", LEDE_ABBREV_TITLE},     {"Dr", LEDE_ABBREV_TITLE},
    {"Esq", LEDE_ABBREV_GENERAL},  {"Feb", LEDE_ABBREV_NUMERIC},   {"Fig", LEDE_ABBREV_NUMERIC},
    {"Figs", LEDE_ABBREV_NUMERIC}, {"Fr", LEDE_ABBREV_TITLE},      {"Fri", LEDE_ABBREV_GENERAL},
    {"Ft", LEDE_ABBREV_TITLE},     {"Gen", LEDE_ABBREV_TITLE},     {"Gens", LEDE_ABBREV_TITLE},
    {"Gov", LEDE_ABBREV_TITLE},    {"Govt", LEDE_ABBREV_GENERAL},  {"Hon", LEDE_ABBREV_TITLE},
    {"Inc", LEDE_ABBREV_GENERAL},  {"Insp", LEDE_ABBREV_TITLE},    {"Intl", LEDE_ABBREV_GENERAL},
    {"Jan", LEDE_ABBREV_NUMERIC},  {"Jr", LEDE_ABBREV_GENERAL},    {"Jul", LEDE_ABBREV_NUMERIC},
    {"Jun", LEDE_ABBREV_NUMERIC},  {"Lt", LEDE_ABBREV_TITLE},      {"Ltd", LEDE_ABBREV_GENERAL},
    {"Maj", LEDE_ABBREV_TITLE},    {"Mar", LEDE_ABBREV_NUMERIC},   {"Messrs", LEDE_ABBREV_TITLE},
    {"Mfg", LEDE_ABBREV_GENERAL},  {"Mlle", LEDE_ABBREV_TITLE},    {"Mme", LEDE_ABBREV_TITLE},
    {"Mon", LEDE_ABBREV_GENERAL},  {"Mr", LEDE_ABBREV_TITLE},      {"Mrs", LEDE_ABBREV_TITLE},
    {"Ms", LEDE_ABBREV_TITLE},     {"Msgr", LEDE_ABBREV_TITLE},    {"Mt", LEDE_ABBREV_TITLE},
    {"Natl", LEDE_ABBREV_GENERAL}, {"No", LEDE_ABBREV_NUMERIC},    {"Nos", LEDE_ABBREV_NUMERIC},
    {"Nov", LEDE_ABBREV_NUMERIC},  {"Nr", LEDE_ABBREV_NUMERIC},    {"Oct", LEDE_ABBREV_NUMERIC},
    {"Pres", LEDE_ABBREV_TITLE},   {"Prof", LEDE_ABBREV_TITLE},    {"Pty", LEDE_ABBREV_GENERAL},
    {"Pvt", LEDE_ABBREV_TITLE},    {"Rd", LEDE_ABBREV_GENERAL},    {"Rep", LEDE_ABBREV_TITLE},
    {"Reps", LEDE_ABBREV_TITLE},   {"Rev", LEDE_ABBREV_TITLE},     {"Rs", LEDE_ABBREV_NUMERIC},
    {"Rt", LEDE_ABBREV_TITLE},     {"Sat", LEDE_ABBREV_GENERAL},   {"Sen", LEDE_ABBREV_TITLE},
    {"Sens", LEDE_ABBREV_TITLE},   {"Sep", LEDE_ABBREV_NUMERIC},   {"Sept", LEDE_ABBREV_NUMERIC},
    {"Sgt", LEDE_ABBREV_TITLE},    {"Sr", LEDE_ABBREV_GENERAL},    {"St", LEDE_ABBREV_GENERAL},
    {"Sun", LEDE_ABBREV_GENERAL},  {"Supt", LEDE_ABBREV_TITLE},    {"Thu", LEDE_ABBREV_GENERAL},
    {"Thur", LEDE_ABBREV_GENERAL}, {"Thurs", LEDE_ABBREV_GENERAL}, {"Tue", LEDE_ABBREV_GENERAL},
    {"Tues", LEDE_ABBREV_GENERAL}, {"Univ", LEDE_ABBREV_GENERAL},  {"Vol", LEDE_ABBREV_NUMERIC},
    {"Wed", LEDE_ABBREV_GENERAL},  {"al", LEDE_ABBREV_GENERAL},    {"approx", LEDE_ABBREV_NUMERIC},
    {"ca", LEDE_ABBREV_NUMERIC},   {"cf", LEDE_ABBREV_TITLE},      {"ch", LEDE_ABBREV_NUMERIC},
    {"co", LEDE_ABBREV_GENERAL},   {"dept", LEDE_ABBREV_GENERAL},  {"est", LEDE_ABBREV_GENERAL},
    {"etc", LEDE_ABBREV_GENERAL},  {"ft", LEDE_ABBREV_GENERAL},    {"hr", LEDE_ABBREV_GENERAL},
    {"hrs", LEDE_ABBREV_GENERAL},  {"incl", LEDE_ABBREV_TITLE},    {"min", LEDE_ABBREV_GENERAL},
    {"mos", LEDE_ABBREV_GENERAL},  {"p", LEDE_ABBREV_NUMERIC},     {"para", LEDE_ABBREV_NUMERIC},
    {"pp", LEDE_ABBREV_NUMERIC},   {"sec", LEDE_ABBREV_NUMERIC},   {"st", LEDE_ABBREV_GENERAL},
    {"viz", LEDE_ABBREV_TITLE},    {"vol", LEDE_ABBREV_NUMERIC},   {"vs", LEDE_ABBREV_TITLE},
    {"yr", LEDE_ABBREV_GENERAL},   {"yrs", LEDE_ABBREV_GENERAL},
};

static void test_abbrev_every_entry_is_found(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof abbrev_expected / sizeof abbrev_expected[0]; i++) {
        const char *w = abbrev_expected[i].word;
        if (lede_abbrev_lookup(w, strlen(w)) != abbrev_expected[i].cls)
            fail_msg("%s: wrong class or not found", w);
    }
}

static void test_abbrev_case_and_misses(void **state) {
    (void)state;
    assert_int_equal(lede_abbrev_lookup("MR", 2), LEDE_ABBREV_NONE);
    assert_int_equal(lede_abbrev_lookup("mr", 2), LEDE_ABBREV_NONE);
    assert_int_equal(lede_abbrev_lookup("no", 2), LEDE_ABBREV_NONE);   /* "He said no." */
    assert_int_equal(lede_abbrev_lookup("Mrs", 2), LEDE_ABBREV_TITLE); /* length counts */
    assert_int_equal(lede_abbrev_lookup("", 0), LEDE_ABBREV_NONE);
    assert_int_equal(lede_abbrev_lookup("Incorporated", 12), LEDE_ABBREV_NONE);
}

static void test_abbrev_starters_ignore_case(void **state) {
    (void)state;
    assert_true(lede_abbrev_is_starter("The", 3));
    assert_true(lede_abbrev_is_starter("THE", 3));
    assert_true(lede_abbrev_is_starter("however", 7));
    assert_false(lede_abbrev_is_starter("Government", 10));
    assert_false(lede_abbrev_is_starter("Th", 2));
    assert_false(lede_abbrev_is_starter("Nevertheless-ish", 16));
}

/* The generated list of orth_data.c is sorted (lookup bisects) and says
   common nouns from names. */
static void test_orth_sorted_and_looked_up(void **state) {
    (void)state;
    assert_true(lede_orth_lower_count > 1000);
    for (size_t i = 1; i < lede_orth_lower_count; i++)
        if (strcmp(lede_orth_lower_words[i - 1], lede_orth_lower_words[i]) >= 0)
            fail_msg("orth list out of order at %s", lede_orth_lower_words[i]);
    for (size_t i = 0; i < lede_orth_lower_count; i += 97) {
        char w[32];
        size_t n = strlen(lede_orth_lower_words[i]);
        assert_true(n < sizeof w);
        memcpy(w, lede_orth_lower_words[i], n);
        w[0] = (char)(w[0] - 32);
        assert_int_equal(lede_orth_ratio(w, n), lede_orth_lower_ratio[i]);
    }
    assert_true(lede_orth_ratio("Officials", 9) >= 8);
    assert_int_equal(lede_orth_ratio("officials", 9), 0); /* only a capitalised word */
    assert_int_equal(lede_orth_ratio("OFFICIALS", 9), 0);
    assert_int_equal(lede_orth_ratio("Senate", 6), 0); /* capitalised inside sentences */
    assert_int_equal(lede_orth_ratio("Tuesday", 7), 0);
    assert_int_equal(lede_orth_ratio("", 0), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_abbrev_every_entry_is_found),
        cmocka_unit_test(test_abbrev_case_and_misses),
        cmocka_unit_test(test_abbrev_starters_ignore_case),
        cmocka_unit_test(test_orth_sorted_and_looked_up),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
