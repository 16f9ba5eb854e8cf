/*
 * html.c: the page reader of html.h.
 *
 * libxml2 parses the page into a tree. One post-order pass over the
 * elements (iterative: pages nest deeply) measures each element's text,
 * link text, commas and counts of paragraphs, images, list items and
 * controls, and marks what is left out; a pre-order pass gives the text
 * blocks' scores to their ancestors. The article element is chosen from
 * the scores and written out with its kept siblings. Metadata comes from a
 * pass over <meta>, <link>, <time>, JSON-LD and byline elements; every
 * field is copied into a->out (body first) before the tree is freed.
 */
#include "html.h"

#include "../text/chars.h"
#include "../text/utf8.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <limits.h>
#include <string.h>

/* ---- tags ------------------------------------------------------------------ */

enum {
    TF_SKIP = 1,    /* left out with everything inside */
    TF_PARA = 2,    /* a block: a blank line before and after */
    TF_LINE = 4,    /* starts a new line */
    TF_LEAF = 8,    /* a text block that is scored (p, pre, td) */
    TF_HEAD = 16,   /* h1..h6 */
    TF_LIST = 32,   /* ul, ol, dl */
    TF_MEDIA = 64,  /* img and embedded media (counted) */
    TF_INPUT = 128, /* form controls (counted) */
    TF_CELL = 256,  /* td, th: a space between cells */
    TF_SOFT = 512   /* with TF_SKIP: kept when it holds an article (parsers nest pages in them) */
};

typedef struct {
    const char *name;
    int flags;
    int base; /* score an ancestor starts with */
} tag_info;

static const tag_info tags[] = {
    {"a", 0, 0},
    {"address", TF_PARA, -3},
    {"article", TF_PARA, 10},
    {"aside", TF_SKIP | TF_SOFT, 0},
    {"audio", TF_SKIP | TF_MEDIA, 0},
    {"blockquote", TF_PARA, 3},
    {"body", TF_PARA, 0},
    {"br", TF_LINE, 0},
    {"button", TF_SKIP | TF_SOFT | TF_INPUT, 0},
    {"canvas", TF_SKIP, 0},
    {"caption", TF_LINE, 0},
    {"center", TF_PARA, 0},
    {"dd", TF_LINE, -3},
    {"details", TF_PARA, 0},
    {"dialog", TF_SKIP | TF_SOFT, 0},
    {"div", TF_PARA, 5},
    {"dl", TF_PARA | TF_LIST, -3},
    {"dt", TF_LINE, -3},
    {"embed", TF_SKIP | TF_MEDIA, 0},
    {"fieldset", TF_PARA, -3},
    {"figcaption", TF_SKIP, 0},
    {"figure", TF_PARA, 0},
    {"footer", TF_SKIP | TF_SOFT, 0},
    {"form", TF_PARA, -3},
    {"frame", TF_SKIP, 0},
    {"frameset", TF_SKIP, 0},
    {"h1", TF_PARA | TF_HEAD, -5},
    {"h2", TF_PARA | TF_HEAD, -5},
    {"h3", TF_PARA | TF_HEAD, -5},
    {"h4", TF_PARA | TF_HEAD, -5},
    {"h5", TF_PARA | TF_HEAD, -5},
    {"h6", TF_PARA | TF_HEAD, -5},
    {"head", TF_SKIP, 0},
    {"header", TF_SKIP | TF_SOFT, 0},
    {"hr", TF_PARA, 0},
    {"iframe", TF_SKIP | TF_MEDIA, 0},
    {"img", TF_MEDIA, 0},
    {"input", TF_SKIP | TF_INPUT, 0},
    {"li", TF_LINE, -3},
    {"link", TF_SKIP, 0},
    {"main", TF_PARA, 10},
    {"map", TF_SKIP, 0},
    {"math", TF_SKIP, 0},
    {"menu", TF_SKIP | TF_SOFT, 0},
    {"meta", TF_SKIP, 0},
    {"nav", TF_SKIP | TF_SOFT, 0},
    {"noscript", TF_SKIP, 0},
    {"object", TF_SKIP | TF_MEDIA, 0},
    {"ol", TF_PARA | TF_LIST, -3},
    {"option", TF_SKIP, 0},
    {"p", TF_PARA | TF_LEAF, 0},
    {"picture", TF_MEDIA, 0},
    {"pre", TF_PARA | TF_LEAF, 3},
    {"script", TF_SKIP, 0},
    {"section", TF_PARA, 0},
    {"select", TF_SKIP | TF_INPUT, 0},
    {"style", TF_SKIP, 0},
    {"summary", TF_PARA, 0},
    {"svg", TF_SKIP | TF_MEDIA, 0},
    {"table", TF_PARA, 0},
    {"td", TF_CELL | TF_LEAF, 3},
    {"template", TF_SKIP, 0},
    {"textarea", TF_SKIP | TF_INPUT, 0},
    {"th", TF_CELL, -5},
    {"title", TF_SKIP, 0},
    {"tr", TF_LINE, 0},
    {"ul", TF_PARA | TF_LIST, -3},
    {"video", TF_SKIP | TF_MEDIA, 0},
};

