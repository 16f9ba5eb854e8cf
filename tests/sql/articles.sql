.load ./build/lede
.mode list
.headers on
.nullvalue NULL

.print '-- schema: the arguments are HIDDEN columns'
SELECT cid, name, type, hidden FROM pragma_table_xinfo('lede_articles');

.print '-- every regular non-hidden file, sorted by path (.draft.txt is hidden)'
SELECT path, size, mtime GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z' AS iso_mtime
FROM lede_articles('tests/data/articles');

.print '-- the parsed fields (rules: docs/reference/lede_articles.md)'
SELECT path, title, published, dateline, source, authors, words, error
FROM lede_articles('tests/data/articles', '**/*.txt');

.print '-- body: title, dateline, credits and boilerplate out, paragraphs kept'
SELECT path, body FROM lede_articles('tests/data/articles')
WHERE path IN ('2024/03/harbour-festival.txt', '2024/11/rail-link.txt', 'antara-credits.txt',
               '2025/01/summit-label.txt', '2024/03/menafn-water.txt');

.print '-- raw is the file exactly (BOM, CRLF); body has neither'
SELECT length(raw) AS raw_bytes, hex(substr(raw, 1, 3)) AS raw_start, instr(raw, char(13)) > 0 AS raw_has_cr,
       instr(body, char(13)) AS body_cr, unicode(body) AS body_first, typeof(raw) AS raw_type
FROM lede_articles('tests/data/articles') WHERE path = 'crlf-bom.txt';

.print '-- identical files give the same hash (FNV-1a 64); the empty file gives the offset basis'
SELECT path, hash FROM lede_articles('tests/data/articles')
WHERE path IN ('no-title.txt', 'no-title-copy.txt', 'empty.txt', 'notes.md');

.print '-- empty file: no title, empty body, no words, authors []'
SELECT quote(title) AS title, quote(body) AS body, words, authors, quote(raw) AS raw
FROM lede_articles('tests/data/articles') WHERE path = 'empty.txt';

.print '-- patterns: * stays in a folder, ** crosses them, classes, default is every file'
SELECT path FROM lede_articles('tests/data/articles', '*.txt');
SELECT path FROM lede_articles('tests/data/articles', '2025/**');
SELECT path FROM lede_articles('tests/data/articles', '[0-9]*/0[13]/*-*.txt');
SELECT path FROM lede_articles('tests/data/articles', '*.md');
SELECT count(*) AS n FROM lede_articles('tests/data/articles', '**');
SELECT count(*) AS n FROM lede_articles('tests/data/articles', 'nothing/**');

.print '-- WHERE path = looks up one entry (bit 3), however deep; others give no rows'
SELECT path, title FROM lede_articles('tests/data/articles') WHERE path = '2025/01/reuters-style.txt';
SELECT count(*) AS n FROM lede_articles('tests/data/articles') WHERE path = 'missing.txt';
SELECT count(*) AS n FROM lede_articles('tests/data/articles') WHERE path = '.draft.txt';
SELECT count(*) AS n FROM lede_articles('tests/data/articles') WHERE path = '../data/articles/empty.txt';
SELECT count(*) AS n FROM lede_articles('tests/data/articles') WHERE path = '2025//01/reuters-style.txt';
SELECT count(*) AS n FROM lede_articles('tests/data/articles') WHERE path = '2025/01';
SELECT count(*) AS n FROM lede_articles('tests/data/articles', '*.md') WHERE path = 'empty.txt';
SELECT path FROM lede_articles('tests/data/articles') WHERE path IN ('notes.md', 'empty.txt', 'nope.txt') ORDER BY path;
SELECT count(*) AS n FROM lede_articles('tests/data/articles') WHERE path = 'Empty.txt' COLLATE NOCASE;

.print '-- plans: idxNum = root 1, pattern 2, max_size 4, path 8, stat 16, read 32, parse 64, words 128'
EXPLAIN QUERY PLAN SELECT count(*) FROM lede_articles('tests/data/articles');
EXPLAIN QUERY PLAN SELECT path, size, mtime FROM lede_articles('tests/data/articles');
EXPLAIN QUERY PLAN SELECT path, size FROM lede_articles('tests/data/articles') WHERE path = 'x';
EXPLAIN QUERY PLAN SELECT hash, error FROM lede_articles('tests/data/articles', '*.txt');
EXPLAIN QUERY PLAN SELECT body FROM lede_articles('tests/data/articles', '*', 100);
EXPLAIN QUERY PLAN SELECT words FROM lede_articles('tests/data/articles');
EXPLAIN QUERY PLAN SELECT path FROM lede_articles('tests/data/articles') ORDER BY path;
EXPLAIN QUERY PLAN SELECT path FROM lede_articles('tests/data/articles') ORDER BY path DESC;
EXPLAIN QUERY PLAN SELECT path FROM lede_articles('tests/data/articles') WHERE path = 'x' COLLATE NOCASE;

