#!/usr/bin/env bash
# What the launcher's JVM options do to a long run, for docs/performance.md: `batch` on a generated
# fleet through bin/backup-doctor with its defaults (-Xmx512m, serial GC, C2), with C1 only (what
# it gives the short commands), with G1 instead of the serial collector, and plain `java -cp` with
# the JVM's defaults; wall time, peak RSS and CPU time from GNU time, median of RUNS runs in turns.
# Run scripts/startup.sh first (it unpacks the zip into target/startup).
# Usage: scripts/launcher-batch.sh [LINES] [RUNS]   (default 200000 lines, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${1:-200000}
RUNS=${2:-3}
OUT=target/startup
home=$(cd "$OUT"/backup-doctor-*/ && pwd -P)
export fleet=$PWD/$OUT/fleet-$LINES.jsonl
# The generator is a test class; the installed command's lib/ has what it needs besides.
[ -f "$fleet" ] || java -cp "target/test-classes:$home/lib/*" dev.backupdoctor.bench.RandomSnapshots "$LINES" 1 > "$fleet"
export XDG_CACHE_HOME=$PWD/$OUT/cache
unset BACKUP_DOCTOR_OPTS JDK_JAVA_OPTIONS JAVA_TOOL_OPTIONS _JAVA_OPTIONS

names=("bin/backup-doctor batch (its defaults)"
       "  with C1 only (-XX:TieredStopAtLevel=1)"
       "  with G1 (-XX:-UseSerialGC -XX:+UseG1GC)"
       "java -cp 'lib/*' ...Main batch (JVM defaults)")
variant() {
    case $1 in
        0) bin/backup-doctor batch "$fleet" ;;
        1) BACKUP_DOCTOR_OPTS=-XX:TieredStopAtLevel=1 bin/backup-doctor batch "$fleet" ;;
        2) BACKUP_DOCTOR_OPTS="-XX:-UseSerialGC -XX:+UseG1GC" bin/backup-doctor batch "$fleet" ;;
        3) java -cp 'lib/*' dev.backupdoctor.cli.Main batch "$fleet" ;;
    esac
}
declare -a results
echo "batch of $LINES lines, median of $RUNS runs in turns; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$RUNS"); do
    for i in "${!names[@]}"; do
        # GNU time's wall s, peak RSS KB, user s, system s; exit status 2 is expected (invalid lines).
        (cd "$home" && /usr/bin/time -f '%e %M %U %S' -o "$OLDPWD/$OUT/time.txt" bash -c "$(declare -f variant); variant $i" > /dev/null 2>&1) || true
        results[i]="${results[i]:-}$(tail -1 "$OUT/time.txt")\n"
    done
done
printf '%-46s %8s %13s %7s   %s\n' "command" "wall s" "peak RSS MB" "CPU s" "wall of each run"
column_median() { # column $1 of the runs on standard input, sorted, the middle one
    awk -v c="$1" '{ print $c }' | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}
for i in "${!names[@]}"; do
    runs=$(printf "${results[i]}" | awk '{ print $1, $2 / 1024, $3 + $4 }')
    printf '%-46s %8s %13.0f %7s  %s\n' "${names[i]}" "$(echo "$runs" | column_median 1)" \
        "$(echo "$runs" | column_median 2)" "$(echo "$runs" | column_median 3)" "$(echo "$runs" | awk '{ print $1 }' | tr '\n' ' ')"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
