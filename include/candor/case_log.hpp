// candor/case_log.hpp — SLA status of follow-up cases from a log of case
// events, and breach rates per owner and team.
//
// Input: one row per event: a case id, a time (Unix seconds), an event name,
// and optionally the owner and team at that event. Events:
//   opened          the case exists; its SLA clock starts
//   first_contact   the customer was contacted; the first-contact clock stops
//   on_hold         the clock pauses (waiting on the customer)
//   resumed         the clock runs again
//   closed          the case is done; every clock stops
// Names are matched exactly ("opened", "first_contact", "on_hold",
// "resumed", "closed"). A case's events are taken in time order; events at
// the same second keep their order in the log.
//
// Checks, per case (each is a CaseLogProblem):
//   kUnknownEvent       an event name not in the list above;
//   kDuplicate          a second opened, first_contact or closed, or the same
//                       event at the same second twice;
//   kMissingOpened      no opened event;
//   kOutOfOrder         an event before opened, after closed, or on_hold
//                       while already on hold;
//   kResumedWithoutHold resumed while not on hold.
// With InvalidEvents::kError (the default) the first problem, in log order,
// is CANDOR_INVALID_ARGUMENT naming the row, the case and the problem. With
// kDropCase the case is left out and counted under its first problem
// (CaseLog::dropped), never silently.
//
// Clocks, in business hours of a BusinessCalendar (business_hours.hpp):
// the first-contact clock runs from opened, pauses from on_hold to resumed,
// and stops at first_contact, else at closed, else at as_of (an open case).
// hours_to_first_contact is its value at first_contact (NaN without one).
// The close clock is the same up to closed (hours_to_close; NaN if open).
// SLA status against first_contact_hours (the target):
//   kMet       the first-contact clock stopped (contact, or closed without
//              contact: the case was handled) at or under the target;
//   kBreached  the clock passed the target (stopped or still running);
//   kAtRisk    still running with remaining = target - clock <= at_risk_hours;
//   kOpen      still running with more than at_risk_hours left.
// contacted says whether a first_contact happened (a case closed without one
// is met or breached by its clock, and contacted = false shows it).
// Owner and team of a case: the last non-empty value given on its events.
//
// Breach rates, overall, per owner and per team, over decided cases (met or
// breached): breached / decided with Wilson's (1927) score interval at level
// (as statsmodels' proportion_confint(method="wilson")); open and at-risk
// cases are counted in their rows but not in the rate.
//
// Errors: no rows, or no case left, is CANDOR_EMPTY; a bad option (negative
// or non-finite hours, level outside (0, 1)) is CANDOR_INVALID_ARGUMENT;
// as_of before a case's last event is CANDOR_INVALID_ARGUMENT naming the
// case; a time outside the calendar's range is its CANDOR_OUT_OF_RANGE.
#ifndef CANDOR_CASE_LOG_HPP_
#define CANDOR_CASE_LOG_HPP_

#include <candor/business_hours.hpp>
#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace candor {

enum class CaseEvent { kOpened = 0, kFirstContact = 1, kOnHold = 2, kResumed = 3, kClosed = 4 };
enum class SlaStatus { kMet = 0, kBreached = 1, kAtRisk = 2, kOpen = 3 };
enum class InvalidEvents { kError = 0, kDropCase = 1 };
enum class CaseLogProblem {
  kUnknownEvent = 0,
  kDuplicate = 1,
  kMissingOpened = 2,
  kOutOfOrder = 3,
  kResumedWithoutHold = 4,
};
inline constexpr int kCaseLogProblems = 5;

// "opened", ... and "met", ...; ParseCaseEvent is CANDOR_PARSE_ERROR for
// any other name.
const char* CaseEventName(CaseEvent event);
const char* SlaStatusName(SlaStatus status);
const char* CaseLogProblemName(CaseLogProblem problem);
Result<CaseEvent> ParseCaseEvent(std::string_view name);

// The log, column by column (n rows each; owners and teams may be empty
// vectors: no owner/team).
struct CaseEventColumns {
  std::vector<std::string_view> case_ids;
  std::vector<int64_t> times;
  std::vector<std::string_view> events;
  std::vector<std::string_view> owners;
  std::vector<std::string_view> teams;
  // Optional, only to go faster: a code per row in [0, case_code_count),
  // one code per case id (as the C ABI's case codes). Rows are then grouped
  // by code instead of hashing each id; codes that do not match the ids
  // one to one are ignored.
  std::vector<int32_t> case_codes;
  size_t case_code_count = 0;
};

struct CaseLogOptions {
  double first_contact_hours = 8;  // business hours to first contact (target)
  double at_risk_hours = 2;        // running cases this close to the target
  int64_t as_of = 0;               // "now" for open cases; 0: the log's last event
  double level = 0.95;
  InvalidEvents on_invalid = InvalidEvents::kError;

  Status Validate() const;
};

struct CaseSla {
  std::string case_id;
  std::string owner;
  std::string team;
  int64_t first_row = 0;   // the log row of its first event (log order)
  int64_t owner_row = -1;  // the row the owner (team) was taken from; -1: none
  int64_t team_row = -1;
  int64_t opened = 0;
  int64_t first_contact = 0;  // 0 when contacted is false
  int64_t closed = 0;         // 0 when is_closed is false
  bool contacted = false;
  bool is_closed = false;
  double clock_hours = 0;             // first-contact clock (stopped or at as_of)
  double hours_to_first_contact = 0;  // NaN without a first contact
  double hours_to_close = 0;          // NaN while open
  double hours_left = 0;              // target - clock_hours (negative: breached)
  SlaStatus status = SlaStatus::kOpen;
};

struct BreachRate {
  std::string key;  // owner or team ("" for cases without one); "all" overall
  int64_t cases = 0;
  int64_t met = 0;
  int64_t breached = 0;
  int64_t at_risk = 0;
  int64_t open = 0;
  double rate = 0;  // breached / (met + breached); NaN when none decided
  double ci_low = 0;
  double ci_high = 0;
};

struct CaseLog {
  std::vector<CaseSla> cases;  // in order of first appearance in the log
  BreachRate overall;
  std::vector<BreachRate> by_owner;  // sorted by key
  std::vector<BreachRate> by_team;
  int64_t as_of = 0;
  double level = 0.95;
  int64_t rows = 0;
  int64_t cases_dropped = 0;
  int64_t rows_dropped = 0;
  int64_t dropped[kCaseLogProblems] = {};  // cases by their first problem
  std::string first_problem;               // message of the first problem ("" if none)
};

Result<CaseLog> AnalyzeCaseLog(const CaseEventColumns& log, const BusinessCalendar& calendar,
                               const CaseLogOptions& options);

}  // namespace candor

#endif  // CANDOR_CASE_LOG_HPP_
