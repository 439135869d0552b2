"""Case log: the SLA status of follow-up cases from a log of case events
(opened, first_contact, on_hold, resumed, closed), time to first contact and
to close in business hours with holds pausing the clock, and breach rates per
owner and team with Wilson intervals. Semantics and checks:
include/candor/case_log.hpp; C ABI: the "case log" section of
include/candor.h.
"""

import ctypes
import dataclasses

import numpy as np

from candor import _display
from candor import _arrow
from candor import _capi
from candor import _compat
from candor import _convert
from candor import _lib
from candor._lib import Error, lib
from candor.business_hours import BusinessCalendar

# The library's names (candor_enum_name): met, breached, at_risk, open; opened,
# first_contact, on_hold, resumed, closed; unknown_event, duplicate,
# missing_opened, out_of_order, resumed_without_hold; error, drop_case.
STATUSES = tuple(_lib.enum_values(_capi.ENUM_SLA_STATUS))
EVENTS = tuple(_lib.enum_values(_capi.ENUM_CASE_EVENT))
PROBLEMS = tuple(_lib.enum_values(_capi.ENUM_CASE_LOG_PROBLEM))
_POLICIES = _lib.enum_values(_capi.ENUM_INVALID_EVENTS)


@_display.result
@dataclasses.dataclass(frozen=True)
class CaseLog:
    """cases: a DataFrame, one row per analysed case (case, owner, team,
    opened, first_contact, closed as UTC timestamps; contacted, closed flag
    is_closed; clock_hours, hours_to_first_contact, hours_to_close,
    hours_left; status in met/breached/at_risk/open). overall, by_owner,
    by_team: breach rates (breached / decided with a Wilson interval).
    dropped: cases left out per problem (on_invalid="drop_case"),
    first_problem its message; as_of, level."""
    cases: object
    overall: object
    by_owner: object
    by_team: object
    dropped: dict
    rows_dropped: int
    first_problem: str
    as_of: object
    level: float


def _pandas():
    pd = _compat.pandas()
    if pd is None:
        raise Error("CANDOR_UNSUPPORTED", "pandas is not installed")
    return pd


def _name_table(names):
    """A C array of NUL-terminated UTF-8 names, built from one joined buffer
    (a ctypes array of a million c_char_p is slow to fill): (pointer for a
    `const char* const*` argument, the buffers it points into)."""
    strings = list(map(str, names))
    joined = "\0".join(strings) + "\0"
    if joined.isascii():
        lengths = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
        buffer = joined.encode("ascii")
    else:
        encoded = [name.encode("utf-8") for name in strings]
        lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        buffer = b"\0".join(encoded) + b"\0"
    storage = ctypes.create_string_buffer(buffer, len(buffer))
    starts = np.zeros(max(len(strings), 1), dtype=np.uint64)
    if len(strings) > 1:
        np.cumsum(lengths[:-1] + 1, out=starts[1:len(strings)].view(np.int64))
    pointers = starts + np.uint64(ctypes.addressof(storage))
    return ctypes.cast(pointers.ctypes.data, _capi.char_pp), (storage, pointers)


def _codes(values, what, allow_none):
    """(int32 codes, C array of names, number of names, buffers to keep
    alive) of a label column; None / NaN / "" are -1 when allow_none."""
    pd = _pandas()
    codes, uniques = pd.factorize(np.asarray(values), use_na_sentinel=True)
    codes = np.asarray(codes, dtype=np.int32)
    if allow_none:
        names = list(map(str, uniques))
        kept = np.array([name != "" for name in names], dtype=bool)
        if not kept.all():  # "" is no value: its code becomes -1, later codes move down
            remap = np.full(len(names) + 1, -1, dtype=np.int32)
            remap[1:][kept] = np.arange(int(kept.sum()), dtype=np.int32)
            codes = remap[codes + 1]
            names = [name for name, k in zip(names, kept) if k]
        uniques = names
    elif len(codes) and codes.min() < 0:
        raise Error("CANDOR_INVALID_ARGUMENT", "%s: the value at index %d is missing"
                    % (what, int(np.flatnonzero(codes < 0)[0])))
    table, keep = _name_table(uniques)
    return np.ascontiguousarray(codes), table, len(uniques), keep


def _rates(handle, count, row_at):
    pd = _pandas()
    rows = []
    r = _capi.CBreachRate()
    for i in range(count):
        _lib.check(row_at(handle, i, ctypes.byref(r)))
        rows.append(_rate_row(r))
    return pd.DataFrame(rows, columns=["key", "cases", "met", "breached", "at_risk", "open",
                                       "rate", "ci_low", "ci_high"])


def _rate_row(r):
    return [r.key.decode("utf-8"), int(r.cases), int(r.met), int(r.breached), int(r.at_risk),
            int(r.open), r.rate, r.ci_low, r.ci_high]


