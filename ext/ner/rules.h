/*
 * rules.h: the rule-based entities of one sentence: DATE, TIME, MONEY,
 * PERCENT, QUANTITY and NORP, with normalised values.
 *
 * lede_rules_scan reads one sentence's tokens (tokens.h) over the text they
 * came from and reports non-overlapping matches in order, each a token range
 * [start, end) of the array it was given, a label (entity.h), a value, a unit
 * and a country. It scans left to right; at each token every pattern is
 * tried and the longest match wins (equal lengths: MONEY, PERCENT, QUANTITY,
 * TIME, DATE, NORP); scanning goes on after it. Each pattern looks at most
 * LEDE_RULES_LOOKAHEAD tokens ahead and two behind, so time is linear in the
 * sentence. docs/reference/entities-rules.md lists every pattern; in short:
 *
 *   DATE      "December 3", "Dec. 3, 2024", "3 December", "2025-01-07",
 *             "11/1/2023", "2024", "the 1990s", "Tuesday", "last year",
 *             "earlier this month", "last July", "yesterday", "the weekend",
 *             "two weeks ago", "seven decades", "the past few years"
 *   TIME      "10:30", "10:30 a.m.", "3 p.m.", "noon", "midnight", "late
 *             night", "this morning", "tonight", "five hours"
 *   MONEY     "$3.64 billion", "US$5 million", "€20", "£1.2bn", "Rs 500 crore",
 *             "3.5 billion euros", "USD 300", "billions of dollars"
 *   PERCENT   "5%", "5 percent", "5 per cent", "five percent", "3.5
 *             percentage points", "50 basis points"
 *   QUANTITY  "300 km", "2,000 tonnes", "20 degrees Celsius", "300-km",
 *             "thousands of troops", "dozens of people"
 *   NORP      demonyms and group words of the gazetteer: "Japanese", "North
 *             Korean", "Muslims", "Republicans" (country from the gazetteer)
 *
 * Approximators ("about", "approximately", "more than", "up to", ...) belong
 * to a MONEY, PERCENT, QUANTITY or duration span and leave its value alone.
 *
 * Values (value is "" when unknown: SQL NULL):
 *   DATE      ISO 8601: a day "2025-01-07", a month "2024-12", a year "2024",
 *             an ISO week "2025-W02", an interval "1990/1999" (decades,
 *             centuries, year ranges, weekends "2025-01-04/2025-01-05"), a
 *             duration "P70Y", "P3D", "P2W"; "--12-03" and "--12" for a day
 *             or month whose year needs an anchor that was not given.
 *             Relative dates are resolved against the anchor (dates.h).
 *   TIME      "10:30", "15:00" (24-hour, local) or a duration "PT5H"; the
 *             unit is the time zone when one is written ("GMT").
 *   MONEY     the amount as a plain decimal ("3640000000", "1.5"), unit the
 *             ISO 4217 code ("USD").
 *   PERCENT   the number ("5", "3.5"), unit "%", or "pp" for percentage
 *             points (basis points are converted: "50 basis points" is 0.5).
 *   QUANTITY  the number; unit a normalised unit ("km", "t", "kg", "mi",
 *             "°C"); counts ("thousands of troops") have no unit and their
 *             lower bound as value ("2000").
 *   NORP      no value; country the ISO 3166-1 alpha-2 code, when known.
 *
 * Memory: the context owns its results and scratch, grown as sentences need
 * (amortised; nothing is allocated per token once the arrays are large
 * enough). The text and tokens are not copied. Nothing is global.
 */
#ifndef LEDE_NER_RULES_H
#define LEDE_NER_RULES_H

#include "../core.h"
#include "../text/norm.h"
#include "../text/tokens.h"
#include "dates.h"
#include "entity.h"

#define LEDE_RULES_LOOKAHEAD 16
#define LEDE_RULES_VALUE_MAX 48
#define LEDE_RULES_UNIT_MAX 8

typedef struct {
    size_t start, end;                /* token range [start, end) in the array scanned */
    lede_ent_label label;             /* DATE, TIME, MONEY, PERCENT, QUANTITY or NORP */
    char value[LEDE_RULES_VALUE_MAX]; /* NUL-terminated normalised value; "" = none */
    char unit[LEDE_RULES_UNIT_MAX];   /* NUL-terminated unit ("USD", "%", "km"); "" = none */
    char country[3];                  /* ISO 3166-1 alpha-2 ("JP"); "" = none */
} lede_rules_match;

struct lede_rules_tok; /* per-token scratch (rules.c) */

#define LEDE_RULES_KW_SLOTS 2048 /* at least twice the keywords (rules.c checks it) */

typedef struct {
    lede_rules_match *matches;   /* the last scan's matches, in order */
    size_t count;                /* how many */
    size_t cap;                  /* room in matches */
    struct lede_rules_tok *info; /* scratch: one entry per token */
    size_t info_cap;
    lede_norm_buf norm; /* scratch for token norms (gazetteer keys) */
    int kw_ready;       /* kw_slots is made */
    uint16_t kw_slots[LEDE_RULES_KW_SLOTS]; /* a hash table of the keywords (rules.c) */
} lede_rules_ctx;

/* Prepares an empty context (allocates nothing). */
void lede_rules_init(lede_rules_ctx *ctx);

/* Releases what the context holds; it may be initialised again. */
/* Forgets the last scan's matches and keeps the buffers (on a context
   initialised before and not freed). */
void lede_rules_restart(lede_rules_ctx *ctx);

void lede_rules_free(lede_rules_ctx *ctx);

/*
 * Scans the tokens t[0..nt) of one sentence of s[0..n) (their spans index s)
 * and leaves the matches in ctx->matches[0..ctx->count), replacing the last
 * scan's. anchor is the article's date, or NULL when there is none.
 * Returns LEDE_OK or LEDE_NOMEM (ctx->count is then 0).
 */
lede_rc lede_rules_scan(lede_rules_ctx *ctx, const char *s, size_t n, const lede_token *t,
                        size_t nt, const lede_date *anchor);

/* For tests: 1 when the keyword table is sorted and consistent. */
int lede_rules_table_ok(void);

/* For tests: 1 when the table of the first words of currency keys (rules.c)
   is sorted and holds exactly the first words of the gazetteer's currency
   keys; each difference is passed to report (when not NULL). */
int lede_rules_currency_ok(void (*report)(const char *what, const char *key));

#endif
