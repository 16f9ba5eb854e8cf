#!/bin/sh
# bench_places.sh: what resolving places (ext/geo/geo.h) costs inside lede_entities.
#
#   sh tests/bench/bench_places.sh build/lede.so
#
# Builds tests/bench/geo_speed.c against the core library beside the extension
# (build/libledecore.a) and runs it on the sample articles one by one and on 2 MB of them
# as one text (made under $LEDE_BENCH_DIR, default ${TMPDIR:-/tmp}/lede-bench): the whole
# pipeline is timed once, then canonicalisation alone with and without the place resolver;
# the difference is the resolver's own time, per place and as a share of the pipeline's.
set -u
lib=${1:?usage: bench_places.sh path/to/lede.so}
dir=${LEDE_BENCH_DIR:-${TMPDIR:-/tmp}/lede-bench}
mkdir -p "$dir"
core=$(dirname "$lib")/libledecore.a
bin=$dir/geo_speed
xml=$(pkg-config --libs libxml-2.0 2>/dev/null || echo -lxml2)
# shellcheck disable=SC2086
${CC:-cc} -std=c11 -O2 -Iext -D_DEFAULT_SOURCE -o "$bin" tests/bench/geo_speed.c "$core" \
    -lutf8proc $xml -larchive -lm || exit 1
text=$dir/places2.txt
if [ ! -f "$text" ]; then
    : > "$text.part"
    while [ "$(wc -c < "$text.part")" -lt 2000000 ]; do
        for f in seeds/*.txt; do cat "$f"; printf '\n\n'; done >> "$text.part"
    done
    head -c 2000000 "$text.part" > "$text"
    rm -f "$text.part"
fi
printf 'articles   '
"$bin" seeds/*.txt | tail -n 1
printf 'one text   '
"$bin" "$text" | tail -n 1
