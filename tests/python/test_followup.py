"""candor.followup against a pandas reimplementation of the rules a user
would write (sort, groupby, cumulative windows), reasons summing to the
priority on random data, the text analysis of comments, and errors.

The reimplementation follows include/candor/followup.hpp step by step and
shares no code with the library.
"""
import math

import numpy as np
import pandas as pd
import pytest

import candor

MONDAY_10 = pd.Timestamp("2026-12-07 10:00", tz="UTC")
DAY = 86400


def reference(responses, accounts, contacts, dedup_days=30, suppress_days=90, routes=(),
              poor_grades=("d", "f")):
    """(cases sorted by the queue's order, counts) from pandas alone. With a
    "themes" column (a list per response), a case's themes are its lead's
    (repeats once) and routes [(theme, members)] take, in order, the cases
    whose themes include theirs, round robin in queue order."""
    df = responses.copy()
    df["row"] = np.arange(len(df))
    counts = {"responses": len(df)}
    bad_score = ~df.score.between(0, 10)
    counts["invalid_score"] = int(bad_score.sum())
    df = df[~bad_score]
    counts["invalid_time"] = 0
    known = df.account.isin(accounts.account)
    counts["no_account"] = int((~known).sum())
    df = df[known].merge(accounts, on="account", how="left")
    counts["opted_out"] = int(df.opt_out.sum())
    df = df[~df.opt_out.astype(bool)]
    # Suppression: the latest contact at or before the response.
    c = contacts.sort_values("time")
    d = df.sort_values("t")
    merged = pd.merge_asof(d, c.rename(columns={"time": "contact"}), left_on="t",
                           right_on="contact", by="respondent", direction="backward")
    suppressed = (merged.t - merged.contact) < suppress_days * DAY
    counts["suppressed"] = int(suppressed.sum())
    df = merged[~suppressed.to_numpy()].copy()
    # Cases: walk each account's responses in time order.
    df = df.sort_values(["account", "t", "row"])
    case_ids = []
    for _, group in df.groupby("account", sort=False):
        start = None
        case = -1
        for t in group.t:
            if start is None or not (t - start < dedup_days * DAY):
                start = t
                case += 1
            case_ids.append(case)
    df["case"] = case_ids
    df["detractor"] = df.score <= 6
    df["urgency_rank"] = df.urgency.where(df.urgency > 0, 6)
    leads = df.sort_values(["urgency_rank", "score", "t", "row"]).groupby(["account", "case"]).head(1)
    per_case = df.groupby(["account", "case"]).agg(responses=("row", "size"),
                                                    detractors=("detractor", "sum"),
                                                    first=("t", "min"), last=("t", "max"))
    per_case["cum_detractors"] = per_case.groupby(level=0).detractors.cumsum()
    leads = leads.set_index(["account", "case"]).join(per_case).reset_index()
    rows = []
    for lead in leads.itertuples():
        reasons = []
        if lead.score <= 6:
            reasons.append(("detractor", 30))
        if 6 < lead.score < 9:
            reasons.append(("passive", 10))
        if lead.score <= 2:
            reasons.append(("very_low_score", 20))
        if lead.urgency > 0:
            name = ["safety", "legal", "churn", "refund", "unresolved"][lead.urgency - 1]
            reasons.append(("urgency_" + name, [50, 45, 40, 30, 25][lead.urgency - 1]))
        if lead.arr > 1000:
            reasons.append(("arr", min(30, 10 * math.log10(lead.arr / 1000))))
        if lead.score <= 6 and lead.cum_detractors >= 2:
            reasons.append(("repeat_detractor", 10))
        grade = getattr(lead, "health_grade", None)
        if isinstance(grade, str) and grade.lower() in poor_grades:
            reasons.append(("poor_health_grade", 15))
        themes = tuple(dict.fromkeys(getattr(lead, "themes", ())))
        fire = lead.urgency > 0
        category = "fire_alarm" if fire else ("detractor" if lead.score <= 6 else
                                              "passive" if lead.score < 9 else "promoter")
        rows.append({"account": lead.account, "fire": fire, "category": category,
                     "priority": sum(p for _, p in reasons),
                     "reasons": "; ".join("%s %+g" % r for r in reasons),
                     "lead_time": lead.t, "first": lead.first, "responses": lead.responses,
                     "lead_row": lead.row, "score": lead.score, "themes": themes})
    out = pd.DataFrame(rows)
    out = out.sort_values(["fire", "priority", "lead_time", "account", "first"],
                          ascending=[False, False, True, True, True]).reset_index(drop=True)
    turns = [0] * len(routes)
    owners = []
    for themes in out.themes:
        owner = None
        for k, (theme, members) in enumerate(routes):
            if theme in themes:
                owner = members[turns[k] % len(members)]
                turns[k] += 1
                break
        owners.append(owner)
    out["owner"] = owners
    counts["merged"] = int(per_case.responses.sum() - len(per_case))
    counts["cases"] = len(out)
    return out, counts


