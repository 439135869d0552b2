#include "common/random.hpp"

#include <cmath>
#include <limits>

#include "common/beta.hpp"

namespace candor::internal {
namespace {

constexpr uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

uint64_t RotateLeft(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// Sequential-search inversion: the CDF is accumulated until it passes U.
int64_t PoissonByInversion(RandomStream& stream, double mean) {
  const double u = stream.Uniform();
  double term = std::exp(-mean);
  double cdf = term;
  int64_t k = 0;
  // For mean < 10 the tail beyond 200 is far below 2^-53.
  while (u >= cdf && k < 200) {
    ++k;
    term *= mean / static_cast<double>(k);
    cdf += term;
  }
  return k;
}

// k as a count: a draw past the int64 range (a mean near 2^63, which only
// absurd counts give) saturates instead of overflowing the conversion.
int64_t ToCount(double k) {
  return k >= 0x1p63 ? std::numeric_limits<int64_t>::max() : static_cast<int64_t>(k);
}

// PTRS: Hormann, W. (1993). The transformed rejection method for generating
// Poisson random variables. Insurance: Mathematics and Economics 12:39-45.
// Constants are those of the paper's Algorithm PTRS, valid for mean >= 10.
int64_t PoissonByTransformedRejection(RandomStream& stream, double mean) {
  const double sqrt_mean = std::sqrt(mean);
  const double log_mean = std::log(mean);
  const double b = 0.931 + 2.53 * sqrt_mean;
  const double a = -0.059 + 0.02483 * b;
  const double inverse_alpha = 1.1239 + 1.1328 / (b - 3.4);
  const double v_r = 0.9277 - 3.6224 / (b - 2.0);
  while (true) {
    const double u = stream.Uniform() - 0.5;
    const double v = stream.Uniform();
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2.0 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= v_r) return ToCount(k);
    if (k < 0.0 || (us < 0.013 && v > us)) continue;
    const double log_accept = std::log(v * inverse_alpha / (a / (us * us) + b));
    if (log_accept <= -mean + k * log_mean - LogGamma(k + 1.0)) {
      return ToCount(k);
    }
  }
}

}  // namespace

uint64_t Mix64(uint64_t x) {
  x += kGolden;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

RandomStream::RandomStream(uint64_t seed) {
  // SplitMix64 sequence from the seed fills the state; it is never all zero.
  uint64_t x = seed;
  for (uint64_t& word : state_) {
    word = Mix64(x);
    x += kGolden;
  }
}

RandomStream RandomStream::ForReplicate(uint64_t seed, uint64_t stream, uint64_t index) {
  return RandomStream(Mix64(Mix64(Mix64(seed) ^ stream) ^ index));
}

uint64_t RandomStream::Next() {
  const uint64_t result = RotateLeft(state_[1] * 5, 7) * 9;
  const uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = RotateLeft(state_[3], 45);
  return result;
}

double RandomStream::Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

double RandomStream::Normal() {
  if (has_spare_normal_) {
    has_spare_normal_ = false;
    return spare_normal_;
  }
  double u, v, s;
  do {
    u = 2 * Uniform() - 1;
    v = 2 * Uniform() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s == 0);
  const double factor = std::sqrt(-2 * std::log(s) / s);
  spare_normal_ = v * factor;
  has_spare_normal_ = true;
  return u * factor;
}

int64_t RandomStream::Poisson(double mean) {
  if (!(mean > 0.0)) return 0;
  if (mean < 10.0) return PoissonByInversion(*this, mean);
  return PoissonByTransformedRejection(*this, mean);
}

}  // namespace candor::internal
