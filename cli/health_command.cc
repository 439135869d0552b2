// candor health: a scorecard over the accounts of a CSV file, each score
// explained, and (with an outcome) validated: the AUC with DeLong's interval
// and churn by grade; with time to churn, concordance, Kaplan-Meier by grade
// and the log-rank test. With --as-of the file is a dated history: each
// account is scored as of the date from the rows before it, with its days in
// grade and, with --previous, its momentum. The statistics are the library's
// (validate, survival, score, health_history); this file reads the columns
// and prints.
#include <algorithm>
#include <candor/csv.hpp>
#include <candor/health.hpp>
#include <candor/health_history.hpp>
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
  // interval (a pseudo-count churned and one stayed, Agresti and Caffo
  // 2000), which has width even when none churned.
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

// With --as-of: the report's rows are the history's accounts.
struct History {
  int64_t as_of = 0;
  std::optional<int64_t> previous;
  std::vector<int32_t> row_account;  // per row of FILE, its account's code
  std::vector<uint8_t> existed;      // per account: a row before as_of
  GradeTenure tenure;
  std::optional<HealthMomentum> momentum;
};

struct HealthReport {
  Scorecard card;
  std::vector<std::string> accounts;  // ids, or row numbers
  HealthScores scores;
  std::vector<std::vector<std::string>> reasons;  // per account, in words
  std::vector<GradeRow> grades;
  Validation validation;
  std::optional<History> history;
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

// A column's values per report row: the file's rows as they are, or with
// --as-of one value per account, which all of its rows must hold (the column
// describes the account after the date, not a row).
template <typename T>
Result<std::vector<T>> PerAccount(const HealthReport& r, Result<std::vector<T>> per_row,
                                  const std::string& column) {
  if (!per_row.ok() || !r.history) return per_row;
  const std::vector<int32_t>& account = r.history->row_account;
  std::vector<T> out(r.accounts.size());
  std::vector<uint8_t> seen(r.accounts.size(), 0);
  for (size_t i = 0; i < account.size(); ++i) {
    const size_t a = static_cast<size_t>(account[i]);
    const T value = (*per_row)[i];
    if (seen[a] && !(out[a] == value)) {
      return InvalidArgument("'" + column + "': the rows of account '" + r.accounts[a] +
                             "' disagree (" + RoundTrip(static_cast<double>(out[a])) + " and " +
                             RoundTrip(static_cast<double>(value)) +
                             "); with --as-of it describes each account after the date, one "
                             "value per account");
    }
    seen[a] = 1;
    out[a] = value;  // the account's last row
  }
  return out;
}

Result<int64_t> ParseDate(const std::string& option, const std::string& text) {
  Result<int64_t> t = ParseTimestamp(text);
  if (!t.ok()) return InvalidArgument("--" + option + " '" + text + "': " + t.status().message());
  return t;
}

template <typename T>
std::vector<T> Pick(const std::vector<T>& values, const std::vector<size_t>& rows) {
  std::vector<T> out(rows.size());
  for (size_t k = 0; k < rows.size(); ++k) out[k] = values[rows[k]];
  return out;
}

Status ValidateAgainstChurn(const HealthArgs& args, const Records& records, HealthReport* report) {
  std::vector<size_t> rows = Scored(report->scores);
  if (report->history) {  // only accounts that existed before the date
    const std::vector<uint8_t>& existed = report->history->existed;
    rows.erase(std::remove_if(rows.begin(), rows.end(), [&](size_t i) { return !existed[i]; }),
               rows.end());
  }
  report->validation.scored = static_cast<int64_t>(rows.size());
  std::vector<double> risk(rows.size());  // lower health, more risk
  for (size_t k = 0; k < rows.size(); ++k) risk[k] = -report->scores.score[rows[k]];
  const std::vector<int32_t> grade = Pick(report->scores.grade, rows);

  if (!args.churn_column.empty()) {
    Result<std::vector<uint8_t>> churn =
        PerAccount(*report, ReadFlags(records, args.churn_column), args.churn_column);
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
    Result<std::vector<double>> time =
        PerAccount(*report, ReadNumbers(records, args.time_column), args.time_column);
    if (!time.ok()) return time.status();
    Result<std::vector<uint8_t>> event_flags =
        PerAccount(*report, ReadFlags(records, args.event_column), args.event_column);
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

// FILE as a dated history (`rows` holds its measure columns and per-row
// segments): the accounts' scores as of --as-of, days in grade and momentum.
Status ScoreHistory(const HealthArgs& args, const Records& records, const HealthTable& rows,
                    HealthReport* report) {
  History history;
  Result<int64_t> as_of = ParseDate("as-of", args.as_of);
  if (!as_of.ok()) return as_of.status();
  history.as_of = *as_of;
  if (!args.previous.empty()) {
    Result<int64_t> previous = ParseDate("previous", args.previous);
    if (!previous.ok()) return previous.status();
    if (*previous >= *as_of) {
      return InvalidArgument("--previous " + args.previous + " is not before --as-of " +
                             args.as_of);
    }
    history.previous = *previous;
  }
  Result<std::vector<int64_t>> times = ReadTimes(records, args.history_time_column);
  if (!times.ok()) return times.status();
  Result<CategoricalColumn> accounts = ReadCategorical(records, args.account_column);
  if (!accounts.ok()) return accounts.status();
  const size_t n_accounts = accounts->dictionary.size();
  HealthHistory h;
  h.n = records.size();
  h.account = accounts->codes.data();
  h.time = times->data();
  h.accounts = n_accounts;
  h.names = rows.names;
  h.columns = rows.columns;
  // --std-error-columns: MEASURE=COLUMN, each measure a column of the history.
  std::vector<std::vector<double>> errors;
  errors.reserve(args.std_error_columns.size());
  for (const std::string& pair : args.std_error_columns) {
    const size_t eq = pair.find('=');
    const std::string measure = pair.substr(0, eq);
    const auto at = std::find(h.names.begin(), h.names.end(), measure);
    if (eq == std::string::npos || eq + 1 == pair.size() || at == h.names.end()) {
      return InvalidArgument("--std-error-columns '" + pair +
                             "': give MEASURE=COLUMN with MEASURE a measure of the scorecard");
    }
    Result<std::vector<double>> values = ReadMeasure(records, pair.substr(eq + 1));
    if (!values.ok()) return values.status();
    errors.push_back(std::move(values).value());
    h.std_error_columns.resize(h.names.size(), nullptr);
    h.std_error_columns[static_cast<size_t>(at - h.names.begin())] = errors.back().data();
  }
  // Segments per account: all of an account's rows must agree.
  std::vector<int32_t> segment;
  if (rows.segment != nullptr) {
    segment.assign(n_accounts, -1);
    for (size_t i = 0; i < h.n; ++i) {
      int32_t& s = segment[accounts->codes[i]];
      if (s >= 0 && s != rows.segment[i]) {
        return InvalidArgument("'" + args.segment_column + "': account '" +
                               accounts->dictionary.labels()[accounts->codes[i]] +
                               "' is in two segments ('" + rows.segment_names[s] + "' and '" +
                               rows.segment_names[rows.segment[i]] + "', line " +
                               std::to_string(records.lines[i]) + ")");
      }
      s = rows.segment[i];
    }
    h.segment = segment.data();
    h.segment_names = rows.segment_names;
  }
  Result<HealthSnapshot> snapshot = SnapshotAsOf(h, history.as_of);
  if (!snapshot.ok()) return snapshot.status();
  Result<HealthScores> scores = ScoreHealth(report->card, snapshot->table);
  if (!scores.ok()) return scores.status();
  report->scores = std::move(scores).value();
  report->accounts = accounts->dictionary.labels();
  history.row_account = accounts->codes;
  history.existed.assign(n_accounts, 0);
  for (size_t i = 0; i < h.n; ++i) {
    if ((*times)[i] < history.as_of) history.existed[accounts->codes[i]] = 1;
  }
  if (args.suggest_weights) {  // the fit is all that is printed
    report->history = std::move(history);
    Result<std::vector<uint8_t>> churn =
        PerAccount(*report, ReadFlags(records, args.churn_column), args.churn_column);
    if (!churn.ok()) return churn.status();
    Result<SuggestedWeights> suggested =
        SuggestWeightsAsOfFor(args, report->card, h, report->history->as_of, *churn);
    if (!suggested.ok()) return suggested.status();
    report->suggested = std::move(suggested).value();
    return OkStatus();
  }
  Result<GradeTenure> tenure =
      DaysInGrade(report->card, h, history.as_of, args.grade_step_days.value_or(7));
  if (!tenure.ok()) return tenure.status();
  history.tenure = std::move(tenure).value();
  if (history.previous) {
    Result<HealthMomentum> momentum =
        HealthMomentumAsOf(report->card, h, history.as_of, *history.previous, args.level);
    if (!momentum.ok()) return momentum.status();
    history.momentum = std::move(momentum).value();
  }
  report->history = std::move(history);
  return OkStatus();
}

Result<HealthReport> ComputeHealth(const HealthArgs& args) {
  HealthReport report;
  Result<Scorecard> card = LoadScorecard(args.scorecard);
  if (!card.ok()) return card.status();
  report.card = *card;
  Result<Records> records = ReadRecords(args.file, args.delimiter, args.max_bytes, args.dialect);
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
  if (!args.as_of.empty()) {
    CANDOR_RETURN_IF_ERROR(ScoreHistory(args, *records, table, &report));
  } else {
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
  }
  const size_t n = report.scores.n;
  report.reasons.resize(n);
  for (size_t i = 0; i < n; ++i) {
    for (int32_t k = 0; k < report.scores.reason_count[i]; ++k) {
      Result<std::string> text = HealthReasonText(report.card, report.scores, i, k);
      if (!text.ok()) return text.status();
      report.reasons[i].push_back(*text);
    }
  }
  for (const HealthGrade& g : report.card.grades) report.grades.push_back({g.name, 0, 0, {}});
  for (size_t i = 0; i < n; ++i) {
    const int32_t g = report.scores.grade[i];
    if (g >= 0 && (!report.history || report.history->existed[i])) ++report.grades[g].accounts;
  }
  if (report.suggested) return report;  // as of a date: fitted on the snapshot
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

// Days in grade: ">= 28" when the run reached the last snapshot looked at.
std::string DaysText(const History& h, size_t i) {
  if (h.tenure.grade[i] < 0) return "-";
  return (h.tenure.capped[i] ? ">= " : "") + FormatFixed(h.tenure.days[i], 0);
}

// How momentum's standard error is found (include/candor/health_history.hpp).
constexpr const char* kMomentumMethod =
    "delta method over the measures with standard errors: only linear measures carry error, "
    "other transforms are taken as exact; rows that differ between the snapshots are "
    "independent";

// Why a momentum has no interval ("" when it has one).
std::string MomentumNote(const HealthMomentum& m, size_t i) {
  if (std::isnan(m.change[i])) return "no score";
  if (std::isnan(m.std_error[i])) return "no sampling error known";
  if (std::isnan(m.ci_low[i])) return "no error found";
  return "";
}

std::string MomentumText(const HealthMomentum& m, size_t i) {
  if (std::isnan(m.change[i])) return "-";
  std::string text = (m.change[i] >= 0 ? "+" : "") + FormatFixed(m.change[i], 1);
  if (!std::isnan(m.ci_low[i])) return text + " " + FormatInterval(m.ci_low[i], m.ci_high[i], 1);
  return text + " (" + MomentumNote(m, i) + ")";
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
  if (r.history) {
    int64_t later = 0;
    for (uint8_t e : r.history->existed) later += e ? 0 : 1;
    std::cout << "  as of " << args.as_of << ": from the rows before it only; accounts first seen "
              << "at or after it: " << later << "\n";
    if (r.history->momentum) {
      std::cout << "  momentum: the change of score since " << args.previous << ", with its "
                << FormatLevel(args.level) << " interval from the measures' standard errors\n"
                << "  (delta method: only linear measures carry error, other transforms are taken "
                   "as exact;\n"
                << "  no interval where no sampling error is known or none is found)\n";
    }
  }
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
    std::vector<std::string> columns = {"account", "score", "grade", "coverage"};
    if (r.history) columns.push_back("days in grade");
    if (r.history && r.history->momentum) columns.push_back("momentum");
    columns.push_back("reasons");
    TextTable low(columns, 1);
    low.SetLeftAligned(2);
    low.SetLeftAligned(columns.size() - 1);
    for (size_t i : order) {
      std::vector<std::string> row = {r.accounts[i], FormatFixed(s.score[i], 1),
                                      GradeName(r, s.grade[i]), FormatFixed(s.coverage[i], 2)};
      if (r.history) row.push_back(DaysText(*r.history, i));
      if (r.history && r.history->momentum) row.push_back(MomentumText(*r.history->momentum, i));
      row.push_back(Joined(r.reasons[i]));
      low.AddRow(row);
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
  nlohmann::json out = {
      {"account", r.accounts[i]},
      {"score", NumberOrNull(s.score[i])},
      {"grade", s.grade[i] < 0 ? nlohmann::json() : nlohmann::json(GradeName(r, s.grade[i]))},
      {"coverage", s.coverage[i]},
      {"reasons", r.reasons[i]},
      {"points", points},
      {"contributions", contributions}};
  if (r.history) {
    const GradeTenure& t = r.history->tenure;
    out["days_in_grade"] = t.grade[i] < 0 ? nlohmann::json() : nlohmann::json(t.days[i]);
    out["days_in_grade_capped"] = static_cast<bool>(t.capped[i]);
    if (r.history->momentum) {
      const HealthMomentum& m = *r.history->momentum;
      nlohmann::json momentum = {{"change", NumberOrNull(m.change[i])},
                                 {"std_error", NumberOrNull(m.std_error[i])},
                                 {"ci_low", NumberOrNull(m.ci_low[i])},
                                 {"ci_high", NumberOrNull(m.ci_high[i])}};
      const std::string note = MomentumNote(m, i);
      if (!note.empty()) momentum["note"] = note;
      out["momentum"] = momentum;
    }
  }
  return out;
}

int PrintJson(const HealthArgs& args, const HealthReport& r) {
  nlohmann::json out;
  out["scorecard"] = args.scorecard;
  if (r.history) {
    out["as_of"] = r.history->as_of;
    if (r.history->previous) {
      out["previous"] = *r.history->previous;
      out["momentum_method"] = kMomentumMethod;
    }
    out["grade_step_days"] = args.grade_step_days.value_or(7);
  }
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
  const bool momentum = r.history && r.history->momentum;
  if (r.history) header.insert(header.end(), {"days_in_grade", "days_in_grade_capped"});
  if (momentum) {
    header.insert(header.end(), {"momentum", "momentum_std_error", "momentum_ci_low",
                                 "momentum_ci_high", "momentum_note"});
  }
  std::cout << CsvRow(header, args.delimiter);
  auto number = [](double x) { return std::isnan(x) ? std::string() : RoundTrip(x); };
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
    if (r.history) {
      const GradeTenure& t = r.history->tenure;
      row.push_back(t.grade[i] < 0 ? "" : RoundTrip(t.days[i]));
      row.push_back(t.capped[i] ? "1" : "0");
    }
    if (momentum) {
      const HealthMomentum& m = *r.history->momentum;
      for (double x : {m.change[i], m.std_error[i], m.ci_low[i], m.ci_high[i]}) {
        row.push_back(number(x));
      }
      row.push_back(MomentumNote(m, i));
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
