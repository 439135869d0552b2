// Customer health scorecards through the C ABI, in two modes chosen by the
// first byte (even: JSON, odd: builder):
//   JSON     candor_scorecard_from_json of the rest of the input, or of one
//            of three valid scorecards with numbers and strings replaced
//            (edits from the input); a card that parses scores a fixed table
//            of 12 accounts (columns named like the seeds' measures, NaN and
//            +-inf among the values, segments "trial" and "paid").
//   builder  candor_scorecard_new, _add_group, _add_measure (every transform
//            and raw values that are none, bounds, weights and points from
//            InterestingDouble, tiers with odd bounds), _set_grades (possibly
//            out of order), _set_rules (missing 3, which is none; reasons out of 0..16),
//            _add_profile (NaN and negative weights, wrong counts), then
//            _validate and candor_health_score of a table from the input.
// Scores returned as CANDOR_OK must keep include/candor/health.hpp's
// promises: score in [0, 100] or NaN, grade in [-1, grades), coverage in
// [0, 1], points NaN or in [0, 100], 0 <= contribution <= max_contribution,
// contributions summing to the score and max_contributions to 100, reasons
// (at most max_reasons) sorted by points lost, each losing more than 0.5,
// and their words fetched by candor_health_reasons (one NUL per account).
// The builder also knows the transforms and grades it asked for: a value
// that is not NaN has points (except under tiers, where it may match no
// tier: then it is counted in unmatched), and the grade is the first whose
// min_score the score reaches.
//
// Input (JSON): mode byte, flags byte (bit 0: edit a built-in card; bit 1:
// score without segments; bit 2: also candor_health_suggest_weights, with
// one of four churn patterns (bits 3-4), 2-5 folds (bits 5-6) and L2
// penalty 1 or 0 (bit 7)), then either the JSON or a card index, an edit
// count and per edit (kind, token index, replacement) bytes.
// Suggested weights returned as CANDOR_OK must keep
// include/candor/health_weights.hpp's promises: weights in [0, 100] summing
// to 100 or all 0, 0 for flagged measures (coefficient > 0), fold in
// [-1, folds) and -1 exactly where the out-of-fold probability is NaN,
// probabilities in [0, 1], AUCs in [0, 1] over the included accounts.
// Input (builder): mode byte, then the calls' arguments in order (see
// Builder below), then one byte (or an interesting double) per table value,
// then (optional) the table's rows as a dated history (HistoryMode).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;
using candor_fuzz::InterestingDouble;

constexpr double kNaN = NAN;
constexpr double kInf = INFINITY;

// ------------------------------------------------------------ the checks

bool Near(double a, double b, double scale) {
  return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b), scale});
}

// What the builder knows about the card it made (empty for JSON cards).
struct Known {
  bool valid = false;
  std::vector<int> transform;         // per measure, the raw enum value
  std::vector<const double*> values;  // per measure, the column it reads
  std::vector<double> min_score;      // per grade
  bool grades_known = false;
};

void CheckReasonsText(const candor_health_scores* scores, const candor_health_columns& c,
                      FuzzInput& in) {
  const size_t n = c.n;
  size_t length = 0;
  candor_status s = candor_health_reasons(scores, 0, n, nullptr, 0, &length);
  CheckStatus(s, "candor_health_reasons size");
  CANDOR_FUZZ_CHECK(s == CANDOR_OK, "reasons size query");
  CANDOR_FUZZ_CHECK(length >= n, "reasons need a NUL per account");
  std::vector<char> buffer(length);
  size_t filled = 0;
  s = candor_health_reasons(scores, 0, n, buffer.data(), buffer.size(), &filled);
  CheckStatus(s, "candor_health_reasons fill");
  CANDOR_FUZZ_CHECK(s == CANDOR_OK && filled == length, "reasons fill the size asked");
  CANDOR_FUZZ_CHECK(static_cast<size_t>(std::count(buffer.begin(), buffer.end(), '\0')) == n,
                    "one NUL per account in the reasons");
  CANDOR_FUZZ_CHECK(n == 0 || buffer.back() == '\0', "reasons end with a NUL");
  // Each account's text is empty exactly when it has no reasons.
  size_t at = 0;
  for (size_t i = 0; i < n && at < buffer.size(); ++i) {
    const size_t len = std::char_traits<char>::length(buffer.data() + at);
    CANDOR_FUZZ_CHECK((len == 0) == (c.reason_count[i] == 0), "reason text empty iff no reasons");
    at += len + 1;
  }
  // A buffer one byte short is refused with the size still reported.
  if (length > 0) {
    size_t again = 0;
    s = candor_health_reasons(scores, 0, n, buffer.data(), length - 1, &again);
    CheckStatus(s, "candor_health_reasons short buffer");
    CANDOR_FUZZ_CHECK(s == CANDOR_INVALID_ARGUMENT && again == length, "short reasons buffer");
  }
  // A range from the input: past the accounts is CANDOR_OUT_OF_RANGE.
  const size_t first = in.Below(static_cast<uint32_t>(n + 3));
  const size_t count = in.Below(static_cast<uint32_t>(n + 3));
  size_t part = 0;
  s = candor_health_reasons(scores, first, count, nullptr, 0, &part);
  CheckStatus(s, "candor_health_reasons range");
  if (first + count > n) {
    CANDOR_FUZZ_CHECK(s == CANDOR_OUT_OF_RANGE, "reasons range past the accounts");
  } else {
    CANDOR_FUZZ_CHECK(s == CANDOR_OK && part <= length && part >= count, "reasons of a range");
  }
}

