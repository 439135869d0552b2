"""candor outer-loop: the ranked table's counts and ARR at risk equal a pandas
computation on the same CSV (JSON and CSV outputs), the trend compares the
last two periods, quotes are redacted and carry the theme's tone, an
interval that would have zero width is not shown (with its reason), themes
matched by --taxonomy give the same table as the equivalent themes column
(computed in Python from candor's taxonomy match), and bad input is a clear
data or usage error."""
import os
import io
import json

import numpy as np
import pytest

from cli_helpers import SOURCE_DIR, expect_error, run

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
        if row.detractor_accounts > 0:
            assert t["arr_ci_low"] <= t["arr_at_risk"] <= t["arr_ci_high"]
            assert t["arr_ci_low"] < t["arr_ci_high"]
            assert t["arr_no_interval"] is None
        else:  # ui: nothing at risk: 0 with no interval, not [0, 0]
            assert t["arr_ci_low"] is None and t["arr_ci_high"] is None
            assert t["arr_no_interval"] == (
                "no detractor account mentions this theme: nothing at risk to resample")
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


def test_no_zero_width_interval_in_table_and_csv(feedback):
    path, _ = feedback
    rc, out, err = run("outer-loop", path, "--arr-column", "arr")
    assert rc == 0, err
    ui = next(line for line in out.splitlines() if line.split()[1:2] == ["ui"])
    assert "[0, 0]" not in ui and " - " in ui + " "
    assert ("No interval (\"-\"; it would have zero width):\n"
            "  3. ui, ARR interval: no detractor account mentions this theme: nothing at risk "
            "to resample\n") in out
    rc, out, err = run("outer-loop", path, "--arr-column", "arr", "--format", "csv")
    assert rc == 0, err
    table = pd.read_csv(io.StringIO(out)).set_index("theme")
    assert table.loc["ui", "arr_at_risk"] == 0
    assert np.isnan(table.loc["ui", "arr_ci_low"]) and np.isnan(table.loc["ui", "arr_ci_high"])
    assert table.loc["ui", "arr_no_interval"].startswith("no detractor account")
    assert table.arr_no_interval.isna().sum() == 2


STARTER = os.path.join(SOURCE_DIR, "data", "taxonomies", "cx_starter.json")
TAXONOMY_ROWS = [
    (2, "acme", "Support never answered my ticket and the price went up", 12000, "2026-Q3"),
    (9, "acme", "great value, fair price", 12000, "2026-Q3"),
    (5, "globex", "billing sent a wrong invoice again", 50000, "2026-Q4"),
    (6, "globex", "waited days for support to reply", 50000, "2026-Q4"),
    (10, "initech", "the agent was friendly and helpful", 8000, "2026-Q3"),
    (3, "initech", "too expensive and the support agent was rude", 8000, "2026-Q4"),
    (8, "hooli", "fine", 20000, "2026-Q4"),
    (1, "hooli", "overpriced, and the invoice was wrong", 20000, "2026-Q3"),
    (4, "umbrella", "support is slow and the ticket is still unresolved", 30000, "2026-Q4"),
]


def test_taxonomy_equals_the_equivalent_themes_column(tmp_path):
    candor = pytest.importorskip("candor")
    frame = pd.DataFrame(TAXONOMY_ROWS, columns=["score", "account", "comment", "arr", "quarter"])
    texts = list(frame.comment)
    # The themes column from the library's taxonomy match (Python): a child
    # theme's mention counts for its parents.
    analysis = candor.analyze(texts, taxonomy=STARTER)
    themes = [set() for _ in texts]
    for comment, theme in zip(analysis.mentions["comment"], analysis.mentions["theme"]):
        t = int(theme)
        while t >= 0:
            themes[comment].add(analysis.themes[t].path)
            t = analysis.themes[t].parent
    assert "Support" in themes[0] and "Billing > Price" in themes[0]
    with_column = tmp_path / "column.csv"
    frame.assign(themes=[";".join(sorted(names)) for names in themes]).to_csv(with_column,
                                                                              index=False)
    without = tmp_path / "comments.csv"
    frame.to_csv(without, index=False)
    options = ["--arr-column", "arr", "--period-column", "quarter", "--format", "json"]
    rc, out, err = run("outer-loop", with_column, *options)
    assert rc == 0, err
    expected = json.loads(out)
    rc, out, err = run("outer-loop", without, "--taxonomy", STARTER, *options)
    assert rc == 0, err
    result = json.loads(out)
    # Every taxonomy theme is a row; those no comment mentions have 0 comments.
    assert len(result["themes"]) == len(analysis.themes)
    by_name = {t["theme"]: t for t in result["themes"]}
    assert all(by_name[t.path]["comments"] == 0 for t in analysis.themes
               if t.path not in set().union(*themes))
    for row in expected["themes"]:
        got = dict(by_name[row["theme"]])
        assert got.pop("rank") > 0
        row = dict(row)
        row.pop("rank")
        # BH adjusts over every theme of the run: the taxonomy's themes no
        # comment mentions count too, so its adjusted p-values are no smaller.
        got_trend, row_trend = dict(got.pop("trend")), dict(row.pop("trend"))
        assert got_trend.pop("p_adjusted") >= row_trend.pop("p_adjusted")
        got_trend.pop("trending")
        row_trend.pop("trending")
        assert got_trend == row_trend, row["theme"]
        assert got == row, row["theme"]
    for key in ("overall", "accounts", "detractor_accounts", "total_arr"):
        assert result[key] == expected[key]
    # The ranking is by ARR at risk (ties by detractor accounts, comments).
    keys = [(t["arr_at_risk"], t["detractor_accounts"], t["comments"]) for t in result["themes"]]
    assert keys == sorted(keys, reverse=True)


def test_discovered_themes(tmp_path):
    frame = pd.DataFrame(TAXONOMY_ROWS * 3, columns=["score", "account", "comment", "arr",
                                                      "quarter"])
    path = tmp_path / "comments.csv"
    frame.to_csv(path, index=False)
    rc, out, err = run("outer-loop", path, "--themes", "2", "--format", "json")
    assert rc == 0, err
    result = json.loads(out)
    assert len(result["themes"]) == 2
    assert sum(t["comments"] for t in result["themes"]) <= len(frame)


def test_one_source_of_themes(feedback, tmp_path):
    path, frame = feedback
    err = expect_error(2, "outer-loop", path, "--themes-column", "themes", "--taxonomy", STARTER)
    assert "one source of themes" in err
    err = expect_error(2, "outer-loop", path, "--taxonomy", STARTER, "--themes", "3")
    assert "one source of themes" in err
    plain = tmp_path / "plain.csv"
    frame.drop(columns="themes").to_csv(plain, index=False)
    err = expect_error(1, "outer-loop", plain)
    assert "--themes-column" in err and "--taxonomy" in err
    no_text = tmp_path / "no_text.csv"
    frame.drop(columns="comment").to_csv(no_text, index=False)
    err = expect_error(1, "outer-loop", no_text, "--taxonomy", STARTER)
    assert "--text-column" in err
    err = expect_error(1, "outer-loop", path, "--taxonomy", str(tmp_path / "missing.json"))
    assert "missing.json" in err
