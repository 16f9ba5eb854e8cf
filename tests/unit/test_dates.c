/*
 * test_dates.c: the calendar and relative-date resolution of
 * ext/ner/dates.h, and the DATE and TIME patterns of ext/ner/rules.h with
 * and without an anchor date.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ner/dates.h"
#include "ner/rules.h"
#include "text/sentences.h"

#include <stdio.h>
#include <string.h>

static lede_date D(int y, int m, int d) {
    lede_date r = {y, m, d};
    return r;
}

static void assert_date(lede_date got, int y, int m, int d) {
    if (got.year != y || got.month != m || got.day != d)
        fail_msg("got %04d-%02d-%02d, expected %04d-%02d-%02d", got.year, got.month, got.day, y, m,
                 d);
}

static void test_dates_calendar(void **state) {
    (void)state;
    assert_int_equal(lede_date_to_days(D(1970, 1, 1)), 0);
    assert_int_equal(lede_date_to_days(D(2000, 3, 1)), 11017);
    assert_int_equal(lede_date_to_days(D(1969, 12, 31)), -1);
    /* every day from 1600 to 2400 round-trips and steps by one */
    long first = lede_date_to_days(D(1600, 1, 1)), last = lede_date_to_days(D(2400, 12, 31));
    lede_date prev = lede_date_from_days(first - 1);
    for (long z = first; z <= last; z++) {
        lede_date d = lede_date_from_days(z);
        assert_true(lede_date_valid(d.year, d.month, d.day));
        assert_int_equal(lede_date_to_days(d), z);
        assert_true(d.day == prev.day + 1 || d.day == 1);
        prev = d;
    }
    assert_true(lede_date_is_leap(2000));
    assert_false(lede_date_is_leap(1900));
    assert_true(lede_date_is_leap(2024));
    assert_int_equal(lede_date_days_in_month(2023, 2), 28);
    assert_int_equal(lede_date_days_in_month(2024, 2), 29);
    assert_int_equal(lede_date_days_in_month(2024, 13), 0);
    assert_false(lede_date_valid(2023, 2, 29));
    assert_false(lede_date_valid(0, 1, 1));
    assert_false(lede_date_valid(10000, 1, 1));
    /* 2025-01-07 was a Tuesday, 1970-01-01 a Thursday */
    assert_int_equal(lede_date_weekday(D(2025, 1, 7)), 1);
    assert_int_equal(lede_date_weekday(D(1970, 1, 1)), 3);
    int y, w;
    lede_date_iso_week(D(2025, 1, 7), &y, &w);
    assert_int_equal(y, 2025);
    assert_int_equal(w, 2);
    lede_date_iso_week(D(2024, 12, 30), &y, &w); /* a Monday in week 1 of 2025 */
    assert_int_equal(y, 2025);
    assert_int_equal(w, 1);
    lede_date_iso_week(D(2021, 1, 3), &y, &w); /* a Sunday in week 53 of 2020 */
    assert_int_equal(y, 2020);
    assert_int_equal(w, 53);
}

static void test_dates_parse_iso(void **state) {
    (void)state;
    lede_date d;
    assert_true(lede_date_parse_iso("2025-01-07", 10, &d));
    assert_date(d, 2025, 1, 7);
    assert_true(lede_date_parse_iso("2025-01-07T10:30:00Z", 20, &d));
    assert_true(lede_date_parse_iso("2024-02-29 08:00", 16, &d));
    assert_false(lede_date_parse_iso("2023-02-29", 10, &d));
    assert_false(lede_date_parse_iso("2025-1-7", 8, &d));
    assert_false(lede_date_parse_iso("2025-01-07x", 11, &d));
    assert_false(lede_date_parse_iso("2025-01-0", 9, &d));
    assert_false(lede_date_parse_iso("", 0, &d));
    assert_false(lede_date_parse_iso(NULL, 0, &d));
    char buf[16];
    assert_int_equal(lede_date_format_ymd(D(2025, 1, 7), buf, sizeof buf), 10);
    assert_string_equal(buf, "2025-01-07");
    assert_int_equal(lede_date_format_ymd(D(2025, 2, 30), buf, sizeof buf), 0);
    assert_int_equal(lede_date_format_week(2025, 2, buf, sizeof buf), 8);
    assert_string_equal(buf, "2025-W02");
    assert_int_equal(lede_date_format_ym(2024, 12, buf, 4), 0); /* does not fit */
}

