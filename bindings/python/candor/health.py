"""Customer health scorecards that explain themselves: a per-account table of
measures -> a 0-100 score, a grade, each measure's points and contribution,
the share of the scorecard with data (coverage) and the top reasons in words.
The rules: include/candor/health.hpp; the JSON form: docs/health-scorecard.md;
C ABI: the "customer health" section of include/candor.h.

    card = candor.Scorecard.load("card.json")        # or from_json(text), from_dict(d)
    df = candor.health(accounts, card, segment="plan")
    df[["score", "grade", "coverage", "reasons"]]

Whether the score predicts churn: candor.auc(-df.score, churned),
candor.concordance(-df.score, tenure, churned), candor.kaplan_meier(tenure,
churned, df.grade).
"""

import ctypes
import json
import os

import numpy as np

from candor import _arrow
from candor import _capi
from candor import _compat
from candor import _convert
from candor import _labels
from candor import _lib
from candor._lib import Error, lib

# Words a boolean column may hold, as 1 / 0.
_FLAG_WORDS = {"yes": 1.0, "no": 0.0, "true": 1.0, "false": 0.0, "y": 1.0, "n": 0.0}


class Scorecard:
    """A scorecard (a handle on the library's). Make one with load(path),
    from_json(text) or from_dict(d); `measures` lists the columns it reads,
    `grades` its grade names, best first."""

    def __init__(self, handle):
        self._handle = handle
        self.measures = [lib.candor_scorecard_measure_name(handle, i).decode("utf-8")
                         for i in range(lib.candor_scorecard_measures(handle))]
        self.labels = [lib.candor_scorecard_measure_label(handle, i).decode("utf-8")
                       for i in range(len(self.measures))]
        self.grades = [lib.candor_scorecard_grade_name(handle, k).decode("utf-8")
                       for k in range(lib.candor_scorecard_grades(handle))]

    @classmethod
    def from_json(cls, text):
        """A scorecard from its JSON text (str or bytes); errors name the field."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        handle = _capi.ScorecardP()
        _lib.check(lib.candor_scorecard_from_json(data, len(data), ctypes.byref(handle)))
        return cls(handle)

    @classmethod
    def from_dict(cls, spec):
        """A scorecard from the dict the JSON form parses to."""
        return cls.from_json(json.dumps(spec))

    @classmethod
    def load(cls, path):
        """A scorecard from a JSON file."""
        with open(os.fspath(path), "rb") as f:
            return cls.from_json(f.read())

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle:
            lib.candor_scorecard_free(handle)
            self._handle = None

    def __repr__(self):
        return "Scorecard(measures=%r, grades=%r)" % (self.measures, self.grades)


def _as_scorecard(card):
    if isinstance(card, Scorecard):
        return card
    if isinstance(card, dict):
        return Scorecard.from_dict(card)
    if isinstance(card, (str, bytes, os.PathLike)):
        text = card if isinstance(card, (str, bytes)) else None
        if text is not None and text.lstrip()[:1] in ("{", b"{"):
            return Scorecard.from_json(text)
        return Scorecard.load(card)
    raise Error("CANDOR_INVALID_ARGUMENT", "scorecard must be a Scorecard, a dict, JSON text "
                "or a path, got %r" % type(card).__name__)


def _measure_values(values, name):
    """A column as float64: numbers, booleans, or yes/no/true/false words;
    None, NaN and empty strings are missing (NaN)."""
    array = np.asarray(_arrow.as_numpy(values, name))
    if array.dtype.kind in "fiub":
        return np.ascontiguousarray(array, dtype=np.float64)
    out = np.empty(len(array), dtype=np.float64)
    for i, v in enumerate(array):
        if v is None or (isinstance(v, float) and np.isnan(v)):
            out[i] = np.nan
        elif isinstance(v, str):
            word = v.strip().lower()
            if word in ("", "na", "nan"):
                out[i] = np.nan
            elif word in _FLAG_WORDS:
                out[i] = _FLAG_WORDS[word]
            else:
                try:
                    out[i] = float(word)
                except ValueError:
                    raise Error("CANDOR_INVALID_ARGUMENT", "column %r row %d: %r is not a "
                                "number or yes/no/true/false" % (name, i, v)) from None
        else:
            out[i] = float(v)
    return out


def _table_columns(table, names):
    """The named columns of a DataFrame or a dict of columns, as float64."""
    columns = {}
    for name in names:
        try:
            values = table[name]
        except (KeyError, IndexError):
            have = list(table.keys()) if hasattr(table, "keys") else []
            raise Error("CANDOR_INVALID_ARGUMENT", "the scorecard's measure %r is not a column "
                        "of the table (it has %s)" % (name, ", ".join(map(repr, have))))
        columns[name] = _measure_values(values, name)
    lengths = {len(v) for v in columns.values()}
    if len(lengths) > 1:
        raise Error("CANDOR_LENGTH_MISMATCH", "the measure columns differ in length: %s"
                    % sorted(lengths))
    return columns


class _CTable:
    """The arguments candor_health_score and candor_health_suggest_weights
    take for a table: its scorecard's columns as float64 and the segment
    codes; the arrays live as long as this object."""

    def __init__(self, table, card, segment):
        columns = _table_columns(table, card.measures)
        self.n = len(next(iter(columns.values())))
        self.codes = None
        segment_names = []
        if segment is not None:
            labels = table[segment] if isinstance(segment, str) else segment
            self.codes, levels = _labels.factorize_present(labels, "segment")
            if len(self.codes) != self.n:
                raise Error("CANDOR_LENGTH_MISMATCH", "segment has %d entries but the table %d "
                            "rows" % (len(self.codes), self.n))
            segment_names = [str(_labels._plain(level)) for level in levels]
        names = list(columns)
        self.columns = columns
        self.names = (ctypes.c_char_p * max(1, len(names)))(*[k.encode("utf-8") for k in names])
        self.pointers = (_capi.double_p * max(1, len(names)))(
            *[_convert.double_pointer(columns[k]) for k in names])
        self.n_columns = len(names)
        self.segment_names = (ctypes.c_char_p * max(1, len(segment_names)))(
            *[k.encode("utf-8") for k in segment_names])
        self.n_segments = len(segment_names)

    def arguments(self):
        """names, columns, n_columns, n, segment, segment_names, n_segments."""
        return (self.names, self.pointers, self.n_columns, self.n,
                None if self.codes is None else self.codes.ctypes.data_as(_capi.int32_p),
                self.segment_names if self.n_segments else None, self.n_segments)


def health(table, scorecard, segment=None, *, as_of=None, time=None, account=None,
           previous=None, std_errors=None, grade_step_days=7, grade_max_steps=104,
           level=0.95):
    """Scores every account (row) of `table` (a DataFrame or a dict of
    columns) with `scorecard` (a Scorecard, a dict, JSON text or a path).
    segment: a column name or an array of labels, for percentiles and
    z-scores within segments and for the scorecard's profiles.

    Returns a DataFrame (index: the table's) with score (0-100, NaN without
    data), grade (its name; None without a score), coverage (0-1: the share
    of the scorecard's weight with data), reasons (the top reasons in words,
    "; "-joined), and per measure m: "points:m" (0-100, NaN when missing),
    "contribution:m" and "max_contribution:m" (score = the sum of the
    contributions; the max_contributions sum to 100).

    As of a cut-off (as_of given): `table` is a dated history, a row per
    account and time (`time`: the name of its time column, or the times;
    `account`: likewise the account ids), NaN where a row does not record a
    measure. Each account is scored from its latest value of each measure in
    rows with time < as_of (nothing at or after it is read: no leakage when
    validating against later churn). Times and as_of / previous: datetimes,
    ISO strings or Unix seconds (naive times are UTC). The result has one row
    per account (index: the account ids, sorted), and also days_in_grade (the
    days back to the earliest snapshot, every grade_step_days, of the
    unbroken run in the current grade, up to grade_max_steps snapshots; NaN
    without a grade) and days_in_grade_capped. With `previous` (a time
    before as_of): momentum = score(as_of) - score(previous), its
    momentum_std_error by the delta method from the measures with standard
    errors (std_errors: {measure: the column of its standard errors}, e.g. a
    survey measure's), momentum_ci_low / momentum_ci_high at `level`, and
    momentum_note saying why an interval is absent: "no score", "no sampling
    error known" (no measure with data has a standard error; not an exact
    change), or "no error found" (the sampled measures read the same rows in
    both snapshots with the same weights, or their points are clamped).
    Only linear measures carry error (see include/candor/health_history.hpp).
    `table` may also be an Arrow record batch or table (candor._arrow)."""
    pd = _compat.require_pandas()
    table = _arrow.as_frame(table, "table")
    if as_of is not None:
        return _health_as_of(pd, table, scorecard, segment, as_of, time, account, previous,
                             std_errors, grade_step_days, grade_max_steps, level)
    for name, value in (("time", time), ("account", account), ("previous", previous),
                        ("std_errors", std_errors)):
        if value is not None:
            raise Error("CANDOR_INVALID_ARGUMENT", "%s is given without as_of: it is read only "
                        "for a dated history (pass as_of)" % name)
    card = _as_scorecard(scorecard)
    c_table = _CTable(table, card, segment)
    n = c_table.n
    handle = _capi.HealthScoresP()
    _lib.check(lib.candor_health_score(card._handle, *c_table.arguments(), ctypes.byref(handle)))
    try:
        return _frame(pd, handle, card, n, getattr(table, "index", None))
    finally:
        lib.candor_health_scores_free(handle)


def _frame(pd, handle, card, n, index):
    c = _capi.CHealthColumns()
    _lib.check(lib.candor_health_scores_columns(handle, ctypes.byref(c)))
    m = c.measures

    def view(pointer, shape):  # the library's array, valid until the handle is freed
        if n == 0:
            return np.empty(shape)
        return np.ctypeslib.as_array(pointer, shape=shape)

    # Index -1 (no grade) takes the None at the end.
    grade_names = np.array(card.grades + [None], dtype=object)
    # The float columns as one block, a row per column (pandas' own layout),
    # copied once from the library's n x m arrays a slice of accounts at a
    # time (a whole transpose, or a DataFrame of 3m strided column views,
    # goes through memory many times slower).
    block = np.empty((2 + 3 * m, n))
    block[0] = view(c.score, (n,))
    block[1] = view(c.coverage, (n,))
    for matrix, first in ((c.points, 2), (c.contribution, 3), (c.max_contribution, 4)):
        rows = view(matrix, (n, m))
        for begin in range(0, n, _TRANSPOSE_ROWS):
            end = min(n, begin + _TRANSPOSE_ROWS)
            block[first::3, begin:end] = rows[begin:end].T
    names = ["score", "coverage"] + [prefix + name for name in card.measures
                                     for prefix in ("points:", "contribution:",
                                                    "max_contribution:")]
    frame = pd.DataFrame(block.T, columns=names, copy=False)
    frame.insert(1, "grade", grade_names[view(c.grade, (n,)).astype(np.intp)])
    frame.insert(3, "reasons", _reasons(handle, n, c.max_reasons))
    if index is not None and len(index) == n:
        frame.index = index
    return frame


# Accounts per slice of the transposes above (their rows fit the L2 cache).
_TRANSPOSE_ROWS = 4096

# Accounts whose reasons are asked for at once, and the bytes guessed for
# each of their reasons.
_REASON_CHUNK = 65536
_REASON_BYTES_GUESS = 64


def _reasons(handle, n, max_reasons):
    """Every account's reasons in words, one string each. The library makes
    the words on every call, so a chunk of accounts is asked into a buffer of
    a guessed size, and asked again with the size it reports only when the
    guess was short (asking the size first would make every word twice)."""
    texts = []
    length = ctypes.c_size_t()
    capacity = 0
    buffer = None
    for first in range(0, n, _REASON_CHUNK):
        count = min(_REASON_CHUNK, n - first)
        guess = count * (1 + _REASON_BYTES_GUESS * max(1, max_reasons))
        if buffer is None or capacity < guess:
            capacity = guess
            buffer = ctypes.create_string_buffer(capacity)
        status = lib.candor_health_reasons(handle, first, count, buffer, capacity,
                                           ctypes.byref(length))
        if status != 0 and length.value > capacity:
            capacity = length.value
            buffer = ctypes.create_string_buffer(capacity)
            status = lib.candor_health_reasons(handle, first, count, buffer, capacity,
                                               ctypes.byref(length))
        _lib.check(status)
        chunk = ctypes.string_at(buffer, length.value).split(b"\0")[:count]
        texts.extend(t.decode("utf-8") for t in chunk)
    return texts


def _account_segments(segment, codes, levels, rows):
    """Each account's segment code from per-row labels (all of an account's
    rows must share one), and the segment levels; `rows` names the rows in
    the length error."""
    seg_codes, seg_levels = _labels.factorize_present(segment, "segment")
    if len(seg_codes) != len(codes):
        raise Error("CANDOR_LENGTH_MISMATCH", "segment has %d entries but %s %d"
                    % (len(seg_codes), rows, len(codes)))
    account_segment = np.full(len(levels), -1, dtype=np.int32)
    for i, (a, g) in enumerate(zip(codes, seg_codes)):
        if account_segment[a] not in (-1, g):
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "segment: account %r is in two segments (%r and %r; row %d)"
                        % (levels[a], seg_levels[account_segment[a]], seg_levels[g], i))
        account_segment[a] = g
    return account_segment, seg_levels


def survey_measure(scores, accounts, times=None, metric="nps", *, start=None, end=None,
                   segment=None, shrink=True, **metric_options):
    """Each account's metric from its survey responses, as a health measure:
    its NPS (or csat, ...: any metric of candor.score, with scale=, box= as
    there) over the responses with start <= time < end, shrunk toward its
    segment's by empirical Bayes so that one answer from a small account
    cannot swing it, with its standard error. Formulas:
    include/candor/health_survey.hpp.

    scores, accounts (labels) and times (Unix seconds or datetimes; None:
    every response counts) are per response; segment: per-response labels
    (each account's responses must share one) or None. start / end: Unix
    seconds or datetimes (None: open).

    Returns a DataFrame indexed by account (in order of first appearance):
    value (the measure; NaN without responses in the window), std_error,
    raw (the account's own metric), shrinkage (the weight on it, 0-1),
    responses."""
    pd = _compat.require_pandas()
    values = _convert.as_float64(scores, "scores")
    codes, levels = _labels.factorize_present(accounts, "accounts")
    n = len(values)
    if len(codes) != n:
        raise Error("CANDOR_LENGTH_MISMATCH",
                    "accounts has %d entries but scores %d" % (len(codes), n))
    time_array = None
    if times is not None:
        time_array = _convert.unix_seconds(times, "times")
        if len(time_array) != n:
            raise Error("CANDOR_LENGTH_MISMATCH",
                        "times has %d entries but scores %d" % (len(time_array), n))
    account_segment, segment_names = None, []
    if segment is not None:
        account_segment, segment_names = _account_segments(segment, codes, levels, "scores")
    options = _capi.CSurveyMeasureOptions()
    _lib.check(lib.candor_survey_measure_options_defaults(ctypes.byref(options),
                                                          ctypes.sizeof(options)))
    if start is not None:
        setattr(options, "from", int(_convert.unix_seconds([start] if np.ndim(start) == 0
                                                           else start, "start")[0]))
    if end is not None:
        options.to = int(_convert.unix_seconds([end] if np.ndim(end) == 0 else end, "end")[0])
    options.shrink = 1 if shrink else 0
    score_options = _convert.score_options(metric, **metric_options)
    k = len(levels)
    out = {name: np.empty(k) for name in ("value", "std_error", "raw", "shrinkage")}
    responses = np.empty(k, dtype=np.int64)
    segments = (_capi.CSurveySegment * max(1, len(segment_names)))()
    _lib.check(lib.candor_account_survey_measure(
        ctypes.byref(score_options), ctypes.byref(options), _convert.double_pointer(values),
        None if time_array is None else time_array.ctypes.data_as(_capi.int64_p),
        codes.ctypes.data_as(_capi.int32_p), n, k,
        None if account_segment is None else account_segment.ctypes.data_as(_capi.int32_p),
        len(segment_names), *[out[name].ctypes.data_as(_capi.double_p) for name in
                              ("value", "std_error", "raw", "shrinkage")],
        responses.ctypes.data_as(_capi.int64_p), segments))
    frame = pd.DataFrame(dict(out, responses=responses),
                         index=pd.Index(levels, name="account"))
    return frame


# ---------------------------------------------------------------- as of a cut-off

# Why a momentum has no interval, by (change NaN, std_error NaN, std_error 0).
_NO_SCORE = "no score"
_NO_SAMPLING_ERROR = "no sampling error known"
_NO_ERROR_FOUND = "no error found"
_MOMENTUM_METHOD = ("delta method over the measures with standard errors: only linear "
                    "measures carry error, other transforms are taken as exact; rows that "
                    "differ between the snapshots are independent")


def _column(table, spec, what):
    """A column named by `spec`, or `spec` itself as the values."""
    if isinstance(spec, str):
        try:
            return table[spec]
        except (KeyError, IndexError):
            have = list(table.keys()) if hasattr(table, "keys") else []
            raise Error("CANDOR_INVALID_ARGUMENT", "%s column %r is not a column of the table "
                        "(it has %s)" % (what, spec, ", ".join(map(repr, have)))) from None
    return spec


def _times(values, what):
    """int64 Unix seconds from datetimes, ISO strings or Unix seconds."""
    pd = _compat.require_pandas()
    values = _arrow.as_numpy(values, what, integers=True)
    array = np.asarray(values)
    if array.dtype.kind in "OUS":
        try:
            parsed = pd.to_datetime(pd.Series(array), utc=True)
        except (ValueError, TypeError) as e:
            raise Error("CANDOR_INVALID_ARGUMENT", "%s: not a date or time: %s" % (what, e)) \
                from None
        return _convert.unix_seconds(parsed, what)
    return _convert.unix_seconds(values if hasattr(values, "dtype") else array, what)


def _time_point(value, what):
    """One time (a datetime, Timestamp, ISO string or Unix seconds) as Unix seconds."""
    pd = _compat.require_pandas()
    if isinstance(value, (str, np.datetime64)) or hasattr(value, "year"):
        return int(_times(pd.Series([pd.Timestamp(value)]), what)[0])
    return int(_times(np.asarray([value]), what)[0])


class _CHistory:
    """A dated history as candor_health_history (`struct`) for `card`'s
    measures: account codes into `levels` (sorted ids), Unix-second `times`
    (n rows each); the arrays live as long as this object. time, account,
    segment: column names or values; std_errors: {measure: column}."""

    def __init__(self, table, card, segment, time, account, std_errors=None):
        if time is None or account is None:
            raise Error("CANDOR_INVALID_ARGUMENT", "as_of needs the history's %s column (pass "
                        "%s=)" % (("time", "time") if time is None else ("account", "account")))
        columns = _table_columns(table, card.measures)
        n = len(next(iter(columns.values())))
        self.n = n
        self.times = _times(_column(table, time, "time"), "time")
        self.codes, self.levels = _labels.factorize_present(_column(table, account, "account"),
                                                            "account")
        for name, length in (("time", len(self.times)), ("account", len(self.codes))):
            if length != n:
                raise Error("CANDOR_LENGTH_MISMATCH",
                            "%s has %d entries but the table %d rows" % (name, length, n))
        errors = {}
        for measure, name in (std_errors or {}).items():
            if measure not in columns:
                raise Error("CANDOR_INVALID_ARGUMENT", "std_errors: %r is not a measure of the "
                            "scorecard (it has %s)" % (measure, ", ".join(map(repr, columns))))
            errors[measure] = _measure_values(_column(table, name, "std_errors[%r]" % measure),
                                              name)
            if len(errors[measure]) != n:
                raise Error("CANDOR_LENGTH_MISMATCH", "std_errors[%r] has %d entries but the "
                            "table %d rows" % (measure, len(errors[measure]), n))
        k = len(self.levels)
        self.accounts = k
        account_segment, segment_names = None, []
        if segment is not None:
            account_segment, seg_levels = _account_segments(
                _column(table, segment, "segment"), self.codes, self.levels, "the table has")
            segment_names = [str(_labels._plain(level)) for level in seg_levels]
        names = list(columns)
        self._keep = [columns, errors, account_segment]
        history = _capi.CHealthHistory()
        _lib.check(lib.candor_health_history_defaults(ctypes.byref(history),
                                                      ctypes.sizeof(history)))
        history.n = n
        history.account = self.codes.ctypes.data_as(_capi.int32_p)
        history.time = self.times.ctypes.data_as(_capi.int64_p)
        history.n_accounts = k
        history.names = (ctypes.c_char_p * max(1, len(names)))(*[m.encode("utf-8")
                                                                 for m in names])
        history.columns = (_capi.double_p * max(1, len(names)))(
            *[_convert.double_pointer(columns[m]) for m in names])
        history.n_columns = len(names)
        if errors:
            history.std_error_columns = (_capi.double_p * len(names))(
                *[_convert.double_pointer(errors.get(m)) for m in names])
        if account_segment is not None:
            history.segment = account_segment.ctypes.data_as(_capi.int32_p)
            history.segment_names = (ctypes.c_char_p * max(1, len(segment_names)))(
                *[g.encode("utf-8") for g in segment_names])
            history.n_segments = len(segment_names)
        self.struct = history

    def index(self, pd, account):
        """The account ids, sorted, as a pandas Index named after `account`:
        the levels as they are (a numpy array or pandas Index keeps its
        dtype), no Python object per account."""
        return pd.Index(self.levels, name=account if isinstance(account, str) else "account")


def _health_as_of(pd, table, scorecard, segment, as_of, time, account, previous, std_errors,
                  grade_step_days, grade_max_steps, level):
    card = _as_scorecard(scorecard)
    c_history = _CHistory(table, card, segment, time, account, std_errors)
    at = _time_point(as_of, "as_of")
    before = None if previous is None else _time_point(previous, "previous")
    k = c_history.accounts
    history = c_history.struct
    handle = _capi.HealthScoresP()
    _lib.check(lib.candor_health_score_as_of(card._handle, ctypes.byref(history), at,
                                             ctypes.byref(handle)))
    try:
        frame = _frame(pd, handle, card, k, c_history.index(pd, account))
    finally:
        lib.candor_health_scores_free(handle)
    grade = np.empty(k, dtype=np.int32)
    days = np.empty(k)
    capped = np.empty(k, dtype=np.uint8)
    _lib.check(lib.candor_health_days_in_grade(
        card._handle, ctypes.byref(history), at, float(grade_step_days), int(grade_max_steps),
        grade.ctypes.data_as(_capi.int32_p), days.ctypes.data_as(_capi.double_p),
        capped.ctypes.data_as(_capi.uint8_p)))
    frame["days_in_grade"] = np.where(grade >= 0, days, np.nan)
    frame["days_in_grade_capped"] = capped.astype(bool)
    if before is not None:
        out = {name: np.empty(k) for name in ("change", "std_error", "ci_low", "ci_high")}
        _lib.check(lib.candor_health_momentum(
            card._handle, ctypes.byref(history), at, before, float(level),
            *[out[name].ctypes.data_as(_capi.double_p)
              for name in ("change", "std_error", "ci_low", "ci_high")]))
        frame["momentum"] = out["change"]
        frame["momentum_std_error"] = out["std_error"]
        frame["momentum_ci_low"] = out["ci_low"]
        frame["momentum_ci_high"] = out["ci_high"]
        note = np.full(k, "", dtype=object)
        note[np.isnan(out["ci_low"])] = _NO_ERROR_FOUND
        note[np.isnan(out["std_error"])] = _NO_SAMPLING_ERROR
        note[np.isnan(out["change"])] = _NO_SCORE
        frame["momentum_note"] = note
    frame.attrs["as_of"] = at
    if before is not None:
        frame.attrs["previous"] = before
        frame.attrs["momentum_method"] = _MOMENTUM_METHOD
    return frame
