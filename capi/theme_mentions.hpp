// The candor_theme_mentions struct as candor::ThemeMentions, shared by the
// shims that take theme mentions (drivers, outer loop).
#ifndef CANDOR_CAPI_THEME_MENTIONS_HPP_
#define CANDOR_CAPI_THEME_MENTIONS_HPP_

#include <candor.h>

#include <candor/drivers.hpp>
#include <candor/status.hpp>
#include <cstddef>
#include <string>
#include <vector>

namespace candor::capi {

// Exactly one of compressed rows (offsets) and pairs (pair_comments) set.
inline Result<ThemeMentions> MentionsFromC(const candor_theme_mentions& m, size_t n) {
  if ((m.offsets == nullptr) == (m.pair_comments == nullptr)) {
    return InvalidArgument(
        "mentions: set exactly one of offsets (compressed rows) and pair_comments (pairs)");
  }
  if (m.offsets != nullptr) return ThemeMentions::FromCsr(m.offsets, m.theme_ids, n, m.themes);
  return ThemeMentions::FromPairs(m.pair_comments, m.pair_themes, m.pairs, n, m.themes);
}

// The themes' names, one per theme, or none when m.names is NULL; a NULL
// name is CANDOR_INVALID_ARGUMENT naming its index.
inline Result<std::vector<std::string>> ThemeNamesFromC(const candor_theme_mentions& m) {
  std::vector<std::string> names;
  if (m.names == nullptr) return names;
  names.reserve(m.themes);
  for (size_t j = 0; j < m.themes; ++j) {
    if (m.names[j] == nullptr) {
      return InvalidArgument("mentions->names[" + std::to_string(j) + "] is NULL");
    }
    names.emplace_back(m.names[j]);
  }
  return names;
}

}  // namespace candor::capi

#endif  // CANDOR_CAPI_THEME_MENTIONS_HPP_
