#!/bin/sh
# gen_articles.sh N BASE: makes (once; reused while BASE/nN.done exists) a
# tree BASE/nN of N news-like article files of about 3 KB each, 100 to a day
# folder (YYYY/MM/DD/), from a fixed awk seed: titles (some repeated),
# bylines, datelines with agencies, paragraphs, and site boilerplate.
# Used by the benchmarks.
set -eu
n=${1:?usage: gen_articles.sh N BASE}
base=${2:?usage: gen_articles.sh N BASE}
mkdir -p "$base"
tree=$base/n$n
[ -f "$base/n$n.done" ] && exit 0
rm -rf "$tree"
days=$(( (n + 99) / 100 ))
awk -v days="$days" -v tree="$tree" 'BEGIN {
    for (d = 0; d < days; d++)
        printf "%s/%04d/%02d/%02d\n", tree, 2020 + int(d / 336), 1 + int(d / 28) % 12, 1 + d % 28
}' | xargs mkdir -p
awk -v n="$n" -v tree="$tree" '
function pick(list, k,   a, m) { m = split(list, a, "|"); return a[1 + int(rand() * m)] }
function sentence(   s) {
    s = pick(people) " " pick(verbs) " " pick(objects) " in " pick(places) " on " pick(days) ", " \
        pick(clauses) "."
    return s
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
             "Tromso|Mombasa|Cebu|Gdansk|Porto Alegre"
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
        if (i % 5 == 0) { print "By " pick("Ana Lima|Kenji Sato|Lena Fischer|Omar Haddad") > f; print "" > f }
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
touch "$base/n$n.done"
