/*
 * article.h: reading a scraped news article (plain text) into its parts:
 * title, published date, dateline, source, authors and body.
 *
 * Text first: a UTF-8 byte order mark is dropped, CRLF and CR read as LF,
 * each ill-formed UTF-8 sequence reads as U+FFFD (utf8.h). Lines are
 * trimmed of surrounding white space; a blank line separates paragraphs.
 *
 * Front matter: a first line "---" and a later "---" (or "...") within
 * 200 lines enclose "key: value" lines. title, date (or published),
 * source, dateline, and author or authors (a [list], a comma string, or
 * "- name" lines below) win over what the text says; url (or link) gives
 * the url field, which is NULL otherwise. Quotes around values are dropped. The rules below still run on the text after it.
 *
 * The header (the first lines, in this order):
 *  - boilerplate lines (see below, e.g. "loading…") are skipped;
 *  - a section label ("US News": one to three capitalised words, at most
 *    30 bytes, no end punctuation) is skipped when the next line is a title
 *    of four words or more, longer than the label;
 *  - the title is the first line when it is title-like: at most 25 words
 *    and 200 bytes, no lowercase start, not ending in ':' ',' or ';', not a
 *    credit, date or dateline line; ending in '.' only when it has at most
 *    20 words and is title-cased (3 in 4 words of four letters or more
 *    capitalised); and not running on into the next line (no blank line
 *    between and the next starts in lowercase, or this one ends in ',', a
 *    hyphen or a function word such as "the"). A trailing photo credit
 *    ("... PHOTO/Reuters", "(Photo: AP)") is cut off the title first. The
 *    same title on the next line(s) is dropped (compared ignoring case and
 *    spacing). No such line: no title (NULL).
 *  - then bylines ("By Jane Doe and John Roe"), date lines ("Published:
 *    January 7, 2025") and boilerplate are taken.
 *
 * The dateline, at the start of the first body line:
 *  - "date 2025-01-07" (a published date) and "(MENAFN- Name (ABBR))" (a
 *    source credit) are taken off first;
 *  - then PLACE [, PLACE2] [, DATE] [(AGENCY) or /AGENCY/] SEPARATOR, where
 *    PLACE is one to four capitalised words, PLACE2 one to three, DATE a
 *    month and day with or without year, SEPARATOR one of -- — – - or :
 *    followed by a space. It counts when it has an agency or a date, or
 *    when PLACE is in capitals ("WASHINGTON –"). The dateline column is the
 *    place ("TOKYO", "Karuizawa, Japan"); the prefix leaves the body.
 *
 * published (YYYY-MM-DD) only from where the text states the date of the
 * article, first found in this order: front matter; "date YYYY-MM-DD"
 * before the dateline; a dateline date with a year; a date line in the
 * header; the credit area (a date line after the last paragraph, or a date
 * in a credit line). Dates read: 2025-01-07, Jan 7, 2025, Jan. 7 2025,
 * January 7th, 2025, 7 January 2025; and, only in dateline and credit
 * lines, D/M/YYYY or M/D/YYYY when one of the first two numbers is over
 * 12 (both 12 or less is ambiguous and read as nothing). Dates inside
 * paragraphs ("Wednesday (11/1/2023)") are events, not publication dates.
 *
 * source, the first found in this order: front matter; the MENAFN credit
 * (the name inside "(MENAFN- ...)": "Kuwait News Agency (KUNA)"); a credit
 * line "Source: Name"; the dateline agency ("Reuters"); a credit line
 * "Source: www.site.com" naming a web address (kept as written). Agencies
 * mentioned in the text ("as quoted by AP") are not credits.
 *
 * authors, in order of appearance, each once (ignoring case): bylines "By
 * A, B and C"; "A and B contributed to this report" (or "... reporting",
 * "... to this story"); "Translator: A", "Editor: A", "Reporter:",
 * "Writer:", "Author(s):", "Correspondent:"; and Reuters-style lines
 * "(Reporting by A in Tokyo; Editing by B)" (place after " in " dropped).
 * A name is one to five words, each capitalised (particles such as "van",
 * "bin", "de" allowed) without digits; agency codes (two to five capitals)
 * and agency and role words ("Reuters", "Staff", "Writer", ...) are not
 * names. As a JSON array; "[]" when none.
 *
 * body: the lines after the header, less: boilerplate lines ("Source
 * link", "Leave a Reply", "Advertisement", "loading…", comment-policy
 * lines such as "This site uses Akismet to reduce spam..."; related links
 * "Also read: ...", "Read also: ...", "Read more: ...", "See also: ...",
 * "Baca: ...", "Baca juga: ..."; photo credit lines "Photo: ...",
 * "PHOTO/..."); credit lines (Source:, bylines, author lines above); in
 * the footer (after the last paragraph that ends a sentence or has more
 * than 15 words), short headline-like lines when a boilerplate or credit
 * line is there too (related-article titles), and date lines; a trailing
 * agency code "(end)", "(esn)", "(ak/sr)" at the very end. Paragraphs stay
 * as they were: kept lines are joined by a blank line where one or more
 * blank lines separated them, by a newline otherwise.
 *
 * Who owns what: the caller owns the lede_corpus_article, zeroed before
 * the first parse; each parse reuses its buffers and overwrites the
 * results, which point into it and live until the next parse or
 * lede_corpus_article_free. Nothing is allocated per field.
 */
