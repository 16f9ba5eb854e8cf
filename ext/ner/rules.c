/*
 * rules.c: the patterns of rules.h.
 *
 * A scan first classifies every token once (struct lede_rules_tok: its
 * keyword entry, whether it is digits, an ordinal, a decade, capitalised),
 * then walks the sentence: at token i each matcher (m_money, m_percent,
 * m_quantity, m_time, m_duration, m_date, m_norp) reports the end of its
 * longest match starting at i, the longest wins, and the walk resumes after
 * it. Matchers read a bounded number of tokens (LEDE_RULES_LOOKAHEAD ahead,
 * two behind), so the scan is linear.
 *
 * Numbers come from numbers.h (exact decimals), calendar arithmetic from
 * dates.h, currencies, demonyms and group words from gazetteer.h.
 */
#include "rules.h"

#include "gazetteer.h"
#include "numbers.h"

#include "../text/chars.h"
#include "../text/utf8.h"

#include <stdint.h>
#include <string.h>

/* ---- the keyword table ------------------------------------------------------ */

#define K_MONTH (1ull << 0)    /* month name or abbreviation; month */
#define K_WDAY (1ull << 1)     /* weekday; wday */
#define K_DAYREL (1ull << 2)   /* today, yesterday, tomorrow; v = offset in days */
#define K_REL (1ull << 3)      /* last, this, next, past, ...; v = R_* */
#define K_MOD (1ull << 4)      /* early, late, mid; v = M_* */
#define K_TUNIT (1ull << 5)    /* day, week, ..., hour; tunit */
#define K_PARTDAY (1ull << 6)  /* morning, night; v = 1 for "tonight" */
#define K_NOON (1ull << 7)     /* noon, midnight; v = hour */
#define K_AMPM (1ull << 8)     /* a.m., p.m.; v = 0 or 12 */
#define K_TZ (1ull << 9)       /* time zone abbreviation */
#define K_UNIT (1ull << 10)    /* unit of measurement; unit */
#define K_UNITPRE (1ull << 11) /* square, cubic, nautical, metric; v */
#define K_PCT (1ull << 12)     /* percent, pct */
#define K_PCTPT (1ull << 13)   /* percentage (points) */
#define K_BASIS (1ull << 14)   /* basis (points) */
#define K_BPS (1ull << 15)     /* bps, bp */
#define K_APPROX (1ull << 16)  /* about, more (than), ...; v = A_* */
#define K_AGO (1ull << 17)     /* ago */
#define K_SEASON (1ull << 18)  /* spring, summer, ... */
#define K_CUE (1ull << 19)     /* a word before a bare month or year: in, since, ... */
#define K_NOTYEAR (1ull << 20) /* a word before a number that is not a year: No., flight */
#define K_ORDW (1ull << 21)    /* first .. fourth; v */
#define K_QTR (1ull << 22)     /* Q1 .. Q4; v */
#define K_LONG (1ull << 23)    /* "long" in "decades-long" */
#define K_OLD (1ull << 24)     /* "old" in "10-year-old" */
#define K_FEW (1ull << 25)     /* few, several, couple, many */
#define K_AFTER (1ull << 26)   /* later, earlier, after, before (after a duration) */
#define K_APOS (1ull << 27)    /* an apostrophe: "'90s" */
#define K_PER (1ull << 28)     /* per */
#define K_CENT (1ull << 29)    /* cent */
#define K_SIGN (1ull << 30)    /* minus, a minus sign */
#define K_NUMW (1ull << 31)    /* a number word: lets the scan try the number patterns there */
#define K_EVERY (1ull << 32)   /* every, each */
#define K_FUTURE (1ull << 33)  /* will, shall, 'll: the sentence speaks of the future */
#define K_FUTPRE (1ull << 34)  /* expected, due, set, ... before "to": likewise */
#define K_ORGHEAD (1ull << 35) /* Union, Party, Airlines: a demonym before it names an ORG */

enum { F_CAP = 1, F_ABBR = 2, F_PLURAL = 4, F_EXACT = 8, F_UPPER = 16 };
enum { R_LAST = 1, R_THIS, R_NEXT, R_PAST, R_PREVIOUS, R_COMING, R_FOLLOWING, R_RECENT };
enum { M_EARLY = 1, M_LATE, M_MID };
enum {
    TU_DAY = 1,
    TU_WEEK,
    TU_WEEKEND,
    TU_FORTNIGHT,
    TU_MONTH,
    TU_QUARTER,
    TU_YEAR,
    TU_DECADE,
    TU_CENTURY,
    TU_HOUR,
    TU_MINUTE,
    TU_SECOND
};
enum { A_ONE = 1, A_THAN, A_AT, A_UP, A_AS, A_CLOSE, A_UPWARDS, A_AN, A_JUST };
enum {
    U_NONE = 0,
    U_KM,
    U_M,
    U_CM,
    U_MM,
    U_MI,
    U_FT,
    U_IN,
    U_YD,
    U_KG,
    U_G,
    U_MG,
    U_T,
    U_TON,
    U_LB,
    U_OZ,
    U_L,
    U_ML,
    U_GAL,
    U_BBL,
    U_HA,
    U_ACRE,
    U_KM2,
    U_M2,
    U_DEG,
    U_DEGC,
    U_DEGF,
    U_MPH,
    U_KMH,
    U_KN,
    U_W,
    U_KW,
    U_MW,
    U_GW,
    U_KWH,
    U_MWH,
    U_GWH,
    U_TWH,
    U_MB,
    U_GB,
    U_TB,
    U_MT,
    U_KT,
    U_BPD,
    U_BCM,
    U_NMI,
    U_MI2,
    U_FT2,
    U_M3,
    U_FT3,
    U_COUNT
};

/* Normalised unit names, by U_*. */
static const char *const unit_names[U_COUNT] = {
    "",
    "km",
    "m",
    "cm",
    "mm",
    "mi",
    "ft",
    "in",
    "yd",
    "kg",
    "g",
    "mg",
    "t",
    "ton",
    "lb",
    "oz",
    "l",
    "ml",
    "gal",
    "bbl",
    "ha",
    "acre",
    "km2",
    "m2",
    "\xC2\xB0",
    "\xC2\xB0"
    "C",
    "\xC2\xB0"
    "F",
    "mph",
    "km/h",
    "kn",
    "W",
    "kW",
    "MW",
    "GW",
    "kWh",
    "MWh",
    "GWh",
    "TWh",
    "MB",
    "GB",
    "TB",
    "Mt",
    "kt",
    "bbl/d",
    "bcm",
    "nmi",
    "mi2",
    "ft2",
    "m3",
    "ft3",
};

typedef struct {
    const char *w;  /* lowercase ASCII (UTF-8 for a few symbols) */
    uint64_t kinds; /* K_* */
    int8_t month;   /* K_MONTH: 1..12 */
    int8_t wday;    /* K_WDAY: 0 Monday .. 6 Sunday */
    int8_t tunit;   /* K_TUNIT: TU_* */
    uint8_t unit;   /* K_UNIT: U_* */
    int8_t v;       /* the small value of the roles above that have one */
    uint8_t flags;  /* F_*: what the token itself must look like */
} kw;

