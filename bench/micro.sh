#!/usr/bin/env bash
# JMH microbenchmarks of the hot pure functions (signature verification, decoding, applying
# events). Prints JMH's table; extra arguments go to JMH (e.g. -f 2 -wi 5).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl bootstrap -am -DskipTests install
./mvnw -q -B -pl bootstrap test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/jmh.classpath
java -cp "bootstrap/target/test-classes:bootstrap/target/classes:$(cat bootstrap/target/jmh.classpath)" \
  org.openjdk.jmh.Main HotPathBenchmark "$@"
