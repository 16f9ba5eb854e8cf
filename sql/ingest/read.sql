-- ingest/read.sql: the part of an ingest that needs no database, for the
-- files numbered :lo to :hi in lede_todo (ingest/scan.sql): reads each
-- file once into stage.articles, then runs ingest/extract.sql over the
-- articles whose bytes changed. `stage` is a database of its own, attached
-- by whoever runs this: a private temporary one in sql/ingest.sql, a shard
-- file in each worker of tools/ingest.sh, which ingest/batch.sql then
-- reads, in path order, to fill the database's tables.
--
-- Every stage table is keyed by n, the file's number in lede_todo (its
-- place in path order), so that a batch is a range of n. An extractor adds
-- its table to stage in ingest/extract.sql and moves its rows into the
-- database in ingest/store.sql; every way of ingesting (one process, the
-- workers of --jobs, a Dask cluster) then runs it.
CREATE TABLE IF NOT EXISTS stage.articles(
  n INTEGER PRIMARY KEY, path TEXT NOT NULL, size INTEGER, mtime TEXT, hash TEXT, title TEXT,
  published TEXT, dateline TEXT, source TEXT, authors TEXT, body TEXT, words INTEGER,
  error TEXT, format TEXT, url TEXT, encoding TEXT,
  changed INTEGER NOT NULL  -- 0: the same bytes as the article stored (no extraction)
);
INSERT INTO stage.articles
  SELECT t.n, a.path, a.size, a.mtime, a.hash, a.title, a.published, a.dateline, a.source,
         a.authors, a.body, a.words, a.error, a.format, a.url, a.encoding,
         NOT (t.hash IS a.hash AND a.error IS NULL)
  FROM lede_todo AS t,
       lede_articles(:root, coalesce(:pattern, '**'), coalesce(:max_size, 67108864)) AS a
  WHERE t.n BETWEEN :lo AND :hi AND a.path = t.path
  ORDER BY t.n;

.read sql/ingest/extract.sql
