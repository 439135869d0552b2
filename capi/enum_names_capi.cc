// Names of enum values (candor_enum_name, candor_enum_value, candor_enum_at):
// the table of candor/enum_names.hpp.
#include <candor/enum_names.hpp>
#include <string>

#include "shim.hpp"

namespace candor::capi {
namespace {

// The caller's type as a candor_enum, or false when it is not one: C may pass
// any int, and only in-range values may be loaded as the C++ enum type
// (CANDOR_ENUM_COLUMN_KIND is candor_enum's last value).
bool KnownType(const candor_enum& type, candor_enum* known) {
  const int raw = RawEnum(type);
  if (raw < CANDOR_ENUM_METRIC || raw > CANDOR_ENUM_COLUMN_KIND) return false;
  *known = static_cast<candor_enum>(raw);
  return true;
}

}  // namespace
}  // namespace candor::capi

extern "C" {

const char* candor_enum_name(candor_enum type, int32_t value) {
  candor_enum known;
  if (!candor::capi::KnownType(type, &known)) return nullptr;
  return candor::EnumName(known, value);
}

candor_status candor_enum_value(candor_enum type, const char* name, int32_t* value) {
  return candor::capi::Guard([&] {
    CANDOR_RETURN_IF_ERROR(candor::capi::Required(name, "name", value, "value"));
    candor_enum known;
    if (!candor::capi::KnownType(type, &known)) {
      return candor::InvalidArgument("enum type " + std::to_string(candor::capi::RawEnum(type)) +
                                     " is not a candor_enum");
    }
    candor::Result<int32_t> found = candor::EnumValue(known, name);
    if (!found.ok()) return found.status();
    *value = *found;
    return candor::OkStatus();
  });
}

const char* candor_enum_at(candor_enum type, size_t index, int32_t* value) {
  candor_enum known;
  if (!candor::capi::KnownType(type, &known)) return nullptr;
  const candor::EnumEntries entries = candor::EnumValues(known);
  if (index >= entries.size) return nullptr;
  if (value != nullptr) *value = entries.entries[index].value;
  return entries.entries[index].name;
}

}  // extern "C"
