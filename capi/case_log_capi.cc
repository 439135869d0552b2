// Case log (include/candor/case_log.hpp): SLA status per case and breach
// rates, a handle with the result as columns.
#include <candor/business_hours.hpp>
#include <candor/case_log.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "business_calendar_handle.hpp"
#include "options.hpp"
#include "shim.hpp"

struct candor_case_log {
  candor::CaseLog result;
  std::vector<int64_t> first_row, owner_row, team_row, opened, first_contact, closed;
  std::vector<uint8_t> contacted, is_closed;
  std::vector<double> clock_hours, hours_to_first_contact, hours_to_close, hours_left;
  std::vector<int32_t> status;
};

namespace candor::capi {
namespace {

candor_case_log_options CaseLogDefaults() {
  auto o = ZeroedOptions<candor_case_log_options>();
  const CaseLogOptions cpp;
  o.first_contact_hours = cpp.first_contact_hours;
  o.at_risk_hours = cpp.at_risk_hours;
  o.as_of = cpp.as_of;
  o.level = cpp.level;
  o.on_invalid = CANDOR_INVALID_EVENTS_ERROR;
  return o;
}

Status FromCaseLogOptions(const candor_case_log_options* options, CaseLogOptions* out) {
  static constexpr EnumPair<InvalidEvents> kPolicies[] = {
      {CANDOR_INVALID_EVENTS_ERROR, InvalidEvents::kError},
      {CANDOR_INVALID_EVENTS_DROP_CASE, InvalidEvents::kDropCase}};
  candor_case_log_options o = CaseLogDefaults();
  CANDOR_RETURN_IF_ERROR(ReadSized(options, sizeof(size_t), &o));
  CANDOR_RETURN_IF_ERROR(EnumFromC(RawEnum(o.on_invalid), kPolicies,
                                   "options->on_invalid: unknown policy", &out->on_invalid));
  out->first_contact_hours = o.first_contact_hours;
  out->at_risk_hours = o.at_risk_hours;
  out->as_of = o.as_of;
  out->level = o.level;
  return out->Validate();
}

// names[codes[i]] for each row, as views; allow_none: -1 is "" (no value).
Status LabelColumn(const int32_t* codes, const char* const* names, size_t n_names, size_t n,
                   bool allow_none, const char* what, std::vector<std::string_view>* out) {
  std::vector<std::string_view> views(n_names);
  for (size_t k = 0; k < n_names; ++k) {
    if (names[k] == nullptr) {
      return InvalidArgument(std::string(what) + "_names[" + std::to_string(k) + "] is NULL");
    }
    views[k] = names[k];
  }
  out->resize(n);
  for (size_t i = 0; i < n; ++i) {
    const int32_t c = codes[i];
    if (allow_none && c == -1) {
      (*out)[i] = std::string_view();
    } else if (c < 0 || static_cast<size_t>(c) >= n_names) {
      return OutOfRange(std::string(what) + "_codes[" + std::to_string(i) + "] = " +
                        std::to_string(c) + " is not a code of the " + std::to_string(n_names) +
                        " " + what + " names" + (allow_none ? " (or -1)" : ""));
    } else {
      (*out)[i] = views[c];
    }
  }
  return OkStatus();
}

void Fill(candor_case_log* h) {
  const size_t k = h->result.cases.size();
  for (auto* v :
       {&h->first_row, &h->owner_row, &h->team_row, &h->opened, &h->first_contact, &h->closed}) {
    v->reserve(k);
  }
  h->contacted.reserve(k);
  h->is_closed.reserve(k);
  for (auto* v :
       {&h->clock_hours, &h->hours_to_first_contact, &h->hours_to_close, &h->hours_left}) {
    v->reserve(k);
  }
  h->status.reserve(k);
  for (const CaseSla& c : h->result.cases) {
    h->first_row.push_back(c.first_row);
    h->owner_row.push_back(c.owner_row);
    h->team_row.push_back(c.team_row);
    h->opened.push_back(c.opened);
    h->first_contact.push_back(c.first_contact);
    h->closed.push_back(c.closed);
    h->contacted.push_back(c.contacted ? 1 : 0);
    h->is_closed.push_back(c.is_closed ? 1 : 0);
    h->clock_hours.push_back(c.clock_hours);
    h->hours_to_first_contact.push_back(c.hours_to_first_contact);
    h->hours_to_close.push_back(c.hours_to_close);
    h->hours_left.push_back(c.hours_left);
    h->status.push_back(static_cast<int32_t>(c.status));
  }
}

}  // namespace
}  // namespace candor::capi

namespace {

void ToC(const candor::BreachRate& r, candor_breach_rate* out) {
  out->key = r.key.c_str();
  out->cases = r.cases;
  out->met = r.met;
  out->breached = r.breached;
  out->at_risk = r.at_risk;
  out->open = r.open;
  out->rate = r.rate;
  out->ci_low = r.ci_low;
  out->ci_high = r.ci_high;
}

}  // namespace

using candor::capi::Guard;
using candor::capi::Required;

