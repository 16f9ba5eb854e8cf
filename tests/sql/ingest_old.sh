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
repo=$(pwd)
# tools/ingest.sh runs from the test's folder, as a user's would
case $LEDE_LIB in /*) lib=$LEDE_LIB ;; *) lib=$repo/$LEDE_LIB ;; esac
{
    echo "sql/ingest.sql:"
    LD_PRELOAD=$preload sqlite3 -batch "$db" -cmd ".load $LEDE_LIB" \
        -cmd ".parameter set :root '$1/corpus'" < sql/ingest.sql 2>&1
    echo "exit status $?"
    echo "tools/ingest.sh:"
    cd "$1"
    LD_PRELOAD=$preload ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" \
        LEDE_LIB=$lib sh "$repo/tools/ingest.sh" old.db corpus 2>&1
    echo "exit status $?"
    cd "$repo"
    echo "sql/views.sql:"
    LD_PRELOAD=$preload sqlite3 -batch "$db" < sql/views.sql 2>&1
    echo "exit status $?"
} | sed -E -f tests/normalize.sed > "$1/old.out"
