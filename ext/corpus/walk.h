/*
 * walk.h: walking a folder tree for lede_articles, and reading its files.
 *
 * The walk is iterative, with an explicit stack of folders: one frame per
 * folder on the current path, each holding that folder's sorted listing
 * (only the names the glob can use) and, while it is among the deepest
 * LEDE_CORPUS_WALK_OPEN_FDS, an open descriptor. A frame whose descriptor
 * was closed is reopened name by name from the nearest open ancestor when
 * the walk comes back to it (and checked to be the same folder), so depth
 * is limited by memory only, never by recursion or by the open-file limit.
 * Memory is the listings along the current path; it does not grow with
 * the number of files elsewhere in the tree.
 *
 * Rules:
 *  - names starting with '.' (hidden files and folders) are skipped;
 *  - each folder's entries are sorted bytewise, a folder's name compared
 *    as if followed by '/', so rows come out sorted by path as a whole
 *    ("a.txt" < "a/x.txt" < "a0.txt");
 *  - a file is yielded when the glob matches its path, or when it is an
 *    archive (reader.h, by its name) some member of which could match (the
 *    pattern reads an archive as a folder); a folder is entered
 *    when lede_corpus_glob_may_enter says something below could match;
 *  - a symlink to a regular file is read as that file (size, mtime and
 *    content of the target); a symlink to a folder is not followed unless
 *    LEDE_CORPUS_WALK_FOLLOW is set, and then never into a folder that is
 *    already on the current path (device and inode compared), so loops
 *    end; the same check guards real folders (bind-mount loops);
 *  - nothing is skipped silently: a folder that cannot be opened or
 *    listed, a symlink to a folder that is not followed, a loop, a broken
 *    symlink, a fifo/socket/device, or an entry that vanished during
 *    listing is yielded as an entry with a fault (a folder's path then ends
 *    in '/'), when the glob could have used it.
 *
 * lede_corpus_walk_open_path yields the one entry the full walk would give
 * for a given path (or none), opening only the folders on that path.
 *
 * Who owns what: the caller owns the lede_corpus_walk (zero it before the
 * first open) and releases it with lede_corpus_walk_close, which frees all
 * memory and closes all descriptors; the walk may then be opened again.
 * Entry paths point into the walk and live until the next call. Buffers
 * (lede_corpus_buf) are the caller's, zeroed before first use, grown with
 * lede_realloc and released with lede_corpus_buf_free. Nothing here prints
 * or exits; errno values are reported, never kept in globals.
 */
#ifndef LEDE_CORPUS_WALK_H
#define LEDE_CORPUS_WALK_H

#include "../core.h"
#include "glob.h"

/* Descriptors kept open along the path (at most this many plus the root). */
#define LEDE_CORPUS_WALK_OPEN_FDS 32

/* Default limit on the size of a file read (64 MiB). */
#define LEDE_CORPUS_MAX_SIZE ((uint64_t)64 << 20)

/* Flags of lede_corpus_walk_open. */
#define LEDE_CORPUS_WALK_FOLLOW 1u /* follow symlinks to folders */

typedef enum {
    LEDE_CORPUS_FAULT_NONE = 0,
    LEDE_CORPUS_FAULT_READ,           /* the file could not be opened or read (os_errno) */
    LEDE_CORPUS_FAULT_VANISHED,       /* listed, then gone (os_errno) */
    LEDE_CORPUS_FAULT_FOLDER,         /* a folder could not be opened or listed (os_errno) */
    LEDE_CORPUS_FAULT_FOLDER_CHANGED, /* a folder was replaced (by a file, a symlink, another
                                         folder) since it was listed */
    LEDE_CORPUS_FAULT_LINK_FOLDER,    /* a symlink to a folder, not followed */
    LEDE_CORPUS_FAULT_LOOP,           /* a folder already on the current path */
    LEDE_CORPUS_FAULT_LINK_BROKEN,    /* a symlink whose target cannot be reached (os_errno) */
    LEDE_CORPUS_FAULT_NOT_REGULAR,    /* a fifo, socket or device (mode) */
    LEDE_CORPUS_FAULT_TOO_LARGE,      /* size above limit */
    LEDE_CORPUS_FAULT_BINARY_NUL,     /* contains a NUL byte */
    LEDE_CORPUS_FAULT_BINARY_UTF8,    /* over a quarter of its characters are ill-formed UTF-8 */
    LEDE_CORPUS_FAULT_BINARY_UTF16,   /* UTF-16 (utf16.h), over a quarter of it ill-formed */
    LEDE_CORPUS_FAULT_UNDECODABLE,    /* not UTF-8, not Windows-1252 (encoding.h): byte, size
                                         (its offset) */
    LEDE_CORPUS_FAULT_FORMAT,         /* a corrupt archive, compressed file, record or WARC
                                         record, or one nested too deep: detail */
    LEDE_CORPUS_FAULT_INFLATE         /* an archive's members inflate past the total limit
                                         (limit) */
} lede_corpus_fault_kind;

typedef struct {
    lede_corpus_fault_kind kind;
    int os_errno;     /* READ, VANISHED, FOLDER, LINK_BROKEN */
    unsigned mode;    /* NOT_REGULAR: the st_mode file type bits */
    uint64_t size;    /* TOO_LARGE: the file's size */
    uint64_t limit;   /* TOO_LARGE: the limit */
    unsigned percent; /* BINARY_UTF8, BINARY_UTF16: ill-formed characters, in percent */
    unsigned byte;    /* UNDECODABLE: the first byte that does not convert */
    char detail[112]; /* FORMAT: the whole message, NUL-terminated */
} lede_corpus_fault;

