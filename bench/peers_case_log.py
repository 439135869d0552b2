"""The case log (candor.case_log) next to the pandas / numpy a user would
write for the same log: running segments from (opened | resumed) to the next
(on_hold | closed), cut at the first contact (or close, or as_of), business
hours between instants on a UTC 09:00-17:00 Monday-Friday calendar from
numpy.busday_count plus the partial first and last days, summed per case,
then the status and breach rates per owner. The pandas result is checked
against candor's before anything is timed.

  /usr/bin/python3 bench/peers_case_log.py --cases 1000000 --repetitions 3
(CANDOR_LIBRARY and PYTHONPATH=bindings/python as for the tests). Prints JSON
with the median seconds of each, candor's first call in this fresh process
included separately.
"""

import argparse
import json
import statistics
import time

import numpy as np
import pandas as pd

START = 1796601600  # 2026-12-07 00:00 UTC, a Monday
DAY = 86400


def make_log(cases, seed):
    rng = np.random.default_rng(seed)
    ids = np.arange(cases)
    opened = START + rng.integers(0, 60 * DAY, cases)
    parts = [pd.DataFrame({"case_id": ids, "time": opened, "event": "opened",
                           "owner": rng.integers(0, 50, cases).astype(str)})]
    t = opened.copy()
    hold = rng.random(cases) < 0.3
    t = t + rng.integers(600, 2 * DAY, cases)
    parts.append(pd.DataFrame({"case_id": ids[hold], "time": t[hold], "event": "on_hold"}))
    t = t + rng.integers(600, 2 * DAY, cases)
    parts.append(pd.DataFrame({"case_id": ids[hold], "time": t[hold], "event": "resumed"}))
    contact = rng.random(cases) < 0.8
    t = t + rng.integers(600, 3 * DAY, cases)
    parts.append(pd.DataFrame({"case_id": ids[contact], "time": t[contact],
                               "event": "first_contact"}))
    closed = rng.random(cases) < 0.6
    t = t + rng.integers(600, 3 * DAY, cases)
    parts.append(pd.DataFrame({"case_id": ids[closed], "time": t[closed], "event": "closed"}))
    log = pd.concat(parts, ignore_index=True)
    log["owner"] = log["owner"].fillna("")
    log["case_id"] = "c" + log["case_id"].astype(str)
    return log


def business_hours_utc(a, b):
    """Hours of Monday-Friday 09:00-17:00 UTC in [a, b) (arrays of seconds, a <= b)."""
    day_a, day_b = a // DAY, b // DAY
    d_a = day_a.astype("datetime64[D]")
    d_b = day_b.astype("datetime64[D]")
    full = np.busday_count(d_a + 1, d_b) * 8.0 * 3600  # whole days strictly between
    open_a = np.clip(a - day_a * DAY, 9 * 3600, 17 * 3600)
    open_b = np.clip(b - day_b * DAY, 9 * 3600, 17 * 3600)
    work_a = np.is_busday(d_a)
    work_b = np.is_busday(d_b)
    same = day_a == day_b
    first = np.where(work_a, 17 * 3600 - open_a, 0)
    last = np.where(work_b, open_b - 9 * 3600, 0)
    within = np.where(work_a, open_b - open_a, 0)
    seconds = np.where(same, within, first + last + np.where(day_b > day_a, full, 0))
    return seconds / 3600.0


def pandas_case_log(log, target=8.0, at_risk=2.0):
    log = log.sort_values(["case_id", "time"], kind="stable")
    as_of = log["time"].max()
    by_case = log.groupby("case_id", sort=False)
    first_contact = log["time"].where(log["event"] == "first_contact").groupby(
        log["case_id"]).transform("max")
    closed = log["time"].where(log["event"] == "closed").groupby(log["case_id"]).transform("max")
    stop = first_contact.fillna(closed).fillna(as_of)
    edges = log[log["event"].isin(["opened", "resumed", "on_hold", "closed"])]
    next_time = edges.groupby("case_id", sort=False)["time"].shift(-1)
    starts = edges[edges["event"].isin(["opened", "resumed"])]
    end = np.minimum(next_time.loc[starts.index].fillna(np.inf), stop.loc[starts.index])
    begin = starts["time"].to_numpy()
    end = end.to_numpy()
    ok = end > begin
    hours = np.zeros(len(starts))
    hours[ok] = business_hours_utc(begin[ok], end[ok].astype(np.int64))
    clock = pd.Series(hours, index=starts["case_id"].to_numpy()).groupby(level=0, sort=False).sum()
    cases = pd.DataFrame({"clock_hours": clock})
    cases["contacted"] = first_contact.groupby(log["case_id"]).first().notna()
    cases["is_closed"] = closed.groupby(log["case_id"]).first().notna()
    owner = log["owner"].where(log["owner"] != "").groupby(log["case_id"]).last()
    cases["owner"] = owner
    stopped = cases["contacted"] | cases["is_closed"]
    cases["status"] = np.select(
        [cases["clock_hours"] > target, stopped, target - cases["clock_hours"] <= at_risk],
        ["breached", "met", "at_risk"], "open")
    decided = cases[cases["status"].isin(["met", "breached"])]
    rates = decided.groupby("owner")["status"].agg(lambda s: (s == "breached").mean())
    return cases, rates


def median_seconds(function, repetitions):
    times = []
    for _ in range(repetitions):
        t0 = time.perf_counter()
        function()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000000)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261207)
    args = parser.parse_args()
    log = make_log(args.cases, args.seed)

    import candor  # the first call below is this process's first
    t0 = time.perf_counter()
    result = candor.case_log(log)
    first = time.perf_counter() - t0

    cases, _ = pandas_case_log(log)
    mine = result.cases.set_index("case")
    cases = cases.loc[mine.index]
    assert np.allclose(mine["clock_hours"].to_numpy(), cases["clock_hours"].to_numpy(),
                       atol=1e-9), "clock hours differ"
    assert (mine["status"].astype(str).to_numpy() == cases["status"].to_numpy()).all(), \
        "statuses differ"

    candor_median, candor_times = median_seconds(lambda: candor.case_log(log), args.repetitions)
    pandas_median, pandas_times = median_seconds(lambda: pandas_case_log(log), args.repetitions)
    print(json.dumps({"cases": args.cases, "events": len(log),
                      "candor_python_first_call_s": first,
                      "candor_python_median_s": candor_median, "candor_python_s": candor_times,
                      "pandas_median_s": pandas_median, "pandas_s": pandas_times,
                      "pandas_over_candor": pandas_median / candor_median}, indent=1))


if __name__ == "__main__":
    main()
