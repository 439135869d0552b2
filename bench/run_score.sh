#!/usr/bin/env bash
# Scoring benchmarks: candor next to the plain sum over the same bytes, numpy
# and pandas, on identical data, in one run. Builds Release in build/bench,
# writes everything to bench/out/ and prints the side-by-side table.
#
#   bench/run_score.sh                      # 100M rows, 1000 segments
#   ROWS=10000000 REPS=3 bench/run_score.sh # quicker
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out}
ROWS=${ROWS:-100000000}
SEGMENTS=${SEGMENTS:-1000}
SEED=${SEED:-20240601}
REPS=${REPS:-9}            # C++ repetitions (each at least MIN_TIME seconds)
MIN_TIME=${MIN_TIME:-0.5}
PY_REPS=${PY_REPS:-7}      # numpy repetitions
PANDAS_REPS=${PANDAS_REPS:-5}
PYTHON=${PYTHON:-/usr/bin/python3}  # Debian's numpy and pandas live here

# SKIP_BUILD=1 reuses the last binary (when a module someone is editing does
# not compile); its build time is recorded below.
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
    -DCANDOR_BUILD_TESTS=OFF -DCANDOR_BUILD_EXAMPLES=OFF -DCANDOR_BUILD_BENCH=ON >/dev/null
  cmake --build "$BUILD" -j2 --target candor_score_bench
fi
mkdir -p "$OUT"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- lib include bench || echo ' (+ uncommitted changes)')"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
  echo "binary built: $(date -u -r "$BUILD/bench/candor_score_bench" +%Y-%m-%dT%H:%M:%SZ)"
  echo "compiler: $(c++ --version | head -1)"
  echo "load before C++: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT/score_env.txt"

"$BUILD/bench/candor_score_bench" --rows="$ROWS" --segments="$SEGMENTS" --seed="$SEED" \
  --check_out="$OUT/score_check.json" \
  --benchmark_repetitions="$REPS" --benchmark_report_aggregates_only=true \
  --benchmark_min_time="$MIN_TIME" \
  --benchmark_out="$OUT/score_bench.json" --benchmark_out_format=json

echo "load before Python: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/score_env.txt"
"$PYTHON" "$ROOT/bench/peers_score.py" --rows "$ROWS" --segments "$SEGMENTS" --seed "$SEED" \
  --repetitions "$PY_REPS" --pandas-repetitions "$PANDAS_REPS" \
  --check "$OUT/score_check.json" --out "$OUT/peers_score.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/score_env.txt"

{
  sed 's/^/    /' "$OUT/score_env.txt"
  echo
  "$PYTHON" "$ROOT/bench/score_table.py" "$OUT/score_bench.json" "$OUT/peers_score.json"
} >"$OUT/score_table.md"
echo
cat "$OUT/score_table.md"
