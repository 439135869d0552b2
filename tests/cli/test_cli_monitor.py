"""candor monitor: the replay of the online change monitor over calendar
buckets, checked against candor.ChangeMonitor fed the same buckets (grouped
here with pandas and zoneinfo), and its usage and data errors."""
import csv
import datetime
import os
import re

import numpy as np
import pytest

from cli_helpers import SOURCE_DIR, expect_error, run

SAMPLE = os.path.join(SOURCE_DIR, "data", "sample", "survey.csv")
ROW = re.compile(r"^(\S+)\s+(\d+)\s+(\S+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*(ALARM (up|down))?$")


def table_rows(out):
    return [m.groups() for m in map(ROW.match, out.splitlines()) if m]


def sample_by_day(zone):
    from zoneinfo import ZoneInfo
    days = {}
    with open(SAMPLE, newline="") as f:
        for row in csv.DictReader(f):
            stamp = datetime.datetime.fromisoformat(row["timestamp"].replace("Z", "+00:00"))
            day = stamp.astimezone(ZoneInfo(zone)).date()
            days.setdefault(day, []).append(float(row["score"]))
    return days


@pytest.mark.parametrize("zone", ["UTC", "America/New_York"])
def test_daily_replay_matches_the_python_monitor(zone):
    candor = pytest.importorskip("candor")
    rc, out, err = run("monitor", SAMPLE, "--every", "day", "--history-until", "2025-06-01",
                       "--tz", zone, "--alpha", "0.002")
    assert rc == 0, err
    rows = table_rows(out)
    days = sample_by_day(zone)
    cut = datetime.date(2025, 6, 1)
    history_days = sorted(d for d in days if d < cut)
    first = history_days[0]
    sizes = [len(days.get(first + datetime.timedelta(k), []))
             for k in range((cut - first).days)]
    history = np.concatenate([days[d] for d in history_days])
    monitor = candor.ChangeMonitor(history, alpha=0.002, history_buckets=sizes)
    later = sorted(d for d in days if d >= cut)
    expected = []
    day = cut
    while day <= later[-1]:
        expected.append((day.isoformat(), monitor.update(days.get(day, []))))
        day += datetime.timedelta(1)
    assert len(rows) == len(expected)
    for row, (label, state) in zip(rows, expected):
        assert row[0] == label
        assert int(row[1]) == state.n
        assert float(row[3]) == pytest.approx(state.upper, abs=0.006)
        assert float(row[4]) == pytest.approx(state.lower, abs=0.006)
        assert float(row[5]) == pytest.approx(state.threshold, abs=0.006)
        assert (row[6] is not None) == state.alarm
    assert "ARL0 500 buckets" in out


def test_weekly_summary_names_the_first_alarm():
    rc, out, err = run("monitor", SAMPLE, "--every", "week", "--history-until", "2025-07-01")
    assert rc == 0, err
    rows = table_rows(out)
    alarms = [r for r in rows if r[6]]
    summary = [line for line in out.splitlines() if line.startswith("first alarm:")]
    if alarms:
        assert summary and summary[0].startswith("first alarm: %s, %s;" % (alarms[0][0],
                                                                          alarms[0][7]))
        assert "biased away from 0" in summary[0]
    else:
        assert "no alarm in" in out
    assert "alpha 0.01 per bucket, ARL0 100 buckets" in out


def test_errors():
    err = expect_error(2, "monitor", SAMPLE)
    assert "--history-until" in err
    err = expect_error(2, "monitor", SAMPLE, "--history-until", "someday")
    assert "ISO 8601" in err
    err = expect_error(2, "monitor", SAMPLE, "--history-until", "2025-06-01", "--alpha", "1")
    assert "--alpha" in err
    err = expect_error(2, "monitor", SAMPLE, "--history-until", "2025-06-01", "--shift", "-3")
    assert "--shift" in err
    err = expect_error(1, "monitor", SAMPLE, "--history-until", "2030-01-01")
    assert "nothing to monitor" in err
    err = expect_error(1, "monitor", SAMPLE, "--history-until", "2024-01-01")
    assert "history" in err and "at least 30" in err
