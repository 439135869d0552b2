"""Suggested health weights, the scikit-learn way, on the accounts and churn
bench/health_weights_bench.cc wrote to DIR (points.f64: n x m points, NaN
missing; churn.u8; fold.i32; candor's coefficients, intercept and
out-of-fold probabilities).

--sklearn DIR: SimpleImputer(mean) + StandardScaler + LogisticRegression
(C = 1 / lambda, lambda = 1; the intercept is not penalized) fitted on all
accounts and on each fold's complement, predicting the fold, on candor's
folds. First CHECKS that the newton-cholesky fit (tol 1e-10) gives candor's
coefficients and out-of-fold probabilities to 1e-6 (and stops if not); then
times it and scikit-learn's default solver (lbfgs, tol 1e-4, which stops
earlier and less exactly); prints JSON.
--table DIR: the side-by-side table of bench/run_health_weights.sh.
"""
import argparse
import json
import os
import statistics
import sys
import time

TOLERANCE = 1e-6


def load(out):
    import numpy as np
    churn = np.fromfile(os.path.join(out, "churn.u8"), dtype=np.uint8).astype(int)
    points = np.fromfile(os.path.join(out, "points.f64"), dtype="<f8").reshape(len(churn), -1)
    fold = np.fromfile(os.path.join(out, "fold.i32"), dtype="<i4")
    return points, churn, fold


def suggest(points, churn, fold, solver, tol):
    """The full fit's coefficients and the out-of-fold probabilities."""
    import numpy as np
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    def model():
        return make_pipeline(SimpleImputer(strategy="mean"), StandardScaler(),
                             LogisticRegression(C=1.0, solver=solver, tol=tol, max_iter=1000))
    full = model().fit(points, churn)
    oof = np.empty(len(churn))
    for k in range(fold.max() + 1):
        held = fold == k
        oof[held] = model().fit(points[~held], churn[~held]).predict_proba(points[held])[:, 1]
    return full[-1].coef_[0], full[-1].intercept_[0], oof


def run_sklearn(out, repetitions):
    import numpy as np
    points, churn, fold = load(out)
    coefficient, intercept, oof = suggest(points, churn, fold, "newton-cholesky", 1e-10)
    candor_coefficient = np.fromfile(os.path.join(out, "candor_coefficient.f64"), dtype="<f8")
    candor_intercept = np.fromfile(os.path.join(out, "candor_intercept.f64"), dtype="<f8")[0]
    candor_oof = np.fromfile(os.path.join(out, "candor_oof.f64"), dtype="<f8")
    worst = max(np.abs(coefficient - candor_coefficient).max(), abs(intercept - candor_intercept),
                np.abs(oof - candor_oof).max())
    if not worst <= TOLERANCE:
        sys.exit("peers_health_weights: scikit-learn differs from candor by %g" % worst)
    timings = {}
    for solver, tol in (("newton-cholesky", 1e-10), ("lbfgs", 1e-4)):
        walls = []
        for _ in range(repetitions):
            start = time.perf_counter()
            suggest(points, churn, fold, solver, tol)
            walls.append(time.perf_counter() - start)
        timings[solver] = {"wall": statistics.median(walls), "walls": walls}
    import sklearn
    print(json.dumps({"rows": len(churn), "measures": points.shape[1],
                      "folds": int(fold.max() + 1), "max_difference": worst,
                      "sklearn": sklearn.__version__, "timings": timings}))


def table(out):
    with open(os.path.join(out, "candor.json")) as f:
        candor = json.load(f)
    with open(os.path.join(out, "sklearn.json")) as f:
        peer = json.load(f)
    ours = candor["suggest_weights"]["wall"]
    print("Suggested health weights: %d accounts x %d measures, %d folds, L2 penalty 1"
          % (candor["rows"], candor["measures"], candor["folds"]))
    print("(scikit-learn checked equal to candor first: max difference %.1e)"
          % peer["max_difference"])
    print("%-46s %10s %8s" % ("", "median s", "ratio"))
    print("%-46s %10.3f %8s" % ("candor SuggestHealthWeights (with ScoreHealth)", ours, "1.0"))
    for solver, label in (("newton-cholesky", "scikit-learn newton-cholesky, tol 1e-10"),
                          ("lbfgs", "scikit-learn lbfgs (default), tol 1e-4")):
        wall = peer["timings"][solver]["wall"]
        print("%-46s %10.3f %8.1f" % (label, wall, wall / ours))
    print("out-of-fold AUC %.4f; the scorecard's AUC %.4f" % (candor["oof_auc"],
                                                           candor["current_auc"]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sklearn", metavar="DIR")
    parser.add_argument("--table", metavar="DIR")
    parser.add_argument("--repetitions", type=int, default=3)
    args = parser.parse_args()
    if args.sklearn:
        run_sklearn(args.sklearn, args.repetitions)
    elif args.table:
        table(args.table)
    else:
        parser.error("--sklearn DIR or --table DIR")


if __name__ == "__main__":
    main()
