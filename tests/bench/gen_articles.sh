#!/bin/sh
# gen_articles.sh N BASE: makes (once; reused while BASE/nN.done matches) a
# tree BASE/nN of N news-like article files of about 3 KB each, 100 to a day
# folder (YYYY/MM/DD/), from a fixed awk seed: titles (some repeated),
# bylines, datelines with agencies, paragraphs naming people (some 2,500
# given name and surname pairs), organisations (about 150) and places,
# quotes, amounts of money, and site boilerplate. Used by the benchmarks.
# A tree made by an older version of this script (another GEN), or whose
# number of files or bytes changed since, is made again; BASE/nN.done keeps
# GEN and "FILES BYTES". Says which it did and the tree's size.
set -eu
n=${1:?usage: gen_articles.sh N BASE}
base=${2:?usage: gen_articles.sh N BASE}
mkdir -p "$base"
tree=$base/n$n
gen=2 # bump when the articles change
# tree_state: "FILES BYTES" of the tree as it is now
tree_state() { echo "$(find "$tree" -type f | wc -l | tr -d ' ') $(find "$tree" -type f -exec cat {} + | wc -c | tr -d ' ')"; }
# reused when made by this GEN and still holding the files and bytes it was made with
if [ "$(sed -n 1p "$base/n$n.done" 2>/dev/null)" = "$gen" ] && [ -d "$tree" ]; then
    made=$(sed -n 2p "$base/n$n.done")
    now=$(tree_state)
    if [ -z "$made" ] || [ "$made" = "$now" ]; then
        echo "$now" | awk -v t="$tree" '{ printf "articles: reusing %s (%d files, %.1f MB)\n", t, $1, $2 / 1e6 }'
        exit 0
    fi
    echo "articles: $tree changed since it was made ($made -> $now): making it again"
