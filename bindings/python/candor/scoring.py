"""Estimates with their uncertainty: NPS, CSAT, CES, box and mean metrics,
comparisons of two groups, planning, and p-value adjustment.

NPS and box metrics are on the 0..100 (percent) scale; means are in scale
units. The formulas are documented in include/candor/score.hpp.
"""

import ctypes
import dataclasses

import numpy as np

from candor import _display
from candor import _arrow
from candor import _capi
from candor import _convert
from candor import _design
from candor import _labels
from candor import _lib
from candor import _missing
from candor import _progress
from candor._lib import Error, lib


@_display.result(keep_repr=True)
@dataclasses.dataclass(frozen=True, repr=False)
class Estimate:
    """An estimate with its standard error and interval at `level`.

    Attributes:
        value: the estimate (NPS and box metrics in percent, 0..100; means in
            scale units).
        std_error: its standard error.
        ci_low, ci_high: the interval at `level` (e.g. 0.95).
        level: the interval's confidence level.
        n: the responses counted.
        effective_n: Kish's effective sample size (sum w)^2 / sum w^2; n
            without weights.
        skipped: rows left out for a missing score or weight under
            missing="skip" (0 otherwise).
    """
    value: float
    std_error: float
    ci_low: float
    ci_high: float
    level: float
    n: int
    effective_n: float
    skipped: int = 0

    @classmethod
    def _from_c(cls, c, skipped=0):
        return cls(c.value, c.std_error, c.ci_low, c.ci_high, c.level, int(c.n),
                   c.effective_n, int(skipped))

    def __repr__(self):
        n_eff = "" if self.effective_n == self.n else ", effective_n=%.1f" % self.effective_n
        skipped = ", skipped=%d" % self.skipped if self.skipped else ""
        return ("Estimate(value=%.4g, std_error=%.4g, %g%% CI [%.4g, %.4g], n=%d%s%s)"
                % (self.value, self.std_error, 100 * self.level, self.ci_low, self.ci_high,
                   self.n, n_eff, skipped))


@_display.result(keep_repr=True)
@dataclasses.dataclass(frozen=True, repr=False)
class Comparison:
    """Two independent groups: difference = a - b, with a two-sided p-value."""
    difference: float
    std_error: float
    ci_low: float
    ci_high: float
    p_value: float
    a: Estimate
    b: Estimate

    @classmethod
    def _from_c(cls, c, skipped_a=0, skipped_b=0):
        return cls(c.difference, c.std_error, c.ci_low, c.ci_high, c.p_value,
                   Estimate._from_c(c.a, skipped_a), Estimate._from_c(c.b, skipped_b))

    def __repr__(self):
        return ("Comparison(difference=%.4g, std_error=%.4g, %g%% CI [%.4g, %.4g], "
                "p_value=%.4g, a=%r, b=%r)"
                % (self.difference, self.std_error, 100 * self.a.level, self.ci_low,
                   self.ci_high, self.p_value, self.a, self.b))


