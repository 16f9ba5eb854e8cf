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
# /usr/bin/time -f %M when present, else it is reported as unavailable.
set -eu
lib=${1:?usage: bench_articles.sh path/to/lede.so}
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
base=${LEDE_BENCH_DIR:-${TMPDIR:-/tmp}/lede-bench-articles}
mkdir -p "$base"

# make_tree N: N articles under $base/nN, 100 per day folder.
make_tree() {
    n=$1
    tree=$base/n$n
    [ -f "$base/n$n.done" ] && return 0
    rm -rf "$tree"
    days=$(( (n + 99) / 100 ))
    awk -v days="$days" -v tree="$tree" 'BEGIN {
        for (d = 0; d < days; d++)
            printf "%s/%04d/%02d/%02d\n", tree, 2020 + int(d / 336), 1 + int(d / 28) % 12, 1 + d % 28
    }' | xargs mkdir -p
    awk -v n="$n" -v tree="$tree" '
    function pick(list, k,   a, m) { m = split(list, a, "|"); return a[1 + int(rand() * m)] }
    function sentence(   s) {
        s = pick(people) " " pick(verbs) " " pick(objects) " in " pick(places) " on " pick(days) ", " \
            pick(clauses) "."
        return s
    }
    BEGIN {
        srand(20250107)
        people = "The foreign minister|Officials|The central bank|A government spokesman|" \
                 "Local farmers|The opposition leader|Union representatives|Analysts|" \
                 "The port authority|Residents|The defence ministry|Aid agencies"
        verbs = "announced|criticised|approved|rejected|discussed|welcomed|postponed|" \
                "outlined|questioned|defended|signed|reviewed"
        objects = "a new trade agreement|plans for a coastal railway|the budget proposal|" \
                  "a ceasefire framework|tighter rules on fishing|an emergency water plan|" \
                  "the sale of state shares|a joint naval exercise|new tariffs on steel|" \
                  "a programme to train nurses|the reopening of the border crossing"
        places = "Nairobi|Lisbon|Jakarta|Osaka|Quito|Tbilisi|Accra|Hanoi|Valparaiso|" \
                 "Tromso|Mombasa|Cebu|Gdansk|Porto Alegre"
        days = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
        clauses = "according to a statement released by the ministry|" \
                  "although details of the cost were not made public|" \
                  "after weeks of talks between the two sides|" \
                  "citing concerns about rising prices and slow growth|" \
                  "in a move that surprised several regional observers|" \
                  "saying further steps would follow later in the year|" \
                  "despite objections raised by smaller parties in parliament"
        caps = "NAIROBI|LISBON|JAKARTA|OSAKA|QUITO|TBILISI|ACCRA|HANOI"
        for (i = 0; i < n; i++) {
            d = int(i / 100)
            f = sprintf("%s/%04d/%02d/%02d/article-%05d.txt", tree, 2020 + int(d / 336),
                        1 + int(d / 28) % 12, 1 + d % 28, i)
            title = pick(objects)
            title = toupper(substr(title, 1, 1)) substr(title, 2) " Under Debate in " pick(places)
            print title > f
            print "" > f
            if (i % 3 == 0) { print title > f; print "" > f }
            if (i % 5 == 0) { print "By " pick("Ana Lima|Kenji Sato|Lena Fischer|Omar Haddad") > f; print "" > f }
            paras = 7 + int(rand() * 6)
            for (p = 0; p < paras; p++) {
                line = ""
                if (p == 0) line = pick(caps) " (" pick("Reuters|AFP|Kyodo|Antara") ") - "
                ns = 2 + int(rand() * 2)
                for (s = 0; s < ns; s++) line = line (s ? " " : "") sentence()
                print line > f
                print "" > f
            }
            if (i % 4 == 0) { print "Also read: " pick(objects) > f; print "" > f }
            if (i % 2 == 0) { print "Source link" > f; print "" > f; print "Leave a Reply" > f }
            close(f)
        }
    }'
    touch "$base/n$n.done"
}

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

if [ -x /usr/bin/time ]; then
    for n in 2000 20000; do
        kb=$( { /usr/bin/time -f %M sqlite3 -batch :memory: -cmd ".load $lib_noext" \
            "SELECT count(*), sum(length(body)) FROM lede_articles('$base/n$n');" >/dev/null; } 2>&1 | tail -1)
        echo "peak RSS, lede_articles body scan, $n files: $kb KB"
    done
    kb=$( { /usr/bin/time -f %M sqlite3 -batch :memory: "$fsdir_sql" >/dev/null; } 2>&1 | tail -1)
    echo "peak RSS, fsdir data scan, 20000 files (for reference): $kb KB"
else
    echo "peak RSS: /usr/bin/time not found, not measured"
fi
