#!/usr/bin/python3
"""What Python users meet: candor.nps on 100M int8 scores next to the same C
call made directly (ctypes, options built once), and candor.sentiment on
1,000 reviews (a first call in a fresh process, and warm calls) next to the
library's own analysis of the same texts through the C ABI and AFINN (npm
`sentiment`) measured in the same run.

    bench/run_python.sh                # builds nothing; uses CANDOR_LIBRARY or build/dev
    PYTHONPATH=bindings/python CANDOR_LIBRARY=build/dev/libcandor.so \\
        /usr/bin/python3 bench/python_bindings.py [--rows N] [--reps R] [--fresh F] \\
        [--rounds K]

Prints a markdown table: medians (slowest-fastest) and the targets' ratios.
Every timed result is checked against an independent computation first.
"""
import argparse
import csv
import ctypes
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bindings" / "python"))

import candor  # noqa: E402
from candor import _capi, _convert, _lib  # noqa: E402


def timed(fn, reps):
    """Seconds of each of reps calls of fn, after one untimed call."""
    fn()
    out = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def timed_together(fns, reps):
    """Seconds of each fn over reps rounds, the fns called in turn within a
    round (after one untimed round): on a shared machine the load drifts,
    and taking the calls in turn exposes each to the same drift."""
    for fn in fns:
        fn()
    out = [[] for _ in fns]
    for _ in range(reps):
        for fn, seconds in zip(fns, out):
            start = time.perf_counter()
            fn()
            seconds.append(time.perf_counter() - start)
    return out


def fmt(seconds, unit=1e3):
    return "%.2f (%.2f-%.2f)" % (statistics.median(seconds) * unit, min(seconds) * unit,
                                 max(seconds) * unit)


def nps_section(rows, reps):
    rng = np.random.default_rng(20240601)
    scores = rng.integers(0, 11, rows, dtype=np.int8)
    counts = np.bincount(scores, minlength=11)
    expected = 100 * (counts[9:].sum() - counts[:7].sum()) / rows
    options = _convert.score_options("nps")
    out = _capi.CEstimate()
    pointer = scores.ctypes.data_as(_capi.int8_p)

    def c_call():
        _lib.check(_lib.lib.candor_score_i8(ctypes.byref(options), pointer, rows,
                                            ctypes.byref(out)))

    def python_call():
        return candor.nps(scores)

    c_call()
    assert abs(out.value - expected) < 1e-9 and abs(python_call().value - expected) < 1e-9
    c_times, py_times = timed_together([c_call, python_call], reps)
    ratio = statistics.median(py_times) / statistics.median(c_times)
    print("### candor.nps on %s int8 scores (ms per call, median (fastest-slowest) of %d)\n"
          % (format(rows, ","), reps))
    print("| call | ms | x C call |\n|---|---:|---:|")
    print("| C ABI candor_score_i8 via ctypes, options built once | %s | 1.00 |" % fmt(c_times))
    paired = statistics.median(p / c for p, c in zip(py_times, c_times))
    print("| candor.nps(scores) | %s | %.2f |" % (fmt(py_times), ratio))
    print("\nTarget: Python within 1.3x of the C call: %s (%.2fx, ratio of medians; median of "
          "the %d paired ratios %.2fx).\n"
          % ("met" if ratio <= 1.3 else "NOT met", ratio, reps, paired))
    return ratio


def reviews(n):
    with open(ROOT / "bench" / "data" / "fine_foods_train.csv", newline="",
              encoding="utf-8") as f:
        return [row["review"] for _, row in zip(range(n), csv.DictReader(f))]