void CheckScores(const candor_scorecard* card, const candor_health_scores* scores, size_t n,
                 const Known& known, FuzzInput& in) {
  candor_health_columns c;
  const candor_status s = candor_health_scores_columns(scores, &c);
  CheckStatus(s, "candor_health_scores_columns");
  CANDOR_FUZZ_CHECK(s == CANDOR_OK, "columns of scores");
  const size_t m = candor_scorecard_measures(card);
  const size_t grades = candor_scorecard_grades(card);
  CANDOR_FUZZ_CHECK(c.n == n && c.measures == m, "one row per account, one column per measure");
  CANDOR_FUZZ_CHECK(c.max_reasons <= 16, "max_reasons in 0..16");
  for (size_t j = 0; j < m; ++j) {
    CANDOR_FUZZ_CHECK(c.unmatched[j] >= 0 && c.unmatched[j] <= static_cast<int64_t>(n),
                      "unmatched in [0, n]");
  }
  std::vector<int64_t> unmatched(m, 0);
  for (size_t i = 0; i < n; ++i) {
    const double score = c.score[i];
    CANDOR_FUZZ_CHECK(std::isnan(score) || (score >= 0 && score <= 100), "score in [0, 100]");
    CANDOR_FUZZ_CHECK(c.grade[i] >= -1 && c.grade[i] < static_cast<int64_t>(grades),
                      "grade in [-1, grades)");
    CANDOR_FUZZ_CHECK(!std::isnan(score) || c.grade[i] == -1, "no grade without a score");
    CANDOR_FUZZ_CHECK(c.coverage[i] >= -1e-12 && c.coverage[i] <= 1 + 1e-12, "coverage in [0, 1]");
    double sum = 0, max_sum = 0;
    for (size_t j = 0; j < m; ++j) {
      const double p = c.points[i * m + j];
      const double contribution = c.contribution[i * m + j];
      const double most = c.max_contribution[i * m + j];
      CANDOR_FUZZ_CHECK(std::isnan(p) || (p >= 0 && p <= 100), "points NaN or in [0, 100]");
      CANDOR_FUZZ_CHECK(most >= 0 && most <= 100 * (1 + 1e-12), "max_contribution in [0, 100]");
      CANDOR_FUZZ_CHECK(contribution >= 0 && contribution <= most * (1 + 1e-12) + 1e-12,
                        "0 <= contribution <= max_contribution");
      sum += contribution;
      max_sum += most;
      if (known.valid) {
        const double x = known.values[j][i];
        if (known.transform[j] == CANDOR_HEALTH_TRANSFORM_TIERS) {
          if (!std::isnan(x) && std::isnan(p)) ++unmatched[j];
        } else {
          if (std::isnan(x) != std::isnan(p)) {
            char what[160];
            std::snprintf(what, sizeof(what),
                          "measure %zu (transform %d): value %.17g, points %.17g", j,
                          known.transform[j], x, p);
            std::string column = what;
            column += "; the column:";
            for (size_t r = 0; r < n; ++r) column += " " + std::to_string(known.values[j][r]);
            candor_fuzz::Fail("points for every value with data", column);
          }
        }
      }
    }
    if (std::isnan(score)) {
      CANDOR_FUZZ_CHECK(sum == 0 && max_sum == 0, "no contributions without a score");
    } else {
      CANDOR_FUZZ_CHECK(Near(sum, score, 100), "contributions sum to the score");
      CANDOR_FUZZ_CHECK(Near(max_sum, 100, 100), "max_contributions sum to 100");
    }
    if (known.grades_known && !std::isnan(score)) {
      int32_t expected = -1;
      for (size_t k = 0; k < known.min_score.size(); ++k) {
        if (score >= known.min_score[k]) {
          expected = static_cast<int32_t>(k);
          break;
        }
      }
      CANDOR_FUZZ_CHECK(c.grade[i] == expected, "grade: the first whose min_score is reached");
    }
    // Reasons: distinct measures, largest loss first, each loss as stated.
    const int32_t count = c.reason_count[i];
    CANDOR_FUZZ_CHECK(count >= 0 && static_cast<size_t>(count) <= c.max_reasons,
                      "reason_count in [0, max_reasons]");
    for (int32_t k = 0; k < count; ++k) {
      const size_t at = i * c.max_reasons + static_cast<size_t>(k);
      const int32_t j = c.reason_measure[at];
      CANDOR_FUZZ_CHECK(j >= 0 && static_cast<size_t>(j) < m, "reason names a measure");
      const double lost = c.reason_lost[at];
      CANDOR_FUZZ_CHECK(lost > 0.5, "a reason loses more than 0.5 points");
      CANDOR_FUZZ_CHECK(Near(lost, c.max_contribution[i * m + j] - c.contribution[i * m + j], 100),
                        "reason_lost = max_contribution - contribution");
      if (k > 0) {
        CANDOR_FUZZ_CHECK(c.reason_lost[at - 1] >= lost, "reasons by points lost, descending");
        for (int32_t e = 0; e < k; ++e) {
          CANDOR_FUZZ_CHECK(c.reason_measure[i * c.max_reasons + e] != j, "reasons distinct");
        }
      }
    }
  }
  if (known.valid) {
    for (size_t j = 0; j < m; ++j) {
      CANDOR_FUZZ_CHECK(c.unmatched[j] == unmatched[j], "unmatched counts the values no tier held");
    }
  }
  CheckReasonsText(scores, c, in);
}

