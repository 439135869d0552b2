"""Tests of `candor health` (cli/health_command.cc) on the wa_churn customers
with tests/data/health/telco_card.json, every number checked against a
computation made here: the points and scores by numpy, the AUC by
scikit-learn's roc_auc_score, churn by grade by pandas, Harrell's C pair by
pair in numpy, Kaplan-Meier and the log-rank test by statsmodels
(SurvfuncRight, survdiff). And the errors a user meets.
"""
import csv
import io
import json
import os

import numpy as np
import pandas as pd
import pytest
import sklearn.metrics as sklearn_metrics
import statsmodels.duration.survfunc as duration

from cli_helpers import SOURCE_DIR, expect_error, run

CARD = os.path.join(SOURCE_DIR, "tests", "data", "health", "telco_card.json")
WA_CHURN = os.path.join(SOURCE_DIR, "tests", "data", "wa_churn", "wa_churn.csv")


def telco_accounts():
    """The measure columns of telco_card.json, derived from wa_churn."""
    df = pd.read_csv(WA_CHURN)
    service = {"Yes": "yes", "No": "no"}  # "No internet service": missing
    return pd.DataFrame({
        "customer": ["c%04d" % i for i in range(len(df))],
        "contract_years": df.contract.map({"Month-to-month": 0, "One year": 1, "Two year": 2}),
        "autopay": df.payment_method.str.contains("automatic").map({True: "yes", False: "no"}),
        "tech_support": df.tech_support.map(service),
        "online_security": df.online_security.map(service),
        "monthly_charges": df.monthly_charges,
        "tenure": df.tenure,
        "churn": df.churn,
    })


@pytest.fixture(scope="module")
def accounts_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("health") / "accounts.csv"
    telco_accounts().to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def report(accounts_csv):
    rc, out, err = run("health", accounts_csv, "--scorecard", CARD, "--account-column", "customer",
                       "--churn-column", "churn", "--time-column", "tenure", "--event-column",
                       "churn", "--format", "json")
    assert rc == 0, err
    return json.loads(out)


def expected_scores(df):
    yes = {"yes": 1.0, "no": 0.0}
    contract = np.select([df.contract_years < 1, df.contract_years < 2], [0.0, 60.0], 100.0)
    autopay = df.autopay.map(yes) * 100
    support = df.tech_support.map(yes) * 100
    security = df.online_security.map(yes) * 100
    ranks = df.monthly_charges.rank(method="average")
    charges = 100 - 100 * (ranks - 0.5) / len(df)
    commitment = (2 * contract + autopay) / 3
    service = pd.concat([support, security, charges], axis=1).mean(axis=1)  # skips missing
    return (2 * commitment + service) / 3


def test_scores_match_numpy(report):
    df = telco_accounts()
    got = pd.Series([a["score"] for a in report["accounts"]])
    np.testing.assert_allclose(got, expected_scores(df), rtol=1e-12, atol=1e-10)
    assert [a["account"] for a in report["accounts"]][:2] == ["c0000", "c0001"]
    first = report["accounts"][0]
    assert set(first["points"]) == {"contract_years", "autopay", "tech_support",
                                    "online_security", "monthly_charges"}
    total = sum(c["points"] for c in first["contributions"].values())
    assert total == pytest.approx(first["score"], rel=1e-12)


