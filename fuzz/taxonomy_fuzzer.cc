// Taxonomy JSON through the C ABI: candor_text_model_load_taxonomy of
// untrusted bytes; when one loads, every theme is read back (ids, parents,
// depths, paths must agree) and comments built from its own words are
// matched against it, so the compiled matcher runs on what the JSON defined.
//
// Input: a flags byte (bit 0: comments in repair mode), a separator position
// for the comments, then the JSON. The comments are the JSON's string
// contents, which hold the taxonomy's keywords and phrases.
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

candor_text_model* NewModel(bool repair) {
  candor_text_options options;
  candor_text_options_init(&options);
  options.invalid_utf8 = repair ? CANDOR_UTF8_REPAIR : CANDOR_UTF8_ERROR;
  options.language = "en";
  options.threads = 1;
  candor_text_model* model = nullptr;
  CANDOR_FUZZ_CHECK(candor_text_model_new(&options, &model) == CANDOR_OK, "candor_text_model_new");
  return model;
}

// The JSON's quoted strings, joined a few at a time into comments.
std::vector<std::string> Comments(std::string_view json) {
  std::vector<std::string> comments(1);
  bool inside = false;
  int strings = 0;
  for (char c : json) {
    if (c == '"') {
      inside = !inside;
      if (!inside && ++strings % 4 == 0) comments.emplace_back();
      if (comments.size() == 16) break;
      continue;
    }
    if (inside)
      comments.back().push_back(c);
    else if (c == ',')
      comments.back().append(". ");
  }
  return comments;
}

void CheckThemes(const candor_text_model* model) {
  const size_t count = candor_text_model_theme_count(model);
  for (size_t id = 0; id < count; ++id) {
    candor_taxonomy_theme theme;
    CANDOR_FUZZ_CHECK(candor_text_model_theme(model, id, &theme) == CANDOR_OK, "theme");
    CANDOR_FUZZ_CHECK(theme.name != nullptr && theme.path != nullptr, "theme strings");
    CANDOR_FUZZ_CHECK(theme.parent >= -1 && theme.parent < static_cast<int32_t>(id),
                      "a parent comes before its children");
    if (theme.parent == -1) {
      CANDOR_FUZZ_CHECK(theme.depth == 0, "a top-level theme has depth 0");
    } else {
      candor_taxonomy_theme parent;
      CANDOR_FUZZ_CHECK(candor_text_model_theme(model, theme.parent, &parent) == CANDOR_OK,
                        "parent theme");
      CANDOR_FUZZ_CHECK(theme.depth == parent.depth + 1, "depth is the parent's + 1");
    }
  }
  candor_taxonomy_theme past;
  CANDOR_FUZZ_CHECK(candor_text_model_theme(model, count, &past) == CANDOR_OUT_OF_RANGE,
                    "theme past the end");
}

void Match(const candor_text_model* model, std::string_view json) {
  const std::vector<std::string> comments = Comments(json);
  std::vector<const char*> texts;
  std::vector<size_t> sizes;
  for (const std::string& c : comments) {
    texts.push_back(c.data());
    sizes.push_back(c.size());
  }
  candor_text_results* results = nullptr;
  const candor_status s =
      candor_text_analyze(model, texts.data(), sizes.data(), texts.size(), &results);
  CheckStatus(s, "candor_text_analyze with a taxonomy");
  if (s != CANDOR_OK) return;
  const int64_t* comment = nullptr;
  const int64_t* sentence = nullptr;
  const int32_t* theme = nullptr;
  const double* sentiment = nullptr;
  const size_t mentions =
      candor_text_results_mentions(results, &comment, &sentence, &theme, &sentiment);
  const int64_t* sentence_comment = nullptr;
  const uint32_t* begin = nullptr;
  const uint32_t* end = nullptr;
  const double* sentence_sentiment = nullptr;
  const size_t sentences =
      candor_text_results_sentences(results, &sentence_comment, &begin, &end, &sentence_sentiment);
  const size_t themes = candor_text_model_theme_count(model);
  for (size_t m = 0; m < mentions; ++m) {
    CANDOR_FUZZ_CHECK(comment[m] >= 0 && static_cast<size_t>(comment[m]) < comments.size(),
                      "mention's comment");
    CANDOR_FUZZ_CHECK(sentence[m] >= 0 && static_cast<size_t>(sentence[m]) < sentences,
                      "mention's sentence");
    CANDOR_FUZZ_CHECK(theme[m] >= 0 && static_cast<size_t>(theme[m]) < themes, "mention's theme");
    CANDOR_FUZZ_CHECK(sentence_comment[sentence[m]] == comment[m], "mention's sentence's comment");
  }
  candor_text_results_free(results);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const uint8_t flags = in.Byte();
  const std::string_view json = in.Rest();

  // A taxonomy load replaces the model's taxonomy, so one model per UTF-8
  // policy serves every input (a model takes milliseconds to make).
  static candor_text_model* const kModels[2] = {NewModel(false), NewModel(true)};
  candor_text_model* model = kModels[flags & 1];
  const size_t themes_before = candor_text_model_theme_count(model);
  const candor_status s = candor_text_model_load_taxonomy(model, json.data(), json.size());
  CheckStatus(s, "candor_text_model_load_taxonomy");
  if (s == CANDOR_OK) {
    CheckThemes(model);
    Match(model, json);
  } else {
    CANDOR_FUZZ_CHECK(candor_text_model_theme_count(model) == themes_before,
                      "a failed load leaves the taxonomy as it was");
  }
  return 0;
}
