"""Change points in time-ordered responses: PELT with a multinomial cost over
the metric's response categories, the levels of the segments between changes
and each change's before/after comparison. Model, penalties and what is exact:
include/candor/trend_change_points.hpp; C ABI: the "trend: change points"
section of include/candor.h.
"""

import ctypes
import dataclasses

import numpy as np

from candor import _capi
from candor import _compat
from candor import _convert
from candor import _lib
from candor._lib import Error, lib
from candor.scoring import Comparison, Estimate

_PENALTIES = _lib.enum_values(_capi.ENUM_CHANGE_PENALTY)


# candor_change_point_options by the name it had here (candor._capi has the mirrors).
ChangePointOptions = _capi.CChangePointOptions


@dataclasses.dataclass(frozen=True)
class Segment:
    """Responses [begin, end) between changes, with the metric's level there.
    time_begin / time_end are the first and last times (None without times)."""
    begin: int
    end: int
    time_begin: object
    time_end: object
    cost: float
    level: Estimate


@dataclasses.dataclass(frozen=True)
class Change:
    """A change at `index` (the first response of the new segment): change.a
    is the segment after, change.b the one before, difference = after - before.
    Its p-value is optimistic (the change was placed where the sides differ
    most): descriptive, not a test."""
    index: int
    time: object
    change: Comparison


@dataclasses.dataclass(frozen=True)
class ChangePoints:
    """The result of candor.change_points.

    `indices`: the change indices; `times`: their times (None without times);
    `segments` and `changes` as lists; `penalty` per change, `total_cost`
    (sum of segment costs + penalty * changes), `block_size` (1: the search
    was exact; else the grid's block length), `categories` (K).
    segments_frame() / changes_frame() give pandas DataFrames."""
    changes: list
    segments: list
    penalty: float
    total_cost: float
    block_size: int
    categories: int

    @property
    def indices(self):
        return [c.index for c in self.changes]

    @property
    def times(self):
        return [c.time for c in self.changes]

    def segments_frame(self):
        """One row per segment: begin, end, time_begin, time_end, value,
        std_error, ci_low, ci_high, n."""
        pd = _compat.require_pandas()
        return pd.DataFrame({
            "begin": [s.begin for s in self.segments],
            "end": [s.end for s in self.segments],
            "time_begin": [s.time_begin for s in self.segments],
            "time_end": [s.time_end for s in self.segments],
            "value": [s.level.value for s in self.segments],
            "std_error": [s.level.std_error for s in self.segments],
            "ci_low": [s.level.ci_low for s in self.segments],
            "ci_high": [s.level.ci_high for s in self.segments],
            "n": [s.level.n for s in self.segments],
        })

    def changes_frame(self):
        """One row per change: index, time, before, after, difference,
        difference_ci_low, difference_ci_high, p_value (optimistic)."""
        pd = _compat.require_pandas()
        return pd.DataFrame({
            "index": [c.index for c in self.changes],
            "time": [c.time for c in self.changes],
            "before": [c.change.b.value for c in self.changes],
            "after": [c.change.a.value for c in self.changes],
            "difference": [c.change.difference for c in self.changes],
            "difference_ci_low": [c.change.ci_low for c in self.changes],
            "difference_ci_high": [c.change.ci_high for c in self.changes],
            "p_value": [c.change.p_value for c in self.changes],
        })


def _times(times, n):
    if times is None:
        return None
    pd = _compat.pandas()
    array = np.asarray(times)
    if np.issubdtype(array.dtype, np.datetime64):
        array = array.astype("datetime64[s]").astype(np.int64)
    elif pd is not None and isinstance(times, (pd.Series, pd.Index)) and \
            str(times.dtype).startswith("datetime64"):
        array = np.asarray(times.astype("datetime64[s]")).astype(np.int64)
    elif not np.issubdtype(array.dtype, np.integer):
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "times must be integer Unix seconds or datetime64, got %s" % array.dtype)
    array = np.ascontiguousarray(array, dtype=np.int64)
    if array.ndim != 1:
        raise Error("CANDOR_INVALID_ARGUMENT", "times must be one-dimensional")
    if len(array) != n:
        raise Error("CANDOR_LENGTH_MISMATCH",
                    "times has %d entries but scores has %d" % (len(array), n))
    return array


def change_points(scores, times=None, metric="nps", penalty="bic", min_size=30, *,
                  penalty_value=None, max_grid_points=4096, scale=None, box=None,
                  promoter_min=None, detractor_max=None, interval="wald", level=0.95,
                  prior=1.0, replicates=2000, seed=42):
    """Change points in `scores` (in time order) for `metric`.

    penalty: "bic" (K log n per change, K the metric's categories; default),
    "aic" (2 K) or a number (a manual penalty per change). min_size: the
    shortest segment, in responses (default 30). times: optional Unix seconds
    (or datetime64), non-decreasing; a change is only placed between distinct
    times. max_grid_points: exact search up to this many candidate positions,
    else a block grid and an exact refinement (see the C++ header); 0: always
    exact. Returns a ChangePoints.
    """
    if isinstance(penalty, str):
        if penalty.lower() not in ("bic", "aic"):
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "penalty must be 'bic', 'aic' or a number, got %r" % penalty)
        kind, value = _PENALTIES[penalty.lower()], 0.0
    else:
        kind, value = _PENALTIES["manual"], float(penalty)
    if penalty_value is not None:
        kind, value = _PENALTIES["manual"], float(penalty_value)
    score_options = _convert.score_options(
        metric, scale=scale, box=box, promoter_min=promoter_min, detractor_max=detractor_max,
        interval=interval, level=level, prior=prior, replicates=replicates, seed=seed)
    scores = _convert.as_float64(scores)
    time_array = _times(times, len(scores))
    options = _capi.CChangePointOptions()
    _lib.check(lib.candor_change_point_options_defaults(ctypes.byref(options),
                                                        ctypes.sizeof(options)))
    options.penalty = kind
    options.penalty_value = value
    options.min_size = int(min_size)
    options.max_grid_points = int(max_grid_points)
    handle = _capi.ChangePointsP()
    _lib.check(lib.candor_change_points_new(
        ctypes.byref(score_options), ctypes.byref(options), _convert.double_pointer(scores),
        None if time_array is None else time_array.ctypes.data_as(_capi.int64_p), None,
        len(scores), ctypes.byref(handle)))
    try:
        return _read(handle, time_array is not None)
    finally:
        lib.candor_change_points_free(handle)


def _read(handle, has_times):
    def when(t):
        return int(t) if has_times else None

    changes = [Change(int(c.index), when(c.time), Comparison._from_c(c.change))
               for c in _lib.read_rows(handle, lib.candor_change_points_count,
                                       lib.candor_change_points_at, _capi.CChangePoint)]
    segments = [Segment(int(s.begin), int(s.end), when(s.time_begin), when(s.time_end), s.cost,
                        Estimate._from_c(s.level))
                for s in _lib.read_rows(handle, lib.candor_change_points_segment_count,
                                        lib.candor_change_points_segment_at,
                                        _capi.CChangeSegment)]
    summary = _capi.CChangePointSummary()
    _lib.check(lib.candor_change_points_summary(handle, ctypes.byref(summary)))
    return ChangePoints(changes, segments, summary.penalty, summary.total_cost,
                        int(summary.block_size), int(summary.categories))
