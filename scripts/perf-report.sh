#!/usr/bin/env bash
# `report` beside `batch` on the same generated fleets (docs/performance.md, "report"): 200,000 and
# 1,000,000 lines, 3 runs of each command, taking turns so that both see the same machine; wall
# time (JVM start included), lines/s, peak RSS and CPU time (user + system), medians of the 3 runs.
# Needs Java 17, Maven and GNU time (apt-get install time). About 5 minutes on 2 cores.
# Usage: scripts/perf-report.sh   (the fleets stay in target/perf-report and are reused)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/perf-report
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "perf-report.sh needs GNU time for peak RSS: apt-get install time" >&2; exit 2; }
mkdir -p "$OUT"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
commas() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=runtime
cp="target/classes:$(cat "$OUT/cp.txt")"
# The same fleets as scripts/perf-table.sh.
fleet() { java -cp "target/test-classes:$cp" dev.backupdoctor.bench.RandomSnapshots "$@"; }
[ -s "$OUT/fleet-200k.jsonl" ] || fleet 200000 1 > "$OUT/fleet-200k.jsonl"
[ -s "$OUT/fleet-1m.jsonl" ] || fleet 1000000 2 > "$OUT/fleet-1m.jsonl"
start_load=$(cut -d' ' -f1 /proc/loadavg)

# Appends "wall_s rss_mb cpu_s" of one run to $OUT/NAME-FLEET.txt.
timed() { # NAME FLEET COMMAND [JVM OPTION...]
    local name=$1 fleet=$2 command=$3; shift 3
    "$TIME" -f '%e %M %U %S' -o "$OUT/time.txt" java "$@" -cp "$cp" dev.backupdoctor.cli.Main "$command" "$OUT/$fleet.jsonl" \
        > /dev/null 2> "$OUT/stderr.txt" || [ $? -eq 2 ]
    awk '{ printf "%s %d %.1f\n", $1, $2 / 1024, $3 + $4 }' "$OUT/time.txt" >> "$OUT/$name-$fleet.txt"
}
row() { # NAME FLEET
    local lines wall rss cpu
    lines=$(grep -c . "$OUT/$2.jsonl")
    wall=$(cut -d' ' -f1 "$OUT/$1-$2.txt" | median)
    rss=$(cut -d' ' -f2 "$OUT/$1-$2.txt" | median)
    cpu=$(cut -d' ' -f3 "$OUT/$1-$2.txt" | median)
    printf '| `%s` | %s | %s s | %s | %s MB | %s s |\n' "$1" "$(echo "$lines" | commas)" "$wall" \
        "$(awk -v n="$lines" -v s="$wall" 'BEGIN { printf "%d", n / s }' | commas)" "$rss" "$cpu"
}
rm -f "$OUT"/*-fleet-*.txt
for _ in 1 2 3; do
    timed batch fleet-200k batch
    timed report fleet-200k report
done
# The third row shows the live set: the whole million lines in a 64 MB heap.
for _ in 1 2 3; do
    timed batch fleet-1m batch
    timed report fleet-1m report
    timed "report -Xmx64m" fleet-1m report -Xmx64m
done
cat <<TABLE
Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | head -1), load average $start_load at the start and $(cut -d' ' -f1 /proc/loadavg) at the end.

| command, end to end incl. JVM start | lines | wall (median of 3) | lines/s | peak RSS (median) | CPU (median) |
|---|---:|---:|---:|---:|---:|
$(row batch fleet-200k)
$(row report fleet-200k)
$(row batch fleet-1m)
$(row report fleet-1m)
$(row "report -Xmx64m" fleet-1m)
TABLE
