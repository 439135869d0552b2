// Mergeable, serializable score accumulators.
#include <cstring>
#include <string>

#include "shim.hpp"

struct candor_accumulator {
  candor::ScoreAccumulator acc;
};

using candor::capi::Fail;
using candor::capi::Guard;
using candor::capi::Report;
using candor::capi::Required;

extern "C" {

candor_status candor_accumulator_new(int32_t scale_min, int32_t scale_max,
                                     candor_accumulator** out) {
  return Guard([&] {
    candor::Status s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    *out = nullptr;
    auto acc = candor::ScoreAccumulator::Create(scale_min, scale_max);
    if (!acc.ok()) return Fail(acc.status());
    *out = new candor_accumulator{std::move(acc).value()};
    return CANDOR_OK;
  });
}

void candor_accumulator_free(candor_accumulator* acc) { delete acc; }

candor_status candor_accumulator_add(candor_accumulator* acc, const double* scores,
                                     const double* weights, size_t n) {
  return Guard([&] {
    candor::Status s = Required(acc, "acc");
    if (!s.ok()) return Fail(s);
    return Report(acc->acc.Add(scores, weights, n));
  });
}

candor_status candor_accumulator_merge(candor_accumulator* acc, const candor_accumulator* other) {
  return Guard([&] {
    candor::Status s = Required(acc, "acc");
    if (s.ok()) s = Required(other, "other");
    if (!s.ok()) return Fail(s);
    return Report(acc->acc.Merge(other->acc));
  });
}

candor_status candor_accumulator_serialize(const candor_accumulator* acc, uint8_t* buffer,
                                           size_t capacity, size_t* size) {
  return Guard([&] {
    candor::Status s = Required(acc, "acc");
    if (s.ok()) s = Required(size, "size");
    if (!s.ok()) return Fail(s);
    std::string bytes = acc->acc.Serialize();
    *size = bytes.size();
    if (buffer == nullptr) return CANDOR_OK;  // a size query
    if (capacity < bytes.size()) {
      return Fail(candor::InvalidArgument("buffer of " + std::to_string(capacity) +
                                          " bytes is too small: need " +
                                          std::to_string(bytes.size())));
    }
    std::memcpy(buffer, bytes.data(), bytes.size());
    return CANDOR_OK;
  });
}

candor_status candor_accumulator_deserialize(const uint8_t* bytes, size_t size,
                                             candor_accumulator** out) {
  return Guard([&] {
    candor::Status s = Required(out, "out");
    if (s.ok() && size > 0) s = Required(bytes, "bytes");
    if (!s.ok()) return Fail(s);
    *out = nullptr;
    auto acc = candor::ScoreAccumulator::Deserialize(
        std::string_view(reinterpret_cast<const char*>(bytes), size));
    if (!acc.ok()) return Fail(acc.status());
    *out = new candor_accumulator{std::move(acc).value()};
    return CANDOR_OK;
  });
}

candor_status candor_accumulator_scale(const candor_accumulator* acc, int32_t* scale_min,
                                       int32_t* scale_max) {
  return Guard([&] {
    candor::Status s = Required(acc, "acc");
    if (s.ok()) s = Required(scale_min, "scale_min");
    if (s.ok()) s = Required(scale_max, "scale_max");
    if (!s.ok()) return Fail(s);
    *scale_min = acc->acc.scale_min();
    *scale_max = acc->acc.scale_max();
    return CANDOR_OK;
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
