"""Business-hour calendars: a time zone, opening hours, working weekdays and
holidays; the deadline a number of business hours after a start, and the
business hours between two instants, across daylight-saving changes and
holidays. Semantics: include/candor/business_hours.hpp; C ABI: the
"business-hour calendars" section of include/candor.h.

Instants go in and come out in UTC. A start or end is a datetime.datetime,
pandas Timestamp, numpy datetime64 or int (Unix seconds), or an array /
pandas Series / DatetimeIndex of them; naive datetimes are UTC, aware ones
are converted to UTC. Fractions of a second are dropped (floored). Results
come back as the same kind: a naive input gives naive UTC, an aware one UTC.
"""

import ctypes
import datetime
import json
import os
import threading

import numpy as np

from candor import _arrow
from candor import _capi
from candor import _compat
from candor import _lib
from candor._handle import OwnsHandle
from candor._lib import Error, lib

_EPOCH_DAY = datetime.date(1970, 1, 1)
_UTC = datetime.timezone.utc


def _minute(value, what):
    """Minutes after midnight from "HH:MM" (up to "24:00") or a datetime.time."""
    if isinstance(value, datetime.time):
        return value.hour * 60 + value.minute
    text = value if isinstance(value, str) else None
    if text is not None and len(text) == 5 and text[2] == ":" and text[:2].isdigit() \
            and text[3:].isdigit() and text.isascii():
        hour, minute = int(text[:2]), int(text[3:])
        if minute <= 59 and (hour < 24 or (hour == 24 and minute == 0)):
            return hour * 60 + minute
    raise Error("CANDOR_INVALID_ARGUMENT",
                "%s %r is not a time of day \"HH:MM\" from 00:00 to 24:00" % (what, value))


def _weekday_mask(weekdays):
    mask = 0
    for day in weekdays:
        if isinstance(day, bool) or not isinstance(day, (int, np.integer)) or not 0 <= day <= 6:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "weekdays holds %r; weekdays are integers 0 (Monday) to 6 (Sunday)"
                        % (day,))
        if mask & (1 << int(day)):
            raise Error("CANDOR_INVALID_ARGUMENT", "weekdays holds %d twice" % day)
        mask |= 1 << int(day)
    return mask


def _holiday_day(value):
    """Days since 1970-01-01 of a datetime.date, numpy datetime64, pandas
    Timestamp or ISO "YYYY-MM-DD" string."""
    if isinstance(value, np.datetime64):
        if np.isnat(value):
            raise Error("CANDOR_INVALID_ARGUMENT", "holidays holds NaT")
        return int(value.astype("datetime64[D]").astype(np.int64))
    if isinstance(value, datetime.datetime):  # also pandas Timestamp
        return (value.date() - _EPOCH_DAY).days
    if isinstance(value, datetime.date):
        return (value - _EPOCH_DAY).days
    if isinstance(value, str):
        try:
            if len(value) != 10:
                raise ValueError
            return (datetime.date.fromisoformat(value) - _EPOCH_DAY).days
        except ValueError:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "holiday %r is not a date \"YYYY-MM-DD\"" % value) from None
    raise Error("CANDOR_INVALID_ARGUMENT",
                "holiday %r is not a date (datetime.date, numpy datetime64 or \"YYYY-MM-DD\")"
                % (value,))


def _holiday_days(holidays):
    if isinstance(holidays, (str, bytes)):
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "holidays must be a collection of dates, not one string")
    if isinstance(holidays, np.ndarray) and holidays.dtype.kind == "M":
        holidays = list(holidays.astype("datetime64[D]"))
    return [_holiday_day(value) for value in holidays]


# ------------------------------------------------------------------ instants in and out


class _Kind:
    """How instants came in, so results go back the same way."""

    def __init__(self, scalar, container, aware, unit="s", index=None, name=None):
        self.scalar = scalar          # "datetime", "timestamp", "datetime64", "int" or None
        self.container = container    # None (scalar), "array", "series", "index"
        self.aware = aware            # tz-aware input: aware UTC output
        self.unit = unit              # datetime64 unit of array input
        self.index = index
        self.name = name