static void test_dates_resolution(void **state) {
    (void)state;
    lede_date a = D(2025, 1, 7); /* a Tuesday */
    assert_date(lede_date_weekday_on_or_before(a, 1), 2025, 1, 7);
    assert_date(lede_date_weekday_on_or_before(a, 0), 2025, 1, 6);
    assert_date(lede_date_weekday_on_or_before(a, 2), 2025, 1, 1);
    assert_date(lede_date_weekday_on_or_after(a, 3), 2025, 1, 9);
    assert_date(lede_date_weekday_before(a, 1), 2024, 12, 31);
    assert_date(lede_date_weekday_after(a, 1), 2025, 1, 14);
    assert_date(lede_date_weekday_this_week(a, 6), 2025, 1, 12);
    assert_int_equal(lede_date_nearest_year(a, 12, 3), 2024);
    assert_int_equal(lede_date_nearest_year(a, 1, 20), 2025);
    assert_int_equal(lede_date_nearest_year(D(2024, 12, 30), 1, 4), 2025);
    assert_int_equal(lede_date_nearest_year(D(2023, 3, 1), 2, 29), 2023); /* clamped */
    assert_int_equal(lede_date_nearest_month_year(a, 7), 2024);           /* six months: the past */
    assert_int_equal(lede_date_nearest_month_year(a, 6), 2025);
    assert_int_equal(lede_date_nearest_month_year(D(2024, 11, 5), 2), 2025);
    assert_int_equal(lede_date_last_month_year(a, 7), 2024);
    assert_int_equal(lede_date_last_month_year(D(2024, 9, 1), 7), 2024);
    assert_int_equal(lede_date_last_month_year(D(2024, 7, 20), 7), 2023);
    assert_int_equal(lede_date_next_month_year(a, 1), 2026);
    assert_int_equal(lede_date_next_month_year(a, 3), 2025);
}

/* Renders the rules' DATE and TIME matches of s: "[text]=value/unit; ...". */
static void render(const char *s, const lede_date *anchor, char *out, size_t cap) {
    lede_rules_ctx ctx;
    lede_sent_iter it;
    lede_span sp;
    lede_token t[256];
    size_t len = 0, n = strlen(s);
    out[0] = '\0';
    lede_rules_init(&ctx);
    lede_sent_init(&it, s, n);
    while (lede_sent_next(&it, &sp)) {
        lede_tok_iter ti;
        size_t nt = 0;
        lede_tok_init_at(&ti, s, sp.byte_end, sp.byte_start, sp.cp_start);
        while (nt < 256 && lede_tok_next(&ti, &t[nt]))
            nt++;
        assert_int_equal(lede_rules_scan(&ctx, s, n, t, nt, anchor), LEDE_OK);
        for (size_t k = 0; k < ctx.count; k++) {
            const lede_rules_match *m = &ctx.matches[k];
            size_t b = t[m->start].span.byte_start, e = t[m->end - 1].span.byte_end;
            if (m->label != LEDE_ENT_DATE && m->label != LEDE_ENT_TIME)
                continue;
            len += (size_t)snprintf(out + len, cap - len, "%s%s[%.*s]=%s%s%s", len ? "; " : "",
                                    m->label == LEDE_ENT_TIME ? "T" : "", (int)(e - b), s + b,
                                    m->value, m->unit[0] ? "/" : "", m->unit);
            if (len >= cap)
                len = cap - 1;
        }
    }
    lede_rules_free(&ctx);
}

typedef struct {
    const char *in;
    const char *anchor; /* NULL: none */
    const char *out;    /* DATE as [text]=value, TIME as T[text]=value */
} date_case;

