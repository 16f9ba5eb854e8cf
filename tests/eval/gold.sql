-- Scores lede_entities end to end, through SQL, on the project's own gold
-- set (tests/data/gold/*.txt with *.tsv: each article's expected entities,
-- the first line giving its anchor date). Per label: exact-match precision,
-- recall, F1; for the entities found exactly, how often canonical, value,
-- unit and country agree with the gold.
.mode list
.headers on
.nullvalue -
CREATE TEMP TABLE files AS
  SELECT substr(name, 1, length(name) - 4) AS doc, name FROM fsdir('tests/data/gold')
  WHERE name LIKE '%.tsv' ORDER BY name;
CREATE TEMP TABLE gold_lines AS
WITH RECURSIVE split(doc, rest, line, n) AS (
  SELECT f.doc, CAST(readfile(f.name) AS TEXT) || char(10), NULL, 0 FROM files AS f
  UNION ALL
  SELECT doc, substr(rest, instr(rest, char(10)) + 1), substr(rest, 1, instr(rest, char(10)) - 1), n + 1
  FROM split WHERE rest <> '')
SELECT doc, line, n FROM split WHERE line IS NOT NULL AND line <> '';
CREATE TEMP TABLE anchors AS
  SELECT doc, trim(substr(line, instr(line, char(9)) + 1)) AS anchor FROM gold_lines
  WHERE line LIKE '# anchor%';
-- a TSV row as a JSON array of its fields
CREATE TEMP TABLE gold AS
  SELECT doc, json_extract(j, '$[0]') + 0 AS start, json_extract(j, '$[1]') + 0 AS "end",
         json_extract(j, '$[2]') AS text, json_extract(j, '$[3]') AS label,
         nullif(json_extract(j, '$[4]'), '') AS canonical, nullif(json_extract(j, '$[5]'), '') AS value,
         nullif(json_extract(j, '$[6]'), '') AS unit, nullif(json_extract(j, '$[7]'), '') AS country
  FROM (SELECT doc, '["' || replace(replace(replace(line, '\', '\\'), '"', '\"'), char(9), '","') || '"]' AS j
        FROM gold_lines WHERE line NOT LIKE '#%' AND line NOT LIKE 'start' || char(9) || '%');
CREATE TEMP TABLE found AS
  SELECT f.doc, e.start, e."end", e.text, e.label, e.canonical, e.value, e.unit, e.country
  FROM files AS f JOIN anchors AS a USING (doc),
       lede_entities(CAST(readfile(f.doc || '.txt') AS TEXT), a.anchor) AS e;
CREATE TEMP TABLE scored AS
  SELECT label,
         (SELECT count(*) FROM gold AS g WHERE g.label = l.label) AS gold,
         (SELECT count(*) FROM found AS f WHERE f.label = l.label) AS found,
         (SELECT count(*) FROM gold AS g JOIN found AS f USING (doc, start, "end", label) WHERE g.label = l.label) AS correct
  FROM (SELECT DISTINCT label FROM gold UNION SELECT DISTINCT label FROM found) AS l;
SELECT label, gold, found, correct,
       printf('%.3f', 1.0 * correct / nullif(found, 0)) AS precision,
       printf('%.3f', 1.0 * correct / nullif(gold, 0)) AS recall,
       printf('%.3f', 2.0 * correct / nullif(gold + found, 0)) AS f1
FROM scored
UNION ALL
SELECT 'all', sum(gold), sum(found), sum(correct),
       printf('%.3f', 1.0 * sum(correct) / sum(found)), printf('%.3f', 1.0 * sum(correct) / sum(gold)),
       printf('%.3f', 2.0 * sum(correct) / (sum(gold) + sum(found)))
FROM scored;
SELECT count(*) AS matched,
       sum(g.canonical IS f.canonical) AS canonical_agrees,
       sum(g.value IS f.value) AS value_agrees,
       sum(g.unit IS f.unit) AS unit_agrees,
       sum(g.country IS f.country) AS country_agrees
FROM gold AS g JOIN found AS f USING (doc, start, "end", label);
