#!/bin/sh
# make eval: accuracy through SQL on the data in ../shared/data.
#
#   sh tests/eval/run.sh build/lede.so ../shared
#
# Sentence splitting: the English Golden Rules (every rule must pass).
set -u
lib=${1:?usage: run.sh path/to/lede.so path/to/shared}
shared=${2:?usage: run.sh path/to/lede.so path/to/shared}
lib_noext=${lib%.*}
case $lib_noext in /*) ;; *) lib_noext=./$lib_noext ;; esac
rules=$shared/data/sbd/golden_rules_en.jsonl
if [ ! -d "$shared/data" ]; then
    echo "make eval: the evaluation data is missing: $shared/data not found." >&2
    echo "It lives beside the clone in ../shared (set SHARED=path to use another place)." >&2
    exit 2
fi
status=0
echo "== sentence splitting: English Golden Rules ($rules)"
out=$(sqlite3 -batch :memory: ".load $lib_noext" ".parameter set :rules '$rules'" ".read tests/eval/sbd.sql" 2>&1)
echo "$out"
case $out in *"golden rules: 48 of 48 pass"*) ;; *) status=1 ;; esac
# Named entities: CoNLL-2003 validation through lede_entities (tests/eval/conll.c).
echo "== named entities: CoNLL-2003 validation ($shared/data/conll2003/valid.txt)"
conll=${TMPDIR:-/tmp}/lede-conll.$$
if ${CC:-cc} -O2 -o "$conll" tests/eval/conll.c -lsqlite3; then
    "$conll" "$lib" "$shared/data/conll2003/valid.txt" || status=1
    rm -f "$conll"
else
    echo "make eval: cannot build tests/eval/conll.c" >&2
    status=1
fi
# All labels, values and canonical names: the project's own gold articles.
echo "== entities end to end: the gold articles in tests/data/gold"
sqlite3 -batch :memory: ".load $lib_noext" ".read tests/eval/gold.sql" || status=1
exit $status
