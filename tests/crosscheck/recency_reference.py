#!/usr/bin/python3
"""Fixture and reference values for candor's AdjustRecency.

Writes, under tests/data/weight/:
  recency_data.csv       value (+100/0/-100), weight, event_kind (-1 none, 0, 1),
                         days (since the event; 0 when none), cluster (account)
  recency_reference.csv  case, quantity, value: coefficients b0..b2, their SEs,
                         raw_value, standardized value, its SE (delta method
                         c' V c), and a normal interval at 90%, from
                         statsmodels WLS(...).fit(cov_type="cluster",
                         cov_kwds={"groups": cluster}) and cov_type="HC1",
                         weighted and unweighted.
Regressors: 1, [kind = k] * exp(-days / DECAY). Reference mix: REFERENCE_SHARE.
Run: /usr/bin/python3 tests/crosscheck/recency_reference.py
"""
import os

import numpy as np
import pandas as pd
import scipy.stats
import statsmodels.api as sm

DECAY = 30.0
REFERENCE_SHARE = np.array([0.1, 0.05])
LEVEL = 0.9
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "weight")


def make_data(rng, n, accounts):
    kind = rng.choice([-1, 0, 1], n, p=[0.6, 0.25, 0.15])
    days = np.where(kind >= 0, rng.exponential(40.0, n), 0.0)
    cluster = rng.integers(0, accounts, n)
    account_effect = rng.normal(0, 0.5, accounts)[cluster]
    fade = np.where(kind >= 0, np.exp(-days / DECAY), 0.0)
    latent = 0.3 + account_effect - 1.2 * fade * (kind == 0) + 0.8 * fade * (kind == 1)
    u = rng.random(n)
    promoter = 1 / (1 + np.exp(-latent))
    detractor = 1 / (1 + np.exp(latent + 0.8))
    value = np.where(u < detractor, -100.0, np.where(u > 1 - promoter * 0.8, 100.0, 0.0))
    weight = rng.uniform(0.3, 3.0, n)
    return pd.DataFrame({"value": value, "weight": weight, "event_kind": kind, "days": days,
                         "cluster": cluster})


def reference(df, weights, cov_type):
    fade = np.exp(-df["days"].to_numpy() / DECAY)
    kind = df["event_kind"].to_numpy()
    x = np.column_stack([np.ones(len(df))] + [np.where(kind == k, fade, 0.0) for k in range(2)])
    model = sm.WLS(df["value"].to_numpy(), x, weights=weights)
    if cov_type == "cluster":
        fit = model.fit(cov_type="cluster", cov_kwds={"groups": df["cluster"].to_numpy()})
    else:
        fit = model.fit(cov_type="HC1")
    c = np.concatenate([[1.0], REFERENCE_SHARE])
    value = c @ fit.params
    se = np.sqrt(c @ fit.cov_params() @ c)
    z = scipy.stats.norm.ppf(0.5 + LEVEL / 2)
    out = {f"b{j}": fit.params[j] for j in range(3)}
    out.update({f"se{j}": fit.bse[j] for j in range(3)})
    out.update({"raw_value": np.average(df["value"], weights=weights), "standardized": value,
                "standardized_se": se, "ci_low": value - z * se, "ci_high": value + z * se})
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    df = make_data(np.random.default_rng(7112026), 1500, 180)
    df.to_csv(os.path.join(OUT, "recency_data.csv"), index=False, float_format="%.17g")
    rows = []
    ones = np.ones(len(df))
    for case, weights, cov_type in [("cluster_weighted", df["weight"].to_numpy(), "cluster"),
                                    ("hc1_weighted", df["weight"].to_numpy(), "HC1"),
                                    ("cluster_unweighted", ones, "cluster"),
                                    ("hc1_unweighted", ones, "HC1")]:
        for quantity, value in reference(df, weights, cov_type).items():
            rows.append((case, quantity, value))
    table = pd.DataFrame(rows, columns=["case", "quantity", "value"])
    table.to_csv(os.path.join(OUT, "recency_reference.csv"), index=False, float_format="%.17g")
    print(table.pivot(index="quantity", columns="case", values="value"))


if __name__ == "__main__":
    main()
