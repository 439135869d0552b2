// EstimateThemeDrivers: validates the request, tallies the comments once per
// theme and period, then fills each theme's row, the trending rows and the
// key-driver model (include/candor/drivers.hpp).
#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "common/normal.hpp"
#include "common/parallel.hpp"
#include "drivers_internal.hpp"
#include "score/design_variance.hpp"
#include "score/estimate_internal.hpp"

namespace candor {

Status DriverOptions::Validate() const {
  if (!(l2_penalty >= 0) || !std::isfinite(l2_penalty)) {
    return InvalidArgument("l2_penalty must be finite and >= 0, not " + std::to_string(l2_penalty));
  }
  if (max_iterations < 1) {
    return InvalidArgument("max_iterations must be >= 1, not " + std::to_string(max_iterations));
  }
  if (!(tolerance > 0) || !std::isfinite(tolerance)) {
    return InvalidArgument("tolerance must be finite and > 0");
  }
  if (!(alpha > 0 && alpha < 1)) {
    return InvalidArgument("alpha must be in (0, 1), not " + std::to_string(alpha));
  }
  if (earlier_period < -1 || later_period < -1) {
    return InvalidArgument("period codes are >= 0 (-1: chosen from the data)");
  }
  if (earlier_period >= 0 && earlier_period == later_period) {
    return InvalidArgument("earlier_period and later_period are the same period " +
                           std::to_string(later_period));
  }
  return OkStatus();
}

namespace internal {

Status AssignPeriods(const int32_t* periods, size_t n, const DriverOptions& options,
                     std::vector<uint8_t>* slot, int32_t* earlier, int32_t* later) {
  int32_t largest = -1, second = -1;
  bool seen_earlier = false, seen_later = false;
  for (size_t i = 0; i < n; ++i) {
    const int32_t p = periods[i];
    if (p < 0) {
      return OutOfRange("period code at index " + std::to_string(i) + " is " + std::to_string(p) +
                        " (codes must be >= 0)");
    }
    if (p > largest) {
      second = largest;
      largest = p;
    } else if (p < largest && p > second) {
      second = p;
    }
    seen_earlier |= p == options.earlier_period;
    seen_later |= p == options.later_period;
  }
  if (second < 0) {
    return InvalidArgument("periods: every comment is in period " + std::to_string(largest) +
                           "; trending needs two periods or more");
  }
  *later = options.later_period >= 0 ? options.later_period : largest;
  if (options.earlier_period >= 0) {
    *earlier = options.earlier_period;
  } else {
    // The largest period below the later one.
    *earlier = -1;
    for (size_t i = 0; i < n; ++i) {
      if (periods[i] < *later) *earlier = std::max(*earlier, periods[i]);
    }
  }
  if ((options.later_period >= 0 && !seen_later) || (options.earlier_period >= 0 && !seen_earlier) ||
      *earlier < 0 || *earlier == *later) {
    return InvalidArgument("periods: no comment in the compared periods (earlier " +
                           std::to_string(*earlier) + ", later " + std::to_string(*later) + ")");
  }
  for (size_t i = 0; i < n; ++i) {
    (*slot)[i] = periods[i] == *earlier ? kEarlierSlot
                                         : (periods[i] == *later ? kLaterSlot : kOtherSlot);
  }
  return OkStatus();
}

Result<std::vector<uint8_t>> CategoriesOfPoints(const Metric& metric) {
  const size_t points = static_cast<size_t>(metric.scale_max - metric.scale_min + 1);
  std::vector<uint8_t> category(points);
  for (size_t p = 0; p < points; ++p) {
    const int x = metric.scale_min + static_cast<int>(p);
    switch (metric.kind) {
      case MetricKind::kNps:
        category[p] = x <= metric.detractor_max
                          ? kDetractor
                          : (x >= metric.promoter_min ? kPromoter : kPassive);
        break;
      case MetricKind::kTopBox:
        category[p] = metric.ValueOf(x) > 0 ? kPromoter : kDetractor;
        break;
      case MetricKind::kBottomBox:
        category[p] = metric.ValueOf(x) > 0 ? kDetractor : kPromoter;
        break;
      case MetricKind::kMean:
        return Unsupported(
            "drivers need a bottom category (detractors): use NPS or a top/bottom-box metric, "
            "not a mean");
    }
  }
  return category;
}

}  // namespace internal

Result<ThemeDrivers> EstimateThemeDrivers(const Metric& metric, const double* scores, size_t n,
                                          const ThemeMentions& mentions,
                                          const std::vector<std::string>& names,
                                          const DriverInputs& inputs,
                                          const IntervalOptions& interval,
                                          const DriverOptions& options) {
  using namespace internal;
  CANDOR_RETURN_IF_ERROR(ValidateRequest(metric, interval));
  CANDOR_RETURN_IF_ERROR(options.Validate());
  auto categories = CategoriesOfPoints(metric);
  if (!categories.ok()) return categories.status();
  if (n == 0) return Empty("no comments");
  if (mentions.comments() != n) {
    return LengthMismatch("mentions cover " + std::to_string(mentions.comments()) +
                          " comments, scores " + std::to_string(n));
  }
  const size_t themes = mentions.themes();
  if (!names.empty() && names.size() != themes) {
    return LengthMismatch(std::to_string(names.size()) + " theme names for " +
                          std::to_string(themes) + " themes");
  }
  CANDOR_RETURN_IF_ERROR(
      ValidateResponses(metric.scale_min, metric.scale_max, scores, inputs.weights, n));

  DriverComments comments;
  comments.n = n;
  comments.scale_min = metric.scale_min;
  comments.scale_max = metric.scale_max;
  comments.weights = inputs.weights;
  comments.point.resize(n);
  comments.slot.assign(n, kOtherSlot);
  double weight_total = 0;
  for (size_t i = 0; i < n; ++i) {
    comments.point[i] = static_cast<uint16_t>(static_cast<int>(scores[i]) - metric.scale_min);
    const double w = comments.WeightOf(i);
    weight_total += w;
    comments.weighted |= w != 1.0;
  }
  if (!(weight_total > 0)) return Empty("the weights sum to zero");
  if (comments.weighted && interval.method == IntervalMethod::kBootstrap) {
    return Unsupported("drivers: the weighted bootstrap is not supported; use Wald");
  }

  ThemeDrivers result;
  if (inputs.periods != nullptr) {
    CANDOR_RETURN_IF_ERROR(AssignPeriods(inputs.periods, n, options, &comments.slot,
                                         &result.earlier_period, &result.later_period));
    result.has_periods = true;
  }
  std::unique_ptr<DesignVariance> design;
  if (inputs.accounts != nullptr) {
    if (interval.method != IntervalMethod::kWald && interval.method != IntervalMethod::kJeffreys) {
      return Unsupported(
          "drivers with accounts support the Wald (linearization) and Jeffreys intervals only, "
          "as EstimateDesign");
    }
    for (size_t i = 0; i < n; ++i) {
      if (inputs.accounts[i] < 0) {
        return OutOfRange("account code at index " + std::to_string(i) + " is " +
                          std::to_string(inputs.accounts[i]) + " (codes must be >= 0)");
      }
    }
    SurveyDesign survey;
    survey.weights = inputs.weights;
    survey.clusters = inputs.accounts;
    auto created = DesignVariance::Create(survey, n);
    if (!created.ok()) return created.status();
    design = std::make_unique<DesignVariance>(std::move(created).value());
  }

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

  const int threads = ResolveThreadCount(interval.threads);
  const ThemeTallies tallies = TallyThemes(comments, mentions, threads);
  const Tally all = SumSlots(tallies.total);
  for (size_t p = 0; p < all.counts.size(); ++p) {
    if (request.category_of_point[p] == kDetractor) result.detractors += all.counts[p];
  }
  if (design == nullptr) {
    result.overall = EstimateFromTally(metric, all, interval, kFirstGroupStream);
  } else {
    CellSums sums = SumCells(all, [](size_t) { return true; },
                             [&](size_t p) { return request.value_of_point[p]; });
    std::vector<double> influence(n);
    const double mean = sums.Mean();
    for (size_t i = 0; i < n; ++i) {
      influence[i] = comments.WeightOf(i) *
                     (request.value_of_point[comments.point[i]] - mean) / sums.weight;
    }
    result.overall = EstimateFromSums(metric, sums, design->Variance(std::move(influence)),
                                      interval);
  }

  result.themes.resize(themes);
  if (result.has_periods) result.trending.resize(themes);
  // Themes are independent: spread them over threads (each row is computed
  // the same way on any thread, so results do not depend on the count).
  const int theme_threads = design == nullptr && n < 100000 ? 1 : threads;
  ParallelChunks(themes, theme_threads, [&](size_t, size_t begin, size_t end) {
    ThemeVariance variance(comments, design.get());
    std::vector<uint8_t> flags;
    for (size_t j = begin; j < end; ++j) {
      const ThemeCells cells = CellsOfTheme(tallies, j);
      if (design != nullptr) {
        flags.assign(n, 0);
        const auto& offsets = mentions.offsets();
        const auto& ids = mentions.ids();
        for (size_t i = 0; i < n; ++i) {
          for (int64_t k = offsets[i]; k < offsets[i + 1]; ++k) {
            if (static_cast<size_t>(ids[k]) == j) flags[i] = 1;
          }
        }
      }
      variance.SetTheme(&cells, &flags);
      result.themes[j] = ThemeRow(request, cells, variance, result.overall, j);
      if (result.has_periods) result.trending[j] = TrendingRow(request, cells, variance, j);
    }
  });
  for (size_t j = 0; j < themes; ++j) {
    result.themes[j].name = names.empty() ? "theme " + std::to_string(j) : names[j];
  }

  if (result.has_periods) AdjustTrending(options, &result.trending);

  std::vector<uint8_t> detractor(n);
  for (size_t i = 0; i < n; ++i) {
    detractor[i] = request.category_of_point[comments.point[i]] == kDetractor ? 1 : 0;
  }
  std::vector<bool> in_model(themes);
  for (size_t j = 0; j < themes; ++j) {
    in_model[j] = result.themes[j].status == ThemeStatus::kOk;
  }
  FitKeyDrivers(request, mentions, detractor, in_model, &result.themes, &result.model);
  return result;
}

}  // namespace candor
