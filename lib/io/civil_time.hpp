// Calendar arithmetic for the proleptic Gregorian calendar.
#ifndef CANDOR_IO_CIVIL_TIME_HPP_
#define CANDOR_IO_CIVIL_TIME_HPP_

#include <cstdint>

namespace candor {
namespace internal {

constexpr bool IsLeapYear(int64_t year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

// Days in `month` (1..12) of `year`.
constexpr int DaysInMonth(int64_t year, int month) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 of the date year-month-day (month 1..12, day valid).
// The "days_from_civil" algorithm of Howard Hinnant, "chrono-Compatible
// Low-Level Date Algorithms" (2013, howardhinnant.github.io/date_algorithms.html):
// count years from March so the leap day ends the year, split time into
// 400-year eras of 146097 days, and find the day of the year with the linear
// formula (153 * m + 2) / 5 for March-based month m.
constexpr int64_t DaysFromCivil(int64_t year, int month, int day) {
  const int64_t march_year = month <= 2 ? year - 1 : year;
  const int64_t era = (march_year >= 0 ? march_year : march_year - 399) / 400;
  const int64_t year_of_era = march_year - era * 400;                 // [0, 399]
  const int64_t march_month = month > 2 ? month - 3 : month + 9;      // [0, 11]
  const int64_t day_of_year = (153 * march_month + 2) / 5 + day - 1;  // [0, 365]
  const int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // [0, 146096]
  // 719468 days separate 0000-03-01, the start of era 0, from 1970-01-01.
  return era * 146097 + day_of_era - 719468;
}

// A proleptic Gregorian date.
struct CivilDay {
  int64_t year;
  int month;  // 1..12
  int day;    // 1..31
};

// The date `days` days after 1970-01-01: the inverse of DaysFromCivil, by
// Hinnant's "civil_from_days" (same reference): shift to days since
// 0000-03-01, split into 400-year eras, find the year of the era and the day
// of the March-based year, and invert (153 * m + 2) / 5 with (5 * d + 2) / 153.
// Every int64 day count whose year fits in int64 has its date; the callers'
// days come from Unix seconds / 86400, far inside.
constexpr CivilDay CivilFromDays(int64_t days) {
  const int64_t shifted = days + 719468;
  const int64_t era = (shifted >= 0 ? shifted : shifted - 146096) / 146097;
  const int64_t day_of_era = shifted - era * 146097;  // [0, 146096]
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t march_month = (5 * day_of_year + 2) / 153;                          // [0, 11]
  const int day = static_cast<int>(day_of_year - (153 * march_month + 2) / 5 + 1);  // [1, 31]
  const int month = static_cast<int>(march_month < 10 ? march_month + 3 : march_month - 9);
  return {year_of_era + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

}  // namespace internal
}  // namespace candor

#endif  // CANDOR_IO_CIVIL_TIME_HPP_
