// Bucket accumulators through the C ABI: candor_bucket_accumulator_deserialize
// of untrusted bytes; when they load, serializing gives the same bytes back,
// candor_buckets_accumulated (period, window and score options from the
// input) either fails cleanly or gives rows whose counts add up to the
// responses held, and merging with a copy and adding scores work or fail
// cleanly.
//
// Input: a mode byte, a period byte, a window byte, score options, then the
// serialized bytes. With mode bit 0 the target replaces the trailing
// checksum by the right one, so the fuzzer reaches the checks behind it.
#include <cmath>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

// The trend of everything held; its bucket counts add up to the count.
void Trend(const candor_bucket_accumulator* acc, candor_score_options options,
           candor_period every, int window_days, bool smoothed, const char* where) {
  int32_t scale_min = 0;
  int32_t scale_max = 0;
  CANDOR_FUZZ_CHECK(candor_bucket_accumulator_scale(acc, &scale_min, &scale_max) == CANDOR_OK,
                    where);
  options.scale_min = scale_min;
  options.scale_max = scale_max;
  candor_buckets_options bucket_options;
  candor_buckets_options_init(&bucket_options);
  bucket_options.every = every;
  bucket_options.time_zone = candor_bucket_accumulator_time_zone(acc);
  bucket_options.window_days = window_days;
  bucket_options.half_life_days = smoothed ? candor_bucket_accumulator_half_life_days(acc) : 0;
  candor_buckets* rows = nullptr;
  const candor_status s = candor_buckets_accumulated(&options, &bucket_options, acc, &rows);
  CheckStatus(s, where);
  CANDOR_FUZZ_CHECK((s == CANDOR_OK) == (rows != nullptr), "rows iff CANDOR_OK");
  if (rows == nullptr) return;
  const int64_t* n = nullptr;
  CANDOR_FUZZ_CHECK(candor_buckets_column_i64(rows, CANDOR_BUCKETS_N, &n) == CANDOR_OK, where);
  int64_t total = 0;
  for (size_t r = 0; r < candor_buckets_rows(rows); ++r) total += n[r];
  CANDOR_FUZZ_CHECK(total == candor_bucket_accumulator_count(acc),
                    "bucket counts add up to the responses held");
  candor_buckets_free(rows);
}

std::vector<uint8_t> Serialize(const candor_bucket_accumulator* acc) {
  size_t size = 0;
  CANDOR_FUZZ_CHECK(candor_bucket_accumulator_serialize(acc, nullptr, 0, &size) == CANDOR_OK,
                    "serialize size");
  std::vector<uint8_t> bytes(size);
  size_t written = 0;
  CANDOR_FUZZ_CHECK(candor_bucket_accumulator_serialize(acc, bytes.data(), bytes.size(),
                                                        &written) == CANDOR_OK &&
                        written == size,
                    "serialize");
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const uint8_t mode = in.Byte();
  const candor_period every = static_cast<candor_period>(in.Byte() % 4);
  const int window_days = in.Byte() % 40;
  const candor_score_options options = candor_fuzz::ScoreOptions(in);
  const std::vector<uint8_t> bytes = candor_fuzz::SerializedBytes(in.Rest(), mode & 1);

  candor_bucket_accumulator* acc = nullptr;
  const candor_status s = candor_bucket_accumulator_deserialize(bytes.data(), bytes.size(), &acc);
  CheckStatus(s, "candor_bucket_accumulator_deserialize");
  CANDOR_FUZZ_CHECK((s == CANDOR_OK) == (acc != nullptr), "a handle iff CANDOR_OK");
  if (acc == nullptr) return 0;

  CANDOR_FUZZ_CHECK(Serialize(acc) == bytes, "deserialize then serialize reproduces the bytes");
  Trend(acc, options, every, window_days, (mode & 2) != 0, "candor_buckets_accumulated");

  candor_bucket_accumulator* copy = nullptr;
  CANDOR_FUZZ_CHECK(
      candor_bucket_accumulator_deserialize(bytes.data(), bytes.size(), &copy) == CANDOR_OK,
      "deserialize twice");
  const size_t cells = candor_bucket_accumulator_cells(acc);
  const candor_status merged = candor_bucket_accumulator_merge(acc, copy);
  CheckStatus(merged, "candor_bucket_accumulator_merge");
  if (merged == CANDOR_OK) {
    CANDOR_FUZZ_CHECK(candor_bucket_accumulator_cells(acc) == cells,
                      "merging a copy adds no cell");
  }
  CheckStatus(candor_bucket_accumulator_merge(acc, acc), "merge with itself");

  // Scores at the scale's ends, one at the sane range's edge, one maybe bad.
  int32_t scale_min = 0;
  int32_t scale_max = 0;
  candor_bucket_accumulator_scale(acc, &scale_min, &scale_max);
  const double scores[3] = {static_cast<double>(scale_min), static_cast<double>(scale_max),
                            static_cast<double>(scale_min)};
  const int64_t times[3] = {-2208988800, 1767225600, 7258118399};
  const double weights[3] = {1e300, 1.5, 0.0};
  const int32_t codes[3] = {0, 1, static_cast<int32_t>(mode >> 4)};  // the last may be bad
  const char* labels[2] = {"fuzz segment", ""};
  const size_t sizes[2] = {12, 0};
  const candor_status added = candor_bucket_accumulator_add(
      acc, scores, times, (mode & 4) ? weights : nullptr, codes, 3, labels, sizes, 2);
  CheckStatus(added, "candor_bucket_accumulator_add");
  if (added == CANDOR_OK) {
    Trend(acc, options, every, window_days, (mode & 2) != 0, "trend after add");
  }
  candor_bucket_accumulator_free(copy);
  candor_bucket_accumulator_free(acc);
  return 0;
}
