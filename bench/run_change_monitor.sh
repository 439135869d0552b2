#!/usr/bin/env bash
# The change monitor's Update throughput next to a numpy CUSUM, in one run,
# and the simulation evidence (false-alarm rates, delay to detection). Builds
# Release in build/bench (BUILD to override; SKIP_BUILD=1 with BUILD=build/dev
# reuses the dev build), writes bench/out/change_monitor_* and prints the
# tables.
#
#   bench/run_change_monitor.sh
#   SIMS=100 bench/run_change_monitor.sh   # quicker simulation
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out}
REPS=${REPS:-5}
SIMS=${SIMS:-400}

build_release_bench candor_change_monitor_bench
{
  run_context date commit build cpu compiler
  load_line "load before C++"
} >"$OUT/change_monitor_env.txt"
run_google_benchmark candor_change_monitor_bench "$OUT/change_monitor_bench.json"
load_line "load before Python" >>"$OUT/change_monitor_env.txt"
CANDOR_LIBRARY=${CANDOR_LIBRARY:-$ROOT/build/dev/libcandor.so} \
  "$PYTHON" "$ROOT/bench/peers_change_monitor.py" --bench "$OUT/change_monitor_bench.json" \
  --repetitions "$REPS" >"$OUT/change_monitor_speed.md"
CANDOR_LIBRARY=${CANDOR_LIBRARY:-$ROOT/build/dev/libcandor.so} \
  "$PYTHON" "$ROOT/bench/change_monitor.py" --sims "$SIMS" >"$OUT/change_monitor_sim.md"
load_line "load after" >>"$OUT/change_monitor_env.txt"
sed 's/^/    /' "$OUT/change_monitor_env.txt"
echo
cat "$OUT/change_monitor_speed.md"
echo
cat "$OUT/change_monitor_sim.md"
