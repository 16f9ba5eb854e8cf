-- ingest/plan.sql: the first step of an ingest (see sql/ingest.sql): lists
-- the folder :root without opening a file, removes the rows of files that
-- are gone, and lists in temp.lede_todo the files to read: new ones, those
-- whose size or mtime changed, and those that could not be read last time.
CREATE TEMP TABLE IF NOT EXISTS lede_touched(entity_id INTEGER PRIMARY KEY);
DELETE FROM temp.lede_touched;
DROP TABLE IF EXISTS temp.lede_scan;
CREATE TEMP TABLE lede_scan(path TEXT PRIMARY KEY, size INTEGER, mtime TEXT);
INSERT INTO temp.lede_scan SELECT path, size, mtime FROM lede_articles(:root);

DROP TABLE IF EXISTS temp.lede_gone;
CREATE TEMP TABLE lede_gone AS
  SELECT id FROM articles WHERE path NOT IN (SELECT path FROM temp.lede_scan);
INSERT OR IGNORE INTO temp.lede_touched
  SELECT entity_id FROM mentions WHERE article_id IN (SELECT id FROM temp.lede_gone);
DELETE FROM mentions WHERE article_id IN (SELECT id FROM temp.lede_gone);
DELETE FROM article_entities WHERE article_id IN (SELECT id FROM temp.lede_gone);
DELETE FROM sentences WHERE article_id IN (SELECT id FROM temp.lede_gone);
DELETE FROM articles WHERE id IN (SELECT id FROM temp.lede_gone);

DROP TABLE IF EXISTS temp.lede_todo;
CREATE TEMP TABLE lede_todo(n INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
INSERT INTO temp.lede_todo(path)
  SELECT s.path FROM temp.lede_scan AS s LEFT JOIN articles AS a ON a.path = s.path
  WHERE a.id IS NULL OR a.size IS NOT s.size OR a.mtime IS NOT s.mtime OR a.error IS NOT NULL
  ORDER BY s.rowid; -- the order of the scan: the rows of one archive or record file are then
                    -- read in one pass over it (docs/reference/lede_articles.md)
