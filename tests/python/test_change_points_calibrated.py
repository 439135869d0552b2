"""candor.change_points' calibrated scan (the default) against independent
computations: the statistic against a direct two-sample z in numpy, the
Gaussian and permutation nulls' critical values against numpy simulations of
the same nulls (their own random numbers: agreement within Monte Carlo error),
month boundaries against pandas' calendar, weights, accounts (the design
effect from closed forms; the cluster-robust Z against numpy and
statsmodels), the frames, and bad input."""
import numpy as np
import pandas as pd
import pytest

import candor


def nps_values(scores):
    return np.where(scores <= 6, -1.0, np.where(scores >= 9, 1.0, 0.0))


def nps_scores(rng, n, promoters, detractors):
    u = rng.random(n)
    return np.where(u < detractors, rng.integers(0, 7, n),
                    np.where(u < detractors + promoters, rng.integers(9, 11, n),
                             rng.integers(7, 9, n))).astype(float)


def direct_z(values, candidates, scale=None):
    """Z at each candidate t: (mean of [t, n) - mean of [0, t)) over
    s sqrt(1/t + 1/(n - t)), s the series' sample SD."""
    n = len(values)
    s = np.std(values, ddof=1) if scale is None else scale
    left = np.cumsum(values)[np.asarray(candidates) - 1]
    t = np.asarray(candidates, dtype=float)
    return ((values.sum() - left) / (n - t) - left / t) / (s * np.sqrt(1 / t + 1 / (n - t)))


def numpy_gaussian_critical(fractions, alpha, replicates, rng):
    """The (1 - alpha) quantile of max |Z| of a Brownian bridge standardized at
    the given fractions of the series (unweighted)."""
    u = np.asarray(fractions)
    steps = np.diff(np.r_[0.0, u, 1.0])
    maxima = np.empty(replicates)
    for r in range(replicates):
        w = np.cumsum(rng.normal(size=len(steps)) * np.sqrt(steps))
        bridge = w[:-1] - u * w[-1]
        maxima[r] = np.max(np.abs(bridge) / np.sqrt(u * (1 - u)))
    return np.quantile(maxima, 1 - alpha)


def test_statistic_is_the_two_sample_z():
    rng = np.random.default_rng(1)
    scores = np.r_[nps_scores(rng, 400, 0.5, 0.2), nps_scores(rng, 300, 0.35, 0.3)]
    result = candor.change_points(scores, replicates=999)
    candidates = np.arange(30, len(scores) - 30 + 1)
    z = direct_z(nps_values(scores), candidates)
    assert result.max_z == pytest.approx(np.max(np.abs(z)), rel=1e-9)
    assert result.value_sd == pytest.approx(np.std(nps_values(scores), ddof=1), rel=1e-12)
    assert result.calibration == "permutation"
    assert result.candidates == len(candidates)
    assert result.changes
    assert result.changes[0].index_low <= 400 <= result.changes[0].index_high
    frame = result.changes_frame()
    assert list(frame.columns[:6]) == ["index", "time", "index_low", "index_high", "time_low",
                                       "time_high"]
    assert frame["p_value"].iloc[0] <= 0.05
    assert (frame["index_low"] <= frame["index"]).all()
    assert (frame["index"] <= frame["index_high"]).all()


def test_gaussian_null_equals_a_numpy_simulation():
    # Weights (all equal) force the Gaussian null; with equal weights it is the
    # standardized Brownian bridge at the candidates' fractions.
    rng = np.random.default_rng(2)
    scores = nps_scores(rng, 1200, 0.4, 0.25)
    boundaries = np.arange(100, 1200, 100)  # 11 monthly boundaries
    result = candor.change_points(scores, boundaries=boundaries, weights=np.full(1200, 3.0),
                                  replicates=20000)
    assert result.calibration == "gaussian"
    assert result.candidates == 11
    expected = numpy_gaussian_critical(boundaries / 1200, 0.05, 20000,
                                       np.random.default_rng(3))
    # Two Monte Carlo quantiles of 20000 draws each: SDs about 0.015.
    assert result.critical_value == pytest.approx(expected, abs=0.06)


def test_permutation_null_equals_a_numpy_simulation():
    rng = np.random.default_rng(4)
    scores = nps_scores(rng, 300, 0.3, 0.1)
    result = candor.change_points(scores, replicates=4999, min_size=20)
    values = nps_values(scores)
    s = np.std(values, ddof=1)
    candidates = np.arange(20, 300 - 20 + 1)
    prng = np.random.default_rng(5)
    maxima = np.array([np.max(np.abs(direct_z(prng.permutation(values), candidates, s)))
                       for _ in range(4999)])
    assert result.calibration == "permutation"
    assert result.critical_value == pytest.approx(np.quantile(maxima, 0.95), abs=0.08)
    assert result.p_value == pytest.approx(
        (1 + np.sum(maxima >= result.max_z)) / 5000, abs=0.02)


