#!/usr/bin/env bash
# Start-up and batch figures for docs/performance.md:
#   - JVM start to the first printed plan with the built-in rules: median of 5 runs, and peak RSS;
#     also with the start-up JVM options the doc discusses (C1 only, AppCDS);
#   - batch: snapshots/s end to end (parse, diagnose, write), peak RSS and CPU time, median of 3
#     runs on a generated fleet of BATCH_LINES lines, output to /dev/null.
# It measures `dev.backupdoctor.cli.Main diagnose FILE` / `Main batch FILE` when the CLI is built,
# and otherwise the example program that builds a doctor in code and prints one plan.
# Usage: scripts/perf.sh [BATCH_LINES]   (default 200000)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=5
BATCH_LINES=${1:-200000}
OUT=target/perf
TIME=/usr/bin/time

if [ ! -x "$TIME" ]; then
    echo "perf.sh needs GNU time for peak RSS: apt-get install time" >&2
    exit 2
fi

mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=runtime
mkdir -p "$OUT"
classpath="target/classes:$(cat cp.txt)"
# AppCDS archives only classes from jars, so that variant runs the packaged library jar.
jar_classpath="$(ls target/backup-doctor-*.jar | grep -v -e sources -e javadoc | head -1):$(cat cp.txt)"

cat > "$OUT/snapshot.json" <<'JSON'
{
  "device":  { "model": "iPhone 8", "iosVersion": "16.7.2", "latestIosVersion": "17.1.1", "screenLocked": true },
  "icloud":  { "signedIn": true, "backupEnabled": true, "verificationRequired": false },
  "wifi":    { "enabled": true, "connected": true, "signalBars": 3 },
  "power":   { "connected": true, "charging": true, "cable": "APPLE" },
  "storage": { "totalBytes": 5000000000, "usedBytes": 4200000000, "nextBackupBytes": 1500000000,
               "appBackups": [ { "app": "WhatsApp", "bytes": 900000000 } ] },
  "service": { "icloudBackup": "AVAILABLE" },
  "tried":   [ "RESTART_IPHONE" ]
}
JSON

if [ -f target/classes/dev/backupdoctor/cli/Main.class ]; then
    first_plan=(dev.backupdoctor.cli.Main diagnose "$OUT/snapshot.json")
    cli=yes
else
    # The example compiles with the tests; it builds the same doctor and prints one plan.
    classpath="$classpath:target/test-classes"
    mvn -q -B test-compile
    jar cf "$OUT/examples.jar" -C target/test-classes dev/backupdoctor/examples
    jar_classpath="$jar_classpath:$OUT/examples.jar"
    first_plan=(dev.backupdoctor.examples.DiagnoseInCode)
    cli=no
fi

# Prints "median_ms peak_rss_mb median_cpu_ms" of RUNS runs of: java OPTIONS... -cp $run_classpath MAIN ARGS...
run_classpath=$classpath
measure() {
    local times=() peaks=() cpus=()
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(date +%s%N)
        "$TIME" -f '%M %U %S' -o "$OUT/rss.txt" java "$@" -cp "$run_classpath" "${first_plan[@]}" > "$OUT/plan.txt" 2> "$OUT/stderr.txt"
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
        read -r rss user sys < <(tail -1 "$OUT/rss.txt")
        peaks+=("$rss")
        cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')")
    done
    local median peak cpu
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    peak=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)
    cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    echo "$median $(( peak / 1024 )) $cpu"
}

echo "First plan: ${first_plan[*]} (CLI on this branch: $cli), median of $RUNS runs"
# CPU time (user + system, all threads) is shown too: wall time stretches when other processes share the cores.
printf '%-44s %12s %14s %14s\n' "JVM options" "median ms" "peak RSS MB" "median CPU ms"
read -r ms mb cpu <<< "$(measure)"
printf '%-44s %12s %14s %14s\n' "(none)" "$ms" "$mb" "$cpu"
read -r ms mb cpu <<< "$(measure -XX:TieredStopAtLevel=1)"
printf '%-44s %12s %14s %14s\n' "-XX:TieredStopAtLevel=1" "$ms" "$mb" "$cpu"
run_classpath=$jar_classpath
java -XX:ArchiveClassesAtExit="$OUT/app.jsa" -cp "$run_classpath" "${first_plan[@]}" > /dev/null 2>&1
read -r ms mb cpu <<< "$(measure -XX:SharedArchiveFile="$OUT/app.jsa")"
printf '%-44s %12s %14s %14s\n' "AppCDS (-XX:SharedArchiveFile, jar)" "$ms" "$mb" "$cpu"
read -r ms mb cpu <<< "$(measure -XX:SharedArchiveFile="$OUT/app.jsa" -XX:TieredStopAtLevel=1)"
printf '%-44s %12s %14s %14s\n' "AppCDS + -XX:TieredStopAtLevel=1 (jar)" "$ms" "$mb" "$cpu"
echo "(plan printed by the last run: $(grep -c . "$OUT/plan.txt") lines)"

echo
if [ "$cli" = no ]; then
    echo "Batch: pending the CLI (dev.backupdoctor.cli.Main is not on this branch)"
    exit 0
fi
# A fleet from the tests' generator (a realistic mix of known, unknown and failing facts, with a
# few blank and invalid lines), diagnosed into /dev/null; median of $RUNS_BATCH runs.
RUNS_BATCH=3
java -cp "target/test-classes:$classpath" dev.backupdoctor.cli.batch.FleetGenerator "$BATCH_LINES" "$OUT/batch.jsonl"
records=$(grep -c . "$OUT/batch.jsonl")
walls=() peaks=() cpus=()
for _ in $(seq "$RUNS_BATCH"); do
    # Exit status 2 is expected: the generated fleet has invalid lines.
    "$TIME" -f '%e %M %U %S' -o "$OUT/rss.txt" java -cp "$classpath" dev.backupdoctor.cli.Main batch "$OUT/batch.jsonl" > /dev/null || true
    read -r wall rss user sys < <(tail -1 "$OUT/rss.txt")
    walls+=("$wall")
    peaks+=("$rss")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
done
wall=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (RUNS_BATCH + 1) / 2 ))p")
peak=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)
cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(( (RUNS_BATCH + 1) / 2 ))p")
echo "Batch: $records records ($BATCH_LINES lines) in $wall s median of $RUNS_BATCH = $(awk -v n="$records" -v s="$wall" 'BEGIN { printf "%d", n / s }') snapshots/s end to end," \
    "peak RSS $(( peak / 1024 )) MB, median CPU $cpu s (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
