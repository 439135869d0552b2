// IBANs: country, check digits, account; the MOD 97-10 check.
#include <string>
#include <string_view>
#include <vector>

#include "scanners.hpp"

namespace candor::pii::internal {

void FindIbans(std::string_view text, std::vector<Range>* out) {
  const size_t n = text.size();
  std::string compact;            // letters and digits without the spaces
  std::vector<uint32_t> ends;     // byte offset after each group
  std::vector<uint32_t> lengths;  // compact length after each group
  for (size_t i = 0; i + 4 < n; ++i) {
    if (!IsAlpha(text[i]) || !IsAlpha(text[i + 1]) || !IsDigit(text[i + 2]) ||
        !IsDigit(text[i + 3]) || (i > 0 && IsWordByte(static_cast<unsigned char>(text[i - 1])))) {
      continue;
    }
    compact.clear();
    ends.clear();
    lengths.clear();
    size_t j = i;
    bool spaced = false;
    while (compact.size() < 34) {
      size_t g = j;
      while (g < n && IsAlnum(text[g]) && compact.size() + (g - j) < 34) ++g;
      if (g == j) break;
      // Groups after a space are of four, except the last.
      if (spaced && g - j > 4) break;
      compact.append(text.substr(j, g - j));
      ends.push_back(static_cast<uint32_t>(g));
      lengths.push_back(static_cast<uint32_t>(compact.size()));
      if (g + 1 < n && text[g] == ' ' && IsAlnum(text[g + 1]) && (g - j) == 4) {
        spaced = true;
        j = g + 1;
      } else {
        break;
      }
    }
    const int expected = IbanLength(text[i], text[i + 1]);
    for (size_t k = ends.size(); k-- > 0;) {
      const uint32_t length = lengths[k];
      if (expected != 0 ? static_cast<int>(length) != expected : (length < 15 || length > 34)) {
        continue;
      }
      if (ends[k] < n && IsWordByte(static_cast<unsigned char>(text[ends[k]]))) continue;
      if (!Iban97Valid(std::string_view(compact).substr(0, length))) continue;
      out->push_back({static_cast<uint32_t>(i), ends[k]});
      i = ends[k] - 1;
      break;
    }
  }
}

}  // namespace candor::pii::internal
