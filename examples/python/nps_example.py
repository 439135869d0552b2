#!/usr/bin/python3
"""NPS with its interval, and by region and plan, with the candor Python package
(breakdowns come back as pandas DataFrames when pandas is installed).

    PYTHONPATH=bindings/python CANDOR_LIBRARY=build/dev/libcandor.so \
        /usr/bin/python3 examples/python/nps_example.py [FILE.csv]

Without FILE, reads the bundled synthetic sample, data/sample/survey.csv.
"""
import os
import sys

import candor


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        here, "..", "..", "data", "sample", "survey.csv")
    try:
        table = candor.read_csv(path, score="score", weight="weight",
                                segments=("region", "plan"))
        overall = candor.nps(table.scores, table.weights)
        by_region = candor.breakdown(table.scores, {"region": table.column("region")},
                                     weights=table.weights, p_adjust="holm")
        by_segment = candor.breakdown(
            table.scores, {"region": table.column("region"), "plan": table.column("plan")},
            weights=table.weights)
    except candor.Error as error:
        print("candor failed: %s" % error, file=sys.stderr)
        return 1
    print("NPS %.1f, %g%% CI [%.1f, %.1f], n %d (effective n %.0f, weighted)"
          % (overall.value, 100 * overall.level, overall.ci_low, overall.ci_high, overall.n,
             overall.effective_n))
    columns = ["n", "value", "ci_low", "ci_high", "difference", "p_adjusted"]
    print("\nBy region (each against the rest, Holm-adjusted p):")
    print(by_region[["region"] + columns].round(4).to_string(index=False))
    print("\nRegion x plan cells that differ from the rest (Holm p < 0.05):")
    differing = by_segment[by_segment.p_adjusted < 0.05]
    print(differing[["region", "plan"] + columns].round(4).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
