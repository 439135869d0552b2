"""candor.case_log against an independent computation: business hours from
zoneinfo (day by day, local 09:00-17:00 on working days that are not
holidays, across the 2027 DST change in Europe/Berlin), the clocks with holds
pausing them and the statuses written out in plain Python, and breach-rate
intervals from statsmodels' Wilson interval; bad logs as errors or counted
drops."""

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.proportion import proportion_confint

import candor

TZ = ZoneInfo("Europe/Berlin")
HOLIDAYS = [dt.date(2027, 3, 26), dt.date(2027, 3, 29)]  # Good Friday, Easter Monday


def business_hours(a, b):
    """Business hours in [a, b) (Unix seconds), local 09-17 Monday-Friday."""
    total = 0.0
    day = dt.datetime.fromtimestamp(a, TZ).date() - dt.timedelta(days=1)
    last = dt.datetime.fromtimestamp(b, TZ).date() + dt.timedelta(days=1)
    while day <= last:
        if day.weekday() < 5 and day not in HOLIDAYS:
            open_ = dt.datetime(day.year, day.month, day.day, 9, tzinfo=TZ).timestamp()
            close = dt.datetime(day.year, day.month, day.day, 17, tzinfo=TZ).timestamp()
            total += max(0.0, min(b, close) - max(a, open_))
        day += dt.timedelta(days=1)
    return total / 3600


def random_log(seed, cases=300):
    rng = np.random.default_rng(seed)
    start = int(dt.datetime(2027, 3, 15, tzinfo=dt.timezone.utc).timestamp())
    rows = []
    for k in range(cases):
        t = start + int(rng.integers(0, 21 * 86400))
        owner, team = "o%d" % rng.integers(0, 4), "t%d" % rng.integers(0, 2)
        rows.append(("c%d" % k, t, "opened", owner, team))
        if rng.random() < 0.4:
            t += int(rng.integers(60, 2 * 86400))
            rows.append(("c%d" % k, t, "on_hold", "", ""))
            if rng.random() < 0.8:
                t += int(rng.integers(60, 3 * 86400))
                rows.append(("c%d" % k, t, "resumed", "", ""))
        if rng.random() < 0.7:
            t += int(rng.integers(60, 3 * 86400))
            rows.append(("c%d" % k, t, "first_contact", "", team))
        if rng.random() < 0.5:
            t += int(rng.integers(60, 3 * 86400))
            rows.append(("c%d" % k, t, "closed", "", ""))
    log = pd.DataFrame(rows, columns=["case_id", "time", "event", "owner", "team"])
    return log.sample(frac=1, random_state=seed).reset_index(drop=True)  # log order shuffled


def expected(log, target, at_risk, as_of):
    out = {}
    for case, g in log.sort_values("time", kind="stable").groupby("case_id", sort=False):
        events = list(zip(g.time, g.event))
        times = {e: t for t, e in events}
        contacted, closed = "first_contact" in times, "closed" in times
        stop = times.get("first_contact", times.get("closed", as_of))

        def clock(until):
            hours, since = 0.0, None
            for t, e in events:
                if t > until:
                    break
                if e in ("opened", "resumed"):
                    since = t
                elif e in ("on_hold", "closed") and since is not None:
                    hours += business_hours(since, t)
                    since = None
            if since is not None:
                hours += business_hours(since, until)
            return hours

        hours = clock(stop)
        if hours > target:
            status = "breached"
        elif contacted or closed:
            status = "met"
        else:
            status = "at_risk" if target - hours <= at_risk else "open"
        owners = [o for o in g.owner if o]
        out[case] = dict(hours=hours, status=status, owner=owners[-1],
                         close=clock(times["closed"]) if closed else np.nan)
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_clocks_and_statuses_match_an_independent_computation(seed):
    log = random_log(seed)
    calendar = candor.BusinessCalendar("Europe/Berlin", holidays=HOLIDAYS)
    as_of = int(log.time.max()) + 3600
    r = candor.case_log(log, calendar, first_contact_hours=8, at_risk_hours=3,
                        as_of=as_of)
    want = expected(log, 8, 3, as_of)
    assert len(r.cases) == len(want)
    for row in r.cases.itertuples():
        w = want[row.case]
        assert row.clock_hours == pytest.approx(w["hours"], abs=1e-9), row.case
        assert row.status == w["status"], row.case
        assert row.owner == w["owner"]
        if np.isnan(w["close"]):
            assert np.isnan(row.hours_to_close)
        else:
            assert row.hours_to_close == pytest.approx(w["close"], abs=1e-9)
    # Every status occurs, so each branch above was exercised.
    assert set(r.cases.status) == {"met", "breached", "at_risk", "open"}


def test_breach_rates_match_statsmodels_wilson():
    log = random_log(3)
    r = candor.case_log(log, candor.BusinessCalendar("Europe/Berlin", holidays=HOLIDAYS),
                        level=0.9)
    for table, column in ((r.by_owner, "owner"), (r.by_team, "team")):
        for row in table.itertuples():
            cases = r.cases[r.cases[column] == row.key]
            breached = int((cases.status == "breached").sum())
            decided = int(cases.status.isin(["met", "breached"]).sum())
            assert (row.breached, row.met + row.breached, row.cases) == \
                (breached, decided, len(cases))
            low, high = proportion_confint(breached, decided, alpha=0.1, method="wilson")
            assert row.rate == pytest.approx(breached / decided)
            assert row.ci_low == pytest.approx(low, abs=1e-12)
            assert row.ci_high == pytest.approx(high, abs=1e-12)
            assert row.ci_high > row.ci_low
    assert r.overall["cases"] == len(r.cases)


@pytest.mark.parametrize("extra, message, problem", [
    ([("x", 0, "opened"), ("x", 60, "callback")], "unknown event 'callback'", "unknown_event"),
    ([("x", 0, "opened"), ("x", 60, "closed"), ("x", 60, "closed")], "closed given twice",
     "duplicate"),
    ([("x", 60, "opened"), ("x", 0, "first_contact")], "before the case was opened",
     "out_of_order"),
    ([("x", 0, "opened"), ("x", 60, "resumed")], "resumed while not on hold",
     "resumed_without_hold"),
    ([("x", 0, "on_hold")], "no opened event", "missing_opened"),
])
def test_bad_events_are_errors_or_counted_drops(extra, message, problem):
    log = random_log(4, cases=20)
    t0 = int(log.time.min())
    bad = pd.DataFrame([(c, t0 + t, e, "", "") for c, t, e in extra], columns=log.columns)
    log = pd.concat([log, bad], ignore_index=True)
    with pytest.raises(candor.Error, match="case 'x': %s: .*%s" % (problem, message)):
        candor.case_log(log)
    r = candor.case_log(log, on_invalid="drop_case")
    assert r.dropped[problem] == 1 and sum(r.dropped.values()) == 1
    assert r.rows_dropped == len(extra)
    assert len(r.cases) == 20
    assert message in r.first_problem


def test_times_as_datetimes_and_missing_columns():
    log = random_log(5, cases=10)
    as_dt = log.assign(time=pd.to_datetime(log.time, unit="s"))
    a = candor.case_log(log).cases
    b = candor.case_log(as_dt).cases
    pd.testing.assert_frame_equal(a, b)
    with pytest.raises(candor.Error, match="no column 'when'"):
        candor.case_log(log, time="when")
