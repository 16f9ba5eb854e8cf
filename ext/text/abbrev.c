/*
 * abbrev.c: the abbreviation and sentence-starter lists of abbrev.h.
 *
 * Both lists are sorted bytewise (strcmp order) and searched by bisection;
 * test_abbrev checks the order.
 */
#include "abbrev.h"

#include <string.h>

typedef struct {
    const char *word;
    lede_abbrev_class cls;
} abbrev_entry;

#define T LEDE_ABBREV_TITLE
#define N LEDE_ABBREV_NUMERIC
#define G LEDE_ABBREV_GENERAL

/* clang-format off */
static const abbrev_entry abbrev_table[] = {
    {"Adm", T}, {"Amb", T}, {"Apr", N}, {"Art", N}, {"Assn", G}, {"Asst", T}, {"Atty", T},
    {"Aug", N}, {"Ave", G}, {"Blvd", G}, {"Brig", T}, {"Bros", G}, {"Capt", T}, {"Ch", N},
    {"Cmdr", T}, {"Co", G}, {"Col", T}, {"Corp", G}, {"Cos", G}, {"Cpl", T}, {"Dec", N}, {"Del", G},
    {"Dept", G}, {"Det", T}, {"Dr", T}, {"Esq", G}, {"Feb", N}, {"Fig", N}, {"Figs", N},
    {"Fr", T}, {"Fri", G}, {"Ft", T}, {"Gen", T}, {"Gens", T}, {"Gov", T}, {"Govt", G},
    {"Hon", T}, {"Inc", G}, {"Insp", T}, {"Intl", G}, {"Jan", N}, {"Jr", G}, {"Jul", N},
    {"Jun", N}, {"Lt", T}, {"Ltd", G}, {"Maj", T}, {"Mar", N}, {"Messrs", T}, {"Mfg", G},
    {"Mlle", T}, {"Mme", T}, {"Mon", G}, {"Mr", T}, {"Mrs", T}, {"Ms", T}, {"Msgr", T},
    {"Mt", T}, {"Natl", G}, {"No", N}, {"Nos", N}, {"Nov", N}, {"Nr", N}, {"Oct", N},
    {"Pres", T}, {"Prof", T}, {"Pty", G}, {"Pvt", T}, {"Rd", G}, {"Rep", T}, {"Reps", T},
    {"Rev", T}, {"Rs", N}, {"Rt", T}, {"Sat", G}, {"Sen", T}, {"Sens", T}, {"Sep", N}, {"Sept", N},
    {"Sgt", T}, {"Sr", G}, {"St", G}, {"Sun", G}, {"Supt", T}, {"Thu", G}, {"Thur", G},
    {"Thurs", G}, {"Tue", G}, {"Tues", G}, {"Univ", G}, {"Vol", N}, {"Wed", G},
    {"al", G}, {"approx", N}, {"ca", N}, {"cf", T}, {"ch", N}, {"co", G}, {"dept", G},
    {"est", G}, {"etc", G}, {"ft", G}, {"hr", G}, {"hrs", G}, {"incl", T}, {"min", G},
    {"mos", G}, {"p", N}, {"para", N}, {"pp", N}, {"sec", N},
    {"st", G}, {"viz", T}, {"vol", N}, {"vs", T}, {"yr", G}, {"yrs", G},
};

/* Lowercase; compared after folding ASCII case. */
static const char *const starter_table[] = {
    "a", "according", "after", "again", "also", "although", "among", "an", "and",
    "another", "as", "at", "because", "before", "both", "but", "by", "despite", "during",
    "each", "earlier", "every", "few", "for", "from", "furthermore", "he", "her", "here",
    "hers", "his", "how", "however", "i", "if", "in", "indeed", "instead", "it", "its",
    "last", "later", "many", "meanwhile", "moreover", "most", "my", "nevertheless", "next",
    "no", "nobody", "none", "nor", "not", "now", "on", "once", "one", "or", "our", "several", "she",
    "since", "so", "some", "still", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "those", "though", "thus", "today", "under", "until", "we", "what",
    "when", "where", "whether", "which", "while", "who", "why", "with", "without", "yet",
    "yesterday", "you", "your",
};
/* clang-format on */

#undef T
#undef N
#undef G

/* strcmp order of w[0..n) against the entry, without strlen or memcmp (the
   words are short and most comparisons end at the first byte). */
static int abbrev_cmp(const char *w, size_t n, const char *entry) {
    const unsigned char *a = (const unsigned char *)w, *b = (const unsigned char *)entry;
    for (size_t k = 0;; k++) {
        if (k == n)
            return b[k] ? -1 : 0;
        if (!b[k])
            return 1;
        if (a[k] != b[k])
            return a[k] < b[k] ? -1 : 1;
    }
}

lede_abbrev_class lede_abbrev_lookup(const char *w, size_t n) {
    size_t lo = 0, hi = sizeof abbrev_table / sizeof abbrev_table[0];
    if (n == 0 || n > 6)
        return LEDE_ABBREV_NONE;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = abbrev_cmp(w, n, abbrev_table[mid].word);
        if (c == 0)
            return abbrev_table[mid].cls;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return LEDE_ABBREV_NONE;
}

int lede_abbrev_is_starter(const char *w, size_t n) {
    char low[16];
    if (n == 0 || n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    size_t lo = 0, hi = sizeof starter_table / sizeof starter_table[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = abbrev_cmp(low, n, starter_table[mid]);
        if (c == 0)
            return 1;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}
