-- The places of the corpus on a world map, as an SVG picture: Natural Earth's country
-- outlines (examples/map_base.svg), a circle per place of the view places sized by its
-- mentions (its area grows with them), the most mentioned labelled where their labels do not
-- overlap (ten at most), and a legend.
-- Run from the top of the repository (the outlines are read with the shell's readfile):
--
--   sqlite3 news.db < examples/map.sql > map.svg
--   rsvg-convert -o map.png map.svg        (Debian: librsvg2-bin)
--
-- make map does both for seeds/ (docs/img/map.png). The projection is equirectangular,
-- as map_base.svg's: x = (lon + 180) * 1200 / 360, y = (84 - lat) * 1200 / 360; places
-- beyond 84 degrees north or 60 south sit on the edge.
.mode list
.headers off
WITH p AS (
  SELECT place, country, lat, lon, mentions, articles,
         (lon + 180) * 1200.0 / 360 AS x,
         (84 - max(min(lat, 84), -60)) * 1200.0 / 360 AS y
  FROM places),
stats AS (
  SELECT count(*) AS n, coalesce(sum(mentions), 0) AS total, coalesce(max(mentions), 1) AS top,
         (SELECT count(*) FROM articles) AS docs
  FROM p),
sized AS (
  SELECT p.*, 2.5 + 19.5 * sqrt(p.mentions * 1.0 / stats.top) AS r,
         row_number() OVER (ORDER BY p.mentions DESC, p.articles DESC, p.place) AS rank
  FROM p, stats),
-- labels, most mentioned first: to the right of the circle, else to its left, else none,
-- so that no two labels overlap (a label is about 7.5 pixels a character, 16 high)
labels(rank, kept) AS (
  SELECT 0, json('[]')
  UNION ALL
  SELECT l.rank + 1,
         CASE WHEN NOT EXISTS (SELECT 1 FROM json_each(l.kept) AS b
                               WHERE b.value ->> 0 < s.x + s.r + 3 + 7.5 * length(s.place)
                                 AND b.value ->> 1 > s.x + s.r + 3 AND abs(b.value ->> 2 - s.y) < 16)
                   AND s.x + s.r + 3 + 7.5 * length(s.place) < 1195
              THEN json_insert(l.kept, '$[#]', json_array(s.x + s.r + 3, s.x + s.r + 3 + 7.5 * length(s.place), s.y, 'start', s.place))
              WHEN NOT EXISTS (SELECT 1 FROM json_each(l.kept) AS b
                               WHERE b.value ->> 0 < s.x - s.r - 3
                                 AND b.value ->> 1 > s.x - s.r - 3 - 7.5 * length(s.place)
                                 AND abs(b.value ->> 2 - s.y) < 16)
                   AND s.x - s.r - 3 - 7.5 * length(s.place) > 5
              THEN json_insert(l.kept, '$[#]', json_array(s.x - s.r - 3 - 7.5 * length(s.place), s.x - s.r - 3, s.y, 'end', s.place))
              ELSE l.kept END
  FROM labels AS l JOIN sized AS s ON s.rank = l.rank + 1
  WHERE l.rank < 10),
legend(k, m) AS (
  SELECT 0, top FROM stats
  UNION ALL SELECT 1, max(1, top / 4) FROM stats WHERE top >= 8
  UNION ALL SELECT 2, 1 FROM stats WHERE top > 1)
SELECT '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="560" viewBox="0 0 1200 560"'
  || ' font-family="DejaVu Sans, Helvetica, Arial, sans-serif">' || char(10)
  || '<rect width="1200" height="560" fill="#ffffff"/>' || char(10)
  || '<rect width="1200" height="480" fill="#dcebf5"/>' || char(10)
  || readfile('examples/map_base.svg')
  || '<g fill="#c0392b" fill-opacity="0.55" stroke="#7b241c" stroke-width="0.8">' || char(10)
  || coalesce((SELECT group_concat(printf('<circle cx="%.1f" cy="%.1f" r="%.1f"><title>%s%s: %d mentions in %d articles</title></circle>',
                                          x, y, r, replace(replace(place, '&', '&amp;'), '<', '&lt;'),
                                          CASE WHEN country IS NULL THEN '' ELSE ' (' || country || ')' END,
                                          mentions, articles), char(10))
               FROM (SELECT * FROM sized ORDER BY r DESC, place)), '') || char(10)
  || '</g>' || char(10)
  || '<g font-size="13" font-weight="bold" fill="#1b2631" stroke="#ffffff" stroke-width="3"'
  || ' paint-order="stroke">' || char(10)
  || coalesce((SELECT group_concat(printf('<text x="%.1f" y="%.1f"%s>%s</text>',
                                          CASE b.value ->> 3 WHEN 'start' THEN b.value ->> 0 ELSE b.value ->> 1 END,
                                          b.value ->> 2 + 4,
                                          CASE b.value ->> 3 WHEN 'end' THEN ' text-anchor="end"' ELSE '' END,
                                          replace(replace(b.value ->> 4, '&', '&amp;'), '<', '&lt;')), char(10))
               FROM (SELECT kept FROM labels ORDER BY rank DESC LIMIT 1) AS l, json_each(l.kept) AS b), '')
  || char(10)
  || '</g>' || char(10)
  || (SELECT printf('<text x="16" y="508" font-size="16" font-weight="bold" fill="#1b2631">Where the corpus happens: %d places, %d mentions, %d articles</text>',
                    n, total, docs) FROM stats) || char(10)
  || '<text x="16" y="530" font-size="12" fill="#566573">A circle per place named (GPE, LOC, FAC), its area by mentions; the most mentioned labelled.</text>' || char(10)
  || '<text x="16" y="548" font-size="11" fill="#808b96">Outlines: Natural Earth. Places: GeoNames (CC BY 4.0) and Natural Earth, resolved by lede.</text>' || char(10)
  || '<g fill="#c0392b" fill-opacity="0.55" stroke="#7b241c" stroke-width="0.8">' || char(10)
  || coalesce((SELECT group_concat(printf('<circle cx="%.1f" cy="520" r="%.1f"/>',
                                          1160 - 90 * k, 2.5 + 19.5 * sqrt(m * 1.0 / stats.top)), char(10))
               FROM legend, stats), '') || char(10)
  || '</g>' || char(10)
  || '<g font-size="11" fill="#1b2631" text-anchor="middle">' || char(10)
  || coalesce((SELECT group_concat(printf('<text x="%.1f" y="555">%d mention%s</text>', 1160 - 90 * k, m,
                                          CASE WHEN m = 1 THEN '' ELSE 's' END), char(10))
               FROM legend), '') || char(10)
  || '</g>' || char(10)
  || '</svg>';
