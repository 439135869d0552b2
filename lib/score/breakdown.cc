// Breakdown: one estimate per combination of segment codes, each compared
// with all other responses, p-values adjusted across rows.
#include <algorithm>
#include <candor/score.hpp>
#include <cmath>
#include <limits>
#include <new>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "common/parallel.hpp"
#include "p_adjust.hpp"
#include "score/estimate_internal.hpp"
#include "score/tally.hpp"
#include "weight_scale.hpp"

namespace candor {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Mixed-radix keys below this are looked up in a flat array, not a hash map.
constexpr uint64_t kDenseKeyLimit = uint64_t{1} << 22;
constexpr uint32_t kNoCell = std::numeric_limits<uint32_t>::max();

// Per-cell sums in flat arrays indexed by cell * points + point.
class CellTable {
 public:
  CellTable(const std::vector<const int32_t*>& segments, size_t points)
      : segments_(segments), points_(points) {}

  uint32_t AddCell(size_t row) {
    for (const int32_t* column : segments_) codes_.push_back(column[row]);
    counts_.resize(counts_.size() + points_, 0);
    weight_sums_.resize(weight_sums_.size() + points_, 0.0);
    weight_square_sums_.resize(weight_square_sums_.size() + points_, 0.0);
    weighted_.push_back(0);
    return static_cast<uint32_t>(cells_++);
  }

  void Add(uint32_t cell, size_t point, const double* weight) {
    const size_t at = cell * points_ + point;
    ++counts_[at];
    if (weight != nullptr) {
      weight_sums_[at] += *weight;
      weight_square_sums_[at] += *weight * *weight;
      if (*weight != 1.0) weighted_[cell] = 1;
    }
  }

  // Unit weights: the weight sums are the counts.
  void FillUnitWeights() {
    for (size_t at = 0; at < counts_.size(); ++at) {
      weight_sums_[at] = static_cast<double>(counts_[at]);
      weight_square_sums_[at] = static_cast<double>(counts_[at]);
    }
  }

  size_t cells() const { return cells_; }
  std::vector<int32_t> Codes(size_t cell) const {
    const size_t columns = segments_.size();
    return std::vector<int32_t>(codes_.begin() + cell * columns,
                                codes_.begin() + (cell + 1) * columns);
  }
  bool weighted(size_t cell) const { return weighted_[cell] != 0; }

  internal::Tally TallyOf(size_t cell, int scale_min, int scale_max) const {
    internal::Tally tally;
    tally.scale_min = scale_min;
    tally.scale_max = scale_max;
    tally.weighted = weighted(cell);
    const auto begin = static_cast<std::ptrdiff_t>(cell * points_);
    const auto end = begin + static_cast<std::ptrdiff_t>(points_);
    tally.counts.assign(counts_.begin() + begin, counts_.begin() + end);
    tally.weight_sums.assign(weight_sums_.begin() + begin, weight_sums_.begin() + end);
    tally.weight_square_sums.assign(weight_square_sums_.begin() + begin,
                                    weight_square_sums_.begin() + end);
    return tally;
  }

