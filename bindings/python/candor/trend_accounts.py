"""Per-account trends and the ranking of accounts by significant decline
(include/candor/trend_accounts.hpp): which accounts are getting worse, for real."""

import ctypes

import numpy as np

from candor import _capi
from candor import _compat
from candor import _convert
from candor import _labels
from candor import _lib
from candor._lib import Error, lib

_SPLITS = _lib.enum_values(_capi.ENUM_SPLIT_RULE)
_COVARIANCES = _lib.enum_values(_capi.ENUM_ROBUST_SE)
_STATUSES = {value: name
             for name, value in _lib.enum_values(_capi.ENUM_ACCOUNT_TREND_STATUS).items()}


# The mirrors by the names they had here (candor._capi has them).
AccountTrendOptions = _capi.CAccountTrendOptions
AccountTrendRow = _capi.CAccountTrendRow

COLUMNS = ("account", "status", "declining", "n", "first_time", "last_time", "value",
           "std_error", "ci_low", "ci_high", "effective_n", "slope", "slope_std_error",
           "slope_ci_low", "slope_ci_high", "slope_df", "slope_p_value", "slope_p_adjusted",
           "recent_value", "n_recent", "earlier_value", "n_earlier", "change",
           "change_std_error", "change_ci_low", "change_ci_high", "change_p_value",
           "change_p_adjusted")


_seconds = _convert.unix_seconds


def _trend_options(min_responses, slope_unit_days, split, split_time, recent_days, covariance,
                   p_adjust, alpha):
    options = _capi.CAccountTrendOptions()
    _lib.check(lib.candor_account_trend_options_defaults(ctypes.byref(options),
                                                         ctypes.sizeof(options)))
    options.min_responses = _convert._int32("min_responses", min_responses)
    options.slope_unit_days = _convert._float("slope_unit_days", slope_unit_days)
    options.split = _convert._choice("split", split, _SPLITS)
    if options.split == _SPLITS["time"]:
        if split_time is None:
            raise Error("CANDOR_INVALID_ARGUMENT", "split='time' needs split_time")
        options.split_time = int(_seconds(np.atleast_1d(np.asarray(split_time)), "split_time")[0])
    elif split_time is not None:
        raise Error("CANDOR_INVALID_ARGUMENT", "split_time is only used with split='time'")
    options.recent_days = _convert._float("recent_days", recent_days)
    options.covariance = _convert._choice("covariance", covariance, _COVARIANCES)
    options.p_adjust = _convert.p_adjust_code(p_adjust)
    options.alpha = _convert._float("alpha", alpha)
    return options


def account_trends(scores, times, accounts, weights=None, metric="nps", *, min_responses=10,
                   slope_unit_days=30, split="median", split_time=None, recent_days=90,
                   covariance="hc3", p_adjust="bh", alpha=0.05, scale=None, box=None,
                   promoter_min=None, detractor_max=None, interval="jeffreys", level=0.95,
                   prior=1.0, replicates=2000, seed=42, threads=0):
    """Per-account trends, one row per account in ranking order (declining
    accounts first, by adjusted p then slope; then the other tested accounts
    by the slope's t statistic; then accounts that could not be tested).

    scores, times (Unix seconds or datetimes, any order), accounts (any
    labels; missing labels are an error) and weights (None: all 1) are
    equally long. Per account: its level (value, std_error, ci_low, ci_high,
    effective_n) with the metric's interval; the slope of the per-response
    metric value on time in points per `slope_unit_days` by weighted least
    squares with an HC3 (or "hc1") robust standard error and a Student t test
    (slope_*); recent - earlier (change_*, recent = times >= the split:
    split="median" the median time of all responses, "time" split_time,
    "last_days" the last recent_days); p-values adjusted across the tested
    accounts (p_adjust "bh" by default, "holm", "none"); `declining` when the
    slope is negative and slope_p_adjusted <= alpha. `status` is "ok",
    "too_few_responses" (n < min_responses: reported, not tested) or
    "slope_undefined" (e.g. every response at one time).

    Returns a pandas DataFrame (with frame.attrs["split_time"] and
    ["declining"]), or without pandas a list of dicts.
    """
    options = _convert.score_options(
        metric, scale=scale, box=box, promoter_min=promoter_min,
        detractor_max=detractor_max, interval=interval, level=level, prior=prior,
        replicates=replicates, seed=seed, threads=threads)
    trend = _trend_options(min_responses, slope_unit_days, split, split_time, recent_days,
                           covariance, p_adjust, alpha)
    scores, weights = _convert.scores_and_weights(scores, weights)
    times = _seconds(times, "times")
    codes, labels = _labels.factorize_present(accounts, "accounts")
    for what, length in (("times", len(times)), ("accounts", len(codes))):
        if length != len(scores):
            raise Error("CANDOR_LENGTH_MISMATCH", "%s has %d entries but scores has %d"
                        % (what, length, len(scores)))
    handle = _capi.AccountTrendsP()
    _lib.check(lib.candor_account_trends_new(
        ctypes.byref(options), ctypes.byref(trend), _convert.double_pointer(scores),
        times.ctypes.data_as(_capi.int64_p),
        codes.ctypes.data_as(_capi.int32_p), _convert.double_pointer(weights),
        len(scores), ctypes.byref(handle)))
    try:
        rows = _read_rows(handle, labels)
        split_used = lib.candor_account_trends_split_time(handle)
        declining = lib.candor_account_trends_declining(handle)
    finally:
        lib.candor_account_trends_free(handle)
    return _to_frame(rows, split_used, declining)


def _plain(label):
    return label.item() if isinstance(label, np.generic) else label


def _read_rows(handle, labels):
    rows = []
    for row in _lib.read_rows(handle, lib.candor_account_trends_rows,
                              lib.candor_account_trends_row_at, _capi.CAccountTrendRow):
        c = row.recent_vs_earlier
        rows.append({
            "account": _plain(labels[row.account]), "status": _STATUSES[row.status],
            "declining": bool(row.declining), "n": row.n, "first_time": row.first_time,
            "last_time": row.last_time, "value": row.level.value,
            "std_error": row.level.std_error, "ci_low": row.level.ci_low,
            "ci_high": row.level.ci_high, "effective_n": row.level.effective_n,
            "slope": row.slope, "slope_std_error": row.slope_std_error,
            "slope_ci_low": row.slope_ci_low, "slope_ci_high": row.slope_ci_high,
            "slope_df": row.slope_df, "slope_p_value": row.slope_p_value,
            "slope_p_adjusted": row.slope_p_adjusted, "recent_value": c.a.value,
            "n_recent": c.a.n, "earlier_value": c.b.value, "n_earlier": c.b.n,
            "change": c.difference, "change_std_error": c.std_error, "change_ci_low": c.ci_low,
            "change_ci_high": c.ci_high, "change_p_value": c.p_value,
            "change_p_adjusted": row.change_p_adjusted,
        })
    return rows


def _to_frame(rows, split_time, declining):
    pd = _compat.pandas()
    if pd is None:
        return rows
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for column in ("n", "first_time", "last_time", "n_recent", "n_earlier"):
        frame[column] = frame[column].astype("int64")
    frame["declining"] = frame["declining"].astype(bool)
    frame.attrs["split_time"] = int(split_time)
    frame.attrs["declining"] = int(declining)
    return frame
