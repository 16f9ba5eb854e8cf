.load ./build/lede
.mode list
.headers on

-- Pseudo-random texts from a fixed seed (a linear congruential generator in
-- a recursive CTE), built from pieces that stress the rules: abbreviations,
-- quotes, list markers, multi-byte characters and invalid UTF-8 bytes.
CREATE TABLE pieces(k INTEGER PRIMARY KEY, p TEXT);
INSERT INTO pieces(p) VALUES ('Word'), ('word'), (' '), ('  '), (char(10)), (char(10,10)),
  ('. '), ('? '), ('! '), ('...'), (' . . . '), ('U.S. '), ('Mr. '), ('a.m. '), ('E. '),
  ('"'), ('”'), ('('), (')'), ('1. '), ('2) '), ('• '), ('3.5'), ('$'), ('é'), ('中'),
  ('😀'), (CAST(x'FF' AS TEXT)), (CAST(x'C3' AS TEXT)), (CAST(x'80' AS TEXT)),
  (CAST(x'E280' AS TEXT)), ('The '), ('''s '), ('x@y.io. '), ('http://a.b/c '), (char(13,10));
CREATE TABLE texts AS
WITH RECURSIVE gen(i, seed, len, txt) AS (
  SELECT 0, 12345, 0, ''
  UNION ALL
  SELECT CASE WHEN len >= 30 THEN i + 1 ELSE i END,
         (seed * 1103515245 + 12345) % 2147483648,
         CASE WHEN len >= 30 THEN 0 ELSE len + 1 END,
         CASE WHEN len >= 30 THEN ''
              ELSE txt || (SELECT p FROM pieces WHERE k = 1 + (seed / 65536) % (SELECT count(*) FROM pieces)) END
  FROM gen WHERE i < 300
)
SELECT i AS id, txt FROM gen WHERE len = 30;

.print '-- 300 random texts: substr(input, start + 1, end - start) = text for every row'
SELECT count(*) AS texts FROM texts;
SELECT count(*) > 1000 AS many_sentences, sum(substr(x.txt, s.start + 1, s."end" - s.start) = s.text) = count(*) AS sentences_agree
FROM texts AS x, lede_sentences(x.txt) AS s;
SELECT count(*) > 5000 AS many_tokens, sum(substr(x.txt, t.start + 1, t."end" - t.start) = t.text) = count(*) AS tokens_agree
FROM texts AS x, lede_tokens(x.txt) AS t;

.print '-- rows in order, without overlap, inside the input'
SELECT count(*) AS bad_sentences FROM (
  SELECT s.start, s."end", lag(s."end") OVER (PARTITION BY x.id ORDER BY s.seq) AS prev_end, length(x.txt) AS len
  FROM texts AS x, lede_sentences(x.txt) AS s)
WHERE start < coalesce(prev_end, 0) OR "end" <= start OR "end" > len;
SELECT count(*) AS bad_tokens FROM (
  SELECT t.start, t."end", lag(t."end") OVER (PARTITION BY x.id ORDER BY t.seq) AS prev_end, length(x.txt) AS len
  FROM texts AS x, lede_tokens(x.txt) AS t)
WHERE start < coalesce(prev_end, 0) OR "end" <= start OR "end" > len;

.print '-- every token lies in exactly one sentence'
SELECT count(*) AS tokens_outside_one_sentence FROM texts AS x, lede_tokens(x.txt) AS t
WHERE (SELECT count(*) FROM lede_sentences(x.txt) AS s WHERE t.start >= s.start AND t."end" <= s."end") <> 1;

.print '-- invalid UTF-8 keeps the character count of SQLite'
SELECT text, start, "end", kind FROM lede_tokens(CAST(x'41FF42C3A9C3' || x'2043' AS TEXT));
SELECT length(CAST(x'41FF42C3A9C3' || x'2043' AS TEXT)) AS sqlite_length;
