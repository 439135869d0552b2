#include "bootstrap.hpp"

#include <cmath>

#include "common/parallel.hpp"
#include "common/progress_ticker.hpp"
#include "common/random.hpp"

namespace candor::internal {
namespace {

// Poisson(1) by inversion against a precomputed CDF (the tail past 24 is
// below 2^-53 and treated as 24).
class UnitPoisson {
 public:
  UnitPoisson() {
    double term = std::exp(-1.0);
    double cdf = term;
    for (int k = 0; k < kSize; ++k) {
      cdf_[k] = cdf;
      term /= (k + 1);
      cdf += term;
    }
  }
  int Draw(RandomStream& random) const {
    const double u = random.Uniform();
    int k = 0;
    while (k < kSize - 1 && u >= cdf_[k]) ++k;
    return k;
  }

 private:
  static constexpr int kSize = 25;
  double cdf_[kSize];
};

// The means of a Poisson bootstrap: replicate r draws from its own stream (so
// results do not depend on the thread count), and is drawn again while its
// total weight is zero. draw(random, &total, &sum) adds one replicate's total
// weight and weighted sum of values.
template <typename DrawReplicate>
std::vector<double> ReplicateMeans(int replicates, uint64_t seed, uint64_t stream, int threads,
                                   const DrawReplicate& draw, ProgressTicker* ticker = nullptr) {
  std::vector<double> result(static_cast<size_t>(replicates), 0.0);
  ParallelChunks(
      result.size(), threads,
      [&](size_t, size_t begin, size_t end) {
        for (size_t r = begin; r < end; ++r) {
          RandomStream random = RandomStream::ForReplicate(seed, stream, r);
          while (true) {
            double total = 0;
            double sum = 0;
            draw(random, &total, &sum);
            if (ticker != nullptr && !ticker->Running()) return;
            if (total > 0) {
              result[r] = sum / total;
              break;
            }
          }
          if (ticker != nullptr && !ticker->Add(1)) return;
        }
      },
      ticker);
  return result;
}

}  // namespace

std::vector<double> BootstrapCounts(const std::vector<double>& values,
                                    const std::vector<int64_t>& counts, int replicates,
                                    uint64_t seed, uint64_t stream, int threads) {
  return ReplicateMeans(
      replicates, seed, stream, threads, [&](RandomStream& random, double* total, double* sum) {
        for (size_t c = 0; c < counts.size(); ++c) {
          const double drawn = static_cast<double>(random.Poisson(static_cast<double>(counts[c])));
          *total += drawn;
          *sum += drawn * values[c];
        }
      });
}

std::vector<double> BootstrapResponses(const std::vector<double>& point_values, int scale_min,
                                       const double* scores, const double* weights, size_t n,
                                       int replicates, uint64_t seed, uint64_t stream,
                                       int threads, ProgressTicker* ticker) {
  const UnitPoisson unit_poisson;
  constexpr size_t kResponsesPerCheck = size_t{1} << 16;
  return ReplicateMeans(
      replicates, seed, stream, threads,
      [&](RandomStream& random, double* total, double* sum) {
        for (size_t i = 0; i < n; ++i) {
          // Add(0): the calling thread tells the callback (at most every
          // 10 ms), the others read the flag; a stop ends the replicate.
          if (ticker != nullptr && (i + 1) % kResponsesPerCheck == 0 && !ticker->Add(0)) return;
          const int multiplier = unit_poisson.Draw(random);
          if (multiplier == 0) continue;
          const double w = multiplier * (weights == nullptr ? 1.0 : weights[i]);
          *total += w;
          *sum += w * point_values[static_cast<size_t>(scores[i] - scale_min)];
        }
      },
      ticker);
}

}  // namespace candor::internal
