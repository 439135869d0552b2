#include "score/tally.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace candor::internal {
namespace {

std::string FormatNumber(double x) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.17g", x);
  return buffer;
}

}  // namespace

Tally Tally::Empty(int scale_min, int scale_max) {
  Tally tally;
  tally.scale_min = scale_min;
  tally.scale_max = scale_max;
  const size_t points = static_cast<size_t>(static_cast<int64_t>(scale_max) - scale_min + 1);
  tally.counts.assign(points, 0);
  tally.weight_sums.assign(points, 0.0);
  tally.weight_square_sums.assign(points, 0.0);
  return tally;
}

Tally Tally::FromAccumulator(const ScoreAccumulator& accumulator) {
  Tally tally;
  tally.scale_min = accumulator.scale_min();
  tally.scale_max = accumulator.scale_max();
  tally.weighted = accumulator.weighted();
  tally.counts = accumulator.counts();
  tally.weight_sums = accumulator.weight_sums();
  tally.weight_square_sums = accumulator.weight_square_sums();
  return tally;
}

int64_t Tally::Total() const {
  int64_t total = 0;
  for (int64_t count : counts) total += count;
  return total;
}

double Tally::WeightTotal() const {
  double total = 0;
  for (double sum : weight_sums) total += sum;
  return total;
}

Tally Tally::Minus(const Tally& other) const {
  Tally rest = *this;
  for (size_t j = 0; j < counts.size(); ++j) {
    rest.counts[j] -= other.counts[j];
    rest.weight_sums[j] -= other.weight_sums[j];
    rest.weight_square_sums[j] -= other.weight_square_sums[j];
    if (rest.counts[j] == 0) {
      // Exact zeros, not rounding residue, where nothing is left.
      rest.weight_sums[j] = 0;
      rest.weight_square_sums[j] = 0;
    }
  }
  return rest;
}

Status ValidateResponses(int scale_min, int scale_max, const double* scores, const double* weights,
                         size_t n) {
  if (n > 0 && scores == nullptr) return InvalidArgument("scores is null but n > 0");
  for (size_t i = 0; i < n; ++i) {
    const double x = scores[i];
    if (std::isnan(x)) return OutOfRange("score at index " + std::to_string(i) + " is NaN");
    if (x < scale_min || x > scale_max) {
      return OutOfRange("score at index " + std::to_string(i) + " (" + FormatNumber(x) +
                        ") is outside the scale " + std::to_string(scale_min) + ".." +
                        std::to_string(scale_max));
    }
    if (x != std::floor(x)) {
      return OutOfRange("score at index " + std::to_string(i) + " (" + FormatNumber(x) +
                        ") is not an integer");
    }
  }
  if (weights == nullptr) return OkStatus();
  for (size_t i = 0; i < n; ++i) {
    const double w = weights[i];
    if (!std::isfinite(w)) {
      return OutOfRange("weight at index " + std::to_string(i) + " is not finite (" +
                        FormatNumber(w) + ")");
    }
    if (w < 0) {
      return OutOfRange("weight at index " + std::to_string(i) + " is negative (" +
                        FormatNumber(w) + ")");
    }
  }
  return OkStatus();
}

Status TallyResponses(const double* scores, const double* weights, size_t n, Tally* tally) {
  CANDOR_RETURN_IF_ERROR(ValidateResponses(tally->scale_min, tally->scale_max, scores, weights, n));
  const int scale_min = tally->scale_min;
  if (weights == nullptr) {
    std::vector<int64_t> added(tally->counts.size(), 0);
    for (size_t i = 0; i < n; ++i) ++added[static_cast<size_t>(scores[i] - scale_min)];
    for (size_t j = 0; j < added.size(); ++j) {
      // Unit weights: both weight sums grow by the count, exactly.
      tally->counts[j] += added[j];
      tally->weight_sums[j] += static_cast<double>(added[j]);
      tally->weight_square_sums[j] += static_cast<double>(added[j]);
    }
    return OkStatus();
  }
  for (size_t i = 0; i < n; ++i) {
    const size_t point = static_cast<size_t>(scores[i] - scale_min);
    const double w = weights[i];
    ++tally->counts[point];
    tally->weight_sums[point] += w;
    tally->weight_square_sums[point] += w * w;
    if (w != 1.0) tally->weighted = true;
  }
  return OkStatus();
}

Status CheckEstimable(const Tally& tally) {
  if (tally.Total() == 0) return Empty("no responses");
  const double total_weight = tally.WeightTotal();
  if (!(total_weight > 0)) return OutOfRange("the weights sum to zero");
  if (!std::isfinite(total_weight)) return OutOfRange("the weights sum to infinity");
  if (tally.weighted) {
    // Kish's effective n, (sum w)^2 / sum w^2, needs both to be finite and
    // positive. Weights are scaled so that the largest lies in [1, 2)
    // (weight_scale.hpp); a group whose weights all lie some 150 orders of
    // magnitude below it still underflows, and its effective n is unknown.
    double square_total = 0;
    for (double s : tally.weight_square_sums) square_total += s;
    if (!(square_total > 0) || !std::isfinite(square_total) ||
        !std::isfinite(total_weight * total_weight)) {
      return OutOfRange(
          "the squares of this group's weights underflow or overflow a double, so its "
          "effective sample size is unknown; its weights are over 1e150 times smaller "
          "than the largest weight, or larger than 1e150");
    }
  }
  return OkStatus();
}

}  // namespace candor::internal
