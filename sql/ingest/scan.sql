-- ingest/scan.sql: lists the folder :root without opening a file (only the
-- paths that match :pattern, default every file; :max_size, default 64 MiB,
-- is the largest file read) into temp.lede_scan, and lists in
-- temp.lede_todo, numbered in the scan's order (by path), the files to read: new ones, those
-- whose size or mtime changed, and those that could not be read last time,
-- with the hash of the article stored for each (NULL when it had an error).
-- With :force 1 (tools/ingest.sh sets it when the database was extracted by
-- another build of lede) every file is listed, with no hash: every article
-- is then read and extracted again.
-- Read by ingest/plan.sql, and alone by tools/ingest.sh's planner, which
-- hands both lists to its workers and its writer.
DROP TABLE IF EXISTS temp.lede_scan;
CREATE TEMP TABLE lede_scan(path TEXT PRIMARY KEY, size INTEGER, mtime TEXT);
INSERT INTO temp.lede_scan
  SELECT path, size, mtime
  FROM lede_articles(:root, coalesce(:pattern, '**'), coalesce(:max_size, 67108864));

DROP TABLE IF EXISTS temp.lede_todo;
CREATE TEMP TABLE lede_todo(n INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, hash TEXT);
INSERT INTO temp.lede_todo(path, hash)
  SELECT s.path, CASE WHEN a.error IS NULL AND a.format IS NOT NULL AND NOT coalesce(:force, 0)
                      THEN a.hash END
  FROM temp.lede_scan AS s LEFT JOIN articles AS a ON a.path = s.path
  WHERE a.id IS NULL OR a.size IS NOT s.size OR a.mtime IS NOT s.mtime OR a.error IS NOT NULL
     OR a.format IS NULL OR coalesce(:force, 0)
  ORDER BY s.rowid; -- the order of the scan: the rows of one archive or record file are then
                    -- read in one pass over it (docs/reference/lede_articles.md)
