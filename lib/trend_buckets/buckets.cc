// Metric per calendar bucket, with rolling and exponentially weighted
// estimates, period-over-period changes and control limits
// (include/candor/trend_buckets.hpp).
#include <algorithm>
#include <candor/enum_names.hpp>
#include <candor/trend_buckets.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <type_traits>
#include <vector>

#include "buckets_estimate.hpp"
#include "calendar.hpp"
#include "series_rows.hpp"
#include "common/normal.hpp"
#include "score/tally.hpp"
#include "trend_buckets/time_zone.hpp"

namespace candor {
namespace {

constexpr double kSecondsPerDay = 86400.0;

// The responses reordered by (series, bucket) and, within a bucket, by time
// when a rolling window needs it; offsets[j * buckets + k] is where bucket k
// of series j begins.
struct Gathered {
  std::vector<double> scores;
  std::vector<double> weights;    // empty without weights
  std::vector<int32_t> accounts;  // empty without accounts
  std::vector<int64_t> times;     // empty unless rolling or smoothed
  std::vector<size_t> offsets;

  internal::Slice Range(size_t begin, size_t end) const {
    internal::Slice s;
    s.scores = scores.data() + begin;
    s.weights = weights.empty() ? nullptr : weights.data() + begin;
    s.accounts = accounts.empty() ? nullptr : accounts.data() + begin;
    s.n = end - begin;
    return s;
  }
};

Status CheckResponses(const Metric& metric, const IntervalOptions& interval,
                      const BucketResponses& r, const BucketOptions& options) {
  CANDOR_RETURN_IF_ERROR(metric.Validate());
  CANDOR_RETURN_IF_ERROR(interval.Validate());
  CANDOR_RETURN_IF_ERROR(options.Validate());
  if (r.n == 0) return Empty("no responses");
  if (r.scores == nullptr) return InvalidArgument("scores is null");
  if (r.times == nullptr) return InvalidArgument("times is null");
  if (r.n >= std::numeric_limits<uint32_t>::max()) {
    return Unsupported("more than 2^32 - 1 responses");
  }
  CANDOR_RETURN_IF_ERROR(
      internal::ValidateResponses(metric.scale_min, metric.scale_max, r.scores, r.weights, r.n));
  if (r.accounts != nullptr) {
    for (size_t i = 0; i < r.n; ++i) {
      if (r.accounts[i] < 0) {
        return OutOfRange("account code at index " + std::to_string(i) + " is negative (" +
                          std::to_string(r.accounts[i]) + ")");
      }
    }
    if (interval.method != IntervalMethod::kWald && interval.method != IntervalMethod::kJeffreys) {
      return Unsupported("with accounts (clusters) only the Wald and Jeffreys intervals are defined");
    }
  }
  return OkStatus();
}

// Reorders the responses by (series, bucket) with a counting sort.
Gathered Gather(const BucketResponses& r, const std::vector<uint32_t>& key, size_t keys,
                bool need_times, bool sort_by_time) {
  Gathered g;
  g.offsets.assign(keys + 1, 0);
  for (size_t i = 0; i < r.n; ++i) ++g.offsets[key[i] + 1];
  std::partial_sum(g.offsets.begin(), g.offsets.end(), g.offsets.begin());
  std::vector<size_t> cursor(g.offsets.begin(), g.offsets.end() - 1);
  g.scores.resize(r.n);
  if (r.weights != nullptr) g.weights.resize(r.n);
  if (r.accounts != nullptr) g.accounts.resize(r.n);
  if (need_times) g.times.resize(r.n);
  for (size_t i = 0; i < r.n; ++i) {
    const size_t at = cursor[key[i]]++;
    g.scores[at] = r.scores[i];
    if (r.weights != nullptr) g.weights[at] = r.weights[i];
    if (r.accounts != nullptr) g.accounts[at] = r.accounts[i];
    if (need_times) g.times[at] = r.times[i];
  }
  if (!sort_by_time) return g;
  // Within each bucket, by time, so that a series is in time order.
  std::vector<size_t> order;
  for (size_t k = 0; k < keys; ++k) {
    const size_t begin = g.offsets[k], end = g.offsets[k + 1];
    if (std::is_sorted(g.times.begin() + begin, g.times.begin() + end)) continue;
    order.resize(end - begin);
    std::iota(order.begin(), order.end(), begin);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return g.times[a] < g.times[b]; });
    auto permute = [&](auto& column) {
      if (column.empty()) return;
      std::vector<typename std::decay_t<decltype(column)>::value_type> copy(order.size());
      for (size_t i = 0; i < order.size(); ++i) copy[i] = column[order[i]];
      std::copy(copy.begin(), copy.end(), column.begin() + begin);
    };
    permute(g.scores);
    permute(g.weights);
    permute(g.accounts);
    permute(g.times);
  }
  return g;
}

