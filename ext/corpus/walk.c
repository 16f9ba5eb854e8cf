/*
 * walk.c: the folder walk and file reading of walk.h.
 *
 * A frame lists its folder once, when it is pushed: readdir on a duplicate
 * of its descriptor, hidden names dropped, each entry classified (d_type,
 * or fstatat when d_type is unknown or a symlink must be resolved), kept
 * only when the glob can use it, then sorted. lede_corpus_walk_next takes
 * the next slot of the top frame: a file is yielded; a folder is opened
 * with openat (O_NOFOLLOW unless it is a followed symlink), checked
 * against the folders on the path, listed and pushed; anything else is
 * yielded with its fault. Files are opened relative to their folder's
 * descriptor, so path length never matters to the OS.
 */
#include "walk.h"

#include "../text/utf8.h"
#include "reader.h"
#include "utf16.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef enum {
    SLOT_FILE,        /* a regular file */
    SLOT_LINK_FILE,   /* a symlink to a regular file */
    SLOT_DIR,         /* a folder */
    SLOT_LINK_DIR,    /* a symlink to a folder */
    SLOT_LINK_BROKEN, /* a symlink that cannot be resolved (err) */
    SLOT_OTHER,       /* a fifo, socket or device (mode) */
    SLOT_GONE         /* vanished while it was listed (err) */
} slot_kind;

struct lede_corpus_slot {
    const char *name; /* into the frame's names, set when the listing is complete */
    size_t off, len;  /* name offset in names, length */
    slot_kind kind;
    int err;       /* LINK_BROKEN, GONE */
    unsigned mode; /* OTHER */
};

static int slot_is_folder(slot_kind k) { return k == SLOT_DIR || k == SLOT_LINK_DIR; }

/* ---- small buffers -------------------------------------------------------- */

/* Makes room for need elements of elem bytes in *p (capacity *cap). */
static int grow(void **p, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap)
        return 1;
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2 / elem)
            return 0;
        c *= 2;
    }
    void *q = lede_realloc(*p, c * elem);
    if (!q)
        return 0;
    *p = q;
    *cap = c;
    return 1;
}

/* Writes s[0..n) at the end of the path and keeps it NUL-terminated. */
static int path_put(lede_corpus_walk *w, const char *s, size_t n) {
    void *p = w->path;
    if (!grow(&p, &w->path_cap, w->path_len + n + 1, 1))
        return 0;
    w->path = p;
    memcpy(w->path + w->path_len, s, n);
    w->path_len += n;
    w->path[w->path_len] = '\0';
    return 1;
}

void lede_corpus_buf_free(lede_corpus_buf *b) {
    lede_free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* ---- listing -------------------------------------------------------------- */

/* Classifies the entry name in folder dirfd, whose d_type is dtype. */
static void classify(int dirfd, const char *name, unsigned char dtype, lede_corpus_slot *s) {
    struct stat st;
    s->err = 0;
    s->mode = 0;
    if (dtype == DT_REG) {
        s->kind = SLOT_FILE;
        return;
    }
    if (dtype == DT_DIR) {
        s->kind = SLOT_DIR;
        return;
    }
    if (dtype != DT_LNK) {
        if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            s->kind = SLOT_GONE;
            s->err = errno;
            return;
        }
        if (!S_ISLNK(st.st_mode)) {
            s->kind = S_ISREG(st.st_mode) ? SLOT_FILE : S_ISDIR(st.st_mode) ? SLOT_DIR : SLOT_OTHER;
            s->mode = (unsigned)(st.st_mode & S_IFMT);
            return;
        }
    }
    if (fstatat(dirfd, name, &st, 0) != 0) {
        s->kind = SLOT_LINK_BROKEN;
        s->err = errno;
    } else if (S_ISDIR(st.st_mode)) {
        s->kind = SLOT_LINK_DIR;
    } else if (S_ISREG(st.st_mode)) {
        s->kind = SLOT_LINK_FILE;
    } else {
        s->kind = SLOT_OTHER;
        s->mode = (unsigned)(st.st_mode & S_IFMT);
    }
}

