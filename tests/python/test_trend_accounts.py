"""candor.account_trends against statsmodels (WLS/OLS with HC1 and HC3
sandwich errors, multipletests fdr_bh) and scipy closed forms, plus labels,
datetimes, ranking and bad input."""
import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import optimize, stats
from statsmodels.stats.multitest import multipletests

import candor

UNIT = 30 * 86400.0


def _simulate(rng, accounts=12, weighted=False):
    n_per = rng.integers(15, 70, accounts)
    acc = np.repeat(np.array(["acct-%02d" % a for a in range(accounts)], dtype=object), n_per)
    n = len(acc)
    times = 1_700_000_000 + rng.integers(0, 400 * 86400, n)
    frac = (times - times.min()) / (400 * 86400)
    declining = np.isin(acc, ["acct-01", "acct-05"])
    pro = 0.55 - np.where(declining, 0.45 * frac, 0)
    det = 0.15 + np.where(declining, 0.45 * frac, 0)
    u = rng.random(n)
    scores = np.where(u < pro, 10, np.where(u < pro + det, 2, 7)).astype(float)
    weights = rng.uniform(0.5, 2.5, n) if weighted else None
    return scores, times, acc, weights


def _nps_values(scores):
    return np.where(scores >= 9, 100.0, np.where(scores <= 6, -100.0, 0.0))


def _t_critical(df, level=0.95):
    """Student's t quantile as the root of 2 * t.sf(q, df) = 1 - level."""
    return optimize.brentq(lambda q: 2 * stats.t.sf(q, df) - (1 - level), 0.5, 50,
                           xtol=1e-15, rtol=4 * np.finfo(float).eps)


