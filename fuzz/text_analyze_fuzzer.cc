// Text analysis through the C ABI: candor_text_analyze on arbitrary bytes,
// with invalid UTF-8 an error or repaired, the language given, empty (CLD2
// detects it) or raw from the input. Every column must hold one value per
// comment, in range; spans must lie inside the (repaired) comment; in error
// mode invalid UTF-8 must be CANDOR_INVALID_UTF8, and in repair mode the
// batch must succeed.
//
// Input: the UTF-8 policy (a raw int), a language choice, a fallback choice,
// (raw language strings when chosen), then comments separated by 0x1e.
#include <candor/csv.hpp>
#include <map>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

const char* const kLanguages[] = {nullptr, "",   "en",  "de", "fr", "es", "pt",
                                  "nl",    "it", "und", "zz", "ja", "ru", "xx-not-a-language"};
constexpr size_t kLanguageCount = sizeof(kLanguages) / sizeof(kLanguages[0]);

void CheckResults(const candor_text_results* results, const std::vector<std::string_view>& texts,
                  bool repair) {
  const size_t n = texts.size();
  CANDOR_FUZZ_CHECK(candor_text_results_count(results) == n, "one result per comment");
  const double* sentiment = candor_text_results_sentiment(results);
  const int32_t* urgency = candor_text_results_urgency(results);
  const uint32_t* mask = candor_text_results_urgency_mask(results);
  const uint8_t* repaired = candor_text_results_repaired(results);
  for (size_t i = 0; i < n; ++i) {
    CANDOR_FUZZ_CHECK(sentiment[i] >= -1 && sentiment[i] <= 1, "sentiment in [-1, 1]");
    for (int e = 0; e < CANDOR_EMOTION_COUNT; ++e) {
      const double v = candor_text_results_emotion(results, static_cast<candor_emotion>(e))[i];
      CANDOR_FUZZ_CHECK(v >= 0 && v <= 1, "emotion in [0, 1]");
    }
    CANDOR_FUZZ_CHECK(urgency[i] >= CANDOR_URGENCY_NONE && urgency[i] <= CANDOR_URGENCY_UNRESOLVED,
                      "urgency category");
    CANDOR_FUZZ_CHECK((urgency[i] == CANDOR_URGENCY_NONE) == (mask[i] == 0),
                      "urgency category iff some bit set");
    const bool invalid = candor::FindInvalidUtf8(texts[i]).has_value();
    CANDOR_FUZZ_CHECK(repaired[i] == (invalid ? 1 : 0), "repaired iff invalid");
    (void)repair;
    uint32_t begin = 0;
    uint32_t end = 0;
    const char* reason = candor_text_results_urgency_reason(results, i, &begin, &end);
    CANDOR_FUZZ_CHECK(reason != nullptr && begin <= end, "urgency span");
    if (!invalid) CANDOR_FUZZ_CHECK(end <= texts[i].size(), "urgency span inside the comment");
    const char* language = candor_text_results_language(results, i);
    CANDOR_FUZZ_CHECK(language != nullptr, "language");
  }
  CANDOR_FUZZ_CHECK(candor_text_results_language(results, n) == nullptr, "language past end");
  CANDOR_FUZZ_CHECK(candor_text_results_urgency_reason(results, n, nullptr, nullptr) == nullptr,
                    "reason past end");
  const int64_t* comment = nullptr;
  const uint32_t* begin = nullptr;
  const uint32_t* end = nullptr;
  const double* sentence_sentiment = nullptr;
  const size_t sentences =
      candor_text_results_sentences(results, &comment, &begin, &end, &sentence_sentiment);
  for (size_t k = 0; k < sentences; ++k) {
    CANDOR_FUZZ_CHECK(comment[k] >= 0 && static_cast<size_t>(comment[k]) < n, "sentence comment");
    CANDOR_FUZZ_CHECK(k == 0 || comment[k] >= comment[k - 1], "sentences in comment order");
    CANDOR_FUZZ_CHECK(begin[k] <= end[k], "sentence span");
    if (!repaired[comment[k]]) {
      CANDOR_FUZZ_CHECK(end[k] <= texts[comment[k]].size(), "sentence inside its comment");
    }
    CANDOR_FUZZ_CHECK(sentence_sentiment[k] >= -1 && sentence_sentiment[k] <= 1,
                      "sentence sentiment in [-1, 1]");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const uint8_t policy_byte = in.Byte();
  const int policy = policy_byte < 0xf0 ? policy_byte % 2 : static_cast<int8_t>(policy_byte);
  const uint8_t language_choice = in.Byte();
  const uint8_t fallback_choice = in.Byte();
  std::string language_raw;
  std::string fallback_raw;
  if (language_choice >= 0xf0) language_raw = in.String(16);
  if (fallback_choice >= 0xf0) fallback_raw = in.String(16);
  const std::vector<std::string_view> texts = candor_fuzz::Split(in.Rest(), '\x1e', 64);

  candor_text_options options;
  candor_text_options_init(&options);
  candor_fuzz::SetRawEnum(&options.invalid_utf8, policy);
  options.language =
      language_choice >= 0xf0 ? language_raw.c_str() : kLanguages[language_choice % kLanguageCount];
  options.fallback_language =
      fallback_choice >= 0xf0 ? fallback_raw.c_str() : kLanguages[fallback_choice % kLanguageCount];
  options.threads = 1;
  // Models are immutable once made: keep one per option set (a model takes
  // milliseconds to make, longer than most analyses here).
  static std::map<std::string, candor_text_model*>* const kModels =
      new std::map<std::string, candor_text_model*>;
  const std::string key =
      std::to_string(policy) + "|" +
      (options.language ? std::string("=") + options.language : "NULL") + "|" +
      (options.fallback_language ? std::string("=") + options.fallback_language : "NULL");
  candor_text_model* model = nullptr;
  auto cached = kModels->find(key);
  if (cached != kModels->end()) {
    model = cached->second;
  } else {
    const candor_status made = candor_text_model_new(&options, &model);
    CheckStatus(made, "candor_text_model_new");
    if (policy != CANDOR_UTF8_ERROR && policy != CANDOR_UTF8_REPAIR) {
      CANDOR_FUZZ_CHECK(made != CANDOR_OK, "an unknown UTF-8 policy fails");
    }
    if (made != CANDOR_OK) return 0;
    if (kModels->size() == 64) {
      for (auto& entry : *kModels) candor_text_model_free(entry.second);
      kModels->clear();
    }
    kModels->emplace(key, model);
  }

  std::vector<const char*> pointers;
  std::vector<size_t> sizes;
  bool any_invalid = false;
  for (std::string_view t : texts) {
    pointers.push_back(t.data());
    sizes.push_back(t.size());
    any_invalid = any_invalid || candor::FindInvalidUtf8(t).has_value();
  }
  candor_text_results* results = nullptr;
  const candor_status s =
      candor_text_analyze(model, pointers.data(), sizes.data(), texts.size(), &results);
  CheckStatus(s, "candor_text_analyze");
  const bool repair = policy == CANDOR_UTF8_REPAIR;
  if (repair || !any_invalid) {
    // Unknown language codes may be refused; nothing else may fail.
    CANDOR_FUZZ_CHECK(s == CANDOR_OK || s == CANDOR_INVALID_ARGUMENT || s == CANDOR_UNSUPPORTED,
                      "valid text is analyzed");
  } else {
    CANDOR_FUZZ_CHECK(
        s == CANDOR_INVALID_UTF8 || s == CANDOR_INVALID_ARGUMENT || s == CANDOR_UNSUPPORTED,
        "invalid UTF-8 is CANDOR_INVALID_UTF8 in error mode");
  }
  if (s == CANDOR_OK) CheckResults(results, texts, repair);
  candor_text_results_free(results);
  return 0;
}
