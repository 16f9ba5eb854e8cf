#!/bin/sh
# bench_text.sh: MB/s of lede_sentences and lede_tokens through SQL, and
# their memory.
#
#   sh tests/bench/bench_text.sh build/lede.so
#       (TEXTSPEED=build/tests/text_speed, PEAKRSS=build/tests/peakrss: make bench builds both)
#
# The text: the sample articles in seeds/ repeated to 64 MB, made once under
# $LEDE_BENCH_DIR (default ${TMPDIR:-/tmp}/lede-bench) and reused while its
# stamp (size and checksum of seeds/) still matches.
#
# The floors (issue 14: lede_sentences 250 MB/s, lede_tokens 200 MB/s, by
# CPU time) are checked on tests/bench/text_speed.c: a program that embeds
# SQLite, binds the text to
#
#   SELECT count(*) FROM lede_sentences(?1)      (and lede_tokens)
#   SELECT length(?1)                            a plain pass over the bytes
#   SELECT count(*) FROM ts_rows(ROWS)           SQLite's own cost of ROWS rows
#
# and times the statements alone, five runs each, interleaved (best CPU
# time, user + sys, beside the median wall time).
#
# Then the same queries through the sqlite3 shell over the text held in a
# temp table (SELECT count(*) FROM big, lede_sentences(big.v)), as the
# earlier versions of this benchmark measured them: there every query first
# has SQLite read the 64 MB value out of the table into fresh memory, which
# the plain pass (SELECT length(v) FROM big) pays alike; it is printed, with
# that cost, and has no floor; so is the same over the seeds as 20,000
# rows of a table, one an article, as an analyst runs it over articles.
set -u
lib=${1:?usage: bench_text.sh path/to/lede.so}
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
. tests/bench/floor.sh
dir=${LEDE_BENCH_DIR:-${TMPDIR:-/tmp}/lede-bench}
mkdir -p "$dir"
big=$dir/big.txt
want_mb=64
stamp="gen=1 bytes>=$((want_mb * 1000000)) seeds=$(cat seeds/*.txt | cksum | cut -d' ' -f1)"
if [ -f "$big" ] && [ "$(cat "$big.stamp" 2>/dev/null)" = "$stamp" ] &&
    [ "$(wc -c < "$big")" -ge $((want_mb * 1000000)) ]; then
    echo "text: reusing $big ($(wc -c < "$big" | awk '{ printf "%.1f MB", $1 / 1e6 }'))"
