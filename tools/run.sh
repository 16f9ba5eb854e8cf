#!/bin/sh
# make run: the main job on a folder of articles (default seeds/): a report
# of each article's path, title, published date, source, and its sentence
# and word counts, read through lede_articles and lede_sentences.
#
#   sh tools/run.sh build/lede.so [folder]
set -eu
lib=${1:?usage: run.sh path/to/lede.so [folder]}
root=${2:-seeds}
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
sqlite3 -batch :memory: \
    -cmd ".load $lib_noext" \
    -cmd ".parameter set :root '$root'" \
    < sql/report.sql
