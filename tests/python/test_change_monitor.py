"""candor.ChangeMonitor against an independent numpy CUSUM: the baseline,
the threshold from Siegmund's ARL approximation, U and L after every bucket
and the alarm times; replay over calendar days against pandas' own grouping;
bad input."""

import math

import numpy as np
import pytest

import candor


def nps_values(scores):
    scores = np.asarray(scores, dtype=float)
    return np.where(scores >= 9, 1.0, np.where(scores <= 6, -1.0, 0.0))


def draw_nps(rng, n, promoters, detractors):
    u = rng.random(n)
    return np.where(u < detractors, rng.integers(0, 7, n),
                    np.where(u < detractors + promoters, rng.integers(9, 11, n),
                             rng.integers(7, 9, n))).astype(float)


def siegmund_threshold(k, alpha):
    """h with (e^{2k h'} - 2k h' - 1) / (2k^2) = 2 / alpha, h' = h + 1.166,
    by scipy's root finder (not the library's bisection)."""
    from scipy.optimize import brentq

    def arl(h):
        x = 2 * k * (h + 1.166)
        return (math.exp(x) - x - 1) / (2 * k * k) - 2 / alpha
    return brentq(arl, 0, 50, xtol=1e-13)


def numpy_cusum(history_values, buckets, bucket_size, k_b, h_b):
    mu0 = history_values.mean()
    sigma = history_values.std(ddof=1)
    root = math.sqrt(bucket_size)
    upper = lower = 0.0
    out = []
    for bucket in buckets:
        v = nps_values(bucket)
        z = (v.sum() - len(v) * mu0) / sigma / root  # in bucket-SE units
        upper = max(0.0, upper + z - len(v) * k_b / bucket_size)
        lower = max(0.0, lower - z - len(v) * k_b / bucket_size)
        out.append((upper, lower, upper > h_b or lower > h_b))
    return out


def test_matches_an_independent_cusum():
    rng = np.random.default_rng(5)
    history = draw_nps(rng, 20 * 60, 0.45, 0.30)
    sizes = [20] * 60
    buckets = [draw_nps(rng, int(rng.integers(10, 30)), 0.45, 0.30) for _ in range(50)]
    buckets += [draw_nps(rng, int(rng.integers(10, 30)), 0.35, 0.40) for _ in range(40)]
    monitor = candor.ChangeMonitor(history, alpha=0.005, history_buckets=sizes)
    assert monitor.bucket_size == 20
    values = nps_values(history)
    assert monitor.baseline_mean == pytest.approx(100 * values.mean(), abs=1e-9)
    assert monitor.baseline_sd == pytest.approx(100 * values.std(ddof=1), abs=1e-9)
    h_b = siegmund_threshold(0.5, 0.005)
    assert monitor.threshold == pytest.approx(h_b, rel=1e-9)
    assert monitor.arl0 == pytest.approx(200, rel=1e-6)
    expected = numpy_cusum(values, buckets, 20, 0.5, h_b)
    states = [monitor.update(b) for b in buckets]
    for t, (state, (u, l, alarm)) in enumerate(zip(states, expected)):
        assert state.bucket == t
        assert state.upper == pytest.approx(u, abs=1e-9)
        assert state.lower == pytest.approx(l, abs=1e-9)
        assert state.alarm == alarm
    alarms = [t for t, s in enumerate(states) if s.alarm]
    assert alarms == [t for t, e in enumerate(expected) if e[2]]
    assert alarms and alarms[0] >= 50  # the drop, after no false alarm (seeded)
    first = states[alarms[0]]
    assert first.direction == "down"
    # The start: the bucket after the last one where L was 0 (numpy's).
    last_zero = max(t for t in range(alarms[0]) if expected[t][1] == 0)
    assert first.change_start == last_zero + 1
    since = np.concatenate(buckets[first.change_start:alarms[0] + 1])
    assert first.change_n == len(since)
    assert first.shift == pytest.approx(100 * (nps_values(since).mean() - values.mean()))
    half = 1.959963984540054 * monitor.baseline_sd / math.sqrt(len(since))
    assert first.shift_high - first.shift == pytest.approx(half, rel=1e-9)
    monitor.reset()
    after = monitor.update([])
    assert (after.upper, after.lower, after.alarm, after.buckets_since_reset) == (0, 0, False, 1)
    assert math.isnan(after.level) and after.change_start is None


