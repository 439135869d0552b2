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
// Errors: NULL columns with n > 0, account codes out of [0, accounts), a
// column count that differs from the names, step_days <= 0, max_steps < 1:
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

}  // namespace candor

#endif  // CANDOR_HEALTH_HISTORY_HPP_
