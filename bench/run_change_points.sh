#!/usr/bin/env bash
# Change-point benchmark: candor's PELT next to a plain numpy PELT with the
# same cost on the same bytes, in one run, then candor alone up to 10M
# responses: PELT with BIC on the grid, and the calibrated scan (the default)
# with its nulls cached and cold. Builds candor_change_points_bench in BUILD,
# writes the series, candor's exact answers and the timings to OUT, and prints
# a table of medians and ratios. The numpy peer exits with an error if its changes or
# total cost differ from candor's exact search.
#
#   bench/run_change_points.sh                  # peer on 10k and 30k responses
#   PEER_SIZES="10000 30000 100000" bench/run_change_points.sh   # slower
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out/change_points}
REPS=${REPS:-5}                  # C++ repetitions (median reported)
PY_REPS=${PY_REPS:-3}            # numpy repetitions
PEER_SIZES=${PEER_SIZES:-"10000 30000"}

build_release_bench candor_change_points_bench
{
  run_context date commit build cpu
  load_line "load before"
} | tee "$OUT/env.txt"

run_google_benchmark candor_change_points_bench "$OUT/candor.json" --data_dir="$OUT" \
  --benchmark_min_time=0.01 >/dev/null
# shellcheck disable=SC2086
"$PYTHON" "$ROOT/bench/peers_change_points.py" "$OUT" $PEER_SIZES --reps "$PY_REPS" \
  >"$OUT/numpy.txt"
load_line "load after" | tee -a "$OUT/env.txt"

"$PYTHON" - "$OUT/candor.json" "$OUT/numpy.txt" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["benchmarks"]
median = {r["run_name"]: r["real_time"] / 1e3 for r in runs if r.get("aggregate_name") == "median"}
peer = {}
for line in open(sys.argv[2]):
    _, n, seconds, _ = line.split()
    peer[int(n)] = float(seconds)
print("| responses | candor exact BIC (s) | candor BIC grid (s) | calibrated, cached (s) "
      "| calibrated, cold (s) | cold / BIC grid | numpy PELT (s) | numpy / candor exact |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in (10_000, 30_000, 100_000, 1_000_000, 10_000_000):
    exact = median.get("BM_ExactPelt/%d" % n)
    grid = median.get("BM_BicGrid/%d" % n)
    cached = median.get("BM_CalibratedCached/%d" % n)
    cold = median.get("BM_CalibratedCold/%d" % n)
    p = peer.get(n)
    cell = lambda v: "%.4f" % v if v is not None else "-"
    ratio = "%.1f" % (p / exact) if p and exact else "-"
    slower = "%.2f" % (cold / grid) if cold and grid else "-"
    print("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
        f"{n:,}", cell(exact), cell(grid), cell(cached), cell(cold), slower, cell(p), ratio))
PY
