/*
 * writer.c: the model as C source (writer.h), in the layout of model.h.
 */
#include "writer.h"

#include "../features.h"
#include "../model.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest probe chain the writer accepts (model.c gives up after 64). */
#define WRITER_MAX_CHAIN 48

typedef struct {
    unsigned char *b;
    size_t n, cap;
} bytes;

static void put_bytes(bytes *o, const void *p, size_t n) {
    while (o->n + n > o->cap) {
        o->cap = o->cap ? 2 * o->cap : 1 << 20;
        o->b = xrealloc(o->b, o->cap);
    }
    memcpy(o->b + o->n, p, n);
    o->n += n;
}

static void set_u32(unsigned char *p, uint32_t v) {
    for (int k = 0; k < 4; k++)
        p[k] = (unsigned char)(v >> (8 * k));
}

/* Writes b[0..n) as a C string literal, in pieces of about 100 columns.
   Printable ASCII stands for itself (but backslash, double quote and ?, which may start a
   trigraph); other bytes are octal escapes, of three digits when a digit
   follows, which the escape would otherwise swallow. */
static void write_literal(FILE *f, const unsigned char *b, size_t n) {
    size_t col = 0;
    fputs("    \"", f);
    for (size_t i = 0; i < n; i++) {
        unsigned c = b[i];
        if (col >= 92) {
            fputs("\"\n    \"", f);
            col = 0;
        }
        int next_digit = i + 1 < n && b[i + 1] >= '0' && b[i + 1] <= '9';
        if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"' && c != '?') {
            fputc((int)c, f);
            col += 1;
        } else {
            col += (size_t)fprintf(f, next_digit ? "\\%03o" : "\\%o", c);
        }
    }
    fputs("\"", f);
}

static void write_ints(FILE *f, const int32_t *v, size_t n, const char *indent) {
    for (size_t i = 0; i < n; i++) {
        if (i % 10 == 0)
            fprintf(f, "%s%s", i ? "\n" : "", indent);
        fprintf(f, "%d,%s", v[i], i % 10 == 9 || i + 1 == n ? "" : " ");
    }
}

static void write_trans(FILE *f, const lede_ner_transitions *t, size_t nt) {
    fputs("        {\n            .start = {\n", f);
    write_ints(f, t->start, nt, "                ");
    fputs("\n            },\n            .trans = {\n", f);
    for (size_t r = 0; r < nt; r++) {
        fputs("                {\n", f);
        write_ints(f, t->trans[r], nt, "                    ");
        fputs("\n                },\n", f);
    }
    fputs("            },\n            .end = {\n", f);
    write_ints(f, t->end, nt, "                ");
    fputs("\n            },\n        },\n", f);
}

/* A weight as the model stores it: a signed byte. */
static int8_t writer_weight(int32_t w, int32_t prune) {
    if (w > -prune && w < prune)
        return 0;
    return (int8_t)(w > INT8_MAX ? INT8_MAX : w < -INT8_MAX ? -INT8_MAX : w);
}

