// The one table of the names of candor.h's enum values (enum_names.hpp).
#include <candor/enum_names.hpp>
#include <iterator>
#include <string>
#include <string_view>

namespace candor {
namespace {

constexpr EnumEntry kMetric[] = {{CANDOR_METRIC_NPS, "nps"},
                                 {CANDOR_METRIC_TOP_BOX, "top_box"},
                                 {CANDOR_METRIC_BOTTOM_BOX, "bottom_box"},
                                 {CANDOR_METRIC_MEAN, "mean"}};
constexpr EnumEntry kInterval[] = {{CANDOR_INTERVAL_WALD, "wald"},
                                   {CANDOR_INTERVAL_ADJUSTED_WALD, "adjusted_wald"},
                                   {CANDOR_INTERVAL_BAYES, "bayes"},
                                   {CANDOR_INTERVAL_BOOTSTRAP, "bootstrap"},
                                   {CANDOR_INTERVAL_JEFFREYS, "jeffreys"}};
constexpr EnumEntry kPAdjust[] = {
    {CANDOR_P_ADJUST_NONE, "none"}, {CANDOR_P_ADJUST_HOLM, "holm"}, {CANDOR_P_ADJUST_BH, "bh"}};
constexpr EnumEntry kPreset[] = {{CANDOR_PRESET_NPS, "nps"},
                                 {CANDOR_PRESET_CSAT, "csat"},
                                 {CANDOR_PRESET_CES, "ces"},
                                 {CANDOR_PRESET_CES_AGREE, "ces_agree"}};
constexpr EnumEntry kAccountMode[] = {{CANDOR_ACCOUNT_PER_RESPONSE, "per_response"},
                                      {CANDOR_ACCOUNT_EQUAL, "equal"},
                                      {CANDOR_ACCOUNT_BY_VALUE, "by_value"}};
constexpr EnumEntry kMkMethod[] = {{CANDOR_MK_ORIGINAL, "original"},
                                   {CANDOR_MK_HAMED_RAO, "hamed_rao"},
                                   {CANDOR_MK_SEASONAL, "seasonal"}};
constexpr EnumEntry kPeriod[] = {{CANDOR_PERIOD_DAY, "day"},
                                 {CANDOR_PERIOD_WEEK, "week"},
                                 {CANDOR_PERIOD_MONTH, "month"},
                                 {CANDOR_PERIOD_QUARTER, "quarter"}};
constexpr EnumEntry kBucketsColumn[] = {
    {CANDOR_BUCKETS_VALUE, "value"},
    {CANDOR_BUCKETS_STD_ERROR, "std_error"},
    {CANDOR_BUCKETS_CI_LOW, "ci_low"},
    {CANDOR_BUCKETS_CI_HIGH, "ci_high"},
    {CANDOR_BUCKETS_EFFECTIVE_N, "effective_n"},
    {CANDOR_BUCKETS_ROLLING_VALUE, "rolling_value"},
    {CANDOR_BUCKETS_ROLLING_STD_ERROR, "rolling_std_error"},
    {CANDOR_BUCKETS_ROLLING_CI_LOW, "rolling_ci_low"},
    {CANDOR_BUCKETS_ROLLING_CI_HIGH, "rolling_ci_high"},
    {CANDOR_BUCKETS_ROLLING_EFFECTIVE_N, "rolling_effective_n"},
    {CANDOR_BUCKETS_SMOOTHED_VALUE, "smoothed_value"},
    {CANDOR_BUCKETS_SMOOTHED_STD_ERROR, "smoothed_std_error"},
    {CANDOR_BUCKETS_SMOOTHED_CI_LOW, "smoothed_ci_low"},
    {CANDOR_BUCKETS_SMOOTHED_CI_HIGH, "smoothed_ci_high"},
    {CANDOR_BUCKETS_SMOOTHED_EFFECTIVE_N, "smoothed_effective_n"},
    {CANDOR_BUCKETS_CHANGE, "change"},
    {CANDOR_BUCKETS_CHANGE_STD_ERROR, "change_std_error"},
    {CANDOR_BUCKETS_CHANGE_CI_LOW, "change_ci_low"},
    {CANDOR_BUCKETS_CHANGE_CI_HIGH, "change_ci_high"},
    {CANDOR_BUCKETS_CHANGE_P_VALUE, "change_p_value"},
    {CANDOR_BUCKETS_MDC, "mdc"},
    {CANDOR_BUCKETS_CENTER, "center"},
    {CANDOR_BUCKETS_LOWER, "lower"},
    {CANDOR_BUCKETS_UPPER, "upper"},
    {CANDOR_BUCKETS_CHANGE_P_ADJUSTED, "change_p_adjusted"},
    {CANDOR_BUCKETS_START, "start"},
    {CANDOR_BUCKETS_END, "end"},
    {CANDOR_BUCKETS_N, "n"},
    {CANDOR_BUCKETS_ROLLING_N, "rolling_n"},
    {CANDOR_BUCKETS_SMOOTHED_N, "smoothed_n"},
    {CANDOR_BUCKETS_PREVIOUS, "previous"},
    {CANDOR_BUCKETS_CHANGES_TESTED, "changes_tested"},
    {CANDOR_BUCKETS_SEGMENT, "segment"},
    {CANDOR_BUCKETS_FLAG, "flag"}};
constexpr EnumEntry kChangePenalty[] = {{CANDOR_CHANGE_PENALTY_BIC, "bic"},
                                        {CANDOR_CHANGE_PENALTY_AIC, "aic"},
                                        {CANDOR_CHANGE_PENALTY_MANUAL, "manual"},
                                        {CANDOR_CHANGE_PENALTY_CALIBRATED, "calibrated"}};
constexpr EnumEntry kSplitRule[] = {{CANDOR_SPLIT_MEDIAN_TIME, "median"},
                                    {CANDOR_SPLIT_FIXED_TIME, "time"},
                                    {CANDOR_SPLIT_LAST_DAYS, "last_days"}};
constexpr EnumEntry kRobustSe[] = {{CANDOR_ROBUST_HC1, "hc1"}, {CANDOR_ROBUST_HC3, "hc3"}};
constexpr EnumEntry kAccountTrendStatus[] = {
    {CANDOR_ACCOUNT_TREND_OK, "ok"},
    {CANDOR_ACCOUNT_TREND_TOO_FEW, "too_few_responses"},
    {CANDOR_ACCOUNT_TREND_SLOPE_UNDEFINED, "slope_undefined"}};
constexpr EnumEntry kUtf8Policy[] = {{CANDOR_UTF8_ERROR, "error"}, {CANDOR_UTF8_REPAIR, "repair"}};
constexpr EnumEntry kLexiconFormat[] = {{CANDOR_LEXICON_CANDOR, "candor"},
                                        {CANDOR_LEXICON_VADER, "vader"},
                                        {CANDOR_LEXICON_AFINN, "afinn"}};
constexpr EnumEntry kEmotion[] = {
    {CANDOR_EMOTION_FRUSTRATION, "frustration"}, {CANDOR_EMOTION_ANGER, "anger"},
    {CANDOR_EMOTION_ANNOYANCE, "annoyance"},     {CANDOR_EMOTION_DISAPPOINTMENT, "disappointment"},
    {CANDOR_EMOTION_CONFUSION, "confusion"},     {CANDOR_EMOTION_DELIGHT, "delight"},
    {CANDOR_EMOTION_GRATITUDE, "gratitude"}};
constexpr EnumEntry kUrgency[] = {
    {CANDOR_URGENCY_NONE, "none"},     {CANDOR_URGENCY_SAFETY, "safety"},
    {CANDOR_URGENCY_LEGAL, "legal"},   {CANDOR_URGENCY_CHURN, "churn"},
    {CANDOR_URGENCY_REFUND, "refund"}, {CANDOR_URGENCY_UNRESOLVED, "unresolved"}};
constexpr EnumEntry kNmfInit[] = {{CANDOR_NMF_INIT_NNDSVD, "nndsvd"},
                                  {CANDOR_NMF_INIT_NNDSVDA, "nndsvda"},
                                  {CANDOR_NMF_INIT_NNDSVDAR, "nndsvdar"}};
constexpr EnumEntry kSvdMethod[] = {
    {CANDOR_SVD_AUTO, "auto"}, {CANDOR_SVD_EXACT, "exact"}, {CANDOR_SVD_RANDOMIZED, "randomized"}};
constexpr EnumEntry kThemeStatus[] = {{CANDOR_THEME_OK, "ok"},
                                      {CANDOR_THEME_NO_MENTIONS, "no_mentions"},
                                      {CANDOR_THEME_ALL_MENTION, "all_mention"}};
constexpr EnumEntry kTimeWeight[] = {{CANDOR_TIME_WEIGHT_N, "n"},
                                     {CANDOR_TIME_WEIGHT_N_G2, "n_g2"}};
constexpr EnumEntry kSurvivalInterval[] = {{CANDOR_SURVIVAL_INTERVAL_LOG, "log"},
                                           {CANDOR_SURVIVAL_INTERVAL_LOG_LOG, "log_log"},
                                           {CANDOR_SURVIVAL_INTERVAL_PLAIN, "plain"}};
constexpr EnumEntry kHealthTransform[] = {{CANDOR_HEALTH_TRANSFORM_LINEAR, "linear"},
                                          {CANDOR_HEALTH_TRANSFORM_TIERS, "tiers"},
                                          {CANDOR_HEALTH_TRANSFORM_BOOLEAN, "boolean"},
                                          {CANDOR_HEALTH_TRANSFORM_PERCENTILE, "percentile"},
                                          {CANDOR_HEALTH_TRANSFORM_Z_SCORE, "z_score"}};
constexpr EnumEntry kHealthMissing[] = {{CANDOR_HEALTH_MISSING_RENORMALIZE, "renormalize"},
                                        {CANDOR_HEALTH_MISSING_ZERO, "zero"},
                                        {CANDOR_HEALTH_MISSING_GROUP_MEAN, "group_mean"}};
constexpr EnumEntry kHealthCombine[] = {{CANDOR_HEALTH_COMBINE_WEIGHTED_MEAN, "weighted_mean"},
                                        {CANDOR_HEALTH_COMBINE_WORST_OF, "worst_of"}};
constexpr EnumEntry kPiiKind[] = {{CANDOR_PII_EMAIL, "email"},
                                  {CANDOR_PII_PHONE, "phone"},
                                  {CANDOR_PII_CARD, "card"},
                                  {CANDOR_PII_IBAN, "iban"},
                                  {CANDOR_PII_URL, "url"}};
constexpr EnumEntry kIntent[] = {{CANDOR_INTENT_COMPLAINT, "complaint"},
                                 {CANDOR_INTENT_SUGGESTION, "suggestion"},
                                 {CANDOR_INTENT_QUESTION, "question"},
                                 {CANDOR_INTENT_PRAISE, "praise"},
                                 {CANDOR_INTENT_NEEDS_RESPONSE, "needs_response"}};
// The names Python's candor.outer_loop(rank_by=) takes.
constexpr EnumEntry kOuterLoopRank[] = {
    {CANDOR_OUTER_LOOP_RANK_ARR_AT_RISK, "arr"},
    {CANDOR_OUTER_LOOP_RANK_NPS_IMPACT, "impact"},
    {CANDOR_OUTER_LOOP_RANK_DETRACTOR_ACCOUNTS, "detractor_accounts"},
    {CANDOR_OUTER_LOOP_RANK_COMMENTS, "comments"}};
constexpr EnumEntry kSlaStatus[] = {{CANDOR_SLA_MET, "met"},
                                    {CANDOR_SLA_BREACHED, "breached"},
                                    {CANDOR_SLA_AT_RISK, "at_risk"},
                                    {CANDOR_SLA_OPEN, "open"}};
constexpr EnumEntry kInvalidEvents[] = {{CANDOR_INVALID_EVENTS_ERROR, "error"},
                                        {CANDOR_INVALID_EVENTS_DROP_CASE, "drop_case"}};
constexpr EnumEntry kCaseEvent[] = {{CANDOR_CASE_OPENED, "opened"},
                                    {CANDOR_CASE_FIRST_CONTACT, "first_contact"},
                                    {CANDOR_CASE_ON_HOLD, "on_hold"},
                                    {CANDOR_CASE_RESUMED, "resumed"},
                                    {CANDOR_CASE_CLOSED, "closed"}};
constexpr EnumEntry kCaseLogProblem[] = {
    {CANDOR_CASE_LOG_UNKNOWN_EVENT, "unknown_event"},
    {CANDOR_CASE_LOG_DUPLICATE, "duplicate"},
    {CANDOR_CASE_LOG_MISSING_OPENED, "missing_opened"},
    {CANDOR_CASE_LOG_OUT_OF_ORDER, "out_of_order"},
    {CANDOR_CASE_LOG_RESUMED_WITHOUT_HOLD, "resumed_without_hold"}};
constexpr EnumEntry kFollowupCategory[] = {{CANDOR_FOLLOWUP_FIRE_ALARM, "fire_alarm"},
                                           {CANDOR_FOLLOWUP_DETRACTOR, "detractor"},
                                           {CANDOR_FOLLOWUP_PASSIVE, "passive"},
                                           {CANDOR_FOLLOWUP_PROMOTER, "promoter"}};
constexpr EnumEntry kFollowupReason[] = {
    {CANDOR_FOLLOWUP_REASON_DETRACTOR, "detractor"},
    {CANDOR_FOLLOWUP_REASON_PASSIVE, "passive"},
    {CANDOR_FOLLOWUP_REASON_VERY_LOW_SCORE, "very_low_score"},
    {CANDOR_FOLLOWUP_REASON_URGENCY_SAFETY, "urgency_safety"},
    {CANDOR_FOLLOWUP_REASON_URGENCY_LEGAL, "urgency_legal"},
    {CANDOR_FOLLOWUP_REASON_URGENCY_CHURN, "urgency_churn"},
    {CANDOR_FOLLOWUP_REASON_URGENCY_REFUND, "urgency_refund"},
    {CANDOR_FOLLOWUP_REASON_URGENCY_UNRESOLVED, "urgency_unresolved"},
    {CANDOR_FOLLOWUP_REASON_ARR, "arr"},
    {CANDOR_FOLLOWUP_REASON_RENEWAL, "renewal"},
    {CANDOR_FOLLOWUP_REASON_HEALTH_DECLINE, "health_decline"},
    {CANDOR_FOLLOWUP_REASON_REPEAT_DETRACTOR, "repeat_detractor"},
    {CANDOR_FOLLOWUP_REASON_STRATEGIC_ROLE, "strategic_role"},
    {CANDOR_FOLLOWUP_REASON_POOR_HEALTH_GRADE, "poor_health_grade"}};
constexpr EnumEntry kChangeCalibration[] = {
    {CANDOR_CHANGE_CALIBRATION_NONE, "none"},
    {CANDOR_CHANGE_CALIBRATION_GAUSSIAN, "gaussian"},
    {CANDOR_CHANGE_CALIBRATION_PERMUTATION, "permutation"}};
constexpr EnumEntry kChangeDirection[] = {{CANDOR_CHANGE_DIRECTION_NONE, "none"},
                                          {CANDOR_CHANGE_DIRECTION_UP, "up"},
                                          {CANDOR_CHANGE_DIRECTION_DOWN, "down"}};
constexpr EnumEntry kReportFormat[] = {{CANDOR_REPORT_FORMAT_TEXT, "text"},
                                       {CANDOR_REPORT_FORMAT_JSON, "json"},
                                       {CANDOR_REPORT_FORMAT_HTML, "html"}};
constexpr EnumEntry kColumnKind[] = {{CANDOR_COLUMN_NUMBERS, "numbers"},
                                     {CANDOR_COLUMN_TEXT, "text"},
                                     {CANDOR_COLUMN_TIMES, "times"}};

template <size_t N>
constexpr EnumEntries Entries(const EnumEntry (&entries)[N]) {
  return {entries, N};
}

struct EnumTable {
  candor_enum type;
  const char* type_name;  // the C type's, for messages
  EnumEntries entries;
};

constexpr EnumTable kTables[] = {
    {CANDOR_ENUM_METRIC, "candor_metric", Entries(kMetric)},
    {CANDOR_ENUM_INTERVAL, "candor_interval", Entries(kInterval)},
    {CANDOR_ENUM_P_ADJUST, "candor_p_adjust", Entries(kPAdjust)},
    {CANDOR_ENUM_PRESET, "candor_preset", Entries(kPreset)},
    {CANDOR_ENUM_ACCOUNT_MODE, "candor_account_mode", Entries(kAccountMode)},
    {CANDOR_ENUM_MK_METHOD, "candor_mk_method", Entries(kMkMethod)},
    {CANDOR_ENUM_PERIOD, "candor_period", Entries(kPeriod)},
    {CANDOR_ENUM_BUCKETS_COLUMN, "candor_buckets_column", Entries(kBucketsColumn)},
    {CANDOR_ENUM_CHANGE_PENALTY, "candor_change_penalty", Entries(kChangePenalty)},
    {CANDOR_ENUM_SPLIT_RULE, "candor_split_rule", Entries(kSplitRule)},
    {CANDOR_ENUM_ROBUST_SE, "candor_robust_se", Entries(kRobustSe)},
    {CANDOR_ENUM_ACCOUNT_TREND_STATUS, "candor_account_trend_status", Entries(kAccountTrendStatus)},
    {CANDOR_ENUM_UTF8_POLICY, "candor_utf8_policy", Entries(kUtf8Policy)},
    {CANDOR_ENUM_LEXICON_FORMAT, "candor_lexicon_format", Entries(kLexiconFormat)},
    {CANDOR_ENUM_EMOTION, "candor_emotion", Entries(kEmotion)},
    {CANDOR_ENUM_URGENCY, "candor_urgency", Entries(kUrgency)},
    {CANDOR_ENUM_NMF_INIT, "candor_nmf_init", Entries(kNmfInit)},
    {CANDOR_ENUM_SVD_METHOD, "candor_svd_method", Entries(kSvdMethod)},
    {CANDOR_ENUM_THEME_STATUS, "candor_theme_status", Entries(kThemeStatus)},
    {CANDOR_ENUM_TIME_WEIGHT, "candor_time_weight", Entries(kTimeWeight)},
    {CANDOR_ENUM_SURVIVAL_INTERVAL, "candor_survival_interval", Entries(kSurvivalInterval)},
    {CANDOR_ENUM_HEALTH_TRANSFORM, "candor_health_transform", Entries(kHealthTransform)},
    {CANDOR_ENUM_HEALTH_MISSING, "candor_health_missing", Entries(kHealthMissing)},
    {CANDOR_ENUM_HEALTH_COMBINE, "candor_health_combine", Entries(kHealthCombine)},
    {CANDOR_ENUM_PII_KIND, "candor_pii_kind", Entries(kPiiKind)},
    {CANDOR_ENUM_INTENT, "candor_intent", Entries(kIntent)},
    {CANDOR_ENUM_OUTER_LOOP_RANK, "candor_outer_loop_rank", Entries(kOuterLoopRank)},
    {CANDOR_ENUM_SLA_STATUS, "candor_sla_status", Entries(kSlaStatus)},
    {CANDOR_ENUM_INVALID_EVENTS, "candor_invalid_events", Entries(kInvalidEvents)},
    {CANDOR_ENUM_CASE_EVENT, "candor_case_event", Entries(kCaseEvent)},
    {CANDOR_ENUM_CASE_LOG_PROBLEM, "candor_case_log_problem", Entries(kCaseLogProblem)},
    {CANDOR_ENUM_FOLLOWUP_CATEGORY, "candor_followup_category", Entries(kFollowupCategory)},
    {CANDOR_ENUM_FOLLOWUP_REASON, "candor_followup_reason", Entries(kFollowupReason)},
    {CANDOR_ENUM_CHANGE_CALIBRATION, "candor_change_calibration", Entries(kChangeCalibration)},
    {CANDOR_ENUM_CHANGE_DIRECTION, "candor_change_direction", Entries(kChangeDirection)},
    {CANDOR_ENUM_REPORT_FORMAT, "candor_report_format", Entries(kReportFormat)},
    {CANDOR_ENUM_COLUMN_KIND, "candor_column_kind", Entries(kColumnKind)},
};

const EnumTable* TableOf(candor_enum type) {
  for (const EnumTable& table : kTables) {
    if (table.type == type) return &table;
  }
  return nullptr;
}

}  // namespace

EnumEntries EnumValues(candor_enum type) {
  const EnumTable* table = TableOf(type);
  return table == nullptr ? EnumEntries() : table->entries;
}

const char* EnumName(candor_enum type, int32_t value) {
  for (const EnumEntry& entry : EnumValues(type)) {
    if (entry.value == value) return entry.name;
  }
  return nullptr;
}

std::string EnumNameList(candor_enum type) {
  std::string list;
  for (const EnumEntry& entry : EnumValues(type)) {
    if (!list.empty()) list += ", ";
    list += entry.name;
  }
  return list;
}

Result<int32_t> EnumValue(candor_enum type, std::string_view name) {
  const EnumTable* table = TableOf(type);
  if (table == nullptr) {
    return InvalidArgument("enum type " + std::to_string(static_cast<int>(type)) +
                           " is not a candor_enum");
  }
  for (const EnumEntry& entry : table->entries) {
    if (name == entry.name) return entry.value;
  }
  return InvalidArgument("'" + std::string(name) + "' is not a " + table->type_name + " (one of " +
                         EnumNameList(type) + ")");
}

}  // namespace candor
