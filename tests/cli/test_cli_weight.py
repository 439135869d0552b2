"""Tests of `candor weight` and design-based `candor score` (cli/).

Environment: CANDOR_CLI (the built binary) and CANDOR_SOURCE_DIR, as
cli_helpers.py. Fixtures are generated here with a seeded random.Random and
every number the tool writes is checked against a computation made here:
margins counted with the csv module, the post-stratification closed form
N_cell / n_cell, 0.5 ** (age / half-life), account sums, the weighted NPS of
the written weights, the cluster-robust linearization variance
C / (C - 1) * sum_c z_c^2 (design.hpp; R survey's svymean with ids = ~account),
the post-stratification residual of survey::svyrecvar, a numpy logistic fit
for inverse-propensity weights, and R survey (when Rscript has it) for raking.
"""
import collections
import csv
import io
import json
import math
import random
import shutil
import subprocess

import numpy as np
import pytest

from cli_helpers import expect_error, run

REGIONS = ["NA", "EMEA", "APAC", "LATAM"]
PLANS = ["starter", "pro", "enterprise"]


def run_ok(*args):
    rc, out, err = run(*args)
    assert rc == 0, (rc, out, err)
    return out, err


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def nps_value(score):
    return 100.0 if score >= 9 else (-100.0 if score <= 6 else 0.0)


