#!/usr/bin/python3
"""Per-account NPS slopes with pandas and numpy, on the data candor's
bench/trend_accounts_bench.cc measures.

  --generate DIR: writes the seeded data (numpy default_rng(--seed)):
      --rows responses over --accounts accounts (uniform codes), times uniform
      over one year, NPS scores whose promoter share falls over the year in
      one account of ten; raw little-endian scores.f64, times.i64, accounts.i32.
  --time DIR: times the peers on those files (one warm-up, then medians of
      --repetitions runs, time.perf_counter) and checks their slopes against
      DIR/candor_slopes.f64 (written by the C++ benchmark):
    pandas_apply_lstsq:  groupby("account").apply(np.linalg.lstsq of the
                         +100/0/-100 value on [1, days / 30]) - the idiom most
                         analysts write; slope only.
    pandas_vectorized:   groupby sums of w, u, s, u*u, u*s and the closed-form
                         OLS slope (no standard errors) - the fastest pandas.
  Both compute less than candor does (which adds the level with its interval,
  HC3 standard errors, t tests, recent-vs-earlier comparisons, BH adjustment
  and the ranking). Prints one JSON object.
  --table DIR: the side-by-side table of bench/run_trend_accounts.sh (candor's
      runs on 1 and 2 threads and the peers' JSON).
"""
import json
import os

import numpy as np
import pandas as pd

from peers_common import (generate_time_table_arguments, print_threads_table, read_column,
                          thread_runs, timed, write_column)

UNIT = 30 * 86400.0


def generate(directory, rows, accounts, seed):
    rng = np.random.default_rng(seed)
    account = rng.integers(0, accounts, rows).astype(np.int32)
    times = (1_700_000_000 + rng.integers(0, 365 * 86400, rows)).astype(np.int64)
    frac = (times - 1_700_000_000) / (365 * 86400.0)
    drop = np.where(account % 10 == 0, 0.3 * frac, 0.0)
    u = rng.random(rows)
    pro, det = 0.5 - drop, 0.2 + drop
    scores = np.where(u < pro, 10.0, np.where(u < pro + det, 3.0, 8.0))
    os.makedirs(directory, exist_ok=True)
    write_column(directory, "scores.f64", scores)
    write_column(directory, "times.i64", times)
    write_column(directory, "accounts.i32", account)


def load(directory):
    return pd.DataFrame({
        "score": read_column(directory, "scores.f64"),
        "time": read_column(directory, "times.i64"),
        "account": read_column(directory, "accounts.i32"),
    })


def apply_lstsq(df):
    s = np.where(df["score"] >= 9, 100.0, np.where(df["score"] <= 6, -100.0, 0.0))
    frame = df.assign(s=s)

    def slope(g):
        u = (g["time"].to_numpy() - g["time"].min()) / UNIT
        x = np.column_stack([np.ones(len(u)), u])
        return np.linalg.lstsq(x, g["s"].to_numpy(), rcond=None)[0][1]

    return frame.groupby("account").apply(slope)


def vectorized(df):
    s = np.where(df["score"] >= 9, 100.0, np.where(df["score"] <= 6, -100.0, 0.0))
    first = df.groupby("account")["time"].transform("min").to_numpy()
    u = (df["time"].to_numpy() - first) / UNIT
    frame = pd.DataFrame({"account": df["account"], "u": u, "s": s, "uu": u * u, "us": u * s})
    sums = frame.groupby("account").agg(n=("u", "size"), u=("u", "sum"), s=("s", "sum"),
                                        uu=("uu", "sum"), us=("us", "sum"))
    suu = sums["uu"] - sums["u"] ** 2 / sums["n"]
    sus = sums["us"] - sums["u"] * sums["s"] / sums["n"]
    return sus / suu


def table(directory):
    c1, _, p = thread_runs(directory)
    print_threads_table(
        directory, "rows %d, accounts %d" % (c1["rows"], c1["accounts"]),
        ("candor EstimateAccountTrends, 1 thread", "candor EstimateAccountTrends, 2 threads"),
        [("%s (max rel. slope diff %.1e)"
          % (name, p[name]["max_relative_slope_difference_vs_candor"]),
          p[name]["median_seconds"]) for name in ("pandas_vectorized", "pandas_apply_lstsq")])


def main():
    parser = generate_time_table_arguments(rows=1_000_000, seed=20261127, repetitions=5)
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument("--apply-repetitions", type=int, default=3)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate, args.rows, args.accounts, args.seed)
        return
    if args.table:
        table(args.table)
        return
    df = load(args.time)
    candor_slopes = read_column(args.time, "candor_slopes.f64")
    out = {"rows": len(df), "accounts": int(df["account"].nunique())}
    for name, fn, reps in (("pandas_vectorized", vectorized, args.repetitions),
                           ("pandas_apply_lstsq", apply_lstsq, args.apply_repetitions)):
        slopes, runs = timed(lambda: fn(df), reps, warm_up=True)
        ref = candor_slopes[slopes.index.to_numpy()]
        ok = np.isfinite(ref) & np.isfinite(slopes.to_numpy())
        diff = np.abs(slopes.to_numpy()[ok] - ref[ok]) / np.maximum(1, np.abs(ref[ok]))
        out[name] = {"median_seconds": runs.median_wall, "repetitions": reps,
                     "max_relative_slope_difference_vs_candor": float(diff.max()),
                     "accounts_compared": int(ok.sum())}
        if diff.max() > 1e-8:
            raise SystemExit("%s disagrees with candor: %g" % (name, diff.max()))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
