"""Tests of the candor command line (cli/), run as a subprocess.

Environment: CANDOR_CLI (the built binary; default build/dev/cli/candor)
and CANDOR_SOURCE_DIR (the repository root). Every statistic is checked against
a computation made here from the CSV with the csv module: counts of promoters
and detractors, the closed-form Wald standard error, the Hajek linearization
variance for weights, Holm's adjustment.
"""
import csv
import io
import json
import math
import os
import re
import subprocess
import sys

import pytest

from cli_helpers import CLI, SOURCE_DIR, expect_error, run

SAMPLE = os.path.join(SOURCE_DIR, "data", "sample", "survey.csv")
Z95 = 1.959963984540054  # Phi^{-1}(0.975)


# ------------------------------------------------------- independent statistics

def sample_rows():
    with open(SAMPLE, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def nps_values(scores):
    return [1 if s >= 9 else (-1 if s <= 6 else 0) for s in scores]


def wald_nps(scores):
    """NPS and its Wald SE: sigma^2 = (p + d) - (p - d)^2, divided by n (Rocks)."""
    n = len(scores)
    p = sum(1 for s in scores if s >= 9) / n
    d = sum(1 for s in scores if s <= 6) / n
    return 100 * (p - d), 100 * math.sqrt(((p + d) - (p - d) ** 2) / n)


def weighted_nps(scores, weights):
    """Hajek ratio mean and its linearization SE with n/(n-1), as survey::svymean."""
    values = nps_values(scores)
    total = sum(weights)
    m = sum(w * v for w, v in zip(weights, values)) / total
    n = len(values)
    e2 = sum((w * (v - m) / total) ** 2 for w, v in zip(weights, values))
    return 100 * m, 100 * math.sqrt(n / (n - 1) * e2)


def two_sided_p(z):
    return math.erfc(abs(z) / math.sqrt(2))


def holm(p):
    """Holm (1979) step-down, as R's p.adjust(method = "holm")."""
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        adjusted[i] = running
    return adjusted


@pytest.fixture(scope="module")
def sample():
    rows = sample_rows()
    return {
        "rows": rows,
        "scores": [int(r["score"]) for r in rows],
        "weights": [float(r["weight"]) for r in rows],
    }


# --------------------------------------------------------------------- score

def test_score_json_matches_closed_form(sample):
    rc, out, err = run("score", SAMPLE, "--format", "json", "--interval", "wald")
    assert rc == 0, err
    result = json.loads(out)
    nps, se = wald_nps(sample["scores"])
    e = result["estimate"]
    assert e["n"] == len(sample["scores"]) == 6000
    assert e["value"] == pytest.approx(nps, abs=1e-9)
    assert e["std_error"] == pytest.approx(se, rel=1e-9)
    assert e["ci_low"] == pytest.approx(nps - Z95 * se, abs=1e-6)
    assert e["ci_high"] == pytest.approx(nps + Z95 * se, abs=1e-6)
    assert e["effective_n"] == pytest.approx(6000)
    assert result["weighted"] is False


def test_score_csv_matches_closed_form(sample):
    rc, out, err = run("score", SAMPLE, "--format", "csv")
    assert rc == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1 and rows[0]["kind"] == "overall"
    nps, se = wald_nps(sample["scores"])
    assert float(rows[0]["value"]) == pytest.approx(nps, abs=1e-9)
    assert float(rows[0]["std_error"]) == pytest.approx(se, rel=1e-9)
    assert int(rows[0]["n"]) == 6000


def test_score_table_shows_value_and_interval(sample):
    rc, out, err = run("score", SAMPLE)
    assert rc == 0, err
    nps, se = wald_nps(sample["scores"])
    assert "%.1f" % nps in out
    assert "[%.1f, %.1f]" % (nps - Z95 * se, nps + Z95 * se) in out
    assert "6000" in out


def test_score_weighted_matches_linearization(sample):
    rc, out, err = run("score", SAMPLE, "--weight-column", "weight", "--format", "json")
    assert rc == 0, err
    e = json.loads(out)["estimate"]
    value, se = weighted_nps(sample["scores"], sample["weights"])
    w = sample["weights"]
    kish = sum(w) ** 2 / sum(x * x for x in w)
    assert e["value"] == pytest.approx(value, abs=1e-9)
    assert e["std_error"] == pytest.approx(se, rel=1e-6)
    assert e["effective_n"] == pytest.approx(kish, rel=1e-9)


def test_score_other_metrics_match_shares(sample):
    scores = sample["scores"]
    n = len(scores)
    cases = [
        (["--metric", "topbox", "--box", "2"], 100 * sum(s >= 9 for s in scores) / n),
        (["--metric", "bottombox", "--box", "7"], 100 * sum(s <= 6 for s in scores) / n),
        (["--metric", "mean"], sum(scores) / n),
        (["--metric", "mean", "--scale", "0:10"], sum(scores) / n),
    ]
    for args, expected in cases:
        rc, out, err = run("score", SAMPLE, *args, "--format", "json")
        assert rc == 0, (args, err)
        assert json.loads(out)["estimate"]["value"] == pytest.approx(expected, abs=1e-9), args


def test_score_level_changes_the_interval(sample):
    rc, out, err = run("score", SAMPLE, "--level", "0.9", "--format", "json", "--interval", "wald")
    assert rc == 0, err
    e = json.loads(out)["estimate"]
    nps, se = wald_nps(sample["scores"])
    z90 = 1.6448536269514722
    assert e["level"] == pytest.approx(0.9)
    assert e["ci_high"] - e["ci_low"] == pytest.approx(2 * z90 * se, rel=1e-6)


def test_score_by_region_rows_sum_to_n_and_match(sample):
    rc, out, err = run("score", SAMPLE, "--by", "region", "--format", "json")
    assert rc == 0, err
    result = json.loads(out)
    rows = result["rows"]
    assert sum(r["estimate"]["n"] for r in rows) == result["estimate"]["n"] == 6000
    labels = {r["segment"]["region"] for r in rows}
    assert labels == {"NA", "EMEA", "APAC", "LATAM"}
    p_values = []
    for r in rows:
        region = r["segment"]["region"]
        inside = [s for s, row in zip(sample["scores"], sample["rows"]) if row["region"] == region]
        rest = [s for s, row in zip(sample["scores"], sample["rows"]) if row["region"] != region]
        value, se = wald_nps(inside)
        rest_value, rest_se = wald_nps(rest)
        assert r["estimate"]["n"] == len(inside)
        assert r["estimate"]["value"] == pytest.approx(value, abs=1e-9)
        assert r["estimate"]["std_error"] == pytest.approx(se, rel=1e-9)
        diff = value - rest_value
        diff_se = math.hypot(se, rest_se)
        assert r["vs_rest"]["difference"] == pytest.approx(diff, abs=1e-9)
        assert r["vs_rest"]["std_error"] == pytest.approx(diff_se, rel=1e-9)
        p = two_sided_p(diff / diff_se)
        assert r["vs_rest"]["p_value"] == pytest.approx(p, rel=1e-6, abs=1e-300)
        p_values.append(p)
    for r, adjusted in zip(rows, holm(p_values)):
        assert r["p_adjusted"] == pytest.approx(adjusted, rel=1e-6, abs=1e-300)


def test_score_by_two_columns_crosses_them(sample):
    rc, out, err = run("score", SAMPLE, "--by", "region,plan", "--format", "csv")
    assert rc == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    segments = [r for r in rows if r["kind"] == "segment"]
    cells = {(r["region"], r["plan"]) for r in sample["rows"]}
    assert {(r["region"], r["plan"]) for r in segments} == cells
    assert sum(int(r["n"]) for r in segments) == 6000
    # Repeating --by is the same as a comma list.
    rc2, out2, _ = run("score", SAMPLE, "--by", "region", "--by", "plan", "--format", "csv")
    assert rc2 == 0 and out2 == out


def test_score_by_table_output_lists_segments():
    rc, out, err = run("score", SAMPLE, "--by", "plan", "--p-adjust", "bh")
    assert rc == 0, err
    for label in ("starter", "pro", "enterprise"):
        assert label in out
    assert "bh" in out


def test_score_by_single_level_has_no_rest(tmp_path):
    path = tmp_path / "one_region.csv"
    path.write_text("score,region\n9,NA\n3,NA\n10,NA\n", encoding="utf-8")
    rc, out, err = run("score", str(path), "--by", "region", "--format", "json")
    assert rc == 0, err
    (row,) = json.loads(out)["rows"]
    # Nothing to compare with: no difference, p = 1 (as score.hpp documents).
    assert row["vs_rest"]["difference"] is None
    assert row["vs_rest"]["p_value"] == 1
    assert row["estimate"]["value"] == pytest.approx(wald_nps([9, 3, 10])[0])
    rc, out, err = run("score", str(path), "--by", "region")
    assert rc == 0 and "NA" in out, err
    rc, out, err = run("report", str(path))
    assert rc == 0 and "(under 30) the normal approximation is poor" in out, err


def test_score_bootstrap_is_seeded():
    args = ("score", SAMPLE, "--interval", "bootstrap", "--replicates", "500", "--format", "json")
    rc1, out1, err1 = run(*args, "--seed", "7")
    rc2, out2, err2 = run(*args, "--seed", "7")
    assert rc1 == 0 and rc2 == 0, err1 + err2
    assert out1 == out2
    e = json.loads(out1)["estimate"]
    assert e["ci_low"] < e["value"] < e["ci_high"]


@pytest.mark.parametrize("method", ["adjusted_wald", "bayes"])
def test_score_other_intervals_run(method, sample):
    rc, out, err = run("score", SAMPLE, "--interval", method, "--format", "json")
    assert rc == 0, err
    e = json.loads(out)["estimate"]
    nps, se = wald_nps(sample["scores"])
    # Different methods, same data of 6000: intervals near the Wald one.
    assert abs(e["ci_low"] - (nps - Z95 * se)) < 1.0
    assert abs(e["ci_high"] - (nps + Z95 * se)) < 1.0


def test_score_delimiter_and_columns(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text("nps_answer;team\n10;a\n9;a\n3;b\n7;b\n", encoding="utf-8")
    rc, out, err = run("score", str(path), "--delimiter", ";", "--score-column", "nps_answer",
                       "--by", "team", "--format", "json")
    assert rc == 0, err
    result = json.loads(out)
    assert result["estimate"]["value"] == pytest.approx(wald_nps([10, 9, 3, 7])[0])
    by_team = {r["segment"]["team"]: r["estimate"]["value"] for r in result["rows"]}
    assert by_team == pytest.approx({"a": 100.0, "b": -50.0})


def test_score_skip_bad_rows_counts_them(tmp_path):
    path = tmp_path / "bad_row.csv"
    path.write_text("score,region\n10,NA\nten,NA\n6,EMEA\n9,EMEA\n", encoding="utf-8")
    err = expect_error(1, "score", str(path))
    assert "line 3" in err or "3" in err
    rc, out, err = run("score", str(path), "--skip-bad-rows", "--format", "json")
    assert rc == 0, err
    result = json.loads(out)
    assert result["skipped_rows"] == 1
    assert result["estimate"]["n"] == 3
    assert result["estimate"]["value"] == pytest.approx(wald_nps([10, 6, 9])[0])


def test_score_quoted_fields_and_unicode_labels(tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_text('score,segment,comment\n10,"Zürich, CH","said ""great""\nthanks"\n'
                    '2,Tōkyō,🙂\n', encoding="utf-8")
    rc, out, err = run("score", str(path), "--by", "segment", "--format", "csv")
    assert rc == 0, err
    rows = [r for r in csv.DictReader(io.StringIO(out)) if r["kind"] == "segment"]
    assert {r["segment"] for r in rows} == {"Zürich, CH", "Tōkyō"}


# -------------------------------------------------------------------- report

def test_report_on_bundled_sample(sample):
    rc, out, err = run("report")
    assert rc == 0, err
    assert "NPS" in out and "interval" in out
    # Unweighted: the sample's weight column is not named (one rule with
    # `candor score`), and the report says so; the interval is the default.
    nps, _ = wald_nps(sample["scores"])
    assert "%.1f" % nps in out
    assert "column 'weight' looks like survey weights but was not used" in out
    assert "synthetic" in out
    for section in ("By region", "By plan", "By role", "By month"):
        assert section in out
    # The sample was built with unhappy APAC starter accounts and an August
    # outage: an honest report finds both.
    assert re.search(r"APAC is [0-9.]+ points lower than the rest", out), out
    assert re.search(r"2025-08 .* outside control limits", out), out
    assert "Change from 2025-08" in out


def test_report_json(sample):
    rc, out, err = run("report", SAMPLE, "--format", "json", "--weight-column", "weight")
    assert rc == 0, err
    report = json.loads(out)
    value, se = weighted_nps(sample["scores"], sample["weights"])
    headline = report["headline"]
    assert report["columns"]["weight"] == "weight"
    assert headline["nps"]["value"] == pytest.approx(value, abs=1e-9)
    assert headline["nps"]["std_error"] == pytest.approx(se, rel=1e-6)
    assert headline["margin_of_error"] == pytest.approx(Z95 * se, rel=1e-6)
    assert headline["minimal_detectable_change"] == pytest.approx(Z95 * math.sqrt(2) * se,
                                                                  rel=1e-6)
    w = sample["weights"]
    promoters = sum(x for x, s in zip(w, sample["scores"]) if s >= 9) / sum(w)
    assert headline["promoters"] == pytest.approx(promoters, rel=1e-12)
    columns = report["segments"]["columns"]
    assert [s["column"] for s in columns] == ["region", "plan", "role"]
    for section in columns:
        assert sum(r["nps"]["n"] for r in section["rows"]) == 6000
    months = report["trend"]["points"]
    assert report["trend"]["period"] == "month" and report["trend"]["time_zone"] == "UTC"
    assert [m["label"] for m in months] == ["2025-%02d" % k for k in range(1, 13)]
    assert sum(m["nps"]["n"] for m in months) == 6000
    august = months[7]
    assert august["outside_control"] is True and august["nps"]["ci_high"] < value
    assert report["trend"]["changes"][0]["label"] == "2025-08"
    # Month counts match the timestamps read independently (converted to UTC).
    from datetime import datetime, timezone
    counts = [0] * 12
    for row in sample["rows"]:
        t = datetime.fromisoformat(row["timestamp"].replace("Z", "+00:00"))
        counts[t.astimezone(timezone.utc).month - 1] += 1
    assert [m["nps"]["n"] for m in months] == counts


def test_report_unweighted_matches_wald(sample):
    rc, out, err = run("report", SAMPLE, "--unweighted", "--format", "json")
    assert rc == 0, err
    report = json.loads(out)
    nps, se = wald_nps(sample["scores"])
    assert report["columns"]["weight"] == ""
    assert report["headline"]["nps"]["value"] == pytest.approx(nps, abs=1e-9)
    assert report["headline"]["nps"]["std_error"] == pytest.approx(se, rel=1e-9)


def test_report_finds_sample_next_to_installed_binary(tmp_path):
    # An installed layout: <prefix>/bin/candor and <prefix>/share/candor/survey.csv.
    # A different, tiny survey there proves the installed copy wins over the
    # source-tree path baked in at build time.
    (tmp_path / "bin").mkdir()
    (tmp_path / "share" / "candor").mkdir(parents=True)
    binary = tmp_path / "bin" / "candor"
    binary.write_bytes(open(CLI, "rb").read())
    binary.chmod(0o755)
    (tmp_path / "share" / "candor" / "survey.csv").write_text(
        "score,region\n10,NA\n9,NA\n2,EMEA\n", encoding="utf-8")
    proc = subprocess.run([str(binary), "report", "--format", "json"], capture_output=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["bundled_sample"] is True
    assert report["headline"]["nps"]["n"] == 3
    assert report["headline"]["nps"]["value"] == pytest.approx(100 * (2 - 1) / 3)


def test_report_without_time_or_segments(tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("score\n10\n9\n8\n3\n10\n", encoding="utf-8")
    rc, out, err = run("report", str(path))
    assert rc == 0, err
    assert "NPS" in out and "no time column" in out


# ------------------------------------------------------ help, version, usage

def test_version_matches_header():
    with open(os.path.join(SOURCE_DIR, "include", "candor.h"), encoding="utf-8") as f:
        header = f.read()
    parts = [re.search(r"#define CANDOR_VERSION_%s (\d+)" % k, header).group(1)
             for k in ("MAJOR", "MINOR", "PATCH")]
    rc, out, err = run("--version")
    assert rc == 0 and out.strip() == "candor " + ".".join(parts)


def test_help():
    rc, out, _ = run("--help")
    assert rc == 0 and "candor score" in out and "candor report" in out
    rc, out, _ = run("help", "score")
    assert rc == 0 and "--metric" in out and "--by" in out
    rc, out, _ = run("score", "--help")
    assert rc == 0 and "--interval" in out


@pytest.mark.parametrize("args, needle", [
    ([], "command"),
    (["frobnicate"], "frobnicate"),
    (["score"], "FILE"),
    (["score", SAMPLE, "--metric", "happiness"], "--metric"),
    (["score", SAMPLE, "--interval", "magic"], "--interval"),
    (["score", SAMPLE, "--level", "1.5"], "--level"),
    (["score", SAMPLE, "--level", "abc"], "--level"),
    (["score", SAMPLE, "--scale", "5"], "--scale"),
    (["score", SAMPLE, "--scale", "5:1"], "scale"),
    (["score", SAMPLE, "--replicates", "3"], "--replicates"),
    (["score", SAMPLE, "--format", "xml"], "--format"),
    (["score", SAMPLE, "--by"], "--by"),
    (["score", SAMPLE, "--by", "region,,plan"], "--by"),
    (["score", SAMPLE, "--bogus"], "--bogus"),
    (["score", SAMPLE, SAMPLE], "one FILE"),
    (["score", SAMPLE, "--delimiter", "ab"], "--delimiter"),
    (["report", "--format", "csv"], "--format"),
    (["help", "nothing"], "nothing"),
])
def test_usage_errors_exit_2(args, needle):
    err = expect_error(2, *args)
    assert needle in err


# ----------------------------------------------------------------- bad data

def test_missing_file():
    err = expect_error(1, "score", "/nonexistent/survey.csv")
    assert "/nonexistent/survey.csv" in err
    err = expect_error(1, "report", "/nonexistent/survey.csv")
    assert "/nonexistent/survey.csv" in err


def test_directory_is_not_a_file(tmp_path):
    expect_error(1, "score", str(tmp_path))
    expect_error(1, "report", str(tmp_path))


def test_unknown_columns():
    err = expect_error(1, "score", SAMPLE, "--by", "planet")
    assert "planet" in err
    err = expect_error(1, "score", SAMPLE, "--score-column", "rating")
    assert "rating" in err
    err = expect_error(1, "score", SAMPLE, "--weight-column", "heft")
    assert "heft" in err
    err = expect_error(1, "report", SAMPLE, "--time-column", "when")
    assert "when" in err


def test_metric_scale_mismatch_is_a_data_error():
    # The sample's 0-10 scores are not on CSAT's 1..5 scale.
    err = expect_error(1, "score", SAMPLE, "--metric", "csat")
    assert "range" in err.lower() or "scale" in err.lower()


def test_malformed_csv(tmp_path):
    path = tmp_path / "malformed.csv"
    path.write_text('score,comment\n9,fine\n7,"unterminated\n8,ok\n', encoding="utf-8")
    err = expect_error(1, "score", str(path))
    assert "line" in err.lower()
    # Malformed quoting cannot be skipped: the rows after it are not trustworthy.
    expect_error(1, "score", str(path), "--skip-bad-rows")
    expect_error(1, "report", str(path))


def test_wrong_field_count(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("score,region\n9,NA\n7,EMEA,extra\n", encoding="utf-8")
    err = expect_error(1, "score", str(path))
    assert "3" in err  # the line


def test_out_of_range_score(tmp_path):
    path = tmp_path / "range.csv"
    path.write_text("score\n9\n11\n", encoding="utf-8")
    err = expect_error(1, "score", str(path))
    assert "11" in err
    path.write_text("score\n9\n7.5\n", encoding="utf-8")
    expect_error(1, "score", str(path))
    path.write_text("score\n9\n-1\n", encoding="utf-8")
    expect_error(1, "report", str(path))


def test_invalid_utf8(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"score,comment\n9,tr\xe8s bien\n")
    err = expect_error(1, "score", str(path))
    assert "utf-8" in err.lower()
    expect_error(1, "report", str(path))


def test_empty_inputs(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    expect_error(1, "score", str(empty))
    header_only = tmp_path / "header.csv"
    header_only.write_text("score,region\n", encoding="utf-8")
    expect_error(1, "score", str(header_only))
    expect_error(1, "report", str(header_only))


def test_negative_weight(tmp_path):
    path = tmp_path / "weights.csv"
    path.write_text("score,w\n9,1\n7,-2\n", encoding="utf-8")
    err = expect_error(1, "score", str(path), "--weight-column", "w")
    assert "w" in err


def test_binary_garbage_never_crashes(tmp_path):
    path = tmp_path / "garbage.csv"
    path.write_bytes(bytes(range(256)) * 8)
    for args in (["score", str(path)], ["report", str(path)],
                 ["score", str(path), "--skip-bad-rows", "--by", "x"]):
        rc, out, err = run(*args)
        assert rc == 1 and err.startswith("candor: error: "), (args, rc, err)


# ------------------------------------------------------------------ examples

def _example(name):
    # ctest sets CANDOR_EXAMPLES_DIR when the examples are built (the default).
    build = os.environ.get("CANDOR_EXAMPLES_DIR",
                           os.path.join(os.path.dirname(os.path.dirname(CLI)), "examples"))
    return os.path.join(build, name)


@pytest.mark.parametrize("name", ["example_c", "example_cpp"])
def test_compiled_examples(name, sample):
    path = _example(name)
    if not os.path.isfile(path):
        pytest.skip("%s not built (CANDOR_BUILD_EXAMPLES=OFF)" % path)
    proc = subprocess.run([path, SAMPLE], capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    value, _ = weighted_nps(sample["scores"], sample["weights"])
    assert ("NPS %.1f" % value) in re.sub(r"NPS +", "NPS ", proc.stdout.decode())


def test_python_example(sample):
    library = os.environ.get("CANDOR_LIBRARY")
    if not library:
        pytest.skip("CANDOR_LIBRARY not set")
    env = dict(os.environ, PYTHONPATH=os.path.join(SOURCE_DIR, "bindings", "python"))
    proc = subprocess.run([sys.executable, os.path.join(SOURCE_DIR, "examples", "python",
                                                        "nps_example.py")],
                          capture_output=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    value, _ = weighted_nps(sample["scores"], sample["weights"])
    out = proc.stdout.decode()
    assert ("NPS %.1f" % value) in out and "APAC" in out
