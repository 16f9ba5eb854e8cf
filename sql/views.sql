-- views.sql: questions most analyses start from, over the tables of
-- schema.sql. Safe to run again: each view is made anew, so a database
-- always has the definitions of this file.
--
-- Names are the eleven OntoNotes name types: PERSON, NORP (nationalities,
-- groups), FAC (buildings, airports), ORG, GPE (countries, cities, states),
-- LOC (other places), PRODUCT, EVENT, WORK_OF_ART, LAW, LANGUAGE. Names are
-- what co-occurrence and the timeline count; dates, times, amounts and
-- numbers (DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL) are left
-- out of them ("Tuesday" or "two" meeting a minister says nothing).
--
--   entity_counts          per label (all 18): entities, mentions, distinct articles
--   cooccurrence_sentence  pairs of names in the same sentence: count, an example sentence
--   cooccurrence_article   pairs of names in the same article: count, an example title
--   timeline               mentions of each name per published date
--   money                  every amount of money (MONEY) with its sentence
--   quoted                 every quote with its article and the names its content mentions
--   speakers               each speaker: quotes, articles, an example
--   places                 each place named (GPE, LOC, FAC with a point): its country, point,
--                          GeoNames id, mentions, articles, first and last published date
--
--   sqlite3 news.db < sql/views.sql

-- the tables first: a database from an older lede gains what the views need;
-- one whose labels are not today's is refused (sql/check.sql), as the views
-- would silently miss its LOC and MISC entities
.bail on
.read sql/schema.sql
.read sql/check.sql

