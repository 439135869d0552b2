"""--delimiter, --decimal, --time-format and --encoding on every command that
reads a CSV: a ';'-delimited, decimal-comma, custom-time-format, Windows-1252
copy of a command's input gives the same output as the plain file
(cli_helpers.write_dialect_pair writes the two from one table). A flag that
does not apply to what a command reads is refused with a clear message, and
without the flags the dialect file is not read as the plain one."""
import csv
import io
import json
import os

import numpy as np
import pytest

from cli_helpers import (SOURCE_DIR, dialect_flags, expect_error, run, utc_seconds,
                         write_dialect_pair)

SAMPLE = os.path.join(SOURCE_DIR, "data", "sample", "survey.csv")
STARTER = os.path.join(SOURCE_DIR, "data", "taxonomies", "cx_starter.json")
HEALTH_CARD = os.path.join(SOURCE_DIR, "tests", "data", "health", "telco_card.json")
SAMPLE_NUMBERS = ("seats", "arr", "weight", "score")


def tickets():
    rng = np.random.default_rng(3)
    starts = rng.integers(1793000000, 1799000000, 60)
    ends = starts + rng.integers(3600, 20 * 86400, 60)
    rows = [["id", "opened", "replied", "sla_hours", "queue"]]
    for i, (s, e) in enumerate(zip(starts, ends)):
        opened = str(int(s)) if i % 2 else "%sZ" % np.datetime64(int(s), "s")
        rows.append(["T%d" % i, opened, "%sZ" % np.datetime64(int(e), "s"),
                     rng.integers(1, 80) / 4.0, ["Zürich", "Köln", "Paris"][i % 3]])
    return rows


def case_log():
    monday = 1796515200  # 2026-12-07T00:00:00Z
    h = 3600
    return [["case_id", "time", "event", "owner", "team"],
            ["A", monday + 9 * h, "opened", "Zoë", "t1"],
            ["A", monday + 12 * h, "first_contact", "", ""],
            ["B", monday + 15 * h, "opened", "José", "t1"],
            ["B", monday + 16 * h, "on_hold", "", ""],
            ["B", monday + 34 * h, "resumed", "", ""],
            ["B", monday + 42 * h, "first_contact", "", "t2"],
            ["C", monday + 40 * h, "opened", "José", "t2"]]


def resurvey():
    return [["rescore", "followed_up", "segment"],
            ["9", "yes", "Zürich"], ["10", "yes", "Zürich"], ["3", "yes", "Köln"],
            ["7", "yes", "Köln"], ["8", "no", "Zürich"], ["2", "no", "Köln"],
            ["6", "no", "Köln"], ["9", "no", "Zürich"], ["5", "no", "Genève"]]


def feedback():
    return [["score", "account", "themes", "comment", "arr", "quarter"],
            [2, "acme", "price;support", "Too expensive – email me at bob@acme.com", 12000.5,
             "2026-Q3"],
            [9, "acme", "ui", "love the new ui", 12000.5, "2026-Q3"],
            [5, "globex", "price", "the price doubled at renewal (€)", 50000.25, "2026-Q4"],
            [6, "globex", "support", "support took days to reply", 50000.25, "2026-Q4"],
            [10, "initech", "ui", "clean ui, très bien", 8000, "2026-Q3"],
            [3, "initech", "support", "no answer from support", 8000, "2026-Q4"],
            [8, "hooli", "", "fine", 20000.75, "2026-Q4"],
            [1, "hooli", "price", "price is way too high for what we get", 20000.75, "2026-Q3"]]


def telco_accounts(folder):
    from test_cli_health import telco_accounts as frame
    path = folder / "accounts.csv"
    frame().to_csv(path, index=False)
    return path


def health_history(folder):
    from test_cli_health import history_frame
    path = folder / "history.csv"
    history_frame().to_csv(path, index=False)
    return path


def health_history_card(folder):
    from test_cli_health import HISTORY_CARD
    path = folder / "card.json"
    path.write_text(json.dumps(HISTORY_CARD))
    return path


