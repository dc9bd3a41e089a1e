#!/usr/bin/env bash
# `serve` under load (docs/performance.md, "serve"): requests/s and p50/p99 latency of
# POST /v1/diagnose with 1, 16 and 200 keep-alive clients (wrk, scripts/perf-serve.lua, the bodies of
# examples/snapshots/*.json in turn), beside the same snapshots through the library in-process
# (JMH, ExampleSnapshotsBenchmark, through scripts/bench.sh); then a soak at 16 clients with the
# server's RSS, threads and heap after a full GC sampled every 30 s. Fails loudly if wrk counts a
# socket error, a timeout or a status of 400 or more, or if the access log has a status other than 200.
#
# The server is the installed command (target/backup-doctor-*.zip unpacked in target/perf-serve),
# `bin/backup-doctor serve --port 0`, with its JVM options, on 127.0.0.1; wrk runs on the same
# cores (2 threads; 1 for one client, as wrk wants a connection per thread).
#
# Needs Java 17, Maven, wrk (apt-get install wrk), unzip, Python 3 and GNU time.
# Usage: scripts/perf-serve.sh [RUNS] [SECONDS] [SOAK_SECONDS]   (defaults 3 20 600; SOAK_SECONDS 0 skips the soak)
# About 8 minutes, plus 10.5 for the soak.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
DURATION=${2:-20}
SOAK=${3:-600}
WARMUP=${WARMUP:-40} # seconds of load before each server's first measured run: C2 must be done compiling
OUT=target/perf-serve
LOG=$OUT/server.log
fail() { echo "perf-serve.sh: $*" >&2; exit 1; }
for tool in wrk unzip python3 /usr/bin/time; do
    command -v "$tool" > /dev/null || fail "needs $tool (apt-get install wrk unzip python3 time)"
done
mkdir -p "$OUT"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
commas() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
start_load=$(cut -d' ' -f1 /proc/loadavg)
snapshots=$(ls examples/snapshots/*.json)

# 1. In-process: the library on the same bodies, 1 and 2 threads, median of 5 × 2 s iterations.
for threads in 1 2; do
    scripts/bench.sh -bm thrpt -tu s -f 1 -wi 4 -w 2s -i 5 -r 2s -t "$threads" \
        -rf json -rff "$OUT/jmh-$threads.json" ExampleSnapshotsBenchmark > "$OUT/jmh-$threads.txt" \
        || { tail -20 "$OUT/jmh-$threads.txt" >&2; fail "the JMH run failed"; }
done
in_process() { # BENCHMARK THREADS -> median ops/s
    python3 - "$OUT/jmh-$2.json" "$1" <<'PY'
import json, statistics, sys
for run in json.load(open(sys.argv[1])):
    if run["benchmark"].endswith("." + sys.argv[2]):
        print(round(statistics.median(x for fork in run["primaryMetric"]["rawData"] for x in fork)))
PY
}

# 2. The server, as installed.
mvn -q -B -DskipTests package >&2
rm -rf "$OUT/dist"
unzip -q target/backup-doctor-*.zip -d "$OUT/dist"
launcher=$(echo "$OUT"/dist/*/bin/backup-doctor)
server=
stop_server() {
    [ -n "$server" ] || return 0
    kill -TERM "$server" 2> /dev/null || true
    for _ in $(seq 60); do kill -0 "$server" 2> /dev/null || break; sleep 0.5; done
    kill -0 "$server" 2> /dev/null && { kill -KILL "$server"; fail "the server did not stop within 30 s of SIGTERM"; }
    wait "$server" || fail "the server exited with status $? on SIGTERM"
    server=
}
trap 'kill -KILL $server 2> /dev/null || true' EXIT
access_log=1
start_server() { # [JVM OPTION...]: -Xshare:auto, no class archive: start-up is not measured here
    : > "$LOG"
    case " $* " in *" -Dorg.slf4j.simpleLogger.log.dev.backupdoctor.serve.access=warn "*) access_log=0 ;; *) access_log=1 ;; esac
    BACKUP_DOCTOR_OPTS="-Xshare:auto $*" "$launcher" serve --port 0 2>> "$LOG" &
    server=$!
    for _ in $(seq 120); do grep -q '^Listening on ' "$LOG" && break; sleep 0.5; done
    url=$(sed -n 's/^Listening on //p' "$LOG")
    [ -n "$url" ] || fail "the server did not start: $(cat "$LOG")"
    case $url in http://127.0.0.1:*) ;; *) fail "the server listens on $url, not 127.0.0.1" ;; esac
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }

