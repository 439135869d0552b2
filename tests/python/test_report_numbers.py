"""candor.report's numeric sections (headline, trend, segments) on the bundled
sample against numpy, scipy and statsmodels: the weighted NPS and its
linearization variance, the score distribution, the monthly buckets (pandas
calendar), the WLS slope (statsmodels, fixed scale), Mann-Kendall by hand, the
segment comparisons with statsmodels' Holm adjustment, and the changes' levels.

The report's JSON follows include/candor/report.hpp's field names in
snake_case, one object per section."""
import datetime as dt
import json
import pathlib

import numpy as np
import pandas as pd
import pytest
from scipy import stats

candor = pytest.importorskip("candor")

sm = pytest.importorskip("statsmodels.api")
from statsmodels.stats.multitest import multipletests  # noqa: E402

SAMPLE = pathlib.Path(__file__).resolve().parents[2] / "data" / "sample" / "survey.csv"
LEVEL = 0.95
Z = stats.norm.ppf((1 + LEVEL) / 2)
SEGMENTS = ["region", "plan"]
TOL = dict(rtol=1e-9, atol=1e-9)


@pytest.fixture(scope="module")
def frame():
    data = pd.read_csv(SAMPLE, keep_default_na=False)  # region "NA" is North America
    # Each timestamp carries its own offset: parsed one by one (stdlib), then UTC.
    data["time"] = pd.to_datetime(
        [dt.datetime.fromisoformat(text.replace("Z", "+00:00")) for text in data["timestamp"]],
        utc=True)
    return data


@pytest.fixture(scope="module")
def report():
    # The one call to the report's Python surface: the sample file with its
    # columns named, as the CLI names them.
    built = candor.report(str(SAMPLE), score="score", time="timestamp", weight="weight",
                          segments=SEGMENTS, level=LEVEL, period="month", time_zone="UTC")
    return json.loads(built.json())


def number(value):
    return np.nan if value is None else float(value)


def nps_value(scores):
    scores = np.asarray(scores, float)
    return np.where(scores >= 9, 1.0, np.where(scores <= 6, -1.0, 0.0))


def hajek(scores, weights):
    """Weighted NPS (-100..100) and its Taylor-linearization SE (survey's svymean, ids = ~1)."""
    s, w = nps_value(scores), np.asarray(weights, float)
    m = np.sum(w * s) / np.sum(w)
    e = w * (s - m) / np.sum(w)
    n = len(s)
    return 100 * m, 100 * np.sqrt(n / (n - 1) * np.sum(e**2)), np.sum(w) ** 2 / np.sum(w**2)


def check_estimate(estimate, scores, weights, what):
    value, se, kish = hajek(scores, weights)
    np.testing.assert_allclose(estimate["value"], value, err_msg=what, **TOL)
    np.testing.assert_allclose(estimate["std_error"], se, err_msg=what, **TOL)
    # The interval is the default (Jeffreys on Kish's effective counts; checked
    # against Dirichlet draws in test_jeffreys_default.py): what candor.nps
    # gives on the same responses, around the value.
    default = candor.nps(np.asarray(scores, float), np.asarray(weights, float), level=LEVEL)
    np.testing.assert_allclose(estimate["ci_low"], default.ci_low, err_msg=what, **TOL)
    np.testing.assert_allclose(estimate["ci_high"], default.ci_high, err_msg=what, **TOL)
    assert estimate["ci_low"] < value < estimate["ci_high"], what
    assert estimate["n"] == len(scores), what
    np.testing.assert_allclose(estimate["effective_n"], kish, err_msg=what, **TOL)


def mann_kendall_p(values):
    """pymannkendall's original_test: S, tie-corrected Var(S), continuity-corrected z."""
    x = np.asarray(values, float)
    n = len(x)
    s = sum(np.sign(x[j] - x[i]) for i in range(n) for j in range(i + 1, n))
    _, ties = np.unique(x, return_counts=True)
    var = (n * (n - 1) * (2 * n + 5) - np.sum(ties * (ties - 1) * (2 * ties + 5))) / 18
    z = (s - 1) / np.sqrt(var) if s > 0 else ((s + 1) / np.sqrt(var) if s < 0 else 0.0)
    return 2 * stats.norm.sf(abs(z))


def test_headline(report, frame):
    headline = report["headline"]
    assert headline["present"]
    check_estimate(headline["nps"], frame["score"], frame["weight"], "headline")
    value, se, kish = hajek(frame["score"], frame["weight"])
    np.testing.assert_allclose(headline["margin_of_error"], Z * se, **TOL)
    np.testing.assert_allclose(headline["minimal_detectable_change"], Z * np.sqrt(2) * se, **TOL)
    np.testing.assert_allclose(headline["design_effect"], len(frame) / kish, **TOL)
    counts = np.bincount(frame["score"].to_numpy(int), minlength=11)
    assert headline["counts"] == counts.tolist()
    weight_at = np.bincount(frame["score"].to_numpy(int), weights=frame["weight"], minlength=11)
    share = weight_at / weight_at.sum()
    np.testing.assert_allclose(headline["distribution"], share, **TOL)
    np.testing.assert_allclose(headline["promoters"], share[9:].sum(), **TOL)
    np.testing.assert_allclose(headline["passives"], share[7:9].sum(), **TOL)
    np.testing.assert_allclose(headline["detractors"], share[:7].sum(), **TOL)
    assert "weight" in headline["weighting"]
    assert any("not bias in who chose to answer" in c for c in headline["caveats"])


