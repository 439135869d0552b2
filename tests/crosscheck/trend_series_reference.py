#!/usr/bin/python3
"""Reference values for candor's Hamed-Rao and seasonal Mann-Kendall tests,
the seasonal Sen's slope and the weighted least-squares trend line.

Computed independently of candor, from numpy, scipy and statsmodels only
(pymannkendall is not installed; its conventions are re-derived from Hamed &
Rao 1998, Hirsch, Slack & Smith 1982 and the pymannkendall paper, Hussain &
Mahmud 2019, and checked against its published test vectors below):

  Hamed-Rao: S by the O(n^2) definition; Var(S) by Kendall's tie formula
    (numpy.unique counts); Sen's slope = scipy.stats.theilslopes(x).slope;
    ranks of x - (t+1)*slope by scipy.stats.rankdata; autocorrelations by
    statsmodels.tsa.stattools.acf (fft=False, adjusted=False); lags
    significant when |r| > norm.ppf(1 - alpha/2)/sqrt(n); factor 1 +
    2/(n(n-1)(n-2)) |sum (n-i)(n-i-1)(n-i-2) r_i| (column signed = 0), or
    the signed sum of the paper (signed = 1; rows with a factor <= 0 left out).
  Seasonal: the same S and Var(S) within each season (index mod period),
    summed; seasonal Sen's slope = numpy.median of within-season slopes per
    cycle, interval by Sen's rank method with the seasonal Var(S).
  WLS: statsmodels.api.WLS(y, add_constant(x), weights=1/se**2), fitted
    twice: .fit() (scaled by the residual variance, t with n-2 df) and
    .fit(cov_type='fixed scale') (scale 1: se taken as known, normal).

Self-check against pymannkendall's published vectors (its
tests/test_pymannkendall.py, arbitrary_1d_data = the Bogra series in
tests/data/trend/pymannkendall_bogra.txt, computed there with its Sen's slope
of the series with missing values, -0.006369426751592357):
hamed_rao var_s 259723.81316716125 (all lags) and 14228919.889368296
(lag=3), both reproduced with the signed sum (that test file predates the
|sum| of pymannkendall's current source); seasonal_test(period=12) s -399, var_s 34702.333333333336. The
script stops if it does not reproduce them.

Writes tests/data/trend/ variants_series.csv (case,index,value),
variants_expected.csv (one row per case and method) and wls_series.csv
(case,index,time,value,se), wls_expected.csv (one row per case and scaling).
Run from the repository root:
  /usr/bin/python3 tests/crosscheck/trend_series_reference.py
"""
import csv
import os

import numpy as np
import statsmodels.api as sm
from scipy import stats
from statsmodels.tsa.stattools import acf

OUT = os.path.join("tests", "data", "trend")
ALPHA = 0.05
LEVEL = 0.95


def mk_s(x):
    n = len(x)
    return int(sum(np.sign(x[j] - x[i]) for i in range(n) for j in range(i + 1, n)))


def mk_var(x):
    n = len(x)
    _, t = np.unique(x, return_counts=True)
    return (n * (n - 1) * (2 * n + 5) - np.sum(t * (t - 1) * (2 * t + 5))) / 18


def verdict(s, var_s, alpha):
    z = 0.0
    if s > 0:
        z = (s - 1) / np.sqrt(var_s)
    elif s < 0:
        z = (s + 1) / np.sqrt(var_s)
    p = 2 * stats.norm.sf(abs(z))
    h = abs(z) > stats.norm.ppf(1 - alpha / 2)
    return z, p, (int(np.sign(z)) if h else 0)


def hamed_rao_factor(x, slope, alpha, max_lag, signed=False):
    n = len(x)
    ranks = stats.rankdata(x - np.arange(1, n + 1) * slope)
    if np.all(ranks == ranks[0]):
        return 1.0, 0
    lags = n - 1 if max_lag == 0 else min(max_lag, n - 1)
    r = acf(ranks, nlags=lags, fft=False, adjusted=False)
    bound = stats.norm.ppf(1 - alpha / 2) / np.sqrt(n)
    total, used = 0.0, 0
    for i in range(1, lags + 1):
        if abs(r[i]) > bound:
            total += (n - i) * (n - i - 1) * (n - i - 2) * r[i]
            used += 1
    return 1 + 2 / (n * (n - 1) * (n - 2)) * (total if signed else abs(total)), used


