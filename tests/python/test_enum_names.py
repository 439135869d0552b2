"""The names of enum values come from the library's one table
(candor_enum_name / candor_enum_value / candor_enum_at): the package's
candor_enum constants are the header's, every enum of the header that has a
table names each of its values, and the options that take a name accept and
refuse exactly what they did, with the same messages."""
import pathlib
import re

import numpy as np
import pytest

import candor
from candor import _capi
from candor import _lib

ROOT = pathlib.Path(__file__).resolve().parents[2]
HEADER = (ROOT / "include" / "candor.h").read_text()


def header_enums():
    """{enum name: {enumerator: value}} of candor.h."""
    text = re.sub(r"/\*.*?\*/", " ", HEADER, flags=re.S)
    enums = {}
    for body, name in re.findall(r"typedef enum (?:\w+) \{(.*?)\} (\w+);", text, re.S):
        enums[name] = {m.group(1): int(m.group(2))
                       for m in re.finditer(r"(\w+)\s*=\s*(-?\d+)", body)}
    return enums


def test_enum_constants_are_the_headers():
    kinds = header_enums()["candor_enum"]
    python = {name: value for name, value in vars(_capi).items() if name.startswith("ENUM_")}
    assert {"CANDOR_" + name: value for name, value in python.items()} == kinds


@pytest.mark.parametrize("kind", candor.ENUM_KINDS)
def test_every_value_of_each_enum_has_one_name(kind):
    values = set(header_enums()["candor_" + kind].values())
    table = _lib.enum_values(getattr(_capi, "ENUM_" + kind.upper()))
    assert set(table.values()) == values
    assert len(set(table)) == len(table)
    assert tuple(table) == candor.enum_names(kind)
    for name, value in table.items():
        assert re.fullmatch(r"[a-z]([a-z0-9_]*[a-z0-9])?", name)
        assert _lib.lib.candor_enum_name(getattr(_capi, "ENUM_" + kind.upper()), value) \
            == name.encode()


def test_enum_names_refuses_an_unknown_kind():
    with pytest.raises(candor.Error, match="unknown enum 'status'"):
        candor.enum_names("status")


def test_status_names_are_the_headers():
    statuses = header_enums()["candor_status"]
    assert {name: code for code, name in enumerate(_lib.STATUS_NAMES)} == statuses


def refused(call, **kwargs):
    with pytest.raises(candor.Error) as info:
        call(**kwargs)
    assert info.value.status == "CANDOR_INVALID_ARGUMENT"
    return str(info.value)


SCORES = np.array([0, 5, 9, 10, 7, 3, 10, 9, 8, 6] * 3, dtype=float)


def test_score_options_take_the_same_names():
    assert candor.score(SCORES, metric="top_box", scale=(0, 10)).n == 30
    assert refused(candor.score, scores=SCORES, metric="topbox") == (
        "unknown metric 'topbox'; expected one of 'nps', 'csat', 'ces', 'ces_agree', "
        "'top_box', 'bottom_box', 'mean'")
    assert refused(candor.score, scores=SCORES, interval="exact") == (
        "unknown interval 'exact'; expected one of 'wald', 'adjusted_wald', 'bayes', "
        "'bootstrap', 'jeffreys'")
    assert refused(candor.adjust_p_values, p=[0.1], method="bonferroni") == (
        "unknown p-value adjustment 'bonferroni'; expected one of 'holm', 'bh', 'fdr', "
        "'benjamini-hochberg', 'none'")
    assert refused(candor.score, scores=SCORES, metric="mean") == (
        "metric 'mean' needs scale=(min, max)")


def test_trend_options_take_the_same_names():
    times = np.arange(30) * 86400 * 7
    assert len(candor.trend(SCORES, times, every="Monthly")) > 0
    assert refused(candor.trend, scores=SCORES, times=times, every="yearly") == (
        "unknown period 'yearly'; expected 'day', 'week', 'month' or 'quarter'")
    assert refused(candor.mann_kendall, values=SCORES, method="sen") == (
        "method must be one of hamed_rao, original, seasonal; got 'sen'")
    accounts = np.arange(30) % 3
    assert refused(candor.account_trends, scores=SCORES, times=times, accounts=accounts,
                   split="mean") == (
        "unknown split 'mean'; expected one of 'median', 'time', 'last_days'")
    assert refused(candor.account_trends, scores=SCORES, times=times, accounts=accounts,
                   covariance="hc2") == (
        "unknown covariance 'hc2'; expected one of 'hc1', 'hc3'")


def test_weight_and_text_options_take_the_same_names():
    assert refused(candor.account_weights, accounts=[0, 0, 1], mode="all") == (
        "unknown account mode 'all'; expected one of 'per_response', 'equal', 'by_value'")
    assert refused(candor.discover_themes, texts=["a b"] * 3, init="random") == (
        "unknown init 'random'; expected one of 'nndsvd', 'nndsvda', 'nndsvdar'")
    assert refused(candor.discover_themes, texts=["a b"] * 3, svd="lanczos") == (
        "unknown svd 'lanczos'; expected one of 'auto', 'exact', 'randomized'")
    assert refused(candor.TextModel, lexicon={"good": 2}, lexicon_format="afinn165") == (
        "lexicon format must be one of candor, vader, afinn, got 'afinn165'")
    assert candor.EMOTIONS == ("frustration", "anger", "annoyance", "disappointment",
                               "confusion", "delight", "gratitude")
    assert candor.URGENCY_CATEGORIES == ("none", "safety", "legal", "churn", "refund",
                                         "unresolved")
