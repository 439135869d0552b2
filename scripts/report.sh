#!/usr/bin/env bash
# Builds the candor command line (release) and prints the NPS report of the
# bundled sample survey. Extra arguments go to `candor report`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target candor_cli >/dev/null
exec build/release/cli/candor report "$@"
