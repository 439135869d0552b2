// Time zone names and timestamps: candor_buckets_new with a time zone name
// (a real IANA name or raw bytes from the input), any period and options,
// over responses read from CSV with a time column, so every timestamp goes
// through lib/io/timestamp.cc by the public path a CRM uses. Each time field
// is also parsed alone (candor::ParseTimestamp): what it returns must parse
// back from its epoch-seconds form to the same value.
//
// Input: a zone choice (raw name when chosen), the period (a raw int), a
// flags byte, bucket option values, score options, then a CSV with a header
// naming score and time (weight, account, segment optional).
#include <candor/csv.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

const char* const kZones[] = {"UTC",
                              "Europe/London",
                              "America/New_York",
                              "Asia/Kolkata",
                              "Australia/Lord_Howe",
                              "Pacific/Chatham",
                              "America/St_Johns",
                              "Asia/Kathmandu",
                              "Pacific/Kiritimati",
                              "Etc/GMT+12",
                              "America/Sao_Paulo",
                              "Europe/Dublin",
                              "",
                              "Not/A_Zone",
                              nullptr};
constexpr size_t kZoneCount = sizeof(kZones) / sizeof(kZones[0]);

// Each line's time field alone: epoch seconds it yields must read back as
// themselves.
void ParseTimesAlone(std::string_view csv) {
  size_t lines = 0;
  for (std::string_view line : candor_fuzz::Split(csv, '\n', 64)) {
    if (++lines == 1) continue;  // the header
    for (std::string_view field : candor_fuzz::Split(line, ',', 8)) {
      auto parsed = candor::ParseTimestamp(field);
      if (!parsed.ok()) continue;
      auto again = candor::ParseTimestamp(std::to_string(*parsed));
      CANDOR_FUZZ_CHECK(again.ok() && *again == *parsed, "a parsed time reads back as itself");
    }
  }
}

