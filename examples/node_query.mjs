// Using lede from Node.js 22.13 or later, with its built-in node:sqlite.
//
//     node examples/node_query.mjs [folder]
//
// Loads the extension, reads a folder of articles (default: seeds) and prints
// each article's title with the people it mentions most, as
// examples/python_query.py does. Extension loading must be allowed when the
// database is opened (allowExtension: true).
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// the extension, without its .so/.dylib suffix (LEDE_LIB overrides it)
const lib = process.env.LEDE_LIB ?? path.join(here, '..', 'build', 'lede');
const folder = process.argv[2] ?? path.join(here, '..', 'seeds');

const db = new DatabaseSync(':memory:', { allowExtension: true });
db.loadExtension(lib);
db.enableLoadExtension(false);
const rows = db.prepare(`
    SELECT a.path AS path, coalesce(a.title, '(no title)') AS title,
           (SELECT group_concat(name, ', ') FROM (
              SELECT e.canonical AS name, count(*) AS n
              FROM lede_entities(a.body, a.published) AS e
              WHERE e.label = 'PERSON'
              GROUP BY e.canonical ORDER BY n DESC, e.canonical LIMIT 3)) AS people
    FROM lede_articles(?) AS a
    ORDER BY a.path`).all(folder);
for (const r of rows) {
    console.log(`${r.path}: ${r.title}`);
    if (r.people) console.log(`    people: ${r.people}`);
}
db.close();
