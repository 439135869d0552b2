"""candor.sentiment / emotions / urgency / analyze / TextModel: the text-model
C ABI from Python, checked against independent computations where there is
one (sklearn's AUC on real reviews, plain Python on the bytes of sentences)."""
import json
import pathlib

import numpy as np
import pandas as pd
import pytest

from candor import text_model as tm
from candor import Error

ROOT = pathlib.Path(__file__).resolve().parents[2]
FINE_FOODS = ROOT / "bench" / "data" / "fine_foods_train.csv"
STARTER = ROOT / "data" / "taxonomies" / "cx_starter.json"

TAXONOMY = {"themes": [
    {"name": "Support", "keywords": ["support", "agent"],
     "children": [{"name": "Response time", "phrases": ["nobody responded", "on hold"]}]},
    {"name": "Delivery", "keywords": ["delivery", "shipping"]},
]}


@pytest.fixture(scope="module")
def reviews():
    return pd.read_csv(FINE_FOODS)


def test_sentiment_is_one_float_in_range_per_text():
    texts = ["Love it, best purchase ever!", "Awful. Broken on arrival.", "", None,
             float("nan"), "It is a box."]
    s = tm.sentiment(texts)
    assert s.dtype == np.float64 and s.shape == (6,)
    assert np.all((s >= -1) & (s <= 1))
    assert s[0] > 0.3 and s[1] < -0.3
    assert s[2] == s[3] == s[4] == 0.0


def test_str_and_bytes_give_the_same_result():
    texts = ["Très bon café, merci !", "Not good at all 😡"]
    a = tm.sentiment(texts)
    b = tm.sentiment([t.encode("utf-8") for t in texts])
    np.testing.assert_array_equal(a, b)


def test_results_do_not_depend_on_threads(reviews):
    texts = list(reviews.review[:600])
    one = tm.analyze(texts, threads=1)
    two = tm.analyze(texts, threads=2)
    np.testing.assert_array_equal(one.sentiment, two.sentiment)
    for name in tm.EMOTIONS:
        np.testing.assert_array_equal(one.emotions[name], two.emotions[name])
    assert one.urgency_reason == two.urgency_reason
    for key in one.sentences:
        np.testing.assert_array_equal(one.sentences[key], two.sentences[key])


def test_the_error_names_the_lowest_bad_comment_on_any_thread_count():
    # Threads take pieces of comments as they come free; the reported
    # failure must still be the first one in comment order.
    texts = ["fine, thanks"] * 3000
    for bad in (2900, 1700, 450):
        texts[bad] = b"bad \xc3( byte"
    for threads in (1, 2, 4):
        with pytest.raises(Error) as e:
            tm.sentiment(texts, threads=threads)
        assert "comment 450:" in str(e.value), (threads, str(e.value))


def test_a_model_gives_the_same_results_on_every_call(reviews):
    # A model keeps its tokenizers (and what they memoized about words)
    # between calls, with stems only when a taxonomy needs them: neither may
    # change a result.
    texts = list(reviews.review[:400])
    model = tm.TextModel(threads=2)
    first = model.analyze(texts)
    again = model.analyze(texts[::-1])
    np.testing.assert_array_equal(first.sentiment, again.sentiment[::-1])
    assert first.urgency_reason == again.urgency_reason[::-1]
    fresh = tm.TextModel(threads=1).analyze(texts)
    np.testing.assert_array_equal(first.sentiment, fresh.sentiment)
    themed = tm.TextModel(taxonomy=TAXONOMY)
    with_themes = themed.analyze(texts)
    np.testing.assert_array_equal(first.sentiment, with_themes.sentiment)
    for name in tm.EMOTIONS:
        np.testing.assert_array_equal(first.emotions[name], with_themes.emotions[name])
    # Keywords match on stems ("deliveries" -> "deliveri" = "delivery"'s).
    assert len(with_themes.mentions["theme"]) > 0
    themed.analyze(texts[:50])  # a call on a smaller batch in between
    for key, values in themed.analyze(texts).mentions.items():
        np.testing.assert_array_equal(values, with_themes.mentions[key])


def test_sentiment_auc_on_real_reviews_meets_the_target(reviews):
    from sklearn.metrics import roc_auc_score
    s = tm.sentiment(list(reviews.review))
    great = (reviews.score == "great").to_numpy()
    auc = roc_auc_score(great, s)
    # The target; the cross-validated estimate is in bench/RESULTS.md.
    assert auc >= 0.80, auc
    # The same AUC by mean ranks (Mann-Whitney), computed here independently.
    ranks = pd.Series(s).rank().to_numpy()
    n1, n0 = great.sum(), (~great).sum()
    assert abs((ranks[great].sum() - n1 * (n1 + 1) / 2) / (n1 * n0) - auc) < 1e-12


