// AnalyzeCaseLog: SLA clocks in business hours with holds pausing them, the
// four statuses, breach rates with Wilson intervals (closed form), and every
// problem of a log as an error naming its row, or a counted drop.
#include <gtest/gtest.h>

#include <candor/business_hours.hpp>
#include <candor/case_log.hpp>
#include <cmath>
#include <string>
#include <vector>

namespace candor {
namespace {

constexpr int64_t kMonday = 1796601600;  // 2026-12-07 00:00 UTC
constexpr int64_t kHour = 3600;
constexpr int64_t kDay = 24 * kHour;

BusinessCalendar Calendar() {
  Result<BusinessCalendar> c = BusinessCalendar::Make(BusinessCalendarSpec());  // UTC 9-17 Mon-Fri
  EXPECT_TRUE(c.ok());
  return *c;
}

struct Log {
  std::vector<std::string> ids, events, owners;
  std::vector<int64_t> times;
  void Add(std::string id, int64_t t, std::string e, std::string owner = "") {
    ids.push_back(id);
    times.push_back(t);
    events.push_back(e);
    owners.push_back(owner);
  }
  CaseEventColumns Columns() const {
    CaseEventColumns c;
    for (size_t i = 0; i < ids.size(); ++i) {
      c.case_ids.push_back(ids[i]);
      c.events.push_back(events[i]);
      c.owners.push_back(owners[i]);
    }
    c.times = times;
    return c;
  }
};

Log Example() {
  Log log;
  log.Add("A", kMonday + 9 * kHour, "opened", "alice");
  log.Add("A", kMonday + 12 * kHour, "first_contact");
  log.Add("B", kMonday + 15 * kHour, "opened", "alice");
  log.Add("B", kMonday + 16 * kHour, "on_hold");
  log.Add("B", kMonday + kDay + 10 * kHour, "resumed");  // Tuesday 10:00
  log.Add("B", kMonday + kDay + 17 * kHour, "first_contact");
  log.Add("C", kMonday + 4 * kDay + 16 * kHour, "opened", "bob");  // Friday 16:00
  log.Add("C", kMonday + 7 * kDay + 17 * kHour, "first_contact");  // next Monday 17:00
  log.Add("F", kMonday + 10 * kHour, "closed");                    // out of log order
  log.Add("F", kMonday + 9 * kHour, "opened", "alice");
  log.Add("D", kMonday + 7 * kDay + 9 * kHour + 1800, "opened", "bob");
  log.Add("E", kMonday + 7 * kDay + 14 * kHour, "opened", "bob");
  return log;
}

TEST(CaseLog, ClocksPauseOnHoldAndGiveTheFourStatuses) {
  Log log = Example();
  Result<CaseLog> r = AnalyzeCaseLog(log.Columns(), Calendar(), CaseLogOptions());
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->cases.size(), 6u);
  EXPECT_EQ(r->as_of, kMonday + 7 * kDay + 17 * kHour);
  const auto& a = r->cases[0];
  EXPECT_EQ(a.case_id, "A");
  EXPECT_DOUBLE_EQ(a.hours_to_first_contact, 3);
  EXPECT_EQ(a.status, SlaStatus::kMet);
  const auto& b = r->cases[1];  // 1 h Monday, hold overnight, 7 h Tuesday: at the target
  EXPECT_DOUBLE_EQ(b.hours_to_first_contact, 8);
  EXPECT_EQ(b.status, SlaStatus::kMet);
  const auto& c = r->cases[2];  // 1 h Friday, 8 h Monday
  EXPECT_DOUBLE_EQ(c.hours_to_first_contact, 9);
  EXPECT_EQ(c.status, SlaStatus::kBreached);
  EXPECT_DOUBLE_EQ(c.hours_left, -1);
  const auto& f = r->cases[3];
  EXPECT_EQ(f.case_id, "F");
  EXPECT_FALSE(f.contacted);
  EXPECT_TRUE(std::isnan(f.hours_to_first_contact));
  EXPECT_DOUBLE_EQ(f.hours_to_close, 1);
  EXPECT_EQ(f.status, SlaStatus::kMet);
  EXPECT_EQ(r->cases[4].status, SlaStatus::kAtRisk);  // 7.5 h on the clock
  EXPECT_DOUBLE_EQ(r->cases[4].clock_hours, 7.5);
  EXPECT_EQ(r->cases[5].status, SlaStatus::kOpen);  // 3 h
  EXPECT_EQ(r->cases[5].owner, "bob");

