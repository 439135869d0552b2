// BuildFollowupQueue: drops and their counts, dedup windows and leads,
// priority points worked out by hand, the order, round robin and account
// owners, due times on the default calendar, and, on random data, that the
// reasons sum to the priority and the counts account for every row. The
// pandas reimplementation is in tests/python/test_followup.py.
#include <gtest/gtest.h>

#include <algorithm>
#include <candor/followup.hpp>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace candor {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kMonday10 = 1796637600;  // 2026-12-07 10:00 UTC, a Monday

struct Rows {
  std::vector<double> score;
  std::vector<int64_t> time;
  std::vector<int32_t> account;
  std::vector<int32_t> respondent;
  std::vector<uint8_t> urgency;
  std::vector<int32_t> role;
  void Add(double s, int64_t t, int32_t a, int32_t who = -1, uint8_t u = 0, int32_t r = -1) {
    score.push_back(s);
    time.push_back(t);
    account.push_back(a);
    respondent.push_back(who);
    urgency.push_back(u);
    role.push_back(r);
  }
  FollowupResponses View() const {
    FollowupResponses v;
    v.n = score.size();
    v.score = score.data();
    v.time = time.data();
    v.account = account.data();
    v.respondent = respondent.data();
    v.urgency = urgency.data();
    v.role = role.data();
    v.role_names = {"user", "Champion"};
    return v;
  }
};

FollowupQueue Build(const Rows& rows, const FollowupAccounts& accounts = {},
                    const FollowupContacts& contacts = {}, const FollowupRules& rules = {}) {
  Result<FollowupQueue> q = BuildFollowupQueue(rows.View(), accounts, contacts, rules);
  EXPECT_TRUE(q.ok()) << q.status().message();
  return q.ok() ? *q : FollowupQueue();
}

std::vector<std::string> ReasonNames(const FollowupQueue& q, size_t i) {
  std::vector<std::string> names;
  for (uint32_t k = q.reason_begin[i]; k < q.reason_begin[i + 1]; ++k) {
    names.push_back(FollowupReasonName(static_cast<FollowupReason>(q.reason[k])));
  }
  return names;
}

TEST(FollowupQueue, DropsAreCountedByCause) {
  Rows rows;
  rows.Add(NAN, kMonday10, 0);               // invalid score
  rows.Add(11, kMonday10, 0);                // invalid score
  rows.Add(5, kFollowupNoTime, 0);           // invalid time
  rows.Add(5, kMonday10, -1);                // no account
  rows.Add(5, kMonday10, 3);                 // no account (past the table)
  rows.Add(5, kMonday10, 1);                 // opted out
  rows.Add(5, kMonday10, 2, 7);              // suppressed: contacted 10 days before
  rows.Add(5, kMonday10 - 20 * kDay, 2, 8);  // kept: the contact came after
  std::vector<uint8_t> opt_out = {0, 1, 0};
  FollowupAccounts accounts;
  accounts.n = 3;
  accounts.opt_out = opt_out.data();
  std::vector<int32_t> who = {7, 8};
  std::vector<int64_t> when = {kMonday10 - 10 * kDay, kMonday10 - 10 * kDay};
  FollowupContacts contacts{2, who.data(), when.data()};
  FollowupQueue q = Build(rows, accounts, contacts);
  EXPECT_EQ(q.counts.responses, 8);
  EXPECT_EQ(q.counts.invalid_score, 2);
  EXPECT_EQ(q.counts.invalid_time, 1);
  EXPECT_EQ(q.counts.no_account, 2);
  EXPECT_EQ(q.counts.opted_out, 1);
  EXPECT_EQ(q.counts.suppressed, 1);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q.lead_row[0], 7);
}

TEST(FollowupQueue, DedupWindowMergesAndKeepsTheStrongestLead) {
  Rows rows;
  rows.Add(6, kMonday10, 0);
  rows.Add(2, kMonday10 + 10 * kDay, 0);
  rows.Add(8, kMonday10 + 29 * kDay, 0, -1, 4);  // refund: the strongest
  rows.Add(3, kMonday10 + 30 * kDay, 0);         // a new case: 30 days after the first
  FollowupQueue q = Build(rows);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q.counts.merged, 2);
  EXPECT_EQ(q.lead_row[0], 2);  // fire alarm first
  EXPECT_EQ(q.category[0], static_cast<uint8_t>(FollowupCategory::kFireAlarm));
  EXPECT_EQ(q.responses[0], 3);
  EXPECT_EQ(q.first_time[0], kMonday10);
  EXPECT_EQ(q.last_time[0], kMonday10 + 29 * kDay);
  EXPECT_EQ(q.lead_row[1], 3);
  EXPECT_EQ(q.responses[1], 1);
}

