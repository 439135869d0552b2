// Shared helpers of the sentiment, emotion and urgency tests: one tokenizer
// (English given, no detection) and the built-in analyzer.
#ifndef CANDOR_TESTS_TEXT_SENTIMENT_TEST_UTIL_HPP_
#define CANDOR_TESTS_TEXT_SENTIMENT_TEST_UTIL_HPP_

#include <candor/text_sentiment.hpp>
#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace candor::text::testing {

class Analyze {
 public:
  explicit Analyze(const Lexicon& lexicon = Lexicon::BuiltIn(), SentimentOptions options = {},
                   std::string language = "en") {
    TokenizeOptions t;
    t.language = language;
    t.invalid_utf8 = Utf8Policy::kRepair;
    auto tok = Tokenizer::Create(t);
    EXPECT_TRUE(tok.ok()) << tok.status().message();
    tokenizer_ = std::move(*tok);
    auto an = SentimentAnalyzer::Create(lexicon, options);
    EXPECT_TRUE(an.ok()) << an.status().message();
    analyzer_ = std::move(*an);
  }
  const CommentSentiment& operator()(const std::string& text) {
    Status st = tokenizer_->Tokenize(text, &tokens_);
    EXPECT_TRUE(st.ok()) << st.message();
    analyzer_->Analyze(tokens_, &result_);
    return result_;
  }
  double Score(const std::string& text) { return (*this)(text).score; }
  double Raw(const std::string& text) { return (*this)(text).raw; }
  const TokenizedText& tokens() const { return tokens_; }

 private:
  std::unique_ptr<Tokenizer> tokenizer_;
  std::unique_ptr<SentimentAnalyzer> analyzer_;
  TokenizedText tokens_;
  CommentSentiment result_;
};

}  // namespace candor::text::testing

#endif  // CANDOR_TESTS_TEXT_SENTIMENT_TEST_UTIL_HPP_
