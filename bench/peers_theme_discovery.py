"""Theme discovery: candor next to scikit-learn's NMF on the same TF-IDF.

candor builds the vocabulary and TF-IDF of the 4,000 fine-food reviews
(bench/data/fine_foods_train.csv) through its C ABI; that very matrix goes to
sklearn.decomposition.NMF(init='nndsvda', solver='cd') and to candor's NMF
(candor_nmf) with the same k, tol and max_iter, for seeds 0..N-1 of both (the
NMF start is randomized, and the themes' NPMI moves with it). Wall time is the
median over seeds of the median of reps (process CPU time alongside). Both
topic sets are scored by the one NPMI function below over candor's
document-term counts.

Note the stopping rules differ: sklearn stops when its projected-gradient
violation falls below tol times the first one; candor when the loss falls by
less than tol relatively. So the final losses are reported, and candor is also
run with tol = 1e-5 and 1e-6 (closer to, not always below, sklearn's loss).
Full discovery: candor's time covers tokenizing, TF-IDF, 12 fits, coherence
and labels; sklearn's covers its 12 NMF fits and their NPMI scoring only.

Usage: CANDOR_LIBRARY=build/nmf-rel/libcandor.so PYTHONPATH=bindings/python \
       /usr/bin/python3 bench/peers_theme_discovery.py [--reps 3] [--seeds 10] [--out bench/out]
       [--dump DIR: only write the TF-IDF for bench/nmf_bench.cc]
"""
import argparse
import csv
import json
import os
import pathlib
import platform
import statistics
import warnings

import numpy as np
import scipy.sparse
import sklearn
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning

import candor
import peers_common
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
    """The median wall and CPU seconds of reps calls of fn, and its last result."""
    result, runs = peers_common.timed(fn, reps)
    return runs.median_wall, runs.median_cpu, result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=3, help="timed runs per seed")
    parser.add_argument("--seeds", type=int, default=10,
                        help="seeds 0..N-1 of both NMFs (NPMI varies with the start)")
    parser.add_argument("--ks", default="10,15,20")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out"))
    parser.add_argument("--dump", metavar="DIR",
                        help="write the TF-IDF as CSR arrays for bench/nmf_bench.cc and stop")
    args = parser.parse_args()
    # sklearn warns when a fit reaches max_iter (some seeds at k = 15); the
    # iteration counts in the table show it.
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    with open(ROOT / "bench" / "data" / "fine_foods_train.csv", newline="") as f:
        texts = [row["review"] for row in csv.DictReader(f)]
    common = dict(extra_stop_words=["br"], language="en", seed=0)

    # candor's vocabulary and TF-IDF (one fit with k = 10 to get the handle's matrices).
    base = candor.discover_themes(texts, k=10, threads=1, **common)
    x = base.tfidf_csr("tfidf")
    presence = (base.tfidf_csr("counts") > 0).tocsc()
    if args.dump:
        dump = pathlib.Path(args.dump)
        dump.mkdir(parents=True, exist_ok=True)
        peers_common.write_column(dump, "row_ptr.i64", x.indptr)
        peers_common.write_column(dump, "col.i32", x.indices)
        peers_common.write_column(dump, "value.f64", x.data)
        return
    seeds = list(range(args.seeds))

    def summarize(runs):
        """runs: one (wall, cpu, loss, iterations, npmi) per seed."""
        col = lambda i: [r[i] for r in runs]
        return dict(wall_s=statistics.median(col(0)), cpu_s=statistics.median(col(1)),
                    loss=float(np.mean(col(2))), iterations=float(np.mean(col(3))),
                    npmi=float(np.mean(col(4))), npmi_min=min(col(4)), npmi_max=max(col(4)),
                    npmi_per_seed=col(4))

    rows = []
    for k in [int(v) for v in args.ks.split(",")]:
        runs = []
        for seed in seeds:
            def sk():
                m = NMF(n_components=k, init="nndsvda", solver="cd", tol=1e-4, max_iter=200,
                        random_state=seed)
                m.fit_transform(x)
                return m.components_, m.reconstruction_err_ ** 2, m.n_iter_
            wall, cpu, (h, loss, iters) = timed(sk, args.reps)
            runs.append((wall, cpu, loss, iters, float(np.mean(npmi_topics(presence, top_terms(h))))))
        rows.append(dict(k=k, method="sklearn NMF cd (tol 1e-4)", threads="as shipped",
                         **summarize(runs)))
        for tol, threads in ((1e-4, 1), (1e-4, 2), (1e-5, 1), (1e-5, 2), (1e-6, 2)):
            runs = []
            for seed in seeds:
                def cd():
                    w, h, loss, iters = text_discovery.nmf(x, k, tol=tol, max_iter=200,
                                                           threads=threads, seed=seed)
                    return h, loss, iters
                wall, cpu, (h, loss, iters) = timed(cd, args.reps)
                runs.append((wall, cpu, loss, iters,
                             float(np.mean(npmi_topics(presence, top_terms(h))))))
            rows.append(dict(k=k, method="candor HALS (tol %g)" % tol, threads=threads,
                             **summarize(runs)))

    # Full discovery, k chosen in 4..15 by mean NPMI. candor: tokenizing, TF-IDF,
    # 12 fits, coherence, labels. sklearn: the 12 NMF fits alone on candor's matrix
    # (its tokenizing and coherence not counted), each scored by npmi_topics.
    def sk_full(seed):
        best = None
        for k in range(4, 16):
            m = NMF(n_components=k, init="nndsvda", solver="cd", tol=1e-4, max_iter=200,
                    random_state=seed)
            m.fit(x)
            score = float(np.mean(npmi_topics(presence, top_terms(m.components_))))
            if best is None or score > best[1]:
                best = (k, score)
        return best

    full = {}
    for name, fn in (("candor, 1 thread", lambda seed: candor.discover_themes(
                          texts, threads=1, **dict(common, seed=seed))),
                     ("candor, 2 threads", lambda seed: candor.discover_themes(
                          texts, threads=2, **dict(common, seed=seed))),
                     ("sklearn", sk_full)):
        walls, cpus, ks, npmis = [], [], [], []
        for seed in seeds:
            wall, cpu, chosen = timed(lambda: fn(seed), 1 if name == "sklearn" else args.reps)
            k, npmi = (chosen if name == "sklearn" else (chosen.k, chosen.mean_coherence))
            walls.append(wall), cpus.append(cpu), ks.append(k), npmis.append(npmi)
            if name == "candor, 1 thread" and seed == 0:
                # candor's chosen themes rescored by the Python NPMI (a check of its own score).
                full["candor_npmi_rescored"] = float(np.mean(npmi_topics(
                    presence, [[base.terms.index(t) for t in th.top_terms]
                               for th in chosen.themes])))
                full["candor_labels"] = chosen.labels
        full[name] = dict(wall_s=statistics.median(walls), cpu_s=statistics.median(cpus),
                          k=ks, npmi=float(np.mean(npmis)), npmi_min=min(npmis),
                          npmi_max=max(npmis), npmi_per_seed=npmis)

    env = dict(python=platform.python_version(), sklearn=sklearn.__version__,
               numpy=np.__version__, cpus=os.cpu_count(), load=os.getloadavg(),
               documents=x.shape[0], terms=x.shape[1], nnz=int(x.nnz), reps=args.reps,
               seeds=len(seeds))
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "theme_discovery.json").write_text(json.dumps(dict(rows=rows, full=full, env=env),
                                                         indent=1))
    sk_wall = {r["k"]: r["wall_s"] for r in rows if r["method"].startswith("sklearn")}
    lines = ["Wall and CPU s: median over %d seeds of the median of %d runs; iterations, loss "
             "and NPMI: mean over the seeds (NPMI range in brackets)." % (len(seeds), args.reps),
             "",
             "| k | method | threads | wall s | CPU s | x sklearn | iterations | "
             "loss ‖X−WH‖² | mean NPMI [min, max] |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        lines.append("| %d | %s | %s | %.3f | %.3f | %.1f | %.1f | %.2f | %.4f [%.4f, %.4f] |" % (
            r["k"], r["method"], r["threads"], r["wall_s"], r["cpu_s"],
            sk_wall[r["k"]] / r["wall_s"], r["iterations"], r["loss"], r["npmi"],
            r["npmi_min"], r["npmi_max"]))
    lines.append("")
    lines.append("| full discovery (k in 4..15) | wall s | CPU s | x sklearn | k per seed | "
                 "mean NPMI [min, max] |")
    lines.append("| --- | ---: | ---: | ---: | --- | --- |")
    for name in ("candor, 1 thread", "candor, 2 threads", "sklearn"):
        f = full[name]
        lines.append("| %s | %.3f | %.3f | %.1f | %s | %.4f [%.4f, %.4f] |" % (
            name, f["wall_s"], f["cpu_s"], full["sklearn"]["wall_s"] / f["wall_s"],
            ", ".join(str(k) for k in f["k"]), f["npmi"], f["npmi_min"], f["npmi_max"]))
    lines.append("")
    lines.append("candor's chosen themes (seed 0) rescored by the Python NPMI: %.4f" %
                 full["candor_npmi_rescored"])
    lines.append("labels (seed 0): " + " | ".join(full["candor_labels"]))
    lines.append("env: %s" % json.dumps(env))
    (out / "theme_discovery.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