# ----------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def survey(tmp_path_factory):
    """Responses (unequal response by region and plan) and the invited population."""
    rng = random.Random(20250301)
    base = tmp_path_factory.mktemp("survey")
    population, responses = [], []
    for i in range(4000):
        region = rng.choices(REGIONS, weights=[4, 3, 2, 1])[0]
        plan = rng.choices(PLANS, weights=[5, 3, 2])[0]
        population.append([i, region, plan])
        rate = {"NA": 0.3, "EMEA": 0.2, "APAC": 0.12, "LATAM": 0.25}[region] * \
            {"starter": 0.6, "pro": 1.0, "enterprise": 1.5}[plan]
        if rng.random() < rate:
            account = "A%03d" % rng.randrange(60)
            lean = {"NA": 1.5, "EMEA": 0.5, "APAC": -0.5, "LATAM": 0.0}[region]
            score = max(0, min(10, round(rng.gauss(7.5 + lean, 2.2))))
            day = rng.randrange(0, 180)
            responses.append([len(responses), account, region, plan,
                              rng.choice(["champion", "user", "admin"]),
                              "2025-%02d-%02dT12:00:00Z" % (1 + day // 30, 1 + day % 28),
                              round(rng.uniform(0.5, 2.0), 3), score])
    resp_path = write_csv(base / "responses.csv",
                          ["id", "account_id", "region", "plan", "role", "timestamp",
                           "base_w", "score"], responses)
    pop_path = write_csv(base / "population.csv", ["customer", "region", "plan"], population)
    return {"dir": base, "responses": resp_path, "population": pop_path,
            "pop_rows": population, "resp_rows": responses}


def weights_of(rows, name="candor_weight"):
    return [float(r[name]) for r in rows]


# --------------------------------------------------------------- rake etc.

def test_rake_reproduces_population_margins(survey):
    out, err = run_ok("weight", survey["responses"], "--method", "rake",
                      "--population", survey["population"], "--margin", "region",
                      "--margin", "plan")
    rows = read_csv(out)
    assert len(rows) == len(survey["resp_rows"])
    # Every original field is written back unchanged.
    with open(survey["responses"], newline="") as f:
        original = list(csv.DictReader(f))
    for a, b in zip(original, rows):
        assert all(a[k] == b[k] for k in a)
    for column, index in (("region", 1), ("plan", 2)):
        target = collections.Counter(p[index] for p in survey["pop_rows"])
        got = collections.defaultdict(float)
        for r in rows:
            got[r[column]] += float(r["candor_weight"])
        assert set(got) == set(target)
        for level, total in target.items():
            assert got[level] == pytest.approx(total, rel=1e-8), (column, level)
    assert "effective n (Kish)" in err and "converged" in err
    # Kish effective n and design effect of the written weights.
    w = np.array(weights_of(rows))
    summary = json.loads(run_ok("weight", survey["responses"], "--method", "rake",
                                "--population", survey["population"], "--margin", "region,plan",
                                "--format", "json", "--output", survey["dir"] / "r.csv")[0])
    assert summary["summary"]["effective_n"] == pytest.approx(w.sum() ** 2 / (w ** 2).sum(),
                                                              rel=1e-9)
    assert summary["summary"]["design_effect"] == pytest.approx(
        len(w) * (w ** 2).sum() / w.sum() ** 2, rel=1e-9)
    assert summary["summary"]["max_to_min"] == pytest.approx(w.max() / w.min(), rel=1e-9)


def test_poststratify_closed_form(survey):
    out, _ = run_ok("weight", survey["responses"], "--method", "poststratify",
                    "--population", survey["population"], "--margin", "region",
                    "--margin", "plan")
    rows = read_csv(out)
    big_n = collections.Counter((p[1], p[2]) for p in survey["pop_rows"])
    small_n = collections.Counter((r["region"], r["plan"]) for r in rows)
    for r in rows:
        cell = (r["region"], r["plan"])
        assert float(r["candor_weight"]) == pytest.approx(big_n[cell] / small_n[cell], rel=1e-12)


def test_poststratify_with_base_weights(survey):
    out, _ = run_ok("weight", survey["responses"], "--method", "poststratify",
                    "--population", survey["population"], "--margin", "region",
                    "--base-weight-column", "base_w")
    rows = read_csv(out)
    big_n = collections.Counter(p[1] for p in survey["pop_rows"])
    base_sum = collections.defaultdict(float)
    for r in rows:
        base_sum[r["region"]] += float(r["base_w"])
    for r in rows:
        expect = float(r["base_w"]) * big_n[r["region"]] / base_sum[r["region"]]
        assert float(r["candor_weight"]) == pytest.approx(expect, rel=1e-12)


def test_recency_half_life(tmp_path):
    times = ["2025-03-31T00:00:00Z", "2025-03-17T00:00:00Z", "2025-03-03T00:00:00Z",
             "2025-01-01T00:00:00Z", "2025-03-30T12:00:00+00:00"]
    path = write_csv(tmp_path / "r.csv", ["when", "score"], [[t, 8] for t in times])
    out, _ = run_ok("weight", path, "--method", "recency", "--half-life", "14",
                    "--time-column", "when")
    w = weights_of(read_csv(out))
    assert w[1] == pytest.approx(0.5 * w[0], rel=1e-12)  # one half-life older
    assert w[2] == pytest.approx(0.25 * w[0], rel=1e-12)
    # Against an explicit reference time: 0.5 ** (age in days / 14).
    out, _ = run_ok("weight", path, "--method", "recency", "--half-life", "14",
                    "--time-column", "when", "--reference-time", "2025-04-14")
    w = weights_of(read_csv(out))
    ref = 1744588800  # 2025-04-14T00:00:00Z
    import datetime
    for t, got in zip(times, w):
        age = (ref - datetime.datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp()) / 86400
        assert got == pytest.approx(0.5 ** (age / 14), rel=1e-12)
    err = expect_error(1, "weight", path, "--method", "recency", "--half-life", "14",
                       "--time-column", "when", "--reference-time", "2025-03-20")
    assert "after --reference-time" in err and "line 2" in err


def test_account_weights(survey):
    out, _ = run_ok("weight", survey["responses"], "--method", "accounts",
                    "--account-column", "account_id")
    sums = collections.defaultdict(float)
    for r in read_csv(out):
        sums[r["account_id"]] += float(r["candor_weight"])
    assert len(sums) > 10
    for account, total in sums.items():
        assert total == pytest.approx(1.0, rel=1e-12), account
    # Role weights: within an account, proportional to the role's weight.
    out, _ = run_ok("weight", survey["responses"], "--method", "accounts",
                    "--account-column", "account_id", "--role-column", "role",
                    "--role-weight", "champion=2", "--role-weight", "admin=0.5")
    rows = read_csv(out)
    role_w = {"champion": 2.0, "admin": 0.5, "user": 1.0}
    denom = collections.defaultdict(float)
    for r in rows:
        denom[r["account_id"]] += role_w[r["role"]]
    for r in rows:
        assert float(r["candor_weight"]) == pytest.approx(
            role_w[r["role"]] / denom[r["account_id"]], rel=1e-12)


def test_account_weights_by_value(tmp_path):
    rows = [["a", 100, 9], ["a", 100, 3], ["b", 300, 10], ["c", 50, 7], ["c", 50, 8],
            ["c", 50, 0]]
    path = write_csv(tmp_path / "v.csv", ["account", "arr", "score"], rows)
    out, _ = run_ok("weight", path, "--method", "accounts", "--account-column", "account",
                    "--account-mode", "by_value", "--value-column", "arr")
    sums = collections.defaultdict(float)
    for r in read_csv(out):
        sums[r["account"]] += float(r["candor_weight"])
    assert sums == pytest.approx({"a": 100.0, "b": 300.0, "c": 50.0}, rel=1e-12)
    rows[1][1] = 120
    bad = write_csv(tmp_path / "bad.csv", ["account", "arr", "score"], rows)
    err = expect_error(1, "weight", bad, "--method", "accounts", "--account-column", "account",
                       "--account-mode", "by_value", "--value-column", "arr")
    assert "'a'" in err and "line 3" in err


def test_combined_rake_and_accounts_keeps_margins(survey):
    out, err = run_ok("weight", survey["responses"], "--method", "accounts", "--method", "rake",
                      "--account-column", "account_id", "--population", survey["population"],
                      "--margin", "region,plan")
    rows = read_csv(out)
    target = collections.Counter(p[1] for p in survey["pop_rows"])
    got = collections.defaultdict(float)
    for r in rows:
        got[r["region"]] += float(r["candor_weight"])
    for level, total in target.items():
        assert got[level] == pytest.approx(total, rel=1e-8)
    assert "then raked" in err


def test_combined_recency_and_accounts_is_product_mean_one(survey):
    args = [survey["responses"], "--half-life", "30", "--account-column", "account_id"]
    rec = weights_of(read_csv(run_ok("weight", args[0], "--method", "recency", *args[1:3])[0]))
    acc = weights_of(read_csv(run_ok("weight", args[0], "--method", "accounts", *args[3:])[0]))
    both = weights_of(read_csv(run_ok("weight", args[0], "--method", "recency", "--method",
                                      "accounts", *args[1:])[0]))
    product = np.array(rec) * np.array(acc)
    np.testing.assert_allclose(both, product / product.mean(), rtol=1e-12)


def test_trim_ratio_keeps_sum_and_lowers_max(survey):
    common = ["weight", survey["responses"], "--method", "rake", "--population",
              survey["population"], "--margin", "region,plan"]
    raw = np.array(weights_of(read_csv(run_ok(*common)[0])))
    trimmed = np.array(weights_of(read_csv(run_ok(*common, "--trim-ratio", "1.5")[0])))
    assert trimmed.sum() == pytest.approx(raw.sum(), rel=1e-10)
    assert trimmed.max() < raw.max()
    # Capping leaves the order of the weights unchanged.
    assert np.all(np.diff(trimmed[np.argsort(raw, kind="stable")]) >= -1e-9)


# ---------------------------------------------------------------------- ipw

def logistic_fit(x, y):
    """Unpenalized logistic regression by Newton's method (numpy)."""
    beta = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-x @ beta))
        step = np.linalg.solve(x.T @ (x * (p * (1 - p))[:, None]), x.T @ (y - p))
        beta += step
        if np.max(np.abs(step)) < 1e-12:
            break
    return 1 / (1 + np.exp(-x @ beta))


