"""The outer loop (include/candor/outer_loop.hpp): themes ranked by what they
cost -- comments, detractor accounts mentioning them, the ARR of those
accounts at risk with a bootstrap interval by account, the NPS impact with
its interval (candor's drivers), the trend -- in one ranked table, with
representative quotes per theme (typical, distinct, tone matching the
theme's, PII redacted)."""

import ctypes

import numpy as np

from candor import _arrow
from candor import _capi
from candor import _compat
from candor import _convert
from candor import _labels
from candor import _lib
from candor import _progress
from candor._lib import Error, lib
from candor.text_drivers import _checked_mentions, _period_code, _period_codes
from candor.text_model import _pack
from candor.text_themes import TaxonomyThemes

RANKS = {"arr": 0, "impact": 1, "detractor_accounts": 2, "comments": 3}

COLUMNS = (
    "rank", "theme", "name", "comments", "detractor_comments", "accounts",
    "detractor_accounts", "arr_at_risk", "arr_ci_low", "arr_ci_high",
    "impact", "impact_std_error", "impact_ci_low", "impact_ci_high", "impact_p_value",
    "share_change", "share_change_ci_low", "share_change_ci_high", "trend_p_adjusted",
    "trending", "tone", "quotes", "quote_comments", "quote_segments",
    "arr_no_interval", "impact_no_interval", "share_change_no_interval")


def no_interval_text(reason):
    """The sentence of a candor_outer_loop_no_interval value (None for 0:
    the interval is reported)."""
    if reason == 0:
        return None
    text = lib.candor_outer_loop_no_interval_text(int(reason))
    if text is None:
        raise Error("CANDOR_OUT_OF_RANGE", "unknown no-interval reason %r" % (reason,))
    return text.decode("utf-8")


def _account_arr(arr, account_codes, account_labels, n):
    """ARR per account code: from a mapping / Series keyed by account label,
    or one value per comment (constant within an account)."""
    if hasattr(arr, "keys") and not hasattr(arr, "dtype"):
        arr = dict(arr)
    pd = _compat.pandas()
    if isinstance(arr, dict) or (pd is not None and isinstance(arr, pd.Series) and
                                 len(arr) != n):
        lookup = arr if isinstance(arr, dict) else arr.to_dict()
        values = np.empty(len(account_labels), dtype=np.float64)
        for code, label in enumerate(account_labels):
            key = _labels._plain(label)
            if key not in lookup:
                raise Error("CANDOR_NOT_FOUND", "arr has no value for account %r" % (key,))
            values[code] = float(lookup[key])
        return values
    per_comment = np.asarray(_arrow.as_numpy(arr, "arr"), dtype=np.float64)
    if per_comment.shape != (n,):
        raise Error("CANDOR_LENGTH_MISMATCH",
                    "arr has %d values for %d comments (or give a mapping account -> ARR)"
                    % (per_comment.size, n))
    values = np.full(len(account_labels), np.nan)
    values[account_codes] = per_comment
    differs = per_comment != values[account_codes]
    differs &= ~(np.isnan(per_comment) & np.isnan(values[account_codes]))
    if differs.any():
        i = int(np.flatnonzero(differs)[0])
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "arr differs within account %r (comment %d): one ARR per account"
                    % (_labels._plain(account_labels[account_codes[i]]), i))
    return values


