/*
 * test_html.c: the page reader of ext/corpus/html.h on pages written for
 * these tests in the style of news and blog sites (menus, share bars,
 * related stories, comments, cookie notices, JSON-LD and meta tags).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "corpus/html.h"

#include <string.h>

static void check(const char *what, lede_corpus_text got, const char *want) {
    if (!want) {
        if (got.s)
            fail_msg("%s: expected NULL, got \"%.*s\"", what, (int)got.n, got.s);
        return;
    }
    if (!got.s)
        fail_msg("%s: expected \"%s\", got NULL", what, want);
    if (got.n != strlen(want) || memcmp(got.s, want, got.n) != 0)
        fail_msg("%s:\n expected \"%s\"\n got      \"%.*s\"", what, want, (int)got.n, got.s);
}

static int contains(lede_corpus_text t, const char *w) {
    size_t wn = strlen(w);
    for (size_t i = 0; t.s && i + wn <= t.n; i++)
        if (memcmp(t.s + i, w, wn) == 0)
            return 1;
    return 0;
}

/* A news page: the article among a menu, a share bar, related stories, comments and a footer. */
static const char news_page[] =
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
    "<title>Harbour Bridge Reopens After Repairs | The Coastal Herald</title>\n"
    "<meta property=\"og:site_name\" content=\"The Coastal Herald\">\n"
    "<meta property=\"og:title\" content=\"Harbour Bridge Reopens After Repairs\">\n"
    "<meta property=\"article:published_time\" content=\"2025-03-14T08:30:00+00:00\">\n"
    "<link rel=\"canonical\" href=\"https://herald.example/news/2025/03/14/bridge-reopens\">\n"
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
    "{\"@type\":\"WebSite\",\"name\":\"Coastal Herald\"},"
    "{\"@type\":\"NewsArticle\",\"headline\":\"Harbour Bridge Reopens After Repairs\","
    "\"datePublished\":\"2025-03-14T08:30:00Z\",\"author\":[{\"@type\":\"Person\",\"name\":"
    "\"Mara Quinlan\"},{\"@type\":\"Person\",\"name\":\"Tom\\u00e1s Reyes\"}],"
    "\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Coastal Herald\"}}]}</script>\n"
    "<style>.share{display:flex}</style></head>\n<body>\n"
    "<header class=\"site-header\"><a href=\"/\">The Coastal Herald</a>"
    "<nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li>"
    "<li><a href=\"/opinion\">Opinion</a></li></ul></nav></header>\n"
    "<div id=\"cookie-banner\">We use cookies to improve your experience. <button>Accept</button></div>\n"
    "<main><article class=\"story\">\n<h1>Harbour Bridge Reopens After Repairs</h1>\n"
    "<div class=\"byline\">By Mara Quinlan and Tom\xC3\xA1s Reyes</div>\n"
    "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a></div>\n"
    "<div class=\"story-body\">\n"
    "<p>PORT ELLIS \xE2\x80\x93 The harbour bridge reopened to traffic on Friday morning, six "
    "months after engineers closed it to replace corroded cables, the city council said.</p>\n"
    "<p>About 40,000 vehicles crossed the bridge each day before the closure, and businesses on "
    "the northern shore said their trade had fallen by a third while it was shut.</p>\n"
    "<h2>Cost of the work</h2>\n"
    "<p>The repairs cost 85 million dollars, the council said, 12 million more than planned, "
    "because of delays in the delivery of steel from overseas suppliers.</p>\n"
    "<ul><li>New cables on both towers</li><li>A wider footpath for cyclists</li></ul>\n"
    "<p>Ferry operators, who carried extra passengers during the closure, said they would cut "
    "services back to the winter timetable next week.</p>\n"
    "</div>\n"
    "<aside class=\"related\"><h3>Related stories</h3><ul>"
    "<li><a href=\"/a\">Council approves bridge budget</a></li>"
    "<li><a href=\"/b\">Ferry fares to rise in spring</a></li></ul></aside>\n"
    "</article></main>\n"
    "<section id=\"comments\"><h3>Comments</h3><p>Great news for everyone who lives north of the "
    "river, finally we can drive to work again.</p></section>\n"
    "<div class=\"newsletter-signup\"><p>Subscribe to our newsletter for the latest news, "
    "delivered every morning to your inbox.</p></div>\n"
    "<footer><p>\xC2\xA9 2025 The Coastal Herald. All rights reserved.</p></footer>\n"
    "<script>window.dataLayer = [];</script>\n</body></html>\n";

