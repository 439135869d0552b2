"""candor.theme_drivers against independent computations: per-theme NPS and
impact by numpy closed forms; the impact's linearized SE against R survey
(svycontrast of svytotal, weighted and clustered by account); the relative
risk and Katz interval against statsmodels' Table2x2; the key-driver model
against scikit-learn's LogisticRegression (to 1e-6); trending shares against
statsmodels' proportions_ztest and multipletests(fdr_bh); bad input."""
import numpy as np
import pytest

import candor
from helpers import nps_values, r_vector, run_r

sm_tables = pytest.importorskip("statsmodels.stats.contingency_tables")
sm_proportion = pytest.importorskip("statsmodels.stats.proportion")
sm_multitest = pytest.importorskip("statsmodels.stats.multitest")
sklearn_linear = pytest.importorskip("sklearn.linear_model")


def make_sample(n=2000, themes=5, seed=1):
    """Scores 0..10 with theme 0 raising and theme 1 lowering the chance of
    a detractor; themes independent Bernoulli(0.1..0.4)."""
    rng = np.random.default_rng(seed)
    rates = np.linspace(0.1, 0.4, themes)
    mentions = (rng.random((n, themes)) < rates).astype(np.int8)
    effects = np.zeros(themes)
    effects[:3] = [1.0, -0.7, 0.3][:themes]
    logit = -1.0 + mentions @ effects
    detractor = rng.random(n) < 1 / (1 + np.exp(-logit))
    promoter = ~detractor & (rng.random(n) < 0.6)
    scores = np.where(detractor, rng.integers(0, 7, n),
                      np.where(promoter, rng.integers(9, 11, n), rng.integers(7, 9, n)))
    weights = rng.uniform(0.3, 3.0, n)
    periods = rng.integers(0, 2, n)
    accounts = rng.integers(0, 60, n)
    return scores.astype(float), mentions, weights, periods, accounts


def test_per_theme_nps_impact_and_shares_match_numpy():
    scores, mentions, _, _, _ = make_sample()
    result = candor.theme_drivers(scores, mentions, theme_names=list("ABCDE"))
    table = result.table
    v = nps_values(scores)
    n = len(v)
    assert result.overall.value == pytest.approx(100 * v.mean(), abs=1e-10)
    assert result.detractors == int((scores <= 6).sum())
    for j in range(mentions.shape[1]):
        m = mentions[:, j] == 1
        row = table.iloc[j]
        assert row["name"] == "ABCDE"[j]
        assert row["mentions"] == m.sum()
        assert row["share"] == pytest.approx(100 * m.mean(), abs=1e-10)
        assert row["score"] == pytest.approx(100 * v[m].mean(), abs=1e-10)
        assert row["score_without"] == pytest.approx(100 * v[~m].mean(), abs=1e-10)
        assert row["impact"] == pytest.approx(100 * (v.mean() - v[~m].mean()), abs=1e-10)
        # The linearized variance, comment by comment (plug-in, unweighted).
        d = (v - v.mean()) / n - np.where(~m, (v - v[~m].mean()) / (~m).sum(), 0.0)
        assert row["impact_std_error"] == pytest.approx(100 * np.sqrt((d ** 2).sum()), rel=1e-10)
        det = scores <= 6
        assert row["share_of_detractors"] == pytest.approx(100 * m[det].mean(), abs=1e-10)
        assert row["share_of_promoters"] == pytest.approx(100 * m[scores >= 9].mean(), abs=1e-10)


def test_weighted_and_clustered_impact_se_match_r_survey():
    scores, mentions, weights, _, accounts = make_sample(n=600, themes=2, seed=3)
    weighted = candor.theme_drivers(scores, mentions, weights=weights, fit_key_drivers=False)
    clustered = candor.theme_drivers(scores, mentions, weights=weights, accounts=accounts,
                                     fit_key_drivers=False)
    v = nps_values(scores)
    out = run_r("""
suppressPackageStartupMessages(library(survey))
df <- data.frame(v = %s, m = %s, w = %s, account = %s)
df$one <- 1
df$notm <- 1 - df$m
df$vnot <- df$v * df$notm
for (ids in c("~1", "~account")) {
  d <- svydesign(ids = as.formula(ids), weights = ~w, data = df)
  t <- svytotal(~v + one + vnot + notm, d)
  c <- svycontrast(t, quote(v / one - vnot / notm))
  cat(sprintf("%%.17g %%.17g\\n", coef(c), SE(c)))
}
""" % (r_vector(v), r_vector(mentions[:, 0]), r_vector(weights), r_vector(accounts)))
    (flat_value, flat_se), (cluster_value, cluster_se) = [
        map(float, line.split()) for line in out.strip().splitlines()]
    row = weighted.table.iloc[0]
    assert row["impact"] == pytest.approx(100 * flat_value, abs=1e-10)
    assert row["impact_std_error"] == pytest.approx(100 * flat_se, rel=1e-9)
    row = clustered.table.iloc[0]
    assert row["impact"] == pytest.approx(100 * cluster_value, abs=1e-10)
    assert row["impact_std_error"] == pytest.approx(100 * cluster_se, rel=1e-9)


