"""candor on Dask DataFrames: each partition folds its rows into a state
(the same accumulators candor merges across threads), states travel
serialized, merge in a tree of `split_every` at a time, and the result is
finalized once, so it equals candor's single-process one.

The state contract (new, update, merge, serialize, deserialize, finalize) is
in docs/DISTRIBUTED.md. Imported only when used: `import candor` does not
import dask.

score() (any metric, weighted or not, cluster-robust by account),
breakdown(), trend(), drivers() and rake().
"""
import dataclasses
import re

import dask
import numpy as np

from candor import _convert
from candor import _labels
from candor import _missing
from candor.breakdowns import breakdown_accumulated
from candor.weights import rake as rake_cells
from candor._lib import Error
from candor.accumulator import AccountAccumulator, Accumulator
from candor.bucket_accumulator import BucketAccumulator
from candor.driver_accumulator import DriverAccumulator


@dataclasses.dataclass
class ScoreState:
    """One partition's (or a merge's) part of a score: the accumulator's
    serialized bytes (an AccountAccumulator's when by_account) and the rows
    left out under missing="skip"."""
    accumulator: bytes
    skipped: int = 0
    by_account: bool = False

    def open(self):
        """The accumulator the bytes hold."""
        kind = AccountAccumulator if self.by_account else Accumulator
        return kind.from_bytes(self.accumulator)


def _score_update(frame, score, weights, accounts, scale, missing):
    """new + update: a partition's rows folded into a fresh state."""
    scores = frame[score].to_numpy()
    column = frame[weights].to_numpy() if weights is not None else None
    labels = frame[accounts].to_numpy() if accounts is not None else None
    skipped = 0
    if missing == "skip":
        kept, skipped = _missing.skip_rows({"scores": scores, "weights": column,
                                            "accounts": labels})
        scores, column, labels = kept["scores"], kept["weights"], kept["accounts"]
    try:
        if accounts is None:
            accumulator = Accumulator(scale).add(scores, column)
        else:
            accumulator = AccountAccumulator(scale).add(scores, labels, column)
    except Error as error:
        raise _named_error(error, frame, skipped) from None

    return ScoreState(accumulator.to_bytes(), int(skipped), accounts is not None)


def _score_merge(*states):
    """merge: states (from deserialize) added into one, serialized again."""
    merged = states[0].open()
    for state in states[1:]:
        merged.merge(state.open())
    return ScoreState(merged.to_bytes(), sum(state.skipped for state in states),
                      states[0].by_account)


def _named_error(error, frame, skipped):
    """The library names a position in this partition's (kept) rows; with
    nothing skipped it is a position in the frame: name its label too."""
    where = re.search(r"\bindex (\d+)", str(error))
    if where and not skipped and int(where.group(1)) < len(frame):
        return Error(error.status, "%s (in a Dask partition: the row labelled %r)"
                     % (error, frame.index[int(where.group(1))]))
    return error


def _tree(states, merge, split_every):
    """Merges delayed states `split_every` at a time until one is left."""
    if split_every < 2:
        raise Error("CANDOR_INVALID_ARGUMENT", "split_every must be >= 2, got %r" % split_every)
    while len(states) > 1:
        states = [dask.delayed(merge)(*states[i:i + split_every])
                  for i in range(0, len(states), split_every)]
    return states[0]


