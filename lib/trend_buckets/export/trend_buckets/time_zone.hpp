// Time zones by name, exported to the modules that use trend_buckets
// (business_hours): names checked as tz database identifiers before any
// lookup, so a name can never be a file path (Abseil maps a name to a file
// under TZDIR, default /usr/share/zoneinfo, and opens it).
#ifndef CANDOR_TREND_BUCKETS_TIME_ZONE_HPP_
#define CANDOR_TREND_BUCKETS_TIME_ZONE_HPP_

#include <candor/status.hpp>
#include <cstddef>
#include <string_view>

#include "absl/time/time.h"

namespace candor::internal {

// The longest name accepted; the longest in tzdata 2025b is 38 characters
// ("right/America/Argentina/ComodRivadavia").
inline constexpr size_t kMaxTimeZoneNameLength = 64;
// The tz database's own limit on a component (theory.html, "Timezone
// identifiers": a file name component must not exceed 14 characters).
inline constexpr size_t kMaxTimeZoneComponentLength = 14;

// OK when `name` has the form of a tz database identifier: 1 to 64 bytes,
// components of 1 to 14 characters from A-Z a-z 0-9 '_' '-' '+' joined by
// '/', none starting with '-'. So no leading '/', no '.' or '..' component,
// no NUL, backslash or ':' (Abseil's "file:" prefix). Otherwise
// CANDOR_INVALID_ARGUMENT naming what is wrong and what a name looks like.
Status CheckTimeZoneName(std::string_view name);

// Loads an IANA zone; a name not of the tz database's form (see
// CheckTimeZoneName: checked before any file is opened) or unknown is
// CANDOR_INVALID_ARGUMENT naming it.
Status LoadZone(std::string_view name, absl::TimeZone* zone);

}  // namespace candor::internal

#endif  // CANDOR_TREND_BUCKETS_TIME_ZONE_HPP_
