-- Every sum of money in the corpus: as written, its currency, its value as
-- a plain number, and the sentence it comes from.
--
--   sqlite3 news.db < examples/money.sql
.mode box --wrap 60 --wordwrap on
.headers on
SELECT path AS article, amount, currency, value, sentence
FROM money
ORDER BY path, amount;
