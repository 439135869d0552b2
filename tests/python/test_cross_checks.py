"""candor against independent implementations: R's survey package and
p.adjust (via Rscript), scipy.stats.norm, scipy.stats.bootstrap, and
statsmodels when it is installed."""
import math

import numpy as np
import pytest
from scipy import stats

import candor
from helpers import nps_values, r_vector, run_r


def weighted_sample(rng, n=400):
    scores = rng.integers(0, 11, size=n).astype(float)
    weights = rng.gamma(2.0, 1.5, size=n)
    return scores, weights


def test_weighted_metrics_match_r_survey_svymean(rng):
    scores, weights = weighted_sample(rng)
    ces_scores = rng.integers(1, 8, size=len(scores)).astype(float)
    code = """
      suppressMessages(library(survey))
      x <- %s; w <- %s; c7 <- %s
      d <- data.frame(s = ifelse(x >= 9, 1, ifelse(x <= 6, -1, 0)),
                      top = as.numeric(x >= 9), bottom = as.numeric(x <= 1),
                      ces = c7, w = w)
      des <- svydesign(ids = ~1, weights = ~w, data = d)
      for (f in list(~s, ~top, ~bottom, ~ces)) {
        m <- svymean(f, des)
        cat(sprintf("%%.17g %%.17g\\n", coef(m)[[1]], SE(m)[[1]]))
      }
    """ % (r_vector(scores), r_vector(weights), r_vector(ces_scores))
    lines = [list(map(float, line.split())) for line in run_r(code).strip().splitlines()]
    (nps_m, nps_se), (top_m, top_se), (bot_m, bot_se), (ces_m, ces_se) = lines

    e = candor.nps(scores, weights, interval="wald")  # svymean's confint is Wald's
    assert e.value == pytest.approx(100 * nps_m, rel=1e-8)
    assert e.std_error == pytest.approx(100 * nps_se, rel=1e-8)
    z = stats.norm.ppf(0.975)
    assert e.ci_low == pytest.approx(100 * (nps_m - z * nps_se), rel=1e-8)
    assert e.n == len(scores)
    assert e.effective_n == pytest.approx(weights.sum() ** 2 / (weights ** 2).sum(), rel=1e-12)

    e = candor.top_box(scores, (0, 10), box=2, weights=weights)
    assert (e.value, e.std_error) == pytest.approx((100 * top_m, 100 * top_se), rel=1e-8)
    e = candor.bottom_box(scores, (0, 10), box=2, weights=weights)
    assert (e.value, e.std_error) == pytest.approx((100 * bot_m, 100 * bot_se), rel=1e-8)
    e = candor.ces(ces_scores, weights)
    assert (e.value, e.std_error) == pytest.approx((ces_m, ces_se), rel=1e-8)


def test_unit_weights_equal_unweighted_closed_form_up_to_n_over_n_minus_1(rng):
    # With w = 1 the survey formula is n/(n-1) times the plug-in variance.
    scores = rng.integers(0, 11, size=150).astype(float)
    s = nps_values(scores)
    weighted = candor.nps(scores, np.full(150, 2.0))
    expected = 100 * math.sqrt(150 / 149 * np.mean((s - s.mean()) ** 2) / 150)
    assert weighted.std_error == pytest.approx(expected, rel=1e-10)
    assert weighted.effective_n == pytest.approx(150, rel=1e-12)


def test_compare_wald_against_scipy_norm(rng):
    a = rng.integers(0, 11, size=300)
    b = rng.integers(2, 11, size=250)
    c = candor.compare(a, b)
    sa, sb = nps_values(a), nps_values(b)
    var_a = (np.mean(sa ** 2) - sa.mean() ** 2) / len(sa)
    var_b = (np.mean(sb ** 2) - sb.mean() ** 2) / len(sb)
    difference = 100 * (sa.mean() - sb.mean())
    se = 100 * math.sqrt(var_a + var_b)
    assert c.difference == pytest.approx(difference, rel=1e-12)
    assert c.std_error == pytest.approx(se, rel=1e-12)
    assert c.p_value == pytest.approx(2 * stats.norm.sf(abs(difference) / se), rel=1e-9)
    z = stats.norm.ppf(0.975)
    assert c.ci_low == pytest.approx(difference - z * se, rel=1e-12)
    assert c.ci_high == pytest.approx(difference + z * se, rel=1e-12)
    assert c.a == candor.nps(a) and c.b == candor.nps(b)
    # The sign is kept: b - a is the negative.
    assert candor.compare(b, a).difference == pytest.approx(-difference, rel=1e-12)


def test_compare_matches_r_nps_two_sample_vector():
    # R NPS: (10,20,30) vs (20,20,20): delta 0.33333, SE 0.14272, p 0.019517.
    a = np.array([3.0] * 10 + [7.0] * 20 + [10.0] * 30)
    b = np.array([3.0] * 20 + [7.0] * 20 + [10.0] * 20)
    c = candor.compare(a, b)
    assert c.difference == pytest.approx(33.333, abs=1e-3)
    assert c.std_error == pytest.approx(14.272, abs=1e-3)
    assert c.p_value == pytest.approx(0.019517, abs=1e-6)


