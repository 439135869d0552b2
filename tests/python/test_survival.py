"""candor.concordance, kaplan_meier and log_rank against R's survival package
(concordance(..., reverse=TRUE), survfit, survdiff) on the real wa_churn
table (tests/data/wa_churn: tenure in months, churned) and on small
synthetic samples with ties in time and in risk."""
import pathlib

import numpy as np
import pandas as pd
import pytest
import scipy.stats

import candor
from helpers import r_vector, run_r

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "wa_churn" / "wa_churn.csv"


@pytest.fixture(scope="module")
def churn():
    frame = pd.read_csv(DATA)
    frame["event"] = (frame["churn"] == "Yes").astype(float)
    # A simple health-style risk score with many ties: month-to-month
    # contract, fiber, electronic check, no tech support.
    frame["score"] = ((frame["contract"] == "Month-to-month") * 2.0
                      + (frame["internet_service"] == "Fiber optic")
                      + (frame["payment_method"] == "Electronic check")
                      + (frame["tech_support"] == "No"))
    # Seeded case weights, integer and not.
    rng = np.random.default_rng(13)
    frame["w_int"] = rng.integers(1, 4, len(frame)).astype(float)
    frame["w_real"] = rng.uniform(0.2, 3.0, len(frame))
    return frame


def r_concordance(risk, time, event, weights=None, timewt="n"):
    """R's concordance(..., reverse=TRUE): value, std error, the five counts."""
    out = run_r("""
suppressPackageStartupMessages(library(survival))
time <- %s; event <- %s; risk <- %s; w <- %s
f <- if (is.null(w)) concordance(Surv(time, event) ~ risk, reverse = TRUE, timewt = "%s") else
     concordance(Surv(time, event) ~ risk, reverse = TRUE, timewt = "%s", weights = w)
cat(sprintf("%%.17g", c(f$concordance, sqrt(f$var), f$count)), "\\n")
""" % (r_vector(time), r_vector(event), r_vector(risk),
       "NULL" if weights is None else r_vector(weights), timewt, timewt))
    return [float(v) for v in out.split()]


def check_concordance(risk, time, event, weights=None, timewt="n"):
    expected = r_concordance(risk, time, event, weights, timewt)
    got = candor.concordance(risk, time, event, weights=weights, timewt=timewt)
    assert got.value == pytest.approx(expected[0], rel=1e-12, abs=1e-14)
    assert got.std_error == pytest.approx(expected[1], rel=1e-9)
    counts = [got.concordant, got.discordant, got.tied_risk, got.tied_time, got.tied_both]
    assert counts == pytest.approx(expected[2:], rel=1e-10, abs=1e-9)
    return got


@pytest.mark.parametrize("timewt", ["n", "n/G2"])
@pytest.mark.parametrize("weights", [None, "w_int", "w_real"])
@pytest.mark.parametrize("risk", ["monthly_charges", "score"])
def test_concordance_matches_r_on_wa_churn(churn, risk, weights, timewt):
    got = check_concordance(churn[risk].to_numpy(), churn["tenure"].to_numpy(float),
                            churn["event"].to_numpy(), None if weights is None else
                            churn[weights].to_numpy(), timewt)
    assert got.n == len(churn) and got.events == int(churn["event"].sum())
    assert got.time_weight == ("n" if timewt == "n" else "n_g2")


