// ClassifyIntents: the rules on single comments, the reasons, errors; and
// precision and recall per intent on the project's labelled comments, on its
// held-out comments and on the labelled comments of the bundled sample, with
// floors.
#include <gtest/gtest.h>

#include <candor/intents.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "support/text_tokenizer_reviews.hpp"  // ReadCsvRows, an RFC 4180 reader

namespace candor::intents {
namespace {

uint32_t Flags(const std::string& comment) {
  auto result = ClassifyIntents(comment);
  EXPECT_TRUE(result.ok()) << result.status().message();
  return result.ok() ? result->intents : 0xFFFFFFFFu;
}

constexpr uint32_t kC = IntentBit(Intent::kComplaint);
constexpr uint32_t kS = IntentBit(Intent::kSuggestion);
constexpr uint32_t kQ = IntentBit(Intent::kQuestion);
constexpr uint32_t kP = IntentBit(Intent::kPraise);
constexpr uint32_t kN = IntentBit(Intent::kNeedsResponse);

TEST(ClassifyIntents, Rules) {
  EXPECT_EQ(Flags("The app keeps crashing."), kC);
  EXPECT_EQ(Flags("Rock solid. No downtime that we noticed."), kP);  // negated problem
  EXPECT_EQ(Flags("Very few bugs."), 0u);                            // "few" negates
  EXPECT_EQ(Flags("A few annoying bugs."), kC);                      // "a few" does not
  EXPECT_EQ(Flags("Not great value once you grow."), kC);            // negated praise
  EXPECT_EQ(Flags("It would be great to have dark mode."), kS);      // conditional praise
  EXPECT_EQ(Flags("Love it, but please add dark mode."), kP | kS);
  EXPECT_EQ(Flags("Add a Linux client."), kS);                        // imperative
  EXPECT_EQ(Flags("How do I export my data?"), kQ | kN);              // question -> needs response
  EXPECT_EQ(Flags("how do i export my data"), kQ | kN);               // opener, no '?'
  EXPECT_EQ(Flags("Could you add an export to PDF?"), kS);            // a request question
  EXPECT_EQ(Flags("Too slow, we will cancel at renewal."), kC | kN);  // churn
  EXPECT_EQ(Flags("Please call me about our invoice."), kN);          // contact, not a suggestion
  EXPECT_EQ(Flags("Login is broken right now."), kC | kN);            // complaint + urgency
  EXPECT_EQ(Flags("Right now I am happy."), kP);                      // urgency needs a complaint
  EXPECT_EQ(Flags("No comment."), 0u);
  EXPECT_EQ(Flags(""), 0u);
  EXPECT_EQ(Flags("It\xE2\x80\x99s not working and we lost all our data"), kC | kN);
}

TEST(ClassifyIntents, ReasonsNameTheRuleAndTheWords) {
  const std::string comment = "Great support. Why was I charged twice?";
  auto result = ClassifyIntents(comment);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->intents, kC | kQ | kP | kN);
  EXPECT_EQ(FormatIntentReasons(comment, *result),
            "complaint: problem 'charged twice'; question: question mark 'Why was I charged "
            "twice'; praise: praise 'Great'; needs_response: direct question 'Why was I charged "
            "twice'");
}

TEST(ClassifyIntents, Errors) {
  auto bad = ClassifyIntents(std::string("fine \xFF"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), CANDOR_INVALID_UTF8);
  EXPECT_NE(bad.status().message().find("byte 5"), std::string::npos);
  std::vector<std::string_view> batch = {"ok", "bad \xC0", "ok"};
  auto result = ClassifyIntentsBatch(batch);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("comment 1"), std::string::npos);
}

struct Score {
  int true_positive = 0, false_positive = 0, false_negative = 0;
  double precision() const { return true_positive / double(true_positive + false_positive); }
  double recall() const { return true_positive / double(true_positive + false_negative); }
};

