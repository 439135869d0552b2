"""Fixtures for tests/cpp/text_discovery_*_test.cc, computed independently of
candor: TF-IDF by scikit-learn, NNDSVD by a numpy transcription of
Boutsidis & Gallopoulos (2008), NPMI by plain Python sets.

Run from the repository root:  /usr/bin/python3 tests/data/text/discovery/make_fixtures.py
Provenance: docs.txt is the first 150 reviews of bench/data/fine_foods_train.csv
(Amazon fine-food reviews, see bench/data/README.md), lower-cased and split on
[a-z]+ runs, stop words of sklearn's English list removed, one review a line.
"""
import csv
import pathlib
import re

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[3]


def write_docs():
    with open(ROOT / "bench" / "data" / "fine_foods_train.csv", newline="") as f:
        rows = list(csv.DictReader(f))[:150]
    docs = []
    for row in rows:
        words = [w for w in re.findall(r"[a-z]+", row["review"].lower().replace("<br />", " "))
                 if w not in ENGLISH_STOP_WORDS and len(w) >= 2]
        docs.append(" ".join(words))
    (HERE / "docs.txt").write_text("\n".join(docs) + "\n")
    return docs


def write_tfidf(docs):
    # name, min_df, max_df, sublinear_tf, smooth_idf
    for name, min_df, max_df, sublinear, smooth in (
            ("tfidf_default", 1, 1.0, False, True),
            ("tfidf_filtered", 2, 0.5, False, True),
            ("tfidf_sublinear_nosmooth", 3, 0.8, True, False)):
        v = TfidfVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False,
                            min_df=min_df, max_df=max_df, sublinear_tf=sublinear,
                            smooth_idf=smooth)
        x = v.fit_transform(docs).tocoo()
        with open(HERE / (name + ".txt"), "w") as f:
            f.write("# %s: sklearn TfidfVectorizer(min_df=%d, max_df=%r, sublinear_tf=%r, "
                    "smooth_idf=%r); vocabulary size, then row col value\n"
                    % (name, min_df, max_df, sublinear, smooth))
            f.write("%d\n" % len(v.vocabulary_))
            for t in sorted(v.vocabulary_, key=v.vocabulary_.get):
                f.write("%s\n" % t)
            for r, c, val in sorted(zip(x.row, x.col, x.data)):
                f.write("%d %d %.17g\n" % (r, c, val))


def nndsvd(x, k, variant):
    """Boutsidis & Gallopoulos (2008), Table 1, with exact SVD."""
    u, s, vt = np.linalg.svd(x, full_matrices=False)
    w = np.zeros((x.shape[0], k))
    h = np.zeros((k, x.shape[1]))
    w[:, 0] = np.sqrt(s[0]) * np.abs(u[:, 0])
    h[0, :] = np.sqrt(s[0]) * np.abs(vt[0, :])
    for j in range(1, k):
        a, b = u[:, j], vt[j, :]
        ap, an = np.maximum(a, 0), np.maximum(-a, 0)
        bp, bn = np.maximum(b, 0), np.maximum(-b, 0)
        mp = np.linalg.norm(ap) * np.linalg.norm(bp)
        mn = np.linalg.norm(an) * np.linalg.norm(bn)
        if mp > mn:
            uu, vv, sigma = ap / np.linalg.norm(ap), bp / np.linalg.norm(bp), mp
        else:
            uu, vv, sigma = an / np.linalg.norm(an), bn / np.linalg.norm(bn), mn
        w[:, j] = np.sqrt(s[j] * sigma) * uu
        h[j, :] = np.sqrt(s[j] * sigma) * vv
    w[w < 1e-6] = 0
    h[h < 1e-6] = 0
    if variant == "nndsvda":
        w[w == 0] = x.mean()
        h[h == 0] = x.mean()
    return w, h


def write_nndsvd():
    rng = np.random.default_rng(7)
    x = rng.random((12, 9))
    x[rng.random((12, 9)) < 0.4] = 0
    k = 4
    with open(HERE / "nndsvd.txt", "w") as f:
        f.write("# x (12 x 9), then W (12 x 4) and H (4 x 9) for nndsvd, then for nndsvda\n")
        for row in x:
            f.write(" ".join("%.17g" % v for v in row) + "\n")
        for variant in ("nndsvd", "nndsvda"):
            w, h = nndsvd(x, k, variant)
            for m in (w, h):
                for row in m:
                    f.write(" ".join("%.17g" % v for v in row) + "\n")


def npmi(doc_sets, topic, eps=1e-12):
    d = len(doc_sets)
    total = 0.0
    pairs = 0
    for i in range(len(topic)):
        for j in range(i + 1, len(topic)):
            pi = sum(topic[i] in s for s in doc_sets) / d
            pj = sum(topic[j] in s for s in doc_sets) / d
            pij = sum(topic[i] in s and topic[j] in s for s in doc_sets) / d
            total += np.log((pij + eps) / (pi * pj)) / -np.log(pij + eps)
            pairs += 1
    return total / pairs


def write_npmi(docs):
    doc_sets = [set(d.split()) for d in docs]
    topics = [["coffee", "cup", "flavor", "strong", "taste"],
              ["dog", "dogs", "food", "treats", "loves"],
              ["tea", "green", "taste", "price", "amazon", "product"],
              ["chips", "salt", "bag"],
              ["coffee", "dog"]]
    with open(HERE / "npmi.txt", "w") as f:
        f.write("# topic words, then its C_NPMI (epsilon 1e-12) over docs.txt\n")
        for t in topics:
            f.write("%s\n%.17g\n" % (" ".join(t), npmi(doc_sets, t)))


if __name__ == "__main__":
    docs = write_docs()
    write_tfidf(docs)
    write_nndsvd()
    write_npmi(docs)
