"""candor.recovery against independent computations: Rocks' adjusted Wald NPS
difference written out in numpy, statsmodels' two-sample z interval for means
(unequal variances, plug-in), and the followed-up-weighted standardization
over strata recomputed with pandas; the caveat on every output; errors."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.weightstats import DescrStatsW, _zconfint_generic

import candor

Z95 = stats.norm.ppf(0.975)


def rocks_nps(x):
    """Adjusted NPS (0.75 det, 1.5 pas, 0.75 pro added) and its variance, in %."""
    x = np.asarray(x)
    n = len(x) + 3.0
    p = (np.sum(x >= 9) + 0.75) / n
    d = (np.sum(x <= 6) + 0.75) / n
    return 100 * (p - d), 100 ** 2 * (p + d - (p - d) ** 2) / n


def mean_and_var(x):
    x = np.asarray(x, dtype=float)
    return x.mean(), x.var() / len(x)  # plug-in variance, ddof = 0


def sample(seed, n=600):
    rng = np.random.default_rng(seed)
    first = rng.integers(0, 7, n)
    segment = rng.choice(["smb", "mid", "ent"], n)
    followed = rng.random(n) < 0.3 + 0.05 * first
    rescore = np.clip(first + rng.integers(-2, 5, n) + followed * 1, 0, 10)
    return pd.DataFrame({"first": first, "segment": segment, "followed_up": followed,
                         "rescore": rescore.astype(float)})


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_overall_nps_matches_rocks_in_numpy(seed):
    df = sample(seed)
    r = candor.recovery(df)
    a, va = rocks_nps(df.rescore[df.followed_up])
    b, vb = rocks_nps(df.rescore[~df.followed_up])
    se = np.sqrt(va + vb)
    assert r.overall.difference == pytest.approx(a - b, abs=1e-9)
    assert r.overall.std_error == pytest.approx(se, rel=1e-12)
    assert r.overall.ci_low == pytest.approx(a - b - Z95 * se, rel=1e-9)
    assert r.overall.ci_high == pytest.approx(a - b + Z95 * se, rel=1e-9)
    assert "not randomized" in r.caveat and "not randomized" in repr(r)


def test_overall_mean_matches_statsmodels():
    df = sample(4)
    r = candor.recovery(df, metric="mean")
    x1, x0 = df.rescore[df.followed_up].to_numpy(), df.rescore[~df.followed_up].to_numpy()
    # The z interval with separate plug-in variances (statsmodels' DescrStatsW.var,
    # ddof = 0, as candor's Wald for means: score.hpp); CompareMeans.zconfint_diff
    # would use ddof = 1.
    d1, d0 = DescrStatsW(x1), DescrStatsW(x0)
    se = np.sqrt(d1.var / d1.nobs + d0.var / d0.nobs)
    low, high = _zconfint_generic(d1.mean - d0.mean, se, 0.05, "two-sided")
    assert r.overall.difference == pytest.approx(x1.mean() - x0.mean(), abs=1e-12)
    assert r.overall.ci_low == pytest.approx(low, rel=1e-9)
    assert r.overall.ci_high == pytest.approx(high, rel=1e-9)


@pytest.mark.parametrize("metric", ["nps", "mean"])
def test_within_strata_is_the_followed_up_weighted_sum(metric):
    df = sample(5)
    df.loc[(df["first"] == 0) & (df.segment == "ent"), "followed_up"] = True  # one group only
    r = candor.recovery(df, strata=["first", "segment"], metric=metric)
    est = rocks_nps if metric == "nps" else mean_and_var
    d, v, w, dropped_rows, dropped = [], [], [], 0, 0
    for _, g in df.groupby(["first", "segment"]):
        f, o = g.rescore[g.followed_up], g.rescore[~g.followed_up]
        if len(f) == 0 or len(o) == 0:
            dropped += 1
            dropped_rows += len(g)
            continue
        (a, va), (b, vb) = est(f), est(o)
        d.append(a - b)
        v.append(va + vb)
        w.append(len(f))
    w = np.array(w) / np.sum(w)
    diff = np.sum(w * np.array(d))
    se = np.sqrt(np.sum(w ** 2 * np.array(v)))
    assert r.stratified_difference == pytest.approx(diff, abs=1e-9)
    assert r.stratified_std_error == pytest.approx(se, rel=1e-9)
    assert r.stratified_ci_low == pytest.approx(diff - Z95 * se, rel=1e-9, abs=1e-9)
    assert r.strata_dropped == dropped >= 1
    assert r.rows_dropped == dropped_rows
    assert r.strata_compared == len(d)
    assert r.stratified_p_value == pytest.approx(2 * stats.norm.sf(abs(diff / se)), rel=1e-6)
    frame = r.frame()
    assert list(frame.comparison) == ["overall", "within_strata"]
    assert frame.caveat.str.contains("not randomized").all()
    assert frame.attrs["caveat"] == r.caveat
    assert r.strata.weight.sum() == pytest.approx(1)
    assert set(r.strata.columns[:2]) == {"first", "segment"}


def test_interval_never_zero_width_for_nps():
    # Every followed-up detractor came back a promoter, every other one a detractor.
    r = candor.recovery(rescore=[10, 10, 9, 0, 1], followed_up=[1, 1, 1, 0, 0])
    assert r.overall.ci_high > r.overall.ci_low


def test_errors_name_what_is_wrong():
    with pytest.raises(candor.Error, match=r"rescores\[1\]"):
        candor.recovery(rescore=[3, 11, 4], followed_up=[1, 0, 0])
    with pytest.raises(candor.Error, match="followed_up = 0"):
        candor.recovery(rescore=[3, 5, 4], followed_up=[1, 1, 1])
    with pytest.raises(candor.Error, match="no stratum"):
        candor.recovery(rescore=[3, 5, 4], followed_up=[1, 0, 0], strata=["a", "b", "b"])
    with pytest.raises(candor.Error, match="no column 'nope'"):
        candor.recovery(sample(1), strata="nope")
    with pytest.raises(candor.Error, match="followed_up at index 0"):
        candor.recovery(rescore=[3, 5], followed_up=[2, 0])
