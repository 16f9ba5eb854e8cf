#!/bin/sh
# bench_readers.sh: the same articles read as files, from a zip, from a tar.gz, and as
# JSON Lines records (plain and gzip'd), by lede_articles; and what inflating them costs.
#
#   sh tests/bench/bench_readers.sh build/lede.so
#
# Uses the trees of 2,000 and 20,000 articles of gen_articles.sh (made once under
# $LEDE_BENCH_DIR, default ${TMPDIR:-/tmp}/lede-bench-articles) and writes beside them,
# once, with Python's standard library: n<N>.zip (deflate), n<N>.tar.gz, n<N>.jsonl (one
# record {"title", "text"} per article: the file's first line and the rest) and its gzip,
# and n<N>.all.gz (every article concatenated, gzip -6: the inflate baseline). Then:
#
#   time   SELECT count(*), sum(length(body)) FROM lede_articles(X)    median of 3
#          for X = the folder, the zip, the tar.gz, the JSON Lines file, its gzip
#   time   gzip -dc of the tar.gz, unzip -p of the zip (the inflate alone) median of 3
#   memory peak RSS of the zip, tar.gz and JSON Lines scans, 2,000 and 20,000 articles
#
# Floors: an archive scan takes at most the folder scan plus the inflate time (with 15%
# for noise: the machine is shared); peak memory does not grow with the number of
# members or records. Skipped with a message when python3 is missing.
set -eu
lib=${1:?usage: bench_readers.sh path/to/lede.so}
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
. tests/bench/floor.sh
command -v python3 >/dev/null 2>&1 || { echo "skipped: python3 is needed to write the archives"; exit 0; }
base=${LEDE_BENCH_DIR:-${TMPDIR:-/tmp}/lede-bench-articles}
mkdir -p "$base"
work=$base/readers
mkdir -p "$work"

