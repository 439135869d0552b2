"""Which themes drive detractors (include/candor/drivers.hpp): per theme its
volume, who mentions it, the metric with and without it, its NPS impact, the
detractor relative risk, a ridge-logistic key-driver model, and themes
trending between periods."""

import ctypes
import dataclasses

import numpy as np

from candor import _display
from candor import _capi
from candor import _compat
from candor import _convert
from candor import _labels
from candor import _lib
from candor import _missing
from candor._lib import Error, lib
from candor.scoring import Comparison, Estimate

_STATUSES = {value: name for name, value in _lib.enum_values(_capi.ENUM_THEME_STATUS).items()}


# The mirrors by the names they had here (candor._capi has them).
DriversOptions = _capi.CDriversOptions
ThemeMentionsC = _capi.CThemeMentions
DriverRow = _capi.CDriverRow
KeyDriverModelC = _capi.CKeyDriverModel
TrendingRow = _capi.CTrendingRow

COLUMNS = (
    "theme", "name", "status", "mentions", "weighted_mentions",
    "share", "share_std_error", "share_ci_low", "share_ci_high",
    "share_of_promoters", "share_of_passives", "share_of_detractors",
    "score", "score_std_error", "score_ci_low", "score_ci_high",
    "score_without", "score_without_std_error",
    "impact", "impact_std_error", "impact_ci_low", "impact_ci_high", "impact_p_value",
    "detractors_mentioning", "detractors_not", "relative_risk", "relative_risk_ci_low",
    "relative_risk_ci_high", "log_relative_risk_std_error", "relative_risk_p_value",
    "relative_risk_corrected", "in_model", "coefficient", "coefficient_std_error",
    "odds_ratio", "odds_ratio_ci_low", "odds_ratio_ci_high", "importance")

TRENDING_COLUMNS = (
    "theme", "name", "trending", "share_earlier", "share_later", "n_earlier", "n_later",
    "difference", "std_error", "ci_low", "ci_high", "z", "p_value", "p_adjusted",
    "score_earlier", "score_later", "score_change", "score_change_std_error",
    "score_change_p_value", "score_change_p_adjusted")


@_display.result
@dataclasses.dataclass(frozen=True)
class KeyDriverModel:
    """The logistic key-driver model's summary (coefficients are in the table)."""
    fitted: bool
    converged: bool
    iterations: int
    themes_in_model: int
    l2_penalty: float
    intercept: float
    intercept_std_error: float
    penalized_log_likelihood: float
    message: str


@_display.result
@dataclasses.dataclass(frozen=True)
class ThemeDrivers:
    """The result of theme_drivers.

    table: one row per theme (a pandas DataFrame, or a list of dicts without
    pandas); trending: one row per theme when periods were given, else None;
    overall: the metric over every comment; detractors: how many comments are
    in the bottom category; model: the key-driver model's summary; periods:
    the (earlier, later) period labels compared, or None; skipped: rows left
    out for a missing score or weight under missing="skip".
    """
    table: object
    trending: object
    overall: Estimate
    detractors: int
    model: KeyDriverModel
    periods: object
    skipped: int = 0


def _checked_mentions(mentions, n, theme_names):
    """(names or None, offsets, ids, themes) of `mentions` for n comments,
    checked to cover the n comments and to match the theme names' count."""
    names = None if theme_names is None else [str(name) for name in theme_names]
    offsets, ids, themes = _mentions_csr(mentions, n, None if names is None else len(names))
    if len(offsets) - 1 != n:
        raise Error("CANDOR_LENGTH_MISMATCH",
                    "mentions cover %d comments but scores has %d" % (len(offsets) - 1, n))
    if names is not None and len(names) != themes:
        raise Error("CANDOR_LENGTH_MISMATCH",
                    "%d theme names for %d themes" % (len(names), themes))
    return names, offsets, ids, themes