def score(scores, metric="nps", weights=None, *, accounts=None, scale=None, box=None,
          promoter_min=None, detractor_max=None, interval="jeffreys", level=0.95, prior=1.0,
          replicates=2000, seed=42, threads=0, missing="error", progress=None):
    """The estimate of `metric` ("nps", "csat", "ces", "ces_agree", "top_box",
    "bottom_box" or "mean") from scores and optional weights.

    Returns an Estimate (value, std_error, ci_low, ci_high, level, n,
    effective_n, skipped); raises candor.Error with the library's status and
    message (CANDOR_OUT_OF_RANGE for a score off the scale, naming its index).

    scale=(min, max), box, promoter_min and detractor_max override the metric's
    preset (top_box, bottom_box and mean have none, so need scale). interval is
    "jeffreys" (the default: the Jeffreys-prior interval for NPS and boxes,
    93-97% coverage from n = 10 and never of zero width; Wald for means),
    "wald", "adjusted_wald", "bayes" or "bootstrap". Scores are numpy arrays
    (float64 C-contiguous ones are passed without copying; int8 without weights
    takes the library's int8 fast path), lists or pandas Series.

    weights: an array, or a candor.Weights; one from a calibration (rake,
    poststratify, calibrate) makes the standard error calibration-aware.
    accounts: cluster labels (any dtype), one per response: the standard error
    is then cluster-robust by account (svymean with ids = ~account). Both
    use Taylor linearization (include/candor/design.hpp), Wald intervals only.

    missing: "error" (default) makes a missing score (None, NaN, pandas NA)
    an error naming its index; "skip" leaves out the rows whose score or
    weight is missing (with their accounts) and counts them in the result's
    `skipped`.

    progress (interval="bootstrap" with plain weights or none): True shows a
    bar on stderr; a callable gets (replicates drawn, replicates) and may
    return False to stop (CANDOR_CANCELLED); Ctrl-C stops the bootstrap with
    KeyboardInterrupt (candor._progress).
    """
    options = _convert.score_options(
        metric, scale=scale, box=box, promoter_min=promoter_min,
        detractor_max=detractor_max, interval=interval, level=level, prior=prior,
        replicates=replicates, seed=seed, threads=threads)
    skipped = 0
    if _arrow.is_arrow(scores):
        # Read once: int8 scores in place for the int8 path, else float64.
        small = _convert.as_int8(scores)
        scores = small if small is not None else _arrow.as_numpy(scores, "scores")
    if _missing.check_choice(missing) and _convert.as_int8(scores) is None:
        kept, skipped = _missing.skip_rows(
            {"scores": scores, "weights": weights, "accounts": accounts})
        scores, weights, accounts = kept.values()
    try:
        return _score(options, scores, weights, accounts, skipped, progress)
    except Error as error:
        if missing != "error" or error.status != "CANDOR_OUT_OF_RANGE":
            raise
        raise _missing.explain(error, scores) from None


class _NoHook:
    """What _bootstrap_hook gives a call that does not bootstrap: no
    callback (the library would never call it), so no SIGINT handler swap."""
    callback = _capi.CProgress()  # NULL

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    @staticmethod
    def check(status):
        _lib.check(status)


def _bootstrap_hook(options, progress, what):
    """candor._progress's hook when the interval is the bootstrap (the only
    method that calls back); a bad `progress` is refused either way."""
    if options.interval == _lib.INTERVALS["bootstrap"]:
        return _progress.hook(progress, what)
    if not (progress is None or progress is True or progress is False or callable(progress)):
        raise TypeError("progress must be None, True, False or a callable(done, total); got "
                        + repr(progress))
    return _NoHook()


def _score(options, scores, weights, accounts, skipped, progress=None):
    out = _capi.CEstimate()
    plan = _design.Plan(weights, accounts)
    if plan.needs_design:
        scores = _convert.as_float64(scores)
        design, keep = plan.build(len(scores))
        _lib.check(lib.candor_score_design(ctypes.byref(options), _convert.double_pointer(scores),
                                           len(scores), ctypes.byref(design), ctypes.byref(out)))
        del keep
        return Estimate._from_c(out, skipped)
    weights = plan.plain_weights
    small = _convert.as_int8(scores) if weights is None else None
    if small is not None:
        _lib.check(lib.candor_score_i8(
            ctypes.byref(options), small.ctypes.data_as(_capi.int8_p),
            len(small), ctypes.byref(out)))
        return Estimate._from_c(out, skipped)
    scores, weights = _convert.scores_and_weights(scores, weights)
    with _bootstrap_hook(options, progress, "score bootstrap") as hook:
        options.progress = hook.callback
        status = lib.candor_score(ctypes.byref(options), _convert.double_pointer(scores),
                                  _convert.double_pointer(weights), len(scores),
                                  ctypes.byref(out))
    hook.check(status)
    return Estimate._from_c(out, skipped)


