#!/bin/sh
# bench_ingest.sh: the analyst's ingest end to end (tools/ingest.sh), on a
# generated corpus of 20,000 article files (tests/bench/gen_articles.sh,
# about 60 MB), then a re-ingest after changing 1% of the files (100
# edited, 50 removed, 50 added). Prints articles per second, MB/s, the peak
# memory of the full ingest, and the re-ingest's time as a share of the
# full one.
set -eu
lib=${1:?usage: bench_ingest.sh path/to/lede.so}
base=${LEDE_BENCH_DIR:-${TMPDIR:-/tmp}/lede-bench-articles}
sh tests/bench/gen_articles.sh 20000 "$base"
work=$base/ingest
rm -rf "$work"
mkdir -p "$work"
cp -R "$base/n20000" "$work/tree"
db=$work/news.db
mb=$(du -sk "$work/tree" | awk '{ printf "%.1f", $1 / 1024 }')
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

peakrss=${PEAKRSS:-}
t0=$(now_ms)
if [ -n "$peakrss" ] && [ -x "$peakrss" ]; then
    "$peakrss" sh tools/ingest.sh "$db" "$work/tree" "$lib" 2> "$work/full.err"
else
    sh tools/ingest.sh "$db" "$work/tree" "$lib" 2> "$work/full.err"
fi
t1=$(now_ms)
full=$((t1 - t0))
tail -1 "$work/full.err" | grep -v peak_rss || true
grep '^ingest: [0-9]* articles' "$work/full.err" | tail -1
awk -v ms="$full" -v mb="$mb" 'BEGIN { printf "full ingest, 20,000 files (%s MB on disk): %.1f s, %.0f articles/s, %.2f MB/s\n", mb, ms / 1000, 20000 / (ms / 1000), mb / (ms / 1000) }'
kb=$(awk '/peak_rss_kib/ { print $2 }' "$work/full.err")
[ -n "$kb" ] && echo "peak RSS of the full ingest (largest process: the sqlite3 shell): $kb KB"

# change 1% of the files
find "$work/tree" -name '*.txt' | sort | awk 'NR % 100 == 1' > "$work/picked"
i=0
while read -r f; do
    case $((i % 4)) in
        0|1) printf '\nA correction was issued on Friday by the ministry in Lisbon.\n' >> "$f" ;;
        2) rm "$f" ;;
        3) printf 'Late Update From Accra\n\nACCRA (Reuters) - Officials in Accra approved a budget on Monday.\n' > "${f%.txt}-new.txt" ;;
    esac
    i=$((i + 1))
done < "$work/picked"
t0=$(now_ms)
sh tools/ingest.sh "$db" "$work/tree" "$lib" 2> "$work/again.err"
t1=$(now_ms)
again=$((t1 - t0))
grep '^ingest: [0-9]* articles' "$work/again.err" | tail -1
awk -v a="$again" -v f="$full" 'BEGIN { printf "re-ingest after changing 1%% of the files: %.2f s, %.1f%% of the full ingest\n", a / 1000, 100 * a / f }'