// The exponentially weighted estimate at `end` over a time-ordered prefix.
Result<Estimate> SmoothedPrefix(const Metric& metric, const IntervalOptions& interval,
                          const internal::Slice& prefix, const int64_t* times, int64_t end,
                          double half_life_days) {
  std::vector<double> weights(prefix.n);
  const double half_life = half_life_days * kSecondsPerDay;
  for (size_t i = 0; i < prefix.n; ++i) {
    const double w = prefix.weights == nullptr ? 1.0 : prefix.weights[i];
    weights[i] = w * std::exp2(-static_cast<double>(end - times[i]) / half_life);
  }
  internal::Slice s = prefix;
  s.weights = weights.data();
  return internal::EstimateSlice(metric, interval, s);
}

// One series of TimeBuckets' gathered responses: rows
// [first_row, first_row + buckets) of the gathered (series, bucket) order.
class GatheredSeries : public internal::SeriesSource {
 public:
  GatheredSeries(const Metric& metric, const IntervalOptions& interval, const Gathered& g,
                 size_t first_row, size_t buckets, const internal::CalendarGrid& grid,
                 double half_life_days, bool recursive)
      : metric_(metric),
        interval_(interval),
        g_(g),
        first_row_(first_row),
        buckets_(buckets),
        grid_(grid),
        half_life_days_(half_life_days),
        recursive_(recursive),
        ew_(metric, half_life_days * kSecondsPerDay) {}

  Result<Estimate> Bucket(size_t k) override {
    return internal::EstimateSlice(metric_, interval_, Range(k));
  }

  Result<Estimate> Window(size_t k, int64_t start) override {
    const size_t end = Begin(k + 1);
    const size_t from = static_cast<size_t>(
        std::lower_bound(g_.times.begin() + Begin(0), g_.times.begin() + end, start) -
        g_.times.begin());
    return internal::EstimateSlice(metric_, interval_, g_.Range(from, end));
  }

  Result<Estimate> Smoothed(size_t k) override {
    const int64_t end = grid_.bounds[k + 1];
    if (recursive_) {
      ew_.Advance(end, Range(k), g_.times.data() + Begin(k));
      return ew_.Current(interval_);
    }
    return SmoothedPrefix(metric_, interval_, g_.Range(Begin(0), Begin(k + 1)),
                          g_.times.data() + Begin(0), end, half_life_days_);
  }

  Result<Comparison> Change(size_t k, size_t previous) override {
    return internal::CompareSlices(metric_, interval_, Range(k), Range(previous));
  }

  internal::SpreadOfValues Spread() override {
    return internal::Spread(metric_, g_.Range(Begin(0), Begin(buckets_)));
  }

 private:
  size_t Begin(size_t k) const { return g_.offsets[first_row_ + k]; }
  internal::Slice Range(size_t k) const { return g_.Range(Begin(k), Begin(k + 1)); }

  const Metric& metric_;
  const IntervalOptions& interval_;
  const Gathered& g_;
  size_t first_row_;
  size_t buckets_;
  const internal::CalendarGrid& grid_;
  double half_life_days_;
  bool recursive_;
  internal::SmoothedTally ew_;
};

}  // namespace

Result<BucketPeriod> ParseBucketPeriod(std::string_view name) {
  if (name == "day" || name == "daily") return BucketPeriod::kDay;
  if (name == "week" || name == "weekly") return BucketPeriod::kWeek;
  if (name == "month" || name == "monthly") return BucketPeriod::kMonth;
  if (name == "quarter" || name == "quarterly") return BucketPeriod::kQuarter;
  return InvalidArgument("unknown period \"" + std::string(name) +
                         "\"; expected day, week, month or quarter");
}

const char* BucketPeriodName(BucketPeriod period) {
  const char* name = EnumName(CANDOR_ENUM_PERIOD, period);  // the library's one table
  return name != nullptr ? name : "unknown";
}

Status BucketOptions::Validate() const {
  switch (every) {
    case BucketPeriod::kDay:
    case BucketPeriod::kWeek:
    case BucketPeriod::kMonth:
    case BucketPeriod::kQuarter:
      break;
    default:
      return InvalidArgument("unknown period " + std::to_string(static_cast<int>(every)));
  }
  CANDOR_RETURN_IF_ERROR(internal::CheckTimeZoneName(time_zone));
  if (window_days < 0) {
    return InvalidArgument("window_days must be positive (or 0 for none), got " +
                           std::to_string(window_days));
  }
  if (!(half_life_days >= 0) || !std::isfinite(half_life_days)) {
    return InvalidArgument("half_life_days must be positive and finite (or 0 for none), got " +
                           std::to_string(half_life_days));
  }
  if (!(power > 0 && power < 1)) {
    return InvalidArgument("power must be in (0, 1), got " + std::to_string(power));
  }
  if (!(control_level >= 0 && control_level < 1)) {
    return InvalidArgument("control_level must be in (0, 1) (or 0 to use control_k), got " +
                           std::to_string(control_level));
  }
  if (control_level == 0 && !(control_k > 0 && std::isfinite(control_k))) {
    return InvalidArgument("control_k must be positive and finite, got " +
                           std::to_string(control_k));
  }
  if (p_adjust != PAdjust::kNone && p_adjust != PAdjust::kHolm &&
      p_adjust != PAdjust::kBenjaminiHochberg) {
    return InvalidArgument("unknown p_adjust method " + std::to_string(static_cast<int>(p_adjust)));
  }
  return OkStatus();
}

