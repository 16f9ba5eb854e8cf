#!/bin/sh
# A corpus for ingest.sql in $LEDE_TEST_TMP/corpus: the sample articles and
# the parsing test articles, so the ingest meets titles, credits and files
# that cannot be read.
set -eu
mkdir -p "$LEDE_TEST_TMP/corpus/more"
cp seeds/*.txt "$LEDE_TEST_TMP/corpus/"
cp tests/data/articles/*.txt "$LEDE_TEST_TMP/corpus/more/" 2>/dev/null || true
