#!/usr/bin/python3
"""Independent business-hour arithmetic for checking candor's BusinessCalendar
(include/candor/business_hours.hpp). Imported by tests/python/test_business_hours.py;
run alone it prints a few values.

Two references, written for the tests and sharing no code with candor:

MinuteGrid: minute stepping with pandas' time zones (pytz, a reading of the
  tz database separate from Abseil's and from zoneinfo). Every UTC minute of a
  span is business time when its local date (pandas tz_convert) is a working
  day and its local time of day is in [open, close). A cumulative sum of those
  minutes gives the business seconds before any instant, B(t), so
  between(s, e) = B(e) - B(s) and the deadline is the first t with
  B(t) - B(s) = hours. This equals candor's definition whenever no opening or
  closing time falls in a skipped or repeated local hour (so it is used with
  such calendars only); it needs no rule for them.

IntervalCalendar: day-by-day interval arithmetic with Python's zoneinfo. A
  working day D is open from the first instant whose local time is at or after
  D + open to the first at or after D + close (found with zoneinfo: the
  candidate instants of fold=0 and fold=1 that round-trip, or, for a skipped
  local time, a bisection over UTC seconds for the first instant past it).
  Used for calendars whose opening is skipped or repeated by DST.
"""
import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


class MinuteGrid:
    def __init__(self, zone, open_minute, close_minute, weekdays, holidays, first_day, last_day):
        """Minutes from local-ish first_day (UTC midnight two days before) to
        last_day (two days after), as datetime.date."""
        start = pd.Timestamp(first_day - dt.timedelta(days=2), tz="UTC")
        end = pd.Timestamp(last_day + dt.timedelta(days=2), tz="UTC")
        minutes = pd.date_range(start, end, freq="min", inclusive="left")
        local = minutes.tz_convert(zone)
        minute_of_day = local.hour.to_numpy() * 60 + local.minute.to_numpy()
        weekday = local.dayofweek.to_numpy()
        local_day = (local.tz_localize(None).normalize() - pd.Timestamp("1970-01-01")).days
        business = ((np.isin(weekday, list(weekdays))) & ~np.isin(local_day.to_numpy(),
                                                                   list(holidays))
                    & (minute_of_day >= open_minute) & (minute_of_day < close_minute))
        self.t0 = int(start.timestamp())
        self.business = business.astype(np.int64)
        # cum[k]: business minutes before minute k.
        self.cum = np.concatenate([[0], np.cumsum(self.business)])
        self.t_end = int(end.timestamp())

    def seconds_before(self, t):
        """B(t) in seconds for an array of instants inside the grid."""
        t = np.asarray(t, dtype=np.int64)
        k = (t - self.t0) // 60
        assert (k >= 0).all() and (t < self.t_end).all()
        return self.cum[k] * 60 + self.business[k] * (t - self.t0 - k * 60)

    def between_hours(self, starts, ends):
        return (self.seconds_before(ends) - self.seconds_before(starts)) / 3600.0

    def deadline(self, starts, seconds):
        """The first t >= start with B(t) - B(start) >= seconds (seconds > 0):
        inside the minute k where the cumulative count reaches the target."""
        target = self.seconds_before(starts) + np.asarray(seconds, dtype=np.int64)
        # Minute k ends with cum[k + 1] * 60 business seconds before its end.
        k = np.searchsorted(self.cum[1:] * 60, target, side="left")
        assert (k < len(self.business)).all()
        return self.t0 + k * 60 + (target - self.cum[k] * 60)


class IntervalCalendar:
    def __init__(self, zone, open_minute, close_minute, weekdays, holidays):
        self.zone = ZoneInfo(zone)
        self.open_minute = open_minute
        self.close_minute = close_minute
        self.weekdays = set(weekdays)
        self.holidays = set(holidays)

    def local(self, t):
        return (EPOCH + dt.timedelta(seconds=int(t))).astimezone(self.zone)

    def first_at_or_after(self, day, minute):
        """The first instant whose local wall-clock time is >= day + minute."""
        wall = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute)
        candidates = []
        for fold in (0, 1):
            t = int(wall.replace(tzinfo=self.zone, fold=fold).timestamp())
            if self.local(t).replace(tzinfo=None) == wall:
                candidates.append(t)
        if candidates:
            return min(candidates)
        # Skipped: bisect for the first instant whose local time passes it.
        lo = int(wall.replace(tzinfo=self.zone, fold=1).timestamp()) - 3 * 86400
        hi = int(wall.replace(tzinfo=self.zone, fold=0).timestamp()) + 3 * 86400
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if self.local(mid).replace(tzinfo=None) >= wall:
                hi = mid
            else:
                lo = mid
        return hi

    def working(self, day):
        return day.weekday() in self.weekdays and \
            (day - dt.date(1970, 1, 1)).days not in self.holidays

    def interval(self, day):
        return (self.first_at_or_after(day, self.open_minute),
                self.first_at_or_after(day, self.close_minute))

    def between_seconds(self, start, end):
        if end < start:
            return -self.between_seconds(end, start)
        total = 0
        day = self.local(start).date() - dt.timedelta(days=1)
        last = self.local(end).date() + dt.timedelta(days=1)
        while day <= last:
            if self.working(day):
                o, c = self.interval(day)
                total += max(0, min(c, end) - max(o, start))
            day += dt.timedelta(days=1)
        return total

    def deadline(self, start, seconds):
        day = self.local(start).date() - dt.timedelta(days=1)
        remaining = seconds
        while True:
            if self.working(day):
                o, c = self.interval(day)
                lo = max(o, start)
                if c > lo:
                    if remaining == 0:
                        return lo
                    if c - lo >= remaining:
                        return lo + remaining
                    remaining -= c - lo
            day += dt.timedelta(days=1)


if __name__ == "__main__":
    berlin = IntervalCalendar("Europe/Berlin", 150, 240, range(7), ())
    print("Berlin 2026-03-29 02:30-04:00:", berlin.interval(dt.date(2026, 3, 29)))
    print("Berlin 2026-10-25 02:30-04:00:", berlin.interval(dt.date(2026, 10, 25)))