double BucketOptions::ControlK() const {
  return control_level > 0 ? internal::NormalQuantile((1 + control_level) / 2) : control_k;
}

Result<CalendarBuckets> AssignCalendarBuckets(const int64_t* times, size_t n, BucketPeriod period,
                                              std::string_view time_zone) {
  BucketOptions options;
  options.every = period;
  CANDOR_RETURN_IF_ERROR(options.Validate());
  if (n == 0) return Empty("no times");
  int64_t first = 0, last = 0;
  CANDOR_RETURN_IF_ERROR(internal::CheckTimes(times, n, &first, &last));
  absl::TimeZone zone;
  CANDOR_RETURN_IF_ERROR(internal::LoadZone(time_zone, &zone));
  Result<internal::CalendarGrid> grid = internal::MakeCalendarGrid(first, last, period, zone);
  if (!grid.ok()) return grid.status();
  CalendarBuckets out;
  out.labels = grid->labels;
  out.starts.assign(grid->bounds.begin(), grid->bounds.end() - 1);
  out.ends.assign(grid->bounds.begin() + 1, grid->bounds.end());
  out.bucket_of.resize(n);
  for (size_t i = 0; i < n; ++i) out.bucket_of[i] = static_cast<int64_t>(grid->BucketOf(times[i]));
  return out;
}

Result<std::vector<TrendBucket>> TimeBuckets(const Metric& metric, const IntervalOptions& interval,
                                             const BucketResponses& responses,
                                             const BucketOptions& options) {
  CANDOR_RETURN_IF_ERROR(CheckResponses(metric, interval, responses, options));
  int64_t first = 0, last = 0;
  CANDOR_RETURN_IF_ERROR(internal::CheckTimes(responses.times, responses.n, &first, &last));
  absl::TimeZone zone;
  CANDOR_RETURN_IF_ERROR(internal::LoadZone(options.time_zone, &zone));
  Result<internal::CalendarGrid> grid =
      internal::MakeCalendarGrid(first, last, options.every, zone);
  if (!grid.ok()) return grid.status();
  const size_t buckets = grid->size();

  // Series: the distinct segment codes, ascending.
  std::vector<int32_t> codes{0};
  if (responses.segments != nullptr) {
    codes.assign(responses.segments, responses.segments + responses.n);
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  }
  const size_t series = codes.size();
  if (series > kMaxBucketRows / buckets) {
    return Unsupported(std::to_string(series) + " segments x " + std::to_string(buckets) +
                       " buckets is more than " + std::to_string(kMaxBucketRows) + " rows");
  }
  const size_t rows = series * buckets;
  std::vector<uint32_t> key(responses.n);
  for (size_t i = 0; i < responses.n; ++i) {
    size_t j = 0;
    if (responses.segments != nullptr) {
      j = static_cast<size_t>(std::lower_bound(codes.begin(), codes.end(), responses.segments[i]) -
                              codes.begin());
    }
    key[i] = static_cast<uint32_t>(j * buckets + grid->BucketOf(responses.times[i]));
  }
  const bool rolling = options.window_days > 0;
  const bool smoothed = options.half_life_days > 0;
  const Gathered g = Gather(responses, key, rows, rolling || smoothed, rolling || smoothed);
  key = {};

  std::vector<TrendBucket> out(rows);
  // Accounts and the weighted bootstrap need the responses themselves for
  // the smoothed estimate; otherwise decayed per-point sums suffice.
  const bool recursive =
      responses.accounts == nullptr && interval.method != IntervalMethod::kBootstrap;
  for (size_t j = 0; j < series; ++j) {
    GatheredSeries source(metric, interval, g, j * buckets, buckets, *grid,
                          options.half_life_days, recursive);
    const int32_t segment = responses.segments != nullptr ? codes[j] : 0;
    CANDOR_RETURN_IF_ERROR(internal::FillSeries(metric, interval, options, *grid, zone, segment,
                                                j * buckets, &source, out.data() + j * buckets));
  }
  return out;
}

}  // namespace candor
