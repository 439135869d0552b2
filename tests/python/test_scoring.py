"""Estimates through Python, checked against closed forms computed here with
numpy/scipy and against the R NPS package's verified vectors
(docs/REFERENCES.md section 1)."""
import math

import numpy as np
import pytest
from scipy import stats

import candor
from helpers import nps_values

Z95 = stats.norm.ppf(0.975)


def counts_to_scores(det, pas, pro):
    return np.array([3.0] * det + [7.0] * pas + [10.0] * pro)


def wald_nps(scores, level=0.95):
    """Rocks' nps_var: ((p + d) - (p - d)^2) / n, on the 0..100 scale."""
    s = nps_values(scores)
    n = len(s)
    p, d = np.mean(s == 1), np.mean(s == -1)
    value = 100 * (p - d)
    se = 100 * math.sqrt(((p + d) - (p - d) ** 2) / n)
    z = stats.norm.ppf((1 + level) / 2)
    return value, se, max(value - z * se, -100), min(value + z * se, 100)


@pytest.mark.parametrize("level", [0.8, 0.95, 0.99])
def test_nps_wald_matches_closed_form(rng, level):
    scores = rng.integers(0, 11, size=537).astype(float)
    e = candor.nps(scores, level=level, interval="wald")
    value, se, low, high = wald_nps(scores, level)
    assert e.value == pytest.approx(value, rel=1e-12)
    assert e.std_error == pytest.approx(se, rel=1e-12)
    assert e.ci_low == pytest.approx(low, rel=1e-12)
    assert e.ci_high == pytest.approx(high, rel=1e-12)
    assert e.level == level
    assert e.n == 537
    assert e.effective_n == 537


def test_nps_matches_r_nps_package_vectors():
    # R NPS (HEAD), verified: (det, pas, pro) = (1, 2, 3): Wald CI
    # (-0.26306, 0.92973); (5, 0, 1): lower end -1.26307, which we clip to -100.
    e = candor.nps(counts_to_scores(1, 2, 3), interval="wald")
    assert e.ci_low == pytest.approx(-26.306, abs=1e-3)
    assert e.ci_high == pytest.approx(92.973, abs=1e-3)
    # nps_se_(1, 2, 3) = 0.304
    assert e.std_error == pytest.approx(30.4, abs=0.05)
    e = candor.nps(counts_to_scores(5, 0, 1), interval="wald")
    assert e.ci_low == -100
    assert e.ci_high == pytest.approx(-7.027, abs=1e-3)


def test_nps_adjusted_wald_matches_r_nps_package():
    # R NPS adjusted.wald, (1, 2, 3): CI (-0.26743, 0.71188), SE 0.24983.
    e = candor.nps(counts_to_scores(1, 2, 3), interval="adjusted_wald")
    assert e.ci_low == pytest.approx(-26.743, abs=1e-3)
    assert e.ci_high == pytest.approx(71.188, abs=1e-3)
    assert e.std_error == pytest.approx(24.983, abs=1e-3)
    # (10, 20, 30): CI (0.13301, 0.50191), SE 0.09411.
    e = candor.nps(counts_to_scores(10, 20, 30), interval="adjusted_wald")
    assert e.ci_low == pytest.approx(13.301, abs=1e-3)
    assert e.ci_high == pytest.approx(50.191, abs=1e-3)
    assert e.std_error == pytest.approx(9.411, abs=1e-3)


def test_adjusted_wald_is_centred_on_the_adjusted_estimate(rng):
    # Lewis and Sauro 2021: n' = n + 3, pro' = pro + 3/4, det' = det + 3/4.
    scores = rng.integers(0, 11, size=90)
    s = nps_values(scores)
    n = len(s) + 3
    p, d = (np.sum(s == 1) + 0.75) / n, (np.sum(s == -1) + 0.75) / n
    se = 100 * math.sqrt(((p + d) - (p - d) ** 2) / n)
    e = candor.nps(scores, interval="adjusted_wald")
    assert e.std_error == pytest.approx(se, rel=1e-12)
    assert (e.ci_low + e.ci_high) / 2 == pytest.approx(100 * (p - d), rel=1e-12)
    assert e.ci_high - e.ci_low == pytest.approx(2 * Z95 * se, rel=1e-12)