  EXPECT_EQ(r->overall.breached, 1);
  EXPECT_EQ(r->overall.met, 3);  // A, B, F
  EXPECT_DOUBLE_EQ(r->overall.rate, 0.25);
  // Wilson for 1 of 4 at 95%.
  const double z = 1.959963984540054, n = 4, p = 0.25;
  const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
  const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
  EXPECT_NEAR(r->overall.ci_low, centre - half, 1e-12);
  EXPECT_NEAR(r->overall.ci_high, centre + half, 1e-12);
  ASSERT_EQ(r->by_owner.size(), 2u);
  EXPECT_EQ(r->by_owner[0].key, "alice");
  EXPECT_EQ(r->by_owner[0].breached, 0);
  EXPECT_GT(r->by_owner[0].ci_high, 0);  // never a zero-width interval
  EXPECT_EQ(r->by_owner[1].key, "bob");
  EXPECT_EQ(r->by_owner[1].at_risk, 1);
  EXPECT_EQ(r->by_owner[1].open, 1);
  EXPECT_DOUBLE_EQ(r->by_owner[1].rate, 1);
}

struct BadCase {
  const char* name;
  std::vector<std::pair<int64_t, std::string>> events;
  CaseLogProblem problem;
  const char* message;
};

TEST(CaseLog, ProblemsAreErrorsOrCountedDrops) {
  const std::vector<BadCase> bad = {
      {"unknown", {{0, "opened"}, {60, "phoned"}}, CaseLogProblem::kUnknownEvent, "'phoned'"},
      {"dup",
       {{0, "opened"}, {60, "closed"}, {60, "closed"}},
       CaseLogProblem::kDuplicate,
       "closed given twice"},
      {"two_contacts",
       {{0, "opened"}, {60, "first_contact"}, {90, "first_contact"}},
       CaseLogProblem::kDuplicate,
       "second first_contact"},
      {"early",
       {{60, "opened"}, {0, "first_contact"}},
       CaseLogProblem::kOutOfOrder,
       "before the case was opened"},
      {"after_close",
       {{0, "opened"}, {60, "closed"}, {90, "on_hold"}},
       CaseLogProblem::kOutOfOrder,
       "after the case was closed"},
      {"resume",
       {{0, "opened"}, {60, "resumed"}},
       CaseLogProblem::kResumedWithoutHold,
       "resumed while not on hold"},
      {"no_open", {{0, "first_contact"}}, CaseLogProblem::kMissingOpened, "no opened event"},
  };
  for (const BadCase& b : bad) {
    Log log = Example();
    for (const auto& [t, e] : b.events) log.Add(b.name, kMonday + 9 * kHour + t, e);
    Result<CaseLog> r = AnalyzeCaseLog(log.Columns(), Calendar(), CaseLogOptions());
    ASSERT_FALSE(r.ok()) << b.name;
    EXPECT_EQ(r.status().code(), CANDOR_INVALID_ARGUMENT);
    EXPECT_NE(r.status().message().find(b.message), std::string::npos) << r.status().message();
    EXPECT_NE(r.status().message().find("case '" + std::string(b.name) + "'"), std::string::npos);

    CaseLogOptions drop;
    drop.on_invalid = InvalidEvents::kDropCase;
    r = AnalyzeCaseLog(log.Columns(), Calendar(), drop);
    ASSERT_TRUE(r.ok()) << b.name << ": " << r.status().message();
    EXPECT_EQ(r->cases.size(), 6u);
    EXPECT_EQ(r->cases_dropped, 1);
    EXPECT_EQ(r->rows_dropped, static_cast<int64_t>(b.events.size()));
    EXPECT_EQ(r->dropped[static_cast<int>(b.problem)], 1) << b.name;
    EXPECT_NE(r->first_problem.find(b.message), std::string::npos);
  }
}

TEST(CaseLog, BadOptionsAndInputs) {
  Log log = Example();
  CaseLogOptions o;
  o.first_contact_hours = -1;
  EXPECT_EQ(AnalyzeCaseLog(log.Columns(), Calendar(), o).status().code(), CANDOR_INVALID_ARGUMENT);
  o = CaseLogOptions();
  o.as_of = kMonday;
  Result<CaseLog> r = AnalyzeCaseLog(log.Columns(), Calendar(), o);
  EXPECT_NE(r.status().message().find("as_of"), std::string::npos);
  EXPECT_EQ(AnalyzeCaseLog(CaseEventColumns(), Calendar(), CaseLogOptions()).status().code(),
            CANDOR_EMPTY);
  EXPECT_EQ(ParseCaseEvent("on_hold").value(), CaseEvent::kOnHold);
  EXPECT_EQ(ParseCaseEvent("On hold").status().code(), CANDOR_PARSE_ERROR);
}

// Case codes only speed up the grouping: codes matching the ids give the
// same result, and codes that split one id or merge two are ignored.
TEST(CaseLog, CaseCodesGroupAsTheIdsDo) {
  const Log log = Example();
  Result<CaseLog> plain = AnalyzeCaseLog(log.Columns(), Calendar(), CaseLogOptions());
  ASSERT_TRUE(plain.ok()) << plain.status().message();
  auto same_as_plain = [&](std::vector<int32_t> codes, size_t count, const char* what) {
    CaseEventColumns columns = log.Columns();
    columns.case_codes = std::move(codes);
    columns.case_code_count = count;
    Result<CaseLog> r = AnalyzeCaseLog(columns, Calendar(), CaseLogOptions());
    ASSERT_TRUE(r.ok()) << what << ": " << r.status().message();
    ASSERT_EQ(r->cases.size(), plain->cases.size()) << what;
    for (size_t k = 0; k < plain->cases.size(); ++k) {
      EXPECT_EQ(r->cases[k].case_id, plain->cases[k].case_id) << what;
      EXPECT_EQ(r->cases[k].first_row, plain->cases[k].first_row) << what;
      EXPECT_EQ(r->cases[k].clock_hours, plain->cases[k].clock_hours) << what;
      EXPECT_EQ(r->cases[k].status, plain->cases[k].status) << what;
    }
    ASSERT_EQ(r->by_owner.size(), plain->by_owner.size()) << what;
    for (size_t k = 0; k < plain->by_owner.size(); ++k) {
      EXPECT_EQ(r->by_owner[k].key, plain->by_owner[k].key) << what;
      EXPECT_EQ(r->by_owner[k].breached, plain->by_owner[k].breached) << what;
    }
  };
  // ids A A B B B B C C F F D E; codes in another order than first appearance.
  same_as_plain({4, 4, 0, 0, 0, 0, 5, 5, 1, 1, 2, 3}, 6, "matching codes");
  same_as_plain({4, 6, 0, 0, 0, 0, 5, 5, 1, 1, 2, 3}, 7, "A under two codes");
  same_as_plain({4, 4, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3}, 6, "B and C under one code");
  same_as_plain({4, 4, 0, 0, 0, 0, 5, 5, 1, 1, 2, 3}, 5, "a code out of range");
  same_as_plain({4, 4}, 6, "codes of another length");
}

}  // namespace
}  // namespace candor
