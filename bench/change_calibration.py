"""How often candor.change_points declares a change in series without one,
and how often it finds a real one: a seeded simulation anyone can rerun.

    PYTHONPATH=bindings/python CANDOR_LIBRARY=build/release/libcandor.so \
        /usr/bin/python3 bench/change_calibration.py [--series 500] [--power-series 300]

Series: `months` months of `per_month` responses, NPS 15 (40% promoters, 25%
detractors), one response time per response spread over each month. Cells
vary the length, the volume, the metric (NPS; top box of a 1-5 CSAT; its
mean), weights (lognormal, independent of the score) and account clusters
(4 responses per account at random times of the series, or, in the
"quarter" cells, all within one quarter; each account's own promoter and
detractor shares drawn around the series' shares, so an account's answers
are alike; with clusters the scan is cluster-robust). False-alarm rate: the share of series with no change in which
any change is declared (target within [3%, 7%] at alpha 0.05; the binomial
SD of a rate from 500 series is about 1%). Power: a drop after month
months/2 of `shift` standard errors of the two-sample difference at the true
change; compared with the oracle two-sample z-test at the true change (an
upper bound) and with PELT's BIC penalty (the old default); location error
in months. Power with clusters: the same drop sized in standard errors of
the oracle cluster-robust two-sample contrast at the true change.
"""
import argparse
import time

import numpy as np

import candor

MONTH = 30 * 86400


def nps_probabilities(nps, passive=0.35):
    promoters = (1 - passive + nps) / 2
    return 1 - passive - promoters, passive, promoters  # detractor, passive, promoter


def draw_nps(rng, n, nps, account_effect=None):
    detractors, passives, promoters = nps_probabilities(nps)
    u = rng.random(n)
    if account_effect is not None:  # shift each account's position on the scale
        u = np.clip(u + account_effect, 0, 0.999999)
    return np.where(u < detractors, rng.integers(0, 7, n),
                    np.where(u < detractors + passives, rng.integers(7, 9, n),
                             rng.integers(9, 11, n))).astype(float)


def draw_csat(rng, n, shift=0.0):
    p = np.array([0.08, 0.12, 0.2, 0.3, 0.3])
    p = p + shift * np.array([1, 0.5, 0, -0.5, -1]) / 3
    p = np.clip(p, 0.001, None)
    return rng.choice([1, 2, 3, 4, 5], n, p=p / p.sum()).astype(float)