/* Sorted by w in byte order (lede_rules_table_ok checks it). */
static const kw kw_table[] = {
    {"#", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"'", K_APOS, 0, 0, 0, 0, 0, 0},
    {"'ll", K_FUTURE, 0, 0, 0, 0, 0, 0},
    {"-", K_SIGN, 0, 0, 0, 0, 0, 0},
    {"a", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"a.m", K_AMPM, 0, 0, 0, 0, 0, 0},
    {"a.m.", K_AMPM, 0, 0, 0, 0, 0, 0},
    {"about", K_APPROX, 0, 0, 0, 0, A_ONE, 0},
    {"above", K_APPROX, 0, 0, 0, 0, A_ONE, 0},
    {"academy", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"acre", K_UNIT, 0, 0, 0, U_ACRE, 0, 0},
    {"acres", K_UNIT, 0, 0, 0, U_ACRE, 0, 0},
    {"aedt", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"aest", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"after", K_AFTER | K_CUE, 0, 0, 0, 0, 0, 0},
    {"afternoon", K_PARTDAY, 0, 0, 0, 0, 0, 0},
    {"afternoons", K_PARTDAY, 0, 0, 0, 0, 0, F_PLURAL},
    {"ago", K_AGO, 0, 0, 0, 0, 0, 0},
    {"aims", K_FUTPRE, 0, 0, 0, 0, 0, 0},
    {"airlines", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"airways", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"almost", K_APPROX, 0, 0, 0, 0, A_ONE, 0},
    {"am", K_AMPM, 0, 0, 0, 0, 0, 0},
    {"an", K_APPROX | K_NUMW, 0, 0, 0, 0, A_AN, 0},
    {"and", K_CUE, 0, 0, 0, 0, 0, 0},
    {"apartment", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"approx", K_APPROX, 0, 0, 0, 0, A_ONE, 0},
    {"approx.", K_APPROX, 0, 0, 0, 0, A_ONE, 0},
    {"approximately", K_APPROX, 0, 0, 0, 0, A_ONE, 0},
    {"apr", K_MONTH, 4, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"apr.", K_MONTH, 4, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"april", K_MONTH, 4, 0, 0, 0, 0, F_CAP},
    {"army", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"around", K_APPROX | K_CUE, 0, 0, 0, 0, A_ONE, 0},
    {"article", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"as", K_APPROX | K_CUE, 0, 0, 0, 0, A_AS, 0},
    {"association", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"at", K_APPROX | K_CUE, 0, 0, 0, 0, A_AT, 0},
    {"aug", K_MONTH, 8, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"aug.", K_MONTH, 8, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"august", K_MONTH, 8, 0, 0, 0, 0, F_CAP},
    {"autumn", K_SEASON, 0, 0, 0, 0, 0, 0},
    {"avenue", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"bank", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"barrel", K_UNIT, 0, 0, 0, U_BBL, 0, 0},
    {"barrels", K_UNIT, 0, 0, 0, U_BBL, 0, 0},
    {"basis", K_BASIS, 0, 0, 0, 0, 0, 0},
    {"bbl", K_UNIT, 0, 0, 0, U_BBL, 0, 0},
    {"bcm", K_UNIT, 0, 0, 0, U_BCM, 0, 0},
    {"before", K_AFTER | K_CUE, 0, 0, 0, 0, 0, 0},
    {"below", K_APPROX, 0, 0, 0, 0, A_ONE, 0},
    {"between", K_CUE, 0, 0, 0, 0, 0, 0},
    {"billion", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"billions", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"bn", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"box", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"bp", K_BPS, 0, 0, 0, 0, 0, F_EXACT},
    {"bpd", K_UNIT, 0, 0, 0, U_BPD, 0, 0},
    {"bps", K_BPS, 0, 0, 0, 0, 0, F_EXACT},
    {"broadcasting", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"bst", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"bus", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"by", K_CUE, 0, 0, 0, 0, 0, 0},
    {"cdt", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"cent", K_CENT, 0, 0, 0, 0, 0, 0},
    {"centimeter", K_UNIT, 0, 0, 0, U_CM, 0, 0},
    {"centimeters", K_UNIT, 0, 0, 0, U_CM, 0, 0},
    {"centimetre", K_UNIT, 0, 0, 0, U_CM, 0, 0},
    {"centimetres", K_UNIT, 0, 0, 0, U_CM, 0, 0},
    {"centuries", K_TUNIT, 0, 0, TU_CENTURY, 0, 0, F_PLURAL},
    {"century", K_TUNIT, 0, 0, TU_CENTURY, 0, 0, 0},
    {"cest", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"cet", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"channel", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"chapter", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"church", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"circa", K_APPROX | K_CUE, 0, 0, 0, 0, A_ONE, 0},
    {"close", K_APPROX, 0, 0, 0, 0, A_CLOSE, 0},
    {"cm", K_UNIT, 0, 0, 0, U_CM, 0, 0},
    {"code", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"coming", K_REL, 0, 0, 0, 0, R_COMING, 0},
    {"commission", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"council", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"couple", K_FEW, 0, 0, 0, 0, 0, 0},
    {"court", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"crore", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"crores", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"cst", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"cubic", K_UNITPRE, 0, 0, 0, 0, 2, 0},
    {"cup", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"dawn", K_PARTDAY, 0, 0, 0, 0, 0, 0},
    {"day", K_TUNIT, 0, 0, TU_DAY, 0, 0, 0},
    {"daybreak", K_PARTDAY, 0, 0, 0, 0, 0, 0},
    {"days", K_TUNIT, 0, 0, TU_DAY, 0, 0, F_PLURAL},
    {"dec", K_MONTH, 12, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"dec.", K_MONTH, 12, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"decade", K_TUNIT, 0, 0, TU_DECADE, 0, 0, 0},
    {"decades", K_TUNIT, 0, 0, TU_DECADE, 0, 0, F_PLURAL},
    {"december", K_MONTH, 12, 0, 0, 0, 0, F_CAP},
    {"degree", K_UNIT, 0, 0, 0, U_DEG, 0, 0},
    {"degrees", K_UNIT, 0, 0, 0, U_DEG, 0, 0},
    {"dozen", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"dozens", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"due", K_FUTPRE, 0, 0, 0, 0, 0, 0},
    {"during", K_CUE, 0, 0, 0, 0, 0, 0},
    {"dusk", K_PARTDAY, 0, 0, 0, 0, 0, 0},
    {"each", K_EVERY, 0, 0, 0, 0, 0, 0},
    {"earlier", K_AFTER | K_MOD, 0, 0, 0, 0, M_EARLY, 0},
    {"early", K_MOD, 0, 0, 0, 0, M_EARLY, 0},
    {"edt", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"eest", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"eet", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"eight", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"eighteen", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"eighty", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"eleven", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"embassy", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"empire", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"est", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"estimated", K_APPROX, 0, 0, 0, 0, A_ONE, 0},
    {"evening", K_PARTDAY, 0, 0, 0, 0, 0, 0},
    {"evenings", K_PARTDAY, 0, 0, 0, 0, 0, F_PLURAL},
    {"every", K_EVERY, 0, 0, 0, 0, 0, 0},
    {"exit", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"expected", K_FUTPRE, 0, 0, 0, 0, 0, 0},
    {"ext", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"ext.", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"fall", K_SEASON, 0, 0, 0, 0, 0, 0},
    {"feb", K_MONTH, 2, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"feb.", K_MONTH, 2, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"february", K_MONTH, 2, 0, 0, 0, 0, F_CAP},
    {"federation", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"feet", K_UNIT, 0, 0, 0, U_FT, 0, 0},
    {"few", K_FEW, 0, 0, 0, 0, 0, 0},
    {"fewer", K_APPROX, 0, 0, 0, 0, A_THAN, 0},
    {"fifteen", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"fifty", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"first", K_ORDW, 0, 0, 0, 0, 1, 0},
    {"five", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"flight", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"floor", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"following", K_REL, 0, 0, 0, 0, R_FOLLOWING, 0},
    {"foot", K_UNIT, 0, 0, 0, U_FT, 0, 0},
    {"for", K_CUE, 0, 0, 0, 0, 0, 0},
    {"fortnight", K_TUNIT, 0, 0, TU_FORTNIGHT, 0, 0, 0},
    {"fortnights", K_TUNIT, 0, 0, TU_FORTNIGHT, 0, 0, F_PLURAL},
    {"forty", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"four", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"fourteen", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"fourth", K_ORDW, 0, 0, 0, 0, 4, 0},
    {"fri", K_WDAY, 0, 4, 0, 0, 0, F_ABBR | F_CAP},
    {"fri.", K_WDAY, 0, 4, 0, 0, 0, F_ABBR | F_CAP},
    {"friday", K_WDAY, 0, 4, 0, 0, 0, F_CAP},
    {"fridays", K_WDAY, 0, 4, 0, 0, 0, F_CAP | F_PLURAL},
    {"from", K_CUE, 0, 0, 0, 0, 0, 0},
    {"ft", K_UNIT, 0, 0, 0, U_FT, 0, 0},
    {"g", K_UNIT, 0, 0, 0, U_G, 0, F_EXACT},
    {"gallon", K_UNIT, 0, 0, 0, U_GAL, 0, 0},
    {"gallons", K_UNIT, 0, 0, 0, U_GAL, 0, 0},
    {"gate", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"gb", K_UNIT, 0, 0, 0, U_GB, 0, 0},
    {"gigabyte", K_UNIT, 0, 0, 0, U_GB, 0, 0},
    {"gigabytes", K_UNIT, 0, 0, 0, U_GB, 0, 0},
    {"gigawatt", K_UNIT, 0, 0, 0, U_GW, 0, 0},
    {"gigawatts", K_UNIT, 0, 0, 0, U_GW, 0, 0},
    {"gmt", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"going", K_FUTPRE, 0, 0, 0, 0, 0, 0},
    {"grade", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"gram", K_UNIT, 0, 0, 0, U_G, 0, 0},
    {"gramme", K_UNIT, 0, 0, 0, U_G, 0, 0},
    {"grammes", K_UNIT, 0, 0, 0, U_G, 0, 0},
    {"grams", K_UNIT, 0, 0, 0, U_G, 0, 0},
    {"grand", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"gw", K_UNIT, 0, 0, 0, U_GW, 0, 0},
    {"gwh", K_UNIT, 0, 0, 0, U_GWH, 0, 0},
    {"ha", K_UNIT, 0, 0, 0, U_HA, 0, F_EXACT},
    {"half", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"hectare", K_UNIT, 0, 0, 0, U_HA, 0, 0},
    {"hectares", K_UNIT, 0, 0, 0, U_HA, 0, 0},
    {"highway", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"hkt", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"hour", K_TUNIT, 0, 0, TU_HOUR, 0, 0, 0},
    {"hours", K_TUNIT, 0, 0, TU_HOUR, 0, 0, F_PLURAL},
    {"hr", K_TUNIT, 0, 0, TU_HOUR, 0, 0, 0},
    {"hrs", K_TUNIT, 0, 0, TU_HOUR, 0, 0, F_PLURAL},
    {"hundred", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"hundreds", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"id", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"in", K_CUE, 0, 0, 0, 0, 0, 0},
    {"inch", K_UNIT, 0, 0, 0, U_IN, 0, 0},
    {"inches", K_UNIT, 0, 0, 0, U_IN, 0, 0},
    {"institute", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"intend", K_FUTPRE, 0, 0, 0, 0, 0, 0},
    {"intends", K_FUTPRE, 0, 0, 0, 0, 0, 0},
    {"item", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"jan", K_MONTH, 1, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"jan.", K_MONTH, 1, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"january", K_MONTH, 1, 0, 0, 0, 0, F_CAP},
    {"jst", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"jul", K_MONTH, 7, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"jul.", K_MONTH, 7, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"july", K_MONTH, 7, 0, 0, 0, 0, F_CAP},
    {"jun", K_MONTH, 6, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"jun.", K_MONTH, 6, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"june", K_MONTH, 6, 0, 0, 0, 0, F_CAP},
    {"just", K_APPROX, 0, 0, 0, 0, A_JUST, 0},
    {"kg", K_UNIT, 0, 0, 0, U_KG, 0, 0},
    {"kgs", K_UNIT, 0, 0, 0, U_KG, 0, 0},
    {"kilo", K_UNIT, 0, 0, 0, U_KG, 0, 0},
    {"kilogram", K_UNIT, 0, 0, 0, U_KG, 0, 0},
    {"kilogramme", K_UNIT, 0, 0, 0, U_KG, 0, 0},
    {"kilogrammes", K_UNIT, 0, 0, 0, U_KG, 0, 0},
    {"kilograms", K_UNIT, 0, 0, 0, U_KG, 0, 0},
    {"kilometer", K_UNIT, 0, 0, 0, U_KM, 0, 0},
    {"kilometers", K_UNIT, 0, 0, 0, U_KM, 0, 0},
    {"kilometre", K_UNIT, 0, 0, 0, U_KM, 0, 0},
    {"kilometres", K_UNIT, 0, 0, 0, U_KM, 0, 0},
    {"kilos", K_UNIT, 0, 0, 0, U_KG, 0, 0},
    {"kiloton", K_UNIT, 0, 0, 0, U_KT, 0, 0},
    {"kilotonne", K_UNIT, 0, 0, 0, U_KT, 0, 0},
    {"kilotonnes", K_UNIT, 0, 0, 0, U_KT, 0, 0},
    {"kilotons", K_UNIT, 0, 0, 0, U_KT, 0, 0},
    {"kilowatt", K_UNIT, 0, 0, 0, U_KW, 0, 0},
    {"kilowatts", K_UNIT, 0, 0, 0, U_KW, 0, 0},
    {"kingdom", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"km", K_UNIT, 0, 0, 0, U_KM, 0, 0},
    {"km/h", K_UNIT, 0, 0, 0, U_KMH, 0, 0},
    {"km2", K_UNIT, 0, 0, 0, U_KM2, 0, 0},
    {"kmh", K_UNIT, 0, 0, 0, U_KMH, 0, 0},
    {"kms", K_UNIT, 0, 0, 0, U_KM, 0, 0},
    {"\x6B\x6D\xC2\xB2", K_UNIT, 0, 0, 0, U_KM2, 0, 0},
    {"knot", K_UNIT, 0, 0, 0, U_KN, 0, 0},
    {"knots", K_UNIT, 0, 0, 0, U_KN, 0, 0},
    {"kph", K_UNIT, 0, 0, 0, U_KMH, 0, 0},
    {"kst", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"kw", K_UNIT, 0, 0, 0, U_KW, 0, 0},
    {"kwh", K_UNIT, 0, 0, 0, U_KWH, 0, 0},
    {"lakh", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"lakhs", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"last", K_REL, 0, 0, 0, 0, R_LAST, 0},
    {"late", K_MOD, 0, 0, 0, 0, M_LATE, 0},
    {"later", K_AFTER | K_MOD, 0, 0, 0, 0, M_LATE, 0},
    {"lb", K_UNIT, 0, 0, 0, U_LB, 0, 0},
    {"lbs", K_UNIT, 0, 0, 0, U_LB, 0, 0},
    {"league", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"less", K_APPROX, 0, 0, 0, 0, A_THAN, 0},
    {"level", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"line", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"liter", K_UNIT, 0, 0, 0, U_L, 0, 0},
    {"liters", K_UNIT, 0, 0, 0, U_L, 0, 0},
    {"litre", K_UNIT, 0, 0, 0, U_L, 0, 0},
    {"litres", K_UNIT, 0, 0, 0, U_L, 0, 0},
    {"long", K_LONG, 0, 0, 0, 0, 0, 0},
    {"lot", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"m", K_UNIT, 0, 0, 0, U_M, 0, F_EXACT},
    {"m2", K_UNIT, 0, 0, 0, U_M2, 0, F_EXACT},
    {"many", K_FEW, 0, 0, 0, 0, 0, 0},
    {"mar", K_MONTH, 3, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"mar.", K_MONTH, 3, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"march", K_MONTH, 3, 0, 0, 0, 0, F_CAP},
    {"may", K_MONTH, 5, 0, 0, 0, 0, F_CAP},
    {"mb", K_UNIT, 0, 0, 0, U_MB, 0, 0},
    {"mdt", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"megabyte", K_UNIT, 0, 0, 0, U_MB, 0, 0},
    {"megabytes", K_UNIT, 0, 0, 0, U_MB, 0, 0},
    {"megaton", K_UNIT, 0, 0, 0, U_MT, 0, 0},
    {"megatonne", K_UNIT, 0, 0, 0, U_MT, 0, 0},
    {"megatonnes", K_UNIT, 0, 0, 0, U_MT, 0, 0},
    {"megatons", K_UNIT, 0, 0, 0, U_MT, 0, 0},
    {"megawatt", K_UNIT, 0, 0, 0, U_MW, 0, 0},
    {"megawatts", K_UNIT, 0, 0, 0, U_MW, 0, 0},
    {"meter", K_UNIT, 0, 0, 0, U_M, 0, 0},
    {"meters", K_UNIT, 0, 0, 0, U_M, 0, 0},
    {"metre", K_UNIT, 0, 0, 0, U_M, 0, 0},
    {"metres", K_UNIT, 0, 0, 0, U_M, 0, 0},
    {"metric", K_UNITPRE, 0, 0, 0, 0, 4, 0},
    {"mg", K_UNIT, 0, 0, 0, U_MG, 0, 0},
    {"mi", K_UNIT, 0, 0, 0, U_MI, 0, F_EXACT},
    {"mid", K_MOD, 0, 0, 0, 0, M_MID, 0},
    {"midday", K_NOON, 0, 0, 0, 0, 12, 0},
    {"midnight", K_NOON, 0, 0, 0, 0, 0, 0},
    {"mile", K_UNIT, 0, 0, 0, U_MI, 0, 0},
    {"miles", K_UNIT, 0, 0, 0, U_MI, 0, 0},
    {"milligram", K_UNIT, 0, 0, 0, U_MG, 0, 0},
    {"milligrams", K_UNIT, 0, 0, 0, U_MG, 0, 0},
    {"milliliter", K_UNIT, 0, 0, 0, U_ML, 0, 0},
    {"milliliters", K_UNIT, 0, 0, 0, U_ML, 0, 0},
    {"millilitre", K_UNIT, 0, 0, 0, U_ML, 0, 0},
    {"millilitres", K_UNIT, 0, 0, 0, U_ML, 0, 0},
    {"millimeter", K_UNIT, 0, 0, 0, U_MM, 0, 0},
    {"millimeters", K_UNIT, 0, 0, 0, U_MM, 0, 0},
    {"millimetre", K_UNIT, 0, 0, 0, U_MM, 0, 0},
    {"millimetres", K_UNIT, 0, 0, 0, U_MM, 0, 0},
    {"million", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"millions", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"min", K_TUNIT, 0, 0, TU_MINUTE, 0, 0, 0},
    {"ministry", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"mins", K_TUNIT, 0, 0, TU_MINUTE, 0, 0, F_PLURAL},
    {"minus", K_SIGN, 0, 0, 0, 0, 0, 0},
    {"minute", K_TUNIT, 0, 0, TU_MINUTE, 0, 0, 0},
    {"minutes", K_TUNIT, 0, 0, TU_MINUTE, 0, 0, F_PLURAL},
    {"ml", K_UNIT, 0, 0, 0, U_ML, 0, 0},
    {"mm", K_UNIT, 0, 0, 0, U_MM, 0, 0},
    {"mn", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"model", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"mon", K_WDAY, 0, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"mon.", K_WDAY, 0, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"monday", K_WDAY, 0, 0, 0, 0, 0, F_CAP},
    {"mondays", K_WDAY, 0, 0, 0, 0, 0, F_CAP | F_PLURAL},
    {"month", K_TUNIT, 0, 0, TU_MONTH, 0, 0, 0},
    {"months", K_TUNIT, 0, 0, TU_MONTH, 0, 0, F_PLURAL},
    {"more", K_APPROX, 0, 0, 0, 0, A_THAN, 0},
    {"morning", K_PARTDAY, 0, 0, 0, 0, 0, 0},
    {"mornings", K_PARTDAY, 0, 0, 0, 0, 0, F_PLURAL},
    {"mph", K_UNIT, 0, 0, 0, U_MPH, 0, 0},
    {"msk", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"mst", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"mw", K_UNIT, 0, 0, 0, U_MW, 0, 0},
    {"mwh", K_UNIT, 0, 0, 0, U_MWH, 0, 0},
    {"\x6D\xC2\xB2", K_UNIT, 0, 0, 0, U_M2, 0, 0},
    {"nautical", K_UNITPRE, 0, 0, 0, 0, 3, 0},
    {"navy", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"nearly", K_APPROX, 0, 0, 0, 0, A_ONE, 0},
    {"next", K_REL, 0, 0, 0, 0, R_NEXT, 0},
    {"night", K_PARTDAY, 0, 0, 0, 0, 0, 0},
    {"nightfall", K_PARTDAY, 0, 0, 0, 0, 0, 0},
    {"nights", K_PARTDAY, 0, 0, 0, 0, 0, F_PLURAL},
    {"nine", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"nineteen", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"ninety", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"no", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"no.", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"noon", K_NOON, 0, 0, 0, 0, 12, 0},
    {"nov", K_MONTH, 11, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"nov.", K_MONTH, 11, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"november", K_MONTH, 11, 0, 0, 0, 0, F_CAP},
    {"number", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"oct", K_MONTH, 10, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"oct.", K_MONTH, 10, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"october", K_MONTH, 10, 0, 0, 0, 0, F_CAP},
    {"of", K_CUE, 0, 0, 0, 0, 0, 0},
    {"old", K_OLD, 0, 0, 0, 0, 0, 0},
    {"on", K_CUE, 0, 0, 0, 0, 0, 0},
    {"one", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"open", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"or", K_CUE, 0, 0, 0, 0, 0, 0},
    {"ounce", K_UNIT, 0, 0, 0, U_OZ, 0, 0},
    {"ounces", K_UNIT, 0, 0, 0, U_OZ, 0, 0},
    {"over", K_APPROX | K_CUE, 0, 0, 0, 0, A_ONE, 0},
    {"oz", K_UNIT, 0, 0, 0, U_OZ, 0, 0},
    {"p.m", K_AMPM, 0, 0, 0, 0, 12, 0},
    {"p.m.", K_AMPM, 0, 0, 0, 0, 12, 0},
    {"page", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"pages", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"paragraph", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"parliament", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"party", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"past", K_REL, 0, 0, 0, 0, R_PAST, 0},
    {"pct", K_PCT, 0, 0, 0, 0, 0, 0},
    {"pdt", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"per", K_PER, 0, 0, 0, 0, 0, 0},
    {"per-cent", K_PCT, 0, 0, 0, 0, 0, 0},
    {"percent", K_PCT, 0, 0, 0, 0, 0, 0},
    {"percentage", K_PCTPT, 0, 0, 0, 0, 0, 0},
    {"pin", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"plan", K_FUTPRE, 0, 0, 0, 0, 0, 0},
    {"planning", K_FUTPRE, 0, 0, 0, 0, 0, 0},
    {"plans", K_FUTPRE, 0, 0, 0, 0, 0, 0},
    {"platform", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"pm", K_AMPM, 0, 0, 0, 0, 12, 0},
    {"poised", K_FUTPRE, 0, 0, 0, 0, 0, 0},
    {"pound", K_UNIT, 0, 0, 0, U_LB, 0, 0},
    {"pounds", K_UNIT, 0, 0, 0, U_LB, 0, 0},
    {"previous", K_REL, 0, 0, 0, 0, R_PREVIOUS, 0},
    {"pst", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"q1", K_QTR, 0, 0, 0, 0, 1, F_UPPER},
    {"q2", K_QTR, 0, 0, 0, 0, 2, F_UPPER},
    {"q3", K_QTR, 0, 0, 0, 0, 3, F_UPPER},
    {"q4", K_QTR, 0, 0, 0, 0, 4, F_UPPER},
    {"quarter", K_TUNIT, 0, 0, TU_QUARTER, 0, 0, 0},
    {"quarters", K_TUNIT, 0, 0, TU_QUARTER, 0, 0, F_PLURAL},
    {"recent", K_REL, 0, 0, 0, 0, R_RECENT, 0},
    {"republic", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"resolution", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"road", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"room", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"roughly", K_APPROX, 0, 0, 0, 0, A_ONE, 0},
    {"route", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"sat", K_WDAY, 0, 5, 0, 0, 0, F_ABBR | F_CAP},
    {"sat.", K_WDAY, 0, 5, 0, 0, 0, F_ABBR | F_CAP},
    {"saturday", K_WDAY, 0, 5, 0, 0, 0, F_CAP},
    {"saturdays", K_WDAY, 0, 5, 0, 0, 0, F_CAP | F_PLURAL},
    {"scheduled", K_FUTPRE, 0, 0, 0, 0, 0, 0},
    {"scores", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"second", K_ORDW | K_TUNIT, 0, 0, TU_SECOND, 0, 2, 0},
    {"seconds", K_TUNIT, 0, 0, TU_SECOND, 0, 0, F_PLURAL},
    {"section", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"sep", K_MONTH, 9, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"sep.", K_MONTH, 9, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"sept", K_MONTH, 9, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"sept.", K_MONTH, 9, 0, 0, 0, 0, F_ABBR | F_CAP},
    {"september", K_MONTH, 9, 0, 0, 0, 0, F_CAP},
    {"set", K_FUTPRE, 0, 0, 0, 0, 0, 0},
    {"seven", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"seventeen", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"seventy", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"several", K_FEW | K_NUMW, 0, 0, 0, 0, 0, 0},
    {"sgt", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"shall", K_FUTURE, 0, 0, 0, 0, 0, 0},
    {"since", K_CUE, 0, 0, 0, 0, 0, 0},
    {"six", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"sixteen", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"sixty", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"slated", K_FUTPRE, 0, 0, 0, 0, 0, 0},
    {"society", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"some", K_APPROX, 0, 0, 0, 0, A_ONE, 0},
    {"spring", K_SEASON, 0, 0, 0, 0, 0, 0},
    {"sq", K_UNITPRE, 0, 0, 0, 0, 1, 0},
    {"square", K_UNITPRE, 0, 0, 0, 0, 1, 0},
    {"street", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"suite", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"summer", K_SEASON, 0, 0, 0, 0, 0, 0},
    {"sun", K_WDAY, 0, 6, 0, 0, 0, F_ABBR | F_CAP},
    {"sun.", K_WDAY, 0, 6, 0, 0, 0, F_ABBR | F_CAP},
    {"sunday", K_WDAY, 0, 6, 0, 0, 0, F_CAP},
    {"sundays", K_WDAY, 0, 6, 0, 0, 0, F_CAP | F_PLURAL},
    {"tb", K_UNIT, 0, 0, 0, U_TB, 0, 0},
    {"tel", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"tel.", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"ten", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"tens", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"terabyte", K_UNIT, 0, 0, 0, U_TB, 0, 0},
    {"terabytes", K_UNIT, 0, 0, 0, U_TB, 0, 0},
    {"the", K_CUE, 0, 0, 0, 0, 0, 0},
    {"third", K_ORDW, 0, 0, 0, 0, 3, 0},
    {"thirteen", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"thirty", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"this", K_REL, 0, 0, 0, 0, R_THIS, 0},
    {"thousand", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"thousands", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"three", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"through", K_CUE, 0, 0, 0, 0, 0, 0},
    {"throughout", K_CUE, 0, 0, 0, 0, 0, 0},
    {"thu", K_WDAY, 0, 3, 0, 0, 0, F_ABBR | F_CAP},
    {"thu.", K_WDAY, 0, 3, 0, 0, 0, F_ABBR | F_CAP},
    {"thur", K_WDAY, 0, 3, 0, 0, 0, F_ABBR | F_CAP},
    {"thur.", K_WDAY, 0, 3, 0, 0, 0, F_ABBR | F_CAP},
    {"thurs", K_WDAY, 0, 3, 0, 0, 0, F_ABBR | F_CAP},
    {"thurs.", K_WDAY, 0, 3, 0, 0, 0, F_ABBR | F_CAP},
    {"thursday", K_WDAY, 0, 3, 0, 0, 0, F_CAP},
    {"thursdays", K_WDAY, 0, 3, 0, 0, 0, F_CAP | F_PLURAL},
    {"till", K_CUE, 0, 0, 0, 0, 0, 0},
    {"to", K_CUE, 0, 0, 0, 0, 0, 0},
    {"today", K_DAYREL, 0, 0, 0, 0, 0, 0},
    {"tomorrow", K_DAYREL, 0, 0, 0, 0, 1, 0},
    {"ton", K_UNIT, 0, 0, 0, U_TON, 0, 0},
    {"tonight", K_PARTDAY, 0, 0, 0, 0, 1, 0},
    {"tonne", K_UNIT, 0, 0, 0, U_T, 0, 0},
    {"tonnes", K_UNIT, 0, 0, 0, U_T, 0, 0},
    {"tons", K_UNIT, 0, 0, 0, U_TON, 0, 0},
    {"trillion", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"trillions", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"tue", K_WDAY, 0, 1, 0, 0, 0, F_ABBR | F_CAP},
    {"tue.", K_WDAY, 0, 1, 0, 0, 0, F_ABBR | F_CAP},
    {"tues", K_WDAY, 0, 1, 0, 0, 0, F_ABBR | F_CAP},
    {"tues.", K_WDAY, 0, 1, 0, 0, 0, F_ABBR | F_CAP},
    {"tuesday", K_WDAY, 0, 1, 0, 0, 0, F_CAP},
    {"tuesdays", K_WDAY, 0, 1, 0, 0, 0, F_CAP | F_PLURAL},
    {"twelve", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"twenty", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"twh", K_UNIT, 0, 0, 0, U_TWH, 0, 0},
    {"two", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"under", K_APPROX, 0, 0, 0, 0, A_ONE, 0},
    {"union", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"unit", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"university", K_ORGHEAD, 0, 0, 0, 0, 0, F_CAP},
    {"until", K_CUE, 0, 0, 0, 0, 0, 0},
    {"up", K_APPROX, 0, 0, 0, 0, A_UP, 0},
    {"upcoming", K_REL, 0, 0, 0, 0, R_COMING, 0},
    {"upwards", K_APPROX, 0, 0, 0, 0, A_UPWARDS, 0},
    {"utc", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"version", K_NOTYEAR, 0, 0, 0, 0, 0, 0},
    {"watt", K_UNIT, 0, 0, 0, U_W, 0, 0},
    {"watts", K_UNIT, 0, 0, 0, U_W, 0, 0},
    {"wed", K_WDAY, 0, 2, 0, 0, 0, F_ABBR | F_CAP},
    {"wed.", K_WDAY, 0, 2, 0, 0, 0, F_ABBR | F_CAP},
    {"wednesday", K_WDAY, 0, 2, 0, 0, 0, F_CAP},
    {"wednesdays", K_WDAY, 0, 2, 0, 0, 0, F_CAP | F_PLURAL},
    {"week", K_TUNIT, 0, 0, TU_WEEK, 0, 0, 0},
    {"weekend", K_TUNIT, 0, 0, TU_WEEKEND, 0, 0, 0},
    {"weekends", K_TUNIT, 0, 0, TU_WEEKEND, 0, 0, F_PLURAL},
    {"weeks", K_TUNIT, 0, 0, TU_WEEK, 0, 0, F_PLURAL},
    {"well", K_APPROX, 0, 0, 0, 0, A_JUST, 0},
    {"wib", K_TZ, 0, 0, 0, 0, 0, F_UPPER},
    {"will", K_FUTURE, 0, 0, 0, 0, 0, 0},
    {"winter", K_SEASON, 0, 0, 0, 0, 0, 0},
    {"within", K_CUE, 0, 0, 0, 0, 0, 0},
    {"wo", K_FUTURE, 0, 0, 0, 0, 0, 0},
    {"yard", K_UNIT, 0, 0, 0, U_YD, 0, 0},
    {"yards", K_UNIT, 0, 0, 0, U_YD, 0, 0},
    {"year", K_TUNIT, 0, 0, TU_YEAR, 0, 0, 0},
    {"years", K_TUNIT, 0, 0, TU_YEAR, 0, 0, F_PLURAL},
    {"yesterday", K_DAYREL, 0, 0, 0, 0, -1, 0},
    {"yrs", K_TUNIT, 0, 0, TU_YEAR, 0, 0, F_PLURAL},
    {"zero", K_NUMW, 0, 0, 0, 0, 0, 0},
    {"\xC2\xB0", K_UNIT, 0, 0, 0, U_DEG, 0, 0},
    {"\xE2\x80\x99", K_APOS, 0, 0, 0, 0, 0, 0},
    {"\xE2\x80\x99\x6C\x6C", K_FUTURE, 0, 0, 0, 0, 0, 0},
    {"\xE2\x84\x83", K_UNIT, 0, 0, 0, U_DEGC, 0, 0},
    {"\xE2\x84\x89", K_UNIT, 0, 0, 0, U_DEGF, 0, 0},
    {"\xE2\x88\x92", K_SIGN, 0, 0, 0, 0, 0, 0},
};

