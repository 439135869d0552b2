// The report's "what customers say": comment counts, theme shares and NPS
// impacts against hand counts on a small table, quotes and alarms without
// the PII of the comments, alarms most urgent first and capped, and the
// reasons the section is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <candor/csv.hpp>
#include <candor/report.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "report_sections.hpp"

namespace candor::report_internal {
namespace {

struct Built {
  ReportVoice voice;
  Status status;
};

Built Build(const Table& table, const ReportOptions& options = {},
            const ReportExtras& extras = {}) {
  IntervalOptions interval;
  interval.level = options.level;
  const ReportContext context{table, extras, options,
                              table.weights.empty() ? nullptr : table.weights.data(), interval};
  Built built;
  built.status = BuildVoice(context, &built.voice);
  return built;
}

// NPS of rows by hand: 100 * (promoters - detractors) / n.
double Nps(const std::vector<double>& scores) {
  double promoters = 0, detractors = 0;
  for (double s : scores) {
    promoters += s >= 9;
    detractors += s <= 6;
  }
  return 100.0 * (promoters - detractors) / scores.size();
}

// Four topics with disjoint words, 15 comments each (one text per topic, so
// that discovery, whatever k it chooses, puts each topic's comments in one
// theme: identical rows get identical NMF weights), plus 12 blank comments. Billing comments come
// from detractors, delivery from passives, design from promoters, price from all.
constexpr int kTopics = 4;
constexpr int kPerTopic = 15;
const char* const kTopicWords[kTopics][8] = {
    {"invoice", "billing", "charged", "twice", "amount", "wrong", "overcharge", "statement"},
    {"parcel", "shipping", "courier", "delayed", "arrived", "tracking", "warehouse", "lost"},
    {"dashboard", "design", "colours", "beautiful", "layout", "elegant", "fonts", "clean"},
    {"price", "expensive", "subscription", "renewal", "discount", "tier", "cheaper", "cost"}};

struct Topics {
  Table table;
  std::vector<int> topic;  // per row; -1 for a blank comment
};

Topics FourTopics() {
  Topics t;
  for (int i = 0; i < kPerTopic; ++i) {
    for (int topic = 0; topic < kTopics; ++topic) {
      std::string comment;
      for (int w = 0; w < 4; ++w) comment += std::string(w ? " " : "") + kTopicWords[topic][w];
      t.table.comments.push_back(comment);
      const double scores[kTopics] = {i % 3 == 0 ? 7.0 : 2.0, i % 2 == 0 ? 7.0 : 8.0,
                                      i % 4 == 0 ? 8.0 : 10.0, static_cast<double>(i % 11)};
      t.table.scores.push_back(scores[topic]);
      t.topic.push_back(topic);
    }
    if (i < 12) {
      t.table.comments.push_back(i % 2 == 0 ? "" : "   ");
      t.table.scores.push_back(5);
      t.topic.push_back(-1);
    }
  }
  return t;
}

TEST(ReportVoice, CountsSharesAndImpactsMatchHandCounts) {
  const Topics topics = FourTopics();
  const Table& table = topics.table;
  const Built built = Build(table);
  ASSERT_TRUE(built.status.ok()) << built.status.message();
  const ReportVoice& voice = built.voice;
  ASSERT_TRUE(voice.present) << voice.absent_reason;
  EXPECT_EQ(voice.responses, 72);
  EXPECT_EQ(voice.comments, 60);  // blank and whitespace-only comments are not comments
  std::vector<double> commented;
  for (size_t i = 0; i < table.rows(); ++i) {
    if (topics.topic[i] >= 0) commented.push_back(table.scores[i]);
  }
  const double overall = Nps(commented);
  ASSERT_EQ(voice.themes.size(), 4u);
  std::vector<int> found(kTopics, 0);
  for (const ReportTheme& theme : voice.themes) {
    // Which topic the discovered theme is, from its label's words.
    int topic = -1;
    for (int t = 0; t < kTopics; ++t) {
      for (const char* word : kTopicWords[t]) {
        if (theme.name.find(word) != std::string::npos) topic = t;
      }
    }
    ASSERT_GE(topic, 0) << theme.name;
    ++found[topic];
    EXPECT_EQ(theme.mentions, kPerTopic) << theme.name;
    EXPECT_DOUBLE_EQ(theme.share, static_cast<double>(kPerTopic) / 60) << theme.name;
    std::vector<double> without;
    for (size_t i = 0; i < table.rows(); ++i) {
      if (topics.topic[i] >= 0 && topics.topic[i] != topic) without.push_back(table.scores[i]);
    }
    EXPECT_NEAR(theme.impact.difference, overall - Nps(without), 1e-9) << theme.name;
    EXPECT_LT(theme.impact.ci_low, theme.impact.ci_high) << theme.name;
    EXPECT_EQ(theme.trend, "") << "no times: no trend";
    EXPECT_GE(theme.quotes.size(), 1u);
    EXPECT_LE(theme.quotes.size(), 3u);
  }
  // By the size of the impact, the largest first.
  for (size_t j = 1; j < voice.themes.size(); ++j) {
    EXPECT_GE(std::fabs(voice.themes[j - 1].impact.difference),
              std::fabs(voice.themes[j].impact.difference));
  }
  EXPECT_EQ(found, std::vector<int>(kTopics, 1));
  for (const ReportEmotion& emotion : voice.emotions) {
    EXPECT_DOUBLE_EQ(emotion.share, static_cast<double>(emotion.comments) / 60);
  }
  EXPECT_EQ(voice.emotions.size(), 7u);
}

TEST(ReportVoice, MaxThemesCapsTheList) {
  ReportOptions options;
  options.max_themes = 2;
  options.quotes_per_theme = 1;
  const Built built = Build(FourTopics().table, options);
  ASSERT_TRUE(built.status.ok());
  EXPECT_EQ(built.voice.themes.size(), 2u);
  EXPECT_EQ(built.voice.themes_found, 4);
  EXPECT_EQ(built.voice.outer_loop.size(), 4u);
  for (const ReportTheme& theme : built.voice.themes) EXPECT_EQ(theme.quotes.size(), 1u);
  // The reader is told the themes are discovered, and how many are shown.
  std::string caveats;
  for (const std::string& caveat : built.voice.caveats) caveats += caveat + "\n";
  EXPECT_NE(caveats.find("not a validated taxonomy"), std::string::npos) << caveats;
  EXPECT_NE(caveats.find("the 2 of 4 themes"), std::string::npos) << caveats;
  EXPECT_NE(caveats.find("an association"), std::string::npos) << caveats;
}

TEST(ReportVoice, QuotesAndAlarmsNeverShowAnEmail) {
  Topics topics = FourTopics();
  Table& table = topics.table;
  for (size_t i = 0; i < table.rows(); ++i) {
    if (topics.topic[i] == 0) {
      table.comments[i] += ". I will cancel my subscription, write to jane.doe@example.com";
    }
  }
  const Built built = Build(table);
  ASSERT_TRUE(built.status.ok());
  ASSERT_TRUE(built.voice.present);
  int redacted = 0;
  for (const ReportTheme& theme : built.voice.themes) {
    for (const ReportQuote& quote : theme.quotes) {
      EXPECT_EQ(quote.text.find("jane.doe"), std::string::npos) << quote.text;
      redacted += quote.text.find("[EMAIL]") != std::string::npos;
    }
  }
  EXPECT_GT(redacted, 0);
  ASSERT_FALSE(built.voice.fire_alarms.empty());
  EXPECT_EQ(built.voice.fire_alarm_total, kPerTopic);
  for (const ReportAlarm& alarm : built.voice.fire_alarms) {
    EXPECT_EQ(alarm.text.find("jane.doe"), std::string::npos) << alarm.text;
    EXPECT_NE(alarm.text.find("[EMAIL]"), std::string::npos) << alarm.text;
  }
}

TEST(ReportVoice, AlarmsMostUrgentFirstThenLowestScoreAndCapped) {
  Table table = FourTopics().table;
  // Rows 4, 9, 14, 19 are blank: give them urgent comments.
  table.comments[4] = "I want a refund for this";
  table.scores[4] = 1;
  table.comments[9] = "I will cancel my account";
  table.scores[9] = 4;
  table.comments[14] = "The food made me sick";
  table.scores[14] = 6;
  table.comments[19] = "I will cancel my account now";
  table.scores[19] = 0;
  ReportOptions options;
  options.max_alarms = 3;
  const Built built = Build(table, options);
  ASSERT_TRUE(built.status.ok());
  EXPECT_EQ(built.voice.fire_alarm_total, 4);
  ASSERT_EQ(built.voice.fire_alarms.size(), 3u);
  // safety, then churn (score 0 before score 4); refund is cut by max_alarms.
  EXPECT_EQ(built.voice.fire_alarms[0].text, "The food made me sick");
  EXPECT_EQ(built.voice.fire_alarms[1].text, "I will cancel my account now");
  EXPECT_EQ(built.voice.fire_alarms[2].text, "I will cancel my account");
  EXPECT_EQ(built.voice.fire_alarms[1].score, 0);
  EXPECT_FALSE(built.voice.fire_alarms[0].reason.empty());
  std::string caveats;
  for (const std::string& caveat : built.voice.caveats) caveats += caveat + "\n";
  EXPECT_NE(caveats.find("match urgent phrases"), std::string::npos) << caveats;
  EXPECT_NE(caveats.find("the 3 most urgent of 4"), std::string::npos) << caveats;
}

TEST(ReportVoice, AbsentWithTheReason) {
  Table table;
  table.scores = {1, 9, 10};
  Built built = Build(table);
  ASSERT_TRUE(built.status.ok());
  EXPECT_FALSE(built.voice.present);
  EXPECT_NE(built.voice.absent_reason.find("no comment column"), std::string::npos);

  table.comments = {"", " ", ""};
  built = Build(table);
  ASSERT_TRUE(built.status.ok());
  EXPECT_FALSE(built.voice.present);
  EXPECT_NE(built.voice.absent_reason.find("no comment"), std::string::npos);
  EXPECT_EQ(built.voice.comments, 0);
}

// The bundled sample (issue 16: 4,891 of its 6,000 rows have a comment):
// with accounts and times the fire alarms are the follow-up queue's, and the
// queue's counts add up.
TEST(ReportVoice, SampleFireAlarmsComeFromTheQueue) {
  CsvOptions csv;
  csv.account_column = "account_id";
  csv.time_column = "timestamp";
  csv.comment_column = "comment";
  csv.weight_column = "weight";
  Result<Table> table = ReadCsv(CANDOR_TEST_DATA "/../../data/sample/survey.csv", csv);
  ASSERT_TRUE(table.ok()) << table.status().message();
  const Built built = Build(*table);
  ASSERT_TRUE(built.status.ok()) << built.status.message();
  const ReportVoice& voice = built.voice;
  ASSERT_TRUE(voice.present) << voice.absent_reason;
  EXPECT_EQ(voice.responses, 6000);
  EXPECT_EQ(voice.comments, 4891);
  EXPECT_EQ(voice.theme_comments, 4891);  // below 50,000: every comment
  ASSERT_TRUE(voice.has_queue);
  EXPECT_GT(voice.fire_alarm_total, 10);
  EXPECT_EQ(voice.fire_alarms.size(), 10u);  // max_alarms
  int64_t cases = 0, alarms = 0;
  for (const ReportQueueCount& c : voice.queue_by_category) {
    cases += c.cases;
    alarms += c.fire_alarms;
    if (c.name == "fire_alarm") EXPECT_EQ(c.cases, voice.fire_alarm_total);
  }
  EXPECT_EQ(cases, voice.queue_cases);
  EXPECT_EQ(alarms, voice.fire_alarm_total);
  for (const ReportAlarm& alarm : voice.fire_alarms) {
    EXPECT_FALSE(alarm.account.empty());
    EXPECT_FALSE(alarm.reason.empty());
    EXPECT_EQ(alarm.owner, "");  // no routing rules
    EXPECT_GE(alarm.days_before_latest, 0);
  }
  // How old the alarm is: the first alarm here is ACC-0258's only "Support
  // takes 2 days to reply..." comment, sent 281 whole days before the sample's
  // latest response (Python's datetime.fromisoformat over survey.csv).
  ASSERT_FALSE(voice.fire_alarms.empty());
  EXPECT_EQ(voice.fire_alarms[0].account, "ACC-0258");
  EXPECT_EQ(voice.fire_alarms[0].text.rfind("Support takes 2 days to reply", 0), 0u);
  EXPECT_EQ(voice.fire_alarms[0].days_before_latest, 281);
  double share = 0;
  for (const ReportTheme& theme : voice.themes) share += theme.share;
  EXPECT_LE(share, 1 + 1e-12);  // each comment in at most one discovered theme
}

}  // namespace
}  // namespace candor::report_internal
