-- Scores lede_sentences on the English Golden Rules, through SQL.
-- Run by tests/eval/run.sh with :rules set to the JSON-lines file.
.mode list
.headers off
CREATE TEMP TABLE rules AS
WITH RECURSIVE src(rest, line) AS (
  SELECT CAST(readfile(:rules) AS TEXT) || char(10), NULL
  UNION ALL
  SELECT substr(rest, instr(rest, char(10)) + 1), substr(rest, 1, instr(rest, char(10)) - 1)
  FROM src WHERE rest <> ''
)
SELECT json_extract(line, '$.id') AS id, json_extract(line, '$.name') AS name,
       json_extract(line, '$.text') AS input, json(json_extract(line, '$.sentences')) AS expected,
       (SELECT json_group_array(text)
        FROM (SELECT text FROM lede_sentences(json_extract(line, '$.text')) ORDER BY seq)) AS actual
FROM src WHERE line IS NOT NULL AND trim(line) <> '';
SELECT 'golden rules: ' || sum(expected = actual) || ' of ' || count(*) || ' pass'
       || coalesce('; failing ids: ' || group_concat(CASE WHEN expected <> actual THEN id END, ' '), '')
FROM rules;
SELECT '  FAIL ' || id || ' ' || name || char(10) || '    expected ' || expected || char(10)
       || '    got      ' || actual
FROM rules WHERE expected <> actual;
