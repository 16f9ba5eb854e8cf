/*
 * glob.h: matching relative paths ("2025/01/tokyo.txt") against a glob.
 *
 * A pattern is split into segments at every '/', as a path is; segments
 * match one to one, except that a segment that is exactly "**" matches
 * zero or more whole path segments ("**" + "/" + "*.txt" matches a.txt and
 * x/y/a.txt; a trailing "a/" + "**" matches every file under a/ and a file
 * named a). Within a segment:
 *
 *   *        any run of characters, none or more (never a '/')
 *   ?        exactly one character (a UTF-8 character as utf8.h steps it)
 *   [abc]    one character of the class; ranges by code point ([a-z],
 *   [a-z]    [à-ÿ]); [!...] and [^...] negate; a ']' first in the class is
 *   [!x]     literal; a '[' with no closing ']' in its segment is a literal
 *   \c       the character c itself (\*, \?, \[, \\)
 *
 * "**" inside a segment ("a**b", "**.txt") is just two '*'. Matching is
 * case-sensitive and goes character by character, a character as utf8.h
 * steps it: a literal character matches the same bytes, so any encoding
 * round-trips (a Latin-1 pattern matches Latin-1 names), but never a part
 * of a longer character of the path. Hidden names get no special treatment
 * here (the walk skips them).
 * Patterns must not be empty, start with '/' or contain a NUL byte
 * (lede_corpus_glob_init says why). A NULL pattern matches every path.
 *
 * Matching takes time O(pattern * path) with no allocation: '*' and "**"
 * each keep one backtrack point, which suffices because each matches any
 * run of what it spans and every other item takes exactly one unit (the
 * classic argument for wildcard matching, applied to characters within a
 * segment and to segments within a path; tests/fuzz/fuzz_glob.c checks it
 * against an exhaustive matcher).
 *
 * lede_corpus_glob_may_enter prunes the walk: it says whether some path
 * below a folder could match. It is exact up to the first "**" and answers
 * yes from there on.
 */
#ifndef LEDE_CORPUS_GLOB_H
#define LEDE_CORPUS_GLOB_H

#include "../core.h"

typedef struct {
    const char *pat; /* the pattern, not owned; NULL matches everything */
    size_t n;        /* its length in bytes */
} lede_corpus_glob;

/*
 * Prepares g for pat[0..n) (which must outlive g); pat NULL means "every
 * path". Returns LEDE_OK, or LEDE_INVALID with *why set to a static
 * message ("must not be empty", ...) when why is not NULL.
 */
lede_rc lede_corpus_glob_init(lede_corpus_glob *g, const char *pat, size_t n, const char **why);

/* 1 when the relative path path[0..n) matches, else 0. */
int lede_corpus_glob_match(const lede_corpus_glob *g, const char *path, size_t n);

/*
 * The class "[...]" that opens at p[pi] == '[' in the pattern segment
 * p[0..pn), tried on the character c: -1 when no ']' closes it (the '[' is
 * then a literal), else 1 when c is in it and 0 when not, with *pnext just
 * past the ']'. The matcher's own reading of classes, for tests that match
 * by another algorithm.
 */
int lede_corpus_glob_class(const char *p, size_t pn, size_t pi, uint32_t c, size_t *pnext);

/*
 * 1 when some path "dir/..." could match, where dir[0..n) is a relative
 * folder path without a trailing '/'; 0 when none can.
 */
int lede_corpus_glob_may_enter(const lede_corpus_glob *g, const char *dir, size_t n);

#endif
