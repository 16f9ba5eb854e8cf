#!/bin/sh
# Used by ingest.sql: adds a file to $1/corpus, then runs sql/ingest.sql on
# $1/inc.db with a trigger that fails on the first mention inserted, and
# records the shell's exit status and output in $1/fail.status, fail.out.
set -u
# several entities, so that any model finds one and the trigger fires
printf "Storm Warning\n\nA storm is coming to Lisbon on Monday, Portugal's weather service IPMA said.\n" \
    > "$1/corpus/006_fail.txt"
{
    printf '.load %s\n' "$LEDE_LIB"
    printf "CREATE TEMP TRIGGER boom AFTER INSERT ON mentions BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;\n"
    printf ".parameter set :root '%s/corpus'\n" "$1"
    printf '.read sql/ingest.sql\n'
} > "$1/fail.sql"
sqlite3 -batch "$1/inc.db" < "$1/fail.sql" > "$1/fail.out" 2>&1
echo "ingest exit status: $?" > "$1/fail.status"
