/*
 * teams.h: names of football clubs, which the OntoNotes model, trained on
 * text with little sport, reads as people or places ("Tottenham Hotspur"
 * PERSON, "Real Madrid" as "Madrid" GPE, "Liverpool beat Everton" GPE).
 *
 * A hand-kept list of facts (teams.c): the names of the leading clubs of
 * the major European leagues and a few elsewhere, as lede's tokenizer and
 * norm.h make them (tokens' norms, NFKC + case fold, joined by one space:
 * "brighton & hove albion", "paris saint-germain"). A name is SURE when it
 * means the club wherever it is written ("Juventus", "Aston Villa") and
 * AMBIGUOUS when it is also a place, a person or a word ("Liverpool",
 * "Chelsea", "Celtic"); the extractor (extract.c) takes an ambiguous one as
 * the club only where the sentence or the text around it is about football
 * (lede_ner_team_cue, lede_ner_team_context). Read-only data; safe from
 * any number of threads.
 */
#ifndef LEDE_NER_TEAMS_H
#define LEDE_NER_TEAMS_H

#include <stddef.h>

typedef enum {
    LEDE_NER_TEAM_NONE = 0,     /* not a club's name */
    LEDE_NER_TEAM_SURE = 1,     /* the club, wherever it is written */
    LEDE_NER_TEAM_AMBIGUOUS = 2 /* the club only in a sentence about football */
} lede_ner_team_kind;

/* The longest name a key has, in tokens. */
#define LEDE_NER_TEAM_MAX_TOKENS 4

/* What the key s[0..n) (norms joined by one space) names; *more is 1 when
   a longer name goes on from it with a space ("aston" -> "aston villa"), so
   that a caller adding a token at a time knows when to stop. */
lede_ner_team_kind lede_ner_team_find(const char *s, size_t n, int *more);

/* The i-th name of the list, in strcmp order, or NULL past its end. */
const char *lede_ner_team_name(size_t i);

/* 1 when the norm s[0..n), right before or after a club's name, makes it
   the club: "beat", "v", "manager", "striker", "fans". */
int lede_ner_team_cue(const char *s, size_t n);

/* 1 when the norm s[0..n), anywhere in the sentence, says it is about
   football: "goal", "penalty", "relegation", "midfielder". */
int lede_ner_team_context(const char *s, size_t n);

#endif
