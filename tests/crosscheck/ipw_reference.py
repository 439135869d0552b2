#!/usr/bin/python3
"""Fixture and reference values for candor's InversePropensityWeights.

Writes, under tests/data/weight/:
  ipw_population.csv  a seeded invited population: tenure, spend (numeric),
                      contract (3 levels), region (4 levels), responded (0/1)
  ipw_reference.csv   term, unpenalized (statsmodels Logit, Newton), penalized
                      (lambda = IPW_LAMBDA below; scipy trust-exact on the penalized
                      log-likelihood, confirmed by sklearn's newton-cg)
  ipw_propensity.csv  statsmodels' fitted response probability per row
  ipw_balance.csv     variable, asmd_before, asmd_after (numpy, from the
                      statsmodels propensities)
The design follows candor's header: intercept, numeric covariates
standardized with the population sd (ddof = 0), categorical one-hot with the
first level as reference. The penalty is lambda / 2 * ||slopes||^2, so
sklearn's C = 1 / lambda (sklearn minimizes 0.5 ||w||^2 + C * sum logloss and
does not penalize the intercept with lbfgs or newton-cg).
Run: /usr/bin/python3 tests/crosscheck/ipw_reference.py
"""
import os

import numpy as np
import pandas as pd
import scipy.optimize
import statsmodels.api as sm
from sklearn.linear_model import LogisticRegression

IPW_LAMBDA = 5.0
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "weight")


def make_population(rng, n):
    tenure = rng.gamma(2.0, 12.0, n)
    spend = rng.normal(100.0, 30.0, n)
    contract = rng.choice(3, n, p=[0.5, 0.3, 0.2])
    region = rng.choice(4, n, p=[0.4, 0.3, 0.2, 0.1])
    eta = (-1.0 + 0.02 * (tenure - 24) + 0.01 * (spend - 100) + np.array([0, 0.5, 1.0])[contract]
           + np.array([0, -0.3, 0.2, 0.6])[region])
    responded = (rng.random(n) < 1 / (1 + np.exp(-eta))).astype(int)
    return pd.DataFrame({"tenure": tenure, "spend": spend, "contract": contract,
                         "region": region, "responded": responded})


def design(df):
    columns = {"(Intercept)": np.ones(len(df))}
    for name in ["tenure", "spend"]:
        x = df[name].to_numpy()
        columns[name] = (x - x.mean()) / x.std(ddof=0)
    for name, levels in [("contract", 3), ("region", 4)]:
        for level in range(1, levels):
            columns[f"{name}={level}"] = (df[name].to_numpy() == level).astype(float)
    return pd.DataFrame(columns)


def penalized_fit(x, y, lam):
    penalty = np.ones(x.shape[1]) * lam
    penalty[0] = 0

    def objective(b):
        eta = x @ b
        value = -(y @ eta - np.logaddexp(0, eta).sum()) + 0.5 * (penalty * b * b).sum()
        gradient = -(x.T @ (y - 1 / (1 + np.exp(-eta)))) + penalty * b
        return value, gradient

    def hessian(b):
        prob = 1 / (1 + np.exp(-(x @ b)))
        return (x.T * (prob * (1 - prob))) @ x + np.diag(penalty)

    fit = scipy.optimize.minimize(objective, np.zeros(x.shape[1]), jac=True, hess=hessian,
                                  method="trust-exact", options={"gtol": 1e-10})
    # trust-exact stops once the objective stops changing in double precision;
    # the gradient left bounds the coefficient error by |H^-1 g| (~1e-8 here).
    assert np.abs(np.linalg.solve(hessian(fit.x), objective(fit.x)[1])).max() < 1e-7, fit
    return fit.x


def asmd(value, responded, weights):
    target_mean, sd = value.mean(), value.std(ddof=1)
    r = responded == 1
    before = abs(value[r].mean() - target_mean) / sd
    after = abs(np.average(value[r], weights=weights) - target_mean) / sd
    return before, after


def main():
    os.makedirs(OUT, exist_ok=True)
    df = make_population(np.random.default_rng(20261123), 3000)
    x = design(df)
    y = df["responded"].to_numpy().astype(float)
    logit = sm.Logit(y, x).fit(method="newton", maxiter=100, tol=1e-14, disp=0)
    assert logit.mle_retvals["converged"]
    penalized = penalized_fit(x.to_numpy(), y, IPW_LAMBDA)
    sk = LogisticRegression(C=1 / IPW_LAMBDA, penalty="l2", fit_intercept=True, solver="newton-cg",
                            tol=1e-12, max_iter=100000).fit(x.to_numpy()[:, 1:], y)
    sk_coefficients = np.concatenate([sk.intercept_, sk.coef_[0]])
    assert np.abs(sk_coefficients - penalized).max() < 1e-5, (sk_coefficients, penalized)

    df.to_csv(os.path.join(OUT, "ipw_population.csv"), index=False, float_format="%.17g")
    pd.DataFrame({"term": x.columns, "unpenalized": logit.params.to_numpy(),
                  "penalized": penalized}).to_csv(
        os.path.join(OUT, "ipw_reference.csv"), index=False, float_format="%.17g")
    p_hat = logit.predict(x)
    pd.DataFrame({"propensity": p_hat}).to_csv(
        os.path.join(OUT, "ipw_propensity.csv"), index=False, float_format="%.17g")
    responded = df["responded"].to_numpy()
    weights = 1 / p_hat[responded == 1]
    rows = []
    for name in ["tenure", "spend"]:
        rows.append((name, *asmd(df[name].to_numpy(), responded, weights)))
    for name, levels in [("contract", 3), ("region", 4)]:
        for level in range(levels):
            value = (df[name].to_numpy() == level).astype(float)
            rows.append((f"{name}={level}", *asmd(value, responded, weights)))
    pd.DataFrame(rows, columns=["variable", "asmd_before", "asmd_after"]).to_csv(
        os.path.join(OUT, "ipw_balance.csv"), index=False, float_format="%.17g")
    print("respondents", int(y.sum()), "of", len(y))
    print(pd.DataFrame({"unpenalized": logit.params, "penalized": penalized}))


if __name__ == "__main__":
    main()
