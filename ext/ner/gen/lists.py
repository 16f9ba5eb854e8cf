"""Readers for the lists of current names the gazetteer generator (gazetteer.py) takes from
the shared data folder (`make regen` passes $(SHARED)/data/lists): companies, political
parties and US politicians.

Each reader returns the names as the source writes them, each with the kind of name it is,
which the generator's merge uses to decide what is noise (docs/data-sources.md states the
rules). Nothing here tokenizes: keys are made by lede itself, in gazetteer.py.

Standard library only. The congress-legislators files are YAML; read_legislators reads the
small subset they use (documented there) and stops on anything else rather than guess.
"""
import csv
import hashlib
import json
import os
import re
import sys
import unicodedata

# The files read, under the lists folder.
SP500 = os.path.join("sp500", "constituents.csv")
CSPELL = os.path.join("cspell-companies", "companies.txt")
PARTYFACTS = os.path.join("partyfacts", "core-parties.csv")
LEGISLATORS = os.path.join("congress-legislators", "legislators-current.yaml")
EXECUTIVE = os.path.join("congress-legislators", "executive.yaml")
FILES = [SP500, CSPELL, PARTYFACTS, LEGISLATORS, EXECUTIVE]

# What each file is, as the shared data's README states its source, version and licence;
# the generator adds each file's digest, which names the very version read.
ABOUT = {
    SP500: "datasets/s-and-p-500-companies @ 56509dd (ODC-PDDL): company names",
    CSPELL: "@cspell/dict-companies 3.2.13 (MIT): company words",
    PARTYFACTS: "hdigital/partyfactsdata @ 764de89 (MIT): party names",
    LEGISLATORS: "unitedstates/congress-legislators @ dfa9622 (CC0): members of Congress",
    EXECUTIVE: "unitedstates/congress-legislators @ dfa9622 (CC0): presidents, vice presidents",
}


def check_folder(folder):
    """Exits with a message naming what is missing when folder lacks a list."""
    if not os.path.isdir(folder):
        sys.exit("gazetteer.py: no lists folder %s (make regen reads $(SHARED)/data/lists; "
                 "set SHARED to the shared folder)" % folder)
    for f in FILES:
        if not os.path.isfile(os.path.join(folder, f)):
            sys.exit("gazetteer.py: %s: no %s" % (folder, f))


def sources(folder):
    """One line per file read: its path under the lists folder, the first 12 hex digits
    of its SHA-256 (which names the version read), and what it is."""
    out = []
    for f in FILES:
        with open(os.path.join(folder, f), "rb") as fh:
            d = hashlib.sha256(fh.read()).hexdigest()[:12]
        out.append("lists/%s (sha256 %s), %s" % (f.replace(os.sep, "/"), d, ABOUT[f]))
    return out


def is_latin(s):
    """Every letter of s is in the Latin script (marks, digits, punctuation aside)."""
    return all("LATIN" in unicodedata.name(c, "") for c in s if c.isalpha())


def has_capital(s):
    return any(c.isupper() for c in s)


# ---- companies --------------------------------------------------------------------

# Corporate suffixes a short form leaves out, at the end of a name, after an optional comma:
# "Apple Inc." -> "Apple", "Merck & Co." -> "Merck", "TKO Group Holdings" -> "TKO".
COMPANY_SUFFIX = re.compile(
    r",?\s+(?:&\s+(?:Co\.?|Company)|Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|"
    r"Companies|plc|PLC|Ltd\.?|Limited|Group|Holdings|LLC|L\.P\.)$")


def company_short_form(name):
    """name without "The" before it and corporate suffixes after it, or None when that
    leaves it unchanged or empty."""
    s = re.sub(r"^The\s+", "", name)
    while True:
        t = COMPANY_SUFFIX.sub("", s)
        if t == s:
            break
        s = t
    return s if s and s != name else None