TEST(FollowupQueue, PointsAsDocumented) {
  Rows rows;
  rows.Add(1, kMonday10, 0, -1, 3, 1);  // churn, a champion, very low
  rows.Add(4, kMonday10 - 60 * kDay, 0);
  std::vector<double> arr = {100000};
  std::vector<int64_t> renewal = {kMonday10 + 30 * kDay};
  std::vector<double> health = {-1};
  FollowupAccounts accounts;
  accounts.n = 1;
  accounts.arr = arr.data();
  accounts.renewal = renewal.data();
  accounts.health_change = health.data();
  FollowupQueue q = Build(rows, accounts);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(ReasonNames(q, 0), (std::vector<std::string>{
                                   "detractor", "very_low_score", "urgency_churn", "arr", "renewal",
                                   "health_decline", "repeat_detractor", "strategic_role"}));
  // 30 + 20 + 40 + 10 * log10(100000 / 1000) + 15 + 15 + 10 + 10
  EXPECT_DOUBLE_EQ(q.priority[0], 160);
  // The earlier case: a detractor of 4, the account's first; the renewal is
  // exactly 90 days after it, which is within 90 days.
  EXPECT_EQ(ReasonNames(q, 1),
            (std::vector<std::string>{"detractor", "arr", "renewal", "health_decline"}));
  EXPECT_DOUBLE_EQ(q.priority[1], 30 + 20 + 15 + 15);
}

TEST(FollowupQueue, ArrPointsAreCapped) {
  Rows rows;
  rows.Add(9, kMonday10, 0);
  std::vector<double> arr = {1e12};
  FollowupAccounts accounts;
  accounts.n = 1;
  accounts.arr = arr.data();
  FollowupQueue q = Build(rows, accounts);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(ReasonNames(q, 0), (std::vector<std::string>{"arr"}));
  EXPECT_EQ(q.priority[0], 30);
  EXPECT_EQ(q.category[0], static_cast<uint8_t>(FollowupCategory::kPromoter));
}

TEST(FollowupQueue, TiesAreBrokenByTimeThenAccount) {
  Rows rows;
  rows.Add(5, kMonday10 + 5, 3);
  rows.Add(5, kMonday10, 2);
  rows.Add(5, kMonday10, 1);
  FollowupQueue q = Build(rows);
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q.account, (std::vector<int32_t>{1, 2, 3}));
}

TEST(FollowupQueue, RoundRobinInQueueOrderAndAccountOwners) {
  Rows rows;
  for (int a = 0; a < 5; ++a) rows.Add(a, kMonday10, a);  // priorities fall with the score
  std::vector<int32_t> owner = {-1, 0, -1, -1, -1};
  std::vector<int32_t> region = {0, 0, 0, 0, 1};
  FollowupAccounts accounts;
  accounts.n = 5;
  accounts.owner = owner.data();
  accounts.owner_names = {"olga"};
  accounts.region = region.data();
  accounts.region_names = {"EMEA", "APAC"};
  FollowupRules rules;
  rules.routes.push_back({"", "", "APAC", "", false, "apac", {"yuki"}});
  rules.routes.push_back({"", "", "", "", true, "owners", {}});
  rules.routes.push_back({"", "", "", "", false, "cs", {"ann", "bob"}});
  FollowupQueue q = Build(rows, accounts, {}, rules);
  ASSERT_EQ(q.size(), 5u);
  std::vector<std::string> owners;
  for (int32_t o : q.owner) owners.push_back(q.owner_names[o]);
  // Accounts 0, 1 (own owner), 2, 3 and 4 (APAC), in queue order.
  EXPECT_EQ(q.account, (std::vector<int32_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(owners, (std::vector<std::string>{"ann", "olga", "bob", "ann", "yuki"}));
  EXPECT_EQ(q.route, (std::vector<int32_t>{2, 1, 2, 2, 0}));
}

TEST(FollowupQueue, DueTimesInBusinessHours) {
  Rows rows;
  rows.Add(3, kMonday10, 0);
  rows.Add(3, kMonday10, 1, -1, 1);
  FollowupQueue q = Build(rows);  // UTC, 09:00-17:00, Monday to Friday
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q.due[0], kMonday10 + 4 * 3600);  // fire alarm: 4 hours
  EXPECT_EQ(q.due[1], kMonday10 + 3 * kDay);  // detractor: 24 h = Thursday 10:00
}

TEST(FollowupQueue, IncludeLeavesCategoriesOutAndCountsThem) {
  Rows rows;
  rows.Add(10, kMonday10, 0);
  rows.Add(7, kMonday10, 1);
  rows.Add(0, kMonday10, 2);
  FollowupRules rules;
  rules.include = {true, true, false, false};
  FollowupQueue q = Build(rows, {}, {}, rules);
  EXPECT_EQ(q.size(), 1u);
  EXPECT_EQ(q.counts.not_included, 2);
}

TEST(FollowupQueue, BadInputIsAnErrorThatSaysWhat) {
  Rows rows;
  rows.Add(5, kMonday10, 0, -1, 9);
  auto q = BuildFollowupQueue(rows.View(), {}, {}, {});
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("urgency 9 of row 0"), std::string::npos);
  FollowupRules rules;
  rules.dedup_days = -1;
  Rows ok;
  ok.Add(5, kMonday10, 0);
  q = BuildFollowupQueue(ok.View(), {}, {}, rules);
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("dedup_days"), std::string::npos);
  FollowupResponses missing;
  missing.n = 1;
  q = BuildFollowupQueue(missing, {}, {}, {});
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("score is missing"), std::string::npos);
}

