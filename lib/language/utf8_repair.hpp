// UTF-8 helpers of the tokenizer: an ASCII test (the fast path's gate) and
// the repair of ill-formed input.
#ifndef CANDOR_LANGUAGE_UTF8_REPAIR_HPP_
#define CANDOR_LANGUAGE_UTF8_REPAIR_HPP_

#include <string>
#include <string_view>

namespace candor::text::internal {

// True when every byte is < 0x80.
bool IsAscii(std::string_view bytes);

// Appends `bytes` to *out with each maximal subpart of an ill-formed
// subsequence replaced by U+FFFD (Unicode 15, §3.9 "U+FFFD Substitution of
// Maximal Subparts"; the practice of the W3C/WHATWG Encoding Standard and of
// Python's bytes.decode("utf-8", "replace")). Returns true if anything was
// replaced.
bool RepairUtf8(std::string_view bytes, std::string* out);

}  // namespace candor::text::internal

#endif  // CANDOR_LANGUAGE_UTF8_REPAIR_HPP_
