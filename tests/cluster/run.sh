#!/bin/sh
# The cluster ingest (tools/ingest.sh --scheduler) against a local one: starts
# a Dask scheduler and two workers on 127.0.0.1 (each step bounded in time,
# all stopped at the end), ingests a generated corpus of 300 articles on it
# and with --jobs 2, and checks that the two databases are identical (.dump:
# rows, ids, full-text index); again after the folder changed (only the
# changed files are read); with workers whose first try at each shard fails
# (Dask retries it); and with a shard that always fails (the error names
# it, the database is as it was).
#
#   sh tests/cluster/run.sh build/lede.so
set -u
lib=${1:?usage: run.sh path/to/lede.so}
repo=$(pwd)
lib=${lib%.*}
case $lib in /*) ;; *) lib=$repo/$lib ;; esac
py=
for c in ${LEDE_PYTHON:-} python3 /usr/bin/python3; do
    if "$c" -c 'import distributed' >/dev/null 2>&1; then py=$c; break; fi
done
if [ -z "$py" ]; then
    echo "cluster test: FAILED: Dask's distributed is missing (sh tools/deps.sh test installs python3-distributed)"
    exit 1
fi
t=$(mktemp -d "${TMPDIR:-/tmp}/lede-cluster.XXXXXX")
pids=
stop() {
    for p in $pids; do kill "$p" 2>/dev/null; done
    for p in $pids; do wait "$p" 2>/dev/null; done
    rm -rf "$t"
}
trap stop EXIT
trap 'exit 130' INT TERM
status=0
pass=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { status=1; echo "FAIL $1"; [ -n "${2:-}" ] && sed 's/^/     /' "$2" | tail -15; }

# the workers' sqlite3 fails the first try at each shard when $t/mode says flaky, and every
# try at shard 2 when it says fail; otherwise it is the real one
real=$(command -v sqlite3)
mkdir -p "$t/bin"
cat > "$t/bin/sqlite3" <<EOF
#!/bin/sh
# a worker's step opens ':memory:' with the shard's file attached as stage: fail it as told
mode=\$(cat "$t/mode" 2>/dev/null)
if [ -n "\$mode" ] && [ "\$*" = "-batch :memory:" ]; then
    input=\$(cat)
    shard=\$(printf '%s\n' "\$input" | sed -n "s/^ATTACH '.*shard-\\([0-9]*\\)\\.db\\.part' AS stage;\$/\\1/p")
    case \$mode in
    flaky) if mkdir "$t/tried-\$shard" 2>/dev/null; then echo "simulated failure, first try" >&2; exit 1; fi ;;
    fail) if [ "\$shard" = 2 ]; then echo "simulated failure of shard 2" >&2; exit 1; fi ;;
    esac
    printf '%s\n' "\$input" | exec "$real" "\$@"
fi
exec "$real" "\$@"
EOF
chmod +x "$t/bin/sqlite3"

port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
addr=tcp://127.0.0.1:$port
cd "$t"
timeout 600 "$py" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port "$port" \
    --dashboard-address 127.0.0.1:0 > scheduler.log 2>&1 &
pids="$pids $!"
for w in 1 2; do
    mkdir -p "w$w"
    PATH=$t/bin:$PATH timeout 600 "$py" -m distributed.cli.dask_worker "$addr" --nworkers 1 \
        --nthreads 1 --host 127.0.0.1 --dashboard-address 127.0.0.1:0 \
        --local-directory "$t/w$w" > "worker$w.log" 2>&1 &
    pids="$pids $!"
done
if timeout 90 "$py" -c "
from distributed import Client
c = Client('$addr', timeout='60s')
c.wait_for_workers(2, timeout=60)
" > connect.log 2>&1; then
    ok "a scheduler and two workers on 127.0.0.1"
else
    bad "a scheduler and two workers on 127.0.0.1" connect.log
    cat scheduler.log worker1.log | tail -20
    exit 1
fi

sh "$repo/tests/bench/gen_articles.sh" 300 "$t/gen" > /dev/null 2>&1 && cp -R "$t/gen/n300" corpus ||
    { bad "generate the corpus"; exit 1; }
ingest() { LEDE_BATCH=25 LEDE_SHARD_BATCHES=2 LEDE_LIB=$lib timeout 300 sh "$repo/tools/ingest.sh" "$@"; }
same() {
    "$real" -batch "$1" .dump > a.dump
    "$real" -batch "$2" .dump > b.dump
    cmp -s a.dump b.dump
}
run_both() { # name: ingests corpus into local.db (--jobs 2) and cluster.db (--scheduler)
    ingest --jobs 2 local.db corpus > local.out 2>&1 || { bad "$1: the local ingest" local.out; return; }
    if ingest --scheduler "$addr" cluster.db corpus > cluster.out 2>&1; then
        if same local.db cluster.db; then ok "$1: the cluster's database is the local one"
        else bad "$1: the cluster's database differs from the local one"; fi
    else
        bad "$1: the cluster ingest" cluster.out
    fi
}

run_both "first ingest"
grep -q '^ingest: 300 articles' cluster.out && ok "300 articles" || bad "300 articles" cluster.out

# the folder changes: 3 files edited, 2 removed, 2 added, in two day folders
for f in $(find corpus -name '*.txt' | sort | sed -n "5p;200p;201p"); do
    printf '\nA correction was issued on Friday by the ministry in Lisbon.\n' >> "$f"
done
rm "$(find corpus -name '*.txt' | sort | sed -n 10p)" "$(find corpus -name '*.txt' | sort | sed -n 250p)"
day=$(dirname "$(find corpus -name '*.txt' | sort | sed -n 1p)")
for c in a b; do
    printf 'Late Update From Accra\n\nACCRA (Reuters) - Officials in Accra approved a budget on Monday (%s).\n' "$c" > "$day/zz-new-$c.txt"
done
run_both "re-ingest after changes"
grep -q '(5 files read' cluster.out && ok "the re-ingest read only the 5 changed files" ||
    bad "the re-ingest read only the 5 changed files" cluster.out

echo flaky > mode
rm -f cluster.db local.db
run_both "every shard's first try fails"
ls -d tried-* > /dev/null 2>&1 && ok "the failed tries were retried" || bad "the failed tries were retried"

echo fail > mode
cp cluster.db before.db
printf 'A new file\n\nLISBON (Reuters) - One more.\n' > corpus/zzz.txt
for f in $(find corpus -name '*.txt' | sort | sed -n '100,160p'); do printf '\nMore.\n' >> "$f"; done
if ingest --scheduler "$addr" cluster.db corpus > fail.out 2>&1; then
    bad "a shard that always fails stops the ingest" fail.out
else
    if grep -q '^shard 2 (files 51 to 100: .*) failed on .*simulated failure of shard 2' fail.out; then
        ok "a shard that always fails: the error names it"
    else
        bad "a shard that always fails: the error names it" fail.out
    fi
    same cluster.db before.db && ok "a shard that always fails: the database is as it was" ||
        bad "a shard that always fails: the database is as it was"
fi
ls -A | grep -q '\.ingest\.' && bad "no working folder left" || ok "no working folder left"
rm -f mode
echo "cluster tests: $pass passed$( [ $status -ne 0 ] && echo ', some FAILED')"
exit $status
