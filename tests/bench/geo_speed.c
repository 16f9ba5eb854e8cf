/*
 * geo_speed.c: what resolving places costs inside lede_entities.
 *
 *   cc ... -o geo_speed tests/bench/geo_speed.c build/libledecore.a ...; geo_speed FILE...
 *
 * For each file, the whole pipeline (ext/ner/extract.h, resolution on) runs once and is
 * timed; its entities are kept. Then canonicalisation alone (ext/ner/canon.h) runs over
 * the same entities REPS times as they are, and REPS times with the places (GPE, LOC,
 * FAC) passed as MISC, which skips the place resolver (ext/geo/geo.h). The difference is
 * the resolver's own cost: the scan of the text's place names and the choice for each
 * place. Prints it per file and in total, per place and as a share of the pipeline's time.
 */
#include "ner/canon.h"
#include "ner/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void *lede_malloc(size_t n) { return malloc(n); }
void *lede_realloc(void *p, size_t n) { return realloc(p, n); }
void lede_free(void *p) { free(p); }

#define REPS 20

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

typedef struct {
    size_t a, b;
    lede_ent_label label;
    char country[3];
} ent;

static double canon_pass(const char *s, size_t n, const ent *es, size_t ne, int places) {
    double t0 = now();
    for (int r = 0; r < REPS; r++) {
        lede_canon_ctx c;
        lede_canon_init(&c, s, n, 0);
        for (size_t k = 0; k < ne; k++) {
            lede_canon_entity e;
            memset(&e, 0, sizeof e);
            e.byte_start = es[k].a;
            e.byte_end = es[k].b;
            e.label = es[k].label;
            if (!places && lede_ent_label_is_place(e.label))
                e.label = LEDE_ENT_MISC;
            memcpy(e.country, es[k].country, 3);
            if (lede_canon_next(&c, &e) != LEDE_OK)
                exit(1);
        }
        lede_canon_free(&c);
    }
    return (now() - t0) / REPS;
}

int main(int argc, char **argv) {
    double all_pipe = 0, all_geo = 0;
    size_t all_places = 0, all_bytes = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f)
            return 1;
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *s = malloc((size_t)len + 1);
        if (!s || fread(s, 1, (size_t)len, f) != (size_t)len)
            return 1;
        fclose(f);
        size_t n = (size_t)len, ne = 0, cap = 256, places = 0;
        ent *es = malloc(cap * sizeof *es);
        lede_ner_extractor x;
        lede_ner_entity e;
        double t0 = now();
        lede_ner_extract_init(&x, lede_ner_scheme_model(LEDE_NER_SCHEME_ONTONOTES),
                              LEDE_NER_SCHEME_ONTONOTES, s, n, NULL);
        while (lede_ner_extract_next(&x, &e) == LEDE_OK) {
            if (ne == cap)
                es = realloc(es, (cap *= 2) * sizeof *es);
            es[ne].a = e.span.byte_start;
            es[ne].b = e.span.byte_end;
            es[ne].label = e.label;
            es[ne].country[0] = '\0';
            places += lede_ent_label_is_place(e.label);
            ne++;
        }
        lede_ner_extract_free(&x);
        double pipe = now() - t0;
        double with = canon_pass(s, n, es, ne, 1), without = canon_pass(s, n, es, ne, 0);
        printf("%-40s %8zu bytes %5zu places: pipeline %.1f ms, resolver %.3f ms (%.1f%%)\n",
               argv[i], n, places, pipe * 1e3, (with - without) * 1e3,
               100 * (with - without) / pipe);
        all_pipe += pipe;
        all_geo += with - without;
        all_places += places;
        all_bytes += n;
        free(es);
        free(s);
    }
    printf("total: %zu bytes, %zu places: pipeline %.1f ms (%.2f MB/s), resolver %.2f ms "
           "(%.1f%% of it, %.1f us a place)\n",
           all_bytes, all_places, all_pipe * 1e3, all_bytes / all_pipe / 1e6, all_geo * 1e3,
           100 * all_geo / all_pipe, all_places ? all_geo * 1e6 / all_places : 0.0);
    return 0;
}
