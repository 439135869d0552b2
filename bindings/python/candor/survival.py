"""Time to churn: does a risk (or health) score rank customers by how soon
they leave (concordance), and how do groups' survival curves differ
(Kaplan-Meier, log-rank). Each equals R's survival package: concordance(...,
reverse=TRUE), survfit and survdiff. Definitions and references:
include/candor/survival.hpp; C ABI: the "survival" section of include/candor.h.

time: follow-up time (finite, >= 0; e.g. tenure in months); event: 1 churned
at that time, 0 still a customer (censored); True/False work too.
"""

import ctypes
import dataclasses

import numpy as np

from candor import _display
from candor import _capi
from candor import _compat
from candor import _convert
from candor import _labels
from candor import _lib
from candor._lib import Error, lib

_TIME_WEIGHTS = _lib.enum_values(_capi.ENUM_TIME_WEIGHT)
_TIME_WEIGHT_NAMES = {value: name for name, value in _TIME_WEIGHTS.items()}
# R survival's spellings of the same weights, mapped to the library's names.
_TIME_WEIGHT_ALIASES = {"n/G2": "n_g2"}
_INTERVALS = _lib.enum_values(_capi.ENUM_SURVIVAL_INTERVAL)
_INTERVAL_ALIASES = {"log-log": "log_log"}


@_display.result
@dataclasses.dataclass(frozen=True)
class Concordance:
    """Harrell's (or Uno's) C: the share of comparable pairs in which the
    customer with the higher risk churned first (ties in risk count 1/2).

    value, std_error (infinitesimal jackknife, as R's survival); the weighted
    pair counts concordant, discordant, tied_risk (comparable, equal risk),
    tied_time and tied_both (churned at the same time: not comparable);
    n rows, events, time_weight ("n": Harrell; "n_g2": Uno)."""
    value: float
    std_error: float
    concordant: float
    discordant: float
    tied_risk: float
    tied_time: float
    tied_both: float
    n: int
    events: int
    time_weight: str


@_display.result
@dataclasses.dataclass(frozen=True)
class SurvivalCurve:
    """One group's Kaplan-Meier curve, one entry per distinct time (numpy
    arrays): time, n_risk, n_event, n_censor, survival, std_error (of the
    survival, Greenwood), std_error_log (of log survival: survfit's std.err),
    ci_low, ci_high (NaN where survfit gives NA). n rows, their weight and
    weighted events."""
    group: object
    n: int
    weight: float
    events: float
    time: np.ndarray
    n_risk: np.ndarray
    n_event: np.ndarray
    n_censor: np.ndarray
    survival: np.ndarray
    std_error: np.ndarray
    std_error_log: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray

    _COLUMNS = ("time", "n_risk", "n_event", "n_censor", "survival", "std_error",
                "std_error_log", "ci_low", "ci_high")

    def survival_at(self, t):
        """S(t): the curve's value at time t (1 before its first time)."""
        k = np.searchsorted(self.time, t, side="right")
        return 1.0 if k == 0 else float(self.survival[k - 1])


@_display.result
@dataclasses.dataclass(frozen=True)
class KaplanMeier:
    """Kaplan-Meier curves by group (`curves`, in the groups' sorted order;
    one curve with group None without groups); `level` and `interval` ("log",
    survfit's default, "log_log" or "plain") of the pointwise intervals. Where
    S = 1 (no churn yet) the interval is Clopper-Pearson's for n_risk of n_risk,
    not survfit's [1, 1].
    frame() gives one pandas row per group and time."""
    curves: list
    level: float
    interval: str

    def __getitem__(self, group):
        for curve in self.curves:
            if curve.group == group:
                return curve
        raise KeyError(group)

    def frame(self):
        pd = _require_pandas()
        parts = []
        for curve in self.curves:
            columns = {"group": [curve.group] * len(curve.time)}
            columns.update({name: getattr(curve, name) for name in SurvivalCurve._COLUMNS})
            parts.append(pd.DataFrame(columns))
        return pd.concat(parts, ignore_index=True)


@_display.result
@dataclasses.dataclass(frozen=True)
class LogRankGroup:
    """A group's customers (n), churn events (observed) and the events
    expected under equal hazards (expected), with V_kk (variance); tested is
    False for a group with no one at risk at any event time."""
    group: object
    n: int
    observed: float
    expected: float
    variance: float
    tested: bool


@_display.result
@dataclasses.dataclass(frozen=True)
class LogRank:
    """The log-rank test of equal survival across groups (R's survdiff):
    chi_square on df degrees of freedom, p_value; per group `groups`."""
    chi_square: float
    df: int
    p_value: float
    groups: list

    def frame(self):
        pd = _require_pandas()
        return pd.DataFrame([dataclasses.asdict(g) for g in self.groups])


def _require_pandas():
    pd = _compat.pandas()
    if pd is None:
        raise Error("CANDOR_UNSUPPORTED", "pandas is not installed")
    return pd


def _columns(time, event, weights, others=()):
    """time, event (and weights, other float columns) as float64, equally long."""
    time = _convert.as_float64(time, "time")
    event = _convert.as_float64(event, "event")
    arrays = [time, event]
    names = ["time", "event"]
    for name, values in others:
        arrays.append(_convert.as_float64(values, name))
        names.append(name)
    if weights is not None:
        arrays.append(_convert.as_float64(weights, "weights"))
        names.append("weights")
    for name, array in zip(names[1:], arrays[1:]):
        if len(array) != len(time):
            raise Error("CANDOR_LENGTH_MISMATCH", "%s has %d entries but time has %d"
                        % (name, len(array), len(time)))
    return arrays


