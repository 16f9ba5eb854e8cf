-- ingest/clear.sql: empties stage once ingest/batch.sql has moved a batch
-- into the database, where one process reads and writes every batch
-- (tools/ingest.sh --jobs 1): stage then holds one batch, not the whole
-- corpus, and stays in memory. Every table ingest/read.sql and
-- ingest/extract.sql fill is emptied here.
DELETE FROM stage.articles;
DELETE FROM stage.sentences;
DELETE FROM stage.found;
DELETE FROM stage.keys;
DELETE FROM stage.quotes;
