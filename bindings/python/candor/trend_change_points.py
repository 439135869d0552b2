"""Change points in time-ordered responses: by default a scan calibrated to a
stated false-alarm rate (each change with a p-value and a location
interval), or PELT with a multinomial cost and a BIC, AIC or manual penalty;
the levels of the segments between changes and each change's before/after
comparison. Model, penalties and what is exact:
include/candor/trend_change_points.hpp; C ABI: the "trend: change points"
section of include/candor.h.
"""

import ctypes
import dataclasses

import numpy as np

from candor import _display
from candor import _arrow
from candor import _capi
from candor import _compat
from candor import _convert
from candor import _design
from candor import _lib
from candor import _progress
from candor._lib import Error, lib
from candor.scoring import Comparison, Estimate

_PENALTIES = _lib.enum_values(_capi.ENUM_CHANGE_PENALTY)
_CALIBRATIONS = {value: (None if name == "none" else name) for name, value in
                 _lib.enum_values(_capi.ENUM_CHANGE_CALIBRATION).items()}
_BOUNDARY_UNITS = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}


# candor_change_point_options by the name it had here (candor._capi has the mirrors).
ChangePointOptions = _capi.CChangePointOptions


@_display.result
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


@_display.result
@dataclasses.dataclass(frozen=True)
class Change:
    """A change at `index` (the first response of the new segment): change.a
    is the segment after, change.b the one before, difference = after - before.
    change.p_value is optimistic (the change was placed where the sides differ
    most): descriptive, not a test. The calibrated scan's test is `z` and
    `p_value` (NaN under a penalty), and the location interval is
    index_low..index_high (time_low..time_high)."""
    index: int
    time: object
    change: Comparison
    z: float = float("nan")
    p_value: float = float("nan")
    index_low: int = 0
    index_high: int = 0
    time_low: object = None
    time_high: object = None


@_display.result
@dataclasses.dataclass(frozen=True)
class ChangePoints:
    """The result of candor.change_points.

    `indices`: the change indices; `times`: their times (None without times);
    `segments` and `changes` as lists; `penalty` per change (calibrated: the
    critical value squared), `total_cost` (sum of segment costs + penalty *
    changes; NaN when calibrated), `block_size` (1: the search was exact; else
    the grid's block length), `categories` (K). The calibrated test of the
    whole series: `calibration` ("permutation", "gaussian"; None under a
    penalty), `alpha`, `critical_value` (a change is declared when max |Z|
    exceeds it), `max_z`, `p_value`, `replicates`, `candidates` (positions
    tested), `design_effect` (1 without accounts) and `value_sd`.
    segments_frame() / changes_frame() give pandas DataFrames."""
    changes: list
    segments: list
    penalty: float
    total_cost: float
    block_size: int
    categories: int
    calibration: object = None
    alpha: float = float("nan")
    critical_value: float = float("nan")
    max_z: float = float("nan")
    p_value: float = float("nan")
    replicates: int = 0
    candidates: int = 0
    design_effect: float = 1.0
    value_sd: float = float("nan")

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
        """One row per change: index, time, index_low, index_high, time_low,
        time_high (the location interval), before, after, difference,
        difference_ci_low, difference_ci_high, difference_p_value (optimistic:
        descriptive), z and p_value (the calibrated test; NaN under a
        penalty)."""
        pd = _compat.require_pandas()
        return pd.DataFrame({
            "index": [c.index for c in self.changes],
            "time": [c.time for c in self.changes],
            "index_low": [c.index_low for c in self.changes],
            "index_high": [c.index_high for c in self.changes],
            "time_low": [c.time_low for c in self.changes],
            "time_high": [c.time_high for c in self.changes],
            "before": [c.change.b.value for c in self.changes],
            "after": [c.change.a.value for c in self.changes],
            "difference": [c.change.difference for c in self.changes],
            "difference_ci_low": [c.change.ci_low for c in self.changes],
            "difference_ci_high": [c.change.ci_high for c in self.changes],
            "difference_p_value": [c.change.p_value for c in self.changes],
            "z": [c.z for c in self.changes],
            "p_value": [c.p_value for c in self.changes],
        })


def _times(times, n):
    if times is None:
        return None
    times = _arrow.as_numpy(times, "times", integers=True)
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


def _boundaries(boundaries, time_array, n, time_zone):
    """Sorted change positions: given, or the first response of each calendar
    unit ("day", "week" (Monday), "month", "quarter", "year") of the times."""
    if boundaries is None:
        return None
    if isinstance(boundaries, str):
        unit = boundaries.lower()
        if unit not in _BOUNDARY_UNITS:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "boundaries must be positions or one of %s, not %r"
                        % (", ".join(_BOUNDARY_UNITS), boundaries))
        if time_array is None:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "boundaries=%r needs times (the calendar units are of the times)" % unit)
        pd = _compat.require_pandas()
        stamps = pd.to_datetime(time_array, unit="s", utc=True)
        if time_zone is not None:
            stamps = stamps.tz_convert(time_zone)
        periods = np.asarray(stamps.tz_localize(None).to_period(_BOUNDARY_UNITS[unit])
                             .astype("int64"))
        return np.ascontiguousarray(np.flatnonzero(np.diff(periods) != 0) + 1, dtype=np.int64)
    array = np.asarray(_arrow.as_numpy(boundaries, "boundaries", integers=True))
    if array.size and not np.issubdtype(array.dtype, np.integer):
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "boundaries must be integer positions, got %s" % array.dtype)
    return np.ascontiguousarray(array, dtype=np.int64).reshape(-1)


