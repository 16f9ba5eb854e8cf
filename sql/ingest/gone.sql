-- ingest/gone.sql: removes the rows of the stored articles whose files are
-- no longer listed in lede_scan (ingest/scan.sql), and starts the list of
-- entities whose counts ingest/finish.sql brings up to date.
CREATE TEMP TABLE IF NOT EXISTS lede_touched(entity_id INTEGER PRIMARY KEY);
DELETE FROM temp.lede_touched;
DROP TABLE IF EXISTS temp.lede_gone;
CREATE TEMP TABLE lede_gone AS
  SELECT id FROM articles WHERE path NOT IN (SELECT path FROM lede_scan);
INSERT OR IGNORE INTO temp.lede_touched
  SELECT entity_id FROM article_entities WHERE article_id IN (SELECT id FROM temp.lede_gone);
DELETE FROM mentions WHERE article_id IN (SELECT id FROM temp.lede_gone);
DELETE FROM article_entities WHERE article_id IN (SELECT id FROM temp.lede_gone);
DELETE FROM sentences WHERE article_id IN (SELECT id FROM temp.lede_gone);
DELETE FROM articles WHERE id IN (SELECT id FROM temp.lede_gone);
