// Per-account values from per-row columns.
#include "report_account_values.hpp"

#include <cmath>
#include <cstdint>

namespace candor::report_internal {

std::vector<double> FirstValuePerAccount(const Table& table, const std::vector<double>& values) {
  std::vector<double> out(table.account.dictionary.size(), std::nan(""));
  if (values.empty()) return out;
  for (size_t i = 0; i < table.rows(); ++i) {
    const int32_t a = table.account.codes[i];
    if (a >= 0 && std::isnan(out[a]) && std::isfinite(values[i])) out[a] = values[i];
  }
  return out;
}

}  // namespace candor::report_internal
