"""BucketAccumulator: the bucket trend's state, built apart and merged.

Per segment and local day in a time zone it keeps per-point counts and
weight sums (and decayed sums for a smoothed estimate), so that trend()
equals candor.trend over everything added, however it was split, serialized
and merged. candor.dask.trend is built on it. Formulas and limits:
include/candor/trend_buckets.hpp (BucketAccumulator).
"""

import ctypes

import numpy as np

from candor import _capi
from candor import _convert
from candor import _labels
from candor import _lib
from candor._lib import Error, lib
from candor.accumulator import _State, account_key, key_label
from candor import trend_buckets as _trend


def _no_nul(name, text):
    if not isinstance(text, str) or "\0" in text:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "%s must be an IANA time zone name without NUL characters, got %r"
                    % (name, text))
    return text


class BucketAccumulator(_State):
    """Scores by segment and local day in `tz`, for candor.trend from
    states: trend() gives candor.trend(scores, times, every, tz, weights=,
    segments=, window_days=, half_life_days=) for everything added.

    Args:
        scale: the (min, max) of the scores.
        tz: the IANA time zone whose local days the state keeps.
        half_life_days: None, or the half-life of the smoothed estimate
            (decayed sums are kept for it; trend() can then give it).

    Limits (candor.Error CANDOR_UNSUPPORTED): no accounts; the bootstrap only
    without weights and without a half-life; a rolling window that starts
    inside a local day (a bucket ending at a midnight skipped by a
    daylight-saving jump). Segments are keyed by their labels (account_key),
    so a segment may span batches, partitions and machines.
    """

    _prefix = "candor_bucket_accumulator"
    _free = lib.candor_bucket_accumulator_free
    _handle_type = _capi.BucketAccumulatorP

    def __init__(self, scale=(0, 10), tz="UTC", half_life_days=None):
        self.tz = _no_nul("tz", tz)
        self.half_life_days = None
        if half_life_days is not None:
            self.half_life_days = _convert._float("half_life_days", half_life_days)
            if not self.half_life_days > 0:
                raise Error("CANDOR_INVALID_ARGUMENT",
                            "half_life_days must be positive, got %r" % (half_life_days,))
        super().__init__(scale)

    def _make(self):
        _lib.check(lib.candor_bucket_accumulator_new(
            self.scale[0], self.scale[1], self.tz.encode("utf-8"), self.half_life_days or 0.0,
            ctypes.byref(self._handle)))

    def _read_back(self):
        self.tz = lib.candor_bucket_accumulator_time_zone(self._handle).decode("utf-8")
        half_life = lib.candor_bucket_accumulator_half_life_days(self._handle)
        self.half_life_days = half_life if half_life > 0 else None

    def add(self, scores, times, weights=None, segments=None):
        """Adds a batch: times as candor.trend takes them (Unix seconds,
        datetimes, ISO strings), weights optional, segments one label per
        score (none missing) or None. On error nothing of it is added."""
        scores, weights = _convert.scores_and_weights(scores, weights)
        n = len(scores)
        seconds = _trend._unix_seconds(times)
        if len(seconds) != n:
            raise Error("CANDOR_LENGTH_MISMATCH",
                        "times has %d entries but scores has %d" % (len(seconds), n))
        codes, levels = _trend._codes(segments, n, "segments")
        keys = [] if levels is None else [account_key(label) for label in levels]
        labels = (ctypes.c_char_p * max(len(keys), 1))(*keys)
        sizes = (ctypes.c_size_t * max(len(keys), 1))(*map(len, keys))
        with self._lock:
            _lib.check(lib.candor_bucket_accumulator_add(
                self._live(), _convert.double_pointer(scores),
                seconds.ctypes.data_as(_capi.int64_p), _convert.double_pointer(weights),
                None if codes is None else codes.ctypes.data_as(_capi.int32_p), n, labels, sizes,
                len(keys)))
        return self

    @property
    def cells(self):
        """The (segment, local day) pairs held."""
        return int(lib.candor_bucket_accumulator_cells(self._live()))

    def segment_keys(self):
        """The segments' keys (account_key bytes; b"" for rows added without
        segments), in byte order: the C library's series order."""
        keys = []
        with self._lock:
            for j in range(lib.candor_bucket_accumulator_segments(self._live())):
                data, size = ctypes.c_void_p(), ctypes.c_size_t()
                _lib.check(lib.candor_bucket_accumulator_segment(
                    self._handle, j, ctypes.byref(data), ctypes.byref(size)))
                keys.append(ctypes.string_at(data, size.value) if size.value else b"")
        return keys

    def trend(self, every="month", metric="nps", window_days=None, half_life_days=None, *,
              power=0.8, control_k=3.0, control_level=None, p_adjust="holm", scale=None,
              box=None, promoter_min=None, detractor_max=None, interval="jeffreys", level=0.95,
              prior=1.0, replicates=2000, seed=42, threads=0):
        """candor.trend's frame for everything added (same columns; its
        time zone is the accumulator's). half_life_days: None (no smoothed
        columns) or the accumulator's. With segments, the series come in
        the labels' sorted order (as candor.trend sorts them)."""
        if half_life_days is not None and half_life_days != self.half_life_days:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "half_life_days=%r is not the accumulator's (%r): its decayed sums "
                        "are made with its own" % (half_life_days, self.half_life_days))
        name = metric.lower() if isinstance(metric, str) else metric
        if scale is None and name in _convert.NEEDS_SCALE:
            scale = self.scale
        options = _convert.score_options(
            metric, scale=scale, box=box, promoter_min=promoter_min,
            detractor_max=detractor_max, interval=interval, level=level, prior=prior,
            replicates=replicates, seed=seed, threads=threads)
        bucket_options = _trend._options(every, self.tz, window_days, half_life_days, power,
                                         control_k, control_level, p_adjust)
        handle = _capi.BucketsP()
        with self._lock:
            _lib.check(lib.candor_buckets_accumulated(
                ctypes.byref(options), ctypes.byref(bucket_options), self._live(),
                ctypes.byref(handle)))
            keys = self.segment_keys()
        try:
            columns = _trend._read(handle)
        finally:
            lib.candor_buckets_free(handle)
        segmented = keys != [b""]
        levels = None
        if segmented:
            columns, levels = _in_label_order(columns, [key_label(k) for k in keys])
        return _trend._frame(columns, self.tz, levels, window_days is not None,
                             half_life_days is not None)

    def __repr__(self):
        if not getattr(self, "_handle", None):
            return "candor.BucketAccumulator(closed)"
        return "candor.BucketAccumulator(scale=%r, tz=%r, half_life_days=%r)" % (
            self.scale, self.tz, self.half_life_days)


def _in_label_order(columns, labels):
    """The rows (series j: segment labels[j]) reordered so that series come
    in the labels' sorted order, as candor.trend's; `previous` follows its
    row. Returns (columns, levels) with the segment column indexing levels."""
    values = np.empty(len(labels), dtype=object)
    values[:] = labels
    codes, levels = _labels.factorize(values)
    series = len(labels)
    rows = len(columns["label"])
    buckets = rows // series
    # New series s holds old series order[s].
    order = np.empty(series, dtype=np.int64)
    order[codes] = np.arange(series)
    old_row = (order[:, None] * buckets + np.arange(buckets)[None, :]).reshape(-1)
    new_row = np.empty(rows, dtype=np.int64)
    new_row[old_row] = np.arange(rows)
    out = {}
    for name, column in columns.items():
        if name == "label":
            out[name] = [column[r] for r in old_row]
        else:
            out[name] = np.asarray(column)[old_row]
    previous = out["previous"]
    out["previous"] = np.where(previous >= 0, new_row[np.maximum(previous, 0)], -1)
    out["segment"] = np.repeat(np.arange(series, dtype=np.int32), buckets)
    return out, levels


__all__ = ["BucketAccumulator"]
