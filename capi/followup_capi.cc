// The follow-up queue (include/candor/followup.hpp): a rules handle from
// JSON, the queue handle built from the caller's columns, and its columns,
// counts and names.
#include <candor/followup.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "options.hpp"
#include "shim.hpp"

struct candor_followup_rules {
  candor::FollowupRules rules;
};

struct candor_followup_queue {
  candor::FollowupQueue queue;
};

namespace candor::capi {
namespace {

// n names, none NULL; errors name the field.
Status Names(const char* const* names, size_t n, const char* field, std::vector<std::string>* out) {
  if (n > 0) CANDOR_RETURN_IF_ERROR(Required(names, field));
  out->clear();
  for (size_t k = 0; k < n; ++k) {
    if (names[k] == nullptr) {
      return InvalidArgument(std::string(field) + "[" + std::to_string(k) + "] is NULL");
    }
    out->emplace_back(names[k]);
  }
  return OkStatus();
}

Status FromC(const candor_followup_input* in, FollowupResponses* r, FollowupAccounts* a,
             FollowupContacts* c) {
  CANDOR_RETURN_IF_ERROR(Required(in, "input"));
  candor_followup_input i = ZeroedOptions<candor_followup_input>();
  CANDOR_RETURN_IF_ERROR(ReadSized(in, sizeof(size_t), &i));
  if (i.n > 0) {
    CANDOR_RETURN_IF_ERROR(
        Required(i.score, "input->score", i.time, "input->time", i.account, "input->account"));
  }
  r->n = i.n;
  r->score = i.score;
  r->time = i.time;
  r->account = i.account;
  r->respondent = i.respondent;
  r->role = i.role;
  CANDOR_RETURN_IF_ERROR(Names(i.role_names, i.n_role_names, "input->role_names", &r->role_names));
  r->urgency = i.urgency;
  r->theme = i.theme;
  r->theme_offsets = i.theme_offsets;
  r->theme_ids = i.theme_ids;
  CANDOR_RETURN_IF_ERROR(
      Names(i.theme_names, i.n_theme_names, "input->theme_names", &r->theme_names));
  a->n = i.n_accounts;
  a->arr = i.arr;
  a->renewal = i.renewal;
  a->health_change = i.health_change;
  a->opt_out = i.opt_out;
  a->owner = i.owner;
  CANDOR_RETURN_IF_ERROR(
      Names(i.owner_names, i.n_owner_names, "input->owner_names", &a->owner_names));
  a->region = i.region;
  CANDOR_RETURN_IF_ERROR(
      Names(i.region_names, i.n_region_names, "input->region_names", &a->region_names));
  a->health_grade = i.health_grade;
  CANDOR_RETURN_IF_ERROR(Names(i.health_grade_names, i.n_health_grade_names,
                               "input->health_grade_names", &a->health_grade_names));
  c->n = i.n_contacts;
  c->respondent = i.contact_respondent;
  c->time = i.contact_time;
  if (c->n > 0) {
    CANDOR_RETURN_IF_ERROR(
        Required(c->respondent, "input->contact_respondent", c->time, "input->contact_time"));
  }
  return OkStatus();
}

const char* NameAt(const std::vector<std::string>& names, size_t k) {
  return k < names.size() ? names[k].c_str() : nullptr;
}

}  // namespace
}  // namespace candor::capi

using candor::capi::Guard;
using candor::capi::Required;

extern "C" {

candor_status candor_followup_rules_from_json(const char* json, size_t length,
                                              candor_followup_rules** out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    *out = nullptr;
    if (json == nullptr && length > 0) return candor::InvalidArgument("json is NULL");
    return candor::capi::MakeHandle(out, [&]() -> candor::Result<candor::FollowupRules> {
      if (length == 0) return candor::FollowupRules();
      return candor::ParseFollowupRulesJson(std::string_view(json, length));
    });
  });
}

void candor_followup_rules_free(candor_followup_rules* rules) { delete rules; }

candor_status candor_followup_input_defaults(candor_followup_input* input, size_t size) {
  return candor::capi::WriteDefaults(candor::capi::ZeroedOptions<candor_followup_input>(), size,
                                     input);
}

