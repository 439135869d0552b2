// The follow-up queue on arbitrary bytes: rules.json text (the first part of
// the input, its length in the first two bytes) parsed by
// ParseFollowupRulesJson, then a queue of random rows (scores including NaN
// and out of range, times including missing and out of range, account codes
// past the table, urgency codes, roles, themes, owners, regions, opt-outs,
// contacts) built with the parsed rules, or the defaults when they fail.
// Checks: errors have messages; the counts account for every row; reasons
// sum to the priority; the order is as documented; every code indexes its
// names.
#include <candor/followup.hpp>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  candor_fuzz::FuzzInput in(data, size);
  const size_t json_length = in.Raw<uint16_t>() % 4096;
  std::string json;
  for (size_t k = 0; k < json_length && in.remaining() > 0; ++k) {
    json.push_back(static_cast<char>(in.Byte()));
  }
  candor::FollowupRules rules;
  auto parsed = candor::ParseFollowupRulesJson(json);
  if (parsed.ok()) {
    rules = *parsed;
  } else {
    Require(!parsed.status().message().empty());
  }
  rules.threads = 1;

  const size_t n = in.Below(200);
  const size_t n_accounts = in.Below(20);
  static const double kScores[] = {0, 1, 2, 5, 6, 6.5, 7, 8, 9, 10, -1, 11, NAN, INFINITY};
  static const int64_t kTimes[] = {1796637600,
                                   1796637600 + 86400,
                                   1796637600 + 40 * 86400,
                                   0,
                                   -2208988800,
                                   7258118400 - 1,
                                   7258118400,
                                   candor::kFollowupNoTime,
                                   std::numeric_limits<int64_t>::max()};
  std::vector<double> score(n);
  std::vector<int64_t> time(n);
  std::vector<int32_t> account(n), respondent(n), role(n), theme(n);
  std::vector<uint8_t> urgency(n);
  for (size_t i = 0; i < n; ++i) {
    score[i] = in.Pick(kScores);
    time[i] = in.Pick(kTimes);
    const int64_t shift = static_cast<int64_t>(in.Below(48)) * 3600;  // spreads within windows
    if (time[i] > candor::kFollowupNoTime && time[i] < 7258118400) time[i] += shift;
    account[i] = static_cast<int32_t>(in.Below(static_cast<uint32_t>(n_accounts + 3))) - 1;
    respondent[i] = static_cast<int32_t>(in.Below(10)) - 1;
    role[i] = static_cast<int32_t>(in.Below(4)) - 1;
    theme[i] = static_cast<int32_t>(in.Below(4)) - 1;
    urgency[i] = static_cast<uint8_t>(in.Below(6));
  }
  std::vector<double> arr(n_accounts), health(n_accounts);
  std::vector<int64_t> renewal(n_accounts);
  std::vector<uint8_t> opt_out(n_accounts);
  std::vector<int32_t> owner(n_accounts), region(n_accounts);
  for (size_t a = 0; a < n_accounts; ++a) {
    arr[a] = in.Byte() < 30 ? NAN : std::ldexp(1.0, static_cast<int>(in.Below(60)));
    health[a] = static_cast<double>(in.Below(5)) - 2;
    renewal[a] = in.Pick(kTimes);
    opt_out[a] = in.Below(8) == 0;
    owner[a] = static_cast<int32_t>(in.Below(3)) - 1;
    region[a] = static_cast<int32_t>(in.Below(3)) - 1;
  }
  const size_t n_contacts = in.Below(8);
  std::vector<int32_t> contact_respondent(n_contacts);
  std::vector<int64_t> contact_time(n_contacts);
  for (size_t k = 0; k < n_contacts; ++k) {
    contact_respondent[k] = static_cast<int32_t>(in.Below(10)) - 1;
    contact_time[k] = in.Pick(kTimes);
  }

  candor::FollowupResponses r;
  r.n = n;
  r.score = score.data();
  r.time = time.data();
  r.account = account.data();
  r.respondent = respondent.data();
  r.role = role.data();
  r.role_names = {"champion", "user", "Decision Maker"};
  r.urgency = urgency.data();
  r.theme = theme.data();
  r.theme_names = {"billing", "support", "product"};
  candor::FollowupAccounts a;
  a.n = n_accounts;
  a.arr = arr.data();
  a.renewal = renewal.data();
  a.health_change = health.data();
  a.opt_out = opt_out.data();
  a.owner = owner.data();
  a.owner_names = {"olga", "piet"};
  a.region = region.data();
  a.region_names = {"EMEA", "APAC"};
  candor::FollowupContacts c{n_contacts, contact_respondent.data(), contact_time.data()};

  auto queue = candor::BuildFollowupQueue(r, a, c, rules);
  if (!queue.ok()) {
    Require(!queue.status().message().empty());
    return 0;
  }
  const candor::FollowupQueue& q = *queue;
  const candor::FollowupCounts& k = q.counts;
  Require(k.responses == static_cast<int64_t>(n));
  Require(k.responses == k.invalid_score + k.invalid_time + k.no_account + k.opted_out +
                             k.suppressed + k.merged + k.not_included + k.cases);
  Require(q.reason_begin.size() == q.size() + 1);
  for (size_t i = 0; i < q.size(); ++i) {
    double sum = 0;
    for (uint32_t j = q.reason_begin[i]; j < q.reason_begin[i + 1]; ++j) {
      Require(q.reason[j] < candor::kFollowupReasonCount);
      sum += q.reason_points[j];
    }
    Require(sum == q.priority[i]);
    Require(q.category[i] < candor::kFollowupCategoryCount);
    Require(q.owner[i] < static_cast<int32_t>(q.owner_names.size()));
    Require(q.route[i] < static_cast<int32_t>(q.team_names.size()));
    Require(q.lead_row[i] >= 0 && static_cast<size_t>(q.lead_row[i]) < n);
    Require(q.due[i] >= q.lead_time[i]);
    if (i > 0) {
      const bool f0 = q.category[i - 1] == 0, f1 = q.category[i] == 0;
      Require(f0 >= f1);
      if (f0 == f1) Require(q.priority[i - 1] >= q.priority[i]);
    }
  }
  return 0;
}
