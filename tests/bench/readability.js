// readability.js: Readability.js on linkedom over saved pages, timed as tests/eval/web.c -t
// times lede (tests/bench/bench_html.sh): the pages are read and decompressed first; the
// parse and extraction of all of them is timed ROUNDS times and the best run kept. Time is the
// process's CPU time (user + system), so other work on a shared machine counts less.
//
//   NODE_PATH=dir/node_modules node readability.js ROUNDS page.html.gz ...
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const { parseHTML } = require('linkedom');
const { Readability } = require('@mozilla/readability');

const rounds = Math.max(1, parseInt(process.argv[2], 10) || 1);
const files = process.argv.slice(3);
const pages = files.map((f) => {
  const raw = fs.readFileSync(f);
  return (f.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('utf8');
});
const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
let best = Infinity;
let chars = 0;
for (let r = 0; r < rounds; r++) {
  const t0 = process.cpuUsage();
  for (const html of pages) {
    try {
      const { document } = parseHTML(html);
      const article = new Readability(document).parse();
      chars += article && article.textContent ? article.textContent.length : 0;
    } catch (e) {
      // a page Readability cannot read counts as read (its time is spent)
    }
  }
  const d = process.cpuUsage(t0);
  const t = (d.user + d.system) / 1e6;
  if (t < best) best = t;
}
console.log(`${pages.length} pages, ${(bytes / 1e6).toFixed(1)} MB, ${best.toFixed(3)} s, ` +
  `${(pages.length / best).toFixed(1)} pages/s, ${Math.round(chars / rounds / 1000)} KB of text a run`);
