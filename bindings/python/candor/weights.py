"""Weights that correct survey scores: calibration to population totals
(raking, post-stratification, linear GREG calibration), inverse-propensity
weights for nonresponse, recency, account and role weights, trimming, and
their diagnostics. Formulas: include/candor/weight.hpp.

Calibrations return a `Weights` object. Passed as `weights=` to an estimate
(candor.nps, breakdown, compare_groups, ...) it makes the standard error
calibration-aware, as R's survey package does (include/candor/design.hpp);
its `.values` as a plain array would not.
"""

import ctypes
import dataclasses
import datetime
import re
import weakref

import numpy as np

from candor import _display
from candor import _arrow
from candor import _capi
from candor import _compat
from candor import _convert
from candor import _labels
from candor import _lib
from candor import _progress
from candor._lib import Error, lib


@_display.result
@dataclasses.dataclass(frozen=True)
class WeightSummary:
    """Diagnostics of a weight vector: sum, range, max/min (over positive
    weights), Kish effective n = (sum w)^2 / sum w^2 and design effect
    n sum w^2 / (sum w)^2."""
    sum: float
    min: float
    max: float
    max_to_min: float
    effective_n: float
    design_effect: float

    @classmethod
    def _from_c(cls, c):
        return cls(c.sum, c.min, c.max, c.max_to_min, c.effective_n, c.design_effect)


class Weights:
    """Weights made by rake, poststratify, calibrate or ipw, one per
    respondent, with what the fit did. Use it as an array (np.asarray(w),
    len(w)) or pass it as `weights=` to an estimate: a calibration's variance
    correction then comes along.

    Attributes: kind ("rake", "poststratify", "calibrate" or "ipw"), values
    (a numpy copy), summary (WeightSummary), iterations, converged, balance
    (IPW: ASMD per covariate before and after weighting), coefficients (IPW:
    term -> log-odds coefficient on the standardized design).
    """

    def __init__(self, handle, kind, relabel=None):
        self._handle = handle
        self.kind = kind
        self._relabel = relabel or {}
        self._finalizer = weakref.finalize(self, lib.candor_weights_free, handle)

    @property
    def is_calibration(self):
        """Whether these weights carry a calibration for design variances."""
        return self.kind != "ipw"

    def _live(self):
        if not self._finalizer.alive:
            raise Error("CANDOR_INVALID_ARGUMENT", "these Weights were closed")
        return self._handle

    def close(self):
        """Frees the library's handle now (also done when garbage-collected)."""
        self._finalizer()

    @property
    def values(self):
        n = ctypes.c_size_t()
        pointer = lib.candor_weights_values(self._live(), ctypes.byref(n))
        if n.value == 0 or not pointer:
            return np.empty(0)
        return np.ctypeslib.as_array(pointer, shape=(n.value,)).copy()

    def __len__(self):
        n = ctypes.c_size_t()
        lib.candor_weights_values(self._live(), ctypes.byref(n))
        return n.value

    def __array__(self, dtype=None, copy=None):
        values = self.values
        return values if dtype is None else values.astype(dtype)

    @property
    def summary(self):
        out = _capi.CWeightSummary()
        _lib.check(lib.candor_weights_summary(self._live(), ctypes.byref(out)))
        return WeightSummary._from_c(out)

    @property
    def iterations(self):
        return int(lib.candor_weights_iterations(self._live()))

    @property
    def converged(self):
        return bool(lib.candor_weights_converged(self._live()))

    @property
    def coefficients(self):
        """IPW: term -> coefficient (intercept first); {} for calibrations."""
        handle = self._live()
        name = ctypes.c_char_p()
        value = ctypes.c_double()
        out = {}
        for i in range(lib.candor_weights_terms(handle)):
            _lib.check(lib.candor_weights_term_at(handle, i, ctypes.byref(name),
                                                  ctypes.byref(value)))
            out[self._label(name.value)] = value.value
        return out

    @property
    def balance(self):
        """IPW: a DataFrame (or list of dicts without pandas) with columns
        variable, asmd_before, asmd_after; empty for calibrations."""
        handle = self._live()
        name = ctypes.c_char_p()
        before, after = ctypes.c_double(), ctypes.c_double()
        rows = []
        for i in range(lib.candor_weights_balance_count(handle)):
            _lib.check(lib.candor_weights_balance_at(handle, i, ctypes.byref(name),
                                                     ctypes.byref(before), ctypes.byref(after)))
            rows.append({"variable": self._label(name.value), "asmd_before": before.value,
                         "asmd_after": after.value})
        pd = _compat.pandas()
        if pd is None:
            return rows
        return pd.DataFrame(rows, columns=["variable", "asmd_before", "asmd_after"])

    def _label(self, raw):
        text = raw.decode("utf-8", "replace")
        return self._relabel.get(text, text)

    def __repr__(self):
        if not self._finalizer.alive:
            return "Weights(%s, closed)" % self.kind
        s = self.summary
        return ("Weights(%s, n=%d, sum=%.6g, min=%.4g, max=%.4g, effective_n=%.1f, "
                "iterations=%d, converged=%s)" % (self.kind, len(self), s.sum, s.min, s.max,
                                                  s.effective_n, self.iterations, self.converged))


