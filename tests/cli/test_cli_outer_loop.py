"""candor outer-loop: the ranked table's counts and ARR at risk equal a pandas
computation on the same CSV (JSON and CSV outputs), the trend compares the
last two periods, quotes are redacted and carry the theme's tone, and bad
input is a clear data or usage error."""
import io
import json

import numpy as np
import pytest

from cli_helpers import expect_error, run

pd = pytest.importorskip("pandas")

ROWS = [
    (2, "acme", "price;support", "Too expensive, email me at bob@acme.com", 12000, "2026-Q3"),
    (9, "acme", "ui", "love the new ui", 12000, "2026-Q3"),
    (5, "globex", "price", "the price doubled at renewal", 50000, "2026-Q4"),
    (6, "globex", "support", "support took days to reply", 50000, "2026-Q4"),
    (10, "initech", "ui", "clean ui", 8000, "2026-Q3"),
    (3, "initech", "support", "no answer from support", 8000, "2026-Q4"),
    (8, "hooli", "", "fine", 20000, "2026-Q4"),
    (1, "hooli", "price", "price is way too high for what we get", 20000, "2026-Q3"),
]


@pytest.fixture
def feedback(tmp_path):
    frame = pd.DataFrame(ROWS, columns=["score", "account", "themes", "comment", "arr",
                                        "quarter"])
    path = tmp_path / "feedback.csv"
    frame.to_csv(path, index=False)
    return path, frame


def pandas_costs(frame):
    long = frame.assign(theme=frame.themes.fillna("").str.split(";")).explode("theme")
    long = long[long.theme != ""]
    long["detractor"] = long.score <= 6
    at_risk = long[long.detractor].drop_duplicates(["theme", "account"])
    table = pd.DataFrame({
        "comments": long.groupby("theme").size(),
        "detractor_comments": long.groupby("theme").detractor.sum(),
        "accounts": long.groupby("theme").account.nunique(),
        "detractor_accounts": at_risk.groupby("theme").size(),
        "arr_at_risk": at_risk.groupby("theme").arr.sum()}).fillna(0)
    return table


def test_json_equals_pandas(feedback):
    path, frame = feedback
    rc, out, err = run("outer-loop", path, "--arr-column", "arr", "--period-column", "quarter",
                       "--format", "json")
    assert rc == 0, err
    result = json.loads(out)
    expected = pandas_costs(frame)
    assert [t["theme"] for t in result["themes"]] == list(
        expected.sort_values(["arr_at_risk", "detractor_accounts", "comments"],
                             ascending=False).index)
    for t in result["themes"]:
        row = expected.loc[t["theme"]]
        for column in ["comments", "detractor_comments", "accounts", "detractor_accounts"]:
            assert t[column] == row[column], (t["theme"], column)
        assert t["arr_at_risk"] == row.arr_at_risk
        assert t["arr_ci_low"] <= t["arr_at_risk"] <= t["arr_ci_high"]
        shares = frame.assign(m=frame.themes.fillna("").str.split(";").map(
            lambda names: t["theme"] in names)).groupby("quarter").m.mean()
        assert t["trend"]["share_change"] == pytest.approx(
            100 * (shares["2026-Q4"] - shares["2026-Q3"]), abs=1e-9)
    assert result["total_arr"] == 90000
    assert result["later_period"] == "2026-Q4"
    values = np.where(frame.score >= 9, 100, np.where(frame.score <= 6, -100, 0))
    assert result["overall"]["value"] == pytest.approx(values.mean())


def test_quotes_redacted_and_tone(feedback):
    path, _ = feedback
    rc, out, err = run("outer-loop", path, "--format", "json", "--quotes", "5")
    assert rc == 0, err
    themes = {t["theme"]: t for t in json.loads(out)["themes"]}
    texts = [q["text"] for q in themes["price"]["quotes"]]
    assert "Too expensive, email me at [EMAIL]" in texts
    assert all("bob@acme.com" not in q["text"] for t in themes.values() for q in t["quotes"])
    assert all(q["tone"] > 0 for q in themes["ui"]["quotes"])
    assert all(q["tone"] < 0 for q in themes["price"]["quotes"])
    # Without --arr-column the rows are ranked by impact, the largest loss first.
    impacts = [t["impact"]["difference"] for t in json.loads(out)["themes"]]
    assert impacts == sorted(impacts)


def test_table_and_csv(feedback):
    path, _ = feedback
    rc, out, err = run("outer-loop", path, "--arr-column", "arr")
    assert rc == 0, err
    assert "ARR at risk" in out and "What customers said (PII redacted)" in out
    assert "[EMAIL]" in out and "bob@acme.com" not in out
    rc, out, err = run("outer-loop", path, "--arr-column", "arr", "--format", "csv")
    assert rc == 0, err
    table = pd.read_csv(io.StringIO(out))
    assert list(table["rank"]) == [1, 2, 3]
    assert list(table.arr_at_risk) == sorted(table.arr_at_risk, reverse=True)


def test_bad_input(feedback, tmp_path):
    path, frame = feedback
    err = expect_error(1, "outer-loop", path, "--arr-column", "score")
    assert "one ARR per account" in err and ":3:" in err
    err = expect_error(1, "outer-loop", path, "--themes-column", "nope")
    assert "nope" in err
    empty = tmp_path / "none.csv"
    frame.assign(themes="").to_csv(empty, index=False)
    err = expect_error(1, "outer-loop", empty)
    assert "names no theme" in err
    err = expect_error(2, "outer-loop", path, "--rank-by", "arr")
    assert "--rank-by arr needs --arr-column" in err
    err = expect_error(2, "outer-loop", path, "--replicates", "5")
    assert "--replicates" in err
    err = expect_error(2, "outer-loop")
    assert "needs a FILE" in err
