"""Does a score predict an outcome (include/candor/validate.hpp)? The AUC with
DeLong's interval, the paired DeLong comparison of two scores, calibration of
predicted probabilities (Brier, intercept, slope, Hosmer-Lemeshow), lift and
gains. The outcome is 0/1 or boolean, 1 = the event (e.g. churned); a higher
score means the event is more likely (pROC's direction "<"): for a health
score where higher means healthier, pass its negation. Unweighted."""

import ctypes
import dataclasses

from candor import _display
from candor import _capi
from candor import _compat
from candor import _convert
from candor._lib import Error, check, lib


@_display.result
@dataclasses.dataclass(frozen=True)
class Auc:
    """value: P(score of a positive > score of a negative) + half the ties,
    equal to pROC's auc(direction = "<"); std_error: DeLong's (0 when the
    classes are perfectly separated or every score ties, NaN with a single
    row of a class); ci_low, ci_high: DeLong's interval at `level` clamped
    to [0, 1] as pROC's ci.auc(method = "delong"), or, when DeLong's variance
    is 0 or undefined, the Hanley-McNeil score interval
    (hanley_mcneil_interval True) instead of a zero-width one."""
    value: float
    std_error: float
    ci_low: float
    ci_high: float
    level: float
    n_positive: int
    n_negative: int
    hanley_mcneil_interval: bool


@_display.result
@dataclasses.dataclass(frozen=True)
class AucComparison:
    """difference = auc_a - auc_b with the paired DeLong std_error, interval,
    z and two-sided p_value, as pROC's roc.test(paired = TRUE, method =
    "delong"); correlation: of the two AUC estimates. With a std_error of 0
    the interval is NaN, and z, p_value are 0, 1 when the difference is 0
    (NaN otherwise)."""
    auc_a: float
    auc_b: float
    difference: float
    std_error: float
    ci_low: float
    ci_high: float
    level: float
    z: float
    p_value: float
    correlation: float
    n_positive: int
    n_negative: int


@_display.result
@dataclasses.dataclass(frozen=True)
class Calibration:
    """brier: mean (p - outcome)^2; intercept: calibration-in-the-large (the
    intercept of a logistic fit with logit(p) as offset; 0 is right), slope:
    of the logistic fit on logit(p) (1 is right; NaN with slope_fitted False
    when every p is equal or logit(p) separates the outcomes), each with its
    std_error and Wald interval at `level` (R glm / confint.default);
    hosmer_lemeshow with hosmer_lemeshow_df = groups formed - 2 and its
    p-value, grouped by quantiles of p as R ResourceSelection::hoslem.test;
    groups: the groups (probability_low, probability_high, count, positives,
    expected_positives, mean_probability, observed_rate), a pandas DataFrame
    (a list of dicts without pandas)."""
    n: int
    n_positive: int
    level: float
    brier: float
    mean_probability: float
    observed_rate: float
    intercept: float
    intercept_std_error: float
    intercept_ci_low: float
    intercept_ci_high: float
    slope_fitted: bool
    slope: float
    slope_std_error: float
    slope_ci_low: float
    slope_ci_high: float
    hosmer_lemeshow: float
    hosmer_lemeshow_df: int
    hosmer_lemeshow_p_value: float
    groups: object


_AUC_FIELDS = ("value", "std_error", "ci_low", "ci_high", "level", "n_positive", "n_negative")
_COMPARISON_FIELDS = tuple(f.name for f in dataclasses.fields(AucComparison))
_CALIBRATION_FIELDS = tuple(f.name for f in dataclasses.fields(Calibration)
                            if f.name not in ("slope_fitted", "groups"))
_GROUP_COLUMNS = tuple(name for name, _ in _capi.CCalibrationGroup._fields_)
LIFT_COLUMNS = tuple(name for name, _ in _capi.CLiftRow._fields_)


