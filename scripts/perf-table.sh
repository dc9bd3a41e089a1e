#!/usr/bin/env bash
# One run, one table (docs/performance.md): the warm cost of one diagnosis for the hand-written
# floor, the Easy Rules peer and Backup Doctor (JMH, median of the sample distribution, same random
# snapshots); `batch` end to end on generated fleets of 200,000 and 1,000,000 lines (snapshots/s,
# peak RSS, CPU time) beside scripts/plans.py, a plain single-threaded Python planner deciding the
# same actions (without their wording); and JVM start to the first plan beside a bare `java Hello` (median of 5).
# Needs Java 17, Maven, Python 3 and GNU time (apt-get install time). About 4 minutes.
# Usage: scripts/perf-table.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/perf-table
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "perf-table.sh needs GNU time for peak RSS: apt-get install time" >&2; exit 2; }
mkdir -p "$OUT"
load() { cut -d' ' -f1 /proc/loadavg; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

mvn -q -B -Pbench -DskipTests package test-compile dependency:build-classpath \
    -Dmdep.outputFile="$OUT/bench-cp.txt" -Dmdep.includeScope=test
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=runtime
cp="target/classes:$(cat "$OUT/cp.txt")"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# Diagnose, warm: one fork, JMH sample mode, the median of every sampled call.
java -cp "target/test-classes:target/classes:$(cat "$OUT/bench-cp.txt")" org.openjdk.jmh.Main DiagnoseBenchmark \
    -f 1 -wi 4 -w 2s -i 6 -r 2s -bm sample -tu ns -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.txt"
diagnose_ns() {
    python3 -c "import json,sys; r=[b for b in json.load(open('$OUT/jmh.json')) if b['benchmark'].endswith('.$1')][0]; print(int(r['primaryMetric']['scorePercentiles']['50.0']))"
}

# Batch: the same generated fleets through both planners, output to /dev/null.
java -cp "target/test-classes:$cp" dev.backupdoctor.bench.RandomSnapshots 200000 1 > "$OUT/fleet-200k.jsonl"
java -cp "target/test-classes:$cp" dev.backupdoctor.bench.RandomSnapshots 1000000 2 > "$OUT/fleet-1m.jsonl"
# Prints "wall_s rss_mb cpu_s" for one run of the command.
timed() {
    "$TIME" -f '%e %M %U %S' -o "$OUT/time.txt" "$@" > /dev/null 2> "$OUT/stderr.txt" || [ $? -eq 2 ]
    awk '{ printf "%s %d %.1f\n", $1, $2 / 1024, $3 + $4 }' "$OUT/time.txt"
}
batch_row() { # NAME FILE RUNS COMMAND...
    local name=$1 file=$2 runs=$3; shift 3
    local lines walls=() rss=() cpus=()
    lines=$(grep -c . "$file")
    for _ in $(seq "$runs"); do
        read -r wall mb cpu <<< "$(timed "$@" "$file")"
        walls+=("$wall"); rss+=("$mb"); cpus+=("$cpu")
    done
    local wall peak cpu
    wall=$(printf '%s\n' "${walls[@]}" | median)
    peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
    cpu=$(printf '%s\n' "${cpus[@]}" | median)
    printf '| %s | %s | %s s | %s | %s MB | %s s |\n' "$name" "$lines" "$wall" \
        "$(awk -v n="$lines" -v s="$wall" 'BEGIN { printf "%d", n / s }')" "$peak" "$cpu"
}
{
    batch_row "Backup Doctor \`batch\`" "$OUT/fleet-200k.jsonl" 3 java -cp "$cp" dev.backupdoctor.cli.Main batch
    batch_row "scripts/plans.py" "$OUT/fleet-200k.jsonl" 3 python3 scripts/plans.py
    batch_row "Backup Doctor \`batch\`" "$OUT/fleet-1m.jsonl" 1 java -cp "$cp" dev.backupdoctor.cli.Main batch
    batch_row "scripts/plans.py" "$OUT/fleet-1m.jsonl" 1 python3 scripts/plans.py
} > "$OUT/batch.md"

# Start-up: JVM start to the first printed plan, beside a JVM that only prints a line.
mkdir -p "$OUT/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$OUT/hello/Hello.java"
javac -d "$OUT/hello" "$OUT/hello/Hello.java"
startup_ms() {
    for _ in 1 2 3 4 5; do
        local start end
        start=$(date +%s%N); "$@" > /dev/null; end=$(date +%s%N)
        echo $(( (end - start) / 1000000 ))
    done | median
}
hello=$(startup_ms java -cp "$OUT/hello" Hello)
first_plan=$(startup_ms java -cp "$cp" dev.backupdoctor.cli.Main diagnose examples/snapshots/icloud-full-app-backups.json)

floor=$(diagnose_ns floor); easy=$(diagnose_ns easyRules); doctor=$(diagnose_ns backupDoctor)
cat <<TABLE
Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | head -1), load average at the end $(load).

| diagnose, warm, one thread (JMH sample median) | ns | × floor | × Easy Rules |
|---|---:|---:|---:|
| hand-written floor | $floor | 1.0 | $(awk -v a="$floor" -v b="$easy" 'BEGIN { printf "%.2f", a / b }') |
| Easy Rules 4.1.0 | $easy | $(awk -v a="$easy" -v b="$floor" 'BEGIN { printf "%.1f", a / b }') | 1.00 |
| Backup Doctor | $doctor | $(awk -v a="$doctor" -v b="$floor" 'BEGIN { printf "%.1f", a / b }') | $(awk -v a="$doctor" -v b="$easy" 'BEGIN { printf "%.2f", a / b }') |

| batch, end to end incl. JVM start | lines | wall (median) | snapshots/s | peak RSS | CPU |
|---|---:|---:|---:|---:|---:|
$(cat "$OUT/batch.md")

| start-up, median of 5 | ms |
|---|---:|
| \`java Hello\` | $hello |
| \`Main diagnose FILE\` (JVM start to the printed plan) | $first_plan |
TABLE