def test_ipw_weights_are_inverse_fitted_propensity(tmp_path):
    rng = random.Random(7)
    rows = []
    for i in range(1500):
        tenure = rng.uniform(0, 10)
        plan = rng.choice(PLANS)
        logit = -1.5 + 0.2 * tenure + {"starter": -0.5, "pro": 0.0, "enterprise": 0.7}[plan]
        responded = "yes" if rng.random() < 1 / (1 + math.exp(-logit)) else "no"
        rows.append([i, round(tenure, 3), plan, responded, rng.randrange(11)])
    path = write_csv(tmp_path / "invited.csv", ["id", "tenure", "plan", "responded", "score"],
                     rows)
    out, err = run_ok("weight", "--population", path, "--method", "ipw", "--covariate", "tenure",
                      "--covariate", "plan", "--responded-column", "responded")
    got = read_csv(out)
    responded = np.array([r[3] == "yes" for r in rows])
    assert [int(r["id"]) for r in got] == [r[0] for r in rows if r[3] == "yes"]
    # Propensities do not depend on the coding of the covariates (unpenalized MLE).
    tenure = np.array([r[1] for r in rows])
    x = np.column_stack([np.ones(len(rows)), tenure] +
                        [np.array([r[2] == p for r in rows], float) for p in PLANS[1:]])
    p = logistic_fit(x, responded.astype(float))
    np.testing.assert_allclose(weights_of(got), 1 / p[responded], rtol=1e-7)
    # Balance before weighting: |mean_resp - mean_pop| / sd_pop (n - 1).
    diag = json.loads(run_ok("weight", path, "--method", "ipw", "--covariate", "tenure",
                             "--covariate", "plan", "--responded-column", "responded",
                             "--format", "json", "--output", tmp_path / "o.csv")[0])
    tenure_row = [b for b in diag["ipw"]["balance"] if b["variable"] == "tenure"][0]
    expect = abs(tenure[responded].mean() - tenure.mean()) / tenure.std(ddof=1)
    assert tenure_row["asmd_before"] == pytest.approx(expect, rel=1e-9)
    w = 1 / p[responded]
    after = abs((w * tenure[responded]).sum() / w.sum() - tenure.mean()) / tenure.std(ddof=1)
    assert tenure_row["asmd_after"] == pytest.approx(after, abs=1e-6)
    assert any(c["term"].startswith("plan=") for c in diag["ipw"]["coefficients"])
    assert "ASMD before" in err


