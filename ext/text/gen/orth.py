#!/usr/bin/env python3
"""Generates ext/text/orth_data.c: the words that, capitalised after an
abbreviation, most likely start a new sentence.

    make regen-orth
    # or by hand:
    python3 ext/text/gen/orth.py --shared ../shared --out ext/text/orth_data.c

The statistic is the orthographic heuristic of Punkt (Kiss and Strunk 2006,
"Unsupervised Multilingual Sentence Boundary Detection", Computational
Linguistics 32(4)): a word that is written in lower case inside sentences
and (almost) never capitalised there is, when it follows an abbreviation
with a capital, the first word of a new sentence ("the U.K. Delegates
arrive": "delegates" is a common noun); a word often capitalised inside
sentences is a name or part of one ("the U.K. Treasury"), and the sentence
goes on.

"Inside a sentence" is read from the context alone, so that no splitter is
needed to count: a token is inside when the token before it is a word or a
number (without a period: "U.S." is four tokens here), or a comma; runs in
title case (headlines, where more than half the words of four letters or
more are capitalised) are left out. For each word (folded to ASCII lower
case) the generator counts how often it is written all in lower case there
and how often with a capital first letter, over the news text of three
sources in $SHARED/data (read where they lie, never copied):

  conll2003/train.txt         Reuters news, 1996 (one token a line)
  ontonotes/train.bio         OntoNotes 5.0 train: news, broadcast, web text
  quotes/polnear/train/text   US political news, 2015-2016 (raw text)

A word is kept when it is seen in lower case inside sentences at least
MIN_LOWER times and its ratio, lower-case uses per capitalised use plus one,
is at least RATIO; the ratio is stored with it (at most 255), so that the
splitter can ask for more evidence where a name is likelier (orth.h). Only ASCII letters are kept (the lookup folds ASCII case).
Standard library only; the output is deterministic.
"""
import argparse
import collections
import glob
import hashlib
import os
import re
import sys

MIN_LOWER = 3
RATIO = 8
WORD = re.compile(r"[A-Za-z]+$")
RAW_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*|[0-9][0-9.,]*|[^\sA-Za-z0-9]")


def headline(tokens):
    """A run in title case ("Teachers Strike Over Pay"), where capitals say nothing."""
    long_words = [t for t in tokens if len(t) >= 4 and WORD.match(t)]
    caps = sum(1 for t in long_words if t[0].isupper())
    return len(long_words) > 0 and caps * 2 > len(long_words)


def count(tokens, low, cap):
    """Counts the words of one run of tokens (a sentence or a paragraph)."""
    if headline(tokens):
        return
    prev = None
    for tok in tokens:
        if prev is not None and (prev == "," or prev[:1].isalnum()) and WORD.match(tok):
            key = tok.lower()
            if tok.islower():
                low[key] += 1
            elif tok[0].isupper() and (len(tok) == 1 or tok[1:].islower()):
                cap[key] += 1
        prev = tok


def column_file(path, col, low, cap):
    """A file of one token a line (column col), blank lines between sentences."""
    sent = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("-DOCSTART-"):
                count(sent, low, cap)
                sent = []
                continue
            parts = line.split("\t") if "\t" in line else line.split(" ")
            sent.append(parts[col])
    count(sent, low, cap)


def raw_files(paths, low, cap):
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            for para in f.read().split("\n"):
                count(RAW_TOKEN.findall(para), low, cap)


def sha(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()[:12]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    data = os.path.join(args.shared, "data")
    conll = os.path.join(data, "conll2003", "train.txt")
    onto = os.path.join(data, "ontonotes", "train.bio")
    polnear = sorted(glob.glob(os.path.join(data, "quotes", "polnear", "train", "text", "*.txt")))
    for p in (conll, onto):
        if not os.path.isfile(p):
            sys.exit("orth.py: %s not found (set --shared)" % p)
    if not polnear:
        sys.exit("orth.py: no PolNeAR train text under %s" % data)
    low = collections.Counter()
    cap = collections.Counter()
    column_file(conll, 0, low, cap)
    column_file(onto, 0, low, cap)
    raw_files(polnear, low, cap)
    ratio = {w: min(255, n // (cap[w] + 1)) for w, n in low.items()}
    words = sorted(w for w, n in low.items()
                   if n >= MIN_LOWER and ratio[w] >= RATIO and len(w) >= 2 and w.isascii())
    polnear_h = hashlib.sha256()
    for p in polnear:
        polnear_h.update(sha(p).encode())
    out = []
    out.append("/*\n * orth_data.c: generated by ext/text/gen/orth.py; do not edit.\n *\n")
    out.append(" * %d words seen in lower case inside sentences at least %d times and\n"
               % (len(words), MIN_LOWER))
    out.append(" * with at least %d lower-case uses for each capitalised one (plus one), in:\n"
               % RATIO)
    out.append(" *   conll2003/train.txt (sha256 %s)\n" % sha(conll))
    out.append(" *   ontonotes/train.bio (sha256 %s)\n" % sha(onto))
    out.append(" *   quotes/polnear/train/text, %d files (sha256 of their digests %s)\n"
               % (len(polnear), polnear_h.hexdigest()[:12]))
    out.append(" * Sorted bytewise; orth.c searches them by bisection.\n */\n")
    out.append('#include "orth.h"\n\n')
    out.append("/* clang-format off */\n")
    out.append("const char *const lede_orth_lower_words[] = {\n")
    line = "   "
    for w in words:
        item = ' "%s",' % w
        if len(line) + len(item) > 99:
            out.append(line + "\n")
            line = "   "
        line += item
    out.append(line + "\n};\n")
    out.append("const unsigned char lede_orth_lower_ratio[] = {\n")
    line = "   "
    for w in words:
        item = " %d," % ratio[w]
        if len(line) + len(item) > 99:
            out.append(line + "\n")
            line = "   "
        line += item
    out.append(line + "\n};\n")
    out.append("const size_t lede_orth_lower_count = %d;\n" % len(words))
    out.append("/* clang-format on */\n")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("".join(out))
    print("orth.py: %d words -> %s" % (len(words), args.out))


if __name__ == "__main__":
    main()