/* Bytewise order of names, a folder's name read as if followed by '/'. */
static int slot_cmp(const void *a, const void *b) {
    const lede_corpus_slot *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->name, y->name, n);
    if (c != 0)
        return c;
    unsigned cx = x->len > n ? (unsigned char)x->name[n] : slot_is_folder(x->kind) ? '/' : 0;
    unsigned cy = y->len > n ? (unsigned char)y->name[n] : slot_is_folder(y->kind) ? '/' : 0;
    return (cx > cy) - (cx < cy);
}

/* Whether the walk can use the entry now named by the path. */
static int slot_wanted(const lede_corpus_walk *w, slot_kind kind) {
    if (slot_is_folder(kind))
        return lede_corpus_glob_may_enter(&w->glob, w->path, w->path_len);
    if (lede_corpus_glob_match(&w->glob, w->path, w->path_len))
        return 1;
    /* an archive is a folder to the pattern: wanted when a member could match */
    if (kind != SLOT_FILE && kind != SLOT_LINK_FILE)
        return 0;
    size_t name = w->path_len;
    while (name > 0 && w->path[name - 1] != '/')
        name--;
    int compressed;
    return lede_corpus_name_kind(w->path + name, w->path_len - name, &compressed) ==
               LEDE_CORPUS_NAME_ARCHIVE &&
           lede_corpus_glob_may_enter(&w->glob, w->path, w->path_len);
}

/* Adds an entry to the frame's listing. */
static int frame_add(lede_corpus_frame *fr, const char *name, size_t len,
                     const lede_corpus_slot *s) {
    void *names = fr->names, *slots = fr->slots;
    if (!grow(&names, &fr->names_cap, fr->names_len + len + 1, 1))
        return 0;
    fr->names = names;
    if (!grow(&slots, &fr->cap, fr->count + 1, sizeof(lede_corpus_slot)))
        return 0;
    fr->slots = slots;
    memcpy(fr->names + fr->names_len, name, len + 1);
    fr->slots[fr->count] = *s;
    fr->slots[fr->count].off = fr->names_len;
    fr->slots[fr->count].len = len;
    fr->names_len += len + 1;
    fr->count++;
    return 1;
}

/* Sets the name pointers (names no longer move) and sorts. */
static void frame_sort(lede_corpus_frame *fr) {
    for (size_t i = 0; i < fr->count; i++)
        fr->slots[i].name = fr->names + fr->slots[i].off;
    if (fr->count > 1)
        qsort(fr->slots, fr->count, sizeof(lede_corpus_slot), slot_cmp);
}

/*
 * Lists the folder of frame fr, whose path is w->path[0..fr->prefix_len).
 * An OS failure goes to *err (the listing is then empty).
 */
static lede_rc frame_list(lede_corpus_walk *w, lede_corpus_frame *fr, int *err) {
    *err = 0;
    fr->names_len = fr->count = fr->next = 0;
    int dfd = fcntl(fr->fd, F_DUPFD_CLOEXEC, 0);
    if (dfd < 0) {
        *err = errno;
        return LEDE_OK;
    }
    DIR *d = fdopendir(dfd);
    if (!d) {
        *err = errno;
        close(dfd);
        return LEDE_OK;
    }
    lede_rc rc = LEDE_OK;
    for (;;) {
        errno = 0;
        struct dirent *de = readdir(d);
        if (!de) {
            *err = errno;
            break;
        }
        const char *name = de->d_name;
        if (name[0] == '.')
            continue;
        size_t len = strlen(name);
        lede_corpus_slot s;
        classify(fr->fd, name, de->d_type, &s);
        w->path_len = fr->prefix_len;
        if (!path_put(w, name, len)) {
            rc = LEDE_NOMEM;
            break;
        }
        if (slot_wanted(w, s.kind) && !frame_add(fr, name, len, &s)) {
            rc = LEDE_NOMEM;
            break;
        }
    }
    closedir(d);
    w->path_len = fr->prefix_len;
    w->path[w->path_len] = '\0';
    if (rc != LEDE_OK || *err)
        fr->count = 0;
    else
        frame_sort(fr);
    return rc;
}

/* ---- the stack ------------------------------------------------------------ */

