-- ingest/store.sql: moves what ingest/extract.sql found for the articles
-- listed in temp.lede_built (id in the database, n in stage) into the
-- database: sentences, entities, mentions, article_entities and quotes, and lists
-- in temp.lede_touched every entity they mention (ingest/finish.sql brings
-- its counts up to date). Rows are inserted in path order (n, then seq) and
-- a new entity gets its id in the order of its first mention, so that the
-- ids do not depend on how the files were shared out among workers.
-- Read by ingest/batch.sql and by sql/upgrade.sql.
--
-- Every join starts from the batch (temp.lede_built) and looks the rest up
-- by key: CROSS JOIN keeps SQLite to that order. Left to choose, with no
-- statistics, it scanned the whole sentences table once per batch to join
-- mentions and quotes, so a batch's cost grew with the database.
INSERT INTO sentences(article_id, seq, start, "end", text)
  SELECT b.id, s.seq, s.start, s."end", s.text
  FROM temp.lede_built AS b CROSS JOIN stage.sentences AS s ON s.n = b.n
  ORDER BY b.n, s.seq;

INSERT INTO entities(canonical, label)
  SELECT k.canonical, k.label
  FROM temp.lede_built AS b CROSS JOIN stage.keys AS k ON k.n = b.n
  ORDER BY b.n, k.seq
  ON CONFLICT(canonical, label) DO NOTHING;
-- the last mention's id before this batch's: the batch's mentions are those after it
CREATE TEMP TABLE IF NOT EXISTS lede_last(id INTEGER PRIMARY KEY);
DELETE FROM temp.lede_last;
INSERT INTO temp.lede_last SELECT coalesce(max(id), 0) FROM mentions;
INSERT INTO mentions(article_id, sentence_id, entity_id, seq, start, "end", text, value, unit,
                     country, lat, lon, geonames)
  SELECT b.id, s.id, e.id, f.seq, f.start, f."end", f.text, f.value, f.unit, f.country,
         f.lat, f.lon, f.geonames
  FROM temp.lede_built AS b
  CROSS JOIN stage.found AS f ON f.n = b.n
  CROSS JOIN sentences AS s ON s.article_id = b.id AND s.seq = f.sentence
  CROSS JOIN entities AS e ON e.canonical = f.canonical AND e.label = f.label
  ORDER BY b.n, f.seq;
-- (read from the table's rows, in id order, and grouped: mentions has no index on
-- (article_id, entity_id), which only the ingest needed)
INSERT INTO article_entities(article_id, entity_id, mentions)
  SELECT m.article_id, m.entity_id, count(*) FROM mentions AS m NOT INDEXED
  WHERE m.id > (SELECT max(id) FROM temp.lede_last)
  GROUP BY m.article_id, m.entity_id;
INSERT OR IGNORE INTO temp.lede_touched
  SELECT e.id FROM temp.lede_built AS b
  CROSS JOIN stage.keys AS k ON k.n = b.n
  CROSS JOIN entities AS e ON e.canonical = k.canonical AND e.label = k.label;

DELETE FROM quotes WHERE article_id IN (SELECT id FROM temp.lede_built);
INSERT INTO quotes(article_id, sentence_id, seq, start, "end", text, kind, source, speaker,
                   speaker_label, cue)
  SELECT b.id, s.id, q.seq, q.start, q."end", q.text, q.kind, q.source, q.speaker,
         q.speaker_label, q.cue
  FROM temp.lede_built AS b
  CROSS JOIN stage.quotes AS q ON q.n = b.n
  CROSS JOIN sentences AS s ON s.article_id = b.id AND s.seq = q.sentence
  ORDER BY b.n, q.seq;