def test_month_boundaries_and_time_zone():
    rng = np.random.default_rng(6)
    days = np.sort(rng.integers(0, 365, 2400))
    times = (np.datetime64("2025-01-01T00:00:00") + days.astype("timedelta64[D]")
             + np.timedelta64(3, "h")).astype("datetime64[s]").astype(np.int64)
    month = pd.to_datetime(times, unit="s").to_period("M").astype("int64")
    starts = np.flatnonzero(np.diff(np.asarray(month)) != 0) + 1
    scores = np.r_[nps_scores(rng, int(starts[5]), 0.5, 0.2),
                   nps_scores(rng, 2400 - int(starts[5]), 0.3, 0.4)]
    result = candor.change_points(scores, times=times, boundaries="month")
    assert result.candidates == 11
    assert result.indices[0] == starts[5]
    assert result.changes[0].time == times[starts[5]]
    # In a zone 5 hours behind UTC, 03:00 UTC on the first is still the
    # previous month: the boundaries move to the next day's responses.
    shifted = candor.change_points(scores, times=times, boundaries="month",
                                   time_zone="America/New_York")
    local = (pd.to_datetime(times, unit="s", utc=True).tz_convert("America/New_York")
             .tz_localize(None).to_period("M").astype("int64"))
    local_starts = np.flatnonzero(np.diff(np.asarray(local)) != 0) + 1
    # (a boundary closer than min_size = 30 to an end is no candidate)
    usable = local_starts[(local_starts >= 30) & (local_starts <= 2400 - 30)]
    assert local_starts[0] < 30 and shifted.candidates == len(usable)
    assert shifted.indices[0] in set(local_starts.tolist())


def test_accounts_design_effect_is_reported():
    rng = np.random.default_rng(7)
    per_account = nps_scores(rng, 150, 0.4, 0.3)
    scores = np.repeat(per_account, 4)  # four identical answers per account
    accounts = np.repeat(np.arange(150), 4)
    clustered = candor.change_points(scores, accounts=accounts)
    values = nps_values(scores)
    n = len(values)
    e = (values - values.mean()) / n
    independent = n / (n - 1) * np.sum(e ** 2)
    totals = np.bincount(accounts, weights=e)
    design = 150 / 149 * np.sum(totals ** 2)
    assert clustered.design_effect == pytest.approx(design / independent, rel=1e-9)
    assert clustered.calibration == "gaussian"


def cluster_robust_z(values, w, accounts, t):
    """The score-form cluster-robust Z of the split at t: the weighted
    contrast over the sandwich SE of the CUSUM of w (y - ybar) before t, each
    response's influence (1[i < t] - W_before / W) w_i (y_i - ybar) summed by
    account, times C / (C - 1)."""
    before = np.arange(len(values)) < t
    ybar = np.average(values, weights=w)
    q = w[before].sum() / w.sum()
    influence = (before - q) * w * (values - ybar)
    _, account = np.unique(accounts, return_inverse=True)
    sums = np.bincount(account, weights=influence)
    c = len(sums)
    se_cusum = np.sqrt(c / (c - 1) * np.sum(sums ** 2))
    contrast = (np.average(values[~before], weights=w[~before])
                - np.average(values[before], weights=w[before]))
    return contrast / (se_cusum * (1 / w[before].sum() + 1 / w[~before].sum()))


def test_accounts_get_a_cluster_robust_z():
    """One candidate (boundaries=[t]): max |Z| is the cluster-robust Z of that
    split, against numpy's score form exactly and against statsmodels' Wald
    form (WLS with cluster-robust covariance, residuals about each side's
    mean) approximately."""
    import statsmodels.api as sm
    rng = np.random.default_rng(17)
    n, t = 2400, 1000
    accounts = rng.permutation(np.arange(n) // 4) * 7 + 3  # 4 answers at random times
    effect = rng.normal(0, 0.25, n // 4)[(accounts - 3) // 7]
    u = np.clip(rng.random(n) + effect, 0, 0.999999)
    scores = np.where(u < 0.25, 3.0, np.where(u < 0.6, 8.0, 10.0))
    scores[t:] = np.where(rng.random(n - t) < 0.2, 3.0, scores[t:])  # a drop
    w = rng.lognormal(0, 0.5, n)
    values = nps_values(scores)
    for weights in (None, w):
        result = candor.change_points(scores, accounts=accounts, weights=weights,
                                      boundaries=[t], replicates=199)
        ww = np.ones(n) if weights is None else weights
        z = cluster_robust_z(values, ww, accounts, t)
        assert result.max_z == pytest.approx(abs(z), rel=1e-9)
        after = (np.arange(n) >= t).astype(float)
        fit = sm.WLS(values, sm.add_constant(after), weights=ww).fit(
            cov_type="cluster", cov_kwds={"groups": accounts})
        assert fit.tvalues[1] == pytest.approx(z, rel=0.05)
        assert result.changes and result.changes[0].z == pytest.approx(z, rel=1e-9)


def test_penalized_search_has_no_test():
    rng = np.random.default_rng(8)
    scores = np.r_[nps_scores(rng, 300, 0.6, 0.1), nps_scores(rng, 300, 0.2, 0.5)]
    result = candor.change_points(scores, penalty="bic")
    assert result.calibration is None and np.isnan(result.critical_value)
    assert np.isnan(result.changes[0].p_value)
    assert result.changes[0].index_low == result.changes[0].index == result.changes[0].index_high


def test_bad_input():
    scores = np.r_[np.full(100, 9.0), np.full(100, 3.0)]
    with pytest.raises(candor.Error) as e:
        candor.change_points(scores, alpha=1.5)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "alpha" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.change_points(scores, replicates=5)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(candor.Error) as e:
        candor.change_points(scores, boundaries=[50, 40])
    assert "boundaries[1]" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.change_points(scores, boundaries="month")
    assert "needs times" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.change_points(scores, boundaries="fortnight", times=np.arange(200))
    assert "fortnight" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.change_points(scores, weights=np.ones(200), penalty="bic")
    assert e.value.status == "CANDOR_UNSUPPORTED"
    with pytest.raises(candor.Error) as e:
        candor.change_points(scores, accounts=np.arange(199))
    assert e.value.status == "CANDOR_LENGTH_MISMATCH"
