#!/usr/bin/env python3
"""Fills and checks the start/end columns of the gold TSV files.

Each NN_name.tsv lists the entities of NN_name.txt in text order. A row
whose start and end are "?" gets the code-point offsets of the first
occurrence of its text after the previous row's end; a row that has
offsets is checked against the text. Run it after editing a .tsv:

    python3 tests/data/gold/offsets.py tests/data/gold/*.tsv
"""
import sys


def fix(path):
    txt = open(path[:-4] + ".txt", encoding="utf-8").read()
    lines = open(path, encoding="utf-8").read().split("\n")
    out, pos, bad = [], 0, 0
    for line in lines:
        if not line or line.startswith("#") or line.startswith("start\t"):
            out.append(line)
            continue
        f = line.split("\t")
        text = f[2]
        if f[0] == "?":
            k = txt.find(text, pos)
            if k < 0:
                print("%s: %r not found after %d" % (path, text, pos))
                bad += 1
                out.append(line)
                continue
            f[0], f[1] = str(k), str(k + len(text))
        s, e = int(f[0]), int(f[1])
        if txt[s:e] != text:
            print("%s: %d-%d is %r, not %r" % (path, s, e, txt[s:e], text))
            bad += 1
        pos = e
        out.append("\t".join(f))
    open(path, "w", encoding="utf-8").write("\n".join(out))
    return bad


sys.exit(1 if sum(fix(p) for p in sys.argv[1:]) else 0)
