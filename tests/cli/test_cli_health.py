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


# ------------------------------------------------------------ as of a date

HISTORY_CARD = {"measures": [
    {"name": "u", "transform": "linear", "zero_at": 0, "full_at": 100, "weight": 2},
    {"name": "v", "transform": "linear", "zero_at": 10, "full_at": 0}]}


def history_frame(seed=4, accounts=30, rows=300):
    """A dated history (ISO dates; empty fields: not recorded that day) with
    one churn flag per account, describing it after the cut-off."""
    rng = np.random.default_rng(seed)
    ids = np.array(["a%02d" % i for i in range(accounts)])
    df = pd.DataFrame({
        "id": rng.choice(ids, rows),
        "day": np.datetime64("2026-01-01") + rng.integers(0, 240, rows).astype("timedelta64[D]"),
        "u": rng.uniform(-10, 110, rows).round(3),
        "u_se": rng.uniform(1, 6, rows).round(3),
        "v": rng.uniform(-1, 11, rows).round(3),
    })
    df.loc[rng.random(rows) < 0.3, "u"] = np.nan
    df.loc[rng.random(rows) < 0.3, "v"] = np.nan
    churned = dict(zip(ids, rng.integers(0, 2, accounts)))
    df["churned"] = df.id.map(churned)
    df["day"] = df.day.dt.strftime("%Y-%m-%d")
    return df


def snapshot(df, as_of):
    """pandas: each account's latest non-empty value per measure before as_of."""
    before = df[pd.to_datetime(df.day) < pd.Timestamp(as_of)].copy()
    before["row"] = np.flatnonzero((pd.to_datetime(df.day) < pd.Timestamp(as_of)).to_numpy())
    before = before.assign(t=pd.to_datetime(before.day)).sort_values("t", kind="stable")
    out = pd.DataFrame(index=sorted(before.id.unique()))
    for c in ("u", "v"):
        last = before[before[c].notna()].groupby("id").tail(1).set_index("id")
        out[c] = last[c]
        out[c + "_row"] = last["row"]
    out["u_se"] = before[before.u.notna()].groupby("id").tail(1).set_index("id")["u_se"]
    return out


def history_score(u, v):
    points = np.array([np.clip(u, 0, 100), np.clip((10 - v) * 10, 0, 100)])
    weights = np.array([2.0, 1.0])
    present = ~np.isnan(points)
    if not present.any():
        return np.nan, 0.0
    share_u = weights[0] / weights[present].sum() if present[0] else 0.0
    slope = share_u if 0 < points[0] < 100 else 0.0  # d score / d u
    return float(np.sum(weights[present] * points[present]) / weights[present].sum()), slope


@pytest.fixture(scope="module")
def history_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("history")
    df = history_frame()
    df.to_csv(folder / "history.csv", index=False)
    (folder / "card.json").write_text(json.dumps(HISTORY_CARD))
    return df, folder / "history.csv", folder / "card.json"


def test_as_of_scores_the_snapshot_before_the_date(history_files):
    df, path, card = history_files
    rc, out, err = run("health", path, "--scorecard", card, "--account-column", "id",
                       "--history-time-column", "day", "--as-of", "2026-06-01",
                       "--previous", "2026-04-01", "--std-error-columns", "u=u_se",
                       "--churn-column", "churned", "--format", "json")
    assert rc == 0, err
    report = json.loads(out)
    assert "other transforms are taken as exact" in report["momentum_method"]
    now, before = snapshot(df, "2026-06-01"), snapshot(df, "2026-04-01")
    by_account = {a["account"]: a for a in report["accounts"]}
    assert set(by_account) == set(df.id)  # every account, some without a score
    z = 1.959963984540054
    intervals = 0
    for account, row in by_account.items():
        if account not in now.index:
            assert row["score"] is None and row["days_in_grade"] is None
            continue
        score, slope = history_score(now.u[account], now.v[account])
        m = row["momentum"]
        if np.isnan(score):
            assert row["score"] is None and m["note"] == "no score"
            continue
        assert row["score"] == pytest.approx(score, abs=1e-9), account
        score_before, slope_before = (history_score(before.u[account], before.v[account])
                                      if account in before.index else (np.nan, 0.0))
        if np.isnan(score_before):
            assert m["change"] is None and m["note"] == "no score"
            continue
        assert m["change"] == pytest.approx(score - score_before, abs=1e-9)
        if np.isnan(now.u[account]):
            assert m["std_error"] is None and m["note"] == "no sampling error known"
            continue
        se_now = now.u_se[account]
        se_before = before.u_se[account] if not np.isnan(before.u[account]) else 0.0
        if now.u_row[account] == before.u_row.get(account):
            se = abs(slope - slope_before) * se_now
        else:
            se = np.hypot(slope * se_now, slope_before * se_before)
        assert m["std_error"] == pytest.approx(se, abs=1e-9), account
        if se > 0:
            intervals += 1
            assert m["ci_low"] == pytest.approx(m["change"] - z * se, abs=1e-9)
            assert m["ci_high"] == pytest.approx(m["change"] + z * se, abs=1e-9)
        else:
            assert m["ci_low"] is None and m["note"] == "no error found"
    assert intervals >= 5
    # Validation: one churn flag per account, only accounts seen before the date.
    scored = [a for a in now.index if not np.isnan(history_score(now.u[a], now.v[a])[0])]
    flags = df.groupby("id").churned.last()
    scores = np.array([by_account[a]["score"] for a in scored])
    auc = sklearn_metrics.roc_auc_score(flags[scored], -scores)
    assert report["validation"]["auc"]["value"] == pytest.approx(auc, abs=1e-12)
    assert report["validation"]["scored_accounts"] == len(scored)


