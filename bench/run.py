#!/usr/bin/env python3
"""The benchmark: one command, one machine, both stores, with the ceilings that give the figures
meaning measured in the same run.

  python3 bench/run.py            # the full run (about 8 minutes, plus the list queries at 1,000,000 rows)
  python3 bench/run.py --smoke    # a few seconds per step, to keep the script from rotting (CI)
  python3 bench/run.py --skip-lists   # without the list queries

The list queries' plans and latencies (bench/lists.sh) run last: 1,000,000 rows per listed table,
20,000 in the smoke run.

Needs: the built jar (built if missing), wrk (apt-get install wrk), node and npm (the docs' Express receiver
from ../shared/peers/seed-express, installed under bench/target on first use), pgbench and PostgreSQL at
127.0.0.1:5432 (user postgres; TEST_DATABASE_* as for the tests), and RabbitMQ at AMQP_URL
(default amqp://guest:guest@127.0.0.1:5672) for the queue's figures.
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
# BENCH_JAR measures another build (an earlier commit's, say) with this script
JAR = os.getenv("BENCH_JAR", os.path.join(ROOT, "bootstrap", "target", "titan-webhooks.jar"))
SECRET = "whsec_bench_secret"
API_TOKEN = "bench-api-token"
FEED_BACKLOG = 100_000
SMOKE = "--smoke" in sys.argv
# the list queries take 5 to 10 minutes at 1,000,000 rows and measure something else: --skip-lists leaves them out
SKIP_LISTS = "--skip-lists" in sys.argv
CONNECTIONS = 64
THREADS = 2
BURST_SECONDS = 3 if SMOKE else 15
SUSTAIN_SECONDS = 3 if SMOKE else 60
SUSTAIN_RATE = int(os.getenv("SUSTAIN_RATE", "1000" if SMOKE else "9000"))
# a second steady load at this share of the store's own burst rate: what the machine carries, end to end,
# when it is not offered more than it can take (SUSTAIN_RATE may well be more, on 2 cores)
CARRIED_SHARE = float(os.getenv("CARRIED_SHARE", "0.5"))
CARRIED_SECONDS = 3 if SMOKE else 30
CEILING_SECONDS = 2 if SMOKE else 10
WARMUP_SECONDS = 2 if SMOKE else 15
PG_URL = os.getenv("TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test")
PG_USER = os.getenv("TEST_DATABASE_USER", "postgres")
PG_PASSWORD = os.getenv("TEST_DATABASE_PASSWORD", "postgres")
PG_HOST, PG_PORT = re.match(r"jdbc:postgresql://([^:/]+):?(\d*)/", PG_URL).groups()
PG_PORT = PG_PORT or "5432"
AMQP_URL = os.getenv("AMQP_URL", "amqp://guest:guest@127.0.0.1:5672")
QUEUE_DELIVERIES = 2_000 if SMOKE else 40_000
LIST_ROWS = 20_000 if SMOKE else 1_000_000
LIST_RUNS = 20 if SMOKE else 200


def log(message):
    print(message, flush=True)


def psql(sql, database="test"):
    env = dict(os.environ, PGPASSWORD=PG_PASSWORD)
    return subprocess.run(["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", database, "-Atqc", sql],
                          check=True, capture_output=True, text=True, env=env).stdout.strip()


def wrk(url, seconds, script, extra_env, started=None):
    """Runs wrk; started(pid), if given, is told its process id once it runs."""
    flag = os.path.join(tempfile.gettempdir(), "titan-bench-start-" + uuid.uuid4().hex)
    env = dict(os.environ, THREADS=str(THREADS), CONNECTIONS=str(CONNECTIONS), START_FLAG=flag, **extra_env)
    process = subprocess.Popen(["wrk", "-t", str(THREADS), "-c", str(CONNECTIONS), "-d", "%ds" % seconds, "--timeout",
                                "5s", "-s", os.path.join(BENCH, script), url], stdout=subprocess.PIPE, text=True, env=env)
    if started:
        started(process.pid)
    out, _ = process.communicate()
    if os.path.exists(flag):
        os.unlink(flag)
    if process.returncode != 0:
        sys.exit("bench: wrk failed (%d)" % process.returncode)
    fields = dict(re.findall(r"(\w+)=(\d+)", out[out.index("RESULT"):]))
    result = {k: int(v) for k, v in fields.items()}
    if result.get("wrapped"):
        log("bench: the pool ran out during this step: from then on it measured duplicates")
    result["rate"] = result["requests"] / (result["duration_us"] / 1e6)
    result["ok_rate"] = (result["requests"] - result["non2xx"]) / (result["duration_us"] / 1e6)
    return result


def http_get(url, timeout=2):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read().decode()


def metric(port, series):
    _, body = http_get("http://127.0.0.1:%d/metrics" % port, timeout=10)
    values = {}
    for line in body.splitlines():
        if line.startswith(series):
            name, value = line.rsplit(" ", 1)
            values[name] = float(value)
    return values


def applied(port):
    """Events the worker has applied so far (a live counter; the inbox-depth gauge is cached)."""
    return sum(v for k, v in metric(port, "titan_events_applied_total").items() if 'result="processed"' in k)


def lag_quantile(before, after, q):
    """q-quantile of titan_projection_lag_seconds between two scrapes, from the histogram buckets."""
    buckets = []
    for name, value in after.items():
        m = re.search(r'le="([^"]+)"', name)
        if m and "_bucket" in name:
            bound = float("inf") if m.group(1) == "+Inf" else float(m.group(1))
            buckets.append((bound, value - before.get(name, 0)))
    buckets.sort()
    total = buckets[-1][1] if buckets else 0
    if total == 0:
        return float("nan")
    for bound, count in buckets:
        if count >= q * total:
            return bound
    return float("inf")


class Service:
    def __init__(self, store_env, port):
        self.port = port
        env = dict(os.environ, HTTP_PORT=str(port), HTTP_HOST="127.0.0.1", TITANCARD_WEBHOOK_SECRETS=SECRET,
                   API_TOKEN=API_TOKEN, LOG_LEVEL="WARN", **store_env)
        self.started = time.monotonic()
        self.process = subprocess.Popen(["java", "-Xmx256m", "-jar", JAR, "serve"], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.ready_after = self.await_ready()

    def await_ready(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if http_get("http://127.0.0.1:%d/health/ready" % self.port, timeout=1)[0] == 200:
                    return time.monotonic() - self.started
            except Exception:
                time.sleep(0.02)
        raise RuntimeError("the service did not become ready")

    def peak_rss_mb(self):
        with open("/proc/%d/status" % self.process.pid) as status:
            return int(re.search(r"VmHWM:\s+(\d+)", status.read()).group(1)) / 1024

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)


def pgbench_ceiling():
    database = "titan_bench_" + uuid.uuid4().hex[:8]
    psql("CREATE DATABASE " + database)
    try:
        psql("CREATE TABLE deliveries (seq BIGSERIAL PRIMARY KEY, key TEXT UNIQUE, body BYTEA)", database)
        with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as script:
            script.write("INSERT INTO deliveries (key, body) VALUES (md5(random()::text || clock_timestamp()::text), "
                         "convert_to(repeat('x', 1024), 'UTF8'));\n")
        env = dict(os.environ, PGPASSWORD=PG_PASSWORD)
        out = subprocess.run(["pgbench", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-n", "-c", "16", "-j", "2",
                              "-T", str(CEILING_SECONDS), "-f", script.name, database],
                             check=True, capture_output=True, text=True, env=env).stdout
        os.unlink(script.name)
        return float(re.search(r"tps = ([0-9.]+)", out).group(1))
    finally:
        psql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % database)


def noop_ceiling(pool):
    """bench/NoopReceiver.java on the jar's classes: Grizzly reading the same bodies and answering 202."""
    port = 18904
    process = subprocess.Popen(["java", "-Xmx256m", "-cp", JAR, os.path.join(BENCH, "NoopReceiver.java"), str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        if process.stdout.readline().strip() != "ready":
            sys.exit("bench: the no-op receiver did not start")
        url = "http://127.0.0.1:%d/webhooks/titancard" % port
        wrk(url, WARMUP_SECONDS, "deliveries.lua", {"POOL": pool})
        result, cpu = CpuMeter(process.pid).during(
            lambda started: wrk(url, CEILING_SECONDS, "deliveries.lua", {"POOL": pool}, started))
        result["jvm_us"], _, result["wrk_us"] = (seconds * 1e6 / max(result["requests"], 1) for seconds in cpu)
        return result
    finally:
        process.terminate()
        process.wait(timeout=30)


def express_peer(pool, work):
    """The TitanCard docs' own Express receiver (../shared/peers/seed-express): verifies, parses, keeps nothing."""
    candidates = [os.getenv("SEED_EXPRESS", ""), os.path.join(os.path.dirname(ROOT), "shared", "peers", "seed-express"),
                  "/work/shared/peers/seed-express"]
    source = next((c for c in candidates if c and os.path.isdir(c)), None)
    if source is None:
        if SMOKE:
            log("bench: the Express peer is not here (set SEED_EXPRESS to its folder); its figure is left out")
            return None
        sys.exit("bench: the Express peer is not at ../shared/peers/seed-express (set SEED_EXPRESS to its folder)")
    # the peer's folder is read-only: it runs from a copy, its modules kept between runs
    peer = os.path.join(ROOT, "bench", "target", "seed-express")
    os.makedirs(peer, exist_ok=True)
    for name in ("package.json", "server.js"):
        shutil.copyfile(os.path.join(source, name), os.path.join(peer, name))
    if not os.path.isdir(os.path.join(peer, "node_modules", "express")):
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund"], cwd=peer, check=True,
                       capture_output=True)
    port = 18905
    process = subprocess.Popen(["node", "server.js"], cwd=peer, env=dict(os.environ, WEBHOOK_SECRET=SECRET, PORT=str(port)),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = "http://127.0.0.1:%d/webhooks/titancard" % port
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(urllib.request.Request(url, data=b"{}", method="POST"), timeout=1)
            except urllib.error.HTTPError:
                break  # it answers (401: no signature): it is up
            except Exception:
                if time.monotonic() > deadline:
                    sys.exit("bench: the Express peer did not start")
                time.sleep(0.1)
        wrk(url, WARMUP_SECONDS, "deliveries.lua", {"POOL": pool})
        return wrk(url, CEILING_SECONDS, "deliveries.lua", {"POOL": pool})
    finally:
        process.terminate()
        process.wait(timeout=30)


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu(pid):
    """CPU seconds (user + system) a process has used so far."""
    with open("/proc/%d/stat" % pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def pids_named(name):
    """The running processes called name (postgres: the server and its backends)."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/comm" % entry) as comm:
                    if comm.read().strip() == name:
                        pids.append(int(entry))
            except (FileNotFoundError, ProcessLookupError):
                pass
    return pids


def cpu_of(pids):
    """CPU seconds used so far by those of pids still running."""
    total = 0.0
    for pid in pids:
        try:
            total += process_cpu(pid)
        except (FileNotFoundError, ProcessLookupError, IndexError):
            pass
    return total


# the service's threads by what they do, from their names (Linux keeps the first 15 characters)
THREAD_STAGES = [
    ("Grizzly-worker", "read, verify, decode, hand to the writer (Grizzly workers)"),
    ("grizzly-nio-ker", "network: accept, read, write (Grizzly selectors)"),
    ("inbox-writer", "store: group commit (inbox writers)"),
    ("responder", "answer: write the 2xx after the commit (responders)"),
    ("projection-work", "project: apply and save (projection worker)"),
    ("GC Thread", "garbage collection"), ("G1 ", "garbage collection"),
    ("C1 CompilerThre", "JIT compilation"), ("C2 CompilerThre", "JIT compilation"),
]


def thread_cpu(pid):
    """CPU seconds per stage (THREAD_STAGES) used so far by the threads of a process."""
    stages = {}
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/comm" % (pid, task)) as comm:
                name = comm.read().strip()
            with open("/proc/%d/task/%s/stat" % (pid, task)) as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue  # a thread that ended took its time with it; the stages say so by not adding up
        stage = next((label for prefix, label in THREAD_STAGES if name.startswith(prefix)), "other threads")
        stages[stage] = stages.get(stage, 0.0) + (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return stages


class CpuMeter:
    """CPU spent by the service (in all and by stage), PostgreSQL and wrk, read every 250 ms in the
    background while wrk runs, and counted over wrk's own measured seconds, scaled from the readings
    around them (deliveries.lua holds every request until wrk's threads have all loaded their pool,
    so the deliveries counted fall in those seconds too). Unlike rates, these per-delivery costs
    hardly move when something else shares the machine."""

    def __init__(self, pid):
        self.pid = pid

    def during(self, load):
        """Runs load(started), a wrk call that reports its pid to started; answers its result, and the
        CPU seconds over its measured duration: [service, PostgreSQL, wrk] and the service's by stage."""
        postgres = pids_named("postgres")  # read once: scanning /proc every time would load what it measures
        wrk_pid, readings, done = [], [], threading.Event()

        def read():
            while not done.is_set():
                if wrk_pid:
                    readings.append((time.monotonic(), process_cpu(self.pid), cpu_of(postgres), cpu_of(wrk_pid),
                                     thread_cpu(self.pid)))
                done.wait(0.25)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        try:
            result = load(wrk_pid.append)
        finally:
            done.set()
            reader.join()
        running = [r for r in readings if r[3] > 0]  # wrk's CPU reads 0 once it has exited
        if len(running) < 2 or result["duration_us"] <= 0:
            sys.exit("bench: wrk ran too briefly to read its CPU")
        last = running[-1]
        start = last[0] - result["duration_us"] / 1e6
        first = min(running, key=lambda r: abs(r[0] - start))
        scale = (result["duration_us"] / 1e6) / max(last[0] - first[0], 1e-3)
        cpu = [(a - b) * scale for a, b in zip(last[1:4], first[1:4])]
        self.threads = {stage: (seconds - first[4].get(stage, 0.0)) * scale for stage, seconds in last[4].items()}
        return result, cpu

    def start(self):
        self.postgres = pids_named("postgres")
        self.before = (process_cpu(self.pid), cpu_of(self.postgres))
        return self

    def stop(self):
        """[service, PostgreSQL] CPU seconds since start()."""
        return [a - b for a, b in zip((process_cpu(self.pid), cpu_of(self.postgres)), self.before)]


def accepted(port):
    """New events the service has stored (its own count: a wrapped pool would also yield duplicates)."""
    return sum(v for k, v in metric(port, "titan_deliveries_total").items() if 'outcome="accepted"' in k)


def settle(port, limit=30 if SMOKE else 300):
    """Waits until the worker has applied every accepted event; answers when that happened."""
    deadline = time.monotonic() + limit
    while applied(port) < accepted(port):
        if time.monotonic() > deadline:
            sys.exit("bench: the worker did not apply every accepted event within %d s" % limit)
        time.sleep(0.05)
    return time.monotonic()


def drain_feed(port, at_most):
    """Reads the change feed from its start, 1,000 a page, as a consumer catching up would."""
    cursor, read, pages, size = "", 0, 0, 0
    started = time.monotonic()
    while read < at_most:
        request = urllib.request.Request("http://127.0.0.1:%d/api/changes?limit=1000&after=%s" % (port, cursor),
                                         headers={"Authorization": "Bearer " + API_TOKEN})
        with urllib.request.urlopen(request, timeout=60) as response:
            body = response.read()
        page = json.loads(body)
        if not page["changes"]:
            break
        read += len(page["changes"])
        pages += 1
        size += len(body)
        cursor = page["next_cursor"]
    seconds = time.monotonic() - started
    return read, read / seconds if seconds > 0 else float("nan"), size / max(read, 1)


def feed_storage(store_env):
    """Average bytes a change takes in the store (its row's two snapshots), and a connection's own state."""
    if "jdbc:sqlite:" in store_env["DATABASE_URL"]:
        path = store_env["DATABASE_URL"][len("jdbc:sqlite:"):]
        query = ("SELECT AVG(LENGTH(after_state) + COALESCE(LENGTH(before_state), 0)), "
                 "(SELECT AVG(LENGTH(state)) FROM connections) FROM changes")
        out = subprocess.run(["python3", "-c", "import sqlite3,sys; print('|'.join(str(v) for v in "
                              "sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()))", path, query],
                             check=True, capture_output=True, text=True).stdout.strip()
    else:
        database = re.search(r"/([^/?]+)(\?|$)", store_env["DATABASE_URL"]).group(1)
        out = psql("SELECT AVG(pg_column_size(after_state) + COALESCE(pg_column_size(before_state), 0)), "
                   "(SELECT AVG(pg_column_size(state)) FROM connections) FROM changes", database)
    change, state = (float(v) for v in out.split("|"))
    return change, state


def queue_load(*args):
    """bench/QueueLoad.java, run on the jar's classes: the relay's side of the queue."""
    out = subprocess.run(["java", "-cp", JAR, os.path.join(BENCH, "QueueLoad.java")] + list(args), check=True,
                         capture_output=True, text=True).stdout
    return {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", out)}


def run_queue(store_env, pool):
    """On PostgreSQL: a backlog of relayed deliveries taken from the queue (how fast the service takes
    them, next to HTTP's burst), the change feed published while they are applied (does it keep up?),
    then the whole feed published again to a new exchange (the publisher's own rate)."""
    port = 18903
    run = "titan-bench-" + uuid.uuid4().hex[:8]
    queue, exchange, again = run + ".deliveries", run + ".changes", run + ".changes-again"
    try:
        published = queue_load("publish", AMQP_URL, queue, pool)
        count = int(published["published"])
        service = Service(dict(store_env, AMQP_URL=AMQP_URL, AMQP_DELIVERIES_QUEUE=queue, AMQP_CHANGES_EXCHANGE=exchange),
                          port)
        try:
            acked = until(lambda: queue_acknowledged(port), count)
            applied_at = until(lambda: applied(port), count)[1]
            total = changes_written(port)
            published_at = until(lambda: changes_confirmed(port), total)[1]
        finally:
            service.stop()
        service = Service(dict(store_env, AMQP_URL=AMQP_URL, AMQP_CHANGES_EXCHANGE=again), port)
        try:
            republished = until(lambda: changes_confirmed(port), total)
        finally:
            service.stop()
        return {
            "relay_publish_per_s": published["publish_per_s"],
            "queue_accepted_per_s": acked[0],
            "changes": total,
            "publish_after_projection_s": max(published_at - applied_at, 0.0),
            "changes_published_per_s": republished[0],
        }
    finally:
        queue_load("cleanup", AMQP_URL, queue, exchange, again)


def queue_acknowledged(port):
    return sum(v for k, v in metric(port, "titan_queue_deliveries_total").items() if 'disposition="acknowledged"' in k)


def changes_written(port):
    return sum(metric(port, "titan_changes_written_total").values())


def changes_confirmed(port):
    return sum(metric(port, "titan_changes_published_position").values())


def until(counter, target):
    """Polls a counter until it reaches target; answers its rate from its first rise on, and when it got there."""
    deadline = time.monotonic() + (60 if SMOKE else 600)
    first = None
    while True:
        now, value = time.monotonic(), counter()
        if first is None and value > 0:
            first = (now, value)
        if value >= target:
            rate = (target - first[1]) / (now - first[0]) if now > first[0] else float("nan")
            return rate, now
        if now > deadline:
            sys.exit("bench: %d of %d after %d s" % (value, target, deadline))
        time.sleep(0.02)


def warm_then_burst(service, url, warm_pool, burst_pool):
    """A warm-up (the JIT needs a few seconds of load before the figures mean anything), settled, then
    the measured burst. Answers wrk's result, the deliveries accepted and the events applied during
    it, when it ended, and the CPU per accepted delivery (wrk's per request): "service", "postgres",
    "wrk" and "stages", the service's by stage."""
    port = service.port
    wrk(url, WARMUP_SECONDS, "deliveries.lua", {"POOL": warm_pool})
    settle(port)
    accepted_before, applied_before = accepted(port), applied(port)
    meter = CpuMeter(service.process.pid)
    result, cpu = meter.during(lambda started: wrk(url, BURST_SECONDS, "deliveries.lua", {"POOL": burst_pool}, started))
    ended = time.monotonic()
    deliveries = max(accepted(port) - accepted_before, 1)
    return {"wrk": result, "accepted": deliveries, "applied": applied(port) - applied_before, "ended": ended,
            "us": {"service": cpu[0] * 1e6 / deliveries, "postgres": cpu[1] * 1e6 / deliveries,
                   "wrk": cpu[2] * 1e6 / max(result["requests"], 1),
                   "stages": {stage: seconds * 1e6 / deliveries for stage, seconds in meter.threads.items()}}}


def run_store(name, store_env, pools, health_ceiling, pg_ceiling):
    port = 18900 if name == "PostgreSQL" else 18901
    service = Service(store_env, port)
    try:
        url = "http://127.0.0.1:%d/webhooks/titancard" % port
        measured = warm_then_burst(service, url, pools[name + "-warmup"], pools["burst"])
        burst, burst_end, burst_accepted = measured["wrk"], measured["ended"], measured["accepted"]
        backlog = accepted(port) - applied(port)
        applied_in_burst = measured["applied"]
        meter = CpuMeter(service.process.pid).start()
        drain = settle(port) - burst_end
        drain_cpu = meter.stop()

        lag_before = metric(port, "titan_projection_lag_seconds_bucket")
        processed_before = applied(port)
        sustain = wrk(url, SUSTAIN_SECONDS, "deliveries.lua", {"POOL": pools["sustain"], "RATE": str(SUSTAIN_RATE)})
        processed_after = applied(port)
        lag_after = metric(port, "titan_projection_lag_seconds_bucket")
        seconds = sustain["duration_us"] / 1e6
        settle(port)
        carried_rate = max(int(burst["ok_rate"] * CARRIED_SHARE), 1)
        carried_lag_before, carried_before = metric(port, "titan_projection_lag_seconds_bucket"), applied(port)
        carried = wrk(url, CARRIED_SECONDS, "deliveries.lua", {"POOL": pools["carried"], "RATE": str(carried_rate)})
        carried_seconds = carried["duration_us"] / 1e6
        carried_applied = (applied(port) - carried_before) / carried_seconds
        carried_lag = lag_quantile(carried_lag_before, metric(port, "titan_projection_lag_seconds_bucket"), 0.99)
        settle(port)
        backlog, drain_rate, change_json = drain_feed(port, FEED_BACKLOG)
        change_bytes, state_bytes = feed_storage(store_env)
        return {
            "store": name,
            "accepted_per_s": burst["ok_rate"],
            "p50_ms": burst["p50_us"] / 1000, "p99_ms": burst["p99_us"] / 1000, "p999_ms": burst["p999_us"] / 1000,
            "non2xx": burst["non2xx"], "errors": burst["errors"],
            "vs_http": burst["ok_rate"] / health_ceiling,
            "vs_pgbench": burst["ok_rate"] / pg_ceiling,
            "drain_s": drain,
            "burst_applied_share": applied_in_burst / max(burst_accepted, 1),
            "catch_up_per_s": backlog / drain if drain > 0 else float("nan"),
            "jvm_us": measured["us"]["service"],
            "stage_us": measured["us"]["stages"],
            "pg_us": measured["us"]["postgres"],
            "wrk_us": measured["us"]["wrk"],
            "catch_up_jvm_us": drain_cpu[0] * 1e6 / max(backlog, 1),
            "catch_up_pg_us": drain_cpu[1] * 1e6 / max(backlog, 1),
            "sustained_received_per_s": (sustain["requests"] - sustain["non2xx"]) / seconds,
            "sustained_applied_per_s": (processed_after - processed_before) / seconds,
            "sustained_non2xx": sustain["non2xx"] + sustain["errors"],
            "lag_p99_s": lag_quantile(lag_before, lag_after, 0.99),
            "carried_offered_per_s": carried_rate,
            "carried_received_per_s": (carried["requests"] - carried["non2xx"]) / carried_seconds,
            "carried_applied_per_s": carried_applied,
            "carried_non2xx": carried["non2xx"] + carried["errors"],
            "carried_lag_p99_s": carried_lag,
            "ready_s": service.ready_after,
            "feed_backlog": backlog, "feed_drain_per_s": drain_rate, "feed_json_bytes": change_json,
            "change_row_bytes": change_bytes, "connection_state_bytes": state_bytes,
            "rss_mb": service.peak_rss_mb(),
        }
    finally:
        service.stop()


def main():
    for tool in ("wrk", "pgbench", "psql", "java", "node", "npm"):
        if shutil.which(tool) is None:
            sys.exit("bench: %s is not installed (wrk: apt-get install wrk)" % tool)
    if not os.path.exists(JAR):
        log("building the jar")
        subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "-B", "-DskipTests", "package"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="titan-bench-")
    try:
        # the pools must outlast the load: a wrapped pool measures the duplicate path
        burst_count = 40_000 * BURST_SECONDS
        sustain_count = int(SUSTAIN_RATE * SUSTAIN_SECONDS * 1.2)
        carried_count = int(40_000 * CARRIED_SHARE * CARRIED_SECONDS)
        warmup_count = 30_000 * WARMUP_SECONDS
        pools = {"burst": os.path.join(work, "burst.tsv"), "sustain": os.path.join(work, "sustain.tsv"),
                 "carried": os.path.join(work, "carried.tsv"),
                 "PostgreSQL-warmup": os.path.join(work, "warm-pg.tsv"), "SQLite-warmup": os.path.join(work, "warm-sqlite.tsv")}
        for pool, prefix in (("PostgreSQL-warmup", "warm-pg"), ("SQLite-warmup", "warm-sqlite")):
            subprocess.run([sys.executable, os.path.join(BENCH, "generate.py"), str(warmup_count), SECRET, pools[pool],
                            "1024", prefix], check=True)
        pools["queue"] = os.path.join(work, "queue.tsv")
        subprocess.run([sys.executable, os.path.join(BENCH, "generate.py"), str(QUEUE_DELIVERIES), SECRET, pools["queue"],
                        "1024", "queue"], check=True)
        log("generating %d + %d signed 1 KB deliveries" % (burst_count, sustain_count))
        subprocess.run([sys.executable, os.path.join(BENCH, "generate.py"), str(burst_count), SECRET, pools["burst"],
                        "1024", "burst"], check=True)
        subprocess.run([sys.executable, os.path.join(BENCH, "generate.py"), str(sustain_count), SECRET,
                        pools["sustain"], "1024", "sustain"], check=True)
        subprocess.run([sys.executable, os.path.join(BENCH, "generate.py"), str(carried_count), SECRET,
                        pools["carried"], "1024", "carried"], check=True)

        log("ceiling: pgbench, one durable single-row INSERT of 1 KB per transaction, 16 clients")
        pg_ceiling = pgbench_ceiling()
        log("ceiling: GET /health/live on the same server, %d connections" % CONNECTIONS)
        probe = Service({"DATABASE_URL": "jdbc:sqlite:" + os.path.join(work, "health.db")}, 18902)
        try:
            wrk("http://127.0.0.1:18902/health/live", WARMUP_SECONDS, "health.lua", {})
            health = wrk("http://127.0.0.1:18902/health/live", CEILING_SECONDS, "health.lua", {})
        finally:
            probe.stop()

        log("ceiling: a no-op Grizzly handler reading the same bodies and answering 202")
        noop = noop_ceiling(pools["PostgreSQL-warmup"])
        log("peer: the TitanCard docs' Express receiver (verifies, parses, keeps nothing)")
        express = express_peer(pools["SQLite-warmup"], work)

        results = []
        database = "titan_bench_" + uuid.uuid4().hex[:8]
        psql("CREATE DATABASE " + database)
        try:
            log("PostgreSQL: burst %ds, then %ds at %d/s offered" % (BURST_SECONDS, SUSTAIN_SECONDS, SUSTAIN_RATE))
            pg_url = re.sub(r"/[^/?]+(\?|$)", "/" + database + r"\1", PG_URL, count=1)
            results.append(run_store("PostgreSQL", {"DATABASE_URL": pg_url, "DATABASE_USER": PG_USER,
                                                    "DATABASE_PASSWORD": PG_PASSWORD}, pools, health["rate"], pg_ceiling))
        finally:
            psql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % database)
        database = "titan_bench_" + uuid.uuid4().hex[:8]
        psql("CREATE DATABASE " + database)
        try:
            log("RabbitMQ: %d deliveries relayed through the queue, the change feed published to the exchange"
                % QUEUE_DELIVERIES)
            pg_url = re.sub(r"/[^/?]+(\?|$)", "/" + database + r"\1", PG_URL, count=1)
            queued = run_queue({"DATABASE_URL": pg_url, "DATABASE_USER": PG_USER, "DATABASE_PASSWORD": PG_PASSWORD},
                               pools["queue"])
        finally:
            psql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % database)
        log("SQLite: burst %ds, then %ds at %d/s offered" % (BURST_SECONDS, SUSTAIN_SECONDS, SUSTAIN_RATE))
        results.append(run_store("SQLite", {"DATABASE_URL": "jdbc:sqlite:" + os.path.join(work, "bench.db")}, pools,
                                 health["rate"], pg_ceiling))

        log("")
        log("ceilings (same run): GET /health/live %.0f req/s (p99 %.1f ms); pgbench single-row INSERT %.0f tps"
            % (health["rate"], health["p99_us"] / 1000, pg_ceiling))
        log("no-op Grizzly handler, same bodies: %.0f req/s (p99 %.1f ms; CPU per request: %.0f us in the JVM, "
            "%.0f us in wrk)" % (noop["rate"], noop["p99_us"] / 1000, noop["jvm_us"], noop["wrk_us"]))
        if express:
            log("the docs' Express receiver: %.0f req/s (p99 %.1f ms, %d non-2xx)"
                % (express["rate"], express["p99_us"] / 1000, express["non2xx"]))
        for r in results:
            r["vs_noop"] = r["accepted_per_s"] / noop["rate"]
            r["vs_express"] = r["accepted_per_s"] / express["ok_rate"] if express else float("nan")
        log("")
        rows = [
            ("burst: accepted deliveries/s", "accepted_per_s", "%.0f"),
            ("burst: latency p50 / ms", "p50_ms", "%.1f"),
            ("burst: latency p99 / ms", "p99_ms", "%.1f"),
            ("burst: latency p99.9 / ms", "p999_ms", "%.1f"),
            ("burst: non-2xx answers", "non2xx", "%d"),
            ("burst: socket errors", "errors", "%d"),
            ("burst: ratio to GET /health/live", "vs_http", "%.2f"),
            ("burst: ratio to pgbench INSERT", "vs_pgbench", "%.2f"),
            ("burst: ratio to the no-op Grizzly handler", "vs_noop", "%.2f"),
            ("burst: ratio to the docs' Express receiver", "vs_express", "%.2f"),
            ("burst: share of its events applied during it", "burst_applied_share", "%.2f"),
            ("burst: CPU per accepted delivery, service / us", "jvm_us", "%.0f"),
            ("burst: CPU per accepted delivery, PostgreSQL / us", "pg_us", "%.0f"),
            ("burst: CPU per request, wrk / us", "wrk_us", "%.0f"),
            ("burst: time until all applied / s", "drain_s", "%.1f"),
            ("catch-up: backlog applied/s after the burst", "catch_up_per_s", "%.0f"),
            ("catch-up: CPU per event applied, service / us", "catch_up_jvm_us", "%.0f"),
            ("catch-up: CPU per event applied, PostgreSQL / us", "catch_up_pg_us", "%.0f"),
            ("sustained: received/s", "sustained_received_per_s", "%.0f"),
            ("sustained: applied/s", "sustained_applied_per_s", "%.0f"),
            ("sustained: non-2xx + errors", "sustained_non2xx", "%d"),
            ("sustained: projection lag p99 / s", "lag_p99_s", "%.3f"),
            ("carried: rate asked of wrk/s (%.0f%% of the burst's, %d s)" % (100 * CARRIED_SHARE, CARRIED_SECONDS),
             "carried_offered_per_s", "%.0f"),
            ("carried: received/s, applied/s", None, None),
            ("carried: non-2xx + errors", "carried_non2xx", "%d"),
            ("carried: projection lag p99 / s", "carried_lag_p99_s", "%.3f"),
            ("start-up to ready / s", "ready_s", "%.2f"),
            ("feed: changes read from the start (backlog)", "feed_backlog", "%d"),
            ("feed: drain rate of that backlog / changes/s", "feed_drain_per_s", "%.0f"),
            ("feed: bytes of JSON per change served", "feed_json_bytes", "%.0f"),
            ("feed: bytes stored per change (both snapshots)", "change_row_bytes", "%.0f"),
            ("feed: bytes of a connection's own stored state", "connection_state_bytes", "%.0f"),
            ("peak RSS / MB (-Xmx256m)", "rss_mb", "%.0f"),
        ]
        log("| figure | " + " | ".join(r["store"] for r in results) + " |")
        log("| --- | " + " | ".join("---" for _ in results) + " |")
        for label, key, fmt in rows:
            if key is None:  # two figures in one cell
                log("| %s | %s |" % (label, " | ".join("%.0f, %.0f" % (r["carried_received_per_s"], r["carried_applied_per_s"])
                                                      for r in results)))
            else:
                log("| %s | %s |" % (label, " | ".join(fmt % r[key] for r in results)))
        log("")
        log("burst: the service's CPU per accepted delivery by stage, from its threads' own counters / us "
            "(the no-op handler: %.0f us in all)" % noop["jvm_us"])
        stages = sorted({stage for r in results for stage in r["stage_us"]},
                        key=lambda stage: -results[0]["stage_us"].get(stage, 0.0))
        log("| stage | " + " | ".join(r["store"] for r in results) + " |")
        log("| --- | " + " | ".join("---" for _ in results) + " |")
        for stage in stages:
            log("| %s | %s |" % (stage, " | ".join("%.0f" % r["stage_us"].get(stage, 0.0) for r in results)))
        log("| all (the process) | %s |" % " | ".join("%.0f" % r["jvm_us"] for r in results))
        log("")
        log("RabbitMQ, PostgreSQL store (a backlog of %d relayed deliveries, each a new connection):" % QUEUE_DELIVERIES)
        log("| figure | value |")
        log("| --- | --- |")
        log("| relayed deliveries taken from the queue and acknowledged/s (HTTP burst above: %.0f) | %.0f |"
            % (results[0]["accepted_per_s"], queued["queue_accepted_per_s"]))
        log("| relay: deliveries published/s, with confirms | %.0f |" % queued["relay_publish_per_s"])
        log("| change feed: last change confirmed after the last delivery applied / s | %.2f |"
            % queued["publish_after_projection_s"])
        log("| change feed: backlog of %d changes published/s to a new exchange, with confirms | %.0f |"
            % (queued["changes"], queued["changes_published_per_s"]))
        if not SKIP_LISTS:
            log("")
            log("list queries on PostgreSQL, %d rows per listed table: each one's plan, then latency through the port"
                % LIST_ROWS)
            subprocess.run([os.path.join(BENCH, "lists.sh"), str(LIST_ROWS), str(LIST_RUNS)], check=True)
        failures = [r["store"] for r in results if r["non2xx"] or r["errors"] or r["accepted_per_s"] <= 0]
        if failures:
            sys.exit("bench: non-2xx answers or no accepted deliveries on " + ", ".join(failures))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
