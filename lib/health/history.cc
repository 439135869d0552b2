// SnapshotAsOf and DaysInGrade (include/candor/health_history.hpp).
#include <algorithm>
#include <candor/health_history.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace candor {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Status CheckHistory(const HealthHistory& h) {
  if (h.columns.size() != h.names.size()) {
    return InvalidArgument("history: " + std::to_string(h.names.size()) + " names but " +
                           std::to_string(h.columns.size()) + " columns");
  }
  if (!h.std_error_columns.empty() && h.std_error_columns.size() != h.columns.size()) {
    return InvalidArgument("history: " + std::to_string(h.std_error_columns.size()) +
                           " std_error_columns for " + std::to_string(h.columns.size()) +
                           " columns (give none or one per column)");
  }
  if (h.n == 0) return OkStatus();
  if (h.account == nullptr || h.time == nullptr) {
    return InvalidArgument(h.account == nullptr ? "history: account is NULL"
                                                : "history: time is NULL");
  }
  for (size_t j = 0; j < h.columns.size(); ++j) {
    if (h.columns[j] == nullptr) {
      return InvalidArgument("history: column \"" + h.names[j] + "\" is NULL");
    }
  }
  for (size_t r = 0; r < h.n; ++r) {
    if (h.account[r] < 0 || static_cast<size_t>(h.account[r]) >= h.accounts) {
      return OutOfRange("history: account[" + std::to_string(r) +
                        "] = " + std::to_string(h.account[r]) + ": not in [0, " +
                        std::to_string(h.accounts) + ")");
    }
  }
  for (size_t j = 0; j < h.std_error_columns.size(); ++j) {
    const double* se = h.std_error_columns[j];
    if (se == nullptr) continue;
    for (size_t r = 0; r < h.n; ++r) {
      if (se[r] < 0 || std::isinf(se[r])) {  // NaN: not known, allowed
        return InvalidArgument("history: std_error of \"" + h.names[j] + "\" at row " +
                               std::to_string(r) + " is " + std::to_string(se[r]) +
                               " (not a finite number >= 0)");
      }
    }
  }
  return OkStatus();
}

}  // namespace

Result<HealthSnapshot> SnapshotAsOf(const HealthHistory& history, int64_t as_of) {
  CANDOR_RETURN_IF_ERROR(CheckHistory(history));
  HealthSnapshot snapshot;
  snapshot.as_of = as_of;
  const size_t accounts = history.accounts;
  const size_t m = history.columns.size();
  snapshot.columns.assign(m, std::vector<double>(accounts, kNaN));
  snapshot.source_row.assign(m, std::vector<int64_t>(accounts, -1));
  snapshot.std_errors.resize(m);
  // The time of the value kept, per account and column.
  std::vector<int64_t> kept(accounts * history.columns.size(), std::numeric_limits<int64_t>::min());
  // Column by column: a handful of memory streams rather than three per
  // column at once.
  for (size_t j = 0; j < m; ++j) {
    const double* column = history.columns[j];
    int64_t* when_kept = kept.data() + j * accounts;
    double* value = snapshot.columns[j].data();
    int64_t* source = snapshot.source_row[j].data();
    for (size_t r = 0; r < history.n; ++r) {
      const int64_t t = history.time[r];
      const double x = column[r];
      if (t >= as_of || std::isnan(x)) continue;  // only what was known before the cut-off
      const size_t a = static_cast<size_t>(history.account[r]);
      if (t >= when_kept[a]) {  // equal times: the later row wins
        when_kept[a] = t;
        value[a] = x;
        source[a] = static_cast<int64_t>(r);
      }
    }
  }
  for (size_t j = 0; j < history.std_error_columns.size(); ++j) {
    const double* se = history.std_error_columns[j];
    if (se == nullptr) continue;
    std::vector<double>& out = snapshot.std_errors[j];
    out.assign(accounts, kNaN);
    for (size_t a = 0; a < accounts; ++a) {
      const int64_t r = snapshot.source_row[j][a];
      if (r >= 0) out[a] = se[r];
    }
  }
  snapshot.table.n = accounts;
  snapshot.table.names = history.names;
  for (const std::vector<double>& c : snapshot.columns) snapshot.table.columns.push_back(c.data());
  snapshot.table.segment = history.segment;
  snapshot.table.segment_names = history.segment_names;
  return snapshot;
}

Result<GradeTenure> DaysInGrade(const Scorecard& card, const HealthHistory& history, int64_t as_of,
                                double step_days, int max_steps) {
  if (!(std::isfinite(step_days) && step_days > 0)) {
    return InvalidArgument("step_days " + std::to_string(step_days) + " is not > 0");
  }
  if (max_steps < 1) {
    return InvalidArgument("max_steps " + std::to_string(max_steps) + " is not >= 1");
  }
  if (step_days * 86400 > 1e15) {  // 3e7 years: beyond any history, and near int64's end
    return InvalidArgument("step_days " + std::to_string(step_days) + " is too large");
  }
  const int64_t step = static_cast<int64_t>(std::llround(step_days * 86400));
  if (step < 1) return InvalidArgument("step_days is under a second");
  auto snapshot = SnapshotAsOf(history, as_of);
  if (!snapshot.ok()) return snapshot.status();
  auto now = ScoreHealth(card, snapshot->table);
  if (!now.ok()) return now.status();
  const size_t accounts = history.accounts;
  GradeTenure out;
  out.grade = now->grade;
  out.days.assign(accounts, -1);
  out.capped.assign(accounts, false);
  std::vector<bool> open(accounts, false);  // still in an unbroken run
  size_t open_count = 0;
  for (size_t a = 0; a < accounts; ++a) {
    if (out.grade[a] >= 0) {
      out.days[a] = 0;
      open[a] = true;
      ++open_count;
    }
  }
  // Two cut-offs with the same rows before them give the same snapshot, so a
  // step is scored again only when it leaves out a time the last one read:
  // weekly steps over monthly rows score about one step in four, and steps
  // before the first row none (no data: no grade).
  std::vector<int64_t> times(history.time, history.time + history.n);
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  const auto times_before = [&times](int64_t t) {
    return static_cast<size_t>(std::lower_bound(times.begin(), times.end(), t) - times.begin());
  };
  size_t scored_times = times_before(as_of);
  std::vector<int32_t> grade = out.grade;  // at the last cut-off scored
  for (int s = 1; s <= max_steps && open_count > 0; ++s) {
    int64_t offset = 0;
    int64_t back = 0;
    if (__builtin_mul_overflow(static_cast<int64_t>(s), step, &offset) ||
        __builtin_sub_overflow(as_of, offset, &back)) {
      break;  // before the int64 range: no row is that old
    }
    const size_t known = times_before(back);
    if (known != scored_times) {
      scored_times = known;
      if (known == 0) {
        grade.assign(accounts, -1);
      } else {
        auto past = SnapshotAsOf(history, back);
        if (!past.ok()) return past.status();
        auto scores = ScoreHealth(card, past->table);
        if (!scores.ok()) return scores.status();
        grade = std::move(scores->grade);
      }
    }
    for (size_t a = 0; a < accounts; ++a) {
      if (!open[a]) continue;
      if (grade[a] == out.grade[a]) {
        out.days[a] = static_cast<double>(s) * step_days;
        if (s == max_steps) out.capped[a] = true;
      } else {
        open[a] = false;
        --open_count;
      }
    }
  }
  return out;
}

}  // namespace candor
