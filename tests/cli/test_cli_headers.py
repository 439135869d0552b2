"""The header row of the input, read with the library's ParseCsvHeader: the
time column found by name, a file without a header row has no columns, and
a header that is not valid CSV is reported by its own error."""
from cli_helpers import expect_error, run

NO_TIME = ("no time column (looked for timestamp, time, date, submitted_at, created_at; "
           "use --time-column)")


def test_the_time_column_is_found_in_a_quoted_header(tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_text('"score","when"\n9,2026-01-05\n', encoding="utf-8")
    assert expect_error(1, "trend", path) == "candor: error: '%s': %s\n" % (path, NO_TIME)
    path.write_text('\ufeff"score","timestamp"\n9,2026-01-05\n3,2026-02-05\n', encoding="utf-8")
    rc, out, err = run("trend", path)
    assert (rc, err) == (0, ""), err
    assert "2026-01" in out and "2026-02" in out


def test_a_file_without_a_header_row_has_no_time_column(tmp_path):
    for name, data in (("empty.csv", b""), ("blank.csv", b"\n\n")):
        path = tmp_path / name
        path.write_bytes(data)
        assert expect_error(1, "trend", path) == "candor: error: '%s': %s\n" % (path, NO_TIME)


def test_a_malformed_header_is_reported_by_its_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b'score,"x\n1,2\n')
    message = ("candor: error: '%s': line 1, field 2: quoted field is not terminated "
               "(no closing quote)\n" % path)
    assert expect_error(1, "trend", path) == message
    assert expect_error(1, "report", path) == message
    path.write_bytes(b"score,timestamp,score\n1,2,3\n")
    for command in ("trend", "report"):
        assert "duplicate column name 'score'" in expect_error(1, command, path)
