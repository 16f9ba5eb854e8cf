#!/bin/sh
# make fuzz: builds every libFuzzer target of tests/fuzz/ with clang (ASan + UBSan) and runs
# each for FUZZ_SECONDS seconds on its seed corpus; fails when any target crashes, breaks one
# of its invariants, leaks or times out.
#
#   sh tests/fuzz/run.sh build/fuzz 60 [target ...]
#
# Targets: fuzz_<name>.c, seeds in tests/fuzz/corpus/<name>/. New inputs the fuzzer finds go
# to <build>/work/<name>/ (kept between runs, never committed); a failing input is saved as
# <build>/crash/<name>/crash-* and named in the output: add it to a unit or SQL test when
# fixing the bug. FUZZ_CC picks the compiler (default clang).
set -u
out=${1:?usage: run.sh build-dir seconds [target ...]}
secs=${2:?usage: run.sh build-dir seconds [target ...]}
shift 2
targets=${*:-text glob article html records archive entities quotes sql}
cc=${FUZZ_CC:-clang}
version=$(cat VERSION)
command -v "$cc" >/dev/null 2>&1 || { echo "make fuzz needs clang: sudo apt-get install -y clang" >&2; exit 1; }
xml_cflags=$(pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
xml_libs=$(pkg-config --libs libxml-2.0 2>/dev/null || echo -lxml2)
flags="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all -Iext -D_DEFAULT_SOURCE -DLEDE_VERSION=\"$version\" $xml_cflags"
mkdir -p "$out/obj" || exit 1

# Objects are rebuilt when their source or any header is newer (the headers are few).
newest_h=$(ls -t ext/*.h ext/*/*.h tests/fuzz/*.h | head -n 1)
compile() { # source object extra-flags
    if [ ! -f "$2" ] || [ "$1" -nt "$2" ] || [ "$newest_h" -nt "$2" ]; then
        mkdir -p "$(dirname "$2")"
        # shellcheck disable=SC2086
        $cc $flags $3 -fsanitize=fuzzer-no-link -c "$1" -o "$2" || return 1
    fi
}
core=""
for src in ext/text/*.c ext/corpus/*.c ext/ner/*.c ext/quotes/*.c ext/geo/*.c; do
    o="$out/obj/${src%.c}.o"
    compile "$src" "$o" "" || exit 1
    core="$core $o"
done
bind=""
for src in ext/lede.c ext/sqlite/*.c; do
    o="$out/obj/${src%.c}.o"
    compile "$src" "$o" "-DSQLITE_CORE" || exit 1
    bind="$bind $o"
done
compile tests/fuzz/alloc.c "$out/obj/tests/fuzz/alloc.o" "" || exit 1
rm -f "$out/libcore.a"
# shellcheck disable=SC2086
ar rcs "$out/libcore.a" $core || exit 1

status=0
for t in $targets; do
    bin="$out/fuzz_$t"
    if [ "$t" = sql ]; then
        # shellcheck disable=SC2086
        $cc $flags -fsanitize=fuzzer -DSQLITE_CORE -o "$bin" tests/fuzz/fuzz_sql.c $bind \
            "$out/libcore.a" -lsqlite3 -lutf8proc $xml_libs -larchive -lm || exit 1
    else
        # shellcheck disable=SC2086
        $cc $flags -fsanitize=fuzzer -o "$bin" "tests/fuzz/fuzz_$t.c" "$out/obj/tests/fuzz/alloc.o" \
            "$out/libcore.a" -lutf8proc $xml_libs -larchive -lm || exit 1
    fi
    mkdir -p "$out/work/$t" "$out/crash/$t"
    log="$out/fuzz_$t.log"
    # -len_control=0: inputs up to the full length from the start (long sentences, windows)
    "$bin" -max_total_time="$secs" -timeout=25 -rss_limit_mb=2048 -len_control=0 -print_final_stats=1 \
        -artifact_prefix="$out/crash/$t/" "$out/work/$t" "tests/fuzz/corpus/$t" > "$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
    if [ $rc -ne 0 ]; then
        echo "FAIL fuzz_$t after ${runs:-?} runs:"
        grep -E 'ERROR|SUMMARY|Test unit written|unexpected' "$log" | head -n 20
        echo "(full log: $log)"
        status=1
    else
        printf 'ok   fuzz_%s: %s s, %s runs, %s, no failure\n' "$t" "$secs" "${runs:-?}" "${cov:-cov: ?}"
    fi
done
exit $status