def nps(scores, weights=None, *, accounts=None, interval="jeffreys", level=0.95, promoter_min=9,
        detractor_max=6, replicates=2000, seed=42, prior=1.0, threads=0, missing="error",
        progress=None):
    """Net Promoter Score of 0..10 scores, with its standard error and interval.

    NPS = 100 * (share of scores >= promoter_min - share <= detractor_max),
    weighted when weights are given.

    Args:
        scores: 0..10 scores: a numpy array (int8 without weights takes the
            library's fastest path; float64 C-contiguous is not copied), a
            list or a pandas Series (nullable dtypes too).
        weights: None, an array of non-negative weights, or a candor.Weights
            (a calibration's makes the standard error calibration-aware).
        accounts: None or one cluster label per response: cluster-robust
            standard errors by account (Jeffreys or Wald).
        interval: "jeffreys" (default: the Jeffreys-prior interval, 93-97%
            coverage from n = 10 and never of zero width; Wald for a mean),
            "wald", "adjusted_wald", "bayes" or "bootstrap".
        level: the interval's confidence level (0.95).
        promoter_min, detractor_max: the promoter and detractor bands (9, 6).
        replicates, seed: the bootstrap's replicates and seed.
        prior: the Bayesian interval's Dirichlet prior per category.
        threads: threads for the bootstrap (0: the library's choice).
        missing: "error" (default): a missing score (None, NaN, pandas NA)
            is an error naming its index. "skip": rows whose score or weight
            is missing are left out and counted in the result's `skipped`.
        progress: None, True (a bar on stderr) or a callable(done, total)
            for the bootstrap (see candor.score).

    Returns:
        Estimate(value, std_error, ci_low, ci_high, level, n, effective_n,
        skipped).

    Raises:
        candor.Error: status CANDOR_OUT_OF_RANGE for a score outside 0..10
            or a missing one, CANDOR_LENGTH_MISMATCH for weights of another
            length, CANDOR_INVALID_ARGUMENT for a bad option.

    Example:
        >>> candor.nps([10, 9, 7, 3, 10, 6])
        Estimate(value=16.67, std_error=36.64, 95% CI [-55.15, 88.48], n=6)
        >>> candor.nps(pd.Series([10, 9, None, 3]), missing="skip").skipped
        1

    The formulas (variance of the difference of two multinomial shares,
    the adjusted-Wald and Bayesian intervals) are in
    include/candor/score.hpp.
    """
    return score(scores, "nps", weights, accounts=accounts, promoter_min=promoter_min,
                 detractor_max=detractor_max, interval=interval, level=level, prior=prior,
                 replicates=replicates, seed=seed, threads=threads, missing=missing,
                 progress=progress)


# The keywords every metric shortcut (csat, ces, ...) passes on to score.
_OPTIONS_DOC = """options are candor.score's keywords: accounts, interval ("jeffreys",
    the default, "wald", "adjusted_wald", "bayes", "bootstrap"), level,
    prior, replicates, seed, threads, missing ("error" or "skip": rows
    with a missing score or weight left out and counted in the result's
    `skipped`) and progress (the bootstrap's; see candor.score). weights: an array or a candor.Weights. Returns an Estimate
    (value, std_error, ci_low, ci_high, level, n, effective_n, skipped);
    raises candor.Error (status CANDOR_OUT_OF_RANGE for a score off the
    scale, naming its index).
    """


def csat(scores, weights=None, *, scale=None, box=None, **options):
    """CSAT: percent in the top 2 points of 1..5 (scale and box may be changed).

    {options}"""
    return score(scores, "csat", weights, scale=scale, box=box, **options)


def ces(scores, weights=None, *, scale=None, **options):
    """CES: the mean score on 1..7 (scale may be changed).

    {options}"""
    return score(scores, "ces", weights, scale=scale, **options)


