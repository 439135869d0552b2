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

from candor import _arrow
from candor import _capi
from candor import _compat
from candor import _lib
from candor._lib import Error, lib
from candor.text_model import analyze

CATEGORIES = ("fire_alarm", "detractor", "passive", "promoter")
REASONS = ("detractor", "passive", "very_low_score", "urgency_safety", "urgency_legal",
           "urgency_churn", "urgency_refund", "urgency_unresolved", "arr", "renewal",
           "health_decline", "repeat_detractor", "strategic_role", "poor_health_grade")
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


def _distinct_words(values):
    """(codes, words): "%+g" of values[i] is words[codes[i]], each distinct
    value worded once (found by hashing, not sorting; NaN too)."""
    pd = _compat.require_pandas()
    codes, distinct = pd.factorize(values)  # NaN as -1
    words = ["%+g" % v for v in distinct.tolist()]
    if len(codes) and codes.min() < 0:
        codes[codes < 0] = len(words)
        words.append("%+g" % np.nan)
    return codes, words


def _point_words(points):
    """(codes, words): "%+g" of points[i] is words[codes[i]]. Nonzero whole
    points (most reasons) index a table of their range, the others (arr) are
    worded once per distinct value."""
    whole = (points == np.rint(points)) & (points != 0)
    if not whole.any() or np.abs(points[whole]).max() > 1e6:
        codes, words = _distinct_words(points)
        return codes, np.asarray(words, dtype=object)
    low, high = int(points[whole].min()), int(points[whole].max())
    words = ["%+g" % float(v) for v in range(low, high + 1)]
    codes = np.empty(len(points), dtype=np.intp)
    codes[whole] = points[whole].astype(np.intp) - low
    if not whole.all():
        other_codes, others = _distinct_words(points[~whole])
        codes[~whole] = other_codes + len(words)
        words += others
    return codes, np.asarray(words, dtype=object)


def _reason_texts(begin, reason, points):
    """Each case's reasons as "detractor +30; arr +20", with no loop over
    cases or pairs: each pair is two words, its reason with the separator
    before it (NUL before a case's first, "; " before the others) and its
    points; all words are joined into one string and split at the NULs."""
    n = len(begin) - 1
    if len(reason) == 0:
        return np.full(n, "", dtype=object)
    has = begin[1:] > begin[:-1]
    first = np.zeros(len(reason), dtype=np.intp)
    first[begin[:-1][has]] = len(REASONS)
    first += reason
    # Object arrays: numpy strings would drop a leading NUL.
    labels = np.asarray(["; %s " % name for name in REASONS] +
                        ["\0%s " % name for name in REASONS], dtype=object)
    point_codes, numbers = _point_words(points)
    words = np.empty(2 * len(reason), dtype=object)
    words[0::2] = labels.take(first)
    words[1::2] = numbers.take(point_codes)
    pieces = "".join(words.tolist()).split("\0")
    del words, pieces[0]  # the piece before the first NUL
    worded = np.empty(len(pieces), dtype=object)
    worded[:] = pieces
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


def _is_list(value):
    return isinstance(value, (list, tuple, set, frozenset, np.ndarray))


def _holds_lists(values):
    """Whether a column's first present value is a list (tuple, set, array)."""
    if values.dtype != object:
        return False
    present = values.dropna()
    return len(present) > 0 and _is_list(present.iloc[0])


def _theme_lists(values, separator):
    """(offsets, ids, names) of several themes per row: each row a list of
    theme names (a list, tuple, set or array; a plain label is one theme) or,
    with a separator, one string of names joined by it (blanks trimmed,
    empty names skipped). Names sorted; NaN/None rows have no theme."""
    pd = _compat.require_pandas()
    series = pd.Series(values).reset_index(drop=True)
    if separator is not None:
        series = series.where(series.isna(), series.astype(str)).str.split(separator,
                                                                          regex=False)
    flat = series.explode()  # index: the row; an empty list or NaN: one NaN
    if separator is not None:
        flat = flat.str.strip().replace("", np.nan)
    flat = flat[flat.notna()]
    codes, names = _codes(flat)
    rows = flat.index.to_numpy()
    offsets = np.zeros(len(series) + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=len(series)), out=offsets[1:])
    return offsets, np.ascontiguousarray(codes, dtype=np.int32), names


def _pointer(array, ctype):
    return None if array is None else array.ctypes.data_as(ctypes.POINTER(ctype))