def outer_loop(scores, mentions, accounts, theme_names=None, arr=None, *, periods=None,
               sentiments=None, texts=None, segments=None, rank_by=None, metric="nps",
               replicates=2000, seed=42, level=0.95, earlier=None, later=None, alpha=0.05,
               quotes=3, max_quote_bytes=280, max_quote_similarity=0.5, threads=0,
               scale=None, box=None, promoter_min=None, detractor_max=None, progress=None):
    """Themes ranked by what they cost, as a DataFrame (rank 1 first).

    progress: True shows a bar on stderr; a callable gets (bootstrap
    replicates done, replicates) and may return False to stop
    (CANDOR_CANCELLED); Ctrl-C stops the call within a fraction of a second
    with KeyboardInterrupt (candor._progress).

    scores: n integer scores; mentions: an (n x T) 0/1 matrix, a scipy sparse
    matrix or n lists of theme ids (as theme_drivers); accounts: n account
    labels; arr: None, a mapping (dict or Series indexed by account) account ->
    ARR, or n per-comment values constant within each account; periods: n
    period labels (trend: `later` against `earlier`, by default the last two);
    sentiments: n sentiment values (the quotes' tone; default the NPS value
    of the score); texts: n comments (quotes); segments: n segment labels
    (quotes per segment). rank_by: "arr" (default with arr), "impact"
    (default without: the points lost, the most negative impact first),
    "detractor_accounts" or "comments".

    mentions may also be what candor.themes(texts, taxonomy=...) returns
    (TaxonomyThemes: its membership, a mention of a child theme counting for
    its parents, and its theme paths as theme_names). For discovered themes
    (candor.themes(texts) without a taxonomy) pass the dominant theme of
    each text as lists of ids: [[d] if d >= 0 else [] for d in t.dominant]
    with theme_names=t.labels.

    Columns: rank, theme, name, comments, detractor_comments, accounts,
    detractor_accounts, arr_at_risk with arr_ci_low/high (percentile
    bootstrap by account, seeded), impact (NPS points lost to the theme's
    comments, drivers' impact clustered by account) with its SE, interval and
    p-value, share_change (percentage points of comments, later - earlier)
    with its interval, trend_p_adjusted (BH) and trending, tone (mean
    sentiment), quotes (redacted texts), quote_comments (their row
    positions) and quote_segments (their segment labels, None without
    segments). No interval of zero width: when an interval would have zero
    width (e.g. ARR at risk 0 because no detractor account mentions the
    theme, or the theme is in no comment), its bounds are NaN, the point is
    kept, and arr_no_interval / impact_no_interval / share_change_no_interval
    say why in a sentence (None when the interval is reported). The summary
    (overall metric, accounts, detractor accounts,
    total ARR, replicates) is in the frame's attrs["summary"].
    """
    options = _convert.score_options(
        metric, scale=scale, box=box, promoter_min=promoter_min,
        detractor_max=detractor_max, interval="jeffreys", level=level, threads=threads)
    scores, _ = _convert.scores_and_weights(scores, None)
    n = len(scores)
    if isinstance(mentions, TaxonomyThemes):
        if theme_names is None:
            theme_names = mentions.names
        mentions = mentions.membership
    names, offsets, ids, themes = _checked_mentions(mentions, n, theme_names)
    if rank_by is None:
        rank_by = "impact" if arr is None else "arr"
    if rank_by not in RANKS:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "rank_by must be one of %s, not %r" % (", ".join(RANKS), rank_by))

    loop_options = _capi.COuterLoopOptions()
    _lib.check(lib.candor_outer_loop_options_defaults(ctypes.byref(loop_options),
                                                      ctypes.sizeof(loop_options)))
    loop_options.rank_by = RANKS[rank_by]
    loop_options.replicates = _convert._int32("replicates", replicates)
    loop_options.seed = int(seed)
    loop_options.level = _convert._float("level", level)
    loop_options.threads = _convert._int32("threads", threads)
    loop_options.alpha = _convert._float("alpha", alpha)
    loop_options.quotes_per_theme = _convert._int32("quotes", quotes)
    loop_options.max_quote_bytes = _convert._int32("max_quote_bytes", max_quote_bytes)
    loop_options.max_quote_similarity = _convert._float("max_quote_similarity",
                                                        max_quote_similarity)

    inputs = _capi.COuterLoopInputs()
    _lib.check(lib.candor_outer_loop_inputs_defaults(ctypes.byref(inputs), ctypes.sizeof(inputs)))
    keep = []  # arrays the inputs point into, alive until the call returns

    def point(array, kind):
        keep.append(array)
        return array.ctypes.data_as(kind)

    account_codes, account_labels = _labels.factorize_present(accounts, "accounts")
    if len(account_codes) != n:
        raise Error("CANDOR_LENGTH_MISMATCH",
                    "accounts has %d entries but scores has %d" % (len(account_codes), n))
    account_codes = np.ascontiguousarray(account_codes, dtype=np.int32)
    inputs.accounts = point(account_codes, _capi.int32_p)
    if arr is not None:
        values = np.ascontiguousarray(_account_arr(arr, account_codes, account_labels, n))
        inputs.account_arr = point(values, _capi.double_p)
        inputs.account_count = len(values)
    period_labels = None
    if periods is not None:
        period_codes, period_labels = _period_codes(periods, n)
        inputs.periods = point(period_codes, _capi.int32_p)
        loop_options.earlier_period = _period_code(earlier, period_labels, "earlier")
        loop_options.later_period = _period_code(later, period_labels, "later")
    elif earlier is not None or later is not None:
        raise Error("CANDOR_INVALID_ARGUMENT", "earlier/later need periods")
    if sentiments is not None:
        tones = np.ascontiguousarray(np.asarray(_arrow.as_numpy(sentiments, "sentiments"),
                                                    dtype=np.float64))
        if tones.shape != (n,):
            raise Error("CANDOR_LENGTH_MISMATCH",
                        "sentiments has %d values for %d comments" % (tones.size, n))
        inputs.sentiments = point(tones, _capi.double_p)
    segment_labels = None
    if segments is not None:
        segment_codes, segment_labels = _labels.factorize_present(segments, "segments")
        if len(segment_codes) != n:
            raise Error("CANDOR_LENGTH_MISMATCH",
                        "segments has %d entries but scores has %d" % (len(segment_codes), n))
        inputs.segments = point(np.ascontiguousarray(segment_codes, dtype=np.int32),
                                _capi.int32_p)
    if texts is not None:
        # An Arrow column is read once (its length, then its texts in _pack).
        texts = _arrow.read(texts, "texts") if _arrow.is_arrow(texts) else list(texts)
        if len(texts) != n:
            raise Error("CANDOR_LENGTH_MISMATCH",
                        "texts has %d entries but scores has %d" % (len(texts), n))
        buffer, pointers, sizes = _pack(texts)
        keep.append(buffer)
        keep.append(pointers)
        inputs.texts = pointers.ctypes.data
        inputs.text_sizes = point(sizes, _capi.size_p)

    c_mentions = _capi.CThemeMentions()
    c_mentions.themes = themes
    if names is not None:
        name_array = (ctypes.c_char_p * len(names))(
            *[_convert.c_string(s, "theme name") for s in names])
        keep.append(name_array)
        c_mentions.names = ctypes.cast(name_array, _capi.char_pp)
    c_mentions.offsets = point(offsets, _capi.int64_p)
    c_mentions.theme_ids = point(ids, _capi.int32_p)

    handle = _capi.OuterLoopP()
    with _progress.hook(progress, "outer loop") as hook:
        loop_options.progress = hook.callback
        status = lib.candor_outer_loop_new(
            ctypes.byref(options), ctypes.byref(loop_options), _convert.double_pointer(scores),
            n, ctypes.byref(c_mentions), ctypes.byref(inputs), ctypes.byref(handle))
    hook.check(status, lambda: lib.candor_outer_loop_free(handle))
    del keep
    try:
        rows = _read_rows(handle, segment_labels)
        summary = _capi.COuterLoopSummary()
        _lib.check(lib.candor_outer_loop_summary_get(handle, ctypes.byref(summary)))
    finally:
        lib.candor_outer_loop_free(handle)
    pd = _compat.pandas()
    if pd is None:
        return rows
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame.attrs["summary"] = {
        "overall": summary.overall.value, "overall_ci_low": summary.overall.ci_low,
        "overall_ci_high": summary.overall.ci_high, "accounts": int(summary.accounts),
        "detractor_accounts": int(summary.detractor_accounts),
        "total_arr": summary.total_arr, "replicates": int(summary.replicates)}
    return frame


