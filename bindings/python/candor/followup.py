"""The follow-up queue: which responses to follow up, in what order, why
(named points that sum to the priority), by whom and by when (business
hours). The rules: include/candor/followup.hpp; rules.json:
docs/followup-rules.md; C ABI: the "follow-up queue" section of
include/candor.h.

    queue = candor.followup(responses, accounts=accounts, rules="rules.json")
    queue[["rank", "account", "category", "priority", "reasons", "owner", "due"]]
    queue.attrs["counts"]     # every dropped row counted by cause
    queue.attrs["reasons"]    # one row per (case, reason) with its points

Without an urgency column, candor's text analysis (candor.analyze) reads the
urgency category of each comment.
"""

import ctypes
import json
import os

import numpy as np

from candor import _capi
from candor import _compat
from candor import _lib
from candor._lib import Error, lib
from candor.text_model import analyze

CATEGORIES = ("fire_alarm", "detractor", "passive", "promoter")
REASONS = ("detractor", "passive", "very_low_score", "urgency_safety", "urgency_legal",
           "urgency_churn", "urgency_refund", "urgency_unresolved", "arr", "renewal",
           "health_decline", "repeat_detractor", "strategic_role")
URGENCY = ("none", "safety", "legal", "churn", "refund", "unresolved")
COUNTS = ("responses", "invalid_score", "invalid_time", "no_account", "opted_out", "suppressed",
          "merged", "not_included", "cases", "fire_alarms")

_NO_TIME = np.iinfo(np.int64).min


class Rules:
    """Follow-up rules (a handle on the library's), from rules.json text, a
    dict or a path; None is the defaults."""

    def __init__(self, spec=None):
        if spec is None:
            data = b""
        elif isinstance(spec, dict):
            data = json.dumps(spec).encode("utf-8")
        elif isinstance(spec, bytes):
            data = spec
        elif isinstance(spec, str) and spec.lstrip()[:1] == "{":
            data = spec.encode("utf-8")
        elif isinstance(spec, (str, os.PathLike)):
            with open(os.fspath(spec), "rb") as f:
                data = f.read()
        else:
            raise Error("CANDOR_INVALID_ARGUMENT", "rules must be a dict, JSON text, a path or "
                        "None, got %r" % type(spec).__name__)
        self._handle = _capi.FollowupRulesP()
        _lib.check(lib.candor_followup_rules_from_json(data or None, len(data),
                                                       ctypes.byref(self._handle)))

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle:
            lib.candor_followup_rules_free(handle)
            self._handle = None


def _column(frame, name):
    """frame[name] when the frame has it (name may be None), else None."""
    if frame is None or name is None:
        return None
    return frame[name] if name in frame else None


def _times(values, what, missing_ok):
    """int64 Unix seconds; missing (NaT, None) as INT64_MIN when allowed."""
    pd = _compat.require_pandas()
    series = pd.Series(values)
    if series.dtype.kind in "iu":
        return np.ascontiguousarray(series.to_numpy(), dtype=np.int64)
    if series.dtype.kind == "f":
        array = series.to_numpy()
        bad = np.isfinite(array) & (array != np.floor(array))
        if bad.any():
            raise Error("CANDOR_INVALID_ARGUMENT", "%s[%d] = %r is not a whole number of seconds"
                        % (what, int(np.flatnonzero(bad)[0]), array[bad][0]))
        out = np.where(np.isfinite(array), array, 0).astype(np.int64)
        out[~np.isfinite(array)] = _NO_TIME
    else:
        try:
            stamps = pd.to_datetime(series, utc=True)
        except (ValueError, TypeError) as e:
            raise Error("CANDOR_INVALID_ARGUMENT", "%s: %s" % (what, e)) from None
        out = stamps.dt.tz_localize(None).to_numpy().astype("datetime64[s]").astype(np.int64)
    if not missing_ok and (out == _NO_TIME).any():
        raise Error("CANDOR_INVALID_ARGUMENT", "%s: the time at index %d is missing"
                    % (what, int(np.flatnonzero(out == _NO_TIME)[0])))
    return np.ascontiguousarray(out, dtype=np.int64)


