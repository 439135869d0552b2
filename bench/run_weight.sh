#!/usr/bin/env bash
# Weighting and design benchmarks: candor next to R's survey (rake, svymean)
# and statsmodels (Logit, Newton) on identical data, in one run. Builds Release
# in build/benchw; the C++ program writes the data once under bench/out/weight/
# and R and Python read those bytes. Prints the table, writes
# bench/out/weight_table.md.
#
#   bench/run_weight.sh                 # 1M rows, 7 C++ / 3 R / 3 Python repetitions
#   ROWS=100000 R_REPS=1 bench/run_weight.sh   # quicker
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build/benchw}
OUT=${OUT:-$ROOT/bench/out}
DATA=$OUT/weight
ROWS=${ROWS:-1000000}
ACCOUNTS=${ACCOUNTS:-20000}
COVARIATES=${COVARIATES:-20}
SEED=${SEED:-20240601}
REPS=${REPS:-7}        # C++ repetitions (IPW: REPS - 2)
R_REPS=${R_REPS:-3}
PY_REPS=${PY_REPS:-3}
PYTHON=${PYTHON:-/usr/bin/python3}  # Debian's numpy and statsmodels live here

# SKIP_BUILD=1 reuses the last binary (when a module someone is editing does
# not compile); its build time is recorded below.
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
    -DCANDOR_BUILD_TESTS=OFF -DCANDOR_BUILD_EXAMPLES=OFF -DCANDOR_BUILD_BENCH=ON >/dev/null
  cmake --build "$BUILD" -j2 --target candor_weight_bench
fi
mkdir -p "$DATA"
ENV=$OUT/weight_env.txt

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- lib include bench || echo ' (+ uncommitted changes)')"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
  echo "binary built: $(date -u -r "$BUILD/bench/candor_weight_bench" +%Y-%m-%dT%H:%M:%SZ)"
  echo "compiler: $(c++ --version | head -1)"
  echo "numpy BLAS: $(readlink -f /etc/alternatives/libblas.so.3-x86_64-linux-gnu 2>/dev/null || echo unknown)"
  echo "load before C++: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$ENV"

"$BUILD/bench/candor_weight_bench" --rows="$ROWS" --accounts="$ACCOUNTS" \
  --covariates="$COVARIATES" --seed="$SEED" --reps="$REPS" --out_dir="$DATA"

echo "load before R: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$ENV"
Rscript "$ROOT/bench/peers_weight.R" "$DATA" "$R_REPS" "$DATA/r.json"

echo "load before Python: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$ENV"
"$PYTHON" "$ROOT/bench/peers_weight.py" fit "$DATA" "$PY_REPS" "$DATA/python.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$ENV"

echo
"$PYTHON" "$ROOT/bench/peers_weight.py" table "$DATA" "$ENV" "$OUT/weight_table.md"
