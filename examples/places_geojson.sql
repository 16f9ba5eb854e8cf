-- The places of the corpus as GeoJSON (RFC 7946), written with SQLite's JSON functions: one
-- Point feature per place of the view places, with its name, country, GeoNames id, mentions,
-- articles and first and last dates. QGIS, geojson.io, Leaflet and any web map open it.
--
--   sqlite3 news.db < examples/places_geojson.sql > places.geojson
--
-- GeoJSON puts longitude first. Places are in order of mentions, most first.
.mode list
.headers off
SELECT json_object(
  'type', 'FeatureCollection',
  'features', coalesce((SELECT json_group_array(json(feature)) FROM (
    SELECT json_object(
      'type', 'Feature',
      'geometry', json_object('type', 'Point',
                              'coordinates', json_array(round(lon, 5), round(lat, 5))),
      'properties', json_object('name', place, 'country', country, 'geonames', geonames,
                                'mentions', mentions, 'articles', articles,
                                'first', first, 'last', last)) AS feature
    FROM places ORDER BY mentions DESC, place)), json('[]')));
