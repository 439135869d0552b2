"""Weights from Python: calibrations against R's survey package (rake,
postStratify, calibrate(calfun = "linear")) on a seeded sample made here,
inverse-propensity fits against statsmodels' Logit, and the plain weight
vectors (accounts, trimming, recency, combining, summaries, response rates)
against their closed forms. Bad input raises candor.Error with the status."""
import datetime

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import candor
from helpers import run_r

REGIONS = {"north": 3000, "south": 3200, "east": 2300, "west": 1500}
AGES = {"18-34": 3300, "35-54": 3900, "55+": 2800}
N = 10000
TENURE_TOTAL = 31000.0


def _sample(seed=20240612, n=300):
    rng = np.random.default_rng(seed)
    region = rng.choice(list(REGIONS), n, p=[0.4, 0.3, 0.2, 0.1])
    age = rng.choice(list(AGES), n, p=[0.25, 0.45, 0.30])
    tenure = np.round(rng.gamma(2.0, 1.5, n) + 0.3 * (region == "west"), 3)
    base = np.round(rng.uniform(0.5, 3.0, n), 4)
    return pd.DataFrame({"region": region, "age": age, "tenure": tenure, "base": base})


def _cell_totals():
    cells = {(r, a): round(REGIONS[r] * AGES[a] / N) for r in REGIONS for a in AGES}
    first = next(iter(cells))
    cells[first] += N - sum(cells.values())
    return cells


def _r_frame(name, totals):
    labels = ", ".join('"%s"' % k for k in totals)
    values = ", ".join(repr(float(v)) for v in totals.values())
    return ('data.frame(%s = factor(c(%s), levels = levels(d$%s)), Freq = c(%s))'
            % (name, labels, name, values))


@pytest.fixture(scope="module")
def calibration_reference(tmp_path_factory):
    """The sample and R survey's raked, post-stratified and linearly
    calibrated weights."""
    sample = _sample()
    folder = tmp_path_factory.mktemp("calibration")
    sample.to_csv(folder / "sample.csv", index=False, float_format="%.17g")
    cells = _cell_totals()
    cell_rows = ", ".join('"%s|%s"' % k for k in cells)
    cell_values = ", ".join(repr(float(v)) for v in cells.values())
    code = """
suppressPackageStartupMessages(library(survey))
d <- read.csv("%(folder)s/sample.csv", stringsAsFactors = TRUE)
des <- svydesign(ids = ~1, weights = ~base, data = d)
raked <- rake(des, list(~region, ~age), list(%(region)s, %(age)s),
              control = list(maxit = 200, epsilon = 1e-14))
keys <- strsplit(c(%(cell_rows)s), "|", fixed = TRUE)
cells <- data.frame(region = factor(sapply(keys, `[`, 1), levels = levels(d$region)),
                    age = factor(sapply(keys, `[`, 2), levels = levels(d$age)),
                    Freq = c(%(cell_values)s))
post <- postStratify(des, ~region + age, cells)
pop <- c(`(Intercept)` = %(n)r, regionnorth = %(north)r, regionsouth = %(south)r,
         regionwest = %(west)r, tenure = %(tenure)r)
lin <- calibrate(des, ~region + tenure, population = pop, calfun = "linear")
out <- data.frame(rake = sprintf("%%.17g", weights(raked)),
                  post = sprintf("%%.17g", weights(post)),
                  linear = sprintf("%%.17g", weights(lin)))
write.csv(out, "%(folder)s/reference.csv", row.names = FALSE, quote = FALSE)
""" % {"folder": folder, "region": _r_frame("region", REGIONS), "age": _r_frame("age", AGES),
       "cell_rows": cell_rows, "cell_values": cell_values, "n": float(N),
       "north": float(REGIONS["north"]), "south": float(REGIONS["south"]),
       "west": float(REGIONS["west"]), "tenure": TENURE_TOTAL}
    run_r(code)
    return sample, pd.read_csv(folder / "reference.csv")