// ------------------------------------------------------------ JSON mode

// Three valid scorecards: the worked example of docs/health-scorecard.md,
// a tiers card and a worst-of card with profiles.
const char* const kCards[] = {
    R"({"version": 1,
 "groups": [{"name": "support", "weight": 1}, {"name": "usage", "weight": 2}],
 "measures": [
  {"name": "open_tickets", "label": "Open tickets", "group": "support", "weight": 1,
   "transform": "linear", "zero_at": 20, "full_at": 0},
  {"name": "has_champion", "label": "Champion", "group": "support", "weight": 0.5,
   "transform": "boolean", "true_points": 100, "false_points": 20},
  {"name": "seats", "label": "Seats", "group": "usage", "weight": 2, "transform": "tiers",
   "tiers": [
    {"low": null, "high": 10, "points": 0, "label": "under 10 seats"},
    {"low": 10, "high": 50, "high_inclusive": true, "points": 60, "label": "10 to 50 seats"},
    {"low": 50, "low_inclusive": false, "points": 100, "label": "over 50 seats"}]},
  {"name": "logins", "label": "Logins in 30 days", "group": "usage",
   "transform": "percentile", "higher_is_better": true},
  {"name": "usage_growth", "label": "Usage growth", "group": "usage", "weight": 0.5,
   "transform": "z_score", "higher_is_better": true, "z_span": 2.5}],
 "grades": [{"name": "healthy", "min_score": 75}, {"name": "at risk", "min_score": 45},
            {"name": "critical", "min_score": null}],
 "missing": "group_mean", "combine": "worst_of",
 "profiles": [{"segment": "trial", "measure_weights": {"open_tickets": 0, "seats": 0},
               "group_weights": {"usage": 3}}],
 "reasons": 4})",
    R"({"measures": [
  {"name": "nps", "transform": "tiers", "tiers": [
    {"high": 0, "points": 0, "label": "detractor"},
    {"low": 0, "high": 9, "points": 50},
    {"low": 9, "high_inclusive": true, "high": 10, "points": 100, "label": "promoter"}]},
  {"name": "arr", "weight": 2, "transform": "tiers", "tiers": [
    {"low": 0, "high": 1000, "points": 20}, {"low": 1000, "points": 90}]},
  {"name": "csat", "transform": "linear", "zero_at": 1, "full_at": 5}],
 "missing": "zero", "reasons": 2})",
    R"({"groups": [{"name": "adoption", "weight": 2}, {"name": "sentiment"}],
 "measures": [
  {"name": "usage_growth", "group": "adoption", "transform": "z_score", "z_span": 1.5},
  {"name": "seats", "group": "adoption", "transform": "percentile", "higher_is_better": false},
  {"name": "nps", "group": "sentiment", "transform": "linear", "zero_at": -100, "full_at": 100},
  {"name": "tickets", "group": "sentiment", "weight": 3, "transform": "boolean",
   "true_points": 10, "false_points": 100}],
 "grades": [{"name": "green", "min_score": 60}, {"name": "red", "min_score": 0}],
 "combine": "worst_of", "missing": "renormalize",
 "profiles": [
  {"segment": "trial", "measure_weights": {"usage_growth": 0.5}, "group_weights": {"sentiment": 0}},
  {"segment": "paid", "group_weights": {"adoption": 1, "sentiment": 1}}],
 "reasons": 16})",
};

