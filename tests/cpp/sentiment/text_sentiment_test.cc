// Sentiment rules (text_sentiment.hpp): each rule checked against the closed
// form the header documents, from the lexicon's own valences.
#include <candor/text_sentiment.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "support/text_non_ascii_comments.hpp"
#include "text_sentiment_test_util.hpp"

namespace candor::text {
namespace {

using testing::Analyze;

double V(const std::string& term) {
  double v = 0;
  EXPECT_TRUE(Lexicon::BuiltIn().Find(term, &v)) << term;
  return v;
}

TEST(TextSentiment, PolarityOfPlainWords) {
  Analyze a;
  EXPECT_GT(a.Score("The soup was delicious."), 0.3);
  EXPECT_LT(a.Score("The soup was stale and bland."), -0.3);
  EXPECT_DOUBLE_EQ(a.Raw("The soup was good."), V("good"));
  EXPECT_EQ(a.Score("The box is on the table."), 0.0);
}

TEST(TextSentiment, NegationFlipsAndShiftsWithinScope) {
  SentimentOptions o;
  Analyze a(Lexicon::BuiltIn(), o);
  EXPECT_DOUBLE_EQ(a.Raw("This is not good."), V("good") * o.negation_positive);
  EXPECT_LT(a.Score("This is not good."), 0);
  EXPECT_DOUBLE_EQ(a.Raw("It isn't terrible."), V("terrible") * o.negation_negative);
  EXPECT_DOUBLE_EQ(a.Raw("It isn’t terrible."), V("terrible") * o.negation_negative);  // U+2019
  EXPECT_DOUBLE_EQ(a.Raw("I never liked it."), V("liked") * o.negation_positive);
  EXPECT_DOUBLE_EQ(a.Raw("Without flavor."), 0.0);  // "flavor" is neutral
  EXPECT_DOUBLE_EQ(a.Raw("Hardly delicious."), V("delicious") * o.negation_positive);
  // Scope ends at punctuation and at a contrast word.
  EXPECT_DOUBLE_EQ(a.Raw("Not really, good."), V("good"));
  EXPECT_DOUBLE_EQ(a.Raw("Not cheap but good."),
                   0 * o.contrast_before + V("good") * o.contrast_after);
}

TEST(TextSentiment, NegationWindowCountsWords) {
  SentimentOptions o;
  o.negation_window = 2;
  Analyze narrow(Lexicon::BuiltIn(), o);
  EXPECT_DOUBLE_EQ(narrow.Raw("Not the food itself good."), V("good"));
  o.negation_window = 4;
  Analyze wide(Lexicon::BuiltIn(), o);
  EXPECT_DOUBLE_EQ(wide.Raw("Not the food itself good."), V("good") * o.negation_positive);
}

TEST(TextSentiment, PhrasesWinOverTheirWords) {
  Analyze a;
  EXPECT_DOUBLE_EQ(a.Raw("A waste of money."), V("waste of money"));
  EXPECT_DOUBLE_EQ(a.Raw("Not worth it."), V("not worth it"));
  EXPECT_DOUBLE_EQ(a.Raw("You can't go wrong."), V("can't go wrong"));
  EXPECT_DOUBLE_EQ(a.Raw("Call customer service."), 0.0);
  EXPECT_DOUBLE_EQ(a.Raw("It was so-so."), V("so so"));  // hyphen joins words
  EXPECT_GT(a.Raw("Five stars."), 0);
  EXPECT_LT(a.Raw("Would not buy again."), 0);
}

TEST(TextSentiment, IntensifiersAndDowntoners) {
  Analyze a;
  EXPECT_NEAR(a.Raw("very good"), V("good") * 1.3, 1e-6);
  EXPECT_NEAR(a.Raw("extremely good"), V("good") * 1.5, 1e-6);
  EXPECT_NEAR(a.Raw("slightly bitter"), V("bitter") * 0.5, 1e-6);
  EXPECT_NEAR(a.Raw("a bit bitter"), V("bitter") * 0.6, 1e-6);
  EXPECT_NEAR(a.Raw("really very good"), V("good") * 1.3 * 1.3, 1e-6);
  // A modifier reaches at most 2 words ahead.
  EXPECT_NEAR(a.Raw("very much of the good"), V("good"), 1e-6);
}

TEST(TextSentiment, ContrastWeightsTheClauseAfterBut) {
  SentimentOptions o;
  o.contrast_before = 0.25;
  o.contrast_after = 2.0;
  Analyze a(Lexicon::BuiltIn(), o);
  EXPECT_DOUBLE_EQ(a.Raw("The tea was bland but the cookies were delicious."),
                   V("bland") * 0.25 + V("delicious") * 2.0);
  EXPECT_GT(a.Score("The tea was bland but the cookies were delicious."), 0);
  EXPECT_LT(a.Score("The cookies were delicious but the tea was bland."), 0);
  // Concession: the "although" clause is the weaker one.
  EXPECT_DOUBLE_EQ(a.Raw("Although pricey, it is delicious."),
                   V("pricey") * 0.25 + V("delicious"));
  // A sentence opening with "But" weakens the previous sentence.
  const CommentSentiment& r = a("It is delicious. But stale.");
  EXPECT_DOUBLE_EQ(r.raw, V("delicious") * 0.25 + V("stale") * 2.0);
  EXPECT_EQ(r.sentence_scores.size(), 2u);
}

TEST(TextSentiment, EmphasisCapsAndExclamation) {
  SentimentOptions o;
  Analyze a(Lexicon::BuiltIn(), o);
  EXPECT_NEAR(a.Raw("the food is GOOD"), V("good") * (1 + o.caps_boost), 1e-9);
  EXPECT_NEAR(a.Raw("THE FOOD IS GOOD"), V("good"), 1e-9);  // shouting everywhere is no emphasis
  EXPECT_NEAR(a.Raw("good!"), V("good") * (1 + o.exclamation_boost), 1e-9);
  EXPECT_NEAR(a.Raw("good!!!!!!"), V("good") * (1 + 3 * o.exclamation_boost), 1e-9);
  EXPECT_NEAR(a.Raw("good?"), V("good") * o.question_factor, 1e-9);
  EXPECT_GT(std::abs(a.Score("GOOD!!!")), std::abs(a.Score("good")));
}

TEST(TextSentiment, EmojiAndEmoticons) {
  Analyze a;
  EXPECT_GT(a.Score("\xF0\x9F\x98\x8D"), 0);  // 😍
  EXPECT_LT(a.Score("\xF0\x9F\xA4\xAE"), 0);  // 🤮
  EXPECT_GT(a.Score("arrived today :)"), 0);
  EXPECT_LT(a.Score("arrived today :("), 0);
  EXPECT_GT(a.Score("arrived today :D"), a.Score("arrived today :)"));
  // ❤️ with and without the emoji presentation selector U+FE0F.
  EXPECT_DOUBLE_EQ(a.Raw("\xE2\x9D\xA4\xEF\xB8\x8F"), a.Raw("\xE2\x9D\xA4"));
  EXPECT_GT(a.Raw("\xE2\x9D\xA4"), 0);
}

TEST(TextSentiment, SquashAndLengthNormalization) {
  SentimentOptions o;
  Analyze a(Lexicon::BuiltIn(), o);
  const CommentSentiment& r = a("The soup was great and the bread was fresh.");
  const double x = r.raw / std::pow(o.length_offset + r.words, o.length_exponent);
  EXPECT_DOUBLE_EQ(r.score, x / std::sqrt(x * x + o.squash_alpha));
  EXPECT_EQ(r.words, 9u);
  ASSERT_EQ(r.sentence_scores.size(), 1u);
  EXPECT_DOUBLE_EQ(r.sentence_scores[0], r.score);
}

TEST(TextSentiment, EmptyAndPunctuationOnly) {
  Analyze a;
  const CommentSentiment& empty = a("");
  EXPECT_EQ(empty.score, 0.0);
  EXPECT_TRUE(empty.sentence_scores.empty());
  for (double e : empty.emotions) EXPECT_EQ(e, 0.0);
  EXPECT_FALSE(empty.urgency.flag);
  EXPECT_EQ(a.Score("?!..."), 0.0);
}

TEST(TextSentiment, VeryLongCommentStaysInRange) {
  Analyze a;
  std::string text;
  for (int i = 0; i < 20000; ++i) text += i % 3 == 0 ? "Delicious and fresh! " : "Okay. ";
  const CommentSentiment& r = a(text);
  EXPECT_GT(r.score, 0);
  EXPECT_LE(r.score, 1.0);
  EXPECT_EQ(r.sentence_scores.size(), a.tokens().sentences.size());
  EXPECT_GT(r.sentence_scores.size(), 10000u);
  std::string negative;
  for (int i = 0; i < 20000; ++i) negative += "awful ";
  EXPECT_GE(a.Score(negative), -1.0);
  EXPECT_LT(a.Score(negative), -0.9);
}

TEST(TextSentiment, RandomTextIsAlwaysInRange) {
  Analyze a;
  std::mt19937 rng(7);
  const char* words[] = {"not", "very", "good", "bad", "but", "!", "?", "GREAT", ".", "never",
                         "😍", ":(", "although", "waste", "of", "money", "\xFF", "so", "-"};
  for (int trial = 0; trial < 500; ++trial) {
    std::string text;
    const int n = static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) text += std::string(words[rng() % 19]) + (rng() % 3 ? " " : "");
    const CommentSentiment& r = a(text);
    ASSERT_TRUE(std::isfinite(r.score)) << text;
    ASSERT_GE(r.score, -1.0);
    ASSERT_LE(r.score, 1.0);
    for (double s : r.sentence_scores) ASSERT_TRUE(s >= -1 && s <= 1) << text;
    for (double e : r.emotions) ASSERT_TRUE(e >= 0 && e < 1) << text;
  }
}

TEST(TextSentiment, InvalidUtf8IsRepairedOrRejected) {
  Analyze a;  // the helper's tokenizer repairs
  EXPECT_GT(a.Score("Delicious \xC3\x28 cookies"), 0);
  TokenizeOptions strict;
  strict.language = "en";
  auto tok = Tokenizer::Create(strict);
  ASSERT_TRUE(tok.ok());
  TokenizedText t;
  EXPECT_EQ((*tok)->Tokenize("bad \xFF byte", &t).code(), CANDOR_INVALID_UTF8);
}

TEST(TextSentiment, NonEnglishScoresZeroUnlessALexiconCoversIt) {
  Analyze english;
  EXPECT_EQ(english.Score("Este producto es malo y caro."), 0.0);
  EXPECT_EQ(english.Score("Das Essen war schrecklich."), 0.0);
  Lexicon lexicon = Lexicon::BuiltIn();
  ASSERT_TRUE(lexicon.Add("malo", -2.5).ok());
  ASSERT_TRUE(lexicon.Add("schrecklich", -3).ok());
  Analyze user(lexicon, {}, "");
  EXPECT_LT(user.Score("Este producto es malo y caro."), 0);
  EXPECT_LT(user.Score("Das Essen war schrecklich."), 0);
  // Spanish and German negators are built in.
  EXPECT_GT(user.Raw("El café no es malo."), 0);
  EXPECT_GT(user.Raw("Das Essen war nicht schrecklich."), 0);
}

TEST(TextSentiment, OptionsAreValidated) {
  SentimentOptions o;
  o.squash_alpha = 0;
  EXPECT_EQ(SentimentAnalyzer::Create(Lexicon::BuiltIn(), o).status().code(),
            CANDOR_INVALID_ARGUMENT);
  o = SentimentOptions();
  o.negation_positive = std::nan("");
  EXPECT_FALSE(SentimentAnalyzer::Create(Lexicon::BuiltIn(), o).ok());
  o = SentimentOptions();
  o.negation_window = -1;
  EXPECT_FALSE(SentimentAnalyzer::Create(Lexicon::BuiltIn(), o).ok());
  o = SentimentOptions();
  o.length_offset = 0;
  EXPECT_FALSE(SentimentAnalyzer::Create(Lexicon::BuiltIn(), o).ok());
}

TEST(TextSentiment, BatchIsColumnarAndThreadCountFree) {
  std::vector<std::string> texts;
  const char* base[] = {"Love it!", "Not good. Stale.", "", "I will cancel my subscription.",
                        "Thanks, great service", "Confusing and annoying. But okay."};
  for (int i = 0; i < 300; ++i) texts.push_back(base[i % 6] + std::string(i % 7, ' '));
  std::vector<std::string_view> views(texts.begin(), texts.end());
  auto analyzer = SentimentAnalyzer::Create(Lexicon::BuiltIn());
  ASSERT_TRUE(analyzer.ok());
  TokenizeOptions tokenize;
  SentimentColumns one, two;
  ASSERT_TRUE(AnalyzeSentimentBatch(**analyzer, tokenize, views.data(), views.size(), 1, &one).ok());
  ASSERT_TRUE(AnalyzeSentimentBatch(**analyzer, tokenize, views.data(), views.size(), 2, &two).ok());
  EXPECT_EQ(one.score, two.score);
  EXPECT_EQ(one.sentence_offsets, two.sentence_offsets);
  EXPECT_EQ(one.sentence_scores, two.sentence_scores);
  EXPECT_EQ(one.urgency_reason, two.urgency_reason);
  ASSERT_EQ(one.sentence_offsets.size(), views.size() + 1);
  EXPECT_EQ(one.sentence_offsets.back(), one.sentence_scores.size());
  EXPECT_EQ(one.sentence_offsets[3] - one.sentence_offsets[2], 0u);  // the empty comment
  EXPECT_EQ(one.urgent[3], 1);
  EXPECT_EQ(one.urgency_category[3], static_cast<uint8_t>(UrgencyCategory::kChurn));
  // One analyzer call per comment gives the same numbers.
  testing::Analyze single(Lexicon::BuiltIn(), {}, "");
  for (size_t i = 0; i < 6; ++i) EXPECT_DOUBLE_EQ(one.score[i], single.Score(texts[i]));
  // Invalid UTF-8 under the error policy names the first bad comment.
  texts[5] = "bad \xFF";
  texts[200] = "also bad \xFF";
  std::vector<std::string_view> bad(texts.begin(), texts.end());
  Status st = AnalyzeSentimentBatch(**analyzer, tokenize, bad.data(), bad.size(), 2, &two);
  EXPECT_EQ(st.code(), CANDOR_INVALID_UTF8);
  EXPECT_EQ(st.message().rfind("comment 5: ", 0), 0u) << st.message();
}

// Non-ASCII comments of several sentences take the ICU break iterators,
// whose state each chunk's tokenizer must own (bug: chunk 0 used the
// prototype while the other chunks cloned it, a data race ThreadSanitizer
// reports in scripts/tsan.sh). Same results on any thread count.
TEST(TextSentiment, BatchOnNonAsciiTextIsThreadCountFree) {
  const std::vector<std::string> texts = candor::testing::NonAsciiComments(240);
  std::vector<std::string_view> views(texts.begin(), texts.end());
  auto analyzer = SentimentAnalyzer::Create(Lexicon::BuiltIn());
  ASSERT_TRUE(analyzer.ok());
  TokenizeOptions tokenize;  // language detected per comment
  SentimentColumns one;
  ASSERT_TRUE(
      AnalyzeSentimentBatch(**analyzer, tokenize, views.data(), views.size(), 1, &one).ok());
  for (size_t i = 0; i < views.size(); ++i) {
    ASSERT_NE(std::count_if(views[i].begin(), views[i].end(), [](char c) { return c & 0x80; }), 0);
    ASSERT_GE(one.sentence_offsets[i + 1] - one.sentence_offsets[i], 2u) << texts[i];
  }
  for (int threads : {2, 3, 8}) {
    SentimentColumns many;
    ASSERT_TRUE(
        AnalyzeSentimentBatch(**analyzer, tokenize, views.data(), views.size(), threads, &many)
            .ok());
    EXPECT_EQ(many.score, one.score) << threads << " threads";
    EXPECT_EQ(many.emotions, one.emotions);
    EXPECT_EQ(many.sentence_offsets, one.sentence_offsets);
    EXPECT_EQ(many.sentence_scores, one.sentence_scores);
    EXPECT_EQ(many.urgent, one.urgent);
    EXPECT_EQ(many.urgency_categories, one.urgency_categories);
    EXPECT_EQ(many.urgency_reason, one.urgency_reason);
    EXPECT_EQ(many.language, one.language);
  }
}

}  // namespace
}  // namespace candor::text
