// Taxonomy themes (include/candor/text_taxonomy.hpp): the JSON format and its
// errors, keywords, phrases, stems, exclusions, the hierarchy, sentence-level
// matching, Unicode folding of terms, and a count on real reviews against an
// independent regex.
#include <gtest/gtest.h>

#include <candor/text.hpp>
#include <candor/text_taxonomy.hpp>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/text_tokenizer_reviews.hpp"

namespace candor::text {
namespace {

constexpr char kTaxonomy[] = R"({
  "themes": [
    {"name": "Support", "keywords": ["support"],
     "children": [
       {"name": "Response time", "keywords": ["slow", "wait"],
        "phrases": ["on hold", "no response"], "stems": ["respons"],
        "exclude": ["slow cooker"]},
       {"name": "Agent attitude", "keywords": ["rude", "polite"]}]},
    {"name": "Billing",
     "children": [
       {"name": "Refund", "stems": ["refunds"], "keywords": ["ＲＥＦＵＮＤ"]},
       {"name": "Price", "keywords": ["price", "Straße"], "phrases": ["rip-off"]}]}
  ]})";

Taxonomy Load(const char* json = kTaxonomy) {
  Result<Taxonomy> taxonomy = Taxonomy::FromJson(json);
  EXPECT_TRUE(taxonomy.ok()) << taxonomy.status().message();
  return std::move(taxonomy).value();
}

// Theme path -> mentions, for one comment.
struct Matched {
  TokenizedText text;
  std::vector<ThemeMention> mentions;
  std::vector<std::string> Paths(const Taxonomy& taxonomy) const {
    std::vector<std::string> out;
    for (const ThemeMention& m : mentions) out.push_back(taxonomy.theme(m.theme).path);
    return out;
  }
  std::string Span(const ThemeMention& m) const {
    return text.source.substr(text.tokens[m.first_token].begin,
                              text.tokens[m.end_token - 1].end - text.tokens[m.first_token].begin);
  }
};

Matched Match(const Taxonomy& taxonomy, std::string_view comment) {
  TokenizeOptions options;
  options.language = "en";
  auto tokenizer = Tokenizer::Create(options);
  Matched out;
  EXPECT_TRUE((*tokenizer)->Tokenize(comment, &out.text).ok());
  MatchThemes(taxonomy, out.text, &out.mentions);
  return out;
}

using V = std::vector<std::string>;

TEST(TextTaxonomy, ThemesHaveDenseIdsPathsParentsAndDepths) {
  const Taxonomy t = Load();
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t.theme(0).path, "Support");
  EXPECT_EQ(t.theme(1).path, "Support > Response time");
  EXPECT_EQ(t.theme(1).name, "Response time");
  EXPECT_EQ(t.theme(1).parent, 0);
  EXPECT_EQ(t.theme(1).depth, 1);
  EXPECT_EQ(t.theme(0).children, (std::vector<int32_t>{1, 2}));
  EXPECT_EQ(t.theme(3).path, "Billing");
  EXPECT_EQ(t.theme(3).parent, -1);
  EXPECT_EQ(t.Find("Billing > Price"), std::optional<int32_t>(5));
  EXPECT_EQ(t.Find("Billing > Nothing"), std::nullopt);
  EXPECT_EQ(t.Ancestors(5), (std::vector<int32_t>{3}));
  EXPECT_TRUE(t.Covers(3, 5));
  EXPECT_TRUE(t.Covers(5, 5));
  EXPECT_FALSE(t.Covers(0, 5));
  EXPECT_EQ(t.language(), "en");
}

TEST(TextTaxonomy, KeywordsMatchWholeFoldedWords) {
  const Taxonomy t = Load();
  EXPECT_EQ(Match(t, "We had to WAIT.").Paths(t), V{"Support > Response time"});
  EXPECT_EQ(Match(t, "The waiter was rude").Paths(t), V{"Support > Agent attitude"});
  EXPECT_TRUE(Match(t, "Slowly but surely, awaiting it").mentions.empty());
}

TEST(TextTaxonomy, PhrasesMatchAdjacentTokens) {
  const Taxonomy t = Load();
  const Matched m = Match(t, "I was on hold for an hour.");
  ASSERT_EQ(m.Paths(t), V{"Support > Response time"});
  EXPECT_EQ(m.Span(m.mentions[0]), "on hold");
  EXPECT_TRUE(Match(t, "I held on, hold on.").mentions.empty());
  EXPECT_TRUE(Match(t, "Hold on, on, hold.").mentions.empty());
  // A keyword that tokenizes into several tokens is a phrase.
  EXPECT_EQ(Match(t, "A total RIP-OFF!").Paths(t), V{"Billing > Price"});
  EXPECT_TRUE(Match(t, "a rip off").mentions.empty());
}

