// capi/health_handles.hpp — what the health shims share: the candor_scorecard
// and candor_health_scores handles, and the per-account table of
// candor_health_score and candor_health_suggest_weights from its C arguments.
// Used by health_capi.cc, health_history_capi.cc and health_weights_capi.cc.
#ifndef CANDOR_CAPI_HEALTH_HANDLES_HPP_
#define CANDOR_CAPI_HEALTH_HANDLES_HPP_

#include <candor/health.hpp>
#include <cstddef>
#include <cstdint>
#include <string>

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

}  // namespace candor::capi

#endif  // CANDOR_CAPI_HEALTH_HANDLES_HPP_
