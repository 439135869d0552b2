"""Issue 11, bugs 1-3 through the Python API, where they were reported:
accumulator counts that overflow, Bayes intervals at huge counts, and
non-finite results returned as if they were fine."""
import math
import struct

import numpy as np
import pytest
from scipy import stats

import candor


def accumulator_bytes(scale, counts):
    """Serialized accumulator with unit weights, written from the documented
    layout (lib/score/accumulator.cc), independently of the library."""
    out = b"CNDR" + struct.pack("<Hiib", 1, scale[0], scale[1], 0)
    for c in counts:
        out += struct.pack("<Qdd", c, float(c), float(c))
    h = 0xcbf29ce484222325
    for byte in out:
        h = ((h ^ byte) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return out + struct.pack("<Q", h)


def test_writer_matches_the_library():
    acc = candor.Accumulator((0, 2))
    acc.add([0.0, 2.0, 2.0])
    assert acc.to_bytes() == accumulator_bytes((0, 2), [1, 0, 2])


def test_total_count_above_int64_is_refused():
    with pytest.raises(candor.Error) as info:
        candor.Accumulator.from_bytes(accumulator_bytes((0, 2), [2**62, 0, 2**62]))
    assert info.value.status == "CANDOR_PARSE_ERROR"


def test_merging_with_itself_stops_before_wrapping():
    acc = candor.Accumulator.from_bytes(accumulator_bytes((0, 2), [0, 2**61, 0]))
    acc.merge(acc)
    assert len(acc) == 2**62
    with pytest.raises(candor.Error) as info:
        acc.merge(acc)
    assert info.value.status == "CANDOR_OUT_OF_RANGE"
    assert len(acc) == 2**62


@pytest.mark.parametrize("n_top", [1e6, 1e10, 1e16])
def test_bayes_top_box_at_huge_counts(n_top):
    n_top = int(n_top)
    acc = candor.Accumulator.from_bytes(accumulator_bytes((1, 5), [3 * n_top, 0, 0, 0, n_top]))
    e = acc.estimate("csat", interval="bayes")
    a, b = n_top + 1, 3 * n_top + 1
    sd = stats.beta.std(a, b)
    if n_top <= 1e10:
        low, high = stats.beta.ppf([0.025, 0.975], a, b)
    else:
        # scipy's ppf loses digits here; the Beta is normal to ~1e-8 sd.
        z = stats.norm.ppf(0.975)
        low, high = stats.beta.mean(a, b) - z * sd, stats.beta.mean(a, b) + z * sd
    assert e.ci_low == pytest.approx(100 * low, abs=100 * 1e-3 * sd)
    assert e.ci_high == pytest.approx(100 * high, abs=100 * 1e-3 * sd)
    assert e.ci_low <= e.value <= e.ci_high


def test_huge_weights_give_finite_results():
    e = candor.score([13, 12, 3], "mean", scale=(3, 14), weights=[1e308, 1.5, 1])
    assert e.value == 13
    assert math.isfinite(e.std_error)
    assert e.ci_low <= e.value <= e.ci_high
    scores = [10, 9, 3, 7, 8, 0]
    for factor in (1e300, 1e-300):
        huge = candor.nps(scores, weights=[factor] * 6)
        plain = candor.nps(scores, weights=[2.0] * 6)
        assert huge.std_error == pytest.approx(plain.std_error, rel=1e-12)
        assert huge.ci_low == pytest.approx(plain.ci_low, rel=1e-12)
        assert huge.effective_n == pytest.approx(6, rel=1e-12)


def test_results_are_finite_with_an_ordered_interval(rng):
    # Random weights over 600 orders of magnitude, every method.
    for _ in range(20):
        scores = rng.integers(0, 11, size=30).astype(float)
        weights = 10.0 ** rng.uniform(-300, 300, size=30)
        for interval in ("wald", "adjusted_wald", "bayes", "bootstrap"):
            e = candor.nps(scores, weights=weights, interval=interval, replicates=200)
            for field in ("value", "std_error", "ci_low", "ci_high", "effective_n"):
                assert np.isfinite(getattr(e, field)), (interval, field)
            assert e.ci_low <= e.ci_high
