/*
 * dates.h: the proleptic Gregorian calendar and the rules that resolve a
 * relative date against an anchor date (the article's date).
 *
 * Day numbers count from 1970-01-01 (day 0), by the civil-from-days and
 * days-from-civil formulas (H. Hinnant, "chrono-Compatible Low-Level Date
 * Algorithms"); weekdays are ISO: 0 Monday .. 6 Sunday; weeks are ISO 8601
 * weeks (Monday first; week 1 holds the year's first Thursday).
 *
 * Resolution, as news copy means it (the anchor is "today"):
 *   weekday           "Tuesday": the day of that name on or before the anchor;
 *                     in a sentence about the future ("will meet on Thursday")
 *                     the day of that name on or after it (rules.c decides)
 *   last <weekday>    the day of that name strictly before the anchor
 *   this <weekday>    the day of that name in the anchor's ISO week
 *   next <weekday>    the day of that name strictly after the anchor
 *   month day         "December 3": the year that puts it nearest the anchor
 *                     (a tie goes to the earlier date)
 *   month             "in July": likewise, the July nearest the anchor
 *   last <month>      the most recent such month before the anchor's month
 *   this <month>      that month in the anchor's year
 *   next <month>      the first such month after the anchor's month
 * Everything else (yesterday, last year, two weeks ago, ...) is arithmetic
 * on the anchor and lives in rules.c.
 *
 * All functions are pure; years run from 1 to 9999 (a date outside is
 * invalid).
 */
#ifndef LEDE_NER_DATES_H
#define LEDE_NER_DATES_H

#include <stddef.h>

typedef struct {
    int year;  /* 1..9999 */
    int month; /* 1..12 */
    int day;   /* 1..days in the month */
} lede_date;

/* 1 for a leap year. */
int lede_date_is_leap(int year);

/* Days in month m of year y (0 when m is out of range). */
int lede_date_days_in_month(int y, int m);

/* 1 when y-m-d is a valid date in years 1..9999. */
int lede_date_valid(int y, int m, int d);

/*
 * Reads an ISO 8601 calendar date "YYYY-MM-DD" at the start of s[0..n),
 * optionally followed by a time ("T10:30:00Z", " 10:30"), which is ignored.
 * Returns 1 and fills *out, or 0 for anything else.
 */
int lede_date_parse_iso(const char *s, size_t n, lede_date *out);

/* Days since 1970-01-01 (negative before it). */
long lede_date_to_days(lede_date d);

/* The date of day number z. */
lede_date lede_date_from_days(long z);

/* The date k days after d (k may be negative). */
lede_date lede_date_add_days(lede_date d, long k);

/* ISO weekday of d: 0 Monday .. 6 Sunday. */
int lede_date_weekday(lede_date d);

/* ISO 8601 week of d: its week-numbering year in *year, week in *week. */
void lede_date_iso_week(lede_date d, int *year, int *week);

/* The resolutions above. wd is 0 Monday .. 6 Sunday; m is 1..12. */
lede_date lede_date_weekday_on_or_before(lede_date anchor, int wd);
lede_date lede_date_weekday_on_or_after(lede_date anchor, int wd);
lede_date lede_date_weekday_before(lede_date anchor, int wd);
lede_date lede_date_weekday_after(lede_date anchor, int wd);
lede_date lede_date_weekday_this_week(lede_date anchor, int wd);
/* Year for month m, day d nearest the anchor (d is clamped for Feb 29). */
int lede_date_nearest_year(lede_date anchor, int m, int d);
/* Year of the month m nearest the anchor's month. */
int lede_date_nearest_month_year(lede_date anchor, int m);
/* Year of the last month m before the anchor's month, and the next after. */
int lede_date_last_month_year(lede_date anchor, int m);
int lede_date_next_month_year(lede_date anchor, int m);

/*
 * Formats into out (cap bytes, NUL-terminated); each returns the length, or
 * 0 (out "") when the value is out of range or does not fit.
 *   ymd   "2025-01-07"    ym "2024-12"    y "2024"    week "2025-W02"
 */
size_t lede_date_format_ymd(lede_date d, char *out, size_t cap);
size_t lede_date_format_ym(int y, int m, char *out, size_t cap);
size_t lede_date_format_y(int y, char *out, size_t cap);
size_t lede_date_format_week(int y, int w, char *out, size_t cap);

#endif
