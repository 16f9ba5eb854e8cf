-- schema.sql: the tables a corpus is ingested into (sql/ingest.sql fills
-- them). Safe to run again: everything is created only when missing.
--
--   articles   one row per file of the folder, as lede_articles reads it
--   sentences  the sentences of each article's body (lede_sentences)
--   entities   one row per canonical entity and label, with how often and
--              in how many articles it is mentioned
--   mentions   each entity found in a sentence (lede_entities), places with
--              their point (lat, lon) and GeoNames id
--   article_entities  which entities each article mentions, and how often
--              (one row per article and entity: the article-level joins)
--   quotes     who said what: each quotation and reported speech of a body
--              (lede_quotes), with its source, speaker and cue
--   sentences_fts  full-text index over sentences.text (FTS5):
--              SELECT snippet(sentences_fts, 0, '[', ']', '…', 12)
--              FROM sentences_fts WHERE sentences_fts MATCH 'missile*'
--              ORDER BY bm25(sentences_fts);
--   lede_meta  facts about the database itself: ('label_scheme', 'ontonotes')
--              says its entity labels are the 18 OntoNotes 5.0 types

CREATE TABLE IF NOT EXISTS articles(
  id        INTEGER PRIMARY KEY,
  path      TEXT NOT NULL UNIQUE,  -- relative to the folder ingested
  size      INTEGER,
  mtime     TEXT,
  hash      TEXT,
  title     TEXT,
  published TEXT,                  -- YYYY-MM-DD or NULL
  dateline  TEXT,
  source    TEXT,
  authors   TEXT,                  -- JSON array
  body      TEXT,
  words     INTEGER,
  error     TEXT,                  -- why the file could not be read, or NULL
  format    TEXT,                  -- text, html, json, csv or warc, as lede_articles read it
  url       TEXT,                  -- the page's or record's address, when it gives one
  encoding  TEXT                   -- the encoding its bytes were read in (UTF-8, windows-1252, ...)
);

CREATE TABLE IF NOT EXISTS sentences(
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,     -- as lede_sentences(body) numbers it
  start      INTEGER NOT NULL,     -- offsets into articles.body, code points
  "end"      INTEGER NOT NULL,
  text       TEXT NOT NULL,
  UNIQUE(article_id, seq)
);

CREATE TABLE IF NOT EXISTS entities(
  id        INTEGER PRIMARY KEY,
  canonical TEXT NOT NULL,
  label     TEXT NOT NULL,         -- one of the 18 OntoNotes types lede_entities gives:
                                   -- names PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART
                                   -- LAW LANGUAGE; DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL
  country   TEXT,                  -- ISO 3166-1 alpha-2 for places, nationalities and
                                   -- organisations named after a place
  mentions  INTEGER NOT NULL DEFAULT 0,
  articles  INTEGER NOT NULL DEFAULT 0,
  UNIQUE(canonical, label)
);

CREATE TABLE IF NOT EXISTS mentions(
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  entity_id   INTEGER NOT NULL REFERENCES entities(id),
  seq         INTEGER NOT NULL,    -- as lede_entities(body, published) numbers it
  start       INTEGER NOT NULL,    -- offsets into articles.body, code points
  "end"       INTEGER NOT NULL,
  text        TEXT NOT NULL,       -- as written
  value       TEXT,                -- normalised date, amount or number
  unit        TEXT,                -- currency code or %
  country     TEXT,                -- ISO 3166-1 alpha-2, as lede_entities gives it
  lat         REAL,                -- the point of the place it names (WGS84), or NULL
  lon         REAL,
  geonames    INTEGER,             -- the place's GeoNames id, or NULL
  UNIQUE(article_id, seq)
);

CREATE TABLE IF NOT EXISTS article_entities(
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity_id  INTEGER NOT NULL REFERENCES entities(id),
  mentions   INTEGER NOT NULL,     -- how often the article mentions it
  PRIMARY KEY(article_id, entity_id)
) WITHOUT ROWID;
-- A database ingested before this table existed gets it filled once, from
-- its mentions (every article with a mention has rows here after an ingest).
INSERT INTO article_entities(article_id, entity_id, mentions)
  SELECT article_id, entity_id, count(*) FROM mentions
  WHERE NOT EXISTS (SELECT 1 FROM article_entities)
  GROUP BY article_id, entity_id;

CREATE TABLE IF NOT EXISTS quotes(
  id            INTEGER PRIMARY KEY,
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_id   INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE, -- where it starts
  seq           INTEGER NOT NULL,  -- as lede_quotes(body) numbers it
  start         INTEGER NOT NULL,  -- offsets of the content into articles.body, code points
  "end"         INTEGER NOT NULL,
  text          TEXT NOT NULL,     -- what was said
  kind          TEXT NOT NULL,     -- direct, indirect or mixed
  source        TEXT,              -- who, as written ('he', 'a senior official')
  speaker       TEXT,              -- the name the source refers to
  speaker_label TEXT,              -- PERSON or ORG
  cue           TEXT,              -- 'said', 'told', 'according to'
  UNIQUE(article_id, seq)
);
CREATE INDEX IF NOT EXISTS quotes_by_speaker ON quotes(speaker, article_id);

-- An article's sentences and mentions are found through UNIQUE(article_id, seq);
-- sentences_by_article and mentions_by_article, on article_id (and entity_id),
-- only cost the ingest time (article_entities has an article's entities).
DROP INDEX IF EXISTS sentences_by_article;
DROP INDEX IF EXISTS mentions_by_article;
-- article_id and country make it cover the counts ingest brings up to date
-- (an entity's mentions, articles and commonest country) without reading
-- the rows: a re-ingest recounts every entity the changed files mention.
-- (mentions_by_entity, on the first two columns only, was its first form.)
DROP INDEX IF EXISTS mentions_by_entity;
CREATE INDEX IF NOT EXISTS mentions_of_entity ON mentions(entity_id, sentence_id, article_id, country);
CREATE INDEX IF NOT EXISTS mentions_by_sentence ON mentions(sentence_id, entity_id);
CREATE INDEX IF NOT EXISTS article_entities_by_entity ON article_entities(entity_id, article_id);
CREATE INDEX IF NOT EXISTS articles_by_published ON articles(published);
CREATE INDEX IF NOT EXISTS entities_by_label ON entities(label, mentions);

CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
  text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

-- FTS5 merges its index segments 16 at a time (its default is 4): the ingest,
-- which adds a segment per batch, spends a tenth less time in the writer, and
-- a query reads a few more segments (10 against 8 at 20,000 articles).
INSERT INTO sentences_fts(sentences_fts, rank)
  SELECT 'automerge', 16 WHERE NOT EXISTS (SELECT 1 FROM sentences_fts_config WHERE k = 'automerge');

CREATE TRIGGER IF NOT EXISTS sentences_fts_insert AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- The label scheme of the entities. lede's labels were CoNLL's (PERSON, ORG,
-- LOC, MISC) with NORP, DATE, TIME, MONEY, PERCENT and QUANTITY until they
-- became OntoNotes 5.0's 18 types; a database ingested before has articles
-- and no label_scheme row, and sql/check.sql refuses to add the new labels
-- to it (sql/upgrade.sql re-extracts its entities). Only a database with no
-- articles and no entities yet is marked here as holding the current scheme.
CREATE TABLE IF NOT EXISTS lede_meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO lede_meta(key, value)
  SELECT 'label_scheme', 'ontonotes'
  WHERE NOT EXISTS (SELECT 1 FROM articles) AND NOT EXISTS (SELECT 1 FROM entities);
