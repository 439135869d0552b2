// Mergeable, serializable accumulators: of scores, of scores by account (for
// the cluster-robust estimate), of scores by segment and local day (for the
// bucket trend), and of scores by period and theme pattern (for drivers).
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "accumulator_handle.hpp"
#include "shim.hpp"
#include "theme_mentions.hpp"

struct candor_account_accumulator {
  candor::AccountAccumulator acc;
};

using candor::capi::Guard;
using candor::capi::Required;

namespace {

// The body of candor_*accumulator_serialize: the size into *size, the bytes
// into `buffer` when it is not NULL and large enough.
template <typename Handle>
candor_status SerializeInto(const Handle* acc, uint8_t* buffer, size_t capacity, size_t* size) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc", size, "size"));
    std::string bytes = acc->acc.Serialize();
    *size = bytes.size();
    if (buffer == nullptr) return candor::OkStatus();  // a size query
    if (capacity < bytes.size()) {
      return candor::InvalidArgument("buffer of " + std::to_string(capacity) +
                                     " bytes is too small: need " + std::to_string(bytes.size()));
    }
    std::memcpy(buffer, bytes.data(), bytes.size());
    return candor::OkStatus();
  });
}

// Labels given as pointers and sizes (need not be NUL-terminated), as views.
candor::Status LabelViews(const char* const* labels, const size_t* label_sizes, size_t n_labels,
                          std::vector<std::string_view>* views) {
  if (n_labels > 0) CANDOR_RETURN_IF_ERROR(Required(labels, "labels", label_sizes, "label_sizes"));
  views->resize(n_labels);
  for (size_t j = 0; j < n_labels; ++j) {
    if (labels[j] == nullptr && label_sizes[j] > 0) {
      return candor::InvalidArgument("labels[" + std::to_string(j) + "] is NULL");
    }
    (*views)[j] = std::string_view(labels[j] == nullptr ? "" : labels[j], label_sizes[j]);
  }
  return candor::OkStatus();
}

// The body of candor_*accumulator_deserialize.
template <typename Handle, typename Accumulator>
candor_status DeserializeInto(const uint8_t* bytes, size_t size, Handle** out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    if (size > 0) CANDOR_RETURN_IF_ERROR(Required(bytes, "bytes"));
    return candor::capi::MakeHandle(out, [&] {
      return Accumulator::Deserialize(std::string_view(reinterpret_cast<const char*>(bytes), size));
    });
  });
}

// The scale and responses of either accumulator: its (whole sample's) score
// accumulator.
const candor::ScoreAccumulator& Totals(const candor_accumulator& h) { return h.acc; }
const candor::ScoreAccumulator& Totals(const candor_account_accumulator& h) {
  return h.acc.totals();
}

// The body of candor_*accumulator_scale.
template <typename Handle>
candor_status ScaleOf(const Handle* acc, int32_t* scale_min, int32_t* scale_max) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc", scale_min, "scale_min", scale_max, "scale_max"));
    *scale_min = Totals(*acc).scale_min();
    *scale_max = Totals(*acc).scale_max();
    return candor::OkStatus();
  });
}

// The body of candor_*accumulator_count.
template <typename Handle>
int64_t CountOf(const Handle* acc) {
  return acc == nullptr ? 0 : Totals(*acc).count();
}

// The body of candor_*accumulator_estimate.
template <typename Handle>
candor_status EstimateFrom(const Handle* acc, const candor_score_options* options,
                           candor_estimate* out) {
  return candor::capi::ScoreCall(
      options, out, [&](const candor::Metric& m, const candor::IntervalOptions& o) {
        if (acc == nullptr) return candor::Result<candor::Estimate>(Required(acc, "acc"));
        return candor::EstimateAccumulated(m, acc->acc, o);
      });
}

}  // namespace

extern "C" {

candor_status candor_accumulator_new(int32_t scale_min, int32_t scale_max,
                                     candor_accumulator** out) {
  return candor::capi::NewHandle(
      out, [&] { return candor::ScoreAccumulator::Create(scale_min, scale_max); });
}

void candor_accumulator_free(candor_accumulator* acc) { delete acc; }

candor_status candor_accumulator_add(candor_accumulator* acc, const double* scores,
                                     const double* weights, size_t n) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc"));
    return acc->acc.Add(scores, weights, n);
  });
}

candor_status candor_accumulator_merge(candor_accumulator* acc, const candor_accumulator* other) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc", other, "other"));
    return acc->acc.Merge(other->acc);
  });
}

candor_status candor_accumulator_serialize(const candor_accumulator* acc, uint8_t* buffer,
                                           size_t capacity, size_t* size) {
  return SerializeInto(acc, buffer, capacity, size);
}

