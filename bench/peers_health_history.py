"""Health as of a cut-off, from a dated history: candor against pandas.

A user with a long table of monthly account exports who wants each account's
score as of a date would otherwise take the snapshot with pandas (the rows
before the date, each account's latest non-missing value per measure:
sort by time, groupby(account).last()) and score it. This compares

  pandas:  the snapshot with pandas, then candor.health on it;
  candor:  candor.health(history, card, as_of=, time=, account=), which takes
           the snapshot in the library (grade_max_steps=1: one extra snapshot
           for days in grade, the least it computes); and the default call
           (days in grade 104 weekly snapshots back) for what that costs.

Each mode runs in a fresh process (bench/run_health_history.sh): the clock
starts before numpy, pandas and candor are imported: first_with_import_s
is the imports plus the first call (making the data is not timed). --check first verifies that both give the same scores.

    /usr/bin/python3 bench/peers_health_history.py --mode pandas|candor|candor-days|check
        [--accounts N] [--months M] [--repetitions R]
"""
import argparse
import json
import statistics
import sys
import time

START = time.perf_counter()

MEASURES = 10
AS_OF = "2026-07-01"


def history(accounts, months, seed=20261206):
    """A dated history: one row per account and month-start (the last months
    after AS_OF, so the snapshot must leave them out), 10 measures with 30%
    of values not recorded in a row."""
    import numpy as np
    import pandas as pd
    rng = np.random.default_rng(seed)
    n = accounts * months
    month = np.repeat(np.arange(months), accounts)
    frame = {"account": np.tile(np.arange(accounts), months),
             "time": (np.datetime64("2026-07-01") - np.timedelta64(31, "D") * (months - 3)
                      + month * np.timedelta64(31, "D"))}
    for j in range(MEASURES):
        values = rng.uniform(0, 100, n)
        values[rng.uniform(size=n) < 0.3] = np.nan
        frame["m%d" % j] = values
    return pd.DataFrame(frame)


def card():
    return {"measures": [{"name": "m%d" % j, "transform": "linear", "zero_at": 0,
                          "full_at": 100, "weight": 1 + j % 3} for j in range(MEASURES)]}


def pandas_scores(df, candor):
    import numpy as np
    before = df[df.time < np.datetime64(AS_OF)]
    snapshot = before.sort_values("time", kind="stable").groupby("account").last()
    return candor.health(snapshot.drop(columns="time"), card()).score.to_numpy()


def candor_scores(df, candor, max_steps):
    return candor.health(df, card(), as_of=AS_OF, time="time", account="account",
                         grade_max_steps=max_steps).score.to_numpy()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=("pandas", "candor", "candor-days", "check"),
                        required=True)
    parser.add_argument("--accounts", type=int, default=100000)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--repetitions", type=int, default=3)
    args = parser.parse_args()
    import numpy as np
    import pandas  # noqa: F401  (both modes use it: imported inside the clock)
    import candor
    imported = time.perf_counter() - START
    df = history(args.accounts, args.months)
    calls = {"pandas": lambda: pandas_scores(df, candor),
             "candor": lambda: candor_scores(df, candor, 1),
             "candor-days": lambda: candor_scores(df, candor, 104)}
    if args.mode == "check":
        want, got = calls["pandas"](), calls["candor"]()
        if not np.array_equal(np.isnan(want), np.isnan(got)) or \
                np.nanmax(np.abs(want - got)) > 1e-9:
            print("candor and pandas disagree", file=sys.stderr)
            return 1
        print(json.dumps({"check": "equal", "accounts": len(got), "rows": len(df)}))
        return 0
    call = calls[args.mode]
    data_ready = time.perf_counter()
    call()
    first_call = time.perf_counter() - data_ready
    times = []
    for _ in range(args.repetitions):
        t = time.perf_counter()
        call()
        times.append(time.perf_counter() - t)
    print(json.dumps({"mode": args.mode, "rows": len(df), "accounts": args.accounts,
                      "import_s": imported, "first_call_s": first_call,
                      "first_with_import_s": imported + first_call,
                      "median_s": statistics.median(times), "times_s": times}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
