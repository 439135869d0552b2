"""Accumulators: batches, merges and round trips equal one pass over all data."""
import gc
import threading

import numpy as np
import pytest

import candor


def assert_close(e, expected, rel=1e-12):
    assert e.n == expected.n
    for field in ("value", "std_error", "ci_low", "ci_high", "level", "effective_n"):
        assert getattr(e, field) == pytest.approx(getattr(expected, field), rel=rel), field


def test_batches_equal_one_pass(rng):
    scores = rng.integers(0, 11, size=1000).astype(float)
    acc = candor.Accumulator()
    for batch in np.array_split(scores, 7):
        acc.add(batch)
    for interval in ("wald", "adjusted_wald", "bayes", "bootstrap"):
        assert_close(acc.estimate(interval=interval), candor.nps(scores, interval=interval))
    assert_close(acc.estimate("top_box", box=3), candor.top_box(scores, (0, 10), box=3))
    assert_close(acc.estimate("mean"), candor.mean_score(scores, (0, 10)))


def test_weighted_batches(rng):
    scores = rng.integers(0, 11, size=500).astype(float)
    weights = rng.uniform(0.1, 3.0, size=500)
    acc = candor.Accumulator((0, 10))
    acc.add(scores[:200], weights[:200]).add(scores[200:], weights[200:])
    assert_close(acc.estimate(), candor.nps(scores, weights), rel=1e-10)
    with pytest.raises(candor.Error) as info:
        acc.estimate(interval="bootstrap")  # weighted bootstrap needs the responses
    assert info.value.status == "CANDOR_UNSUPPORTED"


def test_merge_and_bytes_round_trip(rng):
    a_scores = rng.integers(1, 6, size=300).astype(float)
    b_scores = rng.integers(1, 6, size=200).astype(float)
    a, b = candor.Accumulator((1, 5)), candor.Accumulator((1, 5))
    a.add(a_scores)
    b.add(b_scores)
    data = b.to_bytes()
    assert isinstance(data, bytes) and len(data) > 0
    restored = candor.Accumulator.from_bytes(data)
    assert restored.to_bytes() == data
    a.merge(restored)
    assert_close(a.estimate("csat"), candor.csat(np.concatenate([a_scores, b_scores])))
    assert_close(restored.estimate("mean", scale=(1, 5)), candor.mean_score(b_scores, (1, 5)))
    # The bytes carry the scale: no scale= needed after a round trip.
    assert restored.scale == (1, 5)
    assert len(restored) == len(b_scores)
    assert_close(restored.estimate("mean"), candor.mean_score(b_scores, (1, 5)))


def test_accumulator_errors(rng):
    acc = candor.Accumulator()
    with pytest.raises(candor.Error) as info:
        acc.add([1, 2, 11])
    assert info.value.status == "CANDOR_OUT_OF_RANGE"
    assert "2" in str(info.value)
    acc.add([9, 10])
    assert acc.estimate().n == 2  # the bad batch added nothing
    with pytest.raises(candor.Error) as info:
        acc.add([1, 2], [1])
    assert info.value.status == "CANDOR_LENGTH_MISMATCH"
    with pytest.raises(candor.Error) as info:
        acc.merge(candor.Accumulator((1, 5)))
    assert info.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(candor.Error) as info:
        acc.estimate("csat")  # CSAT's scale 1..5 is not the accumulator's
    assert info.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(candor.Error) as info:
        candor.Accumulator((5, 1))
    assert info.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(candor.Error) as info:
        candor.Accumulator().estimate()
    assert info.value.status == "CANDOR_EMPTY"


@pytest.mark.parametrize("mangle", [lambda b: b[:-1], lambda b: b"", lambda b: b"x" + b[1:],
                                    lambda b: b + b"\0"])
def test_corrupt_bytes_are_a_parse_error(mangle):
    acc = candor.Accumulator()
    acc.add([1, 9, 10])
    with pytest.raises(candor.Error) as info:
        candor.Accumulator.from_bytes(mangle(acc.to_bytes()))
    assert info.value.status == "CANDOR_PARSE_ERROR"


def test_close_and_use_after_close():
    acc = candor.Accumulator()
    acc.add([10])
    acc.close()
    acc.close()  # idempotent
    with pytest.raises(candor.Error) as info:
        acc.add([10])
    assert info.value.status == "CANDOR_INVALID_ARGUMENT"
    with candor.Accumulator() as scoped:
        scoped.add([3])
    with pytest.raises(candor.Error):
        scoped.estimate()
    for _ in range(1000):  # __del__ frees; nothing leaks or crashes
        candor.Accumulator().add([1, 2, 3])
    gc.collect()


def test_threads_adding_to_one_accumulator(rng):
    scores = rng.integers(0, 11, size=4000).astype(float)
    acc = candor.Accumulator()
    chunks = np.array_split(scores, 40)
    threads = [threading.Thread(target=lambda c=c: acc.add(c)) for c in chunks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert_close(acc.estimate(), candor.nps(scores))


def test_account_accumulator_equals_score_by_account_however_split():
    rng = np.random.default_rng(8)
    n = 5000
    scores = rng.integers(0, 11, n).astype(float)
    weights = rng.uniform(0.3, 4.0, n)
    accounts = np.array(["acct-%d" % k for k in rng.integers(0, 70, n)], dtype=object)
    want = candor.score(scores, "nps", weights, accounts=accounts)
    cuts = [0, 0, 1, 2400, n]
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        part = candor.AccountAccumulator().add(scores[a:b], accounts[a:b], weights[a:b])
        parts.append(candor.AccountAccumulator.from_bytes(part.to_bytes()))
    merged = parts[3].merge(parts[2]).merge(parts[1].merge(parts[0]))
    assert len(merged) == n and merged.accounts == 70
    got = merged.estimate("nps")
    for field in ("value", "std_error", "ci_low", "ci_high", "effective_n"):
        assert getattr(got, field) == pytest.approx(getattr(want, field), rel=1e-12), field
    assert got.n == want.n
    wald = merged.estimate("top_box", box=2, interval="wald")
    want_wald = candor.score(scores, "top_box", weights, accounts=accounts, scale=(0, 10),
                             box=2, interval="wald")
    assert wald.std_error == pytest.approx(want_wald.std_error, rel=1e-12)


def test_account_accumulator_keys_labels_by_kind_and_refuses_bad_input():
    acc = candor.AccountAccumulator()
    # 17, 17.0 and np.int64(17) are one account; "17" another.
    acc.add([10, 0, 9, 7], [17, 17.0, np.int64(17), "17"])
    assert acc.accounts == 2
    with pytest.raises(candor.Error) as e:
        acc.add([10, 0], ["a", None])
    assert e.value.status == "CANDOR_INVALID_ARGUMENT" and "accounts" in str(e.value)
    with pytest.raises(candor.Error) as e:
        acc.add([10, 11], ["a", "b"])
    assert e.value.status == "CANDOR_OUT_OF_RANGE"
    assert len(acc) == 4 and acc.accounts == 2  # nothing of a bad batch was added
    with pytest.raises(candor.Error) as e:
        acc.estimate("nps", interval="bootstrap")
    assert e.value.status == "CANDOR_UNSUPPORTED"
    with pytest.raises(candor.Error) as e:
        candor.AccountAccumulator.from_bytes(acc.to_bytes()[:-3])
    assert e.value.status == "CANDOR_PARSE_ERROR"
    with pytest.raises(candor.Error):
        acc.merge(candor.Accumulator())
