#include "number.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <system_error>

namespace candor {
namespace internal {

std::string_view TrimBlanks(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool ParseFiniteDouble(std::string_view text, double* value, std::string* why) {
  // std::from_chars never looks at the locale (unlike strtod), but it takes no
  // leading '+'; accept one before a digit or a point.
  if (text.size() >= 2 && text[0] == '+' && text[1] != '-' && text[1] != '+') {
    text.remove_prefix(1);
  }
  const char* const end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, *value);
  if (error == std::errc::result_out_of_range) {
    *why = "is out of the range of a double";
    return false;
  }
  if (error != std::errc() || stop != end || text.empty()) {
    *why = "is not a number";
    return false;
  }
  if (!std::isfinite(*value)) {
    *why = "is not a finite number (NaN and infinity are not accepted)";
    return false;
  }
  return true;
}

bool ParseFiniteDouble(std::string_view text, char decimal, double* value, std::string* why) {
  if (decimal != ',') {
    if (ParseFiniteDouble(text, value, why)) return true;
    if (text.find(',') != std::string_view::npos && text.find('.') == std::string_view::npos) {
      std::string dotted(text);
      for (char& c : dotted) c = c == ',' ? '.' : c;
      double ignored = 0;
      std::string ignored_why;
      if (ParseFiniteDouble(dotted, &ignored, &ignored_why)) {
        *why += " (a decimal comma? set decimal ',': --decimal , in the CLI)";
      }
    }
    return false;
  }
  if (text.find('.') != std::string_view::npos) {
    *why = "is not a number (the decimal separator is ',', and '.' is not accepted)";
    return false;
  }
  std::string dotted(text);
  for (char& c : dotted) c = c == ',' ? '.' : c;
  return ParseFiniteDouble(dotted, value, why);
}

}  // namespace internal
}  // namespace candor
