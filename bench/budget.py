#!/usr/bin/env python3
"""The per-delivery CPU budget of a burst, by stage, for one or more builds side by side: the
figures behind "where the time goes" before and after a change.

  python3 bench/budget.py OLD.jar NEW.jar      # each: PostgreSQL and SQLite, warm-up, then a 15 s burst

Same pools for every build, a fresh store for each run; the rest as in run.py (CpuMeter: the
service's threads from /proc, PostgreSQL, wrk, over wrk's own measured seconds).
"""
import os
import re
import sys
import shutil
import tempfile
import uuid

import run  # noqa: E402  (bench/run.py, beside this file)

JARS = [a for a in sys.argv[1:] if a.endswith(".jar")]


def burst(jar, store_env, pools):
    run.JAR = jar
    service = run.Service(store_env, 18906)
    try:
        measured = run.warm_then_burst(service, "http://127.0.0.1:18906/webhooks/titancard", pools["warmup"],
                                       pools["burst"])
        row = dict(measured["us"]["stages"])
        row["all (the process)"] = measured["us"]["service"]
        row["PostgreSQL"] = measured["us"]["postgres"]
        row["wrk"] = measured["us"]["wrk"]
        row["accepted/s"] = measured["wrk"]["ok_rate"]
        run.settle(service.port)
        return row
    finally:
        service.stop()


def main():
    if not JARS:
        sys.exit("usage: bench/budget.py A.jar [B.jar ...]")
    work = tempfile.mkdtemp(prefix="titan-budget-")
    try:
        pools = {"warmup": os.path.join(work, "warm.tsv"), "burst": os.path.join(work, "burst.tsv")}
        for pool, count in (("warmup", 30_000 * run.WARMUP_SECONDS), ("burst", 40_000 * run.BURST_SECONDS)):
            run.subprocess.run([sys.executable, os.path.join(run.BENCH, "generate.py"), str(count), run.SECRET,
                                pools[pool], "1024", "budget-" + pool], check=True)
        columns = []
        for jar in JARS:
            # the checkout the jar was built in names its column: .../<checkout>/bootstrap/target/titan-webhooks.jar
            build = os.path.basename(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(jar)))))
            for name in ("PostgreSQL", "SQLite"):
                run.log("%s: %s" % (build, name))
                if name == "SQLite":
                    store = {"DATABASE_URL": "jdbc:sqlite:" + os.path.join(work, uuid.uuid4().hex + ".db")}
                    columns.append(("%s, %s" % (build, name), burst(jar, store, pools)))
                    continue
                database = "titan_budget_" + uuid.uuid4().hex[:8]
                run.psql("CREATE DATABASE " + database)
                try:
                    url = re.sub(r"/[^/?]+(\?|$)", "/" + database + r"\1", run.PG_URL, count=1)
                    store = {"DATABASE_URL": url, "DATABASE_USER": run.PG_USER, "DATABASE_PASSWORD": run.PG_PASSWORD}
                    columns.append(("%s, %s" % (build, name), burst(jar, store, pools)))
                finally:
                    run.psql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % database)
        totals = ("all (the process)", "PostgreSQL", "wrk", "accepted/s")
        stages = []
        for _, row in columns:
            stages += [stage for stage in row if stage not in stages and stage not in totals]
        run.log("")
        run.log("CPU per accepted delivery during a %d s burst / us" % run.BURST_SECONDS)
        run.log("| stage | " + " | ".join(label for label, _ in columns) + " |")
        run.log("| --- | " + " | ".join("---" for _ in columns) + " |")
        for stage in stages + list(totals):
            run.log("| %s | %s |" % (stage, " | ".join("%.0f" % row.get(stage, 0.0) for _, row in columns)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
