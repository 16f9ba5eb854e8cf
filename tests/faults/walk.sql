.print -- every entry of the tree, with the fault of each; the scan goes on past every fault
SELECT path, size, mtime, hash, title, words, error FROM lede_articles('tree');
.print -- an empty file: text with no title, empty body, no words, authors []
SELECT size, title, body = '', words, authors, error FROM lede_articles('tree') WHERE path = 'empty.txt';
.print -- NUL bytes: binary, content NULL, size and hash of the file still there
SELECT size, hash IS NULL, raw IS NULL, body IS NULL, error FROM lede_articles('tree') WHERE path = 'nul.txt';
.print -- UTF-16 with a byte order mark is read as UTF-16 (both byte orders); raw keeps the bytes
SELECT path, size, length(raw), title, body, words, error FROM lede_articles('tree', 'utf16*');
SELECT hex(body) FROM lede_articles('tree') WHERE path = 'utf16le.txt';
.print -- a symlink loop and a dangling symlink are rows with their reason
SELECT path, size, error FROM lede_articles('tree') WHERE path IN ('loop', 'dangling.txt');
.print -- a folder symlink that leads back up: not followed by default, a loop row when followed
CREATE VIRTUAL TABLE followed USING lede_articles(root='tree', follow_links=1);
SELECT path, error FROM followed WHERE path LIKE 'sub/%';
.print -- an empty folder gives no row, and a root with only empty folders gives none, no error
SELECT count(*) FROM lede_articles('tree') WHERE path LIKE 'empty-folder%';
SELECT count(*) FROM lede_articles('only-empty');
SELECT count(*) FROM lede_articles('tree/empty-folder');
.print -- the same rows whatever columns are asked for (lazy reading changes nothing)
SELECT (SELECT group_concat(path, ',') FROM lede_articles('tree')) =
       (SELECT group_concat(path, ',') FROM (SELECT path, body, error FROM lede_articles('tree')));
