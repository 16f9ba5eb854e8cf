#!/bin/sh
# MB/s of lede_sentences and lede_tokens through SQL on a 64 MB text made
# of the sample articles repeated: SELECT count(*) FROM lede_<f>(:big),
# median of 5 runs, with the text already in memory (a temp table).
set -u
lib=${1:?usage: bench_text.sh path/to/lede.so}
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
dir=${LEDE_BENCH_DIR:-${TMPDIR:-/tmp}/lede-bench}
mkdir -p "$dir"
big=$dir/big.txt
if [ ! -f "$big" ] || [ "$(wc -c < "$big")" -lt 64000000 ]; then
    : > "$big.part"
    while [ "$(wc -c < "$big.part")" -lt 64000000 ]; do
        for f in seeds/*.txt; do cat "$f"; printf '\n\n'; done >> "$big.part"
    done
    mv "$big.part" "$big"
fi
bytes=$(wc -c < "$big")
runs=5
for fn in lede_sentences lede_tokens; do
    {
        echo ".load $lib_noext"
        echo "CREATE TEMP TABLE big AS SELECT CAST(readfile('$big') AS TEXT) AS v;"
        echo ".timer on"
        i=0
        while [ $i -lt $runs ]; do
            echo "SELECT count(*) FROM big, $fn(big.v);"
            i=$((i + 1))
        done
    } | sqlite3 -batch :memory: 2>&1 | awk -v fn="$fn" -v bytes="$bytes" '
        /^Run Time:/ { t[n++] = $4 }
        /^[0-9]+$/ { rows = $1 }
        END {
            # sort the times and take the median
            for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
            m = t[int(n / 2)]
            printf "%-15s %6.1f MB/s  (%d rows, %.1f MB, median of %d: %.3f s)\n", fn, bytes / m / 1e6, rows, bytes / 1e6, n, m
        }'
done

# Peak memory against input size: SQLite holds the text and the cursor one
# copy of it; beyond that lede keeps only a fixed look-ahead, so the peak
# grows by about two bytes per input byte and nothing per row.
peakrss=${PEAKRSS:-}
if [ -z "$peakrss" ] || [ ! -x "$peakrss" ]; then
    echo "peak memory: skipped (build/tests/peakrss not built; run through make bench)"
    exit 0
fi
for mb in 16 64; do
    head -c $((mb * 1000000)) "$big" > "$dir/part.txt"
    for fn in lede_sentences lede_tokens; do
        base=$(printf '.load %s\nSELECT length(CAST(readfile('"'"'%s'"'"') AS TEXT));\n' "$lib_noext" "$dir/part.txt" |
            "$peakrss" sqlite3 -batch :memory: 2>&1 >/dev/null | awk '/peak_rss_kib/ { print $2 }')
        peak=$(printf '.load %s\nSELECT count(*) FROM %s(CAST(readfile('"'"'%s'"'"') AS TEXT));\n' "$lib_noext" "$fn" "$dir/part.txt" |
            "$peakrss" sqlite3 -batch :memory: 2>&1 >/dev/null | awk '/peak_rss_kib/ { print $2 }')
        printf '%-15s %3d MB input: peak RSS %6.1f MB, %5.1f MB more than reading the text alone\n' \
            "$fn" "$mb" "$(echo "$peak" | awk '{ print $1 / 1024 }')" "$(echo "$peak $base" | awk '{ print ($1 - $2) / 1024 }')"
    done
done
