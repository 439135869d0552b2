#!/usr/bin/env bash
# Business-hour deadlines: candor (C++ and from Python, first call included)
# next to pandas' CustomBusinessHour on identical data, in one run. Builds
# Release in build/bench (BUILD=... to change), writes to bench/out/.
#
#   bench/run_business_hours.sh                       # 1M rows, pandas on 20k
#   ROWS=100000 PANDAS_ROWS=2000 bench/run_business_hours.sh   # quicker
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out}
ROWS=${ROWS:-1000000}
PANDAS_ROWS=${PANDAS_ROWS:-20000}
SEED=${SEED:-20261206}
REPS=${REPS:-7}
PY_REPS=${PY_REPS:-5}

build_release_bench candor_business_hours_bench

echo "$(run_context date); $(run_context cpu); $(load_line load)"
run_google_benchmark candor_business_hours_bench "$OUT/business_hours_bench.json" \
  --rows="$ROWS" --seed="$SEED" --data_out="$OUT/business_hours_data"
CANDOR_LIBRARY="$BUILD/libcandor.so" PYTHONPATH="$ROOT/bindings/python" \
  "$PYTHON" "$ROOT/bench/peers_business_hours.py" "$OUT/business_hours_data" \
  --pandas-rows "$PANDAS_ROWS" --repetitions "$PY_REPS" --out "$OUT/peers_business_hours.json"
"$PYTHON" - "$OUT/business_hours_bench.json" "$OUT/peers_business_hours.json" <<'PY'
import json, sys
bench = json.load(open(sys.argv[1]))
peer = json.load(open(sys.argv[2]))
medians = {b["run_name"].replace("/real_time", ""): b for b in bench["benchmarks"] if b.get("aggregate_name") == "median"}
utc = medians["BM_Deadlines/utc"]["real_time"] / 1000.0  # ms -> s
ours_per_row = utc / peer["rows"]
theirs_per_row = peer["pandas_seconds_per_row"]
print("| rows | candor C++ deadlines, UTC (median) | candor from Python, first call | warm | "
      "pandas CustomBusinessHour per row (on %d rows) | ratio per row (C++) | ratio (Python first call) |"
      % peer["pandas_rows"])
print("|---|---|---|---|---|---|---|")
print("| %d | %.3f s | %.3f s | %.3f s | %.1f us | %.0fx | %.0fx |" % (
    peer["rows"], utc, peer["python_first_call_seconds"], peer["python_warm_median_seconds"],
    theirs_per_row * 1e6, theirs_per_row / ours_per_row,
    theirs_per_row * peer["rows"] / peer["python_first_call_seconds"]))
for name in ("BM_Deadlines/new_york", "BM_Between/new_york"):
    print("%s: %.3f s for %d rows" % (name, medians[name]["real_time"] / 1000.0, peer["rows"]))
PY
rm -f "$OUT"/business_hours_data.*
