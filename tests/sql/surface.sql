.load ./build/lede
.mode list
.headers on

.print '-- what .load registers (each has a page in docs/reference/)'
SELECT name, narg, flags & 0x800 > 0 AS deterministic FROM pragma_function_list WHERE name LIKE 'lede%' ORDER BY name;
SELECT name FROM pragma_module_list WHERE name LIKE 'lede%' ORDER BY name;

.print '-- the version is the one in VERSION'
SELECT lede_version() = trim(CAST(readfile('VERSION') AS TEXT), char(9, 10, 13, 32)) AS version_matches;
SELECT lede_version(1);

.print '-- a user table named like a lede object does not break it'
CREATE TABLE sentences(x);
CREATE TABLE entities(x);
SELECT count(*) AS n FROM lede_sentences('One. Two.');

.print '-- table-valued functions over text are innocuous: usable in views of an untrusted schema'
PRAGMA trusted_schema = OFF;
CREATE VIEW v_sent AS SELECT text FROM lede_sentences('First one. Second one.');
SELECT * FROM v_sent;
CREATE VIEW v_tok AS SELECT count(*) AS n FROM lede_tokens('a b c');
SELECT * FROM v_tok;
