// Bucket trends: a handle owning the rows as columns.
#include <candor/trend_buckets.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "options.hpp"
#include "shim.hpp"

struct candor_buckets {
  std::vector<std::string> labels;
  std::vector<std::vector<double>> f64;   // by candor_buckets_column 0..23
  std::vector<std::vector<int64_t>> i64;  // by column - 100
  std::vector<std::vector<int32_t>> i32;  // by column - 200
};

namespace candor::capi {
namespace {

constexpr int kF64Columns = CANDOR_BUCKETS_UPPER + 1;
constexpr int kI64Columns = CANDOR_BUCKETS_PREVIOUS - CANDOR_BUCKETS_START + 1;
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

candor_buckets* ToHandle(const std::vector<TrendBucket>& rows) {
  auto* b = new candor_buckets;
  const size_t n = rows.size();
  b->labels.reserve(n);
  b->f64.assign(kF64Columns, std::vector<double>(n));
  b->i64.assign(kI64Columns, std::vector<int64_t>(n));
  b->i32.assign(kI32Columns, std::vector<int32_t>(n));
  for (size_t r = 0; r < n; ++r) {
    const TrendBucket& t = rows[r];
    b->labels.push_back(t.label);
    PutEstimate(t.estimate, CANDOR_BUCKETS_VALUE, CANDOR_BUCKETS_N, r, b);
    PutEstimate(t.rolling, CANDOR_BUCKETS_ROLLING_VALUE, CANDOR_BUCKETS_ROLLING_N, r, b);
    PutEstimate(t.smoothed, CANDOR_BUCKETS_SMOOTHED_VALUE, CANDOR_BUCKETS_SMOOTHED_N, r, b);
    b->f64[CANDOR_BUCKETS_CHANGE][r] = t.change.difference;
    b->f64[CANDOR_BUCKETS_CHANGE_STD_ERROR][r] = t.change.std_error;
    b->f64[CANDOR_BUCKETS_CHANGE_CI_LOW][r] = t.change.ci_low;
    b->f64[CANDOR_BUCKETS_CHANGE_CI_HIGH][r] = t.change.ci_high;
    b->f64[CANDOR_BUCKETS_CHANGE_P_VALUE][r] = t.change.p_value;
    b->f64[CANDOR_BUCKETS_MDC][r] = t.mdc;
    b->f64[CANDOR_BUCKETS_CENTER][r] = t.center;
    b->f64[CANDOR_BUCKETS_LOWER][r] = t.lower;
    b->f64[CANDOR_BUCKETS_UPPER][r] = t.upper;
    b->i64[CANDOR_BUCKETS_START - CANDOR_BUCKETS_START][r] = t.start;
    b->i64[CANDOR_BUCKETS_END - CANDOR_BUCKETS_START][r] = t.end;
    b->i64[CANDOR_BUCKETS_PREVIOUS - CANDOR_BUCKETS_START][r] = t.previous;
    b->i32[CANDOR_BUCKETS_SEGMENT - CANDOR_BUCKETS_SEGMENT][r] = t.segment;
    b->i32[CANDOR_BUCKETS_FLAG - CANDOR_BUCKETS_SEGMENT][r] = t.flag;
  }
  return b;
}

// The column `raw` of type T from `columns` whose first enum value is `first`.
template <typename T>
candor_status Column(const candor_buckets* buckets, int raw, int first, int count,
                     const std::vector<std::vector<T>>* columns, const char* type,
                     const T** out) {
  Status s = Required(buckets, "buckets");
  if (s.ok()) s = Required(out, "out");
  if (!s.ok()) return Fail(s);
  *out = nullptr;
  if (raw < first || raw >= first + count) {
    return Fail(InvalidArgument("column " + std::to_string(raw) + " is not a " + type +
                                " column of candor_buckets"));
  }
  *out = (*columns)[static_cast<size_t>(raw - first)].data();
  return CANDOR_OK;
}

}  // namespace
}  // namespace candor::capi

using candor::capi::Fail;
using candor::capi::Guard;
using candor::capi::Required;

extern "C" {

candor_status candor_buckets_options_defaults(candor_buckets_options* options, size_t size) {
  return candor::capi::WriteDefaults(candor::capi::Defaults(), size, options);
}

candor_status candor_buckets_new(const candor_score_options* score_options,
                                 const candor_buckets_options* options, const double* scores,
                                 const int64_t* times, size_t n, const double* weights,
                                 const int32_t* accounts, const int32_t* segments,
                                 candor_buckets** out) {
  return Guard([&] {
    candor::Status s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    *out = nullptr;
    candor::Metric metric;
    candor::IntervalOptions interval;
    candor::BucketOptions bucket_options;
    s = candor::capi::FromOptions(score_options, &metric, &interval, nullptr);
    if (s.ok()) s = candor::capi::FromBucketOptions(options, &bucket_options);
    if (!s.ok()) return Fail(s);
    candor::BucketResponses responses;
    responses.scores = scores;
    responses.times = times;
    responses.n = n;
    responses.weights = weights;
    responses.accounts = accounts;
    responses.segments = segments;
    auto rows = candor::TimeBuckets(metric, interval, responses, bucket_options);
    if (!rows.ok()) return Fail(rows.status());
    *out = candor::capi::ToHandle(*rows);
    return CANDOR_OK;
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

candor_status candor_buckets_column_f64(const candor_buckets* buckets,
                                        candor_buckets_column column, const double** out) {
  return Guard([&] {
    return candor::capi::Column(buckets, candor::capi::RawEnum(column), CANDOR_BUCKETS_VALUE,
                                candor::capi::kF64Columns, buckets ? &buckets->f64 : nullptr,
                                "double", out);
  });
}

candor_status candor_buckets_column_i64(const candor_buckets* buckets,
                                        candor_buckets_column column, const int64_t** out) {
  return Guard([&] {
    return candor::capi::Column(buckets, candor::capi::RawEnum(column), CANDOR_BUCKETS_START,
                                candor::capi::kI64Columns, buckets ? &buckets->i64 : nullptr,
                                "int64", out);
  });
}

candor_status candor_buckets_column_i32(const candor_buckets* buckets,
                                        candor_buckets_column column, const int32_t** out) {
  return Guard([&] {
    return candor::capi::Column(buckets, candor::capi::RawEnum(column), CANDOR_BUCKETS_SEGMENT,
                                candor::capi::kI32Columns, buckets ? &buckets->i32 : nullptr,
                                "int32", out);
  });
}

}  // extern "C"
