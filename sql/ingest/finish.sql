-- ingest/finish.sql: the last step of an ingest: brings the counts and the
-- country of every entity whose mentions changed up to date, and drops the
-- entities no longer mentioned, and the quotes of articles that are gone.
DELETE FROM entities
WHERE id IN (SELECT entity_id FROM temp.lede_touched)
  AND NOT EXISTS (SELECT 1 FROM mentions AS m WHERE m.entity_id = entities.id);
UPDATE entities SET
  mentions = (SELECT count(*) FROM mentions AS m WHERE m.entity_id = entities.id),
  -- article_entities has one row per article and entity mentioned (ingest/store.sql keeps
  -- it with the mentions): counting them is counting the distinct articles, 4 times faster
  articles = (SELECT count(*) FROM article_entities AS ae WHERE ae.entity_id = entities.id),
  country = (SELECT country FROM mentions AS m
             WHERE m.entity_id = entities.id AND country IS NOT NULL
             GROUP BY country ORDER BY count(*) DESC, country LIMIT 1)
WHERE id IN (SELECT entity_id FROM temp.lede_touched);
DELETE FROM quotes WHERE article_id NOT IN (SELECT id FROM articles);
DROP TABLE IF EXISTS temp.lede_scan;
DROP TABLE IF EXISTS temp.lede_gone;
DROP TABLE IF EXISTS temp.lede_todo;
DROP TABLE IF EXISTS temp.lede_read;
DROP TABLE IF EXISTS temp.lede_vanished;
DROP TABLE IF EXISTS temp.lede_stale;
DROP TABLE IF EXISTS temp.lede_built;
DROP TABLE IF EXISTS temp.lede_touched;
