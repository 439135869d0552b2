// Change points in time-ordered responses: validation, the candidate grid,
// and the levels and changes of the segments found. Formulas, citations and
// what is exact: include/candor/trend_change_points.hpp.
#include <algorithm>
#include <candor/trend_change_points.hpp>
#include <cmath>
#include <cstdio>
#include <new>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "change_points_calibrated.hpp"
#include "change_points_clustered.hpp"
#include "change_points_pelt.hpp"
#include "score/tally.hpp"

namespace candor {
namespace {

// A number as a user wrote it (0.05, not 0.050000).
std::string FormatNumber(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", x);
  return buffer;
}

}  // namespace

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
    case ChangePenalty::kCalibrated:
      if (!(alpha > 0 && alpha < 1)) {
        return InvalidArgument("alpha is " + FormatNumber(alpha) +
                               "; the false-alarm rate must be in (0, 1)");
      }
      if (replicates > 1000000 || alpha * static_cast<double>(replicates + 1) < 1) {
        return InvalidArgument(
            "replicates is " + std::to_string(replicates) + "; at alpha = " +
            FormatNumber(alpha) + " at least " +
            std::to_string(static_cast<int64_t>(std::ceil(1 / alpha)) - 1) +
            " are needed for a change to be declarable, and at most 1000000");
      }
      if (threads < 0) {
        return InvalidArgument("threads is " + std::to_string(threads) +
                               "; it must be >= 0 (0: all hardware threads)");
      }
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

bool HasDesign(const SurveyDesign& design) {
  return design.clusters != nullptr ||
         (design.calibration != nullptr && !design.calibration->empty());
}

Status CheckInput(const double* scores, const int64_t* times, const SurveyDesign& design,
                  size_t n, const ChangePointOptions& options) {
  CANDOR_RETURN_IF_ERROR(options.Validate());
  if (options.penalty != ChangePenalty::kCalibrated &&
      (design.weights != nullptr || HasDesign(design))) {
    return Unsupported(
        "weights and designs need the calibrated penalty: a penalized multinomial "
        "search (BIC, AIC, manual) counts responses, so pass no weights or use "
        "penalty calibrated");
  }
  if (n > 0 && scores == nullptr) return InvalidArgument("scores is null but n > 0");
  if (n == 0) return Empty("no responses: change points need a series");
  CANDOR_RETURN_IF_ERROR(internal::ValidateResponses(options.metric.scale_min,
                                                     options.metric.scale_max, scores,
                                                     design.weights, n));
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
  const std::vector<int64_t>& bounds = options.boundaries;
  for (size_t j = 0; j < bounds.size(); ++j) {
    const std::string at = "boundaries[" + std::to_string(j) + "] = " + std::to_string(bounds[j]);
    if (bounds[j] < 1 || bounds[j] >= static_cast<int64_t>(n)) {
      return InvalidArgument(at + " is outside [1, " + std::to_string(n - 1) +
                             "]: a boundary is the first response of a new segment");
    }
    if (j > 0 && bounds[j] <= bounds[j - 1]) {
      return InvalidArgument(at + " is not after the previous boundary: boundaries must be "
                             "strictly increasing");
    }
    if (!internal::Admissible(times, bounds[j])) {
      return InvalidArgument(at + " splits responses of one time (" +
                             std::to_string(times[bounds[j]]) + ")");
    }
  }
  return OkStatus();
}

double Penalty(const ChangePointOptions& options, int categories, size_t n) {
  switch (options.penalty) {
    case ChangePenalty::kBic: return categories * std::log(static_cast<double>(n));
    case ChangePenalty::kAic: return 2.0 * categories;
    case ChangePenalty::kManual: return options.penalty_value;
    case ChangePenalty::kCalibrated: break;
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

// The changes of a penalized multinomial search (BIC, AIC, manual), with the
// segment costs and the penalty in *out.
std::vector<int64_t> PenalizedChanges(const double* scores, const int64_t* times, size_t n,
                                      const ChangePointOptions& options, ChangePoints* out) {
  const Metric& metric = options.metric;
  const int k = ChangePointCategories(metric);
  std::vector<uint16_t> category(n);
  for (size_t i = 0; i < n; ++i) {
    category[i] = static_cast<uint16_t>(ChangePointCategory(metric, static_cast<int>(scores[i])));
  }
  const int64_t size = static_cast<int64_t>(n);
  const int64_t m = out->block_size;
  const internal::CategoryCounts counts(std::move(category), k, m);
  out->penalty = Penalty(options, k, n);
  const internal::MultinomialCost cost(k, size);
  std::vector<int64_t> candidates;
  if (options.boundaries.empty()) {
    candidates = GridCandidates(size, m, options.min_size, times);
  } else {
    for (int64_t b : options.boundaries) {
      if (b >= options.min_size && b <= size - options.min_size) candidates.push_back(b);
    }
  }
  std::vector<int64_t> changes =
      internal::PeltOnCandidates(counts, cost, candidates, out->penalty, options.min_size);
  if (m > 1 && options.boundaries.empty()) {
    internal::RefineChanges(counts, cost, times, options.min_size, out->penalty, &changes);
  }
  std::vector<int64_t> bounds = {0};
  bounds.insert(bounds.end(), changes.begin(), changes.end());
  bounds.push_back(size);
  std::vector<int64_t> lo(static_cast<size_t>(k)), hi(lo);
  out->total_cost = out->penalty * static_cast<double>(changes.size());
  for (size_t j = 0; j + 1 < bounds.size(); ++j) {
    counts.PrefixAt(bounds[j], lo.data());
    counts.PrefixAt(bounds[j + 1], hi.data());
    const double segment_cost = cost(lo.data(), hi.data());
    out->total_cost += segment_cost;
    ChangePointSegment segment;
    segment.cost = segment_cost;
    out->segments.push_back(segment);
  }
  for (int64_t c : changes) {
    ChangePoint change;
    change.index = change.index_low = change.index_high = c;
    change.z = change.p_value = std::nan("");
    out->changes.push_back(change);
  }
  return changes;
}

// The metric's value of each score point: the y of the calibrated scan.
std::vector<double> MetricValues(const Metric& metric) {
  std::vector<double> value_of;
  for (int s = metric.scale_min; s <= metric.scale_max; ++s) {
    const int category = ChangePointCategory(metric, s);
    switch (metric.kind) {
      case MetricKind::kNps: value_of.push_back(category - 1.0); break;
      case MetricKind::kTopBox:
      case MetricKind::kBottomBox: value_of.push_back(category); break;
      case MetricKind::kMean: value_of.push_back(s); break;
    }
  }
  return value_of;
}

// The design effect of the overall mean: its design variance over the
// variance with the same weights and each response its own cluster (both
// with the C / (C - 1) factor of the design's linearization).
Result<double> DesignEffect(const Metric& metric, const double* scores, size_t n,
                            const SurveyDesign& design) {
  if (!HasDesign(design)) return 1.0;
  IntervalOptions wald;
  wald.method = IntervalMethod::kWald;
  auto clustered = EstimateDesign(metric, scores, n, design, wald);
  if (!clustered.ok()) return clustered.status();
  std::vector<int32_t> own(n);
  for (size_t i = 0; i < n; ++i) own[i] = static_cast<int32_t>(i);
  SurveyDesign plain;
  plain.weights = design.weights;
  plain.clusters = own.data();
  auto independent = EstimateDesign(metric, scores, n, plain, wald);
  if (!independent.ok()) return independent.status();
  const double ratio = clustered->std_error / independent->std_error;
  return std::isfinite(ratio) && ratio > 0 ? ratio * ratio : 1.0;
}

// Each response's account as a dense index (by first appearance) in *account,
// and the number of accounts; codes must be >= 0 and at least two accounts
// (C / (C - 1) of the cluster-robust variance).
Result<size_t> DenseAccounts(const int32_t* codes, size_t n, std::vector<uint32_t>* account) {
  int32_t highest = 0;
  for (size_t i = 0; i < n; ++i) {
    if (codes[i] < 0) {
      return InvalidArgument("cluster code at index " + std::to_string(i) + " is " +
                             std::to_string(codes[i]) + " (codes must be >= 0)");
    }
    highest = std::max(highest, codes[i]);
  }
  constexpr uint32_t kAbsent = ~uint32_t{0};
  account->resize(n);
  size_t accounts = 0;
  if (static_cast<size_t>(highest) <= 4 * n + 1024) {  // account codes 0..levels-1
    std::vector<uint32_t> index_of(static_cast<size_t>(highest) + 1, kAbsent);
    for (size_t i = 0; i < n; ++i) {
      uint32_t& index = index_of[static_cast<size_t>(codes[i])];
      if (index == kAbsent) index = static_cast<uint32_t>(accounts++);
      (*account)[i] = index;
    }
  } else {
    std::unordered_map<int32_t, uint32_t> index_of;
    for (size_t i = 0; i < n; ++i) {
      auto [it, added] = index_of.emplace(codes[i], static_cast<uint32_t>(accounts));
      if (added) ++accounts;
      (*account)[i] = it->second;
    }
  }
  if (accounts < 2) {
    return InvalidArgument("every response is from one account (cluster code " +
                           std::to_string(codes[0]) +
                           "): the cluster-robust change test needs at least two accounts");
  }
  return accounts;
}

// The changes of the calibrated scan, with its test in *out.
Result<std::vector<int64_t>> CalibratedChanges(const double* scores, const int64_t* times,
                                               const SurveyDesign& design, size_t n,
                                               const ChangePointOptions& options,
                                               internal::ProgressTicker* ticker,
                                               ChangePoints* out) {
  const Metric& metric = options.metric;
  const int64_t size = static_cast<int64_t>(n);
  const internal::MeanShiftSums sums(scores, design.weights, size, metric.scale_min,
                                     MetricValues(metric), out->block_size);
  // s^2: the weighted variance of y about its mean, n / (n - 1) corrected.
  const internal::MeanSums total = sums.PrefixAt(size);
  const double mean = total.weighted_value / total.weight;
  double squares = 0;
  for (size_t i = 0; i < n; ++i) {
    const double w = design.weights == nullptr ? 1.0 : design.weights[i];
    const double d = sums.ValueOf(sums.ScoreIndex(static_cast<int64_t>(i))) - mean;
    squares += w * d * d;
  }
  const double variance =
      total.weight > 0 ? squares / total.weight * static_cast<double>(n) / (n - 1.0) : 0;
  auto deff = DesignEffect(metric, scores, n, design);
  if (!deff.ok()) return deff.status();
  out->calibration = ChangeCalibration::kGaussian;
  out->alpha = options.alpha;
  out->replicates = options.replicates;
  out->design_effect = *deff;
  out->value_sd = std::sqrt(variance);
  out->total_cost = std::nan("");
  if (!(variance > 0)) {  // every response has the same value: nothing to find
    out->critical_value = out->penalty = out->p_value = std::nan("");
    out->max_z = 0;
    out->segments.resize(1);
    out->segments[0].cost = std::nan("");
    return std::vector<int64_t>();
  }
  std::vector<int64_t> candidates;
  internal::CandidateKind kind;
  if (!options.boundaries.empty()) {
    kind = internal::CandidateKind::kBoundaries;
    candidates = options.boundaries;
  } else if (out->block_size > 1) {
    kind = internal::CandidateKind::kGrid;
    candidates = GridCandidates(size, out->block_size, options.min_size, times);
  } else {
    kind = internal::CandidateKind::kEvery;
    for (int64_t t = options.min_size; t <= size - options.min_size; ++t) {
      if (internal::Admissible(times, t)) candidates.push_back(t);
    }
  }
  internal::CalibratedSearchOptions search;
  search.alpha = options.alpha;
  search.replicates = options.replicates;
  search.seed = options.seed;
  search.threads = options.threads;
  search.min_size = options.min_size;
  search.level = options.interval.level;
  search.permutation_allowed = !HasDesign(design);
  search.ticker = ticker;
  // With clusters, the cluster-robust scan (its own Z and null).
  std::vector<uint32_t> account;
  std::optional<internal::ClusteredShiftScan> clustered;
  if (design.clusters != nullptr) {
    auto accounts = DenseAccounts(design.clusters, n, &account);
    if (!accounts.ok()) return accounts.status();
    clustered.emplace(sums, account.data(), *accounts);
  }
  const internal::CalibratedSearch found = internal::SearchCalibrated(
      sums, times, candidates, kind, variance * *deff, search, clustered ? &*clustered : nullptr);
  if (found.cancelled) return ticker->CancelledStatus();
  out->critical_value = found.critical_value;
  out->penalty = found.critical_value * found.critical_value;
  out->max_z = found.max_z;
  out->p_value = found.p_value;
  out->candidates = found.candidates;
  if (found.permutation) out->calibration = ChangeCalibration::kPermutation;
  std::vector<int64_t> changes;
  for (const internal::CalibratedChange& c : found.changes) {
    ChangePoint change;
    change.index = c.index;
    change.z = c.z;
    change.p_value = c.p_value;
    change.index_low = c.index_low;
    change.index_high = c.index_high;
    out->changes.push_back(change);
    changes.push_back(c.index);
  }
  out->segments.resize(changes.size() + 1);
  for (ChangePointSegment& segment : out->segments) segment.cost = std::nan("");
  return changes;
}

// Fills the segments' bounds and levels and the changes' comparisons.
Status DescribeSegments(const double* scores, const int64_t* times, const SurveyDesign& design,
                        size_t n, const std::vector<int64_t>& changes,
                        const ChangePointOptions& options, ChangePoints* out) {
  const Metric& metric = options.metric;
  std::vector<int64_t> bounds = {0};
  bounds.insert(bounds.end(), changes.begin(), changes.end());
  bounds.push_back(static_cast<int64_t>(n));
  for (size_t j = 0; j + 1 < bounds.size(); ++j) {
    ChangePointSegment& segment = out->segments[j];
    segment.begin = bounds[j];
    segment.end = bounds[j + 1];
    if (times != nullptr) {
      segment.time_begin = times[segment.begin];
      segment.time_end = times[segment.end - 1];
    }
  }
  for (ChangePoint& change : out->changes) {
    if (times != nullptr) {
      change.time = times[change.index];
      change.time_low = times[change.index_low];
      change.time_high = times[change.index_high];
    }
  }
  const double* w = design.weights;
  auto at = [](const double* p, int64_t i) { return p == nullptr ? nullptr : p + i; };
  if (!HasDesign(design)) {
    for (ChangePointSegment& segment : out->segments) {
      auto level = EstimateScores(metric, scores + segment.begin, at(w, segment.begin),
                                  static_cast<size_t>(segment.end - segment.begin),
                                  options.interval);
      if (!level.ok()) return level.status();
      segment.level = *level;
    }
    for (size_t j = 0; j < out->changes.size(); ++j) {
      const ChangePointSegment& before = out->segments[j];
      const ChangePointSegment& after = out->segments[j + 1];
      auto comparison = Compare(metric, scores + after.begin, at(w, after.begin),
                                static_cast<size_t>(after.end - after.begin),
                                scores + before.begin, at(w, before.begin),
                                static_cast<size_t>(before.end - before.begin), options.interval);
      if (!comparison.ok()) return comparison.status();
      out->changes[j].change = *comparison;
    }
    return OkStatus();
  }
  // Under a design: domain estimates and contrasts of adjacent segments.
  if (out->changes.empty()) {
    auto level = EstimateDesign(metric, scores, n, design, options.interval);
    if (!level.ok()) return level.status();
    out->segments[0].level = *level;
    return OkStatus();
  }
  std::vector<int8_t> group(n, 2);
  for (size_t j = 0; j < out->changes.size(); ++j) {
    const ChangePointSegment& before = out->segments[j];
    const ChangePointSegment& after = out->segments[j + 1];
    std::fill(group.begin(), group.end(), int8_t{2});
    std::fill(group.begin() + after.begin, group.begin() + after.end, int8_t{0});
    std::fill(group.begin() + before.begin, group.begin() + before.end, int8_t{1});
    auto comparison = CompareGroups(metric, scores, n, design, group.data(), options.interval);
    if (!comparison.ok()) return comparison.status();
    out->changes[j].change = *comparison;
    if (j == 0) out->segments[0].level = comparison->b;
    out->segments[j + 1].level = comparison->a;
  }
  return OkStatus();
}

Result<ChangePoints> Detect(const double* scores, const int64_t* times,
                            const SurveyDesign& design, size_t n,
                            const ChangePointOptions& options) {
  ChangePoints out;
  out.categories = ChangePointCategories(options.metric);
  out.has_times = times != nullptr;
  const int64_t size = static_cast<int64_t>(n);
  const int64_t grid = options.max_grid_points;
  out.block_size = (grid == 0 || size <= grid) ? 1 : (size + grid - 1) / grid;
  std::vector<int64_t> changes;
  internal::ProgressTicker ticker(options.progress, size, "change points");
  if (options.penalty == ChangePenalty::kCalibrated) {
    auto found = CalibratedChanges(scores, times, design, n, options, &ticker, &out);
    if (!found.ok()) return found.status();
    changes = std::move(*found);
  } else {
    out.alpha = out.critical_value = out.max_z = out.p_value = std::nan("");
    changes = PenalizedChanges(scores, times, n, options, &out);
  }
  CANDOR_RETURN_IF_ERROR(DescribeSegments(scores, times, design, n, changes, options, &out));
  if (!options.boundaries.empty()) out.block_size = 1;  // every boundary was a candidate
  if (!ticker.Finish()) return ticker.CancelledStatus();
  return out;
}

Result<ChangePoints> DetectGuarded(const double* scores, const int64_t* times,
                                   const SurveyDesign& design, size_t n,
                                   const ChangePointOptions& options) {
  try {
    CANDOR_RETURN_IF_ERROR(CheckInput(scores, times, design, n, options));
    return Detect(scores, times, design, n, options);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory detecting change points in " +
                                            std::to_string(n) + " responses");
  }
}

}  // namespace

Result<ChangePoints> DetectChangePoints(const double* scores, const int64_t* times,
                                        const double* weights, size_t n,
                                        const ChangePointOptions& options) {
  SurveyDesign design;
  design.weights = weights;
  return DetectGuarded(scores, times, design, n, options);
}

Result<ChangePoints> DetectChangePoints(const double* scores, const int64_t* times,
                                        const SurveyDesign& design, size_t n,
                                        const ChangePointOptions& options) {
  return DetectGuarded(scores, times, design, n, options);
}

}  // namespace candor
