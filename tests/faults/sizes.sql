.print -- max_size 1000: a file of 999 or 1000 bytes is read, one of 1001 is not (its row says why)
SELECT path, size, length(raw), words, error FROM lede_articles('sizes', '*-limit.txt', 1000);
.print -- the default limit reads them all
SELECT path, size, error FROM lede_articles('sizes', '*-limit.txt');
.print -- a line of 10 MiB: read whole, no title (too long for one), every word counted
SELECT size, title IS NULL, length(body), words, error FROM lede_articles('sizes') WHERE path = 'ten-mb-line.txt';
SELECT count(*), max("end" - start) FROM lede_articles('sizes') AS a, lede_sentences(a.body) AS s WHERE a.path = 'ten-mb-line.txt';
.print -- max_size below it: too large
SELECT error FROM lede_articles('sizes', 'ten-mb-line.txt', 10000000);
