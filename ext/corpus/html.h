/*
 * html.h: reading a saved web page into the parts of an article (the
 * fields of article.h), with libxml2's HTML parser.
 *
 * The page is parsed into a tree (libxml2 recovers from any markup, as a
 * browser does); nothing here scans tags by hand.
 *
 * body, the article's main text:
 *  - left out first: scripts, styles, form controls, frames, media,
 *    figure captions; navigation, page headers and footers, asides, dialogs
 *    and ARIA navigation/banner/footer roles, unless they hold an article's
 *    worth of paragraphs or a <main> (HTML 4 parsing nests whole pages in an
 *    unclosed header) and the page has no <main>, <article> or articleBody
 *    outside them; hidden elements (hidden, display:none); comment sections
 *    (class or id "comment", "disqus"; not "commentary") unless they hold
 *    the page's <main>, articleBody or h1; elements whose class or id names
 *    boilerplate: always for related, share, social, cookie, subscribe,
 *    newsletter, ... (unless they hold an article), only when small or
 *    mostly links for sidebar, menu, banner, tags, byline, author, cta,
 *    disclaimer, ...; lists of teasers (two or more h2-h6 that are all a
 *    link, off the page, with at most two paragraphs and 500 bytes of other
 *    text each);
 *  - a page that is mostly comment sections around little else (a forum
 *    thread) is read again with them as plain elements;
 *  - the text blocks (paragraphs, cells, block elements with text of their
 *    own, and runs of bare text between an element's blocks and line
 *    breaks, as Readability turns into paragraphs) are scored by their
 *    length and commas; a block's score goes to its parent, and in shares
 *    to the ancestors above; an element's score is scaled by its share of
 *    text outside links, and raised or lowered by class/id hints (article,
 *    content, post, story vs the boilerplate words) and by its tag
 *    (article, main, itemprop articleBody);
 *  - the best-scored element is the article; it grows to an ancestor that
 *    holds twice its paragraph text (an article split over sections),
 *    passing wrappers that add nothing and looking through up to two that
 *    add a little, and takes in siblings that score near it or are plain
 *    paragraphs; inside it, the h1 (the title), headings that are mostly
 *    links (not to "#..." on the page), lists, tables and divisions that
 *    are mostly links, mostly images or form controls are dropped;
 *  - when the text found is under a quarter of the JSON-LD articleBody (a
 *    page drawn by scripts), the articleBody is the body, a paragraph at
 *    each line break;
 *  - its text: runs of white space read as one space; paragraphs and
 *    other blocks are separated by a blank line, list items, table rows
 *    and line breaks start a new line; <pre> keeps its lines.
 *
 * Metadata, first found in this order:
 *  - title: the first <h1> (15 bytes or more, not the site name), JSON-LD
 *    headline, og:title, twitter:title, <title>; a site name at its start
 *    or end ("Headline | Site") is cut; entities left in it are decoded;
 *  - published (YYYY-MM-DD): JSON-LD datePublished, article:published_time
 *    and date meta tags, <time> with itemprop/pubdate, a date in the URL
 *    path, the first <time datetime> in the page, on an article page the
 *    text of the first element with a date class (not an updated date);
 *  - source: og:site_name, JSON-LD publisher name, the WebSite's name,
 *    application-name; NULL when none;
 *  - authors: JSON-LD author names, meta author, the text of the first
 *    element marked itemprop=author, rel=author or a byline/author class,
 *    less "By" (also in its own element) and what follows a separator;
 *    placeholders ("undefined", a form's "Name *") give way to the next;
 *  - url: <link rel=canonical>, og:url, JSON-LD url;
 *  - dateline: as the text parser reads it at the start of the body's
 *    first paragraph (the place; the prefix then leaves the body).
 *
 * JSON-LD is read from <script type="application/ld+json">: objects,
 * arrays and @graph, the first object whose @type is an article type
 * (NewsArticle, Article, BlogPosting, ...).
 */
#ifndef LEDE_CORPUS_HTML_H
#define LEDE_CORPUS_HTML_H

#include "article.h"

/* Parses an HTML page s[0..n) (UTF-8: the caller has decoded it) into a:
 * title, published (YYYY-MM-DD), source (site or publisher name), authors
 * (JSON array text, "[]" when none), body (main text: paragraphs separated by
 * blank lines, headings and list items on their own lines), url (canonical
 * link or og:url, NULL when none); dateline NULL unless the body's first
 * paragraph has one. Results live in a as lede_corpus_article_parse's do:
 * until the next parse or lede_corpus_article_free. LEDE_OK or LEDE_NOMEM. */
lede_rc lede_corpus_html_parse(lede_corpus_article *a, const char *s, size_t n);

/* Nonzero when s[0..n) looks like HTML (doctype/<html/<head/<body near the start,
 * after a BOM and white space). */
int lede_corpus_html_sniff(const char *s, size_t n);

/* Prepares libxml2 for use from several threads; call once before any
 * thread parses (the extension does it when it is loaded). */
void lede_corpus_html_init(void);

#endif