def as_weight_array(weights, what="weights"):
    """A float64 array from an array-like or a Weights (its values)."""
    if isinstance(weights, Weights):
        return weights.values
    return _convert.as_float64(weights, what)


def _optional_weights(weights, n, what):
    if weights is None:
        return None
    array = as_weight_array(weights, what)
    if len(array) != n:
        raise Error("CANDOR_LENGTH_MISMATCH", "%s has %d entries but there are %d respondents"
                    % (what, len(array), n))
    return array


# ------------------------------------------------------------ calibration


def _totals(totals, what):
    """(keys, float64 totals) from a dict or pandas Series label -> total."""
    pd = _compat.pandas()
    if pd is not None and isinstance(totals, pd.Series):
        keys, values = list(totals.index), totals.to_numpy()
    elif isinstance(totals, dict):
        keys, values = list(totals.keys()), list(totals.values())
    else:
        raise Error("CANDOR_INVALID_ARGUMENT", "%s: population totals must be a dict or pandas "
                    "Series label -> total, got %s" % (what, type(totals).__name__))
    keys = [k.item() if isinstance(k, np.generic) else k for k in keys]
    return keys, _convert.as_float64(values, what + " totals")


def _relabel_error(error, name, keys):
    """The library names levels by code; say the label instead."""
    pattern = r"^((?:margin )?'?%s'?) level (\d+)" % re.escape(name)
    match = re.match(pattern, error.message)
    if match is None:
        return error
    code = int(match.group(2))
    if not 0 <= code < len(keys):
        return error
    return Error(error.status, "%s label %r%s" % (match.group(1), keys[code],
                                                   error.message[match.end():]))


class _Margins:
    """candor_margin structs and the arrays they point to (kept alive)."""

    def __init__(self, items, n):
        self.n = n
        self.keys = []
        self.names = []
        self._arrays = []
        self.structs = (_capi.CMargin * len(items))()
        for j, (name, columns, totals) in enumerate(items):
            keys, population = _totals(totals, "margin %r" % name)
            codes = _labels.codes_by_keys(columns, keys, "margin %r" % name)
            if len(codes) != n:
                raise Error("CANDOR_LENGTH_MISMATCH", "margin %r has %d labels but %s has %d"
                            % (name, len(codes), "margin %r" % self.names[0] if self.names
                               else "base_weights", n))
            encoded = _convert.c_string(name, "margin name")
            self._arrays += [codes, population, encoded]
            self.structs[j] = _capi.CMargin(encoded, codes.ctypes.data_as(_capi.int32_p),
                                            population.ctypes.data_as(_capi.double_p),
                                            len(population))
            self.keys.append(keys)
            self.names.append(name)

    def check(self, status):
        try:
            _lib.check(status)
        except Error as e:
            for name, keys in zip(self.names, self.keys):
                relabelled = _relabel_error(e, name, keys)
                if relabelled is not e:
                    raise relabelled from None
            raise


