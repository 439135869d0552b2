// Business-hour calendars (include/candor/business_hours.hpp): the calendar
// as a handle, deadlines and business hours between instants over arrays.
#include <candor/business_hours.hpp>
#include <cstddef>
#include <string>
#include <string_view>

#include "business_calendar_handle.hpp"
#include "options.hpp"
#include "shim.hpp"

namespace candor::capi {
namespace {

candor_business_calendar_spec SpecDefaults() {
  candor_business_calendar_spec spec = ZeroedOptions<candor_business_calendar_spec>();
  spec.time_zone = "UTC";
  spec.open_minute = 540;
  spec.close_minute = 1020;
  spec.weekdays = kMondayToFriday;
  return spec;
}

Result<BusinessCalendarSpec> SpecFromC(const candor_business_calendar_spec* in) {
  CANDOR_RETURN_IF_ERROR(Required(in, "spec"));
  candor_business_calendar_spec c = SpecDefaults();
  CANDOR_RETURN_IF_ERROR(ReadSized(in, sizeof(candor_business_calendar_spec), &c));
  CANDOR_RETURN_IF_ERROR(Required(c.time_zone, "spec->time_zone"));
  if (c.holidays == nullptr && c.n_holidays > 0) {
    return InvalidArgument("spec->holidays is NULL with n_holidays " +
                           std::to_string(c.n_holidays));
  }
  BusinessCalendarSpec spec;
  spec.time_zone = c.time_zone;
  spec.open_minute = c.open_minute;
  spec.close_minute = c.close_minute;
  spec.weekdays = c.weekdays;
  if (c.n_holidays > 0) spec.holidays.assign(c.holidays, c.holidays + c.n_holidays);
  return spec;
}

}  // namespace
}  // namespace candor::capi

using candor::capi::Guard;
using candor::capi::Required;

extern "C" {

candor_status candor_business_calendar_spec_defaults(candor_business_calendar_spec* spec,
                                                     size_t size) {
  return candor::capi::WriteDefaults(candor::capi::SpecDefaults(), size, spec);
}

candor_status candor_business_calendar_new(const candor_business_calendar_spec* spec,
                                           candor_business_calendar** out) {
  return candor::capi::NewHandle(out, [&]() -> candor::Result<candor_business_calendar> {
    candor::Result<candor::BusinessCalendarSpec> cpp = candor::capi::SpecFromC(spec);
    if (!cpp.ok()) return cpp.status();
    candor::Result<candor::BusinessCalendar> calendar = candor::BusinessCalendar::Make(*cpp);
    if (!calendar.ok()) return calendar.status();
    return candor_business_calendar{std::move(calendar).value()};
  });
}

candor_status candor_business_calendar_from_json(const char* json, size_t length,
                                                 candor_business_calendar** out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    *out = nullptr;
    if (json == nullptr && length > 0) return candor::InvalidArgument("json is NULL");
    return candor::capi::MakeHandle(out, [&]() -> candor::Result<candor_business_calendar> {
      candor::Result<candor::BusinessCalendarSpec> spec =
          candor::ParseBusinessCalendarJson(std::string_view(json == nullptr ? "" : json, length));
      if (!spec.ok()) return spec.status();
      candor::Result<candor::BusinessCalendar> calendar = candor::BusinessCalendar::Make(*spec);
      if (!calendar.ok()) return calendar.status();
      return candor_business_calendar{std::move(calendar).value()};
    });
  });
}

void candor_business_calendar_free(candor_business_calendar* calendar) { delete calendar; }

candor_status candor_business_calendar_deadline(const candor_business_calendar* calendar,
                                                const int64_t* starts, const double* hours,
                                                size_t n, int64_t* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(calendar, "calendar"));
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(starts, "starts", hours, "hours", out, "out"));
    return calendar->calendar.Deadlines(starts, hours, n, out);
  });
}

candor_status candor_business_calendar_business_hours_between(
    const candor_business_calendar* calendar, const int64_t* starts, const int64_t* ends, size_t n,
    double* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(calendar, "calendar"));
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(starts, "starts", ends, "ends", out, "out"));
    return calendar->calendar.BusinessHoursBetweenMany(starts, ends, n, out);
  });
}

}  // extern "C"
