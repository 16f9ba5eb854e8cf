#!/bin/sh
# make bench / make bench-check: speed and memory figures, printed as they
# are measured, each beside its floor (tests/bench/floor.sh). Runs every
# tests/bench/bench_*.sh with the library path (or only those named after
# it), then lists the floors missed. With --check (make bench-check) it
# exits 1 when a floor is missed or a figure could not be measured; without,
# only when a script failed. The figures are reported in docs/performance.md.
#
#   sh tests/bench/run.sh [--check] path/to/lede.so [bench_text ...]
set -u
check=0
[ "${1:-}" = --check ] && { check=1; shift; }
lib=${1:?usage: run.sh [--check] path/to/lede.so [bench_name ...]}
shift
# a library sqlite3 cannot load (a wrong path, or a file not named lede.so,
# whose entry point SQLite derives from the name) would time failing queries
if ! err=$(printf '.bail on\n.load %s\nSELECT lede_version();\n' "$lib" | sqlite3 -batch 2>&1 >/dev/null) ||
    [ -n "$err" ]; then
    echo "bench: cannot load $lib: ${err:-no lede_version()}" >&2
    echo "(build it with make; the file must be named lede.so)" >&2
    exit 2
fi
LEDE_BENCH_RESULTS=${TMPDIR:-/tmp}/lede-bench-results.$$
export LEDE_BENCH_RESULTS
: > "$LEDE_BENCH_RESULTS"
trap 'rm -f "$LEDE_BENCH_RESULTS"' EXIT
trap 'exit 2' INT TERM
status=0
if [ $# -gt 0 ]; then
    scripts=$(for b in "$@"; do echo "tests/bench/${b%.sh}.sh"; done)
else
    scripts=$(ls tests/bench/bench_*.sh)
fi
for b in $scripts; do
    [ -f "$b" ] || { echo "no benchmark $b" >&2; status=1; continue; }
    echo "== $(basename "$b" .sh)"
    sh "$b" "$lib" || status=1
done
echo
total=$(wc -l < "$LEDE_BENCH_RESULTS" | tr -d ' ')
bad=$(grep -c -v '	ok$' "$LEDE_BENCH_RESULTS")
if [ "$bad" -eq 0 ]; then
    echo "bench: all $total figures with a floor are at their floors"
else
    echo "bench: $bad of $total figures miss their floors (or were not measured):"
    grep -v '	ok$' "$LEDE_BENCH_RESULTS" | awk -F '\t' '{ printf "  %s: %s, %s: %s\n", $1, $2, $3, $4 }'
    [ $check -eq 1 ] && status=1
fi
exit $status