@pytest.mark.parametrize("timewt", ["n", "n_g2"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_concordance_matches_r_with_ties_in_time_and_risk(seed, timewt):
    rng = np.random.default_rng(seed)
    n = 60
    time = rng.integers(0, 8, n).astype(float)   # many tied times, some at 0
    event = (rng.uniform(size=n) < 0.6).astype(float)
    risk = rng.integers(0, 4, n).astype(float)   # many tied risks
    weights = rng.uniform(0, 2, n)
    weights[:3] = 0                              # zero weights are allowed
    got = check_concordance(risk, time, event, None, timewt.replace("n_g2", "n/G2"))
    assert got.tied_time > 0 and got.tied_both > 0 and got.tied_risk > 0
    check_concordance(risk, time, event, weights, timewt.replace("n_g2", "n/G2"))


def test_concordance_tiny_samples_match_r():
    check_concordance([2.0, 1.0], [1.0, 2.0], [1.0, 0.0])
    check_concordance([1.0, 2.0, 3.0], [3.0, 2.0, 1.0], [1.0, 1.0, 0.0])
    # One event: Uno's weights fall back to Harrell's (as survival's docount).
    got = check_concordance([1.0, 2.0, 3.0], [3.0, 1.0, 2.0], [0.0, 1.0, 0.0], timewt="n/G2")
    assert got.time_weight == "n"


def test_concordance_direction_and_closed_form():
    # Without censoring and ties C is the share of pairs ordered the same way.
    time = np.arange(1.0, 6.0)
    assert candor.concordance(-time, time, np.ones(5)).value == 1.0
    assert candor.concordance(time, time, np.ones(5)).value == 0.0
    # One swapped pair of ten: 0.9.
    risk = np.array([5.0, 3.0, 4.0, 2.0, 1.0])
    assert candor.concordance(risk, time, np.ones(5)).value == pytest.approx(0.9)


def r_survfit(time, event, group, weights=None, level=0.95, conf_type="log", robust=False):
    out = run_r("""
suppressPackageStartupMessages(library(survival))
time <- %s; event <- %s; g <- %s; w <- %s
f <- survfit(if (is.null(g)) Surv(time, event) ~ 1 else Surv(time, event) ~ g, weights = w, conf.int = %r, conf.type = "%s", robust = %s)
s <- if (is.null(f$strata)) rep("all", length(f$time)) else rep(names(f$strata), f$strata)
num <- function(x) ifelse(is.na(x) & !is.nan(x), "NA", sprintf("%%.17g", x))
rows <- lapply(seq_along(f$time), function(i) c(s[i], num(c(f$time[i], f$n.risk[i],
  f$n.event[i], f$n.censor[i], f$surv[i], f$std.err[i], f$lower[i], f$upper[i]))))
cat(sapply(rows, paste, collapse = " "), sep = "\\n")
""" % (r_vector(time), r_vector(event), "NULL" if group is None else r_vector(group),
       "NULL" if weights is None else r_vector(weights), level, conf_type,
       "TRUE" if robust else "FALSE"))
    rows = {}
    for line in out.strip().splitlines():
        label, *values = line.split()
        rows.setdefault(label, []).append([np.nan if v in ("NA", "NaN") else float(v)
                                           for v in values])
    return {label: np.array(values) for label, values in rows.items()}


def check_curves(km, expected, labels):
    """survfit's values, except where S = 1 (no event yet): there survfit's interval
    is [1, 1] (NA for log-log) and candor's is Clopper-Pearson's for m of m at risk,
    whose lower end is the alpha/2 quantile of Beta(m, 1) (scipy)."""
    assert len(km.curves) == len(expected)
    alpha = 1 - km.level
    for curve, label in zip(km.curves, labels):
        r = expected[label].copy()
        got = np.column_stack([curve.time, curve.n_risk, curve.n_event, curve.n_censor,
                               curve.survival, curve.std_error_log, curve.ci_low, curve.ci_high])
        assert got.shape == r.shape
        before = r[:, 4] == 1
        r[before, 6] = scipy.stats.beta.ppf(alpha / 2, r[before, 1], 1)
        r[before, 7] = 1
        assert (got[before, 6] < got[before, 7]).all()
        np.testing.assert_allclose(got, r, rtol=1e-10, atol=1e-13, equal_nan=True)
        # summary.survfit's std.err: S times survfit's.
        alive = r[:, 4] > 0
        np.testing.assert_allclose(curve.std_error[alive], r[alive, 4] * r[alive, 5], rtol=1e-10)
        assert np.isnan(curve.std_error[~alive]).all()


@pytest.mark.parametrize("conf_type", ["log", "log-log", "plain"])
def test_kaplan_meier_by_contract_matches_survfit(churn, conf_type):
    codes, levels = pd.factorize(churn["contract"], sort=True)
    km = candor.kaplan_meier(churn["tenure"], churn["event"], churn["contract"], level=0.9,
                             conf_type=conf_type)
    assert [c.group for c in km.curves] == list(levels)
    assert km.interval == conf_type.replace("-", "_")
    expected = r_survfit(churn["tenure"], churn["event"], codes, level=0.9, conf_type=conf_type)
    check_curves(km, expected, ["g=%d" % k for k in range(len(levels))])


def test_kaplan_meier_defaults_are_survfits(churn):
    # survfit's defaults: 95%, conf.type "log"; integer weights: Greenwood on counts.
    km = candor.kaplan_meier(churn["tenure"], churn["event"], weights=churn["w_int"])
    assert km.level == 0.95 and km.interval == "log" and km.curves[0].group is None
    expected = r_survfit(churn["tenure"], churn["event"], None, weights=churn["w_int"])
    check_curves(km, expected, ["all"])


def test_kaplan_meier_real_weights_match_survfit_without_robust(churn):
    km = candor.kaplan_meier(churn["tenure"], churn["event"], churn["contract"],
                             weights=churn["w_real"])
    codes, levels = pd.factorize(churn["contract"], sort=True)
    expected = r_survfit(churn["tenure"], churn["event"], codes, weights=churn["w_real"])
    check_curves(km, expected, ["g=%d" % k for k in range(len(levels))])


def test_kaplan_meier_tiny_and_to_zero_match_survfit():
    time = [1.0, 1.0, 2.0, 3.0, 3.0]
    event = [1.0, 0.0, 1.0, 1.0, 1.0]
    km = candor.kaplan_meier(time, event)
    check_curves(km, r_survfit(time, event, None), ["all"])
    last = km.curves[0]
    assert last.survival[-1] == 0 and np.isinf(last.std_error_log[-1])
    assert np.isnan(last.ci_low[-1]) and np.isnan(last.std_error[-1])
    assert km.curves[0].survival_at(0.5) == 1.0
    assert km.curves[0].survival_at(2.5) == pytest.approx(last.survival[1])


def r_survdiff(time, event, group):
    out = run_r("""
suppressPackageStartupMessages(library(survival))
time <- %s; event <- %s; g <- %s
s <- survdiff(Surv(time, event) ~ g)
cat(sprintf("%%.17g", c(s$chisq, length(s$n) - 1, s$pvalue)), "\\n")
cat(sprintf("%%.17g", s$obs), "\\n"); cat(sprintf("%%.17g", s$exp), "\\n")
cat(sprintf("%%.17g", diag(s$var)), "\\n")
""" % (r_vector(time), r_vector(event), r_vector(group)))
    return [np.array([float(v) for v in line.split()]) for line in out.strip().splitlines()]


@pytest.mark.parametrize("column", ["contract", "payment_method", "internet_service"])
def test_log_rank_matches_survdiff_on_wa_churn(churn, column):
    codes, levels = pd.factorize(churn[column], sort=True)
    test = candor.log_rank(churn["tenure"], churn["event"], churn[column])
    (chisq, df, p), observed, expected, variance = r_survdiff(churn["tenure"], churn["event"],
                                                              codes)
    assert test.chi_square == pytest.approx(chisq, rel=1e-9)
    assert test.df == df
    # Contract's p-value underflows to 0 in both.
    assert test.p_value == pytest.approx(p, rel=1e-6, abs=1e-300)
    assert [g.group for g in test.groups] == list(levels)
    np.testing.assert_allclose([g.observed for g in test.groups], observed, rtol=1e-12)
    np.testing.assert_allclose([g.expected for g in test.groups], expected, rtol=1e-10)
    np.testing.assert_allclose([g.variance for g in test.groups], variance, rtol=1e-10)


@pytest.mark.parametrize("seed", [4, 5])
def test_log_rank_matches_survdiff_with_ties(seed):
    rng = np.random.default_rng(seed)
    n = 80
    time = rng.integers(1, 10, n).astype(float)
    event = (rng.uniform(size=n) < 0.5).astype(float)
    group = rng.integers(0, 3, n)
    test = candor.log_rank(time, event, group)
    (chisq, df, p), observed, expected, variance = r_survdiff(time, event, group)
    assert test.chi_square == pytest.approx(chisq, rel=1e-9)
    assert test.p_value == pytest.approx(p, rel=1e-8)
    assert test.df == df
    np.testing.assert_allclose([g.expected for g in test.groups], expected, rtol=1e-10)
    np.testing.assert_allclose([g.variance for g in test.groups], variance, rtol=1e-10)


def error_of(call):
    with pytest.raises(candor.Error) as info:
        call()
    return info.value


@pytest.mark.parametrize("function", ["concordance", "kaplan_meier", "log_rank"])
def test_bad_input_is_a_clear_error(function):
    def run(time, event, risk=(1.0, 2.0, 3.0), group=(0, 1, 1)):
        if function == "concordance":
            return candor.concordance(risk, time, event)
        if function == "kaplan_meier":
            return candor.kaplan_meier(time, event, group)
        return candor.log_rank(time, event, group)

    e = error_of(lambda: run([1.0, -2.0, 3.0], [1, 0, 1]))
    assert e.status == "CANDOR_OUT_OF_RANGE" and "time[1]" in str(e)
    e = error_of(lambda: run([1.0, np.nan, 3.0], [1, 0, 1]))
    assert e.status == "CANDOR_OUT_OF_RANGE" and "time[1]" in str(e)
    e = error_of(lambda: run([1.0, 2.0, 3.0], [1, 2, 1]))
    assert e.status == "CANDOR_OUT_OF_RANGE" and "event[1]" in str(e)
    e = error_of(lambda: run([1.0, 2.0, 3.0], [0, 0, 0]))
    assert e.status == "CANDOR_EMPTY" and "no events" in str(e)
    e = error_of(lambda: run([1.0, 2.0, 3.0], [1, 0]))
    assert e.status == "CANDOR_LENGTH_MISMATCH" and "event" in str(e)
    e = error_of(lambda: run([], [], risk=[], group=[]))
    assert e.status == "CANDOR_EMPTY"


def test_concordance_specific_errors():
    e = error_of(lambda: candor.concordance([1.0, np.nan], [1.0, 2.0], [1, 0]))
    assert e.status == "CANDOR_OUT_OF_RANGE" and "risk[1]" in str(e)
    e = error_of(lambda: candor.concordance([1.0], [1.0, 2.0], [1, 0]))
    assert e.status == "CANDOR_LENGTH_MISMATCH" and "risk" in str(e)
    e = error_of(lambda: candor.concordance([1.0, 2.0], [1.0, 2.0], [1, 0], weights=[1, -1]))
    assert e.status == "CANDOR_OUT_OF_RANGE" and "weights[1]" in str(e)
    e = error_of(lambda: candor.concordance([1.0, 2.0], [1.0, 2.0], [1, 0], timewt="S"))
    assert e.status == "CANDOR_INVALID_ARGUMENT" and "n/G2" in str(e)
    # The only event is last: no one is at risk after it.
    e = error_of(lambda: candor.concordance([1.0, 2.0], [1.0, 2.0], [0, 1]))
    assert e.status == "CANDOR_EMPTY" and "comparable" in str(e)


def test_kaplan_meier_and_log_rank_specific_errors():
    e = error_of(lambda: candor.kaplan_meier([1.0, 2.0], [1, 0], level=1.0))
    assert e.status == "CANDOR_INVALID_ARGUMENT" and "level" in str(e)
    e = error_of(lambda: candor.kaplan_meier([1.0, 2.0], [1, 0], conf_type="arcsin"))
    assert e.status == "CANDOR_INVALID_ARGUMENT" and "conf_type" in str(e)
    e = error_of(lambda: candor.log_rank([1.0, 2.0], [1, 0], ["a", "a"]))
    assert e.status == "CANDOR_INVALID_ARGUMENT" and "two groups" in str(e)
    e = error_of(lambda: candor.log_rank([1.0, 2.0], [1, 0], ["a", None]))
    assert e.status == "CANDOR_INVALID_ARGUMENT" and "missing" in str(e)


def test_enum_names_reach_python():
    assert candor.enum_names("time_weight") == ("n", "n_g2")
    assert candor.enum_names("survival_interval") == ("log", "log_log", "plain")
