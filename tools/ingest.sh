#!/bin/sh
# Ingests a folder of articles into a database, as sql/ingest.sql does (again
# on the same database: only what changed), from any current folder:
#
#   sh path/to/lede/tools/ingest.sh [--jobs N] [--pattern GLOB] [--max-size BYTES]
#                                   [--scheduler tcp://HOST:PORT] DB FOLDER
#
# DB and FOLDER are relative to the current folder. The library is the one
# built beside this script (build/lede.so), or the one LEDE_LIB names.
#
#   --jobs N       workers that read and extract in parallel (default: the
#                  number of cores); one writer fills DB in path order, so
#                  the database is the same for every N. --jobs 1 does it all
#                  in one process.
#   --pattern GLOB only the files whose path matches (lede_articles' pattern)
#   --max-size B   files larger than B bytes are not read (their row has an
#                  error); default 64 MiB
#   --scheduler A  the workers are those of a Dask cluster (tools/ingest_dask.py,
#                  docs/scale.md); FOLDER and DB's folder must be shared with them
#
# Progress goes to standard error (on a terminal, one line updated in place;
# otherwise a plain line every few seconds), then a summary. If it fails or
# is interrupted, DB is as it was before. docs/scale.md tells how it works.
set -eu
prog=tools/ingest.sh
usage_line="usage: $prog [--jobs N] [--pattern GLOB] [--max-size BYTES] [--scheduler tcp://HOST:PORT] DB FOLDER"
usage() {
    [ $# -gt 0 ] && printf '%s: %s\n' "$prog" "$1" >&2
    printf '%s\n' "$usage_line" >&2
    exit 2
}
die() { printf '%s: %s\n' "$prog" "$1" >&2; exit "${2:-1}"; }

here=$(cd "$(dirname "$0")/.." && pwd)
jobs=
pattern=
maxsize=
scheduler=
while [ $# -gt 0 ]; do
    case $1 in
    --jobs|--pattern|--max-size|--scheduler)
        [ $# -ge 2 ] || usage "$1 needs a value"
        opt=$1 val=$2
        shift 2 ;;
    --jobs=*|--pattern=*|--max-size=*|--scheduler=*)
        opt=${1%%=*} val=${1#*=}
        shift ;;
    -h|--help) printf '%s\n' "$usage_line"; exit 0 ;;
    --) shift; break ;;
    -?*) usage "unknown option $1" ;;
    *) break ;;
    esac
    case $opt in
    --jobs) jobs=$val ;;
    --pattern) pattern=$val ;;
    --max-size) maxsize=$val ;;
    --scheduler) scheduler=$val ;;
    esac
