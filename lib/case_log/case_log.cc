// AnalyzeCaseLog: per case SLA status from a log of case events, and breach
// rates per owner and team (include/candor/case_log.hpp).
#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <candor/business_hours.hpp>
#include <candor/case_log.hpp>
#include <candor/enum_names.hpp>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include "common/normal.hpp"

namespace candor {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// The names of CANDOR_ENUM_CASE_EVENT (enum_names.hpp) as string_views:
// ParseCaseEvent runs on every row, without strlen (the enum names test
// holds the two to each other).
constexpr std::string_view kEventNames[] = {"opened", "first_contact", "on_hold", "resumed",
                                            "closed"};

struct Problem {
  bool found = false;
  CaseLogProblem kind = CaseLogProblem::kUnknownEvent;
  size_t row = 0;
  std::string what;
};

// The rows of one case in time order (ties in log order): a slice of one
// array shared by all cases (a vector per case costs a million allocations).
struct CaseRows {
  const size_t* first = nullptr;
  size_t count = 0;
  const size_t* begin() const { return first; }
  const size_t* end() const { return first + count; }
  size_t size() const { return count; }
  size_t front() const { return first[0]; }
  size_t back() const { return first[count - 1]; }
  size_t operator[](size_t k) const { return first[k]; }
};

std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// Wilson's score interval for k of n (n > 0): (p + z^2/2n -+ z sqrt(p(1-p)/n
// + z^2/4n^2)) / (1 + z^2/n) (Wilson 1927).
void WilsonInterval(int64_t k, int64_t n, double z, double* low, double* high) {
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(k) / nn;
  const double z2 = z * z;
  const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
  const double half = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
  *low = std::max(0.0, centre - half);
  *high = std::min(1.0, centre + half);
}

void Count(const CaseSla& c, BreachRate* rate) {
  ++rate->cases;
  switch (c.status) {
    case SlaStatus::kMet:
      ++rate->met;
      break;
    case SlaStatus::kBreached:
      ++rate->breached;
      break;
    case SlaStatus::kAtRisk:
      ++rate->at_risk;
      break;
    case SlaStatus::kOpen:
      ++rate->open;
      break;
  }
}

void FinishRate(double z, BreachRate* rate) {
  const int64_t decided = rate->met + rate->breached;
  if (decided == 0) {
    rate->rate = rate->ci_low = rate->ci_high = kNaN;
    return;
  }
  rate->rate = static_cast<double>(rate->breached) / static_cast<double>(decided);
  WilsonInterval(rate->breached, decided, z, &rate->ci_low, &rate->ci_high);
}

std::vector<BreachRate> RatesBy(const std::vector<CaseSla>& cases, double z,
                                const std::string CaseSla::*key) {
  // Hashed while counting (a million cases, few keys), sorted by key after.
  absl::flat_hash_map<std::string_view, size_t> index;
  std::vector<BreachRate> out;
  for (const CaseSla& c : cases) {
    auto [it, inserted] = index.try_emplace(c.*key, out.size());
    if (inserted) {
      out.emplace_back();
      out.back().key = c.*key;
    }
    Count(c, &out[it->second]);
  }
  std::sort(out.begin(), out.end(),
            [](const BreachRate& a, const BreachRate& b) { return a.key < b.key; });
  for (BreachRate& r : out) FinishRate(z, &r);
  return out;
}

// Groups rows by log.case_codes (cases in order of first appearance): an
// array lookup per row instead of hashing every row's id. False, and
// nothing to use, when the codes are absent or do not match the ids one to
// one (the hashed grouping is then the reference).
bool GroupByCodes(const CaseEventColumns& log, std::vector<size_t>* case_of_row,
                  std::vector<size_t>* counts) {
  const size_t n = log.case_ids.size();
  if (log.case_codes.size() != n) return false;
  std::vector<int64_t> group(log.case_code_count, -1);
  std::vector<size_t> first_rows;
  for (size_t i = 0; i < n; ++i) {
    const int32_t code = log.case_codes[i];
    if (code < 0 || static_cast<size_t>(code) >= log.case_code_count) return false;
    int64_t& g = group[code];
    if (g < 0) {
      g = static_cast<int64_t>(counts->size());
      counts->push_back(0);
      first_rows.push_back(i);
    } else {
      const std::string_view id = log.case_ids[first_rows[g]];
      const std::string_view here = log.case_ids[i];
      if (here.data() != id.data() && here != id) return false;  // one id per code
    }
    (*case_of_row)[i] = static_cast<size_t>(g);
    ++(*counts)[g];
  }
  absl::flat_hash_set<std::string_view> ids;  // and one code per id
  ids.reserve(first_rows.size());
  for (size_t r : first_rows) {
    if (!ids.insert(log.case_ids[r]).second) return false;
  }
  return true;
}

// Checks one case's events (rows in time order) and fills what the clocks
// need; returns the first problem.
Problem CheckCase(const CaseEventColumns& log, const std::vector<CaseEvent>& events,
                  const std::vector<bool>& known, const CaseRows& rows) {
  Problem p;
  auto fail = [&](CaseLogProblem kind, size_t row, std::string what) {
    if (!p.found || row < p.row) {
      p.found = true;
      p.kind = kind;
      p.row = row;
      p.what = std::move(what);
    }
  };
  bool any_opened = false;
  for (size_t r : rows) {
    if (!known[r]) {
      fail(CaseLogProblem::kUnknownEvent, r,
           "unknown event " + Quoted(log.events[r]) +
               " (expected opened, first_contact, on_hold, resumed or closed)");
      return p;
    }
    any_opened = any_opened || events[r] == CaseEvent::kOpened;
  }
  if (!any_opened) {
    fail(CaseLogProblem::kMissingOpened, rows.front(), "no opened event");
    return p;
  }
  bool opened = false, contacted = false, closed = false, on_hold = false;
  size_t previous = 0;
  bool has_previous = false;
  for (size_t k = 0; k < rows.size(); ++k) {
    const size_t r = rows[k];
    const CaseEvent e = events[r];
    if (has_previous && events[previous] == e && log.times[previous] == log.times[r]) {
      fail(CaseLogProblem::kDuplicate, r,
           std::string(CaseEventName(e)) + " given twice at time " + std::to_string(log.times[r]));
      return p;
    }
    previous = r;
    has_previous = true;
    if (e != CaseEvent::kOpened && !opened) {
      fail(CaseLogProblem::kOutOfOrder, r,
           std::string(CaseEventName(e)) + " at time " + std::to_string(log.times[r]) +
               " comes before the case was opened");
      return p;
    }
    if (closed) {
      fail(CaseLogProblem::kOutOfOrder, r,
           std::string(CaseEventName(e)) + " at time " + std::to_string(log.times[r]) +
               " comes after the case was closed");
      return p;
    }
    switch (e) {
      case CaseEvent::kOpened:
        if (opened) {
          fail(CaseLogProblem::kDuplicate, r, "opened twice");
          return p;
        }
        opened = true;
        break;
      case CaseEvent::kFirstContact:
        if (contacted) {
          fail(CaseLogProblem::kDuplicate, r, "a second first_contact");
          return p;
        }
        contacted = true;
        break;
      case CaseEvent::kOnHold:
        if (on_hold) {
          fail(CaseLogProblem::kOutOfOrder, r, "on_hold while already on hold");
          return p;
        }
        on_hold = true;
        break;
      case CaseEvent::kResumed:
        if (!on_hold) {
          fail(CaseLogProblem::kResumedWithoutHold, r, "resumed while not on hold");
          return p;
        }
        on_hold = false;
        break;
      case CaseEvent::kClosed:
        closed = true;
        break;
    }
  }
  return p;
}

// Business hours on the clock from the case's opening to `stop`, with holds
// pausing it.
Result<double> ClockHours(const CaseEventColumns& log, const std::vector<CaseEvent>& events,
                          const CaseRows& rows, int64_t stop, const BusinessCalendar& calendar) {
  double hours = 0;
  int64_t running_since = 0;
  bool running = false;
  for (size_t r : rows) {
    const int64_t t = log.times[r];
    if (t > stop) break;
    const CaseEvent e = events[r];
    if (e == CaseEvent::kOpened || e == CaseEvent::kResumed) {
      running = true;
      running_since = t;
    } else if ((e == CaseEvent::kOnHold || e == CaseEvent::kClosed) && running) {
      Result<double> h = calendar.BusinessHoursBetween(running_since, t);
      if (!h.ok()) return h.status();
      hours += *h;
      running = false;
    }
  }
  if (running) {
    Result<double> h = calendar.BusinessHoursBetween(running_since, stop);
    if (!h.ok()) return h.status();
    hours += *h;
  }
  return hours;
}

}  // namespace