def test_rake_matches_r_survey(calibration_reference):
    sample, reference = calibration_reference
    weights = candor.rake({"region": (sample["region"], REGIONS),
                           "age": (sample["age"].to_numpy(), pd.Series(AGES))},
                          base_weights=sample["base"].to_numpy())
    assert weights.kind == "rake" and weights.converged and weights.iterations > 1
    np.testing.assert_allclose(weights.values, reference["rake"], rtol=1e-8)
    # The margins are met.
    for name, totals in (("region", REGIONS), ("age", AGES)):
        got = pd.Series(weights.values).groupby(sample[name].to_numpy()).sum()
        for label, total in totals.items():
            assert got[label] == pytest.approx(total, rel=1e-9)


def test_poststratify_joint_cells_match_r_survey(calibration_reference):
    sample, reference = calibration_reference
    weights = candor.poststratify(sample[["region", "age"]], _cell_totals(),
                                  base_weights=sample["base"])
    np.testing.assert_allclose(weights.values, reference["post"], rtol=1e-8)
    assert np.asarray(weights).shape == (len(sample),) and len(weights) == len(sample)


def test_poststratify_one_column_is_w0_times_total_over_cell_sum():
    sample = _sample(seed=7, n=120)
    weights = candor.poststratify(sample["region"], REGIONS, base_weights=sample["base"])
    cell_sum = sample.groupby("region")["base"].transform("sum")
    expected = sample["base"] * sample["region"].map(REGIONS) / cell_sum
    np.testing.assert_allclose(weights.values, expected, rtol=1e-12)


def test_calibrate_linear_matches_r_survey(calibration_reference):
    sample, reference = calibration_reference
    x = pd.DataFrame({r: (sample["region"] == r).astype(float) for r in ("north", "south", "west")})
    x["tenure"] = sample["tenure"]
    totals = {"north": REGIONS["north"], "south": REGIONS["south"], "west": REGIONS["west"],
              "tenure": TENURE_TOTAL}
    weights = candor.calibrate(x, totals, base_weights=sample["base"], intercept_total=N)
    np.testing.assert_allclose(weights.values, reference["linear"], rtol=1e-8)
    # Same with an explicit intercept column and totals as an array.
    explicit = np.column_stack([np.ones(len(sample)), x.to_numpy()])
    again = candor.calibrate(explicit, [N] + list(totals.values()), base_weights=sample["base"])
    np.testing.assert_allclose(again.values, reference["linear"], rtol=1e-8)
    assert weights.summary.sum == pytest.approx(N, rel=1e-12)
    assert weights.coefficients == {} and len(weights.balance) == 0


def test_summary_is_kish():
    w = _sample(seed=3, n=50)["base"].to_numpy()
    s = candor.weight_summary(w)
    assert s.sum == pytest.approx(w.sum(), rel=1e-14)
    assert (s.min, s.max) == (w.min(), w.max())
    assert s.max_to_min == pytest.approx(w.max() / w.min(), rel=1e-14)
    assert s.effective_n == pytest.approx(w.sum() ** 2 / (w ** 2).sum(), rel=1e-12)
    assert s.design_effect == pytest.approx(len(w) * (w ** 2).sum() / w.sum() ** 2, rel=1e-12)


# ------------------------------------------------------------------- IPW


def _invited(seed=99, m=800):
    rng = np.random.default_rng(seed)
    spend = np.round(rng.lognormal(3, 0.6, m), 2)
    tenure = np.round(rng.gamma(2, 2, m), 2)
    plan = rng.choice(["basic", "plus", "pro"], m, p=[0.5, 0.3, 0.2])
    logit = -0.8 + 0.015 * spend - 0.1 * tenure + 0.7 * (plan == "pro") - 0.3 * (plan == "plus")
    responded = rng.random(m) < 1 / (1 + np.exp(-logit))
    return pd.DataFrame({"spend": spend, "tenure": tenure, "plan": plan}), responded


