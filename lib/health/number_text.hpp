// Numbers in text: with every digit they have ("%.17g") in the error
// messages of scorecard.cc and scorecard_json.cc, and the short forms of the
// reasons' words (score_health.cc).
#ifndef CANDOR_HEALTH_NUMBER_TEXT_HPP_
#define CANDOR_HEALTH_NUMBER_TEXT_HPP_

#include <charconv>
#include <cstdio>
#include <string>
#include <system_error>

namespace candor::health_internal {

inline std::string Num(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.17g", x);
  return buffer;
}

// Appends x as printf's "%.6g" writes it (six significant digits: "14",
// "0.333333", "1.5e+07"). std::to_chars with a precision is specified as
// printf in the "C" locale, so the text is the same, made without parsing a
// format or consulting the locale: a reason's words are made millions of
// times.
inline void AppendSixDigits(std::string* out, double x) {
  char buffer[32];  // "-1.79769e+308" at most
  const std::to_chars_result r =
      std::to_chars(buffer, buffer + sizeof(buffer), x, std::chars_format::general, 6);
  out->append(buffer, r.ptr);
}

// Appends x as printf's "%.1f" writes it ("18.0", "-0.0", "1e+300" in full).
inline void AppendOneDecimal(std::string* out, double x) {
  char buffer[320];  // 309 digits before the point at most, a sign, ".0"
  const std::to_chars_result r =
      std::to_chars(buffer, buffer + sizeof(buffer), x, std::chars_format::fixed, 1);
  out->append(buffer, r.ptr);
}

}  // namespace candor::health_internal

#endif  // CANDOR_HEALTH_NUMBER_TEXT_HPP_
