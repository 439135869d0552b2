#!/usr/bin/python3
"""Evidence for the online change monitor (candor.ChangeMonitor), seeded:

A. The achieved false-alarm rate per bucket against the stated alpha (NPS 15:
   45% promoters, 30% detractors; 5, 20 and 100 responses per bucket; alpha
   0.01, ARL0 100 buckets), with the in-control level estimated from a
   realistic history (90 buckets) and from a long one (2000 buckets, nearly
   the true level: what is left is the accuracy of Siegmund's approximation
   for discrete, skewed bucket values). Rate = 1 / mean run length to the
   first false alarm, over --sims runs, each with its own history.

B. The delay to detection of a drop of 5 or 10 NPS points at 17 responses a
   day (about 500 a month), 30-day months, the drop starting on a uniform day
   of months 5 to 8, the first 3 months the history. Delay = days of
   post-change data seen when the rule fires (a rule that fires before the
   drop counts a false alarm and is reset). Rules:
   - the CUSUM monitor at alpha 0.001 per day (ARL0 1000 days), with the
     default shift (one standard error of a day, about 19 NPS points at 17
     a day) and with `shift` set to the drop;
   - Shewhart per day: |day's NPS - baseline| > 3 standard errors of that
     day (per-day false-alarm rate 0.27%, 2.7 times the CUSUM's);
   - the calibrated batch scan at month end: candor.change_points on all
     responses so far with month boundaries, alpha 0.05 per run, run once at
     the end of each month; its delay is the days to the first month end
     where it declares a change.
   Reported: median and 90th percentile of the delay (days), the share found
   within the year, and the false alarms before the drop per 1000 days.

Run: /usr/bin/python3 bench/change_monitor.py [--sims N] (CANDOR_LIBRARY set
or the dev build found by the package). Prints Markdown tables.
"""

import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                "bindings", "python"))

import candor  # noqa: E402

PROMOTERS, DETRACTORS = 0.45, 0.30


def draw(rng, n, promoters=PROMOTERS, detractors=DETRACTORS):
    u = rng.random(n)
    return np.where(u < detractors, rng.integers(0, 7, n),
                    np.where(u < detractors + promoters, rng.integers(9, 11, n),
                             rng.integers(7, 9, n))).astype(float)


def run_length(rng, per_bucket, history_buckets, alpha, cap):
    history = draw(rng, per_bucket * history_buckets)
    monitor = candor.ChangeMonitor(history, alpha=alpha, bucket_size=per_bucket)
    t = 0
    while t < cap:
        block = draw(rng, per_bucket * 200).reshape(200, per_bucket)
        for bucket in block:
            t += 1
            if monitor.update(bucket).alarm or t >= cap:
                return t
    return t


def false_alarm_table(sims, seed):
    rng = np.random.default_rng(seed)
    alpha = 0.01
    lines = ["| responses per bucket | history (buckets) | stated alpha (ARL0) | achieved "
             "per-bucket rate (1 / mean run length) | mean run length | runs |",
             "| --- | --- | --- | --- | --- | --- |"]
    for per_bucket in (5, 20, 100):
        for history_buckets in (90, 2000):
            lengths = [run_length(rng, per_bucket, history_buckets, alpha, 20 / alpha)
                       for _ in range(sims)]
            mean = float(np.mean(lengths))
            se = float(np.std(lengths, ddof=1) / np.sqrt(len(lengths)))
            lines.append("| %d | %d | %.3f (%d) | %.4f | %.1f +/- %.1f | %d |"
                         % (per_bucket, history_buckets, alpha, 1 / alpha, 1 / mean, mean, se,
                            sims))
    return "\n".join(lines)


