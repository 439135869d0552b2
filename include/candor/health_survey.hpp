// candor/health_survey.hpp — survey metrics as health measures: each
// account's NPS (or CSAT, or any metric) from its own responses, shrunk
// toward its segment's by empirical Bayes so that one answer from a small
// account cannot swing its health, with a standard error kept.
//
// Input: n responses, each with an account code in [0, n_accounts), a score
// (an integer on the metric's scale, as for candor/score.hpp) and optionally
// a time; those with time in [from, to) count. A response's value y is the
// metric's value of its score times its multiplier (NPS +100 / 0 / -100, a
// box 100 / 0, a mean the score itself), so an account's mean m_i of its n_i
// values is its NPS (CSAT, mean) on the usual scale.
//
// Within a segment (account_segment; one segment without it), over the k
// accounts with responses and their N responses:
//   ybar   = the mean of all N values;
//   sigma2 = the pooled within-account variance sum_i sum_j (y_ij - m_i)^2 /
//            (N - k); when N = k (one response each) the variance of the N
//            values about ybar, (N - 1) denominator;
//   tau2   = the between-account variance by the ANOVA method of moments for
//            an unbalanced one-way layout (Searle, Casella and McCulloch 1992,
//            Variance Components, section 3.5):
//            max(0, (SSB - (k - 1) sigma2) / (N - sum_i n_i^2 / N)),
//            SSB = sum_i n_i (m_i - ybar)^2; 0 when k = 1.
// Each account then has the shrinkage factor B_i = tau2 / (tau2 + sigma2 /
// n_i), the precision weight w_i = 1 / (tau2 + sigma2 / n_i), the segment
// mean mu = sum w_i m_i / sum w_i, and (Morris 1983, JASA 78:47-55)
//   value_i     = mu + B_i (m_i - mu),
//   std_error_i = sqrt(B_i sigma2 / n_i + (1 - B_i)^2 / sum_j w_j),
// the second term the uncertainty of mu; with tau2 = 0 every account gets mu
// and the standard error of mu. When sigma2 would be 0 (no account's
// responses vary, or a single response) so would the standard errors,
// claiming a certainty a handful of answers cannot give; instead the segment
// gets one more pseudo-account of two responses at the ends of the metric's
// range (lo, hi; the idea of Agresti and Coull 1998): sigma2 = (the within
// sum of squares + (hi - lo)^2 / 2) / (N - k + 1), and the segment is
// flagged (pseudo_responses). Without shrinkage (shrink = false): value =
// m_i and std_error = sqrt(sigma2 / n_i).
//
// Accounts with no response in the window have value NaN (missing data for a
// scorecard) and responses 0.
//
// Errors: a NULL column with n > 0, an account code or segment code out of
// range, a score that is not an integer on the metric's scale (naming the
// index), an invalid metric, from >= to: CANDOR_INVALID_ARGUMENT or
// CANDOR_OUT_OF_RANGE. No response in the window is not an error (every
// value NaN).
#ifndef CANDOR_HEALTH_SURVEY_HPP_
#define CANDOR_HEALTH_SURVEY_HPP_

#include <candor/score.hpp>
#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace candor {

struct SurveyMeasureOptions {
  Metric metric = Metric::Nps();
  int64_t from = std::numeric_limits<int64_t>::min();  // responses with from <= time < to
  int64_t to = std::numeric_limits<int64_t>::max();
  bool shrink = true;  // empirical Bayes toward the segment
};

struct SurveySegment {
  int64_t accounts = 0;  // with responses in the window
  int64_t responses = 0;
  double mean = 0;              // mu
  double within_variance = 0;   // sigma2
  double between_variance = 0;  // tau2
  bool pseudo_responses = false;
};

struct SurveyMeasure {
  // Per account code.
  std::vector<double> value;      // the measure: shrunk (or raw) metric; NaN: none
  std::vector<double> raw;        // m_i
  std::vector<double> std_error;  // of value
  std::vector<double> shrinkage;  // B_i (1 without shrinkage)
  std::vector<int64_t> responses;
  std::vector<SurveySegment> segments;  // per segment code
};

// times may be null (every response counts); account_segment may be null
// (one segment), else n_accounts codes in [0, n_segments).
Result<SurveyMeasure> AccountSurveyMeasure(const double* scores, const int64_t* times,
                                           const int32_t* accounts, size_t n, size_t n_accounts,
                                           const int32_t* account_segment, size_t n_segments,
                                           const SurveyMeasureOptions& options);

}  // namespace candor

#endif  // CANDOR_HEALTH_SURVEY_HPP_