def followup(responses, accounts=None, rules=None, contacts=None, *, score="score", time="time",
             account="account", respondent="respondent", role="role", comment="comment",
             urgency="urgency", theme="theme", account_key="account", arr="arr",
             renewal="renewal", health_change="health_change", health_grade="health_grade",
             owner="owner", region="region", opt_out="opt_out", contact_respondent="respondent",
             contact_time="time", theme_separator=None, text_model=None):
    """The follow-up queue of `responses` (a DataFrame), one row per case in
    queue order: rank, account, category, action, owner, team, due (UTC),
    priority, reasons ("detractor +30; arr +20"), fire_alarm, urgency, theme,
    score, responses, lead_row (the index label of the lead response),
    first_time, lead_time, last_time; and themes (a tuple of the lead's theme
    names) when the theme column holds several themes per response.

    Optional response columns (used when present): respondent, role,
    urgency (category names), theme, comment (read for urgency when there is
    no urgency column). theme: one theme name per response, or several: a
    list (tuple, set, array) per row, or strings joined by theme_separator
    (e.g. ";"). A case's themes are its lead's; a route's theme matches when
    any of them is it; the theme column is the first of them.
    accounts: a DataFrame keyed by account_key with optional arr, renewal,
    health_change, health_grade (e.g. "A".."F"; rules' poor_health_grades
    earn points), owner, region, opt_out columns; a
    response whose account is not in it is dropped as no_account. contacts:
    earlier contacts (respondent, time) for suppression. rules: a Rules,
    dict, rules.json text or path (None: the defaults).

    attrs["counts"]: every row counted once by what happened to it;
    attrs["reasons"]: one row per (rank, reason, points)."""
    pd = _compat.require_pandas()
    # Arrow record batches or tables (candor._arrow) are read into DataFrames.
    responses = _arrow.as_frame(responses, "responses")
    accounts = _arrow.as_frame(accounts, "accounts")
    contacts = _arrow.as_frame(contacts, "contacts")
    if not isinstance(responses, pd.DataFrame):
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "responses must be a pandas DataFrame or an Arrow table")
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
        _set_named_codes(inp, accounts, ((owner, "owner"), (region, "region"),
                                         (health_grade, "health_grade")), hold)
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

    r_theme = _column(responses, theme)
    several = r_theme is not None and (theme_separator is not None or _holds_lists(r_theme))
    if several:
        offsets, ids, theme_names = _theme_lists(r_theme, theme_separator)
        array, encoded = _names(theme_names)
        hold(encoded)
        inp.theme_offsets = _pointer(hold(offsets), ctypes.c_int64)
        inp.theme_ids = _pointer(hold(ids), ctypes.c_int32)
        inp.theme_names = ctypes.cast(hold(array), _capi.char_pp)
        inp.n_theme_names = len(theme_names)
        _set_named_codes(inp, responses, ((role, "role"),), hold)
    else:
        _set_named_codes(inp, responses, ((role, "role"), (theme, "theme")), hold)
        theme_names = [] if r_theme is None else _codes(r_theme)[1]

    r_urgency = _column(responses, urgency)
    if r_urgency is None and _column(responses, comment) is not None:
        texts = responses[comment].fillna("").astype(str).tolist()
        r_urgency = (analyze(texts) if text_model is None else text_model.analyze(texts)).urgency
    if r_urgency is not None:
        inp.urgency = _pointer(hold(_urgency_codes(r_urgency)), ctypes.c_uint8)

    handle = _capi.FollowupQueueP()
    _lib.check(lib.candor_followup_build(ctypes.byref(inp), rules._handle, ctypes.byref(handle)))
    try:
        return _frame(handle, responses.index, account_names, theme_names, several)
    finally:
        lib.candor_followup_queue_free(handle)


def _view(pointer, n):
    """The library's column as a numpy view (valid until the queue is freed)."""
    if n == 0:
        return np.empty(0, dtype=np.int64)
    return np.ctypeslib.as_array(pointer, shape=(n,))


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
    if n and (seconds.max() > limit or seconds.min() < -limit):
        valid = seconds[seconds != _NO_TIME]
        if len(valid) and np.abs(valid).max() > limit:
            return pd.to_datetime(seconds, unit="s", utc=True).array
    return pd.arrays.DatetimeArray(seconds.view("datetime64[s]").astype("datetime64[ns]"),
                                   dtype=_UTC)


def _labels(index, rows, n):
    """The labels of `index` at `rows`, as pd.DataFrame(dict) would hold
    np.asarray(index)[rows] (datetimes as datetime64)."""
    pd = _compat.require_pandas()
    if not n:
        return np.empty(0, dtype=object)
    if isinstance(index, pd.RangeIndex):  # its labels, not materializing them
        labels = rows.astype(np.int64)
        labels *= index.step
        labels += index.start
        return labels
    return pd.Series(np.asarray(index).take(rows), copy=False)._values


def _block_values(values):
    """A one-column block's values: 2-D for numpy, the array for pandas'."""
    return values.reshape(1, -1) if isinstance(values, np.ndarray) else values


