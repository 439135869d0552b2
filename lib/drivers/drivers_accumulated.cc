// EstimateThemeDriversAccumulated: the drivers of a DriverAccumulator's
// comments, from its tallies (per-theme rows, trending) and its patterns
// (the key-driver model, fitted on one weighted row per pattern).
#include <algorithm>
#include <new>
#include <string>
#include <vector>

#include "common/normal.hpp"
#include "driver_state.hpp"
#include "drivers_internal.hpp"
#include "score/estimate_internal.hpp"

namespace candor {
namespace {

using internal::Tally;

void MergeInto(const Tally& from, Tally* into) {
  for (size_t p = 0; p < from.counts.size(); ++p) {
    into->counts[p] += from.counts[p];
    into->weight_sums[p] += from.weight_sums[p];
    into->weight_square_sums[p] += from.weight_square_sums[p];
  }
}

// The periods' tallies summed into the three slots (other, earlier, later).
internal::ThemeTallies SlotTallies(const DriverAccumulator::State& s,
                                   const std::vector<uint8_t>& slot_of_period) {
  internal::ThemeTallies tallies;
  const Tally empty = Tally::Empty(s.scale_min, s.scale_max);
  tallies.total.assign(internal::kSlots, empty);
  tallies.mention.assign(s.themes, std::vector<Tally>(internal::kSlots, empty));
  for (size_t j = 0; j < s.labels.size(); ++j) {
    const uint8_t slot = slot_of_period[j];
    MergeInto(s.total[j], &tallies.total[slot]);
    for (size_t t = 0; t < s.themes; ++t) MergeInto(s.mention[j][t], &tallies.mention[t][slot]);
  }
  for (Tally& t : tallies.total) t.weighted = s.weighted;
  for (auto& slots : tallies.mention) {
    for (Tally& t : slots) t.weighted = s.weighted;
  }
  return tallies;
}

}  // namespace

Result<ThemeDrivers> EstimateThemeDriversAccumulated(const Metric& metric,
                                                     const DriverAccumulator& accumulator,
                                                     const std::vector<std::string>& names,
                                                     const IntervalOptions& interval,
                                                     const DriverOptions& options) {
  using namespace internal;
  try {
    const DriverAccumulator::State& s = *accumulator.state_;
    CANDOR_RETURN_IF_ERROR(ValidateRequest(metric, interval));
    CANDOR_RETURN_IF_ERROR(options.Validate());
    auto categories = CategoriesOfPoints(metric);
    if (!categories.ok()) return categories.status();
    if (metric.scale_min != s.scale_min || metric.scale_max != s.scale_max) {
      return InvalidArgument("the metric's scale " + std::to_string(metric.scale_min) + ".." +
                             std::to_string(metric.scale_max) + " is not the accumulator's " +
                             std::to_string(s.scale_min) + ".." + std::to_string(s.scale_max));
    }
    if (!names.empty() && names.size() != s.themes) {
      return LengthMismatch(std::to_string(names.size()) + " theme names for " +
                            std::to_string(s.themes) + " themes");
    }
    const int64_t n = accumulator.count();
    if (n == 0) return Empty("no comments");
    if (s.weighted && interval.method == IntervalMethod::kBootstrap) {
      return Unsupported("drivers: the weighted bootstrap is not supported; use Wald");
    }

    ThemeDrivers result;
    std::vector<uint8_t> slot_of_period(s.labels.size(), kOtherSlot);
    if (accumulator.has_periods()) {
      // Period codes are the periods' ranks in their labels' byte order.
      const std::vector<uint32_t> order = s.Order();
      std::vector<int32_t> codes(order.size());
      for (size_t r = 0; r < order.size(); ++r) codes[order[r]] = static_cast<int32_t>(r);
      CANDOR_RETURN_IF_ERROR(AssignPeriods(codes.data(), codes.size(), options, &slot_of_period,
                                           &result.earlier_period, &result.later_period));
      result.has_periods = true;
    }
    const ThemeTallies tallies = SlotTallies(s, slot_of_period);

    DriverComments comments;  // what the rows read of the comments: n and weighted
    comments.n = static_cast<size_t>(n);
    comments.scale_min = s.scale_min;
    comments.scale_max = s.scale_max;
    comments.weighted = s.weighted;
    const Tally all = SumSlots(tallies.total);
    if (!(all.WeightTotal() > 0)) return Empty("the weights sum to zero");

    DriverRequest request;
    request.metric = metric;
    request.interval = interval;
    request.options = options;
    request.comments = &comments;
    request.category_of_point = std::move(categories).value();
    request.value_of_point.resize(request.category_of_point.size());
    for (size_t p = 0; p < request.value_of_point.size(); ++p) {
      request.value_of_point[p] = metric.ValueOf(metric.scale_min + static_cast<int>(p));
    }
    request.z = NormalQuantile(0.5 * (1.0 + interval.level));

    for (size_t p = 0; p < all.counts.size(); ++p) {
      if (request.category_of_point[p] == kDetractor) result.detractors += all.counts[p];
    }
    result.overall = EstimateFromTally(metric, all, interval, kFirstGroupStream);
    result.themes.resize(s.themes);
    if (result.has_periods) result.trending.resize(s.themes);
    ThemeVariance variance(comments, nullptr);
    for (size_t j = 0; j < s.themes; ++j) {
      const ThemeCells cells = CellsOfTheme(tallies, j);
      variance.SetTheme(&cells, nullptr);
      result.themes[j] = ThemeRow(request, cells, variance, result.overall, j);
      result.themes[j].name = names.empty() ? "theme " + std::to_string(j) : names[j];
      if (result.has_periods) result.trending[j] = TrendingRow(request, cells, variance, j);
    }
    if (result.has_periods) AdjustTrending(options, &result.trending);

    // The model on one row per (pattern, score point), weighted by its
    // comments' weight sum: the same likelihood and information.
    std::vector<std::vector<int32_t>> keys;
    keys.reserve(s.patterns.size());
    for (const auto& entry : s.patterns) keys.push_back(entry.first);
    std::sort(keys.begin(), keys.end());
    std::vector<int64_t> offsets{0};
    std::vector<int32_t> ids;
    std::vector<double> weights;
    std::vector<uint8_t> detractor;
    for (const std::vector<int32_t>& key : keys) {
      ids.insert(ids.end(), key.begin(), key.end() - 1);
      offsets.push_back(static_cast<int64_t>(ids.size()));
      weights.push_back(s.patterns.at(key).second);
      detractor.push_back(request.category_of_point[static_cast<size_t>(key.back())] ==
                                  kDetractor
                              ? 1
                              : 0);
    }
    Result<ThemeMentions> rows =
        ThemeMentions::FromCsr(offsets.data(), ids.data(), keys.size(), s.themes);
    if (!rows.ok()) return rows.status();
    DriverComments groups;
    groups.n = keys.size();
    groups.scale_min = s.scale_min;
    groups.scale_max = s.scale_max;
    groups.weights = weights.data();
    groups.weighted = true;
    DriverRequest model_request = request;
    model_request.comments = &groups;
    std::vector<bool> in_model(s.themes);
    for (size_t j = 0; j < s.themes; ++j) {
      in_model[j] = result.themes[j].status == ThemeStatus::kOk;
    }
    FitKeyDrivers(model_request, *rows, detractor, in_model, &result.themes, &result.model);
    return result;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory in the accumulated theme drivers");
  }
}

}  // namespace candor
