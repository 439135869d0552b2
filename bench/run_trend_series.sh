#!/usr/bin/env bash
# Mann-Kendall on 1M points: candor next to the O(n^2) definition (timed at
# smaller n, fitted and extrapolated) and scipy.stats.kendalltau, on identical
# data, in one run. Builds Release in build/bench (BUILD to override), writes
# bench/out/trend_series_* and prints the table.
#
#   bench/run_trend_series.sh
#   N=100000 NAIVE_SIZES=3000,10000 REPS=3 bench/run_trend_series.sh  # quicker
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out}
N=${N:-1000000}
SEED=${SEED:-20261127}
NAIVE_SIZES=${NAIVE_SIZES:-10000,30000,100000}
REPS=${REPS:-5}
PY_REPS=${PY_REPS:-5}

build_release_bench candor_trend_series_bench
{
  run_context date commit cpu compiler
  load_line "load before C++"
} >"$OUT/trend_series_env.txt"

run_google_benchmark candor_trend_series_bench "$OUT/trend_series_bench.json" --n="$N" \
  --seed="$SEED" --naive_sizes="$NAIVE_SIZES" --check_out="$OUT/trend_series_check.json"

load_line "load before Python" >>"$OUT/trend_series_env.txt"
"$PYTHON" "$ROOT/bench/peers_trend_series.py" --check "$OUT/trend_series_check.json" \
  --bench "$OUT/trend_series_bench.json" --repetitions "$PY_REPS" \
  --out "$OUT/peers_trend_series.json" >"$OUT/trend_series_table.md"
load_line "load after" >>"$OUT/trend_series_env.txt"
echo
sed 's/^/    /' "$OUT/trend_series_env.txt"
echo
cat "$OUT/trend_series_table.md"
