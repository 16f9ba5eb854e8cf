#!/bin/sh
# The worker's step of tools/ingest.sh on a Dask worker: reads and extracts
# shard K of the plan into WORK/shard-K.db, with no access to the database
# being ingested. (On one machine, tools/ingest.sh gives each of its workers
# the same SQL, shard after shard, in one sqlite3 process.)
#
#   sh tools/ingest_shard.sh LEDE_DIR LIB PLAN WORK K
#
# PLAN (made by tools/ingest.sh) holds the files to read, numbered in path
# order (lede_todo), the ingest's parameters (lede_params: :root, :pattern,
# :max_size) and the shards (lede_shards: k, lo, hi, batch). The shard is
# read batch by batch with sql/ingest/read.sql (which runs
# sql/ingest/extract.sql) into a database attached as `stage`; the writer
# merges it with sql/ingest/batch.sql. The file appears only when complete
# (written as .part, then renamed); on failure WORK/shard-K.err says why
# (WORK/shard-K.try-err under Dask, which may try again).
set -u
here=${1:?usage: ingest_shard.sh LEDE_DIR LIB PLAN WORK K}
lib=${2:?usage: ingest_shard.sh LEDE_DIR LIB PLAN WORK K}
plan=${3:?usage: ingest_shard.sh LEDE_DIR LIB PLAN WORK K}
work=${4:?usage: ingest_shard.sh LEDE_DIR LIB PLAN WORK K}
k=${5:?usage: ingest_shard.sh LEDE_DIR LIB PLAN WORK K}
sq() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/''/g")"; }
dq() { printf '"%s"' "$(printf '%s' "$1" | sed 's/[\\"]/\\&/g')"; }
out=$work/shard-$k.db
rm -f "$out.part" "$work/shard-$k.err"
range=$(sqlite3 -batch -readonly "$plan" "SELECT lo, hi, batch FROM lede_shards WHERE k = $k;" 2>&1) || {
    printf 'shard %s: cannot read the plan: %s\n' "$k" "$range" > "$work/shard-$k.err"; exit 1; }
[ -n "$range" ] || { printf 'shard %s: not in the plan\n' "$k" > "$work/shard-$k.err"; exit 1; }
IFS='|' read -r lo hi batch <<RANGE
$range
RANGE
if {
    echo ".load $(dq "$lib")"
    echo ".bail on"
    echo "ATTACH $(sq "$plan") AS plan;"
    echo "ATTACH $(sq "$out.part") AS stage;"
    echo ".output /dev/null"
    echo "PRAGMA stage.page_size = 65536;"  # written once, read once: fewer, larger writes and reads
    echo "PRAGMA stage.journal_mode = OFF;"
    echo "PRAGMA stage.synchronous = OFF;"
    echo ".output stdout"
    echo ".parameter init"
    echo "INSERT INTO temp.sqlite_parameters(key, value) SELECT key, value FROM plan.lede_params;"
    echo "BEGIN;"
    a=$lo
    while [ "$a" -le "$hi" ]; do
        b=$((a + batch - 1))
        echo ".parameter set :lo $a"
        echo ".parameter set :hi $b"
        echo ".read sql/ingest/read.sql"
        a=$((b + 1))
    done
    echo "COMMIT;"
} | (cd "$here" && sqlite3 -batch :memory:) > "$work/shard-$k.log" 2>&1 &&
    mv "$out.part" "$out"; then
    rm -f "$work/shard-$k.log"
    exit 0
fi
first=$(sqlite3 -batch -readonly "$plan" "SELECT path FROM lede_todo WHERE n = $lo;" 2>/dev/null)
last=$(sqlite3 -batch -readonly "$plan" "SELECT path FROM lede_todo WHERE n = (SELECT max(n) FROM lede_todo WHERE n <= $hi);" 2>/dev/null)
# under Dask (LEDE_SHARD_TRY=1) a failed try is not the end: tools/ingest_dask.py decides
err=$work/shard-$k.err
[ "${LEDE_SHARD_TRY:-}" = 1 ] && err=$work/shard-$k.try-err
printf 'shard %s (files %s to %s: %s to %s) failed on %s: %s\n' "$k" "$lo" "$hi" "$first" "$last" \
    "$(hostname 2>/dev/null || echo this machine)" "$(tr '\n' ' ' < "$work/shard-$k.log" | sed 's/ *$//')" > "$err.part"
mv "$err.part" "$err"
rm -f "$out.part"
exit 1
