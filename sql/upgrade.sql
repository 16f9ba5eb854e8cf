-- upgrade.sql: re-extracts the sentences and entities of every article of a
-- database from the article text it stores (articles.body, with published
-- as the anchor date), with the lede loaded, in one transaction; then marks
-- the database as holding the current labels (lede_meta). Run it from the
-- top of the repository:
--
--   sqlite3 news.db -cmd ".load ./build/lede" < sql/upgrade.sql
--
-- It is the way to keep a database ingested by an older lede, whose labels
-- (PERSON, ORG, LOC, MISC, NORP, DATE, ...) the ingest now refuses
-- (sql/check.sql): afterwards every article's sentences and mentions are
-- what this lede gives for the text the database holds, with today's
-- labels. The files are not read again (they need not be there), so the
-- articles' titles and bodies stay as the older lede parsed them; the next
-- ingest re-reads the files that changed since. Entities and sentences get
-- new ids (articles keep theirs). Safe to run again, for instance after a
-- new entity model. If anything fails part-way, nothing is written.
--
-- The articles table is made anew too, with today's columns (format, url,
-- encoding, which an older lede did not store): they are left empty, and the
-- next ingest reads every file again to fill them.
.bail on
.read sql/schema.sql
ATTACH '' AS stage;
-- the tables are dropped and made anew: no cascade from foreign keys
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS lede_touched(entity_id INTEGER PRIMARY KEY);
DELETE FROM temp.lede_touched;
-- articles and mentions are made anew, with the columns of today's schema.sql (articles'
-- format, url, encoding; mentions' lat, lon, geonames)
DROP TABLE IF EXISTS temp.lede_old_articles;
CREATE TEMP TABLE lede_old_articles AS
  SELECT id, path, size, mtime, hash, title, published, dateline, source, authors, body, words,
         error
  FROM articles;
DROP TABLE articles;
DROP TABLE mentions;
.read sql/schema.sql
INSERT INTO articles(id, path, size, mtime, hash, title, published, dateline, source, authors,
                     body, words, error)
  SELECT * FROM temp.lede_old_articles ORDER BY id;
DROP TABLE temp.lede_old_articles;
DELETE FROM article_entities;
DELETE FROM entities;
DELETE FROM sentences;
DROP TABLE IF EXISTS temp.lede_built;
CREATE TEMP TABLE lede_built(n INTEGER PRIMARY KEY, id INTEGER NOT NULL UNIQUE);
INSERT INTO temp.lede_built SELECT id, id FROM articles WHERE body IS NOT NULL;
CREATE TABLE stage.articles AS SELECT id AS n, *, 1 AS changed FROM articles WHERE body IS NOT NULL;
.parameter set :lo 0
.parameter set :hi 9223372036854775807
.read sql/ingest/extract.sql
.read sql/ingest/store.sql
.read sql/ingest/finish.sql
INSERT INTO lede_meta(key, value) VALUES ('label_scheme', 'ontonotes')
  ON CONFLICT(key) DO UPDATE SET value = excluded.value;
COMMIT;
DETACH stage;
