-- tools/ingest.sh as a user runs it (tests/sql/ingest_tool.sh): from
-- another folder, with wrong arguments, with --jobs 1 and 3 (the same
-- database, ids included, as sql/ingest.sql gives), again after the folder
-- changed, failing in the writer or in a worker (the database as it was),
-- with --max-size and --pattern.
.load ./build/lede
.mode list
.system sh tests/sql/ingest_tool.sh '@LEDE_TEST_TMP@'
SELECT CAST(readfile('@LEDE_TEST_TMP@/tool.out') AS TEXT);
