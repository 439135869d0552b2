// Lift and cumulative gains by groups of descending score (definitions:
// include/candor/validate.hpp).
#include <algorithm>
#include <candor/validate.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "inputs.hpp"
#include "sorted_keys.hpp"

namespace candor {
namespace {

// groups * position / (2 n) needs 128 bits once n passes 2^32.
__extension__ typedef unsigned __int128 Uint128;

}  // namespace

Result<std::vector<LiftRow>> LiftTable(const double* score, const uint8_t* outcome, size_t n,
                                       size_t groups) {
  auto counts = validate_internal::CheckRows(score, "score", outcome, n);
  if (!counts.ok()) return counts.status();
  if (groups < 1 || groups > n) {
    return InvalidArgument("groups must be between 1 and the rows (" + std::to_string(n) +
                           "); got " + std::to_string(groups));
  }
  if (counts->positive == 0) {
    return Empty(
        "the outcome has no positives (no row has outcome 1): lift and gains are "
        "shares of the positives");
  }
  std::vector<validate_internal::KeyedRow> items(n);
  for (size_t i = 0; i < n; ++i) items[i] = {validate_internal::OrderedKey(score[i]), i};
  validate_internal::RadixSort(&items);

  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  std::vector<LiftRow> table(groups);
  for (size_t g = 0; g < groups; ++g) {
    table[g].group = static_cast<int32_t>(g + 1);
    table[g].score_min = std::numeric_limits<double>::infinity();
    table[g].score_max = -std::numeric_limits<double>::infinity();
  }
  // Tied runs in descending order: positions [start, end) counted from the
  // highest score; the run's midrank minus 1 is (start + end - 1) / 2, so its
  // group is floor(groups (start + end - 1) / (2 n)), exact in 128 bits.
  size_t end_ascending = n;
  while (end_ascending > 0) {
    size_t begin_ascending = end_ascending - 1;
    while (begin_ascending > 0 && items[begin_ascending - 1].key == items[end_ascending - 1].key) {
      --begin_ascending;
    }
    const size_t start = n - end_ascending;
    const size_t end = n - begin_ascending;
    const Uint128 numerator = static_cast<Uint128>(groups) * (start + end - 1);
    const size_t g = static_cast<size_t>(numerator / (2 * static_cast<Uint128>(n)));
    LiftRow& row = table[g];
    const double value = validate_internal::KeyValue(items[begin_ascending].key);
    row.score_min = std::min(row.score_min, value);
    row.score_max = std::max(row.score_max, value);
    for (size_t i = begin_ascending; i < end_ascending; ++i) row.positives += outcome[items[i].row];
    row.count += static_cast<int64_t>(end - start);
    end_ascending = begin_ascending;
  }
  const double overall = static_cast<double>(counts->positive) / static_cast<double>(n);
  int64_t cumulative_count = 0;
  int64_t cumulative_positives = 0;
  for (LiftRow& row : table) {
    cumulative_count += row.count;
    cumulative_positives += row.positives;
    row.cumulative_count = cumulative_count;
    row.cumulative_positives = cumulative_positives;
    row.gain = static_cast<double>(cumulative_positives) / static_cast<double>(counts->positive);
    row.cumulative_lift = cumulative_count == 0
                              ? kNaN
                              : static_cast<double>(cumulative_positives) /
                                    static_cast<double>(cumulative_count) / overall;
    if (row.count == 0) {
      row.rate = row.lift = row.score_min = row.score_max = kNaN;
    } else {
      row.rate = static_cast<double>(row.positives) / static_cast<double>(row.count);
      row.lift = row.rate / overall;
    }
  }
  return table;
}

}  // namespace candor
