// candor/followup.hpp — the follow-up queue (closing the inner loop): which
// responses to follow up, in what order, why, by whom and by when.
//
// From the responses (score, time, account, respondent, role, and per row the
// text analysis: urgency category and themes, one or several per response)
// and, optionally, account attributes (ARR, renewal time, health grade and
// its change, owner, region, opt-out):
//
// 1. Rows are dropped, and counted, when their score is not in [0, 10]
//    (invalid_score), their time is kFollowupNoTime or outside the range
//    of business calendars, 1900 to 2200 (invalid_time), their
//    account code is negative or not below accounts.n (no_account), their
//    account opted out (opted_out), or their respondent was contacted within
//    rules.suppress_days before the response (suppressed; a contact at or
//    before the response time, from `contacts`).
// 2. Dedup: each account's remaining responses, in time order (then row),
//    form cases: a case opens at a response and takes every later response
//    of the account less than rules.dedup_days after its first one; the next
//    response opens the next case. Responses beyond the first of a case are
//    counted as merged. The case's lead is its strongest response: the most
//    urgent (urgency categories in their enum order: safety first), then the
//    lowest score, then the earliest, then the first row.
// 3. Category: fire_alarm when the lead's urgency category is one of
//    rules.fire_alarm_categories, else by the lead's score: detractor
//    (<= 6), passive (< 9), promoter.
// 4. Priority: the sum of named points (FollowupReason), each returned with
//    its points; a reason worth 0 points is not listed. The sum is taken in
//    the reasons' listed order, so summing the returned points in that order
//    gives the priority exactly.
// 5. Order: fire alarms first, then higher priority, then earlier lead time,
//    then lower account code, then earlier case (deterministic).
// 6. Playbook: an action and a due time per category: the due time is
//    rules.due_hours[category] business hours (rules.calendar, a
//    BusinessCalendar) after the lead's time.
// 7. Themes: a case's themes are its lead's (in the order given, repeats
//    once); the themes of merged responses are not used. queue.theme is
//    the first of them.
// 8. Owner: the first route (rules.routes, in order) whose conditions all
//    hold (a theme condition holds when any of the case's themes is it); its
//    members take its cases in queue order in turn (round robin,
//    deterministic); an account_owner route gives the account's owner and
//    does not match an account without one. No route: rules.default_owner.
#ifndef CANDOR_FOLLOWUP_HPP_
#define CANDOR_FOLLOWUP_HPP_

#include <array>
#include <candor/business_hours.hpp>
#include <candor/status.hpp>
#include <candor/text_sentiment.hpp>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace candor {

// A missing time (response time or account renewal).
inline constexpr int64_t kFollowupNoTime = std::numeric_limits<int64_t>::min();

enum class FollowupCategory : uint8_t {
  kFireAlarm = 0,
  kDetractor = 1,
  kPassive = 2,
  kPromoter = 3,
};
inline constexpr int kFollowupCategoryCount = 4;
// "fire_alarm", "detractor", "passive", "promoter".
const char* FollowupCategoryName(FollowupCategory category);

// The named points of a priority, in the order a case lists them.
enum class FollowupReason : uint8_t {
  kDetractor = 0,      // the lead's score <= 6
  kPassive = 1,        // the lead's score in (6, 9)
  kVeryLowScore = 2,   // the lead's score <= points.very_low_max
  kUrgencySafety = 3,  // the lead's urgency category (one of the five)
  kUrgencyLegal = 4,
  kUrgencyChurn = 5,
  kUrgencyRefund = 6,
  kUrgencyUnresolved = 7,
  kArr = 8,               // min(arr_max, arr_per_decade * log10(ARR / arr_floor)), ARR > floor
  kRenewal = 9,           // renewal within renewal_days after the lead's time
  kHealthDecline = 10,    // the account's health change < 0
  kRepeatDetractor = 11,  // a detractor lead, and an earlier detractor response of the
                          // account (in this case or an earlier one)
  kStrategicRole = 12,    // a response of the case from a role in strategic_roles
  kPoorHealthGrade = 13,  // the account's health grade is one of poor_health_grades
};
inline constexpr int kFollowupReasonCount = 14;
// "detractor", "passive", "very_low_score", "urgency_safety", "urgency_legal",
// "urgency_churn", "urgency_refund", "urgency_unresolved", "arr", "renewal",
// "health_decline", "repeat_detractor", "strategic_role", "poor_health_grade".
const char* FollowupReasonName(FollowupReason reason);