def hamed_rao(x, alpha, max_lag, signed=False):
    s, var_s = mk_s(x), mk_var(x)
    factor, used = hamed_rao_factor(x, stats.theilslopes(x).slope, alpha, max_lag, signed)
    var_s *= factor
    z, p, trend = verdict(s, var_s, alpha)
    n = len(x)
    return dict(s=s, var_s=var_s, z=z, p=p, tau=s / (n * (n - 1) / 2), trend=trend,
                factor=factor, lags=used, signed=int(signed), slope=np.nan, intercept=np.nan, low=np.nan,
                high=np.nan)


def seasonal_columns(x, period):
    return [x[g::period] for g in range(period)]


def seasonal(x, period, alpha, level):
    cols = [c[~np.isnan(c)] for c in seasonal_columns(x, period)]
    s = sum(mk_s(c) for c in cols if len(c) > 1)
    var_s = sum(mk_var(c) for c in cols if len(c) > 1)
    pairs = sum(len(c) * (len(c) - 1) / 2 for c in cols)
    z, p, trend = verdict(s, var_s, alpha)
    slopes = []
    for c in seasonal_columns(x, period):
        for i in range(len(c)):
            for j in range(i + 1, len(c)):
                if not (np.isnan(c[i]) or np.isnan(c[j])):
                    slopes.append((c[j] - c[i]) / (j - i))
    slopes = np.sort(np.array(slopes))
    slope = np.median(slopes)
    keep = ~np.isnan(x)
    intercept = np.median(x[keep]) - np.median(np.arange(len(x))[keep]) / period * slope
    c = stats.norm.ppf((1 + level) / 2) * np.sqrt(var_s)
    m = len(slopes)
    lo = int(np.clip(np.round((m - c) / 2), 1, m)) - 1
    hi = int(np.clip(np.round((m + c) / 2) + 1, 1, m)) - 1
    return dict(s=s, var_s=var_s, z=z, p=p, tau=s / pairs, trend=trend, factor=1.0, lags=0,
                signed=0,
                slope=slope, intercept=intercept, low=slopes[lo], high=slopes[hi])


def check_published():
    bogra = np.loadtxt(os.path.join(OUT, "pymannkendall_bogra.txt"))
    x = bogra[~np.isnan(bogra)]
    s, var_s = mk_s(x), mk_var(x)
    assert s == -1959
    for lag, published in ((0, 259723.81316716125), (3, 14228919.889368296)):
        factor, _ = hamed_rao_factor(x, -0.006369426751592357, ALPHA, lag, signed=True)
        assert abs(var_s * factor - published) < 1e-6 * published, (lag, var_s * factor)
    res = seasonal(bogra, 12, ALPHA, LEVEL)
    assert res["s"] == -399 and abs(res["var_s"] - 34702.333333333336) < 1e-9, res
    assert abs(res["z"] - -2.136504114534638) < 1e-12
    assert abs(res["tau"] - -0.0794979079497908) < 1e-15
    assert res["slope"] == -0.08695652173913043
    assert abs(res["intercept"] - 96.31159420289855) < 1e-9


def variant_series():
    rng = np.random.default_rng(20261127)
    cases = {}
    e = rng.normal(size=400)
    ar = np.zeros(400)
    for t in range(1, 400):
        ar[t] = 0.7 * ar[t - 1] + e[t]
    cases["ar07_400"] = ar + 0.01 * np.arange(400)
    cases["ar07_60"] = ar[:60].copy()
    cases["white200"] = rng.normal(size=200)
    cases["ties_ar150"] = np.round(ar[200:350] * 2) + np.arange(150) // 50
    months = np.arange(96)
    cases["monthly96"] = (10 * np.sin(2 * np.pi * months / 12) + 0.05 * months
                          + rng.normal(0, 2, 96))
    cases["nps_monthly50"] = np.round(30 + 8 * np.cos(2 * np.pi * np.arange(50) / 12)
                                      - 0.1 * np.arange(50) + rng.normal(0, 3, 50))
    cases["quarterly_ties27"] = rng.integers(0, 5, 27).astype(float)
    bogra = np.loadtxt(os.path.join(OUT, "pymannkendall_bogra.txt"))
    cases["bogra"] = bogra[~np.isnan(bogra)]
    return cases


