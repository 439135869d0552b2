"""candor.themes and candor.drivers (texts -> themes -> theme drivers),
checked against numpy on the same membership: parents are the OR of their
own and their descendants' mentions; NPS per theme and impact by hand."""
import json
import pathlib

import numpy as np
import pandas as pd
import pytest

import candor
from candor import Error

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample" / "survey.csv"
STARTER = ROOT / "data" / "taxonomies" / "cx_starter.json"
FINE_FOODS = ROOT / "bench" / "data" / "fine_foods_train.csv"


def nps(scores):
    return 100 * (np.mean(scores >= 9) - np.mean(scores <= 6))


@pytest.fixture(scope="module")
def survey():
    return pd.read_csv(SAMPLE, keep_default_na=False)


def test_taxonomy_membership_rolls_up_to_parents(survey):
    found = candor.themes(list(survey.comment), taxonomy=str(STARTER))
    themes = found.themes
    assert found.membership.shape == (len(survey), len(themes))
    direct = np.zeros_like(found.membership)
    m = found.analysis.mentions
    direct[m["comment"], m["theme"]] = 1
    for t in themes:
        descendants = [d.id for d in themes if d.path == t.path or
                       d.path.startswith(t.path + " > ")]
        expected = direct[:, descendants].max(axis=1)
        np.testing.assert_array_equal(found.membership[:, t.id], expected, err_msg=t.path)
    frame = found.frame().set_index("theme")
    np.testing.assert_array_equal(frame.comments.to_numpy(), found.membership.sum(axis=0))


def test_drivers_from_texts_match_numpy(survey):
    scores = survey.score.to_numpy()
    d = candor.drivers(scores, list(survey.comment), taxonomy=str(STARTER))
    found = candor.themes(list(survey.comment), taxonomy=str(STARTER))
    table = d.table
    overall = nps(scores)
    checked = 0
    for j, name in enumerate(found.names):
        mentioning = found.membership[:, j].astype(bool)
        if mentioning.sum() in (0, len(scores)):
            continue
        row = table.iloc[j]
        assert row["name"] == name
        assert row["score"] == pytest.approx(nps(scores[mentioning]), abs=1e-9)
        assert row["impact"] == pytest.approx(overall - nps(scores[~mentioning]), abs=1e-9)
        checked += 1
    assert checked >= 5
    # The same as theme_drivers on that membership.
    direct = candor.theme_drivers(scores, found.membership, found.names)
    pd.testing.assert_frame_equal(d.table, direct.table)


def test_discovered_drivers_use_the_dominant_theme():
    reviews = pd.read_csv(FINE_FOODS)
    # A 0..10 score from the star class, only to exercise the path.
    scores = np.where(reviews.score == "great", 10, 5)
    d = candor.drivers(scores, list(reviews.review), k=5, seed=1)
    found = candor.themes(list(reviews.review), k=5, seed=1)
    assert len(d.table) == 5
    assert list(d.table["name"]) == found.labels
    for j in range(5):
        mentioning = found.dominant == j
        assert d.table["mentions"][j] == mentioning.sum()
        assert d.table["score"][j] == pytest.approx(nps(scores[mentioning]), abs=1e-9)


def test_themes_and_drivers_argument_errors(survey):
    texts = list(survey.comment[:50])
    with pytest.raises(Error):
        candor.themes(texts, taxonomy=str(STARTER), k=3)
    with pytest.raises(Error):
        candor.drivers(survey.score[:50])
    with pytest.raises(Error):
        candor.drivers(survey.score[:50], texts, mentions=np.zeros((50, 2)))
    with pytest.raises(Error):
        candor.themes(texts, model=candor.TextModel())
    with pytest.raises(Error) as e:
        candor.drivers(survey.score[:49], texts, taxonomy=json.loads(STARTER.read_text()))
    assert e.value.status == "CANDOR_LENGTH_MISMATCH"
