// UtcCivilTime (candor/csv.hpp) and internal::CivilFromDays
// (lib/io/civil_time.hpp): Unix seconds back to a UTC date and time, the
// inverse of ParseTimestamp and of DaysFromCivil.
#include "civil_time.hpp"

#include <gtest/gtest.h>

#include <candor/csv.hpp>
#include <cstdint>
#include <cstdio>
#include <string>

namespace candor {
namespace {

std::string Iso(const CivilTime& t) {
  char text[64];
  std::snprintf(text, sizeof text, "%04lld-%02d-%02dT%02d:%02d:%02dZ",
                static_cast<long long>(t.year), t.month, t.day, t.hour, t.minute, t.second);
  return text;
}

TEST(UtcCivilTime, KnownInstants) {
  EXPECT_EQ(Iso(UtcCivilTime(0)), "1970-01-01T00:00:00Z");
  EXPECT_EQ(Iso(UtcCivilTime(-1)), "1969-12-31T23:59:59Z");
  EXPECT_EQ(Iso(UtcCivilTime(-86400)), "1969-12-31T00:00:00Z");
  EXPECT_EQ(Iso(UtcCivilTime(951782400)), "2000-02-29T00:00:00Z");
  EXPECT_EQ(Iso(UtcCivilTime(1767225599)), "2025-12-31T23:59:59Z");
  EXPECT_EQ(Iso(UtcCivilTime(-62167219200)), "0000-01-01T00:00:00Z");
  EXPECT_EQ(Iso(UtcCivilTime(253402300799)), "9999-12-31T23:59:59Z");
  const CivilTime far = UtcCivilTime(INT64_MAX);
  EXPECT_EQ(far.year, 292277026596);
  EXPECT_EQ(Iso(UtcCivilTime(INT64_MIN)).substr(0, 1), "-");
}

TEST(UtcCivilTime, InvertsParseTimestamp) {
  // Every 997 hours and 13 seconds from 0000 to 9999: all months, leap days,
  // and times of day.
  for (int64_t t = -62167219200; t < 253402300799; t += 997 * 3600 + 13) {
    Result<int64_t> parsed = ParseTimestamp(Iso(UtcCivilTime(t)));
    ASSERT_TRUE(parsed.ok()) << t;
    ASSERT_EQ(*parsed, t);
  }
}

TEST(CivilFromDays, InvertsDaysFromCivil) {
  for (int64_t days = -1000000; days <= 1000000; ++days) {
    const internal::CivilDay date = internal::CivilFromDays(days);
    ASSERT_GE(date.day, 1);
    ASSERT_LE(date.day, internal::DaysInMonth(date.year, date.month));
    ASSERT_EQ(internal::DaysFromCivil(date.year, date.month, date.day), days) << days;
  }
  static_assert(internal::CivilFromDays(0).year == 1970, "usable in constant expressions");
}

}  // namespace
}  // namespace candor
