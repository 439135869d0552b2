"""Turning Python inputs into what the C ABI takes: arrays and option structs."""

import os

import numpy as np

from candor import _arrow
from candor import _capi
from candor import _compat
from candor import _lib
from candor._lib import Error

# Metrics with no conventional scale (candor_metric's that are not a
# candor_preset's name): the caller must name it.
NEEDS_SCALE = tuple(name for name in _lib.METRICS if name not in _lib.PRESETS)
# metric name -> (options preset, C metric or None to keep the preset's):
# the presets (nps, csat, ces, ces_agree), then top_box, bottom_box, mean.
_METRIC_PRESETS = dict({name: (name, None) for name in _lib.PRESETS},
                       **{name: (None, _lib.METRICS[name]) for name in NEEDS_SCALE})

_P_ADJUST_ALIASES = {"holm": "holm", "bh": "bh", "fdr": "bh", "benjamini-hochberg": "bh",
                     "none": "none", None: "none"}


def as_float64(values, what="scores"):
    """A 1-D C-contiguous float64 array; float64 C-contiguous input is not
    copied, nor is an Arrow float64 column without nulls (candor._arrow)."""
    values = _arrow.as_numpy(values, what)
    if isinstance(values, np.ndarray) and values.dtype == np.float64 and values.ndim == 1 \
            and values.flags.c_contiguous and values.dtype.isnative:
        return values
    pd = _compat.loaded_pandas()
    if pd is not None and isinstance(values, (pd.Series, pd.Index)) \
            and pd.api.types.is_extension_array_dtype(values.dtype):
        # Nullable dtypes (Int64, Float64, boolean): pandas NA becomes NaN.
        try:
            values = values.to_numpy(dtype=np.float64, na_value=np.nan)
        except (TypeError, ValueError) as e:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "%s cannot be converted to float64: %s" % (what, e)) from e
    try:
        array = np.ascontiguousarray(np.asarray(values, dtype=np.float64))
    except (TypeError, ValueError) as e:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "%s cannot be converted to float64: %s" % (what, e)) from e
    if array.ndim != 1:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "%s must be one-dimensional, got shape %s" % (what, array.shape))
    return array


def zero_one(values, what):
    """uint8 0/1 from booleans or 0/1 numbers; anything else names its index."""
    array = np.asarray(_arrow.as_numpy(values, what, integers=True))
    if array.ndim != 1:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "%s must be one-dimensional, got shape %s" % (what, array.shape))
    if array.dtype == bool:
        return np.ascontiguousarray(array, dtype=np.uint8)
    if array.dtype.kind in "iu":
        # Integers: checked without a float copy; uint8 0/1 passes through.
        if len(array) == 0 or (array.min() >= 0 and array.max() <= 1):
            return np.ascontiguousarray(array, dtype=np.uint8)
        numbers = array
    else:
        try:
            numbers = array.astype(np.float64)
        except (TypeError, ValueError):
            numbers = np.full(len(array), np.nan)
    bad = np.flatnonzero((numbers != 0) & (numbers != 1))
    if len(bad):
        i = int(bad[0])
        raise Error("CANDOR_OUT_OF_RANGE", "%s at index %d is %r; expected 0/1 or a boolean"
                    % (what, i, array[i]))
    return np.ascontiguousarray(numbers, dtype=np.uint8)


def as_int8(values):
    """The int8 array itself when it is 1-D and C-contiguous, or an Arrow
    integer column without nulls within int8 (in place for Arrow int8), else
    None."""
    if isinstance(values, np.ndarray) and values.dtype == np.int8 and values.ndim == 1:
        return np.ascontiguousarray(values)
    if _arrow.is_arrow(values):
        return _arrow.read(values, "scores").int8()
    return None


def double_pointer(array):
    if array is None:
        return None
    return array.ctypes.data_as(_capi.double_p)


def scores_and_weights(scores, weights, what="scores", weights_what="weights"):
    """Converted scores and weights (or None), checked to be equally long."""
    scores = as_float64(scores, what)
    if weights is None:
        return scores, None
    weights = as_float64(weights, weights_what)
    if len(weights) != len(scores):
        raise Error("CANDOR_LENGTH_MISMATCH",
                    "%s has %d entries but %s has %d"
                    % (weights_what, len(weights), what, len(scores)))
    return scores, weights


def path_bytes(path, what="path"):
    """A file path for the C library: bytes with no NUL, since C would read
    the path cut at the first NUL (another file)."""
    try:
        encoded = os.fsencode(path)
    except TypeError:
        raise Error("CANDOR_INVALID_ARGUMENT", "%s must be a str, bytes or os.PathLike, got %r"
                    % (what, path)) from None
    if b"\0" in encoded:
        raise Error("CANDOR_INVALID_ARGUMENT", "%s %r contains a NUL byte" % (what, path))
    return encoded


def c_string(value, what, encoding="utf-8"):
    """A str as a NUL-terminated C string: a NUL inside would make C read a
    shorter name (another column, language or margin) without a word."""
    if not isinstance(value, str):
        raise Error("CANDOR_INVALID_ARGUMENT", "%s must be a str, got %r" % (what, value))
    if "\0" in value:
        raise Error("CANDOR_INVALID_ARGUMENT", "%s %r contains a NUL character" % (what, value))
    return value.encode(encoding, "replace" if encoding == "ascii" else "strict")


def _choice(name, value, table):
    key = value.lower() if isinstance(value, str) else value
    if key not in table:
        raise Error("CANDOR_INVALID_ARGUMENT", "unknown %s %r; expected one of %s"
                    % (name, value, ", ".join(repr(k) for k in table if k is not None)))
    return table[key]


