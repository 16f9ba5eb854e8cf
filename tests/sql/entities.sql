.load ./build/lede
.mode list
.headers on
.nullvalue NULL

.print '-- news copy: every entity and its label from the model (OntoNotes, the default)'
SELECT seq, start, "end", text, label, sentence FROM lede_entities(
  'Foreign Minister Helena Varga met her Polish counterpart in Warsaw on Monday, '
  || 'the ministry said.' || char(10)
  || 'Shares of Nordwind Energy fell 4% on the Frankfurt exchange after the company '
  || 'cut its forecast.' || char(10) || char(10)
  || 'WARSAW (Reuters) - Poland will host the Winter Olympics bid talks, '
  || 'said Jan Kowalski, a spokesman for the Olympic committee.');

.print '-- canonical names, values, units and countries'
SELECT text, label, canonical, value, unit, country FROM lede_entities(
  'Maria Santos of the Bank of Portugal flew to Lisbon on Friday with EUR 2.5 billion in '
  || 'loans, up 12 percent. Santos met Japanese and U.S. officials there.', '2024-11-20');

.print '-- the substr invariant holds on every row, with multi-byte text'
SELECT count(*) AS rows, sum(substr(t.v, e.start + 1, e."end" - e.start) = e.text) AS agree
FROM (SELECT 'Café owners in Zürich met Søren Ødegaard and José Núñez of Crédit Suisse. '
             || 'In São Paulo, “Petrobras” said on Tuesday that Dilma Rousseff would visit Brasília.'
             AS v) AS t,
     lede_entities(t.v) AS e;

.print '-- entities lie inside the sentence they name'
WITH t(v) AS (SELECT 'Talks in Geneva ended. Officials from Iran and the United States '
                     || 'left for Vienna. Ali Rezaei stayed.')
SELECT e.text, e.sentence, s.seq = e.sentence AS same
FROM t, lede_entities(t.v) AS e, lede_sentences(t.v) AS s
WHERE e.start >= s.start AND e."end" <= s."end";

.print '-- the same copy under scheme conll: PERSON, ORG, LOC and MISC only'
SELECT seq, text, label, sentence FROM lede_entities(
  'Foreign Minister Helena Varga met her Polish counterpart in Warsaw on Monday, '
  || 'the ministry said.' || char(10)
  || 'Shares of Nordwind Energy fell 4% on the Frankfurt exchange after the company '
  || 'cut its forecast.' || char(10) || char(10)
  || 'WARSAW (Reuters) - Poland will host the Winter Olympics bid talks, '
  || 'said Jan Kowalski, a spokesman for the Olympic committee.', NULL, 'conll');

.print '-- hidden argument columns'
SELECT name, type, hidden FROM pragma_table_xinfo('lede_entities');

.print '-- scheme: ontonotes by default and for NULL, conll on request, case ignored'
CREATE TABLE schemes(name);
INSERT INTO schemes VALUES (NULL), ('ontonotes'), ('OntoNotes'), ('conll'), ('CoNLL'), ('CONLL');
SELECT coalesce(name, 'NULL') AS scheme,
       (SELECT group_concat(text || '/' || label, ' ')
        FROM lede_entities('Antony Blinken met Japanese officials in Tokyo on Tuesday.',
                           '2025-01-07', name)) AS entities
FROM schemes;
SELECT group_concat(text || '/' || label, ' ') AS no_scheme
FROM lede_entities('Antony Blinken met Japanese officials in Tokyo on Tuesday.', '2025-01-07');

.print '-- scheme as a constraint, without anchor_date (idxNum bit 2 without bit 1)'
SELECT text, label FROM lede_entities
WHERE input = 'Antony Blinken met Japanese officials in Tokyo.' AND scheme = 'conll';
EXPLAIN QUERY PLAN SELECT text FROM lede_entities WHERE input = 'x' AND scheme = 'conll';
EXPLAIN QUERY PLAN SELECT text FROM lede_entities('x', NULL, 'conll');

.print '-- every label belongs to the scheme asked for, on the sample articles'
SELECT count(*) AS entities,
       sum(e.label NOT IN ('PERSON', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT',
                           'WORK_OF_ART', 'LAW', 'LANGUAGE', 'DATE', 'TIME', 'PERCENT',
                           'MONEY', 'QUANTITY', 'ORDINAL', 'CARDINAL')) AS not_ontonotes
FROM fsdir('seeds') AS f, lede_entities(CAST(f.data AS TEXT)) AS e WHERE f.name LIKE '%.txt';
SELECT count(*) AS entities,
       sum(e.label NOT IN ('PERSON', 'ORG', 'LOC', 'MISC')) AS not_conll
FROM fsdir('seeds') AS f, lede_entities(CAST(f.data AS TEXT), NULL, 'conll') AS e
WHERE f.name LIKE '%.txt';

.print '-- value: a number for ORDINAL and CARDINAL, as for the other value labels'
SELECT text, label, value, unit FROM lede_entities(
  'The first 3 of the 12 ships left on the 21st, carrying three hundred sailors and '
  || '1,200 tonnes of grain worth $5 million, 20% more than last year.', '2025-01-07')
WHERE label IN ('ORDINAL', 'CARDINAL', 'MONEY', 'PERCENT', 'QUANTITY', 'DATE');
.print '-- labels without a value have none'
SELECT count(*) AS named_with_value FROM lede_entities(
  'The first 3 of the 12 ships left Lisbon for Brazil on the 21st, said Ana Costa of Maersk.')
