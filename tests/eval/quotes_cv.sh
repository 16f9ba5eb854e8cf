#!/bin/sh
# quotes_cv.sh: five-fold cross-validation of lede_quotes' model on PolNeAR train
# (make eval-quotes-cv; about three minutes on two cores).
#
#     sh tests/eval/quotes_cv.sh [SHARED]
#
# For K = 0 to 4: the model is trained on the train articles whose number (in
# name order, as ext/quotes/train/train.c counts them) is not K mod 5, built into
# a copy of the extension, and tests/eval/quotes.py scores it on the articles that
# are. Prints each fold's figures and the mean of the five F1s. The training
# settings are the Makefile's (QUOTES_TRAIN_*, overridable in the environment).
# The working tree is copied into a temporary folder, so the repository's model
# and build are not touched. Nothing of the data is written outside that folder.
set -eu

shared=${1:-${SHARED:-../shared}}
train=$shared/data/quotes/polnear/train
if [ ! -d "$train/attributions" ]; then
    echo "quotes_cv.sh: $train not found (pass the shared folder)" >&2
    exit 2
fi
train=$(cd "$train" && pwd)
epochs=${QUOTES_TRAIN_EPOCHS:-$(sed -n 's/^QUOTES_TRAIN_EPOCHS ?= //p' Makefile)}
runs=${QUOTES_TRAIN_RUNS:-$(sed -n 's/^QUOTES_TRAIN_RUNS ?= //p' Makefile)}
prune=${QUOTES_TRAIN_PRUNE:-$(sed -n 's/^QUOTES_TRAIN_PRUNE ?= //p' Makefile)}
bias=${QUOTES_TRAIN_BIAS:-$(sed -n 's/^QUOTES_TRAIN_BIAS ?= //p' Makefile)}
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/tree"
for f in Makefile VERSION ext tests; do
    cp -r "$f" "$tmp/tree/"
done

# the folds: symbolic links to the train articles, by number mod 5
"$py" - "$train" "$tmp" <<'EOF'
import os, sys
train, tmp = sys.argv[1], sys.argv[2]
names = sorted(n for n in os.listdir(os.path.join(train, "attributions")) if n.endswith(".ann"))
articles = []
for n in names:
    a = n[:-4].rsplit("_", 1)[0]
    if not articles or articles[-1] != a:
        articles.append(a)
for k in range(5):
    for sub in ("text", "attributions"):
        os.makedirs(os.path.join(tmp, "fold%d" % k, sub))
for i, a in enumerate(articles):
    fold = os.path.join(tmp, "fold%d" % (i % 5))
    os.symlink(os.path.join(train, "text", a + ".txt"), os.path.join(fold, "text", a + ".txt"))
    for n in names:
        if n[:-4].rsplit("_", 1)[0] == a:
            os.symlink(os.path.join(train, "attributions", n), os.path.join(fold, "attributions", n))
EOF

cd "$tmp/tree"
make -j2 build/quotes-train >/dev/null
for k in 0 1 2 3 4; do
    build/quotes-train -e "$epochs" -r "$runs" -p "$prune" -b "$bias" -x "$k/5" "$train" \
        ext/quotes/model_data.c >"$tmp/train$k.log" 2>&1
    make -j2 build/lede.so >/dev/null
    mkdir "$tmp/lib$k"
    cp build/lede.so "$tmp/lib$k/lede.so"
    "$py" tests/eval/quotes.py "$tmp/lib$k/lede.so" "$tmp/fold$k" >"$tmp/eval$k.txt"
    echo "fold $k:"
    sed -n '2,6p' "$tmp/eval$k.txt"
done
"$py" - "$tmp" <<'EOF'
import re, sys
tmp = sys.argv[1]
f1 = {}
for k in range(5):
    for line in open("%s/eval%d.txt" % (tmp, k)):
        m = re.match(r"\s+(content overlap|content exact|source exact|cue exact)\s.*F1 ([\d.]+)", line)
        if m:
            f1.setdefault(m.group(1), []).append(float(m.group(2)))
print("five-fold mean F1 (PolNeAR train):")
for name, v in f1.items():
    print("  %-16s %.3f  (%s)" % (name, sum(v) / len(v), " ".join("%.3f" % x for x in v)))
EOF