def ces_agree(scores, weights=None, *, scale=None, box=None, **options):
    """CES agreement: percent in the top 3 points of 1..7.

    {options}"""
    return score(scores, "ces_agree", weights, scale=scale, box=box, **options)


def top_box(scores, scale, box=2, weights=None, **options):
    """Percent of scores in the top `box` points of scale=(min, max).

    {options}"""
    return score(scores, "top_box", weights, scale=scale, box=box, **options)


def bottom_box(scores, scale, box=2, weights=None, **options):
    """Percent of scores in the bottom `box` points of scale=(min, max).

    {options}"""
    return score(scores, "bottom_box", weights, scale=scale, box=box, **options)


def mean_score(scores, scale, weights=None, **options):
    """The mean score on scale=(min, max), in scale units.

    {options}"""
    return score(scores, "mean", weights, scale=scale, **options)


for _shortcut in (csat, ces, ces_agree, top_box, bottom_box, mean_score):
    _shortcut.__doc__ = _shortcut.__doc__.format(options=_OPTIONS_DOC)


def compare(a, b, metric="nps", weights_a=None, weights_b=None, *, scale=None, box=None,
            promoter_min=None, detractor_max=None, interval="jeffreys", level=0.95, prior=1.0,
            replicates=2000, seed=42, threads=0, missing="error", progress=None):
    """Compares `metric` between two independent groups: difference = a - b.

    weights_a and weights_b are arrays (a Weights counts as its values: no
    calibration correction here). For groups or periods sharing accounts, or
    a calibrated sample, use compare_groups. missing="skip" leaves out each
    group's rows with a missing score or weight (counted in .a.skipped and
    .b.skipped); "error" (default) refuses them. progress (interval=
    "bootstrap"): None, True (a bar on stderr) or a callable(replicates
    drawn, 2 * replicates) that may return False to stop (CANDOR_CANCELLED);
    Ctrl-C stops it with KeyboardInterrupt.
    """
    skipped_a = skipped_b = 0
    if _missing.check_choice(missing):
        kept, skipped_a = _missing.skip_rows({"a": a, "weights_a": weights_a},
                                             scores="a", weights="weights_a")
        a, weights_a = kept.values()
        kept, skipped_b = _missing.skip_rows({"b": b, "weights_b": weights_b},
                                             scores="b", weights="weights_b")
        b, weights_b = kept.values()
    options = _convert.score_options(
        metric, scale=scale, box=box, promoter_min=promoter_min,
        detractor_max=detractor_max, interval=interval, level=level, prior=prior,
        replicates=replicates, seed=seed, threads=threads)
    weights_a = _design.Plan(weights_a, None).plain_weights if weights_a is not None else None
    weights_b = _design.Plan(weights_b, None).plain_weights if weights_b is not None else None
    a, weights_a = _convert.scores_and_weights(a, weights_a, "a", "weights_a")
    b, weights_b = _convert.scores_and_weights(b, weights_b, "b", "weights_b")
    out = _capi.CComparison()
    with _bootstrap_hook(options, progress, "comparison bootstrap") as hook:
        options.progress = hook.callback
        status = lib.candor_compare(
            ctypes.byref(options), _convert.double_pointer(a), _convert.double_pointer(weights_a),
            len(a), _convert.double_pointer(b), _convert.double_pointer(weights_b), len(b),
            ctypes.byref(out))
    hook.check(status)
    return Comparison._from_c(out, skipped_a, skipped_b)