def random_data(seed, n=3000, n_accounts=200):
    rng = np.random.default_rng(seed)
    t0 = int(MONDAY_10.timestamp())
    score = rng.integers(0, 11, n).astype(float)
    score[rng.random(n) < 0.02] = np.nan
    score[rng.random(n) < 0.01] = 12
    responses = pd.DataFrame({
        "score": score,
        "t": t0 + rng.integers(0, 200 * DAY, n),
        "account": ["a%d" % k for k in rng.integers(0, n_accounts + 5, n)],
        "respondent": ["r%d" % k for k in rng.integers(0, 400, n)],
        "urgency": np.where(rng.random(n) < 0.15, rng.integers(1, 6, n), 0),
    })
    responses["time"] = pd.to_datetime(responses.t, unit="s", utc=True)
    arr = np.exp(rng.uniform(5, 15, n_accounts))
    arr[rng.random(n_accounts) < 0.3] = np.nan
    accounts = pd.DataFrame({"account": ["a%d" % k for k in range(n_accounts)], "arr": arr,
                             "opt_out": rng.random(n_accounts) < 0.05,
                             "health_grade": rng.choice(["A", "B", "C", "d", "F", None],
                                                        n_accounts)})
    theme_names = np.array(["billing", "ux", "speed", "support", "pricing"])
    responses["themes"] = [list(theme_names[rng.integers(0, 5, k)])
                           for k in rng.integers(0, 4, n)]
    contacts = pd.DataFrame({"respondent": ["r%d" % k for k in rng.integers(0, 400, 150)],
                             "time": t0 + rng.integers(0, 200 * DAY, 150)})
    return responses, accounts, contacts


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_matches_a_pandas_reimplementation(seed):
    responses, accounts, contacts = random_data(seed)
    names = ["none", "safety", "legal", "churn", "refund", "unresolved"]
    given = responses.drop(columns="t").assign(urgency=[names[u] for u in responses.urgency])
    queue = candor.followup(given, accounts=accounts, contacts=contacts)
    expected, counts = reference(responses, accounts, contacts)
    assert len(queue) == len(expected)
    assert list(queue.account) == list(expected.account)
    assert list(queue.category) == list(expected.category)
    np.testing.assert_allclose(queue.priority, expected.priority, rtol=1e-12)
    assert list(queue.lead_row) == list(expected.lead_row)
    assert list(queue.responses) == list(expected.responses)
    for name, value in counts.items():
        assert queue.attrs["counts"][name] == value, name
    # The reasons as words, rounded the same way.
    assert [r.split(";")[0] for r in queue.reasons] == \
        [r.split(";")[0] for r in expected.reasons]
    assert list(queue.reasons) == list(expected.reasons)


ROUTES = [("billing", ["eve", "frank"]), ("speed", ["pat"]), ("ux", ["uma", "ulf", "ute"])]


