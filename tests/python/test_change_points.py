"""candor.change_points with a penalty (BIC, AIC, manual) against brute-force
optimal partitioning written in numpy (tests/crosscheck/change_points_reference.py,
independent of candor), the segment levels against candor.score / scipy,
times, and bad input. The calibrated scan (the default):
test_change_points_calibrated.py."""
import importlib.util
import os
import pathlib

import numpy as np
import pytest
from scipy import stats

import candor

_REFERENCE = (pathlib.Path(os.environ.get("CANDOR_SOURCE_DIR",
                                          pathlib.Path(__file__).resolve().parents[2]))
              / "tests" / "crosscheck" / "change_points_reference.py")
_spec = importlib.util.spec_from_file_location("change_points_reference", _REFERENCE)
reference = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(reference)


def nps_series(rng, parts):
    return np.concatenate([reference.nps_scores(rng, n, p, d) for n, p, d in parts]).astype(float)


@pytest.mark.parametrize("seed", range(6))
def test_equals_brute_force_optimal_partitioning(seed):
    rng = np.random.default_rng(1000 + seed)
    scores = nps_series(rng, [(int(rng.integers(60, 200)), 0.5, 0.2),
                              (int(rng.integers(60, 200)), 0.25, 0.4),
                              (int(rng.integers(60, 200)), 0.45, 0.25)])
    min_size = int(rng.integers(5, 40))
    penalty = ["bic", "aic", 9.5][seed % 3]
    cats, k = reference.categories(scores, "nps", 0, 10)
    beta = (reference.penalty_value(penalty, k, len(scores)) if isinstance(penalty, str)
            else penalty)
    early, late, total = reference.optimal_partition(cats, k, beta, min_size)
    result = candor.change_points(scores, penalty=penalty, min_size=min_size)
    assert result.block_size == 1
    assert result.penalty == pytest.approx(beta, rel=1e-12)
    assert result.total_cost == pytest.approx(total, rel=1e-9)
    if early == late:
        assert result.indices == early


def test_levels_changes_and_times():
    rng = np.random.default_rng(5)
    scores = nps_series(rng, [(800, 0.55, 0.15), (700, 0.3, 0.35)])
    times = 1_700_000_000 + 600 * (np.arange(len(scores)) // 4)  # four per timestamp
    result = candor.change_points(scores, times=times, penalty="bic")
    assert len(result.changes) == 1
    change = result.changes[0]
    assert change.index % 4 == 0 and abs(change.index - 800) <= 30
    assert change.time == times[change.index]
    before = candor.nps(scores[:change.index])
    after = candor.nps(scores[change.index:])
    assert result.segments[0].level.value == pytest.approx(before.value, abs=1e-9)
    assert result.segments[1].level.ci_high == pytest.approx(after.ci_high, abs=1e-9)
    assert change.change.difference == pytest.approx(after.value - before.value, abs=1e-9)
    # The Wald z-test of the difference, independently with scipy.
    z = change.change.difference / np.hypot(before.std_error, after.std_error)
    assert change.change.p_value == pytest.approx(2 * stats.norm.sf(abs(z)), rel=1e-6)
    assert result.times == [int(times[change.index])]
    frame = result.segments_frame()
    assert list(frame["n"]) == [change.index, len(scores) - change.index]
    assert list(result.changes_frame()["index"]) == [change.index]
    # datetime64 times give the same answer.
    as_dates = result.changes[0].index == candor.change_points(
        scores, times=times.astype("datetime64[s]"), penalty="bic").indices[0]
    assert as_dates


def test_other_metrics_and_grid():
    rng = np.random.default_rng(9)
    csat = np.concatenate([rng.choice([1, 2, 3, 4, 5], 500, p=[.05, .1, .15, .3, .4]),
                           rng.choice([1, 2, 3, 4, 5], 500, p=[.2, .2, .2, .2, .2])])
    result = candor.change_points(csat, metric="csat", penalty="bic")
    assert result.categories == 2 and len(result.changes) == 1
    ces = candor.change_points(csat, metric="ces", penalty="bic")
    assert ces.categories == 7
    big = nps_series(rng, [(30_000, 0.5, 0.2), (20_000, 0.35, 0.3)])
    exact = candor.change_points(big, max_grid_points=0, penalty="bic")
    grid = candor.change_points(big, penalty="bic")
    assert grid.block_size == 13  # ceil(50000 / 4096)
    assert grid.total_cost >= exact.total_cost - 1e-6
    assert grid.indices == exact.indices


def test_bad_input():
    scores = np.full(100, 9.0)
    with pytest.raises(candor.Error) as e:
        candor.change_points(scores, times=np.r_[np.arange(50), np.arange(50)])
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "times[50]" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.change_points(scores, times=np.arange(99))
    assert e.value.status == "CANDOR_LENGTH_MISMATCH"
    with pytest.raises(candor.Error) as e:
        candor.change_points([])
    assert e.value.status == "CANDOR_EMPTY"
    with pytest.raises(candor.Error) as e:
        candor.change_points(scores[:40])
    assert e.value.status == "CANDOR_EMPTY" and "too short" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.change_points(scores, penalty="hannan")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(candor.Error) as e:
        candor.change_points(scores, penalty=-1.0)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    bad = scores.copy()
    bad[3] = np.nan
    with pytest.raises(candor.Error) as e:
        candor.change_points(bad)
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and "index 3" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.change_points(scores, min_size=0)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