int writer_write(const char *path, const writer_input *in, writer_stats *st) {
    const fdict *d = in->dict;
    size_t nfeat = in->stage2->nfeat > in->stage1->nfeat ? in->stage2->nfeat : in->stage1->nfeat;
    const size_t nt = LEDE_NER_NTAGS_OF(in->ntypes);
    bytes rows = {0};
    uint32_t *index_of = xcalloc(nfeat, sizeof *index_of); /* offset + 1, 0 = dropped */
    size_t kept = 0, entries = 0;
    for (size_t id = 0; id < nfeat; id++) {
        int8_t w1[LEDE_NER_MAX_TAGS], w2[LEDE_NER_MAX_TAGS];
        size_t count = 0;
        for (size_t t = 0; t < nt; t++) {
            w1[t] = w2[t] = 0;
            if (id < in->stage1->nfeat)
                w1[t] = writer_weight(in->stage1->w[id * nt + t], in->prune);
            if (id < in->stage2->nfeat)
                w2[t] = writer_weight(in->stage2->w[id * nt + t], in->prune);
            count += w1[t] || w2[t];
        }
        if (!count)
            continue;
        /* A sparse row: count, then (tag, w1, w2) for the tags that weigh;
           a dense one (model.h): the mark, then every tag's packed pair. */
        unsigned char row[1 + 4 * LEDE_NER_MAX_TAGS];
        size_t len = 1;
        if (LEDE_NER_ROW_IS_DENSE(count, nt)) {
            row[0] = LEDE_NER_ROW_DENSE;
            for (size_t t = 0; t < nt; t++, len += 4)
                set_u32(row + len, (uint32_t)((int32_t)w1[t] + (int32_t)w2[t] * 65536));
        } else {
            row[0] = (unsigned char)count;
            for (size_t t = 0; t < nt; t++) {
                if (!w1[t] && !w2[t])
                    continue;
                row[len++] = (unsigned char)t;
                row[len++] = (unsigned char)w1[t];
                row[len++] = (unsigned char)w2[t];
            }
        }
        kept++;
        entries += count;
        index_of[id] = (uint32_t)rows.n + 1;
        put_bytes(&rows, row, len);
    }
    /* The table, at most half full: linear probing makes long runs beyond. */
    size_t bits = 4;
    while (((size_t)1 << bits) < kept * 2)
        bits++;
    size_t nslots = (size_t)1 << bits, mask = nslots - 1;
    unsigned char *slots = xcalloc(nslots, 8);
    size_t dropped = 0;
    for (size_t id = 0; id < nfeat; id++) {
        if (!index_of[id])
            continue;
        uint64_t h = d->hash_of[id];
        uint32_t check = (uint32_t)(h >> 32);
        size_t i = (size_t)h & mask, chain = 0;
        int clash = 0;
        while (slots[8 * i + 4] | slots[8 * i + 5] | slots[8 * i + 6] | slots[8 * i + 7]) {
            uint32_t c = (uint32_t)slots[8 * i] | (uint32_t)slots[8 * i + 1] << 8 |
                         (uint32_t)slots[8 * i + 2] << 16 | (uint32_t)slots[8 * i + 3] << 24;
            if (c == check)
                clash = 1; /* a lookup of h would stop here: keep the first */
            i = (i + 1) & mask;
            chain++;
        }
        if (clash || chain >= WRITER_MAX_CHAIN) {
            dropped++;
            continue;
        }
        set_u32(slots + 8 * i, check);
        set_u32(slots + 8 * i + 4, index_of[id]);
    }
    if (dropped)
        fprintf(stderr, "writer: %zu features dropped for clashing checks or long chains\n",
                dropped);

    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        free(rows.b);
        free(slots);
        free(index_of);
        return -1;
    }
    fprintf(f,
            "/* clang-format off */\n"
            "/*\n"
            " * Generated by `make model` from %s; do not edit.\n"
            " *\n"
            " * The weights of the entity model %s (model.h) for feature set version %d:\n"
            " * %zu types, %zu features in a table of 2^%zu slots, %zu weights per stage.\n"
            " * %s\n"
            " */\n",
            in->source, in->symbol, LEDE_NER_FEATURE_SET_VERSION, in->ntypes, kept, bits,
            entries, in->about);
    fputs("#include \"model.h\"\n\n"
          "#if defined(__GNUC__)\n"
          "#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n"
          "#endif\n\n",
          f);
    fputs("static const char *const model_types[] = {", f);
    for (size_t t = 0; t < in->ntypes; t++)
        fprintf(f, "%s\"%s\"", t ? ", " : "", in->type_names[t]);
    fputs("};\n\n", f);
    fprintf(f, "static const char model_slots[%zu + 1] =\n", nslots * 8);
    write_literal(f, slots, nslots * 8);
    fprintf(f, ";\n\nstatic const char model_rows[%zu + 1] =\n", rows.n);
    write_literal(f, rows.b, rows.n);
    fputs(";\n\n", f);
    size_t lex_bytes = (size_t)8 << in->lexicon->slot_bits;
    fprintf(f, "static const char model_lexicon[%zu + 1] =\n", lex_bytes);
    write_literal(f, in->lexicon->slots, lex_bytes);
    fputs(";\n\n", f);
    fprintf(f,
            "const lede_ner_model %s = {\n"
            "    .magic = 0x%08xu,\n"
            "    .feature_set_version = %d,\n"
            "    .ntypes = %zu,\n"
            "    .type_names = model_types,\n"
            "    .slot_bits = %zu,\n"
            "    .slots = (const unsigned char *)model_slots,\n"
            "    .rows = (const unsigned char *)model_rows,\n"
            "    .rows_size = %zu,\n"
            "    .trans = {\n",
            in->symbol, LEDE_NER_MODEL_MAGIC, LEDE_NER_FEATURE_SET_VERSION, in->ntypes, bits,
            rows.n);
    write_trans(f, &in->stage1->trans, nt);
    write_trans(f, &in->stage2->trans, nt);
    fprintf(f,
            "    },\n    .lexicon = {\n"
            "        .slot_bits = %u,\n"
            "        .slots = (const unsigned char *)model_lexicon,\n"
            "    },\n",
            (unsigned)in->lexicon->slot_bits);
    fputs("    .about = \"", f);
    for (const char *p = in->about; *p; p++)
        if (*p != '"' && *p != '\\')
            fputc(*p, f);
    fputs("\",\n};\n/* clang-format on */\n", f);
    int err = ferror(f);
    if (fclose(f) != 0 || err) {
        perror(path);
        err = 1;
    }
    if (st) {
        st->features = kept - dropped;
        st->slot_bits = bits;
        st->bytes = nslots * 8 + rows.n + ((size_t)8 << in->lexicon->slot_bits);
    }
    free(rows.b);
    free(slots);
    free(index_of);
    return err ? -1 : 0;
}
