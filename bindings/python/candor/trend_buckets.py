"""The metric per calendar bucket (day, ISO week, month, quarter) in a time
zone: estimates with intervals, rolling and exponentially weighted estimates,
the change from the previous bucket with its minimal detectable change, and
control limits. Formulas: include/candor/trend_buckets.hpp; C ABI: the
"trend: buckets" section of include/candor.h.
"""

import ctypes

import numpy as np

from candor import _arrow
from candor import _capi
from candor import _compat
from candor import _convert
from candor import _labels
from candor import _lib
from candor import _missing
from candor._lib import Error, lib
from candor.weights import Weights

# The library's period names, and "daily", ... as the C++ ParseBucketPeriod accepts.
_PERIODS = _lib.enum_values(_capi.ENUM_PERIOD)
_PERIODS.update(daily=_PERIODS["day"], weekly=_PERIODS["week"], monthly=_PERIODS["month"],
                quarterly=_PERIODS["quarter"])


# candor_buckets_options by the name it had here (candor._capi has the mirrors).
BucketsOptions = _capi.CBucketsOptions

# candor_buckets_column values, in result order: double columns below 100,
# int64 columns from 100, int32 columns from 200 (as candor.h numbers them).
_ESTIMATE_F64 = ("value", "std_error", "ci_low", "ci_high", "effective_n")
_COLUMNS = _lib.enum_values(_capi.ENUM_BUCKETS_COLUMN)
_F64 = {name: value for name, value in _COLUMNS.items() if value < 100}
_I64 = {name: value for name, value in _COLUMNS.items() if 100 <= value < 200}
_I32 = {name: value for name, value in _COLUMNS.items() if value >= 200}


def _unix_seconds(times):
    """int64 Unix seconds from integers, floats, datetime64 or pandas datetimes
    (timezone-aware ones are converted to UTC; naive ones are taken as UTC),
    or Arrow timestamps and dates (candor._arrow)."""
    times = _arrow.as_numpy(times, "times", integers=True)
    pd = _compat.loaded_pandas()
    if pd is not None and isinstance(times, (pd.Series, pd.Index)) and \
            isinstance(times.dtype, pd.DatetimeTZDtype):
        times = times.dt.tz_convert("UTC").dt.tz_localize(None) if isinstance(times, pd.Series) \
            else times.tz_convert("UTC").tz_localize(None)
    array = np.asarray(times)
    if array.ndim != 1:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "times must be one-dimensional, got shape %s" % (array.shape,))
    if array.dtype.kind in "OUS":
        array = _convert.parse_times(array, "times")
    if array.dtype.kind == "M":
        bad = np.flatnonzero(np.isnat(array))
        if len(bad):
            raise Error("CANDOR_OUT_OF_RANGE", "time at index %d is missing (NaT)" % bad[0])
        nanos = array.astype("datetime64[ns]").astype(np.int64)
        return np.ascontiguousarray(nanos // 10**9, dtype=np.int64)
    if array.dtype.kind in "iu":
        return np.ascontiguousarray(array, dtype=np.int64)
    if array.dtype.kind == "f":
        bad = np.flatnonzero(~np.isfinite(array))
        if len(bad):
            raise Error("CANDOR_OUT_OF_RANGE",
                        "time at index %d is not finite (%r)" % (bad[0], array[bad[0]]))
        return np.ascontiguousarray(np.floor(array), dtype=np.int64)
    raise Error("CANDOR_INVALID_ARGUMENT",
                "times must be Unix seconds or datetimes, got dtype %s" % array.dtype)


def _plain_weights(weights):
    if isinstance(weights, Weights):
        if weights.is_calibration:
            raise Error("CANDOR_UNSUPPORTED",
                        "trend buckets do not carry a calibration into their variances; pass "
                        "weights.values to use the calibrated weights as plain weights")
        return weights.values
    return weights


def _options(every, tz, window_days, half_life_days, power, control_k, control_level, p_adjust):
    options = _capi.CBucketsOptions()
    _lib.check(lib.candor_buckets_options_defaults(ctypes.byref(options),
                                                   ctypes.sizeof(options)))
    key = every.lower() if isinstance(every, str) else every
    if key not in _PERIODS:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "unknown period %r; expected 'day', 'week', 'month' or 'quarter'" % (every,))
    options.every = _PERIODS[key]
    if not isinstance(tz, str):
        raise Error("CANDOR_INVALID_ARGUMENT", "tz must be an IANA name, got %r" % (tz,))
    if "\0" in tz:
        # The C library reads a NUL-terminated string: it would see only the
        # part before the NUL.
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "time zone %r is not a tz database name: it contains a NUL character" % (tz,))
    options.time_zone = tz.encode("utf-8")
    if window_days is not None:
        options.window_days = _convert._int32("window_days", window_days)
        if options.window_days <= 0:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "window_days must be positive, got %r" % (window_days,))
    if half_life_days is not None:
        options.half_life_days = _convert._float("half_life_days", half_life_days)
        if not options.half_life_days > 0:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "half_life_days must be positive, got %r" % (half_life_days,))
    options.power = _convert._float("power", power)
    options.control_k = _convert._float("control_k", control_k)
    if control_level is not None:
        options.control_level = _convert._float("control_level", control_level)
    options.p_adjust = _convert.p_adjust_code(p_adjust)
    return options


