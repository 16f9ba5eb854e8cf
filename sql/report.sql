-- The report `make run` prints from an ingested database (sql/ingest.sql,
-- sql/views.sql): the articles, the most mentioned people (PERSON),
-- organisations (ORG) and places (GPE: countries, cities, states; LOC: other
-- places; FAC: buildings, airports, bridges), the strongest co-occurrences,
-- the amounts of money, and the most quoted speakers with an example each.
--
--   sqlite3 news.db < sql/report.sql
.mode box --wrap 48 --wordwrap on
.headers on
.nullvalue -
.print
.print Articles
SELECT path AS article, coalesce(title, '(no title)') AS title, published, source,
       (SELECT count(*) FROM sentences AS s WHERE s.article_id = a.id) AS sentences, words, error
FROM articles AS a ORDER BY path;
.print
.print Most mentioned people, organisations and places
SELECT label, canonical AS name, mentions, articles
FROM (SELECT label, canonical, mentions, articles,
             row_number() OVER (PARTITION BY label ORDER BY mentions DESC, canonical) AS rank
      FROM entities WHERE label IN ('PERSON', 'ORG', 'GPE', 'LOC', 'FAC'))
WHERE rank <= 5
ORDER BY CASE label WHEN 'PERSON' THEN 1 WHEN 'ORG' THEN 2 WHEN 'GPE' THEN 3 WHEN 'LOC' THEN 4
                    ELSE 5 END, rank;
.print
.print Strongest co-occurrences (names in the same sentence)
SELECT entity, other, sentences, example
FROM cooccurrence_sentence
WHERE entity < other
ORDER BY sentences DESC, entity, other
LIMIT 8;
.print
.print Money
SELECT path AS article, amount, currency, value FROM money ORDER BY path, amount;

.print
.print Most quoted
SELECT speaker, label, quotes, articles, example FROM speakers
ORDER BY quotes DESC, speaker LIMIT 5;