def delay_sims(sims, seed, drop):
    rng = np.random.default_rng(seed)
    per_day, month, days = 17, 30, 360
    shifted = {5: (0.425, 0.325), 10: (0.40, 0.35)}[drop]
    rules = ("cusum", "cusum_tuned", "shewhart", "scan")
    out = {rule: [] for rule in rules}
    false = dict.fromkeys(rules, 0)
    watched = dict.fromkeys(rules, 0)
    for _ in range(sims):
        start = int(rng.integers(4 * month, 8 * month))
        scores = np.concatenate([draw(rng, per_day) if d < start else
                                 draw(rng, per_day, *shifted) for d in range(days)])
        by_day = scores.reshape(days, per_day)
        history = by_day[:3 * month].reshape(-1)
        values = np.where(history >= 9, 1.0, np.where(history <= 6, -1.0, 0.0))
        mu0, sd = values.mean(), values.std(ddof=1)
        # CUSUM, with the default shift (one standard error of a day) and
        # with the shift set to the drop.
        for rule, shift in (("cusum", None), ("cusum_tuned", float(drop))):
            monitor = candor.ChangeMonitor(history, alpha=0.001, shift=shift,
                                           history_buckets=[per_day] * (3 * month))
            delay = None
            for d in range(3 * month, days):
                if monitor.update(by_day[d]).alarm:
                    if d < start:
                        false[rule] += 1
                        monitor.reset()
                        continue
                    delay = d - start + 1
                    break
            watched[rule] += start - 3 * month
            out[rule].append(delay)
        # Shewhart, 3 standard errors of the day.
        delay = None
        for d in range(3 * month, days):
            v = np.where(by_day[d] >= 9, 1.0, np.where(by_day[d] <= 6, -1.0, 0.0))
            if abs(v.mean() - mu0) > 3 * sd / np.sqrt(per_day):
                if d < start:
                    false["shewhart"] += 1
                    continue
                delay = d - start + 1
                break
        watched["shewhart"] += start - 3 * month
        out["shewhart"].append(delay)
        # The calibrated scan at each month end from month 4 on.
        delay = None
        for m in range(4, days // month + 1):
            n = m * month * per_day
            bounds = np.arange(1, m) * month * per_day
            found = candor.change_points(scores[:n], boundaries=bounds, alpha=0.05,
                                         replicates=500, seed=int(rng.integers(1 << 31)))
            end = m * month  # the first day after the month
            if found.changes:
                if end <= start:
                    false["scan"] += 1
                    continue
                delay = end - start
                break
        watched["scan"] += max(0, (start // month - 3)) * month
        out["scan"].append(delay)
    return out, false, watched


def delay_table(sims, seed):
    lines = ["| drop (NPS points) | rule | median delay (days) | 90th percentile (days) | "
             "found within the year | false alarms before the drop per 1000 days |",
             "| --- | --- | --- | --- | --- | --- |"]
    names = {"cusum": "CUSUM monitor, alpha 0.001 per day (default shift: 1 SE of a day)",
             "cusum_tuned": "CUSUM monitor, alpha 0.001 per day, shift = the drop",
             "shewhart": "Shewhart, 3 SE per day",
             "scan": "calibrated scan at each month end (alpha 0.05)"}
    for drop in (5, 10):
        out, false, watched = delay_sims(sims, seed + drop, drop)
        for rule in ("cusum", "cusum_tuned", "shewhart", "scan"):
            delays = [d for d in out[rule] if d is not None]
            missing = len(out[rule]) - len(delays)
            # Not found within the year counts as infinite for the quantiles.
            padded = np.sort(np.array(delays + [np.inf] * missing, dtype=float))
            # The lower empirical quantile (an order statistic: no arithmetic on inf).
            median, p90 = (padded[int(np.ceil(q * len(padded))) - 1] for q in (0.5, 0.9))
            fmt = lambda x: "not found" if np.isinf(x) else "%.0f" % x  # noqa: E731
            lines.append("| %d | %s | %s | %s | %.0f%% | %.2f |"
                         % (drop, names[rule], fmt(median), fmt(p90),
                            100 * len(delays) / len(out[rule]),
                            1000 * false[rule] / max(watched[rule], 1)))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sims", type=int, default=400)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--only", choices=("false_alarms", "delay"), default=None)
    args = parser.parse_args()
    if args.only in (None, "false_alarms"):
        print("A. False-alarm rate per bucket, NPS 15, stated alpha 0.01\n")
        print(false_alarm_table(args.sims, args.seed))
        print()
    if args.only in (None, "delay"):
        print("B. Delay to detection at 17 responses a day (NPS 15), %d simulated years per "
              "drop\n" % args.sims)
        print(delay_table(args.sims, args.seed))


if __name__ == "__main__":
    main()
