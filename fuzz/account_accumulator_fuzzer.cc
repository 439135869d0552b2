// Account accumulators through the C ABI: candor_account_accumulator_deserialize
// of untrusted bytes; when they load, serializing gives the same bytes back,
// the cluster-robust estimate (score options from the input) keeps its
// promises, and merging with a copy and adding labelled scores either work or
// fail cleanly.
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

void Estimate(const candor_account_accumulator* acc, candor_score_options options,
              const char* where) {
  int32_t scale_min = 0;
  int32_t scale_max = 0;
  CANDOR_FUZZ_CHECK(candor_account_accumulator_scale(acc, &scale_min, &scale_max) == CANDOR_OK,
                    where);
  options.scale_min = scale_min;
  options.scale_max = scale_max;
  for (candor_interval method : {CANDOR_INTERVAL_WALD, CANDOR_INTERVAL_JEFFREYS}) {
    options.interval = method;
    candor_estimate estimate;
    const candor_status s = candor_account_accumulator_estimate(acc, &options, &estimate);
    CheckStatus(s, where);
    if (s == CANDOR_OK) {
      CheckEstimate(estimate, where);
      CANDOR_FUZZ_CHECK(estimate.n == candor_account_accumulator_count(acc), where);
      CANDOR_FUZZ_CHECK(candor_account_accumulator_accounts(acc) >= 2, where);
    }
  }
}

std::vector<uint8_t> Serialize(const candor_account_accumulator* acc) {
  size_t size = 0;
  CANDOR_FUZZ_CHECK(candor_account_accumulator_serialize(acc, nullptr, 0, &size) == CANDOR_OK,
                    "serialize size");
  std::vector<uint8_t> bytes(size);
  size_t written = 0;
  CANDOR_FUZZ_CHECK(candor_account_accumulator_serialize(acc, bytes.data(), bytes.size(),
                                                         &written) == CANDOR_OK &&
                        written == size,
                    "serialize");
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const uint8_t mode = in.Byte();
  const candor_score_options options = candor_fuzz::ScoreOptions(in);
  const std::vector<uint8_t> bytes = candor_fuzz::SerializedBytes(in.Rest(), mode & 1);

  candor_account_accumulator* acc = nullptr;
  const candor_status s = candor_account_accumulator_deserialize(bytes.data(), bytes.size(), &acc);
  CheckStatus(s, "candor_account_accumulator_deserialize");
  CANDOR_FUZZ_CHECK((s == CANDOR_OK) == (acc != nullptr), "a handle iff CANDOR_OK");
  if (acc == nullptr) return 0;

  CANDOR_FUZZ_CHECK(Serialize(acc) == bytes, "deserialize then serialize reproduces the bytes");
  Estimate(acc, options, "candor_account_accumulator_estimate");

  candor_account_accumulator* copy = nullptr;
  CANDOR_FUZZ_CHECK(
      candor_account_accumulator_deserialize(bytes.data(), bytes.size(), &copy) == CANDOR_OK,
      "deserialize twice");
  const size_t accounts = candor_account_accumulator_accounts(acc);
  const int64_t before = candor_account_accumulator_count(acc);
  const candor_status merged = candor_account_accumulator_merge(acc, copy);
  CheckStatus(merged, "candor_account_accumulator_merge");
  if (merged == CANDOR_OK) {
    CANDOR_FUZZ_CHECK(candor_account_accumulator_accounts(acc) == accounts,
                      "merging a copy adds no account");
    CANDOR_FUZZ_CHECK(candor_account_accumulator_count(acc) >= before, "merge loses nothing");
    Estimate(acc, options, "estimate after merge");
  }
  CheckStatus(candor_account_accumulator_merge(acc, acc), "merge with itself");

  // Scores at the scale's ends for a new account and an unused label.
  int32_t scale_min = 0;
  int32_t scale_max = 0;
  candor_account_accumulator_scale(acc, &scale_min, &scale_max);
  const double scores[3] = {static_cast<double>(scale_min), static_cast<double>(scale_max),
                            static_cast<double>(scale_min)};
  const double weights[3] = {1e300, 1.5, 0.0};
  const int32_t codes[3] = {0, 0, static_cast<int32_t>(mode >> 4)};  // the last may be bad
  const char* labels[2] = {"fuzz account", ""};
  const size_t sizes[2] = {12, 0};
  const candor_status added = candor_account_accumulator_add(
      acc, scores, (mode & 2) ? weights : nullptr, codes, 3, labels, sizes, 2);
  CheckStatus(added, "candor_account_accumulator_add");
  if (added == CANDOR_OK) Estimate(acc, options, "estimate after add");
  candor_account_accumulator_free(copy);
  candor_account_accumulator_free(acc);
  return 0;
}
