// Validation of scores against a binary outcome: candor_auc,
// candor_compare_auc, candor_calibration and candor_lift over scores,
// probabilities and outcomes from the input (ties, NaN, infinities, signed
// zeros, outcomes other than 0/1), with levels and group counts from the
// input. Results returned as CANDOR_OK must keep their promises: an AUC in
// [0, 1] inside an interval within [0, 1] (of nonzero width at any level
// from 1e-6), AUC(-score) =
// 1 - AUC(score), a score compared with itself differs by 0 with p = 1,
// p-values in [0, 1], calibration groups and lift rows that account for
// every row, gains rising to 1.
//
// Input: a level byte (odd: an interesting double follows), a groups byte
// (0xff: four raw bytes follow), then per row: score byte, second score
// byte, outcome byte, probability byte (each >= 0xf0 or the outcome's 0xfe
// and above: something unusual follows or is used).
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

constexpr size_t kMaxRows = 2000;

// A score: small integers mostly (ties), sometimes any double.
double Score(FuzzInput& in) {
  const uint8_t b = in.Byte();
  if (b >= 0xf0) return candor_fuzz::InterestingDouble(in);
  return static_cast<double>(b % 24) - 8;
}

// A probability: a hundredth in (0, 1) mostly (ties), sometimes any double.
double Probability(FuzzInput& in) {
  const uint8_t b = in.Byte();
  if (b >= 0xf0) return candor_fuzz::InterestingDouble(in);
  return (b % 99 + 1) / 100.0;
}

uint8_t Outcome(FuzzInput& in) {
  const uint8_t b = in.Byte();
  return b >= 0xfe ? b : b & 1;
}

bool InUnit(double p) { return p >= 0 && p <= 1; }

void CheckAuc(const std::vector<double>& score, const std::vector<uint8_t>& outcome, double level) {
  const size_t n = score.size();
  candor_auc_result r;
  const candor_status s = candor_auc(score.data(), outcome.data(), n, level, &r);
  CheckStatus(s, "candor_auc");
  if (s != CANDOR_OK) return;
  CANDOR_FUZZ_CHECK(r.n_positive + r.n_negative == static_cast<int64_t>(n), "auc counts");
  CANDOR_FUZZ_CHECK(r.n_positive > 0 && r.n_negative > 0, "auc has both classes");
  CANDOR_FUZZ_CHECK(InUnit(r.value), "auc in [0, 1]");
  CANDOR_FUZZ_CHECK(r.ci_low >= 0 && r.ci_high <= 1, "auc interval within [0, 1]");
  CANDOR_FUZZ_CHECK(r.ci_low <= r.value && r.value <= r.ci_high, "auc inside its interval");
  // Nonzero width (at levels where z does not round to 0 in double).
  CANDOR_FUZZ_CHECK(r.ci_low < r.ci_high || level < 1e-6, "auc interval of nonzero width");
  CANDOR_FUZZ_CHECK(r.std_error >= 0 || (std::isnan(r.std_error) && r.hanley_mcneil_interval),
                    "auc std_error");
  CANDOR_FUZZ_CHECK(r.hanley_mcneil_interval == (std::isnan(r.std_error) || r.std_error == 0),
                    "Hanley-McNeil interval exactly when DeLong's has none");
  std::vector<double> negated(n);
  for (size_t i = 0; i < n; ++i) negated[i] = -score[i];
  candor_auc_result flipped;
  CANDOR_FUZZ_CHECK(candor_auc(negated.data(), outcome.data(), n, level, &flipped) == CANDOR_OK,
                    "auc of -score");
  CANDOR_FUZZ_CHECK(std::fabs(flipped.value + r.value - 1) <= 1e-12, "AUC(-s) = 1 - AUC(s)");
}

void CheckCompare(const std::vector<double>& a, const std::vector<double>& b,
                  const std::vector<uint8_t>& outcome, double level) {
  const size_t n = a.size();
  candor_auc_comparison c;
  const candor_status s = candor_compare_auc(a.data(), b.data(), outcome.data(), n, level, &c);
  CheckStatus(s, "candor_compare_auc");
  if (s != CANDOR_OK) return;
  CANDOR_FUZZ_CHECK(InUnit(c.auc_a) && InUnit(c.auc_b), "compared AUCs in [0, 1]");
  CANDOR_FUZZ_CHECK(c.std_error >= 0, "paired std_error");
  CANDOR_FUZZ_CHECK(InUnit(c.p_value) || (std::isnan(c.p_value) && c.std_error == 0),
                    "paired p-value");
  if (c.std_error > 0) {
    CANDOR_FUZZ_CHECK(c.ci_low <= c.difference && c.difference <= c.ci_high, "paired interval");
  } else {
    CANDOR_FUZZ_CHECK(std::isnan(c.ci_low) && std::isnan(c.ci_high), "no zero-width interval");
  }
  candor_auc_comparison self;
  CANDOR_FUZZ_CHECK(
      candor_compare_auc(a.data(), a.data(), outcome.data(), n, level, &self) == CANDOR_OK,
      "a score compared with itself");
  CANDOR_FUZZ_CHECK(self.difference == 0 && self.p_value == 1 && self.z == 0,
                    "a score equals itself");
}