def _mentions_csr(mentions, n, themes):
    """(offsets int64 n+1, ids int32, themes) from a 0/1 matrix, a scipy
    sparse matrix or a list of lists of theme ids."""
    if hasattr(mentions, "tocsr") and hasattr(mentions, "shape"):
        csr = mentions.tocsr()
        csr.eliminate_zeros()
        return (np.ascontiguousarray(csr.indptr, dtype=np.int64),
                np.ascontiguousarray(csr.indices, dtype=np.int32), csr.shape[1])
    if isinstance(mentions, np.ndarray) or (hasattr(mentions, "to_numpy") and
                                            hasattr(mentions, "shape")):
        matrix = np.asarray(mentions)
        if matrix.ndim != 2:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "mentions must be an (n x T) 0/1 matrix, got shape %s" % (matrix.shape,))
        if matrix.dtype.kind == "f" and np.isnan(matrix).any():
            raise Error("CANDOR_INVALID_ARGUMENT", "mentions contain NaN")
        if not np.isin(matrix, (0, 1)).all():
            raise Error("CANDOR_INVALID_ARGUMENT", "mentions must hold only 0 and 1")
        rows, cols = np.nonzero(matrix)
        offsets = np.zeros(matrix.shape[0] + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=matrix.shape[0]), out=offsets[1:])
        return offsets, cols.astype(np.int32), matrix.shape[1]
    lengths, ids = [], []
    for i, row in enumerate(mentions):
        row = list(row)
        for theme in row:
            if isinstance(theme, (bool, np.bool_)) or int(theme) != theme:
                raise Error("CANDOR_INVALID_ARGUMENT",
                            "mentions[%d] holds %r, not a theme id" % (i, theme))
        lengths.append(len(row))
        ids.extend(int(t) for t in row)
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(np.asarray(lengths, dtype=np.int64), out=offsets[1:])
    ids = np.asarray(ids, dtype=np.int64)
    if themes is None:
        themes = int(ids.max()) + 1 if len(ids) else 0
    if len(ids) and (ids.min() < -2**31 or ids.max() >= 2**31):
        raise Error("CANDOR_OUT_OF_RANGE", "a theme id does not fit in int32")
    return offsets, ids.astype(np.int32), themes


def _period_codes(periods, n):
    codes, labels = _labels.factorize_present(periods, "periods")
    if len(codes) != n:
        raise Error("CANDOR_LENGTH_MISMATCH",
                    "periods has %d entries but scores has %d" % (len(codes), n))
    return np.ascontiguousarray(codes, dtype=np.int32), labels


def _period_code(label, labels, what):
    if label is None:
        return -1
    for code, known in enumerate(labels):
        if known == label:
            return code
    raise Error("CANDOR_INVALID_ARGUMENT", "%s %r is not among the periods" % (what, label))


