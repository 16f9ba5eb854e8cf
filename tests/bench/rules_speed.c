/*
 * rules_speed.c: how fast the entity rules (ext/ner/rules.h) and canonical
 * names (ext/ner/canon.h) run, on news-like text this program makes.
 *
 *   cc -O2 -std=c11 -D_DEFAULT_SOURCE -Iext -o build/rules_speed tests/bench/rules_speed.c \
 *      build/libledecore.a -lutf8proc && build/rules_speed [megabytes]
 *
 * It writes about 20 MB (or the megabytes asked for) of sentences built from
 * fixed templates with a fixed seed: names, dates, amounts, percentages,
 * measures and plain filler. It times three passes over the same sentences:
 * splitting and tokenizing alone, the same plus lede_rules_scan, and the
 * same plus canonical names for every rule match and every capitalised word
 * pair. The rules' and canon's costs are the differences; each figure is
 * the best of three runs. Nothing here is asserted: the numbers go to
 * docs/performance.md.
 */
#include "ner/canon.h"
#include "ner/rules.h"
#include "text/sentences.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void *lede_malloc(size_t n) { return malloc(n); }
void *lede_realloc(void *p, size_t n) { return realloc(p, n); }
void lede_free(void *p) { free(p); }

static unsigned long long rng = 88172645463325252ull;
static unsigned rnd(unsigned n) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static const char *const first[] = {"Antony", "Maria", "Kenji", "Lena", "Omar", "Priya", "Jonas"};
static const char *const last[] = {"Blake", "Moreno", "Sato", "Hartmann", "Haddad", "Rao", "Berg"};
static const char *const orgs[] = {"the European Commission",
                                   "Nordlys Systems",
                                   "the State Department",
                                   "the Reserve Bank of India (RBI)",
                                   "OPEC",
                                   "the IAEA"};
static const char *const places[] = {"Tokyo",    "Brussels", "South Korea",
                                     "the U.S.", "Mumbai",   "Paris"};
static const char *const nat[] = {"Japanese", "North Korean", "French", "Indian", "Russian"};
static const char *const when[] = {"on Tuesday",         "last year",      "on December 3",
                                   "earlier this month", "in 2024",        "two weeks ago",
                                   "at 10:30 a.m.",      "late on Monday", "in the 1990s",
                                   "next week",          "on Jan. 7, 2025"};
static const char *const amount[] = {"$3.64 billion",
                                     "3.5 billion euros",
                                     "Rs 500 crore",
                                     "about 12 million yen",
                                     "5%",
                                     "3.5 percentage points",
                                     "300 km",
                                     "2,000 tonnes",
                                     "thousands of troops",
                                     "seven decades"};
static const char *const filler[] = {
    "officials said the talks would continue",          "the ministry declined to comment further",
    "analysts expect growth to slow as demand weakens", "the agreement still needs approval",
    "critics say the plan does little for workers",     "the company did not give details"};

static size_t gen(char *b, size_t cap) {
    size_t n = 0;
    while (n + 400 < cap) {
        int k = (int)rnd(4);
        if (k == 0)
            n += (size_t)sprintf(b + n, "%s %s %s met %s officials in %s %s, and %s.", nat[rnd(5)],
                                 first[rnd(7)], last[rnd(7)], nat[rnd(5)], places[rnd(6)],
                                 when[rnd(11)], filler[rnd(6)]);
        else if (k == 1)
            n += (size_t)sprintf(b + n, "%s said %s that it would spend %s, %s.", orgs[rnd(6)],
                                 when[rnd(11)], amount[rnd(10)], filler[rnd(6)]);
        else if (k == 2)
            n += (size_t)sprintf(b + n, "Mr. %s told reporters %s that %s and %s.", last[rnd(7)],
                                 when[rnd(11)], filler[rnd(6)], filler[rnd(6)]);
        else
            n += (size_t)sprintf(b + n, "\"%s,\" %s %s said, adding that prices rose %s.",
                                 filler[rnd(6)], first[rnd(7)], last[rnd(7)], amount[rnd(10)]);
        b[n++] = rnd(5) ? ' ' : '\n';
    }
    return n;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* mode 0: split and tokenize; 1: + rules; 2: + rules and canon. */
static double run(const char *s, size_t n, int mode, size_t *tokens, size_t *matches) {
    static lede_token t[8192];
    lede_rules_ctx rc;
    lede_canon_ctx cc;
    lede_date a = {2025, 1, 7};
    lede_sent_iter it;
    lede_span sp;
    double t0 = now();
    *tokens = *matches = 0;
    lede_rules_init(&rc);
    lede_canon_init(&cc, s, n, 0);
    lede_sent_init(&it, s, n);
    while (lede_sent_next(&it, &sp)) {
        lede_tok_iter ti;
        size_t nt = 0;
        lede_tok_init_at(&ti, s, sp.byte_end, sp.byte_start, sp.cp_start);
        while (nt < 8192 && lede_tok_next(&ti, &t[nt]))
            nt++;
        *tokens += nt;
        if (mode == 0)
            continue;
        lede_rules_scan(&rc, s, n, t, nt, &a);
        *matches += rc.count;
        if (mode == 1)
            continue;
        for (size_t k = 0, m = 0; k + 1 < nt; k++) {
            /* rule matches, and capitalised word pairs as stand-in names */
            lede_canon_entity e = {0, 0, LEDE_ENT_PERSON, "", NULL, 0, 0, 0.0, 0.0, 0};
            if (m < rc.count && rc.matches[m].start == k) {
                e.byte_start = t[k].span.byte_start;
                e.byte_end = t[rc.matches[m].end - 1].span.byte_end;
                e.label = rc.matches[m].label;
                k = rc.matches[m++].end - 1;
            } else if (s[t[k].span.byte_start] >= 'A' && s[t[k].span.byte_start] <= 'Z' &&
                       s[t[k + 1].span.byte_start] >= 'A' && s[t[k + 1].span.byte_start] <= 'Z') {
                e.byte_start = t[k].span.byte_start;
                e.byte_end = t[k + 1].span.byte_end;
                k++;
            } else {
                continue;
            }
            lede_canon_next(&cc, &e);
        }
    }
    lede_canon_free(&cc);
    lede_rules_free(&rc);
    return now() - t0;
}

int main(int argc, char **argv) {
    size_t mb = argc > 1 ? (size_t)atoi(argv[1]) : 20, cap = mb << 20;
    char *s = malloc(cap);
    if (!s)
        return 1;
    size_t n = gen(s, cap), tokens, matches;
    double best[3] = {1e9, 1e9, 1e9};
    for (int r = 0; r < 3; r++)
        for (int mode = 0; mode < 3; mode++) {
            double d = run(s, n, mode, &tokens, &matches);
            if (d < best[mode])
                best[mode] = d;
        }
    double rules = best[1] - best[0], canon = best[2] - best[1];
    printf("text %.1f MB, %zu tokens, %zu rule matches\n", (double)n / 1e6, tokens, matches);
    printf("split+tokenize      %.3f s  %.1f MB/s\n", best[0], (double)n / 1e6 / best[0]);
    printf("rules scan          %.3f s  %.1f M tokens/s  %.1f MB/s\n", rules,
           (double)tokens / 1e6 / rules, (double)n / 1e6 / rules);
    printf("canonical names     %.3f s  %.1f MB/s\n", canon, (double)n / 1e6 / canon);
    free(s);
    return 0;
}
