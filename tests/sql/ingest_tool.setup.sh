#!/bin/sh
# A corpus for ingest_tool.sql in $LEDE_TEST_TMP/corpus: the sample articles
# and the parsing test articles (titles, credits, an empty file), in folders.
set -eu
mkdir -p "$LEDE_TEST_TMP/corpus/more"
cp seeds/*.txt "$LEDE_TEST_TMP/corpus/"
cp -R tests/data/articles/. "$LEDE_TEST_TMP/corpus/more/"
