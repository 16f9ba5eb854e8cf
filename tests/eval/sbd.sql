-- Scores lede_sentences on the English Golden Rules, through SQL.
-- Run by tests/eval/run.sh with :rules set to the JSON-lines file.
.mode list
.headers off
WITH RECURSIVE
  src(rest, line) AS (
    SELECT CAST(readfile(:rules) AS TEXT) || char(10), NULL
    UNION ALL
    SELECT substr(rest, instr(rest, char(10)) + 1), substr(rest, 1, instr(rest, char(10)) - 1)
    FROM src WHERE rest <> ''
  ),
  rules(id, name, input, expected) AS (
    SELECT json_extract(line, '$.id'), json_extract(line, '$.name'),
           json_extract(line, '$.text'), json_extract(line, '$.sentences')
    FROM src WHERE line IS NOT NULL AND trim(line) <> ''
  ),
  got(id, name, expected, actual) AS (
    SELECT id, name, json(expected),
           (SELECT json_group_array(text) FROM (SELECT text FROM lede_sentences(rules.input) ORDER BY seq))
    FROM rules
  )
SELECT 'golden rules: ' || sum(expected = actual) || ' of ' || count(*) || ' pass'
       || coalesce('; failing ids: ' || group_concat(CASE WHEN expected <> actual THEN id END, ' '), '')
FROM got;
WITH RECURSIVE
  src(rest, line) AS (
    SELECT CAST(readfile(:rules) AS TEXT) || char(10), NULL
    UNION ALL
    SELECT substr(rest, instr(rest, char(10)) + 1), substr(rest, 1, instr(rest, char(10)) - 1)
    FROM src WHERE rest <> ''
  ),
  rules(id, name, input, expected) AS (
    SELECT json_extract(line, '$.id'), json_extract(line, '$.name'),
           json_extract(line, '$.text'), json_extract(line, '$.sentences')
    FROM src WHERE line IS NOT NULL AND trim(line) <> ''
  )
SELECT '  FAIL ' || id || ' ' || name || char(10) || '    expected ' || json(expected) || char(10) || '    got      ' ||
       (SELECT json_group_array(text) FROM (SELECT text FROM lede_sentences(rules.input) ORDER BY seq))
FROM rules
WHERE json(expected) <> (SELECT json_group_array(text) FROM (SELECT text FROM lede_sentences(rules.input) ORDER BY seq));
