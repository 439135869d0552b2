// EnumName / EnumValue / EnumValues (candor/enum_names.hpp): one name per
// value of candor.h's enums, the same as the C++ API's own names.
#include <gtest/gtest.h>

#include <candor/case_log.hpp>
#include <candor/drivers.hpp>
#include <candor/enum_names.hpp>
#include <candor/followup.hpp>
#include <candor/health.hpp>
#include <candor/intents.hpp>
#include <candor/outer_loop.hpp>
#include <candor/pii.hpp>
#include <candor/score.hpp>
#include <candor/survival.hpp>
#include <candor/text.hpp>
#include <candor/text_discovery.hpp>
#include <candor/text_sentiment.hpp>
#include <candor/trend_accounts.hpp>
#include <candor/trend_buckets.hpp>
#include <candor/trend_change_points.hpp>
#include <candor/trend_series.hpp>
#include <candor/weight.hpp>
#include <iterator>
#include <set>
#include <string>

namespace candor {
namespace {

constexpr candor_enum kAllTypes[] = {CANDOR_ENUM_METRIC,
                                     CANDOR_ENUM_INTERVAL,
                                     CANDOR_ENUM_P_ADJUST,
                                     CANDOR_ENUM_PRESET,
                                     CANDOR_ENUM_ACCOUNT_MODE,
                                     CANDOR_ENUM_MK_METHOD,
                                     CANDOR_ENUM_PERIOD,
                                     CANDOR_ENUM_BUCKETS_COLUMN,
                                     CANDOR_ENUM_CHANGE_PENALTY,
                                     CANDOR_ENUM_SPLIT_RULE,
                                     CANDOR_ENUM_ROBUST_SE,
                                     CANDOR_ENUM_ACCOUNT_TREND_STATUS,
                                     CANDOR_ENUM_UTF8_POLICY,
                                     CANDOR_ENUM_LEXICON_FORMAT,
                                     CANDOR_ENUM_EMOTION,
                                     CANDOR_ENUM_URGENCY,
                                     CANDOR_ENUM_NMF_INIT,
                                     CANDOR_ENUM_SVD_METHOD,
                                     CANDOR_ENUM_THEME_STATUS,
                                     CANDOR_ENUM_TIME_WEIGHT,
                                     CANDOR_ENUM_SURVIVAL_INTERVAL,
                                     CANDOR_ENUM_HEALTH_TRANSFORM,
                                     CANDOR_ENUM_HEALTH_MISSING,
                                     CANDOR_ENUM_HEALTH_COMBINE,
                                     CANDOR_ENUM_PII_KIND,
                                     CANDOR_ENUM_INTENT,
                                     CANDOR_ENUM_OUTER_LOOP_RANK,
                                     CANDOR_ENUM_SLA_STATUS,
                                     CANDOR_ENUM_INVALID_EVENTS,
                                     CANDOR_ENUM_CASE_EVENT,
                                     CANDOR_ENUM_CASE_LOG_PROBLEM,
                                     CANDOR_ENUM_FOLLOWUP_CATEGORY,
                                     CANDOR_ENUM_FOLLOWUP_REASON,
                                     CANDOR_ENUM_CHANGE_CALIBRATION,
                                     CANDOR_ENUM_CHANGE_DIRECTION,
                                     CANDOR_ENUM_REPORT_FORMAT,
                                     CANDOR_ENUM_COLUMN_KIND};

// candor_enum's values are 0, 1, ... with no gap: each has a table here.
TEST(EnumNames, EveryCandorEnumHasATable) {
  EXPECT_EQ(std::size(kAllTypes), static_cast<size_t>(CANDOR_ENUM_COLUMN_KIND) + 1);
  for (int type = 0; type <= CANDOR_ENUM_COLUMN_KIND; ++type) {
    EXPECT_GE(EnumValues(static_cast<candor_enum>(type)).size, 2u) << type;
  }
  EXPECT_EQ(EnumValues(static_cast<candor_enum>(CANDOR_ENUM_COLUMN_KIND + 1)).size, 0u);
}

bool IsSnakeCase(const std::string& name) {
  if (name.empty() || name.front() == '_' || name.back() == '_') return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

TEST(EnumNames, EveryTypeRoundTripsAndNamesAreUniqueSnakeCase) {
  for (candor_enum type : kAllTypes) {
    SCOPED_TRACE(static_cast<int>(type));
    EXPECT_GE(EnumValues(type).size, 2u);
    std::set<std::string> names;
    std::set<int32_t> values;
    for (const EnumEntry& entry : EnumValues(type)) {
      EXPECT_TRUE(IsSnakeCase(entry.name)) << entry.name;
      EXPECT_TRUE(names.insert(entry.name).second) << "twice: " << entry.name;
      EXPECT_TRUE(values.insert(entry.value).second) << "twice: " << entry.value;
      EXPECT_STREQ(EnumName(type, entry.value), entry.name);
      Result<int32_t> value = EnumValue(type, entry.name);
      ASSERT_TRUE(value.ok()) << value.status().message();
      EXPECT_EQ(*value, entry.value);
    }
  }
}

// The C++ enums have their C twins' values, so one table names both.
TEST(EnumNames, NameTheCppEnums) {
  EXPECT_STREQ(EnumName(CANDOR_ENUM_METRIC, MetricKind::kBottomBox), "bottom_box");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_INTERVAL, IntervalMethod::kAdjustedWald), "adjusted_wald");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_P_ADJUST, PAdjust::kBenjaminiHochberg), "bh");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_P_ADJUST, PAdjust::kNone), "none");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_ACCOUNT_MODE, AccountMode::kEqualPerAccount), "equal");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_MK_METHOD, MannKendallMethod::kHamedRao), "hamed_rao");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_CHANGE_PENALTY, ChangePenalty::kManual), "manual");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_SPLIT_RULE, SplitRule::kLastDays), "last_days");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_ROBUST_SE, RobustCovariance::kHc3), "hc3");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_ACCOUNT_TREND_STATUS, AccountTrendStatus::kTooFewResponses),
               "too_few_responses");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_UTF8_POLICY, text::Utf8Policy::kRepair), "repair");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_LEXICON_FORMAT, text::LexiconFormat::kAfinn), "afinn");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_NMF_INIT, text::NmfInit::kNndsvdar), "nndsvdar");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_SVD_METHOD, text::SvdMethod::kRandomized), "randomized");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_THEME_STATUS, ThemeStatus::kAllMention), "all_mention");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_TIME_WEIGHT, TimeWeight::kUno), "n_g2");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_SURVIVAL_INTERVAL, SurvivalInterval::kLogLog), "log_log");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_HEALTH_TRANSFORM, HealthTransform::kZScore), "z_score");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_HEALTH_TRANSFORM, HealthTransform::kLinear), "linear");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_HEALTH_MISSING, HealthMissing::kGroupMean), "group_mean");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_HEALTH_COMBINE, HealthCombine::kWorstOf), "worst_of");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_BUCKETS_COLUMN, CANDOR_BUCKETS_CHANGE_P_VALUE),
               "change_p_value");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_BUCKETS_COLUMN, CANDOR_BUCKETS_FLAG), "flag");
}

