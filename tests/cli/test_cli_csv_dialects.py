"""The command line's CSV dialect options on files of the shapes real exports
have (tests/data/csv, synthetic): --delimiter (never guessed; the error asks
for it), --decimal, --time-format, --encoding, and bad-row errors that name
--skip-bad-rows. Each estimate is checked against one computed here."""
import calendar
import csv
import json
import os
import time

import pytest

from cli_helpers import SOURCE_DIR, expect_error, run

DATA = os.path.join(SOURCE_DIR, "tests", "data", "csv")


def fixture(name):
    return os.path.join(DATA, name)


def nps(scores, weights=None):
    weights = weights or [1.0] * len(scores)
    total = sum(weights)
    p = sum(w for s, w in zip(scores, weights) if s >= 9) / total
    d = sum(w for s, w in zip(scores, weights) if s <= 6) / total
    return 100 * (p - d)


def score_json(*args):
    rc, out, err = run("score", *args, "--format", "json")
    assert rc == 0, err
    return json.loads(out)


@pytest.mark.parametrize("command", ["score", "report", "trend", "monitor"])
def test_semicolon_file_asks_for_the_delimiter(command):
    extra = ["--history-until", "2025-01-03"] if command == "monitor" else []
    err = expect_error(1, command, fixture("semicolon.csv"), *extra)
    assert "did you mean --delimiter ';'?" in err, err


def test_semicolon_file_with_the_delimiter():
    result = score_json(fixture("semicolon.csv"), "--delimiter", ";")
    assert result["estimate"]["value"] == pytest.approx(nps([10, 9, 6, 3, 8]), abs=1e-9)
    rc, out, err = run("trend", fixture("semicolon.csv"), "--delimiter", ";", "--every", "day",
                       "--format", "json")
    assert rc == 0, err


def test_decimal_comma():
    with open(fixture("decimal_comma.csv"), newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    scores = [float(r["score"].replace(",", ".")) for r in rows]
    weights = [float(r["weight"].replace(",", ".")) for r in rows]
    result = score_json(fixture("decimal_comma.csv"), "--delimiter", ";", "--decimal", ",",
                        "--weight-column", "weight")
    assert result["estimate"]["value"] == pytest.approx(nps(scores, weights), abs=1e-9)
    err = expect_error(1, "score", fixture("decimal_comma.csv"), "--delimiter", ";",
                       "--weight-column", "weight")
    assert "'1,5' is not a number" in err and "--decimal ," in err, err
    err = expect_error(2, "score", fixture("decimal_comma.csv"), "--decimal", ";")
    assert "--decimal" in err
    # ',' as both delimiter and decimal separator cannot be read.
    err = expect_error(1, "score", fixture("blank_score.csv"), "--decimal", ",")
    assert "decimal and delimiter are both ','" in err, err


def test_time_format():
    fmt = "%d.%m.%Y %H:%M"
    with open(fixture("dotted_times.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    expected = [calendar.timegm(time.strptime(r["date"], fmt)) for r in rows]
    rc, out, err = run("trend", fixture("dotted_times.csv"), "--time-format", fmt, "--every",
                       "month", "--format", "json")
    assert rc == 0, err
    err = expect_error(1, "trend", fixture("dotted_times.csv"), "--every", "month")
    assert "line 2, column 'date'" in err and "--skip-bad-rows" in err, err
    rc, out, err = run("report", fixture("dotted_times.csv"), "--time-format", fmt, "--format",
                       "json")
    assert rc == 0, err
    report = json.loads(out)
    text = json.dumps(report)
    # The report's months are those of the times read in UTC (2025-01, -02, -12).
    for t in expected:
        assert time.strftime("%Y-%m", time.gmtime(t)) in text, text[:2000]
    assert report["rows"] == 3 and report["skipped_rows"] == 0


def test_windows_1252():
    err = expect_error(1, "score", fixture("windows1252.csv"), "--by", "city")
    assert "invalid UTF-8" in err and "--encoding windows-1252" in err, err
    result = score_json(fixture("windows1252.csv"), "--encoding", "windows-1252", "--by", "city")
    assert result["estimate"]["value"] == pytest.approx(nps([9, 3]), abs=1e-9)
    labels = {r["segment"]["city"] for r in result["rows"]}
    assert labels == {"Z\u00fcrich", "K\u00f6ln"}
    err = expect_error(1, "score", fixture("windows1252.csv"), "--encoding", "klingon")
    assert "encoding 'klingon' is not known" in err
    rc, out, err = run("report", fixture("windows1252.csv"), "--encoding", "windows-1252",
                       "--format", "json")
    assert rc == 0, err
    assert json.loads(out)["headline"]


def test_blank_score_names_skip_bad_rows():
    for command in ("score", "report"):
        err = expect_error(1, command, fixture("blank_score.csv"))
        assert "line 3, column 'score': empty score" in err and "--skip-bad-rows" in err, err
    result = score_json(fixture("blank_score.csv"), "--skip-bad-rows")
    assert result["estimate"]["value"] == pytest.approx(nps([9, 7]), abs=1e-9)
    assert result["estimate"]["n"] == 2
