// ScoreHealth: points per measure, then each account's combination, grade,
// contributions and reasons (include/candor/health.hpp has the rules).
#include <algorithm>
#include <candor/health.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "number_text.hpp"
#include "points.hpp"
#include "shares.hpp"

namespace candor {
namespace {

using health_internal::Weights;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Contributions below this many points are not reasons (rounding noise).
constexpr double kReasonThreshold = 0.5;

// Rows whose row-wise points are computed together (their points and
// contributions, 3 x 8 x measures bytes a row, stay in the L2 cache).
constexpr size_t kBlockRows = 512;

// Which Weights each row uses: index 0 is the scorecard's own, 1 + p the
// p-th profile's.
struct RowWeights {
  std::vector<Weights> weights;
  std::vector<int32_t> of_segment;  // per segment code: index into weights
};

Result<RowWeights> ResolveRowWeights(const Scorecard& card, const HealthTable& table) {
  RowWeights rw;
  auto own = health_internal::ResolveWeights(card, nullptr, "");
  if (!own.ok()) return own.status();
  rw.weights.push_back(std::move(own).value());
  rw.of_segment.assign(table.segment_names.size(), 0);
  for (size_t p = 0; p < card.profiles.size(); ++p) {
    const std::string field = "profiles[" + std::to_string(p) + "]";
    auto w = health_internal::ResolveWeights(card, &card.profiles[p], field);
    if (!w.ok()) return w.status();
    rw.weights.push_back(std::move(w).value());
    // A profile for a segment the table does not have scores no one.
    for (size_t s = 0; s < table.segment_names.size(); ++s) {
      if (table.segment_names[s] == card.profiles[p].segment) {
        rw.of_segment[s] = static_cast<int32_t>(p + 1);
      }
    }
  }
  return rw;
}

bool NeedsSegments(const Scorecard& card) {
  if (!card.profiles.empty()) return true;
  for (const HealthMeasure& m : card.measures) {
    if (m.transform == HealthTransform::kPercentile || m.transform == HealthTransform::kZScore) {
      return true;
    }
  }
  return false;
}

Status CheckTable(const Scorecard& card, const HealthTable& table, std::vector<size_t>* column_of) {
  if (table.n == 0) return Empty("no accounts: the table has no rows");
  if (table.columns.size() != table.names.size()) {
    return InvalidArgument("table: " + std::to_string(table.names.size()) + " names but " +
                           std::to_string(table.columns.size()) + " columns");
  }
  column_of->assign(card.measures.size(), 0);
  for (size_t i = 0; i < card.measures.size(); ++i) {
    const std::string& name = card.measures[i].name;
    const auto found = std::find(table.names.begin(), table.names.end(), name);
    if (found == table.names.end()) {
      return InvalidArgument("measures[" + std::to_string(i) + "].name: no column \"" + name +
                             "\" in the table");
    }
    (*column_of)[i] = static_cast<size_t>(found - table.names.begin());
    if (table.columns[(*column_of)[i]] == nullptr) {
      return InvalidArgument("table: column \"" + name + "\" is NULL");
    }
  }
  if (table.segment == nullptr) {
    if (NeedsSegments(card) && !table.segment_names.empty()) {
      return InvalidArgument("table: segment names given without segment codes");
    }
    return OkStatus();
  }
  const size_t segments = table.segment_names.size();
  for (size_t r = 0; r < table.n; ++r) {
    const int32_t s = table.segment[r];
    if (s < 0 || static_cast<size_t>(s) >= segments) {
      return OutOfRange("segment[" + std::to_string(r) + "] = " + std::to_string(s) +
                        ": not a code of the " + std::to_string(segments) + " segment names");
    }
  }
  return OkStatus();
}

// One account's combination, contributions and reasons; the row's points
// are in `points` (one per measure).
class AccountScorer {
 public:
  AccountScorer(const Scorecard& card, size_t groups)
      : card_(card),
        groups_(groups),
        group_sum_(groups),
        group_weight_(groups),
        group_score_(groups),
        group_share_(groups) {}

