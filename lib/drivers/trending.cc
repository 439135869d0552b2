// A theme's share of comments and its metric, later period against earlier
// (formulas in include/candor/drivers.hpp).
#include <cmath>
#include <limits>

#include "drivers_internal.hpp"
#include "score/estimate_internal.hpp"

namespace candor::internal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

CellSums SlotSums(const DriverRequest& request, const ThemeCells& cells, int mention, int slot) {
  return SumCells(
      cells.Of(mention, slot), [](size_t) { return true; },
      [&](size_t p) { return request.value_of_point[p]; });
}

Estimate SlotShare(const DriverRequest& request, const CellSums& in, const CellSums& out,
                   double variance) {
  CellSums all = in;
  Accumulate(out, &all);
  all.weighted_value = in.weight;
  all.weighted_square_value = in.weight;
  return EstimateFromSums(Metric::TopBox(0, 1, 1), all, variance, request.interval);
}

}  // namespace

TrendingTheme TrendingRow(const DriverRequest& request, const ThemeCells& cells,
                          const ThemeVariance& variance, size_t theme) {
  TrendingTheme row;
  row.theme = static_cast<int32_t>(theme);
  const CellSums in_a = SlotSums(request, cells, 1, kEarlierSlot);
  const CellSums out_a = SlotSums(request, cells, 0, kEarlierSlot);
  const CellSums in_b = SlotSums(request, cells, 1, kLaterSlot);
  const CellSums out_b = SlotSums(request, cells, 0, kLaterSlot);
  const double w_a = in_a.weight + out_a.weight, w_b = in_b.weight + out_b.weight;
  const double p_a = in_a.weight / w_a, p_b = in_b.weight / w_b;
  const size_t points = request.value_of_point.size();

  // Each period's share on its own (its influence is zero in the other).
  auto share_variance = [&](int slot, double share, double total) {
    CellCoefficients g(points);
    for (int m = 0; m < 2; ++m) {
      for (size_t p = 0; p < points; ++p) g.at(m, slot, p) = (m - share) / total;
    }
    return variance.Variance(g);
  };
  row.share_earlier = SlotShare(request, in_a, out_a, share_variance(kEarlierSlot, p_a, w_a));
  row.share_later = SlotShare(request, in_b, out_b, share_variance(kLaterSlot, p_b, w_b));

  // The difference, linearized as one statistic (periods may share accounts).
  CellCoefficients g(points);
  for (int m = 0; m < 2; ++m) {
    for (size_t p = 0; p < points; ++p) {
      g.at(m, kLaterSlot, p) = (m - p_b) / w_b;
      g.at(m, kEarlierSlot, p) = -(m - p_a) / w_a;
    }
  }
  const double difference = p_b - p_a;
  const double se = std::sqrt(variance.Variance(g));
  row.difference = 100.0 * difference;
  row.std_error = 100.0 * se;
  row.ci_low = 100.0 * (difference - request.z * se);
  row.ci_high = 100.0 * (difference + request.z * se);
  if (!request.comments->weighted && !variance.clustered()) {
    // Two-proportion z-test with the pooled proportion (statsmodels'
    // proportions_ztest); identical counts in both periods give z = 0.
    const double n_a = static_cast<double>(in_a.n + out_a.n);
    const double n_b = static_cast<double>(in_b.n + out_b.n);
    const double pooled = static_cast<double>(in_a.n + in_b.n) / (n_a + n_b);
    const double pooled_se = std::sqrt(pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b));
    row.z = pooled_se > 0 ? difference / pooled_se : (difference == 0 ? 0.0 : kNaN);
    row.p_value = WaldPValue(difference, pooled_se);
  } else {
    row.z = se > 0 ? difference / se : (difference == 0 ? 0.0 : kNaN);
    row.p_value = WaldPValue(difference, se);
  }

  // The metric among the comments that mention the theme, B against A.
  Comparison& change = row.score_change;
  if (!in_a.estimable() || !in_b.estimable()) {
    change.a = NaNEstimate(in_b.n, request.interval.level);
    change.b = NaNEstimate(in_a.n, request.interval.level);
    change.difference = change.std_error = change.ci_low = change.ci_high = kNaN;
    change.p_value = kNaN;
    return row;
  }
  if (!variance.clustered()) {
    auto later = EstimateGroup(request.metric, cells.in[kLaterSlot], nullptr, request.interval,
                               16 + 16 * static_cast<uint64_t>(theme) + 8);
    auto earlier = EstimateGroup(request.metric, cells.in[kEarlierSlot], nullptr,
                                 request.interval, 16 + 16 * static_cast<uint64_t>(theme) + 9);
    if (later.ok() && earlier.ok()) {
      change = CompareIndependentGroups(request.metric, *later, *earlier, request.interval);
      return row;
    }
    change.a = NaNEstimate(in_b.n, request.interval.level);
    change.b = NaNEstimate(in_a.n, request.interval.level);
    change.difference = change.std_error = change.ci_low = change.ci_high = kNaN;
    change.p_value = kNaN;
    return row;
  }
  const double m_a = in_a.Mean(), m_b = in_b.Mean();
  CellCoefficients ga(points), gb(points), gd(points);
  for (size_t p = 0; p < points; ++p) {
    const double v = request.value_of_point[p];
    ga.at(1, kEarlierSlot, p) = (v - m_a) / in_a.weight;
    gb.at(1, kLaterSlot, p) = (v - m_b) / in_b.weight;
    gd.at(1, kEarlierSlot, p) = -ga.at(1, kEarlierSlot, p);
    gd.at(1, kLaterSlot, p) = gb.at(1, kLaterSlot, p);
  }
  change.a = EstimateFromSums(request.metric, in_b, variance.Variance(gb), request.interval);
  change.b = EstimateFromSums(request.metric, in_a, variance.Variance(ga), request.interval);
  const double scale = request.metric.Multiplier();
  const double d = m_b - m_a, dse = std::sqrt(variance.Variance(gd));
  change.difference = d * scale;
  change.std_error = dse * scale;
  change.ci_low = (d - request.z * dse) * scale;
  change.ci_high = (d + request.z * dse) * scale;
  change.p_value = WaldPValue(d, dse);
  return row;
}

void AdjustTrending(const DriverOptions& options, std::vector<TrendingTheme>* rows) {
  const size_t themes = rows->size();
  std::vector<double> share_p(themes), change_p(themes);
  for (size_t j = 0; j < themes; ++j) {
    share_p[j] = (*rows)[j].p_value;
    change_p[j] = (*rows)[j].score_change.p_value;
  }
  const std::vector<double> share_adjusted = AdjustPValues(share_p, options.adjust);
  const std::vector<double> change_adjusted = AdjustPValues(change_p, options.adjust);
  for (size_t j = 0; j < themes; ++j) {
    TrendingTheme& row = (*rows)[j];
    row.p_adjusted = share_adjusted[j];
    row.score_change_p_adjusted = change_adjusted[j];
    row.trending = row.p_adjusted <= options.alpha;
  }
}

}  // namespace candor::internal
