"""Design-based estimates from Python: account clusters and calibrated
weights (a candor.Weights passed as weights=) against R's survey package
(svymean, svyby, svycontrast with ids = ~account) on a seeded sample made
here, written to CSV and read by R."""
import numpy as np
import pandas as pd
import pytest

import candor
from helpers import run_r

REGIONS = {"east": 900.0, "north": 700.0, "south": 600.0, "west": 300.0}
PLANS = {"basic": 1100.0, "plus": 900.0, "pro": 500.0}
POPULATION = 2500.0
TENURE_TOTAL = 2500 * 4.2


def _sample(seed=20240613):
    rng = np.random.default_rng(seed)
    n_accounts = 40
    sizes = 2 + rng.multinomial(400 - 2 * n_accounts, rng.dirichlet(np.ones(n_accounts)))
    account_code = np.repeat(np.arange(n_accounts), sizes)
    n = len(account_code)
    effect = rng.normal(0, 1.5, n_accounts)[account_code]
    region = rng.choice(list(REGIONS), n, p=[0.4, 0.3, 0.2, 0.1])
    plan = rng.choice(list(PLANS), n, p=[0.5, 0.3, 0.2])
    tenure = np.round(rng.gamma(2, 2, n), 2)
    latent = 7 + effect + 0.4 * (plan == "pro") - 0.3 * (region == "south") + rng.normal(0, 1.8, n)
    score = np.clip(np.round(latent), 0, 10).astype(int)
    weight = np.round(rng.uniform(0.5, 3, n), 3)
    group = rng.choice(["before", "after", "other"], n, p=[0.45, 0.4, 0.15])
    return pd.DataFrame({"score": score, "account": ["acct-%02d" % a for a in account_code],
                         "region": region, "plan": plan, "tenure": tenure, "weight": weight,
                         "group": group})


def _r_population(name, totals):
    return ('data.frame(%s = factor(c(%s), levels = levels(d$%s)), Freq = c(%s))'
            % (name, ", ".join('"%s"' % k for k in totals), name,
               ", ".join(repr(v) for v in totals.values())))


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The sample, and R survey's estimates as a dict name -> value."""
    sample = _sample()
    folder = tmp_path_factory.mktemp("design")
    weights = candor.poststratify(sample["region"], REGIONS, base_weights=sample["weight"])
    sample["w_post"] = weights.values  # for the plain-weights design below
    sample.to_csv(folder / "sample.csv", index=False, float_format="%.17g")
    code = """
suppressPackageStartupMessages(library(survey))
d <- read.csv("%(folder)s/sample.csv", stringsAsFactors = TRUE)
d$nps <- 100 * ifelse(d$score >= 9, 1, ifelse(d$score <= 6, -1, 0))
d$top2 <- 100 * (d$score >= 9)
d$ces <- d$score
acc <- svydesign(ids = ~account, weights = ~weight, data = d)
rows <- list()
add <- function(name, x) rows[[name]] <<- c(coef(x)[[1]], SE(x)[[1]])
add("cluster", svymean(~nps, acc))
add("cluster.top2", svymean(~top2, acc))
add("cluster.mean", svymean(~ces, acc))
add("plain_post", svymean(~nps, svydesign(ids = ~account, weights = ~w_post, data = d)))
post <- postStratify(acc, ~region, %(region)s)
add("post", svymean(~nps, post))
raked <- rake(acc, list(~region, ~plan), list(%(region)s, %(plan)s),
              control = list(maxit = 200, epsilon = 1e-14))
add("rake", svymean(~nps, raked))
pop <- c(`(Intercept)` = %(population)r, regionnorth = %(north)r, regionsouth = %(south)r,
         regionwest = %(west)r, tenure = %(tenure)r)
lin <- calibrate(acc, ~region + tenure, population = pop, calfun = "linear")
add("linear", svymean(~nps, lin))
by <- svyby(~nps, ~group, acc, svymean, covmat = TRUE)
k <- setNames(rep(0, nrow(by)), rownames(by))
k["after"] <- 1
k["before"] <- -1
add("after_minus_before", svycontrast(by, k))
for (g in c("after", "before")) add(paste0("group.", g), svymean(~nps, subset(acc, group == g)))
by_region <- svyby(~nps, ~region, acc, svymean)
for (r in rownames(by_region)) {
  i <- match(r, rownames(by_region))
  rows[[paste0("region.", r)]] <- c(coef(by_region)[[i]], SE(by_region)[[i]])
}
out <- data.frame(name = names(rows), value = sapply(rows, function(x) sprintf("%%.17g", x[1])),
                  se = sapply(rows, function(x) sprintf("%%.17g", x[2])))
write.csv(out, "%(folder)s/reference.csv", row.names = FALSE, quote = FALSE)
""" % {"folder": folder, "region": _r_population("region", REGIONS),
       "plan": _r_population("plan", PLANS), "population": POPULATION,
       "north": REGIONS["north"], "south": REGIONS["south"], "west": REGIONS["west"],
       "tenure": TENURE_TOTAL}
    run_r(code)
    table = pd.read_csv(folder / "reference.csv").set_index("name")
    return sample, {name: (row["value"], row["se"]) for name, row in table.iterrows()}


def _check(estimate, expected, rel=1e-6):
    value, se = expected
    assert estimate.value == pytest.approx(value, rel=1e-9, abs=1e-9)
    assert estimate.std_error == pytest.approx(se, rel=rel)


