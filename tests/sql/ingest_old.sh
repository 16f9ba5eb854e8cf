#!/bin/sh
# Used by ingest.sql: runs sql/ingest.sql, tools/ingest.sh and sql/views.sql
# on $1/old.db, which holds entity labels from before OntoNotes (and no
# label_scheme row), and records what each printed and its exit status in
# $1/old.out, errors normalised as the SQL tests' are.
#
# Under make sanitize the shell that runs this passes on its LD_PRELOAD (the
# sanitizer runtimes): only the sqlite3 shells keep it, and tools/ingest.sh,
# whose sh, sed and date are not ours, runs without leak detection.
set -u
preload=${LD_PRELOAD:-}
unset LD_PRELOAD
db=$1/old.db
{
    echo "sql/ingest.sql:"
    LD_PRELOAD=$preload sqlite3 -batch "$db" -cmd ".load $LEDE_LIB" \
        -cmd ".parameter set :root '$1/corpus'" < sql/ingest.sql 2>&1
    echo "exit status $?"
    echo "tools/ingest.sh:"
    LD_PRELOAD=$preload ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" \
        sh tools/ingest.sh "$db" "$1/corpus" "$LEDE_LIB.so" 2>&1
    echo "exit status $?"
    echo "sql/views.sql:"
    LD_PRELOAD=$preload sqlite3 -batch "$db" < sql/views.sql 2>&1
    echo "exit status $?"
} | sed -E -f tests/normalize.sed > "$1/old.out"
