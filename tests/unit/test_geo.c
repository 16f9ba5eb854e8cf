/*
 * test_geo.c: choosing the place a name means (ext/geo/geo.h through
 * ext/ner/canon.h), one test per rule, on sentences written for these
 * tests: capitals and large cities beat namesakes, the document's other
 * places and its dateline pull a name to their country, "City, State" and
 * "City, Country", the level the sentence implies, a region and its
 * namesake city, common words and given names, nearness, leading words of
 * a longer name, nationalities, continents; organisations and facilities named
 * after a place, hyphenated names and party-and-state tags, a qualified name
 * kept through the text, the regions of every country; and the table lookups.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "geo/geo.h"
#include "ner/canon.h"

#include <stdio.h>
#include <string.h>

/* What the place entity at the n-th [...] of marked became. */
typedef struct {
    char canonical[64];
    char country[3];
    int has_point;
    double lat, lon;
    uint32_t geonames;
} place;

/* Runs canon.h over the text of marked, whose entities are [text] (GPE), {text}
   (LOC), <text> (NORP), |text| (ORG) or ^text^ (FAC), and returns the which-th entity. */
static place resolve(const char *marked, int which) {
    char text[2048] = "";
    size_t starts[32], ends[32], n = 0, ne = 0;
    lede_ent_label labels[32];
    for (const char *p = marked; *p;) {
        char close = *p == '[' ? ']' : *p == '{' ? '}' : *p == '<' ? '>' : *p == '|' ? '|'
                   : *p == '^' ? '^' : 0;
        if (close) {
            labels[ne] = *p == '[' ? LEDE_ENT_GPE : *p == '{' ? LEDE_ENT_LOC
                       : *p == '<' ? LEDE_ENT_NORP : *p == '|' ? LEDE_ENT_ORG : LEDE_ENT_FAC;
            starts[ne] = n;
            for (p++; *p != close; p++)
                text[n++] = *p;
            ends[ne++] = n;
            p++;
        } else {
            text[n++] = *p++;
        }
    }
    lede_canon_ctx ctx;
    lede_canon_init(&ctx, text, n, 0);
    place out;
    memset(&out, 0, sizeof out);
    for (size_t k = 0; k < ne; k++) {
        lede_canon_entity e;
        memset(&e, 0, sizeof e);
        e.byte_start = starts[k];
        e.byte_end = ends[k];
        e.label = labels[k];
        assert_int_equal(lede_canon_next(&ctx, &e), LEDE_OK);
        if ((int)k == which) {
            snprintf(out.canonical, sizeof out.canonical, "%s", e.canonical);
            memcpy(out.country, e.country, 3);
            out.has_point = e.has_point;
            out.lat = e.lat;
            out.lon = e.lon;
            out.geonames = e.geonames;
        }
    }
    lede_canon_free(&ctx);
    return out;
}

static void test_geo_capital_beats_namesakes(void **state) {
    (void)state;
    place p = resolve("Officials in [Paris] said the talks would resume.", 0);
    assert_string_equal(p.country, "FR");
    assert_true(p.has_point && p.lat > 48 && p.lat < 49.5);
    assert_true(p.geonames != 0);
    p = resolve("The minister flew to [Athens] on Monday.", 0);
    assert_string_equal(p.country, "GR");
}

static void test_geo_document_pulls_to_its_country(void **state) {
    (void)state;
    /* the other places of the article are in Texas */
    place p = resolve("A fire destroyed a barn near [Paris] on Tuesday. Deputies from "
                      "[Lamar County] and firefighters from [Dallas] and [Texarkana] helped. "
                      "[Texas] officials said.",
                      0);
    assert_string_equal(p.country, "US");
    assert_true(p.lon < -90);
}

static void test_geo_dateline_pulls_to_its_country(void **state) {
    (void)state;
    place p = resolve("[PERTH], [Scotland] - The council in [Perth] voted to close two "
                      "libraries.",
                      2);
    assert_string_equal(p.country, "GB");
    p = resolve("The council in [Perth] voted to close two libraries.", 0);
    assert_string_equal(p.country, "AU");
}

static void test_geo_city_then_state_or_country(void **state) {
    (void)state;
    place p = resolve("The storm hit [Paris, Texas], overnight.", 0);
    assert_string_equal(p.country, "US");
    assert_string_equal(p.canonical, "Paris");
    p = resolve("The shipyard in [Mobile], Ala., hired 300 workers.", 0);
    assert_string_equal(p.country, "US");
    p = resolve("He grew up in [Perth], [Scotland], and moved south.", 0);
    assert_string_equal(p.country, "GB");
    /* the qualifier itself: the US state of the city before it */
    p = resolve("The game was played in [Atlanta], [Georgia], last night.", 1);
    assert_string_equal(p.country, "US");
}