static void test_html_news_page(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    assert_int_equal(lede_corpus_html_parse(&a, news_page, sizeof news_page - 1), LEDE_OK);
    check("title", a.title, "Harbour Bridge Reopens After Repairs");
    check("published", a.published, "2025-03-14");
    check("source", a.source, "The Coastal Herald");
    check("authors", a.authors, "[\"Mara Quinlan\",\"Tom\xC3\xA1s Reyes\"]");
    check("url", a.url, "https://herald.example/news/2025/03/14/bridge-reopens");
    check("dateline", a.dateline, "PORT ELLIS");
    check("body", a.body,
          "The harbour bridge reopened to traffic on Friday morning, six months after engineers "
          "closed it to replace corroded cables, the city council said.\n\n"
          "About 40,000 vehicles crossed the bridge each day before the closure, and businesses on "
          "the northern shore said their trade had fallen by a third while it was shut.\n\n"
          "Cost of the work\n\n"
          "The repairs cost 85 million dollars, the council said, 12 million more than planned, "
          "because of delays in the delivery of steel from overseas suppliers.\n\n"
          "New cables on both towers\nA wider footpath for cyclists\n\n"
          "Ferry operators, who carried extra passengers during the closure, said they would cut "
          "services back to the winter timetable next week.");
    lede_corpus_article_free(&a);
}

static void test_html_sniff(void **state) {
    (void)state;
    static const char *const yes[] = {"<!DOCTYPE html><html>", "\xEF\xBB\xBF  \n<html lang=en>",
                                      "<!-- saved page -->\n<HTML>", "<head><title>x</title>",
                                      "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C\">",
                                      "<body><p>hi</p></body>", NULL};
    static const char *const no[] = {"", "Plain text about <html> tags.", "<header>not a page",
                                     "{\"title\": \"<html>\"}", "   ", "<p>a fragment</p>", NULL};
    for (size_t i = 0; yes[i]; i++)
        if (!lede_corpus_html_sniff(yes[i], strlen(yes[i])))
            fail_msg("sniff should say yes: %s", yes[i]);
    for (size_t i = 0; no[i]; i++)
        if (lede_corpus_html_sniff(no[i], strlen(no[i])))
            fail_msg("sniff should say no: %s", no[i]);
}

static void test_html_empty_and_plain(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    assert_int_equal(lede_corpus_html_parse(&a, "", 0), LEDE_OK);
    check("empty body", a.body, "");
    check("empty authors", a.authors, "[]");
    check("empty title", a.title, NULL);
    check("empty url", a.url, NULL);
    const char *s = "just some words, no markup at all";
    assert_int_equal(lede_corpus_html_parse(&a, s, strlen(s)), LEDE_OK);
    assert_true(contains(a.body, "just some words"));
    check("plain authors", a.authors, "[]");
    lede_corpus_article_free(&a);
}

/* Reuse: a second page parsed into the same article leaves nothing of the first. */
static void test_html_reuses_buffers(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    assert_int_equal(lede_corpus_html_parse(&a, news_page, sizeof news_page - 1), LEDE_OK);
    const char *p = "<html><head><title>Short note</title></head><body><p>One line.</p></body></html>";
    assert_int_equal(lede_corpus_html_parse(&a, p, strlen(p)), LEDE_OK);
    check("title", a.title, "Short note");
    check("published", a.published, NULL);
    check("source", a.source, NULL);
    check("authors", a.authors, "[]");
    check("url", a.url, NULL);
    check("body", a.body, "One line.");
    lede_corpus_article_free(&a);
}


/* A blog page: the headline in an h1 of its own, a byline in a span, the date only in the URL,
   a title with the site name at its start, entities left in og:title, a sidebar of links. */
static const char blog_page[] =
    "<html><head><title>Greenfield Notes - Why the Allotment Waiting List Keeps Growing</title>\n"
    "<meta property=\"og:title\" content=\"Why the Allotment Waiting List Keeps Growing &#8211; "
    "Greenfield Notes\">\n"
    "<meta property=\"og:site_name\" content=\"Greenfield Notes\">\n"
    "<meta property=\"og:url\" content=\"https://notes.example/2024/06/30/allotments/\">\n"
    "</head><body><div id=\"page\"><div class=\"sidebar\"><h3>Archives</h3><ul>"
    "<li><a href=\"/2024/05\">May 2024</a></li><li><a href=\"/2024/04\">April 2024</a></li>"
    "<li><a href=\"/2024/03\">March 2024</a></li></ul></div>\n"
    "<div class=\"entry\"><h1>Why the Allotment Waiting List Keeps Growing</h1>\n"
    "<span class=\"author\">Written by <a href=\"/about\">Priya Nandakumar</a> | June 30</span>\n"
    "<p>There are now more than 300 names on the waiting list for the town's allotments, twice "
    "as many as five years ago, and the council has no land to offer.</p>\n"
    "<p>Some tenants have held their plots for decades, and the rules let them pass a plot to a "
    "relative, so few plots ever come free.</p>\n"
    "<div class=\"post-tags\"><a href=\"/t/1\">gardens</a> <a href=\"/t/2\">council</a></div>\n"
    "</div></div></body></html>\n";

