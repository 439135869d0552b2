// ParseBusinessCalendarJson and the texts it reads: "HH:MM" times of day and
// "YYYY-MM-DD" dates (include/candor/business_hours.hpp).
#include <candor/business_hours.hpp>
#include <cstdint>
#include <new>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>

#include "absl/time/civil_time.h"
#include "common/quote.hpp"

namespace candor {
namespace {

using Json = nlohmann::json;

// A calendar object nests two deep (the object, its arrays).
constexpr int kMaxDepth = 2;

bool ReadDigits(std::string_view text, size_t begin, size_t count, int* value) {
  int v = 0;
  for (size_t i = begin; i < begin + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  *value = v;
  return true;
}

Status BadKey(std::string_view key, const std::string& what) {
  return ParseError("business calendar JSON: \"" + std::string(key) + "\" " + what);
}

}  // namespace

Result<int> ParseTimeOfDay(std::string_view text) {
  int hour = 0;
  int minute = 0;
  if (text.size() != 5 || text[2] != ':' || !ReadDigits(text, 0, 2, &hour) ||
      !ReadDigits(text, 3, 2, &minute) || minute > 59 || hour > 24 || (hour == 24 && minute > 0)) {
    return ParseError("time of day " + internal::QuoteForMessage(text) +
                      " is not \"HH:MM\" from 00:00 to 24:00");
  }
  return hour * 60 + minute;
}

Result<int32_t> ParseCivilDate(std::string_view text) {
  int year = 0;
  int month = 0;
  int day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ReadDigits(text, 0, 4, &year) ||
      !ReadDigits(text, 5, 2, &month) || !ReadDigits(text, 8, 2, &day)) {
    return ParseError("date " + internal::QuoteForMessage(text) + " is not \"YYYY-MM-DD\"");
  }
  const absl::CivilDay civil(year, month, day);
  if (civil.year() != year || civil.month() != month || civil.day() != day) {
    return ParseError("date " + internal::QuoteForMessage(text) + " is not a calendar date");
  }
  return static_cast<int32_t>(civil - absl::CivilDay(1970, 1, 1));
}

Result<BusinessCalendarSpec> ParseBusinessCalendarJson(std::string_view text) {
  try {
    // nlohmann keeps the last of a repeated key silently and nests without
    // limit: the callback refuses both while parsing.
    std::string problem;
    std::vector<std::set<std::string>> keys;
    const auto watch = [&](int depth, Json::parse_event_t event, Json& parsed) {
      using Event = Json::parse_event_t;
      if (!problem.empty()) return false;
      if (event == Event::object_start || event == Event::array_start) {
        if (depth >= kMaxDepth) {
          problem = "nested deeper than a calendar object (an object of strings and arrays)";
          return false;
        }
        if (event == Event::object_start) keys.emplace_back();
      } else if (event == Event::object_end) {
        if (!keys.empty()) keys.pop_back();
      } else if (event == Event::key && !keys.empty()) {
        const std::string key = parsed.get<std::string>();
        if (!keys.back().insert(key).second) {
          problem = "\"" + key + "\" is given twice";
          return false;
        }
      }
      return true;
    };
    Json json = Json::parse(text.begin(), text.end(), watch, /*allow_exceptions=*/false);
    if (!problem.empty()) return ParseError("business calendar JSON: " + problem);
    if (json.is_discarded()) {
      return ParseError("business calendar JSON: not valid JSON");
    }
    if (!json.is_object()) {
      return ParseError(
          "business calendar JSON: expected an object like {\"time_zone\": "
          "\"Europe/Berlin\", \"open\": \"09:00\", \"close\": \"17:00\", "
          "\"weekdays\": [0, 1, 2, 3, 4], \"holidays\": [\"2026-12-25\"]}");
    }
    BusinessCalendarSpec spec;
    for (const auto& [key, value] : json.items()) {
      if (key == "time_zone") {
        if (!value.is_string()) return BadKey(key, "must be a string (an IANA time zone name)");
        spec.time_zone = value.get<std::string>();
      } else if (key == "open" || key == "close") {
        if (!value.is_string()) return BadKey(key, "must be a string \"HH:MM\"");
        Result<int> minute = ParseTimeOfDay(value.get<std::string>());
        if (!minute.ok()) return BadKey(key, minute.status().message());
        (key == "open" ? spec.open_minute : spec.close_minute) = *minute;
      } else if (key == "weekdays") {
        if (!value.is_array()) return BadKey(key, "must be an array of weekdays 0 (Monday) to 6");
        spec.weekdays = 0;
        for (const Json& day : value) {
          if (!day.is_number_integer() || day.get<int64_t>() < 0 || day.get<int64_t>() > 6) {
            return BadKey(key, "holds " + day.dump() + "; weekdays are integers 0 (Monday) to 6");
          }
          const uint8_t bit = static_cast<uint8_t>(1u << day.get<int>());
          if ((spec.weekdays & bit) != 0) {
            return BadKey(key, "holds " + day.dump() + " twice");
          }
          spec.weekdays |= bit;
        }
      } else if (key == "holidays") {
        if (!value.is_array()) return BadKey(key, "must be an array of \"YYYY-MM-DD\" dates");
        for (const Json& day : value) {
          if (!day.is_string()) {
            return BadKey(key, "holds " + day.dump() + "; holidays are \"YYYY-MM-DD\" strings");
          }
          Result<int32_t> date = ParseCivilDate(day.get<std::string>());
          if (!date.ok()) return BadKey(key, date.status().message());
          spec.holidays.push_back(*date);
        }
      } else {
        return ParseError("business calendar JSON: unknown key " + internal::QuoteForMessage(key) +
                          " (keys: time_zone, open, close, weekdays, holidays)");
      }
    }
    return spec;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "business calendar JSON: out of memory");
  }
}

}  // namespace candor