  // Fills score, coverage, contributions (both arrays, one per measure) and
  // returns the score.
  double Score(const Weights& w, const double* points, double* contribution,
               double* max_contribution, double* coverage) {
    const size_t m = card_.measures.size();
    std::fill(group_sum_.begin(), group_sum_.end(), 0.0);
    std::fill(group_weight_.begin(), group_weight_.end(), 0.0);
    // Nominal group totals (for coverage and kZero).
    nominal_.assign(groups_, 0.0);
    for (size_t i = 0; i < m; ++i) nominal_[w.group_of[i]] += w.measure_weight[i];
    double group_total = 0;
    for (size_t g = 0; g < groups_; ++g) group_total += w.group_weight[g];
    present_.assign(groups_, 0.0);
    bool any = false;
    for (size_t i = 0; i < m; ++i) {
      const size_t g = static_cast<size_t>(w.group_of[i]);
      const double mw = w.measure_weight[i];
      if (mw <= 0 || w.group_weight[g] <= 0) continue;
      if (std::isnan(points[i])) {
        if (card_.missing == HealthMissing::kZero) group_weight_[g] += mw;
        continue;
      }
      any = true;
      present_[g] += mw;
      group_sum_[g] += mw * points[i];
      group_weight_[g] += mw;
    }
    // Summed so that full data gives exactly 1.
    double covered = 0;
    for (size_t g = 0; g < groups_; ++g) {
      if (w.group_weight[g] > 0) covered += w.group_weight[g] * (present_[g] / nominal_[g]);
    }
    *coverage = covered / group_total;
    for (size_t i = 0; i < m; ++i) contribution[i] = max_contribution[i] = 0;
    if (!any) return kNaN;
    // Group scores; a group without data (weight 0 here) is left out.
    for (size_t g = 0; g < groups_; ++g) {
      group_score_[g] = group_weight_[g] > 0 ? group_sum_[g] / group_weight_[g] : kNaN;
    }
    // Each group's share of the score.
    std::fill(group_share_.begin(), group_share_.end(), 0.0);
    if (card_.combine == HealthCombine::kWorstOf) {
      size_t worst = groups_;
      for (size_t g = 0; g < groups_; ++g) {
        if (w.group_weight[g] <= 0 || std::isnan(group_score_[g])) continue;
        if (worst == groups_ || group_score_[g] < group_score_[worst]) worst = g;
      }
      group_share_[worst] = 1;
    } else {
      double present = 0;
      for (size_t g = 0; g < groups_; ++g) {
        if (w.group_weight[g] > 0 && !std::isnan(group_score_[g])) present += w.group_weight[g];
      }
      for (size_t g = 0; g < groups_; ++g) {
        if (w.group_weight[g] > 0 && !std::isnan(group_score_[g])) {
          group_share_[g] = w.group_weight[g] / present;
        }
      }
    }
    // Within a group: kRenormalize and kGroupMean share it among the present
    // measures (kGroupMean's missing ones score the group mean on their
    // nominal weight); kZero among all, the missing scoring 0.
    double score = 0;
    for (size_t i = 0; i < m; ++i) {
      const size_t g = static_cast<size_t>(w.group_of[i]);
      const double mw = w.measure_weight[i];
      if (group_share_[g] <= 0 || mw <= 0) continue;
      const bool missing = std::isnan(points[i]);
      double share = 0;
      double p = points[i];
      switch (card_.missing) {
        case HealthMissing::kRenormalize:
          if (missing) continue;
          share = mw / group_weight_[g];
          break;
        case HealthMissing::kZero:
          share = mw / group_weight_[g];
          if (missing) p = 0;
          break;
        case HealthMissing::kGroupMean:
          share = mw / nominal_[g];
          if (missing) p = group_score_[g];
          break;
      }
      max_contribution[i] = 100 * group_share_[g] * share;
      contribution[i] = max_contribution[i] * p / 100;
      score += contribution[i];
    }
    // The shares sum to 100 only up to rounding: full points can add up to
    // 100.00000000000003. The score is documented to lie in [0, 100].
    return std::clamp(score, 0.0, 100.0);
  }