struct FollowupPoints {
  double detractor = 30;
  double passive = 10;
  double very_low_score = 20;
  double very_low_max = 2;  // a score <= this is very low
  // By urgency category: safety, legal, churn, refund, unresolved.
  std::array<double, text::kUrgencyCategoryCount> urgency = {50, 45, 40, 30, 25};
  double arr_per_decade = 10;  // points per tenfold ARR above arr_floor
  double arr_floor = 1000;     // > 0
  double arr_max = 30;
  double renewal = 15;
  double renewal_days = 90;
  double health_decline = 15;
  double repeat_detractor = 10;
  double strategic_role = 10;
  double poor_health_grade = 15;  // the grade is one of rules.poor_health_grades
};

// A routing rule: matches a case when every non-empty condition holds.
struct FollowupRoute {
  std::string theme;                 // one of the case's (the lead's) theme names
  std::string urgency;               // the lead's urgency category name ("churn", ...)
  std::string region;                // the account's region name
  std::string category;              // the case category name ("fire_alarm", ...)
  bool account_owner = false;        // route to the account's owner (members unused)
  std::string team;                  // a name for output; default "route <k>"
  std::vector<std::string> members;  // round robin, in this order
};

struct FollowupRules {
  double dedup_days = 30;     // >= 0; 0: every response its own case
  double suppress_days = 90;  // >= 0; 0: no suppression
  FollowupPoints points;
  uint32_t fire_alarm_categories = 0x1F;  // bit c - 1 for UrgencyCategory c
  std::vector<std::string> strategic_roles = {"champion", "decision maker", "executive sponsor"};
  // Health grades (compared without ASCII case) worth points.poor_health_grade.
  std::vector<std::string> poor_health_grades = {"D", "F"};
  // By FollowupCategory: what to do and within how many business hours.
  std::array<std::string, kFollowupCategoryCount> actions = {
      "escalate", "call and thank", "ask what would make it better", "ask for a public review"};
  std::array<double, kFollowupCategoryCount> due_hours = {4, 24, 48, 72};
  std::array<bool, kFollowupCategoryCount> include = {true, true, true, true};
  std::vector<FollowupRoute> routes;
  std::string default_owner;  // "" : unassigned
  BusinessCalendarSpec calendar;
  int threads = 0;  // due times on this many threads; 0: all cores (same result)

  // The values in range, names known; errors name the field.
  Status Validate() const;
};

// Rules from JSON (docs/followup-rules.md): every key optional, unknown keys
// are errors; errors name the key.
Result<FollowupRules> ParseFollowupRulesJson(std::string_view json);

// The responses as columns of n rows (not copied). Codes index name lists.
struct FollowupResponses {
  size_t n = 0;
  const double* score = nullptr;        // required
  const int64_t* time = nullptr;        // required; Unix seconds
  const int32_t* account = nullptr;     // required; code of the account
  const int32_t* respondent = nullptr;  // optional (suppression); < 0: unknown
  const int32_t* role = nullptr;        // optional; code into role_names, < 0: none
  std::vector<std::string> role_names;
  const uint8_t* urgency = nullptr;  // optional; UrgencyCategory values 0..5
  // Themes, optional, at most one of: one per row (theme: a code into
  // theme_names, < 0 none), or several per row (theme_offsets: n + 1
  // offsets from 0, not decreasing; row i's themes are theme_ids[
  // theme_offsets[i] .. theme_offsets[i + 1]), codes into theme_names).
  const int32_t* theme = nullptr;
  const int64_t* theme_offsets = nullptr;
  const int32_t* theme_ids = nullptr;
  std::vector<std::string> theme_names;
};

