#!/usr/bin/env bash
# Regenerates docs/report.png: the bundled sample's HTML report as a desktop
# browser shows it (1280 pixels wide, the first 1950 pixels of the page), taken
# by headless Chromium (scripts/install-deps.sh installs it).
#
#   scripts/report-screenshot.sh [BUILD_DIR]    default build/dev, already built
#
# The page comes from `candor report --format html`; until the command line
# writes HTML, from the C++ test ReportPage (CANDOR_REPORT_PAGE_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/dev}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
page="$scratch/report.html"
if [ -x "$build/cli/candor" ] &&
   "$build/cli/candor" report --format html -o "$page" data/sample/survey.csv >/dev/null 2>&1 &&
   [ -s "$page" ]; then
  echo "report-screenshot: page from $build/cli/candor report --format html"
elif [ -x "$build/tests/candor_tests" ]; then
  CANDOR_REPORT_PAGE_DIR="$scratch" "$build/tests/candor_tests" \
    --gtest_filter='ReportPage.*' >/dev/null
  echo "report-screenshot: page from $build/tests/candor_tests (ReportPage)"
else
  echo "report-screenshot: build $build first (candor_cli or candor_tests)" >&2
  exit 1
fi
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
