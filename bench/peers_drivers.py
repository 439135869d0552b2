"""Theme drivers, the pandas / scikit-learn way, on the data candor reads.

--generate DIR: writes seeded comments (scores.f64, CSR offsets.i64 / ids.i32,
and the same mentions as a dense int8 matrix, mentions.i8) for
bench/drivers_bench.cc and for --time.
--time DIR: the per-theme table a user would write with pandas (share of
comments, share among promoters / passives / detractors, NPS with and
without the theme, impact, detractor relative risk with its Katz interval),
then scikit-learn's LogisticRegression(C=1) of detractor ~ themes, timed;
checks agreement with DIR/candor_drivers.f64 (written by the C++ bench) and
prints JSON.
--table DIR: the side-by-side table of bench/run_drivers.sh (candor's runs
on 1 and 2 threads, the peers' JSON, agreement).
"""
import json
import time

import numpy as np

from peers_common import (generate_time_table_arguments, print_threads_table, read_column,
                          thread_runs, write_column)


def generate(out, rows, themes, seed):
    rng = np.random.default_rng(seed)
    rates = rng.uniform(0.01, 0.10, themes)
    mentions = (rng.random((rows, themes)) < rates).astype(np.int8)
    effects = rng.normal(0, 0.5, themes)
    logit = -1.2 + mentions @ effects
    detractor = rng.random(rows) < 1 / (1 + np.exp(-logit))
    promoter = ~detractor & (rng.random(rows) < 0.55)
    scores = np.where(detractor, rng.integers(0, 7, rows),
                      np.where(promoter, rng.integers(9, 11, rows), rng.integers(7, 9, rows)))
    write_column(out, "scores.f64", scores)
    r, c = np.nonzero(mentions)
    offsets = np.zeros(rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(r, minlength=rows), out=offsets[1:])
    write_column(out, "offsets.i64", offsets)
    write_column(out, "ids.i32", c)
    write_column(out, "mentions.i8", mentions)
    with open(out + "/shape.json", "w") as f:
        json.dump({"rows": rows, "themes": themes}, f)


def pandas_table(df, theme_columns):
    """One row per theme, the statistics a user computes with groupby."""
    import pandas as pd
    z = 1.959963984540054
    n = len(df)
    overall = df["nps"].mean()
    rows = []
    for theme in theme_columns:
        g = df.groupby(theme)
        nps = g["nps"].agg(["mean", "var", "count"])
        category = pd.crosstab(df["category"], df[theme], normalize="index")
        det = g["detractor"].agg(["sum", "count"])
        a, n1 = det.loc[1, "sum"], det.loc[1, "count"]
        c, n0 = det.loc[0, "sum"], det.loc[0, "count"]
        rr = (a / n1) / (c / n0)
        se = np.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n0)
        rows.append({
            "theme": theme, "mentions": int(n1), "share": 100 * n1 / n,
            "share_of_detractors": 100 * category.loc["detractor", 1],
            "share_of_passives": 100 * category.loc["passive", 1],
            "share_of_promoters": 100 * category.loc["promoter", 1],
            "score": 100 * nps.loc[1, "mean"], "score_without": 100 * nps.loc[0, "mean"],
            "score_std_error": 100 * np.sqrt(nps.loc[1, "var"] / nps.loc[1, "count"]),
            "impact": 100 * (overall - nps.loc[0, "mean"]),
            "relative_risk": rr, "rr_low": rr * np.exp(-z * se), "rr_high": rr * np.exp(z * se),
        })
    return pd.DataFrame(rows)


def time_peers(out, repetitions):
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    shape = json.load(open(out + "/shape.json"))
    rows, themes = shape["rows"], shape["themes"]
    scores = read_column(out, "scores.f64")
    mentions = read_column(out, "mentions.i8").reshape(rows, themes)
    theme_columns = ["t%d" % j for j in range(themes)]
    table_seconds, model_seconds = [], []
    for _ in range(repetitions):
        start = time.perf_counter()
        df = pd.DataFrame(mentions, columns=theme_columns)
        df["score"] = scores
        df["nps"] = np.select([scores >= 9, scores <= 6], [1.0, -1.0], 0.0)
        df["detractor"] = (scores <= 6).astype(int)
        df["category"] = np.select([scores >= 9, scores <= 6], ["promoter", "detractor"],
                                   "passive")
        table = pandas_table(df, theme_columns)
        middle = time.perf_counter()
        model = LogisticRegression(penalty="l2", C=1.0, max_iter=1000, tol=1e-8)
        model.fit(df[theme_columns].to_numpy(dtype=float), df["detractor"].to_numpy())
        stop = time.perf_counter()
        table_seconds.append(middle - start)
        model_seconds.append(stop - middle)
    total = [a + b for a, b in zip(table_seconds, model_seconds)]
    candor = read_column(out, "candor_drivers.f64").reshape(themes, 3)
    return {
        "rows": rows, "themes": themes, "repetitions": repetitions,
        "pandas_table_median_seconds": float(np.median(table_seconds)),
        "sklearn_logistic_median_seconds": float(np.median(model_seconds)),
        "total_median_seconds": float(np.median(total)),
        "max_abs_impact_difference_vs_candor":
            float(np.max(np.abs(table["impact"].to_numpy() - candor[:, 0]))),
        "max_rel_rr_difference_vs_candor":
            float(np.max(np.abs(table["relative_risk"].to_numpy() / candor[:, 1] - 1))),
        "max_abs_coefficient_difference_vs_candor":
            float(np.max(np.abs(model.coef_[0] - candor[:, 2]))),
    }


def table(out):
    c1, _, p = thread_runs(out)
    print_threads_table(
        out, "rows %d, themes %d, mentions %d" % (c1["rows"], c1["themes"], c1["mentions"]),
        ("candor EstimateThemeDrivers (table + model), 1 thread", "candor, 2 threads"),
        [(name, p[key]) for key, name in (
            ("pandas_table_median_seconds", "pandas groupby table"),
            ("sklearn_logistic_median_seconds", "sklearn LogisticRegression(C=1)"),
            ("total_median_seconds", "pandas + sklearn"))])
    print("agreement: max |impact diff| %.1e, max rel RR diff %.1e, max |coef diff| %.1e"
          % (p["max_abs_impact_difference_vs_candor"], p["max_rel_rr_difference_vs_candor"],
             p["max_abs_coefficient_difference_vs_candor"]))


def main():
    parser = generate_time_table_arguments(rows=1000000, seed=20261128, repetitions=3)
    parser.add_argument("--themes", type=int, default=50)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate, args.rows, args.themes, args.seed)
    if args.time:
        print(json.dumps(time_peers(args.time, args.repetitions), indent=1))
    if args.table:
        table(args.table)


if __name__ == "__main__":
    main()
