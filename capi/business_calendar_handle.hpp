// capi/business_calendar_handle.hpp — what a candor_business_calendar handle
// holds, for the shims that take one (business hours, case log).
#ifndef CANDOR_CAPI_BUSINESS_CALENDAR_HANDLE_HPP_
#define CANDOR_CAPI_BUSINESS_CALENDAR_HANDLE_HPP_

#include <candor.h>

#include <candor/business_hours.hpp>

struct candor_business_calendar {
  candor::BusinessCalendar calendar;
};

#endif  // CANDOR_CAPI_BUSINESS_CALENDAR_HANDLE_HPP_
