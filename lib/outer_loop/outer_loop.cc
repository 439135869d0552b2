// RankThemesByCost: validates the inputs, takes drivers' impact and trend,
// counts comments and accounts per theme, sums and bootstraps the ARR at
// risk, ranks, and picks the quotes (include/candor/outer_loop.hpp).
#include <algorithm>
#include <candor/outer_loop.hpp>
#include <candor/utf8.hpp>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <utility>

#include "arr_bootstrap.hpp"
#include "common/progress_ticker.hpp"
#include "no_interval.hpp"
#include "quotes.hpp"
#include "redact_quote.hpp"

namespace candor {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool IsDetractor(const Metric& metric, double score) {
  const int x = static_cast<int>(score);
  switch (metric.kind) {
    case MetricKind::kNps:
      return x <= metric.detractor_max;
    case MetricKind::kTopBox:
      return metric.ValueOf(x) <= 0;
    case MetricKind::kBottomBox:
      return metric.ValueOf(x) > 0;
    case MetricKind::kMean:
      break;
  }
  return false;
}

Status CheckInputs(size_t n, const OuterLoopInputs& inputs) {
  if (inputs.accounts == nullptr) return InvalidArgument("accounts is NULL (one code per comment)");
  if (inputs.account_arr != nullptr && inputs.account_count == 0) {
    return InvalidArgument("account_arr needs account_count (the number of ARR values)");
  }
  for (size_t i = 0; i < n; ++i) {
    const int32_t a = inputs.accounts[i];
    if (a < 0 ||
        (inputs.account_arr != nullptr && static_cast<size_t>(a) >= inputs.account_count)) {
      return OutOfRange(
          "accounts[" + std::to_string(i) + "] = " + std::to_string(a) +
          (a < 0 ? " is negative"
                 : " has no ARR (account_count is " + std::to_string(inputs.account_count) + ")"));
    }
    if (inputs.account_arr != nullptr) {
      const double arr = inputs.account_arr[a];
      if (!std::isfinite(arr) || arr < 0) {
        return OutOfRange("account_arr[" + std::to_string(a) + "] = " + std::to_string(arr) +
                          " (account of comment " + std::to_string(i) +
                          ") must be finite and >= 0");
      }
    }
    if (inputs.sentiments != nullptr && !std::isfinite(inputs.sentiments[i])) {
      return OutOfRange("sentiments[" + std::to_string(i) + "] is not finite");
    }
    if (inputs.segments != nullptr && inputs.segments[i] < 0) {
      return OutOfRange("segments[" + std::to_string(i) +
                        "] = " + std::to_string(inputs.segments[i]) + " is negative");
    }
  }
  if (inputs.texts != nullptr) {
    if (inputs.texts->size() != n) {
      return LengthMismatch("texts has " + std::to_string(inputs.texts->size()) + " entries for " +
                            std::to_string(n) + " comments");
    }
    for (size_t i = 0; i < n; ++i) {
      if (auto bad = FindInvalidUtf8((*inputs.texts)[i])) {
        return InvalidUtf8("texts[" + std::to_string(i) + "] is not valid UTF-8 at byte " +
                           std::to_string(*bad));
      }
    }
  }
  return OkStatus();
}

// The value ranked on (larger costs more).
double RankValue(const ThemeCost& t, OuterLoopRank rank_by) {
  switch (rank_by) {
    case OuterLoopRank::kArrAtRisk:
      return t.arr_at_risk;
    case OuterLoopRank::kNpsImpact:  // points lost: -impact (NaN last)
      return std::isnan(t.impact.difference) ? -std::numeric_limits<double>::infinity()
                                             : -t.impact.difference;
    case OuterLoopRank::kDetractorAccounts:
      return static_cast<double>(t.detractor_accounts);
    case OuterLoopRank::kComments:
      return static_cast<double>(t.comments);
  }
  return 0;
}

}  // namespace

Status OuterLoopOptions::Validate() const {
  const int rank = static_cast<int>(rank_by);
  if (rank < 0 || rank > 3)
    return InvalidArgument("rank_by: unknown value " + std::to_string(rank));
  if (replicates < 100 || replicates > 1000000) {
    return InvalidArgument("replicates must be in [100, 1000000], not " +
                           std::to_string(replicates));
  }
  if (!(level > 0 && level < 1)) {
    return InvalidArgument("level must be in (0, 1), not " + std::to_string(level));
  }
  if (threads < 0) return InvalidArgument("threads must be >= 0 (0: all cores)");
  if (!(alpha > 0 && alpha < 1)) {
    return InvalidArgument("alpha must be in (0, 1), not " + std::to_string(alpha));
  }
  if (quotes_per_theme < 0 || quotes_per_theme > 20) {
    return InvalidArgument("quotes_per_theme must be in [0, 20], not " +
                           std::to_string(quotes_per_theme));
  }
  if (max_quote_bytes < 1) {
    return InvalidArgument("max_quote_bytes must be >= 1, not " + std::to_string(max_quote_bytes));
  }
  if (!(max_quote_similarity > 0 && max_quote_similarity <= 1)) {
    return InvalidArgument("max_quote_similarity must be in (0, 1], not " +
                           std::to_string(max_quote_similarity));
  }
  return OkStatus();
}

