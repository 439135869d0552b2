// candor/trend_buckets.hpp — a metric per calendar bucket (day, ISO week,
// month, quarter) in a time zone, with rolling and exponentially weighted
// estimates, the change from the previous bucket with its minimal detectable
// change, and control limits.
//
// Calendar. Times are Unix seconds (UTC), in any order, repeats allowed. A
// response belongs to the bucket holding its local civil time in `time_zone`
// (IANA name, read from the tz database, e.g. Debian's tzdata in
// /usr/share/zoneinfo or $TZDIR, through Abseil's absl::LoadTimeZone).
// Time zone names are tz database identifiers, never file paths: 1 to 64
// bytes; components of 1 to 14 characters from A-Z a-z 0-9 '_' '-' '+',
// not starting with '-', joined by '/' (the tz database's rules for names,
// theory.html "Timezone identifiers", with the digits and '+' of its legacy
// names). So "UTC", "Europe/London", "America/Argentina/Buenos_Aires",
// "Etc/GMT+5" and "EST5EDT" are names; a leading '/', a '.' or '..'
// component, NUL, backslash or ':' never are, and such a name is refused
// before any file is opened. Buckets:
//   day      local midnight to the next local midnight; label "2026-01-31"
//   week     ISO 8601 week, Monday 00:00 to the next Monday; label
//            "2026-W03" with the ISO year (the year of the week's Thursday),
//            so 2024-12-30 is in "2025-W01"
//   month    label "2026-01";  quarter: label "2026-Q1"
// A bucket is [start, end) in Unix seconds: start is the first instant whose
// local civil time is in the bucket (a local midnight; if that midnight is
// skipped by a daylight-saving jump, the instant of the jump), end the next
// bucket's start. Days are therefore 23, 24 or 25 hours long across DST.
// Buckets run contiguously from the bucket of the earliest response to that
// of the latest, the same grid for every segment; a bucket without responses
// is a row with n = 0 and NaN statistics, not an error. Times must lie in
// [1900-01-01, 2200-01-01) UTC.
//
// Per bucket (s_i the metric's value of response i, w_i its weight, 1 if
// none; see candor/score.hpp):
//  - estimate: EstimateScores (weights optional) or, with account codes,
//    EstimateDesign with SurveyDesign{weights, accounts} (cluster-robust
//    linearization; Wald only). A bucket whose variance is undefined (one
//    weighted response, one account, or zero total weight) keeps its point
//    estimate (the Hajek mean times the metric's multiplier; NaN for zero
//    weight) with NaN std_error and interval.
//  - rolling (window_days = N > 0): the same estimate over the responses with
//    time in [end - N local days, end): the window starts at the same local
//    wall-clock time N civil days before the bucket's end (Abseil civil-time
//    arithmetic, as Python's aware datetime - timedelta(days=N)).
//  - smoothed (half_life_days = h > 0): exponentially weighted estimate at the
//    bucket's end over every response with time < end, weight
//    w_i * 2^(-(end - t_i) / (86400 h)) (decay in elapsed seconds), estimated
//    as a weighted estimate (linearization variance, Kish effective n
//    (sum w)^2 / sum w^2; cluster-robust with accounts). Cost: O(points) per
//    bucket from decayed per-score-point sums of w and w^2; with accounts or
//    the bootstrap, which need the responses, O(responses before the end).
//  - change: this bucket minus the previous non-empty bucket of the series
//    (non-empty: n > 0 and a positive total weight; `previous` is its row
//    index; -1 and NaN for the first non-empty bucket and for empty buckets;
//    NaN with `previous` set when either bucket's variance is undefined). Independent groups: Compare (var_this + var_prev,
//    two-sided normal p). With accounts the two buckets are domains of one
//    design over their responses and the contrast is linearized jointly
//    (CompareGroups), so an account answering in both periods is counted once.
//  - change_p_adjusted: the change's p-value adjusted across the changes of
//    its series (the family: every change of the series with a p-value;
//    changes_tested is its size, the same on every row of the series), by
//    p_adjust: Holm's step-down (Holm 1979, Scand. J. Statist. 6:65-70; the
//    default, which bounds the chance of any false alarm in the series) or
//    Benjamini and Hochberg's step-up (1995, JRSS B 57:289-300; the false
//    discovery rate), as R's p.adjust, through AdjustPValues (score.hpp);
//    kNone keeps the p-value. NaN where the change's p-value is NaN. Of 11
//    monthly changes in a year without any change, some has an unadjusted
//    p < 0.05 in about 40% of years; an adjusted one, in at most 5%.
//  - mdc: the minimal detectable change at the two buckets' volumes, the
//    standard two-sample power formula (Cohen 1988, "Statistical Power
//    Analysis for the Behavioral Sciences", ch. 2; Chow, Shao and Wang 2008,
//    sec. 3.2): mdc = (z_{1 - alpha/2} + z_{power}) * se_change, with
//    alpha = 1 - level of the interval options and se_change the change's
//    standard error (sqrt(var_this + var_prev) for independent groups): the
//    smallest true change a two-sided level-alpha test detects with
//    probability `power`. A change smaller than mdc is indistinguishable
//    from noise at these volumes.
//  - control limits (the p-chart idea, Montgomery, "Introduction to
//    Statistical Quality Control", 7th ed., sec. 7.2, applied to the
//    per-response values s_i): over all responses of the series,
//    m = sum w s / sum w and sigma^2 = sum w (s - m)^2 / sum w (for NPS the
//    trinomial (p + d) - (p - d)^2); center = M m, and per bucket
//    lower/upper = center -/+ k * M * sigma / sqrt(neff_i), clipped to the
//    metric's range, with M the metric's multiplier (100 or 1) and neff_i
//    the bucket's Kish effective n (its n when unweighted). k = control_k
//    (default 3, Shewhart's three-sigma limits) or, when control_level is in
//    (0, 1), k = z_{(1 + control_level)/2}. flag = +1 when the bucket's
//    estimate is above upper, -1 below lower, else 0 (0 for empty buckets).
//    The limits assume buckets differ by sampling noise only: a flagged
//    bucket is one that chance alone rarely produces.
//
// Segments: with segment codes (any int32 per response) one series of buckets
// per distinct code, in ascending code order, each on the common grid; the
// change, control limits, rolling and smoothed estimates are within a series.
//
// Errors: null scores/times with n > 0, unknown period, a time zone name not
// of the form above or unknown (named, with the reason), window_days < 0,
// half_life_days < 0, non-finite, power or control_level outside (0, 1),
// control_k <= 0, an unknown p_adjust: CANDOR_INVALID_ARGUMENT.
// n = 0: CANDOR_EMPTY. A time outside the sane range, a bad score or weight
// (named by index), a negative account code: CANDOR_OUT_OF_RANGE. More than
// kMaxBucketRows rows: CANDOR_UNSUPPORTED. A single bucket is fine (no
// change: previous = -1).
#ifndef CANDOR_TREND_BUCKETS_HPP_
#define CANDOR_TREND_BUCKETS_HPP_