# command, its input, the options (FILE first), the input's time and number
# columns, and which of --decimal / --time-format the command takes.
CASES = {
    "themes": (lambda tmp: SAMPLE,
               ["--taxonomy", STARTER, "--score-column", "score", "--time-column", "timestamp",
                "--split", "2025-07-01", "--format", "json"],
               ("timestamp",), SAMPLE_NUMBERS, True, True),
    "followup": (lambda tmp: SAMPLE, ["--format", "json"], ("timestamp",), SAMPLE_NUMBERS,
                 True, True),
    "health": (telco_accounts,
               ["--scorecard", HEALTH_CARD, "--account-column", "customer", "--churn-column",
                "churn", "--time-column", "tenure", "--event-column", "churn", "--format",
                "json"],
               (), ("contract_years", "monthly_charges", "tenure"), True, False),
    "health-history": (health_history,
                       ["--scorecard", health_history_card, "--account-column", "id",
                        "--history-time-column", "day", "--as-of", "2026-06-01", "--previous",
                        "2026-03-01", "--format", "json"],
                       ("day",), ("u", "u_se", "v"), True, True),
    "business-hours": (lambda tmp: tickets(),
                       ["--start-column", "opened", "--hours-column", "sla_hours", "--format",
                        "json"],
                       ("opened", "replied"), ("sla_hours",), True, True),
    "business-hours-between": (lambda tmp: tickets(),
                               ["--start-column", "opened", "--end-column", "replied",
                                "--format", "json"],
                               ("opened", "replied"), ("sla_hours",), True, True),
    "cases": (lambda tmp: case_log(), ["--format", "json"], ("time",), (), False, True),
    "recovery": (lambda tmp: resurvey(),
                 ["--strata-columns", "segment", "--format", "json"], (),
                 ("rescore",), True, False),
    "redact": (lambda tmp: SAMPLE, [], (), (), False, False),
    "intents": (lambda tmp: SAMPLE, ["--format", "csv"], (), (), False, False),
    "weight": (lambda tmp: SAMPLE,
               ["--method", "recency", "--half-life", "30", "--method", "accounts",
                "--account-column", "account_id", "--base-weight-column", "weight", "--format",
                "json"],
               ("timestamp",), SAMPLE_NUMBERS, True, True),
    "outer-loop": (lambda tmp: feedback(),
                   ["--arr-column", "arr", "--period-column", "quarter", "--format", "json"], (),
                   ("score", "arr"), True, False),
    # The commands that had the flags first, through the same table.
    "score": (lambda tmp: SAMPLE,
              ["--weight-column", "weight", "--by", "region", "--format", "json"], (),
              SAMPLE_NUMBERS, True, False),
    "trend": (lambda tmp: SAMPLE, ["--every", "month", "--format", "json"], ("timestamp",),
              SAMPLE_NUMBERS, True, True),
}


def command_of(case):
    return case.split("-history")[0].replace("-between", "")


def options_for(case, tmp_path):
    return [o(tmp_path) if callable(o) else o for o in CASES[case][1]]


def run_both(case, tmp_path, extra=()):
    make, _, times, numbers, decimal, time_format = CASES[case]
    plain, dialect = write_dialect_pair(make(tmp_path), tmp_path, times, numbers, decimal,
                                        time_format)
    options = options_for(case, tmp_path) + list(extra)
    command = command_of(case)
    rc, plain_out, plain_err = run(command, plain, *options)
    assert rc == 0, plain_err
    rc, out, err = run(command, dialect, *options, *dialect_flags(decimal, time_format))
    assert rc == 0, err
    # Messages name the file: the two differ only in their folder.
    return (plain_out, out.replace(str(dialect), str(plain)), plain, dialect)


@pytest.mark.parametrize("case", [c for c in CASES if c not in ("redact", "weight")])
def test_dialect_file_gives_the_plain_output(case, tmp_path):
    plain_out, out, _, _ = run_both(case, tmp_path)
    assert out == plain_out


def test_redact_dialect_file_gives_the_plain_rows(tmp_path):
    plain_out, out, _, _ = run_both("redact", tmp_path)
    # The file is written back in its delimiter, as UTF-8.
    plain_rows = list(csv.reader(io.StringIO(plain_out)))
    rows = list(csv.reader(io.StringIO(out), delimiter=";"))
    assert len(rows) > 1000 and rows == plain_rows


