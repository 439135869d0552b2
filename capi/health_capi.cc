// Customer health (include/candor/health.hpp): a scorecard handle built by
// calls or from JSON, and the scores of a table as columns.
#include <algorithm>
#include <candor/health.hpp>
#include <candor/health_survey.hpp>
#include <cmath>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "health_handles.hpp"
#include "options.hpp"
#include "shim.hpp"

namespace candor::capi {
namespace {

candor_health_measure MeasureDefaults() {
  auto m = ZeroedOptions<candor_health_measure>();
  const HealthMeasure defaults;
  m.weight = defaults.weight;
  m.transform = CANDOR_HEALTH_TRANSFORM_LINEAR;
  m.zero_at = defaults.zero_at;
  m.full_at = defaults.full_at;
  m.true_points = defaults.true_points;
  m.false_points = defaults.false_points;
  m.higher_is_better = defaults.higher_is_better ? 1 : 0;
  m.z_span = defaults.z_span;
  return m;
}

std::string Text(const char* s) { return s == nullptr ? std::string() : std::string(s); }

Status FromC(const candor_health_measure* in, HealthMeasure* out) {
  static constexpr EnumPair<HealthTransform> kTransforms[] = {
      {CANDOR_HEALTH_TRANSFORM_LINEAR, HealthTransform::kLinear},
      {CANDOR_HEALTH_TRANSFORM_TIERS, HealthTransform::kTiers},
      {CANDOR_HEALTH_TRANSFORM_BOOLEAN, HealthTransform::kBoolean},
      {CANDOR_HEALTH_TRANSFORM_PERCENTILE, HealthTransform::kPercentile},
      {CANDOR_HEALTH_TRANSFORM_Z_SCORE, HealthTransform::kZScore}};
  candor_health_measure m = MeasureDefaults();
  CANDOR_RETURN_IF_ERROR(ReadSized(in, sizeof(size_t), &m));
  if (m.name == nullptr) return InvalidArgument("measure->name is NULL");
  CANDOR_RETURN_IF_ERROR(EnumFromC(RawEnum(m.transform), kTransforms,
                                   "measure->transform: unknown transform", &out->transform));
  if (m.n_tiers > 0 && m.tiers == nullptr) {
    return InvalidArgument("measure->tiers is NULL with n_tiers " + std::to_string(m.n_tiers));
  }
  out->name = m.name;
  out->label = Text(m.label);
  out->group = Text(m.group);
  out->weight = m.weight;
  out->zero_at = m.zero_at;
  out->full_at = m.full_at;
  out->tiers.clear();
  for (size_t k = 0; k < m.n_tiers; ++k) {
    const candor_health_tier& t = m.tiers[k];
    out->tiers.push_back(
        {t.low, t.high, t.low_inclusive != 0, t.high_inclusive != 0, t.points, Text(t.label)});
  }
  out->true_points = m.true_points;
  out->false_points = m.false_points;
  out->higher_is_better = m.higher_is_better != 0;
  out->z_span = m.z_span;
  return OkStatus();
}

// The measure's name, label or a grade's name, or NULL past the end.
const char* NameAt(const std::vector<HealthMeasure>& measures, size_t i, bool label) {
  if (i >= measures.size()) return nullptr;
  const HealthMeasure& m = measures[i];
  return (label && !m.label.empty() ? m.label : m.name).c_str();
}

// One account's reasons joined by "; ".
Result<std::string> JoinedReasons(const candor_health_scores& s, size_t i) {
  std::string joined;
  for (int32_t k = 0; k < s.scores.reason_count[i]; ++k) {
    auto text = HealthReasonText(s.card, s.scores, i, static_cast<size_t>(k));
    if (!text.ok()) return text.status();
    if (k > 0) joined += "; ";
    joined += *text;
  }
  return joined;
}

candor_survey_measure_options SurveyDefaults() {
  auto o = ZeroedOptions<candor_survey_measure_options>();
  const SurveyMeasureOptions defaults;
  o.from = defaults.from;
  o.to = defaults.to;
  o.shrink = defaults.shrink ? 1 : 0;
  return o;
}

// Copies n values into `out` when the caller asked for them.
template <typename T>
void CopyTo(const std::vector<T>& values, T* out) {
  if (out != nullptr) std::copy(values.begin(), values.end(), out);
}

}  // namespace
}  // namespace candor::capi

using candor::capi::Guard;
using candor::capi::Required;

extern "C" {

candor_status candor_scorecard_new(candor_scorecard** out) {
  return candor::capi::NewHandle(
      out, [] { return candor::Result<candor::Scorecard>(candor::Scorecard()); });
}

candor_status candor_scorecard_from_json(const char* json, size_t length, candor_scorecard** out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    *out = nullptr;
    if (json == nullptr && length > 0) return candor::InvalidArgument("json is NULL");
    return candor::capi::MakeHandle(out, [&] {
      return candor::ParseScorecardJson(std::string_view(json == nullptr ? "" : json, length));
    });
  });
}

