// RedactPii: the detectors' spans, overlaps resolved by kind, replaced by
// placeholders.
#include <algorithm>
#include <candor/enum_names.hpp>
#include <candor/pii.hpp>
#include <candor/utf8.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "scanners.hpp"

namespace candor::pii {
namespace {

using internal::Range;

bool Overlaps(const Range& a, const Range& b) { return a.begin < b.end && b.begin < a.end; }

// Adds the ranges of `kind` that overlap none already taken; both lists are
// sorted and free of overlaps within themselves, so one merge does it.
void TakeFree(const std::vector<Range>& ranges, PiiKind kind, std::vector<PiiSpan>* taken) {
  std::vector<PiiSpan> merged;
  merged.reserve(taken->size() + ranges.size());
  size_t t = 0;
  for (const Range& range : ranges) {
    while (t < taken->size() && (*taken)[t].end <= range.begin) merged.push_back((*taken)[t++]);
    const bool free = t >= taken->size() || !Overlaps({(*taken)[t].begin, (*taken)[t].end}, range);
    if (free) merged.push_back({kind, range.begin, range.end, 0, 0});
  }
  while (t < taken->size()) merged.push_back((*taken)[t++]);
  taken->swap(merged);
}

// Whether any range of a sorted list overlaps `url`.
bool AnyInside(const std::vector<Range>& ranges, const Range& url) {
  auto it = std::lower_bound(ranges.begin(), ranges.end(), url.begin,
                             [](const Range& r, uint32_t at) { return r.end <= at; });
  return it != ranges.end() && Overlaps(*it, url);
}

}  // namespace

// The library's one table of enum names (candor/enum_names.hpp).
const char* PiiKindName(PiiKind kind) {
  const char* name = EnumName(CANDOR_ENUM_PII_KIND, kind);
  return name != nullptr ? name : "unknown";
}

Result<Redaction> RedactPii(std::string_view text, const RedactOptions& options) {
  if ((options.kinds & ~kAllPiiKinds) != 0) {
    return InvalidArgument("RedactPii: kinds has bits beyond the " + std::to_string(kPiiKindCount) +
                           " kinds (email, phone, card, iban, url)");
  }
  if (text.size() >= std::numeric_limits<uint32_t>::max()) {
    return InvalidArgument("RedactPii: a text of 4 GiB or more");
  }
  if (auto bad = FindInvalidUtf8(text)) {
    return InvalidUtf8("RedactPii: invalid UTF-8 at byte " + std::to_string(*bad) + " of the text");
  }
  auto wants = [&options](PiiKind kind) { return (options.kinds & PiiKindBit(kind)) != 0; };
  std::vector<Range> emails, ibans, cards, phones, redacted_urls, kept_urls;
  if (wants(PiiKind::kEmail)) internal::FindEmails(text, &emails);
  if (wants(PiiKind::kIban)) internal::FindIbans(text, &ibans);
  if (wants(PiiKind::kCard)) internal::FindCards(text, &cards);
  if (wants(PiiKind::kPhone)) internal::FindPhones(text, &phones);
  if (wants(PiiKind::kUrl)) {
    std::vector<internal::UrlRange> urls;
    internal::FindUrls(text, &urls);
    for (const internal::UrlRange& url : urls) {
      const bool redact = options.redact_all_urls || url.has_secret ||
                          AnyInside(emails, url.range) || AnyInside(ibans, url.range) ||
                          AnyInside(cards, url.range);
      (redact ? redacted_urls : kept_urls).push_back(url.range);
    }
  }
  // A kept URL shields its digits from the phone detector.
  if (!kept_urls.empty() && !phones.empty()) {
    phones.erase(std::remove_if(phones.begin(), phones.end(),
                                [&](const Range& phone) { return AnyInside(kept_urls, phone); }),
                 phones.end());
  }
  Redaction result;
  TakeFree(redacted_urls, PiiKind::kUrl, &result.spans);
  TakeFree(emails, PiiKind::kEmail, &result.spans);
  TakeFree(ibans, PiiKind::kIban, &result.spans);
  TakeFree(cards, PiiKind::kCard, &result.spans);
  TakeFree(phones, PiiKind::kPhone, &result.spans);

  result.text.reserve(text.size());
  uint32_t at = 0;
  for (PiiSpan& span : result.spans) {
    result.text.append(text.substr(at, span.begin - at));
    const std::string& placeholder = options.placeholders[static_cast<int>(span.kind)];
    span.output_begin = static_cast<uint32_t>(result.text.size());
    result.text.append(placeholder);
    span.output_end = static_cast<uint32_t>(result.text.size());
    at = span.end;
  }
  result.text.append(text.substr(at));
  if (result.text.size() >= std::numeric_limits<uint32_t>::max()) {
    return InvalidArgument("RedactPii: the redacted text would be 4 GiB or more");
  }
  return result;
}

}  // namespace candor::pii