 private:
  const std::vector<const int32_t*>& segments_;
  size_t points_;
  size_t cells_ = 0;
  std::vector<int32_t> codes_;
  std::vector<int64_t> counts_;
  std::vector<double> weight_sums_;
  std::vector<double> weight_square_sums_;
  std::vector<char> weighted_;
};

// Groups rows into cells by their tuple of codes: a flat array when the
// mixed-radix key space is small, a hash map of keys when it fits in 64 bits,
// a hash map of tuples otherwise.
void FillCells(const Metric& metric, const double* scores, const double* weights, size_t n,
               const std::vector<const int32_t*>& segments, CellTable* table) {
  const size_t columns = segments.size();
  std::vector<int64_t> minimum(columns), stride(columns);
  bool fits = true;
  uint64_t key_space = 1;
  for (size_t k = 0; k < columns; ++k) {
    const auto [low, high] = std::minmax_element(segments[k], segments[k] + n);
    minimum[k] = *low;
    const uint64_t span = static_cast<uint64_t>(static_cast<int64_t>(*high) - *low + 1);
    stride[k] = static_cast<int64_t>(key_space);
    if (key_space > std::numeric_limits<uint64_t>::max() / span / 2) fits = false;
    if (fits) key_space *= span;
  }
  auto point_of = [&](size_t i) { return static_cast<size_t>(scores[i] - metric.scale_min); };
  auto key_of = [&](size_t i) {
    uint64_t key = 0;
    for (size_t k = 0; k < columns; ++k) {
      key += static_cast<uint64_t>(segments[k][i] - minimum[k]) * static_cast<uint64_t>(stride[k]);
    }
    return key;
  };
  if (fits && key_space <= kDenseKeyLimit) {
    std::vector<uint32_t> cell_of_key(key_space, kNoCell);
    for (size_t i = 0; i < n; ++i) {
      uint32_t& cell = cell_of_key[key_of(i)];
      if (cell == kNoCell) cell = table->AddCell(i);
      table->Add(cell, point_of(i), weights == nullptr ? nullptr : weights + i);
    }
  } else if (fits) {
    absl::flat_hash_map<uint64_t, uint32_t> cell_of_key;
    for (size_t i = 0; i < n; ++i) {
      auto [it, inserted] = cell_of_key.try_emplace(key_of(i), kNoCell);
      if (inserted) it->second = table->AddCell(i);
      table->Add(it->second, point_of(i), weights == nullptr ? nullptr : weights + i);
    }
  } else {
    absl::flat_hash_map<std::vector<int32_t>, uint32_t> cell_of_tuple;
    std::vector<int32_t> tuple(columns);
    for (size_t i = 0; i < n; ++i) {
      for (size_t k = 0; k < columns; ++k) tuple[k] = segments[k][i];
      auto [it, inserted] = cell_of_tuple.try_emplace(tuple, kNoCell);
      if (inserted) it->second = table->AddCell(i);
      table->Add(it->second, point_of(i), weights == nullptr ? nullptr : weights + i);
    }
  }
  if (weights == nullptr) table->FillUnitWeights();
}

// Empty groups (no responses, zero weight, or one weighted response under
// Wald) give NaN rows instead of failing the whole breakdown.
bool NotEstimable(const Status& status) {
  return status.code() == CANDOR_EMPTY || status.code() == CANDOR_OUT_OF_RANGE;
}

Estimate NaNEstimate(const internal::Tally& tally, double level) {
  Estimate estimate;
  estimate.value = estimate.std_error = estimate.ci_low = estimate.ci_high = kNaN;
  estimate.effective_n = kNaN;
  estimate.level = level;
  estimate.n = tally.Total();
  return estimate;
}

// One row: the cell's estimate and its comparison with the rest. p_value is
// left NaN (not counted in the adjustment) when either side is not estimable.
Status EstimateRow(const Metric& metric, const internal::Tally& segment,
                   const internal::Tally& total, size_t weighted_cells,
                   const std::vector<int32_t>& codes, const IntervalOptions& options,
                   BreakdownRow* row, double* p_value) {
  try {
    row->codes = codes;
    internal::Tally rest = total.Minus(segment);
    rest.weighted = weighted_cells > (segment.weighted ? 1u : 0u);
    Result<internal::GroupEstimate> a =
        internal::EstimateGroup(metric, segment, nullptr, options, internal::kFirstGroupStream);
    if (!a.ok() && !NotEstimable(a.status())) return a.status();
    Result<internal::GroupEstimate> b =
        rest.Total() == 0
            ? Result<internal::GroupEstimate>(Empty("no other responses"))
            : internal::EstimateGroup(metric, rest, nullptr, options, internal::kSecondGroupStream);
    if (!b.ok() && !NotEstimable(b.status())) return b.status();
    row->estimate = a.ok() ? a->estimate : NaNEstimate(segment, options.level);
    if (a.ok() && b.ok()) {
      row->vs_rest = internal::CompareIndependentGroups(metric, *a, *b, options);
      *p_value = row->vs_rest.p_value;
      return internal::CheckReportable(row->vs_rest);
    }
    Comparison& vs_rest = row->vs_rest;
    vs_rest.difference = vs_rest.std_error = vs_rest.ci_low = vs_rest.ci_high = kNaN;
    vs_rest.p_value = 1.0;
    vs_rest.a = row->estimate;
    vs_rest.b = b.ok() ? b->estimate : NaNEstimate(rest, options.level);
    return OkStatus();
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory in breakdown");
  }
}

Status CheckBreakdownRequest(const Metric& metric, const IntervalOptions& options,
                             PAdjust adjust) {
  CANDOR_RETURN_IF_ERROR(internal::ValidateRequest(metric, options));
  if (adjust != PAdjust::kNone && adjust != PAdjust::kHolm &&
      adjust != PAdjust::kBenjaminiHochberg) {
    return InvalidArgument("unknown p-value adjustment " +
                           std::to_string(static_cast<int>(adjust)));
  }
  return OkStatus();
}

// The rows of cells (their tallies and codes, codes distinct): each cell
// against the rest, sorted by codes, p-values adjusted.
Result<std::vector<BreakdownRow>> BreakdownCells(const Metric& metric,
                                                 const std::vector<internal::Tally>& cells,
                                                 const std::vector<std::vector<int32_t>>& codes,
                                                 const IntervalOptions& options, PAdjust adjust) {
  const size_t points = static_cast<size_t>(metric.scale_max - metric.scale_min + 1);
  internal::Tally total = internal::Tally::Empty(metric.scale_min, metric.scale_max);
  size_t weighted_cells = 0;
  for (const internal::Tally& tally : cells) {
    for (size_t j = 0; j < points; ++j) {
      total.counts[j] += tally.counts[j];
      total.weight_sums[j] += tally.weight_sums[j];
      total.weight_square_sums[j] += tally.weight_square_sums[j];
    }
    weighted_cells += tally.weighted;
  }
  total.weighted = weighted_cells > 0;
  CANDOR_RETURN_IF_ERROR(internal::CheckEstimable(total));
  if (total.weighted && options.method == IntervalMethod::kBootstrap) {
    return Unsupported(
        "breakdowns do not support the weighted bootstrap (it resamples "
        "responses); use Wald, adjusted Wald or Bayes with weights");
  }

  std::vector<size_t> order(cells.size());
  for (size_t cell = 0; cell < order.size(); ++cell) order[cell] = cell;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return codes[x] < codes[y]; });

  // Rows are independent: estimate them in parallel (each with one thread,
  // so bootstrap streams and results do not depend on the thread count).
  std::vector<BreakdownRow> rows(order.size());
  std::vector<double> p_values(order.size(), kNaN);
  std::vector<Status> failures(order.size());
  IntervalOptions row_options = options;
  row_options.threads = 1;
  internal::ParallelChunks(order.size(), options.threads, [&](size_t, size_t begin, size_t end) {
    for (size_t r = begin; r < end; ++r) {
      const size_t cell = order[r];
      failures[r] = EstimateRow(metric, cells[cell], total, weighted_cells, codes[cell],
                                row_options, &rows[r], &p_values[r]);
      if (!failures[r].ok()) return;
    }
  });
  for (const Status& failure : failures) CANDOR_RETURN_IF_ERROR(failure);
  internal::SetAdjustedPValues(p_values, adjust, &rows);
  return rows;
}

}  // namespace

