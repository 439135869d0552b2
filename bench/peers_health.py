"""Health scorecards, the pandas / numpy way, on the accounts candor scores.

bench/health_bench.cc writes the data to DIR: one column per measure
(<name>.f64, NaN = missing), segment.i32 with segments.txt, the scorecard
(scorecard.json) and candor's answers (candor_score.f64,
candor_coverage.f64, candor_grade.i32, candor_top_reason.i32).

--pandas DIR: the same scorecard written as a data analyst would, vectorized:
np.clip for linear measures, pd.cut for tiers, np.where for booleans,
groupby(segment).rank(method="average") for percentiles (turned into
candor's mid-rank 100 (rank - 0.5) / count), groupby transform for the
z-scores, weighted means renormalized over the present measures and groups,
and an argsort of the points lost for the top three reasons. First CHECKS
that its score, coverage, grade and top reason agree with candor's on the same bytes
(and stops if not), then times itself; prints JSON.
--candor-python DIR: candor.health (DataFrame in, DataFrame out, the reasons
in words included) in this fresh process: the clock starts before numpy,
pandas and candor are imported; the first call, then the median; checks
that its score and coverage equal the C++ program's; prints JSON.
--table DIR: the side-by-side table of bench/run_health.sh.
"""
import argparse
import json
import os
import statistics
import sys
import time

START = time.perf_counter()  # --candor-python: before any import of numpy, pandas, candor

# How far the peer may be from candor: sums in another order.
TOLERANCE = 1e-9
REASON_THRESHOLD = 0.5  # candor's: a loss of at most this many points is not a reason


def read_accounts(out):
    """The accounts as a DataFrame (one float column per measure, the
    segment as a categorical) and the scorecard (a dict)."""
    import numpy as np
    import pandas as pd
    with open(os.path.join(out, "scorecard.json")) as f:
        card = json.load(f)
    with open(os.path.join(out, "segments.txt")) as f:
        segment_names = f.read().split()
    columns = {m["name"]: np.fromfile(os.path.join(out, m["name"] + ".f64"), dtype="<f8")
               for m in card["measures"]}
    codes = np.fromfile(os.path.join(out, "segment.i32"), dtype="<i4")
    df = pd.DataFrame(columns)
    df["segment"] = pd.Categorical.from_codes(codes, segment_names)
    return df, card


def measure_points(df, m):
    """One measure's points (NaN when missing), vectorized."""
    import numpy as np
    import pandas as pd
    x = df[m["name"]]
    transform = m.get("transform", "linear")
    if transform == "linear":
        zero_at, full_at = m.get("zero_at", 0), m.get("full_at", 100)
        return np.clip((x.to_numpy() - zero_at) * (100 / (full_at - zero_at)), 0, 100)
    if transform == "tiers":
        # Consecutive [low, high) bands, as the benchmark's scorecard has them.
        tiers = m["tiers"]
        def bound(value, open_end):
            return open_end if value is None else value
        edges = ([bound(tiers[0].get("low"), -np.inf)] +
                 [bound(t.get("high"), np.inf) for t in tiers])
        assert all(t.get("low") == edges[k] for k, t in enumerate(tiers) if k > 0)
        assert all(t.get("low_inclusive", True) and not t.get("high_inclusive", False)
                   for t in tiers)
        band = pd.cut(x, bins=edges, right=False, labels=False)  # NaN: missing
        points = np.array([t["points"] for t in tiers] + [np.nan], dtype=float)
        return points[band.fillna(len(tiers)).to_numpy(dtype=int)]
    if transform == "boolean":
        values = x.to_numpy()
        return np.where(np.isnan(values), np.nan,
                        np.where(values != 0, m.get("true_points", 100),
                                 m.get("false_points", 0)))
    by_segment = x.groupby(df["segment"], observed=True)
    if transform == "percentile":
        rank = by_segment.rank(method="average")  # NaN stays NaN
        count = by_segment.transform("count")
        points = (100 * (rank - 0.5) / count).to_numpy()
        return points if m.get("higher_is_better", True) else 100 - points
    if transform == "z_score":
        mean = by_segment.transform("mean")
        sd = by_segment.transform("std")  # n - 1; NaN for a single account
        sign = 1 if m.get("higher_is_better", True) else -1
        z = ((x - mean) / sd).to_numpy()
        points = np.clip(50 + 50 * sign * z / m.get("z_span", 2), 0, 100)
        points = np.where(sd.fillna(0).to_numpy() > 0, points, 50.0)
        return np.where(x.isna().to_numpy(), np.nan, points)
    raise ValueError("transform %r" % transform)


