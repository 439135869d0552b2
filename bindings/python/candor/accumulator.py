"""Mergeable, serializable accumulators of scores on one integer scale: of
scores, and of scores by account (for cluster-robust estimates). The state
they share (bytes, merge, a lock) also serves candor.BucketAccumulator."""

import ctypes
import threading

import numpy as np

from candor import _capi
from candor import _convert
from candor import _handle
from candor import _labels
from candor import _lib
from candor._lib import Error, lib
from candor.scoring import Estimate


class _State(_handle.OwnsHandle):
    """What every accumulator shares: a scale, bytes and merge, over the C
    functions named `_prefix` + "_new", "_merge", ... The C handle is not
    safe for concurrent mutation, so calls on one accumulator are serialized
    by a lock. close() (or the end of a `with` block, or garbage collection)
    frees it."""

    _prefix = None  # "candor_accumulator", "candor_account_accumulator", ...

    @classmethod
    def _c(cls, name):
        return getattr(lib, "%s_%s" % (cls._prefix, name))

    def __init__(self, scale=(0, 10)):
        try:
            low, high = scale
        except (TypeError, ValueError):
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "scale must be a (min, max) pair, got %r" % (scale,)) from None
        self._lock = threading.RLock()
        self._handle = self._handle_type()
        self.scale = (_convert._int32("scale min", low), _convert._int32("scale max", high))
        self._make()

    def _make(self):
        """__init__: makes the C handle on self.scale."""
        _lib.check(self._c("new")(self.scale[0], self.scale[1], ctypes.byref(self._handle)))

    @classmethod
    def from_bytes(cls, data):
        """An accumulator from the bytes of to_bytes(), with the scale they hold."""
        data = bytes(data)
        self = cls.__new__(cls)
        self._lock = threading.RLock()
        self._handle = cls._handle_type()
        buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        _lib.check(cls._c("deserialize")(buffer, len(data), ctypes.byref(self._handle)))
        low, high = ctypes.c_int32(), ctypes.c_int32()
        _lib.check(cls._c("scale")(self._handle, ctypes.byref(low), ctypes.byref(high)))
        self.scale = (low.value, high.value)
        self._read_back()
        return self

    def _read_back(self):
        """from_bytes: reads what else the handle holds (a subclass's own)."""

    def __len__(self):
        """The number of responses added (or merged in)."""
        return int(self._c("count")(self._live()))

    def _live(self):
        if not self._handle:
            raise Error("CANDOR_INVALID_ARGUMENT", "the accumulator is closed")
        return self._handle

    def merge(self, other):
        """Adds everything in `other` (an accumulator of this kind, same scale)."""
        if not isinstance(other, type(self)):
            raise Error("CANDOR_INVALID_ARGUMENT", "merge() takes a %s, got %s"
                        % (type(self).__name__, type(other).__name__))
        # Lock both in a fixed order so two threads merging a into b and b
        # into a cannot deadlock.
        first, second = sorted((self, other), key=id)
        with first._lock, second._lock:
            _lib.check(self._c("merge")(self._live(), other._live()))
        return self

    def to_bytes(self):
        """The versioned, endian-stable serialization."""
        serialize = self._c("serialize")
        with self._lock:
            size = ctypes.c_size_t()
            _lib.check(serialize(self._live(), None, 0, ctypes.byref(size)))
            buffer = (ctypes.c_uint8 * size.value)()
            _lib.check(serialize(self._live(), buffer, size.value, ctypes.byref(size)))
            return bytes(buffer[:size.value])

    def close(self):
        """Frees the C handle; further calls raise candor.Error."""
        self._close_handle()

    def __repr__(self):
        state = "closed" if not getattr(self, "_handle", None) else "scale=%r" % (self.scale,)
        return "candor.%s(%s)" % (type(self).__name__, state)


