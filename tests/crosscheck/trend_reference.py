#!/usr/bin/python3
"""Reference values for candor's Mann-Kendall test and Sen's slope.

Writes tests/data/trend/trend_series.csv (case,index,value) and
tests/data/trend/trend_expected.csv (one row per case), computed independently
of candor:
  S       by the O(n^2) definition sum_{i<j} sign(x_j - x_i);
  var_s   by Kendall's tie-corrected formula from numpy.unique counts;
  z, p    with pymannkendall's continuity correction, scipy.stats.norm;
  tau_b   scipy.stats.kendalltau(arange(n), x) (checks S independently:
          S = tau_b * sqrt(n0 (n0 - n1)), n0 = n(n-1)/2, n1 = tied pairs in x);
  slope, intercept, low, high: scipy.stats.theilslopes(x, alpha=level,
          method='separate') (intercept = median(x) - slope * median(index),
          pymannkendall's convention too).
The pymannkendall 'Bogra' rainfall series (tests/data/trend/
pymannkendall_bogra.txt, missing values dropped) is included as case 'bogra'.
Run from the repository root: /usr/bin/python3 tests/crosscheck/trend_reference.py
"""
import csv
import os

import numpy as np
from scipy import stats

LEVEL = 0.95
OUT = os.path.join("tests", "data", "trend")


def series():
    rng = np.random.default_rng(20261123)
    cases = {}
    for n in (3, 4, 10, 37, 200, 1000):  # 0..10 scores: many ties
        cases[f"ties{n}"] = rng.integers(0, 11, n).astype(float)
    cases["trend150"] = rng.integers(0, 11, 150) + np.round(np.arange(150) / 40.0)
    cases["continuous300"] = rng.normal(0, 1, 300) - 0.002 * np.arange(300)
    cases["constant12"] = np.full(12, 7.0)
    bogra = np.loadtxt(os.path.join(OUT, "pymannkendall_bogra.txt"))
    cases["bogra"] = bogra[~np.isnan(bogra)]
    return cases


def reference(x, level):
    n = len(x)
    s = int(sum(np.sign(x[j] - x[i]) for i in range(n) for j in range(i + 1, n)))
    _, counts = np.unique(x, return_counts=True)
    var_s = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in counts)) / 18
    z = 0.0
    if s > 0:
        z = (s - 1) / np.sqrt(var_s)
    elif s < 0:
        z = (s + 1) / np.sqrt(var_s)
    p = 2 * stats.norm.sf(abs(z))
    n0 = n * (n - 1) / 2
    tau_b = stats.kendalltau(np.arange(n), x).statistic
    n1 = sum(t * (t - 1) / 2 for t in counts)
    if np.isfinite(tau_b):
        assert abs(tau_b * np.sqrt(n0 * (n0 - n1)) - s) < 1e-6 * max(1, abs(s)), (s, tau_b)
    ts = stats.theilslopes(x, alpha=level, method="separate")
    return dict(n=n, s=s, var_s=var_s, z=z, p=p, tau=s / n0, tau_b=tau_b, level=level,
                slope=ts.slope, intercept=ts.intercept, low=ts.low_slope, high=ts.high_slope)


def main():
    cases = series()
    with open(os.path.join(OUT, "trend_series.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "index", "value"])
        for name, x in cases.items():
            for i, v in enumerate(x):
                w.writerow([name, i, repr(float(v))])
    with open(os.path.join(OUT, "trend_expected.csv"), "w", newline="") as f:
        w = None
        for name, x in cases.items():
            ref = reference(x, LEVEL)
            if w is None:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["case"] + list(ref))
            w.writerow([name] + [repr(float(v)) if isinstance(v, float) else v
                                 for v in ref.values()])


if __name__ == "__main__":
    main()