static const tag_info *tag_of(const xmlNode *x) {
    const char *name = (const char *)x->name;
    size_t lo = 0, hi = sizeof tags / sizeof tags[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(name, tags[mid].name);
        if (c == 0)
            return &tags[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

static int is_tag(const xmlNode *x, const char *name) {
    return x && x->type == XML_ELEMENT_NODE && strcmp((const char *)x->name, name) == 0;
}

/* ---- per-element data -------------------------------------------------------- */

enum {
    NF_SKIP = 1,    /* left out */
    NF_KEEP = 2,    /* holds article, main or articleBody: never left out by a hint */
    NF_SCORED = 4,  /* has a score */
    NF_BLOCKS = 8,  /* has block descendants */
    NF_DROP = 16,   /* dropped inside the article */
    NF_ARTBODY = 32, /* itemprop=articleBody */
    NF_H1 = 64,      /* holds an h1 */
    NF_ART = 128     /* holds an <article> */
};

typedef struct {
    size_t text, link, commas;      /* text bytes (white space runs as one), in links, commas */
    size_t paras, imgs, lis, inputs; /* counts in the subtree */
    size_t heads, lheads;            /* h2..h6, and those that are all a link (teasers' titles) */
    size_t ptext;                    /* text of the scored text blocks in the subtree */
    double score;
    int weight; /* class/id hint: +25, -25 or 0 */
    int flags;
    const tag_info *tag;
} hnode;

static hnode *info(const xmlNode *x) { return (hnode *)x->_private; }

static const char *attr(const xmlNode *x, const char *name) {
    for (const xmlAttr *p = x->properties; p; p = p->next)
        if (p->name && strcmp((const char *)p->name, name) == 0 && p->children &&
            p->children->type == XML_TEXT_NODE)
            return (const char *)p->children->content;
    return NULL;
}

/* ASCII case-insensitive search of w (lowercase) in s. */
static const char *find_ci(const char *s, const char *w) {
    size_t wn = strlen(w);
    for (; *s; s++) {
        size_t k = 0;
        while (k < wn && s[k] && lede_ascii_lower((unsigned char)s[k]) == (unsigned char)w[k])
            k++;
        if (k == wn)
            return s;
    }
    return NULL;
}

static int has_any(const char *s, const char *const *words) {
    if (!s)
        return 0;
    for (size_t i = 0; words[i]; i++)
        if (find_ci(s, words[i]))
            return 1;
    return 0;
}

/* Class and id words of boilerplate: strong ones leave an element out whatever its size, weak
   ones only when it is small or mostly links (page builders name their wrappers "widget"). */
static const char *const strong_words[] = {
    "cookie", "consent", "gdpr", "newsletter", "subscribe", "related-",
    "-related", "recommend", "outbrain", "taboola", "sharedaddy", "social-share", "share-",
    "sharing", "breadcrumb", "navbar", "skip-link", "skiplink", "paywall", "signup", "sign-up",
    "most-read", "mostread", "trending", "more-stories", "read-more", "readmore", "next-post",
    "prev-post", "author-bio", "screen-reader", "sr-only", "visually-hidden", "print-only", NULL};
/* The same, matched as whole words of the class ("share" but not "shared"). */
static const char *const strong_tokens[] = {"share", "shares", "social", "related", "promo", NULL};
/* Post wrappers carry their categories and tags as classes ("category-social"): no hints. */
static const char *const post_words[] = {"hentry", "type-post", "type-page", "category-", "tag-", NULL};
static const char *const weak_words[] = {
    "sidebar", "menu", "navigation", "footer", "masthead", "banner", "popup", "modal",
    "overlay", "toolbar", "pagination", "pager", "popular", "promo", "sponsor", "advert", "tags",
    "tag-list", "login", "byline", "dateline", "timestamp", "caption", "hidden", "subscription",
    "disclaimer", NULL};
static const char *const good_words[] = {"article", "content", "entry", "main",  "post",
                                         "story",   "body",    "text",  "blog",  "hentry",
                                         "prose",   "single",  NULL};

/* Words that are too short to search inside others: matched as whole class words. */
static const char *const bad_tokens[] = {"ad", "ads", "nav", "header", "aside", "meta", "author",
                                         "tools", "rail", "extra", "cta", NULL};

static int class_word(const char *s, const char *const *words) {
    if (!s)
        return 0;
    const char *p = s;
    while (*p) {
        while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            p++;
        const char *q = p;
        while (*q && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9')))
            q++;
        for (size_t i = 0; q > p && words[i]; i++)
            if (lede_ascii_eq_ci(p, (size_t)(q - p), words[i]))
                return 1;
        p = q;
    }
    return 0;
}

/* Comment sections ("comments", "disqus_thread", not "commentary"): long, in paragraphs, and
   never the article unless they hold its headline. */
static int comment_hint(const char *s) {
    if (!s)
        return 0;
    if (find_ci(s, "disqus"))
        return 1;
    for (const char *p = s; (p = find_ci(p, "comment")) != NULL; p += 7)
        if (!find_ci(p + 7, "ary") || find_ci(p + 7, "ary") != p + 7)
            return 1;
    return 0;
}

/* 3: a comment section's class or id, 2: a strong boilerplate word, 1: a weak one, 0: none. */
static int bad_hint(const xmlNode *x) {
    const char *c = attr(x, "class"), *id = attr(x, "id");
    if (is_tag(x, "article") || has_any(c, post_words))
        return 0;
    if (comment_hint(c) || comment_hint(id))
        return 3;
    if (has_any(c, strong_words) || has_any(id, strong_words) || class_word(c, strong_tokens) ||
        class_word(id, strong_tokens))
        return 2;
    return has_any(c, weak_words) || class_word(c, bad_tokens) || has_any(id, weak_words) ||
           class_word(id, bad_tokens);
}

static int good_hint(const xmlNode *x) {
    return has_any(attr(x, "class"), good_words) || has_any(attr(x, "id"), good_words);
}

static int hint_weight(const xmlNode *x) {
    return (good_hint(x) ? 25 : 0) - (bad_hint(x) ? 25 : 0);
}

/* 2: hidden from readers (hidden, display:none, visibility:hidden); 1: marked as not the
   content (aria-hidden, a navigation, banner, footer or dialog role); 0: neither. */
static int hidden(const xmlNode *x) {
    const char *v;
    for (const xmlAttr *p = x->properties; p; p = p->next)
        if (p->name && strcmp((const char *)p->name, "hidden") == 0)
            return 2;
    if ((v = attr(x, "style")) && (find_ci(v, "display:none") || find_ci(v, "display: none") ||
                                   find_ci(v, "visibility:hidden") ||
                                   find_ci(v, "visibility: hidden")))
        return 2;
    if ((v = attr(x, "aria-hidden")) && lede_ascii_eq_ci(v, strlen(v), "true"))
        return 1;
    static const char *const roles[] = {"navigation", "banner", "contentinfo", "complementary",
                                        "menu", "menubar", "dialog", "alertdialog", "search", NULL};
    if ((v = attr(x, "role")))
        for (size_t i = 0; roles[i]; i++)
            if (lede_ascii_eq_ci(v, strlen(v), roles[i]))
                return 1;
    return 0;
}

/* ---- walking the tree without recursion ------------------------------------ */

/* The next node after x in pre-order within root; into x's children only when
   descend is set. */
static xmlNode *next_node(xmlNode *x, const xmlNode *root, int descend) {
    if (descend && x->children)
        return x->children;
    while (x && x != root) {
        if (x->next)
            return x->next;
        x = x->parent;
    }
    return NULL;
}

/* Text bytes of s with each run of white space read as one byte, and commas. */
static void measure_text(const char *s, size_t *len, size_t *commas) {
    int space = 1;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            if (!space)
                (*len)++;
            space = 1;
            continue;
        }
        space = 0;
        (*len)++;
        *commas += c == ',';
    }
}

static double link_density(const hnode *h) {
    return h->text ? (double)h->link / (double)h->text : 0.0;
}

/* A heading whose link stays on the page (href="#..."): a permalink, not a teaser's title. */
static int anchor_link(const xmlNode *x) {
    const xmlNode *c = x->children;
    while (c) {
        if (is_tag(c, "a")) {
            const char *href = attr(c, "href");
            return href && href[0] == '#';
        }
        if (c->children) {
            c = c->children;
            continue;
        }
        while (c != x && !c->next)
            c = c->parent;
        c = c == x ? NULL : c->next;
    }
    return 0;
}

/* Inside a <main>, an <article> or an articleBody (where a header is a section's, not the
   page's). */
static int inside_marked(const xmlNode *x) {
    for (const xmlNode *p = x->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        const char *ip;
        if (is_tag(p, "main") || is_tag(p, "article") ||
            ((ip = attr(p, "itemprop")) && find_ci(ip, "articlebody")))
            return 1;
    }
    return 0;
}

/* Post-order: measures each element and marks what is left out. marked: the page has a <main>,
   <article> or articleBody, so a header, footer or aside is not taken for a misnested page. */
static size_t measure(xmlNode *root, int marked, int comments_hold) {
    size_t comments = 0;
    xmlNode *x = root;
    while (x) {
        if (x->type == XML_ELEMENT_NODE && x->children) {
            x = x->children;
            continue;
        }
        for (;;) {
            if (x->type == XML_ELEMENT_NODE) {
                hnode *h = info(x);
                int tf = h->tag ? h->tag->flags : 0;
                const char *ip = attr(x, "itemprop");
                if (ip && find_ci(ip, "articlebody"))
                    h->flags |= NF_ARTBODY | NF_KEEP;
                if (is_tag(x, "main"))
                    h->flags |= NF_KEEP;
                h->weight = hint_weight(x);
                if (tf & TF_MEDIA)
                    h->imgs++;
                if (tf & TF_INPUT)
                    h->inputs++;
                if (is_tag(x, "p"))
                    h->paras++;
                if (is_tag(x, "li"))
                    h->lis++;
                if ((tf & TF_HEAD) && !is_tag(x, "h1")) {
                    h->heads++;
                    if (h->text && h->link * 5 >= h->text * 4 && !anchor_link(x))
                        h->lheads++;
                }
                if (is_tag(x, "a")) /* all of a link's text is link text */
                    h->link = h->text;
                int bad = h->flags & NF_KEEP || is_tag(x, "body") || is_tag(x, "html") ? 0 : bad_hint(x);
                if (bad == 1 && good_hint(x))
                    bad = 0;
                /* an element that holds an article's worth of paragraphs is not a header, a
                   menu or a newsletter box, whatever it is called */
                if (is_tag(x, "h1"))
                    h->flags |= NF_H1;
                if (is_tag(x, "article"))
                    h->flags |= NF_ART;
                int holds = (h->flags & NF_KEEP) ||
                            (h->paras >= 3 && h->text >= 400 && link_density(h) < 0.3);
                if ((tf & TF_SOFT) && holds && marked && !(h->flags & (NF_KEEP | NF_ART)) &&
                    !inside_marked(x))
                    holds = 0;
                if (bad == 3 && comments_hold) /* a forum: comments are the text */
                    bad = 0;
                if (bad == 3) /* comments: only when they hold main or h1 */
                    holds = (h->flags & (NF_KEEP | NF_H1)) != 0;
                /* a list of teasers: linked titles, each with a line or two of text */
                int teasers = h->lheads >= 2 && h->lheads * 2 >= h->heads &&
                              h->paras <= 2 * h->lheads && h->text - h->link < 500 * h->lheads &&
                              !(h->flags & (NF_KEEP | NF_H1)) && !is_tag(x, "body") && !is_tag(x, "html");
                int hid = hidden(x);
                if (((tf & TF_SKIP) && !((tf & TF_SOFT) && holds)) || teasers || hid == 2 || (hid == 1 && !holds) ||
                    (bad >= 2 && !holds) || (bad == 1 && (h->text < 1000 || link_density(h) > 0.3)))
                    h->flags |= NF_SKIP;
                if ((h->flags & NF_SKIP) && bad == 3)
                    comments += h->text;
            }
            xmlNode *p = x->parent;
            if (x != root && p && p->type == XML_ELEMENT_NODE) {
                hnode *ph = info(p);
                if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) {
                    if (x->content)
                        measure_text((const char *)x->content, &ph->text, &ph->commas);
                } else if (x->type == XML_ELEMENT_NODE) {
                    hnode *h = info(x);
                    int tf = h->tag ? h->tag->flags : 0;
                    ph->imgs += h->imgs;
                    ph->inputs += h->inputs;
                    ph->flags |= h->flags & (NF_KEEP | NF_H1 | NF_ART);
                    if (!(h->flags & NF_SKIP)) {
                        ph->text += h->text;
                        ph->link += h->link;
                        ph->commas += h->commas;
                        ph->paras += h->paras;
                        ph->lis += h->lis;
                        ph->heads += h->heads;
                        ph->lheads += h->lheads;
                        if ((tf & (TF_PARA | TF_LIST | TF_CELL)) || (h->flags & NF_BLOCKS))
                            ph->flags |= NF_BLOCKS;
                    }
                }
            }
            if (x == root)
                return comments;
            if (x->next) {
                x = x->next;
                break;
            }
            x = x->parent;
            if (!x)
                return comments;
        }
    }
    return comments;
}


static void init_score(xmlNode *x) {
    hnode *h = info(x);
    if (h->flags & NF_SCORED)
        return;
    h->flags |= NF_SCORED;
    h->score = (h->tag ? h->tag->base : 0) + h->weight;
    if (h->flags & NF_ARTBODY)
        h->score += 25;
}

/* A text block of text bytes (link of them in links) and commas, in p: its score goes to p and
   up to four ancestors above, less at each level; its text outside links to all of them. */
static void give_score(xmlNode *p, size_t text, size_t link, size_t commas) {
    double s = 1.0 + (double)commas + (double)(text / 100 < 3 ? text / 100 : 3);
    for (xmlNode *q = p; q && q->type == XML_ELEMENT_NODE; q = q->parent)
        info(q)->ptext += text - link;
    for (int level = 0; p && p->type == XML_ELEMENT_NODE && level < 5; level++, p = p->parent) {
        init_score(p);
        info(p)->score += s / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
    }
}

/* Text that sits in x itself between its blocks (<div>text<br>text<h2>..</h2>text</div>, as
   Readability turns into paragraphs): each run between blocks and line breaks is a text block. */
static void score_runs(xmlNode *x) {
    size_t text = 0, link = 0, commas = 0;
    for (xmlNode *c = x->children;; c = c->next) {
        int end = c == NULL;
        if (c && c->type == XML_TEXT_NODE && c->content) {
            measure_text((const char *)c->content, &text, &commas);
        } else if (c && c->type == XML_ELEMENT_NODE) {
            const hnode *h = info(c);
            int tf = h->tag ? h->tag->flags : 0;
            if (h->flags & NF_SKIP)
                continue;
            if ((tf & (TF_PARA | TF_LIST | TF_CELL | TF_LINE)) || (h->flags & NF_BLOCKS)) {
                end = 1;
            } else {
                text += h->text;
                link += h->link;
                commas += h->commas;
            }
        }
        if (end) {
            if (text >= 25 + link)
                give_score(x, text, link, commas);
            text = link = commas = 0;
        }
        if (!c)
            break;
    }
}

/* Pre-order over what is kept: each text block gives its score to up to five ancestors. */
static void score_blocks(xmlNode *root) {
    for (xmlNode *x = root; x;) {
        int descend = 1;
        if (x->type == XML_ELEMENT_NODE) {
            hnode *h = info(x);
            if (h->flags & NF_SKIP) {
                descend = 0;
            } else {
                int tf = h->tag ? h->tag->flags : 0;
                int leaf = (tf & TF_LEAF) || ((is_tag(x, "div") || is_tag(x, "section") ||
                                               is_tag(x, "article") || is_tag(x, "blockquote")) &&
                                              !(h->flags & NF_BLOCKS));
                if (leaf && h->text >= 25)
                    give_score(x->parent, h->text, h->link, h->commas);
                else if (!leaf && (h->flags & NF_BLOCKS) && h->text >= 25)
                    score_runs(x);
            }
        }
        x = next_node(x, root, descend);
    }
}

/* tuned on the dev part of data/web */
#ifndef COMMENTS_RATIO
#define COMMENTS_RATIO 3
#endif
#ifndef UP_STEPS
#define UP_STEPS 2
#endif
#ifndef PTEXT_UP
#define PTEXT_UP 2.0
#endif

/* The best element: scaled scores, then up while an ancestor is as good. */
static xmlNode *best_element(xmlNode *root) {
    xmlNode *top = NULL;
    double best = 0;
    for (xmlNode *x = root; x;) {
        int descend = 1;
        if (x->type == XML_ELEMENT_NODE) {
            hnode *h = info(x);
            if (h->flags & NF_SKIP) {
                descend = 0;
            } else if (h->flags & NF_SCORED) {
                h->score *= 1.0 - link_density(h);
                if (!top || h->score > best) {
                    top = x;
                    best = h->score;
                }
            }
        }
        x = next_node(x, root, descend);
    }
    if (!top)
        return NULL;
    /* an ancestor that scores higher than its best child holds more of the article */
    double last = best, threshold = best / 3;
    for (xmlNode *p = top->parent; p && p->type == XML_ELEMENT_NODE && !is_tag(p, "body"); p = p->parent) {
        hnode *h = info(p);
        if (!(h->flags & NF_SCORED))
            continue;
        if (h->score < threshold)
            break;
        if (h->score > last) {
            top = p;
            break;
        }
        last = h->score;
    }
    /* an article split over several containers: up to an ancestor that holds much more
       paragraph text (PTEXT_UP times) and is not mostly links; wrappers that add no text are
       passed (the best block's own link density says nothing of them) but not taken, and up to
       UP_STEPS ancestors that add a little are looked through */
    int steps = 0;
    size_t below = info(top)->ptext;
    for (xmlNode *up = top->parent; up && up->type == XML_ELEMENT_NODE && !is_tag(up, "body") &&
                                    !is_tag(up, "html");
         up = up->parent) {
        const hnode *p = info(up);
        if (p->ptext == below) /* wrappers that add no text are passed, not taken */
            continue;
        below = p->ptext;
        if (link_density(p) > 0.35)
            break;
        if ((double)p->ptext >= (double)info(top)->ptext * PTEXT_UP) {
            top = up;
            steps = 0;
        } else if (++steps > UP_STEPS) {
            break;
        }
    }
    /* an only child stands for its parent */
    while (top->parent && top->parent->type == XML_ELEMENT_NODE && !is_tag(top->parent, "body")) {
        size_t elements = 0;
        for (xmlNode *c = top->parent->children; c; c = c->next)
            elements += c->type == XML_ELEMENT_NODE && !(info(c)->flags & NF_SKIP);
        if (elements != 1)
            break;
        top = top->parent;
    }
    return top;
}

/* Inside the article: lists, tables and divisions that are boilerplate. */
static int drop_inside(const xmlNode *x) {
    const hnode *h = info(x);
    int tf = h->tag ? h->tag->flags : 0;
    if (is_tag(x, "h1")) /* the headline: the title field, not the body */
        return 1;
    if (tf & TF_HEAD)
        return h->weight < 0 || (link_density(h) > 0.33 && !anchor_link(x));
    int list = (tf & TF_LIST) != 0;
    if (!(list || is_tag(x, "div") || is_tag(x, "section") || is_tag(x, "table") ||
          is_tag(x, "form") || is_tag(x, "fieldset") || is_tag(x, "figure")))
        return 0;
    if (h->flags & (NF_KEEP | NF_ARTBODY))
        return 0;
    if (h->commas >= 10)
        return 0;
    double ld = link_density(h);
    if (h->imgs > 1 && (double)h->paras / (double)h->imgs < 0.5 && !is_tag(x, "figure"))
        return 1;
    if (!list && h->lis > h->paras + 1 && ld > 0.2)
        return 1;
    if (h->inputs > h->paras / 3 + 0)
        return h->inputs > 0;
    if (h->weight < 25 && ld > (list ? 0.5 : 0.33))
        return 1;
    if (h->weight >= 25 && ld > 0.5)
        return 1;
    return 0;
}

/* ---- output ----------------------------------------------------------------- */

static int grow_out(lede_corpus_article *a, size_t extra) {
    size_t need = a->out_len + extra + 1;
    if (need <= a->out_cap)
        return 1;
    size_t c = a->out_cap ? a->out_cap : 1024;
    while (c < need)
        c *= 2;
    char *q = lede_realloc(a->out, c);
    if (!q)
        return 0;
    a->out = q;
    a->out_cap = c;
    return 1;
}

static int out_put(lede_corpus_article *a, const char *s, size_t n) {
    if (!grow_out(a, n))
        return 0;
    memcpy(a->out + a->out_len, s, n);
    a->out_len += n;
    return 1;
}

typedef struct {
    lede_corpus_article *a;
    size_t start; /* where this field began in a->out */
    int brk;      /* pending break: 1 newline, 2 blank line */
    int space;    /* pending space */
    int ok;
} writer;

static void w_text(writer *w, const char *s, int pre) {
    for (; *s && w->ok; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\n' && pre) {
            if (w->brk < 1)
                w->brk = 1;
            w->space = 0;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            w->space = 1;
            continue;
        }
        if (c == 0xC2 && (unsigned char)s[1] == 0xA0) { /* no-break space */
            w->space = 1;
            s++;
            continue;
        }
        if (w->a->out_len > w->start) {
            if (w->brk)
                w->ok = out_put(w->a, "\n\n", (size_t)w->brk);
            else if (w->space)
                w->ok = out_put(w->a, " ", 1);
        }
        w->brk = w->space = 0;
        if (w->ok)
            w->ok = out_put(w->a, s, 1);
    }
}

