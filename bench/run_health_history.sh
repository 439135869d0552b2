#!/usr/bin/env bash
# Health as of a cut-off from a dated history (issue 13): candor.health(...,
# as_of=) against the snapshot taken with pandas and then scored
# (bench/peers_health_history.py), each mode in a fresh process, after a check
# that both give the same scores. Uses the library of $BUILD (Release, built
# here unless SKIP_BUILD=1); prints one JSON line per mode.
#
#   bench/run_health_history.sh                      # 100k accounts x 12 months
#   ACCOUNTS=20000 bench/run_health_history.sh       # quicker
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/bench}
ACCOUNTS=${ACCOUNTS:-100000}
MONTHS=${MONTHS:-12}
REPS=${REPS:-5}

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
    -DCANDOR_BUILD_TESTS=OFF -DCANDOR_BUILD_EXAMPLES=OFF -DCANDOR_BUILD_BENCH=ON >/dev/null
  cmake --build "$BUILD" -j2 --target candor >/dev/null
fi
run_context date commit build cpu
export CANDOR_LIBRARY="$BUILD/libcandor.so" PYTHONPATH="$ROOT/bindings/python"
args=(--accounts "$ACCOUNTS" --months "$MONTHS" --repetitions "$REPS")
"$PYTHON" "$ROOT/bench/peers_health_history.py" --mode check "${args[@]}"
for mode in pandas candor candor-days; do
  load_line "load before $mode"
  "$PYTHON" "$ROOT/bench/peers_health_history.py" --mode "$mode" "${args[@]}"
done