Result<OuterLoop> RankThemesByCost(const Metric& metric, const double* scores, size_t n,
                                   const ThemeMentions& mentions,
                                   const std::vector<std::string>& names,
                                   const OuterLoopInputs& inputs, const OuterLoopOptions& options) {
  CANDOR_RETURN_IF_ERROR(options.Validate());
  if (n == 0) return Empty("no comments");
  if (scores == nullptr) return InvalidArgument("scores is NULL");
  if (mentions.comments() != n) {
    return LengthMismatch("mentions cover " + std::to_string(mentions.comments()) +
                          " comments but there are " + std::to_string(n) + " scores");
  }
  CANDOR_RETURN_IF_ERROR(CheckInputs(n, inputs));
  if (options.rank_by == OuterLoopRank::kArrAtRisk && inputs.account_arr == nullptr) {
    return InvalidArgument("rank_by ARR at risk needs account_arr (or rank by another cost)");
  }

  // Drivers: the impact (clustered by account) and the trend; also checks
  // the scores, the metric, the mentions and the periods.
  DriverInputs driver_inputs;
  driver_inputs.accounts = inputs.accounts;
  driver_inputs.periods = inputs.periods;
  IntervalOptions interval;
  interval.level = options.level;
  interval.threads = options.threads;
  DriverOptions driver_options;
  driver_options.fit_key_drivers = false;
  driver_options.earlier_period = options.earlier_period;
  driver_options.later_period = options.later_period;
  driver_options.alpha = options.alpha;
  Result<ThemeDrivers> drivers = EstimateThemeDrivers(metric, scores, n, mentions, names,
                                                      driver_inputs, interval, driver_options);
  if (!drivers.ok()) return drivers.status();

  const size_t theme_count = mentions.themes();
  const auto& offsets = mentions.offsets();
  const auto& ids = mentions.ids();
  const bool has_arr = inputs.account_arr != nullptr;

  // Accounts with a comment, renumbered 0..K-1 in first-seen order.
  // Codes index a table when it is not much larger than n, else a sorted list.
  int32_t largest = 0;
  for (size_t i = 0; i < n; ++i) largest = std::max(largest, inputs.accounts[i]);
  std::vector<int32_t> codes;
  if (static_cast<size_t>(largest) > 4 * n + 1024) {
    codes.assign(inputs.accounts, inputs.accounts + n);
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  }
  std::vector<int32_t> dense(codes.empty() ? static_cast<size_t>(largest) + 1 : codes.size(), -1);
  auto slot = [&](int32_t code) -> int32_t& {
    if (codes.empty()) return dense[code];
    return dense[std::lower_bound(codes.begin(), codes.end(), code) - codes.begin()];
  };
  std::vector<int32_t> account_code;  // dense -> caller's code
  std::vector<uint8_t> account_detractor;
  std::vector<double> tone(n);
  std::vector<double> tone_sum(theme_count, 0.0);
  std::vector<ThemeCost> themes(theme_count);
  // Per theme, the accounts mentioning it / at risk, as dense ids (deduplicated below).
  std::vector<std::vector<int32_t>> mentioning(theme_count), at_risk(theme_count);
  for (size_t i = 0; i < n; ++i) {
    int32_t& d = slot(inputs.accounts[i]);
    if (d < 0) {
      d = static_cast<int32_t>(account_code.size());
      account_code.push_back(inputs.accounts[i]);
      account_detractor.push_back(0);
    }
    const bool detractor = IsDetractor(metric, scores[i]);
    if (detractor) account_detractor[d] = 1;
    tone[i] = inputs.sentiments != nullptr ? inputs.sentiments[i]
                                           : metric.ValueOf(static_cast<int>(scores[i]));
    for (int64_t m = offsets[i]; m < offsets[i + 1]; ++m) {
      ThemeCost& t = themes[ids[m]];
      ++t.comments;
      tone_sum[ids[m]] += tone[i];
      mentioning[ids[m]].push_back(d);
      if (detractor) {
        ++t.detractor_comments;
        at_risk[ids[m]].push_back(d);
      }
    }
  }
  const size_t k = account_code.size();

  OuterLoop result;
  result.overall = drivers->overall;
  result.accounts = static_cast<int64_t>(k);
  result.detractor_accounts =
      std::accumulate(account_detractor.begin(), account_detractor.end(), int64_t{0});
  result.total_arr = has_arr ? 0 : kNaN;
  if (has_arr) {
    for (int32_t code : account_code) result.total_arr += inputs.account_arr[code];
  }
  result.replicates = has_arr ? options.replicates : 0;

  internal::AccountsAtRisk sample;
  std::vector<std::vector<int32_t>> themes_of_account(k);
  for (size_t j = 0; j < theme_count; ++j) {
    ThemeCost& t = themes[j];
    const ThemeDriver& driver = drivers->themes[j];
    t.theme = static_cast<int32_t>(j);
    t.name = driver.name;
    for (auto* list : {&mentioning[j], &at_risk[j]}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    t.accounts = static_cast<int64_t>(mentioning[j].size());
    t.detractor_accounts = static_cast<int64_t>(at_risk[j].size());
    t.arr_at_risk = has_arr ? 0 : kNaN;
    t.arr_ci_low = t.arr_ci_high = kNaN;
    for (int32_t d : at_risk[j]) {
      if (has_arr) t.arr_at_risk += inputs.account_arr[account_code[d]];
      themes_of_account[d].push_back(static_cast<int32_t>(j));
    }
    t.impact = driver.impact;
    t.tone = t.comments > 0 ? tone_sum[j] / static_cast<double>(t.comments) : kNaN;
    if (drivers->has_periods) {
      const TrendingTheme& trend = drivers->trending[j];
      t.has_trend = true;
      t.share_change = trend.difference;
      t.share_change_ci_low = trend.ci_low;
      t.share_change_ci_high = trend.ci_high;
      t.trend_p_adjusted = trend.p_adjusted;
      t.trending = trend.trending;
    }
  }
  if (has_arr) {
    for (size_t d = 0; d < k; ++d) {
      sample.arr.push_back(inputs.account_arr[account_code[d]]);
      sample.themes.insert(sample.themes.end(), themes_of_account[d].begin(),
                           themes_of_account[d].end());
      sample.offsets.push_back(static_cast<int64_t>(sample.themes.size()));
    }
    internal::ProgressTicker ticker(options.progress, options.replicates,
                                   "outer loop bootstrap");
    const auto intervals =
        internal::BootstrapArrAtRisk(sample, theme_count, options.replicates, options.seed,
                                     options.level, options.threads, &ticker);
    if (!ticker.Running() || !ticker.Finish()) return ticker.CancelledStatus();
    for (size_t j = 0; j < theme_count; ++j) {
      themes[j].arr_ci_low = intervals[j].low;
      themes[j].arr_ci_high = intervals[j].high;
    }
  }
  for (size_t j = 0; j < theme_count; ++j) {
    ThemeCost& t = themes[j];
    bool equal_arr = true;
    for (int32_t d : at_risk[j]) {
      equal_arr = equal_arr && inputs.account_arr != nullptr &&
                  inputs.account_arr[account_code[d]] ==
                      inputs.account_arr[account_code[at_risk[j].front()]];
    }
    t.arr_no_interval = internal::ArrNoInterval(t, static_cast<int64_t>(k), equal_arr);
    t.impact_no_interval = internal::ImpactNoInterval(t, drivers->themes[j].status);
    t.share_change_no_interval = internal::ShareChangeNoInterval(t);
    internal::DropZeroWidthIntervals(&t);
  }

  if (inputs.texts != nullptr && options.quotes_per_theme > 0) {
    std::vector<std::string> redacted(n);
    for (size_t i = 0; i < n; ++i) {
      Result<std::string> text = internal::RedactQuote((*inputs.texts)[i]);
      if (!text.ok()) return text.status();
      redacted[i] = std::move(*text);
    }
    internal::QuoteRequest request;
    request.texts = &redacted;
    request.tones = &tone;
    request.segments = inputs.segments;
    request.quotes_per_theme = options.quotes_per_theme;
    request.max_quote_bytes = options.max_quote_bytes;
    request.max_quote_similarity = options.max_quote_similarity;
    internal::SelectQuotes(mentions, request, &themes);
  }

  std::stable_sort(themes.begin(), themes.end(), [&](const ThemeCost& a, const ThemeCost& b) {
    const double va = RankValue(a, options.rank_by), vb = RankValue(b, options.rank_by);
    if (va != vb) return va > vb;
    if (a.detractor_accounts != b.detractor_accounts) {
      return a.detractor_accounts > b.detractor_accounts;
    }
    if (a.comments != b.comments) return a.comments > b.comments;
    return a.theme < b.theme;
  });
  for (size_t r = 0; r < themes.size(); ++r) themes[r].rank = static_cast<int32_t>(r + 1);
  result.themes = std::move(themes);
  return result;
}

}  // namespace candor
