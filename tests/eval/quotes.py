#!/usr/bin/env python3
"""quotes.py: lede_quotes against PolNeAR (make eval).

    python3 tests/eval/quotes.py build/lede.so SHARED/data/quotes/polnear/dev [--floors C S]
        [--guard C S] [--floors-enforced] [-v]

Gold: every Attribution and Attribution-no-source relation of each article's
annotation (one annotator's file per article: the first in name order), its
Content, Source and Cue spans (a discontinuous span counts from its first
character to its last). Predicted: the rows of lede_quotes(text).

  content overlap  one-to-one matching of predicted and gold contents that
                   share at least one character (greedy, largest overlap
                   first); precision, recall and F1 of the matches
  content exact    the same, counting a match only when both spans are
                   equal once their edges are trimmed of spaces, quotation
                   marks and punctuation
  source exact     distinct source spans of the article, trimmed the same
                   way, predicted against gold
  cue              distinct cue spans, trimmed, predicted against gold
  speaker          over content matches whose gold source names someone
                   (it has a capitalised word that is not a pronoun, a
                   determiner, a quantifier or a title): the predicted speaker holds one of
                   those words ("Antony Blinken" for "Mr. Blinken, the
                   secretary of state,"; a source that names two people counts
                   either)

--floors gives the issue's floors for content overlap F1 and source exact F1;
they are reported, and enforced (exit 1 when missed) only with --floors-enforced.
--guard gives lower figures that are always enforced: what lede has reached, so
that a change that loses ground fails make eval while the floors are not met.
"""
import os
import re
import sqlite3
import sys

TRIM = set(" \t\r\n\"'“”‘’„«».,;:!?()[]—–-…")
TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "senator",
          "secretary", "minister", "the", "a", "an", "former", "gop", "u.s", "us"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "his", "her",
            "their", "its", "the", "a", "an", "this", "these", "those", "him", "them"}
# Words that open a description, not a name ("Several experts", "One of the
# candidates", "Most states"): a capitalised one names no one.
DETERMINERS = {"another", "some", "many", "several", "most", "one", "two", "three", "four",
               "five", "few", "both", "all", "each", "other", "no", "any", "such", "my",
               "your", "our", "every", "either", "neither", "much", "more"}


def trim(text, a, b):
    """The span [a, b) less spaces (any Unicode space: PolNeAR has no-break
    spaces at span edges), quotation marks and punctuation at its edges."""
    while a < b and (text[a] in TRIM or text[a].isspace()):
        a += 1
    while b > a and (text[b - 1] in TRIM or text[b - 1].isspace()):
        b -= 1
    return (a, b)


def read_gold(path):
    spans, rels = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            if parts[0].startswith("T"):
                head = parts[1].split(" ", 1)
                if len(head) < 2:
                    continue
                nums = [int(x) for x in re.findall(r"\d+", head[1])]
                spans[parts[0]] = (head[0], min(nums), max(nums))
            elif parts[0].startswith("E"):
                rels.append(parts[1])
    gold = []
    for r in rels:
        fields = dict(x.split(":", 1) for x in r.split() if ":" in x)
        kind = r.split(":", 1)[0]
        if kind not in ("Attribution", "Attribution-no-source"):
            continue
        c = spans.get(fields.get("Content", ""))
        if not c:
            continue
        s = spans.get(fields.get("Source", ""))
        u = spans.get(fields.get("Cue", ""))
        gold.append({"content": c[1:], "source": s[1:] if s else None,
                     "cue": u[1:] if u else None})
    return gold