def test_shift_option_sets_the_reference():
    rng = np.random.default_rng(6)
    history = draw_nps(rng, 500, 0.4, 0.3)
    monitor = candor.ChangeMonitor(history, shift=10, bucket_size=17, alpha=0.001)
    sd = 100 * nps_values(history).std(ddof=1)
    k_b = 0.5 * 10 / sd * math.sqrt(17)
    assert monitor.reference == pytest.approx(k_b, rel=1e-12)
    assert monitor.threshold == pytest.approx(siegmund_threshold(k_b, 0.001), rel=1e-9)


def test_replay_by_day_matches_pandas_grouping():
    pd = pytest.importorskip("pandas")
    rng = np.random.default_rng(7)
    days = 150
    day_of = np.repeat(np.arange(days), 17)
    scores = np.concatenate([draw_nps(rng, 17, 0.45, 0.30) if d < 120 else
                             draw_nps(rng, 17, 0.30, 0.45) for d in range(days)])
    times = 1_700_000_000 - 1_700_000_000 % 86400 + day_of * 86400 + rng.integers(0, 86400,
                                                                                  len(day_of))
    cut = pd.Timestamp(1_700_000_000 - 1_700_000_000 % 86400 + 90 * 86400, unit="s")
    shuffled = rng.permutation(len(scores))  # replay sorts by time itself
    frame = candor.ChangeMonitor.replay(scores[shuffled], times[shuffled], every="day",
                                        history_until=cut, alpha=0.001)
    assert len(frame) == 60
    assert (frame["n"] == 17).all()
    assert frame["bucket"].iloc[0] == cut
    # The same by hand: history = days before the cut, one update per day.
    monitor = candor.ChangeMonitor(scores[:90 * 17], alpha=0.001, history_buckets=[17] * 90)
    for d in range(90, days):
        state = monitor.update(scores[d * 17:(d + 1) * 17])
        row = frame.iloc[d - 90]
        assert row["upper"] == pytest.approx(state.upper)
        assert row["lower"] == pytest.approx(state.lower)
        assert row["alarm"] == state.alarm
    first = frame[frame["alarm"]].iloc[0]
    assert first["direction"] == "down"
    assert first["bucket"] >= cut + pd.Timedelta(days=30)
    assert frame.attrs["bucket_size"] == 17
    assert frame.attrs["arl0"] == pytest.approx(1000, rel=1e-6)


def test_bad_input():
    history = [9, 10, 7, 3] * 10
    with pytest.raises(candor.Error) as e:
        candor.ChangeMonitor(history, alpha=0)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "alpha" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.ChangeMonitor(history, shift=-2)
    assert "shift" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.ChangeMonitor(history[:20])
    assert e.value.status == "CANDOR_EMPTY"
    with pytest.raises(candor.Error) as e:
        candor.ChangeMonitor([10] * 40)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(candor.Error) as e:
        candor.ChangeMonitor(history, history_buckets=[20, 19])
    assert e.value.status == "CANDOR_LENGTH_MISMATCH"
    monitor = candor.ChangeMonitor(history)
    with pytest.raises(candor.Error) as e:
        monitor.update([9, float("nan")])
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and "index 1" in str(e.value)
    monitor.close()
    with pytest.raises(candor.Error):
        monitor.update([9])
    with pytest.raises(candor.Error):
        candor.ChangeMonitor.replay([9] * 40, list(range(40)), every="fortnight",
                                    history_until="2020-01-01")