def test_ipw_coefficients_match_statsmodels_logit():
    sm = pytest.importorskip("statsmodels.api")
    covariates, responded = _invited()
    fit = candor.ipw(responded, covariates)
    # The design the header documents: standardized numeric columns (sd with
    # divisor n), one-hot categories with the first level as reference.
    def standardized(x):
        return (x - x.mean()) / x.std(ddof=0)
    X = np.column_stack([np.ones(len(responded)), standardized(covariates["spend"]),
                         standardized(covariates["tenure"]),
                         (covariates["plan"] == "plus").astype(float),
                         (covariates["plan"] == "pro").astype(float)])
    reference = sm.Logit(responded.astype(float), X).fit(method="newton", tol=1e-14, disp=0)
    coefficients = fit.coefficients
    assert list(coefficients) == ["(Intercept)", "spend", "tenure", "plan=plus", "plan=pro"]
    np.testing.assert_allclose(list(coefficients.values()), reference.params, rtol=1e-6,
                               atol=1e-9)
    np.testing.assert_allclose(fit.values, 1 / reference.predict(X)[responded], rtol=1e-6)
    assert fit.converged and not fit.is_calibration


def test_ipw_balance_is_asmd_against_the_population():
    covariates, responded = _invited(seed=5)
    fit = candor.ipw(responded, {"spend": covariates["spend"].to_numpy(),
                                 "plan": covariates["plan"].to_numpy()})
    balance = fit.balance.set_index("variable")
    w = fit.values
    columns = {"spend": covariates["spend"].to_numpy()}
    for level in ("basic", "plus", "pro"):
        columns["plan=" + level] = (covariates["plan"] == level).to_numpy(dtype=float)
    assert sorted(balance.index) == sorted(columns)
    for name, x in columns.items():
        sd = x.std(ddof=1)
        before = abs(x[responded].mean() - x.mean()) / sd
        after = abs(np.average(x[responded], weights=w) - x.mean()) / sd
        assert balance.loc[name, "asmd_before"] == pytest.approx(before, rel=1e-10)
        assert balance.loc[name, "asmd_after"] == pytest.approx(after, rel=1e-9, abs=1e-12)


def test_ipw_separation_is_not_converged_unless_penalized():
    rng = np.random.default_rng(1)
    x = rng.normal(size=200)
    responded = x > 0.1
    with pytest.raises(candor.Error) as error:
        candor.ipw(responded, {"x": x})
    assert error.value.status == "CANDOR_NOT_CONVERGED"
    penalized = candor.ipw(responded, {"x": x}, l2_penalty=1.0)
    assert penalized.converged and len(penalized) == responded.sum()


# --------------------------------------------------------- plain vectors


def test_account_weights_closed_forms():
    accounts = np.array(["a", "b", "a", "c", "a", "b"])
    roles = ["user", "admin", "admin", "user", "user", "user"]
    role_weights = {"user": 1.0, "admin": 3.0}
    rw = np.array([role_weights[r] for r in roles])
    account_sum = pd.Series(rw).groupby(accounts).transform("sum").to_numpy()
    counts = pd.Series(accounts).map(pd.Series(accounts).value_counts()).to_numpy()
    np.testing.assert_allclose(candor.account_weights(accounts), 1 / counts, rtol=1e-15)
    np.testing.assert_allclose(candor.account_weights(accounts, roles=roles,
                                                      role_weights=role_weights),
                               rw / account_sum, rtol=1e-15)
    np.testing.assert_allclose(candor.account_weights(accounts, "per_response", roles=roles,
                                                      role_weights=role_weights), rw, rtol=1e-15)
    value = {"a": 1200.0, "b": 300.0, "c": 50.0}
    per_response = np.array([value[a] for a in accounts])
    expected = per_response * rw / account_sum
    np.testing.assert_allclose(candor.account_weights(accounts, "by_value", value=value,
                                                      roles=roles, role_weights=role_weights),
                               expected, rtol=1e-14)
    np.testing.assert_allclose(candor.account_weights(accounts, "by_value", value=per_response,
                                                      roles=roles, role_weights=role_weights),
                               expected, rtol=1e-14)


