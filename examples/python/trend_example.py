#!/usr/bin/python3
"""Is NPS improving, declining or holding steady? Monthly NPS with its
interval, the change from the previous month with its minimal detectable
change, the Mann-Kendall test and the WLS slope over the months, change points
in the responses, and the accounts that are really declining.

    PYTHONPATH=bindings/python CANDOR_LIBRARY=build/dev/libcandor.so \
        /usr/bin/python3 examples/python/trend_example.py [FILE.csv [TIME_ZONE]]

FILE needs columns score, timestamp and account_id (default: the bundled
synthetic sample, data/sample/survey.csv); TIME_ZONE defaults to Europe/Paris.
"""
import os
import sys

import candor


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        here, "..", "..", "data", "sample", "survey.csv")
    zone = sys.argv[2] if len(sys.argv) > 2 else "Europe/Paris"
    try:
        t = candor.read_csv(path, account="account_id", time="timestamp")
        months = candor.trend(t.scores, t.times, every="month", tz=zone,
                              accounts=t.codes("account"))
        mk = candor.mann_kendall(months["value"])
        line = candor.wls_slope(months["value"], months["std_error"])
        order = t.times.argsort(kind="stable")  # change points need time order
        # As `candor trend --change-points`: month starts, clustered by account.
        points = candor.change_points(t.scores[order], times=t.times[order],
                                      accounts=t.codes("account")[order], boundaries="month",
                                      time_zone=zone)
        accounts = candor.account_trends(t.scores, t.times, t.column("account"))
    except candor.Error as error:
        print("candor failed: %s" % error, file=sys.stderr)
        return 1
    print(months[["bucket", "n", "value", "ci_low", "ci_high", "change", "change_p_value",
                  "change_p_adjusted", "mdc", "flag"]].to_string(index=False))
    print("Mann-Kendall: tau %.3f, p %.3f (%s)" % (mk.tau, mk.p_value, mk.trend))
    print("WLS slope: %+.2f points per month [%.2f, %.2f]"
          % (line.slope, line.slope_ci_low, line.slope_ci_high))
    for change in points.changes:
        print("change point at response %d: %+.1f points" % (change.index,
                                                             change.change.difference))
    declining = accounts[accounts["declining"]]
    print("accounts declining significantly: %d of %d" % (len(declining), len(accounts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
