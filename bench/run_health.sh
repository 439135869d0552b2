#!/usr/bin/env bash
# Health scorecards (issue 13: 1M accounts x 20 measures under 1 s on one
# core): candor::ScoreHealth (C++, one thread; also with every measure linear,
# with worst_of, and HealthReasonText over every reason) next to the same
# scorecard written with pandas / numpy (bench/peers_health.py, which first
# checks that it agrees with candor on the same bytes) and candor.health from
# Python (its first call in a fresh process included), in one run. Builds
# Release in build/bench (BUILD to override), writes bench/out/health/ and
# prints the table.
#
#   bench/run_health.sh                    # 1M accounts, 5 C++ / 3 pandas / 3 Python repetitions
#   ROWS=100000 bench/run_health.sh        # quicker
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out/health}
ROWS=${ROWS:-1000000}
SEED=${SEED:-20261207}
REPS=${REPS:-5}
PY_REPS=${PY_REPS:-3}

build_release_bench candor_health_bench
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  cmake --build "$BUILD" -j2 --target candor >/dev/null  # the Python API loads libcandor.so
fi
{
  run_context date commit build cpu compiler
  load_line "load before C++"
} >"$OUT/env.txt"
"$BUILD/bench/candor_health_bench" --data="$OUT" --rows="$ROWS" --seed="$SEED" --reps="$REPS" \
  >"$OUT/candor.json"
load_line "load before Python" >>"$OUT/env.txt"
CANDOR_LIBRARY="$BUILD/libcandor.so" PYTHONPATH="$ROOT/bindings/python" \
  "$PYTHON" "$ROOT/bench/peers_health.py" --candor-python "$OUT" --repetitions "$PY_REPS" \
  >"$OUT/python.json"
load_line "load before pandas" >>"$OUT/env.txt"
"$PYTHON" "$ROOT/bench/peers_health.py" --pandas "$OUT" --repetitions "$PY_REPS" \
  >"$OUT/pandas.json"
load_line "load after" >>"$OUT/env.txt"
rm -f "$OUT"/*.f64 "$OUT"/*.i32

"$PYTHON" "$ROOT/bench/peers_health.py" --table "$OUT"
