-- ingest/plan.sql: the first step of an ingest (see sql/ingest.sql): lists
-- the folder and the files to read (ingest/scan.sql), then removes the rows
-- of files that are gone (ingest/gone.sql).
.read sql/ingest/scan.sql
.read sql/ingest/gone.sql