#define KW_COUNT (sizeof kw_table / sizeof kw_table[0])
#define KW_MAXLEN 20

/* Writes w[0..n) in ASCII lower case, NUL-terminated, to buf (KW_MAXLEN +
   1 bytes); 0 when it can be no keyword (empty, too long, a NUL inside). */
static int kw_lower(const char *w, size_t n, char *buf) {
    if (n == 0 || n > KW_MAXLEN)
        return 0;
    for (size_t k = 0; k < n; k++)
        buf[k] = (char)lede_ascii_lower((unsigned char)w[k]);
    buf[n] = '\0';
    return memchr(buf, '\0', n) == NULL;
}

/* The entry for w[0..n) compared without ASCII case, or NULL. */
static const kw *kw_find(const char *w, size_t n) {
    char buf[KW_MAXLEN + 1];
    if (!kw_lower(w, n, buf))
        return NULL;
    size_t lo = 0, hi = KW_COUNT;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        /* the first bytes decide most steps, without a call */
        int c = (unsigned char)buf[0] - (unsigned char)kw_table[mid].w[0];
        if (c == 0)
            c = strcmp(buf, kw_table[mid].w);
        if (c == 0)
            return &kw_table[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* The hash of the lower-case w[0..n) in the keyword table (FNV-1a). */
static uint32_t kw_hash(const char *w, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < n; k++) {
        h ^= (unsigned char)w[k];
        h *= 16777619u;
    }
    return h;
}

_Static_assert(LEDE_RULES_KW_SLOTS >= 2 * KW_COUNT && LEDE_RULES_KW_SLOTS < 65536 &&
                   (LEDE_RULES_KW_SLOTS & (LEDE_RULES_KW_SLOTS - 1)) == 0,
               "the keyword slots are a power of two, at most half full");

/* Fills slots with 1 + the index of each keyword, by kw_hash (linear
   probing; 0 is an empty slot). */
static void kw_slots_make(uint16_t *slots) {
    memset(slots, 0, LEDE_RULES_KW_SLOTS * sizeof *slots);
    for (size_t k = 0; k < KW_COUNT; k++) {
        size_t i = kw_hash(kw_table[k].w, strlen(kw_table[k].w)) & (LEDE_RULES_KW_SLOTS - 1);
        while (slots[i])
            i = (i + 1) & (LEDE_RULES_KW_SLOTS - 1);
        slots[i] = (uint16_t)(k + 1);
    }
}

/* kw_find through the hash table slots (kw_slots_make): the same entry,
   for the one lookup every token makes. */
static const kw *kw_find_hashed(const uint16_t *slots, const char *w, size_t n) {
    char buf[KW_MAXLEN + 1];
    if (!kw_lower(w, n, buf))
        return NULL;
    size_t i = kw_hash(buf, n) & (LEDE_RULES_KW_SLOTS - 1);
    for (; slots[i]; i = (i + 1) & (LEDE_RULES_KW_SLOTS - 1)) {
        const kw *e = &kw_table[slots[i] - 1];
        if (e->w[0] == buf[0] && strcmp(e->w, buf) == 0)
            return e;
    }
    return NULL;
}

int lede_rules_table_ok(void) {
    /* the hashed lookup finds what the sorted one finds */
    static const char *const others[] = {"Mayor", "x", "januar", "decembers", "", "pm.", "a.m"};
    uint16_t slots[LEDE_RULES_KW_SLOTS];
    kw_slots_make(slots);
    for (size_t k = 0; k < KW_COUNT; k++) {
        char up[KW_MAXLEN + 1];
        size_t n = strlen(kw_table[k].w);
        for (size_t j = 0; j < n; j++)
            up[j] = (char)(kw_table[k].w[j] >= 'a' && kw_table[k].w[j] <= 'z'
                               ? kw_table[k].w[j] - 32
                               : kw_table[k].w[j]);
        if (kw_find_hashed(slots, kw_table[k].w, n) != &kw_table[k] ||
            kw_find_hashed(slots, up, n) != kw_find(up, n))
            return 0;
    }
    for (size_t k = 0; k < sizeof others / sizeof *others; k++)
        if (kw_find_hashed(slots, others[k], strlen(others[k])) !=
            kw_find(others[k], strlen(others[k])))
            return 0;
    for (size_t k = 0; k < KW_COUNT; k++) {
        const kw *e = &kw_table[k];
        if (strlen(e->w) > KW_MAXLEN || e->unit >= U_COUNT)
            return 0;
        if (k && strcmp(kw_table[k - 1].w, e->w) >= 0)
            return 0;
        if ((e->kinds & K_MONTH) && (e->month < 1 || e->month > 12))
            return 0;
        if ((e->kinds & K_WDAY) && (e->wday < 0 || e->wday > 6))
            return 0;
        if ((e->kinds & K_UNIT) && e->unit == U_NONE)
            return 0;
        if ((e->kinds & K_TUNIT) && e->tunit == 0)
            return 0;
        for (const char *p = e->w; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                return 0;
    }
    return 1;
}

/* ---- per-token classes ---------------------------------------------------------- */

enum {
    T_NUM = 1,      /* a number token */
    T_INT = 2,      /* digits only (at most 9): ival, ndig */
    T_ORD = 4,      /* an ordinal: 3rd, 21st; ival */
    T_DECADE = 8,   /* 1990s (ndig 4) or 90s (ndig 2); ival the year or the two digits */
    T_CAP = 16,     /* a word that starts with a capital */
    T_WORD = 32,    /* a word token */
    T_HYPH = 64,    /* a word with an inner hyphen */
    T_UPPER = 128,  /* a word whose letters are all capitals */
    T_SYM = 256,    /* a symbol token */
    T_LOWER = 512,  /* a word that starts with a lowercase letter */
    T_PUNCT = 1024, /* a punctuation token */
    T_FUT = 2048    /* a future cue ("will", "expected to") comes earlier in the sentence */
};

struct lede_rules_tok {
    const kw *k;  /* keyword entry, or NULL */
    uint16_t f;   /* T_* */
    uint8_t ndig; /* digits of T_INT and T_DECADE */
    int32_t ival; /* value of T_INT, T_ORD and T_DECADE */
};

static int is_digit(int c) { return c >= '0' && c <= '9'; }

static void classify(const uint16_t *kw_slots, const char *s, const lede_token *t,
                     struct lede_rules_tok *ti) {
    const char *w = s + t->span.byte_start;
    size_t n = t->span.byte_end - t->span.byte_start;
    ti->k = NULL;
    ti->f = 0;
    ti->ndig = 0;
    ti->ival = 0;
    switch (t->kind) {
    case LEDE_TOK_NUMBER: {
        size_t d = 0;
        int32_t v = 0;
        ti->f = T_NUM;
        while (d < n && is_digit((unsigned char)w[d])) {
            if (d < 9)
                v = v * 10 + (w[d] - '0');
            d++;
        }
        if (d == n && d <= 9) {
            ti->f |= T_INT;
            ti->ival = v;
            ti->ndig = (uint8_t)d;
        } else if (d >= 1 && d <= 3 && n == d + 2) {
            char a = (char)lede_ascii_lower((unsigned char)w[d]), b = (char)lede_ascii_lower(w[d + 1]);
            if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
                (a == 't' && b == 'h')) {
                ti->f |= T_ORD;
                ti->ival = v;
            }
        } else if ((d == 4 || d == 2) && n == d + 1 && (w[d] == 's' || w[d] == 'S') &&
                   w[d - 1] == '0') {
            ti->f |= T_DECADE;
            ti->ival = v;
            ti->ndig = (uint8_t)d;
        }
        return;
    }
    case LEDE_TOK_WORD: {
        unsigned char c0 = (unsigned char)w[0];
        int letters = 0, upper = 1;
        ti->f = T_WORD;
        if (c0 >= 'A' && c0 <= 'Z')
            ti->f |= T_CAP;
        else if (c0 >= 'a' && c0 <= 'z')
            ti->f |= T_LOWER;
        else if (c0 >= 0x80) {
            uint32_t cp;
            lede_utf8_next(w, n, 0, &cp);
            if (lede_char_is_upper(cp))
                ti->f |= T_CAP;
            else if (lede_char_is_lower(cp))
                ti->f |= T_LOWER;
        }
        for (size_t k = 0; k < n; k++) {
            unsigned char c = (unsigned char)w[k];
            if (c >= 'a' && c <= 'z')
                upper = 0;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                letters++;
            if (c == '-' && k && k + 1 < n)
                ti->f |= T_HYPH;
        }
        if (letters && upper)
            ti->f |= T_UPPER;
        break;
    }
    case LEDE_TOK_SYMBOL:
        ti->f = T_SYM;
        break;
    case LEDE_TOK_PUNCT:
        ti->f = T_PUNCT;
        break;
    default:
        return;
    }
    const kw *e = kw_find_hashed(kw_slots, w, n);
    if (!e)
        return;
    if ((e->flags & F_CAP) && !(ti->f & T_CAP))
        return;
    if ((e->flags & F_UPPER) && !(ti->f & T_UPPER))
        return;
    if ((e->flags & F_EXACT) && memcmp(w, e->w, n) != 0)
        return;
    ti->k = e;
}

/* ---- the scan ----------------------------------------------------------------------- */

typedef struct {
    const char *s;
    const lede_token *t;
    size_t nt;
    const struct lede_rules_tok *ti;
    const lede_date *anchor; /* NULL: none */
    lede_norm_buf *norm;
    lede_rc err;
} scan;

static uint16_t TF(const scan *sc, size_t i) { return i < sc->nt ? sc->ti[i].f : 0; }

static const kw *K(const scan *sc, size_t i, uint64_t kinds) {
    if (i >= sc->nt || !sc->ti[i].k || !(sc->ti[i].k->kinds & kinds))
        return NULL;
    return sc->ti[i].k;
}

/* Keyword of token i before it, safe for i == 0. */
static const kw *Kprev(const scan *sc, size_t i, uint64_t kinds) {
    return i ? K(sc, i - 1, kinds) : NULL;
}

static const char *tok(const scan *sc, size_t i, size_t *n) {
    *n = sc->t[i].span.byte_end - sc->t[i].span.byte_start;
    return sc->s + sc->t[i].span.byte_start;
}

/* Token i is the ASCII word lit, ignoring case. */
static int is_word(const scan *sc, size_t i, const char *lit) {
    if (i >= sc->nt)
        return 0;
    size_t n, k = 0;
    const char *w = tok(sc, i, &n);
    /* one pass, which stops at the first byte that differs (no strlen) */
    for (; k < n && lit[k]; k++)
        if (lede_ascii_lower((unsigned char)w[k]) != (unsigned char)lit[k])
            return 0;
    return k == n && lit[k] == '\0';
}

/* Token i is exactly the text lit. */
static int is_text(const scan *sc, size_t i, const char *lit) {
    if (i >= sc->nt)
        return 0;
    size_t n;
    const char *w = tok(sc, i, &n);
    return n == strlen(lit) && memcmp(w, lit, n) == 0;
}

/* Token i follows token i - 1 with no space between. */
static int attached(const scan *sc, size_t i) { return i < sc->nt && !sc->t[i].space_before; }

static void set_value(lede_rules_match *m, const char *v) {
    size_t n = strlen(v);
    if (n >= sizeof m->value)
        n = 0;
    memcpy(m->value, v, n);
    m->value[n] = '\0';
}

static void set_unit(lede_rules_match *m, const char *u) {
    size_t n = strlen(u);
    if (n >= sizeof m->unit)
        n = 0;
    memcpy(m->unit, u, n);
    m->unit[n] = '\0';
}

static void set_num(lede_rules_match *m, const lede_num *x) {
    lede_num_format(x, m->value, sizeof m->value);
}

/* ---- gazetteer keys ---------------------------------------------------------------- */

#define KEY_MAX 128

/* The key of tokens [i, i + k): their norms joined by single spaces. */
static size_t key_of(scan *sc, size_t i, size_t k, char *key) {
    size_t len = 0;
    for (size_t j = i; j < i + k; j++) {
        size_t n;
        const char *w = tok(sc, j, &n);
        int ascii = 1;
        for (size_t q = 0; q < n && ascii; q++)
            ascii = (unsigned char)w[q] < 0x80;
        const char *norm = w;
        size_t nn = n;
        if (!ascii) {
            lede_rc rc = lede_text_norm(sc->norm, w, n, &norm, &nn);
            if (rc != LEDE_OK) {
                sc->err = rc;
                return 0;
            }
        }
        if (len + (j > i) + nn > KEY_MAX)
            return 0;
        if (j > i)
            key[len++] = ' ';
        for (size_t q = 0; q < nn; q++)
            key[len++] = ascii ? (char)lede_ascii_lower((unsigned char)norm[q]) : norm[q];
    }
    return len;
}

static int gaz_at(scan *sc, size_t i, size_t k, lede_gaz_entry *e) {
    char key[KEY_MAX];
    if (i + k > sc->nt)
        return 0;
    size_t len = key_of(sc, i, k, key);
    return len && lede_gaz_lookup(key, len, e);
}

/* ---- approximators and signs ------------------------------------------------------- */

/* The token after an approximator that starts at i, or i when none does. */
static size_t approx_end(const scan *sc, size_t i) {
    const kw *k = K(sc, i, K_APPROX);
    if (!k)
        return i;
    switch (k->v) {
    case A_ONE:
        return i + 1;
    case A_THAN:
        return is_word(sc, i + 1, "than") ? i + 2 : i;
    case A_AT:
        return is_word(sc, i + 1, "least") || is_word(sc, i + 1, "most") ? i + 2 : i;
    case A_UP:
        return is_word(sc, i + 1, "to") ? i + 2 : i;
    case A_AS:
        if ((is_word(sc, i + 1, "many") || is_word(sc, i + 1, "much") ||
             is_word(sc, i + 1, "little") || is_word(sc, i + 1, "few")) &&
            is_word(sc, i + 2, "as"))
            return i + 3;
        return i;
    case A_CLOSE:
        return is_word(sc, i + 1, "to") ? i + 2 : i;
    case A_UPWARDS:
        return is_word(sc, i + 1, "of") ? i + 2 : i;
    case A_AN:
        return is_word(sc, i + 1, "estimated") ? i + 2 : i;
    case A_JUST: {
        const kw *k2 = K(sc, i + 1, K_APPROX);
        if (k2 && (k2->v == A_ONE || k2->v == A_THAN)) {
            size_t e = approx_end(sc, i + 1);
            if (e > i + 1)
                return e;
        }
        return is_word(sc, i, "just") ? i + 1 : i;
    }
    }
    return i;
}

/* The token after a minus sign at i ("-5", "minus 5"); *neg set. */
static size_t sign_end(const scan *sc, size_t i, int *neg) {
    *neg = 0;
    if (!K(sc, i, K_SIGN) || !(TF(sc, i + 1) & T_NUM))
        return i;
    if (!(TF(sc, i) & T_WORD) && !attached(sc, i + 1))
        return i;
    *neg = 1;
    return i + 1;
}

/* A number phrase at token i (numbers.h). */
static int num_at(const scan *sc, size_t i, unsigned flags, lede_num_phrase_out *o) {
    uint16_t f = TF(sc, i);
    if (!(f & (T_NUM | T_WORD)) || (f & (T_ORD | T_DECADE)))
        return 0;
    if ((f & T_WORD) && !(f & T_HYPH) && !K(sc, i, K_NUMW)) {
        /* for money, also digits with a scale letter: "$5M" */
        size_t n;
        if (!(flags & LEDE_NUM_MONEY) || !is_digit((unsigned char)*tok(sc, i, &n)))
            return 0;
    }
    return lede_num_phrase(sc->s, sc->t, sc->nt, i, flags, o);
}

/* Splits hyphenated word token i at its first hyphen after which the rest
   is a keyword of kinds, reading the part before as a number (digits or
   words). Returns the keyword and fills *x, or NULL. */
static const kw *compound(const scan *sc, size_t i, uint64_t kinds, lede_num *x,
                          const kw **second) {
    size_t n;
    const char *w = tok(sc, i, &n);
    if (!(TF(sc, i) & T_HYPH) || n > 64)
        return NULL;
    for (size_t h = 1; h + 1 < n; h++) {
        if (w[h] != '-')
            continue;
        size_t e = h + 1;
        while (e < n && w[e] != '-')
            e++;
        const kw *k = kw_find(w + h + 1, e - h - 1);
        if (!k || !(k->kinds & kinds))
            continue;
        if (!(is_digit((unsigned char)w[0]) ? lede_num_parse(x, w, h)
                                            : lede_num_parse_words(x, w, h)))
            continue;
        *second = NULL;
        if (e < n) {
            /* one more part: "10-year-old", "decades-long" comes elsewhere */
            size_t f = e + 1, g = f;
            while (g < n && w[g] != '-')
                g++;
            if (g != n)
                return NULL;
            *second = kw_find(w + f, g - f);
            if (!*second)
                return NULL;
        }
        return k;
    }
    return NULL;
}

/* ---- MONEY ----------------------------------------------------------------------------- */

/* Currency words that are also everyday English words: they make MONEY only
   after an amount of at least 100 or a scale word ("500 won", "5 million
   real"), not in "2 real problems". */
static const char *const currency_words_weak[] = {
    "crowns", "dong", "dram",  "drams", "lari", "lei",  "lev",
    "rand",   "real", "reals", "som",   "soms", "taka", "won",
};

static int weak_currency_word(const scan *sc, size_t i) {
    size_t n;
    const char *w = tok(sc, i, &n);
    for (size_t k = 0; k < sizeof currency_words_weak / sizeof *currency_words_weak; k++)
        if (is_word(sc, i, currency_words_weak[k]))
            return 1;
    (void)w;
    (void)n;
    return 0;
}

/* The first words of the gazetteer's currency keys (the key up to its first
   space: "us" of "us $", "$"), sorted in byte order: a key whose first word
   is none of these is no currency, so currency_prefix and currency_name
   look nothing up in the gazetteer for it (most capitalised words). Made
   from the gazetteer; lede_rules_currency_ok checks that it holds exactly
   the first words of its currency keys (test_rules prints what differs). */
static const char *const currency_heads[] = {
    "$", "a", "aed", "afghani", "afghanis", "afn", "algerian", "amd", "ang", "aoa", "argentine",
    "armenian", "ars", "aruban", "au", "aud", "australian", "awg", "azerbaijan", "azn",
    "bahamian", "bahraini", "baht", "balboa", "barbados", "bbd", "bdt", "belarusian", "belize",
    "bermudian", "bgn", "bhd", "bif", "birr", "bmd", "bnd", "bolivar", "bolivares", "bolivars",
    "boliviano", "bol\xC3\xADvar", "bol\xC3\xADvares", "brazilian", "brl", "brunei", "bsd",
    "btn", "bulgarian", "burundi", "bwp", "byn", "bzd", "c", "ca", "cabo", "canadian", "cayman",
    "cdf", "cedi", "cedis", "cfa", "cfp", "chf", "chilean", "clp", "cny", "colombian",
    "comorian", "congolese", "convertible", "cordoba", "costa", "crc", "crowns", "cuban", "cuc",
    "cve", "czech", "czk", "dalasi", "danish", "denar", "dinar", "dinars", "dirham", "dirhams",
    "djf", "djibouti", "dkk", "dobra", "dollar", "dollars", "dominican", "dong", "dop", "dram",
    "drams", "dzd", "east", "egp", "egyptian", "el", "ern", "etb", "ethiopian", "eur", "euro",
    "euros", "falkland", "fiji", "fjd", "fkp", "forint", "forints", "franc", "francs", "gbp",
    "ghana", "ghs", "gibraltar", "gip", "gmd", "gnf", "gourde", "greenback", "greenbacks",
    "gtq", "guarani", "guinean", "guyana", "gyd", "hk", "hkd", "hnl", "hong", "hrk", "hryvnia",
    "hryvnias", "htg", "huf", "iceland", "idr", "ils", "indian", "inr", "iqd", "iranian",
    "iraqi", "irr", "isk", "jamaican", "jmd", "jod", "jordanian", "jpy", "kc", "kenyan", "kes",
    "kgs", "khr", "kina", "kmf", "koruna", "korunas", "kpw", "krona", "krone", "kroner",
    "kronor", "krw", "kuna", "kuwaiti", "kwacha", "kwanza", "kwd", "kyat", "kyats", "kyd",
    "kzt", "k\xC4\x8D", "lak", "lao", "lari", "lbp", "lebanese", "lei", "lek", "lempira",
    "leone", "leu", "lev", "leva", "liberian", "libyan", "lilangeni", "lira", "liras", "lire",
    "lkr", "loti", "lrd", "lsl", "lyd", "malagasy", "malawi", "malaysian", "manat", "manats",
    "mauritius", "mdl", "mex", "mexican", "mga", "mkd", "mmk", "mnt", "moldovan", "moroccan",
    "mozambique", "mru", "mur", "mvr", "mwk", "mx", "mxn", "myr", "mzn", "nad", "naira",
    "nakfa", "namibia", "nepalese", "netherlands", "new", "ngn", "ngultrum", "nio", "nok",
    "north", "norwegian", "npr", "nt", "nz", "nzd", "omr", "ouguiya", "pa'anga", "pab",
    "pakistan", "pataca", "pa\xE2\x80\x99" "anga", "peso", "pesos", "pgk", "philippine", "php",
    "pkr", "pln", "pound", "pounds", "pula", "pyg", "qar", "qatari", "quetzal", "quid", "r",
    "rand", "reais", "real", "reals", "renminbi", "rial", "rials", "riel", "ringgit", "riyal",
    "riyals", "rm", "rmb", "romanian", "rouble", "roubles", "rp", "rs", "rs.", "rsd", "ruble",
    "rubles", "rufiyaa", "rupee", "rupees", "rupiah", "russian", "rwanda", "rwf", "s", "saint",
    "sar", "saudi", "sbd", "scr", "sdg", "sdr", "sek", "serbian", "seychelles", "sgd", "shekel",
    "shekels", "sheqel", "sheqels", "shilling", "shillings", "shp", "singapore", "sle", "sll",
    "sol", "solomon", "som", "somali", "somoni", "soms", "south", "srd", "sri", "ssp",
    "sterling", "stn", "sudanese", "surinam", "svc", "swedish", "swiss", "syp", "syrian", "szl",
    "taka", "tala", "tanzanian", "tenge", "thb", "tjs", "tmt", "tnd", "trinidad", "ttd",
    "tugrik", "tunisian", "turkish", "turkmenistan", "twd", "tzs", "u.s.", "uae", "uah",
    "uganda", "ugx", "us", "usd", "uyu", "uzbekistan", "uzs", "vatu", "ved", "ves", "vnd",
    "vuv", "won", "wst", "xaf", "xcd", "xdr", "xof", "xpf", "yemeni", "yen", "yer", "yuan",
    "zambian", "zar", "zimbabwe", "zloty", "zlotych", "zlotys", "zmw", "zwl", "z\xC5\x82",
    "\xC2\xA3", "\xC2\xA5", "\xE0\xB8\xBF", "\xE2\x82\xA1", "\xE2\x82\xA6", "\xE2\x82\xA9",
    "\xE2\x82\xAA", "\xE2\x82\xAB", "\xE2\x82\xAC", "\xE2\x82\xB1", "\xE2\x82\xB2",
    "\xE2\x82\xB4", "\xE2\x82\xB8", "\xE2\x82\xB9", "\xE2\x82\xBA", "\xE2\x82\xBD",
};

#define CURRENCY_HEADS (sizeof currency_heads / sizeof currency_heads[0])

/* The index of key[0..n)'s first word (up to its first space) in
   currency_heads, or -1. */
static long currency_head_find(const char *key, size_t n) {
    const char *sp = memchr(key, ' ', n);
    size_t h = sp ? (size_t)(sp - key) : n;
    size_t lo = 0, hi = CURRENCY_HEADS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *w = currency_heads[mid];
        /* compare key[0..h) with the NUL-terminated w, in byte order */
        size_t k = 0;
        while (k < h && w[k] && key[k] == w[k])
            k++;
        int c = k < h ? (w[k] ? (unsigned char)key[k] - (unsigned char)w[k] : 1)
                      : (w[k] ? -1 : 0);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

/* 1 when some currency key may start at token i (i < sc->nt): its key's
   first word is one of currency_heads. Every key of tokens [i, i + k)
   starts with the key of token i, so when this is 0 none of them is a
   currency; it normalises token i as gaz_at would. */
static int currency_may_start(scan *sc, size_t i) {
    char key[KEY_MAX];
    size_t len = key_of(sc, i, 1, key);
    return len && currency_head_find(key, len) >= 0;
}

int lede_rules_currency_ok(void (*report)(const char *what, const char *key)) {
    int ok = 1;
    for (size_t k = 1; k < CURRENCY_HEADS; k++)
        if (strcmp(currency_heads[k - 1], currency_heads[k]) >= 0) {
            ok = 0;
            if (report)
                report("not sorted at", currency_heads[k]);
        }
    unsigned char used[CURRENCY_HEADS];
    memset(used, 0, sizeof used);
    size_t n = lede_gaz_count();
    for (size_t r = 0; r < n; r++) {
        lede_gaz_entry e;
        const char *key = lede_gaz_at(r, &e);
        if (!key || !(e.types & LEDE_GAZ_CURRENCY))
            continue;
        long at = currency_head_find(key, strlen(key));
        if (at < 0) {
            ok = 0;
            if (report)
                report("currency key whose first word is missing from currency_heads", key);
        } else {
            used[at] = 1;
        }
    }
    for (size_t k = 0; k < CURRENCY_HEADS; k++)
        if (!used[k]) {
            ok = 0;
            if (report)
                report("currency_heads word that starts no currency key", currency_heads[k]);
        }
    return ok;
}

/* A currency before an amount: "$", "US$", "€", "Rs", "USD". Returns the
   token after it and its ISO code in code, or 0. */
static size_t currency_prefix(scan *sc, size_t i, char code[4]) {
    if (i >= sc->nt || !(TF(sc, i) & (T_SYM | T_CAP | T_PUNCT)) || !currency_may_start(sc, i))
        return 0;
    for (size_t k = 3; k >= 1; k--) {
        lede_gaz_entry e;
        if (i + k > sc->nt || !gaz_at(sc, i, k, &e) || !(e.types & LEDE_GAZ_CURRENCY) ||
            !e.currency[0])
            continue;
        int symbolic = 0;
        for (size_t j = i; j < i + k; j++)
            if (TF(sc, j) & (T_SYM | T_PUNCT))
                symbolic = 1;
        if (!symbolic) {
            size_t n;
            tok(sc, i, &n);
            if (k != 1 || !(TF(sc, i) & T_CAP) || n < 2 || n > 3 ||
                (n == 3 && !(TF(sc, i) & T_UPPER)))
                continue;
        }
        memcpy(code, e.currency, 4);
        return i + k;
    }
    return 0;
}

/* A currency named after an amount: "euros", "US dollars", "USD", "yen". */
static size_t currency_name(scan *sc, size_t i, char code[4]) {
    if (i >= sc->nt || !currency_may_start(sc, i))
        return 0;
    for (size_t k = 3; k >= 1; k--) {
        lede_gaz_entry e;
        if (i + k > sc->nt || !gaz_at(sc, i, k, &e) || !(e.types & LEDE_GAZ_CURRENCY) ||
            !e.currency[0])
            continue;
        size_t n;
        const char *w = tok(sc, i, &n);
        if (k == 1 && (TF(sc, i) & T_SYM))
            continue; /* a symbol after the amount belongs to what follows */
        if (k == 1 && n == 3 && !(TF(sc, i) & T_UPPER) &&
            lede_ascii_lower(e.currency[0]) == lede_ascii_lower((unsigned char)w[0]) &&
            lede_ascii_lower(e.currency[1]) == lede_ascii_lower((unsigned char)w[1]) &&
            lede_ascii_lower(e.currency[2]) == lede_ascii_lower((unsigned char)w[2]))
            continue; /* a code is written in capitals */
        if (k == 1 && (is_word(sc, i, "pound") || is_word(sc, i, "pounds")) &&
            is_word(sc, i + 1, "of"))
            continue; /* "five pounds of rice" */
        memcpy(code, e.currency, 4);
        return i + k;
    }
    return 0;
}

/* As currency_name, and also a country or nationality before a currency word
   ("Taiwan dollars", "Japanese yen"): the ISO 4217 code is then the country's
   alpha-2 code and the word's initial when the gazetteer knows such a code
   (ISO 4217 builds most codes that way), else the word's own currency. */
static size_t currency_suffix(scan *sc, size_t i, char code[4], int *weak) {
    size_t e = currency_name(sc, i, code);
    *weak = e == i + 1 && weak_currency_word(sc, i);
    if (e)
        return e;
    lede_gaz_entry c;
    if (!(TF(sc, i) & T_CAP) || !gaz_at(sc, i, 1, &c) ||
        !(c.types & (LEDE_GAZ_COUNTRY | LEDE_GAZ_DEMONYM)) || !c.country[0])
        return 0;
    e = currency_name(sc, i + 1, code);
    if (!e)
        return 0;
    *weak = 0;
    /* The country's own code: its alpha-2 code and the word's initial if
       that is a currency ("TWD"), else the only currency code that starts
       with its alpha-2 code ("DKK" for "Danish crowns"). */
    size_t n;
    const char *w = tok(sc, i + 1, &n);
    char key[4] = {(char)lede_ascii_lower(c.country[0]), (char)lede_ascii_lower(c.country[1]),
                   (char)lede_ascii_lower((unsigned char)w[0]), '\0'};
    char found[4] = "";
    int hits = 0;
    lede_gaz_entry d;
    if (lede_gaz_lookup(key, 3, &d) && (d.types & LEDE_GAZ_CURRENCY) &&
        d.currency[0] == c.country[0] && d.currency[1] == c.country[1]) {
        memcpy(code, d.currency, 4);
        return e;
    }
    for (char l = 'a'; l <= 'z'; l++) {
        key[2] = l;
        if (lede_gaz_lookup(key, 3, &d) && (d.types & LEDE_GAZ_CURRENCY) &&
            d.currency[0] == c.country[0] && d.currency[1] == c.country[1]) {
            memcpy(found, d.currency, 4);
            hits++;
        }
    }
    if (hits == 1)
        memcpy(code, found, 4);
    return e;
}

static size_t m_money(scan *sc, size_t i, lede_rules_match *m) {
    size_t j = approx_end(sc, i), k;
    char code[4];
    lede_num_phrase_out o;
    if ((k = currency_prefix(sc, j, code)) != 0) {
        if (!num_at(sc, k, LEDE_NUM_MONEY | LEDE_NUM_NO_WORDS, &o))
            return 0;
        set_num(m, &o.value);
        set_unit(m, code);
        return o.end;
    }
    if (!num_at(sc, j, LEDE_NUM_MONEY | LEDE_NUM_ALLOW_VAGUE, &o))
        return 0;
    k = o.end;
    if (o.vague) {
        if (!is_word(sc, k, "of"))
            return 0;
        k++;
    }
    int weak;
    size_t e = currency_suffix(sc, k, code, &weak);
    if (!e)
        return 0;
    int64_t v;
    if (weak && !o.scaled && !(lede_num_int(&o.value, 100, INT64_MAX, &v)))
        return 0;
    set_num(m, &o.value);
    set_unit(m, code);
    return e;
}

/* ---- PERCENT ------------------------------------------------------------------------- */

/* The end of a percent word at k: "%", "percent", "per cent", "percentage
   points" (*pp = 1), "basis points" (*pp = 2). 0 when none. */
static size_t percent_word(const scan *sc, size_t k, int *pp) {
    *pp = 0;
    if (is_text(sc, k, "%") || is_text(sc, k, "\xEF\xBC\x85") || K(sc, k, K_PCT))
        return k + 1;
    if (K(sc, k, K_PER) && K(sc, k + 1, K_CENT))
        return k + 2;
    if (K(sc, k, K_PCTPT) && (is_word(sc, k + 1, "point") || is_word(sc, k + 1, "points"))) {
        *pp = 1;
        return k + 2;
    }
    if (K(sc, k, K_BASIS) && (is_word(sc, k + 1, "point") || is_word(sc, k + 1, "points"))) {
        *pp = 2;
        return k + 2;
    }
    if (K(sc, k, K_BPS)) {
        *pp = 2;
        return k + 1;
    }
    return 0;
}

/* A number token that is a range ("5-6", "3.5-4"): no single value. */
static int number_range(const scan *sc, size_t i) {
    size_t n;
    if (!(TF(sc, i) & T_NUM) || (TF(sc, i) & (T_INT | T_ORD | T_DECADE)))
        return 0;
    const char *w = tok(sc, i, &n);
    const char *h = memchr(w, '-', n);
    lede_num a, b;
    return h && lede_num_parse(&a, w, (size_t)(h - w)) &&
           lede_num_parse(&b, h + 1, n - (size_t)(h - w) - 1);
}

static size_t m_percent(scan *sc, size_t i, lede_rules_match *m) {
    int neg, pp = 0;
    size_t j = sign_end(sc, approx_end(sc, i), &neg), k, e;
    lede_num_phrase_out o;
    lede_num x;
    const kw *k2;
    if ((TF(sc, j) & T_HYPH) && compound(sc, j, K_PCT, &x, &k2) && !k2) {
        e = j + 1; /* "5-percent" */
    } else if (num_at(sc, j, 0, &o)) {
        x = o.value;
        if (!(e = percent_word(sc, o.end, &pp)))
            return 0;
    } else if (number_range(sc, j)) {
        k = j + 1;
        if (!(e = percent_word(sc, k, &pp)))
            return 0;
        set_unit(m, pp ? "pp" : "%");
        return e;
    } else {
        return 0;
    }
    if (pp == 2)
        lede_num_shift(&x, -2);
    x.neg = (uint8_t)(neg && x.nd);
    set_num(m, &x);
    set_unit(m, pp ? "pp" : "%");
    return e;
}

/* ---- QUANTITY ----------------------------------------------------------------------- */

/* A unit of measurement at k; its U_* in *u; returns the token after it. */
static size_t unit_at(const scan *sc, size_t k, int *u) {
    const kw *pre = K(sc, k, K_UNITPRE), *e;
    if (pre) {
        e = K(sc, k + 1, K_UNIT);
        if (!e)
            return 0;
        switch (pre->v) {
        case 1: /* square, sq */
            *u = e->unit == U_KM   ? U_KM2
                 : e->unit == U_M  ? U_M2
                 : e->unit == U_MI ? U_MI2
                 : e->unit == U_FT ? U_FT2
                                   : U_NONE;
            break;
        case 2: /* cubic */
            *u = e->unit == U_M ? U_M3 : e->unit == U_FT ? U_FT3 : U_NONE;
            break;
        case 3: /* nautical */
            *u = e->unit == U_MI ? U_NMI : U_NONE;
            break;
        default: /* metric */
            *u = e->unit == U_TON || e->unit == U_T ? U_T : U_NONE;
            break;
        }
        return *u == U_NONE ? 0 : k + 2;
    }
    e = K(sc, k, K_UNIT);
    if (!e)
        return 0;
    *u = e->unit;
    size_t end = k + 1;
    switch (e->unit) {
    case U_DEG:
        if (TF(sc, k) & T_SYM) { /* 20 °C */
            if (attached(sc, k + 1) && (is_text(sc, k + 1, "C") || is_text(sc, k + 1, "F"))) {
                *u = is_text(sc, k + 1, "C") ? U_DEGC : U_DEGF;
                end++;
            }
        } else if (is_word(sc, k + 1, "celsius") || is_word(sc, k + 1, "centigrade") ||
                   is_text(sc, k + 1, "C")) {
            *u = U_DEGC;
            end++;
        } else if (is_word(sc, k + 1, "fahrenheit") || is_text(sc, k + 1, "F")) {
            *u = U_DEGF;
            end++;
        }
        break;
    case U_KM:
    case U_MI:
        if (is_text(sc, k + 1, "/") && attached(sc, k + 1) && is_word(sc, k + 2, "h") &&
            attached(sc, k + 2)) {
            *u = e->unit == U_KM ? U_KMH : U_MPH;
            end += 2;
        } else if ((is_word(sc, k + 1, "per") || is_word(sc, k + 1, "an")) &&
                   is_word(sc, k + 2, "hour")) {
            *u = e->unit == U_KM ? U_KMH : U_MPH;
            end += 2;
        }
        break;
    case U_BBL:
        if ((is_word(sc, k + 1, "per") || is_word(sc, k + 1, "a")) && is_word(sc, k + 2, "day")) {
            *u = U_BPD;
            end += 2;
        }
        break;
    default:
        break;
    }
    return end;
}

/* Words that cannot head a counted noun phrase: "thousands of them". */
static int head_noun(const scan *sc, size_t i) {
    static const char *const not_nouns[] = {
        "the",   "a",     "an",   "these", "those", "this", "that", "their", "his",
        "her",   "its",   "our",  "your",  "my",    "them", "us",   "which", "whom",
        "whose", "other", "such", "and",   "or",    "to",   "in",   "who",   "what"};
    if (!(TF(sc, i) & T_LOWER) || (TF(sc, i) & T_HYPH) || K(sc, i, K_TUNIT | K_NUMW | K_UNIT))
        return 0;
    for (size_t k = 0; k < sizeof not_nouns / sizeof *not_nouns; k++)
        if (is_word(sc, i, not_nouns[k]))
            return 0;
    return 1;
}

static size_t m_quantity(scan *sc, size_t i, lede_rules_match *m) {
    int neg, u = U_NONE;
    size_t j = sign_end(sc, approx_end(sc, i), &neg), e;
    lede_num_phrase_out o;
    const kw *k, *k2;
    lede_num x;
    if ((TF(sc, j) & T_HYPH) && (k = compound(sc, j, K_UNIT, &x, &k2)) != NULL && !k2) {
        x.neg = (uint8_t)(neg && x.nd); /* "300-km" */
        set_num(m, &x);
        set_unit(m, unit_names[k->unit]);
        return j + 1;
    }
    if (!num_at(sc, j, LEDE_NUM_ALLOW_VAGUE, &o))
        return 0;
    x = o.value;
    x.neg = (uint8_t)(neg && x.nd);
    e = o.end;
    size_t ue = unit_at(sc, e, &u);
    if (!ue && o.vague && is_word(sc, e, "of"))
        ue = unit_at(sc, e + 1, &u); /* "thousands of kilometres" */
    if (ue) {
        set_num(m, &x);
        set_unit(m, unit_names[u]);
        return ue;
    }
    if (!o.vague || neg)
        return 0;
    /* a count: "thousands of troops", "dozens", "several hundred people" */
    size_t n;
    const char *w = tok(sc, e - 1, &n);
    if (is_word(sc, e, "of") && head_noun(sc, e + 1))
        e += 2;
    else if (n && lede_ascii_lower((unsigned char)w[n - 1]) != 's' && head_noun(sc, e))
        e += 1;
    set_num(m, &x);
    return e;
}

/* ---- TIME ------------------------------------------------------------------------------ */

/* Reads "10:30", "10:30:15" (sep ':') or "10.30" (sep '.') at token i. */
static int clock_at(const scan *sc, size_t i, char sep, int *h, int *mi) {
    size_t n;
    const char *w = tok(sc, i, &n);
    if (!(TF(sc, i) & T_NUM) || n < 4 || n > 8)
        return 0;
    size_t c = 0;
    while (c < n && is_digit((unsigned char)w[c]))
        c++;
    if (c < 1 || c > 2 || c + 3 > n || w[c] != sep || !is_digit((unsigned char)w[c + 1]) ||
        !is_digit((unsigned char)w[c + 2]))
        return 0;
    int hh = w[0] - '0';
    if (c == 2)
        hh = hh * 10 + (w[1] - '0');
    int mm = (w[c + 1] - '0') * 10 + (w[c + 2] - '0');
    if (c + 3 != n) {
        if (sep != ':' || c + 6 != n || w[c + 3] != ':' || !is_digit((unsigned char)w[c + 4]) ||
            !is_digit((unsigned char)w[c + 5]) || w[c + 4] > '5')
            return 0;
    }
    if (hh > 24 || mm > 59 || (hh == 24 && mm))
        return 0;
    *h = hh;
    *mi = mm;
    return 1;
}

static void set_clock(lede_rules_match *m, int h, int mi) {
    char v[6] = {(char)('0' + h / 10),  (char)('0' + h % 10),  ':',
                 (char)('0' + mi / 10), (char)('0' + mi % 10), '\0'};
    set_value(m, v);
}

/* A time zone after a time: "GMT", "local time"; the unit takes the zone. */
static size_t time_zone(const scan *sc, size_t e, lede_rules_match *m) {
    if (K(sc, e, K_TZ)) {
        char z[LEDE_RULES_UNIT_MAX];
        size_t n;
        const char *w = tok(sc, e, &n);
        if (n < sizeof z) {
            for (size_t q = 0; q < n; q++)
                z[q] = (char)(w[q] >= 'a' && w[q] <= 'z' ? w[q] - 32 : w[q]);
            z[n] = '\0';
            set_unit(m, z);
        }
        return e + 1;
    }
    if (is_word(sc, e, "local") && is_word(sc, e + 1, "time"))
        return e + 2;
    return e;
}

static size_t m_clock(scan *sc, size_t i, lede_rules_match *m) {
    int h, mi;
    size_t e;
    const kw *ap;
    if (!(TF(sc, i) & T_NUM)) {
        if (K(sc, i, K_NOON)) {
            set_clock(m, K(sc, i, K_NOON)->v, 0);
            return i + 1;
        }
        return 0;
    }
    if (clock_at(sc, i, ':', &h, &mi)) {
        e = i + 1;
        if ((ap = K(sc, e, K_AMPM)) != NULL) {
            e++;
            if (h < 1 || h > 12)
                return time_zone(sc, e, m); /* "13:00 p.m.": no value */
            h = h % 12 + ap->v;
        }
        set_clock(m, h, mi);
        return time_zone(sc, e, m);
    }
    if ((ap = K(sc, i + 1, K_AMPM)) != NULL) {
        if (clock_at(sc, i, '.', &h, &mi) ||
            ((TF(sc, i) & T_INT) && sc->ti[i].ndig <= 2 && (h = sc->ti[i].ival, mi = 0, 1))) {
            if (h < 1 || h > 12)
                return 0;
            set_clock(m, h % 12 + ap->v, mi);
            return time_zone(sc, i + 2, m);
        }
        return 0;
    }
    if ((TF(sc, i) & T_INT) && sc->ti[i].ival == 12 && sc->ti[i].ndig == 2 &&
        K(sc, i + 1, K_NOON)) {
        set_clock(m, K(sc, i + 1, K_NOON)->v, 0); /* "12 noon" */
        return i + 2;
    }
    if ((TF(sc, i) & T_INT) && sc->ti[i].ndig <= 2 && sc->ti[i].ival >= 1 && sc->ti[i].ival <= 12 &&
        (is_word(sc, i + 1, "o'clock") || is_word(sc, i + 1,
                                                  "o\xE2\x80\x99"
                                                  "clock")))
        return i + 2; /* "3 o'clock": morning or afternoon is not said */
    if ((TF(sc, i) & T_INT) && sc->ti[i].ndig == 4) { /* "0130 GMT" */
        h = sc->ti[i].ival / 100;
        mi = sc->ti[i].ival % 100;
        if (h > 23 || mi > 59)
            return 0;
        e = time_zone(sc, i + 1, m);
        if (e == i + 1)
            return 0;
        set_clock(m, h, mi);
        return e;
    }
    return 0;
}

static size_t m_partday(scan *sc, size_t i, lede_rules_match *m) {
    const kw *p = K(sc, i, K_PARTDAY), *r;
    (void)m;
    if (p && p->v == 1)
        return i + 1; /* tonight */
    if (p && !(p->flags & F_PLURAL) &&
        (Kprev(sc, i, K_WDAY | K_DAYREL) ||
         (is_word(sc, i, "night") && i && is_word(sc, i - 1, "at"))))
        return i + 1; /* "Monday [morning]": the day is its own DATE */
    if (p)
        return 0;
    if (((r = K(sc, i, K_REL)) != NULL && (r->v == R_THIS || r->v == R_LAST)) ||
        is_word(sc, i, "that") || K(sc, i, K_MOD)) {
        p = K(sc, i + 1, K_PARTDAY);
        if (p && !(p->flags & F_PLURAL) && p->v != 1)
            return i + 2; /* "this morning", "last night", "late night" */
        if (K(sc, i, K_MOD) && is_word(sc, i + 1, "at") && is_word(sc, i + 2, "night"))
            return i + 3; /* "late at night" */
        return 0;
    }
    if (is_word(sc, i, "the") && (p = K(sc, i + 1, K_PARTDAY)) != NULL && p->v != 1 && i &&
        (is_word(sc, i - 1, "in") || is_word(sc, i - 1, "during") || is_word(sc, i - 1, "on") ||
         is_word(sc, i - 1, "by") || is_word(sc, i - 1, "through")))
        return i + 2; /* "in the morning" */
    return 0;
}

/* ---- durations (DATE, or TIME for hours, minutes, seconds) ---------------------------- */

typedef struct {
    int tu;       /* TU_* */
    lede_num num; /* how many; valid when has_num */
    int has_num;
    int vague; /* "a few", "several", "decades" */
} duration;

static int tu_is_time(int tu) { return tu == TU_HOUR || tu == TU_MINUTE || tu == TU_SECOND; }

static void set_duration(lede_rules_match *m, const duration *d) {
    if (!d->has_num || d->vague || d->num.neg || d->tu == TU_WEEKEND)
        return;
    /* ISO 8601 designator of each TU_*, whether it is a time part, and the
       factor to the designator's unit: times (x2, x3) or a power of ten */
    static const struct {
        char des, time, mul, shift;
    } iso[] = {
        [TU_DAY] = {'D', 0, 1, 0},    [TU_WEEK] = {'W', 0, 1, 0},   [TU_FORTNIGHT] = {'W', 0, 2, 0},
        [TU_MONTH] = {'M', 0, 1, 0},  [TU_QUARTER] = {'M', 0, 3, 0}, [TU_YEAR] = {'Y', 0, 1, 0},
        [TU_DECADE] = {'Y', 0, 1, 1}, [TU_CENTURY] = {'Y', 0, 1, 2}, [TU_HOUR] = {'H', 1, 1, 0},
        [TU_MINUTE] = {'M', 1, 1, 0}, [TU_SECOND] = {'S', 1, 1, 0},
    };
    if (d->tu <= 0 || (size_t)d->tu >= sizeof iso / sizeof *iso || !iso[d->tu].des)
        return;
    lede_num x = d->num;
    char des = iso[d->tu].des;
    int t = iso[d->tu].time;
    if (iso[d->tu].mul > 1)
        lede_num_mul(&x, iso[d->tu].mul);
    if (iso[d->tu].shift)
        lede_num_shift(&x, iso[d->tu].shift);
    char v[LEDE_RULES_VALUE_MAX];
    size_t p = 0;
    v[p++] = 'P';
    if (t)
        v[p++] = 'T';
    size_t len = lede_num_format(&x, v + p, sizeof v - p - 1);
    if (!len || x.nd == 0)
        return;
    p += len;
    v[p++] = des;
    v[p] = '\0';
    set_value(m, v);
}

/* The core of a duration at j: "seven decades", "a year", "a few hours",
   "several months"; 0 when there is none. */
static size_t duration_core(const scan *sc, size_t j, duration *d) {
    const kw *u;
    lede_num_phrase_out o;
    memset(d, 0, sizeof *d);
    if ((is_word(sc, j, "a") || is_word(sc, j, "an")) && (u = K(sc, j + 1, K_TUNIT)) != NULL &&
        !(u->flags & F_PLURAL)) {
        if (u->tunit == TU_SECOND || u->tunit == TU_QUARTER || u->tunit == TU_WEEKEND)
            return 0;
        d->tu = u->tunit;
        d->has_num = 1;
        lede_num_set_u64(&d->num, 1);
        return j + 2;
    }
    size_t k = j;
    if (K(sc, j, K_FEW)) { /* few, several, many, couple (of) */
        k = j + 1;
        if (is_word(sc, j, "couple") && is_word(sc, k, "of"))
            k++;
        if ((u = K(sc, k, K_TUNIT)) == NULL || !(u->flags & F_PLURAL))
            return 0;
        d->tu = u->tunit;
        d->vague = 1;
        return k + 1;
    }
    if (is_word(sc, j, "a") && (K(sc, j + 1, K_FEW))) {
        size_t e = duration_core(sc, j + 1, d);
        return e && d->vague ? e : 0; /* "a few days", "a couple of weeks" */
    }
    if (!num_at(sc, j, LEDE_NUM_NO_A, &o) || o.vague)
        return 0;
    u = K(sc, o.end, K_TUNIT);
    if (!u)
        return 0;
    int64_t one;
    int is_one = lede_num_int(&o.value, 1, 1, &one);
    if ((u->flags & F_PLURAL) ? is_one && o.words : !is_one)
        return 0; /* "one years", "three year" */
    if (u->tunit == TU_SECOND && !(u->flags & F_PLURAL) && !(TF(sc, j) & T_NUM))
        return 0; /* "one second" is the ordinal more often than not */
    d->tu = u->tunit;
    d->num = o.value;
    d->has_num = 1;
    return o.end + 1;
}

/* Resolves "N units ago" against the anchor. */
static void set_ago(const scan *sc, lede_rules_match *m, const duration *d) {
    int64_t k;
    if (!sc->anchor || !d->has_num || d->vague || tu_is_time(d->tu) ||
        !lede_num_int(&d->num, 0, 100000, &k))
        return;
    lede_date a = *sc->anchor;
    switch (d->tu) {
    case TU_DAY:
    case TU_WEEK:
    case TU_FORTNIGHT:
        lede_date_format_ymd(lede_date_add_days(a, -(long)k * (d->tu == TU_DAY    ? 1
                                                               : d->tu == TU_WEEK ? 7
                                                                                  : 14)),
                             m->value, sizeof m->value);
        break;
    case TU_MONTH:
    case TU_QUARTER: {
        long months = (long)a.year * 12 + (a.month - 1) - (long)k * (d->tu == TU_MONTH ? 1 : 3);
        lede_date_format_ym((int)(months / 12), (int)(months % 12) + 1, m->value, sizeof m->value);
        break;
    }
    case TU_YEAR:
    case TU_DECADE:
    case TU_CENTURY:
        lede_date_format_y(a.year - (int)k * (d->tu == TU_YEAR     ? 1
                                              : d->tu == TU_DECADE ? 10
                                                                   : 100),
                           m->value, sizeof m->value);
        break;
    default:
        break;
    }
}

/* Duration compounds in one token: "five-day", "10-year-old", "decades-long". */
static size_t duration_compound(const scan *sc, size_t i, lede_rules_match *m) {
    lede_num x;
    const kw *k2, *u = compound(sc, i, K_TUNIT, &x, &k2);
    duration d;
    memset(&d, 0, sizeof d);
    if (u) {
        if (k2 && !(k2->kinds & (K_OLD | K_LONG)))
            return 0;
        d.tu = u->tunit;
        d.num = x;
        d.has_num = 1;
    } else {
        /* "week-long", "decades-long", "century-old" */
        size_t n;
        const char *w = tok(sc, i, &n);
        const char *h = memchr(w, '-', n);
        if (!(TF(sc, i) & T_HYPH) || !h)
            return 0;
        const kw *a = kw_find(w, (size_t)(h - w)), *b = kw_find(h + 1, n - (size_t)(h - w) - 1);
        if (!a || !(a->kinds & K_TUNIT) || !b || !(b->kinds & (K_LONG | K_OLD)))
            return 0;
        d.tu = a->tunit;
        d.vague = (a->flags & F_PLURAL) != 0;
        d.has_num = 1;
        lede_num_set_u64(&d.num, 1);
    }
    m->label = tu_is_time(d.tu) ? LEDE_ENT_TIME : LEDE_ENT_DATE;
    set_duration(m, &d);
    return i + 1;
}

static size_t m_duration(scan *sc, size_t i, lede_rules_match *m) {
    duration d;
    size_t j = approx_end(sc, i), e;
    if (j == i && (TF(sc, i) & T_HYPH))
        return duration_compound(sc, i, m);
    e = duration_core(sc, j, &d);
    if (!e && j > i)
        e = duration_core(sc, j = i, &d);
    if (!e) {
        /* a bare plural unit: "for decades", "hours after", "weeks before" */
        const kw *u = K(sc, i, K_TUNIT);
        if (!u || !(u->flags & F_PLURAL) || u->tunit == TU_WEEKEND || u->tunit == TU_QUARTER)
            return 0;
        if (!(is_word(sc, i - (i > 0), "for") && i) && !(i && is_word(sc, i - 1, "within")) &&
            !(i && is_word(sc, i - 1, "in") && u->tunit >= TU_MONTH) &&
            !K(sc, i + 1, K_AGO | K_AFTER))
            return 0;
        if (i && (TF(sc, i - 1) & T_NUM))
            return 0;
        memset(&d, 0, sizeof d);
        d.tu = u->tunit;
        d.vague = 1;
        e = i + 1;
    }
    m->label = tu_is_time(d.tu) ? LEDE_ENT_TIME : LEDE_ENT_DATE;
    if (K(sc, e, K_AGO)) {
        if (m->label == LEDE_ENT_DATE)
            set_ago(sc, m, &d);
        return e + 1;
    }
    if (is_word(sc, e, "later") || is_word(sc, e, "earlier"))
        return e + 1; /* "two days later": relative to the story, not the anchor */
    set_duration(m, &d);
    if (K(sc, e, K_OLD))
        e++; /* "10 years old" */
    return e;
}

/* ---- DATE ---------------------------------------------------------------------------- */

static int year_ok(int y) { return y >= 1000 && y <= 2999; }

/* A four-digit year token at i. */
static int year_at(const scan *sc, size_t i, int *y) {
    if (!(TF(sc, i) & T_INT) || sc->ti[i].ndig != 4 || !year_ok(sc->ti[i].ival))
        return 0;
    *y = sc->ti[i].ival;
    return 1;
}

/* A day of the month at i: "3", "03", "3rd". */
static int day_at(const scan *sc, size_t i, int *d) {
    uint16_t f = TF(sc, i);
    if (!((f & T_INT) && sc->ti[i].ndig <= 2) && !(f & T_ORD))
        return 0;
    if (sc->ti[i].ival < 1 || sc->ti[i].ival > 31)
        return 0;
    *d = sc->ti[i].ival;
    return 1;
}

/* Value of a date with year y (0: not given), month m, day d (0: not given). */
static void set_date(const scan *sc, lede_rules_match *m, int y, int mo, int d) {
    char v[16];
    if (d) {
        if (y) {
            if (lede_date_valid(y, mo, d)) {
                lede_date dt = {y, mo, d};
                lede_date_format_ymd(dt, m->value, sizeof m->value);
            }
            return;
        }
        if (d > lede_date_days_in_month(2024, mo))
            return; /* no year has a 31 April */
        if (sc->anchor) {
            y = lede_date_nearest_year(*sc->anchor, mo, d);
            if (lede_date_valid(y, mo, d)) {
                lede_date dt = {y, mo, d};
                lede_date_format_ymd(dt, m->value, sizeof m->value);
            }
            return;
        }
        v[0] = '-';
        v[1] = '-';
        v[2] = (char)('0' + mo / 10);
        v[3] = (char)('0' + mo % 10);
        v[4] = '-';
        v[5] = (char)('0' + d / 10);
        v[6] = (char)('0' + d % 10);
        v[7] = '\0';
        set_value(m, v);
        return;
    }
    if (y) {
        lede_date_format_ym(y, mo, m->value, sizeof m->value);
        return;
    }
    if (sc->anchor) {
        lede_date_format_ym(lede_date_nearest_month_year(*sc->anchor, mo), mo, m->value,
                            sizeof m->value);
        return;
    }
    v[0] = '-';
    v[1] = '-';
    v[2] = (char)('0' + mo / 10);
    v[3] = (char)('0' + mo % 10);
    v[4] = '\0';
    set_value(m, v);
}

static void set_years(lede_rules_match *m, int a, int b) {
    char x[8], y[8], v[20];
    if (!lede_date_format_y(a, x, sizeof x) || !lede_date_format_y(b, y, sizeof y))
        return;
    memcpy(v, x, 4);
    v[4] = '/';
    memcpy(v + 5, y, 5);
    set_value(m, v);
}

static void set_days(lede_rules_match *m, lede_date a, lede_date b) {
    char x[16], y[16], v[24];
    if (!lede_date_format_ymd(a, x, sizeof x) || !lede_date_format_ymd(b, y, sizeof y))
        return;
    memcpy(v, x, 10);
    v[10] = '/';
    memcpy(v + 11, y, 11);
    set_value(m, v);
}

/* Skips the period of an abbreviated month written apart ("Sept" "."). */
static size_t after_abbrev(const scan *sc, size_t e, const kw *k) {
    if ((k->flags & F_ABBR) && is_text(sc, e, ".") && attached(sc, e)) {
        size_t n;
        const char *w = tok(sc, e - 1, &n);
        if (w[n - 1] != '.')
            return e + 1;
    }
    return e;
}

/* 1 when the token before i lets a bare month, season or early year stand. */
static int date_cue(const scan *sc, size_t i) {
    return i && (Kprev(sc, i, K_CUE | K_REL | K_MOD) != NULL);
}

/* "December 3", "Dec. 3, 2024", "December 2024", "December of 2024", "in December". */
static size_t d_month(scan *sc, size_t i, lede_rules_match *m) {
    const kw *k = K(sc, i, K_MONTH);
    if (!k)
        return 0;
    int d = 0, y = 0;
    size_t e = after_abbrev(sc, i + 1, k);
    if (day_at(sc, e, &d) && !(TF(sc, e + 1) & (T_NUM)) && !is_text(sc, e + 1, "%")) {
        e++;
        size_t c = is_text(sc, e, ",") ? e + 1 : e;
        if (year_at(sc, c, &y))
            e = c + 1;
    } else if (year_at(sc, e, &y)) {
        e++;
    } else if (is_word(sc, e, "of") && year_at(sc, e + 1, &y)) {
        e += 2;
    } else if ((k->flags & F_ABBR) || !date_cue(sc, i)) {
        return 0;
    }
    set_date(sc, m, y, k->month, d);
    return e;
}

/* "3 December 2024", "the 3rd of December". */
static size_t d_day_month(scan *sc, size_t i, lede_rules_match *m) {
    size_t j = is_word(sc, i, "the") ? i + 1 : i, e;
    int d, y = 0;
    if (!day_at(sc, j, &d) || (j > i && !(TF(sc, j) & T_ORD)))
        return 0;
    e = j + 1;
    if (is_word(sc, e, "of") && (TF(sc, j) & T_ORD))
        e++;
    const kw *k = K(sc, e, K_MONTH);
    if (!k)
        return 0;
    e = after_abbrev(sc, e + 1, k);
    size_t c = is_text(sc, e, ",") ? e + 1 : e;
    if (year_at(sc, c, &y))
        e = c + 1;
    set_date(sc, m, y, k->month, d);
    return e;
}

/* "Tuesday", "Tuesday, Jan. 7", "Tue., Jan. 7, 2025", "Mondays". */
static size_t d_weekday(scan *sc, size_t i, lede_rules_match *m) {
    const kw *k = K(sc, i, K_WDAY);
    if (!k)
        return 0;
    size_t e = i + 1, c;
    if (k->flags & F_PLURAL)
        return e;
    c = is_text(sc, e, ",") ? e + 1 : e;
    lede_rules_match sub = *m;
    size_t f = d_month(sc, c, &sub);
    if (!f || !(TF(sc, c + 1 + (is_text(sc, c + 1, ".") ? 1 : 0)) & (T_INT | T_ORD)))
        f = 0;
    if (!f)
        f = d_day_month(sc, c, &sub);
    if (f) {
        *m = sub;
        return f;
    }
    if (k->flags & F_ABBR)
        return 0;
    if (sc->anchor)
        lede_date_format_ymd((TF(sc, i) & T_FUT)
                                 ? lede_date_weekday_on_or_after(*sc->anchor, k->wday)
                                 : lede_date_weekday_on_or_before(*sc->anchor, k->wday),
                             m->value, sizeof m->value);
    return e;
}

/* "today", "yesterday", "tomorrow". */
static size_t d_dayrel(scan *sc, size_t i, lede_rules_match *m) {
    const kw *k = K(sc, i, K_DAYREL);
    if (!k)
        return 0;
    if (sc->anchor)
        lede_date_format_ymd(lede_date_add_days(*sc->anchor, k->v), m->value, sizeof m->value);
    return i + 1;
}

/* The weekend whose Saturday is sat. */
static void set_weekend(lede_rules_match *m, lede_date sat) {
    set_days(m, sat, lede_date_add_days(sat, 1));
}

/* Calendar value of "last/this/next <unit>". */
static int set_relative_unit(const scan *sc, lede_rules_match *m, int rel, int tu) {
    int off = rel == R_LAST ? -1 : rel == R_NEXT ? 1 : 0;
    if (tu != TU_YEAR && tu != TU_MONTH && tu != TU_WEEK && tu != TU_WEEKEND && tu != TU_DECADE &&
        tu != TU_QUARTER && tu != TU_CENTURY)
        return 0;
    if (!sc->anchor)
        return 1;
    lede_date a = *sc->anchor;
    switch (tu) {
    case TU_YEAR:
        lede_date_format_y(a.year + off, m->value, sizeof m->value);
        break;
    case TU_MONTH: {
        long months = (long)a.year * 12 + (a.month - 1) + off;
        lede_date_format_ym((int)(months / 12), (int)(months % 12) + 1, m->value, sizeof m->value);
        break;
    }
    case TU_WEEK: {
        int y, w;
        lede_date_iso_week(lede_date_add_days(a, 7L * off), &y, &w);
        lede_date_format_week(y, w, m->value, sizeof m->value);
        break;
    }
    case TU_WEEKEND:
        set_weekend(m, lede_date_add_days(lede_date_weekday_this_week(a, 5), 7L * off));
        break;
    case TU_DECADE:
        if (off == 0)
            set_years(m, a.year - a.year % 10, a.year - a.year % 10 + 9);
        break;
    default: /* quarters and centuries: no ISO 8601 value worth giving */
        break;
    }
    return 1;
}

/* "last year", "this month", "next week", "the weekend", "last July",
   "this Monday", "the past few years", "the next two weeks", "recent years". */
static size_t d_relative(scan *sc, size_t i, lede_rules_match *m) {
    size_t j = i;
    int the = 0;
    const kw *r, *u;
    if (is_word(sc, i, "the")) {
        the = 1;
        j = i + 1;
    }
    r = K(sc, j, K_REL);
    if (!r) {
        u = K(sc, j, K_TUNIT);
        if (the && u && u->tunit == TU_WEEKEND && !(u->flags & F_PLURAL)) {
            if (sc->anchor) /* "the weekend": the last one that began by the anchor */
                set_weekend(m, lede_date_weekday_on_or_before(*sc->anchor, 5));
            return j + 1;
        }
        return 0;
    }
    int rel = r->v;
    size_t k = j + 1;
    if (rel == R_THIS && K(sc, k, K_REL) && K(sc, k, K_REL)->v == R_PAST) {
        rel = R_PAST; /* "this past week" */
        k++;
    }
    duration d;
    size_t e = duration_core(sc, k, &d);
    if (e && rel != R_RECENT) { /* "the past three years", "the next few days" */
        m->label = tu_is_time(d.tu) ? LEDE_ENT_TIME : LEDE_ENT_DATE;
        if (rel != R_PREVIOUS && rel != R_FOLLOWING && !(d.has_num && !the && rel == R_THIS))
            set_duration(m, &d);
        return e;
    }
    if ((u = K(sc, k, K_TUNIT)) != NULL) {
        if (u->flags & F_PLURAL) {
            if (rel == R_RECENT || rel == R_COMING || rel == R_PAST || rel == R_PREVIOUS ||
                rel == R_FOLLOWING) {
                m->label = tu_is_time(u->tunit) ? LEDE_ENT_TIME : LEDE_ENT_DATE;
                return k + 1; /* "recent years", "the coming days" */
            }
            return 0;
        }
        m->label = tu_is_time(u->tunit) ? LEDE_ENT_TIME : LEDE_ENT_DATE;
        if (rel == R_RECENT)
            return 0;
        if (rel == R_PREVIOUS || rel == R_FOLLOWING)
            return k + 1; /* "the previous day": the story's day, not the anchor */
        if (the || rel == R_PAST || rel == R_COMING) {
            if (u->tunit == TU_WEEKEND || u->tunit == TU_QUARTER)
                return k + 1;
            if (rel == R_THIS)
                return 0;
            d.tu = u->tunit; /* "the past year": a year up to the anchor */
            d.has_num = 1;
            d.vague = 0;
            lede_num_set_u64(&d.num, 1);
            set_duration(m, &d);
            return k + 1;
        }
        if (!set_relative_unit(sc, m, rel, u->tunit))
            return 0;
        return k + 1;
    }
    if (the || (rel != R_LAST && rel != R_THIS && rel != R_NEXT))
        return 0;
    if ((u = K(sc, k, K_MONTH)) != NULL && !(u->flags & F_ABBR)) {
        if (sc->anchor) {
            int y = rel == R_LAST   ? lede_date_last_month_year(*sc->anchor, u->month)
                    : rel == R_NEXT ? lede_date_next_month_year(*sc->anchor, u->month)
                                    : sc->anchor->year;
            lede_date_format_ym(y, u->month, m->value, sizeof m->value);
        }
        return k + 1;
    }
    if ((u = K(sc, k, K_WDAY)) != NULL && !(u->flags & (F_ABBR | F_PLURAL))) {
        if (sc->anchor) {
            lede_date a = *sc->anchor;
            lede_date dt = rel == R_LAST   ? lede_date_weekday_before(a, u->wday)
                           : rel == R_NEXT ? lede_date_weekday_after(a, u->wday)
                                           : lede_date_weekday_this_week(a, u->wday);
            lede_date_format_ymd(dt, m->value, sizeof m->value);
        }
        return k + 1;
    }
    if (K(sc, k, K_SEASON))
        return k + 1; /* "last summer": no value */
    return 0;
}

/* "2025-01-07", "2025/01/07", "11/1/2023", "7.1.2025", "2024-12", "2020-2024", "2023-24". */
static size_t d_numeric(scan *sc, size_t i, lede_rules_match *m) {
    size_t n;
    const char *w = tok(sc, i, &n);
    if (!(TF(sc, i) & T_NUM) || (TF(sc, i) & (T_INT | T_ORD | T_DECADE)) || n > 10)
        return 0;
    int f[3], len[3], nf = 0;
    char sep = 0;
    size_t k = 0;
    while (k < n && nf < 3) {
        int v = 0, l = 0;
        while (k < n && is_digit((unsigned char)w[k])) {
            if (++l > 4)
                return 0;
            v = v * 10 + (w[k] - '0');
            k++;
        }
        if (!l)
            return 0;
        f[nf] = v;
        len[nf++] = l;
        if (k < n) {
            if (sep && w[k] != sep)
                return 0;
            sep = w[k];
            if (sep != '-' && sep != '/' && sep != '.')
                return 0;
            k++;
            if (k == n)
                return 0;
        }
    }
    if (k < n)
        return 0;
    if (nf == 3) {
        int y, mo, d;
        if (len[0] == 4) { /* year first: ISO order */
            y = f[0], mo = f[1], d = f[2];
            if (len[1] > 2 || len[2] > 2)
                return 0;
        } else if (len[2] == 4 || len[2] == 2) {
            if (len[0] > 2 || len[1] > 2)
                return 0;
            y = len[2] == 4 ? f[2] : (f[2] < 50 ? 2000 + f[2] : 1900 + f[2]);
            if (sep == '.' || f[0] > 12) { /* day first: European order, or it must be */
                d = f[0];
                mo = f[1];
            } else { /* month first: US order */
                mo = f[0];
                d = f[1];
            }
        } else {
            return 0;
        }
        if (!lede_date_valid(y, mo, d))
            return 0;
        lede_date dt = {y, mo, d};
        lede_date_format_ymd(dt, m->value, sizeof m->value);
        return i + 1;
    }
    if (nf == 2 && len[0] == 4 && year_ok(f[0]) && sep != '.') {
        if (len[1] == 4 && f[1] > f[0] && f[1] - f[0] <= 100 && year_ok(f[1])) {
            set_years(m, f[0], f[1]); /* "2020-2024" */
            return i + 1;
        }
        if (len[1] == 2 && f[1] > f[0] % 100) {
            set_years(m, f[0], f[0] - f[0] % 100 + f[1]); /* "2023-24" */
            return i + 1;
        }
        if (len[1] == 2 && sep == '-' && f[1] >= 1 && f[1] <= 12) {
            lede_date_format_ym(f[0], f[1], m->value, sizeof m->value); /* "2024-12" */
            return i + 1;
        }
    }
    return 0;
}

/* "the 1990s", "the '90s", "the early 2000s", "the 21st century", "the 1800s". */
static size_t d_decade(scan *sc, size_t i, lede_rules_match *m) {
    size_t j = i;
    int the = 0, apos = 0;
    if (is_word(sc, j, "the")) {
        the = 1;
        j++;
    }
    const kw *mod = K(sc, j, K_MOD);
    if (mod && mod->v != M_EARLY && mod->v != M_LATE && mod->v != M_MID)
        mod = NULL;
    if (mod)
        j++;
    if (K(sc, j, K_APOS) && (TF(sc, j + 1) & T_DECADE) && sc->ti[j + 1].ndig == 2 &&
        attached(sc, j + 1)) {
        apos = 1;
        j++;
    }
    if (TF(sc, j) & T_DECADE) {
        int y = sc->ti[j].ival;
        if (sc->ti[j].ndig == 2) {
            if (!apos && !the)
                return 0;
            y += y >= 30 ? 1900 : 2000;
        }
        if (!year_ok(y))
            return 0;
        if (y % 100 == 0 && y < 2000)
            set_years(m, y, y + 99); /* "the 1900s": the century */
        else
            set_years(m, y, y + 9);
        return j + 1;
    }
    if (the && !mod && (TF(sc, j) & T_ORD) && sc->ti[j].ival >= 1 && sc->ti[j].ival <= 30) {
        const kw *u = K(sc, j + 1, K_TUNIT);
        if (u && u->tunit == TU_CENTURY && !(u->flags & F_PLURAL)) {
            int c = sc->ti[j].ival;
            set_years(m, (c - 1) * 100 > 0 ? (c - 1) * 100 : 1, (c - 1) * 100 + 99);
            return j + 2;
        }
    }
    return 0;
}

/* "mid-December", "mid-2024", "mid-1990s", "mid-January 2025". */
static size_t d_mid(scan *sc, size_t i, lede_rules_match *m) {
    size_t n, the = is_word(sc, i, "the");
    i += the; /* "the mid-1990s" */
    if (i >= sc->nt)
        return 0;
    const char *w = tok(sc, i, &n);
    if (!(TF(sc, i) & T_HYPH) || n < 5 || lede_ascii_lower((unsigned char)w[0]) != 'm' ||
        lede_ascii_lower((unsigned char)w[1]) != 'i' || lede_ascii_lower((unsigned char)w[2]) != 'd' ||
        w[3] != '-')
        return 0;
    const char *r = w + 4;
    size_t rn = n - 4;
    const kw *k = kw_find(r, rn);
    if (k && (k->kinds & K_MONTH) && !(k->flags & F_ABBR) && !the) {
        int y = 0;
        size_t e = i + 1;
        if (year_at(sc, e, &y))
            e++;
        set_date(sc, m, y, k->month, 0);
        return e;
    }
    int v = 0;
    size_t d = 0;
    while (d < rn && d < 5 && is_digit((unsigned char)r[d]))
        v = v * 10 + (r[d++] - '0');
    if (d == 4 && rn == 4 && year_ok(v) && !the) {
        lede_date_format_y(v, m->value, sizeof m->value);
        return i + 1;
    }
    if (d == 4 && rn == 5 && (r[4] == 's' || r[4] == 'S') && v % 10 == 0 && year_ok(v)) {
        set_years(m, v, v + 9);
        return i + 1;
    }
    return 0;
}

/* "summer 2024", "the summer of 2024", "last summer", "in spring". */
static size_t d_season(scan *sc, size_t i, lede_rules_match *m) {
    size_t j = i;
    int the = 0, rel = 0, y;
    if (is_word(sc, j, "the")) {
        the = 1;
        j++;
    } else if (K(sc, j, K_REL) && (K(sc, j, K_REL)->v <= R_NEXT)) {
        rel = 1;
        j++;
    }
    if (!K(sc, j, K_SEASON))
        return 0;
    size_t e = j + 1;
    if (year_at(sc, e, &y) || (is_word(sc, e, "of") && year_at(sc, e + 1, &y))) {
        e += is_word(sc, e, "of") ? 2 : 1;
        lede_date_format_y(y, m->value, sizeof m->value);
        return e;
    }
    if (rel)
        return 0; /* handled by d_relative */
    if (is_word(sc, j, "fall"))
        return 0;
    if (i &&
        (is_word(sc, i - 1, "in") || is_word(sc, i - 1, "during") || is_word(sc, i - 1, "since") ||
         is_word(sc, i - 1, "until") || is_word(sc, i - 1, "by") || is_word(sc, i - 1, "over") ||
         is_word(sc, i - 1, "through")))
        return e;
    (void)the;
    return 0;
}

/* "the first quarter", "the third quarter of 2024", "Q3", "Q3 2024". */
static size_t d_quarter(scan *sc, size_t i, lede_rules_match *m) {
    size_t j = i, e;
    int y;
    if (K(sc, i, K_QTR)) {
        e = i + 1;
    } else {
        if (is_word(sc, j, "the"))
            j++;
        const kw *u = K(sc, j + 1, K_TUNIT);
        if (!K(sc, j, K_ORDW) || !u || u->tunit != TU_QUARTER || (u->flags & F_PLURAL))
            return 0;
        e = j + 2;
    }
    if (year_at(sc, e, &y) || (is_word(sc, e, "of") && year_at(sc, e + 1, &y))) {
        e += is_word(sc, e, "of") ? 2 : 1;
        lede_date_format_y(y, m->value, sizeof m->value);
    }
    return e;
}

/* "every year", "each week", "every two years", "every Monday": a set of
   dates, no value. TIME for hours and minutes. */
static size_t d_every(scan *sc, size_t i, lede_rules_match *m) {
    const kw *u;
    lede_num_phrase_out o;
    size_t j = i + 1;
    if (!K(sc, i, K_EVERY))
        return 0;
    if (num_at(sc, j, LEDE_NUM_NO_A, &o) && !o.vague)
        j = o.end;
    if ((u = K(sc, j, K_TUNIT)) != NULL) {
        m->label = tu_is_time(u->tunit) ? LEDE_ENT_TIME : LEDE_ENT_DATE;
        return j + 1;
    }
    if (j == i + 1 && ((u = K(sc, j, K_WDAY)) != NULL && !(u->flags & (F_ABBR | F_PLURAL))))
        return j + 1;
    if (j == i + 1 && K(sc, j, K_PARTDAY) && !(K(sc, j, K_PARTDAY)->flags & F_PLURAL)) {
        m->label = LEDE_ENT_TIME;
        return j + 1;
    }
    return 0;
}

/* "July-September", "the January-March quarter", "Jan-Mar 2024": months
   joined by a hyphen; the value is the interval of months, the last month
   resolved as a bare month is and the first the latest before it. */
static size_t d_month_range(scan *sc, size_t i, lede_rules_match *m) {
    size_t j = is_word(sc, i, "the") ? i + 1 : i, n;
    if (!(TF(sc, j) & T_HYPH) || !(TF(sc, j) & T_CAP))
        return 0;
    const char *w = tok(sc, j, &n);
    const char *h = memchr(w, '-', n);
    if (!h)
        return 0;
    const kw *a = kw_find(w, (size_t)(h - w)), *b = kw_find(h + 1, n - (size_t)(h - w) - 1);
    if (!a || !b || !(a->kinds & K_MONTH) || !(b->kinds & K_MONTH) || a->month == b->month)
        return 0;
    size_t e = j + 1;
    int y = 0;
    if (is_word(sc, e, "quarter") || is_word(sc, e, "period"))
        e++;
    else if (j > i)
        return 0; /* "the" needs a noun after the range */
    if (year_at(sc, e, &y))
        e++;
    if (!y && sc->anchor)
        y = lede_date_nearest_month_year(*sc->anchor, b->month);
    if (y) {
        char x[12], z[12], v[24];
        int y0 = a->month <= b->month ? y : y - 1;
        if (lede_date_format_ym(y0, a->month, x, sizeof x) &&
            lede_date_format_ym(y, b->month, z, sizeof z)) {
            memcpy(v, x, 7);
            v[7] = '/';
            memcpy(v + 8, z, 8);
            set_value(m, v);
        }
    }
    return e;
}

/* A year on its own: "in 2024", "the 2024 election". */
static size_t d_year(scan *sc, size_t i, lede_rules_match *m) {
    int y;
    if (!year_at(sc, i, &y))
        return 0;
    if (i) {
        if (Kprev(sc, i, K_NOTYEAR) || (TF(sc, i - 1) & (T_NUM | T_SYM)))
            return 0;
        if (is_text(sc, i - 1, ",") && i >= 2 && (TF(sc, i - 2) & T_NUM))
            return 0; /* a list of numbers */
    }
    if ((y < 1900 || y > 2099) && !date_cue(sc, i))
        return 0;
    lede_date_format_y(y, m->value, sizeof m->value);
    return i + 1;
}

/* Modifiers a date keeps in its span: "the end of", "the first half of", "early". */
static size_t date_prefix(const scan *sc, size_t i) {
    if (is_word(sc, i, "the")) {
        if ((is_word(sc, i + 1, "end") || is_word(sc, i + 1, "beginning") ||
             is_word(sc, i + 1, "start") || is_word(sc, i + 1, "middle") ||
             is_word(sc, i + 1, "turn") || is_word(sc, i + 1, "rest")) &&
            is_word(sc, i + 2, "of"))
            return i + 3;
        if ((is_word(sc, i + 1, "first") || is_word(sc, i + 1, "second")) &&
            is_word(sc, i + 2, "half") && is_word(sc, i + 3, "of"))
            return i + 4;
        return i;
    }
    if (K(sc, i, K_MOD) && !(TF(sc, i) & T_HYPH))
        return i + 1;
    return i;
}

typedef size_t (*date_fn)(scan *, size_t, lede_rules_match *);

static size_t date_core(scan *sc, size_t i, lede_rules_match *m) {
    static const date_fn fns[] = {d_numeric,  d_month,  d_day_month,  d_weekday, d_dayrel,
                                  d_relative, d_decade, d_mid,        d_season,  d_quarter,
                                  d_every,    d_year,   d_month_range};
    size_t best = 0;
    if (i >= sc->nt)
        return 0;
    for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
        lede_rules_match c = *m;
        size_t e = fns[k](sc, i, &c);
        if (e > best) {
            best = e;
            *m = c;
        }
    }
    return best;
}

static size_t m_date(scan *sc, size_t i, lede_rules_match *m) {
    size_t j = date_prefix(sc, i);
    if (j > i) {
        size_t e = date_core(sc, j, m);
        if (e && m->label == LEDE_ENT_DATE)
            return e;
        /* "the end of" without a date after it: try from i */
        m->value[0] = '\0';
        m->label = LEDE_ENT_DATE;
    }
    return date_core(sc, i, m);
}

/* ---- NORP ------------------------------------------------------------------------------ */

static size_t m_norp(scan *sc, size_t i, lede_rules_match *m) {
    if (!(TF(sc, i) & T_CAP))
        return 0;
    size_t run = 1;
    while (run < LEDE_GAZ_MAX_TOKENS && i + run < sc->nt && (TF(sc, i + run) & T_CAP))
        run++;
    for (size_t k = run; k >= 1; k--) {
        lede_gaz_entry e;
        if (!gaz_at(sc, i, k, &e))
            continue;
        if (e.types & (LEDE_GAZ_COUNTRY | LEDE_GAZ_CITY | LEDE_GAZ_REGION))
            return 0; /* a place: "Saudi Arabia", "Roma", "Jordan" */
        if (!(e.types & (LEDE_GAZ_DEMONYM | LEDE_GAZ_GROUP)))
            continue;
        if (K(sc, i + k, K_ORGHEAD))
            return 0; /* part of a name: "European Union", "Republican Party" */
        if ((e.types & (LEDE_GAZ_GIVEN_NAME | LEDE_GAZ_SURNAME)) &&
            ((TF(sc, i + k) & T_CAP) || (i && (TF(sc, i - 1) & T_CAP) && !Kprev(sc, i, K_CUE))))
            continue; /* a name next to another capitalised word: "Christian Lindner" */
        memcpy(m->country, e.country, 3);
        return i + k;
    }
    return 0;
}

/* ---- the scan loop ---------------------------------------------------------------------- */

typedef size_t (*matcher)(scan *, size_t, lede_rules_match *);

typedef struct {
    matcher fn;
    lede_ent_label label; /* the label, unless the matcher sets another */
} matcher_def;

/* In priority order: on equal length the earlier wins. */
static const matcher_def matchers[] = {
    {m_money, LEDE_ENT_MONEY}, {m_percent, LEDE_ENT_PERCENT}, {m_quantity, LEDE_ENT_QUANTITY},
    {m_clock, LEDE_ENT_TIME},  {m_partday, LEDE_ENT_TIME},    {m_duration, LEDE_ENT_DATE},
    {m_date, LEDE_ENT_DATE},   {m_norp, LEDE_ENT_NORP},
};

void lede_rules_init(lede_rules_ctx *ctx) { memset(ctx, 0, sizeof *ctx); }

void lede_rules_restart(lede_rules_ctx *ctx) { ctx->count = 0; }

void lede_rules_free(lede_rules_ctx *ctx) {
    lede_free(ctx->matches);
    lede_free(ctx->info);
    lede_norm_buf_free(&ctx->norm);
    memset(ctx, 0, sizeof *ctx);
}

static lede_rc push(lede_rules_ctx *ctx, const lede_rules_match *m) {
    if (ctx->count == ctx->cap) {
        size_t cap = ctx->cap ? ctx->cap * 2 : 16;
        lede_rules_match *p = lede_realloc(ctx->matches, cap * sizeof *p);
        if (!p)
            return LEDE_NOMEM;
        ctx->matches = p;
        ctx->cap = cap;
    }
    ctx->matches[ctx->count++] = *m;
    return LEDE_OK;
}

lede_rc lede_rules_scan(lede_rules_ctx *ctx, const char *s, size_t n, const lede_token *t,
                        size_t nt, const lede_date *anchor) {
    ctx->count = 0;
    if (!s || !t || nt == 0)
        return LEDE_OK;
    if (nt > ctx->info_cap) {
        size_t cap = ctx->info_cap ? ctx->info_cap : 64;
        while (cap < nt)
            cap *= 2;
        struct lede_rules_tok *p = lede_realloc(ctx->info, cap * sizeof *p);
        if (!p)
            return LEDE_NOMEM;
        ctx->info = p;
        ctx->info_cap = cap;
    }
    if (!ctx->kw_ready) {
        kw_slots_make(ctx->kw_slots);
        ctx->kw_ready = 1;
    }
    int future = 0;
    for (size_t i = 0; i < nt; i++) {
        struct lede_rules_tok *ti = &ctx->info[i];
        if (t[i].span.byte_end > n || t[i].span.byte_start >= t[i].span.byte_end) {
            ti->k = NULL; /* a span outside the text: never matched */
            ti->f = 0;
            continue;
        }
        classify(ctx->kw_slots, s, &t[i], ti);
        if (future)
            ti->f |= T_FUT;
        if ((ti->f & T_PUNCT) && memchr(",;:()[]", s[t[i].span.byte_start], 7) == NULL &&
            !(t[i].span.byte_end - t[i].span.byte_start >= 2 && s[t[i].span.byte_start] == '-'))
            ; /* other punctuation leaves the clause open */
        else if (ti->f & T_PUNCT)
            future = 0; /* a clause ends: "talks will resume, officials said on Monday" */
        if (ti->k &&
            ((ti->k->kinds & K_FUTURE) || ((ti->k->kinds & K_FUTPRE) && i + 1 < nt &&
                                           t[i + 1].span.byte_end - t[i + 1].span.byte_start == 2 &&
                                           memcmp(s + t[i + 1].span.byte_start, "to", 2) == 0)))
            future = 1;
    }
    lede_date a;
    int have_anchor = anchor && lede_date_valid(anchor->year, anchor->month, anchor->day);
    if (have_anchor)
        a = *anchor;
    scan sc = {s, t, nt, ctx->info, have_anchor ? &a : NULL, &ctx->norm, LEDE_OK};
    size_t i = 0;
    while (i < nt) {
        const struct lede_rules_tok *ti = &ctx->info[i];
        if (!ti->k && !(ti->f & (T_NUM | T_HYPH | T_SYM | T_CAP))) {
            i++;
            continue;
        }
        lede_rules_match best;
        size_t best_end = 0;
        for (size_t k = 0; k < sizeof matchers / sizeof matchers[0]; k++) {
            lede_rules_match c;
            c.label = matchers[k].label;
            c.value[0] = c.unit[0] = c.country[0] = '\0';
            size_t e = matchers[k].fn(&sc, i, &c);
            if (sc.err != LEDE_OK) {
                ctx->count = 0;
                return sc.err;
            }
            if (e > best_end && e <= nt) {
                best = c;
                best_end = e;
            }
        }
        if (best_end > i) {
            best.start = i;
            best.end = best_end;
            if (push(ctx, &best) != LEDE_OK) {
                ctx->count = 0;
                return LEDE_NOMEM;
            }
            i = best_end;
        } else {
            i++;
        }
    }
    return LEDE_OK;
}
