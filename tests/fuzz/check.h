/*
 * check.h: checks the fuzz targets share (header-only, static functions).
 *
 *   FUZZ_CHECK(cond)          abort when cond is false (libFuzzer then saves the input)
 *   fuzz_is_date(s, n)        s is a real calendar date YYYY-MM-DD (years 0000-9999)
 *   fuzz_is_json_names(s, n)  s is a JSON array of strings, nothing else ("[]" included)
 *   fuzz_is_decimal(s, n)     s is an optional '-', digits, an optional '.' and digits
 *   fuzz_is_entity_value(...) value is of the form entities-rules.md gives for its label
 *   fuzz_is_label(s)          s is one of the documented entity labels
 *   fuzz_is_country(s)        "" or two capital letters (ISO 3166-1 alpha-2)
 */
#ifndef LEDE_FUZZ_CHECK_H
#define LEDE_FUZZ_CHECK_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond))                                                                               \
            abort();                                                                               \
    } while (0)

static inline int fuzz_digits(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return n > 0;
}

static inline int fuzz_num(const char *s, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static inline int fuzz_ym_ok(int y, int m, int d) {
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    (void)y;
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

static inline int fuzz_is_date(const char *s, size_t n) {
    return n == 10 && s[4] == '-' && s[7] == '-' && fuzz_digits(s, 4) && fuzz_digits(s + 5, 2) &&
           fuzz_digits(s + 8, 2) &&
           fuzz_ym_ok(fuzz_num(s, 4), fuzz_num(s + 5, 2), fuzz_num(s + 8, 2));
}

/* A JSON string starting at s[*i] (the quote); moves *i past it. */
static inline int fuzz_json_string(const char *s, size_t n, size_t *i) {
    size_t k = *i;
    if (k >= n || s[k] != '"')
        return 0;
    for (k++; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c == '"') {
            *i = k + 1;
            return 1;
        }
        if (c < 0x20)
            return 0;
        if (c == '\\') {
            if (++k >= n)
                return 0;
            if (s[k] == 'u') {
                for (int j = 0; j < 4; j++) {
                    char h = ++k < n ? s[k] : 0;
                    if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') ||
                          (h >= 'A' && h <= 'F')))
                        return 0;
                }
            } else if (!strchr("\"\\/bfnrt", s[k]) || s[k] == 0) {
                return 0;
            }
        }
    }
    return 0;
}

static inline int fuzz_is_json_names(const char *s, size_t n) {
    size_t i = 0;
    if (n < 2 || s[0] != '[' || s[n - 1] != ']')
        return 0;
    i = 1;
    if (n == 2)
        return 1;
    for (;;) {
        if (!fuzz_json_string(s, n, &i))
            return 0;
        if (i == n - 1)
            return 1;
        if (s[i] != ',')
            return 0;
        i++;
    }
}

static inline int fuzz_is_decimal(const char *s, size_t n) {
    size_t i = 0;
    if (i < n && s[i] == '-')
        i++;
    size_t a = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == a)
        return 0;
    if (i == n)
        return 1;
    if (s[i] != '.')
        return 0;
    return fuzz_digits(s + i + 1, n - i - 1);
}

/* An ISO 8601 duration as the rules write it: P then a decimal and Y, M, W or D, or
   PT then a decimal and H, M or S. */
static inline int fuzz_is_duration(const char *s, size_t n) {
    if (n < 3 || s[0] != 'P')
        return 0;
    size_t i = 1;
    const char *units = "YMWD";
    if (s[1] == 'T') {
        i = 2;
        units = "HMS";
    }
    return n > i + 1 && strchr(units, s[n - 1]) && s[n - 1] && fuzz_is_decimal(s + i, n - i - 1);
}

/* One ISO 8601 date or period of the forms in entities-rules.md (no interval). */
static inline int fuzz_is_date_point(const char *s, size_t n) {
    if (fuzz_is_date(s, n))
        return 1;
    if (n == 4 && fuzz_digits(s, 4))
        return 1; /* a year */
    if (n == 7 && s[4] == '-' && fuzz_digits(s, 4) && fuzz_digits(s + 5, 2))
        return fuzz_num(s + 5, 2) >= 1 && fuzz_num(s + 5, 2) <= 12; /* a month */
    if (n == 8 && s[4] == '-' && s[5] == 'W' && fuzz_digits(s, 4) && fuzz_digits(s + 6, 2))
        return fuzz_num(s + 6, 2) >= 1 && fuzz_num(s + 6, 2) <= 53; /* an ISO week */
    if (n == 4 && s[0] == '-' && s[1] == '-' && fuzz_digits(s + 2, 2))
        return fuzz_num(s + 2, 2) >= 1 && fuzz_num(s + 2, 2) <= 12; /* --MM */
    if (n == 7 && s[0] == '-' && s[1] == '-' && s[4] == '-' && fuzz_digits(s + 2, 2) &&
        fuzz_digits(s + 5, 2))
        return fuzz_ym_ok(2000, fuzz_num(s + 2, 2), fuzz_num(s + 5, 2)); /* --MM-DD */
    return 0;
}

static inline int fuzz_is_date_value(const char *s, size_t n) {
    if (fuzz_is_duration(s, n) || fuzz_is_date_point(s, n))
        return 1;
    const char *slash = memchr(s, '/', n);
    if (!slash)
        return 0;
    size_t a = (size_t)(slash - s);
    return fuzz_is_date_point(s, a) && fuzz_is_date_point(slash + 1, n - a - 1) &&
           memcmp(s, slash + 1, a < n - a - 1 ? a : n - a - 1) <= 0;
}

static inline int fuzz_is_time_value(const char *s, size_t n) {
    if (fuzz_is_duration(s, n))
        return s[1] == 'T';
    return n == 5 && s[2] == ':' && fuzz_digits(s, 2) && fuzz_digits(s + 3, 2) &&
           fuzz_num(s, 2) <= 23 && fuzz_num(s + 3, 2) <= 59;
}

static const char *const fuzz_labels[] = {
    "PERSON", "ORG", "LOC", "MISC", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY",
    "FAC", "GPE", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "ORDINAL", "CARDINAL"};

static inline int fuzz_is_label(const char *s) {
    for (size_t i = 0; i < sizeof fuzz_labels / sizeof fuzz_labels[0]; i++)
        if (strcmp(s, fuzz_labels[i]) == 0)
            return 1;
    return 0;
}

/* value (n bytes, or NULL) has the form its label's values take. */
static inline int fuzz_is_entity_value(const char *label, const char *v, size_t n) {
    if (!v)
        return 1;
    if (strcmp(label, "DATE") == 0)
        return fuzz_is_date_value(v, n);
    if (strcmp(label, "TIME") == 0)
        return fuzz_is_time_value(v, n);
    if (strcmp(label, "MONEY") == 0 || strcmp(label, "PERCENT") == 0 ||
        strcmp(label, "QUANTITY") == 0 || strcmp(label, "CARDINAL") == 0 ||
        strcmp(label, "ORDINAL") == 0)
        return fuzz_is_decimal(v, n);
    return 0; /* names and NORP have no value */
}

static inline int fuzz_is_country(const char *s, size_t n) {
    return n == 0 || (n == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z');
}

#endif
