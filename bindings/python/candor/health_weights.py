"""Suggested scorecard weights from churn history
(include/candor/health_weights.hpp): an L2 logistic regression of churn on
the scorecard's standardized points; the weights are the churn-reducing
coefficients per point scaled to sum 100, and the evidence is out-of-fold
only.

    s = candor.suggest_weights(accounts, card, accounts.churned)
    s.weights          # coefficient, suggested_weight, current_weight, flagged...
    s.auc, s.current_auc, s.comparison   # out-of-fold, the card's own, paired DeLong

From a dated history, the measures as of a cut-off against churn after it:

    s = candor.suggest_weights(history, card, "churned", as_of="2024-01-01",
                               time="month", account="customer_id")
"""

import ctypes
import dataclasses

import numpy as np

from candor import _display
from candor import _arrow
from candor import _capi
from candor import _compat
from candor import _convert
from candor._lib import Error, check, lib
from candor import _labels
from candor.health import _as_scorecard, _CHistory, _column, _CTable, _time_point
from candor.validate import Auc, AucComparison, auc_from_c, comparison_from_c

WEIGHT_COLUMNS = ("coefficient", "coefficient_per_point", "suggested_weight", "current_weight",
                  "flagged", "point_mean", "point_sd", "imputed")


@_display.result
@dataclasses.dataclass(frozen=True)
class SuggestedWeights:
    """weights: a DataFrame indexed by measure with coefficient (log-odds of
    churn per standard deviation of points, from the fit on all accounts),
    coefficient_per_point, suggested_weight (100 max(0, -coefficient per
    point) / the sum over measures; 0 for every measure when none reduces
    churn), current_weight (the scorecard's nominal share W_m), flagged
    (True: more points go with more churn, so weight 0), point_mean,
    point_sd (with n) and imputed (accounts whose points were missing,
    imputed by the mean). oof_probability: each account's churn probability
    from the model fitted without its fold (NaN for an account without any
    data, which is left out); fold: its fold (-1 left out); score: the
    scorecard's score. auc: the out-of-fold AUC of the suggested model with
    DeLong's interval (never in-sample); current_auc: the AUC of -score (the
    score is fitted to nothing, so this is out of sample too); comparison:
    the paired DeLong test of the two (a = suggested, b = current).
    not_yet_customers: as of a cut-off, the accounts of the history without
    a row before it (left out; not in the per-account Series)."""
    weights: object
    intercept: float
    oof_probability: object
    fold: object
    score: object
    auc: Auc
    current_auc: Auc
    comparison: AucComparison
    excluded: int
    iterations: int
    not_yet_customers: int = 0


def _options(l2_penalty, folds, seed, level):
    options = _capi.CSuggestWeightsOptions()
    check(lib.candor_suggest_weights_options_defaults(ctypes.byref(options),
                                                      ctypes.sizeof(options)))
    options.l2_penalty = _convert._float("l2_penalty", l2_penalty)
    options.folds = _convert._int32("folds", folds)
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)) \
            or not 0 <= int(seed) < 2**64:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "seed must be an integer in [0, 2**64), got %r" % (seed,))
    options.seed = int(seed)
    options.level = _convert._float("level", level)
    return options


def suggest_weights(table, scorecard, churn, segment=None, *, as_of=None, time=None,
                    account=None, l2_penalty=1.0, folds=5, seed=0, level=0.95):
    """Suggests weights for `scorecard`'s measures from `churn` (0/1 or
    boolean, one per row of `table`; 1 = churned). table, scorecard and
    segment as for candor.health. l2_penalty: lambda (scikit-learn's C =
    1 / lambda), 0 for none; folds: stratified by churn, assigned by `seed`;
    level: of the AUC intervals. Returns a SuggestedWeights.

    As of a cut-off (as_of given): `table` is a dated history (time,
    account, segment as for candor.health with as_of) and the measures are
    each account's latest values before as_of, so that weights fitted
    against churn after it use nothing they could not have known. churn:
    a column of the history (its name, or its values per row: every row of
    an account must agree) or a mapping / Series from account id to 0/1. Accounts
    without a row before as_of are left out (not_yet_customers); the
    per-account results are indexed by the other accounts' ids, sorted."""
    pd = _compat.require_pandas()
    table = _arrow.as_frame(table, "table")
    card = _as_scorecard(scorecard)
    options = _options(l2_penalty, folds, seed, level)
    if as_of is not None:
        return _suggest_as_of(pd, table, card, churn, segment, as_of, time, account, options)
    for name, value in (("time", time), ("account", account)):
        if value is not None:
            raise Error("CANDOR_INVALID_ARGUMENT", "%s is given without as_of: it is read only "
                        "for a dated history (pass as_of)" % name)
    c_table = _CTable(table, card, segment)
    y = _convert.zero_one(churn, "churn")
    if len(y) != c_table.n:
        raise Error("CANDOR_LENGTH_MISMATCH", "churn has %d values but the table %d rows"
                    % (len(y), c_table.n))
    handle = _capi.SuggestedWeightsP()
    check(lib.candor_health_suggest_weights(card._handle, *c_table.arguments(),
                                            y.ctypes.data_as(_capi.uint8_p),
                                            ctypes.byref(options), ctypes.byref(handle)))
    index = getattr(table, "index", None)
    return _result(pd, handle, card, index)


