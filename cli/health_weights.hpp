// candor health --suggest-weights: the fit of churn on the scorecard's
// measures (candor/health_weights.hpp) and its report.
#ifndef CANDOR_CLI_HEALTH_WEIGHTS_HPP_
#define CANDOR_CLI_HEALTH_WEIGHTS_HPP_

#include <candor/health.hpp>
#include <candor/health_history.hpp>
#include <candor/health_weights.hpp>
#include <cstdint>
#include <vector>

#include "args.hpp"
#include "records.hpp"

namespace candor::cli {

// Suggested weights for `card` from the churn column of `records`, over the
// accounts of `table` (the measure columns read from the same records).
Result<SuggestedWeights> SuggestWeightsFor(const HealthArgs& args, const Scorecard& card,
                                           const HealthTable& table, const Records& records);

// The same as of args.as_of (`as_of`, parsed) over `history`, from the
// churn column's value per account code (`churned`).
Result<SuggestedWeights> SuggestWeightsAsOfFor(const HealthArgs& args, const Scorecard& card,
                                               const HealthHistory& history, int64_t as_of,
                                               const std::vector<uint8_t>& churned);

// Prints them in args.format; returns the exit code.
int PrintSuggestedWeights(const HealthArgs& args, const Scorecard& card,
                          const SuggestedWeights& weights);

}  // namespace candor::cli

#endif  // CANDOR_CLI_HEALTH_WEIGHTS_HPP_
