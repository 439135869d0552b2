// candor themes: the text pipeline over a CSV column of comments, themes
// from a taxonomy or discovered, and with scores the themes' drivers.
#include <algorithm>
#include <candor/csv.hpp>
#include <candor/drivers.hpp>
#include <candor/text_discovery.hpp>
#include <candor/text_model.hpp>
#include <candor/text_taxonomy.hpp>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "data.hpp"
#include "dialect.hpp"
#include "normal_quantile.hpp"
#include "progress_bar.hpp"
#include "themes_report.hpp"

namespace candor::cli {
namespace {

struct Input {
  std::vector<std::string> texts;
  std::vector<double> scores;  // empty without --score-column
  std::vector<int64_t> times;  // empty without --time-column
};

Result<Input> ReadInput(const ThemesArgs& args) {
  CANDOR_RETURN_IF_ERROR(CheckDialect(args.delimiter, args.dialect));
  Result<std::string> data = ReadDialectText(args.file, args.max_bytes, args.dialect);
  if (!data.ok()) return data.status();
  std::vector<std::string> names = {args.text_column};
  if (!args.score_column.empty()) names.push_back(args.score_column);
  if (!args.time_column.empty()) names.push_back(args.time_column);
  auto columns = ParseCsvColumns(*data, names, args.delimiter, !args.repair_utf8);
  if (!columns.ok()) {
    return Status(columns.status().code(), "'" + args.file + "': " + columns.status().message());
  }
  Input input;
  input.texts = std::move((*columns)[0]);
  size_t next = 1;
  if (!args.score_column.empty()) {
    for (size_t i = 0; i < (*columns)[next].size(); ++i) {
      const std::string& field = (*columns)[next][i];
      double score = 0;
      if (!ParseDialectNumber(field, args.dialect.decimal, &score)) {
        return ParseError("'" + args.file + "': data row " + std::to_string(i + 1) + ", column '" +
                          args.score_column + "': '" + field + "' is not a score" +
                          NumberHint(field, args.dialect.decimal));
      }
      input.scores.push_back(score);
    }
    ++next;
  }
  if (!args.time_column.empty()) {
    for (size_t i = 0; i < (*columns)[next].size(); ++i) {
      Result<int64_t> t = ParseDialectTime((*columns)[next][i], args.dialect.time_format);
      if (!t.ok()) {
        return ParseError("'" + args.file + "': data row " + std::to_string(i + 1) + ", column '" +
                          args.time_column + "': " + t.status().message());
      }
      input.times.push_back(*t);
    }
  }
  return input;
}

Result<std::unique_ptr<text::TextModel>> MakeModel(const ThemesArgs& args) {
  text::TextModelOptions options;
  options.tokenize.invalid_utf8 =
      args.repair_utf8 ? text::Utf8Policy::kRepair : text::Utf8Policy::kError;
  options.tokenize.language = args.language;
  options.threads = args.threads;
  auto model = text::TextModel::Create(options);
  if (!model.ok()) return model.status();
  if (!args.lexicon.empty()) {
    auto lexicon = text::Lexicon::LoadFile(args.lexicon, args.lexicon_format);
    if (!lexicon.ok()) return lexicon.status();
    CANDOR_RETURN_IF_ERROR((*model)->LoadLexicon(*lexicon, args.replace_lexicon));
  }
  if (!args.taxonomy.empty()) {
    Result<std::string> path = FindTaxonomy(args.taxonomy);
    if (!path.ok()) return path.status();
    auto taxonomy = text::Taxonomy::FromFile(*path);
    if (!taxonomy.ok()) return taxonomy.status();
    (*model)->SetTaxonomy(std::move(taxonomy).value());
  }
  return model;
}

// Sentiment, emotion and urgency summaries over the non-empty comments.
void Summarize(const ThemesArgs& args, const std::vector<std::string>& texts,
               ThemesReport* report) {
  const text::SentimentColumns& s = report->text.sentiment;
  double sum = 0, sum_squares = 0;
  int64_t n = 0, positive = 0, negative = 0;
  report->emotion_comments.assign(text::kEmotionCount, 0);
  report->urgency_comments.assign(text::kUrgencyCategoryCount + 1, 0);
  for (size_t i = 0; i < texts.size(); ++i) {
    if (s.urgent[i]) ++report->urgency_comments[s.urgency_category[i]];
    if (texts[i].empty()) continue;
    ++n;
    sum += s.score[i];
    sum_squares += s.score[i] * s.score[i];
    positive += s.score[i] >= 0.05;
    negative += s.score[i] <= -0.05;
    for (int e = 0; e < text::kEmotionCount; ++e) {
      report->emotion_comments[e] += s.emotions[e][i] >= 0.5;
    }
  }
  report->with_text = static_cast<size_t>(n);
  Estimate& e = report->sentiment;
  e.level = args.level;
  e.n = n;
  e.effective_n = static_cast<double>(n);
  if (n == 0) {
    e.value = e.std_error = e.ci_low = e.ci_high = std::nan("");
    return;
  }
  e.value = sum / n;
  const double variance = n > 1 ? (sum_squares - n * e.value * e.value) / (n - 1) : std::nan("");
  e.std_error = std::sqrt(std::max(0.0, variance) / n);
  const double z = NormalQuantile(0.5 + args.level / 2);
  e.ci_low = e.value - z * e.std_error;
  e.ci_high = e.value + z * e.std_error;
  report->share_positive = 100.0 * positive / n;
  report->share_negative = 100.0 * negative / n;
}

// Taxonomy themes: a mention counts for the theme and its ancestors.
void TaxonomyThemes(const text::Taxonomy& taxonomy, ThemesReport* report) {
  const text::TextColumns& t = report->text;
  const size_t themes = taxonomy.size();
  std::vector<double> sentiment_sum(themes, 0);
  std::vector<int64_t> last_comment(themes, -1);
  report->themes.resize(themes);
  for (size_t id = 0; id < themes; ++id) {
    report->themes[id].name = taxonomy.theme(id).path;
    report->themes[id].depth = taxonomy.theme(id).depth;
  }
  for (size_t m = 0; m < t.mention_comment.size(); ++m) {
    for (int32_t id = t.mention_theme[m]; id >= 0; id = taxonomy.theme(id).parent) {
      ReportTheme& theme = report->themes[id];
      ++theme.mentions;
      sentiment_sum[id] += t.mention_sentiment[m];
      if (last_comment[id] != t.mention_comment[m]) {
        last_comment[id] = t.mention_comment[m];
        ++theme.comments;
        report->pair_comment.push_back(t.mention_comment[m]);
        report->pair_theme.push_back(id);
      }
    }
  }
  for (size_t id = 0; id < themes; ++id) {
    ReportTheme& theme = report->themes[id];
    theme.mean_sentiment = theme.mentions > 0 ? sentiment_sum[id] / theme.mentions : std::nan("");
  }
}

// Discovered themes: each comment belongs to its dominant theme.
Status DiscoveredThemes(const ThemesArgs& args, const std::vector<std::string>& texts,
                        ThemesReport* report) {
  text::DiscoveryOptions options;
  options.tokenize.invalid_utf8 =
      args.repair_utf8 ? text::Utf8Policy::kRepair : text::Utf8Policy::kError;
  options.tokenize.language = args.language;
  options.k = args.themes;
  options.nmf.seed = args.seed;
  options.nmf.threads = args.threads;
  options.threads = args.threads;
  std::vector<std::string_view> views(texts.begin(), texts.end());
  ProgressBar bar("discovering themes", args.quiet, ProgressBar::Unit::kWork);
  options.progress = bar.hook();
  auto discovery = text::DiscoverThemes(views, options);
  if (!discovery.ok()) return discovery.status();
  report->discovered = true;
  report->mean_coherence = discovery->mean_coherence;
  const size_t k = discovery->themes.size();
  std::vector<double> sentiment_sum(k, 0);
  report->themes.resize(k);
  for (size_t j = 0; j < k; ++j) {
    report->themes[j].name = discovery->themes[j].label;
    report->themes[j].terms = discovery->themes[j].top_terms;
    report->themes[j].coherence = discovery->themes[j].coherence;
  }
  for (size_t i = 0; i < discovery->dominant.size(); ++i) {
    const int32_t j = discovery->dominant[i];
    if (j < 0) continue;
    ++report->themes[j].comments;
    ++report->themes[j].mentions;
    sentiment_sum[j] += report->text.sentiment.score[i];
    report->pair_comment.push_back(static_cast<int64_t>(i));
    report->pair_theme.push_back(j);
  }
  for (size_t j = 0; j < k; ++j) {
    ReportTheme& theme = report->themes[j];
    theme.mean_sentiment = theme.comments > 0 ? sentiment_sum[j] / theme.comments : std::nan("");
  }
  return OkStatus();
}

// Periods for trending: 0 before the split time, 1 from it on.
Result<std::vector<int32_t>> Periods(const ThemesArgs& args, const std::vector<int64_t>& times,
                                     ThemesReport* report) {
  int64_t split = 0;
  if (!args.split.empty()) {
    Result<int64_t> parsed = ParseTimestamp(args.split);
    if (!parsed.ok()) return InvalidArgument("--split: " + parsed.status().message());
    split = *parsed;
    report->later_label = "from " + args.split;
    report->earlier_label = "before " + args.split;
  } else {
    std::vector<int64_t> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    split = sorted[sorted.size() / 2];
    report->later_label = "later half";
    report->earlier_label = "earlier half";
  }
  std::vector<int32_t> periods(times.size());
  for (size_t i = 0; i < times.size(); ++i) periods[i] = times[i] >= split ? 1 : 0;
  return periods;
}

Status Drivers(const ThemesArgs& args, const Input& input, ThemesReport* report) {
  if (report->themes.empty()) return OkStatus();
  auto mentions = ThemeMentions::FromPairs(report->pair_comment.data(), report->pair_theme.data(),
                                           report->pair_comment.size(), input.scores.size(),
                                           report->themes.size());
  if (!mentions.ok()) return mentions.status();
  std::vector<std::string> names;
  for (const ReportTheme& theme : report->themes) names.push_back(theme.name);
  DriverInputs inputs;
  std::vector<int32_t> periods;
  if (!input.times.empty()) {
    auto split = Periods(args, input.times, report);
    if (!split.ok()) return split.status();
    periods = std::move(split).value();
    inputs.periods = periods.data();
  }
  IntervalOptions interval;
  interval.level = args.level;
  auto drivers = EstimateThemeDrivers(args.metric, input.scores.data(), input.scores.size(),
                                      *mentions, names, inputs, interval, DriverOptions());
  if (!drivers.ok()) return drivers.status();
  report->drivers = std::move(drivers).value();
  return OkStatus();
}

}  // namespace

Result<ThemesReport> ComputeThemes(const ThemesArgs& args) {
  Result<Input> input = ReadInput(args);
  if (!input.ok()) return input.status();
  auto model = MakeModel(args);
  if (!model.ok()) return model.status();
  std::vector<std::string_view> views(input->texts.begin(), input->texts.end());
  auto columns = [&] {
    ProgressBar bar("analyzing comments", args.quiet, ProgressBar::Unit::kSteps);
    return (*model)->Analyze(views.data(), views.size(), bar.hook());
  }();
  if (!columns.ok()) {
    return Status(columns.status().code(), "'" + args.file + "': " + columns.status().message());
  }
  ThemesReport report;
  report.rows = input->texts.size();
  report.text = std::move(columns).value();
  Summarize(args, input->texts, &report);
  if ((*model)->taxonomy() != nullptr) {
    TaxonomyThemes(*(*model)->taxonomy(), &report);
  } else if (report.with_text > 0) {
    CANDOR_RETURN_IF_ERROR(DiscoveredThemes(args, input->texts, &report));
  }
  if (!input->scores.empty()) CANDOR_RETURN_IF_ERROR(Drivers(args, *input, &report));
  return report;
}

int RunThemes(const ThemesArgs& args) { return ComputeAndPrint(args, ComputeThemes, PrintThemes); }

}  // namespace candor::cli
