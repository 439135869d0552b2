"""How often a steady year's trend table shows a "significant" month-over-month
change, before and after adjusting across the year's changes (issue 15).

Each simulated series is 12 months x RESPONSES responses with a constant NPS
(promoters 40%, passives 35%, detractors 25%: NPS 15) and no change, so every
change p < 0.05 is a false alarm. All series go through one candor.trend call
(one segment per series); a series "fires" when any of its 11 changes has
p < ALPHA. Unadjusted, that happens in about 1 - 0.95^11 = 43% of years
(the changes share months, so not exactly); Holm bounds it at ALPHA.

  /usr/bin/python3 bench/trend_false_alarms.py [--series 1000] [--responses 500] [--seed 15]
(with PYTHONPATH=bindings/python and CANDOR_LIBRARY pointing at libcandor).
"""
import argparse
import time

import numpy as np

import candor

ALPHA = 0.05
SHARES = (0.40, 0.35, 0.25)  # promoters, passives, detractors: NPS 15
MONTHS = 12


def simulate(series, responses, seed):
    rng = np.random.default_rng(seed)
    n = series * MONTHS * responses
    group = rng.choice(3, size=n, p=SHARES)
    scores = np.where(group == 0, rng.integers(9, 11, n),
                      np.where(group == 1, rng.integers(7, 9, n), rng.integers(0, 7, n)))
    starts = np.array([np.datetime64("2025-%02d-01" % (m + 1), "s").astype(np.int64)
                       for m in range(MONTHS)])
    month = np.tile(np.repeat(np.arange(MONTHS), responses), series)
    times = starts[month] + rng.integers(0, 28 * 86400, n)
    segments = np.repeat(np.arange(series, dtype=np.int32), MONTHS * responses)
    return scores.astype(float), times, segments


def any_below(frame, column, series):
    fired = frame.groupby("segment")[column].min() < ALPHA
    assert len(fired) == series
    return float(fired.mean())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--series", type=int, default=1000)
    parser.add_argument("--responses", type=int, default=500, help="per month")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    scores, times, segments = simulate(args.series, args.responses, args.seed)
    rates = {}
    seconds = {}
    for method in ("none", "holm", "bh"):
        began = time.perf_counter()
        frame = candor.trend(scores, times, segments=segments, p_adjust=method)
        seconds[method] = time.perf_counter() - began
        assert (frame["changes_tested"] == MONTHS - 1).all()
        rates[method] = any_below(frame, "change_p_adjusted", args.series)
    nps = 100 * (SHARES[0] - SHARES[2])
    print("%d steady years of %d months x %d responses (NPS %.0f), seed %d" %
          (args.series, MONTHS, args.responses, nps, args.seed))
    half_width = 1.96 * np.sqrt(0.25 / args.series)
    for method, label in (("none", "unadjusted"), ("holm", "Holm (default)"),
                          ("bh", "Benjamini-Hochberg")):
        print("  any change with p < %.2f, %-19s %5.1f%%  (95%% margin <= %.1f; candor.trend %.2f s)" %
              (ALPHA, label + ":", 100 * rates[method], 100 * half_width, seconds[method]))


if __name__ == "__main__":
    main()