def test_ipw_separation_is_an_error(tmp_path):
    rows = [[i, i, "1" if i >= 20 else "0", 8] for i in range(40)]
    path = write_csv(tmp_path / "sep.csv", ["id", "x", "responded", "score"], rows)
    err = expect_error(1, "weight", path, "--method", "ipw", "--covariate", "x",
                       "--responded-column", "responded")
    assert "ipw" in err and ("separation" in err or "converge" in err)


# ------------------------------------------------------------ design score

def test_score_population_equals_weighted_nps_of_written_weights(survey):
    out, _ = run_ok("weight", survey["responses"], "--method", "rake",
                    "--population", survey["population"], "--margin", "region",
                    "--margin", "plan")
    rows = read_csv(out)
    w = np.array(weights_of(rows))
    v = np.array([nps_value(int(r["score"])) for r in rows])
    result = json.loads(run_ok("score", survey["responses"], "--population", survey["population"],
                               "--margin", "region", "--margin", "plan", "--format", "json")[0])
    assert result["estimate"]["value"] == pytest.approx((w * v).sum() / w.sum(), rel=1e-10)
    assert result["naive"]["value"] == pytest.approx(v.mean(), rel=1e-12)
    assert result["shift"] == pytest.approx((w * v).sum() / w.sum() - v.mean(), rel=1e-9)
    assert result["kish_design_effect"] == pytest.approx(
        len(w) * (w ** 2).sum() / w.sum() ** 2, rel=1e-9)
    ratio = (result["estimate"]["std_error"] / result["naive"]["std_error"]) ** 2
    assert result["design_effect"] == pytest.approx(ratio, rel=1e-12)
    text, _ = run_ok("score", survey["responses"], "--population", survey["population"],
                     "--margin", "region,plan")
    assert "the correction moved NPS by" in text and "design effect" in text
    assert "naive" in text and "design-based" in text


def cluster_se(values, weights, clusters):
    """C / (C - 1) * sum_c z_c^2 with z_c the account sums of w (v - m) / sum w."""
    w = np.asarray(weights, float)
    v = np.asarray(values, float)
    m = (w * v).sum() / w.sum()
    e = w * (v - m) / w.sum()
    z = collections.defaultdict(float)
    for ei, c in zip(e, clusters):
        z[c] += ei
    c = len(z)
    return math.sqrt(c / (c - 1) * sum(zc ** 2 for zc in z.values()))


def test_cluster_robust_se_closed_form(survey):
    rows = survey["resp_rows"]
    v = [nps_value(r[7]) for r in rows]
    accounts = [r[1] for r in rows]
    res = json.loads(run_ok("score", survey["responses"], "--account-column", "account_id",
                            "--format", "json")[0])
    assert res["estimate"]["std_error"] == pytest.approx(
        cluster_se(v, [1.0] * len(v), accounts), rel=1e-9)
    assert res["design"]["clusters"] == len(set(accounts))
    assert res["naive"]["value"] == pytest.approx(np.mean(v), rel=1e-12)
    # Weighted: the same formula with the base weights.
    res = json.loads(run_ok("score", survey["responses"], "--account-column", "account_id",
                            "--weight-column", "base_w", "--format", "json",
                            "--interval", "wald")[0])
    assert res["estimate"]["std_error"] == pytest.approx(
        cluster_se(v, [r[6] for r in rows], accounts), rel=1e-9)
    # Interval: Wald with the design SE.
    z = 1.959963984540054
    e = res["estimate"]
    assert e["ci_low"] == pytest.approx(e["value"] - z * e["std_error"], rel=1e-9, abs=1e-9)


