"""DriverAccumulator: theme drivers' state, built apart and merged.

Per period (keyed by its label) it keeps per-point tallies of all comments
and of each theme's mentioners, and per pattern of themes mentioned and
score the comments' count and weight sum, so that drivers() equals
candor.theme_drivers over everything added, however it was split,
serialized and merged. candor.dask.drivers is built on it. Formulas and
limits: include/candor/drivers.hpp (DriverAccumulator).
"""

import ctypes

import numpy as np

from candor import _capi
from candor import _convert
from candor import _labels
from candor import _lib
from candor import text_drivers as _drivers
from candor._lib import Error, lib
from candor.accumulator import _State, account_key, key_label


class DriverAccumulator(_State):
    """Comments by period and theme pattern, for candor.theme_drivers from
    states: drivers() gives candor.theme_drivers(scores, mentions,
    theme_names, weights, periods, ...) for everything added.

    Args:
        themes: the number of themes T (theme ids 0..T-1).
        scale: the (min, max) of the scores.

    Limits (candor.Error CANDOR_UNSUPPORTED): no accounts; no weighted
    bootstrap. Periods are keyed by their labels (account_key), so a period
    may span batches, partitions and machines; an accumulator's batches all
    have periods or none.
    """

    _prefix = "candor_driver_accumulator"
    _free = lib.candor_driver_accumulator_free
    _handle_type = _capi.DriverAccumulatorP

    def __init__(self, themes, scale=(0, 10)):
        self.themes = _convert._int32("themes", themes)
        if self.themes < 1:
            raise Error("CANDOR_INVALID_ARGUMENT", "themes must be >= 1, got %r" % (themes,))
        super().__init__(scale)

    def _make(self):
        _lib.check(lib.candor_driver_accumulator_new(self.scale[0], self.scale[1], self.themes,
                                                     ctypes.byref(self._handle)))

    def _read_back(self):
        self.themes = int(lib.candor_driver_accumulator_themes(self._handle))

    def add(self, scores, mentions, weights=None, periods=None):
        """Adds a batch: mentions as candor.theme_drivers takes them (an
        (n x T) 0/1 matrix, a scipy sparse matrix, or n lists of theme ids),
        weights optional, periods one label per comment (none missing) or
        None. On error nothing of it is added."""
        scores, weights = _convert.scores_and_weights(scores, weights)
        n = len(scores)
        offsets, ids, _ = _drivers._mentions_csr(mentions, n, self.themes)
        if len(offsets) - 1 != n:
            raise Error("CANDOR_LENGTH_MISMATCH",
                        "mentions cover %d comments but scores has %d" % (len(offsets) - 1, n))
        c_mentions = _capi.CThemeMentions()
        c_mentions.themes = self.themes
        c_mentions.offsets = offsets.ctypes.data_as(_capi.int64_p)
        c_mentions.theme_ids = ids.ctypes.data_as(_capi.int32_p)
        codes, keys = None, []
        if periods is not None:
            codes, levels = _drivers._period_codes(periods, n)
            keys = [account_key(label) for label in levels]
        labels = (ctypes.c_char_p * max(len(keys), 1))(*keys)
        sizes = (ctypes.c_size_t * max(len(keys), 1))(*map(len, keys))
        with self._lock:
            _lib.check(lib.candor_driver_accumulator_add(
                self._live(), _convert.double_pointer(scores), _convert.double_pointer(weights),
                n, ctypes.byref(c_mentions),
                None if codes is None else codes.ctypes.data_as(_capi.int32_p), labels, sizes,
                len(keys)))
        return self

    def period_keys(self):
        """The periods' keys (account_key bytes; b"" without periods), in byte
        order: the order candor_drivers_options' periods index."""
        keys = []
        with self._lock:
            for j in range(lib.candor_driver_accumulator_periods(self._live())):
                data, size = ctypes.c_void_p(), ctypes.c_size_t()
                _lib.check(lib.candor_driver_accumulator_period(
                    self._handle, j, ctypes.byref(data), ctypes.byref(size)))
                keys.append(ctypes.string_at(data, size.value) if size.value else b"")
        return keys

    def drivers(self, theme_names=None, *, metric="nps", l2_penalty=1.0, fit_key_drivers=True,
                earlier=None, later=None, p_adjust="bh", alpha=0.05, max_iterations=100,
                tolerance=1e-10, scale=None, box=None, promoter_min=None, detractor_max=None,
                interval="jeffreys", level=0.95, prior=1.0, replicates=2000, seed=42, threads=0):
        """candor.theme_drivers' result for everything added: periods in
        their labels' sorted order (earlier / later: labels; by default the
        last two)."""
        name = metric.lower() if isinstance(metric, str) else metric
        if scale is None and name in _convert.NEEDS_SCALE:
            scale = self.scale
        options = _convert.score_options(
            metric, scale=scale, box=box, promoter_min=promoter_min,
            detractor_max=detractor_max, interval=interval, level=level, prior=prior,
            replicates=replicates, seed=seed, threads=threads)
        driver_options = _drivers._driver_options(l2_penalty, fit_key_drivers, max_iterations,
                                                  tolerance, p_adjust, alpha)
        names = None
        if theme_names is not None:
            names = [str(name) for name in theme_names]
            if len(names) != self.themes:
                raise Error("CANDOR_LENGTH_MISMATCH",
                            "%d theme names for %d themes" % (len(names), self.themes))
        name_array = None if names is None else (ctypes.c_char_p * len(names))(
            *[_convert.c_string(s, "theme name") for s in names])
        handle = _capi.DriversP()
        with self._lock:
            keys = self.period_keys()
            period_labels = None
            if keys != [b""] and keys:
                period_labels = [key_label(k) for k in keys]
                driver_options.earlier_period, driver_options.later_period = _compared(
                    period_labels, earlier, later)
            elif earlier is not None or later is not None:
                raise Error("CANDOR_INVALID_ARGUMENT", "earlier/later need periods")
            _lib.check(lib.candor_drivers_accumulated(
                ctypes.byref(options), ctypes.byref(driver_options), self._live(),
                None if name_array is None else ctypes.cast(name_array, _capi.char_pp),
                ctypes.byref(handle)))
        return _drivers._result(handle, period_labels, 0)

    def __repr__(self):
        if not getattr(self, "_handle", None):
            return "candor.DriverAccumulator(closed)"
        return "candor.DriverAccumulator(themes=%d, scale=%r)" % (self.themes, self.scale)


def _compared(labels, earlier, later):
    """(earlier, later) as indexes into `labels` (the byte order of their
    keys), by the labels' sorted order as candor.theme_drivers sorts them:
    by default the last label and the one before it."""
    values = np.empty(len(labels), dtype=object)
    values[:] = labels
    codes, _ = _labels.factorize(values)
    by_rank = [0] * len(labels)
    for index, rank in enumerate(codes):
        by_rank[rank] = index

    def index_of(label, what):
        for index, known in enumerate(labels):
            if known == label:
                return index
        raise Error("CANDOR_INVALID_ARGUMENT", "%s %r is not among the periods" % (what, label))

    if len(labels) < 2:
        return -1, -1  # the library names the single period
    later_index = index_of(later, "later") if later is not None else by_rank[-1]
    if earlier is not None:
        return index_of(earlier, "earlier"), later_index
    below = by_rank[:codes[later_index]]
    if not below:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "periods: no period before %r to compare it with" % (labels[later_index],))
    return below[-1], later_index


__all__ = ["DriverAccumulator"]