#include <candor.h>
#include <candor/score.hpp>
#include <candor/status.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace candor {

enum class BucketPeriod { kDay, kWeek, kMonth, kQuarter };

// "day", "week", "month", "quarter" (also "daily", "weekly", "monthly",
// "quarterly"); anything else is CANDOR_INVALID_ARGUMENT naming it.
Result<BucketPeriod> ParseBucketPeriod(std::string_view name);
const char* BucketPeriodName(BucketPeriod period);

// The calendar grid of some times: buckets[k] = [starts[k], ends[k]) with its
// label, and the bucket index of every time.
struct CalendarBuckets {
  std::vector<std::string> labels;
  std::vector<int64_t> starts;
  std::vector<int64_t> ends;
  std::vector<int64_t> bucket_of;  // one per time
};
Result<CalendarBuckets> AssignCalendarBuckets(const int64_t* times, size_t n, BucketPeriod period,
                                              std::string_view time_zone);

// The sane range of times, Unix seconds: [1900-01-01, 2200-01-01) UTC.
inline constexpr int64_t kEarliestBucketTime = -2208988800;
inline constexpr int64_t kLatestBucketTime = 7258118400;
// At most this many rows (segments x buckets).
inline constexpr size_t kMaxBucketRows = 5000000;

// The responses: pointers borrowed for the call, each of length n.
struct BucketResponses {
  const double* scores = nullptr;     // required
  const int64_t* times = nullptr;     // required, Unix seconds
  size_t n = 0;
  const double* weights = nullptr;    // optional: finite, >= 0
  const int32_t* accounts = nullptr;  // optional cluster codes >= 0
  const int32_t* segments = nullptr;  // optional: one series per code
};

struct BucketOptions {
  BucketPeriod every = BucketPeriod::kMonth;
  std::string time_zone = "UTC";  // a tz database name (see Calendar above)
  int window_days = 0;        // rolling window in local days; 0: none
  double half_life_days = 0;  // exponential weighting; 0: none
  double power = 0.8;         // for the minimal detectable change
  double control_k = 3;       // control limits: center +/- k sigma_i
  double control_level = 0;   // in (0, 1): k = z_{(1 + level)/2}; 0: use control_k
  PAdjust p_adjust = PAdjust::kHolm;  // change p-values across each series' changes

  // Checks every field; the time zone's form only (whether the zone exists
  // is known when it is loaded).
  Status Validate() const;
  // k of the control limits.
  double ControlK() const;
};