def test_poststratified_score_variance_matches_svyrecvar_formula(survey):
    """survey::svyrecvar's post-stratification residual (design.hpp), ids = ~1."""
    rows = survey["resp_rows"]
    big_n = collections.Counter(p[1] for p in survey["pop_rows"])
    small_n = collections.Counter(r[2] for r in rows)
    v = np.array([nps_value(r[7]) for r in rows])
    w0 = np.ones(len(rows))
    w = np.array([big_n[r[2]] / small_n[r[2]] for r in rows])
    m = (w * v).sum() / w.sum()
    e = w * (v - m) / w.sum()
    cells = np.array([r[2] for r in rows])
    resid = e.copy()
    for cell in set(cells):
        mask = cells == cell
        resid[mask] -= w[mask] * (e[mask] * w0[mask] / w[mask]).sum() / w0[mask].sum()
    n = len(v)
    var = n / (n - 1) * ((resid - resid.mean()) ** 2).sum()
    res = json.loads(run_ok("score", survey["responses"], "--population", survey["population"],
                            "--margin", "region", "--calibration", "poststratify",
                            "--format", "json")[0])
    assert res["estimate"]["value"] == pytest.approx(m, rel=1e-10)
    assert res["estimate"]["std_error"] == pytest.approx(math.sqrt(var), rel=1e-8)


R_RAKE = r"""
suppressMessages(library(survey))
d <- read.csv(commandArgs(TRUE)[1], stringsAsFactors = FALSE, na.strings = character(0))
p <- read.csv(commandArgs(TRUE)[2], stringsAsFactors = FALSE, na.strings = character(0))
d$v <- ifelse(d$score >= 9, 100, ifelse(d$score <= 6, -100, 0))
des <- svydesign(ids = ~account_id, weights = ~base_w, data = d)
pr <- as.data.frame(table(region = p$region)); names(pr)[2] <- "Freq"
pp <- as.data.frame(table(plan = p$plan)); names(pp)[2] <- "Freq"
r <- rake(des, list(~region, ~plan), list(pr, pp), control = list(epsilon = 1e-12,
          maxit = 200))
m <- svymean(~v, r)
cat(sprintf("%.15g %.15g\n", coef(m), SE(m)))
"""


def test_raked_clustered_score_matches_r_survey(survey, tmp_path):
    rscript = shutil.which("Rscript")
    if rscript is None:
        pytest.skip("Rscript not installed")
    script = tmp_path / "rake.R"
    script.write_text(R_RAKE)
    proc = subprocess.run([rscript, str(script), survey["responses"], survey["population"]],
                          capture_output=True, timeout=300)
    if proc.returncode != 0 and "no package called" in proc.stderr.decode():
        pytest.skip("the R survey package is not installed")
    assert proc.returncode == 0, proc.stderr.decode()
    value, se = map(float, proc.stdout.decode().split())
    res = json.loads(run_ok("score", survey["responses"], "--population", survey["population"],
                            "--margin", "region,plan", "--account-column", "account_id",
                            "--weight-column", "base_w", "--format", "json")[0])
    assert res["estimate"]["value"] == pytest.approx(value, rel=1e-8)
    assert res["estimate"]["std_error"] == pytest.approx(se, rel=1e-6)


def test_design_breakdown_rows(survey):
    res = json.loads(run_ok("score", survey["responses"], "--account-column", "account_id",
                            "--by", "region", "--format", "json")[0])
    rows = survey["resp_rows"]
    for row in res["rows"]:
        region = row["segment"]["region"]
        v = [nps_value(r[7]) for r in rows if r[2] == region]
        assert row["estimate"]["value"] == pytest.approx(np.mean(v), rel=1e-10)
    out, _ = run_ok("score", survey["responses"], "--account-column", "account_id",
                    "--format", "csv")
    kinds = [r["kind"] for r in read_csv(out)]
    assert kinds == ["naive", "overall"]


# -------------------------------------------------------------- bad inputs

def test_unknown_margin_column(survey):
    err = expect_error(1, "weight", survey["responses"], "--method", "rake", "--population",
                       survey["population"], "--margin", "country")
    assert "country" in err
    err = expect_error(1, "score", survey["responses"], "--population", survey["population"],
                       "--margin", "country")
    assert "country" in err