/* What a file's stat says. */
typedef struct {
    uint64_t size;
    int64_t mtime; /* seconds since 1970-01-01 UTC */
} lede_corpus_stat;

typedef struct {
    const char *path; /* relative to root, '/'-separated; a folder's ends in '/' */
    size_t path_len;
    lede_corpus_fault fault; /* kind NONE: a file to stat and read */
} lede_corpus_entry;

typedef struct {
    char *p;
    size_t len, cap;
} lede_corpus_buf;

typedef struct lede_corpus_slot lede_corpus_slot;

typedef struct {
    char *names; /* the listing's names, each NUL-terminated */
    size_t names_len, names_cap;
    lede_corpus_slot *slots; /* one per usable entry, sorted */
    size_t count, cap, next; /* slots used, allocated, next to yield */
    int fd;                  /* the folder, or -1 while closed */
    uint64_t dev, ino;       /* its identity */
    size_t prefix_len;       /* bytes of path naming it, with its '/' (0 for root) */
} lede_corpus_frame;

typedef struct {
    lede_corpus_frame *frames; /* frames[0] is root; frames[depth - 1] the current folder */
    size_t depth, frames_cap;
    char *path; /* current entry's path */
    size_t path_len, path_cap;
    lede_corpus_glob glob;
    unsigned flags;
    int one;         /* open_path mode: do not descend */
    int cur_is_file; /* the last entry was a file (stat and read apply) */
    size_t cur_name; /* offset of its name in path */
} lede_corpus_walk;

/*
 * Opens root (a NUL-terminated path; followed if a symlink) and lists it.
 * LEDE_IO with *os_errno when root cannot be opened, is not a folder or
 * cannot be listed; LEDE_NOMEM. The glob (its pattern) must outlive w.
 */
lede_rc lede_corpus_walk_open(lede_corpus_walk *w, const char *root, const lede_corpus_glob *g,
                              unsigned flags, int *os_errno);

/*
 * Like lede_corpus_walk_open, but yields only the entry at path[0..n) (a
 * folder's with a trailing '/'), exactly as the full walk would give it, or
 * nothing when the full walk would not give it (a path that does not exist,
 * is hidden, not canonical (".", "..", "//"), or not matched).
 */
lede_rc lede_corpus_walk_open_path(lede_corpus_walk *w, const char *root, const lede_corpus_glob *g,
                                   unsigned flags, const char *path, size_t n, int *os_errno);

/* Stores the next entry in *e: LEDE_OK, LEDE_DONE at the end, LEDE_NOMEM. */
lede_rc lede_corpus_walk_next(lede_corpus_walk *w, lede_corpus_entry *e);

/*
 * Stats the current file entry (following a symlink). On failure sets *f
 * (VANISHED or READ) and still returns LEDE_OK.
 */
lede_rc lede_corpus_walk_stat(lede_corpus_walk *w, lede_corpus_stat *st, lede_corpus_fault *f);

/*
 * Opens the current file entry for reading: *fd (the caller closes it), or
 * -1 with *f set (READ, VANISHED, NOT_REGULAR). *st gets what fstat said.
 */
lede_rc lede_corpus_walk_open_file(lede_corpus_walk *w, int *fd, lede_corpus_stat *st,
                                   lede_corpus_fault *f);

/*
 * Reads the current file entry into buf (buf->len bytes; buf->p has one
 * spare byte) with one open, fstat and, normally, one read; whether it is
 * text is for encoding.h to say. A file above limit bytes is not
 * read. Faults go to *f (f->kind NONE when all is well) and *st gets what
 * fstat said; returns LEDE_OK, or LEDE_NOMEM.
 */
lede_rc lede_corpus_walk_read(lede_corpus_walk *w, uint64_t limit, lede_corpus_buf *buf,
                              lede_corpus_stat *st, lede_corpus_fault *f);

void lede_corpus_walk_close(lede_corpus_walk *w);

void lede_corpus_buf_free(lede_corpus_buf *b);

/*
 * Text check: a NUL byte anywhere makes s[0..n) binary (BINARY_NUL; this
 * includes UTF-16 without a byte order mark); otherwise it is binary
 * (BINARY_UTF8) when more than a quarter of its characters, stepped as
 * utf8.h steps them, are ill-formed. Text in a legacy 8-bit encoding with
 * a few accented letters passes (they read as U+FFFD); random bytes and
 * most binary formats do not. Text that starts with a UTF-16 byte order
 * mark is checked as UTF-16 instead (utf16.h): a NUL code unit makes it
 * BINARY_NUL, over a quarter of ill-formed characters BINARY_UTF16. Sets
 * f->kind to NONE when s is text.
 */
void lede_corpus_check_text(const char *s, size_t n, lede_corpus_fault *f);

/* The message for a fault ("permission denied", "file too large: ..."),
   NUL-terminated in out[cap]; returns its length. */
size_t lede_corpus_fault_message(const lede_corpus_fault *f, char *out, size_t cap);

/* strerror(err) with its first letter lowered ("no such file or
   directory"), thread-safe, into out[cap]; returns its length. */
size_t lede_corpus_strerror(int err, char *out, size_t cap);

/* Writes t (seconds since 1970, UTC) as "2025-01-07T09:30:00Z" and a NUL
   into out[21] and returns 1; 0 when t is outside years 0000-9999. */
int lede_corpus_format_time(int64_t t, char out[21]);

#endif