def monthly(frame):
    months = frame["time"].dt.tz_convert("UTC").dt.strftime("%Y-%m")
    return {label: group for label, group in frame.groupby(months)}


def test_trend_points_slope_and_mann_kendall(report, frame):
    trend = report["trend"]
    assert trend["present"], trend.get("absent_reason")
    assert trend["period"] == "month"
    groups = monthly(frame)
    labels = [p["label"] for p in trend["points"]]
    assert [label for label in labels if label in groups] == sorted(groups)
    overall = hajek(frame["score"], frame["weight"])[0]
    values, errors, positions = [], [], []
    for k, point in enumerate(trend["points"]):
        group = groups.get(point["label"])
        if group is None:
            assert point["nps"]["n"] == 0
            continue
        check_estimate(point["nps"], group["score"], group["weight"], point["label"])
        low, high = point["nps"]["ci_low"], point["nps"]["ci_high"]
        assert point["outside_control"] == (high < overall or low > overall), point["label"]
        values.append(point["nps"]["value"])
        errors.append(point["nps"]["std_error"])
        positions.append(k)
    # statsmodels WLS with the bucket SEs as known (cov_type="fixed scale").
    fit = sm.WLS(np.array(values), sm.add_constant(np.array(positions, float)),
                 weights=1 / np.array(errors) ** 2).fit(cov_type="fixed scale")
    np.testing.assert_allclose(trend["slope"], fit.params[1], **TOL)
    low, high = fit.conf_int(alpha=1 - LEVEL)[1]
    np.testing.assert_allclose(trend["slope_ci_low"], low, rtol=1e-7, atol=1e-7)
    np.testing.assert_allclose(trend["slope_ci_high"], high, rtol=1e-7, atol=1e-7)
    np.testing.assert_allclose(trend["slope_p_value"], fit.pvalues[1], rtol=1e-7, atol=1e-12)
    np.testing.assert_allclose(trend["mann_kendall_p_value"], mann_kendall_p(values), **TOL)
    np.testing.assert_allclose(trend["minimal_detectable_change"], Z * np.sqrt(2) * errors[-1],
                               **TOL)
    assert trend["direction"] in ("improving", "declining", "holding steady")
    if fit.pvalues[1] < 1 - LEVEL and not trend["changes"]:
        assert trend["direction"] == ("improving" if fit.params[1] > 0 else "declining")
        assert "weighted least-squares slope" in trend["test"]


def test_trend_changes(report, frame):
    trend = report["trend"]
    changes = trend["changes"]
    for change in changes:
        assert change["p_adjusted"] <= 1 - LEVEL
        assert change["p_value"] <= change["p_adjusted"]
        np.testing.assert_allclose(change["shift"]["difference"], change["after"] - change["before"],
                                   **TOL)
    if any("did not pass" in c for c in trend["caveats"]):
        return  # the levels are those of the scan's segments, some not shown
    # Holm over the changes, all shown: statsmodels' adjustment of their p-values.
    if changes:
        holm = multipletests([c["p_value"] for c in changes], method="holm")[1]
        np.testing.assert_allclose([c["p_adjusted"] for c in changes], holm, **TOL)
    # Each change's before / after: the NPS between its neighbours.
    edges = ([pd.Timestamp.min.tz_localize("UTC")] +
             [pd.Timestamp(c["time"], unit="s", tz="UTC") for c in changes] +
             [pd.Timestamp.max.tz_localize("UTC")])
    for j, change in enumerate(changes):
        before = frame[(frame["time"] >= edges[j]) & (frame["time"] < edges[j + 1])]
        after = frame[(frame["time"] >= edges[j + 1]) & (frame["time"] < edges[j + 2])]
        np.testing.assert_allclose(change["before"], hajek(before["score"], before["weight"])[0],
                                   **TOL)
        np.testing.assert_allclose(change["after"], hajek(after["score"], after["weight"])[0],
                                   **TOL)


def test_segments_against_the_rest_with_holm(report, frame):
    segments = report["segments"]
    assert segments["present"]
    assert segments["adjustment"] == "holm"
    assert [c["column"] for c in segments["columns"]] == SEGMENTS
    for column in segments["columns"]:
        name = column["column"]
        p_values = []
        for row in column["rows"]:
            inside = frame[frame[name] == row["label"]]
            rest = frame[frame[name] != row["label"]]
            check_estimate(row["nps"], inside["score"], inside["weight"], f"{name}={row['label']}")
            a, se_a, _ = hajek(inside["score"], inside["weight"])
            b, se_b, _ = hajek(rest["score"], rest["weight"])
            se = np.hypot(se_a, se_b)
            np.testing.assert_allclose(row["vs_rest"]["difference"], a - b, **TOL)
            np.testing.assert_allclose(row["vs_rest"]["std_error"], se, **TOL)
            p_values.append(2 * stats.norm.sf(abs(a - b) / se))
            np.testing.assert_allclose(row["vs_rest"]["p_value"], p_values[-1], rtol=1e-7,
                                       atol=1e-12)
        holm = multipletests(p_values, method="holm")[1]
        np.testing.assert_allclose([r["p_adjusted"] for r in column["rows"]], holm, rtol=1e-7,
                                   atol=1e-12)
        assert [r["significant"] for r in column["rows"]] == [p < 1 - LEVEL for p in holm]
        assert sorted(r["label"] for r in column["rows"]) == sorted(frame[name].unique())
