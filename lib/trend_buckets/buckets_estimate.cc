// Slice estimates for the bucket trend, on the score module's estimators.
#include "buckets_estimate.hpp"

#include <candor/design.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "score/estimate_internal.hpp"

namespace candor::internal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double WeightOf(const Slice& slice, size_t i) {
  return slice.weights == nullptr ? 1.0 : slice.weights[i];
}

// Whether the slice holds responses of at least two accounts.
bool TwoAccounts(const Slice& slice) {
  for (size_t i = 1; i < slice.n; ++i) {
    if (slice.accounts[i] != slice.accounts[0]) return true;
  }
  return false;
}

Comparison NanComparison(const Estimate& a, const Estimate& b) {
  Comparison c;
  c.difference = c.std_error = c.ci_low = c.ci_high = c.p_value = kNaN;
  c.a = a;
  c.b = b;
  return c;
}

}  // namespace

Estimate NanEstimate(double level) {
  Estimate e;
  e.value = e.std_error = e.ci_low = e.ci_high = kNaN;
  e.level = level;
  e.n = 0;
  e.effective_n = 0;
  return e;
}

Result<Estimate> EstimateSlice(const Metric& metric, const IntervalOptions& options,
                               const Slice& slice) {
  Estimate point = NanEstimate(options.level);
  point.n = static_cast<int64_t>(slice.n);
  if (slice.n == 0) return point;
  double sum_w = 0, sum_w2 = 0;
  if (slice.weights == nullptr) {
    sum_w = sum_w2 = static_cast<double>(slice.n);
  } else {
    for (size_t i = 0; i < slice.n; ++i) {
      sum_w += slice.weights[i];
      sum_w2 += slice.weights[i] * slice.weights[i];
    }
  }
  if (!(sum_w > 0)) return point;  // zero total weight: nothing to estimate
  point.effective_n = sum_w * sum_w / sum_w2;
  const bool estimable = slice.accounts == nullptr || TwoAccounts(slice);
  if (estimable) {
    Result<Estimate> e =
        slice.accounts == nullptr
            ? EstimateScores(metric, slice.scores, slice.weights, slice.n, options)
            : EstimateDesign(metric, slice.scores, slice.n,
                             SurveyDesign{slice.weights, slice.accounts, nullptr}, options);
    if (e.ok() || e.status().code() != CANDOR_EMPTY) return e;
  }
  // The variance is undefined (n / (n - 1) or C / (C - 1) with one unit):
  // keep the point estimate, the Hajek mean.
  double sum_ws = 0;
  for (size_t i = 0; i < slice.n; ++i) {
    sum_ws += WeightOf(slice, i) * metric.ValueOf(static_cast<int>(slice.scores[i]));
  }
  point.value = sum_ws / sum_w * metric.Multiplier();
  return point;
}

Result<Estimate> EstimateTally(const Metric& metric, const IntervalOptions& options,
                               const Tally& tally) {
  Estimate point = NanEstimate(options.level);
  point.n = tally.Total();
  if (point.n == 0) return point;
  const double sum_w = tally.WeightTotal();
  if (!(sum_w > 0)) return point;
  double sum_w2 = 0, sum_ws = 0;
  for (size_t p = 0; p < tally.counts.size(); ++p) {
    sum_w2 += tally.weight_square_sums[p];
    sum_ws += tally.weight_sums[p] * metric.ValueOf(metric.scale_min + static_cast<int>(p));
  }
  point.effective_n = sum_w * sum_w / sum_w2;
  Result<GroupEstimate> group = EstimateGroup(metric, tally, nullptr, options, kFirstGroupStream);
  if (group.ok()) return group->estimate;
  if (group.status().code() != CANDOR_EMPTY) return group.status();
  point.value = sum_ws / sum_w * metric.Multiplier();  // one response: no variance
  return point;
}

Result<Comparison> CompareSlices(const Metric& metric, const IntervalOptions& options,
                                 const Slice& current, const Slice& previous) {
  Result<Estimate> a = EstimateSlice(metric, options, current);
  if (!a.ok()) return a.status();
  Result<Estimate> b = EstimateSlice(metric, options, previous);
  if (!b.ok()) return b.status();
  if (!std::isfinite(a->std_error) || !std::isfinite(b->std_error)) {
    return NanComparison(*a, *b);
  }
  if (current.accounts == nullptr) {
    Result<Comparison> c =
        Compare(metric, current.scores, current.weights, current.n, previous.scores,
                previous.weights, previous.n, options);
    if (!c.ok() && c.status().code() == CANDOR_EMPTY) return NanComparison(*a, *b);
    return c;
  }
  // Two domains of one design over both slices' responses.
  const size_t n = current.n + previous.n;
  std::vector<double> scores(n), weights;
  std::vector<int32_t> accounts(n);
  std::vector<int8_t> group(n, 1);
  if (current.weights != nullptr) weights.resize(n);
  const Slice* parts[2] = {&current, &previous};
  size_t at = 0;
  for (int g = 0; g < 2; ++g) {
    const Slice& part = *parts[g];
    for (size_t i = 0; i < part.n; ++i, ++at) {
      scores[at] = part.scores[i];
      accounts[at] = part.accounts[i];
      group[at] = static_cast<int8_t>(g);
      if (!weights.empty()) weights[at] = part.weights[i];
    }
  }
  const SurveyDesign design{weights.empty() ? nullptr : weights.data(), accounts.data(), nullptr};
  Result<Comparison> c = CompareGroups(metric, scores.data(), n, design, group.data(), options);
  if (!c.ok() && c.status().code() == CANDOR_EMPTY) return NanComparison(*a, *b);
  return c;
}

