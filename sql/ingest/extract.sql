-- ingest/extract.sql: the sentences, entities and quotes of the articles
-- numbered :lo to :hi in stage.articles whose bytes changed (changed = 1)
-- and that have a body: fills stage.sentences, stage.found (and
-- stage.keys) and stage.quotes, keyed by the article's n (ingest/read.sql).
-- Only functions of the text are called here; ingest/store.sql moves the
-- rows into the database.
-- Read by ingest/read.sql and by sql/upgrade.sql.
CREATE TABLE IF NOT EXISTS stage.sentences(
  n INTEGER, seq INTEGER, start INTEGER, "end" INTEGER, text TEXT,
  PRIMARY KEY(n, seq)) WITHOUT ROWID;
INSERT INTO stage.sentences
  SELECT a.n, s.seq, s.start, s."end", s.text
  FROM stage.articles AS a, lede_sentences(a.body) AS s
  WHERE a.n BETWEEN :lo AND :hi AND a.changed AND a.body IS NOT NULL;

CREATE TABLE IF NOT EXISTS stage.found(
  n INTEGER, seq INTEGER, start INTEGER, "end" INTEGER, text TEXT, label TEXT,
  canonical TEXT, value TEXT, unit TEXT, country TEXT, sentence INTEGER, lat REAL, lon REAL,
  geonames INTEGER,
  PRIMARY KEY(n, seq)) WITHOUT ROWID;
INSERT INTO stage.found
  SELECT a.n, e.seq, e.start, e."end", e.text, e.label, coalesce(e.canonical, e.text),
         e.value, e.unit, e.country, e.sentence, e.lat, e.lon, e.geonames
  FROM stage.articles AS a, lede_entities(a.body, a.published) AS e
  WHERE a.n BETWEEN :lo AND :hi AND a.changed AND a.body IS NOT NULL;

-- The first mention of each entity key (canonical, label) among the
-- articles :lo to :hi, worked out here rather than by the one writer: the
-- writer (ingest/store.sql) adds the new keys to entities in this order, so
-- that an entity gets its id in the order of its first mention, and lists
-- them as touched. The writer may cut its batches otherwise: it takes the
-- articles in order of n, so a key first seen in an earlier article of the
-- range is in entities by the time a later article mentions it.
CREATE TABLE IF NOT EXISTS stage.keys(
  n INTEGER, seq INTEGER, canonical TEXT, label TEXT,
  PRIMARY KEY(n, seq)) WITHOUT ROWID;
INSERT INTO stage.keys
  SELECT first >> 32, first & 4294967295, canonical, label FROM (
    SELECT canonical, label, min((n << 32) + seq) AS first  -- n, then seq: both below 2^31
    FROM stage.found
    WHERE n BETWEEN :lo AND :hi
    GROUP BY canonical, label)
  ORDER BY first;

CREATE TABLE IF NOT EXISTS stage.quotes(
  n INTEGER, seq INTEGER, start INTEGER, "end" INTEGER, text TEXT, kind TEXT, source TEXT,
  speaker TEXT, speaker_label TEXT, cue TEXT, sentence INTEGER,
  PRIMARY KEY(n, seq)) WITHOUT ROWID;
INSERT INTO stage.quotes
  SELECT a.n, q.seq, q.start, q."end", q.text, q.kind, q.source, q.speaker, q.speaker_label,
         q.cue, q.sentence
  FROM stage.articles AS a, lede_quotes(a.body) AS q
  WHERE a.n BETWEEN :lo AND :hi AND a.changed AND a.body IS NOT NULL;
