// Scores a CSV of comments with candor's sentiment analyzer, for the
// cross-validation harness (bench/sentiment_cv.py) and the side-by-side run
// with VADER and AFINN (bench/run_sentiment.sh).
//
//   candor_sentiment_eval CSV --grid PARAMS.txt --out SCORES.txt
//       tokenizes every comment once, then for each line of PARAMS.txt
//       ("name=value name=value ...", SentimentOptions field names; empty
//       line = defaults) writes one line of scores (one per comment).
//   candor_sentiment_eval CSV --time REPS --threads T --out RUN.json
//       the full pipeline from raw text (tokenize + sentiment + emotions +
//       urgency, AnalyzeSentimentBatch) with the default options: one
//       untimed warm-up pass, then REPS timed passes; writes the scores and
//       the seconds of each pass.
//   --column NAME (default "review")
//   --language CODE (default "en"; "detect": detect per comment, the default pipeline)
#include <candor/csv.hpp>
#include <candor/text_sentiment.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using candor::text::SentimentOptions;

bool SetOption(SentimentOptions* o, const std::string& name, double v) {
  if (name == "negation_positive") o->negation_positive = v;
  else if (name == "negation_negative") o->negation_negative = v;
  else if (name == "negation_window") o->negation_window = static_cast<int>(v);
  else if (name == "contrast_before") o->contrast_before = v;
  else if (name == "contrast_after") o->contrast_after = v;
  else if (name == "caps_boost") o->caps_boost = v;
  else if (name == "exclamation_boost") o->exclamation_boost = v;
  else if (name == "question_factor") o->question_factor = v;
  else if (name == "length_offset") o->length_offset = v;
  else if (name == "length_exponent") o->length_exponent = v;
  else if (name == "squash_alpha") o->squash_alpha = v;
  else return false;
  return true;
}

int Fail(const std::string& message) {
  std::cerr << "candor_sentiment_eval: " << message << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    return Fail("usage: candor_sentiment_eval CSV (--grid FILE | --time REPS [--threads T]) --out FILE");
  }
  std::string csv = argv[1], grid, out_path, column = "review", language = "en";
  int reps = 0, threads = 1;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--grid") grid = value;
    else if (flag == "--out") out_path = value;
    else if (flag == "--column") column = value;
    else if (flag == "--time") reps = std::atoi(value.c_str());
    else if (flag == "--threads") threads = std::atoi(value.c_str());
    else if (flag == "--language") language = value == "detect" ? "" : value;
    else return Fail("unknown flag " + flag);
  }
  if (out_path.empty() || (grid.empty() == (reps <= 0))) {
    return Fail("give --out and exactly one of --grid FILE or --time REPS");
  }
  std::ifstream in(csv, std::ios::binary);
  if (!in) return Fail("cannot open " + csv);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string data = buffer.str();
  auto columns = candor::ParseCsvColumns(data, {column});
  if (!columns.ok()) return Fail(columns.status().message());
  const std::vector<std::string>& texts = (*columns)[0];
  std::vector<std::string_view> views(texts.begin(), texts.end());

  candor::text::TokenizeOptions tokenize;
  // The corpus is English: "en" skips per-comment detection; --language
  // detect measures the default pipeline (stop-word vote, else CLD2).
  tokenize.language = language;
  tokenize.stem = false;     // sentiment reads folded words, not stems
  const candor::text::Lexicon lexicon = candor::text::Lexicon::BuiltIn();
  std::ofstream out(out_path);
  if (!out) return Fail("cannot write " + out_path);

  if (!grid.empty()) {
    auto tokenizer = candor::text::Tokenizer::Create(tokenize);
    if (!tokenizer.ok()) return Fail(tokenizer.status().message());
    std::vector<candor::text::TokenizedText> tokens(texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
      candor::Status st = (*tokenizer)->Tokenize(texts[i], &tokens[i]);
      if (!st.ok()) return Fail("row " + std::to_string(i + 1) + ": " + st.message());
    }
    std::ifstream params(grid);
    if (!params) return Fail("cannot open " + grid);
    std::string line;
    candor::text::CommentSentiment result;
    char number[32];
    while (std::getline(params, line)) {
      SentimentOptions options;
      std::istringstream fields(line);
      std::string field;
      while (fields >> field) {
        const size_t eq = field.find('=');
        if (eq == std::string::npos) return Fail("bad parameter " + field);
        if (!SetOption(&options, field.substr(0, eq), std::atof(field.c_str() + eq + 1))) {
          return Fail("unknown parameter " + field);
        }
      }
      auto analyzer = candor::text::SentimentAnalyzer::Create(lexicon, options);
      if (!analyzer.ok()) return Fail(analyzer.status().message());
      for (size_t i = 0; i < tokens.size(); ++i) {
        (*analyzer)->Analyze(tokens[i], &result);
        std::snprintf(number, sizeof number, "%.9g", result.score);
        out << (i ? " " : "") << number;
      }
      out << "\n";
    }
    return 0;
  }

  auto analyzer = candor::text::SentimentAnalyzer::Create(lexicon);
  if (!analyzer.ok()) return Fail(analyzer.status().message());
  candor::text::SentimentColumns result;
  std::vector<double> seconds;
  for (int r = 0; r <= reps; ++r) {
    const auto start = std::chrono::steady_clock::now();
    candor::Status st = candor::text::AnalyzeSentimentBatch(**analyzer, tokenize, views.data(),
                                                           views.size(), threads, &result);
    const auto stop = std::chrono::steady_clock::now();
    if (!st.ok()) return Fail(st.message());
    if (r > 0) seconds.push_back(std::chrono::duration<double>(stop - start).count());
  }
  size_t urgent = 0;
  for (uint8_t u : result.urgent) urgent += u;
  out << "{\"n\": " << texts.size() << ", \"threads\": " << threads << ", \"urgent\": " << urgent
      << ", \"seconds\": [";
  for (size_t i = 0; i < seconds.size(); ++i) out << (i ? ", " : "") << seconds[i];
  out << "], \"score\": [";
  char number[32];
  for (size_t i = 0; i < result.score.size(); ++i) {
    std::snprintf(number, sizeof number, "%.9g", result.score[i]);
    out << (i ? ", " : "") << number;
  }
  out << "]}\n";
  return 0;
}
