"""Trend tests from Python: the Mann-Kendall S, tau and p against
scipy.stats.kendalltau (S from tau-b) and a direct computation, the
Hamed-Rao factor against numpy/statsmodels (acf) re-derivation, the seasonal
test against per-season sums, Sen's slope against scipy.stats.theilslopes,
the WLS line against statsmodels WLS (both covariance choices). Bad input
raises candor.Error with the status."""
import numpy as np
import pytest
import statsmodels.api as sm
from scipy import stats
from statsmodels.tsa.stattools import acf

import candor

RNG_SEED = 20261127


def series(n=120, seed=RNG_SEED, ties=False):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n) + 0.01 * np.arange(n)
    return np.round(x * 2) if ties else x


def tie_counts(x):
    return np.unique(x, return_counts=True)[1]


def s_from_kendalltau(x):
    """S = tau_b * sqrt(n0 (n0 - n1)) with no ties in time (n0 pairs, n1 tied in x)."""
    n = len(x)
    n0 = n * (n - 1) / 2
    n1 = np.sum(tie_counts(x) * (tie_counts(x) - 1) / 2)
    return stats.kendalltau(np.arange(n), x).statistic * np.sqrt(n0 * (n0 - n1))


def mk_var(x):
    n, t = len(x), tie_counts(x)
    return (n * (n - 1) * (2 * n + 5) - np.sum(t * (t - 1) * (2 * t + 5))) / 18


@pytest.mark.parametrize("ties", [False, True])
def test_original_matches_kendalltau(ties):
    x = series(ties=ties)
    r = candor.mann_kendall(x)
    assert r.s == round(s_from_kendalltau(x))
    assert r.var_s == pytest.approx(mk_var(x), rel=1e-12)
    assert r.tau == pytest.approx(r.s / (len(x) * (len(x) - 1) / 2), rel=1e-14)
    z = (r.s - np.sign(r.s)) / np.sqrt(mk_var(x))
    assert r.z == pytest.approx(z, rel=1e-12)
    assert r.p_value == pytest.approx(2 * stats.norm.sf(abs(z)), rel=1e-10)
    # Without ties and without the continuity correction, scipy's asymptotic
    # p-value of tau-b is the same test.
    if not ties:
        scipy_p = stats.kendalltau(np.arange(len(x)), x, method="asymptotic").pvalue
        uncorrected = 2 * stats.norm.sf(abs(r.s) / np.sqrt(r.var_s))
        assert uncorrected == pytest.approx(scipy_p, rel=1e-10)
    assert r.trend == ("increasing" if r.p_value < 0.05 and r.z > 0 else
                       "decreasing" if r.p_value < 0.05 else "no trend")


def test_hamed_rao_matches_independent_computation():
    rng = np.random.default_rng(RNG_SEED)
    e = rng.normal(size=300)
    x = np.zeros(300)
    for t in range(1, 300):
        x[t] = 0.6 * x[t - 1] + e[t]
    r = candor.mann_kendall(x, method="hamed_rao")
    n = len(x)
    slope = stats.theilslopes(x).slope
    ranks = stats.rankdata(x - np.arange(1, n + 1) * slope)
    rho = acf(ranks, nlags=n - 1, fft=False)
    bound = stats.norm.ppf(0.975) / np.sqrt(n)
    i = np.arange(1, n)
    used = np.abs(rho[1:]) > bound
    total = np.sum(((n - i) * (n - i - 1) * (n - i - 2) * rho[1:])[used])
    factor = 1 + 2 / (n * (n - 1) * (n - 2)) * abs(total)
    assert r.significant_lags == int(np.sum(used)) > 0
    assert r.variance_factor == pytest.approx(factor, rel=1e-10)
    assert r.var_s == pytest.approx(mk_var(x) * factor, rel=1e-10)
    assert r.var_s > candor.mann_kendall(x).var_s  # positive autocorrelation widens it
    lag1 = candor.mann_kendall(x, method="hamed_rao", max_lag=1)
    assert lag1.significant_lags == 1