// Replacements for a number token and for a string token.
const char* const kNumbers[] = {
    "0",      "-0",     "1",      "100",  "100.0000001", "-1",  "1e308", "1.7976931348623157e308",
    "-1e308", "5e-324", "1e-310", "0.5",  "20",          "50",  "1e999", "2",
    "16",     "17",     "null",   "true", "\"1\"",       "-100"};
const char* const kStrings[] = {"\"\"",
                                "\"linear\"",
                                "\"tiers\"",
                                "\"boolean\"",
                                "\"percentile\"",
                                "\"z_score\"",
                                "\"zero\"",
                                "\"group_mean\"",
                                "\"renormalize\"",
                                "\"worst_of\"",
                                "\"weighted_mean\"",
                                "\"support\"",
                                "\"usage\"",
                                "\"trial\"",
                                "\"paid\"",
                                "\"seats\"",
                                "\"logins\"",
                                "\"nps\"",
                                "\"a\\u0000b\"",
                                "\"overall\"",
                                "\"open_tickets\"",
                                "\"x\"",
                                "1",
                                "null"};

struct Token {
  size_t begin, end;
  bool number;
};

// The number and string tokens of `json` (keys included).
std::vector<Token> Tokens(const std::string& json) {
  std::vector<Token> tokens;
  for (size_t i = 0; i < json.size();) {
    const char ch = json[i];
    if (ch == '"') {
      size_t j = i + 1;
      while (j < json.size() && json[j] != '"') j += json[j] == '\\' ? 2 : 1;
      j = std::min(j + 1, json.size());
      tokens.push_back({i, j, false});
      i = j;
    } else if (ch == '-' || (ch >= '0' && ch <= '9') || ch == 'n') {
      size_t j = i + 1;
      while (j < json.size() && std::string("0123456789.eE+-ul").find(json[j]) != std::string::npos)
        ++j;
      tokens.push_back({i, j, true});
      i = j;
    } else {
      ++i;
    }
  }
  return tokens;
}

std::string EditedCard(FuzzInput& in) {
  std::string json = kCards[in.Byte() % 3];
  const int edits = in.Byte() % 9;
  for (int e = 0; e < edits; ++e) {
    const uint8_t kind = in.Byte();
    const uint8_t index = in.Byte();
    const uint8_t pick = in.Byte();
    std::vector<Token> tokens = Tokens(json);
    std::vector<Token> chosen;
    for (const Token& t : tokens) {
      if (t.number == ((kind & 1) == 0)) chosen.push_back(t);
    }
    if (chosen.empty()) continue;
    const Token t = chosen[index % chosen.size()];
    const std::string with = (kind & 1) == 0
                                 ? kNumbers[pick % (sizeof(kNumbers) / sizeof(kNumbers[0]))]
                                 : kStrings[pick % (sizeof(kStrings) / sizeof(kStrings[0]))];
    json.replace(t.begin, t.end - t.begin, with);
  }
  return json;
}

// The fixed table: 12 accounts, two segments.
constexpr size_t kRows = 12;
const char* const kColumnNames[] = {"open_tickets", "has_champion", "seats",
                                    "logins",       "usage_growth", "nps",
                                    "arr",          "csat",         "tickets"};
const double kColumns[][kRows] = {
    {0, 3, 14, 25, kNaN, 1, 7, 0, 2, kInf, 19, 5},                        // open_tickets
    {1, 0, 1, 1, 0, kNaN, 1, 0, 1, 1, -kInf, 1},                          // has_champion
    {5, 10, 50, 51, kNaN, 200, 9.5, 50.5, kInf, -kInf, 0, 12},            // seats
    {30, 2, kNaN, 15, 15, 15, kInf, 0, 7, 40, -kInf, 22},                 // logins
    {0.1, -0.3, 0.05, kNaN, 0.2, 0.2, 0.0, -1.5, 0.4, 0.1, 0.3, kNaN},    // usage_growth
    {10, 9, 0, -1, 7, kNaN, 8, 6, 10, 3, 11, -kInf},                      // nps
    {500, 1000, 999.99, 25000, kNaN, 0, -1, kInf, 1e308, 1200, 50, 800},  // arr
    {5, 4, 1, 3, kNaN, 2, 0.5, 6, 4.5, kNaN, 3, 1},                       // csat
    {0, 1, 2, 0, 0, kNaN, 3, 0, 1, 0, kInf, 0},                           // tickets
};
const int32_t kSegment[kRows] = {0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1};
const char* const kSegmentNames[] = {"trial", "paid"};

// ------------------------------------------------------ suggested weights

