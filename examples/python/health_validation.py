#!/usr/bin/python3
"""Does a customer health scorecard predict churn? Two real churn tables, two
scorecards written before looking at the outcome, and the honest statistics:

- the AUC of the score for churn with DeLong's interval, and the paired DeLong
  test against a single-measure baseline (is the scorecard better than the one
  signal a team would otherwise watch?);
- churn by grade, Kaplan-Meier survival by grade with the log-rank test;
- suggested weights fitted on the history (L2 logistic regression), judged by
  their out-of-fold AUC and the calibration of their out-of-fold churn
  probabilities, never in-sample;
- as-of snapshots: why the score must be computed from data recorded before
  the cut-off (a simulated leak shows how much a careless join inflates AUC).

    PYTHONPATH=bindings/python CANDOR_LIBRARY=build/dev/libcandor.so \\
        /usr/bin/python3 examples/python/health_validation.py

Data (tests/data, each with its PROVENANCE.md): wa_churn, 7,043 IBM telco
customers; mlc_churn, 5,000 MLC++ telecom customers. Both are single
snapshots taken when churn was recorded: the measures were not recorded
before the churn, so these numbers show how well a score separates who left
from who stayed, an upper bound on how well it forecasts.
"""
import json
import os
import sys

import numpy as np
import pandas as pd

import candor

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "tests", "data")
WA_CHURN = os.path.join(DATA, "wa_churn", "wa_churn.csv")
MLC_CHURN = os.path.join(DATA, "mlc_churn", "mlc_churn.csv")
TELCO_CARD = os.path.join(DATA, "health", "telco_card.json")

# A scorecard for mlc_churn as a customer-success team might write it without
# looking at churn: few support calls are good, and adopting features (voice
# mail, the international plan) and heavy use are signs of engagement. The
# account's age is left out, as tenure is in telco_card.json: it is the time
# axis of the survival analysis. The suggested weights below test the beliefs.
MLC_CARD = {
    "version": 1,
    "groups": [{"name": "support", "weight": 1}, {"name": "engagement", "weight": 1}],
    "measures": [
        {"name": "service_calls", "label": "Customer-service calls", "group": "support",
         "transform": "tiers", "tiers": [
             {"high": 2, "points": 100, "label": "0-1 calls"},
             {"low": 2, "high": 4, "points": 60, "label": "2-3 calls"},
             {"low": 4, "points": 0, "label": "4 or more calls"}]},
        {"name": "voice_mail_plan", "label": "Voice-mail plan", "group": "engagement",
         "transform": "boolean"},
        {"name": "international_plan", "label": "International plan", "group": "engagement",
         "transform": "boolean"},
        {"name": "day_minutes", "label": "Day minutes", "group": "engagement",
         "transform": "percentile"},
    ],
    "grades": [{"name": "healthy", "min_score": 70}, {"name": "at risk", "min_score": 40},
               {"name": "critical", "min_score": None}],
}
GRADES = ("healthy", "at risk", "critical")


def telco_accounts(path=WA_CHURN):
    """wa_churn's customers with the measure columns of telco_card.json
    (tests/data/health/README.md has the mapping), tenure in months and churn."""
    df = pd.read_csv(path)
    service = {"Yes": 1.0, "No": 0.0}  # "No internet service": missing
    return pd.DataFrame({
        "contract_years": df.contract.map({"Month-to-month": 0, "One year": 1, "Two year": 2}),
        "autopay": df.payment_method.str.contains("automatic").astype(float),
        "tech_support": df.tech_support.map(service),
        "online_security": df.online_security.map(service),
        "monthly_charges": df.monthly_charges,
        "tenure": df.tenure.astype(float),
        "churned": (df.churn == "Yes").astype(np.uint8),
    })


def mlc_accounts(path=MLC_CHURN):
    """mlc_churn's customers with the measure columns of MLC_CARD, the
    account's age in days and churn."""
    df = pd.read_csv(path)
    return pd.DataFrame({
        "service_calls": df.number_customer_service_calls.astype(float),
        "voice_mail_plan": (df.voice_mail_plan == "yes").astype(float),
        "international_plan": (df.international_plan == "yes").astype(float),
        "day_minutes": df.total_day_minutes,
        "account_days": df.account_length.astype(float),
        "churned": (df.churn == "yes").astype(np.uint8),
    })