def test_custom_nps_bands(rng):
    scores = rng.integers(0, 11, size=300)
    e = candor.nps(scores, promoter_min=8, detractor_max=5)
    s = nps_values(scores, 8, 5)
    assert e.value == pytest.approx(100 * s.mean(), rel=1e-12)
    assert e.std_error == pytest.approx(100 * s.std() / math.sqrt(len(s)), rel=1e-12)


def box_closed_form(inside):
    p = np.mean(inside)
    return 100 * p, 100 * math.sqrt(p * (1 - p) / len(inside))


def test_csat_is_top_two_box_of_one_to_five(rng):
    scores = rng.integers(1, 6, size=400)
    e = candor.csat(scores, interval="wald")
    value, se = box_closed_form(scores >= 4)
    assert e.value == pytest.approx(value, rel=1e-12)
    assert e.std_error == pytest.approx(se, rel=1e-12)
    assert e.ci_low == pytest.approx(value - Z95 * se, rel=1e-12)


def test_ces_is_mean_of_one_to_seven(rng):
    scores = rng.integers(1, 8, size=250)
    e = candor.ces(scores)
    assert e.value == pytest.approx(scores.mean(), rel=1e-12)
    # Plug-in variance of one response divided by n (header: sigma^2 / n).
    assert e.std_error == pytest.approx(scores.std() / math.sqrt(250), rel=1e-12)


def test_ces_agree_is_top_three_box_of_one_to_seven(rng):
    scores = rng.integers(1, 8, size=250)
    value, se = box_closed_form(scores >= 5)
    e = candor.ces_agree(scores)
    assert e.value == pytest.approx(value, rel=1e-12)
    assert e.std_error == pytest.approx(se, rel=1e-12)


def test_top_bottom_box_and_mean_on_any_scale(rng):
    scores = rng.integers(1, 11, size=333)
    value, se = box_closed_form(scores >= 8)
    e = candor.top_box(scores, scale=(1, 10), box=3)
    assert (e.value, e.std_error) == pytest.approx((value, se), rel=1e-12)
    value, se = box_closed_form(scores <= 2)
    e = candor.bottom_box(scores, scale=(1, 10), box=2)
    assert (e.value, e.std_error) == pytest.approx((value, se), rel=1e-12)
    e = candor.mean_score(scores, scale=(1, 10))
    assert e.value == pytest.approx(scores.mean(), rel=1e-12)


def test_score_dispatches_every_metric(rng):
    scores = rng.integers(1, 6, size=100).astype(float)
    assert candor.score(scores, "nps") == candor.nps(scores)
    assert candor.score(scores, "csat") == candor.csat(scores)
    assert candor.score(scores, "ces", scale=(1, 5)) == candor.ces(scores, scale=(1, 5))
    assert candor.score(scores, "ces_agree", scale=(1, 5), box=2) == \
        candor.ces_agree(scores, scale=(1, 5), box=2)
    assert candor.score(scores, "top_box", scale=(1, 5)) == candor.top_box(scores, (1, 5))
    assert candor.score(scores, "bottom_box", scale=(1, 5)) == \
        candor.bottom_box(scores, (1, 5))
    assert candor.score(scores, "mean", scale=(1, 5)) == candor.mean_score(scores, (1, 5))
    assert candor.score(scores, "CSAT") == candor.csat(scores)


def test_box_adjusted_wald_is_agresti_caffo(rng):
    scores = rng.integers(1, 6, size=47)
    k, n = int(np.sum(scores >= 4)), len(scores)
    p = (k + 1) / (n + 2)
    se = 100 * math.sqrt(p * (1 - p) / (n + 2))
    e = candor.csat(scores, interval="adjusted_wald")
    assert e.std_error == pytest.approx(se, rel=1e-12)
    assert e.ci_low == pytest.approx(100 * p - Z95 * se, rel=1e-12)
    assert e.ci_high == pytest.approx(100 * p + Z95 * se, rel=1e-12)


