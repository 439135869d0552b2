"""candor.read_csv_header / parse_csv_header: a CSV file's column names as
read_csv reads them (candor_csv_header_read / _parse), without its rows."""
import pathlib

import pytest

import candor

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample" / "survey.csv"


def test_reads_the_sample_header():
    first_line = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    assert candor.read_csv_header(SAMPLE) == tuple(first_line.split(","))
    assert candor.read_csv_header(str(SAMPLE)) == candor.parse_csv_header(SAMPLE.read_bytes())


def test_quotes_bom_delimiter_and_odd_names():
    data = '\ufeffscore;"a;b";"say ""hi""";"two\nlines";caf\u00e9;;"n\0l"\r\n1;2;3;4;5;6;7\r\n'
    assert candor.parse_csv_header(data, delimiter=";") == (
        "score", "a;b", 'say "hi"', "two\nlines", "caf\u00e9", "", "n\0l")


def test_only_the_header_row_is_read():
    assert candor.parse_csv_header(b"a,b\n1,\"2\n\xff") == ("a", "b")
    assert candor.parse_csv_header("") == ()
    assert candor.parse_csv_header("\n\n") == ()


@pytest.mark.parametrize("data, status, words", [
    ("a,b,a\n", "CANDOR_PARSE_ERROR", "line 1: duplicate column name 'a'"),
    ('a,"b\n', "CANDOR_PARSE_ERROR", "line 1, field 2: quoted field is not terminated"),
    (b"a,\xc3(\n", "CANDOR_INVALID_UTF8", "line 1: invalid UTF-8 at byte offset 2"),
])
def test_a_bad_header_fails_as_read_csv_does(data, status, words):
    with pytest.raises(candor.Error) as header:
        candor.parse_csv_header(data)
    with pytest.raises(candor.Error) as table:
        candor.parse_csv(data, score="a")
    assert header.value.status == table.value.status == status
    assert str(header.value) == str(table.value)
    assert words in str(header.value)


def test_file_errors(tmp_path):
    with pytest.raises(candor.Error) as info:
        candor.read_csv_header(tmp_path / "missing.csv")
    assert info.value.status == "CANDOR_NOT_FOUND"
    with pytest.raises(candor.Error) as info:
        candor.read_csv_header(tmp_path)
    assert info.value.status == "CANDOR_IO_ERROR"
    with pytest.raises(candor.Error) as info:
        candor.read_csv_header(SAMPLE, max_bytes=10)
    assert info.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(candor.Error) as info:
        candor.parse_csv_header("a,b", delimiter=",,")
    assert info.value.status == "CANDOR_INVALID_ARGUMENT"