def test_trim_caps_at_ratio_times_mean_and_keeps_the_sum():
    w = np.array([1.0, 2.0, 1.5, 200.0, 0.5, 3.0, 1.0, 1.0, 2.5, 1.0])
    capped = np.minimum(w, 3 * w.mean())
    expected = capped * w.sum() / capped.sum()
    np.testing.assert_allclose(candor.trim_weights(w, ratio=3), expected, rtol=1e-14)
    clipped = np.clip(w, *np.quantile(w, [0.1, 0.9]))
    np.testing.assert_allclose(candor.trim_weights(w, quantiles=(0.1, 0.9)),
                               clipped * w.sum() / clipped.sum(), rtol=1e-14)


def test_recency_weights_halve_every_half_life():
    times = np.array(["2024-05-01T00:00", "2024-05-15T12:00", "2024-05-31T00:00"],
                     dtype="datetime64[s]")
    seconds = times.astype(np.int64)
    expected = 0.5 ** ((seconds.max() - seconds) / (30 * 86400.0))
    np.testing.assert_allclose(candor.recency_weights(times, 30), expected, rtol=1e-14)
    np.testing.assert_allclose(candor.recency_weights(seconds, 30), expected, rtol=1e-14)
    tz = pd.Series(pd.to_datetime(times).tz_localize("UTC").tz_convert("Europe/Paris"))
    np.testing.assert_allclose(candor.recency_weights(tz, 30), expected, rtol=1e-14)
    reference = datetime.datetime(2024, 6, 30)
    later = 0.5 ** ((int(np.datetime64(reference, "s").astype(np.int64)) - seconds)
                    / (30 * 86400.0))
    np.testing.assert_allclose(candor.recency_weights(times, 30, reference=reference), later,
                               rtol=1e-14)
    with pytest.raises(candor.Error) as error:
        candor.recency_weights(times, 30, reference=np.datetime64("2024-05-02"))
    assert error.value.status == "CANDOR_OUT_OF_RANGE"


def test_combine_is_the_product_at_mean_one():
    a = np.array([1.0, 2.0, 0.5, 4.0])
    b = np.array([3.0, 1.0, 1.0, 0.25])
    product = a * b
    np.testing.assert_allclose(candor.combine_weights(a, None, b), product / product.mean(),
                               rtol=1e-15)


def test_response_rates_are_wilson():
    rng = np.random.default_rng(11)
    segment = rng.choice(["email", "in-app", "sms"], 500)
    responded = rng.random(500) < np.where(segment == "sms", 0.1, 0.3)
    table = candor.response_rates(responded, by=pd.Series(segment, name="channel"), level=0.9)
    assert list(table["channel"]) == ["email", "in-app", "sms"]
    z = stats.norm.ppf(0.95)
    for _, row in table.iterrows():
        inside = segment == row["channel"]
        n, k = inside.sum(), responded[inside].sum()
        p = k / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z / (1 + z * z / n) * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
        assert (row["invited"], row["responded"]) == (n, k)
        assert row["rate"] == pytest.approx(p, rel=1e-14)
        assert row["ci_low"] == pytest.approx(centre - half, rel=1e-12)
        assert row["ci_high"] == pytest.approx(centre + half, rel=1e-12)
    overall = candor.response_rates(responded)
    assert overall["rate"][0] == pytest.approx(responded.mean(), rel=1e-14)


