// AccountSurveyMeasure: each account's metric from its responses, shrunk
// toward its segment by empirical Bayes (include/candor/health_survey.hpp).
#include <candor/health_survey.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace candor {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Status CheckInput(const double* scores, const int32_t* accounts, size_t n, size_t n_accounts,
                  const int32_t* account_segment, size_t n_segments,
                  const SurveyMeasureOptions& options) {
  CANDOR_RETURN_IF_ERROR(options.metric.Validate());
  if (options.from >= options.to) {
    return InvalidArgument("options: from " + std::to_string(options.from) + " >= to " +
                           std::to_string(options.to) + ": an empty window");
  }
  if (n > 0 && (scores == nullptr || accounts == nullptr)) {
    return InvalidArgument(scores == nullptr ? "scores is NULL" : "accounts is NULL");
  }
  if (n_accounts > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    return InvalidArgument("n_accounts " + std::to_string(n_accounts) + " is past int32");
  }
  if (account_segment != nullptr) {
    for (size_t a = 0; a < n_accounts; ++a) {
      if (account_segment[a] < 0 || static_cast<size_t>(account_segment[a]) >= n_segments) {
        return OutOfRange("account_segment[" + std::to_string(a) +
                          "] = " + std::to_string(account_segment[a]) + ": not in [0, " +
                          std::to_string(n_segments) + ")");
      }
    }
  }
  const Metric& m = options.metric;
  for (size_t i = 0; i < n; ++i) {
    if (accounts[i] < 0 || static_cast<size_t>(accounts[i]) >= n_accounts) {
      return OutOfRange("accounts[" + std::to_string(i) + "] = " + std::to_string(accounts[i]) +
                        ": not in [0, " + std::to_string(n_accounts) + ")");
    }
    const double x = scores[i];
    if (!(x == std::floor(x) && x >= m.scale_min && x <= m.scale_max)) {
      return OutOfRange("scores[" + std::to_string(i) + "] = " + std::to_string(x) +
                        ": not an integer on the scale " + std::to_string(m.scale_min) + ".." +
                        std::to_string(m.scale_max));
    }
  }
  return OkStatus();
}

// Per account: the count, the sum and the sum of squares of its values.
struct Sums {
  std::vector<int64_t> n;
  std::vector<double> sum, squares;
};

}  // namespace

