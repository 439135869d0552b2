#include "inputs.hpp"

#include <cmath>
#include <string>

namespace candor::validate_internal {

Result<ClassCounts> CheckRows(const double* values, const char* what, const uint8_t* outcome,
                              size_t n) {
  if (n > 0 && values == nullptr) return InvalidArgument(std::string(what) + " is NULL");
  if (n > 0 && outcome == nullptr) return InvalidArgument("outcome is NULL");
  if (n == 0) return Empty("no rows: the validation needs scores with outcomes");
  ClassCounts counts;
  for (size_t i = 0; i < n; ++i) {
    if (outcome[i] > 1) {
      return OutOfRange("outcome[" + std::to_string(i) + "] = " + std::to_string(outcome[i]) +
                        " is not 0 or 1");
    }
    counts.positive += outcome[i];
  }
  counts.negative = static_cast<int64_t>(n) - counts.positive;
  for (size_t i = 0; i < n; ++i) {
    if (std::isnan(values[i])) {
      return OutOfRange(std::string(what) + "[" + std::to_string(i) + "] is NaN");
    }
  }
  return counts;
}

Status RequireClasses(const ClassCounts& counts, int64_t minimum, const char* purpose) {
  auto short_of = [&](int64_t have, const char* plural, int label) {
    const std::string outcome = "outcome " + std::to_string(label);
    if (have == 0) {
      return Empty("the outcome has no " + std::string(plural) + " (no row has " + outcome +
                   "): " + purpose);
    }
    return Empty("the outcome has only " + std::to_string(have) + " row with " + outcome + " (" +
                 plural + "), at least " + std::to_string(minimum) + " needed: " + purpose);
  };
  if (counts.positive < minimum) return short_of(counts.positive, "positives", 1);
  if (counts.negative < minimum) return short_of(counts.negative, "negatives", 0);
  return OkStatus();
}

Status CheckLevel(double level) {
  if (!(level > 0 && level < 1)) {
    return InvalidArgument("level must be in (0, 1); got " + std::to_string(level));
  }
  return OkStatus();
}

}  // namespace candor::validate_internal
