// The standard normal quantile for the commands that turn a confidence level
// into a z (report, themes). The library's own quantile is internal (not in
// the public API the command line is limited to), and a command needs one
// value per run, so bisection is enough.
#ifndef CANDOR_CLI_NORMAL_QUANTILE_HPP_
#define CANDOR_CLI_NORMAL_QUANTILE_HPP_

namespace candor::cli {

// Phi^{-1}(p) by bisection on Phi(x) = erfc(-x / sqrt 2) / 2: 200 halvings of
// [-40, 40] reach double precision.
double NormalQuantile(double p);

}  // namespace candor::cli

#endif  // CANDOR_CLI_NORMAL_QUANTILE_HPP_