def test_clustered_by_account_matches_svymean(reference):
    sample, r = reference
    _check(candor.nps(sample["score"], sample["weight"], accounts=sample["account"]),
           r["cluster"])
    _check(candor.top_box(sample["score"], (0, 10), 2, weights=sample["weight"],
                          accounts=sample["account"]), r["cluster.top2"])
    _check(candor.mean_score(sample["score"], (0, 10), weights=sample["weight"],
                             accounts=sample["account"]), r["cluster.mean"])
    # Account labels of any dtype: integer codes give the same clusters.
    codes = pd.factorize(sample["account"])[0] * 7 + 3
    _check(candor.nps(sample["score"], sample["weight"], accounts=codes), r["cluster"])


def test_post_stratified_with_clusters_matches_svymean(reference):
    sample, r = reference
    weights = candor.poststratify(sample["region"], REGIONS, base_weights=sample["weight"])
    _check(candor.nps(sample["score"], weights, accounts=sample["account"]), r["post"])
    # The same weights as a plain array lose the calibration correction: R's
    # design with those weights and no postStratify.
    _check(candor.nps(sample["score"], weights.values, accounts=sample["account"]),
           r["plain_post"])
    assert r["post"][1] != pytest.approx(r["plain_post"][1], rel=1e-3)


def test_raked_with_clusters_matches_svymean(reference):
    sample, r = reference
    weights = candor.rake({"region": (sample["region"], REGIONS),
                           "plan": (sample["plan"], PLANS)},
                          base_weights=sample["weight"], tolerance=1e-13, max_iterations=200)
    _check(candor.nps(sample["score"], weights, accounts=sample["account"]), r["rake"])


def test_linear_calibration_with_clusters_matches_svymean(reference):
    sample, r = reference
    x = pd.DataFrame({k: (sample["region"] == k).astype(float) for k in ("north", "south", "west")})
    x["tenure"] = sample["tenure"]
    weights = candor.calibrate(x, [REGIONS["north"], REGIONS["south"], REGIONS["west"],
                                   TENURE_TOTAL], base_weights=sample["weight"],
                               intercept_total=POPULATION)
    _check(candor.nps(sample["score"], weights, accounts=sample["account"]), r["linear"])


def test_compare_groups_sharing_accounts_matches_svycontrast(reference):
    sample, r = reference
    result = candor.compare_groups(sample["score"], sample["group"], weights=sample["weight"],
                                   accounts=sample["account"], a="after", b="before")
    value, se = r["after_minus_before"]
    assert result.difference == pytest.approx(value, rel=1e-9)
    assert result.std_error == pytest.approx(se, rel=1e-6)
    _check(result.a, r["group.after"])
    _check(result.b, r["group.before"])
    # A boolean group compares True (a) with False (b).
    inside = sample["group"].to_numpy() == "after"
    subset = inside | (sample["group"].to_numpy() == "before")
    boolean = candor.compare_groups(sample["score"][subset], inside[subset],
                                    weights=sample["weight"][subset],
                                    accounts=sample["account"][subset])
    assert boolean.difference == pytest.approx(value, rel=1e-9)


def test_breakdown_with_accounts_matches_svyby(reference):
    sample, r = reference
    table = candor.breakdown(sample["score"], {"region": sample["region"]},
                             weights=sample["weight"], accounts=sample["account"])
    assert list(table["region"]) == sorted(REGIONS)
    for _, row in table.iterrows():
        value, se = r["region." + row["region"]]
        assert row["value"] == pytest.approx(value, rel=1e-9)
        assert row["std_error"] == pytest.approx(se, rel=1e-6)


def test_ipw_weights_object_counts_as_its_values():
    rng = np.random.default_rng(4)
    x = rng.normal(size=300)
    responded = rng.random(300) < 1 / (1 + np.exp(-x))
    fit = candor.ipw(responded, {"x": x})
    scores = rng.integers(0, 11, int(responded.sum()))
    accounts = rng.integers(0, 30, len(scores))
    assert candor.nps(scores, fit, accounts=accounts) \
        == candor.nps(scores, fit.values, accounts=accounts)
    assert candor.nps(scores, fit) == candor.nps(scores, fit.values)


def _status(call):
    with pytest.raises(candor.Error) as error:
        call()
    return error.value


def test_design_errors():
    scores = np.array([10, 9, 3, 7, 8, 0])
    single = _status(lambda: candor.nps(scores, accounts=["a"] * 6))
    assert single.status == "CANDOR_INVALID_ARGUMENT" and "single cluster" in single.message
    assert _status(lambda: candor.nps(scores, accounts=["a", "b"])).status \
        == "CANDOR_LENGTH_MISMATCH"
    assert _status(lambda: candor.nps(scores, accounts=["a", "b", None, "a", "b", "a"])).status \
        == "CANDOR_INVALID_ARGUMENT"
    weights = candor.poststratify(["x", "y", "x", "y"], {"x": 10, "y": 20})
    assert _status(lambda: candor.nps(scores, weights)).status == "CANDOR_LENGTH_MISMATCH"
    negative = np.array([1.0, 1.0, -1.0, 1.0, 1.0, 1.0])
    assert _status(lambda: candor.nps(scores, negative, accounts=[0, 1] * 3)).status \
        in ("CANDOR_INVALID_ARGUMENT", "CANDOR_OUT_OF_RANGE")
    assert _status(lambda: candor.compare_groups(scores, ["p", "q", "r"] * 2)).status \
        == "CANDOR_INVALID_ARGUMENT"
    assert _status(lambda: candor.compare_groups(scores, ["p"] * 6, a="p", b="q")).status \
        == "CANDOR_EMPTY"
