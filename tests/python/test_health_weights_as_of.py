"""candor.suggest_weights as of a cut-off: on a dated history (monthly rows
of the wa_churn customers, values drifting and often unrecorded, rows given
out of order) the result equals candor.suggest_weights on the snapshot made
independently in pandas (per account, the last recorded value of each
measure in rows before the cut-off), whose fit test_health_weights.py checks
against scikit-learn (and the coefficients here too); rows at or after the
cut-off, changed wildly, change nothing; accounts without an earlier row are
left out; churn by column or by account; errors naming the account."""

import pathlib

import numpy as np
import pandas as pd
import pytest
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import candor
from test_health_weights import telco_accounts

ROOT = pathlib.Path(__file__).resolve().parents[2]
WA_CHURN = ROOT / "tests" / "data" / "wa_churn" / "wa_churn.csv"
CARD = ROOT / "tests" / "data" / "health" / "telco_card.json"
MEASURES = ["contract_years", "autopay", "tech_support", "online_security", "monthly_charges"]
AS_OF = pd.Timestamp("2024-04-01", tz="UTC")
CUSTOMERS = 1500
NEWCOMERS = 40


def make_history(later_scale=1.0):
    df = pd.read_csv(WA_CHURN).iloc[:CUSTOMERS + NEWCOMERS]
    base = telco_accounts(df)
    base.insert(0, "plan", df.internet_service)
    base.insert(0, "customer", ["C%05d" % i for i in range(len(df))])
    rng = np.random.default_rng(17)
    frames = []
    # Months 1-3 before the cut-off, then one at it and one after it.
    for month in (1, 2, 3, 4, 5):
        rows = base.copy()
        rows["month"] = pd.Timestamp("2024-%02d-01" % month, tz="UTC")
        rows["monthly_charges"] += rng.normal(0, 5, len(rows)).round(1)
        if month >= 4:  # wild values where no one should look
            rows["monthly_charges"] = later_scale * rng.normal(0, 1e4, len(rows))
            rows["contract_years"] = (later_scale * 2 + month) % 3
        for m in MEASURES:
            rows.loc[rng.random(len(rows)) < 0.3, m] = np.nan
        if month < 4:  # the newcomers arrive after the cut-off
            rows = rows.iloc[:CUSTOMERS]
        frames.append(rows)
    history = pd.concat(frames, ignore_index=True)
    return history.sample(frac=1, random_state=3).reset_index(drop=True)


def pandas_snapshot(history):
    before = history[history.month < AS_OF].sort_values("month", kind="stable")
    return before.groupby("customer")[MEASURES + ["plan", "churned"]].last()


@pytest.fixture(scope="module")
def history():
    return make_history()


def test_equals_the_pandas_snapshot(history):
    snapshot = pandas_snapshot(history)
    assert len(snapshot) == CUSTOMERS and snapshot.monthly_charges.isna().sum() > 0
    options = dict(l2_penalty=2.0, folds=4, seed=9)
    s = candor.suggest_weights(history, CARD, "churned", "plan", as_of=AS_OF, time="month",
                               account="customer", **options)
    expected = candor.suggest_weights(snapshot, CARD, snapshot.churned, "plan", **options)
    pd.testing.assert_frame_equal(s.weights, expected.weights)
    for name in ("oof_probability", "fold", "score"):
        pd.testing.assert_series_equal(getattr(s, name), getattr(expected, name))
    assert s.intercept == expected.intercept
    assert (s.auc, s.current_auc, s.comparison) == \
        (expected.auc, expected.current_auc, expected.comparison)
    assert s.not_yet_customers == NEWCOMERS and expected.not_yet_customers == 0
    assert s.excluded == expected.excluded
    # The coefficients from scikit-learn on the snapshot's points.
    scored = candor.health(snapshot, CARD, "plan")
    points = scored[["points:" + m for m in MEASURES]].to_numpy()
    model = make_pipeline(SimpleImputer(strategy="mean"), StandardScaler(),
                          LogisticRegression(C=1 / 2.0, solver="newton-cholesky", tol=1e-12,
                                             max_iter=1000)).fit(points, snapshot.churned)
    np.testing.assert_allclose(s.weights.coefficient, model[-1].coef_[0], atol=1e-6)
    assert s.intercept == pytest.approx(model[-1].intercept_[0], abs=1e-6)


def test_later_rows_change_nothing(history):
    s = candor.suggest_weights(history, CARD, "churned", as_of=AS_OF, time="month",
                               account="customer")
    wild = make_history(later_scale=-37.0)
    assert not wild.equals(history)
    t = candor.suggest_weights(wild, CARD, "churned", as_of=AS_OF, time="month",
                               account="customer")
    pd.testing.assert_frame_equal(s.weights, t.weights)
    pd.testing.assert_series_equal(s.oof_probability, t.oof_probability)
    # A cut-off a second later reads the rows at 2024-04-01: the fit moves.
    later = candor.suggest_weights(history, CARD, "churned", as_of=AS_OF + pd.Timedelta("1s"),
                                   time="month", account="customer")
    assert not np.allclose(later.weights.coefficient, s.weights.coefficient)


def test_churn_by_account(history):
    by_column = candor.suggest_weights(history, CARD, "churned", as_of=AS_OF, time="month",
                                       account="customer")
    per_account = history.groupby("customer").churned.first()
    by_series = candor.suggest_weights(history, CARD, per_account, as_of=AS_OF, time="month",
                                       account="customer")
    pd.testing.assert_series_equal(by_series.oof_probability, by_column.oof_probability)
    # The newcomers need no churn; a dict works too.
    customers = per_account[per_account.index.isin(pandas_snapshot(history).index)]
    by_dict = candor.suggest_weights(history, CARD, customers.astype(bool).to_dict(),
                                     as_of=AS_OF, time="month", account="customer")
    pd.testing.assert_frame_equal(by_dict.weights, by_column.weights)
    assert list(by_dict.oof_probability.index) == sorted(customers.index)


def test_errors(history):
    flipped = history.copy()
    row = flipped.index[flipped.customer == "C00007"][1]
    flipped.loc[row, "churned"] = 1 - flipped.loc[row, "churned"]
    with pytest.raises(candor.Error, match="account 'C00007' has both 0 and 1"):
        candor.suggest_weights(flipped, CARD, "churned", as_of=AS_OF, time="month",
                               account="customer")
    per_account = history.groupby("customer").churned.first().drop("C00011")
    with pytest.raises(candor.Error, match="no value for account 'C00011'"):
        candor.suggest_weights(history, CARD, per_account, as_of=AS_OF, time="month",
                               account="customer")
    with pytest.raises(candor.Error, match="as_of needs the history's account column"):
        candor.suggest_weights(history, CARD, "churned", as_of=AS_OF, time="month")
    with pytest.raises(candor.Error, match="time is given without as_of"):
        candor.suggest_weights(history, CARD, history.churned, time="month")
    with pytest.raises(candor.Error, match="'nope' is not a column"):
        candor.suggest_weights(history, CARD, "nope", as_of=AS_OF, time="month",
                               account="customer")
    with pytest.raises(candor.Error, match="no account has a row before as_of") as e:
        candor.suggest_weights(history, CARD, "churned", as_of="2024-01-01", time="month",
                               account="customer")
    assert e.value.status == "CANDOR_EMPTY"
    with pytest.raises(candor.Error, match="one class") as e:
        candor.suggest_weights(history, CARD, np.zeros(len(history)), as_of=AS_OF,
                               time="month", account="customer")
    assert e.value.status == "CANDOR_EMPTY"
