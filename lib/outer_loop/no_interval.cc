// The intervals of the outer loop that would have zero width: their reasons
// and the sentences users read (outer_loop.hpp).
#include "no_interval.hpp"

#include <cmath>
#include <limits>

namespace candor {

const char* NoIntervalReasonText(NoIntervalReason reason) {
  switch (reason) {
    case NoIntervalReason::kNone:
      return "";
    case NoIntervalReason::kNoDetractorAccount:
      return "no detractor account mentions this theme: nothing at risk to resample";
    case NoIntervalReason::kNoArrAtRisk:
      return "the detractor accounts mentioning this theme have ARR 0: nothing at risk to "
             "resample";
    case NoIntervalReason::kEveryAccountAtRisk:
      return "every account is at risk from this theme with the same ARR: the resampled total "
             "cannot vary";
    case NoIntervalReason::kFewBootstrapValues:
      return "the bootstrap totals take so few values that the interval's bounds coincide";
    case NoIntervalReason::kNoMentions:
      return "no comment mentions this theme: removing its comments changes nothing";
    case NoIntervalReason::kAllMention:
      return "every comment mentions this theme: there is no NPS without it to compare";
    case NoIntervalReason::kMetricConstant:
      return "the comments' metric values do not vary: the impact's standard error is 0";
    case NoIntervalReason::kShareAllOrNone:
      return "in each of the two periods this theme is in every comment or in none: the share "
             "change's standard error is 0";
  }
  return "";
}

namespace internal {
namespace {

// A finite point whose interval has no width (or is not a number).
bool ZeroWidth(double point, double low, double high) {
  return std::isfinite(point) && !(high > low);
}

}  // namespace

NoIntervalReason ArrNoInterval(const ThemeCost& theme, int64_t accounts, bool equal_arr_at_risk) {
  if (std::isnan(theme.arr_at_risk)) return NoIntervalReason::kNone;  // no ARR given
  if (theme.detractor_accounts == 0) return NoIntervalReason::kNoDetractorAccount;
  if (theme.arr_at_risk == 0) return NoIntervalReason::kNoArrAtRisk;
  if (theme.detractor_accounts == accounts && equal_arr_at_risk) {
    return NoIntervalReason::kEveryAccountAtRisk;
  }
  if (ZeroWidth(theme.arr_at_risk, theme.arr_ci_low, theme.arr_ci_high)) {
    return NoIntervalReason::kFewBootstrapValues;
  }
  return NoIntervalReason::kNone;
}

NoIntervalReason ImpactNoInterval(const ThemeCost& theme, ThemeStatus status) {
  if (status == ThemeStatus::kNoMentions || theme.comments == 0) {
    return NoIntervalReason::kNoMentions;
  }
  if (status == ThemeStatus::kAllMention) return NoIntervalReason::kAllMention;
  if (ZeroWidth(theme.impact.difference, theme.impact.ci_low, theme.impact.ci_high)) {
    return NoIntervalReason::kMetricConstant;
  }
  return NoIntervalReason::kNone;
}

NoIntervalReason ShareChangeNoInterval(const ThemeCost& theme) {
  if (theme.has_trend &&
      ZeroWidth(theme.share_change, theme.share_change_ci_low, theme.share_change_ci_high)) {
    return NoIntervalReason::kShareAllOrNone;
  }
  return NoIntervalReason::kNone;
}

void DropZeroWidthIntervals(ThemeCost* theme) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (theme->arr_no_interval != NoIntervalReason::kNone) {
    theme->arr_ci_low = theme->arr_ci_high = kNaN;
  }
  if (theme->impact_no_interval != NoIntervalReason::kNone) {
    theme->impact.ci_low = theme->impact.ci_high = kNaN;
  }
  if (theme->share_change_no_interval != NoIntervalReason::kNone) {
    theme->share_change_ci_low = theme->share_change_ci_high = kNaN;
  }
}

}  // namespace internal
}  // namespace candor