def test_adjust_recency_matches_statsmodels_wls_with_clusters():
    sm = pytest.importorskip("statsmodels.api")
    rng = np.random.default_rng(21)
    n = 400
    accounts = rng.integers(0, 40, n)
    kind = rng.choice(np.array(["outage", "release", None], dtype=object), n, p=[0.2, 0.2, 0.6])
    days = np.where(kind == None, np.nan, rng.uniform(0, 60, n))  # noqa: E711
    scores = rng.integers(0, 11, n)
    weights = rng.uniform(0.5, 2, n)
    result = candor.adjust_recency(scores, kind, days, weights=weights,
                                   accounts=["acct%d" % a for a in accounts], decay_days=20,
                                   reference_share={"release": 0.3})
    values = np.where(scores >= 9, 100.0, np.where(scores <= 6, -100.0, 0.0))
    fade = np.exp(-np.nan_to_num(days) / 20)
    X = np.column_stack([np.ones(n), (kind == "outage") * fade, (kind == "release") * fade])
    fit = sm.WLS(values, X, weights=weights).fit(cov_type="cluster",
                                                 cov_kwds={"groups": accounts})
    assert list(result.coefficients) == ["(Intercept)", "outage", "release"]
    np.testing.assert_allclose(list(result.coefficients.values()), fit.params, rtol=1e-9)
    np.testing.assert_allclose(list(result.coefficient_std_errors.values()), fit.bse, rtol=1e-8)
    c = np.array([1.0, 0.0, 0.3])
    assert result.value == pytest.approx(c @ fit.params, rel=1e-9)
    assert result.std_error == pytest.approx(np.sqrt(c @ fit.cov_params() @ c), rel=1e-8)
    assert result.raw_value == pytest.approx(np.average(values, weights=weights), rel=1e-12)
    z = stats.norm.ppf(0.975)
    assert result.ci_low == pytest.approx(result.value - z * result.std_error, rel=1e-9)


# ------------------------------------------------------------ bad input


def _status(call):
    with pytest.raises(candor.Error) as error:
        call()
    return error.value


def test_negative_base_weight_is_invalid():
    sample = _sample(n=40)
    base = sample["base"].to_numpy().copy()
    base[7] = -1
    error = _status(lambda: candor.rake({"region": (sample["region"], REGIONS)},
                                        base_weights=base))
    assert error.status == "CANDOR_INVALID_ARGUMENT" and "[7]" in error.message
    assert _status(lambda: candor.weight_summary(base)).status == "CANDOR_INVALID_ARGUMENT"


def test_label_missing_from_totals_is_named():
    sample = _sample(n=40)
    totals = {k: v for k, v in REGIONS.items() if k != "west"}
    labels = sample["region"].to_numpy()
    first = int(np.flatnonzero(labels == "west")[0])
    error = _status(lambda: candor.rake({"region": (labels, totals)}))
    assert error.status == "CANDOR_INVALID_ARGUMENT"
    assert "'west'" in error.message and "respondent %d" % first in error.message
    error = _status(lambda: candor.poststratify(labels, totals))
    assert error.status == "CANDOR_INVALID_ARGUMENT" and "'west'" in error.message


def test_empty_cell_is_empty_and_names_the_label():
    labels = ["north", "south", "north", "south"]
    error = _status(lambda: candor.poststratify(labels, {"north": 10, "south": 5, "east": 4}))
    assert error.status == "CANDOR_EMPTY" and "'east'" in error.message
    error = _status(lambda: candor.rake({"region": (labels, {"north": 10, "east": 4,
                                                             "south": 5})}))
    assert error.status == "CANDOR_EMPTY" and "'east'" in error.message


def test_mismatched_lengths():
    sample = _sample(n=40)
    error = _status(lambda: candor.rake({"region": (sample["region"], REGIONS),
                                         "age": (sample["age"][:30], AGES)}))
    assert error.status == "CANDOR_LENGTH_MISMATCH"
    error = _status(lambda: candor.poststratify(sample["region"], REGIONS,
                                                base_weights=np.ones(39)))
    assert error.status == "CANDOR_LENGTH_MISMATCH"
    error = _status(lambda: candor.calibrate(np.ones((40, 2)), [1.0, 2.0, 3.0]))
    assert error.status == "CANDOR_LENGTH_MISMATCH"
    error = _status(lambda: candor.ipw(np.ones(10, dtype=bool), {"x": np.arange(9.0)}))
    assert error.status == "CANDOR_LENGTH_MISMATCH"
    error = _status(lambda: candor.combine_weights(np.ones(3), np.ones(4)))
    assert error.status == "CANDOR_LENGTH_MISMATCH"


