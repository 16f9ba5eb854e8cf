/*
 * bind.c: helpers shared by the binding files (see bind.h).
 */
#include "bind.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

SQLITE_EXTENSION_INIT3

int lede_bind_connect_innocuous(sqlite3 *db, const char *schema, sqlite3_vtab **out) {
    int rc = sqlite3_declare_vtab(db, schema);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_vtab *vt = sqlite3_malloc64(sizeof *vt);
    if (!vt)
        return SQLITE_NOMEM;
    memset(vt, 0, sizeof *vt);
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    *out = vt;
    return SQLITE_OK;
}

int lede_bind_disconnect(sqlite3_vtab *vtab) {
    sqlite3_free(vtab);
    return SQLITE_OK;
}

void *lede_bind_cursor(size_t size) {
    void *cur = sqlite3_malloc64(size);
    if (cur)
        memset(cur, 0, size);
    return cur;
}

int lede_bind_error(sqlite3_vtab *vtab, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = sqlite3_vmprintf(fmt, ap);
    va_end(ap);
    sqlite3_free(vtab->zErrMsg);
    vtab->zErrMsg = msg;
    return msg ? SQLITE_ERROR : SQLITE_NOMEM;
}

int lede_bind_rc(lede_rc rc) {
    switch (rc) {
    case LEDE_OK:
    case LEDE_DONE:
        return SQLITE_OK;
    case LEDE_NOMEM:
        return SQLITE_NOMEM;
    case LEDE_IO:
        return SQLITE_IOERR;
    case LEDE_TOOBIG:
        return SQLITE_TOOBIG;
    case LEDE_INVALID:
        return SQLITE_ERROR;
    }
    return SQLITE_ERROR;
}

int lede_bind_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info, int first_arg, int nargs,
                         int nrequired, const char *usage) {
    int slot[8];           /* constraint index per argument, -1 when none usable */
    int seen_unusable = 0; /* bit k: argument k constrained but unusable */
    if (nargs > 8)
        nargs = 8;
    for (int k = 0; k < nargs; k++)
        slot[k] = -1;
    for (int i = 0; i < info->nConstraint; i++) {
        const struct sqlite3_index_constraint *c = &info->aConstraint[i];
        int k = c->iColumn - first_arg;
        if (k < 0 || k >= nargs)
            continue;
        if (!c->usable || c->op != SQLITE_INDEX_CONSTRAINT_EQ)
            seen_unusable |= 1 << k;
        else
            slot[k] = i;
    }
    int idx = 0, argv = 0, missing = 0;
    for (int k = 0; k < nargs; k++) {
        if (slot[k] < 0) {
            /* an argument given from a table not yet in the loop: this plan
               cannot run (SQLite would compare it with what the cursor
               reports instead); the planner tries an order where it can */
            if (seen_unusable & (1 << k))
                return SQLITE_CONSTRAINT;
            if (k < nrequired)
                missing = 1;
            continue;
        }
        info->aConstraintUsage[slot[k]].argvIndex = ++argv;
        info->aConstraintUsage[slot[k]].omit = 1;
        idx |= 1 << k;
    }
    info->idxNum = idx;
    if (missing) {
        /* Not an error yet: SQLite also asks about a subset of the WHERE
           clause (each arm of an OR); make the plan the last resort, and
           let xFilter say what is missing if it ever runs. */
        (void)vtab;
        (void)usage;
        info->estimatedCost = 1e300;
        info->estimatedRows = (sqlite3_int64)1 << 62;
        return SQLITE_OK;
    }
    info->estimatedCost = 1000.0;
    info->estimatedRows = 1000;
    return SQLITE_OK;
}

/*
 * Asks that the 2 MB-aligned inside of a large buffer about to be written be
 * backed by huge pages (Linux, transparent huge pages in "always" or
 * "madvise" mode): a 64 MB copy then faults 32 pages in instead of 16,000,
 * which on the machine of docs/performance.md is 0.02 s of CPU instead of
 * 0.2 s. Only a hint: when it fails or is not there, nothing else changes.
 */
static void bind_advise_huge_pages(void *p, size_t n) {
#if defined(MADV_HUGEPAGE)
    const uintptr_t huge = (uintptr_t)2 << 20;
    if (n < 2 * huge)
        return;
    uintptr_t lo = ((uintptr_t)p + huge - 1) & ~(huge - 1);
    uintptr_t hi = ((uintptr_t)p + n) & ~(huge - 1);
    if (hi > lo)
        (void)madvise((void *)lo, (size_t)(hi - lo), MADV_HUGEPAGE);
#else
    (void)p;
    (void)n;
#endif
}

int lede_bind_text_arg(sqlite3_value *v, char **text, size_t *len, int *is_null) {
    *text = NULL;
    *len = 0;
    *is_null = sqlite3_value_type(v) == SQLITE_NULL;
    if (*is_null)
        return SQLITE_OK;
    const unsigned char *s = sqlite3_value_text(v);
    size_t n = (size_t)sqlite3_value_bytes(v);
    if (!s)
        return SQLITE_NOMEM;
    char *copy = sqlite3_malloc64(n + 1);
    if (!copy)
        return SQLITE_NOMEM;
    bind_advise_huge_pages(copy, n + 1);
    memcpy(copy, s, n);
    copy[n] = '\0';
    *text = copy;
    *len = n;
    return SQLITE_OK;
}

int lede_bind_is_date(const unsigned char *s, size_t n) {
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}
