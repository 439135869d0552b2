// The AUC with DeLong's interval, and the paired DeLong comparison of two
// scores (formulas and references: include/candor/validate.hpp).
#include <algorithm>
#include <candor/validate.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

#include "common/normal.hpp"
#include "common/prefaulted_buffer.hpp"
#include "inputs.hpp"
#include "sorted_keys.hpp"

namespace candor {
namespace {

using internal::RadixSortDiffering;
using validate_internal::ClassCounts;
using validate_internal::ForEachTiedRun;
using validate_internal::KeyedRow;
using validate_internal::NegativePlacement;
using validate_internal::OrderedKey;
using validate_internal::PositivePlacement;
using validate_internal::RadixSort;
using validate_internal::TiedRun;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The sorted keys of each class.
void SortClasses(const double* score, const uint8_t* outcome, size_t n, const ClassCounts& counts,
                 std::vector<uint64_t>* positives, std::vector<uint64_t>* negatives) {
  positives->reserve(static_cast<size_t>(counts.positive));
  negatives->reserve(static_cast<size_t>(counts.negative));
  for (size_t i = 0; i < n; ++i) {
    (outcome[i] ? positives : negatives)->push_back(OrderedKey(score[i]));
  }
  validate_internal::RadixScratch<uint64_t> scratch;  // one for both classes
  RadixSort(positives, &scratch);
  RadixSort(negatives, &scratch);
}

// Twice the Mann-Whitney U: sum over positives of 2 (#negatives below) +
// (#negatives tied), integers, exact in a double up to 2^53.
double TwiceU(const TiedRun& run) {
  return static_cast<double>(run.positive_end - run.positive_begin) *
         static_cast<double>(2 * run.negative_begin + (run.negative_end - run.negative_begin));
}

// Hanley and McNeil's (1982) variance of the AUC estimate when the true AUC
// is theta, with m positives and k negatives.
double HanleyMcNeilVariance(double theta, double m, double k) {
  return theta * (1 - theta) / (m * k) *
         (1 + (m - 1) * (1 - theta) / (2 - theta) + (k - 1) * theta / (1 + theta));
}

// The root of (auc - theta)^2 = z^2 V_HM(theta) between `inside` (where the
// difference is <= 0) and `outside` (where it is >= 0), by bisection.
double ScoreBound(double auc, double inside, double outside, double z, double m, double k) {
  auto excess = [&](double theta) {
    return (auc - theta) * (auc - theta) - z * z * HanleyMcNeilVariance(theta, m, k);
  };
  if (excess(outside) < 0) return outside;
  for (int iteration = 0; iteration < 200; ++iteration) {
    const double middle = 0.5 * (inside + outside);
    if (middle == inside || middle == outside) break;
    (excess(middle) <= 0 ? inside : outside) = middle;
  }
  return 0.5 * (inside + outside);
}

bool IsFinitePositive(double v) { return std::isfinite(v) && v > 0; }

Auc EstimateAucSorted(const std::vector<uint64_t>& positives,
                      const std::vector<uint64_t>& negatives, double level) {
  const size_t m = positives.size();
  const size_t k = negatives.size();
  double twice_u = 0;
  ForEachTiedRun(positives, negatives, [&](const TiedRun& run) { twice_u += TwiceU(run); });
  Auc auc;
  auc.level = level;
  auc.n_positive = static_cast<int64_t>(m);
  auc.n_negative = static_cast<int64_t>(k);
  auc.value = 0.5 * twice_u / (static_cast<double>(m) * static_cast<double>(k));
  double s10 = 0;
  double s01 = 0;
  ForEachTiedRun(positives, negatives, [&](const TiedRun& run) {
    const double d10 = PositivePlacement(run, k) - auc.value;
    const double d01 = NegativePlacement(run, m) - auc.value;
    s10 += static_cast<double>(run.positive_end - run.positive_begin) * d10 * d10;
    s01 += static_cast<double>(run.negative_end - run.negative_begin) * d01 * d01;
  });
  const double z = internal::NormalQuantile(0.5 + 0.5 * level);
  if (m >= 2 && k >= 2) {
    const double variance = s10 / static_cast<double>(m - 1) / static_cast<double>(m) +
                            s01 / static_cast<double>(k - 1) / static_cast<double>(k);
    auc.std_error = std::sqrt(variance);
  } else {
    auc.std_error = kNaN;
  }
  if (IsFinitePositive(auc.std_error)) {
    auc.ci_low = std::max(0.0, auc.value - z * auc.std_error);
    auc.ci_high = std::min(1.0, auc.value + z * auc.std_error);
  } else {
    const double mm = static_cast<double>(m);
    const double kk = static_cast<double>(k);
    auc.hanley_mcneil_interval = true;
    auc.ci_low = ScoreBound(auc.value, auc.value, 0.0, z, mm, kk);
    auc.ci_high = ScoreBound(auc.value, auc.value, 1.0, z, mm, kk);
  }
  return auc;
}

// The tied runs of sorted items whose payload's `negative_bit` marks a
// negative: calls visit(run, begin, end) with the run's positions in each
// class and its items [begin, end). Returns the AUC.
template <typename Visit>
double ForEachItemRun(const KeyedRow* items, size_t n, uint64_t negative_bit,
                      const ClassCounts& counts, Visit&& visit) {
  double twice_u = 0;
  TiedRun run{0, 0, 0, 0};  // positions within each class, in ascending order
  size_t begin = 0;
  while (begin < n) {
    size_t end = begin;
    run.positive_begin = run.positive_end;
    run.negative_begin = run.negative_end;
    while (end < n && items[end].key == items[begin].key) {
      ++(items[end].row & negative_bit ? run.negative_end : run.positive_end);
      ++end;
    }
    twice_u += TwiceU(run);
    visit(run, begin, end);
    begin = end;
  }
  return 0.5 * twice_u /
         (static_cast<double>(counts.positive) * static_cast<double>(counts.negative));
}

constexpr uint64_t kSignBit = uint64_t{1} << 63;

// Every check of CompareAuc's inputs, in the order that decides which
// problem an error names.
Result<ClassCounts> CheckCompareInputs(const double* score_a, const double* score_b,
                                       const uint8_t* outcome, size_t n, double level) {
  auto counts = validate_internal::CheckRows(score_a, "score_a", outcome, n);
  if (!counts.ok()) return counts.status();
  auto counts_b = validate_internal::CheckRows(score_b, "score_b", outcome, n);
  if (!counts_b.ok()) return counts_b.status();
  CANDOR_RETURN_IF_ERROR(validate_internal::CheckLevel(level));
  CANDOR_RETURN_IF_ERROR(validate_internal::RequireClasses(
      *counts, 2, "DeLong's paired variance divides by the positives - 1 and negatives - 1"));
  return counts;
}

// The paired test on non-empty, non-null inputs and a valid level. The rows'
// checks (outcomes 0 or 1, no NaN) and the class counts are taken in the
// passes that fill the sort items, so the inputs are read once; on a problem
// CheckCompareInputs names it, exactly as if it had run first.
Result<AucComparison> CompareRows(const double* score_a, const double* score_b,
                                  const uint8_t* outcome, size_t n, double level) {
  // Two buffers of n items, left uninitialized (every item is written before
  // it is read): a's items, then the scratch of b's sort; the scratch of a's
  // sort, then b's items. Prefaulted: at 5M rows 160 MB of fresh pages,
  // faulted in one at a time otherwise.
  const internal::PrefaultedArray<KeyedRow> first(n);
  const internal::PrefaultedArray<KeyedRow> second(n);

  // Score a: rows sorted with a's keys (payload: row, and 1 for a negative).
  KeyedRow* const items_a = first.get();
  bool bad_row = false;  // an outcome other than 0 or 1, or a NaN score
  int64_t positives = 0;
  uint64_t differ = 0;  // see DifferingBits
  const uint64_t first_key_a = OrderedKey(score_a[0]);
  for (size_t i = 0; i < n; ++i) {
    const uint8_t y = outcome[i];
    const double x = score_a[i];
    bad_row |= (y > 1) | std::isnan(x);
    positives += y;
    const uint64_t key = OrderedKey(x);
    differ |= key ^ first_key_a;
    items_a[i] = {key, (uint64_t{i} << 1) | (y ? 0u : 1u)};
  }
  ClassCounts counts;
  counts.positive = positives;
  counts.negative = static_cast<int64_t>(n) - positives;
  if (bad_row || counts.positive < 2 || counts.negative < 2) {
    return CheckCompareInputs(score_a, score_b, outcome, n, level).status();
  }
  const size_t m = static_cast<size_t>(counts.positive);
  const size_t k = static_cast<size_t>(counts.negative);
  AucComparison c;
  c.level = level;
  c.n_positive = counts.positive;
  c.n_negative = counts.negative;
  RadixSortDiffering(items_a, n, second.get(), differ);
  // Score b's items, in the second buffer (a's sort is done with it): each
  // row's payload is its placement under a (>= 0, so its sign bit is free to
  // mark a negative), written by the walk over a's runs straight to the row's
  // item (one random write per row, no array of placements to read back);
  // the walk over b's sorted runs then reads a's placements in order.
  KeyedRow* const items_b = second.get();
  c.auc_a =
      ForEachItemRun(items_a, n, 1, counts, [&](const TiedRun& run, size_t begin, size_t end) {
        uint64_t v10;
        uint64_t v01;
        const double p10 = PositivePlacement(run, k);
        const double p01 = NegativePlacement(run, m);
        std::memcpy(&v10, &p10, sizeof(v10));
        std::memcpy(&v01, &p01, sizeof(v01));
        v01 |= kSignBit;
        for (size_t i = begin; i < end; ++i) {
          const size_t row = static_cast<size_t>(items_a[i].row >> 1);
          items_b[row].row = items_a[i].row & 1 ? v01 : v10;
        }
      });
  differ = 0;
  const uint64_t first_key_b = OrderedKey(score_b[0]);
  for (size_t i = 0; i < n; ++i) {
    const double x = score_b[i];
    bad_row |= std::isnan(x);
    const uint64_t key = OrderedKey(x);
    differ |= key ^ first_key_b;
    items_b[i].key = key;
  }
  if (bad_row) return CheckCompareInputs(score_a, score_b, outcome, n, level).status();
  RadixSortDiffering(items_b, n, first.get(), differ);
  c.auc_b = ForEachItemRun(items_b, n, kSignBit, counts, [](const TiedRun&, size_t, size_t) {});
  // Sums of products of deviations, positives (10) and negatives (01), one
  // row at a time: with a and b ordering rows alike the three are bitwise
  // equal and the variance is exactly 0. Rows come in b's order, so db
  // drifts from one end to the other: blocks of about kBlock rows are summed
  // apart and then added, which keeps the rounding error of 5M terms small.
  constexpr size_t kBlock = 4096;
  double s10[3] = {0, 0, 0};  // aa, bb, ab
  double s01[3] = {0, 0, 0};
  double block10[3] = {0, 0, 0};
  double block01[3] = {0, 0, 0};
  size_t block_end = kBlock;
  auto flush = [&] {
    for (int e = 0; e < 3; ++e) {
      s10[e] += block10[e];
      s01[e] += block01[e];
      block10[e] = block01[e] = 0;
    }
  };
  ForEachItemRun(items_b, n, kSignBit, counts, [&](const TiedRun& run, size_t begin, size_t end) {
    const double db10 = PositivePlacement(run, k) - c.auc_b;
    const double db01 = NegativePlacement(run, m) - c.auc_b;
    for (size_t i = begin; i < end; ++i) {
      const bool negative = items_b[i].row & kSignBit;
      const uint64_t bits = items_b[i].row & ~kSignBit;
      double va;
      std::memcpy(&va, &bits, sizeof(va));
      const double da = va - c.auc_a;
      const double db = negative ? db01 : db10;
      double* s = negative ? block01 : block10;
      s[0] += da * da;
      s[1] += db * db;
      s[2] += da * db;
    }
    if (end >= block_end) {
      flush();
      block_end = end + kBlock;
    }
  });
  flush();
  c.difference = c.auc_a - c.auc_b;
  const double mm = static_cast<double>(m);
  const double kk = static_cast<double>(k);
  double cov[3];
  for (int e = 0; e < 3; ++e) cov[e] = s10[e] / (mm - 1) / mm + s01[e] / (kk - 1) / kk;
  const double variance = std::max(0.0, cov[0] + cov[1] - 2 * cov[2]);
  c.std_error = std::sqrt(variance);
  c.correlation = cov[0] > 0 && cov[1] > 0 ? cov[2] / std::sqrt(cov[0] * cov[1]) : kNaN;
  if (c.std_error > 0) {
    const double z = internal::NormalQuantile(0.5 + 0.5 * level);
    c.z = c.difference / c.std_error;
    c.p_value = internal::TwoSidedPValue(c.z);
    c.ci_low = c.difference - z * c.std_error;
    c.ci_high = c.difference + z * c.std_error;
  } else {
    // No variance: see validate.hpp (pROC's z = 0 for d = 0; no test otherwise).
    c.z = c.difference == 0 ? 0.0 : kNaN;
    c.p_value = c.difference == 0 ? 1.0 : kNaN;
    c.ci_low = kNaN;
    c.ci_high = kNaN;
  }
  return c;
}

}  // namespace

Result<Auc> EstimateAuc(const double* score, const uint8_t* outcome, size_t n, double level) {
  auto counts = validate_internal::CheckRows(score, "score", outcome, n);
  if (!counts.ok()) return counts.status();
  CANDOR_RETURN_IF_ERROR(validate_internal::CheckLevel(level));
  CANDOR_RETURN_IF_ERROR(
      validate_internal::RequireClasses(*counts, 1, "the AUC compares positives with negatives"));
  std::vector<uint64_t> positives;
  std::vector<uint64_t> negatives;
  SortClasses(score, outcome, n, *counts, &positives, &negatives);
  return EstimateAucSorted(positives, negatives, level);
}

Result<AucComparison> CompareAuc(const double* score_a, const double* score_b,
                                 const uint8_t* outcome, size_t n, double level) {
  if (n == 0 || score_a == nullptr || score_b == nullptr || outcome == nullptr ||
      !(level > 0 && level < 1)) {
    // An error in any case (named in the order of CheckCompareInputs).
    auto counts = CheckCompareInputs(score_a, score_b, outcome, n, level);
    if (!counts.ok()) return counts.status();
  }
  return CompareRows(score_a, score_b, outcome, n, level);
}

}  // namespace candor
