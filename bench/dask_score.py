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


def partition(i, rows, weighted):
    rng = np.random.default_rng(1000 + i)
    frame = pd.DataFrame({"score": rng.integers(0, 11, rows).astype(np.float64)})
    if weighted:
        frame["weight"] = rng.uniform(0.2, 3.0, rows)
    return frame


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
    args = parser.parse_args()
    per = args.rows // args.partitions
    rows = per * args.partitions
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, memory_limit=0)
    client = distributed.Client(cluster)
    print("library: %s (candor %s); dask %s; %d cores; load %s\n"
          % (os.path.relpath(candor.library_path, ROOT), candor.__version__, dask.__version__,
             os.cpu_count(), open("/proc/loadavg").read().split()[:3]))
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
    client.close()
    cluster.close()


if __name__ == "__main__":
    main()
