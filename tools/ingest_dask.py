"""The workers of `tools/ingest.sh --scheduler ADDRESS` on a Dask cluster.

    python3 tools/ingest_dask.py ADDRESS LEDE_DIR LIB PLAN WORK

tools/ingest.sh runs this after its planner has written PLAN (the files to
read, in path order, cut into shards: table lede_shards). Each shard is a
Dask task that runs the same worker step as --jobs does on one machine,
tools/ingest_shard.sh, which writes WORK/shard-K.db; LEDE_DIR, LIB, PLAN and
WORK must be at the same paths on every worker (a shared file system). A
task that fails is retried (RETRIES more times, on any worker; Dask also
reruns the tasks of a worker that dies). Each shard done, and each shard
that cannot be done, is told to the writer of tools/ingest.sh by a line in
the FIFO WORK/ready; a shard that cannot be done also gets WORK/shard-K.err,
which names it, and the ingest stops there with the database as it was.
"""
import os
import sqlite3
import subprocess
import sys
import uuid

RETRIES = int(os.environ.get("LEDE_DASK_RETRIES", "2"))


def lede_ingest_shard(lede_dir, lib, plan, work, k):
    """Runs on a Dask worker: one try at shard k. Its error goes to
    shard-K.try-err (not shard-K.err, which would stop the writer before
    the retries)."""
    script = os.path.join(lede_dir, "tools", "ingest_shard.sh")
    env = dict(os.environ, LEDE_SHARD_TRY="1")
    proc = subprocess.run(["sh", script, lede_dir, lib, plan, work, str(k)],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                          check=False)
    if proc.returncode != 0:
        path = os.path.join(work, "shard-%d.try-err" % k)
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                message = f.read().strip()
        except OSError:
            message = proc.stdout.decode("utf-8", "replace").strip()
        raise RuntimeError(message or "shard %d failed (exit status %d)" % (k, proc.returncode))
    return k


def tell(work, line):
    with open(os.path.join(work, "ready"), "a", encoding="utf-8") as f:
        f.write(line + "\n")


def main(argv):
    if len(argv) != 6:
        print("usage: ingest_dask.py ADDRESS LEDE_DIR LIB PLAN WORK", file=sys.stderr)
        return 2
    address, lede_dir, lib, plan, work = argv[1:]
    with sqlite3.connect("file:%s?mode=ro" % plan.replace("?", "%3f").replace("#", "%23"),
                         uri=True) as db:
        shards = [k for (k,) in db.execute("SELECT k FROM lede_shards ORDER BY k")]
    from distributed import Client, as_completed  # pylint: disable=import-outside-toplevel

    client = Client(address, timeout="30s")
    run = uuid.uuid4().hex[:8]
    futures = []
    shard_of = {}
    for k in shards:
        fut = client.submit(lede_ingest_shard, lede_dir, lib, plan, work, k,
                            key="lede-shard-%s-%d" % (run, k), retries=RETRIES, pure=False)
        futures.append(fut)
        shard_of[fut.key] = k
    print("ingest_dask: %d shards on %s (%d workers)" % (
        len(shards), address, len(client.scheduler_info().get("workers", {}))), flush=True)
    status = 0
    for fut in as_completed(futures):
        k = shard_of[fut.key]
        try:
            fut.result()
        except Exception as e:  # pylint: disable=broad-except
            message = str(e).strip() or repr(e)
            if not message.startswith("shard %d" % k):
                message = "shard %d failed: %s" % (k, message)
            message += " (tried %d times)" % (RETRIES + 1)
            print(message, flush=True)
            tmp = os.path.join(work, "shard-%d.err.part" % k)
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(message + "\n")
            os.replace(tmp, os.path.join(work, "shard-%d.err" % k))
            tell(work, str(k))
            status = 1
            break
        tell(work, str(k))
    if status:
        client.cancel(futures)
    client.close()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
