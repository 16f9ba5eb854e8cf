/*
 * teams.c: the club names of teams.h, and the words that say a sentence is
 * about football. Facts kept by hand; see teams.h.
 */
#include "teams.h"

#include <string.h>

typedef struct {
    const char *key;
    lede_ner_team_kind kind;
} teams_entry;

/* Sorted by strcmp (the unit test checks it). */
static const teams_entry teams_names[] = {
    {"aberdeen", LEDE_NER_TEAM_AMBIGUOUS},
    {"ac milan", LEDE_NER_TEAM_SURE},
    {"ajax", LEDE_NER_TEAM_SURE},
    {"al-hilal", LEDE_NER_TEAM_SURE},
    {"al-ittihad", LEDE_NER_TEAM_SURE},
    {"al-nassr", LEDE_NER_TEAM_SURE},
    {"anderlecht", LEDE_NER_TEAM_SURE},
    {"arsenal", LEDE_NER_TEAM_SURE},
    {"arsenal fc", LEDE_NER_TEAM_SURE},
    {"as monaco", LEDE_NER_TEAM_SURE},
    {"as roma", LEDE_NER_TEAM_SURE},
    {"aston villa", LEDE_NER_TEAM_SURE},
    {"atalanta", LEDE_NER_TEAM_SURE},
    {"athletic bilbao", LEDE_NER_TEAM_SURE},
    {"athletic club", LEDE_NER_TEAM_SURE},
    {"atletico madrid", LEDE_NER_TEAM_SURE},
    {"atlético madrid", LEDE_NER_TEAM_SURE},
    {"az alkmaar", LEDE_NER_TEAM_SURE},
    {"barca", LEDE_NER_TEAM_SURE},
    {"barcelona", LEDE_NER_TEAM_AMBIGUOUS},
    {"barça", LEDE_NER_TEAM_SURE},
    {"bayer leverkusen", LEDE_NER_TEAM_SURE},
    {"bayern", LEDE_NER_TEAM_SURE},
    {"bayern munich", LEDE_NER_TEAM_SURE},
    {"bayern münchen", LEDE_NER_TEAM_SURE},
    {"benfica", LEDE_NER_TEAM_SURE},
    {"besiktas", LEDE_NER_TEAM_SURE},
    {"beşiktaş", LEDE_NER_TEAM_SURE},
    {"birmingham city", LEDE_NER_TEAM_SURE},
    {"blackburn rovers", LEDE_NER_TEAM_SURE},
    {"boca juniors", LEDE_NER_TEAM_SURE},
    {"bologna", LEDE_NER_TEAM_AMBIGUOUS},
    {"bolton wanderers", LEDE_NER_TEAM_SURE},
    {"borussia dortmund", LEDE_NER_TEAM_SURE},
    {"borussia monchengladbach", LEDE_NER_TEAM_SURE},
    {"borussia mönchengladbach", LEDE_NER_TEAM_SURE},
    {"bournemouth", LEDE_NER_TEAM_AMBIGUOUS},
    {"brentford", LEDE_NER_TEAM_AMBIGUOUS},
    {"brighton", LEDE_NER_TEAM_AMBIGUOUS},
    {"brighton & hove albion", LEDE_NER_TEAM_SURE},
    {"brighton and hove albion", LEDE_NER_TEAM_SURE},
    {"bristol city", LEDE_NER_TEAM_SURE},
    {"burnley", LEDE_NER_TEAM_AMBIGUOUS},
    {"cardiff city", LEDE_NER_TEAM_SURE},
    {"celta vigo", LEDE_NER_TEAM_SURE},
    {"celtic", LEDE_NER_TEAM_AMBIGUOUS},
    {"celtic fc", LEDE_NER_TEAM_SURE},
    {"chelsea", LEDE_NER_TEAM_AMBIGUOUS},
    {"chelsea fc", LEDE_NER_TEAM_SURE},
    {"club brugge", LEDE_NER_TEAM_SURE},
    {"corinthians", LEDE_NER_TEAM_AMBIGUOUS},
    {"coventry city", LEDE_NER_TEAM_SURE},
    {"crystal palace", LEDE_NER_TEAM_SURE},
    {"dinamo zagreb", LEDE_NER_TEAM_SURE},
    {"dortmund", LEDE_NER_TEAM_AMBIGUOUS},
    {"dynamo kyiv", LEDE_NER_TEAM_SURE},
    {"eintracht frankfurt", LEDE_NER_TEAM_SURE},
    {"espanyol", LEDE_NER_TEAM_SURE},
    {"everton", LEDE_NER_TEAM_SURE},
    {"everton fc", LEDE_NER_TEAM_SURE},
    {"fc barcelona", LEDE_NER_TEAM_SURE},
    {"fc porto", LEDE_NER_TEAM_SURE},
    {"fenerbahce", LEDE_NER_TEAM_SURE},
    {"fenerbahçe", LEDE_NER_TEAM_SURE},
    {"feyenoord", LEDE_NER_TEAM_SURE},
    {"fiorentina", LEDE_NER_TEAM_SURE},
    {"flamengo", LEDE_NER_TEAM_SURE},
    {"fulham", LEDE_NER_TEAM_AMBIGUOUS},
    {"fulham fc", LEDE_NER_TEAM_SURE},
    {"galatasaray", LEDE_NER_TEAM_SURE},
    {"genoa", LEDE_NER_TEAM_AMBIGUOUS},
    {"getafe", LEDE_NER_TEAM_AMBIGUOUS},
    {"girona", LEDE_NER_TEAM_AMBIGUOUS},
    {"heart of midlothian", LEDE_NER_TEAM_SURE},
    {"hearts", LEDE_NER_TEAM_AMBIGUOUS},
    {"hertha berlin", LEDE_NER_TEAM_SURE},
    {"hibernian", LEDE_NER_TEAM_SURE},
    {"huddersfield town", LEDE_NER_TEAM_SURE},
    {"hull city", LEDE_NER_TEAM_SURE},
    {"inter", LEDE_NER_TEAM_AMBIGUOUS},
    {"inter miami", LEDE_NER_TEAM_SURE},
    {"inter milan", LEDE_NER_TEAM_SURE},
    {"internazionale", LEDE_NER_TEAM_SURE},
    {"ipswich town", LEDE_NER_TEAM_SURE},
    {"juventus", LEDE_NER_TEAM_SURE},
    {"la galaxy", LEDE_NER_TEAM_SURE},
    {"lazio", LEDE_NER_TEAM_AMBIGUOUS},
    {"leeds", LEDE_NER_TEAM_AMBIGUOUS},
    {"leeds united", LEDE_NER_TEAM_SURE},
    {"leicester", LEDE_NER_TEAM_AMBIGUOUS},
    {"leicester city", LEDE_NER_TEAM_SURE},
    {"leverkusen", LEDE_NER_TEAM_AMBIGUOUS},
    {"lille", LEDE_NER_TEAM_AMBIGUOUS},
    {"liverpool", LEDE_NER_TEAM_AMBIGUOUS},
    {"liverpool fc", LEDE_NER_TEAM_SURE},
    {"luton town", LEDE_NER_TEAM_SURE},
    {"lyon", LEDE_NER_TEAM_AMBIGUOUS},
    {"man city", LEDE_NER_TEAM_SURE},
    {"man united", LEDE_NER_TEAM_SURE},
    {"man utd", LEDE_NER_TEAM_SURE},
    {"manchester city", LEDE_NER_TEAM_SURE},
    {"manchester united", LEDE_NER_TEAM_SURE},
    {"marseille", LEDE_NER_TEAM_AMBIGUOUS},
    {"middlesbrough", LEDE_NER_TEAM_AMBIGUOUS},
    {"milan", LEDE_NER_TEAM_AMBIGUOUS},
    {"monaco", LEDE_NER_TEAM_AMBIGUOUS},
    {"napoli", LEDE_NER_TEAM_SURE},
    {"newcastle", LEDE_NER_TEAM_AMBIGUOUS},
    {"newcastle united", LEDE_NER_TEAM_SURE},
    {"norwich", LEDE_NER_TEAM_AMBIGUOUS},
    {"norwich city", LEDE_NER_TEAM_SURE},
    {"nottingham forest", LEDE_NER_TEAM_SURE},
    {"olympiacos", LEDE_NER_TEAM_SURE},
    {"olympique de marseille", LEDE_NER_TEAM_SURE},
    {"olympique lyonnais", LEDE_NER_TEAM_SURE},
    {"olympique marseille", LEDE_NER_TEAM_SURE},
    {"osasuna", LEDE_NER_TEAM_SURE},
    {"palmeiras", LEDE_NER_TEAM_SURE},
    {"panathinaikos", LEDE_NER_TEAM_SURE},
    {"paris saint-germain", LEDE_NER_TEAM_SURE},
    {"paris st-germain", LEDE_NER_TEAM_SURE},
    {"partick thistle", LEDE_NER_TEAM_SURE},
    {"porto", LEDE_NER_TEAM_AMBIGUOUS},
    {"psg", LEDE_NER_TEAM_SURE},
    {"psv", LEDE_NER_TEAM_SURE},
    {"psv eindhoven", LEDE_NER_TEAM_SURE},
    {"queens park rangers", LEDE_NER_TEAM_SURE},
    {"rangers", LEDE_NER_TEAM_AMBIGUOUS},
    {"rangers fc", LEDE_NER_TEAM_SURE},
    {"rayo vallecano", LEDE_NER_TEAM_SURE},
    {"rb leipzig", LEDE_NER_TEAM_SURE},
    {"real betis", LEDE_NER_TEAM_SURE},
    {"real madrid", LEDE_NER_TEAM_SURE},
    {"real sociedad", LEDE_NER_TEAM_SURE},
    {"red bull salzburg", LEDE_NER_TEAM_SURE},
    {"red star belgrade", LEDE_NER_TEAM_SURE},
    {"river plate", LEDE_NER_TEAM_AMBIGUOUS},
    {"roma", LEDE_NER_TEAM_AMBIGUOUS},
    {"sampdoria", LEDE_NER_TEAM_SURE},
    {"santos", LEDE_NER_TEAM_AMBIGUOUS},
    {"schalke", LEDE_NER_TEAM_SURE},
    {"schalke 04", LEDE_NER_TEAM_SURE},
    {"sevilla", LEDE_NER_TEAM_AMBIGUOUS},
    {"shakhtar donetsk", LEDE_NER_TEAM_SURE},
    {"sheffield united", LEDE_NER_TEAM_SURE},
    {"sheffield wednesday", LEDE_NER_TEAM_SURE},
    {"southampton", LEDE_NER_TEAM_AMBIGUOUS},
    {"sporting cp", LEDE_NER_TEAM_SURE},
    {"sporting lisbon", LEDE_NER_TEAM_SURE},
    {"spurs", LEDE_NER_TEAM_SURE},
    {"stoke city", LEDE_NER_TEAM_SURE},
    {"sunderland", LEDE_NER_TEAM_AMBIGUOUS},
    {"swansea city", LEDE_NER_TEAM_SURE},
    {"torino", LEDE_NER_TEAM_AMBIGUOUS},
    {"tottenham", LEDE_NER_TEAM_SURE},
    {"tottenham hotspur", LEDE_NER_TEAM_SURE},
    {"union berlin", LEDE_NER_TEAM_SURE},
    {"valencia", LEDE_NER_TEAM_AMBIGUOUS},
    {"vfb stuttgart", LEDE_NER_TEAM_SURE},
    {"vfl wolfsburg", LEDE_NER_TEAM_SURE},
    {"villarreal", LEDE_NER_TEAM_SURE},
    {"watford", LEDE_NER_TEAM_AMBIGUOUS},
    {"werder bremen", LEDE_NER_TEAM_SURE},
    {"west brom", LEDE_NER_TEAM_SURE},
    {"west bromwich albion", LEDE_NER_TEAM_SURE},
    {"west ham", LEDE_NER_TEAM_SURE},
    {"west ham united", LEDE_NER_TEAM_SURE},
    {"wolverhampton wanderers", LEDE_NER_TEAM_SURE},
    {"wolves", LEDE_NER_TEAM_SURE},
    {"zenit st petersburg", LEDE_NER_TEAM_SURE},
};