TEST(TextTaxonomy, StemsMatchInflections) {
  const Taxonomy t = Load();
  for (const char* text : {"Not responsive", "No response at all", "responses were poor",
                           "I got a refund", "They refunded me", "Refunding takes ages"}) {
    EXPECT_EQ(Match(t, text).mentions.size(), 1u) << text;
  }
  EXPECT_EQ(Match(t, "They refunded me").Paths(t), V{"Billing > Refund"});
  // Snowball stems "responded" to "respond", not "respons": no match.
  EXPECT_TRUE(Match(t, "They responded late").mentions.empty());
}

TEST(TextTaxonomy, ExclusionsBlockTheThemeInTheirSentenceOnly) {
  const Taxonomy t = Load();
  EXPECT_TRUE(Match(t, "This slow cooker is slow to heat.").mentions.empty());
  const Matched m = Match(t, "My slow cooker broke. Support was slow to answer.");
  ASSERT_EQ(m.mentions.size(), 1u);
  EXPECT_EQ(m.mentions[0].sentence, 1u);
  EXPECT_EQ(t.theme(m.mentions[0].theme).path, "Support > Response time");
}

TEST(TextTaxonomy, MostSpecificThemePerSentenceAndRollUp) {
  const Taxonomy t = Load();
  // Parent and child in one sentence: the child only (the parent is implied).
  Matched m = Match(t, "Support kept me on hold, then support was rude.");
  EXPECT_EQ(m.Paths(t), (V{"Support > Response time", "Support > Agent attitude"}));
  // In different sentences: each where it is.
  m = Match(t, "Support is a joke. The price is fine.");
  EXPECT_EQ(m.Paths(t), (V{"Support", "Billing > Price"}));
  EXPECT_EQ(m.mentions[0].sentence, 0u);
  EXPECT_EQ(m.mentions[1].sentence, 1u);
  // Several terms of one theme in one sentence: one mention, counted.
  m = Match(t, "Slow, slow, slow and on hold.");
  ASSERT_EQ(m.mentions.size(), 1u);
  EXPECT_EQ(m.mentions[0].matches, 4u);
  EXPECT_EQ(m.Span(m.mentions[0]), "Slow");
  // Roll-up through Ancestors.
  EXPECT_EQ(t.Ancestors(m.mentions[0].theme), (std::vector<int32_t>{0}));
}

TEST(TextTaxonomy, TermsAreFoldedLikeComments) {
  const Taxonomy t = Load();
  EXPECT_EQ(Match(t, "refund please").Paths(t), V{"Billing > Refund"});  // keyword "ＲＥＦＵＮＤ"
  EXPECT_EQ(Match(t, "STRASSE").Paths(t), V{"Billing > Price"});         // keyword "Straße"
  EXPECT_EQ(Match(t, "Ｐｒｉｃｅ!").Paths(t), V{"Billing > Price"});
}

TEST(TextTaxonomy, MentionSentimentIsTheSentences) {
  const Taxonomy t = Load();
  const Matched m = Match(t, "Great price. Support was slow.");
  std::vector<double> scores;
  ASSERT_TRUE(MentionSentiment(m.mentions, {0.8, -0.6}, &scores).ok());
  EXPECT_EQ(scores, (std::vector<double>{0.8, -0.6}));
  EXPECT_EQ(MentionSentiment(m.mentions, {0.8}, &scores).code(), CANDOR_OUT_OF_RANGE);
}

