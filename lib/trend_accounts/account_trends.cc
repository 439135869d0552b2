// Per-account trends and the ranking by decline; formulas in
// include/candor/trend_accounts.hpp.
#include <algorithm>
#include <candor/trend_accounts.hpp>
#include <cmath>
#include <limits>
#include <new>
#include <string>
#include <vector>

#include "account_trends_rank.hpp"
#include "account_trends_slope.hpp"
#include "common/parallel.hpp"
#include "common/random.hpp"
#include "score/estimate_internal.hpp"

namespace candor {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kSecondsPerDay = 86400;

Status CheckInputs(const Metric& metric, const double* scores, const int64_t* times,
                   const int32_t* accounts, const double* weights, size_t n) {
  if (n == 0) return Empty("account trends need at least one response");
  if (scores == nullptr) return InvalidArgument("scores is null");
  if (times == nullptr) return InvalidArgument("times is null");
  if (accounts == nullptr) return InvalidArgument("accounts is null");
  for (size_t i = 0; i < n; ++i) {
    const double x = scores[i];
    if (!(x >= metric.scale_min && x <= metric.scale_max) || x != std::floor(x)) {
      return OutOfRange("scores[" + std::to_string(i) + "] = " + std::to_string(x) +
                        " is not an integer score on " + std::to_string(metric.scale_min) +
                        ".." + std::to_string(metric.scale_max));
    }
    if (accounts[i] < 0) {
      return OutOfRange("accounts[" + std::to_string(i) + "] = " + std::to_string(accounts[i]) +
                        " is negative");
    }
    if (weights != nullptr && !(std::isfinite(weights[i]) && weights[i] >= 0)) {
      return OutOfRange("weights[" + std::to_string(i) + "] = " + std::to_string(weights[i]) +
                        " is not finite and >= 0");
    }
  }
  return OkStatus();
}

int64_t SplitTime(const int64_t* times, size_t n, const AccountTrendOptions& options) {
  switch (options.split) {
    case SplitRule::kFixedTime: return options.split_time;
    case SplitRule::kLastDays: {
      const int64_t last = *std::max_element(times, times + n);
      const double split = static_cast<double>(last) - kSecondsPerDay * options.recent_days;
      if (split <= -9.2e18) return std::numeric_limits<int64_t>::min();
      // Near the largest time the difference rounds to 2^63, which does not
      // convert to int64_t; every smaller double is a whole number in range.
      if (split >= 0x1p63) return std::numeric_limits<int64_t>::max();
      return static_cast<int64_t>(std::ceil(split));
    }
    case SplitRule::kMedianTime: break;
  }
  std::vector<int64_t> copy(times, times + n);
  std::nth_element(copy.begin(), copy.begin() + n / 2, copy.end());
  return copy[n / 2];
}

// Response indices grouped by account (ascending codes), input order inside
// each account; starts[k]..starts[k+1] are account codes[k]'s.
struct Groups {
  std::vector<int32_t> codes;
  std::vector<size_t> starts;
  std::vector<size_t> order;
};

Groups GroupByAccount(const int32_t* accounts, size_t n) {
  Groups g;
  g.order.resize(n);
  const int32_t max_code = *std::max_element(accounts, accounts + n);
  if (static_cast<size_t>(max_code) <= 4 * n + 1024) {  // dense codes: counting sort
    std::vector<size_t> count(static_cast<size_t>(max_code) + 2, 0);
    for (size_t i = 0; i < n; ++i) ++count[static_cast<size_t>(accounts[i]) + 1];
    for (size_t c = 1; c < count.size(); ++c) count[c] += count[c - 1];
    for (int32_t c = 0; c <= max_code; ++c) {
      if (count[c + 1] > count[c]) {
        g.codes.push_back(c);
        g.starts.push_back(count[c]);
      }
    }
    for (size_t i = 0; i < n; ++i) g.order[count[static_cast<size_t>(accounts[i])]++] = i;
  } else {  // sparse codes: sort
    for (size_t i = 0; i < n; ++i) g.order[i] = i;
    std::stable_sort(g.order.begin(), g.order.end(),
                     [&](size_t a, size_t b) { return accounts[a] < accounts[b]; });
    for (size_t j = 0; j < n; ++j) {
      if (j == 0 || accounts[g.order[j]] != accounts[g.order[j - 1]]) {
        g.codes.push_back(accounts[g.order[j]]);
        g.starts.push_back(j);
      }
    }
  }
  g.starts.push_back(n);
  return g;
}

Estimate NaNEstimate(int64_t n, double level) {
  Estimate e;
  e.value = e.std_error = e.ci_low = e.ci_high = e.effective_n = kNaN;
  e.level = level;
  e.n = n;
  return e;
}

Comparison NaNComparison(int64_t n_a, int64_t n_b, double level) {
  Comparison c;
  c.difference = c.std_error = c.ci_low = c.ci_high = c.p_value = kNaN;
  c.a = NaNEstimate(n_a, level);
  c.b = NaNEstimate(n_b, level);
  return c;
}

// One account's responses, gathered contiguously, and the t quantiles seen
// so far (scratch reused across the accounts of one thread).
struct AccountData {
  explicit AccountData(double level) : critical(level) {}
  internal::StudentCriticalValues critical;
  std::vector<double> scores, weights, values, times;
  std::vector<double> recent_scores, recent_weights, earlier_scores, earlier_weights;
};

double WeightSum(const std::vector<double>& weights, size_t n) {
  if (weights.empty()) return static_cast<double>(n);
  double sum = 0;
  for (double w : weights) sum += w;
  return sum;
}

// Everything about one account but the adjusted p-values and the flag.
// Returns a status other than OK only for errors that concern the whole
// request (a CANDOR_EMPTY of one account's estimate becomes NaN).
Status AnalyseAccount(const Metric& metric, const double* scores, const int64_t* times,
                      const double* weights, const size_t* idx, size_t count, int64_t split,
                      const IntervalOptions& interval, const AccountTrendOptions& options,
                      AccountData* data, AccountTrend* out) {
  const bool weighted = weights != nullptr;
  data->scores.clear();
  data->weights.clear();
  data->values.clear();
  data->times.clear();
  data->recent_scores.clear();
  data->recent_weights.clear();
  data->earlier_scores.clear();
  data->earlier_weights.clear();
  int64_t first = times[idx[0]], last = times[idx[0]];
  for (size_t j = 0; j < count; ++j) {
    first = std::min(first, times[idx[j]]);
    last = std::max(last, times[idx[j]]);
  }
  const double unit = kSecondsPerDay * options.slope_unit_days;
  for (size_t j = 0; j < count; ++j) {
    const size_t i = idx[j];
    const double x = scores[i];
    data->scores.push_back(x);
    data->values.push_back(metric.ValueOf(static_cast<int>(x)) * metric.Multiplier());
    // Differences of int64 times as doubles: exact below 2^53 seconds apart.
    data->times.push_back((static_cast<double>(times[i]) - static_cast<double>(first)) / unit);
    if (weighted) data->weights.push_back(weights[i]);
    const bool recent = times[i] >= split;
    (recent ? data->recent_scores : data->earlier_scores).push_back(x);
    if (weighted) (recent ? data->recent_weights : data->earlier_weights).push_back(weights[i]);
  }
  out->n = static_cast<int64_t>(count);
  out->first_time = first;
  out->last_time = last;
  const double* w = weighted ? data->weights.data() : nullptr;

  out->level = NaNEstimate(out->n, interval.level);
  if (WeightSum(data->weights, count) > 0) {
    Result<Estimate> level = EstimateScores(metric, data->scores.data(), w, count, interval);
    if (level.ok()) {
      out->level = *level;
    } else if (level.status().code() != CANDOR_EMPTY) {
      return level.status();
    }
  }

  out->slope = out->slope_std_error = out->slope_ci_low = out->slope_ci_high = kNaN;
  out->slope_df = out->slope_p_value = out->slope_p_adjusted = kNaN;
  out->change_p_adjusted = kNaN;
  const int64_t n_recent = static_cast<int64_t>(data->recent_scores.size());
  const int64_t n_earlier = static_cast<int64_t>(data->earlier_scores.size());
  out->recent_vs_earlier = NaNComparison(n_recent, n_earlier, interval.level);
  if (out->n < options.min_responses) {
    out->status = AccountTrendStatus::kTooFewResponses;
    return OkStatus();
  }

  if (WeightSum(data->recent_weights, data->recent_scores.size()) > 0 &&
      WeightSum(data->earlier_weights, data->earlier_scores.size()) > 0) {
    Result<Comparison> change = Compare(
        metric, data->recent_scores.data(), weighted ? data->recent_weights.data() : nullptr,
        data->recent_scores.size(), data->earlier_scores.data(),
        weighted ? data->earlier_weights.data() : nullptr, data->earlier_scores.size(), interval);
    if (change.ok()) {
      out->recent_vs_earlier = *change;
    } else if (change.status().code() != CANDOR_EMPTY) {
      return change.status();
    }
  }

  const internal::SlopeFit fit = internal::FitRobustSlope(
      data->values.data(), data->times.data(), w, count, options.covariance, &data->critical);
  if (!fit.defined) {
    out->status = AccountTrendStatus::kSlopeUndefined;
    return OkStatus();
  }
  out->status = AccountTrendStatus::kOk;
  out->slope = fit.slope;
  out->slope_std_error = fit.std_error;
  out->slope_ci_low = fit.ci_low;
  out->slope_ci_high = fit.ci_high;
  out->slope_df = fit.df;
  out->slope_p_value = fit.p_value;
  return OkStatus();
}

Status Analyse(const Metric& metric, const double* scores, const int64_t* times,
               const double* weights, const Groups& groups, int64_t split,
               const IntervalOptions& interval, const AccountTrendOptions& options,
               std::vector<AccountTrend>* rows) {
  const size_t accounts = groups.codes.size();
  rows->assign(accounts, AccountTrend{});
  std::vector<Status> chunk_status(internal::ChunkCount(accounts, interval.threads));
  internal::ParallelChunks(accounts, interval.threads, [&](size_t chunk, size_t begin,
                                                           size_t end) {
    try {
      AccountData data(interval.level);
      for (size_t k = begin; k < end; ++k) {
        AccountTrend& row = (*rows)[k];
        row.account = groups.codes[k];
        IntervalOptions own = interval;
        own.threads = 1;  // parallel over accounts already
        own.seed = internal::Mix64(interval.seed + static_cast<uint64_t>(row.account));
        const size_t start = groups.starts[k];
        Status s = AnalyseAccount(metric, scores, times, weights, groups.order.data() + start,
                                  groups.starts[k + 1] - start, split, own, options, &data, &row);
        if (!s.ok()) {
          chunk_status[chunk] = Status(s.code(), "account " + std::to_string(row.account) +
                                                     ": " + s.message());
          return;
        }
      }
    } catch (const std::bad_alloc&) {
      chunk_status[chunk] = Status(CANDOR_OUT_OF_MEMORY, "out of memory in account trends");
    }
  });
  for (const Status& s : chunk_status) CANDOR_RETURN_IF_ERROR(s);
  return OkStatus();
}

}  // namespace

