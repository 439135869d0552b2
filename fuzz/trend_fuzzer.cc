// Trend entry points over arrays from the input: candor_mann_kendall (every
// method, lags, periods), candor_sens_slope, candor_seasonal_sens_slope,
// candor_wls_slope (standard errors and times from the input),
// candor_change_points_new and candor_account_trends_new (scores, times,
// accounts, weights from the input, options from the input). Results
// returned as CANDOR_OK must keep their promises: p-values in [0, 1],
// intervals ordered, segments covering the series, one row per account.
//
// Input: a mode byte, option bytes, then per element its fields.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckEstimate;
using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

bool InUnit(double p) { return p >= 0 && p <= 1; }

// A series value: small integers mostly (ties), sometimes any double.
double Value(FuzzInput& in) {
  const uint8_t b = in.Byte();
  if (b >= 0xf0) return candor_fuzz::InterestingDouble(in);
  return static_cast<double>(b % 16) - 4;
}

void Series(FuzzInput& in) {
  candor_mk_options mk;
  candor_mk_options_init(&mk);
  candor_fuzz::SetRawEnum(&mk.method, static_cast<int>(in.Below(4)));
  mk.alpha = (in.Byte() & 1) ? candor_fuzz::InterestingDouble(in) : 0.05;
  mk.max_lag = in.Byte();
  mk.period = in.Byte() % 16;
  mk.hamed_rao_signed_sum = in.Byte() & 1;
  const double level = (in.Byte() & 1) ? candor_fuzz::InterestingDouble(in) : 0.95;
  const bool with_times = in.Byte() & 1;
  std::vector<double> values, errors, times;
  double t = 0;
  while (in.remaining() > 0 && values.size() < 600) {
    values.push_back(Value(in));
    const uint8_t e = in.Byte();
    errors.push_back(e >= 0xf0 ? candor_fuzz::InterestingDouble(in) : 0.1 + e % 32);
    const uint8_t step = in.Byte();
    t = step >= 0xf0 ? candor_fuzz::InterestingDouble(in) : t + step % 4;
    times.push_back(t);
  }
  const size_t n = values.size();

  candor_mk_result mk_result;
  const candor_status m = candor_mann_kendall(values.data(), n, &mk, &mk_result);
  CheckStatus(m, "candor_mann_kendall");
  if (m == CANDOR_OK) {
    CANDOR_FUZZ_CHECK(InUnit(mk_result.p_value), "Mann-Kendall p-value in [0, 1]");
    CANDOR_FUZZ_CHECK(mk_result.tau >= -1 && mk_result.tau <= 1, "tau in [-1, 1]");
    CANDOR_FUZZ_CHECK(mk_result.trend >= -1 && mk_result.trend <= 1, "trend verdict");
    CANDOR_FUZZ_CHECK(mk_result.var_s >= 0, "var_s >= 0");
  }
  candor_sens_slope_result sens;
  const candor_status s = candor_sens_slope(values.data(), n, level, &sens);
  CheckStatus(s, "candor_sens_slope");
  if (s == CANDOR_OK) {
    CANDOR_FUZZ_CHECK(!(sens.ci_low > sens.ci_high), "Sen's interval ordered");
  }
  const candor_status ss = candor_seasonal_sens_slope(values.data(), n, mk.period, level, &sens);
  CheckStatus(ss, "candor_seasonal_sens_slope");
  if (ss == CANDOR_OK) {
    CANDOR_FUZZ_CHECK(!(sens.ci_low > sens.ci_high), "seasonal Sen's interval ordered");
  }
  std::string& context = candor_fuzz::Context();
  context = "level " + std::to_string(level) + ", values/errors/times";
  for (size_t i = 0; i < n && i < 16; ++i) {
    char item[96];
    std::snprintf(item, sizeof(item), " %.17g/%.17g/%.17g", values[i], errors[i], times[i]);
    context += item;
  }
  candor_wls_slope_result wls;
  const candor_status w =
      candor_wls_slope(values.data(), errors.data(), with_times ? times.data() : nullptr, n, level,
                       mk.hamed_rao_signed_sum, &wls);
  CheckStatus(w, "candor_wls_slope");
  if (w == CANDOR_OK) {
    if (!(std::isfinite(wls.slope) && std::isfinite(wls.slope_std_error) &&
          wls.slope_std_error >= 0)) {
      candor_fuzz::Fail("candor_wls_slope", "slope " + std::to_string(wls.slope) + ", SE " +
                                                std::to_string(wls.slope_std_error) +
                                                (with_times ? " with times" : " without times"));
    }
    CANDOR_FUZZ_CHECK(wls.slope_ci_low <= wls.slope_ci_high, "WLS interval ordered");
    CANDOR_FUZZ_CHECK(InUnit(wls.slope_p_value) || std::isnan(wls.slope_p_value),
                      "WLS p-value in [0, 1]");
  }
}

