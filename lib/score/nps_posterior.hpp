// The exact posterior distribution of NPS = theta_pro - theta_det when
// (theta_det, theta_pas, theta_pro) ~ Dirichlet(a_det, a_pas, a_pro).
#ifndef CANDOR_SCORE_NPS_POSTERIOR_HPP_
#define CANDOR_SCORE_NPS_POSTERIOR_HPP_

namespace candor::internal {

// P(theta_pro - theta_det <= t), t on the -1..1 scale.
double NpsPosteriorCdf(double t, double a_det, double a_pas, double a_pro);

// The q-quantile of theta_pro - theta_det, q in (0, 1).
double NpsPosteriorQuantile(double q, double a_det, double a_pas, double a_pro);

}  // namespace candor::internal

#endif  // CANDOR_SCORE_NPS_POSTERIOR_HPP_
