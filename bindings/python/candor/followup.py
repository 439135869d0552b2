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
    """Each case's reasons as "detractor +30; arr +20": every pair's words
    and separator ("; " inside a case, NUL after its last) joined into one
    string and split at the NULs, each distinct points value formatted
    once; no loop over cases."""
    n = len(begin) - 1
    texts = np.full(n, "", dtype=object)
    if len(reason) == 0:
        return texts
    values, inverse = np.unique(points, return_inverse=True)
    formatted = np.asarray(["%+g" % v for v in values], dtype=object)
    labels = np.asarray([name + " " for name in REASONS], dtype=object)
    has = np.diff(begin) > 0
    last = np.zeros(len(reason), dtype=bool)
    last[begin[1:][has] - 1] = True
    tokens = np.empty(3 * len(reason), dtype=object)
    tokens[0::3] = labels[reason]
    tokens[1::3] = formatted[inverse.reshape(-1)]
    # Object arrays: numpy strings would drop a trailing NUL.
    tokens[2::3] = np.asarray(["; ", "\0"], dtype=object)[last.view(np.uint8)]
    words = "".join(tokens.tolist()).split("\0")
    pieces = np.empty(len(words) - 1, dtype=object)
    pieces[:] = words[:-1]
    texts[has] = pieces
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


def _array(pointer, n, dtype):
    if n == 0:
        return np.empty(0, dtype=dtype)
    return np.ctypeslib.as_array(pointer, shape=(n,)).astype(dtype, copy=True)


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
    category = _array(cols.category, n, np.int64)
    owner = _array(cols.owner, n, np.int64)
    route = _array(cols.route, n, np.int64)
    theme = _array(cols.theme, n, np.int64)
    account = _array(cols.account, n, np.int64)
    lead_row = _array(cols.lead_row, n, np.int64)
    texts = _reason_texts(begin, reason, points)
    names = np.asarray(account_names, dtype=object)
    owner_arr = np.asarray(owners + [None], dtype=object)
    team_arr = np.asarray(teams + [None], dtype=object)
    theme_arr = np.asarray(list(theme_names) + [None], dtype=object)
    cat_arr = np.asarray(CATEGORIES, dtype=object)

    def stamps(pointer):
        return pd.to_datetime(_array(pointer, n, np.int64), unit="s", utc=True)

    frame = pd.DataFrame({
        "rank": np.arange(1, n + 1),
        "account": names[account] if n else np.empty(0, dtype=object),
        "category": cat_arr[category],
        "action": np.asarray(actions, dtype=object)[category],
        "owner": owner_arr[owner],
        "team": team_arr[route],
        "due": stamps(cols.due),
        "priority": _array(cols.priority, n, np.float64),
        "reasons": texts,
        "fire_alarm": category == 0,
        "urgency": np.asarray(URGENCY, dtype=object)[_array(cols.urgency, n, np.int64)],
        "theme": theme_arr[theme],
        "score": _array(cols.score, n, np.float64),
        "responses": _array(cols.responses, n, np.int64),
        "lead_row": np.asarray(index)[lead_row] if n else np.empty(0, dtype=object),
        "first_time": stamps(cols.first_time),
        "lead_time": stamps(cols.lead_time),
        "last_time": stamps(cols.last_time),
    })
    case = np.repeat(np.arange(1, n + 1), np.diff(begin))
    frame.attrs["reasons"] = pd.DataFrame({
        "rank": case, "reason": np.asarray(REASONS, dtype=object)[reason], "points": points})
    frame.attrs["counts"] = {name: int(getattr(counts, name)) for name in COUNTS}
    return frame
