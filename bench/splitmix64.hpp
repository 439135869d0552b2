// SplitMix64 (Steele, Lea and Flood 2014; the finalizer as in Vigna's
// splitmix64.c, written from the published constants): the counter-based
// generator behind the benchmarks' synthetic data, which their numpy peers
// compute again to get the same values.
#ifndef CANDOR_BENCH_SPLITMIX64_HPP_
#define CANDOR_BENCH_SPLITMIX64_HPP_

#include <cstdint>

namespace candor::bench {

inline constexpr uint64_t kSplitMix64Gamma = 0x9E3779B97F4A7C15ULL;

// The finalizer alone: a bijective mix of z.
inline uint64_t SplitMix64Mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// The generator's output for state z: the mix of z + gamma.
inline uint64_t SplitMix64(uint64_t z) { return SplitMix64Mix(z + kSplitMix64Gamma); }

}  // namespace candor::bench

#endif  // CANDOR_BENCH_SPLITMIX64_HPP_