@pytest.mark.parametrize("seed", [4, 5])
def test_several_themes_per_response_match_a_pandas_reimplementation(seed):
    responses, accounts, contacts = random_data(seed)
    rules = {"routing": [{"when": {"theme": t}, "members": m} for t, m in ROUTES]}
    given = responses.drop(columns="t")
    queue = candor.followup(given, accounts=accounts, contacts=contacts, rules=rules,
                            theme="themes")
    expected, _ = reference(responses, accounts, contacts, routes=ROUTES)
    assert list(queue.account) == list(expected.account)
    np.testing.assert_allclose(queue.priority, expected.priority, rtol=1e-12)
    assert list(queue.themes) == list(expected.themes)
    assert list(queue.theme) == [t[0] if t else None for t in expected.themes]
    assert list(queue.owner) == list(expected.owner)
    assert (queue.themes.map(len) >= 2).sum() > 50  # several themes were routed
    assert queue.reasons.str.contains("poor_health_grade +15", regex=False).sum() > 50
    # The same themes joined by a separator, with blanks and empty names.
    joined = given.assign(themes=[" ; ".join(t) + ";" for t in given.themes])
    again = candor.followup(joined, accounts=accounts, contacts=contacts, rules=rules,
                            theme="themes", theme_separator=";")
    pd.testing.assert_frame_equal(again, queue)


def test_one_theme_per_response_is_unchanged_and_equals_lists_of_one():
    responses, accounts, contacts = random_data(6)
    rules = {"routing": [{"when": {"theme": t}, "members": m} for t, m in ROUTES]}
    one = responses.drop(columns="t").assign(
        theme=[t[0] if t else None for t in responses.themes])
    queue = candor.followup(one, accounts=accounts, contacts=contacts, rules=rules)
    assert "themes" not in queue  # the frame of one theme per response as before
    as_lists = one.assign(theme=[[t] if t else [] for t in one.theme])
    lists = candor.followup(as_lists, accounts=accounts, contacts=contacts, rules=rules)
    pd.testing.assert_frame_equal(lists.drop(columns="themes"), queue)
    expected, _ = reference(responses.assign(themes=[[t] if t else [] for t in one.theme]),
                            accounts, contacts, routes=ROUTES)
    assert list(queue.owner) == list(expected.owner)


def test_poor_health_grades_come_from_the_rules():
    responses = pd.DataFrame({"score": [9, 9, 9, 9], "time": [MONDAY_10] * 4,
                              "account": ["a", "b", "c", "d"]})
    accounts = pd.DataFrame({"account": ["a", "b", "c", "d"],
                             "health_grade": ["A", "f", None, "C"]})
    queue = candor.followup(responses, accounts=accounts)
    assert list(queue.account) == ["b", "a", "c", "d"]
    assert list(queue.reasons) == ["poor_health_grade +15", "", "", ""]
    queue = candor.followup(responses, accounts=accounts,
                            rules={"poor_health_grades": ["C"],
                                   "points": {"poor_health_grade": 4}})
    assert list(queue.reasons) == ["poor_health_grade +4", "", "", ""]
    assert queue.account[0] == "d"


def test_the_fallback_frame_builder_makes_the_same_frames(monkeypatch):
    # _data_frame builds frames from pandas' internal block API and falls back
    # to pd.DataFrame(dict) when that API is not there: force the fallback.
    from pandas.core.internals import api
    responses, accounts, contacts = random_data(8)
    responses = responses.drop(columns="t")
    labelled = responses.set_axis(["r%d" % i for i in range(len(responses))])
    # Lead rows as labels (object) and as a RangeIndex's integers; lists of themes.
    cases = [(labelled, dict(theme="themes")), (responses, dict())]
    fast = [candor.followup(r, accounts=accounts, contacts=contacts, **k) for r, k in cases]
    monkeypatch.delattr(api, "make_block")
    with pytest.raises(ImportError):  # so _data_frame takes its fallback
        from pandas.core.internals.api import make_block  # noqa: F401
    slow = [candor.followup(r, accounts=accounts, contacts=contacts, **k) for r, k in cases]
    for f, s in zip(fast, slow):
        assert len(f) > 100
        pd.testing.assert_frame_equal(s, f, check_frame_type=False)
        pd.testing.assert_frame_equal(s.attrs["reasons"], f.attrs["reasons"],
                                      check_frame_type=False)
        assert s.attrs["counts"] == f.attrs["counts"]


