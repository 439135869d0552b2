#!/usr/bin/env bash
# Theme drivers: candor::EstimateThemeDrivers (per-theme table + key-driver
# model) next to the pandas groupby table and scikit-learn's logistic
# regression a user would write, on identical data, in one run.
# Builds Release in build/bench (or BUILD), writes to bench/out/drivers/.
#
#   bench/run_drivers.sh                      # 1M comments x 50 themes
#   ROWS=100000 THEMES=20 bench/run_drivers.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out/drivers}
ROWS=${ROWS:-1000000}
THEMES=${THEMES:-50}
SEED=${SEED:-20261128}
REPS=${REPS:-7}
PY_REPS=${PY_REPS:-3}
PYTHON=${PYTHON:-/usr/bin/python3}

source "$ROOT/bench/run_common.sh"
build_release_bench candor_drivers_bench
"$PYTHON" "$ROOT/bench/peers_drivers.py" --generate "$OUT" --rows "$ROWS" --themes "$THEMES" \
  --seed "$SEED"
write_env
time_candor_threads candor_drivers_bench
"$PYTHON" "$ROOT/bench/peers_drivers.py" --time "$OUT" --repetitions "$PY_REPS" >"$OUT/peers.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/env.txt"
rm -f "$OUT/mentions.i8" "$OUT/scores.f64" "$OUT/offsets.i64" "$OUT/ids.i32"

"$PYTHON" - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
c1 = json.load(open(out + "/candor_t1.json"))
c2 = json.load(open(out + "/candor_t2.json"))
p = json.load(open(out + "/peers.json"))
print(open(out + "/env.txt").read())
print("rows %d, themes %d, mentions %d" % (c1["rows"], c1["themes"], c1["mentions"]))
print("| what | median s | ratio (peer / candor 1 thread) |")
print("|---|---:|---:|")
print("| candor EstimateThemeDrivers (table + model), 1 thread | %.4f | 1 |" % c1["median_seconds"])
print("| candor, 2 threads | %.4f | %.2f |" % (c2["median_seconds"],
                                              c2["median_seconds"] / c1["median_seconds"]))
for key, name in (("pandas_table_median_seconds", "pandas groupby table"),
                  ("sklearn_logistic_median_seconds", "sklearn LogisticRegression(C=1)"),
                  ("total_median_seconds", "pandas + sklearn")):
    print("| %s | %.4f | %.1f |" % (name, p[key], p[key] / c1["median_seconds"]))
print("agreement: max |impact diff| %.1e, max rel RR diff %.1e, max |coef diff| %.1e"
      % (p["max_abs_impact_difference_vs_candor"], p["max_rel_rr_difference_vs_candor"],
         p["max_abs_coefficient_difference_vs_candor"]))
PY
