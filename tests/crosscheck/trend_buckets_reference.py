#!/usr/bin/python3
"""Reference values for candor's calendar-bucket trends (include/candor/trend_buckets.hpp).

Writes into tests/data/trend_buckets/, computed independently of candor:

calendar.csv (zone, period, time, label, start, end): for UTC, America/New_York,
  Europe/London, Australia/Lord_Howe (30-minute DST) and Asia/Kathmandu (+05:45),
  times around every DST transition of 2016-2026 (found by scanning the offsets
  pandas reports every 15 minutes), around local midnights at the turn of each year
  2015-2027 (ISO weeks 52/53/01) and random times. The label is pandas'
  (tz_convert, then dt.strftime for days, dt.isocalendar() for ISO weeks,
  dt.to_period("M"/"Q") for months and quarters); start and end are the local
  midnights opening the bucket and the next one, converted with Python's
  zoneinfo (datetime(..., tzinfo=ZoneInfo(zone)).timestamp()).

responses.csv (time, score, weight, account, segment): a seeded synthetic survey
  (unsorted times, an empty month, 40 accounts, 3 segments).
cases.csv: the settings of each case; expected.csv: one row per (case, row) with
  every column of TimeBuckets, computed with numpy and scipy.stats.norm from the
  closed forms in trend_buckets.hpp:
  - estimates: Wald, unweighted var = (mean(s^2) - m^2) / n; weighted
    (Hajek, survey::svymean ids=~1) e = w (s - m) / sum w, var = n/(n-1) sum e^2;
    with accounts var = C/(C-1) sum_c (z_c - mean z)^2 over account sums of e;
    interval m +/- z se clipped to the metric's range;
  - change: independent z-test (var_a + var_b), or with accounts the domain
    contrast e^a - e^b of the two buckets' responses summed by account;
    two-sided p = 2 norm.sf(|d / se|); mdc = (norm.ppf(1 - alpha/2) +
    norm.ppf(power)) se;
  - control limits: center = M m_all, sigma = M sqrt(sum w (s - m)^2 / sum w),
    center -/+ k sigma / sqrt(Kish n_i), clipped;
  - rolling: responses with end - N local days <= t < end, the window start by
    zoneinfo wall-clock arithmetic (aware datetime - timedelta(days=N));
  - smoothed: weights w 2^(-(end - t) / (86400 h)) over t < end.
Run from the repository root: /usr/bin/python3 tests/crosscheck/trend_buckets_reference.py
"""
import csv
import datetime as dt
import os
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
from scipy import stats

OUT = os.path.join("tests", "data", "trend_buckets")
ZONES = ["UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu"]
PERIODS = ["day", "week", "month", "quarter"]


# ----------------------------------------------------------------- calendar

def local_midnight(day, zone):
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(zone)).timestamp())


