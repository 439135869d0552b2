// SuggestHealthWeightsAsOf: suggested weights fitted on a history's snapshot
// at a cut-off, the accounts that had no row before it left out
// (include/candor/health_weights.hpp).
#include <candor/health_history.hpp>
#include <candor/health_weights.hpp>
#include <cstddef>
#include <limits>
#include <new>
#include <string>
#include <utility>
#include <vector>

namespace candor {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Result<SuggestedWeights> SuggestAsOf(const Scorecard& card, const HealthHistory& history,
                                     int64_t as_of, const uint8_t* churned,
                                     const SuggestWeightsOptions& options) {
  auto snapshot = SnapshotAsOf(history, as_of);
  if (!snapshot.ok()) return snapshot.status();
  const size_t accounts = history.accounts;
  // A customer at as_of: an account with a row before it (even one that
  // records nothing; ScoreHealth then excludes it as without data).
  std::vector<bool> customer(accounts, false);
  for (size_t r = 0; r < history.n; ++r) {
    if (history.time[r] < as_of) customer[static_cast<size_t>(history.account[r])] = true;
  }
  std::vector<size_t> rows;  // the customers' account codes
  for (size_t a = 0; a < accounts; ++a) {
    if (customer[a]) rows.push_back(a);
  }
  if (rows.empty()) {
    return Empty("no account has a row before as_of " + std::to_string(as_of) +
                 " (of the history's " + std::to_string(history.n) + " rows): nothing to fit");
  }
  if (churned == nullptr) return InvalidArgument("churned is NULL");
  for (size_t a : rows) {
    if (churned[a] > 1) {
      return InvalidArgument("churned[" + std::to_string(a) + "] (per account code): " +
                             std::to_string(churned[a]) + " is not 0 or 1");
    }
  }
  // The snapshot's table restricted to the customers.
  const HealthTable& all = snapshot->table;
  std::vector<std::vector<double>> columns(all.columns.size(), std::vector<double>(rows.size()));
  std::vector<int32_t> segment;
  std::vector<uint8_t> churn(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    for (size_t j = 0; j < columns.size(); ++j) columns[j][i] = all.columns[j][rows[i]];
    churn[i] = churned[rows[i]];
    if (all.segment != nullptr) segment.push_back(all.segment[rows[i]]);
  }
  HealthTable table;
  table.n = rows.size();
  table.names = all.names;
  for (const std::vector<double>& c : columns) table.columns.push_back(c.data());
  table.segment = all.segment == nullptr ? nullptr : segment.data();
  table.segment_names = all.segment_names;
  auto fitted = SuggestHealthWeights(card, table, churn.data(), options);
  if (!fitted.ok()) return fitted.status();

  // Back to account codes.
  SuggestedWeights out = std::move(fitted).value();
  std::vector<double> oof(accounts, kNaN), score(accounts, kNaN);
  std::vector<int32_t> fold(accounts, -2);
  for (size_t i = 0; i < rows.size(); ++i) {
    oof[rows[i]] = out.oof_probability[i];
    score[rows[i]] = out.score[i];
    fold[rows[i]] = out.fold[i];
  }
  out.n = accounts;
  out.oof_probability = std::move(oof);
  out.score = std::move(score);
  out.fold = std::move(fold);
  out.not_yet_customers = static_cast<int64_t>(accounts - rows.size());
  return out;
}

}  // namespace

Result<SuggestedWeights> SuggestHealthWeightsAsOf(const Scorecard& card,
                                                  const HealthHistory& history, int64_t as_of,
                                                  const uint8_t* churned,
                                                  const SuggestWeightsOptions& options) {
  try {
    return SuggestAsOf(card, history, as_of, churned, options);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory suggesting weights as of a cut-off for " +
                                            std::to_string(history.accounts) + " accounts");
  }
}

}  // namespace candor