def study(accounts, card, time_column, baseline_column, baseline_higher_is_riskier):
    """Scores `accounts` with `card` and validates the score against churn.
    The baseline is one measure column, oriented so that higher is riskier."""
    churned = accounts.churned.to_numpy()
    scores = candor.health(accounts, card)
    risk = -scores.score.to_numpy()  # a lower health score should mean churn
    baseline = accounts[baseline_column].to_numpy(dtype=float)
    baseline_risk = baseline if baseline_higher_is_riskier else -baseline
    grade = scores.grade.fillna("no grade").to_numpy()
    time = accounts[time_column].to_numpy(dtype=float)
    by_grade = []
    for name in GRADES:
        in_grade = grade == name
        if in_grade.any():
            # the share churned, with the adjusted Wald interval (a pseudo-count each way)
            share = candor.score(churned[in_grade], "top_box", scale=(0, 1), box=1,
                                 interval="adjusted_wald")
            by_grade.append({"grade": name, "accounts": int(in_grade.sum()),
                             "churned": int(churned[in_grade].sum()), "share": share})
    # Weights fitted on the history, judged only out of fold; the calibration
    # of the out-of-fold churn probabilities (accounts without data left out).
    suggested = candor.suggest_weights(accounts, card, churned, folds=5, seed=0)
    kept = ~np.isnan(suggested.oof_probability.to_numpy())
    calibration = candor.calibration(suggested.oof_probability.to_numpy()[kept], churned[kept])
    return {
        "suggested": suggested,
        "calibration": calibration,
        "scores": scores,
        "auc": candor.auc(risk, churned),
        "baseline_auc": candor.auc(baseline_risk, churned),
        "comparison": candor.compare_auc(risk, baseline_risk, churned),
        "by_grade": pd.DataFrame(by_grade),
        "concordance": candor.concordance(risk, time, churned),
        "kaplan_meier": candor.kaplan_meier(time, churned, group=grade),
        "log_rank": candor.log_rank(time, churned, grade),
    }


# The leak check's dates: the export is taken as the accounts' state on
# CUT_OFF - 31 days; churned accounts get a simulated second row after it.
CUT_OFF = np.datetime64("2024-01-01")
TELCO_MEASURES = ("contract_years", "autopay", "tech_support", "online_security",
                  "monthly_charges")


def leak_check(accounts, card):
    """Why a score must be computed as of a cut-off. A dated history is built
    from wa_churn: each account's measures as of 2023-12-01 (the real data),
    and for each churned account a second, simulated row on 2024-01-15, what
    a CRM records after a cancellation (month-to-month, no autopay, services
    off). Scored as of CUT_OFF, the history gives the real table's scores;
    scored from every row (as a join on "latest values" does), the churn it
    is meant to predict leaks into the score."""
    before = accounts.loc[:, TELCO_MEASURES].copy()
    before["account"] = np.arange(len(accounts))
    before["time"] = np.datetime64("2023-12-01")
    after = before[accounts.churned.to_numpy() == 1].copy()
    after["time"] = np.datetime64("2024-01-15")
    after["contract_years"] = 0.0
    after["autopay"] = 0.0
    for column in ("tech_support", "online_security"):  # missing stays missing
        after[column] = after[column].where(after[column].isna(), 0.0)
    history = pd.concat([before, after], ignore_index=True)
    churned = accounts.churned.to_numpy()  # account ids are 0..n-1, in order
    honest = candor.health(history, card, as_of=CUT_OFF, time="time", account="account")
    leaky = candor.health(history, card, as_of=CUT_OFF + np.timedelta64(60, "D"),
                          time="time", account="account")
    return {
        "history": history,
        "honest": honest,
        "leaky": leaky,
        "honest_auc": candor.auc(-honest.score.to_numpy(), churned),
        "leaky_auc": candor.auc(-leaky.score.to_numpy(), churned),
    }


