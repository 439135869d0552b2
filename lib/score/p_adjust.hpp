// The last step of both Breakdown overloads: the rows' adjusted p-values.
#ifndef CANDOR_SCORE_P_ADJUST_HPP_
#define CANDOR_SCORE_P_ADJUST_HPP_

#include <candor/score.hpp>
#include <vector>

namespace candor::internal {

// Sets rows[r].p_adjusted from p_values[r] (one per row; NaN where the row has
// no test) adjusted by `adjust`; a row without a test gets 1.
void SetAdjustedPValues(const std::vector<double>& p_values, PAdjust adjust,
                        std::vector<BreakdownRow>* rows);

}  // namespace candor::internal

#endif  // CANDOR_SCORE_P_ADJUST_HPP_
