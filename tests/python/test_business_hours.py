"""candor.BusinessCalendar against independent computations
(tests/crosscheck/business_hours_reference.py): minute stepping with pandas'
time zones over thousands of random instants in New York, Berlin, Lord Howe
(30-minute DST), Kolkata and Samoa (2011-12-30 skipped), with holidays; and
zoneinfo interval arithmetic for openings skipped or repeated by DST. Also the
kinds of instants it takes and returns, and its errors."""
import datetime as dt
import os
import pathlib
import sys

import numpy as np
import pandas as pd
import pytest

import candor

ROOT = pathlib.Path(os.environ.get("CANDOR_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
sys.path.insert(0, str(ROOT / "tests" / "crosscheck"))
import business_hours_reference as reference  # noqa: E402


def _days(dates):
    return [(d - dt.date(1970, 1, 1)).days for d in dates]


# zone, open, close, weekdays, holidays, first day, last day of the instants
GRID_CASES = [
    ("America/New_York", 540, 1020, (0, 1, 2, 3, 4),
     [dt.date(2026, 11, 26), dt.date(2026, 12, 25), dt.date(2026, 3, 9)],
     dt.date(2026, 2, 20), dt.date(2027, 1, 10)),
    ("Europe/Berlin", 480, 1110, (0, 1, 2, 3, 4, 5), [dt.date(2026, 3, 30), dt.date(2026, 10, 26)],
     dt.date(2026, 3, 1), dt.date(2026, 11, 30)),
    ("Australia/Lord_Howe", 0, 1440, (0, 1, 2, 3, 4, 5, 6), [dt.date(2026, 4, 6)],
     dt.date(2026, 3, 20), dt.date(2026, 10, 20)),
    ("Asia/Kolkata", 570, 1110, (0, 1, 2, 3, 4), [dt.date(2026, 1, 26), dt.date(2026, 8, 15)],
     dt.date(2026, 1, 1), dt.date(2026, 9, 1)),
    ("Pacific/Apia", 540, 1020, (0, 1, 2, 3, 4), [dt.date(2012, 1, 2)],
     dt.date(2011, 9, 1), dt.date(2012, 5, 1)),
    ("Pacific/Apia", 0, 1440, (0, 1, 2, 3, 4, 5, 6), [],
     dt.date(2011, 12, 1), dt.date(2012, 1, 31)),
]


def _calendar(zone, open_minute, close_minute, weekdays, holidays):
    def hhmm(m):
        return "%02d:%02d" % divmod(m, 60)
    return candor.BusinessCalendar(zone, open=hhmm(open_minute), close=hhmm(close_minute),
                                   weekdays=weekdays, holidays=holidays)


@pytest.mark.parametrize("case", GRID_CASES, ids=lambda c: "%s-%d" % (c[0], c[1]))
def test_against_minute_stepping(case):
    zone, open_minute, close_minute, weekdays, holidays, first, last = case
    grid = reference.MinuteGrid(zone, open_minute, close_minute, weekdays, _days(holidays),
                                first, last)
    calendar = _calendar(zone, open_minute, close_minute, weekdays, holidays)
    rng = np.random.default_rng(14)
    lo = int(pd.Timestamp(first, tz="UTC").timestamp())
    hi = int(pd.Timestamp(last, tz="UTC").timestamp())
    n = 3000
    starts = rng.integers(lo, hi, n)
    # Spans from seconds to weeks, some reversed.
    ends = np.clip(starts + (rng.exponential(4 * 86400, n) * rng.choice([-1, 1], n, p=[.1, .9]))
                   .astype(np.int64), lo, hi)
    got = calendar.business_hours_between(starts, ends)
    expected = grid.between_hours(starts, ends)
    np.testing.assert_array_equal(got, expected)

    # Deadlines, in whole seconds up to 200 hours, from the same starts.
    need = rng.integers(1, 200 * 3600, n)
    need[: n // 4] = rng.integers(1, 4 * 3600, n // 4)  # short ones, within a day
    reachable = grid.seconds_before(np.full(n, hi)) - grid.seconds_before(starts) >= need
    assert reachable.mean() > 0.9
    starts, need = starts[reachable], need[reachable]
    got = calendar.deadline(starts, need / 3600.0)
    np.testing.assert_array_equal(got, grid.deadline(starts, need))
    # Inverse: between(start, deadline(start, h)) == h.
    np.testing.assert_array_equal(calendar.business_hours_between(starts, got), need / 3600.0)


# Openings and closings skipped or repeated by daylight saving: the rules of
# business_hours.hpp (first instant at or after), against zoneinfo.
EDGE_CASES = [
    ("Europe/Berlin", 150, 240, (0, 1, 2, 3, 4, 5, 6), dt.date(2026, 3, 20), dt.date(2026, 4, 5)),
    ("Europe/Berlin", 150, 195, (0, 1, 2, 3, 4, 5, 6), dt.date(2026, 10, 18), dt.date(2026, 11, 1)),
    ("America/New_York", 60, 120, (5, 6), dt.date(2026, 10, 20), dt.date(2026, 11, 15)),
    ("America/New_York", 135, 600, (6,), dt.date(2026, 2, 25), dt.date(2026, 3, 20)),
    ("Australia/Lord_Howe", 105, 140, (0, 1, 2, 3, 4, 5, 6), dt.date(2026, 3, 28),
     dt.date(2026, 4, 12)),
    ("Australia/Lord_Howe", 120, 160, (0, 1, 2, 3, 4, 5, 6), dt.date(2026, 9, 27),
     dt.date(2026, 10, 11)),
    ("Pacific/Apia", 30, 1410, (3, 4, 5), dt.date(2011, 12, 20), dt.date(2012, 1, 10)),
]


@pytest.mark.parametrize("case", EDGE_CASES, ids=lambda c: "%s-%d-%d" % (c[0], c[1], c[2]))
def test_skipped_and_repeated_openings_against_zoneinfo(case):
    zone, open_minute, close_minute, weekdays, first, last = case
    ref = reference.IntervalCalendar(zone, open_minute, close_minute, weekdays, [])
    calendar = _calendar(zone, open_minute, close_minute, weekdays, [])
    rng = np.random.default_rng(7)
    lo = int(pd.Timestamp(first, tz="UTC").timestamp())
    hi = int(pd.Timestamp(last, tz="UTC").timestamp())
    starts = rng.integers(lo, hi, 400)
    ends = np.minimum(starts + rng.integers(-86400, 5 * 86400, 400), hi)
    got = calendar.business_hours_between(starts, ends)
    expected = [ref.between_seconds(int(s), int(e)) / 3600.0 for s, e in zip(starts, ends)]
    np.testing.assert_array_equal(got, expected)
    need = rng.integers(0, 6 * 3600, 400)
    got = calendar.deadline(starts, need / 3600.0)
    np.testing.assert_array_equal(got, [ref.deadline(int(s), int(k)) for s, k in zip(starts, need)])


def test_zero_hours_is_the_next_business_instant():
    calendar = candor.BusinessCalendar("UTC")
    saturday = dt.datetime(2026, 12, 5, 12)
    assert calendar.deadline(saturday, 0) == dt.datetime(2026, 12, 7, 9)
    assert calendar.deadline(dt.datetime(2026, 12, 7, 10), 0) == dt.datetime(2026, 12, 7, 10)


def test_kinds_in_and_out():
    calendar = candor.BusinessCalendar("Europe/Berlin", holidays=["2026-12-25"])
    naive = dt.datetime(2026, 12, 24, 15)           # UTC: 16:00 in Berlin
    aware = naive.replace(tzinfo=dt.timezone.utc)
    expected = dt.datetime(2026, 12, 28, 9)          # 10:00 in Berlin on Monday
    assert calendar.deadline(naive, 2) == expected
    assert calendar.deadline(aware, 2) == expected.replace(tzinfo=dt.timezone.utc)
    berlin = aware.astimezone(dt.timezone(dt.timedelta(hours=1)))
    assert calendar.deadline(berlin, 2) == expected.replace(tzinfo=dt.timezone.utc)
    assert calendar.deadline(pd.Timestamp(naive), 2) == pd.Timestamp(expected)
    stamp = calendar.deadline(pd.Timestamp(naive, tz="America/New_York"), 0)
    assert stamp.tzinfo is not None and str(stamp.tz) == "UTC"
    assert calendar.deadline(np.datetime64(naive), 2) == np.datetime64(expected, "s")
    assert calendar.deadline(int(aware.timestamp()), 2) == int(
        expected.replace(tzinfo=dt.timezone.utc).timestamp())

    series = pd.Series(pd.to_datetime([naive, naive + dt.timedelta(days=5)]), index=[10, 20],
                       name="opened")
    due = calendar.deadline(series, 2)
    assert isinstance(due, pd.Series) and list(due.index) == [10, 20] and due.name == "opened"
    assert due.iloc[0] == pd.Timestamp(expected)
    aware_series = series.dt.tz_localize("UTC").dt.tz_convert("Asia/Tokyo")
    assert str(calendar.deadline(aware_series, 2).dt.tz) == "UTC"
    index = pd.DatetimeIndex(series)
    assert isinstance(calendar.deadline(index, [2, 3]), pd.DatetimeIndex)
    array = series.to_numpy()
    out = calendar.deadline(array, np.array([2.0, 2.0]))
    assert out.dtype == array.dtype and out[0] == np.datetime64(expected)
    # One start, many hours: an array.
    many = calendar.deadline(naive, [0, 1, 2])
    assert len(many) == 3 and many[2] == np.datetime64(expected)

    hours = calendar.business_hours_between(naive, expected)
    assert isinstance(hours, float) and hours == 2.0
    between = calendar.business_hours_between(series, series + pd.Timedelta(days=1))
    assert isinstance(between, pd.Series) and list(between.index) == [10, 20]
    assert calendar.business_hours_between(expected, naive) == -2.0


def test_holiday_kinds_agree():
    kinds = [
        [dt.date(2026, 12, 25)],
        np.array(["2026-12-25"], dtype="datetime64[D]"),
        ["2026-12-25"],
        [pd.Timestamp("2026-12-25")],
    ]
    start = dt.datetime(2026, 12, 24, 16)
    results = {candor.BusinessCalendar(holidays=h).deadline(start, 2) for h in kinds}
    assert results == {dt.datetime(2026, 12, 28, 10)}
    assert candor.BusinessCalendar().deadline(start, 2) == dt.datetime(2026, 12, 25, 10)


def test_from_json_and_load(tmp_path):
    text = ('{"time_zone": "America/New_York", "open": "08:00", "close": "16:00", '
            '"weekdays": [0, 1, 2, 3], "holidays": ["2026-12-24"]}')
    calendar = candor.BusinessCalendar.from_json(text)
    same = candor.BusinessCalendar("America/New_York", open="08:00", close="16:00",
                                   weekdays=(0, 1, 2, 3), holidays=[dt.date(2026, 12, 24)])
    starts = np.arange(1796000000, 1799000000, 7777)
    np.testing.assert_array_equal(calendar.deadline(starts, 5.5), same.deadline(starts, 5.5))
    path = tmp_path / "calendar.json"
    path.write_text(text)
    assert candor.BusinessCalendar.load(path).holidays == (dt.date(2026, 12, 24),)
    with pytest.raises(candor.Error, match="unknown key 'opening'"):
        candor.BusinessCalendar.from_json('{"opening": "09:00"}')


@pytest.mark.parametrize("kwargs,status,needle", [
    (dict(tz="Mars/Base"), "CANDOR_INVALID_ARGUMENT", "unknown time zone"),
    (dict(tz="../../etc/passwd"), "CANDOR_INVALID_ARGUMENT", "not a tz database name"),
    (dict(open="17:00", close="09:00"), "CANDOR_INVALID_ARGUMENT", "must be after open"),
    (dict(open="9am"), "CANDOR_INVALID_ARGUMENT", "open '9am' is not a time of day"),
    (dict(close="24:30"), "CANDOR_INVALID_ARGUMENT", "close '24:30'"),
    (dict(weekdays=()), "CANDOR_INVALID_ARGUMENT", "no working weekday"),
    (dict(weekdays=(0, 7)), "CANDOR_INVALID_ARGUMENT", "weekdays holds 7"),
    (dict(weekdays=(1, 1)), "CANDOR_INVALID_ARGUMENT", "holds 1 twice"),
    (dict(holidays=["2026-12-25", dt.date(2026, 12, 25)]), "CANDOR_INVALID_ARGUMENT",
     "2026-12-25 is given twice"),
    (dict(holidays=["25/12/2026"]), "CANDOR_INVALID_ARGUMENT", "not a date"),
    (dict(holidays="2026-12-25"), "CANDOR_INVALID_ARGUMENT", "not one string"),
    (dict(holidays=[dt.date(2300, 1, 1)]), "CANDOR_INVALID_ARGUMENT", "outside 1900-01-01"),
])
def test_bad_calendars(kwargs, status, needle):
    with pytest.raises(candor.Error, match=needle.replace("(", r"\(")) as error:
        candor.BusinessCalendar(**kwargs)
    assert error.value.status == status


def test_bad_arguments():
    calendar = candor.BusinessCalendar()
    with pytest.raises(candor.Error, match="row 1: hours must be finite and >= 0") as error:
        calendar.deadline([0, 0], [1, -1])
    assert error.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(candor.Error, match="hours must be finite"):
        calendar.deadline(0, float("nan"))
    with pytest.raises(candor.Error, match="outside 1900-01-01..2200-01-01") as error:
        calendar.business_hours_between(np.datetime64("2300-01-01"), 0)
    assert error.value.status == "CANDOR_OUT_OF_RANGE"
    with pytest.raises(candor.Error, match="missing"):
        calendar.deadline(pd.NaT, 1)
    with pytest.raises(candor.Error, match="different lengths") as error:
        calendar.business_hours_between([0, 1, 2], [0, 1])
    assert error.value.status == "CANDOR_LENGTH_MISMATCH"
    with pytest.raises(candor.Error, match="got dtype"):
        calendar.deadline(["monday"], 1)
    calendar.close()
    with pytest.raises(candor.Error, match="closed"):
        calendar.deadline(0, 1)