static int frames_reserve(lede_corpus_walk *w, size_t n) {
    size_t old = w->frames_cap;
    void *p = w->frames;
    if (!grow(&p, &w->frames_cap, n, sizeof(lede_corpus_frame)))
        return 0;
    w->frames = p;
    memset(w->frames + old, 0, (w->frames_cap - old) * sizeof(lede_corpus_frame));
    for (size_t i = old; i < w->frames_cap; i++)
        w->frames[i].fd = -1;
    return 1;
}

static int on_path(const lede_corpus_walk *w, const struct stat *st) {
    for (size_t i = 0; i < w->depth; i++)
        if (w->frames[i].dev == (uint64_t)st->st_dev && w->frames[i].ino == (uint64_t)st->st_ino)
            return 1;
    return 0;
}

static void frame_close(lede_corpus_frame *fr) {
    if (fr->fd >= 0)
        close(fr->fd);
    fr->fd = -1;
}

/*
 * Opens the folder the path now names (an entry of the top frame), checks
 * that it is not already on the path, lists it (when list is set) and
 * pushes it. A failure that belongs to the row goes to *f, and then the
 * path still names the folder without its '/'.
 */
static lede_rc push_folder(lede_corpus_walk *w, int follow, int list, lede_corpus_fault *f) {
    lede_corpus_frame *top = &w->frames[w->depth - 1];
    const char *name = w->path + top->prefix_len;
    int fd = openat(top->fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int err = errno;
        /* listed as a folder, now a file or a symlink: replaced since the listing */
        f->kind = err == ENOTDIR || err == ELOOP ? LEDE_CORPUS_FAULT_FOLDER_CHANGED
                                                 : LEDE_CORPUS_FAULT_FOLDER;
        f->os_errno = err;
        if (fd >= 0)
            close(fd);
        return LEDE_OK;
    }
    if (on_path(w, &st)) {
        f->kind = LEDE_CORPUS_FAULT_LOOP;
        close(fd);
        return LEDE_OK;
    }
    if (!frames_reserve(w, w->depth + 1)) {
        close(fd);
        return LEDE_NOMEM;
    }
    size_t name_end = w->path_len;
    if (!path_put(w, "/", 1)) {
        close(fd);
        return LEDE_NOMEM;
    }
    lede_corpus_frame *fr = &w->frames[w->depth];
    fr->fd = fd;
    fr->dev = (uint64_t)st.st_dev;
    fr->ino = (uint64_t)st.st_ino;
    fr->prefix_len = w->path_len;
    fr->names_len = fr->count = fr->next = 0;
    if (list) {
        int err;
        lede_rc rc = frame_list(w, fr, &err);
        if (rc != LEDE_OK || err) {
            frame_close(fr);
            w->path_len = name_end;
            w->path[name_end] = '\0';
            f->kind = LEDE_CORPUS_FAULT_FOLDER;
            f->os_errno = err;
            return rc;
        }
    }
    w->depth++;
    if (w->depth > LEDE_CORPUS_WALK_OPEN_FDS + 1) /* keep root and the deepest few open */
        frame_close(&w->frames[w->depth - 1 - LEDE_CORPUS_WALK_OPEN_FDS]);
    return LEDE_OK;
}

static void pop(lede_corpus_walk *w) {
    frame_close(&w->frames[w->depth - 1]);
    w->depth--;
}

/*
 * Reopens the top frame, whose descriptor was closed, name by name from the
 * nearest open ancestor, keeping the descriptors that fall in the window.
 * When a folder on the way cannot be reopened or is not the one listed, the
 * frames from it up are dropped and *e is made the row for it (*have_row).
 */
