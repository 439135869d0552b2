#!/usr/bin/env bash
# Per-account trends: candor::EstimateAccountTrends next to pandas groupby with
# a numpy least-squares slope per account, on identical data, in one run.
# Builds Release in build/bench (or BUILD), writes to bench/out/trend_accounts/.
#
#   bench/run_trend_accounts.sh                  # 1M responses, 20,000 accounts
#   ROWS=200000 ACCOUNTS=4000 bench/run_trend_accounts.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out/trend_accounts}
ROWS=${ROWS:-1000000}
ACCOUNTS=${ACCOUNTS:-20000}
SEED=${SEED:-20261127}
REPS=${REPS:-7}
PY_REPS=${PY_REPS:-5}
APPLY_REPS=${APPLY_REPS:-3}
PYTHON=${PYTHON:-/usr/bin/python3}

source "$ROOT/bench/run_common.sh"
build_release_bench candor_trend_accounts_bench
"$PYTHON" "$ROOT/bench/peers_trend_accounts.py" --generate "$OUT" --rows "$ROWS" \
  --accounts "$ACCOUNTS" --seed "$SEED"
write_env
time_candor_threads candor_trend_accounts_bench
"$PYTHON" "$ROOT/bench/peers_trend_accounts.py" --time "$OUT" --repetitions "$PY_REPS" \
  --apply-repetitions "$APPLY_REPS" >"$OUT/peers.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/env.txt"

"$PYTHON" - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
c1 = json.load(open(out + "/candor_t1.json"))
c2 = json.load(open(out + "/candor_t2.json"))
p = json.load(open(out + "/peers.json"))
print(open(out + "/env.txt").read())
print("rows %d, accounts %d" % (c1["rows"], c1["accounts"]))
print("| what | median s | ratio (peer / candor 1 thread) |")
print("|---|---:|---:|")
print("| candor EstimateAccountTrends, 1 thread | %.4f | 1 |" % c1["median_seconds"])
print("| candor EstimateAccountTrends, 2 threads | %.4f | %.2f |"
      % (c2["median_seconds"], c2["median_seconds"] / c1["median_seconds"]))
for name in ("pandas_vectorized", "pandas_apply_lstsq"):
    m = p[name]["median_seconds"]
    print("| %s (max rel. slope diff %.1e) | %.4f | %.1f |"
          % (name, p[name]["max_relative_slope_difference_vs_candor"], m,
             m / c1["median_seconds"]))
PY
