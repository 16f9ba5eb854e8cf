/*
 * article.c: the article reader of article.h.
 *
 * One pass checks the text (valid UTF-8, LF line ends), copying it into
 * a->text only when something must change; the lines are then trimmed and
 * classified once each (blank, text,
 * boilerplate, source credit, people credit, date line, agency code),
 * collecting credit values in order of appearance. The header rules, the
 * dateline and the footer rule then only decide which lines are dropped
 * and which spans become fields. Title, dateline and source point into
 * the text (a->src); the body and the authors array are built in a->out.
 */
#include "article.h"

#include "../text/chars.h"
#include "../text/orth.h"
#include "../text/tokens.h"
#include "../text/utf8.h"

#include <string.h>

typedef enum {
    LK_BLANK,  /* empty after trimming */
    LK_TEXT,   /* anything else */
    LK_BOILER, /* site boilerplate, related links, photo credits */
    LK_SOURCE, /* "Source: X" */
    LK_PEOPLE, /* bylines and author credits */
    LK_DATE,   /* a line that is only a date (and words such as "Published") */
    LK_CODE    /* "(end)", "(esn)": an agency's end code */
} line_kind;

struct lede_corpus_line {
    size_t s, e; /* trimmed span in text */
    line_kind kind;
    int drop; /* taken out of the body */
};

/* Where a source or a published date came from; lower wins. */
enum { FROM_FRONT, FROM_MENAFN, FROM_CREDIT, FROM_DATELINE, FROM_HEADER, FROM_FOOTER, FROM_N };

typedef struct {
    int y, m, d;       /* y == 0: no year given */
    size_t start, end; /* where it was read */
} date_found;

typedef struct {
    lede_corpus_text source[FROM_N]; /* by origin: FRONT, MENAFN, CREDIT (a name),
                                        DATELINE (agency), FOOTER (a web address) */
    date_found date[FROM_N];         /* by origin; y == 0 when none */
    lede_corpus_text title, dateline, url;
    int front_authors; /* front matter listed authors */
} findings;

/* ---- text helpers --------------------------------------------------------- */

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_blank(int c) { return c == ' ' || c == '\t'; }

/* 1 when c (not NUL) is one of the characters of set. */
static int in_set(char c, const char *set) { return c != '\0' && strchr(set, c) != NULL; }

/* 1 when s[0..n) starts with the lowercase ASCII p, ignoring case. */
static int starts_ci(const char *s, size_t n, const char *p) {
    for (size_t i = 0; p[i]; i++)
        if (i >= n || lede_ascii_lower((unsigned char)s[i]) != p[i])
            return 0;
    return 1;
}

static int in_list_ci(const char *s, size_t n, const char *const *list) {
    for (size_t k = 0; list[k]; k++)
        if (lede_ascii_eq_ci(s, n, list[k]))
            return 1;
    return 0;
}

static size_t skip_blanks(const char *s, size_t n, size_t i) {
    while (i < n && is_blank((unsigned char)s[i]))
        i++;
    return i;
}

static uint32_t char_at(const char *s, size_t n, size_t i, size_t *next) {
    uint32_t cp = 0;
    *next = i < n ? lede_utf8_next(s, n, i, &cp) : i;
    return cp;
}

/* The last character of s[0..n) (n > 0; s is valid UTF-8) and its start. */
static uint32_t last_char(const char *s, size_t n, size_t *start) {
    size_t i = n - 1;
    while (i > 0 && n - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    size_t next;
    *start = i;
    return char_at(s, n, i, &next);
}

static void trim(const char *s, size_t *a, size_t *b) {
    size_t next;
    while (*a < *b && lede_char_is_space(char_at(s, *b, *a, &next)))
        *a = next;
    while (*b > *a) {
        size_t st;
        if (!lede_char_is_space(last_char(s + *a, *b - *a, &st)))
            break;
        *b = *a + st;
    }
}

/* Space-separated words in s[0..n), counted up to cap at most: rules only
   compare counts with small limits, and long lines need not be read through. */
static size_t words_upto(const char *s, size_t n, size_t cap) {
    size_t w = 0;
    for (size_t i = 0; i < n && w < cap; i++)
        if (!is_blank((unsigned char)s[i]) && (i == 0 || is_blank((unsigned char)s[i - 1])))
            w++;
    return w;
}

/* 1 when s[0..n) has at most max words; a line of under 2 * max bytes has. */
static int short_words(const char *s, size_t n, size_t max) {
    return n < 2 * max || words_upto(s, n, max + 1) <= max;
}

/* Closing quotes and brackets that may follow a sentence's last mark. */
static int is_closer(uint32_t c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB;
}

/* The last character of s[0..n) that is not a closing quote or bracket. */
static uint32_t final_mark(const char *s, size_t n) {
    while (n > 0) {
        size_t st;
        uint32_t c = last_char(s, n, &st);
        if (!is_closer(c))
            return c;
        n = st;
    }
    return 0;
}

static int ends_sentence(const char *s, size_t n) {
    uint32_t c = final_mark(s, n);
    return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/* 1 when a and b are the same text, ignoring ASCII case and runs of space. */
static int same_text(const char *a, size_t an, const char *b, size_t bn) {
    size_t i = 0, j = 0;
    while (i < an && j < bn) {
        int sa = is_blank((unsigned char)a[i]), sb = is_blank((unsigned char)b[j]);
        if (sa && sb) {
            i = skip_blanks(a, an, i);
            j = skip_blanks(b, bn, j);
            continue;
        }
        if (lede_ascii_lower((unsigned char)a[i]) != lede_ascii_lower((unsigned char)b[j]))
            return 0;
        i++;
        j++;
    }
    return i == an && j == bn;
}

/* The word starting at s[i]: ends at the next blank. */
static size_t word_end(const char *s, size_t n, size_t i) {
    while (i < n && !is_blank((unsigned char)s[i]))
        i++;
    return i;
}

static int starts_upper(const char *s, size_t n, size_t i) {
    size_t next;
    return i < n && lede_char_is_upper(char_at(s, n, i, &next));
}

static int starts_lower(const char *s, size_t n, size_t i) {
    size_t next;
    return i < n && lede_char_is_lower(char_at(s, n, i, &next));
}

/* ---- dates ---------------------------------------------------------------- */

static const struct {
    const char *name;
    int month;
} month_names[] = {
    {"january", 1},   {"february", 2},  {"march", 3},  {"april", 4},     {"may", 5},
    {"june", 6},      {"july", 7},      {"august", 8}, {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}, {"jan", 1},    {"feb", 2},       {"mar", 3},
    {"apr", 4},       {"jun", 6},       {"jul", 7},    {"aug", 8},       {"sep", 9},
    {"sept", 9},      {"oct", 10},      {"nov", 11},   {"dec", 12},
};

/* A capitalised English month name or abbreviation (with an optional '.')
   at s[i]; its number, and *end after it. */
static int month_at(const char *s, size_t n, size_t i, size_t *end) {
    if (i >= n || s[i] < 'A' || s[i] > 'Z')
        return 0;
    size_t j = i;
    while (j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))
        j++;
    for (size_t k = 0; k < sizeof month_names / sizeof month_names[0]; k++) {
        if (lede_ascii_eq_ci(s + i, j - i, month_names[k].name)) {
            if (j < n && s[j] == '.' && j - i <= 4)
                j++;
            *end = j;
            return month_names[k].month;
        }
    }
    return 0;
}

static int read_number(const char *s, size_t n, size_t i, size_t min_digits, size_t max_digits,
                       size_t *end) {
    int v = 0;
    size_t j = i;
    while (j < n && is_digit((unsigned char)s[j]) && j - i < max_digits)
        v = v * 10 + (s[j++] - '0');
    if (j - i < min_digits || (j < n && is_digit((unsigned char)s[j])))
        return -1;
    *end = j;
    return v;
}

/* A day of the month (1-31) with an optional ordinal suffix. */
static int day_at(const char *s, size_t n, size_t i, size_t *end) {
    size_t j;
    int d = read_number(s, n, i, 1, 2, &j);
    if (d < 1 || d > 31)
        return 0;
    if (j + 2 <= n && (starts_ci(s + j, n - j, "st") || starts_ci(s + j, n - j, "nd") ||
                       starts_ci(s + j, n - j, "rd") || starts_ci(s + j, n - j, "th")))
        j += 2;
    if (j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))
        return 0;
    *end = j;
    return d;
}