candor_status candor_accumulator_deserialize(const uint8_t* bytes, size_t size,
                                             candor_accumulator** out) {
  return DeserializeInto<candor_accumulator, candor::ScoreAccumulator>(bytes, size, out);
}

candor_status candor_accumulator_scale(const candor_accumulator* acc, int32_t* scale_min,
                                       int32_t* scale_max) {
  return ScaleOf(acc, scale_min, scale_max);
}

int64_t candor_accumulator_count(const candor_accumulator* acc) { return CountOf(acc); }

candor_status candor_accumulator_estimate(const candor_accumulator* acc,
                                          const candor_score_options* options,
                                          candor_estimate* out) {
  return EstimateFrom(acc, options, out);
}

candor_status candor_account_accumulator_new(int32_t scale_min, int32_t scale_max,
                                             candor_account_accumulator** out) {
  return candor::capi::NewHandle(
      out, [&] { return candor::AccountAccumulator::Create(scale_min, scale_max); });
}

void candor_account_accumulator_free(candor_account_accumulator* acc) { delete acc; }

candor_status candor_account_accumulator_add(candor_account_accumulator* acc,
                                             const double* scores, const double* weights,
                                             const int32_t* account_codes, size_t n,
                                             const char* const* labels,
                                             const size_t* label_sizes, size_t n_labels) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc"));
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(scores, "scores", account_codes, "account_codes"));
    std::vector<std::string_view> views;
    CANDOR_RETURN_IF_ERROR(LabelViews(labels, label_sizes, n_labels, &views));
    return acc->acc.Add(scores, weights, account_codes, n, views.data(), n_labels);
  });
}

candor_status candor_account_accumulator_merge(candor_account_accumulator* acc,
                                               const candor_account_accumulator* other) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc", other, "other"));
    return acc->acc.Merge(other->acc);
  });
}

candor_status candor_account_accumulator_serialize(const candor_account_accumulator* acc,
                                                   uint8_t* buffer, size_t capacity,
                                                   size_t* size) {
  return SerializeInto(acc, buffer, capacity, size);
}

candor_status candor_account_accumulator_deserialize(const uint8_t* bytes, size_t size,
                                                     candor_account_accumulator** out) {
  return DeserializeInto<candor_account_accumulator, candor::AccountAccumulator>(bytes, size,
                                                                                 out);
}

candor_status candor_account_accumulator_scale(const candor_account_accumulator* acc,
                                               int32_t* scale_min, int32_t* scale_max) {
  return ScaleOf(acc, scale_min, scale_max);
}

int64_t candor_account_accumulator_count(const candor_account_accumulator* acc) {
  return CountOf(acc);
}

size_t candor_account_accumulator_accounts(const candor_account_accumulator* acc) {
  return acc == nullptr ? 0 : acc->acc.accounts();
}

candor_status candor_account_accumulator_estimate(const candor_account_accumulator* acc,
                                                  const candor_score_options* options,
                                                  candor_estimate* out) {
  return EstimateFrom(acc, options, out);
}

candor_status candor_bucket_accumulator_new(int32_t scale_min, int32_t scale_max,
                                            const char* time_zone, double half_life_days,
                                            candor_bucket_accumulator** out) {
  return candor::capi::NewHandle(out, [&] {
    return candor::BucketAccumulator::Create(scale_min, scale_max,
                                             time_zone == nullptr ? "UTC" : time_zone,
                                             half_life_days);
  });
}

void candor_bucket_accumulator_free(candor_bucket_accumulator* acc) { delete acc; }

candor_status candor_bucket_accumulator_add(candor_bucket_accumulator* acc, const double* scores,
                                            const int64_t* times, const double* weights,
                                            const int32_t* segment_codes, size_t n,
                                            const char* const* labels, const size_t* label_sizes,
                                            size_t n_labels) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc"));
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(scores, "scores", times, "times"));
    std::vector<std::string_view> views;
    CANDOR_RETURN_IF_ERROR(LabelViews(labels, label_sizes, n_labels, &views));
    return acc->acc.Add(scores, times, weights, segment_codes, n, views.data(), n_labels);
  });
}

candor_status candor_bucket_accumulator_merge(candor_bucket_accumulator* acc,
                                              const candor_bucket_accumulator* other) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc", other, "other"));
    return acc->acc.Merge(other->acc);
  });
}

candor_status candor_bucket_accumulator_serialize(const candor_bucket_accumulator* acc,
                                                  uint8_t* buffer, size_t capacity, size_t* size) {
  return SerializeInto(acc, buffer, capacity, size);
}

candor_status candor_bucket_accumulator_deserialize(const uint8_t* bytes, size_t size,
                                                    candor_bucket_accumulator** out) {
  return DeserializeInto<candor_bucket_accumulator, candor::BucketAccumulator>(bytes, size, out);
}

