"""candor.outer_loop against independent computations: the counts, ARR at
risk and ranks exactly as pandas computes them (explode + groupby); the
impact against the NPS closed form (overall - NPS without the theme) and
candor.theme_drivers; the trend against the pandas share difference; the ARR
interval against a numpy bootstrap by account (statistical tolerance) and
its coverage in a seeded simulation; quotes' properties (they mention the
theme, tone matches, short, distinct by shingle Jaccard, the first is the
most typical by scikit-learn's TF-IDF); bad input."""
import re

import numpy as np
import pytest

import candor

pd = pytest.importorskip("pandas")
sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")

THEMES = ["price", "support", "onboarding", "reporting", "uptime"]
PHRASES = {
    "price": ["the price went up again", "too expensive for what we get",
              "pricing is confusing", "the renewal price is too high"],
    "support": ["support never answers", "support took days to reply",
                "the support team is slow", "no answer from support"],
    "onboarding": ["onboarding was confusing", "setup took weeks",
                   "the onboarding calls helped", "hard to get started"],
    "reporting": ["reports are missing fields", "the dashboard is great",
                  "export to excel fails", "reporting is slow"],
    "uptime": ["the app was down twice", "outage during month end",
               "it is always up", "downtime cost us a day"],
}


def make_sample(n=1500, accounts=150, seed=3):
    rng = np.random.default_rng(seed)
    account = rng.integers(0, accounts, n)
    rates = np.array([0.35, 0.3, 0.15, 0.2, 0.1])
    mentions = (rng.random((n, len(THEMES))) < rates).astype(np.int8)
    logit = -0.8 + mentions @ np.array([0.9, 0.7, 0.2, -0.3, 0.5])
    detractor = rng.random(n) < 1 / (1 + np.exp(-logit))
    promoter = ~detractor & (rng.random(n) < 0.6)
    scores = np.where(detractor, rng.integers(0, 7, n),
                      np.where(promoter, rng.integers(9, 11, n), rng.integers(7, 9, n)))
    arr = {"acct-%03d" % a: float(np.round(rng.lognormal(10, 1), 2)) for a in range(accounts)}
    texts = []
    for i in range(n):
        parts = [PHRASES[THEMES[j]][rng.integers(0, 4)] for j in np.flatnonzero(mentions[i])]
        texts.append(" and ".join(parts) + (" (id %d)" % i) if parts else "")
    periods = np.where(np.arange(n) < n // 2, "2026-Q3", "2026-Q4")
    return pd.DataFrame({"score": scores, "account": ["acct-%03d" % a for a in account],
                         "comment": texts, "period": periods}), mentions, arr


def pandas_costs(frame, mentions, arr):
    """What a pandas user writes: explode the mentions, flag detractors,
    group by theme."""
    long = frame.assign(themes=[list(np.flatnonzero(row)) for row in mentions],
                        detractor=frame.score <= 6).explode("themes").dropna(subset=["themes"])
    long["theme"] = long.themes.astype(int)
    at_risk = long[long.detractor].drop_duplicates(["theme", "account"])
    at_risk = at_risk.assign(arr=at_risk.account.map(arr))
    table = pd.DataFrame({
        "comments": long.groupby("theme").size(),
        "detractor_comments": long.groupby("theme").detractor.sum(),
        "accounts": long.groupby("theme").account.nunique(),
        "detractor_accounts": at_risk.groupby("theme").size(),
        "arr_at_risk": at_risk.groupby("theme").arr.sum(),
    }).reindex(range(mentions.shape[1])).fillna(0)
    table.index.name = None
    table["theme"] = table.index
    return table.sort_values(["arr_at_risk", "detractor_accounts", "comments", "theme"],
                             ascending=[False, False, False, True]).reset_index(drop=True)


@pytest.fixture(scope="module")
def sample():
    frame, mentions, arr = make_sample()
    result = candor.outer_loop(frame.score, mentions, frame.account, THEMES, arr=arr,
                               periods=frame.period, texts=frame.comment, quotes=4)
    return frame, mentions, arr, result


def test_counts_arr_and_ranks_equal_pandas(sample):
    frame, mentions, arr, result = sample
    expected = pandas_costs(frame, mentions, arr)
    assert list(result.theme) == list(expected.theme)
    assert list(result["rank"]) == list(range(1, len(THEMES) + 1))
    assert list(result.name) == [THEMES[j] for j in expected.theme]
    for column in ["comments", "detractor_comments", "accounts", "detractor_accounts"]:
        assert list(result[column]) == [int(v) for v in expected[column]], column
    np.testing.assert_allclose(result.arr_at_risk, expected.arr_at_risk, rtol=1e-12)
    summary = result.attrs["summary"]
    assert summary["accounts"] == frame.account.nunique()
    assert summary["total_arr"] == pytest.approx(sum(arr[a] for a in frame.account.unique()))


def test_impact_is_the_nps_without_the_theme(sample):
    frame, mentions, arr, result = sample
    values = np.where(frame.score >= 9, 100.0, np.where(frame.score <= 6, -100.0, 0.0))
    drivers = candor.theme_drivers(frame.score, mentions, THEMES, accounts=frame.account,
                                   fit_key_drivers=False).table.set_index("theme")
    for _, row in result.iterrows():
        without = mentions[:, row.theme] == 0
        assert row.impact == pytest.approx(values.mean() - values[without].mean(), abs=1e-9)
        assert row.impact_std_error == pytest.approx(drivers.impact_std_error[row.theme],
                                                     rel=1e-12)
        assert row.impact_ci_low < row.impact < row.impact_ci_high


def test_trend_is_the_share_difference(sample):
    frame, mentions, arr, result = sample
    later = (frame.period == "2026-Q4").to_numpy()
    for _, row in result.iterrows():
        share = mentions[:, row.theme]
        expected = 100 * (share[later].mean() - share[~later].mean())
        assert row.share_change == pytest.approx(expected, abs=1e-9)
        assert row.share_change_ci_low < row.share_change < row.share_change_ci_high
        assert 0 <= row.trend_p_adjusted <= 1


def numpy_bootstrap(frame, mentions, arr, theme, replicates, seed, level=0.95):
    """Resample the accounts with a comment, with replacement; sum the ARR of
    the resampled accounts at risk from the theme."""
    accounts = frame.account.unique()
    at_risk_accounts = set(frame.account[(frame.score <= 6).to_numpy() &
                                         (mentions[:, theme] == 1)])
    values = np.array([arr[a] if a in at_risk_accounts else 0.0 for a in accounts])
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(values), (replicates, len(values)))
    totals = values[draws].sum(axis=1)
    tail = (1 - level) / 2
    return np.quantile(totals, tail), np.quantile(totals, 1 - tail), totals.std()