def _margin_items(margins):
    """[(name, [labels], totals)] from a dict name -> (labels, totals) or a
    list of (labels, totals) pairs."""
    if isinstance(margins, dict):
        pairs = list(margins.items())
    elif isinstance(margins, (list, tuple)):
        pairs = []
        for j, pair in enumerate(margins):
            labels = pair[0] if isinstance(pair, (list, tuple)) and len(pair) == 2 else None
            name = getattr(labels, "name", None)
            pairs.append((str(name) if name is not None else "margin %d" % j, pair))
    else:
        raise Error("CANDOR_INVALID_ARGUMENT", "margins must be a dict name -> (labels, totals), "
                    "got %s" % type(margins).__name__)
    items = []
    for name, pair in pairs:
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2):
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "margin %r must be a (labels, totals) pair" % (name,))
        labels, totals = pair
        items.append((str(name), [_labels.as_labels(labels, "margin %r" % name)], totals))
    if not items:
        raise Error("CANDOR_INVALID_ARGUMENT", "rake needs at least one margin")
    return items


def _weight_options(**fields):
    options = _capi.CWeightOptions()
    _lib.check(lib.candor_weight_options_defaults(ctypes.byref(options), ctypes.sizeof(options)))
    for name, value in fields.items():
        setattr(options, name, value)
    return options


def _fit(progress, what, options, call, check=_lib.check):
    """Runs call(options pointer, handle pointer) with `progress` (None, True
    or a callable; see candor._progress) and returns the handle. A callback
    that returns False makes it raise candor.Error CANDOR_CANCELLED; Ctrl-C,
    KeyboardInterrupt."""
    handle = _capi.WeightsP()
    with _progress.hook(progress, what) as hook:
        options.progress = hook.callback
        status = call(ctypes.byref(options), ctypes.byref(handle))
    hook.check(0, lambda: lib.candor_weights_free(handle))
    check(status)
    return handle


def rake(margins, base_weights=None, max_iterations=100, tolerance=1e-10, progress=None):
    """Iterative proportional fitting (raking) to population margins, as R's
    survey::rake.

    margins: dict name -> (labels, totals), labels one per respondent (array,
    list or pandas Series) and totals a dict or pandas Series label ->
    population total. A respondent label without a total is an error naming
    it; a label with a positive total but no respondents is CANDOR_EMPTY.
    Raises CANDOR_NOT_CONVERGED when the margins are not met.

    progress: True shows a bar on stderr; a callable gets (iterations done,
    max_iterations) and may return False to stop (CANDOR_CANCELLED). Ctrl-C
    stops it with KeyboardInterrupt (candor._progress).
    """
    items = _margin_items(margins)
    n = len(items[0][1][0])
    base = _optional_weights(base_weights, n, "base_weights")
    built = _Margins(items, n)
    fields = {"max_iterations": _convert._int32("max_iterations", max_iterations),
              "tolerance": _convert._float("tolerance", tolerance)}
    # 0 takes the default, as candor_rake does.
    options = _weight_options(**{k: v for k, v in fields.items() if v != 0})
    handle = _fit(progress, "raking", options,
                  lambda o, h: lib.candor_rake_v2(o, _convert.double_pointer(base), n,
                                                  built.structs, len(items), h),
                  built.check)
    return Weights(handle, "rake")


def poststratify(cells, totals, base_weights=None, progress=None):
    """Post-stratification to population cell totals (survey::postStratify).

    cells: one array of labels, or several (a list, dict or DataFrame of
    columns) whose combinations are the joint cells; totals: dict or Series
    label -> total, keyed by tuples of labels for several columns.
    progress: None, True (a bar on stderr) or a callable(respondents done, n)
    that may return False to stop (CANDOR_CANCELLED); Ctrl-C stops it.
    """
    names, columns = _labels.named_columns(cells)
    columns = [_labels.as_labels(c, "cells column %r" % name) for name, c in zip(names, columns)]
    n = len(columns[0])
    for name, c in zip(names, columns):
        if len(c) != n:
            raise Error("CANDOR_LENGTH_MISMATCH", "cells column %r has %d labels but %r has %d"
                        % (name, len(c), names[0], n))
    base = _optional_weights(base_weights, n, "base_weights")
    name = names[0] if len(names) == 1 and names[0] != "segment" else "cells"
    built = _Margins([(name, columns, totals)], n)
    handle = _fit(progress, "post-stratification", _weight_options(),
                  lambda o, h: lib.candor_poststratify_v2(o, _convert.double_pointer(base), n,
                                                          built.structs, h),
                  built.check)
    return Weights(handle, "poststratify")