def case_log(events, calendar=None, *, case="case_id", time="time", event="event",
             owner="owner", team="team", first_contact_hours=8, at_risk_hours=2, as_of=None,
             level=0.95, on_invalid="error"):
    """SLA status per case from a DataFrame of case events.

    Columns (names given by case, time, event, owner, team; owner and team
    may be None or absent): the case id, the time (datetimes, naive = UTC, or
    Unix seconds), the event name, and the owner / team at that event.
    calendar: a candor.BusinessCalendar (default UTC, 09:00-17:00,
    Monday-Friday). first_contact_hours: the target in business hours;
    at_risk_hours: a running case this close to it is at risk; as_of: "now"
    for open cases (default: the last event). on_invalid: "error" (the first
    duplicate, out-of-order, unknown or resumed-without-hold event raises
    candor.Error naming its row and case) or "drop_case" (such cases are
    left out and counted in `dropped`). Returns a CaseLog. `events` may also
    be an Arrow record batch or table (candor._arrow).
    """
    pd = _pandas()
    events = _arrow.as_frame(events, "events")
    if calendar is None:
        calendar = BusinessCalendar()
    if not isinstance(calendar, BusinessCalendar):
        raise Error("CANDOR_INVALID_ARGUMENT", "calendar must be a candor.BusinessCalendar")
    if on_invalid not in _POLICIES:
        raise Error("CANDOR_INVALID_ARGUMENT", "on_invalid must be 'error' or 'drop_case', got %r"
                    % (on_invalid,))
    for name, column in (("case", case), ("time", time), ("event", event)):
        if column not in events:
            raise Error("CANDOR_NOT_FOUND", "%s: no column %r" % (name, column))
    n = len(events)
    case_values = events[case].to_numpy()
    times = _convert.unix_seconds(events[time], "time")
    case_codes, case_names, n_cases, case_buffers = _codes(case_values, "case", False)
    event_codes, event_names, n_event_names, event_buffers = _codes(events[event].to_numpy(),
                                                                   "event", False)
    optional = {}
    for name, column in (("owner", owner), ("team", team)):
        if column is not None and column in events:
            optional[name] = (events[column].to_numpy(),) + _codes(events[column], name, True)
    options = _capi.CCaseLogOptions()
    _lib.check(lib.candor_case_log_options_defaults(ctypes.byref(options), ctypes.sizeof(options)))
    options.first_contact_hours = float(first_contact_hours)
    options.at_risk_hours = float(at_risk_hours)
    if as_of is not None:
        options.as_of = int(_convert.unix_seconds(pd.Series(pd.to_datetime([as_of], utc=True))
                                                  if not isinstance(as_of, (int, np.integer))
                                                  else np.array([as_of]), "as_of")[0])
    options.level = float(level)
    options.on_invalid = _POLICIES[on_invalid]

    def pointer(name, k):
        return optional[name][k] if name in optional else None

    def codes_p(name):
        return None if name not in optional else optional[name][1].ctypes.data_as(_capi.int32_p)

    handle = _capi.CaseLogP()
    with calendar._lock:
        _lib.check(lib.candor_case_log_new(
            calendar._live_handle(), case_codes.ctypes.data_as(_capi.int32_p), case_names,
            n_cases, times.ctypes.data_as(_capi.int64_p),
            event_codes.ctypes.data_as(_capi.int32_p), event_names, n_event_names,
            codes_p("owner"), pointer("owner", 2), pointer("owner", 3) or 0,
            codes_p("team"), pointer("team", 2), pointer("team", 3) or 0, n,
            ctypes.byref(options), ctypes.byref(handle)))
    try:
        s = _capi.CCaseLogSummary()
        _lib.check(lib.candor_case_log_summary_get(handle, ctypes.byref(s)))
        c = _capi.CCaseLogColumns()
        _lib.check(lib.candor_case_log_columns_get(handle, ctypes.byref(c)))
        k = c.n

        def col(name):
            return np.ctypeslib.as_array(getattr(c, name), shape=(k,)).copy() if k else \
                np.empty(0)

        first_row = col("first_row")
        frame = pd.DataFrame({"case": case_values[first_row] if k else []})
        for name in ("owner", "team"):
            if name in optional:
                rows = col(name + "_row")
                values = optional[name][0]
                frame[name] = np.where(rows >= 0, values[np.maximum(rows, 0)] if k else [], None)
        for name in ("opened", "first_contact", "closed"):
            # datetime64[ns, UTC] as pd.to_datetime(unit="s", utc=True) gives, without
            # its per-value cache (times are within the calendar's 1900-2200).
            frame[name] = pd.Series(col(name).astype("datetime64[s]").astype(
                "datetime64[ns]")).dt.tz_localize("UTC")
        frame.loc[col("contacted") == 0, "first_contact"] = pd.NaT
        frame.loc[col("is_closed") == 0, "closed"] = pd.NaT
        frame["contacted"] = col("contacted").astype(bool)
        frame["is_closed"] = col("is_closed").astype(bool)
        for name in ("clock_hours", "hours_to_first_contact", "hours_to_close", "hours_left"):
            frame[name] = col(name)
        frame["status"] = pd.Categorical.from_codes(col("status").astype(np.int32),
                                                    categories=list(STATUSES))
        by_owner = _rates(handle, s.owners, lib.candor_case_log_owner_at)
        by_team = _rates(handle, s.teams, lib.candor_case_log_team_at)
        overall = dict(zip(["key", "cases", "met", "breached", "at_risk", "open", "rate",
                            "ci_low", "ci_high"], _rate_row(s.overall)))
        dropped = {p: int(getattr(s, "dropped_" + p)) for p in PROBLEMS}
        result = CaseLog(frame, overall, by_owner, by_team, dropped, int(s.rows_dropped),
                         s.first_problem.decode("utf-8"),
                         pd.Timestamp(int(s.as_of), unit="s", tz="UTC"), s.level)
    finally:
        lib.candor_case_log_free(handle)
    return result
