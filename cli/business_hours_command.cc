// candor business-hours: deadlines, or business hours between two times, per
// row of a CSV file, in a business-hour calendar (candor/business_hours.hpp).
#include <algorithm>
#include <candor/business_hours.hpp>
#include <candor/csv.hpp>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "data.hpp"
#include "format.hpp"
#include "records.hpp"

namespace candor::cli {
namespace {

// A calendar is a small JSON object; a larger file is not one.
constexpr uint64_t kMaxCalendarBytes = 16 << 20;

constexpr const char* kWeekdayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

Result<int> ParseWeekday(const std::string& text) {
  for (int d = 0; d < 7; ++d) {
    if (text == kWeekdayNames[d] || text == std::to_string(d)) return d;
  }
  return InvalidArgument("--weekdays: '" + text +
                         "' is not a weekday (0 (Monday) to 6, or mon, "
                         "tue, wed, thu, fri, sat, sun)");
}

Result<BusinessCalendarSpec> SpecFromArgs(const BusinessHoursArgs& args) {
  if (!args.calendar.empty()) {
    Result<std::string> text = ReadWholeFile(args.calendar, kMaxCalendarBytes);
    if (!text.ok()) return text.status();
    Result<BusinessCalendarSpec> spec = ParseBusinessCalendarJson(*text);
    if (!spec.ok()) {
      return Status(spec.status().code(), "'" + args.calendar + "': " + spec.status().message());
    }
    return spec;
  }
  BusinessCalendarSpec spec;
  if (!args.time_zone.empty()) spec.time_zone = args.time_zone;
  const auto minute = [](const std::string& option, const std::string& text, int* into) {
    if (text.empty()) return OkStatus();
    Result<int> parsed = ParseTimeOfDay(text);
    if (!parsed.ok()) return InvalidArgument("--" + option + ": " + parsed.status().message());
    *into = *parsed;
    return OkStatus();
  };
  CANDOR_RETURN_IF_ERROR(minute("open", args.open, &spec.open_minute));
  CANDOR_RETURN_IF_ERROR(minute("close", args.close, &spec.close_minute));
  if (!args.weekdays.empty()) {
    spec.weekdays = 0;
    for (const std::string& text : args.weekdays) {
      Result<int> day = ParseWeekday(text);
      if (!day.ok()) return day.status();
      if (spec.weekdays & (1u << *day)) {
        return InvalidArgument("--weekdays: " + std::string(kWeekdayNames[*day]) +
                               " is given twice");
      }
      spec.weekdays |= static_cast<uint8_t>(1u << *day);
    }
  }
  for (const std::string& text : args.holidays) {
    Result<int32_t> day = ParseCivilDate(text);
    if (!day.ok()) return InvalidArgument("--holidays: " + day.status().message());
    spec.holidays.push_back(*day);
  }
  return spec;
}

std::string UtcText(int64_t t) {
  const CivilTime c = UtcCivilTime(t);
  char text[48];
  std::snprintf(text, sizeof text, "%04lld-%02d-%02dT%02d:%02d:%02dZ",
                static_cast<long long>(c.year), c.month, c.day, c.hour, c.minute, c.second);
  return text;
}

struct Rows {
  Records records;
  std::string start_column;
  std::vector<int64_t> starts;
  std::vector<double> hours;  // deadlines
  std::vector<int64_t> ends;  // between
  std::vector<int64_t> deadlines;
  std::vector<double> between;
};

Status NameLine(const Status& status, const Records& records, size_t i) {
  return Status(status.code(), "'" + records.file + "' line " + std::to_string(records.lines[i]) +
                                   ": " + status.message());
}

Result<Rows> Compute(const BusinessHoursArgs& args, const BusinessCalendar& calendar) {
  Rows rows;
  Result<Records> records = ReadRecords(args.file, args.delimiter, args.max_bytes, args.dialect);
  if (!records.ok()) return records.status();
  rows.records = std::move(records).value();
  rows.start_column =
      args.start_column.empty() ? FindTimeColumn(rows.records.header) : args.start_column;
  if (rows.start_column.empty()) {
    return InvalidArgument("'" + args.file + "' has none of the usual time columns (" +
                           TimeColumnNames() + "): name one with --start-column");
  }
  Result<std::vector<int64_t>> starts = ReadTimes(rows.records, rows.start_column);
  if (!starts.ok()) return starts.status();
  rows.starts = std::move(starts).value();
  const size_t n = rows.starts.size();
  if (!args.end_column.empty()) {
    Result<std::vector<int64_t>> ends = ReadTimes(rows.records, args.end_column);
    if (!ends.ok()) return ends.status();
    rows.ends = std::move(ends).value();
    rows.between.resize(n);
    for (size_t i = 0; i < n; ++i) {
      Result<double> hours = calendar.BusinessHoursBetween(rows.starts[i], rows.ends[i]);
      if (!hours.ok()) return NameLine(hours.status(), rows.records, i);
      rows.between[i] = *hours;
    }
    return rows;
  }
  if (args.hours.has_value()) {
    rows.hours.assign(n, *args.hours);
  } else {
    Result<std::vector<double>> hours = ReadNumbers(rows.records, args.hours_column);
    if (!hours.ok()) return hours.status();
    rows.hours = std::move(hours).value();
  }
  rows.deadlines.resize(n);
  for (size_t i = 0; i < n; ++i) {
    Result<int64_t> deadline = calendar.Deadline(rows.starts[i], rows.hours[i]);
    if (!deadline.ok()) return NameLine(deadline.status(), rows.records, i);
    rows.deadlines[i] = *deadline;
  }
  return rows;
}

int Print(const BusinessHoursArgs& args, const Rows& rows) {
  const bool deadlines = args.end_column.empty();
  const size_t n = rows.starts.size();
  const auto result = [&](size_t i) {
    return deadlines ? UtcText(rows.deadlines[i]) : RoundTrip(rows.between[i]);
  };
  switch (args.format) {
    case OutputFormat::kCsv: {
      // FILE written back with one more column, in its delimiter and (for
      // business hours) its decimal separator.
      std::vector<std::string> header = rows.records.header;
      header.push_back(deadlines ? "deadline" : "business_hours");
      std::cout << CsvRow(header, args.delimiter);
      for (size_t i = 0; i < n; ++i) {
        std::vector<std::string> fields = rows.records.rows[i];
        std::string added = result(i);
        if (!deadlines && args.dialect.decimal == ',') {
          std::replace(added.begin(), added.end(), '.', ',');
        }
        fields.push_back(std::move(added));
        std::cout << CsvRow(fields, args.delimiter);
      }
      return kExitOk;
    }
    case OutputFormat::kJson: {
      nlohmann::json out = nlohmann::json::array();
      for (size_t i = 0; i < n; ++i) {
        nlohmann::json row = {{"line", rows.records.lines[i]}, {"start", UtcText(rows.starts[i])}};
        if (deadlines) {
          row["hours"] = NumberOrNull(rows.hours[i]);
          row["deadline"] = UtcText(rows.deadlines[i]);
        } else {
          row["end"] = UtcText(rows.ends[i]);
          row["business_hours"] = NumberOrNull(rows.between[i]);
        }
        out.push_back(std::move(row));
      }
      std::cout << DumpJson(out) << "\n";
      return kExitOk;
    }
    case OutputFormat::kTable:
      break;
  }
  TextTable table(
      deadlines ? std::vector<std::string>{"line", "start (UTC)", "hours", "deadline (UTC)"}
                : std::vector<std::string>{"line", "start (UTC)", "end (UTC)", "business hours"},
      1);
  for (size_t i = 0; i < n; ++i) {
    table.AddRow(
        deadlines
            ? std::vector<std::string>{std::to_string(rows.records.lines[i]),
                                       UtcText(rows.starts[i]), RoundTrip(rows.hours[i]), result(i)}
            : std::vector<std::string>{std::to_string(rows.records.lines[i]),
                                       UtcText(rows.starts[i]), UtcText(rows.ends[i]), result(i)});
  }
  std::cout << table.Render();
  return kExitOk;
}

}  // namespace

int RunBusinessHours(const BusinessHoursArgs& args) {
  Result<BusinessCalendarSpec> spec = SpecFromArgs(args);
  if (!spec.ok()) {
    return spec.status().code() == CANDOR_INVALID_ARGUMENT &&
                   spec.status().message().rfind("--", 0) == 0
               ? Fail(kExitUsage, spec.status().message())
               : FailData(spec.status());
  }
  Result<BusinessCalendar> calendar = BusinessCalendar::Make(*spec);
  if (!calendar.ok()) return FailData(calendar.status());
  Result<Rows> rows = Compute(args, *calendar);
  if (!rows.ok()) return FailData(rows.status());
  return Print(args, *rows);
}

}  // namespace candor::cli
