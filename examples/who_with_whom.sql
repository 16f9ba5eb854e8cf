-- Who is mentioned with whom: the people and places (GPE: countries,
-- cities, states; LOC: other places; FAC: buildings, airports) that share a
-- sentence with Antony Blinken, how often, and the first sentence where
-- they do.
--
--   sh tools/ingest.sh news.db seeds
--   sqlite3 news.db < examples/who_with_whom.sql
.mode box --wrap 60 --wordwrap on
.headers on
SELECT other, other_label AS label, sentences, example
FROM cooccurrence_sentence
WHERE entity = 'Antony Blinken' AND other_label IN ('PERSON', 'GPE', 'LOC', 'FAC')
ORDER BY sentences DESC, other
LIMIT 12;