// Attributes by account code (not copied); n == 0: no account table, every
// account code >= 0 is known.
struct FollowupAccounts {
  size_t n = 0;
  const double* arr = nullptr;            // NaN: unknown
  const int64_t* renewal = nullptr;       // kFollowupNoTime: unknown
  const double* health_change = nullptr;  // change of the health score or grade; NaN unknown
  const uint8_t* opt_out = nullptr;       // non-zero: opted out
  const int32_t* owner = nullptr;         // code into owner_names, < 0: none
  std::vector<std::string> owner_names;
  const int32_t* region = nullptr;  // code into region_names, < 0: none
  std::vector<std::string> region_names;
  const int32_t* health_grade = nullptr;  // code into health_grade_names, < 0: none
  std::vector<std::string> health_grade_names;
};

// Earlier contacts of respondents (the same respondent codes).
struct FollowupContacts {
  size_t n = 0;
  const int32_t* respondent = nullptr;
  const int64_t* time = nullptr;
};

// What happened to the responses: every row is in exactly one of
// invalid_score, invalid_time, no_account, opted_out, suppressed, or a case
// (as its first response or merged): responses = invalid_score +
// invalid_time + no_account + opted_out + suppressed + merged + not_included
// + cases, where merged counts the responses beyond the first of every case
// and not_included the cases of categories rules.include leaves out.
struct FollowupCounts {
  int64_t responses = 0;
  int64_t invalid_score = 0;
  int64_t invalid_time = 0;
  int64_t no_account = 0;
  int64_t opted_out = 0;
  int64_t suppressed = 0;
  int64_t merged = 0;
  int64_t not_included = 0;  // cases
  int64_t cases = 0;         // in the queue
  int64_t fire_alarms = 0;   // in the queue
};

// The queue: one entry per case, in queue order.
struct FollowupQueue {
  size_t size() const { return account.size(); }
  std::vector<int32_t> account;
  std::vector<int64_t> lead_row;   // the lead's row in the responses
  std::vector<int32_t> responses;  // in the case
  std::vector<int64_t> first_time;
  std::vector<int64_t> lead_time;
  std::vector<int64_t> last_time;
  std::vector<double> score;      // the lead's
  std::vector<uint8_t> category;  // FollowupCategory
  std::vector<uint8_t> urgency;   // the lead's UrgencyCategory
  std::vector<int32_t> theme;     // the lead's (first) theme code, -1 none
  std::vector<double> priority;
  std::vector<int64_t> due;    // Unix seconds
  std::vector<int32_t> owner;  // code into owner_names, -1 unassigned
  std::vector<int32_t> route;  // the route that matched, -1 none
  // Case i's reasons are [reason_begin[i], reason_begin[i + 1]).
  std::vector<uint32_t> reason_begin;
  std::vector<uint8_t> reason;  // FollowupReason
  std::vector<double> reason_points;
  // Case i's themes (the lead's) are themes[theme_begin[i] .. theme_begin[i + 1]).
  std::vector<int64_t> theme_begin;
  std::vector<int32_t> themes;
  std::vector<std::string> owner_names;  // route members, account owners, default owner
  std::vector<std::string> team_names;   // by route
  std::array<std::string, kFollowupCategoryCount> actions;  // by category
  FollowupCounts counts;
};

Result<FollowupQueue> BuildFollowupQueue(const FollowupResponses& responses,
                                         const FollowupAccounts& accounts,
                                         const FollowupContacts& contacts,
                                         const FollowupRules& rules);

}  // namespace candor

#endif  // CANDOR_FOLLOWUP_HPP_
