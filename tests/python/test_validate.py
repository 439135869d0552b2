"""candor.auc, compare_auc, calibration and lift against R (pROC 1.18's auc,
ci.auc(method = "delong"), var and roc.test(paired = TRUE); glm; the
quantile grouping of ResourceSelection::hoslem.test written in base R) on
the real wa_churn data (tests/data/wa_churn, 7,043 customers) and on small
synthetic vectors with ties, and against pandas for lift and gains."""
import math
import pathlib

import numpy as np
import pandas as pd
import pytest

import candor
from helpers import r_vector, run_r

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "wa_churn" / "wa_churn.csv"


@pytest.fixture(scope="module")
def churn():
    frame = pd.read_csv(DATA)
    frame["churned"] = (frame["churn"] == "Yes").astype(int)
    return frame


def _numbers(text):
    return [float(v) for v in text.split()]


# ----------------------------------------------------------------------------------------- AUC

WA_CHURN_COLUMNS = ("tenure", "monthly_charges", "senior_citizen", "paperless_billing")


def test_auc_matches_proc_on_wa_churn(churn):
    # senior_citizen and paperless_billing are 0/1: two tied runs each.
    out = run_r("""
suppressMessages(library(pROC))
d <- read.csv("%s")
y <- as.integer(d$churn == "Yes")
for (column in c(%s)) {
  for (sign in c(1, -1)) {
    r <- roc(y, sign * d[[column]], levels = c(0, 1), direction = "<", quiet = TRUE)
    cat(sprintf("%%.17g", c(auc(r), sqrt(var(r, method = "delong")),
                            ci.auc(r, method = "delong")[c(1, 3)])), "\\n")
  }
}
""" % (DATA, ", ".join('"%s"' % c for c in WA_CHURN_COLUMNS)))
    expected = [_numbers(line) for line in out.strip().splitlines()]
    got = []
    for column in WA_CHURN_COLUMNS:
        for sign in (1, -1):
            a = candor.auc(sign * churn[column], churn["churned"])
            assert not a.hanley_mcneil_interval
            assert (a.n_positive, a.n_negative) == (1869, 5174)
            got.append([a.value, a.std_error, a.ci_low, a.ci_high])
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-13)
    # The direction: a longer tenure means less churn (AUC < 0.5), its
    # negation the mirror image.
    assert got[0][0] < 0.3 and abs(got[0][0] + got[1][0] - 1) < 1e-15


def test_compare_auc_matches_roc_test_on_wa_churn(churn):
    out = run_r("""
suppressMessages(library(pROC))
d <- read.csv("%s")
y <- as.integer(d$churn == "Yes")
pairs <- list(list(-d$tenure, d$monthly_charges), list(d$monthly_charges, d$senior_citizen),
              list(-d$tenure, -d$tenure - 0.01 * d$monthly_charges))
for (p in pairs) {
  r1 <- roc(y, p[[1]], levels = c(0, 1), direction = "<", quiet = TRUE)
  r2 <- roc(y, p[[2]], levels = c(0, 1), direction = "<", quiet = TRUE)
  t <- roc.test(r1, r2, paired = TRUE, method = "delong")
  cat(sprintf("%%.17g", c(t$estimate, t$statistic, t$p.value, t$conf.int)), "\\n")
}
""" % DATA)
    expected = [_numbers(line) for line in out.strip().splitlines()]
    tenure, charges = churn["tenure"].to_numpy(), churn["monthly_charges"].to_numpy()
    pairs = [(-tenure, charges), (charges, churn["senior_citizen"]),
             (-tenure, -tenure - 0.01 * charges)]
    for (a, b), want in zip(pairs, expected):
        c = candor.compare_auc(a, b, churn["churned"])
        got = [c.auc_a, c.auc_b, c.z, c.p_value, c.ci_low, c.ci_high]
        np.testing.assert_allclose(got[:3], want[:3], rtol=1e-11, atol=1e-13)
        # p-values down to 1e-77 (z = 18.5): relative, and a tail's relative
        # error is about z^2 times z's.
        assert c.p_value == pytest.approx(want[3], rel=1e-7, abs=1e-300)
        np.testing.assert_allclose(got[4:], want[4:], rtol=0, atol=1e-13)
        assert c.ci_low < c.difference < c.ci_high


def _synthetic_cases():
    """Small vectors with heavy ties, tiny n and clamped intervals."""
    rng = np.random.default_rng(20261206)
    cases = []
    for trial in range(40):
        n = int(rng.integers(4, 60))
        y = rng.integers(0, 2, n)
        y[:4] = [0, 1, 0, 1]  # two of each class at least
        levels = int(rng.integers(2, 8))
        a = rng.integers(0, levels, n) + (y * rng.integers(0, 3))
        b = rng.integers(0, levels, n) - 0.5 * y
        cases.append((a.astype(float), b.astype(float), y))
    return cases