def theme_drivers(scores, mentions, theme_names=None, weights=None, periods=None, *,
                  accounts=None, metric="nps", l2_penalty=1.0, fit_key_drivers=True,
                  earlier=None, later=None, p_adjust="bh", alpha=0.05, max_iterations=100,
                  tolerance=1e-10, scale=None, box=None, promoter_min=None, detractor_max=None,
                  interval="jeffreys", level=0.95, prior=1.0, replicates=2000, seed=42, threads=0,
                  missing="error"):
    """Which themes drive detractors.

    scores: n integer scores; mentions: an (n x T) 0/1 matrix, a scipy sparse
    matrix, or a list of n lists of theme ids (0..T-1; T = len(theme_names)
    if given, else the largest id + 1); weights: None or n weights; periods:
    None or n period labels (sorted; trending compares `later` with
    `earlier`, by default the last two); accounts: None or n account labels
    (cluster-robust variances; Jeffreys or Wald).

    Per theme: mentions and share of comments (percent), the share of
    promoters / passives / detractors mentioning it, the metric among comments
    mentioning it (score) and the others (score_without), impact = overall -
    score_without with a linearized SE, the detractor relative risk with the
    Katz log interval (0.5 added to every cell when one is 0), and the
    coefficient, odds ratio and importance of a ridge-logistic model of
    detractor ~ theme indicators (sklearn's LogisticRegression(C=1/l2_penalty)
    objective). With periods, per theme the share later - earlier with a
    two-proportion z-test, BH-adjusted across themes, and `trending`.

    missing: "error" (default) refuses a missing score; "skip" leaves out
    the rows whose score or weight is missing (their mentions, periods and
    accounts too), counted in the result's `skipped`.
    """
    skipped = 0
    if _missing.check_choice(missing):
        kept, skipped = _missing.skip_rows(
            {"scores": scores, "weights": weights, "mentions": mentions, "periods": periods,
             "accounts": accounts})
        scores, weights, mentions, periods, accounts = kept.values()
    options = _convert.score_options(
        metric, scale=scale, box=box, promoter_min=promoter_min,
        detractor_max=detractor_max, interval=interval, level=level, prior=prior,
        replicates=replicates, seed=seed, threads=threads)
    scores, weights = _convert.scores_and_weights(scores, weights)
    n = len(scores)
    names, offsets, ids, themes = _checked_mentions(mentions, n, theme_names)

    driver_options = _driver_options(l2_penalty, fit_key_drivers, max_iterations, tolerance,
                                     p_adjust, alpha)

    period_codes, period_labels = None, None
    if periods is not None:
        period_codes, period_labels = _period_codes(periods, n)
        driver_options.earlier_period = _period_code(earlier, period_labels, "earlier")
        driver_options.later_period = _period_code(later, period_labels, "later")
    elif earlier is not None or later is not None:
        raise Error("CANDOR_INVALID_ARGUMENT", "earlier/later need periods")
    account_codes = None
    if accounts is not None:
        account_codes, _ = _labels.factorize_present(accounts, "accounts")
        if len(account_codes) != n:
            raise Error("CANDOR_LENGTH_MISMATCH",
                        "accounts has %d entries but scores has %d" % (len(account_codes), n))
        account_codes = np.ascontiguousarray(account_codes, dtype=np.int32)

    c_mentions = _capi.CThemeMentions()
    c_mentions.themes = themes
    name_array = None
    if names is not None:
        name_array = (ctypes.c_char_p * len(names))(
            *[_convert.c_string(s, "theme name") for s in names])
        c_mentions.names = ctypes.cast(name_array, _capi.char_pp)
    c_mentions.offsets = offsets.ctypes.data_as(_capi.int64_p)
    c_mentions.theme_ids = ids.ctypes.data_as(_capi.int32_p)

    def int32_pointer(array):
        return None if array is None else array.ctypes.data_as(_capi.int32_p)

    handle = _capi.DriversP()
    try:
        _lib.check(lib.candor_drivers_new(
            ctypes.byref(options), ctypes.byref(driver_options), _convert.double_pointer(scores),
            _convert.double_pointer(weights), int32_pointer(account_codes),
            int32_pointer(period_codes), n, ctypes.byref(c_mentions), ctypes.byref(handle)))
    except Error as error:
        if error.status != "CANDOR_OUT_OF_RANGE":
            raise
        raise _missing.explain(error, scores) from None
    return _result(handle, period_labels, skipped)


def _driver_options(l2_penalty, fit_key_drivers, max_iterations, tolerance, p_adjust, alpha):
    """candor_drivers_options from theme_drivers' arguments (periods unset)."""
    options = _capi.CDriversOptions()
    _lib.check(lib.candor_drivers_options_defaults(ctypes.byref(options),
                                                   ctypes.sizeof(options)))
    options.l2_penalty = _convert._float("l2_penalty", l2_penalty)
    options.fit_key_drivers = 1 if fit_key_drivers else 0
    options.max_iterations = _convert._int32("max_iterations", max_iterations)
    options.tolerance = _convert._float("tolerance", tolerance)
    options.p_adjust = _convert.p_adjust_code(p_adjust)
    options.alpha = _convert._float("alpha", alpha)
    return options


