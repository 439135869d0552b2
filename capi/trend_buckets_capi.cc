// Bucket trends: a handle owning the rows as columns.
#include <candor/trend_buckets.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "accumulator_handle.hpp"
#include "options.hpp"
#include "shim.hpp"

struct candor_buckets {
  explicit candor_buckets(const std::vector<candor::TrendBucket>& rows);  // the rows as columns

  std::vector<std::string> labels;
  std::vector<std::vector<double>> f64;   // by candor_buckets_column 0..24
  std::vector<std::vector<int64_t>> i64;  // by column - 100
  std::vector<std::vector<int32_t>> i32;  // by column - 200
};

namespace candor::capi {
namespace {

constexpr int kF64Columns = CANDOR_BUCKETS_CHANGE_P_ADJUSTED + 1;
constexpr int kI64Columns = CANDOR_BUCKETS_CHANGES_TESTED - CANDOR_BUCKETS_START + 1;
constexpr int kI32Columns = CANDOR_BUCKETS_FLAG - CANDOR_BUCKETS_SEGMENT + 1;

candor_buckets_options Defaults() {
  auto o = ZeroedOptions<candor_buckets_options>();
  o.every = CANDOR_PERIOD_MONTH;
  o.time_zone = "UTC";
  o.window_days = 0;
  o.half_life_days = 0;
  o.power = 0.8;
  o.control_k = 3;
  o.control_level = 0;
  o.p_adjust = CANDOR_P_ADJUST_HOLM;
  return o;
}

Status FromBucketOptions(const candor_buckets_options* options, BucketOptions* out) {
  CANDOR_RETURN_IF_ERROR(Required(options, "options"));
  candor_buckets_options o = Defaults();
  const size_t oldest = offsetof(candor_buckets_options, every) + sizeof(options->every);
  CANDOR_RETURN_IF_ERROR(ReadSized(options, oldest, &o));
  static constexpr EnumPair<BucketPeriod> kPeriods[] = {
      {CANDOR_PERIOD_DAY, BucketPeriod::kDay},
      {CANDOR_PERIOD_WEEK, BucketPeriod::kWeek},
      {CANDOR_PERIOD_MONTH, BucketPeriod::kMonth},
      {CANDOR_PERIOD_QUARTER, BucketPeriod::kQuarter}};
  CANDOR_RETURN_IF_ERROR(
      EnumFromC(RawEnum(o.every), kPeriods, "options->every: unknown period", &out->every));
  out->time_zone = o.time_zone == nullptr ? "UTC" : o.time_zone;
  out->window_days = o.window_days;
  out->half_life_days = o.half_life_days;
  out->power = o.power;
  out->control_k = o.control_k;
  out->control_level = o.control_level;
  CANDOR_RETURN_IF_ERROR(
      PAdjustFromC(RawEnum(o.p_adjust), "options->p_adjust: unknown method", &out->p_adjust));
  return out->Validate();
}

void PutEstimate(const Estimate& e, int first_f64, int n_i64, size_t row, candor_buckets* b) {
  b->f64[first_f64][row] = e.value;
  b->f64[first_f64 + 1][row] = e.std_error;
  b->f64[first_f64 + 2][row] = e.ci_low;
  b->f64[first_f64 + 3][row] = e.ci_high;
  b->f64[first_f64 + 4][row] = e.effective_n;
  b->i64[n_i64 - CANDOR_BUCKETS_START][row] = e.n;
}

// The column `column` of type T for candor_buckets_column_*: one of the
// `count` columns in `buckets->*columns`, whose first enum value is `first`.
template <typename T>
candor_status Column(const candor_buckets* buckets, candor_buckets_column column,
                     std::vector<std::vector<T>> candor_buckets::*columns, int first, int count,
                     const char* type, const T** out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(buckets, "buckets", out, "out"));
    *out = nullptr;
    const int raw = RawEnum(column);
    if (raw < first || raw >= first + count) {
      return InvalidArgument("column " + std::to_string(raw) + " is not a " + type +
                             " column of candor_buckets");
    }
    *out = (buckets->*columns)[static_cast<size_t>(raw - first)].data();
    return OkStatus();
  });
}

}  // namespace
}  // namespace candor::capi

