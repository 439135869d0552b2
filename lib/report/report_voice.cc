// The report's "what customers say" section: the text pipeline over the
// comments (sentiment, emotions, urgency), themes discovered in them (as
// `candor themes` does without a taxonomy: the report needs no file), each
// theme's share, sentiment, NPS impact and trend (drivers.hpp), quotes with
// PII redacted (outer_loop.hpp), and the fire alarms of the follow-up queue.
#include <algorithm>
#include <array>
#include <candor/drivers.hpp>
#include <candor/outer_loop.hpp>
#include <candor/text_discovery.hpp>
#include <candor/text_model.hpp>
#include <candor/trend_buckets.hpp>
#include <cmath>
#include <cstdint>
#include <memory>
#include <numeric>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "report_account_values.hpp"
#include "report_followup.hpp"
#include "report_sections.hpp"

namespace candor::report_internal {
namespace {

// Themes are discovered in at most this many comments: every comment up to
// it, a seeded sample above (NMF's cost grows with the comments; the shares
// and impacts of a 50,000-comment sample have standard errors of about half
// a point; discovery on 200,000 took 35-40 s, on 50,000 about a quarter).
constexpr size_t kMaxThemeComments = 50000;

bool IsBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// Positions 0..n-1, or a sorted seeded sample of `limit` of them.
std::vector<size_t> ThemeSample(size_t n, size_t limit, uint64_t seed) {
  std::vector<size_t> positions(n);
  std::iota(positions.begin(), positions.end(), size_t{0});
  if (n <= limit) return positions;
  std::mt19937_64 random(seed);
  for (size_t i = 0; i < limit; ++i) {  // partial Fisher-Yates
    std::uniform_int_distribution<size_t> pick(i, n - 1);
    std::swap(positions[i], positions[pick(random)]);
  }
  positions.resize(limit);
  std::sort(positions.begin(), positions.end());
  return positions;
}

// True when `codes` holds at least two distinct values.
bool HasTwoDistinct(const std::vector<int32_t>& codes) {
  for (int32_t code : codes) {
    if (code != codes.front()) return true;
  }
  return false;
}

std::string TrendWord(const TrendingTheme& trending) {
  if (!trending.trending) return "steady";
  return trending.difference > 0 ? "rising" : "falling";
}

// What the report keeps of the text analysis, per comment (positions into
// the comment rows): the comments are analysed in chunks and only this is
// kept, so memory grows by a few bytes per comment, not by the analysis's
// sentences and per-comment strings.
struct CommentAnalysis {
  std::vector<double> sentiment;                                // compound score
  std::vector<uint8_t> urgent;                                  // 0 or 1
  std::vector<uint8_t> urgency_category;                        // text::UrgencyCategory
  std::unordered_map<size_t, std::string> urgency_reason;       // only where urgent
  std::array<int64_t, text::kEmotionCount> emotion_comments{};  // intensity >= 1/2
};

constexpr size_t kAnalysisChunk = 65536;

Status AnalyzeComments(const std::vector<std::string_view>& texts, const Progress& progress,
                       CommentAnalysis* out) {
  text::TextModelOptions model_options;
  model_options.tokenize.invalid_utf8 = text::Utf8Policy::kRepair;
  Result<std::unique_ptr<text::TextModel>> model = text::TextModel::Create(model_options);
  if (!model.ok()) return model.status();
  out->sentiment.reserve(texts.size());
  out->urgent.reserve(texts.size());
  out->urgency_category.reserve(texts.size());
  for (size_t begin = 0; begin < texts.size(); begin += kAnalysisChunk) {
    if (begin > 0 && !progress.Report(kSectionsBeforeVoice, kReportSections)) {
      return Status(CANDOR_CANCELLED, "report cancelled while analysing the comments (" +
                                          std::to_string(begin) + " of " +
                                          std::to_string(texts.size()) + " done)");
    }
    const size_t count = std::min(kAnalysisChunk, texts.size() - begin);
    Result<text::TextColumns> analysis = (*model)->Analyze(texts.data() + begin, count);
    if (!analysis.ok()) return analysis.status();
    const text::SentimentColumns& sentiment = analysis->sentiment;
    for (size_t k = 0; k < count; ++k) {
      out->sentiment.push_back(sentiment.score[k]);
      out->urgent.push_back(sentiment.urgent[k] ? 1 : 0);
      out->urgency_category.push_back(sentiment.urgency_category[k]);
      if (sentiment.urgent[k] || !sentiment.urgency_reason[k].empty()) {
        out->urgency_reason.emplace(begin + k, sentiment.urgency_reason[k]);
      }
    }
    // A comment expresses an emotion when its intensity reaches one half
    // (text_sentiment.hpp's E_k = emotion_half), as `candor themes` counts them.
    for (int e = 0; e < text::kEmotionCount; ++e) {
      for (double intensity : sentiment.emotions[e]) out->emotion_comments[e] += intensity >= 0.5;
    }
  }
  return OkStatus();
}

// The themes' rows of comments (positions into `rows`) and their analysis.
struct ThemeInputs {
  std::vector<double> scores;
  std::vector<double> weights;    // empty: unweighted
  std::vector<int32_t> accounts;  // the account, or each comment its own
  bool real_accounts = false;
  std::vector<int32_t> periods;  // empty: no times
  std::vector<double> sentiments;
  std::vector<std::string_view> texts;
  std::vector<size_t> rows;  // table rows
};

ThemeInputs GatherThemeInputs(const ReportContext& context, const std::vector<size_t>& rows,
                              const std::vector<double>& sentiments,
                              const std::vector<int32_t>& row_periods) {
  const Table& table = context.table;
  ThemeInputs in;
  in.rows = rows;
  const bool accounts = !table.account.codes.empty();
  for (size_t k = 0; k < rows.size(); ++k) {
    const size_t row = rows[k];
    in.scores.push_back(table.scores[row]);
    if (context.weights != nullptr) in.weights.push_back(context.weights[row]);
    in.accounts.push_back(accounts ? table.account.codes[row] : static_cast<int32_t>(k));
    if (!row_periods.empty()) in.periods.push_back(row_periods[row]);
    in.sentiments.push_back(sentiments[k]);
    in.texts.emplace_back(table.comments[row]);
  }
  in.real_accounts = accounts && HasTwoDistinct(in.accounts);
  if (accounts && !in.real_accounts) {  // one account: no clusters to speak of
    std::iota(in.accounts.begin(), in.accounts.end(), 0);
  }
  if (!in.periods.empty() && !HasTwoDistinct(in.periods)) in.periods.clear();
  return in;
}

// Per account ARR (its rows' first value; 0 when none is given), or empty.
std::vector<double> AccountArr(const ReportContext& context, int64_t* missing) {
  *missing = 0;
  if (context.extras.arr.empty() || context.table.account.codes.empty()) return {};
  std::vector<double> arr = FirstValuePerAccount(context.table, context.extras.arr);
  for (double& value : arr) {
    if (std::isnan(value) || value < 0) {
      value = 0;
      ++*missing;
    }
  }
  return arr;
}

Status BuildThemes(const ReportContext& context, const std::vector<size_t>& comment_rows,
                   const CommentAnalysis& analysis, ReportVoice* voice) {
  const ReportOptions& options = context.options;
  const Table& table = context.table;
  const std::vector<size_t> sample =
      ThemeSample(comment_rows.size(), kMaxThemeComments, options.seed);
  std::vector<size_t> rows;
  std::vector<double> sentiments;
  for (size_t k : sample) {
    rows.push_back(comment_rows[k]);
    sentiments.push_back(analysis.sentiment[k]);
  }
  voice->theme_comments = static_cast<int64_t>(rows.size());
  if (sample.size() < comment_rows.size()) {
    voice->caveats.push_back("themes were found in a seeded random sample of " +
                             std::to_string(sample.size()) + " of the " +
                             std::to_string(comment_rows.size()) +
                             " comments; their shares, impacts and quotes are that sample's");
  }

  std::vector<int32_t> row_periods;
  std::string no_trend = "no time column: themes have no trend";
  if (!table.times.empty()) {
    Result<BucketPeriod> period = ParseBucketPeriod(options.period);
    Result<CalendarBuckets> buckets =
        period.ok() ? AssignCalendarBuckets(table.times.data(), table.times.size(), *period,
                                            options.time_zone)
                    : Result<CalendarBuckets>(period.status());
    if (buckets.ok()) {
      row_periods.assign(buckets->bucket_of.begin(), buckets->bucket_of.end());
      no_trend = "the comments fall in one " + options.period + ": themes have no trend";
    } else {
      no_trend = "themes have no trend: " + buckets.status().message();
    }
  }
  ThemeInputs in = GatherThemeInputs(context, rows, sentiments, row_periods);

  text::DiscoveryOptions discovery_options;
  discovery_options.tokenize.invalid_utf8 = text::Utf8Policy::kRepair;
  discovery_options.nmf.seed = options.seed;
  Result<text::ThemeDiscovery> discovery = text::DiscoverThemes(in.texts, discovery_options);
  if (!discovery.ok()) {
    voice->caveats.push_back("no themes: " + discovery.status().message());
    return OkStatus();
  }
  const size_t k = discovery->themes.size();
  std::vector<std::string> names;
  for (const text::DiscoveredTheme& theme : discovery->themes) names.push_back(theme.label);
  std::vector<int64_t> pair_comment;
  std::vector<int32_t> pair_theme;
  for (size_t i = 0; i < discovery->dominant.size(); ++i) {
    if (discovery->dominant[i] < 0) continue;
    pair_comment.push_back(static_cast<int64_t>(i));
    pair_theme.push_back(discovery->dominant[i]);
  }
  Result<ThemeMentions> mentions = ThemeMentions::FromPairs(
      pair_comment.data(), pair_theme.data(), pair_comment.size(), in.scores.size(), k);
  if (!mentions.ok()) return mentions.status();

  // Drivers: share, impact (weighted, clustered by account) and trend.
  DriverInputs driver_inputs;
  driver_inputs.weights = in.weights.empty() ? nullptr : in.weights.data();
  driver_inputs.accounts = in.real_accounts ? in.accounts.data() : nullptr;
  driver_inputs.periods = in.periods.empty() ? nullptr : in.periods.data();
  DriverOptions driver_options;
  driver_options.fit_key_drivers = false;
  driver_options.alpha = 1 - options.level;
  Result<ThemeDrivers> drivers =
      EstimateThemeDrivers(Metric::Nps(), in.scores.data(), in.scores.size(), *mentions, names,
                           driver_inputs, context.interval, driver_options);
  if (!drivers.ok()) {
    voice->caveats.push_back("no theme impacts: " + drivers.status().message());
    return OkStatus();
  }

  // Outer loop: quotes (redacted), and the ranking next steps shows.
  int64_t missing_arr = 0;
  const std::vector<double> arr = AccountArr(context, &missing_arr);
  OuterLoopInputs loop_inputs;
  loop_inputs.accounts = in.accounts.data();
  if (!arr.empty() && in.real_accounts) {
    loop_inputs.account_arr = arr.data();
    loop_inputs.account_count = arr.size();
  }
  loop_inputs.periods = driver_inputs.periods;
  loop_inputs.sentiments = in.sentiments.data();
  loop_inputs.texts = &in.texts;
  OuterLoopOptions loop_options;
  loop_options.rank_by =
      loop_inputs.account_arr != nullptr ? OuterLoopRank::kArrAtRisk : OuterLoopRank::kNpsImpact;
  loop_options.seed = options.seed;
  loop_options.level = options.level;
  loop_options.alpha = 1 - options.level;
  loop_options.quotes_per_theme = std::min(options.quotes_per_theme, 20);
  Result<OuterLoop> loop = RankThemesByCost(Metric::Nps(), in.scores.data(), in.scores.size(),
                                            *mentions, names, loop_inputs, loop_options);
  if (!loop.ok()) {
    voice->caveats.push_back("no quotes or cost ranking: " + loop.status().message());
  } else {
    voice->outer_loop_by_arr = loop_inputs.account_arr != nullptr;
    if (voice->outer_loop_by_arr && missing_arr > 0) {
      voice->caveats.push_back(std::to_string(missing_arr) +
                               " accounts have no ARR and count as 0 in the ARR at risk");
    }
  }

  std::vector<ReportTheme> themes(k);
  for (size_t j = 0; j < k; ++j) {
    const ThemeDriver& driver = drivers->themes[j];
    ReportTheme& theme = themes[j];
    theme.name = names[j];
    theme.mentions = driver.mentions;
    theme.share = in.scores.empty() ? 0 : static_cast<double>(driver.mentions) / in.scores.size();
    theme.impact = driver.impact;
    if (drivers->has_periods) {
      theme.trend = TrendWord(drivers->trending[j]);
      theme.trend_p_adjusted = drivers->trending[j].p_adjusted;
    }
  }
  std::vector<double> sentiment_sum(k, 0);
  for (size_t p = 0; p < pair_comment.size(); ++p) {
    sentiment_sum[pair_theme[p]] += in.sentiments[pair_comment[p]];
  }
  for (size_t j = 0; j < k; ++j) {
    themes[j].sentiment = themes[j].mentions > 0 ? sentiment_sum[j] / themes[j].mentions : 0;
  }
  if (loop.ok()) {
    for (const ThemeCost& cost : loop->themes) {
      ReportTheme& theme = themes[cost.theme];
      for (const Quote& quote : cost.quotes) {
        ReportQuote item;
        item.text = quote.text;  // redacted by the outer loop
        item.score = static_cast<int>(std::lround(in.scores[quote.comment]));
        if (!table.account.codes.empty()) {
          item.account =
              table.account.dictionary.Label(table.account.codes[in.rows[quote.comment]]);
        }
        theme.quotes.push_back(std::move(item));
      }
      ReportFixItem fix;
      fix.theme = cost.name;
      fix.arr_at_risk = cost.arr_at_risk;
      fix.arr_ci_low = cost.arr_ci_low;
      fix.arr_ci_high = cost.arr_ci_high;
      fix.nps_impact = drivers->themes[cost.theme].impact;  // weighted, as the theme's
      fix.accounts = in.real_accounts ? cost.accounts : 0;
      fix.comments = cost.comments;
      fix.detractor_accounts = in.real_accounts ? cost.detractor_accounts : 0;
      fix.arr_no_interval = NoIntervalReasonText(cost.arr_no_interval);
      fix.impact_no_interval = NoIntervalReasonText(cost.impact_no_interval);
      voice->outer_loop.push_back(std::move(fix));
    }
  }
  // A discovered theme that dominates no comment names nothing customers said.
  themes.erase(std::remove_if(themes.begin(), themes.end(),
                              [](const ReportTheme& theme) { return theme.mentions == 0; }),
               themes.end());
  voice->outer_loop.erase(
      std::remove_if(voice->outer_loop.begin(), voice->outer_loop.end(),
                     [](const ReportFixItem& item) { return item.comments == 0; }),
      voice->outer_loop.end());
  voice->themes_found = static_cast<int64_t>(themes.size());
  // By the size of the impact, the largest first; a theme without one last.
  std::stable_sort(themes.begin(), themes.end(), [](const ReportTheme& a, const ReportTheme& b) {
    const double x = std::fabs(a.impact.difference);
    const double y = std::fabs(b.impact.difference);
    if (std::isnan(x) != std::isnan(y)) return std::isnan(y);
    return x > y;
  });
  if (themes.size() > static_cast<size_t>(options.max_themes)) themes.resize(options.max_themes);
  voice->themes = std::move(themes);
  if (!driver_inputs.periods) voice->caveats.push_back(no_trend);
  return OkStatus();
}

// Fire alarms without a queue (no account or time column): the urgent
// comments, the most urgent category first (safety, legal, churn, refund,
// unresolved), then the lowest score, then the first row.
void UrgentComments(const ReportContext& context, const std::vector<size_t>& rows,
                    const CommentAnalysis& analysis, ReportVoice* voice) {
  const Table& table = context.table;
  std::vector<size_t> urgent;
  for (size_t k = 0; k < rows.size(); ++k) {
    if (analysis.urgent[k]) urgent.push_back(k);
  }
  voice->fire_alarm_total = static_cast<int64_t>(urgent.size());
  std::stable_sort(urgent.begin(), urgent.end(), [&](size_t a, size_t b) {
    const uint8_t ca = analysis.urgency_category[a];
    const uint8_t cb = analysis.urgency_category[b];
    if (ca != cb) return ca < cb;
    return table.scores[rows[a]] < table.scores[rows[b]];
  });
  const size_t shown = std::min(urgent.size(), static_cast<size_t>(context.options.max_alarms));
  for (size_t u = 0; u < shown; ++u) {
    const size_t k = urgent[u];
    ReportAlarm alarm;
    if (!table.account.codes.empty()) {
      alarm.account = table.account.dictionary.Label(table.account.codes[rows[k]]);
    }
    alarm.text = RedactForReport(table.comments[rows[k]]);
    alarm.score = static_cast<int>(std::lround(table.scores[rows[k]]));
    const auto reason = analysis.urgency_reason.find(k);
    if (reason != analysis.urgency_reason.end()) alarm.reason = reason->second;
    alarm.days_before_latest = DaysBeforeLatest(table, rows[k]);
    voice->fire_alarms.push_back(std::move(alarm));
  }
}

}  // namespace

// What a reader must know before acting on this section: the themes are
// discovered, their impact is an association, and fire alarms are matched
// phrases; each said once, with the counts behind what is shown.
void ReadingCaveats(ReportVoice* voice) {
  if (!voice->themes.empty()) {
    std::string themes =
        "themes are discovered from the words of these comments, not a validated taxonomy: a "
        "label is a theme's most telling words, so read its quotes before acting on it";
    if (voice->themes_found > static_cast<int64_t>(voice->themes.size())) {
      themes += "; shown: the " + std::to_string(voice->themes.size()) + " of " +
                std::to_string(voice->themes_found) + " themes with the largest NPS impact";
    }
    voice->caveats.push_back(themes);
    voice->caveats.push_back(
        "a theme's NPS impact is the NPS minus the NPS without its comments: an association "
        "with the score, not what fixing the theme would gain; responses are treated as "
        "independent, so when an account's answers are alike the intervals are too narrow");
  }
  if (voice->fire_alarm_total > 0) {
    std::string alarms =
        "fire alarms are comments that match urgent phrases (cancelling, "
        "switching provider, legal, safety...): read each before calling, "
        "some are false alarms and other urgent comments use other words";
    if (voice->fire_alarm_total > static_cast<int64_t>(voice->fire_alarms.size())) {
      alarms += "; shown: the " + std::to_string(voice->fire_alarms.size()) + " most urgent of " +
                std::to_string(voice->fire_alarm_total);
    }
    voice->caveats.push_back(alarms);
  }
}

Status BuildVoice(const ReportContext& context, ReportVoice* voice) {
  const Table& table = context.table;
  voice->responses = static_cast<int64_t>(table.rows());
  if (table.comments.empty()) {
    voice->absent_reason = "no comment column: give --comment-column to hear what customers say";
    return OkStatus();
  }
  std::vector<size_t> rows;
  std::vector<std::string_view> texts;
  for (size_t i = 0; i < table.rows(); ++i) {
    if (IsBlank(table.comments[i])) continue;
    rows.push_back(i);
    texts.emplace_back(table.comments[i]);
  }
  if (rows.empty()) {
    voice->absent_reason = "the comment column has no comment";
    return OkStatus();
  }
  voice->comments = static_cast<int64_t>(rows.size());

  CommentAnalysis analysis;
  if (Status status = AnalyzeComments(texts, context.options.progress, &analysis); !status.ok()) {
    if (status.code() == CANDOR_CANCELLED) return status;
    voice->absent_reason = "the comments could not be analysed: " + status.message();
    return OkStatus();
  }
  texts = {};
  voice->present = true;
  voice->mean_sentiment =
      std::accumulate(analysis.sentiment.begin(), analysis.sentiment.end(), 0.0) / rows.size();
  for (int e = 0; e < text::kEmotionCount; ++e) {
    ReportEmotion emotion;
    emotion.name = text::EmotionName(static_cast<text::Emotion>(e));
    emotion.comments = analysis.emotion_comments[e];
    emotion.share = static_cast<double>(emotion.comments) / rows.size();
    voice->emotions.push_back(std::move(emotion));
  }
  std::stable_sort(
      voice->emotions.begin(), voice->emotions.end(),
      [](const ReportEmotion& a, const ReportEmotion& b) { return a.comments > b.comments; });

  CANDOR_RETURN_IF_ERROR(BuildThemes(context, rows, analysis, voice));

  if (!table.account.codes.empty() && !table.times.empty()) {
    std::vector<uint8_t> urgency(table.rows(), 0);
    for (size_t k = 0; k < rows.size(); ++k) urgency[rows[k]] = analysis.urgency_category[k];
    RowReasons reasons;
    for (const auto& [k, reason] : analysis.urgency_reason) reasons.emplace(rows[k], reason);
    Result<FollowupDigest> digest =
        DigestFollowup(context, urgency.data(), &reasons, context.options.max_alarms);
    if (digest.ok()) {
      voice->has_queue = true;
      voice->fire_alarm_total = digest->fire_alarms;
      voice->fire_alarms = std::move(digest->alarms);
      voice->queue_cases = digest->cases;
      voice->queue_by_category = std::move(digest->by_category);
      voice->queue_by_owner = std::move(digest->by_owner);
    } else {
      voice->caveats.push_back("no follow-up queue: " + digest.status().message() +
                               "; fire alarms are the urgent comments");
    }
  }
  if (!voice->has_queue) UrgentComments(context, rows, analysis, voice);
  ReadingCaveats(voice);
  return OkStatus();
}

}  // namespace candor::report_internal
