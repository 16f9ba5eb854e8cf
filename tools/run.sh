#!/bin/sh
# make run: the main job on a folder of articles (default seeds/): ingests
# it into a database (build/<folder>.db, kept for more questions), then
# prints a report from the views: the articles, the most mentioned people,
# organisations and places, the strongest co-occurrences and the money.
#
#   sh tools/run.sh build/lede.so [folder]
set -eu
lib=${1:?usage: run.sh path/to/lede.so [folder]}
root=${2:-seeds}
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
db=$(dirname "$lib")/$(basename "$root").db
sh tools/ingest.sh "$db" "$root" "$lib"
sqlite3 -batch "$db" < sql/views.sql
sqlite3 -batch "$db" < sql/report.sql
cat <<MSG

The database is $db. Open it and ask more:

    sqlite3 $db
    sqlite> .load $lib_noext
    sqlite> SELECT * FROM cooccurrence_sentence WHERE entity = 'Antony Blinken';

Tables: articles, sentences, mentions, entities, article_entities,
sentences_fts (full text); views: entity_counts, cooccurrence_sentence,
cooccurrence_article, timeline, money. See docs/tutorial.md.
MSG
