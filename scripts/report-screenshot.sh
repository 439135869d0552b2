#!/usr/bin/env bash
# Regenerates docs/report.png: the bundled sample's HTML report as a desktop
# browser shows it (1280 pixels wide, the first 1950 pixels of the page), taken
# by headless Chromium (scripts/install-deps.sh installs it).
#
#   scripts/report-screenshot.sh [BUILD_DIR]    default build/dev, already built
#
# The page comes from `candor report --format html` of that build.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/dev}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
page="$scratch/report.html"
if [ ! -x "$build/cli/candor" ]; then
  echo "report-screenshot: build $build first (target candor_cli)" >&2
  exit 1
fi
"$build/cli/candor" report --quiet --format html -o "$page" data/sample/survey.csv
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --user-data-dir="$scratch/profile" --no-first-run --disable-background-networking \
  --disable-component-update --host-resolver-rules="MAP * ~NOTFOUND" \
  --force-device-scale-factor=1 --window-size=1280,1950 \
  --screenshot="$PWD/docs/report.png" "file://$page" 2>/dev/null
size=$(stat -c %s docs/report.png)
echo "report-screenshot: docs/report.png, $size bytes"
if [ "$size" -ge 307200 ]; then
  echo "report-screenshot: docs/report.png is over 300 KB" >&2
  exit 1
fi