DROP VIEW IF EXISTS entity_counts;
-- articles: the distinct articles that mention an entity of the label (a sum
-- of each entity's articles would count an article once per entity).
CREATE VIEW entity_counts AS
SELECT e.label, count(*) AS entities, sum(e.mentions) AS mentions,
       (SELECT count(DISTINCT ae.article_id)
        FROM entities AS x JOIN article_entities AS ae ON ae.entity_id = x.id
        WHERE x.label = e.label) AS articles
FROM entities AS e
GROUP BY e.label;

-- Both orders of each pair are rows, so "WHERE entity = 'X'" finds all of X's.
-- The example is the first sentence (by article path, then position) where
-- both appear. Grouped by the names themselves, so that SQLite moves a
-- condition on entity or other into the join and reads only X's mentions:
-- asking for one entity's pairs costs what that entity's mentions cost, not a
-- pass over the whole corpus.
DROP VIEW IF EXISTS cooccurrence_sentence;
CREATE VIEW cooccurrence_sentence AS
SELECT entity, entity_label, other, other_label, sentences, example FROM (
  SELECT ea.canonical AS entity, ea.label AS entity_label, eb.canonical AS other,
         eb.label AS other_label, count(DISTINCT x.sentence_id) AS sentences,
         min(printf('%s%c%010d', ar.path, 31, s.seq)) AS first_key, s.text AS example
  FROM entities AS ea
  JOIN mentions AS x ON x.entity_id = ea.id
  JOIN mentions AS y ON y.sentence_id = x.sentence_id AND y.entity_id <> x.entity_id
  JOIN entities AS eb ON eb.id = y.entity_id
  JOIN sentences AS s ON s.id = x.sentence_id
  JOIN articles AS ar ON ar.id = s.article_id
  WHERE ea.label IN ('PERSON', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT',
                     'WORK_OF_ART', 'LAW', 'LANGUAGE')
    AND eb.label IN ('PERSON', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT',
                     'WORK_OF_ART', 'LAW', 'LANGUAGE')
  GROUP BY ea.canonical, ea.label, eb.canonical, eb.label);

-- The same over articles (article_entities has one row per article and
-- entity); the example is the title of the first article (by path).
DROP VIEW IF EXISTS cooccurrence_article;
CREATE VIEW cooccurrence_article AS
SELECT entity, entity_label, other, other_label, articles, example FROM (
  SELECT ea.canonical AS entity, ea.label AS entity_label, eb.canonical AS other,
         eb.label AS other_label, count(*) AS articles,
         min(ar.path) AS first_path, coalesce(ar.title, ar.path) AS example
  FROM entities AS ea
  JOIN article_entities AS x ON x.entity_id = ea.id
  JOIN article_entities AS y ON y.article_id = x.article_id AND y.entity_id <> x.entity_id
  JOIN entities AS eb ON eb.id = y.entity_id
  JOIN articles AS ar ON ar.id = x.article_id
  WHERE ea.label IN ('PERSON', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT',
                     'WORK_OF_ART', 'LAW', 'LANGUAGE')
    AND eb.label IN ('PERSON', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT',
                     'WORK_OF_ART', 'LAW', 'LANGUAGE')
  GROUP BY ea.canonical, ea.label, eb.canonical, eb.label);

DROP VIEW IF EXISTS timeline;
CREATE VIEW timeline AS
SELECT a.published AS day, e.canonical AS entity, e.label,
       count(*) AS mentions, count(DISTINCT a.id) AS articles
FROM mentions AS m
JOIN articles AS a ON a.id = m.article_id
JOIN entities AS e ON e.id = m.entity_id
WHERE a.published IS NOT NULL
  AND e.label IN ('PERSON', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT',
                  'WORK_OF_ART', 'LAW', 'LANGUAGE')
GROUP BY a.published, e.id;

DROP VIEW IF EXISTS money;
CREATE VIEW money AS
SELECT a.path, a.title, a.published, m.text AS amount, CAST(m.value AS NUMERIC) AS value,
       m.unit AS currency, s.text AS sentence
FROM mentions AS m
JOIN entities AS e ON e.id = m.entity_id
JOIN articles AS a ON a.id = m.article_id
JOIN sentences AS s ON s.id = m.sentence_id
WHERE e.label = 'MONEY';

DROP VIEW IF EXISTS quoted;
CREATE VIEW quoted AS
SELECT q.id, a.path, a.title, a.published, q.speaker, q.speaker_label, q.source, q.cue, q.kind,
       q.text,
       (SELECT group_concat(name, '; ') FROM
          (SELECT DISTINCT e.canonical AS name FROM mentions AS m
           JOIN entities AS e ON e.id = m.entity_id
           WHERE m.article_id = q.article_id AND m.start >= q.start AND m."end" <= q."end"
             AND e.label IN ('PERSON', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT',
                             'WORK_OF_ART', 'LAW', 'LANGUAGE')
           ORDER BY m.start)) AS about
FROM quotes AS q JOIN articles AS a ON a.id = q.article_id;

DROP VIEW IF EXISTS speakers;
CREATE VIEW speakers AS
SELECT speaker, speaker_label AS label, count(*) AS quotes, count(DISTINCT article_id) AS articles,
       (SELECT q2.text FROM quotes AS q2 WHERE q2.speaker = q.speaker
        ORDER BY q2.kind = 'direct' DESC, length(q2.text) > 160, q2.article_id, q2.seq
        LIMIT 1) AS example
FROM quotes AS q WHERE speaker IS NOT NULL
GROUP BY speaker;

-- One row per place, not per name: "Paris" in France and "Paris" in Texas are two rows (the
-- entity "Paris" is one), and "U.S." and "United States" one. Nationalities (NORP), which
-- may carry their country's point, are not places here.
DROP VIEW IF EXISTS places;
CREATE VIEW places AS
SELECT e.canonical AS place, m.country, m.lat, m.lon, m.geonames,
       count(*) AS mentions, count(DISTINCT m.article_id) AS articles,
       min(a.published) AS first, max(a.published) AS last
FROM mentions AS m
JOIN entities AS e ON e.id = m.entity_id
JOIN articles AS a ON a.id = m.article_id
WHERE m.lat IS NOT NULL AND e.label IN ('GPE', 'LOC', 'FAC')
GROUP BY e.canonical, m.country, m.lat, m.lon;
