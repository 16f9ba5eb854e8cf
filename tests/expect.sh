# expect.sh: sourced by the test runners (tests/sql, tests/faults,
# tests/examples) from the top of the repository.
#
#   expect_same EXPECTED ACTUAL NAME
#
# compares a test's output ACTUAL with its expected file EXPECTED. On a
# match it counts one in $pass; otherwise it prints "FAIL NAME" and the
# diff, and sets $status to 1. With UPDATE=1 in the environment the expected
# file is rewritten from the output first (review the change with git diff).
expect_same() {
    if [ "${UPDATE:-0}" = 1 ]; then cp "$2" "$1"; fi
    if diff -u "$1" "$2" > "$2.diff" 2>&1; then
        pass=$((pass + 1))
    else
        echo "FAIL $3"
        cat "$2.diff"
        status=1
    fi
}
