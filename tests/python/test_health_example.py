"""examples/python/health_validation.py: it runs, and every number it reports
is checked here against an independent computation: scikit-learn's AUC, R's
pROC (DeLong interval, paired test) and survival (log-rank), pandas counts
and a product-limit estimate written out in numpy."""
import importlib.util
import os
import pathlib
import tempfile

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

from helpers import run_r

SOURCE = pathlib.Path(os.environ.get("CANDOR_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
EXAMPLE = SOURCE / "examples" / "python" / "health_validation.py"


@pytest.fixture(scope="module")
def example():
    spec = importlib.util.spec_from_file_location("health_validation", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def studies(example):
    import json
    with open(example.TELCO_CARD, encoding="utf-8") as f:
        telco_card = json.load(f)
    telco_accounts, mlc_accounts = example.telco_accounts(), example.mlc_accounts()
    return {
        "telco": (telco_accounts, "tenure", "contract_years", False,
                  example.study(telco_accounts, telco_card, "tenure", "contract_years", False)),
        "mlc": (mlc_accounts, "account_days", "service_calls", True,
                example.study(mlc_accounts, example.MLC_CARD, "account_days", "service_calls",
                              True)),
    }


def test_example_runs_and_reports_both_tables(example, capsys):
    assert example.main() == 0
    out = capsys.readouterr().out
    assert out.count("AUC of the health score for churn") == 2
    assert "1869 churned of 7043" in out and "707 churned of 5000" in out


def _product_limit(time, event, t):
    """S(t) by the Kaplan-Meier product over the event times <= t."""
    survival = 1.0
    for u in np.unique(time[(event == 1) & (time <= t)]):
        at_risk = np.sum(time >= u)
        survival *= 1 - np.sum((time == u) & (event == 1)) / at_risk
    return survival


@pytest.mark.parametrize("name", ["telco", "mlc"])
def test_counts_and_curves_match_pandas_and_numpy(studies, name):
    accounts, time_column, _, _, result = studies[name]
    grade = result["scores"].grade.fillna("no grade")
    churned = accounts.churned
    table = pd.crosstab(grade, churned)
    for row in result["by_grade"].itertuples():
        assert row.accounts == table.loc[row.grade].sum()
        assert row.churned == table.loc[row.grade, 1]
        # adjusted Wald for a box metric, as the library documents it: one
        # pseudo-count in each box (Agresti and Caffo 2000), in percent
        z = 1.959963984540054
        n_tilde = row.accounts + 2
        p_tilde = (row.churned + 1) / n_tilde
        half = z * np.sqrt(p_tilde * (1 - p_tilde) / n_tilde)
        np.testing.assert_allclose([row.share.ci_low, row.share.ci_high],
                                   [100 * (p_tilde - half), 100 * (p_tilde + half)], atol=1e-9)
    time = accounts[time_column].to_numpy(dtype=float)
    for horizon in (12.0, 36.0, 100.0, 150.0):
        for g in result["by_grade"].grade:
            in_grade = (grade == g).to_numpy()
            want = _product_limit(time[in_grade], churned.to_numpy()[in_grade], horizon)
            assert result["kaplan_meier"][g].survival_at(horizon) == pytest.approx(want,
                                                                                     abs=1e-12)


@pytest.mark.parametrize("name", ["telco", "mlc"])
def test_aucs_and_tests_match_sklearn_and_r(studies, name):
    accounts, time_column, baseline_column, riskier, result = studies[name]
    churned = accounts.churned.to_numpy()
    risk = -result["scores"].score.to_numpy()
    baseline = accounts[baseline_column].to_numpy(dtype=float) * (1 if riskier else -1)
    assert result["auc"].value == pytest.approx(roc_auc_score(churned, risk), abs=1e-12)
    assert result["baseline_auc"].value == pytest.approx(roc_auc_score(churned, baseline),
                                                         abs=1e-12)
    with tempfile.TemporaryDirectory() as scratch:
        path = os.path.join(scratch, "study.csv")
        pd.DataFrame({"y": churned, "risk": risk, "baseline": baseline,
                      "time": accounts[time_column],
                      "grade": result["scores"].grade.fillna("no grade")}).to_csv(
                          path, index=False, float_format="%.17g")
        out = run_r("""
suppressMessages({library(pROC); library(survival)})
d <- read.csv("%s")
r1 <- roc(d$y, d$risk, levels = c(0, 1), direction = "<", quiet = TRUE)
r2 <- roc(d$y, d$baseline, levels = c(0, 1), direction = "<", quiet = TRUE)
t <- roc.test(r1, r2, paired = TRUE, method = "delong")
s <- survdiff(Surv(time, y) ~ grade, data = d)
cat(sprintf("%%.17g", c(ci.auc(r1, method = "delong")[c(1, 3)], t$statistic, t$conf.int,
                        s$chisq)), "\\n")
""" % path)
    want = [float(v) for v in out.split()]
    auc, comparison = result["auc"], result["comparison"]
    np.testing.assert_allclose([auc.ci_low, auc.ci_high], want[0:2], rtol=0, atol=1e-12)
    assert comparison.z == pytest.approx(want[2], rel=1e-10)
    np.testing.assert_allclose([comparison.ci_low, comparison.ci_high], want[3:5], rtol=0,
                               atol=1e-12)
    assert result["log_rank"].chi_square == pytest.approx(want[5], rel=1e-10)


def test_leak_check_scores_as_of_the_cut_off(example, studies):
    """As of the cut-off the history gives the real table's scores; from every
    row it gives the scores of each account's last row (pandas), and a higher
    AUC, which is the leak the example warns of."""
    import json
    import candor
    with open(example.TELCO_CARD, encoding="utf-8") as f:
        card = json.load(f)
    accounts = studies["telco"][0]
    leak = example.leak_check(accounts, card)
    table_scores = studies["telco"][4]["scores"].score.to_numpy()
    np.testing.assert_array_equal(leak["honest"].score.to_numpy(), table_scores)
    last_rows = (leak["history"].sort_values(["account", "time"], kind="stable")
                 .groupby("account").last().reset_index())
    want = candor.health(last_rows, card).score.to_numpy()
    np.testing.assert_allclose(leak["leaky"].score.to_numpy(), want, rtol=0, atol=1e-12)
    churned = accounts.churned.to_numpy()
    assert leak["honest_auc"].value == pytest.approx(roc_auc_score(churned, -table_scores),
                                                     abs=1e-12)
    assert leak["leaky_auc"].value == pytest.approx(roc_auc_score(churned, -want), abs=1e-12)
    assert leak["leaky_auc"].ci_low > leak["honest_auc"].ci_high


@pytest.mark.parametrize("name", ["telco", "mlc"])
def test_suggested_weights_and_calibration_match_sklearn_and_statsmodels(studies, name):
    import statsmodels.api as sm
    accounts, _, _, _, result = studies[name]
    suggested, calibration = result["suggested"], result["calibration"]
    churned = accounts.churned.to_numpy()
    p = suggested.oof_probability.to_numpy()
    kept = ~np.isnan(p)
    assert suggested.auc.value == pytest.approx(roc_auc_score(churned[kept], p[kept]), abs=1e-12)
    weights = suggested.weights
    assert weights.suggested_weight.sum() == pytest.approx(100, abs=1e-9)
    np.testing.assert_array_equal(weights.flagged, weights.coefficient_per_point > 0)
    assert (weights.suggested_weight[weights.flagged] == 0).all()
    # Brier by hand; the calibration intercept and slope by statsmodels' GLM.
    y, q = churned[kept], p[kept]
    assert calibration.brier == pytest.approx(np.mean((q - y) ** 2), rel=1e-12)
    logit = np.log(q / (1 - q))
    slope = sm.GLM(y, sm.add_constant(logit), family=sm.families.Binomial()).fit()
    intercept = sm.GLM(y, np.ones((len(y), 1)), family=sm.families.Binomial(),
                       offset=logit).fit()
    assert calibration.slope == pytest.approx(slope.params[1], rel=1e-7)
    assert calibration.intercept == pytest.approx(intercept.params[0], abs=1e-7)