def score(ddf, score="score", metric="nps", weights=None, *, accounts=None, scale=None,
          box=None, promoter_min=None, detractor_max=None, interval="jeffreys", level=0.95,
          prior=1.0, missing="error", split_every=8):
    """candor.score on a Dask DataFrame: the same Estimate as
    candor.score(ddf[score].compute(), metric, ddf[weights].compute(), ...).

    Args:
        ddf: a dask.dataframe.DataFrame.
        score: the name of the score column.
        metric, scale, box, promoter_min, detractor_max, interval, level,
            prior: as candor.score (interval "bootstrap" needs the responses
            and is refused with weights; unweighted, the per-point counts
            suffice).
        weights: None or the name of a weight column.
        accounts: None or the name of an account column: standard errors
            cluster-robust by account, as candor.score(accounts=) (Wald or
            Jeffreys intervals). An account may span partitions: states
            keep each account's sums by its label (AccountAccumulator).
        missing: "error" or "skip", as candor.score.
        split_every: states merged at a time in the tree (>= 2).

    Each partition becomes a ScoreState (a candor.Accumulator's bytes, or
    an AccountAccumulator's, and its skipped rows); states merge in a tree
    and are finalized once.
    """
    _missing.check_choice(missing)
    options = _convert.score_options(
        metric, scale=scale, box=box, promoter_min=promoter_min, detractor_max=detractor_max,
        interval=interval, level=level, prior=prior)
    grid = (options.scale_min, options.scale_max)
    _check_columns(ddf, [score] + [c for c in (weights, accounts) if c is not None])
    # Whole partitions: a column selection as a Dask step would copy each
    # partition's columns first; the update reads them in place.
    parts = ddf.to_delayed()
    states = [dask.delayed(_score_update)(part, score, weights, accounts, grid, missing)
              for part in parts]
    merged = _tree(states, _score_merge, split_every).compute()
    estimate = merged.open().estimate(
        metric, scale=scale, box=box, promoter_min=promoter_min, detractor_max=detractor_max,
        interval=interval, level=level, prior=prior)
    return dataclasses.replace(estimate, skipped=merged.skipped)


def _check_columns(ddf, columns):
    absent = [c for c in columns if c not in ddf.columns]
    if absent:
        raise Error("CANDOR_INVALID_ARGUMENT", "no column %r in the DataFrame (columns: %s)"
                    % (absent[0], ", ".join(map(str, ddf.columns))))


@dataclasses.dataclass
class BreakdownState:
    """One partition's (or a merge's) part of a breakdown: per cell (a tuple
    of segment labels, missing labels as None) the serialized bytes of its
    Accumulator, and the rows left out under missing="skip"."""
    cells: dict
    skipped: int = 0


def _cell_label(label):
    """A label as a key that merges across partitions: plain Python values,
    every missing label as None (NaN != NaN would split a cell)."""
    label = label.item() if isinstance(label, np.generic) else label
    return None if _labels.is_missing(np.array([label], dtype=object))[0] else label


def _breakdown_update(frame, score, by, weights, scale, missing):
    """new + update: a partition's rows folded into per-cell accumulators."""
    scores = frame[score].to_numpy()
    column = frame[weights].to_numpy() if weights is not None else None
    segments = [frame[name].to_numpy() for name in by]
    skipped = 0
    if missing == "skip":
        kept, skipped = _missing.skip_rows(
            dict({"scores": scores, "weights": column},
                 **{"segment %r" % name: s for name, s in zip(by, segments)}))
        scores, column = kept["scores"], kept["weights"]
        segments = [kept["segment %r" % name] for name in by]
    scores = _convert.as_float64(scores)
    cells = {}
    if len(scores):
        keys, cell_of_row = _joint_cells(segments)
        order = np.argsort(cell_of_row, kind="stable")
        bounds = np.concatenate([[0], np.cumsum(np.bincount(cell_of_row, minlength=len(keys)))])
        for c, key in enumerate(keys):
            rows = order[bounds[c]:bounds[c + 1]]
            accumulator = Accumulator(scale)
            try:
                accumulator.add(scores[rows], column[rows] if column is not None else None)
            except Error:
                # The error names a position within the cell: name the
                # partition's first bad row instead.
                try:
                    Accumulator(scale).add(scores, column)
                except Error as error:
                    raise _named_error(error, frame, skipped) from None
                raise
            cells[key] = accumulator.to_bytes()
    return BreakdownState(cells, int(skipped))