TEST(FollowupQueue, PoorHealthGradeEarnsItsPoints) {
  Rows rows;
  for (int a = 0; a < 5; ++a) rows.Add(9, kMonday10, a);  // promoters: no other points
  std::vector<int32_t> grade = {0, 1, 2, 3, -1};
  FollowupAccounts accounts;
  accounts.n = 5;
  accounts.health_grade = grade.data();
  accounts.health_grade_names = {"A", "d", "F", "C"};  // grades compare without case
  FollowupQueue q = Build(rows, accounts);
  ASSERT_EQ(q.size(), 5u);
  // Accounts 1 (d) and 2 (F) first with 15 points, then 0, 3, 4 with none.
  EXPECT_EQ(q.account, (std::vector<int32_t>{1, 2, 0, 3, 4}));
  EXPECT_EQ(ReasonNames(q, 0), (std::vector<std::string>{"poor_health_grade"}));
  EXPECT_EQ(q.priority[0], 15);
  EXPECT_EQ(q.priority[1], 15);
  EXPECT_TRUE(ReasonNames(q, 2).empty());
  FollowupRules rules;
  rules.poor_health_grades = {"c"};
  rules.points.poor_health_grade = 7;
  q = Build(rows, accounts, {}, rules);
  ASSERT_EQ(q.size(), 5u);
  EXPECT_EQ(q.account[0], 3);
  EXPECT_EQ(q.priority[0], 7);
  EXPECT_EQ(q.priority[1], 0);
  // Listed last, after the other reasons, so that the sum stays in order.
  Rows detractor;
  detractor.Add(1, kMonday10, 1, -1, 0, 1);
  q = Build(detractor, accounts);
  EXPECT_EQ(ReasonNames(q, 0), (std::vector<std::string>{"detractor", "very_low_score",
                                                         "strategic_role", "poor_health_grade"}));
  EXPECT_EQ(q.priority[0], 30 + 20 + 10 + 15);
  std::vector<int32_t> bad = {0, 1, 2, 4, -1};
  accounts.health_grade = bad.data();
  auto error = BuildFollowupQueue(rows.View(), accounts, {}, {});
  ASSERT_FALSE(error.ok());
  EXPECT_NE(error.status().message().find("health grade code 4 of account 3"), std::string::npos)
      << error.status().message();
}

std::vector<std::string> ThemeNames(const FollowupQueue& q, size_t i,
                                    const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (int64_t k = q.theme_begin[i]; k < q.theme_begin[i + 1]; ++k)
    out.push_back(names[q.themes[k]]);
  return out;
}

