"""candor.health against an independent computation of the same scorecard in
numpy / pandas / scipy (linear clamps, tiers by np.select, mid-rank
percentiles by scipy.stats.rankdata within segments, z-scores by groupby,
weighted means over the present measures), on the wa_churn customers and on
random tables with missing values; the Scorecard constructors; errors."""

import json
import pathlib

import numpy as np
import pandas as pd
import pytest
import scipy.stats

import candor

ROOT = pathlib.Path(__file__).resolve().parents[2]
WA_CHURN = ROOT / "tests" / "data" / "wa_churn" / "wa_churn.csv"


@pytest.fixture(scope="module")
def accounts():
    df = pd.read_csv(WA_CHURN)
    return pd.DataFrame({
        "tenure": df.tenure.astype(float),
        "contract": df.contract.map({"Month-to-month": 0, "One year": 1, "Two year": 2}),
        "tech_support": df.tech_support.map({"Yes": "yes", "No": "no"}),  # else missing
        "monthly_charges": df.monthly_charges,
        "senior": df.senior_citizen.astype(bool),
        "internet": df.internet_service,
        "churned": (df.churn == "Yes").astype(int),
    })


CARD = {
    "groups": [{"name": "commitment", "weight": 2}, {"name": "service", "weight": 1}],
    "measures": [
        {"name": "tenure", "label": "Tenure", "group": "commitment", "transform": "linear",
         "zero_at": 0, "full_at": 36},
        {"name": "contract", "group": "commitment", "weight": 2, "transform": "tiers",
         "tiers": [{"high": 1, "points": 0, "label": "monthly"},
                   {"low": 1, "high": 2, "points": 60},
                   {"low": 2, "high_inclusive": True, "high": 2, "points": 100}]},
        {"name": "tech_support", "group": "service", "transform": "boolean",
         "true_points": 90, "false_points": 10},
        {"name": "monthly_charges", "group": "service", "transform": "percentile",
         "higher_is_better": False},
        {"name": "senior", "group": "service", "weight": 0.5, "transform": "z_score",
         "higher_is_better": False, "z_span": 3},
    ],
}


def independent_points(df, segment=None):
    """Each measure of CARD as points, computed without candor."""
    seg = np.zeros(len(df), dtype=int) if segment is None else pd.factorize(segment)[0]
    p = pd.DataFrame(index=df.index)
    p["tenure"] = np.clip(100 * df.tenure / 36, 0, 100)
    c = df.contract.astype(float)
    p["contract"] = np.select([c < 1, (c >= 1) & (c < 2), c == 2], [0.0, 60.0, 100.0], np.nan)
    p.loc[c.isna(), "contract"] = np.nan
    ts = df.tech_support.map({"yes": 1.0, "no": 0.0})
    p["tech_support"] = np.where(ts.isna(), np.nan, np.where(ts == 1, 90.0, 10.0))
    pct = np.full(len(df), np.nan)
    z = np.full(len(df), np.nan)
    senior = df.senior.astype(float).to_numpy()
    charges = df.monthly_charges.to_numpy()
    for s in np.unique(seg):
        rows = np.flatnonzero((seg == s) & ~np.isnan(charges))
        ranks = scipy.stats.rankdata(charges[rows])  # mid-ranks, 1-based
        pct[rows] = 100 - 100 * (ranks - 0.5) / len(rows)
        rows = np.flatnonzero((seg == s) & ~np.isnan(senior))
        sd = senior[rows].std(ddof=1) if len(rows) > 1 else 0
        if sd > 0:
            z[rows] = np.clip(50 - 50 * (senior[rows] - senior[rows].mean()) / sd / 3, 0, 100)
        else:
            z[rows] = 50
    p["monthly_charges"] = pct
    p["senior"] = z
    return p


def independent_scores(points):
    """Renormalized weighted means (groups 2 : 1) and coverage."""
    groups = {"commitment": (2, {"tenure": 1, "contract": 2}),
              "service": (1, {"tech_support": 1, "monthly_charges": 1, "senior": 0.5})}
    total = sum(gw for gw, _ in groups.values())
    num = np.zeros(len(points))
    den = np.zeros(len(points))
    coverage = np.zeros(len(points))
    for gw, measures in groups.values():
        w = pd.Series(measures)
        present = points[w.index].notna()
        pw = present.mul(w, axis=1).sum(axis=1)
        gscore = points[w.index].fillna(0).mul(w, axis=1).sum(axis=1) / pw.replace(0, np.nan)
        has = pw > 0
        num += np.where(has, gw * gscore, 0)
        den += np.where(has, gw, 0)
        coverage += gw * pw / w.sum() / total
    return num / np.where(den > 0, den, np.nan), coverage


