#!/bin/sh
# The fault matrix (docs/reliability.md): each group tests/faults/<group>.sql runs through
# tests/faults/faultsql.c against the built extension, in a fresh temp folder that the group's
# setup function below fills, and its output is compared with <group>.expected.
#
#   sh tests/faults/run.sh build/lede.so build/tests/faultsql [group ...]
#
# UPDATE=1 rewrites the .expected files (review the diff like code). Groups that need what the
# machine lacks (an unprivileged user, strace) say so and skip that part, never silently.
set -u
lib=${1:?usage: run.sh path/to/lede.so path/to/faultsql [group ...]}
harness=${2:?usage: run.sh path/to/lede.so path/to/faultsql [group ...]}
shift 2
dir=$(cd "$(dirname "$0")" && pwd)
. "$dir/../expect.sh"
case $lib in /*) ;; *) lib=$(pwd)/$lib ;; esac
case $harness in /*) ;; *) harness=$(pwd)/$harness ;; esac
groups=${*:-walk names sizes race limits misuse many perm security}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-faults.XXXXXX")
trap 'chmod -R u+rwX "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM

# Files get a fixed mtime so that the output does not depend on when the test runs.
stamp() { touch -h -d '2025-01-07 09:30:00 UTC' "$@"; }
article() { printf '%s\n\nThe %s story: officials said on Monday that work went on.\n' "$1" "$2"; }

setup_walk() {
    mkdir -p tree/empty-folder tree/sub/deeper
    article 'Harbour Festival Draws Crowds' harbour > tree/a.txt
    : > tree/empty.txt
    printf 'Nul Story\n\nBefore\000after.\n' > tree/nul.txt
    printf '\377\376U\000t\000f\000 \000S\000i\000x\000t\000e\000e\000n\000\n\000\n\000-\116\207\145\n\000' \
        > tree/utf16le.txt
    printf '\376\377\000U\000T\000F\000-\0001\0006\000 \000B\000E\000\n' > tree/utf16be.txt
    printf '\377\376\000\330\000\330\000\330a\000' > tree/utf16-broken.txt
    article 'Deep Story' deep > tree/sub/deeper/deep.txt
    ln -s loop tree/loop
    ln -s missing.txt tree/dangling.txt
    ln -s .. tree/sub/up
    stamp tree/a.txt tree/empty.txt tree/nul.txt tree/utf16le.txt tree/utf16be.txt \
        tree/utf16-broken.txt tree/sub/deeper/deep.txt
    mkdir -p only-empty/inner
}

setup_names() {
    mkdir -p names
    article 'Space Story' space > 'names/with space.txt'
    article 'Newline Story' newline > 'names/new
line.txt'
    article 'Latin Story' latin > "names/$(printf 'caf\351.txt')"
    article 'Broken Story' broken > "names/$(printf '\377\376.txt')"
    article 'Unicode Story' unicode > "names/$(printf 'caf\303\251.txt')"
    stamp names/*
}

setup_sizes() {
    mkdir -p sizes
    head -c 1000 /dev/zero | tr '\000' 'a' > sizes/at-limit.txt
    head -c 1001 /dev/zero | tr '\000' 'b' > sizes/over-limit.txt
    head -c 999 /dev/zero | tr '\000' 'c' > sizes/under-limit.txt
    # one line of 10 MiB, of words
    yes 'word' | head -c 10485760 | tr '\n' ' ' > sizes/ten-mb-line.txt
    printf '\nLast line.\n' >> sizes/ten-mb-line.txt
    stamp sizes/*
}

setup_race() {
    for d in delete truncate grow replace loop kind; do
        mkdir -p "race-$d/b-folder"
        article 'First Story' first > "race-$d/a.txt"
        article 'Victim Story' victim > "race-$d/b.txt"
        article 'Inner Story' inner > "race-$d/b-folder/in.txt"
        article 'Last Story' last > "race-$d/c.txt"
        stamp "race-$d"/*.txt "race-$d"/b-folder/in.txt
    done
}

setup_limits() {
    mkdir -p limits
    head -c 2000 /dev/zero | tr '\000' 'a' > limits/long.txt
    # 960 bytes, one in four not UTF-8 (text, not binary): read as Windows-1252, each 0xFF
    # becomes a two-byte y-diaeresis, so body has 1200 bytes
    i=0
    while [ $i -lt 240 ]; do printf 'abc\377'; i=$((i + 1)); done > limits/inflates.txt
    article 'Short Story' short > limits/short.txt
    stamp limits/*
}

setup_misuse() {
    mkdir -p misuse
    article 'Only Story' only > misuse/only.txt
    stamp misuse/only.txt
}

setup_many() {
    mkdir -p many
    (cd many && seq -f 'f%06g.txt' 0 99999 | xargs touch -d '2025-01-07 09:30:00 UTC')
    article 'Needle Story' needle > many/f050000.txt
    stamp many/f050000.txt
}

# Permission cases, as an unprivileged user: root reads mode-000 files, so as root the
# harness runs through setpriv (util-linux) as nobody.
setup_perm() {
    mkdir -p perm/locked-folder
    article 'Open Story' open > perm/open.txt
    article 'Locked Story' locked > perm/locked.txt
    article 'Hidden Away' hidden > perm/locked-folder/inside.txt
    article 'Zed Story' zed > perm/zed.txt
    stamp perm/*.txt perm/locked-folder/inside.txt
    chmod 000 perm/locked.txt perm/locked-folder
}

setup_security() {
    mkdir -p sec
    article 'Secret Story' secret > sec/secret.txt
    stamp sec/secret.txt
    "$harness" "$lib" "$tmp/untrusted.db" <<'SQL' > /dev/null
CREATE TABLE log(x);
CREATE VIEW v_files AS SELECT path, body FROM lede_articles('sec');
CREATE VIEW v_words AS SELECT count(*) AS n FROM lede_tokens('a b c');
CREATE TRIGGER t_read AFTER INSERT ON log BEGIN
  INSERT INTO log SELECT body FROM lede_articles('sec');
END;
SQL
}

# Runs the harness on the group's SQL, as nobody for the permission group.
run_group() {
    g=$1
    if [ "$g" = perm ] && [ "$(id -u)" = 0 ]; then
        if ! command -v setpriv >/dev/null 2>&1; then
            echo "SKIP perm: running as root and setpriv (util-linux) is missing" >&2
            return 77
        fi
        cp "$lib" "$tmp/lede.so" && cp "$harness" "$tmp/faultsql" && chmod 755 "$tmp" "$tmp/lede.so" "$tmp/faultsql"
        if ! setpriv --reuid=65534 --regid=65534 --clear-groups "$tmp/faultsql" "$tmp/lede.so" \
            < /dev/null > /dev/null 2>&1; then
            echo "SKIP perm: running as root and setpriv cannot switch to uid 65534 here" >&2
            return 77
        fi
        setpriv --reuid=65534 --regid=65534 --clear-groups "$tmp/faultsql" "$tmp/lede.so" \
            < "$dir/$g.sql"
    elif [ "$g" = security ]; then
        "$harness" "$lib" "$tmp/untrusted.db" < "$dir/$g.sql"
        no_writes
    else
        "$harness" "$lib" < "$dir/$g.sql"
    fi
}

# Nothing lede does writes to the file system. Statically (in security.expected): the extension
# imports no call that writes, renames, removes or creates, and the only open flags its sources
# name are read-only ones. Dynamically (strace_check below, when strace can run here): a full
# scan opens nothing for writing and creates, renames or removes nothing.
no_writes() {
    echo '-- imported calls that could change the file system (none expected):'
    if command -v nm >/dev/null 2>&1; then
        nm -D --undefined-only "$lib" | awk '{print $2}' | sed 's/@.*//' |
            grep -E -x 'write|pwrite|pwrite64|writev|fwrite|fputs|fprintf|fopen|fopen64|creat|creat64|rename|renameat|renameat2|unlink|unlinkat|remove|mkdir|mkdirat|rmdir|truncate|ftruncate|symlink|symlinkat|link|linkat|chmod|fchmod|fchmodat|chown|fchown|fchownat|utime|utimes|utimensat|futimens|mkstemp|tmpfile|system|popen|execve|fork' || true
    else
        echo 'SKIP: nm is missing' >&2
    fi
    echo '-- open flags named anywhere in the extension sources (read-only ones expected):'
    # the code, not the generated tables (*_data.c), whose byte strings can spell "O_"
    (cd "$dir/../.." && ls ext/lede.c ext/sqlite/*.c ext/text/*.c ext/corpus/*.c ext/ner/*.c |
        grep -v '_data\.c$' | xargs cat) |
        grep -o '\bO_[A-Z]*\b' | sort -u | tr '\n' ' '
    echo
}

strace_check() {
    if ! command -v strace >/dev/null 2>&1 || ! strace -f -o /dev/null true > /dev/null 2>&1; then
        echo "SKIP strace check: strace is missing or cannot trace here (the static checks of the security group stand)"
        return 0
    fi
    mkdir -p "$tmp/strace.d/sec" && cd "$tmp/strace.d" || return 1
    article 'Secret Story' secret > sec/secret.txt
    # (LeakSanitizer cannot run under ptrace: under make sanitize, leaks are checked elsewhere)
    printf "PRAGMA temp_store=MEMORY;\nSELECT count(*), sum(length(raw)), sum(words) FROM lede_articles('.', '**');\n" |
        ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
        strace -f -qq -e trace=open,openat,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,rmdir,truncate,ftruncate,symlink,symlinkat,link,linkat \
            -o "$tmp/strace.log" "$harness" "$lib" > "$tmp/strace.out" 2>&1
    cd "$tmp" || return 1
    own=$(grep -E 'open(at)?\((AT_FDCWD|[0-9]+), "[^/]' "$tmp/strace.log" | grep -c 'O_RDONLY')
    if grep -E 'O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|creat\(|rename|unlink|mkdir|rmdir|truncate\(|symlink|link\(' "$tmp/strace.log"; then
        echo "FAIL strace check: the scan changed or opened for writing (above)"
        return 1
    fi
    if [ "$own" -ne 3 ] || [ "$(cat "$tmp/strace.out")" != "1|76|11" ]; then
        echo "FAIL strace check: expected the scan's 3 read-only opens and 1|76|11, got $own and $(cat "$tmp/strace.out")"
        return 1
    fi
    echo "ok   strace check: a full scan opened its root, folder and file read-only, and wrote nothing"
}

status=0
pass=0
for g in $groups; do
    mkdir -p "$tmp/$g.d"
    cd "$tmp/$g.d" || exit 1
    "setup_$g" > "$tmp/$g.setup" 2>&1 || { echo "FAIL tests/faults: setup of $g"; cat "$tmp/$g.setup"; status=1; cd "$tmp"; continue; }
    run_group "$g" > "$tmp/$g.out" 2> "$tmp/$g.err"
    st=$?
    cd "$tmp" || exit 1
    if [ $st -eq 77 ]; then cat "$tmp/$g.err"; continue; fi
    cat "$tmp/$g.err" >> "$tmp/$g.out"
    expect_same "$dir/$g.expected" "$tmp/$g.out" "tests/faults/$g.sql"
done
case " $groups " in *" security "*) strace_check || status=1 ;; esac
echo "fault tests: $pass passed$( [ $status -ne 0 ] && echo ', some FAILED')"
exit $status
