#!/usr/bin/env python3
"""Scores lede's HTML reader on the web pages of ../shared/data/web.

    python3 tests/eval/web.py ground-truth.jsonl extracted.jsonl [--floor F] [--split dev|held|all]

extracted.jsonl is tests/eval/web.c's output. Body: the ScrapingHub article
extraction benchmark's metric, word 4-gram shingles (words are runs of \\w)
counted per page; precision and recall per page (both 1 when neither side
has a shingle), averaged over pages; F1 of the two averages. Printed over
all pages, by page type, and for the two halves lede keeps apart: the
ground truth defines no split, so pages whose number is a multiple of 5 are
held out (never looked at while tuning) and the rest are the dev part.
Metadata: the share of pages whose title, first author and published date
are right (compared ignoring case, white space and punctuation; a page
without one in the ground truth is right when lede finds none).
Exits 1 when body F1 on the article pages (all of them) is under --floor.
"""
import argparse
import json
import re
import sys
from collections import Counter, defaultdict

WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    words = WORD.findall(text or "")
    if len(words) < n:
        return Counter([" ".join(words)]) if words else Counter()
    return Counter(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))


def page_pr(gold, got):
    g, x = shingles(gold), shingles(got)
    tp = sum((g & x).values())
    fp = sum((x - g).values())
    fn = sum((g - x).values())
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r


def f1(prs):
    if not prs:
        return 0.0, 0.0, 0.0
    p = sum(a for a, _ in prs) / len(prs)
    r = sum(b for _, b in prs) / len(prs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def norm(s):
    return " ".join(WORD.findall((s or "").lower()))


def first_author(s):
    parts = re.split(r",|&| and ", s or "")
    return norm(parts[0]) if parts else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("got")
    ap.add_argument("--floor", type=float, default=0.0)
    ap.add_argument("--show", type=int, default=0, help="print the N worst dev article pages")
    args = ap.parse_args()
    gold = {}
    with open(args.gold, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            gold[r["id"]] = r
    got = {}
    with open(args.got, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            got[r["id"]] = r
    missing = [k for k in gold if k not in got]
    if missing:
        print(f"web eval: {len(missing)} pages were not read (first {missing[0]})", file=sys.stderr)
        return 1
    groups = defaultdict(list)
    meta = defaultdict(lambda: [0, 0, 0, 0])
    worst = []
    for k, g in sorted(gold.items()):
        x = got[k]
        pr = page_pr(g["main_content"], x["body"])
        part = "held" if int(k) % 5 == 0 else "dev"
        for key in ("all", "type " + g["page_type"], part, part + " " + g["page_type"]):
            groups[key].append(pr)
            m = meta[key]
            m[0] += 1
            m[1] += norm(g["title"]) == norm(x["title"])
            authors = x["authors"] or []
            m[2] += (bool(authors) and first_author(g["author"]) == first_author(authors[0])) if g["author"] else not authors
            m[3] += (g["publish_date"] or None) == x["published"]
        if part == "dev" and g["page_type"] == "article":
            worst.append((2 * pr[0] * pr[1] / (pr[0] + pr[1]) if pr[0] + pr[1] else 0, k, pr))
    print(f"{'pages':<22}{'n':>5}{'P':>8}{'R':>8}{'F1':>8}{'title':>8}{'author':>8}{'date':>8}")
    order = ["all", "dev", "held"] + sorted(k for k in groups if k.startswith("type ")) + \
        sorted(k for k in groups if k.startswith(("dev ", "held ")))
    for key in order:
        p, r, f = f1(groups[key])
        m = meta[key]
        print(f"{key:<22}{m[0]:>5}{p:>8.3f}{r:>8.3f}{f:>8.3f}"
              f"{m[1] / m[0]:>8.3f}{m[2] / m[0]:>8.3f}{m[3] / m[0]:>8.3f}")
    for f_, k, pr in sorted(worst)[:args.show]:
        print(f"  worst dev article {k}: F1 {f_:.3f} P {pr[0]:.3f} R {pr[1]:.3f}")
    art = f1(groups["type article"])[2]
    if art < args.floor:
        print(f"web eval: body F1 on article pages {art:.3f} is under the floor {args.floor}")
        return 1
    print(f"web eval: body F1 on article pages {art:.3f} (floor {args.floor})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