static void w_break(writer *w, int level) {
    if (w->brk < level)
        w->brk = level;
}

/* Writes the text of x's subtree, less what is left out or dropped. */
static void write_element(writer *w, xmlNode *root, int inside_article) {
    int pre = 0;
    for (xmlNode *x = root; x && w->ok;) {
        int descend = 1;
        if (x->type == XML_ELEMENT_NODE) {
            hnode *h = info(x);
            int tf = h->tag ? h->tag->flags : 0;
            if ((h->flags & NF_SKIP) || (inside_article && x != root && drop_inside(x))) {
                descend = 0;
            } else {
                if (tf & TF_PARA)
                    w_break(w, 2);
                else if (tf & TF_LINE)
                    w_break(w, 1);
                else if (tf & TF_CELL)
                    w->space = 1;
                if (is_tag(x, "pre"))
                    pre++;
            }
            if (!descend || !x->children) {
                if (!descend) {
                    /* nothing */
                } else if (tf & TF_PARA) {
                    w_break(w, 2);
                }
            }
        } else if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) {
            if (x->content)
                w_text(w, (const char *)x->content, pre > 0);
        }
        /* next, closing the elements left on the way up */
        if (descend && x->children && x->type == XML_ELEMENT_NODE) {
            x = x->children;
            continue;
        }
        while (x && x != root) {
            if (x->next) {
                x = x->next;
                break;
            }
            x = x->parent;
            if (x && x->type == XML_ELEMENT_NODE) {
                int tf = info(x)->tag ? info(x)->tag->flags : 0;
                if (tf & TF_PARA)
                    w_break(w, 2);
                else if (tf & TF_LINE)
                    w_break(w, 1);
                if (is_tag(x, "pre") && pre > 0)
                    pre--;
            }
            if (x == root)
                x = NULL;
        }
        if (x == root)
            x = NULL;
    }
    w_break(w, 2);
}

