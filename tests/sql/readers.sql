.load ./build/lede
.mode list
.headers on
.nullvalue NULL
.cd @LEDE_TEST_TMP@

.print '-- encodings: UTF-8 (a BOM dropped), UTF-16 with a BOM, a declared charset, else Windows-1252; undecodable and binary files are errors'
SELECT path, format, encoding, title, body, error FROM lede_articles('enc');
.print '-- raw and hash keep the file bytes (Latin-1 here); the body is UTF-8'
SELECT hex(substr(raw, 1, 4)) AS raw4, length(raw) AS raw_bytes, length(CAST(body AS BLOB)) > 0 AS has_body
FROM lede_articles('enc') WHERE path = 'latin1.txt';

.print '-- compressed files keep their path; archives read as folders; nested to a depth of two'
SELECT path, size, mtime, format, title, error FROM lede_articles('arc');
.print '-- a path and size listing of a zip reads its central directory only (no read bit 32)'
EXPLAIN QUERY PLAN SELECT path, size FROM lede_articles('arc');
SELECT path, size FROM lede_articles('arc', 'bbc.zip');
.print '-- a member with garbled data: listed from the central directory without a fault; reading it finds it (libarchive cannot go on in that zip: a row says so)'
SELECT path, size, mtime FROM lede_articles('lazy');
SELECT path, title, error FROM lede_articles('lazy');
.print '-- the pattern matches member paths; an archive whose own path matches gives all its members'
SELECT path FROM lede_articles('arc', '**/001.txt');
SELECT path FROM lede_articles('arc', 'nested.tar/*');
.print '-- WHERE path = reads that one member, record or file'
SELECT path, title FROM lede_articles('arc') WHERE path = 'bbc.zip/tech/001.txt';
SELECT path, title FROM lede_articles('arc') WHERE path = 'nested.tar/inner.zip/a.txt';
SELECT path, title FROM lede_articles('arc') WHERE path = 'news.tgz/business/002.txt';
SELECT path, title FROM lede_articles('arc') WHERE path = 'one.txt.gz';
SELECT path, title FROM lede_articles('arc') WHERE path = 'names.zip/café/Zürich.txt';
SELECT count(*) AS none FROM lede_articles('arc') WHERE path = 'bbc.zip/nope.txt';
.print '-- max_size applies to the inflated size'
SELECT path, error FROM lede_articles('arc', 'bbc.zip', 40);
.print '-- a zip bomb: members inflate past 100 times the archive size, and the archive stops with an error row'
SELECT count(*) AS listed FROM lede_articles('bomb', '*', 200000);
SELECT count(*) AS rows, sum(error IS NULL) AS read, max(error) AS error FROM lede_articles('bomb', '*', 200000);

.print '-- records: JSON Lines, CSV and TSV; one row per record, malformed records are rows with an error'
SELECT path, size, format, encoding, title, published, authors, source, url, dateline, body, error
FROM lede_articles('rec');
SELECT path, title FROM lede_articles('rec') WHERE path = 'feed.jsonl#5';
SELECT path, title FROM lede_articles('rec') WHERE path = 'export.csv#2';
SELECT count(*) AS none FROM lede_articles('rec') WHERE path = 'feed.jsonl#99';

.print '-- WARC: one row per response record with an HTML or text payload; the HTTP charset honoured'
SELECT path, size, mtime, format, encoding, url, title, body, error FROM lede_articles('warc');
SELECT path, url FROM lede_articles('warc') WHERE path = 'crawl.warc.gz#2';
