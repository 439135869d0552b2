// Business-hour calendars through the C ABI, made in two modes chosen by the
// first byte (even: JSON, odd: spec):
//   JSON  candor_business_calendar_from_json of the rest of the input;
//   spec  candor_business_calendar_new with a zone (a real IANA name, some
//         with DST of 30 minutes or a skipped day, or raw bytes), open and
//         close minutes and weekdays as raw values, and up to 16 raw
//         holidays (repeats and out-of-range days included).
// A calendar that is made answers up to 8 queries (a start and an end near
// one of a few base instants, or raw int64s; hours from InterestingDouble).
// Results returned as CANDOR_OK must keep include/candor/business_hours.hpp's
// promises: between(a, b) = -between(b, a), 0 <= between(a, b) <= (b - a) / 3600
// for a <= b; a deadline is at or after its start and between(start,
// deadline) reaches the hours while one second earlier does not.
//
// Input: mode byte; JSON mode: the JSON, a NUL byte; spec mode: zone choice, [raw name], open and
// close (int16 each), weekdays byte, holiday count and int32s; then per query: a base choice, start
// and end offsets (int32 each, or raw int64s), and hours.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;
using candor_fuzz::InterestingDouble;

const char* const kZones[] = {
    "UTC",          "America/New_York", "Europe/Berlin",    "Asia/Kolkata",   "Australia/Lord_Howe",
    "Pacific/Apia", "Asia/Kathmandu",   "America/St_Johns", "Pacific/Chatham"};

// 2011-12-29 (Samoa's skipped day), 2026-03-08 (US DST), 1900 and 2199.
const int64_t kBases[] = {1325152800, 1772946000, -2208988800 + 86400, 7258118400 - 86400 * 20};

// JSON mode reads the JSON up to the first NUL byte and leaves the rest
// for the queries.
candor_business_calendar* MakeCalendar(FuzzInput& in, std::string_view* rest) {
  candor_business_calendar* calendar = nullptr;
  if (in.Byte() % 2 == 0) {
    std::string_view text = in.Rest();
    const size_t nul = text.find('\0');
    const std::string_view json = text.substr(0, nul);
    *rest = nul == std::string_view::npos ? std::string_view() : text.substr(nul + 1);
    CheckStatus(candor_business_calendar_from_json(json.data(), json.size(), &calendar),
                "candor_business_calendar_from_json");
    return calendar;
  }
  candor_business_calendar_spec spec;
  candor_business_calendar_spec_init(&spec);
  const uint8_t zone = in.Byte();
  std::string raw_zone;
  if (zone < 2 * (sizeof kZones / sizeof kZones[0])) {
    spec.time_zone = kZones[zone / 2];
  } else {
    raw_zone = in.String(80);
    spec.time_zone = raw_zone.c_str();
  }
  spec.open_minute = in.Raw<int16_t>();
  spec.close_minute = in.Raw<int16_t>();
  spec.weekdays = in.Byte();
  std::vector<int32_t> holidays(in.Below(17));
  for (int32_t& day : holidays) day = in.Raw<int32_t>();
  spec.holidays = holidays.data();
  spec.n_holidays = holidays.size();
  CheckStatus(candor_business_calendar_new(&spec, &calendar), "candor_business_calendar_new");
  *rest = in.Rest();
  return calendar;
}

void Query(const candor_business_calendar* calendar, FuzzInput& in) {
  const uint8_t base = in.Byte();
  int64_t start = 0;
  int64_t end = 0;
  if (base < 4 * (sizeof kBases / sizeof kBases[0])) {
    start = kBases[base / 4] + in.Raw<int32_t>() / (base % 4 == 0 ? 1 : 64);
    end = start + in.Raw<int32_t>() / (base % 4 == 0 ? 1 : 64);
  } else {
    start = in.Raw<int64_t>();
    end = in.Raw<int64_t>();
  }
  const double hours = InterestingDouble(in);

  double forward = 0;
  double backward = 0;
  const candor_status a =
      candor_business_calendar_business_hours_between(calendar, &start, &end, 1, &forward);
  CheckStatus(a, "candor_business_calendar_business_hours_between");
  const candor_status b =
      candor_business_calendar_business_hours_between(calendar, &end, &start, 1, &backward);
  if (a != b) candor_fuzz::Fail("business_hours_between", "status differs when reversed");
  if (a == CANDOR_OK) {
    if (forward != -backward) candor_fuzz::Fail("business_hours_between", "not antisymmetric");
    const int64_t lo = start < end ? start : end;
    const int64_t hi = start < end ? end : start;
    const double magnitude = std::fabs(forward);
    if (!(magnitude * 3600 <= static_cast<double>(hi - lo))) {
      candor_fuzz::Fail("business_hours_between", "more business time than elapsed time");
    }
  }

  int64_t deadline = 0;
  const candor_status d = candor_business_calendar_deadline(calendar, &start, &hours, 1, &deadline);
  CheckStatus(d, "candor_business_calendar_deadline");
  if (d != CANDOR_OK) return;
  if (deadline < start) candor_fuzz::Fail("deadline", "before its start");
  double reached = 0;
  CheckStatus(
      candor_business_calendar_business_hours_between(calendar, &start, &deadline, 1, &reached),
      "between(start, deadline)");
  if (!(reached * 3600 >= hours * 3600 - 1e-6 - 1)) candor_fuzz::Fail("deadline", "too early");
  if (hours > 0 && deadline > start) {
    const int64_t before = deadline - 1;
    double short_of = 0;
    CheckStatus(
        candor_business_calendar_business_hours_between(calendar, &start, &before, 1, &short_of),
        "between(start, deadline - 1)");
    if (!(short_of < hours)) candor_fuzz::Fail("deadline", "not the earliest instant");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  std::string_view rest;
  candor_business_calendar* calendar = MakeCalendar(in, &rest);
  if (calendar == nullptr) return 0;
  FuzzInput queries(reinterpret_cast<const uint8_t*>(rest.data()), rest.size());
  for (int q = 0; q < 8 && queries.remaining() > 0; ++q) Query(calendar, queries);
  candor_business_calendar_free(calendar);
  return 0;
}