def series(rng, months, per_month, metric, drop=0.0, weights=False, clusters=False):
    n = months * per_month
    times = (np.arange(months).repeat(per_month) * MONTH
             + np.sort(rng.integers(0, MONTH, n).reshape(months, per_month), axis=1).ravel())
    change = (months // 2) * per_month
    accounts = effect = None
    if clusters == "quarter":  # each account's 4 answers within one quarter
        accounts = np.empty(n, dtype=np.int64)
        for start in range(0, n, 3 * per_month):
            end = min(n, start + 3 * per_month)
            accounts[start:end] = start // 4 + rng.permutation(np.arange(end - start) // 4)
        effect = rng.normal(0, 0.25, n // 4 + 2)[accounts]
    elif clusters:
        accounts = rng.permutation(np.arange(n) // 4)
        effect = rng.normal(0, 0.25, n // 4 + 1)[accounts]
    if metric == "nps":
        scores = np.r_[draw_nps(rng, change, 0.15, None if effect is None else effect[:change]),
                       draw_nps(rng, n - change, 0.15 - drop,
                                None if effect is None else effect[change:])]
    else:
        scores = np.r_[draw_csat(rng, change), draw_csat(rng, n - change, drop)]
    w = rng.lognormal(0, 0.5, n) if weights else None
    return scores, 1_700_000_000 + times, w, accounts, change


def detect(scores, times, metric, w=None, accounts=None, **options):
    if metric == "mean":
        options["scale"] = (1, 5)
    return candor.change_points(scores, times=times, metric=metric, weights=w, accounts=accounts,
                                **options)


def false_alarms(rng, cells, n_series):
    print("| months | per month | metric | weights | clusters | false alarms | null | s per call |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for months, per_month, metric, weights, clusters in cells:
        alarms, spent, null = 0, 0.0, None
        for _ in range(n_series):
            scores, times, w, accounts, _ = series(rng, months, per_month, metric,
                                                   weights=weights, clusters=clusters)
            start = time.perf_counter()
            result = detect(scores, times, metric, w, accounts, boundaries="month",
                            seed=int(rng.integers(1 << 31)))
            spent += time.perf_counter() - start
            alarms += bool(result.changes)
            null = result.calibration
        rate = alarms / n_series
        print("| %d | %d | %s | %s | %s | %.1f%% | %s | %.3f |" % (
            months, per_month, metric, "yes" if weights else "no",
            clusters if isinstance(clusters, str) else "yes" if clusters else "no",
            100 * rate, null, spent / n_series), flush=True)


def power(rng, months, per_month, shifts, n_series):
    print("\n| shift (SE) | drop (NPS points) | calibrated, month starts | calibrated, any "
          "response | PELT BIC | oracle z-test | location error (months, median) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    half = months // 2 * per_month
    sd = np.sqrt(0.65 - 0.15 ** 2)  # of the NPS value at 40% / 25%
    se = sd * np.sqrt(1 / half + 1 / (months * per_month - half))
    for shift in shifts:
        drop = shift * se
        found = {"month": 0, "response": 0, "bic": 0, "oracle": 0}
        errors = []
        for _ in range(n_series):
            scores, times, _, _, change = series(rng, months, per_month, "nps", drop=drop)
            seed = int(rng.integers(1 << 31))
            # The simulated months' first responses (30-day months, not the
            # calendar's: "month" would put the candidates mid-month).
            by_month = detect(scores, times, "nps", boundaries=np.arange(1, months) * per_month,
                              seed=seed)
            anywhere = detect(scores, times, "nps", seed=seed)
            bic = detect(scores, times, "nps", penalty="bic")
            found["month"] += bool(by_month.changes)
            found["response"] += bool(anywhere.changes)
            found["bic"] += bool(bic.changes)
            before = candor.nps(scores[:change])
            after = candor.nps(scores[change:])
            z = (after.value - before.value) / np.hypot(before.std_error, after.std_error)
            found["oracle"] += abs(z) > 1.959964
            if anywhere.changes:
                nearest = min(anywhere.changes, key=lambda c: abs(c.index - change))
                errors.append(abs(int(times[nearest.index]) - int(times[change])) / MONTH)
        print("| %.0f | %.1f | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %s |" % (
            shift, 100 * drop, *(100 * found[k] / n_series for k in
                                 ("month", "response", "bic", "oracle")),
            "%.2f" % np.median(errors) if errors else "-"), flush=True)


def clustered_oracle_z(scores, accounts, change):
    """The cluster-robust two-sample z at the true change (Wald form: each
    response's influence on the difference of the side means, summed by
    account, times C / (C - 1))."""
    values = np.where(scores <= 6, -1.0, np.where(scores >= 9, 1.0, 0.0))
    before, after = values[:change], values[change:]
    influence = np.r_[-(before - before.mean()) / len(before),
                      (after - after.mean()) / len(after)]
    _, account = np.unique(accounts, return_inverse=True)
    sums = np.bincount(account, weights=influence)
    c = len(sums)
    return (after.mean() - before.mean()) / np.sqrt(c / (c - 1) * np.sum(sums ** 2))


def clustered_power(rng, months, per_month, shifts, n_series):
    print("\n| shift (cluster-robust SE) | drop asked (NPS points) | mean oracle z | calibrated, "
          "month starts | calibrated, any response | oracle z-test |")
    print("| --- | --- | --- | --- | --- | --- |")
    # The SE of the oracle contrast, from 100 series without a change.
    differences, zs = [], []
    for _ in range(100):
        scores, _, _, accounts, change = series(rng, months, per_month, "nps", clusters=True)
        z = clustered_oracle_z(scores, accounts, change)
        values = np.where(scores <= 6, -1.0, np.where(scores >= 9, 1.0, 0.0))
        differences.append(values[change:].mean() - values[:change].mean())
        zs.append(z)
    # SE = difference / z, averaged as a variance over the null series.
    se = np.sqrt(np.mean((np.array(differences) / np.array(zs)) ** 2))
    # The account effects (and clipping) shrink the drawn drop: its realized
    # size per NPS point asked, from 100 series with a 4 SE drop.
    realized = []
    for _ in range(100):
        scores, _, _, _, change = series(rng, months, per_month, "nps", drop=4 * se,
                                         clusters=True)
        values = np.where(scores <= 6, -1.0, np.where(scores >= 9, 1.0, 0.0))
        realized.append((values[:change].mean() - values[change:].mean()) / (4 * se))
    for shift in shifts:
        drop = shift * se / np.mean(realized)
        found = {"month": 0, "response": 0, "oracle": 0}
        oracle_z = []
        for _ in range(n_series):
            scores, times, _, accounts, change = series(rng, months, per_month, "nps", drop=drop,
                                                        clusters=True)
            seed = int(rng.integers(1 << 31))
            found["month"] += bool(detect(scores, times, "nps", None, accounts,
                                          boundaries=np.arange(1, months) * per_month,
                                          seed=seed).changes)
            found["response"] += bool(detect(scores, times, "nps", None, accounts,
                                             seed=seed).changes)
            z = clustered_oracle_z(scores, accounts, change)
            oracle_z.append(z)
            found["oracle"] += abs(z) > 1.959964
        print("| %.0f | %.1f | %.2f | %.0f%% | %.0f%% | %.0f%% |" % (
            shift, 100 * drop, -np.mean(oracle_z),
            *(100 * found[k] / n_series for k in ("month", "response", "oracle"))), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=500)
    parser.add_argument("--power-series", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--power-only", action="store_true", help="skip the false-alarm cells")
    parser.add_argument("--only-clustered", action="store_true",
                        help="only the cells with account clusters and their power")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    cells = [(months, per_month, "nps", False, False)
             for months in (6, 12, 24) for per_month in (100, 500, 2000)]
    cells += [(12, 500, "csat", False, False), (12, 500, "mean", False, False),
              (12, 500, "nps", True, False)]
    cells += [(months, per_month, "nps", False, True)
              for months in (6, 12, 24) for per_month in (100, 500, 2000)
              if months == 12 or per_month != 500]
    cells += [(12, 500, "nps", True, True), (12, 500, "nps", False, "quarter"),
              (12, 500, "nps", True, "quarter")]
    if args.only_clustered:
        cells = [cell for cell in cells if cell[4]]
    if not args.power_only:
        false_alarms(rng, cells, args.series)
    if not args.only_clustered:
        power(rng, 12, 500, (0, 2, 3, 4, 5), args.power_series)
    clustered_power(rng, 12, 500, (0, 2, 3, 4, 5), args.power_series)


if __name__ == "__main__":
    main()