def bucket_first_day(local_day, period):
    if period == "day":
        return local_day
    if period == "week":
        return local_day - dt.timedelta(days=local_day.weekday())
    if period == "month":
        return local_day.replace(day=1)
    return local_day.replace(month=(local_day.month - 1) // 3 * 3 + 1, day=1)


def next_first_day(first, period):
    if period == "day":
        return first + dt.timedelta(days=1)
    if period == "week":
        return first + dt.timedelta(days=7)
    months = 1 if period == "month" else 3
    month = first.month - 1 + months
    return dt.date(first.year + month // 12, month % 12 + 1, 1)


def pandas_labels(times, zone, period):
    local = pd.Series(pd.to_datetime(times, unit="s", utc=True)).dt.tz_convert(zone)
    if period == "day":
        return list(local.dt.strftime("%Y-%m-%d"))
    if period == "week":
        iso = local.dt.isocalendar()
        return ["%04d-W%02d" % (y, w) for y, w in zip(iso["year"], iso["week"])]
    naive = local.dt.tz_localize(None)
    if period == "month":
        return [str(p) for p in naive.dt.to_period("M")]
    return [str(p).replace("Q", "-Q") for p in naive.dt.to_period("Q")]


def transitions(zone):
    grid = pd.date_range("2016-01-01", "2027-01-01", freq="15min", tz="UTC")
    local = grid.tz_convert(zone).tz_localize(None)
    offset = (local - grid.tz_localize(None)).asi8 // 10**9
    changed = np.nonzero(np.diff(offset))[0] + 1
    return [int(grid[i].value // 10**9) for i in changed]


def calendar_times(zone, rng):
    times = set()
    for t in transitions(zone):
        for d in (-3601, -3600, -1, 0, 1, 1800, 3600):
            times.add(t + d)
        day = dt.datetime.fromtimestamp(t, ZoneInfo(zone)).date()
        for d in (0, 1):
            m = local_midnight(day + dt.timedelta(days=d), zone)
            times.update((m - 1, m))
    for year in range(2015, 2028):
        for day in pd.date_range(dt.date(year - 1, 12, 26), dt.date(year, 1, 5)).date:
            m = local_midnight(day, zone)
            times.update((m - 1, m, m + 43200))
    lo, hi = local_midnight(dt.date(2015, 1, 1), zone), local_midnight(dt.date(2027, 12, 31), zone)
    times.update(int(t) for t in rng.integers(lo, hi, 300))
    return sorted(times)


def write_calendar():
    rng = np.random.default_rng(20261127)
    with open(os.path.join(OUT, "calendar.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["zone", "period", "time", "label", "start", "end"])
        for zone in ZONES:
            times = calendar_times(zone, rng)
            for period in PERIODS:
                labels = pandas_labels(times, zone, period)
                for t, label in zip(times, labels):
                    day = dt.datetime.fromtimestamp(t, ZoneInfo(zone)).date()
                    first = bucket_first_day(day, period)
                    start = local_midnight(first, zone)
                    end = local_midnight(next_first_day(first, period), zone)
                    assert start <= t < end, (zone, period, t)
                    w.writerow([zone, period, t, label, start, end])


# --------------------------------------------------------------- statistics

def survey():
    rng = np.random.default_rng(4)
    n = 2400
    start = int(dt.datetime(2025, 10, 20, tzinfo=dt.timezone.utc).timestamp())
    span = 200 * 86400
    t = rng.integers(start, start + span, n)
    # No responses from 2026-01-01 to 2026-02-01 in any zone used: an empty month.
    gap_lo = int(dt.datetime(2025, 12, 31, tzinfo=dt.timezone.utc).timestamp())
    gap_hi = int(dt.datetime(2026, 2, 2, tzinfo=dt.timezone.utc).timestamp())
    t = np.where((t >= gap_lo) & (t < gap_hi), t + (gap_hi - gap_lo), t)
    segment = rng.integers(0, 3, n) * 5 - 3  # codes -3, 2, 7
    drift = (t - start) / span
    p_pro = 0.35 + 0.15 * drift + 0.05 * (segment == 2)
    p_det = 0.25 - 0.1 * drift
    u = rng.random(n)
    score = np.where(u < p_det, rng.integers(0, 7, n),
                     np.where(u < p_det + p_pro, rng.integers(9, 11, n), rng.integers(7, 9, n)))
    weight = np.round(rng.lognormal(0, 0.5, n), 4)
    account = rng.integers(0, 40, n)
    return dict(time=t.astype(np.int64), score=score.astype(float), weight=weight,
                account=account.astype(np.int64), segment=segment.astype(np.int64))


CASES = [
    # name, metric, every, zone, weighted, accounts, segments, window_days, half_life, k, level
    ("nps_month_ny", "nps", "month", "America/New_York", False, False, False, 30, 14.0, 3.0, 0.95),
    ("nps_week_london_weighted_segments", "nps", "week", "Europe/London", True, False, True, 14,
     7.0, 2.0, 0.9),
    ("nps_month_accounts", "nps", "month", "UTC", True, True, False, 45, 30.0, 3.0, 0.95),
    ("mean_quarter_kathmandu", "mean", "quarter", "Asia/Kathmandu", False, False, False, 0, 0.0,
     3.0, 0.95),
    ("top_box_day_lord_howe", "top_box", "day", "Australia/Lord_Howe", False, False, False, 7,
     3.0, 3.0, 0.95),
]


def metric_values(metric, score):
    if metric == "nps":
        return np.where(score >= 9, 1.0, np.where(score <= 6, -1.0, 0.0)), 100.0, (-100.0, 100.0)
    if metric == "top_box":  # top-2-box on 0..10
        return (score >= 9).astype(float), 100.0, (0.0, 100.0)
    return score.astype(float), 1.0, (0.0, 10.0)


def estimate(s, w, acc, weighted, level, mult, rng_):
    """(value, se, lo, hi, n, neff) by the closed forms; NaN where undefined."""
    nan = float("nan")
    n = len(s)
    if n == 0:
        return [nan, nan, nan, nan, 0, 0.0]
    sw = w.sum()
    neff = sw * sw / (w * w).sum()
    m = (w * s).sum() / sw
    z = stats.norm.ppf((1 + level) / 2)
    if acc is not None:
        clusters = np.unique(acc)
        if len(clusters) < 2:
            return [m * mult, nan, nan, nan, n, neff]
        e = w * (s - m) / sw
        zc = np.array([e[acc == c].sum() for c in clusters])
        var = len(clusters) / (len(clusters) - 1) * ((zc - zc.mean()) ** 2).sum()
    elif weighted:
        if n < 2:
            return [m * mult, nan, nan, nan, n, neff]
        e = w * (s - m) / sw
        var = n / (n - 1) * (e * e).sum()
    else:
        var = (np.mean(s * s) - m * m) / n
    se = np.sqrt(max(var, 0.0))
    lo, hi = max(m - z * se, rng_[0] / mult), min(m + z * se, rng_[1] / mult)
    return [m * mult, se * mult, lo * mult, hi * mult, n, neff]


def contrast_se(s, w, acc, in_a, in_b):
    """The linearization SE of mean_a - mean_b, two domains of one clustered design."""
    e = np.zeros(len(s))
    for mask, sign in ((in_a, 1.0), (in_b, -1.0)):
        sw = w[mask].sum()
        m = (w[mask] * s[mask]).sum() / sw
        e[mask] += sign * w[mask] * (s[mask] - m) / sw
    clusters = np.unique(acc)
    zc = np.array([e[acc == c].sum() for c in clusters])
    return np.sqrt(len(clusters) / (len(clusters) - 1) * ((zc - zc.mean()) ** 2).sum())


def grid(times, zone, period):
    z = ZoneInfo(zone)
    first = bucket_first_day(dt.datetime.fromtimestamp(int(times.min()), z).date(), period)
    last = dt.datetime.fromtimestamp(int(times.max()), z).date()
    starts, labels = [], []
    day = first
    while day <= last:
        starts.append(local_midnight(day, zone))
        labels.append(pandas_labels([starts[-1]], zone, period)[0])
        day = next_first_day(day, period)
    starts.append(local_midnight(day, zone))
    return labels, np.array(starts, dtype=np.int64)


def case_rows(data, case):
    (name, metric, every, zone, weighted, use_accounts, use_segments, window, half_life, k,
     level) = case
    t, score = data["time"], data["score"]
    s, mult, rng_ = metric_values(metric, score)
    w = data["weight"] if weighted else np.ones(len(s))
    acc = data["account"] if use_accounts else None
    labels, bounds = grid(t, zone, every)
    codes = np.unique(data["segment"]) if use_segments else np.array([0])
    z_mdc = stats.norm.ppf((1 + level) / 2) + stats.norm.ppf(0.8)
    rows = []
    for j, code in enumerate(codes):
        in_series = (data["segment"] == code) if use_segments else np.ones(len(s), bool)
        sw = w[in_series].sum()
        m_all = (w[in_series] * s[in_series]).sum() / sw
        sigma = np.sqrt((w[in_series] * (s[in_series] - m_all) ** 2).sum() / sw)
        previous = -1
        for b, label in enumerate(labels):
            row = j * len(labels) + b
            start, end = int(bounds[b]), int(bounds[b + 1])
            mask = in_series & (t >= start) & (t < end)
            sub = lambda m_: (s[m_], w[m_], None if acc is None else acc[m_])  # noqa: E731
            est = estimate(*sub(mask), weighted or use_accounts, level, mult, rng_)
            nan = float("nan")
            roll = [nan, nan, nan, nan, 0, 0.0]
            if window > 0:
                local_end = dt.datetime.fromtimestamp(end, ZoneInfo(zone))
                wstart = int((local_end - dt.timedelta(days=window)).timestamp())
                wmask = in_series & (t >= wstart) & (t < end)
                roll = estimate(*sub(wmask), weighted or use_accounts, level, mult, rng_)
            smooth = [nan, nan, nan, nan, 0, 0.0]
            if half_life > 0:
                pmask = in_series & (t < end)
                ew = w[pmask] * np.exp2(-(end - t[pmask]) / (86400.0 * half_life))
                smooth = estimate(s[pmask], ew, None if acc is None else acc[pmask], True, level,
                                  mult, rng_)
            change = [nan] * 6
            prev_row = -1
            if est[4] > 0 and previous >= 0:
                prev_row = previous
                pb = previous - j * len(labels)
                pmask = in_series & (t >= bounds[pb]) & (t < bounds[pb + 1])
                a = est
                bb = estimate(*sub(pmask), weighted or use_accounts, level, mult, rng_)
                if np.isfinite(a[1]) and np.isfinite(bb[1]):
                    d = a[0] - bb[0]
                    if acc is None:
                        se = np.hypot(a[1], bb[1])
                    else:
                        both = mask | pmask
                        se = mult * contrast_se(s[both], w[both], acc[both], mask[both],
                                                pmask[both])
                    zq = stats.norm.ppf((1 + level) / 2)
                    p = 2 * stats.norm.sf(abs(d / se)) if se > 0 else (1.0 if d == 0 else 0.0)
                    change = [d, se, d - zq * se, d + zq * se, p, z_mdc * se]
            if est[4] > 0:
                previous = row
            center = m_all * mult
            lower = upper = nan
            flag = 0
            if est[4] > 0:
                half = k * sigma * mult / np.sqrt(est[5])
                lower, upper = max(center - half, rng_[0]), min(center + half, rng_[1])
                flag = 1 if est[0] > upper else (-1 if est[0] < lower else 0)
            rows.append([name, row, int(code), label, start, end] + est + roll + smooth +
                        [prev_row] + change + [center, lower, upper, flag])
    return rows


def write_statistics():
    data = survey()
    order = np.random.default_rng(5).permutation(len(data["time"]))  # unsorted on purpose
    with open(os.path.join(OUT, "responses.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(list(data))
        for i in order:
            w.writerow([repr(float(data[c][i])) if c in ("score", "weight") else int(data[c][i])
                        for c in data])
    with open(os.path.join(OUT, "cases.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "metric", "every", "zone", "weighted", "accounts", "segments",
                    "window_days", "half_life_days", "control_k", "level"])
        for c in CASES:
            w.writerow([c[0], c[1], c[2], c[3], int(c[4]), int(c[5]), int(c[6]), c[7],
                        repr(c[8]), repr(c[9]), repr(c[10])])
    est_cols = ["value", "std_error", "ci_low", "ci_high", "n", "effective_n"]
    header = (["case", "row", "segment", "label", "start", "end"] + est_cols +
              ["rolling_" + c for c in est_cols] + ["smoothed_" + c for c in est_cols] +
              ["previous", "change", "change_std_error", "change_ci_low", "change_ci_high",
               "change_p_value", "mdc", "center", "lower", "upper", "flag"])
    with open(os.path.join(OUT, "expected.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for case in CASES:
            for row in case_rows(data, case):
                w.writerow([repr(float(v)) if isinstance(v, (float, np.floating)) else v
                            for v in row])


def main():
    os.makedirs(OUT, exist_ok=True)
    write_calendar()
    write_statistics()


if __name__ == "__main__":
    main()