def test_urgency_labels_in_any_form_give_the_same_queue():
    responses, accounts, contacts = random_data(7)
    responses = responses.drop(columns="t")
    queue = candor.followup(responses, accounts=accounts, contacts=contacts)
    names = np.array(["", "Safety", " legal ", "CHURN", "refund", "unresolved"], dtype=object)
    labels = names[responses.urgency]
    labels[(responses.urgency == 0).to_numpy() & (np.arange(len(labels)) % 3 == 1)] = None
    labels[(responses.urgency == 0).to_numpy() & (np.arange(len(labels)) % 3 == 2)] = "none"
    for given in (labels, pd.Categorical(labels)):
        again = candor.followup(responses.assign(urgency=given), accounts=accounts,
                                contacts=contacts)
        pd.testing.assert_frame_equal(again, queue)
    bad = labels.copy()
    bad[5] = "urgent"
    with pytest.raises(candor.Error, match=r"urgency\[5\] = 'urgent' is not an urgency category"):
        candor.followup(responses.assign(urgency=bad), accounts=accounts, contacts=contacts)


@pytest.mark.parametrize("seed", range(5))
def test_reasons_sum_to_the_priority(seed):
    responses, accounts, contacts = random_data(100 + seed)
    accounts["renewal"] = MONDAY_10 + pd.to_timedelta(np.arange(len(accounts)) % 200, unit="D")
    accounts["health_change"] = np.where(np.arange(len(accounts)) % 3 == 0, -1.0, 0.5)
    queue = candor.followup(responses.drop(columns="t"), accounts=accounts, contacts=contacts)
    reasons = queue.attrs["reasons"]
    summed = reasons.groupby("rank").points.sum().reindex(queue["rank"], fill_value=0)
    np.testing.assert_allclose(summed.to_numpy(), queue.priority.to_numpy(), rtol=1e-12,
                               atol=1e-12)
    assert (reasons.points != 0).all()
    # Each case's text is its rows of attrs["reasons"], in order, one at a time.
    by_rank = {}
    for rank, reason, points in zip(reasons["rank"], reasons.reason, reasons.points):
        by_rank.setdefault(rank, []).append("%s %+g" % (reason, points))
    assert list(queue.reasons) == ["; ".join(by_rank.get(rank, [])) for rank in queue["rank"]]
    assert queue.reasons.str.count(";").max() >= 3
    c = queue.attrs["counts"]
    assert c["responses"] == sum(c[k] for k in ("invalid_score", "invalid_time", "no_account",
                                                "opted_out", "suppressed", "merged",
                                                "not_included", "cases"))
    # Deterministic: the same queue from shuffled rows.
    shuffled = responses.drop(columns="t").sample(frac=1, random_state=seed)
    again = candor.followup(shuffled, accounts=accounts, contacts=contacts)
    assert list(again.account) == list(queue.account)
    assert list(again.priority) == list(queue.priority)
    assert list(again.owner) == list(queue.owner)


def test_comments_are_analyzed_for_urgency_and_routing_and_due():
    responses = pd.DataFrame({
        "score": [2, 9, 5],
        "time": [MONDAY_10] * 3,
        "account": ["acme", "beta", "gamma"],
        "comment": ["I will cancel my subscription and switch to a competitor",
                    "great service", "it was fine"],
    })
    rules = {"routing": [{"when": {"urgency": "churn"}, "team": "save", "members": ["sam"]},
                         {"members": ["ann", "bob"]}],
             "calendar": {"time_zone": "Europe/Berlin"}}
    queue = candor.followup(responses, rules=rules)
    assert list(queue.account) == ["acme", "gamma", "beta"]
    assert queue.category[0] == "fire_alarm"
    assert queue.urgency[0] == "churn"
    assert list(queue.owner) == ["sam", "ann", "bob"]
    assert queue.team[0] == "save"
    # 10:00 UTC is 11:00 in Berlin: 4 business hours later is 15:00 Berlin.
    assert queue.due[0] == pd.Timestamp("2026-12-07 14:00", tz="UTC")
    assert queue.action[2] == "ask for a public review"
    assert "urgency_churn +40" in queue.reasons[0]


