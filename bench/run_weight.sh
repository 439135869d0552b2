#!/usr/bin/env bash
# Weighting and design benchmarks: candor next to R's survey (rake, svymean)
# and statsmodels (Logit, Newton) on identical data, in one run. Builds Release
# in build/benchw; the C++ program writes the data once under bench/out/weight/
# and R and Python read those bytes. Prints the table, writes
# bench/out/weight_table.md.
#
#   bench/run_weight.sh                 # 1M rows, 7 C++ / 3 R / 3 Python repetitions
#   ROWS=100000 R_REPS=1 bench/run_weight.sh   # quicker
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
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

# SKIP_BUILD=1 reuses the last binary (when a module someone is editing does
# not compile); its build time is recorded below.
build_release_bench candor_weight_bench
mkdir -p "$DATA"
ENV=$OUT/weight_env.txt
{
  run_context date commit cpu binary=candor_weight_bench compiler blas
  load_line "load before C++"
} >"$ENV"

"$BUILD/bench/candor_weight_bench" --rows="$ROWS" --accounts="$ACCOUNTS" \
  --covariates="$COVARIATES" --seed="$SEED" --reps="$REPS" --out_dir="$DATA"

load_line "load before R" >>"$ENV"
Rscript "$ROOT/bench/peers_weight.R" "$DATA" "$R_REPS" "$DATA/r.json"

load_line "load before Python" >>"$ENV"
"$PYTHON" "$ROOT/bench/peers_weight.py" fit "$DATA" "$PY_REPS" "$DATA/python.json"
load_line "load after" >>"$ENV"

echo
"$PYTHON" "$ROOT/bench/peers_weight.py" table "$DATA" "$ENV" "$OUT/weight_table.md"
