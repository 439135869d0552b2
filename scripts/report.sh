#!/usr/bin/env bash
# Builds the candor command line (release) and prints the report of the
# bundled sample survey. `--html FILE` writes the self-contained HTML page to
# FILE instead (`--html=FILE` too); other arguments go to `candor report`.
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
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target candor_cli >/dev/null
exec build/release/cli/candor report ${args[@]+"${args[@]}"}
