// capi/health_handles.hpp — what the health shims share: the candor_scorecard
// and candor_health_scores handles, the per-account table of
// candor_health_score and candor_health_suggest_weights from its C arguments,
// and the dated history of candor_health_history.
// Used by health_capi.cc, health_history_capi.cc and health_weights_capi.cc.
#ifndef CANDOR_CAPI_HEALTH_HANDLES_HPP_
#define CANDOR_CAPI_HEALTH_HANDLES_HPP_

#include <candor.h>

#include <candor/health.hpp>
#include <candor/health_history.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "options.hpp"
#include "shim.hpp"

struct candor_scorecard {
  candor::Scorecard card;
};

struct candor_health_scores {
  candor::Scorecard card;  // a copy: the reasons are worded with it
  candor::HealthScores scores;
};

namespace candor::capi {

// Reads the columns (not copied) and segment names of a table of n rows (or
// a history's n accounts, for its per-account segments); errors name the
// NULL argument or entry, after `prefix` (e.g. "history->").
inline Result<HealthTable> HealthTableFromC(const char* const* names, const double* const* columns,
                                            size_t n_columns, size_t n, const int32_t* segment,
                                            const char* const* segment_names, size_t n_segments,
                                            const std::string& prefix = "") {
  if (n_columns > 0) {
    CANDOR_RETURN_IF_ERROR(
        Required(names, (prefix + "names").c_str(), columns, (prefix + "columns").c_str()));
  }
  if (n_segments > 0) {
    CANDOR_RETURN_IF_ERROR(Required(segment_names, (prefix + "segment_names").c_str()));
  }
  HealthTable table;
  table.n = n;
  for (size_t j = 0; j < n_columns; ++j) {
    if (names[j] == nullptr) {
      return InvalidArgument(prefix + "names[" + std::to_string(j) + "] is NULL");
    }
    table.names.emplace_back(names[j]);
    table.columns.push_back(columns[j]);
  }
  table.segment = segment;
  for (size_t s = 0; s < n_segments; ++s) {
    if (segment_names[s] == nullptr) {
      return InvalidArgument(prefix + "segment_names[" + std::to_string(s) + "] is NULL");
    }
    table.segment_names.emplace_back(segment_names[s]);
  }
  if (segment == nullptr && n_segments > 0 && n > 0) {
    return InvalidArgument(prefix + "segment is NULL with " + std::to_string(n_segments) +
                           " segment names");
  }
  return table;
}

// The caller's history as the C++ struct, its pointers checked.
inline Status HealthHistoryFromC(const candor_health_history* in, HealthHistory* out) {
  CANDOR_RETURN_IF_ERROR(Required(in, "history"));
  candor_health_history h = ZeroedOptions<candor_health_history>();
  CANDOR_RETURN_IF_ERROR(ReadSized(in, offsetof(candor_health_history, std_error_columns), &h));
  // The segments are per account, so the table's rows are the accounts.
  Result<HealthTable> table =
      HealthTableFromC(h.names, h.columns, h.n_columns, h.n_accounts, h.segment, h.segment_names,
                       h.n_segments, "history->");
  if (!table.ok()) return table.status();
  out->n = h.n;
  out->account = h.account;
  out->time = h.time;
  out->accounts = h.n_accounts;
  out->names = std::move(table->names);
  out->columns = std::move(table->columns);
  if (h.std_error_columns != nullptr) {
    out->std_error_columns.assign(h.std_error_columns, h.std_error_columns + h.n_columns);
  }
  out->segment = h.segment;
  out->segment_names = std::move(table->segment_names);
  return OkStatus();
}

}  // namespace candor::capi

#endif  // CANDOR_CAPI_HEALTH_HANDLES_HPP_