def _interval(estimate):
    return "%.3f [%.3f, %.3f]" % (estimate.value, estimate.ci_low, estimate.ci_high)


def report(title, result, baseline_name, horizon, unit):
    lines = ["== %s ==" % title]
    auc, base, cmp_ = result["auc"], result["baseline_auc"], result["comparison"]
    lines.append("AUC of the health score for churn: %s (DeLong 95%% CI), %d churned of %d"
                 % (_interval(auc), auc.n_positive, auc.n_positive + auc.n_negative))
    lines.append("AUC of %s alone: %s" % (baseline_name, _interval(base)))
    lines.append("scorecard - baseline: %+.3f [%+.3f, %+.3f], paired DeLong z %.2f, p %.2g"
                 % (cmp_.difference, cmp_.ci_low, cmp_.ci_high, cmp_.z, cmp_.p_value))
    c = result["concordance"]
    lines.append("Harrell's C against time to churn: %.3f (SE %.3f)" % (c.value, c.std_error))
    km = result["kaplan_meier"]
    for row in result["by_grade"].itertuples():
        share = row.share
        lines.append("  %-9s %5d accounts, %5.1f%% churned (95%% CI %.1f-%.1f), "
                     "still customers at %g %s: %.1f%%"
                     % (row.grade, row.accounts, 100 * row.churned / row.accounts, share.ci_low, share.ci_high, horizon, unit, 100 * km[row.grade].survival_at(horizon)))
    s = result["suggested"]
    lines.append("Suggested weights (L2 logistic on the points, 5 folds): out-of-fold AUC %s "
                 "against the card's %s: %+.3f [%+.3f, %+.3f], paired DeLong p %.2g"
                 % (_interval(s.auc), _interval(s.current_auc), s.comparison.difference,
                    s.comparison.ci_low, s.comparison.ci_high, s.comparison.p_value))
    for name, row in s.weights.iterrows():
        lines.append("  %-20s weight now %5.1f, suggested %5.1f%s"
                     % (name, row.current_weight, row.suggested_weight,
                        "  (more points, more churn)" if row.flagged else ""))
    if s.weights.flagged.any():
        lines.append("  (the model's AUC uses the flagged measures with their sign; a card counts "
                     "them only if their direction is reversed)")
    cal = result["calibration"]
    lines.append("Out-of-fold churn probabilities: Brier %.3f, calibration intercept %.2f "
                 "[%.2f, %.2f], slope %.2f [%.2f, %.2f], Hosmer-Lemeshow %.1f on %d df (p %.2g)"
                 % (cal.brier, cal.intercept, cal.intercept_ci_low, cal.intercept_ci_high,
                    cal.slope, cal.slope_ci_low, cal.slope_ci_high, cal.hosmer_lemeshow,
                    cal.hosmer_lemeshow_df, cal.hosmer_lemeshow_p_value))
    lr = result["log_rank"]
    p = "< 1e-300" if lr.p_value == 0 else "%.2g" % lr.p_value
    lines.append("log-rank chi-square %.1f on %d df, p %s" % (lr.chi_square, lr.df, p))
    return "\n".join(lines)



def main():
    with open(TELCO_CARD, encoding="utf-8") as f:
        telco_card = json.load(f)
    try:
        telco = study(telco_accounts(), telco_card, "tenure", "contract_years", False)
        mlc = study(mlc_accounts(), MLC_CARD, "account_days", "service_calls", True)
        leak = leak_check(telco_accounts(), telco_card)
    except candor.Error as error:
        print("candor failed: %s" % error, file=sys.stderr)
        return 1
    print(report("wa_churn: 7,043 telco customers, telco_card.json", telco,
                 "contract length", 36, "months"))
    print("Leak check (simulated rows after the cut-off, see leak_check): AUC as of %s %s; "
          "from every row, cancellations included, %s"
          % (CUT_OFF, _interval(leak["honest_auc"]), _interval(leak["leaky_auc"])))
    print()
    print(report("mlc_churn: 5,000 telecom customers, MLC_CARD", mlc,
                 "customer-service calls", 150, "days"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
