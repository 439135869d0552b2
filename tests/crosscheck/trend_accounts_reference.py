#!/usr/bin/python3
"""Reference values for candor's per-account trends (EstimateAccountTrends).

Writes tests/data/trend_accounts/responses.csv (case,account,time,score,weight)
and tests/data/trend_accounts/expected.csv (one row per case, covariance and
account), computed independently of candor:
  slope, std_error, df, p: statsmodels WLS(s, add_constant(u), weights=w)
        .fit(cov_type='HC1' or 'HC3', use_t=True) with s = 100 * (+1 promoter,
        -1 detractor, 0 passive) and u = (t - first time of the account) /
        (30 * 86400) (slope in NPS points per 30 days); OLS when unweighted;
  ci:   slope -+ q * std_error with q the root of 2 * scipy.stats.t.sf(q, df) =
        0.05 (brentq; see t_critical: statsmodels' conf_int agrees to 1e-8);
  level: the account's NPS with the closed-form Wald standard error: unweighted
        sqrt(((p + d) - (p - d)^2) / n); weighted, the linearization variance
        n / (n - 1) * sum e_i^2 with e_i = w_i (s_i - m) / sum w (as R's
        survey::svymean with ids = ~1);
  change (recent - earlier, recent = t >= the median time of all responses of
        the case, sorted(t)[n // 2]): the difference of the two groups' levels,
        SE sqrt(se_r^2 + se_e^2), p = 2 * scipy.stats.norm.sf(|diff / SE|);
  slope_p_adjusted, change_p_adjusted: statsmodels multipletests(method=
        'fdr_bh') over the accounts with at least MIN_RESPONSES responses and a
        defined slope;
  declining: slope < 0 and slope_p_adjusted <= 0.05.
Accounts: Poisson-sized, some with a true decline, one with every response at
the same time (no slope), one below MIN_RESPONSES. The data are simulated with
numpy's default_rng(20261127), so rerunning gives the same files.
Run from the repository root: /usr/bin/python3 tests/crosscheck/trend_accounts_reference.py
"""
import csv
import os

import numpy as np
import statsmodels.api as sm
from scipy import optimize, stats
from statsmodels.stats.multitest import multipletests

OUT = os.path.join("tests", "data", "trend_accounts")
MIN_RESPONSES = 10
UNIT = 30 * 86400.0
START = 1_735_689_600  # 2025-01-01T00:00:00Z
YEAR = 365 * 86400


def nps_value(score):
    return np.where(score >= 9, 100.0, np.where(score <= 6, -100.0, 0.0))


def simulate(rng, weighted):
    """Rows (account, time, score, weight) of one case."""
    rows = []
    for account in range(14):
        n = {3: 6, 5: 3}.get(account, int(rng.integers(12, 90)))
        times = START + rng.integers(0, YEAR, n)
        if account == 4:
            times[:] = START + 1000  # every response at one time: no slope
        decline = 0.9 if account in (0, 7, 9) else 0.0
        frac = (times - START) / YEAR
        # Promoter and detractor chances drift with time for declining accounts.
        p_pro = np.clip(0.55 - decline * 0.5 * frac, 0.02, 0.98)
        p_det = np.clip(0.15 + decline * 0.5 * frac, 0.02, 0.98)
        u = rng.random(n)
        score = np.where(u < p_pro, rng.integers(9, 11, n),
                         np.where(u < p_pro + p_det, rng.integers(0, 7, n), rng.integers(7, 9, n)))
        weight = rng.uniform(0.3, 3.0, n) if weighted else np.ones(n)
        for t, s, w in zip(times, score, weight):
            rows.append((account, int(t), int(s), float(w)))
    return rows


def t_critical(df, level=0.95):
    """The (1 + level) / 2 quantile of Student's t, as the root of the two-sided
    tail 2 * t.sf(q, df) = 1 - level. scipy 1.10's t.ppf is off by about 1.5e-9
    here (R's qt(0.975, 55) = 2.0040447832891455 agrees with the root, t.ppf
    gives 2.004044781810181), which statsmodels' conf_int inherits."""
    return optimize.brentq(lambda q: 2 * stats.t.sf(q, df) - (1 - level), 0.5, 50,
                           xtol=1e-15, rtol=4 * np.finfo(float).eps)


