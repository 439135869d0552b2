// bench/pii_bench.cc — candor::pii::RedactPii and
// candor::intents::ClassifyIntents over the comments of a file (one per
// line, written by bench/peers_pii.py, which times Python's `re` and the
// Python API on the same file in bench/run_pii.sh). Plain clocks: prints
// JSON with the median of --reps passes over all comments.
//   --data=FILE (required)  --reps=N (5)
#include <candor/intents.hpp>
#include <candor/pii.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "bench_flags.hpp"

namespace {

template <typename Pass>
double MedianSeconds(int reps, Pass pass) {
  std::vector<double> times;
  for (int r = 0; r < reps; ++r) {
    const auto start = std::chrono::steady_clock::now();
    pass();
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::string data;
  size_t reps = 5;
  candor::bench::TakeFlags(&argc, argv,
                           {candor::bench::Flag("data", &data), candor::bench::Flag("reps", &reps)});
  std::ifstream in(data);
  if (data.empty() || !in) {
    std::fprintf(stderr, "pii_bench: --data=FILE of comments, one per line\n");
    return 2;
  }
  std::vector<std::string> comments;
  for (std::string line; std::getline(in, line);) comments.push_back(line);
  size_t spans = 0, flagged = 0;
  const double redact = MedianSeconds(static_cast<int>(reps), [&] {
    spans = 0;
    for (const std::string& comment : comments) {
      auto result = candor::pii::RedactPii(comment);
      spans += result.ok() ? result->spans.size() : 0;
    }
  });
  const double intents = MedianSeconds(static_cast<int>(reps), [&] {
    flagged = 0;
    for (const std::string& comment : comments) {
      auto result = candor::intents::ClassifyIntents(comment);
      flagged += result.ok() && result->intents != 0;
    }
  });
  std::printf(
      "{\"comments\": %zu, \"redact_s\": %.6f, \"intents_s\": %.6f, \"spans\": %zu, "
      "\"with_intent\": %zu}\n",
      comments.size(), redact, intents, spans, flagged);
  return 0;
}
