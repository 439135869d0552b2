#!/usr/bin/env bash
# Suggested health weights (issue 13): candor::SuggestHealthWeights on
# 100,000 accounts x 20 measures with 5 folds (bench/health_weights_bench.cc,
# on the accounts and scorecard of bench/health_bench.cc) next to
# scikit-learn doing the same fits on the same folds
# (bench/peers_health_weights.py, which first checks that it agrees with
# candor). Builds Release in build/bench (BUILD to override), writes
# bench/out/health_weights/ and prints the table.
#
#   bench/run_health_weights.sh              # 100k accounts, 5 candor / 3 scikit-learn repetitions
#   ROWS=20000 bench/run_health_weights.sh   # quicker
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out/health_weights}
ROWS=${ROWS:-100000}
REPS=${REPS:-5}
PY_REPS=${PY_REPS:-3}

build_release_bench candor_health_bench
build_release_bench candor_health_weights_bench
{
  run_context date commit build cpu compiler
  load_line "load before C++"
} >"$OUT/env.txt"
"$BUILD/bench/candor_health_bench" --data="$OUT" --rows="$ROWS" --reps=1 >"$OUT/health.json"
"$BUILD/bench/candor_health_weights_bench" --data="$OUT" --reps="$REPS" >"$OUT/candor.json"
load_line "load before scikit-learn" >>"$OUT/env.txt"
"$PYTHON" "$ROOT/bench/peers_health_weights.py" --sklearn "$OUT" --repetitions "$PY_REPS" \
  >"$OUT/sklearn.json"
load_line "load after" >>"$OUT/env.txt"
rm -f "$OUT"/*.f64 "$OUT"/*.i32 "$OUT"/*.u8

"$PYTHON" "$ROOT/bench/peers_health_weights.py" --table "$OUT"
