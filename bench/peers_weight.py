"""statsmodels next to candor's InversePropensityWeights, and the weighting table.

  peers_weight.py fit DATA_DIR REPS OUT_JSON
      Reads the covariates and response flags bench/weight_bench.cc wrote
      (identical bytes; checksums compared with its manifest), builds the design
      InversePropensityWeights documents (include/candor/weight.hpp: intercept
      first, each numeric covariate (x - mean) / sd with divisor n), fits
      statsmodels' Logit by Newton's method and compares the coefficients.
  peers_weight.py table DATA_DIR ENV_TXT OUT_MD
      Merges candor.json, r.json and python.json into the side-by-side table.
"""
import json
import sys

import numpy as np

import peers_common


def checksums(values):
    v = values.astype(np.float64)
    index_weight = (np.arange(v.size, dtype=np.int64) % 9973 + 1).astype(np.float64)
    return float(np.sum(v, dtype=np.longdouble)), float(np.sum(v * index_weight,
                                                                dtype=np.longdouble))


def timed(reps, call):
    """call()'s last value and its timings as candor.json has them."""
    value, runs = peers_common.timed(call, reps)
    return value, {"wall": runs.wall, "median_wall": runs.median_wall,
                   "median_cpu": runs.median_cpu}


def fit(data_dir, reps, out_path):
    import statsmodels
    from statsmodels.discrete.discrete_model import Logit

    with open(f"{data_dir}/manifest.json") as f:
        manifest = json.load(f)
    with open(f"{data_dir}/candor.json") as f:
        candor = json.load(f)
    n, p = manifest["rows"], manifest["covariates"]
    x = np.fromfile(f"{data_dir}/x.bin", dtype="<f8")
    y = np.fromfile(f"{data_dir}/responded.bin", dtype=np.uint8)
    worst = 0.0
    for name, values in (("x", x), ("responded", y)):
        want = manifest["columns"][name]
        got = checksums(values)
        for g, w in zip(got, (want["sum"], want["indexed_sum"])):
            worst = max(worst, abs(g - w) / max(abs(w), 1.0))
    print(f"Python read the same data: max relative checksum difference {worst:.2g}")
    if worst > 1e-12:
        sys.exit("checksums differ: Python did not read the data C++ wrote")

    columns = x.reshape(p, n)  # column-major in the file: column j is row j here
    design = np.empty((n, p + 1))
    design[:, 0] = 1.0
    for j in range(p):
        column = columns[j]
        design[:, j + 1] = (column - column.mean()) / column.std()  # divisor n
    y = y.astype(np.float64)

    def model_and_fit():
        return Logit(y, design).fit(method="newton", tol=1e-10, maxiter=100, disp=0)

    model = Logit(y, design)
    result, fit_only = timed(reps, lambda: model.fit(method="newton", tol=1e-10, maxiter=100,
                                                     disp=0))
    _, whole = timed(reps, model_and_fit)
    params = np.asarray(result.params)
    theirs = np.asarray(candor["ipw"]["coefficients"])
    difference = float(np.max(np.abs(params - theirs)))
    iterations = int(result.mle_retvals["iterations"])
    print(f"statsmodels Logit: {iterations} Newton iterations, converged "
          f"{result.mle_retvals['converged']}; fit median {fit_only['median_wall']:.3f} s, "
          f"Logit(...).fit() median {whole['median_wall']:.3f} s; max |coefficient "
          f"difference| from candor {difference:.2g}")
    out = {"versions": {"statsmodels": statsmodels.__version__, "numpy": np.__version__,
                        "python": sys.version.split()[0]},
           "checksum_max_rel_diff": worst,
           "ipw": {"fit_only": fit_only, "model_and_fit": whole, "iterations": iterations,
                   "converged": bool(result.mle_retvals["converged"]),
                   "max_abs_coef_diff": difference}}
    with open(out_path, "w") as f:
        json.dump(out, f, indent=1)


