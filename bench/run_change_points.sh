#!/usr/bin/env bash
# Change-point benchmark: candor's PELT next to a plain numpy PELT with the
# same cost on the same bytes, in one run, then candor alone up to 10M
# responses. Builds candor_change_points_bench in BUILD, writes the series,
# candor's exact answers and the timings to OUT, and prints a table of
# medians and ratios. The numpy peer exits with an error if its changes or
# total cost differ from candor's exact search.
#
#   bench/run_change_points.sh                  # peer on 10k and 30k responses
#   PEER_SIZES="10000 30000 100000" bench/run_change_points.sh   # slower
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out/change_points}
REPS=${REPS:-5}                  # C++ repetitions (median reported)
PY_REPS=${PY_REPS:-3}            # numpy repetitions
PEER_SIZES=${PEER_SIZES:-"10000 30000"}
PYTHON=${PYTHON:-/usr/bin/python3}  # Debian's numpy

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
    -DCANDOR_BUILD_TESTS=OFF -DCANDOR_BUILD_EXAMPLES=OFF -DCANDOR_BUILD_BENCH=ON >/dev/null
  cmake --build "$BUILD" -j2 --target candor_change_points_bench
fi
mkdir -p "$OUT"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "build type: $(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt")"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/env.txt"

"$BUILD/bench/candor_change_points_bench" --data_dir="$OUT" \
  --benchmark_repetitions="$REPS" --benchmark_report_aggregates_only=true \
  --benchmark_min_time=0.01 \
  --benchmark_out="$OUT/candor.json" --benchmark_out_format=json >/dev/null
# shellcheck disable=SC2086
"$PYTHON" "$ROOT/bench/peers_change_points.py" "$OUT" $PEER_SIZES --reps "$PY_REPS" \
  >"$OUT/numpy.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/env.txt"

"$PYTHON" - "$OUT/candor.json" "$OUT/numpy.txt" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["benchmarks"]
median = {r["run_name"]: r["real_time"] / 1e3 for r in runs if r.get("aggregate_name") == "median"}
peer = {}
for line in open(sys.argv[2]):
    _, n, seconds, _ = line.split()
    peer[int(n)] = float(seconds)
print("| responses | candor exact (s) | candor default (s) | numpy PELT (s) | numpy / candor exact |")
print("|---:|---:|---:|---:|---:|")
for n in (10_000, 30_000, 100_000, 1_000_000, 10_000_000):
    exact = median.get("BM_ExactPelt/%d" % n)
    grid = median.get("BM_DefaultGrid/%d" % n)
    p = peer.get(n)
    cell = lambda v: "%.4f" % v if v is not None else "-"
    ratio = "%.1f" % (p / exact) if p and exact else "-"
    print("| %s | %s | %s | %s | %s |" % (f"{n:,}", cell(exact), cell(grid), cell(p), ratio))
PY
