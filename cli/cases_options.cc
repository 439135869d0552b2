// candor cases: its options and its help.
#include <string>

#include "command_specs.hpp"
#include "dialect.hpp"
#include "option_values.hpp"

namespace candor::cli {
namespace {

constexpr const char* kIntro =
    R"(Usage: candor cases LOG.csv [--calendar CAL.json] [options]

LOG.csv has one row per case event: a case id, a time (ISO 8601 or epoch
seconds), an event (opened, first_contact, on_hold, resumed, closed) and
optionally the owner and team at that event. For each case: the time to
first contact in business hours of the calendar, the clock paused from
on_hold to resumed; the SLA status against --first-contact-hours (met,
breached, at_risk when at most --at-risk-hours are left, open); the time to
close. Breach rates (breached / decided cases) overall, per owner and per
team with Wilson intervals. A duplicate, out-of-order or unknown event, or
resumed without a hold, is an error naming its row and case; with
--drop-invalid such cases are left out and counted by problem.

The calendar is a JSON object, as in a follow-up rules file:
  {"time_zone": "Europe/Berlin", "open": "09:00", "close": "17:00",
   "weekdays": [0, 1, 2, 3, 4], "holidays": ["2026-12-25"]}
(default: UTC, 09:00-17:00, Monday to Friday).

Options:
)";

constexpr const char* kEpilog = R"(
Example:
  candor cases case_events.csv --calendar calendar.json --first-contact-hours 4 \
      --as-of 2026-12-07T12:00:00Z --format csv
)";

OptionSetter NonNegativeHours(double* into) {
  return Checked<double>(into, ParseDouble, [](double hours, const std::string&) {
    return hours >= 0 ? std::string() : std::string("must not be negative");
  });
}

}  // namespace

CommandSpec CasesSpec(Command* command) {
  CasesArgs* args = &command->cases;
  CommandSpec spec = {
      "cases",
      kIntro,
      24,
      {
          {"calendar", "FILE", "the business-hour calendar, a JSON file",
           NonEmpty(&args->calendar, "file name")},
          ColumnOption("case-column", "case ids (default: case_id)", &args->case_column),
          ColumnOption("time-column", "event times (default: time)", &args->time_column),
          ColumnOption("event-column", "event names (default: event)", &args->event_column),
          ColumnOption("owner-column", "owners (default: owner, if present)", &args->owner_column),
          ColumnOption("team-column", "teams (default: team, if present)", &args->team_column),
          {"first-contact-hours", "H", "the SLA: business hours to first contact (default 8)",
           NonNegativeHours(&args->first_contact_hours)},
          {"at-risk-hours", "H", "running cases with at most H hours left (default 2)",
           NonNegativeHours(&args->at_risk_hours)},
          {"as-of", "DATE",
           "\"now\" for open cases (ISO 8601 or epoch seconds;\ndefault: the last event)",
           NonEmpty(&args->as_of, "date")},
          {"drop-invalid", nullptr, "leave out (and count) cases with invalid events",
           Flag(&args->drop_invalid)},
          LevelOption(&args->level),
          DelimiterOption(&args->delimiter),
          MaxBytesOption(&args->max_bytes),
          {"format", "F", "table (default), json, csv (one row per case)",
           Format(&args->format, true)},
      },
      kEpilog,
      &args->file,
      [args] {
        return args->file.empty() ? InvalidArgument("cases needs a FILE (a CSV log of case events)")
                                  : OkStatus();
      },
  };
  AddCsvDialectOptions(&spec, &args->dialect, kReadsTimes);
  return spec;
}

}  // namespace candor::cli
