.open @LEDE_TEST_TMP@/inc.db
.load ./build/lede
.mode list
.headers on
.parameter set :root '@LEDE_TEST_TMP@/corpus'

.print '-- first ingest: a new database is marked as holding the OntoNotes labels'
.read sql/ingest.sql
SELECT key, value FROM lede_meta;
SELECT count(*) AS articles, sum(error IS NOT NULL) AS unreadable, sum(words) AS words FROM articles;
SELECT (SELECT count(*) FROM sentences) AS sentences, (SELECT count(*) FROM mentions) AS mentions,
       (SELECT count(*) FROM entities) AS entities;
SELECT count(*) AS fts_rows_match_sentences FROM sentences_fts
WHERE rowid IN (SELECT id FROM sentences) AND sentences_fts MATCH 'Japan';

.print '-- again, nothing changed: nothing is read, nothing moves'
CREATE TEMP TABLE before AS SELECT id, path, hash FROM articles;
.read sql/ingest.sql
SELECT count(*) AS ids_kept FROM articles JOIN temp.before USING (id, path, hash);

.print '-- change the folder: one file edited, one touched, one removed, one added'
CREATE TEMP TABLE touched_before AS
  SELECT s.id FROM sentences AS s JOIN articles AS a ON a.id = s.article_id WHERE a.path = '000_b3f56256a4e539d2.txt';
.system sh tests/sql/ingest_change.sh '@LEDE_TEST_TMP@'
.read sql/ingest.sql
SELECT path, mtime LIKE '2030-%' AS touched FROM articles WHERE path LIKE '00%' ORDER BY path;
SELECT count(*) AS touched_file_sentences_kept FROM temp.touched_before JOIN sentences USING (id);
SELECT count(*) AS okafor_mentions FROM mentions JOIN entities ON entities.id = entity_id WHERE canonical LIKE '%Okafor%';

.print '-- the result equals a fresh ingest of the same folder'
.open @LEDE_TEST_TMP@/fresh.db
.load ./build/lede
.parameter set :root '@LEDE_TEST_TMP@/corpus'
.read sql/ingest.sql
ATTACH '@LEDE_TEST_TMP@/inc.db' AS other;
.read tests/sql/ingest_compare.inc
DETACH other;

.print '-- a failure part-way leaves the previous state intact'
.system sh tests/sql/ingest_fail.sh '@LEDE_TEST_TMP@'
SELECT CAST(readfile('@LEDE_TEST_TMP@/fail.status') AS TEXT) AS failed_run;
SELECT instr(CAST(readfile('@LEDE_TEST_TMP@/fail.out') AS TEXT), 'simulated failure') > 0 AS error_reported;
ATTACH '@LEDE_TEST_TMP@/inc.db' AS other;
.print '-- inc.db compared with the fresh ingest made before 006_fail.txt was added'
.read tests/sql/ingest_compare.inc
DETACH other;

.print '-- a database made before article_entities existed: the next ingest fills it'
.open @LEDE_TEST_TMP@/fresh2.db
.load ./build/lede
.parameter set :root '@LEDE_TEST_TMP@/corpus'
.read sql/ingest.sql
.open @LEDE_TEST_TMP@/old.db
.load ./build/lede
.parameter set :root '@LEDE_TEST_TMP@/corpus'
.read sql/ingest.sql
DROP TABLE article_entities;
.read sql/ingest.sql
ATTACH '@LEDE_TEST_TMP@/fresh2.db' AS other;
.read tests/sql/ingest_compare.inc

.print '-- a database ingested before the labels became OntoNotes: refused, left as it was'
.open @LEDE_TEST_TMP@/old.db
.load ./build/lede
.parameter set :root '@LEDE_TEST_TMP@/corpus'
.read sql/ingest.sql
DROP TABLE lede_meta;
UPDATE OR IGNORE entities SET label = 'LOC' WHERE label IN ('GPE', 'FAC');
UPDATE OR IGNORE entities SET label = 'MISC'
  WHERE label IN ('PRODUCT', 'EVENT', 'WORK_OF_ART', 'LAW', 'LANGUAGE');
DELETE FROM mentions WHERE entity_id IN
  (SELECT id FROM entities WHERE label IN ('ORDINAL', 'CARDINAL'));
DELETE FROM article_entities WHERE entity_id IN
  (SELECT id FROM entities WHERE label IN ('ORDINAL', 'CARDINAL'));