def test_validation_matches_sklearn_pandas_and_statsmodels(report):
    df = telco_accounts()
    score = np.array([a["score"] for a in report["accounts"]])
    grade = np.array([a["grade"] for a in report["accounts"]])
    churned = (df.churn == "Yes").to_numpy().astype(int)
    v = report["validation"]
    # AUC of -score (lower health, churn) and its interval around it.
    assert v["auc"]["value"] == pytest.approx(sklearn_metrics.roc_auc_score(churned, -score),
                                              abs=1e-12)
    assert v["auc"]["ci_low"] < v["auc"]["value"] < v["auc"]["ci_high"]
    assert v["auc"]["n_positive"] == churned.sum()
    # Churn by grade.
    rates = pd.Series(churned).groupby(grade).agg(["sum", "mean", "size"])
    for row in report["grades"]:
        assert row["accounts"] == rates.loc[row["grade"], "size"]
        assert row["churned"] == rates.loc[row["grade"], "sum"]
        assert row["churn_rate"]["value"] == pytest.approx(rates.loc[row["grade"], "mean"],
                                                           rel=1e-12)
        assert row["churn_rate"]["ci_low"] < row["churn_rate"]["value"] < \
            row["churn_rate"]["ci_high"]
    # Harrell's C of -score: pairs where one churned at t and the other was
    # still a customer after t (or censored at t: survival's convention),
    # ties in score 1/2; two churns at the same time are not comparable.
    t = df.tenure.to_numpy().astype(float)
    concordant = discordant = tied = 0.0
    for i in np.flatnonzero(churned):
        later = (t > t[i]) | ((t == t[i]) & (churned == 0))
        concordant += np.sum(later & (score[i] < score))
        discordant += np.sum(later & (score[i] > score))
        tied += np.sum(later & (score[i] == score))
    harrell = (concordant + tied / 2) / (concordant + discordant + tied)
    assert v["concordance"]["value"] == pytest.approx(harrell, rel=1e-12)
    assert v["concordance"]["std_error"] > 0
    # Kaplan-Meier by grade and the log-rank test.
    for curve in v["kaplan_meier"]:
        rows = grade == curve["grade"]
        sf = duration.SurvfuncRight(t[rows], churned[rows])
        at = np.searchsorted(sf.surv_times, curve["time"], side="right") - 1
        expected = np.where(at >= 0, sf.surv_prob[np.maximum(at, 0)], 1.0)
        np.testing.assert_allclose(curve["survival"], expected, rtol=1e-12)
    chi2, p = duration.survdiff(t, churned, grade)
    assert v["log_rank"]["chi_square"] == pytest.approx(chi2, rel=1e-9)
    assert v["log_rank"]["p_value"] == pytest.approx(p, rel=1e-6, abs=1e-300)


def test_table_and_csv(accounts_csv, report):
    rc, out, err = run("health", accounts_csv, "--scorecard", CARD, "--churn-column", "churn",
                       "--time-column", "tenure", "--event-column", "churn", "--top", "3")
    assert rc == 0, err
    assert "Health of 7043 accounts" in out
    assert "AUC %.3f" % report["validation"]["auc"]["value"] in out
    assert "log-rank chi-square" in out and "Lowest scores" in out
    rc, out, err = run("health", accounts_csv, "--scorecard", CARD, "--format", "csv")
    assert rc == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 7043
    np.testing.assert_allclose([float(r["score"]) for r in rows],
                               [a["score"] for a in report["accounts"]], rtol=1e-15)
    assert rows[0]["reasons"] == "; ".join(report["accounts"][0]["reasons"])
    assert "points:monthly_charges" in rows[0] and "contribution:autopay" in rows[0]


def test_errors_name_the_problem(accounts_csv, tmp_path):
    err = expect_error(2, "health", accounts_csv)
    assert "--scorecard" in err
    err = expect_error(2, "health", accounts_csv, "--scorecard", CARD, "--time-column", "tenure")
    assert "--event-column" in err
    bad = tmp_path / "bad.json"
    bad.write_text('{"measures": [{"name": "autopay", "wieght": 2}]}')
    err = expect_error(1, "health", accounts_csv, "--scorecard", bad)
    assert "wieght" in err and "bad.json" in err
    missing = tmp_path / "missing.json"
    missing.write_text('{"measures": [{"name": "seats"}]}')
    err = expect_error(1, "health", accounts_csv, "--scorecard", missing)
    assert "seats" in err
    text = tmp_path / "text.csv"
    text.write_text("autopay\nmaybe\n")
    card = tmp_path / "one.json"
    card.write_text('{"measures": [{"name": "autopay", "transform": "boolean"}]}')
    err = expect_error(1, "health", text, "--scorecard", card)
    assert "maybe" in err and "line 2" in err
    one_class = tmp_path / "one_class.csv"
    one_class.write_text("autopay,churn\n1,no\n0,no\n")
    err = expect_error(1, "health", one_class, "--scorecard", card, "--churn-column", "churn")
    assert "churn" in err


# --suggest-weights (cli/health_weights.cc): the coefficients against
# scikit-learn's LogisticRegression (C = 1 / lambda; the intercept is not
# penalized) on the CLI's own points (mean-imputed, standardized), the
# weights by their rule, the scorecard's AUC against roc_auc_score, and the
# out-of-fold AUC against scikit-learn's own stratified 5-fold estimate (other
# folds: close, not equal) and never the in-sample one.

def suggest(accounts_csv, *extra):
    rc, out, err = run("health", accounts_csv, "--scorecard", CARD, "--churn-column", "churn",
                       "--suggest-weights", *extra)
    assert rc == 0, err
    return out


