#!/bin/sh
# make valgrind: memcheck over the unit tests and the SQL tests, on the plain build.
#
#   sh tests/valgrind/run.sh build/lede.so build/tests/test_* ...
#
# Each process runs under valgrind with a log of its own; the run fails when a unit test
# fails, when an SQL test's output differs (valgrind's reports would land in it), or when any
# log holds an error or a definite or indirect leak. Memory the sqlite3 shell itself still holds
# at exit ("still reachable") is the shell's, not lede's, and is not reported.
set -u
lib=${1:?usage: run.sh path/to/lede.so unit-test ...}
shift
command -v valgrind >/dev/null 2>&1 || { echo "make valgrind needs valgrind: sudo apt-get install -y valgrind" >&2; exit 1; }
logs=$(mktemp -d "${TMPDIR:-/tmp}/lede-valgrind.XXXXXX")
trap 'rm -rf "$logs"' EXIT INT TERM
vg="valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect --log-file=$logs/%p.log"
status=0
n=0
for t in "$@"; do
    if ! $vg "$t" > "$t.vg.log" 2>&1; then
        cat "$t.vg.log"
        echo "FAIL valgrind $t"
        status=1
    else
        n=$((n + 1))
    fi
done
echo "valgrind: $n unit test programs clean"
LEDE_WRAP=$vg sh tests/sql/run.sh "$lib" || status=1
for f in "$logs"/*.log; do
    if [ -s "$f" ]; then
        echo "FAIL valgrind report $(basename "$f"):"
        cat "$f"
        status=1
    fi
done
echo "valgrind: $(ls "$logs" | wc -l) processes, $( [ $status -eq 0 ] && echo 'no errors, no leaks' || echo 'SOME FAILED')"
exit $status