def _group_codes(group, a, b, n):
    """int8 per response: 0 in group a, 1 in group b, -1 in neither."""
    labels = _labels.as_labels(group, "group")
    if len(labels) != n:
        raise Error("CANDOR_LENGTH_MISMATCH", "group has %d labels but scores has %d"
                    % (len(labels), n))
    if a is None and b is None:
        if labels.dtype == bool:
            a, b = True, False
        else:
            others = [v for v in labels.tolist() if not (v == 0 or v == 1)]
            if others:
                other = others[0]
                raise Error("CANDOR_INVALID_ARGUMENT",
                            "group has a label other than 0/1 (%r): say which labels are "
                            "compared with a= and b=" % (other,))
            a, b = 1, 0
    elif a is None or b is None:
        raise Error("CANDOR_INVALID_ARGUMENT", "give both a= and b= (the labels compared)")
    if a == b:
        raise Error("CANDOR_INVALID_ARGUMENT", "a and b are the same label %r" % (a,))
    in_a = np.asarray(labels == a, dtype=bool)
    in_b = np.asarray(labels == b, dtype=bool)
    for name, label, inside in (("a", a, in_a), ("b", b, in_b)):
        if not inside.any():
            raise Error("CANDOR_EMPTY", "no response has group label %s=%r" % (name, label))
    codes = np.full(n, -1, dtype=np.int8)
    codes[in_a] = 0
    codes[in_b] = 1
    return codes


def compare_groups(scores, group, weights=None, accounts=None, metric="nps", *, a=None, b=None,
                   scale=None, box=None, promoter_min=None, detractor_max=None, level=0.95):
    """Compares `metric` between two groups of one sample (periods, segments)
    whose responses may share accounts: difference = a - b.

    group: one label per response. Without a= and b=, a boolean or 0/1 group
    compares True/1 (a) with False/0 (b); else responses labelled a are
    compared with those labelled b and the rest are left out. weights and
    accounts as in candor.score: with accounts (or a calibration) the
    standard error includes the covariance of the two groups' estimates
    through shared accounts (svyby + svycontrast); with neither, the groups
    are treated as independent samples, as candor.compare.
    """
    options = _convert.score_options(metric, scale=scale, box=box, promoter_min=promoter_min,
                                     detractor_max=detractor_max, level=level)
    scores = _convert.as_float64(scores)
    codes = _group_codes(group, a, b, len(scores))
    plan = _design.Plan(weights, accounts)
    design, keep = plan.build(len(scores))
    out = _capi.CComparison()
    _lib.check(lib.candor_compare_groups(
        ctypes.byref(options), _convert.double_pointer(scores), len(scores),
        ctypes.byref(design), codes.ctypes.data_as(_capi.int8_p),
        ctypes.byref(out)))
    del keep
    return Comparison._from_c(out)


def margin_of_error(promoters, detractors, n, level=0.95):
    """Half-width (0..100 scale) of an NPS interval with n responses, given the
    expected shares (0..1) of promoters and detractors. For a box metric pass
    the expected box share as `promoters` and 0."""
    out = ctypes.c_double()
    _lib.check(lib.candor_margin_of_error(float(promoters), float(detractors),
                                          _as_int64("n", n), float(level), ctypes.byref(out)))
    return out.value


def required_n(promoters, detractors, margin, level=0.95):
    """Responses needed for a margin of error (0..100 scale) of at most `margin`."""
    out = ctypes.c_int64()
    _lib.check(lib.candor_required_n(float(promoters), float(detractors), float(margin),
                                     float(level), ctypes.byref(out)))
    return out.value


def adjust_p_values(p, method="holm"):
    """Adjusted p-values ("holm", "bh" or "none"), as R's p.adjust; NaN stays NaN."""
    code = _convert.p_adjust_code(method)
    p = _convert.as_float64(p, "p")
    out = np.empty_like(p)
    _lib.check(lib.candor_adjust_p_values(code, _convert.double_pointer(p), len(p),
                                          _convert.double_pointer(out)))
    return out


def _as_int64(name, value):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise Error("CANDOR_INVALID_ARGUMENT", "%s must be an integer, got %r" % (name, value))
    if not -2**63 <= int(value) < 2**63:
        raise Error("CANDOR_INVALID_ARGUMENT", "%s = %d does not fit in int64" % (name, value))
    return int(value)