Status AccountTrendOptions::Validate() const {
  if (min_responses < 3) {
    return InvalidArgument("min_responses = " + std::to_string(min_responses) +
                           ": a slope test needs at least 3 responses");
  }
  if (!(std::isfinite(slope_unit_days) && slope_unit_days > 0)) {
    return InvalidArgument("slope_unit_days must be finite and > 0");
  }
  if (split != SplitRule::kMedianTime && split != SplitRule::kFixedTime &&
      split != SplitRule::kLastDays) {
    return InvalidArgument("split: unknown rule");
  }
  if (split == SplitRule::kLastDays && !(std::isfinite(recent_days) && recent_days > 0)) {
    return InvalidArgument("recent_days must be finite and > 0");
  }
  if (covariance != RobustCovariance::kHc1 && covariance != RobustCovariance::kHc3) {
    return InvalidArgument("covariance: unknown robust covariance");
  }
  if (adjust != PAdjust::kNone && adjust != PAdjust::kHolm &&
      adjust != PAdjust::kBenjaminiHochberg) {
    return InvalidArgument("adjust: unknown p-value adjustment");
  }
  if (!(alpha > 0 && alpha < 1)) return InvalidArgument("alpha must be in (0, 1)");
  return OkStatus();
}

Result<AccountTrends> EstimateAccountTrends(const Metric& metric, const double* scores,
                                            const int64_t* times, const int32_t* accounts,
                                            const double* weights, size_t n,
                                            const IntervalOptions& interval,
                                            const AccountTrendOptions& options) {
  CANDOR_RETURN_IF_ERROR(internal::ValidateRequest(metric, interval));
  CANDOR_RETURN_IF_ERROR(options.Validate());
  CANDOR_RETURN_IF_ERROR(CheckInputs(metric, scores, times, accounts, weights, n));
  try {
    AccountTrends out;
    out.split_time = SplitTime(times, n, options);
    const Groups groups = GroupByAccount(accounts, n);
    CANDOR_RETURN_IF_ERROR(Analyse(metric, scores, times, weights, groups, out.split_time,
                                   interval, options, &out.rows));
    out.declining = internal::AdjustFlagAndRank(options, &out.rows);
    return out;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY,
                  "out of memory for account trends of " + std::to_string(n) + " responses");
  }
}

}  // namespace candor
