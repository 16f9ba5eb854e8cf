/*
 * test_article.c: the article reader of ext/corpus/article.h, one case per
 * rule on articles written for these tests in the style of scraped news
 * (titles repeated or missing, section labels, datelines, credits, site
 * boilerplate, front matter). Each case states the rule it pins.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "corpus/article.h"

#include <string.h>

typedef struct {
    const char *rule;
    const char *input;
    size_t n;
    const char *title, *published, *dateline, *source; /* NULL: expect NULL */
    const char *authors;
    const char *body;
    size_t words;
} article_case;

static const article_case cases[] = {
    {"a title repeated on the next line counts once; dateline PLACE (AGENCY) en dash",
     "Floods Displace Thousands in Central Vietnam\n\nFloods Displace Thousands in Central "
     "Vietnam\n\nHANOI (VNA) \xE2\x80\x93 Heavy rain over the weekend forced more than 12,000 "
     "people from their homes in three provinces, officials said on Monday.\n\nRescue teams used "
     "boats to reach villages cut off by the water.\n",
     295, "Floods Displace Thousands in Central Vietnam", NULL, "HANOI", "VNA", "[]",
     "Heavy rain over the weekend forced more than 12,000 people from their homes in three "
     "provinces, officials said on Monday.\n\nRescue teams used boats to reach villages cut off by "
     "the water.",
     32},
    {"a section label before a title is not the title",
     "World News\n\nChile Elects New President After Tight Runoff\n\n\nVoters in Chile chose a "
     "former senator as president on Sunday after a close second round.\n\nTurnout was the highest "
     "in a decade.\n",
     188, "Chile Elects New President After Tight Runoff", NULL, NULL, NULL, "[]",
     "Voters in Chile chose a former senator as president on Sunday after a close second "
     "round.\n\nTurnout was the highest in a decade.",
     23},
    {"a long first line ending in a period is body, not a title",
     "The central bank of Norway raised its key rate by a quarter point on Thursday, citing "
     "persistent inflation in services.\nEconomists had expected the move.\nThe krone rose after "
     "the decision.\n",
     189, NULL, NULL, NULL, NULL, "[]",
     "The central bank of Norway raised its key rate by a quarter point on Thursday, citing "
     "persistent inflation in services.\nEconomists had expected the move.\nThe krone rose after "
     "the decision.",
     31},
    {"loading\xE2\x80\xA6 is boilerplate; a trailing PHOTO/ credit leaves the title; CAPS dateline",
     "loading\xE2\x80\xA6\nNew Dam Opens on Mekong River. PHOTO/AFP\nVIENTIANE \xE2\x80\x93 "
     "Officials opened a hydropower dam on the Mekong on Tuesday.\nFishermen downstream fear for "
     "their catch.\n",
     169, "New Dam Opens on Mekong River", NULL, "VIENTIANE", NULL, "[]",
     "Officials opened a hydropower dam on the Mekong on Tuesday.\nFishermen downstream fear for "
     "their catch.",
     16},
    {"a trailing (Photo: ...) credit leaves the title",
     "Rescue Teams Reach Quake Zone (Photo: Reuters/Some One)\n\nRescue teams reached the "
     "worst-hit villages on Friday.\n",
     112, "Rescue Teams Reach Quake Zone", NULL, NULL, NULL, "[]",
     "Rescue teams reached the worst-hit villages on Friday.", 8},
    {"a first line running on into the next is body, not a title",
     "The prime minister said on Monday that the\ngovernment would lower fuel taxes before the "
     "winter.\n\nThe opposition called it too little.\n",
     134, NULL, NULL, NULL, NULL, "[]",
     "The prime minister said on Monday that the\ngovernment would lower fuel taxes before the "
     "winter.\n\nThe opposition called it too little.",
     22},
    {"date YYYY-MM-DD and (MENAFN- Name (ABBR)) give published and source; (end) leaves",
     " date 2024-03-12 (MENAFN- Gulf Times (GT)) DOHA, March 12 (QNA) -- Qatar's cabinet approved "
     "a draft law on water use on Tuesday.\n\nThe law sets limits for farms. (end)\n\n",
     168, NULL, "2024-03-12", "DOHA", "Gulf Times (GT)", "[]",
     "Qatar's cabinet approved a draft law on water use on Tuesday.\n\nThe law sets limits for "
     "farms.",
     18},
    {"a dateline date with a year is the published date",
     "NAIROBI, Feb. 3, 2024 (Xinhua) -- Kenya opened a new rail link to Uganda on Saturday.\n\nThe "
     "line carries freight and passengers.\n",
     128, NULL, "2024-02-03", "NAIROBI", "Xinhua", "[]",
     "Kenya opened a new rail link to Uganda on Saturday.\n\nThe line carries freight and "
     "passengers.",
     16},
    {"a Source: credit wins over the dateline agency; place with region",
     "Bandung, West Java (ANTARA) - The provincial government planted 5,000 trees along the "
     "river.\n\nVolunteers joined the effort.\n\nSource: Xinhua\n",
     140, NULL, NULL, "Bandung, West Java", "Xinhua", "[]",
     "The provincial government planted 5,000 trees along the river.\n\nVolunteers joined the "
     "effort.",
     13},
    {"a capitalised word without agency, date or separator is no dateline",
     "Paris officials said the museum would reopen in May.\nRepairs took two years.\n", 77, NULL,
     NULL, NULL, NULL, "[]",
     "Paris officials said the museum would reopen in May.\nRepairs took two years.", 13},
    {"CAPS \xE2\x80\x94 dateline; source: www... is a web-address source",
     "BRUSSELS \xE2\x80\x94 The European Commission proposed new rules for batteries on "
     "Wednesday.\nIndustry groups welcomed the plan.\nsource: www.example-news.com\n",
     148, NULL, NULL, "BRUSSELS", "www.example-news.com", "[]",
     "The European Commission proposed new rules for batteries on Wednesday.\nIndustry groups "
     "welcomed the plan.",
     15},
    {"as quoted by AP is not a source credit",
     "Port Reopens After Strike\n\nThe port reopened on Monday, a spokesman said, as quoted by "
     "AP.\n\nShips had waited for a week.\n",
     121, "Port Reopens After Strike", NULL, NULL, NULL, "[]",
     "The port reopened on Monday, a spokesman said, as quoted by AP.\n\nShips had waited for a "
     "week.",
     18},
    {"front matter wins: title, date, source, authors; repeated title and byline leave",
     "---\ntitle: \"Lagos Opens Its First Metro Line\"\ndate: 2024-09-02\nsource: Example "
     "Wire\nauthors: [Ada Obi, Tunde Bello]\n---\nLagos Opens Its First Metro Line\n\nLAGOS (EW) - "
     "The first metro line in Lagos opened to the public on Monday.\n\nBy Sam Other\n",
     243, "Lagos Opens Its First Metro Line", "2024-09-02", "LAGOS", "Example Wire",
     "[\"Ada Obi\",\"Tunde Bello\"]",
     "The first metro line in Lagos opened to the public on Monday.", 12},
    {"front matter authors as - lines",
     "---\ntitle: Tide Energy Plans\nauthors:\n  - Mina Park\n  - Leo Grant\n---\nThe company "
     "plans to build tidal turbines off the coast by 2027.\n",
     135, "Tide Energy Plans", NULL, NULL, NULL, "[\"Mina Park\",\"Leo Grant\"]",
     "The company plans to build tidal turbines off the coast by 2027.", 12},
    {"By A and B; A and B contributed to this report",
     "Storm Closes Schools Across Region\n\nBy Maria Santos and Kenji Watanabe\n\nSchools closed "
     "on Tuesday as a storm brought heavy snow.\n\nLena Fischer and Omar Haddad contributed to "
     "this report.\n",
     187, "Storm Closes Schools Across Region", NULL, NULL, NULL,
     "[\"Maria Santos\",\"Kenji Watanabe\",\"Lena Fischer\",\"Omar Haddad\"]",
     "Schools closed on Tuesday as a storm brought heavy snow.", 10},
    {"(Reporting by A in Place and B; Editing by C)",
     "Brazil Cuts Interest Rate\n\nBRASILIA (Reuters) - Brazil's central bank cut its benchmark "
     "rate on Wednesday.\n\n(Reporting by Ana Lima in Brasilia and Joao Souza; Editing by Paul "
     "Grant)\n",
     182, "Brazil Cuts Interest Rate", NULL, "BRASILIA", "Reuters",
     "[\"Ana Lima\",\"Joao Souza\",\"Paul Grant\"]",
     "Brazil's central bank cut its benchmark rate on Wednesday.", 10},
    {"each author once; an agency code in a byline is not an author",
     "Farmers Protest Import Rules\n\nBy Ana Lima, AFP\n\nFarmers blocked roads on "
     "Monday.\n\n(Reporting by Ana Lima; Editing by Ruth Mensah)\n",
     130, "Farmers Protest Import Rules", NULL, NULL, NULL, "[\"Ana Lima\",\"Ruth Mensah\"]",
     "Farmers blocked roads on Monday.", 5},
    {"Also read, Read also, Baca, Baca juga, Source link, Leave a Reply, Akismet leave",
     "Solar Farm Approved\n\nThe council approved a solar farm on Thursday.\n\nAlso read: Wind "
     "farm plans stall again\n\nRead also: Council election results\n\nBaca: Harga listrik "
     "naik\n\nBaca juga: Panel surya murah\n\nThe farm will power 20,000 homes.\n\nSource "
     "link\n\nLeave a Reply\n\nThis site uses Akismet to reduce spam. Learn how your comment data "
     "is processed.\n",
     346, "Solar Farm Approved", NULL, NULL, NULL, "[]",
     "The council approved a solar farm on Thursday.\n\nThe farm will power 20,000 homes.", 14},
    {"a related headline among footer credits leaves; Translator:, Editor:",
     "Ministers Meet in Jakarta\n\nJAKARTA (ANTARA) - Ministers from ten countries met on "
     "Monday.\n\nThey agreed to meet again next year.\n\nSource: Antara\n\nAlso read: ASEAN summit "
     "ends\n\nRegional trade talks resume next month\n\nTranslator: Rina Putri\nEditor: Budi "
     "Santoso\n\nSource link\n",
     272, "Ministers Meet in Jakarta", NULL, "JAKARTA", "Antara",
     "[\"Rina Putri\",\"Budi Santoso\"]",
     "Ministers from ten countries met on Monday.\n\nThey agreed to meet again next year.", 14},
    {"dates inside paragraphs are not publication dates",
     "Bridge Repairs Finish Early\n\nWorkers finished repairs on the old bridge, officials said on "
     "Wednesday (14/2/2024).\n\nOn January 5, 2024, the ministry had promised the work would end "
     "in March.\n",
     190, "Bridge Repairs Finish Early", NULL, NULL, NULL, "[]",
     "Workers finished repairs on the old bridge, officials said on Wednesday (14/2/2024).\n\nOn "
     "January 5, 2024, the ministry had promised the work would end in March.",
     26},
    {"a Published: date line under the title",
     "Rail Strike Called Off\n\nPublished: March 3, 2024 10:15 GMT\n\nUnions called off a planned "
     "rail strike after talks on Sunday.\n",
     123, "Rail Strike Called Off", "2024-03-03", NULL, NULL, "[]",
     "Unions called off a planned rail strike after talks on Sunday.", 11},
    {"an unambiguous D/M/YYYY date in a credit line",
     "Harbour Festival Draws Crowds\n\nThousands attended the harbour festival on "
     "Saturday.\n\nSource: Antara (14/2/2024)\n",
     112, "Harbour Festival Draws Crowds", "2024-02-14", NULL, "Antara", "[]",
     "Thousands attended the harbour festival on Saturday.", 7},
    {"an ambiguous numeric date is read as nothing",
     "Harbour Festival Draws Crowds\n\nThousands attended the harbour festival on "
     "Saturday.\n\nSource: Antara (3/4/2024)\n",
     111, "Harbour Festival Draws Crowds", NULL, NULL, "Antara", "[]",
     "Thousands attended the harbour festival on Saturday.", 7},
    {"BOM dropped, CRLF read as LF",
     "\xEF\xBB\xBFGrain Deal Extended\r\n\r\nThe grain deal was extended by 60 days.\r\nShipping "
     "resumed at once.\r\n",
     94, "Grain Deal Extended", NULL, NULL, NULL, "[]",
     "The grain deal was extended by 60 days.\nShipping resumed at once.", 12},
    {"ill-formed UTF-8 reads as U+FFFD",
     "Caf\xE9 Owners Protest\n\nOwners of caf\xE9s marched on Friday.\n", 56,
     "Caf\xEF\xBF\xBD Owners Protest", NULL, NULL, NULL, "[]",
     "Owners of caf\xEF\xBF\xBDs marched on Friday.", 7},
    {"an empty file", "", 0, NULL, NULL, NULL, NULL, "[]", "", 0},
    {"an impossible date is no date (and stays as text)",
     "Ceasefire Talks Resume\n\nFebruary 30, 2024\n\nTalks resumed on Monday.\n", 68,
     "Ceasefire Talks Resume", NULL, NULL, NULL, "[]",
     "February 30, 2024\n\nTalks resumed on Monday.", 7},
    {"a short sentence-case line ending in a period is no title",
     "Officials say the talks went well.\n\nMore talks are planned.\n", 60, NULL, NULL, NULL, NULL,
     "[]", "Officials say the talks went well.\n\nMore talks are planned.", 10},
    {"a title-cased line ending in a period is a title",
     "Officials Say Talks Went Well.\n\nMore talks are planned for next week.\n", 70,
     "Officials Say Talks Went Well.", NULL, NULL, NULL, "[]",
     "More talks are planned for next week.", 7},
    {"By Monday, ... is prose, not a byline",
     "Markets Rally on Rate Hopes\n\nBy Monday, officials had agreed to the plan.\n\nStocks "
     "rose.\n",
     88, "Markets Rally on Rate Hopes", NULL, NULL, NULL, "[]",
     "By Monday, officials had agreed to the plan.\n\nStocks rose.", 10},
    {"a Photo: credit line leaves the body",
     "Museum Returns Bronze Statues\n\nThe museum returned 12 bronze statues on Monday.\n\nPhoto: "
     "Museum handout\n\nThe statues were taken in 1897.\n",
     136, "Museum Returns Bronze Statues", NULL, NULL, NULL, "[]",
     "The museum returned 12 bronze statues on Monday.\n\nThe statues were taken in 1897.", 14},
    {"a trailing (ak/sr) code leaves the last paragraph",
     "Water Prices Rise\n\nWater prices rose 4% in 2024.\n\nOfficials blamed the drought. "
     "(ak/sr)\n",
     88, "Water Prices Rise", NULL, NULL, NULL, "[]",
     "Water prices rose 4% in 2024.\n\nOfficials blamed the drought.", 10},
    {"an (esn) line at the end leaves", "Port Talks\n\nThe talks ended. \n(esn)\n", 36,
     "Port Talks", NULL, NULL, NULL, "[]", "The talks ended.", 3},
    {"a word in brackets at the end is content, not an agency code",
     "Cup Draw Made\n\nThe club has lifted the trophy before.\n(twice)\n", 62, "Cup Draw Made", NULL,
     NULL, NULL, "[]", "The club has lifted the trophy before.\n(twice)", 8},
    {"lines of a paragraph stay, blank lines collapse to one",
     "First paragraph line one.\nFirst paragraph line two.\n\n\n\nSecond paragraph.\n", 73, NULL,
     NULL, NULL, NULL, "[]",
     "First paragraph line one.\nFirst paragraph line two.\n\nSecond paragraph.", 10},
    {"a 7 January 2025 date line under the title",
     "Title Before Date\n\n7 January 2025\n\nSomething happened today in the city.\n", 73,
     "Title Before Date", "2025-01-07", NULL, NULL, "[]", "Something happened today in the city.",
     6},
    {"a January 7th, 2025 date line",
     "Another Title\n\nJanuary 7th, 2025\n\nSomething else happened today.\n", 65, "Another Title",
     "2025-01-07", NULL, NULL, "[]", "Something else happened today.", 4},
    {"MENAFN credit without a date prefix",
     "(MENAFN- The Daily Example) MANILA, Jan 9 (PNA) -- The senate passed the budget on "
     "Thursday.\n",
     93, NULL, NULL, "MANILA", "The Daily Example", "[]",
     "The senate passed the budget on Thursday.", 7},
    {"a dateline alone on its line",
     "Senate Passes Budget\n\nWASHINGTON \xE2\x80\x94\nThe Senate passed the budget late on "
     "Thursday.\n",
     84, "Senate Passes Budget", NULL, "WASHINGTON", NULL, "[]",
     "The Senate passed the budget late on Thursday.", 8},
    {"label, then a repeated title",
     "Business\n\nAcme Shares Jump After Earnings Beat\n\nAcme Shares Jump After Earnings "
     "Beat\n\nShares of Acme rose 8% on Friday.\n",
     120, "Acme Shares Jump After Earnings Beat", NULL, NULL, NULL, "[]",
     "Shares of Acme rose 8% on Friday.", 7},
    {"a line of more than 25 words is no title",
     "This line is a very long first line with many words but without any final punctuation mark "
     "at all so it cannot be a title line\n\nSecond paragraph.\n",
     146, NULL, NULL, NULL, NULL, "[]",
     "This line is a very long first line with many words but without any final punctuation mark "
     "at all so it cannot be a title line\n\nSecond paragraph.",
     28},
    {"NEW YORK, Jan. 8, 2025 /PRNewswire/ -- press release dateline",
     "NEW YORK, Jan. 8, 2025 /PRNewswire/ -- Example Corp. announced a new product today.\n", 84,
     NULL, "2025-01-08", "NEW YORK", "PRNewswire", "[]",
     "Example Corp. announced a new product today.", 7},
    {"Read more: leaves; Sources: credit",
     "Dam Levels Fall\n\nDam levels fell to 30 percent.\n\nRead more: Drought hits "
     "farms\n\nSources: Ministry of Water\n",
     107, "Dam Levels Fall", NULL, NULL, "Ministry of Water", "[]",
     "Dam levels fell to 30 percent.", 6},
    {"front matter authors as a comma string, date in words",
     "---\ntitle: Comma Authors\nauthors: Kim Lee, Sara Nunez\ndate: January 9, 2025\n---\nComma "
     "Authors\n\nText of the story goes here.\n",
     124, "Comma Authors", "2025-01-09", NULL, NULL, "[\"Kim Lee\",\"Sara Nunez\"]",
     "Text of the story goes here.", 6},
    {"an unclosed --- block is text, not front matter",
     "---\ntitle: Not closed\n\nA story that starts with three dashes but never closes them.\n", 84,
     NULL, NULL, NULL, NULL, "[]",
     "---\ntitle: Not closed\n\nA story that starts with three dashes but never closes them.", 14},
    {"front matter opens on the text's very first line: an indented --- is text",
     "  ---\ntitle: Indented Fence\n---\nThe ferry strike ended on Monday after two weeks.\n", 82,
     NULL, NULL, NULL, NULL, "[]",
     "---\ntitle: Indented Fence\n---\nThe ferry strike ended on Monday after two weeks.", 12},
    {"front matter opens on the text's very first line: NUL bytes before --- make it text",
     "\0\0---\ntitle: After Nul Bytes\n---\nThe ferry strike ended on Monday after two weeks.\n",
     83, NULL, NULL, NULL, NULL, "[]",
     "---\ntitle: After Nul Bytes\n---\nThe ferry strike ended on Monday after two weeks.", 13},
    {"a Posted on date line after the last paragraph",
     "Council Votes on Budget\n\nThe council voted on the budget on Tuesday.\n\nPosted on January "
     "7, 2025\n\nLeave a Reply\n",
     111, "Council Votes on Budget", "2025-01-07", NULL, NULL, "[]",
     "The council voted on the budget on Tuesday.", 8},
    {"a dateline agency wins over a web-address source",
     "TOKYO (Kyodo) - Japan and Australia signed a defence pact on Friday.\n\nsource: "
     "www.example.com\n",
     94, NULL, NULL, "TOKYO", "Kyodo", "[]", "Japan and Australia signed a defence pact on Friday.",
     9},
    /* issue 14 */
    {"a headline opening with a lower-case brand is the title",
     "iPad sales slow in Europe\n\nShipments of the tablet fell for a third quarter, a market "
     "research firm said on Tuesday.\n\nPrices were cut in May.\n",
     142, "iPad sales slow in Europe", NULL, NULL, NULL, "[]",
     "Shipments of the tablet fell for a third quarter, a market research firm said on "
     "Tuesday.\n\nPrices were cut in May.",
     21},
    {"a headline opening with a lower-case word is the title",
     "e-scooter rules tightened in Madrid\n\nThe city council voted on Wednesday to cap the "
     "number of rental scooters at 6,000.\n",
     120, "e-scooter rules tightened in Madrid", NULL, NULL, NULL, "[]",
     "The city council voted on Wednesday to cap the number of rental scooters at 6,000.", 15},
    {"a last line in capitals with a word in brackets is content, not an agency code",
     "Village Fair Draws Crowds\n\nThe fair ran for three days and raised money for the "
     "school.\n\nPAST CHAMPIONS (twice)\n",
     112, "Village Fair Draws Crowds", NULL, NULL, NULL, "[]",
     "The fair ran for three days and raised money for the school.\n\nPAST CHAMPIONS (twice)", 15},
    {"an agency code after the last sentence is cut",
     "Port Reopens After Strike\n\nDock workers returned on Monday after a week-long strike. "
     "(ak/sr)\n",
     93, "Port Reopens After Strike", NULL, NULL, NULL, "[]",
     "Dock workers returned on Monday after a week-long strike.", 9},
    {"Editor: alone",
     "Storm Warning Issued\n\nA storm warning was issued on Monday.\n\nEditor: Dewi Lestari\n", 82,
     "Storm Warning Issued", NULL, NULL, NULL, "[\"Dewi Lestari\"]",
     "A storm warning was issued on Monday.", 7},
};