/* A sibling of the best element that belongs to the article. */
static int keep_sibling(const xmlNode *s, const xmlNode *top) {
    const hnode *h = info(s), *t = info(top);
    if (h->flags & NF_SKIP)
        return 0;
    double threshold = t->score * 0.2 > 10 ? t->score * 0.2 : 10;
    double bonus = 0;
    const char *c1 = attr(s, "class"), *c2 = attr(top, "class");
    if (c1 && c2 && *c1 && strcmp(c1, c2) == 0)
        bonus = t->score * 0.2;
    if ((h->flags & NF_SCORED) && h->score + bonus >= threshold)
        return 1;
    if (is_tag(s, "p")) {
        double ld = link_density(h);
        if (h->text > 80 && ld < 0.25)
            return 1;
        if (h->text > 0 && h->text <= 80 && ld == 0 && h->commas + 1 > 0) {
            const char *last = NULL;
            for (const xmlNode *c = s->children; c; c = c->next)
                if (c->type == XML_TEXT_NODE && c->content)
                    last = (const char *)c->content;
            if (last && strstr(last, ". "))
                return 1;
        }
    }
    return 0;
}

/* ---- JSON-LD ------------------------------------------------------------------ */

enum { J_OBJ, J_ARR, J_STR, J_LIT };

typedef struct {
    int type;
    size_t s, e;     /* the text (a string's inside, quotes excluded) in the script */
    size_t parent;   /* index, or SIZE_MAX */
    size_t next;     /* index after this token's subtree */
    const char *src; /* the script text */
} jtok;

typedef struct {
    lede_corpus_article *a;
    size_t n;
} jset;

static int j_push(lede_corpus_article *a, size_t *nt, jtok t) {
    size_t cap = a->json_cap / sizeof(jtok);
    if (*nt >= cap) {
        size_t c = cap ? cap * 2 : 256;
        if (c > ((size_t)1 << 20))
            return 0; /* enough for any page; the rest is ignored */
        jtok *q = lede_realloc(a->json, c * sizeof(jtok));
        if (!q)
            return -1;
        a->json = q;
        a->json_cap = c * sizeof(jtok);
    }
    ((jtok *)a->json)[(*nt)++] = t;
    return 1;
}

/* Tokenizes one script's JSON (leniently) after the tokens already there. -1 on NOMEM. */
static int j_parse(lede_corpus_article *a, size_t *nt, const char *s) {
    size_t n = strlen(s), i = 0, cur = SIZE_MAX, first = *nt;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':') {
            i++;
            continue;
        }
        jtok t = {0, i, i, cur, 0, s};
        int r;
        if (c == '{' || c == '[') {
            t.type = c == '{' ? J_OBJ : J_ARR;
            if ((r = j_push(a, nt, t)) <= 0)
                return r;
            cur = *nt - 1;
            i++;
            continue;
        }
        if (c == '}' || c == ']') {
            if (cur != SIZE_MAX) {
                jtok *o = &((jtok *)a->json)[cur];
                o->next = *nt;
                o->e = i + 1;
                cur = o->parent;
            }
            i++;
            continue;
        }
        if (c == '"') {
            size_t j = i + 1;
            while (j < n && s[j] != '"')
                j += s[j] == '\\' && j + 1 < n ? 2 : 1;
            t.type = J_STR;
            t.s = i + 1;
            t.e = j < n ? j : n;
            i = j + 1;
        } else {
            size_t j = i;
            while (j < n && !strchr(",:]} \t\r\n{[\"", s[j]))
                j++;
            t.type = J_LIT;
            t.e = j;
            i = j;
        }
        t.next = *nt + 1;
        if ((r = j_push(a, nt, t)) <= 0)
            return r;
    }
    for (size_t k = first; k < *nt; k++) { /* unclosed containers end here */
        jtok *o = &((jtok *)a->json)[k];
        if ((o->type == J_OBJ || o->type == J_ARR) && o->next == 0)
            o->next = *nt;
    }
    return 1;
}

static int j_is(const jtok *t, const char *w) {
    return t->type == J_STR && t->e - t->s == strlen(w) && memcmp(t->src + t->s, w, t->e - t->s) == 0;
}

/* The value of key in object o, or SIZE_MAX. */
static size_t j_get(const jtok *tk, size_t o, const char *key) {
    if (tk[o].type != J_OBJ)
        return SIZE_MAX;
    for (size_t c = o + 1; c < tk[o].next;) {
        size_t v = tk[c].next;
        if (v >= tk[o].next)
            break;
        if (j_is(&tk[c], key))
            return v;
        c = tk[v].next;
    }
    return SIZE_MAX;
}

