"""candor.trend: calendar buckets against pandas (tz_convert, to_period,
isocalendar, groupby), statistics against the numpy/scipy closed forms of
tests/crosscheck/trend_buckets_reference.py (fixtures in tests/data/trend_buckets)
and against scipy.stats directly, and bad input."""
import datetime as dt
import os
import pathlib
import shutil
import threading

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import candor

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "trend_buckets"
METRICS = {"nps": dict(metric="nps"), "top_box": dict(metric="top_box", scale=(0, 10), box=2),
           "mean": dict(metric="mean", scale=(0, 10))}
COLUMNS = ["value", "std_error", "ci_low", "ci_high", "n", "effective_n"]


def close(actual, expected, what):
    actual, expected = np.asarray(actual, float), np.asarray(expected, float)
    assert np.array_equal(np.isnan(actual), np.isnan(expected)), what
    ok = ~np.isnan(expected)
    np.testing.assert_allclose(actual[ok], expected[ok], rtol=1e-9, atol=1e-9, err_msg=what)


def test_matches_the_crosscheck_fixtures():
    responses = pd.read_csv(DATA / "responses.csv")
    expected = pd.read_csv(DATA / "expected.csv")
    cases = pd.read_csv(DATA / "cases.csv")
    assert len(cases) == 5
    for case in cases.itertuples():
        frame = candor.trend(
            responses["score"], responses["time"], every=case.every, tz=case.zone,
            weights=responses["weight"] if case.weighted else None,
            accounts=responses["account"] if case.accounts else None,
            segments=responses["segment"] if case.segments else None,
            window_days=case.window_days or None, half_life_days=case.half_life_days or None,
            control_k=case.control_k, level=case.level, interval="wald",  # as the fixtures
            **METRICS[case.metric])
        want = expected[expected["case"] == case.case].reset_index(drop=True)
        assert len(frame) == len(want), case.case
        assert list(frame["bucket"]) == list(want["label"]), case.case
        if case.segments:
            assert list(frame["segment"]) == list(want["segment"])
        start = frame["start"].map(lambda t: int(t.timestamp()))
        assert list(start) == list(want["start"]), case.case
        assert str(frame["start"].dt.tz) == case.zone
        prefixes = [""] + (["rolling_"] if case.window_days else []) + \
            (["smoothed_"] if case.half_life_days else [])
        for prefix in prefixes:
            for column in COLUMNS:
                close(frame[prefix + column], want[prefix + column],
                      "%s %s%s" % (case.case, prefix, column))
        for column in ("previous", "change", "change_std_error", "change_ci_low",
                       "change_ci_high", "change_p_value", "mdc", "center", "lower", "upper",
                       "flag"):
            close(frame[column], want[column], "%s %s" % (case.case, column))