DELETE FROM entities WHERE label IN ('ORDINAL', 'CARDINAL');
VACUUM INTO '@LEDE_TEST_TMP@/old_before.db';
.system sh tests/sql/ingest_old.sh '@LEDE_TEST_TMP@'
SELECT CAST(readfile('@LEDE_TEST_TMP@/old.out') AS TEXT) AS "what the user sees";
SELECT count(*) AS lede_meta_rows FROM lede_meta;
ATTACH '@LEDE_TEST_TMP@/old_before.db' AS other;
.print '-- old.db compared with itself before the three refused runs'
.read tests/sql/ingest_compare.inc
DETACH other;

.print '-- sql/upgrade.sql re-extracts its entities: the same as a fresh ingest, then ingests again'
.read sql/upgrade.sql
SELECT key, value FROM lede_meta;
SELECT count(*) AS old_labels FROM entities WHERE label = 'MISC';
ATTACH '@LEDE_TEST_TMP@/fresh2.db' AS other;
.read tests/sql/ingest_compare.inc
DETACH other;
.read sql/ingest.sql
ATTACH '@LEDE_TEST_TMP@/fresh2.db' AS other;
.read tests/sql/ingest_compare.inc
DETACH other;

.print '-- a label scheme this lede does not give is refused too'
UPDATE lede_meta SET value = 'conll' WHERE key = 'label_scheme';
.system sh tests/sql/ingest_old.sh '@LEDE_TEST_TMP@'
SELECT CAST(readfile('@LEDE_TEST_TMP@/old.out') AS TEXT) AS "what the user sees";

.print '-- a database whose mentions have no points of places (lat, lon, geonames): refused, then upgraded'
UPDATE lede_meta SET value = 'ontonotes' WHERE key = 'label_scheme';
DROP VIEW temp.cmp_main;
DROP VIEW temp.cmp_other;
ALTER TABLE mentions DROP COLUMN geonames;
ALTER TABLE mentions DROP COLUMN lon;
ALTER TABLE mentions DROP COLUMN lat;
.system sh tests/sql/ingest_old.sh '@LEDE_TEST_TMP@'
SELECT CAST(readfile('@LEDE_TEST_TMP@/old.out') AS TEXT) AS "what the user sees";
.read sql/upgrade.sql
SELECT count(*) AS point_columns FROM pragma_table_info('mentions')
  WHERE name IN ('lat', 'lon', 'geonames');
SELECT count(*) > 0 AS mentions_with_points FROM mentions WHERE lat IS NOT NULL;
ATTACH '@LEDE_TEST_TMP@/fresh2.db' AS other;
.read tests/sql/ingest_compare.inc
DETACH other;

.print '-- a database whose articles have no format, url or encoding: refused, then upgraded; the next ingest reads every file again to fill them'
DROP VIEW temp.cmp_main;
DROP VIEW temp.cmp_other;
PRAGMA foreign_keys = OFF;
CREATE TEMP TABLE articles_before AS
  SELECT id, path, size, mtime, hash, title, published, dateline, source, authors, body, words,
         error FROM articles;
DROP TABLE articles;
CREATE TABLE articles(
  id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER, mtime TEXT, hash TEXT,
  title TEXT, published TEXT, dateline TEXT, source TEXT, authors TEXT, body TEXT,
  words INTEGER, error TEXT);
INSERT INTO articles SELECT * FROM temp.articles_before;
DROP TABLE temp.articles_before;
.system sh tests/sql/ingest_old.sh '@LEDE_TEST_TMP@'
SELECT CAST(readfile('@LEDE_TEST_TMP@/old.out') AS TEXT) AS "what the user sees";
.read sql/upgrade.sql
SELECT count(*) AS article_columns FROM pragma_table_info('articles')
  WHERE name IN ('format', 'url', 'encoding');
SELECT count(*) AS articles, count(format) AS with_format FROM articles;
ATTACH '@LEDE_TEST_TMP@/fresh2.db' AS other;
.read tests/sql/ingest_compare.inc
DETACH other;
.read sql/ingest.sql
SELECT count(*) AS articles, count(format) AS with_format FROM articles;
ATTACH '@LEDE_TEST_TMP@/fresh2.db' AS other;
.read tests/sql/ingest_compare.inc
DETACH other;

.print '-- articles keep the format, url and encoding lede_articles read them in'
.open @LEDE_TEST_TMP@/formats.db
.load ./build/lede
.parameter set :root '@LEDE_TEST_TMP@/formats'
.read sql/ingest.sql
SELECT path, format, url, encoding, title, published FROM articles ORDER BY path;
SELECT a.path, count(*) AS mentions FROM mentions AS m JOIN articles AS a ON a.id = m.article_id
  GROUP BY a.path ORDER BY a.path;
