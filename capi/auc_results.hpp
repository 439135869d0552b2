// The C forms of validate's AUC results, for the shims that return them
// (validate_capi.cc, health_weights_capi.cc).
#ifndef CANDOR_CAPI_AUC_RESULTS_HPP_
#define CANDOR_CAPI_AUC_RESULTS_HPP_

#include <candor.h>

#include <candor/validate.hpp>

namespace candor::capi {

inline void ToC(const candor::Auc& in, candor_auc_result* out) {
  out->value = in.value;
  out->std_error = in.std_error;
  out->ci_low = in.ci_low;
  out->ci_high = in.ci_high;
  out->level = in.level;
  out->n_positive = in.n_positive;
  out->n_negative = in.n_negative;
  out->hanley_mcneil_interval = in.hanley_mcneil_interval ? 1 : 0;
}

inline void ToC(const candor::AucComparison& in, candor_auc_comparison* out) {
  out->auc_a = in.auc_a;
  out->auc_b = in.auc_b;
  out->difference = in.difference;
  out->std_error = in.std_error;
  out->ci_low = in.ci_low;
  out->ci_high = in.ci_high;
  out->level = in.level;
  out->z = in.z;
  out->p_value = in.p_value;
  out->correlation = in.correlation;
  out->n_positive = in.n_positive;
  out->n_negative = in.n_negative;
}

}  // namespace candor::capi

#endif  // CANDOR_CAPI_AUC_RESULTS_HPP_
