-- ingest.sql: fills the tables of schema.sql from the folder :root, in one
-- transaction. Run it from the top of the repository:
--
--   sqlite3 news.db -cmd ".load ./build/lede" -cmd ".parameter set :root seeds" < sql/ingest.sql
--
-- Running it again on the same database re-reads only the files whose size,
-- mtime or bytes changed (and those that could not be read before), removes
-- the rows of files that are gone and adds the new ones; the result is what
-- a fresh ingest gives. If anything fails part-way, nothing is written.
-- tools/ingest.sh does the same, with progress, a pattern and a largest
-- file size (:pattern and :max_size here), and in parallel (--jobs).
--
-- A database whose entities carry other labels than the ones lede gives now
-- (one ingested before the labels became OntoNotes 5.0's) is refused with a
-- message and left as it was (sql/check.sql): ingest into a new database, or
-- run sql/upgrade.sql on it first.
.bail on
.read sql/schema.sql
ATTACH '' AS stage;
BEGIN IMMEDIATE;
.read sql/check.sql
.read sql/ingest/plan.sql
.parameter set :lo 0
.parameter set :hi 9223372036854775807
.read sql/ingest/read.sql
.read sql/ingest/batch.sql
.read sql/ingest/finish.sql
-- which build of lede extracted is not known here: tools/ingest.sh, which
-- marks it, then extracts every article again
DELETE FROM lede_meta WHERE key = 'extracted_by';
COMMIT;
DETACH stage;