def _numeric_matrix(x):
    """(names, row-major float64 n x p) from a DataFrame, dict, 1-D or 2-D array."""
    pd = _compat.pandas()
    if pd is not None and isinstance(x, pd.DataFrame):
        names, columns = [str(c) for c in x.columns], [x[c] for c in x.columns]
    elif _arrow.is_arrow(x):
        columns = _arrow.table_columns(x, "x")
        names, columns = list(columns), list(columns.values())
    elif isinstance(x, dict):
        names, columns = [str(k) for k in x], list(x.values())
    else:
        array = np.asarray(x)
        if array.ndim == 1:
            array = array[:, None]
        if array.ndim != 2:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "x must be two-dimensional, got shape %s" % (array.shape,))
        names, columns = list(range(array.shape[1])), [array[:, j] for j in range(array.shape[1])]
    matrix = []
    for name, column in zip(names, columns):
        values = np.asarray(_arrow.as_numpy(column, "calibration column %r" % name,
                                            integers=True))
        if values.dtype.kind not in "biuf":
            raise Error("CANDOR_INVALID_ARGUMENT", "calibration column %r is not numeric (dtype "
                        "%s); code categories as indicator columns, e.g. pandas.get_dummies"
                        % (name, values.dtype))
        matrix.append(_convert.as_float64(values, "calibration column %r" % (name,)))
    lengths = {len(c) for c in matrix}
    if len(lengths) > 1:
        raise Error("CANDOR_LENGTH_MISMATCH", "calibration columns differ in length: %s"
                    % sorted(lengths))
    if not matrix:
        raise Error("CANDOR_INVALID_ARGUMENT", "x has no columns")
    return names, matrix


def calibrate(x, totals, base_weights=None, intercept_total=None, progress=None):
    """Linear (GREG) calibration, survey::calibrate(calfun = "linear"):
    w = w0 (1 + x' lambda) with sum w x = totals.

    x: numeric calibration variables (DataFrame, dict name -> array, or 2-D
    array, one row per respondent); totals: their population totals, an
    array in column order or a dict by column name (index for arrays). To
    calibrate the population size too, include a column of 1s whose total is
    N, or pass intercept_total=N to add it. Weights may come out negative
    (as in survey) when totals are far from the sample's: see .summary.min.
    progress: None, True (a bar on stderr) or a callable(steps done, 10) that
    may return False to stop (CANDOR_CANCELLED); Ctrl-C stops it.
    """
    names, matrix = _numeric_matrix(x)
    if isinstance(totals, dict) or (_compat.pandas() is not None
                                    and isinstance(totals, _compat.pandas().Series)):
        lookup = dict(totals)
        missing = [name for name in names if name not in lookup]
        extra = [k for k in lookup if k not in names]
        if missing or extra:
            raise Error("CANDOR_INVALID_ARGUMENT", "calibration totals: no total for columns %s%s"
                        % (missing, "; totals for unknown columns %s" % extra if extra else ""))
        target = [lookup[name] for name in names]
    else:
        target = list(_convert.as_float64(totals, "totals"))
        if len(target) != len(matrix):
            raise Error("CANDOR_LENGTH_MISMATCH", "x has %d columns but totals has %d entries"
                        % (len(matrix), len(target)))
    n = len(matrix[0])
    if intercept_total is not None:
        matrix.insert(0, np.ones(n))
        target.insert(0, _convert._float("intercept_total", intercept_total))
    x_rows = np.ascontiguousarray(np.column_stack(matrix), dtype=np.float64)
    target = _convert.as_float64(target, "totals")
    base = _optional_weights(base_weights, n, "base_weights")
    handle = _fit(progress, "linear calibration", _weight_options(),
                  lambda o, h: lib.candor_calibrate_linear_v2(
                      o, _convert.double_pointer(base), n,
                      _convert.double_pointer(x_rows.reshape(-1)), len(target),
                      _convert.double_pointer(target), h))
    return Weights(handle, "calibrate")


# ------------------------------------------------------------ nonresponse


def _is_numeric(values):
    pd = _compat.pandas()
    dtype = getattr(values, "dtype", None)
    if pd is not None and isinstance(dtype, pd.CategoricalDtype):
        return False
    if dtype is None:
        dtype = np.asarray(values).dtype
    return dtype.kind in "iuf"


