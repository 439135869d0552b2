"""Reading CSV tables through Python, and the errors that bad files raise."""
import numpy as np
import pytest

import candor

CSV = (
    "id,score,when,account,role,weight,region,comment\n"
    "1,10,2024-01-02T03:04:05Z,acme,admin,1.5,north,\"Great, fast \"\"support\"\"\"\n"
    "2,6,1704164645,globex,user,0.5,south,\"multi\nline\"\n"
    "3,9,2024-01-02,acme,user,2,north,déjà vu ✓\n"
    "4,0,2024-01-02 00:00:00+01:00,initech,admin,1,east,\n"
)


@pytest.fixture
def csv_path(tmp_path):
    path = tmp_path / "responses.csv"
    path.write_bytes(CSV.encode("utf-8"))
    return path


def read_all(source, **kwargs):
    reader = candor.read_csv if not isinstance(source, (str, bytes)) else candor.parse_csv
    return reader(source, score="score", time="when", account="account", role="role",
                  weight="weight", comment="comment", segments=("region",), **kwargs)


def test_read_every_column(csv_path):
    table = read_all(csv_path)
    assert len(table) == 4
    assert table.skipped_rows == 0
    np.testing.assert_array_equal(table.scores, [10, 6, 9, 0])
    assert table.scores.dtype == np.float64 and table.scores.flags.owndata
    np.testing.assert_array_equal(table.weights, [1.5, 0.5, 2, 1])
    expected_times = np.array(["2024-01-02T03:04:05", "2024-01-02T03:04:05",
                               "2024-01-02T00:00:00", "2024-01-01T23:00:00"],
                              dtype="datetime64[s]")
    np.testing.assert_array_equal(table.times, expected_times)
    assert list(table.column("region")) == ["north", "south", "north", "east"]
    assert list(table.codes("region")) == [0, 1, 0, 2]  # order of first appearance
    assert table.levels("region") == ["north", "south", "east"]
    assert list(table.column("account")) == ["acme", "globex", "acme", "initech"]
    assert list(table.column("role")) == ["admin", "user", "user", "admin"]
    assert table.comments == ['Great, fast "support"', "multi\nline", "déjà vu ✓", ""]


def test_parse_csv_equals_read_csv(csv_path):
    a, b = read_all(csv_path), read_all(CSV)
    np.testing.assert_array_equal(a.scores, b.scores)
    np.testing.assert_array_equal(a.times, b.times)
    assert a.comments == b.comments
    assert list(b.column("region")) == list(a.column("region"))


def test_minimal_table_and_defaults():
    table = candor.parse_csv("score\n10\n7\n")
    assert len(table) == 2
    assert table.weights is None and table.times is None and table.comments is None
    np.testing.assert_array_equal(table.scores, [10, 7])
    assert candor.nps(table.scores).value == pytest.approx(50.0)


def test_delimiter_and_segments_as_a_string():
    table = candor.parse_csv("score;team\n9;a\n3;b\n", delimiter=";", segments="team")
    assert list(table.column("team")) == ["a", "b"]


def test_copies_outlive_close(csv_path):
    table = read_all(csv_path)
    scores, weights = table.scores, table.weights
    table.close()
    table.close()
    np.testing.assert_array_equal(scores, [10, 6, 9, 0])
    np.testing.assert_array_equal(weights, [1.5, 0.5, 2, 1])
    with pytest.raises(candor.Error) as info:
        table.column("region")
    assert info.value.status == "CANDOR_INVALID_ARGUMENT"


def test_to_pandas(csv_path):
    pd = pytest.importorskip("pandas")
    frame = read_all(csv_path).to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["score"]) == [10, 6, 9, 0]
    assert list(frame["region"].astype(str)) == ["north", "south", "north", "east"]
    assert frame["region"].dtype == "category"
    assert frame["comment"][2] == "déjà vu ✓"
    assert frame["time"][1] == pd.Timestamp("2024-01-02T03:04:05")


def test_table_feeds_breakdown(csv_path):
    table = read_all(csv_path)
    rows = candor.breakdown(table.scores, {"region": table.column("region")},
                            weights=table.weights)
    assert len(rows) == 3


def test_skip_bad_rows_counts_them():
    data = "score,weight\n10,1\nabc,1\n9,-2\n,1\n7,1\n"
    table = candor.parse_csv(data, weight="weight", skip_bad_rows=True)
    np.testing.assert_array_equal(table.scores, [10, 7])
    assert table.skipped_rows == 3


@pytest.mark.parametrize("data, status, needles", [
    ("score\n10\nabc\n", "CANDOR_PARSE_ERROR", ["3"]),
    ("score,region\n10,a\n9\n", "CANDOR_PARSE_ERROR", ["3"]),
    ("score,comment\n10,\"open quote\n9,x\n", "CANDOR_PARSE_ERROR", []),
    ("score,weight\n10,1\n9,-1\n", "CANDOR_PARSE_ERROR", ["3", "weight"]),
    (b"score,comment\n10,ok\n9,caf\xe9\n", "CANDOR_INVALID_UTF8", []),
    ("score,when\n10,yesterday\n", "CANDOR_PARSE_ERROR", ["2", "when"]),
])
def test_bad_csv(data, status, needles):
    with pytest.raises(candor.Error) as info:
        candor.parse_csv(data, weight="weight" if b"weight" in _bytes(data) else None,
                         time="when" if b"when" in _bytes(data) else None,
                         comment="comment" if b"comment" in _bytes(data) else None,
                         segments=("region",) if b"region" in _bytes(data) else ())
    assert info.value.status == status
    for needle in needles:
        assert needle in str(info.value)


def _bytes(data):
    return data if isinstance(data, bytes) else data.encode()


def test_invalid_utf8_is_an_error_even_when_skipping(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"score,comment\n10,\xff\xfe\n")
    with pytest.raises(candor.Error) as info:
        candor.read_csv(path, comment="comment", skip_bad_rows=True)
    assert info.value.status == "CANDOR_INVALID_UTF8"


def test_unknown_columns_and_files(tmp_path, csv_path):
    with pytest.raises(candor.Error) as info:
        candor.read_csv(csv_path, score="rating")
    assert info.value.status == "CANDOR_NOT_FOUND"
    assert "rating" in str(info.value)
    with pytest.raises(candor.Error) as info:
        candor.read_csv(csv_path, segments=("country",))
    assert info.value.status == "CANDOR_NOT_FOUND"
    with pytest.raises(candor.Error) as info:
        candor.read_csv(tmp_path / "missing.csv")
    assert info.value.status == "CANDOR_NOT_FOUND"  # candor.h: "an unknown column or file"
    assert "missing.csv" in str(info.value)
    table = read_all(csv_path)
    with pytest.raises(candor.Error) as info:
        table.column("country")
    assert info.value.status == "CANDOR_NOT_FOUND"


def test_bad_reader_options(csv_path):
    for kwargs in ({"delimiter": ",,"}, {"delimiter": "é"}, {"score": 3}, {"score": ""}):
        with pytest.raises(candor.Error) as info:
            candor.read_csv(csv_path, **kwargs)
        assert info.value.status == "CANDOR_INVALID_ARGUMENT"


def test_table_scores_are_checked_when_scored():
    table = candor.parse_csv("score\n10\n12\n")
    with pytest.raises(candor.Error) as info:
        candor.nps(table.scores)
    assert info.value.status == "CANDOR_OUT_OF_RANGE"
