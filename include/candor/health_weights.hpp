// candor/health_weights.hpp — suggested scorecard weights from churn history.
//
// Which measures of a scorecard tell churners from the rest, and how much
// should each weigh? SuggestHealthWeights fits churn on the measures' points
// and says, with out-of-fold evidence only, whether the fitted weights would
// predict churn better than the scorecard's own.
//
// Model. For each account i the points x_im of the card's measures (0-100,
// from ScoreHealth), standardized: z_im = (x_im - mean_m) / sd_m (sd with n,
// as scikit-learn's StandardScaler); a missing point (NaN) is imputed by the
// measure's mean, so z = 0. An L2-penalized logistic regression of churn on
// z (Hastie, Tibshirani and Friedman 2009, ESL section 4.4.4) maximizes
//   sum_i [y_i eta_i - log(1 + exp(eta_i))] - lambda / 2 * sum_m b_m^2,
//   eta_i = b_0 + sum_m b_m z_im,
// the intercept b_0 unpenalized: scikit-learn's LogisticRegression(
// penalty="l2", C=1/lambda) with lbfgs or newton-cg. Newton's method (IRLS)
// with step-halving. A measure whose points do not vary (sd 0) is left out
// of the fit (coefficient 0).
//
// Weights. coefficient_m = b_m is the change in churn's log-odds per
// standard deviation of points; coefficient_per_point_m = b_m / sd_m. A
// scorecard adds points, so a measure earns weight when more points go with
// less churn:
//   suggested_weight_m = 100 * max(0, -b_m / sd_m) / sum_k max(0, -b_k / sd_k),
// on the scale of the nominal shares W_m (health.hpp; current_weight), which
// sum to 100 too. A measure whose higher points go with MORE churn (b_m > 0)
// gets 0 and is flagged: its transform's direction is probably backwards, or
// it stands for something else (e.g. heavy support users who churn). If no
// measure reduces churn every suggested weight is 0.
//
// Honest evidence. The coefficients come from the fit on all accounts; the
// AUC of the suggested model never does. The accounts are split into
// `folds` folds, stratified by churn (each class shuffled by `seed`, then
// dealt round-robin), and each account's oof_probability comes from the
// model fitted on the other folds, with the means and sds (and imputations)
// of those folds. auc is the AUC of the pooled out-of-fold probabilities
// with DeLong's interval (validate.hpp). current_auc is the AUC of the
// scorecard's own score for churn (direction: a lower score means churn, so
// -score is ranked); the score has no parameters fitted to churn, so its
// AUC on all accounts is already out of sample. comparison is the paired
// DeLong test of the two (a = suggested, b = current) on the same accounts.
//
// Accounts whose score is NaN (no measure with data) are left out of
// everything (excluded; their oof_probability is NaN and fold -1).
//
// Errors: churn NULL with n > 0 or a value other than 0/1 (naming the
// index), folds < 2, l2_penalty negative or not finite, level outside
// (0, 1): CANDOR_INVALID_ARGUMENT; churn of one class (CANDOR_EMPTY); a
// class with fewer accounts than folds (CANDOR_INVALID_ARGUMENT); a fit that
// does not converge (separation with l2_penalty 0, collinear measures):
// CANDOR_NOT_CONVERGED naming the fit ("fold 3" or "all accounts"); and
// whatever ScoreHealth refuses.
//
// Cost: (folds + 1) Newton fits of O(n m^2) per iteration, plus ScoreHealth.
//
// From history. SuggestHealthWeightsAsOf fits the measures as they stood
// at a cut-off (SnapshotAsOf, health_history.hpp: only rows with time <
// as_of are read) against churn given per account code, which should be
// churn AFTER as_of: weights learned without leakage. An account with no
// row before as_of was not yet a customer: it is left out of everything
// (its churned value is not read; oof_probability and score NaN, fold -2)
// and counted in not_yet_customers, not in excluded. The result is per
// account code (n = history.accounts) and otherwise equals
// SuggestHealthWeights on the snapshot's table restricted to the other
// accounts. Errors: those of SnapshotAsOf, churned NULL with accounts or a
// value other than 0/1 (naming the account code), and those above.
#ifndef CANDOR_HEALTH_WEIGHTS_HPP_
#define CANDOR_HEALTH_WEIGHTS_HPP_

#include <candor/health.hpp>
#include <candor/health_history.hpp>
#include <candor/status.hpp>
#include <candor/validate.hpp>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace candor {

struct SuggestWeightsOptions {
  double l2_penalty = 1;  // lambda >= 0; scikit-learn's C = 1 / lambda
  int folds = 5;          // >= 2
  uint64_t seed = 0;      // the fold assignment
  double level = 0.95;    // of the AUC intervals
};

struct SuggestedWeights {
  size_t n = 0;         // accounts
  size_t measures = 0;  // the card's measures, in its order
  // Per measure.
  std::vector<double> coefficient;            // b_m: log-odds of churn per sd of points
  std::vector<double> coefficient_per_point;  // b_m / sd_m
  std::vector<double> suggested_weight;       // 0-100, sum 100 (or all 0)
  std::vector<double> current_weight;         // W_m, the card's nominal share
  std::vector<uint8_t> flagged;               // 1: more points go with more churn
  std::vector<double> point_mean;             // mean_m over the included accounts
  std::vector<double> point_sd;               // sd_m (with n)
  std::vector<int64_t> imputed;               // accounts whose point was missing
  double intercept = 0;                       // b_0
  int iterations = 0;                         // Newton iterations of the fit on all accounts
  // Per account.
  std::vector<double> oof_probability;  // churn probability from the other folds; NaN excluded
  std::vector<int32_t> fold;            // 0..folds-1; -1 excluded; -2 not yet a customer
  std::vector<double> score;            // the scorecard's score (ScoreHealth)
  int64_t excluded = 0;                 // accounts with a NaN score
  int64_t not_yet_customers = 0;        // as of: accounts with no row before as_of
  // Out-of-fold evidence.
  Auc auc;                   // of oof_probability
  Auc current_auc;           // of -score
  AucComparison comparison;  // a = suggested (oof_probability), b = current (-score)
};

// Fits churn (n values, 0 or 1, one per row of `table`) on the points `card`
// gives the accounts of `table`; see the top of this file.
Result<SuggestedWeights> SuggestHealthWeights(const Scorecard& card, const HealthTable& table,
                                              const uint8_t* churned,
                                              const SuggestWeightsOptions& options = {});

// Fits churn (one value per account code of `history`) on the points `card`
// gives the accounts as of `as_of`; see "From history" above.
Result<SuggestedWeights> SuggestHealthWeightsAsOf(const Scorecard& card,
                                                  const HealthHistory& history, int64_t as_of,
                                                  const uint8_t* churned,
                                                  const SuggestWeightsOptions& options = {});

}  // namespace candor

#endif  // CANDOR_HEALTH_WEIGHTS_HPP_
