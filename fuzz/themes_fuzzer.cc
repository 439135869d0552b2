// Theme discovery through the C ABI: candor_themes_discover on a small corpus
// from the input (one comment per line) with options from the input (one
// thread), then every accessor. Weights rows sum to 1 or are all 0, the
// dominant theme is in range, the CSR matrices are well formed.
//
// Input: option bytes (see Options below), then the comments, one per line.
#include <cmath>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

struct Strings {
  std::string language;
  std::string stop_words;
};

candor_themes_options Options(FuzzInput& in, Strings* strings) {
  candor_themes_options o;
  candor_themes_options_init(&o);
  const uint8_t change = in.Byte();
  o.k = static_cast<int8_t>(in.Byte()) % 8;
  o.k_min = static_cast<int8_t>(in.Byte()) % 8;
  o.k_max = o.k_min + static_cast<int8_t>(in.Byte()) % 4;  // a few candidates: each is a fit
  if (change & 1) {
    o.top_terms = static_cast<int8_t>(in.Byte());
    o.label_phrases = static_cast<int8_t>(in.Byte());
    o.min_word_length = static_cast<int8_t>(in.Byte());
  }
  if (change & 2) {
    o.min_df = static_cast<int8_t>(in.Byte());
    o.max_df = candor_fuzz::InterestingDouble(in);
  }
  if (change & 4) {
    o.bigrams = in.Byte() & 1;
    o.bigram_min_count = static_cast<int8_t>(in.Byte());
    o.bigram_min_npmi = candor_fuzz::InterestingDouble(in);
  }
  const uint8_t bits = in.Byte();
  o.stems = bits & 1;
  o.sublinear_tf = (bits >> 1) & 1;
  o.repair_utf8 = (bits >> 2) & 1;
  candor_fuzz::SetRawEnum(&o.init, static_cast<int>(in.Below(4)));
  candor_fuzz::SetRawEnum(&o.svd, static_cast<int>(in.Below(4)));
  o.max_iter = static_cast<int8_t>(in.Byte()) % 30;  // a long fit is slow, not wrong
  if (change & 8) o.tol = candor_fuzz::InterestingDouble(in);
  o.seed = in.Byte();
  o.threads = 1;
  const uint8_t language = in.Byte();
  static const char* const kLanguages[] = {"en", "de", "fr", "es"};
  if (language < 0x80) {
    o.language = nullptr;  // detect
  } else if (language < 0xf0) {
    o.language = kLanguages[language % 4];
  } else {
    strings->language = in.String(8);
    o.language = strings->language.c_str();
  }
  if (change & 16) {
    strings->stop_words = in.String(64);
    o.extra_stop_words = strings->stop_words.c_str();
  }
  return o;
}

