// candor cases: SLA status per case from a log of case events, and breach
// rates per owner and team (candor/case_log.hpp).
#include <candor/business_hours.hpp>
#include <candor/case_log.hpp>
#include <candor/csv.hpp>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "format.hpp"
#include "records.hpp"

namespace candor::cli {
namespace {

constexpr uint64_t kMaxCalendarBytes = 1 << 20;

struct CasesReport {
  CaseLog log;
};

Result<BusinessCalendar> LoadCalendar(const std::string& path) {
  if (path.empty()) return BusinessCalendar::Make(BusinessCalendarSpec());
  Result<std::string> text = ReadWholeFile(path, kMaxCalendarBytes);
  if (!text.ok()) return text.status();
  Result<BusinessCalendarSpec> spec = ParseBusinessCalendarJson(*text);
  if (!spec.ok()) return Status(spec.status().code(), path + ": " + spec.status().message());
  Result<BusinessCalendar> calendar = BusinessCalendar::Make(*spec);
  if (!calendar.ok()) {
    return Status(calendar.status().code(), path + ": " + calendar.status().message());
  }
  return calendar;
}

// The column's values as views into `records`, or none when `name` is empty
// and `fallback` is not a column.
Result<std::vector<std::string_view>> TextColumn(const Records& records, const std::string& name,
                                                 const std::string& fallback) {
  std::string column = name;
  if (column.empty()) {
    if (!records.Column(fallback).ok()) return std::vector<std::string_view>();
    column = fallback;
  }
  Result<size_t> c = records.Column(column);
  if (!c.ok()) return c.status();
  std::vector<std::string_view> out;
  out.reserve(records.size());
  for (const auto& row : records.rows) out.push_back(row[*c]);
  return out;
}

Result<CasesReport> Compute(const CasesArgs& args) {
  Result<BusinessCalendar> calendar = LoadCalendar(args.calendar);
  if (!calendar.ok()) return calendar.status();
  Result<Records> records = ReadRecords(args.file, args.delimiter, args.max_bytes, args.dialect);
  if (!records.ok()) return records.status();
  CaseEventColumns log;
  for (auto [into, name, fallback] :
       {std::tuple{&log.case_ids, args.case_column, std::string()},
        std::tuple{&log.events, args.event_column, std::string()},
        std::tuple{&log.owners, args.owner_column, std::string("owner")},
        std::tuple{&log.teams, args.team_column, std::string("team")}}) {
    Result<std::vector<std::string_view>> column = TextColumn(*records, name, fallback);
    if (!column.ok()) return column.status();
    *into = std::move(column).value();
  }
  Result<std::vector<int64_t>> times = ReadTimes(*records, args.time_column);
  if (!times.ok()) return times.status();
  log.times = std::move(times).value();
  CaseLogOptions options;
  options.first_contact_hours = args.first_contact_hours;
  options.at_risk_hours = args.at_risk_hours;
  options.level = args.level;
  options.on_invalid = args.drop_invalid ? InvalidEvents::kDropCase : InvalidEvents::kError;
  if (!args.as_of.empty()) {
    Result<int64_t> as_of = ParseTimestamp(args.as_of);
    if (!as_of.ok()) return InvalidArgument("--as-of: " + as_of.status().message());
    options.as_of = *as_of;
  }
  Result<CaseLog> result = AnalyzeCaseLog(log, *calendar, options);
  if (!result.ok()) {
    return Status(result.status().code(), args.file + ": " + result.status().message());
  }
  return CasesReport{std::move(result).value()};
}

std::string Time(int64_t t, bool present) {
  if (!present) return "";
  CivilTime c = UtcCivilTime(t);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02d-%02dT%02d:%02d:%02dZ",
                static_cast<long long>(c.year), c.month, c.day, c.hour, c.minute, c.second);
  return buffer;
}

std::vector<std::string> RateCells(const BreachRate& r, double level) {
  return {r.key.empty() ? "(none)" : r.key,
          std::to_string(r.cases),
          std::to_string(r.met),
          std::to_string(r.breached),
          std::to_string(r.at_risk),
          std::to_string(r.open),
          FormatFixed(100 * r.rate, 1),
          FormatInterval(100 * r.ci_low, 100 * r.ci_high, 1)};
}

nlohmann::json RateJson(const BreachRate& r) {
  return {{"key", r.key},
          {"cases", r.cases},
          {"met", r.met},
          {"breached", r.breached},
          {"at_risk", r.at_risk},
          {"open", r.open},
          {"rate", NumberOrNull(r.rate)},
          {"ci_low", NumberOrNull(r.ci_low)},
          {"ci_high", NumberOrNull(r.ci_high)}};
}

nlohmann::json DroppedJson(const CaseLog& log) {
  nlohmann::json dropped = nlohmann::json::object();
  for (int k = 0; k < kCaseLogProblems; ++k) {
    dropped[CaseLogProblemName(static_cast<CaseLogProblem>(k))] = log.dropped[k];
  }
  return dropped;
}

int PrintTable(const CasesArgs& args, const CasesReport& report) {
  const CaseLog& log = report.log;
  std::cout << "Cases: " << log.cases.size() << " (" << log.rows << " events), as of "
            << Time(log.as_of, true) << "; SLA: first contact within "
            << FormatFixed(args.first_contact_hours, 1) << " business hours\n";
  if (log.cases_dropped > 0) {
    std::cout << "Dropped: " << log.cases_dropped << " cases (" << log.rows_dropped
              << " events) with invalid events; first: " << log.first_problem << "\n";
  }
  const std::string level = FormatLevel(log.level);
  std::vector<std::string> headers = {"",        "cases", "met",      "breached",
                                      "at risk", "open",  "breach %", level + " CI"};
  for (const auto& [title, rows] :
       {std::pair<const char*, const std::vector<BreachRate>*>{"owner", &log.by_owner},
        std::pair<const char*, const std::vector<BreachRate>*>{"team", &log.by_team}}) {
    headers[0] = title;
    TextTable table(headers, 1);
    table.AddRow(RateCells(log.overall, log.level));
    for (const BreachRate& r : *rows) table.AddRow(RateCells(r, log.level));
    std::cout << "\nBreach rate by " << title << " (over met + breached cases):\n"
              << table.Render("  ");
  }
  TextTable cases({"case", "owner", "status", "hours to contact", "clock hours", "hours left"}, 3);
  for (const CaseSla& c : log.cases) {
    if (c.status == SlaStatus::kMet) continue;
    cases.AddRow({c.case_id, c.owner, SlaStatusName(c.status),
                  FormatFixed(c.hours_to_first_contact, 2), FormatFixed(c.clock_hours, 2),
                  FormatFixed(c.hours_left, 2)});
  }
  std::cout << "\nCases not met (breached, at risk, open):\n" << cases.Render("  ");
  return kExitOk;
}

int PrintJson(const CasesArgs& args, const CasesReport& report) {
  const CaseLog& log = report.log;
  nlohmann::json out = {{"as_of", log.as_of},
                        {"level", log.level},
                        {"first_contact_hours", args.first_contact_hours},
                        {"rows", log.rows},
                        {"cases_dropped", log.cases_dropped},
                        {"rows_dropped", log.rows_dropped},
                        {"dropped", DroppedJson(log)},
                        {"first_problem", log.first_problem},
                        {"overall", RateJson(log.overall)}};
  out["by_owner"] = nlohmann::json::array();
  for (const BreachRate& r : log.by_owner) out["by_owner"].push_back(RateJson(r));
  out["by_team"] = nlohmann::json::array();
  for (const BreachRate& r : log.by_team) out["by_team"].push_back(RateJson(r));
  out["cases"] = nlohmann::json::array();
  for (const CaseSla& c : log.cases) {
    out["cases"].push_back(
        {{"case", c.case_id},
         {"owner", c.owner},
         {"team", c.team},
         {"status", SlaStatusName(c.status)},
         {"opened", c.opened},
         {"first_contact", c.contacted ? nlohmann::json(c.first_contact) : nlohmann::json(nullptr)},
         {"closed", c.is_closed ? nlohmann::json(c.closed) : nlohmann::json(nullptr)},
         {"clock_hours", c.clock_hours},
         {"hours_to_first_contact", NumberOrNull(c.hours_to_first_contact)},
         {"hours_to_close", NumberOrNull(c.hours_to_close)},
         {"hours_left", c.hours_left}});
  }
  std::cout << DumpJson(out) << "\n";
  return kExitOk;
}

int PrintCsv(const CasesArgs& args, const CasesReport& report) {
  std::cout << CsvRow({"case", "owner", "team", "status", "opened", "first_contact", "closed",
                       "clock_hours", "hours_to_first_contact", "hours_to_close", "hours_left"});
  for (const CaseSla& c : report.log.cases) {
    std::cout << CsvRow({c.case_id, c.owner, c.team, SlaStatusName(c.status), Time(c.opened, true),
                         Time(c.first_contact, c.contacted), Time(c.closed, c.is_closed),
                         RoundTrip(c.clock_hours),
                         c.contacted ? RoundTrip(c.hours_to_first_contact) : "",
                         c.is_closed ? RoundTrip(c.hours_to_close) : "", RoundTrip(c.hours_left)});
  }
  return kExitOk;
}

int Print(const CasesArgs& args, const CasesReport& report) {
  return PrintInFormat(args, report, PrintTable, PrintJson, PrintCsv);
}

}  // namespace

int RunCases(const CasesArgs& args) { return ComputeAndPrint(args, Compute, Print); }

}  // namespace candor::cli
