#!/bin/sh
# Ingests a folder of articles into a database, as sql/ingest.sql does (one
# transaction; again on the same database, only what changed), showing
# progress on standard error when it runs longer than two seconds.
#
#   sh tools/ingest.sh news.db path/to/folder [build/lede.so]
#
# The folder is read in batches of LEDE_BATCH files (default 200) inside the
# one transaction; after each batch the shell prints a marker that this
# script turns into "ingest: 1200 of 20000 files, 830 files/s".
#
# A database ingested by an older lede, whose entity labels differ from
# today's, is refused before anything is read (sql/check.sql says why and
# what to do): ingest into a new database, or run sql/upgrade.sql on it.
set -eu
db=${1:?usage: ingest.sh database folder [path/to/lede.so]}
root=${2:?usage: ingest.sh database folder [path/to/lede.so]}
lib=${3:-build/lede.so}
batch=${LEDE_BATCH:-200}
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
case $root in *"'"*) echo "ingest.sh: folder names with a quote are not supported: $root" >&2; exit 2 ;; esac
here=$(cd "$(dirname "$0")/.." && pwd)
[ -d "$root" ] || { echo "ingest.sh: no such folder: $root" >&2; exit 2; }
case $root in /*) ;; *) root=$(cd "$root" && pwd) ;; esac
[ -f "$lib_noext.so" ] || [ -f "$lib_noext.dylib" ] || { echo "ingest.sh: $lib not built (run make)" >&2; exit 2; }

# how many files there are to read: a listing only, no file is opened
total=$(cd "$here" && sqlite3 -batch "$db" -cmd ".load $lib_noext" -cmd ".read sql/schema.sql" \
    "SELECT count(*) FROM lede_articles('$root') AS s
     WHERE NOT EXISTS (SELECT 1 FROM articles AS a WHERE a.path = s.path AND a.size IS s.size
                       AND a.mtime IS s.mtime AND a.error IS NULL);")

start=$(date +%s)
{
    echo ".load $lib_noext"
    echo ".bail on"
    echo ".parameter set :root '$root'"
    echo ".read $here/sql/schema.sql"
    echo "BEGIN IMMEDIATE;"
    echo ".read $here/sql/check.sql"
    echo ".read $here/sql/ingest/plan.sql"
    lo=1
    while [ "$lo" -le "$total" ]; do
        hi=$((lo + batch - 1))
        echo ".parameter set :lo $lo"
        echo ".parameter set :hi $hi"
        echo ".read $here/sql/ingest/batch.sql"
        echo ".print @@progress $hi"
        lo=$((hi + 1))
    done
    # whatever the listing above did not count (files added meanwhile)
    echo ".parameter set :lo $lo"
    echo ".parameter set :hi 9223372036854775807"
    echo ".read $here/sql/ingest/batch.sql"
    echo ".read $here/sql/ingest/finish.sql"
    echo "COMMIT;"
    echo ".print @@done"
} | (cd "$here" && sqlite3 -batch "$db") | {
    shown=0
    ok=0
    while IFS= read -r line; do
        case $line in
        "@@progress "*)
            done_n=${line#@@progress }
            [ "$done_n" -gt "$total" ] && done_n=$total
            now=$(date +%s)
            elapsed=$((now - start))
            if [ "$elapsed" -ge 2 ]; then
                rate=$((done_n / (elapsed > 0 ? elapsed : 1)))
                printf '\ringest: %d of %d files, %d files/s ' "$done_n" "$total" "$rate" >&2
                shown=1
            fi
            ;;
        "@@done") ok=1 ;;
        *) printf '%s\n' "$line" ;;
        esac
    done
    [ "$shown" = 1 ] && printf '\n' >&2
    [ "$ok" = 1 ]
} || { echo "ingest: failed; the database is as it was before" >&2; exit 1; }
elapsed=$(($(date +%s) - start))
sqlite3 -batch "$db" "SELECT 'ingest: ' || (SELECT count(*) FROM articles) || ' articles, '
    || (SELECT count(*) FROM sentences) || ' sentences, ' || (SELECT count(*) FROM mentions)
    || ' mentions of ' || (SELECT count(*) FROM entities) || ' entities in $db ($total files read, ${elapsed}s)';" >&2