Result<Comparison> CompareTallies(const Metric& metric, const IntervalOptions& options,
                                  const Tally& current, const Tally& previous) {
  Result<Estimate> a = EstimateTally(metric, options, current);
  if (!a.ok()) return a.status();
  Result<Estimate> b = EstimateTally(metric, options, previous);
  if (!b.ok()) return b.status();
  if (!std::isfinite(a->std_error) || !std::isfinite(b->std_error)) {
    return NanComparison(*a, *b);
  }
  // As Compare: the groups' bootstrap streams are the first and the second.
  Result<GroupEstimate> x = EstimateGroup(metric, current, nullptr, options, kFirstGroupStream);
  Result<GroupEstimate> y = EstimateGroup(metric, previous, nullptr, options, kSecondGroupStream);
  for (const Result<GroupEstimate>* group : {&x, &y}) {
    if (group->ok()) continue;
    if (group->status().code() == CANDOR_EMPTY) return NanComparison(*a, *b);
    return group->status();
  }
  const Comparison c = CompareIndependentGroups(metric, *x, *y, options);
  CANDOR_RETURN_IF_ERROR(CheckReportable(c));
  return c;
}

SmoothedTally::SmoothedTally(const Metric& metric, double half_life_seconds)
    : metric_(metric),
      half_life_(half_life_seconds),
      tally_(Tally::Empty(metric.scale_min, metric.scale_max)) {
  tally_.weighted = true;  // decayed weights are below 1
}

void SmoothedTally::DecayTo(int64_t end) {
  if (started_) {
    const double decay = std::exp2(-static_cast<double>(end - end_) / half_life_);
    for (size_t p = 0; p < tally_.counts.size(); ++p) {
      tally_.weight_sums[p] *= decay;
      tally_.weight_square_sums[p] *= decay * decay;
    }
  }
  started_ = true;
  end_ = end;
}

void SmoothedTally::Advance(int64_t end, const Slice& bucket, const int64_t* times) {
  DecayTo(end);
  for (size_t i = 0; i < bucket.n; ++i) {
    const size_t p = static_cast<size_t>(static_cast<int>(bucket.scores[i]) - metric_.scale_min);
    const double w = WeightOf(bucket, i) * std::exp2(-static_cast<double>(end - times[i]) /
                                                     half_life_);
    ++tally_.counts[p];
    tally_.weight_sums[p] += w;
    tally_.weight_square_sums[p] += w * w;
  }
}

void SmoothedTally::AddDecayed(int64_t at, const int64_t* counts, const double* sums,
                               const double* square_sums) {
  const double decay = std::exp2(-static_cast<double>(end_ - at) / half_life_);
  for (size_t p = 0; p < tally_.counts.size(); ++p) {
    tally_.counts[p] += counts[p];
    tally_.weight_sums[p] += sums[p] * decay;
    tally_.weight_square_sums[p] += square_sums[p] * decay * decay;
  }
}

Result<Estimate> SmoothedTally::Current(const IntervalOptions& options) const {
  return EstimateTally(metric_, options, tally_);
}

SpreadOfValues Spread(const Metric& metric, const Slice& slice) {
  double sum_w = 0, sum_ws = 0;
  for (size_t i = 0; i < slice.n; ++i) {
    const double w = WeightOf(slice, i);
    sum_w += w;
    sum_ws += w * metric.ValueOf(static_cast<int>(slice.scores[i]));
  }
  if (!(sum_w > 0)) return {kNaN, kNaN};
  const double mean = sum_ws / sum_w;
  double sum_sq = 0;
  for (size_t i = 0; i < slice.n; ++i) {
    const double d = metric.ValueOf(static_cast<int>(slice.scores[i])) - mean;
    sum_sq += WeightOf(slice, i) * d * d;
  }
  return {mean * metric.Multiplier(), std::sqrt(sum_sq / sum_w) * metric.Multiplier()};
}

SpreadOfValues SpreadOfTally(const Metric& metric, const Tally& tally) {
  const double sum_w = tally.WeightTotal();
  if (!(sum_w > 0)) return {kNaN, kNaN};
  double sum_ws = 0;
  for (size_t p = 0; p < tally.counts.size(); ++p) {
    sum_ws += tally.weight_sums[p] * metric.ValueOf(metric.scale_min + static_cast<int>(p));
  }
  const double mean = sum_ws / sum_w;
  double sum_sq = 0;
  for (size_t p = 0; p < tally.counts.size(); ++p) {
    const double d = metric.ValueOf(metric.scale_min + static_cast<int>(p)) - mean;
    sum_sq += tally.weight_sums[p] * d * d;
  }
  return {mean * metric.Multiplier(), std::sqrt(sum_sq / sum_w) * metric.Multiplier()};
}

}  // namespace candor::internal
