/*
 * geo.c: place lookups and choosing a place (geo.h).
 *
 * A lookup hashes the key with 32-bit FNV-1a, as the generator
 * (ext/geo/gen/geo.py) grouped the keys, and walks that bucket's strings.
 * Choosing scores each candidate as geo.h describes; the weights are stated
 * there and are the same for every name.
 */
#include "geo.h"

#include <math.h>
#include <string.h>

#define GEO_KIND(info) ((info) & 0xFu)
#define GEO_COUNTRY(info) (((info) >> 4) & 0xFFu)
#define GEO_FLAGS(info) ((info) >> 12)

static uint32_t geo_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

size_t lede_geo_count(void) { return lede_geo_data.nplaces; }

int lede_geo_place_at(uint32_t i, lede_geo_place *out) {
    const lede_geo_tables *t = &lede_geo_data;
    if (i >= t->nplaces)
        return 0;
    uint32_t info = t->info[i];
    size_t c = GEO_COUNTRY(info);
    out->geonames = t->gid[i];
    out->lat = t->lat[i] / 1e5;
    out->lon = t->lon[i] / 1e5;
    out->weight = t->pop[i];
    memcpy(out->country, c < t->ncountries ? t->countries[c] : "", 3);
    out->kind = (lede_geo_kind)GEO_KIND(info);
    out->flags = GEO_FLAGS(info);
    out->admin1 = t->parent[i] ? t->parent[i] - 1 : LEDE_GEO_NO_PLACE;
    out->name = t->pool + t->name[i];
    return 1;
}

size_t lede_geo_lookup(const char *key, size_t n, const uint32_t **cands, unsigned *flags) {
    const lede_geo_tables *t = &lede_geo_data;
    if (key == NULL || n == 0)
        return 0;
    size_t b = geo_hash(key, n) & (uint32_t)(t->nbuckets - 1);
    const uint32_t *bucket = t->buckets + 2 * b;
    const char *p = t->pool + bucket[1];
    for (uint32_t k = bucket[0]; k < bucket[2]; k++) {
        size_t len = strlen(p);
        if (len == n && memcmp(p, key, n) == 0) {
            *cands = t->cands + t->kcand[k];
            if (flags)
                *flags = t->kflags[k];
            return t->kcand[k + 1] - t->kcand[k];
        }
        p += len + 1;
    }
    return 0;
}

