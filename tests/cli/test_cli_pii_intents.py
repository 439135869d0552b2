"""candor redact and candor intents: the file written back with one column
redacted (every other byte of the rows kept), counts on stderr; intents
counted, listed and as CSV matching candor.intents; errors."""
import csv
import io
import os

import pandas as pd

import candor
from cli_helpers import SOURCE_DIR, expect_error, run

SAMPLE = os.path.join(SOURCE_DIR, "data", "sample", "survey.csv")


def _write(tmp_path, rows):
    path = tmp_path / "in.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return str(path)


def test_redact_writes_the_file_back(tmp_path):
    path = _write(tmp_path, [["id", "comment", "note"],
                             ["1", "mail a@b.com, call +1 555 123 4567", "x@y.com stays"],
                             ["2", "card 4111 1111 1111 1111, on 2024-01-15", ""],
                             ["3", "fine, thanks", "n"]])
    rc, out, err = run("redact", path)
    assert rc == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows == [["id", "comment", "note"],
                    ["1", "mail [EMAIL], call [PHONE]", "x@y.com stays"],
                    ["2", "card [CARD], on 2024-01-15", ""],
                    ["3", "fine, thanks", "n"]]
    assert "1 email, 1 phone, 1 card, 0 iban, 0 url" in err
    rc, out, err = run("redact", path, "--column", "note", "--kinds", "phone")
    assert rc == 0 and "x@y.com stays" in out and "a@b.com" in out


def test_redact_sample_matches_python():
    rc, out, err = run("redact", SAMPLE)
    assert rc == 0, err
    cli = pd.read_csv(io.StringIO(out), keep_default_na=False)
    sample = pd.read_csv(SAMPLE, keep_default_na=False)
    assert list(cli.columns) == list(sample.columns) and len(cli) == len(sample)
    assert list(cli["comment"]) == list(candor.redact(sample["comment"]))


def test_redact_errors(tmp_path):
    path = _write(tmp_path, [["id", "comment"], ["1", "x"]])
    assert "no column 'text'" in expect_error(1, "redact", path, "--column", "text")
    assert "is not one of email" in expect_error(2, "redact", path, "--kinds", "ssn")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"id,comment\n1,caf\xc3\n")
    expect_error(1, "redact", str(bad))


def test_intents_csv_matches_python():
    rc, out, err = run("intents", SAMPLE, "--format", "csv")
    assert rc == 0, err
    cli = pd.read_csv(io.StringIO(out), keep_default_na=False)
    sample = pd.read_csv(SAMPLE, keep_default_na=False)
    expected = candor.intents(sample["comment"])
    assert len(cli) == len(sample)
    for name in candor.INTENTS:
        assert list(cli[name]) == list(expected[name].astype(int)), name
    assert list(cli["reasons"]) == list(expected["reasons"])


def test_intents_table_and_json(tmp_path):
    path = _write(tmp_path, [["comment"], ["How do I export?"], ["Love it"], [""],
                             ["Broken again, we will cancel."]])
    rc, out, err = run("intents", path)
    assert rc == 0, err
    assert "Intents of 3 comments (4 rows)" in out
    assert "row 1: How do I export?" in out and "row 4: Broken again" in out
    rc, out, err = run("intents", path, "--format", "json")
    import json
    report = json.loads(out)
    assert report["rows"] == 4 and report["comments"] == 3
    assert report["intents"] == {"complaint": 1, "suggestion": 0, "question": 1, "praise": 1,
                                 "needs_response": 2}
    expect_error(1, "intents", path, "--column", "text")