def _result(handle, period_labels, skipped):
    """The ThemeDrivers a candor_drivers handle holds (then freed); period
    codes index period_labels (None without periods)."""
    try:
        rows = _read_rows(handle)
        trending = _read_trending(handle, rows) if period_labels is not None else None
        overall = _capi.CEstimate()
        detractors = ctypes.c_int64()
        _lib.check(lib.candor_drivers_overall(handle, ctypes.byref(overall),
                                              ctypes.byref(detractors)))
        c_model = _capi.CKeyDriverModel()
        _lib.check(lib.candor_drivers_model(handle, ctypes.byref(c_model)))
        model = KeyDriverModel(bool(c_model.fitted), bool(c_model.converged),
                               c_model.iterations, c_model.themes_in_model, c_model.l2_penalty,
                               c_model.intercept, c_model.intercept_std_error,
                               c_model.penalized_log_likelihood,
                               c_model.message.decode("utf-8"))
        compared = None
        if period_labels is not None:
            a, b = ctypes.c_int32(), ctypes.c_int32()
            _lib.check(lib.candor_drivers_periods(handle, ctypes.byref(a), ctypes.byref(b)))
            compared = (_labels._plain(period_labels[a.value]),
                        _labels._plain(period_labels[b.value]))
    finally:
        lib.candor_drivers_free(handle)
    return ThemeDrivers(_frame(rows, COLUMNS), None if trending is None else
                        _frame(trending, TRENDING_COLUMNS), Estimate._from_c(overall, skipped),
                        int(detractors.value), model, compared, skipped)


def _read_rows(handle):
    rows = []
    for row in _lib.read_rows(handle, lib.candor_drivers_rows, lib.candor_drivers_row_at,
                              _capi.CDriverRow):
        rows.append({
            "theme": row.theme, "name": row.name.decode("utf-8"),
            "status": _STATUSES[row.status], "mentions": row.mentions,
            "weighted_mentions": row.weighted_mentions,
            "share": row.share.value, "share_std_error": row.share.std_error,
            "share_ci_low": row.share.ci_low, "share_ci_high": row.share.ci_high,
            "share_of_promoters": row.share_of_promoters.value,
            "share_of_passives": row.share_of_passives.value,
            "share_of_detractors": row.share_of_detractors.value,
            "score": row.score.value, "score_std_error": row.score.std_error,
            "score_ci_low": row.score.ci_low, "score_ci_high": row.score.ci_high,
            "score_without": row.score_without.value,
            "score_without_std_error": row.score_without.std_error,
            "impact": row.impact.difference, "impact_std_error": row.impact.std_error,
            "impact_ci_low": row.impact.ci_low, "impact_ci_high": row.impact.ci_high,
            "impact_p_value": row.impact.p_value,
            "detractors_mentioning": row.detractors_mentioning,
            "detractors_not": row.detractors_not, "relative_risk": row.relative_risk,
            "relative_risk_ci_low": row.relative_risk_ci_low,
            "relative_risk_ci_high": row.relative_risk_ci_high,
            "log_relative_risk_std_error": row.log_relative_risk_std_error,
            "relative_risk_p_value": row.relative_risk_p_value,
            "relative_risk_corrected": bool(row.relative_risk_corrected),
            "in_model": bool(row.in_model), "coefficient": row.coefficient,
            "coefficient_std_error": row.coefficient_std_error, "odds_ratio": row.odds_ratio,
            "odds_ratio_ci_low": row.odds_ratio_ci_low,
            "odds_ratio_ci_high": row.odds_ratio_ci_high, "importance": row.importance,
        })
    return rows


def _read_trending(handle, theme_rows):
    rows = []
    for row in _lib.read_rows(handle, lib.candor_drivers_trending_rows,
                              lib.candor_drivers_trending_at, _capi.CTrendingRow):
        rows.append({
            "theme": row.theme, "name": theme_rows[row.theme]["name"],
            "trending": bool(row.trending), "share_earlier": row.share_earlier.value,
            "share_later": row.share_later.value, "n_earlier": row.share_earlier.n,
            "n_later": row.share_later.n, "difference": row.difference,
            "std_error": row.std_error, "ci_low": row.ci_low, "ci_high": row.ci_high,
            "z": row.z, "p_value": row.p_value, "p_adjusted": row.p_adjusted,
            # score_change is the later period's score against the earlier one's.
            "score_earlier": row.score_change.b.value, "score_later": row.score_change.a.value,
            "score_change": row.score_change.difference,
            "score_change_std_error": row.score_change.std_error,
            "score_change_p_value": row.score_change.p_value,
            "score_change_p_adjusted": row.score_change_p_adjusted,
        })
    return rows


def _frame(rows, columns):
    pd = _compat.pandas()
    if pd is None:
        return rows
    return pd.DataFrame(rows, columns=list(columns))
