"""Recency-bias adjustment: a metric standardized to a reference mix of recent
events (regression standardization; include/candor/weight.hpp)."""

import ctypes
import dataclasses

import numpy as np

from candor import _display
from candor import _capi
from candor import _convert
from candor import _labels
from candor import _lib
from candor._lib import Error, lib
from candor.weights import as_weight_array


@_display.result
@dataclasses.dataclass(frozen=True)
class RecencyAdjustment:
    """raw_value: the unadjusted (weighted) metric; value: the metric under
    the reference mix of events, with its delta-method std_error and normal
    interval at `level`; coefficients and coefficient_std_errors: the fitted
    model, "(Intercept)" then one entry per event kind (the effect of an event
    on the day it happened), on the metric's scale."""
    raw_value: float
    value: float
    std_error: float
    ci_low: float
    ci_high: float
    level: float
    coefficients: dict
    coefficient_std_errors: dict


def _event_codes(event_kind, n):
    """(int32 codes with -1 for no event, kind labels). Missing labels and the
    integer -1 mean no recent event."""
    labels = _labels.as_labels(event_kind, "event_kind")
    if len(labels) != n:
        raise Error("CANDOR_LENGTH_MISMATCH", "event_kind has %d labels but scores has %d"
                    % (len(labels), n))
    none = _labels.is_missing(labels)
    if labels.dtype.kind in "iu":
        none |= labels == -1
    elif labels.dtype == object:
        none |= np.fromiter((isinstance(v, (int, np.integer)) and not isinstance(v, bool)
                             and v == -1 for v in labels), dtype=bool, count=n)
    codes = np.full(n, -1, dtype=np.int32)
    if (~none).any():
        present, kinds = _labels.factorize_present(labels[~none], "event_kind")
        codes[~none] = present
    else:
        kinds = np.empty(0, dtype=object)
    return codes, [_labels._plain(k) for k in kinds]


def adjust_recency(scores, event_kind, days_since_event, weights=None, accounts=None,
                   decay_days=30, reference_share=None, metric="nps", level=0.95, *, scale=None,
                   box=None, promoter_min=None, detractor_max=None):
    """The metric adjusted for recent events by regression standardization.

    Model (weighted least squares on each response's metric value):
    s = b0 + sum_k b_k [kind = k] exp(-days / decay_days); the adjusted value
    is b0 + sum_k b_k reference_share_k. event_kind: one label per response,
    missing (None/NaN) or -1 for no recent event; days_since_event: days from
    the event to the response (ignored where there is none). reference_share:
    dict kind -> share (kinds left out get 0) or an array in the sorted order
    of kinds; None: every share 0, "as if no recent event". accounts (labels)
    make the standard error cluster-robust; weights: array or Weights.
    """
    options = _convert.score_options(metric, scale=scale, box=box, promoter_min=promoter_min,
                                     detractor_max=detractor_max, level=level)
    scores = _convert.as_float64(scores)
    n = len(scores)
    codes, kinds = _event_codes(event_kind, n)
    days = np.array(_convert.as_float64(days_since_event, "days_since_event"))
    if len(days) != n:
        raise Error("CANDOR_LENGTH_MISMATCH", "days_since_event has %d values but scores has %d"
                    % (len(days), n))
    days[codes < 0] = 0  # ignored there; NaN is the natural "no event" entry
    w = None
    if weights is not None:
        w = as_weight_array(weights)
        if len(w) != n:
            raise Error("CANDOR_LENGTH_MISMATCH", "weights has %d entries but scores has %d"
                        % (len(w), n))
    clusters = None
    if accounts is not None:
        clusters, _ = _labels.factorize_present(accounts, "accounts")
        if len(clusters) != n:
            raise Error("CANDOR_LENGTH_MISMATCH", "accounts has %d labels but scores has %d"
                        % (len(clusters), n))
    shares = np.zeros(len(kinds))
    if isinstance(reference_share, dict):
        unknown = [k for k in reference_share if k not in kinds]
        if unknown:
            raise Error("CANDOR_INVALID_ARGUMENT", "reference_share names event kinds %s that "
                        "no response has (kinds: %s)" % (unknown, kinds))
        shares = np.array([float(reference_share.get(k, 0.0)) for k in kinds])
    elif reference_share is not None:
        shares = np.array(_convert.as_float64(reference_share, "reference_share"))
        if len(shares) != len(kinds):
            raise Error("CANDOR_LENGTH_MISMATCH", "reference_share has %d entries but there are "
                        "%d event kinds %s" % (len(shares), len(kinds), kinds))
    out = _capi.CRecencyEffect()
    coefficients = np.empty(len(kinds) + 1)
    std_errors = np.empty(len(kinds) + 1)
    _lib.check(lib.candor_adjust_recency(
        ctypes.byref(options), _convert.double_pointer(scores), _convert.double_pointer(w),
        codes.ctypes.data_as(_capi.int32_p), _convert.double_pointer(days), n, len(kinds),
        _convert._float("decay_days", decay_days), _convert.double_pointer(shares),
        None if clusters is None else clusters.ctypes.data_as(_capi.int32_p), ctypes.byref(out),
        _convert.double_pointer(coefficients), _convert.double_pointer(std_errors)))
    names = ["(Intercept)"] + kinds
    return RecencyAdjustment(out.raw_value, out.standardized_value, out.std_error, out.ci_low,
                             out.ci_high, float(level), dict(zip(names, coefficients.tolist())),
                             dict(zip(names, std_errors.tolist())))
