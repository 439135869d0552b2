#include "theme_tallies.hpp"

#include <algorithm>

#include "common/parallel.hpp"

namespace candor::internal {
namespace {

constexpr size_t kRowsPerPart = 65536;
constexpr size_t kMaxParts = 16;
// Per-part tallies are parts x themes x slots x points cells; keep them small.
constexpr size_t kMaxCells = size_t{1} << 23;

struct PartTallies {
  std::vector<Tally> total;
  std::vector<std::vector<Tally>> mention;
};

PartTallies EmptyTallies(const DriverComments& comments, size_t themes) {
  PartTallies part;
  const Tally empty = Tally::Empty(comments.scale_min, comments.scale_max);
  part.total.assign(kSlots, empty);
  part.mention.assign(themes, std::vector<Tally>(kSlots, empty));
  return part;
}

void AddTo(Tally* tally, size_t point, double w) {
  ++tally->counts[point];
  tally->weight_sums[point] += w;
  tally->weight_square_sums[point] += w * w;
}

void Merge(const Tally& from, Tally* into) {
  for (size_t p = 0; p < from.counts.size(); ++p) {
    into->counts[p] += from.counts[p];
    into->weight_sums[p] += from.weight_sums[p];
    into->weight_square_sums[p] += from.weight_square_sums[p];
  }
}

}  // namespace

Tally SumSlots(const std::vector<Tally>& slots) {
  Tally sum = slots[0];
  for (size_t s = 1; s < slots.size(); ++s) Merge(slots[s], &sum);
  return sum;
}

ThemeTallies TallyThemes(const DriverComments& comments, const ThemeMentions& mentions,
                         int threads) {
  const size_t n = comments.n;
  const size_t themes = mentions.themes();
  const size_t points = static_cast<size_t>(comments.scale_max - comments.scale_min + 1);
  const size_t cells_per_part = (themes + 1) * kSlots * points;
  size_t parts = std::clamp<size_t>((n + kRowsPerPart - 1) / kRowsPerPart, 1, kMaxParts);
  parts = std::max<size_t>(1, std::min(parts, kMaxCells / std::max<size_t>(1, cells_per_part)));
  const size_t rows_per_part = (n + parts - 1) / parts;
  std::vector<PartTallies> partial(parts);
  const int64_t* offsets = mentions.offsets().data();
  const int32_t* ids = mentions.ids().data();
  ParallelChunks(parts, threads, [&](size_t, size_t begin_part, size_t end_part) {
    for (size_t part = begin_part; part < end_part; ++part) {
      PartTallies tallies = EmptyTallies(comments, themes);
      const size_t end = std::min(n, (part + 1) * rows_per_part);
      for (size_t i = part * rows_per_part; i < end; ++i) {
        const size_t point = comments.point[i];
        const uint8_t slot = comments.slot[i];
        const double w = comments.WeightOf(i);
        AddTo(&tallies.total[slot], point, w);
        for (int64_t k = offsets[i]; k < offsets[i + 1]; ++k) {
          AddTo(&tallies.mention[static_cast<size_t>(ids[k])][slot], point, w);
        }
      }
      partial[part] = std::move(tallies);
    }
  });
  ThemeTallies result;
  result.total = std::move(partial[0].total);
  result.mention = std::move(partial[0].mention);
  for (size_t part = 1; part < parts; ++part) {
    for (int s = 0; s < kSlots; ++s) Merge(partial[part].total[s], &result.total[s]);
    for (size_t j = 0; j < themes; ++j) {
      for (int s = 0; s < kSlots; ++s) Merge(partial[part].mention[j][s], &result.mention[j][s]);
    }
  }
  for (Tally& t : result.total) t.weighted = comments.weighted;
  for (auto& slots : result.mention) {
    for (Tally& t : slots) t.weighted = comments.weighted;
  }
  return result;
}

}  // namespace candor::internal
