// Stop words for theme discovery and taxonomy matching, written for this
// project: function words (articles, pronouns, auxiliaries, prepositions,
// conjunctions) in their case-folded form. Negations ("not", "no", "never",
// "nunca", "nie", ...) are deliberately absent: they carry meaning in
// customer comments. Sentiment never consults these lists.
#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <candor/text.hpp>
#include <string_view>
#include <vector>

#include "word_memo.hpp"

namespace candor::text {
namespace {

// Each list is sorted once at first use; lookups are binary searches.
struct StopList {
  std::string_view language;
  std::vector<std::string_view> words;
};

std::vector<std::string_view> Sorted(std::vector<std::string_view> words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

const std::vector<StopList>& Lists() {
  static const std::vector<StopList>* lists = new std::vector<StopList>{
      {"en",
       Sorted({"a",       "about",     "above",   "after",   "again",      "all",      "also",
               "am",      "an",        "and",     "any",     "are",        "as",       "at",
               "be",      "because",   "been",    "before",  "being",      "below",    "between",
               "both",    "by",        "can",     "could",   "did",        "do",       "does",
               "doing",   "down",      "during",  "each",    "few",        "for",      "from",
               "further", "had",       "has",     "have",    "having",     "he",       "her",
               "here",    "hers",      "herself", "him",     "himself",    "his",      "how",
               "i",       "i'd",       "i'll",    "i'm",     "i've",       "if",       "in",
               "into",    "is",        "it",      "it's",    "its",        "itself",   "just",
               "let's",   "me",        "more",    "most",    "my",         "myself",   "of",
               "off",     "on",        "once",    "only",    "or",         "other",    "our",
               "ours",    "ourselves", "out",     "over",    "own",        "same",     "she",
               "should",  "so",        "some",    "such",    "than",       "that",     "that's",
               "the",     "their",     "theirs",  "them",    "themselves", "then",     "there",
               "there's", "these",     "they",    "they're", "this",       "those",    "through",
               "to",      "too",       "under",   "until",   "up",         "us",       "very",
               "was",     "we",        "we're",   "were",    "what",       "when",     "where",
               "which",   "while",     "who",     "whom",    "why",        "will",     "with",
               "would",   "you",       "you're",  "your",    "yours",      "yourself", "yourselves",
               "'s",      "s",         "t",       "get",     "got",        "one",      "would",
               "much",    "even",      "well",    "really"})},
      {"es",
       Sorted({"a",      "al",      "algo",    "algunos", "ante",  "antes",  "como",  "con",
               "contra", "cual",    "cuando",  "de",      "del",   "desde",  "donde", "durante",
               "e",      "el",      "ella",    "ellas",   "ellos", "en",     "entre", "era",
               "es",     "esa",     "esas",    "ese",     "eso",   "esos",   "esta",  "estaba",
               "estado", "estamos", "estar",   "este",    "esto",  "estos",  "estoy", "fue",
               "ha",     "han",     "hasta",   "hay",     "la",    "las",    "le",    "les",
               "lo",     "los",     "me",      "mi",      "mis",   "muy",    "nos",   "nosotros",
               "o",      "os",      "para",    "pero",    "por",   "porque", "que",   "qué",
               "se",     "sea",     "ser",     "si",      "sido",  "sin",    "sobre", "son",
               "su",     "sus",     "también", "te",      "tengo", "ti",     "tiene", "todo",
               "todos",  "tu",      "tus",     "un",      "una",   "uno",    "unos",  "vosotros",
               "y",      "ya",      "yo",      "él"})},
      {"fr",
       Sorted({"a",    "à",     "au",   "aux",   "avec",  "avoir", "c'est", "ce",   "cela", "ces",
               "cet",  "cette", "d'un", "d'une", "dans",  "de",    "des",   "du",   "elle", "elles",
               "en",   "est",   "et",   "été",   "être",  "eu",    "il",    "ils",  "j'ai", "je",
               "l'",   "la",    "le",   "les",   "leur",  "leurs", "lui",   "ma",   "mais", "me",
               "mes",  "moi",   "mon",  "même",  "nos",   "notre", "nous",  "on",   "ont",  "ou",
               "où",   "par",   "pour", "qu'il", "que",   "qui",   "sa",    "se",   "ses",  "son",
               "sont", "sur",   "ta",   "te",    "tes",   "toi",   "ton",   "tu",   "un",   "une",
               "vos",  "votre", "vous", "y",     "était", "avait", "fait",  "très", "aussi"})},
      {"de",
       Sorted({"aber", "als",   "am",    "an",    "auch",  "auf",    "aus",    "bei",    "bin",
               "bis",  "bist",  "da",    "damit", "dann",  "das",    "dass",   "dem",    "den",
               "der",  "des",   "die",   "dies",  "diese", "diesem", "diesen", "dieser", "dieses",
               "doch", "du",    "durch", "ein",   "eine",  "einem",  "einen",  "einer",  "eines",
               "er",   "es",    "für",   "hab",   "habe",  "haben",  "hat",    "hatte",  "ich",
               "ihm",  "ihn",   "ihr",   "ihre",  "im",    "in",     "ist",    "ja",     "man",
               "mein", "meine", "mich",  "mir",   "mit",   "nach",   "noch",   "nun",    "nur",
               "ob",   "oder",  "sehr",  "sein",  "seine", "sich",   "sie",    "sind",   "so",
               "um",   "und",   "uns",   "unser", "vom",   "von",    "vor",    "war",    "waren",
               "was",  "wenn",  "wie",   "wir",   "wird",  "wo",     "zu",     "zum",    "zur",
               "über"})},
      {"pt",
       Sorted({"a",      "ao",   "aos",   "as",    "à",      "às",     "com",   "como",   "da",
               "das",    "de",   "dela",  "dele",  "deles",  "do",     "dos",   "e",      "ela",
               "elas",   "ele",  "eles",  "em",    "entre",  "era",    "essa",  "esse",   "esta",
               "estava", "este", "estou", "eu",    "foi",    "for",    "há",    "isso",   "isto",
               "já",     "lhe",  "mais",  "mas",   "me",     "meu",    "minha", "muito",  "na",
               "nas",    "no",   "nos",   "nossa", "nosso",  "num",    "numa",  "o",      "os",
               "ou",     "para", "pela",  "pelo",  "por",    "porque", "qual",  "quando", "que",
               "se",     "seu",  "sua",   "são",   "também", "te",     "tem",   "ter",    "um",
               "uma",    "você", "vocês"})},
  };
  return *lists;
}

}  // namespace

const std::vector<std::string>& StopWordLanguages() {
  static const std::vector<std::string>* languages = [] {
    auto* out = new std::vector<std::string>;
    for (const StopList& list : Lists()) out->emplace_back(list.language);
    return out;
  }();
  return *languages;
}

bool IsStopWord(std::string_view folded_word, std::string_view language) {
  for (const StopList& list : Lists()) {
    if (list.language == language) {
      return std::binary_search(list.words.begin(), list.words.end(), folded_word);
    }
  }
  return false;
}

namespace internal {

// Every stop word of every list in one table: one lookup gives the languages
// (bit i: StopWordLanguages()[i]) a word is a stop word in.
uint8_t StopWordMask(std::string_view folded_word) {
  static const auto* table = [] {
    auto* t = new absl::flat_hash_map<absl::string_view, uint8_t>;
    const std::vector<StopList>& lists = Lists();
    for (size_t i = 0; i < lists.size(); ++i) {
      for (std::string_view w : lists[i].words) {
        (*t)[absl::string_view(w.data(), w.size())] |= static_cast<uint8_t>(1u << i);
      }
    }
    return t;
  }();
  const auto it = table->find(absl::string_view(folded_word.data(), folded_word.size()));
  return it == table->end() ? 0 : it->second;
}

}  // namespace internal
}  // namespace candor::text