WHERE label NOT IN ('DATE', 'TIME', 'PERCENT', 'MONEY', 'QUANTITY', 'ORDINAL', 'CARDINAL')
  AND value IS NOT NULL;

.print '-- NULL gives no rows; numbers and blobs are read as text'
SELECT count(*) AS n FROM lede_entities(NULL);
SELECT count(*) AS n FROM lede_entities(NULL, '2025-01-07');
SELECT text, label, value FROM lede_entities(2025);
SELECT count(*) AS n FROM lede_entities(3.25);
SELECT text, label FROM lede_entities(CAST('Pedro Alves visited Madrid.' AS BLOB));

.print '-- anchor_date: NULL or a real date YYYY-MM-DD'
SELECT count(*) AS n FROM lede_entities('Anna Berg lives in Oslo.', '2024-02-29');
SELECT count(*) AS n FROM lede_entities('Anna Berg lives in Oslo.', NULL);
SELECT count(*) AS n FROM lede_entities('Anna Berg lives in Oslo.', '2025-13-01');
SELECT count(*) AS n FROM lede_entities('Anna Berg lives in Oslo.', '2023-02-29');
SELECT count(*) AS n FROM lede_entities('Anna Berg lives in Oslo.', '7 January 2025');
SELECT count(*) AS n FROM lede_entities('Anna Berg lives in Oslo.', 20250107);

.print '-- join: the argument comes from another table'
CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO docs(body) VALUES ('Kenya beat Uganda in Nairobi.'), (NULL), ('No names here.');
SELECT d.id, e.seq, e.text, e.label FROM docs AS d, lede_entities(d.body) AS e
ORDER BY d.id, e.seq;

.print '-- a user table named entities does not hide lede_entities'
CREATE TABLE entities(x);
SELECT count(*) AS n FROM lede_entities('Lena Fischer works for Siemens in Munich.');

.print '-- innocuous: usable in a view of an untrusted schema'
PRAGMA trusted_schema = OFF;
CREATE VIEW v_ent AS SELECT text, label FROM lede_entities('Ravi Kumar arrived in Delhi.');
SELECT * FROM v_ent;

.print '-- missing argument, too many arguments'
SELECT * FROM lede_entities;
SELECT * FROM lede_entities('a', '2025-01-07', 'conll', 'b');

.print '-- scheme: anything but ontonotes, conll or NULL is an error'
SELECT count(*) AS n FROM lede_entities('Anna Berg lives in Oslo.', NULL, 'b');
SELECT count(*) AS n FROM lede_entities('Anna Berg lives in Oslo.', '2025-01-07', 'spacy');
SELECT count(*) AS n FROM lede_entities('Anna Berg lives in Oslo.', NULL, '');
SELECT count(*) AS n FROM lede_entities('Anna Berg lives in Oslo.', NULL, ' conll');
SELECT count(*) AS n FROM lede_entities('Anna Berg lives in Oslo.', NULL, 1);
SELECT count(*) AS n FROM lede_entities(NULL, NULL, 'b');

.print '-- both arguments from tables joined in either order (the plan waits for both)'
CREATE TABLE stories(id INTEGER PRIMARY KEY, body TEXT);
CREATE TABLE dates(story INTEGER, day TEXT);
INSERT INTO stories VALUES (1, 'Talks resumed on Monday in Oslo.');
INSERT INTO dates VALUES (1, '2025-01-08');
SELECT e.text, e.value FROM stories AS s JOIN dates AS d ON d.story = s.id, lede_entities(s.body, d.day) AS e;
SELECT e.text, e.value FROM lede_entities(s.body, d.day) AS e, dates AS d, stories AS s WHERE d.story = s.id;

.print '-- an OR in the WHERE clause (the planner asks about each arm alone)'
SELECT e.text, e.label FROM lede_entities('Ana Ruiz met Jorge Paz in Lima.') AS e
WHERE e.text LIKE 'Ana%' OR e.label = 'GPE';

.print '-- places carry a point and a GeoNames id; the article decides between namesakes'
SELECT text, label, canonical, country, round(lat, 1) AS lat, round(lon, 1) AS lon,
       geonames IS NOT NULL AS has_geonames
FROM lede_entities('Firefighters from Dallas and Lamar County fought a grass fire near Paris '
  || 'on Sunday, the Texas Forest Service said.')
WHERE label IN ('GPE', 'LOC', 'FAC');
SELECT text, country, round(lat, 1) AS lat, round(lon, 1) AS lon
FROM lede_entities('Ministers gathered in Paris on Sunday for talks on Ukraine.')
WHERE label IN ('GPE', 'LOC', 'FAC');
.print '-- an organisation named after a place has its point and country; its name stays its own'
SELECT text, label, canonical, country, round(lat, 0) AS lat, round(lon, 0) AS lon
FROM lede_entities('ATHENS, Ga. — Officers of the Athens-Clarke County Police Department said '
  || 'on Monday that the Bank of Canada and the University of Georgia gave money.')
WHERE lat IS NOT NULL;
.print '-- a nationality carries the point of its country, no GeoNames id; other entities none'
SELECT text, label, country, lat IS NOT NULL AS has_point, geonames
FROM lede_entities('Turkish officials met Ana Ruiz of Acme Corp on Monday.');
.print '-- every point lies on the globe'
SELECT count(*) AS off_the_globe FROM lede_entities(
  'From Perth to Reykjavik, Santiago, Anchorage, Fiji and Tokyo, the Pacific and Asia.')
WHERE lat NOT BETWEEN -90 AND 90 OR lon NOT BETWEEN -180 AND 180;
