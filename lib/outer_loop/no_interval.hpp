// Which of a theme's intervals would have zero width, and why
// (outer_loop.hpp, "No interval of zero width").
#ifndef CANDOR_OUTER_LOOP_NO_INTERVAL_HPP_
#define CANDOR_OUTER_LOOP_NO_INTERVAL_HPP_

#include <candor/drivers.hpp>
#include <candor/outer_loop.hpp>
#include <cstdint>

namespace candor::internal {

// The ARR at risk's bootstrap interval: degenerate when ARR_a x [a at risk]
// is the same for all `accounts` accounts (every resampled total is then
// accounts times it), or when the percentiles coincide. `equal_arr_at_risk`:
// every account at risk has the same ARR.
NoIntervalReason ArrNoInterval(const ThemeCost& theme, int64_t accounts, bool equal_arr_at_risk);

// The impact's Wald interval: no mentions, all mentions, or an SE of 0.
NoIntervalReason ImpactNoInterval(const ThemeCost& theme, ThemeStatus status);

// The share change's interval: an SE of 0 (all or none in each period).
NoIntervalReason ShareChangeNoInterval(const ThemeCost& theme);

// Sets the bounds of every interval with a reason to NaN.
void DropZeroWidthIntervals(ThemeCost* theme);

}  // namespace candor::internal

#endif  // CANDOR_OUTER_LOOP_NO_INTERVAL_HPP_
