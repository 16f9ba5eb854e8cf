-- views.sql: questions most analyses start from, over the tables of
-- schema.sql. Safe to run again. Names (PERSON, ORG, LOC, NORP, MISC) are
-- what co-occurrence counts; dates and amounts are left out of it.
--
--   entity_counts          per label: entities, mentions, articles
--   cooccurrence_sentence  pairs of names in the same sentence: count, an example sentence
--   cooccurrence_article   pairs of names in the same article: count, an example title
--   timeline               mentions of each entity per published date
--   money                  every amount of money with its sentence

CREATE VIEW IF NOT EXISTS entity_counts AS
SELECT label, count(*) AS entities, sum(mentions) AS mentions, sum(articles) AS articles
FROM entities
GROUP BY label;

-- Both orders of each pair are rows, so "WHERE entity = 'X'" finds all of X's.
-- The example is the first sentence (by article path, then position) where
-- both appear.
CREATE VIEW IF NOT EXISTS cooccurrence_sentence AS
WITH named AS (
  SELECT DISTINCT m.sentence_id, m.entity_id
  FROM mentions AS m JOIN entities AS e ON e.id = m.entity_id
  WHERE e.label IN ('PERSON', 'ORG', 'LOC', 'NORP', 'MISC')),
pairs AS (
  SELECT x.entity_id AS a, y.entity_id AS b, count(*) AS sentences,
         min(printf('%s%c%010d', ar.path, 31, s.seq)) AS first_key, s.text AS example
  FROM named AS x
  JOIN named AS y ON y.sentence_id = x.sentence_id AND y.entity_id <> x.entity_id
  JOIN sentences AS s ON s.id = x.sentence_id
  JOIN articles AS ar ON ar.id = s.article_id
  GROUP BY x.entity_id, y.entity_id)
SELECT ea.canonical AS entity, ea.label AS entity_label, eb.canonical AS other,
       eb.label AS other_label, p.sentences, p.example
FROM pairs AS p JOIN entities AS ea ON ea.id = p.a JOIN entities AS eb ON eb.id = p.b;

CREATE VIEW IF NOT EXISTS cooccurrence_article AS
WITH named AS (
  SELECT DISTINCT m.article_id, m.entity_id
  FROM mentions AS m JOIN entities AS e ON e.id = m.entity_id
  WHERE e.label IN ('PERSON', 'ORG', 'LOC', 'NORP', 'MISC')),
pairs AS (
  SELECT x.entity_id AS a, y.entity_id AS b, count(*) AS articles,
         min(ar.path) AS first_path, coalesce(ar.title, ar.path) AS example
  FROM named AS x
  JOIN named AS y ON y.article_id = x.article_id AND y.entity_id <> x.entity_id
  JOIN articles AS ar ON ar.id = x.article_id
  GROUP BY x.entity_id, y.entity_id)
SELECT ea.canonical AS entity, ea.label AS entity_label, eb.canonical AS other,
       eb.label AS other_label, p.articles, p.example
FROM pairs AS p JOIN entities AS ea ON ea.id = p.a JOIN entities AS eb ON eb.id = p.b;

CREATE VIEW IF NOT EXISTS timeline AS
SELECT a.published AS day, e.canonical AS entity, e.label,
       count(*) AS mentions, count(DISTINCT a.id) AS articles
FROM mentions AS m
JOIN articles AS a ON a.id = m.article_id
JOIN entities AS e ON e.id = m.entity_id
WHERE a.published IS NOT NULL
GROUP BY a.published, e.id;

CREATE VIEW IF NOT EXISTS money AS
SELECT a.path, a.title, a.published, m.text AS amount, CAST(m.value AS NUMERIC) AS value,
       m.unit AS currency, s.text AS sentence
FROM mentions AS m
JOIN entities AS e ON e.id = m.entity_id
JOIN articles AS a ON a.id = m.article_id
JOIN sentences AS s ON s.id = m.sentence_id
WHERE e.label = 'MONEY';