static void check_field(const char *rule, const char *field, lede_corpus_text got,
                        const char *want) {
    if (!want && got.s)
        fail_msg("%s: %s is \"%.*s\", expected NULL", rule, field, (int)got.n, got.s);
    if (want && !got.s)
        fail_msg("%s: %s is NULL, expected \"%s\"", rule, field, want);
    if (want && (got.n != strlen(want) || memcmp(got.s, want, got.n) != 0))
        fail_msg("%s: %s is \"%.*s\", expected \"%s\"", rule, field, (int)got.n, got.s, want);
}

static void test_article_rules_table(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const article_case *c = &cases[k];
        assert_int_equal(lede_corpus_article_parse(&a, c->input, c->n), LEDE_OK);
        check_field(c->rule, "title", a.title, c->title);
        check_field(c->rule, "published", a.published, c->published);
        check_field(c->rule, "dateline", a.dateline, c->dateline);
        check_field(c->rule, "source", a.source, c->source);
        check_field(c->rule, "authors", a.authors, c->authors);
        check_field(c->rule, "body", a.body, c->body);
        if (lede_corpus_article_words(&a) != c->words)
            fail_msg("%s: %zu words, expected %zu", c->rule, lede_corpus_article_words(&a),
                     c->words);
    }
    lede_corpus_article_free(&a);
}