def test_relative_risk_matches_statsmodels_table2x2():
    scores, mentions, _, _, _ = make_sample(n=1500, themes=3, seed=5)
    # Theme 2 in 8 comments, none a detractor: a zero cell.
    mentions[:, 2] = 0
    calm = np.flatnonzero(scores >= 7)[:8]
    mentions[calm, 2] = 1
    table = candor.theme_drivers(scores, mentions).table
    det = scores <= 6
    for j in range(3):
        m = mentions[:, j] == 1
        cells = np.array([[np.sum(m & det), np.sum(m & ~det)],
                          [np.sum(~m & det), np.sum(~m & ~det)]], dtype=float)
        # Haldane-Anscombe: 0.5 added to every cell when one is 0 (statsmodels'
        # own shift_zeros replaces only the zero cells, so it is applied here).
        shifted = cells + 0.5 if (cells == 0).any() else cells
        reference = sm_tables.Table2x2(shifted, shift_zeros=False)
        low, high = reference.riskratio_confint(alpha=0.05)
        row = table.iloc[j]
        assert row["relative_risk"] == pytest.approx(reference.riskratio, rel=1e-12)
        assert row["log_relative_risk_std_error"] == pytest.approx(reference.log_riskratio_se,
                                                                   rel=1e-12)
        assert row["relative_risk_ci_low"] == pytest.approx(low, rel=1e-9)
        assert row["relative_risk_ci_high"] == pytest.approx(high, rel=1e-9)
        assert row["relative_risk_p_value"] == pytest.approx(reference.riskratio_pvalue(),
                                                             rel=1e-9)
        assert row["relative_risk_corrected"] == bool((cells == 0).any())
    assert table.iloc[2]["relative_risk_corrected"]
    assert table.iloc[0]["relative_risk_ci_low"] > 1  # the planted driver


@pytest.mark.parametrize("l2_penalty,weighted", [(1.0, False), (0.25, False), (2.0, True)])
def test_key_driver_model_matches_sklearn(l2_penalty, weighted):
    scores, mentions, weights, _, _ = make_sample(n=3000, themes=6, seed=7)
    w = weights if weighted else None
    result = candor.theme_drivers(scores, mentions, weights=w, l2_penalty=l2_penalty)
    y = (scores <= 6).astype(int)
    model = sklearn_linear.LogisticRegression(penalty="l2", C=1.0 / l2_penalty,
                                              fit_intercept=True, solver="newton-cholesky",
                                              tol=1e-12, max_iter=1000)
    model.fit(mentions.astype(float), y, sample_weight=w)
    assert result.model.converged
    np.testing.assert_allclose(result.table["coefficient"], model.coef_[0], atol=1e-6)
    assert result.model.intercept == pytest.approx(model.intercept_[0], abs=1e-6)
    np.testing.assert_allclose(result.table["odds_ratio"], np.exp(model.coef_[0]), rtol=1e-6)
    # Model-based SE: the inverse penalized information at the optimum.
    x = np.column_stack([np.ones(len(y)), mentions])
    p = model.predict_proba(mentions.astype(float))[:, 1]
    sw = np.ones(len(y)) if w is None else w
    information = x.T @ (x * (sw * p * (1 - p))[:, None])
    information[1:, 1:] += l2_penalty * np.eye(mentions.shape[1])
    se = np.sqrt(np.diag(np.linalg.inv(information)))
    np.testing.assert_allclose(result.table["coefficient_std_error"], se[1:], rtol=1e-5)
    importance = np.abs(model.coef_[0]) * np.sqrt(
        np.average(mentions, axis=0, weights=sw) * (1 - np.average(mentions, axis=0, weights=sw)))
    np.testing.assert_allclose(result.table["importance"], importance / importance.sum(),
                               atol=1e-6)
    assert result.table["coefficient"].iloc[0] > 0 > result.table["coefficient"].iloc[1]