/* Words right before or after a club's name that make it the club. Sorted. */
static const char *const teams_cues[] = {
    "beat",     "beaten",   "beating",  "beats",     "boss",       "captain",   "coach",
    "defeated", "defender", "drew",     "edged",     "fans",       "forward",   "goalkeeper",
    "hammered", "keeper",   "manager",  "midfielder", "squad",     "striker",   "supporters",
    "thrashed", "v",        "versus",   "vs",        "vs.",        "winger"};

/* Words that make a sentence one about football. Sorted. */
static const char *const teams_context[] = {
    "bundesliga",  "defender",   "derby",      "equaliser",   "equalizer",  "fixture",
    "fixtures",    "goal",       "goalkeeper", "goals",       "half-time",  "hat-trick",
    "kick-off",    "midfielder", "penalties",  "penalty",     "premiership", "relegated",
    "relegation",  "scored",     "stoppage-time", "striker",  "winger"};

/* strcmp of the NUL-terminated key against s[0..n). */
static int teams_cmp(const char *key, const char *s, size_t n) {
    int r = strncmp(key, s, n);
    return r ? r : key[n] != '\0';
}

/* The first of count sorted records (size bytes each, a key pointer first)
   whose key is not below s[0..n): one binary search for the names and the
   word lists. */
static size_t teams_lower(const void *base, size_t count, size_t size, const char *s, size_t n) {
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (teams_cmp(*(const char *const *)((const char *)base + mid * size), s, n) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

lede_ner_team_kind lede_ner_team_find(const char *s, size_t n, int *more) {
    const size_t count = sizeof teams_names / sizeof teams_names[0];
    *more = 0;
    if (n == 0 || memchr(s, '\0', n))
        return LEDE_NER_TEAM_NONE;
    size_t lo = teams_lower(teams_names, count, sizeof teams_names[0], s, n);
    lede_ner_team_kind kind = LEDE_NER_TEAM_NONE;
    if (lo < count && teams_cmp(teams_names[lo].key, s, n) == 0)
        kind = teams_names[lo++].kind;
    /* keys that go on with a space come next: no key has a byte below ' ' */
    *more = lo < count && strncmp(teams_names[lo].key, s, n) == 0 && teams_names[lo].key[n] == ' ';
    return kind;
}

const char *lede_ner_team_name(size_t i) {
    return i < sizeof teams_names / sizeof teams_names[0] ? teams_names[i].key : NULL;
}

static int teams_in(const char *s, size_t n, const char *const *list, size_t count) {
    if (n == 0 || memchr(s, '\0', n))
        return 0;
    size_t k = teams_lower(list, count, sizeof list[0], s, n);
    return k < count && teams_cmp(list[k], s, n) == 0;
}

int lede_ner_team_cue(const char *s, size_t n) {
    return teams_in(s, n, teams_cues, sizeof teams_cues / sizeof teams_cues[0]);
}

int lede_ner_team_context(const char *s, size_t n) {
    return teams_in(s, n, teams_context, sizeof teams_context / sizeof teams_context[0]);
}