// The library's one table of enum names (candor/enum_names.hpp).
const char* CaseEventName(CaseEvent event) {
  const char* name = EnumName(CANDOR_ENUM_CASE_EVENT, event);
  return name != nullptr ? name : "unknown";
}
const char* SlaStatusName(SlaStatus status) {
  const char* name = EnumName(CANDOR_ENUM_SLA_STATUS, status);
  return name != nullptr ? name : "unknown";
}
const char* CaseLogProblemName(CaseLogProblem problem) {
  const char* name = EnumName(CANDOR_ENUM_CASE_LOG_PROBLEM, problem);
  return name != nullptr ? name : "unknown";
}

Result<CaseEvent> ParseCaseEvent(std::string_view name) {
  for (int i = 0; i < 5; ++i) {
    if (name == kEventNames[i]) return static_cast<CaseEvent>(i);
  }
  return ParseError("unknown case event " + Quoted(name) +
                    " (expected opened, first_contact, on_hold, resumed or closed)");
}

Status CaseLogOptions::Validate() const {
  if (!std::isfinite(first_contact_hours) || first_contact_hours < 0) {
    return InvalidArgument("first_contact_hours must be finite and >= 0, got " +
                           std::to_string(first_contact_hours));
  }
  if (!std::isfinite(at_risk_hours) || at_risk_hours < 0) {
    return InvalidArgument("at_risk_hours must be finite and >= 0, got " +
                           std::to_string(at_risk_hours));
  }
  if (!(level > 0 && level < 1)) {
    return InvalidArgument("level must be in (0, 1), got " + std::to_string(level));
  }
  if (on_invalid != InvalidEvents::kError && on_invalid != InvalidEvents::kDropCase) {
    return InvalidArgument("on_invalid: unknown policy");
  }
  return OkStatus();
}