else
    echo "text: generating $big (the seeds repeated to $want_mb MB)"
    rm -f "$big.stamp"
    one=$dir/one.txt
    for f in seeds/*.txt; do cat "$f"; printf '\n\n'; done > "$one"
    : > "$big.part"
    reps=$(( want_mb * 1000000 / $(wc -c < "$one") + 1 ))
    awk -v n="$reps" -v f="$one" 'BEGIN { while ((getline l < f) > 0) t = t l "\n"; for (i = 0; i < n; i++) printf "%s", t }' > "$big.part"
    mv "$big.part" "$big"
    rm -f "$one"
    echo "$stamp" > "$big.stamp"
fi
bytes=$(wc -c < "$big")
runs=5
mbs() { awk -v b="$bytes" -v t="$1" 'BEGIN { if (t > 0) printf "%.1f", b / t / 1e6 }'; }

# 1. bound to a statement: the floors
textspeed=${TEXTSPEED:-}
if [ -n "$textspeed" ] && [ -x "$textspeed" ]; then
    "$textspeed" "$lib" "$big" "$runs" > "$dir/text.out" || : > "$dir/text.out"
else
    echo "text_speed: not built (run through make bench)"
    : > "$dir/text.out"
fi
get() { awk -v w="$1" -v f="$2" '$1 == w { print $f }' "$dir/text.out"; }
sent_mbs=$(mbs "$(get sentences 2)")
tok_mbs=$(mbs "$(get tokens 2)")
if [ -s "$dir/text.out" ]; then
    printf 'text bound to the statement (tests/bench/text_speed.c), %.1f MB, best CPU time of %d runs:\n' "$(echo "$bytes" | awk '{ print $1 / 1e6 }')" "$runs"
    printf 'lede_sentences  %6s MB/s by CPU time (%.3f s), %6s MB/s by wall time (median %.3f s); %d rows\n' \
        "$sent_mbs" "$(get sentences 2)" "$(mbs "$(get sentences 3)")" "$(get sentences 3)" "$(get sentences 4)"
    printf 'lede_tokens     %6s MB/s by CPU time (%.3f s), %6s MB/s by wall time (median %.3f s); %d rows\n' \
        "$tok_mbs" "$(get tokens 2)" "$(mbs "$(get tokens 3)")" "$(get tokens 3)" "$(get tokens 4)"
    printf 'plain pass      %6s MB/s by CPU time (%.3f s): SELECT length(?1), SQLite counting the characters\n' \
        "$(mbs "$(get plain 2)")" "$(get plain 2)"
    awk -v s="$(get rows_s 2)" -v t="$(get rows_t 2)" -v n="$(get rows_t 4)" -v tt="$(get tokens 2)" -v ts="$(get sentences 2)" 'BEGIN {
        printf "SQLite rows     %6.1f ns a row by CPU time: a table-valued function that only counts, as many rows\n", t / n * 1e9
        printf "                (%.3f s of the sentences'"'"' %.3f s, %.3f s of the tokens'"'"' %.3f s)\n", s, ts, t, tt }'
fi
bench_floor lede_sentences "$sent_mbs" ge 250 MB/s
bench_floor lede_tokens "$tok_mbs" ge 200 MB/s

# 2. through the shell, from a temp table: no floor
{
    echo ".load $lib_noext"
    echo "CREATE TEMP TABLE big AS SELECT CAST(readfile('$big') AS TEXT) AS v;"
    echo "CREATE TEMP TABLE one AS SELECT CAST(data AS TEXT) AS v FROM fsdir('seeds') WHERE name LIKE '%.txt';"
    echo "CREATE TEMP TABLE arts AS SELECT v FROM one, (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 4000) SELECT x FROM c);"
    echo ".print arts_bytes"
    echo "SELECT sum(length(CAST(v AS BLOB))), count(*) FROM arts;"
    echo "SELECT count(*) FROM big, lede_sentences(big.v);" # warm up
    echo ".timer on"
    i=0
    while [ $i -lt 3 ]; do
        echo ".print arts_sentences"
        echo "SELECT count(*) FROM arts, lede_sentences(arts.v);"
        echo ".print arts_tokens"
        echo "SELECT count(*) FROM arts, lede_tokens(arts.v);"
        echo ".print arts_plain"
        echo "SELECT sum(length(v)) FROM arts;"
        echo ".print sentences"
        echo "SELECT count(*) FROM big, lede_sentences(big.v);"
        echo ".print tokens"
        echo "SELECT count(*) FROM big, lede_tokens(big.v);"
        echo ".print plain"
        echo "SELECT length(v) > 0 FROM big;"
        i=$((i + 1))
    done
} | sqlite3 -batch :memory: 2>&1 | awk -v bytes="$bytes" '
    /^(sentences|tokens|plain|arts_sentences|arts_tokens|arts_plain|arts_bytes)$/ { what = $1; next }
    what == "arts_bytes" && /^[0-9]+\|[0-9]+$/ { split($0, f, "|"); abytes = f[1]; arows = f[2]; next }
    /^Run Time:/ { cpu = $6 + $8; if (!(what in b) || cpu < b[what]) b[what] = cpu }
    function mbs(t) { return t > 0 ? bytes / t / 1e6 : 0 }
    function ambs(t) { return t > 0 ? abytes / t / 1e6 : 0 }
    END {
        printf "from a temp table through the sqlite3 shell, best CPU time of 3 (no floor: each query first has SQLite copy the 64 MB value out of the table):\n"
        printf "lede_sentences  %6.1f MB/s (%.3f s), lede_tokens %6.1f MB/s (%.3f s), plain pass SELECT length(v) %6.1f MB/s (%.3f s)\n",
            mbs(b["sentences"]), b["sentences"], mbs(b["tokens"]), b["tokens"], mbs(b["plain"]), b["plain"]
        printf "one row an article, as over an articles table (%d rows, %.1f MB, no floor):\n", arows, abytes / 1e6
        printf "lede_sentences  %6.1f MB/s (%.3f s), lede_tokens %6.1f MB/s (%.3f s), plain pass SELECT sum(length(v)) %6.1f MB/s (%.3f s)\n",
            ambs(b["arts_sentences"]), b["arts_sentences"], ambs(b["arts_tokens"]), b["arts_tokens"], ambs(b["arts_plain"]), b["arts_plain"]
    }'

# Peak memory against input size: SQLite holds the text and the cursor one
# copy of it; beyond that lede keeps only a fixed look-ahead, so the peak
# grows by about two bytes per input byte and nothing per row.
peakrss=${PEAKRSS:-}
if [ -z "$peakrss" ] || [ ! -x "$peakrss" ]; then
    echo "peak memory: skipped (build/tests/peakrss not built; run through make bench)"
    bench_floor "lede_sentences memory beyond the text" "" le 2 MB
    exit 0
fi
worst_s=0
worst_t=0
for mb in 16 64; do
    head -c $((mb * 1000000)) "$big" > "$dir/part.txt"
    for fn in lede_sentences lede_tokens; do
        base=$(printf '.load %s\nSELECT length(CAST(readfile('"'"'%s'"'"') AS TEXT));\n' "$lib_noext" "$dir/part.txt" |
            "$peakrss" sqlite3 -batch :memory: 2>&1 >/dev/null | awk '/peak_rss_kib/ { print $2 }')
        peak=$(printf '.load %s\nSELECT count(*) FROM %s(CAST(readfile('"'"'%s'"'"') AS TEXT));\n' "$lib_noext" "$fn" "$dir/part.txt" |
            "$peakrss" sqlite3 -batch :memory: 2>&1 >/dev/null | awk '/peak_rss_kib/ { print $2 }')
        more=$(echo "$peak $base" | awk '{ printf "%.1f", ($1 - $2) / 1024 }')
        printf '%-15s %3d MB input: peak RSS %6.1f MB, %5.1f MB more than reading the text alone\n' \
            "$fn" "$mb" "$(echo "$peak" | awk '{ print $1 / 1024 }')" "$more"
        if [ "$fn" = lede_sentences ]; then
            worst_s=$(echo "$worst_s $more" | awk '{ print ($2 > $1 ? $2 : $1) }')
        else
            worst_t=$(echo "$worst_t $more" | awk '{ print ($2 > $1 ? $2 : $1) }')
        fi
    done
done
rm -f "$dir/part.txt"
bench_floor "lede_sentences memory beyond the text" "$worst_s" le 2 MB
bench_floor "lede_tokens memory beyond the text" "$worst_t" le 2 MB