def test_trending_matches_proportions_ztest_and_bh():
    scores, mentions, _, periods, _ = make_sample(n=2400, themes=5, seed=9)
    # Theme 3 becomes more frequent in period 1.
    rng = np.random.default_rng(10)
    mentions[(periods == 1) & (rng.random(len(scores)) < 0.15), 3] = 1
    labels = np.where(periods == 1, "2026-02", "2026-01")
    result = candor.theme_drivers(scores, mentions, periods=labels)
    assert result.periods == ("2026-01", "2026-02")
    trending = result.trending
    p_values = []
    for j in range(mentions.shape[1]):
        counts = [mentions[periods == 1, j].sum(), mentions[periods == 0, j].sum()]
        nobs = [(periods == 1).sum(), (periods == 0).sum()]
        z, p = sm_proportion.proportions_ztest(counts, nobs)
        row = trending.iloc[j]
        assert row["z"] == pytest.approx(z, rel=1e-10)
        assert row["p_value"] == pytest.approx(p, rel=1e-9, abs=1e-300)
        assert row["difference"] == pytest.approx(
            100 * (counts[0] / nobs[0] - counts[1] / nobs[1]), abs=1e-10)
        p_values.append(p)
    _, adjusted, _, _ = sm_multitest.multipletests(p_values, method="fdr_bh")
    np.testing.assert_allclose(trending["p_adjusted"], adjusted, rtol=1e-9)
    assert list(trending["trending"]) == list(adjusted <= 0.05)
    assert trending.iloc[3]["trending"]
    # The metric among mentioning comments, later - earlier.
    v = nps_values(scores)
    m = mentions[:, 0] == 1
    change = 100 * (v[m & (periods == 1)].mean() - v[m & (periods == 0)].mean())
    assert trending.iloc[0]["score_change"] == pytest.approx(change, abs=1e-10)


def test_mention_forms_agree_and_edge_themes():
    scores, mentions, _, _, _ = make_sample(n=300, themes=3, seed=11)
    mentions[:, 2] = 0                     # mentioned by none
    lists = [list(np.flatnonzero(row)) + list(np.flatnonzero(row)) for row in mentions]
    dense = candor.theme_drivers(scores, mentions).table
    listed = candor.theme_drivers(scores, lists, theme_names=["a", "b", "c"]).table
    np.testing.assert_array_equal(dense["impact_std_error"], listed["impact_std_error"])
    np.testing.assert_array_equal(dense["coefficient"], listed["coefficient"])
    sparse = pytest.importorskip("scipy.sparse")
    from_sparse = candor.theme_drivers(scores, sparse.csr_matrix(mentions)).table
    np.testing.assert_array_equal(dense["impact"], from_sparse["impact"])
    none = dense.iloc[2]
    assert none["status"] == "no_mentions" and none["impact"] == 0 and not none["in_model"]
    everyone = np.ones((300, 1), dtype=int)
    alone = candor.theme_drivers(scores, np.column_stack([everyone, mentions[:, :1]])).table
    assert alone.iloc[0]["status"] == "all_mention"
    assert np.isnan(alone.iloc[0]["impact"]) and np.isnan(alone.iloc[0]["relative_risk"])


def test_bad_input_raises_clear_errors():
    scores, mentions, weights, periods, _ = make_sample(n=100, themes=2, seed=13)

    def status(**kwargs):
        args = dict(scores=scores, mentions=mentions)
        args.update(kwargs)
        with pytest.raises(candor.Error) as error:
            candor.theme_drivers(**args)
        return error.value.status

    assert status(scores=scores[:-1]) == "CANDOR_LENGTH_MISMATCH"
    assert status(mentions=[[0]] * 99 + [[5]], theme_names=["a", "b"]) == "CANDOR_OUT_OF_RANGE"
    bad = scores.copy()
    bad[3] = 12
    assert status(scores=bad) == "CANDOR_OUT_OF_RANGE"
    nan_weights = weights.copy()
    nan_weights[0] = np.nan
    assert status(weights=nan_weights) == "CANDOR_OUT_OF_RANGE"
    assert status(periods=np.zeros(100)) == "CANDOR_INVALID_ARGUMENT"
    assert status(periods=periods[:50]) == "CANDOR_LENGTH_MISMATCH"
    assert status(metric="mean", scale=(0, 10)) == "CANDOR_UNSUPPORTED"
    assert status(mentions=mentions * 2) == "CANDOR_INVALID_ARGUMENT"
    assert status(l2_penalty=-1) == "CANDOR_INVALID_ARGUMENT"
    assert status(theme_names=["only one"]) == "CANDOR_LENGTH_MISMATCH"