Result<SurveyMeasure> AccountSurveyMeasure(const double* scores, const int64_t* times,
                                           const int32_t* accounts, size_t n, size_t n_accounts,
                                           const int32_t* account_segment, size_t n_segments,
                                           const SurveyMeasureOptions& options) {
  CANDOR_RETURN_IF_ERROR(
      CheckInput(scores, accounts, n, n_accounts, account_segment, n_segments, options));
  const Metric& metric = options.metric;
  const size_t segments = account_segment == nullptr ? 1 : n_segments;
  auto segment_of = [&](size_t a) {
    return account_segment == nullptr ? size_t{0} : static_cast<size_t>(account_segment[a]);
  };

  Sums s{std::vector<int64_t>(n_accounts, 0), std::vector<double>(n_accounts, 0.0),
         std::vector<double>(n_accounts, 0.0)};
  for (size_t i = 0; i < n; ++i) {
    if (times != nullptr && !(times[i] >= options.from && times[i] < options.to)) continue;
    const size_t a = static_cast<size_t>(accounts[i]);
    ++s.n[a];
    s.sum[a] += metric.ValueOf(static_cast<int>(scores[i])) * metric.Multiplier();
  }
  SurveyMeasure out;
  out.value.assign(n_accounts, kNaN);
  out.raw.assign(n_accounts, kNaN);
  out.std_error.assign(n_accounts, kNaN);
  out.shrinkage.assign(n_accounts, kNaN);
  out.responses = s.n;
  for (size_t a = 0; a < n_accounts; ++a) {
    if (s.n[a] > 0) out.raw[a] = s.sum[a] / static_cast<double>(s.n[a]);
  }
  // Second pass: squared deviations from each account's own mean (no
  // cancellation), and the segments' totals.
  for (size_t i = 0; i < n; ++i) {
    if (times != nullptr && !(times[i] >= options.from && times[i] < options.to)) continue;
    const size_t a = static_cast<size_t>(accounts[i]);
    const double d = metric.ValueOf(static_cast<int>(scores[i])) * metric.Multiplier() - out.raw[a];
    s.squares[a] += d * d;
  }
  std::vector<double> within(segments, 0.0), total(segments, 0.0), sum_n2(segments, 0.0);
  out.segments.assign(segments, SurveySegment{});
  for (size_t a = 0; a < n_accounts; ++a) {
    if (s.n[a] == 0) continue;
    SurveySegment& g = out.segments[segment_of(a)];
    g.accounts += 1;
    g.responses += s.n[a];
    total[segment_of(a)] += s.sum[a];
    within[segment_of(a)] += s.squares[a];
    sum_n2[segment_of(a)] += static_cast<double>(s.n[a]) * static_cast<double>(s.n[a]);
  }
  std::vector<double> ybar(segments, 0.0), between_ss(segments, 0.0);
  for (size_t g = 0; g < segments; ++g) {
    if (out.segments[g].responses > 0) ybar[g] = total[g] / out.segments[g].responses;
  }
  for (size_t a = 0; a < n_accounts; ++a) {
    if (s.n[a] == 0) continue;
    const double d = out.raw[a] - ybar[segment_of(a)];
    between_ss[segment_of(a)] += static_cast<double>(s.n[a]) * d * d;
  }
  const double lo = metric.LowestValue();
  const double hi = metric.HighestValue();
  for (size_t g = 0; g < segments; ++g) {
    SurveySegment& seg = out.segments[g];
    if (seg.accounts == 0) continue;
    const double big_n = static_cast<double>(seg.responses);
    const double k = static_cast<double>(seg.accounts);
    double sigma2 = 0;
    if (big_n > k) {
      sigma2 = within[g] / (big_n - k);
    } else if (big_n > 1) {
      sigma2 = between_ss[g] / (big_n - 1);  // one response each: their variance
    }
    if (!(sigma2 > 0)) {
      // No spread to measure: one more account of two pseudo-responses, at
      // the ends of the range, adds (hi - lo)^2 / 2 on 1 degree of freedom.
      const double within_df = big_n > k ? big_n - k : 0;
      sigma2 = (within[g] + (hi - lo) * (hi - lo) / 2) / (within_df + 1);
      seg.pseudo_responses = true;
    }
    double tau2 = 0;
    if (k > 1 && big_n > k) {
      tau2 = std::max(0.0, (between_ss[g] - (k - 1) * sigma2) / (big_n - sum_n2[g] / big_n));
    }
    seg.within_variance = sigma2;
    seg.between_variance = tau2;
  }
  // mu per segment: precision-weighted mean of the accounts' means.
  std::vector<double> weight_sum(segments, 0.0), weighted(segments, 0.0);
  for (size_t a = 0; a < n_accounts; ++a) {
    if (s.n[a] == 0) continue;
    const SurveySegment& seg = out.segments[segment_of(a)];
    const double w = 1 / (seg.between_variance + seg.within_variance / s.n[a]);
    weight_sum[segment_of(a)] += w;
    weighted[segment_of(a)] += w * out.raw[a];
  }
  for (size_t g = 0; g < segments; ++g) {
    if (weight_sum[g] > 0) out.segments[g].mean = weighted[g] / weight_sum[g];
  }
  for (size_t a = 0; a < n_accounts; ++a) {
    if (s.n[a] == 0) continue;
    const size_t g = segment_of(a);
    const SurveySegment& seg = out.segments[g];
    const double sampling = seg.within_variance / static_cast<double>(s.n[a]);
    if (!options.shrink) {
      out.value[a] = out.raw[a];
      out.std_error[a] = std::sqrt(sampling);
      out.shrinkage[a] = 1;
      continue;
    }
    const double b = seg.between_variance / (seg.between_variance + sampling);
    out.shrinkage[a] = b;
    out.value[a] = seg.mean + b * (out.raw[a] - seg.mean);
    out.std_error[a] = std::sqrt(b * sampling + (1 - b) * (1 - b) / weight_sum[g]);
  }
  return out;
}

}  // namespace candor
