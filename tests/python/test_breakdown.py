"""Breakdowns: each row against candor.nps/compare on the subsets, adjusted
p-values against R's p.adjust, the pandas and the no-pandas paths."""
import json
import os
import subprocess
import sys

import numpy as np
import pytest
from scipy import stats

import candor
from helpers import r_vector, run_r


@pytest.fixture
def survey(rng):
    n = 600
    region = rng.choice(["north", "south", "east"], size=n)
    plan = rng.choice(["free", "pro"], size=n)
    shift = np.where(region == "south", 2, 0)
    scores = np.clip(rng.integers(0, 11, size=n) + shift, 0, 10).astype(float)
    weights = rng.uniform(0.5, 2.0, size=n)
    return scores, region, plan, weights


def test_one_column_pandas_frame(survey):
    pytest.importorskip("pandas")
    scores, region, _, _ = survey
    frame = candor.breakdown(scores, region)
    assert list(frame.columns[:1]) == ["segment"]
    for column in ("value", "std_error", "ci_low", "ci_high", "n", "effective_n",
                   "difference", "p_value", "p_adjusted"):
        assert column in frame.columns
    assert list(frame["segment"]) == ["east", "north", "south"]  # sorted labels
    for r in frame.itertuples():
        mask = region == r.segment
        e = candor.nps(scores[mask])
        assert (r.value, r.std_error, r.ci_low, r.ci_high, r.n, r.effective_n) == \
            (e.value, e.std_error, e.ci_low, e.ci_high, e.n, e.effective_n)
        c = candor.compare(scores[mask], scores[~mask])
        assert r.difference == pytest.approx(c.difference, rel=1e-12)
        assert r.p_value == pytest.approx(c.p_value, rel=1e-12)
        assert r.p_value == pytest.approx(2 * stats.norm.sf(abs(c.difference) / c.std_error),
                                          rel=1e-9)
    assert frame["n"].sum() == len(scores)
    # Holm across rows, as R's p.adjust.
    out = run_r('cat(sprintf("%%.17g", p.adjust(%s, "holm")))' % r_vector(frame["p_value"]))
    assert frame["p_adjusted"].to_numpy() == pytest.approx(
        [float(v) for v in out.split()], rel=1e-12)


def test_two_columns_weighted_as_dict_and_as_dataframe(survey):
    pd = pytest.importorskip("pandas")
    scores, region, plan, weights = survey
    by_dict = candor.breakdown(scores, {"region": region, "plan": plan}, weights=weights,
                               p_adjust="bh")
    by_frame = candor.breakdown(scores, pd.DataFrame({"region": region, "plan": plan}),
                                weights=weights, p_adjust="bh")
    pd.testing.assert_frame_equal(by_dict, by_frame)
    assert len(by_dict) == 6
    masks = [(region == r.region) & (plan == r.plan) for r in by_dict.itertuples()]
    rows = candor.breakdown(scores, {"region": region, "plan": plan}, weights=weights,
                            p_adjust="bh")
    for r, mask in zip(rows.itertuples(), masks):
        assert r.value == pytest.approx(candor.nps(scores[mask], weights[mask]).value,
                                        rel=1e-12)
        assert r.effective_n == pytest.approx(
            weights[mask].sum() ** 2 / (weights[mask] ** 2).sum(), rel=1e-12)
    bh = candor.adjust_p_values(by_dict["p_value"].to_numpy(), "bh")
    assert by_dict["p_adjusted"].to_numpy() == pytest.approx(bh, rel=1e-12)


def test_list_of_columns_and_series_names(survey):
    pd = pytest.importorskip("pandas")
    scores, region, plan, _ = survey
    frame = candor.breakdown(scores, [pd.Series(region, name="region"), plan])
    assert list(frame.columns[:2]) == ["region", "segment_1"]
    assert len(frame) == 6


