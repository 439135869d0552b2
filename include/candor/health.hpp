// candor/health.hpp — customer health scorecards that explain themselves.
//
// A scorecard turns a per-account table of measures (columns: support
// tickets, product usage, seats, NPS...) into a 0-100 health score and a
// grade, and says why: each measure's points, what it contributed against the
// most it could, and the top reasons in words. Whether the score predicts
// churn is for candor/validate.hpp (AUC, calibration) and candor/survival.hpp
// (concordance, Kaplan-Meier by grade).
//
// Measures -> points. Every measure maps its column's value x to points in
// [0, 100] by one transform:
//   kLinear      bounded linear: x = zero_at gives 0 points, x = full_at 100,
//                linear between and clamped outside; zero_at > full_at makes
//                lower values better (e.g. open tickets: zero_at 20,
//                full_at 0). zero_at == full_at is an error.
//   kTiers       bands: the first tier (in the order given) whose range holds
//                x gives its points. A tier's range is [low, high], with each
//                end inclusive or exclusive as stated (default [low, high)),
//                low or high infinite for an open end. A value in no tier has
//                no points (counted in HealthScores::unmatched).
//   kBoolean     x != 0 gives true_points, x == 0 false_points.
//   kPercentile  the mid-rank percentile of x among the accounts of its
//                segment with data: 100 (below + ties / 2) / count, or 100
//                minus that when lower is better (higher_is_better = false).
//                A segment's only account gets 50.
//   kZScore      z = (x - mean) / sd within the segment (sd with n - 1);
//                points = 50 + 50 z / z_span, clamped to [0, 100] (negated z
//                when lower is better). A segment with fewer than two
//                accounts with data, or sd = 0, gives 50.
// A NaN value is missing data (so is a value no tier holds); +-inf is a value
// (clamped by kLinear, ordered by kPercentile, an error for kZScore).
//
// Combination. Measures belong to groups (HealthMeasure::group names one of
// Scorecard::groups; with no groups every measure is in one group "overall").
// Within a group, the weighted mean of its measures' points; across groups,
// the weighted mean of the group scores (kWeightedMean), or the lowest group
// score (kWorstOf, Totango's rule: a customer is as healthy as its worst
// area). A measure's nominal share of the score is
//   W_m = 100 * (g_w / sum of group weights) * (m_w / sum of its group's measure weights),
// so the shares sum to 100. Profiles: per segment (e.g. lifecycle stage or
// plan), other measure and group weights (a weight 0 drops the measure or
// group for that segment).
//
// Missing data, by Scorecard::missing:
//   kRenormalize  the weighted means run over the measures (and groups) with
//                 data: the present weights are scaled up to the whole;
//   kZero         a missing measure scores 0 points;
//   kGroupMean    a missing measure scores the mean points of the present
//                 measures of its group (weighted); a group with none
//                 present is left out and the groups renormalized.
// A score needs at least one measure with data (else NaN score, no grade).
// coverage = sum of W_m over measures with data / 100, whatever the policy:
// the share of the scorecard that is evidence rather than policy.
//
// Explanations. For each account and measure: points (0-100, NaN when
// missing), contribution (what the measure added to the score) and
// max_contribution (the most it could have added: its effective share after
// profiles, the missing-data policy and worst-of), so that
//   score = sum_m contribution_m,  100 = sum_m max_contribution_m,
// and points_lost_m = max_contribution_m - contribution_m. Under kZero a
// missing measure loses its whole share; under kRenormalize it has share 0
// and the others' shares grow. Under kWorstOf only the measures of the group
// that sets the score have shares (scaled to 100). Reasons: the measures
// with the most points lost (and more than 0.5), at most Scorecard::reasons,
// largest first; a missing measure under kZero is the reason "no data".
// HealthReasonText words them, e.g. "Open tickets 14: -18.0 points".
//
// Grades: Scorecard::grades, each a name and the lowest score it takes, in
// descending order of min_score; the last should have min_score 0 (or
// -inf) so that every score has a grade (a score below every grade has none,
// grade -1). Default: "healthy" >= 70, "at risk" >= 40, "critical" >= 0.
//
// Errors: no measures, an empty or repeated measure or group name, a name or
// label holding a NUL byte (C callers read them NUL-terminated), a measure
// in a group that does not exist, a column missing from the table, a weight
// that is negative or not finite, weights that sum to 0 (overall, within a
// group or in a profile), zero_at == full_at or either not finite, tiers
// with low > high (or low == high without both ends inclusive) or points
// outside [0, 100], z_span <= 0, grades not in descending order or with
// repeated names, segment names given without segment codes when the card
// uses segments (kPercentile, kZScore, profiles), +-inf in a kZScore column:
// CANDOR_INVALID_ARGUMENT naming the field (e.g. "measures[2].tiers[1]: low
// 10 > high 5"). Without a segment column every account is in one segment:
// percentiles and z-scores run over all accounts, and no profile applies.
//
// Cost: O(n m) for n accounts and m measures, plus O(n log n) per percentile
// or z-score measure (a radix sort within segments).
#ifndef CANDOR_HEALTH_HPP_
#define CANDOR_HEALTH_HPP_