// `customer`: per account, a row before the cut-off (as of a cut-off; null
// for a table, whose rows are all included or excluded).
void CheckSuggestedWeights(const candor_suggested_weights* weights, size_t n, int folds,
                           const std::vector<uint8_t>* customer = nullptr) {
  candor_suggested_weights_columns c;
  CANDOR_FUZZ_CHECK(candor_suggested_weights_columns_get(weights, &c) == CANDOR_OK, "columns");
  CANDOR_FUZZ_CHECK(c.n == n, "one row per account");
  double total = 0;
  for (size_t m = 0; m < c.measures; ++m) {
    const double w = c.suggested_weight[m];
    CANDOR_FUZZ_CHECK(w >= 0 && w <= 100 + 1e-9, "suggested weight in [0, 100]");
    CANDOR_FUZZ_CHECK(c.flagged[m] == (c.coefficient[m] > 0 ? 1 : 0),
                      "flagged iff coefficient > 0");
    CANDOR_FUZZ_CHECK(!c.flagged[m] || w == 0, "a flagged measure gets no weight");
    CANDOR_FUZZ_CHECK(std::isfinite(c.coefficient[m]), "finite coefficient");
    total += w;
  }
  CANDOR_FUZZ_CHECK(total == 0 || Near(total, 100, 100), "weights sum to 100 or 0");
  int64_t included = 0, not_yet = 0;
  for (size_t i = 0; i < n; ++i) {
    const double p = c.oof_probability[i];
    if (customer != nullptr && !(*customer)[i]) {
      CANDOR_FUZZ_CHECK(c.fold[i] == -2 && std::isnan(p) && std::isnan(c.score[i]),
                        "fold -2, no probability and no score without a row before as_of");
      ++not_yet;
      continue;
    }
    CANDOR_FUZZ_CHECK(c.fold[i] >= -1 && c.fold[i] < folds, "fold in [-1, folds)");
    CANDOR_FUZZ_CHECK((c.fold[i] == -1) == std::isnan(p), "excluded iff NaN probability");
    CANDOR_FUZZ_CHECK(std::isnan(p) || (p >= 0 && p <= 1), "probability in [0, 1]");
    included += c.fold[i] >= 0 ? 1 : 0;
  }
  CANDOR_FUZZ_CHECK(c.excluded + included + not_yet == static_cast<int64_t>(n),
                    "excluded + included + not yet customers = n");
  for (const candor_auc_result* auc : {&c.auc, &c.current_auc}) {
    CANDOR_FUZZ_CHECK(auc->value >= 0 && auc->value <= 1, "AUC in [0, 1]");
    CANDOR_FUZZ_CHECK(auc->n_positive + auc->n_negative == included, "AUC over the included");
  }
}

void SuggestWeights(const candor_scorecard* card, uint8_t flags, const double* const* columns,
                    bool segments) {
  uint8_t churn[kRows];
  const int pattern = (flags >> 3) & 3;
  for (size_t i = 0; i < kRows; ++i) {
    churn[i] = pattern == 3 ? (i < 6 ? 1 : 0) : ((i * 7 + pattern) % 3 == 0 ? 1 : 0);
  }
  candor_suggest_weights_options options;
  candor_suggest_weights_options_init(&options);
  options.folds = 2 + ((flags >> 5) & 3);
  options.l2_penalty = (flags & 128) ? 0 : 1;
  candor_suggested_weights* weights = nullptr;
  const candor_status s = candor_health_suggest_weights(
      card, kColumnNames, columns, sizeof(kColumns) / sizeof(kColumns[0]), kRows,
      segments ? kSegment : nullptr, segments ? kSegmentNames : nullptr, segments ? 2 : 0, churn,
      &options, &weights);
  CheckStatus(s, "candor_health_suggest_weights");
  if (s == CANDOR_OK) {
    CheckSuggestedWeights(weights, kRows, options.folds);
  } else {
    CANDOR_FUZZ_CHECK(weights == nullptr, "no weights on failure");
  }
  candor_suggested_weights_free(weights);
}

void JsonMode(FuzzInput& in) {
  const uint8_t flags = in.Byte();
  const std::string json = (flags & 1) ? EditedCard(in) : std::string(in.Rest());
  candor_scorecard* card = nullptr;
  candor_status s = candor_scorecard_from_json(json.data(), json.size(), &card);
  CheckStatus(s, "candor_scorecard_from_json");
  if (s != CANDOR_OK) {
    CANDOR_FUZZ_CHECK(card == nullptr, "no scorecard on failure");
    return;
  }
  // A card that parsed is valid.
  s = candor_scorecard_validate(card);
  CheckStatus(s, "candor_scorecard_validate");
  CANDOR_FUZZ_CHECK(s == CANDOR_OK, "a parsed scorecard validates");
  const double* columns[sizeof(kColumns) / sizeof(kColumns[0])];
  for (size_t j = 0; j < sizeof(kColumns) / sizeof(kColumns[0]); ++j) columns[j] = kColumns[j];
  const bool segments = (flags & 2) == 0;
  candor_health_scores* scores = nullptr;
  s = candor_health_score(card, kColumnNames, columns, sizeof(kColumns) / sizeof(kColumns[0]),
                          kRows, segments ? kSegment : nullptr, segments ? kSegmentNames : nullptr,
                          segments ? 2 : 0, &scores);
  CheckStatus(s, "candor_health_score");
  if (s == CANDOR_OK) {
    CheckScores(card, scores, kRows, Known(), in);
  } else {
    CANDOR_FUZZ_CHECK(scores == nullptr, "no scores on failure");
  }
  candor_health_scores_free(scores);
  if (flags & 4) SuggestWeights(card, flags, columns, segments);
  candor_scorecard_free(card);
}

