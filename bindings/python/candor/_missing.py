"""missing="error" | "skip": what an estimate does with rows whose score (or
weight, or time) is missing (None, NaN, NaT, pandas NA).

"error" (the default) keeps every row: a missing score is an error naming
its index, as before. "skip" leaves those rows out of every aligned input
(scores, weights, accounts, segments, periods, times, mentions) and reports
how many were left out as the result's `skipped`.
"""

import numpy as np

from candor import _arrow
from candor import _compat
from candor import _convert
from candor._lib import Error
from candor.weights import Weights

CHOICES = ("error", "skip")


def check_choice(missing):
    if missing not in CHOICES:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "missing must be 'error' or 'skip', got %r" % (missing,))
    return missing == "skip"


def float_missing(values, what):
    """Which entries of a numeric column are missing (NaN, None, pandas NA)."""
    array = _convert.as_float64(values, what)
    return np.isnan(array)


def time_missing(values, what):
    """Which times are missing (NaT, None, NaN, an Arrow null) without parsing
    them twice."""
    values = _arrow.as_numpy(values, what)
    pd = _compat.loaded_pandas()
    if pd is not None and isinstance(values, (pd.Series, pd.Index)):
        return np.asarray(values.isna(), dtype=bool)
    array = np.asarray(values)
    if array.dtype.kind == "M":
        return np.isnat(array)
    if array.dtype.kind == "f":
        return np.isnan(array)
    if array.dtype == object:
        pd = _compat.pandas()
        if pd is not None:
            return np.asarray(pd.isna(array), dtype=bool)
        return np.fromiter((v is None or (isinstance(v, float) and v != v) for v in array),
                           dtype=bool, count=len(array))
    return np.zeros(len(array), dtype=bool)


def take(values, keep, what):
    """The rows of an aligned input where keep is True (None stays None).

    Arrays, pandas objects, scipy sparse matrices, lists, Arrow columns (as
    numpy) and plain candor Weights are subset; a calibration's Weights cannot be (the calibration
    holds for the rows it was fitted on), which is an error."""
    if values is None:
        return None
    values = _arrow.as_numpy(values, what, integers=True)
    if isinstance(values, Weights):
        if values.is_calibration:
            raise Error("CANDOR_UNSUPPORTED",
                        "missing='skip' cannot drop rows from a calibration's weights (%s): "
                        "calibrate on the rows that have a score, or pass weights.values to use "
                        "them as plain weights" % values.kind)
        values = values.values
    if len(values) != len(keep):
        raise Error("CANDOR_LENGTH_MISMATCH", "%s has %d entries but scores has %d"
                    % (what, len(values), len(keep)))
    pd = _compat.loaded_pandas()
    if pd is not None and isinstance(values, (pd.Series, pd.DataFrame)):
        return values.iloc[np.flatnonzero(keep)]
    if pd is not None and isinstance(values, (pd.Index, pd.Categorical)):
        return values[np.flatnonzero(keep)]
    if hasattr(values, "tocsr") and hasattr(values, "shape"):
        return values.tocsr()[np.flatnonzero(keep)]
    if isinstance(values, np.ndarray):
        return values[keep]
    return [v for v, k in zip(values, keep) if k]


def rows_to_keep(scores, weights=None, times=None, what="scores"):
    """(keep mask, skipped count) for missing="skip": rows whose score,
    weight or time is missing are dropped."""
    drop = float_missing(scores, what)
    if weights is not None and not (isinstance(weights, Weights) and weights.is_calibration):
        w = weights.values if isinstance(weights, Weights) else weights
        w_missing = float_missing(w, "weights")
        if len(w_missing) != len(drop):
            raise Error("CANDOR_LENGTH_MISMATCH", "weights has %d entries but scores has %d"
                        % (len(w_missing), len(drop)))
        drop |= w_missing
    if times is not None:
        t_missing = time_missing(times, "times")
        if len(t_missing) != len(drop):
            raise Error("CANDOR_LENGTH_MISMATCH", "times has %d entries but scores has %d"
                        % (len(t_missing), len(drop)))
        drop |= t_missing
    return ~drop, int(drop.sum())


def skip_rows(columns, scores="scores", weights="weights", times=None):
    """missing="skip" in one call: the rows whose score, weight or time is
    missing, left out of every aligned input.

    `columns` maps the name errors give each aligned input ("scores",
    "weights", "accounts", "segment 'region'", ...) to its values (None
    stays None). The entries named by `scores`, `weights` and `times` (the
    last two when given) decide which rows are dropped (rows_to_keep).
    Returns (kept, skipped): a dict with the same names in the same order,
    each input subset (take; the scores as float64), and the number of rows
    left out. With nothing to skip, `kept` holds the inputs unchanged
    (Arrow columns as numpy: each is read once, see candor._arrow)."""
    columns = {name: _arrow.as_numpy(values, name, integers=name != scores)
               for name, values in columns.items()}
    keep, skipped = rows_to_keep(columns[scores], columns.get(weights),
                                 columns.get(times) if times is not None else None, what=scores)
    if not skipped:
        return dict(columns), 0
    kept = {}
    for name, values in columns.items():
        if name == scores:
            values = _convert.as_float64(values, scores)
        kept[name] = take(values, keep, name)
    return kept, skipped


def explain(error, scores, what="scores"):
    """A library error about a missing score, rewritten to name the option
    that skips such rows; other errors unchanged."""
    try:
        missing = np.flatnonzero(float_missing(scores, what))
    except Error:
        return error
    if not len(missing):
        return error
    return Error(error.status, "%s at index %d is missing (%d missing): pass missing='skip' to "
                 "leave such rows out (counted in the result's skipped), or drop them first"
                 % (what, int(missing[0]), len(missing)))