def test_sentences_are_byte_ranges_of_their_comment():
    texts = ["Great taste. Slow delivery! Would buy again?", "One sentence only", ""]
    r = tm.analyze(texts)
    frame = r.sentences_frame()
    assert list(frame.comment) == [0, 0, 0, 1]
    pieces = [texts[c].encode()[b:e].decode() for c, b, e in
              zip(frame.comment, frame.begin, frame.end)]
    assert pieces == ["Great taste.", "Slow delivery!", "Would buy again?", "One sentence only"]
    assert frame.sentiment[0] > 0


def test_mentions_point_at_sentences_holding_a_term():
    texts = ["The agent was kind. Delivery took forever.",
             "I was on hold for an hour and nobody responded.",
             "Nothing relevant here."]
    r = tm.analyze(texts, taxonomy=TAXONOMY)
    assert [t.path for t in r.themes] == ["Support", "Support > Response time", "Delivery"]
    assert [t.parent for t in r.themes] == [-1, 0, -1]
    mentions = r.mentions_frame()
    sentences = r.sentences_frame()
    terms = {"Support": ["support", "agent"], "Support > Response time":
             ["nobody responded", "on hold"], "Delivery": ["delivery", "shipping"]}
    for comment, sentence, path, sentiment in zip(mentions.comment, mentions.sentence,
                                                  mentions.theme_path, mentions.sentiment):
        assert sentences.comment[sentence] == comment
        begin, end = sentences.begin[sentence], sentences.end[sentence]
        text = texts[comment].encode()[begin:end].decode().lower()
        assert any(term in text for term in terms[path]), (text, path)
        assert sentiment == sentences.sentiment[sentence]  # aspect sentiment: its sentence's
    assert sorted(zip(mentions.comment, mentions.theme_path)) == [
        (0, "Delivery"), (0, "Support"), (1, "Support > Response time")]
    summary = r.themes_frame().set_index("theme")
    # A mention of a child counts for its parent.
    assert summary.loc["Support", "comments"] == 2
    assert summary.loc["Support > Response time", "comments"] == 1
    assert summary.loc["Delivery", "share"] == pytest.approx(1 / 3)


def test_taxonomy_from_file_string_and_dict_agree(reviews):
    texts = list(reviews.review[:300])
    by_file = tm.analyze(texts, taxonomy=str(STARTER))
    by_text = tm.analyze(texts, taxonomy=STARTER.read_text())
    by_dict = tm.analyze(texts, taxonomy=json.loads(STARTER.read_text()))
    for other in (by_text, by_dict):
        for key in by_file.mentions:
            np.testing.assert_array_equal(by_file.mentions[key], other.mentions[key])
    assert len(by_file.mentions["comment"]) > 50


def test_emotions_and_urgency_frames():
    texts = ["Thank you so much, the team was wonderful!",
             "I am furious. I will contact my lawyer.",
             "I want to cancel my subscription and get a refund.",
             "I won't cancel, it is fine."]
    e = tm.emotions(texts)
    assert list(e.columns) == list(tm.EMOTIONS)
    assert e.gratitude[0] > e.gratitude[1]
    assert e.anger[1] > e.anger[0]
    u = tm.urgency(texts)
    assert list(u.urgent) == [False, True, True, False]
    assert u.category[1] == "legal" and u.category[2] == "churn"
    assert texts[2].encode()[u.span_begin[2]:u.span_end[2]].decode().lower().startswith("cancel")
    r = tm.analyze(texts)
    # Both churn and refund fired on text 2: bits churn-1 and refund-1.
    churn, refund = tm.URGENCY_CATEGORIES.index("churn"), tm.URGENCY_CATEGORIES.index("refund")
    assert r.urgency_mask[2] & (1 << (churn - 1)) and r.urgency_mask[2] & (1 << (refund - 1))


def test_user_lexicons(tmp_path):
    texts = ["The widget is florbish."]
    assert tm.sentiment(texts)[0] == 0.0
    assert tm.sentiment(texts, lexicon={"florbish": 3.0})[0] > 0.3
    afinn = tmp_path / "afinn.txt"
    afinn.write_text("florbish\t-5\n")
    assert tm.sentiment(texts, lexicon=str(afinn), lexicon_format="afinn")[0] < -0.3
    model = tm.TextModel(lexicon={"florbish": 2.0}, replace_lexicon=True)
    assert model.lexicon_size == 1
    assert tm.sentiment(["Wonderful!"], model=model)[0] == 0.0
    bad = tmp_path / "bad.txt"
    bad.write_text("good\t1\nbad line without a tab\n")
    with pytest.raises(Error) as e:
        tm.TextModel(lexicon=str(bad))
    assert e.value.status == "CANDOR_PARSE_ERROR" and "line 2" in str(e.value)
    with pytest.raises(Error):
        tm.TextModel(lexicon=str(afinn), lexicon_format="nope")
    with pytest.raises(Error) as e:
        tm.TextModel(lexicon=str(tmp_path / "missing.txt"))
    assert e.value.status == "CANDOR_NOT_FOUND"


