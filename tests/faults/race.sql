.print -- a file deleted after the listing, before its read: its row says so; the others are intact
SELECT path, mutate('delete', 'race-delete/b.txt'), size, hash, title, error FROM lede_articles('race-delete') WHERE path = 'b.txt';
SELECT path, CASE path WHEN 'a.txt' THEN mutate('delete', 'race-delete/c.txt') END, size, title, error FROM lede_articles('race-delete');
.print -- truncated after the listing: the row is what the file holds when read (size from the read)
SELECT path, CASE path WHEN 'a.txt' THEN mutate('truncate', 'race-truncate/b.txt', 12) END, size, length(raw), hash, title, body, error FROM lede_articles('race-truncate');
.print -- grown after the listing: read whole as it is then; over max_size it is too large
SELECT path, CASE path WHEN 'a.txt' THEN mutate('grow', 'race-grow/b.txt', 10) END, size, length(raw), words, error FROM lede_articles('race-grow');
SELECT path, CASE path WHEN 'a.txt' THEN mutate('grow', 'race-grow/c.txt', 5000) END, size, error FROM lede_articles('race-grow', '*', 4000);
.print -- the size column alone (stat, no read) follows the file too
SELECT path, CASE path WHEN 'a.txt' THEN mutate('truncate', 'race-grow/b.txt', 3) END, size FROM lede_articles('race-grow');
.print -- a folder replaced by a file after the listing, before the walk enters it
SELECT path, CASE path WHEN 'a.txt' THEN mutate('replace', 'race-replace/b-folder') END, title, error FROM lede_articles('race-replace');
.print -- a file replaced by a symlink loop after the listing
SELECT path, CASE path WHEN 'a.txt' THEN mutate('loop', 'race-loop/b.txt') END, size, title, error FROM lede_articles('race-loop');
.print -- a file replaced by a folder, or by a fifo, after the listing: never read, its row says what it is now
SELECT path, CASE path WHEN 'a.txt' THEN mutate('folder', 'race-kind/b.txt') || mutate('fifo', 'race-kind/c.txt') END, title, error FROM lede_articles('race-kind');
