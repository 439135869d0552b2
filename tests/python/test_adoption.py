"""Issue 17's Python adoption items: missing="error" | "skip" across
scoring, trend and drivers (the skipped rows counted, the estimate equal to
the one on the complete rows computed independently), mixed-offset time
strings, short reprs and _repr_html_, full docstrings, and pandas imported
only when needed."""
import os
import pathlib
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import candor

PACKAGE_PARENT = pathlib.Path(candor.__file__).resolve().parents[1]


def nps_by_hand(scores):
    scores = np.asarray(scores, dtype=float)
    return 100 * (np.mean(scores >= 9) - np.mean(scores <= 6))


# --- missing values ---------------------------------------------------------

def test_missing_score_is_an_error_by_default_naming_the_option():
    with pytest.raises(candor.Error) as info:
        candor.nps(pd.Series([10, 9, None, 3]))
    assert info.value.status == "CANDOR_OUT_OF_RANGE"
    assert "index 2" in str(info.value) and "missing='skip'" in str(info.value)


@pytest.mark.parametrize("scores", [
    pd.Series([10, 9, None, 3]), [10, 9, None, 3], np.array([10, 9, np.nan, 3]),
    pd.Series([10, 9, None, 3], dtype="Int64"), pd.Series([10, 9, pd.NA, 3], dtype="Float64")])
def test_missing_skip_counts_the_rows_and_scores_the_rest(scores):
    e = candor.nps(scores, missing="skip")
    assert e.skipped == 1 and e.n == 3
    assert e.value == pytest.approx(nps_by_hand([10, 9, 3]))
    assert "skipped=1" in repr(e)


def test_missing_skip_without_missing_rows_is_the_plain_estimate():
    scores = np.array([10, 9, 3, 7, 8], dtype=np.int8)
    assert candor.nps(scores, missing="skip") == candor.nps(scores)
    assert candor.nps(scores.astype(float), missing="skip").skipped == 0


def test_skip_rows_subsets_every_aligned_input_alike():
    from candor import _missing
    times = pd.Series(pd.to_datetime(["2025-01-01", "2025-01-02", None, "2025-01-04",
                                      "2025-01-05"]))
    columns = {"scores": [10, None, 3, 9, 8],
               "weights": np.array([1.0, 1.0, 2.0, np.nan, 0.5]),
               "times": times,
               "accounts": pd.Series(["a", "b", "c", "d", "e"], index=[5, 6, 7, 8, 9]),
               "labels": ["x", "y", "z", "u", "v"],
               "absent": None}
    kept, skipped = _missing.skip_rows(columns, times="times")
    assert skipped == 3 and list(kept) == list(columns)  # row 1 score, row 3 weight, row 2 time
    assert kept["scores"].dtype == np.float64 and kept["scores"].tolist() == [10.0, 8.0]
    assert kept["weights"].tolist() == [1.0, 0.5]
    assert kept["times"].tolist() == [times[0], times[4]]
    assert kept["accounts"].tolist() == ["a", "e"] and kept["accounts"].index.tolist() == [5, 9]
    assert kept["labels"] == ["x", "v"] and kept["absent"] is None
    # Without times named, a missing time keeps its row.
    assert _missing.skip_rows(columns)[1] == 2
    # Nothing to skip: the inputs themselves, not copies.
    whole = {"scores": [10, 9], "weights": None, "accounts": columns["labels"][:2]}
    kept, skipped = _missing.skip_rows(whole)
    assert skipped == 0 and all(kept[k] is whole[k] for k in whole)
    with pytest.raises(candor.Error) as info:
        _missing.skip_rows({"scores": [1.0, None], "accounts": ["a"]})
    assert info.value.status == "CANDOR_LENGTH_MISMATCH" and "accounts" in str(info.value)


def test_missing_skip_drops_weights_and_accounts_with_the_scores():
    scores = [10, None, 3, 9, 8, 2]
    weights = [1.0, 5.0, 2.0, np.nan, 1.0, 1.5]
    accounts = ["a", "b", "b", "c", "c", "a"]
    e = candor.nps(scores, weights, accounts=accounts, missing="skip")
    keep = [0, 2, 4, 5]
    expected = candor.nps(np.array(scores, dtype=float)[keep], np.array(weights)[keep],
                          accounts=[accounts[i] for i in keep])
    assert e.skipped == 2
    assert (e.value, e.std_error, e.n) == (expected.value, expected.std_error, expected.n)
    w = np.array(weights)[keep]
    s = np.array(scores, dtype=float)[keep]
    assert e.value == pytest.approx(100 * (w[s >= 9].sum() - w[s <= 6].sum()) / w.sum())


