-- ingest.sql: fills the tables of schema.sql from the folder :root, in one
-- transaction. Run it from the top of the repository:
--
--   sqlite3 news.db -cmd ".load ./build/lede" -cmd ".parameter set :root seeds" < sql/ingest.sql
--
-- Running it again on the same database re-reads only the files whose size,
-- mtime or bytes changed (and those that could not be read before), removes
-- the rows of files that are gone and adds the new ones; the result is what
-- a fresh ingest gives. If anything fails part-way, nothing is written.
-- tools/ingest.sh does the same and shows progress on large folders.
.bail on
.read sql/schema.sql
BEGIN IMMEDIATE;
.read sql/ingest/plan.sql
.parameter set :lo 0
.parameter set :hi 9223372036854775807
.read sql/ingest/batch.sql
.read sql/ingest/finish.sql
COMMIT;
