#!/usr/bin/env bash
# The case log: candor.case_log from Python (its first call in a fresh process
# included) next to the pandas / numpy code a user would write for the same
# log (bench/peers_case_log.py, which first checks that both agree). Uses the
# libcandor.so of BUILD (default build/dev).
#
#   bench/run_case_log.sh                 # 1M cases (about 3.4M events), 3 repetitions
#   CASES=100000 bench/run_case_log.sh    # quicker
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build/dev}
CASES=${CASES:-1000000}
REPS=${REPS:-3}
CANDOR_LIBRARY="$BUILD/libcandor.so" PYTHONPATH="$ROOT/bindings/python" \
  /usr/bin/python3 "$ROOT/bench/peers_case_log.py" --cases "$CASES" --repetitions "$REPS"
