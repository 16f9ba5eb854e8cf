#!/bin/sh
# bench_entities.sh: speed and memory of lede_entities through SQL.
#
#   sh tests/bench/bench_entities.sh build/lede.so      (PEAKRSS=path for memory)
#
# The text is news copy: the sample articles in seeds/ repeated to 24 MB
# (made once under $LEDE_BENCH_DIR, default ${TMPDIR:-/tmp}/lede-bench).
# With the text already in memory (a temp table), in the sqlite3 shell:
#
#   one text     SELECT count(*) FROM big, lede_entities(big.v)       median of 3
#   articles     the five articles as rows, repeated to the same size,
#                one call per row                                     median of 3
#   memory       peak RSS of the one-text query on 10 MB and on 40 MB of text,
#                less the peak of reading the text alone
#
# and prints MB/s and tokens/s (tokens as lede_tokens counts them) by CPU time (user + sys
# of the best run: what other processes on a shared machine disturb least; the query runs
# on one thread, so on a quiet machine it is the wall time) and MB/s by wall time (median).
# The floors (issue 9: 3 MB/s) are checked on CPU time, as bench_text's are.
set -u
lib=${1:?usage: bench_entities.sh path/to/lede.so}
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
dir=${LEDE_BENCH_DIR:-${TMPDIR:-/tmp}/lede-bench}
mkdir -p "$dir"
big=$dir/entities.txt
if [ ! -f "$big" ] || [ "$(wc -c < "$big")" -lt 40000000 ]; then
    : > "$big.part"
    while [ "$(wc -c < "$big.part")" -lt 40000000 ]; do
        for f in seeds/*.txt; do cat "$f"; printf '\n\n'; done >> "$big.part"
    done
    mv "$big.part" "$big"
fi
head -c 24000000 "$big" > "$dir/entities24.txt"
text=$dir/entities24.txt
bytes=$(wc -c < "$text")
tokens=$(sqlite3 -batch :memory: ".load $lib_noext" \
    "SELECT count(*) FROM lede_tokens(CAST(readfile('$text') AS TEXT));")
runs=3

# median TITLE SETUP QUERY: runs QUERY $runs times after SETUP, prints the median.
median() {
    title=$1
    setup=$2
    query=$3
    {
        echo ".load $lib_noext"
        echo "$setup"
        echo ".timer on"
        i=0
        while [ $i -lt $runs ]; do
            echo "$query"
            i=$((i + 1))
        done
    } | sqlite3 -batch :memory: 2>&1 | awk -v title="$title" -v bytes="$bytes" -v tokens="$tokens" '
        BEGIN { n = 0 }
        /^Run Time:/ { t[n] = $4; c[n] = $6 + $8; n++ }
        /^[0-9]+$/ { rows = $1 }
        END {
            for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
            m = t[int(n / 2)]
            b = c[0]
            for (i = 1; i < n; i++) if (c[i] < b) b = c[i]
            printf "%-12s %5.2f MB/s by CPU time  %9.0f tokens/s  (best of %d: %.2f s); %5.2f MB/s by wall time (median %.2f s); %d entities, %.1f MB, %d tokens\n",
                title, bytes / b / 1e6, tokens / b, n, b, bytes / m / 1e6, m, rows, bytes / 1e6, tokens
        }'
}

one=$(median "one text" \
    "CREATE TEMP TABLE big AS SELECT CAST(readfile('$text') AS TEXT) AS v;" \
    "SELECT count(*) FROM big, lede_entities(big.v);")
echo "$one"
. tests/bench/floor.sh
bench_floor "lede_entities, one text" "$(echo "$one" | awk '{ print $3 }')" ge 3 MB/s
# The sample articles as rows, repeated to about the same size, one call each.
seedsql=""
seedbytes=0
for f in seeds/*.txt; do
    seedsql="$seedsql INSERT INTO seed VALUES (CAST(readfile('$f') AS TEXT));"
    seedbytes=$((seedbytes + $(wc -c < "$f")))
done
copies=$((bytes / seedbytes))
bytes=$((copies * seedbytes))
tokens=$(sqlite3 -batch :memory: ".load $lib_noext" "CREATE TABLE seed(body); $seedsql" \
    "SELECT $copies * count(*) FROM seed, lede_tokens(seed.body);")
arts=$(median "articles" \
    "CREATE TEMP TABLE seed(body); $seedsql
     CREATE TEMP TABLE arts AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
                                                        WHERE i < $copies)
     SELECT body FROM seed, n;" \
    "SELECT count(*) FROM arts, lede_entities(arts.body);")
echo "$arts"
bench_floor "lede_entities, one call per article" "$(echo "$arts" | awk '{ print $2 }')" ge 3 MB/s

# The seeds repeated are kind to every cache (a few thousand distinct
# words). News that does not repeat: PolNeAR's 840 train articles (US
# political news, 3.9 MB), one call each, when ../shared is there.
polnear=${SHARED:-../shared}/data/quotes/polnear/train/text
if [ -d "$polnear" ]; then
    bytes=$(cat "$polnear"/*.txt | wc -c)
    tokens=$(sqlite3 -batch :memory: ".load $lib_noext" \
        "SELECT count(*) FROM fsdir('$polnear') AS f, lede_tokens(CAST(f.data AS TEXT)) WHERE f.name LIKE '%.txt';")
    varied=$(median "varied news" \
        "CREATE TEMP TABLE arts AS SELECT CAST(data AS TEXT) AS body FROM fsdir('$polnear')
         WHERE name LIKE '%.txt' ORDER BY name;" \
        "SELECT count(*) FROM arts, lede_entities(arts.body);")
    echo "$varied"
    bench_floor "lede_entities, varied news, one call per article" "$(echo "$varied" | awk '{ print $3 }')" ge 3 MB/s
else
    echo "varied news: skipped ($polnear not found; set SHARED)"
fi

# Peak memory against input size: SQLite holds the text and the cursor a copy
# of it; the extractor itself keeps one block (at most a few thousand tokens),
# so what it adds must not grow with the input.
peakrss=${PEAKRSS:-}
if [ -z "$peakrss" ] || [ ! -x "$peakrss" ]; then
    echo "peak memory: skipped (build/tests/peakrss not built; run through make bench)"
    exit 0
fi
for mb in 10 40; do
    head -c $((mb * 1000000)) "$big" > "$dir/entities-part.txt"
    base=$(printf '.load %s\nSELECT length(CAST(readfile('"'"'%s'"'"') AS TEXT));\n' "$lib_noext" "$dir/entities-part.txt" |
        "$peakrss" sqlite3 -batch :memory: 2>&1 >/dev/null | awk '/peak_rss_kib/ { print $2 }')
    peak=$(printf '.load %s\nSELECT count(*) FROM lede_entities(CAST(readfile('"'"'%s'"'"') AS TEXT));\n' "$lib_noext" "$dir/entities-part.txt" |
        "$peakrss" sqlite3 -batch :memory: 2>&1 >/dev/null | awk '/peak_rss_kib/ { print $2 }')
    printf 'lede_entities %3d MB input: peak RSS %6.1f MB, %5.1f MB more than reading the text alone\n' \
        "$mb" "$(echo "$peak" | awk '{ print $1 / 1024 }')" "$(echo "$peak $base" | awk '{ print ($1 - $2) / 1024 }')"
done
rm -f "$dir/entities-part.txt"

# One sentence of 25 and of 100 MB: the sample text without any full stop,
# question or exclamation mark or line break. Time must grow linearly with
# the length and memory must not grow beyond the copies of the text.
nobreak=$dir/nobreak.txt
if [ ! -f "$nobreak" ] || [ "$(wc -c < "$nobreak")" -lt 100000000 ]; then
    tr -d '.!?\n\r' < "$big" > "$nobreak.one"
    : > "$nobreak.part"
    while [ "$(wc -c < "$nobreak.part")" -lt 100000000 ]; do
        cat "$nobreak.one" >> "$nobreak.part"
        printf ' ' >> "$nobreak.part"
    done
    head -c 100000000 "$nobreak.part" > "$nobreak"
    rm -f "$nobreak.one" "$nobreak.part"
fi
for mb in 25 100; do
    head -c $((mb * 1000000)) "$nobreak" > "$dir/nobreak-part.txt"
    base=$(printf '.load %s\nSELECT length(CAST(readfile('"'"'%s'"'"') AS TEXT));\n' "$lib_noext" "$dir/nobreak-part.txt" |
        "$peakrss" sqlite3 -batch :memory: 2>&1 >/dev/null | awk '/peak_rss_kib/ { print $2 }')
    out=$(printf '.load %s\n.timer on\nSELECT count(*) FROM lede_entities(CAST(readfile('"'"'%s'"'"') AS TEXT));\n' "$lib_noext" "$dir/nobreak-part.txt" |
        "$peakrss" sqlite3 -batch :memory: 2>&1)
    peak=$(echo "$out" | awk '/peak_rss_kib/ { print $2 }')
    secs=$(echo "$out" | awk '/^Run Time:/ { print $4 }')
    printf 'lede_entities, one %3d MB sentence: %6.2f s (%.2f MB/s), peak RSS %5.1f MB more than reading the text alone\n' \
        "$mb" "$secs" "$(echo "$mb $secs" | awk '{ print $1 / $2 }')" "$(echo "$peak $base" | awk '{ print ($1 - $2) / 1024 }')"
done
rm -f "$dir/nobreak-part.txt"
