// HealthMomentumAsOf (include/candor/health_history.hpp): the change of each
// account's score between two snapshots, with a delta-method standard error
// from the measures that carry sampling error.
#include <candor/health_history.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "common/normal.hpp"

namespace candor {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The history column each measure reads, or -1 (ScoreHealth reports a
// missing column; a measure without a column carries no error).
std::vector<int64_t> MeasureColumns(const Scorecard& card, const HealthHistory& history) {
  std::vector<int64_t> column(card.measures.size(), -1);
  for (size_t k = 0; k < card.measures.size(); ++k) {
    for (size_t j = 0; j < history.names.size(); ++j) {
      if (history.names[j] == card.measures[k].name) column[k] = static_cast<int64_t>(j);
    }
  }
  return column;
}

// d score / d x for account a and measure k: its share times the slope of
// its points; 0 where the points are clamped or the transform is not linear.
double Gradient(const Scorecard& card, const HealthScores& scores, size_t a, size_t k) {
  const HealthMeasure& m = card.measures[k];
  if (m.transform != HealthTransform::kLinear) return 0;
  const size_t at = a * scores.measures + k;
  const double points = scores.points[at];
  if (!(points > 0 && points < 100)) return 0;
  return scores.max_contribution[at] / 100 * (100 / (m.full_at - m.zero_at));
}

}  // namespace

Result<HealthMomentum> HealthMomentumAsOf(const Scorecard& card, const HealthHistory& history,
                                          int64_t as_of, int64_t previous, double level) {
  if (!(level > 0 && level < 1)) {
    return InvalidArgument("level " + std::to_string(level) + " is not in (0, 1)");
  }
  if (previous >= as_of) {
    return InvalidArgument("previous " + std::to_string(previous) + " is not before as_of " +
                           std::to_string(as_of));
  }
  auto now = SnapshotAsOf(history, as_of);
  if (!now.ok()) return now.status();
  auto before = SnapshotAsOf(history, previous);
  if (!before.ok()) return before.status();
  auto now_scores = ScoreHealth(card, now->table);
  if (!now_scores.ok()) return now_scores.status();
  auto before_scores = ScoreHealth(card, before->table);
  if (!before_scores.ok()) return before_scores.status();

  const std::vector<int64_t> column = MeasureColumns(card, history);
  const double z = internal::NormalQuantile((1 + level) / 2);
  const size_t accounts = history.accounts;
  HealthMomentum out;
  out.score = now_scores->score;
  out.previous_score = before_scores->score;
  out.change.assign(accounts, kNaN);
  out.std_error.assign(accounts, kNaN);
  out.ci_low.assign(accounts, kNaN);
  out.ci_high.assign(accounts, kNaN);
  for (size_t a = 0; a < accounts; ++a) {
    const double change = out.score[a] - out.previous_score[a];
    if (std::isnan(change)) continue;
    out.change[a] = change;
    double variance = 0;
    bool sampled = false;  // some measure with data carries a standard error
    bool unknown = false;  // a value with data whose standard error is NaN
    for (size_t k = 0; k < card.measures.size(); ++k) {
      if (column[k] < 0) continue;
      const size_t j = static_cast<size_t>(column[k]);
      if (now->std_errors[j].empty()) continue;  // measured exactly
      const int64_t row = now->source_row[j][a];
      const int64_t row_before = before->source_row[j][a];
      const double g = row >= 0 ? Gradient(card, *now_scores, a, k) : 0;
      const double g_before = row_before >= 0 ? Gradient(card, *before_scores, a, k) : 0;
      if (row >= 0 || row_before >= 0) sampled = true;
      const double se = row >= 0 ? now->std_errors[j][a] : 0;
      const double se_before = row_before >= 0 ? before->std_errors[j][a] : 0;
      if ((g != 0 && std::isnan(se)) || (g_before != 0 && std::isnan(se_before))) unknown = true;
      if (row == row_before) {
        if (row >= 0) variance += (g - g_before) * (g - g_before) * se * se;  // one error
      } else {
        if (g != 0) variance += g * g * se * se;
        if (g_before != 0) variance += g_before * g_before * se_before * se_before;
      }
    }
    if (!sampled || unknown) continue;
    const double se = std::sqrt(variance);
    out.std_error[a] = se;
    const double low = change - z * se, high = change + z * se;
    if (low < high) {  // never an interval of zero width (se 0, or below rounding)
      out.ci_low[a] = low;
      out.ci_high[a] = high;
    }
  }
  return out;
}

}  // namespace candor
