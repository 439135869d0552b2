// NPMI coherence: a closed form by hand and a plain-Python computation over
// the fixture corpus (make_fixtures.py).
#include <candor/text_discovery.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "text_discovery_fixtures.hpp"

namespace candor::text {
namespace {

TEST(TextDiscoveryCoherence, ClosedForm) {
  // 4 documents: a in {0, 1}, b in {0, 1, 2}, c in {3}.
  auto terms = BuildDocumentTerms({{"aa", "bb"}, {"aa", "bb"}, {"bb"}, {"cc"}},
                                  {false, 1, 1, 1.0, false, 5, 0.25, 0, {}});
  ASSERT_TRUE(terms.ok());
  auto c = NpmiCoherence(terms->counts, {{0, 1}, {0, 2}, {0}});
  ASSERT_TRUE(c.ok());
  const double eps = 1e-12;
  const double ab = std::log((0.5 + eps) / (0.5 * 0.75)) / -std::log(0.5 + eps);
  const double ac = std::log(eps / (0.5 * 0.25)) / -std::log(eps);
  EXPECT_NEAR((*c)[0], ab, 1e-15);
  EXPECT_NEAR((*c)[1], ac, 1e-15);
  EXPECT_NEAR((*c)[1], -1, 0.1);  // never together: close to Bouma's -1
  EXPECT_TRUE(std::isnan((*c)[2]));
}

TEST(TextDiscoveryCoherence, EqualsPythonOnFixtureCorpus) {
  VocabularyOptions v;
  v.min_df = 1;
  v.max_df = 1.0;
  v.bigrams = false;
  auto terms = BuildDocumentTerms(testing::FixtureDocuments(), v);
  ASSERT_TRUE(terms.ok());
  auto column = [&](const std::string& w) {
    for (size_t i = 0; i < terms->terms.size(); ++i) {
      if (terms->terms[i] == w) return static_cast<int32_t>(i);
    }
    ADD_FAILURE() << w << " not in the vocabulary";
    return int32_t{0};
  };
  const std::vector<std::string> lines = testing::FixtureLines("npmi.txt");
  ASSERT_GE(lines.size(), 10u);
  std::vector<std::vector<int32_t>> topics;
  std::vector<double> expected;
  for (size_t i = 0; i + 1 < lines.size(); i += 2) {
    std::vector<int32_t> topic;
    for (const std::string& w : testing::SplitWords(lines[i])) topic.push_back(column(w));
    topics.push_back(topic);
    expected.push_back(std::stod(lines[i + 1]));
  }
  auto c = NpmiCoherence(terms->counts, topics);
  ASSERT_TRUE(c.ok());
  for (size_t t = 0; t < topics.size(); ++t) EXPECT_NEAR((*c)[t], expected[t], 1e-12) << t;
}

TEST(TextDiscoveryCoherence, BadInput) {
  auto terms = BuildDocumentTerms({{"aa", "bb"}}, {false, 1, 1, 1.0, false, 5, 0.25, 0, {}});
  ASSERT_TRUE(terms.ok());
  EXPECT_EQ(NpmiCoherence(terms->counts, {{0, 5}}).status().code(), CANDOR_OUT_OF_RANGE);
  CsrMatrix none;
  none.row_ptr = {0};
  EXPECT_EQ(NpmiCoherence(none, {{0, 1}}).status().code(), CANDOR_EMPTY);
}

}  // namespace
}  // namespace candor::text
