"""Theme discovery: candor next to scikit-learn's NMF on the same TF-IDF.

candor builds the vocabulary and TF-IDF of the 4,000 fine-food reviews
(bench/data/fine_foods_train.csv) through its C ABI; that very matrix goes to
sklearn.decomposition.NMF(init='nndsvda', solver='cd') and to candor's NMF
(candor_nmf) with the same k, tol and max_iter. Wall time is the median of
reps (process CPU time alongside: the machine is shared). Both topic sets are
scored by the one NPMI function below over candor's document-term counts.

Note the stopping rules differ: sklearn stops when its projected-gradient
violation falls below tol times the first one; candor when the loss falls by
less than tol relatively. So the final losses are reported, and candor is also
run with tol = 1e-6 (closer to, not always below, sklearn's loss).
Full discovery: candor's time covers tokenizing, TF-IDF, 12 fits, coherence
and labels; sklearn's covers its 12 NMF fits and their NPMI scoring only.

Usage: CANDOR_LIBRARY=build/nmf-rel/libcandor.so PYTHONPATH=bindings/python \
       /usr/bin/python3 bench/peers_theme_discovery.py [--reps 5] [--out bench/out]
"""
import argparse
import csv
import json
import os
import pathlib
import platform
import statistics
import time

import numpy as np
import scipy.sparse
import sklearn
from sklearn.decomposition import NMF

import candor
from candor import text_discovery

ROOT = pathlib.Path(__file__).resolve().parents[1]


def npmi_topics(presence, topics, eps=1e-12):
    """Mean C_NPMI (Röder et al. 2015, epsilon 1e-12) of each topic's terms
    over boolean document co-occurrence; presence is documents x terms (CSC bool)."""
    d = presence.shape[0]
    out = []
    for topic in topics:
        cols = presence[:, topic].toarray().astype(np.float64)
        p = cols.sum(axis=0) / d
        joint = (cols.T @ cols) / d
        values = []
        for i in range(len(topic)):
            for j in range(i + 1, len(topic)):
                pij = joint[i, j]
                values.append(1.0 if pij >= 1 else
                              np.log((pij + eps) / (p[i] * p[j])) / -np.log(pij + eps))
        out.append(float(np.mean(values)))
    return out


def top_terms(h, n=10):
    """Each row's n largest entries (positive only; ties: lower column first)."""
    out = []
    for row in h:
        order = np.argsort(-row, kind="stable")[:n]
        out.append([int(i) for i in order if row[i] > 0])
    return out


def timed(fn, reps):
    walls, cpus, result = [], [], None
    for _ in range(reps):
        w0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus), result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--ks", default="10,20")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out"))
    args = parser.parse_args()
    with open(ROOT / "bench" / "data" / "fine_foods_train.csv", newline="") as f:
        texts = [row["review"] for row in csv.DictReader(f)]
    common = dict(extra_stop_words=["br"], language="en", seed=0)

    # candor's vocabulary and TF-IDF (one fit with k = 10 to get the handle's matrices).
    base = candor.discover_themes(texts, k=10, threads=1, **common)
    x = base.tfidf_csr("tfidf")
    presence = (base.tfidf_csr("counts") > 0).tocsc()
    rows = []
    for k in [int(v) for v in args.ks.split(",")]:
        def sk():
            m = NMF(n_components=k, init="nndsvda", solver="cd", tol=1e-4, max_iter=200,
                    random_state=0)
            w = m.fit_transform(x)
            return m.components_, m.reconstruction_err_ ** 2, m.n_iter_
        wall, cpu, (h, loss, iters) = timed(sk, max(1, args.reps // 2))
        sk_npmi = float(np.mean(npmi_topics(presence, top_terms(h))))
        rows.append(dict(k=k, method="sklearn NMF cd (tol 1e-4)", threads="as shipped",
                         wall_s=wall, cpu_s=cpu, loss=loss, iterations=int(iters),
                         npmi=sk_npmi))
        for tol in (1e-4, 1e-6):
            for threads in (1, 2):
                def cd():
                    w, h, loss, iters = text_discovery.nmf(x, k, tol=tol, max_iter=200,
                                                           threads=threads, seed=0)
                    return h, loss, iters
                wall, cpu, (h, loss, iters) = timed(cd, args.reps)
                rows.append(dict(k=k, method="candor HALS (tol %g)" % tol, threads=threads,
                                 wall_s=wall, cpu_s=cpu, loss=loss, iterations=int(iters),
                                 npmi=float(np.mean(npmi_topics(presence, top_terms(h))))))

    # Full discovery, k chosen in 4..15 by mean NPMI. candor: tokenizing, TF-IDF,
    # 12 fits, coherence, labels. sklearn: the 12 NMF fits alone on candor's matrix
    # (its tokenizing and coherence not counted), each scored by npmi_topics.
    full = {}
    for threads in (1, 2):
        wall, cpu, chosen = timed(lambda: candor.discover_themes(texts, threads=threads,
                                                                 **common), 3)
        full["candor_threads_%d" % threads] = dict(wall_s=wall, cpu_s=cpu, k=chosen.k,
                                                   mean_npmi=chosen.mean_coherence)
    counts = presence

    def sk_full():
        best = None
        for k in range(4, 16):
            m = NMF(n_components=k, init="nndsvda", solver="cd", tol=1e-4, max_iter=200,
                    random_state=0)
            m.fit(x)
            score = float(np.mean(npmi_topics(counts, top_terms(m.components_))))
            if best is None or score > best[1]:
                best = (k, score)
        return best
    w0 = time.perf_counter()
    c0 = time.process_time()
    k_sk, npmi_sk = sk_full()
    full["sklearn"] = dict(wall_s=time.perf_counter() - w0, cpu_s=time.process_time() - c0,
                           k=k_sk, mean_npmi=npmi_sk)
    # candor's chosen themes rescored by the same Python NPMI (a check of its own score).
    full["candor_npmi_rescored"] = float(np.mean(npmi_topics(
        presence, [[base.terms.index(t) for t in th.top_terms] for th in chosen.themes])))
    full["candor_labels"] = chosen.labels

    env = dict(python=platform.python_version(), sklearn=sklearn.__version__,
               numpy=np.__version__, cpus=os.cpu_count(), load=os.getloadavg(),
               documents=x.shape[0], terms=x.shape[1], nnz=int(x.nnz), reps=args.reps)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "theme_discovery.json").write_text(json.dumps(dict(rows=rows, full=full, env=env),
                                                         indent=1))
    lines = ["| k | method | threads | wall s | CPU s | iterations | loss ‖X−WH‖² | mean NPMI |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        lines.append("| %d | %s | %s | %.3f | %.3f | %d | %.2f | %.4f |" % (
            r["k"], r["method"], r["threads"], r["wall_s"], r["cpu_s"], r["iterations"],
            r["loss"], r["npmi"]))
    lines.append("")
    lines.append("| full discovery (k in 4..15) | wall s | CPU s | k | mean NPMI |")
    lines.append("| --- | --- | --- | --- | --- |")
    for name in ("candor_threads_1", "candor_threads_2", "sklearn"):
        f = full[name]
        lines.append("| %s | %.3f | %.3f | %d | %.4f |" % (name, f["wall_s"], f["cpu_s"],
                                                           f["k"], f["mean_npmi"]))
    lines.append("")
    lines.append("candor's chosen themes rescored by the Python NPMI: %.4f" %
                 full["candor_npmi_rescored"])
    lines.append("labels: " + " | ".join(full["candor_labels"]))
    lines.append("env: %s" % json.dumps(env))
    (out / "theme_discovery.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