def _seconds_of_datetime64(array):
    bad = np.flatnonzero(np.isnat(array))
    if len(bad):
        raise Error("CANDOR_OUT_OF_RANGE", "time at index %d is missing (NaT)" % bad[0])
    return array.astype("datetime64[s]").astype(np.int64)


def _to_seconds(values, what):
    """(int64 array of Unix seconds, _Kind)."""
    values = _arrow.as_numpy(values, what, integers=True)
    pd = _compat.pandas()
    if pd is not None and values is pd.NaT:
        raise Error("CANDOR_OUT_OF_RANGE", "%s is missing (NaT)" % what)
    if pd is not None and isinstance(values, (pd.Series, pd.Index)):
        container = "series" if isinstance(values, pd.Series) else "index"
        aware = isinstance(values.dtype, pd.DatetimeTZDtype)
        if aware:
            values = values.dt.tz_convert("UTC").dt.tz_localize(None) if container == "series" \
                else values.tz_convert("UTC").tz_localize(None)
        array = values.to_numpy()
        seconds, _ = _to_seconds(array, what)
        return seconds, _Kind(None, container, aware,
                              index=values.index if container == "series" else None,
                              name=values.name)
    if pd is not None and isinstance(values, pd.Timestamp):
        aware = values.tzinfo is not None
        utc = values.tz_convert("UTC").tz_localize(None) if aware else values
        seconds = np.array([utc.to_datetime64()]).astype("datetime64[s]").astype(np.int64)
        return seconds, _Kind("timestamp", None, aware)
    if isinstance(values, datetime.datetime):
        aware = values.tzinfo is not None and values.utcoffset() is not None
        naive_utc = values.astimezone(_UTC).replace(tzinfo=None) if aware else values
        seconds = (naive_utc - datetime.datetime(1970, 1, 1)) // datetime.timedelta(seconds=1)
        return np.array([seconds], dtype=np.int64), _Kind("datetime", None, aware)
    if isinstance(values, np.datetime64):
        return _seconds_of_datetime64(np.array([values])), _Kind("datetime64", None, False)
    if isinstance(values, (int, np.integer)) and not isinstance(values, bool):
        return np.array([values], dtype=np.int64), _Kind("int", None, False)
    array = np.asarray(values)
    if array.ndim != 1:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "%s must be an instant or a one-dimensional array of them, got shape %s"
                    % (what, array.shape))
    if array.dtype.kind == "M":
        unit = np.datetime_data(array.dtype)[0]
        return _seconds_of_datetime64(array), _Kind(None, "array", False, unit=unit)
    if array.dtype.kind in "iu":
        return np.ascontiguousarray(array, dtype=np.int64), _Kind("int", "array", False)
    if array.dtype == object and len(array) and all(isinstance(v, datetime.datetime)
                                                     for v in array):
        parts = [_to_seconds(v, what) for v in array]
        aware = {kind.aware for _, kind in parts}
        if len(aware) > 1:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "%s mixes naive and time-zone-aware datetimes" % what)
        return (np.concatenate([seconds for seconds, _ in parts]),
                _Kind(None, "array", aware.pop(), unit="s"))
    raise Error("CANDOR_INVALID_ARGUMENT",
                "%s must be datetimes, numpy datetime64, pandas Timestamps or Unix seconds, "
                "got dtype %s" % (what, array.dtype))


