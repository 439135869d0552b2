// AccountWeights: how much each account counts, spread over its responses by
// role weight.
#include <candor/weight.hpp>
#include <cmath>
#include <new>

#include "absl/container/flat_hash_map.h"
#include "weight_internal.hpp"

namespace candor {
namespace {

Status ValidateRoles(const AccountOptions& options, size_t n) {
  if (options.roles == nullptr) return OkStatus();
  if (options.role_weights.empty()) {
    // Roles without role weights: every role counts 1; codes still checked.
    for (size_t i = 0; i < n; ++i) {
      if (options.roles[i] < 0) {
        return OutOfRange("roles[" + std::to_string(i) + "] = " + std::to_string(options.roles[i]) +
                          " is negative");
      }
    }
    return OkStatus();
  }
  if (options.role_weights.size() > static_cast<size_t>(INT32_MAX)) {
    return InvalidArgument("too many role weights");
  }
  CANDOR_RETURN_IF_ERROR(internal::ValidateWeights(options.role_weights.data(),
                                                   options.role_weights.size(), "role_weights"));
  return internal::ValidateCodes(options.roles, n,
                                 static_cast<int32_t>(options.role_weights.size()), "roles");
}

double RoleWeight(const AccountOptions& options, size_t i) {
  if (options.roles == nullptr || options.role_weights.empty()) return 1.0;
  return options.role_weights[static_cast<size_t>(options.roles[i])];
}

}  // namespace

Result<std::vector<double>> AccountWeights(const int32_t* accounts, size_t n,
                                           const AccountOptions& options) {
  try {
    CANDOR_RETURN_IF_ERROR(internal::RequireArray(accounts, n, "accounts"));
    const AccountMode mode = options.mode;
    if (mode != AccountMode::kPerResponse && mode != AccountMode::kEqualPerAccount &&
        mode != AccountMode::kByValue) {
      return InvalidArgument("unknown account mode " + std::to_string(static_cast<int>(mode)));
    }
    CANDOR_RETURN_IF_ERROR(ValidateRoles(options, n));
    for (size_t i = 0; i < n; ++i) {
      if (accounts[i] < 0) {
        return OutOfRange("accounts[" + std::to_string(i) + "] = " + std::to_string(accounts[i]) +
                          " is negative");
      }
    }
    std::vector<double> weights(n);
    for (size_t i = 0; i < n; ++i) weights[i] = RoleWeight(options, i);
    if (mode == AccountMode::kPerResponse) return weights;

    if (mode == AccountMode::kByValue && options.account_value == nullptr && n > 0) {
      return InvalidArgument("account_value is required when weighting accounts by value");
    }
    struct AccountTotals {
      double role_weight_sum = 0;
      double value = 0;
      size_t first = 0;  // the first response of the account, for messages
    };
    absl::flat_hash_map<int32_t, AccountTotals> totals;
    for (size_t i = 0; i < n; ++i) {
      auto [it, inserted] = totals.try_emplace(accounts[i]);
      AccountTotals& account = it->second;
      account.role_weight_sum += weights[i];
      if (mode != AccountMode::kByValue) continue;
      const double value = options.account_value[i];
      if (!(std::isfinite(value) && value > 0)) {
        return InvalidArgument("account_value[" + std::to_string(i) +
                               "] = " + internal::FormatNumber(value) + " (account " +
                               std::to_string(accounts[i]) + ") must be positive and finite");
      }
      if (inserted) {
        account.value = value;
        account.first = i;
      } else if (value != account.value) {
        return InvalidArgument("account " + std::to_string(accounts[i]) + " has value " +
                               internal::FormatNumber(account.value) + " at response " +
                               std::to_string(account.first) + " but " +
                               internal::FormatNumber(value) + " at response " + std::to_string(i));
      }
    }
    for (const auto& [account, t] : totals) {
      if (!(t.role_weight_sum > 0)) {
        return InvalidArgument("every response of account " + std::to_string(account) +
                               " has role weight 0");
      }
    }
    for (size_t i = 0; i < n; ++i) {
      const AccountTotals& t = totals.find(accounts[i])->second;
      const double account_total = mode == AccountMode::kByValue ? t.value : 1.0;
      weights[i] = account_total * weights[i] / t.role_weight_sum;
    }
    return weights;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory computing account weights");
  }
}

}  // namespace candor
