#!/usr/bin/env bash
# Theme drivers: candor::EstimateThemeDrivers (per-theme table + key-driver
# model) next to the pandas groupby table and scikit-learn's logistic
# regression a user would write, on identical data, in one run.
# Builds Release in build/bench (or BUILD), writes to bench/out/drivers/.
#
#   bench/run_drivers.sh                      # 1M comments x 50 themes
#   ROWS=100000 THEMES=20 bench/run_drivers.sh
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out/drivers}
ROWS=${ROWS:-1000000}
THEMES=${THEMES:-50}
SEED=${SEED:-20261128}
REPS=${REPS:-7}
PY_REPS=${PY_REPS:-3}

build_release_bench candor_drivers_bench
"$PYTHON" "$ROOT/bench/peers_drivers.py" --generate "$OUT" --rows "$ROWS" --themes "$THEMES" \
  --seed "$SEED"
time_candor_threads candor_drivers_bench
"$PYTHON" "$ROOT/bench/peers_drivers.py" --time "$OUT" --repetitions "$PY_REPS" >"$OUT/peers.json"
load_line "load after" >>"$OUT/env.txt"
rm -f "$OUT/mentions.i8" "$OUT/scores.f64" "$OUT/offsets.i64" "$OUT/ids.i32"

"$PYTHON" "$ROOT/bench/peers_drivers.py" --table "$OUT"
