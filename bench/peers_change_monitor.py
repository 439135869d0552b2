#!/usr/bin/python3
"""A numpy CUSUM next to bench/change_monitor_bench.cc, in the same run: the
same data (SplitMix64(seed + offset + i) % 11, regenerated here), a year of
365 buckets of 1, 17 and 500 NPS responses after a 90-bucket history, the
two-sided CUSUM advanced one bucket at a time as a Python service would do
it (numpy for the bucket's values and sum, a Python loop for the
recursion). Checked first: its U and L after every bucket equal
candor.ChangeMonitor's. Prints candor's median (from --bench, Google
Benchmark's JSON) and numpy's, per year of buckets, and the ratio.
"""

import argparse
import json
import math
import os
import statistics
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                "bindings", "python"))

from peers_common import timed  # noqa: E402

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
MASK = np.uint64(0xFFFFFFFFFFFFFFFF)


def splitmix64(z):
    with np.errstate(over="ignore"):
        z = (z + GOLDEN) & MASK
        z = ((z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)) & MASK
        z = ((z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)) & MASK
        return z ^ (z >> np.uint64(31))


def scores(n, seed, offset):
    idx = np.arange(n, dtype=np.uint64) + np.uint64(seed) + np.uint64(offset)
    return (splitmix64(idx) % np.uint64(11)).astype(np.float64)


def numpy_year(history, year, per_bucket, k_b, h_b):
    values = np.where(history >= 9, 1.0, np.where(history <= 6, -1.0, 0.0))
    mu0, sigma = values.mean(), values.std(ddof=1)
    root = math.sqrt(per_bucket)
    k = k_b / root
    upper = lower = 0.0
    out = []
    for b in range(len(year) // per_bucket):
        bucket = year[b * per_bucket:(b + 1) * per_bucket]
        if np.isnan(bucket).any() or (bucket < 0).any() or (bucket > 10).any():
            raise ValueError("bad score")
        v = np.where(bucket >= 9, 1.0, np.where(bucket <= 6, -1.0, 0.0))
        z = (v.sum() - len(v) * mu0) / sigma
        upper = max(0.0, upper + z - len(v) * k)
        lower = max(0.0, lower - z - len(v) * k)
        out.append((upper / root, lower / root, upper / root > h_b or lower / root > h_b))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", required=True)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()
    import candor
    with open(args.bench) as f:
        report = json.load(f)
    medians = {b["run_name"]: (b["real_time"], b["cpu_time"]) for b in report["benchmarks"]
               if b.get("aggregate_name") == "median"}
    print("| responses per bucket | candor, a year of 365 buckets: wall / CPU (us) "
          "| numpy CUSUM: wall / CPU (us) | numpy / candor (CPU) |")
    print("| --- | --- | --- | --- |")
    for per_bucket in (1, 17, 500):
        history = scores(max(90 * per_bucket, 30), args.seed, 0)
        year = scores(365 * per_bucket, args.seed, 1 << 30)
        monitor = candor.ChangeMonitor(history, alpha=0.001, bucket_size=per_bucket)
        expected = numpy_year(history, year, per_bucket, monitor.reference, monitor.threshold)
        for b, (u, l, alarm) in enumerate(expected):
            s = monitor.update(year[b * per_bucket:(b + 1) * per_bucket])
            assert abs(s.upper - u) < 1e-9 and abs(s.lower - l) < 1e-9 and s.alarm == alarm
        k_b, h_b = monitor.reference, monitor.threshold
        _, runs = timed(lambda: numpy_year(history, year, per_bucket, k_b, h_b),
                     args.repetitions, warm_up=True)
        candor_wall, candor_cpu = medians.get("BM_UpdateYear/%d" % per_bucket,
                                              (float("nan"), float("nan")))
        print("| %d | %.1f / %.1f | %.0f / %.0f | %.0fx |"
              % (per_bucket, candor_wall, candor_cpu, runs.median_wall * 1e6,
                 runs.median_cpu * 1e6, runs.median_cpu * 1e6 / candor_cpu))


if __name__ == "__main__":
    main()