Result<CaseLog> AnalyzeCaseLog(const CaseEventColumns& log, const BusinessCalendar& calendar,
                               const CaseLogOptions& options) {
  CANDOR_RETURN_IF_ERROR(options.Validate());
  const size_t n = log.case_ids.size();
  if (log.times.size() != n || log.events.size() != n ||
      (!log.owners.empty() && log.owners.size() != n) ||
      (!log.teams.empty() && log.teams.size() != n)) {
    return LengthMismatch("case log: the columns have different lengths (case_ids has " +
                          std::to_string(n) + " rows)");
  }
  if (n == 0) return Empty("case log: no events");

  std::vector<CaseEvent> events(n, CaseEvent::kOpened);
  std::vector<bool> known(n, false);
  for (size_t i = 0; i < n; ++i) {
    Result<CaseEvent> e = ParseCaseEvent(log.events[i]);
    if (e.ok()) {
      events[i] = *e;
      known[i] = true;
    }
  }
  // Cases in order of first appearance; their rows in time order.
  std::vector<size_t> case_of_row(n);
  std::vector<size_t> starts;  // rows per case, then where each case's rows start
  if (!GroupByCodes(log, &case_of_row, &starts)) {
    starts.clear();
    absl::flat_hash_map<std::string_view, size_t> index;
    for (size_t i = 0; i < n; ++i) {
      auto [it, inserted] = index.try_emplace(log.case_ids[i], starts.size());
      if (inserted) starts.push_back(0);
      case_of_row[i] = it->second;
      ++starts[it->second];
    }
  }
  std::vector<CaseRows> cases(starts.size());
  std::vector<size_t> all_rows(n);
  size_t offset = 0;
  for (size_t c = 0; c < cases.size(); ++c) {
    cases[c].first = all_rows.data() + offset;
    const size_t count = starts[c];
    starts[c] = offset;
    offset += count;
  }
  for (size_t i = 0; i < n; ++i) {
    const size_t c = case_of_row[i];
    all_rows[starts[c] + cases[c].count++] = i;
  }
  int64_t last_time = std::numeric_limits<int64_t>::min();
  auto earlier = [&](size_t a, size_t b) { return log.times[a] < log.times[b]; };
  for (size_t c = 0; c < cases.size(); ++c) {
    size_t* rows = all_rows.data() + starts[c];
    // stable_sort allocates a buffer on each call: only when out of order.
    if (!std::is_sorted(rows, rows + cases[c].count, earlier)) {
      std::stable_sort(rows, rows + cases[c].count, earlier);
    }
    last_time = std::max(last_time, log.times[cases[c].back()]);
  }

  CaseLog out;
  out.cases.reserve(cases.size());
  out.rows = static_cast<int64_t>(n);
  out.level = options.level;
  out.as_of = options.as_of != 0 ? options.as_of : last_time;
  // Problems, first in log order when they are errors.
  std::vector<Problem> problems(cases.size());
  const Problem* first = nullptr;
  size_t first_case = 0;
  for (size_t c = 0; c < cases.size(); ++c) {
    problems[c] = CheckCase(log, events, known, cases[c]);
    if (problems[c].found && (first == nullptr || problems[c].row < first->row)) {
      first = &problems[c];
      first_case = c;
    }
  }
  if (first != nullptr) {
    const size_t r = first->row;
    std::string message = "case log row " + std::to_string(r) + ", case " +
                          Quoted(log.case_ids[r]) + ": " + CaseLogProblemName(first->kind) + ": " +
                          first->what;
    if (options.on_invalid == InvalidEvents::kError) return InvalidArgument(message);
    out.first_problem = std::move(message);
  }
  (void)first_case;

  const double target = options.first_contact_hours;
  for (size_t c = 0; c < cases.size(); ++c) {
    const CaseRows& rows = cases[c];
    if (problems[c].found) {
      ++out.cases_dropped;
      out.rows_dropped += static_cast<int64_t>(rows.size());
      ++out.dropped[static_cast<int>(problems[c].kind)];
      continue;
    }
    CaseSla sla;
    sla.case_id = std::string(log.case_ids[rows.front()]);
    sla.first_row = static_cast<int64_t>(*std::min_element(rows.begin(), rows.end()));
    for (size_t r : rows) {
      const int64_t t = log.times[r];
      switch (events[r]) {
        case CaseEvent::kOpened:
          sla.opened = t;
          break;
        case CaseEvent::kFirstContact:
          sla.contacted = true;
          sla.first_contact = t;
          break;
        case CaseEvent::kClosed:
          sla.is_closed = true;
          sla.closed = t;
          break;
        default:
          break;
      }
      if (!log.owners.empty() && !log.owners[r].empty()) sla.owner_row = static_cast<int64_t>(r);
      if (!log.teams.empty() && !log.teams[r].empty()) sla.team_row = static_cast<int64_t>(r);
    }
    if (sla.owner_row >= 0) sla.owner = std::string(log.owners[sla.owner_row]);
    if (sla.team_row >= 0) sla.team = std::string(log.teams[sla.team_row]);
    const int64_t last = log.times[rows.back()];
    if (out.as_of < last) {
      return InvalidArgument("as_of " + std::to_string(out.as_of) + " is before the last event (" +
                             std::to_string(last) + ") of case " + Quoted(sla.case_id));
    }
    const int64_t stop = sla.contacted ? sla.first_contact : sla.is_closed ? sla.closed : out.as_of;
    Result<double> clock = ClockHours(log, events, rows, stop, calendar);
    if (!clock.ok()) {
      return Status(clock.status().code(),
                    "case " + Quoted(sla.case_id) + ": " + clock.status().message());
    }
    sla.clock_hours = *clock;
    sla.hours_to_first_contact = sla.contacted ? *clock : kNaN;
    if (sla.is_closed && !sla.contacted) {
      sla.hours_to_close = *clock;  // the clock above stopped at the close
    } else if (sla.is_closed) {
      Result<double> close = ClockHours(log, events, rows, sla.closed, calendar);
      if (!close.ok()) return close.status();
      sla.hours_to_close = *close;
    } else {
      sla.hours_to_close = kNaN;
    }
    sla.hours_left = target - sla.clock_hours;
    const bool stopped = sla.contacted || sla.is_closed;
    if (sla.clock_hours > target) {
      sla.status = SlaStatus::kBreached;
    } else if (stopped) {
      sla.status = SlaStatus::kMet;
    } else {
      sla.status = sla.hours_left <= options.at_risk_hours ? SlaStatus::kAtRisk : SlaStatus::kOpen;
    }
    out.cases.push_back(std::move(sla));
  }
  if (out.cases.empty()) {
    return Empty("case log: no case left (" + std::to_string(out.cases_dropped) +
                 " dropped; first: " + out.first_problem + ")");
  }
  const double z = internal::NormalQuantile(0.5 + options.level / 2);
  out.overall.key = "all";
  for (const CaseSla& c : out.cases) Count(c, &out.overall);
  FinishRate(z, &out.overall);
  out.by_owner = RatesBy(out.cases, z, &CaseSla::owner);
  out.by_team = RatesBy(out.cases, z, &CaseSla::team);
  return out;
}

}  // namespace candor
