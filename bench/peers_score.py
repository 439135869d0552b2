#!/usr/bin/python3
"""NPS with numpy and pandas on the data bench/score_bench.cc measures candor on.

The data come from the same counter-based generator (see
bench/score_bench_data.hpp), written again here in numpy, and are checked
against the reference counts the C++ benchmark writes with --check_out: the
overall counts, the NPS to the last digit, and all per-segment counts.

Timed (medians of --repetitions runs after one warm-up; wall time by
time.perf_counter, and process CPU time, less sensitive to a busy machine):
  numpy_bincount_nps:           np.bincount(scores, minlength=11), then NPS
  numpy_segment_bincount_nps:   np.bincount(seg * 11 + score), then NPS per segment
  pandas_groupby_mean_nps:      score -> +1/0/-1 column, groupby(segment).mean()
  pandas_groupby_value_counts:  groupby(segment)[score].value_counts().unstack()
  pandas_groupby_band_size:     categorical band column, groupby([segment, band]).size()
The output is one JSON object (--out FILE, or stdout).
"""

import argparse
import json
import sys
import time

import numpy as np
import pandas as pd

from peers_common import timed

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
CUMULATIVE_PER_MILLE = np.array([30, 45, 65, 90, 120, 180, 250, 380, 580, 780, 1000],
                                dtype=np.uint64)
SCORE_POINTS = 11


def splitmix64(z):
    """SplitMix64 finalizer on a uint64 array (wraps modulo 2**64 as in C++)."""
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def generate(rows, segments, seed, chunk=1 << 23):
    scores = np.empty(rows, dtype=np.int8)
    segment_codes = np.empty(rows, dtype=np.int32)
    low_mask = np.uint64(0xFFFFFFFF)
    with np.errstate(over="ignore"):
        for begin in range(0, rows, chunk):
            end = min(rows, begin + chunk)
            i = np.arange(begin + 1, end + 1, dtype=np.uint64)
            x = splitmix64(np.uint64(seed) + i * GOLDEN)
            r = ((x >> np.uint64(32)) * np.uint64(1000)) >> np.uint64(32)
            scores[begin:end] = np.searchsorted(CUMULATIVE_PER_MILLE, r, side="right")
            segment_codes[begin:end] = ((x & low_mask) * np.uint64(segments)) >> np.uint64(32)
    return scores, segment_codes


def nps_from_counts(counts):
    """100 * (promoters - detractors) / n per row of counts, rounded once as in C++."""
    counts = np.asarray(counts, dtype=np.int64)
    n = counts[..., :].sum(axis=-1)
    net = counts[..., 9:].sum(axis=-1) - counts[..., :7].sum(axis=-1)
    return 100.0 * net.astype(np.float64) / n.astype(np.float64)


def numpy_bincount_nps(scores):
    counts = np.bincount(scores, minlength=SCORE_POINTS)
    return nps_from_counts(counts), counts


def numpy_segment_bincount_nps(scores, segment_codes, segments):
    keys = segment_codes * SCORE_POINTS + scores  # int32
    counts = np.bincount(keys, minlength=segments * SCORE_POINTS).reshape(segments, SCORE_POINTS)
    return nps_from_counts(counts), counts


def pandas_groupby_mean_nps(df):
    # The idiom: map each score to its NPS value, then a grouped mean.
    score = df["score"].to_numpy()
    value = (score >= 9).astype(np.int8) - (score <= 6).astype(np.int8)
    return df.assign(nps_value=value).groupby("segment")["nps_value"].mean() * 100.0


def pandas_groupby_value_counts(df):
    counts = df.groupby("segment")["score"].value_counts().unstack(fill_value=0)
    counts = counts.reindex(columns=range(SCORE_POINTS), fill_value=0)
    return pd.Series(nps_from_counts(counts.to_numpy()), index=counts.index)


BANDS = pd.CategoricalDtype(["detractor", "passive", "promoter"])


def pandas_groupby_band_size(df):
    codes = np.where(df["score"].to_numpy() >= 9, 2, np.where(df["score"].to_numpy() <= 6, 0, 1))
    band = pd.Categorical.from_codes(codes, dtype=BANDS)
    sizes = df.assign(band=band).groupby(["segment", "band"]).size().unstack(fill_value=0)
    n = sizes.sum(axis=1)
    return 100.0 * (sizes["promoter"] - sizes["detractor"]).astype(np.float64) / n