static int year_at(const char *s, size_t n, size_t i, size_t *end) {
    int y = read_number(s, n, i, 4, 4, end);
    return y >= 1900 && y <= 2199 ? y : 0;
}

static int valid_date(int y, int m, int d) {
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return 0;
    if (m == 2 && d == 29 && y != 0 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    return 1;
}

/* After a month and day: an optional ", YYYY" or " YYYY". */
static void year_after(const char *s, size_t n, size_t j, date_found *f) {
    size_t k = j;
    if (k < n && s[k] == ',')
        k++;
    k = skip_blanks(s, n, k);
    size_t e;
    int y = k > j ? year_at(s, n, k, &e) : 0;
    if (y) {
        f->y = y;
        f->end = e;
    }
}

/*
 * Reads a date starting at s[i]: ISO, month-day(-year), day-month(-year),
 * and with numeric set D/M/YYYY or M/D/YYYY when unambiguous. need_year
 * rejects dates without a year.
 */
static int date_at(const char *s, size_t n, size_t i, int need_year, int numeric, date_found *f) {
    size_t j, k;
    memset(f, 0, sizeof *f);
    f->start = i;
    int a = read_number(s, n, i, 4, 4, &j);
    if (a >= 1900 && j + 6 <= n && s[j] == '-' && s[j + 3] == '-') { /* 2025-01-07 */
        int m = read_number(s, n, j + 1, 2, 2, &k);
        int d = m > 0 ? read_number(s, n, k + 1, 2, 2, &k) : -1;
        if (d > 0 && valid_date(a, m, d) && a <= 2199) {
            f->y = a;
            f->m = m;
            f->d = d;
            f->end = k;
            return 1;
        }
        return 0;
    }
    int m = month_at(s, n, i, &j);
    if (m) { /* Jan 7, 2025 */
        k = skip_blanks(s, n, j);
        int d = k > j ? day_at(s, n, k, &j) : 0;
        if (!d)
            return 0;
        f->m = m;
        f->d = d;
        f->end = j;
        year_after(s, n, j, f);
    } else if ((a = day_at(s, n, i, &j)) != 0) { /* 7 January 2025 */
        k = skip_blanks(s, n, j);
        m = k > j ? month_at(s, n, k, &j) : 0;
        if (m) {
            f->m = m;
            f->d = a;
            f->end = j;
            year_after(s, n, j, f);
        } else if (numeric && j < n && s[j] == '/') { /* 11/1/2023 */
            int b = read_number(s, n, j + 1, 1, 2, &k);
            int y = b > 0 && k < n && s[k] == '/' ? year_at(s, n, k + 1, &k) : 0;
            if (!y || (a > 12) == (b > 12))
                return 0;
            f->y = y;
            f->m = a > 12 ? b : a;
            f->d = a > 12 ? a : b;
            f->end = k;
        } else {
            return 0;
        }
    } else {
        return 0;
    }
    if (need_year && !f->y)
        return 0;
    return valid_date(f->y, f->m, f->d);
}

/* The first date in s[0..n) that starts a word. */
static int find_date(const char *s, size_t n, int need_year, int numeric, date_found *f) {
    for (size_t i = 0; i < n; i++) {
        unsigned char p = i ? (unsigned char)s[i - 1] : ' ';
        if (is_digit(p) || (p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z'))
            continue;
        if (date_at(s, n, i, need_year, numeric, f))
            return 1;
    }
    return 0;
}

/* Words a date line may have besides its date. */
static const char *const date_fillers[] = {
    "published", "posted",  "updated", "last",     "modified",  "date",   "dated",    "on",
    "at",        "am",      "pm",      "a.m",      "p.m",       "gmt",    "utc",      "et",
    "est",       "edt",     "pst",     "pdt",      "bst",       "cet",    "cest",     "wib",
    "wita",      "wit",     "jst",     "kst",      "ist",       "hkt",    "sgt",      "monday",
    "mon",       "tuesday", "tue",     "tues",     "wednesday", "wed",    "thursday", "thu",
    "thurs",     "friday",  "fri",     "saturday", "sat",       "sunday", "sun",      NULL};

static int date_filler(const char *s, size_t n) {
    while (n > 0 && in_set(s[n - 1], ",.:;|-()"))
        n--;
    while (n > 0 && in_set(s[0], ",.:;|-()")) {
        s++;
        n--;
    }
    if (n == 0 || in_list_ci(s, n, date_fillers))
        return 1;
    for (size_t i = 0; i < n; i++) /* a time: 10:30, 09.15 */
        if (!is_digit((unsigned char)s[i]) && s[i] != ':' && s[i] != '.')
            return 0;
    return 1;
}

/* A line that is a full date and filler words only ("Published: Jan 7,
   2025 10:30 GMT"). */
static int date_line(const char *s, size_t n, date_found *f) {
    if (n > 80 || words_upto(s, n, 11) > 10 || !find_date(s, n, 1, 1, f))
        return 0;
    for (size_t i = skip_blanks(s, n, 0); i < n; i = skip_blanks(s, n, i)) {
        size_t e = word_end(s, n, i);
        if ((e <= f->start || i >= f->end) && !date_filler(s + i, e - i))
            return 0;
        i = e;
    }
    return 1;
}

/* ---- names ---------------------------------------------------------------- */

static const char *const name_particles[] = {"al",    "bin", "binti", "da",  "das", "de", "del",
                                             "della", "der", "di",    "dos", "du",  "el", "ibn",
                                             "la",    "le",  "van",   "von", "y",   NULL};

/* Agency and role words: never a person's name, alone or in one. */
static const char *const not_name_words[] = {
    "reuters",       "bloomberg",      "xinhua",  "kyodo",   "antara",   "bernama",
    "yonhap",        "staff",          "writer",  "writers", "reporter", "reporters",
    "correspondent", "correspondents", "editor",  "editors", "desk",     "press",
    "news",          "agency",         "service", "wire",    "wires",    "team",
    "contributor",   "contributors",   NULL};

/* 1 for a person's name, 0 for not, -1 for an agency or role (dropped
   quietly from a byline). */
static int name_check(const char *s, size_t n) {
    if (n == 0 || n > 60)
        return 0;
    size_t words = 0, caps = 0, letters = 0;
    for (size_t i = skip_blanks(s, n, 0); i < n; i = skip_blanks(s, n, i)) {
        size_t e = word_end(s, n, i), m = e - i;
        while (m > 2 && in_set(s[i + m - 1], ".,'"))
            m--;
        if (in_list_ci(s + i, m, not_name_words))
            return -1;
        if (!starts_upper(s, n, i) && !(words > 0 && in_list_ci(s + i, m, name_particles)))
            return 0;
        for (size_t k = i; k < e; k++) {
            unsigned char c = (unsigned char)s[k];
            if (is_digit(c))
                return 0;
            caps += c >= 'A' && c <= 'Z';
            letters += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }
        words++;
        i = e;
    }
    if (words == 0 || words > 5)
        return 0;
    if (words == 1 && letters >= 2 && letters <= 5 && caps == letters)
        return -1; /* an agency code: AP, AFP, KUNA */
    return 1;
}

static lede_rc add_name(lede_corpus_article *a, const char *s, size_t n) {
    for (size_t k = 0; k < a->names_len; k++)
        if (same_text(a->names[k].s, a->names[k].n, s, n))
            return LEDE_OK;
    if (a->names_len == a->names_cap) {
        size_t cap = a->names_cap ? a->names_cap * 2 : 8;
        lede_corpus_text *p = lede_realloc(a->names, cap * sizeof *p);
        if (!p)
            return LEDE_NOMEM;
        a->names = p;
        a->names_cap = cap;
    }
    a->names[a->names_len].s = s;
    a->names[a->names_len].n = n;
    a->names_len++;
    return LEDE_OK;
}

/* Next list item of s[*i..n): up to ',' ';' '&' '|' '/' or the word "and". */
static int next_item(const char *s, size_t n, size_t *i, size_t *a, size_t *b) {
    size_t j = *i;
    if (j >= n)
        return 0;
    size_t k = j;
    for (; k < n; k++) {
        char c = s[k];
        if (c == ',' || c == ';' || c == '&' || c == '|' || c == '/')
            break;
        if (is_blank((unsigned char)c) && starts_ci(s + k + 1, n - k - 1, "and") &&
            (k + 4 >= n || is_blank((unsigned char)s[k + 4])))
            break;
    }
    *a = j;
    *b = k;
    trim(s, a, b);
    if (k < n && is_blank((unsigned char)s[k]))
        k += 4; /* " and" */
    else if (k < n)
        k++;
    *i = k;
    return 1;
}

/* Cuts a place off a name: "Jane Doe in Tokyo" -> "Jane Doe". */
static size_t cut_place(const char *s, size_t n) {
    for (size_t i = 0; i + 4 <= n; i++)
        if (is_blank((unsigned char)s[i]) &&
            (starts_ci(s + i + 1, n - i - 1, "in ") || starts_ci(s + i + 1, n - i - 1, "at ") ||
             starts_ci(s + i + 1, n - i - 1, "from ")))
            return i;
    return n;
}

/*
 * Reads the names of a list s[0..n). strict: every item must be a name or
 * an agency/role word and at least one a name (bylines, which could be
 * prose); otherwise the valid names are taken. Adds them when collect is
 * set. Returns 1 when the list is accepted.
 */
static int name_list(lede_corpus_article *a, const char *s, size_t n, int strict, int places,
                     int collect, lede_rc *rc) {
    size_t i = 0, x, y;
    int names = 0;
    while (next_item(s, n, &i, &x, &y)) {
        if (places)
            y = x + cut_place(s + x, y - x);
        while (y > x && (s[y - 1] == '.' || s[y - 1] == ')') && y - x > 3 && s[y - 3] != ' ')
            y--; /* "Jane Doe." but not "Jane D." */
        if (y == x)
            continue;
        int c = name_check(s + x, y - x);
        if (c == 0 && strict)
            return 0;
        if (c == 1) {
            names++;
            if (collect && *rc == LEDE_OK)
                *rc = add_name(a, s + x, y - x);
        }
    }
    return !strict || names > 0;
}

/* ---- line kinds ----------------------------------------------------------- */

static const char *const boiler_lines[] = {"source link",
                                           "leave a reply",
                                           "leave a comment",
                                           "loading",
                                           "advertisement",
                                           "advertisements",
                                           "skip to content",
                                           "share this",
                                           "share this article",
                                           "share this story",
                                           "continue reading",
                                           "read more",
                                           "related",
                                           "related articles",
                                           "related posts",
                                           "related stories",
                                           "click to share",
                                           "print",
                                           "comments",
                                           NULL};

static const char *const boiler_prefixes[] = {"this site uses akismet",
                                              "your email address will not be published",
                                              "required fields are marked",
                                              "you must be logged in to post a comment",
                                              "comments are closed",
                                              "learn how your comment data is processed",
                                              NULL};

/* Followed by a linked headline. */
static const char *const related_prefixes[] = {
    "also read:", "read also:", "read more:", "see also:",  "also see:",
    "related:",   "read:",      "baca:",      "baca juga:", NULL};

static const char *const photo_prefixes[] = {
    "photo:",   "photo/", "photos:",    "foto:",        "foto/",         "image:",
    "picture:", "(photo", "file photo", "photo credit", "illustration:", NULL};

/* The longest line of boiler_lines, in bytes (keep in step with the list). */
#define BOILER_LINE_MAX 20

static int any_prefix(const char *s, size_t n, const char *const *list) {
    for (size_t k = 0; list[k]; k++)
        if (starts_ci(s, n, list[k]))
            return 1;
    return 0;
}

static int is_boiler(const char *s, size_t n) {
    size_t m = n;
    for (;;) { /* "Loading…", "Loading...", "Related:" */
        if (m >= 3 && memcmp(s + m - 3, "\xE2\x80\xA6", 3) == 0)
            m -= 3;
        else if (m > 0 && in_set(s[m - 1], ".:!"))
            m--;
        else
            break;
    }
    while (m > 0 && is_blank((unsigned char)s[m - 1]))
        m--;
    if ((m <= BOILER_LINE_MAX && in_list_ci(s, m, boiler_lines)) ||
        any_prefix(s, n, boiler_prefixes))
        return 1;
    if (any_prefix(s, n, related_prefixes) && words_upto(s, n, 41) <= 40) {
        size_t k = 0;
        while (k < n && s[k] != ':')
            k++;
        return skip_blanks(s, n, k + 1) < n;
    }
    return any_prefix(s, n, photo_prefixes) && words_upto(s, n, 26) <= 25;
}

/* "(end)", "(esn)", "(ak/sr)": lowercase letters, digits, ./- inside; not
   a word news writes in lower case ("(once)" is content). */
static int agency_code(const char *s, size_t n) {
    if (n < 4 || n > 14 || s[0] != '(' || s[n - 1] != ')')
        return 0;
    if (lede_ascii_eq_ci(s + 1, n - 2, "end"))
        return 1;
    if (s[1] < 'a' || s[1] > 'z')
        return 0;
    int letters = 1;
    for (size_t i = 2; i < n - 1; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || is_digit((unsigned char)c) || c == '.' || c == '/' ||
              c == '-'))
            return 0;
        letters &= c >= 'a' && c <= 'z';
    }
    if (letters) {
        char w[14];
        memcpy(w, s + 1, n - 2);
        w[0] = (char)(w[0] - 'a' + 'A');
        if (lede_orth_ratio(w, n - 2) > 0)
            return 0;
    }
    return 1;
}

/* "Source: X": *v receives X without a trailing '.'. */
static int source_line(const char *s, size_t n, size_t *v) {
    size_t k;
    if (starts_ci(s, n, "sources"))
        k = 7;
    else if (starts_ci(s, n, "source"))
        k = 6;
    else
        return 0;
    k = skip_blanks(s, n, k);
    if (k >= n || s[k] != ':' || words_upto(s, n, 21) > 20)
        return 0;
    *v = skip_blanks(s, n, k + 1);
    return *v < n;
}

static const char *const people_labels[] = {"translator", "editor",  "reporter",      "writer",
                                            "author",     "authors", "correspondent", NULL};

static const char *const credit_roles[] = {"reporting",
                                           "additional reporting",
                                           "writing",
                                           "editing",
                                           "reporting and writing",
                                           "writing and editing",
                                           "written",
                                           "edited",
                                           "translated",
                                           "compiled",
                                           NULL};

static const char *const contributed_tails[] = {"to this report",
                                                "to this story",
                                                "to this article",
                                                "to the report",
                                                "reporting",
                                                "additional reporting",
                                                NULL};

/*
 * A people credit line; collects its names when collect is set. Forms: "By
 * A and B"; "Label: A"; "A contributed to this report"; "(Reporting by A;
 * Editing by B)".
 */
static int people_line(lede_corpus_article *a, const char *s, size_t n, int collect, lede_rc *rc) {
    /* each form is recognised by its shape first; words are counted only then */
    if (n > 3 && s[0] == 'B' && (s[1] == 'y' || s[1] == 'Y') && is_blank((unsigned char)s[2])) {
        if (words_upto(s, n, 13) > 12 || final_mark(s, n) == ',' ||
            !starts_upper(s, n, skip_blanks(s, n, 3)))
            return 0;
        return name_list(a, s + 3, n - 3, 1, 0, collect, rc);
    }
    for (size_t k = 0; people_labels[k]; k++) {
        if (starts_ci(s, n, people_labels[k])) {
            size_t j = skip_blanks(s, n, strlen(people_labels[k]));
            if (j < n && s[j] == ':' && words_upto(s, n, 16) <= 15)
                return name_list(a, s + j + 1, n - j - 1, 0, 0, collect, rc);
        }
    }
    /* " contributed " found by its rare 'b', on lines short enough to be a credit
       (counted only once the shape is there: most lines are body paragraphs) */
    int short_line = -1;
    for (const char *p = s; (p = memchr(p, 'b', n - (size_t)(p - s))) != NULL; p++) {
        size_t i = (size_t)(p - s);
        if (i < 7 || !is_blank((unsigned char)s[i - 7]) ||
            !starts_ci(s + i - 6, n - i + 6, "contributed "))
            continue;
        if (short_line < 0)
            short_line = short_words(s, n, 25);
        if (!short_line)
            break;
        size_t t = i + 6;
        for (size_t k = 0; contributed_tails[k]; k++)
            if (starts_ci(s + t, n - t, contributed_tails[k])) {
                name_list(a, s, i - 7, 0, 0, collect, rc);
                return 1;
            }
    }
    /* Reuters style: every ';'-separated clause is "Role by names". */
    size_t b = 0, e = n;
    if (s[0] == '(' && s[n - 1] == ')') {
        b = 1;
        e = n - 1;
    }
    if (!starts_upper(s, n, b) || !any_prefix(s + b, e - b, credit_roles) ||
        !(short_line < 0 ? short_words(s, n, 25) : short_line))
        return 0;
    for (int pass = 0; pass < 2; pass++) { /* check all clauses, then collect */
        size_t c = b;
        while (c < e) {
            const char *semi = memchr(s + c, ';', e - c);
            size_t ce = semi ? (size_t)(semi - s) : e, x = c, y = ce;
            trim(s, &x, &y);
            size_t by = x;
            while (by + 4 <= y &&
                   !(is_blank((unsigned char)s[by]) && starts_ci(s + by + 1, y - by - 1, "by ")))
                by++;
            if (by + 4 > y || !in_list_ci(s + x, by - x, credit_roles))
                return 0;
            if (pass == 1)
                name_list(a, s + by + 4, y - by - 4, 0, 1, collect, rc);
            c = ce + 1;
        }
    }
    return 1;
}

/* ---- title ---------------------------------------------------------------- */

static const char *const function_words[] = {
    "the", "a",  "an",   "of", "to",   "in",    "on",  "at",  "for", "with",  "and", "or",
    "but", "by", "from", "as", "that", "which", "who", "his", "her", "their", "its", NULL};

/* Cuts a trailing photo credit off a title: "... Threats. PHOTO/Reuters",
   "... (Photo: AP)", "... | Foto: Antara". Returns the new length. */
static size_t cut_photo_credit(const char *s, size_t n) {
    for (size_t i = n; i-- > 1;) {
        if (!(is_blank((unsigned char)s[i - 1]) || s[i - 1] == '(' || s[i - 1] == '|'))
            continue;
        size_t k = i;
        if (!(starts_ci(s + k, n - k, "photo") || starts_ci(s + k, n - k, "foto")))
            continue;
        k += s[k] == 'f' || s[k] == 'F' ? 4 : 5;
        if (k < n && (s[k] == 's' || s[k] == 'S'))
            k++;
        if (starts_ci(s + k, n - k, " credit"))
            k += 7;
        k = skip_blanks(s, n, k);
        if (k >= n || (s[k] != ':' && s[k] != '/') || words_upto(s + k, n - k, 7) > 6)
            continue;
        size_t cut = i;
        while (cut > 0) {
            unsigned char c = (unsigned char)s[cut - 1];
            if (is_blank(c) || c == '(' || c == '|' || c == '.' || c == '-')
                cut--;
            else if (cut >= 3 && (memcmp(s + cut - 3, "\xE2\x80\x93", 3) == 0 ||
                                  memcmp(s + cut - 3, "\xE2\x80\x94", 3) == 0))
                cut -= 3;
            else
                break;
        }
        return cut;
    }
    return n;
}

/* 3 in 4 words of four letters or more start with a capital. */
static int title_cased(const char *s, size_t n) {
    size_t long_words = 0, caps = 0;
    for (size_t i = skip_blanks(s, n, 0); i < n; i = skip_blanks(s, n, i)) {
        size_t e = word_end(s, n, i), letters = 0;
        for (size_t k = i; k < e; k++)
            letters += (s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z');
        if (letters >= 4) {
            long_words++;
            caps += starts_upper(s, n, i);
        }
        i = e;
    }
    return long_words > 0 && caps * 4 >= long_words * 3;
}

/* ---- dateline ------------------------------------------------------------- */

typedef struct {
    size_t body;             /* where the body text starts in the line */
    size_t place_s, place_e; /* the place, when place_e > place_s */
    size_t agency_s, agency_e;
    size_t menafn_s, menafn_e;
    date_found date; /* y == 0: none with a year */
    date_found iso;  /* "date YYYY-MM-DD" */
} dateline;

/* Up to max capitalised words (letters . - ' ’) from s[i]; *caps stays 1
   while every letter is a capital. */
static size_t place_words(const char *s, size_t n, size_t i, size_t max, size_t *end, int *caps) {
    size_t words = 0, j = i;
    *end = i;
    while (words < max && starts_upper(s, n, j)) {
        size_t k = j, letters = 0;
        while (k < n) {
            size_t next;
            uint32_t c = char_at(s, n, k, &next);
            if (lede_char_is_alpha(c)) {
                letters++;
                if (!lede_char_is_upper(c))
                    *caps = 0;
            } else if (c != '.' && c != '-' && c != '\'' && c != 0x2019) {
                break;
            }
            k = next;
        }
        if (letters == 0)
            break;
        words++;
        *end = k;
        if (k + 1 < n && s[k] == ' ' && starts_upper(s, n, k + 1))
            j = k + 1;
        else
            break;
    }
    return words;
}

/* A bracketed agency at s[i]: "(Reuters)", "/PRNewswire/". */
static int agency_at(const char *s, size_t n, size_t i, size_t *as, size_t *ae, size_t *end) {
    if (i >= n || (s[i] != '(' && s[i] != '/'))
        return 0;
    char close = s[i] == '(' ? ')' : '/';
    size_t k = i + 1;
    while (k < n && k - i <= 40 && s[k] != close && s[k] != '(')
        k++;
    if (k >= n || s[k] != close || !starts_upper(s, n, i + 1) ||
        words_upto(s + i + 1, k - i - 1, 6) > 5)
        return 0;
    *as = i + 1;
    *ae = k;
    *end = k + 1;
    return 1;
}

/* A dateline separator at s[i] followed by a space or the end. */
static size_t separator_at(const char *s, size_t n, size_t i, int colon_ok) {
    size_t k = i;
    if (starts_ci(s + k, n - k, "--"))
        k += 2;
    else if (n - k >= 3 &&
             (memcmp(s + k, "\xE2\x80\x94", 3) == 0 || memcmp(s + k, "\xE2\x80\x93", 3) == 0))
        k += 3;
    else if (k < n && (s[k] == '-' || (colon_ok && s[k] == ':')))
        k++;
    else
        return 0;
    if (k < n && !is_blank((unsigned char)s[k]))
        return 0;
    return skip_blanks(s, n, k);
}

static void parse_dateline(const char *s, size_t n, dateline *d) {
    memset(d, 0, sizeof *d);
    size_t i = 0, k, ds = skip_blanks(s, n, 5);
    if (starts_ci(s, n, "date ") && ds < n && is_digit((unsigned char)s[ds]) &&
        date_at(s, n, ds, 1, 0, &d->iso))
        i = skip_blanks(s, n, d->iso.end);
    else
        memset(&d->iso, 0, sizeof d->iso);
    if (starts_ci(s + i, n - i, "(menafn-")) {
        int depth = 0;
        for (k = i; k < n; k++) {
            depth += s[k] == '(';
            depth -= s[k] == ')';
            if (depth == 0)
                break;
        }
        if (k < n) {
            d->menafn_s = skip_blanks(s, n, i + 8);
            d->menafn_e = k;
            trim(s, &d->menafn_s, &d->menafn_e);
            i = skip_blanks(s, n, k + 1);
        }
    }
    d->body = i;
    /* PLACE [, PLACE2] [, DATE] [AGENCY] SEPARATOR */
    int caps = 1, have_date = 0, have_agency = 0;
    size_t pe;
    if (!place_words(s, n, i, 4, &pe, &caps))
        return;
    k = pe;
    if (k + 2 < n && s[k] == ',' && is_blank((unsigned char)s[k + 1])) {
        size_t j = skip_blanks(s, n, k + 1), e2;
        date_found f;
        if (date_at(s, n, j, 0, 0, &f)) {
            have_date = 1;
            if (f.y)
                d->date = f;
            k = f.end;
        } else if (place_words(s, n, j, 3, &e2, &caps)) {
            pe = k = e2;
            if (k + 2 < n && s[k] == ',' && date_at(s, n, skip_blanks(s, n, k + 1), 0, 0, &f)) {
                have_date = 1;
                if (f.y)
                    d->date = f;
                k = f.end;
            }
        }
        if (k < n && s[k] == ',')
            k++;
    }
    k = skip_blanks(s, n, k);
    size_t as, ae, e;
    if (agency_at(s, n, k, &as, &ae, &e)) {
        have_agency = 1;
        k = skip_blanks(s, n, e);
    }
    size_t body = separator_at(s, n, k, caps);
    if (!body || !(have_agency || have_date || caps)) {
        memset(&d->date, 0, sizeof d->date);
        return;
    }
    d->place_s = i;
    d->place_e = pe;
    if (have_agency) {
        d->agency_s = as;
        d->agency_e = ae;
    }
    d->body = body;
}

/* ---- parsing ---------------------------------------------------------------- */

static int grow_buf(char **p, size_t *cap, size_t need) {
    if (need <= *cap)
        return 1;
    size_t c = *cap ? *cap : 256;
    while (c < need)
        c *= 2;
    char *q = lede_realloc(*p, c);
    if (!q)
        return 0;
    *p = q;
    *cap = c;
    return 1;
}

#define ONES 0x0101010101010101u
#define HIGHS 0x8080808080808080u
#define CRS 0x0D0D0D0D0D0D0D0Du

/* Index of the first byte of s[0..n) that cleaning must change (a CR or an
   ill-formed sequence), or n. */
static size_t first_unclean(const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        if (n - i >= 8) { /* eight ASCII bytes, none of them CR, at a time */
            uint64_t v, x;
            memcpy(&v, s + i, 8);
            x = v ^ CRS;
            if (((v | ((x - ONES) & ~x)) & HIGHS) == 0) {
                i += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)s[i];
        if (c == '\r')
            return i;
        if (c < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t j = lede_utf8_next(s, n, i, &cp);
        if (lede_utf8_ill_formed(s, i, j, cp))
            return i;
        i = j;
    }
    return n;
}

/* Sets a->src to the text without BOM, with LF line ends and U+FFFD for
   ill-formed sequences: the input itself when it is so already, else a copy
   made in a->text. */
static lede_rc clean(lede_corpus_article *a, const char *s, size_t n, size_t *out_n) {
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        n -= 3;
    }
    size_t i = first_unclean(s, n);
    if (i == n) {
        a->src = s;
        *out_n = n;
        return LEDE_OK;
    }
    if (n > (SIZE_MAX - 1) / 3 || !grow_buf(&a->text, &a->text_cap, 3 * n + 1))
        return LEDE_NOMEM;
    memcpy(a->text, s, i);
    char *o = a->text + i;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            uint32_t cp;
            size_t j = lede_utf8_next(s, n, i, &cp);
            if (cp == LEDE_UTF8_REPLACEMENT) {
                memcpy(o, "\xEF\xBF\xBD", 3);
                o += 3;
            } else {
                memcpy(o, s + i, j - i);
                o += j - i;
            }
            i = j;
        } else if (c == '\r') {
            *o++ = '\n';
            i += i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
        } else {
            *o++ = (char)c;
            i++;
        }
    }
    *o = '\0';
    *out_n = (size_t)(o - a->text);
    a->src = a->text;
    return LEDE_OK;
}