void CheckBuckets(const candor_buckets* buckets) {
  const size_t rows = candor_buckets_rows(buckets);
  const int64_t* start = nullptr;
  const int64_t* end = nullptr;
  const int64_t* n = nullptr;
  const int64_t* previous = nullptr;
  CANDOR_FUZZ_CHECK(
      candor_buckets_column_i64(buckets, CANDOR_BUCKETS_START, &start) == CANDOR_OK &&
          candor_buckets_column_i64(buckets, CANDOR_BUCKETS_END, &end) == CANDOR_OK &&
          candor_buckets_column_i64(buckets, CANDOR_BUCKETS_N, &n) == CANDOR_OK &&
          candor_buckets_column_i64(buckets, CANDOR_BUCKETS_PREVIOUS, &previous) == CANDOR_OK,
      "int64 columns");
  const double* column[CANDOR_BUCKETS_UPPER + 1];
  for (int c = 0; c <= CANDOR_BUCKETS_UPPER; ++c) {
    CANDOR_FUZZ_CHECK(candor_buckets_column_f64(buckets, static_cast<candor_buckets_column>(c),
                                                &column[c]) == CANDOR_OK,
                      "double columns");
  }
  const int32_t* flag = nullptr;
  CANDOR_FUZZ_CHECK(candor_buckets_column_i32(buckets, CANDOR_BUCKETS_FLAG, &flag) == CANDOR_OK,
                    "int32 columns");
  const double* wrong = nullptr;
  CANDOR_FUZZ_CHECK(
      candor_buckets_column_f64(buckets, CANDOR_BUCKETS_N, &wrong) == CANDOR_INVALID_ARGUMENT,
      "a column of another type");
  for (size_t r = 0; r < rows; ++r) {
    CANDOR_FUZZ_CHECK(candor_buckets_label(buckets, r) != nullptr, "label");
    CANDOR_FUZZ_CHECK(start[r] < end[r], "a bucket starts before it ends");
    CANDOR_FUZZ_CHECK(previous[r] >= -1 && previous[r] < static_cast<int64_t>(r), "previous row");
    CANDOR_FUZZ_CHECK(flag[r] >= -1 && flag[r] <= 1, "control flag");
    if (n[r] > 0) {
      candor_estimate e;
      e.value = column[CANDOR_BUCKETS_VALUE][r];
      e.std_error = column[CANDOR_BUCKETS_STD_ERROR][r];
      e.ci_low = column[CANDOR_BUCKETS_CI_LOW][r];
      e.ci_high = column[CANDOR_BUCKETS_CI_HIGH][r];
      e.n = n[r];
      // A bucket whose variance is undefined (one weighted response, one
      // account, zero total weight) has NaN std_error and interval by
      // design (trend_buckets.hpp); its value is NaN only for zero weight.
      const bool undefined_variance =
          std::isnan(e.std_error) && std::isnan(e.ci_low) && std::isnan(e.ci_high);
      if (undefined_variance) {
        CANDOR_FUZZ_CHECK(std::isfinite(e.value) ||
                              (std::isnan(e.value) && column[CANDOR_BUCKETS_EFFECTIVE_N][r] == 0),
                          "a bucket's value is finite unless its weight is zero");
      } else {
        candor_fuzz::CheckEstimate(e, "a non-empty bucket's estimate");
      }
    }
  }
  CANDOR_FUZZ_CHECK(candor_buckets_label(buckets, rows) == nullptr, "label past end");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const uint8_t zone_choice = in.Byte();
  std::string zone_raw;
  if (zone_choice >= 0xe0) zone_raw = in.String(64);
  const uint8_t period_byte = in.Byte();
  const uint8_t flags = in.Byte();

  candor_buckets_options options;
  candor_buckets_options_init(&options);
  candor_fuzz::SetRawEnum(&options.every,
                          period_byte < 0xf0 ? period_byte % 4 : static_cast<int8_t>(period_byte));
  options.time_zone = zone_choice >= 0xe0 ? zone_raw.c_str() : kZones[zone_choice % kZoneCount];
  if (flags & 1) options.window_days = static_cast<int16_t>(in.Raw<uint16_t>());
  if (flags & 2) options.half_life_days = candor_fuzz::InterestingDouble(in);
  if (flags & 4) {
    options.power = candor_fuzz::InterestingDouble(in);
    options.control_k = candor_fuzz::InterestingDouble(in);
    options.control_level = candor_fuzz::InterestingDouble(in);
  }
  const candor_score_options score_options = candor_fuzz::ScoreOptions(in);
  const std::string_view csv = in.Rest();
  ParseTimesAlone(csv);

  candor_csv_options csv_options;
  candor_csv_options_init(&csv_options);
  csv_options.score_column = "score";
  csv_options.time_column = "time";
  if (flags & 8) csv_options.weight_column = "weight";
  if (flags & 16) csv_options.account_column = "account";
  const char* segment = "segment";
  if (flags & 32) {
    csv_options.segment_columns = &segment;
    csv_options.n_segment_columns = 1;
  }
  csv_options.skip_bad_rows = (flags & 64) != 0;
  candor_table* table = nullptr;
  const candor_status parsed = candor_table_parse_csv(csv.data(), csv.size(), &csv_options, &table);
  CheckStatus(parsed, "candor_table_parse_csv with a time column");
  if (parsed != CANDOR_OK) return 0;

  const size_t n = candor_table_rows(table);
  const int32_t* accounts = nullptr;
  const int32_t* segments = nullptr;
  size_t levels = 0;
  if (flags & 16) candor_table_codes(table, "account", &accounts, &levels);
  if (flags & 32) candor_table_codes(table, "segment", &segments, &levels);
  candor_buckets* buckets = nullptr;
  const candor_status s = candor_buckets_new(
      &score_options, &options, candor_table_scores(table), candor_table_times(table), n,
      candor_table_weights(table), accounts, segments, &buckets);
  CheckStatus(s, "candor_buckets_new");
  CANDOR_FUZZ_CHECK((s == CANDOR_OK) == (buckets != nullptr), "a handle iff CANDOR_OK");
  // Only IANA identifiers are zones: never a path (issue 11, bug 6).
  const std::string zone = options.time_zone == nullptr ? "" : options.time_zone;
  if (s == CANDOR_OK && (zone.rfind('/', 0) == 0 || zone.find("..") != std::string::npos)) {
    candor_fuzz::Fail("candor_buckets_new", "time zone \"" + zone + "\" read as a path");
  }
  if (buckets != nullptr) CheckBuckets(buckets);
  candor_buckets_free(buckets);
  candor_table_free(table);
  return 0;
}
