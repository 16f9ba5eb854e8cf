.print -- names with spaces, newlines, Latin-1 and invalid UTF-8 bytes: path keeps the name's bytes
SELECT hex(path), title, error FROM lede_articles('names');
.print -- each one found again by WHERE path = its own bytes
SELECT count(*) FROM lede_articles('names') AS a WHERE (SELECT count(*) FROM lede_articles('names') AS b WHERE b.path = a.path) = 1;
SELECT title FROM lede_articles('names') WHERE path = 'with space.txt';
SELECT title FROM lede_articles('names') WHERE path = 'new' || char(10) || 'line.txt';
SELECT title FROM lede_articles('names') WHERE path = CAST(X'FFFE2E747874' AS TEXT);
.print -- a pattern matches bytes: ? is one character (one ill-formed byte is one character)
SELECT hex(path) FROM lede_articles('names', 'caf?.txt');
SELECT hex(path) FROM lede_articles('names', '??.txt');
