-- Included by ingest.sql: the number of rows on which the databases main
-- and other differ, table by table, by content (ids are not compared).
CREATE TEMP VIEW IF NOT EXISTS cmp_main AS
  SELECT 'article' AS kind, json_array(path, size, mtime, hash, title, published, dateline, source, authors, body, words, error) AS row FROM main.articles
  UNION ALL SELECT 'sentence', json_array(a.path, s.seq, s.start, s."end", s.text) FROM main.sentences AS s JOIN main.articles AS a ON a.id = s.article_id
  UNION ALL SELECT 'mention', json_array(a.path, m.seq, m.start, m."end", m.text, e.canonical, e.label, m.value, m.unit, m.country, s.seq) FROM main.mentions AS m JOIN main.articles AS a ON a.id = m.article_id JOIN main.entities AS e ON e.id = m.entity_id JOIN main.sentences AS s ON s.id = m.sentence_id
  UNION ALL SELECT 'entity', json_array(canonical, label, country, mentions, articles) FROM main.entities
  UNION ALL SELECT 'fts', json_array(rowid IS NOT NULL, text) FROM main.sentences_fts WHERE sentences_fts MATCH 'Japan OR money OR report';
CREATE TEMP VIEW IF NOT EXISTS cmp_other AS
  SELECT 'article' AS kind, json_array(path, size, mtime, hash, title, published, dateline, source, authors, body, words, error) AS row FROM other.articles
  UNION ALL SELECT 'sentence', json_array(a.path, s.seq, s.start, s."end", s.text) FROM other.sentences AS s JOIN other.articles AS a ON a.id = s.article_id
  UNION ALL SELECT 'mention', json_array(a.path, m.seq, m.start, m."end", m.text, e.canonical, e.label, m.value, m.unit, m.country, s.seq) FROM other.mentions AS m JOIN other.articles AS a ON a.id = m.article_id JOIN other.entities AS e ON e.id = m.entity_id JOIN other.sentences AS s ON s.id = m.sentence_id
  UNION ALL SELECT 'entity', json_array(canonical, label, country, mentions, articles) FROM other.entities
  UNION ALL SELECT 'fts', json_array(rowid IS NOT NULL, text) FROM other.sentences_fts WHERE sentences_fts MATCH 'Japan OR money OR report';
WITH kinds(kind) AS (VALUES ('article'), ('sentence'), ('mention'), ('entity'), ('fts')),
diff(kind, side) AS (
  SELECT kind, 'main only' FROM (SELECT kind, row FROM cmp_main EXCEPT SELECT kind, row FROM cmp_other)
  UNION ALL
  SELECT kind, 'other only' FROM (SELECT kind, row FROM cmp_other EXCEPT SELECT kind, row FROM cmp_main))
SELECT k.kind,
       (SELECT count(*) FROM cmp_main AS c WHERE c.kind = k.kind) AS rows,
       (SELECT count(*) FROM diff AS d WHERE d.kind = k.kind AND d.side = 'main only') AS main_only,
       (SELECT count(*) FROM diff AS d WHERE d.kind = k.kind AND d.side = 'other only') AS other_only
FROM kinds AS k;
