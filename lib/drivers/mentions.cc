// ThemeMentions: validated compressed rows, each comment's themes sorted and
// distinct (a theme counts once per comment however often it was tagged).
#include <algorithm>
#include <cstdint>
#include <string>

#include <candor/drivers.hpp>

namespace candor {
namespace {

Status CheckTheme(int32_t id, size_t themes, size_t index) {
  if (id < 0 || static_cast<size_t>(id) >= themes) {
    return OutOfRange("theme id " + std::to_string(id) + " at index " + std::to_string(index) +
                      " is outside [0, " + std::to_string(themes) + ")");
  }
  return OkStatus();
}

}  // namespace

Result<ThemeMentions> ThemeMentions::FromCsr(const int64_t* offsets, const int32_t* theme_ids,
                                             size_t n, size_t themes) {
  if (themes == 0) return InvalidArgument("mentions: no themes (T = 0)");
  if (themes > static_cast<size_t>(INT32_MAX)) return InvalidArgument("mentions: too many themes");
  if (offsets == nullptr) return InvalidArgument("mentions: offsets is NULL");
  if (offsets[0] != 0) {
    return InvalidArgument("mentions: offsets[0] is " + std::to_string(offsets[0]) + ", not 0");
  }
  for (size_t i = 0; i < n; ++i) {
    if (offsets[i + 1] < offsets[i]) {
      return InvalidArgument("mentions: offsets decrease at comment " + std::to_string(i));
    }
  }
  const int64_t total = offsets[n];
  if (total > 0 && theme_ids == nullptr) return InvalidArgument("mentions: theme ids are NULL");
  for (int64_t k = 0; k < total; ++k) {
    CANDOR_RETURN_IF_ERROR(CheckTheme(theme_ids[k], themes, static_cast<size_t>(k)));
  }
  ThemeMentions mentions;
  mentions.themes_ = themes;
  mentions.offsets_.assign(offsets, offsets + n + 1);
  mentions.ids_.assign(theme_ids, theme_ids + total);
  // Rows are compacted in place; each row's old end is kept in `ends`.
  std::vector<int64_t> ends(mentions.offsets_.begin() + 1, mentions.offsets_.end());
  int64_t write = 0;
  for (size_t i = 0; i < n; ++i) {
    const int64_t begin = i == 0 ? 0 : ends[i - 1];
    const int64_t end = ends[i];
    std::sort(mentions.ids_.begin() + begin, mentions.ids_.begin() + end);
    mentions.offsets_[i] = write;
    for (int64_t k = begin; k < end; ++k) {
      if (k > begin && mentions.ids_[k] == mentions.ids_[k - 1]) continue;
      mentions.ids_[write++] = mentions.ids_[k];
    }
  }
  mentions.offsets_[n] = write;
  mentions.ids_.resize(static_cast<size_t>(write));
  return mentions;
}

Result<ThemeMentions> ThemeMentions::FromPairs(const int64_t* comments, const int32_t* theme_ids,
                                               size_t pairs, size_t n, size_t themes) {
  if (themes == 0) return InvalidArgument("mentions: no themes (T = 0)");
  if (pairs > 0 && (comments == nullptr || theme_ids == nullptr)) {
    return InvalidArgument("mentions: pair arrays are NULL");
  }
  std::vector<int64_t> offsets(n + 1, 0);
  for (size_t k = 0; k < pairs; ++k) {
    if (comments[k] < 0 || static_cast<uint64_t>(comments[k]) >= n) {
      return OutOfRange("comment index " + std::to_string(comments[k]) + " at pair " +
                        std::to_string(k) + " is outside [0, " + std::to_string(n) + ")");
    }
    CANDOR_RETURN_IF_ERROR(CheckTheme(theme_ids[k], themes, k));
    ++offsets[static_cast<size_t>(comments[k]) + 1];
  }
  for (size_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
  std::vector<int32_t> ids(pairs);
  std::vector<int64_t> next(offsets.begin(), offsets.end() - 1);
  for (size_t k = 0; k < pairs; ++k) ids[next[static_cast<size_t>(comments[k])]++] = theme_ids[k];
  return FromCsr(offsets.data(), ids.data(), n, themes);
}

}  // namespace candor