median3() { printf '%s\n%s\n%s\n' "$1" "$2" "$3" | sort -n | sed -n 2p; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
run_ms() { # SQL: milliseconds of one sqlite3 run, output to $work/last.out
    t0=$(now_ms)
    sqlite3 -batch :memory: -cmd ".load $lib_noext" "$1" > "$work/last.out"
    t1=$(now_ms)
    echo $((t1 - t0))
}
cmd_ms() { # command...: milliseconds it takes
    t0=$(now_ms)
    "$@" > /dev/null
    t1=$(now_ms)
    echo $((t1 - t0))
}

for n in 2000 20000; do
    sh tests/bench/gen_articles.sh "$n" "$base"
    [ -f "$work/n$n.done" ] && continue
    python3 - "$base/n$n" "$work/n$n" <<'PY'
import gzip, io, json, os, sys, tarfile, zipfile
tree, out = sys.argv[1], sys.argv[2]
paths = []
for d, ds, fs in os.walk(tree):
    ds.sort()
    for f in sorted(fs):
        paths.append(os.path.join(d, f))
with zipfile.ZipFile(out + ".zip", "w", zipfile.ZIP_DEFLATED) as z, \
        tarfile.open(out + ".tar.gz", "w:gz") as t, \
        open(out + ".jsonl", "w", encoding="utf-8") as j:
    for p in paths:
        rel = os.path.relpath(p, tree)
        data = open(p, "rb").read()
        z.write(p, rel)
        t.add(p, rel)
        text = data.decode("utf-8")
        title, _, rest = text.partition("\n")
        j.write(json.dumps({"title": title, "text": rest}, ensure_ascii=False) + "\n")
with open(out + ".jsonl", "rb") as f, gzip.open(out + ".jsonl.gz", "wb", compresslevel=6) as g:
    g.write(f.read())
PY
    for x in zip tar.gz jsonl jsonl.gz; do
        mkdir -p "$work/n$n-$x"
        ln -sf "../n$n.$x" "$work/n$n-$x/corpus.$x"
    done
    touch "$work/n$n.done"
done

n=20000
echo "articles: $n, $(du -sk "$base/n$n" | cut -f1) KB as files; zip $(du -k "$work/n$n.zip" | cut -f1) KB, tar.gz $(du -k "$work/n$n.tar.gz" | cut -f1) KB, JSON Lines $(du -k "$work/n$n.jsonl" | cut -f1) KB"
q() { echo "SELECT count(*), sum(length(body)) FROM lede_articles('$1');"; }
run_ms "$(q "$base/n$n")" > /dev/null # warm the page cache
for x in folder zip tar.gz jsonl jsonl.gz; do
    if [ $x = folder ]; then dir=$base/n$n; else dir=$work/n$n-$x; fi
    t1=$(run_ms "$(q "$dir")"); t2=$(run_ms "$(q "$dir")"); t3=$(run_ms "$(q "$dir")")
    eval "t_$(echo $x | tr . _)=$(median3 "$t1" "$t2" "$t3")"
    printf '%-9s %6s ms (median of %s %s %s)  rows|bytes of body: %s\n' "$x" \
        "$(median3 "$t1" "$t2" "$t3")" "$t1" "$t2" "$t3" "$(cat "$work/last.out")"
done
# the inflate baselines: the same archives inflated by gzip and unzip, output thrown away
g1=$(cmd_ms gzip -dc "$work/n$n.tar.gz"); g2=$(cmd_ms gzip -dc "$work/n$n.tar.gz"); g3=$(cmd_ms gzip -dc "$work/n$n.tar.gz")
inflate_tgz=$(median3 "$g1" "$g2" "$g3")
echo "gzip -dc of the tar.gz: $inflate_tgz ms (median of $g1 $g2 $g3)"
if command -v unzip >/dev/null 2>&1; then
    u1=$(cmd_ms unzip -p "$work/n$n.zip"); u2=$(cmd_ms unzip -p "$work/n$n.zip"); u3=$(cmd_ms unzip -p "$work/n$n.zip")
    inflate_zip=$(median3 "$u1" "$u2" "$u3")
    echo "unzip -p of the zip: $inflate_zip ms (median of $u1 $u2 $u3)"
else
    inflate_zip=
    echo "unzip -p of the zip: not measured (no unzip)"
fi
# shellcheck disable=SC2154
awk -v f="$t_folder" -v z="$t_zip" -v t="$t_tar_gz" -v gz="$inflate_tgz" -v uz="${inflate_zip:-0}" 'BEGIN {
    printf "tar.gz over folder: %+d ms (inflating it alone: %d ms)\n", t - f, gz
    if (uz > 0) printf "zip over folder: %+d ms (inflating it alone: %d ms)\n", z - f, uz
}'
# the floors: what an archive adds to the folder scan, as a share of inflating it alone
share() { awk -v a="$1" -v f="$t_folder" -v i="$2" 'BEGIN { if (i > 0) printf "%.2f", (a - f) / i }'; }
bench_floor "tar.gz scan over the folder scan, times the inflate time" "$(share "$t_tar_gz" "$inflate_tgz")" le 1.15 x
bench_floor "zip scan over the folder scan, times the inflate time" "$(share "$t_zip" "${inflate_zip:-0}")" le 1.15 x

peakrss=${PEAKRSS:-}
if [ -n "$peakrss" ] && [ -x "$peakrss" ]; then
    for x in zip tar.gz jsonl; do
        line="peak RSS, $x:"
        for m in 2000 20000; do
            kb=$("$peakrss" sqlite3 -batch :memory: -cmd ".load $lib_noext" "$(q "$work/n$m-$x")" 2>&1 >/dev/null |
                awk '/peak_rss_kib/ { print $2 }')
            line="$line $m articles $kb KB;"
            eval "kb_$(echo "$x" | tr . _)_$m=\$kb"
        done
        echo "$line"
    done
    # flat: tar.gz and JSON Lines grow by at most 1 MB from 2,000 to 20,000; a zip by at most
    # 256 bytes a member (libarchive keeps the zip's central directory: docs/performance.md)
    # shellcheck disable=SC2154
    bench_floor "tar.gz memory growth, 2,000 to 20,000 members" "$((kb_tar_gz_20000 - kb_tar_gz_2000))" le 1024 KB
    # shellcheck disable=SC2154
    bench_floor "JSON Lines memory growth, 2,000 to 20,000 records" "$((kb_jsonl_20000 - kb_jsonl_2000))" le 1024 KB
    # shellcheck disable=SC2154
    bench_floor "zip memory a member" "$(( (kb_zip_20000 - kb_zip_2000) * 1024 / 18000 ))" le 256 bytes
else
    echo "peak RSS: not measured (build/tests/peakrss not built; run through make bench)"
    bench_floor "tar.gz memory growth, 2,000 to 20,000 members" "" le 1024 KB
fi
