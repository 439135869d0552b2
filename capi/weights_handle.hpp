// capi/weights_handle.hpp — the candor_weights handle, shared by the weight
// shims (which make it) and the design shims (which read its calibration).
#ifndef CANDOR_CAPI_WEIGHTS_HANDLE_HPP_
#define CANDOR_CAPI_WEIGHTS_HANDLE_HPP_

#include <optional>
#include <string>
#include <vector>

#include <candor/design.hpp>
#include <candor/weight.hpp>

struct candor_weights {
  std::vector<double> values;
  candor::WeightSummary summary;
  int iterations = 0;
  bool converged = true;
  std::optional<candor::CalibrationStep> calibration;  // calibrations only
  std::vector<candor::Balance> balance;                // IPW only
  std::vector<std::string> terms;                      // IPW only
  std::vector<double> coefficients;                    // IPW only
};

#endif  // CANDOR_CAPI_WEIGHTS_HANDLE_HPP_