// The names the C++ API already gave stay the table's names.
TEST(EnumNames, AgreeWithTheCppNameFunctions) {
  for (BucketPeriod p :
       {BucketPeriod::kDay, BucketPeriod::kWeek, BucketPeriod::kMonth, BucketPeriod::kQuarter}) {
    EXPECT_STREQ(EnumName(CANDOR_ENUM_PERIOD, p), BucketPeriodName(p));
  }
  EXPECT_EQ(EnumValues(CANDOR_ENUM_EMOTION).size, static_cast<size_t>(text::kEmotionCount));
  for (int e = 0; e < text::kEmotionCount; ++e) {
    EXPECT_STREQ(EnumName(CANDOR_ENUM_EMOTION, e),
                 text::EmotionName(static_cast<text::Emotion>(e)));
  }
  EXPECT_EQ(EnumValues(CANDOR_ENUM_URGENCY).size,
            static_cast<size_t>(text::kUrgencyCategoryCount + 1));
  for (int c = 0; c <= text::kUrgencyCategoryCount; ++c) {
    EXPECT_STREQ(EnumName(CANDOR_ENUM_URGENCY, c),
                 text::UrgencyCategoryName(static_cast<text::UrgencyCategory>(c)));
  }
}

// The modules of issue 14 name their enums from the table; followup and the
// outer loop keep their own names, which must stay the table's.
TEST(EnumNames, AgreeWithTheNamesOfIssue14Modules) {
  auto expect_all = [](candor_enum type, int count, auto name_of) {
    SCOPED_TRACE(static_cast<int>(type));
    ASSERT_EQ(EnumValues(type).size, static_cast<size_t>(count));
    for (int v = 0; v < count; ++v) EXPECT_STREQ(EnumName(type, v), name_of(v)) << v;
  };
  expect_all(CANDOR_ENUM_PII_KIND, pii::kPiiKindCount,
             [](int v) { return pii::PiiKindName(static_cast<pii::PiiKind>(v)); });
  expect_all(CANDOR_ENUM_INTENT, intents::kIntentCount,
             [](int v) { return intents::IntentName(static_cast<intents::Intent>(v)); });
  expect_all(CANDOR_ENUM_SLA_STATUS, 4,
             [](int v) { return SlaStatusName(static_cast<SlaStatus>(v)); });
  expect_all(CANDOR_ENUM_CASE_EVENT, 5,
             [](int v) { return CaseEventName(static_cast<CaseEvent>(v)); });
  expect_all(CANDOR_ENUM_CASE_LOG_PROBLEM, kCaseLogProblems,
             [](int v) { return CaseLogProblemName(static_cast<CaseLogProblem>(v)); });
  expect_all(CANDOR_ENUM_FOLLOWUP_CATEGORY, kFollowupCategoryCount,
             [](int v) { return FollowupCategoryName(static_cast<FollowupCategory>(v)); });
  expect_all(CANDOR_ENUM_FOLLOWUP_REASON, kFollowupReasonCount,
             [](int v) { return FollowupReasonName(static_cast<FollowupReason>(v)); });
  // ParseCaseEvent reads the same names (its own string_views, for speed).
  for (const EnumEntry& entry : EnumValues(CANDOR_ENUM_CASE_EVENT)) {
    Result<CaseEvent> event = ParseCaseEvent(entry.name);
    ASSERT_TRUE(event.ok()) << entry.name;
    EXPECT_EQ(static_cast<int32_t>(*event), entry.value);
  }
  EXPECT_STREQ(EnumName(CANDOR_ENUM_INVALID_EVENTS, InvalidEvents::kDropCase), "drop_case");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_OUTER_LOOP_RANK, OuterLoopRank::kArrAtRisk), "arr");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_OUTER_LOOP_RANK, OuterLoopRank::kNpsImpact), "impact");
  EXPECT_STREQ(EnumName(CANDOR_ENUM_OUTER_LOOP_RANK, OuterLoopRank::kDetractorAccounts),
               "detractor_accounts");
}

