// candor/business_hours.hpp — business-hour calendars: a deadline a number of
// business hours after a start, and the business hours between two instants.
//
// A calendar is a time zone (an IANA tz database name, checked and loaded as
// in candor/trend_buckets.hpp), an opening and a closing time of day (local
// wall-clock minutes after midnight, 0 <= open < close <= 1440), the working
// weekdays (bit d set for weekday d, Monday = 0 ... Sunday = 6, Python's
// datetime.weekday() convention) and holidays (local civil dates, days since
// 1970-01-01).
//
// Business time. Each working day D (its weekday bit set, not a holiday) is
// open from the instant it opens to the instant it closes:
//   opens(D)  = the first instant whose local civil time is at or after
//               D + open minutes,
//   closes(D) = the first instant whose local civil time is at or after
//               D + close minutes (close = 1440 is the next midnight).
// Business hours are the real (elapsed, UTC) time inside these intervals, so
// a 09:00-17:00 day spanning a daylight-saving change lasts 7 or 9 hours, and
// an opening time skipped by a jump forward opens at the jump (the first
// instant after it). An opening time that occurs twice (a jump back) opens at
// the first occurrence. Every time here is Unix seconds (UTC).
//
//  - BusinessHoursBetween(start, end): the business hours in [start, end);
//    negative when end < start (-BusinessHoursBetween(end, start)), as
//    numpy.busday_count counts a reversed range.
//  - Deadline(start, hours): the instant at which `hours` business hours have
//    passed since start. A start outside business hours counts from the next
//    opening. For hours > 0 it is the earliest t with
//    BusinessHoursBetween(start, t) >= hours, so a deadline that falls on a
//    closing instant is that closing instant, not the next opening; for
//    hours = 0 it is the first business instant at or after start. Times are
//    whole seconds: the deadline is rounded up to the next whole second
//    (hours * 3600 within 1e-6 of an integer counts as that integer), so
//    BusinessHoursBetween(start, Deadline(start, h)) == h whenever h * 3600
//    is a whole number.
//
// Errors (CANDOR_INVALID_ARGUMENT unless said otherwise, each message names
// what is wrong): a time zone name not of the tz database's form or unknown;
// open or close outside [0, 1440] or close <= open; no working weekday or
// bits above Sunday; a holiday given twice (the calendar's holidays are single
// dates, so overlapping holidays are repeated dates); a holiday outside
// [1900-01-01, 2200-01-01); negative, NaN or infinite hours; a start or end
// outside [1900-01-01, 2200-01-01) UTC (CANDOR_OUT_OF_RANGE); a deadline not
// reached before 2200-01-01 (CANDOR_OUT_OF_RANGE: the calendar has no, or not
// enough, open hours in that horizon). The batch forms name the index.
#ifndef CANDOR_BUSINESS_HOURS_HPP_
#define CANDOR_BUSINESS_HOURS_HPP_

#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace candor {

// The instants a calendar accepts, Unix seconds: [1900-01-01, 2200-01-01) UTC.
inline constexpr int64_t kEarliestBusinessTime = -2208988800;
inline constexpr int64_t kLatestBusinessTime = 7258118400;
// The same range as civil days since 1970-01-01, for holidays.
inline constexpr int32_t kEarliestBusinessDay = -25567;
inline constexpr int32_t kLatestBusinessDay = 84006;

// Monday to Friday.
inline constexpr uint8_t kMondayToFriday = 0x1F;

struct BusinessCalendarSpec {
  std::string time_zone = "UTC";
  int open_minute = 540;               // 09:00 local
  int close_minute = 1020;             // 17:00 local
  uint8_t weekdays = kMondayToFriday;  // bit d = weekday d, Monday = 0
  std::vector<int32_t> holidays;       // local civil dates, days since 1970-01-01
};

class BusinessCalendar {
 public:
  // Checks the spec and loads its time zone.
  static Result<BusinessCalendar> Make(const BusinessCalendarSpec& spec);

  // See the top of this file.
  Result<int64_t> Deadline(int64_t start, double hours) const;
  Result<double> BusinessHoursBetween(int64_t start, int64_t end) const;

  // Batch forms: out[i] for starts[i] and hours[i] (ends[i]); n = 0 is fine
  // with null pointers. The first bad row's error names its index; out is
  // then partly written.
  Status Deadlines(const int64_t* starts, const double* hours, size_t n, int64_t* out) const;
  Status BusinessHoursBetweenMany(const int64_t* starts, const int64_t* ends, size_t n,
                                  double* out) const;

  // The spec as given, holidays sorted.
  const BusinessCalendarSpec& spec() const;

  struct Impl;

 private:
  explicit BusinessCalendar(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;  // immutable: copies share it across threads
};

// A calendar's JSON object, as in a rules file:
//   {"time_zone": "Europe/Berlin", "open": "09:00", "close": "17:00",
//    "weekdays": [0, 1, 2, 3, 4], "holidays": ["2026-12-25", "2026-12-26"]}
// Every key is optional (defaults of BusinessCalendarSpec); "close" may be
// "24:00". Times are "HH:MM"; dates "YYYY-MM-DD"; weekdays 0 (Monday) to 6,
// each at most once. Unknown keys, keys given twice, values of the wrong kind
// and malformed text are CANDOR_PARSE_ERROR naming the key; the values are
// then checked as by BusinessCalendar::Make (call it to load the zone).
Result<BusinessCalendarSpec> ParseBusinessCalendarJson(std::string_view json);

// "HH:MM" (00:00 to 24:00) as minutes after midnight, and a "YYYY-MM-DD"
// date as days since 1970-01-01; CANDOR_PARSE_ERROR otherwise.
Result<int> ParseTimeOfDay(std::string_view text);
Result<int32_t> ParseCivilDate(std::string_view text);

}  // namespace candor

#endif  // CANDOR_BUSINESS_HOURS_HPP_