def test_suggest_weights_match_sklearn(accounts_csv):
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    result = json.loads(suggest(accounts_csv, "--l2-penalty", "4", "--format", "json"))
    rc, out, err = run("health", accounts_csv, "--scorecard", CARD, "--format", "csv")
    assert rc == 0, err
    scored = pd.read_csv(io.StringIO(out))
    measures = [w["measure"] for w in result["weights"]]
    points = scored[["points:" + m for m in measures]].to_numpy()
    churn = (pd.read_csv(accounts_csv).churn == "Yes").to_numpy().astype(int)
    model = make_pipeline(SimpleImputer(), StandardScaler(),
                          LogisticRegression(C=1 / 4, solver="newton-cholesky", tol=1e-12))
    model.fit(points, churn)
    coefficient = model[-1].coef_[0]
    np.testing.assert_allclose([w["coefficient"] for w in result["weights"]], coefficient,
                               atol=1e-6)
    assert result["intercept"] == pytest.approx(model[-1].intercept_[0], abs=1e-6)
    per_point = coefficient / model[1].scale_
    gain = np.maximum(0, -per_point)
    np.testing.assert_allclose([w["suggested_weight"] for w in result["weights"]],
                               100 * gain / gain.sum(), atol=1e-4)
    np.testing.assert_allclose([w["current_weight"] for w in result["weights"]],
                               [400 / 9, 200 / 9, 100 / 9, 100 / 9, 100 / 9])
    assert [w["flagged"] for w in result["weights"]] == list(per_point > 0)
    assert result["current_auc"]["value"] == pytest.approx(
        sklearn_metrics.roc_auc_score(churn, -scored.score), abs=1e-12)
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    oof = cross_val_predict(model, points, churn, cv=folds, method="predict_proba")[:, 1]
    in_sample = sklearn_metrics.roc_auc_score(churn, model.predict_proba(points)[:, 1])
    assert result["auc"]["value"] == pytest.approx(sklearn_metrics.roc_auc_score(churn, oof),
                                                   abs=0.003)
    assert result["auc"]["value"] != pytest.approx(in_sample, abs=1e-6)
    assert result["auc"]["ci_low"] < result["auc"]["value"] < result["auc"]["ci_high"]
    assert result["comparison"]["difference"] == pytest.approx(
        result["auc"]["value"] - result["current_auc"]["value"], abs=1e-12)


def test_suggest_weights_table_csv_and_errors(accounts_csv, tmp_path):
    result = json.loads(suggest(accounts_csv, "--format", "json", "--folds", "3"))
    assert result["folds"] == 3 and result["l2_penalty"] == 1
    out = suggest(accounts_csv, "--folds", "3")
    assert "AUC of the suggested weights %.3f" % result["auc"]["value"] in out
    assert "AUC of the scorecard's score %.3f" % result["current_auc"]["value"] in out
    assert "paired DeLong" in out and "3 folds" in out
    rows = list(csv.DictReader(io.StringIO(suggest(accounts_csv, "--format", "csv"))))
    assert [r["measure"] for r in rows] == [w["measure"] for w in result["weights"]]
    assert sum(float(r["suggested_weight"]) for r in rows) == pytest.approx(100)
    err = expect_error(2, "health", accounts_csv, "--scorecard", CARD, "--suggest-weights")
    assert "--churn-column" in err
    err = expect_error(2, "health", accounts_csv, "--scorecard", CARD, "--folds", "3")
    assert "--suggest-weights" in err
    err = expect_error(2, "health", accounts_csv, "--scorecard", CARD, "--churn-column", "churn",
                       "--suggest-weights", "--folds", "1")
    assert "--folds" in err
    err = expect_error(2, "health", accounts_csv, "--scorecard", CARD, "--churn-column", "churn",
                       "--suggest-weights", "--l2-penalty", "-1")
    assert "--l2-penalty" in err
    small = tmp_path / "small.csv"
    small.write_text("autopay,churn\n1,no\n0,yes\n1,no\n0,yes\n1,no\n")
    card = tmp_path / "one.json"
    card.write_text('{"measures": [{"name": "autopay", "transform": "boolean"}]}')
    err = expect_error(1, "health", small, "--scorecard", card, "--churn-column", "churn",
                       "--suggest-weights", "--folds", "3")
    assert "'churn'" in err and "smaller class has 2" in err, err
