// The calibrated mean-shift scan and its binary segmentation; formulas and
// citations in include/candor/trend_change_points.hpp.
#include "change_points_calibrated.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <list>
#include <mutex>
#include <utility>

#include "change_points_clustered.hpp"
#include "change_points_pelt.hpp"
#include "common/normal.hpp"
#include "common/parallel.hpp"
#include "common/random.hpp"

namespace candor::internal {

MeanShiftSums::MeanShiftSums(const double* scores, const double* weights, int64_t n,
                             int scale_min, std::vector<double> value_of, int64_t block_size)
    : scores_(scores),
      weights_(weights),
      n_(n),
      scale_min_(scale_min),
      value_of_(std::move(value_of)),
      block_size_(block_size) {
  const int64_t blocks = (n + block_size - 1) / block_size;
  block_prefix_.resize(static_cast<size_t>(blocks) + 1);
  MeanSums running;
  for (int64_t b = 0; b < blocks; ++b) {
    const int64_t end = std::min(n, (b + 1) * block_size);
    for (int64_t i = b * block_size; i < end; ++i) Add(i, &running);
    block_prefix_[static_cast<size_t>(b) + 1] = running;
  }
}

void MeanShiftSums::Add(int64_t i, MeanSums* sums) const {
  const double y = value_of_[static_cast<size_t>(ScoreIndex(i))];
  const double w = weights_ == nullptr ? 1.0 : weights_[i];
  sums->weight += w;
  sums->weight_squared += w * w;
  sums->weighted_value += w * y;
}

MeanSums MeanShiftSums::PrefixAt(int64_t x) const {
  const int64_t block = x / block_size_;
  MeanSums sums = block_prefix_[static_cast<size_t>(block)];
  for (int64_t i = block * block_size_; i < x; ++i) Add(i, &sums);
  return sums;
}

double ShiftZ(const MeanSums& a, const MeanSums& t, const MeanSums& b, double scale) {
  const double weight_a = t.weight - a.weight;
  const double weight_b = b.weight - t.weight;
  if (!(weight_a > 0) || !(weight_b > 0)) return 0;
  const double difference = (b.weighted_value - t.weighted_value) / weight_b -
                            (t.weighted_value - a.weighted_value) / weight_a;
  const double variance = (t.weight_squared - a.weight_squared) / (weight_a * weight_a) +
                          (b.weight_squared - t.weight_squared) / (weight_b * weight_b);
  if (!(variance > 0)) return 0;
  return difference / std::sqrt(scale * variance);
}

namespace {

// Streams of the two nulls (RandomStream::ForReplicate's `stream`).
constexpr uint64_t kGaussianStream = 0x6761757373ULL;     // "gauss"
constexpr uint64_t kPermutationStream = 0x7065726dULL;  // "perm"

// ---- The cache of null distributions: the sorted maxima of |Z| under no
// change, keyed by everything they depend on (compared in full on a hit).

struct NullEntry {
  uint64_t hash;
  std::vector<double> key;
  std::shared_ptr<const std::vector<double>> maxima;
};

constexpr size_t kCacheCapacity = 32;
std::mutex cache_mutex;
std::list<NullEntry> cache;  // most recently used first

uint64_t HashKey(const std::vector<double>& key) {
  uint64_t h = Mix64(key.size());
  for (double x : key) {
    uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    h = Mix64(h ^ bits);
  }
  return h;
}

std::shared_ptr<const std::vector<double>> FindCached(uint64_t hash,
                                                      const std::vector<double>& key) {
  std::lock_guard<std::mutex> lock(cache_mutex);
  for (auto it = cache.begin(); it != cache.end(); ++it) {
    if (it->hash == hash && it->key == key) {
      cache.splice(cache.begin(), cache, it);
      return it->maxima;
    }
  }
  return nullptr;
}

void Remember(uint64_t hash, std::vector<double> key,
              std::shared_ptr<const std::vector<double>> maxima) {
  std::lock_guard<std::mutex> lock(cache_mutex);
  cache.push_front(NullEntry{hash, std::move(key), std::move(maxima)});
  if (cache.size() > kCacheCapacity) cache.pop_back();
}

// ---- The Gaussian null. Under no change the centred partial sums
// S(x) = sum_{i<x} w_i (y_i - mu) have independent increments of variance
// sigma^2 * (sum of w^2 over the increment); Z at candidate c is
// (S_B / W_B - S_A / W_A) / sqrt(V_A / W_A^2 + V_B / W_B^2) in sigma units,
// so the null depends only on W and V at the candidates relative to the
// segment (scale-free in w).
struct GaussianLayout {
  std::vector<double> step_sd;   // sd of S's increment before candidate j; last: to b
  std::vector<double> inverse_weight_a, inverse_weight_b, inverse_sd;
};

double MaxAbsGaussian(const GaussianLayout& layout, RandomStream& random,
                      std::vector<double>& partial) {
  const size_t g = layout.inverse_sd.size();
  double s = 0;
  for (size_t j = 0; j < g; ++j) {
    s += layout.step_sd[j] * random.Normal();
    partial[j] = s;
  }
  const double total = s + layout.step_sd[g] * random.Normal();
  double best = 0;
  for (size_t j = 0; j < g; ++j) {
    const double d = (total - partial[j]) * layout.inverse_weight_b[j] -
                     partial[j] * layout.inverse_weight_a[j];
    best = std::max(best, std::fabs(d) * layout.inverse_sd[j]);
  }
  return best;
}

// ---- The permutation null: the segment's values shuffled (exact when the
// responses are exchangeable under no change), Z with the series' scale.
struct PermutationLayout {
  std::vector<uint16_t> values;   // score indices of the segment
  std::vector<int64_t> offsets;   // candidates - a, ascending
  const MeanShiftSums* sums;
  double scale;
};

double MaxAbsPermuted(const PermutationLayout& layout, RandomStream& random,
                      std::vector<uint16_t>& shuffled) {
  shuffled = layout.values;
  const size_t n = shuffled.size();
  // Fisher-Yates; the modulo's bias is below (i + 1) / 2^64.
  for (size_t i = n - 1; i > 0; --i) {
    const size_t j = static_cast<size_t>(random.Next() % (i + 1));
    std::swap(shuffled[i], shuffled[j]);
  }
  double total = 0;
  for (uint16_t v : shuffled) total += layout.sums->ValueOf(v);
  const double length = static_cast<double>(n);
  double best = 0, prefix = 0;
  size_t next = 0;
  for (int64_t offset : layout.offsets) {
    for (; next < static_cast<size_t>(offset); ++next) prefix += layout.sums->ValueOf(shuffled[next]);
    const double size_a = static_cast<double>(offset);
    const double size_b = length - size_a;
    const double d = (total - prefix) / size_b - prefix / size_a;
    best = std::max(best, std::fabs(d) / std::sqrt(layout.scale * (1 / size_a + 1 / size_b)));
  }
  return best;
}

// The null maxima of one segment's test.
std::shared_ptr<const std::vector<double>> NullMaxima(const MeanShiftSums& sums, int64_t a,
                                                      int64_t b,
                                                      const std::vector<int64_t>& candidates,
                                                      const std::vector<MeanSums>& at,
                                                      const MeanSums& sum_a,
                                                      const MeanSums& sum_b, double scale,
                                                      bool permutation,
                                                      const CalibratedSearchOptions& options) {
  std::vector<double> key = {permutation ? 1.0 : 0.0, static_cast<double>(options.seed),
                             static_cast<double>(options.replicates)};
  if (permutation) {
    std::vector<int64_t> counts(static_cast<size_t>(sums.scale_points()), 0);
    PermutationLayout layout{{}, {}, &sums, scale};
    layout.values.reserve(static_cast<size_t>(b - a));
    for (int64_t i = a; i < b; ++i) {
      const int index = sums.ScoreIndex(i);
      layout.values.push_back(static_cast<uint16_t>(index));
      ++counts[static_cast<size_t>(index)];
    }
    for (int64_t c : candidates) layout.offsets.push_back(c - a);
    for (int64_t count : counts) key.push_back(static_cast<double>(count));
    for (int64_t offset : layout.offsets) key.push_back(static_cast<double>(offset));
    key.push_back(scale);
    const uint64_t hash = HashKey(key);
    if (auto found = FindCached(hash, key)) return found;
    auto maxima = SimulateMaxima(layout, std::vector<uint16_t>(), kPermutationStream,
                                 MaxAbsPermuted, options);
    if (options.ticker != nullptr && !options.ticker->Running()) return maxima;  // not kept
    Remember(hash, std::move(key), maxima);
    return maxima;
  }
  const double total_weight = sum_b.weight - sum_a.weight;
  const double total_squares = sum_b.weight_squared - sum_a.weight_squared;
  GaussianLayout layout;
  double previous_squares = 0;
  for (size_t j = 0; j < candidates.size(); ++j) {
    const double weight_a = (at[j].weight - sum_a.weight) / total_weight;
    const double squares_a = (at[j].weight_squared - sum_a.weight_squared) / total_squares;
    key.push_back(weight_a);
    key.push_back(squares_a);
    const double weight_b = 1 - weight_a;
    const double squares_b = 1 - squares_a;
    layout.step_sd.push_back(std::sqrt(std::max(0.0, squares_a - previous_squares)));
    previous_squares = squares_a;
    layout.inverse_weight_a.push_back(1 / weight_a);
    layout.inverse_weight_b.push_back(1 / weight_b);
    layout.inverse_sd.push_back(
        1 / std::sqrt(squares_a / (weight_a * weight_a) + squares_b / (weight_b * weight_b)));
  }
  layout.step_sd.push_back(std::sqrt(std::max(0.0, 1 - previous_squares)));
  const uint64_t hash = HashKey(key);
  if (auto found = FindCached(hash, key)) return found;
  auto maxima = SimulateMaxima(layout, std::vector<double>(candidates.size()), kGaussianStream,
                               MaxAbsGaussian, options);
  if (options.ticker != nullptr && !options.ticker->Running()) return maxima;  // not kept
  Remember(hash, std::move(key), maxima);
  return maxima;
}

SegmentTest TestSegment(const MeanShiftSums& sums, int64_t a, int64_t b,
                        const std::vector<int64_t>& all_candidates, double scale,
                        const CalibratedSearchOptions& options) {
  SegmentTest test;
  const std::vector<int64_t> candidates =
      SegmentCandidates(all_candidates, a, b, options.min_size);
  if (candidates.empty()) return test;
  const MeanSums sum_a = sums.PrefixAt(a);
  const MeanSums sum_b = sums.PrefixAt(b);
  std::vector<MeanSums> at;
  at.reserve(candidates.size());
  double best_abs = -1;
  for (int64_t c : candidates) {
    at.push_back(sums.PrefixAt(c));
    const double z = ShiftZ(sum_a, at.back(), sum_b, scale);
    if (std::fabs(z) > best_abs) {
      best_abs = std::fabs(z);
      test.best = c;
      test.z = z;
    }
  }
  test.candidates = static_cast<int64_t>(candidates.size());
  test.permutation = options.permutation_allowed && !sums.weighted() &&
                     b - a <= kPermutationMaxResponses;
  const auto maxima = NullMaxima(sums, a, b, candidates, at, sum_a, sum_b, scale,
                                 test.permutation, options);
  test.p_value = PValue(*maxima, std::fabs(test.z));
  test.critical_value = CriticalValue(*maxima, options.alpha);
  test.found = test.p_value <= options.alpha;
  return test;
}

// The admissible position in [lo, hi] of largest |Z| between a and b, with
// every position's Z reported to `visit` (in order); cluster-robust Z with
// `clustered`.
template <typename Visit>
int64_t ScanPositions(const MeanShiftSums& sums, const int64_t* times, int64_t a, int64_t b,
                      int64_t lo, int64_t hi, double scale, Visit visit,
                      ClusteredShiftScan* clustered = nullptr) {
  if (clustered != nullptr) {
    clustered->Start(a, b);
    int64_t best = -1;
    double best_abs = -1;
    for (int64_t t = lo; t <= hi; ++t) {
      if (!Admissible(times, t)) continue;
      const double z = clustered->ZAt(t);
      visit(t, z);
      if (std::fabs(z) > best_abs) {
        best_abs = std::fabs(z);
        best = t;
      }
    }
    return best;
  }
  const MeanSums sum_a = sums.PrefixAt(a);
  const MeanSums sum_b = sums.PrefixAt(b);
  MeanSums running = sums.PrefixAt(lo);
  int64_t best = -1;
  double best_abs = -1;
  for (int64_t t = lo; t <= hi; ++t) {
    if (Admissible(times, t)) {
      const double z = ShiftZ(sum_a, running, sum_b, scale);
      visit(t, z);
      if (std::fabs(z) > best_abs) {
        best_abs = std::fabs(z);
        best = t;
      }
    }
    sums.Add(t, &running);
  }
  return best;
}

// The location interval's threshold on Z^2 (see the header comment):
// max Z^2 - Z_true^2 tends to 2 max(E_1, E_2), E_i independent Exp(1), the
// suprema of W(s) - |s| / 2 on each side of the change, so
// P(2 max(E_1, E_2) <= c) = (1 - e^{-c/2})^2 = level.
double LocationWithin(double level) { return -2 * std::log1p(-std::sqrt(level)); }

}  // namespace

std::vector<int64_t> SegmentCandidates(const std::vector<int64_t>& all, int64_t a, int64_t b,
                                       int64_t min_size) {
  auto first = std::lower_bound(all.begin(), all.end(), a + min_size);
  auto last = std::upper_bound(first, all.end(), b - min_size);
  if (first >= last) return {};
  return std::vector<int64_t>(first, last);
}

double CriticalValue(const std::vector<double>& maxima, double alpha) {
  const int64_t r = static_cast<int64_t>(maxima.size());
  const int64_t allowed =
      static_cast<int64_t>(std::floor(alpha * static_cast<double>(r + 1) + 1e-9)) - 1;
  if (allowed < 0) return maxima.back();
  return maxima[static_cast<size_t>(r - 1 - std::min(allowed, r - 1))];
}

double PValue(const std::vector<double>& maxima, double z) {
  const auto at_least = maxima.end() - std::lower_bound(maxima.begin(), maxima.end(), z);
  return static_cast<double>(1 + at_least) / static_cast<double>(maxima.size() + 1);
}

size_t CachedNullCount() {
  std::lock_guard<std::mutex> lock(cache_mutex);
  return cache.size();
}

CalibratedSearch SearchCalibrated(const MeanShiftSums& sums, const int64_t* times,
                                  const std::vector<int64_t>& candidates, CandidateKind kind,
                                  double scale, const CalibratedSearchOptions& options,
                                  ClusteredShiftScan* clustered) {
  CalibratedSearch out;
  const int64_t n = sums.size();
  const int64_t min_size = options.min_size;
  // Binary segmentation (Vostrikova 1981) with an explicit stack of segments.
  std::vector<std::pair<int64_t, int64_t>> pending = {{0, n}};
  bool whole = true;
  while (!pending.empty()) {
    const auto [a, b] = pending.back();
    pending.pop_back();
    const SegmentTest test = clustered != nullptr
                                 ? clustered->Test(a, b, candidates, options)
                                 : TestSegment(sums, a, b, candidates, scale, options);
    if (options.ticker != nullptr && !options.ticker->Running()) {
      out.cancelled = true;
      return out;
    }
    if (whole) {
      out.critical_value = test.critical_value;
      out.max_z = std::fabs(test.z);
      out.p_value = test.p_value;
      out.permutation = test.permutation;
      out.candidates = test.candidates;
      whole = false;
    }
    if (!test.found) {
      if (options.ticker != nullptr) options.ticker->Add(b - a);  // settled
      continue;
    }
    int64_t at = test.best;
    if (kind == CandidateKind::kGrid) {
      const int64_t m = sums.block_size();
      const int64_t block = at / m;
      const int64_t lo = std::max((block - 1) * m, a + min_size);
      const int64_t hi = std::min((block + 2) * m - 1, b - min_size);
      const int64_t refined = ScanPositions(
          sums, times, a, b, lo, hi, scale, [](int64_t, double) {}, clustered);
      if (refined >= 0) at = refined;
    }
    out.changes.push_back({at, test.z, test.p_value, at, at});
    pending.push_back({at, b});
    pending.push_back({a, at});
  }
  std::sort(out.changes.begin(), out.changes.end(),
            [](const CalibratedChange& x, const CalibratedChange& y) { return x.index < y.index; });

  // Each change moves to the best position between its final neighbours
  // (left to right), and its location interval is the set of positions whose
  // Z^2 is within c = -2 log(1 - sqrt(level)) of the best: the level
  // quantile of max_t Z^2 - Z_true^2 in the limit (see the public header).
  const double within = LocationWithin(options.level);
  for (size_t j = 0; j < out.changes.size(); ++j) {
    CalibratedChange& change = out.changes[j];
    const int64_t a = j == 0 ? 0 : out.changes[j - 1].index;
    const int64_t b = j + 1 == out.changes.size() ? n : out.changes[j + 1].index;
    // Visits (t, Z) for every position a change may take between a and b.
    auto for_each_position = [&](auto visit) {
      if (kind != CandidateKind::kBoundaries) {
        ScanPositions(sums, times, a, b, a + min_size, b - min_size, scale, visit, clustered);
        return;
      }
      if (clustered != nullptr) {
        clustered->Start(a, b);
        for (int64_t c : candidates) {
          if (c >= a + min_size && c <= b - min_size) visit(c, clustered->ZAt(c));
        }
        return;
      }
      const MeanSums sum_a = sums.PrefixAt(a);
      const MeanSums sum_b = sums.PrefixAt(b);
      for (int64_t c : candidates) {
        if (c >= a + min_size && c <= b - min_size) {
          visit(c, ShiftZ(sum_a, sums.PrefixAt(c), sum_b, scale));
        }
      }
    };
    double best = 0;
    bool any = false;
    for_each_position([&](int64_t t, double z) {
      if (!any || std::fabs(z) > std::fabs(best)) {
        best = z;
        change.index = t;
        any = true;
      }
    });
    if (!any) continue;
    change.index_low = change.index_high = change.index;
    for_each_position([&](int64_t t, double z) {
      if (best * best - z * z <= within) {
        change.index_low = std::min(change.index_low, t);
        change.index_high = std::max(change.index_high, t);
      }
    });
  }
  return out;
}

}  // namespace candor::internal
