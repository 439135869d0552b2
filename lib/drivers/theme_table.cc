// One theme's row: volume, shares by category, the metric with and without
// the theme, its impact and the detractor relative risk (formulas in
// include/candor/drivers.hpp).
#include <cmath>
#include <limits>

#include "common/normal.hpp"
#include "drivers_internal.hpp"
#include "score/estimate_internal.hpp"
#include "score/jeffreys.hpp"

namespace candor::internal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Bootstrap streams: 0 and 1 are taken by single estimates and comparisons;
// each theme gets its own block.
uint64_t Stream(size_t theme, uint64_t k) { return 16 + 16 * static_cast<uint64_t>(theme) + k; }

CellSums SumsOf(const DriverRequest& request, const ThemeCells& cells, int mention,
                int category = -1) {
  CellSums sums;
  for (int s = 0; s < kSlots; ++s) {
    Accumulate(SumCells(
                   cells.Of(mention, s),
                   [&](size_t p) { return category < 0 || request.category_of_point[p] == category; },
                   [&](size_t p) { return request.value_of_point[p]; }),
               &sums);
  }
  return sums;
}

// The share (percent) of a set of comments that mention the theme: the
// top-box estimate of the 0/1 indicator; cells restricted to `category`
// (-1: all).
Estimate ShareEstimate(const DriverRequest& request, const ThemeCells& cells,
                       const ThemeVariance& variance, int category, uint64_t stream) {
  const CellSums in = SumsOf(request, cells, 1, category);
  const CellSums out = SumsOf(request, cells, 0, category);
  const Metric box = Metric::TopBox(0, 1, 1);
  CellSums all = in;
  Accumulate(out, &all);
  all.weighted_value = in.weight;  // the indicator's weighted sum
  all.weighted_square_value = in.weight;
  if (!all.estimable()) return NaNEstimate(all.n, request.interval.level);
  if (!variance.clustered()) {
    Tally tally = Tally::Empty(0, 1);
    tally.weighted = request.comments->weighted;
    tally.counts = {out.n, in.n};
    tally.weight_sums = {out.weight, in.weight};
    tally.weight_square_sums = {out.square, in.square};
    return EstimateFromTally(box, tally, request.interval, stream);
  }
  const double share = in.weight / all.weight;
  CellCoefficients g(request.value_of_point.size());
  for (int m = 0; m < 2; ++m) {
    for (int s = 0; s < kSlots; ++s) {
      for (size_t p = 0; p < g.points(); ++p) {
        if (category < 0 || request.category_of_point[p] == category) {
          g.at(m, s, p) = (m - share) / all.weight;
        }
      }
    }
  }
  return EstimateFromSums(box, all, variance.Variance(g), request.interval);
}

// The metric over the comments that mention (mention = 1) or do not mention
// the theme.
Estimate ScoreEstimate(const DriverRequest& request, const ThemeCells& cells,
                       const ThemeVariance& variance, int mention, uint64_t stream) {
  const CellSums sums = SumsOf(request, cells, mention);
  if (!sums.estimable()) return NaNEstimate(sums.n, request.interval.level);
  if (!variance.clustered()) {
    Tally tally = SumSlots(mention ? cells.in : cells.out);
    return EstimateFromTally(request.metric, tally, request.interval, stream);
  }
  const double mean = sums.Mean();
  CellCoefficients g(request.value_of_point.size());
  for (int s = 0; s < kSlots; ++s) {
    for (size_t p = 0; p < g.points(); ++p) {
      g.at(mention, s, p) = (request.value_of_point[p] - mean) / sums.weight;
    }
  }
  return EstimateFromSums(request.metric, sums, variance.Variance(g), request.interval);
}

// impact = overall - without, linearized as one statistic.
Comparison Impact(const DriverRequest& request, const ThemeCells& cells,
                  const ThemeVariance& variance, const Estimate& overall,
                  const Estimate& without) {
  Comparison impact;
  impact.a = overall;
  impact.b = without;
  const CellSums in = SumsOf(request, cells, 1);
  const CellSums out = SumsOf(request, cells, 0);
  CellSums all = in;
  Accumulate(out, &all);
  const double scale = request.metric.Multiplier();
  if (!out.estimable()) {
    impact.difference = impact.std_error = impact.ci_low = impact.ci_high = kNaN;
    impact.p_value = kNaN;
    return impact;
  }
  const double m = all.Mean(), m_out = out.Mean();
  CellCoefficients g(request.value_of_point.size());
  for (int s = 0; s < kSlots; ++s) {
    for (size_t p = 0; p < g.points(); ++p) {
      const double v = request.value_of_point[p];
      g.at(1, s, p) = (v - m) / all.weight;
      g.at(0, s, p) = (v - m) / all.weight - (v - m_out) / out.weight;
    }
  }
  // Without mentions the two means are the same number: exactly 0.
  const double difference = in.n == 0 ? 0.0 : (m - m_out);
  const double se = in.n == 0 ? 0.0 : std::sqrt(variance.Variance(g));
  impact.difference = difference * scale;
  impact.std_error = se * scale;
  impact.ci_low = (difference - request.z * se) * scale;
  impact.ci_high = (difference + request.z * se) * scale;
  impact.p_value = WaldPValue(difference, se);
  return impact;
}