def _breakdown_merge(*states):
    """merge: cells added by label tuple, serialized again."""
    cells = {}
    for state in states:
        for key, data in state.cells.items():
            if key in cells:
                cells[key] = Accumulator.from_bytes(cells[key]).merge(
                    Accumulator.from_bytes(data)).to_bytes()
            else:
                cells[key] = data
    return BreakdownState(cells, sum(state.skipped for state in states))


def breakdown(ddf, score="score", by=(), weights=None, metric="nps", p_adjust="holm", *,
              scale=None, box=None, promoter_min=None, detractor_max=None,
              interval="jeffreys", level=0.95, prior=1.0, replicates=2000, seed=42,
              missing="error", split_every=8):
    """candor.breakdown on a Dask DataFrame: the same rows as
    candor.breakdown(ddf[score].compute(), {name: ddf[name].compute() for
    name in by}, ddf[weights].compute(), metric, p_adjust, ...).

    Args:
        ddf: a dask.dataframe.DataFrame.
        score: the name of the score column.
        by: the names of the segment columns (a name or a list of names).
        weights: None or the name of a weight column (plain weights; a
            calibration or accounts= need the responses: compute the columns
            and call candor.breakdown).
        metric, p_adjust, scale, box, promoter_min, detractor_max, interval,
            level, prior, replicates, seed: as candor.breakdown (the
            bootstrap only unweighted).
        missing: "error" or "skip", as candor.breakdown. A missing segment
            label is a segment of its own, labelled None.
        split_every: states merged at a time in the tree (>= 2).

    Each partition becomes a BreakdownState (per cell of segment labels an
    Accumulator's bytes); states merge by cell in a tree, and
    candor.breakdown_accumulated finishes them once. Returns what
    candor.breakdown returns (a pandas DataFrame; attrs["skipped"]).
    """
    by = [by] if isinstance(by, str) else list(by)
    if not by:
        raise Error("CANDOR_INVALID_ARGUMENT", "by= names no segment column")
    _missing.check_choice(missing)
    options = _convert.score_options(
        metric, scale=scale, box=box, promoter_min=promoter_min, detractor_max=detractor_max,
        interval=interval, level=level, prior=prior, p_adjust=p_adjust)
    grid = (options.scale_min, options.scale_max)
    _check_columns(ddf, [score] + by + ([weights] if weights is not None else []))
    parts = ddf.to_delayed()
    states = [dask.delayed(_breakdown_update)(part, score, by, weights, grid, missing)
              for part in parts]
    merged = _tree(states, _breakdown_merge, split_every).compute()
    if not merged.cells:
        raise Error("CANDOR_EMPTY", "no responses")
    cells = {key: Accumulator.from_bytes(data) for key, data in merged.cells.items()}
    frame = breakdown_accumulated(
        cells, by, metric, p_adjust, scale=scale, box=box, promoter_min=promoter_min,
        detractor_max=detractor_max, interval=interval, level=level, prior=prior,
        replicates=replicates, seed=seed)
    if not isinstance(frame, list):
        frame.attrs["skipped"] = merged.skipped
    return frame


@dataclasses.dataclass
class TrendState:
    """One partition's (or a merge's) part of a bucket trend: the serialized
    bytes of its BucketAccumulator (per segment and local day, per-point
    sums) and the rows left out under missing="skip"."""
    accumulator: bytes
    skipped: int = 0


def _trend_update(frame, score, time, weights, segment, scale, tz, half_life_days, missing):
    """new + update: a partition's rows folded into a BucketAccumulator."""
    columns = {"scores": frame[score].to_numpy(), "times": frame[time],
               "weights": frame[weights].to_numpy() if weights is not None else None,
               "segments": frame[segment].to_numpy() if segment is not None else None}
    skipped = 0
    if missing == "skip":
        columns, skipped = _missing.skip_rows(columns, times="times")
    accumulator = BucketAccumulator(scale, tz, half_life_days)
    try:
        accumulator.add(columns["scores"], columns["times"], columns["weights"],
                        columns["segments"])
    except Error as error:
        raise _named_error(error, frame, skipped) from None
    return TrendState(accumulator.to_bytes(), int(skipped))


