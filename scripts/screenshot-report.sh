#!/usr/bin/env bash
# Renders `report --format html` of the bundled fleet (examples/snapshots/fleet.jsonl) in a real
# browser and saves what a person sees at the top of the page, headline figures and chart, as
# docs/report.png (shown in docs/command-line.md).
# Needs Java 17, Maven and Debian's chromium package (apt-get install -y chromium); nothing is
# fetched while rendering: the page is self-contained and the browser's background networking is off.
# Usage: scripts/screenshot-report.sh [OUTPUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] || { echo "screenshot-report.sh needs Debian's chromium: apt-get install -y chromium" >&2; exit 2; }
OUT=target/screenshot
PNG=${1:-docs/report.png}
mkdir -p "$OUT"

mvn -q -B compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=runtime
# Status 2 is expected: the bundled fleet has six invalid lines on purpose.
java -cp "target/classes:$(cat "$OUT/cp.txt")" dev.backupdoctor.cli.Main report --format html \
    examples/snapshots/fleet.jsonl > "$OUT/report.html" 2> "$OUT/stderr.txt" || [ $? -eq 2 ]

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size=1120,1570 \
    --screenshot="$PNG" "file://$PWD/$OUT/report.html" 2> "$OUT/chromium.txt"
echo "wrote $PNG ($(stat -c %s "$PNG") bytes)"
