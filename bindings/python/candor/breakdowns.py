"""Segment breakdowns: each combination of segment labels against the rest."""

import ctypes
import dataclasses

import numpy as np

from candor import _display
from candor import _capi
from candor import _compat
from candor import _convert
from candor import _design
from candor import _labels
from candor import _lib
from candor import _missing
# factorize (and its fallback, which tests/python reaches here) moved to _labels.
from candor._labels import _factorize_without_pandas, factorize  # noqa: F401
from candor._lib import Error, lib
from candor.scoring import Comparison, Estimate


@_display.result
@dataclasses.dataclass(frozen=True)
class BreakdownRow:
    """One segment: its labels (name -> label), estimate, comparison with the
    rest (vs_rest.a is the segment, vs_rest.b the rest) and adjusted p-value."""
    segments: dict
    estimate: Estimate
    vs_rest: Comparison
    p_adjusted: float


_STAT_COLUMNS = ("value", "std_error", "ci_low", "ci_high", "n", "effective_n", "difference",
                 "difference_ci_low", "difference_ci_high", "p_value", "p_adjusted")


def breakdown(scores, by, weights=None, metric="nps", p_adjust="holm", *, accounts=None,
              scale=None, box=None, promoter_min=None, detractor_max=None, interval="jeffreys",
              level=0.95, prior=1.0, replicates=2000, seed=42, threads=0,
              missing="error"):
    """`metric` per combination of segment labels, each compared with all the
    other responses (difference = segment - rest), p-values adjusted across
    rows ("holm", "bh" or "none").

    `by` is one array-like of labels, a list of them, a dict name -> labels or
    a pandas DataFrame. Returns a pandas DataFrame when pandas is installed
    (columns: the segment names, value, std_error, ci_low, ci_high, n,
    effective_n, difference, difference_ci_low, difference_ci_high, p_value,
    p_adjusted), else a list of BreakdownRow.

    weights and accounts as in candor.score: with a calibration (a Weights
    from rake, poststratify or calibrate) or accounts, each segment is a
    domain of one design, compared with the rest with their covariance.

    missing: "error" (default) refuses a missing score; "skip" leaves out
    rows whose score or weight is missing (with their labels and accounts),
    counted in the frame's attrs["skipped"].
    """
    skipped = 0
    if _missing.check_choice(missing):
        names, columns = _labels.named_columns(by)
        segments = {"segment %r" % name: column for name, column in zip(names, columns)}
        kept, skipped = _missing.skip_rows(
            {"scores": scores, "weights": weights, "accounts": accounts, **segments})
        if skipped:
            scores, weights, accounts = kept["scores"], kept["weights"], kept["accounts"]
            by = {name: kept["segment %r" % name] for name in names}
    options = _convert.score_options(
        metric, scale=scale, box=box, promoter_min=promoter_min,
        detractor_max=detractor_max, interval=interval, level=level, prior=prior,
        replicates=replicates, seed=seed, threads=threads, p_adjust=p_adjust)
    plan = _design.Plan(weights, accounts)
    if plan.needs_design:
        scores = _convert.as_float64(scores)
    else:
        scores, weights = _convert.scores_and_weights(scores, plan.plain_weights)
    names, columns = _labels.named_columns(by)
    if len(set(names)) != len(names):
        raise Error("CANDOR_INVALID_ARGUMENT", "segment names repeat: %s" % names)
    taken = set(names) & set(_STAT_COLUMNS)
    if taken:
        raise Error("CANDOR_INVALID_ARGUMENT", "segment names %s clash with result columns; "
                    "rename them" % sorted(taken))
    codes, levels = [], []
    for name, column in zip(names, columns):
        column_codes, column_levels = factorize(column)
        if len(column_codes) != len(scores):
            raise Error("CANDOR_LENGTH_MISMATCH", "segment %r has %d labels but scores has %d"
                        % (name, len(column_codes), len(scores)))
        codes.append(column_codes)
        levels.append(column_levels)
    pointers = (_capi.int32_p * len(codes))(
        *[c.ctypes.data_as(_capi.int32_p) for c in codes])
    handle = _capi.BreakdownP()
    if plan.needs_design:
        design, keep = plan.build(len(scores))
        _lib.check(lib.candor_breakdown_design(
            ctypes.byref(options), _convert.double_pointer(scores), len(scores),
            ctypes.byref(design), pointers, len(codes), ctypes.byref(handle)))
        del keep
    else:
        _lib.check(lib.candor_breakdown_new(
            ctypes.byref(options), _convert.double_pointer(scores),
            _convert.double_pointer(weights), len(scores), pointers, len(codes),
            ctypes.byref(handle)))
    try:
        rows = _read_rows(handle, names, levels)
    finally:
        lib.candor_breakdown_free(handle)
    frame = _to_frame(rows, names)
    if not isinstance(frame, list):
        frame.attrs["skipped"] = skipped
    return frame


