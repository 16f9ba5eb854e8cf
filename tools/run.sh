#!/bin/sh
# make run: the main job on a folder of articles (default seeds/): ingests
# it into a database (build/<folder>.db, kept for more questions), then
# prints a report from the views: the articles, the most mentioned people,
# organisations and places, the strongest co-occurrences and the money; and
# draws the places on a world map (build/<folder>-map.png).
#
#   sh tools/run.sh build/lede.so [folder]
set -eu
lib=${1:?usage: run.sh path/to/lede.so [folder]}
root=${2:-seeds}
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
db=$(dirname "$lib")/$(basename "$root").db
# a database left by a lede whose entity labels were others is set aside, never mixed
# with the new ones (sql/check.sql), and the folder ingested anew
if [ -f "$db" ] && sqlite3 -batch -bail "$db" ".read sql/schema.sql" ".read sql/check.sql" 2>&1 |
    grep -q 'lede: this database'; then
    mv "$db" "$db.old"
    echo "run: $db held entity labels of an older lede: kept as $db.old, ingesting anew" >&2
fi
LEDE_LIB=$lib sh tools/ingest.sh "$db" "$root"
sqlite3 -batch "$db" < sql/views.sql
sqlite3 -batch "$db" < sql/report.sql
# the map of its places (examples/map.sql): a PNG when rsvg-convert is there, else the SVG
map=${db%.db}-map
sqlite3 -batch "$db" < examples/map.sql > "$map.svg"
if command -v rsvg-convert >/dev/null 2>&1 && rsvg-convert -o "$map.png" "$map.svg"; then
    echo
    echo "Map of the places: $map.png"
else
    echo
    echo "Map of the places: $map.svg (rsvg-convert draws it as a PNG: sh tools/deps.sh map)"
fi
cat <<MSG

The database is $db. Open it and ask more:

    sqlite3 $db
    sqlite> .load $lib_noext
    sqlite> SELECT * FROM cooccurrence_sentence WHERE entity = 'Antony Blinken';

Tables: articles, sentences, mentions, entities, article_entities, quotes,
sentences_fts (full text); views: entity_counts, cooccurrence_sentence,
cooccurrence_article, timeline, money, quoted, speakers, places.
See docs/tutorial.md.
MSG