static const char *const article_types[] = {"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle",
                                            "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
                                            "ReviewNewsArticle", "TechArticle", "ScholarlyArticle",
                                            "LiveBlogPosting", "SocialMediaPosting", "Report", "Blog",
                                            "SatiricalArticle", "AdvertiserContentArticle", NULL};

static int j_type_is(const jtok *tk, size_t o, const char *const *types) {
    size_t t = j_get(tk, o, "@type");
    if (t == SIZE_MAX)
        return 0;
    for (size_t c = t; c < tk[t].next; c = tk[c].type == J_ARR ? c + 1 : tk[c].next)
        for (size_t k = 0; types[k]; k++)
            if (j_is(&tk[c], types[k]))
                return 1;
    return 0;
}

/* ---- metadata ------------------------------------------------------------------ */

typedef struct {
    const char *s; /* NULL when none */
    size_t n;
    int json;  /* a JSON string's inside: unescape */
    int lines; /* line breaks are paragraph breaks (else white space) */
} span;

#define MAX_NAMES 16

typedef struct {
    span title_ld, og_title, tw_title, title_tag, h1;
    span site, publisher, website, app_name;
    span canonical, og_url, ld_url;
    span date_ld, date_meta, date_time_pub, date_time;
    span artbody;    /* JSON-LD articleBody */
    span date_class; /* the text of an element with a date class */
    int og_article;  /* og:type article, or an <article>, or a JSON-LD article object */
    span names[MAX_NAMES];
    size_t n_names;
    span meta_author, byline;
    char byline_buf[128];
} meta;

static void set_span(span *x, const char *s, int json) {
    if (x->s || !s)
        return;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    if (n == 0)
        return;
    x->s = s;
    x->n = n;
    x->json = json;
}

static void set_jspan(span *x, const jtok *t) {
    if (x->s || t->type != J_STR || t->e <= t->s)
        return;
    x->s = t->src + t->s;
    x->n = t->e - t->s;
    x->json = 1;
}

static void add_name(meta *m, const jtok *tk, size_t v) {
    if (v == SIZE_MAX)
        return;
    if (tk[v].type == J_ARR) {
        for (size_t c = v + 1; c < tk[v].next; c = tk[c].next)
            add_name(m, tk, c);
        return;
    }
    if (tk[v].type == J_OBJ)
        v = j_get(tk, v, "name");
    if (v == SIZE_MAX || tk[v].type != J_STR || tk[v].e <= tk[v].s || m->n_names >= MAX_NAMES)
        return;
    span *x = &m->names[m->n_names];
    set_jspan(x, &tk[v]);
    if (x->s)
        m->n_names++;
}

static void read_json_ld(lede_corpus_article *a, size_t nt, meta *m) {
    const jtok *tk = a->json;
    static const char *const site_types[] = {"WebSite", NULL};
    size_t art = SIZE_MAX;
    for (size_t o = 0; o < nt; o++) {
        if (tk[o].type != J_OBJ)
            continue;
        if (j_type_is(tk, o, article_types)) {
            if (art == SIZE_MAX || (j_get(tk, art, "articleBody") == SIZE_MAX &&
                                    j_get(tk, o, "articleBody") != SIZE_MAX))
                art = o;
        } else if (j_type_is(tk, o, site_types)) {
            size_t v = j_get(tk, o, "name");
            if (v != SIZE_MAX)
                set_jspan(&m->website, &tk[v]);
        }
    }
    if (art == SIZE_MAX)
        return;
    m->og_article = 1;
    size_t v;
    if ((v = j_get(tk, art, "headline")) != SIZE_MAX || (v = j_get(tk, art, "name")) != SIZE_MAX)
        set_jspan(&m->title_ld, &tk[v]);
    if ((v = j_get(tk, art, "datePublished")) != SIZE_MAX ||
        (v = j_get(tk, art, "dateCreated")) != SIZE_MAX)
        set_jspan(&m->date_ld, &tk[v]);
    if ((v = j_get(tk, art, "url")) != SIZE_MAX)
        set_jspan(&m->ld_url, &tk[v]);
    if ((v = j_get(tk, art, "articleBody")) != SIZE_MAX) {
        set_jspan(&m->artbody, &tk[v]);
        m->artbody.lines = 1;
    }
    if ((v = j_get(tk, art, "publisher")) != SIZE_MAX) {
        if (tk[v].type == J_ARR && v + 1 < tk[v].next)
            v = v + 1;
        size_t nm = tk[v].type == J_OBJ ? j_get(tk, v, "name") : v;
        if (nm != SIZE_MAX)
            set_jspan(&m->publisher, &tk[nm]);
    }
    v = j_get(tk, art, "author");
    if (v != SIZE_MAX) {
        /* a reference {"@id": ...} is looked up among the objects */
        size_t id = tk[v].type == J_OBJ ? j_get(tk, v, "@id") : SIZE_MAX;
        if (id != SIZE_MAX && j_get(tk, v, "name") == SIZE_MAX) {
            for (size_t o = 0; o < nt; o++)
                if (o != v && tk[o].type == J_OBJ && j_get(tk, o, "name") != SIZE_MAX) {
                    size_t oid = j_get(tk, o, "@id");
                    if (oid != SIZE_MAX && tk[oid].e - tk[oid].s == tk[id].e - tk[id].s &&
                        memcmp(tk[oid].src + tk[oid].s, tk[id].src + tk[id].s, tk[id].e - tk[id].s) == 0) {
                        v = o;
                        break;
                    }
                }
        }
        add_name(m, tk, v);
    }
}

static int meta_key(const char *k, const char *const *keys) {
    if (!k)
        return 0;
    for (size_t i = 0; keys[i]; i++)
        if (lede_ascii_eq_ci(k, strlen(k), keys[i]))
            return 1;
    return 0;
}

static const char *const date_keys[] = {
    "article:published_time", "og:article:published_time", "article:published", "datepublished",
    "date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "dcterms.issued",
    "sailthru.date", "parsely-pub-date", "article.published", "citation_publication_date",
    "citation_date", "og:published_time", "published_time", "release_date", NULL};
static const char *const author_keys[] = {"author", "dc.creator", "parsely-author", "sailthru.author",
                                          "citation_author", "article:author", "byl", NULL};

/* The text of x's subtree (first text node only when it is all there is). */
static const char *only_text(const xmlNode *x) {
    const xmlNode *c = x->children;
    while (c && c->type == XML_ELEMENT_NODE && c->children && !c->next)
        c = c->children;
    if (c && (c->type == XML_TEXT_NODE) && !c->next)
        return (const char *)c->content;
    return NULL;
}

/* The name in a byline element: its text, white space collapsed, less "By", "Written by",
   "Author:" and what follows a separator ("| March 3", " - Staff"); 0 when none or too long
   to be names. */
static int byline_text(xmlNode *x, char *buf, size_t cap) {
    size_t k = 0;
    int space = 0;
    for (xmlNode *c = x; c; c = next_node(c, x, 1)) {
        if (c->type == XML_ELEMENT_NODE && (is_tag(c, "script") || is_tag(c, "style") || is_tag(c, "time")))
            return 0;
        if (c->type != XML_TEXT_NODE || !c->content)
            continue;
        if (k == 2 && lede_ascii_eq_ci(buf, 2, "by")) /* <span>By</span><a>Name</a> */
            space = 1;
        for (const char *t = (const char *)c->content; *t; t++) {
            unsigned char ch = (unsigned char)*t;
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
                (ch == 0xC2 && (unsigned char)t[1] == 0xA0)) { /* no-break space */
                t += ch == 0xC2;
                space = k > 0;
                continue;
            }
            if (k + 2 >= cap)
                return 0;
            if (space)
                buf[k++] = ' ';
            space = 0;
            buf[k++] = (char)ch;
        }
    }
    buf[k] = '\0';
    static const char *const cuts[] = {" | ", "|", " \xE2\x80\xA2 ", " \xC2\xB7 ", " - ", " \xE2\x80\x93 ", ",  ", NULL};
    for (size_t i = 0; cuts[i]; i++) {
        char *p = strstr(buf, cuts[i]);
        if (p)
            *p = '\0';
    }
    static const char *const prefixes[] = {"written by ", "posted by ", "reviewed by ", "by ", "author: ", "author ", NULL};
    char *b = buf;
    for (size_t i = 0; prefixes[i]; i++) {
        size_t pl = strlen(prefixes[i]);
        if (strlen(b) > pl && lede_ascii_eq_ci(b, pl, prefixes[i])) {
            b += pl;
            break;
        }
    }
    while (*b == ',' || *b == ' ' || *b == ':')
        b++;
    size_t n = strlen(b);
    while (n && (b[n - 1] == ' ' || b[n - 1] == ',' || b[n - 1] == ':' || b[n - 1] == '-'))
        b[--n] = '\0';
    if (n < 3 || n > 60 || (n == 10 && lede_ascii_eq_ci(b, 10, "written by")) ||
        (n == 6 && lede_ascii_eq_ci(b, 6, "author")))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (b[i] >= '0' && b[i] <= '9')
            return 0; /* a date, not a name */
    memmove(buf, b, n + 1);
    return 1;
}

