// AccountAccumulator: the cluster-robust estimate by account from sums,
// against R's survey (svymean on svydesign(ids = ~account, weights = ~w), the
// fixture of score_design_test.cc) and against EstimateDesign on the rows,
// however the rows are split into partitions, serialized and merged.
#include <gtest/gtest.h>

#include <candor/design.hpp>
#include <candor/score.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace candor {
namespace {

IntervalOptions Method(IntervalMethod method) {
  IntervalOptions options;
  options.method = method;
  return options;
}

struct Rows {
  std::vector<double> score, weight;
  std::vector<int32_t> account;
};

// tests/data/design/: 400 responses in 40 accounts, and R's svymean values.
Rows ReadFixture(std::map<std::string, double>* reference) {
  const std::string dir = std::string(CANDOR_TEST_DATA) + "/design/";
  Rows rows;
  std::ifstream responses(dir + "responses.csv");
  std::string line;
  std::getline(responses, line);
  while (std::getline(responses, line)) {
    std::stringstream fields(line);
    std::string score, account, weight;
    std::getline(fields, score, ',');
    std::getline(fields, account, ',');
    std::getline(fields, weight, ',');
    rows.score.push_back(std::stod(score));
    rows.account.push_back(std::stoi(account));
    rows.weight.push_back(std::stod(weight));
  }
  std::ifstream values(dir + "reference.csv");
  std::getline(values, line);
  while (std::getline(values, line)) {
    const size_t comma = line.find(',');
    (*reference)[line.substr(0, comma)] = std::stod(line.substr(comma + 1));
  }
  return rows;
}

// Rows [begin, end) added with labels "acct-<code>", coded locally (first
// appearance within the batch), as a partition would be.
void AddRange(const Rows& rows, size_t begin, size_t end, bool weighted, AccountAccumulator* acc) {
  std::vector<std::string> labels;
  std::map<int32_t, int32_t> local;
  std::vector<int32_t> codes;
  for (size_t i = begin; i < end; ++i) {
    auto [it, added] = local.emplace(rows.account[i], static_cast<int32_t>(labels.size()));
    if (added) labels.push_back("acct-" + std::to_string(rows.account[i]));
    codes.push_back(it->second);
  }
  labels.push_back("never used");  // adds no account
  std::vector<std::string_view> views(labels.begin(), labels.end());
  ASSERT_TRUE(acc->Add(rows.score.data() + begin, weighted ? rows.weight.data() + begin : nullptr,
                       codes.data(), end - begin, views.data(), views.size())
                  .ok());
}

void ExpectSame(const Estimate& a, const Estimate& b) {
  const double tolerance = 1e-12;
  EXPECT_NEAR(a.value, b.value, tolerance * (1 + std::fabs(b.value)));
  EXPECT_NEAR(a.std_error, b.std_error, tolerance * (1 + b.std_error));
  EXPECT_NEAR(a.ci_low, b.ci_low, tolerance * (1 + std::fabs(b.ci_low)));
  EXPECT_NEAR(a.ci_high, b.ci_high, tolerance * (1 + std::fabs(b.ci_high)));
  EXPECT_NEAR(a.effective_n, b.effective_n, tolerance * b.effective_n);
  EXPECT_EQ(a.n, b.n);
}

TEST(AccountAccumulator, MatchesSvymeanByAccount) {
  std::map<std::string, double> reference;
  const Rows rows = ReadFixture(&reference);
  ASSERT_EQ(rows.score.size(), 400u);
  Result<AccountAccumulator> acc = AccountAccumulator::Create(0, 10);
  ASSERT_TRUE(acc.ok());
  AddRange(rows, 0, rows.score.size(), true, &*acc);
  EXPECT_EQ(acc->accounts(), 40u);
  Result<Estimate> nps = EstimateAccumulated(Metric::Nps(), *acc, Method(IntervalMethod::kWald));
  ASSERT_TRUE(nps.ok()) << nps.status().message();
  EXPECT_NEAR(nps->value, 100 * reference["account.none.mean"], 1e-9);
  EXPECT_NEAR(nps->std_error, 100 * reference["account.none.se"],
              1e-6 * 100 * reference["account.none.se"]);
  Result<Estimate> box =
      EstimateAccumulated(Metric::TopBox(0, 10, 2), *acc, Method(IntervalMethod::kWald));
  ASSERT_TRUE(box.ok());
  EXPECT_NEAR(box->std_error, 100 * reference["account.none.top2.se"],
              1e-6 * 100 * reference["account.none.top2.se"]);
}

TEST(AccountAccumulator, EqualsTheDesignEstimateHoweverPartitionedAndMerged) {
  std::mt19937_64 rng(3);
  Rows rows;
  std::uniform_int_distribution<int> score(0, 10);
  std::uniform_int_distribution<int32_t> account(0, 59);
  std::uniform_real_distribution<double> weight(0.2, 5.0);
  for (int i = 0; i < 3000; ++i) {
    rows.score.push_back(score(rng));
    rows.account.push_back(account(rng));
    rows.weight.push_back(weight(rng));
  }
  const Metric metrics[] = {Metric::Nps(), Metric::TopBox(0, 10, 2), Metric::Mean(0, 10)};
  for (bool weighted : {false, true}) {
    // Partitions of 0, 1, 999 and 2000 rows, each serialized and read back.
    const size_t cuts[] = {0, 0, 1, 1000, 3000};
    std::vector<AccountAccumulator> parts;
    for (size_t k = 0; k + 1 < std::size(cuts); ++k) {
      Result<AccountAccumulator> part = AccountAccumulator::Create(0, 10);
      ASSERT_TRUE(part.ok());
      AddRange(rows, cuts[k], cuts[k + 1], weighted, &*part);
      Result<AccountAccumulator> read = AccountAccumulator::Deserialize(part->Serialize());
      ASSERT_TRUE(read.ok()) << read.status().message();
      parts.push_back(std::move(read).value());
    }
    // Merged as a tree, last to first.
    ASSERT_TRUE(parts[3].Merge(parts[2]).ok());
    ASSERT_TRUE(parts[1].Merge(parts[0]).ok());
    ASSERT_TRUE(parts[3].Merge(parts[1]).ok());
    const AccountAccumulator& merged = parts[3];
    EXPECT_EQ(merged.accounts(), 60u);
    EXPECT_EQ(merged.totals().count(), 3000);
    SurveyDesign design;
    design.weights = weighted ? rows.weight.data() : nullptr;
    design.clusters = rows.account.data();
    for (const Metric& metric : metrics) {
      for (IntervalMethod method : {IntervalMethod::kWald, IntervalMethod::kJeffreys}) {
        Result<Estimate> want = EstimateDesign(metric, rows.score.data(), rows.score.size(),
                                               design, Method(method));
        ASSERT_TRUE(want.ok()) << want.status().message();
        Result<Estimate> got = EstimateAccumulated(metric, merged, Method(method));
        ASSERT_TRUE(got.ok()) << got.status().message();
        ExpectSame(*got, *want);
      }
    }
  }
}

TEST(AccountAccumulator, MergedWithItselfCountsEveryAccountTwice) {
  Result<AccountAccumulator> acc = AccountAccumulator::Create(0, 10);
  ASSERT_TRUE(acc.ok());
  const double scores[] = {10, 0, 9, 7};
  const int32_t codes[] = {0, 1, 1, 0};
  const std::string_view labels[] = {"a", "b"};
  ASSERT_TRUE(acc->Add(scores, nullptr, codes, 4, labels, 2).ok());
  ASSERT_TRUE(acc->Merge(*acc).ok());
  EXPECT_EQ(acc->totals().count(), 8);
  EXPECT_EQ(acc->accounts(), 2u);
  EXPECT_EQ(acc->account_weight_sums(0)[10], 2.0);
}

TEST(AccountAccumulator, RefusesBadInputAndAddsNothingOfABadBatch) {
  Result<AccountAccumulator> acc = AccountAccumulator::Create(0, 10);
  ASSERT_TRUE(acc.ok());
  const std::string_view labels[] = {"a", "b"};
  const double scores[] = {10, 0, 11};
  const int32_t codes[] = {0, 1, 0};
  Status bad_score = acc->Add(scores, nullptr, codes, 3, labels, 2);
  EXPECT_EQ(bad_score.code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(acc->totals().count(), 0);
  EXPECT_EQ(acc->accounts(), 0u);
  const int32_t bad_codes[] = {0, 2, 0};
  Status bad_code = acc->Add(scores, nullptr, bad_codes, 2, labels, 2);
  EXPECT_EQ(bad_code.code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(bad_code.message().find("index 1"), std::string::npos) << bad_code.message();
  ASSERT_TRUE(acc->Add(scores, nullptr, codes, 2, labels, 1 + 1).ok());
  const int32_t one_account[] = {0, 0};
  Result<AccountAccumulator> single = AccountAccumulator::Create(0, 10);
  ASSERT_TRUE(single->Add(scores, nullptr, one_account, 2, labels, 2).ok());
  EXPECT_EQ(EstimateAccumulated(Metric::Nps(), *single, IntervalOptions()).status().code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(
      EstimateAccumulated(Metric::Nps(), *acc, Method(IntervalMethod::kBootstrap)).status().code(),
      CANDOR_UNSUPPORTED);
  EXPECT_EQ(EstimateAccumulated(Metric::Csat(), *acc, IntervalOptions()).status().code(),
            CANDOR_INVALID_ARGUMENT);  // another scale
  std::string bytes = acc->Serialize();
  for (size_t i = 0; i < bytes.size(); i += 7) {
    std::string garbled = bytes;
    garbled[i] = static_cast<char>(garbled[i] ^ 0x5A);
    EXPECT_EQ(AccountAccumulator::Deserialize(garbled).status().code(), CANDOR_PARSE_ERROR) << i;
  }
  for (size_t size = 0; size < bytes.size(); size += 5) {
    EXPECT_EQ(AccountAccumulator::Deserialize(bytes.substr(0, size)).status().code(),
              CANDOR_PARSE_ERROR)
        << size;
  }
}

}  // namespace
}  // namespace candor
