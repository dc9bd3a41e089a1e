#!/usr/bin/env bash
# Clicks a consultation through the consult page in headless Chromium (the browser test) and saves
# what the page shows mid-consultation, six answers in and the first action of the plan with its
# alternative, as docs/consult.png (shown in docs/command-line.md).
# Needs Java 17, Maven and Debian's chromium and chromium-driver (apt-get install -y chromium
# chromium-driver); nothing is fetched while rendering: the page is self-contained.
# Usage: scripts/screenshot-consult.sh [OUTPUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
    || { echo "screenshot-consult.sh needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver" >&2; exit 2; }
PNG=$(realpath -m "${1:-docs/consult.png}")
rm -f "$PNG"
mvn -q -B test -Dtest='ConsultPageBrowserTest#aConsultationFromPastedSnapshotToFixedBy' \
    -Dsurefire.failIfNoSpecifiedTests=false -Dbackupdoctor.screenshot="$PNG"
echo "wrote $PNG ($(stat -c %s "$PNG") bytes)"
