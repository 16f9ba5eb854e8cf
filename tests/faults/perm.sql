.print -- run as an unprivileged user: a mode-000 file and folder
.print -- path and size do not open files: the unreadable file lists like any other
SELECT path, size FROM lede_articles('perm');
.print -- reading: the file and the folder give their rows with error, the others are intact
SELECT path, size, title, words, error FROM lede_articles('perm');
SELECT path, error FROM lede_articles('perm') WHERE path = 'locked.txt';
SELECT path, error FROM lede_articles('perm') WHERE path = 'locked-folder/';
SELECT count(*) FROM lede_articles('perm') WHERE path = 'locked-folder/inside.txt';
.print -- a root that cannot be opened is an SQL error that names it
SELECT * FROM lede_articles('perm/locked-folder');
