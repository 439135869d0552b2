"""Tests of `candor themes` (cli/), run as a subprocess.

The command's numbers are checked against computations made here: the mean
sentiment and its interval in closed form from the per-row CSV output; each
theme's NPS, the NPS without it and the impact from the scores of the rows
the CSV output lists for it; the detractor relative risk and Katz interval
by hand; trending shares by counting the rows before and after the split.
"""
import csv
import datetime
import io
import json
import math
import os
import shutil
import subprocess

import numpy as np
import pytest
from scipy import stats

from cli_helpers import CLI, SOURCE_DIR, expect_error, run

SAMPLE = os.path.join(SOURCE_DIR, "data", "sample", "survey.csv")
STARTER = os.path.join(SOURCE_DIR, "data", "taxonomies", "cx_starter.json")
REVIEWS = os.path.join(SOURCE_DIR, "bench", "data", "fine_foods_train.csv")


def nps(scores):
    scores = np.asarray(scores)
    return 100 * (np.mean(scores >= 9) - np.mean(scores <= 6))


@pytest.fixture(scope="module")
def rows():
    with open(SAMPLE, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def per_row():
    rc, out, err = run("themes", SAMPLE, "--taxonomy", STARTER, "--format", "csv")
    assert rc == 0, err
    return list(csv.DictReader(io.StringIO(out)))


@pytest.fixture(scope="module")
def report():
    rc, out, err = run("themes", SAMPLE, "--taxonomy", STARTER, "--score-column", "score",
                       "--time-column", "timestamp", "--split", "2025-07-01", "--format", "json")
    assert rc == 0, err
    return json.loads(out)


def test_sentiment_summary_matches_the_rows(rows, per_row, report):
    assert len(per_row) == len(rows) == report["rows"]
    with_text = [float(r["sentiment"]) for r, src in zip(per_row, rows) if src["comment"]]
    assert report["comments"] == len(with_text)
    s = report["sentiment"]
    # The CSV rounds to 4 decimals.
    assert s["value"] == pytest.approx(np.mean(with_text), abs=1e-4)
    se = np.std(with_text, ddof=1) / math.sqrt(len(with_text))
    assert s["std_error"] == pytest.approx(se, rel=1e-3)
    z = stats.norm.ppf(0.975)
    assert s["ci_low"] == pytest.approx(s["value"] - z * s["std_error"], abs=1e-9)
    positive = np.mean(np.array(with_text) >= 0.05) * 100
    assert report["share_positive"] == pytest.approx(positive, abs=0.1)


def test_drivers_match_the_listed_rows(rows, per_row, report):
    scores = np.array([int(r["score"]) for r in rows])
    overall = nps(scores)
    assert report["overall"]["value"] == pytest.approx(overall, abs=1e-9)
    checked = 0
    for theme in report["themes"]:
        mentioning = np.array([theme["theme"] in r["themes"].split("; ") for r in per_row])
        assert theme["comments"] == mentioning.sum()
        if mentioning.sum() in (0, len(rows)):
            continue
        assert theme["score"]["value"] == pytest.approx(nps(scores[mentioning]), abs=1e-9)
        without = nps(scores[~mentioning])
        assert theme["score_without"]["value"] == pytest.approx(without, abs=1e-9)
        assert theme["impact"]["difference"] == pytest.approx(overall - without, abs=1e-9)
        a = np.sum(scores[mentioning] <= 6)
        c = np.sum(scores[~mentioning] <= 6)
        n1, n0 = mentioning.sum(), (~mentioning).sum()
        if min(a, n1 - a, c, n0 - c) > 0:
            rr = (a / n1) / (c / n0)
            se = math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n0)
            z = stats.norm.ppf(0.975)
            assert theme["relative_risk"]["value"] == pytest.approx(rr, rel=1e-9)
            assert theme["relative_risk"]["ci_low"] == pytest.approx(
                math.exp(math.log(rr) - z * se), rel=1e-9)
            checked += 1
    assert checked >= 5