def _codes(values, n, what):
    if values is None:
        return None, None
    codes, levels = _labels.factorize_present(values, what)
    if len(codes) != n:
        raise Error("CANDOR_LENGTH_MISMATCH", "%s has %d labels but scores has %d"
                    % (what, len(codes), n))
    return codes, levels


def _read(handle):
    rows = lib.candor_buckets_rows(handle)
    columns = {"label": [lib.candor_buckets_label(handle, i).decode("utf-8")
                         for i in range(rows)]}
    for table, getter, pointer, dtype in (
            (_I32, lib.candor_buckets_column_i32, _capi.int32_p, np.int32),
            (_I64, lib.candor_buckets_column_i64, _capi.int64_p, np.int64),
            (_F64, lib.candor_buckets_column_f64, _capi.double_p, np.float64)):
        for name, code in table.items():
            out = pointer()
            _lib.check(getter(handle, code, ctypes.byref(out)))
            columns[name] = np.ctypeslib.as_array(out, shape=(rows,)).astype(dtype, copy=True) \
                if rows else np.zeros(0, dtype)
    return columns


def trend(scores, times, every="month", tz="UTC", metric="nps", weights=None, accounts=None,
          segments=None, window_days=None, half_life_days=None, *, power=0.8, control_k=3.0,
          control_level=None, p_adjust="holm", scale=None, box=None, promoter_min=None, detractor_max=None,
          interval="jeffreys", level=0.95, prior=1.0, replicates=2000, seed=42, threads=0,
          missing="error"):
    """`metric` per calendar bucket of `every` ("day", "week" (ISO, Monday
    start), "month" or "quarter") in the IANA time zone `tz`: a tz database
    name such as "UTC", "Europe/London" or "Etc/GMT+5", never a file path
    (components of 1 to 14 ASCII letters, digits, '_', '-' or '+' joined by
    '/', at most 64 characters; no NUL).

    times: Unix seconds (int64), numpy datetime64, pandas datetimes (aware
    ones converted to UTC, naive ones read as UTC), or ISO 8601 strings /
    datetime objects (a pandas object column whose offsets differ from row to
    row is fine: each is converted to UTC; no offset means UTC), in any order.
    missing: "error" (default) refuses a missing score or time; "skip"
    leaves out rows whose score, weight or time is missing, counted in the
    frame's attrs["skipped"]. weights: an
    array or a non-calibration candor.Weights; accounts: cluster labels (the
    variances become cluster-robust; Jeffreys or Wald); segments: labels, one series
    of buckets per distinct label. window_days adds rolling_* columns (the
    last N local days up to each bucket's end); half_life_days adds smoothed_*
    columns (exponential weights 2^(-age / half-life) up to each bucket's end).

    Returns a pandas DataFrame (a dict of numpy arrays without pandas), one
    row per bucket (and segment): segment (with segments), bucket (label),
    start and end (timezone-aware, end exclusive), value, std_error, ci_low,
    ci_high, n, effective_n, the rolling_* and smoothed_* columns asked for,
    previous (the row compared with, -1 if none), change (this - previous),
    change_std_error, change_ci_low, change_ci_high, change_p_value,
    change_p_adjusted (change_p_value adjusted across the changes of the
    row's series by `p_adjust`: "holm" (default; the chance of any false
    alarm in the series stays at most the level), "bh" (Benjamini-Hochberg,
    the false discovery rate) or "none"; judge a change by this column),
    changes_tested (the size of that family: the series' changes with a
    p-value), mdc (the minimal detectable change at `power`), center, lower,
    upper (control limits at center +/- control_k sigma / sqrt(effective n),
    or at the normal quantile of control_level) and flag (+1 above, -1 below,
    0 within).
    """
    options = _convert.score_options(
        metric, scale=scale, box=box, promoter_min=promoter_min, detractor_max=detractor_max,
        interval=interval, level=level, prior=prior, replicates=replicates, seed=seed,
        threads=threads)
    bucket_options = _options(every, tz, window_days, half_life_days, power, control_k,
                              control_level, p_adjust)
    weights = _plain_weights(weights)
    skipped = 0
    if _missing.check_choice(missing):
        kept, skipped = _missing.skip_rows(
            {"scores": scores, "weights": weights, "times": times, "accounts": accounts,
             "segments": segments}, times="times")
        scores, weights, times, accounts, segments = kept.values()
    scores, weights = _convert.scores_and_weights(scores, weights)
    n = len(scores)
    seconds = _unix_seconds(times)
    if len(seconds) != n:
        raise Error("CANDOR_LENGTH_MISMATCH",
                    "times has %d entries but scores has %d" % (len(seconds), n))
    account_codes, _ = _codes(accounts, n, "accounts")
    segment_codes, segment_levels = _codes(segments, n, "segments")
    handle = _capi.BucketsP()
    try:
        _lib.check(lib.candor_buckets_new(
            ctypes.byref(options), ctypes.byref(bucket_options), _convert.double_pointer(scores),
            seconds.ctypes.data_as(_capi.int64_p), n, _convert.double_pointer(weights),
            None if account_codes is None else account_codes.ctypes.data_as(_capi.int32_p),
            None if segment_codes is None else segment_codes.ctypes.data_as(_capi.int32_p),
            ctypes.byref(handle)))
    except Error as error:
        if error.status != "CANDOR_OUT_OF_RANGE":
            raise
        raise _missing.explain(error, scores) from None
    try:
        columns = _read(handle)
    finally:
        lib.candor_buckets_free(handle)
    frame = _frame(columns, tz, segment_levels, window_days is not None,
                   half_life_days is not None)
    if not isinstance(frame, dict):
        frame.attrs["skipped"] = skipped
    return frame