void ChangePoints(FuzzInput& in) {
  const candor_score_options score_options = candor_fuzz::ScoreOptions(in);
  candor_change_point_options options;
  candor_change_point_options_init(&options);
  candor_fuzz::SetRawEnum(&options.penalty, static_cast<int>(in.Below(4)));
  options.penalty_value = candor_fuzz::InterestingDouble(in);
  options.min_size = static_cast<int8_t>(in.Byte());
  options.max_grid_points = in.Byte() < 0x80 ? in.Byte() : 4096;
  const uint8_t flags = in.Byte();
  std::vector<double> scores;
  std::vector<int64_t> times;
  int64_t t = 1700000000;
  const int64_t range = static_cast<int64_t>(score_options.scale_max) - score_options.scale_min + 1;
  while (in.remaining() > 0 && scores.size() < 3000) {
    const uint8_t b = in.Byte();
    scores.push_back(range > 0 && range < 256
                         ? static_cast<double>(score_options.scale_min + b % range)
                         : static_cast<double>(b));
    const uint8_t step = in.Byte();
    t = step >= 0xf8 ? in.Raw<int64_t>() : (t > INT64_MAX - 3 ? t : t + step % 3);
    times.push_back(t);
  }
  const size_t n = scores.size();
  candor_change_points* result = nullptr;
  const candor_status s =
      candor_change_points_new(&score_options, &options, scores.data(),
                               (flags & 1) ? times.data() : nullptr, nullptr, n, &result);
  CheckStatus(s, "candor_change_points_new");
  if (s != CANDOR_OK) return;
  const size_t segments = candor_change_points_segment_count(result);
  CANDOR_FUZZ_CHECK(segments == candor_change_points_count(result) + 1, "segments = changes + 1");
  int64_t expected_begin = 0;
  for (size_t i = 0; i < segments; ++i) {
    candor_change_segment segment;
    CANDOR_FUZZ_CHECK(candor_change_points_segment_at(result, i, &segment) == CANDOR_OK,
                      "segment_at");
    CANDOR_FUZZ_CHECK(segment.begin == expected_begin && segment.end > segment.begin,
                      "segments are contiguous and not empty");
    expected_begin = segment.end;
    CheckEstimate(segment.level, "a change-point segment's level");
  }
  CANDOR_FUZZ_CHECK(expected_begin == static_cast<int64_t>(n), "segments cover the series");
  for (size_t i = 0; i < candor_change_points_count(result); ++i) {
    candor_change_point change;
    CANDOR_FUZZ_CHECK(candor_change_points_at(result, i, &change) == CANDOR_OK, "change_at");
    CANDOR_FUZZ_CHECK(change.index > 0 && change.index < static_cast<int64_t>(n), "change index");
  }
  candor_change_points_free(result);
}

void AccountTrends(FuzzInput& in) {
  const candor_score_options score_options = candor_fuzz::ScoreOptions(in);
  candor_account_trend_options options;
  candor_account_trend_options_init(&options);
  const uint8_t flags = in.Byte();
  if (flags & 1) {
    options.min_responses = static_cast<int8_t>(in.Byte());
    options.slope_unit_days = candor_fuzz::InterestingDouble(in);
    candor_fuzz::SetRawEnum(&options.split, static_cast<int>(in.Below(4)));
    options.split_time = int64_t{1700000000} + in.Raw<int32_t>();
    options.recent_days = candor_fuzz::InterestingDouble(in);
    candor_fuzz::SetRawEnum(&options.covariance, static_cast<int>(in.Below(3)));
    options.alpha = candor_fuzz::InterestingDouble(in);
  }
  std::vector<double> scores, weights;
  std::vector<int64_t> times;
  std::vector<int32_t> accounts;
  const int64_t range = static_cast<int64_t>(score_options.scale_max) - score_options.scale_min + 1;
  while (in.remaining() > 0 && scores.size() < 2000) {
    const uint8_t b = in.Byte();
    scores.push_back(range > 0 && range < 256
                         ? static_cast<double>(score_options.scale_min + b % range)
                         : static_cast<double>(b));
    const uint8_t when = in.Byte();
    times.push_back(when >= 0xf8 ? in.Raw<int64_t>() : 1700000000 + int64_t{86400} * when);
    accounts.push_back(in.Byte() % 8);
    weights.push_back(0.25 * (in.Byte() % 16));
  }
  const size_t n = scores.size();
  candor_account_trends* trends = nullptr;
  const candor_status s = candor_account_trends_new(
      &score_options, (flags & 2) ? nullptr : &options, scores.data(), times.data(),
      accounts.data(), (flags & 4) ? weights.data() : nullptr, n, &trends);
  CheckStatus(s, "candor_account_trends_new");
  if (s != CANDOR_OK) return;
  const std::set<int32_t> distinct(accounts.begin(), accounts.end());
  CANDOR_FUZZ_CHECK(candor_account_trends_rows(trends) == distinct.size(), "one row per account");
  int64_t declining = 0;
  for (size_t i = 0; i < candor_account_trends_rows(trends); ++i) {
    candor_account_trend_row row;
    CANDOR_FUZZ_CHECK(candor_account_trends_row_at(trends, i, &row) == CANDOR_OK, "row_at");
    CANDOR_FUZZ_CHECK(distinct.count(row.account) == 1, "a row's account exists");
    declining += row.declining;
    CANDOR_FUZZ_CHECK(std::isnan(row.slope_p_adjusted) || InUnit(row.slope_p_adjusted),
                      "adjusted slope p in [0, 1]");
    if (row.slope_ci_low > row.slope_ci_high) {
      candor_fuzz::Fail("candor_account_trends_new",
                        "slope " + std::to_string(row.slope) + ", SE " +
                            std::to_string(row.slope_std_error) + ", df " +
                            std::to_string(row.slope_df) + ", interval [" +
                            std::to_string(row.slope_ci_low) + ", " +
                            std::to_string(row.slope_ci_high) + "], n " + std::to_string(row.n));
    }
  }
  CANDOR_FUZZ_CHECK(declining == candor_account_trends_declining(trends), "declining count");
  candor_account_trends_free(trends);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  switch (in.Byte() % 3) {
    case 0:
      Series(in);
      break;
    case 1:
      ChangePoints(in);
      break;
    case 2:
      AccountTrends(in);
      break;
  }
  return 0;
}