static void test_html_blog_page(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    assert_int_equal(lede_corpus_html_parse(&a, blog_page, sizeof blog_page - 1), LEDE_OK);
    check("title", a.title, "Why the Allotment Waiting List Keeps Growing");
    check("published", a.published, "2024-06-30");
    check("source", a.source, "Greenfield Notes");
    check("authors", a.authors, "[\"Priya Nandakumar\"]");
    check("url", a.url, "https://notes.example/2024/06/30/allotments/");
    check("dateline", a.dateline, NULL);
    check("body", a.body,
          "There are now more than 300 names on the waiting list for the town's allotments, twice "
          "as many as five years ago, and the council has no land to offer.\n\n"
          "Some tenants have held their plots for decades, and the rules let them pass a plot to a "
          "relative, so few plots ever come free.");
    lede_corpus_article_free(&a);
}

/* An unclosed <header> (HTML 4 parsers then nest the page in it) still gives the article, and a
   JSON-LD author given by @id is looked up. */
static const char unclosed_header_page[] =
    "<!DOCTYPE html><html><head><title>Mill Closure Hits Town | Ridge Gazette</title>\n"
    "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"Person\",\"@id\":\"#p1\","
    "\"name\":\"Owen Hale\"},{\"@type\":\"Article\",\"headline\":\"Mill Closure Hits Town\","
    "\"author\":{\"@id\":\"#p1\"},\"datePublished\":\"2023-10-05\"}]}</script>\n"
    "</head><body><header class=\"top\"><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a>"
    "</nav>\n<div class=\"content\">"
    "<p>The paper mill on the river will close in March, its owner said on Thursday, ending 140 "
    "years of papermaking in the town and putting 260 jobs at risk.</p>\n"
    "<p>The company blamed energy prices and falling demand for printing paper, and said it would "
    "move some production to a newer plant in the north.</p>\n"
    "<p>Union officials said they would ask the regional government to look for a buyer, as it "
    "did when the brewery closed in 2019.</p>\n"
    "<p>Shops near the mill gates said most of their trade came from its workers, and some "
    "feared they would have to close as well.</p>\n"
    "</div></body></html>\n";

static void test_html_unclosed_header(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    assert_int_equal(
        lede_corpus_html_parse(&a, unclosed_header_page, sizeof unclosed_header_page - 1), LEDE_OK);
    check("title", a.title, "Mill Closure Hits Town");
    check("authors", a.authors, "[\"Owen Hale\"]");
    check("published", a.published, "2023-10-05");
    assert_true(contains(a.body, "The paper mill on the river will close in March"));
    assert_true(contains(a.body, "some feared they would have to close as well."));
    assert_false(contains(a.body, "Home"));
    lede_corpus_article_free(&a);
}

/* Bytes that are not UTF-8 read as U+FFFD, never passed through. */
static void test_html_ill_formed_utf8(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    const char p[] = "<html><body><p>Caf\xE9 prices rose again in the old town this week, owners "
                     "said.</p></body></html>";
    assert_int_equal(lede_corpus_html_parse(&a, p, sizeof p - 1), LEDE_OK);
    check("body", a.body,
          "Caf\xEF\xBF\xBD prices rose again in the old town this week, owners said.");
    lede_corpus_article_free(&a);
}

/* A page builder's article: each part in its own row of wrappers inside <main>, the credits (a
   paragraph of linked names, many commas) scoring best alone; all the rows are the article. */
