"""candor report's surfaces: the formats and where they are written, the
column mapping (options, --columns, guesses from the header) and its errors.
The report's numbers are tested where they are computed (tests/cpp/report)."""
import json
import os

from cli_helpers import SOURCE_DIR, expect_error, run

SAMPLE = os.path.join(SOURCE_DIR, "data", "sample", "survey.csv")


def report_json(*args):
    rc, out, err = run("report", *args, "--format", "json")
    assert rc == 0, err
    return json.loads(out)


def test_json_names_the_schema_and_the_sample():
    report = report_json()
    assert report["schema_version"] == 1
    assert report["bundled_sample"] is True
    assert report["rows"] == 6000
    assert set(report) >= {"headline", "trend", "segments", "voice", "accounts", "next_steps"}


def test_output_file_and_format_from_its_extension(tmp_path):
    rc, out, err = run("report", SAMPLE, "--format", "json")
    assert rc == 0, err
    for name, expected in (("r.json", out), ("r.html", None), ("r.txt", None)):
        target = tmp_path / name
        rc2, out2, err2 = run("report", SAMPLE, "-o", target)
        assert rc2 == 0 and out2 == "", err2
        written = target.read_text(encoding="utf-8")
        if expected is not None:
            assert written == expected
    # The same page as --format html on stdout, and --output as -o.
    rc, html, err = run("report", SAMPLE, "--format", "html")
    assert rc == 0, err
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == html
    rc, _, err = run("report", SAMPLE, "--output", tmp_path / "long.json")
    assert rc == 0, err
    assert json.loads((tmp_path / "long.json").read_text())["rows"] == 6000
    # --format wins over the extension.
    rc, _, err = run("report", SAMPLE, "--format", "json", "-o", tmp_path / "x.html")
    assert json.loads((tmp_path / "x.html").read_text())["schema_version"] == 1


def test_unwritable_output_is_an_error(tmp_path):
    err = expect_error(1, "report", SAMPLE, "-o", tmp_path / "no" / "such" / "dir.json")
    assert "cannot write the report to" in err


def test_dash_o_is_unknown_where_there_is_no_output():
    err = expect_error(2, "score", SAMPLE, "-o", "x")
    assert err == "candor: error: unknown option '-o' for score\n"


def test_sample_columns_are_guessed_and_said():
    report = report_json(SAMPLE)
    assert report["columns"] == {
        "score": "score", "comment": "comment", "time": "timestamp", "account": "account_id",
        "weight": "", "arr": "arr", "outcome": "", "invited": "",
        "segments": ["region", "plan", "role"]}
    # Weights only when named (the same rule as `candor score`), said instead.
    assert any("column 'weight' looks like survey weights but was not used" in g
               for g in report["guesses"])
    assert "used column 'timestamp' for time (by name)" in report["guesses"]
    assert "used columns 'region', 'plan', 'role' as segments (by name)" in report["guesses"]


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_guesses_ignore_case_and_never_reuse_a_column(tmp_path):
    path = write(tmp_path, "s.csv",
                 "NPS,Feedback,submitted_at,Company,Churned,ARR,tier\n"
                 "9,great,2025-01-02,A,0,100,x\n3,slow,2025-02-03,B,1,200,y\n")
    report = report_json(path)
    assert report["columns"]["score"] == "NPS"
    assert report["columns"]["comment"] == "Feedback"
    assert report["columns"]["time"] == "submitted_at"
    assert report["columns"]["account"] == "Company"
    assert report["columns"]["outcome"] == "Churned"
    assert report["columns"]["arr"] == "ARR"
    assert report["columns"]["weight"] == "" and report["columns"]["segments"] == []
    assert "used column 'NPS' for score (by name)" in report["guesses"]
    assert report["rows"] == 2


def test_options_win_over_config_and_config_over_guesses(tmp_path):
    path = write(tmp_path, "s.csv",
                 "score,rating,when,note,comment,area\n"
                 "9,7,2025-01-02,hi,x,EU\n3,8,2025-02-03,ho,y,US\n")
    config = write(tmp_path, "c.json", json.dumps(
        {"score": "rating", "time": "when", "comment": "note", "segments": ["area"]}))
    report = report_json(path, "--columns", config)
    assert report["columns"]["score"] == "rating"
    assert report["columns"]["time"] == "when"
    assert report["columns"]["comment"] == "note"
    assert report["columns"]["segments"] == ["area"]
    assert not any("for score" in g or "for comment" in g for g in report["guesses"])
    report = report_json(path, "--columns", config, "--score-column", "score", "--by", "note")
    assert report["columns"]["score"] == "score"
    assert report["columns"]["segments"] == ["note"]


def test_config_errors_name_file_and_key(tmp_path):
    path = write(tmp_path, "s.csv", "score\n9\n")
    bad = write(tmp_path, "bad.json", '{"scroe": "x"}')
    err = expect_error(1, "report", path, "--columns", bad)
    assert "unknown key 'scroe'" in err and "bad.json" in err
    bad = write(tmp_path, "bad2.json", '{"segments": "region"}')
    assert "segments must be a list" in expect_error(1, "report", path, "--columns", bad)
    bad = write(tmp_path, "bad3.json", "[1, 2")
    assert "not a JSON object" in expect_error(1, "report", path, "--columns", bad)
    assert "cannot read" in expect_error(1, "report", path, "--columns", tmp_path / "none.json")


def test_number_column_errors_name_line_column_or_row(tmp_path):
    path = write(tmp_path, "s.csv", "score,arr\n9,100\n3,lots\n")
    err = expect_error(1, "report", path)
    assert "line 3, column 'arr': value 'lots' is not a number" in err
    report = report_json(path, "--skip-bad-rows")
    assert report["skipped_rows"] == 1
    path = write(tmp_path, "o.csv", "score,churned\n9,0\n3,2\n")
    err = expect_error(1, "report", path)
    assert "outcome column 'churned', row 2" in err
    err = expect_error(1, "report", path, "--outcome-column", "nope")
    assert "'nope' not found" in err


def test_period_and_time_zone_are_checked():
    assert "'fortnight' is not one of day, week, month, quarter" in expect_error(
        2, "report", SAMPLE, "--period", "fortnight")
    assert "--tz" in expect_error(2, "report", SAMPLE, "--tz", "")


def test_unweighted_takes_no_weight_column():
    report = report_json(SAMPLE, "--unweighted")
    assert report["columns"]["weight"] == ""
    assert not any("for weight" in g for g in report["guesses"])


def test_the_bar_follows_the_sections_on_a_terminal():
    from test_cli_progress import run_on_a_terminal
    rc, out, shown = run_on_a_terminal(["report", SAMPLE, "--format", "json"])
    assert rc == 0, shown
    assert "building the report [" in shown and "/6" in shown, shown
    rc, out, shown = run_on_a_terminal(["report", SAMPLE, "--format", "json", "--quiet"])
    assert rc == 0 and shown == "", shown
