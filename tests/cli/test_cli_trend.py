"""Tests of `candor trend` (cli/), run as a subprocess.

Every number is checked against a computation made here from the CSV: calendar
buckets with Python's zoneinfo, NPS and its Wald SE in closed form, the
two-sample z-test and the minimal detectable change, Mann-Kendall by its
O(n^2) definition, Sen's slope with scipy.stats.theilslopes, the WLS slope with
statsmodels (cov_type='fixed scale'), account slopes with statsmodels WLS HC3.
"""
import csv
import datetime
import io
import json
import math
import os
import subprocess
import zoneinfo

import candor
import numpy as np
import pytest
from scipy import stats

from cli_helpers import CLI, SOURCE_DIR, expect_error, run

SAMPLE = os.path.join(SOURCE_DIR, "data", "sample", "survey.csv")
ZONE = "America/New_York"


def month_of(timestamp, zone):
    local = datetime.datetime.fromisoformat(timestamp).astimezone(zoneinfo.ZoneInfo(zone))
    return "%04d-%02d" % (local.year, local.month)


def nps(scores):
    n = len(scores)
    p = sum(1 for s in scores if s >= 9) / n
    d = sum(1 for s in scores if s <= 6) / n
    return 100 * (p - d), 100 * math.sqrt(((p + d) - (p - d) ** 2) / n)


