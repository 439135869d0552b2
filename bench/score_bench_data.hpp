// bench/score_bench_data.hpp — the benchmark's synthetic responses, generated
// identically here and in bench/peers_score.py, and reference counts from a
// plain scalar loop (independent of candor) to check every result against.
//
// Row i (0-based) draws one 64-bit value x = SplitMix64(seed + (i + 1) * G)
// with G = 0x9E3779B97F4A7C15 (Steele, Lea and Flood 2014, the SplitMix64
// finalizer as in Vigna's splitmix64.c; written from the published constants).
//   score:   r = ((x >> 32) * 1000) >> 32 in [0, 1000); the score is the first
//            k with r < kCumulativePerMille[k] (a skewed 0..10 distribution,
//            25% detractors, 33% passives, 42% promoters).
//   segment: ((x & 0xFFFFFFFF) * segments) >> 32, uniform on [0, segments).
// Counter-based, so rows can be generated in any order or in chunks.
#ifndef CANDOR_BENCH_SCORE_BENCH_DATA_HPP_
#define CANDOR_BENCH_SCORE_BENCH_DATA_HPP_

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace candor_bench {

inline constexpr int kScorePoints = 11;  // 0..10
inline constexpr std::array<uint32_t, kScorePoints> kCumulativePerMille = {
    30, 45, 65, 90, 120, 180, 250, 380, 580, 780, 1000};

struct ScoreData {
  uint64_t seed = 0;
  int32_t segment_count = 0;
  std::vector<int8_t> scores;      // 0..10
  std::vector<int32_t> segments;   // 0..segment_count-1
};

// Reference counts by a plain scalar loop.
struct ReferenceCounts {
  std::array<int64_t, kScorePoints> overall{};
  std::vector<int64_t> by_segment;  // segment * kScorePoints + score
};

ScoreData GenerateScoreData(size_t rows, int32_t segment_count, uint64_t seed);
ReferenceCounts CountScores(const ScoreData& data);

// 100 * (promoters - detractors) / n, rounded once (as bench/peers_score.py).
double NpsFromCounts(const int64_t* counts);

}  // namespace candor_bench

#endif  // CANDOR_BENCH_SCORE_BENCH_DATA_HPP_