def test_as_of_csv_and_table(history_files):
    df, path, card = history_files
    args = ["health", path, "--scorecard", card, "--account-column", "id",
            "--history-time-column", "day", "--as-of", "2026-06-01", "--previous", "2026-04-01",
            "--grade-step-days", "10"]
    rc, out, err = run(*args, "--format", "csv")
    assert rc == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == df.id.nunique()
    for column in ("days_in_grade", "days_in_grade_capped", "momentum", "momentum_std_error",
                   "momentum_ci_low", "momentum_ci_high", "momentum_note"):
        assert column in rows[0]
    # Days in grade come in steps of 10; no standard errors given: no intervals.
    days = [float(r["days_in_grade"]) for r in rows if r["days_in_grade"]]
    assert days and all(d % 10 == 0 for d in days) and max(days) > 0
    assert all(r["momentum_ci_low"] == "" for r in rows)
    rc, out, err = run(*args)
    assert rc == 0, err
    assert "as of 2026-06-01: from the rows before it only" in out
    assert "days in grade" in out and "momentum" in out


def test_as_of_errors(history_files, tmp_path):
    df, path, card = history_files
    err = expect_error(2, "health", path, "--scorecard", card, "--as-of", "2026-06-01")
    assert "--history-time-column" in err
    err = expect_error(2, "health", path, "--scorecard", card, "--previous", "2026-06-01")
    assert "need --as-of" in err
    base = ["health", path, "--scorecard", card, "--account-column", "id",
            "--history-time-column", "day"]
    err = expect_error(1, *base, "--as-of", "June")
    assert "--as-of 'June'" in err
    err = expect_error(1, *base, "--as-of", "2026-06-01", "--previous", "2026-07-01")
    assert "is not before --as-of" in err
    err = expect_error(1, *base, "--as-of", "2026-06-01", "--std-error-columns", "w=u_se")
    assert "w=u_se" in err
    bad = df.copy()
    first = bad.index[bad.id == "a03"][0]
    bad.loc[first, "churned"] = 1 - bad.loc[first, "churned"]
    bad_path = tmp_path / "bad.csv"
    bad.to_csv(bad_path, index=False)
    err = expect_error(1, "health", bad_path, *base[2:], "--as-of", "2026-06-01",
                       "--churn-column", "churned")
    assert "account 'a03'" in err and "disagree" in err


def test_as_of_segments_per_account(history_files, tmp_path):
    df, _, _ = history_files
    card = tmp_path / "pct.json"
    card.write_text(json.dumps({"measures": [{"name": "u", "transform": "percentile"}]}))
    plans = {a: ("trial" if i % 2 else "paid") for i, a in enumerate(sorted(df.id.unique()))}
    with_plan = df.assign(plan=df.id.map(plans))
    path = tmp_path / "plans.csv"
    with_plan.to_csv(path, index=False)
    args = ["health", path, "--scorecard", card, "--account-column", "id",
            "--history-time-column", "day", "--as-of", "2026-06-01", "--segment-column", "plan"]
    rc, out, err = run(*args, "--format", "json")
    assert rc == 0, err
    got = {a["account"]: a["points"]["u"] for a in json.loads(out)["accounts"]}
    snap = snapshot(df, "2026-06-01")
    snap = snap[snap.u.notna()]
    for plan in ("trial", "paid"):
        members = [a for a in snap.index if plans[a] == plan]
        values = snap.u[members]
        # Mid-rank percentile within the plan: 100 (below + ties / 2) / count.
        for a in members:
            below = (values < values[a]).sum() + 0.5 * ((values == values[a]).sum() - 1)
            assert got[a] == pytest.approx(100 * (below + 0.5) / len(values), abs=1e-9)
    moved = with_plan.copy()
    moved.loc[moved.index[moved.id == "a05"][0], "plan"] = "other"
    moved.to_csv(path, index=False)
    err = expect_error(1, *args)
    assert "account 'a05'" in err and "two segments" in err
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


