#!/bin/sh
# bench_text.sh: MB/s of lede_sentences and lede_tokens through SQL, and
# their memory.
#
#   sh tests/bench/bench_text.sh build/lede.so      (PEAKRSS=path for memory)
#
# The text: the sample articles in seeds/ repeated to 64 MB, made once under
# $LEDE_BENCH_DIR (default ${TMPDIR:-/tmp}/lede-bench) and reused while its
# stamp (size and checksum of seeds/) still matches. In one sqlite3 process,
# with the text already in memory (a temp table), five runs of each query,
# interleaved:
#
#   SELECT count(*) FROM big, lede_sentences(big.v)    (and lede_tokens)
#   SELECT length(big.v) FROM big                      a plain pass over the bytes
#   SELECT count(*) FROM generate_series(1, ROWS)      SQLite's own cost of ROWS rows
#   lede_sentences and a plain pass over as many bytes of "a a a ..."
#                                                      taking the input: its copy
#
# Each figure is MB/s by CPU time (user + sys of the best run: what the
# program costs, least disturbed by other processes on a shared machine)
# beside MB/s by wall time (median). Floors (issue 14), on CPU time:
# lede_sentences 250 MB/s, lede_tokens 200 MB/s; memory flat (at most 2 MB
# beyond holding the text, at 16 and at 64 MB).
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
rows_s=$(sqlite3 -batch :memory: -cmd ".load $lib_noext" "SELECT count(*) FROM lede_sentences(CAST(readfile('$big') AS TEXT));")
rows_t=$(sqlite3 -batch :memory: -cmd ".load $lib_noext" "SELECT count(*) FROM lede_tokens(CAST(readfile('$big') AS TEXT));")
{
    echo ".load $lib_noext"
    echo "CREATE TEMP TABLE big AS SELECT CAST(readfile('$big') AS TEXT) AS v;"
    echo "CREATE TEMP TABLE flat AS SELECT replace(hex(zeroblob($((bytes / 2)))), '00', 'a ') AS v;"
    echo "SELECT count(*) FROM big, lede_sentences(big.v);" # warm up
    echo ".timer on"
    i=0
    while [ $i -lt $runs ]; do
        echo ".print sentences"
        echo "SELECT count(*) FROM big, lede_sentences(big.v);"
        echo ".print tokens"
        echo "SELECT count(*) FROM big, lede_tokens(big.v);"
        echo ".print plain"
        echo "SELECT length(v) > 0 FROM big;"
        echo ".print rows_sentences"
        echo "SELECT count(*) FROM generate_series(1, $rows_s);"
        echo ".print rows_tokens"
        echo "SELECT count(*) FROM generate_series(1, $rows_t);"
        echo ".print flat_sentences"
        echo "SELECT count(*) FROM flat, lede_sentences(flat.v);"
        echo ".print flat_plain"
        echo "SELECT length(v) > 0 FROM flat;"
        i=$((i + 1))
    done
} | sqlite3 -batch :memory: 2>&1 | awk -v bytes="$bytes" -v rs="$rows_s" -v rt="$rows_t" '
    /^(sentences|tokens|plain|rows_sentences|rows_tokens|flat_sentences|flat_plain)$/ { what = $1; next }
    /^Run Time:/ { cpu = $6 + $8; real = $4; k = n[what]++
                   c[what, k] = cpu; r[what, k] = real }
    function best(w,   i, m) { m = c[w, 0]; for (i = 1; i < n[w]; i++) if (c[w, i] < m) m = c[w, i]; return m }
    function median(w,   i, j, a, x, m) { m = n[w]; for (i = 0; i < m; i++) a[i] = r[w, i]
        for (i = 0; i < m; i++) for (j = i + 1; j < m; j++) if (a[j] < a[i]) { x = a[i]; a[i] = a[j]; a[j] = x }
        return a[int(m / 2)] }
    function mbs(t) { return t > 0 ? bytes / t / 1e6 : 0 }
    END {
        for (w in n) if (best(w) <= 0) { print "bench_text: a run took no measurable time" > "/dev/stderr" }
        printf "lede_sentences  %6.1f MB/s by CPU time (best of %d: %.3f s), %6.1f MB/s by wall time (median %.3f s); %d rows, %.1f MB\n",
            mbs(best("sentences")), n["sentences"], best("sentences"), mbs(median("sentences")), median("sentences"), rs, bytes / 1e6
        printf "lede_tokens     %6.1f MB/s by CPU time (best of %d: %.3f s), %6.1f MB/s by wall time (median %.3f s); %d rows, %.1f MB\n",
            mbs(best("tokens")), n["tokens"], best("tokens"), mbs(median("tokens")), median("tokens"), rt, bytes / 1e6
        printf "plain pass      %6.1f MB/s by CPU time: SELECT length(v), counting the characters of the same text\n", mbs(best("plain"))
        printf "SQLite rows     %6.1f ns a row by CPU time: generate_series of as many rows (%.3f s for the sentences'"'"', %.3f s for the tokens'"'"')\n",
            best("rows_tokens") / rt * 1e9, best("rows_sentences"), best("rows_tokens")
        printf "input copy      %6.3f s by CPU time: lede_sentences over as many bytes of \"a a a ...\" (no sentence ends: one copy of the input and a scan), less a plain pass over them\n",
            best("flat_sentences") - best("flat_plain")
        printf "RESULT %.1f %.1f\n", mbs(best("sentences")), mbs(best("tokens"))
    }' > "$dir/text.out"
grep -v '^RESULT' "$dir/text.out"
set -- $(awk '/^RESULT/ { print $2, $3 }' "$dir/text.out")
bench_floor lede_sentences "${1:-}" ge 250 MB/s
bench_floor lede_tokens "${2:-}" ge 200 MB/s

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