struct TrendBucket {
  int32_t segment = 0;  // the series' segment code (0 without segments)
  std::string label;    // "2026-01", "2026-W03", "2026-Q1", "2026-01-31"
  int64_t start = 0;    // Unix seconds, inclusive
  int64_t end = 0;      // Unix seconds, exclusive
  Estimate estimate;
  Estimate rolling;     // NaN statistics (n = 0) when window_days = 0
  Estimate smoothed;    // NaN statistics (n = 0) when half_life_days = 0
  int64_t previous = -1;  // index in the result of the bucket compared with
  Comparison change;      // a = this bucket, b = previous; NaN when none
  double change_p_adjusted = 0;  // change.p_value adjusted across the series' changes
  int64_t changes_tested = 0;    // the family: changes of the series with a p-value
  double mdc = 0;         // NaN when there is no change
  double center = 0;
  double lower = 0;       // NaN for an empty bucket
  double upper = 0;
  int flag = 0;           // +1 above upper, -1 below lower, 0 within
};

// One row per (segment, bucket), segments ascending, buckets in time order;
// the row of bucket k of series j is at j * buckets + k.
Result<std::vector<TrendBucket>> TimeBuckets(const Metric& metric, const IntervalOptions& interval,
                                             const BucketResponses& responses,
                                             const BucketOptions& options);

// The state of a bucket trend built apart and merged (partitions of a Dask
// DataFrame, machines). Per (segment, local day in the time zone) it keeps,
// per score point, the responses' count and sums of w and w^2 and, with a
// half-life h > 0, of w d and (w d)^2 with d = 2^(-(day end - t) / (86400 h)):
// each response decayed to its day's end (a factor in [2^(-25/24/h), 1], so
// nothing underflows). Buckets are whole local days (a day is [StartOfDay,
// next StartOfDay), as TimeBuckets' grid), a rolling window starts at a local
// midnight, and a day's decayed sums decay on to any later instant by one
// factor, so TimeBucketsAccumulated makes from these sums the rows TimeBuckets
// makes from the responses (up to the rounding of sums added in another
// order). Limits: no accounts (cluster-robust changes need the responses);
// the bootstrap only without weights and without a half-life (a weighted
// bootstrap resamples responses); a rolling window whose start is not a local
// midnight (a bucket that ends at a midnight skipped by a daylight-saving
// jump, as in America/Santiago) is CANDOR_UNSUPPORTED naming the bucket.
// Segments are keyed by their labels' bytes, so a segment may span states.
// Memory: one cell per (segment, day) present, 3 or 5 numbers per point.
class BucketAccumulator {
 public:
  // time_zone: a tz database name (loaded now); half_life_days >= 0 and
  // finite (0: no decayed sums, no smoothed estimate).
  static Result<BucketAccumulator> Create(int scale_min, int scale_max,
                                          std::string_view time_zone, double half_life_days);
  BucketAccumulator(BucketAccumulator&&) noexcept;
  BucketAccumulator& operator=(BucketAccumulator&&) noexcept;
  ~BucketAccumulator();

  // Row i: score scores[i] at time times[i] (Unix seconds in the sane range)
  // with weight weights[i] (null: 1), in the segment labels[segment_codes[i]]
  // (0 <= code < n_labels); segment_codes null: every row in the segment
  // labelled "". Validates the whole batch before adding any of it.
  Status Add(const double* scores, const int64_t* times, const double* weights,
             const int32_t* segment_codes, size_t n, const std::string_view* labels,
             size_t n_labels);
  // `other` must have the same scale, time zone and half-life.
  Status Merge(const BucketAccumulator& other);

  // Versioned, little-endian, checksummed.
  std::string Serialize() const;
  static Result<BucketAccumulator> Deserialize(std::string_view bytes);

  int scale_min() const;
  int scale_max() const;
  const std::string& time_zone() const;
  double half_life_days() const;
  int64_t count() const;   // responses held
  size_t cells() const;    // (segment, day) pairs with responses
  size_t segments() const;
  // Segment j in the labels' byte order: the order of TimeBucketsAccumulated's
  // series, whose TrendBucket::segment is j.
  std::string_view segment(size_t j) const;

  struct Cells;  // lib/trend_buckets/bucket_cells.hpp

 private:
  friend Result<std::vector<TrendBucket>> TimeBucketsAccumulated(
      const Metric& metric, const IntervalOptions& interval,
      const BucketAccumulator& accumulator, const BucketOptions& options);
  explicit BucketAccumulator(std::unique_ptr<Cells> cells);
  std::unique_ptr<Cells> cells_;
};

// The rows TimeBuckets gives for the responses the accumulator holds, one
// series per segment in the labels' byte order (TrendBucket::segment is the
// segment's index there). options.time_zone must be the accumulator's, and
// options.half_life_days 0 or the accumulator's; the metric's scale the
// accumulator's. No responses: CANDOR_EMPTY.
Result<std::vector<TrendBucket>> TimeBucketsAccumulated(const Metric& metric,
                                                        const IntervalOptions& interval,
                                                        const BucketAccumulator& accumulator,
                                                        const BucketOptions& options);

}  // namespace candor

#endif  // CANDOR_TREND_BUCKETS_HPP_