static lede_rc reopen(lede_corpus_walk *w, lede_corpus_entry *e, int *have_row) {
    size_t d = w->depth - 1, k = d;
    while (w->frames[k].fd < 0)
        k--; /* frames[0] (root) is open while depth > 0 */
    int fd = w->frames[k].fd;
    *have_row = 0;
    for (size_t j = k + 1; j <= d; j++) {
        lede_corpus_frame *fr = &w->frames[j];
        size_t slash = fr->prefix_len - 1;
        w->path[slash] = '\0';
        const char *name = w->path + w->frames[j - 1].prefix_len;
        int nfd = openat(fd, name,
                         O_RDONLY | O_DIRECTORY | O_CLOEXEC |
                             ((w->flags & LEDE_CORPUS_WALK_FOLLOW) ? 0 : O_NOFOLLOW));
        w->path[slash] = '/';
        if (fd != w->frames[k].fd && fd != w->frames[j - 1].fd)
            close(fd);
        struct stat st;
        int failed = nfd < 0 || fstat(nfd, &st) != 0;
        if (failed || (uint64_t)st.st_dev != fr->dev || (uint64_t)st.st_ino != fr->ino) {
            memset(&e->fault, 0, sizeof e->fault);
            e->fault.kind = failed ? LEDE_CORPUS_FAULT_FOLDER : LEDE_CORPUS_FAULT_FOLDER_CHANGED;
            e->fault.os_errno = failed ? errno : 0;
            if (nfd >= 0)
                close(nfd);
            while (w->depth > j)
                pop(w);
            w->path_len = fr->prefix_len;
            w->path[w->path_len] = '\0';
            e->path = w->path;
            e->path_len = w->path_len;
            *have_row = 1;
            return LEDE_OK;
        }
        if (j + LEDE_CORPUS_WALK_OPEN_FDS > d)
            fr->fd = nfd;
        fd = nfd;
    }
    return LEDE_OK;
}

/* ---- opening -------------------------------------------------------------- */

static lede_rc open_root(lede_corpus_walk *w, const char *root, const lede_corpus_glob *g,
                         unsigned flags, int *os_errno) {
    w->depth = 0;
    w->path_len = 0;
    w->glob = *g;
    w->flags = flags;
    w->one = 0;
    w->cur_is_file = 0;
    *os_errno = 0;
    if (!path_put(w, "", 0) || !frames_reserve(w, 1))
        return LEDE_NOMEM;
    int fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        *os_errno = errno;
        if (fd >= 0)
            close(fd);
        return LEDE_IO;
    }
    lede_corpus_frame *fr = &w->frames[0];
    fr->fd = fd;
    fr->dev = (uint64_t)st.st_dev;
    fr->ino = (uint64_t)st.st_ino;
    fr->prefix_len = 0;
    fr->names_len = fr->count = fr->next = 0;
    w->depth = 1;
    return LEDE_OK;
}

lede_rc lede_corpus_walk_open(lede_corpus_walk *w, const char *root, const lede_corpus_glob *g,
                              unsigned flags, int *os_errno) {
    lede_rc rc = open_root(w, root, g, flags, os_errno);
    if (rc != LEDE_OK)
        return rc;
    rc = frame_list(w, &w->frames[0], os_errno);
    if (rc == LEDE_OK && *os_errno)
        rc = LEDE_IO;
    if (rc != LEDE_OK)
        pop(w);
    return rc;
}

/* 1 when p[0..n) is a path the walk can give: relative, no empty, hidden,
   "." or ".." segment, no NUL; a single trailing '/' marks a folder. */
static int canonical_path(const char *p, size_t n) {
    if (n == 0 || p[0] == '/' || memchr(p, '\0', n))
        return 0;
    if (p[n - 1] == '/')
        n--;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || p[i] == '/') {
            if (i == 0 || p[i - 1] == '/')
                return 0; /* empty segment */
        } else if (p[i] == '.' && (i == 0 || p[i - 1] == '/')) {
            return 0; /* hidden, "." or ".." */
        }
    }
    return 1;
}

