"""Where candor.change_points puts a real change, and how often its location
interval holds the true position: a seeded simulation anyone can rerun.

    PYTHONPATH=bindings/python CANDOR_LIBRARY=build/release/libcandor.so \
        /usr/bin/python3 bench/change_location.py [--series 300]

Series as in bench/change_calibration.py (NPS 15, one response time per
response spread over each month), with one drop after month months/2 of
`shift` standard errors of the two-sample difference at the true change.
For each cell (months x responses per month x shift) and each candidate set
(month starts: the CLI's default; any response: the API's), over the series
in which the scan found a change:

- power: the share of series with at least one change declared;
- exact: the share whose nearest change is at the true position;
- error: the median distance from the nearest change to the true one, in
  responses and in months;
- coverage: the share whose nearest change's location interval
  [index_low, index_high] holds the true position (the interval's nominal
  level is 95%; Siegmund 1988 likelihood sets are approximate, and they are
  reported after a selection: only series where a change was found count);
- width: the median width of that interval, in months.
"""
import argparse

import numpy as np

from change_calibration import MONTH, detect, series


def location_cell(rng, months, per_month, shift, boundaries, n_series):
    half = months // 2 * per_month
    n = months * per_month
    sd = np.sqrt(0.65 - 0.15 ** 2)  # of the NPS value at 40% promoters, 25% detractors
    drop = shift * sd * np.sqrt(1 / half + 1 / (n - half))
    found = exact = covered = 0
    errors, widths = [], []
    for _ in range(n_series):
        scores, times, _, _, change = series(rng, months, per_month, "nps", drop=drop)
        options = {"seed": int(rng.integers(1 << 31))}
        if boundaries:  # the simulated months' first responses
            options["boundaries"] = np.arange(1, months) * per_month
        result = detect(scores, times, "nps", **options)
        if not result.changes:
            continue
        found += 1
        nearest = min(result.changes, key=lambda c: abs(c.index - change))
        exact += nearest.index == change
        covered += nearest.index_low <= change <= nearest.index_high
        errors.append(abs(nearest.index - change))
        widths.append((int(times[nearest.index_high]) - int(times[nearest.index_low])) / MONTH)
    return found, exact, covered, errors, widths


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261207)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    print("| months | per month | shift (SE) | candidates | power | exact | error (responses, "
          "median) | error (months, median) | coverage (95% nominal) | width (months, median) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    cells = [(12, 500, shift) for shift in (3, 4, 6)]
    cells += [(6, 100, 4), (24, 100, 4), (12, 2000, 4), (24, 2000, 4)]
    for months, per_month, shift in cells:
        for boundaries in (True, False):
            found, exact, covered, errors, widths = location_cell(
                rng, months, per_month, shift, boundaries, args.series)
            share = (lambda k: "%.0f%%" % (100 * k / found)) if found else (lambda k: "-")
            median_error = np.median(errors) if errors else None
            print("| %d | %d | %d | %s | %.0f%% | %s | %s | %s | %s | %s |" % (
                months, per_month, shift, "month starts" if boundaries else "any response",
                100 * found / args.series, share(exact),
                "-" if median_error is None else "%.0f" % median_error,
                "-" if median_error is None else "%.2f" % (median_error / per_month),
                share(covered), "%.2f" % np.median(widths) if widths else "-"), flush=True)


if __name__ == "__main__":
    main()