Result<std::vector<BreakdownRow>> Breakdown(const Metric& metric, const double* scores,
                                            const double* weights, size_t n,
                                            const std::vector<const int32_t*>& segments,
                                            const IntervalOptions& options, PAdjust adjust) {
  try {
    CANDOR_RETURN_IF_ERROR(CheckBreakdownRequest(metric, options, adjust));
    if (n == 0) return Empty("no responses");
    if (segments.empty()) return InvalidArgument("no segment columns given");
    for (size_t k = 0; k < segments.size(); ++k) {
      if (segments[k] == nullptr) {
        return InvalidArgument("segment column " + std::to_string(k) + " is null");
      }
    }
    CANDOR_RETURN_IF_ERROR(
        internal::ValidateResponses(metric.scale_min, metric.scale_max, scores, weights, n));
    const size_t points = static_cast<size_t>(metric.scale_max - metric.scale_min + 1);
    const internal::ScaledWeights scaled(weights, n);
    CellTable table(segments, points);
    FillCells(metric, scores, scaled.data(), n, segments, &table);
    std::vector<internal::Tally> cells(table.cells());
    std::vector<std::vector<int32_t>> codes(table.cells());
    for (size_t cell = 0; cell < table.cells(); ++cell) {
      cells[cell] = table.TallyOf(cell, metric.scale_min, metric.scale_max);
      codes[cell] = table.Codes(cell);
    }
    return BreakdownCells(metric, cells, codes, options, adjust);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory in breakdown");
  }
}

Result<std::vector<BreakdownRow>> BreakdownAccumulated(
    const Metric& metric, const std::vector<const ScoreAccumulator*>& cells,
    const std::vector<std::vector<int32_t>>& codes, const IntervalOptions& options,
    PAdjust adjust) {
  try {
    CANDOR_RETURN_IF_ERROR(CheckBreakdownRequest(metric, options, adjust));
    if (cells.size() != codes.size()) {
      return LengthMismatch(std::to_string(cells.size()) + " cells but " +
                            std::to_string(codes.size()) + " tuples of codes");
    }
    if (cells.empty()) return Empty("no cells");
    std::vector<internal::Tally> tallies(cells.size());
    absl::flat_hash_map<std::vector<int32_t>, size_t> seen;
    for (size_t cell = 0; cell < cells.size(); ++cell) {
      if (cells[cell] == nullptr) {
        return InvalidArgument("cell " + std::to_string(cell) + " is null");
      }
      const ScoreAccumulator& acc = *cells[cell];
      if (acc.scale_min() != metric.scale_min || acc.scale_max() != metric.scale_max) {
        return InvalidArgument("cell " + std::to_string(cell) + " is on the scale " +
                               std::to_string(acc.scale_min()) + ".." +
                               std::to_string(acc.scale_max()) + ", not the metric's " +
                               std::to_string(metric.scale_min) + ".." +
                               std::to_string(metric.scale_max));
      }
      if (codes[cell].size() != codes[0].size() || codes[0].empty()) {
        return InvalidArgument("cell " + std::to_string(cell) + " has " +
                               std::to_string(codes[cell].size()) +
                               " segment codes; every cell needs as many as the first, >= 1");
      }
      auto [it, added] = seen.emplace(codes[cell], cell);
      if (!added) {
        return InvalidArgument("cells " + std::to_string(it->second) + " and " +
                               std::to_string(cell) +
                               " have the same segment codes (merge them first)");
      }
      tallies[cell] = internal::Tally::FromAccumulator(acc);
    }
    return BreakdownCells(metric, tallies, codes, options, adjust);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory in breakdown");
  }
}

}  // namespace candor