lede_rc lede_corpus_walk_open_path(lede_corpus_walk *w, const char *root, const lede_corpus_glob *g,
                                   unsigned flags, const char *path, size_t n, int *os_errno) {
    lede_rc rc = open_root(w, root, g, flags, os_errno);
    if (rc != LEDE_OK)
        return rc;
    w->one = 1;
    if (!canonical_path(path, n)) {
        pop(w);
        return LEDE_OK;
    }
    int want_folder = path[n - 1] == '/';
    size_t end = want_folder ? n - 1 : n;
    size_t seg = 0;
    for (;;) {
        const char *slash = memchr(path + seg, '/', end - seg);
        size_t seg_end = slash ? (size_t)(slash - path) : end;
        lede_corpus_frame *top = &w->frames[w->depth - 1];
        w->path_len = top->prefix_len;
        if (!path_put(w, path + seg, seg_end - seg))
            return LEDE_NOMEM;
        lede_corpus_slot s;
        classify(top->fd, w->path + top->prefix_len, DT_UNKNOWN, &s);
        int last = seg_end == end;
        int usable = s.kind != SLOT_GONE && slot_wanted(w, s.kind) &&
                     (last ? slot_is_folder(s.kind) == want_folder : slot_is_folder(s.kind));
        if (usable && last) {
            if (!frame_add(top, w->path + top->prefix_len, seg_end - seg, &s))
                return LEDE_NOMEM;
            frame_sort(top);
            return LEDE_OK;
        }
        lede_corpus_fault f = {0};
        if (usable && (s.kind == SLOT_DIR || (flags & LEDE_CORPUS_WALK_FOLLOW))) {
            rc = push_folder(w, s.kind == SLOT_LINK_DIR, 0, &f);
            if (rc != LEDE_OK)
                return rc;
        }
        if (!usable || f.kind != LEDE_CORPUS_FAULT_NONE ||
            (s.kind == SLOT_LINK_DIR && !(flags & LEDE_CORPUS_WALK_FOLLOW))) {
            /* the full walk gives a row for this folder (or nothing), none below it */
            while (w->depth > 0)
                pop(w);
            return LEDE_OK;
        }
        seg = seg_end + 1;
    }
}

/* ---- iterating ------------------------------------------------------------ */

static lede_rc yield(lede_corpus_walk *w, lede_corpus_entry *e, int folder) {
    if (folder && !path_put(w, "/", 1))
        return LEDE_NOMEM;
    e->path = w->path;
    e->path_len = w->path_len;
    return LEDE_OK;
}

lede_rc lede_corpus_walk_next(lede_corpus_walk *w, lede_corpus_entry *e) {
    memset(e, 0, sizeof *e);
    w->cur_is_file = 0;
    while (w->depth > 0) {
        lede_corpus_frame *top = &w->frames[w->depth - 1];
        if (top->next == top->count) {
            pop(w);
            continue;
        }
        if (top->fd < 0) {
            int have_row;
            lede_rc rc = reopen(w, e, &have_row);
            if (rc != LEDE_OK || have_row)
                return rc;
            continue;
        }
        const lede_corpus_slot *s = &top->slots[top->next++];
        w->path_len = top->prefix_len;
        if (!path_put(w, s->name, s->len))
            return LEDE_NOMEM;
        w->cur_name = top->prefix_len;
        switch (s->kind) {
        case SLOT_FILE:
        case SLOT_LINK_FILE:
            w->cur_is_file = 1;
            return yield(w, e, 0);
        case SLOT_DIR:
        case SLOT_LINK_DIR: {
            if (s->kind == SLOT_LINK_DIR && !(w->flags & LEDE_CORPUS_WALK_FOLLOW)) {
                e->fault.kind = LEDE_CORPUS_FAULT_LINK_FOLDER;
                return yield(w, e, 1);
            }
            lede_rc rc = push_folder(w, s->kind == SLOT_LINK_DIR, 1, &e->fault);
            if (rc != LEDE_OK)
                return rc;
            if (e->fault.kind != LEDE_CORPUS_FAULT_NONE)
                return yield(w, e, 1);
            if (w->one) /* open_path only checks that the folder opens */
                pop(w);
            continue;
        }
        case SLOT_LINK_BROKEN:
            e->fault.kind = LEDE_CORPUS_FAULT_LINK_BROKEN;
            e->fault.os_errno = s->err;
            return yield(w, e, 0);
        case SLOT_OTHER:
            e->fault.kind = LEDE_CORPUS_FAULT_NOT_REGULAR;
            e->fault.mode = s->mode;
            return yield(w, e, 0);
        case SLOT_GONE:
            e->fault.kind = LEDE_CORPUS_FAULT_VANISHED;
            e->fault.os_errno = s->err;
            return yield(w, e, 0);
        }
    }
    return LEDE_DONE;
}

