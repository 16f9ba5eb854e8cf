#!/bin/sh
# Runs every tests/sql/*.sql through the sqlite3 shell against the built
# extension and compares the output (stderr folded in) with the .expected
# file beside it.
#
#   sh tests/sql/run.sh build/lede.so [name ...]
#
# Scripts say `.load ./build/lede`; that path is replaced with the library
# under test. The shell's error prefix, which has changed between releases,
# is normalised to "Error: ". LEDE_PRELOAD (set by `make sanitize`) is
# preloaded into the shell; LEDE_WRAP (set by `make valgrind`) is a command
# the shell runs under. With UPDATE=1 the .expected files are rewritten
# (review the diff like code).
set -u
lib=${1:?usage: run.sh path/to/lede.so [name ...]}
shift
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
# scripts that start a shell of their own (.system) load the library from $LEDE_LIB
LEDE_LIB=$lib_noext
export LEDE_LIB
dir=tests/sql
. tests/expect.sh
if [ $# -gt 0 ]; then names="$*"; else
    names=$(cd $dir && ls *.sql | sed 's/\.sql$//')
fi
tmp=${TMPDIR:-/tmp}/lede-sqltest.$$
mkdir -p "$tmp"
trap 'chmod -R u+rwX "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
# the shell buffers stdout and not stderr: unbuffer it so errors land in order
unbuf=
if command -v stdbuf >/dev/null 2>&1; then unbuf="stdbuf -o0"; fi
status=0
pass=0
for name in $names; do
    # <name>.setup.sh, when present, prepares files in a fresh $LEDE_TEST_TMP, which the
    # script names as @LEDE_TEST_TMP@ (and should .cd into, so no machine path is printed);
    # its exit status 77 skips the test, printing what it said.
    LEDE_TEST_TMP=
    if [ -f "$dir/$name.setup.sh" ]; then
        LEDE_TEST_TMP=$tmp/$name.d
        mkdir -p "$LEDE_TEST_TMP" && export LEDE_TEST_TMP
        sh "$dir/$name.setup.sh" > "$tmp/$name.setup" 2>&1
        st=$?
        if [ $st -eq 77 ]; then echo "skip tests/sql/$name.sql: $(cat "$tmp/$name.setup")"; continue; fi
        if [ $st -ne 0 ]; then echo "FAIL tests/sql/$name.setup.sh"; cat "$tmp/$name.setup"; status=1; continue; fi
    fi
    sed -e "s|^\.load \./build/lede\$|.load $lib_noext|" -e "s|@LEDE_TEST_TMP@|$LEDE_TEST_TMP|g" \
        "$dir/$name.sql" > "$tmp/$name.sql"
    if [ -n "${LEDE_PRELOAD:-}" ]; then
        LD_PRELOAD="$LEDE_PRELOAD" $unbuf sqlite3 -batch :memory: < "$tmp/$name.sql" > "$tmp/$name.raw" 2>&1
    else
        $unbuf ${LEDE_WRAP:-} sqlite3 -batch :memory: < "$tmp/$name.sql" > "$tmp/$name.raw" 2>&1
    fi
    sed -E -f tests/normalize.sed "$tmp/$name.raw" > "$tmp/$name.out"
    expect_same "$dir/$name.expected" "$tmp/$name.out" "tests/sql/$name.sql"
done
echo "sql tests: $pass passed$( [ $status -ne 0 ] && echo ', some FAILED')"
exit $status
