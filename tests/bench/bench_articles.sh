#!/bin/sh
# bench_articles.sh: lede_articles against SQLite's own fsdir over the same tree.
#
#   sh tests/bench/bench_articles.sh build/lede.so
#
# Generates (once; reused while $LEDE_BENCH_DIR/n<N>.done exists) trees of 2,000
# and 20,000 news-like article files of about 3 KB each, 100 to a day folder
# (YYYY/MM/DD/), from a fixed awk seed, under $LEDE_BENCH_DIR (default
# ${TMPDIR:-/tmp}/lede-bench-articles). Then, in the sqlite3 shell:
#
#   time   SELECT count(*), sum(length(body)) FROM lede_articles(tree)   median of 3
#   time   SELECT count(*), sum(length(data)) FROM fsdir(tree)           median of 3
#   memory peak RSS of the lede query on 2,000 and on 20,000 files
#
# and prints both times, their ratio, and the two peaks. Floors: ratio at most
# 1.5; peak memory not growing with the number of files. Peak RSS comes from
# $PEAKRSS (build/tests/peakrss, which make bench builds).
set -eu
lib=${1:?usage: bench_articles.sh path/to/lede.so}
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
base=${LEDE_BENCH_DIR:-${TMPDIR:-/tmp}/lede-bench-articles}
mkdir -p "$base"

# make_tree N: N articles under $base/nN (tests/bench/gen_articles.sh)
make_tree() { sh tests/bench/gen_articles.sh "$1" "$base"; }

# median of three numbers
median3() { printf '%s\n%s\n%s\n' "$1" "$2" "$3" | sort -n | sed -n 2p; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# run_ms SQL [load]: milliseconds one sqlite3 run takes (output to $base/last.out)
run_ms() {
    t0=$(now_ms)
    if [ "${2:-}" = load ]; then
        sqlite3 -batch :memory: -cmd ".load $lib_noext" "$1" > "$base/last.out"
    else
        sqlite3 -batch :memory: "$1" > "$base/last.out"
    fi
    t1=$(now_ms)
    echo $((t1 - t0))
}

make_tree 2000
make_tree 20000
tree=$base/n20000
echo "tree: $(find "$tree" -type f | wc -l) files, $(du -sk "$tree" | cut -f1) KB on disk"

lede_sql="SELECT count(*), sum(length(body)) FROM lede_articles('$tree');"
fsdir_sql="SELECT count(*), sum(length(data)) FROM fsdir('$tree');"
run_ms "$fsdir_sql" > /dev/null # warm the page cache
a1=$(run_ms "$lede_sql" load); f1=$(run_ms "$fsdir_sql")
a2=$(run_ms "$lede_sql" load); f2=$(run_ms "$fsdir_sql")
a3=$(run_ms "$lede_sql" load); f3=$(run_ms "$fsdir_sql")
echo "lede_articles result: $(run_ms "$lede_sql" load >/dev/null; cat "$base/last.out")"
echo "fsdir result:         $(run_ms "$fsdir_sql" >/dev/null; cat "$base/last.out")"
lede_t=$(median3 "$a1" "$a2" "$a3")
fsdir_t=$(median3 "$f1" "$f2" "$f3")
ratio=$(awk -v a="$lede_t" -v b="$fsdir_t" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
echo "lede_articles count+sum(length(body)), 20,000 files: ${lede_t} ms (median of $a1 $a2 $a3)"
echo "fsdir count+sum(length(data)),         20,000 files: ${fsdir_t} ms (median of $f1 $f2 $f3)"
echo "ratio lede/fsdir: $ratio (floor: at most 1.50)"

peakrss=${PEAKRSS:-}
if [ -n "$peakrss" ] && [ -x "$peakrss" ]; then
    for n in 2000 20000; do
        kb=$("$peakrss" sqlite3 -batch :memory: -cmd ".load $lib_noext" \
            "SELECT count(*), sum(length(body)) FROM lede_articles('$base/n$n');" 2>&1 >/dev/null |
            awk '/peak_rss_kib/ { print $2 }')
        echo "peak RSS, lede_articles body scan, $n files: $kb KB"
    done
    kb=$("$peakrss" sqlite3 -batch :memory: "$fsdir_sql" 2>&1 >/dev/null | awk '/peak_rss_kib/ { print $2 }')
    echo "peak RSS, fsdir data scan, 20000 files (for reference): $kb KB"
else
    echo "peak RSS: not measured (build/tests/peakrss not built; run through make bench)"
fi