def ipw(responded, covariates, l2_penalty=0.0, progress=None):
    """Inverse-propensity weights from an (L2-penalized) logistic regression of
    responded (0/1 or bool per invited customer) on covariates (DataFrame or
    dict name -> array over all invited customers).

    Numeric columns enter standardized over the population with the divisor-n
    sd (sklearn's StandardScaler); object, categorical and bool columns
    one-hot, the first (sorted) label the reference. Coefficients are keyed
    "(Intercept)", "name", "name=label". The weights are 1 / p_hat, one per
    respondent in population order. Separation or collinearity without a
    penalty raises CANDOR_NOT_CONVERGED; l2_penalty = lambda is sklearn's
    C = 1 / lambda. progress: None, True (a bar on stderr) or a
    callable(Newton iterations done, 100) that may return False to stop
    (CANDOR_CANCELLED); Ctrl-C stops it.
    """
    flags = _convert.zero_one(responded, "responded")
    pd = _compat.pandas()
    if pd is not None and isinstance(covariates, pd.DataFrame):
        items = [(str(c), covariates[c]) for c in covariates.columns]
    elif _arrow.is_arrow(covariates):
        items = list(_arrow.table_columns(covariates, "covariates").items())
    elif isinstance(covariates, dict):
        items = [(str(k), _arrow.as_numpy(v, "covariate %r" % k, integers=True))
                 for k, v in covariates.items()]
    else:
        raise Error("CANDOR_INVALID_ARGUMENT", "covariates must be a DataFrame, a dict "
                    "name -> array or an Arrow table, got %s" % type(covariates).__name__)
    structs = (_capi.CCovariate * len(items))()
    keep = []
    relabel = {}
    for j, (name, column) in enumerate(items):
        encoded = _convert.c_string(name, "covariate name")
        keep.append(encoded)
        if _is_numeric(column):
            values = _convert.as_float64(column, "covariate %r" % name)
            if len(values) != len(flags):
                raise _length_error(name, len(values), len(flags))
            keep.append(values)
            structs[j] = _capi.CCovariate(encoded, values.ctypes.data_as(_capi.double_p), None, 0)
        else:
            codes, levels = _labels.factorize_present(column, "covariate %r" % name)
            if len(codes) != len(flags):
                raise _length_error(name, len(codes), len(flags))
            keep.append(codes)
            structs[j] = _capi.CCovariate(encoded, None, codes.ctypes.data_as(_capi.int32_p),
                                          len(levels))
            for k, level in enumerate(levels):
                relabel["%s=%d" % (name, k)] = "%s=%s" % (name, _labels._plain(level))
    options = _weight_options(l2_penalty=_convert._float("l2_penalty", l2_penalty))
    handle = _fit(progress, "inverse-propensity weighting", options,
                  lambda o, h: lib.candor_ipw_v2(o, flags.ctypes.data_as(_capi.uint8_p),
                                                 len(flags), structs, len(items), h))
    return Weights(handle, "ipw", relabel)


def _length_error(name, got, expected):
    return Error("CANDOR_LENGTH_MISMATCH", "covariate %r has %d values but responded has %d"
                 % (name, got, expected))


@_display.result
@dataclasses.dataclass(frozen=True)
class ResponseRateRow:
    segments: dict
    invited: int
    responded: int
    rate: float
    ci_low: float
    ci_high: float


def response_rates(responded, by=None, level=0.95):
    """Response rates with Wilson intervals, overall or per segment (`by`: one
    array of labels, or several columns as a list, dict or DataFrame, whose
    combinations are the segments). Returns a DataFrame (segment columns,
    invited, responded, rate, ci_low, ci_high), or a list of ResponseRateRow
    without pandas."""
    flags = _convert.zero_one(responded, "responded")
    if by is None:
        names, codes, labels = [], None, [()]
    else:
        names, columns = _labels.named_columns(by)
        codes, labels = _labels.joint_codes(columns, "by")
        if len(codes) != len(flags):
            raise Error("CANDOR_LENGTH_MISMATCH", "by has %d labels but responded has %d"
                        % (len(codes), len(flags)))
    out = (_capi.CResponseRate * len(labels))()
    _lib.check(lib.candor_response_rates(
        flags.ctypes.data_as(_capi.uint8_p),
        None if codes is None else codes.ctypes.data_as(_capi.int32_p), len(flags), len(labels),
        _convert._float("level", level), out))
    rows = [ResponseRateRow(dict(zip(names, labels[j])), int(r.invited), int(r.responded),
                            r.rate, r.ci_low, r.ci_high) for j, r in enumerate(out)]
    pd = _compat.pandas()
    if pd is None:
        return rows
    data = {name: [r.segments[name] for r in rows] for name in names}
    for field in ("invited", "responded", "rate", "ci_low", "ci_high"):
        data[field] = [getattr(r, field) for r in rows]
    return pd.DataFrame(data)