def test_missing_skip_in_other_metrics_and_compare():
    e = candor.csat([5, 4, None, 1], missing="skip")
    assert e.skipped == 1 and e.value == pytest.approx(100 * 2 / 3)
    c = candor.compare([10, None, 9], [1, 2, None, None], missing="skip")
    assert (c.a.skipped, c.b.skipped) == (1, 2)
    assert c.difference == pytest.approx(100 - (-100))


def test_missing_bad_choice():
    with pytest.raises(candor.Error) as info:
        candor.nps([1, 2], missing="drop")
    assert info.value.status == "CANDOR_INVALID_ARGUMENT" and "'skip'" in str(info.value)


def test_missing_skip_refuses_to_subset_a_calibration():
    region = np.array(["n", "s"] * 5)
    w = candor.poststratify(region, {"n": 50.0, "s": 50.0})
    scores = np.array([10, 9, 3, 7, 8, 2, 10, 0, 9, 9], dtype=float)
    assert candor.nps(scores, w, missing="skip").skipped == 0
    scores[1] = np.nan
    with pytest.raises(candor.Error) as info:
        candor.nps(scores, w, missing="skip")
    assert info.value.status == "CANDOR_UNSUPPORTED"


def test_trend_missing_skip_matches_the_complete_rows():
    times = pd.Series(pd.to_datetime(["2024-01-03", "2024-01-20", "2024-02-02", "2024-02-10",
                                      None, "2024-02-21"], utc=True))
    scores = pd.Series([10, None, 3, 9, 8, 6])
    with pytest.raises(candor.Error):
        candor.trend(scores, times)
    frame = candor.trend(scores, times, missing="skip")
    assert frame.attrs["skipped"] == 2
    assert list(frame["n"]) == [1, 3]
    assert frame["value"].tolist() == pytest.approx(
        [nps_by_hand([10]), nps_by_hand([3, 9, 6])])
    assert candor.trend([9, 3], [0, 86400 * 40]).attrs["skipped"] == 0


def test_drivers_missing_skip_drops_the_rows_and_their_mentions():
    rng = np.random.default_rng(3)
    n = 400
    mentions = (rng.random((n, 3)) < 0.3).astype(np.int8)
    scores = rng.integers(0, 11, n).astype(float)
    scores[[5, 17, 200]] = np.nan
    with pytest.raises(candor.Error):
        candor.theme_drivers(scores, mentions, ["a", "b", "c"])
    result = candor.theme_drivers(scores, mentions, ["a", "b", "c"], missing="skip")
    keep = ~np.isnan(scores)
    expected = candor.theme_drivers(scores[keep], mentions[keep], ["a", "b", "c"])
    assert result.skipped == 3 and result.overall.skipped == 3
    assert result.overall.n == n - 3
    pd.testing.assert_frame_equal(result.table, expected.table)
    lists = [list(np.flatnonzero(row)) for row in mentions]
    via = candor.drivers(scores, mentions=lists, theme_names=["a", "b", "c"], missing="skip")
    assert via.skipped == 3
    pd.testing.assert_frame_equal(via.table, expected.table)


# --- timestamps -------------------------------------------------------------

MIXED = ["2024-01-31T23:30:00+02:00",   # 21:30 UTC on Jan 31
         "2024-01-31T23:30:00-05:00",   # 04:30 UTC on Feb 1
         "2024-02-15 12:00:00",         # no offset: UTC
         "2024-03-01T00:30:00+01:00"]   # 23:30 UTC on Feb 29


def test_trend_accepts_mixed_offset_strings_as_utc():
    times = pd.Series(MIXED, dtype=object)
    frame = candor.trend([10, 0, 9, 8], times, every="month")
    assert list(frame["bucket"]) == ["2024-01", "2024-02"]
    assert list(frame["n"]) == [1, 3]
    # The same as the times parsed by hand.
    utc = [pd.Timestamp("2024-01-31 21:30", tz="UTC"), pd.Timestamp("2024-02-01 04:30", tz="UTC"),
           pd.Timestamp("2024-02-15 12:00", tz="UTC"), pd.Timestamp("2024-02-29 23:30", tz="UTC")]
    seconds = [int(t.timestamp()) for t in utc]
    by_seconds = candor.trend([10, 0, 9, 8], seconds, every="month")
    pd.testing.assert_frame_equal(frame, by_seconds)
    assert candor._convert.unix_seconds(times, "times").tolist() == seconds


def test_unparseable_time_string_says_what_to_pass():
    with pytest.raises(candor.Error) as info:
        candor.trend([10, 9], pd.Series(["2024-01-01T00:00:00+01:00", "yesterday"]))
    message = str(info.value)
    assert info.value.status == "CANDOR_INVALID_ARGUMENT"
    assert "ISO 8601" in message and "Unix seconds" in message


