// Lexicon files in the three formats (candor, VADER, AFINN) through the C
// ABI: candor_text_model_load_lexicon from memory, merged or replacing; when
// one loads, comments are analyzed with it (the lexicon's own terms among
// them) and every sentiment must stay in [-1, 1].
//
// Input: the format (a raw int: also values that are no format), a flags
// byte (bit 0: replace; bit 1: also through candor_text_model_load_lexicon_file),
// then the lexicon.
#include <sys/mman.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

candor_text_model* NewModel() {
  candor_text_options options;
  candor_text_options_init(&options);
  options.invalid_utf8 = CANDOR_UTF8_REPAIR;
  options.language = "en";
  options.threads = 1;
  candor_text_model* model = nullptr;
  CANDOR_FUZZ_CHECK(candor_text_model_new(&options, &model) == CANDOR_OK, "candor_text_model_new");
  return model;
}

void Analyze(const candor_text_model* model, std::string_view lexicon) {
  // A fixed comment, and the lexicon's first lines as comments (its terms).
  std::vector<std::string> texts = {"The support was great but the refund never came."};
  for (std::string_view line : candor_fuzz::Split(lexicon, '\n', 8)) {
    texts.emplace_back(line.substr(0, 200));
  }
  std::vector<const char*> pointers;
  std::vector<size_t> sizes;
  for (const std::string& t : texts) {
    pointers.push_back(t.data());
    sizes.push_back(t.size());
  }
  candor_text_results* results = nullptr;
  const candor_status s =
      candor_text_analyze(model, pointers.data(), sizes.data(), texts.size(), &results);
  CheckStatus(s, "candor_text_analyze with a loaded lexicon");
  CANDOR_FUZZ_CHECK(s == CANDOR_OK, "analysis in repair mode succeeds");
  const double* sentiment = candor_text_results_sentiment(results);
  for (size_t i = 0; i < texts.size(); ++i) {
    CANDOR_FUZZ_CHECK(sentiment[i] >= -1 && sentiment[i] <= 1, "sentiment in [-1, 1]");
  }
  candor_text_results_free(results);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const uint8_t format_byte = in.Byte();
  // Mostly the three formats; sometimes an int that is none of them.
  const int format = format_byte < 0xf0 ? format_byte % 3 : static_cast<int8_t>(format_byte);
  const uint8_t flags = in.Byte();
  const std::string_view lexicon = in.Rest();

  static const size_t kBuiltinSize = [] {
    candor_text_model* builtin = NewModel();
    const size_t size = candor_text_model_lexicon_size(builtin);
    candor_text_model_free(builtin);
    return size;
  }();
  // Replacing makes the lexicon depend on this input only, so one model
  // serves every replacing load; merging needs a fresh model with the
  // built-in lexicon (a model takes milliseconds to make).
  const bool replace = flags & 1;
  static candor_text_model* const kReplaced[2] = {NewModel(), NewModel()};
  candor_text_model* model = replace ? kReplaced[0] : NewModel();
  const size_t size_before = candor_text_model_lexicon_size(model);
  const candor_status s = candor_text_model_load_lexicon(
      model, lexicon.data(), lexicon.size(), static_cast<candor_lexicon_format>(format), replace);
  CheckStatus(s, "candor_text_model_load_lexicon");
  if (format < 0 || format > 2) CANDOR_FUZZ_CHECK(s != CANDOR_OK, "an unknown format fails");
  if (s == CANDOR_OK) {
    if (!replace) {
      CANDOR_FUZZ_CHECK(candor_text_model_lexicon_size(model) >= kBuiltinSize,
                        "merging never shrinks the lexicon");
    }
    Analyze(model, lexicon);
  } else {
    CANDOR_FUZZ_CHECK(candor_text_model_lexicon_size(model) == size_before,
                      "a failed load leaves the lexicon as it was");
  }

  // The same bytes from a file load the same way.
  if (flags & 2) {
    const int fd = memfd_create("candor_fuzz_lexicon", MFD_CLOEXEC);
    if (fd >= 0 &&
        write(fd, lexicon.data(), lexicon.size()) == static_cast<ssize_t>(lexicon.size())) {
      const std::string path = "/proc/self/fd/" + std::to_string(fd);
      candor_text_model* from_file = replace ? kReplaced[1] : NewModel();
      const candor_status file_status = candor_text_model_load_lexicon_file(
          from_file, path.c_str(), static_cast<candor_lexicon_format>(format), replace);
      CheckStatus(file_status, "candor_text_model_load_lexicon_file");
      CANDOR_FUZZ_CHECK(file_status == s, "file and memory loads agree on the status");
      if (s == CANDOR_OK) {
        CANDOR_FUZZ_CHECK(
            candor_text_model_lexicon_size(from_file) == candor_text_model_lexicon_size(model),
            "file and memory loads agree on the size");
      }
      if (!replace) candor_text_model_free(from_file);
    }
    if (fd >= 0) close(fd);
  }
  if (!replace) candor_text_model_free(model);
  return 0;
}
