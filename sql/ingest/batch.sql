-- ingest/batch.sql: reads the files numbered :lo to :hi in temp.lede_todo
-- (each file once), and for each whose content changed (or is new) rebuilds
-- its article, then its sentences and mentions (ingest/extract.sql). A file
-- whose bytes are unchanged (same hash) only has its size and mtime brought
-- up to date.
CREATE TEMP TABLE IF NOT EXISTS lede_read(
  path TEXT PRIMARY KEY, size INTEGER, mtime TEXT, hash TEXT, title TEXT, published TEXT,
  dateline TEXT, source TEXT, authors TEXT, body TEXT, words INTEGER, error TEXT);
DELETE FROM temp.lede_read;
INSERT INTO temp.lede_read
  SELECT a.path, a.size, a.mtime, a.hash, a.title, a.published, a.dateline, a.source,
         a.authors, a.body, a.words, a.error
  FROM temp.lede_todo AS t, lede_articles(:root) AS a
  WHERE t.n BETWEEN :lo AND :hi AND a.path = t.path;

-- files listed but gone before they could be read
CREATE TEMP TABLE IF NOT EXISTS lede_vanished(id INTEGER PRIMARY KEY);
DELETE FROM temp.lede_vanished;
INSERT INTO temp.lede_vanished
  SELECT a.id FROM temp.lede_todo AS t JOIN articles AS a ON a.path = t.path
  WHERE t.n BETWEEN :lo AND :hi AND t.path NOT IN (SELECT path FROM temp.lede_read);

-- the same bytes as before: only the file's metadata moved
UPDATE articles SET size = r.size, mtime = r.mtime
FROM temp.lede_read AS r
WHERE articles.path = r.path AND articles.hash = r.hash
  AND articles.error IS NULL AND r.error IS NULL;

-- everything else is rebuilt: drop what the old version gave
CREATE TEMP TABLE IF NOT EXISTS lede_stale(id INTEGER PRIMARY KEY);
DELETE FROM temp.lede_stale;
INSERT INTO temp.lede_stale
  SELECT a.id FROM articles AS a JOIN temp.lede_read AS r ON r.path = a.path
  WHERE a.hash IS NOT r.hash OR a.error IS NOT NULL OR r.error IS NOT NULL
  UNION SELECT id FROM temp.lede_vanished;
INSERT OR IGNORE INTO temp.lede_touched
  SELECT entity_id FROM mentions WHERE article_id IN (SELECT id FROM temp.lede_stale);
DELETE FROM mentions WHERE article_id IN (SELECT id FROM temp.lede_stale);
DELETE FROM article_entities WHERE article_id IN (SELECT id FROM temp.lede_stale);
DELETE FROM sentences WHERE article_id IN (SELECT id FROM temp.lede_stale);
DELETE FROM articles WHERE id IN (SELECT id FROM temp.lede_vanished);

CREATE TEMP TABLE IF NOT EXISTS lede_built(id INTEGER PRIMARY KEY);
DELETE FROM temp.lede_built;
INSERT INTO articles(path, size, mtime, hash, title, published, dateline, source, authors,
                     body, words, error)
  SELECT r.path, r.size, r.mtime, r.hash, r.title, r.published, r.dateline, r.source,
         r.authors, r.body, r.words, r.error
  FROM temp.lede_read AS r
  WHERE NOT EXISTS (SELECT 1 FROM articles AS a WHERE a.path = r.path AND a.hash IS r.hash
                    AND a.error IS NULL AND r.error IS NULL)
  ORDER BY r.path
  ON CONFLICT(path) DO UPDATE SET
    size = excluded.size, mtime = excluded.mtime, hash = excluded.hash, title = excluded.title,
    published = excluded.published, dateline = excluded.dateline, source = excluded.source,
    authors = excluded.authors, body = excluded.body, words = excluded.words,
    error = excluded.error;
INSERT INTO temp.lede_built
  SELECT a.id FROM articles AS a JOIN temp.lede_read AS r ON r.path = a.path
  WHERE a.id NOT IN (SELECT article_id FROM sentences) AND a.body IS NOT NULL;

.read sql/ingest/extract.sql
