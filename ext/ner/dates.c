/*
 * dates.c: calendar arithmetic and relative-date resolution (dates.h).
 *
 * days_from_civil and civil_from_days follow the published derivation of
 * H. Hinnant: shift the year to start in March so that the leap day is the
 * last day of the year, then count 400-year eras of 146097 days.
 */
#include "dates.h"

#include <stdio.h>

int lede_date_is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int lede_date_days_in_month(int y, int m) {
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && lede_date_is_leap(y) ? 29 : days[m - 1];
}

int lede_date_valid(int y, int m, int d) {
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= lede_date_days_in_month(y, m);
}

static int digits_at(const char *s, size_t n, size_t i, size_t k, int *v) {
    if (i + k > n)
        return 0;
    int r = 0;
    for (size_t j = i; j < i + k; j++) {
        if (s[j] < '0' || s[j] > '9')
            return 0;
        r = r * 10 + (s[j] - '0');
    }
    *v = r;
    return 1;
}

int lede_date_parse_iso(const char *s, size_t n, lede_date *out) {
    int y, m, d;
    if (!s || !digits_at(s, n, 0, 4, &y) || n < 10 || s[4] != '-' || !digits_at(s, n, 5, 2, &m) ||
        s[7] != '-' || !digits_at(s, n, 8, 2, &d))
        return 0;
    if (n > 10 && s[10] != 'T' && s[10] != ' ' && s[10] != 't')
        return 0;
    if (!lede_date_valid(y, m, d))
        return 0;
    out->year = y;
    out->month = m;
    out->day = d;
    return 1;
}

long lede_date_to_days(lede_date dt) {
    long y = dt.year - (dt.month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (dt.month + 9) % 12; /* March = 0 */
    long doy = (153 * mp + 2) / 5 + dt.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

lede_date lede_date_from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    lede_date r = {(int)(y + (m <= 2)), (int)m, (int)d};
    return r;
}

lede_date lede_date_add_days(lede_date d, long k) {
    return lede_date_from_days(lede_date_to_days(d) + k);
}

int lede_date_weekday(lede_date d) {
    long z = lede_date_to_days(d); /* 1970-01-01 was a Thursday (3) */
    long w = (z + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

void lede_date_iso_week(lede_date d, int *year, int *week) {
    /* The week belongs to the year of its Thursday. */
    long z = lede_date_to_days(d);
    long thursday = z - lede_date_weekday(d) + 3;
    lede_date t = lede_date_from_days(thursday);
    lede_date jan1 = {t.year, 1, 1};
    *year = t.year;
    *week = (int)((thursday - lede_date_to_days(jan1)) / 7 + 1);
}

lede_date lede_date_weekday_on_or_before(lede_date anchor, int wd) {
    int back = (lede_date_weekday(anchor) - wd + 7) % 7;
    return lede_date_add_days(anchor, -back);
}

lede_date lede_date_weekday_on_or_after(lede_date anchor, int wd) {
    int ahead = (wd - lede_date_weekday(anchor) + 7) % 7;
    return lede_date_add_days(anchor, ahead);
}

lede_date lede_date_weekday_before(lede_date anchor, int wd) {
    int back = (lede_date_weekday(anchor) - wd + 7) % 7;
    return lede_date_add_days(anchor, back ? -back : -7);
}

lede_date lede_date_weekday_after(lede_date anchor, int wd) {
    int ahead = (wd - lede_date_weekday(anchor) + 7) % 7;
    return lede_date_add_days(anchor, ahead ? ahead : 7);
}

lede_date lede_date_weekday_this_week(lede_date anchor, int wd) {
    return lede_date_add_days(anchor, wd - lede_date_weekday(anchor));
}

int lede_date_nearest_year(lede_date anchor, int m, int d) {
    long a = lede_date_to_days(anchor), best_dist = 0;
    int best = anchor.year;
    for (int y = anchor.year - 1; y <= anchor.year + 1; y++) {
        int dd = d;
        if (dd > lede_date_days_in_month(y, m))
            dd = lede_date_days_in_month(y, m);
        lede_date c = {y, m, dd};
        long dist = lede_date_to_days(c) - a;
        if (dist < 0)
            dist = -dist;
        if (y == anchor.year - 1 || dist < best_dist) {
            best = y;
            best_dist = dist;
        }
    }
    return best;
}

int lede_date_nearest_month_year(lede_date anchor, int m) {
    int diff = m - anchor.month; /* -11..11 */
    if (diff > 6)
        return anchor.year - 1;
    if (diff < -6)
        return anchor.year + 1;
    if (diff == 6)
        return anchor.year - 1; /* six months either way: a tie goes to the past */
    return anchor.year;
}

int lede_date_last_month_year(lede_date anchor, int m) {
    return m < anchor.month ? anchor.year : anchor.year - 1;
}

int lede_date_next_month_year(lede_date anchor, int m) {
    return m > anchor.month ? anchor.year : anchor.year + 1;
}

static size_t put(char *out, size_t cap, int len) {
    if (len <= 0 || (size_t)len >= cap) {
        if (cap)
            out[0] = '\0';
        return 0;
    }
    return (size_t)len;
}

size_t lede_date_format_ymd(lede_date d, char *out, size_t cap) {
    if (!lede_date_valid(d.year, d.month, d.day))
        return put(out, cap, 0);
    return put(out, cap, snprintf(out, cap, "%04d-%02d-%02d", d.year, d.month, d.day));
}

size_t lede_date_format_ym(int y, int m, char *out, size_t cap) {
    if (y < 1 || y > 9999 || m < 1 || m > 12)
        return put(out, cap, 0);
    return put(out, cap, snprintf(out, cap, "%04d-%02d", y, m));
}

size_t lede_date_format_y(int y, char *out, size_t cap) {
    if (y < 1 || y > 9999)
        return put(out, cap, 0);
    return put(out, cap, snprintf(out, cap, "%04d", y));
}

size_t lede_date_format_week(int y, int w, char *out, size_t cap) {
    if (y < 1 || y > 9999 || w < 1 || w > 53)
        return put(out, cap, 0);
    return put(out, cap, snprintf(out, cap, "%04d-W%02d", y, w));
}
