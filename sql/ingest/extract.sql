-- ingest/extract.sql: the sentences, entities and quotes of the articles
-- listed in temp.lede_built, which have none yet: fills sentences, entities,
-- mentions, article_entities and quotes, and lists in temp.lede_touched every
-- entity they mention (ingest/finish.sql brings its counts up to date).
-- Read by ingest/batch.sql and by sql/upgrade.sql.
INSERT INTO sentences(article_id, seq, start, "end", text)
  SELECT a.id, s.seq, s.start, s."end", s.text
  FROM temp.lede_built AS b JOIN articles AS a ON a.id = b.id, lede_sentences(a.body) AS s;

CREATE TEMP TABLE IF NOT EXISTS lede_found(
  article_id INTEGER, seq INTEGER, start INTEGER, "end" INTEGER, text TEXT, label TEXT,
  canonical TEXT, value TEXT, unit TEXT, country TEXT, sentence INTEGER, lat REAL, lon REAL,
  geonames INTEGER);
DELETE FROM temp.lede_found;
INSERT INTO temp.lede_found
  SELECT a.id, e.seq, e.start, e."end", e.text, e.label, coalesce(e.canonical, e.text),
         e.value, e.unit, e.country, e.sentence, e.lat, e.lon, e.geonames
  FROM temp.lede_built AS b JOIN articles AS a ON a.id = b.id,
       lede_entities(a.body, a.published) AS e;

INSERT INTO entities(canonical, label)
  SELECT DISTINCT canonical, label FROM temp.lede_found WHERE true
  ON CONFLICT(canonical, label) DO NOTHING;
INSERT INTO mentions(article_id, sentence_id, entity_id, seq, start, "end", text, value, unit,
                     country, lat, lon, geonames)
  SELECT f.article_id, s.id, e.id, f.seq, f.start, f."end", f.text, f.value, f.unit, f.country,
         f.lat, f.lon, f.geonames
  FROM temp.lede_found AS f
  JOIN sentences AS s ON s.article_id = f.article_id AND s.seq = f.sentence
  JOIN entities AS e ON e.canonical = f.canonical AND e.label = f.label;
INSERT INTO article_entities(article_id, entity_id, mentions)
  SELECT m.article_id, m.entity_id, count(*) FROM mentions AS m
  WHERE m.article_id IN (SELECT id FROM temp.lede_built)
  GROUP BY m.article_id, m.entity_id;
INSERT OR IGNORE INTO temp.lede_touched
  SELECT DISTINCT e.id FROM temp.lede_found AS f
  JOIN entities AS e ON e.canonical = f.canonical AND e.label = f.label;

DELETE FROM quotes WHERE article_id IN (SELECT id FROM temp.lede_built);
INSERT INTO quotes(article_id, sentence_id, seq, start, "end", text, kind, source, speaker,
                   speaker_label, cue)
  SELECT a.id, s.id, q.seq, q.start, q."end", q.text, q.kind, q.source, q.speaker,
         q.speaker_label, q.cue
  FROM temp.lede_built AS b JOIN articles AS a ON a.id = b.id,
       lede_quotes(a.body) AS q
  JOIN sentences AS s ON s.article_id = a.id AND s.seq = q.sentence;
