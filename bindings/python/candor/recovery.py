"""Recovery: did following up with detractors win them back? The re-survey
scores of followed-up versus other detractors, the difference of a metric
(NPS by default, or a mean) with its interval, overall and within matched
strata (e.g. first score x segment), standardized to the followed-up's mix of
strata. Follow-up is not randomized: every result carries `caveat`.
Definitions: include/candor/recovery.hpp; C ABI: the "recovery" section of
include/candor.h.
"""

import ctypes
import dataclasses

import numpy as np

from candor import _display
from candor import _arrow
from candor import _capi
from candor import _compat
from candor import _convert
from candor import _labels
from candor import _lib
from candor._lib import Error, lib
from candor.scoring import Comparison

# The caveat of every recovery result (the library's text).
CAVEAT = lib.candor_recovery_caveat().decode("utf-8")


@_display.result(keep_repr=True)
@dataclasses.dataclass(frozen=True)
class Recovery:
    """overall: a Comparison of followed-up (a) minus other (b) detractors.
    Within strata (None without strata): stratified_difference, its
    std_error, ci_low, ci_high, p_value; strata_compared (both groups),
    strata_dropped (one group only) and rows_dropped. strata: a DataFrame
    (one row per stratum; label columns, rows per group, weight, difference
    and interval). caveat: follow-up is not randomized. frame(): one row per
    comparison ("overall", "within_strata") with the caveat in a column."""
    overall: Comparison
    stratified_difference: float
    stratified_std_error: float
    stratified_ci_low: float
    stratified_ci_high: float
    stratified_p_value: float
    strata_compared: int
    strata_dropped: int
    rows_dropped: int
    level: float
    strata: object
    caveat: str

    def frame(self):
        pd = _require_pandas()
        o = self.overall
        rows = [{"comparison": "overall", "difference": o.difference,
                 "std_error": o.std_error, "ci_low": o.ci_low, "ci_high": o.ci_high,
                 "p_value": o.p_value, "followed_up": o.a.n, "not_followed_up": o.b.n,
                 "followed_up_value": o.a.value, "not_followed_up_value": o.b.value}]
        if self.strata is not None:
            compared = self.strata[self.strata["compared"]]
            rows.append({"comparison": "within_strata", "difference": self.stratified_difference,
                         "std_error": self.stratified_std_error,
                         "ci_low": self.stratified_ci_low, "ci_high": self.stratified_ci_high,
                         "p_value": self.stratified_p_value,
                         "followed_up": int(compared["followed_up"].sum()),
                         "not_followed_up": int(compared["not_followed_up"].sum()),
                         "followed_up_value": np.nan, "not_followed_up_value": np.nan})
        frame = pd.DataFrame(rows)
        frame["level"] = self.level
        frame["caveat"] = self.caveat
        frame.attrs["caveat"] = self.caveat
        return frame

    def __repr__(self):
        text = "Recovery(overall=%r" % (self.overall,)
        if self.strata is not None:
            text += (", within_strata=%.4g [%.4g, %.4g] over %d strata (%d dropped)"
                     % (self.stratified_difference, self.stratified_ci_low,
                        self.stratified_ci_high, self.strata_compared, self.strata_dropped))
        return text + ")\nCaveat: " + self.caveat


def _require_pandas():
    pd = _compat.pandas()
    if pd is None:
        raise Error("CANDOR_UNSUPPORTED", "pandas is not installed")
    return pd


def _column(data, value, what):
    """A column of `data` named by `value`, or `value` itself (an array)."""
    if isinstance(value, str):
        if data is None:
            raise Error("CANDOR_INVALID_ARGUMENT", "%s=%r names a column but no data was given"
                        % (what, value))
        if value not in data:
            raise Error("CANDOR_NOT_FOUND", "%s: no column %r" % (what, value))
        return data[value]
    return value


def recovery(data=None, *, rescore="rescore", followed_up="followed_up", strata=None,
             metric="nps", scale=None, interval=None, level=0.95):
    """Re-survey scores of followed-up versus other detractors.

    data: a DataFrame (or None and arrays below). rescore: the re-survey
    score; followed_up: booleans or 0/1; strata: None, a column name, a list
    of column names (their combinations are the strata) or an array of labels.
    Pass detractors only (those whose first score made them detractors).
    metric: "nps" (default) or "mean" (scale=(min, max), default (0, 10)).
    interval: "adjusted_wald" (default for NPS: Rocks 2016) or "wald"
    (default for means). Returns a Recovery; its caveat says that follow-up is
    not randomized, so the difference is an association. data may also be
    an Arrow record batch or table, and the arrays Arrow columns (candor._arrow).
    """
    data = _arrow.as_frame(data, "data")
    scores = _convert.as_float64(_column(data, rescore, "rescore"), "rescore")
    followed = _convert.zero_one(_column(data, followed_up, "followed_up"), "followed_up")
    if len(followed) != len(scores):
        raise Error("CANDOR_LENGTH_MISMATCH", "followed_up has %d entries but rescore has %d"
                    % (len(followed), len(scores)))
    followed = followed.astype(np.int32)
    names, codes, labels = [], None, None
    if strata is not None:
        # With data, a name or a list of names are columns; else labels.
        names = [strata] if isinstance(strata, str) else (
            list(strata) if data is not None and isinstance(strata, (list, tuple)) and strata
            and all(isinstance(s, str) for s in strata) else ["stratum"])
        columns = ([_column(data, s, "strata") for s in names] if names != ["stratum"]
                   else [strata])
        codes, labels = _labels.joint_codes(columns, "strata")
        if len(codes) != len(scores):
            raise Error("CANDOR_LENGTH_MISMATCH", "strata have %d entries but rescore has %d"
                        % (len(codes), len(scores)))
    if metric == "mean" and scale is None:
        scale = (0, 10)
    if interval is None:
        interval = "wald" if metric == "mean" else "adjusted_wald"
    options = _convert.score_options(metric, scale=scale, interval=interval, level=level)
    handle = _capi.RecoveryP()
    _lib.check(lib.candor_recovery_new(
        ctypes.byref(options), _convert.double_pointer(scores),
        followed.ctypes.data_as(_capi.int32_p),
        None if codes is None else codes.ctypes.data_as(_capi.int32_p), len(scores),
        ctypes.byref(handle)))
    try:
        s = _capi.CRecoverySummary()
        _lib.check(lib.candor_recovery_summary_get(handle, ctypes.byref(s)))
        rows = []
        row = _capi.CRecoveryStratum()
        for i in range(lib.candor_recovery_strata(handle)):
            _lib.check(lib.candor_recovery_stratum_at(handle, i, ctypes.byref(row)))
            c = row.comparison
            rows.append(list(labels[row.stratum]) + [
                bool(row.compared), int(row.followed_up), int(row.not_followed_up), row.weight,
                c.difference, c.std_error, c.ci_low, c.ci_high, c.p_value])
    finally:
        lib.candor_recovery_free(handle)
    table = None
    if codes is not None:
        pd = _require_pandas()
        table = pd.DataFrame(rows, columns=names + [
            "compared", "followed_up", "not_followed_up", "weight", "difference", "std_error",
            "ci_low", "ci_high", "p_value"])
    return Recovery(Comparison._from_c(s.overall), s.stratified_difference,
                    s.stratified_std_error, s.stratified_ci_low, s.stratified_ci_high,
                    s.stratified_p_value, int(s.strata_compared), int(s.strata_dropped),
                    int(s.rows_dropped), s.level, table, s.caveat.decode("utf-8"))
