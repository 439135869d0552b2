// Runs of digit groups for the phone and card detectors.
#include "digit_runs.hpp"

#include <string>
#include <string_view>

#include "scanners.hpp"

namespace candor::pii::internal {

bool ReadDigitRun(std::string_view text, size_t at, std::string_view separators, bool parentheses,
                  bool plus_sign, size_t max_digits, DigitRun* run) {
  const size_t n = text.size();
  run->groups.clear();
  run->begin = static_cast<uint32_t>(at);
  run->plus = false;
  run->dots = false;
  size_t i = at;
  if (plus_sign && i < n && text[i] == '+') {
    run->plus = true;
    ++i;
  }
  size_t digits = 0;
  size_t end = i;
  while (i < n && digits < max_digits) {
    bool open = false;
    size_t g = i;
    if (parentheses && text[g] == '(') {
      open = true;
      ++g;
    }
    size_t d = g;
    while (d < n && IsDigit(text[d]) && digits + (d - g) < max_digits) ++d;
    if (d == g) break;
    if (open) {
      if (d >= n || text[d] != ')') break;
    }
    run->groups.push_back({static_cast<uint32_t>(g), static_cast<uint32_t>(d), open});
    digits += d - g;
    end = open ? d + 1 : d;
    // The next group: one separator (after ')' the separator is optional).
    size_t next = end;
    if (next < n && separators.find(text[next]) != std::string_view::npos) {
      if (text[next] == '.') run->dots = true;
      ++next;
    } else if (!open) {
      break;
    }
    if (next >= n || !(IsDigit(text[next]) || (parentheses && text[next] == '('))) break;
    i = next;
  }
  run->end = static_cast<uint32_t>(end);
  return !run->groups.empty();
}

bool StartsNumber(std::string_view text, size_t at) {
  if (at == 0) return true;
  const unsigned char before = static_cast<unsigned char>(text[at - 1]);
  if (IsWordByte(before)) return false;
  if ((before == '.' || before == ',' || before == '-' || before == '/' || before == ':') &&
      at >= 2 && IsDigit(text[at - 2])) {
    return false;
  }
  return true;
}

bool EndsNumber(std::string_view text, size_t end) {
  if (end >= text.size()) return true;
  const unsigned char after = static_cast<unsigned char>(text[end]);
  if (IsWordByte(after)) return false;
  if ((after == '.' || after == ',' || after == '-' || after == '/' || after == ':') &&
      end + 1 < text.size() && IsDigit(text[end + 1])) {
    return false;
  }
  return true;
}

std::string GroupDigits(std::string_view text, const DigitRun& run, size_t count) {
  std::string digits;
  for (size_t g = 0; g < count; ++g) {
    digits.append(text.substr(run.groups[g].begin, run.groups[g].end - run.groups[g].begin));
  }
  return digits;
}

}  // namespace candor::pii::internal