candor_status candor_followup_build(const candor_followup_input* input,
                                    const candor_followup_rules* rules,
                                    candor_followup_queue** out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    *out = nullptr;
    candor::FollowupResponses responses;
    candor::FollowupAccounts accounts;
    candor::FollowupContacts contacts;
    CANDOR_RETURN_IF_ERROR(candor::capi::FromC(input, &responses, &accounts, &contacts));
    const candor::FollowupRules defaults;
    return candor::capi::MakeHandle(out, [&]() -> candor::Result<candor_followup_queue> {
      auto queue = candor::BuildFollowupQueue(responses, accounts, contacts,
                                              rules == nullptr ? defaults : rules->rules);
      if (!queue.ok()) return queue.status();
      return candor_followup_queue{std::move(queue).value()};
    });
  });
}

void candor_followup_queue_free(candor_followup_queue* queue) { delete queue; }

candor_status candor_followup_queue_columns(const candor_followup_queue* queue,
                                            candor_followup_columns* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(queue, "queue", out, "out"));
    const candor::FollowupQueue& q = queue->queue;
    out->n = q.size();
    out->account = q.account.data();
    out->lead_row = q.lead_row.data();
    out->responses = q.responses.data();
    out->first_time = q.first_time.data();
    out->lead_time = q.lead_time.data();
    out->last_time = q.last_time.data();
    out->score = q.score.data();
    out->category = q.category.data();
    out->urgency = q.urgency.data();
    out->theme = q.theme.data();
    out->priority = q.priority.data();
    out->due = q.due.data();
    out->owner = q.owner.data();
    out->route = q.route.data();
    out->reason_begin = q.reason_begin.data();
    out->n_reasons = q.reason.size();
    out->reason = q.reason.data();
    out->reason_points = q.reason_points.data();
    return candor::OkStatus();
  });
}

candor_status candor_followup_queue_counts(const candor_followup_queue* queue,
                                           candor_followup_counts* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(queue, "queue", out, "out"));
    const candor::FollowupCounts& c = queue->queue.counts;
    *out = {c.responses,  c.invalid_score, c.invalid_time, c.no_account, c.opted_out,
            c.suppressed, c.merged,        c.not_included, c.cases,      c.fire_alarms};
    return candor::OkStatus();
  });
}

size_t candor_followup_owners(const candor_followup_queue* queue) {
  return queue == nullptr ? 0 : queue->queue.owner_names.size();
}

const char* candor_followup_owner_name(const candor_followup_queue* queue, size_t k) {
  return queue == nullptr ? nullptr : candor::capi::NameAt(queue->queue.owner_names, k);
}

size_t candor_followup_teams(const candor_followup_queue* queue) {
  return queue == nullptr ? 0 : queue->queue.team_names.size();
}

const char* candor_followup_team_name(const candor_followup_queue* queue, size_t k) {
  return queue == nullptr ? nullptr : candor::capi::NameAt(queue->queue.team_names, k);
}

const char* candor_followup_action(const candor_followup_queue* queue, int32_t category) {
  if (queue == nullptr || category < 0 || category >= candor::kFollowupCategoryCount) {
    return nullptr;
  }
  return queue->queue.actions[static_cast<size_t>(category)].c_str();
}

candor_status candor_followup_queue_themes(const candor_followup_queue* queue,
                                           candor_followup_themes* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(queue, "queue", out, "out"));
    const candor::FollowupQueue& q = queue->queue;
    *out = {q.size(), q.theme_begin.data(), q.themes.size(), q.themes.data()};
    return candor::OkStatus();
  });
}

const char* candor_followup_reason_name(int32_t reason) {
  if (reason < 0 || reason >= candor::kFollowupReasonCount) return nullptr;
  return candor::FollowupReasonName(static_cast<candor::FollowupReason>(reason));
}

const char* candor_followup_category_name(int32_t category) {
  if (category < 0 || category >= candor::kFollowupCategoryCount) return nullptr;
  return candor::FollowupCategoryName(static_cast<candor::FollowupCategory>(category));
}

}  // extern "C"