def _frame(columns, tz, segment_levels, rolling, smoothed):
    out = {}
    if segment_levels is not None:
        out["segment"] = [_labels._plain(segment_levels[c]) for c in columns["segment"]]
    out["bucket"] = columns["label"]
    pd = _compat.pandas()
    for edge in ("start", "end"):
        out[edge] = pd.to_datetime(columns[edge], unit="s", utc=True).tz_convert(tz) \
            if pd is not None else columns[edge]
    for name in _ESTIMATE_F64[:4]:
        out[name] = columns[name]
    out["n"] = columns["n"]
    out["effective_n"] = columns["effective_n"]
    for prefix, wanted in (("rolling_", rolling), ("smoothed_", smoothed)):
        if wanted:
            for name in _ESTIMATE_F64[:4]:
                out[prefix + name] = columns[prefix + name]
            out[prefix + "n"] = columns[prefix + "n"]
            out[prefix + "effective_n"] = columns[prefix + "effective_n"]
    out["previous"] = columns["previous"]
    for name in ("change", "change_std_error", "change_ci_low", "change_ci_high",
                 "change_p_value", "change_p_adjusted", "changes_tested", "mdc", "center",
                 "lower", "upper"):
        out[name] = columns[name]
    out["flag"] = columns["flag"]
    if pd is None:
        return {k: np.asarray(v) for k, v in out.items()}
    return pd.DataFrame(out)
