#!/usr/bin/env bash
# Calendar buckets: candor's monthly NPS per America/New_York month next to
# pandas (tz_convert + to_period + groupby) on identical data, in one run.
# Builds Release in build/bench (BUILD=... to change), writes to bench/out/.
#
#   bench/run_trend_buckets.sh                 # 10M responses
#   ROWS=1000000 bench/run_trend_buckets.sh    # quicker
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out}
ROWS=${ROWS:-10000000}
SEED=${SEED:-20261127}
REPS=${REPS:-7}
PY_REPS=${PY_REPS:-5}

build_release_bench candor_trend_buckets_bench

echo "$(run_context date); $(run_context cpu); $(load_line load)"
run_google_benchmark candor_trend_buckets_bench "$OUT/trend_buckets_bench.json" --rows="$ROWS" \
  --seed="$SEED" --data_out="$OUT/trend_buckets_data"
"$PYTHON" "$ROOT/bench/peers_trend_buckets.py" "$OUT/trend_buckets_data" \
  --repetitions "$PY_REPS" --out "$OUT/peers_trend_buckets.json"
"$PYTHON" - "$OUT/trend_buckets_bench.json" "$OUT/peers_trend_buckets.json" <<'PY'
import json, sys
bench = json.load(open(sys.argv[1]))
peer = json.load(open(sys.argv[2]))
median = [b for b in bench["benchmarks"] if b.get("aggregate_name") == "median"][0]
ours = median["real_time"] / 1000.0  # ms -> s
theirs = peer["pandas_median_seconds"]
print("| rows | buckets | candor TimeBuckets (median) | pandas tz_convert+to_period+groupby (median) | ratio |")
print("|---|---|---|---|---|")
print("| %d | %d | %.3f s | %.3f s | %.1fx |" % (peer["rows"], peer["buckets"], ours, theirs,
                                               theirs / ours))
PY
rm -f "$OUT"/trend_buckets_data.times "$OUT"/trend_buckets_data.scores