def test_auc_and_comparison_match_proc_with_ties_and_tiny_n():
    cases = _synthetic_cases()
    script = ["suppressMessages(library(pROC))"]
    for a, b, y in cases:
        script.append("""
y <- %s; a <- %s; b <- %s
ra <- roc(y, a, levels = c(0, 1), direction = "<", quiet = TRUE)
rb <- roc(y, b, levels = c(0, 1), direction = "<", quiet = TRUE)
ci <- suppressWarnings(ci.auc(ra, method = "delong"))
t <- suppressWarnings(roc.test(ra, rb, paired = TRUE, method = "delong"))
cat(sprintf("%%.17g", c(auc(ra), sqrt(var(ra)), ci[1], ci[3], auc(rb), t$statistic,
                       t$p.value, t$conf.int)), "\\n")
""" % (r_vector(y), r_vector(a), r_vector(b)))
    lines = run_r("\n".join(script)).strip().splitlines()
    assert len(lines) == len(cases)
    degenerate = 0
    for (a, b, y), line in zip(cases, lines):
        want = _numbers(line.replace("NaN", "nan").replace("NA", "nan"))
        got = candor.auc(a, y)
        if want[1] == 0:
            # pROC: a zero-width interval; candor: the Hanley-McNeil one.
            degenerate += 1
            assert want[2] == want[3] == got.value
            assert got.hanley_mcneil_interval and got.ci_high - got.ci_low > 0.05
        else:
            np.testing.assert_allclose([got.value, got.std_error, got.ci_low, got.ci_high],
                                       want[:4], rtol=0, atol=1e-13)
        c = candor.compare_auc(a, b, y)
        assert c.auc_b == pytest.approx(want[4], abs=1e-14)
        if c.std_error > 0:
            np.testing.assert_allclose([c.z, c.p_value, c.ci_low, c.ci_high], want[5:],
                                       rtol=1e-10, atol=1e-13)
    assert degenerate < len(cases)


def _hanley_mcneil_variance(theta, m, k):
    return theta * (1 - theta) / (m * k) * (1 + (m - 1) * (1 - theta) / (2 - theta)
                                            + (k - 1) * theta / (1 + theta))


def test_degenerate_auc_gets_the_hanley_mcneil_score_interval():
    """pROC returns [1, 1] for perfect separation; candor the score interval,
    solved here independently with scipy's brentq."""
    scipy_optimize = pytest.importorskip("scipy.optimize")
    scipy_stats = pytest.importorskip("scipy.stats")
    out = run_r("""
suppressMessages(library(pROC))
r <- roc(c(0, 0, 0, 1, 1, 1, 1), c(1, 2, 3, 4, 5, 6, 7), levels = c(0, 1), direction = "<",
         quiet = TRUE)
cat(sprintf("%.17g", suppressWarnings(ci.auc(r, method = "delong"))), "\\n")
""")
    assert _numbers(out) == [1.0, 1.0, 1.0]
    got = candor.auc([1, 2, 3, 4, 5, 6, 7], [0, 0, 0, 1, 1, 1, 1], level=0.9)
    z = scipy_stats.norm.ppf(0.95)
    lower = scipy_optimize.brentq(
        lambda t: (1 - t) ** 2 - z * z * _hanley_mcneil_variance(t, 4, 3), 1e-9, 1 - 1e-9)
    assert got.value == 1 and got.std_error == 0 and got.hanley_mcneil_interval
    assert got.ci_low == pytest.approx(lower, abs=1e-10)
    assert got.ci_high == 1
    # All scores tied: 0.5 with an interval on both sides.
    tied = candor.auc([2.0] * 6, [0, 1, 0, 1, 0, 1])
    for bound, side in ((tied.ci_low, 1e-9), (tied.ci_high, 1 - 1e-9)):
        root = scipy_optimize.brentq(
            lambda t: (0.5 - t) ** 2 - 1.959963984540054 ** 2 * _hanley_mcneil_variance(t, 3, 3),
            0.5, side)
        assert bound == pytest.approx(root, abs=1e-10)


# --------------------------------------------------------------------------------- calibration

