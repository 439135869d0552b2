// Score options and data through the C ABI: candor_score, candor_score_i8,
// candor_compare, candor_breakdown_new and accumulators, with options from
// the input (every metric and interval, valid or not) and scores and weights
// from the input (scale points, raw doubles, extreme weights). Whatever is
// returned as CANDOR_OK must be finite with ci_low <= ci_high (issue 11,
// bug 3); the accumulator must agree with candor_score on the same data.
//
// Input: score options, a flags byte, then per response a score byte and,
// when weighted, a weight (see Weight below).
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckComparison;
using candor_fuzz::CheckEstimate;
using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

constexpr size_t kMaxResponses = 4096;

// A score: usually a point of the options' scale, sometimes a raw double.
double Score(FuzzInput& in, const candor_score_options& o) {
  const uint8_t b = in.Byte();
  if (b == 0xff) return in.Raw<double>();
  const int64_t range = static_cast<int64_t>(o.scale_max) - o.scale_min + 1;
  if (range <= 0 || range > 255) return static_cast<double>(static_cast<int8_t>(b));
  return static_cast<double>(o.scale_min + static_cast<int64_t>(b % range));
}

double Weight(FuzzInput& in) {
  const uint8_t b = in.Byte();
  if (b < 0xc0) return 0.25 * (b % 16);
  return candor_fuzz::InterestingDouble(in);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const candor_score_options options = candor_fuzz::ScoreOptions(in);
  const uint8_t flags = in.Byte();
  const bool weighted = flags & 1;
  std::vector<double> scores;
  std::vector<double> weights;
  std::vector<int8_t> small;
  std::vector<int32_t> segment;
  while (in.remaining() > 0 && scores.size() < kMaxResponses) {
    scores.push_back(Score(in, options));
    if (weighted) weights.push_back(Weight(in));
    const double x = scores.back();
    small.push_back(x >= -128 && x <= 127 ? static_cast<int8_t>(x) : int8_t{127});
    segment.push_back(static_cast<int32_t>(scores.size() % 3));
  }
  const size_t n = scores.size();
  const double* w = weighted ? weights.data() : nullptr;
  std::string& context = candor_fuzz::Context();
  context = candor_fuzz::Describe(options) + " scores";
  for (size_t i = 0; i < n && i < 64; ++i) {
    char item[64];
    std::snprintf(item, sizeof(item), weighted ? " %.17g (w %.17g)" : " %.17g", scores[i],
                  weighted ? weights[i] : 0.0);
    context += item;
  }

  candor_estimate estimate;
  const candor_status scored = candor_score(&options, scores.data(), w, n, &estimate);
  CheckStatus(scored, "candor_score");
  if (scored == CANDOR_OK) {
    CheckEstimate(estimate, "candor_score");
    CANDOR_FUZZ_CHECK(estimate.n == static_cast<int64_t>(n), "candor_score counts every response");
  }

  if (!weighted) {
    candor_estimate fast;
    const candor_status s = candor_score_i8(&options, small.data(), n, &fast);
    CheckStatus(s, "candor_score_i8");
    if (s == CANDOR_OK) CheckEstimate(fast, "candor_score_i8");
  }

  // The first and second half as two groups.
  const size_t half = n / 2;
  candor_comparison comparison;
  const candor_status compared =
      candor_compare(&options, scores.data(), w, half, scores.data() + half,
                     weighted ? weights.data() + half : nullptr, n - half, &comparison);
  CheckStatus(compared, "candor_compare");
  if (compared == CANDOR_OK) CheckComparison(comparison, "candor_compare");

  if (flags & 2) {
    const int32_t* columns[1] = {segment.data()};
    candor_breakdown* breakdown = nullptr;
    const candor_status s =
        candor_breakdown_new(&options, scores.data(), w, n, columns, 1, &breakdown);
    CheckStatus(s, "candor_breakdown_new");
    for (size_t r = 0; s == CANDOR_OK && r < candor_breakdown_rows(breakdown); ++r) {
      candor_breakdown_row row;
      CANDOR_FUZZ_CHECK(candor_breakdown_row_at(breakdown, r, &row) == CANDOR_OK, "row_at");
      // A weighted cell with n < 2 (or no weight) is a row of NaN with p = 1
      // by design (candor/score.hpp).
      const candor_estimate& e = row.estimate;
      if (std::isnan(e.value) && std::isnan(e.std_error) && std::isnan(e.ci_low) &&
          std::isnan(e.ci_high)) {
        CANDOR_FUZZ_CHECK(weighted && row.p_adjusted == 1, "a NaN breakdown row");
        continue;
      }
      CheckEstimate(e, "candor_breakdown_new row");
      CANDOR_FUZZ_CHECK((row.p_adjusted >= 0 && row.p_adjusted <= 1) || std::isnan(row.p_adjusted),
                        "adjusted p in [0, 1]");
    }
    candor_breakdown_free(breakdown);
  }

  // The same responses through an accumulator: the same answer as
  // candor_score when both succeed (not for the bootstrap, which resamples
  // responses an accumulator does not keep).
  candor_accumulator* acc = nullptr;
  if (candor_accumulator_new(options.scale_min, options.scale_max, &acc) == CANDOR_OK) {
    const candor_status added = candor_accumulator_add(acc, scores.data(), w, n);
    CheckStatus(added, "candor_accumulator_add");
    candor_estimate accumulated;
    const candor_status s = candor_accumulator_estimate(acc, &options, &accumulated);
    CheckStatus(s, "candor_accumulator_estimate");
    if (s == CANDOR_OK) CheckEstimate(accumulated, "candor_accumulator_estimate");
    if (added == CANDOR_OK && s == CANDOR_OK && scored == CANDOR_OK &&
        candor_fuzz::RawEnumValue(options.interval) != CANDOR_INTERVAL_BOOTSTRAP) {
      CANDOR_FUZZ_CHECK(accumulated.n == estimate.n, "accumulator and candor_score agree on n");
    }
    candor_accumulator_free(acc);
  }

  // Planning and p-value adjustment take plain doubles.
  double margin = 0;
  const candor_status m =
      candor_margin_of_error(n > 0 ? scores[0] / 10 : 0.5, n > 1 ? scores[1] / 10 : 0.1,
                             static_cast<int64_t>(n), options.level, &margin);
  CheckStatus(m, "candor_margin_of_error");
  if (m == CANDOR_OK) CANDOR_FUZZ_CHECK(std::isfinite(margin) && margin >= 0, "margin of error");
  int64_t required = 0;
  const candor_status r =
      candor_required_n(n > 0 ? scores[0] / 10 : 0.5, n > 1 ? scores[1] / 10 : 0.1,
                        weighted && n > 0 ? weights[0] : 5, options.level, &required);
  CheckStatus(r, "candor_required_n");
  if (r == CANDOR_OK) CANDOR_FUZZ_CHECK(required >= 1, "required n");
  std::vector<double> p(scores);
  for (double& x : p) x = x / 10;
  std::vector<double> adjusted(n);
  const candor_status a = candor_adjust_p_values(
      static_cast<candor_p_adjust>(candor_fuzz::RawEnumValue(options.p_adjust) & 3), p.data(), n,
      adjusted.data());
  CheckStatus(a, "candor_adjust_p_values");
  if (a == CANDOR_OK) {
    for (size_t i = 0; i < n; ++i) {
      // NaN p-values (missing tests) stay NaN and are not counted, as R's p.adjust.
      if (std::isnan(p[i]) ? !std::isnan(adjusted[i])
                           : !(adjusted[i] >= p[i] && adjusted[i] <= 1)) {
        candor_fuzz::Fail("candor_adjust_p_values", "p " + std::to_string(p[i]) + " adjusted to " +
                                                        std::to_string(adjusted[i]));
      }
    }
  }
  return 0;
}