def test_health_matches_an_independent_computation(accounts):
    df = candor.health(accounts, CARD)
    points = independent_points(accounts)
    for m in points:
        np.testing.assert_allclose(df["points:" + m], points[m], rtol=1e-12, atol=1e-12,
                                   equal_nan=True, err_msg=m)
    score, coverage = independent_scores(points)
    np.testing.assert_allclose(df.score, score, rtol=1e-12, atol=1e-10)
    np.testing.assert_allclose(df.coverage, coverage, rtol=1e-12, atol=1e-12)
    # Grades by the default bounds, and the explanation adds up.
    expected = np.select([score >= 70, score >= 40, score >= 0], ["healthy", "at risk", "critical"])
    assert (df.grade.to_numpy() == expected).all()
    contributions = df.filter(like="contribution:").drop(columns=df.filter(like="max_").columns)
    np.testing.assert_allclose(contributions.sum(axis=1), df.score, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(df.filter(like="max_contribution:").sum(axis=1), 100, rtol=1e-12)
    assert (df.coverage < 1).sum() == (accounts.tech_support.isna()).sum()


def test_segments_scope_percentiles_and_z_scores(accounts):
    df = candor.health(accounts, CARD, segment="internet")
    points = independent_points(accounts, accounts.internet)
    for m in ("monthly_charges", "senior"):
        np.testing.assert_allclose(df["points:" + m], points[m], rtol=1e-12, atol=1e-12,
                                   equal_nan=True, err_msg=m)
    # The same labels as an array give the same frame.
    again = candor.health(accounts, CARD, segment=accounts.internet.to_numpy())
    pd.testing.assert_frame_equal(df, again)


def test_reasons_name_the_largest_losses(accounts):
    df = candor.health(accounts.head(50), CARD)
    lost = {m: df["max_contribution:" + m] - df["contribution:" + m] for m in
            [x["name"] for x in CARD["measures"]]}
    lost = pd.DataFrame(lost)
    for i in range(50):
        worst = lost.iloc[i].sort_values(ascending=False, kind="stable")
        worst = worst[worst > 0.5].head(3)
        reasons = df.reasons.iloc[i].split("; ") if df.reasons.iloc[i] else []
        assert len(reasons) == len(worst)
        for reason, (measure, points) in zip(reasons, worst.items()):
            label = next(x.get("label", x["name"]) for x in CARD["measures"]
                         if x["name"] == measure)
            assert reason.startswith(label), (reason, label)
            assert reason.endswith("-%.1f points" % points) or "no data" in reason


def test_worst_of_and_zero_policy_and_profiles():
    table = {"a": [10.0, np.nan, 90.0], "b": [50.0, 50.0, np.nan]}
    card = {"groups": [{"name": "g1"}, {"name": "g2"}],
            "measures": [{"name": "a", "group": "g1"}, {"name": "b", "group": "g2"}]}
    df = candor.health(table, card)
    np.testing.assert_allclose(df.score, [30, 50, 90])
    df = candor.health(table, dict(card, combine="worst_of"))
    np.testing.assert_allclose(df.score, [10, 50, 90])
    df = candor.health(table, dict(card, missing="zero"))
    np.testing.assert_allclose(df.score, [30, 25, 45])
    np.testing.assert_allclose(df.coverage, [1, 0.5, 0.5])
    assert df.reasons[1].startswith("a: no data (-50.0 points)")
    profiled = dict(card, profiles=[{"segment": "trial", "group_weights": {"g2": 0}}])
    df = candor.health(table, profiled, segment=["trial", "paid", "paid"])
    np.testing.assert_allclose(df.score, [10, 50, 90])


def test_scorecard_constructors_agree(tmp_path):
    path = tmp_path / "card.json"
    path.write_text(json.dumps(CARD))
    cards = [candor.Scorecard.load(path), candor.Scorecard.from_json(json.dumps(CARD)),
             candor.Scorecard.from_dict(CARD)]
    for card in cards:
        assert card.measures == [m["name"] for m in CARD["measures"]]
        assert card.grades == ["healthy", "at risk", "critical"]
    table = {m: np.arange(5.0) for m in cards[0].measures}
    frames = [candor.health(table, c) for c in cards + [str(path), CARD, json.dumps(CARD)]]
    for frame in frames[1:]:
        pd.testing.assert_frame_equal(frame, frames[0])


def test_errors_name_the_problem():
    with pytest.raises(candor.Error, match=r"measures\[0\].wieght|wieght"):
        candor.Scorecard.from_dict({"measures": [{"name": "a", "wieght": 2}]})
    with pytest.raises(candor.Error, match="zero_at == full_at"):
        candor.Scorecard.from_dict({"measures": [{"name": "a", "zero_at": 5, "full_at": 5}]})
    with pytest.raises(candor.Error, match="grades"):
        candor.Scorecard.from_dict({"measures": [{"name": "a"}],
                                    "grades": [{"name": "x", "min_score": 10},
                                               {"name": "y", "min_score": 20}]})
    card = candor.Scorecard.from_dict({"measures": [{"name": "a"}, {"name": "b"}]})
    with pytest.raises(candor.Error, match="'b' is not a column"):
        candor.health({"a": [1.0]}, card)
    with pytest.raises(candor.Error, match="not a number"):
        candor.health({"a": ["x"], "b": [1.0]}, card)
    with pytest.raises(candor.Error, match="differ in length"):
        candor.health({"a": [1.0, 2.0], "b": [1.0]}, card)
    with pytest.raises(candor.Error, match="no accounts"):
        candor.health({"a": [], "b": []}, card)
    with pytest.raises(candor.Error, match="scorecard must be"):
        candor.health({"a": [1.0]}, 42)


def independent_survey_measure(df):
    """The empirical-Bayes survey measure (health_survey.hpp) by pandas:
    y per response, then per segment the pooled within variance, the ANOVA
    between variance, the precision-weighted mean and each account's
    shrunk value and standard error."""
    y = np.select([df.score >= 9, df.score <= 6], [100.0, -100.0], 0.0)
    df = df.assign(y=y)
    out = []
    for _, seg in df.groupby("segment"):
        acc = seg.groupby("account").y.agg(["count", "mean"])
        acc["ss"] = seg.groupby("account").y.apply(lambda v: ((v - v.mean()) ** 2).sum())
        n_total, k = acc["count"].sum(), len(acc)
        sigma2 = acc.ss.sum() / (n_total - k)
        ybar = seg.y.mean()
        ssb = (acc["count"] * (acc["mean"] - ybar) ** 2).sum()
        tau2 = max(0.0, (ssb - (k - 1) * sigma2) / (n_total - (acc["count"] ** 2).sum() / n_total))
        w = 1 / (tau2 + sigma2 / acc["count"])
        mu = (w * acc["mean"]).sum() / w.sum()
        b = tau2 / (tau2 + sigma2 / acc["count"])
        acc["value"] = mu + b * (acc["mean"] - mu)
        acc["std_error"] = np.sqrt(b * sigma2 / acc["count"] + (1 - b) ** 2 / w.sum())
        acc["shrinkage"] = b
        out.append(acc)
    return pd.concat(out)


def test_survey_measure_matches_pandas():
    rng = np.random.default_rng(5)
    rows = []
    for a in range(80):
        bias = rng.normal(0, 2)
        for _ in range(rng.integers(1, 16)):
            score = int(np.clip(np.round(rng.normal(7.5 + bias, 2)), 0, 10))
            rows.append(("acct%02d" % a, score, "smb" if a % 3 else "enterprise",
                         int(rng.integers(0, 1000))))
    df = pd.DataFrame(rows, columns=["account", "score", "segment", "time"])
    got = candor.survey_measure(df.score, df.account, segment=df.segment)
    expected = independent_survey_measure(df).loc[got.index]
    for column in ("value", "std_error", "shrinkage"):
        np.testing.assert_allclose(got[column], expected[column], rtol=1e-10, err_msg=column)
    np.testing.assert_allclose(got.raw, expected["mean"], rtol=1e-12)
    assert (got.responses == expected["count"]).all()
    assert ((got.shrinkage > 0) & (got.shrinkage < 1)).all()
    # A window: the responses with 200 <= time < 700 only, recomputed.
    window = candor.survey_measure(df.score, df.account, df.time, start=200, end=700,
                                   segment=df.segment)
    inside = df[(df.time >= 200) & (df.time < 700)]
    expected = independent_survey_measure(inside)
    present = window.responses > 0
    np.testing.assert_allclose(window.value[present], expected.loc[window.index[present], "value"],
                               rtol=1e-10)
    assert window.value[~present].isna().all()
    # Without shrinkage: each account's own NPS.
    raw = candor.survey_measure(df.score, df.account, shrink=False)
    np.testing.assert_allclose(raw.value, raw.raw)


def test_survey_measure_feeds_a_scorecard():
    responses = pd.DataFrame({"account": ["a", "a", "b", "c", "c", "c"],
                              "score": [10, 9, 0, 7, 8, 10]})
    nps = candor.survey_measure(responses.score, responses.account)
    table = pd.DataFrame({"nps": nps.value, "seats": [10.0, 50.0, np.nan]}, index=nps.index)
    card = {"measures": [{"name": "nps", "zero_at": -100, "full_at": 100},
                         {"name": "seats", "zero_at": 0, "full_at": 100}]}
    df = candor.health(table, card)
    np.testing.assert_allclose(df["points:nps"], (nps.value + 100) / 2)
    assert list(df.index) == ["a", "b", "c"]
    with pytest.raises(candor.Error, match="two segments"):
        candor.survey_measure([1, 2], ["a", "a"], segment=["x", "y"])
    with pytest.raises(candor.Error, match=r"scores\[1\]"):
        candor.survey_measure([1, 11], ["a", "b"])


# ---------------------------------------------------------------- as of a cut-off

HISTORY_CARD = {
    "measures": [
        {"name": "u", "transform": "linear", "zero_at": 0, "full_at": 100, "weight": 2},
        {"name": "v", "transform": "linear", "zero_at": 10, "full_at": 0},
        {"name": "w", "transform": "tiers",
         "tiers": [{"high": 5, "points": 20}, {"low": 5, "points": 90}]},
    ],
}
DAY = 86400


def random_history(seed=7, accounts=40, rows=400):
    """A long dated history: a row per account and time, measures missing at
    random (NaN: not recorded in that row); u carries a standard error."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2026-01-01T00:00:00")
    df = pd.DataFrame({
        "id": rng.choice(["acct-%02d" % i for i in range(accounts)], rows),
        "when": start + (rng.integers(0, 300, rows) * DAY).astype("timedelta64[s]"),
        "u": rng.uniform(-20, 120, rows),
        "u_se": rng.uniform(0.5, 8, rows),
        "v": rng.uniform(-2, 12, rows),
        "w": rng.integers(0, 10, rows).astype(float),
    })
    for column in ("u", "v", "w"):
        df.loc[rng.random(rows) < 0.35, column] = np.nan
    df.loc[df.u.isna(), "u_se"] = np.nan
    return df


def pandas_snapshot(df, as_of, columns=("u", "v", "w")):
    """Each account's latest non-null value per column in rows before as_of
    (ties in time: the later row), and the row it came from."""
    before = df[df.when < np.datetime64(as_of)].assign(row=np.arange(len(df))[
        (df.when < np.datetime64(as_of)).to_numpy()])
    before = before.sort_values("when", kind="stable")
    out = pd.DataFrame(index=pd.Index(sorted(df.id.unique()), name="id"))
    for c in columns:
        have = before[before[c].notna()]
        last = have.groupby("id").tail(1).set_index("id")
        out[c] = last[c]
        out[c + "_row"] = last["row"]
        if c == "u":
            out["u_se"] = last["u_se"]
    return out


def numpy_score(u, v, w):
    """HISTORY_CARD by hand (renormalized weighted mean), one account."""
    points = np.array([np.clip(u, 0, 100), np.clip((10 - v) * 10, 0, 100),
                       np.nan if np.isnan(w) else (20.0 if w < 5 else 90.0)])
    points[np.isnan([u, v, w])] = np.nan
    weights = np.array([2.0, 1.0, 1.0])
    present = ~np.isnan(points)
    if not present.any():
        return np.nan
    return float(np.sum(weights[present] * points[present]) / weights[present].sum())


def test_health_as_of_equals_the_pandas_snapshot():
    df = random_history()
    as_of = "2026-07-01"
    df.loc[:2, "when"] = np.datetime64(as_of)  # rows at the cut-off itself are not read
    df.loc[:2, ["u", "v", "w"]] = [[90.0, 1.0, 8.0]] * 3
    got = candor.health(df, HISTORY_CARD, as_of=as_of, time="when", account="id")
    snap = pandas_snapshot(df, as_of)
    assert list(got.index) == list(snap.index)
    assert got.index.name == "id"
    expected = candor.health(snap[["u", "v", "w"]], HISTORY_CARD)
    for column in ("score", "coverage", "points:u", "points:v", "points:w"):
        np.testing.assert_allclose(got[column], expected[column], rtol=0, atol=1e-12)
    assert list(got.grade) == list(expected.grade)
    by_hand = [numpy_score(*snap.loc[a, ["u", "v", "w"]]) for a in snap.index]
    np.testing.assert_allclose(got.score, by_hand, rtol=1e-12)
    # Nothing at or after the cut-off is read: changing those rows changes nothing.
    later = df.when >= np.datetime64(as_of)
    doctored = df.copy()
    doctored.loc[later, ["u", "v", "w"]] = 1e6
    again = candor.health(doctored, HISTORY_CARD, as_of=as_of, time="when", account="id")
    np.testing.assert_array_equal(again.score, got.score)
    # ...while the row just before it is read.
    first_later = doctored.when[later].min()
    doctored.loc[later, "when"] = first_later  # all later rows at one time
    moved = candor.health(doctored, HISTORY_CARD, as_of=first_later + np.timedelta64(1, "s"),
                          time="when", account="id")
    assert not np.allclose(moved.score, got.score, equal_nan=True)


def test_health_as_of_times_in_every_form():
    df = random_history(seed=3)
    as_of = pd.Timestamp("2026-06-15")
    base = candor.health(df, HISTORY_CARD, as_of=as_of, time="when", account="id")
    iso = df.assign(when=df.when.dt.strftime("%Y-%m-%dT%H:%M:%SZ"))
    unix = df.assign(when=df.when.astype("int64") // 10**9 if df.when.dtype == "datetime64[ns]"
                     else df.when.astype("datetime64[s]").astype("int64"))
    for table, at in ((iso, "2026-06-15"), (unix, int(as_of.timestamp())),
                      (df, np.datetime64("2026-06-15")), (df, "2026-06-15T00:00:00Z")):
        got = candor.health(table, HISTORY_CARD, as_of=at, time="when", account="id")
        np.testing.assert_array_equal(got.score, base.score)


def test_days_in_grade_against_pandas_snapshots():
    df = random_history(seed=11, accounts=25, rows=300)
    as_of = np.datetime64("2026-09-01")
    got = candor.health(df, HISTORY_CARD, as_of=str(as_of), time="when", account="id",
                        grade_step_days=14, grade_max_steps=10)
    grades = {}
    for k in range(0, 11):
        at = as_of - np.timedelta64(14 * k * DAY, "s")
        snap = pandas_snapshot(df, at)
        grades[k] = candor.health(snap[["u", "v", "w"]], HISTORY_CARD).grade
    for a in got.index:
        now = grades[0][a]
        if now is None:
            assert np.isnan(got.days_in_grade[a])
            continue
        run = 0
        while run < 10 and grades[run + 1][a] == now:
            run += 1
        assert got.days_in_grade[a] == 14 * run, a
        assert got.days_in_grade_capped[a] == (run == 10), a
    assert (got.days_in_grade > 0).any() and (got.days_in_grade == 0).any()


def test_momentum_against_a_numeric_delta_method():
    df = random_history(seed=5)
    as_of, previous = "2026-09-01", "2026-06-01"
    got = candor.health(df, HISTORY_CARD, as_of=as_of, previous=previous, time="when",
                        account="id", std_errors={"u": "u_se"}, level=0.9)
    now, before = pandas_snapshot(df, as_of), pandas_snapshot(df, previous)
    z = scipy.stats.norm.ppf(0.95)
    checked_interval = checked_same_row = 0
    for a in got.index:
        x_now = now.loc[a, ["u", "v", "w"]].to_numpy(float)
        x_before = before.loc[a, ["u", "v", "w"]].to_numpy(float)
        change = numpy_score(*x_now) - numpy_score(*x_before)
        if np.isnan(change):
            assert np.isnan(got.momentum[a]) and got.momentum_note[a] == "no score"
            continue
        assert got.momentum[a] == pytest.approx(change, abs=1e-9)

        def slope(x):  # d score / d u by central differences
            h = 1e-4
            up, down = x.copy(), x.copy()
            up[0] += h
            down[0] -= h
            return (numpy_score(*up) - numpy_score(*down)) / (2 * h)

        g_now = slope(x_now) if not np.isnan(x_now[0]) else 0.0
        g_before = slope(x_before) if not np.isnan(x_before[0]) else 0.0
        se_now = now.loc[a, "u_se"] if not np.isnan(x_now[0]) else 0.0
        se_before = before.loc[a, "u_se"] if not np.isnan(x_before[0]) else 0.0
        if np.isnan(x_now[0]) and np.isnan(x_before[0]):
            assert np.isnan(got.momentum_std_error[a])
            assert got.momentum_note[a] == "no sampling error known"
            continue
        if now.loc[a, "u_row"] == before.loc[a, "u_row"]:
            variance = (g_now - g_before) ** 2 * se_now ** 2
            checked_same_row += 1
        else:
            variance = g_now ** 2 * se_now ** 2 + g_before ** 2 * se_before ** 2
        se = np.sqrt(variance)
        assert got.momentum_std_error[a] == pytest.approx(se, abs=1e-6), a
        if se > 1e-9:
            checked_interval += 1
            assert got.momentum_ci_low[a] == pytest.approx(change - z * se, abs=1e-5)
            assert got.momentum_ci_high[a] == pytest.approx(change + z * se, abs=1e-5)
            assert got.momentum_note[a] == ""
        else:
            assert np.isnan(got.momentum_ci_low[a]) and np.isnan(got.momentum_ci_high[a])
            assert got.momentum_note[a] == "no error found"
    assert checked_interval >= 10 and checked_same_row >= 1
    assert "other transforms are taken as exact" in got.attrs["momentum_method"]
    # No interval of zero width, anywhere.
    has = got.momentum_ci_low.notna()
    assert (got.momentum_ci_high[has] > got.momentum_ci_low[has]).all()
    assert (got.momentum_ci_high[has] > got.momentum[has]).all()
    # Without standard errors: no interval at all.
    plain = candor.health(df, HISTORY_CARD, as_of=as_of, previous=previous, time="when",
                          account="id")
    assert plain.momentum_ci_low.isna().all()
    assert set(plain.momentum_note) <= {"no sampling error known", "no score"}


def test_health_as_of_errors():
    df = random_history(seed=1, accounts=5, rows=30)
    with pytest.raises(candor.Error, match="as_of needs the history's time column"):
        candor.health(df, HISTORY_CARD, as_of="2026-05-01", account="id")
    with pytest.raises(candor.Error, match="previous is given without as_of"):
        candor.health(df, HISTORY_CARD, previous="2026-05-01")
    with pytest.raises(candor.Error, match="std_errors: 'x' is not a measure"):
        candor.health(df, HISTORY_CARD, as_of="2026-05-01", time="when", account="id",
                      std_errors={"x": "u_se"})
    with pytest.raises(candor.Error, match="previous .* is not before as_of"):
        candor.health(df, HISTORY_CARD, as_of="2026-05-01", previous="2026-06-01",
                      time="when", account="id")
    with pytest.raises(candor.Error, match="time column 'nope' is not a column"):
        candor.health(df, HISTORY_CARD, as_of="2026-05-01", time="nope", account="id")
    bad = df.assign(u_se=-1.0)
    with pytest.raises(candor.Error, match="std_error of \"u\" at row 0"):
        candor.health(bad, HISTORY_CARD, as_of="2026-05-01", previous="2026-03-01",
                      time="when", account="id", std_errors={"u": "u_se"})


def test_health_as_of_with_segments():
    df = random_history(seed=9)
    plans = {a: ("trial" if i % 3 == 0 else "paid") for i, a in enumerate(sorted(df.id.unique()))}
    df["plan"] = df.id.map(plans)
    card = {"measures": [{"name": "u", "transform": "percentile"},
                         {"name": "v", "transform": "linear", "zero_at": 10, "full_at": 0}]}
    got = candor.health(df, card, segment="plan", as_of="2026-08-01", time="when", account="id")
    snap = pandas_snapshot(df, "2026-08-01")
    snap["plan"] = [plans[a] for a in snap.index]
    expected = candor.health(snap, card, segment="plan")
    np.testing.assert_allclose(got.score, expected.score, rtol=0, atol=1e-12)
    # Percentiles within the plan, by scipy: the trial accounts ranked among themselves.
    trial = snap[(snap.plan == "trial") & snap.u.notna()]
    ranks = scipy.stats.rankdata(trial.u)
    np.testing.assert_allclose(got.loc[trial.index, "points:u"],
                               100 * (ranks - 0.5) / len(trial), atol=1e-9)
    moved = df.copy()
    moved.loc[moved.index[moved.id == moved.id.iloc[0]][0], "plan"] = "other"
    with pytest.raises(candor.Error, match="is in two segments"):
        candor.health(moved, card, segment="plan", as_of="2026-08-01", time="when",
                      account="id")
