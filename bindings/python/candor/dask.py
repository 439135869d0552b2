"""candor on Dask DataFrames: each partition folds its rows into a state
(the same accumulators candor merges across threads), states travel
serialized, merge in a tree of `split_every` at a time, and the result is
finalized once, so it equals candor's single-process one.

The state contract (new, update, merge, serialize, deserialize, finalize) is
in docs/DISTRIBUTED.md. Imported only when used: `import candor` does not
import dask.

So far: score() (any metric, weighted or not). Cluster-robust scores by
account, breakdowns, trends, theme drivers and raking follow (issue 18).
"""
import dataclasses
import re

import dask

from candor import _convert
from candor import _missing
from candor._lib import Error
from candor.accumulator import Accumulator


@dataclasses.dataclass
class ScoreState:
    """One partition's (or a merge's) part of a score: the accumulator's
    serialized bytes and the rows left out under missing="skip"."""
    accumulator: bytes
    skipped: int = 0


def _score_update(frame, score, weights, scale, missing):
    """new + update: a partition's rows folded into a fresh state."""
    scores = frame[score].to_numpy()
    column = frame[weights].to_numpy() if weights is not None else None
    skipped = 0
    if missing == "skip":
        kept, skipped = _missing.skip_rows({"scores": scores, "weights": column})
        scores, column = kept["scores"], kept["weights"]
    accumulator = Accumulator(scale)
    try:
        accumulator.add(scores, column)
    except Error as error:
        # The library names a position in this partition's (kept) rows; with
        # nothing skipped it is a position in the frame: name its label too.
        where = re.search(r"\bindex (\d+)", str(error))
        if where and not skipped and int(where.group(1)) < len(frame):
            raise Error(error.status, "%s (in a Dask partition: the row labelled %r)"
                        % (error, frame.index[int(where.group(1))])) from None
        raise

    return ScoreState(accumulator.to_bytes(), int(skipped))


def _score_merge(*states):
    """merge: states (from deserialize) added into one, serialized again."""
    merged = Accumulator.from_bytes(states[0].accumulator)
    for state in states[1:]:
        merged.merge(Accumulator.from_bytes(state.accumulator))
    return ScoreState(merged.to_bytes(), sum(state.skipped for state in states))


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
        accounts: cluster-robust standard errors by account are not
            available on Dask yet (CANDOR_UNSUPPORTED).
        missing: "error" or "skip", as candor.score.
        split_every: states merged at a time in the tree (>= 2).

    Each partition becomes a ScoreState (a candor.Accumulator's bytes and
    its skipped rows); states merge in a tree and are finalized once.
    """
    if accounts is not None:
        raise Error("CANDOR_UNSUPPORTED",
                    "candor.dask.score: accounts= (cluster-robust by account) is not "
                    "available on Dask yet; compute the columns and call candor.score")
    _missing.check_choice(missing)
    options = _convert.score_options(
        metric, scale=scale, box=box, promoter_min=promoter_min, detractor_max=detractor_max,
        interval=interval, level=level, prior=prior)
    grid = (options.scale_min, options.scale_max)
    columns = [score] + ([weights] if weights is not None else [])
    missing_columns = [c for c in columns if c not in ddf.columns]
    if missing_columns:
        raise Error("CANDOR_INVALID_ARGUMENT", "no column %r in the DataFrame (columns: %s)"
                    % (missing_columns[0], ", ".join(map(str, ddf.columns))))
    # Whole partitions: a column selection as a Dask step would copy each
    # partition's columns first; the update reads them in place.
    parts = ddf.to_delayed()
    states = [dask.delayed(_score_update)(part, score, weights, grid, missing) for part in parts]
    merged = _tree(states, _score_merge, split_every).compute()
    estimate = Accumulator.from_bytes(merged.accumulator).estimate(
        metric, scale=scale, box=box, promoter_min=promoter_min, detractor_max=detractor_max,
        interval=interval, level=level, prior=prior)
    return dataclasses.replace(estimate, skipped=merged.skipped)


__all__ = ["ScoreState", "score"]