void CheckThemes(const candor_themes* themes, size_t documents) {
  candor_themes_summary summary;
  CANDOR_FUZZ_CHECK(candor_themes_summary_get(themes, &summary) == CANDOR_OK, "summary");
  CANDOR_FUZZ_CHECK(summary.k >= 1 && summary.documents == static_cast<int64_t>(documents),
                    "summary counts");
  const size_t k = static_cast<size_t>(summary.k);
  for (size_t t = 0; t < k; ++t) {
    candor_theme_info info;
    CANDOR_FUZZ_CHECK(candor_themes_theme_at(themes, t, &info) == CANDOR_OK, "theme_at");
    CANDOR_FUZZ_CHECK(info.label != nullptr, "label");
    for (size_t i = 0; i < info.top_terms; ++i) {
      CANDOR_FUZZ_CHECK(candor_themes_top_term(themes, t, i, nullptr) != nullptr, "top term");
    }
    CANDOR_FUZZ_CHECK(candor_themes_top_term(themes, t, info.top_terms, nullptr) == nullptr,
                      "top term past end");
    for (size_t i = 0; i < info.key_phrases; ++i) {
      CANDOR_FUZZ_CHECK(candor_themes_key_phrase(themes, t, i, nullptr) != nullptr, "phrase");
    }
  }
  candor_theme_info info;
  CANDOR_FUZZ_CHECK(candor_themes_theme_at(themes, k, &info) == CANDOR_OUT_OF_RANGE,
                    "theme past end");
  const double* weights = candor_themes_weights(themes);
  const int32_t* dominant = candor_themes_dominant(themes);
  for (size_t d = 0; d < documents; ++d) {
    double sum = 0;
    for (size_t t = 0; t < k; ++t) {
      CANDOR_FUZZ_CHECK(weights[d * k + t] >= 0 && std::isfinite(weights[d * k + t]),
                        "theme weights finite and >= 0");
      sum += weights[d * k + t];
    }
    CANDOR_FUZZ_CHECK(sum == 0 || std::fabs(sum - 1) < 1e-6, "a row sums to 1 or 0");
    CANDOR_FUZZ_CHECK(dominant[d] >= -1 && dominant[d] < static_cast<int32_t>(k), "dominant");
    // -1 also when the row's largest weight is tiny next to W's largest.
    if (sum == 0) CANDOR_FUZZ_CHECK(dominant[d] == -1, "no weight, no dominant theme");
    for (size_t t = 0; dominant[d] >= 0 && t < k; ++t) {
      CANDOR_FUZZ_CHECK(weights[d * k + t] <= weights[d * k + static_cast<size_t>(dominant[d])],
                        "the dominant theme has the row's largest weight");
    }
  }
  const size_t terms = static_cast<size_t>(summary.terms);
  for (size_t i = 0; i < terms; ++i) {
    CANDOR_FUZZ_CHECK(candor_themes_term(themes, i) != nullptr, "term");
  }
  CANDOR_FUZZ_CHECK(candor_themes_term(themes, terms) == nullptr, "term past end");
  for (int32_t tfidf = 0; tfidf < 2; ++tfidf) {
    const int64_t* row_ptr = nullptr;
    const int32_t* cols = nullptr;
    const double* values = nullptr;
    CANDOR_FUZZ_CHECK(candor_themes_matrix(themes, tfidf, &row_ptr, &cols, &values) == CANDOR_OK,
                      "matrix");
    CANDOR_FUZZ_CHECK(row_ptr[0] == 0, "row_ptr starts at 0");
    for (size_t d = 0; d < documents; ++d) {
      CANDOR_FUZZ_CHECK(row_ptr[d + 1] >= row_ptr[d], "row_ptr non-decreasing");
      for (int64_t e = row_ptr[d]; e < row_ptr[d + 1]; ++e) {
        CANDOR_FUZZ_CHECK(cols[e] >= 0 && static_cast<size_t>(cols[e]) < terms, "column index");
        CANDOR_FUZZ_CHECK(std::isfinite(values[e]) && values[e] >= 0, "matrix value");
      }
    }
  }
  const int32_t* k_tried = nullptr;
  const double* coherence = nullptr;
  const size_t tried = candor_themes_k_tried(themes, &k_tried, &coherence);
  for (size_t i = 0; i < tried; ++i) CANDOR_FUZZ_CHECK(k_tried[i] >= 1, "k tried");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  Strings strings;
  const candor_themes_options options = Options(in, &strings);
  // A small corpus (48 comments of at most 240 bytes): the exact SVD and the
  // NMF fits under ASan cost milliseconds per comment.
  const std::vector<std::string_view> lines = candor_fuzz::Split(in.Rest(), '\n', 48);
  std::vector<const char*> texts;
  std::vector<size_t> lengths;
  for (std::string_view line : lines) {
    texts.push_back(line.data());
    lengths.push_back(line.size() < 240 ? line.size() : 240);
  }
  candor_themes* themes = nullptr;
  const candor_status s =
      candor_themes_discover(&options, texts.data(), lengths.data(), texts.size(), &themes);
  CheckStatus(s, "candor_themes_discover");
  CANDOR_FUZZ_CHECK((s == CANDOR_OK) == (themes != nullptr), "a handle iff CANDOR_OK");
  if (themes != nullptr) CheckThemes(themes, texts.size());
  candor_themes_free(themes);
  return 0;
}
