// Per-account values from per-row columns, as the report reads them: an
// account's ARR (or outcome) is the value of its rows, the first one given.
#ifndef CANDOR_LIB_REPORT_REPORT_ACCOUNT_VALUES_HPP_
#define CANDOR_LIB_REPORT_REPORT_ACCOUNT_VALUES_HPP_

#include <candor/table.hpp>
#include <vector>

namespace candor::report_internal {

// One value per account code of table.account: the first finite value of
// `values` (one per row) among the account's rows, NaN when none. All NaN
// when `values` is empty.
std::vector<double> FirstValuePerAccount(const Table& table, const std::vector<double>& values);

}  // namespace candor::report_internal

#endif  // CANDOR_LIB_REPORT_REPORT_ACCOUNT_VALUES_HPP_
