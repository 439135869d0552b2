// Change detection at a stated false-alarm rate: the standardized mean-shift
// scan of the metric's per-response values, its null distribution (Gaussian
// or permutation, cached) and binary segmentation. Formulas and citations:
// include/candor/trend_change_points.hpp.
#ifndef CANDOR_TREND_CHANGE_POINTS_CHANGE_POINTS_CALIBRATED_HPP_
#define CANDOR_TREND_CHANGE_POINTS_CHANGE_POINTS_CALIBRATED_HPP_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "common/parallel.hpp"
#include "common/progress_ticker.hpp"
#include "common/random.hpp"

namespace candor::internal {

// Sums over a prefix of the responses: of the weights w, of w^2 and of w y,
// y the metric's value of the response.
struct MeanSums {
  double weight = 0;
  double weight_squared = 0;
  double weighted_value = 0;
};

// The responses' metric values and weights (borrowed for the call), with
// MeanSums at the start of every block so that any prefix costs
// O(block_size).
class MeanShiftSums {
 public:
  // value_of[s - scale_min] is the metric's value of score s; weights may
  // be null (all 1).
  MeanShiftSums(const double* scores, const double* weights, int64_t n, int scale_min,
                std::vector<double> value_of, int64_t block_size);

  int64_t size() const { return n_; }
  int64_t block_size() const { return block_size_; }
  bool weighted() const { return weights_ != nullptr; }
  MeanSums PrefixAt(int64_t x) const;
  // Adds response i to *sums.
  void Add(int64_t i, MeanSums* sums) const;
  // The index of response i's score on the scale (its category of value).
  int ScoreIndex(int64_t i) const { return static_cast<int>(scores_[i]) - scale_min_; }
  double ValueOf(int score_index) const { return value_of_[static_cast<size_t>(score_index)]; }
  double Weight(int64_t i) const { return weights_ == nullptr ? 1.0 : weights_[i]; }
  int scale_points() const { return static_cast<int>(value_of_.size()); }

 private:
  const double* scores_;
  const double* weights_;
  int64_t n_;
  int scale_min_;
  std::vector<double> value_of_;
  int64_t block_size_;
  std::vector<MeanSums> block_prefix_;  // blocks + 1
};

// Z = (mean of [t, b) - mean of [a, t)) / sqrt(scale * (sum_A w^2 / W_A^2 +
// sum_B w^2 / W_B^2)) from the prefix sums at a, t and b; 0 when a side has
// no weight. `scale` is sigma^2 times the design effect.
double ShiftZ(const MeanSums& a, const MeanSums& t, const MeanSums& b, double scale);

struct CalibratedSearchOptions {
  double alpha = 0.05;
  int64_t replicates = 2000;
  uint64_t seed = 42;
  int threads = 0;
  int64_t min_size = 30;
  double level = 0.95;  // of the location interval
  // The permutation null (exact under exchangeable responses) is used for
  // unweighted, unclustered segments up to this many responses; the Gaussian
  // null otherwise.
  bool permutation_allowed = true;
  // Told every replicate (Add(0): a poll on the calling thread); once it is
  // cancelled the simulations stop early and nothing is cached; may be null.
  ProgressTicker* ticker = nullptr;
};

struct CalibratedChange {
  int64_t index = 0;  // first response of the new segment
  double z = 0;       // its scan statistic in the segment it was found in
  double p_value = 1;
  int64_t index_low = 0;   // the location interval's first and last
  int64_t index_high = 0;  // candidate positions
};

struct CalibratedSearch {
  std::vector<CalibratedChange> changes;  // ascending index
  double critical_value = 0;              // of the whole series' test
  double max_z = 0;                       // its largest |Z|
  double p_value = 1;                     // its p-value
  bool permutation = false;               // its null
  int64_t candidates = 0;                 // its candidate positions
  bool cancelled = false;                 // by options.ticker: the rest is partial
};

// Largest number of responses of a segment tested with the permutation null.
inline constexpr int64_t kPermutationMaxResponses = 20000;

// Which positions the candidates are: every admissible position, the first
// admissible position of each block (a grid over long series), or positions
// the caller chose (e.g. the first response of each month).
enum class CandidateKind { kEvery, kGrid, kBoundaries };

// One segment's test: max |Z| over its candidates against its null.
struct SegmentTest {
  bool found = false;
  int64_t best = 0;  // the candidate of largest |Z|
  double z = 0;
  double p_value = 1;
  double critical_value = 0;
  int64_t candidates = 0;
  bool permutation = false;
};

// The largest |Z| a test at level alpha does not declare, from the sorted
// null maxima: a change is declared when max |Z| exceeds it, that is when
// the p-value (1 + #{null >= z}) / (R + 1) is <= alpha.
double CriticalValue(const std::vector<double>& maxima, double alpha);
double PValue(const std::vector<double>& maxima, double z);

// The sorted maxima of `options.replicates` draws under no change: replicate
// r is draw(layout, its own RandomStream::ForReplicate(seed, stream, r),
// scratch), in chunks over `options.threads` threads with a copy of
// `scratch` each, so the result does not depend on the thread count.
template <typename Layout, typename Scratch, typename Draw>
std::shared_ptr<const std::vector<double>> SimulateMaxima(const Layout& layout, Scratch scratch,
                                                          uint64_t stream, Draw draw,
                                                          const CalibratedSearchOptions& options) {
  auto maxima = std::make_shared<std::vector<double>>(static_cast<size_t>(options.replicates));
  ParallelChunks(maxima->size(), options.threads, [&](size_t, size_t begin, size_t end) {
    Scratch local = scratch;
    for (size_t r = begin; r < end; ++r) {
      if (options.ticker != nullptr && !options.ticker->Add(0)) return;
      RandomStream random = RandomStream::ForReplicate(options.seed, stream, r);
      (*maxima)[r] = draw(layout, random, local);
    }
  }, options.ticker);
  std::sort(maxima->begin(), maxima->end());
  return maxima;
}

// The sorted candidates `all` that segment [a, b) may split at: those in
// [a + min_size, b - min_size].
std::vector<int64_t> SegmentCandidates(const std::vector<int64_t>& all, int64_t a, int64_t b,
                                       int64_t min_size);

class ClusteredShiftScan;  // change_points_clustered.hpp

// Binary segmentation: the whole series is tested (max |Z| over `candidates`
// against its null); when p <= alpha a change is placed at the best
// candidate and each side is tested the same way. `candidates` are sorted
// positions in (0, n) of `kind`: a grid change is refined within its own and
// the neighbouring blocks, and a change moves (left to right) to the best
// position between its final neighbours: any admissible position unless the
// candidates are boundaries. `scale` = sigma^2 * design effect (> 0). With
// `clustered` (non-null), every Z, test and null is the cluster-robust one
// instead (`scale` unused). Throws std::bad_alloc.
CalibratedSearch SearchCalibrated(const MeanShiftSums& sums, const int64_t* times,
                                  const std::vector<int64_t>& candidates, CandidateKind kind,
                                  double scale, const CalibratedSearchOptions& options,
                                  ClusteredShiftScan* clustered = nullptr);

// Number of entries in the cache of null distributions (for tests).
size_t CachedNullCount();

}  // namespace candor::internal

#endif  // CANDOR_TREND_CHANGE_POINTS_CHANGE_POINTS_CALIBRATED_HPP_
