"""candor.outer_loop reports no interval of zero width: a theme no detractor
account mentions (ARR at risk 0), a theme in no comment (impact 0 with SE 0),
and a theme in every or no comment of each period (share change with SE 0)
get NaN bounds, the true point value and a sentence saying why, checked
against what pandas/numpy compute from the same rows (an independent numpy
bootstrap of such a theme is [0, 0]). And the result of candor.themes(texts,
taxonomy=...) passed as mentions gives the same table as the 0/1 membership
recomputed here from the taxonomy's mentions and parents."""
import numpy as np
import pytest

import candor

pd = pytest.importorskip("pandas")

# 8 comments of 4 accounts in two periods. "praise" is mentioned only by
# promoters, "never" by no comment, "q4only" by every comment of 2026-Q4 and
# none of 2026-Q3, "price" is a theme with real intervals.
SCORES = [2, 9, 5, 10, 6, 8, 3, 10]
ACCOUNTS = ["a", "a", "b", "b", "c", "c", "d", "d"]
ARR = {"a": 100.0, "b": 200.0, "c": 400.0, "d": 800.0}
PERIODS = ["2026-Q3", "2026-Q4"] * 4
NAMES = ["price", "praise", "never", "q4only"]
ROWS = [[0], [1, 3], [0], [1, 3], [], [3], [0], [3]]


def membership():
    matrix = np.zeros((len(ROWS), len(NAMES)), dtype=np.uint8)
    for i, row in enumerate(ROWS):
        matrix[i, row] = 1
    return matrix


def run(**options):
    return candor.outer_loop(SCORES, ROWS, ACCOUNTS, NAMES, arr=ARR, periods=PERIODS,
                             rank_by="arr", **options).set_index("name")


def test_no_zero_width_intervals():
    table = run()
    frame = pd.DataFrame({"score": SCORES, "account": ACCOUNTS, "period": PERIODS})
    m = membership()
    detractor = frame.score <= 6
    for j, name in enumerate(NAMES):
        at_risk = frame[detractor & (m[:, j] == 1)].account.unique()
        assert table.loc[name, "arr_at_risk"] == sum(ARR[a] for a in at_risk)
    # praise: mentioned, but by no detractor: 0 at risk, and a numpy
    # bootstrap by account of it is [0, 0] -- a zero-width interval.
    praise = table.loc["praise"]
    assert praise.comments == 2 and praise.arr_at_risk == 0
    rng = np.random.default_rng(1)
    accounts = sorted(ARR)
    at_risk_values = np.zeros(len(accounts))
    totals = [at_risk_values[rng.integers(0, len(accounts), len(accounts))].sum()
              for _ in range(200)]
    assert np.percentile(totals, [2.5, 97.5]).tolist() == [0, 0]
    assert np.isnan(praise.arr_ci_low) and np.isnan(praise.arr_ci_high)
    assert praise.arr_no_interval == (
        "no detractor account mentions this theme: nothing at risk to resample")
    # never: in no comment: impact 0 (the NPS without it is the NPS), no interval.
    never = table.loc["never"]
    assert never.comments == 0 and never.impact == 0
    assert np.isnan(never.impact_ci_low) and np.isnan(never.impact_ci_high)
    assert "no comment mentions this theme" in never.impact_no_interval
    assert never.arr_no_interval is not None
    # q4only: share 0% in Q3, 100% in Q4 (pandas), a change of 100 points
    # with SE 0: no interval.
    shares = frame.assign(m=m[:, 3]).groupby("period").m.mean()
    q4only = table.loc["q4only"]
    assert q4only.share_change == pytest.approx(100 * (shares["2026-Q4"] - shares["2026-Q3"]))
    assert q4only.share_change == 100
    assert np.isnan(q4only.share_change_ci_low) and np.isnan(q4only.share_change_ci_high)
    assert "every comment or in none" in q4only.share_change_no_interval
    # price: real intervals, no reasons; every reported interval has width.
    price = table.loc["price"]
    assert price.arr_no_interval is None and price.impact_no_interval is None
    assert price.share_change_no_interval is None
    assert price.arr_ci_low < price.arr_at_risk <= price.arr_ci_high
    for point, stat in [("arr_at_risk", "arr"), ("impact", "impact"),
                        ("share_change", "share_change")]:
        low, high = table[stat + "_ci_low"], table[stat + "_ci_high"]
        assert (high[low.notna()] > low[low.notna()]).all()
        # No bounds: a reason, or no point either.
        assert (table[stat + "_no_interval"].notna() | table[point].isna())[low.isna()].all()


def test_every_account_at_risk_with_one_arr():
    table = candor.outer_loop([1, 2, 3], [[0], [0], [0]], ["a", "b", "c"], ["all"],
                              arr={"a": 5.0, "b": 5.0, "c": 5.0}).set_index("name")
    assert table.loc["all", "arr_at_risk"] == 15
    assert np.isnan(table.loc["all", "arr_ci_low"])
    assert "same ARR" in table.loc["all", "arr_no_interval"]
    assert "every comment mentions" in table.loc["all", "impact_no_interval"]


def test_no_interval_text():
    from candor.outer_loop import no_interval_text
    assert no_interval_text(0) is None
    assert no_interval_text(1).startswith("no detractor account")
    with pytest.raises(candor.Error):
        no_interval_text(99)


TAXONOMY = {"themes": [
    {"name": "Support", "keywords": ["support"],
     "children": [{"name": "Response time", "keywords": ["slow", "waited"]}]},
    {"name": "Price", "keywords": ["price", "expensive"]}]}
TEXTS = ["support was slow", "great product", "too expensive", "support fixed it fast",
         "the price is fine", "waited two days", "", "expensive and slow support"]


def test_taxonomy_themes_as_mentions_equal_the_membership():
    found = candor.themes(TEXTS, taxonomy=TAXONOMY)
    # The membership computed here from the match results: a mention of a
    # child counts for its parents.
    analysis = candor.analyze(TEXTS, taxonomy=TAXONOMY)
    paths = [t.path for t in analysis.themes]
    matrix = np.zeros((len(TEXTS), len(paths)), dtype=np.uint8)
    for comment, theme in zip(analysis.mentions["comment"], analysis.mentions["theme"]):
        t = int(theme)
        while t >= 0:
            matrix[comment, t] = 1
            t = analysis.themes[t].parent
    assert matrix[0].tolist() == [1, 1, 0]  # Support, Support > Response time, Price
    direct = candor.outer_loop(SCORES, matrix, ACCOUNTS, paths, arr=ARR, texts=TEXTS)
    from_themes = candor.outer_loop(SCORES, found, ACCOUNTS, arr=ARR, texts=TEXTS)
    pd.testing.assert_frame_equal(direct, from_themes)
    assert set(from_themes.name) == {"Support", "Support > Response time", "Price"}
