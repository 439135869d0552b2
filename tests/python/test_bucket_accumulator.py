"""candor.BucketAccumulator against candor.trend over the same responses
(candor.trend is checked against numpy/scipy in test_trend_buckets.py):
split, serialized and merged states give its frame; labels of every kind
key segments across states; limits and bad input are candor.Errors."""
import numpy as np
import pytest

import candor
from candor import Error
from candor.accumulator import account_key, key_label

pd = pytest.importorskip("pandas")


def responses(n, seed):
    rng = np.random.default_rng(seed)
    scores = rng.integers(0, 11, n).astype(float)
    times = rng.integers(1676851200, 1676851200 + 400 * 86400, n)
    weights = rng.uniform(0.2, 3.0, n)
    labels = np.array(["acme", "Zoë AG", 17, "17", 2.5, True, None][:6], dtype=object)
    segments = labels[rng.integers(0, len(labels), n)]
    return scores, times, weights, segments


def same(got, want):
    assert list(got.columns) == list(want.columns)
    for column in want.columns:
        if want[column].dtype.kind in "fc":
            np.testing.assert_allclose(got[column].to_numpy(float), want[column].to_numpy(float),
                                       rtol=1e-12, atol=1e-10, err_msg=column)
        else:
            assert list(got[column]) == list(want[column]), column


@pytest.mark.parametrize("parts", [1, 3, 8])
def test_merged_states_give_the_trend(parts):
    scores, times, weights, segments = responses(6000, seed=parts)
    want = candor.trend(scores, times, "week", "America/New_York", weights=weights,
                        segments=segments, window_days=28, half_life_days=14)
    merged = candor.BucketAccumulator(tz="America/New_York", half_life_days=14)
    for rows in np.array_split(np.random.default_rng(0).permutation(6000), parts):
        state = candor.BucketAccumulator(tz="America/New_York", half_life_days=14)
        state.add(scores[rows], times[rows], weights[rows], segments[rows])
        merged.merge(candor.BucketAccumulator.from_bytes(state.to_bytes()))
    assert len(merged) == 6000
    assert merged.tz == "America/New_York" and merged.half_life_days == 14
    got = merged.trend("week", window_days=28, half_life_days=14)
    same(got, want)
    # Without the smoothed columns, and for another period, from one state.
    same(merged.trend("month"), candor.trend(scores, times, "month", "America/New_York",
                                             weights=weights, segments=segments))


def test_labels_round_trip_through_their_keys():
    for label in ["acme", "Zoë AG", "", 17, -3, 2.5, True, False, b"\x00raw"]:
        assert key_label(account_key(label)) == label
    assert account_key(17.0) == account_key(17) != account_key("17")


def test_one_series_csat_and_dates():
    rng = np.random.default_rng(4)
    scores = rng.integers(1, 6, 900).astype(float)
    times = pd.Series(pd.date_range("2024-01-01", periods=900, freq="7h", tz="Asia/Kolkata"))
    state = candor.BucketAccumulator((1, 5), "Asia/Kolkata").add(scores, times)
    same(state.trend("day", "csat"), candor.trend(scores, times, "day", "Asia/Kolkata", "csat"))
    assert state.segment_keys() == [b""]


def test_limits_and_bad_input_are_candor_errors():
    scores, times, weights, segments = responses(300, seed=9)
    state = candor.BucketAccumulator(tz="UTC", half_life_days=7)
    state.add(scores, times, weights, segments)
    with pytest.raises(Error) as e:
        state.trend(interval="bootstrap")
    assert e.value.status == "CANDOR_UNSUPPORTED"
    with pytest.raises(Error) as e:
        state.trend(half_life_days=3)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(Error) as e:
        state.merge(candor.BucketAccumulator(tz="Europe/Paris", half_life_days=7))
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(Error) as e:
        state.add([5.0, 12.0], [1700000000, 1700000000])
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and "index 1" in str(e.value)
    assert len(state) == 300  # nothing of the bad batch was added
    with pytest.raises(Error) as e:
        candor.BucketAccumulator(tz="../../etc/passwd")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(Error) as e:
        candor.BucketAccumulator.from_bytes(state.to_bytes()[:-3])
    assert e.value.status == "CANDOR_PARSE_ERROR"
    with pytest.raises(Error) as e:
        candor.BucketAccumulator(half_life_days=-1)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