void candor_scorecard_free(candor_scorecard* card) { delete card; }

candor_status candor_health_measure_defaults(candor_health_measure* measure, size_t size) {
  return candor::capi::WriteDefaults(candor::capi::MeasureDefaults(), size, measure);
}

candor_status candor_scorecard_add_group(candor_scorecard* card, const char* name, double weight) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(card, "card", name, "name"));
    card->card.groups.push_back({name, weight});
    return candor::OkStatus();
  });
}

candor_status candor_scorecard_add_measure(candor_scorecard* card,
                                           const candor_health_measure* measure) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(card, "card", measure, "measure"));
    candor::HealthMeasure m;
    CANDOR_RETURN_IF_ERROR(candor::capi::FromC(measure, &m));
    card->card.measures.push_back(std::move(m));
    return candor::OkStatus();
  });
}

candor_status candor_scorecard_set_grades(candor_scorecard* card, const char* const* names,
                                          const double* min_scores, size_t n) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(card, "card"));
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(names, "names", min_scores, "min_scores"));
    std::vector<candor::HealthGrade> grades;
    for (size_t k = 0; k < n; ++k) {
      if (names[k] == nullptr) {
        return candor::InvalidArgument("names[" + std::to_string(k) + "] is NULL");
      }
      grades.push_back({names[k], min_scores[k]});
    }
    card->card.grades = std::move(grades);
    return candor::OkStatus();
  });
}

candor_status candor_scorecard_set_rules(candor_scorecard* card, candor_health_missing missing,
                                         candor_health_combine combine, int32_t reasons) {
  static constexpr candor::capi::EnumPair<candor::HealthMissing> kMissing[] = {
      {CANDOR_HEALTH_MISSING_RENORMALIZE, candor::HealthMissing::kRenormalize},
      {CANDOR_HEALTH_MISSING_ZERO, candor::HealthMissing::kZero},
      {CANDOR_HEALTH_MISSING_GROUP_MEAN, candor::HealthMissing::kGroupMean}};
  static constexpr candor::capi::EnumPair<candor::HealthCombine> kCombine[] = {
      {CANDOR_HEALTH_COMBINE_WEIGHTED_MEAN, candor::HealthCombine::kWeightedMean},
      {CANDOR_HEALTH_COMBINE_WORST_OF, candor::HealthCombine::kWorstOf}};
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(card, "card"));
    candor::Scorecard& c = card->card;
    CANDOR_RETURN_IF_ERROR(candor::capi::EnumFromC(candor::capi::RawEnum(missing), kMissing,
                                                   "missing: unknown policy", &c.missing));
    CANDOR_RETURN_IF_ERROR(candor::capi::EnumFromC(candor::capi::RawEnum(combine), kCombine,
                                                   "combine: unknown rule", &c.combine));
    if (reasons < 0 || reasons > 16) {
      return candor::InvalidArgument("reasons: " + std::to_string(reasons) + " is not in 0..16");
    }
    c.reasons = reasons;
    return candor::OkStatus();
  });
}

candor_status candor_scorecard_add_profile(candor_scorecard* card, const char* segment,
                                           const double* measure_weights, size_t n_measure_weights,
                                           const double* group_weights, size_t n_group_weights) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(card, "card", segment, "segment"));
    if (n_measure_weights > 0) {
      CANDOR_RETURN_IF_ERROR(Required(measure_weights, "measure_weights"));
    }
    if (n_group_weights > 0) CANDOR_RETURN_IF_ERROR(Required(group_weights, "group_weights"));
    candor::HealthProfile profile;
    profile.segment = segment;
    profile.measure_weights.assign(measure_weights, measure_weights + n_measure_weights);
    profile.group_weights.assign(group_weights, group_weights + n_group_weights);
    card->card.profiles.push_back(std::move(profile));
    return candor::OkStatus();
  });
}

candor_status candor_scorecard_validate(const candor_scorecard* card) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(card, "card"));
    return card->card.Validate();
  });
}

size_t candor_scorecard_measures(const candor_scorecard* card) {
  return card == nullptr ? 0 : card->card.measures.size();
}

const char* candor_scorecard_measure_name(const candor_scorecard* card, size_t i) {
  return card == nullptr ? nullptr : candor::capi::NameAt(card->card.measures, i, false);
}

const char* candor_scorecard_measure_label(const candor_scorecard* card, size_t i) {
  return card == nullptr ? nullptr : candor::capi::NameAt(card->card.measures, i, true);
}

size_t candor_scorecard_grades(const candor_scorecard* card) {
  return card == nullptr ? 0 : card->card.grades.size();
}

const char* candor_scorecard_grade_name(const candor_scorecard* card, size_t k) {
  if (card == nullptr || k >= card->card.grades.size()) return nullptr;
  return card->card.grades[k].name.c_str();
}

