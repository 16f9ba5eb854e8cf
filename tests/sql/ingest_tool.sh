#!/bin/sh
# Used by ingest_tool.sql: runs tools/ingest.sh as a user would, from the
# test's folder $1 (never from the repository), and writes what it printed
# to $1/tool.out, with the timings and this machine's name taken out.
# Databases made with --jobs 1 and --jobs 3 are compared whole (.dump: ids,
# the full-text index and all), before and after the folder changes.
set -u
t=$1
repo=$(pwd)
case $LEDE_LIB in /*) lib=$LEDE_LIB ;; *) lib=$repo/$LEDE_LIB ;; esac
real_sqlite3=$(command -v sqlite3)
# under make sanitize the sanitizer runtimes stay preloaded (the library needs them), without
# leak detection for sh, sed and the rest, which are not ours
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
export ASAN_OPTIONS
ingest() {
    LEDE_LIB=$lib sh "$repo/tools/ingest.sh" "$@" > "$t/ingest.log" 2>&1
    st=$?
    grep -v 'files/s' "$t/ingest.log"
    return $st
}
same() {
    "$real_sqlite3" -batch "$1" .dump > "$t/a.dump"
    "$real_sqlite3" -batch "$2" .dump > "$t/b.dump"
    if cmp -s "$t/a.dump" "$t/b.dump"; then echo "$1 and $2: identical"; else echo "$1 and $2: DIFFER"; fi
}
# the same rows and ids; the full-text index holds the same (its b-tree
# segments depend on how many transactions wrote it)
same_rows() {
    # (and the mark of the build that extracted, which only tools/ingest.sh writes)
    "$real_sqlite3" -batch "$1" .dump | grep -v '^INSERT INTO sentences_fts_\|extracted_by' > "$t/a.dump"
    "$real_sqlite3" -batch "$2" .dump | grep -v '^INSERT INTO sentences_fts_\|extracted_by' > "$t/b.dump"
    for d in "$1" "$2"; do
        "$real_sqlite3" -batch "$d" "INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check');" ||
            echo "$d: full-text index does not match its sentences"
    done
    if cmp -s "$t/a.dump" "$t/b.dump"; then echo "$1 and $2: the same rows, ids included"; else echo "$1 and $2: DIFFER"; fi
}
leftovers() { ls -A | grep '\.ingest\.' || echo "no working folder left"; }
cd "$t"
{
echo "-- wrong arguments: a usage line, exit status 2, no database"
ingest; echo "exit status $?"
ingest one.db; echo "exit status $?"
ingest --jobs 0 one.db corpus; echo "exit status $?"
ingest --jobs two one.db corpus; echo "exit status $?"
ingest --max-size 1e6 one.db corpus; echo "exit status $?"
ingest --colour one.db corpus; echo "exit status $?"
ingest --pattern /abs one.db corpus; echo "exit status $?"
ingest one.db corpus/000_b3f56256a4e539d2.txt; echo "exit status $?"
ingest one.db nowhere; echo "exit status $?"
ingest --help; echo "exit status $?"
ls one.db 2>/dev/null || echo "no one.db"

echo "-- from another folder, with the library beside the script"
mkdir -p lede/build elsewhere
cp -R "$repo/tools" "$repo/sql" lede/
cp "$lib.so" lede/build/lede.so
(cd elsewhere && unset LEDE_LIB && sh ../lede/tools/ingest.sh --jobs 1 news.db ../corpus 2>&1 | grep -v 'files/s'; ls)
rm -rf lede

echo "-- --jobs 1, --jobs 3 and sql/ingest.sql: the same database"
LEDE_BATCH=2 ingest --jobs 1 one.db corpus
LEDE_BATCH=2 ingest --jobs 3 three.db corpus
leftovers
same one.db three.db
(cd "$repo" && "$real_sqlite3" -batch "$t/sql.db" -cmd ".load $lib" \
    -cmd ".parameter set :root '$t/corpus'" < sql/ingest.sql)
same_rows one.db sql.db

echo "-- the folder changes (one file edited, one touched, one removed, three added): again the same"
cp one.db one_before.db
printf '\nA late paragraph names Maria Okafor of Lagos.\n' >> corpus/001_f03b14ade0a012dc.txt
touch -d '2030-01-01 00:00:00' corpus/000_b3f56256a4e539d2.txt
rm corpus/003_3b584eadf7b65c4a.txt
for c in a b c; do
    printf 'Rains Return to Nairobi\n\nNAIROBI, May 4 (Reuters) - Heavy rain hit Nairobi on Monday, the Kenya Meteorological Department said (%s).\n' "$c" > "corpus/more/rain-$c.txt"
done
LEDE_BATCH=2 ingest --jobs 1 one.db corpus
LEDE_BATCH=2 ingest --jobs 3 three.db corpus
same one.db three.db
leftovers

echo "-- a writer that fails part-way (--jobs 3): the database is as it was"
cp one_before.db fail.db
"$real_sqlite3" fail.db "CREATE TRIGGER boom AFTER INSERT ON mentions WHEN new.text LIKE 'Okafor%' OR new.text LIKE '%Okafor' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;"
cp fail.db fail_before.db
LEDE_BATCH=2 ingest --jobs 3 fail.db corpus; echo "exit status $?"
same fail.db fail_before.db
leftovers

echo "-- a worker that fails: the error names its shard, the database is as it was"
mkdir -p fakebin
printf '#!/bin/sh\nfor a; do [ "$a" = ":memory:" ] && { echo "simulated worker failure" >&2; exit 1; }; done\nexec %s "$@"\n' \
    "$real_sqlite3" > fakebin/sqlite3
chmod +x fakebin/sqlite3
cp one_before.db fail.db
PATH=$t/fakebin:$PATH LEDE_BATCH=2 ingest --jobs 2 fail.db corpus | sed "s/ on $(hostname 2>/dev/null): / on HOST: /"
same fail.db one_before.db
leftovers

echo "-- another build of lede (the library's checksum differs): every article is extracted again"
mkdir -p otherlib
cp "${lib%.so}.so" otherlib/lede.so
printf 'x' >> otherlib/lede.so
cp one.db rebuilt.db
LEDE_BATCH=2 LEDE_LIB=$t/otherlib/lede.so sh "$repo/tools/ingest.sh" --jobs 3 rebuilt.db corpus 2>&1 |
    grep -v 'files/s'
LEDE_LIB=$t/otherlib/lede.so sh "$repo/tools/ingest.sh" --jobs 1 rebuilt.db corpus 2>&1 | grep -v 'files/s'
# the same content (sentences and mentions extracted again have new ids): rows that differ
"$real_sqlite3" -batch one.db "ATTACH 'rebuilt.db' AS other;" ".read $repo/tests/sql/ingest_compare.inc"
"$real_sqlite3" rebuilt.db "SELECT value LIKE 'cksum %' FROM lede_meta WHERE key = 'extracted_by';"

echo "-- a file that read before and now fails: its article keeps no quotes, sentences or mentions"
mkdir -p quoted
printf 'Harbour Talks Resume\n\n"We will sign this week," said Ines Varga, the port director.\n' > quoted/a.txt
printf 'Ferry Fares Rise\n\n"Prices had to go up," Tomas Lind told reporters on Monday.\n' > quoted/b.txt
ingest quoted.db quoted
printf 'x\000y' > quoted/b.txt
ingest quoted.db quoted
"$real_sqlite3" quoted.db "SELECT a.path, a.error IS NOT NULL, (SELECT count(*) FROM quotes AS q WHERE q.article_id = a.id),
    (SELECT count(*) FROM sentences AS s WHERE s.article_id = a.id),
    (SELECT count(*) FROM mentions AS m WHERE m.article_id = a.id) FROM articles AS a ORDER BY a.path;"

echo "-- --max-size: the files too large are counted and can be listed"
ingest --max-size 1000 small.db corpus
"$real_sqlite3" small.db "SELECT path, error FROM articles WHERE error IS NOT NULL ORDER BY path LIMIT 2;"

echo "-- --pattern: only the files that match"
ingest --pattern 'more/**' --jobs 2 pattern.db corpus
"$real_sqlite3" pattern.db "SELECT count(*), min(path) FROM articles;"

echo "-- two shard databases counted by examples/shards_cooccurrence.sh: what one database gives"
ingest --pattern 'more/**' shard-more.db corpus
ingest --pattern '*' shard-top.db corpus
sh "$repo/examples/shards_cooccurrence.sh" -j 2 -n 1000 shard-more.db shard-top.db > shards.txt
sh "$repo/examples/shards_cooccurrence.sh" -n 1000 one.db > whole.txt
if cmp -s shards.txt whole.txt; then echo "the same $(wc -l < whole.txt) pairs and counts"; else echo "the counts DIFFER"; fi
head -3 shards.txt
} 2>&1 | sed -E 's/ in [0-9]+\.[0-9] s, / in T s, /' > "$t/tool.out"
