// candor/enum_names.hpp — the names of the values of candor.h's enums.
//
// Each value of an enum a user chooses or reads (a metric, an interval
// method, a trend period, an emotion, ...) has one name, the same on every
// surface: the C ABI (candor_enum_name, candor_enum_value, candor_enum_at),
// this C++ API, the Python package and the command line. A name is
// lower-case words joined by '_': "adjusted_wald" for
// CANDOR_INTERVAL_ADJUSTED_WALD (IntervalMethod::kAdjustedWald). Matching is
// exact, with no aliases; a surface that accepts more (ParseBucketPeriod's
// "monthly", the Python package's "fdr") maps it to a name first.
//
// `type` is the candor_enum of the C enum; a C++ enum (IntervalMethod,
// BucketPeriod, text::Emotion, ...) has the values of its C twin, so
// EnumName(CANDOR_ENUM_INTERVAL, IntervalMethod::kBayes) is "bayes".
#ifndef CANDOR_ENUM_NAMES_HPP_
#define CANDOR_ENUM_NAMES_HPP_

#include <candor.h>

#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace candor {

// One value of an enum and its name.
struct EnumEntry {
  int32_t value;
  const char* name;
};

// The values of one enum, in declaration order; iterable.
struct EnumEntries {
  const EnumEntry* entries = nullptr;
  size_t size = 0;

  const EnumEntry* begin() const { return entries; }
  const EnumEntry* end() const { return entries + size; }
};

// The values of `type` (none when `type` is not a candor_enum).
EnumEntries EnumValues(candor_enum type);

// The name of `value`; nullptr when it is not one of the values of `type`.
const char* EnumName(candor_enum type, int32_t value);
template <typename Enum>
const char* EnumName(candor_enum type, Enum value) {
  return EnumName(type, static_cast<int32_t>(value));
}

// The value named `name`; CANDOR_INVALID_ARGUMENT naming it and listing the
// names of `type` otherwise.
Result<int32_t> EnumValue(candor_enum type, std::string_view name);

// The names of `type` in declaration order, joined by ", ".
std::string EnumNameList(candor_enum type);

}  // namespace candor

#endif  // CANDOR_ENUM_NAMES_HPP_
