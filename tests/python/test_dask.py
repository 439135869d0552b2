"""candor.dask against candor's single-process results, on a two-worker
dask.distributed.LocalCluster (separate processes) that the module starts and
stops: values to 1e-12, counts exactly, for partitions of every awkward size
(empty, one row, all scores missing), any tree width, and a worker that
dies mid-computation."""
import numpy as np
import pandas as pd
import pytest

import candor
from candor import Error

dd = pytest.importorskip("dask.dataframe", reason="python3-dask is not installed")
distributed = pytest.importorskip("distributed", reason="python3-distributed is not installed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def responses(n, seed=1):
    rng = np.random.default_rng(seed)
    return pd.DataFrame({"score": rng.integers(0, 11, n).astype(float),
                         "weight": rng.uniform(0.2, 3.0, n)})


def same(a, b):
    assert a.n == b.n and a.skipped == b.skipped
    for field in ("value", "std_error", "ci_low", "ci_high", "effective_n"):
        assert getattr(a, field) == pytest.approx(getattr(b, field), rel=1e-12, abs=1e-12), field


@pytest.mark.parametrize("metric", ["nps", "top_box", "mean"])
@pytest.mark.parametrize("weighted", [False, True])
def test_score_equals_the_single_process_score(client, metric, weighted):
    frame = responses(20000)
    ddf = dd.from_pandas(frame, npartitions=7)
    scale = None if metric == "nps" else (0, 10)
    weights = "weight" if weighted else None
    got = candor.dask.score(ddf, "score", metric, weights, scale=scale)
    want = candor.score(frame["score"], metric, frame["weight"] if weighted else None,
                        scale=scale)
    same(got, want)


def with_accounts(frame, seed=3):
    """Account labels of mixed kinds, each account in many partitions."""
    rng = np.random.default_rng(seed)
    labels = np.array(["acme", "Zoë AG", 17, 17.0, "17", 3, "globex"] +
                      ["a%d" % i for i in range(40)], dtype=object)
    frame = frame.copy()
    frame["account"] = labels[rng.integers(0, len(labels), len(frame))]
    return frame


@pytest.mark.parametrize("metric", ["nps", "top_box", "mean"])
@pytest.mark.parametrize("interval", ["jeffreys", "wald"])
def test_score_by_account_equals_the_single_process_score(client, metric, interval):
    frame = with_accounts(responses(20000, seed=4))
    frame.loc[[5, 900, 15000], "score"] = np.nan
    ddf = dd.from_pandas(frame, npartitions=6)
    scale = None if metric == "nps" else (0, 10)
    for weights in (None, "weight"):
        got = candor.dask.score(ddf, "score", metric, weights, accounts="account", scale=scale,
                                interval=interval, missing="skip", split_every=3)
        want = candor.score(frame["score"], metric,
                            frame[weights] if weights else None, accounts=frame["account"],
                            scale=scale, interval=interval, missing="skip")
        assert want.skipped == 3
        same(got, want)
    # The design effect shows: clustering changes the SE from the plain one.
    plain = candor.score(frame["score"], metric, scale=scale, missing="skip")
    assert got.std_error != pytest.approx(plain.std_error, rel=1e-6)


def test_awkward_partitions_and_tree_widths(client):
    frame = responses(1001, seed=2)
    frame.loc[500:599, "score"] = np.nan  # one partition of only missing scores
    # Partitions: 0..499, 500..599 (all missing), 600 (one row), 601..1000,
    # and an empty one.
    pieces = [frame.iloc[:500], frame.iloc[500:600], frame.iloc[600:601], frame.iloc[601:],
              frame.iloc[0:0]]
    ddf = dd.concat([dd.from_pandas(p, npartitions=1) for p in pieces])
    assert ddf.npartitions == 5
    want = candor.score(frame["score"], "nps", frame["weight"], missing="skip")
    assert want.skipped == 100
    for split_every in (2, 3, 8):
        got = candor.dask.score(ddf, weights="weight", missing="skip", split_every=split_every)
        same(got, want)


def test_errors_are_candors(client):
    frame = responses(100)
    frame.loc[60, "score"] = np.nan
    ddf = dd.from_pandas(frame, npartitions=3)
    with pytest.raises(Error) as e:  # raised on a worker, re-raised here as itself
        candor.dask.score(ddf)
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and "the row labelled 60" in str(e.value)
    with pytest.raises(Error) as e:
        candor.dask.score(ddf, "rating")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "rating" in str(e.value)
    with pytest.raises(Error) as e:
        candor.dask.score(ddf, accounts="account")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "account" in str(e.value)
    frame["account"] = "only one"
    with pytest.raises(Error) as e:
        candor.dask.score(dd.from_pandas(frame.dropna(), npartitions=3), accounts="account")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "single account" in str(e.value)
    with pytest.raises(Error):
        candor.dask.score(ddf, split_every=1)


def test_a_worker_that_dies_mid_computation_is_retried(client, tmp_path):
    # Partition 2's first attempt kills its worker process; the nanny
    # restarts it and the scheduler reruns the task, whose state is the
    # same (update has no side effects). Defined here so that cloudpickle
    # ships it by value to the workers.
    import os
    marker = str(tmp_path / "died-once")

    def partition(i):
        if i == 2 and not os.path.exists(marker):
            open(marker, "w").close()
            os._exit(1)
        return responses(3000, seed=10 + i)

    import dask
    parts = [dask.delayed(partition)(i) for i in range(5)]
    ddf = dd.from_delayed(parts, meta=responses(0))
    got = candor.dask.score(ddf, weights="weight")
    frame = pd.concat([responses(3000, seed=10 + i) for i in range(5)])
    same(got, candor.score(frame["score"], "nps", frame["weight"]))
    assert os.path.exists(marker)  # the worker did die once


def with_segments(frame, seed=5):
    rng = np.random.default_rng(seed)
    frame = frame.copy()
    frame["region"] = np.array(["EMEA", "NA", "APAC", "LATAM"], dtype=object)[
        rng.integers(0, 4, len(frame))]
    frame["plan"] = rng.integers(1, 4, len(frame))
    return frame


def same_rows(got, want):
    assert list(got.columns) == list(want.columns)
    assert len(got) == len(want)
    for column in want.columns:
        if want[column].dtype == object:
            # A missing label is one segment (None here, NaN or None there).
            assert [None if pd.isna(v) else v for v in got[column]] == \
                [None if pd.isna(v) else v for v in want[column]], column
        else:
            np.testing.assert_allclose(got[column].to_numpy(float), want[column].to_numpy(float),
                                       rtol=1e-12, atol=1e-12, err_msg=column)


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("interval", ["jeffreys", "wald", "bayes"])
def test_breakdown_equals_the_single_process_breakdown(client, weighted, interval):
    frame = with_segments(responses(30000, seed=6))
    frame.loc[[7, 7000], "score"] = np.nan
    ddf = dd.from_pandas(frame, npartitions=5)
    weights = "weight" if weighted else None
    for p_adjust in ("holm", "bh"):
        got = candor.dask.breakdown(ddf, "score", ["region", "plan"], weights, "nps", p_adjust,
                                    interval=interval, missing="skip", split_every=2)
        want = candor.breakdown(frame["score"], frame[["region", "plan"]],
                                frame["weight"] if weighted else None, "nps", p_adjust,
                                interval=interval, missing="skip")
        same_rows(got, want)
        assert got.attrs["skipped"] == want.attrs["skipped"] == 2
        assert len(got) == 12


def test_breakdown_of_one_segment_with_awkward_partitions(client):
    frame = with_segments(responses(900, seed=7))
    frame.loc[[3, 640], "region"] = None
    frame.loc[700, "region"] = np.nan
    pieces = [frame.iloc[:1], frame.iloc[1:1], frame.iloc[1:600], frame.iloc[600:]]
    ddf = dd.concat([dd.from_pandas(p, npartitions=1) for p in pieces])
    got = candor.dask.breakdown(ddf, by="region", metric="top_box", scale=(0, 10), box=3)
    want = candor.breakdown(frame["score"], {"region": frame["region"]}, metric="top_box",
                            scale=(0, 10), box=3)
    same_rows(got, want)
    with pytest.raises(Error) as e:
        candor.dask.breakdown(ddf, by=[])
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(Error) as e:
        candor.dask.breakdown(ddf, by="tier")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "tier" in str(e.value)
    bad = frame.copy()
    bad.loc[650, "score"] = 11
    with pytest.raises(Error) as e:
        candor.dask.breakdown(dd.from_pandas(bad, npartitions=3), by="region")
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and "the row labelled 650" in str(e.value)


def test_rake_equals_the_single_process_rake(client):
    frame = with_segments(responses(20000, seed=9))
    frame["plan"] = frame["plan"].map({1: "basic", 2: "pro", 3: "enterprise"})
    margins = {"region": {"EMEA": 4000.0, "NA": 3000.0, "APAC": 2000.0, "LATAM": 1000.0},
               "plan": {"basic": 5000.0, "pro": 3500.0, "enterprise": 1500.0}}
    ddf = dd.from_pandas(frame, npartitions=6)
    for weights in (None, "weight"):
        got = candor.dask.rake(ddf, margins, weights, split_every=3)
        assert got.npartitions == ddf.npartitions
        got = got.compute()
        want = candor.rake({name: (frame[name], totals) for name, totals in margins.items()},
                           frame[weights] if weights else None).values
        assert list(got.index) == list(frame.index)
        np.testing.assert_allclose(got.to_numpy(), want, rtol=1e-12)
        # The margins are met.
        for name, totals in margins.items():
            for label, total in totals.items():
                assert got[frame[name] == label].sum() == pytest.approx(total, rel=1e-9)


def test_rake_errors_name_rows_and_margins(client):
    frame = with_segments(responses(500, seed=10))
    ddf = dd.from_pandas(frame, npartitions=3)
    with pytest.raises(Error) as e:
        candor.dask.rake(ddf, {"region": {"EMEA": 1.0, "NA": 1.0, "APAC": 1.0}}).compute()
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "LATAM" in str(e.value) \
        and "row labelled" in str(e.value)
    with pytest.raises(Error) as e:
        candor.dask.rake(ddf, {"region": {"EMEA": 1.0, "NA": 1.0, "APAC": 1.0, "LATAM": 1.0,
                                          "MARS": 1.0}})
    assert e.value.status == "CANDOR_EMPTY"
    with pytest.raises(Error) as e:
        candor.dask.rake(ddf, {})
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"


def with_times(frame, seed=6):
    """Times over 15 months across Berlin's daylight-saving jumps, as
    timezone-aware datetimes, and a segment column."""
    rng = np.random.default_rng(seed)
    frame = with_segments(frame, seed)
    seconds = rng.integers(1676851200, 1676851200 + 455 * 86400, len(frame))
    frame["time"] = pd.to_datetime(seconds, unit="s", utc=True).tz_convert("Europe/Berlin")
    return frame


def same_trend(got, want):
    """Rows equal: labels and counts exactly; numbers to 1e-12 of the NPS
    scale's unit (100), as the Jeffreys interval's root finder settles the
    last digits of a rolling window's bound on sums added in another order."""
    assert list(got.columns) == list(want.columns)
    assert len(got) == len(want)
    for column in want.columns:
        if want[column].dtype.kind in "fc":
            np.testing.assert_allclose(got[column].to_numpy(float), want[column].to_numpy(float),
                                       rtol=1e-12, atol=1e-10, err_msg=column)
        else:
            assert list(got[column]) == list(want[column]), column


@pytest.mark.parametrize("every,window,half_life,weighted,interval", [
    ("month", None, None, False, "jeffreys"),
    ("week", 14, 10.0, True, "jeffreys"),
    ("day", 3, 1.5, True, "wald"),
    ("quarter", 45, 30.0, False, "bayes"),
    ("week", 7, None, False, "bootstrap"),
])
def test_trend_equals_the_single_process_trend(client, every, window, half_life, weighted,
                                               interval):
    frame = with_times(responses(20000, seed=12))
    frame.loc[[3, 4000, 19999], "score"] = np.nan
    ddf = dd.from_pandas(frame, npartitions=7)
    weights = "weight" if weighted else None
    for segments in (None, "region"):
        got = candor.dask.trend(ddf, "score", "time", every, "Europe/Berlin", weights=weights,
                                segments=segments, window_days=window, half_life_days=half_life,
                                interval=interval, replicates=300, missing="skip", split_every=3)
        want = candor.trend(frame["score"], frame["time"], every, "Europe/Berlin",
                            weights=frame[weights] if weighted else None,
                            segments=frame[segments] if segments else None, window_days=window,
                            half_life_days=half_life, interval=interval, replicates=300,
                            missing="skip")
        assert got.attrs["skipped"] == want.attrs["skipped"] == 3
        same_trend(got, want)


def test_trend_with_awkward_partitions_and_its_limits(client):
    frame = with_times(responses(1001, seed=13))
    frame.loc[500:599, "score"] = np.nan
    pieces = [frame.iloc[:500], frame.iloc[500:600], frame.iloc[600:601], frame.iloc[601:],
              frame.iloc[0:0]]
    ddf = dd.concat([dd.from_pandas(p, npartitions=1) for p in pieces])
    want = candor.trend(frame["score"], frame["time"], "month", "Europe/Berlin",
                        segments=frame["plan"], missing="skip")
    for split_every in (2, 8):
        got = candor.dask.trend(ddf, time="time", tz="Europe/Berlin", segments="plan",
                                missing="skip", split_every=split_every)
        same_trend(got, want)
    with pytest.raises(Error) as e:  # a weighted bootstrap needs the responses
        candor.dask.trend(ddf, weights="weight", interval="bootstrap", missing="skip")
    assert e.value.status == "CANDOR_UNSUPPORTED"
    with pytest.raises(Error) as e:
        candor.dask.trend(ddf, tz="Europe/Nowhere", missing="skip")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "Nowhere" in str(e.value)
    with pytest.raises(Error) as e:  # a missing score, named by its row
        candor.dask.trend(ddf)
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and "row labelled 500" in str(e.value)
    with pytest.raises(Error) as e:
        candor.dask.trend(ddf, time="when", missing="skip")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "when" in str(e.value)


def with_themes(frame, seed=8):
    """Five 0/1 theme columns (the first going with low scores), the same as
    lists of theme ids, and a quarter label."""
    rng = np.random.default_rng(seed)
    frame = frame.copy()
    names = ["price", "support", "speed", "ui", "docs"]
    matrix = (rng.random((len(frame), 5)) < [0.3, 0.25, 0.2, 0.15, 0.1]).astype(np.int8)
    for j, name in enumerate(names):
        frame[name] = matrix[:, j]
    frame["themes"] = [list(map(int, np.flatnonzero(row))) for row in matrix]
    low = matrix[:, 0] == 1
    frame.loc[low, "score"] = np.minimum(frame.loc[low, "score"], 6.0)
    frame["quarter"] = np.array(["2025-Q1", "2025-Q2", "2025-Q3"], dtype=object)[
        rng.integers(0, 3, len(frame))]
    return frame, names


@pytest.mark.parametrize("weighted", [False, True])
def test_drivers_equal_the_single_process_drivers(client, weighted):
    frame, names = with_themes(responses(12000, seed=14))
    frame.loc[[10, 7000], "score"] = np.nan
    ddf = dd.from_pandas(frame, npartitions=5)
    weights = "weight" if weighted else None
    want = candor.theme_drivers(frame["score"], frame[names].to_numpy(), names,
                                frame["weight"] if weighted else None, frame["quarter"],
                                missing="skip")
    for kwargs in ({"themes": names}, {"mentions": "themes", "theme_names": names}):
        got = candor.dask.drivers(ddf, "score", weights=weights, periods="quarter",
                                  missing="skip", split_every=2, **kwargs)
        assert got.skipped == want.skipped == 2
        assert got.periods == want.periods == ("2025-Q2", "2025-Q3")
        for table in ("table", "trending"):
            a, b = getattr(got, table), getattr(want, table)
            for column in b.columns:
                if b[column].dtype.kind == "f":
                    rtol = 1e-9 if column in ("coefficient", "coefficient_std_error",
                                              "odds_ratio", "odds_ratio_ci_low",
                                              "odds_ratio_ci_high", "importance") else 1e-12
                    np.testing.assert_allclose(a[column], b[column], rtol=rtol, atol=1e-12,
                                               err_msg=column)
                else:
                    assert list(a[column]) == list(b[column]), column
        assert got.overall.value == pytest.approx(want.overall.value, rel=1e-12)


def test_drivers_limits_on_dask(client):
    frame, names = with_themes(responses(300, seed=15))
    ddf = dd.from_pandas(frame, npartitions=3)
    with pytest.raises(Error) as e:
        candor.dask.drivers(ddf, "score", names, weights="weight", interval="bootstrap")
    assert e.value.status == "CANDOR_UNSUPPORTED"
    with pytest.raises(Error) as e:
        candor.dask.drivers(ddf, "score")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(Error) as e:
        candor.dask.drivers(ddf, "score", mentions="themes")
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "theme_names" in str(e.value)
