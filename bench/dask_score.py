#!/usr/bin/python3
"""candor.dask.score on a two-worker dask.distributed.LocalCluster
(processes) against what a user would run without candor (the NPS and its
Wald standard error from Dask's own mean, std and count of the +1/0/-1
column) and against single-process candor.score on the same scores; and the
per-partition overhead (scheduling, serialization of a state) from a run on
partitions of one row.

    BUILD=build/bench bench/run_dask.sh            # 100M responses
    ROWS=10000000 PARTITIONS=20 bench/run_dask.sh

Each result is checked against single-process candor (values to 1e-9)
before it is timed. Prints a markdown table: medians (fastest-slowest).
"""
import argparse
import os
import pathlib
import statistics
import sys

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bindings" / "python"))
sys.path.insert(0, str(ROOT / "bench"))

import candor  # noqa: E402
import dask  # noqa: E402
import peers_common  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import distributed  # noqa: E402
import pandas as pd  # noqa: E402


def partition(i, rows, weighted, segments=False):
    rng = np.random.default_rng(1000 + i)
    frame = pd.DataFrame({"score": rng.integers(0, 11, rows).astype(np.float64)})
    if weighted:
        frame["weight"] = rng.uniform(0.2, 3.0, rows)
    if segments:
        frame["region"] = np.array(REGIONS, dtype=object)[rng.integers(0, len(REGIONS), rows)]
        frame["plan"] = np.array(PLANS, dtype=object)[rng.integers(0, len(PLANS), rows)]
        frame["account"] = rng.integers(0, 5000, rows)
        frame["time"] = rng.integers(YEAR_2024, YEAR_2024 + 366 * 86400, rows)
        for j, theme in enumerate(THEMES):
            frame[theme] = (rng.random(rows) < 0.1 + 0.05 * j).astype(np.int8)
    return frame


YEAR_2024 = 1704067200  # 2024-01-01 00:00 UTC
REGIONS = ["EMEA", "NA", "APAC", "LATAM"]
THEMES = ["price", "support", "speed", "ui", "docs"]
PLANS = ["basic", "pro", "enterprise"]
MARGINS = {"region": {"EMEA": 4e6, "NA": 3e6, "APAC": 2e6, "LATAM": 1e6},
           "plan": {"basic": 5e6, "pro": 3.5e6, "enterprise": 1.5e6}}


def peer_breakdown(ddf):
    """NPS per region with a Wald SE, as a Dask user writes it: a groupby of
    the +1/0/-1 column (no comparison with the rest, no adjustment)."""
    v = (ddf.score >= 9).astype("f8") - (ddf.score <= 6).astype("f8")
    g = v.groupby(ddf.region)
    mean, sd, n = dask.compute(g.mean(), g.std(), g.count())
    return 100 * mean, 100 * sd / np.sqrt(n)


def peer_trend(ddf, call=[0]):
    """Monthly NPS per region in a time zone with a Wald SE, as a Dask user
    writes it: local months from the times, a groupby of the +1/0/-1 column
    (no rolling window, change test or control limits). Bands move by 1e-9
    per call so that no call reuses the previous one's results (peer_nps)."""
    call[0] += 1
    local = dd.to_datetime(ddf.time, unit="s", utc=True).dt.tz_convert("Europe/Berlin")
    month = local.dt.year * 100 + local.dt.month
    v = ((ddf.score >= 9 - 1e-9 * call[0]).astype("f8")
         - (ddf.score <= 6 + 1e-9 * call[0]).astype("f8"))
    g = v.groupby([ddf.region, month])
    mean, sd, n = dask.compute(g.mean(), g.std(), g.count())
    return 100 * mean, 100 * sd / np.sqrt(n)


def peer_drivers(ddf, call=[0]):
    """Per theme, NPS among the comments that mention it and the others with
    a Wald SE, as a Dask user writes it: a groupby of the +1/0/-1 column by
    each indicator, all in one compute (no impact SE, relative risk or
    model). Bands move by 1e-9 per call, as in peer_trend."""
    call[0] += 1
    v = ((ddf.score >= 9 - 1e-9 * call[0]).astype("f8")
         - (ddf.score <= 6 + 1e-9 * call[0]).astype("f8"))
    parts = []
    for theme in THEMES:
        g = v.groupby(ddf[theme])
        parts += [g.mean(), g.std(), g.count()]
    return dask.compute(*parts)


def peer_rake(ddf, iterations):
    """Raking as a Dask user writes it: per iteration, per margin, one pass
    of weight sums by level (a groupby-sum) and the factors updated."""
    factors = {name: {k: 1.0 for k in totals} for name, totals in MARGINS.items()}
    for _ in range(iterations):
        for name, totals in MARGINS.items():
            w = ddf.region.map(factors["region"], meta=("w", "f8")) \
                * ddf.plan.map(factors["plan"], meta=("w", "f8"))
            sums = w.groupby(ddf[name]).sum().compute()
            for level, total in totals.items():
                factors[name][level] *= total / sums[level]
    return factors