#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace candor {

// The values of candor_health_transform (names "linear", "tiers",
// "boolean", "percentile", "z_score").
enum class HealthTransform {
  kLinear = 0,
  kTiers = 1,
  kBoolean = 2,
  kPercentile = 3,
  kZScore = 4,
};

// The values of candor_health_missing ("renormalize", "zero", "group_mean").
enum class HealthMissing {
  kRenormalize = 0,
  kZero = 1,
  kGroupMean = 2,
};

// The values of candor_health_combine ("weighted_mean", "worst_of").
enum class HealthCombine {
  kWeightedMean = 0,
  kWorstOf = 1,
};

struct HealthTier {
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
  bool low_inclusive = true;
  bool high_inclusive = false;
  double points = 0;  // in [0, 100]
  std::string label;  // optional, e.g. "over 10 tickets"
};

struct HealthMeasure {
  std::string name;   // the column it reads
  std::string label;  // in reasons; empty: the name
  std::string group;  // one of Scorecard::groups (required when there are groups)
  double weight = 1;  // within its group, >= 0
  HealthTransform transform = HealthTransform::kLinear;
  double zero_at = 0;    // kLinear
  double full_at = 100;  // kLinear
  std::vector<HealthTier> tiers;
  double true_points = 100;      // kBoolean
  double false_points = 0;       // kBoolean
  bool higher_is_better = true;  // kPercentile, kZScore
  double z_span = 2;             // kZScore: z = +-z_span gives 100 / 0 points
};

struct HealthGroup {
  std::string name;
  double weight = 1;  // >= 0
};

struct HealthGrade {
  std::string name;
  double min_score = 0;
};

// Weights for the accounts of one segment, replacing the scorecard's; a NaN
// entry (or a vector left empty) keeps the scorecard's weight.
struct HealthProfile {
  std::string segment;                  // a segment value (HealthTable::segment_names)
  std::vector<double> measure_weights;  // empty, or one per measure
  std::vector<double> group_weights;    // empty, or one per group
};

struct Scorecard {
  std::vector<HealthMeasure> measures;
  std::vector<HealthGroup> groups;  // empty: one group "overall"
  std::vector<HealthGrade> grades = {{"healthy", 70}, {"at risk", 40}, {"critical", 0}};
  HealthMissing missing = HealthMissing::kRenormalize;
  HealthCombine combine = HealthCombine::kWeightedMean;
  std::vector<HealthProfile> profiles;
  int reasons = 3;  // at most this many reasons per account, 0..16

  // The checks that need no data (see the header comment).
  Status Validate() const;
};

// The accounts: n rows, named columns of doubles (NaN = missing), and an
// optional segment per row (codes into segment_names) for kPercentile,
// kZScore and profiles. The columns are read, not copied.
struct HealthTable {
  size_t n = 0;
  std::vector<std::string> names;
  std::vector<const double*> columns;  // one per name, n values each
  const int32_t* segment = nullptr;    // n codes in [0, segment_names.size()), or null
  std::vector<std::string> segment_names;
};

// Per account (row) and, row-major, per account and measure.
struct HealthScores {
  size_t n = 0;
  size_t measures = 0;
  std::vector<double> score;             // 0-100; NaN without data
  std::vector<int32_t> grade;            // index into Scorecard::grades; -1 without one
  std::vector<double> coverage;          // 0-1
  std::vector<double> points;            // n x measures, 0-100, NaN when missing
  std::vector<double> contribution;      // n x measures
  std::vector<double> max_contribution;  // n x measures
  // Reasons: for account i, reason_count[i] entries (largest loss first) at
  // [i * max_reasons, ...): the measure, its value (NaN: no data) and the
  // points it lost; max_reasons = Scorecard::reasons.
  size_t max_reasons = 0;
  std::vector<int32_t> reason_count;
  std::vector<int32_t> reason_measure;
  std::vector<double> reason_value;
  std::vector<double> reason_lost;
  std::vector<int64_t> unmatched;  // per measure: values no tier held
};

// Scores every account of `table` with `card`.
Result<HealthScores> ScoreHealth(const Scorecard& card, const HealthTable& table);

// The k-th reason of account i in words, e.g. "Open tickets 14: -18.0
// points", "Seats 8 (under 10 seats): -20.0 points" or "NPS: no data
// (-25.0 points)". `scores` must come from `card`.
Result<std::string> HealthReasonText(const Scorecard& card, const HealthScores& scores, size_t i,
                                     size_t k);

// A scorecard from its JSON form (docs/health-scorecard.md has the schema);
// errors are CANDOR_INVALID_ARGUMENT naming the field, e.g.
// "measures[1].transform: unknown transform \"lineal\"".
Result<Scorecard> ParseScorecardJson(std::string_view json);

}  // namespace candor

#endif  // CANDOR_HEALTH_HPP_