TEST(TextTaxonomy, BadTaxonomiesAreClearErrors) {
  struct Case {
    const char* json;
    candor_status code;
    const char* message_part;
  };
  const Case cases[] = {
      {"{\"themes\": [\n  {\"name\": \"A\",, }]}", CANDOR_PARSE_ERROR, "line 2, column"},
      {"", CANDOR_PARSE_ERROR, "line 1"},
      {"[]", CANDOR_INVALID_ARGUMENT, "top level"},
      {R"({"theme": []})", CANDOR_INVALID_ARGUMENT, "unknown top-level field \"theme\""},
      {R"({"themes": [{"name": "A", "keyword": ["x"]}]})", CANDOR_INVALID_ARGUMENT,
       "unknown field \"keyword\""},
      {R"({"themes": [{"name": " ", "keywords": ["x"]}]})", CANDOR_INVALID_ARGUMENT,
       "empty theme name"},
      {R"({"themes": [{"keywords": ["x"]}]})", CANDOR_INVALID_ARGUMENT, "needs a \"name\""},
      {R"({"themes": [{"name": "A", "keywords": ["x"]}, {"name": "A", "keywords": ["y"]}]})",
       CANDOR_INVALID_ARGUMENT, "duplicate theme path \"A\""},
      {R"({"themes": [{"name": "A", "children": [{"name": "B", "keywords": ["x"]},
                                                  {"name": "B", "keywords": ["y"]}]}]})",
       CANDOR_INVALID_ARGUMENT, "duplicate theme path \"A > B\""},
      {R"({"themes": [{"name": "A > B", "keywords": ["x"]}]})", CANDOR_INVALID_ARGUMENT,
       "contains"},
      {R"({"themes": [{"name": "A"}]})", CANDOR_INVALID_ARGUMENT, "could never match"},
      {R"({"themes": [{"name": "A", "keywords": [""]}]})", CANDOR_INVALID_ARGUMENT,
       "empty keywords term"},
      {R"({"themes": [{"name": "A", "keywords": [3]}]})", CANDOR_INVALID_ARGUMENT,
       "array of strings"},
      {R"({"themes": [{"name": "A", "stems": ["two words"]}]})", CANDOR_INVALID_ARGUMENT,
       "not one word"},
      {R"({"language": "English", "themes": []})", CANDOR_INVALID_ARGUMENT, "ISO 639"},
      {R"({"themes": []})", CANDOR_INVALID_ARGUMENT, "empty"},
      {"{\"themes\": [{\"name\": \"A\xC3\", \"keywords\": [\"x\"]}]}", CANDOR_PARSE_ERROR, "UTF-8"},
  };
  for (const Case& c : cases) {
    const Result<Taxonomy> t = Taxonomy::FromJson(c.json);
    ASSERT_FALSE(t.ok()) << c.json;
    EXPECT_EQ(t.status().code(), c.code) << c.json << ": " << t.status().message();
    EXPECT_NE(t.status().message().find(c.message_part), std::string::npos)
        << c.json << ": " << t.status().message();
  }
  EXPECT_EQ(Taxonomy::FromFile("/nonexistent/taxonomy.json").status().code(), CANDOR_NOT_FOUND);
}

// A chain of `levels` themes, each the only child of the one before.
std::string NestedThemes(int levels) {
  std::string json = R"({"themes": [)";
  for (int i = 0; i < levels; ++i) {
    if (i > 0) json += R"(, "children": [)";
    json += R"({"name": "t", "keywords": ["x"])";
  }
  for (int i = 0; i < levels; ++i) json += i + 1 < levels ? "}]" : "}";
  return json + "]}";
}

// Bug (issue 11): 10,000 nested themes overflowed the stack of the recursive
// compiler; JSON nested without limit must not reach anything that recurses.
TEST(TextTaxonomy, DeepNestingIsAClearErrorNotACrash) {
  const std::string limit = std::to_string(kMaxThemeDepth) + " levels of themes";
  const std::string array_bomb = std::string(100000, '[') + std::string(100000, ']');
  std::string object_bomb;
  for (int i = 0; i < 100000; ++i) object_bomb += R"({"a": )";
  object_bomb += "1" + std::string(100000, '}');
  const std::string cases[] = {
      NestedThemes(10000),
      NestedThemes(kMaxThemeDepth + 1),
      array_bomb,
      R"({"themes": [{"name": "A", "keywords": ["x"]}], "notes": )" + object_bomb + "}",
      R"({"themes": [{"name": "A", "keywords": ["x"], "notes": )" + object_bomb + "}]}",
      R"({"themes": [{"name": "A", "keywords": [)" + array_bomb + "]}]}",
  };
  for (const std::string& json : cases) {
    const Result<Taxonomy> t = Taxonomy::FromJson(json);
    EXPECT_FALSE(t.ok()) << json.substr(0, 80);
    if (t.ok()) continue;
    EXPECT_EQ(t.status().code(), CANDOR_INVALID_ARGUMENT) << t.status().message();
    EXPECT_NE(t.status().message().find(limit), std::string::npos) << t.status().message();
  }
  // Just past the limit the error names the theme whose children are too deep.
  const std::string message =
      Taxonomy::FromJson(NestedThemes(kMaxThemeDepth + 1)).status().message();
  EXPECT_NE(message.find("theme \"t > t > t"), std::string::npos) << message;
}

