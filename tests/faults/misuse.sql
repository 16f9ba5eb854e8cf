.print -- argument counts: too few and too many, for every function
SELECT lede_version(1);
SELECT * FROM lede_sentences();
SELECT * FROM lede_sentences('a', 'b');
SELECT * FROM lede_tokens();
SELECT * FROM lede_tokens('a', 'b');
SELECT * FROM lede_entities();
SELECT * FROM lede_entities('a', '2025-01-07', 'conll', 'd');
SELECT * FROM lede_articles();
SELECT * FROM lede_articles('misuse', '*', 10, 'd');
.print -- NULL in every position: no rows, no error (a NULL anchor_date is no anchor: the entity is found)
SELECT count(*) FROM lede_sentences(NULL);
SELECT count(*) FROM lede_tokens(NULL);
SELECT count(*) FROM lede_entities(NULL);
SELECT count(*) FROM lede_entities(NULL, '2025-01-07');
SELECT count(*) FROM lede_entities('Paris', NULL);
SELECT count(*) FROM lede_entities('Paris', NULL, NULL);
SELECT count(*) FROM lede_entities(NULL, NULL, NULL);
SELECT count(*) FROM lede_articles(NULL);
SELECT count(*) FROM lede_articles(NULL, '*');
SELECT count(*) FROM lede_articles('misuse', NULL);
SELECT count(*) FROM lede_articles('misuse', '*', NULL);
SELECT count(*) FROM lede_articles(NULL, NULL, NULL);
.print -- numbers, reals and blobs are read as their text
SELECT group_concat(text, ' ') FROM lede_tokens(3.5);
SELECT group_concat(text, ' ') FROM lede_tokens(-42);
SELECT group_concat(text, ' ') FROM lede_sentences(X'4869212048692E');
SELECT group_concat(text || '/' || label, ' ') FROM lede_entities(CAST('Paris' AS BLOB));
SELECT count(*) FROM lede_articles('misuse', X'2A2E747874');
.print -- wrong types and values where only some are allowed
SELECT * FROM lede_entities('Paris', 20250107);
SELECT * FROM lede_entities('Paris', '2025-02-30');
SELECT * FROM lede_entities('Paris', X'00');
SELECT * FROM lede_entities('Paris', NULL, 2);
SELECT * FROM lede_entities('Paris', NULL, X'00');
SELECT * FROM lede_entities('Paris', NULL, 'conll' || char(0));
SELECT * FROM lede_articles('misuse', '*', 'ten');
SELECT * FROM lede_articles('misuse', '*', 0);
SELECT * FROM lede_articles('misuse', '*', -5);
SELECT * FROM lede_articles('misuse', '*', 2.5);
SELECT * FROM lede_articles('misuse', '');
SELECT * FROM lede_articles('misuse', '/etc/*');
SELECT * FROM lede_articles('misuse', 'a' || char(0) || 'b');
SELECT * FROM lede_articles(X'6D69737573650062');
.print -- a huge pattern (1 MB) is matched, not refused; a huge invalid one is refused by name
SELECT count(*) FROM lede_articles('misuse', replace(hex(zeroblob(500000)), '00', '*/') || 'only.txt');
SELECT count(*) FROM lede_articles('misuse', '**/' || replace(hex(zeroblob(500000)), '00', '?*') || '.txt');
SELECT count(*) FROM lede_articles('misuse', '**/' || replace(hex(zeroblob(500000)), '00', '*') || 'only.txt');
SELECT count(*) FROM lede_articles('misuse', '/' || replace(hex(zeroblob(500000)), '00', 'x'));
.print -- a root that is a file, that is missing, that is empty
SELECT * FROM lede_articles('misuse/only.txt');
SELECT * FROM lede_articles('misuse/missing');
SELECT * FROM lede_articles('');
.print -- a relative root is resolved against the process's working directory
SELECT path, title FROM lede_articles('misuse');
SELECT path, title FROM lede_articles('./misuse/');
SELECT path, title FROM lede_articles('../misuse.d/misuse');
.print -- CREATE VIRTUAL TABLE arguments
CREATE VIRTUAL TABLE t1 USING lede_articles(colour='red');
CREATE VIRTUAL TABLE t2 USING lede_articles('misuse');
CREATE VIRTUAL TABLE t3 USING lede_articles(root='misuse', root='other');
CREATE VIRTUAL TABLE t4 USING lede_articles(max_size=-1);
CREATE VIRTUAL TABLE t5 USING lede_articles(follow_links=2);
CREATE VIRTUAL TABLE t6 USING lede_articles(pattern='');
CREATE VIRTUAL TABLE t7 USING lede_articles(pattern='*.txt');
SELECT * FROM t7;
SELECT path FROM t7('misuse');
CREATE VIRTUAL TABLE t8 USING lede_sentences;
CREATE VIRTUAL TABLE t9 USING lede_entities;