candor_status candor_bucket_accumulator_scale(const candor_bucket_accumulator* acc,
                                              int32_t* scale_min, int32_t* scale_max) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc", scale_min, "scale_min", scale_max, "scale_max"));
    *scale_min = acc->acc.scale_min();
    *scale_max = acc->acc.scale_max();
    return candor::OkStatus();
  });
}

const char* candor_bucket_accumulator_time_zone(const candor_bucket_accumulator* acc) {
  return acc == nullptr ? nullptr : acc->acc.time_zone().c_str();
}

double candor_bucket_accumulator_half_life_days(const candor_bucket_accumulator* acc) {
  return acc == nullptr ? std::numeric_limits<double>::quiet_NaN() : acc->acc.half_life_days();
}

int64_t candor_bucket_accumulator_count(const candor_bucket_accumulator* acc) {
  return acc == nullptr ? 0 : acc->acc.count();
}

size_t candor_bucket_accumulator_segments(const candor_bucket_accumulator* acc) {
  return acc == nullptr ? 0 : acc->acc.segments();
}

size_t candor_bucket_accumulator_cells(const candor_bucket_accumulator* acc) {
  return acc == nullptr ? 0 : acc->acc.cells();
}

candor_status candor_bucket_accumulator_segment(const candor_bucket_accumulator* acc, size_t j,
                                                const char** label, size_t* size) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc", label, "label", size, "size"));
    if (j >= acc->acc.segments()) {
      return candor::OutOfRange("segment " + std::to_string(j) + " of " +
                                std::to_string(acc->acc.segments()));
    }
    const std::string_view s = acc->acc.segment(j);
    *label = s.data();
    *size = s.size();
    return candor::OkStatus();
  });
}

candor_status candor_driver_accumulator_new(int32_t scale_min, int32_t scale_max, size_t themes,
                                            candor_driver_accumulator** out) {
  return candor::capi::NewHandle(
      out, [&] { return candor::DriverAccumulator::Create(scale_min, scale_max, themes); });
}

void candor_driver_accumulator_free(candor_driver_accumulator* acc) { delete acc; }

candor_status candor_driver_accumulator_add(candor_driver_accumulator* acc, const double* scores,
                                            const double* weights, size_t n,
                                            const candor_theme_mentions* mentions,
                                            const int32_t* period_codes, const char* const* labels,
                                            const size_t* label_sizes, size_t n_labels) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc", mentions, "mentions"));
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(scores, "scores"));
    auto theme_mentions = candor::capi::MentionsFromC(*mentions, n);
    if (!theme_mentions.ok()) return theme_mentions.status();
    std::vector<std::string_view> views;
    CANDOR_RETURN_IF_ERROR(LabelViews(labels, label_sizes, n_labels, &views));
    return acc->acc.Add(scores, weights, *theme_mentions, period_codes, views.data(), n_labels);
  });
}

candor_status candor_driver_accumulator_merge(candor_driver_accumulator* acc,
                                              const candor_driver_accumulator* other) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc", other, "other"));
    return acc->acc.Merge(other->acc);
  });
}

candor_status candor_driver_accumulator_serialize(const candor_driver_accumulator* acc,
                                                  uint8_t* buffer, size_t capacity, size_t* size) {
  return SerializeInto(acc, buffer, capacity, size);
}

candor_status candor_driver_accumulator_deserialize(const uint8_t* bytes, size_t size,
                                                    candor_driver_accumulator** out) {
  return DeserializeInto<candor_driver_accumulator, candor::DriverAccumulator>(bytes, size, out);
}

candor_status candor_driver_accumulator_scale(const candor_driver_accumulator* acc,
                                              int32_t* scale_min, int32_t* scale_max) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc", scale_min, "scale_min", scale_max, "scale_max"));
    *scale_min = acc->acc.scale_min();
    *scale_max = acc->acc.scale_max();
    return candor::OkStatus();
  });
}

size_t candor_driver_accumulator_themes(const candor_driver_accumulator* acc) {
  return acc == nullptr ? 0 : acc->acc.themes();
}

int64_t candor_driver_accumulator_count(const candor_driver_accumulator* acc) {
  return acc == nullptr ? 0 : acc->acc.count();
}

size_t candor_driver_accumulator_periods(const candor_driver_accumulator* acc) {
  return acc == nullptr ? 0 : acc->acc.periods();
}

candor_status candor_driver_accumulator_period(const candor_driver_accumulator* acc, size_t j,
                                               const char** label, size_t* size) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc", label, "label", size, "size"));
    if (j >= acc->acc.periods()) {
      return candor::OutOfRange("period " + std::to_string(j) + " of " +
                                std::to_string(acc->acc.periods()));
    }
    const std::string_view s = acc->acc.period(j);
    *label = s.data();
    *size = s.size();
    return candor::OkStatus();
  });
}

}  // extern "C"
