#!/bin/sh
# text_same.sh: do two builds of lede split the same texts into the same
# sentences and tokens? For speed work on ext/text, where the output must
# not change by a byte.
#
#   sh tests/bench/text_same.sh OLD.so NEW.so [FILE ...]
#
# Each file is one input to lede_sentences and lede_tokens, and all of them
# joined (a blank line between) are one more; without files, the sample
# articles in seeds/ and tests/data/articles. Both builds dump every
# sentence (seq, start, end, text) and every token (seq, start, end, kind,
# text, norm) of every input, in one sqlite3 process each; the dumps must be
# equal byte for byte. Prints the rows compared and "same", or the first
# differences and exits 1. The dumps stay in $TEXT_SAME_DIR (default
# ${TMPDIR:-/tmp}/lede-text-same).
set -u
old=${1:?usage: text_same.sh OLD.so NEW.so [FILE ...]}
new=${2:?usage: text_same.sh OLD.so NEW.so [FILE ...]}
shift 2
if [ $# -eq 0 ]; then
    set -- seeds/*.txt $(find tests/data/articles -type f -name '*.txt' | sort)
fi
dir=${TEXT_SAME_DIR:-${TMPDIR:-/tmp}/lede-text-same}
mkdir -p "$dir"
all=$dir/all.txt
: > "$all"
for f in "$@"; do
    cat "$f" >> "$all"
    printf '\n\n' >> "$all"
done

# The SQL that loads every input into a temp table, then dumps.
{
    echo "CREATE TEMP TABLE f(name TEXT, v TEXT);"
    for f in "$@" "$all"; do
        q=$(printf '%s' "$f" | sed "s/'/''/g")
        echo "INSERT INTO f VALUES ('$q', CAST(readfile('$q') AS TEXT));"
    done
    echo ".mode quote"
    echo "SELECT f.rowid, s.seq, s.start, s.\"end\", s.text FROM f, lede_sentences(f.v) s;"
    echo "SELECT f.rowid, t.seq, t.start, t.\"end\", t.kind, t.text, t.norm FROM f, lede_tokens(f.v) t;"
} > "$dir/dump.sql"

dump() {
    lib=${1%.*}
    case $lib in /*) ;; *) lib=./$lib ;; esac
    sqlite3 -batch :memory: -cmd ".load $lib" < "$dir/dump.sql" > "$2" 2>&1
}
# the old build's dump is reused while the build and the inputs are the same
stamp="$(cksum < "$old") $(cksum < "$dir/dump.sql") $(cksum < "$all")"
if [ -f "$dir/old.out" ] && [ "$(cat "$dir/old.stamp" 2>/dev/null)" = "$stamp" ]; then
    :
else
    dump "$old" "$dir/old.out"
    echo "$stamp" > "$dir/old.stamp"
fi
dump "$new" "$dir/new.out"
rows=$(wc -l < "$dir/new.out")
if cmp -s "$dir/old.out" "$dir/new.out"; then
    echo "text_same: same ($rows sentence and token rows, $# files and all of them joined, $(wc -c < "$all") bytes)"
    exit 0
fi
echo "text_same: DIFFERENT ($dir/old.out and $dir/new.out, $rows rows in the new):"
diff "$dir/old.out" "$dir/new.out" | head -20
exit 1