def _trend_merge(*states):
    """merge: the states' accumulators added by segment and day."""
    merged = BucketAccumulator.from_bytes(states[0].accumulator)
    for state in states[1:]:
        merged.merge(BucketAccumulator.from_bytes(state.accumulator))
    return TrendState(merged.to_bytes(), sum(state.skipped for state in states))


def trend(ddf, score="score", time="time", every="month", tz="UTC", metric="nps", weights=None,
          *, segments=None, window_days=None, half_life_days=None, power=0.8, control_k=3.0,
          control_level=None, p_adjust="holm", scale=None, box=None, promoter_min=None,
          detractor_max=None, interval="jeffreys", level=0.95, prior=1.0, replicates=2000,
          seed=42, missing="error", split_every=8):
    """candor.trend on a Dask DataFrame: the same frame as
    candor.trend(ddf[score].compute(), ddf[time].compute(), every, tz, metric,
    ddf[weights].compute(), segments=ddf[segments].compute(), ...).

    Args:
        ddf: a dask.dataframe.DataFrame.
        score, time: the names of the score and time columns (times as
            candor.trend takes them: Unix seconds, datetimes, ISO strings).
        every, tz, metric, window_days, half_life_days, power, control_k,
            control_level, p_adjust, scale, box, promoter_min,
            detractor_max, interval, level, prior, replicates, seed: as
            candor.trend.
        weights: None or the name of a weight column (plain weights).
        segments: None or the name of a segment column: one series per
            label, in the labels' sorted order.
        missing: "error" or "skip", as candor.trend.
        split_every: states merged at a time in the tree (>= 2).

    Each partition becomes a TrendState (a candor.BucketAccumulator's
    bytes: per segment and local day, per-point counts and weight sums, and
    decayed sums for half_life_days); states merge by segment and day in a
    tree, and the trend is made once from the merged sums. Buckets are whole
    local days and rolling windows start at local midnights, so the rows are
    candor.trend's. Not on Dask (CANDOR_UNSUPPORTED, or no such argument):
    accounts= (a cluster-robust change needs the responses), the bootstrap
    with weights or half_life_days, and a rolling window that starts inside
    a local day (a bucket ending at a midnight skipped by a daylight-saving
    jump); compute the columns and call candor.trend for those.
    """
    _missing.check_choice(missing)
    options = _convert.score_options(
        metric, scale=scale, box=box, promoter_min=promoter_min, detractor_max=detractor_max,
        interval=interval, level=level, prior=prior)
    grid = (options.scale_min, options.scale_max)
    _check_columns(ddf, [score, time] + [c for c in (weights, segments) if c is not None])
    # Checked on the client before any partition is read (the names, the
    # period, the zone's form); the accumulators load the zone.
    BucketAccumulator(grid, tz, half_life_days)
    states = [dask.delayed(_trend_update)(part, score, time, weights, segments, grid, tz,
                                          half_life_days, missing)
              for part in ddf.to_delayed()]
    merged = _tree(states, _trend_merge, split_every).compute()
    accumulator = BucketAccumulator.from_bytes(merged.accumulator)
    if len(accumulator) == 0:
        raise Error("CANDOR_EMPTY", "no responses")
    frame = accumulator.trend(
        every, metric, window_days, half_life_days, power=power, control_k=control_k,
        control_level=control_level, p_adjust=p_adjust, scale=scale, box=box,
        promoter_min=promoter_min, detractor_max=detractor_max, interval=interval, level=level,
        prior=prior, replicates=replicates, seed=seed)
    if not isinstance(frame, dict):
        frame.attrs["skipped"] = merged.skipped
    return frame