def test_trending_shares_count_rows_around_the_split(rows, per_row, report):
    split = datetime.datetime(2025, 7, 1, tzinfo=datetime.timezone.utc)
    later = np.array([datetime.datetime.fromisoformat(r["timestamp"].replace("Z", "+00:00"))
                      >= split for r in rows])
    for theme in report["themes"]:
        mentioning = np.array([theme["theme"] in r["themes"].split("; ") for r in per_row])
        t = theme["trending"]
        assert t["share_earlier"] == pytest.approx(100 * mentioning[~later].mean(), abs=1e-9)
        assert t["share_later"] == pytest.approx(100 * mentioning[later].mean(), abs=1e-9)


def test_hierarchy_rolls_up_to_parents(report):
    by_name = {t["theme"]: t for t in report["themes"]}
    support = by_name["Support"]["comments"]
    children = [t for name, t in by_name.items() if name.startswith("Support > ")]
    assert support >= max(t["comments"] for t in children)
    assert support <= sum(t["comments"] for t in children) + 1e-9 or support > 0


def test_table_output_and_urgent_comments():
    rc, out, err = run("themes", SAMPLE, "--taxonomy", STARTER, "--score-column", "score")
    assert rc == 0, err
    assert "Sentiment  mean" in out and "Drivers of NPS" in out
    assert "Support > Response time" in out
    rc, out, err = run("themes", REVIEWS, "--text-column", "review", "--themes", "6",
                       "--urgent", "3", "--format", "json")
    assert rc == 0, err
    r = json.loads(out)
    assert r["themes_source"] == "discovered" and len(r["themes"]) == 6
    assert len(r["urgent"]) == 3
    with open(REVIEWS, newline="", encoding="utf-8") as f:
        reviews = [row["review"] for row in csv.DictReader(f)]
    for u in r["urgent"]:
        begin, end = u["span"]
        trigger = reviews[u["row"] - 1].encode()[begin:end].decode()
        assert trigger and trigger in u["reason"], (trigger, u["reason"])
    assert sum(t["comments"] for t in r["themes"]) <= r["comments"]


def test_bad_input_is_a_clear_error(tmp_path):
    expect_error(2, "themes")
    expect_error(2, "themes", SAMPLE, "--taxonomy", STARTER, "--themes", "4")
    expect_error(2, "themes", SAMPLE, "--time-column", "timestamp")
    expect_error(2, "themes", SAMPLE, "--bogus")
    err = expect_error(1, "themes", SAMPLE, "--text-column", "nope")
    assert "nope" in err
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"comment,score\nfine,9\nbad \xc3( byte,3\n")
    err = expect_error(1, "themes", str(bad))
    assert "UTF-8" in err or "utf-8" in err.lower()
    rc, out, err = run("themes", str(bad), "--repair-utf8", "--taxonomy", STARTER)
    assert rc == 0, err
    scores = tmp_path / "scores.csv"
    scores.write_text("comment,score\ngreat support,9\nslow support,x\n")
    err = expect_error(1, "themes", str(scores), "--score-column", "score")
    assert "row 2" in err
    taxonomy = tmp_path / "t.json"
    taxonomy.write_text("{\"themes\": [")
    expect_error(1, "themes", SAMPLE, "--taxonomy", str(taxonomy))


def test_deep_taxonomy_is_a_clear_error(tmp_path):
    # Issue 11: 10,000 nested themes crashed the process (stack overflow).
    theme = '{"name": "t", "keywords": ["x"]'
    taxonomy = tmp_path / "deep.json"
    taxonomy.write_text('{"themes": [' + (theme + ', "children": [') * 9999 + theme +
                        "}]" * 9999 + "}]}")
    err = expect_error(1, "themes", SAMPLE, "--taxonomy", str(taxonomy))
    assert "32 levels of themes" in err and str(taxonomy) in err


