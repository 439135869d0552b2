// Validation and small helpers shared by the weight module's sources.
#ifndef CANDOR_WEIGHT_WEIGHT_INTERNAL_HPP_
#define CANDOR_WEIGHT_WEIGHT_INTERNAL_HPP_

#include <candor/status.hpp>
#include <candor/weight.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace candor::internal {

// A number for an error message: shortest form that reads back the same.
std::string FormatNumber(double value);

// `what` (e.g. "base weights") names the array in messages. Checks that the
// pointer is non-null when n > 0 and every value is finite and >= 0.
Status ValidateWeights(const double* weights, size_t n, const std::string& what);

// Every code in [0, levels); names the array, the index and the value.
Status ValidateCodes(const int32_t* codes, size_t n, int32_t levels, const std::string& what);

// Null pointer with n > 0 is an error naming `what`.
Status RequireArray(const void* pointer, size_t n, const std::string& what);

// The base weights of a calibration: a copy, or ones when `base` is null.
std::vector<double> BaseWeightsOrOnes(const double* base, size_t n);

// SummarizeWeights without validation (weights may be negative after GREG);
// every field 0 when the weights sum to 0.
WeightSummary SummarizeUnchecked(const std::vector<double>& weights);

}  // namespace candor::internal

#endif  // CANDOR_WEIGHT_WEIGHT_INTERNAL_HPP_
