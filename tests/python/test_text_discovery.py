"""candor.discover_themes and candor.text_discovery.nmf against scikit-learn
(TfidfVectorizer on candor's own vocabulary and counts; NMF loss on the same
matrix), numpy (planted factors) and a plain-Python NPMI."""
import csv
import itertools
import math
import pathlib

import numpy as np
import pytest

import candor
from candor import text_discovery

ROOT = pathlib.Path(__file__).resolve().parents[2]


def fine_foods(n):
    with open(ROOT / "bench" / "data" / "fine_foods_train.csv", newline="") as f:
        return [row["review"] for row in itertools.islice(csv.DictReader(f), n)]


@pytest.fixture(scope="module")
def reviews():
    return fine_foods(600)


@pytest.fixture(scope="module")
def found(reviews):
    return candor.discover_themes(reviews, k=6, seed=1, extra_stop_words=["br"], threads=2)


def npmi(presence, topic, eps=1e-12):
    """C_NPMI of Röder et al. (2015) by plain set counting over documents."""
    d = len(presence)
    values = []
    for a, b in itertools.combinations(topic, 2):
        pa = sum(a in s for s in presence) / d
        pb = sum(b in s for s in presence) / d
        pab = sum(a in s and b in s for s in presence) / d
        values.append(math.log((pab + eps) / (pa * pb)) / -math.log(pab + eps))
    return sum(values) / len(values)


def test_tfidf_equals_sklearn_on_candor_counts(found):
    from sklearn.feature_extraction.text import TfidfTransformer
    counts = found.tfidf_csr("counts")
    expected = TfidfTransformer().fit_transform(counts)  # smooth idf, raw tf, l2
    got = found.tfidf_csr("tfidf")
    assert got.shape == expected.shape
    assert abs(got - expected).max() < 1e-12
    assert got.nnz == counts.nnz


def test_coherence_equals_plain_python(found):
    counts = found.tfidf_csr("counts")
    presence = [set(np.asarray(found.terms)[counts.indices[counts.indptr[i]:counts.indptr[i + 1]]])
                for i in range(counts.shape[0])]
    for theme in found.themes:
        assert theme.coherence == pytest.approx(npmi(presence, theme.top_terms), abs=1e-12)
    assert found.mean_coherence == pytest.approx(np.mean(found.coherence), abs=1e-12)


def test_weights_dominant_and_frames(found, reviews):
    assert found.k == 6
    assert found.weights.shape == (len(reviews), 6)
    sums = found.weights.sum(axis=1)
    assert np.all((np.abs(sums - 1) < 1e-12) | (sums == 0))
    nonzero = sums > 0
    assert np.array_equal(found.dominant[nonzero], found.weights[nonzero].argmax(axis=1))
    assert sorted(t.documents for t in found.themes) == sorted(
        np.bincount(found.dominant[found.dominant >= 0], minlength=6).tolist())
    assert [t.documents for t in found.themes] == sorted(
        [t.documents for t in found.themes], reverse=True)
    frame = found.frame()
    assert len(frame) == 6
    assert len(found.document_frame()) == len(reviews)
    assert all(label for label in found.labels)


def test_same_result_on_any_thread_count(reviews, found):
    one = candor.discover_themes(reviews, k=6, seed=1, extra_stop_words=["br"], threads=1)
    assert np.array_equal(one.weights, found.weights)
    assert one.labels == found.labels


def test_nmf_loss_matches_sklearn_on_the_same_matrix(found):
    from sklearn.decomposition import NMF
    x = found.tfidf_csr()
    w, h, loss, _ = text_discovery.nmf(x, 6, tol=1e-6, max_iter=500)
    assert loss == pytest.approx(np.linalg.norm(x.toarray() - w @ h) ** 2, rel=1e-9)
    model = NMF(n_components=6, init="nndsvda", solver="cd", tol=1e-6, max_iter=500,
                random_state=0)
    model.fit(x)
    # The same problem from the same kind of start: local optima within 1%.
    assert loss <= model.reconstruction_err_ ** 2 * 1.01


def test_nmf_recovers_planted_factors(rng):
    w0 = np.zeros((60, 3))
    w0[np.arange(60), np.arange(60) % 3] = 0.5 + rng.random(60)
    h0 = np.zeros((3, 30))
    for t in range(3):
        h0[t, 10 * t:10 * (t + 1)] = 0.2 + rng.random(10)
    w, h, loss, _ = text_discovery.nmf(w0 @ h0, 3, tol=1e-12, max_iter=2000)
    assert loss < 1e-8 * np.sum((w0 @ h0) ** 2)
    cosine = (h0 / np.linalg.norm(h0, axis=1, keepdims=True)) @ \
        (h / np.linalg.norm(h, axis=1, keepdims=True)).T
    assert np.all(cosine.max(axis=1) > 0.9999)


def test_bad_input():
    with pytest.raises(candor.Error) as e:
        candor.discover_themes([])
    assert e.value.status == "CANDOR_EMPTY"
    with pytest.raises(candor.Error) as e:
        candor.discover_themes(["the and of", "!!!"], language="en")
    assert e.value.status == "CANDOR_EMPTY"
    with pytest.raises(candor.Error) as e:
        candor.discover_themes([b"caf\xc3"], language="en")
    assert e.value.status == "CANDOR_INVALID_UTF8"
    with pytest.raises(candor.Error) as e:
        candor.discover_themes(fine_foods(50), k=0)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(candor.Error) as e:
        candor.discover_themes(fine_foods(50), k=100000)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"
    with pytest.raises(candor.Error):
        candor.discover_themes(fine_foods(50), init="random")
    with pytest.raises(candor.Error) as e:
        text_discovery.nmf(np.array([[1.0, -1.0], [0.0, 1.0]]), 1)
    assert e.value.status == "CANDOR_INVALID_ARGUMENT"


def test_repaired_utf8_and_empty_comments():
    texts = fine_foods(80) + [b"caf\xc3 au lait", "", None]
    result = candor.discover_themes(texts, k=3, repair_utf8=True)
    assert result.weights.shape == (83, 3)
    assert result.dominant[-1] == -1 and result.dominant[-2] == -1