def beyond_scores(client, args):
    """accounts=, breakdown, trend, drivers and rake on Dask, against
    single-process candor and the Dask code a user would write without
    candor."""
    per = args.extra_rows // args.partitions
    parts = [dask.delayed(partition)(i, per, False, True) for i in range(args.partitions)]
    ddf = dd.from_delayed(parts, meta=partition(0, 0, False, True)).persist()
    distributed.wait(ddf)
    whole = pd.concat([partition(i, per, False, True) for i in range(args.partitions)])
    print("\n### Beyond scores: %s responses in %d partitions, two worker processes (s per "
          "call, median (fastest-slowest) of %d)\n"
          % (format(len(whole), ","), args.partitions, args.reps))
    print("| call | s | x candor.dask |\n|---|---:|---:|")

    want = candor.nps(whole["score"], accounts=whole["account"])
    got = candor.dask.score(ddf, accounts="account")
    assert abs(got.std_error - want.std_error) < 1e-9 * want.std_error
    ours = timed(lambda: candor.dask.score(ddf, accounts="account"), args.reps)
    single = timed(lambda: candor.nps(whole["score"], accounts=whole["account"]), args.reps)
    base = statistics.median(ours)
    print("| candor.dask.score(accounts=) (5,000 accounts across partitions) | %s | 1.00 |"
          % fmt(ours))
    print("| candor.nps(accounts=) in one process | %s | %.2f |"
          % (fmt(single), statistics.median(single) / base))

    want = candor.breakdown(whole["score"], whole[["region", "plan"]])
    got = candor.dask.breakdown(ddf, by=["region", "plan"])
    assert np.allclose(got["value"], want["value"], rtol=1e-9)
    ours = timed(lambda: candor.dask.breakdown(ddf, by=["region", "plan"]), args.reps)
    single = timed(lambda: candor.breakdown(whole["score"], whole[["region", "plan"]]),
                   args.reps)
    base = statistics.median(ours)
    print("| candor.dask.breakdown(by=[region, plan]) (12 cells, vs rest, Holm) | %s | 1.00 |"
          % fmt(ours))
    print("| candor.breakdown in one process | %s | %.2f |"
          % (fmt(single), statistics.median(single) / base))
    peer = timed(lambda: peer_breakdown(ddf), args.reps)
    print("| Dask without candor: groupby(region) mean/std/count (Wald only, no test) | %s | "
          "%.2f |" % (fmt(peer), statistics.median(peer) / base))

    trend_args = dict(every="month", tz="Europe/Berlin", window_days=90)
    want = candor.trend(whole["score"], whole["time"], segments=whole["region"], **trend_args)
    got = candor.dask.trend(ddf, time="time", segments="region", **trend_args)
    assert np.allclose(got["value"], want["value"], rtol=1e-9) and \
        (got["n"].to_numpy() == want["n"].to_numpy()).all()
    ours = timed(lambda: candor.dask.trend(ddf, time="time", segments="region", **trend_args),
                 args.reps)
    single = timed(lambda: candor.trend(whole["score"], whole["time"], segments=whole["region"],
                                        **trend_args), args.reps)
    base = statistics.median(ours)
    print("| candor.dask.trend (months in Europe/Berlin x 4 regions, 90-day rolling, "
          "changes, control limits) | %s | 1.00 |" % fmt(ours))
    print("| candor.trend in one process | %s | %.2f |"
          % (fmt(single), statistics.median(single) / base))
    peer = timed(lambda: peer_trend(ddf), args.reps)
    print("| Dask without candor: local month, groupby(region, month) mean/std/count (Wald "
          "only, no rolling, change or limits) | %s | %.2f |"
          % (fmt(peer), statistics.median(peer) / base))

    matrix = whole[THEMES].to_numpy()
    want = candor.theme_drivers(whole["score"], matrix, THEMES)
    got = candor.dask.drivers(ddf, themes=THEMES)
    assert np.allclose(got.table["impact"], want.table["impact"], rtol=1e-9)
    ours = timed(lambda: candor.dask.drivers(ddf, themes=THEMES), args.reps)
    single = timed(lambda: candor.theme_drivers(whole["score"], matrix, THEMES), args.reps)
    base = statistics.median(ours)
    print("| candor.dask.drivers (5 themes: impact, relative risk, key-driver model) | %s | "
          "1.00 |" % fmt(ours))
    print("| candor.theme_drivers in one process | %s | %.2f |"
          % (fmt(single), statistics.median(single) / base))
    peer = timed(lambda: peer_drivers(ddf), args.reps)
    print("| Dask without candor: per theme, groupby(indicator) mean/std/count (no impact SE, "
          "risk or model) | %s | %.2f |" % (fmt(peer), statistics.median(peer) / base))

    margins = {name: (whole[name], totals) for name, totals in MARGINS.items()}
    fitted = candor.rake(margins)
    got = candor.dask.rake(ddf, MARGINS).compute()
    assert np.allclose(got.to_numpy(), fitted.values, rtol=1e-12)
    ours = timed(lambda: candor.dask.rake(ddf, MARGINS).compute(), args.reps)
    single = timed(lambda: candor.rake(margins).values, args.reps)
    base = statistics.median(ours)
    print("| candor.dask.rake (2 margins; weights computed) | %s | 1.00 |" % fmt(ours))
    print("| candor.rake in one process | %s | %.2f |"
          % (fmt(single), statistics.median(single) / base))
    peer = timed(lambda: peer_rake(ddf, 3), args.reps)
    print("| Dask without candor: 3 iterations of per-margin groupby-sum passes (factors "
          "only) | %s | %.2f |" % (fmt(peer), statistics.median(peer) / base))
    client.cancel(ddf)