def _wald(s, w):
    n = len(s)
    if w is None:
        m = s.mean()
        return m, np.sqrt((np.mean(s * s) - m * m) / n)
    m = np.sum(w * s) / np.sum(w)
    e = w * (s - m) / np.sum(w)
    return m, np.sqrt(n / (n - 1) * np.sum(e * e))


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("covariance", ["hc1", "hc3"])
def test_matches_statsmodels_and_closed_forms(rng, weighted, covariance):
    scores, times, acc, weights = _simulate(rng, weighted=weighted)
    frame = candor.account_trends(scores, times, acc, weights=weights, covariance=covariance)
    assert len(frame) == 12
    assert set(frame["status"]) == {"ok"}
    s = _nps_values(scores)
    split = np.sort(times)[len(times) // 2]
    assert frame.attrs["split_time"] == split
    expected_p, expected_change_p = [], []
    for _, row in frame.iterrows():
        k = acc == row["account"]
        w = None if weights is None else weights[k]
        x = sm.add_constant((times[k] - times[k].min()) / UNIT)
        model = sm.OLS(s[k], x) if w is None else sm.WLS(s[k], x, weights=w)
        fit = model.fit(cov_type=covariance.upper(), use_t=True)
        assert row["slope"] == pytest.approx(fit.params[1], rel=1e-10, abs=1e-10)
        assert row["slope_std_error"] == pytest.approx(fit.bse[1], rel=1e-10)
        assert row["slope_p_value"] == pytest.approx(fit.pvalues[1], rel=1e-8, abs=1e-14)
        # statsmodels' conf_int uses scipy's t.ppf, off by ~1.5e-9 in scipy 1.10
        # (R's qt agrees with the root of the tail below): 1e-8 SEs against it,
        # 1e-12 against the root.
        q = _t_critical(fit.df_resid)
        low, high = fit.conf_int(0.05)[1]
        assert row["slope_ci_low"] == pytest.approx(low, abs=1e-8 * fit.bse[1])
        assert row["slope_ci_high"] == pytest.approx(high, abs=1e-8 * fit.bse[1])
        assert row["slope_ci_low"] == pytest.approx(fit.params[1] - q * fit.bse[1], abs=1e-10)
        assert row["slope_ci_high"] == pytest.approx(fit.params[1] + q * fit.bse[1], abs=1e-10)
        assert row["slope_df"] == fit.df_resid
        value, se = _wald(s[k], w)
        assert row["value"] == pytest.approx(value, abs=1e-10)
        assert row["std_error"] == pytest.approx(se, rel=1e-10)
        recent, earlier = k & (times >= split), k & (times < split)
        mr, ser = _wald(s[recent], None if w is None else weights[recent])
        me, see = _wald(s[earlier], None if w is None else weights[earlier])
        z = (mr - me) / np.hypot(ser, see)
        assert row["change"] == pytest.approx(mr - me, abs=1e-10)
        assert row["change_p_value"] == pytest.approx(2 * stats.norm.sf(abs(z)), rel=1e-8)
        assert row["n_recent"] == recent.sum() and row["n_earlier"] == earlier.sum()
        expected_p.append(fit.pvalues[1])
        expected_change_p.append(2 * stats.norm.sf(abs(z)))
    adjusted = multipletests(expected_p, method="fdr_bh")[1]
    np.testing.assert_allclose(frame["slope_p_adjusted"], adjusted, rtol=1e-8)
    change_adjusted = multipletests(expected_change_p, method="fdr_bh")[1]
    np.testing.assert_allclose(frame["change_p_adjusted"], change_adjusted, rtol=1e-8)
    declining = (frame["slope"] < 0) & (frame["slope_p_adjusted"] <= 0.05)
    assert list(frame["declining"]) == list(declining)


def test_ranking_declining_first_with_labels(rng):
    scores, times, acc, _ = _simulate(rng, accounts=20)
    frame = candor.account_trends(scores, times, acc)
    flagged = frame["declining"].to_numpy()
    assert flagged.sum() == frame.attrs["declining"] >= 1
    assert not np.any(flagged[1:] & ~flagged[:-1])  # all flagged rows come first
    top = frame[frame["declining"]]
    assert list(top["slope_p_adjusted"]) == sorted(top["slope_p_adjusted"])
    rest = frame[~frame["declining"]]
    t = (rest["slope"] / rest["slope_std_error"]).to_numpy()
    assert np.all(np.diff(t) >= 0)
    assert frame["account"].iloc[0] in ("acct-01", "acct-05")
    assert set(frame["account"]) == set(acc)


def test_datetimes_equal_unix_seconds(rng):
    scores, times, acc, _ = _simulate(rng)
    a = candor.account_trends(scores, times, acc)
    b = candor.account_trends(scores, pd.to_datetime(times, unit="s"), pd.Series(acc))
    pd.testing.assert_frame_equal(a, b)
    c = candor.account_trends(scores, times, acc, split="time",
                              split_time=np.datetime64(int(times.min()) + 86400 * 200, "s"))
    assert c.attrs["split_time"] == int(times.min()) + 86400 * 200


def test_options_change_results(rng):
    scores, times, acc, _ = _simulate(rng)
    base = candor.account_trends(scores, times, acc).set_index("account")
    per_year = candor.account_trends(scores, times, acc, slope_unit_days=360).set_index("account")
    np.testing.assert_allclose(per_year["slope"], 12 * base.loc[per_year.index, "slope"],
                               rtol=1e-9)
    last = candor.account_trends(scores, times, acc, split="last_days", recent_days=30)
    assert last.attrs["split_time"] == times.max() - 30 * 86400
    holm = candor.account_trends(scores, times, acc, p_adjust="holm").set_index("account")
    p = base["slope_p_value"]
    np.testing.assert_allclose(holm.loc[p.index, "slope_p_adjusted"],
                               multipletests(p, method="holm")[1], rtol=1e-9)


def test_undefined_and_small_accounts_are_reported():
    scores = np.array([10, 3, 7, 9, 10, 2] * 4, dtype=float)
    times = np.array([1000] * 24)
    acc = ["same-time"] * 24
    scores = np.concatenate([scores, [9, 9, 3]])
    times = np.concatenate([times, [0, 86400, 2 * 86400]])
    acc = acc + ["tiny"] * 3
    frame = candor.account_trends(scores, times, acc).set_index("account")
    assert frame.loc["same-time", "status"] == "slope_undefined"
    assert np.isnan(frame.loc["same-time", "slope"])
    assert frame.loc["same-time", "n"] == 24
    assert frame.loc["tiny", "status"] == "too_few_responses"
    assert frame.loc["tiny", "value"] == pytest.approx(100 / 3)
    assert not frame["declining"].any()


def test_bad_input(rng):
    scores, times, acc, _ = _simulate(rng)
    with pytest.raises(candor.Error) as e:
        candor.account_trends(scores[:-1], times, acc)
    assert e.value.status == "CANDOR_LENGTH_MISMATCH"
    with pytest.raises(candor.Error) as e:
        candor.account_trends(scores, times[:-2], acc)
    assert e.value.status == "CANDOR_LENGTH_MISMATCH"
    bad = scores.copy()
    bad[5] = np.nan
    with pytest.raises(candor.Error) as e:
        candor.account_trends(bad, times, acc)
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and "scores[5]" in str(e.value)
    missing = acc.copy()
    missing[3] = None
    with pytest.raises(candor.Error, match="index 3"):
        candor.account_trends(scores, times, missing)
    with pytest.raises(candor.Error) as e:
        candor.account_trends([], np.array([], dtype=np.int64), [])
    assert e.value.status == "CANDOR_EMPTY"
    for kwargs in ({"min_responses": 2}, {"alpha": 0}, {"slope_unit_days": -1},
                   {"covariance": "hc9"}, {"split": "weekly"}, {"split": "time"},
                   {"split": "last_days", "recent_days": 0}, {"p_adjust": "bonferroni"}):
        with pytest.raises(candor.Error) as e:
            candor.account_trends(scores, times, acc, **kwargs)
        assert e.value.status == "CANDOR_INVALID_ARGUMENT", kwargs
    with pytest.raises(candor.Error):
        candor.account_trends(scores, times.astype(float) + 0.5, acc)