def _from_seconds(seconds, kind):
    """Instants in the kind they came in as (UTC)."""
    pd = _compat.pandas()
    if kind.container is None:
        t = int(seconds[0])
        if kind.scalar == "int":
            return t
        if kind.scalar == "datetime64":
            return np.datetime64(t, "s")
        if kind.scalar == "timestamp":
            stamp = pd.Timestamp(t, unit="s")
            return stamp.tz_localize("UTC") if kind.aware else stamp
        moment = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=t)
        return moment.replace(tzinfo=_UTC) if kind.aware else moment
    if kind.scalar == "int":
        return seconds
    stamps = seconds.astype("datetime64[s]")
    if kind.container == "array":
        if kind.aware:  # object array of aware datetimes in, aware datetimes out
            return np.array([datetime.datetime(1970, 1, 1, tzinfo=_UTC)
                             + datetime.timedelta(seconds=int(t)) for t in seconds], dtype=object)
        return stamps.astype("datetime64[%s]" % kind.unit) if kind.unit in ("ms", "us", "ns") \
            else stamps
    index = pd.DatetimeIndex(stamps.astype("datetime64[ns]"))
    if kind.aware:
        index = index.tz_localize("UTC")
    if kind.container == "index":
        return index.rename(kind.name)
    return pd.Series(index, index=kind.index, name=kind.name)


def _values_like(values, kind):
    """Plain values (floats) shaped as the instants came in."""
    if kind.container is None:
        return float(values[0])
    if kind.container == "series":
        return _compat.pandas().Series(values, index=kind.index, name=kind.name)
    return values


def _broadcast(first, second, what):
    if len(first) == len(second):
        return first, second
    if len(first) == 1:
        return np.repeat(first, len(second)), second
    if len(second) == 1:
        return first, np.repeat(second, len(first))
    raise Error("CANDOR_LENGTH_MISMATCH",
                "%s have different lengths (%d and %d)" % (what, len(first), len(second)))