void lede_corpus_walk_close(lede_corpus_walk *w) {
    for (size_t i = 0; i < w->frames_cap; i++) {
        frame_close(&w->frames[i]);
        lede_free(w->frames[i].names);
        lede_free(w->frames[i].slots);
    }
    lede_free(w->frames);
    lede_free(w->path);
    memset(w, 0, sizeof *w);
}

/* ---- reading -------------------------------------------------------------- */

static void os_fault(lede_corpus_fault *f, int err) {
    f->kind = err == ENOENT ? LEDE_CORPUS_FAULT_VANISHED : LEDE_CORPUS_FAULT_READ;
    f->os_errno = err;
}

lede_rc lede_corpus_walk_stat(lede_corpus_walk *w, lede_corpus_stat *st, lede_corpus_fault *f) {
    memset(f, 0, sizeof *f);
    memset(st, 0, sizeof *st);
    if (!w->cur_is_file || w->depth == 0)
        return LEDE_INVALID;
    struct stat sb;
    if (fstatat(w->frames[w->depth - 1].fd, w->path + w->cur_name, &sb, 0) != 0) {
        os_fault(f, errno);
        return LEDE_OK;
    }
    st->size = (uint64_t)sb.st_size;
    st->mtime = (int64_t)sb.st_mtime;
    return LEDE_OK;
}