def test_errors_name_the_problem():
    responses = pd.DataFrame({"score": [5], "time": [MONDAY_10], "account": ["a"]})
    with pytest.raises(candor.Error, match="dedup_days"):
        candor.followup(responses, rules={"dedup_days": -1})
    with pytest.raises(candor.Error, match="routing\\[0\\].when.urgency"):
        candor.followup(responses, rules={"routing": [{"when": {"urgency": "x"},
                                                       "members": ["a"]}]})
    with pytest.raises(candor.Error, match="no column 'score'"):
        candor.followup(responses.rename(columns={"score": "s"}))
    with pytest.raises(candor.Error, match="not an urgency category"):
        candor.followup(responses.assign(urgency=["late"]))
    accounts = pd.DataFrame({"account": ["a", "a"]})
    with pytest.raises(candor.Error, match="more than once"):
        candor.followup(responses, accounts=accounts)


def test_missing_times_and_unknown_accounts_are_counted():
    responses = pd.DataFrame({"score": [5, 5, 5], "time": [MONDAY_10, pd.NaT, MONDAY_10],
                              "account": ["a", "a", "zzz"]})
    accounts = pd.DataFrame({"account": ["a"]})
    queue = candor.followup(responses, accounts=accounts)
    assert len(queue) == 1
    assert queue.attrs["counts"]["invalid_time"] == 1
    assert queue.attrs["counts"]["no_account"] == 1


COLUMNS = {"rank": "int64", "account": "object", "category": "object", "action": "object",
           "owner": "object", "team": "object", "due": "datetime64[ns, UTC]",
           "priority": "float64", "reasons": "object", "fire_alarm": "bool",
           "urgency": "object", "theme": "object", "score": "float64", "responses": "int64",
           "lead_row": "object", "first_time": "datetime64[ns, UTC]",
           "lead_time": "datetime64[ns, UTC]", "last_time": "datetime64[ns, UTC]"}


def test_the_themes_column_holds_tuples_of_the_leads_themes():
    responses = pd.DataFrame({"score": [2.0, 9, 5], "time": [MONDAY_10] * 3,
                              "account": ["a", "b", "c"],
                              "theme": [["ux", "billing", "ux"], [], None]},
                             index=["x", "y", "z"])
    queue = candor.followup(responses)
    assert {c: str(t) for c, t in queue.dtypes.items()} == {**COLUMNS, "themes": "object"}
    assert list(queue.themes) == [("ux", "billing"), (), ()]
    assert list(queue.theme) == ["ux", None, None]
    empty = candor.followup(responses.assign(score=np.nan))
    assert len(empty) == 0 and list(empty.columns) == list(COLUMNS) + ["themes"]


def test_the_frame_holds_the_documented_columns_cases_without_reasons_and_labels():
    # The frame is assembled from one block per dtype (not pd.DataFrame(dict)):
    # the columns, dtypes, the "" of a case without reasons among cases with
    # them, and the index labels of the lead rows must be what the docstring says.
    responses = pd.DataFrame({"score": [2.0, 9, 5, 10, 7], "time": [MONDAY_10] * 5,
                              "account": ["a", "b", "c", "d", "e"]},
                             index=["w", "x", "y", "z", "v"])
    queue = candor.followup(responses)
    assert {c: str(t) for c, t in queue.dtypes.items()} == COLUMNS
    assert list(queue.account) == ["a", "c", "e", "b", "d"]
    assert list(queue.reasons) == ["detractor +30; very_low_score +20", "detractor +30",
                                   "passive +10", "", ""]
    assert list(queue.lead_row) == ["w", "y", "v", "x", "z"]
    assert (queue.first_time == MONDAY_10).all()
    assert list(queue["rank"]) == [1, 2, 3, 4, 5]
    # An ordinary frame: columns can be set and rows taken.
    queue["note"] = ""
    assert list(queue.iloc[[1]].account) == ["c"]
    empty = candor.followup(responses.assign(score=np.nan))
    assert len(empty) == 0
    assert {c: str(t) for c, t in empty.dtypes.items()} == COLUMNS
    assert len(empty.attrs["reasons"]) == 0