static lede_rc split_lines(lede_corpus_article *a, size_t n, size_t *nl) {
    const char *t = a->src;
    size_t k = 0, start = 0;
    for (;;) {
        if (k == a->lines_cap) {
            size_t cap = a->lines_cap ? a->lines_cap * 2 : 64;
            lede_corpus_line *p = lede_realloc(a->lines, cap * sizeof *p);
            if (!p)
                return LEDE_NOMEM;
            a->lines = p;
            a->lines_cap = cap;
        }
        const char *nlp = start < n ? memchr(t + start, '\n', n - start) : NULL;
        size_t end = nlp ? (size_t)(nlp - t) : n;
        lede_corpus_line *l = &a->lines[k++];
        l->s = start;
        l->e = end;
        trim(t, &l->s, &l->e);
        l->kind = l->s == l->e ? LK_BLANK : LK_TEXT;
        l->drop = 0;
        if (!nlp)
            break;
        start = end + 1;
    }
    *nl = k;
    return LEDE_OK;
}

/* Drops the quotes around a front matter value. */
static void unquote(const char *s, size_t *a, size_t *b) {
    trim(s, a, b);
    if (*b - *a >= 2 && (s[*a] == '"' || s[*a] == '\'') && s[*b - 1] == s[*a]) {
        (*a)++;
        (*b)--;
        trim(s, a, b);
    }
}