.print '-- hidden columns hold the arguments in effect'
SELECT root, pattern, max_size FROM lede_articles('tests/data/articles', '*.md');
SELECT root, quote(pattern) AS pattern, max_size FROM lede_articles('tests/data/articles') LIMIT 1;
SELECT root, pattern, max_size FROM lede_articles('tests/data/articles', '*.md', 500);

.print '-- max_size: an over-limit file keeps its row, with error and content NULL'
SELECT path, size, error, hash IS NULL AS no_hash, title IS NULL AS no_title, body IS NULL AS no_body,
       raw IS NULL AS no_raw, authors IS NULL AS no_authors, words IS NULL AS no_words
FROM lede_articles('tests/data/articles', '*.txt', 480);

.print '-- NULL arguments give no rows'
SELECT count(*) AS n FROM lede_articles(NULL);
SELECT count(*) AS n FROM lede_articles('tests/data/articles', NULL);
SELECT count(*) AS n FROM lede_articles('tests/data/articles', '*', NULL);
SELECT count(*) AS n FROM lede_articles('tests/data/articles') WHERE path = NULL;

.print '-- argument errors'
SELECT * FROM lede_articles;
SELECT * FROM lede_articles('tests/data/articles', '/etc/*');
SELECT * FROM lede_articles('tests/data/articles', '');
SELECT * FROM lede_articles('tests/data/articles', '*', 0);
SELECT * FROM lede_articles('tests/data/articles', '*', 'big');
SELECT * FROM lede_articles('tests/data/no-such-folder');
SELECT * FROM lede_articles('tests/data/articles/notes.md');

.print '-- a join feeds root from another table'
CREATE TABLE roots(r);
INSERT INTO roots VALUES ('tests/data/articles');
SELECT count(*) AS n FROM roots, lede_articles(roots.r, '**/*.txt');
DROP TABLE roots;

.print '-- CREATE VIRTUAL TABLE with arguments'
CREATE VIRTUAL TABLE news USING lede_articles(root='tests/data/articles', pattern='2025/**', max_size=400);
SELECT path, size, title, error FROM news;
SELECT path FROM news WHERE path = '2025/01/front-matter.txt';
SELECT count(*) AS n FROM news('tests/data/articles', '*.md');
DROP TABLE news;
CREATE VIRTUAL TABLE bare USING lede_articles;
SELECT * FROM bare;
CREATE VIRTUAL TABLE bad USING lede_articles(root='x', colour='red');
CREATE VIRTUAL TABLE bad USING lede_articles(max_size=-1);
CREATE VIRTUAL TABLE bad USING lede_articles(pattern='/x');
CREATE VIRTUAL TABLE bad USING lede_articles('x');

.print '-- direct-only: views and triggers cannot read files through it, even trusted'
CREATE VIEW v_articles AS SELECT path FROM lede_articles('tests/data/articles');
SELECT * FROM v_articles;
CREATE TABLE t(x);
CREATE TABLE log(p);
CREATE TRIGGER t_read AFTER INSERT ON t BEGIN
  INSERT INTO log SELECT path FROM lede_articles('tests/data/articles');
END;
INSERT INTO t VALUES (1);
SELECT count(*) AS logged FROM log;
.print '-- while lede_sentences in a view works with trusted_schema off'
PRAGMA trusted_schema = OFF;
CREATE VIEW v_sent AS SELECT text FROM lede_sentences('One. Two.');
SELECT * FROM v_sent;

.print '-- the seeds'
SELECT path, title, published, dateline, source, authors, words FROM lede_articles('seeds');

.cd @LEDE_TEST_TMP@
.print '-- faults made at test time: each gives its row with error, content NULL, the scan goes on'
SELECT path, size, mtime, hash, title, error FROM lede_articles('faults', '**', 1000);

.print '-- lazy: path and size never open a file (no read bit 32 in the plan): no content error shows'
EXPLAIN QUERY PLAN SELECT path, size FROM lede_articles('faults', '**', 1000);
SELECT path, size FROM lede_articles('faults', '**', 1000);
SELECT path, error FROM lede_articles('faults', '**', 1000) WHERE error IS NOT NULL;

.print '-- a symlink to a file reads as its target; to a folder: a row, not followed'
SELECT path, title, hash = (SELECT hash FROM lede_articles('faults') WHERE path = 'good.txt') AS same_as_target
FROM lede_articles('faults') WHERE path = 'alias.txt';
SELECT path, error FROM lede_articles('faults') WHERE path = 'linked/';
SELECT count(*) AS n FROM lede_articles('faults') WHERE path = 'linked/in.txt';
CREATE VIRTUAL TABLE followed USING lede_articles(root='faults', pattern='**/in.txt', follow_links=1);
SELECT path, title FROM followed;
SELECT path FROM followed WHERE path = 'linked/in.txt';

.print '-- root that is a file, root that is missing'
SELECT * FROM lede_articles('root-file.txt');
SELECT * FROM lede_articles('faults/missing');