candor_buckets::candor_buckets(const std::vector<candor::TrendBucket>& rows) {
  using candor::capi::PutEstimate;
  const size_t n = rows.size();
  labels.reserve(n);
  f64.assign(candor::capi::kF64Columns, std::vector<double>(n));
  i64.assign(candor::capi::kI64Columns, std::vector<int64_t>(n));
  i32.assign(candor::capi::kI32Columns, std::vector<int32_t>(n));
  for (size_t r = 0; r < n; ++r) {
    const candor::TrendBucket& t = rows[r];
    labels.push_back(t.label);
    PutEstimate(t.estimate, CANDOR_BUCKETS_VALUE, CANDOR_BUCKETS_N, r, this);
    PutEstimate(t.rolling, CANDOR_BUCKETS_ROLLING_VALUE, CANDOR_BUCKETS_ROLLING_N, r, this);
    PutEstimate(t.smoothed, CANDOR_BUCKETS_SMOOTHED_VALUE, CANDOR_BUCKETS_SMOOTHED_N, r, this);
    f64[CANDOR_BUCKETS_CHANGE][r] = t.change.difference;
    f64[CANDOR_BUCKETS_CHANGE_STD_ERROR][r] = t.change.std_error;
    f64[CANDOR_BUCKETS_CHANGE_CI_LOW][r] = t.change.ci_low;
    f64[CANDOR_BUCKETS_CHANGE_CI_HIGH][r] = t.change.ci_high;
    f64[CANDOR_BUCKETS_CHANGE_P_VALUE][r] = t.change.p_value;
    f64[CANDOR_BUCKETS_MDC][r] = t.mdc;
    f64[CANDOR_BUCKETS_CENTER][r] = t.center;
    f64[CANDOR_BUCKETS_LOWER][r] = t.lower;
    f64[CANDOR_BUCKETS_UPPER][r] = t.upper;
    f64[CANDOR_BUCKETS_CHANGE_P_ADJUSTED][r] = t.change_p_adjusted;
    i64[CANDOR_BUCKETS_START - CANDOR_BUCKETS_START][r] = t.start;
    i64[CANDOR_BUCKETS_END - CANDOR_BUCKETS_START][r] = t.end;
    i64[CANDOR_BUCKETS_PREVIOUS - CANDOR_BUCKETS_START][r] = t.previous;
    i64[CANDOR_BUCKETS_CHANGES_TESTED - CANDOR_BUCKETS_START][r] = t.changes_tested;
    i32[CANDOR_BUCKETS_SEGMENT - CANDOR_BUCKETS_SEGMENT][r] = t.segment;
    i32[CANDOR_BUCKETS_FLAG - CANDOR_BUCKETS_SEGMENT][r] = t.flag;
  }
}

extern "C" {

candor_status candor_buckets_options_defaults(candor_buckets_options* options, size_t size) {
  return candor::capi::WriteDefaults(candor::capi::Defaults(), size, options);
}

candor_status candor_buckets_new(const candor_score_options* score_options,
                                 const candor_buckets_options* options, const double* scores,
                                 const int64_t* times, size_t n, const double* weights,
                                 const int32_t* accounts, const int32_t* segments,
                                 candor_buckets** out) {
  return candor::capi::NewHandle(out, [&]() -> candor::Result<std::vector<candor::TrendBucket>> {
    candor::Metric metric;
    candor::IntervalOptions interval;
    candor::BucketOptions bucket_options;
    CANDOR_RETURN_IF_ERROR(candor::capi::FromOptions(score_options, &metric, &interval, nullptr));
    CANDOR_RETURN_IF_ERROR(candor::capi::FromBucketOptions(options, &bucket_options));
    candor::BucketResponses responses;
    responses.scores = scores;
    responses.times = times;
    responses.n = n;
    responses.weights = weights;
    responses.accounts = accounts;
    responses.segments = segments;
    return candor::TimeBuckets(metric, interval, responses, bucket_options);
  });
}

void candor_buckets_free(candor_buckets* buckets) { delete buckets; }

size_t candor_buckets_rows(const candor_buckets* buckets) {
  return buckets == nullptr ? 0 : buckets->labels.size();
}

const char* candor_buckets_label(const candor_buckets* buckets, size_t row) {
  if (buckets == nullptr || row >= buckets->labels.size()) return nullptr;
  return buckets->labels[row].c_str();
}

candor_status candor_buckets_column_f64(const candor_buckets* buckets, candor_buckets_column column,
                                        const double** out) {
  return candor::capi::Column(buckets, column, &candor_buckets::f64, CANDOR_BUCKETS_VALUE,
                              candor::capi::kF64Columns, "double", out);
}

candor_status candor_buckets_column_i64(const candor_buckets* buckets, candor_buckets_column column,
                                        const int64_t** out) {
  return candor::capi::Column(buckets, column, &candor_buckets::i64, CANDOR_BUCKETS_START,
                              candor::capi::kI64Columns, "int64", out);
}

candor_status candor_buckets_column_i32(const candor_buckets* buckets, candor_buckets_column column,
                                        const int32_t** out) {
  return candor::capi::Column(buckets, column, &candor_buckets::i32, CANDOR_BUCKETS_SEGMENT,
                              candor::capi::kI32Columns, "int32", out);
}

candor_status candor_buckets_accumulated(const candor_score_options* score_options,
                                         const candor_buckets_options* options,
                                         const candor_bucket_accumulator* acc,
                                         candor_buckets** out) {
  return candor::capi::NewHandle(out, [&]() -> candor::Result<std::vector<candor::TrendBucket>> {
    candor::Metric metric;
    candor::IntervalOptions interval;
    candor::BucketOptions bucket_options;
    CANDOR_RETURN_IF_ERROR(candor::capi::FromOptions(score_options, &metric, &interval, nullptr));
    CANDOR_RETURN_IF_ERROR(candor::capi::FromBucketOptions(options, &bucket_options));
    CANDOR_RETURN_IF_ERROR(candor::capi::Required(acc, "acc"));
    return candor::TimeBucketsAccumulated(metric, interval, acc->acc, bucket_options);
  });
}

}  // extern "C"
