// bench/text_tokenizer_bench.cc — the tokenizer on the 4,000 fine-food reviews
// (bench/data/fine_foods_train.csv): reviews/s and MB/s on one thread for the
// ASCII fast path and for the ICU path on the same reviews, with language
// detection (CLD2) and with the language given, and for the segmenters alone.
// The median of --reps passes over all reviews in thread CPU time (warm
// caches: the first pass is not timed).
//
// Then MatchThemes with the starter taxonomy on the tokenized reviews.
//
//   --data=FILE (bench/data/fine_foods_train.csv)  --reps=N (7)
//   --taxonomy=FILE (data/taxonomies/cx_starter.json)  --fast-only
#include <algorithm>
#include <candor/csv.hpp>
#include <candor/text.hpp>
#include <candor/text_taxonomy.hpp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "bench_io.hpp"
#include "segment.hpp"

namespace {

// The "review" column of the CSV file (candor's own reader).
std::vector<std::string> ReadReviews(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto columns = candor::ParseCsvColumns(buffer.str(), {"review"});
  if (!columns.ok()) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), columns.status().message().c_str());
    std::exit(2);
  }
  return std::move(columns->front());
}

// This thread's CPU time: the machine is shared, and wall time would count
// the time other processes held the core.
double ThreadSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

template <typename F>
double TimePasses(int reps, F&& pass) {
  pass();  // warm-up: stem caches, ICU data
  std::vector<double> seconds;
  for (int r = 0; r < reps; ++r) {
    const double start = ThreadSeconds();
    pass();
    seconds.push_back(ThreadSeconds() - start);
  }
  return candor::bench::Median(seconds);
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = "bench/data/fine_foods_train.csv";
  std::string taxonomy_path = "data/taxonomies/cx_starter.json";
  int reps = 7;
  bool fast_only = false;  // --fast-only: just the first variant (for perf stat)
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--data=", 7) == 0) path = argv[i] + 7;
    if (std::strncmp(argv[i], "--reps=", 7) == 0) reps = std::atoi(argv[i] + 7);
    if (std::strcmp(argv[i], "--fast-only") == 0) fast_only = true;
    if (std::strncmp(argv[i], "--taxonomy=", 11) == 0) taxonomy_path = argv[i] + 11;
  }
  const std::vector<std::string> reviews = ReadReviews(path);
  size_t bytes = 0, ascii = 0;
  for (const std::string& r : reviews) {
    bytes += r.size();
    ascii += std::all_of(r.begin(), r.end(),
                         [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  }
  std::printf("{\"reviews\": %zu, \"ascii_reviews\": %zu, \"mean_bytes\": %.1f, \"reps\": %d,\n",
              reviews.size(), ascii, static_cast<double>(bytes) / reviews.size(), reps);

  auto report = [&](const char* name, double seconds, bool last) {
    std::printf(
        "  \"%s\": {\"seconds\": %.5f, \"reviews_per_s\": %.0f, \"mb_per_s\": %.1f, "
        "\"us_per_review\": %.2f}%s\n",
        name, seconds, reviews.size() / seconds, bytes / seconds / 1e6,
        seconds / reviews.size() * 1e6, last ? "" : ",");
  };
  size_t sink = 0;
  for (int variant = 0; variant < (fast_only ? 1 : 4); ++variant) {
    candor::text::TokenizeOptions options;
    options.ascii_fast_path = variant % 2 == 0;
    if (variant >= 2) options.language = "en";
    auto tokenizer = candor::text::Tokenizer::Create(options);
    if (!tokenizer.ok()) {
      std::fprintf(stderr, "%s\n", tokenizer.status().message().c_str());
      return 1;
    }
    candor::text::TokenizedText out;
    const double s = TimePasses(reps, [&] {
      for (const std::string& r : reviews) {
        if (!(*tokenizer)->Tokenize(r, &out).ok()) std::abort();
        sink += out.tokens.size();
      }
    });
    static const char* kNames[] = {
        "tokenize_fast_path_detect_language", "tokenize_icu_path_detect_language",
        "tokenize_fast_path_language_given", "tokenize_icu_path_language_given"};
    report(kNames[variant], s, fast_only);
  }
  if (fast_only) {
    std::printf("}\n");
    return sink == 0;
  }
  // The segmenters alone (word and sentence boundaries, nothing else).
  std::vector<candor::text::internal::Segment> words;
  std::vector<uint32_t> breaks;
  const double fast_segment = TimePasses(reps, [&] {
    for (const std::string& r : reviews) {
      candor::text::internal::AsciiWordSegments(r, &words);
      candor::text::internal::AsciiSentenceBreaks(r, &breaks);
      sink += words.size() + breaks.size();
    }
  });
  report("segment_ascii_fast_path", fast_segment, false);
  auto icu = candor::text::internal::IcuSegmenter::Create();
  const double icu_segment = TimePasses(reps, [&] {
    for (const std::string& r : reviews) {
      if (!(*icu)->WordSegments(r, &words).ok() || !(*icu)->SentenceBreaks(r, &breaks).ok())
        std::abort();
      sink += words.size() + breaks.size();
    }
  });
  report("segment_icu", icu_segment, false);

  // Taxonomy matching with the starter taxonomy on the tokenized reviews.
  auto taxonomy = candor::text::Taxonomy::FromFile(taxonomy_path);
  if (!taxonomy.ok()) {
    std::fprintf(stderr, "%s\n", taxonomy.status().message().c_str());
    return 1;
  }
  auto tokenizer = candor::text::Tokenizer::Create();
  std::vector<candor::text::TokenizedText> texts(reviews.size());
  for (size_t i = 0; i < reviews.size(); ++i) {
    if (!(*tokenizer)->Tokenize(reviews[i], &texts[i]).ok()) std::abort();
  }
  std::vector<candor::text::ThemeMention> mentions;
  size_t mentioned = 0;
  const double match = TimePasses(reps, [&] {
    mentioned = 0;
    for (const candor::text::TokenizedText& text : texts) {
      mentions.clear();
      candor::text::MatchThemes(*taxonomy, text, &mentions);
      mentioned += mentions.size();
    }
  });
  report("match_starter_taxonomy", match, true);
  std::printf("}\n");
  std::fprintf(stderr, "starter taxonomy: %zu themes, %zu mentions in %zu reviews\n",
               taxonomy->size(), mentioned, reviews.size());
  sink += mentioned;
  return sink == 0;  // keeps the work observable
}