def test_weight_dialect_file_gives_the_plain_weights(tmp_path):
    (tmp_path / "out").mkdir()
    plain_csv, dialect_csv = tmp_path / "out" / "plain.csv", tmp_path / "out" / "dialect.csv"
    make, options, times, numbers, _, _ = CASES["weight"]
    plain, dialect = write_dialect_pair(make(tmp_path), tmp_path, times, numbers)
    rc, plain_diag, err = run("weight", plain, *options, "--output", plain_csv)
    assert rc == 0, err
    rc, diag, err = run("weight", dialect, *options, "--output", dialect_csv, *dialect_flags())
    assert rc == 0, err
    plain_json, dialect_json = json.loads(plain_diag), json.loads(diag)
    assert dialect_json.pop("output") == str(dialect_csv)
    assert plain_json.pop("output") == str(plain_csv)
    assert dialect_json == plain_json
    with open(plain_csv, newline="") as f:
        plain_rows = list(csv.DictReader(f))
    # Written back in the file's dialect: ';', decimal commas (UTF-8 text).
    with open(dialect_csv, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    assert len(rows) == len(plain_rows) > 1000
    for row, plain_row in zip(rows, plain_rows):
        assert "." not in row["candor_weight"]
        assert float(row["candor_weight"].replace(",", ".")) == float(plain_row["candor_weight"])
        assert row["comment"] == plain_row["comment"]


@pytest.mark.parametrize("added, options", [
    ("deadline", ["--hours-column", "sla_hours"]),
    ("business_hours", ["--end-column", "replied"]),
])
def test_business_hours_csv_writes_the_file_back_in_its_dialect(tmp_path, added, options):
    plain, dialect = write_dialect_pair(tickets(), tmp_path, ("opened", "replied"),
                                        ("sla_hours",))
    options = ["--start-column", "opened", *options, "--format", "csv"]
    rc, plain_out, err = run("business-hours", plain, *options)
    assert rc == 0, err
    rc, out, err = run("business-hours", dialect, *options, *dialect_flags())
    assert rc == 0, err
    plain_rows = list(csv.DictReader(io.StringIO(plain_out)))
    rows = list(csv.DictReader(io.StringIO(out), delimiter=";"))
    with open(dialect, newline="", encoding="cp1252") as f:
        inputs = list(csv.DictReader(f, delimiter=";"))
    assert len(rows) == len(plain_rows) == len(inputs) == 60  # no blank lines between rows
    for row, plain_row, given in zip(rows, plain_rows, inputs):
        assert row.pop(added).replace(",", ".") == plain_row[added]
        assert row == given  # the input's fields as they were (times, decimal commas, text)


def test_times_are_read_in_utc_with_the_format(tmp_path):
    # cases prints the opening times it read: those of the plain ISO / epoch times.
    plain_out, out, plain, _ = run_both("cases", tmp_path)
    opened = sorted(c["opened"] for c in json.loads(out)["cases"])
    with open(plain, newline="") as f:
        starts = sorted(int(r["time"]) for r in csv.DictReader(f) if r["event"] == "opened")
    assert [utc_seconds(str(t)) for t in opened] == starts


@pytest.mark.parametrize("case", list(CASES))
def test_without_the_dialect_flags_the_file_is_not_read_as_the_plain_one(case, tmp_path):
    make, _, times, numbers, decimal, time_format = CASES[case]
    plain, dialect = write_dialect_pair(make(tmp_path), tmp_path, times, numbers, decimal,
                                        time_format)
    options = options_for(case, tmp_path)
    rc, plain_out, _ = run(command_of(case), plain, *options)
    assert rc == 0
    # Only --delimiter: the decimal commas, formatted times or Windows-1252
    # bytes are an error or read otherwise, never silently the same.
    rc, out, err = run(command_of(case), dialect, *options, "--delimiter", ";")
    assert rc != 0 or out.replace(str(dialect), str(plain)) != plain_out, err


@pytest.mark.parametrize("command, flag, value, why", [
    ("intents", "--decimal", ",", "candor intents reads no numbers"),
    ("intents", "--time-format", "%d.%m.%Y", "candor intents reads no times"),
    ("redact", "--decimal", ",", "candor redact reads no numbers"),
    ("redact", "--time-format", "%d.%m.%Y", "candor redact reads no times"),
    ("cases", "--decimal", ",", "candor cases reads no numbers"),
    ("recovery", "--time-format", "%d.%m.%Y", "candor recovery reads no times"),
    ("outer-loop", "--time-format", "%d.%m.%Y", "candor outer-loop reads no times"),
    ("score", "--time-format", "%d.%m.%Y", "candor score reads no times"),
])
def test_a_flag_that_does_not_apply_is_refused(command, flag, value, why):
    err = expect_error(2, command, SAMPLE, flag, value)
    assert "--" + flag.lstrip("-") + ": " + why in err, err
    rc, out, _ = run(command, "--help")
    assert rc == 0 and flag not in out and "--encoding" in out


HELP = {
    "--decimal": "decimal separator of numbers: '.' (default) or ','",
    "--time-format": "strftime-style format of the time column, e.g.",
    "--encoding": "the file's encoding, e.g. windows-1252, latin1",
}


@pytest.mark.parametrize("command", ["score", "trend", "report", "monitor", "themes", "followup",
                                     "health", "business-hours", "cases", "recovery", "redact",
                                     "intents", "weight", "outer-loop"])
def test_help_lists_the_flags_with_the_same_text(command):
    rc, out, err = run(command, "--help")
    assert rc == 0, err
    assert HELP["--encoding"] in out
    listed = [flag for flag in HELP if flag + " " in out]
    for flag in listed:
        assert HELP[flag] in out, (command, flag)
    # Right after --delimiter, in the order decimal, time-format, encoding.
    lines = [line.split()[0] for line in out.splitlines() if line.startswith("  --")]
    at = lines.index("--delimiter")
    assert lines[at + 1:at + 1 + len(listed)] == listed


def test_bad_values_are_usage_errors():
    err = expect_error(2, "cases", SAMPLE, "--time-format", "")
    assert "--time-format" in err
    err = expect_error(2, "recovery", SAMPLE, "--decimal", ";")
    assert "--decimal: ';' must be '.' or ','" in err
    err = expect_error(1, "recovery", SAMPLE, "--decimal", ",")
    assert "decimal and delimiter are both ','" in err
    err = expect_error(1, "intents", SAMPLE, "--encoding", "klingon")
    assert "klingon" in err and "survey.csv" in err


@pytest.mark.parametrize("case, flags, needles", [
    # The CLI's own reader (records.cc) hints at the flag, as the library's does.
    ("recovery", ["--encoding", "windows-1252"],
     ["column 'rescore': '9,0' is not a finite number (a decimal comma? pass --decimal ,)"]),
    ("recovery", ["--encoding", "windows-1252", "--decimal", ",", "--delimiter", ";"], None),
    ("cases", ["--encoding", "windows-1252"],
     ["column 'time'", "is not a time (ISO 8601 or epoch seconds; other shapes: --time-format)"]),
    ("cases", ["--time-format", "%d.%m.%Y %H:%M:%S"],
     ["invalid UTF-8", "--encoding windows-1252"]),
    ("themes", ["--encoding", "windows-1252", "--time-format", "%d.%m.%Y %H:%M:%S"],
     ["column 'score': '10,0' is not a score (a decimal comma? pass --decimal ,)"]),
])
def test_errors_name_the_missing_flag(case, flags, needles, tmp_path):
    make, _, times, numbers, decimal, time_format = CASES[case]
    _, dialect = write_dialect_pair(make(tmp_path), tmp_path, times, numbers, decimal,
                                    time_format)
    options = options_for(case, tmp_path)
    if "--delimiter" not in flags:
        flags = ["--delimiter", ";", *flags]
    if needles is None:  # all the flags: read
        rc, out, err = run(command_of(case), dialect, *options, *flags)
        assert rc == 0, err
        return
    err = expect_error(1, command_of(case), dialect, *options, *flags)
    for needle in needles:
        assert needle in err, err
    # With --decimal , a '.' is refused, saying why.
    if case == "recovery":
        _, dotted = write_dialect_pair(make(tmp_path), tmp_path / "dotted", times, numbers,
                                       decimal=False)
        err = expect_error(1, "recovery", dotted, *options, *dialect_flags(time_format=False))
        assert "column 'rescore': '9.0' is not a finite number (the decimal separator is ','" \
            in err, err