@pytest.fixture(scope="module")
def predictions():
    """Out-of-sample churn probabilities: a logistic model fitted by R on the
    even rows of wa_churn, predicted for the odd rows; with R's calibration
    glm fits and the Hosmer-Lemeshow grouping on those rows."""
    out = run_r("""
d <- read.csv("%s")
d$y <- as.integer(d$churn == "Yes")
train <- d[seq(1, nrow(d), 2), ]
test <- d[seq(2, nrow(d), 2), ]
fit <- glm(y ~ tenure + monthly_charges + contract + internet_service, binomial, data = train)
p <- unname(predict(fit, test, type = "response"))
y <- test$y
control <- glm.control(epsilon = 1e-14, maxit = 100)
f1 <- glm(y ~ 1, offset = qlogis(p), family = binomial, control = control)
f2 <- glm(y ~ qlogis(p), family = binomial, control = control)
hl <- function(g) {
  qq <- unique(quantile(p, probs = seq(0, 1, 1 / g)))
  cuty <- droplevels(cut(p, breaks = qq, include.lowest = TRUE))
  observed <- xtabs(cbind(1 - y, y) ~ cuty)
  expected <- xtabs(cbind(1 - p, p) ~ cuty)
  chisq <- sum((observed - expected)^2 / expected)
  G <- length(unique(cuty))
  c(chisq, G - 2, pchisq(chisq, G - 2, lower.tail = FALSE), table(cuty))
}
cat(sprintf("%%.17g", p), "\\n")
cat(y, "\\n")
cat(sprintf("%%.17g", c(coef(summary(f1))[1, 1:2], coef(summary(f2))[2, 1:2],
                       mean((p - y)^2))), "\\n")
cat(sprintf("%%.17g", hl(10)), "\\n")
cat(sprintf("%%.17g", hl(7)), "\\n")
""" % DATA)
    lines = out.strip().splitlines()
    return {"p": np.array(_numbers(lines[0])), "y": np.array(_numbers(lines[1]), dtype=int),
            "glm": _numbers(lines[2]), "hl10": _numbers(lines[3]), "hl7": _numbers(lines[4])}


def test_calibration_matches_r_glm_and_hoslem_grouping(predictions):
    p, y = predictions["p"], predictions["y"]
    c = candor.calibration(p, y)
    intercept, intercept_se, slope, slope_se, brier = predictions["glm"]
    assert c.brier == pytest.approx(brier, rel=1e-13)
    assert c.intercept == pytest.approx(intercept, rel=1e-9)
    assert c.intercept_std_error == pytest.approx(intercept_se, rel=1e-7)
    assert c.slope_fitted
    assert c.slope == pytest.approx(slope, rel=1e-9)
    assert c.slope_std_error == pytest.approx(slope_se, rel=1e-7)
    assert c.intercept_ci_low == pytest.approx(c.intercept - 1.959963984540054 * c.intercept_std_error)
    assert c.n == len(p) and c.n_positive == int(y.sum())
    for groups, key in ((10, "hl10"), (7, "hl7")):
        want = predictions[key]
        got = candor.calibration(p, y, groups=groups)
        assert got.hosmer_lemeshow == pytest.approx(want[0], rel=1e-11)
        assert got.hosmer_lemeshow_df == int(want[1])
        assert got.hosmer_lemeshow_p_value == pytest.approx(want[2], rel=1e-9)
        assert list(got.groups["count"]) == [int(v) for v in want[3:]]
        assert got.groups["positives"].sum() == y.sum()
        assert got.groups["expected_positives"].sum() == pytest.approx(p.sum(), rel=1e-12)


def test_calibration_matches_statsmodels(predictions):
    sm = pytest.importorskip("statsmodels.api")
    p, y = predictions["p"], predictions["y"]
    logit = np.log(p / (1 - p))
    large = sm.GLM(y, np.ones((len(y), 1)), family=sm.families.Binomial(), offset=logit).fit(
        tol=1e-14)
    slope = sm.GLM(y, sm.add_constant(logit), family=sm.families.Binomial()).fit(tol=1e-14)
    c = candor.calibration(p, y, level=0.9)
    assert c.intercept == pytest.approx(large.params[0], rel=1e-9)
    assert c.intercept_std_error == pytest.approx(large.bse[0], rel=1e-7)
    assert c.slope == pytest.approx(slope.params[1], rel=1e-9)
    assert c.slope_std_error == pytest.approx(slope.bse[1], rel=1e-7)
    low, high = slope.conf_int(alpha=0.1)[1]
    assert (c.slope_ci_low, c.slope_ci_high) == pytest.approx((low, high), rel=1e-7)


# ---------------------------------------------------------------------------------------- lift

def _lift_with_pandas(score, outcome, groups):
    """Lift and gains computed independently: descending average ranks,
    group floor(g (rank - 1) / n), pandas groupby."""
    frame = pd.DataFrame({"score": score, "y": outcome})
    n = len(frame)
    rank = frame["score"].rank(method="average", ascending=False)
    frame["group"] = np.floor(groups * (rank - 1) / n).astype(int) + 1
    table = frame.groupby("group").agg(count=("y", "size"), positives=("y", "sum"),
                                       score_min=("score", "min"), score_max=("score", "max"))
    table = table.reindex(range(1, groups + 1))
    table["count"] = table["count"].fillna(0)
    table["positives"] = table["positives"].fillna(0)
    overall = frame["y"].mean()
    table["rate"] = table["positives"] / table["count"].replace(0, np.nan)
    table["lift"] = table["rate"] / overall
    table["cumulative_count"] = table["count"].cumsum()
    table["cumulative_positives"] = table["positives"].cumsum()
    table["gain"] = table["cumulative_positives"] / frame["y"].sum()
    table["cumulative_lift"] = (table["cumulative_positives"] / table["cumulative_count"]) / overall
    return table.reset_index()