static int is_fence(const char *s, const lede_corpus_line *l, const char *fence) {
    return l->e - l->s == 3 && memcmp(s + l->s, fence, 3) == 0;
}

/* Front matter: fills f, adds authors, and sets *first to the line after. */
static lede_rc front_matter(lede_corpus_article *a, size_t nl, findings *f, size_t *first) {
    const char *t = a->src;
    *first = 0;
    if (nl < 2 || a->lines[0].s != 0 || !is_fence(t, &a->lines[0], "---"))
        return LEDE_OK; /* the text's very first line: not "   ---" nor NULs then "---" */
    size_t end = 1;
    while (end < nl && end < 200 && !is_fence(t, &a->lines[end], "---") &&
           !is_fence(t, &a->lines[end], "..."))
        end++;
    if (end >= nl || end >= 200)
        return LEDE_OK;
    int in_authors = 0;
    for (size_t k = 1; k < end; k++) {
        const lede_corpus_line *l = &a->lines[k];
        const char *s = t + l->s;
        size_t n = l->e - l->s, key = 0;
        if (in_authors && n >= 2 && s[0] == '-' && is_blank((unsigned char)s[1])) {
            size_t x = l->s + 2, y = l->e;
            unquote(t, &x, &y);
            if (y > x && add_name(a, t + x, y - x) != LEDE_OK)
                return LEDE_NOMEM;
            continue;
        }
        in_authors = 0;
        while (key < n && ((s[key] >= 'a' && s[key] <= 'z') || (s[key] >= 'A' && s[key] <= 'Z') ||
                           s[key] == '_'))
            key++;
        size_t colon = skip_blanks(s, n, key);
        if (key == 0 || colon >= n || s[colon] != ':')
            continue;
        size_t x = l->s + colon + 1, y = l->e;
        unquote(t, &x, &y);
        if (lede_ascii_eq_ci(s, key, "title") && y > x) {
            f->title.s = t + x;
            f->title.n = y - x;
        } else if ((lede_ascii_eq_ci(s, key, "date") || lede_ascii_eq_ci(s, key, "published")) && y > x) {
            date_found d;
            if (date_at(t, y, x, 1, 0, &d))
                f->date[FROM_FRONT] = d;
        } else if (lede_ascii_eq_ci(s, key, "source") && y > x) {
            f->source[FROM_FRONT].s = t + x;
            f->source[FROM_FRONT].n = y - x;
        } else if ((lede_ascii_eq_ci(s, key, "url") || lede_ascii_eq_ci(s, key, "link")) &&
                   y > x) {
            f->url.s = t + x;
            f->url.n = y - x;
        } else if (lede_ascii_eq_ci(s, key, "dateline") && y > x) {
            f->dateline.s = t + x;
            f->dateline.n = y - x;
        } else if (lede_ascii_eq_ci(s, key, "authors") || lede_ascii_eq_ci(s, key, "author")) {
            f->front_authors = 1;
            in_authors = y == x;
            if (y > x && t[x] == '[' && t[y - 1] == ']') {
                x++;
                y--;
            }
            for (size_t i = x; i < y;) { /* a comma list */
                const char *comma = memchr(t + i, ',', y - i);
                size_t ie = comma ? (size_t)(comma - t) : y, p = i, q = ie;
                unquote(t, &p, &q);
                if (q > p && add_name(a, t + p, q - p) != LEDE_OK)
                    return LEDE_NOMEM;
                i = ie + 1;
            }
        }
    }
    *first = end + 1;
    return LEDE_OK;
}

