#!/usr/bin/env bash
# The diagnose benchmark: Backup Doctor beside the hand-written floor and Easy Rules, on the same
# random snapshots. With no arguments it runs every mode and prints the performance table (about
# 4 minutes); with arguments they go to JMH itself, e.g. scripts/bench.sh -prof stack backupDoctor
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
if [ $# -eq 0 ]; then
    exec java -cp "$classpath" dev.backupdoctor.bench.BenchmarkReport
fi
exec java -cp "$classpath" org.openjdk.jmh.Main "$@"