def prf(tp, np_, ng):
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    enforced = "--floors-enforced" in args
    args = [a for a in args if a != "--floors-enforced"]
    floors = (0.0, 0.0)
    guard = (0.0, 0.0)
    if "--floors" in args:
        i = args.index("--floors")
        floors = (float(args[i + 1]), float(args[i + 2]))
        del args[i:i + 3]
    if "--guard" in args:
        i = args.index("--guard")
        guard = (float(args[i + 1]), float(args[i + 2]))
        del args[i:i + 3]
    if len(args) != 2 or any(a.startswith("-") for a in args):
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    lib, root = args[0], args[1]
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(os.path.splitext(lib)[0])
    ann_dir = os.path.join(root, "attributions")
    chosen = {}
    for name in sorted(os.listdir(ann_dir)):
        if name.endswith(".ann"):
            chosen.setdefault(name[:-4].rsplit("_", 1)[0], name)
    tot = dict(ov=0, ex=0, np=0, ng=0, s_tp=0, s_np=0, s_ng=0, c_tp=0, c_np=0, c_ng=0,
               sp_n=0, sp_ok=0)
    for article, name in sorted(chosen.items()):
        with open(os.path.join(root, "text", article + ".txt"), encoding="utf-8") as f:
            text = f.read()
        gold = read_gold(os.path.join(ann_dir, name))
        pred = [dict(content=(r[0], r[1]), source=(r[2], r[3]) if r[2] is not None else None,
                     cue=(r[4], r[5]) if r[4] is not None else None, speaker=r[6])
                for r in db.execute('SELECT start, "end", source_start, source_end, cue_start, '
                                    'cue_end, speaker FROM lede_quotes(?)', (text,))]
        # one-to-one overlap matching, largest overlap first
        cand = []
        for i, p in enumerate(pred):
            for j, g in enumerate(gold):
                ov = min(p["content"][1], g["content"][1]) - max(p["content"][0], g["content"][0])
                if ov > 0:
                    cand.append((-ov, i, j))
        cand.sort()
        used_p, used_g, matches = set(), set(), []
        for _, i, j in cand:
            if i not in used_p and j not in used_g:
                used_p.add(i)
                used_g.add(j)
                matches.append((i, j))
        tot["ov"] += len(matches)
        tot["np"] += len(pred)
        tot["ng"] += len(gold)
        for i, j in matches:
            if trim(text, *pred[i]["content"]) == trim(text, *gold[j]["content"]):
                tot["ex"] += 1
            g = gold[j]
            if g["source"]:
                words = re.findall(r"[A-Z][\w'’.-]*", text[g["source"][0]:g["source"][1]])
                words = [w for w in words if w.lower().rstrip("’'s") not in PRONOUNS
                         and w.lower() not in PRONOUNS and w.lower() not in DETERMINERS]
                words = [w.replace("’", "'") for w in words if w.lower().rstrip(".") not in TITLES]
                words = [w[:-2] if w.endswith("'s") else w for w in words]
                if words:
                    tot["sp_n"] += 1
                    sp = (pred[i]["speaker"] or "").lower().split()
                    if any(w.lower() in sp for w in words):
                        tot["sp_ok"] += 1
        for key, t, n, g_ in (("source", "s_tp", "s_np", "s_ng"), ("cue", "c_tp", "c_np", "c_ng")):
            ps = {trim(text, *p[key]) for p in pred if p[key]}
            gs = {trim(text, *g[key]) for g in gold if g[key]}
            tot[t] += len(ps & gs)
            tot[n] += len(ps)
            tot[g_] += len(gs)
            if verbose and key == "source":
                for a, b in sorted(ps - gs)[:5]:
                    print("  extra source  %s: %r" % (article[:40], text[a:b]))
                for a, b in sorted(gs - ps)[:5]:
                    print("  missed source %s: %r" % (article[:40], text[a:b]))
    co = prf(tot["ov"], tot["np"], tot["ng"])
    ce = prf(tot["ex"], tot["np"], tot["ng"])
    so = prf(tot["s_tp"], tot["s_np"], tot["s_ng"])
    cu = prf(tot["c_tp"], tot["c_np"], tot["c_ng"])
    print("PolNeAR %s: %d articles, %d gold attributions, %d predicted"
          % (os.path.basename(root.rstrip("/")), len(chosen), tot["ng"], tot["np"]))
    for label, v in (("content overlap", co), ("content exact", ce), ("source exact", so),
                     ("cue exact", cu)):
        print("  %-16s P %.3f  R %.3f  F1 %.3f" % (label, *v))
    acc = tot["sp_ok"] / tot["sp_n"] if tot["sp_n"] else 0.0
    print("  speaker accuracy %.3f (%d of %d matched quotes whose source names someone)"
          % (acc, tot["sp_ok"], tot["sp_n"]))
    ok = co[2] >= floors[0] and so[2] >= floors[1]
    if floors != (0.0, 0.0):
        print("  floors: content overlap F1 >= %.2f, source exact F1 >= %.2f: %s"
              % (floors[0], floors[1], "pass" if ok else
                 "FAIL" if enforced else
                 "NOT MET (reported, not enforced: --floors-enforced makes it fail)"))
    held = co[2] >= guard[0] and so[2] >= guard[1]
    if guard != (0.0, 0.0):
        print("  guard: content overlap F1 >= %.2f, source exact F1 >= %.2f: %s"
              % (guard[0], guard[1], "pass" if held else "FAIL (ground lost)"))
    return 0 if held and (ok or not enforced) else 1


if __name__ == "__main__":
    sys.exit(main())
