// capi/design_from_c.hpp — the C++ SurveyDesign of a C candor_design, shared
// by the shims that take a design (design estimates, change points).
#ifndef CANDOR_CAPI_DESIGN_FROM_C_HPP_
#define CANDOR_CAPI_DESIGN_FROM_C_HPP_

#include <candor.h>

#include <candor/design.hpp>
#include <candor/status.hpp>
#include <cstddef>
#include <vector>

namespace candor::capi {

// The design's weights, clusters and calibration for n responses; `steps`
// holds the calibration step *out points to. design must not be NULL.
Status FromDesign(const candor_design* design, size_t n, SurveyDesign* out,
                  std::vector<CalibrationStep>* steps);

}  // namespace candor::capi

#endif  // CANDOR_CAPI_DESIGN_FROM_C_HPP_
