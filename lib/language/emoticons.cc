// Emoticons: the word segmenter splits ":-)" into ":", "-", ")"; this pass
// joins such runs back into one TokenKind::kEmoticon token. A match must
// start and end on token boundaries (so "re:Design" or "1:30" never match),
// and a repeated last character belongs to it (":)))" is one token). The
// folded form is canonical: nose dropped, lowercase (":-D" -> ":d",
// "XD" -> "xd"), so lexicons list each face once. The list is ours.
#include <array>
#include <string_view>
#include <vector>

#include "segment.hpp"

namespace candor::text::internal {
namespace {

struct Emoticon {
  std::string_view written;
  const char* canonical;
};

// Longest first, so ":-)" wins over ":-" prefixes and "</3" over "<".
constexpr Emoticon kEmoticons[] = {
    {">:-(", ">:("}, {":'-(", ":'("}, {":'-)", ":')"}, {"^_^", "^^"},  {"-_-", "-_-"},
    {"T_T", "t_t"},  {";_;", "t_t"},  {"o_O", "o_o"},  {"O_o", "o_o"}, {"o_o", "o_o"},
    {"O_O", "o_o"},  {":-)", ":)"},   {":-(", ":("},   {":-D", ":d"},  {":-P", ":p"},
    {":-p", ":p"},   {":-/", ":/"},   {":-|", ":|"},   {":-O", ":o"},  {":-o", ":o"},
    {":-*", ":*"},   {";-)", ";)"},   {":-]", ":)"},   {":-[", ":("},  {">:(", ">:("},
    {":'(", ":'("},  {":')", ":')"},  {"</3", "</3"},  {":)", ":)"},   {":(", ":("},
    {":]", ":)"},    {":[", ":("},    {"=)", ":)"},    {"=(", ":("},   {":D", ":d"},
    {"=D", ":d"},    {";D", ";d"},    {":P", ":p"},    {":p", ":p"},   {";P", ";p"},
    {";p", ";p"},    {";)", ";)"},    {":/", ":/"},    {":\\", ":/"},  {":|", ":|"},
    {":O", ":o"},    {":o", ":o"},    {":*", ":*"},    {":@", ">:("},  {"<3", "<3"},
    {"xD", "xd"},    {"XD", "xd"},    {"^^", "^^"},
};

// The faces by first character, so a token is compared only with the few
// faces that start like it.
const std::array<std::vector<const Emoticon*>, 128>& ByFirstCharacter() {
  static const auto* table = [] {
    auto* t = new std::array<std::vector<const Emoticon*>, 128>;
    for (const Emoticon& e : kEmoticons)
      (*t)[static_cast<unsigned char>(e.written[0])].push_back(&e);
    return t;
  }();
  return *table;
}

}  // namespace

void MergeEmoticons(std::string_view source, std::vector<Segment>* segments) {
  std::vector<Segment>& s = *segments;
  const auto& faces = ByFirstCharacter();
  size_t write = 0;
  for (size_t t = 0; t < s.size();) {
    const char first = source[s[t].begin];
    size_t matched_last = t;  // index of the last segment the emoticon covers
    const char* canonical = nullptr;
    const unsigned char lead = static_cast<unsigned char>(first);
    if (lead < 128 && !faces[lead].empty()) {
      const std::string_view rest = source.substr(s[t].begin);
      for (const Emoticon* face : faces[lead]) {
        const Emoticon& e = *face;
        const size_t len = e.written.size();
        if (rest.substr(0, len) != e.written) continue;
        // Absorb repeats of the mouth: ":)))".
        size_t end = s[t].begin + len;
        const char mouth = e.written[len - 1];
        if (mouth != '_' && mouth != '3') {
          while (end < source.size() && source[end] == mouth) ++end;
        }
        // ":/" and ":\" must stand apart (not "http://").
        if ((mouth == '/' || mouth == '\\') && end < source.size() && source[end] != ' ' &&
            source[end] != '\n' && source[end] != '\r' && source[end] != '\t') {
          continue;
        }
        // The match must end exactly where a token ends, with no gap.
        size_t u = t;
        while (u + 1 < s.size() && s[u].end < end && s[u + 1].begin == s[u].end) ++u;
        if (s[u].end != end) continue;
        matched_last = u;
        canonical = e.canonical;
        break;
      }
    }
    if (canonical != nullptr) {
      s[write] = {s[t].begin, s[matched_last].end, TokenKind::kEmoticon, canonical};
      t = matched_last + 1;
    } else {
      if (write != t) s[write] = s[t];  // most comments have no emoticon
      ++t;
    }
    ++write;
  }
  s.resize(write);
}

}  // namespace candor::text::internal