uint32_t lede_geo_country(const char *cc) {
    const lede_geo_tables *t = &lede_geo_data;
    size_t lo = 1, hi = t->ncountries; /* [0] is "" */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int d = memcmp(t->countries[mid], cc, 2);
        if (d == 0)
            return t->by_country[mid] ? t->by_country[mid] - 1 : LEDE_GEO_NO_PLACE;
        if (d < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return LEDE_GEO_NO_PLACE;
}

/* The first-level region place p lies in (p itself for a region), or LEDE_GEO_NO_PLACE. */
static uint32_t geo_region_of(uint32_t p) {
    const lede_geo_tables *t = &lede_geo_data;
    for (int depth = 0; depth < 3 && p < t->nplaces; depth++) {
        lede_geo_kind k = (lede_geo_kind)GEO_KIND(t->info[p]);
        if (k == LEDE_GEO_ADMIN1)
            return p;
        if (k == LEDE_GEO_COUNTRY || !t->parent[p])
            return LEDE_GEO_NO_PLACE;
        p = t->parent[p] - 1;
    }
    return LEDE_GEO_NO_PLACE;
}

int lede_geo_within(uint32_t p, uint32_t q) {
    const lede_geo_tables *t = &lede_geo_data;
    if (p >= t->nplaces || q >= t->nplaces)
        return 0;
    if (p == q)
        return 1;
    lede_geo_kind qk = (lede_geo_kind)GEO_KIND(t->info[q]);
    if (qk == LEDE_GEO_COUNTRY)
        return GEO_COUNTRY(t->info[p]) == GEO_COUNTRY(t->info[q]) && GEO_COUNTRY(t->info[q]);
    for (int depth = 0; depth < 3 && t->parent[p]; depth++) {
        p = t->parent[p] - 1;
        if (p == q)
            return 1;
    }
    return 0;
}

void lede_geo_doc_init(lede_geo_doc *d) { d->n = 0; }

uint32_t lede_geo_key_hash(const char *key, size_t n) { return geo_hash(key, n); }

void lede_geo_doc_vote(lede_geo_doc *d, uint32_t key, const uint32_t *cands, size_t n, float w) {
    const lede_geo_tables *t = &lede_geo_data;
    if (n == 0 || cands[0] >= t->nplaces || d->n >= LEDE_GEO_DOC_VOTES)
        return;
    uint32_t top = cands[0];
    size_t cc = GEO_COUNTRY(t->info[top]);
    for (size_t k = 1; k < n; k++) {
        if (cands[k] >= t->nplaces)
            return;
        if (GEO_COUNTRY(t->info[cands[k]]) != cc && (uint64_t)t->pop[cands[k]] * 10 > t->pop[top])
            return; /* not clear */
    }
    d->key[d->n] = key;
    d->place[d->n] = top;
    d->w[d->n++] = w;
}

/* The share of the document's votes (less those of key) for country index cc. */
static float geo_country_share(const lede_geo_doc *d, uint32_t key, size_t cc) {
    const lede_geo_tables *t = &lede_geo_data;
    float all = 0.0f, mine = 0.0f;
    if (!d || !cc)
        return 0.0f;
    for (size_t k = 0; k < d->n; k++) {
        size_t c = GEO_COUNTRY(t->info[d->place[k]]);
        if (d->key[k] == key || !c)
            continue;
        all += d->w[k];
        if (c == cc)
            mine += d->w[k];
    }
    return all > 0.0f ? mine / all : 0.0f;
}

float lede_geo_doc_share(const lede_geo_doc *d, uint32_t key, uint32_t p) {
    return p < lede_geo_data.nplaces
               ? geo_country_share(d, key, GEO_COUNTRY(lede_geo_data.info[p]))
               : 0.0f;
}

/* The votes of a document less those of one name, summed once per choice. */
#define GEO_SUM_MAX 16 /* countries and regions told apart; the rest count in the totals */
typedef struct {
    size_t cc[GEO_SUM_MAX];
    float cw[GEO_SUM_MAX];
    size_t nc;
    float ctotal;
    uint32_t reg[GEO_SUM_MAX];
    float rw[GEO_SUM_MAX];
    size_t nr;
    float rtotal;
    uint32_t pts[LEDE_GEO_DOC_VOTES]; /* places of region level or finer */
    size_t np;
} geo_summary;

static void geo_summarise(const lede_geo_doc *d, uint32_t key, geo_summary *s) {
    const lede_geo_tables *t = &lede_geo_data;
    s->nc = s->nr = s->np = 0;
    s->ctotal = s->rtotal = 0.0f;
    for (size_t k = 0; d && k < d->n; k++) {
        if (d->key[k] == key)
            continue;
        uint32_t p = d->place[k];
        size_t cc = GEO_COUNTRY(t->info[p]), j;
        if (cc) {
            s->ctotal += d->w[k];
            for (j = 0; j < s->nc && s->cc[j] != cc; j++)
                ;
            if (j < s->nc)
                s->cw[j] += d->w[k];
            else if (s->nc < GEO_SUM_MAX) {
                s->cc[s->nc] = cc;
                s->cw[s->nc++] = d->w[k];
            }
        }
        uint32_t r = geo_region_of(p);
        if (r != LEDE_GEO_NO_PLACE) {
            s->rtotal += d->w[k];
            for (j = 0; j < s->nr && s->reg[j] != r; j++)
                ;
            if (j < s->nr)
                s->rw[j] += d->w[k];
            else if (s->nr < GEO_SUM_MAX) {
                s->reg[s->nr] = r;
                s->rw[s->nr++] = d->w[k];
            }
        }
        if (GEO_KIND(t->info[p]) >= LEDE_GEO_ADMIN1)
            s->pts[s->np++] = p;
    }
}

static float geo_sum_country(const geo_summary *s, size_t cc) {
    for (size_t j = 0; cc && j < s->nc; j++)
        if (s->cc[j] == cc)
            return s->cw[j] / s->ctotal;
    return 0.0f;
}

static float geo_sum_region(const geo_summary *s, uint32_t r) {
    for (size_t j = 0; r != LEDE_GEO_NO_PLACE && j < s->nr; j++)
        if (s->reg[j] == r)
            return s->rw[j] / s->rtotal;
    return 0.0f;
}

static lede_geo_level geo_level_of(lede_geo_kind k) {
    switch (k) {
    case LEDE_GEO_COUNTRY:
        return LEDE_GEO_LEVEL_COUNTRY;
    case LEDE_GEO_ADMIN1:
        return LEDE_GEO_LEVEL_ADMIN1;
    case LEDE_GEO_ADMIN2:
        return LEDE_GEO_LEVEL_ADMIN2;
    case LEDE_GEO_CITY:
        return LEDE_GEO_LEVEL_CITY;
    default:
        return LEDE_GEO_LEVEL_ANY;
    }
}

/* Kilometres between places p and q (equirectangular: close enough under 1,000 km). */
static double geo_km(uint32_t p, uint32_t q) {
    const lede_geo_tables *t = &lede_geo_data;
    double la1 = t->lat[p] * 1e-5, la2 = t->lat[q] * 1e-5;
    double dlon = (t->lon[p] - t->lon[q]) * 1e-5;
    if (dlon > 180.0)
        dlon -= 360.0;
    else if (dlon < -180.0)
        dlon += 360.0;
    double x = dlon * cos((la1 + la2) * (3.14159265358979323846 / 360.0));
    double y = la1 - la2;
    return 111.195 * sqrt(x * x + y * y);
}

double lede_geo_km(uint32_t p, uint32_t q) {
    return p < lede_geo_data.nplaces && q < lede_geo_data.nplaces ? geo_km(p, q) : 1e9;
}

/* The bonus for a candidate near another place the document names (not by its name). */
static double geo_near(const geo_summary *s, uint32_t p) {
    const lede_geo_tables *t = &lede_geo_data;
    double best = 1e9;
    for (size_t k = 0; k < s->np; k++) {
        uint32_t q = s->pts[k];
        /* 400 km is less than 3.6 degrees of latitude */
        if (q == p || t->lat[q] - t->lat[p] > 360000 || t->lat[p] - t->lat[q] > 360000)
            continue;
        double km = geo_km(p, q);
        if (km < best)
            best = km;
    }
    return best < 50.0 ? 2.0 : best < 150.0 ? 1.5 : best < 400.0 ? 0.75 : 0.0;
}

/* The prior of place p: how likely a bare mention of its name means it. */
static double geo_prior(uint32_t p) {
    const lede_geo_tables *t = &lede_geo_data;
    uint32_t info = t->info[p];
    double s = log10((double)t->pop[p] + 10.0);
    switch ((lede_geo_kind)GEO_KIND(info)) {
    case LEDE_GEO_COUNTRY:
        s += 2.0;
        break;
    case LEDE_GEO_ADMIN1:
        s += 0.5;
        break;
    default:
        break;
    }
    if (GEO_FLAGS(info) & LEDE_GEO_CAPITAL)
        s += 1.0;
    else if (GEO_FLAGS(info) & LEDE_GEO_SEAT)
        s += 0.3;
    return s;
}

uint32_t lede_geo_resolve(const lede_geo_doc *d, const lede_geo_query *q) {
    const lede_geo_tables *t = &lede_geo_data;
    uint32_t cand[LEDE_GEO_MAX_CANDIDATES + 1];
    double score[LEDE_GEO_MAX_CANDIDATES + 1];
    size_t n = 0;
    if (q->country != LEDE_GEO_NO_PLACE && q->country < t->nplaces)
        cand[n++] = q->country;
    for (size_t k = 0; k < q->ncands && n < LEDE_GEO_MAX_CANDIDATES + 1; k++)
        if (q->cands[k] < t->nplaces && q->cands[k] != q->country)
            cand[n++] = q->cands[k];
    if (n == 0)
        return LEDE_GEO_NO_PLACE;
    int qualified = q->qualifier != LEDE_GEO_NO_PLACE && q->qualifier < t->nplaces;
    geo_summary sum;
    geo_summarise(d, q->key, &sum);
    for (size_t k = 0; k < n; k++) {
        uint32_t p = cand[k], info = t->info[p];
        lede_geo_kind kind = (lede_geo_kind)GEO_KIND(info);
        double s = geo_prior(p);
        s += 3.0 * geo_sum_country(&sum, GEO_COUNTRY(info));
        if (kind != LEDE_GEO_ADMIN1)
            s += 2.0 * geo_sum_region(&sum, geo_region_of(p));
        if (kind >= LEDE_GEO_ADMIN2 && n > 1)
            s += geo_near(&sum, p);
        if (qualified)
            s += lede_geo_within(p, q->qualifier) && p != q->qualifier ? 6.0 : -6.0;
        for (size_t j = 0; j < q->ninner; j++)
            if (q->inner[j] != p && lede_geo_within(q->inner[j], p)) {
                s += 6.0;
                break;
            }
        if (q->level != LEDE_GEO_LEVEL_ANY)
            s += geo_level_of(kind) == q->level ? 1.5 : -1.5;
        score[k] = s;
    }
    /* a region and a city of its name inside it, or the country's capital ("Madrid",
       "Washington"): the city, unless the sentence asks for the region */
    if (q->level != LEDE_GEO_LEVEL_ADMIN1)
        for (size_t k = 0; k < n; k++) {
            uint32_t ci = t->info[cand[k]];
            if (GEO_KIND(ci) != LEDE_GEO_CITY)
                continue;
            for (size_t j = 0; j < n; j++) {
                uint32_t ri = t->info[cand[j]];
                if ((GEO_KIND(ri) != LEDE_GEO_ADMIN1 && GEO_KIND(ri) != LEDE_GEO_ADMIN2) ||
                    score[j] < score[k])
                    continue;
                /* "Como", "Durham": the city, not the province or county of its name */
                if ((t->parent[cand[k]] && t->parent[cand[k]] - 1 == cand[j]) ||
                    ((GEO_FLAGS(ci) & LEDE_GEO_CAPITAL) && GEO_COUNTRY(ci) == GEO_COUNTRY(ri)) ||
                    (GEO_KIND(ri) == LEDE_GEO_ADMIN2 && GEO_COUNTRY(ci) == GEO_COUNTRY(ri) &&
                     geo_km(cand[k], cand[j]) < 100.0))
                    score[j] = score[k] - 0.5;
            }
        }
    size_t best = 0;
    for (size_t k = 1; k < n; k++)
        if (score[k] > score[best] ||
            (score[k] == score[best] && t->pop[cand[k]] > t->pop[cand[best]]))
            best = k;
    uint32_t p = cand[best];
    uint32_t info = t->info[p];
    lede_geo_kind kind = (lede_geo_kind)GEO_KIND(info);
    int town = kind == LEDE_GEO_CITY && !(GEO_FLAGS(info) & LEDE_GEO_CAPITAL) &&
               t->pop[p] < 1000000u;
    if (q->common || (q->given && town)) {
        int inner = 0;
        for (size_t j = 0; j < q->ninner && !inner; j++)
            inner = q->inner[j] != p && lede_geo_within(q->inner[j], p);
        int supported = inner || (qualified && lede_geo_within(p, q->qualifier)) ||
                        geo_sum_country(&sum, GEO_COUNTRY(info)) >= 0.2f ||
                        (q->place_cue && (kind == LEDE_GEO_COUNTRY ||
                                          (GEO_FLAGS(info) & LEDE_GEO_CAPITAL)));
        if (!supported)
            return LEDE_GEO_NO_PLACE;
    }
    return p;
}
