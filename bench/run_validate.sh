#!/usr/bin/env bash
# The AUC with DeLong's interval and the paired DeLong test on 5M rows:
# candor (C++, Google Benchmark; and the Python API, first call included)
# next to R's pROC (ci.auc(method = "delong"), roc.test(paired = TRUE)) on
# identical data, in one run. Builds Release in build/bench (BUILD to
# override), writes bench/out/validate/ and prints the table.
#
#   bench/run_validate.sh                       # 5M rows, 5 C++ / 3 R / 5 Python repetitions
#   N=200000 R_REPS=1 bench/run_validate.sh     # quicker
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/bench}
OUT=${OUT:-$ROOT/bench/out/validate}
N=${N:-5000000}
SEED=${SEED:-20261206}
REPS=${REPS:-5}
R_REPS=${R_REPS:-3}
PY_REPS=${PY_REPS:-5}

build_release_bench candor_validate_bench
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  cmake --build "$BUILD" -j2 --target candor >/dev/null  # the Python API loads libcandor.so
fi
{
  run_context date commit build cpu compiler
  load_line "load before C++"
} >"$OUT/env.txt"

run_google_benchmark candor_validate_bench "$OUT/candor_bench.json" --n="$N" --seed="$SEED" \
  --data="$OUT" >/dev/null

load_line "load before Python" >>"$OUT/env.txt"
# The Python API in a fresh process: import, first call, then the median.
CANDOR_LIBRARY="$BUILD/libcandor.so" PYTHONPATH="$ROOT/bindings/python" \
  "$PYTHON" - "$OUT" "$PY_REPS" >"$OUT/python.json" <<'PY'
import json, statistics, sys, time
t0 = time.perf_counter()
import numpy as np
import candor
imported = time.perf_counter() - t0
out, reps = sys.argv[1], int(sys.argv[2])
a = np.fromfile(out + "/score_a.f64", dtype="<f8")
b = np.fromfile(out + "/score_b.f64", dtype="<f8")
y = np.fromfile(out + "/outcome.u8", dtype=np.uint8)
result = {"import_seconds": imported}
values = {}
for name, call in (("auc", lambda: candor.auc(a, y)),
                   ("compare_auc", lambda: candor.compare_auc(a, b, y))):
    t, c = time.perf_counter(), time.process_time()
    values[name] = call()
    result[name + "_first_seconds"] = time.perf_counter() - t
    result[name + "_first_cpu"] = time.process_time() - c
    times, cpus = [], []
    for _ in range(reps):
        t, c = time.perf_counter(), time.process_time()
        call()
        times.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    result[name + "_median_seconds"] = statistics.median(times)
    result[name + "_median_cpu"] = statistics.median(cpus)
candor_json = json.load(open(out + "/candor.json"))
result["matches_cpp"] = (values["auc"].value == candor_json["auc_a"]
                         and values["compare_auc"].z == candor_json["z"])
print(json.dumps(result))
PY

load_line "load before R" >>"$OUT/env.txt"
Rscript "$ROOT/bench/peers_validate.R" "$OUT" "$R_REPS" "$OUT/r.json"
load_line "load after" >>"$OUT/env.txt"
rm -f "$OUT/score_a.f64" "$OUT/score_b.f64" "$OUT/outcome.u8"

"$PYTHON" - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
bench = json.load(open(out + "/candor_bench.json"))
# The medians (or the one run, with REPS=1), in seconds.
cpp = {b["run_name"].split("/")[0]: (b["real_time"] / 1e3, b["cpu_time"] / 1e3)
       for b in bench["benchmarks"]
       if b.get("aggregate_name") == "median" or b.get("run_type") == "iteration"}
py = json.load(open(out + "/python.json"))
r = json.load(open(out + "/r.json"))
print(open(out + "/env.txt").read())
print("n = %d rows; pROC %s, %s; medians in seconds; ratios of wall (CPU) times"
      % (r["n"], r["pROC"], r["r"]))
print()
print("| what | wall s | CPU s | pROC / this |")
print("|---|---:|---:|---:|")
auc_peer = (r["ci_auc_from_vectors"], r["ci_auc_from_vectors_cpu"])
test_peer = (r["roc_test_from_vectors"], r["roc_test_from_vectors_cpu"])
def row(name, times, peer=None):
    ratio = "" if peer is None else "%.1f (%.1f)" % (peer[0] / times[0], peer[1] / times[1])
    print("| %s | %.3f | %.3f | %s |" % (name, times[0], times[1], ratio))
row("candor EstimateAuc (AUC, DeLong SE, interval), C++", cpp["candor_auc_delong"], auc_peer)
row("candor EstimateAuc, a score with ties (2 decimals), C++", cpp["candor_auc_delong_ties"],
    auc_peer)
row("candor.auc, Python", (py["auc_median_seconds"], py["auc_median_cpu"]), auc_peer)
row("candor.auc, Python, first call", (py["auc_first_seconds"], py["auc_first_cpu"]), auc_peer)
row("pROC ci.auc(y, x, method = \"delong\") from the vectors", auc_peer)
row("pROC roc(y, x) alone", (r["roc"], r["roc_cpu"]))
row("pROC ci.auc(roc) alone (curve built)", (r["ci_auc_of_roc"], r["ci_auc_of_roc_cpu"]))
row("candor CompareAuc (paired DeLong), C++", cpp["candor_compare_auc"], test_peer)
row("candor.compare_auc, Python", (py["compare_auc_median_seconds"], py["compare_auc_median_cpu"]),
    test_peer)
row("candor.compare_auc, Python, first call",
    (py["compare_auc_first_seconds"], py["compare_auc_first_cpu"]), test_peer)
row("pROC 2 x roc() + roc.test(paired = TRUE, method = \"delong\")", test_peer)
row("pROC roc.test alone (curves built)", (r["roc_test_of_rocs"], r["roc_test_of_rocs_cpu"]))
print()
print("candor CompareAuc vs roc.test alone (curves built): %.1fx wall"
      % (r["roc_test_of_rocs"] / cpp["candor_compare_auc"][0]))
print("import candor: %.3f s; Python's results equal C++'s: %s" % (py["import_seconds"],
                                                                  py["matches_cpp"]))
print("pROC vs candor: largest absolute difference %.2g; p-values %.6g (R) %.6g (candor)"
      % (r["max_abs_difference"], r["p_value_r"], r["p_value_candor"]))
PY
