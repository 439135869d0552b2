"""candor.suggest_weights against scikit-learn: the same L2 logistic fit
(LogisticRegression(C=1/lambda), whose lbfgs and newton-cholesky solvers do
not penalize the intercept) on the same mean-imputed, standardized points
(SimpleImputer + StandardScaler), on all accounts for the weights and fold by
fold, on the folds candor reports, for the out-of-fold probabilities; the
AUCs against roc_auc_score and candor.auc / compare_auc (checked against
pROC in test_validate.py); the folds' stratification; errors. Data: the
wa_churn customers with tests/data/health/telco_card.json."""

import pathlib

import numpy as np
import pandas as pd
import pytest
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import candor

ROOT = pathlib.Path(__file__).resolve().parents[2]
WA_CHURN = ROOT / "tests" / "data" / "wa_churn" / "wa_churn.csv"
CARD = ROOT / "tests" / "data" / "health" / "telco_card.json"


def telco_accounts(df):
    """The card's measures and churn from wa_churn's columns (also used by
    test_health_weights_as_of.py)."""
    service = {"Yes": 1.0, "No": 0.0}  # "No internet service": missing
    return pd.DataFrame({
        "contract_years": df.contract.map({"Month-to-month": 0, "One year": 1, "Two year": 2}),
        "autopay": df.payment_method.str.contains("automatic").astype(float),
        "tech_support": df.tech_support.map(service),
        "online_security": df.online_security.map(service),
        "monthly_charges": df.monthly_charges,
        "churned": (df.churn == "Yes").astype(int),
    })


@pytest.fixture(scope="module")
def accounts():
    return telco_accounts(pd.read_csv(WA_CHURN))


@pytest.fixture(scope="module")
def points(accounts):
    scored = candor.health(accounts, CARD)
    card = candor.Scorecard.load(CARD)
    return scored[["points:" + m for m in card.measures]].to_numpy()


def sklearn_model(l2_penalty):
    return make_pipeline(SimpleImputer(strategy="mean"), StandardScaler(),
                         LogisticRegression(C=1 / l2_penalty, solver="newton-cholesky",
                                            tol=1e-12, max_iter=1000))


@pytest.mark.parametrize("l2_penalty", [1.0, 25.0])
def test_weights_and_out_of_fold_probabilities_match_sklearn(accounts, points, l2_penalty):
    y = accounts.churned.to_numpy()
    s = candor.suggest_weights(accounts, CARD, y, l2_penalty=l2_penalty, folds=5, seed=3)
    model = sklearn_model(l2_penalty).fit(points, y)
    logistic = model[-1]
    np.testing.assert_allclose(s.weights.coefficient, logistic.coef_[0], atol=1e-6)
    assert s.intercept == pytest.approx(logistic.intercept_[0], abs=1e-6)
    sd = model[1].scale_
    np.testing.assert_allclose(s.weights.point_sd, sd, rtol=1e-12)
    np.testing.assert_allclose(s.weights.coefficient_per_point, logistic.coef_[0] / sd, atol=1e-6)
    np.testing.assert_array_equal(s.weights.imputed, np.isnan(points).sum(axis=0))
    # The weight rule, from sklearn's coefficients.
    gain = np.maximum(0, -logistic.coef_[0] / sd)
    np.testing.assert_allclose(s.weights.suggested_weight, 100 * gain / gain.sum(), atol=1e-4)
    np.testing.assert_array_equal(s.weights.flagged, logistic.coef_[0] > 0)
    # Nominal shares: commitment 2/3 (contract 2, autopay 1), service 1/3 (three alike).
    np.testing.assert_allclose(s.weights.current_weight,
                               [100 * 2 / 3 * 2 / 3, 100 * 2 / 3 / 3] + [100 / 9] * 3)
    # Out of fold: each fold predicted by sklearn's model of the others.
    fold = s.fold.to_numpy()
    expected = np.empty(len(y))
    for k in range(5):
        held = fold == k
        expected[held] = sklearn_model(l2_penalty).fit(points[~held], y[~held]) \
            .predict_proba(points[held])[:, 1]
    np.testing.assert_allclose(s.oof_probability, expected, atol=1e-6)
    assert s.auc.value == pytest.approx(roc_auc_score(y, expected), abs=1e-9)
    assert s.current_auc.value == pytest.approx(roc_auc_score(y, -s.score), abs=1e-12)


def test_folds_are_stratified_and_aucs_are_delong(accounts):
    y = accounts.churned.to_numpy()
    s = candor.suggest_weights(accounts, CARD, y, folds=4, seed=11, level=0.9)
    counts = pd.crosstab(s.fold, y)
    assert list(counts.index) == [0, 1, 2, 3]
    assert (counts.max() - counts.min()).max() <= 1
    assert s.auc == candor.auc(s.oof_probability, y, level=0.9)
    assert s.current_auc == candor.auc(-s.score, y, level=0.9)
    assert s.comparison == candor.compare_auc(s.oof_probability, -s.score, y, level=0.9)
    assert 0 < s.auc.ci_low < s.auc.value < s.auc.ci_high < 1
    assert s.excluded == 0
    assert list(s.weights.index) == ["contract_years", "autopay", "tech_support",
                                     "online_security", "monthly_charges"]
    other = candor.suggest_weights(accounts, CARD, y, folds=4, seed=12, level=0.9)
    assert (other.fold != s.fold).any()
    pd.testing.assert_frame_equal(other.weights, s.weights)


def test_errors(accounts):
    y = accounts.churned.to_numpy()
    with pytest.raises(candor.Error, match="churn at index 2"):
        candor.suggest_weights(accounts, CARD, np.r_[y[:2], np.nan, y[3:]])
    with pytest.raises(candor.Error, match="one class") as e:
        candor.suggest_weights(accounts, CARD, np.zeros(len(y)))
    assert e.value.status == "CANDOR_EMPTY"
    with pytest.raises(candor.Error, match="churn has 3 values"):
        candor.suggest_weights(accounts, CARD, [0, 1, 0])
    few = np.zeros(len(y))
    few[:3] = 1
    with pytest.raises(candor.Error, match="smaller class has 3"):
        candor.suggest_weights(accounts, CARD, few)
    with pytest.raises(candor.Error, match="l2_penalty"):
        candor.suggest_weights(accounts, CARD, y, l2_penalty=-1)
    with pytest.raises(candor.Error, match="folds"):
        candor.suggest_weights(accounts, CARD, y, folds=1)
    with pytest.raises(candor.Error, match="seed"):
        candor.suggest_weights(accounts, CARD, y, seed=-1)