def test_other_bad_inputs():
    assert _status(lambda: candor.ipw([0, 1, 2], {"x": [1.0, 2.0, 3.0]})).status \
        == "CANDOR_OUT_OF_RANGE"
    assert _status(lambda: candor.account_weights(["a", None, "b"])).status \
        == "CANDOR_INVALID_ARGUMENT"
    assert _status(lambda: candor.account_weights(["a", "b"], "by_value")).status \
        == "CANDOR_INVALID_ARGUMENT"
    assert _status(lambda: candor.account_weights(["a", "b"], roles=["x", "y"],
                                                  role_weights={"x": 1.0})).status \
        == "CANDOR_INVALID_ARGUMENT"
    assert _status(lambda: candor.trim_weights([1.0, 2.0], quantiles=(0.9, 0.1))).status \
        == "CANDOR_INVALID_ARGUMENT"
    assert _status(lambda: candor.calibrate(pd.DataFrame({"r": ["a", "b"]}), [1.0])).status \
        == "CANDOR_INVALID_ARGUMENT"


def test_without_pandas_gives_the_same_weights():
    # The no-pandas label lookups, in a fresh interpreter where `import pandas` fails.
    import json
    import os
    import subprocess
    import sys
    sample = _sample(seed=8, n=240)
    covariates, responded = _invited(seed=2, m=200)
    code = r"""
import json, sys
sys.modules["pandas"] = None
import numpy as np
import candor
d = json.load(sys.stdin)
regions = {k: v for k, v in d["regions"]}
ages = {k: v for k, v in d["ages"]}
cells = {tuple(k): v for k, v in d["cells"]}
raked = candor.rake({"region": (d["region"], regions), "age": (d["age"], ages)},
                    base_weights=d["base"])
post = candor.poststratify([d["region"], d["age"]], cells, base_weights=d["base"])
fit = candor.ipw(d["responded"], {"spend": np.array(d["spend"]), "plan": d["plan"]})
assert isinstance(fit.balance, list)
accounts = candor.account_weights(d["region"])
e = candor.nps([s % 11 for s in range(240)], raked, accounts=d["age"])
print(json.dumps([raked.values.tolist(), post.values.tolist(), fit.coefficients,
                  accounts.tolist(), [e.value, e.std_error]]))
"""
    payload = json.dumps({
        "regions": list(REGIONS.items()), "ages": list(AGES.items()),
        "cells": [[list(k), v] for k, v in _cell_totals().items()],
        "region": sample["region"].tolist(), "age": sample["age"].tolist(),
        "base": sample["base"].tolist(), "responded": responded.tolist(),
        "spend": covariates["spend"].tolist(), "plan": covariates["plan"].tolist()})
    result = subprocess.run([sys.executable, "-c", code], input=payload, capture_output=True,
                            text=True, env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)),
                            timeout=120)
    assert result.returncode == 0, result.stderr
    raked, post, coefficients, accounts, estimate = json.loads(result.stdout)
    with_pandas = candor.rake({"region": (sample["region"], REGIONS),
                               "age": (sample["age"], AGES)}, base_weights=sample["base"])
    np.testing.assert_allclose(raked, with_pandas.values, rtol=1e-14)
    np.testing.assert_allclose(post, candor.poststratify(sample[["region", "age"]], _cell_totals(),
                                                         base_weights=sample["base"]).values,
                               rtol=1e-14)
    fit = candor.ipw(responded, covariates[["spend", "plan"]])
    assert coefficients == pytest.approx(fit.coefficients, rel=1e-12)
    np.testing.assert_allclose(accounts, candor.account_weights(sample["region"]), rtol=1e-15)
    e = candor.nps(np.arange(240) % 11, with_pandas, accounts=sample["age"])
    assert estimate == pytest.approx([e.value, e.std_error], rel=1e-12)
