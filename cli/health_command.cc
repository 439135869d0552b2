// candor health: a scorecard over the accounts of a CSV file, each score
// explained, and (with an outcome) validated: the AUC with DeLong's interval
// and churn by grade; with time to churn, concordance, Kaplan-Meier by grade
// and the log-rank test. The statistics are the library's (validate,
// survival, score); this file reads the columns and prints.
#include <algorithm>
#include <candor/csv.hpp>
#include <candor/health.hpp>
#include <candor/score.hpp>
#include <candor/survival.hpp>
#include <candor/validate.hpp>
#include <cmath>
#include <iostream>
#include <numeric>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "format.hpp"
#include "health_weights.hpp"
#include "records.hpp"

namespace candor::cli {
namespace {

// Scorecards are small: a larger file is a mistake.
constexpr uint64_t kMaxScorecardBytes = uint64_t{64} << 20;

struct GradeRow {
  std::string name;
  int64_t accounts = 0;
  int64_t churned = 0;
  // The share churned (value = churned / accounts) with the adjusted Wald
  // (Agresti-Coull) interval, which has width even when none churned.
  std::optional<Estimate> churn;
};

struct Validation {
  int64_t scored = 0;  // accounts with a score, the ones validated
  std::optional<Auc> auc;
  std::optional<Concordance> concordance;
  std::optional<KaplanMeier> kaplan_meier;  // curves by grade code
  std::optional<LogRank> log_rank;
  std::string log_rank_note;  // why there is no test, if there is none
};

struct HealthReport {
  Scorecard card;
  std::vector<std::string> accounts;  // ids, or row numbers
  HealthScores scores;
  std::vector<std::vector<std::string>> reasons;  // per account, in words
  std::vector<GradeRow> grades;
  Validation validation;
  std::optional<SuggestedWeights> suggested;  // --suggest-weights
};

Result<Scorecard> LoadScorecard(const std::string& path) {
  Result<std::string> text = ReadWholeFile(path, kMaxScorecardBytes);
  if (!text.ok()) return text.status();
  Result<Scorecard> card = ParseScorecardJson(*text);
  if (!card.ok()) return Status(card.status().code(), "'" + path + "': " + card.status().message());
  return card;
}

// The rows with a score, as indices.
std::vector<size_t> Scored(const HealthScores& s) {
  std::vector<size_t> rows;
  for (size_t i = 0; i < s.n; ++i) {
    if (!std::isnan(s.score[i])) rows.push_back(i);
  }
  return rows;
}

template <typename T>
std::vector<T> Pick(const std::vector<T>& values, const std::vector<size_t>& rows) {
  std::vector<T> out(rows.size());
  for (size_t k = 0; k < rows.size(); ++k) out[k] = values[rows[k]];
  return out;
}

Status ValidateAgainstChurn(const HealthArgs& args, const Records& records, HealthReport* report) {
  const std::vector<size_t> rows = Scored(report->scores);
  report->validation.scored = static_cast<int64_t>(rows.size());
  std::vector<double> risk(rows.size());  // lower health, more risk
  for (size_t k = 0; k < rows.size(); ++k) risk[k] = -report->scores.score[rows[k]];
  const std::vector<int32_t> grade = Pick(report->scores.grade, rows);

  if (!args.churn_column.empty()) {
    Result<std::vector<uint8_t>> churn = ReadFlags(records, args.churn_column);
    if (!churn.ok()) return churn.status();
    const std::vector<uint8_t> outcome = Pick(*churn, rows);
    Result<Auc> auc = EstimateAuc(risk.data(), outcome.data(), rows.size(), args.level);
    if (!auc.ok()) {
      return Status(auc.status().code(),
                    "validating against '" + args.churn_column + "': " + auc.status().message());
    }
    report->validation.auc = *auc;
    // Churn by grade.
    IntervalOptions interval;
    interval.method = IntervalMethod::kAdjustedWald;
    interval.level = args.level;
    for (size_t g = 0; g < report->grades.size(); ++g) {
      std::vector<double> flags;
      for (size_t k = 0; k < rows.size(); ++k) {
        if (grade[k] == static_cast<int32_t>(g)) flags.push_back(outcome[k]);
      }
      if (flags.empty()) continue;
      report->grades[g].churned = static_cast<int64_t>(std::count(flags.begin(), flags.end(), 1.0));
      Result<Estimate> share =
          EstimateScores(Metric::TopBox(0, 1, 1), flags.data(), nullptr, flags.size(), interval);
      if (share.ok()) {
        share->value = 100.0 * static_cast<double>(report->grades[g].churned) /
                       static_cast<double>(flags.size());
        report->grades[g].churn = *share;
      }
    }
  }
  if (!args.time_column.empty()) {
    Result<std::vector<double>> time = ReadNumbers(records, args.time_column);
    if (!time.ok()) return time.status();
    Result<std::vector<uint8_t>> event_flags = ReadFlags(records, args.event_column);
    if (!event_flags.ok()) return event_flags.status();
    const std::vector<double> t = Pick(*time, rows);
    std::vector<double> event(rows.size());
    for (size_t k = 0; k < rows.size(); ++k) event[k] = (*event_flags)[rows[k]];
    Result<Concordance> c =
        EstimateConcordance(risk.data(), t.data(), event.data(), nullptr, rows.size(), {});
    if (!c.ok()) return c.status();
    report->validation.concordance = *c;
    // Accounts with no grade (a score below every grade) are left out here.
    std::vector<double> gt, ge;
    std::vector<int32_t> gg;
    for (size_t k = 0; k < rows.size(); ++k) {
      if (grade[k] < 0) continue;
      gt.push_back(t[k]);
      ge.push_back(event[k]);
      gg.push_back(grade[k]);
    }
    KaplanMeierOptions km;
    km.level = args.level;
    Result<KaplanMeier> curves =
        EstimateKaplanMeier(gt.data(), ge.data(), gg.data(), nullptr, gt.size(), km);
    if (!curves.ok()) return curves.status();
    report->validation.kaplan_meier = *curves;
    Result<LogRank> test = LogRankTest(gt.data(), ge.data(), gg.data(), gt.size());
    if (test.ok()) {
      report->validation.log_rank = *test;
    } else {
      report->validation.log_rank_note = test.status().message();
    }
  }
  return OkStatus();
}

Result<HealthReport> ComputeHealth(const HealthArgs& args) {
  HealthReport report;
  Result<Scorecard> card = LoadScorecard(args.scorecard);
  if (!card.ok()) return card.status();
  report.card = *card;
  Result<Records> records = ReadRecords(args.file, args.delimiter, args.max_bytes);
  if (!records.ok()) return records.status();

  std::vector<std::vector<double>> columns;
  HealthTable table;
  table.n = records->size();
  for (const HealthMeasure& m : report.card.measures) {
    if (std::find(table.names.begin(), table.names.end(), m.name) != table.names.end()) continue;
    Result<std::vector<double>> values = ReadMeasure(*records, m.name);
    if (!values.ok()) return values.status();
    columns.push_back(std::move(values).value());
    table.names.push_back(m.name);
  }
  for (const std::vector<double>& c : columns) table.columns.push_back(c.data());
  CategoricalColumn segment;
  if (!args.segment_column.empty()) {
    Result<CategoricalColumn> s = ReadCategorical(*records, args.segment_column);
    if (!s.ok()) return s.status();
    segment = std::move(s).value();
    table.segment = segment.codes.data();
    table.segment_names = segment.dictionary.labels();
  }
  Result<HealthScores> scores = ScoreHealth(report.card, table);
  if (!scores.ok()) return scores.status();
  report.scores = std::move(scores).value();

  if (!args.account_column.empty()) {
    Result<size_t> column = records->Column(args.account_column);
    if (!column.ok()) return column.status();
    for (const auto& row : records->rows) report.accounts.push_back(row[*column]);
  } else {
    for (size_t i = 0; i < table.n; ++i) report.accounts.push_back(std::to_string(i + 1));
  }
  report.reasons.resize(table.n);
  for (size_t i = 0; i < table.n; ++i) {
    for (int32_t k = 0; k < report.scores.reason_count[i]; ++k) {
      Result<std::string> text = HealthReasonText(report.card, report.scores, i, k);
      if (!text.ok()) return text.status();
      report.reasons[i].push_back(*text);
    }
  }
  for (const HealthGrade& g : report.card.grades) report.grades.push_back({g.name, 0, 0, {}});
  for (int32_t g : report.scores.grade) {
    if (g >= 0) ++report.grades[g].accounts;
  }
  if (args.suggest_weights) {
    Result<SuggestedWeights> suggested = SuggestWeightsFor(args, report.card, table, *records);
    if (!suggested.ok()) return suggested.status();
    report.suggested = std::move(suggested).value();
    return report;
  }
  CANDOR_RETURN_IF_ERROR(ValidateAgainstChurn(args, *records, &report));
  return report;
}

std::string GradeName(const HealthReport& r, int32_t g) {
  return g < 0 ? std::string("-") : r.card.grades[g].name;
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

// S(t) of a curve at t: the last point at or before t (1 before the first).
size_t PointAt(const KaplanMeierCurve& c, double t) {
  return static_cast<size_t>(std::upper_bound(c.time.begin(), c.time.end(), t) - c.time.begin());
}

int PrintTable(const HealthArgs& args, const HealthReport& r) {
  const HealthScores& s = r.scores;
  const std::vector<size_t> rows = Scored(s);
  double mean = 0, coverage = 0;
  for (size_t i : rows) mean += s.score[i];
  for (double c : s.coverage) coverage += c;
  std::cout << "Health of " << s.n << " accounts (" << args.scorecard << ": "
            << r.card.measures.size() << " measures)\n";
  std::cout << "  mean score " << FormatFixed(rows.empty() ? NAN : mean / rows.size(), 1)
            << ", mean coverage " << FormatFixed(coverage / s.n, 2)
            << "; without a score (no data): " << s.n - rows.size() << "\n";
  for (size_t m = 0; m < s.measures; ++m) {
    if (s.unmatched[m] > 0) {
      std::cout << "  note: " << s.unmatched[m] << " values of '" << r.card.measures[m].name
                << "' fall in no tier (scored as missing)\n";
    }
  }
  std::cout << "\n";
  const bool churn = r.validation.auc.has_value();
  std::vector<std::string> headers = {"grade", "accounts", "share"};
  if (churn) {
    headers.push_back("churned");
    headers.push_back("churn rate [" + FormatLevel(args.level) + " CI]");
  }
  TextTable grades(headers, 1);
  for (const GradeRow& g : r.grades) {
    std::vector<std::string> row = {g.name, std::to_string(g.accounts),
                                    FormatFixed(100.0 * g.accounts / s.n, 1) + "%"};
    if (churn) {
      if (g.churn) {
        row.push_back(std::to_string(g.churned));
        row.push_back(FormatFixed(g.churn->value, 1) + "% " +
                      FormatInterval(g.churn->ci_low, g.churn->ci_high, 1));
      } else {
        row.insert(row.end(), {"-", "-"});
      }
    }
    grades.AddRow(row);
  }
  std::cout << grades.Render() << "\n";

  std::vector<size_t> order = rows;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return s.score[a] < s.score[b]; });
  if (args.top > 0 && !order.empty()) {
    order.resize(std::min(order.size(), static_cast<size_t>(args.top)));
    std::cout << "Lowest scores\n";
    TextTable low({"account", "score", "grade", "coverage", "reasons"}, 1);
    low.SetLeftAligned(2);
    low.SetLeftAligned(4);
    for (size_t i : order) {
      low.AddRow({r.accounts[i], FormatFixed(s.score[i], 1), GradeName(r, s.grade[i]),
                  FormatFixed(s.coverage[i], 2), Joined(r.reasons[i])});
    }
    std::cout << low.Render() << "\n";
  }

