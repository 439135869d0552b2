// Harrell's and Uno's concordance with the infinitesimal-jackknife standard
// error (include/candor/survival.hpp has the definitions and references).
#include <algorithm>
#include <candor/survival.hpp>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "fenwick.hpp"
#include "survival_input.hpp"

namespace candor {
namespace {

using survival_internal::FenwickTree;
using survival_internal::WeightOf;

// The rank of each risk among the distinct values (0-based), and how many
// distinct values there are.
size_t RiskRanks(const double* risk, size_t n, std::vector<uint32_t>* ranks) {
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return risk[a] < risk[b]; });
  ranks->assign(n, 0);
  size_t rank = 0;
  for (size_t k = 0; k < n; ++k) {
    if (k > 0 && risk[order[k]] != risk[order[k - 1]]) ++rank;
    (*ranks)[order[k]] = static_cast<uint32_t>(rank);
  }
  return n == 0 ? 0 : rank + 1;
}

// [begin, end) of each run of equal times in `order`; within a run the
// events come first (OrderByTime), and `first_censored` is where they stop.
struct TimeBlock {
  size_t begin;
  size_t first_censored;
  size_t end;
};

std::vector<TimeBlock> TimeBlocks(const std::vector<size_t>& order, const double* time,
                                  const double* event) {
  std::vector<TimeBlock> blocks;
  const size_t n = order.size();
  for (size_t b = 0; b < n;) {
    size_t e = b;
    size_t first_censored = n;
    while (e < n && time[order[e]] == time[order[b]]) {
      if (event[order[e]] == 0 && first_censored == n) first_censored = e;
      ++e;
    }
    blocks.push_back({b, first_censored == n ? e : first_censored, e});
    b = e;
  }
  return blocks;
}

// The time weight of each block's events: 1, or Uno's 1 / G(t-)^2 with G the
// Kaplan-Meier curve of the censorings, the censorings at t after the events
// at t (survival vignette "concordance", section "Time-weighted").
std::vector<double> TimeWeights(const std::vector<TimeBlock>& blocks,
                                const std::vector<size_t>& order, const double* weights,
                                TimeWeight time_weight) {
  std::vector<double> tw(blocks.size(), 1.0);
  if (time_weight == TimeWeight::kHarrell) return tw;
  double at_risk = 0;
  for (size_t i : order) at_risk += WeightOf(weights, i);
  double g = 1;
  for (size_t k = 0; k < blocks.size(); ++k) {
    const TimeBlock& block = blocks[k];
    tw[k] = 1 / (g * g);
    double died = 0;
    double censored = 0;
    for (size_t p = block.begin; p < block.first_censored; ++p) died += WeightOf(weights, order[p]);
    for (size_t p = block.first_censored; p < block.end; ++p) {
      censored += WeightOf(weights, order[p]);
    }
    if (censored > 0 && at_risk - died > 0) g *= 1 - censored / (at_risk - died);
    at_risk -= died + censored;
  }
  return tw;
}