#ifndef LEDE_CORPUS_ARTICLE_H
#define LEDE_CORPUS_ARTICLE_H

#include "../core.h"

typedef struct {
    const char *s; /* NULL when absent */
    size_t n;
} lede_corpus_text;

typedef struct lede_corpus_line lede_corpus_line;

typedef struct {
    /* results of the last parse */
    lede_corpus_text title;     /* NULL when none */
    lede_corpus_text published; /* "YYYY-MM-DD", or NULL */
    lede_corpus_text dateline;  /* the place, or NULL */
    lede_corpus_text source;    /* or NULL */
    lede_corpus_text authors;   /* JSON array text, "[]" when none */
    lede_corpus_text body;      /* never NULL ("" when empty) */
    lede_corpus_text url;       /* the page's address (front matter url:, or an HTML
                                   page's canonical link), NULL when none */

    /* scratch, reused from parse to parse */
    const char *src; /* the text parsed: the input, or text */
    char *text;      /* the cleaned copy, when one is needed */
    size_t text_cap;
    char *out; /* the built fields */
    size_t out_len, out_cap;
    lede_corpus_line *lines; /* the lines of text */
    size_t lines_cap;
    lede_corpus_text *names; /* authors found, into text */
    size_t names_len, names_cap;
    char date[11]; /* backing store of published */
    void *nodes;   /* html.c: per-element scratch */
    size_t nodes_cap;
    void *json; /* html.c: JSON-LD scratch */
    size_t json_cap;
} lede_corpus_article;

/* Parses s[0..n). LEDE_OK, or LEDE_NOMEM (results then unset). */
lede_rc lede_corpus_article_parse(lede_corpus_article *a, const char *s, size_t n);

/*
 * Words in the body: tokens of kind word or number as tokens.h splits them
 * (so "Japan's" is two: Japan and 's; "3.5" and "2025-01-07" are one each;
 * punctuation, symbols, URLs and e-mail addresses are not counted).
 */
size_t lede_corpus_article_words(const lede_corpus_article *a);

void lede_corpus_article_free(lede_corpus_article *a);

/*
 * The text parser's date and dateline rules, for other readers (html.c).
 * lede_corpus_date: the first full date (with a year) in s[0..n) written
 * as the parser reads dates ("2025-01-07", "Jan 7, 2025", "7 January
 * 2025"), as "YYYY-MM-DD" in out (NUL-terminated); 1 when found, else 0.
 * lede_corpus_dateline: when the paragraph s[0..n) opens with a dateline,
 * sets *place to its place and returns where the paragraph's text starts
 * after it; 0 when it has none.
 */
int lede_corpus_date(const char *s, size_t n, char out[11]);
size_t lede_corpus_dateline(const char *s, size_t n, lede_corpus_text *place);

#endif