def _result(pd, handle, card, index):
    """The SuggestedWeights of `handle` (freed here); per-account Series on
    `index` (a RangeIndex when it is None or of another length), without
    the accounts that were not yet customers (fold -2)."""
    try:
        c = _capi.CSuggestedWeightsColumns()
        check(lib.candor_suggested_weights_columns_get(handle, ctypes.byref(c)))
        n, m = c.n, c.measures

        def copy(pointer, count):
            return np.ctypeslib.as_array(pointer, shape=(count,)).copy() if count else \
                np.empty(0)

        weights = pd.DataFrame({name: copy(getattr(c, name), m) for name in WEIGHT_COLUMNS},
                               index=pd.Index(card.measures, name="measure"))
        weights["flagged"] = weights["flagged"].astype(bool)
        if index is None or len(index) != n:
            index = pd.RangeIndex(n)
        fold = copy(c.fold, n)
        keep = fold != -2  # -2: no row before the cut-off
        index = index[keep]

        def series(values, name):
            return pd.Series(values[keep], index=index, name=name)

        return SuggestedWeights(
            weights=weights, intercept=c.intercept,
            oof_probability=series(copy(c.oof_probability, n), "oof_probability"),
            fold=series(fold, "fold"), score=series(copy(c.score, n), "score"),
            auc=auc_from_c(c.auc), current_auc=auc_from_c(c.current_auc),
            comparison=comparison_from_c(c.comparison), excluded=c.excluded,
            iterations=c.iterations, not_yet_customers=int(n - keep.sum()))
    finally:
        lib.candor_suggested_weights_free(handle)


def _account_churn(pd, table, churn, history):
    """churn per account code (uint8): from a column of the history (its
    rows of one account must agree) or a mapping / Series by account id. An
    account without a value is 0 if it has no row before the cut-off (it is
    not read) and an error otherwise (checked by the caller's `customer`)."""
    k = history.accounts
    if isinstance(churn, str) or (not isinstance(churn, dict) and not hasattr(churn, "index")
                                  and len(churn) == history.n):
        y = _convert.zero_one(_column(table, churn, "churn"), "churn")
        if len(y) != history.n:
            raise Error("CANDOR_LENGTH_MISMATCH", "churn has %d values but the history %d rows"
                        % (len(y), history.n))
        per_account = np.full(k, 255, dtype=np.uint8)
        per_account[history.codes] = y  # the last row of each account
        differ = np.flatnonzero(per_account[history.codes] != y)
        if len(differ):
            a = history.levels[history.codes[differ[0]]]
            raise Error("CANDOR_INVALID_ARGUMENT", "churn must be one value per account; account "
                        "%r has both 0 and 1 (row %d)" % (_labels._plain(a), int(differ[0])))
        return per_account, None
    series = churn if hasattr(churn, "index") else pd.Series(churn)
    ids = [_labels._plain(level) for level in history.levels]
    values = series.reindex(pd.Index(ids))
    present = values.notna().to_numpy()
    per_account = np.zeros(k, dtype=np.uint8)
    if present.any():
        per_account[present] = _convert.zero_one(values[present].to_numpy(), "churn")
    return per_account, present


def _suggest_as_of(pd, table, card, churn, segment, as_of, time, account, options):
    history = _CHistory(table, card, segment, time, account)
    at = _time_point(as_of, "as_of")
    y, present = _account_churn(pd, table, churn, history)
    if present is not None:
        customer = np.zeros(history.accounts, dtype=bool)
        customer[history.codes[history.times < at]] = True
        missing = np.flatnonzero(customer & ~present)
        if len(missing):
            raise Error("CANDOR_INVALID_ARGUMENT", "churn has no value for account %r (%d "
                        "accounts with a row before as_of lack one)"
                        % (_labels._plain(history.levels[missing[0]]), len(missing)))
    handle = _capi.SuggestedWeightsP()
    check(lib.candor_health_suggest_weights_as_of(
        card._handle, ctypes.byref(history.struct), at, y.ctypes.data_as(_capi.uint8_p),
        ctypes.byref(options), ctypes.byref(handle)))
    return _result(pd, handle, card, history.index(pd, account))
