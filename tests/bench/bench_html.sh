#!/bin/sh
# bench_html.sh: lede's HTML reader against Readability.js on linkedom, same pages.
#
#   sh tests/bench/bench_html.sh build/lede.so
#
# The pages: the first $LEDE_BENCH_PAGES (default 150) of $SHARED/data/web/html (default
# ../shared), gzip-compressed saved pages of 2025-2026 of every kind (articles, forums,
# shops, documentation). Both sides read and decompress them first, then time only the
# extraction, as CPU time of their own process (the machine may be shared):
#
#   lede         tests/eval/web.c -t over the core (html.c: libxml2 parse, scoring, output), best of 3
#   Readability  tests/bench/readability.js: linkedom's parseHTML, then new Readability(doc).parse(),
#                best of 2; @mozilla/readability and linkedom installed by npm into
#                $LEDE_BENCH_NPM (default ${TMPDIR:-/tmp}/lede-readability) the first time
#
# Prints both rates and their ratio; floor: lede at least 2 times Readability's pages per
# second. Skipped, with a message, when npm (or node) or the pages are missing.
set -u
lib=${1:?usage: bench_html.sh path/to/lede.so}
shared=${SHARED:-../shared}
pages_dir=$shared/data/web/html
count=${LEDE_BENCH_PAGES:-150}
npmdir=${LEDE_BENCH_NPM:-${TMPDIR:-/tmp}/lede-readability}

if [ ! -d "$pages_dir" ]; then
    echo "skip: no pages in $pages_dir (set SHARED to the shared folder)"
    exit 0
fi
core=$(dirname "$lib")/libledecore.a
bin=${TMPDIR:-/tmp}/lede-bench-web.$$
trap 'rm -f "$bin"' EXIT
xml_cflags=$(pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
xml_libs=$(pkg-config --libs libxml-2.0 2>/dev/null || echo -lxml2)
# shellcheck disable=SC2086
${CC:-cc} -std=c11 -O2 -D_DEFAULT_SOURCE -Iext $xml_cflags -o "$bin" tests/eval/web.c "$core" \
    -lutf8proc $xml_libs -lz -lm || { echo "bench_html: cannot build tests/eval/web.c" >&2; exit 1; }
# shellcheck disable=SC2012
files=$(ls "$pages_dir"/*.html.gz | head -n "$count")

# rate LINE: the pages/s figure of a "N pages, M MB, T s, R pages/s" line
rate() { printf '%s\n' "$1" | sed -n 's/.* \([0-9.]*\) pages\/s.*/\1/p'; }

# shellcheck disable=SC2086
lede=$("$bin" -t -r 3 $files) || exit 1
echo "lede html.c:           $lede"

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "skip: Readability.js comparison needs npm and node (apt-get install -y npm)"
    exit 0
fi
if [ ! -d "$npmdir/node_modules/@mozilla/readability" ] || [ ! -d "$npmdir/node_modules/linkedom" ]; then
    mkdir -p "$npmdir" &&
        (cd "$npmdir" && npm install --no-audit --no-fund --silent @mozilla/readability linkedom) >&2 ||
        { echo "skip: npm could not install @mozilla/readability and linkedom into $npmdir"; exit 0; }
fi
# shellcheck disable=SC2086
rd=$(NODE_PATH="$npmdir/node_modules" node tests/bench/readability.js 2 $files) || exit 1
echo "Readability.js 0.6 on linkedom: $rd"
a=$(rate "$lede")
b=$(rate "$rd")
awk -v a="$a" -v b="$b" 'BEGIN {
    r = b > 0 ? a / b : 0
    printf "lede / Readability: %.1fx pages per second (floor 2x)\n", r
}'
. tests/bench/floor.sh
bench_floor "lede html / Readability.js, pages per second" \
    "$(awk -v a="$a" -v b="$b" 'BEGIN { if (b > 0) printf "%.1f", a / b }')" ge 2 x