def timed(fn, reps):
    """Wall seconds of reps calls after an untimed one (peers_common.timed)."""
    return peers_common.timed(fn, reps, warm_up=True)[1].wall


def fmt(seconds):
    return "%.3f (%.3f-%.3f)" % (statistics.median(seconds), min(seconds), max(seconds))


def peer_nps(ddf, call=[0]):
    """The NPS and its Wald SE as a Dask user writes them without candor.
    Each call's bands move by a different 1e-9 (no score lies between): the
    same graph twice would have the same task keys, and the scheduler may
    hand back the previous call's results still in memory."""
    call[0] += 1
    v = ((ddf.score >= 9 - 1e-9 * call[0]).astype("f8")
         - (ddf.score <= 6 + 1e-9 * call[0]).astype("f8"))
    mean, sd, n = dask.compute(v.mean(), v.std(), v.count())
    return 100 * mean, 100 * sd / np.sqrt(n)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000_000)
    parser.add_argument("--partitions", type=int, default=100)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--extra-rows", type=int, default=10_000_000,
                        help="responses for the accounts, breakdown, trend, drivers and rake "
                        "section")
    parser.add_argument("--only-extra", action="store_true")
    args = parser.parse_args()
    per = args.rows // args.partitions
    rows = per * args.partitions
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, memory_limit=0)
    client = distributed.Client(cluster)
    print("library: %s (candor %s); dask %s; %d cores; load %s\n"
          % (os.path.relpath(candor.library_path, ROOT), candor.__version__, dask.__version__,
             os.cpu_count(), open("/proc/loadavg").read().split()[:3]))
    if args.only_extra:
        beyond_scores(client, args)
        client.close()
        cluster.close()
        return
    print("### NPS of %s responses in %d partitions, two worker processes (s per call, "
          "median (fastest-slowest) of %d)\n" % (format(rows, ","), args.partitions, args.reps))
    print("| call | s | x candor.dask |\n|---|---:|---:|")
    for weighted in (False, True):
        parts = [dask.delayed(partition)(i, per, weighted) for i in range(args.partitions)]
        ddf = dd.from_delayed(parts, meta=partition(0, 0, weighted)).persist()
        distributed.wait(ddf)
        whole = pd.concat([partition(i, per, weighted) for i in range(args.partitions)])
        weights = whole["weight"].to_numpy() if weighted else None
        scores = whole["score"].to_numpy()
        del whole
        want = candor.nps(scores, weights)
        got = candor.dask.score(ddf, weights="weight" if weighted else None)
        assert abs(got.value - want.value) < 1e-9 and got.n == want.n
        ours = timed(lambda: candor.dask.score(ddf, weights="weight" if weighted else None),
                     args.reps)
        single = timed(lambda: candor.nps(scores, weights), args.reps)
        label = "weighted" if weighted else "unweighted"
        base = statistics.median(ours)
        print("| candor.dask.score, %s | %s | 1.00 |" % (label, fmt(ours)))
        print("| candor.nps in one process on the same scores (numpy in memory), %s | %s | %.2f |"
              % (label, fmt(single), statistics.median(single) / base))
        if not weighted:
            value, _ = peer_nps(ddf)
            assert abs(value - want.value) < 1e-9
            peer = timed(lambda: peer_nps(ddf), args.reps)
            print("| Dask without candor: mean, std and count of the +1/0/-1 column (Wald "
                  "only), unweighted | %s | %.2f |" % (fmt(peer), statistics.median(peer) / base))
        del scores, weights
        client.cancel(ddf)

    # Per-partition overhead: partitions of one row, so that the time is
    # scheduling, serialization and merging.
    tiny = dd.from_delayed([dask.delayed(partition)(i, 1, False) for i in range(1000)],
                           meta=partition(0, 0, False)).persist()
    distributed.wait(tiny)
    overhead = timed(lambda: candor.dask.score(tiny), args.reps)
    state = len(candor.Accumulator((0, 10)).add([10.0]).to_bytes())
    print("\nPer partition (1,000 partitions of one row): %.2f ms of scheduling, "
          "serialization and merging (median %.3f s per call); a score state is %d bytes.\n"
          % (statistics.median(overhead) / 1000 * 1e3, statistics.median(overhead), state))
    beyond_scores(client, args)
    client.close()
    cluster.close()


if __name__ == "__main__":
    main()
