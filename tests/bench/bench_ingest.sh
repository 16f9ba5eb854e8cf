#!/bin/sh
# bench_ingest.sh: the analyst's ingest end to end (tools/ingest.sh), on a
# generated corpus of 20,000 article files (tests/bench/gen_articles.sh,
# about 60 MB), with --jobs 1 and --jobs 2, then a re-ingest (default
# --jobs) after changing 1% of the files (100 edited, 50 removed, 50
# added). Prints articles per second, MB/s, the peak memory of the largest
# process (the writer or a worker), the speed-up of --jobs 2, and the
# re-ingest's time as a share of the full one (--jobs 2).
set -eu
lib=${1:?usage: bench_ingest.sh path/to/lede.so}
. tests/bench/floor.sh
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
[ -n "$peakrss" ] && [ -x "$peakrss" ] || peakrss=
# full ingest with --jobs N: prints its line and leaves its time in ms in $work/ms-N
full() {
    rm -f "$db"
    t0=$(now_ms)
    LEDE_LIB=$lib $peakrss sh tools/ingest.sh --jobs "$1" "$db" "$work/tree" 2> "$work/full-$1.err"
    t1=$(now_ms)
    ms=$((t1 - t0))
    echo "$ms" > "$work/ms-$1"
    grep '^ingest: [0-9]* articles' "$work/full-$1.err" | tail -1
    kb=$(awk '/peak_rss_kib/ { print $2 }' "$work/full-$1.err")
    awk -v j="$1" -v ms="$ms" -v mb="$mb" -v kb="${kb:-?}" 'BEGIN { printf "full ingest --jobs %s, 20,000 files (%s MB on disk): %.1f s, %.0f articles/s, %.2f MB/s, largest process %s KB\n", j, mb, ms / 1000, 20000 / (ms / 1000), mb / (ms / 1000), kb }'
}
full 1
full 2
speedup=$(awk -v a="$(cat "$work/ms-1")" -v b="$(cat "$work/ms-2")" 'BEGIN { printf "%.2f", a / b }')
rate=$(awk -v b="$(cat "$work/ms-2")" 'BEGIN { printf "%.0f", 20000 / (b / 1000) }')
echo "--jobs 2 is $speedup times as fast as --jobs 1 (wall clock: on a shared machine, repeat it)"
bench_floor "ingest --jobs 2 over --jobs 1" "$speedup" ge 1.6 x
bench_floor "ingest --jobs 2, 20,000 articles" "$rate" ge 1000 articles/s
full=$(cat "$work/ms-2")

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
LEDE_LIB=$lib sh tools/ingest.sh "$db" "$work/tree" 2> "$work/again.err"
t1=$(now_ms)
again=$((t1 - t0))
grep '^ingest: [0-9]* articles' "$work/again.err" | tail -1
awk -v a="$again" -v f="$full" 'BEGIN { printf "re-ingest after changing 1%% of the files: %.2f s, %.1f%% of the full ingest\n", a / 1000, 100 * a / f }'