def test_population_level_without_respondents(survey, tmp_path):
    pop = [list(p) for p in survey["pop_rows"]] + [[99999, "ANTARCTICA", "pro"]] * 3
    path = write_csv(tmp_path / "pop.csv", ["customer", "region", "plan"], pop)
    for cmd in (["weight", survey["responses"], "--method", "rake"],
                ["weight", survey["responses"], "--method", "poststratify"],
                ["score", survey["responses"]]):
        err = expect_error(1, *cmd, "--population", path, "--margin", "region")
        assert "ANTARCTICA" in err and "no respondents" in err


def test_respondent_level_missing_from_population(survey, tmp_path):
    pop = [p for p in survey["pop_rows"] if p[1] != "LATAM"]
    path = write_csv(tmp_path / "pop.csv", ["customer", "region", "plan"], pop)
    err = expect_error(1, "weight", survey["responses"], "--method", "rake", "--population",
                       path, "--margin", "region")
    assert "LATAM" in err and "population" in err


def test_negative_base_weight(tmp_path):
    path = write_csv(tmp_path / "neg.csv", ["region", "w", "score"],
                     [["NA", 1, 9], ["EMEA", -2, 5], ["NA", 1, 7]])
    pop = write_csv(tmp_path / "pop.csv", ["region"], [["NA"], ["EMEA"]])
    err = expect_error(1, "weight", path, "--method", "poststratify", "--population", pop,
                       "--margin", "region", "--base-weight-column", "w")
    assert "negative" in err and "line 3" in err and "'w'" in err


def test_usage_errors():
    assert "not one of" in expect_error(2, "weight", "x.csv", "--method", "magic")
    assert "--method" in expect_error(2, "weight", "x.csv")
    assert "--half-life" in expect_error(2, "weight", "x.csv", "--method", "recency")
    assert "--population" in expect_error(2, "weight", "x.csv", "--method", "rake",
                                          "--margin", "region")
    assert "choose one" in expect_error(2, "weight", "x.csv", "--method", "rake", "--method",
                                        "poststratify", "--population", "p", "--margin", "a")
    assert "--account-column" in expect_error(2, "weight", "x.csv", "--method", "accounts")
    assert "ROLE=WEIGHT" in expect_error(2, "weight", "x.csv", "--method", "accounts",
                                         "--account-column", "a", "--role-column", "r",
                                         "--role-weight", "champion")
    assert "--margin" in expect_error(2, "score", "x.csv", "--population", "p.csv")
    assert "wald" in expect_error(2, "score", "x.csv", "--account-column", "a",
                                  "--interval", "bayes")


def test_data_errors_do_not_crash(tmp_path, survey):
    err = expect_error(1, "weight", tmp_path / "missing.csv", "--method", "recency",
                       "--half-life", "3")
    assert "missing.csv" in err
    bad = tmp_path / "bad.csv"
    bad.write_text('a,b\n1,"unclosed\n')
    assert "line 2" in expect_error(1, "weight", bad, "--method", "accounts",
                                    "--account-column", "a")
    ragged = write_csv(tmp_path / "ragged.csv", ["a", "b"], [[1, 2], [3]])
    assert "line 3" in expect_error(1, "weight", ragged, "--method", "accounts",
                                    "--account-column", "a")
    # A weight column that already exists.
    err = expect_error(1, "weight", survey["responses"], "--method", "accounts",
                       "--account-column", "account_id", "--weight-name", "score")
    assert "--weight-name" in err
    # A single account: no cluster-robust variance.
    one = write_csv(tmp_path / "one.csv", ["account", "score"], [["a", 9], ["a", 3]])
    assert "at least 2" in expect_error(1, "score", one, "--account-column", "account")
    # Non-numeric responded flag.
    flags = write_csv(tmp_path / "flags.csv", ["x", "responded"], [[1, "maybe"], [2, "1"]])
    err = expect_error(1, "weight", flags, "--method", "ipw", "--covariate", "x",
                       "--responded-column", "responded")
    assert "maybe" in err and "line 2" in err


def test_help_texts():
    out, _ = run_ok("help", "weight")
    for word in ("rake", "poststratify", "ipw", "recency", "accounts", "--trim-ratio",
                 "--role-weight", "--weight-name"):
        assert word in out
    out, _ = run_ok("help", "score")
    assert "--population" in out and "--account-column" in out
    out, _ = run_ok("help")
    assert "candor weight" in out
    out, _ = run_ok("weight", "--help")
    assert "Usage: candor weight" in out
