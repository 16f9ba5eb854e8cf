#!/bin/sh
# shards_cooccurrence.sh: the pairs of names mentioned in the same sentence,
# counted over several lede databases at once: the shards of a corpus too
# large for one database, each ingested on its own (docs/scale.md). Each
# shard is counted by its own sqlite3 process, N at a time (map); the counts
# are then added up pair by pair (reduce): a sentence lies in one article,
# an article in one shard, so the sums are the counts one database would
# give.
#
#   sh examples/shards_cooccurrence.sh [-j N] [-n TOP] shard1.db shard2.db ...
#
# Prints TOP (default 20) rows: name|label|other|label|sentences, the most
# frequent first (both orders of a pair, as the view cooccurrence_sentence).
set -eu
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
top=20
while getopts j:n: opt; do
    case $opt in
    j) jobs=$OPTARG ;;
    n) top=$OPTARG ;;
    *) echo "usage: shards_cooccurrence.sh [-j N] [-n TOP] shard.db ..." >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { echo "usage: shards_cooccurrence.sh [-j N] [-n TOP] shard.db ..." >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
names="'PERSON', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT', 'WORK_OF_ART', 'LAW', 'LANGUAGE'"
map="SELECT ea.canonical, ea.label, eb.canonical, eb.label, count(DISTINCT x.sentence_id)
     FROM mentions AS x
     JOIN mentions AS y ON y.sentence_id = x.sentence_id AND y.entity_id <> x.entity_id
     JOIN entities AS ea ON ea.id = x.entity_id
     JOIN entities AS eb ON eb.id = y.entity_id
     WHERE ea.label IN ($names) AND eb.label IN ($names)
     GROUP BY x.entity_id, y.entity_id;"

# map: one process per shard, at most $jobs at a time
i=0
running=0
pids=
for db; do
    [ -f "$db" ] || { echo "shards_cooccurrence.sh: no such database: $db" >&2; exit 1; }
    i=$((i + 1))
    sqlite3 -batch -readonly -csv "$db" "$map" > "$tmp/$i.csv" &
    pids="$pids $!"
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        for p in $pids; do wait "$p" || exit 1; done
        pids=
        running=0
    fi
done
for p in $pids; do wait "$p" || exit 1; done

# reduce: the counts of every shard, added up pair by pair
{
    echo "CREATE TABLE part(entity TEXT, entity_label TEXT, other TEXT, other_label TEXT, sentences INTEGER);"
    for f in "$tmp"/*.csv; do printf '.import --csv %s part\n' "$f"; done
    echo "SELECT entity, entity_label, other, other_label, sum(sentences) AS sentences FROM part
          GROUP BY entity, entity_label, other, other_label
          ORDER BY sentences DESC, entity, entity_label, other, other_label LIMIT $top;"
} | sqlite3 -batch :memory:
