#!/usr/bin/env bash
# candor.dask.score on a two-worker LocalCluster against Dask without candor
# and single-process candor, and the per-partition overhead
# (bench/dask_score.py). Uses CANDOR_LIBRARY, else $BUILD/libcandor.so (a
# Release build for numbers to quote).
#
#   BUILD=build/bench bench/run_dask.sh
#   ROWS=10000000 PARTITIONS=20 REPS=3 bench/run_dask.sh
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/dev}
ROWS=${ROWS:-100000000}
PARTITIONS=${PARTITIONS:-100}
REPS=${REPS:-5}
export CANDOR_LIBRARY=${CANDOR_LIBRARY:-$BUILD/libcandor.so}

run_context date commit cpu
load_line "load before"
"$PYTHON" "$ROOT/bench/dask_score.py" --rows "$ROWS" --partitions "$PARTITIONS" --reps "$REPS"
load_line "load after"
