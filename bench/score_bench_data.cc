// bench/score_bench_data.cc — see score_bench_data.hpp.
#include "score_bench_data.hpp"

#include "splitmix64.hpp"

namespace candor_bench {
namespace {

using candor::bench::kSplitMix64Gamma;
using candor::bench::SplitMix64Mix;

std::array<int8_t, 1000> ScoreByPerMille() {
  std::array<int8_t, 1000> table{};
  int score = 0;
  for (uint32_t r = 0; r < 1000; ++r) {
    while (r >= kCumulativePerMille[score]) ++score;
    table[r] = static_cast<int8_t>(score);
  }
  return table;
}

}  // namespace

ScoreData GenerateScoreData(size_t rows, int32_t segment_count, uint64_t seed) {
  const std::array<int8_t, 1000> score_by_per_mille = ScoreByPerMille();
  ScoreData data;
  data.seed = seed;
  data.segment_count = segment_count;
  data.scores.resize(rows);
  data.segments.resize(rows);
  const uint64_t segments = static_cast<uint64_t>(segment_count);
  for (size_t i = 0; i < rows; ++i) {
    const uint64_t x = SplitMix64Mix(seed + (static_cast<uint64_t>(i) + 1) * kSplitMix64Gamma);
    data.scores[i] = score_by_per_mille[((x >> 32) * 1000) >> 32];
    data.segments[i] = static_cast<int32_t>(((x & 0xFFFFFFFFULL) * segments) >> 32);
  }
  return data;
}

ReferenceCounts CountScores(const ScoreData& data) {
  ReferenceCounts counts;
  counts.by_segment.assign(static_cast<size_t>(data.segment_count) * kScorePoints, 0);
  for (size_t i = 0; i < data.scores.size(); ++i) {
    const int score = data.scores[i];
    ++counts.overall[score];
    ++counts.by_segment[static_cast<size_t>(data.segments[i]) * kScorePoints + score];
  }
  return counts;
}

double NpsFromCounts(const int64_t* counts) {
  int64_t n = 0, promoters = 0, detractors = 0;
  for (int score = 0; score < kScorePoints; ++score) {
    n += counts[score];
    if (score >= 9) promoters += counts[score];
    if (score <= 6) detractors += counts[score];
  }
  return 100.0 * static_cast<double>(promoters - detractors) / static_cast<double>(n);
}

}  // namespace candor_bench
