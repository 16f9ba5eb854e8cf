-- Which articles tell the same story: pairs of articles ranked by how many
-- of their named entities (people, organisations, places: GPE, LOC and
-- FAC, nationalities and groups: NORP) they share, as a share of all the
-- names either mentions (Jaccard).
--
--   sqlite3 news.db < examples/same_story.sql
.mode box --wrap 40 --wordwrap on
.headers on
WITH names AS (
  SELECT DISTINCT m.article_id, m.entity_id
  FROM mentions AS m JOIN entities AS e ON e.id = m.entity_id
  WHERE e.label IN ('PERSON', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC')),
sizes AS (SELECT article_id, count(*) AS n FROM names GROUP BY article_id),
shared AS (
  SELECT x.article_id AS a, y.article_id AS b, count(*) AS common
  FROM names AS x JOIN names AS y ON y.entity_id = x.entity_id AND y.article_id > x.article_id
  GROUP BY x.article_id, y.article_id)
SELECT coalesce(aa.title, aa.path) AS article, coalesce(ab.title, ab.path) AS other,
       s.common AS shared,
       round(1.0 * s.common / (za.n + zb.n - s.common), 2) AS similarity
FROM shared AS s
JOIN sizes AS za ON za.article_id = s.a
JOIN sizes AS zb ON zb.article_id = s.b
JOIN articles AS aa ON aa.id = s.a
JOIN articles AS ab ON ab.id = s.b
ORDER BY similarity DESC, aa.path, ab.path
LIMIT 6;
