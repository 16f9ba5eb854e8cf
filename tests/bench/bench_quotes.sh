#!/bin/sh
# bench_quotes.sh: speed and memory of lede_quotes through SQL.
#
#   sh tests/bench/bench_quotes.sh build/lede.so      (PEAKRSS=path for memory)
#
# The text is news copy with quotations: the sample articles in seeds/
# repeated to 24 MB (made once under $LEDE_BENCH_DIR, default
# ${TMPDIR:-/tmp}/lede-bench, shared with bench_entities.sh). With the text
# already in memory (a temp table), in the sqlite3 shell:
#
#   one text     SELECT count(*) FROM big, lede_quotes(big.v)          median of 3
#   articles     the five articles as rows, repeated to the same size,
#                one call per row                                       median of 3
#   memory       peak RSS of the one-text query on 10 MB and on 40 MB of text,
#                less the peak of reading the text alone; and a 25 MB text
#                with no sentence or paragraph break at all
#
# The floor (issue 12) is 3 MB/s with memory flat in the input.
set -u
lib=${1:?usage: bench_quotes.sh path/to/lede.so}
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
dir=${LEDE_BENCH_DIR:-${TMPDIR:-/tmp}/lede-bench}
mkdir -p "$dir"
big=$dir/quotes.txt
if [ ! -f "$big" ] || [ "$(wc -c < "$big")" -lt 40000000 ]; then
    : > "$big.part"
    while [ "$(wc -c < "$big.part")" -lt 40000000 ]; do
        for f in seeds/*.txt; do cat "$f"; printf '\n\n'; done >> "$big.part"
    done
    mv "$big.part" "$big"
fi
head -c 24000000 "$big" > "$dir/quotes24.txt"
text=$dir/quotes24.txt
bytes=$(wc -c < "$text")
runs=3

# median TITLE SETUP QUERY: runs QUERY $runs times after SETUP, prints the median.
median() {
    {
        echo ".load $lib_noext"
        echo "$2"
        echo ".timer on"
        i=0
        while [ $i -lt $runs ]; do
            echo "$3"
            i=$((i + 1))
        done
    } | sqlite3 -batch :memory: 2>&1 | awk -v title="$1" -v bytes="$bytes" '
        /^Run Time:/ { t[n++] = $4 }
        /^[0-9]+$/ { rows = $1 }
        END {
            for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
            m = t[int(n / 2)]
            printf "%-12s %6.2f MB/s  (%d quotes, %.1f MB, median of %d: %.2f s)\n",
                title, bytes / m / 1e6, rows, bytes / 1e6, n, m
        }'
}

one=$(median "one text" \
    "CREATE TEMP TABLE big AS SELECT CAST(readfile('$text') AS TEXT) AS v;" \
    "SELECT count(*) FROM big, lede_quotes(big.v);")
echo "$one"
. tests/bench/floor.sh
bench_floor "lede_quotes, one text" "$(echo "$one" | awk '{ print $3 }')" ge 3 MB/s
seedsql=""
seedbytes=0
for f in seeds/*.txt; do
    seedsql="$seedsql INSERT INTO seed VALUES (CAST(readfile('$f') AS TEXT));"
    seedbytes=$((seedbytes + $(wc -c < "$f")))
done
copies=$((bytes / seedbytes))
bytes=$((copies * seedbytes))
median "articles" \
    "CREATE TEMP TABLE seed(body); $seedsql
     CREATE TEMP TABLE arts AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
                                                        WHERE i < $copies)
     SELECT body FROM seed, n;" \
    "SELECT count(*) FROM arts, lede_quotes(arts.body);"

peakrss=${PEAKRSS:-}
if [ -z "$peakrss" ] || [ ! -x "$peakrss" ]; then
    echo "peak memory: skipped (build/tests/peakrss not built; run through make bench)"
    exit 0
fi
# peak FILE QUERY-FUNCTION: the peak RSS (KiB) of the sqlite3 shell running it on FILE
peak() {
    printf '.load %s\nSELECT %s(CAST(readfile('"'"'%s'"'"') AS TEXT));\n' "$lib_noext" "$2" "$1" |
        "$peakrss" sqlite3 -batch :memory: 2>&1 >/dev/null | awk '/peak_rss_kib/ { print $2 }'
}
for mb in 10 40; do
    head -c $((mb * 1000000)) "$big" > "$dir/quotes-part.txt"
    base=$(peak "$dir/quotes-part.txt" length)
    top=$(printf '.load %s\nSELECT count(*) FROM lede_quotes(CAST(readfile('"'"'%s'"'"') AS TEXT));\n' "$lib_noext" "$dir/quotes-part.txt" |
        "$peakrss" sqlite3 -batch :memory: 2>&1 >/dev/null | awk '/peak_rss_kib/ { print $2 }')
    printf 'lede_quotes %3d MB input: peak RSS %6.1f MB, %5.1f MB more than reading the text alone\n' \
        "$mb" "$(echo "$top" | awk '{ print $1 / 1024 }')" "$(echo "$top $base" | awk '{ print ($1 - $2) / 1024 }')"
done
# no sentence or paragraph break: blocks are cut at LEDE_QUOTES_BLOCK_TOKENS
tr -d '.!?\n\r' < "$big" | head -c 25000000 > "$dir/quotes-part.txt"
base=$(peak "$dir/quotes-part.txt" length)
start=$(date +%s.%N)
top=$(printf '.load %s\nSELECT count(*) FROM lede_quotes(CAST(readfile('"'"'%s'"'"') AS TEXT));\n' "$lib_noext" "$dir/quotes-part.txt" |
    "$peakrss" sqlite3 -batch :memory: 2>&1 >/dev/null | awk '/peak_rss_kib/ { print $2 }')
end=$(date +%s.%N)
printf 'lede_quotes, one 25 MB sentence: %.2f s, peak RSS %5.1f MB more than reading the text alone\n' \
    "$(echo "$start $end" | awk '{ print $2 - $1 }')" "$(echo "$top $base" | awk '{ print ($1 - $2) / 1024 }')"
rm -f "$dir/quotes-part.txt"
