#include "common/quadrature.hpp"

#include <algorithm>
#include <cmath>
#include <queue>
#include <vector>

namespace candor::internal {
namespace {

// The G7-K15 nodes and weights as tabulated in QUADPACK (Piessens et al.
// 1983, routine QK15). Index 7 is the centre; odd indices are Gauss nodes.
constexpr double kKronrodNodes[8] = {
    0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
    0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
    0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
    0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
constexpr double kKronrodWeights[8] = {
    0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
    0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
    0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
    0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
// Gauss weights for kKronrodNodes[1], [3], [5] and the centre [7].
constexpr double kGaussWeights[4] = {
    0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
    0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

struct Piece {
  double a, b, value, error;
  bool operator<(const Piece& other) const { return error < other.error; }
};

Piece KronrodPiece(const std::function<double(double)>& f, double a, double b) {
  const double centre = 0.5 * (a + b);
  const double half = 0.5 * (b - a);
  double values[15];
  values[7] = f(centre);
  for (int i = 0; i < 7; ++i) {
    const double dx = half * kKronrodNodes[i];
    values[i] = f(centre - dx);
    values[14 - i] = f(centre + dx);
  }
  double kronrod = kKronrodWeights[7] * values[7];
  double gauss = kGaussWeights[3] * values[7];
  for (int i = 0; i < 7; ++i) {
    const double pair = values[i] + values[14 - i];
    kronrod += kKronrodWeights[i] * pair;
    if (i % 2 == 1) gauss += kGaussWeights[i / 2] * pair;
  }
  // QUADPACK's error estimate (QK15): |K - G| scaled by the integral of
  // |f - mean| and raised to the power 1.5, far less pessimistic than |K - G|
  // for smooth integrands.
  const double mean = 0.5 * kronrod;
  double spread = kKronrodWeights[7] * std::fabs(values[7] - mean);
  for (int i = 0; i < 7; ++i) {
    spread += kKronrodWeights[i] * (std::fabs(values[i] - mean) + std::fabs(values[14 - i] - mean));
  }
  spread *= std::fabs(half);
  double error = std::fabs((kronrod - gauss) * half);
  if (spread != 0.0 && error != 0.0) {
    error = spread * std::min(1.0, std::pow(200.0 * error / spread, 1.5));
  }
  return {a, b, kronrod * half, error};
}

}  // namespace

QuadratureResult IntegrateAdaptive(const std::function<double(double)>& f, double a, double b,
                                   double absolute_tolerance, double relative_tolerance,
                                   int max_intervals) {
  QuadratureResult result;
  if (!(b > a)) {
    result.converged = (a == b);
    return result;
  }
  std::priority_queue<Piece> pieces;
  Piece first = KronrodPiece(f, a, b);
  pieces.push(first);
  double value = first.value;
  double error = first.error;
  int intervals = 1;
  while (true) {
    const double tolerance = std::max(absolute_tolerance, relative_tolerance * std::fabs(value));
    if (error <= tolerance) {
      result.converged = true;
      break;
    }
    if (intervals >= max_intervals || !std::isfinite(error)) break;
    Piece worst = pieces.top();
    const double middle = 0.5 * (worst.a + worst.b);
    // Too narrow to split further in double precision.
    if (!(middle > worst.a && middle < worst.b)) break;
    pieces.pop();
    Piece left = KronrodPiece(f, worst.a, middle);
    Piece right = KronrodPiece(f, middle, worst.b);
    value += left.value + right.value - worst.value;
    error += left.error + right.error - worst.error;
    pieces.push(left);
    pieces.push(right);
    ++intervals;
  }
  // Re-sum to shed the drift of the running updates.
  value = 0;
  error = 0;
  while (!pieces.empty()) {
    value += pieces.top().value;
    error += pieces.top().error;
    pieces.pop();
  }
  result.value = value;
  result.error_estimate = error;
  return result;
}

}  // namespace candor::internal
