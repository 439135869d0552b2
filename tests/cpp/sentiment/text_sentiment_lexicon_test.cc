// Lexicon files (candor, VADER and AFINN layouts), merging and errors.
#include <candor/text_sentiment.hpp>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text_sentiment_test_util.hpp"

namespace candor::text {
namespace {

const std::string kData = std::string(CANDOR_TEST_DATA) + "/text/";

TEST(TextSentimentLexicon, CandorFormatFoldsAndLastDuplicateWins) {
  auto lex = Lexicon::LoadFile(kData + "lexicon_candor.txt", LexiconFormat::kCandor);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(lex->size(), 3u);
  double v = 0;
  ASSERT_TRUE(lex->Find("zorgly", &v));
  EXPECT_EQ(v, 3.0);
  ASSERT_TRUE(lex->Find("blorf", &v));
  EXPECT_EQ(v, -3.0);
  ASSERT_TRUE(lex->Find("très bon", &v));  // whitespace collapsed
  EXPECT_EQ(v, 2.0);
  EXPECT_FALSE(lex->Find("Zorgly", &v));  // keys are folded
}

// ASCII terms are folded without ICU (lowercased); ICU's NFKC_Casefold
// must give the same key. A soft hyphen (U+00AD, default-ignorable, so
// removed by NFKC_Casefold) sends the same term through ICU.
TEST(TextSentimentLexicon, AsciiTermsFoldAsIcuFoldsThem) {
  std::vector<std::string> terms = {"Hello  World", " Not\tBAD ", "don't", "A-OK", "10/10"};
  for (int c = 0x21; c < 0x7F; ++c) terms.push_back(std::string("x") + static_cast<char>(c) + "Y");
  for (const std::string& term : terms) {
    Lexicon ascii;
    ASSERT_TRUE(ascii.Add(term, 1.0).ok()) << term;
    Lexicon through_icu;
    ASSERT_TRUE(through_icu.Add(term + "\xC2\xAD", 1.0).ok()) << term;
    ASSERT_EQ(ascii.Entries().size(), 1u);
    ASSERT_EQ(through_icu.Entries().size(), 1u);
    EXPECT_EQ(ascii.Entries()[0].first, through_icu.Entries()[0].first) << term;
  }
  Lexicon lex;
  ASSERT_TRUE(lex.Add(" Not\tBAD ", 1.0).ok());
  EXPECT_TRUE(lex.Find("not bad", nullptr));
}

TEST(TextSentimentLexicon, VaderAndAfinnFormats) {
  auto vader = Lexicon::LoadFile(kData + "lexicon_vader.txt", LexiconFormat::kVader);
  ASSERT_TRUE(vader.ok()) << vader.status().message();
  double v = 0;
  ASSERT_TRUE(vader->Find("zorgly", &v));
  EXPECT_DOUBLE_EQ(v, 2.1);
  auto afinn = Lexicon::LoadFile(kData + "lexicon_afinn.txt", LexiconFormat::kAfinn);
  ASSERT_TRUE(afinn.ok()) << afinn.status().message();
  ASSERT_TRUE(afinn->Find("zorgly", &v));
  EXPECT_DOUBLE_EQ(v, 4.0);  // 5 * 4/5
  ASSERT_TRUE(afinn->Find("blorf", &v));
  EXPECT_DOUBLE_EQ(v, -3 * 0.8);
}

TEST(TextSentimentLexicon, MalformedLinesNameTheirLine) {
  auto bad = Lexicon::LoadFile(kData + "lexicon_bad_line.txt", LexiconFormat::kCandor);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), CANDOR_PARSE_ERROR);
  EXPECT_NE(bad.status().message().find("line 4"), std::string::npos) << bad.status().message();
  EXPECT_EQ(Lexicon::Parse("good\t9\n", LexiconFormat::kCandor).status().code(), CANDOR_PARSE_ERROR);
  EXPECT_EQ(Lexicon::Parse("good\t2x\n", LexiconFormat::kCandor).status().code(), CANDOR_PARSE_ERROR);
  EXPECT_EQ(Lexicon::Parse("good\t2.5\n", LexiconFormat::kAfinn).status().code(), CANDOR_PARSE_ERROR);
  EXPECT_EQ(Lexicon::Parse("good\t6\n", LexiconFormat::kAfinn).status().code(), CANDOR_PARSE_ERROR);
  EXPECT_EQ(Lexicon::Parse("\xFF\t1\n", LexiconFormat::kCandor).status().code(), CANDOR_PARSE_ERROR);
  EXPECT_EQ(Lexicon::Parse("\t1\n", LexiconFormat::kCandor).status().code(), CANDOR_PARSE_ERROR);
  EXPECT_EQ(Lexicon::LoadFile(kData + "no_such_file.txt", LexiconFormat::kCandor).status().code(),
            CANDOR_NOT_FOUND);
  auto ok = Lexicon::Parse("# only a comment\r\n\r\nnice\t1\r\n", LexiconFormat::kCandor);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->size(), 1u);
}

TEST(TextSentimentLexicon, MergeReplacesAndUserWordsScore) {
  Lexicon lexicon = Lexicon::BuiltIn();
  const size_t built_in = lexicon.size();
  EXPECT_GT(built_in, 900u);
  auto user = Lexicon::Parse("zorgly\t3\ngood\t-1\n", LexiconFormat::kCandor);
  ASSERT_TRUE(user.ok());
  lexicon.Merge(*user);
  EXPECT_EQ(lexicon.size(), built_in + 1);
  double v = 0;
  ASSERT_TRUE(lexicon.Find("good", &v));
  EXPECT_EQ(v, -1.0);
  testing::Analyze merged(lexicon);
  EXPECT_GT(merged.Score("The zorgly is here."), 0);
  EXPECT_LT(merged.Score("It is good."), 0);
  testing::Analyze replaced(*user);  // user lexicon alone, no built-in words
  EXPECT_EQ(replaced.Score("Delicious."), 0.0);
  EXPECT_GT(replaced.Score("ZORGLY"), 0);
  EXPECT_EQ(lexicon.Add("x", 4.5).code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(lexicon.Add("", 1).code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(lexicon.Add("\xC3", 1).code(), CANDOR_INVALID_UTF8);
}

TEST(TextSentimentLexicon, BuiltInTermsAreFoldedAndInRange) {
  for (const auto& [term, v] : Lexicon::BuiltIn().Entries()) {
    EXPECT_GE(v, -4.0) << term;
    EXPECT_LE(v, 4.0) << term;
    EXPECT_FALSE(term.empty());
    EXPECT_EQ(term.find("  "), std::string::npos) << term;
    EXPECT_EQ(term.find('|'), std::string::npos) << term;  // a pattern typo
    EXPECT_EQ(term.find('{'), std::string::npos) << term;
  }
}

}  // namespace
}  // namespace candor::text
