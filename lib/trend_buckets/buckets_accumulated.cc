// TimeBucketsAccumulated: the bucket trend from a BucketAccumulator's
// per-day sums, through the same series rows as TimeBuckets.
#include <algorithm>
#include <candor/trend_buckets.hpp>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "bucket_cells.hpp"
#include "buckets_estimate.hpp"
#include "calendar.hpp"
#include "score/estimate_internal.hpp"
#include "score/tally.hpp"
#include "series_rows.hpp"

namespace candor {
namespace {

constexpr double kSecondsPerDay = 86400.0;

// Adds cell `cell`'s count and sums of w and w^2 into `tally`.
void AddCell(const BucketAccumulator::Cells& c, size_t cell, internal::Tally* tally) {
  for (size_t p = 0; p < c.points; ++p) {
    const size_t at = cell * c.points + p;
    tally->counts[p] += c.counts[at];
    tally->weight_sums[p] += c.weight_sums[at];
    tally->weight_square_sums[p] += c.weight_square_sums[at];
  }
  tally->weighted = tally->weighted || c.weighted[cell] != 0;
}

// One segment's cells (indexes into the state, in day order) on the grid.
class CellSeries : public internal::SeriesSource {
 public:
  CellSeries(const Metric& metric, const IntervalOptions& interval,
             const BucketAccumulator::Cells& c, std::vector<uint32_t> cells,
             const internal::CalendarGrid& grid)
      : metric_(metric),
        interval_(interval),
        c_(c),
        cells_(std::move(cells)),
        grid_(grid),
        ew_(metric, c.half_life_days * kSecondsPerDay),
        total_(internal::Tally::Empty(metric.scale_min, metric.scale_max)) {
    starts_.resize(cells_.size());
    buckets_.assign(grid.size(), total_);
    first_of_bucket_.assign(grid.size() + 1, 0);
    for (size_t i = 0; i < cells_.size(); ++i) {
      starts_[i] = internal::DayStart(c.day[cells_[i]], c.zone);
      const size_t k = grid.BucketOf(starts_[i]);
      AddCell(c, cells_[i], &buckets_[k]);
      AddCell(c, cells_[i], &total_);
      ++first_of_bucket_[k + 1];
    }
    for (size_t k = 0; k < grid.size(); ++k) first_of_bucket_[k + 1] += first_of_bucket_[k];
  }

  Result<Estimate> Bucket(size_t k) override {
    return internal::EstimateTally(metric_, interval_, buckets_[k]);
  }

  Result<Estimate> Window(size_t k, int64_t start) override {
    // The window is whole local days only when it starts at a midnight.
    const int64_t day =
        absl::ToCivilDay(absl::FromUnixSeconds(start), c_.zone) - internal::kEpochDay;
    if (internal::DayStart(day, c_.zone) != start) {
      return Unsupported("the rolling window of bucket " + grid_.labels[k] +
                         " starts inside a local day (its end is a midnight skipped by a "
                         "daylight-saving jump in " + c_.time_zone +
                         "); accumulated per-day sums cannot give it: compute this trend "
                         "from the responses (TimeBuckets)");
    }
    internal::Tally window = internal::Tally::Empty(metric_.scale_min, metric_.scale_max);
    const size_t from = static_cast<size_t>(
        std::lower_bound(starts_.begin(), starts_.end(), start) - starts_.begin());
    for (size_t i = from; i < first_of_bucket_[k + 1]; ++i) AddCell(c_, cells_[i], &window);
    return internal::EstimateTally(metric_, interval_, window);
  }

  Result<Estimate> Smoothed(size_t k) override {
    ew_.DecayTo(grid_.bounds[k + 1]);
    for (size_t i = first_of_bucket_[k]; i < first_of_bucket_[k + 1]; ++i) {
      const size_t cell = cells_[i];
      ew_.AddDecayed(internal::DayStart(c_.day[cell] + 1, c_.zone), &c_.counts[cell * c_.points],
                     &c_.decayed_sums[cell * c_.points],
                     &c_.decayed_square_sums[cell * c_.points]);
    }
    return ew_.Current(interval_);
  }

  Result<Comparison> Change(size_t k, size_t previous) override {
    return internal::CompareTallies(metric_, interval_, buckets_[k], buckets_[previous]);
  }

  internal::SpreadOfValues Spread() override {
    return internal::SpreadOfTally(metric_, total_);
  }

