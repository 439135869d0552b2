#!/usr/bin/python3
"""Reference segmentations for candor's change points (PELT, multinomial cost).

Computed independently of candor by brute-force optimal partitioning (Jackson
et al. 2005): the O(n^2) dynamic program
    F(t) = min_s F(s) + C(s, t) + beta,   F(0) = -beta,
over every admissible last change s, with no pruning, vectorized over s in
numpy. C(s, t) = -2 sum_k n_k log(n_k / n) is evaluated with
scipy.special.xlogy (0 log 0 = 0) from numpy cumulative category counts.
Admissible change positions t: min_size <= t <= n - min_size and, when times
are given, times[t - 1] < times[t]. Penalties: BIC K log n, AIC 2 K, or a
manual value (K categories: NPS 3, box metrics 2, means one per point).

Ties: the backtrack is done twice, preferring the earliest and the latest
optimal last change; `unique` is 1 when both give the same segmentation (the
C++ test then requires the same segmentation, and always the same total cost).

Writes tests/data/change_points/series_<case>.csv (score[,time]) and
tests/data/change_points/expected.csv (one row per case).
Run from the repository root: /usr/bin/python3 tests/crosscheck/change_points_reference.py
"""
import csv
import os

import numpy as np
from scipy.special import xlogy

OUT = os.path.join("tests", "data", "change_points")


def categories(scores, metric, scale_min, scale_max, box=2, promoter_min=9, detractor_max=6):
    """(category per response, K) as documented in trend_change_points.hpp."""
    s = np.asarray(scores, dtype=np.int64)
    if metric == "nps":
        return np.where(s <= detractor_max, 0, np.where(s >= promoter_min, 2, 1)), 3
    if metric == "top_box":
        return (s > scale_max - box).astype(np.int64), 2
    if metric == "bottom_box":
        return (s < scale_min + box).astype(np.int64), 2
    return s - scale_min, scale_max - scale_min + 1


def penalty_value(penalty, k, n, manual=0.0):
    return {"bic": k * np.log(n), "aic": 2.0 * k, "manual": manual}[penalty]


def optimal_partition(cats, k, beta, min_size, times=None):
    """(changes preferring earliest, changes preferring latest, total cost)."""
    n = len(cats)
    prefix = np.zeros((n + 1, k))
    prefix[1:] = np.cumsum(np.eye(k)[cats], axis=0)
    ok = np.zeros(n + 1, dtype=bool)
    ok[min_size:n - min_size + 1] = True
    if times is not None:
        t = np.asarray(times)
        distinct = np.ones(n + 1, dtype=bool)
        distinct[1:n] = t[1:] > t[:-1]
        ok &= distinct
    ok[0] = True  # the start, as a "last change"
    f = np.full(n + 1, np.inf)
    f[0] = -beta
    first = np.zeros(n + 1, dtype=np.int64)
    final = np.zeros(n + 1, dtype=np.int64)
    for end in range(1, n + 1):
        if end != n and not ok[end]:
            continue
        s = np.nonzero(ok[:end - min_size + 1])[0] if end - min_size >= 0 else np.array([], int)
        s = s[np.isfinite(f[s])]
        if len(s) == 0:
            continue
        c = prefix[end] - prefix[s]
        m = c.sum(axis=1)
        cost = -2.0 * (xlogy(c, c / m[:, None])).sum(axis=1)
        v = f[s] + cost + beta
        best = v.min()
        f[end] = best
        tied = s[v <= best + 1e-9 * max(1.0, abs(best))]
        first[end], final[end] = tied.min(), tied.max()

    def backtrack(last):
        out, j = [], last[n]
        while j != 0:
            out.append(int(j))
            j = last[j]
        return out[::-1]

    return backtrack(first), backtrack(final), f[n]


def nps_scores(rng, n, promoter, detractor):
    u = rng.random(n)
    det = rng.integers(0, 7, n)
    pas = rng.integers(7, 9, n)
    pro = rng.integers(9, 11, n)
    return np.where(u < detractor, det, np.where(u < detractor + promoter, pro, pas))


def cases():
    rng = np.random.default_rng(20261127)
    out = []
    # name, metric, scale, penalty, manual, min_size, scores, times
    s = np.concatenate([nps_scores(rng, 230, 0.5, 0.2), nps_scores(rng, 170, 0.3, 0.35)])
    out.append(("nps_one_change", "nps", (0, 10), "bic", 0, 30, s, None))
    out.append(("nps_no_change", "nps", (0, 10), "bic", 0, 30, nps_scores(rng, 300, 0.45, 0.2),
                None))
    s = np.concatenate([nps_scores(rng, 120, 0.6, 0.1), nps_scores(rng, 90, 0.2, 0.5),
                        nps_scores(rng, 150, 0.5, 0.2), nps_scores(rng, 140, 0.3, 0.3)])
    out.append(("nps_aic_many", "nps", (0, 10), "aic", 0, 10, s, None))
    s = np.concatenate([rng.choice(5, 150, p=[.1, .1, .2, .3, .3]) + 1,
                        rng.choice(5, 150, p=[.2, .2, .3, .2, .1]) + 1])
    out.append(("top_box_manual", "top_box", (1, 5), "manual", 8.0, 5, s, None))
    out.append(("bottom_box_bic", "bottom_box", (1, 5), "bic", 0, 20, s[::-1].copy(), None))
    s = np.concatenate([rng.choice(7, 200, p=[.05, .05, .1, .2, .3, .2, .1]) + 1,
                        rng.choice(7, 200, p=[.2, .2, .2, .2, .1, .05, .05]) + 1])
    out.append(("mean_ces_bic", "mean", (1, 7), "bic", 0, 20, s, None))
    s = np.concatenate([nps_scores(rng, 200, 0.55, 0.15), nps_scores(rng, 200, 0.25, 0.45)])
    times = np.cumsum(rng.integers(0, 3, 400)) + 1_700_000_000  # many equal times
    out.append(("nps_times_ties", "nps", (0, 10), "bic", 0, 15, s, times))
    s = np.concatenate([nps_scores(rng, 60, 0.7, 0.1), nps_scores(rng, 60, 0.1, 0.7),
                        nps_scores(rng, 60, 0.6, 0.2), nps_scores(rng, 60, 0.2, 0.5),
                        nps_scores(rng, 60, 0.7, 0.1)])
    out.append(("nps_small_segments", "nps", (0, 10), "manual", 6.0, 4, s, None))
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "expected.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "metric", "scale_min", "scale_max", "penalty", "penalty_value",
                    "min_size", "n", "has_times", "beta", "total_cost", "unique", "changes"])
        for name, metric, (lo, hi), pen, manual, min_size, scores, times in cases():
            cats, k = categories(scores, metric, lo, hi)
            beta = penalty_value(pen, k, len(scores), manual)
            early, late, total = optimal_partition(cats, k, beta, min_size, times)
            with open(os.path.join(OUT, "series_%s.csv" % name), "w", newline="") as g:
                sw = csv.writer(g, lineterminator="\n")
                sw.writerow(["score", "time"] if times is not None else ["score"])
                for i, x in enumerate(scores):
                    sw.writerow([int(x), int(times[i])] if times is not None else [int(x)])
            w.writerow([name, metric, lo, hi, pen, repr(float(manual)), min_size, len(scores),
                        int(times is not None), repr(float(beta)), repr(float(total)),
                        int(early == late), " ".join(str(c) for c in early)])
            print(name, "changes", early, "unique", early == late, "total", total)


if __name__ == "__main__":
    main()