static lede_rc read_meta(lede_corpus_article *a, xmlNode *root, meta *m) {
    size_t nt = 0;
    for (xmlNode *x = root; x; x = next_node(x, root, 1)) {
        if (x->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)x->name, *v;
        if (strcmp(name, "meta") == 0) {
            const char *k = attr(x, "property");
            const char *k2 = attr(x, "name");
            const char *k3 = attr(x, "itemprop");
            const char *c = attr(x, "content");
            if (!c)
                continue;
            const char *keys[3] = {k, k2, k3};
            for (int i = 0; i < 3; i++) {
                const char *key = keys[i];
                if (!key)
                    continue;
                size_t kn = strlen(key);
                if (lede_ascii_eq_ci(key, kn, "og:title"))
                    set_span(&m->og_title, c, 0);
                else if (lede_ascii_eq_ci(key, kn, "twitter:title"))
                    set_span(&m->tw_title, c, 0);
                else if (lede_ascii_eq_ci(key, kn, "og:type"))
                    m->og_article |= lede_ascii_eq_ci(c, strlen(c), "article");
                else if (lede_ascii_eq_ci(key, kn, "og:site_name"))
                    set_span(&m->site, c, 0);
                else if (lede_ascii_eq_ci(key, kn, "application-name"))
                    set_span(&m->app_name, c, 0);
                else if (lede_ascii_eq_ci(key, kn, "og:url"))
                    set_span(&m->og_url, c, 0);
                else if (meta_key(key, date_keys))
                    set_span(&m->date_meta, c, 0);
                else if (meta_key(key, author_keys) && !find_ci(c, "http") && !find_ci(c, "www."))
                    set_span(&m->meta_author, c, 0);
            }
        } else if (strcmp(name, "link") == 0) {
            const char *rel = attr(x, "rel");
            if (rel && lede_ascii_eq_ci(rel, strlen(rel), "canonical"))
                set_span(&m->canonical, attr(x, "href"), 0);
        } else if (strcmp(name, "title") == 0) {
            if (!m->title_tag.s && x->children && x->children->type == XML_TEXT_NODE)
                set_span(&m->title_tag, (const char *)x->children->content, 0);
        } else if (strcmp(name, "h1") == 0) {
            set_span(&m->h1, only_text(x), 0);
        } else if (strcmp(name, "time") == 0) {
            const char *dt = attr(x, "datetime");
            const char *ip = attr(x, "itemprop"), *cl = attr(x, "class");
            if (!dt)
                dt = only_text(x);
            if ((ip && find_ci(ip, "datepublished")) || attr(x, "pubdate") || (cl && find_ci(cl, "publish")))
                set_span(&m->date_time_pub, dt, 0);
            set_span(&m->date_time, dt, 0);
        } else if (strcmp(name, "script") == 0) {
            v = attr(x, "type");
            if (v && find_ci(v, "ld+json") && x->children && x->children->content) {
                int r = j_parse(a, &nt, (const char *)x->children->content);
                if (r < 0)
                    return LEDE_NOMEM;
            }
        } else if (strcmp(name, "article") == 0) {
            m->og_article = 1;
        }
        if (!m->date_class.s && (v = attr(x, "class")) &&
                   (find_ci(v, "date") || find_ci(v, "publish") || find_ci(v, "posted")) &&
                   !find_ci(v, "update") && !find_ci(v, "modif") && (v = only_text(x)) &&
                   strlen(v) < 80) {
            char d[11];
            if (lede_corpus_date(v, strlen(v), d)) /* a dated element: "Posted March 3, 2025" */
                set_span(&m->date_class, v, 0);
        }
        if (!m->byline.s && strcmp(name, "meta") != 0 &&
            strcmp(name, "link") != 0 && strcmp(name, "title") != 0 && strcmp(name, "h1") != 0 &&
            strcmp(name, "time") != 0 && strcmp(name, "script") != 0) {
            const char *ip = attr(x, "itemprop"), *rel = attr(x, "rel"), *cl = attr(x, "class");
            if ((ip && lede_ascii_eq_ci(ip, strlen(ip), "author")) ||
                (rel && lede_ascii_eq_ci(rel, strlen(rel), "author")) ||
                (cl && (find_ci(cl, "byline") || class_word(cl, (const char *const[]){"author", "author-name", NULL})))) {
                if (byline_text(x, m->byline_buf, sizeof m->byline_buf))
                    set_span(&m->byline, m->byline_buf, 0);
            }
        }
    }
    read_json_ld(a, nt, m);
    return LEDE_OK;
}

/* ---- fields ------------------------------------------------------------------ */

static unsigned hexval(int c) {
    return c >= '0' && c <= '9' ? (unsigned)(c - '0')
           : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
           : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                  : 16u;
}

static size_t put_utf8(char *o, uint32_t cp) {
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        if (cp >= 0xD800 && cp < 0xE000)
            cp = 0xFFFD;
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Appends x (unescaped when JSON, white space collapsed, trimmed) to a->out;
   its start in *start and its length returned. 0 length on NOMEM sets *ok = 0. */
static size_t put_span(lede_corpus_article *a, const span *x, size_t *start, int *ok) {
    *start = a->out_len;
    if (!x->s)
        return 0;
    if (!grow_out(a, x->n * 2 + 4)) {
        *ok = 0;
        return 0;
    }
    char *o = a->out + a->out_len;
    const char *s = x->s;
    size_t n = x->n, k = 0;
    int space = 0, brk = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char buf[8];
        size_t bn = 1;
        buf[0] = (char)c;
        if (x->json && c == '\\' && i + 1 < n) {
            char e = s[++i];
            if (e == 'n' && x->lines)
                buf[0] = '\n';
            else if (e == 'n' || e == 't' || e == 'r' || e == 'f' || e == 'b')
                buf[0] = ' ';
            else if (e == 'u' && i + 4 < n) {
                uint32_t cp = 0;
                int good = 1;
                for (int q = 1; q <= 4; q++) {
                    unsigned hv = hexval(s[i + (size_t)q]);
                    good &= hv < 16;
                    cp = cp * 16 + (hv & 15);
                }
                if (good) {
                    i += 4;
                    if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < n && s[i + 1] == '\\' && s[i + 2] == 'u') {
                        uint32_t lo = 0;
                        int g2 = 1;
                        for (int q = 3; q <= 6; q++) {
                            unsigned hv = hexval(s[i + (size_t)q]);
                            g2 &= hv < 16;
                            lo = lo * 16 + (hv & 15);
                        }
                        if (g2 && lo >= 0xDC00 && lo < 0xE000) {
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                            i += 6;
                        }
                    }
                    if (cp < 0x20)
                        cp = ' ';
                    bn = put_utf8(buf, cp);
                } else {
                    buf[0] = 'u';
                }
            } else {
                buf[0] = e;
            }
        }
        if (c == '&' && i + 2 < n) { /* an entity left in the text (pages encode titles twice) */
            uint32_t cp = 0;
            size_t j = i + 1;
            if (s[j] == '#') {
                int hex = j + 1 < n && (s[j + 1] == 'x' || s[j + 1] == 'X');
                j += hex ? 2 : 1;
                size_t d0 = j;
                while (j < n && j - d0 < 7 && hexval(s[j]) < (hex ? 16u : 10u))
                    cp = cp * (hex ? 16 : 10) + hexval(s[j++]);
                if (j == d0 || j >= n || s[j] != ';' || cp == 0 || cp > 0x10FFFF)
                    cp = 0;
            } else {
                static const struct {
                    const char *name;
                    uint32_t cp;
                } ents[] = {{"amp", '&'},       {"lt", '<'},        {"gt", '>'},       {"quot", '"'},
                            {"apos", '\''},     {"nbsp", ' '},      {"bull", 0x2022},  {"ndash", 0x2013},
                            {"mdash", 0x2014},  {"hellip", 0x2026}, {"rsquo", 0x2019}, {"lsquo", 0x2018},
                            {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"middot", 0xB7},  {"raquo", 0xBB},
                            {"laquo", 0xAB},    {"copy", 0xA9},     {"reg", 0xAE},     {"trade", 0x2122}};
                for (size_t e = 0; e < sizeof ents / sizeof ents[0]; e++) {
                    size_t en = strlen(ents[e].name);
                    if (j + en < n && memcmp(s + j, ents[e].name, en) == 0 && s[j + en] == ';') {
                        cp = ents[e].cp;
                        j += en;
                        break;
                    }
                }
            }
            if (cp) {
                if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
                    cp = ' ';
                bn = put_utf8(buf, cp);
                i = j;
            }
        }
        if (bn == 1 && (buf[0] == ' ' || buf[0] == '\t' || buf[0] == '\n' || buf[0] == '\r' ||
                        (unsigned char)buf[0] < 0x20)) {
            space = k > 0;
            brk |= k > 0 && x->lines && buf[0] == '\n';
            continue;
        }
        if (brk) {
            o[k++] = '\n';
            o[k++] = '\n';
        } else if (space) {
            o[k++] = ' ';
        }
        space = brk = 0;
        memcpy(o + k, buf, bn);
        k += bn;
    }
    a->out_len += k;
    return k;
}

