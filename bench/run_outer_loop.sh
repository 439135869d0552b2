#!/usr/bin/env bash
# The outer loop: candor::RankThemesByCost (counts, ARR at risk with a 2000-
# replicate bootstrap by account, drivers' impact) next to the pandas groupby
# + numpy bootstrap a user would write, and candor.outer_loop through Python
# (first call in a fresh interpreter included), on identical data, in one run.
# Builds Release in build/bench (or BUILD), writes to bench/out/outer_loop/.
#
#   bench/run_outer_loop.sh                              # 1M comments, 50k accounts, 20 themes
#   ROWS=100000 ACCOUNTS=5000 bench/run_outer_loop.sh
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out/outer_loop}
ROWS=${ROWS:-1000000}
ACCOUNTS=${ACCOUNTS:-50000}
THEMES=${THEMES:-20}
SEED=${SEED:-20261206}
REPS=${REPS:-5}
PY_REPS=${PY_REPS:-3}
LIBRARY=${CANDOR_LIBRARY:-$BUILD/libcandor.so}

build_release_bench candor_outer_loop_bench
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then cmake --build "$BUILD" -j2 --target candor; fi
"$PYTHON" "$ROOT/bench/peers_outer_loop.py" --generate "$OUT" --rows "$ROWS" \
  --accounts "$ACCOUNTS" --themes "$THEMES" --seed "$SEED"
time_candor_threads candor_outer_loop_bench
CANDOR_LIBRARY=$LIBRARY PYTHONPATH=$ROOT/bindings/python \
  "$PYTHON" "$ROOT/bench/peers_outer_loop.py" --time "$OUT" --repetitions "$PY_REPS" \
  >"$OUT/peers.json"
load_line "load after" >>"$OUT/env.txt"
"$PYTHON" "$ROOT/bench/peers_outer_loop.py" --table "$OUT"
cat "$OUT/env.txt"
