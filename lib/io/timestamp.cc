// ParseTimestamp: epoch seconds or a subset of ISO 8601 into Unix seconds;
// UtcCivilTime: Unix seconds back into a UTC date and time.
#include <candor/csv.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "civil_time.hpp"
#include "common/quote.hpp"

namespace candor {
namespace {

constexpr std::string_view kForms =
    "expected epoch seconds or ISO 8601 YYYY-MM-DD[Thh:mm[:ss[.fff]]][Z|+hh:mm|-hh:mm|+hhmm]";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `count` digits at text[pos...]; false if any is missing.
bool ReadDigits(std::string_view text, size_t pos, size_t count, int* value) {
  if (pos + count > text.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (!IsDigit(text[i])) return false;
    v = v * 10 + (text[i] - '0');
  }
  *value = v;
  return true;
}

Status NotATime(std::string_view text) {
  return ParseError(internal::QuoteForMessage(text) + " is not a time: " + std::string(kForms));
}

Status OutOfRangeField(std::string_view text, const std::string& what) {
  return ParseError(internal::QuoteForMessage(text) + " is not a valid time: " + what);
}

// An optionally signed run of decimal digits, without overflow.
Result<int64_t> ParseEpochSeconds(std::string_view text) {
  size_t pos = 0;
  bool negative = false;
  if (text[0] == '+' || text[0] == '-') {
    negative = text[0] == '-';
    pos = 1;
  }
  if (pos == text.size()) return NotATime(text);
  // Accumulate negatively: the negative range of int64_t is the larger one.
  int64_t value = 0;
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  for (; pos < text.size(); ++pos) {
    if (!IsDigit(text[pos])) return NotATime(text);
    const int digit = text[pos] - '0';
    if (value < (kMin + digit) / 10) {
      return OutOfRangeField(text, "epoch seconds overflow a 64-bit integer");
    }
    value = value * 10 - digit;
  }
  if (!negative) {
    if (value == kMin) return OutOfRangeField(text, "epoch seconds overflow a 64-bit integer");
    value = -value;
  }
  return value;
}

// The UTC offset at text[pos...] in seconds east of Greenwich; it must run to
// the end of the text.
Result<int64_t> ParseOffset(std::string_view text, size_t pos) {
  if (pos == text.size()) return int64_t{0};  // no offset: UTC
  const char sign = text[pos];
  if ((sign == 'Z' || sign == 'z') && pos + 1 == text.size()) return int64_t{0};
  if (sign != '+' && sign != '-') return NotATime(text);
  int hours = 0;
  int minutes = 0;
  if (!ReadDigits(text, pos + 1, 2, &hours)) return NotATime(text);
  size_t minutes_at = pos + 3;
  if (minutes_at < text.size() && text[minutes_at] == ':') ++minutes_at;
  if (!ReadDigits(text, minutes_at, 2, &minutes) || minutes_at + 2 != text.size()) {
    return NotATime(text);
  }
  if (hours > 23 || minutes > 59) {
    return OutOfRangeField(text, "UTC offset must be within -23:59..+23:59");
  }
  const int64_t seconds = hours * 3600 + minutes * 60;
  return sign == '-' ? -seconds : seconds;
}

Result<int64_t> ParseIso8601(std::string_view text) {
  int year = 0;
  int month = 0;
  int day = 0;
  if (text.size() < 10 || !ReadDigits(text, 0, 4, &year) || text[4] != '-' ||
      !ReadDigits(text, 5, 2, &month) || text[7] != '-' || !ReadDigits(text, 8, 2, &day)) {
    return NotATime(text);
  }
  if (month < 1 || month > 12) {
    return OutOfRangeField(text, "month " + std::to_string(month) + " is not in 1..12");
  }
  const int days_in_month = internal::DaysInMonth(year, month);
  if (day < 1 || day > days_in_month) {
    return OutOfRangeField(text, "day " + std::to_string(day) + " is not in 1.." +
                                     std::to_string(days_in_month) + " for that month");
  }
  const int64_t days = internal::DaysFromCivil(year, month, day);
  if (text.size() == 10) return days * 86400;

  const char separator = text[10];
  int hour = 0;
  int minute = 0;
  int second = 0;
  if ((separator != 'T' && separator != ' ') || !ReadDigits(text, 11, 2, &hour) ||
      text.size() < 16 || text[13] != ':' || !ReadDigits(text, 14, 2, &minute)) {
    return NotATime(text);
  }
  size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!ReadDigits(text, pos + 1, 2, &second)) return NotATime(text);
    pos += 3;
    // Fractions of a second are dropped: times are stored in whole seconds.
    if (pos < text.size() && text[pos] == '.') {
      const size_t digits_at = ++pos;
      while (pos < text.size() && IsDigit(text[pos])) ++pos;
      if (pos == digits_at) return NotATime(text);
    }
  }
  if (hour > 23) return OutOfRangeField(text, "hour " + std::to_string(hour) + " is not in 0..23");
  if (minute > 59) {
    return OutOfRangeField(text, "minute " + std::to_string(minute) + " is not in 0..59");
  }
  if (second > 59) {
    return OutOfRangeField(text, "second " + std::to_string(second) +
                                     " is not in 0..59 (leap seconds are not supported)");
  }
  Result<int64_t> offset = ParseOffset(text, pos);
  if (!offset.ok()) return offset.status();
  return days * 86400 + hour * 3600 + minute * 60 + second - *offset;
}

}  // namespace

Result<int64_t> ParseTimestamp(std::string_view text) {
  if (text.empty()) return ParseError("empty time: " + std::string(kForms));
  // ISO 8601 starts with a four-digit year and a dash; anything else that
  // parses is epoch seconds.
  if (text.size() >= 5 && text[4] == '-' && IsDigit(text[0])) return ParseIso8601(text);
  return ParseEpochSeconds(text);
}

CivilTime UtcCivilTime(int64_t unix_seconds) {
  // Floor division: a time before 1970 belongs to the day that began before it.
  int64_t days = unix_seconds / 86400;
  int64_t seconds = unix_seconds % 86400;
  if (seconds < 0) {
    --days;
    seconds += 86400;
  }
  const internal::CivilDay date = internal::CivilFromDays(days);
  CivilTime time;
  time.year = date.year;
  time.month = date.month;
  time.day = date.day;
  time.hour = static_cast<int>(seconds / 3600);
  time.minute = static_cast<int>(seconds / 60 % 60);
  time.second = static_cast<int>(seconds % 60);
  return time;
}

}  // namespace candor