def variant_rows(cases):
    rows = []
    for name, x in cases.items():
        for max_lag in (0, 1, 3):
            rows.append(dict(case=name, method="hamed_rao", alpha=ALPHA, max_lag=max_lag,
                             period=0, level=LEVEL, **hamed_rao(x, ALPHA, max_lag)))
        rows.append(dict(case=name, method="hamed_rao", alpha=0.2, max_lag=0, period=0,
                         level=LEVEL, **hamed_rao(x, 0.2, 0)))
        signed = hamed_rao(x, ALPHA, 0, signed=True)
        if signed["factor"] > 0:
            rows.append(dict(case=name, method="hamed_rao", alpha=ALPHA, max_lag=0, period=0,
                             level=LEVEL, **signed))
        for period in (2, 4, 12):
            if len(x) >= 2 * period:
                rows.append(dict(case=name, method="seasonal", alpha=ALPHA, max_lag=0,
                                 period=period, level=LEVEL,
                                 **seasonal(x, period, ALPHA, LEVEL)))
    return rows


def wls_series():
    rng = np.random.default_rng(20261128)
    cases = {}
    n = np.array([150, 90, 300, 40, 220, 180, 75, 260, 130, 310, 95, 200])
    nps = 20 + 0.6 * np.arange(12) + rng.normal(0, 100 / np.sqrt(n))
    cases["monthly12"] = (np.arange(12.0), nps, 100 / np.sqrt(n))
    t = np.cumsum(rng.integers(1, 4, 20)).astype(float)
    cases["uneven20"] = (t, -5 - 0.3 * t + rng.normal(0, 2, 20), rng.uniform(1, 4, 20))
    cases["unix_weeks8"] = (1.7e9 + 604800.0 * np.arange(8),
                            40 + rng.normal(0, 3, 8), np.full(8, 3.0))
    cases["flat3"] = (np.arange(3.0), np.array([10.0, 12.0, 9.0]), np.array([1.0, 2.0, 1.5]))
    return cases


def wls_rows(cases):
    rows = []
    for name, (x, y, se) in cases.items():
        X = sm.add_constant(x)
        model = sm.WLS(y, X, weights=1 / se ** 2)
        for scaled in (0, 1):
            fit = model.fit() if scaled else model.fit(cov_type="fixed scale")
            ci = fit.conf_int(alpha=1 - LEVEL)
            resid = y - fit.fittedvalues
            chi2 = float(np.sum(resid ** 2 / se ** 2))
            rows.append(dict(case=name, scaled=scaled, level=LEVEL,
                             slope=fit.params[1], slope_se=fit.bse[1], slope_low=ci[1][0],
                             slope_high=ci[1][1], slope_p=fit.pvalues[1],
                             intercept=fit.params[0], intercept_se=fit.bse[0],
                             intercept_low=ci[0][0], intercept_high=ci[0][1],
                             intercept_p=fit.pvalues[0], chi_square=chi2,
                             residual_scale=chi2 / (len(y) - 2)))
            if scaled:
                assert abs(fit.scale - chi2 / (len(y) - 2)) < 1e-9 * max(1, chi2)
    return rows


def write(name, rows):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(list(rows[0]))
        for row in rows:
            w.writerow([repr(float(v)) if isinstance(v, (float, np.floating)) else v
                        for v in row.values()])


def main():
    check_published()
    cases = variant_series()
    write("variants_series.csv", [dict(case=k, index=i, value=float(v))
                                  for k, x in cases.items() for i, v in enumerate(x)])
    write("variants_expected.csv", variant_rows(cases))
    wls = wls_series()
    write("wls_series.csv", [dict(case=k, index=i, time=float(x[i]), value=float(y[i]),
                                  se=float(se[i]))
                             for k, (x, y, se) in wls.items() for i in range(len(x))])
    write("wls_expected.csv", wls_rows(wls))


if __name__ == "__main__":
    main()
