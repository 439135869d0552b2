"""Arrow columns through the PyCapsule interface against the numpy and pandas
inputs a user would otherwise hand candor, side by side in one process.

The Arrow producer is tests/python/arrow_producer.py (ctypes, no pyarrow:
pyarrow is not in Debian); it exports the same numpy buffers, so the
comparison is of candor's two input paths over the same bytes:

  nps, float64      candor.nps(Arrow float64)  vs candor.nps(numpy float64)
                    (read in place: no copy on either path)
  nps, int8         candor.nps(Arrow int8)     vs candor.nps(numpy int8)
  breakdown         candor.breakdown(by=Arrow dictionary strings) vs by=numpy
                    object labels and by=pandas Categorical
  sentiment         candor.sentiment(Arrow utf8) vs a list of str

Each case: the first call and the median of --reps warm calls (each call
exports the producer's array again and candor imports it again, as a user's
call would); ratio = Arrow / the other input.

    CANDOR_LIBRARY=build/bench/libcandor.so PYTHONPATH=bindings/python:tests/python \
        /usr/bin/python3 bench/arrow_columns.py --rows 10000000
"""
import argparse
import os
import statistics
import sys
import time

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "python"))
import arrow_producer as ap  # noqa: E402

import candor  # noqa: E402


def timed(fn, reps):
    start = time.perf_counter()
    fn()
    first = time.perf_counter() - start
    runs = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return first, statistics.median(runs)


def numeric(values, format):
    return ap.Array(format, len(values), [None, values], null_count=0)


def dictionary(codes, labels):
    encoded = ap.Array("c", len(codes), [None, codes.astype(np.int8)], null_count=0)
    encoded.dictionary = ap.array(labels, "utf8")
    return encoded


def utf8(texts):
    encoded = [t.encode() for t in texts]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
    np.cumsum([len(e) for e in encoded], out=offsets[1:])
    data = np.frombuffer(b"".join(encoded), dtype=np.uint8).copy()
    return ap.Array("u", len(encoded), [None, offsets, data], null_count=0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--comments", type=int, default=200_000)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(1)
    scores8 = rng.integers(0, 11, args.rows).astype(np.int8)
    scores = scores8.astype(np.float64)
    labels = ["EMEA", "North America", "APAC", "LATAM"]
    codes = rng.integers(0, len(labels), args.rows)
    region_objects = np.array(labels, dtype=object)[codes]
    region_categorical = pd.Categorical.from_codes(codes, labels)
    words = ["great support", "slow onboarding and a confusing invoice", "love it",
             "the price went up again", "fine", "not happy with the outage last week"]
    comments = [words[k] for k in rng.integers(0, len(words), args.comments)]

    # The Arrow arrays are built once, as a producer hands them over; each
    # call exports them again (new capsules) and candor imports them again.
    arrow_scores = numeric(scores, "g")
    arrow_scores8 = numeric(scores8, "c")
    arrow_region = dictionary(codes, labels)
    arrow_comments = utf8(comments)
    cases = [
        ("nps, float64", lambda: candor.nps(arrow_scores),
         [("numpy float64", lambda: candor.nps(scores))]),
        ("nps, int8", lambda: candor.nps(arrow_scores8),
         [("numpy int8", lambda: candor.nps(scores8))]),
        ("breakdown by region", lambda: candor.breakdown(scores, arrow_region),
         [("numpy object labels", lambda: candor.breakdown(scores, region_objects)),
          ("pandas Categorical", lambda: candor.breakdown(scores, region_categorical))]),
        ("sentiment", lambda: candor.sentiment(arrow_comments),
         [("list of str", lambda: candor.sentiment(comments))]),
    ]
    print("rows %d, comments %d, reps %d; times in ms (first call / median warm call)"
          % (args.rows, args.comments, args.reps))
    print("| case | Arrow | other input | other | ratio warm (Arrow / other) |")
    print("|---|---|---|---|---|")
    for name, arrow_call, others in cases:
        a_first, a_warm = timed(arrow_call, args.reps)
        for other_name, other_call in others:
            o_first, o_warm = timed(other_call, args.reps)
            print("| %s | %.1f / %.1f | %s | %.1f / %.1f | %.2f |"
                  % (name, 1e3 * a_first, 1e3 * a_warm, other_name, 1e3 * o_first,
                     1e3 * o_warm, a_warm / o_warm))


if __name__ == "__main__":
    main()
