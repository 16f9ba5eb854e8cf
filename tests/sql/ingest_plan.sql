-- The writer's step (sql/ingest/batch.sql, which reads sql/ingest/store.sql)
-- runs once per batch: none of its statements may read a whole table of the
-- database or of stage, or a batch would cost more as the database grows
-- (the mentions and quotes once scanned every sentence of the database).
-- Its query plans, written to a file, may scan only the batch's own lists
-- (temp.lede_built, temp.lede_vanished) and subqueries.
.load ./build/lede
.parameter set :root 'seeds'
.read sql/schema.sql
ATTACH '' AS stage;
BEGIN;
.read sql/ingest/plan.sql
.parameter set :lo 1
.parameter set :hi 100
.read sql/ingest/read.sql
.output @LEDE_TEST_TMP@/plan.txt
.eqp on
.read sql/ingest/batch.sql
.eqp off
.output stdout
ROLLBACK;
CREATE TEMP TABLE plan_line(line TEXT);
INSERT INTO temp.plan_line
  WITH RECURSIVE split(line, rest) AS (
    SELECT '', CAST(readfile('@LEDE_TEST_TMP@/plan.txt') AS TEXT) || char(10)
    UNION ALL
    SELECT substr(rest, 1, instr(rest, char(10)) - 1), substr(rest, instr(rest, char(10)) + 1)
    FROM split WHERE rest <> '')
  SELECT ltrim(line, ' |`-') FROM split WHERE line LIKE '%SCAN %' OR line LIKE '%SEARCH %';
.headers on
SELECT count(*) > 10 AS plans_written FROM temp.plan_line;
SELECT count(*) AS whole_table_scans FROM temp.plan_line
WHERE line LIKE 'SCAN %' AND line NOT LIKE 'SCAN b' AND line NOT LIKE 'SCAN b %'
  AND line NOT LIKE 'SCAN temp.lede_vanished%' AND line NOT LIKE 'SCAN (subquery%';
SELECT line AS scan FROM temp.plan_line
WHERE line LIKE 'SCAN %' AND line NOT LIKE 'SCAN b' AND line NOT LIKE 'SCAN b %'
  AND line NOT LIKE 'SCAN temp.lede_vanished%' AND line NOT LIKE 'SCAN (subquery%';