candor_status candor_health_score(const candor_scorecard* card, const char* const* names,
                                  const double* const* columns, size_t n_columns, size_t n,
                                  const int32_t* segment, const char* const* segment_names,
                                  size_t n_segments, candor_health_scores** out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    *out = nullptr;
    CANDOR_RETURN_IF_ERROR(Required(card, "card"));
    auto table = candor::capi::HealthTableFromC(names, columns, n_columns, n, segment,
                                                segment_names, n_segments);
    if (!table.ok()) return table.status();
    return candor::capi::MakeHandle(out, [&]() -> candor::Result<candor_health_scores> {
      auto scores = candor::ScoreHealth(card->card, *table);
      if (!scores.ok()) return scores.status();
      return candor_health_scores{card->card, std::move(scores).value()};
    });
  });
}

void candor_health_scores_free(candor_health_scores* scores) { delete scores; }

candor_status candor_health_scores_columns(const candor_health_scores* scores,
                                           candor_health_columns* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(scores, "scores", out, "out"));
    const candor::HealthScores& s = scores->scores;
    out->n = s.n;
    out->measures = s.measures;
    out->max_reasons = s.max_reasons;
    out->score = s.score.data();
    out->grade = s.grade.data();
    out->coverage = s.coverage.data();
    out->points = s.points.data();
    out->contribution = s.contribution.data();
    out->max_contribution = s.max_contribution.data();
    out->reason_count = s.reason_count.data();
    out->reason_measure = s.reason_measure.data();
    out->reason_value = s.reason_value.data();
    out->reason_lost = s.reason_lost.data();
    out->unmatched = s.unmatched.data();
    return candor::OkStatus();
  });
}

candor_status candor_health_reasons(const candor_health_scores* scores, size_t first, size_t count,
                                    char* buffer, size_t capacity, size_t* length) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(scores, "scores", length, "length"));
    const size_t n = scores->scores.n;
    if (first > n || count > n - first) {
      return candor::OutOfRange("accounts [" + std::to_string(first) + ", " +
                                std::to_string(first) + " + " + std::to_string(count) +
                                ") pass the " + std::to_string(n) + " accounts");
    }
    size_t needed = 0;
    size_t written = 0;
    for (size_t i = first; i < first + count; ++i) {
      auto joined = candor::capi::JoinedReasons(*scores, i);
      if (!joined.ok()) return joined.status();
      needed += joined->size() + 1;
      if (buffer != nullptr && needed <= capacity) {
        std::memcpy(buffer + written, joined->c_str(), joined->size() + 1);
        written = needed;
      }
    }
    *length = needed;
    if (buffer == nullptr && capacity == 0) return candor::OkStatus();
    if (buffer == nullptr) return candor::InvalidArgument("buffer is NULL with a capacity");
    if (needed > capacity) {
      return candor::InvalidArgument("buffer of " + std::to_string(capacity) +
                                     " bytes; the reasons need " + std::to_string(needed));
    }
    return candor::OkStatus();
  });
}

candor_status candor_survey_measure_options_defaults(candor_survey_measure_options* options,
                                                     size_t size) {
  return candor::capi::WriteDefaults(candor::capi::SurveyDefaults(), size, options);
}

candor_status candor_account_survey_measure(const candor_score_options* metric,
                                            const candor_survey_measure_options* options,
                                            const double* scores, const int64_t* times,
                                            const int32_t* accounts, size_t n, size_t n_accounts,
                                            const int32_t* account_segment, size_t n_segments,
                                            double* value, double* std_error, double* raw,
                                            double* shrinkage, int64_t* responses,
                                            candor_survey_segment* segments) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(value, "value"));
    candor::SurveyMeasureOptions cpp;
    if (metric != nullptr) {
      candor::IntervalOptions unused;
      CANDOR_RETURN_IF_ERROR(candor::capi::FromOptions(metric, &cpp.metric, &unused, nullptr));
    }
    candor_survey_measure_options o = candor::capi::SurveyDefaults();
    CANDOR_RETURN_IF_ERROR(candor::capi::ReadSized(options, sizeof(size_t), &o));
    cpp.from = o.from;
    cpp.to = o.to;
    cpp.shrink = o.shrink != 0;
    auto result = candor::AccountSurveyMeasure(scores, times, accounts, n, n_accounts,
                                               account_segment, n_segments, cpp);
    if (!result.ok()) return result.status();
    candor::capi::CopyTo(result->value, value);
    candor::capi::CopyTo(result->std_error, std_error);
    candor::capi::CopyTo(result->raw, raw);
    candor::capi::CopyTo(result->shrinkage, shrinkage);
    candor::capi::CopyTo(result->responses, responses);
    if (segments != nullptr) {
      for (size_t g = 0; g < result->segments.size(); ++g) {
        const candor::SurveySegment& from = result->segments[g];
        segments[g] = {from.accounts,        from.responses,        from.mean,
                       from.within_variance, from.between_variance, from.pseudo_responses ? 1 : 0};
      }
    }
    return candor::OkStatus();
  });
}

}  // extern "C"