static const char rows_page[] =
    "<html><head><title>How the Lighthouse Was Restored</title></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/stories\">Stories</a></nav><main>"
    "<div class=\"row\"><div class=\"col\"><div class=\"wrap\"><div class=\"block\">"
    "<p>The lighthouse on the north cape had been dark for eleven years when a group of "
    "volunteers asked the county to let them take it over.</p>"
    "<p>Nobody thought they would finish, the county clerk recalled, since the lamp room had "
    "rusted through and the stairs were missing in places.</p></div></div></div></div>"
    "<div class=\"row\"><div class=\"col\"><div class=\"wrap\"><div class=\"block\">"
    "<h2>The stairs came first</h2>"
    "<p>A retired welder spent two winters rebuilding the spiral stairs, one step a week, "
    "from steel donated by a shipyard that was closing down.</p>"
    "<p>He kept a notebook of every weld, which the group now shows to school visitors who "
    "climb to the top on Saturdays.</p></div></div></div></div>"
    "<div class=\"row\"><div class=\"col\"><div class=\"wrap\"><div class=\"block\">"
    "<h2>A lamp from a museum</h2>"
    "<p>The original lens had been sold in the seventies, so the volunteers borrowed one of "
    "the same age from a maritime museum across the bay.</p>"
    "<p>The light was switched on again last autumn, and ships can see it from twenty miles "
    "out on a clear night, the coast guard said.</p></div></div></div></div>"
    "<div class=\"row\"><div class=\"col\"><div class=\"wrap\"><div class=\"block\">"
    "<p>Thanks to everyone who helped: "
    "<a href=\"/p/1\">Ann Berg</a> (paint), <a href=\"/p/2\">Bo Lind</a> (steel), "
    "<a href=\"/p/3\">Cal Moss</a> (glass), <a href=\"/p/4\">Dee Park</a> (wiring), "
    "<a href=\"/p/5\">Eli Ross</a> (stairs), <a href=\"/p/6\">Fay Hunt</a> (paint), "
    "<a href=\"/p/7\">Gus Hale</a> (steel), <a href=\"/p/8\">Hal Dunn</a> (glass), "
    "<a href=\"/p/9\">Ida Wren</a> (wiring), <a href=\"/p/10\">Jo Finch</a> (stairs), "
    "<a href=\"/p/11\">Kit Lowe</a> (paint), <a href=\"/p/12\">Lu Marsh</a> (steel), "
    "<a href=\"/p/13\">Mo Reed</a> (glass), <a href=\"/p/14\">Ned Shaw</a> (wiring), "
    "<a href=\"/p/15\">Oz Tate</a> (stairs), <a href=\"/p/16\">Pia Vance</a> (paint), "
    "<a href=\"/p/17\">Quin Ward</a> (steel), <a href=\"/p/18\">Rae York</a> (glass), "
    "<a href=\"/p/19\">Sol Zane</a> (wiring), <a href=\"/p/20\">Tia Abel</a> (stairs), and many more.</p></div></div></div></div>"
    "</main></body></html>";

static void test_html_rows_in_main(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    assert_int_equal(lede_corpus_html_parse(&a, rows_page, sizeof rows_page - 1), LEDE_OK);
    assert_true(contains(a.body, "The lighthouse on the north cape had been dark"));
    assert_true(contains(a.body, "who climb to the top on Saturdays."));
    assert_true(contains(a.body, "from twenty miles out on a clear night"));
    assert_false(contains(a.body, "Stories"));
    lede_corpus_article_free(&a);
}

/* A blog post in a "commentary" wrapper, then a long comment section (many paragraphs, more
   text than the post): the comments leave the body however much they hold. */
static const char comments_page[] =
    "<html><head><title>Why I Still Print My Photos</title></head><body><div id=\"wrap\">"
    "<div class=\"postarea\"><h1>Why I Still Print My Photos</h1>"
    "<div class=\"commentary-body\">"
    "<p>Every December I pick the best pictures of the year and have them printed, which my "
    "friends find strange in an age of phones and cloud albums.</p>"
    "<p>A print does not ask for a password, it does not vanish when a company closes, and it "
    "sits on the shelf where visitors pick it up and ask about it.</p>"
    "<p>This year the box holds forty prints, from the spring flood to my niece's first "
    "birthday, and it cost less than a dinner out.</p>"
    "<p>Printing also makes me choose. On the phone there are four thousand pictures from the "
    "year, most of them near copies of each other, and nobody will ever scroll through them "
    "all; in the box there are forty, and each one earned its place.</p>"
    "<p>If you try it, start small: a dozen prints of the moments you would save from a fire.</p></div>"
    "<div class=\"comments-area\" id=\"comments\"><h3>12 Responses</h3><ol class=\"comment-list\">"
    "<li class=\"comment\"><article class=\"comment-body\"><p>I do the same thing with my "
    "holiday pictures, although I only print about a dozen of them, and my children love "
    "going through the old boxes when they visit.</p><p>The colours on the older prints have "
    "faded a little, but that is part of their charm, I think.</p></article></li>"
    "<li class=\"comment\"><article class=\"comment-body\"><p>Which printing service do you "
    "use? The one near me closed last year and the online ones have been hit and miss, with "
    "prints arriving bent or with the colours far too dark.</p><p>Any advice would be "
    "welcome, since I have a backlog of three years now.</p><p>I tried a shop in the city "
    "centre once, but they cropped every picture to fit their paper, cutting heads off "
    "half of my family, and I never went back. Since then I have been ordering test prints "
    "from three different labs to compare them.</p></article></li>"
    "<li class=\"comment\"><article class=\"comment-body\"><p>Lovely post, and a good "
    "reminder. My father kept every print in shoe boxes labelled by year, and after he died "
    "those boxes were the thing all of us wanted to keep.</p><p>Nobody ever asked for his "
    "hard drive.</p></article></li></ol></div></div></div></body></html>";