def _read_rows(handle, segment_labels):
    rows = []
    quote = _capi.COuterLoopQuote()
    reasons = _capi.COuterLoopNoIntervals()
    for i, row in enumerate(_lib.read_rows(handle, lib.candor_outer_loop_rows,
                                           lib.candor_outer_loop_row_at, _capi.COuterLoopRow)):
        texts, comments, segments = [], [], []
        for k in range(row.quotes):
            _lib.check(lib.candor_outer_loop_quote_at(handle, i, k, ctypes.byref(quote)))
            texts.append(ctypes.string_at(quote.text, quote.text_size).decode("utf-8",
                                                                              "replace"))
            comments.append(int(quote.comment))
            segments.append(None if quote.segment < 0 else
                            _labels._plain(segment_labels[quote.segment]))
        _lib.check(lib.candor_outer_loop_no_intervals_at(handle, i, ctypes.byref(reasons)))
        trend = bool(row.has_trend)
        nan = float("nan")
        rows.append({
            "rank": row.rank, "theme": row.theme, "name": row.name.decode("utf-8"),
            "comments": row.comments, "detractor_comments": row.detractor_comments,
            "accounts": row.accounts, "detractor_accounts": row.detractor_accounts,
            "arr_at_risk": row.arr_at_risk, "arr_ci_low": row.arr_ci_low,
            "arr_ci_high": row.arr_ci_high, "impact": row.impact.difference,
            "impact_std_error": row.impact.std_error, "impact_ci_low": row.impact.ci_low,
            "impact_ci_high": row.impact.ci_high, "impact_p_value": row.impact.p_value,
            "share_change": row.share_change if trend else nan,
            "share_change_ci_low": row.share_change_ci_low if trend else nan,
            "share_change_ci_high": row.share_change_ci_high if trend else nan,
            "trend_p_adjusted": row.trend_p_adjusted if trend else nan,
            "trending": bool(row.trending) if trend else None, "tone": row.tone,
            "quotes": texts, "quote_comments": comments, "quote_segments": segments,
            "arr_no_interval": no_interval_text(reasons.arr),
            "impact_no_interval": no_interval_text(reasons.impact),
            "share_change_no_interval": no_interval_text(reasons.share_change),
        })
    return rows
