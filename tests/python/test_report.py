"""candor.report: the report from a CSV path, a DataFrame, a dict of columns
or the bundled sample; its renderings and save(); number columns; the
progress hook; errors. The numbers are tested where they are computed
(tests/cpp/report)."""
import json
import math
import os

import numpy as np
import pandas as pd
import pytest

import candor

SOURCE_DIR = os.environ.get("CANDOR_SOURCE_DIR", os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))))
SAMPLE = os.path.join(SOURCE_DIR, "data", "sample", "survey.csv")

CSV = ("score,when,account,region,arr,churned,comment\n"
       "9,2025-01-05,A,EU,1200,0,Great support\n"
       "3,2025-01-20,B,US,800,1,Too slow\n"
       "10,2025-02-03,A,EU,1200,0,\n"
       "6,2025-02-14,C,US,,1,Pricing is high\n")
COLUMNS = dict(time="when", account="account", segments="region", arr="arr",
               outcome="churned", comment="comment")


def test_the_bundled_sample_with_its_columns():
    report = candor.report()
    d = report.to_dict()
    assert d["schema_version"] == 1
    assert d["bundled_sample"] is True
    assert d["source"] == "survey.csv"
    assert d["rows"] == 6000
    assert d["columns"]["time"] == "timestamp"
    assert d["columns"]["segments"] == ["region", "plan", "role"]
    assert d["columns"]["arr"] == "arr"
    assert json.loads(report.json()) == d
    assert isinstance(report.text(), str)
    assert report._repr_html_() == report.html()
    # A column given replaces the sample's.
    assert candor.report(segments=["plan"]).to_dict()["columns"]["segments"] == ["plan"]


def test_path_dataframe_and_dict_give_the_same_report(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(CSV, encoding="utf-8")
    from_path = candor.report(path, level=0.9, **COLUMNS).to_dict()
    assert from_path["source"] == str(path)
    assert from_path["level"] == 0.9
    assert from_path["rows"] == 4
    assert from_path["columns"]["outcome"] == "churned"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    from_frame = candor.report(frame, level=0.9, **COLUMNS).to_dict()
    as_dict = {c: list(frame[c]) for c in frame.columns}
    from_dict = candor.report(as_dict, level=0.9, **COLUMNS).to_dict()
    for other in (from_frame, from_dict):
        assert other["source"] == ""
        other["source"] = from_path["source"]
        assert other == from_path
    with pytest.raises(candor.Error) as e:
        candor.report({"score": [1, 2], "arr": [1]})
    assert e.value.status == "CANDOR_LENGTH_MISMATCH"
    with pytest.raises(candor.Error) as e:
        candor.report(42)
    assert "DataFrame" in str(e.value)


def test_save_by_extension(tmp_path):
    report = candor.report(pd.read_csv(SAMPLE).head(200), time="timestamp")
    for name, render in (("r.json", report.json), ("r.html", report.html),
                         ("r.txt", report.text), ("r.HTM", report.html)):
        report.save(tmp_path / name)
        assert (tmp_path / name).read_text(encoding="utf-8") == render()
    report.save(tmp_path / "r.out", format="json")
    assert json.loads((tmp_path / "r.out").read_text())["rows"] == 200
    with pytest.raises(candor.Error, match="cannot tell the format"):
        report.save(tmp_path / "r.pdf")
    with pytest.raises(candor.Error, match="format must be"):
        report.save(tmp_path / "r.json", format="pdf")
    report.close()
    with pytest.raises(candor.Error, match="closed"):
        report.json()


def test_number_columns_of_a_table():
    table = candor.parse_csv(CSV, numbers=["arr", "churned"])
    arr = table.numbers("arr")
    assert arr[:3].tolist() == [1200, 800, 1200] and math.isnan(arr[3])
    assert table.numbers("churned").tolist() == [0, 1, 0, 1]
    with pytest.raises(candor.Error) as e:
        table.numbers("region")
    assert e.value.status == "CANDOR_NOT_FOUND"
    with pytest.raises(candor.Error) as e:
        candor.parse_csv("score,arr\n9,lots\n", numbers="arr")
    assert "line 2, column 'arr': value 'lots' is not a number" in str(e.value)
    assert candor.parse_csv("score,arr\n9,lots\n3,5\n", numbers="arr",
                            skip_bad_rows=True).numbers("arr").tolist() == [5]


def test_progress_counts_sections_and_can_stop():
    seen = []
    candor.report(candor_csv_frame(), progress=lambda done, total: seen.append((done, total)))
    assert seen == [(k, 6) for k in range(1, 7)]
    with pytest.raises(candor.Error) as e:
        candor.report(candor_csv_frame(), progress=lambda done, total: done < 3)
    assert e.value.status == "CANDOR_CANCELLED"

    def boom(done, total):
        raise KeyError("from the callback")
    with pytest.raises(KeyError, match="from the callback"):
        candor.report(candor_csv_frame(), progress=boom)


def candor_csv_frame():
    return pd.DataFrame({"score": [9, 3, 10, 6]})


def test_bad_inputs_name_what_is_wrong(tmp_path):
    with pytest.raises(candor.Error) as e:
        candor.report({"score": [9, 3], "churned": [0, 2]}, outcome="churned")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "row 2" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.report({"score": [9, 3]}, arr="revenue")
    assert e.value.status == "CANDOR_NOT_FOUND" and "revenue" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.report({"score": [9, 3]}, level=1.5)
    assert "level" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.report(tmp_path / "missing.csv")
    assert e.value.status == "CANDOR_NOT_FOUND"
    with pytest.raises(candor.Error):
        candor.report({"score": [9]}, time_zone="Bad\0Zone")
