#!/usr/bin/python3
"""The peer for bench/change_points_bench.cc: a straightforward numpy PELT
(Killick, Fearnhead & Eckley 2012) with the same multinomial cost
(C = -2 sum_k n_k log(n_k / n) over detractor/passive/promoter), BIC penalty
3 log n, min_size 30, vectorized over the surviving candidates at each step,
with the same delayed pruning that keeps PELT exact with a minimum segment
length. There is no changepoint package in Debian's R or Python, so this is
what a user would otherwise write.

Reads DIR/series_N.i8 (written by candor_change_points_bench --data_dir=DIR),
checks that its changes and total cost equal candor's exact answer
(DIR/exact_N.txt), and prints one line per size: n, median seconds, reps.

  /usr/bin/python3 bench/peers_change_points.py DIR N [N ...] [--reps R]
"""
import sys

import numpy as np

from peers_common import read_column, timed

MIN_SIZE = 30


def pelt(scores, min_size=MIN_SIZE):
    n = len(scores)
    cats = np.where(scores <= 6, 0, np.where(scores >= 9, 2, 1))
    prefix = np.zeros((n + 1, 3), dtype=np.int64)
    prefix[1:] = np.cumsum(np.eye(3, dtype=np.int64)[cats], axis=0)
    beta = 3 * np.log(n)
    f = np.full(n + 1, np.inf)
    f[0] = -beta
    last = np.zeros(n + 1, dtype=np.int64)
    alive = np.array([0], dtype=np.int64)
    death = np.full(n + 1, np.iinfo(np.int64).max)
    for t in range(min_size, n + 1):
        alive = alive[death[alive] > t]
        s = alive[alive <= t - min_size]
        c = (prefix[t] - prefix[s]).astype(np.float64)
        m = c.sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            cost = -2.0 * np.where(c > 0, c * np.log(c / m[:, None]), 0.0).sum(axis=1)
        v = f[s] + cost
        j = np.argmin(v)
        f[t] = v[j] + beta
        last[t] = s[j]
        if t == n:
            break
        pruned = s[v >= f[t]]
        death[pruned] = np.minimum(death[pruned], t + min_size)
        if t <= n - min_size:
            alive = np.append(alive, t)
    changes, j = [], last[n]
    while j != 0:
        changes.append(int(j))
        j = last[j]
    return changes[::-1], f[n]


def main():
    args = sys.argv[1:]
    reps = 3
    if "--reps" in args:
        i = args.index("--reps")
        reps = int(args[i + 1])
        del args[i:i + 2]
    folder, sizes = args[0], [int(a) for a in args[1:]]
    for n in sizes:
        scores = read_column(folder, "series_%d.i8" % n)
        with open("%s/exact_%d.txt" % (folder, n)) as f:
            words = f.read().split()
        want_cost, want = float(words[0]), [int(w) for w in words[1:]]
        (changes, cost), runs = timed(lambda: pelt(scores), reps)
        if changes != want or abs(cost - want_cost) > 1e-9 * abs(want_cost):
            sys.exit("numpy PELT on n=%d disagrees with candor: %s %.12g vs %s %.12g"
                     % (n, changes, cost, want, want_cost))
        print("numpy_pelt %d %.6f %d" % (n, runs.median_wall, reps), flush=True)


if __name__ == "__main__":
    main()
