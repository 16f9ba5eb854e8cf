# floor.sh: sourced by the benchmark scripts. bench_floor prints a figure's
# verdict against its floor and records it in $LEDE_BENCH_RESULTS (set by
# tests/bench/run.sh), which `make bench-check` reads to exit 1 on a miss.
#
#   bench_floor NAME VALUE OP FLOOR UNIT
#       OP is ge (the figure must be at least FLOOR) or le (at most FLOOR)
#
# prints "  NAME: VALUE UNIT, floor OP FLOOR UNIT: ok" or "...: MISSED".
bench_floor() {
    _verdict=$(awk -v v="$2" -v op="$3" -v f="$4" 'BEGIN {
        if (v == "" || v != v + 0) { print "NOT MEASURED"; exit }
        ok = (op == "ge") ? (v + 0 >= f + 0) : (v + 0 <= f + 0)
        print ok ? "ok" : "MISSED" }')
    case $3 in ge) _op="at least" ;; *) _op="at most" ;; esac
    printf '  floor %s: %s %s, %s %s %s: %s\n' "$1" "${2:-?}" "$5" "$_op" "$4" "$5" "$_verdict"
    if [ -n "${LEDE_BENCH_RESULTS:-}" ]; then
        printf '%s\t%s %s\t%s %s %s\t%s\n' "$1" "${2:-?}" "$5" "$_op" "$4" "$5" "$_verdict" >> "$LEDE_BENCH_RESULTS"
    fi
}