def time_median(fn, repetitions):
    _, runs = timed(fn, repetitions, warm_up=True)
    return {"median_s": runs.median_wall, "cpu_median_s": runs.median_cpu,
            "runs_s": runs.wall, "cpu_runs_s": runs.cpu}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000_000)
    parser.add_argument("--segments", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--repetitions", type=int, default=7)
    parser.add_argument("--pandas-repetitions", type=int, default=5)
    parser.add_argument("--slow-repetitions", type=int, default=3,
                        help="for pandas value_counts, about 30 s a run at 100M rows")
    parser.add_argument("--check", help="JSON written by candor_score_bench --check_out")
    parser.add_argument("--out", help="write the JSON result here (default: stdout)")
    args = parser.parse_args()

    t0 = time.perf_counter()
    scores, segment_codes = generate(args.rows, args.segments, args.seed)
    print(f"generated {args.rows} rows in {time.perf_counter() - t0:.1f} s", file=sys.stderr)

    # Correctness first: every method must agree with the C++ reference.
    nps, counts = numpy_bincount_nps(scores)
    seg_nps, seg_counts = numpy_segment_bincount_nps(scores, segment_codes, args.segments)
    df = pd.DataFrame({"segment": segment_codes, "score": scores})
    checks = {"numpy_nps": repr(float(nps))}
    if args.check:
        with open(args.check) as f:
            ref = json.load(f)
        if (ref["rows"], ref["segments"], ref["seed"]) != (args.rows, args.segments, args.seed):
            sys.exit(f"check file is for rows/segments/seed {ref['rows']}/{ref['segments']}/"
                     f"{ref['seed']}, not {args.rows}/{args.segments}/{args.seed}")
        ref_seg = np.fromfile(ref["segment_counts_file"], dtype="<i8").reshape(-1, SCORE_POINTS)
        checks.update({
            "counts_equal": bool(np.array_equal(counts, ref["counts"])),
            "segment_counts_equal": bool(np.array_equal(seg_counts, ref_seg)),
            "reference_nps": ref["reference_nps"],
            "candor_nps": ref["candor_nps"],
            "nps_equal_to_last_digit": float(ref["reference_nps"]) == float(nps),
        })
    for name, fn in [("pandas_groupby_mean_nps", pandas_groupby_mean_nps),
                     ("pandas_groupby_value_counts", pandas_groupby_value_counts),
                     ("pandas_groupby_band_size", pandas_groupby_band_size)]:
        got = fn(df).reindex(range(args.segments)).to_numpy()
        checks[name + "_max_abs_diff"] = float(np.max(np.abs(got - seg_nps)))
    print(json.dumps(checks, indent=1), file=sys.stderr)
    ok = all(v for k, v in checks.items() if k.endswith("_equal") or k.endswith("_digit"))
    ok = ok and all(v <= 1e-9 for k, v in checks.items() if k.endswith("_max_abs_diff"))
    if not ok:
        sys.exit("peers disagree with the reference counts: not timing")

    timings = {
        "numpy_bincount_nps": time_median(lambda: numpy_bincount_nps(scores), args.repetitions),
        "numpy_segment_bincount_nps": time_median(
            lambda: numpy_segment_bincount_nps(scores, segment_codes, args.segments),
            args.repetitions),
    }
    for name, fn in [("pandas_groupby_mean_nps", pandas_groupby_mean_nps),
                     ("pandas_groupby_value_counts", pandas_groupby_value_counts),
                     ("pandas_groupby_band_size", pandas_groupby_band_size)]:
        reps = args.slow_repetitions if name == "pandas_groupby_value_counts" else \
            args.pandas_repetitions
        timings[name] = time_median(lambda: fn(df), reps)
        print(f"{name}: {timings[name]['median_s']:.3f} s", file=sys.stderr)

    result = {
        "rows": args.rows, "segments": args.segments, "seed": args.seed,
        "numpy": np.__version__, "pandas": pd.__version__, "python": sys.version.split()[0],
        "checks": checks, "timings": timings,
    }
    text = json.dumps(result, indent=1)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
