-- The report `make run` prints: one row per article of the folder :root,
-- with its title, published date, source and its sentence and word counts.
--
--   sqlite3 :memory: -cmd ".load ./build/lede" -cmd ".parameter set :root 'seeds'" < sql/report.sql
.mode box --wrap 44 --wordwrap on
.headers on
.nullvalue -
.print
SELECT a.path AS article,
       coalesce(a.title, '(no title)') AS title,
       a.published,
       a.source,
       (SELECT count(*) FROM lede_sentences(a.body)) AS sentences,
       a.words,
       a.error
FROM lede_articles(:root) AS a
ORDER BY a.path;
SELECT count(*) AS articles,
       sum((SELECT count(*) FROM lede_sentences(a.body))) AS sentences,
       sum(a.words) AS words,
       sum(a.error IS NOT NULL) AS unreadable
FROM lede_articles(:root) AS a;
