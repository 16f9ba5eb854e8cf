-- The co-occurrence network of the corpus as a Graphviz graph: people
-- (PERSON), organisations (ORG) and places (GPE, LOC, FAC) are nodes (sized
-- by mentions), an edge joins two that share at least two sentences
-- (thicker when they share more).
--
--   sqlite3 news.db < examples/network.sql | dot -Tpng -o network.png
.mode list
.headers off
WITH nodes AS (
  SELECT DISTINCT entity AS name, entity_label AS label
  FROM cooccurrence_sentence
  WHERE sentences >= 2 AND entity_label IN ('PERSON', 'ORG', 'GPE', 'LOC', 'FAC')
    AND other_label IN ('PERSON', 'ORG', 'GPE', 'LOC', 'FAC')),
edges AS (
  SELECT entity, other, sentences FROM cooccurrence_sentence
  WHERE sentences >= 2 AND entity < other
    AND entity IN (SELECT name FROM nodes) AND other IN (SELECT name FROM nodes))
SELECT 'graph cooccurrence {' || char(10)
  || '  graph [layout=neato, overlap=false, splines=true, bgcolor="white", fontname="Helvetica"];' || char(10)
  || '  node [style=filled, fontname="Helvetica", fontsize=11];' || char(10)
  || (SELECT group_concat(printf('  "%s" [fillcolor="%s", shape=%s, width=%.2f];',
                                 replace(n.name, '"', ''),
                                 CASE n.label WHEN 'PERSON' THEN '#f4c7a1' WHEN 'ORG' THEN '#b7d7e8' ELSE '#c9e4c5' END,
                                 CASE n.label WHEN 'PERSON' THEN 'ellipse' WHEN 'ORG' THEN 'box' ELSE 'octagon' END,
                                 0.6 + 0.04 * e.mentions), char(10))
      FROM (SELECT * FROM nodes ORDER BY label, name) AS n
      JOIN entities AS e ON e.canonical = n.name AND e.label = n.label) || char(10)
  || (SELECT group_concat(printf('  "%s" -- "%s" [penwidth=%.1f];', replace(entity, '"', ''),
                                 replace(other, '"', ''), 0.5 + 0.5 * sentences), char(10))
      FROM (SELECT * FROM edges ORDER BY entity, other)) || char(10)
  || '}';
