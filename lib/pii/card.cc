// Payment card numbers: 13-19 digits that pass the Luhn check.
#include <string>
#include <string_view>
#include <vector>

#include "digit_runs.hpp"
#include "scanners.hpp"

namespace candor::pii::internal {
namespace {

bool AllOneDigit(std::string_view digits) {
  return digits.find_first_not_of(digits[0]) == std::string_view::npos;
}

}  // namespace

void FindCards(std::string_view text, std::vector<Range>* out) {
  const size_t n = text.size();
  DigitRun run;
  for (size_t i = 0; i < n; ++i) {
    if (!IsDigit(text[i]) || !StartsNumber(text, i)) continue;
    if (i > 0 && text[i - 1] == '+') continue;  // an international phone number
    ReadDigitRun(text, i, " -", /*parentheses=*/false, /*plus_sign=*/false, 24, &run);
    const size_t run_end = run.end;
    // The longest prefix of whole groups that is a card ("4111 1111 1111
    // 1111 123": the number, then the security code).
    for (size_t count = run.groups.size(); count >= 1; --count) {
      const uint32_t end = run.groups[count - 1].end;
      if (count == run.groups.size() && !EndsNumber(text, end)) continue;
      if (count > 1) {
        bool sized = true;  // groups of 3-6 digits ("4111 1111 ...", "3782 822463 10005")
        for (size_t g = 0; g < count; ++g) {
          const uint32_t length = run.groups[g].end - run.groups[g].begin;
          sized &= length >= 3 && length <= 6;
        }
        if (!sized) continue;
      }
      std::string digits = GroupDigits(text, run, count);
      if (digits.size() < 13 || digits.size() > 19) continue;
      if (digits[0] < '2' || digits[0] > '6' || AllOneDigit(digits) || !LuhnValid(digits)) continue;
      out->push_back({run.begin, end});
      break;
    }
    i = run_end - 1;  // digits inside a run never start another
  }
}

}  // namespace candor::pii::internal