void RelativeRisk(const DriverRequest& request, const ThemeCells& cells,
                  const ThemeVariance& variance, ThemeDriver* row) {
  auto is_detractor = [&](size_t p) { return request.category_of_point[p] == kDetractor; };
  const CellSums in = SumsOf(request, cells, 1);
  const CellSums out = SumsOf(request, cells, 0);
  const CellSums in_det = SumsOf(request, cells, 1, kDetractor);
  const CellSums out_det = SumsOf(request, cells, 0, kDetractor);
  row->detractors_mentioning = in_det.n;
  row->detractors_not = out_det.n;
  row->relative_risk = row->relative_risk_ci_low = row->relative_risk_ci_high = kNaN;
  row->log_relative_risk_std_error = row->relative_risk_p_value = kNaN;
  if (!in.estimable() || !out.estimable()) return;
  const bool zero_cell = in_det.n == 0 || in_det.n == in.n || out_det.n == 0 ||
                         out_det.n == out.n || in_det.weight == 0 || out_det.weight == 0 ||
                         in_det.weight == in.weight || out_det.weight == out.weight;
  double log_rr = 0, se = 0;
  if (zero_cell) {
    // Haldane: 0.5 added to each cell of the 2x2 table (of Kish effective
    // counts when weighted), then Katz.
    auto effective = [&](const CellSums& s) {
      return request.comments->weighted ? s.weight * s.weight / s.square
                                        : static_cast<double>(s.n);
    };
    const double n1 = effective(in), n0 = effective(out);
    const double a = in_det.weight / in.weight * n1 + 0.5;
    const double c = out_det.weight / out.weight * n0 + 0.5;
    const double n1c = n1 + 1.0, n0c = n0 + 1.0;
    log_rr = std::log((a / n1c) / (c / n0c));
    se = std::sqrt(1.0 / a - 1.0 / n1c + 1.0 / c - 1.0 / n0c);
    row->relative_risk_corrected = true;
  } else {
    const double p1 = in_det.weight / in.weight, p0 = out_det.weight / out.weight;
    log_rr = std::log(p1 / p0);
    CellCoefficients g(request.value_of_point.size());
    for (int s = 0; s < kSlots; ++s) {
      for (size_t p = 0; p < g.points(); ++p) {
        const double y = is_detractor(p) ? 1.0 : 0.0;
        g.at(1, s, p) = (y - p1) / (in.weight * p1);
        g.at(0, s, p) = -(y - p0) / (out.weight * p0);
      }
    }
    se = std::sqrt(variance.Variance(g));
  }
  row->relative_risk = std::exp(log_rr);
  row->log_relative_risk_std_error = se;
  row->relative_risk_ci_low = std::exp(log_rr - request.z * se);
  row->relative_risk_ci_high = std::exp(log_rr + request.z * se);
  row->relative_risk_p_value = WaldPValue(log_rr, se);
}

}  // namespace

Estimate NaNEstimate(int64_t n, double level) {
  Estimate e;
  e.value = e.std_error = e.ci_low = e.ci_high = e.effective_n = kNaN;
  e.n = n;
  e.level = level;
  return e;
}

Estimate EstimateFromTally(const Metric& metric, const Tally& tally,
                           const IntervalOptions& interval, uint64_t stream) {
  auto group = EstimateGroup(metric, tally, nullptr, interval, stream);
  if (!group.ok()) return NaNEstimate(tally.Total(), interval.level);
  return group->estimate;
}

Estimate EstimateFromSums(const Metric& metric, const CellSums& sums, double variance,
                          const IntervalOptions& interval) {
  if (!sums.estimable() || std::isnan(variance)) return NaNEstimate(sums.n, interval.level);
  DesignMoments moments;
  moments.n = sums.n;
  moments.weight_sum = sums.weight;
  moments.square_sum = sums.square;
  moments.mean = sums.Mean();
  moments.mean_of_squares = sums.weighted_square_value / sums.weight;
  return EstimateFromDesignVariance(metric, moments, variance, interval);
}

ThemeDriver ThemeRow(const DriverRequest& request, const ThemeCells& cells,
                     const ThemeVariance& variance, const Estimate& overall, size_t theme) {
  ThemeDriver row;
  row.theme = static_cast<int32_t>(theme);
  const CellSums in = SumsOf(request, cells, 1);
  const CellSums out = SumsOf(request, cells, 0);
  row.mentions = in.n;
  row.weighted_mentions = in.weight;
  row.status = in.n == 0 ? ThemeStatus::kNoMentions
                         : (out.n == 0 ? ThemeStatus::kAllMention : ThemeStatus::kOk);
  row.share = ShareEstimate(request, cells, variance, -1, Stream(theme, 0));
  row.share_of_promoters = ShareEstimate(request, cells, variance, kPromoter, Stream(theme, 1));
  row.share_of_passives = ShareEstimate(request, cells, variance, kPassive, Stream(theme, 2));
  row.share_of_detractors = ShareEstimate(request, cells, variance, kDetractor, Stream(theme, 3));
  row.score = ScoreEstimate(request, cells, variance, 1, Stream(theme, 4));
  row.score_without = ScoreEstimate(request, cells, variance, 0, Stream(theme, 5));
  row.impact = Impact(request, cells, variance, overall, row.score_without);
  RelativeRisk(request, cells, variance, &row);
  return row;
}

}  // namespace candor::internal