// ------------------------------------------------------------ builder mode

const char* const kGroupNames[] = {"g0", "g1", "g2", "", "g0"};
const char* const kMeasureNames[] = {"m0", "m1", "m2", "m3", "m4", "m5", "", "zz"};
const char* const kLabels[] = {nullptr, "Label", "", "Seats; under 10", "m0"};
const char* const kGradeNames[] = {"A", "B", "C", "D", "", "A"};
const char* const kProfileSegments[] = {"s0", "s1", "s2", "", "s0"};
constexpr size_t kMaxMeasures = 6;

// A double for a bound, weight or point: a small value mostly, sometimes an
// interesting one.
double Number(FuzzInput& in, double scale) {
  const uint8_t b = in.Byte();
  if (b >= 0xe0) return InterestingDouble(in);
  return (static_cast<int>(b % 32) - 4) * scale;
}

// The table's rows as a dated history (health_history.hpp): account codes
// (some out of range), times and standard errors (some negative or NaN) from
// the input; scores as of a cut-off, suggested weights as of it (with
// churn per account from the input), days in grade and momentum. A momentum
// returned as CANDOR_OK never has an interval of zero width.
void HistoryMode(FuzzInput& in, const candor_scorecard* card, const char* const* names,
                 const double* const* columns, size_t n_columns, size_t n) {
  if (in.remaining() == 0) return;
  const size_t accounts = 1 + in.Byte() % 6;
  std::vector<int32_t> account(n);
  std::vector<int64_t> time(n);
  std::vector<double> se(n);
  for (size_t r = 0; r < n; ++r) {
    const uint8_t b = in.Byte();
    account[r] = b == 0xff ? in.Raw<int32_t>() : static_cast<int32_t>(b % accounts);
    time[r] = in.Byte() % 32;
    const uint8_t e = in.Byte();
    se[r] = e >= 0xf0 ? InterestingDouble(in) : e % 8;
  }
  std::vector<const double*> errors(n_columns, nullptr);
  if (n_columns > 0) errors[0] = se.data();
  candor_health_history h;
  candor_health_history_init(&h);
  h.n = n;
  h.account = account.data();
  h.time = time.data();
  h.n_accounts = accounts;
  h.names = names;
  h.columns = columns;
  h.n_columns = n_columns;
  h.std_error_columns = errors.data();
  const int64_t as_of = in.Byte() % 40;
  const int64_t previous = static_cast<int64_t>(in.Byte() % 40) - 4;
  candor_health_scores* scores = nullptr;
  const candor_status s = candor_health_score_as_of(card, &h, as_of, &scores);
  CheckStatus(s, "candor_health_score_as_of");
  CANDOR_FUZZ_CHECK((s == CANDOR_OK) == (scores != nullptr), "a handle only on success");
  candor_health_scores_free(scores);
  // Suggested weights as of the cut-off, churn per account from the input
  // (2: not 0/1, refused unless the account is not yet a customer).
  std::vector<uint8_t> churned(accounts), customer(accounts, 0);
  for (size_t a = 0; a < accounts; ++a) churned[a] = in.Byte() % 3 == 2 ? 2 : (a + as_of) % 2;
  bool valid_codes = true;
  for (size_t r = 0; r < n; ++r) {
    valid_codes = valid_codes && account[r] >= 0 && static_cast<size_t>(account[r]) < accounts;
  }
  for (size_t r = 0; r < n && valid_codes; ++r) {
    if (time[r] < as_of) customer[static_cast<size_t>(account[r])] = 1;
  }
  candor_suggest_weights_options options;
  candor_suggest_weights_options_init(&options);
  options.folds = 2;
  candor_suggested_weights* weights = nullptr;
  const candor_status w =
      candor_health_suggest_weights_as_of(card, &h, as_of, churned.data(), &options, &weights);
  CheckStatus(w, "candor_health_suggest_weights_as_of");
  CANDOR_FUZZ_CHECK((w == CANDOR_OK) == (weights != nullptr), "weights only on success");
  if (w == CANDOR_OK) CheckSuggestedWeights(weights, accounts, options.folds, &customer);
  candor_suggested_weights_free(weights);
  std::vector<int32_t> grade(accounts);
  std::vector<double> days(accounts);
  std::vector<uint8_t> capped(accounts);
  CheckStatus(
      candor_health_days_in_grade(card, &h, as_of, 1.0 / (1 + in.Byte() % 4) / 86400 * 3,
                                  1 + in.Byte() % 4, grade.data(), days.data(), capped.data()),
      "candor_health_days_in_grade");
  std::vector<double> change(accounts), std_error(accounts), low(accounts), high(accounts);
  const double level = (in.Byte() % 11) / 10.0;
  const candor_status m = candor_health_momentum(card, &h, as_of, previous, level, change.data(),
                                                 std_error.data(), low.data(), high.data());
  CheckStatus(m, "candor_health_momentum");
  if (m != CANDOR_OK) return;
  for (size_t a = 0; a < accounts; ++a) {
    CANDOR_FUZZ_CHECK(std::isnan(std_error[a]) || std_error[a] >= 0, "std_error >= 0 or NaN");
    CANDOR_FUZZ_CHECK(std::isnan(low[a]) == std::isnan(high[a]), "both ends or neither");
    if (!std::isnan(low[a])) {
      CANDOR_FUZZ_CHECK(
          std_error[a] > 0 && low[a] < high[a] && low[a] <= change[a] && change[a] <= high[a],
          "an interval has width and holds the change");
    }
  }
}

