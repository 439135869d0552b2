// Mergeable, serializable score accumulators.
#include <cstring>
#include <string>
#include <string_view>

#include "shim.hpp"

struct candor_accumulator {
  candor::ScoreAccumulator acc;
};

using candor::capi::Guard;
using candor::capi::Required;

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

candor_status candor_accumulator_deserialize(const uint8_t* bytes, size_t size,
                                             candor_accumulator** out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    if (size > 0) CANDOR_RETURN_IF_ERROR(Required(bytes, "bytes"));
    return candor::capi::MakeHandle(out, [&] {
      return candor::ScoreAccumulator::Deserialize(
          std::string_view(reinterpret_cast<const char*>(bytes), size));
    });
  });
}

candor_status candor_accumulator_scale(const candor_accumulator* acc, int32_t* scale_min,
                                       int32_t* scale_max) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc", scale_min, "scale_min", scale_max, "scale_max"));
    *scale_min = acc->acc.scale_min();
    *scale_max = acc->acc.scale_max();
    return candor::OkStatus();
  });
}

int64_t candor_accumulator_count(const candor_accumulator* acc) {
  return acc == nullptr ? 0 : acc->acc.count();
}

candor_status candor_accumulator_estimate(const candor_accumulator* acc,
                                          const candor_score_options* options,
                                          candor_estimate* out) {
  return candor::capi::ScoreCall(
      options, out, [&](const candor::Metric& m, const candor::IntervalOptions& o) {
        if (acc == nullptr) return candor::Result<candor::Estimate>(Required(acc, "acc"));
        return candor::EstimateAccumulated(m, acc->acc, o);
      });
}

}  // extern "C"
