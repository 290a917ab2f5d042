#!/usr/bin/env bash
# The list queries at size on PostgreSQL: fills every listed table with ROWS rows (default
# 1,000,000), then prints the plan of each list query (with and without each filter, first page
# and a later keyset page) and its latency through the port, p50 and p99 of RUNS calls.
#   bench/lists.sh              # 1,000,000 rows a table (a few minutes, most of it filling)
#   bench/lists.sh 20000 50     # the smoke run's size
# Needs PostgreSQL at TEST_DATABASE_URL (default jdbc:postgresql://127.0.0.1:5432/test, user postgres),
# in a database of its own that it drops. Builds the persistence adapter's test classes (no install).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
RUNS="${2:-200}"
./mvnw -q -B -o -pl adapters-persistence -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/lists.classpath >/dev/null 2>&1 \
  || ./mvnw -q -B -pl adapters-persistence -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
       -Dmdep.outputFile=target/lists.classpath
java -cp "adapters-persistence/target/test-classes:adapters-persistence/target/classes:$(cat adapters-persistence/target/lists.classpath)" \
  com.titan.webhooks.adapter.out.persistence.ListQueryBenchmark "$ROWS" "$RUNS"
