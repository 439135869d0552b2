// Runs of digit groups ("+1 (555) 123-4567", "4111 1111 1111 1111"), the
// shape phone numbers and card numbers share, and the context around them.
#ifndef CANDOR_LIB_PII_DIGIT_RUNS_HPP_
#define CANDOR_LIB_PII_DIGIT_RUNS_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace candor::pii::internal {

struct DigitGroup {
  uint32_t begin = 0;  // byte offsets of the group's digits ("(" and ")" excluded)
  uint32_t end = 0;
  bool parenthesized = false;
};

struct DigitRun {
  uint32_t begin = 0;  // the first byte: a digit, '+' or '('
  uint32_t end = 0;    // after the last digit (or ')')
  bool plus = false;
  bool dots = false;  // some group is separated by '.'
  std::vector<DigitGroup> groups;
};

// Reads the run that starts at `at`: groups of digits separated by one byte
// of `separators`, or by ')' plus at most one separator after a
// parenthesized group (only when `parentheses`); '+' first when `plus_sign`.
// Stops after `max_digits` digits. False when `at` starts no run.
bool ReadDigitRun(std::string_view text, size_t at, std::string_view separators, bool parentheses,
                  bool plus_sign, size_t max_digits, DigitRun* run);

// Whether a run may start at `at`: not glued to a word or to a number before
// it ("INC0012345", "v1.2.3", "1,234,567").
bool StartsNumber(std::string_view text, size_t at);
// Whether a run may end at `end`: no letter or digit follows, nor a
// separator and a digit ("12.5", "3-4").
bool EndsNumber(std::string_view text, size_t end);

// The digits of groups [0, count) of a run.
std::string GroupDigits(std::string_view text, const DigitRun& run, size_t count);

}  // namespace candor::pii::internal

#endif  // CANDOR_LIB_PII_DIGIT_RUNS_HPP_
