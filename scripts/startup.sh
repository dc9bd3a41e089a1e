#!/usr/bin/env bash
# Start-up of the installed command beside the plain JVM, for docs/performance.md: wall time from
# launching the process to its exit, printed plan included, and CPU time, medians of RUNS runs taken in turns
# (every variant once per round, so a busy moment of a shared machine hits them all alike):
#   - java Hello                                   a bare JVM printing one line
#   - java -cp 'lib/*' ...Main diagnose FILE       the same jars, no launcher, default flags
#   - bin/backup-doctor diagnose FILE              the launcher, its class data archive made beforehand
#   - the launcher with C2 allowed (-XX:TieredStopAtLevel=4 in BACKUP_DOCTOR_OPTS) and without the
#     archive (-Xshare:auto), to show what each of its defaults brings
#   - on Java 25, the launcher with a JDK 25 AOT cache (-XX:AOTCache) instead of its archive
# on every JDK of JDKS (default: Java 17 and, when installed, Java 25), and once the first run of
# the launcher, which writes the archive.
# With BEFORE=path/to/an/older/backup-doctor-VERSION.zip, that zip's launcher runs in the same turns
# (its own archive made beforehand), for a before-and-after measured side by side.
# Usage: scripts/startup.sh [RUNS]   (default 11; JDKS="/path/to/jdk ..." to choose the JDKs)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-11}
OUT=target/startup
JDKS=${JDKS:-"/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"}
FILE=examples/snapshots/icloud-full-app-backups.json

mvn -q -B -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true package
rm -rf "$OUT" && mkdir -p "$OUT/hello"
unzip -q target/backup-doctor-*.zip -d "$OUT"
home=$(cd "$OUT"/backup-doctor-*/ && pwd -P)
before_home=
if [ -n "${BEFORE:-}" ]; then
    mkdir -p "$OUT/before"
    unzip -q "$BEFORE" -d "$OUT/before"
    before_home=$(cd "$OUT"/before/backup-doctor-*/ && pwd -P)
fi
printf 'public class Hello { public static void main(String[] a) { System.out.println("Hello"); } }\n' > "$OUT/hello/Hello.java"
javac --release 17 -d "$OUT/hello" "$OUT/hello/Hello.java"
export XDG_CACHE_HOME=$PWD/$OUT/cache
timing=$PWD/$OUT/time.txt
unset BACKUP_DOCTOR_OPTS JDK_JAVA_OPTIONS JAVA_TOOL_OPTIONS _JAVA_OPTIONS

# "WALL CPU" in milliseconds of one run of "$@" in the unpacked folder (CPU: user + system, from
# GNU time: less stretched than wall time when other processes share the cores); the output is
# checked by the caller.
millis() {
    local start end
    start=$(date +%s%N)
    (cd "$home" && /usr/bin/time -f '%U %S' -o "$timing" "$@") > "$OUT/out.txt" 2> "$OUT/err.txt"
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000000 )) $(awk '{ printf "%d", ($1 + $2) * 1000 }' "$timing")"
}

median() {
    tr ' ' '\n' | grep . | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

echo "Start-up, median of $RUNS runs in turns; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-58s %9s %9s   %s\n' "JDK" "command" "wall ms" "CPU ms" "wall of each run"
for jdk in $JDKS; do
    [ -x "$jdk/bin/java" ] || { echo "(no JDK at $jdk: skipped)"; continue; }
    java=$jdk/bin/java
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*"$/\1/p' "$jdk/release")
    names=("java Hello"
           "java -cp 'lib/*' dev.backupdoctor.cli.Main diagnose FILE"
           "bin/backup-doctor diagnose FILE"
           "  the same, C2 allowed (-XX:TieredStopAtLevel=4)"
           "  the same, no archive (-Xshare:auto)")
    aot=$PWD/$OUT/cache/app-$major.aot
    if [ "$major" -ge 25 ]; then
        # A JDK 25 AOT cache for the same command (JEP 483/514), with the launcher's flags.
        log=$PWD/$OUT/aot-training.txt
        (cd "$home" && "$java" -XX:AOTCacheOutput="$aot" -Xlog:disable -Xlog:all=off -Xmx512m -XX:+UseSerialGC \
            -XX:TieredStopAtLevel=1 -cp "$(ls "$home"/lib/*.jar | tr '\n' ':' | sed 's/:$//')" dev.backupdoctor.cli.Main diagnose "$FILE" > /dev/null 2> "$log")
        names+=("  the same, a JDK 25 AOT cache instead (-XX:AOTCache)")
    fi
    if [ -n "$before_home" ]; then
        names+=("bin/backup-doctor diagnose FILE of BEFORE")
        before_variant=$(( ${#names[@]} - 1 ))
        (cd "$home" && env JAVA_HOME="$jdk" "$before_home/bin/backup-doctor" diagnose "$FILE" > /dev/null)
    fi
    variant() {
        if [ -n "$before_home" ] && [ "$1" -eq "$before_variant" ]; then
            millis env JAVA_HOME="$jdk" "$before_home/bin/backup-doctor" diagnose "$FILE"
            return
        fi
        case $1 in
            0) millis "$java" -cp "$PWD/$OUT/hello" Hello ;;
            1) millis "$java" -cp 'lib/*' dev.backupdoctor.cli.Main diagnose "$FILE" ;;
            2) millis env JAVA_HOME="$jdk" bin/backup-doctor diagnose "$FILE" ;;
            3) millis env JAVA_HOME="$jdk" BACKUP_DOCTOR_OPTS=-XX:TieredStopAtLevel=4 bin/backup-doctor diagnose "$FILE" ;;
            4) millis env JAVA_HOME="$jdk" BACKUP_DOCTOR_OPTS=-Xshare:auto bin/backup-doctor diagnose "$FILE" ;;
            5) millis env JAVA_HOME="$jdk" BACKUP_DOCTOR_OPTS="-XX:AOTCache=$aot" bin/backup-doctor diagnose "$FILE" ;;
        esac
    }
    first=$(variant 2)
    declare -a walls cpus
    for i in "${!names[@]}"; do walls[i]=""; cpus[i]=""; done
    for _ in $(seq "$RUNS"); do
        for i in "${!names[@]}"; do
            read -r wall cpu <<< "$(variant "$i")"
            if [ "$i" -gt 0 ] && ! grep -q '^1\. \[FIX\] Free up iCloud storage' "$OUT/out.txt"; then
                echo "no plan from variant $i: ${names[i]}" >&2; cat "$OUT/err.txt" >&2; exit 1
            fi
            walls[i]="${walls[i]} $wall"
            cpus[i]="${cpus[i]} $cpu"
        done
    done
    for i in "${!names[@]}"; do
        printf '%-8s %-58s %9s %9s  %s\n' "Java $major" "${names[i]}" "$(echo "${walls[i]}" | median)" \
            "$(echo "${cpus[i]}" | median)" "${walls[i]}"
    done
    printf '%-8s %-58s %9s %9s\n' "Java $major" "  first run of the launcher (writes the archive)" ${first}
    unset walls cpus
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
