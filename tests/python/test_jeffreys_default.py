"""The default interval (Jeffreys) against computations made here: scipy's
Beta quantiles for box metrics, a million Dirichlet draws for NPS, and the
Korn-Graubard effective counts under clusters from a cluster-robust variance
computed with numpy."""
import numpy as np
import pytest
from scipy import stats

import candor


def counts_to_scores(det, pas, pro):
    return np.array([3.0] * det + [7.0] * pas + [10.0] * pro)


def test_default_is_jeffreys_and_wald_stays_by_name():
    scores = counts_to_scores(0, 2, 8)
    default = candor.nps(scores)
    named = candor.nps(scores, interval="jeffreys")
    wald = candor.nps(scores, interval="wald")
    assert (default.ci_low, default.ci_high) == (named.ci_low, named.ci_high)
    assert (default.ci_low, default.ci_high) != (wald.ci_low, wald.ci_high)
    assert "jeffreys" in candor.enum_names("interval")


@pytest.mark.parametrize("counts", [(1, 2, 3), (10, 20, 30), (5, 0, 1), (0, 0, 7), (0, 3, 9)])
def test_nps_matches_dirichlet_draws(counts):
    rng = np.random.default_rng(7)
    det, pas, pro = counts
    draws = rng.dirichlet([det + 0.5, pas + 0.5, pro + 0.5], size=1_000_000)
    nps = 100 * (draws[:, 2] - draws[:, 0])
    low, high = np.quantile(nps, [0.025, 0.975])
    value = 100 * (pro - det) / sum(counts)
    # The interval reaches the estimate at a bound (all promoters: 100).
    low, high = min(low, value), max(high, value)
    e = candor.nps(counts_to_scores(*counts))
    assert e.value == pytest.approx(value)
    assert e.ci_low == pytest.approx(low, abs=0.3)
    assert e.ci_high == pytest.approx(high, abs=0.3)
    assert e.ci_high - e.ci_low > 1
    # The standard error stays Wald's (the trinomial plug-in): only the
    # interval is Jeffreys'.
    n = sum(counts)
    p, d = pro / n, det / n
    assert e.std_error == pytest.approx(100 * np.sqrt(((p + d) - (p - d) ** 2) / n), rel=1e-12)


@pytest.mark.parametrize("inside,n", [(0, 12), (3, 10), (17, 40), (40, 40)])
def test_box_matches_beta_quantiles(inside, n):
    # CSAT top-2-box on 1..5: 5s inside the box, 2s outside.
    scores = np.array([5.0] * inside + [2.0] * (n - inside))
    e = candor.score(scores, "csat")
    low = stats.beta.ppf(0.025, inside + 0.5, n - inside + 0.5)
    high = stats.beta.ppf(0.975, inside + 0.5, n - inside + 0.5)
    share = inside / n
    assert e.ci_low == pytest.approx(100 * min(low, share), abs=1e-6)
    assert e.ci_high == pytest.approx(100 * max(high, share), abs=1e-6)


def test_clustered_box_uses_design_effective_counts():
    rng = np.random.default_rng(11)
    accounts = np.repeat(np.arange(30), 4)
    # Accounts differ in satisfaction, so answers within an account correlate.
    happy = rng.random(30)
    inside = rng.random(accounts.size) < happy[accounts]
    scores = np.where(inside, 5.0, 2.0)
    e = candor.score(scores, "csat", accounts=accounts)
    # Cluster-robust (linearization) variance of the share, C / (C - 1) sum z_c^2.
    n = scores.size
    share = inside.mean()
    z = np.bincount(accounts, weights=(inside - share) / n)
    clusters = z.size
    variance = clusters / (clusters - 1) * np.sum((z - z.mean()) ** 2)
    assert e.std_error == pytest.approx(100 * np.sqrt(variance), rel=1e-9)
    # Korn and Graubard's effective n, at most n, then the Jeffreys interval.
    n_eff = min(share * (1 - share) / variance, n)
    x = share * n_eff
    low = stats.beta.ppf(0.025, x + 0.5, n_eff - x + 0.5)
    high = stats.beta.ppf(0.975, x + 0.5, n_eff - x + 0.5)
    assert e.ci_low == pytest.approx(100 * low, abs=1e-6)
    assert e.ci_high == pytest.approx(100 * high, abs=1e-6)


def test_mean_keeps_wald():
    scores = np.array([1.0, 4, 5, 6, 7, 7, 3, 2])
    default = candor.score(scores, "ces")
    wald = candor.score(scores, "ces", interval="wald")
    assert (default.ci_low, default.ci_high) == (wald.ci_low, wald.ci_high)
