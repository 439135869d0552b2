"""candor on Dask DataFrames: each partition folds its rows into a state
(the same accumulators candor merges across threads), states travel
serialized, merge in a tree of `split_every` at a time, and the result is
finalized once, so it equals candor's single-process one.

The state contract (new, update, merge, serialize, deserialize, finalize) is
in docs/DISTRIBUTED.md. Imported only when used: `import candor` does not
import dask.

So far: score() (any metric, weighted or not, cluster-robust by account).
Breakdowns, trends, theme drivers and raking follow (issue 18).
"""
import dataclasses
import re

import dask

from candor import _convert
from candor import _missing
from candor._lib import Error
from candor.accumulator import AccountAccumulator, Accumulator


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
        # The library names a position in this partition's (kept) rows; with
        # nothing skipped it is a position in the frame: name its label too.
        where = re.search(r"\bindex (\d+)", str(error))
        if where and not skipped and int(where.group(1)) < len(frame):
            raise Error(error.status, "%s (in a Dask partition: the row labelled %r)"
                        % (error, frame.index[int(where.group(1))])) from None
        raise

    return ScoreState(accumulator.to_bytes(), int(skipped), accounts is not None)


def _score_merge(*states):
    """merge: states (from deserialize) added into one, serialized again."""
    merged = states[0].open()
    for state in states[1:]:
        merged.merge(state.open())
    return ScoreState(merged.to_bytes(), sum(state.skipped for state in states),
                      states[0].by_account)


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
    columns = [score] + [c for c in (weights, accounts) if c is not None]
    missing_columns = [c for c in columns if c not in ddf.columns]
    if missing_columns:
        raise Error("CANDOR_INVALID_ARGUMENT", "no column %r in the DataFrame (columns: %s)"
                    % (missing_columns[0], ", ".join(map(str, ddf.columns))))
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


__all__ = ["ScoreState", "score"]
