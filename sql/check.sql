-- check.sql: stops the script that reads it (under .bail on) when the
-- database's entity labels are not the ones this lede gives, so that old
-- and new labels are never mixed. sql/ingest.sql, tools/ingest.sh and
-- sql/views.sql read it after sql/schema.sql, which marks a new database.
--
-- A database ingested before lede's labels became the 18 OntoNotes 5.0
-- types (its entities are PERSON, ORG, LOC, MISC, NORP, DATE, ...) has no
-- label_scheme row in lede_meta: ingest it anew into a new database, or run
-- sql/upgrade.sql on it, which re-extracts every article's entities from the
-- text the database stores.
CREATE TEMP TABLE IF NOT EXISTS lede_check(scheme TEXT);
CREATE TEMP TRIGGER IF NOT EXISTS lede_check_old BEFORE INSERT ON lede_check
WHEN new.scheme IS NULL BEGIN
  SELECT RAISE(ABORT, 'lede: this database was ingested by an older lede, whose entity labels (PERSON, ORG, LOC, MISC, NORP, DATE, ...) are not the 18 OntoNotes labels lede gives now; its articles and entities are unchanged. Ingest into a new database, or run sql/upgrade.sql on this one to re-extract its entities from the articles it stores (docs/reference/lede_entities.md, "Labels before OntoNotes")');
END;
CREATE TEMP TRIGGER IF NOT EXISTS lede_check_other BEFORE INSERT ON lede_check
WHEN new.scheme <> 'ontonotes' BEGIN
  SELECT RAISE(ABORT, 'lede: this database''s entities use a label scheme other than ''ontonotes'' (see its table lede_meta), which this lede does not give; its articles and entities are unchanged. Ingest into a new database, or run sql/upgrade.sql on this one to re-extract its entities');
END;
DELETE FROM temp.lede_check;
INSERT INTO temp.lede_check SELECT (SELECT value FROM lede_meta WHERE key = 'label_scheme');
DROP TABLE temp.lede_check;

-- Columns an older lede did not make, one row each: a database ingested before mentions
-- carried the points of places (lat, lon, geonames), or before articles carried their format,
-- url and encoding, has none. sql/upgrade.sql makes both tables anew (mentions filled again;
-- articles' new columns empty until the next ingest reads every file again).
CREATE TEMP TABLE IF NOT EXISTS lede_check_columns(what TEXT, has INTEGER);
CREATE TEMP TRIGGER IF NOT EXISTS lede_check_columns_old BEFORE INSERT ON lede_check_columns
WHEN new.has = 0 AND new.what = 'points' BEGIN
  SELECT RAISE(ABORT, 'lede: this database was ingested by an older lede, whose mentions have no points for places (lat, lon, geonames); its articles and entities are unchanged. Ingest into a new database, or run sql/upgrade.sql on this one to re-extract its entities from the articles it stores');
END;
CREATE TEMP TRIGGER IF NOT EXISTS lede_check_columns_format BEFORE INSERT ON lede_check_columns
WHEN new.has = 0 AND new.what = 'format' BEGIN
  SELECT RAISE(ABORT, 'lede: this database was ingested by an older lede, whose articles have no format, url or encoding; its articles and entities are unchanged. Ingest into a new database, or run sql/upgrade.sql on this one (the next ingest then reads every file again to fill them)');
END;
INSERT INTO temp.lede_check_columns
  SELECT 'points', count(*) FROM pragma_table_info('mentions') WHERE name = 'geonames'
  UNION ALL
  SELECT 'format', count(*) FROM pragma_table_info('articles') WHERE name = 'format';
DROP TABLE temp.lede_check_columns;