// Adds to `tied_time` / `tied_both` the pairs of events within one block:
// each unordered pair once, split by whether their risks are equal.
void TiedTimePairs(const std::vector<size_t>& order, const TimeBlock& block,
                   const std::vector<uint32_t>& ranks, const double* weights, double tw,
                   std::vector<size_t>* scratch, double* tied_time, double* tied_both) {
  if (block.first_censored - block.begin < 2) return;
  scratch->assign(order.begin() + block.begin, order.begin() + block.first_censored);
  std::sort(scratch->begin(), scratch->end(),
            [&](size_t a, size_t b) { return ranks[a] < ranks[b]; });
  double sum = 0;
  double sum_squares = 0;
  double equal = 0;
  for (size_t a = 0; a < scratch->size();) {
    size_t b = a;
    double run = 0;
    double run_squares = 0;
    while (b < scratch->size() && ranks[(*scratch)[b]] == ranks[(*scratch)[a]]) {
      const double w = WeightOf(weights, (*scratch)[b]);
      run += w;
      run_squares += w * w;
      ++b;
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

// What a Fenwick tree over risk ranks says of the rows below, at and above
// rank r.
struct Split {
  double below;
  double at;
  double above;
};

Split SplitAt(const FenwickTree& tree, uint32_t r) {
  const double below = tree.Prefix(r);
  const double through = tree.Prefix(static_cast<size_t>(r) + 1);
  return {below, through - below, std::max(0.0, tree.Total() - through)};
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
  const std::vector<size_t> order = survival_internal::OrderByTime(time, event, n);
  const std::vector<TimeBlock> blocks = TimeBlocks(order, time, event);
  const std::vector<double> tw = TimeWeights(blocks, order, weights, result.time_weight);

  // dc, dd, dt: the derivatives of the concordant, discordant and risk-tied
  // sums with respect to each row's weight (its partners' weighted counts).
  std::vector<double> dc(n, 0.0), dd(n, 0.0), dt(n, 0.0);

  // Row i as the event: its partners are the rows later in time and the
  // censorings at its time. Sweep from the last time back.
  {
    FenwickTree later(distinct_risks);
    std::vector<size_t> scratch;
    for (size_t k = blocks.size(); k-- > 0;) {
      const TimeBlock& block = blocks[k];
      for (size_t p = block.first_censored; p < block.end; ++p) {
        later.Add(ranks[order[p]], WeightOf(weights, order[p]));
      }
      for (size_t p = block.begin; p < block.first_censored; ++p) {
        const size_t i = order[p];
        const Split s = SplitAt(later, ranks[i]);
        dc[i] += tw[k] * s.below;  // higher risk than the partner: concordant
        dd[i] += tw[k] * s.above;
        dt[i] += tw[k] * s.at;
        const double w = WeightOf(weights, i);
        result.concordant += w * tw[k] * s.below;
        result.discordant += w * tw[k] * s.above;
        result.tied_risk += w * tw[k] * s.at;
      }
      TiedTimePairs(order, block, ranks, weights, tw[k], &scratch, &result.tied_time,
                    &result.tied_both);
      for (size_t p = block.begin; p < block.first_censored; ++p) {
        later.Add(ranks[order[p]], WeightOf(weights, order[p]));
      }
    }
  }
  // Row j as the partner: the events before its time, and at its time when
  // j is censored. Sweep forward; the tree holds tw * w of those events.
  {
    FenwickTree earlier(distinct_risks);
    auto as_partner = [&](size_t j) {
      const Split s = SplitAt(earlier, ranks[j]);
      dc[j] += s.above;  // the event has the higher risk: concordant
      dd[j] += s.below;
      dt[j] += s.at;
    };
    for (size_t k = 0; k < blocks.size(); ++k) {
      const TimeBlock& block = blocks[k];
      for (size_t p = block.begin; p < block.first_censored; ++p) as_partner(order[p]);
      for (size_t p = block.begin; p < block.first_censored; ++p) {
        earlier.Add(ranks[order[p]], tw[k] * WeightOf(weights, order[p]));
      }
      for (size_t p = block.first_censored; p < block.end; ++p) as_partner(order[p]);
    }
  }

  const double pairs = result.concordant + result.discordant + result.tied_risk;
  if (!(pairs > 0)) {
    return Empty("no comparable pairs: no row is still at risk at any event time (" +
                 std::to_string(result.events) + " events)");
  }
  const double somers = (result.concordant - result.discordant) / pairs;
  result.value = (somers + 1) / 2;
  double variance = 0;
  for (size_t i = 0; i < n; ++i) {
    const double dfbeta =
        WeightOf(weights, i) * ((dc[i] - dd[i]) / pairs - somers * (dc[i] + dd[i] + dt[i]) / pairs);
    variance += dfbeta * dfbeta;
  }
  result.std_error = std::sqrt(variance / 4);
  return result;
}

}  // namespace candor
