#!/usr/bin/python3
"""Business-hour deadlines with pandas' CustomBusinessHour next to candor's,
on the data bench/business_hours_bench.cc wrote (PREFIX.starts, .hours and
candor's .deadlines): UTC, 09:00-17:00 Monday to Friday, five holidays, the
calendar both can express (CustomBusinessHour works on wall-clock time, so a
DST zone is not comparable). A user's pandas code: per row,
start + CustomBusinessHour(n=hours, ...) (pandas has no vectorized form for
varying n; a fixed n over an index also loops per element).

The two differ by convention where a deadline lands on a closing time:
candor gives the closing instant (17:00), pandas the next opening (09:00 of
the next business day), the same business instant. A row counts as agreeing
when the deadlines are equal, or when candor's is 17:00, pandas' is 09:00 and
pandas puts one business hour after each at the same instant.

Also candor through Python on all rows: candor.BusinessCalendar(...).deadline
in a fresh interpreter (import, calendar and first call included), then warm
calls. Writes a JSON summary with --out.

  bench/peers_business_hours.py PREFIX [--pandas-rows 20000] [--repetitions 5]
"""
import argparse
import json
import statistics
import subprocess
import sys
import time

import numpy as np
import pandas as pd

HOLIDAYS = ["2025-01-01", "2025-12-25", "2025-12-26", "2026-01-01", "2026-12-25"]


def one_hour():
    return pd.offsets.CustomBusinessHour(n=1, start="09:00", end="17:00",
                                         weekmask="Mon Tue Wed Thu Fri", holidays=HOLIDAYS)


def agreement(theirs, ours):
    """(rows agreeing, of which at a closing instant) as described above."""
    equal = theirs == ours
    hour = one_hour()
    at_close = 0
    for i in np.flatnonzero(~equal):
        a, b = pd.Timestamp(int(ours[i]), unit="s"), pd.Timestamp(int(theirs[i]), unit="s")
        if (a.hour, a.minute, a.second) == (17, 0, 0) and (b.hour, b.minute) == (9, 0) and \
                a + hour == b + hour:
            at_close += 1
    return int(equal.sum()) + at_close, at_close


def pandas_deadlines(starts, hours):
    offsets = {}
    out = []
    for t, h in zip(pd.to_datetime(starts, unit="s"), hours):
        offset = offsets.get(h)
        if offset is None:  # one offset object per distinct n, as a careful user would
            offset = offsets[h] = pd.offsets.CustomBusinessHour(
                n=int(h), start="09:00", end="17:00", weekmask="Mon Tue Wed Thu Fri",
                holidays=HOLIDAYS)
        out.append(t + offset)
    return (pd.DatetimeIndex(out).asi8 // 10**9).astype(np.int64)


FIRST_CALL = r"""
import sys, time
t0 = time.perf_counter()
import numpy as np
import candor
starts = np.fromfile(sys.argv[1] + ".starts", dtype=np.int64).astype("datetime64[s]")
hours = np.fromfile(sys.argv[1] + ".hours", dtype=np.int32).astype(np.float64)
t1 = time.perf_counter()
calendar = candor.BusinessCalendar("UTC", holidays=%r)
due = calendar.deadline(starts, hours)
t2 = time.perf_counter()
print(t2 - t1, t1 - t0)
""" % (HOLIDAYS,)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("prefix")
    parser.add_argument("--pandas-rows", type=int, default=20000)
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--out")
    args = parser.parse_args()
    starts = np.fromfile(args.prefix + ".starts", dtype=np.int64)
    hours = np.fromfile(args.prefix + ".hours", dtype=np.int32)
    candor_deadlines = np.fromfile(args.prefix + ".deadlines", dtype=np.int64)
    m = min(args.pandas_rows, len(starts))

    times = []
    for _ in range(args.repetitions):
        t0 = time.perf_counter()
        theirs = pandas_deadlines(starts[:m], hours[:m])
        times.append(time.perf_counter() - t0)
    agree, at_close = agreement(theirs, candor_deadlines[:m])
    pandas_median = statistics.median(times)

    first = subprocess.run([sys.executable, "-c", FIRST_CALL, args.prefix], capture_output=True,
                           text=True, check=True).stdout.split()
    import candor
    calendar = candor.BusinessCalendar("UTC", holidays=HOLIDAYS)
    start_times = starts.astype("datetime64[s]")
    float_hours = hours.astype(np.float64)
    warm = []
    for _ in range(args.repetitions):
        t0 = time.perf_counter()
        due = calendar.deadline(start_times, float_hours)
        warm.append(time.perf_counter() - t0)
    assert np.array_equal(due.astype(np.int64), candor_deadlines)

    summary = {
        "rows": int(len(starts)), "pandas_rows": m,
        "pandas_median_seconds": pandas_median,
        "pandas_seconds_per_row": pandas_median / m,
        "agree_with_candor": agree,
        "agree_at_a_closing_instant": at_close,
        "python_first_call_seconds": float(first[0]),
        "python_import_and_load_seconds": float(first[1]),
        "python_warm_median_seconds": statistics.median(warm),
    }
    print(json.dumps(summary, indent=1))
    if args.out:
        with open(args.out, "w") as f:
            json.dump(summary, f, indent=1)
    if agree != m:
        bad = np.flatnonzero(theirs != candor_deadlines[:m])[:5]
        print("disagreements (start, hours, pandas, candor):",
              [(int(starts[i]), int(hours[i]), int(theirs[i]), int(candor_deadlines[i]))
               for i in bad], file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