def test_nps_bayes_matches_dirichlet_posterior():
    # Posterior Dir(1 + counts); SD in closed form (docs/REFERENCES.md section 1:
    # (1,2,3) -> mean 0.22222, SD 0.24845), the interval by Monte Carlo here.
    det, pas, pro = 1, 2, 3
    e = candor.nps(counts_to_scores(det, pas, pro), interval="bayes")
    alpha = np.array([det, pas, pro]) + 1.0
    a0 = alpha.sum()
    mean = (alpha[2] - alpha[0]) / a0
    sd = math.sqrt(((alpha[2] + alpha[0]) / a0 - mean ** 2) / (a0 + 1))
    assert sd == pytest.approx(0.24845, abs=1e-5)
    assert e.std_error == pytest.approx(100 * sd, rel=1e-9)
    assert e.value == pytest.approx(100 * 2 / 6, rel=1e-12)  # the sample estimate
    draws = np.random.default_rng(7).dirichlet(alpha, size=1_000_000)
    diff = 100 * (draws[:, 2] - draws[:, 0])
    low, high = np.quantile(diff, [0.025, 0.975])
    # Monte Carlo SD of a 2.5% quantile: sqrt(q(1-q)/N) / density, density
    # >= 0.004 per point here -> about 0.04 points; allow 0.25.
    assert e.ci_low == pytest.approx(low, abs=0.25)
    assert e.ci_high == pytest.approx(high, abs=0.25)


def test_box_bayes_is_beta_quantiles(rng):
    scores = rng.integers(1, 6, size=60)
    k, n = int(np.sum(scores >= 4)), len(scores)
    posterior = stats.beta(1 + k, 1 + n - k)
    e = candor.csat(scores, interval="bayes", level=0.9)
    assert e.ci_low == pytest.approx(100 * posterior.ppf(0.05), rel=1e-7)
    assert e.ci_high == pytest.approx(100 * posterior.ppf(0.95), rel=1e-7)
    assert e.std_error == pytest.approx(100 * posterior.std(), rel=1e-9)
    # prior changes the posterior: Beta(prior + k, prior + n - k).
    posterior = stats.beta(0.5 + k, 0.5 + n - k)
    e = candor.csat(scores, interval="bayes", prior=0.5)
    assert e.ci_high == pytest.approx(100 * posterior.ppf(0.975), rel=1e-7)


def test_mean_bayes_posterior_sd(rng):
    scores = rng.integers(1, 8, size=80)
    counts = np.bincount(scores - 1, minlength=7)
    alpha = counts + 1.0
    a0 = alpha.sum()
    x = np.arange(1, 8)
    mean = np.dot(alpha, x) / a0
    sd = math.sqrt((np.dot(alpha, x ** 2) / a0 - mean ** 2) / (a0 + 1))
    e = candor.ces(scores, interval="bayes")
    assert e.std_error == pytest.approx(sd, rel=1e-9)
    assert e.ci_high - e.ci_low == pytest.approx(2 * Z95 * sd, rel=1e-9)


def test_bootstrap_is_seeded_and_thread_independent(rng):
    scores = rng.integers(0, 11, size=500)
    a = candor.nps(scores, interval="bootstrap", seed=1, threads=1)
    b = candor.nps(scores, interval="bootstrap", seed=1, threads=2)
    c = candor.nps(scores, interval="bootstrap", seed=2, threads=2)
    assert a == b
    assert (a.ci_low, a.ci_high, a.std_error) != (c.ci_low, c.ci_high, c.std_error)
    assert a.value == c.value == pytest.approx(wald_nps(scores)[0])


# ------------------------------------------------------------------ inputs

def test_input_types_give_the_same_estimate(rng):
    pd = pytest.importorskip("pandas")
    scores = rng.integers(0, 11, size=200)
    expected = candor.nps(scores.astype(np.float64))
    assert candor.nps(scores.tolist()) == expected
    assert candor.nps(scores.astype(np.int64)) == expected
    assert candor.nps(scores.astype(np.float32)) == expected
    assert candor.nps(scores.astype(">f8")) == expected
    assert candor.nps(pd.Series(scores)) == expected
    assert candor.nps(tuple(scores)) == expected
    strided = np.repeat(scores.astype(np.float64), 2)[::2]
    assert not strided.flags.c_contiguous
    assert candor.nps(strided) == expected