@dataclasses.dataclass
class DriverState:
    """One partition's (or a merge's) part of theme drivers: the serialized
    bytes of its DriverAccumulator (per period tallies, per theme pattern
    weight sums) and the rows left out under missing="skip"."""
    accumulator: bytes
    skipped: int = 0


def _drivers_update(frame, score, themes, mentions, n_themes, weights, periods, scale, missing):
    """new + update: a partition's comments folded into a DriverAccumulator."""
    columns = {"scores": frame[score].to_numpy(),
               "weights": frame[weights].to_numpy() if weights is not None else None,
               "mentions": (frame[themes].to_numpy() if themes is not None
                            else list(frame[mentions])),
               "periods": frame[periods].to_numpy() if periods is not None else None}
    skipped = 0
    if missing == "skip":
        columns, skipped = _missing.skip_rows(columns)
    accumulator = DriverAccumulator(n_themes, scale)
    try:
        accumulator.add(columns["scores"], columns["mentions"], columns["weights"],
                        columns["periods"])
    except Error as error:
        raise _named_error(error, frame, skipped) from None
    return DriverState(accumulator.to_bytes(), int(skipped))


def _drivers_merge(*states):
    """merge: the states' accumulators added by period and pattern."""
    merged = DriverAccumulator.from_bytes(states[0].accumulator)
    for state in states[1:]:
        merged.merge(DriverAccumulator.from_bytes(state.accumulator))
    return DriverState(merged.to_bytes(), sum(state.skipped for state in states))


def drivers(ddf, score="score", themes=None, *, mentions=None, theme_names=None, weights=None,
            periods=None, metric="nps", l2_penalty=1.0, fit_key_drivers=True, earlier=None,
            later=None, p_adjust="bh", alpha=0.05, max_iterations=100, tolerance=1e-10,
            scale=None, box=None, promoter_min=None, detractor_max=None, interval="jeffreys",
            level=0.95, prior=1.0, replicates=2000, seed=42, missing="error", split_every=8):
    """candor.theme_drivers on a Dask DataFrame: the same result as
    candor.theme_drivers(ddf[score].compute(), <the mentions>, theme_names,
    ddf[weights].compute(), ddf[periods].compute(), ...).

    Args:
        ddf: a dask.dataframe.DataFrame.
        score: the name of the score column.
        themes: the names of 0/1 indicator columns, one per theme (the
            theme names default to them); or
        mentions: the name of a column holding each comment's list of theme
            ids, with theme_names (one per theme) given.
        weights: None or the name of a weight column.
        periods: None or the name of a period column (trending compares
            `later` with `earlier`, by default the last two labels sorted).
        metric, l2_penalty, fit_key_drivers, earlier, later, p_adjust,
            alpha, max_iterations, tolerance, scale, box, promoter_min,
            detractor_max, interval, level, prior, replicates, seed: as
            candor.theme_drivers.
        missing: "error" or "skip", as candor.theme_drivers.
        split_every: states merged at a time in the tree (>= 2).

    Each partition becomes a DriverState (a candor.DriverAccumulator's
    bytes: per period the tallies of all comments and of each theme's
    mentioners, per pattern of themes and score the weight sum); states
    merge in a tree, and the drivers, trending rows and key-driver model
    are made once from the merged sums. Not on Dask: accounts= (the
    cluster-robust variances need the comments) and the weighted bootstrap
    (CANDOR_UNSUPPORTED); compute the columns and call candor.theme_drivers.
    """
    if (themes is None) == (mentions is None):
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "give themes= (0/1 indicator columns) or mentions= (a column of theme-id "
                    "lists, with theme_names)")
    if themes is not None:
        themes = [themes] if isinstance(themes, str) else list(themes)
        if not themes:
            raise Error("CANDOR_INVALID_ARGUMENT", "themes= names no column")
        if theme_names is None:
            theme_names = [str(name) for name in themes]
    elif theme_names is None:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "mentions= needs theme_names (the number of themes)")
    n_themes = len(theme_names)
    _missing.check_choice(missing)
    options = _convert.score_options(
        metric, scale=scale, box=box, promoter_min=promoter_min, detractor_max=detractor_max,
        interval=interval, level=level, prior=prior)
    grid = (options.scale_min, options.scale_max)
    _check_columns(ddf, [score] + (themes or [mentions]) +
                   [c for c in (weights, periods) if c is not None])
    states = [dask.delayed(_drivers_update)(part, score, themes, mentions, n_themes, weights,
                                            periods, grid, missing)
              for part in ddf.to_delayed()]
    merged = _tree(states, _drivers_merge, split_every).compute()
    accumulator = DriverAccumulator.from_bytes(merged.accumulator)
    result = accumulator.drivers(
        theme_names, metric=metric, l2_penalty=l2_penalty, fit_key_drivers=fit_key_drivers,
        earlier=earlier, later=later, p_adjust=p_adjust, alpha=alpha,
        max_iterations=max_iterations, tolerance=tolerance, scale=scale, box=box,
        promoter_min=promoter_min, detractor_max=detractor_max, interval=interval, level=level,
        prior=prior, replicates=replicates, seed=seed)
    return dataclasses.replace(result, skipped=merged.skipped,
                               overall=dataclasses.replace(result.overall,
                                                           skipped=merged.skipped))


