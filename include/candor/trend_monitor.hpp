// candor/trend_monitor.hpp — the online change monitor: given the history of
// a metric and each new bucket of responses (a day, an hour, any batch, or a
// single response), say whether the data so far shows a change, at a stated
// false-alarm rate per bucket, the day it becomes real rather than at the
// end of a month.
//
// Values. Each response has the metric's per-response value v (score.hpp's
// Metric::ValueOf: NPS -1/0/+1, top/bottom box 1/0, mean: the score). The
// reported units are the metric's (times Metric::Multiplier(): NPS points on
// -100..100, box percentages, the mean itself).
//
// In-control level. From the history (the N responses before monitoring
// starts; N >= 30): mu0 = the mean of v and sigma = its standard deviation
// (denominator N - 1; sigma must be > 0).
//
// Statistic: two-sided CUSUM (Page 1954, Biometrika 41:100) on the per-
// response values, in per-response standard-deviation units. Bucket t with
// n_t responses and value sum S_t has the standardized increment
//   z_t = (S_t - n_t mu0) / sigma
// and
//   U_t = max(0, U_{t-1} + z_t - n_t k),   L_t = max(0, L_{t-1} - z_t - n_t k)
// from U_0 = L_0 = 0, with the reference value k = delta / 2 for the shift
// delta (in sd units) to be detected fastest. A bucket of one response is
// Page's per-observation CUSUM; a bucket of n responses adds their n
// increments at once (the same U/L as n single updates whenever the side
// does not touch 0 inside the bucket). An empty bucket changes nothing but
// counts as a bucket.
//
// Typical bucket. The threshold is set for buckets of a typical size n:
// `bucket_size` if given, else the median bucket size of the history when
// it is given as buckets, else 1 (each response its own bucket). In the
// units of a typical bucket's standard error (sigma sqrt(n)), the CUSUM is
// the Gaussian CUSUM of unit-variance bucket means with
//   k_b = k sqrt(n),  h_b = h / sqrt(n);
// `upper`, `lower` and `threshold` are reported in these units (U_t /
// (sigma-units sqrt(n))), so that a bucket's increment is about one z-score.
// Default shift: delta = 1 / sqrt(n), one standard error of a typical
// bucket (k_b = 0.5); option `shift` gives it in the metric's reported units
// (e.g. 5 NPS points): delta = shift / (Multiplier() sigma).
//
// Threshold from the false-alarm rate. `alpha` is the false-alarm
// probability per bucket on average: the in-control average run length
// (buckets until a false alarm) is ARL0 = 1 / alpha (default 0.01: one false
// alarm per 100 buckets on average; a daily monitor should use a smaller
// alpha, e.g. 0.001 for one per 2.7 years). Siegmund's approximation of a
// one-sided Gaussian CUSUM's ARL (Siegmund 1985, Sequential Analysis, ch.
// II; as in Montgomery, Introduction to Statistical Quality Control, the
// CUSUM chapter):
//   ARL(k_b, h_b) ~ (exp(2 k_b h') - 2 k_b h' - 1) / (2 k_b^2),
//   h' = h_b + 1.166                      (h'^2 when k_b = 0),
// and the two sides, 1 / ARL = 1 / ARL+ + 1 / ARL-, so each side is given
// ARL 2 / alpha and h_b is solved for by bisection (h_b = 0 when even h_b = 0
// alarms less often than that, for alpha near 1). `arl0()` is the two-sided
// ARL the approximation gives for the chosen h_b.
// Accuracy (tests/cpp/trend_monitor, bench/change_monitor.py; measured, not
// guaranteed): with Gaussian increments the simulated ARL0 is within 10% of
// the target. With NPS responses (discrete, skewed bucket values) and a long
// history the achieved per-bucket false-alarm rate at alpha 0.01 was 0.0089,
// 0.0107 and 0.0090 for 5, 20 and 100 responses per bucket (300 runs each,
// about +/- 6%): the approximation holds even for small buckets. A short
// history adds its own error: with 90 history buckets the rates were
// 0.0114, 0.0113 and 0.0103 (the baseline's noise raises the false-alarm
// rate by about 10%). No Monte Carlo calibration of h is offered.
//
// Alarm. A bucket alarms when U_t > h or L_t > h; the direction is kUp for
// U, kDown for L (the larger in units of h when both). The monitor does not
// reset itself after an alarm: the statistics keep running (so later
// buckets alarm too while the shift persists) until the caller acts and
// calls Reset(). On an alarm, the estimated change start is the bucket after
// the last one where the alarming side was 0 (the side's run of positive
// values began there), and the estimated shift is the mean of the values
// since then minus mu0, in reported units, with the Wald interval
// shift +/- z_{(1+level)/2} sigma / sqrt(m) over those m responses. Caveat:
// the estimate is conditional on the alarm, so it is biased away from 0
// (the run was selected for having drifted); the interval is nominal only.
//
// Errors: a bad option (alpha outside (0, 1), a negative or non-finite
// shift, a negative bucket_size, level outside (0, 1), a bad metric):
// CANDOR_INVALID_ARGUMENT; a history of fewer than 30 responses: CANDOR_EMPTY;
// a history whose responses all have one value (sigma = 0):
// CANDOR_INVALID_ARGUMENT; a score that is NaN, not an integer or off the
// metric's scale: CANDOR_OUT_OF_RANGE naming its index; bucket sizes that do
// not add up to the history's length: CANDOR_LENGTH_MISMATCH; a negative
// bucket size: CANDOR_INVALID_ARGUMENT; null scores with n > 0:
// CANDOR_INVALID_ARGUMENT. A bucket with a bad score changes nothing.
#ifndef CANDOR_TREND_MONITOR_HPP_
#define CANDOR_TREND_MONITOR_HPP_