void BuilderMode(FuzzInput& in) {
  candor_scorecard* card = nullptr;
  CANDOR_FUZZ_CHECK(candor_scorecard_new(&card) == CANDOR_OK && card != nullptr, "scorecard_new");
  Known known;
  // Groups.
  const int groups = in.Byte() % 4;
  for (int g = 0; g < groups; ++g) {
    const uint8_t b = in.Byte();
    const double weight = (b & 0x80) ? InterestingDouble(in) : (b & 3);
    CheckStatus(candor_scorecard_add_group(card, kGroupNames[b % 5], weight),
                "candor_scorecard_add_group");
  }
  // Measures; the tiers outlive the calls to show they are copied.
  const size_t measures = in.Byte() % (kMaxMeasures + 1);
  std::vector<int> transform;  // per measure added
  std::vector<int> column_of;  // its column in the table, or -1 for none
  for (size_t i = 0; i < measures; ++i) {
    candor_health_measure m;
    candor_health_measure_init(&m);
    const uint8_t naming = in.Byte();
    const int name = (naming & 0xe0) ? static_cast<int>(i) : naming % 8;
    m.name = kMeasureNames[name];
    m.label = kLabels[(naming >> 3) % 5];
    const uint8_t grouping = in.Byte();
    m.group =
        (grouping % 4 == 3) ? "nope" : (grouping % 4 == 0 ? nullptr : kGroupNames[grouping % 3]);
    const uint8_t choice = in.Byte();
    if (choice & 1) m.weight = Number(in, 0.5);
    const int t = (choice >> 1) % 8 < 7 ? (choice >> 1) % 5 : 5 + (choice >> 4) % 3;  // 5..7: none
    candor_fuzz::SetRawEnum(&m.transform, t);
    std::vector<candor_health_tier> tiers;
    switch (t) {
      case CANDOR_HEALTH_TRANSFORM_LINEAR:
        m.zero_at = Number(in, 5);
        m.full_at = Number(in, 5);
        break;
      case CANDOR_HEALTH_TRANSFORM_TIERS: {
        const int n_tiers = in.Byte() % 5;
        for (int k = 0; k < n_tiers; ++k) {
          const uint8_t ends = in.Byte();
          candor_health_tier tier;
          tier.low = (ends & 1) ? -kInf : Number(in, 2);
          tier.high = (ends & 2) ? kInf : Number(in, 2);
          tier.low_inclusive = (ends & 4) ? 0 : 1;
          tier.high_inclusive = (ends & 8) ? 1 : 0;
          tier.points = (ends & 16) ? InterestingDouble(in) : in.Byte() % 101;
          tier.label = (ends & 32) ? nullptr : "band";
          tiers.push_back(tier);
        }
        m.tiers = tiers.data();
        m.n_tiers = tiers.size();
        break;
      }
      case CANDOR_HEALTH_TRANSFORM_BOOLEAN:
        m.true_points = Number(in, 10);
        m.false_points = Number(in, 10);
        break;
      case CANDOR_HEALTH_TRANSFORM_PERCENTILE:
        m.higher_is_better = static_cast<int32_t>(in.Byte() % 3);
        break;
      case CANDOR_HEALTH_TRANSFORM_Z_SCORE:
        m.higher_is_better = static_cast<int32_t>(in.Byte() % 3);
        m.z_span = Number(in, 0.5);
        break;
      default:
        break;
    }
    const candor_status s = candor_scorecard_add_measure(card, &m);
    CheckStatus(s, "candor_scorecard_add_measure");
    if (s == CANDOR_OK) {
      transform.push_back(t);
      column_of.push_back(name < 6 ? name : -1);
    }
  }
  const size_t added = candor_scorecard_measures(card);
  CANDOR_FUZZ_CHECK(added == transform.size(), "one measure per add_measure that succeeded");
  // Grades, possibly out of order.
  known.min_score = {70, 40, 0};
  known.grades_known = true;
  const uint8_t grading = in.Byte();
  if (grading & 1) {
    const size_t n = (grading >> 1) % 5;
    const char* names[4];
    double min_scores[4];
    for (size_t k = 0; k < n; ++k) {
      names[k] = kGradeNames[in.Byte() % 6];
      min_scores[k] = Number(in, 10);
    }
    const candor_status s = candor_scorecard_set_grades(card, names, min_scores, n);
    CheckStatus(s, "candor_scorecard_set_grades");
    if (s == CANDOR_OK) known.min_score.assign(min_scores, min_scores + n);
  }
  // Rules: missing 0..3, reasons from -2 to 17.
  const uint8_t rules = in.Byte();
  if (rules & 1) {
    candor_health_missing missing;
    candor_health_combine combine;
    // Passed by value, an enum is loaded here, and C++ may load only values
    // within its range: 0..3 for missing (3 is no policy), 0..1 for combine.
    // tests/c/health_test.c passes values outside from C.
    candor_fuzz::SetRawEnum(&missing, static_cast<int>(in.Byte() % 4));
    candor_fuzz::SetRawEnum(&combine, static_cast<int>(in.Byte() % 2));
    CheckStatus(candor_scorecard_set_rules(card, missing, combine,
                                           static_cast<int32_t>(in.Byte() % 20) - 2),
                "candor_scorecard_set_rules");
  }
  // Profiles with NaN and negative weights and counts that may be wrong.
  const int profiles = (rules >> 1) % 4;
  for (int p = 0; p < profiles; ++p) {
    const uint8_t b = in.Byte();
    std::vector<double> measure_weights, group_weights;
    const size_t n_measure = (b & 1) ? ((b & 2) ? added : in.Byte() % 8) : 0;
    const size_t n_group = (b & 4) ? ((b & 8) ? std::max(groups, 1) : in.Byte() % 5) : 0;
    for (size_t i = 0; i < n_measure; ++i) measure_weights.push_back(Number(in, 0.5));
    for (size_t g = 0; g < n_group; ++g) group_weights.push_back(Number(in, 0.5));
    CheckStatus(candor_scorecard_add_profile(
                    card, kProfileSegments[(b >> 4) % 5],
                    measure_weights.empty() ? nullptr : measure_weights.data(), n_measure,
                    group_weights.empty() ? nullptr : group_weights.data(), n_group),
                "candor_scorecard_add_profile");
  }
  CheckStatus(candor_scorecard_validate(card), "candor_scorecard_validate");
  // The table: columns m0..m5 (one may be left out), n rows from the input.
  const uint8_t shape = in.Byte();
  const size_t n = shape % 16;  // 0: no accounts, an error
  const size_t n_columns = 6 - ((shape & 0x10) ? 1 : 0);
  std::vector<std::vector<double>> values(6, std::vector<double>(n));
  std::vector<int32_t> segment(n);
  for (size_t r = 0; r < n; ++r) {
    for (size_t j = 0; j < 6; ++j) {
      const uint8_t b = in.Byte();
      values[j][r] = b >= 0xf0 ? InterestingDouble(in) : (b == 0xef ? kNaN : b % 24);
    }
    const uint8_t code = in.Byte();
    segment[r] = code == 0xff ? in.Raw<int32_t>() : code % 2;
  }
  const char* names[6];
  const double* columns[6];
  for (size_t j = 0; j < n_columns; ++j) {
    names[j] = kMeasureNames[j];
    columns[j] = values[j].data();
  }
  const bool segments = (shape & 0x20) == 0;
  const char* const segment_names[] = {"s0", "s1"};
  candor_health_scores* scores = nullptr;
  const candor_status s =
      candor_health_score(card, names, columns, n_columns, n, segments ? segment.data() : nullptr,
                          segments ? segment_names : nullptr, segments ? 2 : 0, &scores);
  CheckStatus(s, "candor_health_score");
  if (s == CANDOR_OK) {
    known.valid = true;
    known.transform = transform;
    for (size_t j = 0; j < added; ++j) {
      CANDOR_FUZZ_CHECK(column_of[j] >= 0, "a measure scored without its column");
      known.values.push_back(values[static_cast<size_t>(column_of[j])].data());
    }
    CheckScores(card, scores, n, known, in);
  } else {
    CANDOR_FUZZ_CHECK(scores == nullptr, "no scores on failure");
  }
  candor_health_scores_free(scores);
  HistoryMode(in, card, names, columns, n_columns, n);
  candor_scorecard_free(card);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  if (in.Byte() & 1) {
    BuilderMode(in);
  } else {
    JsonMode(in);
  }
  return 0;
}
