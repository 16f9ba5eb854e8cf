#!/bin/sh
# Runs each unit test binary given; fails when any fails.
status=0
for t in "$@"; do
    if ! "$t" >"$t.log" 2>&1; then
        cat "$t.log"
        echo "FAIL $t"
        status=1
    else
        printf 'ok   %s (%s)\n' "$t" "$(grep -c '\[       OK \]' "$t.log") tests"
    fi
done
exit $status
