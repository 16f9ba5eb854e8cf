-- The sentences that mention North Korea (as an entity, however it is
-- written) and missiles (full-text search: missile, missiles), with the
-- article's title and date.
--
--   sqlite3 news.db < examples/north_korea_missiles.sql
.mode box --wrap 60 --wordwrap on
.headers on
.nullvalue -
SELECT coalesce(a.title, a.path) AS article, a.published,
       snippet(sentences_fts, 0, '[', ']', '…', 16) AS sentence
FROM sentences_fts
JOIN sentences AS s ON s.id = sentences_fts.rowid
JOIN articles AS a ON a.id = s.article_id
WHERE sentences_fts MATCH 'missile*'
  AND s.id IN (SELECT m.sentence_id FROM mentions AS m JOIN entities AS e ON e.id = m.entity_id
               WHERE e.canonical = 'North Korea')
ORDER BY a.path, s.seq;
