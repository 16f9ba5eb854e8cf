-- ingest/batch.sql: the writer's step for the files numbered :lo to :hi in
-- lede_todo, from what ingest/read.sql put in stage (by one process or by a
-- worker): for each file whose content changed (or is new) rebuilds its
-- article, then its sentences, mentions and the rest (ingest/store.sql). A
-- file whose bytes are unchanged (same hash) only has its size and mtime
-- brought up to date. New articles get their ids in path order.
-- files listed but gone before they could be read
CREATE TEMP TABLE IF NOT EXISTS lede_vanished(id INTEGER PRIMARY KEY);
DELETE FROM temp.lede_vanished;
INSERT INTO temp.lede_vanished
  SELECT a.id FROM lede_todo AS t JOIN articles AS a ON a.path = t.path
  WHERE t.n BETWEEN :lo AND :hi AND t.n NOT IN (SELECT n FROM stage.articles);

-- the same bytes as before: only the file's metadata moved (r.changed is 0 when
-- ingest/scan.sql listed the stored article's hash, the file has it and reads
-- without error: ingest/read.sql)
UPDATE articles SET size = r.size, mtime = r.mtime
FROM stage.articles AS r
WHERE r.n BETWEEN :lo AND :hi AND articles.path = r.path AND r.changed = 0;

-- everything else is rebuilt: drop what the old version gave
CREATE TEMP TABLE IF NOT EXISTS lede_stale(id INTEGER PRIMARY KEY);
DELETE FROM temp.lede_stale;
INSERT INTO temp.lede_stale
  SELECT a.id FROM articles AS a JOIN stage.articles AS r ON r.path = a.path
  WHERE r.n BETWEEN :lo AND :hi
    AND r.changed <> 0
  UNION SELECT id FROM temp.lede_vanished;
INSERT OR IGNORE INTO temp.lede_touched
  SELECT entity_id FROM article_entities WHERE article_id IN (SELECT id FROM temp.lede_stale);
DELETE FROM mentions WHERE article_id IN (SELECT id FROM temp.lede_stale);
DELETE FROM article_entities WHERE article_id IN (SELECT id FROM temp.lede_stale);
DELETE FROM sentences WHERE article_id IN (SELECT id FROM temp.lede_stale);
-- (an article rebuilt has its quotes made anew in ingest/store.sql; one whose file now
-- fails to read has none)
DELETE FROM quotes WHERE article_id IN (SELECT id FROM temp.lede_stale);
DELETE FROM articles WHERE id IN (SELECT id FROM temp.lede_vanished);

-- keyed by n: read in path order, which is the order ingest/store.sql inserts
-- in, so its inserts need no sort
CREATE TEMP TABLE IF NOT EXISTS lede_built(n INTEGER PRIMARY KEY, id INTEGER NOT NULL UNIQUE);
DELETE FROM temp.lede_built;
INSERT INTO articles(path, size, mtime, hash, title, published, dateline, source, authors,
                     body, words, error, format, url, encoding)
  SELECT r.path, r.size, r.mtime, r.hash, r.title, r.published, r.dateline, r.source,
         r.authors, r.body, r.words, r.error, r.format, r.url, r.encoding
  FROM stage.articles AS r
  WHERE r.n BETWEEN :lo AND :hi AND r.changed <> 0
  ORDER BY r.n
  ON CONFLICT(path) DO UPDATE SET
    size = excluded.size, mtime = excluded.mtime, hash = excluded.hash, title = excluded.title,
    published = excluded.published, dateline = excluded.dateline, source = excluded.source,
    authors = excluded.authors, body = excluded.body, words = excluded.words,
    error = excluded.error, format = excluded.format, url = excluded.url,
    encoding = excluded.encoding;
INSERT INTO temp.lede_built(id, n)
  SELECT a.id, r.n FROM articles AS a JOIN stage.articles AS r ON r.path = a.path
  WHERE r.n BETWEEN :lo AND :hi
    AND a.id NOT IN (SELECT article_id FROM sentences) AND a.body IS NOT NULL;

.read sql/ingest/store.sql