static void test_html_comments_left_out(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    assert_int_equal(lede_corpus_html_parse(&a, comments_page, sizeof comments_page - 1), LEDE_OK);
    assert_true(contains(a.body, "Every December I pick the best pictures"));
    assert_true(contains(a.body, "it cost less than a dinner out."));
    assert_false(contains(a.body, "holiday pictures"));
    assert_false(contains(a.body, "Responses"));
    assert_false(contains(a.body, "hard drive"));
    lede_corpus_article_free(&a);
}

/* A short guide in <main> and a page footer with three long paragraphs of disclaimers: the
   footer is not taken for a misnested page when the page has a <main>. */
static const char footer_page[] =
    "<html><head><title>Renting a Van Safely</title></head><body><div class=\"canvas\">"
    "<main id=\"page-content\"><section><h1>Renting a Van Safely</h1>"
    "<p>Check the driver's licence and age of every renter at the counter, and keep a copy of "
    "both with the contract.</p>"
    "<p>Our guide covers the steps in detail:</p><ul><li>Inspecting the van with the renter</li>"
    "<li>Recording fuel and mileage</li><li>Reporting damage</li></ul></section></main>"
    "<footer id=\"colophon\"><div class=\"cols\"><div class=\"col\">"
    "<p>This material is general information and does not replace the advice of a qualified "
    "professional, who should be consulted about your own circumstances before you act.</p>"
    "<p>Figures and products mentioned were believed to be correct when written, but prices, "
    "terms and availability change, and nothing here is an offer or a recommendation.</p>"
    "<p>All rights reserved. No part of this page may be copied without permission, except "
    "for short quotations with a link back to the original page on our site.</p>"
    "</div></div></footer></div></body></html>";

static void test_html_page_footer(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    assert_int_equal(lede_corpus_html_parse(&a, footer_page, sizeof footer_page - 1), LEDE_OK);
    assert_true(contains(a.body, "Check the driver's licence"));
    assert_true(contains(a.body, "Reporting damage"));
    assert_false(contains(a.body, "general information"));
    assert_false(contains(a.body, "All rights reserved"));
    lede_corpus_article_free(&a);
}

/* A post followed, in the same wrapper, by cards of other posts (a linked title and an excerpt
   each, no class to tell them): the cards leave the body; headings that link to themselves
   (href="#...") are the article's own. */
static const char cards_page[] =
    "<html><head><title>Pruning Roses in Winter</title></head><body><div class=\"wrap\">"
    "<div class=\"col\"><h1>Pruning Roses in Winter</h1>"
    "<h2><a href=\"#when\">When to prune</a></h2>"
    "<p>Roses are best pruned in late winter, when the buds begin to swell but before the "
    "leaves open, which in most gardens means the last weeks of February.</p>"
    "<p>Pruning earlier invites frost damage on the fresh cuts, while pruning later wastes the "
    "energy the plant has already put into new shoots.</p>"
    "<h2><a href=\"#how\">How to cut</a></h2>"
    "<p>Cut just above an outward-facing bud, at a slight angle, so that water runs off and "
    "the new stem grows away from the centre of the bush.</p>"
    "<p>Remove dead, crossing and spindly stems first, then shorten the rest by about a third, "
    "and burn or bin the clippings rather than composting them.</p></div>"
    "<div class=\"grid\">"
    "<article><h3><a href=\"/blog/tulips\">Planting tulips late</a></h3><span>March 2</span>"
    "<p>Tulips can go into the ground as late as December, and a cold spell after planting "
    "even helps them, as we found in our own beds last year.</p></article>"
    "<article><h3><a href=\"/blog/compost\">A compost bin from pallets</a></h3><span>Feb 9</span>"
    "<p>Four old pallets, some wire and an afternoon are all it takes to build a bin that "
    "holds a whole season of garden waste.</p></article>"
    "<article><h3><a href=\"/blog/frost\">Protecting pots from frost</a></h3><span>Jan 20</span>"
    "<p>Wrapping pots in bubble wrap and raising them on feet keeps roots from freezing and "
    "stops the pots from cracking in hard frosts.</p></article>"
    "</div></div></body></html>";

static void test_html_post_cards(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    assert_int_equal(lede_corpus_html_parse(&a, cards_page, sizeof cards_page - 1), LEDE_OK);
    assert_true(contains(a.body, "When to prune"));
    assert_true(contains(a.body, "Roses are best pruned in late winter"));
    assert_true(contains(a.body, "rather than composting them."));
    assert_false(contains(a.body, "tulips"));
    assert_false(contains(a.body, "pallets"));
    lede_corpus_article_free(&a);
}

