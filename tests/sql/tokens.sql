.load ./build/lede
.mode list
.headers on
.nullvalue NULL

.print '-- kinds, norms and offsets'
SELECT seq, start, "end", text, norm, kind FROM lede_tokens(
  'ＡＢＣ News: Ünal''s firm paid €2,500 on 2024-03-15 — see https://example.org/x, mail a.b@example.com.');

.print '-- hidden argument column'
SELECT name, type, hidden FROM pragma_table_xinfo('lede_tokens');

.print '-- NULL, numbers and blobs'
SELECT count(*) AS n FROM lede_tokens(NULL);
SELECT text, kind FROM lede_tokens(12.5);
SELECT text, kind FROM lede_tokens(CAST('blob text' AS BLOB));

.print '-- join: the argument comes from another table'
CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO docs(body) VALUES ('One two.'), (NULL), ('Three');
SELECT d.id, t.seq, t.text FROM docs AS d, lede_tokens(d.body) AS t ORDER BY d.id, t.seq;

.print '-- missing argument, wrong use'
SELECT * FROM lede_tokens;
SELECT * FROM lede_tokens('a', 'b');
