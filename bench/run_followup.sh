#!/usr/bin/env bash
# The follow-up queue (issue 14: 10M responses over 1M accounts under 5 s on
# two cores): candor::BuildFollowupQueue (C++, default rules, due times on
# all cores) next to the sort/groupby a pandas user would write
# (bench/peers_followup.py, which first checks that it gives the same queue)
# and candor.followup from Python (its first call included), on the same
# bytes. Builds Release in build/bench (BUILD to override, SKIP_BUILD=1 to
# reuse), writes bench/out/followup/ and prints the results.
#
#   bench/run_followup.sh                          # 10M responses, 1M accounts
#   ROWS=1000000 ACCOUNTS=100000 bench/run_followup.sh
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out/followup}
ROWS=${ROWS:-10000000}
ACCOUNTS=${ACCOUNTS:-1000000}
SEED=${SEED:-20261206}
REPS=${REPS:-3}
PY_REPS=${PY_REPS:-2}

build_release_bench candor_followup_bench
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  cmake --build "$BUILD" -j2 --target candor >/dev/null  # the Python API loads libcandor.so
fi
"$PYTHON" "$ROOT/bench/peers_followup.py" --make "$OUT" --rows "$ROWS" --accounts "$ACCOUNTS" \
  --seed "$SEED"
{
  run_context date commit build cpu compiler
  load_line "load before C++"
} >"$OUT/env.txt"
"$BUILD/bench/candor_followup_bench" --data="$OUT" --reps="$REPS" | tee "$OUT/candor.json"
load_line "load before pandas" >>"$OUT/env.txt"
"$PYTHON" "$ROOT/bench/peers_followup.py" --pandas "$OUT" --repetitions "$PY_REPS" \
  | tee "$OUT/pandas.json"
load_line "load before Python" >>"$OUT/env.txt"
CANDOR_LIBRARY="$BUILD/libcandor.so" PYTHONPATH="$ROOT/bindings/python" \
  "$PYTHON" "$ROOT/bench/peers_followup.py" --candor-python "$OUT" --repetitions "$PY_REPS" \
  | tee "$OUT/python.json"
load_line "load after" >>"$OUT/env.txt"
cat "$OUT/env.txt"
rm -f "$OUT"/*.f64 "$OUT"/*.i64 "$OUT"/*.i32 "$OUT"/*.u8