def _rows(values, what, outcome):
    """values as float64 and outcome as uint8 0/1, checked to be equally long."""
    x = _convert.as_float64(values, what)
    y = _convert.zero_one(outcome, "outcome")
    if len(x) != len(y):
        raise Error("CANDOR_LENGTH_MISMATCH", "%s has %d values but outcome has %d"
                    % (what, len(x), len(y)))
    return x, y


def _outcome_pointer(y):
    return y.ctypes.data_as(_capi.uint8_p)


def _groups(groups):
    if isinstance(groups, bool) or not isinstance(groups, int) or groups < 0:
        raise Error("CANDOR_INVALID_ARGUMENT", "groups must be a non-negative integer; got %r"
                    % (groups,))
    return groups


def _table(rows, columns):
    pd = _compat.pandas()
    records = [{name: getattr(row, name) for name in columns} for row in rows]
    return pd.DataFrame(records, columns=list(columns)) if pd is not None else records


def auc_from_c(out):
    """An Auc from a candor_auc_result."""
    return Auc(**{name: getattr(out, name) for name in _AUC_FIELDS},
               hanley_mcneil_interval=bool(out.hanley_mcneil_interval))


def comparison_from_c(out):
    """An AucComparison from a candor_auc_comparison."""
    return AucComparison(**{name: getattr(out, name) for name in _COMPARISON_FIELDS})


def auc(score, outcome, level=0.95):
    """The AUC of `score` for the 0/1 `outcome` with DeLong's interval at
    `level`."""
    x, y = _rows(score, "score", outcome)
    out = _capi.CAucResult()
    check(lib.candor_auc(_convert.double_pointer(x), _outcome_pointer(y), len(x),
                         _convert._float("level", level), ctypes.byref(out)))
    return auc_from_c(out)


def compare_auc(score_a, score_b, outcome, level=0.95):
    """Paired DeLong test of two scores of the same rows: is score_a's AUC
    different from score_b's? (E.g. a health score against NPS alone.)"""
    a, y = _rows(score_a, "score_a", outcome)
    b, _ = _rows(score_b, "score_b", y)
    out = _capi.CAucComparison()
    check(lib.candor_compare_auc(_convert.double_pointer(a), _convert.double_pointer(b),
                                 _outcome_pointer(y), len(a), _convert._float("level", level),
                                 ctypes.byref(out)))
    return comparison_from_c(out)


def calibration(probability, outcome, groups=10, level=0.95):
    """Calibration of predicted probabilities (strictly between 0 and 1)
    against the 0/1 outcome, with `groups` Hosmer-Lemeshow groups
    (3 <= groups <= rows)."""
    p, y = _rows(probability, "probability", outcome)
    groups = _groups(groups)
    out = _capi.CCalibrationResult()
    # The library writes at most min(groups, rows) groups, and none when it
    # rejects `groups`.
    rows = (_capi.CCalibrationGroup * max(1, min(groups, len(p))))()
    check(lib.candor_calibration(_convert.double_pointer(p), _outcome_pointer(y), len(p), groups,
                                 _convert._float("level", level), ctypes.byref(out), rows))
    return Calibration(**{name: getattr(out, name) for name in _CALIBRATION_FIELDS},
                       slope_fitted=bool(out.slope_fitted),
                       groups=_table(rows[:out.groups], _GROUP_COLUMNS))


def lift(score, outcome, groups=10):
    """Lift and cumulative gains by `groups` groups of descending score
    (deciles by default; tied scores are never split): group (1 = highest
    scores), count, positives, rate, lift, cumulative_count,
    cumulative_positives, gain (share of all positives captured),
    cumulative_lift, score_min, score_max. A pandas DataFrame (a list of
    dicts without pandas)."""
    x, y = _rows(score, "score", outcome)
    groups = _groups(groups)
    rows = (_capi.CLiftRow * max(1, min(groups, len(x))))()
    check(lib.candor_lift(_convert.double_pointer(x), _outcome_pointer(y), len(x), groups, rows))
    return _table(rows[:groups], LIFT_COLUMNS)
