.load ./build/lede
.mode list
.headers on
.nullvalue NULL

.print '-- news copy: titles, initialisms, money, quotes'
SELECT seq, start, "end", text FROM lede_sentences(
  'Gov. Maria Alvarez met U.S. officials in Lisbon on Monday. The talks ran late. '
  || 'A.P. Moller-Maersk Inc. said profits rose to $4.2 billion. "We are pleased," '
  || 'said Dr. Okafor. Shares of Acme Co. They fell 2.5% by 3 p.m. Friday.');

.print '-- blank lines and headlines without a period'
SELECT seq, text FROM lede_sentences('Storm hits coast' || char(10) || char(10)
  || 'The storm made landfall at dawn. Thousands lost power' || char(10)
  || 'Officials said repairs would take days.');

.print '-- NULL gives no rows; numbers are read as text'
SELECT count(*) AS n FROM lede_sentences(NULL);
SELECT text FROM lede_sentences(3.5);

.print '-- the substr invariant holds with multi-byte text'
SELECT count(*) AS rows, sum(substr(t.v, s.start + 1, s."end" - s.start) = s.text) AS agree
FROM (SELECT 'Café owners in Zürich — “closed”. Prices rose 5 %. Naïve? Yes!' AS v) AS t,
     lede_sentences(t.v) AS s;

.print '-- missing argument'
SELECT * FROM lede_sentences;
