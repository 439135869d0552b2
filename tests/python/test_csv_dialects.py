"""read_csv's dialect options (decimal, time_format, encoding, delimiter) on
files of the shapes real exports have (tests/data/csv, synthetic), checked
against pandas reading the same files with its own options."""
import os

import numpy as np
import pandas as pd
import pytest

import candor

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "csv")


def fixture(name):
    return os.path.join(DATA, name)


def test_semicolon_with_the_default_delimiter_asks_for_it():
    with pytest.raises(candor.Error) as e:
        candor.read_csv(fixture("semicolon.csv"), time="timestamp")
    assert "did you mean --delimiter ';'?" in str(e.value)
    assert "delimiter ';' in C++, C and Python" in str(e.value)
    t = candor.read_csv(fixture("semicolon.csv"), time="timestamp", segments=["region"],
                        delimiter=";")
    expected = pd.read_csv(fixture("semicolon.csv"), sep=";")
    np.testing.assert_array_equal(t.scores, expected["score"].to_numpy(dtype=float))
    np.testing.assert_array_equal(
        t.times, pd.to_datetime(expected["timestamp"]).dt.tz_localize(None)
        .to_numpy(dtype="datetime64[s]"))
    assert list(t.column("region")) == list(expected["region"])


def test_decimal_comma_as_pandas_reads_it():
    t = candor.read_csv(fixture("decimal_comma.csv"), delimiter=";", decimal=",",
                        weight="weight", numbers=["arr"])
    expected = pd.read_csv(fixture("decimal_comma.csv"), sep=";", decimal=",")
    np.testing.assert_array_equal(t.scores, expected["score"].to_numpy(dtype=float))
    np.testing.assert_array_equal(t.weights, expected["weight"].to_numpy(dtype=float))
    np.testing.assert_array_equal(t.numbers("arr"), expected["arr"].to_numpy(dtype=float))
    with pytest.raises(candor.Error) as e:
        candor.read_csv(fixture("decimal_comma.csv"), delimiter=";", weight="weight")
    assert "a decimal comma? set decimal ','" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.parse_csv("score\n8\n", decimal=";")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"


def test_time_format_as_pandas_reads_it_in_utc():
    fmt = "%d.%m.%Y %H:%M"
    t = candor.read_csv(fixture("dotted_times.csv"), time="date", time_format=fmt)
    expected = pd.read_csv(fixture("dotted_times.csv"))
    np.testing.assert_array_equal(
        t.times, pd.to_datetime(expected["date"], format=fmt).to_numpy(dtype="datetime64[s]"))
    with pytest.raises(candor.Error) as e:
        candor.read_csv(fixture("dotted_times.csv"), time="date")
    assert "line 2, column 'date'" in str(e.value)
    # With %z the offset in the text is used.
    t = candor.parse_csv("date,score\n01.01.2025 01:16 +0100,9\n", time="date",
                         time_format=fmt + " %z")
    assert t.times[0] == np.datetime64("2025-01-01T00:16:00", "s")


def test_windows_1252_as_pandas_reads_it():
    with pytest.raises(candor.Error) as e:
        candor.read_csv(fixture("windows1252.csv"), segments=["city"])
    assert e.value.status == "CANDOR_INVALID_UTF8"
    assert "--encoding windows-1252" in str(e.value)
    t = candor.read_csv(fixture("windows1252.csv"), segments=["city"], comment="comment",
                        encoding="windows-1252")
    expected = pd.read_csv(fixture("windows1252.csv"), encoding="cp1252")
    assert list(t.column("city")) == list(expected["city"])
    assert t.comments == list(expected["comment"])
    assert candor.read_csv_header(fixture("windows1252.csv"), encoding="latin1") == (
        "score", "city", "comment")
    t = candor.parse_csv(b"score,city\n5,M\xfcnchen\n", segments=["city"], encoding="latin1")
    assert list(t.column("city")) == ["M\u00fcnchen"]
    with pytest.raises(candor.Error) as e:
        candor.parse_csv("score\n5\n", encoding="latin1")
    assert "pass bytes" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.parse_csv(b"score\n5\n", encoding="no-such-encoding")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"


def test_blank_score_names_skip_bad_rows():
    with pytest.raises(candor.Error) as e:
        candor.read_csv(fixture("blank_score.csv"))
    assert "line 3, column 'score': empty score" in str(e.value)
    assert "skip_bad_rows" in str(e.value)
    t = candor.read_csv(fixture("blank_score.csv"), skip_bad_rows=True)
    np.testing.assert_array_equal(t.scores, [9, 7])
    assert t.skipped_rows == 1