# One wrk run; appends "requests_per_s p50_ms p99_ms wrk_cpu_% server_cpu_%" to $OUT/NAME.txt.
load() { # NAME CLIENTS SECONDS
    local name=$1 clients=$2 seconds=$3 threads=2 before after ticks
    [ "$clients" -ge 2 ] || threads=1
    : > "$LOG"
    before=$(cpu_ticks)
    /usr/bin/time -f '%U %S' -o "$OUT/wrk-time.txt" timeout $((seconds + 60)) \
        wrk -t "$threads" -c "$clients" -d "${seconds}s" --timeout 2s -s scripts/perf-serve.lua "$url/v1/diagnose" \
        -- $snapshots > "$OUT/wrk.txt" || fail "wrk failed: $(cat "$OUT/wrk.txt")"
    after=$(cpu_ticks)
    ticks=$(getconf CLK_TCK)
    grep -q '^RESULT ' "$OUT/wrk.txt" || fail "$name: wrk printed no result: $(cat "$OUT/wrk.txt")"
    read -r _ requests secs rps p50 p99 connect readerr writeerr status timeouts < <(grep '^RESULT ' "$OUT/wrk.txt")
    [ "$((connect + readerr + writeerr + status + timeouts))" -eq 0 ] \
        || fail "$name: wrk counted errors: connect $connect, read $readerr, write $writeerr, status >= 400 $status, timeouts $timeouts"
    # The access log is one line a request: every status must be 200, and nothing else logged.
    awk -v name="$name" -v sent="$requests" -v logged="$access_log" '
        / dev\.backupdoctor\.serve\.access - / { lines++; if ($0 !~ /"POST \/v1\/diagnose HTTP\/1\.1" 200 /) bad++; next }
        { other++; print "server: " $0 > "/dev/stderr" }
        END {
            if (bad || other) { printf "%s: %d answers other than 200, %d other log lines\n", name, bad, other > "/dev/stderr"; exit 1 }
            if (logged && lines < sent) { printf "%s: %d requests sent, %d logged\n", name, sent, lines > "/dev/stderr"; exit 1 }
        }' "$LOG" || fail "$name: the server answered something other than 200 (above)"
    awk -v rps="$rps" -v p50="$p50" -v p99="$p99" -v wrk="$(awk '{ print $1 + $2 }' "$OUT/wrk-time.txt")" \
        -v srv="$(( after - before ))" -v tck="$ticks" -v s="$secs" \
        'BEGIN { printf "%d %.2f %.2f %.0f %.0f\n", rps, p50 / 1000, p99 / 1000, 100 * wrk / s, 100 * srv / tck / s }' \
        >> "$OUT/$name.txt"
    echo "$name: $(tail -1 "$OUT/$name.txt")  (requests/s p50_ms p99_ms wrk_cpu_% server_cpu_%; $requests requests)" >&2
}
row() { # NAME LABEL
    local f=$OUT/$1.txt
    printf '| %s | %s | %s | %s | %s %% | %s %% |\n' "$2" "$(cut -d' ' -f1 "$f" | median | commas)" \
        "$(cut -d' ' -f2 "$f" | median)" "$(cut -d' ' -f3 "$f" | median)" \
        "$(cut -d' ' -f4 "$f" | median)" "$(cut -d' ' -f5 "$f" | median)"
}

rm -f "$OUT"/c*.txt "$OUT"/quiet-*.txt "$OUT"/soak*.txt
start_server
load warm-up 16 "$WARMUP"
for _ in $(seq "$RUNS"); do
    for clients in 1 16 200; do
        load "c$clients" "$clients" "$DURATION"
    done
done
all_runs=$(for c in 1 16 200; do echo "$c client(s): $(cut -d' ' -f1 "$OUT/c$c.txt" | paste -sd' ')"; done)
stop_server