static void test_article_words_counts_word_and_number_tokens(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    /* Japan 's GDP rose 3.5 in 2024 officials said: % , . are not words */
    const char *s = "Japan's GDP rose 3.5% in 2024, officials said.";
    assert_int_equal(lede_corpus_article_parse(&a, s, strlen(s)), LEDE_OK);
    assert_int_equal(lede_corpus_article_words(&a), 9);
    lede_corpus_article_free(&a);
}

static void test_article_escapes_authors_as_json(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    const char *s = "---\nauthors: [Jo \"JJ\" Smith, A\\B]\n---\nText.\n";
    assert_int_equal(lede_corpus_article_parse(&a, s, strlen(s)), LEDE_OK);
    check_field("json", "authors", a.authors, "[\"Jo \\\"JJ\\\" Smith\",\"A\\\\B\"]");
    lede_corpus_article_free(&a);
}

static void test_article_reuses_its_buffers(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    char big[20000];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = i % 80 == 79 ? '\n' : "Words of a long story. "[i % 23];
    assert_int_equal(lede_corpus_article_parse(&a, big, sizeof big), LEDE_OK);
    const char *small = "Short Title Here\n\nBy Jane Roe\n\nShort body.\n";
    assert_int_equal(lede_corpus_article_parse(&a, small, strlen(small)), LEDE_OK);
    check_field("reuse", "title", a.title, "Short Title Here");
    check_field("reuse", "authors", a.authors, "[\"Jane Roe\"]");
    check_field("reuse", "body", a.body, "Short body.");
    lede_corpus_article_free(&a);
}

static void test_article_never_reads_past_its_input(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    /* every prefix of a credit-heavy text, each in its own exact-size allocation */
    const char *s = "Title Line Here\n\nBy Ann Lee\n\nTOKYO, Jan 7, 2025 (KUNA) -- Text. (end)\n"
                    "Source: X (1/13/2025)\n(Reporting by B C; Editing by D E)";
    size_t n = strlen(s);
    for (size_t m = 0; m <= n; m++) {
        char *copy = test_malloc(m ? m : 1);
        memcpy(copy, s, m);
        assert_int_equal(lede_corpus_article_parse(&a, copy, m), LEDE_OK);
        test_free(copy);
    }
    check_field("prefixes", "published", a.published, "2025-01-07");
    lede_corpus_article_free(&a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_article_rules_table),
        cmocka_unit_test(test_article_words_counts_word_and_number_tokens),
        cmocka_unit_test(test_article_escapes_authors_as_json),
        cmocka_unit_test(test_article_reuses_its_buffers),
        cmocka_unit_test(test_article_never_reads_past_its_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
