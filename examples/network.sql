-- Who is named with whom, as a Graphviz graph: every pair of names that
-- share at least two sentences where one of the two is a person (PERSON) or
-- an organisation (ORG); the places (GPE, LOC, FAC) they are named with come
-- in as nodes, but place-to-place pairs (United States - Japan: the obvious
-- frame of the whole corpus) do not. Colour and shape give the type, node
-- size the mentions, line width the sentences a pair shares; a legend under
-- the graph says so.
--
--   sqlite3 news.db < examples/network.sql | dot -Tpng -o network.png
.mode list
.headers off
WITH pairs AS (
  SELECT entity, entity_label, other, other_label, sentences FROM cooccurrence_sentence
  WHERE sentences >= 2 AND entity < other
    AND entity_label IN ('PERSON', 'ORG', 'GPE', 'LOC', 'FAC')
    AND other_label IN ('PERSON', 'ORG', 'GPE', 'LOC', 'FAC')
    AND (entity_label IN ('PERSON', 'ORG') OR other_label IN ('PERSON', 'ORG'))),
nodes AS (
  SELECT entity AS name, entity_label AS label FROM pairs
  UNION SELECT other, other_label FROM pairs),
style(label, kind, colour, shape) AS (
  VALUES ('PERSON', 'person', '#f4c7a1', 'ellipse'), ('ORG', 'organisation', '#b7d7e8', 'box'),
         ('GPE', 'place', '#c9e4c5', 'octagon'), ('LOC', 'place', '#c9e4c5', 'octagon'),
         ('FAC', 'place', '#c9e4c5', 'octagon'))
SELECT 'graph cooccurrence {' || char(10)
  || '  graph [layout=neato, overlap=false, splines=true, sep="+14", esep="+6", bgcolor="white",'
  || ' fontname="Helvetica", fontsize=11, labelloc=b, labeljust=l, pad=0.3];' || char(10)
  || '  node [style=filled, fontname="Helvetica", fontsize=11, margin="0.08,0.04"];' || char(10)
  || '  edge [color="#555555"];' || char(10)
  || (SELECT group_concat(printf('  "%s" [fillcolor="%s", shape=%s, width=%.2f];',
                                 replace(n.name, '"', ''), s.colour, s.shape,
                                 0.6 + 0.04 * e.mentions), char(10))
      FROM (SELECT * FROM nodes ORDER BY label, name) AS n
      JOIN style AS s ON s.label = n.label
      JOIN entities AS e ON e.canonical = n.name AND e.label = n.label) || char(10)
  || (SELECT group_concat(printf('  "%s" -- "%s" [penwidth=%.1f, tooltip="%d sentences"];',
                                 replace(entity, '"', ''), replace(other, '"', ''),
                                 0.5 + 0.75 * sentences, sentences), char(10))
      FROM (SELECT * FROM pairs ORDER BY entity, other)) || char(10)
  -- the legend: an HTML-like label under the graph
  || '  label=<<table border="0" cellborder="0" cellspacing="4">'
  || '<tr><td align="left"><b>Who is named with whom</b> (pairs that share two sentences or more, one a person or an organisation)</td></tr>'
  -- the swatches in a table of their own, so that the long rows above and
  -- below do not widen their cells
  || '<tr><td align="left"><table border="0" cellborder="0" cellspacing="4"><tr>'
  || (SELECT group_concat(printf('<td bgcolor="%s" border="1" width="18" height="18" fixedsize="true"> </td><td align="left">%s (%s)</td><td width="16"> </td>',
                                 colour, kind, shape), '')
      FROM (SELECT DISTINCT kind, colour, shape FROM style ORDER BY kind = 'place', kind))
  || '</tr></table></td></tr><tr><td align="left">node size: mentions; line width: sentences the two share (from '
  || (SELECT min(sentences) FROM pairs) || ' to ' || (SELECT max(sentences) FROM pairs)
  || ')</td></tr></table>>;' || char(10)
  || '}';