static void test_geo_level_the_sentence_implies(void **state) {
    (void)state;
    place p = resolve("Wine exports to [Georgia] rose by a tenth.", 0);
    assert_string_equal(p.country, "GE");
    p = resolve("Lawmakers in the state of [Georgia] passed the budget.", 0);
    assert_string_equal(p.country, "US");
}

static void test_geo_region_and_its_city(void **state) {
    (void)state;
    place city = resolve("Protesters gathered in [Madrid] on Sunday.", 0);
    assert_string_equal(city.country, "ES");
    assert_true(city.geonames != 0); /* the city, a GeoNames place, not the region */
    place region = resolve("Fires burned across the region of [Madrid] on Sunday.", 0);
    assert_string_equal(region.country, "ES");
    assert_int_equal(region.geonames, 0);
    /* the capital beats the region of its name; the level words pick the region */
    place dc = resolve("Officials in [Washington] and [Beijing] traded accusations.", 0);
    assert_true(dc.lon > -80 && dc.lon < -75);
    place wa = resolve("Voters in [Washington] state backed the measure.", 0);
    assert_true(wa.lon < -115);
    place nyc = resolve("The mayor of [New York] spoke on Monday.", 0);
    assert_string_equal(nyc.canonical, "New York City");
    place tehran = resolve("Talks were held in [Tehran] on Monday.", 0);
    assert_string_equal(tehran.country, "IR");
    assert_string_equal(tehran.canonical, "Tehran");
}

static void test_geo_common_words_need_context(void **state) {
    (void)state;
    place p = resolve("[God] knows what happens next, she said.", 0);
    assert_false(p.has_point);
    assert_string_equal(p.country, "");
    p = resolve("The [Male] voters turned out early.", 0);
    assert_false(p.has_point);
    p = resolve("Protests spread in [Male], the capital of the [Maldives].", 0);
    assert_string_equal(p.country, "MV");
    p = resolve("The festival opened in [Nice], [France], with a parade.", 0);
    assert_string_equal(p.country, "FR");
    p = resolve("Fans travelled from [Reading], [England], to the final.", 0);
    assert_string_equal(p.country, "GB");
    /* a country stays one whatever else its name is */
    p = resolve("Officials from [Chad] met donors.", 0);
    assert_string_equal(p.country, "TD");
    p = resolve("Exports from [China] and [Turkey] grew.", 1);
    assert_string_equal(p.country, "TR");
}

static void test_geo_nearness(void **state) {
    (void)state;
    /* Athens, Tennessee, among its neighbours */
    place p = resolve("Police in [Athens] arrested a man wanted in [Cleveland] and [Sweetwater], "
                      "[Tenn.], deputies said.",
                      0);
    assert_string_equal(p.country, "US");
}

static void test_geo_leading_words_and_kinds(void **state) {
    (void)state;
    place p = resolve("Crews from {Rapides Parish Fire District 2} responded.", 0);
    assert_string_equal(p.country, "US");
    assert_string_equal(p.canonical, "Rapides Parish");
    p = resolve("Growth slowed across {Asia} this year.", 0);
    assert_true(p.has_point);
    assert_string_equal(p.country, ""); /* a continent has no country */
    p = resolve("<Turkish> officials said.", 0);
    assert_string_equal(p.country, "TR");
    assert_true(p.has_point);
}

static void test_geo_organisation_named_after_a_place(void **state) {
    (void)state;
    /* the place at the start of the name, its point and country; the name stays its own */
    place p = resolve("The |Dane County Sheriff's Office| said a deputy was hurt near [Madison].",
                      0);
    assert_string_equal(p.country, "US");
    assert_true(p.has_point && p.lat > 42.8 && p.lat < 43.4 && p.lon > -90 && p.lon < -89);
    assert_string_equal(p.canonical, "Dane County Sheriff's Office");
    /* after "of", a country; a nationality's country */
    p = resolve("The |Bank of Canada| held its rate on Wednesday.", 0);
    assert_string_equal(p.country, "CA");
    assert_true(p.has_point);
    p = resolve("|The Russian Foreign Ministry| protested.", 0);
    assert_string_equal(p.country, "RU");
    /* a common word is not the place ("University", a town in Florida) */
    p = resolve("|University of Cincinnati| researchers said.", 0);
    assert_true(p.has_point && p.lat > 38.5 && p.lat < 39.6 && p.lon > -85 && p.lon < -84);
    /* after North, Western, Metro: the place */
    p = resolve("The |Western Pennsylvania Kennel Association| met in [Pittsburgh].", 0);
    assert_true(p.has_point && p.lat > 39.5 && p.lat < 42.5 && p.lon > -81 && p.lon < -75);
    /* "West" of "West Wichita" is not the town of West, Texas */
    p = resolve("|West Wichita Neighbors| met in [Kansas].", 0);
    assert_true(p.has_point && p.lat > 37 && p.lat < 38.5);
}

