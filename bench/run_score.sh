#!/usr/bin/env bash
# Scoring benchmarks: candor next to the plain sum over the same bytes, numpy
# and pandas, on identical data, in one run. Builds Release in build/bench,
# writes everything to bench/out/ and prints the side-by-side table.
#
#   bench/run_score.sh                      # 100M rows, 1000 segments
#   ROWS=10000000 REPS=3 bench/run_score.sh # quicker
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out}
ROWS=${ROWS:-100000000}
SEGMENTS=${SEGMENTS:-1000}
SEED=${SEED:-20240601}
REPS=${REPS:-9}            # C++ repetitions (each at least MIN_TIME seconds)
MIN_TIME=${MIN_TIME:-0.5}
PY_REPS=${PY_REPS:-7}      # numpy repetitions
PANDAS_REPS=${PANDAS_REPS:-5}

# SKIP_BUILD=1 reuses the last binary (when a module someone is editing does
# not compile); its build time is recorded below.
build_release_bench candor_score_bench
{
  run_context date commit cpu binary=candor_score_bench compiler
  load_line "load before C++"
} >"$OUT/score_env.txt"

run_google_benchmark candor_score_bench "$OUT/score_bench.json" --rows="$ROWS" \
  --segments="$SEGMENTS" --seed="$SEED" --check_out="$OUT/score_check.json" \
  --benchmark_min_time="$MIN_TIME"

load_line "load before Python" >>"$OUT/score_env.txt"
"$PYTHON" "$ROOT/bench/peers_score.py" --rows "$ROWS" --segments "$SEGMENTS" --seed "$SEED" \
  --repetitions "$PY_REPS" --pandas-repetitions "$PANDAS_REPS" \
  --check "$OUT/score_check.json" --out "$OUT/peers_score.json"
load_line "load after" >>"$OUT/score_env.txt"

{
  sed 's/^/    /' "$OUT/score_env.txt"
  echo
  "$PYTHON" "$ROOT/bench/score_table.py" "$OUT/score_bench.json" "$OUT/peers_score.json"
} >"$OUT/score_table.md"
echo
cat "$OUT/score_table.md"
