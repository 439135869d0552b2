// One series' rows of the bucket trend from its SeriesSource.
#include "series_rows.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "common/normal.hpp"

namespace candor::internal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Adjusts the change p-values of one series' `count` rows across that
// series (its family of changes) and records the family's size.
void AdjustSeriesChanges(PAdjust method, TrendBucket* rows, size_t count) {
  std::vector<double> p(count);
  int64_t tested = 0;
  for (size_t k = 0; k < count; ++k) {
    p[k] = rows[k].change.p_value;
    tested += !std::isnan(p[k]);
  }
  const std::vector<double> adjusted = AdjustPValues(p, method);
  for (size_t k = 0; k < count; ++k) {
    rows[k].change_p_adjusted = adjusted[k];
    rows[k].changes_tested = tested;
  }
}

}  // namespace

Status FillSeries(const Metric& metric, const IntervalOptions& interval,
                  const BucketOptions& options, const CalendarGrid& grid,
                  const absl::TimeZone& zone, int32_t segment, size_t first_row,
                  SeriesSource* source, TrendBucket* rows) {
  const double level = interval.level;
  const double z_mdc = NormalQuantile((1 + level) / 2) + NormalQuantile(options.power);
  const double k_sigma = options.ControlK();
  const SpreadOfValues spread = source->Spread();
  const size_t buckets = grid.size();
  int64_t previous = -1;  // the last non-empty bucket, within the series
  for (size_t k = 0; k < buckets; ++k) {
    TrendBucket& b = rows[k];
    b.segment = segment;
    b.label = grid.labels[k];
    b.start = grid.bounds[k];
    b.end = grid.bounds[k + 1];
    Result<Estimate> e = source->Bucket(k);
    if (!e.ok()) return e.status();
    b.estimate = *e;

    b.rolling = NanEstimate(level);
    if (options.window_days > 0) {
      Result<Estimate> r = source->Window(k, DaysBefore(b.end, options.window_days, zone));
      if (!r.ok()) return r.status();
      b.rolling = *r;
    }
    b.smoothed = NanEstimate(level);
    if (options.half_life_days > 0) {
      Result<Estimate> s = source->Smoothed(k);
      if (!s.ok()) return s.status();
      b.smoothed = *s;
    }

    b.previous = -1;
    b.change = Comparison{};
    b.change.difference = b.change.std_error = b.change.ci_low = b.change.ci_high =
        b.change.p_value = kNaN;
    b.change.a = b.estimate;
    b.change.b = NanEstimate(level);
    b.mdc = kNaN;
    const bool non_empty = b.estimate.n > 0 && b.estimate.effective_n > 0;
    if (non_empty && previous >= 0) {
      Result<Comparison> c = source->Change(k, static_cast<size_t>(previous));
      if (!c.ok()) return c.status();
      b.previous = static_cast<int64_t>(first_row) + previous;
      b.change = *c;
      b.mdc = z_mdc * c->std_error;
    }
    if (non_empty) previous = static_cast<int64_t>(k);

    b.center = spread.mean;
    b.lower = b.upper = kNaN;
    b.flag = 0;
    if (non_empty) {
      const double half = k_sigma * spread.sd / std::sqrt(b.estimate.effective_n);
      b.lower = std::max(b.center - half, metric.LowestValue());
      b.upper = std::min(b.center + half, metric.HighestValue());
      if (b.estimate.value > b.upper) b.flag = 1;
      if (b.estimate.value < b.lower) b.flag = -1;
    }
  }
  AdjustSeriesChanges(options.p_adjust, rows, buckets);
  return OkStatus();
}

}  // namespace candor::internal