def pandas_scorecard(df, card):
    """score, coverage, the top-3 reasons (measure indexes, -1 for none),
    the points lost per measure and the grade (an index into the grades,
    -1 for none) of every account, under
    weighted_mean and renormalize."""
    import numpy as np
    assert card.get("missing", "renormalize") == "renormalize"
    assert card.get("combine", "weighted_mean") == "weighted_mean"
    measures = card["measures"]
    group_names = [g["name"] for g in card["groups"]]
    group_weight = np.array([g.get("weight", 1) for g in card["groups"]], dtype=float)
    group_of = np.array([group_names.index(m["group"]) for m in measures])
    measure_weight = np.array([m.get("weight", 1) for m in measures], dtype=float)

    points = np.column_stack([measure_points(df, m) for m in measures])  # n x m
    present = ~np.isnan(points)
    weight = present * measure_weight  # the present measures' weights
    earned = np.where(present, points, 0) * measure_weight
    n = len(df)
    group_present = np.zeros((n, len(group_names)))
    group_score = np.zeros((n, len(group_names)))
    for g in range(len(group_names)):
        in_group = group_of == g
        group_present[:, g] = weight[:, in_group].sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            group_score[:, g] = earned[:, in_group].sum(axis=1) / group_present[:, g]
    has_data = group_present > 0
    group_share = np.where(has_data, group_weight, 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        group_share = group_share / group_share.sum(axis=1, keepdims=True)
        score = (np.where(has_data, group_score, 0) * group_share).sum(axis=1)
    score[~has_data.any(axis=1)] = np.nan
    nominal = np.bincount(group_of, weights=measure_weight, minlength=len(group_names))
    coverage = (group_present / nominal * group_weight).sum(axis=1) / group_weight.sum()

    # A measure's most (its share) and what it added; the reasons are the
    # largest losses above the threshold.
    with np.errstate(invalid="ignore", divide="ignore"):
        max_contribution = 100 * group_share[:, group_of] * weight / group_present[:, group_of]
    max_contribution = np.nan_to_num(max_contribution)
    contribution = max_contribution * np.where(present, points, 0) / 100
    lost = max_contribution - contribution
    top = np.argsort(-lost, axis=1, kind="stable")[:, :card.get("reasons", 3)]
    top_lost = np.take_along_axis(lost, top, axis=1)
    top = np.where(top_lost > REASON_THRESHOLD, top, -1)
    # Grades, best first: the first whose lowest score the score reaches.
    grades = card.get("grades", [{"name": "healthy", "min_score": 70},
                                 {"name": "at risk", "min_score": 40},
                                 {"name": "critical", "min_score": 0}])
    grade = np.select([score >= (-np.inf if g["min_score"] is None else g["min_score"])
                       for g in grades], list(range(len(grades))), default=-1)
    return score, coverage, top, lost, grade


def check_against_candor(out, score, coverage, top, lost, grade):
    """The largest differences from candor's answers, the accounts graded
    otherwise, and whether the top reasons are the same measure (or tie on
    the points lost)."""
    import numpy as np
    c_score = np.fromfile(os.path.join(out, "candor_score.f64"), dtype="<f8")
    c_coverage = np.fromfile(os.path.join(out, "candor_coverage.f64"), dtype="<f8")
    c_top = np.fromfile(os.path.join(out, "candor_top_reason.i32"), dtype="<i4")
    c_grade = np.fromfile(os.path.join(out, "candor_grade.i32"), dtype="<i4")
    graded_otherwise = int(np.count_nonzero(grade != c_grade))
    same_nan = bool(np.array_equal(np.isnan(score), np.isnan(c_score)))
    score_diff = float(np.nanmax(np.abs(score - c_score)))
    coverage_diff = float(np.max(np.abs(coverage - c_coverage)))
    differ = np.flatnonzero(top[:, 0] != c_top)
    # A different measure is only allowed where both lose the same points.
    real = differ[(c_top[differ] < 0) | (top[differ, 0] < 0) |
                  (np.abs(lost[differ, np.maximum(c_top[differ], 0)] -
                          lost[differ, np.maximum(top[differ, 0], 0)]) > TOLERANCE)]
    return {"score_max_abs_diff": score_diff, "coverage_max_abs_diff": coverage_diff,
            "missing_scores_agree": same_nan, "top_reason_differs": int(len(differ)),
            "top_reason_differs_not_tied": int(len(real)), "graded_otherwise": graded_otherwise,
            "agree": bool(same_nan and score_diff <= TOLERANCE and coverage_diff <= TOLERANCE
                          and len(real) == 0 and graded_otherwise == 0)}


def time_pandas(out, repetitions):
    from peers_common import timed
    df, card = read_accounts(out)
    score, coverage, top, lost, grade = pandas_scorecard(df, card)
    check = check_against_candor(out, score, coverage, top, lost, grade)
    if not check["agree"]:
        print("pandas peer disagrees with candor: %s" % check, file=sys.stderr)
        sys.exit(1)
    _, runs = timed(lambda: pandas_scorecard(df, card), repetitions)
    import numpy
    import pandas
    return dict(check, rows=len(df), repetitions=repetitions, wall=runs.median_wall,
                cpu=runs.median_cpu, walls=runs.wall, pandas=pandas.__version__,
                numpy=numpy.__version__)


def time_candor_python(out, repetitions):
    import numpy as np
    import pandas  # noqa: F401  (candor.health returns a DataFrame)
    import candor
    imported = time.perf_counter()
    df, card = read_accounts(out)
    scorecard = candor.Scorecard.load(os.path.join(out, "scorecard.json"))
    read = time.perf_counter()
    cpu = time.process_time()
    result = candor.health(df, scorecard, segment="segment")
    first = time.perf_counter()
    first_cpu = time.process_time() - cpu
    walls, cpus = [], []
    for _ in range(repetitions):
        wall, cpu = time.perf_counter(), time.process_time()
        result = candor.health(df, scorecard, segment="segment")
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    c_score = np.fromfile(os.path.join(out, "candor_score.f64"), dtype="<f8")
    c_coverage = np.fromfile(os.path.join(out, "candor_coverage.f64"), dtype="<f8")
    equal = bool(np.array_equal(result["score"].to_numpy(), c_score, equal_nan=True)
                 and np.array_equal(result["coverage"].to_numpy(), c_coverage))
    return {"import_seconds": imported - START, "read_seconds": read - imported,
            "first_call_seconds": first - read, "first_call_cpu": first_cpu,
            "first_call_from_start_seconds": first - START,
            "wall": statistics.median(walls), "cpu": statistics.median(cpus), "walls": walls,
            "equals_cpp": equal, "output_columns": int(result.shape[1]),
            "first_reasons": result["reasons"].iloc[0]}


def print_table(out):
    def load(name):
        with open(os.path.join(out, name)) as f:
            return json.load(f)
    c, p, py = load("candor.json"), load("pandas.json"), load("python.json")
    with open(os.path.join(out, "env.txt")) as f:
        print(f.read())
    print("%d accounts x %d measures (8 linear, 4 tiers, 4 boolean, 2 percentile and 2 z-score "
          "within 5 segments); renormalize; 3 reasons; pandas %s, numpy %s; medians of %d "
          "(C++), %d (pandas), %d (Python) runs"
          % (c["rows"], c["measures"], p["pandas"], p["numpy"], c["reps"], p["repetitions"],
             len(py["walls"])))
    print()
    print("| what | wall s | CPU s | pandas / this (wall) |")
    print("|---|---:|---:|---:|")

    def row(name, wall, cpu, ratio=True):
        print("| %s | %.3f | %.3f | %s |" % (name, wall, cpu,
                                            "%.1f" % (p["wall"] / wall) if ratio else ""))
    row("candor ScoreHealth, C++, the scorecard", c["mixed"]["wall"], c["mixed"]["cpu"])
    row("candor ScoreHealth, C++, the scorecard, first call in the process",
        c["first_call"]["wall"], c["first_call"]["cpu"])
    row("candor ScoreHealth, C++, all 20 measures linear", c["all_linear"]["wall"],
        c["all_linear"]["cpu"], False)
    row("candor ScoreHealth, C++, worst_of", c["worst_of"]["wall"], c["worst_of"]["cpu"], False)
    row("candor HealthReasonText, every reason (%d)" % c["reasons"], c["reason_text"]["wall"],
        c["reason_text"]["cpu"], False)
    row("candor.health, Python (DataFrame in and out, reasons in words)", py["wall"], py["cpu"])
    row("candor.health, Python, first call", py["first_call_seconds"], py["first_call_cpu"])
    row("pandas / numpy peer (score, grade, coverage, top-3 reason ids)", p["wall"], p["cpu"])
    print()
    if c["rows"] == 1000000 and c["measures"] == 20:
        print("1 s target (ScoreHealth, 1M x 20, one thread): %s (%.3f s wall, %.3f s CPU)"
              % ("met" if c["mixed"]["wall"] < 1 else "NOT met", c["mixed"]["wall"],
                 c["mixed"]["cpu"]))
    else:
        print("(the 1 s target is for 1,000,000 accounts; this run has %d)" % c["rows"])
    print("ratios: pandas / candor C++ %.1f; pandas / candor Python %.1f"
          % (p["wall"] / c["mixed"]["wall"], p["wall"] / py["wall"]))
    print("Python first call: %.3f s from before importing numpy, pandas and candor (imports "
          "%.3f s, reading the columns %.3f s, the call %.3f s); results equal C++'s: %s"
          % (py["first_call_from_start_seconds"], py["import_seconds"], py["read_seconds"],
             py["first_call_seconds"], py["equals_cpp"]))
    print("pandas vs candor: score max |diff| %.1e, coverage max |diff| %.1e, top reason "
          "differs on %d accounts (%d not a tie in points lost), %d accounts graded otherwise"
          % (p["score_max_abs_diff"], p["coverage_max_abs_diff"], p["top_reason_differs"],
             p["top_reason_differs_not_tied"], p["graded_otherwise"]))
    print("first account's reasons (Python): %s" % py["first_reasons"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pandas", metavar="DIR")
    parser.add_argument("--candor-python", metavar="DIR")
    parser.add_argument("--table", metavar="DIR")
    parser.add_argument("--repetitions", type=int, default=3)
    args = parser.parse_args()
    if args.candor_python:
        print(json.dumps(time_candor_python(args.candor_python, args.repetitions)))
    if args.pandas:
        print(json.dumps(time_pandas(args.pandas, args.repetitions)))
    if args.table:
        print_table(args.table)


if __name__ == "__main__":
    main()