# ------------------------------------------------- finding a taxonomy by name

CLI_PATH = os.path.abspath(CLI)  # the tests below run it from other directories


def run_in(cwd, binary, *args):
    proc = subprocess.run([str(binary), *[str(a) for a in args]], capture_output=True,
                          timeout=300, cwd=str(cwd))
    assert proc.returncode >= 0, proc.stderr
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def test_bare_taxonomy_name_from_a_build_tree(tmp_path, per_row):
    # `candor help themes` says --taxonomy cx_starter.json; run from a directory
    # without that file, the build-tree binary reads the source tree's copy:
    # the same rows as with the full path.
    rc, out, err = run_in(tmp_path, CLI_PATH, "themes", SAMPLE, "--taxonomy", "cx_starter.json",
                          "--format", "csv")
    assert rc == 0, err
    assert list(csv.DictReader(io.StringIO(out))) == per_row
    rc, out, err = run_in(tmp_path, CLI_PATH, "help", "themes")
    assert rc == 0 and "--taxonomy cx_starter.json" in out


def test_bare_taxonomy_name_next_to_an_installed_binary(tmp_path):
    # An installed layout, <prefix>/bin/candor and
    # <prefix>/share/candor/taxonomies/: a one-theme taxonomy there (not the
    # starter) proves the copy next to the binary is the one read.
    (tmp_path / "bin").mkdir()
    taxonomies = tmp_path / "share" / "candor" / "taxonomies"
    taxonomies.mkdir(parents=True)
    binary = tmp_path / "bin" / "candor"
    shutil.copyfile(CLI_PATH, binary)
    binary.chmod(0o755)
    (taxonomies / "mine.json").write_text(
        '{"themes": [{"name": "Waiting", "keywords": ["wait", "waited"]}]}', encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    rc, out, err = run_in(work, binary, "themes", SAMPLE, "--taxonomy", "mine.json",
                          "--format", "json")
    assert rc == 0, err
    assert [t["theme"] for t in json.loads(out)["themes"]] == ["Waiting"]
    # A file of that name in the working directory wins over the installed one.
    (work / "mine.json").write_text(
        '{"themes": [{"name": "Local", "keywords": ["price"]}]}', encoding="utf-8")
    rc, out, err = run_in(work, binary, "themes", SAMPLE, "--taxonomy", "mine.json",
                          "--format", "json")
    assert rc == 0, err
    assert [t["theme"] for t in json.loads(out)["themes"]] == ["Local"]
    # Not found anywhere: the error lists every place it looked.
    rc, out, err = run_in(work, binary, "themes", SAMPLE, "--taxonomy", "absent.json")
    assert rc == 1, (out, err)
    assert err.startswith("candor: error: ") and "taxonomy 'absent.json' was not found" in err
    assert "./absent.json" in err
    assert "/bin/../share/candor/taxonomies/absent.json" in err  # next to the binary
    # ... and where the build was configured to install (CMAKE_INSTALL_FULL_DATADIR).
    assert err.count("/share/candor/taxonomies/absent.json") == 2, err


def test_outer_loop_finds_a_bare_taxonomy_name(tmp_path):
    options = ["--account-column", "account_id", "--arr-column", "arr", "--format", "json"]
    rc, by_name, err = run_in(tmp_path, CLI_PATH, "outer-loop", SAMPLE, "--taxonomy",
                              "cx_starter.json", *options)
    assert rc == 0, err
    rc, by_path, err = run_in(tmp_path, CLI_PATH, "outer-loop", SAMPLE, "--taxonomy", STARTER,
                              *options)
    assert rc == 0, err
    assert by_name == by_path and json.loads(by_name)["themes"]
    err = run_in(tmp_path, CLI_PATH, "outer-loop", SAMPLE, "--taxonomy", "absent.json",
                 *options)[2]
    assert "taxonomy 'absent.json' was not found" in err
