// Emotions (text_sentiment.hpp): intensity E / (E + emotion_half) from the
// emotion lexicon's weights, negation aware.
#include <candor/text_sentiment.hpp>
#include <gtest/gtest.h>

#include "text_sentiment_test_util.hpp"

namespace candor::text {
namespace {

using testing::Analyze;

double Get(const CommentSentiment& r, Emotion e) { return r.emotions[static_cast<int>(e)]; }

TEST(TextEmotion, EachEmotionHasItsWords) {
  Analyze a;
  struct Case {
    const char* text;
    Emotion emotion;
  } cases[] = {
      {"I am so frustrated with this app.", Emotion::kFrustration},
      {"I'm fed up with the delays.", Emotion::kFrustration},
      {"I am furious about the charge.", Emotion::kAnger},
      {"The pop-ups are annoying.", Emotion::kAnnoyance},
      {"Really disappointed with the taste.", Emotion::kDisappointment},
      {"The instructions are confusing.", Emotion::kConfusion},
      {"I don't understand the bill.", Emotion::kConfusion},
      {"Absolutely delighted, I love it!", Emotion::kDelight},
      {"Thank you so much to the support team.", Emotion::kGratitude},
  };
  for (const Case& c : cases) {
    const CommentSentiment& r = a(c.text);
    for (int k = 0; k < kEmotionCount; ++k) {
      if (k == static_cast<int>(c.emotion)) {
        EXPECT_GT(r.emotions[k], 0.3) << c.text << " " << EmotionName(c.emotion);
      }
    }
  }
  EXPECT_EQ(Get(a("The parcel arrived on Tuesday."), Emotion::kDelight), 0.0);
}

TEST(TextEmotion, IntensityIsTheDocumentedSaturation) {
  SentimentOptions o;
  o.emotion_half = 2.0;
  Analyze a(Lexicon::BuiltIn(), o);
  // "frustrated" has weight 1; "very" multiplies the evidence by 1.3.
  EXPECT_DOUBLE_EQ(Get(a("frustrated"), Emotion::kFrustration), 1.0 / (1.0 + 2.0));
  EXPECT_NEAR(Get(a("very frustrated"), Emotion::kFrustration), 1.3 / (1.3 + 2.0), 1e-6);
  EXPECT_NEAR(Get(a("frustrated. frustrating."), Emotion::kFrustration), 2.0 / (2.0 + 2.0), 1e-9);
}

TEST(TextEmotion, NegationTurnsDelightIntoDisappointment) {
  Analyze a;
  const CommentSentiment& r = a("I am not happy with it.");
  EXPECT_EQ(Get(r, Emotion::kDelight), 0.0);
  EXPECT_GT(Get(r, Emotion::kDisappointment), 0.0);
  EXPECT_EQ(Get(a("I am not angry."), Emotion::kAnger), 0.0);
  EXPECT_GT(Get(a("I am happy with it."), Emotion::kDelight), 0.0);
}

TEST(TextEmotion, NamesInEnumOrder) {
  EXPECT_STREQ(EmotionName(Emotion::kFrustration), "frustration");
  EXPECT_STREQ(EmotionName(Emotion::kGratitude), "gratitude");
  EXPECT_STREQ(EmotionName(Emotion::kConfusion), "confusion");
}

}  // namespace
}  // namespace candor::text