def test_compare_weighted_against_r_survey(rng):
    a, wa = weighted_sample(rng, 200)
    b, wb = weighted_sample(rng, 300)
    code = """
      suppressMessages(library(survey))
      se <- function(x, w) {
        d <- data.frame(s = ifelse(x >= 9, 1, ifelse(x <= 6, -1, 0)), w = w)
        m <- svymean(~s, svydesign(ids = ~1, weights = ~w, data = d))
        c(coef(m)[[1]], SE(m)[[1]])
      }
      ra <- se(%s, %s); rb <- se(%s, %s)
      cat(sprintf("%%.17g", c(ra[1] - rb[1], sqrt(ra[2]^2 + rb[2]^2))), "\\n")
    """ % (r_vector(a), r_vector(wa), r_vector(b), r_vector(wb))
    difference, se = map(float, run_r(code).split())
    c = candor.compare(a, b, weights_a=wa, weights_b=wb)
    assert c.difference == pytest.approx(100 * difference, rel=1e-8)
    assert c.std_error == pytest.approx(100 * se, rel=1e-8)
    assert c.p_value == pytest.approx(2 * stats.norm.sf(abs(difference / se)), rel=1e-7)


def test_compare_bad_input():
    with pytest.raises(candor.Error) as info:
        candor.compare([10, 9], [])
    assert info.value.status == "CANDOR_EMPTY"
    with pytest.raises(candor.Error) as info:
        candor.compare([10, 9], [1, 2], weights_b=[1])
    assert info.value.status == "CANDOR_LENGTH_MISMATCH"
    assert "weights_b" in str(info.value)
    with pytest.raises(candor.Error) as info:
        candor.compare([10, 9], [1, 12])
    assert info.value.status == "CANDOR_OUT_OF_RANGE"


def _r_p_adjust(p, method):
    out = run_r('cat(sprintf("%%.17g", p.adjust(%s, method = "%s")), "\\n")'
                % (r_vector(p), method))
    return np.array([float("nan") if v == "NA" else float(v) for v in out.split()])


@pytest.mark.parametrize("method, r_method, sm_method", [("holm", "holm", "holm"),
                                                         ("bh", "BH", "fdr_bh")])
def test_p_adjust_against_statsmodels_or_r(rng, method, r_method, sm_method):
    p = rng.uniform(0, 0.2, size=25) ** 2
    ours = candor.adjust_p_values(p, method)
    try:
        from statsmodels.stats.multitest import multipletests
        expected = multipletests(p, method=sm_method)[1]
    except ImportError:
        expected = _r_p_adjust(p, r_method)
    assert ours == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("method, r_method", [("holm", "holm"), ("bh", "BH")])
def test_p_adjust_nan_handling_as_r(method, r_method):
    # R drops NA before counting the tests; so must we.
    p = np.array([0.01, float("nan"), 0.04, 0.02, float("nan"), 0.3])
    ours = candor.adjust_p_values(p, method)
    expected = _r_p_adjust(p, r_method)
    assert np.array_equal(np.isnan(ours), np.isnan(expected))
    keep = ~np.isnan(expected)
    assert ours[keep] == pytest.approx(expected[keep], rel=1e-12)


def test_bootstrap_interval_against_scipy_percentile_bootstrap(rng):
    # Same NPS data, two independent bootstraps (candor: Poisson resampling;
    # scipy: multinomial). Each percentile endpoint from B replicates has a
    # Monte Carlo SD of about sd_boot * sqrt(q (1 - q) / B) / phi(z_q) for a
    # near-normal bootstrap distribution; the difference of two independent
    # endpoints has sqrt(2) times that. Allow 4 of those SDs plus the O(1/n)
    # difference between Poisson and multinomial resampling.
    n, replicates = 2000, 10000
    scores = rng.choice(11, size=n, p=[.05] * 7 + [.1, .1, .2, .25]).astype(float)
    ours = candor.nps(scores, interval="bootstrap", replicates=replicates, seed=11)
    s = nps_values(scores)
    theirs = stats.bootstrap((100 * s,), np.mean, method="percentile",
                             n_resamples=replicates, batch=500,
                             random_state=np.random.default_rng(5))
    sd = theirs.standard_error
    q = 0.025
    mc_sd = sd * math.sqrt(q * (1 - q) / replicates) / stats.norm.pdf(stats.norm.ppf(q))
    tolerance = 4 * math.sqrt(2) * mc_sd + 100.0 / n
    assert ours.ci_low == pytest.approx(theirs.confidence_interval.low, abs=tolerance)
    assert ours.ci_high == pytest.approx(theirs.confidence_interval.high, abs=tolerance)
    # SD of replicates: relative Monte Carlo SD about 1/sqrt(2B) each.
    assert ours.std_error == pytest.approx(sd, rel=4 * math.sqrt(2) / math.sqrt(2 * replicates)
                                           + 1.0 / n)
    assert ours.value == pytest.approx(100 * s.mean(), rel=1e-12)