done
[ $# -eq 2 ] || usage
db=$1
root=$2
is_count() { case $1 in ''|*[!0-9]*) return 1 ;; esac; [ "$1" -gt 0 ] 2>/dev/null; }
if [ -n "$jobs" ]; then is_count "$jobs" || usage "--jobs takes a number of workers, 1 or more: $jobs"; fi
if [ -n "$maxsize" ]; then is_count "$maxsize" || usage "--max-size takes a number of bytes: $maxsize"; fi
case $pattern in /*) usage "--pattern is matched against paths relative to FOLDER: it must not start with /" ;; esac
case $scheduler in ''|tcp://*:*|tls://*:*) ;; *) usage "--scheduler takes a Dask scheduler's address, tcp://HOST:PORT: $scheduler" ;; esac
if [ -z "$jobs" ]; then
    jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null || echo 1)
    is_count "$jobs" || jobs=1
fi

# the folder, the database and the library, as absolute paths
[ -n "$root" ] || usage "FOLDER is empty"
[ -n "$db" ] || usage "DB is empty"
if [ ! -e "$root" ]; then die "no such folder: $root" 2; fi
if [ ! -d "$root" ]; then die "$root is a file, not a folder: give the folder that holds the articles" 2; fi
root=$(cd "$root" && pwd)
case $db in /*) ;; *) db=$(pwd)/$db ;; esac
[ -d "$(dirname "$db")" ] || die "no such folder for the database: $(dirname "$db")" 2
[ -d "$db" ] && die "$1 is a folder, not a database file" 2
lib=${LEDE_LIB:-$here/build/lede}
case $lib in /*) ;; *) lib=$(pwd)/$lib ;; esac
lib=${lib%.so}
lib=${lib%.dylib}
[ -f "$lib.so" ] || [ -f "$lib.dylib" ] ||
    die "the lede library is not built: no $lib.so (run make in $here, or set LEDE_LIB)" 2
command -v sqlite3 >/dev/null 2>&1 || die "the sqlite3 shell is missing (sh $here/tools/deps.sh installs it)" 2
# which build of lede extracts: the library's checksum, kept in the database (lede_meta
# 'extracted_by'); a database extracted by another build has every article extracted
# again, so that its rows never mix two builds' entities and quotes
libfile=$lib.so
[ -f "$libfile" ] || libfile=$lib.dylib
extractor="cksum $(cksum < "$libfile" | awk '{ print $1 "-" $2 }')"

batch=${LEDE_BATCH:-200}
is_count "$batch" || die "LEDE_BATCH must be a number of files: $batch" 2

# SQL quoting, and the shell's dot-command quoting
sq() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/''/g")"; }
dq() { printf '"%s"' "$(printf '%s' "$1" | sed 's/[\\"]/\\&/g')"; }
params() {
    echo ".parameter init"
    echo "INSERT OR REPLACE INTO temp.sqlite_parameters(key, value) VALUES (':root', $(sq "$root"));"
    [ -n "$pattern" ] && echo "INSERT OR REPLACE INTO temp.sqlite_parameters(key, value) VALUES (':pattern', $(sq "$pattern"));"
    [ -n "$maxsize" ] && echo "INSERT OR REPLACE INTO temp.sqlite_parameters(key, value) VALUES (':max_size', $maxsize);"
    echo "INSERT OR REPLACE INTO temp.sqlite_parameters(key, value) VALUES (':force', $force);"
    return 0
}
# the database's mark of the build that extracted it, written with the last commit
mark_sql() { echo "INSERT OR REPLACE INTO lede_meta(key, value) VALUES ('extracted_by', $(sq "$extractor"));"; }
now_ms() { t=$(date +%s%N 2>/dev/null); case $t in *N) echo $(( $(date +%s) * 1000 )) ;; *) echo $((t / 1000000)) ;; esac; }
# A process costs milliseconds of CPU time to start (more on a virtual machine), as much
# as an article's extraction: nothing below starts one per batch or per shard. The
# progress marker carries the time (milliseconds since 1970, from SQLite's clock, the
# same as date's), the quoted paths are worked out once.
progress_sql() { echo "SELECT '@@progress $1 ' || CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER);"; }

# Where the work happens: a folder beside DB (on the same file system, so the
# finished database can replace DB in one rename; shared with the workers of
# a cluster). It goes when the ingest ends, however it ends.
work=$(mktemp -d "$(dirname "$db")/.$(basename "$db").ingest.XXXXXX") ||
    die "cannot make a working folder beside $db" 1
pids=
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. How many files there are to read (a listing only, no file is opened), and
#    whether DB can be written where it is (an existing database ingested
#    with few changes, or by one process) or is built in $work and renamed.
if [ -f "$db" ]; then
    mode=$(cd "$here" && sqlite3 -batch -readonly "$db" "PRAGMA journal_mode;" 2>/dev/null) || mode=unknown
    # an articles table of today's schema (with format): one from an older lede is refused
    # by sql/check.sql further on, and every file is counted here
    has_articles=$(cd "$here" && sqlite3 -batch -readonly "$db" \
        "SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'format';" 2>/dev/null) ||
        has_articles=0
else
    mode=none
    has_articles=0
fi
force=0
if [ "$has_articles" = 1 ]; then
    # "another", "unknown" (no mark) or nothing (this build's mark, or no article yet)
    other=$(cd "$here" && sqlite3 -batch -readonly "$db" "SELECT CASE WHEN NOT EXISTS
        (SELECT 1 FROM articles) THEN '' WHEN NOT EXISTS (SELECT 1 FROM lede_meta WHERE key =
        'extracted_by') THEN 'unknown' WHEN (SELECT value FROM lede_meta WHERE key =
        'extracted_by') IS NOT $(sq "$extractor") THEN 'another' ELSE '' END;" 2>/dev/null) || other=
    if [ -n "$other" ]; then
        force=1
        forced_why="$1 was extracted by $([ "$other" = another ] && echo another || echo an earlier or unknown) build of lede: every article was read and extracted again"
    fi
fi
count_sql="SELECT count(*) FROM lede_articles(:root, coalesce(:pattern, '**'), coalesce(:max_size, 67108864)) AS s"
[ "$has_articles" = 1 ] && [ "$force" = 0 ] && count_sql="$count_sql WHERE NOT EXISTS (SELECT 1 FROM articles AS a
    WHERE a.path = s.path AND a.size IS s.size AND a.mtime IS s.mtime AND a.error IS NULL
    AND a.format IS NOT NULL)"
total=$({ echo ".load $(dq "$lib")"; params; echo "$count_sql;"; } |
    (cd "$here" && if [ "$mode" = none ]; then sqlite3 -batch -bail :memory:; else sqlite3 -batch -bail -readonly "$db"; fi)) ||
    die "cannot read $db or list $root" 1

if [ -n "$scheduler" ]; then
    parallel=1
elif [ "$jobs" -gt 1 ] && [ "$total" -gt $((2 * batch)) ]; then
    parallel=1
else
    parallel=0
fi
if [ "$mode" = none ]; then
    target=$work/new.db           # a new database: built aside, renamed at the end
elif [ "$parallel" = 1 ] && [ "$mode" != wal ] && [ ! -e "$db-journal" ]; then
    target=$work/new.db           # copied first (the writer commits shard by shard)
    (cd "$here" && sqlite3 -batch "$db" ".backup $(dq "$target")") ||
        die "cannot copy $db to work on it" 1
else
    target=$db                    # in place, in one transaction
    parallel=0
fi
[ -n "$scheduler" ] && [ "$parallel" = 0 ] &&
    die "a database in WAL mode cannot be ingested on a cluster: run PRAGMA journal_mode=DELETE on it first" 2

start=$(now_ms)
# 2. Progress: reads the writer's markers; the other lines pass through.
progress() {
    set --
    shown=0 ok=0 last=0 done_n=0
    tty=0
    [ -t 2 ] && tty=1
    while IFS= read -r line; do
        case $line in
        "@@progress "*)
            done_n=${line#@@progress }
            now=${done_n#* }
            done_n=${done_n%% *}
            [ "$done_n" -gt "$total" ] && done_n=$total
            ms=$((now - start))
            if [ "$tty" = 1 ]; then every=500; else every=5000; fi
            if [ "$ms" -ge 1000 ] && [ $((now - last)) -ge "$every" ]; then
                last=$now
                rate=$((done_n * 1000 / ms))
                left=
                [ "$rate" -gt 0 ] && left=", $(( (total - done_n + rate - 1) / rate )) s left"
                if [ "$tty" = 1 ]; then
                    printf '\r\033[Kingest: %d of %d files, %d files/s%s' "$done_n" "$total" "$rate" "$left" >&2
                    shown=1
                else
                    printf 'ingest: %d of %d files, %d files/s%s\n' "$done_n" "$total" "$rate" "$left" >&2
                fi
            fi ;;
        "@@merged "*)
            # the shards merged go ten at a time (one rm for ten)
            set -- "$@" "$work/shard-${line#@@merged }.db"
            if [ $# -ge 10 ]; then rm -f "$@"; set --; fi ;;
        "@@failed "*) [ "$shown" = 1 ] && printf '\n' >&2; shown=0; printf '%s\n' "${line#@@failed }" >&2 ;;
        "@@done") ok=1 ;;
        *) printf '%s\n' "$line" ;;
        esac
    done
    [ "$shown" = 1 ] && printf '\n' >&2
    [ "$ok" = 1 ]
}

if [ "$parallel" = 0 ]; then
    # 3a. One process: lists, reads, extracts and writes batch after batch.
    {
        echo ".load $(dq "$lib")"
        echo ".bail on"
        params
        echo ".read sql/schema.sql"
        echo "ATTACH '' AS stage;"
        echo ".output /dev/null"
        echo "PRAGMA cache_size = -32768;"
        echo ".output stdout"
        echo "BEGIN IMMEDIATE;"
        echo ".read sql/check.sql"
        echo ".read sql/ingest/plan.sql"
        lo=1
        while [ "$lo" -le "$total" ]; do
            hi=$((lo + batch - 1))
            echo ".parameter set :lo $lo"
            echo ".parameter set :hi $hi"
            echo ".read sql/ingest/read.sql"
            echo ".read sql/ingest/batch.sql"
            echo ".read sql/ingest/clear.sql"
            progress_sql "$hi"
            lo=$((hi + 1))
        done
        # whatever the count above did not see (files added meanwhile)
        echo ".parameter set :lo $lo"
        echo ".parameter set :hi 9223372036854775807"
        echo ".read sql/ingest/read.sql"
        echo ".read sql/ingest/batch.sql"
        echo ".read sql/ingest/finish.sql"
        mark_sql
        echo "COMMIT;"
        echo ".print @@done"
    } | (cd "$here" && sqlite3 -batch "$target") | progress || {
        die "failed; $1 is as it was before" 1
    }
    workers=1
else
    # 3b. Workers and one writer. The planner lists the files to read in
    #     $work/plan.db (lede_todo, numbered in path order) and cuts the list
    #     into shards of whole batches; each worker reads and extracts a shard
    #     into $work/shard-K.db (sql/ingest/read.sql; under Dask tools/ingest_shard.sh);
    #     the writer merges the shards in order (sql/ingest/batch.sql).
    plan=$work/plan.db
    per=${LEDE_SHARD_BATCHES:-2}
    [ -n "$scheduler" ] && per=${LEDE_SHARD_BATCHES:-10}
    is_count "$per" || die "LEDE_SHARD_BATCHES must be a number: $per" 2
    {
        echo ".load $(dq "$lib")"
        echo ".bail on"
        params
        echo ".read sql/schema.sql"
        echo ".read sql/check.sql"
        echo "ATTACH $(sq "$plan") AS plan;"
        echo ".read sql/ingest/scan.sql"
        echo "CREATE TABLE plan.lede_scan AS SELECT * FROM temp.lede_scan;"
        echo "CREATE TABLE plan.lede_todo(n INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, hash TEXT);"
        echo "INSERT INTO plan.lede_todo SELECT * FROM temp.lede_todo;"
        echo "CREATE TABLE plan.lede_params AS SELECT key, value FROM temp.sqlite_parameters;"
        echo "CREATE TABLE plan.lede_shards(k INTEGER PRIMARY KEY, lo INTEGER, hi INTEGER, batch INTEGER);"
        echo "INSERT INTO plan.lede_shards
                WITH RECURSIVE s(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM s
                                        WHERE k * $per * $batch < (SELECT count(*) FROM temp.lede_todo))
                SELECT k, (k - 1) * $per * $batch + 1, k * $per * $batch, $batch FROM s
                WHERE (SELECT count(*) FROM temp.lede_todo) > 0;"
        echo "SELECT count(*) FROM plan.lede_todo;"
        echo "SELECT count(*) FROM plan.lede_shards;"
    } | (cd "$here" && sqlite3 -batch "$target" 2>&1) > "$work/plan.out" || {
        cat "$work/plan.out" >&2
        die "failed; $1 is as it was before" 1
    }
    mkfifo "$work/ready" || die "cannot make a FIFO in $work" 1
    wq=$(printf '%s' "$work" | sed "s/'/''/g")   # $work inside an SQL string
    total=$(sed -n 1p "$work/plan.out")
    shards=$(sed -n 2p "$work/plan.out")

    if [ -n "$scheduler" ]; then
        workers=cluster
        # the Python that has Dask's distributed (Debian's is /usr/bin/python3)
        py=${LEDE_PYTHON:-}
        if [ -z "$py" ]; then
            for c in python3 /usr/bin/python3; do
                if "$c" -c 'import distributed' >/dev/null 2>&1; then py=$c; break; fi
            done
        fi
        if [ -z "$py" ]; then
            sh "$here/tools/deps.sh" cluster >&2 || die "--scheduler needs Dask (python3-distributed)" 2
            py=/usr/bin/python3
        fi
        { "$py" "$here/tools/ingest_dask.py" "$scheduler" "$here" "$lib" "$plan" "$work" \
            > "$work/dask.out" 2>&1 || : > "$work/failed"; echo x >> "$work/ready"; } &
        pids="$pids $!"
    else
        # Each worker is one sqlite3 process for all its shards (w, w + jobs, ...), fed
        # through the FIFOs worker-W.in and worker-W.out: the SQL of one shard (as
        # tools/ingest_shard.sh runs it under Dask), then, once it has printed that the
        # shard is done, the next. Shard K is written into $work/shard-K.db, then the
        # worker tells the writer "K" in $work/ready (the file is complete by then); if it
        # fails, $work/shard-K.err says why.
        workers=$jobs
        nworkers=$(( jobs < shards ? jobs : shards ))
        qlib=$(dq "$lib")
        qplan=$(sq "$plan")
        w=1
        while [ "$w" -le "$nworkers" ]; do
            (
                set +e
                trap '' PIPE
                # (read and write: the writer may have ended and closed it)
                exec 6<> "$work/ready"
                child=
                failed_k=
                trap 'kill $child 2>/dev/null; exit 1' TERM
                in=$work/worker-$w.in
                out=$work/worker-$w.out
                log=$work/worker-$w.log
                k=$w
                if mkfifo "$in" "$out"; then
                    (cd "$here" && exec sqlite3 -batch :memory: < "$in" > "$out" 2> "$log") &
                    child=$!
                    exec 4> "$in" 5< "$out"
                    {
                        echo ".load $qlib"
                        echo ".bail on"
                        echo "ATTACH $qplan AS plan;"
                        echo ".parameter init"
                        echo "INSERT INTO temp.sqlite_parameters(key, value) SELECT key, value FROM plan.lede_params;"
                    } >&4 2>/dev/null
                    while [ "$k" -le "$shards" ] && [ ! -e "$work/failed" ]; do
                        a=$(( (k - 1) * per * batch + 1 ))
                        hi=$(( k * per * batch ))
                        {
                            echo "ATTACH '$wq/shard-$k.db' AS stage;"
                            echo ".output /dev/null"
                            # a shard is written once and read once, in order: 64 KB pages
                            # make a sixteenth of the system calls (pwrite, then pread)
                            echo "PRAGMA stage.page_size = 65536;"
                            echo "PRAGMA stage.journal_mode = OFF;"
                            echo "PRAGMA stage.synchronous = OFF;"
                            echo ".output stdout"
                            echo "BEGIN;"
                            while [ "$a" -le "$hi" ]; do
                                echo ".parameter set :lo $a"
                                echo ".parameter set :hi $((a + batch - 1))"
                                echo ".read sql/ingest/read.sql"
                                a=$((a + batch))
                            done
                            echo "COMMIT;"
                            echo "DETACH stage;"
                            echo ".print @@shard $k"
                        } >&4 2>/dev/null
                        ok=0
                        while read -r line <&5; do
                            [ "$line" = "@@shard $k" ] && { ok=1; break; }
                        done
                        [ "$ok" = 1 ] || { failed_k=$k; break; }
                        echo "$k" >&6
                        k=$((k + jobs))
                    done
                    exec 4>&-
                    wait "$child"
                else
                    echo "cannot make a FIFO in $work" > "$log"
                    failed_k=$k
                fi
                if [ -n "$failed_k" ]; then
                    lo=$(( (k - 1) * per * batch + 1 ))
                    hi=$(( k * per * batch ))
                    [ "$hi" -le "$total" ] || hi=$total
                    first=$(sqlite3 -batch -readonly "$plan" "SELECT path FROM lede_todo WHERE n = $lo;" 2>/dev/null)
                    last=$(sqlite3 -batch -readonly "$plan" "SELECT path FROM lede_todo WHERE n = $hi;" 2>/dev/null)
                    printf 'shard %s (files %s to %s: %s to %s) failed on %s: %s\n' "$k" "$lo" "$hi" "$first" "$last" \
                        "$(hostname 2>/dev/null || echo this machine)" "$(tr '\n' ' ' < "$log" | sed 's/ *$//')" > "$work/shard-$k.err.part"
                    mv "$work/shard-$k.err.part" "$work/shard-$k.err"
                    : > "$work/failed"
                fi
                # the writer, told of a failure, waits for every worker to end
                echo "end" >&6
            ) &
            pids="$pids $!"
            w=$((w + 1))
        done
    fi

    {
        exec 3<>"$work/ready"
        ended=0
        echo ".load $(dq "$lib")"
        echo ".bail on"
        echo ".output /dev/null"
        echo "PRAGMA cache_size = -32768;"
        echo "PRAGMA journal_mode = OFF;"
        echo "PRAGMA synchronous = OFF;"
        echo ".output stdout"
        echo "ATTACH $(sq "$plan") AS plan;"
        echo "BEGIN;"
        echo ".read sql/ingest/gone.sql"
        echo "COMMIT;"
        k=1
        while [ "$k" -le "$shards" ]; do
            # wait for shard k, in order: a worker writes "K" to $work/ready when shard K is
            # done, and "end" when it ends (after a failure, with $work/failed and
            # $work/shard-K.err); under Dask, shard-K.db appears, then a line
            while :; do
                if [ -n "$scheduler" ]; then
                    [ -e "$work/shard-$k.db" ] && break
                else
                    eval "[ -z \"\${done_$k:-}\" ]" || break
                fi
                if [ -e "$work/failed" ] || [ -e "$work/shard-$k.err" ]; then
                    # once every worker has ended (on one machine), the first shard that failed
                    if [ -z "$scheduler" ]; then
                        while [ "$ended" -lt "$nworkers" ] && read -r line <&3; do
                            [ "$line" = end ] && ended=$((ended + 1))
                        done
                    fi
                    err=$(ls "$work" | sed -n 's/^shard-\([0-9]*\)\.err$/\1/p' | sort -n | head -1)
                    if [ -n "$err" ]; then
                        echo ".print $(dq "@@failed $(tr '\n' ' ' < "$work/shard-$err.err" | sed 's/ *$//')")"
                    else
                        echo ".print $(dq "@@failed $(tail -5 "$work/dask.out" 2>/dev/null | tr '\n' ' ')")"
                    fi
                    exit 1
                fi
                read -r line <&3 || exit 1
                case $line in
                end) ended=$((ended + 1)) ;;
                ''|*[!0-9]*) ;;
                *) eval "done_$line=1" ;;
                esac
            done
            lo=$(( (k - 1) * per * batch + 1 ))
            echo "ATTACH '$wq/shard-$k.db' AS stage;"
            echo "BEGIN;"
            b=0
            while [ "$b" -lt "$per" ] && [ "$lo" -le "$total" ]; do
                hi=$((lo + batch - 1))
                echo ".parameter set :lo $lo"
                echo ".parameter set :hi $hi"
                echo ".read sql/ingest/batch.sql"
                progress_sql "$hi"
                lo=$((hi + 1))
                b=$((b + 1))
            done
            echo "COMMIT;"
            echo "DETACH stage;"
            echo ".print @@merged $k"
            k=$((k + 1))
        done
        echo "PRAGMA synchronous = FULL;"
        echo "BEGIN;"
        echo ".read sql/ingest/finish.sql"
        mark_sql
        echo "COMMIT;"
        echo ".print @@done"
    } | (cd "$here" && sqlite3 -batch "$target") | progress || {
        die "failed; $1 is as it was before" 1
    }
fi

if [ "$target" != "$db" ]; then
    mv -f "$target" "$db" || die "cannot move the new database to $db; $1 is as it was before" 1
fi
elapsed=$(( $(now_ms) - start ))
[ "$force" = 1 ] && printf '%s: %s\n' "$prog" "$forced_why" >&2
sqlite3 -batch "$db" "SELECT 'ingest: ' || (SELECT count(*) FROM articles) || ' articles, '
    || (SELECT count(*) FROM sentences) || ' sentences, ' || (SELECT count(*) FROM mentions)
    || ' mentions of ' || (SELECT count(*) FROM entities) || ' entities in ' || $(sq "$1")
    || ' ($total files read in ' || printf('%.1f', $elapsed / 1000.0) || ' s, ' || $(sq "$workers")
    || ' worker' || CASE WHEN $(sq "$workers") = '1' THEN '' ELSE 's' END || ')'
    || coalesce(char(10) || 'ingest: ' || nullif((SELECT count(*) FROM articles WHERE error IS NOT NULL), 0)
       || ' of them could not be read; list them with: sqlite3 ' || $(sq "$1")
       || ' \"SELECT path, error FROM articles WHERE error IS NOT NULL\"', '');" >&2