fi
echo "articles: generating $tree ($n files)"
rm -rf "$tree"
days=$(( (n + 99) / 100 ))
awk -v days="$days" -v tree="$tree" 'BEGIN {
    for (d = 0; d < days; d++)
        printf "%s/%04d/%02d/%02d\n", tree, 2020 + int(d / 336), 1 + int(d / 28) % 12, 1 + d % 28
}' | xargs mkdir -p
awk -v n="$n" -v tree="$tree" '
function pick(list, k,   a, m) { m = split(list, a, "|"); return a[1 + int(rand() * m)] }
function person() { last = pick(surnames); return pick(given) " " last }
function org() { return pick(org_stems) " " pick(org_kinds) }
function subject(   r) {
    r = rand()
    if (r < 0.35) return pick(roles) " " person()
    if (r < 0.55) return org()
    return pick(people)
}
function amount() {
    return pick("$|€|£") (1 + int(rand() * 900)) (rand() < 0.5 ? "." (1 + int(rand() * 9)) : "") \
        " " pick("million|billion")
}
function sentence(   s, r) {
    r = rand()
    if (r < 0.15 && last != "")
        return "\"" pick(quotes) ",\" " last " said."
    if (r < 0.3)
        return org() " said the plan for " pick(places) " would cost " amount() \
            " over " (2 + int(rand() * 8)) " years."
    return subject() " " pick(verbs) " " pick(objects) " in " pick(places) " on " pick(days) ", " \
        pick(clauses) "."
}
BEGIN {
    srand(20250107)
    people = "The foreign minister|Officials|The central bank|A government spokesman|" \
             "Local farmers|The opposition leader|Union representatives|Analysts|" \
             "The port authority|Residents|The defence ministry|Aid agencies"
    verbs = "announced|criticised|approved|rejected|discussed|welcomed|postponed|" \
            "outlined|questioned|defended|signed|reviewed"
    objects = "a new trade agreement|plans for a coastal railway|the budget proposal|" \
              "a ceasefire framework|tighter rules on fishing|an emergency water plan|" \
              "the sale of state shares|a joint naval exercise|new tariffs on steel|" \
              "a programme to train nurses|the reopening of the border crossing"
    places = "Nairobi|Lisbon|Jakarta|Osaka|Quito|Tbilisi|Accra|Hanoi|Valparaiso|" \
             "Tromso|Mombasa|Cebu|Gdansk|Porto Alegre|Kenya|Portugal|Indonesia|Japan|" \
             "Ecuador|Georgia|Ghana|Vietnam|Chile|Norway|Poland|Brazil|Dakar|Lima|Oslo|" \
             "Manila|Seoul|Casablanca|Montevideo|Windhoek|Kampala|Riga"
    given = "Ana|Kenji|Lena|Omar|Maria|David|Aisha|Carlos|Yuki|Fatima|Peter|Amara|" \
            "Jonas|Sofia|Rahul|Ingrid|Tomas|Leila|Samuel|Mei|Diego|Elena|Kwame|Hana|" \
            "Viktor|Nadia|Paulo|Grace|Arjun|Clara|Emeka|Irina|Lucas|Zainab|Martin|" \
            "Rosa|Hiroshi|Olga|Daniel|Priya|Felix|Amina|Stefan|Julia|Bongani|Marta|" \
            "Andrei|Chloe|Ibrahim|Eva"
    surnames = "Lima|Sato|Fischer|Haddad|Okafor|Novak|Moreno|Tanaka|Mensah|Kowalski|" \
               "Silva|Nguyen|Petrov|Ahmed|Larsen|Costa|Mwangi|Kim|Dubois|Rossi|" \
               "Hernandez|Suzuki|Boateng|Jensen|Santos|Ivanova|Otieno|Park|Weber|Nakamura|" \
               "Ferreira|Osei|Lindqvist|Reyes|Kariuki|Yamamoto|Bauer|Abdi|Horvat|Castillo|" \
               "Eriksen|Mbeki|Popescu|Ortiz|Wojcik|Hoang|Adeyemi|Keller|Banda|Nilsen"
    roles = "Foreign Minister|Finance Minister|President|Prime Minister|Governor|" \
            "Mayor|Senator|General|Dr.|Chief Executive|Spokesperson"
    org_stems = "Meridian|Northgate|Bluewater|Coastal|Andes|Baltic|Sahel|Pacific|" \
                "Harbour|Summit|Redwood|Silverline|Equator|Granite|Lakeside|Horizon|" \
                "Sunrise|Kestrel|Orion|Atlas|Cobalt|Delta|Evergreen|Falcon|Juniper"
    org_kinds = "Holdings|Group|Shipping|Energy|Bank|Airways"
    quotes = "We will not accept these terms|This is a good day for the region|" \
             "The talks will continue next week|Nobody expected prices to rise so fast|" \
             "We need more time to study the plan|Our workers deserve better"
    days = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    clauses = "according to a statement released by the ministry|" \
              "although details of the cost were not made public|" \
              "after weeks of talks between the two sides|" \
              "citing concerns about rising prices and slow growth|" \
              "in a move that surprised several regional observers|" \
              "saying further steps would follow later in the year|" \
              "despite objections raised by smaller parties in parliament"
    caps = "NAIROBI|LISBON|JAKARTA|OSAKA|QUITO|TBILISI|ACCRA|HANOI"
    for (i = 0; i < n; i++) {
        d = int(i / 100)
        f = sprintf("%s/%04d/%02d/%02d/article-%05d.txt", tree, 2020 + int(d / 336),
                    1 + int(d / 28) % 12, 1 + d % 28, i)
        title = pick(objects)
        title = toupper(substr(title, 1, 1)) substr(title, 2) " Under Debate in " pick(places)
        print title > f
        print "" > f
        if (i % 3 == 0) { print title > f; print "" > f }
        if (i % 5 == 0) { print "By " person() > f; print "" > f }
        last = ""
        paras = 7 + int(rand() * 6)
        for (p = 0; p < paras; p++) {
            line = ""
            if (p == 0) line = pick(caps) " (" pick("Reuters|AFP|Kyodo|Antara") ") - "
            ns = 2 + int(rand() * 2)
            for (s = 0; s < ns; s++) line = line (s ? " " : "") sentence()
            print line > f
            print "" > f
        }
        if (i % 4 == 0) { print "Also read: " pick(objects) > f; print "" > f }
        if (i % 2 == 0) { print "Source link" > f; print "" > f; print "Leave a Reply" > f }
        close(f)
    }
}'
printf '%s\n%s\n' "$gen" "$(tree_state)" > "$base/n$n.done"
sync # the files on disk before anything is timed (writeback would disturb it)
