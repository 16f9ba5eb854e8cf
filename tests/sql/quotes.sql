.load ./build/lede
.mode list
.headers on
.nullvalue NULL

.print '-- the columns, arguments HIDDEN'
SELECT name, hidden FROM pragma_table_xinfo('lede_quotes');

.print '-- speaker after the quote, with an apposition and a day; a continuation; a description'
SELECT seq, kind, text, source, speaker, speaker_label, cue, sentence FROM lede_quotes(
'Foreign Minister Marta Lindqvist spoke in Oslo. "We will not accept this," said Lindqvist, the minister, on Monday. "It is a clear violation of the accord." The minister added that talks would continue.');

.print '-- speaker before the quote, with a colon and with told reporters'
SELECT seq, kind, text, source, speaker, cue FROM lede_quotes(
'Senator Dana Whitcombe arrived late. She said: "The bill is dead, and everyone knows it." Whitcombe told reporters, "We start again in March."');

.print '-- the offsets agree with substr for content, source and cue'
WITH t(x) AS (SELECT '“Prices will keep rising,” the governor of the central bank, Ilse Brandt, warned. — Brandt’s deputy said the rise was “temporary”.')
SELECT q.seq,
       substr(t.x, q.start + 1, q."end" - q.start) = q.text AS content_ok,
       q.source IS NULL OR substr(t.x, q.source_start + 1, q.source_end - q.source_start) = q.source AS source_ok,
       q.cue IS NULL OR substr(t.x, q.cue_start + 1, q.cue_end - q.cue_start) = q.cue AS cue_ok,
       q.kind, q.text
FROM t, lede_quotes(t.x) AS q;

.print '-- a quote over two paragraphs: an opening mark at each, closing only at the end'
SELECT kind, text, speaker FROM lede_quotes(
'Coach Ivo Marek was blunt after the game.

"We played badly in the first half. Nobody moved.

"In the second half we were better, and that is what I will remember," Marek said.');

.print '-- straight marks and nested single quotes'
SELECT kind, text, source FROM lede_quotes(
'"He told me ''never again'' and walked out of the room," the witness said.');

.print '-- indirect speech: said that, according to, the clause before the cue'
SELECT kind, text, source, cue FROM lede_quotes(
'The ministry said that the fishing ban would end in May. According to local officials, the harbour will reopen next week. The ferry service was suspended for a month, a spokeswoman said.');

.print '-- a partial quote inside reported speech is one mixed row'
SELECT kind, text, source FROM lede_quotes(
'Opposition leaders said the budget was "a betrayal of every promise" made last year.');

.print '-- a title is not speech; a scare quote makes a stance indirect, not her words; a long quote with no speaker has no source'
SELECT kind, text, source, speaker FROM lede_quotes(
'She has read "War and Peace" twice and calls the plan a "reform". "Nothing in this city has changed since the flood, and nothing will change before the next one."');

.print '-- a pronoun resolves to the last person quoted or named'
SELECT text, source, speaker FROM lede_quotes(
'Mayor Petra Halvorsen opened the bridge. "It took ten years," Halvorsen said. Later she said the tolls would be dropped.');

.print '-- NULL gives no rows; numbers are read as text; anchor_date is checked'
SELECT count(*) AS n FROM lede_quotes(NULL);
SELECT count(*) AS n FROM lede_quotes(42);
SELECT count(*) AS n FROM lede_quotes('"Fine," he said.', '2025-01-07');
SELECT count(*) AS n FROM lede_quotes('"Fine," he said.', 'Monday');
SELECT count(*) AS n FROM lede_quotes();

.print '-- invalid UTF-8 does not break the offsets'
WITH t(x) AS (SELECT CAST(X'22C3A9C0C120776520676F2C222068652073616964FF2E' AS TEXT))
SELECT q.kind, substr(t.x, q.start + 1, q."end" - q.start) = q.text AS content_ok, q.source
FROM t, lede_quotes(t.x) AS q;

.print '-- usable in a view under trusted_schema=OFF (innocuous)'
PRAGMA trusted_schema = OFF;
CREATE VIEW v_quotes AS SELECT text FROM lede_quotes('"We are ready," the captain said.');
SELECT * FROM v_quotes;
