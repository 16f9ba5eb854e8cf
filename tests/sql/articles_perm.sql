.load ./build/lede
.mode list
.headers on
.nullvalue NULL
.cd @LEDE_TEST_TMP@

.print '-- path and size do not open files: the mode-000 file lists like any other'
EXPLAIN QUERY PLAN SELECT path, size FROM lede_articles('perm');
SELECT path, size FROM lede_articles('perm');

.print '-- content read: the unreadable file and folder give their rows with error'
SELECT path, size, title, error FROM lede_articles('perm');
SELECT path, error FROM lede_articles('perm') WHERE path = 'locked.txt';
SELECT path, error FROM lede_articles('perm') WHERE path = 'locked-folder/';
SELECT count(*) AS n FROM lede_articles('perm') WHERE path = 'locked-folder/inside.txt';

.print '-- a pattern that cannot use the locked folder gives no row for it'
SELECT path, error FROM lede_articles('perm', '*.txt');