/* Classifies the lines from first on, collecting credits in order. */
static lede_rc classify(lede_corpus_article *a, size_t first, size_t nl, findings *f) {
    const char *t = a->src;
    lede_rc rc = LEDE_OK;
    for (size_t k = first; k < nl; k++) {
        lede_corpus_line *l = &a->lines[k];
        const char *s = t + l->s;
        size_t n = l->e - l->s, v;
        date_found d;
        if (l->kind == LK_BLANK)
            continue;
        if (is_boiler(s, n)) {
            l->kind = LK_BOILER;
        } else if (agency_code(s, n)) {
            l->kind = LK_CODE;
        } else if (source_line(s, n, &v)) {
            l->kind = LK_SOURCE;
            size_t x = l->s + v, y = l->e;
            if (find_date(t + x, y - x, 1, 1, &d)) {
                if (!f->date[FROM_FOOTER].y) /* a dated credit: the credit area */
                    f->date[FROM_FOOTER] = d;
                size_t ds = x + d.start;
                while (ds > x &&
                       (t[ds - 1] == '(' || t[ds - 1] == ',' || is_blank((unsigned char)t[ds - 1])))
                    ds--;
                if (ds > x)
                    y = ds;
            }
            while (y > x && t[y - 1] == '.')
                y--;
            if (y > x && t[y - 1] == ')') { /* "(3/4/2024)": a date, read or not */
                size_t o = y - 1;
                while (o > x && (is_digit((unsigned char)t[o - 1]) || in_set(t[o - 1], "/.-")))
                    o--;
                if (o > x && t[o - 1] == '(' && o + 1 < y) {
                    y = o - 1;
                    while (y > x && (is_blank((unsigned char)t[y - 1]) || t[y - 1] == ','))
                        y--;
                }
            }
            int web = starts_ci(t + x, y - x, "http") || starts_ci(t + x, y - x, "www.") ||
                      (!memchr(t + x, ' ', y - x) && memchr(t + x, '.', y - x));
            int slot = web ? FROM_FOOTER : FROM_CREDIT;
            if (!f->source[slot].s && y > x) {
                f->source[slot].s = t + x;
                f->source[slot].n = y - x;
            }
        } else if (people_line(a, s, n, 0, &rc)) {
            l->kind = LK_PEOPLE;
            people_line(a, s, n, 1, &rc);
        } else if (date_line(s, n, &d)) {
            l->kind = LK_DATE;
        }
        if (rc != LEDE_OK)
            return rc;
    }
    return LEDE_OK;
}