def change_points(scores, times=None, metric="nps", penalty="calibrated", min_size=30, *,
                  alpha=0.05, boundaries=None, time_zone=None, weights=None, accounts=None,
                  penalty_value=None, max_grid_points=4096, scale=None, box=None,
                  promoter_min=None, detractor_max=None, interval="jeffreys", level=0.95,
                  prior=1.0, replicates=2000, seed=42, threads=0, progress=None):
    """Change points in `scores` (in time order) for `metric`.

    progress: True shows a bar on stderr; a callable gets (responses settled,
    n) and may return False to stop (CANDOR_CANCELLED); Ctrl-C stops the call
    within a fraction of a second with KeyboardInterrupt (candor._progress).

    penalty: "calibrated" (default): a change is declared at false-alarm rate
    `alpha`, the probability of declaring any change in a series with none
    (the largest standardized shift of the metric over the candidate
    positions against its null: seeded permutations, or the Gaussian limit
    with weights, accounts or more than 20,000 responses; `replicates`
    draws, `seed`); each change then has a p-value and a location interval.
    Or "bic" (K log n per change, K the metric's categories), "aic" (2 K) or
    a number (a manual penalty per change) for PELT's penalized search.
    boundaries: positions a change may take (the first response of a new
    segment), or "day", "week", "month", "quarter" or "year" for the first
    response of each calendar unit of `times` (UTC, or `time_zone`): fewer
    candidates, more power for changes at those boundaries. weights and
    accounts (cluster labels: Z is then cluster-robust, its variance summed
    over accounts, and its null a Gaussian multiplier bootstrap over
    accounts; at least two accounts): calibrated only. min_size: the shortest segment, in responses
    (default 30). times: optional Unix seconds (or datetime64),
    non-decreasing; a change is only placed between distinct times.
    max_grid_points: exact search up to this many candidate positions, else a
    block grid and an exact refinement (see the C++ header); 0: always exact.
    replicates and seed also serve the bootstrap interval. Returns a
    ChangePoints.
    """
    if isinstance(penalty, str):
        if penalty.lower() not in ("calibrated", "bic", "aic"):
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "penalty must be 'calibrated', 'bic', 'aic' or a number, got %r"
                        % penalty)
        kind, value = _PENALTIES[penalty.lower()], 0.0
    else:
        kind, value = _PENALTIES["manual"], float(penalty)
    if penalty_value is not None:
        kind, value = _PENALTIES["manual"], float(penalty_value)
    score_options = _convert.score_options(
        metric, scale=scale, box=box, promoter_min=promoter_min, detractor_max=detractor_max,
        interval=interval, level=level, prior=prior, replicates=replicates, seed=seed)
    scores = _convert.as_float64(scores)
    n = len(scores)
    time_array = _times(times, n)
    bounds = _boundaries(boundaries, time_array, n, time_zone)
    options = _capi.CChangePointOptions()
    _lib.check(lib.candor_change_point_options_defaults(ctypes.byref(options),
                                                        ctypes.sizeof(options)))
    options.penalty = kind
    options.penalty_value = value
    options.min_size = int(min_size)
    options.max_grid_points = int(max_grid_points)
    options.alpha = float(alpha)
    options.replicates = int(replicates)
    options.seed = int(seed)
    options.threads = int(threads)
    if bounds is not None:
        options.boundaries = bounds.ctypes.data_as(_capi.int64_p)
        options.boundary_count = len(bounds)
    plan = _design.Plan(weights, accounts)
    design, keep = plan.build(n)
    handle = _capi.ChangePointsP()
    with _progress.hook(progress, "change points") as hook:
        options.progress = hook.callback
        status = lib.candor_change_points_design_new(
            ctypes.byref(score_options), ctypes.byref(options), _convert.double_pointer(scores),
            None if time_array is None else time_array.ctypes.data_as(_capi.int64_p), n,
            ctypes.byref(design), ctypes.byref(handle))
    hook.check(status, lambda: lib.candor_change_points_free(handle))
    del keep
    try:
        return _read(handle, time_array is not None)
    finally:
        lib.candor_change_points_free(handle)


def _read(handle, has_times):
    def when(t):
        return int(t) if has_times else None

    rows = _lib.read_rows(handle, lib.candor_change_points_count, lib.candor_change_points_at,
                          _capi.CChangePoint)
    tests = _lib.read_rows(handle, lib.candor_change_points_count,
                           lib.candor_change_points_test_at, _capi.CChangeTest)
    changes = [Change(int(c.index), when(c.time), Comparison._from_c(c.change), t.z, t.p_value,
                      int(t.index_low), int(t.index_high), when(t.time_low), when(t.time_high))
               for c, t in zip(rows, tests)]
    segments = [Segment(int(s.begin), int(s.end), when(s.time_begin), when(s.time_end), s.cost,
                        Estimate._from_c(s.level))
                for s in _lib.read_rows(handle, lib.candor_change_points_segment_count,
                                        lib.candor_change_points_segment_at,
                                        _capi.CChangeSegment)]
    summary = _capi.CChangePointSummary()
    _lib.check(lib.candor_change_points_summary(handle, ctypes.byref(summary)))
    info = _capi.CChangeCalibrationInfo()
    _lib.check(lib.candor_change_points_calibration(handle, ctypes.byref(info)))
    return ChangePoints(changes, segments, summary.penalty, summary.total_cost,
                        int(summary.block_size), int(summary.categories),
                        _CALIBRATIONS.get(int(info.calibration)), info.alpha,
                        info.critical_value, info.max_z, info.p_value, int(info.replicates),
                        int(info.candidates), info.design_effect, info.value_sd)
