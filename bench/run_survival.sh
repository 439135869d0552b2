#!/usr/bin/env bash
# Survival: candor's concordance (Harrell and Uno, with the jackknife SE),
# Kaplan-Meier by group and the log-rank test next to R's survival
# (concordance(reverse = TRUE), survfit, survdiff) on identical data, and the
# Python API (candor.concordance, kaplan_meier, log_rank) including its first
# call in a fresh process. Builds Release in build/bench (or BUILD), writes to
# bench/out/survival/.
#
#   bench/run_survival.sh                 # 1M rows
#   ROWS=100000 bench/run_survival.sh
set -euo pipefail

source "$(dirname "$0")/run_common.sh"
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out/survival}
ROWS=${ROWS:-1000000}
SEED=${SEED:-20261206}
REPS=${REPS:-5}
R_REPS=${R_REPS:-3}

build_release_bench candor_survival_bench
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  cmake --build "$BUILD" -j2 --target candor
fi

# Customers with tenure in days (0..1460, so ties), 40% churned, a risk score
# that predicts churn a little (two decimals, so ties), four plans.
"$PYTHON" - "$OUT" "$ROWS" "$SEED" <<'PY'
import sys
import numpy as np
out, rows, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(seed)
group = rng.integers(0, 4, rows).astype(np.int32)
risk = np.round(rng.normal(size=rows) + 0.2 * group, 2)
hazard = np.exp(0.5 * risk) / 700
churn_at = rng.exponential(1 / hazard)
censor_at = rng.uniform(0, 1460, rows)
time = np.floor(np.minimum(churn_at, censor_at))
event = (churn_at <= censor_at).astype(np.float64)
for name, array in (("time.f64", time), ("event.f64", event), ("risk.f64", risk),
                    ("group.i32", group)):
    array.tofile(out + "/" + name)
PY
{
  run_context date commit cpu
  load_line "load before C++"
} >"$OUT/env.txt"
"$BUILD/bench/candor_survival_bench" --data="$OUT" --reps="$REPS" >"$OUT/candor.json"
load_line "load before R" >>"$OUT/env.txt"
Rscript "$ROOT/bench/peers_survival.R" "$OUT" "$R_REPS" >"$OUT/r.json"
load_line "load before Python" >>"$OUT/env.txt"

# The Python API: the first call in a fresh process (import and library load
# included, measured from before `import candor`), then the median of REPS.
CANDOR_LIBRARY="$BUILD/libcandor.so" PYTHONPATH="$ROOT/bindings/python" \
  "$PYTHON" - "$OUT" "$REPS" >"$OUT/python.json" <<'PY'
import json, sys, time
start = time.perf_counter()
import numpy as np
import candor
out, reps = sys.argv[1], int(sys.argv[2])
t = np.fromfile(out + "/time.f64")
e = np.fromfile(out + "/event.f64")
r = np.fromfile(out + "/risk.f64")
g = np.fromfile(out + "/group.i32", dtype=np.int32)
loaded = time.perf_counter()
candor.concordance(r, t, e)
first = time.perf_counter()
result = {"import_and_read_seconds": loaded - start,
          "first_concordance_seconds_from_start": first - start,
          "first_concordance_call_seconds": first - loaded}
def median(call):
    seconds = []
    for _ in range(reps):
        s = time.perf_counter(); call(); seconds.append(time.perf_counter() - s)
    return sorted(seconds)[len(seconds) // 2]
result["concordance_seconds"] = median(lambda: candor.concordance(r, t, e))
result["kaplan_meier_seconds"] = median(lambda: candor.kaplan_meier(t, e, g))
result["log_rank_seconds"] = median(lambda: candor.log_rank(t, e, g))
print(json.dumps(result))
PY
load_line "load after" >>"$OUT/env.txt"
rm -f "$OUT"/*.f64 "$OUT"/*.i32

"$PYTHON" - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
c = json.load(open(out + "/candor.json"))
r = json.load(open(out + "/r.json"))
p = json.load(open(out + "/python.json"))
print(open(out + "/env.txt").read())
print("rows %d; R survival %s" % (c["rows"], r["survival_version"]))
print("| what | candor C++ median s | Python API median s | R survival median s | ratio R / candor C++ |")
print("|---|---:|---:|---:|---:|")
for name, ck, pk, rk in (("concordance (Harrell) + SE", "concordance_seconds", "concordance_seconds",
                          "concordance_seconds"),
                         ("concordance (Uno, n/G2) + SE", "uno_seconds", None, "uno_seconds"),
                         ("Kaplan-Meier by group (survfit)", "kaplan_meier_seconds",
                          "kaplan_meier_seconds", "survfit_seconds"),
                         ("log-rank (survdiff)", "log_rank_seconds", "log_rank_seconds",
                          "survdiff_seconds")):
    print("| %s | %.4f | %s | %.4f | %.1f |" % (name, c[ck], "%.4f" % p[pk] if pk else "-",
                                                 r[rk], r[rk] / c[ck]))
print("Python first call: %.3f s from before `import candor` (import + reading the columns "
      "%.3f s, the call %.3f s)" % (p["first_concordance_seconds_from_start"],
                                    p["import_and_read_seconds"],
                                    p["first_concordance_call_seconds"]))
print("agreement with R: |C diff| %.1e, rel SE diff %.1e; Uno |C diff| %.1e, rel SE diff %.1e; "
      "KM points %d vs %d, last S diff %.1e; chi-square rel diff %.1e"
      % (abs(c["concordance"] - r["concordance"]),
         abs(c["concordance_std_error"] / r["concordance_std_error"] - 1),
         abs(c["uno"] - r["uno"]), abs(c["uno_std_error"] / r["uno_std_error"] - 1),
         c["km_points"], r["km_points"],
         abs(c["km_first_curve_last_survival"] - r["km_first_curve_last_survival"]),
         abs(c["chi_square"] / r["chi_square"] - 1)))
PY