TEST(FollowupQueue, SeveralThemesPerResponseRouteByAnyOfTheLeads) {
  const std::vector<std::string> names = {"ux", "billing", "speed"};
  Rows rows;
  rows.Add(2, kMonday10, 0);         // account 0: lead, themes ux, billing, ux
  rows.Add(8, kMonday10 + kDay, 0);  // merged: speed (not the lead's)
  rows.Add(3, kMonday10, 1);         // account 1: speed only
  rows.Add(4, kMonday10, 2);         // account 2: no theme
  std::vector<int64_t> offsets = {0, 3, 4, 5, 5};
  std::vector<int32_t> ids = {0, 1, 0, 2, 2};
  FollowupResponses r = rows.View();
  r.theme_offsets = offsets.data();
  r.theme_ids = ids.data();
  r.theme_names = names;
  FollowupRules rules;
  rules.routes.push_back({"billing", "", "", "", false, "billing", {"eve"}});
  rules.routes.push_back({"speed", "", "", "", false, "perf", {"pat"}});
  rules.default_owner = "cs";
  Result<FollowupQueue> q = BuildFollowupQueue(r, {}, {}, rules);
  ASSERT_TRUE(q.ok()) << q.status().message();
  ASSERT_EQ(q->size(), 3u);
  EXPECT_EQ(q->account, (std::vector<int32_t>{0, 1, 2}));
  EXPECT_EQ(ThemeNames(*q, 0, names), (std::vector<std::string>{"ux", "billing"}));
  EXPECT_EQ(ThemeNames(*q, 1, names), (std::vector<std::string>{"speed"}));
  EXPECT_TRUE(ThemeNames(*q, 2, names).empty());
  EXPECT_EQ(q->theme, (std::vector<int32_t>{0, 2, -1}));
  EXPECT_EQ(q->route, (std::vector<int32_t>{0, 1, -1}));
  std::vector<std::string> owners;
  for (int32_t o : q->owner) owners.push_back(q->owner_names[o]);
  EXPECT_EQ(owners, (std::vector<std::string>{"eve", "pat", "cs"}));

  // One theme per row, given either way, makes the same queue.
  std::vector<int32_t> one = {1, 2, 2, -1};
  FollowupResponses single = rows.View();
  single.theme = one.data();
  single.theme_names = names;
  std::vector<int64_t> one_offsets = {0, 1, 2, 3, 3};
  std::vector<int32_t> one_ids = {1, 2, 2};
  FollowupResponses lists = rows.View();
  lists.theme_offsets = one_offsets.data();
  lists.theme_ids = one_ids.data();
  lists.theme_names = names;
  Result<FollowupQueue> a = BuildFollowupQueue(single, {}, {}, rules);
  Result<FollowupQueue> b = BuildFollowupQueue(lists, {}, {}, rules);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->theme, b->theme);
  EXPECT_EQ(a->theme_begin, b->theme_begin);
  EXPECT_EQ(a->themes, b->themes);
  EXPECT_EQ(a->owner, b->owner);
  EXPECT_EQ(a->route, (std::vector<int32_t>{0, 1, -1}));
}

TEST(FollowupQueue, BadThemeListsAreErrorsThatSayWhat) {
  Rows rows;
  rows.Add(2, kMonday10, 0);
  rows.Add(3, kMonday10, 1);
  auto expect = [&](std::vector<int64_t> offsets, std::vector<int32_t> ids, bool single,
                    const std::string& part) {
    FollowupResponses r = rows.View();
    std::vector<int32_t> one = {0, 0};
    if (single) r.theme = one.data();
    r.theme_offsets = offsets.data();
    r.theme_ids = ids.empty() ? nullptr : ids.data();
    r.theme_names = {"ux"};
    auto q = BuildFollowupQueue(r, {}, {}, {});
    ASSERT_FALSE(q.ok()) << part;
    EXPECT_NE(q.status().message().find(part), std::string::npos) << q.status().message();
  };
  expect({0, 1, 1}, {0}, true, "both one per row (theme) and several");
  expect({1, 1, 1}, {0}, false, "theme_offsets[0] is 1");
  expect({0, 1, 0}, {0}, false, "theme_offsets[2] = 0 is below theme_offsets[1] = 1");
  expect({0, 1, 2}, {0, 1}, false, "theme_ids[1] = 1 has no name");
  expect({0, 1, 2}, {0, -1}, false, "theme_ids[1] = -1 has no name");
  expect({0, 1, 2}, {}, false, "theme_ids is missing");
}

