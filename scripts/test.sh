#!/usr/bin/env bash
# Builds candor and runs every test: C++ (GoogleTest), the C ABI test compiled
# as C, Python (pytest) with its cross-checks against R and scipy, the command
# line, and the installed package built by an outside consumer.
#
#   scripts/test.sh          the dev build (build/dev)
#   scripts/test.sh asan     the same suite under AddressSanitizer + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
scripts/install-deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)"
ctest --preset "$preset" -j"$(nproc)"