void CheckCalibration(const std::vector<double>& p, const std::vector<uint8_t>& outcome,
                      size_t groups, double level) {
  const size_t n = p.size();
  candor_calibration_result r;
  // Room for the groups asked for when that is a sane number; else none.
  std::vector<candor_calibration_group> rows(groups <= kMaxRows ? groups : 0);
  const candor_status s = candor_calibration(p.data(), outcome.data(), n, groups, level, &r,
                                             rows.empty() ? nullptr : rows.data());
  CheckStatus(s, "candor_calibration");
  if (s != CANDOR_OK) return;
  candor_fuzz::Context() = "calibration of n " + std::to_string(n) + ", level " +
                           std::to_string(level) + ": slope " + std::to_string(r.slope) + " [" +
                           std::to_string(r.slope_ci_low) + ", " + std::to_string(r.slope_ci_high) +
                           "], se " + std::to_string(r.slope_std_error);
  CANDOR_FUZZ_CHECK(groups >= 3 && groups <= n, "groups accepted only in [3, n]");
  CANDOR_FUZZ_CHECK(r.brier >= 0 && r.brier <= 1, "brier in [0, 1]");
  CANDOR_FUZZ_CHECK(std::isfinite(r.intercept) && r.intercept_std_error > 0, "intercept");
  CANDOR_FUZZ_CHECK(r.intercept_ci_low < r.intercept_ci_high || level < 1e-6, "intercept interval");
  if (r.slope_fitted) {
    CANDOR_FUZZ_CHECK(std::isfinite(r.slope) && (r.slope_ci_low < r.slope_ci_high || level < 1e-6),
                      "slope");
  } else {
    CANDOR_FUZZ_CHECK(std::isnan(r.slope), "unfitted slope is NaN");
  }
  CANDOR_FUZZ_CHECK(r.groups >= 1 && r.groups <= groups, "groups formed");
  CANDOR_FUZZ_CHECK(r.hosmer_lemeshow_df == static_cast<int32_t>(r.groups) - 2, "HL df");
  CANDOR_FUZZ_CHECK(
      InUnit(r.hosmer_lemeshow_p_value) || (std::isnan(r.hosmer_lemeshow_p_value) && r.groups < 3),
      "HL p-value");
  int64_t count = 0;
  int64_t positives = 0;
  for (size_t g = 0; g < r.groups; ++g) {
    CANDOR_FUZZ_CHECK(rows[g].count > 0, "groups formed are not empty");
    CANDOR_FUZZ_CHECK(rows[g].probability_low <= rows[g].probability_high, "group range");
    count += rows[g].count;
    positives += rows[g].positives;
  }
  CANDOR_FUZZ_CHECK(count == static_cast<int64_t>(n) && positives == r.n_positive,
                    "groups hold every row");
}

void CheckLift(const std::vector<double>& score, const std::vector<uint8_t>& outcome,
               size_t groups) {
  const size_t n = score.size();
  std::vector<candor_lift_row> rows(groups <= n && groups > 0 ? groups : 1);
  const candor_status s = candor_lift(score.data(), outcome.data(), n, groups, rows.data());
  CheckStatus(s, "candor_lift");
  if (s != CANDOR_OK) return;
  CANDOR_FUZZ_CHECK(groups >= 1 && groups <= n, "lift groups accepted only in [1, n]");
  int64_t count = 0;
  double gain = 0;
  for (size_t g = 0; g < groups; ++g) {
    CANDOR_FUZZ_CHECK(rows[g].group == static_cast<int32_t>(g + 1), "lift group number");
    CANDOR_FUZZ_CHECK(rows[g].count >= 0 && rows[g].positives <= rows[g].count, "lift counts");
    CANDOR_FUZZ_CHECK(rows[g].gain >= gain, "gains never fall");
    if (rows[g].count > 0) {
      CANDOR_FUZZ_CHECK(rows[g].score_min <= rows[g].score_max, "lift score range");
      if (g > 0 && rows[g - 1].count > 0) {
        CANDOR_FUZZ_CHECK(rows[g].score_max < rows[g - 1].score_min, "groups by descending score");
      }
    }
    gain = rows[g].gain;
    count += rows[g].count;
  }
  CANDOR_FUZZ_CHECK(count == static_cast<int64_t>(n), "lift rows hold every row");
  CANDOR_FUZZ_CHECK(std::fabs(gain - 1) <= 1e-12, "gain ends at 1");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const double level = (in.Byte() & 1) ? candor_fuzz::InterestingDouble(in) : 0.95;
  const uint8_t groups_byte = in.Byte();
  const size_t groups = groups_byte == 0xff ? in.Raw<uint32_t>() : groups_byte % 16;
  std::vector<double> score, second, probability;
  std::vector<uint8_t> outcome;
  while (in.remaining() > 0 && score.size() < kMaxRows) {
    score.push_back(Score(in));
    second.push_back(Score(in));
    outcome.push_back(Outcome(in));
    probability.push_back(Probability(in));
  }
  CheckAuc(score, outcome, level);
  CheckCompare(score, second, outcome, level);
  CheckCalibration(probability, outcome, groups, level);
  CheckLift(score, outcome, groups);
  return 0;
}
