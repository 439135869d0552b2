"""Suggested scorecard weights from churn history
(include/candor/health_weights.hpp): an L2 logistic regression of churn on
the scorecard's standardized points; the weights are the churn-reducing
coefficients per point scaled to sum 100, and the evidence is out-of-fold
only.

    s = candor.suggest_weights(accounts, card, accounts.churned)
    s.weights          # coefficient, suggested_weight, current_weight, flagged...
    s.auc, s.current_auc, s.comparison   # out-of-fold, the card's own, paired DeLong
"""

import ctypes
import dataclasses

import numpy as np

from candor import _capi
from candor import _compat
from candor import _convert
from candor._lib import Error, check, lib
from candor.health import _as_scorecard, _CTable
from candor.validate import Auc, AucComparison, auc_from_c, comparison_from_c

WEIGHT_COLUMNS = ("coefficient", "coefficient_per_point", "suggested_weight", "current_weight",
                  "flagged", "point_mean", "point_sd", "imputed")


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
    the paired DeLong test of the two (a = suggested, b = current)."""
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


def suggest_weights(table, scorecard, churn, segment=None, *, l2_penalty=1.0, folds=5, seed=0,
                    level=0.95):
    """Suggests weights for `scorecard`'s measures from `churn` (0/1 or
    boolean, one per row of `table`; 1 = churned). table, scorecard and
    segment as for candor.health. l2_penalty: lambda (scikit-learn's C =
    1 / lambda), 0 for none; folds: stratified by churn, assigned by `seed`;
    level: of the AUC intervals. Returns a SuggestedWeights."""
    pd = _compat.require_pandas()
    card = _as_scorecard(scorecard)
    c_table = _CTable(table, card, segment)
    y = _convert.zero_one(churn, "churn")
    if len(y) != c_table.n:
        raise Error("CANDOR_LENGTH_MISMATCH", "churn has %d values but the table %d rows"
                    % (len(y), c_table.n))
    options = _options(l2_penalty, folds, seed, level)
    handle = _capi.SuggestedWeightsP()
    check(lib.candor_health_suggest_weights(card._handle, *c_table.arguments(),
                                            y.ctypes.data_as(_capi.uint8_p),
                                            ctypes.byref(options), ctypes.byref(handle)))
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
        index = getattr(table, "index", None)
        if index is None or len(index) != n:
            index = pd.RangeIndex(n)
        return SuggestedWeights(
            weights=weights, intercept=c.intercept,
            oof_probability=pd.Series(copy(c.oof_probability, n), index=index,
                                      name="oof_probability"),
            fold=pd.Series(copy(c.fold, n), index=index, name="fold"),
            score=pd.Series(copy(c.score, n), index=index, name="score"),
            auc=auc_from_c(c.auc), current_auc=auc_from_c(c.current_auc),
            comparison=comparison_from_c(c.comparison), excluded=c.excluded,
            iterations=c.iterations)
    finally:
        lib.candor_suggested_weights_free(handle)