# ----------------------------------------------------------- plain vectors


def weight_summary(weights):
    """WeightSummary of an array of weights or a Weights."""
    w = as_weight_array(weights)
    out = _capi.CWeightSummary()
    _lib.check(lib.candor_weight_summarize(_convert.double_pointer(w), len(w), ctypes.byref(out)))
    return WeightSummary._from_c(out)


def trim_weights(weights, ratio=20, quantiles=None):
    """Caps weights at ratio * mean, or with quantiles=(lo, hi) winsorizes them
    at those sample quantiles (numpy's default linear interpolation), then
    rescales so the sum is kept. Returns a new array."""
    w = as_weight_array(weights)
    out = np.empty_like(w)
    if quantiles is not None:
        try:
            low, high = quantiles
        except (TypeError, ValueError):
            raise Error("CANDOR_INVALID_ARGUMENT", "quantiles must be a (lower, upper) pair, "
                        "got %r" % (quantiles,)) from None
        args = (0.0, _convert._float("lower quantile", low),
                _convert._float("upper quantile", high))
    else:
        ratio = _convert._float("ratio", ratio)
        if not ratio > 0:
            raise Error("CANDOR_INVALID_ARGUMENT", "ratio must be positive, got %r" % ratio)
        args = (ratio, 0.0, 0.0)
    _lib.check(lib.candor_trim_weights(_convert.double_pointer(w), len(w), *args,
                                       _convert.double_pointer(out)))
    return out


def _unix_seconds(times, what):
    """int64 Unix seconds from datetime64 / pandas datetimes (UTC for
    tz-aware), integer seconds or Arrow timestamps and dates."""
    times = _arrow.as_numpy(times, what, integers=True)
    pd = _compat.loaded_pandas()
    if pd is not None and isinstance(times, (pd.Series, pd.Index)) \
            and isinstance(times.dtype, pd.DatetimeTZDtype):
        times = times.tz_convert("UTC").tz_localize(None) if isinstance(times, pd.Index) \
            else times.dt.tz_convert("UTC").dt.tz_localize(None)
    if pd is not None and isinstance(times, (pd.Series, pd.Index)):
        times = times.to_numpy()
    array = np.asarray(times)
    if array.dtype.kind in "OUS" and array.ndim == 1:
        # ISO 8601 strings (offsets may differ per row) or datetime objects: UTC.
        array = _convert.parse_times(array, what)
    if array.dtype.kind == "M":
        bad = np.flatnonzero(np.isnat(array))
        if len(bad):
            raise Error("CANDOR_OUT_OF_RANGE", "%s at index %d is NaT" % (what, int(bad[0])))
        return np.ascontiguousarray(array.astype("datetime64[s]").astype(np.int64))
    if array.dtype.kind in "iu":
        return np.ascontiguousarray(array, dtype=np.int64)
    if array.dtype.kind == "f":
        bad = np.flatnonzero(~np.isfinite(array) | (array != np.round(array)))
        if len(bad):
            raise Error("CANDOR_OUT_OF_RANGE", "%s at index %d is %r, not whole Unix seconds"
                        % (what, int(bad[0]), array[bad[0]]))
        return np.ascontiguousarray(array, dtype=np.int64)
    raise Error("CANDOR_INVALID_ARGUMENT", "%s must be datetime64 or integer Unix seconds, got "
                "dtype %s" % (what, array.dtype))


