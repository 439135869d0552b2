// The online change monitor (include/candor/trend_monitor.hpp): the history's
// in-control level, the threshold from Siegmund's ARL approximation, and the
// two-sided CUSUM updated one bucket at a time.
#include <algorithm>
#include <candor/trend_monitor.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "common/normal.hpp"
#include "score/tally.hpp"

namespace candor {
namespace {

// Fewer history responses than this give a baseline too noisy to monitor
// against (an NPS from fewer is mostly noise; trend_change_points' min_size).
constexpr size_t kMinimumHistory = 30;
// Siegmund's correction for the overshoot of a Gaussian random walk over a
// boundary, 2 x 0.583 (0.583 = -zeta(1/2) / sqrt(2 pi), one per boundary).
constexpr double kOvershoot = 1.166;

Status CheckScores(const Metric& metric, const double* scores, size_t n, const char* what) {
  if (scores == nullptr && n > 0) {
    return InvalidArgument(std::string(what) + " is null with n = " + std::to_string(n));
  }
  if (n == 0) return OkStatus();
  const Status status =
      internal::ValidateResponses(metric.scale_min, metric.scale_max, scores, nullptr, n);
  if (status.ok()) return status;
  return Status(status.code(), std::string(what) + ": " + status.message());
}

}  // namespace

double CusumArl(double k, double h) {
  const double hp = h + kOvershoot;
  const double x = 2 * k * hp;
  // (e^x - x - 1) / (2 k^2) = h'^2 (e^x - x - 1) / (x^2 / 2): the second form
  // has the k -> 0 limit h'^2 and no cancellation for small x.
  if (std::fabs(x) < 1e-4) return hp * hp * (1 + x / 3 + x * x / 12);
  return (std::expm1(x) - x) / (2 * k * k);
}

double CusumThreshold(double k, double alpha) {
  const double target = 2 / alpha;  // each side's ARL
  if (CusumArl(k, 0) >= target) return 0;
  double low = 0;
  double high = 1;
  while (CusumArl(k, high) < target) {
    low = high;
    high *= 2;
  }
  for (int i = 0; i < 200 && high - low > 1e-12 * high; ++i) {
    const double mid = 0.5 * (low + high);
    (CusumArl(k, mid) < target ? low : high) = mid;
  }
  return 0.5 * (low + high);
}

Status ChangeMonitorOptions::Validate() const {
  CANDOR_RETURN_IF_ERROR(metric.Validate());
  if (!(alpha > 0 && alpha < 1)) {
    return InvalidArgument("alpha must be in (0, 1), got " + std::to_string(alpha));
  }
  if (!std::isnan(shift) && !(shift >= 0 && std::isfinite(shift))) {
    return InvalidArgument("shift must be finite and >= 0 (or NaN for the default), got " +
                           std::to_string(shift));
  }
  if (bucket_size < 0) {
    return InvalidArgument("bucket_size must be >= 0, got " + std::to_string(bucket_size));
  }
  if (!(level > 0 && level < 1)) {
    return InvalidArgument("level must be in (0, 1), got " + std::to_string(level));
  }
  return OkStatus();
}

Result<ChangeMonitor> ChangeMonitor::Create(const double* history, size_t n,
                                            const int64_t* bucket_sizes, size_t bucket_count,
                                            const ChangeMonitorOptions& options) {
  CANDOR_RETURN_IF_ERROR(options.Validate());
  CANDOR_RETURN_IF_ERROR(CheckScores(options.metric, history, n, "history"));
  if (n < kMinimumHistory) {
    return Empty("the history has " + std::to_string(n) + " responses; at least " +
                 std::to_string(kMinimumHistory) + " are needed for a baseline");
  }
  if (bucket_count > 0 && bucket_sizes == nullptr) {
    return InvalidArgument("bucket_sizes is null with bucket_count = " +
                           std::to_string(bucket_count));
  }
  ChangeMonitor monitor;
  monitor.options_ = options;
  const Metric& metric = options.metric;

  // The baseline: two passes for an accurate variance.
  double sum = 0;
  for (size_t i = 0; i < n; ++i) sum += metric.ValueOf(static_cast<int>(history[i]));
  const double mu0 = sum / static_cast<double>(n);
  double squares = 0;
  for (size_t i = 0; i < n; ++i) {
    const double d = metric.ValueOf(static_cast<int>(history[i])) - mu0;
    squares += d * d;
  }
  const double sigma = std::sqrt(squares / static_cast<double>(n - 1));
  if (!(sigma > 0)) {
    return InvalidArgument(
        "every response of the history has the same value: its standard "
        "deviation is 0, so no change can be measured against it");
  }

  int64_t typical = options.bucket_size;
  if (bucket_count > 0) {
    std::vector<int64_t> sizes(bucket_sizes, bucket_sizes + bucket_count);
    int64_t total = 0;
    for (size_t i = 0; i < bucket_count; ++i) {
      if (sizes[i] < 0) {
        return InvalidArgument("bucket_sizes[" + std::to_string(i) + "] is negative (" +
                               std::to_string(sizes[i]) + ")");
      }
      total += sizes[i];
    }
    if (total != static_cast<int64_t>(n)) {
      return LengthMismatch("the history's bucket sizes add up to " + std::to_string(total) +
                            ", not its " + std::to_string(n) + " responses");
    }
    if (typical == 0) {
      // The median of the non-empty buckets (lower median for an even count).
      sizes.erase(std::remove(sizes.begin(), sizes.end(), 0), sizes.end());
      const size_t middle = (sizes.size() - 1) / 2;
      std::nth_element(sizes.begin(), sizes.begin() + middle, sizes.end());
      typical = sizes[middle];
    }
  }
  if (typical == 0) typical = 1;

  monitor.mu0_ = mu0;
  monitor.sigma_ = sigma;
  monitor.mean_ = mu0 * metric.Multiplier();
  monitor.sd_ = sigma * metric.Multiplier();
  monitor.bucket_size_ = typical;
  monitor.history_n_ = static_cast<int64_t>(n);
  monitor.scale_ = std::sqrt(static_cast<double>(typical));
  monitor.reference_ =
      std::isnan(options.shift) ? 0.5 : 0.5 * options.shift / monitor.sd_ * monitor.scale_;
  monitor.k_ = monitor.reference_ / monitor.scale_;
  monitor.threshold_ = CusumThreshold(monitor.reference_, options.alpha);
  monitor.h_ = monitor.threshold_ * monitor.scale_;
  monitor.arl0_ = CusumArl(monitor.reference_, monitor.threshold_) / 2;
  return monitor;
}

void ChangeMonitor::Advance(Side* side, double increment, double standardized_sum, int64_t n) {
  const double next = side->statistic + increment;
  if (next <= 0) {
    *side = Side();
    return;
  }
  if (side->statistic <= 0) {  // a new run begins with this bucket
    side->start = buckets_;
    side->n = 0;
    side->sum = 0;
  }
  side->statistic = next;
  side->n += n;
  side->sum += standardized_sum;
}

Result<ChangeMonitorState> ChangeMonitor::Update(const double* scores, size_t n) {
  CANDOR_RETURN_IF_ERROR(CheckScores(options_.metric, scores, n, "scores"));
  const Metric& metric = options_.metric;
  double sum = 0;
  for (size_t i = 0; i < n; ++i) sum += metric.ValueOf(static_cast<int>(scores[i]));
  const double count = static_cast<double>(n);
  const double z = (sum - count * mu0_) / sigma_;
  Advance(&upper_, z - count * k_, z, static_cast<int64_t>(n));
  Advance(&lower_, -z - count * k_, z, static_cast<int64_t>(n));

  ChangeMonitorState state;
  state.bucket = buckets_;
  state.n = static_cast<int64_t>(n);
  state.level =
      n == 0 ? std::numeric_limits<double>::quiet_NaN() : sum / count * metric.Multiplier();
  state.upper = upper_.statistic / scale_;
  state.lower = lower_.statistic / scale_;
  state.threshold = threshold_;
  ++buckets_;
  ++since_reset_;
  state.buckets_since_reset = since_reset_;

  const bool up = upper_.statistic > h_;
  const bool down = lower_.statistic > h_;
  state.alarm = up || down;
  if (state.alarm) {
    const bool use_up = up && (!down || upper_.statistic >= lower_.statistic);
    const Side& side = use_up ? upper_ : lower_;
    state.direction = use_up ? ChangeDirection::kUp : ChangeDirection::kDown;
    state.change_start = side.start;
    state.change_n = side.n;
    if (side.n > 0) {
      const double m = static_cast<double>(side.n);
      const double shift = side.sum / m * sd_;
      const double half = internal::NormalQuantile(0.5 + options_.level / 2) * sd_ / std::sqrt(m);
      state.shift = shift;
      state.shift_low = shift - half;
      state.shift_high = shift + half;
    }
  }
  return state;
}

void ChangeMonitor::Reset() {
  upper_ = Side();
  lower_ = Side();
  since_reset_ = 0;
}

}  // namespace candor