FIRST_CALL = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
import candor
texts = json.load(open(sys.argv[2]))
start = time.perf_counter()
values = candor.sentiment(texts)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "first": float(values[0])}))
"""


def afinn_rate(texts_path, reps):
    peers = ROOT / "bench" / "peers_sentiment"
    if not (peers / "node_modules" / "sentiment").is_dir():
        return None
    result = subprocess.run(["node", str(peers / "afinn_rate.js"), texts_path, str(reps)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def sentiment_section(n, reps, fresh, rounds):
    """Rounds of (fresh processes' first calls, warm calls, AFINN's passes):
    this machine's speed drifts within seconds, so each round's ratios
    compare calls made close together, and the targets are judged on the
    median of the rounds' ratios; the table pools every round's calls."""
    texts = reviews(n)
    assert len(texts) == n
    model = candor.TextModel()
    reference = model.analyze(texts).sentiment  # the whole pipeline's sentiment
    values = candor.sentiment(texts)
    np.testing.assert_array_equal(values, reference)
    np.testing.assert_array_equal(candor.sentiment(texts, threads=1), values)

    first, warm, one_thread, c_abi, afinn_seconds = [], [], [], [], []
    first_ratios, afinn_ratios = [], []
    afinn = None
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "texts.json")
        with open(path, "w") as f:
            json.dump(texts, f)
        env = dict(os.environ, CANDOR_LIBRARY=candor.library_path)
        for _ in range(rounds):
            round_first = []
            for _ in range(fresh):
                result = subprocess.run([sys.executable, "-c", FIRST_CALL,
                                         str(ROOT / "bindings" / "python"), path],
                                        capture_output=True, text=True, check=True, env=env)
                run = json.loads(result.stdout)
                assert run["first"] == values[0]
                round_first.append(run["seconds"])
            round_warm, round_one, round_c = timed_together(
                [lambda: candor.sentiment(texts), lambda: candor.sentiment(texts, threads=1),
                 lambda: model.analyze(texts)], reps)
            afinn = afinn_rate(path, reps)
            first += round_first
            warm += round_warm
            one_thread += round_one
            c_abi += round_c
            first_ratios.append(statistics.median(round_first) / statistics.median(round_warm))
            if afinn:
                afinn_seconds += afinn["seconds"]
                afinn_ratios.append(afinn["median_seconds"] / statistics.median(round_warm))

    def rate(seconds):
        return n / statistics.median(seconds)

    print("### candor.sentiment on %d fine-food reviews (ms per call, median (fastest-slowest) "
          "of %d rounds)\n" % (n, rounds))
    print("| call | ms | reviews/s | x AFINN |\n|---|---:|---:|---:|")
    afinn_rate_value = rate(afinn_seconds) if afinn else float("nan")
    for name, seconds in (("candor.sentiment, first call in a fresh process (%d processes)"
                           % len(first), first),
                          ("candor.sentiment, warm (%d calls)" % len(warm), warm),
                          ("candor.sentiment(threads=1), warm (%d calls)" % len(one_thread),
                           one_thread),
                          ("TextModel.analyze (whole pipeline, model kept; %d calls)"
                           % len(c_abi), c_abi)):
        print("| %s | %s | %s | %.2f |" % (name, fmt(seconds), format(round(rate(seconds)), ","),
                                           rate(seconds) / afinn_rate_value))
    if afinn:
        print("| AFINN, npm sentiment %s on node %s (%d passes after a warm-up each round) "
              "| %s | %s | 1.00 |"
              % (afinn["sentiment"], afinn["node"], len(afinn_seconds), fmt(afinn_seconds),
                 format(round(afinn_rate_value), ",")))
    first_ratio = statistics.median(first_ratios)
    afinn_ratio = statistics.median(afinn_ratios) if afinn_ratios else float("nan")
    print("\nPer round, first call / warm: %s; warm x AFINN: %s."
          % (", ".join("%.2f" % r for r in first_ratios),
             ", ".join("%.2f" % r for r in afinn_ratios)))
    print("\nTargets (medians of the rounds' ratios): first call within 1.5x of a warm one: "
          "%s (%.2fx); sentiment through Python >= 2x AFINN: %s (%.2fx warm).\n"
          % ("met" if first_ratio <= 1.5 else "NOT met", first_ratio,
             "met" if afinn_ratio >= 2 else "NOT met", afinn_ratio))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000_000)
    parser.add_argument("--reps", type=int, default=11)
    parser.add_argument("--reviews", type=int, default=1000)
    parser.add_argument("--fresh", type=int, default=3,
                        help="fresh processes for first calls, per round")
    parser.add_argument("--rounds", type=int, default=5,
                        help="rounds of first calls, warm calls and AFINN")
    args = parser.parse_args()
    print("library: %s (candor %s); Python %s; numpy %s; %d cores; load %s\n"
          % (os.path.relpath(candor.library_path, ROOT), candor.__version__,
             sys.version.split()[0], np.__version__, os.cpu_count(),
             open("/proc/loadavg").read().split()[:3]))
    nps_section(args.rows, args.reps)
    sentiment_section(args.reviews, args.reps, args.fresh, args.rounds)


if __name__ == "__main__":
    main()