/* Separators between a headline and a site name in titles. */
static const char *const title_seps[] = {" | ", " - ", " – ", " — ", " · ", " :: ", " « ", " » ", " // ", NULL};

static int same_ci(const char *a, size_t an, const char *b, size_t bn) {
    if (an != bn)
        return 0;
    for (size_t i = 0; i < an; i++)
        if (lede_ascii_lower((unsigned char)a[i]) != lede_ascii_lower((unsigned char)b[i]))
            return 0;
    return 1;
}

static size_t count_words(const char *s, size_t n) {
    size_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ';
        w += !sp && !in;
        in = !sp;
    }
    return w;
}

/* Cuts a site name off a title s[0..*n) (from its end or its start). */
static const char *cut_site(const char *s, size_t *n, const char *site, size_t site_n) {
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; title_seps[k]; k++) {
            size_t sl = strlen(title_seps[k]);
            /* the last separator: "Headline | Section | Site" loses only "Site" */
            for (size_t i = *n; i-- > 0;) {
                if (i + sl > *n || memcmp(s + i, title_seps[k], sl) != 0)
                    continue;
                const char *tail = s + i + sl;
                size_t tn = *n - i - sl;
                if ((site && same_ci(tail, tn, site, site_n)) ||
                    (pass == 1 && count_words(tail, tn) <= 4 && count_words(s, i) >= 3)) {
                    *n = i;
                    return s;
                }
                break;
            }
            /* the first separator: "Site | Headline" */
            for (size_t i = 0; i + sl <= *n; i++) {
                if (memcmp(s + i, title_seps[k], sl) != 0)
                    continue;
                if (site && same_ci(s, i, site, site_n)) {
                    *n -= i + sl;
                    return s + i + sl;
                }
                break;
            }
        }
    }
    return s;
}

/* A date from the URL path: /2025/09/04/ or /2025-09-04/. */
static int url_date(const span *u, char out[11]) {
    if (!u->s)
        return 0;
    const char *s = u->s;
    size_t n = u->n;
    for (size_t i = 0; i + 11 <= n; i++) {
        if (s[i] != '/')
            continue;
        const char *p = s + i + 1;
        size_t left = n - i - 1;
        if (left >= 10 && p[4] == p[7] && (p[4] == '/' || p[4] == '-')) {
            int ok = 1;
            for (int q = 0; q < 10; q++)
                if (q != 4 && q != 7 && !(p[q] >= '0' && p[q] <= '9'))
                    ok = 0;
            if (ok && (p[0] == '1' || p[0] == '2')) {
                int m = (p[5] - '0') * 10 + (p[6] - '0'), d = (p[8] - '0') * 10 + (p[9] - '0');
                if (m >= 1 && m <= 12 && d >= 1 && d <= 31 && (left == 10 || !(p[10] >= '0' && p[10] <= '9'))) {
                    char iso[10];
                    memcpy(iso, p, 10);
                    iso[4] = iso[7] = '-';
                    if (lede_corpus_date(iso, 10, out)) /* a real day of that month */
                        return 1;
                }
            }
        }
    }
    return 0;
}

static int span_date(lede_corpus_article *a, const span *x) {
    if (!x->s)
        return 0;
    return lede_corpus_date(x->s, x->n < 80 ? x->n : 80, a->date);
}

/* A name, not a placeholder ("undefined", a comment form's "Name *"); user names stay. */
static int name_ok(const char *s, size_t n) {
    static const char *const junk[] = {"undefined", "null", "none", "unknown", NULL};
    for (size_t i = 0; junk[i]; i++)
        if (lede_ascii_eq_ci(s, n, junk[i]))
            return 0;
    int letter = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '*')
            return 0;
        letter |= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
    }
    return letter;
}

/* Appends the JSON array of names to a->out; how many in *n_written. */
static int put_names(lede_corpus_article *a, const span *names, size_t count, size_t *n_written) {
    if (!out_put(a, "[", 1))
        return 0;
    size_t written = 0;
    for (size_t i = 0; i < count; i++) {
        int ok = 1;
        size_t st, len;
        span x = names[i];
        if (!x.json && x.n > 3 && lede_ascii_eq_ci(x.s, 3, "by ")) {
            x.s += 3;
            x.n -= 3;
        }
        len = put_span(a, &x, &st, &ok);
        if (!ok)
            return 0;
        a->out_len = st;
        if (len == 0 || len > 100 || !name_ok(a->out + st, len))
            continue;
        /* escape in place: copy the name to the end, then write the escaped form */
        if (!grow_out(a, len * 7 + 4))
            return 0;
        char *raw = a->out + a->out_cap - len - 1;
        memmove(raw, a->out + st, len);
        char *o = a->out + st;
        if (written)
            *o++ = ',';
        *o++ = '"';
        for (size_t k = 0; k < len; k++) {
            unsigned char c = (unsigned char)raw[k];
            if (c == '"' || c == '\\') {
                *o++ = '\\';
                *o++ = (char)c;
            } else if (c < 0x20) {
                *o++ = ' ';
            } else {
                *o++ = (char)c;
            }
        }
        *o++ = '"';
        a->out_len = (size_t)(o - a->out);
        written++;
    }
    *n_written = written;
    return out_put(a, "]", 1);
}

/* ---- the page -------------------------------------------------------------- */

static void set_text(lede_corpus_text *x, const char *s, size_t n) {
    x->s = s;
    x->n = n;
}

/* Gives each element its zeroed hnode; nonzero when the page has a <main>, an <article> or an
   articleBody. */
static int init_nodes(xmlNode *root, hnode *nodes) {
    size_t i = 0;
    int marked = 0;
    for (xmlNode *x = root; x; x = next_node(x, root, 1))
        if (x->type == XML_ELEMENT_NODE) {
            const char *ip;
            marked |= is_tag(x, "main") || is_tag(x, "article") ||
                      ((ip = attr(x, "itemprop")) && find_ci(ip, "articlebody"));
            memset(&nodes[i], 0, sizeof nodes[i]);
            nodes[i].tag = tag_of(x);
            x->_private = &nodes[i++];
        }
    return marked;
}