/* An article whose paragraphs are bare text between line breaks in one division (with a
   heading and a figure among them), beside a box of short paragraphs: the bare text is the
   article. */
static const char bare_text_page[] =
    "<html><head><title>Coffee and Sleep</title></head><body><div class=\"page\">"
    "<div class=\"art\"><br>Coffee drunk after four in the afternoon cuts the deep sleep of most "
    "adults, a study of 600 volunteers found, even among those who said caffeine never kept "
    "them awake.<br><br>The volunteers wore sleep monitors for two weeks, drinking coffee at "
    "different hours, and those who drank it late lost about twenty minutes of deep sleep a "
    "night, on average.<br><br><h2>What the researchers advise</h2>Stopping six hours before "
    "bed is enough for most people, the authors wrote, though older adults, who clear caffeine "
    "more slowly, may need longer.<br><br><figure><img src=\"c.jpg\"><figcaption>A cup</figcaption>"
    "</figure>Tea, cola and chocolate count as well, they added, since each holds enough "
    "caffeine to matter late in the day.<br></div>"
    "<div class=\"box\"><p>Markets today: shares rose in Asia.</p><p>Oil prices fell, gold was "
    "steady.</p></div>"
    "</div></body></html>";

static void test_html_bare_text(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    assert_int_equal(lede_corpus_html_parse(&a, bare_text_page, sizeof bare_text_page - 1), LEDE_OK);
    assert_true(contains(a.body, "Coffee drunk after four in the afternoon"));
    assert_true(contains(a.body, "enough caffeine to matter late in the day."));
    assert_false(contains(a.body, "Markets today"));
    lede_corpus_article_free(&a);
}

/* A page whose article is drawn by a script: the markup holds a menu and a short teaser, the
   JSON-LD articleBody the text (\n\n between paragraphs, escapes): the body is read from it. */
static const char script_page[] =
    "<html><head><title>Night Trains Return</title>"
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Night Trains "
    "Return\",\"articleBody\":\"Sleeper trains will run again between the capital and the "
    "southern coast from May, the rail operator said on Monday, ten years after the last service "
    "was cut.\\n\\nThe trains will leave at ten in the evening and arrive shortly after seven, "
    "with cabins for two or four people and a \\u201cquiet\\u201d carriage with reclining "
    "seats.\\n\\nTickets go on sale next month. The operator said it expected most passengers "
    "to be families and business travellers who would otherwise fly, and that it would add a "
    "second train a night if demand was strong enough over the summer.\\n\\nEnvironmental "
    "groups welcomed the plan, while airlines said the route was too short for trains to win "
    "many of their customers.\"}</script></head>"
    "<body><nav><a href=\"/\">Home</a> <a href=\"/travel\">Travel</a></nav>"
    "<div id=\"app\"><p>Loading the article, please wait.</p></div></body></html>";

static void test_html_article_body_fallback(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    assert_int_equal(lede_corpus_html_parse(&a, script_page, sizeof script_page - 1), LEDE_OK);
    assert_true(contains(a.body, "Sleeper trains will run again between the capital"));
    assert_true(contains(a.body, "was cut.\n\nThe trains will leave"));
    assert_true(contains(a.body, "a \xE2\x80\x9Cquiet\xE2\x80\x9D carriage"));
    assert_true(contains(a.body, "many of their customers."));
    assert_false(contains(a.body, "Loading"));
    lede_corpus_article_free(&a);
}

/* Bylines: "By" in its own element glued to the name, a no-break space, a trailing dash; a
   JSON-LD author that is a placeholder gives way to the meta author. */
static void test_html_bylines(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    const char p1[] = "<html><body><article><div class=\"byline\"><span>By</span><a href=\"/a/\">"
                      "Ines Ortega</a>-</div><p>The council voted on Tuesday to keep the library "
                      "open on Sundays, after a petition gathered four thousand names.</p>"
                      "</article></body></html>";
    assert_int_equal(lede_corpus_html_parse(&a, p1, sizeof p1 - 1), LEDE_OK);
    check("authors", a.authors, "[\"Ines Ortega\"]");
    const char p2[] = "<html><body><article><p class=\"author\">By\xC2\xA0 Paul Mensah</p><p>The "
                      "ferry timetable changes next week, with two more sailings each evening "
                      "during the summer months.</p></article></body></html>";
    assert_int_equal(lede_corpus_html_parse(&a, p2, sizeof p2 - 1), LEDE_OK);
    check("authors", a.authors, "[\"Paul Mensah\"]");
    const char p3[] = "<html><head><meta name=\"author\" content=\"Lena Fischer\">"
                      "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":"
                      "{\"@type\":\"Person\",\"name\":\"undefined\"}}</script></head><body><p>The "
                      "bakery on the corner reopened after a fire closed it for a month in the "
                      "spring.</p></body></html>";
    assert_int_equal(lede_corpus_html_parse(&a, p3, sizeof p3 - 1), LEDE_OK);
    check("authors", a.authors, "[\"Lena Fischer\"]");
    lede_corpus_article_free(&a);
}

