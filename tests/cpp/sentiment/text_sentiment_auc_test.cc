// RocAuc against brute-force pair counting and a scikit-learn value, and the
// built-in analyzer's AUC on the 4,000 fine-food reviews against the
// cross-validated estimate.
#include <candor/csv.hpp>
#include <candor/text_sentiment.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

namespace candor::text {
namespace {

double BruteForceAuc(const std::vector<double>& s, const std::vector<uint8_t>& y) {
  double wins = 0, pairs = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    for (size_t j = 0; j < s.size(); ++j) {
      if (!y[i] || y[j]) continue;
      pairs += 1;
      wins += s[i] > s[j] ? 1.0 : (s[i] == s[j] ? 0.5 : 0.0);
    }
  }
  return wins / pairs;
}

TEST(TextSentimentAuc, MatchesPairCountingWithTies) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 50; ++trial) {
    const size_t n = 2 + rng() % 200;
    std::vector<double> s(n);
    std::vector<uint8_t> y(n);
    for (size_t i = 0; i < n; ++i) {
      s[i] = static_cast<double>(rng() % 7);  // many ties
      y[i] = rng() % 2;
    }
    y[0] = 1;
    y[1] = 0;
    auto auc = RocAuc(s.data(), y.data(), n);
    ASSERT_TRUE(auc.ok());
    EXPECT_NEAR(*auc, BruteForceAuc(s, y), 1e-12);
  }
}

TEST(TextSentimentAuc, MatchesScikitLearn) {
  // sklearn.metrics.roc_auc_score(y, s) (scikit-learn 1.2.1) = 0.6875.
  const std::vector<uint8_t> y = {1, 0, 1, 1, 0, 0, 1, 0, 1, 1};
  const std::vector<double> s = {0.9, 0.1, 0.4, 0.4, 0.4, -0.2, 0.8, 0.5, 0.0, 0.4};
  auto auc = RocAuc(s.data(), y.data(), s.size());
  ASSERT_TRUE(auc.ok());
  EXPECT_NEAR(*auc, 0.6875, 1e-12);
  const uint8_t all[] = {1, 1};
  EXPECT_EQ(RocAuc(s.data(), all, 2).status().code(), CANDOR_INVALID_ARGUMENT);
  const double nan[] = {std::nan(""), 1};
  const uint8_t mixed[] = {1, 0};
  EXPECT_EQ(RocAuc(nan, mixed, 2).status().code(), CANDOR_INVALID_ARGUMENT);
}

TEST(TextSentimentAuc, BuiltInBeatsTheCrossValidatedEstimateOnFineFoods) {
  const std::string path = std::string(CANDOR_TEST_DATA) + "/../../bench/data/fine_foods_train.csv";
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string data = buffer.str();
  auto columns = ParseCsvColumns(data, {"review", "score"});
  ASSERT_TRUE(columns.ok()) << columns.status().message();
  const auto& reviews = (*columns)[0];
  const auto& labels = (*columns)[1];
  ASSERT_EQ(reviews.size(), 4000u);
  std::vector<std::string_view> views(reviews.begin(), reviews.end());
  std::vector<uint8_t> great(labels.size());
  for (size_t i = 0; i < labels.size(); ++i) great[i] = labels[i] == "great";

  auto analyzer = SentimentAnalyzer::Create(Lexicon::BuiltIn());
  ASSERT_TRUE(analyzer.ok());
  SentimentColumns out;
  TokenizeOptions tokenize;
  tokenize.language = "en";
  ASSERT_TRUE(AnalyzeSentimentBatch(**analyzer, tokenize, views.data(), views.size(), 0, &out).ok());
  auto auc = RocAuc(out.score.data(), great.data(), great.size());
  ASSERT_TRUE(auc.ok());
  // Hanley and McNeil (1982) standard error of an AUC from its n1, n0.
  double n1 = 0;
  for (uint8_t g : great) n1 += g;
  const double n0 = great.size() - n1, a = *auc;
  const double q1 = a / (2 - a), q2 = 2 * a * a / (1 + a);
  const double se =
      std::sqrt((a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n0 - 1) * (q2 - a * a)) / (n1 * n0));
  // bench/sentiment_cv.py: pooled out-of-fold AUC of the tuning procedure.
  const double kCrossValidated = 0.8445;
  EXPECT_GE(a, kCrossValidated - 2 * se) << "AUC " << a << " SE " << se;
  EXPECT_LT(se, 0.01);
  // VADER's 0.726 and AFINN's 0.757 on the same reviews (bench/RESULTS.md).
  EXPECT_GT(a, 0.80);
}

}  // namespace
}  // namespace candor::text
