"""candor cases and candor recovery: the numbers equal candor.case_log /
candor.recovery's (checked there against independent computations), the
caveat is in every output format, and bad logs are data errors naming the
row and case."""
import csv
import io
import json
import os

import pytest

from cli_helpers import expect_error, run

MONDAY = 1796601600  # 2026-12-07 00:00 UTC
H = 3600


@pytest.fixture
def log_file(tmp_path):
    rows = [("A", MONDAY + 9 * H, "opened", "alice", "t1"),
            ("A", MONDAY + 12 * H, "first_contact", "", ""),
            ("B", MONDAY + 15 * H, "opened", "bob", "t1"),
            ("B", MONDAY + 16 * H, "on_hold", "", ""),
            ("B", MONDAY + 34 * H, "resumed", "", ""),
            ("B", MONDAY + 42 * H, "first_contact", "", "t2"),
            ("C", MONDAY + 40 * H, "opened", "bob", "t2")]
    path = tmp_path / "log.csv"
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["case_id", "time", "event", "owner", "team"])
        w.writerows(rows)
    return path


def test_cases_csv_and_json(log_file, tmp_path):
    rc, out, err = run("cases", log_file, "--first-contact-hours", "7.5", "--format", "csv")
    assert rc == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["case"], r["status"]) for r in rows] == [("A", "met"), ("B", "breached"),
                                                        ("C", "open")]
    assert float(rows[1]["hours_to_first_contact"]) == 8  # the hold paused the clock
    assert rows[1]["team"] == "t2"
    rc, out, err = run("cases", log_file, "--first-contact-hours", "7.5", "--format", "json")
    report = json.loads(out)
    assert report["overall"]["breached"] == 1 and report["overall"]["rate"] == 0.5
    assert [o["key"] for o in report["by_owner"]] == ["alice", "bob"]
    calendar = tmp_path / "cal.json"
    calendar.write_text('{"time_zone": "UTC", "open": "08:00", "close": "18:00"}')
    rc, out, err = run("cases", log_file, "--calendar", calendar, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert float(rows[0]["hours_to_first_contact"]) == 3
    assert float(rows[1]["hours_to_first_contact"]) == 1 + 8  # 15-16 (then on hold), 10-18
    rc, out, err = run("cases", log_file)
    assert rc == 0 and "Breach rate by owner" in out and "Cases not met" in out


def test_cases_bad_logs(log_file, tmp_path):
    text = log_file.read_text() + "A,%d,first_contact,,\n" % (MONDAY + 13 * H)
    bad = tmp_path / "bad.csv"
    bad.write_text(text)
    err = expect_error(1, "cases", bad)
    assert "row 7, case 'A': duplicate" in err
    rc, out, err = run("cases", bad, "--drop-invalid", "--format", "json")
    assert rc == 0 and json.loads(out)["dropped"]["duplicate"] == 1
    calendar = tmp_path / "cal.json"
    calendar.write_text('{"time_zone": "Mars/Olympus"}')
    err = expect_error(1, "cases", log_file, "--calendar", calendar)
    assert "Mars/Olympus" in err
    expect_error(2, "cases", log_file, "--first-contact-hours", "-1")


@pytest.fixture
def resurvey(tmp_path):
    path = tmp_path / "resurvey.csv"
    rows = [("9", "yes", "smb"), ("10", "yes", "smb"), ("3", "yes", "ent"), ("7", "yes", "ent"),
            ("8", "no", "smb"), ("2", "no", "ent"), ("6", "no", "ent"), ("9", "no", "smb"),
            ("5", "no", "mid")]
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["rescore", "followed_up", "segment"])
        w.writerows(rows)
    return path


def test_recovery_outputs_carry_the_caveat(resurvey):
    import candor
    import pandas as pd
    want = candor.recovery(pd.read_csv(resurvey).assign(
        followed_up=lambda d: d.followed_up == "yes"), strata="segment")
    for fmt in ("table", "json", "csv"):
        rc, out, err = run("recovery", resurvey, "--strata-columns", "segment", "--format", fmt)
        assert rc == 0, err
        assert "not randomized" in out, fmt
    rc, out, err = run("recovery", resurvey, "--strata-columns", "segment", "--format", "json")
    report = json.loads(out)
    assert report["overall"]["difference"] == pytest.approx(want.overall.difference, abs=1e-12)
    assert report["within_strata"]["difference"] == pytest.approx(want.stratified_difference)
    assert report["within_strata"]["strata_dropped"] == 1
    expect_error(2, "recovery", resurvey, "--metric", "median")
    err = expect_error(1, "recovery", resurvey, "--rescore-column", "nope")
    assert "no column 'nope'" in err
