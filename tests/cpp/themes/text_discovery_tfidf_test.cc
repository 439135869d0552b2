// Vocabulary, counts and TF-IDF: hand-computed cases and scikit-learn's
// TfidfVectorizer on the same tokens (fixtures from make_fixtures.py).
#include <candor/text_discovery.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "text_discovery_fixtures.hpp"

namespace candor::text {
namespace {

using testing::FixtureDocuments;
using testing::FixtureLines;
using testing::Numbers;
using testing::ToDense;

VocabularyOptions Plain() {
  VocabularyOptions o;
  o.min_df = 1;
  o.max_df = 1.0;
  o.bigrams = false;
  return o;
}

TEST(TextDiscoveryTfidf, CountsAndSortedVocabulary) {
  auto terms = BuildDocumentTerms({{"tea", "green", "tea"}, {"coffee", "", "tea"}, {}}, Plain());
  ASSERT_TRUE(terms.ok()) << terms.status().message();
  EXPECT_EQ(terms->terms, (std::vector<std::string>{"coffee", "green", "tea"}));
  EXPECT_EQ(terms->document_frequency, (std::vector<int64_t>{1, 1, 2}));
  EXPECT_EQ(ToDense(terms->counts), (std::vector<double>{0, 1, 2, 1, 0, 1, 0, 0, 0}));
}

TEST(TextDiscoveryTfidf, MinAndMaxDocumentFrequency) {
  VocabularyOptions o = Plain();
  o.min_df = 2;
  o.max_df = 0.5;  // at most 2 of 4 documents
  auto terms = BuildDocumentTerms({{"a1", "b1", "c1"}, {"a1", "b1"}, {"a1"}, {"a1", "d1"}}, o);
  ASSERT_TRUE(terms.ok());
  EXPECT_EQ(terms->terms, (std::vector<std::string>{"b1"}));  // a1: df 4 > 2; c1, d1: df 1
  o.min_df = 5;
  auto none = BuildDocumentTerms({{"a1"}}, o);
  EXPECT_EQ(none.status().code(), CANDOR_EMPTY);
  EXPECT_NE(none.status().message().find("min_df"), std::string::npos);
}

TEST(TextDiscoveryTfidf, BigramKeptByCountAndNpmi) {
  // "customer service" appears 3 times, always together; "great" follows
  // many words: its pairs have low NPMI.
  std::vector<std::vector<std::string>> docs = {
      {"customer", "service", "great"}, {"customer", "service", "", "slow"},
      {"customer", "service", "rude"},  {"coffee", "great"}, {"tea", "great"}, {"slow", "tea"}};
  VocabularyOptions o = Plain();
  o.bigrams = true;
  o.bigram_min_count = 3;
  o.bigram_min_npmi = 0.5;
  auto terms = BuildDocumentTerms(docs, o);
  ASSERT_TRUE(terms.ok());
  // Bouma's NPMI by hand: N = 15 word tokens; c(customer) = c(service) = c(customer service) = 3:
  // ln((3/15) / (3/15)^2) / -ln(3/15) = 1.
  std::vector<std::string> phrases;
  for (size_t i = 0; i < terms->terms.size(); ++i) {
    if (terms->is_phrase[i]) phrases.push_back(terms->terms[i]);
  }
  EXPECT_EQ(phrases, (std::vector<std::string>{"customer service"}));
  // The break ("") stops "service slow" from being a pair; "slow tea" occurs once.
  o.bigram_min_count = 1;
  o.bigram_min_npmi = -1;
  auto all = BuildDocumentTerms(docs, o);
  ASSERT_TRUE(all.ok());
  for (const std::string& t : all->terms) EXPECT_NE(t, "service slow");
  bool has_slow_tea = false;
  for (const std::string& t : all->terms) has_slow_tea |= t == "slow tea";
  EXPECT_TRUE(has_slow_tea);
}

TEST(TextDiscoveryTfidf, HandComputedIdf) {
  // 3 documents; "a" in all 3, "b" in 1: idf = ln(4/4) + 1 = 1, ln(4/2) + 1.
  auto terms = BuildDocumentTerms({{"aa", "bb"}, {"aa"}, {"aa"}}, Plain());
  ASSERT_TRUE(terms.ok());
  std::vector<double> idf;
  auto x = Tfidf(terms->counts, {}, &idf);
  ASSERT_TRUE(x.ok());
  EXPECT_DOUBLE_EQ(idf[0], 1.0);
  EXPECT_DOUBLE_EQ(idf[1], std::log(2.0) + 1.0);
  const double b = std::log(2.0) + 1.0, norm = std::sqrt(1 + b * b);
  EXPECT_EQ(ToDense(*x), (std::vector<double>{1 / norm, b / norm, 1, 0, 1, 0}));
}

struct SklearnCase {
  const char* file;
  int64_t min_df;
  double max_df;
  bool sublinear;
  bool smooth;
};

class TextDiscoveryTfidfSklearn : public ::testing::TestWithParam<SklearnCase> {};

TEST_P(TextDiscoveryTfidfSklearn, EqualsTfidfVectorizer) {
  const SklearnCase& c = GetParam();
  VocabularyOptions o = Plain();
  o.min_df = c.min_df;
  o.max_df = c.max_df;
  auto terms = BuildDocumentTerms(FixtureDocuments(), o);
  ASSERT_TRUE(terms.ok()) << terms.status().message();
  TfidfOptions t;
  t.sublinear_tf = c.sublinear;
  t.smooth_idf = c.smooth;
  auto x = Tfidf(terms->counts, t);
  ASSERT_TRUE(x.ok());

  const std::vector<std::string> lines = FixtureLines(c.file);
  const size_t vocabulary = std::stoul(lines.at(0));
  ASSERT_EQ(terms->terms.size(), vocabulary);
  for (size_t i = 0; i < vocabulary; ++i) ASSERT_EQ(terms->terms[i], lines[1 + i]) << i;
  std::vector<double> expected(static_cast<size_t>(x->rows * x->cols), 0.0);
  for (size_t i = 1 + vocabulary; i < lines.size(); ++i) {
    const std::vector<double> v = Numbers(lines[i]);
    expected[static_cast<size_t>(v[0]) * x->cols + static_cast<size_t>(v[1])] = v[2];
  }
  const std::vector<double> got = ToDense(*x);
  int64_t nonzero = 0;
  for (size_t i = 0; i < got.size(); ++i) {
    ASSERT_NEAR(got[i], expected[i], 1e-12) << "entry " << i;
    nonzero += expected[i] != 0;
  }
  EXPECT_EQ(nonzero, x->nnz());
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, TextDiscoveryTfidfSklearn,
    ::testing::Values(SklearnCase{"tfidf_default.txt", 1, 1.0, false, true},
                      SklearnCase{"tfidf_filtered.txt", 2, 0.5, false, true},
                      SklearnCase{"tfidf_sublinear_nosmooth.txt", 3, 0.8, true, false}));

TEST(TextDiscoveryTfidf, BadInput) {
  EXPECT_EQ(BuildDocumentTerms({}, Plain()).status().code(), CANDOR_EMPTY);
  EXPECT_EQ(BuildDocumentTerms({{}, {""}}, Plain()).status().code(), CANDOR_EMPTY);
  VocabularyOptions o = Plain();
  o.max_df = 0;
  EXPECT_EQ(BuildDocumentTerms({{"aa"}}, o).status().code(), CANDOR_INVALID_ARGUMENT);
  CsrMatrix bad;
  bad.rows = 1;
  bad.cols = 2;
  bad.row_ptr = {0, 2};
  bad.col = {1, 0};  // not increasing
  bad.value = {1, 1};
  EXPECT_EQ(Tfidf(bad, {}).status().code(), CANDOR_INVALID_ARGUMENT);
  bad.col = {0, 1};
  bad.value = {1, -1};
  EXPECT_EQ(Tfidf(bad, {}).status().code(), CANDOR_INVALID_ARGUMENT);
  bad.value = {1, std::nan("")};
  EXPECT_EQ(Tfidf(bad, {}).status().code(), CANDOR_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace candor::text
