#!/usr/bin/env bash
# batch, report and import reading device-management inventories (docs/performance.md,
# "Device-management inventories"): a folder of 300,000 MDM DeviceInformation property lists and a
# Jamf Pro export of 300,000 devices (scripts/generate-inventory.py, seed 1), 3 runs of each command,
# taking turns so that all see the same machine; wall time (JVM start included), records/s (records:
# devices diagnosed or written + skipped + unreadable, from the count line on standard error), peak
# RSS and CPU time (user + system), medians of the 3 runs; then one run of report in the smallest heap
# (64, 96, 128, ... MB) that holds it. A run that fails, or hangs for 3 minutes, is listed below the table.
# Needs Java 17, Maven, Python 3 and GNU time (apt-get install time). Generating the inventories takes
# about 3 minutes and 1.8 GB of disk, once; the runs about 7 minutes on 2 cores.
# Usage: scripts/perf-inventory.sh   (the inventories stay in $PERF_INVENTORY_DATA, by default
#        /tmp/backup-doctor-perf-inventory, and are reused; the timings go to target/perf-inventory;
#        PERF_INVENTORY_COUNT=2000 tries the script on a small fleet)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/perf-inventory
DATA=${PERF_INVENTORY_DATA:-${TMPDIR:-/tmp}/backup-doctor-perf-inventory}
COUNT=${PERF_INVENTORY_COUNT:-300000}
AS_OF=2026-11-26
LIMIT=${PERF_INVENTORY_LIMIT:-180}  # seconds a run may take before it counts as hung (the longest takes 60)
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "perf-inventory.sh needs GNU time for peak RSS: apt-get install time" >&2; exit 2; }
mkdir -p "$OUT" "$DATA"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
commas() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

mvn -o -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=runtime
cp="target/classes:$(cat "$OUT/cp.txt")"
# Written under a temporary name and renamed when complete, so that an interrupted run starts again.
if [ ! -d "$DATA/mdm-$COUNT" ]; then
    rm -rf "$DATA/mdm-$COUNT.partial"
    python3 scripts/generate-inventory.py --from mdm --count $COUNT --seed 1 --out "$DATA/mdm-$COUNT.partial"
    mv "$DATA/mdm-$COUNT.partial" "$DATA/mdm-$COUNT"
fi
if [ ! -s "$DATA/jamf-$COUNT.json" ]; then
    python3 scripts/generate-inventory.py --from jamf --count $COUNT --seed 1 --out "$DATA/jamf-$COUNT.json.partial"
    mv "$DATA/jamf-$COUNT.json.partial" "$DATA/jamf-$COUNT.json"
fi
input() { case $1 in mdm) echo "$DATA/mdm-$COUNT" ;; jamf) echo "$DATA/jamf-$COUNT.json" ;; esac; }
start_load=$(cut -d' ' -f1 /proc/loadavg)

# Appends "wall_s rss_mb cpu_s records load" of one run to $OUT/NAME.txt; NAME is the row's label.
timed() { # NAME FROM COMMAND [ARGUMENT...] -- [JVM OPTION...]
    local name=$1 from=$2 command=$3 load records; shift 3
    local args=() jvm=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    jvm=("$@")
    load=$(cut -d' ' -f1 /proc/loadavg)
    # A run that fails or hangs (timeout) is reported, not measured; 2 is "some records unreadable".
    local status=0
    "$TIME" -f '%e %M %U %S' -o "$OUT/time.txt" timeout $LIMIT java ${jvm[@]+"${jvm[@]}"} -cp "$cp" dev.backupdoctor.cli.Main \
        "$command" --from "$from" "$(input "$from")" --as-of $AS_OF ${args[@]+"${args[@]}"} \
        > "$OUT/stdout.txt" 2> "$OUT/stderr.txt" || status=$?
    cp "$OUT/stderr.txt" "$OUT/$name.stderr"
    if [ $status -ne 0 ] && [ $status -ne 2 ]; then
        echo "$name: failed after $(cut -d' ' -f1 "$OUT/time.txt" | tail -1) s, exit $status$([ $status -eq 124 ] && echo ' (timeout: hung)'): $(grep -m1 -v '^\s' "$OUT/stderr.txt" | cut -c1-160)" >> "$OUT/failures.txt"
        return 1
    fi
    # "N devices diagnosed, M skipped (not iPhones), K unreadable": every record is one of the three.
    records=$(tail -1 "$OUT/stderr.txt" | sed -n 's/^\([0-9]*\) devices* [a-z]*, \([0-9]*\) skipped.*, \([0-9]*\) unreadable$/\1 \2 \3/p' \
        | awk '{ print $1 + $2 + $3 }')
    [ -n "$records" ] || { echo "$name: no count line on standard error: $(tail -1 "$OUT/stderr.txt")" >> "$OUT/failures.txt"; return 1; }
    awk -v n="$records" -v l="$load" '{ printf "%s %d %.1f %s %s\n", $1, $2 / 1024, $3 + $4, n, l }' "$OUT/time.txt" >> "$OUT/$name.txt"
}
row() { # NAME
    local file="$OUT/$1.txt" records wall rss cpu
    records=$(cut -d' ' -f4 "$file" | median)
    wall=$(cut -d' ' -f1 "$file" | median)
    rss=$(cut -d' ' -f2 "$file" | median)
    cpu=$(cut -d' ' -f3 "$file" | median)
    printf '| `%s` | %s | %s s | %s | %s MB | %s s |\n' "$1" "$(echo "$records" | commas)" "$wall" \
        "$(awk -v n="$records" -v s="$wall" 'BEGIN { printf "%d", n / s }' | commas)" "$rss" "$cpu"
}
runs() { # NAME: the wall times and the load average at each start
    printf '%s: %s s (load %s)\n' "$1" "$(cut -d' ' -f1 "$OUT/$1.txt" | paste -sd' ')" "$(cut -d' ' -f5 "$OUT/$1.txt" | paste -sd' ')"
}
NAMES=("batch --from mdm" "report --from mdm" "batch --from jamf" "report --from jamf" "import --from mdm" "import --from jamf")
find "$OUT" -maxdepth 1 \( -name "* --from *" -o -name failures.txt \) -delete
for _ in 1 2 3; do
    timed "batch --from mdm" mdm batch
    timed "report --from mdm" mdm report --format json
    timed "batch --from jamf" jamf batch
    timed "report --from jamf" jamf report --format json
    timed "import --from mdm" mdm import
    timed "import --from jamf" jamf import
done
# The live set: the whole run in the smallest of these heaps that holds it (64 MB first).
small=()
for from in mdm jamf; do
    for heap in 64 96 128 192 256; do
        if timed "report --from $from -Xmx${heap}m" $from report --format json -- -Xmx${heap}m; then
            small+=("report --from $from -Xmx${heap}m")
            break
        fi
    done
done
cat <<TABLE
Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | head -1), load average $start_load at the start and $(cut -d' ' -f1 /proc/loadavg) at the end.

| command, end to end incl. JVM start | records | wall (median of 3) | records/s | peak RSS (median) | CPU (median) |
|---|---:|---:|---:|---:|---:|
$(for name in "${NAMES[@]}"; do row "$name"; done)
$(for name in ${small[@]+"${small[@]}"}; do row "$name"; done)

$(for name in "${NAMES[@]}" ${small[@]+"${small[@]}"}; do runs "$name"; done)
$(cat "$OUT/failures.txt" 2>/dev/null)
TABLE
