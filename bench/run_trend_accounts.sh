#!/usr/bin/env bash
# Per-account trends: candor::EstimateAccountTrends next to pandas groupby with
# a numpy least-squares slope per account, on identical data, in one run.
# Builds Release in build/bench (or BUILD), writes to bench/out/trend_accounts/.
#
#   bench/run_trend_accounts.sh                  # 1M responses, 20,000 accounts
#   ROWS=200000 ACCOUNTS=4000 bench/run_trend_accounts.sh
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out/trend_accounts}
ROWS=${ROWS:-1000000}
ACCOUNTS=${ACCOUNTS:-20000}
SEED=${SEED:-20261127}
REPS=${REPS:-7}
PY_REPS=${PY_REPS:-5}
APPLY_REPS=${APPLY_REPS:-3}

build_release_bench candor_trend_accounts_bench
"$PYTHON" "$ROOT/bench/peers_trend_accounts.py" --generate "$OUT" --rows "$ROWS" \
  --accounts "$ACCOUNTS" --seed "$SEED"
time_candor_threads candor_trend_accounts_bench
"$PYTHON" "$ROOT/bench/peers_trend_accounts.py" --time "$OUT" --repetitions "$PY_REPS" \
  --apply-repetitions "$APPLY_REPS" >"$OUT/peers.json"
load_line "load after" >>"$OUT/env.txt"

"$PYTHON" "$ROOT/bench/peers_trend_accounts.py" --table "$OUT"
