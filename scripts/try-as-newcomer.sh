#!/usr/bin/env bash
# Tries the project as a new user would: a fresh clone, the README's commands as written, then a
# client project of its own whose Main is the README's embedding snippet.
#
# Usage: scripts/try-as-newcomer.sh [--with-tests] [--keep] [REPO]
#   REPO          what to clone (a path or URL); default: this repository, at its HEAD
#                 (committed work only: uncommitted changes are not in the clone)
#   --with-tests  also run the README's `mvn -B verify` (about a minute more)
#   --keep        keep the temporary directory and print where it is
#
# Steps, each printed as PASS or FAIL (exit status 1 if any failed):
#   - every `mvn ...` and `java ...` line of the README's plain ``` blocks, as written, in order,
#     from the clone's root ("mvn -B verify" only with --with-tests), and the README's inline
#     `mvn ... exec:java ...` commands. The scripts/ lines (measurements of several minutes) and
#     `mvn -B verify -Plong` are listed as SKIP.
#   - `mvn -q install -DskipTests` of the clone: into the normal local repository (~/.m2, or
#     whatever your settings say), as a newcomer would; it replaces any
#     dev.backupdoctor:backup-doctor:0.1.0-SNAPSHOT already there.
#   - a scratch client project depending on dev.backupdoctor:backup-doctor:0.1.0-SNAPSHOT:
#     its dependency tree must not contain picocli (the command line's alone) nor the DRL compiler
#     (optional: only rules added at run time need it), and the number and size of its runtime
#     jars are printed; its Main is the
#     first ```java block after "## Embedding" (its import lines go above the class, the rest
#     into main), and it must compile, run and print at least one action line.
# Needs Java 17, Maven and git.
set -uo pipefail

with_tests=false
keep=false
repo=""
for arg in "$@"; do
  case "$arg" in
    --with-tests) with_tests=true ;;
    --keep) keep=true ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option: $arg (see --help)" >&2; exit 64 ;;
    *) repo="$arg" ;;
  esac
done
if [[ -z "$repo" ]]; then
  repo="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)" || exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/try-as-newcomer.XXXXXX")"
if $keep; then
  echo "work directory: $work"
else
  trap 'rm -rf "$work"' EXIT
fi
clone="$work/backup-doctor"
client="$work/client"
logs="$work/logs"
mkdir -p "$logs"

failures=0
step_no=0

# step NAME CHECK COMMAND: runs COMMAND with bash in the current directory; it passes when it
# exits 0 and CHECK (a bash test on the output file "$out", or "true") holds.
step() {
  local name="$1" check="$2" cmd="$3"
  step_no=$((step_no + 1))
  local log="$logs/$(printf '%02d' "$step_no").log"
  local start end rc
  start=$(date +%s)
  bash -c "$cmd" > "$log" 2>&1 < /dev/null
  rc=$?
  end=$(date +%s)
  if [[ $rc -eq 0 ]] && out="$log" bash -c "$check"; then
    printf 'PASS  %-58s %4ss\n' "$name" "$((end - start))"
  else
    printf 'FAIL  %-58s %4ss  (exit %s)\n' "$name" "$((end - start))" "$rc"
    echo "      \$ $cmd"
    # The first errors if there are any, else the end of the output; without colour codes.
    sed 's/\x1b\[[0-9;]*m//g' "$log" > "$log.plain"
    { grep -m 12 -E 'ERROR|Exception|error:' "$log.plain" || tail -n 12 "$log.plain"; } | sed 's/^/      | /'
    failures=$((failures + 1))
  fi
}

skip() {
  printf 'SKIP  %s\n' "$1"
}

# --- the clone ---------------------------------------------------------------------------------
step "git clone $repo" "true" "git clone -q '$repo' '$clone'"
if [[ ! -f "$clone/README.md" ]]; then
  echo "FAIL: no README.md in the clone; stopping"
  exit 1
fi
cd "$clone" || exit 1
readme="$clone/README.md"

