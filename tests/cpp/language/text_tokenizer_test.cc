// The tokenizer's contract (include/candor/text.hpp): folding, emoji and
// emoticons, invalid UTF-8, sentences, offsets, languages, stems, stop words.
#include <gtest/gtest.h>

#include <candor/text.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "utf8_repair.hpp"

namespace candor::text {
namespace {

std::unique_ptr<Tokenizer> Make(TokenizeOptions options = {}) {
  auto tokenizer = Tokenizer::Create(options);
  EXPECT_TRUE(tokenizer.ok()) << tokenizer.status().message();
  return std::move(tokenizer).value();
}

TokenizedText Tok(std::string_view text, TokenizeOptions options = {}) {
  TokenizedText out;
  Status status = Make(options)->Tokenize(text, &out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out;
}

std::vector<std::string> Folded(const TokenizedText& t) {
  std::vector<std::string> out;
  for (const Token& token : t.tokens) out.emplace_back(t.text(token));
  return out;
}

std::vector<TokenKind> Kinds(const TokenizedText& t) {
  std::vector<TokenKind> out;
  for (const Token& token : t.tokens) out.push_back(token.kind);
  return out;
}

using V = std::vector<std::string>;
constexpr TokenKind W = TokenKind::kWord;
constexpr TokenKind N = TokenKind::kNumber;
constexpr TokenKind E = TokenKind::kEmoji;
constexpr TokenKind M = TokenKind::kEmoticon;
constexpr TokenKind P = TokenKind::kPunctuation;

TEST(TextTokenizer, WordsNumbersPunctuationAndApostrophes) {
  const TokenizedText t = Tok("I don't like it, 3.5 stars for $1,000!!");
  EXPECT_EQ(Folded(t),
            (V{"i", "don't", "like", "it", ",", "3.5", "stars", "for", "$", "1,000", "!", "!"}));
  EXPECT_EQ(Kinds(t), (std::vector<TokenKind>{W, W, W, W, P, N, W, W, P, N, P, P}));
}

TEST(TextTokenizer, NfkcAndFullCaseFolding) {
  TokenizeOptions en;
  en.language = "en";
  const TokenizedText t = Tok("ＲＥＦＵＮＤ Straße Don’t ﬁne ΣΊΣΥΦΟΣ", en);
  EXPECT_EQ(Folded(t), (V{"refund", "strasse", "don't", "fine", "σίσυφοσ"}));
  // The originals are untouched and the offsets point at them.
  EXPECT_EQ(t.original(t.tokens[0]), "ＲＥＦＵＮＤ");
  EXPECT_EQ(t.original(t.tokens[1]), "Straße");
  EXPECT_EQ(t.original(t.tokens[2]), "Don’t");
  EXPECT_TRUE(t.tokens[0].all_caps);  // fullwidth capitals are capitals
  EXPECT_FALSE(t.tokens[1].all_caps);
  EXPECT_TRUE(t.tokens[4].all_caps);
  // Stems come from the folded form.
  EXPECT_EQ(t.stem(t.tokens[0]), "refund");
}

TEST(TextTokenizer, AllCapsNeedsTwoUppercaseLettersAndNoLowercase) {
  const TokenizedText t = Tok("NEVER again I said, I'M DONE ok OK A1 R2D2 Ok");
  std::vector<bool> caps;
  for (const Token& token : t.tokens) caps.push_back(token.all_caps);
  // NEVER again I said , I'M DONE ok OK A1 R2D2 Ok
  EXPECT_EQ(caps, (std::vector<bool>{true, false, false, false, false, true, true, false, true,
                                     false, true, false}));
}

TEST(TextTokenizer, EmojiSequencesAreOneToken) {
  // ZWJ family, thumbs up with a skin tone, a flag, a keycap, a heart with
  // and without U+FE0F, an emoji glued to a word.
  const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
  const std::string thumbs_tone = "\U0001F44D\U0001F3FD";
  const std::string flag = "\U0001F1EB\U0001F1F7";
  const std::string keycap = "1\uFE0F\u20E3";
  const std::string heart = "\u2764";
  const std::string heart_emoji = "\u2764\uFE0F";
  const TokenizedText t = Tok(family + " " + thumbs_tone + " " + flag + " " + keycap + " " + heart +
                              " " + heart_emoji + " great" + "\U0001F44D" + " \u00A9");
  EXPECT_EQ(Kinds(t), (std::vector<TokenKind>{E, E, E, E, E, E, W, E, P}));
  EXPECT_EQ(Folded(t), (V{family, "\U0001F44D", flag, "1\u20E3", heart, heart, "great",
                          "\U0001F44D", "\u00A9"}));
  EXPECT_EQ(t.original(t.tokens[1]), thumbs_tone);
}

TEST(TextTokenizer, EmoticonsAreOneTokenWithACanonicalForm) {
  const TokenizedText t = Tok(
      "ok :) ok :-) ok :( ok :-( ok :D ok ;) ok :/ ok :'( ok <3 ok :P ok xD ok ^^ ok :))) ok =( "
      "ok ^_^ ok </3 ok >:( ok");
  V faces;
  for (const Token& token : t.tokens) {
    if (token.kind == M)
      faces.emplace_back(t.text(token));
    else
      EXPECT_EQ(t.text(token), "ok");
  }
  EXPECT_EQ(faces, (V{":)", ":)", ":(", ":(", ":d", ";)", ":/", ":'(", "<3", ":p", "xd", "^^", ":)",
                      ":(", "^^", "</3", ">:("}));
  // The token covers the whole written face.
  EXPECT_EQ(t.original(t.tokens[3]), ":-)");
  EXPECT_EQ(t.original(t.tokens[25]), ":)))");
}

TEST(TextTokenizer, NoEmoticonsInsideUrlsTimesOrWords) {
  for (const char* text : {"see http://example.com/x", "at 1:30 or 10:3", "re:Design", "Note:Only",
                           "<30 days", "xDrive", "the D: drive"}) {
    const TokenizedText t = Tok(text);
    for (const Token& token : t.tokens) {
      EXPECT_NE(token.kind, M) << text << ": '" << t.original(token) << "'";
    }
  }
}

TEST(TextTokenizer, Sentences) {
  const TokenizedText t = Tok("Great. Love it! Really?");
  ASSERT_EQ(t.sentences.size(), 3u);
  const std::string_view source = t.source;
  EXPECT_EQ(source.substr(t.sentences[0].begin, t.sentences[0].end - t.sentences[0].begin),
            "Great.");
  EXPECT_EQ(source.substr(t.sentences[1].begin, t.sentences[1].end - t.sentences[1].begin),
            "Love it!");
  EXPECT_EQ(source.substr(t.sentences[2].begin, t.sentences[2].end - t.sentences[2].begin),
            "Really?");
  EXPECT_EQ(t.sentences[1].first_token, 2u);
  EXPECT_EQ(t.sentences[1].end_token, 5u);
  EXPECT_EQ(t.sentences[2].end_token, t.tokens.size());
  // No break after "e.g." before a lowercase word, nor inside "3.5"; a
  // line break ends a sentence.
  EXPECT_EQ(Tok("Use e.g. the mix. It is 3.5 stars").sentences.size(), 2u);
  EXPECT_EQ(Tok("first line\nsecond line").sentences.size(), 2u);
  // Non-ASCII text goes through ICU: same rules.
  EXPECT_EQ(Tok("Très bon. J'adore! Vraiment?").sentences.size(), 3u);
}

TEST(TextTokenizer, OffsetsPointAtTheTokensBytes) {
  const std::string text = "Café 👍🏽 — naïve “quotes” 東京 ok";
  const TokenizedText t = Tok(text);
  ASSERT_EQ(t.source, text);
  V originals;
  for (const Token& token : t.tokens) {
    ASSERT_LE(token.end, text.size());
    originals.emplace_back(text.substr(token.begin, token.end - token.begin));
  }
  EXPECT_EQ(originals, (V{"Café", "👍🏽", "—", "naïve", "“", "quotes", "”", "東京", "ok"}));
}

TEST(TextTokenizer, EmptyAndWhitespaceOnly) {
  for (const char* text : {"", "   ", "\n\r\n\t", "\x01\x02"}) {
    const TokenizedText t = Tok(text);
    EXPECT_TRUE(t.tokens.empty()) << "'" << text << "'";
    EXPECT_TRUE(t.sentences.empty()) << "'" << text << "'";
    EXPECT_EQ(t.language, "en");  // the fallback, not reliable
    EXPECT_FALSE(t.language_reliable);
  }
}

TEST(TextTokenizer, VeryLongComment) {
  // Varied sentences (CLD2 distrusts one sentence repeated) of 5, 4, 5 and
  // 6 tokens.
  const char* kSentences[] = {"The refund took weeks. ", "Support never answers. ",
                              "My order came broken. ", "Great taste, low price. "};
  const size_t kTokens[] = {5, 4, 5, 6};
  std::string text;
  size_t sentences = 0, tokens = 0;
  for (; text.size() < (1u << 20); ++sentences) {
    text += kSentences[sentences % 4];
    tokens += kTokens[sentences % 4];
  }
  for (bool fast : {true, false}) {
    TokenizeOptions options;
    options.ascii_fast_path = fast;
    const TokenizedText t = Tok(text, options);
    EXPECT_EQ(t.sentences.size(), sentences);
    EXPECT_EQ(t.tokens.size(), tokens);
    EXPECT_EQ(t.text(t.tokens.back()), ".");
    EXPECT_EQ(t.stem(t.tokens[3]), "week");
    EXPECT_EQ(t.stem(t.tokens[7]), "answer");
    EXPECT_EQ(t.language, "en");
    EXPECT_TRUE(t.language_reliable);
  }
  // A long non-ASCII comment too.
  std::string accented;
  while (accented.size() < (1u << 20)) accented += "Le remboursement a pris des semaines. ";
  accented += "é";
  const TokenizedText t = Tok(accented);
  EXPECT_GT(t.sentences.size(), 27000u);
  EXPECT_EQ(t.language, "fr");
}

std::vector<std::pair<std::string, std::string>> RepairCases() {
  std::ifstream in(std::string(CANDOR_TEST_DATA) + "/text/tokenizer_utf8_repair.tsv");
  std::vector<std::pair<std::string, std::string>> cases;
  auto unhex = [](const std::string& hex) {
    std::string out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) {
      out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    }
    return out;
  };
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    cases.emplace_back(unhex(line.substr(0, tab)), unhex(line.substr(tab + 1)));
  }
  return cases;
}

TEST(TextTokenizer, InvalidUtf8RepairMatchesPythonsReplace) {
  const auto cases = RepairCases();
  ASSERT_EQ(cases.size(), 29u);
  TokenizeOptions repair;
  repair.invalid_utf8 = Utf8Policy::kRepair;
  auto tokenizer = Make(repair);
  TokenizedText t;
  for (const auto& [input, expected] : cases) {
    std::string repaired;
    const bool changed = internal::RepairUtf8(input, &repaired);
    EXPECT_EQ(repaired, expected) << "input of " << input.size() << " bytes";
    EXPECT_EQ(changed, input != expected);
    ASSERT_TRUE(tokenizer->Tokenize(input, &t).ok());
    EXPECT_EQ(t.source, expected);
    EXPECT_EQ(t.repaired, input != expected);
    for (const Token& token : t.tokens) EXPECT_LE(token.end, t.source.size());
  }
}

TEST(TextTokenizer, InvalidUtf8IsAnErrorNamingTheByte) {
  auto tokenizer = Make();
  TokenizedText t;
  const std::vector<std::pair<std::string, size_t>> cases = {
      {"abc\xC3", 3},               // truncated at the end
      {"caf\xC3\xA9 \xC0\xAF", 6},  // overlong
      {"x\xED\xA0\x80y", 1},        // surrogate
      {"ok \x80 ok", 3},            // lone continuation
      {"\xF4\x90\x80\x80", 0},      // above U+10FFFF
  };
  for (const auto& [input, offset] : cases) {
    const Status status = tokenizer->Tokenize(input, &t);
    EXPECT_EQ(status.code(), CANDOR_INVALID_UTF8);
    EXPECT_NE(status.message().find("at byte " + std::to_string(offset) + " "), std::string::npos)
        << status.message();
    EXPECT_TRUE(t.tokens.empty());
  }
}

struct LanguageCase {
  const char* code;
  const char* text;
  const char* word;       // a token of the text (folded)
  const char* stem;       // its Snowball stem
  const char* stop_word;  // a token that is a stop word there
};

TEST(TextTokenizer, DetectsLanguagesAndStemsAndStopWordsFollowThem) {
  const LanguageCase cases[] = {
      {"en", "The delivery was late and the support agents never answered my emails.", "emails",
       "email", "the"},
      {"es", "El pedido llegó tarde y el servicio al cliente nunca respondió a mis correos.",
       "correos", "corre", "el"},
      {"fr",
       "La livraison est arrivée en retard et le service client ne répond jamais aux messages.",
       "messages", "messag", "la"},
      {"de",
       "Die Lieferung kam viel zu spät und der Kundendienst hat nie auf meine Nachrichten "
       "geantwortet.",
       "nachrichten", "nachricht", "die"},
      {"pt", "A entrega chegou atrasada e o atendimento nunca respondeu às minhas mensagens.",
       "mensagens", "mensagens", "o"},
  };
  for (const LanguageCase& c : cases) {
    const TokenizedText t = Tok(c.text);
    EXPECT_EQ(t.language, c.code) << c.text;
    EXPECT_TRUE(t.language_reliable) << c.text;
    bool saw_word = false, saw_stop = false;
    for (const Token& token : t.tokens) {
      if (t.text(token) == c.word) {
        saw_word = true;
        EXPECT_EQ(t.stem(token), c.stem) << c.code;
        EXPECT_FALSE(token.stop_word);
      }
      if (t.text(token) == c.stop_word) {
        saw_stop = true;
        EXPECT_TRUE(token.stop_word) << c.code << " " << c.stop_word;
      }
    }
    EXPECT_TRUE(saw_word) << c.code;
    EXPECT_TRUE(saw_stop) << c.code;
  }
}

TEST(TextTokenizer, ForcedFallbackAndUnknownLanguages) {
  TokenizeOptions forced;
  forced.language = "de";
  TokenizedText t = Tok("the refunds", forced);
  EXPECT_EQ(t.language, "de");
  EXPECT_TRUE(t.language_reliable);
  EXPECT_FALSE(t.tokens[0].stop_word);  // "the" is no German stop word
  // Too short for CLD2 to be sure: the fallback, marked unreliable.
  TokenizeOptions fallback;
  fallback.fallback_language = "es";
  t = Tok("ok", fallback);
  EXPECT_EQ(t.language, "es");
  EXPECT_FALSE(t.language_reliable);
  // A language without Snowball stemmer or stop words: stems are the words.
  t = Tok("東京の配送はとても遅かったです。サポートも返事がありませんでした。");
  EXPECT_EQ(t.language, "ja");
  for (const Token& token : t.tokens) EXPECT_EQ(t.stem(token), t.text(token));
  // stem = false: stems are the folded words.
  TokenizeOptions no_stem;
  no_stem.stem = false;
  t = Tok("Refunds were delayed", no_stem);
  EXPECT_EQ(t.stem(t.tokens[0]), "refunds");
}

TEST(TextTokenizer, BadOptionsAreInvalidArgument) {
  TokenizeOptions bad;
  bad.language = "English";
  EXPECT_EQ(Tokenizer::Create(bad).status().code(), CANDOR_INVALID_ARGUMENT);
  bad.language.clear();
  bad.fallback_language = "";
  EXPECT_EQ(Tokenizer::Create(bad).status().code(), CANDOR_INVALID_ARGUMENT);
}

TEST(TextTokenizer, CloneTokenizesTheSame) {
  TokenizeOptions options;
  options.language = "fr";
  auto original = Make(options);
  auto clone = original->Clone();
  ASSERT_TRUE(clone.ok());
  EXPECT_EQ((*clone)->options().language, "fr");
  TokenizedText a, b;
  ASSERT_TRUE(original->Tokenize("Les délais sont trop longs. Très déçu 😞", &a).ok());
  ASSERT_TRUE((*clone)->Tokenize("Les délais sont trop longs. Très déçu 😞", &b).ok());
  EXPECT_EQ(Folded(a), Folded(b));
  EXPECT_EQ(a.stems, b.stems);
  EXPECT_EQ(a.sentences.size(), 2u);
}

TEST(TextTokenizer, CloneWithOtherOptionsChangesOnlyThoseOptions) {
  auto original = Make(TokenizeOptions());
  TokenizeOptions plain = original->options();
  plain.stem = false;
  auto clone = original->Clone(plain);
  ASSERT_TRUE(clone.ok());
  EXPECT_FALSE((*clone)->options().stem);
  const std::string_view text = "Deliveries were running late. The agents helped!";
  TokenizedText stemmed, unstemmed;
  ASSERT_TRUE(original->Tokenize(text, &stemmed).ok());
  ASSERT_TRUE((*clone)->Tokenize(text, &unstemmed).ok());
  EXPECT_EQ(Folded(stemmed), Folded(unstemmed));
  EXPECT_EQ(stemmed.sentences.size(), unstemmed.sentences.size());
  EXPECT_FALSE(stemmed.stems_are_folded);
  EXPECT_TRUE(unstemmed.stems_are_folded);
  EXPECT_EQ(stemmed.stem(stemmed.tokens[0]), "deliveri");  // Snowball English
  EXPECT_EQ(unstemmed.stem(unstemmed.tokens[0]), "deliveries");
  TokenizeOptions bad = plain;
  bad.language = "English";
  EXPECT_EQ(original->Clone(bad).status().code(), CANDOR_INVALID_ARGUMENT);
}

TEST(TextTokenizer, WithoutStemmingStemsAreTheFoldedFormsUncopied) {
  TokenizeOptions options;
  options.stem = false;
  auto tokenizer = Make(options);
  TokenizedText t;
  ASSERT_TRUE(tokenizer->Tokenize("The Deliveries were running LATE, again :(", &t).ok());
  EXPECT_TRUE(t.stems_are_folded);
  EXPECT_TRUE(t.stems.empty());
  ASSERT_FALSE(t.tokens.empty());
  for (const Token& token : t.tokens) EXPECT_EQ(t.stem(token), t.text(token));
  EXPECT_TRUE(t.tokens[0].stop_word);    // "the"
  EXPECT_FALSE(t.tokens[1].stop_word);   // "deliveries"
  // Stemming again on the same output object fills the stems.
  auto stemming = Make();
  ASSERT_TRUE(stemming->Tokenize("The Deliveries were running LATE, again :(", &t).ok());
  EXPECT_FALSE(t.stems_are_folded);
  EXPECT_EQ(t.stem(t.tokens[1]), "deliveri");
}

TEST(TextTokenizer, ReusedOutputIsClearedFirst) {
  auto tokenizer = Make();
  TokenizedText t;
  ASSERT_TRUE(tokenizer->Tokenize("A long first comment. With two sentences!", &t).ok());
  ASSERT_TRUE(tokenizer->Tokenize("short", &t).ok());
  EXPECT_EQ(Folded(t), (V{"short"}));
  EXPECT_EQ(t.sentences.size(), 1u);
  EXPECT_EQ(t.stems, "short");
}

}  // namespace
}  // namespace candor::text
