// Seeded pseudo-random numbers: xoshiro256** streams seeded by SplitMix64,
// uniform doubles, normal and Poisson variates. Deterministic on every platform.
#ifndef CANDOR_COMMON_RANDOM_HPP_
#define CANDOR_COMMON_RANDOM_HPP_

#include <cstdint>

namespace candor::internal {

// SplitMix64's output function (Steele, Lea and Flood 2014): a bijective
// 64-bit mixer.
uint64_t Mix64(uint64_t x);

// xoshiro256** (Blackman and Vigna 2018).
class RandomStream {
 public:
  explicit RandomStream(uint64_t seed);
  // An independent-looking stream for each (seed, stream, index): e.g. one
  // per bootstrap replicate, so results do not depend on the thread count.
  static RandomStream ForReplicate(uint64_t seed, uint64_t stream, uint64_t index);

  uint64_t Next();
  // Uniform on [0, 1), 53 random bits.
  double Uniform();
  // Poisson(mean) for mean >= 0: inversion by sequential search for
  // mean < 10, Hormann's PTRS transformed rejection otherwise.
  int64_t Poisson(double mean);
  // Standard normal: Marsaglia's polar method (Marsaglia and Bray 1964),
  // which makes two at a time; the second is kept for the next call.
  double Normal();

 private:
  uint64_t state_[4];
  double spare_normal_ = 0;
  bool has_spare_normal_ = false;
};

}  // namespace candor::internal

#endif  // CANDOR_COMMON_RANDOM_HPP_