static void test_geo_organisation_not_a_place(void **state) {
    (void)state;
    /* a company named by a word that is a small town; an acronym that is a town's name */
    place p = resolve("Ana Ruiz of |Acme Corp| spoke on Monday.", 0);
    assert_false(p.has_point);
    assert_string_equal(p.country, "");
    p = resolve("Raj Patel of |Meridian Bank| met officials in [Oslo].", 0);
    assert_false(p.has_point);
    p = resolve("|NATO| ministers met in [Brussels].", 0);
    assert_false(p.has_point);
    p = resolve("Officials of the |EU| met in [Brussels].", 0);
    assert_false(p.has_point);
    /* a name of no place */
    p = resolve("The |Federal Reserve| raised rates.", 0);
    assert_false(p.has_point);
}

static void test_geo_hyphens_and_parties(void **state) {
    (void)state;
    /* "-based": the place before the hyphen */
    place p = resolve("The |Atlanta-based National Weather Service office| warned of storms "
                      "across [Georgia] and [Alabama].",
                      0);
    assert_true(p.has_point && p.lat > 33 && p.lat < 34.5 && p.lon > -85 && p.lon < -84);
    /* two neighbours joined: the place of the first near the second (North Carolina) */
    p = resolve("Flights into [Raleigh-Durham] were delayed.", 0);
    assert_true(p.has_point && p.lat > 35.5 && p.lat < 36.2 && p.lon > -79.2 && p.lon < -78.3);
    /* two that are not neighbours name no one place */
    p = resolve("The [Logan-Rogersville] district grew.", 0);
    assert_false(p.has_point);
    /* two countries joined name no one place */
    p = resolve("|Egyptian-US| relations were tense.", 0);
    assert_false(p.has_point);
    /* a state and a city in it: the city */
    p = resolve("She teaches at the |University of Wisconsin-Milwaukee|.", 0);
    assert_true(p.has_point && p.lat > 42.8 && p.lat < 43.3 && p.lon > -88.2 && p.lon < -87.7);
    /* a party and home state */
    p = resolve("Sen. Joe Smith, [D-N.Y.], voted no.", 0);
    assert_string_equal(p.country, "US");
    assert_true(p.has_point && p.lat > 40 && p.lat < 45.5 && p.lon > -80 && p.lon < -71.5);
}

static void test_geo_place_inside_a_place_name(void **state) {
    (void)state;
    /* a region of a state: the state's point, the name kept */
    place p = resolve("Storms moved across [Northeast Georgia] and hit [Gainesville], [Ga.].", 0);
    assert_string_equal(p.country, "US");
    assert_true(p.has_point && p.lon > -86 && p.lon < -80);
    assert_string_equal(p.canonical, "Northeast Georgia");
    /* a building named after its town */
    p = resolve("He was arrested at ^Paris City Hall^ in [Paris], [Texas].", 0);
    assert_string_equal(p.country, "US");
    assert_true(p.has_point && p.lon < -90);
    /* but not a road or a park named after a place, nor a sea */
    p = resolve("Crews closed ^Dublin Road^ in [Columbus].", 0);
    assert_false(p.has_point);
    p = resolve("Ships sailed the {South China Seas}.", 0);
    assert_false(p.has_point);
}

static void test_geo_qualified_name_keeps_its_place(void **state) {
    (void)state;
    /* "ATHENS, Ga." at the top: the police department and a later "Athens" are there */
    const char *text = "[ATHENS], [Ga.] - The |Athens Police Department| arrested a man. "
                       "He lives in [Athens].";
    place org = resolve(text, 2);
    assert_true(org.has_point && org.lat > 33.5 && org.lat < 34.5 && org.lon > -84 &&
                org.lon < -83);
    place later = resolve(text, 3);
    assert_true(later.has_point && later.lon > -84 && later.lon < -83);
    /* the qualified name may come after: it still holds for the whole text */
    place before = resolve("The |Athens Police Department| arrested a man in [Athens], [Ga.].", 0);
    assert_true(before.has_point && before.lon > -84 && before.lon < -83);
    /* a large place after "in" votes for its region though its name is a given name */
    place p = resolve("The stadium in [Arlington] is near [Dallas].", 0);
    assert_true(p.has_point && p.lon < -95);
    /* a qualifier that is a country and a US state: the one that holds the city */
    p = resolve("Officials in [Tbilisi], [Georgia], agreed.", 1);
    assert_string_equal(p.country, "GE");
}

