#!/bin/sh
# Runs the examples in examples/ on the sample articles and compares their
# output with tests/examples/<name>.expected:
#   - ingests seeds/ into a fresh database (sql/ingest.sql, sql/views.sql),
#   - runs each examples/*.sql against it,
#   - runs examples/python_query.py with a Python that can load extensions
#     (skipped, saying so, when there is none),
#   - runs examples/tcl_query.tcl when tclsh has the sqlite3 package, and
#     examples/node_query.mjs when Node.js is 22.13 or later (each skipped,
#     saying so, otherwise),
#   - runs build/examples/embed (make examples).
#
#   sh tests/examples/run.sh build/lede.so [build/examples/embed]
set -u
lib=${1:?usage: run.sh path/to/lede.so [embed]}
embed=${2:-}
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
LEDE_LIB=$lib_noext # for the Python and C examples
export LEDE_LIB
tmp=${TMPDIR:-/tmp}/lede-examples.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0
pass=0
. tests/expect.sh
check() { expect_same "tests/examples/$1.expected" "$2" "example $1"; } # name, actual file
db=$tmp/seeds.db
if ! sqlite3 -batch "$db" -cmd ".load $lib_noext" -cmd ".parameter set :root 'seeds'" \
        < sql/ingest.sql > "$tmp/ingest.out" 2>&1 || ! sqlite3 -batch "$db" < sql/views.sql; then
    echo "FAIL ingest of seeds/ for the examples"
    cat "$tmp/ingest.out"
    exit 1
fi
for f in examples/*.sql; do
    name=$(basename "$f" .sql)
    sqlite3 -batch "$db" < "$f" > "$tmp/$name.out" 2>&1
    # the map's country outlines are data (examples/map_base.svg): its places are compared
    [ "$name" = map ] && grep -v '^<path ' "$tmp/$name.out" > "$tmp/$name.places" &&
        mv "$tmp/$name.places" "$tmp/$name.out"
    check "$name" "$tmp/$name.out"
done
py=
for p in /usr/bin/python3 python3; do
    if command -v "$p" >/dev/null 2>&1 &&
        "$p" -c 'import sqlite3, sys; sys.exit(not hasattr(sqlite3.Connection, "enable_load_extension"))' 2>/dev/null; then
        py=$p
        break
    fi
done
if [ -n "$py" ]; then
    "$py" examples/python_query.py seeds > "$tmp/python_query.out" 2>&1
    check python_query "$tmp/python_query.out"
else
    echo "skip example python_query: no Python here can load SQLite extensions"
fi
# Tcl with Debian's libsqlite3-tcl, when both are here
if command -v tclsh >/dev/null 2>&1 && echo 'package require sqlite3' | tclsh >/dev/null 2>&1; then
    tclsh examples/tcl_query.tcl seeds > "$tmp/tcl_query.out" 2>&1
    check tcl_query "$tmp/tcl_query.out"
else
    echo "skip example tcl_query: no tclsh with the sqlite3 package (Debian: tcl libsqlite3-tcl)"
fi
# Node.js 22.13 or later (node:sqlite with allowExtension), when it is here
node_ok=$(node -e 'const [a, b] = process.versions.node.split(".").map(Number);
    console.log(a > 22 || (a === 22 && b >= 13) ? "yes" : "no")' 2>/dev/null)
if [ "$node_ok" = yes ]; then
    node examples/node_query.mjs seeds > "$tmp/node_query.out" 2>&1
    check node_query "$tmp/node_query.out"
else
    echo "skip example node_query: no Node.js 22.13 or later here ($(node --version 2>/dev/null || echo 'no node'))"
fi
if [ -n "$embed" ]; then
    "$embed" seeds > "$tmp/embed.out" 2>&1
    check embed "$tmp/embed.out"
fi
echo "examples: $pass passed$( [ $status -ne 0 ] && echo ', some FAILED')"
exit $status
