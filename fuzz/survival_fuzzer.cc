// Survival entry points over columns from the input: candor_concordance
// (both time weights, and values that are neither), candor_kaplan_meier_new
// (every interval type, any level, groups) and candor_log_rank_new, with
// times, events, risks, groups and weights from the input (mostly small
// integers, so ties in time and risk are common; sometimes any double).
// Results returned as CANDOR_OK must keep their promises: C in [0, 1] with a
// finite standard error and counts >= 0 (+inf past the double range); curves in ascending group
// and time, survival in [0, 1] and non-increasing, intervals around it;
// log-rank p in [0, 1] and observed events summing to the expected ones.
//
// Input: a mode byte, option bytes, then per row: time, event, risk, group,
// weight bytes (0xf0 and above: an interesting or raw double instead).
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

double Field(FuzzInput& in, double scale) {
  const uint8_t b = in.Byte();
  if (b >= 0xf0) return candor_fuzz::InterestingDouble(in);
  return (b % 16) * scale;
}

struct Columns {
  std::vector<double> time, event, risk, weights;
  std::vector<int32_t> groups;
};

Columns Read(FuzzInput& in) {
  Columns c;
  while (in.remaining() > 0 && c.time.size() < 2000) {
    c.time.push_back(Field(in, 1));
    const uint8_t e = in.Byte();
    c.event.push_back(e >= 0xf0 ? candor_fuzz::InterestingDouble(in) : e % 2);
    c.risk.push_back(Field(in, 0.5));
    const uint8_t g = in.Byte();
    c.groups.push_back(g >= 0xf8 ? in.Raw<int32_t>() : g % 6);
    c.weights.push_back(Field(in, 0.25));
  }
  return c;
}

void Concordance(FuzzInput& in) {
  candor_concordance_options options;
  candor_concordance_options_init(&options);
  candor_fuzz::SetRawEnum(&options.time_weight, static_cast<int>(in.Below(3)));
  const bool weighted = in.Byte() & 1;
  const Columns c = Read(in);
  candor_concordance_result r;
  const candor_status s =
      candor_concordance(c.risk.data(), c.time.data(), c.event.data(),
                         weighted ? c.weights.data() : nullptr, c.time.size(), &options, &r);
  CheckStatus(s, "candor_concordance");
  if (s != CANDOR_OK) return;
  CANDOR_FUZZ_CHECK(r.value >= 0 && r.value <= 1, "concordance value");
  CANDOR_FUZZ_CHECK(std::isfinite(r.std_error) && r.std_error >= 0, "concordance std_error");
  for (double count : {r.concordant, r.discordant, r.tied_risk, r.tied_time, r.tied_both}) {
    // +inf is allowed: counts in the caller's units past the double range.
    CANDOR_FUZZ_CHECK(!std::isnan(count) && count >= 0, "concordance counts");
  }
  CANDOR_FUZZ_CHECK(r.n == static_cast<int64_t>(c.time.size()) && r.events >= 1, "concordance n");
}

void KaplanMeier(FuzzInput& in) {
  candor_kaplan_meier_options options;
  candor_kaplan_meier_options_init(&options);
  candor_fuzz::SetRawEnum(&options.interval, static_cast<int>(in.Below(4)));
  options.level = (in.Byte() & 1) ? candor_fuzz::InterestingDouble(in) : 0.95;
  const uint8_t flags = in.Byte();
  const Columns c = Read(in);
  candor_kaplan_meier* km = nullptr;
  const candor_status s = candor_kaplan_meier_new(
      c.time.data(), c.event.data(), (flags & 1) ? c.groups.data() : nullptr,
      (flags & 2) ? c.weights.data() : nullptr, c.time.size(), &options, &km);
  CheckStatus(s, "candor_kaplan_meier_new");
  if (s != CANDOR_OK) {
    CANDOR_FUZZ_CHECK(km == nullptr, "kaplan_meier handle on failure");
    return;
  }
  int64_t rows = 0;
  int32_t previous_group = -1;
  candor_km_curve curve;
  for (size_t i = 0; i < candor_kaplan_meier_curves(km); ++i) {
    CANDOR_FUZZ_CHECK(candor_kaplan_meier_curve_at(km, i, &curve) == CANDOR_OK, "curve_at");
    CANDOR_FUZZ_CHECK(curve.group > previous_group, "curves in ascending group");
    previous_group = curve.group;
    rows += curve.n;
    for (size_t k = 0; k < curve.points; ++k) {
      const double s_k = curve.survival[k];
      CANDOR_FUZZ_CHECK(s_k >= 0 && s_k <= 1, "survival in [0, 1]");
      if (k > 0) {
        CANDOR_FUZZ_CHECK(curve.time[k] > curve.time[k - 1], "times ascending");
        CANDOR_FUZZ_CHECK(s_k <= curve.survival[k - 1], "survival non-increasing");
        CANDOR_FUZZ_CHECK(curve.n_risk[k] <= curve.n_risk[k - 1], "n_risk non-increasing");
      }
      if (!std::isnan(curve.ci_low[k])) {
        CANDOR_FUZZ_CHECK(curve.ci_low[k] <= s_k * (1 + 1e-12) + 1e-300 &&
                              s_k <= curve.ci_high[k] * (1 + 1e-12) + 1e-300 &&
                              curve.ci_low[k] >= 0 && curve.ci_high[k] <= 1,
                          "interval around the survival, inside [0, 1]");
      }
      if (s_k == 1 && curve.n_risk[k] >= 1e-6 && curve.n_risk[k] <= 1e12) {
        CANDOR_FUZZ_CHECK(curve.ci_low[k] < curve.ci_high[k],
                          "no zero-width interval before the first event");
      }
    }
  }
  CANDOR_FUZZ_CHECK(rows == static_cast<int64_t>(c.time.size()), "every row in a curve");
  candor_kaplan_meier_free(km);
}

void LogRank(FuzzInput& in) {
  const Columns c = Read(in);
  candor_log_rank* test = nullptr;
  const candor_status s =
      candor_log_rank_new(c.time.data(), c.event.data(), c.groups.data(), c.time.size(), &test);
  CheckStatus(s, "candor_log_rank_new");
  if (s != CANDOR_OK) {
    CANDOR_FUZZ_CHECK(test == nullptr, "log_rank handle on failure");
    return;
  }
  candor_log_rank_result r;
  CANDOR_FUZZ_CHECK(candor_log_rank_summary(test, &r) == CANDOR_OK, "log_rank_summary");
  CANDOR_FUZZ_CHECK(r.chi_square >= 0 && std::isfinite(r.chi_square), "chi_square");
  CANDOR_FUZZ_CHECK(r.p_value >= 0 && r.p_value <= 1, "p_value in [0, 1]");
  double observed = 0, expected = 0;
  int32_t tested = 0;
  candor_log_rank_group g;
  for (size_t i = 0; i < candor_log_rank_groups(test); ++i) {
    CANDOR_FUZZ_CHECK(candor_log_rank_group_at(test, i, &g) == CANDOR_OK, "group_at");
    observed += g.observed;
    expected += g.expected;
    tested += g.tested;
  }
  CANDOR_FUZZ_CHECK(r.df == tested - 1, "df = tested groups - 1");
  CANDOR_FUZZ_CHECK(std::fabs(observed - expected) <= 1e-6 * (1 + observed), "sum O = sum E");
  candor_log_rank_free(test);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  switch (in.Byte() % 3) {
    case 0:
      Concordance(in);
      break;
    case 1:
      KaplanMeier(in);
      break;
    default:
      LogRank(in);
      break;
  }
  return 0;
}