// Per intent over a labelled file: the comment in column `text_column`, the
// five labels in the columns named after the intents.
std::vector<Score> Measure(const std::string& path) {
  auto rows = candor::testing::ReadCsvRows(path);
  EXPECT_GT(rows.size(), 1u);
  const auto& header = rows[0];
  int text_column = -1;
  int label_column[kIntentCount];
  for (int k = 0; k < kIntentCount; ++k) {
    label_column[k] = -1;
    for (size_t c = 0; c < header.size(); ++c) {
      if (header[c] == IntentName(static_cast<Intent>(k))) label_column[k] = static_cast<int>(c);
      if (header[c] == "comment") text_column = static_cast<int>(c);
    }
    EXPECT_GE(label_column[k], 0);
  }
  std::vector<Score> scores(kIntentCount);
  for (size_t r = 1; r < rows.size(); ++r) {
    const uint32_t flags = Flags(rows[r][text_column]);
    for (int k = 0; k < kIntentCount; ++k) {
      const bool truth = rows[r][label_column[k]] == "1";
      const bool found = (flags >> k) & 1u;
      scores[k].true_positive += truth && found;
      scores[k].false_positive += !truth && found;
      scores[k].false_negative += truth && !found;
    }
  }
  for (int k = 0; k < kIntentCount; ++k) {
    std::printf("%-15s precision %.3f recall %.3f (tp %d fp %d fn %d)\n",
                IntentName(static_cast<Intent>(k)), scores[k].precision(), scores[k].recall(),
                scores[k].true_positive, scores[k].false_positive, scores[k].false_negative);
  }
  return scores;
}

// Floors a little below what the rules reach (lib/intents/README.md), so a
// change to the rules that loses accuracy fails here.
TEST(IntentsAccuracy, ProjectLabelledComments) {
  auto scores = Measure(CANDOR_TEST_DATA "/intents/comments.csv");
  // complaint, suggestion, question, praise, needs_response
  const double precision_floor[] = {0.88, 0.88, 0.92, 0.95, 0.92};
  const double recall_floor[] = {0.88, 0.92, 0.92, 0.85, 0.92};
  for (int k = 0; k < kIntentCount; ++k) {
    EXPECT_GE(scores[k].precision(), precision_floor[k]) << IntentName(static_cast<Intent>(k));
    EXPECT_GE(scores[k].recall(), recall_floor[k]) << IntentName(static_cast<Intent>(k));
  }
}

// The held-out set (tests/data/intents/heldout.csv): written and labelled
// after the rules, and the rules not changed after seeing it. Floors a little
// below the measured values, which are much lower than in-sample for
// complaint and needs_response recall (lib/intents/README.md says why).
TEST(IntentsAccuracy, HeldOutComments) {
  auto scores = Measure(CANDOR_TEST_DATA "/intents/heldout.csv");
  // complaint, suggestion, question, praise, needs_response
  const double precision_floor[] = {0.80, 0.74, 0.92, 0.85, 0.88};
  const double recall_floor[] = {0.48, 0.88, 0.92, 0.74, 0.58};
  for (int k = 0; k < kIntentCount; ++k) {
    EXPECT_GE(scores[k].precision(), precision_floor[k]) << IntentName(static_cast<Intent>(k));
    EXPECT_GE(scores[k].recall(), recall_floor[k]) << IntentName(static_cast<Intent>(k));
  }
}

TEST(IntentsAccuracy, BundledSampleComments) {
  auto scores = Measure(CANDOR_TEST_DATA "/intents/sample_labels.csv");
  // The sample has no questions (question: no positives, so no recall).
  EXPECT_EQ(scores[2].true_positive + scores[2].false_negative, 0);
  EXPECT_EQ(scores[2].false_positive, 0);
  const double precision_floor[] = {0.90, 0.95, 0.0, 0.95, 0.95};
  const double recall_floor[] = {0.88, 0.95, 0.0, 0.95, 0.95};
  for (int k : {0, 1, 3, 4}) {
    EXPECT_GE(scores[k].precision(), precision_floor[k]) << IntentName(static_cast<Intent>(k));
    EXPECT_GE(scores[k].recall(), recall_floor[k]) << IntentName(static_cast<Intent>(k));
  }
}

}  // namespace
}  // namespace candor::intents
