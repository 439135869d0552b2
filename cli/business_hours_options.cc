// candor business-hours: its options, the checks of how they combine, and its
// help.
#include <string>

#include "command_specs.hpp"
#include "dialect.hpp"
#include "option_values.hpp"

namespace candor::cli {
namespace {

constexpr const char* kIntro =
    R"(Usage: candor business-hours FILE [--hours H | --hours-column C | --end-column C]
                             [calendar options]

For each row of FILE: with --hours or --hours-column, the deadline that many
business hours after the row's start; with --end-column, the business hours
between start and end (negative when end is before start). Times are
ISO 8601 (an offset or Z; none is UTC) or epoch seconds; deadlines are
written in UTC ("2026-12-07T10:00:00Z"), rounded up to the second.

The calendar: a time zone, local opening hours, working weekdays and
holidays, from --calendar (a JSON object: {"time_zone": "Europe/Berlin",
"open": "09:00", "close": "17:00", "weekdays": [0, 1, 2, 3, 4], "holidays":
["2026-12-25"]}) or from --tz, --open, --close, --weekdays and --holidays.
Business hours are real elapsed time inside the opening hours of working
days, so a day spanning a daylight-saving change lasts an hour more or less;
a start outside hours counts from the next opening.

Options:
)";

constexpr const char* kEpilog = R"(
Example:
  candor business-hours tickets.csv --start-column opened --hours 8 \
      --tz America/New_York --holidays 2026-11-26,2026-12-25
  candor business-hours tickets.csv --start-column opened \
      --end-column first_reply --calendar support_calendar.json --format csv
)";

Status Finish(const BusinessHoursArgs& args) {
  if (args.file.empty()) {
    return InvalidArgument("business-hours needs a FILE (a CSV file with a start time per row)");
  }
  const int given = (args.hours.has_value() ? 1 : 0) + (args.hours_column.empty() ? 0 : 1) +
                    (args.end_column.empty() ? 0 : 1);
  if (given != 1) {
    return InvalidArgument(
        "business-hours needs one of --hours, --hours-column (deadlines) or --end-column "
        "(business hours between start and end)");
  }
  if (!args.calendar.empty() &&
      (!args.time_zone.empty() || !args.open.empty() || !args.close.empty() ||
       !args.weekdays.empty() || !args.holidays.empty())) {
    return InvalidArgument(
        "--calendar holds the whole calendar: give it or --tz, --open, --close, --weekdays "
        "and --holidays, not both");
  }
  return OkStatus();
}

}  // namespace

CommandSpec BusinessHoursSpec(Command* command) {
  BusinessHoursArgs* args = &command->business_hours;
  CommandSpec spec = {
      "business-hours",
      kIntro,
      24,
      {
          ColumnOption("start-column",
                       "when each row's clock starts (default: the first\n"
                       "of timestamp, time, date, submitted_at, created_at)",
                       &args->start_column),
          {"hours", "H", "deadlines: H business hours after every start",
           Checked<double>(&args->hours, ParseDouble,
                           [](double hours, const std::string&) {
                             return hours >= 0 ? std::string()
                                               : std::string("must not be negative");
                           })},
          ColumnOption("hours-column", "deadlines: the business hours of each row",
                       &args->hours_column),
          ColumnOption("end-column", "business hours between start and this time",
                       &args->end_column),
          {"calendar", "FILE", "the calendar, a JSON object (see above)",
           NonEmpty(&args->calendar, "file name")},
          {"tz", "ZONE", "an IANA time zone, e.g. Europe/Berlin (default UTC)",
           NonEmpty(&args->time_zone, "time zone")},
          {"open", "HH:MM", "local opening time (default 09:00)", NonEmpty(&args->open, "time")},
          {"close", "HH:MM", "local closing time, up to 24:00 (default 17:00)",
           NonEmpty(&args->close, "time")},
          {"weekdays", "D,...",
           "working weekdays, 0 (Monday) to 6 or mon ... sun\n"
           "(default mon,tue,wed,thu,fri)",
           Names(&args->weekdays)},
          {"holidays", "DATE,...", "holidays, YYYY-MM-DD", Names(&args->holidays)},
          DelimiterOption(&args->delimiter),
          MaxBytesOption(&args->max_bytes),
          {"format", "F",
           "table (default), json, csv (FILE's columns and\n"
           "deadline or business_hours)",
           Format(&args->format, true)},
      },
      kEpilog,
      &args->file,
      [args] { return Finish(*args); },
  };
  AddCsvDialectOptions(&spec, &args->dialect, kReadsNumbers | kReadsTimes);
  return spec;
}

}  // namespace candor::cli