def test_arr_interval_matches_a_numpy_bootstrap(sample):
    frame, mentions, arr, result = sample
    for _, row in result.iterrows():
        low, high, sd = numpy_bootstrap(frame, mentions, arr, row.theme, 8000, 11)
        assert sd > 0
        # Monte Carlo error of a 2.5% quantile from 2000 and 8000 replicates:
        # well under 0.2 bootstrap SDs.
        assert row.arr_ci_low == pytest.approx(low, abs=0.2 * sd), row["name"]
        assert row.arr_ci_high == pytest.approx(high, abs=0.2 * sd)
        assert row.arr_ci_low < row.arr_at_risk < row.arr_ci_high


def test_arr_interval_seeded_and_replicates_option(sample):
    frame, mentions, arr, result = sample
    again = candor.outer_loop(frame.score, mentions, frame.account, THEMES, arr=arr, quotes=0)
    np.testing.assert_array_equal(again.arr_ci_low, result.arr_ci_low)
    other = candor.outer_loop(frame.score, mentions, frame.account, THEMES, arr=arr, quotes=0,
                              seed=7, replicates=500, threads=1)
    assert other.attrs["summary"]["replicates"] == 500
    assert not np.array_equal(other.arr_ci_low, result.arr_ci_low)


def arr_coverage(accounts, trials, seed):
    """Samples of `accounts` accounts from a known population (ARR lognormal,
    30% at risk): the share of intervals covering the expected total
    (accounts * E[ARR x], account 0 kept out of the theme)."""
    rng = np.random.default_rng(seed)
    population_arr = rng.lognormal(10, 0.8, 20000)
    population_risk = rng.random(20000) < 0.3
    truth = (accounts - 1) * np.mean(population_arr * population_risk)
    covered = 0
    for _ in range(trials):
        picked = rng.choice(20000, accounts, replace=False)
        scores = np.where(population_risk[picked], 3, 10)
        mentions = np.ones((accounts, 1), dtype=np.int8)
        mentions[0, 0] = 0  # the theme is not mentioned by every comment
        scores[0] = 10
        arr = dict(enumerate(population_arr[picked].tolist()))
        result = candor.outer_loop(scores, mentions, np.arange(accounts), arr=arr,
                                   replicates=500, quotes=0, seed=int(rng.integers(1 << 30)))
        covered += result.arr_ci_low[0] <= truth <= result.arr_ci_high[0]
    return covered / trials


def test_arr_interval_coverage_in_simulation():
    """Near 95% with 400 accounts; the percentile interval of a skewed total
    undercovers with few accounts (about 87% with 60: documented)."""
    assert 0.91 <= arr_coverage(400, 200, 5) <= 0.99
    assert 0.80 <= arr_coverage(60, 200, 6) <= 0.93


