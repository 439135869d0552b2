#!/usr/bin/env bash
# Redaction and intents on 200k seeded comments: candor (C++, plain clocks)
# and the Python API (first call included) next to the `re` code a Python
# user would write for the same kinds (bench/peers_pii.py), on one file.
# Builds Release in build/bench (BUILD to override; SKIP_BUILD=1 reuses it),
# writes bench/out/pii/.
#
#   bench/run_pii.sh                  # 200k comments, 5 repetitions
#   N=20000 REPS=3 bench/run_pii.sh   # quicker
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out/pii}
N=${N:-200000}
SEED=${SEED:-20261206}
REPS=${REPS:-5}

build_release_bench candor_pii_bench
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  cmake --build "$BUILD" -j2 --target candor >/dev/null  # the Python API loads libcandor.so
fi
{
  run_context date commit build cpu compiler
  load_line "load before"
} >"$OUT/env.txt"
"$PYTHON" "$ROOT/bench/peers_pii.py" write "$OUT/comments.txt" "$N" "$SEED"
"$BUILD/bench/candor_pii_bench" --data="$OUT/comments.txt" --reps="$REPS" >"$OUT/candor.json"
CANDOR_LIBRARY="$BUILD/libcandor.so" PYTHONPATH="$ROOT/bindings/python" \
  "$PYTHON" "$ROOT/bench/peers_pii.py" run "$OUT/comments.txt" "$REPS" >"$OUT/python.json"
load_line "load after" >>"$OUT/env.txt"
cat "$OUT/env.txt" "$OUT/candor.json" "$OUT/python.json"