def recency_weights(times, half_life_days, reference=None):
    """0.5 ** ((reference - t) / half_life): times as datetime64 (pandas
    datetimes; tz-aware ones in UTC) or integer Unix seconds; reference (same
    kinds, a scalar) defaults to the latest time. A time after the reference
    is CANDOR_OUT_OF_RANGE."""
    times = _arrow.as_numpy(times, "times", integers=True)
    seconds = _unix_seconds(times if np.ndim(times) else [times], "times")
    if reference is None:
        if len(seconds) == 0:
            raise Error("CANDOR_EMPTY", "no times: give a reference time")
        reference_seconds = int(seconds.max())
    else:
        if _compat.pandas() is not None and isinstance(reference, _compat.pandas().Timestamp):
            reference = reference.tz_convert("UTC").tz_localize(None) \
                if reference.tzinfo is not None else reference
            reference = reference.to_datetime64()
        elif isinstance(reference, datetime.datetime) and reference.tzinfo is not None:
            reference = reference.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        if isinstance(reference, datetime.datetime):
            reference = np.datetime64(reference)
        reference_seconds = int(_unix_seconds(np.array([reference]), "reference")[0])
    out = np.empty(len(seconds))
    _lib.check(lib.candor_recency_weights(seconds.ctypes.data_as(_capi.int64_p),
                                          len(seconds), _convert._float("half_life_days",
                                                                        half_life_days),
                                          reference_seconds, _convert.double_pointer(out)))
    return out


def account_weights(accounts, mode="equal", value=None, roles=None, role_weights=None):
    """How much each account counts, spread over its responses in proportion
    to role weights: mode "equal" (each account's responses sum to 1),
    "per_response" (each response counts its role weight) or "by_value"
    (each account's responses sum to its value: ARR, seats).

    accounts: labels (any dtype). value: per response (constant within an
    account) or a dict account -> value. roles: labels per response
    with role_weights a dict label -> weight (every role present needs one).
    """
    codes, levels = _labels.factorize_present(accounts, "accounts")
    n = len(codes)
    mode_code = _convert._choice("account mode", mode, _lib.ACCOUNT_MODES)
    values = None
    if value is not None:
        if isinstance(value, dict):
            keys, totals = _totals(value, "account values")
            per_level = totals[_labels.codes_by_keys([np.asarray(levels, dtype=object)], keys,
                                                     "account values")]
            values = np.ascontiguousarray(per_level[codes])
        else:
            values = _convert.as_float64(value, "value")
            if len(values) != n:
                raise Error("CANDOR_LENGTH_MISMATCH", "value has %d entries but accounts has %d"
                            % (len(values), n))
    if (roles is None) != (role_weights is None):
        raise Error("CANDOR_INVALID_ARGUMENT", "give roles and role_weights together")
    role_codes, weights_by_role = None, None
    if roles is not None:
        keys, weights_by_role = _totals(role_weights, "role_weights")
        role_codes = _labels.codes_by_keys([_labels.as_labels(roles, "roles")], keys,
                                           "roles")
        if len(role_codes) != n:
            raise Error("CANDOR_LENGTH_MISMATCH", "roles has %d labels but accounts has %d"
                        % (len(role_codes), n))
    out = np.empty(n)
    _lib.check(lib.candor_account_weights(
        codes.ctypes.data_as(_capi.int32_p), n, mode_code, _convert.double_pointer(values),
        None if role_codes is None else role_codes.ctypes.data_as(_capi.int32_p),
        _convert.double_pointer(weights_by_role),
        0 if weights_by_role is None else len(weights_by_role), _convert.double_pointer(out)))
    return out


def combine_weights(*parts):
    """The product of weight vectors (arrays or Weights; None is skipped),
    rescaled to mean 1."""
    arrays = [as_weight_array(p, "part %d" % j) for j, p in enumerate(parts) if p is not None]
    if not arrays:
        raise Error("CANDOR_INVALID_ARGUMENT", "combine_weights needs at least one weight vector")
    n = len(arrays[0])
    for j, a in enumerate(arrays):
        if len(a) != n:
            raise Error("CANDOR_LENGTH_MISMATCH", "weight vector %d has %d entries but the first "
                        "has %d" % (j, len(a), n))
    pointers = (_capi.double_p * len(arrays))(*[_convert.double_pointer(a) for a in arrays])
    out = np.empty(n)
    _lib.check(lib.candor_combine_weights(pointers, len(arrays), n, _convert.double_pointer(out)))
    return out
