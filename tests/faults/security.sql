.print -- a database whose schema uses lede_articles in a view and a trigger, opened untrusted
SELECT trusted_schema(0);
SELECT count(*) FROM v_files;
INSERT INTO log VALUES (1);
SELECT count(*) FROM log;
SELECT n FROM v_words;
.print -- direct-only: refused even when the schema is trusted
SELECT trusted_schema(1);
SELECT count(*) FROM v_files;
INSERT INTO log VALUES (1);
SELECT count(*) FROM log;
.print -- typed directly, it reads
SELECT path, title FROM lede_articles('sec');