def sp500_names(folder, not_shortened):
    """[(name, kind)] from the S&P 500 list: each company's name as the list gives it,
    its catalogue forms turned round ("Coca-Cola Company (The)" -> "The Coca-Cola Company",
    "Lilly (Eli)" -> "Eli Lilly", "(Class A)" dropped), kind "name"; and its short form
    without "The" and corporate suffixes, kind "short", unless the short form is in
    not_shortened (facts.py)."""
    out = []
    with open(os.path.join(folder, SP500), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            name = row["Security"].strip()
            name = re.sub(r"\s*\(Class [A-Z]\)$", "", name)
            m = re.match(r"^(.*?)\s*\(([^)]*)\)$", name)
            base = m.group(1) if m else name
            full = m.group(2) + " " + base if m else name
            for n in {full, base}:
                out.append((n, "name"))
                short = company_short_form(n)
                if short and short not in not_shortened:
                    out.append((short, "short"))
    return sorted(set(out))


def cspell_words(folder):
    """The entries of cspell's company dictionary: words and names as they occur in
    company names ("Boeing", "Bristol-Myers", "Business"), one a line; "#" lines are
    comments."""
    out = []
    with open(os.path.join(folder, CSPELL), encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w and not w.startswith("#"):
                out.append(w)
    return out


# ---- political parties ---------------------------------------------------------------


def split_alternatives(s):
    """The names in one partyfacts field: brackets and parentheses dropped ("Citizens'
    Party (1923)"), quotes dropped, alternatives split at "/" ("Finns Party / True
    Finns")."""
    s = re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", s)
    s = re.sub("[\"\u201c\u201d\u201e\u00ab\u00bb]", "", s)
    out = []
    for p in re.split(r"\s+/\s+|(?<=\w)/(?=\w)", s):
        p = " ".join(p.split()).strip(" -\u2013,;:").lstrip("'\u2018\u2019`")
        if p and p not in out:
            out.append(p)
    return out


def words_of_any(n, names):
    """1 when n is one of names, or whole words of one ("Labour" of "Labour Party")."""
    pat = re.compile(r"(?<!\w)%s(?!\w)" % re.escape(n))
    return any(pat.search(o) for o in names)


def party_names(folder, min_year_last):
    """[(name, kind)] from Party Facts' core parties, and counts of rows skipped by reason.

    Rows left out: technical rows ("alliance", "independent", "other", "unknown"), rows
    marked "[no-party]" (tendencies, not parties), and parties whose last year is before
    min_year_last. Names in other scripts than Latin are left out. Kinds: "name" for the
    party's own names (`name`, and an English name that is one of them or whole words of
    one: "Labour" of "Labour Party"), "gloss" for an English name that translates it
    ("Voice" for Hlas), "abbrev" for the short names of at least two characters with a
    capital letter ("SNP", "PSOE"; gazetteer.py asks for more).
    """
    out, skipped = [], {}

    def skip(why):
        skipped[why] = skipped.get(why, 0) + 1

    with open(os.path.join(folder, PARTYFACTS), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["technical"].strip():
                skip("technical row")
                continue
            if any(re.search(r"\[no-pa", row[k]) for k in ("name", "name_english")):
                skip("marked [no-party]")
                continue
            y = row["year_last"].strip()
            if y and int(y) < min_year_last:
                skip("last year before %d" % min_year_last)
                continue
            own = [n for n in split_alternatives(row["name"]) if is_latin(n)]
            for n in own:
                out.append((n, "name"))
            for n in split_alternatives(row["name_english"]):
                if is_latin(n):
                    out.append((n, "name" if words_of_any(n, own) else "gloss"))
            for a in split_alternatives(row["name_short"]):
                if len(a) >= 2 and has_capital(a) and is_latin(a):
                    out.append((a, "abbrev"))
    return sorted(set(out)), skipped


# ---- people -----------------------------------------------------------------------------


def yaml_scalar(v, where):
    """A YAML scalar as the congress-legislators files write one: plain, 'single' or
    "double" quoted. Anything else (blocks, anchors, flow collections) stops us."""
    v = v.strip()
    if v.startswith("'"):
        if len(v) < 2 or not v.endswith("'"):
            sys.exit("gazetteer.py: %s: unterminated quoted value" % where)
        return v[1:-1].replace("''", "'")
    if v.startswith('"'):
        try:
            return json.loads(v)
        except ValueError:
            sys.exit("gazetteer.py: %s: a double-quoted value lists.py cannot read" % where)
    if not v or v[0] in "|>&*!%@`[{#" or " #" in v:
        sys.exit("gazetteer.py: %s: a YAML value lists.py cannot read: %r" % (where, v))
    return v


def read_legislators(path):
    """[(name fields, set of term types)] for each person of a congress-legislators file.

    The files are a YAML list of mappings, one per person, each starting at column 0 with
    "- id:". Of each we read the mapping under "  name:" (its keys at four spaces: first,
    middle, last, nickname, suffix, official_full, all scalars) and the "type" of each item
    under "  terms:" (items at two spaces, "  - type: sen"). Other keys are skipped. A
    person without a first and a last name, or a value this reader does not understand,
    stops the generator.
    """
    people, person, section = [], None, None
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.rstrip("\n")
            where = "%s:%d" % (os.path.basename(path), no)
            if line.startswith("- "):
                person, section = ({}, set()), None
                people.append(person)
                continue
            if person is None or not line.strip() or line.lstrip().startswith("#"):
                continue
            m = re.match(r"^  ([A-Za-z_]+):(.*)$", line)
            if m:
                section = m.group(1) if not m.group(2).strip() else None
                continue
            if section == "name":
                m = re.match(r"^    ([A-Za-z_]+): (.*)$", line)
                if not m:
                    sys.exit("gazetteer.py: %s: unexpected line in name: %r" % (where, line))
                person[0][m.group(1)] = yaml_scalar(m.group(2), where)
            elif section == "terms":
                m = re.match(r"^  - type: (.*)$", line)
                if m:
                    person[1].add(yaml_scalar(m.group(1), where))
    for name, _ in people:
        if not name.get("first") or not name.get("last"):
            sys.exit("gazetteer.py: %s: a person without first and last name: %r"
                     % (path, name))
    return people


def person_forms(name):
    """The full names text uses for one person: first and last name ("Maria Cantwell";
    with the middle name when the first is an initial: "J. French Hill"), nickname and
    last name ("Bernie Sanders"; a nickname may also stand in brackets after the first
    name: "Charles (Chuck)"), and the official full name without a nickname in
    quotes or brackets and without the comma before a suffix ('Henry C. "Hank" Johnson,
    Jr.' -> "Henry C. Johnson Jr.", "Charles (Chuck) Edwards" -> "Charles Edwards")."""
    first, last, nickname = name["first"], name["last"], name.get("nickname")
    m = re.match(r"^(.*?)\s*\(([^)]*)\)$", first)  # "Charles (Chuck)"
    if m:
        first, nickname = m.group(1), nickname or m.group(2)
    forms = set()
    if re.match(r"^[A-Z]\.$", first) and name.get("middle"):
        forms.add("%s %s %s" % (first, name["middle"], last))
    else:
        forms.add(first + " " + last)
    if nickname:
        forms.add(nickname + " " + last)
    if name.get("official_full"):
        o = re.sub(r'\s*(?:"[^"]*"|\([^)]*\))', "", name["official_full"])
        o = re.sub(r",\s+(?=(?:Jr\.|Sr\.|II|III|IV)$)", " ", o)
        forms.add(" ".join(o.split()))
    return forms


def politician_names(folder):
    """[name] of the current members of Congress and of every US president and vice
    president, and counts of people per file."""
    out, counts = set(), {}
    for f, types in ((LEGISLATORS, None), (EXECUTIVE, {"prez", "viceprez"})):
        people = read_legislators(os.path.join(folder, f))
        kept = [n for n, t in people if types is None or t & types]
        counts[os.path.basename(f)] = len(kept)
        for n in kept:
            out |= person_forms(n)
    return sorted(out), counts
