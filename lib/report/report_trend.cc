// The report's trend: the NPS per calendar bucket with its interval, whether
// it is improving, declining or holding steady (decided by the weighted
// least-squares slope test and the calibrated change-point scan, both at
// alpha = 1 - level), the changes that pass, and the smallest change two
// buckets of the latest volume can show.
//
// Responses are treated as independent (no clustering by account), as in the
// headline, so the trend's overall level and the headline's NPS agree.
#include <algorithm>
#include <candor/trend_buckets.hpp>
#include <candor/trend_change_points.hpp>
#include <candor/trend_series.hpp>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "common/normal.hpp"
#include "report_format.hpp"
#include "report_intervals.hpp"
#include "report_sections.hpp"

namespace candor::report_internal {
namespace {

// At least this many buckets with responses for a trend; under kFewBuckets
// the tests have little power, which a caveat says.
constexpr size_t kMinBuckets = 3;
constexpr size_t kFewBuckets = 6;

std::string Adjective(BucketPeriod period) {
  switch (period) {
    case BucketPeriod::kDay:
      return "daily";
    case BucketPeriod::kWeek:
      return "weekly";
    case BucketPeriod::kMonth:
      return "monthly";
    case BucketPeriod::kQuarter:
      return "quarterly";
  }
  return "";
}

std::string Plural(size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

bool HasResponses(const TrendBucket& bucket) {
  return bucket.estimate.n > 0 && std::isfinite(bucket.estimate.value);
}

// The calibrated change-point scan over the responses grouped by bucket
// (a stable counting sort: O(n), no sort by time), with changes allowed only
// where a bucket starts, so that a change is dated to a bucket. Times are not
// passed: the boundaries already keep each bucket whole. `offsets[k]` is the
// position of bucket k's first response in that order.
Result<ChangePoints> ScanByBucket(const ReportContext& context,
                                  const std::vector<TrendBucket>& rows,
                                  std::vector<int64_t>* offsets) {
  const Table& table = context.table;
  const size_t n = table.rows();
  std::vector<int64_t> starts(rows.size());
  for (size_t k = 0; k < rows.size(); ++k) starts[k] = rows[k].start;
  std::vector<int32_t> bucket_of(n);
  offsets->assign(rows.size() + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    // Every time is within the grid: TimeBuckets built it from these times.
    const auto next = std::upper_bound(starts.begin(), starts.end(), table.times[i]);
    bucket_of[i] = static_cast<int32_t>(next - starts.begin() - 1);
    ++(*offsets)[bucket_of[i] + 1];
  }
  for (size_t k = 0; k < rows.size(); ++k) (*offsets)[k + 1] += (*offsets)[k];
  std::vector<int64_t> next = *offsets;
  std::vector<double> scores(n);
  std::vector<double> weights(context.weights != nullptr ? n : 0);
  for (size_t i = 0; i < n; ++i) {
    const int64_t at = next[bucket_of[i]]++;
    scores[at] = table.scores[i];
    if (context.weights != nullptr) weights[at] = context.weights[i];
  }

  ChangePointOptions options;  // the calibrated scan
  options.interval = context.interval;
  options.alpha = 1 - context.options.level;
  options.seed = context.options.seed;
  for (size_t k = 1; k < rows.size(); ++k) {
    const int64_t at = (*offsets)[k];
    if (at > 0 && at < static_cast<int64_t>(n) && (*offsets)[k + 1] > at) {
      options.boundaries.push_back(at);
    }
  }
  return DetectChangePoints(scores.data(), nullptr, weights.empty() ? nullptr : weights.data(), n,
                            options);
}

// The changes of the scan whose Holm-adjusted p-value passes at alpha.
void KeepPassingChanges(const ChangePoints& scan, const std::vector<TrendBucket>& rows,
                        const std::vector<int64_t>& offsets, double alpha, ReportTrend* trend) {
  std::vector<double> p_values;
  for (const ChangePoint& change : scan.changes) p_values.push_back(change.p_value);
  const std::vector<double> adjusted = AdjustPValues(p_values, PAdjust::kHolm);
  for (size_t j = 0; j < scan.changes.size(); ++j) {
    if (!(adjusted[j] <= alpha)) continue;  // the scan's rule: declared when p <= alpha
    const ChangePoint& change = scan.changes[j];
    const size_t bucket =
        std::upper_bound(offsets.begin(), offsets.end(), change.index) - offsets.begin() - 1;
    ReportChange out;
    out.label = rows[bucket].label;
    out.time = rows[bucket].start;
    out.before = scan.segments[j].level.value;
    out.after = scan.segments[j + 1].level.value;
    out.shift = change.change;
    out.p_value = change.p_value;
    out.p_adjusted = adjusted[j];
    trend->changes.push_back(out);
  }
  const size_t dropped = scan.changes.size() - trend->changes.size();
  if (dropped > 0) {
    trend->caveats.push_back(Plural(dropped, "change") + " found by the scan did not pass after " +
                             "Holm adjustment across the changes and " +
                             (dropped == 1 ? "is" : "are") + " not shown.");
  }
  if (trend->changes.size() > 1) {
    trend->caveats.push_back(
        "The first change's p-value is exact at the stated false-alarm rate; later ones are "
        "conditional on the earlier splits (binary segmentation), so they are approximate.");
  }
}

// With several changes, where the level is now against where it was before
// the first: a dip and its recovery are an episode, not a trend. The two
// segments are disjoint, so their difference's variance is the sum of theirs.
int NetChangeSign(double alpha, ReportTrend* trend, double* net_p) {
  const ReportChange& first = trend->changes.front();
  const ReportChange& last = trend->changes.back();
  const Estimate& before = first.shift.b;
  const Estimate& now = last.shift.a;
  const double net = now.value - before.value;
  const double p = internal::TwoSidedPValue(net / std::hypot(now.std_error, before.std_error));
  *net_p = p;
  const std::string comparison = "since " + last.label + " the NPS is " + Fixed(now.value, 1) +
                                 " against " + Fixed(before.value, 1) + " before " + first.label +
                                 " (difference " + Fixed(net, 1) + ", p = " + Fixed(p, 4) + ")";
  if (p < alpha) {
    trend->caveats.push_back(
        "Over its " + Plural(trend->changes.size(), "change") + ", " + comparison +
        ": the direction is this net change. The levels compared were chosen by the scan, so "
        "this p-value is optimistic; when the slope test does not pass, read it as a step, "
        "not a steady trend.");
    return net > 0 ? 1 : -1;
  }
  trend->caveats.push_back("The " + Plural(trend->changes.size(), "change") +
                           " return the NPS to where it was: " + comparison +
                           ". This was an episode (a temporary shift), not a trend.");
  return 0;
}

// improving / declining / holding steady from the slope test and the changes.
// When both find something and disagree, the latest change wins: it says
// where the level is now.
void Decide(double alpha, bool have_slope, const std::string& slope_test, ReportTrend* trend) {
  const bool slope_passes = have_slope && trend->slope_p_value < alpha;
  const int slope_sign = slope_passes ? (trend->slope > 0 ? 1 : -1) : 0;
  int change_sign = 0;
  double net_p = std::nan("");
  if (trend->changes.size() == 1) {
    const double shift = trend->changes.back().shift.difference;
    change_sign = shift > 0 ? 1 : (shift < 0 ? -1 : 0);
  } else if (trend->changes.size() > 1) {
    change_sign = NetChangeSign(alpha, trend, &net_p);
  }
  std::string scan_test = "calibrated change-point scan (" +
                          Plural(trend->changes.size(), "change") +
                          " at Holm-adjusted p <= " + Fixed(alpha, 3) + ")";
  // With several changes the direction comes from the net change test: name it.
  if (change_sign != 0 && trend->changes.size() > 1) {
    scan_test = "net change across the " + scan_test + ", p = " + Fixed(net_p, 4);
  }
  const std::string slope_text = slope_test + " (p = " + Fixed(trend->slope_p_value, 4) + ")";
  int sign = 0;
  if (slope_sign != 0 && (change_sign == 0 || change_sign == slope_sign)) {
    sign = slope_sign;
    trend->test = change_sign == 0 ? slope_text : slope_text + " and " + scan_test;
  } else if (change_sign != 0) {
    sign = change_sign;
    trend->test = scan_test;
    if (slope_sign != 0) {
      trend->test += ", its latest change; the " + slope_text + " points the other way";
      trend->caveats.push_back(
          "The slope over the whole period and the latest change point in opposite directions: "
          "the direction shown is the latest change's, where the level is now.");
    }
  } else {
    trend->test = (have_slope ? slope_text : slope_test + " (not available)") + " and " +
                  scan_test + ": neither passes at alpha = " + Fixed(alpha, 3);
  }
  trend->direction = sign > 0 ? "improving" : (sign < 0 ? "declining" : "holding steady");
}

}  // namespace

Status BuildTrend(const ReportContext& context, ReportTrend* trend) {
  const Table& table = context.table;
  if (table.times.empty()) {
    trend->absent_reason = "no time column: give --time-column to see the NPS over time";
    return OkStatus();
  }
  Result<BucketPeriod> period = ParseBucketPeriod(context.options.period);
  if (!period.ok()) {
    return Status(period.status().code(), "report trend: " + period.status().message());
  }
  BucketResponses responses;
  responses.scores = table.scores.data();
  responses.times = table.times.data();
  responses.n = table.rows();
  responses.weights = context.weights;
  BucketOptions bucket_options;
  bucket_options.every = *period;
  bucket_options.time_zone = context.options.time_zone;
  Result<std::vector<TrendBucket>> buckets =
      TimeBuckets(Metric::Nps(), context.interval, responses, bucket_options);
  if (!buckets.ok()) {
    return Status(buckets.status().code(), "report trend: " + buckets.status().message());
  }
  std::vector<TrendBucket> rows = std::move(buckets).value();
  // A bucket whose responses all fall in one group has a Wald SE of 0 (and
  // would weigh infinitely in the slope): its SE comes from the adjusted
  // Wald interval (Rocks 2016), around the bucket's own NPS.
  const auto zero_width = [](const TrendBucket& row) {
    return HasNoSamplingError(row.estimate);
  };
  size_t widened = 0;
  if (std::any_of(rows.begin(), rows.end(), zero_width)) {
    IntervalOptions adjusted = context.interval;
    adjusted.method = IntervalMethod::kAdjustedWald;
    Result<std::vector<TrendBucket>> wide =
        TimeBuckets(Metric::Nps(), adjusted, responses, bucket_options);
    for (size_t k = 0; wide.ok() && k < rows.size() && k < wide->size(); ++k) {
      if (!zero_width(rows[k]) || !((*wide)[k].estimate.std_error > 0)) continue;
      rows[k].estimate.std_error = (*wide)[k].estimate.std_error;
      ++widened;
    }
  }
  const std::string noun = BucketPeriodName(*period);
  trend->period = noun;
  trend->time_zone = context.options.time_zone;

  std::vector<double> values, errors, positions;
  size_t filled = 0;
  const TrendBucket* latest = nullptr;
  for (size_t k = 0; k < rows.size(); ++k) {
    if (!HasResponses(rows[k])) continue;
    ++filled;
    latest = &rows[k];
    values.push_back(rows[k].estimate.value);
    if (std::isfinite(rows[k].estimate.std_error) && rows[k].estimate.std_error > 0) {
      errors.push_back(rows[k].estimate.std_error);
      positions.push_back(static_cast<double>(k));  // in buckets; gaps kept
    } else {
      errors.push_back(0);
      positions.push_back(-1);
    }
  }
  if (filled < kMinBuckets) {
    trend->absent_reason = "only " + Plural(filled, noun) + " with responses (" +
                           rows.front().label +
                           (rows.size() > 1 ? " to " + rows.back().label : "") +
                           "): a trend needs at least " + std::to_string(kMinBuckets);
    trend->points.clear();
    return OkStatus();
  }
  trend->present = true;

  // The overall NPS: every bucket's control-limit center is the weighted mean
  // over all responses, the headline's estimate.
  const double overall = rows.front().center;
  size_t outside = 0;
  for (const TrendBucket& row : rows) {
    ReportTrendPoint point;
    point.label = row.label;
    point.start = row.start;
    point.nps = row.estimate;
    point.outside_control =
        HasResponses(row) && (row.estimate.ci_high < overall || row.estimate.ci_low > overall);
    outside += point.outside_control ? 1 : 0;
    trend->points.push_back(point);
  }

  const double alpha = 1 - context.options.level;
  MannKendallOptions mk_options;
  mk_options.alpha = alpha;
  Result<MannKendall> mk = MannKendallTest(values.data(), values.size(), mk_options);
  trend->mann_kendall_p_value = mk.ok() ? mk->p_value : std::nan("");

  // The WLS slope over the buckets with a positive standard error.
  std::vector<double> wls_values, wls_errors, wls_times;
  for (size_t j = 0; j < values.size(); ++j) {
    if (positions[j] < 0) continue;
    wls_values.push_back(values[j]);
    wls_errors.push_back(errors[j]);
    wls_times.push_back(positions[j]);
  }
  WlsSlopeOptions wls_options;
  wls_options.level = context.options.level;
  Result<WlsSlope> wls = WlsSlopeEstimate(wls_values.data(), wls_errors.data(), wls_times.data(),
                                          wls_values.size(), wls_options);
  if (wls.ok()) {
    trend->slope = wls->slope;
    trend->slope_ci_low = wls->slope_ci_low;
    trend->slope_ci_high = wls->slope_ci_high;
    trend->slope_p_value = wls->slope_p_value;
  } else {
    trend->slope = trend->slope_ci_low = trend->slope_ci_high = std::nan("");
    trend->slope_p_value = std::nan("");
    trend->caveats.push_back("No slope: " + wls.status().message() + ".");
  }

  std::vector<int64_t> offsets;
  Result<ChangePoints> scan = ScanByBucket(context, rows, &offsets);
  if (scan.ok()) {
    KeepPassingChanges(*scan, rows, offsets, alpha, trend);
  } else if (scan.status().code() == CANDOR_EMPTY) {
    trend->caveats.push_back("No change-point scan: " + scan.status().message() + ".");
  } else {
    return Status(scan.status().code(), "report trend: " + scan.status().message());
  }
  Decide(alpha, wls.ok(), "weighted least-squares slope of the " + Adjective(*period) + " NPS",
         trend);

  // Two buckets of the latest bucket's size and spread: the difference's SE
  // is sqrt(2) times one bucket's (the headline's definition).
  const double z = internal::NormalQuantile(1 - alpha / 2);
  trend->minimal_detectable_change = z * std::sqrt(2.0) * latest->estimate.std_error;

  if (filled < kFewBuckets) {
    trend->caveats.push_back("With only " + Plural(filled, noun) +
                             " the trend tests have little power: \"holding steady\" is not "
                             "evidence that nothing changed.");
  }
  if (filled < rows.size()) {
    trend->caveats.push_back(Plural(rows.size() - filled, noun) + " of " +
                             std::to_string(rows.size()) +
                             " had no responses and are left out of the tests.");
  }
  if (widened > 0) {
    trend->caveats.push_back(
        "In " + Plural(widened, noun) +
        " every response falls in one group (all promoters, "
        "say), which gives the usual (Wald) standard error zero: there the standard error "
        "comes from the adjusted Wald interval (a few pseudo-responses added).");
  }
  if (outside > 0) {
    const double chance = 1 - std::pow(context.options.level, static_cast<double>(filled));
    trend->caveats.push_back(Plural(outside, noun) +
                             (outside == 1 ? "'s interval misses" : "' intervals miss") +
                             " the overall NPS of " + Fixed(overall, 1) +
                             ": worth a look, not proof of a change; with " + Plural(filled, noun) +
                             " at least one would miss by chance about " + Fixed(100 * chance, 0) +
                             "% of the time even if nothing changed.");
  }
  if (!table.account.codes.empty()) {
    trend->caveats.push_back(
        "Responses of one account are treated as independent here; when accounts answer alike "
        "the intervals and tests are somewhat too confident.");
  }
  return OkStatus();
}

}  // namespace candor::report_internal
