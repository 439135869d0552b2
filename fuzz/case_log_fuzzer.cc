// The case log (candor/case_log.hpp) on event logs from the input, through
// the C++ API (the C ABI only recodes labels into it). Mode byte even: the rest is a CSV text with the
// header case_id,time,event,owner,team (read as the CLI reads it: raw text
// columns, timestamps parsed; a failed parse ends the run); odd: rows from
// bytes (few case ids, small time steps, event names valid or not, owners).
// Options (target, at-risk hours, as_of, drop policy, level) from bytes, on
// a UTC or a Europe/Berlin calendar. A result must keep its promises:
// hours_left = target - clock, the status agrees with the clock, counts add
// up, rates and intervals in [0, 1] around the rate; an error has a message.
#include <candor/business_hours.hpp>
#include <candor/case_log.hpp>
#include <candor/csv.hpp>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::Fail;
using candor_fuzz::FuzzInput;

constexpr const char* kEvents[] = {"opened",  "first_contact", "on_hold", "resumed",
                                   "closed",  "opened",        "closed",  "bogus",
                                   "",        "first contact"};
constexpr const char* kIds[] = {"a", "b", "c", "d", "e", "f"};
constexpr const char* kOwners[] = {"", "ann", "bo", "cy"};

void CheckRate(const candor::BreachRate& r, const char* what) {
  if (r.met + r.breached + r.at_risk + r.open != r.cases) Fail(what, "counts do not add up");
  if (r.met + r.breached == 0) {
    if (!std::isnan(r.rate)) Fail(what, "a rate without decided cases");
    return;
  }
  if (!(r.rate >= 0 && r.rate <= 1 && r.ci_low <= r.rate && r.rate <= r.ci_high &&
        r.ci_low >= 0 && r.ci_high <= 1 && r.ci_high > r.ci_low)) {
    Fail(what, "rate or interval out of place");
  }
}

void Check(const candor::CaseLog& log, const candor::CaseLogOptions& o) {
  int64_t cases = 0;
  for (const candor::CaseSla& c : log.cases) {
    ++cases;
    if (!(c.clock_hours >= 0) || std::fabs(c.hours_left - (o.first_contact_hours - c.clock_hours)) >
                                     1e-9 * (1 + std::fabs(c.clock_hours))) {
      Fail("case", "clock and hours_left disagree");
    }
    const bool stopped = c.contacted || c.is_closed;
    const bool breached = c.clock_hours > o.first_contact_hours;
    candor::SlaStatus want = breached  ? candor::SlaStatus::kBreached
                             : stopped ? candor::SlaStatus::kMet
                             : c.hours_left <= o.at_risk_hours ? candor::SlaStatus::kAtRisk
                                                               : candor::SlaStatus::kOpen;
    if (c.status != want) Fail("case", "status does not follow from the clock");
    if (c.contacted != !std::isnan(c.hours_to_first_contact)) Fail("case", "contact hours");
    if (c.is_closed && !(c.hours_to_close >= c.clock_hours - 1e-9)) Fail("case", "close hours");
  }
  if (log.overall.cases != cases) Fail("overall", "cases");
  CheckRate(log.overall, "overall");
  for (const auto& r : log.by_owner) CheckRate(r, "owner");
  for (const auto& r : log.by_team) CheckRate(r, "team");
  int64_t dropped = 0;
  for (int64_t d : log.dropped) dropped += d;
  if (dropped != log.cases_dropped) Fail("dropped", "counts do not add up");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const uint8_t mode = in.Byte();
  candor::CaseLogOptions options;
  options.first_contact_hours = in.Byte() % 32;
  options.at_risk_hours = in.Byte() % 8;
  options.on_invalid = (in.Byte() & 1) ? candor::InvalidEvents::kDropCase
                                       : candor::InvalidEvents::kError;
  const uint8_t as_of = in.Byte();
  candor::BusinessCalendarSpec spec;
  if (in.Byte() & 1) spec.time_zone = "Europe/Berlin";
  candor::Result<candor::BusinessCalendar> calendar = candor::BusinessCalendar::Make(spec);
  if (!calendar.ok()) Fail("calendar", calendar.status().message());

  std::vector<std::string> ids, events, owners;
  std::vector<int64_t> times;
  const int64_t start = 1774800000 + (mode / 2) * 86400;  // around the 2026 DST change
  if (mode % 2 == 0) {
    std::string_view text = in.Rest();
    auto columns = candor::ParseCsvColumns(text, {"case_id", "time", "event", "owner"});
    if (!columns.ok()) return 0;
    for (size_t i = 0; i < (*columns)[0].size(); ++i) {
      auto t = candor::ParseTimestamp((*columns)[1][i]);
      if (!t.ok()) return 0;
      times.push_back(*t);
    }
    ids = (*columns)[0];
    events = (*columns)[2];
    owners = (*columns)[3];
  } else {
    int64_t t = start;
    while (in.remaining() > 0 && ids.size() < 3000) {
      ids.push_back(kIds[in.Byte() % 6]);
      const uint8_t step = in.Byte();
      t += step >= 0xf0 ? -3600 : step * 900;  // sometimes back in time
      times.push_back(t);
      events.push_back(in.Pick(kEvents));
      owners.push_back(kOwners[in.Byte() % 4]);
    }
  }
  if (as_of & 1) options.as_of = start + (as_of >> 1) * 3600;
  candor::CaseEventColumns log;
  for (size_t i = 0; i < ids.size(); ++i) {
    log.case_ids.push_back(ids[i]);
    log.events.push_back(events[i]);
    log.owners.push_back(owners[i]);
  }
  log.times = times;
  candor::Result<candor::CaseLog> result = candor::AnalyzeCaseLog(log, *calendar, options);
  if (!result.ok()) {
    if (result.status().message().empty()) Fail("AnalyzeCaseLog", "error without a message");
    return 0;
  }
  Check(*result, options);
  return 0;
}
