.print -- SQLITE_LIMIT_LENGTH 1000: max_size is capped by it, so a longer file is too large (its row says so)
SELECT set_limit('length', 1000) > 0;
SELECT path, size, error FROM lede_articles('limits', '*', 100000);
.print -- a body longer than the limit (its Windows-1252 bytes read as two-byte UTF-8): a clear SQL error, no cut text
SELECT path, length(body) FROM lede_articles('limits') WHERE path = 'inflates.txt';
SELECT path, length(raw), error FROM lede_articles('limits') WHERE path = 'inflates.txt';
.print -- the other files still read, in the same scan when body is not asked for
SELECT path, words, error FROM lede_articles('limits');
.print -- text functions: a token whose normal form outgrows the limit is an SQL error, not a cut value
SELECT count(*) FROM lede_tokens(replace(hex(zeroblob(300)), '00', char(65018)));
SELECT max(length(norm)) FROM lede_tokens(replace(hex(zeroblob(300)), '00', char(65018)));
SELECT set_limit('length', 1000000000) > 0;
SELECT path, length(body) FROM lede_articles('limits') WHERE path = 'inflates.txt';
