// Accumulator deserialization through the C ABI: candor_accumulator_deserialize
// of untrusted bytes; when they load, serializing must give the same bytes
// back, estimates (score options from the input) must keep their promises,
// and merging with itself and adding scores must either work or fail cleanly.
//
// Input: a mode byte, score options, then the serialized bytes. With mode
// bit 0 the target replaces the trailing checksum by the right one, so the
// fuzzer reaches the checks behind it instead of stopping at the checksum.
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckEstimate;
using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

void Estimate(const candor_accumulator* acc, candor_score_options options, const char* where) {
  int32_t scale_min = 0;
  int32_t scale_max = 0;
  CANDOR_FUZZ_CHECK(candor_accumulator_scale(acc, &scale_min, &scale_max) == CANDOR_OK, where);
  // The options' scale must be the accumulator's; keep the metric and interval.
  options.scale_min = scale_min;
  options.scale_max = scale_max;
  for (int attempt = 0; attempt < 2; ++attempt) {
    candor_estimate estimate;
    const candor_status s = candor_accumulator_estimate(acc, &options, &estimate);
    CheckStatus(s, where);
    if (s == CANDOR_OK) {
      CheckEstimate(estimate, where);
      CANDOR_FUZZ_CHECK(estimate.n == candor_accumulator_count(acc), where);
    }
    // Then the same with every metric's own defaults for this scale.
    candor_score_options_init(&options);
    options.metric = CANDOR_METRIC_MEAN;
    options.scale_min = scale_min;
    options.scale_max = scale_max;
    options.threads = 1;
  }
}

std::vector<uint8_t> Serialize(const candor_accumulator* acc) {
  size_t size = 0;
  CANDOR_FUZZ_CHECK(candor_accumulator_serialize(acc, nullptr, 0, &size) == CANDOR_OK,
                    "serialize size");
  std::vector<uint8_t> bytes(size);
  size_t written = 0;
  CANDOR_FUZZ_CHECK(
      candor_accumulator_serialize(acc, bytes.data(), bytes.size(), &written) == CANDOR_OK &&
          written == size,
      "serialize");
  if (size > 0) {
    CANDOR_FUZZ_CHECK(candor_accumulator_serialize(acc, bytes.data(), size - 1, &written) ==
                          CANDOR_INVALID_ARGUMENT,
                      "serialize into a buffer too small");
  }
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const uint8_t mode = in.Byte();
  const candor_score_options options = candor_fuzz::ScoreOptions(in);
  const std::vector<uint8_t> bytes = candor_fuzz::SerializedBytes(in.Rest(), mode & 1);

  candor_accumulator* acc = nullptr;
  const candor_status s = candor_accumulator_deserialize(bytes.data(), bytes.size(), &acc);
  CheckStatus(s, "candor_accumulator_deserialize");
  CANDOR_FUZZ_CHECK((s == CANDOR_OK) == (acc != nullptr), "a handle iff CANDOR_OK");
  if (acc == nullptr) return 0;

  // Round trip: what loaded serializes to the very same bytes.
  CANDOR_FUZZ_CHECK(Serialize(acc) == bytes, "deserialize then serialize reproduces the bytes");
  CANDOR_FUZZ_CHECK(candor_accumulator_count(acc) >= 0, "count is not negative");
  Estimate(acc, options, "candor_accumulator_estimate");

  // Merging with a copy of itself, twice: a clean error or a valid sum.
  candor_accumulator* copy = nullptr;
  CANDOR_FUZZ_CHECK(candor_accumulator_deserialize(bytes.data(), bytes.size(), &copy) == CANDOR_OK,
                    "deserialize twice");
  for (int round = 0; round < 2; ++round) {
    const int64_t before = candor_accumulator_count(acc);
    const candor_status merged = candor_accumulator_merge(acc, copy);
    CheckStatus(merged, "candor_accumulator_merge");
    if (merged == CANDOR_OK) {
      CANDOR_FUZZ_CHECK(candor_accumulator_count(acc) >= before, "merge never loses responses");
      Estimate(acc, options, "candor_accumulator_estimate after merge");
    }
  }

  // Adding scores at the scale's ends, weighted by the mode's choice.
  int32_t scale_min = 0;
  int32_t scale_max = 0;
  candor_accumulator_scale(acc, &scale_min, &scale_max);
  const double scores[3] = {static_cast<double>(scale_min), static_cast<double>(scale_max),
                            static_cast<double>(scale_min)};
  const double weights[3] = {1e300, 1.5, 0.0};
  const candor_status added =
      candor_accumulator_add(acc, scores, (mode & 2) ? weights : nullptr, 3);
  CheckStatus(added, "candor_accumulator_add");
  if (added == CANDOR_OK) Estimate(acc, options, "candor_accumulator_estimate after add");
  candor_accumulator_free(copy);
  candor_accumulator_free(acc);
  return 0;
}