def table(data_dir, env_path, out_path):
    with open(f"{data_dir}/candor.json") as f:
        candor = json.load(f)
    with open(f"{data_dir}/r.json") as f:
        r = json.load(f)
    with open(f"{data_dir}/python.json") as f:
        py = json.load(f)
    with open(f"{data_dir}/manifest.json") as f:
        manifest = json.load(f)
    with open(env_path) as f:
        env = f.read()
    t = candor["timings"]
    n = manifest["rows"]

    lines = ["    " + line for line in env.rstrip("\n").split("\n")]
    lines += ["", f"{n:,} rows; {manifest['accounts']:,} accounts; {manifest['covariates']} "
              f"covariates; seed {manifest['seed']}. Medians of wall seconds (CPU seconds in "
              "brackets).", "",
              "| task | candor | peer | peer median s | candor median s | ratio (peer / "
              "candor) | target | met | agreement |",
              "|---|---|---|---:|---:|---:|---:|:---:|---|"]

    def row(task, candor_name, peer_name, peer, ours, target, agreement):
        ratio = peer["median_wall"] / ours["median_wall"]
        met = "yes" if ratio >= target else "**no**"
        lines.append(f"| {task} | {candor_name} | {peer_name} | {peer['median_wall']:.3f} "
                     f"({peer['median_cpu']:.3f}) | {ours['median_wall']:.4f} "
                     f"({ours['median_cpu']:.4f}) | {ratio:.1f} | >= {target:g} | {met} | "
                     f"{agreement} |")
        return ratio

    rake_iter = candor["rake"]["iterations"]
    row(f"rake, 3 margins (4, 5, 10 levels)", f"`Rake` ({rake_iter} sweeps)",
        "`survey::rake` (maxit 100, epsilon 1e-10)", r["rake"], t["rake"], 50,
        f"max rel. weight diff {r['rake']['max_rel_weight_diff']:.1e} (target 1e-8)")
    for key, label in (("design_clusters", f"svymean SE, {manifest['accounts']:,} clusters"),
                       ("design_no_clusters", "svymean SE, no clusters")):
        peer = r[key]
        formula = "~account" if key == "design_clusters" else "~1"
        agreement = (f"SE rel. diff {peer['std_error_rel_diff']:.1e}, NPS abs. diff "
                     f"{peer['value_abs_diff']:.1e} (target 1e-6)")
        row(label, "`EstimateDesign` (NPS)", f"`svymean(~s, d)`, d = svydesign(ids = {formula})"
            " built beforehand", peer, t[key], 50, agreement)
        with_design = {"median_wall": peer["with_design_median_wall"], "median_cpu": float("nan")}
        ratio = with_design["median_wall"] / t[key]["median_wall"]
        lines.append(f"| {label} (whole path) | `EstimateDesign` (NPS) | `svymean(~s, "
                     f"svydesign(ids = {formula}, weights = ~w, data = df))` | "
                     f"{with_design['median_wall']:.3f} | {t[key]['median_wall']:.4f} | "
                     f"{ratio:.1f} | (context) | | same estimate |")
    ipw = py["ipw"]
    coef = (f"max abs. coefficient diff {ipw['max_abs_coef_diff']:.1e} (target 1e-6); "
            f"statsmodels {ipw['iterations']} / candor {candor['ipw']['iterations']} Newton "
            "iterations")
    row("IPW logistic fit, 20 covariates", "`InversePropensityWeights` (l2 0; fit + weights + "
        "balance)", "`Logit(y, X).fit(method='newton', tol=1e-10)`", ipw["model_and_fit"],
        t["ipw"], 3, coef)
    row("IPW logistic fit, 20 covariates (fit only)", "same", "`model.fit(...)`, Logit built "
        "beforehand", ipw["fit_only"], t["ipw"], 3, "same fit")
    lines += ["", f"Same data: R and Python recomputed the C++ column checksums, max relative "
              f"difference R {r['checksum_max_rel_diff']:.1g}, Python "
              f"{py['checksum_max_rel_diff']:.1g}.",
              f"Versions: {r['versions']['R']}, survey {r['versions']['survey']}; Python "
              f"{py['versions']['python']}, numpy {py['versions']['numpy']}, statsmodels "
              f"{py['versions']['statsmodels']}."]
    text = "\n".join(lines) + "\n"
    with open(out_path, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "fit":
        fit(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif len(sys.argv) == 5 and sys.argv[1] == "table":
        table(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
