#!/usr/bin/env bash
# Builds the candor command line (release) and prints the report of the
# bundled sample survey. `--html FILE` writes the self-contained HTML page to
# FILE instead (`--html=FILE` too); other arguments go to `candor report`.
# CANDOR_PRESET (default release) picks the build: CI passes dev, which its
# test step has already built, rather than building the library again.
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --html)
      [[ $# -ge 2 ]] || { echo "report.sh: --html needs a file name" >&2; exit 2; }
      args+=(--format html --output "$2")
      shift 2
      ;;
    --html=*)
      args+=(--format html --output "${1#--html=}")
      shift
      ;;
    *)
      args+=("$1")
      shift
      ;;
  esac
done
scripts/install-deps.sh
preset="${CANDOR_PRESET:-release}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)" --target candor_cli >/dev/null
exec "build/$preset/cli/candor" report ${args[@]+"${args[@]}"}