def shingles(text):
    words = re.findall(r"[a-z0-9\x80-\uffff]+", text.lower())
    k = min(3, len(words))
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def test_quotes_properties(sample):
    frame, mentions, arr, result = sample
    values = np.where(frame.score >= 9, 1.0, np.where(frame.score <= 6, -1.0, 0.0))
    vectorizer = sklearn_text.TfidfVectorizer(token_pattern=r"[A-Za-z0-9]+", smooth_idf=True)
    nonblank = [i for i, t in enumerate(frame.comment) if t.strip()]
    matrix = vectorizer.fit_transform([frame.comment[i] for i in nonblank]).toarray()
    row_of = {i: r for r, i in enumerate(nonblank)}
    for _, row in result.iterrows():
        assert 1 <= len(row.quotes) <= 4
        members = [i for i in nonblank if mentions[i, row.theme]]
        tone = values[mentions[:, row.theme] == 1].mean()
        assert row.tone == pytest.approx(tone, abs=1e-12)
        for text, i in zip(row.quotes, row.quote_comments):
            assert mentions[i, row.theme] == 1
            assert text == frame.comment[i]  # nothing to redact in these texts
            assert len(text.encode()) <= 280
            assert np.sign(values[i]) == np.sign(tone)
        for a in range(len(row.quotes)):
            for b in range(a):
                sa, sb = shingles(row.quotes[a]), shingles(row.quotes[b])
                assert len(sa & sb) / len(sa | sb) < 0.5
        # The first quote is the most typical tone-matched member (cosine to
        # the centroid of the theme's normalized TF-IDF rows).
        centroid = matrix[[row_of[i] for i in members]].mean(axis=0)
        cosine = {i: matrix[row_of[i]] @ centroid / np.linalg.norm(centroid) for i in members}
        eligible = [i for i in members if np.sign(values[i]) == np.sign(tone)]
        best = max(cosine[i] for i in eligible)
        assert cosine[row.quote_comments[0]] == pytest.approx(best, abs=1e-9)


def test_quotes_by_segment_and_sentiment():
    frame, mentions, arr = make_sample(n=400, accounts=40, seed=9)
    segments = np.where(np.arange(400) % 2 == 0, "enterprise", "smb")
    sentiments = np.where(frame.score <= 6, -0.5, 0.4)
    result = candor.outer_loop(frame.score, mentions, frame.account, THEMES,
                               rank_by="comments", texts=frame.comment, segments=segments,
                               sentiments=sentiments, quotes=2)
    assert np.isnan(result.arr_at_risk).all()
    assert list(result.comments) == sorted(result.comments, reverse=True)
    for _, row in result.iterrows():
        assert set(row.quote_segments) <= {"enterprise", "smb"}
        for segment in set(row.quote_segments):
            assert row.quote_segments.count(segment) <= 2
        for i, segment in zip(row.quote_comments, row.quote_segments):
            assert segments[i] == segment
            assert np.sign(sentiments[i]) == np.sign(row.tone)


def test_bad_input():
    frame, mentions, arr = make_sample(n=100, accounts=10, seed=1)
    with pytest.raises(candor.Error) as e:
        candor.outer_loop(frame.score, mentions, frame.account, THEMES,
                          arr={"acct-000": 1.0})
    assert "no value for account" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.outer_loop(frame.score, mentions, frame.account, THEMES, rank_by="loudest")
    assert "rank_by" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.outer_loop(frame.score, mentions, frame.account[:50], THEMES)
    assert e.value.status == "CANDOR_LENGTH_MISMATCH"
    bad = dict(arr)
    bad["acct-003"] = -5.0
    with pytest.raises(candor.Error) as e:
        candor.outer_loop(frame.score, mentions, frame.account, THEMES, arr=bad)
    assert e.value.status == "CANDOR_OUT_OF_RANGE" and "account_arr" in str(e.value)
    per_comment = np.arange(100, dtype=float)
    with pytest.raises(candor.Error) as e:
        candor.outer_loop(frame.score, mentions, frame.account, THEMES, arr=per_comment)
    assert "one ARR per account" in str(e.value)
    with pytest.raises(candor.Error) as e:
        candor.outer_loop(frame.score, mentions, frame.account, THEMES, quotes=50,
                          texts=frame.comment)
    assert "quotes_per_theme" in str(e.value)
    scores = frame.score.to_numpy().copy()
    scores[4] = 12
    with pytest.raises(candor.Error) as e:
        candor.outer_loop(scores, mentions, frame.account, THEMES)
    assert e.value.status == "CANDOR_OUT_OF_RANGE"


def test_quotes_are_redacted():
    scores = [2, 3, 1, 9]
    texts = ["the invoice is wrong, mail me at jane.doe@example.com",
             "invoice sent twice, my card 4111 1111 1111 1111 was charged twice",
             "the invoice total is wrong, call +1 415 555 0134",
             "invoice is clear"]
    result = candor.outer_loop(scores, [[0]] * 4, ["a", "b", "c", "d"], ["billing"],
                               texts=texts, quotes=5)
    quotes = result.quotes[0]
    assert len(quotes) == 3  # the promoter's is not in the theme's (negative) tone
    joined = "\n".join(quotes)
    for secret in ["jane.doe", "example.com", "4111", "555 0134"]:
        assert secret not in joined
    for placeholder in ["[EMAIL]", "[CARD]", "[PHONE]"]:
        assert placeholder in joined


def test_rank_by_impact_puts_the_largest_loss_first(sample):
    frame, mentions, arr, _ = sample
    result = candor.outer_loop(frame.score, mentions, frame.account, THEMES, quotes=0)
    assert list(result.impact) == sorted(result.impact)
    assert result.impact[0] < 0