extern "C" {

candor_status candor_case_log_options_defaults(candor_case_log_options* options, size_t size) {
  return candor::capi::WriteDefaults(candor::capi::CaseLogDefaults(), size, options);
}

candor_status candor_case_log_new(const candor_business_calendar* calendar,
                                  const int32_t* case_codes, const char* const* case_names,
                                  size_t n_cases, const int64_t* times, const int32_t* event_codes,
                                  const char* const* event_names, size_t n_event_names,
                                  const int32_t* owner_codes, const char* const* owner_names,
                                  size_t n_owners, const int32_t* team_codes,
                                  const char* const* team_names, size_t n_teams, size_t n,
                                  const candor_case_log_options* options, candor_case_log** out) {
  return Guard([&]() -> candor::Status {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    *out = nullptr;
    CANDOR_RETURN_IF_ERROR(Required(calendar, "calendar"));
    candor::CaseLogOptions cpp;
    CANDOR_RETURN_IF_ERROR(candor::capi::FromCaseLogOptions(options, &cpp));
    candor::CaseEventColumns log;
    if (n > 0) {
      CANDOR_RETURN_IF_ERROR(Required(case_codes, "case_codes", case_names, "case_names", times,
                                      "times", event_codes, "event_codes", event_names,
                                      "event_names"));
      CANDOR_RETURN_IF_ERROR(candor::capi::LabelColumn(case_codes, case_names, n_cases, n, false,
                                                       "case", &log.case_ids));
      CANDOR_RETURN_IF_ERROR(candor::capi::LabelColumn(event_codes, event_names, n_event_names, n,
                                                       false, "event", &log.events));
      if (owner_codes != nullptr) {
        CANDOR_RETURN_IF_ERROR(Required(owner_names, "owner_names"));
        CANDOR_RETURN_IF_ERROR(candor::capi::LabelColumn(owner_codes, owner_names, n_owners, n,
                                                         true, "owner", &log.owners));
      }
      if (team_codes != nullptr) {
        CANDOR_RETURN_IF_ERROR(Required(team_names, "team_names"));
        CANDOR_RETURN_IF_ERROR(candor::capi::LabelColumn(team_codes, team_names, n_teams, n, true,
                                                         "team", &log.teams));
      }
      log.times.assign(times, times + n);
      log.case_codes.assign(case_codes, case_codes + n);  // groups without hashing
      log.case_code_count = n_cases;
    }
    candor::Result<candor::CaseLog> result = candor::AnalyzeCaseLog(log, calendar->calendar, cpp);
    if (!result.ok()) return result.status();
    auto handle = std::make_unique<candor_case_log>();
    handle->result = std::move(result).value();
    candor::capi::Fill(handle.get());
    *out = handle.release();
    return candor::OkStatus();
  });
}

void candor_case_log_free(candor_case_log* log) { delete log; }

candor_status candor_case_log_summary_get(const candor_case_log* log,
                                          candor_case_log_summary* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(log, "log", out, "out"));
    const candor::CaseLog& r = log->result;
    out->cases = r.cases.size();
    out->rows = r.rows;
    out->cases_dropped = r.cases_dropped;
    out->rows_dropped = r.rows_dropped;
    out->dropped_unknown_event = r.dropped[0];
    out->dropped_duplicate = r.dropped[1];
    out->dropped_missing_opened = r.dropped[2];
    out->dropped_out_of_order = r.dropped[3];
    out->dropped_resumed_without_hold = r.dropped[4];
    out->first_problem = r.first_problem.c_str();
    out->as_of = r.as_of;
    out->level = r.level;
    ToC(r.overall, &out->overall);
    out->owners = r.by_owner.size();
    out->teams = r.by_team.size();
    return candor::OkStatus();
  });
}

candor_status candor_case_log_columns_get(const candor_case_log* log,
                                          candor_case_log_columns* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(log, "log", out, "out"));
    out->n = log->result.cases.size();
    out->first_row = log->first_row.data();
    out->owner_row = log->owner_row.data();
    out->team_row = log->team_row.data();
    out->opened = log->opened.data();
    out->first_contact = log->first_contact.data();
    out->closed = log->closed.data();
    out->contacted = log->contacted.data();
    out->is_closed = log->is_closed.data();
    out->clock_hours = log->clock_hours.data();
    out->hours_to_first_contact = log->hours_to_first_contact.data();
    out->hours_to_close = log->hours_to_close.data();
    out->hours_left = log->hours_left.data();
    out->status = log->status.data();
    return candor::OkStatus();
  });
}

candor_status candor_case_log_owner_at(const candor_case_log* log, size_t i,
                                       candor_breach_rate* out) {
  return candor::capi::RowAt(
      log, "log", i, out, "owner {i} of {n} owners",
      [](const candor_case_log& h) -> const auto& { return h.result.by_owner; }, ToC);
}

candor_status candor_case_log_team_at(const candor_case_log* log, size_t i,
                                      candor_breach_rate* out) {
  return candor::capi::RowAt(
      log, "log", i, out, "team {i} of {n} teams",
      [](const candor_case_log& h) -> const auto& { return h.result.by_team; }, ToC);
}

}  // extern "C"
