// candor outer-loop: reads the comments of a CSV file, ranks their themes by
// what they cost (candor::RankThemesByCost) and prints the table with the
// quotes under each theme.
#include <algorithm>
#include <candor/drivers.hpp>
#include <candor/outer_loop.hpp>
#include <candor/text_discovery.hpp>
#include <candor/text_model.hpp>
#include <candor/text_taxonomy.hpp>
#include <cmath>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "data.hpp"
#include "format.hpp"
#include "records.hpp"

namespace candor::cli {
namespace {

struct Input {
  std::vector<double> scores;
  std::vector<int32_t> accounts;
  std::vector<double> account_arr;  // by account code; empty without ARR
  std::vector<std::string> theme_names;
  std::vector<int64_t> offsets{0};
  std::vector<int32_t> theme_ids;
  std::vector<int32_t> periods;  // empty without
  std::vector<std::string> period_labels;
  std::vector<int32_t> segments;  // empty without
  std::vector<std::string> segment_labels;
  std::vector<double> sentiments;       // empty without
  std::vector<std::string_view> texts;  // empty without
};

std::string Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return "";
  const size_t end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

// Codes of a column's labels, numbered in sorted label order.
Status SortedCodes(const Records& records, const std::string& name, std::vector<int32_t>* codes,
                   std::vector<std::string>* labels) {
  Result<CategoricalColumn> column = ReadCategorical(records, name);
  if (!column.ok()) return column.status();
  *labels = column->dictionary.labels();
  std::vector<std::string> sorted = *labels;
  std::sort(sorted.begin(), sorted.end());
  std::vector<int32_t> rank(labels->size());
  for (size_t c = 0; c < labels->size(); ++c) {
    rank[c] = static_cast<int32_t>(std::lower_bound(sorted.begin(), sorted.end(), (*labels)[c]) -
                                   sorted.begin());
  }
  codes->resize(column->codes.size());
  for (size_t i = 0; i < codes->size(); ++i) (*codes)[i] = rank[column->codes[i]];
  *labels = std::move(sorted);
  return OkStatus();
}

// Themes from a column of names separated by --theme-separator; ids in
// sorted name order, so that they do not depend on row order.
Status ColumnThemes(const OuterLoopArgs& args, const Records& records, Input* input) {
  Input& in = *input;
  const std::string themes_column = args.themes_column.empty() ? "themes" : args.themes_column;
  if (args.themes_column.empty() &&
      std::find(records.header.begin(), records.header.end(), "themes") == records.header.end()) {
    return InvalidArgument(records.file +
                           ": no 'themes' column: name the themes column with --themes-column, "
                           "or match themes with --taxonomy FILE or discover them with "
                           "--themes K");
  }
  Result<size_t> column = records.Column(themes_column);
  if (!column.ok()) return column.status();
  std::vector<std::vector<std::string>> row_themes(records.size());
  std::vector<std::string> names;
  for (size_t i = 0; i < records.size(); ++i) {
    std::string_view field = records.rows[i][*column];
    size_t start = 0;
    while (start <= field.size()) {
      size_t end = field.find(args.theme_separator, start);
      if (end == std::string_view::npos) end = field.size();
      std::string name = Trim(field.substr(start, end - start));
      if (!name.empty()) row_themes[i].push_back(name), names.push_back(name);
      start = end + 1;
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  if (names.empty()) {
    return InvalidArgument(records.file + ": column '" + themes_column +
                           "' names no theme (theme names separated by '" +
                           std::string(1, args.theme_separator) + "')");
  }
  in.theme_names = names;
  for (const auto& row : row_themes) {
    for (const std::string& name : row) {
      in.theme_ids.push_back(
          static_cast<int32_t>(std::lower_bound(names.begin(), names.end(), name) - names.begin()));
    }
    in.offsets.push_back(static_cast<int64_t>(in.theme_ids.size()));
  }
  return OkStatus();
}

// Themes matched by a taxonomy in the comments, as `candor themes
// --taxonomy` matches them (text::TextModel): a mention of a theme counts for
// its parents; every theme of the taxonomy is a row, by its path.
Status TaxonomyThemes(const OuterLoopArgs& args, Input* input) {
  text::TextModelOptions options;
  options.threads = args.threads;
  auto model = text::TextModel::Create(options);
  if (!model.ok()) return model.status();
  Result<std::string> path = FindTaxonomy(args.taxonomy);
  if (!path.ok()) return path.status();
  auto taxonomy = text::Taxonomy::FromFile(*path);
  if (!taxonomy.ok()) return taxonomy.status();
  (*model)->SetTaxonomy(std::move(taxonomy).value());
  auto columns = (*model)->Analyze(input->texts.data(), input->texts.size());
  if (!columns.ok()) return columns.status();
  const text::Taxonomy& themes = *(*model)->taxonomy();
  for (size_t id = 0; id < themes.size(); ++id) input->theme_names.push_back(themes.theme(id).path);
  std::vector<std::vector<int32_t>> row_themes(input->texts.size());
  for (size_t m = 0; m < columns->mention_comment.size(); ++m) {
    for (int32_t id = columns->mention_theme[m]; id >= 0; id = themes.theme(id).parent) {
      row_themes[columns->mention_comment[m]].push_back(id);  // repeats: kept once by FromCsr
    }
  }
  for (const auto& row : row_themes) {
    input->theme_ids.insert(input->theme_ids.end(), row.begin(), row.end());
    input->offsets.push_back(static_cast<int64_t>(input->theme_ids.size()));
  }
  return OkStatus();
}

// Themes discovered in the comments (NMF on TF-IDF, as `candor themes
// --themes K`): each comment belongs to its dominant theme, if any.
Status DiscoveredThemes(const OuterLoopArgs& args, Input* input) {
  text::DiscoveryOptions options;
  options.k = args.themes;
  options.nmf.seed = args.seed;
  options.nmf.threads = args.threads;
  options.threads = args.threads;
  auto discovery = text::DiscoverThemes(input->texts, options);
  if (!discovery.ok()) return discovery.status();
  for (const auto& theme : discovery->themes) input->theme_names.push_back(theme.label);
  for (int32_t dominant : discovery->dominant) {
    if (dominant >= 0) input->theme_ids.push_back(dominant);
    input->offsets.push_back(static_cast<int64_t>(input->theme_ids.size()));
  }
  return OkStatus();
}

Result<Input> ReadInput(const OuterLoopArgs& args, const Records& records) {
  Input in;
  Result<std::vector<double>> scores = ReadNumbers(records, args.score_column);
  if (!scores.ok()) return scores.status();
  in.scores = std::move(*scores);
  Result<CategoricalColumn> accounts = ReadCategorical(records, args.account_column);
  if (!accounts.ok()) return accounts.status();
  in.accounts = accounts->codes;
  std::string text_column = args.text_column;
  if (text_column.empty() &&
      std::find(records.header.begin(), records.header.end(), "comment") != records.header.end()) {
    text_column = "comment";
  }
  if (!text_column.empty()) {
    Result<size_t> column = records.Column(text_column);
    if (!column.ok()) return column.status();
    for (const auto& row : records.rows) in.texts.emplace_back(row[*column]);
  }
  if (!args.taxonomy.empty() || args.themes > 0) {
    if (in.texts.empty()) {
      return InvalidArgument(records.file + ": " +
                             (args.taxonomy.empty() ? "--themes" : "--taxonomy") +
                             " finds the themes in the comments: give --text-column (no "
                             "'comment' column)");
    }
    CANDOR_RETURN_IF_ERROR(args.taxonomy.empty() ? DiscoveredThemes(args, &in)
                                                 : TaxonomyThemes(args, &in));
  } else {
    CANDOR_RETURN_IF_ERROR(ColumnThemes(args, records, &in));
  }
  if (!args.arr_column.empty()) {
    Result<std::vector<double>> arr = ReadNonNegative(records, args.arr_column);
    if (!arr.ok()) return arr.status();
    in.account_arr.assign(accounts->dictionary.size(), std::nan(""));
    for (size_t i = 0; i < records.size(); ++i) {
      double& known = in.account_arr[in.accounts[i]];
      if (std::isnan(known)) {
        known = (*arr)[i];
      } else if (known != (*arr)[i]) {
        return InvalidArgument(records.file + ":" + std::to_string(records.lines[i]) +
                               ": column '" + args.arr_column + "' gives account '" +
                               accounts->dictionary.Label(in.accounts[i]) + "' ARR " +
                               RoundTrip((*arr)[i]) + " but an earlier row gave " +
                               RoundTrip(known) + " (one ARR per account)");
      }
    }
  }
  if (!args.period_column.empty()) {
    CANDOR_RETURN_IF_ERROR(
        SortedCodes(records, args.period_column, &in.periods, &in.period_labels));
  }
  if (!args.segment_column.empty()) {
    CANDOR_RETURN_IF_ERROR(
        SortedCodes(records, args.segment_column, &in.segments, &in.segment_labels));
  }
  if (!args.sentiment_column.empty()) {
    Result<std::vector<double>> sentiments = ReadNumbers(records, args.sentiment_column);
    if (!sentiments.ok()) return sentiments.status();
    in.sentiments = std::move(*sentiments);
  }
  return in;
}

OuterLoopRank RankOf(const OuterLoopArgs& args) {
  std::string rank = args.rank_by;
  if (rank.empty()) rank = args.arr_column.empty() ? "impact" : "arr";
  if (rank == "arr") return OuterLoopRank::kArrAtRisk;
  if (rank == "detractor-accounts") return OuterLoopRank::kDetractorAccounts;
  if (rank == "comments") return OuterLoopRank::kComments;
  return OuterLoopRank::kNpsImpact;
}

// An interval's cell: "-" when it is not reported (it would have zero width).
std::string IntervalCell(double low, double high, NoIntervalReason reason, int decimals) {
  return reason != NoIntervalReason::kNone ? "-" : FormatInterval(low, high, decimals);
}

nlohmann::json ReasonJson(NoIntervalReason reason) {
  if (reason == NoIntervalReason::kNone) return nullptr;
  return NoIntervalReasonText(reason);
}

std::string QuoteSegment(const Input& in, const Quote& q) {
  return q.segment < 0 ? "" : in.segment_labels[q.segment];
}

int PrintTable(const OuterLoopArgs& args, const Input& in, const OuterLoop& r) {
  const bool arr = !in.account_arr.empty();
  const bool trend = !in.periods.empty();
  std::cout << "Themes ranked by what they cost: " << r.themes.size() << " themes, "
            << in.scores.size() << " comments, " << r.accounts << " accounts ("
            << r.detractor_accounts << " with a detractor)";
  if (arr) std::cout << ", ARR " << FormatFixed(r.total_arr, 0);
  std::cout << "\nNPS " << FormatFixed(r.overall.value, 1) << " "
            << FormatInterval(r.overall.ci_low, r.overall.ci_high, 1) << "; intervals "
            << FormatLevel(args.level);
  if (arr)
    std::cout << " (ARR: percentile bootstrap by account, " << r.replicates << " replicates)";
  std::cout << "\n\n";
  std::vector<std::string> headers{"rank", "theme", "comments", "detractor accts"};
  if (arr) headers.insert(headers.end(), {"ARR at risk", "ARR interval"});
  headers.insert(headers.end(), {"NPS impact", "impact interval"});
  if (trend) headers.insert(headers.end(), {"share change", "trend p (BH)"});
  TextTable table(headers, 2);
  for (const ThemeCost& t : r.themes) {
    std::vector<std::string> cells{std::to_string(t.rank), t.name, std::to_string(t.comments),
                                   std::to_string(t.detractor_accounts)};
    if (arr) {
      cells.push_back(FormatFixed(t.arr_at_risk, 0));
      cells.push_back(IntervalCell(t.arr_ci_low, t.arr_ci_high, t.arr_no_interval, 0));
    }
    cells.push_back(FormatSigned(t.impact.difference, 1));
    cells.push_back(IntervalCell(t.impact.ci_low, t.impact.ci_high, t.impact_no_interval, 1));
    if (trend) {
      cells.push_back(FormatSigned(t.share_change, 1) + " pts" + (t.trending ? " *" : ""));
      cells.push_back(FormatP(t.trend_p_adjusted));
    }
    table.AddRow(std::move(cells));
  }
  std::cout << table.Render();
  std::cout << "\nNPS impact: the NPS minus the NPS without the theme's comments (negative: the\n"
               "theme costs points).";
  if (trend) {
    std::cout << " Share change: percentage points of comments, " << in.period_labels.back()
              << " vs the period before (* trending).";
  }
  std::cout << "\n";
  // Why an interval is "-": it would have zero width (include/candor/outer_loop.hpp).
  bool noted = false;
  for (const ThemeCost& t : r.themes) {
    const std::pair<const char*, NoIntervalReason> reasons[] = {
        {"ARR interval", arr ? t.arr_no_interval : NoIntervalReason::kNone},
        {"impact interval", t.impact_no_interval},
        {"share change interval", t.share_change_no_interval}};
    for (const auto& [what, reason] : reasons) {
      if (reason == NoIntervalReason::kNone) continue;
      if (!noted) std::cout << "\nNo interval (\"-\"; it would have zero width):\n";
      noted = true;
      std::cout << "  " << t.rank << ". " << t.name << ", " << what << ": "
                << NoIntervalReasonText(reason) << "\n";
    }
  }
  bool any = false;
  for (const ThemeCost& t : r.themes) {
    if (t.quotes.empty()) continue;
    if (!any) std::cout << "\nWhat customers said (PII redacted):\n";
    any = true;
    std::cout << "\n" << t.rank << ". " << t.name << "\n";
    for (const Quote& q : t.quotes) {
      std::string segment = QuoteSegment(in, q);
      std::cout << "   \"" << q.text << "\"" << (segment.empty() ? "" : " [" + segment + "]")
                << "\n";
    }
  }
  return kExitOk;
}

int PrintJson(const OuterLoopArgs&, const Input& in, const OuterLoop& r) {
  nlohmann::json themes = nlohmann::json::array();
  for (const ThemeCost& t : r.themes) {
    nlohmann::json quotes = nlohmann::json::array();
    for (const Quote& q : t.quotes) {
      nlohmann::json quote = {
          {"comment", q.comment}, {"text", q.text}, {"typicality", q.typicality}, {"tone", q.tone}};
      if (q.segment >= 0) quote["segment"] = in.segment_labels[q.segment];
      quotes.push_back(std::move(quote));
    }
    nlohmann::json row = {{"rank", t.rank},
                          {"theme", t.name},
                          {"comments", t.comments},
                          {"detractor_comments", t.detractor_comments},
                          {"accounts", t.accounts},
                          {"detractor_accounts", t.detractor_accounts},
                          {"arr_at_risk", NumberOrNull(t.arr_at_risk)},
                          {"arr_ci_low", NumberOrNull(t.arr_ci_low)},
                          {"arr_ci_high", NumberOrNull(t.arr_ci_high)},
                          {"arr_no_interval", ReasonJson(t.arr_no_interval)},
                          {"impact", ComparisonJson(t.impact)},
                          {"impact_no_interval", ReasonJson(t.impact_no_interval)},
                          {"tone", NumberOrNull(t.tone)},
                          {"quotes", std::move(quotes)}};
    if (t.has_trend) {
      row["trend"] = {{"share_change", t.share_change},
                      {"ci_low", NumberOrNull(t.share_change_ci_low)},
                      {"ci_high", NumberOrNull(t.share_change_ci_high)},
                      {"no_interval", ReasonJson(t.share_change_no_interval)},
                      {"p_adjusted", t.trend_p_adjusted},
                      {"trending", t.trending}};
    }
    themes.push_back(std::move(row));
  }
  nlohmann::json out = {{"overall", EstimateJson(r.overall)},
                        {"accounts", r.accounts},
                        {"detractor_accounts", r.detractor_accounts},
                        {"total_arr", NumberOrNull(r.total_arr)},
                        {"replicates", r.replicates},
                        {"themes", std::move(themes)}};
  if (!in.periods.empty()) out["later_period"] = in.period_labels.back();
  std::cout << DumpJson(out) << "\n";
  return kExitOk;
}

int PrintCsv(const OuterLoopArgs&, const Input&, const OuterLoop& r) {
  std::cout << CsvRow({"rank",
                       "theme",
                       "comments",
                       "detractor_comments",
                       "accounts",
                       "detractor_accounts",
                       "arr_at_risk",
                       "arr_ci_low",
                       "arr_ci_high",
                       "impact",
                       "impact_ci_low",
                       "impact_ci_high",
                       "share_change",
                       "trend_p_adjusted",
                       "trending",
                       "tone",
                       "quotes",
                       "arr_no_interval",
                       "impact_no_interval",
                       "share_change_no_interval"});
  for (const ThemeCost& t : r.themes) {
    std::string quotes;
    for (const Quote& q : t.quotes) quotes += (quotes.empty() ? "" : " | ") + q.text;
    auto number = [](double v) { return std::isnan(v) ? std::string() : RoundTrip(v); };
    std::cout << CsvRow({std::to_string(t.rank),
                         t.name,
                         std::to_string(t.comments),
                         std::to_string(t.detractor_comments),
                         std::to_string(t.accounts),
                         std::to_string(t.detractor_accounts),
                         number(t.arr_at_risk),
                         number(t.arr_ci_low),
                         number(t.arr_ci_high),
                         number(t.impact.difference),
                         number(t.impact.ci_low),
                         number(t.impact.ci_high),
                         t.has_trend ? number(t.share_change) : "",
                         t.has_trend ? number(t.trend_p_adjusted) : "",
                         t.has_trend ? (t.trending ? "1" : "0") : "",
                         number(t.tone),
                         quotes,
                         NoIntervalReasonText(t.arr_no_interval),
                         NoIntervalReasonText(t.impact_no_interval),
                         NoIntervalReasonText(t.share_change_no_interval)});
  }
  return kExitOk;
}

}  // namespace

int RunOuterLoop(const OuterLoopArgs& args) {
  Result<Records> records = ReadRecords(args.file, args.delimiter, args.max_bytes, args.dialect);
  if (!records.ok()) return FailData(records.status());
  Result<Input> in = ReadInput(args, *records);
  if (!in.ok()) return FailData(in.status());
  const size_t n = in->scores.size();
  Result<ThemeMentions> mentions =
      ThemeMentions::FromCsr(in->offsets.data(), in->theme_ids.data(), n, in->theme_names.size());
  if (!mentions.ok()) return FailData(mentions.status());
  OuterLoopInputs inputs;
  inputs.accounts = in->accounts.data();
  if (!in->account_arr.empty()) {
    inputs.account_arr = in->account_arr.data();
    inputs.account_count = in->account_arr.size();
  }
  if (!in->periods.empty()) inputs.periods = in->periods.data();
  if (!in->segments.empty()) inputs.segments = in->segments.data();
  if (!in->sentiments.empty()) inputs.sentiments = in->sentiments.data();
  if (!in->texts.empty()) inputs.texts = &in->texts;
  OuterLoopOptions options;
  options.rank_by = RankOf(args);
  options.replicates = args.replicates;
  options.seed = args.seed;
  options.level = args.level;
  options.threads = args.threads;
  options.quotes_per_theme = args.quotes;
  options.max_quote_bytes = args.max_quote_bytes;
  Result<OuterLoop> result = RankThemesByCost(Metric::Nps(), in->scores.data(), n, *mentions,
                                              in->theme_names, inputs, options);
  if (!result.ok()) return FailData(result.status());
  switch (args.format) {
    case OutputFormat::kJson:
      return PrintJson(args, *in, *result);
    case OutputFormat::kCsv:
      return PrintCsv(args, *in, *result);
    case OutputFormat::kTable:
      break;
  }
  return PrintTable(args, *in, *result);
}

}  // namespace candor::cli