@pytest.mark.parametrize("column,groups", [("monthly_charges", 10), ("tenure", 10),
                                           ("tenure", 20), ("senior_citizen", 10),
                                           ("total_charges", 7)])
def test_lift_matches_pandas(churn, column, groups):
    frame = churn.dropna(subset=[column])
    got = candor.lift(frame[column], frame["churned"], groups=groups)
    want = _lift_with_pandas(frame[column].to_numpy(), frame["churned"].to_numpy(), groups)
    assert list(got.columns) == list(candor.validate.LIFT_COLUMNS)
    for name in candor.validate.LIFT_COLUMNS:
        np.testing.assert_allclose(got[name].to_numpy(dtype=float),
                                   want[name].to_numpy(dtype=float), rtol=1e-14, atol=0,
                                   equal_nan=True, err_msg=name)
    assert got["cumulative_count"].iloc[-1] == len(frame)
    assert got["gain"].iloc[-1] == 1


def test_lift_of_a_binary_score_leaves_groups_empty(churn):
    # senior_citizen: two tied runs (1,142 ones, 5,901 zeros) fill two of ten
    # groups; the others are empty, with NaN rate and lift.
    got = candor.lift(churn["senior_citizen"], churn["churned"])
    assert (got["count"] > 0).sum() == 2
    assert got["lift"].isna().sum() == 8


def test_synthetic_ties_match_pandas():
    rng = np.random.default_rng(3)
    for n in (5, 11, 97, 1000):
        score = rng.integers(0, 6, n).astype(float)
        y = rng.integers(0, 2, n)
        y[0] = 1
        for groups in (1, 3, min(n, 10)):
            got = candor.lift(score, y, groups=groups)
            want = _lift_with_pandas(score, y, groups)
            np.testing.assert_allclose(got["count"], want["count"])
            np.testing.assert_allclose(got["positives"], want["positives"])
            np.testing.assert_allclose(got["gain"], want["gain"], rtol=1e-14)


# -------------------------------------------------------------------------------------- inputs

def test_inputs_as_pandas_booleans_and_lists(churn):
    a = candor.auc(churn["monthly_charges"], churn["churn"] == "Yes")
    b = candor.auc(list(churn["monthly_charges"]), list(churn["churned"]))
    assert a == b


def test_bad_input_raises_clear_errors():
    with pytest.raises(candor.Error) as e:
        candor.auc([1, 2, 3], [0, 1])
    assert e.value.status == "CANDOR_LENGTH_MISMATCH"
    assert "score has 3 values but outcome has 2" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.auc([1, 2, 3], [0, 1, 2])
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and "index 2" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.auc([1, 2, 3], [0, 1, math.nan])
    assert e.value.status == "CANDOR_OUT_OF_RANGE"
    with pytest.raises(candor.Error) as e:
        candor.auc([1, 2, 3], [0, 0.5, 1])
    assert e.value.status == "CANDOR_OUT_OF_RANGE"
    with pytest.raises(candor.Error) as e:
        candor.auc([1, math.nan, 3], [0, 1, 1])
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and str(e.value) == "score[1] is NaN"
    with pytest.raises(candor.Error) as e:
        candor.auc([1, 2, 3], [1, 1, 1])
    assert e.value.status == "CANDOR_EMPTY" and "no negatives" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.auc([], [])
    assert e.value.status == "CANDOR_EMPTY"
    with pytest.raises(candor.Error) as e:
        candor.auc([1, 2], [0, 1], level=1)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "level" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.compare_auc([1, 2, 3], [1, 2], [0, 1, 1])
    assert e.value.status == "CANDOR_LENGTH_MISMATCH" and "score_b" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.compare_auc([1, 2, 3], [1, 2, 3], [0, 1, 1])
    assert e.value.status == "CANDOR_EMPTY" and "at least 2" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.calibration([0.2, 1.0, 0.5], [0, 1, 1], groups=3)
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and "probability[1] = 1" in str(e.value)
    for groups in (2, 4, -1, 2.5, True):
        with pytest.raises(candor.Error) as e:
            candor.calibration([0.2, 0.4, 0.5], [0, 1, 1], groups=groups)
        assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "groups" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.lift([1, 2, 3], [0, 1, 1], groups=4)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(candor.Error) as e:
        candor.lift([1, 2, 3], [0, 0, 0], groups=2)
    assert e.value.status == "CANDOR_EMPTY"
