// Harrell's and Uno's concordance with the infinitesimal-jackknife standard
// error (include/candor/survival.hpp has the definitions and references).
#include <algorithm>
#include <candor/survival.hpp>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "common/radix_sort.hpp"
#include "fenwick.hpp"
#include "survival_input.hpp"

namespace candor {
namespace {

using survival_internal::FenwickTree;
using survival_internal::WeightOf;

// The rank of each risk among the distinct values (0-based), and how many
// distinct values there are.
size_t RiskRanks(const double* risk, size_t n, std::vector<uint32_t>* ranks) {
  std::vector<internal::KeyedRow> items(n);
  for (size_t i = 0; i < n; ++i) items[i] = {internal::OrderedKey(risk[i]), i};
  internal::RadixSort(&items);
  ranks->assign(n, 0);
  uint32_t rank = 0;
  for (size_t k = 0; k < n; ++k) {
    if (k > 0 && items[k].key != items[k - 1].key) ++rank;
    (*ranks)[items[k].row] = rank;
  }
  return n == 0 ? 0 : static_cast<size_t>(rank) + 1;
}

// The rows in time order (events before censorings at a time), with what the
// sweeps read laid out in that order, so that they read memory in sequence.
struct Sorted {
  std::vector<uint32_t> rank;
  std::vector<double> weight;
  // Runs of equal times: [begin, first_censored) are events, [first_censored,
  // end) censorings.
  struct Block {
    size_t begin, first_censored, end;
  };
  std::vector<Block> blocks;
  int weight_exponent = 0;  // weight = the caller's weight * 2^-weight_exponent
};

Sorted SortByTime(const double* time, const double* event, const double* weights, size_t n,
                  const std::vector<uint32_t>& ranks) {
  const std::vector<size_t> order = survival_internal::OrderByTime(time, event, nullptr, n);
  // C and its standard error do not change when every weight is multiplied
  // by one constant: the weights are scaled by a power of two (exactly) so
  // that the largest is in [0.5, 1), and products of two stay in range.
  int exponent = 0;
  if (weights != nullptr) {
    double largest = 0;
    for (size_t i = 0; i < n; ++i) largest = std::max(largest, weights[i]);
    std::frexp(largest, &exponent);
  }
  Sorted s;
  s.weight_exponent = exponent;
  s.rank.resize(n);
  s.weight.resize(n);
  for (size_t p = 0; p < n; ++p) {
    s.rank[p] = ranks[order[p]];
    s.weight[p] = std::ldexp(WeightOf(weights, order[p]), -exponent);
  }
  for (size_t b = 0; b < n;) {
    const double t = time[order[b]];
    size_t e = b;
    size_t first_censored = n;
    for (; e < n && time[order[e]] == t; ++e) {
      if (event[order[e]] == 0 && first_censored == n) first_censored = e;
    }
    s.blocks.push_back({b, first_censored == n ? e : first_censored, e});
    b = e;
  }
  return s;
}

// The time weight of each block's events: 1, or Uno's 1 / G(t-)^2 with G the
// Kaplan-Meier curve of the censorings, the censorings at t after the events
// at t (survival vignette "concordance", section "Time-weighted"). C and its
// standard error do not change when every time weight is multiplied by one
// constant, so Uno's are divided by the largest an event gets, on the log
// scale: 1 / G^2 itself can pass the double range when a heavy censoring
// leaves G tiny.
// *log_scale: log of the constant the weights were divided by.
Result<std::vector<double>> TimeWeights(const Sorted& s, TimeWeight time_weight,
                                        double* log_scale) {
  std::vector<double> tw(s.blocks.size(), 1.0);
  *log_scale = 0;
  if (time_weight == TimeWeight::kHarrell) return tw;
  double at_risk = 0;
  for (double w : s.weight) at_risk += w;
  double log_g = 0;
  double lowest = 0;  // the smallest log G(t-) at an event
  std::vector<double> log_g_before(s.blocks.size(), 0.0);
  for (size_t k = 0; k < s.blocks.size(); ++k) {
    const Sorted::Block& block = s.blocks[k];
    log_g_before[k] = log_g;
    double died = 0;
    double censored = 0;
    for (size_t p = block.begin; p < block.first_censored; ++p) died += s.weight[p];
    // Events of weight 0 weigh nothing whatever their time weight (0 here).
    if (died > 0) lowest = std::min(lowest, log_g);
    for (size_t p = block.first_censored; p < block.end; ++p) censored += s.weight[p];
    if (censored > 0 && at_risk - died > 0) {
      log_g += std::log1p(-std::min(1.0, censored / (at_risk - died)));
    }
    at_risk -= died + censored;
  }
  if (std::isinf(lowest)) {
    return OutOfRange(
        "Uno's time weights: the censoring distribution G reaches 0 before an event (the "
        "censored weight is all the weight at risk), so 1 / G^2 is infinite");
  }
  for (size_t k = 0; k < s.blocks.size(); ++k) {
    tw[k] = std::isinf(log_g_before[k]) ? 0.0 : std::exp(2 * (lowest - log_g_before[k]));
  }
  *log_scale = -2 * lowest;
  return tw;
}

// Adds to `tied_time` / `tied_both` the pairs of events within one block:
// each unordered pair once, split by whether their risks are equal.
void TiedTimePairs(const Sorted& s, const Sorted::Block& block, double tw,
                   std::vector<std::pair<uint32_t, double>>* scratch, double* tied_time,
                   double* tied_both) {
  if (block.first_censored - block.begin < 2) return;
  scratch->clear();
  for (size_t p = block.begin; p < block.first_censored; ++p) {
    scratch->push_back({s.rank[p], s.weight[p]});
  }
  std::sort(scratch->begin(), scratch->end());
  double sum = 0;
  double sum_squares = 0;
  double equal = 0;
  for (size_t a = 0; a < scratch->size();) {
    size_t b = a;
    double run = 0;
    double run_squares = 0;
    for (; b < scratch->size() && (*scratch)[b].first == (*scratch)[a].first; ++b) {
      run += (*scratch)[b].second;
      run_squares += (*scratch)[b].second * (*scratch)[b].second;
    }
    equal += (run * run - run_squares) / 2;
    sum += run;
    sum_squares += run_squares;
    a = b;
  }
  const double all = (sum * sum - sum_squares) / 2;
  *tied_both += tw * equal;
  *tied_time += tw * std::max(0.0, all - equal);
}

// What a Fenwick tree over risk ranks holds below, at and above rank r.
struct Split {
  double below;
  double at;
  double above;
};

Split SplitAt(const FenwickTree& tree, uint32_t r) {
  const double below = tree.Prefix(r);
  const double at = tree.At(r);
  return {below, at, std::max(0.0, tree.Total() - below - at)};
}

}  // namespace

Status ConcordanceOptions::Validate() const {
  if (time_weight != TimeWeight::kHarrell && time_weight != TimeWeight::kUno) {
    return InvalidArgument("time_weight: unknown time weight " +
                           std::to_string(static_cast<int>(time_weight)));
  }
  return OkStatus();
}

Result<Concordance> EstimateConcordance(const double* risk, const double* time, const double* event,
                                        const double* weights, size_t n,
                                        const ConcordanceOptions& options) {
  CANDOR_RETURN_IF_ERROR(options.Validate());
  CANDOR_RETURN_IF_ERROR(survival_internal::CheckTimesAndEvents(time, event, weights, n));
  CANDOR_RETURN_IF_ERROR(survival_internal::CheckRisk(risk, n));

  Concordance result;
  result.n = static_cast<int64_t>(n);
  for (size_t i = 0; i < n; ++i) result.events += event[i] == 1 ? 1 : 0;
  // survival uses the plain weights below two events (its docount).
  result.time_weight = result.events < 2 ? TimeWeight::kHarrell : options.time_weight;

  std::vector<uint32_t> ranks;
  const size_t distinct_risks = RiskRanks(risk, n, &ranks);
  const Sorted s = SortByTime(time, event, weights, n, ranks);
  ranks.clear();
  ranks.shrink_to_fit();
  double log_time_scale = 0;
  auto time_weights = TimeWeights(s, result.time_weight, &log_time_scale);
  if (!time_weights.ok()) return time_weights.status();
  const std::vector<double>& tw = *time_weights;

  // dc, dd, dt (in time order): the derivatives of the concordant, discordant
  // and risk-tied sums with respect to each row's weight (its partners'
  // weighted counts, over both roles of the row in a pair).
  std::vector<double> dc(n, 0.0), dd(n, 0.0), dt(n, 0.0);

  // Row i as the event: its partners are the rows later in time and the
  // censorings at its time. Sweep from the last time back.
  bool comparable = false;  // some event has a partner, whatever the weights
  {
    FenwickTree later(distinct_risks);
    size_t rows_later = 0;
    std::vector<std::pair<uint32_t, double>> scratch;
    for (size_t k = s.blocks.size(); k-- > 0;) {
      const Sorted::Block& block = s.blocks[k];
      for (size_t p = block.first_censored; p < block.end; ++p) later.Add(s.rank[p], s.weight[p]);
      rows_later += block.end - block.first_censored;
      comparable = comparable || (rows_later > 0 && block.first_censored > block.begin);
      for (size_t p = block.begin; p < block.first_censored; ++p) {
        const Split split = SplitAt(later, s.rank[p]);
        dc[p] += tw[k] * split.below;  // higher risk than the partner: concordant
        dd[p] += tw[k] * split.above;
        dt[p] += tw[k] * split.at;
        const double w = s.weight[p] * tw[k];
        result.concordant += w * split.below;
        result.discordant += w * split.above;
        result.tied_risk += w * split.at;
      }
      TiedTimePairs(s, block, tw[k], &scratch, &result.tied_time, &result.tied_both);
      for (size_t p = block.begin; p < block.first_censored; ++p) later.Add(s.rank[p], s.weight[p]);
      rows_later += block.first_censored - block.begin;
    }
  }
  // Row j as the partner: the events before its time, and at its time when
  // j is censored. Sweep forward; the tree holds tw * w of those events.
  {
    FenwickTree earlier(distinct_risks);
    auto as_partner = [&](size_t p) {
      const Split split = SplitAt(earlier, s.rank[p]);
      dc[p] += split.above;  // the event has the higher risk: concordant
      dd[p] += split.below;
      dt[p] += split.at;
    };
    for (size_t k = 0; k < s.blocks.size(); ++k) {
      const Sorted::Block& block = s.blocks[k];
      for (size_t p = block.begin; p < block.first_censored; ++p) as_partner(p);
      for (size_t p = block.begin; p < block.first_censored; ++p) {
        earlier.Add(s.rank[p], tw[k] * s.weight[p]);
      }
      for (size_t p = block.first_censored; p < block.end; ++p) as_partner(p);
    }
  }

  const double pairs = result.concordant + result.discordant + result.tied_risk;
  if (!(pairs > 0)) {
    if (comparable) {
      return Empty(
          "every comparable pair has weight 0 (case weights times time weights; products "
          "below the double range count as 0)");
    }
    return Empty("no comparable pairs: no row is still at risk at any event time (" +
                 std::to_string(result.events) + " events)");
  }
  const double somers = (result.concordant - result.discordant) / pairs;
  result.value = (somers + 1) / 2;
  double variance = 0;
  for (size_t p = 0; p < n; ++p) {
    // w (dc - dd) before dividing by the pairs: when the pairs' weight is
    // subnormal, dc / pairs alone can overflow.
    const double w = s.weight[p];
    const double dfbeta = (w * (dc[p] - dd[p]) - somers * (w * (dc[p] + dd[p] + dt[p]))) / pairs;
    variance += dfbeta * dfbeta;
  }
  result.std_error = std::sqrt(variance / 4);
  // The counts in the caller's units (+inf past the double range).
  for (double* count : {&result.concordant, &result.discordant, &result.tied_risk,
                        &result.tied_time, &result.tied_both}) {
    if (*count != 0) {
      *count = std::ldexp(*count * std::exp(log_time_scale), 2 * s.weight_exponent);
    }
  }
  return result;
}

}  // namespace candor
