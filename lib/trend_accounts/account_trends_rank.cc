// Adjusted p-values, the declining flag and the ranking of accounts.
#include "account_trends_rank.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace candor::internal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// 0: declining, 1: other tested accounts, 2: untested.
int Tier(const AccountTrend& row) {
  if (row.declining) return 0;
  return row.status == AccountTrendStatus::kOk ? 1 : 2;
}

// The slope's t statistic, for ordering tested accounts that are not flagged.
double TStatistic(const AccountTrend& row) {
  if (row.slope_std_error > 0) return row.slope / row.slope_std_error;
  if (row.slope == 0) return 0;
  return std::copysign(std::numeric_limits<double>::infinity(), row.slope);
}

bool RanksBefore(const AccountTrend& a, const AccountTrend& b) {
  const int ta = Tier(a), tb = Tier(b);
  if (ta != tb) return ta < tb;
  if (ta == 0) {
    return std::tie(a.slope_p_adjusted, a.slope, a.account) <
           std::tie(b.slope_p_adjusted, b.slope, b.account);
  }
  if (ta == 1) {
    const double za = TStatistic(a), zb = TStatistic(b);
    if (za != zb) return za < zb;
  }
  return a.account < b.account;
}

}  // namespace

int64_t AdjustFlagAndRank(const AccountTrendOptions& options, std::vector<AccountTrend>* rows) {
  // Only tested accounts (status kOk) enter the adjustments: NaN elsewhere,
  // which AdjustPValues keeps NaN and does not count.
  std::vector<double> slope_p(rows->size()), change_p(rows->size());
  for (size_t k = 0; k < rows->size(); ++k) {
    const AccountTrend& row = (*rows)[k];
    const bool tested = row.status == AccountTrendStatus::kOk;
    slope_p[k] = tested ? row.slope_p_value : kNaN;
    change_p[k] = tested ? row.recent_vs_earlier.p_value : kNaN;
  }
  const std::vector<double> slope_adjusted = AdjustPValues(slope_p, options.adjust);
  const std::vector<double> change_adjusted = AdjustPValues(change_p, options.adjust);
  int64_t declining = 0;
  for (size_t k = 0; k < rows->size(); ++k) {
    AccountTrend& row = (*rows)[k];
    row.slope_p_adjusted = slope_adjusted[k];
    row.change_p_adjusted = change_adjusted[k];
    row.declining = row.status == AccountTrendStatus::kOk && row.slope < 0 &&
                    row.slope_p_adjusted <= options.alpha;
    declining += row.declining ? 1 : 0;
  }
  std::sort(rows->begin(), rows->end(), RanksBefore);
  return declining;
}

}  // namespace candor::internal
