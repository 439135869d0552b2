"""Trend tests on a time-ordered series (include/candor/trend_series.hpp): the
Mann-Kendall test (original, Hamed-Rao for autocorrelation, seasonal), Sen's
slope and a weighted least-squares line through bucket estimates."""

import ctypes
import dataclasses

from candor import _display
from candor import _capi
from candor import _convert
from candor import _lib
from candor._lib import Error, check, lib

_METHODS = _lib.enum_values(_capi.ENUM_MK_METHOD)
_TRENDS = {1: "increasing", -1: "decreasing", 0: "no trend"}


_WLS_FIELDS = ("slope", "slope_std_error", "slope_ci_low", "slope_ci_high", "slope_p_value",
               "intercept", "intercept_std_error", "intercept_ci_low", "intercept_ci_high",
               "intercept_p_value", "chi_square", "residual_scale")




@_display.result
@dataclasses.dataclass(frozen=True)
class MannKendall:
    """s: sum of sign(x_j - x_i) over pairs i < j (within seasons for the
    seasonal test); var_s: its variance (tie-corrected; times
    variance_factor, Hamed-Rao's n/n*_s, for method "hamed_rao"); z: the
    continuity-corrected statistic; p_value: two-sided; tau: S over the
    number of pairs (tau-a, as pymannkendall); trend: "increasing",
    "decreasing" or "no trend" at alpha."""
    tau: float
    s: int
    var_s: float
    z: float
    p_value: float
    trend: str
    n: int
    method: str
    alpha: float
    variance_factor: float
    significant_lags: int


@_display.result
@dataclasses.dataclass(frozen=True)
class SensSlope:
    """slope: median pairwise slope per index step (per cycle when a period
    is given); intercept: median(values) - median(time) * slope; ci_low,
    ci_high: Sen's rank interval at `level`."""
    slope: float
    intercept: float
    ci_low: float
    ci_high: float
    level: float


@_display.result
@dataclasses.dataclass(frozen=True)
class WlsSlope:
    """The weighted least-squares line value = intercept + slope * time with
    weights 1/std_error**2; standard errors, intervals at `level` and
    two-sided p-values for slope and intercept; chi_square (weighted
    residual sum of squares, on n - 2 df) and residual_scale =
    chi_square / (n - 2)."""
    slope: float
    slope_std_error: float
    slope_ci_low: float
    slope_ci_high: float
    slope_p_value: float
    intercept: float
    intercept_std_error: float
    intercept_ci_low: float
    intercept_ci_high: float
    intercept_p_value: float
    chi_square: float
    residual_scale: float
    n: int
    level: float
    scaled: bool


def _count(name, value):
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Error("CANDOR_INVALID_ARGUMENT", "%s must be a non-negative integer; got %r"
                    % (name, value))
    return value


def mann_kendall(values, method="original", period=None, alpha=0.05, max_lag=None,
                 signed_sum=False):
    """The Mann-Kendall trend test of `values` (time order, equally spaced,
    no missing values).

    method: "original"; "hamed_rao" (variance corrected for the significant
    autocorrelations of the detrended ranks, lags 1..max_lag, all if None;
    signed_sum=True for the paper's signed sum instead of pymannkendall's
    absolute one); "seasonal" (also chosen by giving `period`: season =
    index mod period, at least 2 full periods).
    """
    if period is not None and method == "original":
        method = "seasonal"
    if method not in _METHODS:
        raise Error("CANDOR_INVALID_ARGUMENT", "method must be one of %s; got %r"
                    % (", ".join(sorted(_METHODS)), method))
    if method == "seasonal" and period is None:
        raise Error("CANDOR_INVALID_ARGUMENT", "the seasonal test needs a period")
    if method != "seasonal" and period is not None:
        raise Error("CANDOR_INVALID_ARGUMENT", "period applies to the seasonal test only")
    x = _convert.as_float64(values, "values")
    options = _capi.CMkOptions()
    check(lib.candor_mk_options_defaults(ctypes.byref(options), ctypes.sizeof(options)))
    options.method = _METHODS[method]
    options.alpha = float(alpha)
    options.max_lag = _count("max_lag", max_lag)
    options.period = _count("period", period)
    options.hamed_rao_signed_sum = 1 if signed_sum else 0
    out = _capi.CMkResult()
    check(lib.candor_mann_kendall(_convert.double_pointer(x), len(x), ctypes.byref(options),
                                  ctypes.byref(out)))
    return MannKendall(tau=out.tau, s=out.s, var_s=out.var_s, z=out.z, p_value=out.p_value,
                       trend=_TRENDS[out.trend], n=out.n, method=method, alpha=float(alpha),
                       variance_factor=out.variance_factor,
                       significant_lags=out.significant_lags)


def sens_slope(values, level=0.95, period=None):
    """Sen's slope of `values` (time order, equally spaced) with its rank
    interval at `level`; with `period`, the seasonal slope per cycle."""
    x = _convert.as_float64(values, "values")
    out = _capi.CSensSlopeResult()
    if period is None:
        check(lib.candor_sens_slope(_convert.double_pointer(x), len(x), float(level),
                                    ctypes.byref(out)))
    else:
        check(lib.candor_seasonal_sens_slope(_convert.double_pointer(x), len(x),
                                             _count("period", period), float(level),
                                             ctypes.byref(out)))
    return SensSlope(slope=out.slope, intercept=out.intercept, ci_low=out.ci_low,
                     ci_high=out.ci_high, level=float(level))


def wls_slope(values, std_errors, times=None, level=0.95, scale_by_residual_variance=False):
    """The weighted least-squares line through bucket estimates `values` with
    their `std_errors` (> 0), at `times` (numbers, strictly increasing; None:
    0, 1, 2, ...). By default the std_errors are known sampling errors
    (covariance (X'WX)^-1, normal intervals: statsmodels WLS with
    cov_type='fixed scale'); scale_by_residual_variance=True scales it by
    chi_square / (n - 2) with t intervals (statsmodels WLS's default)."""
    y = _convert.as_float64(values, "values")
    se = _convert.as_float64(std_errors, "std_errors")
    if len(se) != len(y):
        raise Error("CANDOR_LENGTH_MISMATCH", "std_errors has %d values but values has %d"
                    % (len(se), len(y)))
    t = None
    if times is not None:
        t = _convert.as_float64(times, "times")
        if len(t) != len(y):
            raise Error("CANDOR_LENGTH_MISMATCH", "times has %d values but values has %d"
                        % (len(t), len(y)))
    out = _capi.CWlsSlopeResult()
    check(lib.candor_wls_slope(_convert.double_pointer(y), _convert.double_pointer(se),
                               _convert.double_pointer(t), len(y), float(level),
                               1 if scale_by_residual_variance else 0, ctypes.byref(out)))
    return WlsSlope(**{name: getattr(out, name) for name in _WLS_FIELDS}, n=out.n,
                    level=float(level), scaled=bool(scale_by_residual_variance))
