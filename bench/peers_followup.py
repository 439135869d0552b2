#!/usr/bin/env python3
"""The follow-up queue's peers (bench/run_followup.sh).

  --make DIR --rows N --accounts M --seed S   write the responses (seeded)
  --pandas DIR                                 the sort/groupby a pandas user would write
                                               (checked against candor's queue first)
  --candor-python DIR                          candor.followup on a DataFrame (first call
                                               in this process included)
  --repetitions R; prints one JSON object with the median seconds.

The pandas queue follows include/candor/followup.hpp with the default rules
and no contacts: drops, the dedup window (a vectorized walk over each
account's k-th response), the lead by sort + groupby().head(1), the points,
and the order by np.lexsort.
"""
import argparse
import json
import os
import time

import numpy as np

DAY = 86400
T0 = 1735689600  # 2025-01-01 UTC


def make(directory, rows, accounts, seed):
    rng = np.random.default_rng(seed)
    os.makedirs(directory, exist_ok=True)
    score = rng.choice(11, rows, p=[.04, .03, .04, .05, .06, .08, .1, .15, .15, .15, .15])
    score = score.astype(np.float64)
    score[rng.random(rows) < 0.005] = np.nan
    times = T0 + rng.integers(0, 730 * DAY, rows)
    account = rng.integers(0, accounts, rows).astype(np.int32)
    urgency = np.where(rng.random(rows) < 0.05, rng.integers(1, 6, rows), 0).astype(np.uint8)
    arr = np.exp(rng.normal(10, 1.5, accounts))
    arr[rng.random(accounts) < 0.1] = np.nan
    score.tofile(os.path.join(directory, "score.f64"))
    times.astype(np.int64).tofile(os.path.join(directory, "time.i64"))
    account.tofile(os.path.join(directory, "account.i32"))
    urgency.tofile(os.path.join(directory, "urgency.u8"))
    arr.tofile(os.path.join(directory, "arr.f64"))


def load(directory):
    read = lambda name, dtype: np.fromfile(os.path.join(directory, name), dtype=dtype)
    return (read("score.f64", np.float64), read("time.i64", np.int64),
            read("account.i32", np.int32), read("urgency.u8", np.uint8), read("arr.f64", np.float64))


def pandas_queue(score, times, account, urgency, arr, window_days=30):
    import pandas as pd
    df = pd.DataFrame({"score": score, "time": times, "account": account, "urgency": urgency})
    df["row"] = np.arange(len(df))
    df = df[df.score.between(0, 10)]
    df = df.sort_values(["account", "time", "row"], kind="stable")
    acc = df.account.to_numpy()
    t = df.time.to_numpy()
    k = df.groupby("account", sort=False).cumcount().to_numpy()
    # Cases: the k-th response of every account at once, k = 0, 1, ...
    by_k = np.argsort(k, kind="stable")
    bounds = np.searchsorted(k[by_k], np.arange(k.max() + 2))
    case = np.empty(len(df), dtype=np.int64)
    start = np.zeros(len(arr), dtype=np.int64)
    current = np.zeros(len(arr), dtype=np.int64)
    for kk in range(k.max() + 1):
        idx = by_k[bounds[kk]:bounds[kk + 1]]
        a = acc[idx]
        if kk == 0:
            start[a] = t[idx]
            current[a] = 0
        else:
            new = t[idx] - start[a] >= window_days * DAY
            current[a] += new
            start[a] = np.where(new, t[idx], start[a])
        case[idx] = current[a]
    df["case"] = case
    df["detractor"] = df.score <= 6
    df["rank"] = np.where(df.urgency > 0, df.urgency, 6)
    per_case = df.groupby(["account", "case"], sort=True).agg(
        first=("time", "min"), detractors=("detractor", "sum"))
    per_case["seen"] = per_case.groupby(level=0).detractors.cumsum()
    leads = (df.sort_values(["account", "case", "rank", "score", "time", "row"])
               .groupby(["account", "case"], sort=True).head(1))
    s = leads.score.to_numpy()
    u = leads.urgency.to_numpy().astype(np.int64)
    a_arr = arr[leads.account.to_numpy()]
    priority = np.zeros(len(leads))
    priority += np.where(s <= 6, 30, 0)
    priority += np.where((s > 6) & (s < 9), 10, 0)
    priority += np.where(s <= 2, 20, 0)
    priority += np.array([0, 50, 45, 40, 30, 25])[u]
    with np.errstate(invalid="ignore", divide="ignore"):
        priority += np.where(a_arr > 1000, np.minimum(30, 10 * np.log10(a_arr / 1000)), 0)
    priority += np.where((s <= 6) & (per_case.seen.to_numpy() >= 2), 10, 0)
    fire = u > 0
    order = np.lexsort((per_case["first"].to_numpy(), leads.account.to_numpy(),
                        leads.time.to_numpy(), -priority, ~fire))
    return leads.account.to_numpy()[order], priority[order], leads.row.to_numpy()[order]


def candor_python(score, times, account, urgency, arr):
    import pandas as pd
    import candor
    names = np.array(["none", "safety", "legal", "churn", "refund", "unresolved"], dtype=object)
    responses = pd.DataFrame({"score": score, "time": times, "account": account,
                              "urgency": names[urgency]})
    accounts = pd.DataFrame({"account": np.arange(len(arr), dtype=np.int32), "arr": arr})
    return candor.followup(responses, accounts=accounts)


def timed(function, repetitions):
    seconds = []
    for _ in range(repetitions):
        t0 = time.perf_counter()
        result = function()
        seconds.append(time.perf_counter() - t0)
    return result, seconds


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--make")
    p.add_argument("--pandas")
    p.add_argument("--candor-python")
    p.add_argument("--rows", type=int, default=10_000_000)
    p.add_argument("--accounts", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=20261206)
    p.add_argument("--repetitions", type=int, default=3)
    args = p.parse_args()
    if args.make:
        make(args.make, args.rows, args.accounts, args.seed)
        return
    if args.pandas:
        data = load(args.pandas)
        (acc, pri, lead), seconds = timed(lambda: pandas_queue(*data), args.repetitions)
        read = lambda name, dtype: np.fromfile(os.path.join(args.pandas, name), dtype=dtype)
        assert np.array_equal(acc, read("candor_account.i32", np.int32)), "accounts differ"
        assert np.allclose(pri, read("candor_priority.f64", np.float64), rtol=1e-12)
        assert np.array_equal(lead, read("candor_lead.i64", np.int64)), "leads differ"
        print(json.dumps({"peer": "pandas", "cases": len(acc), "agrees": True,
                          "seconds": seconds, "median_s": float(np.median(seconds))}))
    if args.candor_python:
        data = load(args.candor_python)
        queue, seconds = timed(lambda: candor_python(*data), args.repetitions)
        print(json.dumps({"peer": "candor.followup", "cases": len(queue),
                          "first_call_s": seconds[0], "seconds": seconds,
                          "median_s": float(np.median(seconds))}))


if __name__ == "__main__":
    main()
