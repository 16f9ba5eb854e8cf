/*
 * test_walk.c: the folder walk and file reading of ext/corpus/walk.h, on
 * trees built under a fresh mkdtemp folder: order, hidden names, globs,
 * symlinks (to files, to folders, loops, broken), special files, deep
 * nesting past PATH_MAX with a bounded number of descriptors, single-path
 * lookups, reading with its faults, and the messages.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "corpus/walk.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- tree helpers ----------------------------------------------------------- */

typedef struct {
    char root[64];
} tree;

static void tree_make(tree *t) {
    snprintf(t->root, sizeof t->root, "%s", "/tmp/lede-walk-XXXXXX");
    assert_non_null(mkdtemp(t->root));
}

static void tree_remove(tree *t) {
    char cmd[256];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", t->root, t->root);
    assert_int_equal(system(cmd), 0);
}

static void tree_path(const tree *t, const char *rel, char *out, size_t cap) {
    snprintf(out, cap, "%s/%s", t->root, rel);
}

/* Creates rel (and its folders) holding text. */
static void put_file(const tree *t, const char *rel, const char *text) {
    char p[PATH_MAX];
    tree_path(t, rel, p, sizeof p);
    for (char *s = p + strlen(t->root) + 1; *s; s++) {
        if (*s == '/') {
            *s = '\0';
            mkdir(p, 0755);
            *s = '/';
        }
    }
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void put_dir(const tree *t, const char *rel) {
    char p[PATH_MAX];
    tree_path(t, rel, p, sizeof p);
    assert_int_equal(mkdir(p, 0755), 0);
}

static void put_link(const tree *t, const char *rel, const char *target) {
    char p[PATH_MAX];
    tree_path(t, rel, p, sizeof p);
    assert_int_equal(symlink(target, p), 0);
}

/* Walks t with pattern (NULL: all) and writes "path|fault\n" per entry. */
static void walk_list(const tree *t, const char *pattern, unsigned flags, char *out, size_t cap) {
    lede_corpus_walk w = {0};
    lede_corpus_glob g;
    lede_corpus_entry e;
    int err;
    size_t used = 0;
    lede_corpus_glob_init(&g, pattern, pattern ? strlen(pattern) : 0, NULL);
    assert_int_equal(lede_corpus_walk_open(&w, t->root, &g, flags, &err), LEDE_OK);
    out[0] = '\0';
    lede_rc rc;
    while ((rc = lede_corpus_walk_next(&w, &e)) == LEDE_OK) {
        int n = snprintf(out + used, cap - used, "%.*s|%d\n", (int)e.path_len, e.path,
                         (int)e.fault.kind);
        assert_true(n > 0 && (size_t)n < cap - used);
        used += (size_t)n;
    }
    assert_int_equal(rc, LEDE_DONE);
    lede_corpus_walk_close(&w);
}

/* Looks up one path; writes "path|fault" or "" when the walk gives nothing. */
static void walk_one(const tree *t, const char *pattern, unsigned flags, const char *path,
                     char *out, size_t cap) {
    lede_corpus_walk w = {0};
    lede_corpus_glob g;
    lede_corpus_entry e;
    int err;
    lede_corpus_glob_init(&g, pattern, pattern ? strlen(pattern) : 0, NULL);
    assert_int_equal(lede_corpus_walk_open_path(&w, t->root, &g, flags, path, strlen(path), &err),
                     LEDE_OK);
    out[0] = '\0';
    if (lede_corpus_walk_next(&w, &e) == LEDE_OK) {
        snprintf(out, cap, "%.*s|%d", (int)e.path_len, e.path, (int)e.fault.kind);
        assert_int_equal(lede_corpus_walk_next(&w, &e), LEDE_DONE);
    }
    lede_corpus_walk_close(&w);
}

static int open_fds(void) {
    int n = 0;
    for (int fd = 0; fd < 4096; fd++)
        n += fcntl(fd, F_GETFD) != -1;
    return n;
}

/* ---- order, hidden, glob ------------------------------------------------------ */

static void test_walk_sorts_bytewise_as_whole_paths_and_skips_hidden(void **state) {
    (void)state;
    tree t;
    tree_make(&t);
    put_file(&t, "a.txt", "a");
    put_file(&t, "a/x.txt", "ax");
    put_file(&t, "a0.txt", "a0");
    put_file(&t, "b-c.txt", "bc");
    put_file(&t, "b/c.txt", "b/c");
    put_file(&t, "Z.txt", "Z");
    put_file(&t, "\xC3\xA9t\xC3\xA9.txt", "ete");
    put_file(&t, ".hidden.txt", "no");
    put_file(&t, ".git/config", "no");
    put_file(&t, "a/.draft.txt", "no");
    put_dir(&t, "empty");
    char got[1024];
    walk_list(&t, NULL, 0, got, sizeof got);
    assert_string_equal(got, "Z.txt|0\n"
                             "a.txt|0\n"
                             "a/x.txt|0\n"
                             "a0.txt|0\n"
                             "b-c.txt|0\n"
                             "b/c.txt|0\n"
                             "\xC3\xA9t\xC3\xA9.txt|0\n");
    tree_remove(&t);
}

static void test_walk_applies_the_glob_and_prunes(void **state) {
    (void)state;
    tree t;
    tree_make(&t);
    put_file(&t, "top.txt", "");
    put_file(&t, "top.md", "");
    put_file(&t, "2024/01/old.txt", "");
    put_file(&t, "2025/01/a.txt", "");
    put_file(&t, "2025/01/b.md", "");
    put_file(&t, "2025/02/deep/c.txt", "");
    char got[1024];
    walk_list(&t, "2025/*/*.txt", 0, got, sizeof got);
    assert_string_equal(got, "2025/01/a.txt|0\n");
    walk_list(&t, "**/*.txt", 0, got, sizeof got);
    assert_string_equal(got, "2024/01/old.txt|0\n2025/01/a.txt|0\n2025/02/deep/c.txt|0\n"
                             "top.txt|0\n");
    walk_list(&t, "*.md", 0, got, sizeof got);
    assert_string_equal(got, "top.md|0\n");
    tree_remove(&t);
}

/* ---- symlinks and special files ---------------------------------------------- */

static void test_walk_reports_folder_links_and_stops_loops(void **state) {
    (void)state;
    tree t;
    tree_make(&t);
    put_file(&t, "loop/a.txt", "a");
    put_link(&t, "loop/back", ".."); /* back to root: a loop when followed */
    put_link(&t, "self", "self");    /* a link to itself: ELOOP */
    char got[1024];
    walk_list(&t, NULL, 0, got, sizeof got);
    char want[256];
    snprintf(want, sizeof want, "loop/a.txt|0\nloop/back/|%d\nself|%d\n",
             LEDE_CORPUS_FAULT_LINK_FOLDER, LEDE_CORPUS_FAULT_LINK_BROKEN);
    assert_string_equal(got, want);
    walk_list(&t, NULL, LEDE_CORPUS_WALK_FOLLOW, got, sizeof got);
    snprintf(want, sizeof want, "loop/a.txt|0\nloop/back/|%d\nself|%d\n", LEDE_CORPUS_FAULT_LOOP,
             LEDE_CORPUS_FAULT_LINK_BROKEN);
    assert_string_equal(got, want);
    tree_remove(&t);
}

static void test_walk_follows_folder_links_on_request(void **state) {
    (void)state;
    tree t;
    tree_make(&t);
    put_file(&t, "real/a.txt", "a");
    put_link(&t, "alias", "real");
    char got[1024];
    walk_list(&t, NULL, LEDE_CORPUS_WALK_FOLLOW, got, sizeof got);
    assert_string_equal(got, "alias/a.txt|0\nreal/a.txt|0\n");
    tree_remove(&t);
}

static void test_walk_reads_file_links_as_their_target(void **state) {
    (void)state;
    tree t;
    tree_make(&t);
    put_file(&t, "a.txt", "target text");
    put_link(&t, "b.txt", "a.txt");
    put_link(&t, "dead.txt", "missing.txt");
    lede_corpus_walk w = {0};
    lede_corpus_glob g;
    lede_corpus_entry e;
    lede_corpus_buf buf = {0};
    lede_corpus_stat st;
    lede_corpus_fault f;
    int err;
    lede_corpus_glob_init(&g, NULL, 0, NULL);
    assert_int_equal(lede_corpus_walk_open(&w, t.root, &g, 0, &err), LEDE_OK);
    assert_int_equal(lede_corpus_walk_next(&w, &e), LEDE_OK); /* a.txt */
    assert_int_equal(lede_corpus_walk_next(&w, &e), LEDE_OK); /* b.txt */
    assert_string_equal(e.path, "b.txt");
    assert_int_equal(e.fault.kind, LEDE_CORPUS_FAULT_NONE);
    assert_int_equal(lede_corpus_walk_read(&w, 100, &buf, &st, &f), LEDE_OK);
    assert_int_equal(f.kind, LEDE_CORPUS_FAULT_NONE);
    assert_int_equal(st.size, 11);
    assert_memory_equal(buf.p, "target text", 11);
    assert_int_equal(lede_corpus_walk_next(&w, &e), LEDE_OK);
    assert_string_equal(e.path, "dead.txt");
    assert_int_equal(e.fault.kind, LEDE_CORPUS_FAULT_LINK_BROKEN);
    assert_int_equal(e.fault.os_errno, ENOENT);
    assert_int_equal(lede_corpus_walk_next(&w, &e), LEDE_DONE);
    lede_corpus_walk_close(&w);
    lede_corpus_buf_free(&buf);
    tree_remove(&t);
}

static void test_walk_reports_special_files_without_opening_them(void **state) {
    (void)state;
    tree t;
    tree_make(&t);
    char p[PATH_MAX];
    tree_path(&t, "pipe.txt", p, sizeof p);
    assert_int_equal(mkfifo(p, 0644), 0);
    char got[256], want[64];
    walk_list(&t, NULL, 0, got, sizeof got); /* would block forever if it opened the fifo */
    snprintf(want, sizeof want, "pipe.txt|%d\n", LEDE_CORPUS_FAULT_NOT_REGULAR);
    assert_string_equal(got, want);
    tree_remove(&t);
}

static void test_walk_reports_unreadable_folders(void **state) {
    (void)state;
    if (geteuid() == 0)
        skip(); /* root reads a chmod 000 folder anyway */
    tree t;
    tree_make(&t);
    put_file(&t, "a.txt", "");
    put_file(&t, "locked/secret.txt", "");
    put_file(&t, "z.txt", "");
    char p[PATH_MAX];
    tree_path(&t, "locked", p, sizeof p);
    assert_int_equal(chmod(p, 0), 0);
    char got[256], want[128];
    walk_list(&t, NULL, 0, got, sizeof got);
    snprintf(want, sizeof want, "a.txt|0\nlocked/|%d\nz.txt|0\n", LEDE_CORPUS_FAULT_FOLDER);
    assert_string_equal(got, want);
    walk_list(&t, "*.txt", 0, got, sizeof got); /* a folder *.txt cannot use: no row */
    assert_string_equal(got, "a.txt|0\nz.txt|0\n");
    tree_remove(&t);
}

/* ---- depth ------------------------------------------------------------------ */

#define DEEP 300
#define DEEP_NAME "folder-with-a-long-name-0123456789" /* 34 bytes: 300 levels > PATH_MAX */

static void test_walk_goes_deep_with_few_descriptors(void **state) {
    (void)state;
    tree t;
    tree_make(&t);
    int fd = open(t.root, O_RDONLY | O_DIRECTORY);
    assert_true(fd >= 0);
    for (int level = 0; level < DEEP; level++) { /* DEEP_NAME/DEEP_NAME/.../z.txt, one per level */
        int f = openat(fd, "z.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        assert_true(f >= 0);
        char text[16];
        int n = snprintf(text, sizeof text, "%d", level);
        assert_int_equal(write(f, text, (size_t)n), n);
        close(f);
        assert_int_equal(mkdirat(fd, DEEP_NAME, 0755), 0);
        int next = openat(fd, DEEP_NAME, O_RDONLY | O_DIRECTORY);
        assert_true(next >= 0);
        close(fd);
        fd = next;
    }
    close(fd);
    int before = open_fds(), most = 0;
    lede_corpus_walk w = {0};
    lede_corpus_glob g;
    lede_corpus_entry e;
    lede_corpus_buf buf = {0};
    lede_corpus_stat st;
    lede_corpus_fault f;
    int err, seen = 0;
    lede_corpus_glob_init(&g, "**/z.txt", 8, NULL);
    assert_int_equal(lede_corpus_walk_open(&w, t.root, &g, 0, &err), LEDE_OK);
    /* "folder-.../" sorts before "z.txt": files come deepest first, on the way back up, so
       folders whose descriptors were closed on the way down are reopened */
    while (lede_corpus_walk_next(&w, &e) == LEDE_OK) {
        int level = DEEP - 1 - seen;
        assert_int_equal(e.fault.kind, LEDE_CORPUS_FAULT_NONE);
        assert_int_equal(e.path_len, (size_t)level * (sizeof DEEP_NAME) + 5);
        assert_int_equal(lede_corpus_walk_read(&w, 100, &buf, &st, &f), LEDE_OK);
        assert_int_equal(f.kind, LEDE_CORPUS_FAULT_NONE);
        char text[16];
        snprintf(text, sizeof text, "%d", level);
        assert_int_equal(buf.len, strlen(text));
        assert_memory_equal(buf.p, text, buf.len);
        int now = open_fds();
        most = now > most ? now : most;
        seen++;
    }
    assert_int_equal(seen, DEEP);
    assert_true(most - before <= LEDE_CORPUS_WALK_OPEN_FDS + 2);
    assert_int_equal(open_fds(), before);
    lede_corpus_walk_close(&w);
    lede_corpus_buf_free(&buf);
    tree_remove(&t);
}

/* ---- single-path lookups ---------------------------------------------------- */

static void test_walk_open_path_gives_what_the_walk_gives(void **state) {
    (void)state;
    tree t;
    tree_make(&t);
    put_file(&t, "a/b/c/deep.txt", "deep");
    put_file(&t, "a/x.md", "md");
    put_file(&t, ".hidden/x.txt", "no");
    put_file(&t, "real/in.txt", "in");
    put_link(&t, "alias", "real");
    char got[256], want[64];
    walk_one(&t, NULL, 0, "a/b/c/deep.txt", got, sizeof got);
    assert_string_equal(got, "a/b/c/deep.txt|0");
    walk_one(&t, "**/*.txt", 0, "a/b/c/deep.txt", got, sizeof got);
    assert_string_equal(got, "a/b/c/deep.txt|0");
    walk_one(&t, "**/*.txt", 0, "a/x.md", got, sizeof got); /* not matched */
    assert_string_equal(got, "");
    walk_one(&t, NULL, 0, "a/missing.txt", got, sizeof got);
    assert_string_equal(got, "");
    walk_one(&t, NULL, 0, "a/b", got, sizeof got); /* a folder is not a file row */
    assert_string_equal(got, "");
    walk_one(&t, NULL, 0, "a/b/", got, sizeof got); /* a healthy folder has no row */
    assert_string_equal(got, "");
    const char *refused[] = {"../x.txt",      "./a/x.md", "a//x.md", "/a/x.md",
                             ".hidden/x.txt", "a/./x.md", ""};
    for (size_t k = 0; k < sizeof refused / sizeof refused[0]; k++) {
        walk_one(&t, NULL, 0, refused[k], got, sizeof got);
        if (got[0])
            fail_msg("'%s' gave '%s'", refused[k], got);
    }
    walk_one(&t, NULL, 0, "alias/in.txt", got, sizeof got); /* below a link not followed */
    assert_string_equal(got, "");
    walk_one(&t, NULL, 0, "alias/", got, sizeof got);
    snprintf(want, sizeof want, "alias/|%d", LEDE_CORPUS_FAULT_LINK_FOLDER);
    assert_string_equal(got, want);
    walk_one(&t, NULL, LEDE_CORPUS_WALK_FOLLOW, "alias/in.txt", got, sizeof got);
    assert_string_equal(got, "alias/in.txt|0");
    tree_remove(&t);
}

static void test_walk_refuses_a_missing_or_file_root(void **state) {
    (void)state;
    tree t;
    tree_make(&t);
    put_file(&t, "file.txt", "x");
    lede_corpus_walk w = {0};
    lede_corpus_glob g;
    int err;
    char p[PATH_MAX];
    lede_corpus_glob_init(&g, NULL, 0, NULL);
    tree_path(&t, "nope", p, sizeof p);
    assert_int_equal(lede_corpus_walk_open(&w, p, &g, 0, &err), LEDE_IO);
    assert_int_equal(err, ENOENT);
    tree_path(&t, "file.txt", p, sizeof p);
    assert_int_equal(lede_corpus_walk_open(&w, p, &g, 0, &err), LEDE_IO);
    assert_int_equal(err, ENOTDIR);
    assert_int_equal(lede_corpus_walk_open_path(&w, p, &g, 0, "x", 1, &err), LEDE_IO);
    assert_int_equal(err, ENOTDIR);
    lede_corpus_walk_close(&w);
    tree_remove(&t);
}

/* ---- reading ------------------------------------------------------------------- */

/* Opens t, steps to path and reads it with limit. */
static void read_one(const tree *t, const char *path, uint64_t limit, lede_corpus_buf *buf,
                     lede_corpus_fault *f) {
    lede_corpus_walk w = {0};
    lede_corpus_glob g;
    lede_corpus_entry e;
    lede_corpus_stat st;
    int err;
    lede_corpus_glob_init(&g, NULL, 0, NULL);
    assert_int_equal(lede_corpus_walk_open_path(&w, t->root, &g, 0, path, strlen(path), &err),
                     LEDE_OK);
    assert_int_equal(lede_corpus_walk_next(&w, &e), LEDE_OK);
    assert_int_equal(lede_corpus_walk_read(&w, limit, buf, &st, f), LEDE_OK);
    lede_corpus_walk_close(&w);
}

static void test_walk_read_faults(void **state) {
    (void)state;
    tree t;
    tree_make(&t);
    put_file(&t, "empty.txt", "");
    put_file(&t, "twenty.txt", "01234567890123456789");
    put_file(&t, "latin1.txt",
             "Caf\xE9 au lait, cr\xE8me br\xFBl\xE9"
             "e and more plain words here.");
    put_file(&t, "noise.bin", "\xF1\x80\xC3\xFF\x9A\xBE\xE2\x28\xA1\xC0\xAF\xF8\x88\x80\x80\x80");
    char p[PATH_MAX];
    tree_path(&t, "nul.bin", p, sizeof p);
    FILE *fp = fopen(p, "wb");
    assert_non_null(fp);
    fwrite("ab\0cd", 1, 5, fp);
    fclose(fp);
    lede_corpus_buf buf = {0};
    lede_corpus_fault f;
    read_one(&t, "empty.txt", 100, &buf, &f);
    assert_int_equal(f.kind, LEDE_CORPUS_FAULT_NONE);
    assert_int_equal(buf.len, 0);
    read_one(&t, "twenty.txt", 20, &buf, &f);
    assert_int_equal(f.kind, LEDE_CORPUS_FAULT_NONE);
    assert_int_equal(buf.len, 20);
    read_one(&t, "twenty.txt", 19, &buf, &f);
    assert_int_equal(f.kind, LEDE_CORPUS_FAULT_TOO_LARGE);
    assert_int_equal(f.size, 20);
    assert_int_equal(f.limit, 19);
    read_one(&t, "latin1.txt", 100, &buf, &f);
    assert_int_equal(f.kind, LEDE_CORPUS_FAULT_NONE);
    /* whether the bytes are text is for encoding.h (test_encoding.c) */
    read_one(&t, "nul.bin", 100, &buf, &f);
    assert_int_equal(f.kind, LEDE_CORPUS_FAULT_NONE);
    read_one(&t, "noise.bin", 100, &buf, &f);
    assert_int_equal(f.kind, LEDE_CORPUS_FAULT_NONE);
    if (geteuid() != 0) { /* root reads a chmod 000 file anyway */
        tree_path(&t, "twenty.txt", p, sizeof p);
        assert_int_equal(chmod(p, 0), 0);
        read_one(&t, "twenty.txt", 100, &buf, &f);
        assert_int_equal(f.kind, LEDE_CORPUS_FAULT_READ);
        assert_int_equal(f.os_errno, EACCES);
    }
    lede_corpus_buf_free(&buf);
    tree_remove(&t);
}

static void test_walk_file_vanishing_after_listing_is_reported(void **state) {
    (void)state;
    tree t;
    tree_make(&t);
    put_file(&t, "gone.txt", "soon gone");
    lede_corpus_walk w = {0};
    lede_corpus_glob g;
    lede_corpus_entry e;
    lede_corpus_buf buf = {0};
    lede_corpus_stat st;
    lede_corpus_fault f;
    int err;
    lede_corpus_glob_init(&g, NULL, 0, NULL);
    assert_int_equal(lede_corpus_walk_open(&w, t.root, &g, 0, &err), LEDE_OK);
    char p[PATH_MAX];
    tree_path(&t, "gone.txt", p, sizeof p);
    assert_int_equal(unlink(p), 0);
    assert_int_equal(lede_corpus_walk_next(&w, &e), LEDE_OK);
    assert_string_equal(e.path, "gone.txt");
    assert_int_equal(lede_corpus_walk_stat(&w, &st, &f), LEDE_OK);
    assert_int_equal(f.kind, LEDE_CORPUS_FAULT_VANISHED);
    assert_int_equal(lede_corpus_walk_read(&w, 100, &buf, &st, &f), LEDE_OK);
    assert_int_equal(f.kind, LEDE_CORPUS_FAULT_VANISHED);
    assert_int_equal(f.os_errno, ENOENT);
    lede_corpus_walk_close(&w);
    lede_corpus_buf_free(&buf);
    tree_remove(&t);
}

/* ---- text check, messages, time ------------------------------------------------ */

typedef struct {
    const char *name;
    const char *bytes;
    size_t n;
    lede_corpus_fault_kind kind;
} text_case;

/* clang-format off */
static const text_case text_cases[] = {
    {"plain ascii", "Hello, world.\n", 14, LEDE_CORPUS_FAULT_NONE},
    {"utf-8 text", "\xE2\x80\x9CQuoted\xE2\x80\x9D caf\xC3\xA9", 16, LEDE_CORPUS_FAULT_NONE},
    {"U+FFFD spelled out", "\xEF\xBF\xBD\xEF\xBF\xBD", 6, LEDE_CORPUS_FAULT_NONE},
    {"one bad byte in four", "ab\xFF" "c", 4, LEDE_CORPUS_FAULT_NONE},
    {"two bad in five", "a\xFF" "b\xFE" "c", 5, LEDE_CORPUS_FAULT_BINARY_UTF8},
    {"NUL late", "long plain text then\0", 21, LEDE_CORPUS_FAULT_BINARY_NUL},
    {"UTF-16LE without a mark", "h\0i\0", 4, LEDE_CORPUS_FAULT_BINARY_NUL},
    {"UTF-16LE with its mark is text", "\xFF\xFEh\0i\0", 6, LEDE_CORPUS_FAULT_NONE},
    {"UTF-16BE with its mark is text", "\xFE\xFF\0h\0i", 6, LEDE_CORPUS_FAULT_NONE},
    {"UTF-16 with a NUL unit", "\xFF\xFEh\0\0\0", 6, LEDE_CORPUS_FAULT_BINARY_NUL},
    {"UTF-32LE (its mark reads as a NUL)", "\xFF\xFE\0\0h\0\0\0", 8, LEDE_CORPUS_FAULT_BINARY_NUL},
    {"UTF-16 of lone surrogates", "\xFF\xFE\x00\xD8h\0", 6, LEDE_CORPUS_FAULT_BINARY_UTF16},
    {"empty", "", 0, LEDE_CORPUS_FAULT_NONE},
};
/* clang-format on */

static void test_walk_text_check_table(void **state) {
    (void)state;
    for (size_t k = 0; k < sizeof text_cases / sizeof text_cases[0]; k++) {
        lede_corpus_fault f;
        lede_corpus_check_text(text_cases[k].bytes, text_cases[k].n, &f);
        if (f.kind != text_cases[k].kind)
            fail_msg("%s: kind %d, expected %d", text_cases[k].name, f.kind, text_cases[k].kind);
    }
    lede_corpus_fault f;
    lede_corpus_check_text("a\xFF"
                           "b\xFE"
                           "c",
                           5, &f);
    assert_int_equal(f.percent, 40);
}

static void test_walk_fault_messages(void **state) {
    (void)state;
    char msg[160];
    lede_corpus_fault f = {0};
    f.kind = LEDE_CORPUS_FAULT_READ;
    f.os_errno = EACCES;
    lede_corpus_fault_message(&f, msg, sizeof msg);
    assert_string_equal(msg, "permission denied");
    f.kind = LEDE_CORPUS_FAULT_FOLDER;
    lede_corpus_fault_message(&f, msg, sizeof msg);
    assert_string_equal(msg, "cannot open folder: permission denied");
    f.kind = LEDE_CORPUS_FAULT_VANISHED;
    f.os_errno = ENOENT;
    lede_corpus_fault_message(&f, msg, sizeof msg);
    assert_string_equal(msg, "vanished after listing: no such file or directory");
    f.kind = LEDE_CORPUS_FAULT_TOO_LARGE;
    f.size = 70000000;
    f.limit = LEDE_CORPUS_MAX_SIZE;
    lede_corpus_fault_message(&f, msg, sizeof msg);
    assert_string_equal(msg, "file too large: 70000000 bytes, limit 67108864");
    f.kind = LEDE_CORPUS_FAULT_BINARY_NUL;
    lede_corpus_fault_message(&f, msg, sizeof msg);
    assert_string_equal(msg, "binary file (NUL bytes)");
    f.kind = LEDE_CORPUS_FAULT_BINARY_UTF8;
    f.percent = 40;
    lede_corpus_fault_message(&f, msg, sizeof msg);
    assert_string_equal(msg, "binary file (invalid UTF-8 in 40% of characters)");
    f.kind = LEDE_CORPUS_FAULT_BINARY_UTF16;
    lede_corpus_fault_message(&f, msg, sizeof msg);
    assert_string_equal(msg, "binary file (invalid UTF-16 in 40% of characters)");
    f.kind = LEDE_CORPUS_FAULT_NOT_REGULAR;
    f.mode = S_IFIFO;
    lede_corpus_fault_message(&f, msg, sizeof msg);
    assert_string_equal(msg, "not a regular file (fifo)");
    f.mode = S_IFDIR; /* a file replaced by a folder after the listing */
    lede_corpus_fault_message(&f, msg, sizeof msg);
    assert_string_equal(msg, "not a regular file (folder)");
    f.kind = LEDE_CORPUS_FAULT_LINK_FOLDER;
    lede_corpus_fault_message(&f, msg, sizeof msg);
    assert_string_equal(msg, "symlink to a folder, not followed");
    f.kind = LEDE_CORPUS_FAULT_LOOP;
    lede_corpus_fault_message(&f, msg, sizeof msg);
    assert_string_equal(msg, "loop: folder already on the path");
    f.kind = LEDE_CORPUS_FAULT_LINK_BROKEN;
    f.os_errno = ELOOP;
    lede_corpus_fault_message(&f, msg, sizeof msg);
    assert_string_equal(msg, "broken symlink: too many levels of symbolic links");
    char small[8];
    assert_int_equal(lede_corpus_fault_message(&f, small, sizeof small), 7); /* truncated */
}

static void test_walk_formats_time_in_utc(void **state) {
    (void)state;
    char out[21];
    assert_true(lede_corpus_format_time(0, out));
    assert_string_equal(out, "1970-01-01T00:00:00Z");
    assert_true(lede_corpus_format_time(1736242200, out));
    assert_string_equal(out, "2025-01-07T09:30:00Z");
    assert_true(lede_corpus_format_time(951782400, out)); /* a leap day */
    assert_string_equal(out, "2000-02-29T00:00:00Z");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_walk_sorts_bytewise_as_whole_paths_and_skips_hidden),
        cmocka_unit_test(test_walk_applies_the_glob_and_prunes),
        cmocka_unit_test(test_walk_reports_folder_links_and_stops_loops),
        cmocka_unit_test(test_walk_follows_folder_links_on_request),
        cmocka_unit_test(test_walk_reads_file_links_as_their_target),
        cmocka_unit_test(test_walk_reports_special_files_without_opening_them),
        cmocka_unit_test(test_walk_reports_unreadable_folders),
        cmocka_unit_test(test_walk_goes_deep_with_few_descriptors),
        cmocka_unit_test(test_walk_open_path_gives_what_the_walk_gives),
        cmocka_unit_test(test_walk_refuses_a_missing_or_file_root),
        cmocka_unit_test(test_walk_read_faults),
        cmocka_unit_test(test_walk_file_vanishing_after_listing_is_reported),
        cmocka_unit_test(test_walk_text_check_table),
        cmocka_unit_test(test_walk_fault_messages),
        cmocka_unit_test(test_walk_formats_time_in_utc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