def test_invalid_utf8_is_an_error_or_repaired():
    texts = [b"fine", b"bad \xc3( byte", "caf\udce9".encode("utf-8", "surrogateescape")]
    with pytest.raises(Error) as e:
        tm.sentiment(texts)
    assert e.value.status == "CANDOR_INVALID_UTF8" and "comment 1" in str(e.value)
    r = tm.analyze(texts, repair_utf8=True)
    assert list(r.repaired) == [False, True, True]
    # A str with a lone surrogate decoded with surrogateescape round-trips its byte.
    s = b"ok \xff".decode("utf-8", "surrogateescape")
    assert tm.analyze([s], repair_utf8=True).repaired[0]
    with pytest.raises(Error) as e:
        tm.sentiment(["lone \ud800 surrogate"])
    assert e.value.status == "CANDOR_INVALID_UTF8"


def test_languages_and_bad_arguments():
    r = tm.analyze(["This is a very good product and I like it a lot.",
                    "El servicio fue terrible y nunca me respondieron.",
                    "Ce produit est très bon et je le recommande à tous mes amis."])
    assert r.language == ["en", "es", "fr"]
    forced = tm.analyze(["El servicio fue terrible y nunca me respondieron."], language="en")
    assert forced.language == ["en"]
    with pytest.raises(Error):
        tm.sentiment("one string, not a list")
    with pytest.raises(Error):
        tm.sentiment([1, 2])
    with pytest.raises(Error):
        tm.TextModel(threads=-1)
    with pytest.raises(Error) as e:
        tm.analyze(["x"], taxonomy="{\"themes\": [")
    assert e.value.status == "CANDOR_PARSE_ERROR"
    with pytest.raises(Error):
        tm.analyze(["x"], model=tm.TextModel(), threads=1)
    assert len(tm.analyze([])) == 0


def nested_themes(levels):
    """A chain of `levels` themes, each the only child of the one before."""
    theme = {"name": "t", "keywords": ["x"]}
    head = '{"themes": [' + (json.dumps(theme)[:-1] + ', "children": [') * (levels - 1)
    return head + json.dumps(theme) + "]}" * (levels - 1) + "]}"


def test_deep_taxonomies_are_a_clear_error(tmp_path):
    # Issue 11: 10,000 nested themes crashed the process (stack overflow).
    deep = nested_themes(10000)
    path = tmp_path / "deep.json"
    path.write_text(deep)
    limit = "%d levels of themes" % tm.TAXONOMY_MAX_DEPTH
    deep_dict = {"name": "t", "keywords": ["x"]}
    for _ in range(10000):
        deep_dict = {"name": "t", "keywords": ["x"], "children": [deep_dict]}
    for taxonomy in (str(path), deep, {"themes": [deep_dict]}):
        with pytest.raises(Error) as e:
            tm.TextModel(taxonomy=taxonomy)
        assert e.value.status == "CANDOR_INVALID_ARGUMENT"
        assert limit in e.value.message
    # The same limit as the C header's.
    header = (ROOT / "include" / "candor.h").read_text()
    assert "#define CANDOR_TAXONOMY_MAX_DEPTH %d\n" % tm.TAXONOMY_MAX_DEPTH in header
    at_limit = tm.TextModel(taxonomy=nested_themes(tm.TAXONOMY_MAX_DEPTH))
    assert [t.depth for t in at_limit.themes] == list(range(tm.TAXONOMY_MAX_DEPTH))


def test_short_comments_get_their_language_from_stop_words():
    # CLD2 is unsure of these (it guesses English for the first two).
    r = tm.analyze(["Este producto es muy bueno y me gusta mucho, lo recomiendo.",
                    "Este producto es muy bueno.", "Great product."])
    assert r.language == ["es", "es", "en"]


def test_very_long_and_empty_comments():
    long_text = "The coffee is great but the delivery was slow. " * 20000  # ~1 MB
    r = tm.analyze([long_text, ""])
    assert len(r.sentences["comment"]) == 20000
    assert -1 <= r.sentiment[0] <= 1
    assert r.sentiment[1] == 0 and r.language[1] in ("en", "und")