static size_t next_content(const lede_corpus_article *a, size_t k, size_t nl) {
    while (k < nl && a->lines[k].kind == LK_BLANK)
        k++;
    return k;
}

/* Whether the line k, s[0..n) opening in lower case, is still a headline:
   its first word is a brand with a capital inside ("iPhone", "eBay"), or
   the line is headline-shaped (at most 15 words, no full stop at the end)
   and a blank line follows it. */
static int lower_headline(const lede_corpus_article *a, size_t k, size_t nl, const char *s,
                          size_t n, size_t words) {
    size_t e = word_end(s, n, 0);
    for (size_t i = 0, next; i < e; i = next) {
        uint32_t c = char_at(s, e, i, &next);
        if (i > 0 && lede_char_is_upper(c))
            return 1;
    }
    return words <= 15 && !ends_sentence(s, n) && k + 1 < nl &&
           a->lines[k + 1].kind == LK_BLANK;
}

/* A title candidate: the line's text with a photo credit cut off. */
static int title_like(const lede_corpus_article *a, size_t k, size_t nl, size_t *len) {
    const lede_corpus_line *l = &a->lines[k];
    const char *s = a->src + l->s;
    size_t n = cut_photo_credit(s, l->e - l->s), words = words_upto(s, n, 26);
    *len = n;
    if (l->kind != LK_TEXT || n == 0 || words > 25 || n > 200)
        return 0;
    /* a headline may open with a lower-case brand ("iPhone now selling ...",
       "eBay profits rise") or word; a line of prose that does is not one */
    if (starts_lower(s, n, 0) && !lower_headline(a, k, nl, s, n, words))
        return 0;
    int letters = 0;
    for (size_t i = 0, next; i < n && !letters; i = next)
        letters = lede_char_is_alpha(char_at(s, n, i, &next));
    if (!letters)
        return 0;
    size_t st;
    uint32_t c = last_char(s, n, &st);
    if (c == ':' || c == ',' || c == ';')
        return 0;
    if (c == '.' && (words > 20 || !title_cased(s, n)))
        return 0;
    dateline d;
    parse_dateline(s, n, &d);
    return d.body == 0; /* no dateline or MENAFN prefix */
}

