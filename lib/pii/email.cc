// Emails: local@domain.tld around each '@'.
#include <string_view>
#include <vector>

#include "scanners.hpp"

namespace candor::pii::internal {
namespace {

bool IsLocalByte(char c) {
  return IsAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool IsDomainByte(char c) { return IsAlnum(c) || c == '-' || c == '.'; }

}  // namespace

void FindEmails(std::string_view text, std::vector<Range>* out) {
  const size_t n = text.size();
  size_t resume = 0;  // no match may start before the end of the last one
  for (size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    if (at < resume) continue;
    size_t begin = at;
    while (begin > resume && IsLocalByte(text[begin - 1])) --begin;
    while (begin < at && text[begin] == '.') ++begin;  // no leading dot
    if (begin == at) continue;
    size_t end = at + 1;
    while (end < n && IsDomainByte(text[end])) ++end;
    // Trim what cannot end a domain ("mail me at a@b.com." ends at "com").
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    // The last label: >= 2 letters, after a dot that follows a non-empty label.
    size_t dot = text.rfind('.', end - 1);
    if (dot == std::string_view::npos || dot <= at + 1 || end - dot - 1 < 2) continue;
    bool tld_letters = true;
    for (size_t i = dot + 1; i < end; ++i) tld_letters &= IsAlpha(text[i]);
    if (!tld_letters || text[at + 1] == '.' || text[at + 1] == '-') continue;
    if (text.substr(at + 1, end - at - 1).find("..") != std::string_view::npos) continue;
    out->push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    resume = end;
  }
}

}  // namespace candor::pii::internal
