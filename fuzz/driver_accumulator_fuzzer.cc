// Driver accumulators through the C ABI: candor_driver_accumulator_deserialize
// of untrusted bytes; when they load, serializing gives the same bytes back,
// candor_drivers_accumulated (driver and score options from the input)
// either fails cleanly or gives one row per theme whose mentions are at most
// the comments held, and merging with a copy and adding comments work or
// fail cleanly.
//
// Input: a mode byte, a period-choice byte, score options, then the
// serialized bytes. With mode bit 0 the target replaces the trailing
// checksum by the right one, so the fuzzer reaches the checks behind it.
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

void Drivers(const candor_driver_accumulator* acc, candor_score_options options, uint8_t choice,
             const char* where) {
  int32_t scale_min = 0;
  int32_t scale_max = 0;
  CANDOR_FUZZ_CHECK(candor_driver_accumulator_scale(acc, &scale_min, &scale_max) == CANDOR_OK,
                    where);
  options.scale_min = scale_min;
  options.scale_max = scale_max;
  candor_drivers_options driver_options;
  candor_drivers_options_init(&driver_options);
  driver_options.earlier_period = (choice & 3) == 3 ? -1 : choice & 3;
  driver_options.later_period = ((choice >> 2) & 3) == 3 ? -1 : (choice >> 2) & 3;
  driver_options.fit_key_drivers = (choice & 16) ? 0 : 1;
  candor_drivers* drivers = nullptr;
  const candor_status s = candor_drivers_accumulated(&options, &driver_options, acc, nullptr,
                                                     &drivers);
  CheckStatus(s, where);
  CANDOR_FUZZ_CHECK((s == CANDOR_OK) == (drivers != nullptr), "drivers iff CANDOR_OK");
  if (drivers == nullptr) return;
  CANDOR_FUZZ_CHECK(candor_drivers_rows(drivers) == candor_driver_accumulator_themes(acc),
                    "one row per theme");
  for (size_t j = 0; j < candor_drivers_rows(drivers); ++j) {
    candor_driver_row row;
    CANDOR_FUZZ_CHECK(candor_drivers_row_at(drivers, j, &row) == CANDOR_OK, where);
    CANDOR_FUZZ_CHECK(row.mentions >= 0 && row.mentions <= candor_driver_accumulator_count(acc),
                      "mentions within the comments held");
  }
  candor_drivers_free(drivers);
}

std::vector<uint8_t> Serialize(const candor_driver_accumulator* acc) {
  size_t size = 0;
  CANDOR_FUZZ_CHECK(candor_driver_accumulator_serialize(acc, nullptr, 0, &size) == CANDOR_OK,
                    "serialize size");
  std::vector<uint8_t> bytes(size);
  size_t written = 0;
  CANDOR_FUZZ_CHECK(candor_driver_accumulator_serialize(acc, bytes.data(), bytes.size(),
                                                        &written) == CANDOR_OK &&
                        written == size,
                    "serialize");
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const uint8_t mode = in.Byte();
  const uint8_t choice = in.Byte();
  const candor_score_options options = candor_fuzz::ScoreOptions(in);
  const std::vector<uint8_t> bytes = candor_fuzz::SerializedBytes(in.Rest(), mode & 1);

  candor_driver_accumulator* acc = nullptr;
  const candor_status s = candor_driver_accumulator_deserialize(bytes.data(), bytes.size(), &acc);
  CheckStatus(s, "candor_driver_accumulator_deserialize");
  CANDOR_FUZZ_CHECK((s == CANDOR_OK) == (acc != nullptr), "a handle iff CANDOR_OK");
  if (acc == nullptr) return 0;

  CANDOR_FUZZ_CHECK(Serialize(acc) == bytes, "deserialize then serialize reproduces the bytes");
  Drivers(acc, options, choice, "candor_drivers_accumulated");

  candor_driver_accumulator* copy = nullptr;
  CANDOR_FUZZ_CHECK(
      candor_driver_accumulator_deserialize(bytes.data(), bytes.size(), &copy) == CANDOR_OK,
      "deserialize twice");
  const size_t periods = candor_driver_accumulator_periods(acc);
  const candor_status merged = candor_driver_accumulator_merge(acc, copy);
  CheckStatus(merged, "candor_driver_accumulator_merge");
  if (merged == CANDOR_OK) {
    CANDOR_FUZZ_CHECK(candor_driver_accumulator_periods(acc) == periods,
                      "merging a copy adds no period");
  }
  CheckStatus(candor_driver_accumulator_merge(acc, acc), "merge with itself");

  // Two comments at the scale's ends mentioning theme 0 and none, with or
  // without periods (one may clash with the state's), one code maybe bad.
  int32_t scale_min = 0;
  int32_t scale_max = 0;
  candor_driver_accumulator_scale(acc, &scale_min, &scale_max);
  const double scores[2] = {static_cast<double>(scale_min), static_cast<double>(scale_max)};
  const double weights[2] = {1e300, 0.0};
  const int64_t offsets[3] = {0, 1, 1};
  const int32_t ids[1] = {0};
  const int32_t codes[2] = {0, static_cast<int32_t>(mode >> 5)};
  const char* labels[2] = {"s:2025", ""};
  const size_t sizes[2] = {6, 0};
  candor_theme_mentions mentions{};
  mentions.themes = candor_driver_accumulator_themes(acc);
  mentions.offsets = offsets;
  mentions.theme_ids = ids;
  const candor_status added = candor_driver_accumulator_add(
      acc, scores, (mode & 4) ? weights : nullptr, 2, &mentions, (mode & 8) ? codes : nullptr,
      labels, sizes, 2);
  CheckStatus(added, "candor_driver_accumulator_add");
  if (added == CANDOR_OK) Drivers(acc, options, choice, "drivers after add");
  candor_driver_accumulator_free(copy);
  candor_driver_accumulator_free(acc);
  return 0;
}
