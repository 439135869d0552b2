// Covariate balance of respondents against the invited population, before
// and after inverse-propensity weighting.
#ifndef CANDOR_WEIGHT_IPW_BALANCE_HPP_
#define CANDOR_WEIGHT_IPW_BALANCE_HPP_

#include <candor/weight.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace candor::internal {

// One Balance per numeric covariate and per level present of each
// categorical covariate ("name=code"): |mean over respondents - mean over all
// n| / sd over all n (sample sd, divisor n - 1), with respondents unweighted
// (before) and weighted by `weights` (after; one per respondent, in row
// order). Covariates must already be validated.
std::vector<Balance> PropensityBalance(const std::vector<Covariate>& covariates,
                                       const uint8_t* responded, size_t n,
                                       const std::vector<double>& weights);

}  // namespace candor::internal

#endif  // CANDOR_WEIGHT_IPW_BALANCE_HPP_