#include <candor/score.hpp>
#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace candor {

enum class ChangeDirection { kNone, kUp, kDown };

struct ChangeMonitorOptions {
  Metric metric = Metric::Nps();
  // False-alarm probability per bucket on average (ARL0 = 1 / alpha).
  double alpha = 0.01;
  // The shift to detect fastest, in the metric's reported units (NPS
  // points); NaN: one standard error of a typical bucket.
  double shift = std::numeric_limits<double>::quiet_NaN();
  // Responses in a typical bucket; 0: the history's median bucket, or 1.
  int64_t bucket_size = 0;
  // Of the shift estimate's interval.
  double level = 0.95;

  Status Validate() const;
};

struct ChangeMonitorState {
  int64_t bucket = 0;  // index of this bucket (0-based, since creation)
  int64_t n = 0;       // responses in it
  double level = 0;    // the metric on this bucket (reported units;
                       // NaN when empty)
  double upper = 0;    // U_t, lower L_t, threshold h_b: in standard
  double lower = 0;    // errors of a typical bucket
  double threshold = 0;
  bool alarm = false;
  ChangeDirection direction = ChangeDirection::kNone;
  // On an alarm (else -1 and NaN): the estimated first bucket of the change,
  // the responses since then, the shift (reported units) and its interval.
  int64_t change_start = -1;
  int64_t change_n = 0;
  double shift = std::numeric_limits<double>::quiet_NaN();
  double shift_low = std::numeric_limits<double>::quiet_NaN();
  double shift_high = std::numeric_limits<double>::quiet_NaN();
  int64_t buckets_since_reset = 0;  // including this one
};

class ChangeMonitor {
 public:
  // `history`: the n responses before monitoring starts, in time order.
  // `bucket_sizes` (may be null when `bucket_count` is 0): the history's
  // buckets, adding up to n, used for the typical bucket size only.
  static Result<ChangeMonitor> Create(const double* history, size_t n, const int64_t* bucket_sizes,
                                      size_t bucket_count, const ChangeMonitorOptions& options);

  // Adds one bucket of n responses and returns the state after it.
  Result<ChangeMonitorState> Update(const double* scores, size_t n);
  // Back to U = L = 0 (after acting on an alarm); bucket indices go on.
  void Reset();

  const ChangeMonitorOptions& options() const { return options_; }
  double threshold() const { return threshold_; }  // h_b
  double reference() const { return reference_; }  // k_b
  double arl0() const { return arl0_; }            // Siegmund, two-sided
  double baseline_mean() const { return mean_; }   // mu0, reported units
  double baseline_sd() const { return sd_; }       // sigma, reported units
  int64_t bucket_size() const { return bucket_size_; }
  int64_t history_n() const { return history_n_; }
  int64_t buckets() const { return buckets_; }

 private:
  ChangeMonitor() = default;

  // One side of the CUSUM: its statistic (per-response sd units) and, while
  // it is positive, where its run began and the responses since then.
  struct Side {
    double statistic = 0;
    int64_t start = -1;
    int64_t n = 0;
    double sum = 0;  // of (v - mu0) / sigma
  };
  void Advance(Side* side, double increment, double standardized_sum, int64_t n);

  ChangeMonitorOptions options_;
  double mu0_ = 0;  // per-response value units
  double sigma_ = 1;
  double mean_ = 0;  // reported units
  double sd_ = 0;
  double k_ = 0;  // per response, sd units
  double h_ = 0;  // per-response sd units
  double reference_ = 0;
  double threshold_ = 0;
  double arl0_ = 0;
  double scale_ = 1;  // sqrt(bucket_size): sd units to bucket-SE units
  int64_t bucket_size_ = 1;
  int64_t history_n_ = 0;
  int64_t buckets_ = 0;
  int64_t since_reset_ = 0;
  Side upper_;
  Side lower_;
};

// Siegmund's approximate one-sided ARL of a Gaussian CUSUM with reference k
// and threshold h (unit-variance increments); and the h giving a two-sided
// ARL of 1 / alpha for reference k.
double CusumArl(double k, double h);
double CusumThreshold(double k, double alpha);

}  // namespace candor

#endif  // CANDOR_TREND_MONITOR_HPP_