def breakdown_accumulated(cells, names=None, metric="nps", p_adjust="holm", *, scale=None,
                          box=None, promoter_min=None, detractor_max=None, interval="jeffreys",
                          level=0.95, prior=1.0, replicates=2000, seed=42, threads=0):
    """candor.breakdown from per-cell accumulators: `cells` maps a tuple of
    segment labels (one per segment column) to the candor.Accumulator of the
    responses with those labels. The rows equal those candor.breakdown gives
    for the same responses (rows sorted by label, p-values adjusted across
    rows), so states built apart and merged by cell (a Dask DataFrame's
    partitions, candor.dask.breakdown) finish as one breakdown.

    names: the segment columns' names (default segment_0, ...). Returns what
    candor.breakdown returns.
    """
    keys = list(cells)
    if not keys:
        raise Error("CANDOR_EMPTY", "no cells")
    width = len(keys[0]) if isinstance(keys[0], tuple) else 0
    if width == 0 or any(not isinstance(k, tuple) or len(k) != width for k in keys):
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "cells must be keyed by tuples of labels, one per segment column, all "
                    "equally long")
    names = ["segment_%d" % j for j in range(width)] if names is None else list(names)
    if len(names) != width:
        raise Error("CANDOR_LENGTH_MISMATCH", "%d names for cells of %d labels"
                    % (len(names), width))
    accumulators = [cells[k] for k in keys]
    for accumulator in accumulators:
        if type(accumulator).__name__ != "Accumulator":
            raise Error("CANDOR_INVALID_ARGUMENT", "cells must hold candor.Accumulator, got %s"
                        % type(accumulator).__name__)
    codes, levels = [], []
    for j in range(width):
        labels = np.empty(len(keys), dtype=object)
        labels[:] = [k[j] for k in keys]
        column_codes, column_levels = factorize(labels)
        codes.append(column_codes)
        levels.append(column_levels)
    cell_codes = np.ascontiguousarray(np.stack(codes, axis=1), dtype=np.int32)
    options = _convert.score_options(
        metric, scale=scale, box=box, promoter_min=promoter_min,
        detractor_max=detractor_max, interval=interval, level=level, prior=prior,
        replicates=replicates, seed=seed, threads=threads, p_adjust=p_adjust)
    handles = (_capi.AccumulatorP * len(accumulators))(*[a._live() for a in accumulators])
    handle = _capi.BreakdownP()
    _lib.check(lib.candor_breakdown_accumulated(
        ctypes.byref(options), handles, len(accumulators),
        cell_codes.ctypes.data_as(_capi.int32_p), width, ctypes.byref(handle)))
    try:
        rows = _read_rows(handle, names, levels)
    finally:
        lib.candor_breakdown_free(handle)
    return _to_frame(rows, names)


def _read_rows(handle, names, levels):
    rows = []
    for row in _lib.read_rows(handle, lib.candor_breakdown_rows, lib.candor_breakdown_row_at,
                              _capi.CBreakdownRow):
        segments = {name: _plain(levels[j][row.codes[j]]) for j, name in enumerate(names)}
        rows.append(BreakdownRow(segments, Estimate._from_c(row.estimate),
                                 Comparison._from_c(row.vs_rest), row.p_adjusted))
    return rows


def _plain(label):
    return label.item() if isinstance(label, np.generic) else label


def _to_frame(rows, names):
    pd = _compat.pandas()
    if pd is None:
        return rows
    data = {name: [r.segments[name] for r in rows] for name in names}
    for field in ("value", "std_error", "ci_low", "ci_high", "n", "effective_n"):
        data[field] = [getattr(r.estimate, field) for r in rows]
    data["difference"] = [r.vs_rest.difference for r in rows]
    data["difference_ci_low"] = [r.vs_rest.ci_low for r in rows]
    data["difference_ci_high"] = [r.vs_rest.ci_high for r in rows]
    data["p_value"] = [r.vs_rest.p_value for r in rows]
    data["p_adjusted"] = [r.p_adjusted for r in rows]
    frame = pd.DataFrame(data)
    frame["n"] = frame["n"].astype("int64")
    return frame
