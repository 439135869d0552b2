#include "common/quote.hpp"

#include <cstdio>
#include <string>
#include <string_view>

namespace candor {
namespace internal {

std::string QuoteForMessage(std::string_view text) {
  constexpr size_t kMaxBytes = 48;
  bool cut = false;
  if (text.size() > kMaxBytes) {
    size_t end = kMaxBytes;
    // Back off continuation bytes (10xxxxxx) so no character is split.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text = text.substr(0, end);
    cut = true;
  }
  std::string quoted = "'";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      quoted += "\\n";
    } else if (c == '\r') {
      quoted += "\\r";
    } else if (c == '\t') {
      quoted += "\\t";
    } else if (byte < 0x20 || byte == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
      quoted += escaped;
    } else {
      quoted += c;
    }
  }
  quoted += cut ? "...'" : "'";
  return quoted;
}

}  // namespace internal
}  // namespace candor
