#!/bin/sh
# bench_articles.sh: lede_articles against SQLite's own fsdir over the same tree.
#
#   sh tests/bench/bench_articles.sh build/lede.so
#
# Generates (once; reused while valid, tests/bench/gen_articles.sh) trees of
# 2,000 and 20,000 news-like article files of about 3 KB each, 100 to a day
# folder (YYYY/MM/DD/), from a fixed awk seed, under $LEDE_BENCH_DIR (default
# ${TMPDIR:-/tmp}/lede-bench-articles). Then, in one sqlite3 process with the
# extension loaded and the page cache warm, five runs of each, interleaved:
#
#   SELECT count(*), sum(length(body)) FROM lede_articles(tree)
#   SELECT count(*), sum(length(data)) FROM fsdir(tree)
#   memory: peak RSS of the lede query on 2,000 and on 20,000 files
#
# and prints both times (CPU time, user + sys of the best run; wall time,
# median), their ratios, and the two peaks. Floors: the ratio by CPU time at
# most 1.5; peak memory not growing with the number of files. Peak RSS comes
# from $PEAKRSS (build/tests/peakrss, which make bench builds).
#
# Why CPU time and one process: on a machine others share, the wall time of
# a 200 ms scan moves by half from run to run, and a process per run added
# the 30 ms of loading lede.so to lede's side only; the best CPU time of
# interleaved runs in one process moves by a few percent.
set -eu
lib=${1:?usage: bench_articles.sh path/to/lede.so}
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
base=${LEDE_BENCH_DIR:-${TMPDIR:-/tmp}/lede-bench-articles}
mkdir -p "$base"

# make_tree N: N articles under $base/nN (tests/bench/gen_articles.sh)
make_tree() { sh tests/bench/gen_articles.sh "$1" "$base"; }
. tests/bench/floor.sh

make_tree 2000
make_tree 20000
tree=$base/n20000
sync # nothing of the generation left to write back while we time

# One sqlite3 process runs both scans: the extension is loaded once, before
# any timing (loading lede.so costs some 30 ms a process, which the first
# form of this benchmark counted against lede alone); each query runs once
# to warm the page cache, then five times each, interleaved.
lede_sql="SELECT count(*), sum(length(body)) FROM lede_articles('$tree');"
fsdir_sql="SELECT count(*), sum(length(data)) FROM fsdir('$tree');"
runs=5
{
    echo ".load $lib_noext"
    echo ".print result lede"; echo "$lede_sql"
    echo ".print result fsdir"; echo "$fsdir_sql"
    echo ".timer on"
    i=0
    while [ $i -lt $runs ]; do
        echo ".print lede"; echo "$lede_sql"
        echo ".print fsdir"; echo "$fsdir_sql"
        i=$((i + 1))
    done
} | sqlite3 -batch :memory: 2>&1 | awk -v runs="$runs" '
    /^result / { label = $2; getline; print label " result: " $0; next }
    /^(lede|fsdir)$/ { what = $1; next }
    /^Run Time:/ { k = n[what]++; c[what, k] = $6 + $8; r[what, k] = $4 }
    function best(w,   i, m) { m = c[w, 0]; for (i = 1; i < n[w]; i++) if (c[w, i] < m) m = c[w, i]; return m }
    function median(w,   i, j, a, x, m) { m = n[w]; for (i = 0; i < m; i++) a[i] = r[w, i]
        for (i = 0; i < m; i++) for (j = i + 1; j < m; j++) if (a[j] < a[i]) { x = a[i]; a[i] = a[j]; a[j] = x }
        return a[int(m / 2)] }
    END {
        printf "lede_articles count+sum(length(body)), 20,000 files: %4.0f ms CPU (best of %d), %4.0f ms wall (median)\n", best("lede") * 1000, n["lede"], median("lede") * 1000
        printf "fsdir count+sum(length(data)),         20,000 files: %4.0f ms CPU (best of %d), %4.0f ms wall (median)\n", best("fsdir") * 1000, n["fsdir"], median("fsdir") * 1000
        rc = best("fsdir") > 0 ? best("lede") / best("fsdir") : 0
        rw = median("fsdir") > 0 ? median("lede") / median("fsdir") : 0
        printf "ratio lede/fsdir: %.2f by CPU time, %.2f by wall time\n", rc, rw
        if (rc > 0) printf "RESULT %.2f\n", rc
    }' > "$base/articles.out"
grep -v '^RESULT' "$base/articles.out"
bench_floor "lede_articles / fsdir, CPU time" "$(awk '/^RESULT/ { print $2 }' "$base/articles.out")" le 1.5 x

peakrss=${PEAKRSS:-}
if [ -n "$peakrss" ] && [ -x "$peakrss" ]; then
    for n in 2000 20000; do
        kb=$("$peakrss" sqlite3 -batch :memory: -cmd ".load $lib_noext" \
            "SELECT count(*), sum(length(body)) FROM lede_articles('$base/n$n');" 2>&1 >/dev/null |
            awk '/peak_rss_kib/ { print $2 }')
        echo "peak RSS, lede_articles body scan, $n files: $kb KB"
        eval "peak_$n=\$kb"
    done
    bench_floor "lede_articles peak memory, 20,000 files / 2,000" \
        "$(awk -v a="${peak_20000:-}" -v b="${peak_2000:-}" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b }')" le 1.2 x
    kb=$("$peakrss" sqlite3 -batch :memory: "$fsdir_sql" 2>&1 >/dev/null | awk '/peak_rss_kib/ { print $2 }')
    echo "peak RSS, fsdir data scan, 20000 files (for reference): $kb KB"
else
    echo "peak RSS: not measured (build/tests/peakrss not built; run through make bench)"
fi