/* An article in page-builder bands: each band wraps a heading and its paragraphs in several
   wrappers; the band that scores best grows to the whole article through wrappers that add a
   heading or nothing. */
static const char bands_page[] =
    "<html><head><title>A Year at the Marsh Reserve</title></head><body>"
    "<div class=\"top\"><a href=\"/\">Home</a> <a href=\"/visit\">Visit</a></div>"
    "<div class=\"builder\">"
    "<section class=\"band\"><div class=\"inner\"><div class=\"col\"><div class=\"wrap\">"
    "<div class=\"heading\"><h2>Spring</h2><p>Paths, boardwalks and bird counts</p></div><div class=\"words\">"
    "<p>In spring the volunteers clear the paths of fallen branches, repair the boardwalk over the marsh and count the nesting birds along the shore.</p>"
    "<p>The counts go to the national survey, which has used the reserve's figures every year since it began in 1994.</p></div></div></div></div></section>"
    "<section class=\"band\"><div class=\"inner\"><div class=\"col\"><div class=\"wrap\">"
    "<div class=\"heading\"><h2>Summer</h2><p>Guided walks and pond dipping days</p></div><div class=\"words\">"
    "<p>Summer brings the most visitors, and the guides lead walks twice a day from the car park to the hide on the lagoon.</p>"
    "<p>Children's days on Wednesdays teach pond dipping, and the nets and trays are lent free to families who come along.</p></div></div></div></div></section>"
    "<section class=\"band\"><div class=\"inner\"><div class=\"col\"><div class=\"wrap\">"
    "<div class=\"heading\"><h2>Autumn</h2><p>Geese over the mudflats at dusk</p></div><div class=\"words\">"
    "<p>In autumn thousands of geese arrive from the north, and the evening flights over the mudflats draw photographers from far away.</p>"
    "<p>The hide opens an hour earlier so that visitors can watch the birds leave the roost at first light.</p></div></div></div></div></section>"
    "<section class=\"band\"><div class=\"inner\"><div class=\"col\"><div class=\"wrap\">"
    "<div class=\"heading\"><h2>Winter</h2><p>Reed cutting and fence repairs</p></div><div class=\"words\">"
    "<p>Winter is the quietest season, when the wardens cut back the reeds and repair the fences before the next year.</p>"
    "<p>Volunteers who help with the reed cutting are given lunch and a lift from the station on work days.</p></div></div></div></div></section>"
    "</div></body></html>";

static void test_html_builder_bands(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    assert_int_equal(lede_corpus_html_parse(&a, bands_page, sizeof bands_page - 1), LEDE_OK);
    assert_true(contains(a.body, "In spring the volunteers clear the paths"));
    assert_true(contains(a.body, "The hide opens an hour earlier"));
    assert_true(contains(a.body, "a lift from the station on work days."));
    assert_false(contains(a.body, "Visit"));
    lede_corpus_article_free(&a);
}

/* A figure's caption and credit are not the article's text. */
static void test_html_captions(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    const char p[] = "<html><body><article><p>The new footbridge over the river opened on Saturday, "
                     "linking the old town with the station for the first time in forty years.</p>"
                     "<figure><img src=\"b.jpg\"><figcaption>Walkers crossing the footbridge on "
                     "its first morning. Photo: Dana Kerr</figcaption></figure>"
                     "<p>About two thousand people crossed it on the first day, the council said, "
                     "many of them pushing bicycles or prams.</p></article></body></html>";
    assert_int_equal(lede_corpus_html_parse(&a, p, sizeof p - 1), LEDE_OK);
    check("body", a.body,
          "The new footbridge over the river opened on Saturday, linking the old town with the "
          "station for the first time in forty years.\n\nAbout two thousand people crossed it on "
          "the first day, the council said, many of them pushing bicycles or prams.");
    lede_corpus_article_free(&a);
}

/* A call-to-action box and a disclaimer inside the article leave it. */
static void test_html_cta_disclaimer(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    const char p[] = "<html><body><article><p>Interest rates on savings accounts rose again this "
                     "month, with the best easy-access accounts now paying over four per cent.</p>"
                     "<div class=\"cta box\"><p>Compare savings accounts in minutes with our free "
                     "tool.</p><a href=\"/compare\">Start now</a></div>"
                     "<p>Savers with money in older accounts should check their rate, since many "
                     "still pay less than one per cent, analysts said.</p>"
                     "<div class=\"disclaimer\"><p>This article is for information only and "
                     "is not financial advice.</p></div></article></body></html>";
    assert_int_equal(lede_corpus_html_parse(&a, p, sizeof p - 1), LEDE_OK);
    assert_true(contains(a.body, "Interest rates on savings accounts rose"));
    assert_true(contains(a.body, "less than one per cent, analysts said."));
    assert_false(contains(a.body, "Compare savings"));
    assert_false(contains(a.body, "not financial advice"));
    lede_corpus_article_free(&a);
}

