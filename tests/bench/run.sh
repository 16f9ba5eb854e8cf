#!/bin/sh
# make bench: speed and memory figures, printed as they are measured.
# Runs every tests/bench/bench_*.sh with the library path; each prints its
# own lines. The figures are reported in docs/performance.md.
set -u
lib=${1:?usage: run.sh path/to/lede.so}
status=0
for b in tests/bench/bench_*.sh; do
    [ -f "$b" ] || continue
    echo "== $(basename "$b" .sh)"
    sh "$b" "$lib" || status=1
done
exit $status
