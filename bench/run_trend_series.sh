#!/usr/bin/env bash
# Mann-Kendall on 1M points: candor next to the O(n^2) definition (timed at
# smaller n, fitted and extrapolated) and scipy.stats.kendalltau, on identical
# data, in one run. Builds Release in build/bench (BUILD to override), writes
# bench/out/trend_series_* and prints the table.
#
#   bench/run_trend_series.sh
#   N=100000 NAIVE_SIZES=3000,10000 REPS=3 bench/run_trend_series.sh  # quicker
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out}
N=${N:-1000000}
SEED=${SEED:-20261127}
NAIVE_SIZES=${NAIVE_SIZES:-10000,30000,100000}
REPS=${REPS:-5}
PY_REPS=${PY_REPS:-5}
PYTHON=${PYTHON:-/usr/bin/python3}  # Debian's numpy and scipy live here

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
    -DCANDOR_BUILD_TESTS=OFF -DCANDOR_BUILD_EXAMPLES=OFF -DCANDOR_BUILD_BENCH=ON >/dev/null
  cmake --build "$BUILD" -j2 --target candor_trend_series_bench
fi
mkdir -p "$OUT"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- lib include bench || echo ' (+ uncommitted changes)')"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
  echo "compiler: $(c++ --version | head -1)"
  echo "load before C++: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT/trend_series_env.txt"

"$BUILD/bench/candor_trend_series_bench" --n="$N" --seed="$SEED" --naive_sizes="$NAIVE_SIZES" \
  --check_out="$OUT/trend_series_check.json" \
  --benchmark_repetitions="$REPS" --benchmark_report_aggregates_only=true \
  --benchmark_out="$OUT/trend_series_bench.json" --benchmark_out_format=json

echo "load before Python: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/trend_series_env.txt"
"$PYTHON" "$ROOT/bench/peers_trend_series.py" --check "$OUT/trend_series_check.json" \
  --bench "$OUT/trend_series_bench.json" --repetitions "$PY_REPS" \
  --out "$OUT/peers_trend_series.json" >"$OUT/trend_series_table.md"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/trend_series_env.txt"
echo
sed 's/^/    /' "$OUT/trend_series_env.txt"
echo
cat "$OUT/trend_series_table.md"