def test_int8_fast_path_agrees_with_float_path(rng):
    scores = rng.integers(0, 11, size=1000).astype(np.int8)
    for kwargs in ({}, {"interval": "adjusted_wald"}, {"interval": "bayes"},
                   {"interval": "bootstrap", "seed": 3}):
        assert candor.nps(scores, **kwargs) == candor.nps(scores.astype(float), **kwargs)
    assert candor.top_box(scores, (0, 10)) == candor.top_box(scores.astype(float), (0, 10))


def test_int8_input_takes_the_int8_entry_point(monkeypatch):
    from candor import _lib

    def fail(*args):
        raise AssertionError("candor_score called for int8 input")

    scores = np.array([10, 9, 3], dtype=np.int8)
    expected = candor.nps(scores.astype(float))
    monkeypatch.setattr(_lib.lib, "candor_score", fail)
    assert candor.nps(scores) == expected
    with pytest.raises(AssertionError):
        candor.nps(scores, weights=[1, 1, 1])  # weighted: the double entry point


def test_float64_contiguous_input_is_not_copied(rng):
    from candor import _convert
    scores = rng.integers(0, 11, size=10).astype(np.float64)
    assert _convert.as_float64(scores) is scores
    assert _convert.as_float64(scores[::2]) is not scores


def test_estimate_repr_and_frozen():
    e = candor.nps([10, 10, 3, 7])
    text = repr(e)
    assert text.startswith("Estimate(value=25")
    assert "95% CI" in text and "n=4" in text
    with pytest.raises(Exception):
        e.value = 1


# ------------------------------------------------------------- bad inputs

@pytest.mark.parametrize("bad, index", [
    ([10, 9, float("nan")], 2),
    ([10, 11, 3], 1),
    ([-1, 9], 0),
    ([10, 9, 7.5], 2),
    ([10, float("inf")], 1),
])
def test_bad_scores_are_out_of_range_and_name_the_index(bad, index):
    with pytest.raises(candor.Error) as info:
        candor.nps(bad)
    assert info.value.status == "CANDOR_OUT_OF_RANGE"
    assert str(index) in str(info.value)


def test_int8_out_of_range():
    with pytest.raises(candor.Error) as info:
        candor.nps(np.array([1, 2, 12], dtype=np.int8))
    assert info.value.status == "CANDOR_OUT_OF_RANGE"


def test_empty_scores():
    with pytest.raises(candor.Error) as info:
        candor.nps([])
    assert info.value.status == "CANDOR_EMPTY"
    with pytest.raises(candor.Error) as info:
        candor.nps(np.array([], dtype=np.int8))
    assert info.value.status == "CANDOR_EMPTY"


def test_weights_of_another_length():
    with pytest.raises(candor.Error) as info:
        candor.nps([1, 2, 3], weights=[1, 2])
    assert info.value.status == "CANDOR_LENGTH_MISMATCH"
    assert "2" in str(info.value) and "3" in str(info.value)


@pytest.mark.parametrize("weights, needle", [([1, -1, 1], "1"), ([1, float("nan"), 1], "1"),
                                             ([0, 0, 0], "sum"), ([1, 1, float("inf")], "2")])
def test_bad_weights_are_out_of_range(weights, needle):
    with pytest.raises(candor.Error) as info:
        candor.nps([1, 2, 3], weights=weights)
    assert info.value.status == "CANDOR_OUT_OF_RANGE"
    assert "weight" in str(info.value) and needle in str(info.value)


@pytest.mark.parametrize("kwargs", [{"level": 1.5}, {"level": 0}, {"prior": 0},
                                    {"interval": "bootstrap", "replicates": 10},
                                    {"promoter_min": 6, "detractor_max": 6},
                                    {"interval": "nonsense"}, {"level": "high"},
                                    {"seed": -1}])