@pytest.fixture(scope="module")
def rows():
    with open(SAMPLE, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def monthly(rows):
    rc, out, err = run("trend", SAMPLE, "--every", "month", "--tz", ZONE, "--format", "json")
    assert rc == 0, err
    return json.loads(out)


def by_month(rows, zone):
    groups = {}
    for r in rows:
        groups.setdefault(month_of(r["timestamp"], zone), []).append(int(r["score"]))
    return dict(sorted(groups.items()))


def test_buckets_match_zoneinfo_and_closed_form(rows, monthly):
    expected = by_month(rows, ZONE)
    buckets = monthly["series"][0]["buckets"]
    assert [b["bucket"] for b in buckets] == list(expected)
    z = stats.norm.ppf(0.975)
    for b, scores in zip(buckets, expected.values()):
        value, se = nps(scores)
        assert b["estimate"]["n"] == len(scores)
        assert b["estimate"]["value"] == pytest.approx(value, abs=1e-9)
        assert b["estimate"]["std_error"] == pytest.approx(se, rel=1e-9)
        # The interval is the default (Jeffreys), as the library gives it.
        default = candor.nps(np.asarray(scores, float))
        assert b["estimate"]["ci_low"] == pytest.approx(default.ci_low, abs=1e-6)
        assert b["estimate"]["ci_high"] == pytest.approx(default.ci_high, abs=1e-6)


def test_changes_and_minimal_detectable_change(rows, monthly):
    series = list(by_month(rows, ZONE).values())
    buckets = monthly["series"][0]["buckets"]
    assert buckets[0]["change"] is None
    power = stats.norm.ppf(0.975) + stats.norm.ppf(0.8)
    for k in range(1, len(buckets)):
        (a, se_a), (b, se_b) = nps(series[k]), nps(series[k - 1])
        se = math.hypot(se_a, se_b)
        change = buckets[k]["change"]
        assert change["difference"] == pytest.approx(a - b, abs=1e-9)
        assert change["p_value"] == pytest.approx(2 * stats.norm.sf(abs(a - b) / se), rel=1e-6)
        assert buckets[k]["mdc"] == pytest.approx(power * se, rel=1e-9)


def test_control_limits_from_pooled_variance(rows, monthly):
    scores = [int(r["score"]) for r in rows]
    p = sum(1 for s in scores if s >= 9) / len(scores)
    d = sum(1 for s in scores if s <= 6) / len(scores)
    sigma = math.sqrt((p + d) - (p - d) ** 2)
    for b in monthly["series"][0]["buckets"]:
        half = 3 * 100 * sigma / math.sqrt(b["estimate"]["n"])
        assert b["control"]["center"] == pytest.approx(100 * (p - d), abs=1e-9)
        assert b["control"]["upper"] == pytest.approx(min(100, 100 * (p - d) + half), abs=1e-9)
        value = b["estimate"]["value"]
        flag = 1 if value > b["control"]["upper"] else (-1 if value < b["control"]["lower"] else 0)
        assert b["control"]["flag"] == flag


def test_trend_tests_on_bucket_estimates(monthly):
    import statsmodels.api as sm
    buckets = monthly["series"][0]["buckets"]
    values = np.array([b["estimate"]["value"] for b in buckets])
    errors = np.array([b["estimate"]["std_error"] for b in buckets])
    n = len(values)
    s = sum(np.sign(values[j] - values[i]) for i in range(n) for j in range(i + 1, n))
    mk = monthly["series"][0]["mann_kendall"]
    assert mk["s"] == s
    assert mk["var_s"] == pytest.approx(n * (n - 1) * (2 * n + 5) / 18)  # no ties among NPS values
    sen = stats.theilslopes(values, np.arange(n), alpha=0.95, method="separate")
    assert monthly["series"][0]["sens_slope"]["slope"] == pytest.approx(sen[0], rel=1e-12)
    fit = sm.WLS(values, sm.add_constant(np.arange(n, dtype=float)),
                 weights=1 / errors ** 2).fit(cov_type="fixed scale")
    wls = monthly["series"][0]["wls_slope"]
    assert wls["slope"] == pytest.approx(fit.params[1], rel=1e-9)
    assert wls["std_error"] == pytest.approx(fit.bse[1], rel=1e-9)
    assert wls["p_value"] == pytest.approx(fit.pvalues[1], rel=1e-6)


@pytest.mark.parametrize("option, method", [(None, "holm"), ("holm", "holm"), ("bh", "fdr_bh"),
                                            ("none", None)])
def test_change_p_values_adjusted_per_series_match_statsmodels(option, method):
    from statsmodels.stats.multitest import multipletests
    extra = [] if option is None else ["--p-adjust", option]
    rc, out, err = run("trend", SAMPLE, "--by", "region", "--format", "json", *extra)
    assert rc == 0, err
    result = json.loads(out)
    assert result["p_adjust"] == (option or "holm")
    assert len(result["series"]) > 1
    for series in result["series"]:
        changes = [b for b in series["buckets"] if b["change"] is not None]
        p = np.array([b["change"]["p_value"] for b in changes], float)
        tested = ~np.isnan(p)
        assert series["changes_tested"] == tested.sum() > 1
        adjusted = np.array([b["change_p_adjusted"] for b in changes], float)
        expected = multipletests(p[tested], method=method)[1] if method else p[tested]
        np.testing.assert_allclose(adjusted[tested], expected, rtol=1e-9, atol=1e-12)
        for b in series["buckets"]:
            if b["change"] is None:
                assert b["change_p_adjusted"] is None


@pytest.mark.parametrize("option, words", [(None, "adjusted (Holm)"),
                                           ("bh", "adjusted (Benjamini-Hochberg)"),
                                           ("none", "not adjusted (--p-adjust none)")])
def test_table_says_how_p_values_were_adjusted_and_across_how_many(option, words):
    extra = [] if option is None else ["--p-adjust", option]
    rc, out, err = run("trend", SAMPLE, *extra)
    assert rc == 0, err
    rc, js, err = run("trend", SAMPLE, "--format", "json", *extra)
    series = json.loads(js)["series"][0]
    tested = series["changes_tested"]
    below = sum(1 for b in series["buckets"]
                if b["change_p_adjusted"] is not None and b["change_p_adjusted"] < 0.05)
    assert "p adj." in out
    assert "p-values %s across %d changes; %d with p adj. < 0.05" % (words, tested, below) in out


def test_csv_has_the_adjusted_p_and_the_family_size():
    rc, out, err = run("trend", SAMPLE, "--format", "csv", "--p-adjust", "bh")
    assert rc == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    rc, js, err = run("trend", SAMPLE, "--format", "json", "--p-adjust", "bh")
    buckets = json.loads(js)["series"][0]["buckets"]
    for row, b in zip(table, buckets):
        if b["change_p_adjusted"] is None:
            assert row["change_p_adjusted"] in ("", "nan", "NaN")
        else:
            assert float(row["change_p_adjusted"]) == pytest.approx(b["change_p_adjusted"],
                                                                    rel=1e-12)
        assert int(row["changes_tested"]) == json.loads(js)["series"][0]["changes_tested"]


def test_table_says_verdict_and_mdc():
    rc, out, err = run("trend", SAMPLE)
    assert rc == 0, err
    assert "Mann-Kendall" in out and "Sen's slope" in out and "WLS slope" in out
    assert "Verdict" in out and "MDC" in out


def test_csv_one_row_per_bucket(rows):
    rc, out, err = run("trend", SAMPLE, "--every", "quarter", "--format", "csv")
    assert rc == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    quarters = {}
    for r in rows:
        t = datetime.datetime.fromisoformat(r["timestamp"]).astimezone(datetime.timezone.utc)
        key = "%04d-Q%d" % (t.year, (t.month - 1) // 3 + 1)
        quarters[key] = quarters.get(key, 0) + 1
    assert [r["bucket"] for r in table] == sorted(quarters)
    assert [int(r["n"]) for r in table] == [quarters[k] for k in sorted(quarters)]


def test_segments_each_get_a_series(rows):
    rc, out, err = run("trend", SAMPLE, "--by", "region", "--format", "json")
    assert rc == 0, err
    result = json.loads(out)
    counts = {}
    for r in rows:
        counts[r["region"]] = counts.get(r["region"], 0) + 1
    seen = {s["segment"]: sum(b["estimate"]["n"] for b in s["buckets"]) for s in result["series"]}
    assert seen == counts


def test_change_points_levels_are_their_segments(rows):
    rc, out, err = run("trend", SAMPLE, "--change-points", "--format", "json")
    assert rc == 0, err
    points = json.loads(out)["change_points"]
    order = sorted(range(len(rows)), key=lambda i: datetime.datetime.fromisoformat(
        rows[i]["timestamp"]).timestamp())  # sorted() is stable, as the CLI's sort
    scores = [int(rows[i]["score"]) for i in order]
    assert points["segments"][0]["begin"] == 0
    assert points["segments"][-1]["end"] == len(rows)
    for s in points["segments"]:
        value, _ = nps(scores[s["begin"]:s["end"]])
        assert s["level"]["value"] == pytest.approx(value, abs=1e-9)
    assert len(points["changes"]) == len(points["segments"]) - 1


def test_account_ranking_slopes_match_statsmodels(rows):
    import statsmodels.api as sm
    rc, out, err = run("trend", SAMPLE, "--account-column", "account_id", "--accounts",
                       "--format", "csv")
    assert rc == 0, err
    ranking = list(csv.DictReader(io.StringIO(out)))
    accounts = {}
    for r in rows:
        accounts.setdefault(r["account_id"], []).append(r)
    assert sorted(a["account"] for a in ranking) == sorted(accounts)
    tested = [a for a in ranking if a["status"] == "ok"]
    assert tested, "no account had enough responses to test"
    for a in tested[:5]:
        mine = accounts[a["account"]]
        t = np.array([datetime.datetime.fromisoformat(r["timestamp"]).timestamp() for r in mine])
        s = np.array([100.0 if int(r["score"]) >= 9 else (-100.0 if int(r["score"]) <= 6 else 0.0)
                      for r in mine])
        u = (t - t.min()) / (86400 * 30)
        fit = sm.WLS(s, sm.add_constant(u)).fit(cov_type="HC3")
        assert float(a["slope"]) == pytest.approx(fit.params[1], rel=1e-8, abs=1e-9)
        assert float(a["slope_std_error"]) == pytest.approx(fit.bse[1], rel=1e-8)


@pytest.mark.parametrize("args, code, needle", [
    (["--tz", "Mars/Olympus_Mons"], 1, "Mars/Olympus_Mons"),
    (["--every", "fortnight"], 2, "fortnight"),
    (["--accounts"], 2, "--account-column"),
    (["--by", "region,plan"], 2, "one segment column"),
    (["--window-days", "0"], 2, "window-days"),
    (["--penalty", "-3"], 2, "penalty"),
    (["--time-column", "region"], 1, "region"),
])
def test_bad_input_is_a_clear_error(args, code, needle):
    err = expect_error(code, "trend", SAMPLE, *args)
    assert needle in err


# --tz takes a tz database name, never a file path (a usage error, exit 2).
ZONEINFO = os.environ.get("TZDIR") or "/usr/share/zoneinfo"
UP_TO_ROOT = "../" * 16  # from the tz directory to '/' (extra '..' stay at '/')


@pytest.mark.parametrize("tz, needle", [
    (ZONEINFO + "/Asia/Tokyo", "starts with '/'"),
    (UP_TO_ROOT + ZONEINFO[1:] + "/Asia/Tokyo", "'..' component"),
    ("file:" + ZONEINFO + "/Asia/Tokyo", "contains ':'"),
    ("Asia\\Tokyo", "backslash"),
    ("Abcdefghij/" * 6 + "Abcdefghij", "more than 64"),
])
def test_tz_file_paths_are_refused(tz, needle):
    err = expect_error(2, "trend", SAMPLE, "--tz", tz)
    assert "--tz" in err and "is not a tz database name" in err and needle in err, err
    assert '"Europe/London"' in err, err


def test_tz_fifo_behind_dotdot_is_refused_without_opening_it(tmp_path):
    # Opening a FIFO blocks until a writer comes: the time limit makes a
    # regression fail instead of hang.
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    proc = subprocess.run([CLI, "trend", SAMPLE, "--tz", UP_TO_ROOT + str(fifo)[1:]],
                          capture_output=True, timeout=30)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, err
    assert "'..' component" in err, err


@pytest.mark.parametrize("tz", ["UTC", "Etc/GMT+5", "America/Argentina/Buenos_Aires",
                                "EST5EDT"])
def test_tz_iana_names_still_work(rows, tz):
    rc, out, err = run("trend", SAMPLE, "--every", "month", "--tz", tz, "--format", "json")
    assert rc == 0, err
    labels = [b["bucket"] for b in json.loads(out)["series"][0]["buckets"]]
    assert labels == list(by_month(rows, tz)), tz


def test_file_without_time_column(tmp_path):
    path = tmp_path / "no_time.csv"
    path.write_text("score\n9\n10\n3\n")
    err = expect_error(1, "trend", path)
    assert "time column" in err


def test_python_example_agrees_with_the_cli():
    import subprocess
    import sys
    library = os.environ.get("CANDOR_LIBRARY")
    if not library:
        pytest.fail("CANDOR_LIBRARY not set: ctest sets it for this suite")
    env = dict(os.environ, PYTHONPATH=os.path.join(SOURCE_DIR, "bindings", "python"))
    proc = subprocess.run([sys.executable, os.path.join(SOURCE_DIR, "examples", "python",
                                                        "trend_example.py"), SAMPLE, ZONE],
                          capture_output=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr
    rc, out, err = run("trend", SAMPLE, "--tz", ZONE, "--account-column", "account_id",
                       "--change-points", "--format", "json")
    assert rc == 0, err
    result = json.loads(out)
    text = proc.stdout.decode()
    tau = result["series"][0]["mann_kendall"]["tau"]
    assert "Mann-Kendall: tau %.3f" % tau in text
    for change in result["change_points"]["changes"]:
        assert "change point at response %d" % change["index"] in text