/* The line runs on into the next one (a wrapped paragraph). */
static int runs_on(const lede_corpus_article *a, size_t k, size_t nl) {
    if (k + 1 >= nl || a->lines[k + 1].kind == LK_BLANK)
        return 0;
    const lede_corpus_line *l = &a->lines[k], *m = &a->lines[k + 1];
    const char *s = a->src + l->s;
    size_t n = l->e - l->s, i = n;
    if (starts_lower(a->src, m->e, m->s))
        return 1;
    if (s[n - 1] == ',' || s[n - 1] == '-')
        return 1;
    while (i > 0 && !is_blank((unsigned char)s[i - 1]))
        i--;
    return in_list_ci(s + i, n - i, function_words);
}

static size_t line_words(const lede_corpus_article *a, size_t k) {
    return words_upto(a->src + a->lines[k].s, a->lines[k].e - a->lines[k].s, 64);
}

static int is_label(const lede_corpus_article *a, size_t k) {
    const lede_corpus_line *l = &a->lines[k];
    const char *s = a->src + l->s;
    size_t n = l->e - l->s;
    if (l->kind != LK_TEXT || n > 30 || words_upto(s, n, 4) > 3)
        return 0;
    if (in_set(s[n - 1], ".!?:,;"))
        return 0;
    for (size_t i = 0; i < n; i = skip_blanks(s, n, word_end(s, n, i)))
        if (!starts_upper(s, n, i) && !(s[i] == '&' || lede_ascii_eq_ci(s + i, word_end(s, n, i) - i, "and")))
            return 0;
    return 1;
}

/* Headline-like line in the footer: a related article's title. */
static int headline_like(const char *s, size_t n) {
    return !ends_sentence(s, n) && !starts_lower(s, n, 0) && words_upto(s, n, 16) <= 15;
}

/* Appends s[0..n) to a->out. */
static int out_put(lede_corpus_article *a, const char *s, size_t n) {
    if (!grow_buf(&a->out, &a->out_cap, a->out_len + n + 1))
        return 0;
    memcpy(a->out + a->out_len, s, n);
    a->out_len += n;
    return 1;
}

/* Appends s as the inside of a JSON string. */
static int out_json(lede_corpus_article *a, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[7];
        int ok;
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            ok = out_put(a, esc, 2);
        } else if (c < 0x20) {
            static const char hex[] = "0123456789abcdef";
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            ok = out_put(a, esc, 6);
        } else {
            ok = out_put(a, s + i, 1);
        }
        if (!ok)
            return 0;
    }
    return 1;
}

/* Cuts trailing agency codes off the last kept line ("France. (end)"). */
static void cut_end_codes(lede_corpus_article *a, size_t first, size_t nl) {
    for (size_t k = nl; k-- > first;) {
        lede_corpus_line *l = &a->lines[k];
        if (l->kind == LK_BLANK || l->drop)
            continue;
        for (;;) {
            const char *s = a->src + l->s;
            size_t n = l->e - l->s;
            if (n == 0 || s[n - 1] != ')')
                break;
            size_t open = n - 1;
            while (open > 0 && s[open] != '(')
                open--;
            if (s[open] != '(' || !agency_code(s + open, n - open))
                break;
            /* a code follows the last sentence ("France. (end)") or another
               code; "PREVIOUS WINNERS (once)" is content */
            size_t before = open;
            while (before > 0 && is_blank((unsigned char)s[before - 1]))
                before--;
            if (before > 0 && !in_set(s[before - 1], ".!?\")'") && !ends_sentence(s, before))
                break;
            l->e = l->s + open;
            trim(a->src, &l->s, &l->e);
        }
        if (l->s == l->e)
            l->drop = 1;
        else
            return;
    }
}

static void set_text(lede_corpus_text *x, const char *s, size_t n) {
    x->s = s;
    x->n = n;
}

