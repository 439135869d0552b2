// The log-rank test across groups, as R's survdiff (include/candor/survival.hpp).
#include <algorithm>
#include <candor/survival.hpp>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "common/gamma.hpp"
#include "survival_input.hpp"

namespace candor {
namespace {

// Solves a x = b (a: m x m, row-major, overwritten) by Gaussian elimination
// with partial pivoting; false when a is singular to working precision.
bool Solve(std::vector<double>* a, std::vector<double>* b, size_t m) {
  std::vector<double>& A = *a;
  std::vector<double>& x = *b;
  double scale = 0;
  for (size_t i = 0; i < m; ++i) scale = std::max(scale, std::fabs(A[i * m + i]));
  if (!(scale > 0)) return false;
  for (size_t col = 0; col < m; ++col) {
    size_t pivot = col;
    for (size_t r = col + 1; r < m; ++r) {
      if (std::fabs(A[r * m + col]) > std::fabs(A[pivot * m + col])) pivot = r;
    }
    if (!(std::fabs(A[pivot * m + col]) > 1e-12 * scale)) return false;
    if (pivot != col) {
      for (size_t c = 0; c < m; ++c) std::swap(A[col * m + c], A[pivot * m + c]);
      std::swap(x[col], x[pivot]);
    }
    for (size_t r = col + 1; r < m; ++r) {
      const double factor = A[r * m + col] / A[col * m + col];
      if (factor == 0) continue;
      for (size_t c = col; c < m; ++c) A[r * m + c] -= factor * A[col * m + c];
      x[r] -= factor * x[col];
    }
  }
  for (size_t col = m; col-- > 0;) {
    double sum = x[col];
    for (size_t c = col + 1; c < m; ++c) sum -= A[col * m + c] * x[c];
    x[col] = sum / A[col * m + col];
  }
  return true;
}

// The sums over event times s of survdiff's E_k, V_kk's first term and the
// products n_ks n_ls, kept lazily: a group's count at risk changes only when
// its rows leave, so each sum is settled per group (and pair) at its changes
// against running totals of d/n, c/n and c/n^2 (c = d (n - d) / (n - 1)).
// O(G) per change instead of O(G^2) per event time.
class LogRankSums {
 public:
  explicit LogRankSums(const std::vector<double>& at_risk)
      : g_(at_risk.size()),
        at_risk_(at_risk),
        expected_(g_, 0.0),
        spread_(g_, 0.0),
        products_(g_ * g_, 0.0),
        stamp_expected_(g_, 0.0),
        stamp_spread_(g_, 0.0),
        stamp_products_(g_, 0.0) {}

  // An event time with `events` of `total` at risk (before anyone leaves).
  void AddEventTime(double events, double total) {
    expected_total_ += events / total;
    if (total > 1) {
      const double c = events * (total - events) / (total - 1);
      spread_total_ += c / total;
      products_total_ += c / (total * total);
    }
  }

  // Group k's count at risk becomes `count` (after the current time).
  void Change(size_t k, double count) {
    Settle(k);
    at_risk_[k] = count;
  }

  void Finish() {
    for (size_t k = 0; k < g_; ++k) Settle(k);
  }

  double expected(size_t k) const { return expected_[k]; }
  // V_kl = delta_kl spread_k - products_kl.
  double variance(size_t k, size_t l) const {
    return (k == l ? spread_[k] : 0.0) - products_[k * g_ + l];
  }

 private:
  void Settle(size_t k) {
    const double nk = at_risk_[k];
    expected_[k] += nk * (expected_total_ - stamp_expected_[k]);
    spread_[k] += nk * (spread_total_ - stamp_spread_[k]);
    for (size_t l = 0; l < g_; ++l) {
      const double since = products_total_ - std::max(stamp_products_[k], stamp_products_[l]);
      if (since == 0 || at_risk_[l] == 0) continue;
      const double add = nk * at_risk_[l] * since;
      products_[k * g_ + l] += add;
      if (l != k) products_[l * g_ + k] += add;
    }
    stamp_expected_[k] = expected_total_;
    stamp_spread_[k] = spread_total_;
    stamp_products_[k] = products_total_;
  }