static void test_geo_regions_of_every_country(void **state) {
    (void)state;
    place p = resolve("Floods hit [Bavaria] and [Punjab] this week.", 0);
    assert_string_equal(p.country, "DE");
    assert_true(p.has_point && p.lat > 47 && p.lat < 51);
    p = resolve("Floods hit [Bavaria] and [Punjab] this week.", 1);
    assert_true(p.has_point && p.lat > 29 && p.lat < 33);
    p = resolve("Police in [Cambridgeshire] appealed for witnesses.", 0);
    assert_string_equal(p.country, "GB");
    assert_true(p.has_point && p.lat > 52 && p.lat < 53);
    p = resolve("Schools in [Ontario] reopened, the premier of {Canada}'s largest province said.",
                0);
    assert_string_equal(p.country, "CA");
    /* a city beats the province of its name around it */
    p = resolve("Tourists crowded [Como] on Sunday.", 0);
    assert_string_equal(p.country, "IT");
    assert_true(p.has_point && p.lat > 45.7 && p.lat < 45.88);
}

static void test_geo_abbreviated_forms(void **state) {
    (void)state;
    /* "Mt." and "Ft." as news writes them */
    place p = resolve("Police in [Ft. Worth] said the road reopened.", 0);
    assert_true(p.has_point && p.lat > 32.5 && p.lat < 33 && p.lon > -97.6 && p.lon < -97);
    p = resolve("The council of [Mt. Pleasant], [S.C.], met on Monday.", 0);
    assert_true(p.has_point && p.lat > 32.5 && p.lat < 33.2 && p.lon > -80.2 && p.lon < -79.5);
}

static void test_geo_lookups(void **state) {
    (void)state;
    const uint32_t *cands;
    unsigned flags;
    size_t n = lede_geo_lookup("paris", 5, &cands, &flags);
    assert_true(n > 1 && n <= LEDE_GEO_MAX_CANDIDATES);
    lede_geo_place gp;
    assert_true(lede_geo_place_at(cands[0], &gp));
    assert_string_equal(gp.country, "FR"); /* the heaviest first */
    assert_int_equal(lede_geo_lookup("no such place", 13, &cands, &flags), 0);
    assert_int_equal(lede_geo_lookup(NULL, 0, &cands, &flags), 0);
    uint32_t fr = lede_geo_country("FR");
    assert_true(lede_geo_place_at(fr, &gp));
    assert_int_equal(gp.kind, LEDE_GEO_COUNTRY);
    assert_int_equal(lede_geo_country("ZZ"), LEDE_GEO_NO_PLACE);
    assert_false(lede_geo_place_at((uint32_t)lede_geo_count(), &gp));
    assert_true(lede_geo_within(cands[0], fr));
    /* every place's point is on the globe, every parent a real place */
    for (uint32_t i = 0; i < lede_geo_count(); i++) {
        assert_true(lede_geo_place_at(i, &gp));
        assert_true(gp.lat >= -90 && gp.lat <= 90 && gp.lon >= -180 && gp.lon <= 180);
        assert_true(gp.admin1 == LEDE_GEO_NO_PLACE || gp.admin1 < lede_geo_count());
    }
    lede_geo_query q;
    memset(&q, 0, sizeof q);
    q.country = q.qualifier = LEDE_GEO_NO_PLACE;
    assert_int_equal(lede_geo_resolve(NULL, &q), LEDE_GEO_NO_PLACE); /* no candidates */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_geo_capital_beats_namesakes),
        cmocka_unit_test(test_geo_document_pulls_to_its_country),
        cmocka_unit_test(test_geo_dateline_pulls_to_its_country),
        cmocka_unit_test(test_geo_city_then_state_or_country),
        cmocka_unit_test(test_geo_level_the_sentence_implies),
        cmocka_unit_test(test_geo_region_and_its_city),
        cmocka_unit_test(test_geo_common_words_need_context),
        cmocka_unit_test(test_geo_nearness),
        cmocka_unit_test(test_geo_leading_words_and_kinds),
        cmocka_unit_test(test_geo_organisation_named_after_a_place),
        cmocka_unit_test(test_geo_organisation_not_a_place),
        cmocka_unit_test(test_geo_hyphens_and_parties),
        cmocka_unit_test(test_geo_place_inside_a_place_name),
        cmocka_unit_test(test_geo_qualified_name_keeps_its_place),
        cmocka_unit_test(test_geo_regions_of_every_country),
        cmocka_unit_test(test_geo_abbreviated_forms),
        cmocka_unit_test(test_geo_lookups),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