# --- the README's commands -----------------------------------------------------------------------
# Lines of plain ``` blocks (no language) that start with mvn or java, in the README's order.
mapfile -t block_commands < <(awk '
  /^```/ { if (fence) { fence = 0; plain = 0 } else { fence = 1; plain = ($0 == "```") } ; next }
  plain && /^(mvn|java) / { print }
  plain && /^scripts\// { print }
' "$readme")
# Inline `mvn ... exec:java ...` commands.
mapfile -t inline_commands < <(grep -o '`mvn [^`]*exec:java[^`]*`' "$readme" | tr -d '`')

# A plan printed for a person, or an action line of the examples.
plan_check='grep -Eq "\[(FIX|CHECK|TRY)\]|^(FIX|CHECK|TRY) " "$out"'

for cmd in "${block_commands[@]}"; do
  case "$cmd" in
    scripts/*) skip "README: ${cmd%%#*}(a measurement of minutes)" ;;
    "mvn -B verify")
      if $with_tests; then
        step "README: $cmd" 'grep -q "BUILD SUCCESS" "$out"' "$cmd"
      else
        skip "README: $cmd (pass --with-tests)"
      fi ;;
    *"Main diagnose"*|*"Main explain"*|*exec:java*) step "README: $cmd" "$plan_check" "$cmd" ;;
    *) step "README: $cmd" "true" "$cmd" ;;
  esac
done
for cmd in "${inline_commands[@]}"; do
  step "README: $cmd" "$plan_check" "$cmd"
done
skip "README: mvn -B verify -Plong (about a minute more)"

# --- the library, installed ----------------------------------------------------------------------
step "mvn -q install -DskipTests (into the normal local repository)" "true" "mvn -q install -DskipTests"

# --- a client project built from the README's embedding snippet ----------------------------------
mkdir -p "$client/src/main/java/client"
version="0.1.0-SNAPSHOT"
cat > "$client/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>client</groupId>
  <artifactId>client</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>dev.backupdoctor</groupId>
      <artifactId>backup-doctor</artifactId>
      <version>$version</version>
    </dependency>
  </dependencies>
  <build>
    <pluginManagement>
      <plugins>
        <plugin>
          <groupId>org.apache.maven.plugins</groupId>
          <artifactId>maven-compiler-plugin</artifactId>
          <version>3.13.0</version>
        </plugin>
        <plugin>
          <groupId>org.apache.maven.plugins</groupId>
          <artifactId>maven-resources-plugin</artifactId>
          <version>3.3.1</version>
        </plugin>
        <plugin>
          <groupId>org.codehaus.mojo</groupId>
          <artifactId>exec-maven-plugin</artifactId>
          <version>3.5.0</version>
        </plugin>
      </plugins>
    </pluginManagement>
  </build>
</project>
EOF

# The first ```java block after "## Embedding".
snippet="$work/snippet.java"
awk '
  /^## Embedding/ { embedding = 1; next }
  /^## / && embedding && !inside { embedding = 0 }
  embedding && !inside && /^```java/ { inside = 1; next }
  inside && /^```/ { exit }
  inside { print }
' "$readme" > "$snippet"
main="$client/src/main/java/client/Main.java"
{
  echo "package client;"
  echo
  # The snippet's own import lines (at its top), above the class.
  awk 'body { next } /^import / { print; next } /^[[:space:]]*$/ { next } { body = 1 }' "$snippet"
  echo
  echo "public class Main {"
  echo "    public static void main(String[] args) throws Exception {"
  awk 'function out(line) { print (line ~ /^[[:space:]]*$/ ? "" : "        " line) }
       body { out($0); next } /^import / || /^[[:space:]]*$/ { next } { body = 1; out($0) }' "$snippet"
  echo "    }"
  echo "}"
} > "$main"
if [[ -s "$snippet" ]]; then
  printf 'PASS  %-58s\n' "README: a \`\`\`java block after ## Embedding"
else
  printf 'FAIL  %-58s\n' "README: a \`\`\`java block after ## Embedding"
  failures=$((failures + 1))
fi
if grep -q '^import ' "$snippet"; then
  printf 'PASS  %-58s\n' "README: the embedding snippet has its import lines"
else
  printf 'FAIL  %-58s\n' "README: the embedding snippet has its import lines"
  failures=$((failures + 1))
fi

cd "$client" || exit 1
step "client: dependency tree has no picocli and no DRL compiler" \
  '! grep -Eqi "picocli|drools-model-codegen|javaparser|org.eclipse.jdt:ecj" "$out" && grep -q "dev.backupdoctor:backup-doctor" "$out"' \
  "mvn -B dependency:tree"
step "client: its runtime class path" '[ -s cp.txt ]' \
  "mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=runtime"
if [[ -s cp.txt ]]; then
  echo "      $(tr : '\n' < cp.txt | grep -c .) jars, $(( $(tr : '\n' < cp.txt | xargs du -cb | tail -1 | cut -f1) / 1024 )) KiB"
fi
step "client: compile the README's snippet" "true" "mvn -q compile"
step "client: run it, prints at least one action line" \
  'grep -Eq "^(FIX|CHECK|TRY) " "$out"' \
  "mvn -q compile exec:java -Dexec.mainClass=client.Main"

echo
if [[ $failures -eq 0 ]]; then
  echo "PASS: every step"
  exit 0
fi
echo "FAIL: $failures step(s) failed$($keep && echo "; logs in $logs")"
exit 1
