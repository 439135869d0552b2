"""candor.DriverAccumulator against candor.theme_drivers over the same
comments (candor.theme_drivers is checked against R's survey, statsmodels
and scikit-learn in test_drivers.py): split, serialized and merged states
give its result; periods of any label kind are keyed across states; limits
and bad input are candor.Errors."""
import numpy as np
import pytest

import candor
from candor import Error

pd = pytest.importorskip("pandas")

NAMES = ["price", "support", "speed", "ui", "docs"]


def comments(n, seed):
    rng = np.random.default_rng(seed)
    matrix = (rng.random((n, len(NAMES))) < [0.3, 0.25, 0.2, 0.15, 0.1]).astype(np.int8)
    low = matrix[:, 0] == 1
    scores = np.where(low, rng.integers(0, 9, n), rng.integers(4, 11, n)).astype(float)
    weights = rng.uniform(0.5, 2.5, n)
    periods = np.array([2023, 2024, 2025, 2026], dtype=object)[rng.integers(0, 4, n)]
    return scores, matrix, weights, periods


def same(got, want):
    """Rows, trending and the overall estimate equal: numbers to 1e-12
    relative (the model's to 1e-9: Newton converges to 1e-10 in the
    coefficients), labels and counts exactly."""
    model_columns = {"coefficient", "coefficient_std_error", "odds_ratio", "odds_ratio_ci_low",
                     "odds_ratio_ci_high", "importance"}
    for got_table, want_table in ((got.table, want.table), (got.trending, want.trending)):
        if want_table is None:
            assert got_table is None
            continue
        assert list(got_table.columns) == list(want_table.columns)
        for column in want_table.columns:
            if want_table[column].dtype.kind == "f":
                rtol = 1e-9 if column in model_columns else 1e-12
                np.testing.assert_allclose(got_table[column], want_table[column], rtol=rtol,
                                           atol=1e-12, err_msg=column)
            else:
                assert list(got_table[column]) == list(want_table[column]), column
    for field in ("value", "std_error", "ci_low", "ci_high", "n"):
        assert getattr(got.overall, field) == pytest.approx(getattr(want.overall, field),
                                                            rel=1e-12, abs=1e-12)
    assert got.detractors == want.detractors
    assert got.periods == want.periods
    assert got.model.converged == want.model.converged
    assert got.model.intercept == pytest.approx(want.model.intercept, rel=1e-9)


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("with_periods", [False, True])
def test_merged_states_give_the_drivers(weighted, with_periods):
    scores, matrix, weights, periods = comments(3000, seed=5)
    w = weights if weighted else None
    p = periods if with_periods else None
    want = candor.theme_drivers(scores, matrix, NAMES, w, p)
    merged = candor.DriverAccumulator(len(NAMES))
    for rows in np.array_split(np.random.default_rng(1).permutation(3000), 5):
        state = candor.DriverAccumulator(len(NAMES)).add(
            scores[rows], matrix[rows], None if w is None else w[rows],
            None if p is None else p[rows])
        merged.merge(candor.DriverAccumulator.from_bytes(state.to_bytes()))
    assert len(merged) == 3000 and merged.themes == len(NAMES)
    same(merged.drivers(NAMES), want)
    if with_periods:
        # Periods chosen by label: the integers 2023..2026 sort as numbers,
        # not as their keys' bytes.
        assert want.periods == (2025, 2026)
        same(merged.drivers(NAMES, earlier=2023, later=2025),
             candor.theme_drivers(scores, matrix, NAMES, w, p, earlier=2023, later=2025))
        same(merged.drivers(NAMES, later=2024),
             candor.theme_drivers(scores, matrix, NAMES, w, p, later=2024))


def test_lists_of_theme_ids_and_a_top_box_metric():
    scores, matrix, _, _ = comments(800, seed=7)
    lists = [list(np.flatnonzero(row)) for row in matrix]
    csat = 1 + scores % 5
    want = candor.theme_drivers(csat, lists, NAMES, metric="csat")
    state = candor.DriverAccumulator(len(NAMES), (1, 5)).add(csat[:300], lists[:300])
    state.add(csat[300:], lists[300:])
    same(state.drivers(NAMES, metric="csat"), want)


def test_limits_and_bad_input_are_candor_errors():
    scores, matrix, weights, periods = comments(200, seed=9)
    state = candor.DriverAccumulator(len(NAMES)).add(scores, matrix, weights)
    with pytest.raises(Error) as e:
        state.drivers(interval="bootstrap")
    assert e.value.status == "CANDOR_UNSUPPORTED"
    with pytest.raises(Error) as e:
        state.drivers(metric="mean")
    assert e.value.status == "CANDOR_UNSUPPORTED"
    with pytest.raises(Error) as e:
        state.add(scores, matrix, weights, periods)  # periods now, none before
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(Error) as e:
        state.add([5.0, 12.0], [[0], [1]])
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and "index 1" in str(e.value)
    with pytest.raises(Error) as e:
        state.add([5.0], [[7]])  # theme 7 of 5
    assert e.value.status == "CANDOR_OUT_OF_RANGE"
    assert len(state) == 200
    with pytest.raises(Error) as e:
        state.merge(candor.DriverAccumulator(3))
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(Error) as e:
        candor.DriverAccumulator.from_bytes(state.to_bytes()[:-2])
    assert e.value.status == "CANDOR_PARSE_ERROR"
    with pytest.raises(Error) as e:
        candor.DriverAccumulator(0)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(Error) as e:
        state.drivers(["only one"])
    assert e.value.status == "CANDOR_LENGTH_MISMATCH"
