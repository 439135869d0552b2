"""The outer loop's peers: the pandas + numpy code a user would write for the
same ranked table (explode the theme mentions, flag detractors, group by
theme, count and sum ARR over distinct detractor accounts, a numpy bootstrap
by account for the ARR interval, the NPS without each theme), and
candor.outer_loop through Python (first call included).

  peers_outer_loop.py --generate DIR --rows N --accounts A --themes T --seed S
  peers_outer_loop.py --time DIR --repetitions R   > peers.json
  peers_outer_loop.py --table DIR                  (the side by side)
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np
import pandas as pd


def generate(out, rows, accounts, themes, seed):
    rng = np.random.default_rng(seed)
    account = rng.integers(0, accounts, rows).astype(np.int32)
    rates = np.linspace(0.03, 0.25, themes)
    mentions = rng.random((rows, themes)) < rates
    logit = -1.0 + mentions @ rng.normal(0, 0.5, themes)
    detractor = rng.random(rows) < 1 / (1 + np.exp(-logit))
    scores = np.where(detractor, rng.integers(0, 7, rows), rng.integers(7, 11, rows))
    r, c = np.nonzero(mentions)
    offsets = np.zeros(rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(r, minlength=rows), out=offsets[1:])
    scores.astype(np.float64).tofile(os.path.join(out, "scores.f64"))
    account.tofile(os.path.join(out, "accounts.i32"))
    np.round(rng.lognormal(10, 1, accounts), 2).tofile(os.path.join(out, "arr.f64"))
    offsets.tofile(os.path.join(out, "offsets.i64"))
    c.astype(np.int32).tofile(os.path.join(out, "ids.i32"))


def load(out):
    scores = np.fromfile(os.path.join(out, "scores.f64"))
    account = np.fromfile(os.path.join(out, "accounts.i32"), dtype=np.int32)
    arr = np.fromfile(os.path.join(out, "arr.f64"))
    offsets = np.fromfile(os.path.join(out, "offsets.i64"), dtype=np.int64)
    ids = np.fromfile(os.path.join(out, "ids.i32"), dtype=np.int32)
    return scores, account, arr, offsets, ids


def pandas_outer_loop(scores, account, arr, offsets, ids, replicates=2000, seed=0):
    """What a pandas user writes (long format of the mentions, groupby)."""
    themes = int(ids.max()) + 1
    comment = np.repeat(np.arange(len(scores)), np.diff(offsets))
    frame = pd.DataFrame({"score": scores, "account": account})
    frame["value"] = np.where(frame.score >= 9, 100.0, np.where(frame.score <= 6, -100.0, 0.0))
    frame["detractor"] = frame.score <= 6
    long = frame.iloc[comment].assign(theme=ids)
    grouped = long.groupby("theme")
    table = pd.DataFrame({"comments": grouped.size(),
                          "detractor_comments": grouped.detractor.sum(),
                          "accounts": grouped.account.nunique()})
    at_risk = long[long.detractor].drop_duplicates(["theme", "account"])
    at_risk = at_risk.assign(arr=arr[at_risk.account.to_numpy()])
    table["detractor_accounts"] = at_risk.groupby("theme").size()
    table["arr_at_risk"] = at_risk.groupby("theme").arr.sum()
    # NPS without the theme's comments.
    total, count = frame.value.sum(), len(frame)
    sums = long.groupby("theme").value.sum()
    table["impact"] = total / count - (total - sums) / (count - table.comments)
    # Bootstrap by account: resample the accounts with a comment.
    present = np.unique(account)
    matrix = np.zeros((len(present), themes))
    position = np.searchsorted(present, at_risk.account.to_numpy())
    matrix[position, at_risk.theme.to_numpy()] = at_risk.arr.to_numpy()
    rng = np.random.default_rng(seed)
    totals = np.empty((replicates, themes))
    for r in range(replicates):
        totals[r] = matrix[rng.integers(0, len(present), len(present))].sum(axis=0)
    table["arr_ci_low"] = np.quantile(totals, 0.025, axis=0)
    table["arr_ci_high"] = np.quantile(totals, 0.975, axis=0)
    return table.sort_values("arr_at_risk", ascending=False)


def candor_python(scores, account, arr, offsets, ids):
    import candor
    import scipy.sparse
    # The mentions as a user holds them for many comments: a sparse 0/1 matrix.
    mentions = scipy.sparse.csr_matrix(
        (np.ones(len(ids), dtype=np.int8), ids, offsets), shape=(len(scores), int(ids.max()) + 1))
    arr_by_account = pd.Series(arr)  # ARR indexed by account
    return candor.outer_loop(scores, mentions, account, arr=arr_by_account, quotes=0)


def timed(function, repetitions):
    seconds = []
    for _ in range(repetitions):
        start = time.perf_counter()
        result = function()
        seconds.append(time.perf_counter() - start)
    return seconds, result


def time_peers(out, repetitions):
    data = load(out)
    pandas_seconds, table = timed(lambda: pandas_outer_loop(*data), repetitions)
    np.save(os.path.join(out, "pandas_table.npy"),
            table.sort_index()[["arr_at_risk", "arr_ci_low", "arr_ci_high"]].to_numpy())
    # Through Python: a fresh interpreter, so the first call pays the import,
    # the library load and the conversion of the inputs.
    first = subprocess.run(
        [sys.executable, "-c",
         "import time, sys; t = time.perf_counter(); sys.path.insert(0, %r);"
         "import peers_outer_loop as p; d = p.load(%r); p.candor_python(*d);"
         "print(time.perf_counter() - t)" % (os.path.dirname(os.path.abspath(__file__)), out)],
        check=True, capture_output=True, text=True, env=os.environ)
    python_seconds, _ = timed(lambda: candor_python(*data), repetitions)
    json.dump({"pandas_median_s": statistics.median(pandas_seconds),
               "candor_python_first_call_s": float(first.stdout.strip().splitlines()[-1]),
               "candor_python_median_s": statistics.median(python_seconds)}, sys.stdout)
    print()


def table(out):
    peers = json.load(open(os.path.join(out, "peers.json")))
    cpp = {t: json.loads(open(os.path.join(out, "candor_t%d.json" % t)).read()) for t in (1, 2)}
    ours = np.fromfile(os.path.join(out, "candor_outer_loop.f64")).reshape(-1, 3)
    theirs = np.load(os.path.join(out, "pandas_table.npy"))
    assert np.allclose(ours[:, 0], theirs[:, 0], rtol=1e-12), "ARR at risk differs from pandas"
    # candor reports no interval (NaN) where numpy's would have zero width.
    reported = ~np.isnan(ours[:, 1])
    assert np.all(theirs[~reported, 2] == theirs[~reported, 1]), "an interval is missing"
    ours, theirs = ours[reported], theirs[reported]
    width = np.maximum(theirs[:, 2] - theirs[:, 1], 1e-12)
    drift = np.max(np.abs(ours[:, 1:] - theirs[:, 1:]) / width[:, None])
    print("rows %d, themes %d, accounts %d, %d replicates" % (
        cpp[1]["rows"], cpp[1]["themes"], cpp[1]["accounts"], cpp[1]["replicates"]))
    print("ARR at risk equal to pandas; interval ends within %.3f interval widths of numpy's"
          % drift)
    print("%-40s %10s %8s" % ("", "median s", "vs pandas"))
    base = peers["pandas_median_s"]
    for name, seconds in [("pandas + numpy bootstrap", base),
                          ("candor C++, 1 thread", cpp[1]["median_s"]),
                          ("candor C++, 2 threads", cpp[2]["median_s"]),
                          ("candor.outer_loop (Python), median", peers["candor_python_median_s"]),
                          ("candor.outer_loop (Python), first call",
                           peers["candor_python_first_call_s"])]:
        print("%-40s %10.3f %7.1fx" % (name, seconds, base / seconds))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--generate")
    parser.add_argument("--time")
    parser.add_argument("--table")
    parser.add_argument("--rows", type=int, default=1000000)
    parser.add_argument("--accounts", type=int, default=50000)
    parser.add_argument("--themes", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repetitions", type=int, default=3)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate, args.rows, args.accounts, args.themes, args.seed)
    if args.time:
        time_peers(args.time, args.repetitions)
    if args.table:
        table(args.table)


if __name__ == "__main__":
    main()