  const Validation& v = r.validation;
  if (v.auc) {
    std::cout << "Validation against churn ('" << args.churn_column << "': " << v.auc->n_positive
              << " churned of " << v.scored << " scored accounts)\n";
    std::cout << "  AUC " << FormatFixed(v.auc->value, 3) << " "
              << FormatInterval(v.auc->ci_low, v.auc->ci_high, 3) << " (" << FormatLevel(args.level)
              << (v.auc->hanley_mcneil_interval ? " Hanley-McNeil" : " DeLong")
              << "): the chance that a churned account scored lower than one that stayed\n"
              << "  (0.5: no better than a coin; ties count half)\n\n";
  }
  if (v.concordance) {
    std::cout << "Time to churn ('" << args.time_column << "', '" << args.event_column << "')\n";
    std::cout << "  concordance " << FormatFixed(v.concordance->value, 3) << " (SE "
              << FormatFixed(v.concordance->std_error, 3)
              << "): of comparable pairs, the share where the lower score churned first\n";
    if (v.kaplan_meier) {
      double last = 0;
      for (const KaplanMeierCurve& c : v.kaplan_meier->curves) {
        if (!c.time.empty()) last = std::max(last, c.time.back());
      }
      const double at = std::round(last / 2);
      TextTable km(
          {"grade", "accounts", "churned",
           "still a customer at " + FormatFixed(at, 0) + " [" + FormatLevel(args.level) + " CI]"},
          1);
      for (const KaplanMeierCurve& c : v.kaplan_meier->curves) {
        const size_t p = PointAt(c, at);
        std::string cell = "1 (no churn by then)";
        if (p > 0) {
          cell = FormatFixed(c.survival[p - 1], 3) + " " +
                 FormatInterval(c.ci_low[p - 1], c.ci_high[p - 1], 3);
        }
        km.AddRow({GradeName(r, c.group), std::to_string(c.n), FormatFixed(c.events, 0), cell});
      }
      std::cout << km.Render("  ");
    }
    if (v.log_rank) {
      std::cout << "  log-rank chi-square " << FormatFixed(v.log_rank->chi_square, 1) << " on "
                << v.log_rank->df << " df, p " << FormatP(v.log_rank->p_value) << "\n";
    } else if (!v.log_rank_note.empty()) {
      std::cout << "  no log-rank test: " << v.log_rank_note << "\n";
    }
  }
  return kExitOk;
}

nlohmann::json AccountJson(const HealthReport& r, size_t i) {
  const HealthScores& s = r.scores;
  nlohmann::json points = nlohmann::json::object();
  nlohmann::json contributions = nlohmann::json::object();
  for (size_t m = 0; m < s.measures; ++m) {
    const size_t cell = i * s.measures + m;
    points[r.card.measures[m].name] = NumberOrNull(s.points[cell]);
    contributions[r.card.measures[m].name] = {{"points", s.contribution[cell]},
                                              {"max", s.max_contribution[cell]}};
  }
  return {{"account", r.accounts[i]},
          {"score", NumberOrNull(s.score[i])},
          {"grade", s.grade[i] < 0 ? nlohmann::json() : nlohmann::json(GradeName(r, s.grade[i]))},
          {"coverage", s.coverage[i]},
          {"reasons", r.reasons[i]},
          {"points", points},
          {"contributions", contributions}};
}

int PrintJson(const HealthArgs& args, const HealthReport& r) {
  nlohmann::json out;
  out["scorecard"] = args.scorecard;
  out["accounts"] = nlohmann::json::array();
  for (size_t i = 0; i < r.scores.n; ++i) out["accounts"].push_back(AccountJson(r, i));
  out["grades"] = nlohmann::json::array();
  for (const GradeRow& g : r.grades) {
    nlohmann::json row = {{"grade", g.name}, {"accounts", g.accounts}};
    if (g.churn) {
      row["churned"] = g.churned;
      row["churn_rate"] = {{"value", g.churn->value / 100},
                           {"ci_low", g.churn->ci_low / 100},
                           {"ci_high", g.churn->ci_high / 100},
                           {"n", g.churn->n}};
    }
    out["grades"].push_back(row);
  }
  const Validation& v = r.validation;
  nlohmann::json validation = nlohmann::json::object();
  if (v.auc) {
    validation["auc"] = {{"value", v.auc->value},
                         {"std_error", NumberOrNull(v.auc->std_error)},
                         {"ci_low", v.auc->ci_low},
                         {"ci_high", v.auc->ci_high},
                         {"level", v.auc->level},
                         {"n_positive", v.auc->n_positive},
                         {"n_negative", v.auc->n_negative},
                         {"hanley_mcneil_interval", v.auc->hanley_mcneil_interval},
                         {"direction", "AUC of -score: lower health should mean churn"}};
  }
  if (v.concordance) {
    validation["concordance"] = {{"value", v.concordance->value},
                                 {"std_error", v.concordance->std_error},
                                 {"n", v.concordance->n},
                                 {"events", v.concordance->events}};
  }
  if (v.kaplan_meier) {
    nlohmann::json curves = nlohmann::json::array();
    for (const KaplanMeierCurve& c : v.kaplan_meier->curves) {
      nlohmann::json low = nlohmann::json::array(), high = nlohmann::json::array();
      for (size_t p = 0; p < c.time.size(); ++p) {
        low.push_back(NumberOrNull(c.ci_low[p]));
        high.push_back(NumberOrNull(c.ci_high[p]));
      }
      curves.push_back({{"grade", GradeName(r, c.group)},
                        {"accounts", c.n},
                        {"churned", c.events},
                        {"time", c.time},
                        {"survival", c.survival},
                        {"ci_low", low},
                        {"ci_high", high}});
    }
    validation["kaplan_meier"] = curves;
  }
  if (v.log_rank) {
    validation["log_rank"] = {{"chi_square", v.log_rank->chi_square},
                              {"df", v.log_rank->df},
                              {"p_value", v.log_rank->p_value}};
  } else if (!v.log_rank_note.empty()) {
    validation["log_rank"] = {{"note", v.log_rank_note}};
  }
  if (!validation.empty()) {
    validation["scored_accounts"] = v.scored;
    out["validation"] = validation;
  }
  std::cout << DumpJson(out) << "\n";
  return kExitOk;
}

int PrintCsv(const HealthArgs& args, const HealthReport& r) {
  const HealthScores& s = r.scores;
  std::vector<std::string> header = {"account", "score", "grade", "coverage", "reasons"};
  for (const HealthMeasure& m : r.card.measures) header.push_back("points:" + m.name);
  for (const HealthMeasure& m : r.card.measures) header.push_back("contribution:" + m.name);
  std::cout << CsvRow(header, args.delimiter);
  for (size_t i = 0; i < s.n; ++i) {
    std::vector<std::string> row = {r.accounts[i],
                                    std::isnan(s.score[i]) ? "" : RoundTrip(s.score[i]),
                                    s.grade[i] < 0 ? "" : GradeName(r, s.grade[i]),
                                    RoundTrip(s.coverage[i]), Joined(r.reasons[i])};
    for (size_t m = 0; m < s.measures; ++m) {
      const double p = s.points[i * s.measures + m];
      row.push_back(std::isnan(p) ? "" : RoundTrip(p));
    }
    for (size_t m = 0; m < s.measures; ++m) {
      row.push_back(RoundTrip(s.contribution[i * s.measures + m]));
    }
    std::cout << CsvRow(row, args.delimiter);
  }
  return kExitOk;
}

int PrintHealth(const HealthArgs& args, const HealthReport& report) {
  if (report.suggested) return PrintSuggestedWeights(args, report.card, *report.suggested);
  return PrintInFormat(args, report, PrintTable, PrintJson, PrintCsv);
}

}  // namespace

int RunHealth(const HealthArgs& args) { return ComputeAndPrint(args, ComputeHealth, PrintHealth); }

}  // namespace candor::cli
