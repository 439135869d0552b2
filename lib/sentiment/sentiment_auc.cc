// Area under the ROC curve by the Mann-Whitney U statistic with mid-ranks
// (Hanley and McNeil 1982): AUC = (R1 - n1 (n1 + 1) / 2) / (n1 n0), R1 the
// rank sum of the positives, ties sharing their mean rank.
#include <candor/text_sentiment.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace candor::text {

Result<double> RocAuc(const double* score, const uint8_t* positive, size_t n) {
  if (n > 0 && (score == nullptr || positive == nullptr)) {
    return InvalidArgument("RocAuc: null score or label pointer");
  }
  double n1 = 0;
  for (size_t i = 0; i < n; ++i) {
    if (std::isnan(score[i])) return InvalidArgument("RocAuc: score " + std::to_string(i) + " is NaN");
    n1 += positive[i] != 0 ? 1 : 0;
  }
  const double n0 = static_cast<double>(n) - n1;
  if (n1 == 0 || n0 == 0) return InvalidArgument("RocAuc: both classes must be present");
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return score[a] < score[b]; });
  double rank_sum = 0;
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    double ties_positive = 0;
    while (j < n && score[order[j]] == score[order[i]]) {
      ties_positive += positive[order[j]] != 0 ? 1 : 0;
      ++j;
    }
    const double mid_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
    rank_sum += ties_positive * mid_rank;
    i = j;
  }
  return (rank_sum - n1 * (n1 + 1) / 2) / (n1 * n0);
}

}  // namespace candor::text
