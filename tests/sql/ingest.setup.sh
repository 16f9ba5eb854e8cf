#!/bin/sh
# A corpus for ingest.sql in $LEDE_TEST_TMP/corpus: the sample articles and
# the parsing test articles, so the ingest meets titles, credits and files
# that cannot be read.
set -eu
mkdir -p "$LEDE_TEST_TMP/corpus/more"
cp seeds/*.txt "$LEDE_TEST_TMP/corpus/"
cp tests/data/articles/*.txt "$LEDE_TEST_TMP/corpus/more/" 2>/dev/null || true

# formats/: a JSON Lines export with addresses, a saved page and a Latin-1 text file, for
# the columns format, url and encoding.
mkdir -p "$LEDE_TEST_TMP/formats"
cat > "$LEDE_TEST_TMP/formats/feed.jsonl" <<'JSONL'
{"title": "Harbour tolls rise again", "url": "https://news.example.org/2031/harbour-tolls", "date_publish": "2031-03-04", "maintext": "The port authority in Valmora raised its tolls by 4% on Tuesday, the second rise this year.\n\nShipping firms said the cost would be passed on."}
{"title": "Library reopens after flood", "url": "https://news.example.org/2031/library", "date_publish": "2031-03-05", "maintext": "The central library of Orlend reopened on Wednesday, eight months after the river flooded its basement."}
JSONL
cat > "$LEDE_TEST_TMP/formats/page.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bridge vote delayed | The Orlend Courier</title>
<link rel="canonical" href="https://courier.example.net/bridge-vote"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Bridge vote delayed</h1>
<p>The council of Orlend put off its vote on the new bridge until April, its chair said on Monday.</p>
<p>Engineers had asked for two more months to finish a study of the riverbed.</p></article></body></html>
HTML
printf 'Caf\351 owners in M\374nchen\n\nThe owners of three caf\351s in M\374nchen said on Friday that rents had risen by \24340 a month.\n' \
    > "$LEDE_TEST_TMP/formats/latin1.txt"