 private:
  const Scorecard& card_;
  size_t groups_;
  std::vector<double> group_sum_, group_weight_, group_score_, group_share_, nominal_, present_;
};

// The measures with the most points lost, largest first, into `out`
// (at most `k`); returns how many.
int32_t TopReasons(const double* contribution, const double* max_contribution, size_t m, size_t k,
                   int32_t* out, double* lost) {
  size_t count = 0;
  for (size_t i = 0; i < m && k > 0; ++i) {
    const double loss = max_contribution[i] - contribution[i];
    if (!(loss > kReasonThreshold)) continue;
    size_t at = count < k ? count++ : k;
    if (at == k) {
      if (!(loss > lost[k - 1])) continue;
      at = k - 1;
    }
    while (at > 0 && lost[at - 1] < loss) {
      lost[at] = lost[at - 1];
      out[at] = out[at - 1];
      --at;
    }
    lost[at] = loss;
    out[at] = static_cast<int32_t>(i);
  }
  return static_cast<int32_t>(count);
}

int32_t GradeOf(const Scorecard& card, double score) {
  if (std::isnan(score)) return -1;
  for (size_t k = 0; k < card.grades.size(); ++k) {
    if (score >= card.grades[k].min_score) return static_cast<int32_t>(k);
  }
  return -1;
}

// Appends "-<lost, one decimal> points".
void AppendPoints(std::string* words, double lost) {
  *words += '-';
  health_internal::AppendOneDecimal(words, lost);
  *words += " points";
}

}  // namespace

Result<HealthScores> ScoreHealth(const Scorecard& card, const HealthTable& table) {
  CANDOR_RETURN_IF_ERROR(card.Validate());
  std::vector<size_t> column_of;
  CANDOR_RETURN_IF_ERROR(CheckTable(card, table, &column_of));
  auto row_weights = ResolveRowWeights(card, table);
  if (!row_weights.ok()) return row_weights.status();
  const RowWeights& rw = *row_weights;

  const size_t n = table.n;
  const size_t m = card.measures.size();
  const size_t groups = card.groups.empty() ? 1 : card.groups.size();
  HealthScores out;
  out.n = n;
  out.measures = m;
  out.points.assign(n * m, kNaN);
  out.unmatched.assign(m, 0);
  // Percentiles and z-scores need their whole column: computed first. The
  // other transforms run a block of rows at a time, just before those rows
  // are combined, so that the row-major points are written while in cache
  // (a whole column at a time strides through all n x m of them per measure).
  std::vector<health_internal::MeasureColumn> columns;
  std::vector<bool> row_wise(m);
  for (size_t i = 0; i < m; ++i) {
    columns.push_back({&card.measures[i], "measures[" + std::to_string(i) + "]",
                       table.columns[column_of[i]], out.points.data() + i, m, &out.unmatched[i]});
    const HealthTransform t = card.measures[i].transform;
    row_wise[i] = t != HealthTransform::kPercentile && t != HealthTransform::kZScore;
    if (!row_wise[i]) {
      CANDOR_RETURN_IF_ERROR(
          health_internal::ComputePoints(columns[i], n, table.segment, table.segment_names.size()));
    }
  }

  out.score.resize(n);
  out.grade.resize(n);
  out.coverage.resize(n);
  out.contribution.resize(n * m);
  out.max_contribution.resize(n * m);
  out.max_reasons = static_cast<size_t>(card.reasons);
  out.reason_count.resize(n);
  out.reason_measure.assign(n * out.max_reasons, -1);
  out.reason_value.assign(n * out.max_reasons, kNaN);
  out.reason_lost.assign(n * out.max_reasons, 0.0);
  std::vector<double> lost(out.max_reasons + 1);
  AccountScorer scorer(card, groups);
  for (size_t r = 0; r < n; ++r) {
    if (r % kBlockRows == 0) {
      const size_t rows = std::min(kBlockRows, n - r);
      for (size_t i = 0; i < m; ++i) {
        if (!row_wise[i]) continue;
        health_internal::MeasureColumn block = columns[i];
        block.values += r;
        block.points += r * m;
        CANDOR_RETURN_IF_ERROR(health_internal::ComputePoints(block, rows, nullptr, 1));
      }
    }
    const size_t which =
        table.segment == nullptr ? 0 : static_cast<size_t>(rw.of_segment[table.segment[r]]);
    double* contribution = out.contribution.data() + r * m;
    double* max_contribution = out.max_contribution.data() + r * m;
    out.score[r] = scorer.Score(rw.weights[which], out.points.data() + r * m, contribution,
                                max_contribution, &out.coverage[r]);
    out.grade[r] = GradeOf(card, out.score[r]);
    const size_t first = r * out.max_reasons;
    out.reason_count[r] = TopReasons(contribution, max_contribution, m, out.max_reasons,
                                     out.reason_measure.data() + first, lost.data());
    for (int32_t k = 0; k < out.reason_count[r]; ++k) {
      const size_t measure = static_cast<size_t>(out.reason_measure[first + k]);
      out.reason_value[first + k] = table.columns[column_of[measure]][r];
      out.reason_lost[first + k] = lost[k];
    }
  }
  return out;
}

Result<std::string> HealthReasonText(const Scorecard& card, const HealthScores& scores, size_t i,
                                     size_t k) {
  if (i >= scores.n) {
    return OutOfRange("account " + std::to_string(i) + " of " + std::to_string(scores.n));
  }
  if (k >= static_cast<size_t>(scores.reason_count[i])) {
    return OutOfRange("reason " + std::to_string(k) + " of account " + std::to_string(i) +
                      ", which has " + std::to_string(scores.reason_count[i]));
  }
  const size_t at = i * scores.max_reasons + k;
  const size_t measure = static_cast<size_t>(scores.reason_measure[at]);
  if (measure >= card.measures.size() || scores.measures != card.measures.size()) {
    return InvalidArgument("the scores were not made with this scorecard");
  }
  const HealthMeasure& m = card.measures[measure];
  const std::string& label = m.label.empty() ? m.name : m.label;
  const double value = scores.reason_value[at];
  const double points = scores.points[i * scores.measures + measure];
  std::string words;
  words.reserve(label.size() + 64);  // the rest is short, but for a tier's label
  words += label;
  if (std::isnan(value) || std::isnan(points)) {
    words += ": no data (";
    AppendPoints(&words, scores.reason_lost[at]);
    words += ')';
    return {std::move(words)};
  }
  words += ' ';
  health_internal::AppendSixDigits(&words, value);
  if (m.transform == HealthTransform::kTiers) {
    for (const HealthTier& t : m.tiers) {
      if (health_internal::TierHolds(t, value)) {
        if (!t.label.empty()) {
          words += " (";
          words += t.label;
          words += ')';
        }
        break;
      }
    }
  } else if (m.transform == HealthTransform::kPercentile) {
    words += " (percentile ";
    health_internal::AppendSixDigits(&words, std::round(points));
    words += ')';
  }
  words += ": ";
  AppendPoints(&words, scores.reason_lost[at]);
  return {std::move(words)};
}

}  // namespace candor