def _int32(name, value):
    try:
        integral = not isinstance(value, (bool, np.bool_)) and int(value) == value
    except (TypeError, ValueError, OverflowError):
        integral = False
    if not integral:
        raise Error("CANDOR_INVALID_ARGUMENT", "%s must be an integer, got %r" % (name, value))
    value = int(value)
    if not -2**31 <= value < 2**31:
        raise Error("CANDOR_INVALID_ARGUMENT", "%s = %d does not fit in int32" % (name, value))
    return value


def _float(name, value):
    try:
        return float(value)
    except (TypeError, ValueError):
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "%s must be a number, got %r" % (name, value)) from None


def score_options(metric="nps", scale=None, box=None, promoter_min=None, detractor_max=None,
                  interval="jeffreys", level=0.95, prior=1.0, replicates=2000, seed=42,
                  threads=0, p_adjust="holm"):
    """A library-initialized ScoreOptions with the given settings.

    None keeps the metric preset's value (scale, box, promoter/detractor bands).
    Values are checked by the library; only what ctypes cannot carry is
    checked here.
    """
    preset, kind = _choice("metric", metric, _METRIC_PRESETS)
    metric_name = metric.lower()
    if metric_name in NEEDS_SCALE and scale is None:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "metric %r needs scale=(min, max)" % metric_name)
    options = _lib.new_score_options(preset)
    if kind is not None:
        options.metric = kind
    if scale is not None:
        try:
            low, high = scale
        except (TypeError, ValueError):
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "scale must be a (min, max) pair, got %r" % (scale,)) from None
        options.scale_min = _int32("scale min", low)
        options.scale_max = _int32("scale max", high)
    if box is not None:
        options.box_size = _int32("box", box)
    if promoter_min is not None:
        options.promoter_min = _int32("promoter_min", promoter_min)
    if detractor_max is not None:
        options.detractor_max = _int32("detractor_max", detractor_max)
    options.interval = _choice("interval", interval, _lib.INTERVALS)
    options.level = _float("level", level)
    options.prior = _float("prior", prior)
    options.replicates = _int32("replicates", replicates)
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)) \
            or not 0 <= int(seed) < 2**64:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "seed must be an integer in [0, 2**64), got %r" % (seed,))
    options.seed = int(seed)
    options.threads = _int32("threads", threads)
    options.p_adjust = _lib.P_ADJUST[_choice("p_adjust", p_adjust, _P_ADJUST_ALIASES)]
    return options


def p_adjust_code(method):
    return _lib.P_ADJUST[_choice("p-value adjustment", method, _P_ADJUST_ALIASES)]


def parse_times(array, what):
    """datetime64[ns] (UTC, NaT where missing) from an object or string array
    of ISO 8601 strings, datetime objects or pandas Timestamps.

    Offsets may differ from row to row (a pandas column of mixed-offset
    strings has object dtype): each time is converted to UTC; strings and
    datetimes without an offset are read as UTC. Parsing needs pandas."""
    pd = _compat.pandas()
    if pd is None:
        raise Error("CANDOR_UNSUPPORTED",
                    "%s: parsing date strings or datetime objects needs pandas; pass numpy "
                    "datetime64 or Unix seconds (int64)" % what)
    try:
        parsed = pd.to_datetime(pd.Series(array, dtype=object), utc=True)
    except (ValueError, TypeError, OverflowError) as e:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "%s: not a date or time (%s); pass ISO 8601 strings such as "
                    "'2024-05-01T09:30:00+02:00' (offsets may differ; none means UTC), "
                    "datetimes, datetime64 or Unix seconds" % (what, e)) from None
    return parsed.dt.tz_localize(None).to_numpy(dtype="datetime64[ns]")


def unix_seconds(values, what):
    """int64 Unix seconds from integers, datetime64 / pandas timestamps, or
    ISO 8601 strings and datetime objects (see parse_times: mixed offsets are
    converted to UTC). Arrow timestamps and dates are read as Unix seconds
    (candor._arrow)."""
    values = _arrow.as_numpy(values, what, integers=True)
    pd = _compat.loaded_pandas()
    if pd is not None and isinstance(values, (pd.Series, pd.Index)) \
            and pd.api.types.is_datetime64_any_dtype(values):
        if getattr(values.dtype, "tz", None) is not None:
            values = values.dt.tz_convert("UTC").dt.tz_localize(None) \
                if isinstance(values, pd.Series) else values.tz_convert("UTC").tz_localize(None)
        values = np.asarray(values)
    array = np.asarray(values)
    if array.ndim != 1:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "%s must be one-dimensional, got shape %s" % (what, array.shape))
    if array.dtype.kind in "OUS":
        array = parse_times(array, what)
    if array.dtype.kind == "M":
        if np.isnat(array).any():
            raise Error("CANDOR_INVALID_ARGUMENT", "%s: the time at index %d is missing"
                        % (what, int(np.flatnonzero(np.isnat(array))[0])))
        return np.ascontiguousarray(array.astype("datetime64[s]").astype(np.int64))
    if array.dtype.kind in "iu":
        return np.ascontiguousarray(array, dtype=np.int64)
    if array.dtype.kind == "f":
        bad = ~np.isfinite(array) | (array != np.floor(array))
        if bad.any():
            raise Error("CANDOR_INVALID_ARGUMENT", "%s[%d] = %r is not a whole number of seconds"
                        % (what, int(np.flatnonzero(bad)[0]), array[bad][0]))
        return np.ascontiguousarray(array, dtype=np.int64)
    raise Error("CANDOR_INVALID_ARGUMENT",
                "%s must be Unix seconds or datetimes, got dtype %s" % (what, array.dtype))
