// The checks every validation function makes of its arrays.
#ifndef CANDOR_VALIDATE_INPUTS_HPP_
#define CANDOR_VALIDATE_INPUTS_HPP_

#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>

namespace candor::validate_internal {

struct ClassCounts {
  int64_t positive = 0;
  int64_t negative = 0;
};

// `outcome` (and `values`, named `what` in messages) not NULL, n > 0, every
// outcome 0 or 1 and no value NaN; the number of rows of each class.
Result<ClassCounts> CheckRows(const double* values, const char* what, const uint8_t* outcome,
                              size_t n);

// At least `minimum` positives and negatives; `purpose` ends the message.
Status RequireClasses(const ClassCounts& counts, int64_t minimum, const char* purpose);

// level in (0, 1).
Status CheckLevel(double level);

}  // namespace candor::validate_internal

#endif  // CANDOR_VALIDATE_INPUTS_HPP_