/* A forum thread: every post is a "comment" and the page holds little else, so the comments are
   its text. */
static const char forum_page[] =
    "<html><head><title>Sourdough starter smells of nail polish?</title></head><body>"
    "<div class=\"topbar\"><a href=\"/\">Forum</a> <a href=\"/baking\">Baking</a></div>"
    "<div class=\"thread\"><h2>Sourdough starter smells of nail polish?</h2>"
    "<div class=\"comment\"><p>My starter is two weeks old and this morning it smelled strongly "
    "of nail polish remover. It still rises after each feed, doubling in about six hours.</p>"
    "<p>I feed it once a day with equal weights of flour and water and keep it on the kitchen "
    "counter, which is quite warm at the moment.</p><p>Is it ruined, or can it be saved? I "
    "would rather not start again from scratch.</p></div>"
    "<div class=\"comment\"><p>That smell is acetone, and it only means the yeast is hungry. "
    "Feed it twice a day for a few days and it should go away.</p><p>You can also discard more "
    "before each feed, so the fresh flour is a larger share of the mix, and keep it somewhere "
    "a little cooler if you can.</p><p>Mine did exactly the same in summer and it has been fine "
    "for three years since.</p></div>"
    "<div class=\"comment\"><p>Agree with the answer above. A starter is very hard to kill, and "
    "a sharp smell is normal when it runs out of food between feeds.</p><p>Only throw it away "
    "if you see pink or orange streaks or fuzzy mould on the surface, since those mean it has "
    "been spoiled by bacteria.</p><p>Good luck with the first loaf, and post a picture when it "
    "comes out of the oven.</p></div></div></body></html>";

static void test_html_forum_thread(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    assert_int_equal(lede_corpus_html_parse(&a, forum_page, sizeof forum_page - 1), LEDE_OK);
    assert_true(contains(a.body, "My starter is two weeks old"));
    assert_true(contains(a.body, "That smell is acetone"));
    assert_true(contains(a.body, "comes out of the oven."));
    lede_corpus_article_free(&a);
}

/* A date shown in an element with a date class, on an article page (not on others); an
   "updated" date is not the publication date. */
static void test_html_date_class(void **state) {
    (void)state;
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    const char p1[] = "<html><body><article><h1>Spring Fair Returns</h1>"
                      "<span class=\"updated-date\">Updated April 2, 2025</span>"
                      "<span class=\"post-date\">Posted on March 3, 2025</span><p>The spring fair "
                      "returns to the market square this weekend with forty stalls and a brass "
                      "band.</p></article></body></html>";
    assert_int_equal(lede_corpus_html_parse(&a, p1, sizeof p1 - 1), LEDE_OK);
    check("published", a.published, "2025-03-03");
    const char p2[] = "<html><body><div class=\"product\"><h1>Walnut Desk Lamp</h1><p>A lamp in "
                      "oiled walnut with a linen shade and a brass switch, made to order.</p>"
                      "<div class=\"review\"><span class=\"review-date\">May 5, 2024</span><p>Lovely "
                      "lamp.</p></div></div></body></html>";
    assert_int_equal(lede_corpus_html_parse(&a, p2, sizeof p2 - 1), LEDE_OK);
    check("published", a.published, NULL);
    lede_corpus_article_free(&a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_news_page),
        cmocka_unit_test(test_html_sniff),
        cmocka_unit_test(test_html_empty_and_plain),
        cmocka_unit_test(test_html_reuses_buffers),
        cmocka_unit_test(test_html_blog_page),
        cmocka_unit_test(test_html_unclosed_header),
        cmocka_unit_test(test_html_ill_formed_utf8),
        cmocka_unit_test(test_html_rows_in_main),
        cmocka_unit_test(test_html_comments_left_out),
        cmocka_unit_test(test_html_page_footer),
        cmocka_unit_test(test_html_post_cards),
        cmocka_unit_test(test_html_bare_text),
        cmocka_unit_test(test_html_article_body_fallback),
        cmocka_unit_test(test_html_bylines),
        cmocka_unit_test(test_html_builder_bands),
        cmocka_unit_test(test_html_captions),
        cmocka_unit_test(test_html_cta_disclaimer),
        cmocka_unit_test(test_html_forum_thread),
        cmocka_unit_test(test_html_date_class),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