lede_rc lede_corpus_article_parse(lede_corpus_article *a, const char *raw, size_t raw_n) {
    lede_corpus_text none = {NULL, 0};
    a->title = a->published = a->dateline = a->source = a->authors = a->body = a->url = none;
    size_t n, nl, first;
    lede_rc rc = clean(a, raw, raw_n, &n);
    if (rc == LEDE_OK)
        rc = split_lines(a, n, &nl);
    if (rc != LEDE_OK)
        return rc;
    const char *t = a->src;
    findings f;
    memset(&f, 0, sizeof f);
    a->names_len = 0;
    a->out_len = 0;
    if ((rc = front_matter(a, nl, &f, &first)) != LEDE_OK)
        return rc;
    size_t front_names = a->names_len;
    if ((rc = classify(a, first, nl, &f)) != LEDE_OK)
        return rc;
    if (f.front_authors)
        a->names_len = front_names;

    /* header: boilerplate, label, title, then bylines, dates, repeats */
    size_t i = next_content(a, first, nl), len;
    while (i < nl && (a->lines[i].kind == LK_BOILER || a->lines[i].kind == LK_CODE)) {
        a->lines[i].drop = 1;
        i = next_content(a, i + 1, nl);
    }
    lede_corpus_text title_line = {NULL, 0};
    if (!f.title.s && i < nl) {
        size_t j = next_content(a, i + 1, nl), jl;
        if (j < nl && is_label(a, i) && title_like(a, j, nl, &jl) && line_words(a, j) >= 4 &&
            line_words(a, j) > line_words(a, i)) {
            a->lines[i].drop = 1;
            i = j;
            j = next_content(a, i + 1, nl);
        }
        if (j < nl && title_like(a, i, nl, &len) && !runs_on(a, i, nl)) {
            set_text(&f.title, t + a->lines[i].s, len);
            set_text(&title_line, t + a->lines[i].s, a->lines[i].e - a->lines[i].s);
            a->lines[i].drop = 1;
            i = j;
        }
    }
    for (; i < nl; i = next_content(a, i + 1, nl)) {
        lede_corpus_line *l = &a->lines[i];
        const char *s = t + l->s;
        size_t ln = l->e - l->s;
        if ((f.title.s && same_text(s, ln, f.title.s, f.title.n)) ||
            (title_line.s && same_text(s, ln, title_line.s, title_line.n)) ||
            l->kind == LK_BOILER || l->kind == LK_PEOPLE || l->kind == LK_CODE ||
            l->kind == LK_SOURCE) {
            l->drop = 1;
        } else if (l->kind == LK_DATE) {
            date_found d;
            if (!f.date[FROM_HEADER].y && date_line(s, ln, &d))
                f.date[FROM_HEADER] = d;
            l->drop = 1;
        } else {
            break;
        }
    }
    size_t body_start = i;

    /* dateline on the first body line */
    if (i < nl) {
        lede_corpus_line *l = &a->lines[i];
        dateline d;
        parse_dateline(t + l->s, l->e - l->s, &d);
        if (d.iso.y)
            f.date[FROM_MENAFN] = d.iso;
        if (d.menafn_e > d.menafn_s)
            set_text(&f.source[FROM_MENAFN], t + l->s + d.menafn_s, d.menafn_e - d.menafn_s);
        if (d.place_e > d.place_s && !f.dateline.s)
            set_text(&f.dateline, t + l->s + d.place_s, d.place_e - d.place_s);
        if (d.agency_e > d.agency_s)
            set_text(&f.source[FROM_DATELINE], t + l->s + d.agency_s, d.agency_e - d.agency_s);
        if (d.date.y)
            f.date[FROM_DATELINE] = d.date;
        l->s += d.body;
        if (l->s >= l->e)
            l->drop = 1;
    }

    /* body lines and footer */
    size_t last_prose = body_start;
    int prose_seen = 0;
    for (size_t k = body_start; k < nl; k++) {
        const lede_corpus_line *l = &a->lines[k];
        if (l->kind == LK_TEXT && !l->drop &&
            (ends_sentence(t + l->s, l->e - l->s) || words_upto(t + l->s, l->e - l->s, 16) > 15)) {
            last_prose = k;
            prose_seen = 1;
        }
    }
    int footer_credit = 0;
    for (size_t k = prose_seen ? last_prose + 1 : body_start; k < nl; k++) {
        line_kind kd = a->lines[k].kind;
        footer_credit |= kd == LK_BOILER || kd == LK_SOURCE || kd == LK_PEOPLE || kd == LK_CODE;
    }
    for (size_t k = body_start; k < nl; k++) {
        lede_corpus_line *l = &a->lines[k];
        int footer = !prose_seen || k > last_prose;
        switch (l->kind) {
        case LK_BOILER:
        case LK_SOURCE:
        case LK_PEOPLE:
            l->drop = 1;
            break;
        case LK_CODE:
            l->drop |= footer;
            break;
        case LK_DATE:
            if (footer) {
                date_found d;
                if (!f.date[FROM_FOOTER].y && date_line(t + l->s, l->e - l->s, &d))
                    f.date[FROM_FOOTER] = d;
                l->drop = 1;
            }
            break;
        case LK_TEXT:
            if (footer && prose_seen && footer_credit && !l->drop &&
                headline_like(t + l->s, l->e - l->s))
                l->drop = 1;
            break;
        case LK_BLANK:
            break;
        }
    }
    cut_end_codes(a, body_start, nl);

    /* body */
    int kept = 0, blank = 0;
    for (size_t k = body_start; k < nl; k++) {
        const lede_corpus_line *l = &a->lines[k];
        if (l->kind == LK_BLANK) {
            blank = 1;
            continue;
        }
        if (l->drop)
            continue;
        if ((kept && !out_put(a, blank ? "\n\n" : "\n", blank ? 2 : 1)) ||
            !out_put(a, t + l->s, l->e - l->s))
            return LEDE_NOMEM;
        kept = 1;
        blank = 0;
    }
    size_t body_len = a->out_len;
    if (!out_put(a, "[", 1))
        return LEDE_NOMEM;
    for (size_t k = 0; k < a->names_len; k++)
        if ((k && !out_put(a, ",", 1)) || !out_put(a, "\"", 1) ||
            !out_json(a, a->names[k].s, a->names[k].n) || !out_put(a, "\"", 1))
            return LEDE_NOMEM;
    if (!out_put(a, "]", 1))
        return LEDE_NOMEM;
    a->out[a->out_len] = '\0';

    /* fields */
    set_text(&a->body, a->out, body_len);
    set_text(&a->authors, a->out + body_len, a->out_len - body_len);
    if (f.title.s)
        a->title = f.title;
    if (f.dateline.s)
        a->dateline = f.dateline;
    if (f.url.s)
        a->url = f.url;
    for (int k = 0; k < FROM_N; k++)
        if (!a->source.s && f.source[k].s)
            a->source = f.source[k];
    for (int k = 0; k < FROM_N; k++) {
        const date_found *d = &f.date[k];
        if (d->y) {
            char *p = a->date;
            int v[3] = {d->y, d->m, d->d}, w[3] = {4, 2, 2};
            for (int q = 0; q < 3; q++) {
                for (int r = w[q] - 1; r >= 0; r--, v[q] /= 10)
                    p[r] = (char)('0' + v[q] % 10);
                p += w[q];
                if (q < 2)
                    *p++ = '-';
            }
            *p = '\0';
            set_text(&a->published, a->date, 10);
            break;
        }
    }
    return LEDE_OK;
}

size_t lede_corpus_article_words(const lede_corpus_article *a) {
    if (!a->body.s)
        return 0;
    lede_tok_iter it;
    lede_token tok;
    size_t words = 0;
    lede_tok_init(&it, a->body.s, a->body.n);
    while (lede_tok_next(&it, &tok))
        words += tok.kind == LEDE_TOK_WORD || tok.kind == LEDE_TOK_NUMBER;
    return words;
}

void lede_corpus_article_free(lede_corpus_article *a) {
    lede_free(a->text);
    lede_free(a->out);
    lede_free(a->lines);
    lede_free(a->names);
    lede_free(a->nodes);
    lede_free(a->json);
    memset(a, 0, sizeof *a);
}

int lede_corpus_date(const char *s, size_t n, char out[11]) {
    date_found f;
    if (!find_date(s, n, 1, 0, &f))
        return 0;
    int v[3] = {f.y, f.m, f.d}, w[3] = {4, 2, 2};
    char *p = out;
    for (int q = 0; q < 3; q++) {
        for (int r = w[q] - 1; r >= 0; r--, v[q] /= 10)
            p[r] = (char)('0' + v[q] % 10);
        p += w[q];
        if (q < 2)
            *p++ = '-';
    }
    *p = '\0';
    return 1;
}

size_t lede_corpus_dateline(const char *s, size_t n, lede_corpus_text *place) {
    dateline d;
    parse_dateline(s, n, &d);
    if (d.place_e <= d.place_s)
        return 0;
    place->s = s + d.place_s;
    place->n = d.place_e - d.place_s;
    return d.body;
}
