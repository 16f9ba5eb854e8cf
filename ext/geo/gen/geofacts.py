"""Hand-kept facts for the place resolver (ext/geo/gen/geo.py): places that no
country holds alone, and which GeoNames' cities and Natural Earth's states do
not give. Each is (names, kind, lat, lon, country, weight): the name first is
its canonical name; kind is "continent", "water" (oceans, seas, gulfs),
"region" (a region that spans countries, or a territory without an ISO
country); country is "" unless the place lies within one; weight stands in for
population when names are shared (the larger wins without other evidence).
Coordinates are a point near the middle of each, in WGS84 degrees, rounded to
a tenth: for a continent or an ocean no single point is right, and a map needs
only one.
"""

PLACES = [
    # continents
    (["Africa"], "continent", 7.2, 21.1, "", 10 ** 9),
    (["Asia"], "continent", 29.8, 89.3, "", 10 ** 9),
    (["Europe"], "continent", 48.7, 9.1, "", 10 ** 9),
    (["North America"], "continent", 46.1, -100.5, "", 10 ** 9),
    (["South America"], "continent", -14.6, -57.7, "", 10 ** 9),
    (["Oceania"], "continent", -18.3, 138.5, "", 10 ** 9),
    (["Antarctica"], "continent", -78.2, 16.4, "", 10 ** 9),
    (["Latin America"], "region", -4.0, -61.0, "", 10 ** 9),
    (["Central America"], "region", 13.5, -86.5, "", 10 ** 8),
    (["Caribbean", "the Caribbean"], "region", 16.5, -71.0, "", 10 ** 8),
    (["Middle East", "the Middle East", "Mideast"], "region", 29.0, 42.0, "", 10 ** 9),
    (["Near East"], "region", 31.0, 38.0, "", 10 ** 8),
    (["Far East"], "region", 35.0, 120.0, "", 10 ** 8),
    (["East Asia"], "region", 35.0, 115.0, "", 10 ** 8),
    (["South Asia"], "region", 22.0, 79.0, "", 10 ** 8),
    (["Southeast Asia", "South East Asia", "South-East Asia"], "region", 8.0, 110.0, "", 10 ** 8),
    (["Central Asia"], "region", 44.0, 66.0, "", 10 ** 8),
    (["North Africa"], "region", 27.0, 12.0, "", 10 ** 8),
    (["West Africa"], "region", 12.0, -3.0, "", 10 ** 8),
    (["East Africa"], "region", 1.0, 36.0, "", 10 ** 8),
    (["Southern Africa"], "region", -24.0, 25.0, "", 10 ** 8),
    (["Sub-Saharan Africa"], "region", 0.0, 20.0, "", 10 ** 8),
    (["Sahel", "the Sahel"], "region", 14.5, 5.0, "", 10 ** 7),
    (["Horn of Africa"], "region", 8.0, 45.0, "", 10 ** 7),
    (["Western Europe"], "region", 48.0, 5.0, "", 10 ** 8),
    (["Eastern Europe"], "region", 50.0, 30.0, "", 10 ** 8),
    (["Central Europe"], "region", 49.0, 15.0, "", 10 ** 8),
    (["Scandinavia"], "region", 62.0, 14.0, "", 10 ** 7),
    (["Balkans", "the Balkans"], "region", 43.0, 21.0, "", 10 ** 7),
    (["Baltics", "the Baltics", "Baltic states"], "region", 57.0, 24.0, "", 10 ** 7),
    (["Caucasus", "the Caucasus"], "region", 42.5, 44.5, "", 10 ** 7),
    (["Persian Gulf", "the Gulf", "Arabian Gulf"], "water", 26.5, 52.0, "", 10 ** 8),
    (["Gulf of Mexico"], "water", 25.0, -90.0, "", 10 ** 7),
    (["Gulf of Aden"], "water", 12.5, 48.0, "", 10 ** 7),
    (["Atlantic", "Atlantic Ocean", "the Atlantic"], "water", 10.0, -30.0, "", 10 ** 9),
    (["Pacific", "Pacific Ocean", "the Pacific"], "water", 0.0, -160.0, "", 10 ** 9),
    (["Indian Ocean"], "water", -10.0, 75.0, "", 10 ** 9),
    (["Arctic", "Arctic Ocean", "the Arctic"], "water", 80.0, 0.0, "", 10 ** 8),
    (["Southern Ocean"], "water", -65.0, 0.0, "", 10 ** 8),
    (["Mediterranean", "Mediterranean Sea", "the Mediterranean"], "water", 35.0, 18.0, "",
     10 ** 8),
    (["Black Sea"], "water", 43.0, 34.0, "", 10 ** 8),
    (["Red Sea"], "water", 20.0, 38.5, "", 10 ** 8),
    (["Caspian Sea"], "water", 41.5, 50.5, "", 10 ** 7),
    (["Baltic Sea", "the Baltic"], "water", 58.0, 20.0, "", 10 ** 7),
    (["North Sea"], "water", 56.0, 3.0, "", 10 ** 7),
    (["South China Sea"], "water", 12.0, 114.0, "", 10 ** 8),
    (["East China Sea"], "water", 29.0, 125.0, "", 10 ** 7),
    (["Sea of Japan"], "water", 40.0, 135.0, "", 10 ** 7),
    (["Arabian Sea"], "water", 15.0, 65.0, "", 10 ** 7),
    (["Caribbean Sea"], "water", 15.0, -75.0, "", 10 ** 7),
    (["English Channel"], "water", 50.2, -1.0, "", 10 ** 7),
    (["Strait of Hormuz"], "water", 26.6, 56.5, "", 10 ** 7),
    (["Taiwan Strait"], "water", 24.0, 119.5, "", 10 ** 7),
    (["Great Lakes"], "water", 45.0, -84.0, "", 10 ** 7),
    (["Lake Michigan"], "water", 44.0, -87.0, "US", 10 ** 6),
    (["Lake Erie"], "water", 42.2, -81.2, "", 10 ** 6),
    (["Lake Superior"], "water", 47.7, -87.5, "", 10 ** 6),
    (["Lake Ontario"], "water", 43.7, -77.9, "", 10 ** 6),
    (["Lake Huron"], "water", 44.8, -82.4, "", 10 ** 6),
    (["Mississippi River"], "water", 35.0, -90.1, "US", 10 ** 6),
    (["Missouri River"], "water", 41.0, -96.0, "US", 10 ** 6),
    (["Ohio River"], "water", 38.5, -85.5, "US", 10 ** 6),
    (["Rio Grande"], "water", 29.5, -104.0, "", 10 ** 6),
    (["Nile", "the Nile", "Nile River"], "water", 20.0, 32.5, "", 10 ** 7),
    (["Danube", "the Danube"], "water", 45.0, 20.0, "", 10 ** 7),
    (["Amazon River"], "water", -3.0, -58.0, "BR", 10 ** 6),
    (["Alps", "the Alps"], "region", 46.5, 10.0, "", 10 ** 7),
    (["Himalayas", "the Himalayas"], "region", 28.5, 84.0, "", 10 ** 7),
    (["Rocky Mountains", "the Rockies", "Rockies"], "region", 42.0, -108.0, "", 10 ** 7),
    (["Appalachians", "Appalachia"], "region", 38.0, -81.0, "US", 10 ** 6),
    (["Sahara", "the Sahara"], "region", 23.0, 13.0, "", 10 ** 7),
    (["Kashmir"], "region", 34.5, 75.5, "", 10 ** 7),
    (["Gaza", "Gaza Strip", "the Gaza Strip"], "region", 31.4, 34.4, "PS", 10 ** 7),
    (["West Bank", "the West Bank"], "region", 31.9, 35.2, "PS", 10 ** 7),
    (["Golan Heights", "the Golan Heights", "Golan"], "region", 33.0, 35.8, "", 10 ** 6),
    (["Crimea"], "region", 45.3, 34.4, "UA", 10 ** 7),
    (["Donbas", "Donbass"], "region", 48.0, 38.5, "UA", 10 ** 7),
    (["Siberia"], "region", 60.0, 105.0, "RU", 10 ** 7),
    (["Midwest", "the Midwest"], "region", 42.0, -93.0, "US", 10 ** 7),
    (["New England"], "region", 43.5, -71.5, "US", 10 ** 7),
    (["Silicon Valley"], "region", 37.4, -122.0, "US", 10 ** 6),
    (["Wall Street"], "region", 40.706, -74.009, "US", 10 ** 4),
    (["West End"], "region", 51.513, -0.13, "GB", 10 ** 4),
    (["Westminster"], "region", 51.4975, -0.1357, "GB", 10 ** 6),
    (["Whitehall"], "region", 51.504, -0.126, "GB", 10 ** 4),
    (["Capitol Hill"], "region", 38.89, -77.009, "US", 10 ** 4),
]

# Names of large cities that GeoNames gives under a longer name (the GeoNames name stays
# the canonical one): the city is what news means by them more often than the region.
CITY_ALIASES = {
    "New York City": ["New York", "NYC"],
}

# The Associated Press's abbreviations of US states, as datelines and "City, State" write
# them (Natural Earth gives others: "Calif.", "Tenn."); postal codes come from Natural Earth.
US_STATE_ABBREVIATIONS = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."],
    "CO": ["Colo."], "CT": ["Conn."], "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."],
    "IL": ["Ill."], "IN": ["Ind."], "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."],
    "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."],
    "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."],
    "NJ": ["N.J."], "NM": ["N.M."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."],
    "OK": ["Okla."], "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn."], "RI": ["R.I."],
    "SC": ["S.C."], "SD": ["S.D."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."],
    "VA": ["Va."], "WA": ["Wash."], "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."],
    "WY": ["Wyo."], "DC": ["D.C."],
}
