// candor/health_history.hpp — scorecards over time: the table as it stood at
// a cut-off (so a score validated against later churn uses nothing it could
// not have known), and the days each account has spent in its grade.
//
// A history is a long table of dated rows: each row an account code, a time
// (Unix seconds: when its values were true, e.g. the day of a monthly
// export) and values for some measures (NaN: not recorded in that row).
//
// SnapshotAsOf(history, as_of): for every account and column, the value of
// the latest row with time < as_of in which the column is not NaN (NaN if
// there is none): a row at as_of itself or after is never read. Rows with
// equal times for one account: the later row in the input wins.
//
// DaysInGrade(card, history, as_of, step_days, max_steps): the grade at
// as_of and at as_of - step, as_of - 2 step, ... (each a snapshot scored
// with `card`), and for each account the days back to the earliest
// snapshot of the unbroken run in its current grade: a lower bound on its
// time in grade, with a resolution of step_days (0 when the previous
// snapshot's grade differs; -1 without a grade at as_of). `capped` marks
// accounts whose run reaches max_steps.
//
// Sampling error. A column may carry a standard error per row
// (HealthHistory::std_error_columns, e.g. a survey measure from
// AccountSurveyMeasure); the snapshot keeps, per account, the standard error
// of the row whose value it took, and that row's index.
//
// HealthMomentumAsOf(card, history, as_of, previous, level): per account the
// change = score(as_of) - score(previous), both snapshots of `history`
// scored with `card`, and its standard error by the delta method. For a
// snapshot, the score's gradient in measure m's value is
//   g_m = (max_contribution_m / 100) * dpoints_m/dx,
// with dpoints/dx = 100 / (full_at - zero_at) for kLinear while the points
// are strictly inside (0, 100), and 0 when clamped. Other transforms are
// treated as exact (their points do not move with a small error in the
// value, or move by rank, which the delta method cannot express), and so is a
// column without standard errors. Under kGroupMean the points imputed to a
// group's missing measures also move with x_m: g_m leaves that out. Where
// the two snapshots took a measure's value from different rows the two
// errors are taken as independent: g_m^2 se^2 + g'_m^2 se'^2; from the same
// row, one error: (g_m - g'_m)^2 se^2 (0 when the weights did not move).
// var(change) is the sum over measures; the interval is change -+ z se with
// z the normal quantile of (1 + level) / 2.
//   std_error NaN, no interval: no measure with data carries a standard error
//     (no sampling error known), a value's standard error is NaN, or a
//     score is NaN;
//   std_error 0, no interval (ci NaN): the delta method finds no error:
//     the measures with standard errors read the same rows in both
//     snapshots with the same weights (no new survey data), or their points
//     are clamped at 0 or 100. Any change is then that of exact measures (or
//     of other accounts, through percentiles).
// An interval is never of zero width: ci_low < ci_high (z se below the
// rounding of the change also gives none), or both NaN.
//
// Errors: NULL columns with n > 0, account codes out of [0, accounts), a
// column count that differs from the names, std_error_columns neither empty
// nor one per column, a negative or infinite standard error, step_days <= 0,
// max_steps < 1, previous >= as_of, level outside (0, 1):
// CANDOR_INVALID_ARGUMENT or CANDOR_OUT_OF_RANGE naming the index; and
// those of ScoreHealth.
#ifndef CANDOR_HEALTH_HISTORY_HPP_
#define CANDOR_HEALTH_HISTORY_HPP_

#include <candor/health.hpp>
#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace candor {

struct HealthHistory {
  size_t n = 0;                      // rows
  const int32_t* account = nullptr;  // codes in [0, accounts)
  const int64_t* time = nullptr;     // Unix seconds
  size_t accounts = 0;
  std::vector<std::string> names;
  std::vector<const double*> columns;  // n values each; NaN: not recorded
  // Empty, or one per column: n standard errors of that column's values, or
  // null for a column measured exactly.
  std::vector<const double*> std_error_columns;
  // Per account code (not per row), or null; for ScoreHealth's segments.
  const int32_t* segment = nullptr;
  std::vector<std::string> segment_names;
};

// The values as of a cut-off, as a table of the history's accounts (row i is
// account code i). `table` points into `columns`: keep the snapshot alive
// while the table is used (moving it keeps the pointers valid).
struct HealthSnapshot {
  int64_t as_of = 0;
  std::vector<std::vector<double>> columns;
  // Per column and account: the history row the value came from (-1: none),
  // and its standard error (NaN without one; the vector is empty for a
  // column without standard errors).
  std::vector<std::vector<int64_t>> source_row;
  std::vector<std::vector<double>> std_errors;
  HealthTable table;
};

Result<HealthSnapshot> SnapshotAsOf(const HealthHistory& history, int64_t as_of);

struct GradeTenure {
  std::vector<int32_t> grade;  // at as_of, per account; -1 without one
  std::vector<double> days;    // see above; -1 without a grade
  std::vector<bool> capped;    // the run reached max_steps snapshots back
};

Result<GradeTenure> DaysInGrade(const Scorecard& card, const HealthHistory& history, int64_t as_of,
                                double step_days = 7, int max_steps = 104);

// Per account; see the header comment.
struct HealthMomentum {
  std::vector<double> score;           // at as_of
  std::vector<double> previous_score;  // at previous
  std::vector<double> change;          // score - previous_score; NaN if either is
  std::vector<double> std_error;       // NaN: not known; 0: no error found
  std::vector<double> ci_low;          // NaN without an interval
  std::vector<double> ci_high;
};

Result<HealthMomentum> HealthMomentumAsOf(const Scorecard& card, const HealthHistory& history,
                                          int64_t as_of, int64_t previous, double level = 0.95);

}  // namespace candor

#endif  // CANDOR_HEALTH_HISTORY_HPP_
