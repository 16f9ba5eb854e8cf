-- Who said what: everything Antony Blinken is quoted as saying, then who was
-- quoted about North Korea (quotes whose content names it, however it is
-- written), from the quotes table and the quoted view (sql/views.sql).
--
--   sqlite3 news.db < examples/who_said_what.sql
.mode box --wrap 60 --wordwrap on
.headers on
.nullvalue -
.print What did Antony Blinken say?
SELECT path AS article, kind, cue, text FROM quoted
WHERE speaker = 'Antony Blinken'
ORDER BY path, id;
.print
.print Who was quoted about North Korea?
SELECT coalesce(speaker, source, '(no source)') AS who, kind, text FROM quoted
WHERE id IN (SELECT q.id FROM quotes AS q
             JOIN mentions AS m ON m.article_id = q.article_id
                               AND m.start >= q.start AND m."end" <= q."end"
             JOIN entities AS e ON e.id = m.entity_id
             WHERE e.canonical = 'North Korea')
ORDER BY path, id;
