// The Jeffreys interval, candor's default for NPS and box metrics, on
// response counts and on a design's effective counts.
//
// Counts c get the Jeffreys prior, one half per category: Dirichlet(c + 1/2)
// over NPS's detractors, passives and promoters, Beta(c + 1/2) for a box's
// share. The interval is the posterior's equal-tailed one; where the estimate
// sits at a bound (all promoters, no one in the box), the interval is widened
// to reach it, as Brown, Cai & DasGupta (2001, Statistical Science 16(2),
// 101-133) advise for x = 0 and x = n. Their Jeffreys interval for a
// proportion keeps close to its nominal coverage from small n; the trinomial
// version covers 93-97% from n = 10 across true NPS from -80 to +80 (the
// coverage test in tests/cpp/score/score_jeffreys_coverage_test.cc). The
// estimate, standard error and comparisons stay Wald's; only the interval
// is Jeffreys'. A mean has no such form and keeps the Wald interval.
//
// Under a design with clusters or calibration the counts are effective: the
// shares times n_eff = (plug-in variance of one response) / (design variance
// of the mean), the effective sample size of Korn & Graubard (1998, Survey
// Methodology 24(2), 193-201), at most n; with no design variance (every
// response in one group) n_eff is Kish's.
#ifndef CANDOR_SCORE_JEFFREYS_HPP_
#define CANDOR_SCORE_JEFFREYS_HPP_

#include <candor/score.hpp>
#include <cstdint>

namespace candor::internal {

// The prior count per category.
constexpr double kJeffreysPrior = 0.5;

struct JeffreysBounds {
  double low = 0;             // value scale: -1..1 for NPS, 0..1 for a box
  double high = 0;
};

// counts: {detractors, passives, promoters} for NPS, {out, in} for a box
// (effective counts may be fractional); estimate on the value scale.
// Expects metric.kind != kMean and a level in (0, 1).
JeffreysBounds JeffreysInterval(MetricKind kind, const double* counts, double level,
                                double estimate);

// What EstimateFromDesignVariance needs of a (domain) mean m = sum w s / sum w.
struct DesignMoments {
  int64_t n = 0;
  double weight_sum = 0;       // sum w
  double square_sum = 0;       // sum w^2
  double mean = 0;             // sum w s / sum w
  double mean_of_squares = 0;  // sum w s^2 / sum w
};

// The estimate on the reported scale with the design variance of the mean
// (value scale): Wald for IntervalMethod::kWald and for means, the Jeffreys
// interval on the design's effective counts for kJeffreys. The standard error
// is the design's in both. Other methods are rejected before this is reached.
Estimate EstimateFromDesignVariance(const Metric& metric, const DesignMoments& moments,
                                    double variance, const IntervalOptions& options);

}  // namespace candor::internal

#endif  // CANDOR_SCORE_JEFFREYS_HPP_