class BusinessCalendar(OwnsHandle):
    """A business-hour calendar.

    BusinessCalendar(tz="UTC", open="09:00", close="17:00",
    weekdays=(0, 1, 2, 3, 4), holidays=()): `tz` an IANA time zone name,
    `open` and `close` local times of day ("HH:MM" or datetime.time; close
    may be "24:00"), `weekdays` the working weekdays (Monday = 0, as
    datetime.weekday()), `holidays` local dates (datetime.date, numpy
    datetime64[D] or "YYYY-MM-DD"). Errors (candor.Error): unknown time zone,
    close not after open, no weekday, a holiday given twice.

    Thread-safety: immutable; one calendar may be shared between threads.
    close() (or garbage collection) frees the library's calendar.
    """

    _free = staticmethod(lambda handle: lib.candor_business_calendar_free(handle))
    _handle_type = _capi.BusinessCalendarP

    def __init__(self, tz="UTC", open="09:00", close="17:00", weekdays=(0, 1, 2, 3, 4),
                 holidays=()):
        self._lock = threading.Lock()
        self._handle = _capi.BusinessCalendarP()
        if not isinstance(tz, str):
            raise Error("CANDOR_INVALID_ARGUMENT", "tz must be a time zone name, got %r" % (tz,))
        self.tz = tz
        self.open = open
        self.close_time = close
        days = _holiday_days(holidays)
        spec = _capi.CBusinessCalendarSpec()
        _lib.check(lib.candor_business_calendar_spec_defaults(ctypes.byref(spec),
                                                              ctypes.sizeof(spec)))
        tz_bytes = tz.encode("utf-8")
        spec.time_zone = tz_bytes
        spec.open_minute = _minute(open, "open")
        spec.close_minute = _minute(close, "close")
        weekdays = list(weekdays)
        spec.weekdays = _weekday_mask(weekdays)
        self.weekdays = tuple(int(d) for d in weekdays)
        for day in days:  # as the library says it, before int32 could wrap
            if not -25567 <= day < 84006:
                raise Error("CANDOR_INVALID_ARGUMENT",
                            "business calendar: holiday %d (days since 1970-01-01) is outside "
                            "1900-01-01..2200-01-01" % day)
        holiday_array = np.ascontiguousarray(days, dtype=np.int32)
        spec.holidays = holiday_array.ctypes.data_as(_capi.int32_p)
        spec.n_holidays = len(days)
        _lib.check(lib.candor_business_calendar_new(ctypes.byref(spec),
                                                    ctypes.byref(self._handle)))
        # Checked by the library: every holiday is a date in 1900..2200.
        self.holidays = tuple(_EPOCH_DAY + datetime.timedelta(days=d) for d in sorted(days))

    @classmethod
    def from_json(cls, text):
        """A calendar from its JSON object (str or bytes), as in a rules file:
        {"time_zone": "Europe/Berlin", "open": "09:00", "close": "17:00",
        "weekdays": [0, 1, 2, 3, 4], "holidays": ["2026-12-25"]}."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        calendar = cls.__new__(cls)
        calendar._lock = threading.Lock()
        calendar._handle = _capi.BusinessCalendarP()
        _lib.check(lib.candor_business_calendar_from_json(data, len(data),
                                                          ctypes.byref(calendar._handle)))
        spec = json.loads(data)  # valid: the library parsed it
        calendar.tz = spec.get("time_zone", "UTC")
        calendar.open = spec.get("open", "09:00")
        calendar.close_time = spec.get("close", "17:00")
        calendar.weekdays = tuple(spec.get("weekdays", (0, 1, 2, 3, 4)))
        calendar.holidays = tuple(sorted(datetime.date.fromisoformat(d)
                                         for d in spec.get("holidays", ())))
        return calendar

    @classmethod
    def load(cls, path):
        """A calendar from a JSON file."""
        with open(os.fspath(path), "rb") as f:
            return cls.from_json(f.read())

    def close(self):
        """Frees the library's calendar (also on garbage collection)."""
        self._close_handle()

    def _live_handle(self):
        if not self._handle:
            raise Error("CANDOR_INVALID_ARGUMENT", "the calendar is closed")
        return self._handle

    def deadline(self, start, hours):
        """The instant `hours` business hours after `start` (counted from the
        next opening when start is outside hours), rounded up to the second;
        the same kind as `start` (UTC). `hours` a number or an array (>= 0)."""
        seconds, kind = _to_seconds(start, "start")
        hours = _arrow.as_numpy(hours, "hours")
        hours_array = np.atleast_1d(np.asarray(hours, dtype=np.float64))
        if hours_array.ndim != 1:
            raise Error("CANDOR_INVALID_ARGUMENT", "hours must be a number or 1-d array")
        if kind.container is None and np.ndim(hours) > 0:  # one start, many hours: an array
            kind = _Kind("int" if kind.scalar == "int" else None, "array", kind.aware)
        seconds, hours_array = _broadcast(seconds, hours_array, "start and hours")
        out = self._per_element(lib.candor_business_calendar_deadline, seconds,
                                hours_array, np.float64, np.int64)
        return _from_seconds(out, kind)

    def business_hours_between(self, start, end):
        """The business hours (float) in [start, end); negative when end < start.
        Scalars give a float, arrays an array, a Series a Series."""
        starts, start_kind = _to_seconds(start, "start")
        ends, end_kind = _to_seconds(end, "end")
        starts, ends = _broadcast(starts, ends, "start and end")
        kind = start_kind if start_kind.container is not None or end_kind.container is None \
            else end_kind
        out = self._per_element(lib.candor_business_calendar_business_hours_between, starts,
                                ends, np.int64, np.float64)
        return _values_like(out, kind)

    def _per_element(self, function, seconds, other, other_dtype, out_dtype):
        """function(calendar, seconds, other, n, out): the C calls that take
        int64 seconds and a second array of the same length, one result each."""
        pointer = {np.int64: _capi.int64_p, np.float64: _capi.double_p}
        seconds = np.ascontiguousarray(seconds, dtype=np.int64)
        other = np.ascontiguousarray(other, dtype=other_dtype)
        out = np.empty(len(seconds), dtype=out_dtype)
        with self._lock:
            _lib.check(function(self._live_handle(), seconds.ctypes.data_as(_capi.int64_p),
                                other.ctypes.data_as(pointer[other_dtype]), len(seconds),
                                out.ctypes.data_as(pointer[out_dtype])))
        return out

    def __repr__(self):
        return ("BusinessCalendar(tz=%r, open=%r, close=%r, weekdays=%r, holidays=%d dates)"
                % (self.tz, self.open, self.close_time, self.weekdays, len(self.holidays)))