# --suggest-weights --as-of: the fit on the measures as they stood before the
# date equals the plain fit on a CSV of the pandas snapshot (snapshot()
# above), the churn column read per account; rows at or after the date,
# changed wildly, change nothing; accounts first seen after it are left out.

def weights_history(tmp_path):
    df = history_frame(seed=9, accounts=120, rows=1500)
    late = pd.DataFrame({"id": ["new1", "new1", "new2"],
                         "day": ["2026-06-01", "2026-07-02", "2026-08-09"],
                         "u": [5.0, 99.0, 50.0], "u_se": [1.0, 1.0, 1.0], "v": [1.0, 2.0, 3.0],
                         "churned": [1, 1, 0]})
    df = pd.concat([df, late], ignore_index=True)
    (tmp_path / "card.json").write_text(json.dumps(HISTORY_CARD))
    return df, tmp_path / "card.json"


def suggest_as_of(path, card, *extra):
    rc, out, err = run("health", path, "--scorecard", card, "--account-column", "id",
                       "--history-time-column", "day", "--as-of", "2026-06-01",
                       "--churn-column", "churned", "--suggest-weights", "--folds", "4", *extra)
    assert rc == 0, err
    return out


def test_suggest_weights_as_of_equals_the_snapshot(tmp_path):
    df, card = weights_history(tmp_path)
    df.to_csv(tmp_path / "history.csv", index=False)
    result = json.loads(suggest_as_of(tmp_path / "history.csv", card, "--format", "json"))
    snap = snapshot(df, "2026-06-01")
    snap["churned"] = df.groupby("id").churned.first()
    # The accounts in the order the command codes them (first seen in the
    # file), which the folds follow.
    snap = snap.loc[[a for a in pd.unique(df.id) if a in snap.index]]
    snap[["u", "v", "churned"]].to_csv(tmp_path / "snapshot.csv", index_label="id")
    rc, out, err = run("health", tmp_path / "snapshot.csv", "--scorecard", card,
                       "--churn-column", "churned", "--suggest-weights", "--folds", "4",
                       "--format", "json")
    assert rc == 0, err
    expected = json.loads(out)
    assert result.pop("as_of") == "2026-06-01"
    assert result.pop("not_yet_customers") == 2
    assert result == expected
    assert expected["auc"]["n_positive"] + expected["auc"]["n_negative"] == len(snap)
    # Rows at or after the date, changed wildly: the same fit.
    wild = df.copy()
    later = pd.to_datetime(wild.day) >= pd.Timestamp("2026-06-01")
    wild.loc[later, "u"] = np.where(wild.loc[later, "churned"] == 1, -1e5, 1e5)
    wild.loc[later, "v"] = np.nan
    wild.to_csv(tmp_path / "wild.csv", index=False)
    again = json.loads(suggest_as_of(tmp_path / "wild.csv", card, "--format", "json"))
    again.pop("as_of"), again.pop("not_yet_customers")
    assert again == expected
    # The table says what was read.
    out = suggest_as_of(tmp_path / "history.csv", card)
    assert "the measures as of 2026-06-01, from the rows before it; 2 accounts first seen " \
        "at or after it left out" in out, out
    assert "AUC of the suggested weights %.3f" % expected["auc"]["value"] in out


def test_suggest_weights_as_of_errors(tmp_path):
    df, card = weights_history(tmp_path)
    df.loc[df.index[df.id == "a07"][0], "churned"] = 1 - df.churned[df.id == "a07"].iloc[0]
    df.to_csv(tmp_path / "history.csv", index=False)
    rc, out, err = run("health", tmp_path / "history.csv", "--scorecard", card,
                       "--account-column", "id", "--history-time-column", "day", "--as-of",
                       "2026-06-01", "--churn-column", "churned", "--suggest-weights")
    assert rc == 1 and "account 'a07'" in err and "disagree" in err, err
    df, card = weights_history(tmp_path)
    df.to_csv(tmp_path / "history.csv", index=False)
    rc, out, err = run("health", tmp_path / "history.csv", "--scorecard", card,
                       "--account-column", "id", "--history-time-column", "day", "--as-of",
                       "2025-06-01", "--churn-column", "churned", "--suggest-weights")
    assert rc == 1 and "no account has a row before as_of" in err, err