 private:
  const Metric& metric_;
  const IntervalOptions& interval_;
  const BucketAccumulator::Cells& c_;
  std::vector<uint32_t> cells_;
  std::vector<int64_t> starts_;           // each cell's day start
  std::vector<size_t> first_of_bucket_;   // bucket k's cells: [first[k], first[k + 1])
  const internal::CalendarGrid& grid_;
  internal::SmoothedTally ew_;
  internal::Tally total_;
  std::vector<internal::Tally> buckets_;
};

Status CheckAccumulated(const Metric& metric, const IntervalOptions& interval,
                        const BucketAccumulator::Cells& c, const BucketOptions& options) {
  CANDOR_RETURN_IF_ERROR(internal::ValidateRequest(metric, interval));
  CANDOR_RETURN_IF_ERROR(options.Validate());
  if (metric.scale_min != c.scale_min || metric.scale_max != c.scale_max) {
    return InvalidArgument("the metric's scale " + std::to_string(metric.scale_min) + ".." +
                           std::to_string(metric.scale_max) + " is not the accumulator's " +
                           std::to_string(c.scale_min) + ".." + std::to_string(c.scale_max));
  }
  if (options.time_zone != c.time_zone) {
    return InvalidArgument("the options' time zone \"" + options.time_zone +
                           "\" is not the accumulator's \"" + c.time_zone +
                           "\" (its days are local days there)");
  }
  if (options.half_life_days > 0 && options.half_life_days != c.half_life_days) {
    return InvalidArgument("the options' half-life of " + std::to_string(options.half_life_days) +
                           " days is not the accumulator's (" +
                           std::to_string(c.half_life_days) +
                           " days): its decayed sums are made with its own");
  }
  if (c.size() == 0) return Empty("no responses");
  if (interval.method == IntervalMethod::kBootstrap) {
    if (options.half_life_days > 0) {
      return Unsupported("the smoothed estimate's bootstrap resamples decayed weights, which "
                         "needs the responses: use another interval, or no half-life");
    }
    if (std::any_of(c.weighted.begin(), c.weighted.end(), [](uint8_t w) { return w != 0; })) {
      return Unsupported("a weighted bootstrap resamples the responses, which accumulated "
                         "sums do not hold: use Wald, adjusted Wald, Jeffreys or Bayes");
    }
  }
  return OkStatus();
}

}  // namespace

Result<std::vector<TrendBucket>> TimeBucketsAccumulated(const Metric& metric,
                                                        const IntervalOptions& interval,
                                                        const BucketAccumulator& accumulator,
                                                        const BucketOptions& options) {
  try {
    const BucketAccumulator::Cells& c = *accumulator.cells_;
    CANDOR_RETURN_IF_ERROR(CheckAccumulated(metric, interval, c, options));
    const auto [first, last] = std::minmax_element(c.day.begin(), c.day.end());
    Result<internal::CalendarGrid> grid =
        internal::MakeCalendarGrid(internal::DayStart(*first, c.zone),
                                   internal::DayStart(*last, c.zone), options.every, c.zone);
    if (!grid.ok()) return grid.status();
    const size_t buckets = grid->size();
    const size_t series = c.labels.size();
    if (series > kMaxBucketRows / buckets) {
      return Unsupported(std::to_string(series) + " segments x " + std::to_string(buckets) +
                         " buckets is more than " + std::to_string(kMaxBucketRows) + " rows");
    }
    std::vector<std::vector<uint32_t>> cells_of(series);
    for (uint32_t cell = 0; cell < c.size(); ++cell) cells_of[c.segment[cell]].push_back(cell);
    std::vector<TrendBucket> out(series * buckets);
    for (size_t j = 0; j < series; ++j) {
      std::vector<uint32_t>& cells = cells_of[c.order[j]];
      std::sort(cells.begin(), cells.end(),
                [&](uint32_t a, uint32_t b) { return c.day[a] < c.day[b]; });
      CellSeries source(metric, interval, c, std::move(cells), *grid);
      CANDOR_RETURN_IF_ERROR(internal::FillSeries(metric, interval, options, *grid, c.zone,
                                                  static_cast<int32_t>(j), j * buckets, &source,
                                                  out.data() + j * buckets));
    }
    return out;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory in the accumulated bucket trend");
  }
}

}  // namespace candor
