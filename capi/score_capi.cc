// Estimates, comparisons, planning and p-value adjustment.
#include <cstddef>
#include <vector>

#include "options.hpp"
#include "shim.hpp"

using candor::capi::ScoreCall;

namespace {

// The caller's bootstrap progress callback, when its struct has the fields
// (ScoreCall has checked the size); it must outlive the call.
candor::capi::ProgressHook ScoreProgress(const candor_score_options* options) {
  constexpr size_t kEnd = offsetof(candor_score_options, progress_user_data) + sizeof(void*);
  if (options == nullptr || options->size < kEnd) return {};
  return {options->progress, options->progress_user_data};
}

}  // namespace

extern "C" {

candor_status candor_score(const candor_score_options* options, const double* scores,
                           const double* weights, size_t n, candor_estimate* out) {
  const candor::capi::ProgressHook hook = ScoreProgress(options);
  return ScoreCall(options, out, [&](const candor::Metric& m, const candor::IntervalOptions& o) {
    candor::IntervalOptions told = o;
    told.progress = hook.progress();
    return candor::EstimateScores(m, scores, weights, n, told);
  });
}

candor_status candor_score_i8(const candor_score_options* options, const int8_t* scores,
                              size_t n, candor_estimate* out) {
  return ScoreCall(options, out, [&](const candor::Metric& m, const candor::IntervalOptions& o) {
    return candor::EstimateInt8(m, scores, n, o);
  });
}

candor_status candor_compare(const candor_score_options* options, const double* scores_a,
                             const double* weights_a, size_t n_a, const double* scores_b,
                             const double* weights_b, size_t n_b, candor_comparison* out) {
  const candor::capi::ProgressHook hook = ScoreProgress(options);
  return ScoreCall(options, out, [&](const candor::Metric& m, const candor::IntervalOptions& o) {
    candor::IntervalOptions told = o;
    told.progress = hook.progress();
    return candor::Compare(m, scores_a, weights_a, n_a, scores_b, weights_b, n_b, told);
  });
}

candor_status candor_margin_of_error(double promoters, double detractors, int64_t n, double level,
                                     double* out) {
  return candor::capi::ComputeInto(
      out, [&] { return candor::MarginOfError(promoters, detractors, n, level); });
}

candor_status candor_required_n(double promoters, double detractors, double margin, double level,
                                int64_t* out) {
  return candor::capi::ComputeInto(
      out, [&] { return candor::RequiredSampleSize(promoters, detractors, margin, level); });
}

candor_status candor_adjust_p_values(candor_p_adjust method, const double* p, size_t n,
                                     double* out) {
  return candor::capi::Guard([&] {
    candor::PAdjust adjust;
    CANDOR_RETURN_IF_ERROR(candor::capi::PAdjustFromC(candor::capi::RawEnum(method),
                                                      "unknown p-value adjustment", &adjust));
    if (n == 0) return candor::OkStatus();
    CANDOR_RETURN_IF_ERROR(candor::capi::Required(p, "p", out, "out"));
    for (size_t i = 0; i < n; ++i) {
      if (!(p[i] >= 0 && p[i] <= 1) && p[i] == p[i]) {
        return candor::OutOfRange("p-value at index " + std::to_string(i) +
                                  " is outside [0, 1]: " + std::to_string(p[i]));
      }
    }
    std::vector<double> adjusted = candor::AdjustPValues(std::vector<double>(p, p + n), adjust);
    for (size_t i = 0; i < n; ++i) out[i] = adjusted[i];
    return candor::OkStatus();
  });
}

}  // extern "C"
