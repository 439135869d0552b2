#!/usr/bin/env python3
"""The peer of `candor report` on a big CSV: what an analyst writes with
pandas for the numeric part of the report (read the columns, the NPS with a
Wald interval overall, by segment and by calendar month). It does none of the
text, trend tests, accounts or follow-up that candor's report adds, so the
ratio flatters the peer. Prints the NPS so runs can be checked against
candor's JSON.

Usage: /usr/bin/python3 bench/peers_report.py FILE
"""
import math
import sys

import pandas as pd


def nps(scores):
    n = len(scores)
    promoters = (scores >= 9).mean()
    detractors = (scores <= 6).mean()
    value = 100 * (promoters - detractors)
    variance = promoters + detractors - (promoters - detractors) ** 2
    half = 1.959964 * 100 * math.sqrt(variance / n)
    return value, value - half, value + half, n


def main():
    frame = pd.read_csv(sys.argv[1], usecols=["score", "time", "segment"])
    overall = nps(frame["score"])
    by_segment = frame.groupby("segment")["score"].apply(nps)
    month = pd.to_datetime(frame["time"], unit="s", utc=True).dt.strftime("%Y-%m")
    by_month = frame["score"].groupby(month).apply(nps)
    print("overall %.4f [%.4f, %.4f] n=%d" % overall)
    print("segments %d months %d" % (len(by_segment), len(by_month)))


if __name__ == "__main__":
    main()
