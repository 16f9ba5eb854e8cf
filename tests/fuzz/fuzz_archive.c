/*
 * fuzz_archive.c: libFuzzer target for the reader of archives, compressed
 * files and WARC and record files (ext/corpus/reader.h), on any bytes.
 *
 * The first input byte picks the file's name (what it is read as: .zip,
 * .tar, .tar.gz, .gz, .txt.bz2, .jsonl.gz, .warc, .warc.gz, .csv) and the
 * limit; the rest is written to that file in a fresh folder, which is read
 * as lede_articles reads it: every row, its stat and its content; then
 * again with WHERE path = each row's path.
 *
 * Invariants checked (abort on violation):
 *  - every row's path starts with the file's name; the scan ends;
 *  - a row without a fault has content of at most limit bytes, and its
 *    size (when known) is that content's length;
 *  - a fault has a non-empty message;
 *  - looking a path up gives at most one row, with that path, and exactly
 *    one when the full scan found no fault at all (in a corrupt archive,
 *    what libarchive finds depends on what was read or skipped before).
 */
#include "check.h"
#include "corpus/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = {"a.zip",      "a.tar",  "a.tar.gz",  "a.txt.gz",
                                    "a.txt.bz2",  "a.jsonl.gz", "a.warc", "a.warc.gz",
                                    "a.csv",      "a.tgz",  "a.html.xz", "a.ndjson"};

static char dir[64];

static void row_checks(lede_corpus_reader *r, const char *name) {
    size_t nn = strlen(name);
    FUZZ_CHECK(r->path.len >= nn && memcmp(r->path.p, name, nn) == 0);
    int ok;
    FUZZ_CHECK(lede_corpus_reader_stat(r, &ok) == LEDE_OK);
    FUZZ_CHECK(lede_corpus_reader_content(r) == LEDE_OK);
    if (r->fault.kind != LEDE_CORPUS_FAULT_NONE) {
        char msg[160];
        FUZZ_CHECK(lede_corpus_fault_message(&r->fault, msg, sizeof msg) > 0);
        return;
    }
    if (r->row == LEDE_CORPUS_ROW_MEMBER || r->row == LEDE_CORPUS_ROW_FILE) {
        FUZZ_CHECK(r->content.len <= r->limit);
        FUZZ_CHECK(lede_corpus_reader_stat(r, &ok) == LEDE_OK);
        FUZZ_CHECK(!ok || r->st.size == r->content.len || r->row == LEDE_CORPUS_ROW_MEMBER);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1 || size > 1 << 16)
        return 0;
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/lede-fuzz-archive.%ld", (long)getpid());
        char cmd[128];
        snprintf(cmd, sizeof cmd, "mkdir -p %s", dir);
        FUZZ_CHECK(system(cmd) == 0);
    }
    const char *name = names[data[0] % (sizeof names / sizeof names[0])];
    uint64_t limit = (data[0] & 0x80) ? 100 : 1 << 20;
    char path[128];
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[k]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    FUZZ_CHECK(fp);
    FUZZ_CHECK(fwrite(data + 1, 1, size - 1, fp) == size - 1);
    fclose(fp);

    lede_corpus_glob g = {NULL, 0};
    lede_corpus_reader r;
    memset(&r, 0, sizeof r);
    int os_errno;
    FUZZ_CHECK(lede_corpus_reader_open(&r, dir, &g, 0, limit, NULL, 0, &os_errno) == LEDE_OK);
    char *paths[32];
    size_t npaths = 0, faults = 0;
    for (int guard = 0;; guard++) {
        FUZZ_CHECK(guard < 100000);
        lede_rc rc = lede_corpus_reader_next(&r);
        if (rc == LEDE_DONE)
            break;
        FUZZ_CHECK(rc == LEDE_OK);
        row_checks(&r, name);
        faults += r.fault.kind != LEDE_CORPUS_FAULT_NONE;
        if (npaths < 32) {
            paths[npaths] = malloc(r.path.len + 1);
            FUZZ_CHECK(paths[npaths]);
            memcpy(paths[npaths], r.path.p, r.path.len + 1);
            npaths++;
        }
    }
    for (size_t k = 0; k < npaths && k < 4; k++) {
        FUZZ_CHECK(lede_corpus_reader_open(&r, dir, &g, 0, limit, paths[k], strlen(paths[k]),
                                           &os_errno) == LEDE_OK);
        size_t rows = 0;
        while (lede_corpus_reader_next(&r) == LEDE_OK) {
            FUZZ_CHECK(r.path.len == strlen(paths[k]) && memcmp(r.path.p, paths[k], r.path.len) == 0);
            row_checks(&r, name);
            rows++;
        }
        FUZZ_CHECK(rows <= 1 && (rows == 1 || faults > 0));
    }
    for (size_t k = 0; k < npaths; k++)
        free(paths[k]);
    lede_corpus_reader_close(&r);
    return 0;
}
