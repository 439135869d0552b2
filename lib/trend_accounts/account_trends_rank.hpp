// The last step of EstimateAccountTrends: adjusted p-values across accounts,
// the `declining` flag and the ranking (rules in
// include/candor/trend_accounts.hpp).
#ifndef CANDOR_TREND_ACCOUNTS_ACCOUNT_TRENDS_RANK_HPP_
#define CANDOR_TREND_ACCOUNTS_ACCOUNT_TRENDS_RANK_HPP_

#include <candor/trend_accounts.hpp>

#include <cstdint>
#include <vector>

namespace candor::internal {

// Sets slope_p_adjusted, change_p_adjusted and declining on every row, sorts
// the rows into ranking order and returns how many are declining.
int64_t AdjustFlagAndRank(const AccountTrendOptions& options, std::vector<AccountTrend>* rows);

}  // namespace candor::internal

#endif  // CANDOR_TREND_ACCOUNTS_ACCOUNT_TRENDS_RANK_HPP_