TEST(EnumNames, ListsInDeclarationOrder) {
  EXPECT_EQ(EnumNameList(CANDOR_ENUM_INTERVAL), "wald, adjusted_wald, bayes, bootstrap, jeffreys");
  EXPECT_EQ(EnumNameList(CANDOR_ENUM_P_ADJUST), "none, holm, bh");
  EXPECT_EQ(EnumNameList(CANDOR_ENUM_PRESET), "nps, csat, ces, ces_agree");
}

TEST(EnumNames, UnknownNamesValuesAndTypes) {
  Result<int32_t> value = EnumValue(CANDOR_ENUM_INTERVAL, "Wald");
  ASSERT_FALSE(value.ok());
  EXPECT_EQ(value.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(value.status().message(),
            "'Wald' is not a candor_interval (one of wald, adjusted_wald, bayes, bootstrap, "
            "jeffreys)");
  EXPECT_FALSE(EnumValue(CANDOR_ENUM_PERIOD, "monthly").ok());  // no aliases
  EXPECT_FALSE(EnumValue(CANDOR_ENUM_PERIOD, "").ok());
  EXPECT_EQ(EnumName(CANDOR_ENUM_INTERVAL, 5), nullptr);
  EXPECT_EQ(EnumName(CANDOR_ENUM_INTERVAL, -1), nullptr);
  EXPECT_EQ(EnumName(CANDOR_ENUM_BUCKETS_COLUMN, 25), nullptr);
  const auto not_a_type = static_cast<candor_enum>(1000);
  EXPECT_EQ(EnumValues(not_a_type).size, 0u);
  EXPECT_EQ(EnumName(not_a_type, 0), nullptr);
  Result<int32_t> bad = EnumValue(not_a_type, "wald");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "enum type 1000 is not a candor_enum");
}

}  // namespace
}  // namespace candor