def test_bad_options(kwargs):
    with pytest.raises(candor.Error) as info:
        candor.nps([1, 2, 3], **kwargs)
    assert info.value.status == "CANDOR_INVALID_ARGUMENT"


def test_bad_metric_and_scale():
    for call in (lambda: candor.score([1, 2], "net_promoter"),
                 lambda: candor.score([1, 2], "top_box"),
                 lambda: candor.top_box([1, 2], scale=(1, 5), box=5),
                 lambda: candor.top_box([1, 2], scale=(5, 1)),
                 lambda: candor.top_box([1, 2], scale=5),
                 lambda: candor.nps(np.zeros((2, 2))),
                 lambda: candor.nps(["a", "b"])):
        with pytest.raises(candor.Error) as info:
            call()
        assert info.value.status == "CANDOR_INVALID_ARGUMENT"


def test_adjusted_wald_of_a_mean_is_unsupported():
    with pytest.raises(candor.Error) as info:
        candor.ces([1, 2, 3], interval="adjusted_wald")
    assert info.value.status == "CANDOR_UNSUPPORTED"


# ----------------------------------------------------- planning, p-values

@pytest.mark.parametrize("p, d, n, level", [(0.5, 0.2, 400, 0.95), (0.3, 0.3, 50, 0.9),
                                            (0.6, 0.0, 1000, 0.99)])
def test_margin_of_error_closed_form(p, d, n, level):
    z = stats.norm.ppf((1 + level) / 2)
    expected = 100 * z * math.sqrt(((p + d) - (p - d) ** 2) / n)
    assert candor.margin_of_error(p, d, n, level) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("p, d, margin", [(0.5, 0.2, 5.0), (0.3, 0.3, 3.0), (0.6, 0, 2.5)])
def test_required_n_is_the_smallest_n_meeting_the_margin(p, d, margin):
    n = candor.required_n(p, d, margin)
    variance = (p + d) - (p - d) ** 2
    assert n == math.ceil(variance * (100 * Z95 / margin) ** 2)
    assert candor.margin_of_error(p, d, n) <= margin
    assert candor.margin_of_error(p, d, n - 1) > margin


def test_planning_bad_input():
    for call in (lambda: candor.margin_of_error(0.7, 0.5, 100),
                 lambda: candor.margin_of_error(-0.1, 0.5, 100),
                 lambda: candor.margin_of_error(0.5, 0.2, 0),
                 lambda: candor.margin_of_error(0.5, 0.2, 100, level=1.0),
                 lambda: candor.required_n(0.5, 0.2, 0.0),
                 lambda: candor.margin_of_error(0.5, 0.2, 10.5)):
        with pytest.raises(candor.Error) as info:
            call()
        assert info.value.status in ("CANDOR_INVALID_ARGUMENT", "CANDOR_OUT_OF_RANGE")


def test_adjust_p_values_by_hand():
    # Holm by hand: sorted p * (m - rank), cumulative max, capped at 1.
    p = np.array([0.01, 0.04, 0.03, 0.5])
    holm = candor.adjust_p_values(p, "holm")
    assert holm == pytest.approx([0.04, 0.09, 0.09, 0.5], rel=1e-12)
    # BH by hand: p * m / rank, cumulative min from the top.
    bh = candor.adjust_p_values(p, "bh")
    assert bh == pytest.approx([0.04, 0.05333333333333334, 0.05333333333333334, 0.5],
                               rel=1e-12)
    assert candor.adjust_p_values(p, "none") == pytest.approx(p)
    with pytest.raises(candor.Error) as info:
        candor.adjust_p_values(p, "bonferroni-ish")
    assert info.value.status == "CANDOR_INVALID_ARGUMENT"


def test_adjust_p_values_rejects_non_probabilities():
    with pytest.raises(candor.Error) as info:
        candor.adjust_p_values([0.1, 1.5])
    assert info.value.status in ("CANDOR_INVALID_ARGUMENT", "CANDOR_OUT_OF_RANGE")