def _codes(values):
    """(int32 codes, names as str) with missing labels as -1."""
    pd = _compat.require_pandas()
    codes, levels = pd.factorize(pd.Series(values), sort=True)
    return np.ascontiguousarray(codes, dtype=np.int32), [str(v) for v in levels]


def _names(names):
    encoded = [n.encode("utf-8") for n in names]
    array = (ctypes.c_char_p * max(1, len(encoded)))(*encoded)
    return array, encoded


def _urgency_code(value):
    """The urgency code of one label (None/NaN/"" as none), -1 if unknown."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value == "":
        return 0
    return _URGENCY_CODES.get(str(value).strip().lower(), -1)


_URGENCY_CODES = {name: k for k, name in enumerate(URGENCY)}


def _urgency_codes(values):
    """uint8 urgency category codes from names (None/NaN/"" as none) or codes.
    Each distinct label is looked up once (factorize), not each row."""
    pd = _compat.require_pandas()
    series = pd.Series(values)
    if series.dtype.kind in "iu":
        return np.ascontiguousarray(series.to_numpy(), dtype=np.uint8)
    labels, levels = pd.factorize(series)  # missing labels as -1
    level_codes = np.array([_urgency_code(v) for v in levels] + [0], dtype=np.int16)
    codes = level_codes[labels]  # -1 indexes the appended 0: missing is none
    if (codes < 0).any():
        i = int(np.flatnonzero(codes < 0)[0])
        raise Error("CANDOR_INVALID_ARGUMENT", "urgency[%d] = %r is not an urgency category "
                    "(%s)" % (i, series.iloc[i], ", ".join(URGENCY)))
    return codes.astype(np.uint8)


def _reason_texts(begin, reason, points):
    """Each case's reasons as "detractor +30; arr +20", with no loop over
    cases or pairs: each pair is two words, its reason with the separator
    before it (NUL before a case's first, "; " before the others) and its
    points, each distinct points value worded once; all words are joined
    into one string and split at the NULs."""
    n = len(begin) - 1
    if len(reason) == 0:
        return np.full(n, "", dtype=object)
    pd = _compat.require_pandas()
    # Hashing (factorize), not sorting (np.unique): the order of the
    # distinct values does not matter, only that each is worded once.
    point_codes, point_values = pd.factorize(points)
    numbers = np.asarray(["%+g" % v for v in point_values.tolist()], dtype=object)
    has = np.diff(begin) > 0
    first = np.zeros(len(reason), dtype=np.intp)
    first[begin[:-1][has]] = 1
    # Object arrays: numpy strings would drop a leading NUL.
    labels = np.asarray(["; %s " % name for name in REASONS] +
                        ["\0%s " % name for name in REASONS], dtype=object)
    words = np.empty(2 * len(reason), dtype=object)
    words[0::2] = labels.take(first * len(REASONS) + reason)
    words[1::2] = numbers.take(point_codes)
    pieces = "".join(words.tolist()).split("\0")
    worded = np.empty(len(pieces) - 1, dtype=object)
    worded[:] = pieces[1:]  # the first is before the first NUL
    if len(worded) == n:
        return worded
    texts = np.full(n, "", dtype=object)
    texts[has] = worded
    return texts


def _set_named_codes(inp, frame, columns, hold):
    """Sets inp.<field>, <field>_names and n_<field>_names from each (column,
    field) of `frame` that is present: int32 codes and their names."""
    for column, field in columns:
        values = _column(frame, column)
        if values is None:
            continue
        codes, names = _codes(values)
        array, encoded = _names(names)
        hold(encoded)
        setattr(inp, field, _pointer(hold(codes), ctypes.c_int32))
        setattr(inp, field + "_names", ctypes.cast(hold(array), _capi.char_pp))
        setattr(inp, "n_" + field + "_names", len(names))


def _pointer(array, ctype):
    return None if array is None else array.ctypes.data_as(ctypes.POINTER(ctype))


def followup(responses, accounts=None, rules=None, contacts=None, *, score="score", time="time",
             account="account", respondent="respondent", role="role", comment="comment",
             urgency="urgency", theme="theme", account_key="account", arr="arr",
             renewal="renewal", health_change="health_change", owner="owner", region="region",
             opt_out="opt_out", contact_respondent="respondent", contact_time="time",
             text_model=None):
    """The follow-up queue of `responses` (a DataFrame), one row per case in
    queue order: rank, account, category, action, owner, team, due (UTC),
    priority, reasons ("detractor +30; arr +20"), fire_alarm, urgency, theme,
    score, responses, lead_row (the index label of the lead response),
    first_time, lead_time, last_time.

    Optional response columns (used when present): respondent, role,
    urgency (category names), theme, comment (read for urgency when there is
    no urgency column). accounts: a DataFrame keyed by account_key with
    optional arr, renewal, health_change, owner, region, opt_out columns; a
    response whose account is not in it is dropped as no_account. contacts:
    earlier contacts (respondent, time) for suppression. rules: a Rules,
    dict, rules.json text or path (None: the defaults).

    attrs["counts"]: every row counted once by what happened to it;
    attrs["reasons"]: one row per (rank, reason, points)."""
    pd = _compat.require_pandas()
    if not isinstance(responses, pd.DataFrame):
        raise Error("CANDOR_INVALID_ARGUMENT", "responses must be a pandas DataFrame")
    for name in (score, time, account):
        if name not in responses:
            raise Error("CANDOR_NOT_FOUND", "responses have no column %r (columns: %s)"
                        % (name, ", ".join(map(str, responses.columns))))
    rules = rules if isinstance(rules, Rules) else Rules(rules)
    n = len(responses)
    keep = []  # arrays the C call reads

    def hold(array):
        keep.append(array)
        return array

    inp = _capi.CFollowupInput()
    _lib.check(lib.candor_followup_input_defaults(ctypes.byref(inp), ctypes.sizeof(inp)))
    inp.n = n
    scores = pd.to_numeric(responses[score], errors="coerce").to_numpy(dtype=np.float64)
    inp.score = _pointer(hold(np.ascontiguousarray(scores)), ctypes.c_double)
    inp.time = _pointer(hold(_times(responses[time], "time", True)), ctypes.c_int64)

    account_labels = responses[account]
    if accounts is not None:
        if not isinstance(accounts, pd.DataFrame) or account_key not in accounts:
            raise Error("CANDOR_NOT_FOUND", "accounts must be a DataFrame with the column %r"
                        % account_key)
        keys = pd.Index(accounts[account_key])
        if keys.has_duplicates:
            raise Error("CANDOR_INVALID_ARGUMENT", "accounts: %r appears more than once in %r"
                        % (keys[keys.duplicated()][0], account_key))
        codes = np.ascontiguousarray(keys.get_indexer(account_labels), dtype=np.int32)
        account_names = list(keys)
        inp.n_accounts = len(accounts)
        a_arr = _column(accounts, arr)
        if a_arr is not None:
            values = pd.to_numeric(a_arr, errors="coerce").to_numpy(dtype=np.float64)
            inp.arr = _pointer(hold(np.ascontiguousarray(values)), ctypes.c_double)
        a_renewal = _column(accounts, renewal)
        if a_renewal is not None:
            inp.renewal = _pointer(hold(_times(a_renewal, "renewal", True)), ctypes.c_int64)
        a_health = _column(accounts, health_change)
        if a_health is not None:
            values = pd.to_numeric(a_health, errors="coerce").to_numpy(dtype=np.float64)
            inp.health_change = _pointer(hold(np.ascontiguousarray(values)), ctypes.c_double)
        a_opt = _column(accounts, opt_out)
        if a_opt is not None:
            words = a_opt.map(lambda v: str(v).strip().lower() in ("1", "1.0", "true", "yes", "y"))
            inp.opt_out = _pointer(hold(np.ascontiguousarray(words.to_numpy(), dtype=np.uint8)),
                                   ctypes.c_uint8)
        _set_named_codes(inp, accounts, ((owner, "owner"), (region, "region")), hold)
    else:
        codes, levels = pd.factorize(pd.Series(account_labels), sort=True)
        codes = np.ascontiguousarray(codes, dtype=np.int32)
        account_names = list(levels)
    inp.account = _pointer(hold(codes), ctypes.c_int32)

    r_respondent = _column(responses, respondent)
    c_respondent = None
    if r_respondent is not None:
        both = pd.concat([pd.Series(r_respondent, dtype=object).reset_index(drop=True),
                          pd.Series(contacts[contact_respondent] if contacts is not None else [],
                                    dtype=object).reset_index(drop=True)], ignore_index=True)
        all_codes, _ = _codes(both)
        inp.respondent = _pointer(hold(np.ascontiguousarray(all_codes[:n])), ctypes.c_int32)
        c_respondent = np.ascontiguousarray(all_codes[n:])
    if contacts is not None:
        if r_respondent is None:
            raise Error("CANDOR_INVALID_ARGUMENT", "contacts need a respondent column %r in the "
                        "responses" % respondent)
        inp.n_contacts = len(contacts)
        inp.contact_respondent = _pointer(hold(c_respondent), ctypes.c_int32)
        inp.contact_time = _pointer(hold(_times(contacts[contact_time], "contacts time", False)),
                                    ctypes.c_int64)

    _set_named_codes(inp, responses, ((role, "role"), (theme, "theme")), hold)
    theme_names = [] if _column(responses, theme) is None else _codes(responses[theme])[1]

    r_urgency = _column(responses, urgency)
    if r_urgency is None and _column(responses, comment) is not None:
        texts = responses[comment].fillna("").astype(str).tolist()
        r_urgency = (analyze(texts) if text_model is None else text_model.analyze(texts)).urgency
    if r_urgency is not None:
        inp.urgency = _pointer(hold(_urgency_codes(r_urgency)), ctypes.c_uint8)

    handle = _capi.FollowupQueueP()
    _lib.check(lib.candor_followup_build(ctypes.byref(inp), rules._handle, ctypes.byref(handle)))
    try:
        return _frame(handle, responses.index, account_names, theme_names)
    finally:
        lib.candor_followup_queue_free(handle)


def _view(pointer, n):
    """The library's column as a numpy view (valid until the queue is freed)."""
    if n == 0:
        return np.empty(0, dtype=np.int64)
    return np.ctypeslib.as_array(pointer, shape=(n,))


def _array(pointer, n, dtype):
    return _view(pointer, n).astype(dtype, copy=True)


_UTC = None


def _stamps(pointer, n):
    """UTC datetimes from Unix seconds: one view as datetime64[s] and one
    cast to [ns], not a per-value parse. Seconds outside the nanosecond range
    go through pd.to_datetime, which raises the error it always did."""
    global _UTC
    pd = _compat.require_pandas()
    if _UTC is None:
        _UTC = pd.to_datetime(np.zeros(1, dtype=np.int64), unit="s", utc=True).dtype
    seconds = _view(pointer, n).astype(np.int64, copy=False)
    limit = np.iinfo(np.int64).max // 10**9
    valid = seconds != _NO_TIME
    if n and (np.abs(seconds[valid]) > limit).any():
        return pd.to_datetime(seconds, unit="s", utc=True).array
    return pd.arrays.DatetimeArray(seconds.view("datetime64[s]").astype("datetime64[ns]"),
                                   dtype=_UTC)


def _data_frame(columns):
    """A DataFrame of (name, 1-D array) columns holding one 2-D block per
    numpy dtype, stacked once; pd.DataFrame(dict) stacks them and then
    consolidates and reorders the blocks, copying each column twice or more
    (seconds at millions of rows). Falls back to pd.DataFrame(dict) when
    pandas' internals are not the ones this was written for."""
    pd = _compat.require_pandas()
    names = [name for name, _ in columns]
    n = len(columns[0][1])
    try:
        from pandas.core.internals import BlockManager
        from pandas.core.internals.api import make_block
        groups = {}
        extension = []
        for k, (_, values) in enumerate(columns):
            if isinstance(values, np.ndarray):
                groups.setdefault(values.dtype, []).append(k)
            else:
                extension.append(k)
        blocks = []
        for dtype, places in groups.items():
            if len(places) == 1:
                stacked = columns[places[0]][1].reshape(1, n)
            else:
                stacked = np.empty((len(places), n), dtype=dtype)
                for row, k in enumerate(places):
                    stacked[row] = columns[k][1]
            blocks.append(make_block(stacked, placement=places, ndim=2))
        for k in extension:
            blocks.append(make_block(columns[k][1], placement=[k], ndim=2))
        manager = BlockManager(blocks, [pd.Index(names), pd.RangeIndex(n)])
        return pd.DataFrame(manager)
    except (ImportError, TypeError, ValueError, AttributeError, AssertionError):
        return pd.DataFrame(dict(columns))


def _frame(handle, index, account_names, theme_names):
    pd = _compat.require_pandas()
    cols = _capi.CFollowupColumns()
    _lib.check(lib.candor_followup_queue_columns(handle, ctypes.byref(cols)))
    counts = _capi.CFollowupCounts()
    _lib.check(lib.candor_followup_queue_counts(handle, ctypes.byref(counts)))
    n = cols.n
    owners = [lib.candor_followup_owner_name(handle, k).decode("utf-8")
              for k in range(lib.candor_followup_owners(handle))]
    teams = [lib.candor_followup_team_name(handle, k).decode("utf-8")
             for k in range(lib.candor_followup_teams(handle))]
    actions = [lib.candor_followup_action(handle, k).decode("utf-8")
               for k in range(len(CATEGORIES))]
    begin = _array(cols.reason_begin, n + 1, np.int64) if n else np.zeros(1, np.int64)
    reason = _array(cols.reason, cols.n_reasons, np.int64)
    points = _array(cols.reason_points, cols.n_reasons, np.float64)
    category = _view(cols.category, n)

    def named(names, codes):
        """names[codes] as objects; code -1 (none) is None."""
        table = np.empty(len(names) + 1, dtype=object)
        table[:len(names)] = names
        return table.take(codes.astype(np.intp))

    frame = _data_frame([
        ("rank", np.arange(1, n + 1, dtype=np.int64)),
        ("account", named(account_names, _view(cols.account, n))),
        ("category", named(CATEGORIES, category)),
        ("action", named(actions, category)),
        ("owner", named(owners, _view(cols.owner, n))),
        ("team", named(teams, _view(cols.route, n))),
        ("due", _stamps(cols.due, n)),
        ("priority", _array(cols.priority, n, np.float64)),
        ("reasons", _reason_texts(begin, reason, points)),
        ("fire_alarm", category == 0),
        ("urgency", named(URGENCY, _view(cols.urgency, n))),
        ("theme", named(list(theme_names), _view(cols.theme, n))),
        ("score", _array(cols.score, n, np.float64)),
        ("responses", _array(cols.responses, n, np.int64)),
        ("lead_row", np.asarray(index).take(_view(cols.lead_row, n).astype(np.intp))
         if n else np.empty(0, dtype=object)),
        ("first_time", _stamps(cols.first_time, n)),
        ("lead_time", _stamps(cols.lead_time, n)),
        ("last_time", _stamps(cols.last_time, n)),
    ])
    case = np.repeat(np.arange(1, n + 1), np.diff(begin))
    frame.attrs["reasons"] = pd.DataFrame({
        "rank": case, "reason": np.asarray(REASONS, dtype=object)[reason], "points": points})
    frame.attrs["counts"] = {name: int(getattr(counts, name)) for name in COUNTS}
    return frame