def level(s, w, weighted):
    n = len(s)
    m = np.sum(w * s) / np.sum(w)
    if weighted:
        e = w * (s - m) / np.sum(w)
        var = n / (n - 1) * np.sum(e * e)
    else:
        var = (np.mean(s * s) - m * m) / n
    return m, np.sqrt(var)


def expected_rows(case, rows, weighted):
    acc = np.array([r[0] for r in rows])
    t = np.array([r[1] for r in rows])
    score = np.array([r[2] for r in rows])
    w = np.array([r[3] for r in rows])
    s = nps_value(score)
    split = np.sort(t)[len(t) // 2]
    out = []
    for cov in ("HC1", "HC3"):
        per = []
        for a in np.unique(acc):
            k = acc == a
            row = dict(case=case, covariance=cov.lower(), account=int(a), n=int(k.sum()),
                       split_time=int(split))
            row["level"], row["level_se"] = level(s[k], w[k], weighted)
            recent, earlier = k & (t >= split), k & (t < split)
            row.update(change=np.nan, change_se=np.nan, change_p=np.nan)
            row.update(slope=np.nan, slope_se=np.nan, slope_df=np.nan, slope_p=np.nan,
                       slope_ci_low=np.nan, slope_ci_high=np.nan)
            tested = row["n"] >= MIN_RESPONSES and len(np.unique(t[k])) > 1
            row["status"] = "ok" if tested else (
                "too_few" if row["n"] < MIN_RESPONSES else "slope_undefined")
            if row["n"] >= MIN_RESPONSES and recent.sum() >= 1 and earlier.sum() >= 1:
                mr, ser = level(s[recent], w[recent], weighted)
                me, see = level(s[earlier], w[earlier], weighted)
                se = np.hypot(ser, see)
                row.update(change=mr - me, change_se=se,
                           change_p=2 * stats.norm.sf(abs((mr - me) / se)))
            if tested:
                u = (t[k] - t[k].min()) / UNIT
                x = sm.add_constant(u)
                model = sm.WLS(s[k], x, weights=w[k]) if weighted else sm.OLS(s[k], x)
                fit = model.fit(cov_type=cov, use_t=True)
                q = t_critical(fit.df_resid)
                ci = (fit.params[1] - q * fit.bse[1], fit.params[1] + q * fit.bse[1])
                assert np.allclose(ci, fit.conf_int(0.05)[1], rtol=0, atol=1e-8 * fit.bse[1])
                row.update(slope=fit.params[1], slope_se=fit.bse[1], slope_df=fit.df_resid,
                           slope_p=fit.pvalues[1], slope_ci_low=ci[0], slope_ci_high=ci[1])
            per.append(row)
        tested = [r for r in per if r["status"] == "ok"]
        slope_adj = multipletests([r["slope_p"] for r in tested], method="fdr_bh")[1]
        change_adj = multipletests([r["change_p"] for r in tested], method="fdr_bh")[1]
        for r in per:
            r["slope_p_adjusted"] = r["change_p_adjusted"] = np.nan
            r["declining"] = 0
        for r, sa, ca in zip(tested, slope_adj, change_adj):
            r["slope_p_adjusted"], r["change_p_adjusted"] = sa, ca
            r["declining"] = int(r["slope"] < 0 and sa <= 0.05)
        out.extend(per)
    return out


def main():
    rng = np.random.default_rng(20261127)
    os.makedirs(OUT, exist_ok=True)
    responses, expected = [], []
    for case, weighted in (("unweighted", False), ("weighted", True)):
        rows = simulate(rng, weighted)
        responses += [(case,) + r for r in rows]
        expected += expected_rows(case, rows, weighted)
    with open(os.path.join(OUT, "responses.csv"), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["case", "account", "time", "score", "weight"])
        for r in responses:
            writer.writerow([r[0], r[1], r[2], r[3], repr(r[4])])
    fields = ["case", "covariance", "account", "status", "n", "split_time", "level", "level_se",
              "slope", "slope_se", "slope_df", "slope_p", "slope_ci_low", "slope_ci_high",
              "slope_p_adjusted", "change", "change_se", "change_p", "change_p_adjusted",
              "declining"]
    with open(os.path.join(OUT, "expected.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for r in expected:
            writer.writerow({k: (repr(float(v)) if isinstance(v, (float, np.floating)) else v)
                             for k, v in ((k, r[k]) for k in fields)})
    print("wrote %d responses and %d expected rows to %s" % (len(responses), len(expected), OUT))


if __name__ == "__main__":
    main()
