"""candor.trend's change_p_adjusted: the change p-values of each series
adjusted across that series' changes, checked against statsmodels'
multipletests (holm, fdr_bh) on the library's own p-values, with several
segments and empty months; and the family size (changes_tested)."""
import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.multitest import multipletests

import candor

METHODS = {"holm": "holm", "bh": "fdr_bh"}


def segmented_year(rng):
    """Three segments over 2025: "a" every month (a drop in May), "b" with
    March, April and July empty, "c" in two months only."""
    months = pd.date_range("2025-01-01", periods=12, freq="MS", tz="UTC")
    scores, times, segments = [], [], []
    for segment, present in (("a", range(12)), ("b", [0, 1, 4, 5, 7, 8, 9, 10, 11]),
                             ("c", [2, 9])):
        for m in present:
            n = int(rng.integers(60, 200))
            shift = 3 if segment == "a" and m >= 4 else 0
            scores.append(np.clip(rng.integers(0, 11, n) - shift, 0, 10))
            times.append(months[m].value // 10**9 + rng.integers(0, 27 * 86400, n))
            segments += [segment] * n
    return np.concatenate(scores).astype(float), np.concatenate(times), segments


@pytest.mark.parametrize("method", sorted(METHODS))
def test_matches_statsmodels_per_series(rng, method):
    scores, times, segments = segmented_year(rng)
    frame = candor.trend(scores, times, segments=segments, p_adjust=method)
    assert len(frame) == 36
    families = {}
    for segment, rows in frame.groupby("segment", sort=True):
        p = rows["change_p_value"].to_numpy()
        tested = ~np.isnan(p)
        families[segment] = int(tested.sum())
        assert (rows["changes_tested"] == tested.sum()).all(), segment
        adjusted = rows["change_p_adjusted"].to_numpy()
        assert np.isnan(adjusted[~tested]).all(), segment
        if tested.any():
            expected = multipletests(p[tested], method=METHODS[method])[1]
            np.testing.assert_allclose(adjusted[tested], expected, rtol=1e-12, atol=1e-15,
                                       err_msg="%s %s" % (method, segment))
    # Every month of "a" but the first has a change; "b" skips its empty months.
    assert families == {"a": 11, "b": 8, "c": 1}
    # The fixture makes the adjustment matter: some change moves past 0.05.
    a = frame[frame["segment"] == "a"]
    assert (a["change_p_adjusted"] > a["change_p_value"]).any()
    assert (a["change_p_value"] < 0.05).sum() >= 1


def test_holm_is_the_default_and_none_keeps_the_p_values(rng):
    scores, times, segments = segmented_year(rng)
    default = candor.trend(scores, times, segments=segments)
    holm = candor.trend(scores, times, segments=segments, p_adjust="holm")
    none = candor.trend(scores, times, segments=segments, p_adjust="none")
    np.testing.assert_array_equal(default["change_p_adjusted"], holm["change_p_adjusted"])
    np.testing.assert_array_equal(none["change_p_adjusted"], none["change_p_value"])
    assert (none["changes_tested"] == holm["changes_tested"]).all()


def test_families_are_per_series_not_the_whole_table(rng):
    scores, times, segments = segmented_year(rng)
    both = candor.trend(scores, times, segments=segments)
    segments = np.asarray(segments)
    alone = candor.trend(scores[segments == "a"], times[segments == "a"])
    np.testing.assert_allclose(both[both["segment"] == "a"]["change_p_adjusted"],
                               alone["change_p_adjusted"], rtol=0, atol=0)


def test_an_unknown_method_is_refused():
    with pytest.raises(candor.Error) as error:
        candor.trend([10, 9, 3], [1767225600, 1767225605, 1767225609], p_adjust="bonferroni")
    assert "bonferroni" in str(error.value)
