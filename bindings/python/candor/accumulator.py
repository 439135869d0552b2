"""Mergeable, serializable accumulators of scores on one integer scale."""

import ctypes
import threading

from candor import _capi
from candor import _convert
from candor import _handle
from candor import _lib
from candor._lib import Error, lib
from candor.scoring import Estimate


class Accumulator(_handle.OwnsHandle):
    """Counts of scores (and weight sums) per scale point.

    Add batches, merge accumulators built elsewhere, serialize with to_bytes()
    and estimate any metric on the scale. The C handle is not safe for
    concurrent mutation, so calls on one Accumulator are serialized by a lock.
    close() (or the end of a `with` block, or garbage collection) frees it.
    """

    _free = lib.candor_accumulator_free
    _handle_type = _capi.AccumulatorP

    def __init__(self, scale=(0, 10)):
        try:
            low, high = scale
        except (TypeError, ValueError):
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "scale must be a (min, max) pair, got %r" % (scale,)) from None
        self._lock = threading.RLock()
        self._handle = _capi.AccumulatorP()
        self.scale = (_convert._int32("scale min", low), _convert._int32("scale max", high))
        _lib.check(lib.candor_accumulator_new(self.scale[0], self.scale[1],
                                              ctypes.byref(self._handle)))

    @classmethod
    def from_bytes(cls, data):
        """An accumulator from the bytes of to_bytes(), with the scale they hold."""
        data = bytes(data)
        self = cls.__new__(cls)
        self._lock = threading.RLock()
        self._handle = _capi.AccumulatorP()
        buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        _lib.check(lib.candor_accumulator_deserialize(buffer, len(data),
                                                      ctypes.byref(self._handle)))
        low, high = ctypes.c_int32(), ctypes.c_int32()
        _lib.check(lib.candor_accumulator_scale(self._handle, ctypes.byref(low),
                                                ctypes.byref(high)))
        self.scale = (low.value, high.value)
        return self

    def __len__(self):
        """The number of responses added (or merged in)."""
        return int(lib.candor_accumulator_count(self._live()))

    def _live(self):
        if not self._handle:
            raise Error("CANDOR_INVALID_ARGUMENT", "the accumulator is closed")
        return self._handle

    def add(self, scores, weights=None):
        """Adds a batch; on error nothing of the batch is added."""
        scores, weights = _convert.scores_and_weights(scores, weights)
        with self._lock:
            _lib.check(lib.candor_accumulator_add(
                self._live(), _convert.double_pointer(scores),
                _convert.double_pointer(weights), len(scores)))
        return self

    def merge(self, other):
        """Adds everything in `other` (an Accumulator on the same scale)."""
        if not isinstance(other, Accumulator):
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "merge() takes an Accumulator, got %s" % type(other).__name__)
        # Lock both in a fixed order so two threads merging a into b and b
        # into a cannot deadlock.
        first, second = sorted((self, other), key=id)
        with first._lock, second._lock:
            _lib.check(lib.candor_accumulator_merge(self._live(), other._live()))
        return self

    def to_bytes(self):
        """The versioned, endian-stable serialization."""
        with self._lock:
            size = ctypes.c_size_t()
            _lib.check(lib.candor_accumulator_serialize(self._live(), None, 0,
                                                        ctypes.byref(size)))
            buffer = (ctypes.c_uint8 * size.value)()
            _lib.check(lib.candor_accumulator_serialize(self._live(), buffer, size.value,
                                                        ctypes.byref(size)))
            return bytes(buffer[:size.value])

    def estimate(self, metric="nps", *, scale=None, box=None, promoter_min=None,
                 detractor_max=None, interval="jeffreys", level=0.95, prior=1.0,
                 replicates=2000, seed=42, threads=0):
        """The estimate of `metric` from everything added (see candor.score).

        top_box, bottom_box and mean use the accumulator's scale unless given;
        presets (nps, csat, ...) keep their own, which must equal it.
        """
        name = metric.lower() if isinstance(metric, str) else metric
        if scale is None and name in _convert.NEEDS_SCALE:
            scale = self.scale
            if scale is None:
                raise Error("CANDOR_INVALID_ARGUMENT", "metric %r needs scale=(min, max) for "
                            "an accumulator read from bytes" % name)
        options = _convert.score_options(
            metric, scale=scale, box=box, promoter_min=promoter_min,
            detractor_max=detractor_max, interval=interval, level=level, prior=prior,
            replicates=replicates, seed=seed, threads=threads)
        out = _capi.CEstimate()
        with self._lock:
            _lib.check(lib.candor_accumulator_estimate(self._live(), ctypes.byref(options),
                                                       ctypes.byref(out)))
        return Estimate._from_c(out)

    def close(self):
        """Frees the C handle; further calls raise candor.Error."""
        self._close_handle()

    def __repr__(self):
        state = "closed" if not getattr(self, "_handle", None) else "scale=%r" % (self.scale,)
        return "candor.Accumulator(%s)" % state