  size_t g_;
  std::vector<double> at_risk_;
  std::vector<double> expected_, spread_, products_;
  std::vector<double> stamp_expected_, stamp_spread_, stamp_products_;
  double expected_total_ = 0, spread_total_ = 0, products_total_ = 0;
};

}  // namespace

Result<LogRank> LogRankTest(const double* time, const double* event, const int32_t* groups,
                            size_t n) {
  CANDOR_RETURN_IF_ERROR(survival_internal::CheckTimesAndEvents(time, event, nullptr, n));
  if (groups == nullptr) return InvalidArgument("group is NULL: the log-rank test compares groups");
  CANDOR_RETURN_IF_ERROR(survival_internal::CheckGroups(groups, n));

  std::map<int32_t, size_t> index_of;
  for (size_t i = 0; i < n; ++i) index_of.emplace(groups[i], 0);
  if (index_of.size() < 2) {
    return InvalidArgument("the log-rank test needs at least two groups; all " + std::to_string(n) +
                           " rows are in group " + std::to_string(groups[0]));
  }
  if (index_of.size() > kMaxLogRankGroups) {
    return Unsupported("the log-rank test takes at most " + std::to_string(kMaxLogRankGroups) +
                       " groups, got " + std::to_string(index_of.size()));
  }
  LogRank result;
  for (auto& [code, index] : index_of) {
    index = result.groups.size();
    result.groups.push_back(LogRankGroup{code, 0, 0, 0, 0});
  }
  const size_t g = result.groups.size();
  std::vector<size_t> group_of(n);
  std::vector<double> at_risk(g, 0.0);
  for (size_t i = 0; i < n; ++i) {
    group_of[i] = index_of[groups[i]];
    LogRankGroup& group = result.groups[group_of[i]];
    ++group.n;
    group.observed += event[i];
    at_risk[group_of[i]] += 1;
  }

  LogRankSums sums(at_risk);
  const std::vector<size_t> order = survival_internal::OrderByTime(time, event, nullptr, n);
  double total = static_cast<double>(n);
  std::vector<size_t> changed;  // the groups that lose rows at this time
  std::vector<char> is_changed(g, 0);
  for (size_t b = 0; b < n;) {
    size_t e = b;
    double events = 0;
    for (; e < n && time[order[e]] == time[order[b]]; ++e) events += event[order[e]];
    if (events > 0) sums.AddEventTime(events, total);
    changed.clear();
    for (size_t p = b; p < e; ++p) {
      const size_t k = group_of[order[p]];
      if (!is_changed[k]) {
        is_changed[k] = 1;
        changed.push_back(k);
      }
      at_risk[k] -= 1;
    }
    for (size_t k : changed) {
      sums.Change(k, at_risk[k]);
      is_changed[k] = 0;
    }
    total -= static_cast<double>(e - b);
    b = e;
  }
  sums.Finish();

  std::vector<size_t> tested;  // groups with E_k > 0
  for (size_t k = 0; k < g; ++k) {
    result.groups[k].expected = sums.expected(k);
    result.groups[k].variance = sums.variance(k, k);
    if (result.groups[k].expected > 0) tested.push_back(k);
  }
  if (tested.size() < 2) {
    return InvalidArgument(
        "the log-rank test needs two groups with customers at risk at an "
        "event time; " +
        std::to_string(tested.size()) + " of " + std::to_string(g) + " groups have any");
  }
  // survdiff drops the first tested group (the others' O - E determine it).
  const size_t m = tested.size() - 1;
  std::vector<double> v(m * m);
  std::vector<double> u(m);
  for (size_t r = 0; r < m; ++r) {
    const size_t k = tested[r + 1];
    u[r] = result.groups[k].observed - result.groups[k].expected;
    for (size_t c = 0; c < m; ++c) v[r * m + c] = sums.variance(k, tested[c + 1]);
  }
  const std::vector<double> difference = u;
  if (!Solve(&v, &u, m)) {
    return Unsupported(
        "the log-rank variance matrix is singular (e.g. every customer at risk "
        "churned at each event time)");
  }
  double chi_square = 0;
  for (size_t r = 0; r < m; ++r) chi_square += u[r] * difference[r];
  result.chi_square = std::max(0.0, chi_square);
  result.df = static_cast<int32_t>(m);
  result.p_value = internal::ChiSquareSurvival(result.chi_square, result.df);
  return result;
}

}  // namespace candor