// Random data: reasons sum to the priority (in their order, exactly), the
// order is as documented, every row is counted once, and the queue does not
// depend on the order of the rows.
TEST(FollowupQueue, PropertiesOnRandomData) {
  std::mt19937_64 rng(14);
  for (int trial = 0; trial < 20; ++trial) {
    Rows rows;
    const int n = 2000;
    const int n_accounts = 150;
    for (int i = 0; i < n; ++i) {
      const double s = rng() % 50 == 0 ? NAN : static_cast<double>(rng() % 11);
      rows.Add(s, kMonday10 + static_cast<int64_t>(rng() % (200 * kDay)),
               static_cast<int32_t>(rng() % (n_accounts + 5)) - 2,
               static_cast<int32_t>(rng() % 300),
               rng() % 6 == 0 ? static_cast<uint8_t>(1 + rng() % 5) : 0,
               static_cast<int32_t>(rng() % 3) - 1);
    }
    std::vector<double> arr(n_accounts);
    std::vector<uint8_t> opt_out(n_accounts);
    for (int a = 0; a < n_accounts; ++a) {
      arr[a] = rng() % 3 == 0 ? NAN : std::exp(5 + (rng() % 1000) / 100.0);
      opt_out[a] = rng() % 20 == 0;
    }
    std::vector<double> health(n_accounts);
    std::vector<int32_t> grade(n_accounts);
    std::vector<int64_t> renewal(n_accounts);
    for (int a = 0; a < n_accounts; ++a) {
      health[a] = rng() % 4 == 0 ? NAN : static_cast<double>(rng() % 21) - 10;
      grade[a] = static_cast<int32_t>(rng() % 6) - 1;
      renewal[a] =
          rng() % 3 == 0 ? kFollowupNoTime : kMonday10 + static_cast<int64_t>(rng() % (300 * kDay));
    }
    FollowupAccounts accounts;
    accounts.n = n_accounts;
    accounts.arr = arr.data();
    accounts.opt_out = opt_out.data();
    accounts.health_change = health.data();
    accounts.renewal = renewal.data();
    accounts.health_grade = grade.data();
    accounts.health_grade_names = {"A", "B", "C", "d", "F"};
    std::vector<int32_t> who(100);
    std::vector<int64_t> when(100);
    for (int k = 0; k < 100; ++k) {
      who[k] = static_cast<int32_t>(rng() % 300);
      when[k] = kMonday10 + static_cast<int64_t>(rng() % (200 * kDay));
    }
    FollowupContacts contacts{100, who.data(), when.data()};
    FollowupQueue q = Build(rows, accounts, contacts);
    const FollowupCounts& c = q.counts;
    EXPECT_EQ(c.responses, c.invalid_score + c.invalid_time + c.no_account + c.opted_out +
                               c.suppressed + c.merged + c.not_included + c.cases);
    int64_t in_cases = 0;
    for (size_t i = 0; i < q.size(); ++i) {
      double sum = 0;
      for (uint32_t k = q.reason_begin[i]; k < q.reason_begin[i + 1]; ++k) {
        EXPECT_NE(q.reason_points[k], 0);
        sum += q.reason_points[k];
      }
      EXPECT_EQ(sum, q.priority[i]) << "case " << i;
      const int32_t g = grade[q.account[i]];
      const std::vector<std::string> names = ReasonNames(q, i);
      EXPECT_EQ(std::count(names.begin(), names.end(), "poor_health_grade"), g == 3 || g == 4)
          << "case " << i << " grade " << g;
      in_cases += q.responses[i];
      if (i > 0) {
        const bool f0 = q.category[i - 1] == 0, f1 = q.category[i] == 0;
        EXPECT_TRUE(f0 >= f1);
        if (f0 == f1) EXPECT_GE(q.priority[i - 1], q.priority[i]);
      }
    }
    EXPECT_EQ(in_cases, c.cases + c.merged);
    // The same rows reversed: the same cases, leads mapped through the reversal.
    Rows reversed;
    for (int i = n - 1; i >= 0; --i) {
      reversed.Add(rows.score[i], rows.time[i], rows.account[i], rows.respondent[i],
                   rows.urgency[i], rows.role[i]);
    }
    FollowupQueue r = Build(reversed, accounts, contacts);
    ASSERT_EQ(r.size(), q.size());
    EXPECT_EQ(r.account, q.account);
    EXPECT_EQ(r.priority, q.priority);
    EXPECT_EQ(r.lead_time, q.lead_time);
  }
}

}  // namespace
}  // namespace candor