class _ScaleAccumulator(_State):
    """The score accumulators: a _State with an estimate."""

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
        options = _convert.score_options(
            metric, scale=scale, box=box, promoter_min=promoter_min,
            detractor_max=detractor_max, interval=interval, level=level, prior=prior,
            replicates=replicates, seed=seed, threads=threads)
        out = _capi.CEstimate()
        with self._lock:
            _lib.check(self._c("estimate")(self._live(), ctypes.byref(options),
                                           ctypes.byref(out)))
        return Estimate._from_c(out)

class Accumulator(_ScaleAccumulator):
    """Counts of scores (and weight sums) per scale point.

    Add batches, merge accumulators built elsewhere, serialize with to_bytes()
    and estimate any metric on the scale (any interval but a weighted
    bootstrap, which needs the responses).
    """

    _prefix = "candor_accumulator"
    _free = lib.candor_accumulator_free
    _handle_type = _capi.AccumulatorP

    def add(self, scores, weights=None):
        """Adds a batch; on error nothing of the batch is added."""
        scores, weights = _convert.scores_and_weights(scores, weights)
        with self._lock:
            _lib.check(lib.candor_accumulator_add(
                self._live(), _convert.double_pointer(scores),
                _convert.double_pointer(weights), len(scores)))
        return self


def account_key(label):
    """The bytes that key an account across partitions and processes: one
    account per label, as factorize groups them (1, 1.0 and numpy integers
    are one account; "1" is another)."""
    if isinstance(label, (bool, np.bool_)):
        return b"b:%d" % bool(label)
    if isinstance(label, (int, np.integer)):
        return b"i:%d" % int(label)
    if isinstance(label, (float, np.floating)):
        value = float(label)
        return b"i:%d" % int(value) if value.is_integer() else b"f:" + repr(value).encode()
    if isinstance(label, str):
        return b"s:" + label.encode("utf-8", "surrogatepass")
    if isinstance(label, bytes):
        return b"y:" + label
    return b"r:" + repr(label).encode("utf-8", "backslashreplace")


def key_label(key):
    """The label account_key(label) was made from (a label keyed by its repr
    comes back as that repr)."""
    kind, text = key[:2], key[2:]
    if kind == b"b:":
        return text == b"1"
    if kind == b"i:":
        return int(text)
    if kind == b"f:":
        return float(text)
    if kind == b"s:":
        return text.decode("utf-8", "surrogatepass")
    if kind == b"y:":
        return bytes(text)
    return text.decode("utf-8", "replace")


class AccountAccumulator(_ScaleAccumulator):
    """Scores by account, for the cluster-robust estimate: estimate() equals
    candor.score(scores, metric, weights, accounts=accounts) (Wald or Jeffreys
    intervals) for everything added, however it was split into batches and
    accumulators and merged. Accounts are keyed by their labels
    (account_key), so an account may span batches, partitions and machines.
    """

    _prefix = "candor_account_accumulator"
    _free = lib.candor_account_accumulator_free
    _handle_type = _capi.AccountAccumulatorP

    def add(self, scores, accounts, weights=None):
        """Adds a batch (an account label per score; none may be missing); on
        error nothing of the batch is added."""
        scores, weights = _convert.scores_and_weights(scores, weights)
        codes, levels = _labels.factorize_present(accounts, "accounts")
        if len(codes) != len(scores):
            raise Error("CANDOR_LENGTH_MISMATCH", "accounts has %d labels but scores has %d"
                        % (len(codes), len(scores)))
        keys = [account_key(label) for label in levels]
        labels = (ctypes.c_char_p * max(len(keys), 1))(*keys)
        sizes = (ctypes.c_size_t * max(len(keys), 1))(*map(len, keys))
        with self._lock:
            _lib.check(lib.candor_account_accumulator_add(
                self._live(), _convert.double_pointer(scores), _convert.double_pointer(weights),
                codes.ctypes.data_as(_capi.int32_p), len(scores), labels, sizes, len(keys)))
        return self

    @property
    def accounts(self):
        """The number of distinct accounts added."""
        return int(lib.candor_account_accumulator_accounts(self._live()))