/* clang-format off */
static const date_case date_cases[] = {
    /* explicit dates */
    {"It happened on December 3.", "2025-01-07", "[December 3]=2024-12-03"},
    {"It happened on Dec. 3.", "2025-01-07", "[Dec. 3]=2024-12-03"},
    {"It happened on Dec. 3.", NULL, "[Dec. 3]=--12-03"},
    {"They met on 3 December 2024 and on January 7, 2025.", NULL,
     "[3 December 2024]=2024-12-03; [January 7, 2025]=2025-01-07"},
    {"TOKYO, Jan 7 (KUNA) -- talks", "2025-01-07", "[Jan 7]=2025-01-07"},
    {"On the 3rd of December they met.", "2025-01-07", "[the 3rd of December]=2024-12-03"},
    {"Sales fell in December 2024 and in May.", "2025-01-07",
     "[December 2024]=2024-12; [May]=2025-05"},
    {"May I ask? March on, they said.", "2025-01-07", ""},
    {"Tuesday, Jan. 7, 2025 was cold.", NULL, "[Tuesday, Jan. 7, 2025]=2025-01-07"},
    {"date 2025-01-07 and 2025/01/07", NULL, "[2025-01-07]=2025-01-07; [2025/01/07]=2025-01-07"},
    {"Wednesday (11/1/2023) and 25/12/2024 and 7.1.2025", NULL,
     "[Wednesday]=; [11/1/2023]=2023-11-01; [25/12/2024]=2024-12-25; [7.1.2025]=2025-01-07"},
    {"not dates: 13/13/2023, 2/30/2024, 1/2", NULL, ""},
    {"In 2024, and since 1066, in the 1990s and the '90s and the 1800s.", NULL,
     "[2024]=2024; [1066]=1066; [the 1990s]=1990/1999; [the '90s]=1990/1999; "
     "[the 1800s]=1800/1899"},
    {"Flight 2024 left. It cost $2024.", NULL, ""},
    {"the 2020-2024 plan, fiscal 2023-24 and 2024-12", NULL,
     "[2020-2024]=2020/2024; [2023-24]=2023/2024; [2024-12]=2024-12"},
    {"in the 21st century", NULL, "[the 21st century]=2000/2099"},
    {"by mid-December, in mid-2024 and the mid-1990s", "2025-01-07",
     "[mid-December]=2024-12; [mid-2024]=2024; [the mid-1990s]=1990/1999"},
    /* relative to the anchor */
    {"Last year, this month, next week, last July.", "2025-01-07",
     "[Last year]=2024; [this month]=2025-01; [next week]=2025-W03; [last July]=2024-07"},
    {"earlier this month and late last year", "2025-01-07",
     "[earlier this month]=2025-01; [late last year]=2024"},
    {"On Monday and Tuesday; yesterday, today, tomorrow.", "2025-01-07",
     "[Monday]=2025-01-06; [Tuesday]=2025-01-07; [yesterday]=2025-01-06; "
     "[today]=2025-01-07; [tomorrow]=2025-01-08"},
    {"He will arrive on Friday.", "2025-01-07", "[Friday]=2025-01-10"},
    {"Talks will resume, officials said on Monday.", "2025-01-07", "[Monday]=2025-01-06"},
    {"last Tuesday, this Sunday, next Monday", "2025-01-07",
     "[last Tuesday]=2024-12-31; [this Sunday]=2025-01-12; [next Monday]=2025-01-13"},
    {"over the weekend, last weekend", "2025-01-07",
     "[the weekend]=2025-01-04/2025-01-05; [last weekend]=2025-01-04/2025-01-05"},
    {"Monday without an anchor and last year", NULL, "[Monday]=; [last year]="},
    {"two weeks ago, three years ago, a month ago", "2025-01-07",
     "[two weeks ago]=2024-12-24; [three years ago]=2022; [a month ago]=2024-12"},
    {"by the end of 2026, in the first half of 2024", NULL,
     "[the end of 2026]=2026; [the first half of 2024]=2024"},
    {"the July-September quarter", "2025-02-07", "[the July-September quarter]=2024-07/2024-09"},
    {"the first quarter, Q3 2024", NULL, "[the first quarter]=; [Q3 2024]=2024"},
    {"every year, each week, summer 2024, last summer", NULL,
     "[every year]=; [each week]=; [summer 2024]=2024; [last summer]="},
    /* durations */
    {"for seven decades, three days, two weeks, a year", NULL,
     "[seven decades]=P70Y; [three days]=P3D; [two weeks]=P2W; [a year]=P1Y"},
    {"more than seven decades and 1.5 years and seven quarters", NULL,
     "[more than seven decades]=P70Y; [1.5 years]=P1.5Y; [seven quarters]=P21M"},
    {"the past few years, the past three years, the past year, recent years", NULL,
     "[the past few years]=; [the past three years]=P3Y; [the past year]=P1Y; [recent years]="},
    {"a five-day trip, a 10-year-old boy, decades-long policies, a week-long visit", NULL,
     "[five-day]=P5D; [10-year-old]=P10Y; [decades-long]=; [week-long]=P1W"},
    {"for decades; hours after; weeks before the vote; two days later", NULL,
     "[decades]=; T[hours]=; [weeks]=; [two days later]="},
    {"a second time, one second", NULL, ""},
    /* times */
    {"at 10:30, 10:30 a.m., 3 p.m., 10.30am, 12 noon, noon and midnight", NULL,
     "T[10:30]=10:30; T[10:30 a.m.]=10:30; T[3 p.m.]=15:00; T[10.30am]=10:30; T[12 noon]=12:00; "
     "T[noon]=12:00; T[midnight]=00:00"},
    {"at 12 a.m. and 12:15 p.m. and 0130 GMT and 9 p.m. EST", NULL,
     "T[12 a.m.]=00:00; T[12:15 p.m.]=12:15; T[0130 GMT]=01:30/GMT; T[9 p.m. EST]=21:00/EST"},
    {"at 1:21 p.m. local time, 25:00, 10:75", NULL, "T[1:21 p.m. local time]=13:21"},
    {"late night on Monday, this morning, last night, tonight", "2025-01-07",
     "T[late night]=; [Monday]=2025-01-06; T[this morning]=; T[last night]=; T[tonight]="},
    {"Monday morning and in the afternoon and late at night", "2025-01-07",
     "[Monday]=2025-01-06; T[morning]=; T[the afternoon]=; T[late at night]="},
    {"for five hours, 30 minutes, nearly 30 seconds, the past 48 hours", NULL,
     "T[five hours]=PT5H; T[30 minutes]=PT30M; T[nearly 30 seconds]=PT30S; "
     "T[the past 48 hours]=PT48H"},
};
/* clang-format on */

static void test_dates_patterns(void **state) {
    (void)state;
    char out[1024];
    int bad = 0;
    for (size_t k = 0; k < sizeof date_cases / sizeof date_cases[0]; k++) {
        const date_case *c = &date_cases[k];
        lede_date a;
        if (c->anchor)
            assert_true(lede_date_parse_iso(c->anchor, strlen(c->anchor), &a));
        render(c->in, c->anchor ? &a : NULL, out, sizeof out);
        if (strcmp(out, c->out) != 0) {
            print_message("%s\n  got      %s\n  expected %s\n", c->in, out, c->out);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

/* An anchor that is not a date is ignored, never read. */
static void test_dates_bad_anchor_is_none(void **state) {
    (void)state;
    char out[256];
    lede_date bad = {2025, 2, 30};
    render("It was Monday, last year.", &bad, out, sizeof out);
    assert_string_equal(out, "[Monday]=; [last year]=");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates_calendar),           cmocka_unit_test(test_dates_parse_iso),
        cmocka_unit_test(test_dates_resolution),         cmocka_unit_test(test_dates_patterns),
        cmocka_unit_test(test_dates_bad_anchor_is_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