def test_monthly_buckets_match_pandas_groupby_and_scipy(rng):
    # Aware datetimes in London across both DST changes of 2025; unsorted.
    n = 5000
    seconds = rng.integers(1735689600, 1767225600, n)  # 2025 (UTC)
    when = pd.Series(pd.to_datetime(seconds, unit="s", utc=True)).dt.tz_convert("Europe/London")
    scores = rng.integers(0, 11, n).astype(float)
    frame = candor.trend(scores, when, every="month", tz="Europe/London")
    local = when.dt.tz_localize(None).dt.to_period("M").astype(str)
    values = np.where(scores >= 9, 1.0, np.where(scores <= 6, -1.0, 0.0))
    groups = pd.DataFrame({"month": local, "s": values}).groupby("month")["s"]
    assert list(frame["bucket"]) == list(groups.size().index)
    assert list(frame["n"]) == list(groups.size())
    m, count = groups.mean().to_numpy(), groups.size().to_numpy()
    var = (groups.apply(lambda s: np.mean(s ** 2)).to_numpy() - m ** 2) / count
    np.testing.assert_allclose(frame["value"], 100 * m, rtol=1e-12)
    np.testing.assert_allclose(frame["std_error"], 100 * np.sqrt(var), rtol=1e-10)
    # Month over month: independent two-sample z-test, scipy's normal.
    d = 100 * np.diff(m)
    se = 100 * np.sqrt(var[1:] + var[:-1])
    np.testing.assert_allclose(frame["change"][1:], d, rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(frame["change_p_value"][1:], 2 * stats.norm.sf(np.abs(d / se)),
                               rtol=1e-9)
    np.testing.assert_allclose(frame["mdc"][1:],
                               (stats.norm.ppf(0.975) + stats.norm.ppf(0.8)) * se, rtol=1e-9)
    # Starts are local midnights on the first of each month.
    starts = frame["start"]
    assert all(t.day == 1 and t.hour == 0 and t.minute == 0 for t in starts)
    assert [t.utcoffset() for t in starts][2:4] == [dt.timedelta(0), dt.timedelta(hours=1)]


def test_iso_weeks_and_quarters_match_pandas(rng):
    seconds = rng.integers(1577836800, 1735689600, 3000)  # 2020..2024
    scores = rng.integers(0, 11, 3000)
    frame = candor.trend(scores, seconds, every="week", tz="America/New_York")
    local = pd.Series(pd.to_datetime(seconds, unit="s", utc=True)).dt.tz_convert(
        "America/New_York")
    iso = local.dt.isocalendar()
    labels = ["%04d-W%02d" % (y, w) for y, w in zip(iso["year"], iso["week"])]
    counts = pd.Series(labels).value_counts()
    got = frame.set_index("bucket")["n"]
    assert all(got[label] == count for label, count in counts.items())
    assert got.sum() == 3000
    assert "2020-W53" in got.index
    quarters = candor.trend(scores, seconds, every="quarter", tz="Asia/Kathmandu")
    q = pd.Series(pd.to_datetime(seconds, unit="s", utc=True)).dt.tz_convert(
        "Asia/Kathmandu").dt.tz_localize(None).dt.to_period("Q").astype(str)
    assert list(quarters["bucket"]) == [s.replace("Q", "-Q") for s in sorted(set(q))]
    assert list(quarters["n"]) == list(q.value_counts().sort_index())


def test_string_segments_and_single_bucket():
    scores = [10, 9, 3, 8, 10]
    times = [1767225600 + i for i in range(5)]
    frame = candor.trend(scores, times, segments=["b", "a", "b", "a", "b"])
    assert list(frame["segment"]) == ["a", "b"]
    assert list(frame["n"]) == [2, 3]
    assert list(frame["previous"]) == [-1, -1]
    assert frame["change"].isna().all() and frame["mdc"].isna().all()


def test_bad_input_is_a_clear_error():
    scores, times = [10, 9, 3], [1767225600, 1767225605, 1767225609]
    with pytest.raises(candor.Error) as e:
        candor.trend(scores, times, tz="Mars/Olympus_Mons")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "Mars/Olympus_Mons" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.trend(scores, times, every="fortnight")
    assert "fortnight" in str(e.value)
    for bad in (dict(window_days=0), dict(window_days=-2), dict(half_life_days=-1.0),
                dict(half_life_days=0), dict(power=1.5), dict(control_k=0)):
        with pytest.raises(candor.Error) as e:
            candor.trend(scores, times, **bad)
        assert e.value.status == "CANDOR_INVALID_ARGUMENT", bad
    with pytest.raises(candor.Error) as e:
        candor.trend(scores, times[:2])
    assert e.value.status == "CANDOR_LENGTH_MISMATCH"
    with pytest.raises(candor.Error) as e:
        candor.trend([], [])
    assert e.value.status == "CANDOR_EMPTY"
    with pytest.raises(candor.Error) as e:
        candor.trend(scores, np.array(["2026-01-01", "NaT", "2026-01-02"], dtype="datetime64[s]"))
    assert "index 1" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.trend(scores, [1767225600, 9 * 10**9, 1767225600])
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and "index 1" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.trend([10, 12, 3], times)
    assert e.value.status == "CANDOR_OUT_OF_RANGE"
    with pytest.raises(candor.Error) as e:
        candor.trend(scores, times, accounts=["a", "b"])
    assert e.value.status == "CANDOR_LENGTH_MISMATCH"


# Time zone names are tz database identifiers, never file paths.
ZONEINFO = pathlib.Path(os.environ.get("TZDIR") or "/usr/share/zoneinfo")
UP_TO_ROOT = "../" * 16  # from the tz directory to '/' (extra '..' stay at '/')
JAN1_4AM = 1767225600 + 4 * 3600  # 2026-01-01 04:00 UTC


def refused(tz, reason):
    with pytest.raises(candor.Error) as e:
        candor.trend([10, 9, 3], [JAN1_4AM, JAN1_4AM + 5, JAN1_4AM + 9], tz=tz)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    assert "is not a tz database name" in str(e.value), str(e.value)
    assert reason in str(e.value), str(e.value)
    return str(e.value)


@pytest.mark.parametrize("tz, reason", [
    (str(ZONEINFO / "Asia" / "Tokyo"), "starts with '/'"),
    (UP_TO_ROOT + str(ZONEINFO / "Asia" / "Tokyo")[1:], "'..' component"),
    ("Asia/../Asia/Tokyo", "'..' component"),
    ("./UTC", "'.' component"),
    ("file:" + str(ZONEINFO / "Asia" / "Tokyo"), "contains ':'"),
    ("Asia\\Tokyo", "backslash"),
    ("Europe/" + "L" * 15, "more than 14"),
    ("Abcdefghij/" * 6 + "Abcdefghij", "more than 64"),
])
def test_time_zone_paths_are_refused(tz, reason):
    assert "\"Europe/London\"" in refused(tz, reason)


def test_time_zone_copied_file_is_refused(tmp_path):
    copy = tmp_path / "Tokyo"
    shutil.copyfile(ZONEINFO / "Asia" / "Tokyo", copy)
    refused(UP_TO_ROOT + str(copy)[1:], "'..' component")
    refused(str(copy), "starts with '/'")


def test_time_zone_with_nul_is_refused_not_cut():
    # A C string ends at the NUL: ctypes would pass "Asia/Tokyo" alone.
    with pytest.raises(candor.Error) as e:
        candor.trend([10, 9, 3], [JAN1_4AM, JAN1_4AM + 5, JAN1_4AM + 9],
                     tz="Asia/Tokyo\0/../../x")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    assert "NUL" in str(e.value)


def test_empty_time_zone_is_refused():
    with pytest.raises(candor.Error) as e:
        candor.trend([10, 9, 3], [JAN1_4AM, JAN1_4AM + 5, JAN1_4AM + 9], tz="")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "empty" in str(e.value)


def test_fifo_behind_dotdot_is_refused_without_opening_it(tmp_path):
    # Opening a FIFO blocks until a writer comes: after 5 s the watchdog opens
    # the write end, so a regression fails here instead of hanging.
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    done, opened = threading.Event(), threading.Event()

    def watchdog():
        if done.wait(5):
            return
        while not done.wait(0.01):
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
                opened.set()
            except OSError:  # nobody reads it (yet)
                pass

    thread = threading.Thread(target=watchdog)
    thread.start()
    try:
        refused(UP_TO_ROOT + str(fifo)[1:], "'..' component")
    finally:
        done.set()
        thread.join()
    assert not opened.is_set(), "the FIFO was opened as a zone file"


def test_iana_names_still_work():
    for tz in ("UTC", "Etc/GMT+5", "America/Argentina/Buenos_Aires", "EST5EDT", "GMT-0"):
        frame = candor.trend([10, 9, 3], [JAN1_4AM, JAN1_4AM + 5, JAN1_4AM + 9], every="day",
                             tz=tz)
        local = pd.Timestamp(JAN1_4AM, unit="s", tz="UTC").tz_convert(tz)
        assert list(frame["bucket"]) == [local.strftime("%Y-%m-%d")], tz
    # Etc/GMT+5 is UTC-5 (POSIX sign): 04:00 UTC is still the last day of 2025.
    frame = candor.trend([10], [JAN1_4AM], every="day", tz="Etc/GMT+5")
    assert list(frame["bucket"]) == ["2025-12-31"]