TEST(TextTaxonomy, JsonNestingLimitCountsEveryObjectAndArray) {
  // The top-level object, then `inner` more: kMaxJsonNesting in all parses
  // (and fails later on the unknown field), one more does not.
  const auto nested = [](int inner) {
    std::string notes;
    for (int i = 1; i < inner; ++i) notes += "[";
    notes += "{}" + std::string(inner - 1, ']');
    return R"({"themes": [{"name": "A", "keywords": ["x"]}], "notes": )" + notes + "}";
  };
  Status status = Taxonomy::FromJson(nested(kMaxJsonNesting - 1)).status();
  EXPECT_NE(status.message().find("unknown top-level field"), std::string::npos)
      << status.message();
  status = Taxonomy::FromJson(nested(kMaxJsonNesting)).status();
  EXPECT_EQ(status.code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(status.message().find("nested deeper than " + std::to_string(kMaxJsonNesting)),
            std::string::npos)
      << status.message();
}

TEST(TextTaxonomy, ThemesAtTheDepthLimitLoad) {
  const Result<Taxonomy> t = Taxonomy::FromJson(NestedThemes(kMaxThemeDepth));
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->size(), static_cast<size_t>(kMaxThemeDepth));
  EXPECT_EQ(t->theme(kMaxThemeDepth - 1).depth, kMaxThemeDepth - 1);
  EXPECT_EQ(t->Ancestors(kMaxThemeDepth - 1).size(), static_cast<size_t>(kMaxThemeDepth - 1));
  const Matched m = Match(*t, "x");
  ASSERT_EQ(m.mentions.size(), 1u);
  EXPECT_EQ(m.mentions[0].theme, kMaxThemeDepth - 1);  // the most specific
}

std::string SourceRoot() { return std::string(CANDOR_TEST_DATA) + "/../.."; }

TEST(TextTaxonomy, StarterTaxonomyLoads) {
  const Result<Taxonomy> t = Taxonomy::FromFile(SourceRoot() + "/data/taxonomies/cx_starter.json");
  ASSERT_TRUE(t.ok()) << t.status().message();
  for (const char* path :
       {"Support > Response time", "Support > Agent attitude", "Support > Resolution",
        "Billing > Price", "Billing > Refund", "Billing > Charges", "Product > Quality",
        "Product > Taste", "Product > Packaging", "Delivery > Shipping time", "Delivery > Damage",
        "Account > Cancellation"}) {
    EXPECT_TRUE(t->Find(path).has_value()) << path;
  }
  const Matched m = Match(*t, "I waited on hold for an hour. The agent was rude. I want a refund!");
  EXPECT_EQ(m.Paths(*t),
            (V{"Support > Response time", "Support > Agent attitude", "Billing > Refund"}));
  // The kitchen, not the help desk.
  EXPECT_TRUE(Match(*t, "I use it in my slow cooker.").mentions.empty());
}

// Real reviews: the price words found by the matcher equal a plain Python
// regex's count over the same texts (tests/data/text/taxonomy_price_counts.py,
// which knows nothing of candor).
TEST(TextTaxonomy, PriceCountsOnFineFoodReviewsAgreeWithARegex) {
  std::ifstream in(std::string(CANDOR_TEST_DATA) + "/text/taxonomy_price_counts.txt");
  std::map<std::string, size_t> expected;
  std::string key;
  size_t value;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream(line) >> key >> value;
    expected[key] = value;
  }
  ASSERT_EQ(expected.size(), 2u);
  const Result<Taxonomy> t = Taxonomy::FromJson(R"({"themes": [{"name": "Price",
      "keywords": ["price", "prices", "priced", "pricey", "expensive", "cheap"]}]})");
  ASSERT_TRUE(t.ok());
  const testing::Reviews reviews = testing::FineFoodReviews();
  ASSERT_EQ(reviews.text.size(), 4000u);
  auto tokenizer = Tokenizer::Create();
  TokenizedText text;
  std::vector<ThemeMention> mentions;
  size_t with_mention = 0, total = 0;
  for (const std::string& review : reviews.text) {
    ASSERT_TRUE((*tokenizer)->Tokenize(review, &text).ok());
    mentions.clear();
    MatchThemes(*t, text, &mentions);
    with_mention += !mentions.empty();
    for (const ThemeMention& m : mentions) total += m.matches;
  }
  EXPECT_EQ(with_mention, expected["reviews"]);
  EXPECT_EQ(total, expected["mentions"]);
}

}  // namespace
}  // namespace candor::text