@dataclasses.dataclass
class MarginState:
    """One partition's (or a merge's) part of a raking: per joint cell of the
    margins' labels, the sum of the base weights and the rows."""
    cells: dict


def _joint_cells(columns):
    """(keys, cell of each row): the joint cells of the label columns (1-D
    arrays of one partition), as tuples of plain labels (missing ones None),
    and each row's index into keys."""
    factorized = [_labels.factorize(column) for column in columns]
    sizes = [max(len(levels), 1) for _, levels in factorized]
    if np.prod(np.array(sizes, dtype=float)) < 2.0 ** 62:
        # One int64 key per row (mixed radix): a 1-D unique, much faster
        # than unique rows.
        key = np.zeros(len(factorized[0][0]), dtype=np.int64)
        stride = 1
        for (codes, _), size in zip(factorized, sizes):
            key += codes.astype(np.int64) * stride
            stride *= size
        unique, cell_of_row = np.unique(key, return_inverse=True)
        tuples = []
        for value in unique.tolist():
            codes = []
            for size in sizes:
                codes.append(value % size)
                value //= size
            tuples.append(codes)
    else:
        joint = np.stack([codes for codes, _ in factorized], axis=1)
        tuples, cell_of_row = np.unique(joint, axis=0, return_inverse=True)
    keys = [tuple(_cell_label(levels[code]) for (_, levels), code in zip(factorized, codes))
            for codes in tuples]
    return keys, np.asarray(cell_of_row).reshape(-1)


def _base_weights(frame, weights):
    if weights is None:
        return np.ones(len(frame))
    return _convert.as_float64(frame[weights].to_numpy(), "base_weights")


def _rake_update(frame, margins, weights):
    """new + update: the partition's base weight sums per joint cell; a label
    without a population total is an error naming its row."""
    if len(frame) == 0:
        return MarginState({})
    keys, cell_of_row = _joint_cells([frame[name].to_numpy() for name in margins])
    for j, (name, totals) in enumerate(margins.items()):
        unknown = [c for c, key in enumerate(keys) if key[j] not in totals]
        if unknown:
            row = int(np.flatnonzero(np.isin(cell_of_row, unknown))[0])
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "margin %r: label %r (the row labelled %r) has no population total"
                        % (name, frame[name].iloc[row], frame.index[row]))
    base = _base_weights(frame, weights)
    sums = np.bincount(cell_of_row, weights=base, minlength=len(keys))
    rows = np.bincount(cell_of_row, minlength=len(keys))
    return MarginState({key: (float(sums[c]), int(rows[c])) for c, key in enumerate(keys)})


