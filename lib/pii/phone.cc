// Phone numbers: international (+), national with a trunk prefix or an area
// code in parentheses, North American 3-3-4; not dates, amounts, versions,
// IP addresses or ids (pii.hpp lists the rules).
#include <string>
#include <string_view>
#include <vector>

#include "digit_runs.hpp"
#include "scanners.hpp"

namespace candor::pii::internal {
namespace {

enum class Cue { kNone, kPhone, kId };

// Words that say the number after them is a phone, or an id. The nearest
// one in the 24 bytes before the number decides.
constexpr std::string_view kPhoneCues[] = {"call",     "phone",      "tel",      "mobile",  "cell",
                                           "fax",      "sms",        "whatsapp", "text me", "ring",
                                           "reach me", "contact me", "number is"};
constexpr std::string_view kIdCues[] = {
    "order",    "ticket",   "invoice", "case",        "ref",      "id",       "account",
    "acct",     "tracking", "serial",  "sku",         "version",  "build",    "po",
    "#",        "no.",      "nr",      "zip",         "postcode", "customer", "member",
    "contract", "policy",   "receipt", "confirmation"};

Cue CueBefore(std::string_view text, size_t begin) {
  const size_t from = begin > 24 ? begin - 24 : 0;
  std::string window(text.substr(from, begin - from));
  for (char& c : window) c = ToLower(c);
  Cue cue = Cue::kNone;
  size_t best_end = 0;  // the cue ending nearest the number wins
  auto consider = [&](std::string_view word, Cue kind) {
    for (size_t at = window.find(word); at != std::string::npos; at = window.find(word, at + 1)) {
      // Whole words only ("identify" is no "id"), except '#'.
      const bool left = at == 0 || !IsAlnum(window[at - 1]);
      const size_t end = at + word.size();
      const bool right = end >= window.size() || !IsAlnum(window[end]) || !IsAlnum(word.back());
      if (left && right && end >= best_end) {
        best_end = end;
        cue = kind;
      }
    }
  };
  for (std::string_view word : kPhoneCues) consider(word, Cue::kPhone);
  for (std::string_view word : kIdCues) consider(word, Cue::kId);
  return cue;
}

// A currency sign right before, or a currency or percent right after.
bool LooksLikeAmount(std::string_view text, size_t begin, size_t end) {
  size_t b = begin;
  if (b > 0 && text[b - 1] == ' ') --b;
  std::string_view before = text.substr(0, b);
  for (std::string_view sign : {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5"}) {
    if (before.size() >= sign.size() && before.substr(before.size() - sign.size()) == sign) {
      return true;
    }
  }
  size_t e = end;
  if (e < text.size() && text[e] == ' ') ++e;
  std::string after(text.substr(e, 8));
  for (char& c : after) c = ToLower(c);
  for (std::string_view unit : {"%", "usd", "eur", "gbp", "dollar", "euro", "\xE2\x82\xAC"}) {
    if (after.compare(0, unit.size(), unit) == 0) return true;
  }
  return false;
}

bool IsPhone(std::string_view text, const DigitRun& run, size_t count, Cue cue) {
  size_t digits = 0;
  for (size_t g = 0; g < count; ++g) {
    const DigitGroup& group = run.groups[g];
    const size_t length = group.end - group.begin;
    digits += length;
    // One-digit groups are versions ("1.2.3"), except in international
    // numbers ("+33 1 23 45 67 89"), a leading "1" (1-800-...) or "(0)".
    if (length == 1 && g > 0 && !group.parenthesized && !run.plus) return false;
  }
  const DigitGroup& first = run.groups[0];
  const size_t first_length = first.end - first.begin;
  if (first_length == 1 && !run.plus && !first.parenthesized && text[first.begin] != '1') {
    return false;
  }
  const std::string all = GroupDigits(text, run, count);
  if (all.find_first_not_of(all[0]) == std::string::npos) return false;  // "0000 0000"
  if (run.dots && count == 4) {  // an IP address: four groups of at most three digits
    bool ip = true;
    for (size_t g = 0; g < 4; ++g) ip &= run.groups[g].end - run.groups[g].begin <= 3;
    if (ip) return false;
  }
  if (run.plus) return digits >= 8 && digits <= 15;
  if (cue == Cue::kId) return false;
  if (cue == Cue::kPhone) return digits >= 7 && digits <= 15;
  if (count == 1 && !first.parenthesized) return false;  // a bare number needs a cue
  if (first.parenthesized || text[first.begin] == '0') return digits >= 9 && digits <= 12;
  auto length = [&](size_t g) { return run.groups[g].end - run.groups[g].begin; };
  if (count == 3 && length(0) == 3 && length(1) == 3 && length(2) == 4) return true;
  if (count == 4 && text[first.begin] == '1' && length(0) == 1 && length(1) == 3 &&
      length(2) == 3 && length(3) == 4) {
    return true;
  }
  return false;
}

}  // namespace

void FindPhones(std::string_view text, std::vector<Range>* out) {
  const size_t n = text.size();
  DigitRun run;
  for (size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (!IsDigit(c) && c != '+' && c != '(') continue;
    if (c == '+' && (i + 1 >= n || !IsDigit(text[i + 1]))) continue;
    if (!StartsNumber(text, i)) continue;
    if (!ReadDigitRun(text, i, " -.", /*parentheses=*/true, /*plus_sign=*/true, 20, &run)) continue;
    const size_t run_end = run.end;
    const Cue cue = CueBefore(text, i);
    for (size_t count = run.groups.size(); count >= 1; --count) {
      const DigitGroup& last = run.groups[count - 1];
      const uint32_t end = last.parenthesized ? last.end + 1 : last.end;
      if (count == run.groups.size() && !EndsNumber(text, end)) continue;
      if (!IsPhone(text, run, count, cue) || LooksLikeAmount(text, i, end)) continue;
      out->push_back({run.begin, end});
      break;
    }
    i = run_end - 1;
  }
}

}  // namespace candor::pii::internal
