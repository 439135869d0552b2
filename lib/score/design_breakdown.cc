// Breakdown under a SurveyDesign: each combination of segment codes is a
// domain of the one design, compared with the rest by the domain contrast.
#include <algorithm>
#include <candor/design.hpp>
#include <candor/score.hpp>
#include <cmath>
#include <limits>
#include <new>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "common/parallel.hpp"
#include "design_domain.hpp"
#include "p_adjust.hpp"
#include "score/design_variance.hpp"
#include "weight_scale.hpp"

namespace candor {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The cell of each response (dense, in order of first appearance) and each
// cell's tuple of codes.
struct Cells {
  std::vector<uint32_t> cell_of;
  std::vector<std::vector<int32_t>> codes;
};

Cells GroupIntoCells(const std::vector<const int32_t*>& segments, size_t n) {
  Cells cells;
  cells.cell_of.resize(n);
  absl::flat_hash_map<std::vector<int32_t>, uint32_t> cell_of_tuple;
  std::vector<int32_t> tuple(segments.size());
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < segments.size(); ++k) tuple[k] = segments[k][i];
    auto [it, inserted] =
        cell_of_tuple.try_emplace(tuple, static_cast<uint32_t>(cells.codes.size()));
    if (inserted) cells.codes.push_back(tuple);
    cells.cell_of[i] = it->second;
  }
  return cells;
}

// One row: the segment (label 0) against the rest (label 1). p_value stays
// NaN (not counted in the adjustment) when either side is not estimable.
void EstimateRow(const Metric& metric, const internal::DesignResponses& responses,
                 const internal::DesignVariance& variance, const Cells& cells, uint32_t cell,
                 const IntervalOptions& options, BreakdownRow* row, double* p_value) {
  std::vector<int32_t> labels(cells.cell_of.size());
  for (size_t i = 0; i < labels.size(); ++i) labels[i] = cells.cell_of[i] == cell ? 0 : 1;
  const internal::DomainMean segment = internal::SummarizeDomain(responses, labels, 0);
  const internal::DomainMean rest = internal::SummarizeDomain(responses, labels, 1);
  row->codes = cells.codes[cell];
  if (segment.estimable() && rest.estimable()) {
    row->vs_rest =
        internal::DomainContrast(metric, responses, labels, 0, 1, segment, rest, variance, options);
    row->estimate = row->vs_rest.a;
    *p_value = row->vs_rest.p_value;
    return;
  }
  row->estimate =
      internal::DomainEstimate(metric, responses, labels, 0, segment, variance, options);
  Comparison& vs_rest = row->vs_rest;
  vs_rest.difference = vs_rest.std_error = vs_rest.ci_low = vs_rest.ci_high = kNaN;
  vs_rest.p_value = 1.0;
  vs_rest.a = row->estimate;
  vs_rest.b = internal::DomainEstimate(metric, responses, labels, 1, rest, variance, options);
}

}  // namespace

Result<std::vector<BreakdownRow>> Breakdown(const Metric& metric, const double* scores, size_t n,
                                            const SurveyDesign& given_design,
                                            const std::vector<const int32_t*>& segments,
                                            const IntervalOptions& options, PAdjust adjust) {
  try {
    // Weights near 1e-300 or 1e300 would under- or overflow their squares.
    const internal::ScaledDesign scaled(given_design, n);
    const SurveyDesign& design = scaled.get();
    if (!internal::NeedsDesignVariance(design)) {
      return Breakdown(metric, scores, design.weights, n, segments, options, adjust);
    }
    if (adjust != PAdjust::kNone && adjust != PAdjust::kHolm &&
        adjust != PAdjust::kBenjaminiHochberg) {
      return InvalidArgument("unknown p-value adjustment " +
                             std::to_string(static_cast<int>(adjust)));
    }
    if (segments.empty()) return InvalidArgument("no segment columns given");
    for (size_t k = 0; k < segments.size(); ++k) {
      if (segments[k] == nullptr) {
        return InvalidArgument("segment column " + std::to_string(k) + " is null");
      }
    }
    Result<internal::DesignResponses> responses =
        internal::PrepareDesignResponses(metric, scores, n, design, options);
    if (!responses.ok()) return responses.status();
    Result<internal::DesignVariance> variance = internal::DesignVariance::Create(design, n);
    if (!variance.ok()) return variance.status();

    const Cells cells = GroupIntoCells(segments, n);
    std::vector<uint32_t> order(cells.codes.size());
    for (uint32_t cell = 0; cell < order.size(); ++cell) order[cell] = cell;
    std::sort(order.begin(), order.end(),
              [&](uint32_t x, uint32_t y) { return cells.codes[x] < cells.codes[y]; });

    // Rows are independent given the shared design: estimate them in parallel.
    std::vector<BreakdownRow> rows(order.size());
    std::vector<double> p_values(order.size(), kNaN);
    std::vector<char> out_of_memory(order.size(), 0);
    internal::ParallelChunks(order.size(), options.threads, [&](size_t, size_t begin, size_t end) {
      for (size_t r = begin; r < end; ++r) {
        try {
          EstimateRow(metric, *responses, *variance, cells, order[r], options, &rows[r],
                      &p_values[r]);
        } catch (const std::bad_alloc&) {
          out_of_memory[r] = 1;
          return;
        }
      }
    });
    for (char failed : out_of_memory) {
      if (failed) return Status(CANDOR_OUT_OF_MEMORY, "out of memory in breakdown");
    }
    internal::SetAdjustedPValues(p_values, adjust, &rows);
    return rows;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory in breakdown");
  }
}

}  // namespace candor