def _groups(group, n):
    """(int32 codes or None, levels) for a column of group labels."""
    if group is None:
        return None, [None]
    codes, levels = _labels.factorize_present(group, "group")
    if len(codes) != n:
        raise Error("CANDOR_LENGTH_MISMATCH",
                    "group has %d entries but time has %d" % (len(codes), n))
    return codes, [_labels._plain(level) for level in levels]


def _choice(what, value, names, aliases):
    name = aliases.get(value, value)
    if name not in names:
        raise Error("CANDOR_INVALID_ARGUMENT", "%s must be one of %s, got %r"
                    % (what, ", ".join(repr(k) for k in list(names) + list(aliases)), value))
    return names[name]


def concordance(risk, time, event, weights=None, timewt="n"):
    """Harrell's C of `risk` against time to churn (higher risk should mean
    churning sooner), with its standard error: equal to R's
    concordance(Surv(time, event) ~ risk, reverse=TRUE, weights=, timewt=).

    timewt: "n" (Harrell, default) or "n_g2" / "n/G2" (Uno: pairs weighted by
    1/G(t)^2, G the censoring distribution). weights: case weights >= 0.
    O(n log n). Returns a Concordance.
    """
    time, event, risk, *rest = _columns(time, event, weights, [("risk", risk)])
    weight_array = rest[0] if rest else None
    options = _capi.CConcordanceOptions()
    _lib.check(lib.candor_concordance_options_defaults(ctypes.byref(options),
                                                       ctypes.sizeof(options)))
    options.time_weight = _choice("timewt", timewt, _TIME_WEIGHTS, _TIME_WEIGHT_ALIASES)
    out = _capi.CConcordanceResult()
    _lib.check(lib.candor_concordance(
        _convert.double_pointer(risk), _convert.double_pointer(time),
        _convert.double_pointer(event), _convert.double_pointer(weight_array), len(time),
        ctypes.byref(options), ctypes.byref(out)))
    return Concordance(out.value, out.std_error, out.concordant, out.discordant, out.tied_risk,
                       out.tied_time, out.tied_both, int(out.n), int(out.events),
                       _TIME_WEIGHT_NAMES[out.time_weight])


def kaplan_meier(time, event, group=None, level=0.95, weights=None, conf_type="log"):
    """Kaplan-Meier curves of time to churn, one per group (labels of any
    kind; None: one curve), with Greenwood standard errors and pointwise
    intervals at `level`: equal to R's survfit(Surv(time, event) ~ group,
    weights=, conf.int=level, conf.type=). conf_type: "log" (survfit's
    default), "log_log" / "log-log", or "plain". With non-integer weights
    survfit's default variance is a robust one; candor's is Greenwood's on
    the weighted counts (survfit's robust=FALSE). Before a curve's first
    churn survfit's interval is [1, 1]; candor's is the exact Clopper-Pearson
    interval for n_risk survivors of n_risk. Returns a KaplanMeier.
    """
    time, event, *rest = _columns(time, event, weights)
    weight_array = rest[0] if rest else None
    codes, levels = _groups(group, len(time))
    options = _capi.CKaplanMeierOptions()
    _lib.check(lib.candor_kaplan_meier_options_defaults(ctypes.byref(options),
                                                        ctypes.sizeof(options)))
    options.level = float(level)
    options.interval = _choice("conf_type", conf_type, _INTERVALS, _INTERVAL_ALIASES)
    handle = _capi.KaplanMeierP()
    _lib.check(lib.candor_kaplan_meier_new(
        _convert.double_pointer(time), _convert.double_pointer(event),
        None if codes is None else codes.ctypes.data_as(_capi.int32_p),
        _convert.double_pointer(weight_array), len(time), ctypes.byref(options),
        ctypes.byref(handle)))
    try:
        curves = []
        c = _capi.CKmCurve()
        for i in range(lib.candor_kaplan_meier_curves(handle)):
            _lib.check(lib.candor_kaplan_meier_curve_at(handle, i, ctypes.byref(c)))
            columns = {name: np.ctypeslib.as_array(getattr(c, name), shape=(c.points,)).copy()
                       if c.points else np.empty(0)
                       for name in SurvivalCurve._COLUMNS}
            curves.append(SurvivalCurve(levels[c.group], int(c.n), c.weight, c.events,
                                        **columns))
    finally:
        lib.candor_kaplan_meier_free(handle)
    interval = {value: name for name, value in _INTERVALS.items()}[options.interval]
    return KaplanMeier(curves, float(level), interval)


def log_rank(time, event, group):
    """The log-rank test of equal survival across the groups of `group`
    (labels of any kind): equal to R's survdiff(Surv(time, event) ~ group).
    Returns a LogRank (chi_square, df, p_value, per-group observed and
    expected events)."""
    time, event = _columns(time, event, None)
    codes, levels = _groups(group, len(time))
    if codes is None:
        raise Error("CANDOR_INVALID_ARGUMENT", "group is None: the log-rank test compares groups")
    handle = _capi.LogRankP()
    _lib.check(lib.candor_log_rank_new(
        _convert.double_pointer(time), _convert.double_pointer(event),
        codes.ctypes.data_as(_capi.int32_p), len(time), ctypes.byref(handle)))
    try:
        summary = _capi.CLogRankResult()
        _lib.check(lib.candor_log_rank_summary(handle, ctypes.byref(summary)))
        groups = []
        g = _capi.CLogRankGroup()
        for i in range(lib.candor_log_rank_groups(handle)):
            _lib.check(lib.candor_log_rank_group_at(handle, i, ctypes.byref(g)))
            groups.append(LogRankGroup(levels[g.group], int(g.n), g.observed, g.expected,
                                       g.variance, bool(g.tested)))
    finally:
        lib.candor_log_rank_free(handle)
    return LogRank(summary.chi_square, int(summary.df), summary.p_value, groups)