static lede_rc extract(lede_corpus_article *a, xmlDoc *doc) {
    xmlNode *root = xmlDocGetRootElement(doc);
    size_t count = 0;
    for (xmlNode *x = root; x; x = next_node(x, root, 1))
        count += x->type == XML_ELEMENT_NODE;
    if (count > a->nodes_cap / sizeof(hnode)) {
        hnode *q = lede_realloc(a->nodes, count * sizeof(hnode));
        if (!q)
            return LEDE_NOMEM;
        a->nodes = q;
        a->nodes_cap = count * sizeof(hnode);
    }
    int marked = init_nodes(root, a->nodes);

    meta m;
    memset(&m, 0, sizeof m);
    if (root && read_meta(a, root, &m) != LEDE_OK)
        return LEDE_NOMEM;

    /* body */
    writer w = {a, 0, 0, 0, 1};
    if (root) {
        size_t comments = measure(root, marked, 0);
        score_blocks(root);
        xmlNode *top = best_element(root);
        /* a page that is mostly comments around little else (a forum thread): its comments
           are its text, and it is read again with comment sections as plain elements */
        if (comments > 2 * info(root)->text && (!top || info(top)->ptext < 700)) {
            init_nodes(root, a->nodes);
            measure(root, marked, 1);
            score_blocks(root);
            top = best_element(root);
        }
        xmlNode *body = root;
        for (xmlNode *c = root->children; c; c = c->next)
            if (is_tag(c, "body"))
                body = c;
        if (!top) {
            write_element(&w, body, 0);
        } else if (!top->parent || top->parent->type != XML_ELEMENT_NODE || top == body) {
            write_element(&w, top, 1);
        } else {
            for (xmlNode *s = top->parent->children; s && w.ok; s = s->next) {
                if (s->type == XML_ELEMENT_NODE && (s == top || keep_sibling(s, top)))
                    write_element(&w, s, 1);
            }
        }
    }
    if (!w.ok)
        return LEDE_NOMEM;
    /* the page's JSON-LD articleBody when what was found is under a quarter of its length (a page
       whose text is written by scripts, or whose article lost to another part) */
    if (m.artbody.s && m.artbody.n >= 500 && a->out_len * 4 < m.artbody.n &&
        !memchr(m.artbody.s, '<', m.artbody.n)) {
        int ok = 1;
        size_t st;
        a->out_len = 0;
        put_span(a, &m.artbody, &st, &ok);
        if (!ok)
            return LEDE_NOMEM;
    }
    size_t body_len = a->out_len, body_start = 0;

    /* dateline: the text parser's rule on the first paragraph */
    size_t place_s = 0, place_n = 0;
    {
        const char *nl = memchr(a->out ? a->out : "", '\n', body_len);
        size_t p = nl ? (size_t)(nl - a->out) : body_len;
        lede_corpus_text place = {NULL, 0};
        size_t k = p ? lede_corpus_dateline(a->out, p, &place) : 0;
        if (k && place.s) {
            place_s = (size_t)(place.s - a->out);
            place_n = place.n;
            body_start = k;
        }
    }

    /* authors */
    size_t authors_s = a->out_len;
    span one[1];
    const span *names = m.names;
    size_t count_names = m.n_names;
    size_t written = 0;
    if (count_names && !put_names(a, names, count_names, &written))
        return LEDE_NOMEM;
    /* none in JSON-LD, or none that is a name: the meta author, then the byline */
    for (int k = 0; k < 2 && !written; k++) {
        one[0] = k == 0 ? m.meta_author : m.byline;
        a->out_len = authors_s;
        if (!put_names(a, one, one[0].s ? 1 : 0, &written))
            return LEDE_NOMEM;
    }
    size_t authors_n = a->out_len - authors_s;

    int ok = 1;
    size_t src_s, src_n = 0;
    const span *src = m.site.s ? &m.site : m.publisher.s ? &m.publisher : m.website.s ? &m.website : &m.app_name;
    src_n = put_span(a, src, &src_s, &ok);

    /* the page's own headline first; a short h1 is a logo or a section name */
    const span *tt = m.h1.s && m.h1.n >= 15 && !(src->s && same_ci(m.h1.s, m.h1.n, src->s, src->n)) ? &m.h1 : m.title_ld.s ? &m.title_ld : m.og_title.s ? &m.og_title : m.tw_title.s ? &m.tw_title
                     : &m.title_tag;
    size_t title_s, title_n = put_span(a, tt, &title_s, &ok);

    const span *uu = m.canonical.s ? &m.canonical : m.og_url.s ? &m.og_url : &m.ld_url;
    size_t url_s, url_n = put_span(a, uu, &url_s, &ok);

    if (!ok || !out_put(a, "", 0))
        return LEDE_NOMEM;
    a->out[a->out_len] = '\0';

    set_text(&a->body, a->out + body_start, body_len - body_start);
    set_text(&a->authors, a->out + authors_s, authors_n);
    if (src_n)
        set_text(&a->source, a->out + src_s, src_n);
    if (title_n) {
        size_t n = title_n;
        const char *t = cut_site(a->out + title_s, &n, src_n ? a->out + src_s : NULL, src_n);
        if (n)
            set_text(&a->title, t, n);
    }
    if (url_n)
        set_text(&a->url, a->out + url_s, url_n);
    if (place_n)
        set_text(&a->dateline, a->out + place_s, place_n);

    if (span_date(a, &m.date_ld) || span_date(a, &m.date_meta) || span_date(a, &m.date_time_pub) ||
        url_date(uu, a->date) || span_date(a, &m.date_time) ||
        (m.og_article && span_date(a, &m.date_class)))
        set_text(&a->published, a->date, 10);
    return LEDE_OK;
}

static int grow_text(lede_corpus_article *a, size_t need) {
    if (need <= a->text_cap)
        return 1;
    char *q = lede_realloc(a->text, need);
    if (!q)
        return 0;
    a->text = q;
    a->text_cap = need;
    return 1;
}

lede_rc lede_corpus_html_parse(lede_corpus_article *a, const char *s, size_t n) {
    lede_corpus_text none = {NULL, 0};
    a->title = a->published = a->dateline = a->source = a->authors = a->body = a->url = none;
    a->out_len = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        n -= 3;
    }
    if (n > INT_MAX)
        n = INT_MAX;
    if (!lede_utf8_valid(s, n)) { /* libxml2 would pass ill-formed bytes through: U+FFFD for each */
        if (n > (SIZE_MAX - 1) / 3 || !grow_text(a, 3 * n + 1))
            return LEDE_NOMEM;
        size_t o = 0;
        for (size_t i = 0; i < n;) {
            uint32_t cp;
            size_t j = lede_utf8_next(s, n, i, &cp);
            if (lede_utf8_ill_formed(s, i, j, cp)) {
                memcpy(a->text + o, "\xEF\xBF\xBD", 3);
                o += 3;
            } else {
                memcpy(a->text + o, s + i, j - i);
                o += j - i;
            }
            i = j;
        }
        s = a->text;
        n = o < INT_MAX ? o : INT_MAX;
    }
    xmlDoc *doc = NULL;
    if (n > 0) {
        htmlParserCtxtPtr ctx = htmlNewParserCtxt();
        if (!ctx)
            return LEDE_NOMEM;
        doc = htmlCtxtReadMemory(ctx, s, (int)n, NULL, "UTF-8",
                                 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                     HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
        htmlFreeParserCtxt(ctx);
    }
    lede_rc rc = LEDE_OK;
    if (doc)
        rc = extract(a, doc);
    xmlFreeDoc(doc);
    if (rc != LEDE_OK)
        return rc;
    if (!doc) { /* nothing to read: an empty article */
        a->out_len = 0;
        if (!out_put(a, "[]", 2))
            return LEDE_NOMEM;
        a->out[a->out_len] = '\0';
        set_text(&a->body, a->out, 0);
        set_text(&a->authors, a->out, 2);
    }
    return LEDE_OK;
}

int lede_corpus_html_sniff(const char *s, size_t n) {
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f'))
        i++;
    if (i >= n || s[i] != '<')
        return 0;
    static const char *const marks[] = {"<!doctype html", "<html", "<head", "<body", NULL};
    size_t end = n - i < 1024 ? n : i + 1024;
    for (size_t k = i; k < end; k++) {
        if (s[k] != '<')
            continue;
        for (size_t m = 0; marks[m]; m++) {
            size_t ml = strlen(marks[m]);
            if (k + ml <= n && lede_ascii_eq_ci(s + k, ml, marks[m])) {
                /* the name must end there: "<header" is not "<head" */
                char after = k + ml < n ? s[k + ml] : ' ';
                if (!((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') ||
                      (after >= '0' && after <= '9') || after == '-'))
                    return 1;
            }
        }
    }
    return 0;
}

void lede_corpus_html_init(void) { xmlInitParser(); }