def test_rows_without_pandas_match_subsets(survey):
    # The no-pandas path, in a fresh interpreter where `import pandas` fails.
    scores, region, plan, weights = survey
    code = r"""
import json, sys
sys.modules["pandas"] = None
import numpy as np
import candor
data = json.load(sys.stdin)
rows = candor.breakdown(np.array(data["scores"]), {"region": data["region"]},
                        weights=np.array(data["weights"]), p_adjust="none")
assert isinstance(rows, list) and isinstance(rows[0], candor.BreakdownRow), type(rows)
try:
    candor.parse_csv("score\n1\n").to_pandas()
    raise SystemExit("to_pandas() worked without pandas")
except ImportError:
    pass
print(json.dumps([[r.segments["region"], r.estimate.value, r.estimate.std_error,
                   r.vs_rest.difference, r.vs_rest.p_value, r.p_adjusted] for r in rows]))
"""
    payload = json.dumps({"scores": scores.tolist(), "region": region.tolist(),
                          "weights": weights.tolist()})
    result = subprocess.run([sys.executable, "-c", code], input=payload, capture_output=True,
                            text=True, env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)),
                            timeout=120)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r[0] for r in rows] == ["east", "north", "south"]
    for label, value, se, difference, p_value, p_adjusted in rows:
        mask = region == label
        e = candor.nps(scores[mask], weights[mask])
        assert (value, se) == pytest.approx((e.value, e.std_error), rel=1e-12)
        c = candor.compare(scores[mask], scores[~mask], weights_a=weights[mask],
                           weights_b=weights[~mask])
        assert difference == pytest.approx(c.difference, rel=1e-12)
        assert p_adjusted == p_value  # p_adjust="none"


def test_factorize_without_pandas_handles_unsortable_labels():
    from candor import breakdowns as module
    codes, levels = module._factorize_without_pandas(np.array(["b", None, "b", 1], dtype=object))
    assert list(codes) == [0, 1, 0, 2]
    assert list(levels) == ["b", None, 1]
    codes, levels = module._factorize_without_pandas(np.array(["b", "a", "b"]))
    assert list(codes) == [1, 0, 1] and list(levels) == ["a", "b"]


def test_labels_keep_their_type_order_and_missing_values():
    pd = pytest.importorskip("pandas")
    scores = np.array([10, 9, 3, 4, 5, 8])
    frame = candor.breakdown(scores, [2, 1, 2, None, 1, None])
    assert list(frame["segment"][:2]) == [1, 2] and pd.isna(frame["segment"][2])
    assert frame["n"].tolist() == [2, 2, 2]
    sizes = pd.Series(pd.Categorical(["small", "large", "small", "large", "medium", "small"],
                                     categories=["small", "medium", "large"]), name="size")
    frame = candor.breakdown(scores, sizes)
    assert list(frame["size"]) == ["small", "medium", "large"]
    assert frame["value"][0] == candor.nps(scores[[0, 2, 5]]).value


def test_other_metric_and_interval(survey):
    pytest.importorskip("pandas")
    scores, region, _, _ = survey
    frame = candor.breakdown(scores, region, metric="top_box", scale=(0, 10), box=3,
                             interval="adjusted_wald", level=0.9)
    for r in frame.itertuples():
        e = candor.top_box(scores[region == r.segment], (0, 10), box=3,
                           interval="adjusted_wald", level=0.9)
        assert (r.value, r.ci_low, r.ci_high) == pytest.approx(
            (e.value, e.ci_low, e.ci_high), rel=1e-12)


def test_breakdown_bad_input(survey):
    scores, region, plan, _ = survey
    with pytest.raises(candor.Error) as info:
        candor.breakdown(scores, region[:-1])
    assert info.value.status == "CANDOR_LENGTH_MISMATCH"
    with pytest.raises(candor.Error) as info:
        candor.breakdown(scores, {"a": region, "b": plan[:10]})
    assert info.value.status == "CANDOR_LENGTH_MISMATCH"
    with pytest.raises(candor.Error) as info:
        candor.breakdown(scores, {"value": region})
    assert info.value.status == "CANDOR_INVALID_ARGUMENT"
    bad = scores.copy()
    bad[17] = 12
    with pytest.raises(candor.Error) as info:
        candor.breakdown(bad, region)
    assert info.value.status == "CANDOR_OUT_OF_RANGE"
    assert "17" in str(info.value)
    with pytest.raises(candor.Error) as info:
        candor.breakdown([], [])
    assert info.value.status == "CANDOR_EMPTY"
    with pytest.raises(candor.Error) as info:
        candor.breakdown(scores, region, p_adjust="sidak")
    assert info.value.status == "CANDOR_INVALID_ARGUMENT"
