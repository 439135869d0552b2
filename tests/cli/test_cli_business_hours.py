"""Tests of `candor business-hours` (cli/business_hours_command.cc): deadlines
and business hours between per row, each checked against the reference of
tests/crosscheck/business_hours_reference.py (zoneinfo interval arithmetic);
the calendar from options or a JSON file; and the errors a user meets."""
import csv
import datetime as dt
import io
import json
import os
import sys

import numpy as np
import pytest

from cli_helpers import SOURCE_DIR, expect_error, run

sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "crosscheck"))
import business_hours_reference as reference  # noqa: E402

SAMPLE = os.path.join(SOURCE_DIR, "data", "sample", "survey.csv")
HOLIDAYS = [dt.date(2026, 11, 26), dt.date(2026, 12, 25)]


def utc_text(t):
    return (dt.datetime(1970, 1, 1) + dt.timedelta(seconds=int(t))).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def tickets(tmp_path):
    rng = np.random.default_rng(3)
    starts = rng.integers(1793000000, 1799000000, 200)  # 2026-10-26 .. 2027-01-04
    ends = starts + rng.integers(-86400, 20 * 86400, 200)
    hours = rng.integers(0, 80, 200) / 4.0
    path = tmp_path / "tickets.csv"
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "opened", "replied", "sla_hours"])
        for i, (s, e, h) in enumerate(zip(starts, ends, hours)):
            # Alternate ISO 8601 with an offset and epoch seconds.
            opened = (dt.datetime.fromtimestamp(int(s), dt.timezone(dt.timedelta(hours=-5)))
                      .isoformat() if i % 2 else str(int(s)))
            w.writerow(["T%d" % i, opened, utc_text(e), h])
    return path, starts, ends, hours


def ny_reference():
    return reference.IntervalCalendar("America/New_York", 540, 1020, range(5),
                                      [(d - dt.date(1970, 1, 1)).days for d in HOLIDAYS])


def test_deadlines_from_a_column_match_the_reference(tickets):
    path, starts, _, hours = tickets
    rc, out, err = run("business-hours", path, "--start-column", "opened", "--hours-column",
                       "sla_hours", "--tz", "America/New_York", "--holidays",
                       "2026-11-26,2026-12-25", "--format", "csv")
    assert rc == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    ref = ny_reference()
    assert len(rows) == 200 and list(rows[0]) == ["id", "opened", "replied", "sla_hours", "deadline"]
    for row, s, h in zip(rows, starts, hours):
        assert row["deadline"] == utc_text(ref.deadline(int(s), int(h * 3600))), row


def test_business_hours_between_match_the_reference(tickets, tmp_path):
    path, starts, ends, _ = tickets
    calendar = tmp_path / "calendar.json"
    calendar.write_text(json.dumps({"time_zone": "America/New_York", "open": "09:00",
                                    "close": "17:00",
                                    "holidays": [d.isoformat() for d in HOLIDAYS]}))
    rc, out, err = run("business-hours", path, "--start-column", "opened", "--end-column",
                       "replied", "--calendar", calendar, "--format", "json")
    assert rc == 0, err
    rows = json.loads(out)
    ref = ny_reference()
    for row, s, e in zip(rows, starts, ends):
        assert row["business_hours"] == ref.between_seconds(int(s), int(e)) / 3600.0
        assert row["start"] == utc_text(s) and row["end"] == utc_text(e)
    assert any(row["business_hours"] < 0 for row in rows)  # some replies precede the start


def test_table_and_defaults():
    # The sample's timestamp column is found; UTC 09-17 Monday to Friday.
    rc, out, err = run("business-hours", SAMPLE, "--hours", "8")
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["line", "start", "(UTC)", "hours", "deadline", "(UTC)"]
    # R00001: 2025-01-01T05:46:22+05:30 = 2025-01-01 00:16:22 UTC, a Wednesday:
    # 09:00 to 17:00 the same day.
    assert lines[2].split() == ["2", "2025-01-01T00:16:22Z", "8", "2025-01-01T17:00:00Z"]
    rc, out, err = run("business-hours", SAMPLE, "--hours", "8", "--weekdays", "mon,1,2,3",
                       "--open", "08:30", "--close", "12:00")
    assert rc == 0, err
    # Wednesday and Thursday 3.5 hours each, Friday off, then Monday 08:30 + 1 hour.
    assert out.splitlines()[2].split()[-1] == "2025-01-06T09:30:00Z"


@pytest.mark.parametrize("args,code,needle", [
    (["--hours", "8", "--end-column", "x"], 2, "needs one of --hours, --hours-column"),
    ([], 2, "needs one of --hours"),
    (["--hours", "-1"], 2, "--hours: must not be negative"),
    (["--hours", "1", "--tz", "Mars/Base"], 1, "unknown time zone \"Mars/Base\""),
    (["--hours", "1", "--open", "9"], 2, "--open: time of day '9' is not \"HH:MM\""),
    (["--hours", "1", "--open", "18:00"], 1, "must be after open"),
    (["--hours", "1", "--weekdays", "funday"], 2, "'funday' is not a weekday"),
    (["--hours", "1", "--weekdays", "mon,0"], 2, "mon is given twice"),
    (["--hours", "1", "--holidays", "2026-02-30"], 2, "not a calendar date"),
    (["--hours", "1", "--calendar", "x.json", "--tz", "UTC"], 2, "not both"),
    (["--hours-column", "score", "--start-column", "region"], 1, "region"),
    (["--hours-column", "no_such"], 1, "no_such"),
])
def test_errors(args, code, needle):
    err = expect_error(code, "business-hours", SAMPLE, *args)
    assert needle in err, err


def test_bad_calendar_file_and_rows(tmp_path):
    calendar = tmp_path / "calendar.json"
    calendar.write_text('{"time_zone": "UTC", "time_zone": "UTC"}')
    err = expect_error(1, "business-hours", SAMPLE, "--hours", "1", "--calendar", calendar)
    assert str(calendar) in err and "given twice" in err
    data = tmp_path / "rows.csv"
    data.write_text("time,hours\n2026-01-01T00:00:00Z,1\n2026-01-02T00:00:00Z,-3\n")
    err = expect_error(1, "business-hours", data, "--hours-column", "hours")
    assert "line 3" in err and "hours must be finite and >= 0" in err