def test_recency_weights_accept_mixed_offsets():
    w = candor.recency_weights(pd.Series(MIXED, dtype=object), half_life_days=10)
    seconds = candor._convert.unix_seconds(pd.Series(MIXED, dtype=object), "t")
    age_days = (seconds.max() - seconds) / 86400
    expected = 0.5 ** (age_days / 10)
    np.testing.assert_allclose(np.asarray(w) / np.asarray(w).max(), expected / expected.max())


# --- reprs, HTML, docstrings ------------------------------------------------

def test_large_results_have_short_reprs_and_html():
    texts = ["The delivery was late and support never answered."] * 3000 + ["Great!"] * 10
    results = candor.analyze(texts)
    text = repr(results)
    assert len(text) < 1500, len(text)
    assert text.startswith("TextResults(") and "array(3010, float64)" in text
    html = results._repr_html_()
    assert html.startswith("<div>") and "TextResults" in html and len(html) < 20000
    rng = np.random.default_rng(0)
    scores = rng.integers(0, 11, 3000)
    mentions = (rng.random((3000, 4)) < 0.3).astype(np.int8)
    drivers = candor.theme_drivers(scores, mentions, ["a", "b", "c", "d"])
    assert len(repr(drivers)) < 1500
    html = drivers._repr_html_()
    assert "<table" in html and "DataFrame" not in repr(drivers.table)[:0]


def test_estimate_html():
    html = candor.nps([10, 9, 3])._repr_html_()
    assert "Estimate" in html and "value" in html and "std_error" in html


def test_docstrings_are_full():
    for f in (candor.nps, candor.score, candor.csat, candor.trend, candor.theme_drivers,
              candor.drivers, candor.sentiment):
        assert len(f.__doc__.strip().splitlines()) >= 8, f.__name__
    assert "missing" in candor.nps.__doc__ and "Returns" in candor.nps.__doc__


# --- lazy pandas ------------------------------------------------------------

def _python(code):
    env = dict(os.environ, PYTHONPATH=str(PACKAGE_PARENT))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_import_does_not_import_pandas():
    _python("import candor, sys; assert 'pandas' not in sys.modules")


def test_numpy_scoring_and_sentiment_do_not_import_pandas():
    _python("import candor, sys, numpy as np; candor.nps(np.array([10, 9, 3], np.int8)); "
            "candor.nps([10.0, None], missing='skip'); candor.sentiment(['good', 'bad']); "
            "candor.compare([10, 9], [3, 4]); assert 'pandas' not in sys.modules")


def test_pandas_is_imported_when_a_frame_is_made():
    out = _python("import candor, sys; f = candor.trend([9, 3], [0, 3_000_000]); "
                  "print(type(f).__name__, 'pandas' in sys.modules)")
    assert out.split() == ["DataFrame", "True"]


# --- sentiment's shared model -----------------------------------------------

def test_sentiment_reuses_a_model_and_matches_the_whole_pipeline():
    from candor import text_model
    texts = ["Great support, thanks!", "Still waiting, awful.", None, "", "ok I guess"]
    expected = candor.TextModel().analyze(texts).sentiment
    np.testing.assert_array_equal(candor.sentiment(texts), expected)
    np.testing.assert_array_equal(candor.sentiment(texts, threads=1), expected)
    assert text_model._model(None, {}) is text_model._model(None, {})
    assert text_model._model(None, {"threads": 1}) is not text_model._model(None, {})
    # A caller's lexicon makes a model of its own, never the shared one.
    custom = candor.sentiment(["zzzword"], lexicon={"zzzword": 3.0})
    assert custom[0] > 0 and candor.sentiment(["zzzword"])[0] == 0
    assert text_model._model(None, {"lexicon": {"a": 1.0}}) is not text_model._model(None, {})


def test_breakdown_missing_skip_drops_the_rows_and_their_labels():
    scores = pd.Series([10, None, 3, 9, 8, 2, 10, np.nan])
    region = pd.Series(["n", "n", "s", "s", "n", "s", "n", "s"], name="region")
    with pytest.raises(candor.Error):
        candor.breakdown(scores, region)
    frame = candor.breakdown(scores, region, missing="skip")
    keep = scores.notna().to_numpy()
    expected = candor.breakdown(scores[keep], region[keep])
    assert frame.attrs["skipped"] == 2
    pd.testing.assert_frame_equal(frame, expected)
    assert frame.set_index("region")["value"].to_dict() == pytest.approx(
        {"n": nps_by_hand([10, 8, 10]), "s": nps_by_hand([3, 9, 2])})


def test_errors_pickle_as_themselves():
    # Errors raised in worker processes (Dask, multiprocessing) come back
    # pickled: status and message must survive.
    import pickle
    error = pickle.loads(pickle.dumps(candor.Error("CANDOR_OUT_OF_RANGE", "score 11")))
    assert isinstance(error, candor.Error)
    assert error.status == "CANDOR_OUT_OF_RANGE" and str(error) == "score 11"
