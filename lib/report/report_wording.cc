// Numbers as the report's sentences show them.
#include "report_wording.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace candor::report_internal {

std::string Fixed(double value, int digits) {
  if (!std::isfinite(value)) return "n/a";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  std::string text = buffer;
  if (text.find_first_not_of("-0.") == std::string::npos && text[0] == '-') text.erase(0, 1);
  return text;
}

std::string Percent(double share) { return Fixed(100 * share, 1) + "%"; }

std::string LevelText(double level) {
  std::string text = Fixed(100 * level, 3);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text + "%";
}

std::string Points(double value) {
  std::string text = Fixed(value, 1);
  return text + (text == "1.0" ? " point" : " points");
}

}  // namespace candor::report_internal
