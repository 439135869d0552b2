#!/usr/bin/python3
"""scipy.stats.kendalltau on the values bench/trend_series_bench.cc measures
candor's Mann-Kendall test on, and the side-by-side table.

The data are regenerated here with the same SplitMix64 generator in numpy
and checked against the C++ run (--check FILE from --check_out): scipy's
tau-b, turned into S = tau_b sqrt(T0 (T0 - T2)) (T0 pairs, T2 pairs tied in
x), must equal candor's S. Timed: scipy.stats.kendalltau(arange(n), x)
(O(n log n); tau-b and its asymptotic p-value), median of --repetitions runs
after one warm-up: wall time (time.perf_counter) and process CPU time
(time.process_time, less sensitive to a busy machine).

The table (--bench FILE, Google Benchmark's JSON with aggregates) has the
medians, candor's speed-up over scipy, and the O(n^2) double loop: measured
at the smaller n, fitted as t = c n^2 (c = median of t / n^2; the log-log
slope shows how close to 2 the exponent is) and extrapolated to n, clearly
labelled as such.
"""

import argparse
import json
import math
import statistics

import numpy as np
from scipy import stats

from peers_common import timed

GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def splitmix64(z):
    z = z + GOLDEN
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def generate(n, seed):
    i = np.arange(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        u = (splitmix64(np.uint64(seed) + i) >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
    return np.floor(u * 10000) + np.floor(np.arange(n, dtype=np.float64) / 100000)


def s_from_tau_b(x, tau_b):
    n = len(x)
    t0 = n * (n - 1) / 2
    counts = np.unique(x, return_counts=True)[1].astype(np.float64)
    t2 = float(np.sum(counts * (counts - 1) / 2))
    return tau_b * math.sqrt(t0 * (t0 - t2))


def medians(bench_file, field):
    """{(name, n): median `field` ("real_time" or "cpu_time") in ms} from
    Google Benchmark JSON."""
    with open(bench_file) as f:
        data = json.load(f)
    out = {}
    for b in data["benchmarks"]:
        if b.get("aggregate_name") != "median":
            continue
        name, n = b["run_name"].split("/")[:2]
        scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b["time_unit"]]
        out[(name, int(n))] = b[field] * scale
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", required=True)
    parser.add_argument("--bench", required=True)
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(args.check) as f:
        check = json.load(f)
    n, seed = check["n"], check["seed"]
    x = generate(n, seed)
    t = np.arange(n, dtype=np.float64)
    result = stats.kendalltau(t, x)
    s = s_from_tau_b(x, result.statistic)
    if abs(s - check["s"]) > 1e-6 * max(1.0, abs(s)):
        raise SystemExit("scipy S %.17g != candor S %d: different data?" % (s, check["s"]))
    _, runs = timed(lambda: stats.kendalltau(t, x), args.repetitions, warm_up=True)
    times = [seconds * 1e3 for seconds in runs.wall]
    cpu_times = [seconds * 1e3 for seconds in runs.cpu]
    tables = {}
    for field, scipy_ms in (("real_time", statistics.median(times)),
                            ("cpu_time", statistics.median(cpu_times))):
        tables[field] = table(args.bench, field, scipy_ms, n, check, s, result.pvalue)
    with open(args.out, "w") as f:
        json.dump({"n": n, "scipy_times_ms": times, "scipy_cpu_times_ms": cpu_times,
                   "tables": tables}, f, indent=1)
    print("Wall time (medians):\n")
    print(tables["real_time"])
    print("\nCPU time (medians):\n")
    print(tables["cpu_time"])


def table(bench_file, field, scipy_ms, n, check, s, scipy_p):
    m = medians(bench_file, field)
    candor_ms = m[("candor_mann_kendall", n)]
    naive = sorted((k[1], v) for k, v in m.items() if k[0] == "naive_pairs_s")
    c = statistics.median(v / k ** 2 for k, v in naive)
    if len(naive) > 1:
        logs = np.polyfit(np.log([k for k, _ in naive]), np.log([v for _, v in naive]), 1)
        exponent = logs[0]
    else:
        exponent = float("nan")
    lines = [
        "| what | n | median (ms) | candor speed-up |",
        "| --- | ---: | ---: | ---: |",
        "| candor::MannKendallTest (O(n log n)) | %d | %.1f | 1 |" % (n, candor_ms),
        "| scipy.stats.kendalltau (O(n log n)) | %d | %.1f | %.1fx |"
        % (n, scipy_ms, scipy_ms / candor_ms),
    ]
    for k, v in naive:
        ck = m.get(("candor_mann_kendall", k))
        lines.append("| O(n^2) double loop, measured | %d | %.1f | %s |"
                     % (k, v, "%.0fx (candor %.2f ms)" % (v / ck, ck) if ck else "-"))
    lines.append("| O(n^2) double loop, EXTRAPOLATED c n^2, c = %.3g ms | %d | %.0f | %.0fx |"
                 % (c, n, c * n * n, c * n * n / candor_ms))
    lines.append("")
    lines.append("Fitted log-log exponent of the double loop: %.3f (2 expected). "
                 "S: candor %d, scipy (from tau-b) %.1f; p: candor %.6g (continuity-corrected), "
                 "scipy %.6g (tau-b, uncorrected)." % (exponent, check["s"], s, check["p"],
                                                        scipy_p))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