lede_rc lede_corpus_walk_open_file(lede_corpus_walk *w, int *fd, lede_corpus_stat *st,
                                   lede_corpus_fault *f) {
    memset(f, 0, sizeof *f);
    memset(st, 0, sizeof *st);
    *fd = -1;
    if (!w->cur_is_file || w->depth == 0)
        return LEDE_INVALID;
    int d = openat(w->frames[w->depth - 1].fd, w->path + w->cur_name,
                   O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    struct stat sb;
    if (d < 0 || fstat(d, &sb) != 0) {
        os_fault(f, errno);
        if (d >= 0)
            close(d);
        return LEDE_OK;
    }
    st->size = (uint64_t)sb.st_size;
    st->mtime = (int64_t)sb.st_mtime;
    if (!S_ISREG(sb.st_mode)) {
        f->kind = LEDE_CORPUS_FAULT_NOT_REGULAR;
        f->mode = (unsigned)(sb.st_mode & S_IFMT);
        close(d);
        return LEDE_OK;
    }
    *fd = d;
    return LEDE_OK;
}

lede_rc lede_corpus_walk_read(lede_corpus_walk *w, uint64_t limit, lede_corpus_buf *buf,
                              lede_corpus_stat *st, lede_corpus_fault *f) {
    memset(f, 0, sizeof *f);
    memset(st, 0, sizeof *st);
    buf->len = 0;
    if (!w->cur_is_file || w->depth == 0)
        return LEDE_INVALID;
    int fd = openat(w->frames[w->depth - 1].fd, w->path + w->cur_name,
                    O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0) {
        os_fault(f, errno);
        if (fd >= 0)
            close(fd);
        return LEDE_OK;
    }
    st->size = (uint64_t)sb.st_size;
    st->mtime = (int64_t)sb.st_mtime;
    if (!S_ISREG(sb.st_mode)) {
        f->kind = LEDE_CORPUS_FAULT_NOT_REGULAR;
        f->mode = (unsigned)(sb.st_mode & S_IFMT);
    } else if (st->size > limit || st->size >= SIZE_MAX / 2) {
        f->kind = LEDE_CORPUS_FAULT_TOO_LARGE;
        f->size = st->size;
        f->limit = limit;
    }
    if (f->kind != LEDE_CORPUS_FAULT_NONE) {
        close(fd);
        return LEDE_OK;
    }
    /* Ask for one byte more than fstat said: a short read then means the
       file ends where fstat said, and one read normally does it all. */
    size_t size = (size_t)st->size, want = size + 1, got = 0;
    void *p = buf->p;
    if (!grow(&p, &buf->cap, want, 1)) {
        close(fd);
        return LEDE_NOMEM;
    }
    buf->p = p;
    for (;;) {
        ssize_t r = read(fd, buf->p + got, want - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            os_fault(f, errno);
            f->kind = LEDE_CORPUS_FAULT_READ;
            close(fd);
            return LEDE_OK;
        }
        if (r == 0)
            break;
        got += (size_t)r;
        if (got == size)
            break;
        if (got == want) { /* the file grew since fstat */
            if (got > limit) {
                f->kind = LEDE_CORPUS_FAULT_TOO_LARGE;
                f->size = got;
                f->limit = limit;
                close(fd);
                return LEDE_OK;
            }
            size_t most = limit < SIZE_MAX / 4 ? (size_t)limit + 1 : SIZE_MAX / 4;
            want = got < most / 2 ? got * 2 : most;
            p = buf->p;
            if (!grow(&p, &buf->cap, want, 1)) {
                close(fd);
                return LEDE_NOMEM;
            }
            buf->p = p;
        }
    }
    close(fd);
    buf->len = got;
    st->size = got;
    return LEDE_OK;
}

/* ---- text check ----------------------------------------------------------- */

#define ONES 0x0101010101010101u
#define HIGHS 0x8080808080808080u

void lede_corpus_check_text(const char *s, size_t n, lede_corpus_fault *f) {
    memset(f, 0, sizeof *f);
    size_t chars = 0, bad = 0, i = 0;
    if (lede_corpus_utf16_detect(s, n) != LEDE_CORPUS_UTF16_NONE) {
        int nul;
        lede_corpus_utf16_scan(s, n, &chars, &bad, &nul);
        if (nul) {
            f->kind = LEDE_CORPUS_FAULT_BINARY_NUL;
        } else if (bad * 4 > chars) {
            f->kind = LEDE_CORPUS_FAULT_BINARY_UTF16;
            f->percent = (unsigned)(bad * 100 / chars);
        }
        return;
    }
    while (i < n) {
        if (n - i >= 8) { /* eight ASCII bytes, none of them NUL, at a time */
            uint64_t v;
            memcpy(&v, s + i, 8);
            if (((v | ((v - ONES) & ~v)) & HIGHS) == 0) {
                chars += 8;
                i += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)s[i];
        if (c == 0) {
            f->kind = LEDE_CORPUS_FAULT_BINARY_NUL;
            return;
        }
        chars++;
        if (c < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t j = lede_utf8_next(s, n, i, &cp);
        if (lede_utf8_ill_formed(s, i, j, cp))
            bad++;
        i = j;
    }
    if (bad * 4 > chars) {
        f->kind = LEDE_CORPUS_FAULT_BINARY_UTF8;
        f->percent = (unsigned)(bad * 100 / chars);
    }
}

/* ---- messages ------------------------------------------------------------- */

/* strerror_r is the XSI one (int) or the GNU one (char *) by feature macros;
   take whichever this libc gives. */
static const char *strerror_xsi(int rc, char *buf) { return rc == 0 ? buf : NULL; }
static const char *strerror_gnu(char *msg, char *buf) {
    (void)buf;
    return msg;
}
#define LEDE_STRERROR_R(err, buf, cap)                                                             \
    _Generic(strerror_r(err, buf, cap), char *: strerror_gnu, default: strerror_xsi)(          \
        strerror_r(err, buf, cap), buf)

size_t lede_corpus_strerror(int err, char *out, size_t cap) {
    char tmp[128];
    tmp[0] = '\0';
    const char *msg = LEDE_STRERROR_R(err, tmp, sizeof tmp);
    int n = msg && msg[0] ? snprintf(out, cap, "%s", msg) : snprintf(out, cap, "error %d", err);
    if (cap > 1 && out[0] >= 'A' && out[0] <= 'Z' && out[1] >= 'a' && out[1] <= 'z')
        out[0] = (char)(out[0] - 'A' + 'a');
    return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

static const char *file_type_name(unsigned mode) {
    switch (mode & S_IFMT) {
    case S_IFIFO:
        return "fifo";
    case S_IFSOCK:
        return "socket";
    case S_IFCHR:
        return "character device";
    case S_IFBLK:
        return "block device";
    case S_IFDIR:
        return "folder";
    default:
        return "unknown type";
    }
}

size_t lede_corpus_fault_message(const lede_corpus_fault *f, char *out, size_t cap) {
    char why[128];
    why[0] = '\0';
    if (f->kind == LEDE_CORPUS_FAULT_READ || f->kind == LEDE_CORPUS_FAULT_VANISHED ||
        f->kind == LEDE_CORPUS_FAULT_FOLDER || f->kind == LEDE_CORPUS_FAULT_LINK_BROKEN)
        lede_corpus_strerror(f->os_errno, why, sizeof why);
    int n = 0;
    switch (f->kind) {
    case LEDE_CORPUS_FAULT_NONE:
        n = snprintf(out, cap, "%s", "");
        break;
    case LEDE_CORPUS_FAULT_READ:
        n = snprintf(out, cap, "%s", why);
        break;
    case LEDE_CORPUS_FAULT_VANISHED:
        n = snprintf(out, cap, "vanished after listing: %s", why);
        break;
    case LEDE_CORPUS_FAULT_FOLDER:
        n = snprintf(out, cap, "cannot open folder: %s", why);
        break;
    case LEDE_CORPUS_FAULT_FOLDER_CHANGED:
        n = snprintf(out, cap, "folder replaced during the scan");
        break;
    case LEDE_CORPUS_FAULT_LINK_FOLDER:
        n = snprintf(out, cap, "symlink to a folder, not followed");
        break;
    case LEDE_CORPUS_FAULT_LOOP:
        n = snprintf(out, cap, "loop: folder already on the path");
        break;
    case LEDE_CORPUS_FAULT_LINK_BROKEN:
        n = snprintf(out, cap, "broken symlink: %s", why);
        break;
    case LEDE_CORPUS_FAULT_NOT_REGULAR:
        n = snprintf(out, cap, "not a regular file (%s)", file_type_name(f->mode));
        break;
    case LEDE_CORPUS_FAULT_TOO_LARGE:
        n = snprintf(out, cap, "file too large: %" PRIu64 " bytes, limit %" PRIu64, f->size,
                     f->limit);
        break;
    case LEDE_CORPUS_FAULT_BINARY_NUL:
        n = snprintf(out, cap, "binary file (NUL bytes)");
        break;
    case LEDE_CORPUS_FAULT_BINARY_UTF8:
        n = snprintf(out, cap, "binary file (invalid UTF-8 in %u%% of characters)", f->percent);
        break;
    case LEDE_CORPUS_FAULT_BINARY_UTF16:
        n = snprintf(out, cap, "binary file (invalid UTF-16 in %u%% of characters)", f->percent);
        break;
    case LEDE_CORPUS_FAULT_UNDECODABLE:
        n = snprintf(out, cap,
                     "not text in UTF-8 or windows-1252: byte 0x%02X at offset %" PRIu64
                     " does not convert",
                     f->byte, f->size);
        break;
    case LEDE_CORPUS_FAULT_FORMAT:
        n = snprintf(out, cap, "%s", f->detail);
        break;
    case LEDE_CORPUS_FAULT_INFLATE:
        n = snprintf(out, cap,
                     "archive inflates past %" PRIu64 " bytes in all (a zip bomb?): rest not read",
                     f->limit);
        break;
    }
    return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

/* Writes v (0 <= v < 10^width) in width decimal digits. */
static char *put_digits(char *out, int v, int width) {
    for (int i = width - 1; i >= 0; i--) {
        out[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return out + width;
}

int lede_corpus_format_time(int64_t t, char out[21]) {
    time_t tt = (time_t)t;
    struct tm tm;
    if ((int64_t)tt != t || !gmtime_r(&tt, &tm) || tm.tm_year < -1900 || tm.tm_year > 9999 - 1900)
        return 0;
    char *p = put_digits(out, tm.tm_year + 1900, 4);
    *p++ = '-';
    p = put_digits(p, tm.tm_mon + 1, 2);
    *p++ = '-';
    p = put_digits(p, tm.tm_mday, 2);
    *p++ = 'T';
    p = put_digits(p, tm.tm_hour, 2);
    *p++ = ':';
    p = put_digits(p, tm.tm_min, 2);
    *p++ = ':';
    p = put_digits(p, tm.tm_sec, 2);
    *p++ = 'Z';
    *p = '\0';
    return 1;
}