def _rake_merge(*states):
    cells = {}
    for state in states:
        for key, (total, rows) in state.cells.items():
            before = cells.get(key, (0.0, 0))
            cells[key] = (before[0] + total, before[1] + rows)
    return MarginState(cells)


def _apply_factors(frame, columns, weights, factors):
    """map: each row's weight, its base weight times its cell's factor."""
    import pandas as pd
    if len(frame) == 0:
        return pd.Series(np.zeros(0), index=frame.index, name="weight")
    keys, cell_of_row = _joint_cells([frame[name].to_numpy() for name in columns])
    factor = np.array([factors[key] for key in keys])[cell_of_row]
    return pd.Series(_base_weights(frame, weights) * factor, index=frame.index, name="weight")


def rake(ddf, margins, weights=None, max_iterations=100, tolerance=1e-10, split_every=8):
    """candor.rake on a Dask DataFrame: a Dask Series of weights (named
    "weight", with ddf's index and partitions) equal to
    candor.rake({name: (ddf[name].compute(), totals)}, ddf[weights].compute()).values.

    Args:
        ddf: a dask.dataframe.DataFrame.
        margins: dict column name -> population totals (dict label -> total).
        weights: None or the name of a base weight column.
        max_iterations, tolerance: as candor.rake.
        split_every: states merged at a time in the tree (>= 2).

    Raking scales every response of a joint cell of the margins' labels by
    the same factor, so the base weight sums per joint cell are sufficient:
    one pass over the partitions gathers them (a MarginState per partition,
    merged in a tree), candor.rake fits the cells on the client (each
    iteration's margin sums are sums over cells), and a second, lazy pass
    multiplies each row's base weight by its cell's factor. The state has
    one entry per joint cell present (at most the product of the margins'
    level counts). Errors as candor.rake's (CANDOR_NOT_CONVERGED,
    CANDOR_EMPTY for a level with a total but no respondents); a label
    without a total names its row.
    """
    if not isinstance(margins, dict) or not margins:
        raise Error("CANDOR_INVALID_ARGUMENT",
                    "margins must be a dict column name -> population totals")
    columns = list(margins)
    _check_columns(ddf, columns + ([weights] if weights is not None else []))
    totals = {}
    for name, margin_totals in margins.items():
        try:
            totals[name] = {_cell_label(k): float(v) for k, v in dict(margin_totals).items()}
        except (TypeError, ValueError):
            raise Error("CANDOR_INVALID_ARGUMENT", "margin %r: totals must be a dict (or "
                        "Series) label -> total, got %r" % (name, margin_totals)) from None
    states = [dask.delayed(_rake_update)(part, totals, weights) for part in ddf.to_delayed()]
    merged = _tree(states, _rake_merge, split_every).compute()
    if not merged.cells:
        raise Error("CANDOR_EMPTY", "no respondents")
    keys = list(merged.cells)
    base = np.array([merged.cells[key][0] for key in keys])
    cell_margins = {}
    for j, name in enumerate(columns):
        labels = np.empty(len(keys), dtype=object)
        labels[:] = [key[j] for key in keys]
        cell_margins[name] = (labels, totals[name])
    fitted = rake_cells(cell_margins, base, max_iterations=max_iterations, tolerance=tolerance)
    factors = {key: (w / b if b > 0 else 0.0) for key, w, b in zip(keys, fitted.values, base)}
    return ddf.map_partitions(_apply_factors, columns, weights, factors,
                              meta=("weight", "f8"))


__all__ = ["BreakdownState", "DriverState", "MarginState", "ScoreState", "TrendState",
           "breakdown", "drivers", "rake", "score", "trend"]
