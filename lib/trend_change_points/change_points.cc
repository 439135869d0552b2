// Change points in time-ordered responses: validation, the candidate grid,
// and the levels and changes of the segments found. Formulas, citations and
// what is exact: include/candor/trend_change_points.hpp.
#include <algorithm>
#include <candor/trend_change_points.hpp>
#include <cmath>
#include <new>
#include <string>
#include <vector>

#include "change_points_pelt.hpp"
#include "score/tally.hpp"

namespace candor {

Status ChangePointOptions::Validate() const {
  CANDOR_RETURN_IF_ERROR(metric.Validate());
  CANDOR_RETURN_IF_ERROR(interval.Validate());
  if (min_size < 1) {
    return InvalidArgument("min_size is " + std::to_string(min_size) + "; it must be >= 1");
  }
  if (max_grid_points < 0) {
    return InvalidArgument("max_grid_points is " + std::to_string(max_grid_points) +
                           "; it must be >= 0 (0: exact)");
  }
  switch (penalty) {
    case ChangePenalty::kBic:
    case ChangePenalty::kAic:
      return OkStatus();
    case ChangePenalty::kManual:
      if (!std::isfinite(penalty_value) || penalty_value < 0) {
        return InvalidArgument("penalty_value is " + std::to_string(penalty_value) +
                               "; a manual penalty must be finite and >= 0");
      }
      return OkStatus();
  }
  return InvalidArgument("unknown penalty");
}

int ChangePointCategories(const Metric& metric) {
  switch (metric.kind) {
    case MetricKind::kNps: return 3;
    case MetricKind::kTopBox:
    case MetricKind::kBottomBox: return 2;
    case MetricKind::kMean: return metric.scale_max - metric.scale_min + 1;
  }
  return 0;
}

int ChangePointCategory(const Metric& metric, int score) {
  switch (metric.kind) {
    case MetricKind::kNps:
      return score <= metric.detractor_max ? 0 : (score >= metric.promoter_min ? 2 : 1);
    case MetricKind::kTopBox: return score > metric.scale_max - metric.box_size ? 1 : 0;
    case MetricKind::kBottomBox: return score < metric.scale_min + metric.box_size ? 1 : 0;
    case MetricKind::kMean: return score - metric.scale_min;
  }
  return 0;
}

namespace {

Status CheckInput(const double* scores, const int64_t* times, const double* weights, size_t n,
                  const ChangePointOptions& options) {
  CANDOR_RETURN_IF_ERROR(options.Validate());
  if (weights != nullptr) {
    return Unsupported("weighted change points are not supported: pass no weights");
  }
  if (n > 0 && scores == nullptr) return InvalidArgument("scores is null but n > 0");
  if (n == 0) return Empty("no responses: change points need a series");
  CANDOR_RETURN_IF_ERROR(internal::ValidateResponses(options.metric.scale_min,
                                                     options.metric.scale_max, scores, nullptr,
                                                     n));
  if (times != nullptr) {
    for (size_t i = 1; i < n; ++i) {
      if (times[i] < times[i - 1]) {
        return InvalidArgument("times are not sorted: times[" + std::to_string(i) + "] = " +
                               std::to_string(times[i]) + " is before times[" +
                               std::to_string(i - 1) + "] = " + std::to_string(times[i - 1]) +
                               "; sort the responses by time");
      }
    }
  }
  if (options.min_size > static_cast<int64_t>(n / 2)) {  // n < 2 min_size, without overflow
    return Empty("too short: " + std::to_string(n) + " responses, but a change needs two " +
                 "segments of min_size = " + std::to_string(options.min_size) + " responses");
  }
  return OkStatus();
}

double Penalty(const ChangePointOptions& options, int categories, size_t n) {
  switch (options.penalty) {
    case ChangePenalty::kBic: return categories * std::log(static_cast<double>(n));
    case ChangePenalty::kAic: return 2.0 * categories;
    case ChangePenalty::kManual: return options.penalty_value;
  }
  return 0;
}

// The first admissible position of each block that can start a segment.
std::vector<int64_t> GridCandidates(int64_t n, int64_t m, int64_t min_size,
                                    const int64_t* times) {
  std::vector<int64_t> candidates;
  for (int64_t begin = 0; begin < n; begin += m) {
    const int64_t lo = std::max(begin, min_size);
    const int64_t hi = std::min({begin + m - 1, n - min_size});
    for (int64_t t = lo; t <= hi; ++t) {
      if (internal::Admissible(times, t)) {
        candidates.push_back(t);
        break;
      }
    }
  }
  return candidates;
}

Result<ChangePoints> Detect(const double* scores, const int64_t* times, size_t n,
                            const ChangePointOptions& options) {
  const Metric& metric = options.metric;
  const int k = ChangePointCategories(metric);
  std::vector<uint16_t> category(n);
  for (size_t i = 0; i < n; ++i) {
    category[i] = static_cast<uint16_t>(ChangePointCategory(metric, static_cast<int>(scores[i])));
  }
  const int64_t size = static_cast<int64_t>(n);
  const int64_t grid = options.max_grid_points;
  const int64_t m = (grid == 0 || size <= grid) ? 1 : (size + grid - 1) / grid;
  const internal::CategoryCounts counts(std::move(category), k, m);

  ChangePoints out;
  out.categories = k;
  out.block_size = m;
  out.has_times = times != nullptr;
  out.penalty = Penalty(options, k, n);
  const internal::MultinomialCost cost(k, size);
  std::vector<int64_t> changes =
      internal::PeltOnCandidates(counts, cost, GridCandidates(size, m, options.min_size, times),
                                 out.penalty, options.min_size);
  if (m > 1) {
    internal::RefineChanges(counts, cost, times, options.min_size, out.penalty, &changes);
  }

  std::vector<int64_t> bounds = {0};
  bounds.insert(bounds.end(), changes.begin(), changes.end());
  bounds.push_back(size);
  std::vector<int64_t> lo(static_cast<size_t>(k)), hi(lo);
  out.total_cost = out.penalty * static_cast<double>(changes.size());
  for (size_t j = 0; j + 1 < bounds.size(); ++j) {
    ChangePointSegment segment;
    segment.begin = bounds[j];
    segment.end = bounds[j + 1];
    if (times != nullptr) {
      segment.time_begin = times[segment.begin];
      segment.time_end = times[segment.end - 1];
    }
    counts.PrefixAt(segment.begin, lo.data());
    counts.PrefixAt(segment.end, hi.data());
    segment.cost = cost(lo.data(), hi.data());
    out.total_cost += segment.cost;
    auto level = EstimateScores(metric, scores + segment.begin, nullptr,
                                static_cast<size_t>(segment.end - segment.begin),
                                options.interval);
    if (!level.ok()) return level.status();
    segment.level = *level;
    out.segments.push_back(segment);
  }
  for (size_t j = 0; j < changes.size(); ++j) {
    const ChangePointSegment& before = out.segments[j];
    const ChangePointSegment& after = out.segments[j + 1];
    ChangePoint change;
    change.index = changes[j];
    if (times != nullptr) change.time = times[change.index];
    auto comparison =
        Compare(metric, scores + after.begin, nullptr,
                static_cast<size_t>(after.end - after.begin), scores + before.begin, nullptr,
                static_cast<size_t>(before.end - before.begin), options.interval);
    if (!comparison.ok()) return comparison.status();
    change.change = *comparison;
    out.changes.push_back(change);
  }
  return out;
}

}  // namespace

Result<ChangePoints> DetectChangePoints(const double* scores, const int64_t* times,
                                        const double* weights, size_t n,
                                        const ChangePointOptions& options) {
  try {
    CANDOR_RETURN_IF_ERROR(CheckInput(scores, times, weights, n, options));
    return Detect(scores, times, n, options);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory detecting change points in " +
                                            std::to_string(n) + " responses");
  }
}

}  // namespace candor
