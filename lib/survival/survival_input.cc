#include "survival_input.hpp"

#include <cmath>
#include <string>

#include "common/radix_sort.hpp"

namespace candor::survival_internal {
namespace {

std::string At(const char* column, size_t i) {
  return std::string(column) + "[" + std::to_string(i) + "]";
}

}  // namespace

Status CheckTimesAndEvents(const double* time, const double* event, const double* weights,
                           size_t n) {
  if (n == 0) return Empty("no rows: survival needs at least one time and event");
  if (time == nullptr) return InvalidArgument("time is NULL");
  if (event == nullptr) return InvalidArgument("event is NULL");
  size_t events = 0;
  double total_weight = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(time[i]) || time[i] < 0) {
      return OutOfRange(At("time", i) + " = " + std::to_string(time[i]) +
                        ": times must be finite and >= 0");
    }
    if (event[i] != 0 && event[i] != 1) {
      return OutOfRange(At("event", i) + " = " + std::to_string(event[i]) +
                        ": an event is 1 (churned) or 0 (censored)");
    }
    if (weights != nullptr) {
      if (!std::isfinite(weights[i]) || weights[i] < 0) {
        return OutOfRange(At("weights", i) + " = " + std::to_string(weights[i]) +
                          ": weights must be finite and >= 0");
      }
      total_weight += weights[i];
    }
    events += event[i] == 1 ? 1 : 0;
  }
  if (weights != nullptr && !(total_weight > 0)) {
    return InvalidArgument("the weights sum to 0");
  }
  if (!std::isfinite(total_weight)) {
    return OutOfRange("the weights sum past the double range: scale them down");
  }
  if (events == 0) {
    return Empty("no events: every one of the " + std::to_string(n) +
                 " rows is censored (event 0)");
  }
  return OkStatus();
}

Status CheckRisk(const double* risk, size_t n) {
  if (risk == nullptr) return InvalidArgument("risk is NULL");
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(risk[i])) {
      return OutOfRange(At("risk", i) + " = " + std::to_string(risk[i]) +
                        ": risk scores must be finite");
    }
  }
  return OkStatus();
}

Status CheckGroups(const int32_t* groups, size_t n) {
  if (groups == nullptr) return OkStatus();
  for (size_t i = 0; i < n; ++i) {
    if (groups[i] < 0) {
      return OutOfRange(At("group", i) + " = " + std::to_string(groups[i]) +
                        ": group codes must be >= 0");
    }
  }
  return OkStatus();
}

std::vector<size_t> OrderByTime(const double* time, const double* event, const int32_t* groups,
                                size_t n) {
  // Times are >= 0, so their keys leave the top bit free for "censored"
  // (events first). Radix sorts are stable: ties keep the row order, and the
  // group pass, last, keeps each group in time order.
  std::vector<internal::KeyedRow> items(n);
  for (size_t i = 0; i < n; ++i) {
    items[i] = {(internal::OrderedKey(time[i]) << 1) | (event[i] == 1 ? 0u : 1u), i};
  }
  internal::RadixScratch<internal::KeyedRow> scratch;
  internal::RadixSort(&items, &scratch);
  if (groups != nullptr) {
    for (auto& item : items) item.key = static_cast<uint32_t>(groups[item.row]);
    internal::RadixSort(&items, &scratch);
  }
  std::vector<size_t> order(n);
  for (size_t p = 0; p < n; ++p) order[p] = items[p].row;
  return order;
}

}  // namespace candor::survival_internal
