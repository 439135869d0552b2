#!/usr/bin/python3
"""pandas on the data of bench/trend_buckets_bench.cc: monthly NPS per
America/New_York month (tz_convert + to_period + groupby), timed, after
checking that its labels, counts and NPS equal candor's (PREFIX.result.csv).

  /usr/bin/python3 bench/peers_trend_buckets.py PREFIX --repetitions 5 --out FILE.json
"""
import argparse
import json
import warnings

import numpy as np
import pandas as pd

from peers_common import timed


def monthly_nps(times, scores):
    local = pd.Series(pd.to_datetime(times, unit="s", utc=True)).dt.tz_convert(
        "America/New_York")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # to_period drops the zone: wall-clock months
        month = local.dt.to_period("M")
    s = np.where(scores >= 9, 1.0, np.where(scores <= 6, -1.0, 0.0))
    g = pd.Series(s).groupby(month.to_numpy())
    return g.size(), 100 * g.mean()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("prefix")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    times = np.fromfile(args.prefix + ".times", dtype=np.int64)
    scores = np.fromfile(args.prefix + ".scores", dtype=np.int8)
    size, nps = monthly_nps(times, scores)
    ours = pd.read_csv(args.prefix + ".result.csv")
    assert list(ours["label"]) == [str(p) for p in size.index], "labels differ"
    assert list(ours["n"]) == list(size), "counts differ"
    worst = float(np.max(np.abs(ours["value"].to_numpy() - nps.to_numpy())))
    assert worst < 1e-9, worst
    _, runs = timed(lambda: monthly_nps(times, scores), args.repetitions)
    result = {"rows": int(len(times)), "pandas_version": pd.__version__,
              "pandas_seconds": runs.wall, "pandas_median_seconds": runs.median_wall,
              "max_abs_nps_difference": worst, "buckets": int(len(size))}
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