# Where the time goes, cheaply: the same at 16 clients without the access log.
start_server -Dorg.slf4j.simpleLogger.log.dev.backupdoctor.serve.access=warn
load quiet-warm-up 16 "$WARMUP"
for _ in $(seq "$RUNS"); do
    load quiet-c16 16 "$DURATION"
done
stop_server

cat <<TABLE
Measured $(date -u +%Y-%m-%d) at $(git rev-parse --short HEAD) on $(nproc) cores, $(java -version 2>&1 | head -1), load average $start_load at the start and $(cut -d' ' -f1 /proc/loadavg) at the end of the table.

| POST /v1/diagnose, keep-alive clients (wrk threads) | requests/s (median of $RUNS × $DURATION s) | p50 ms | p99 ms | wrk CPU | server CPU |
|---|---:|---:|---:|---:|---:|
$(row c1 "1 (1)")
$(row c16 "16 (2)")
$(row c200 "200 (2)")
$(row quiet-c16 "16 (2), access log off")

| in-process, the same snapshots (JMH throughput, median of 5 × 2 s) | 1 thread | 2 threads |
|---|---:|---:|
| \`diagnose\` | $(in_process diagnose 1 | commas) | $(in_process diagnose 2 | commas) |
| read the body, \`diagnose\`, write the plan's JSON | $(in_process readDiagnoseWrite 1 | commas) | $(in_process readDiagnoseWrite 2 | commas) |

Every run's requests/s: $(echo $all_runs); access log off: $(cut -d' ' -f1 "$OUT/quiet-c16.txt" | paste -sd' ').
TABLE

# 3. Soak: 16 clients for SOAK seconds; every 30 s the server's RSS, threads and heap after a full GC (jcmd GC.run).
[ "$SOAK" -gt 0 ] || exit 0
start_server
sample() { # SECONDS_SINCE_START
    local heap
    jcmd "$server" GC.run > /dev/null
    # Serial GC: "def new generation ... used NK" and "tenured generation ... used NK"; young + tenured, in MB.
    heap=$(jcmd "$server" GC.heap_info | awk '/generation/ { for (i = 1; i < NF; i++) if ($i == "used") { sub("K,?", "", $(i + 1)); v[++n] = $(i + 1) / 1024 } }
        END { printf "%.1f+%.1f", v[1], v[2] }')
    echo "$1 $(( $(ps -o rss= -p "$server") / 1024 )) $(ps -o nlwp= -p "$server" | tr -d ' ') $heap" >> "$OUT/soak-samples.txt"
}
load soak-warm-up 16 "$WARMUP"
: > "$OUT/soak-samples.txt"
soak_load=$(cut -d' ' -f1 /proc/loadavg)
( load soak 16 "$SOAK" ) &
soaker=$!
started=$SECONDS
sample 0
next=30
while kill -0 "$soaker" 2> /dev/null; do
    sleep 1
    elapsed=$(( SECONDS - started ))
    if [ "$elapsed" -ge "$next" ] && [ "$next" -lt "$SOAK" ]; then sample "$elapsed"; next=$(( next + 30 )); fi
done
wait "$soaker" || fail "the soak failed (above)"
sample "$(( SECONDS - started ))"
stop_server
n=$(wc -l < "$OUT/soak-samples.txt")
cat <<SOAK

Soak: 16 clients for $SOAK s, load average $soak_load at the start and $(cut -d' ' -f1 /proc/loadavg) at the end; errors 0 (wrk and the access log); $(cut -d' ' -f1 "$OUT/soak.txt" | commas) requests/s, p50 $(cut -d' ' -f2 "$OUT/soak.txt") ms, p99 $(cut -d' ' -f3 "$OUT/soak.txt") ms.

| sample | s | RSS MB | threads | heap after a full GC, young (allocated since) + tenured, MB |
|---|---:|---:|---:|---:|
$(sed -n "1p;$(( (n + 1) / 2 ))p;${n}p" "$OUT/soak-samples.txt" | paste -d' ' <(printf 'first\nmiddle\nlast\n') - | awk '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }')

All samples (s RSS_MB threads heap_MB): $(awk '{ printf "%s%s/%s/%s/%s", (NR > 1 ? ", " : ""), $1, $2, $3, $4 }' "$OUT/soak-samples.txt")
SOAK