def test_seasonal_sums_seasons_and_seasonal_slope():
    rng = np.random.default_rng(RNG_SEED)
    months = np.arange(60)
    x = 10 * np.sin(2 * np.pi * months / 12) + 0.2 * months + rng.normal(0, 1, 60)
    r = candor.mann_kendall(x, period=12)
    assert r.method == "seasonal"
    cols = [x[g::12] for g in range(12)]
    assert r.s == sum(round(s_from_kendalltau(c)) for c in cols)
    assert r.var_s == pytest.approx(sum(mk_var(c) for c in cols), rel=1e-12)
    assert r.tau == pytest.approx(r.s / (12 * 5 * 4 / 2), rel=1e-14)
    slopes = [(c[j] - c[i]) / (j - i) for c in cols for i in range(5) for j in range(i + 1, 5)]
    sen = candor.sens_slope(x, period=12)
    assert sen.slope == pytest.approx(np.median(slopes), rel=1e-14)
    assert sen.ci_low <= sen.slope <= sen.ci_high


@pytest.mark.parametrize("level", [0.9, 0.95])
def test_sens_slope_matches_theilslopes(level):
    x = series(n=90, ties=True)
    sen = candor.sens_slope(x, level=level)
    ts = stats.theilslopes(x, alpha=level, method="separate")
    assert sen.slope == pytest.approx(ts.slope, abs=1e-12)
    assert sen.intercept == pytest.approx(ts.intercept, abs=1e-9)
    assert sen.ci_low == ts.low_slope
    assert sen.ci_high == ts.high_slope


@pytest.mark.parametrize("scaled", [False, True])
@pytest.mark.parametrize("with_times", [False, True])
def test_wls_matches_statsmodels(scaled, with_times):
    rng = np.random.default_rng(RNG_SEED)
    n = rng.integers(50, 400, 18)
    se = 100 / np.sqrt(n)
    t = np.cumsum(rng.integers(1, 3, 18)).astype(float) if with_times else np.arange(18.0)
    y = 25 - 0.4 * t + rng.normal(0, se)
    r = candor.wls_slope(y, se, times=t if with_times else None, level=0.9,
                         scale_by_residual_variance=scaled)
    model = sm.WLS(y, sm.add_constant(t), weights=1 / se ** 2)
    fit = model.fit() if scaled else model.fit(cov_type="fixed scale")
    ci = fit.conf_int(alpha=0.1)
    assert r.slope == pytest.approx(fit.params[1], rel=1e-10)
    assert r.intercept == pytest.approx(fit.params[0], rel=1e-10)
    assert r.slope_std_error == pytest.approx(fit.bse[1], rel=1e-10)
    assert r.intercept_std_error == pytest.approx(fit.bse[0], rel=1e-10)
    assert (r.slope_ci_low, r.slope_ci_high) == pytest.approx(tuple(ci[1]), rel=1e-9)
    assert (r.intercept_ci_low, r.intercept_ci_high) == pytest.approx(tuple(ci[0]), rel=1e-9)
    assert r.slope_p_value == pytest.approx(fit.pvalues[1], rel=1e-8, abs=1e-300)
    assert r.intercept_p_value == pytest.approx(fit.pvalues[0], rel=1e-8, abs=1e-300)
    assert r.residual_scale == pytest.approx(np.sum(fit.wresid ** 2) / 16, rel=1e-10)


def test_bad_input_raises_with_status():
    x = series(n=30)
    bad = x.copy()
    bad[7] = np.nan
    with pytest.raises(candor.Error) as e:
        candor.mann_kendall(bad)
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and "index 7" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.mann_kendall(x[:2])
    assert e.value.status == "CANDOR_EMPTY"
    with pytest.raises(candor.Error) as e:
        candor.mann_kendall(x, period=1)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(candor.Error) as e:
        candor.mann_kendall(x, period=16)
    assert e.value.status == "CANDOR_EMPTY"
    with pytest.raises(candor.Error) as e:
        candor.mann_kendall(x, method="sideways")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(candor.Error) as e:
        candor.sens_slope(x, level=1.0)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    se = np.ones(30)
    se[4] = 0
    with pytest.raises(candor.Error) as e:
        candor.wls_slope(x, se)
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and "index 4" in str(e.value)
    t = np.arange(30.0)
    t[10] = t[9]
    with pytest.raises(candor.Error) as e:
        candor.wls_slope(x, np.ones(30), times=t)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "index 10" in str(e.value)
    t[10] = 3
    with pytest.raises(candor.Error) as e:
        candor.wls_slope(x, np.ones(30), times=t)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "index 10" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.wls_slope(x, np.ones(29))
    assert e.value.status == "CANDOR_LENGTH_MISMATCH"