def _data_frame(names, blocks, n):
    """A DataFrame with a RangeIndex from blocks made by the caller: (column
    positions, values), values 2-D with one row per position or an extension
    array for one position. pd.DataFrame(dict) would stack the columns, then
    consolidate and reorder the blocks, copying each column two or three
    times (seconds at millions of rows). Falls back to pd.DataFrame(dict)
    when pandas' internals are not the ones this was written for."""
    pd = _compat.require_pandas()
    try:
        from pandas.core.internals import BlockManager
        from pandas.core.internals.api import make_block
        made = [make_block(values, placement=list(places), ndim=2) for places, values in blocks]
        return pd.DataFrame(BlockManager(made, [pd.Index(names), pd.RangeIndex(n)]))
    except (ImportError, TypeError, ValueError, AttributeError, AssertionError):
        columns = {}
        for places, values in blocks:
            for row, k in enumerate(places):
                columns[k] = values[row] if isinstance(values, np.ndarray) else values
        return pd.DataFrame({names[k]: columns[k] for k in range(len(names))})


def _case_themes(handle, theme_names, n):
    """Each case's themes as a tuple of names."""
    themes = _capi.CFollowupThemes()
    _lib.check(lib.candor_followup_queue_themes(handle, ctypes.byref(themes)))
    out = np.empty(n, dtype=object)
    if n == 0:
        return out
    begin = _view(themes.theme_begin, n + 1)
    names = np.asarray(list(theme_names) + [None], dtype=object)
    flat = names.take(_view(themes.themes, themes.n_themes)) if themes.n_themes else names[:0]
    out[:] = [tuple(part) for part in np.split(flat, begin[1:-1])]
    return out


def _frame(handle, index, account_names, theme_names, several=False):
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
    begin = _view(cols.reason_begin, n + 1) if n else np.zeros(1, np.int64)
    reason = _view(cols.reason, cols.n_reasons)
    points = _view(cols.reason_points, cols.n_reasons).astype(np.float64, copy=True)
    category = _view(cols.category, n)

    # Each numpy dtype's columns are written once, straight into the rows of
    # its block; the names are looked up by code (-1, none, wraps to the
    # trailing None).
    names = ["rank", "account", "category", "action", "owner", "team", "due", "priority",
             "reasons", "fire_alarm", "urgency", "theme", "score", "responses", "lead_row",
             "first_time", "lead_time", "last_time"]
    lead_row = _labels(index, _view(cols.lead_row, n), n)
    object_places = [1, 2, 3, 4, 5, 10, 11, 8]
    if lead_row.dtype == object:
        object_places.append(14)
    objects = np.empty((len(object_places), n), dtype=object)
    for row, (table, codes) in enumerate(((account_names, cols.account),
                                          (CATEGORIES, category), (actions, category),
                                          (owners, cols.owner), (teams, cols.route),
                                          (URGENCY, cols.urgency), (theme_names, cols.theme))):
        lookup = np.empty(len(table) + 1, dtype=object)
        lookup[:len(table)] = table
        codes = codes if isinstance(codes, np.ndarray) else _view(codes, n)
        lookup.take(codes, out=objects[row], mode="wrap")
    objects[7] = _reason_texts(begin, reason, points)
    if lead_row.dtype == object:
        objects[8] = lead_row
    blocks = []
    # pd.DataFrame(dict) would hold labels that are all datetimes (account
    # keys, themes, the index's) as datetime64: the same here.
    for row in (0, 6, 8) if lead_row.dtype == object else (0, 6):
        inferred = pd.Series(objects[row], copy=False)._values
        if inferred is not objects[row]:
            blocks.append(((object_places[row],), _block_values(inferred)))
    if blocks:
        moved = {places[0] for places, _ in blocks}
        keep = [row for row, place in enumerate(object_places) if place not in moved]
        objects, object_places = objects[keep], [object_places[row] for row in keep]
    blocks += [(object_places, objects), ((9,), (category == 0).reshape(1, n))]
    integers = np.empty((3 if lead_row.dtype == np.int64 else 2, n), dtype=np.int64)
    integers[0] = np.arange(1, n + 1)
    integers[1] = _view(cols.responses, n)
    reals = np.empty((2, n), dtype=np.float64)
    reals[0] = _view(cols.priority, n)
    reals[1] = _view(cols.score, n)
    blocks += [((0, 13, 14)[:len(integers)], integers), ((7, 12), reals)]
    if lead_row.dtype == np.int64:
        integers[2] = lead_row
    elif lead_row.dtype != object:
        blocks.append(((14,), _block_values(lead_row)))
    for k, pointer in ((6, cols.due), (15, cols.first_time), (16, cols.lead_time),
                       (17, cols.last_time)):
        blocks.append(((k,), _stamps(pointer, n)))
    if several:
        names.append("themes")
        blocks.append(((18,), _case_themes(handle, theme_names, n).reshape(1, n)))
    frame = _data_frame(names, blocks, n)
    case = np.repeat(np.arange(1, n + 1, dtype=np.int64), np.diff(begin).astype(np.intp))
    frame.attrs["reasons"] = _data_frame(
        ["rank", "reason", "points"],
        [((0,), case.reshape(1, -1)),
         ((1,), np.asarray(REASONS, dtype=object).take(reason).reshape(1, -1)),
         ((2,), points.reshape(1, -1))], len(case))
    frame.attrs["counts"] = {name: int(getattr(counts, name)) for name in COUNTS}
    return frame
