#!/bin/sh
# Runs the SQL examples in the docs and checks their shown output.
#
#   sh tests/docs/run.sh build/lede.so README.md docs/*.md ...
#
# An example is a fenced block whose first line starts with "sqlite> ":
# lines starting "sqlite> " are input (continued by lines starting
# "   ...> "), every other line is the output the shell must print. All the
# examples of one file run in one shell session, in order, from the top of
# the repository; the file's own `.load ./build/lede` is pointed at the
# library under test (the tester loads it first when the file does not).
#
# With UPDATE=1 the output shown after each "sqlite> " command is replaced
# by what the shell printed for it, in place (review the change with git
# diff: the prose around an example is not rewritten).
set -u
lib=${1:?usage: run.sh path/to/lede.so file.md ...}
shift
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
tmp=${TMPDIR:-/tmp}/lede-docstest.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT INT TERM
unbuf=
if command -v stdbuf >/dev/null 2>&1; then unbuf="stdbuf -o0"; fi
status=0
files=0
examples=0
# extract FILE.md: its examples as a script ($tmp/script.sql, with their count
# and number of .load lines beside it) and their shown output ($tmp/expected.txt)
extract() {
    rm -f "$tmp/script.sql" "$tmp/expected.txt"
    # each command is preceded by ".print ##cmd K", so that UPDATE=1 knows
    # which output belongs to which command; the comparison ignores them
    awk -v script="$tmp/script.sql" -v expected="$tmp/expected.txt" -v lib="$lib_noext" '
        BEGIN { infence = 0; inex = 0; n = 0; loads = 0; k = 0 }
        /^```/ {
            if (!infence) { infence = 1; first = 1; next }
            infence = 0; inex = 0; next
        }
        infence && first {
            first = 0
            if ($0 ~ /^sqlite> /) {
                inex = 1; n++
                printf ".print ##example %d (line %d)\n", n, NR >> script
                printf "##example %d (line %d)\n", n, NR >> expected
            }
        }
        infence && inex {
            if ($0 ~ /^sqlite> /) {
                printf ".print ##cmd %d\n", ++k >> script
                line = substr($0, 9)
                if (line ~ /^\.load \.\/build\/lede$/) { line = ".load " lib; loads++ }
                print line >> script
            } else if ($0 ~ /^   \.\.\.> /) {
                print substr($0, 9) >> script
            } else {
                print $0 >> expected
            }
        }
        END { print n > (script ".count"); print loads > (script ".loads") }
    ' "$1"
}
# run: runs $tmp/script.sql in one shell; what it printed, normalised, is
# $tmp/marked.txt, and without the ##cmd markers $tmp/actual.txt
run() {
    if [ "$(cat "$tmp/script.sql.loads")" = 0 ]; then
        { echo ".load $lib_noext"; cat "$tmp/script.sql"; } > "$tmp/run.sql"
    else
        cp "$tmp/script.sql" "$tmp/run.sql"
    fi
    if [ -n "${LEDE_PRELOAD:-}" ]; then
        LD_PRELOAD="$LEDE_PRELOAD" $unbuf sqlite3 -batch :memory: < "$tmp/run.sql" > "$tmp/raw.txt" 2>&1
    else
        $unbuf sqlite3 -batch :memory: < "$tmp/run.sql" > "$tmp/raw.txt" 2>&1
    fi
    sed -E -f tests/docs/interactive.sed "$tmp/raw.txt" > "$tmp/marked.txt"
    grep -v '^##cmd [0-9]*$' "$tmp/marked.txt" > "$tmp/actual.txt"
}
# rewrite FILE.md: the same walk over the file as extract's, inputs and prose
# kept, each command's shown output replaced by what it printed (the lines
# of $tmp/marked.txt between its marker and the next)
rewrite() {
    awk -v marked="$tmp/marked.txt" '
        BEGIN {
            k = 0
            while ((getline line < marked) > 0) {
                if (line ~ /^##cmd [0-9]+$/) { k = substr(line, 7) + 0; continue }
                if (line ~ /^##example [0-9]+ \(line [0-9]+\)$/) { k = 0; continue }
                if (k > 0) out[k] = out[k] line "\n"
            }
            infence = 0; inex = 0; k = 0; pending = 0
        }
        function flush() { if (pending) { printf "%s", out[pending]; pending = 0 } }
        /^```/ {
            if (inex) flush()
            if (!infence) { infence = 1; first = 1 } else { infence = 0; inex = 0 }
            print; next
        }
        infence && first { first = 0; if ($0 ~ /^sqlite> /) inex = 1 }
        infence && inex {
            if ($0 ~ /^sqlite> /) { flush(); pending = ++k; print }
            else if ($0 ~ /^   \.\.\.> /) print
            next
        }
        { print }
    ' "$1" > "$tmp/updated.md" && cat "$tmp/updated.md" > "$1"
}
for md in "$@"; do
    [ -f "$md" ] || continue
    extract "$md"
    n=$(cat "$tmp/script.sql.count")
    if [ "$n" -gt 0 ]; then
        files=$((files + 1))
        examples=$((examples + n))
        run
        if [ "${UPDATE:-0}" = 1 ]; then
            # rewrite, then check the file as it is now (its line numbers moved)
            rewrite "$md"
            extract "$md"
            run
        fi
        if ! diff -u "$tmp/expected.txt" "$tmp/actual.txt" > "$tmp/diff.txt"; then
            echo "FAIL $md: an example's output differs from what the doc shows"
            cat "$tmp/diff.txt"
            status=1
        fi
    fi
    rm -f "$tmp/script.sql" "$tmp/expected.txt" "$tmp/script.sql.count" "$tmp/script.sql.loads"
done
# every SQL object the extension registers has its reference page
objects=$(LD_PRELOAD="${LEDE_PRELOAD:-}" sqlite3 -batch :memory: ".load $lib_noext" \
    "SELECT name FROM pragma_function_list WHERE name LIKE 'lede%' UNION SELECT name FROM pragma_module_list WHERE name LIKE 'lede%';") || {
    echo "FAIL cannot list the SQL objects of $lib"
    status=1
}
[ -n "$objects" ] || { echo "FAIL $lib registers no lede_ object"; status=1; }
for o in $objects; do
    if [ ! -f "docs/reference/$o.md" ]; then
        echo "FAIL $o is registered but docs/reference/$o.md does not exist"
        status=1
    elif ! grep -q "docs/reference/$o.md\|reference/$o.md" docs/reference.md 2>/dev/null; then
        echo "FAIL $o is not listed in docs/reference.md"
        status=1
    fi
done
echo "docs tests: $examples examples in $files files$( [ $status -ne 0 ] && echo ', some FAILED')"
exit $status
