.print -- 100,000 files in one folder: every one a row, in order, each read
SELECT count(*), min(path), max(path), sum(size) FROM lede_articles('many');
SELECT count(*), sum(words), count(error) FROM lede_articles('many');
SELECT title FROM lede_articles('many') WHERE path = 'f050000.txt';
SELECT count(*) FROM lede_articles('many', 'f0999*');
